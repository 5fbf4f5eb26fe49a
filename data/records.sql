-- records.sql - the adviser's records file: saved one-to-one sessions.
--
-- Embedded in the binary at build time (see app/embed.cmake) and run by
-- records.c, in one transaction, when it creates a records file. This is
-- a file of its own, never part of the data store: it holds what an
-- adviser typed about a pupil, so it is created with mode 0600 and its
-- deleted rows are wiped (PRAGMA secure_delete, then VACUUM).
--
-- PRAGMA application_id marks the file as a careers records file (0x43415252,
-- "CARR"); PRAGMA user_version is the layout version (RECORDS_VERSION in
-- records.h). A file with another application id is not ours and is
-- refused; one with a higher version is from a newer careers and is
-- refused untouched. An older file is brought up to date when it is
-- opened, after it has been checked: version 1 gets session.version;
-- version 2 the adviser's details, the kiosk code, note.shared and
-- session_ids.
--
-- Session ids are never used twice, not even after a delete or a purge:
-- session_ids keeps the last one given (records_save takes the next).
--
-- One row of `session` per struct advice (app/advice.h), its learner
-- profile as columns; the shortlist, notes and agreed actions are child
-- rows ordered by position (0 first). Times are local, "YYYY-MM-DD HH:MM";
-- dates are "YYYY-MM-DD". REAL columns are NULL where the program's value
-- is NaN ("any level").

PRAGMA application_id = 1128354386;
PRAGMA user_version = 3;

CREATE TABLE session (
	id INTEGER PRIMARY KEY,
	pupil TEXT NOT NULL,		-- initials or a school reference, as typed
	created TEXT NOT NULL,
	updated TEXT NOT NULL,		-- purge goes by this
	data_fingerprint INTEGER NOT NULL,	-- store_fingerprint() of the data used
	school_year INTEGER NOT NULL,	-- 7-13, or 0 once left school
	age INTEGER NOT NULL,		-- when school_year is 0
	today TEXT,			-- the date the search used; NULL when unset
	interests TEXT NOT NULL,	-- interest area ids, space-separated: "3 7 12"
	has_riasec INTEGER NOT NULL,
	riasec_r REAL, riasec_i REAL, riasec_a REAL,	-- 0-1 weights
	riasec_s REAL, riasec_e REAL, riasec_c REAL,
	place TEXT NOT NULL,		-- canonical postcode or district, '' for none
	place_is_full INTEGER NOT NULL,
	radius REAL,			-- miles; -1 for anywhere
	level REAL,			-- NULL for any level
	kinds INTEGER NOT NULL,		-- bit (1 << option kind); 0 = every kind
	text TEXT NOT NULL,		-- free text searched for, '' for none
	excluded TEXT NOT NULL,		-- "not for me": "course:17 vacancy:5"
	show_not_for_age INTEGER NOT NULL,
	sort TEXT NOT NULL,		-- relevance, distance, start or pay
	result_limit INTEGER NOT NULL,
	version INTEGER NOT NULL DEFAULT 1,	-- one more at every save (version 2 on)
	adviser TEXT NOT NULL DEFAULT '',	-- the adviser's name (version 3 on)
	contact TEXT NOT NULL DEFAULT '',	-- how to reach them
	school TEXT NOT NULL DEFAULT '',	-- the pupil's school or college
	next_meeting TEXT NOT NULL DEFAULT '',	-- "YYYY-MM-DD" or "YYYY-MM-DD HH:MM", '' for none
	kiosk_code TEXT NOT NULL DEFAULT ''	-- the take-away code it began from, '' for none
) STRICT;

CREATE INDEX session_kiosk_code ON session(kiosk_code) WHERE kiosk_code <> '';

CREATE TABLE session_ids (
	last_id INTEGER NOT NULL	-- the last session id given; one row
) STRICT;
INSERT INTO session_ids VALUES (0);

CREATE INDEX session_updated ON session(updated);

CREATE TABLE shortlist_item (
	session_id INTEGER NOT NULL REFERENCES session(id) ON DELETE CASCADE,
	position INTEGER NOT NULL,
	kind TEXT NOT NULL,		-- career, course, school, apprenticeship, vacancy, university
	option_id INTEGER NOT NULL,	-- the option's id in the data store
	title TEXT NOT NULL,		-- as it was when chosen
	compare INTEGER NOT NULL,	-- picked for the side-by-side comparison
	PRIMARY KEY (session_id, position)
) STRICT, WITHOUT ROWID;

CREATE TABLE note (
	session_id INTEGER NOT NULL REFERENCES session(id) ON DELETE CASCADE,
	position INTEGER NOT NULL,
	written TEXT NOT NULL,
	text TEXT NOT NULL,
	shared INTEGER NOT NULL DEFAULT 0,	-- 1: shared with the pupil (in the plan)
	PRIMARY KEY (session_id, position)
) STRICT, WITHOUT ROWID;

CREATE TABLE agreed_action (
	session_id INTEGER NOT NULL REFERENCES session(id) ON DELETE CASCADE,
	position INTEGER NOT NULL,
	text TEXT NOT NULL,
	owner TEXT NOT NULL,		-- pupil, parent, adviser, school or employer
	due TEXT NOT NULL,		-- "YYYY-MM-DD", '' for no date
	status TEXT NOT NULL,		-- to do, done, no longer relevant
	PRIMARY KEY (session_id, position)
) STRICT, WITHOUT ROWID;
