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

PRAGMA user_version = 1;

-- Provenance ------------------------------------------------------------

CREATE TABLE source_file (
	id INTEGER PRIMARY KEY,
	path TEXT NOT NULL,		-- as given to careers build/import
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
	imported_at TEXT NOT NULL	-- UTC, ISO 8601
) STRICT;

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
	lat REAL,			-- where it is taught, filled at finalize
	lon REAL,
	source_id INTEGER NOT NULL
) STRICT;

CREATE UNIQUE INDEX course_ref ON course(kind, provider_ukprn, ref);

-- Apprenticeships ---------------------------------------------------------

CREATE TABLE standard (
	id INTEGER PRIMARY KEY,
	reference TEXT UNIQUE,		-- "ST0116"; LARS rows have none
	lars_code INTEGER,
	version TEXT,
	title TEXT NOT NULL,
	level REAL,
	route_id INTEGER REFERENCES route(id),
	route_text TEXT,		-- as published
	duration_months INTEGER,
	status TEXT,			-- approved for delivery | approved | in development | withdrawn
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
	source_id INTEGER NOT NULL
) STRICT;

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
	job_zone REAL,
	source_id INTEGER
) STRICT, WITHOUT ROWID;

-- measure: weekly_pay (GBP, ASHE estimate), weekly_hours, employment
-- (Working Futures projection, people), replacement_rate.
-- soc may be a 2-digit group when the source only gives that (coarse).
CREATE TABLE labour_market (
	soc TEXT NOT NULL,
	measure TEXT NOT NULL,
	year INTEGER NOT NULL,
	value REAL NOT NULL,
	source_id INTEGER NOT NULL,
	PRIMARY KEY (soc, measure, year)
) STRICT, WITHOUT ROWID;

CREATE TABLE onet_occupation (
	code TEXT PRIMARY KEY,		-- "15-1252.00"
	title TEXT NOT NULL,
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

-- Which standards lead to which occupations, computed at finalize from the
-- standards' job titles and titles against the occupations' job titles.
CREATE TABLE standard_occupation (
	standard_id INTEGER NOT NULL REFERENCES standard(id),
	soc TEXT NOT NULL REFERENCES occupation(soc),
	strength REAL NOT NULL,
	PRIMARY KEY (standard_id, soc)
) STRICT, WITHOUT ROWID;

-- Search indexes (filled by store_finalize) -------------------------------

-- rowid = kind * 2^32 + id, kind: 1 occupation (rowid of occupation),
-- 2 standard, 3 course, 4 vacancy, 5 provider. Contentless: it only
-- answers "which rows match".
CREATE VIRTUAL TABLE search_text USING fts5(
	title, body, content='', prefix='2 3', tokenize='unicode61 remove_diacritics 2');

CREATE VIRTUAL TABLE provider_geo USING rtree(id, min_lat, max_lat, min_lon, max_lon);
CREATE VIRTUAL TABLE venue_geo USING rtree(id, min_lat, max_lat, min_lon, max_lon);
CREATE VIRTUAL TABLE vacancy_geo USING rtree(id, min_lat, max_lat, min_lon, max_lon);

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
	 'coaching, personal training, leisure centres and travel', NULL, 'SR');

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
