/*
 * model.h - plain records that importers hand to the store.
 *
 * One struct per kind of thing the store keeps. Importers fill them from
 * a row of a file and pass them to import_emit(); the store turns them
 * into rows. Strings are borrowed (valid only during the call) and NULL
 * means "not given"; numbers use MODEL_NO_INT or NAN for "not given".
 * Each struct has a _INIT macro that sets every field to "not given".
 *
 * RECORD_INFO lists the kinds once; it generates enum record_kind and
 * the store's dispatch table.
 */
#ifndef CAREERS_MODEL_H
#define CAREERS_MODEL_H

#include <limits.h>
#include <math.h>

#define MODEL_NO_INT LLONG_MIN

#define RECORD_INFO(_) \
	_(CODE,       code_rec) \
	_(POSTCODE,   postcode_rec) \
	_(OUTCODE,    outcode_rec) \
	_(PROVIDER,   provider_rec) \
	_(VENUE,      venue_rec) \
	_(COURSE,     course_rec) \
	_(STANDARD,   standard_rec) \
	_(VACANCY,    vacancy_rec) \
	_(SOC_GROUP,  soc_group_rec) \
	_(OCCUPATION, occupation_rec) \
	_(FIGURE,     figure_rec) \
	_(ONET_OCCUPATION, onet_occupation_rec) \
	_(ONET_INTEREST, onet_interest_rec) \
	_(CROSSWALK,  crosswalk_rec) \
	_(SOC_ISCO,   soc_isco_rec) \
	_(ISCO_USSOC, isco_ussoc_rec) \
	_(ONET_USSOC, onet_ussoc_rec) \
	_(HE_LOCATION, he_location_rec) \
	_(HE_COURSE_LOCATION, he_course_location_rec) \
	_(HE_OUTCOME, he_outcome_rec) \
	_(SOC2010_OCCUPATION, soc2010_occupation_rec) \
	_(SOC2010_FIGURE, soc2010_figure_rec) \
	_(SOC_RELATION, soc_relation_rec) \
	_(GTFS_AGENCY, gtfs_agency_rec) \
	_(GTFS_STOP, gtfs_stop_rec) \
	_(GTFS_ROUTE, gtfs_route_rec) \
	_(GTFS_TRIP, gtfs_trip_rec) \
	_(GTFS_STOP_TIME, gtfs_stop_time_rec) \
	_(GTFS_CALENDAR, gtfs_calendar_rec) \
	_(GTFS_CALENDAR_DATE, gtfs_calendar_date_rec) \
	_(GTFS_FREQUENCY, gtfs_frequency_rec) \
	_(GTFS_FEED_INFO, gtfs_feed_info_rec) \
	_(NAPTAN_STOP, naptan_stop_rec)

enum record_kind {
#define RECORD_ENUM(id, type) RECORD_##id,
	RECORD_INFO(RECORD_ENUM)
#undef RECORD_ENUM
	RECORD_KIND_COUNT
};

/*
 * The kinds of option a learner is shown: id, name used on the command
 * line and in JSON, and the plural heading used on screen.
 */
#define OPTION_INFO(_) \
	_(CAREER,         "career",         "Careers") \
	_(COURSE,         "course",         "Courses") \
	_(SCHOOL,         "school",         "Sixth forms and colleges") \
	_(APPRENTICESHIP, "apprenticeship", "Apprenticeships") \
	_(VACANCY,        "vacancy",        "Jobs with training") \
	_(UNIVERSITY,     "university",     "University")

enum option_kind {
#define OPTION_ENUM(id, name, heading) OPTION_##id,
	OPTION_INFO(OPTION_ENUM)
#undef OPTION_ENUM
	OPTION_KIND_COUNT
};

/* An entry in a LARS code list: list is "ssa1", "ssa2" or "level". */
struct code_rec {
	const char *list;
	const char *code;
	const char *name;
	const char *parent;
};
#define CODE_REC_INIT { NULL, NULL, NULL, NULL }

struct postcode_rec {
	char postcode[9];	/* canonical "DN1 3BU" */
	double lat, lon;
	int terminated;
};

struct outcode_rec {
	char outcode[5];
	double lat, lon;
};

/* kind: school | sixth_form | college | training_provider | university |
 * special_school | other */
struct provider_rec {
	const char *kind;
	const char *ukprn, *urn;
	const char *name;
	const char *address, *town, *postcode;
	double lat, lon;
	long long age_low, age_high;
	int has_sixth_form, is_open;	/* -1 unknown */
	const char *phase, *type_name, *local_authority, *website, *phone;
};
#define PROVIDER_REC_INIT { NULL, NULL, NULL, NULL, NULL, NULL, NULL, NAN, NAN, \
	MODEL_NO_INT, MODEL_NO_INT, -1, -1, NULL, NULL, NULL, NULL, NULL }

/* A place where a provider teaches. The provider is named by UKPRN. */
struct venue_rec {
	const char *provider_ukprn, *provider_name;
	const char *ref, *name, *address, *town, *postcode;
	double lat, lon;
	const char *phone, *website;
};
#define VENUE_REC_INIT { NULL, NULL, NULL, NULL, NULL, NULL, NULL, NAN, NAN, NULL, NULL }

/* kind: fe | tlevel | he */
struct course_rec {
	const char *kind;
	const char *ref;
	const char *provider_ukprn, *provider_name;
	const char *venue_ref, *venue_name;
	const char *title, *qualification, *learn_aim_ref;
	double level;
	const char *ssa1, *ssa2, *subject;
	const char *start_date;
	int flexible_start;
	const char *study_mode, *attendance, *delivery_mode;
	long long cost_pence;
	const char *cost_text;
	long long duration_value;
	const char *duration_unit;
	long long age_min, age_max;
	const char *description, *entry_requirements, *who_for, *where_next, *url;
	const char *ucas_code;
	int honours, sandwich, year_abroad, foundation_year;	/* -1 unknown */
	double lat, lon;	/* where taught, when the source says */
};
#define COURSE_REC_INIT { NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NAN, \
	NULL, NULL, NULL, NULL, 0, NULL, NULL, NULL, MODEL_NO_INT, NULL, MODEL_NO_INT, NULL, \
	MODEL_NO_INT, MODEL_NO_INT, NULL, NULL, NULL, NULL, NULL, NULL, -1, -1, -1, -1, NAN, NAN }

struct standard_rec {
	const char *reference;	/* "ST0116" */
	long long lars_code;
	const char *version;
	const char *title;
	double level;
	const char *route;	/* as published */
	long long duration_months;
	const char *status;
	const char *keywords, *job_titles, *overview;
	const char *integrated_degree;
	long long max_funding_pence;
	const char *approved_date, *last_start_date;
	const char *ssa1, *ssa2;
	const char *url;
	const char *kind;	/* "standard", "foundation" (16-21), or NULL: not said */
	const char *earliest_start, *latest_end;	/* this version's dates */
};
#define STANDARD_REC_INIT { NULL, MODEL_NO_INT, NULL, NULL, NAN, NULL, MODEL_NO_INT, NULL, \
	NULL, NULL, NULL, NULL, MODEL_NO_INT, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL }

/* One place a vacancy is advertised at. */
struct vacancy_place {
	const char *address, *town, *postcode;
	double lat, lon;	/* NAN when not given */
};

#define VACANCY_MAX_PLACES 10

struct vacancy_rec {
	const char *reference, *title, *description;
	const char *employer, *employer_website;
	long long lars_code;
	const char *course_title;
	double level;
	const char *route;
	const char *address, *town, *postcode;
	double lat, lon;
	const char *wage_type;
	long long wage_pence, wage_low_pence, wage_high_pence;
	const char *wage_unit, *wage_text;
	double hours_per_week;
	const char *working_week, *duration_text;
	long long positions;
	const char *posted_date, *start_date, *closing_date;
	const char *provider_name, *provider_ukprn;
	int is_national, is_disability_confident;	/* -1 unknown */
	const char *training, *skills, *qualifications, *things_to_consider;
	const char *url;
	/* Every place it is advertised at, the first included (address above is the first). */
	const struct vacancy_place *places;
	int place_count;
	const char *course_type;	/* "foundation" for a foundation apprenticeship */
};
#define VACANCY_REC_INIT { NULL, NULL, NULL, NULL, NULL, MODEL_NO_INT, NULL, NAN, NULL, \
	NULL, NULL, NULL, NAN, NAN, NULL, MODEL_NO_INT, MODEL_NO_INT, MODEL_NO_INT, NULL, NULL, \
	NAN, NULL, NULL, MODEL_NO_INT, NULL, NULL, NULL, NULL, NULL, -1, -1, NULL, NULL, NULL, \
	NULL, NULL, NULL, 0, NULL }

/* A SOC 2020 major, sub-major or minor group (1-3 digits). */
struct soc_group_rec {
	const char *code, *title, *description;
};

/* A SOC unit group (4 digits). Lists are '|' separated. */
struct occupation_rec {
	const char *soc, *title, *description, *entry_routes, *tasks, *job_titles;
};
#define OCCUPATION_REC_INIT { NULL, NULL, NULL, NULL, NULL, NULL }

/* One figure of a labour-market series. measure: weekly_pay,
 * weekly_hours, employment, replacement_rate. */
struct figure_rec {
	const char *soc, *measure;
	long long year;
	double value;
};

struct onet_occupation_rec {
	const char *code, *title, *description;
	long long job_zone;
};

/* scale "OI": element R/I/A/S/E/C, value 1-7; scale "IH": element
 * 1/2/3 (first..third high point), value 0-6. */
struct onet_interest_rec {
	const char *code, *scale, *element;
	double value;
};

struct crosswalk_rec {
	const char *soc, *onet_code;
};

/* Published crosswalks, chained at finalize to link SOC 2020 to O*NET-SOC:
 * ONS SOC 2020 -> ISCO-08, BLS ISCO-08 -> US SOC 2018 ("15-1252", part: only
 * part of the ISCO group is in it), O*NET-SOC 2019 -> US SOC 2018. */
struct soc_isco_rec {
	const char *soc, *isco;
};

struct isco_ussoc_rec {
	const char *isco, *us_soc;
	int part;
};

struct onet_ussoc_rec {
	const char *onet_code, *us_soc;
};

/* A university teaching location (Discover Uni LOCATION.csv). */
struct he_location_rec {
	const char *ukprn, *locid, *name, *loc_ukprn;
	double lat, lon;	/* NAN when not given */
};

/* Where a university course is taught (COURSELOCATION.csv); course_ref is KISCOURSEID/KISMODE. */
struct he_course_location_rec {
	const char *pubukprn, *ukprn, *course_ref, *locid;
};

/* One figure about a university course's entrants or graduates (schema.sql he_outcome). */
struct he_outcome_rec {
	const char *pubukprn, *course_ref, *measure, *detail;
	double value;
};

/* An occupation in SOC 2010 (LMI for All): kept apart from SOC 2020. */
struct soc2010_occupation_rec {
	const char *soc, *title, *description, *entry_routes, *tasks, *job_titles;
};

/* A labour-market figure for a SOC 2010 code (LMI for All). */
struct soc2010_figure_rec {
	const char *soc, *measure;
	long long year;
	double value;
};

/* The ONS relationship between a SOC 2010 and a SOC 2020 unit group. */
struct soc_relation_rec {
	const char *soc2010, *soc2020;
	double share;		/* 0-1: the part of the SOC 2010 group's jobs */
};

/*
 * Timetables (GTFS, as the Bus Open Data Service publishes them). Every
 * record names its feed: the zip archive (or folder) its file came in, so
 * the ids of one feed never meet another's. Stop ids are shared: in BODS
 * feeds they are NaPTAN ATCO codes. `line` is the record's line in its file,
 * kept so that a reference found wrong only once every file is in (a trip
 * no trips.txt names) can still be rejected with its file, line and column.
 * Times are seconds after midnight of the service day (past 24:00:00 for a
 * trip that runs on after midnight), -1 when not given; dates are ISO.
 */
struct gtfs_agency_rec {
	const char *feed, *agency_id, *name, *url, *timezone, *phone, *noc;
	unsigned long line;
};

struct gtfs_stop_rec {
	const char *feed, *stop_id, *code, *name, *parent_id, *platform;
	double lat, lon;		/* NAN when the feed leaves them out */
	int location_type;		/* 0 stop, 1 station, 2 entrance, ... */
	unsigned long line;
};

struct gtfs_route_rec {
	const char *feed, *route_id, *agency_id, *short_name, *long_name;
	int type;			/* 3 bus, 200 coach, 0 tram, 2 rail, ... */
	unsigned long line;
};

struct gtfs_trip_rec {
	const char *feed, *trip_id, *route_id, *service_id, *headsign, *block_id;
	const char *vehicle_journey_code;	/* BODS: the TransXChange journey code */
	int direction;			/* -1 not given */
	unsigned long line;
};

struct gtfs_stop_time_rec {
	const char *feed, *trip_id, *stop_id;
	long long sequence;
	int arrival, departure;		/* -1: not a timepoint (worked out between) */
	int pickup, dropoff;		/* 0 regular, 1 none, 2 phone, 3 ask the driver */
	unsigned long line;
};

struct gtfs_calendar_rec {
	const char *feed, *service_id;
	unsigned days;			/* bit 0 Monday ... bit 6 Sunday */
	const char *start_date, *end_date;
	unsigned long line;
};

struct gtfs_calendar_date_rec {
	const char *feed, *service_id, *date;
	int exception_type;		/* 1 added, 2 removed */
	unsigned long line;
};

struct gtfs_frequency_rec {
	const char *feed, *trip_id;
	int start, end, headway;	/* seconds */
	int exact;			/* 1: runs exactly every headway from start */
	unsigned long line;
};

struct gtfs_feed_info_rec {
	const char *feed, *publisher, *url, *lang, *version, *start_date, *end_date;
	unsigned long line;
};

/* A stop in NaPTAN: where it is, for feeds that leave a stop's place out. */
struct naptan_stop_rec {
	const char *atco, *naptan_code, *name, *indicator, *street, *locality, *status;
	double lat, lon;
};

#endif
