-- schema.sql - the careers store: the one source of truth for its layout.
--
-- Embedded in the binary at build time (see app/embed.cmake) and run by
-- store.c when it creates a store. PRAGMA user_version records the layout
-- version; a store with another version is refused, never guessed at.
--
-- Conventions: every table is STRICT; coordinates are WGS84 degrees; money
-- is in whole pence; dates are ISO 8601 text (YYYY-MM-DD); lists inside a
-- field are separated by '|'; every imported row remembers its source file
-- (source_id) so `careers sources` can account for it.
--
-- Statements after the line "-- section: indexes" are run once the bulk
-- load is over (building an index once is far cheaper than keeping it up
-- to date row by row); the full-text and spatial indexes are filled by
-- store_finalize().

PRAGMA user_version = 8;

-- Provenance ------------------------------------------------------------

CREATE TABLE source_file (
	id INTEGER PRIMARY KEY,
	path TEXT NOT NULL,		-- as given to careers build/import (for a member: the archive)
	member TEXT,			-- inside a zip or workbook: "Data/x.csv", "book.xlsx#Sheet 1"
	format TEXT NOT NULL,		-- importer name, e.g. ifate-standards-csv
	format_title TEXT NOT NULL,
	encoding TEXT NOT NULL,
	sha256 TEXT NOT NULL,
	bytes INTEGER NOT NULL,
	licence TEXT NOT NULL,
	attribution TEXT NOT NULL,
	is_sample INTEGER NOT NULL DEFAULT 0,	-- written by the careers project as a sample
	data_date TEXT,			-- the date the publisher gives the data, when known
	rows_read INTEGER NOT NULL DEFAULT 0,
	rows_loaded INTEGER NOT NULL DEFAULT 0,
	rows_rejected INTEGER NOT NULL DEFAULT 0,
	imported_at TEXT NOT NULL,	-- UTC, ISO 8601
	origin_url TEXT,		-- where careers fetch downloaded it, when it did
	fetched_at TEXT,		-- when (UTC, ISO 8601)
	failed TEXT			-- build --keep-going: why the file was left out (no rows)
) STRICT;

-- Every file loaded is first looked up by path (importing a file again
-- replaces its rows), so indexed from the start.
CREATE INDEX source_file_path ON source_file(path);

-- Why rows were rejected; the first 1000 per file are kept.
CREATE TABLE rejected_row (
	source_id INTEGER NOT NULL REFERENCES source_file(id) ON DELETE CASCADE,
	line INTEGER,			-- physical line where the row starts
	location TEXT,			-- for JSON: e.g. $.vacancies[12]
	field TEXT NOT NULL,		-- column or field name as in the file
	message TEXT NOT NULL
) STRICT;

-- Code lists --------------------------------------------------------------

-- The national occupational routes used by T Levels and apprenticeship
-- standards. Names change over time; route_alias maps every published
-- spelling (normalised: lower case, letters and digits only, single
-- spaces) to one route.
CREATE TABLE route (
	id INTEGER PRIMARY KEY,
	name TEXT NOT NULL UNIQUE
) STRICT;

CREATE TABLE route_alias (
	alias TEXT PRIMARY KEY,
	route_id INTEGER NOT NULL REFERENCES route(id)
) STRICT, WITHOUT ROWID;

-- LARS code lists: list is 'ssa1' (sector subject area tier 1), 'ssa2'
-- (tier 2, parent = its tier 1 code) or 'level' (notional NVQ level v2).
-- SSA codes are stored without trailing zeros: "6", "6.1".
CREATE TABLE code_list (
	list TEXT NOT NULL,
	code TEXT NOT NULL,
	name TEXT NOT NULL,
	parent TEXT,
	source_id INTEGER,
	PRIMARY KEY (list, code)
) STRICT, WITHOUT ROWID;

-- The plain-language interest areas a learner picks from. Each is
-- anchored on a route and on LARS sector subject areas, and leans
-- towards some RIASEC types, so one interest reaches careers, courses and
-- apprenticeships alike. These rows are the project's own.
CREATE TABLE interest_area (
	id INTEGER PRIMARY KEY,
	slug TEXT NOT NULL UNIQUE,	-- what --interest accepts, e.g. digital
	name TEXT NOT NULL,		-- "Computers and digital"
	examples TEXT NOT NULL,		-- one line a 12-year-old understands
	route_id INTEGER REFERENCES route(id),
	riasec TEXT NOT NULL		-- leaning, e.g. 'IRC'
) STRICT;

-- SOC 2020 groups (by code prefix: a minor group "213" or a unit group
-- "5241") whose occupations belong to each interest area.
CREATE TABLE interest_soc (
	interest_id INTEGER NOT NULL REFERENCES interest_area(id),
	soc_prefix TEXT NOT NULL,
	PRIMARY KEY (interest_id, soc_prefix)
) STRICT, WITHOUT ROWID;

-- Words and phrases that signal an interest in a title where no code does
-- (university courses carry HECOS subjects, not sector subject areas).
CREATE TABLE interest_keyword (
	interest_id INTEGER NOT NULL REFERENCES interest_area(id),
	keyword TEXT NOT NULL,
	PRIMARY KEY (interest_id, keyword)
) STRICT, WITHOUT ROWID;

CREATE TABLE interest_ssa (
	interest_id INTEGER NOT NULL REFERENCES interest_area(id),
	ssa TEXT NOT NULL,		-- tier 1 ("6") or tier 2 ("6.1") code
	PRIMARY KEY (interest_id, ssa)
) STRICT, WITHOUT ROWID;

-- Places ------------------------------------------------------------------

CREATE TABLE postcode (
	postcode TEXT PRIMARY KEY,	-- canonical "DN1 3BU"
	lat REAL NOT NULL,
	lon REAL NOT NULL,
	terminated INTEGER NOT NULL DEFAULT 0,
	source_id INTEGER NOT NULL
) STRICT, WITHOUT ROWID;

CREATE TABLE outcode (
	outcode TEXT PRIMARY KEY,	-- "DN1"
	lat REAL NOT NULL,
	lon REAL NOT NULL,
	source_id INTEGER NOT NULL
) STRICT, WITHOUT ROWID;

-- Schools, sixth forms, colleges, training providers, universities.
-- kind: school | sixth_form | college | training_provider | university |
-- special_school | other. Located by lat/lon when the source gives them
-- (converted from eastings/northings for GIAS), else from the postcode
-- at finalize; location_quality says which ('exact', 'postcode',
-- 'outcode' or NULL when unknown).
CREATE TABLE provider (
	id INTEGER PRIMARY KEY,
	kind TEXT NOT NULL,
	ukprn TEXT,
	urn TEXT,
	name TEXT NOT NULL,
	address TEXT,
	town TEXT,
	postcode TEXT,
	lat REAL,
	lon REAL,
	location_quality TEXT,
	age_low INTEGER,
	age_high INTEGER,
	has_sixth_form INTEGER,
	is_open INTEGER,
	phase TEXT,
	type_name TEXT,
	local_authority TEXT,
	website TEXT,
	phone TEXT,
	source_id INTEGER NOT NULL
) STRICT;

CREATE TABLE venue (
	id INTEGER PRIMARY KEY,
	provider_id INTEGER REFERENCES provider(id),	-- resolved at finalize
	provider_ukprn TEXT,
	provider_name TEXT,
	ref TEXT,			-- the provider's own venue reference
	name TEXT NOT NULL,
	address TEXT,
	town TEXT,
	postcode TEXT,
	lat REAL,
	lon REAL,
	location_quality TEXT,
	phone TEXT,
	website TEXT,
	source_id INTEGER NOT NULL
) STRICT;

-- Looked up while loading, so indexed from the start.
CREATE INDEX provider_urn ON provider(urn);
CREATE INDEX provider_ukprn ON provider(ukprn);
CREATE INDEX venue_ref ON venue(provider_ukprn, ref);
CREATE INDEX venue_name ON venue(provider_ukprn, name);

-- Courses ----------------------------------------------------------------

-- kind: fe (further education, incl. sixth-form courses) | tlevel | he.
-- Age limits come from the source or are read from its wording ("19+",
-- "aged 16 to 18"); NULL means no limit stated.
CREATE TABLE course (
	id INTEGER PRIMARY KEY,
	kind TEXT NOT NULL,
	ref TEXT,			-- courseRunId, YOUR_REFERENCE, KISCOURSEID/KISMODE
	provider_id INTEGER REFERENCES provider(id),
	venue_id INTEGER REFERENCES venue(id),
	provider_ukprn TEXT,
	venue_ref TEXT,
	venue_name TEXT,
	title TEXT NOT NULL,
	qualification TEXT,
	learn_aim_ref TEXT,
	level REAL,			-- 0 entry .. 8
	ssa1 TEXT,
	ssa2 TEXT,
	subject TEXT,			-- HECOS codes or sector text
	start_date TEXT,
	flexible_start INTEGER NOT NULL DEFAULT 0,
	study_mode TEXT,		-- full-time | part-time | flexible
	attendance TEXT,		-- daytime | evening | weekend | day-or-block-release
	delivery_mode TEXT,		-- classroom | online | work-based | blended
	cost_pence INTEGER,
	cost_text TEXT,
	duration_value INTEGER,
	duration_unit TEXT,
	age_min INTEGER,
	age_max INTEGER,
	description TEXT,
	entry_requirements TEXT,
	who_for TEXT,
	where_next TEXT,
	url TEXT,
	ucas_code TEXT,
	honours INTEGER,
	sandwich INTEGER,
	year_abroad INTEGER,
	foundation_year INTEGER,
	provider_name TEXT,
	earnings_start TEXT,		-- university: graduates' pay 15 months on, in words
	earnings_later TEXT,		-- university: graduates' pay 3 and 5 years on, in words
	lat REAL,			-- where it is taught, filled at finalize
	lon REAL,
	source_id INTEGER NOT NULL
) STRICT;

CREATE UNIQUE INDEX course_ref ON course(kind, provider_ukprn, ref);

-- Apprenticeships ---------------------------------------------------------

CREATE TABLE standard (
	id INTEGER PRIMARY KEY,
	reference TEXT UNIQUE,		-- "ST0116", "FA0002"; LARS rows have none
	kind TEXT,			-- standard | foundation (foundation apprenticeship, 16-21)
	lars_code INTEGER,
	version TEXT,
	title TEXT NOT NULL,
	level REAL,
	route_id INTEGER REFERENCES route(id),
	route_text TEXT,		-- as published
	duration_months INTEGER,
	status TEXT,			-- approved for delivery | approved | in development | withdrawn |
					-- proposal in development | retired
	keywords TEXT,
	job_titles TEXT,
	overview TEXT,
	integrated_degree TEXT,
	max_funding_pence INTEGER,
	approved_date TEXT,
	last_start_date TEXT,
	ssa1 TEXT,
	ssa2 TEXT,
	url TEXT,
	source_id INTEGER NOT NULL
) STRICT;

CREATE INDEX standard_lars ON standard(lars_code);

-- Every published version of a standard (the Skills England API gives
-- them all). The standard row above holds the version open for new
-- starts today: the newest approved one. The rest are history.
CREATE TABLE standard_version (
	reference TEXT NOT NULL,
	version TEXT NOT NULL,
	status TEXT,
	earliest_start TEXT,
	latest_start TEXT,
	latest_end TEXT,
	approved_date TEXT,
	url TEXT,
	source_id INTEGER NOT NULL,
	PRIMARY KEY (reference, version)
) STRICT, WITHOUT ROWID;

CREATE TABLE vacancy (
	id INTEGER PRIMARY KEY,
	reference TEXT NOT NULL UNIQUE,
	title TEXT NOT NULL,
	description TEXT,
	employer TEXT,
	employer_website TEXT,
	lars_code INTEGER,
	course_title TEXT,
	level REAL,
	route_text TEXT,
	address TEXT,
	town TEXT,
	postcode TEXT,
	lat REAL,
	lon REAL,
	location_quality TEXT,
	wage_type TEXT,
	wage_pence INTEGER,
	wage_low_pence INTEGER,
	wage_high_pence INTEGER,
	wage_unit TEXT,			-- weekly | monthly | annually | unspecified
	wage_text TEXT,
	hours_per_week REAL,
	working_week TEXT,
	duration_text TEXT,
	positions INTEGER,
	posted_date TEXT,
	start_date TEXT,
	closing_date TEXT,
	provider_name TEXT,
	provider_ukprn TEXT,
	is_national INTEGER,
	is_disability_confident INTEGER,
	training TEXT,
	skills TEXT,
	qualifications TEXT,
	things_to_consider TEXT,
	url TEXT,
	source_id INTEGER NOT NULL,
	course_type TEXT		-- foundation: a foundation apprenticeship (16-21)
) STRICT;

-- Every place a vacancy is advertised at (Find an apprenticeship v2 lists
-- up to 10); the first is also in vacancy's own columns. Placed by
-- postcode at finalize when the advert gives no coordinates.
CREATE TABLE vacancy_address (
	vacancy_id INTEGER NOT NULL,
	position INTEGER NOT NULL,	-- 0 = the first
	address TEXT,
	town TEXT,
	postcode TEXT,
	lat REAL,
	lon REAL,
	source_id INTEGER NOT NULL,
	PRIMARY KEY (vacancy_id, position)
) STRICT, WITHOUT ROWID;

-- University teaching locations (Discover Uni LOCATION.csv), keyed by the
-- provider that lists them, and which course is taught where
-- (COURSELOCATION.csv; course_ref is KISCOURSEID/KISMODE as in course.ref).
CREATE TABLE he_location (
	ukprn TEXT NOT NULL,
	locid TEXT NOT NULL,
	name TEXT,
	lat REAL,
	lon REAL,
	loc_ukprn TEXT,
	source_id INTEGER NOT NULL,
	PRIMARY KEY (ukprn, locid)
) STRICT, WITHOUT ROWID;

CREATE TABLE he_course_location (
	pubukprn TEXT NOT NULL,
	course_ref TEXT NOT NULL,
	ukprn TEXT NOT NULL,
	locid TEXT NOT NULL,
	source_id INTEGER NOT NULL,
	PRIMARY KEY (pubukprn, course_ref, ukprn, locid)
) STRICT, WITHOUT ROWID;

-- What Discover Uni says about a course's entrants and graduates:
-- measure entry_<qualification>_pct (ENTRY.csv), tariff_<band> (TARIFF.csv,
-- % of entrants), salary_15m_{lq,med,uq} (GOSALARY.csv, pounds a year),
-- leo3_{lq,med,uq}, leo5_{lq,med,uq} (LEO3/LEO5.csv, pounds a year).
-- detail: the years the figure covers and whether it is for the subject
-- across providers rather than this course.
CREATE TABLE he_outcome (
	pubukprn TEXT NOT NULL,
	course_ref TEXT NOT NULL,
	measure TEXT NOT NULL,
	value REAL NOT NULL,
	detail TEXT,
	source_id INTEGER NOT NULL,
	PRIMARY KEY (pubukprn, course_ref, measure)
) STRICT, WITHOUT ROWID;

-- Occupations and the labour market ---------------------------------------

-- SOC 2020: unit groups (4 digits) are occupations; the upper groups
-- (1-3 digits) are kept for their titles.
CREATE TABLE soc_group (
	code TEXT PRIMARY KEY,
	title TEXT NOT NULL,
	description TEXT,
	source_id INTEGER
) STRICT, WITHOUT ROWID;

CREATE TABLE occupation (
	soc TEXT PRIMARY KEY,
	title TEXT NOT NULL,
	description TEXT,
	entry_routes TEXT,
	tasks TEXT,			-- '|' separated
	job_titles TEXT,		-- '|' separated
	riasec_r REAL, riasec_i REAL, riasec_a REAL,	-- 1-7, averaged over the
	riasec_s REAL, riasec_e REAL, riasec_c REAL,	-- O*NET occupations it maps to
	riasec TEXT,			-- top three letters, e.g. 'RIC'
	onet_link TEXT,			-- how the scores were reached (occupation_onet): 'direct N',
					-- 'isco 2512,2513 N' - N O*NET occupations averaged
	job_zone REAL,
	weekly_pay REAL,		-- latest labour_market figures for this
	weekly_hours REAL,		-- code or its nearest group, set on finish
	source_id INTEGER
) STRICT, WITHOUT ROWID;

-- measure: weekly_pay (GBP, median, full-time), weekly_hours, employment
-- (Working Futures projection, people), replacement_rate; from ASHE Table
-- 14 also annual_pay, weekly_pay_p10 .. _p90, annual_pay_p10 .. _p90,
-- weekly_pay_mean, annual_pay_mean, jobs (thousands).
-- soc may be a 2-digit group when the source only gives that (coarse).
CREATE TABLE labour_market (
	soc TEXT NOT NULL,
	measure TEXT NOT NULL,
	year INTEGER NOT NULL,
	value REAL NOT NULL,
	source_id INTEGER NOT NULL,
	PRIMARY KEY (soc, measure, year)
) STRICT, WITHOUT ROWID;

-- LMI for All answers in SOC 2010, which is not SOC 2020: its occupations
-- and figures are kept here, apart, and never merged into the SOC 2020
-- tables. Where the ONS SOC 2010 -> SOC 2020 relationship table is loaded
-- (soc2010_soc2020), finalize carries SOC 2010 figures over to the SOC
-- 2020 unit groups they map to, weighted by the table's shares, for years
-- the SOC 2020 sources (ASHE Table 14) do not cover.
CREATE TABLE soc2010_occupation (
	soc TEXT PRIMARY KEY,
	title TEXT NOT NULL,
	description TEXT,
	entry_routes TEXT,
	tasks TEXT,
	job_titles TEXT,
	source_id INTEGER NOT NULL
) STRICT, WITHOUT ROWID;

CREATE TABLE soc2010_figure (
	soc TEXT NOT NULL,
	measure TEXT NOT NULL,
	year INTEGER NOT NULL,
	value REAL NOT NULL,
	source_id INTEGER NOT NULL,
	PRIMARY KEY (soc, measure, year)
) STRICT, WITHOUT ROWID;

-- share: the part of the SOC 2010 group's jobs that the SOC 2020 group has
-- (0-1), from ONS's dual-coded data.
CREATE TABLE soc2010_soc2020 (
	soc2010 TEXT NOT NULL,
	soc2020 TEXT NOT NULL,
	share REAL NOT NULL,
	source_id INTEGER NOT NULL,
	PRIMARY KEY (soc2010, soc2020)
) STRICT, WITHOUT ROWID;

CREATE TABLE onet_occupation (
	code TEXT PRIMARY KEY,		-- "15-1252.00"
	title TEXT,			-- NULL until Occupation Data gives it (Job Zones.txt has none)
	description TEXT,
	job_zone INTEGER,
	source_id INTEGER
) STRICT, WITHOUT ROWID;

-- O*NET interest scores: scale 'OI' (1-7 per RIASEC letter) and 'IH'
-- (high-point codes: element 1..3 = first..third, value 1-6 = R..C).
CREATE TABLE onet_interest (
	code TEXT NOT NULL,
	scale TEXT NOT NULL,
	element TEXT NOT NULL,		-- R I A S E C, or 1 2 3 for high points
	value REAL NOT NULL,
	source_id INTEGER NOT NULL,
	PRIMARY KEY (code, scale, element)
) STRICT, WITHOUT ROWID;

CREATE TABLE soc_onet (
	soc TEXT NOT NULL,
	onet_code TEXT NOT NULL,
	source_id INTEGER NOT NULL,
	PRIMARY KEY (soc, onet_code)
) STRICT, WITHOUT ROWID;

-- Published crosswalks, each as its publisher gives it: ONS SOC 2020 to
-- ISCO-08, BLS ISCO-08 to the 2018 US SOC ('15-1252'; part = 1 when only part
-- of the ISCO group is in it), O*NET-SOC 2019 to the 2018 US SOC.
CREATE TABLE soc2020_isco08 (
	soc TEXT NOT NULL,
	isco TEXT NOT NULL,
	source_id INTEGER NOT NULL,
	PRIMARY KEY (soc, isco)
) STRICT, WITHOUT ROWID;

CREATE TABLE isco08_ussoc (
	isco TEXT NOT NULL,
	us_soc TEXT NOT NULL,
	part INTEGER NOT NULL DEFAULT 0,
	source_id INTEGER NOT NULL,
	PRIMARY KEY (isco, us_soc)
) STRICT, WITHOUT ROWID;

CREATE TABLE onet_ussoc (
	onet_code TEXT NOT NULL,
	us_soc TEXT NOT NULL,
	source_id INTEGER NOT NULL,
	PRIMARY KEY (onet_code, us_soc)
) STRICT, WITHOUT ROWID;

-- Built at finalize: each SOC 2020 unit group's O*NET occupations. 'direct'
-- from soc_onet (the project's crosswalk) where it has the group; else 'isco'
-- through soc2020_isco08 -> isco08_ussoc -> onet_ussoc, isco naming the
-- ISCO-08 group and us_soc the US SOC occupation gone through.
CREATE TABLE occupation_onet (
	soc TEXT NOT NULL,
	onet_code TEXT NOT NULL,
	how TEXT NOT NULL CHECK (how IN ('direct', 'isco')),
	isco TEXT,
	us_soc TEXT,
	PRIMARY KEY (soc, onet_code)
) STRICT, WITHOUT ROWID;

-- Which standards lead to which occupations, computed at finalize from the
-- standards' job titles and titles against the occupations' job titles.
CREATE TABLE standard_occupation (
	standard_id INTEGER NOT NULL REFERENCES standard(id),
	soc TEXT NOT NULL REFERENCES occupation(soc),
	strength REAL NOT NULL,
	PRIMARY KEY (standard_id, soc)
) STRICT, WITHOUT ROWID;

-- Timetables -----------------------------------------------------------------

-- Bus, coach, tram and rail timetables in GTFS, as the Bus Open Data Service
-- publishes them (one zip per region), and NaPTAN's stop places. A feed is
-- the archive (or folder) its files came in. The ids a feed uses (trip,
-- route, service, agency) become numbers in gtfs_name, scoped to their feed;
-- stop ids are NaPTAN ATCO codes in BODS feeds and shared by every feed, so
-- stop names have feed 0. Each row keeps its line in its file: references
-- that turn out wrong only once every file is in (a stop time of a trip that
-- trips.txt never names) are rejected by the timetable step of a build
-- (app/transit_save.c) with their file, line and column, and deleted.
CREATE TABLE gtfs_feed (
	id INTEGER PRIMARY KEY,
	path TEXT NOT NULL UNIQUE
) STRICT;

CREATE TABLE gtfs_name (
	id INTEGER PRIMARY KEY,
	feed INTEGER NOT NULL,		-- 0 for stops
	kind INTEGER NOT NULL,		-- 1 stop, 2 route, 3 trip, 4 service, 5 agency
	name TEXT NOT NULL,
	UNIQUE (feed, kind, name)
) STRICT;

CREATE TABLE gtfs_feed_info (
	feed INTEGER NOT NULL,
	publisher TEXT, url TEXT, lang TEXT, version TEXT,
	start_date TEXT, end_date TEXT,	-- the dates the publisher says it is good for
	source_id INTEGER NOT NULL,
	line INTEGER NOT NULL
) STRICT;

CREATE TABLE gtfs_agency (
	agency INTEGER NOT NULL,	-- gtfs_name id
	feed INTEGER NOT NULL,
	name TEXT NOT NULL, url TEXT, timezone TEXT, phone TEXT,
	noc TEXT,			-- BODS: the National Operator Code
	source_id INTEGER NOT NULL,
	line INTEGER NOT NULL
) STRICT;

CREATE TABLE gtfs_stop (
	stop INTEGER NOT NULL,		-- gtfs_name id (feed 0)
	feed INTEGER NOT NULL,
	code TEXT, name TEXT,
	lat REAL, lon REAL,		-- NULL when the feed leaves them out (NaPTAN fills them)
	location_type INTEGER NOT NULL DEFAULT 0,
	parent INTEGER, platform TEXT,
	source_id INTEGER NOT NULL,
	line INTEGER NOT NULL
) STRICT;

CREATE TABLE gtfs_route (
	route INTEGER NOT NULL,
	feed INTEGER NOT NULL,
	agency INTEGER,
	short_name TEXT, long_name TEXT,
	type INTEGER NOT NULL,
	source_id INTEGER NOT NULL,
	line INTEGER NOT NULL
) STRICT;

CREATE TABLE gtfs_trip (
	trip INTEGER NOT NULL,
	route INTEGER NOT NULL,
	service INTEGER NOT NULL,
	headsign TEXT, block TEXT,
	vehicle_journey_code TEXT,	-- BODS: the TransXChange journey code
	direction INTEGER,
	source_id INTEGER NOT NULL,
	line INTEGER NOT NULL
) STRICT;

-- The biggest table by far (a million rows for a region): numbers only, kept
-- in trip order. (The key's columns come first: SQLite 3.40's quick_check
-- misreads NOT NULL columns placed before key columns in a WITHOUT ROWID table.)
CREATE TABLE gtfs_stop_time (
	trip INTEGER NOT NULL,
	sequence INTEGER NOT NULL,
	source_id INTEGER NOT NULL,
	line INTEGER NOT NULL,
	stop INTEGER NOT NULL,
	arrival INTEGER, departure INTEGER,	-- seconds after midnight of the service day
	pickup INTEGER NOT NULL, dropoff INTEGER NOT NULL,
	PRIMARY KEY (trip, sequence, source_id, line)
) STRICT, WITHOUT ROWID;

CREATE TABLE gtfs_calendar (
	service INTEGER NOT NULL,
	feed INTEGER NOT NULL,
	days INTEGER NOT NULL,		-- bit 0 Monday ... bit 6 Sunday
	start_date TEXT NOT NULL, end_date TEXT NOT NULL,
	source_id INTEGER NOT NULL,
	line INTEGER NOT NULL
) STRICT;

CREATE TABLE gtfs_calendar_date (
	service INTEGER NOT NULL,
	date TEXT NOT NULL,
	exception_type INTEGER NOT NULL,	-- 1 added, 2 removed
	source_id INTEGER NOT NULL,
	line INTEGER NOT NULL
) STRICT;

CREATE TABLE gtfs_frequency (
	trip INTEGER NOT NULL,
	start INTEGER NOT NULL, end INTEGER NOT NULL, headway INTEGER NOT NULL,
	exact INTEGER NOT NULL,
	source_id INTEGER NOT NULL,
	line INTEGER NOT NULL
) STRICT;

-- NaPTAN (the national list of stops): where each stop is.
CREATE TABLE naptan_stop (
	atco TEXT PRIMARY KEY,
	naptan_code TEXT, name TEXT, indicator TEXT, street TEXT, locality TEXT,
	lat REAL, lon REAL,
	status TEXT,
	source_id INTEGER NOT NULL
) STRICT, WITHOUT ROWID;

-- The packed timetable the journeys are worked out from (app/transit.c),
-- made by the timetable step of every build or import that changes one.
CREATE TABLE timetable_pack (
	id INTEGER PRIMARY KEY,
	data BLOB NOT NULL
) STRICT;

-- Search indexes (filled by store_finalize) -------------------------------

-- rowid = kind * 2^32 + id, kind: 1 occupation (rowid of occupation),
-- 2 standard, 3 course, 4 vacancy, 5 provider. Contentless and without
-- positions (detail=none): it only answers "which rows have words starting
-- so", which is all the learner's free text needs, several times faster.
-- Words are kept as their stems (porter), so "nurse" finds "nursing" and
-- not "nursery"; app/match_text.c queries it the same way. No prefix
-- indexes: a learner's word fragments alone are looked up in word_index
-- below (app/prefix_index.c); this table answers whole words, synonyms
-- and letters beyond Latin-1.
CREATE VIRTUAL TABLE search_text USING fts5(
	title, body, content='', detail=none,
	tokenize='porter unicode61 remove_diacritics 2');

-- The option index (app/pack.c): every option's scoring facts, packed by
-- store_finalize's caller so a search reads them in one go. Rebuilt on
-- every build or import; a missing or stale one is rebuilt in memory.
-- Version 8: the index is an image a process maps (format 4), with a copy
-- beside the store (STORE-index); a version 7 store's index would be
-- worked out again by every process, so it is refused: rebuild it.
CREATE TABLE option_pack (
	id INTEGER PRIMARY KEY,
	data BLOB NOT NULL
) STRICT;

-- The word prefix index (app/prefix_index.c): for each word of
-- search_text's options, which options have it, so that a learner's words
-- are looked up in memory. Row 0 the words, rows 1... the lists of options,
-- in 64 KB pieces read one at a time. Rebuilt with the option index.
CREATE TABLE word_index (
	id INTEGER PRIMARY KEY,
	data BLOB NOT NULL
) STRICT;


-- The project's own reference rows ----------------------------------------

INSERT INTO route (id, name) VALUES
	(1, 'Agriculture, environmental and animal care'),
	(2, 'Business and administration'),
	(3, 'Care services'),
	(4, 'Catering and hospitality'),
	(5, 'Construction and the built environment'),
	(6, 'Creative and design'),
	(7, 'Digital'),
	(8, 'Education and early years'),
	(9, 'Engineering and manufacturing'),
	(10, 'Hair and beauty'),
	(11, 'Health and science'),
	(12, 'Legal, finance and accounting'),
	(13, 'Protective services'),
	(14, 'Sales, marketing and procurement'),
	(15, 'Transport and logistics');

INSERT INTO route_alias (alias, route_id) VALUES
	('agriculture environmental and animal care', 1),
	('business and administration', 2),
	('care services', 3),
	('social care', 3),
	('catering and hospitality', 4),
	('construction', 5),
	('construction and the built environment', 5),
	('creative and design', 6),
	('digital', 7),
	('education and early years', 8),
	('education and childcare', 8),
	('childcare and education', 8),
	('engineering and manufacturing', 9),
	('hair and beauty', 10),
	('health and science', 11),
	('legal finance and accounting', 12),
	('protective services', 13),
	('sales marketing and procurement', 14),
	('transport and logistics', 15);

INSERT INTO interest_area (id, slug, name, examples, route_id, riasec) VALUES
	(1, 'animals', 'Animals, plants and the outdoors',
	 'farms, vets, gardens, forests and wildlife', 1, 'RI'),
	(2, 'business', 'Business and offices',
	 'running things, organising, admin and customer service', 2, 'EC'),
	(3, 'care', 'Caring for people',
	 'helping older people, disabled people or families', 3, 'S'),
	(4, 'food', 'Food, cooking and hospitality',
	 'chefs, bakers, cafes, hotels and events', 4, 'RE'),
	(5, 'construction', 'Building and construction',
	 'bricklaying, plumbing, electrics, carpentry and design of buildings', 5, 'RC'),
	(6, 'creative', 'Creative, arts and media',
	 'art, design, music, film, games and fashion', 6, 'A'),
	(7, 'digital', 'Computers and digital',
	 'coding, games, websites, networks and cyber security', 7, 'IRC'),
	(8, 'education', 'Children and teaching',
	 'nurseries, teaching assistants, teachers and youth work', 8, 'S'),
	(9, 'engineering', 'Engineering and making things',
	 'machines, cars, aircraft, robots and factories', 9, 'RI'),
	(10, 'hair-beauty', 'Hair and beauty',
	 'hairdressing, barbering, make-up and nails', 10, 'AS'),
	(11, 'health-science', 'Health, science and medicine',
	 'nurses, paramedics, labs, pharmacies and dentists', 11, 'IS'),
	(12, 'law-finance', 'Law, money and finance',
	 'accountants, banks, solicitors and insurance', 12, 'CE'),
	(13, 'protective', 'Police, fire and the armed forces',
	 'keeping people safe: police, fire service, army, navy and RAF', 13, 'RS'),
	(14, 'sales', 'Selling, marketing and buying',
	 'shops, advertising, social media and buying for a business', 14, 'E'),
	(15, 'transport', 'Transport, travel and logistics',
	 'driving, trains, planes, warehouses and deliveries', 15, 'RC'),
	(16, 'sport', 'Sport, fitness and leisure',
	 'coaching, personal training, leisure centres and the outdoors', NULL, 'SR');

-- SOC 2020 minor groups for each interest.
INSERT INTO interest_soc (interest_id, soc_prefix) VALUES
	(1, '121'),
	(1, '215'),
	(1, '224'),
	(1, '324'),
	(1, '511'),
	(1, '612'),
	(1, '911'),
	(2, '111'),
	(2, '113'),
	(2, '125'),
	(2, '243'),
	(2, '244'),
	(2, '354'),
	(2, '357'),
	(2, '411'),
	(2, '413'),
	(2, '414'),
	(2, '415'),
	(2, '421'),
	(2, '921'),
	(3, '117'),
	(3, '123'),
	(3, '246'),
	(3, '322'),
	(3, '613'),
	(4, '122'),
	(4, '543'),
	(4, '625'),
	(5, '245'),
	(5, '312'),
	(5, '531'),
	(5, '532'),
	(5, '533'),
	(5, '815'),
	(5, '912'),
	(6, '214'),
	(6, '249'),
	(6, '341'),
	(6, '342'),
	(6, '541'),
	(6, '542'),
	(7, '213'),
	(7, '313'),
	(8, '231'),
	(8, '232'),
	(8, '323'),
	(8, '611'),
	(9, '112'),
	(9, '212'),
	(9, '311'),
	(9, '521'),
	(9, '522'),
	(9, '523'),
	(9, '524'),
	(9, '525'),
	(9, '811'),
	(9, '812'),
	(9, '813'),
	(9, '814'),
	(9, '816'),
	(9, '913'),
	(10, '622'),
	(11, '211'),
	(11, '216'),
	(11, '221'),
	(11, '222'),
	(11, '223'),
	(11, '225'),
	(11, '321'),
	(12, '241'),
	(12, '242'),
	(12, '352'),
	(12, '353'),
	(12, '412'),
	(13, '116'),
	(13, '331'),
	(13, '631'),
	(13, '923'),
	(14, '115'),
	(14, '355'),
	(14, '711'),
	(14, '712'),
	(14, '713'),
	(14, '721'),
	(14, '722'),
	(14, '924'),
	(15, '114'),
	(15, '124'),
	(15, '351'),
	(15, '821'),
	(15, '822'),
	(15, '823'),
	(15, '925'),
	(16, '343'),
	(16, '621');

INSERT INTO interest_keyword (interest_id, keyword) VALUES
	(1, 'animal'),
	(1, 'vet'),
	(1, 'veterinary'),
	(1, 'agriculture'),
	(1, 'farm'),
	(1, 'farming'),
	(1, 'horticulture'),
	(1, 'garden'),
	(1, 'gardening'),
	(1, 'forestry'),
	(1, 'equine'),
	(1, 'zoology'),
	(1, 'conservation'),
	(1, 'countryside'),
	(1, 'environmental'),
	(2, 'business'),
	(2, 'management'),
	(2, 'administration'),
	(2, 'admin'),
	(2, 'office'),
	(2, 'enterprise'),
	(2, 'human resources'),
	(2, 'project management'),
	(3, 'care'),
	(3, 'caring'),
	(3, 'social care'),
	(3, 'carer'),
	(3, 'health and social care'),
	(3, 'social work'),
	(3, 'support worker'),
	(4, 'catering'),
	(4, 'hospitality'),
	(4, 'chef'),
	(4, 'cookery'),
	(4, 'culinary'),
	(4, 'baking'),
	(4, 'bakery'),
	(4, 'food'),
	(4, 'hotel'),
	(4, 'events'),
	(5, 'construction'),
	(5, 'building'),
	(5, 'bricklaying'),
	(5, 'plumbing'),
	(5, 'carpentry'),
	(5, 'joinery'),
	(5, 'electrical installation'),
	(5, 'architecture'),
	(5, 'surveying'),
	(5, 'civil engineering'),
	(5, 'plastering'),
	(5, 'painting and decorating'),
	(6, 'art'),
	(6, 'design'),
	(6, 'music'),
	(6, 'media'),
	(6, 'film'),
	(6, 'photography'),
	(6, 'fashion'),
	(6, 'drama'),
	(6, 'dance'),
	(6, 'creative'),
	(6, 'animation'),
	(6, 'graphic'),
	(6, 'performing arts'),
	(6, 'journalism'),
	(7, 'computing'),
	(7, 'computer'),
	(7, 'software'),
	(7, 'cyber'),
	(7, 'data'),
	(7, 'digital'),
	(7, 'information technology'),
	(7, 'programming'),
	(7, 'network'),
	(7, 'games development'),
	(7, 'web'),
	(8, 'teaching'),
	(8, 'education'),
	(8, 'childcare'),
	(8, 'early years'),
	(8, 'youth work'),
	(8, 'teaching assistant'),
	(8, 'primary education'),
	(9, 'engineering'),
	(9, 'mechanical'),
	(9, 'electrical'),
	(9, 'electronic'),
	(9, 'manufacturing'),
	(9, 'automotive'),
	(9, 'motor vehicle'),
	(9, 'aerospace'),
	(9, 'welding'),
	(9, 'fabrication'),
	(9, 'robotics'),
	(9, 'maintenance'),
	(10, 'hair'),
	(10, 'hairdressing'),
	(10, 'barbering'),
	(10, 'beauty'),
	(10, 'nail'),
	(10, 'make-up'),
	(10, 'makeup'),
	(10, 'cosmetology'),
	(10, 'spa'),
	(11, 'health'),
	(11, 'nursing'),
	(11, 'medicine'),
	(11, 'medical'),
	(11, 'biology'),
	(11, 'chemistry'),
	(11, 'physics'),
	(11, 'science'),
	(11, 'pharmacy'),
	(11, 'dental'),
	(11, 'paramedic'),
	(11, 'midwifery'),
	(11, 'biomedical'),
	(11, 'laboratory'),
	(12, 'law'),
	(12, 'legal'),
	(12, 'accounting'),
	(12, 'accountancy'),
	(12, 'finance'),
	(12, 'banking'),
	(12, 'economics'),
	(12, 'insurance'),
	(12, 'paralegal'),
	(12, 'bookkeeping'),
	(13, 'police'),
	(13, 'policing'),
	(13, 'fire'),
	(13, 'armed forces'),
	(13, 'public services'),
	(13, 'uniformed'),
	(13, 'security'),
	(13, 'military'),
	(13, 'criminology'),
	(13, 'prison'),
	(14, 'retail'),
	(14, 'sales'),
	(14, 'marketing'),
	(14, 'advertising'),
	(14, 'procurement'),
	(14, 'purchasing'),
	(14, 'customer service'),
	(14, 'shop'),
	(15, 'logistics'),
	(15, 'transport'),
	(15, 'driving'),
	(15, 'driver'),
	(15, 'warehouse'),
	(15, 'warehousing'),
	(15, 'aviation'),
	(15, 'rail'),
	(15, 'supply chain'),
	(15, 'hgv'),
	(15, 'freight'),
	(16, 'sport'),
	(16, 'sports'),
	(16, 'fitness'),
	(16, 'coaching'),
	(16, 'leisure'),
	(16, 'personal trainer'),
	(16, 'exercise'),
	(16, 'travel'),
	(16, 'tourism'),
	(16, 'outdoor');

-- Sector subject areas (LARS tier 1 and tier 2 codes) for each interest.
INSERT INTO interest_ssa (interest_id, ssa) VALUES
	(1, '3'),
	(2, '15.2'), (2, '15.3'),
	(3, '1.3'),
	(4, '7.4'),
	(5, '5'),
	(6, '9'),
	(7, '6'),
	(8, '13'), (8, '1.5'),
	(9, '4.1'), (9, '4.2'),
	(10, '7.3'),
	(11, '1.1'), (11, '1.2'), (11, '2'),
	(12, '15.1'), (12, '15.5'),
	(13, '1.4'),
	(14, '7.1'), (14, '15.4'),
	(15, '4.3'), (15, '7.2'), (15, '8.2'),
	(16, '8.1');

-- section: indexes

CREATE INDEX venue_provider ON venue(provider_id);
CREATE INDEX course_venue ON course(venue_id);
CREATE INDEX course_provider ON course(provider_id);
CREATE INDEX course_ssa ON course(ssa1, ssa2);
CREATE INDEX standard_route ON standard(route_id);
CREATE INDEX vacancy_lars ON vacancy(lars_code);
CREATE INDEX vacancy_closing ON vacancy(closing_date);
CREATE INDEX soc_onet_onet ON soc_onet(onet_code);
CREATE INDEX standard_occupation_soc ON standard_occupation(soc);
CREATE INDEX rejected_row_source ON rejected_row(source_id);
