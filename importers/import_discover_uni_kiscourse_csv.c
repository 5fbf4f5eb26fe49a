/*
 * import_discover_uni_kiscourse_csv.c - Discover Uni (Unistats) KISCOURSE.csv.
 *
 * One row per undergraduate course and mode of study from the Discover Uni
 * download (HESA / Office for Students). The header repeats HECOS up to
 * five times, one column per subject code, so that column is read as a
 * repeated column and the codes joined with '|'. KISMODE is 01 full-time,
 * 02 part-time (03 "both" is split into one row per mode in the
 * published file, but is read as flexible if met). HONOURS is 0/1;
 * FOUNDATION, SANDWICH and YEARABROAD are 0 not available, 1 optional,
 * 2 compulsory, kept as published.
 *
 * Two providers are named: UKPRN registers the course and PUBUKPRN is
 * the one "where the course is primarily taught", whose name and address
 * INSTITUTION.csv gives. A learner goes to the teaching provider, so the
 * course is filed under PUBUKPRN (UKPRN when PUBUKPRN is blank); its ref
 * is KISCOURSEID/KISMODE. HESA gives joint medical and veterinary schools
 * identifiers of its own beginning with 9 (99999998 Hull York Medical
 * School); they are accepted as provider numbers.
 *
 * Level. The file has no FHEQ level, so one is worked out: from the
 * qualification (KISAIMCODE, see KISAIM.csv) where it settles it -
 * CertHE 4; DipHE, foundation degrees and HNDs 5; integrated masters and
 * DipArch 7; the Scottish undergraduate MA, Bachelor of Medicine degrees
 * (MBBS, MBChB, ...) and the Graduate Diploma 6 - otherwise from
 * KISLEVEL, where 03 (first degree, as every bachelor's degree in the
 * file is coded) gives 6 and 04 ("other undergraduate") is left unset.
 * University courses start at 18, so age_min is 18.
 */
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "discover_uni.h"
#include "importer.h"

enum {
	PUBUKPRN, UKPRN, TITLE, COURSE_ID, MODE, AIM, KISLEVEL, HECOS, HONOURS, SANDWICH,
	YEAR_ABROAD, FOUNDATION, STAGES, UCAS_CODE, URL,
};

static const struct import_column columns[] = {
	[PUBUKPRN] = { "PUBUKPRN", 0 },
	[UKPRN] = { "UKPRN", COLUMN_REQUIRED },
	[TITLE] = { "TITLE", COLUMN_REQUIRED },
	[COURSE_ID] = { "KISCOURSEID", COLUMN_REQUIRED },
	[MODE] = { "KISMODE", COLUMN_REQUIRED },
	[AIM] = { "KISAIMCODE", COLUMN_REQUIRED },
	[KISLEVEL] = { "KISLEVEL", 0 },
	[HECOS] = { "HECOS", COLUMN_REPEATED },
	[HONOURS] = { "HONOURS", COLUMN_REQUIRED },
	[SANDWICH] = { "SANDWICH", COLUMN_REQUIRED },
	[YEAR_ABROAD] = { "YEARABROAD", COLUMN_REQUIRED },
	[FOUNDATION] = { "FOUNDATION", 0 },
	[STAGES] = { "NUMSTAGE", 0 },
	[UCAS_CODE] = { "UCASPROGID", 0 },
	[URL] = { "CRSEURL", 0 },
};

/* KISAIMCODEs whose level the qualification settles; the rest go by KISLEVEL. */
static const struct {
	double level;
	const char *codes;
} aim_levels[] = {
	/* CertHE */
	{ 4, "028" },
	/* DipHE, foundation degrees (FD, FDA, FdSc, ...), HND */
	{ 5, "029 030 031 032 033 034 035 036 038 130" },
	/* Scottish undergraduate MA, Bachelor of Medicine (MBBS, ...), Graduate Diploma */
	{ 6, "040 043 044 045 126 131 136 149 181" },
	/* integrated masters (MEng, MChem, MPharm, ...) and DipArch */
	{ 7, "041 042 046 047 048 049 050 051 052 053 054 055 056 057 058 059 060 061 062 "
	     "063 064 065 066 067 068 070 071 072 073 074 075 076 077 078 079 087 088 089 "
	     "090 091 092 093 094 095 096 097 098 099 100 101 102 106 107 108 114 115 116 "
	     "117 118 120 121 122 123 124 125 129 132 133 134 135 137 138 139 140 141 143 "
	     "144 145 146 147 148 150 151 153 154 155 157 158 159 160 161 162 163 164 165 "
	     "166 167 168 169 170 171 172 173 175 176 177 179 180 182 183 184 185 186 188 "
	     "189 190 191 193 195 196 197 198 199 200" },
};

static const char *const study_modes[] = { NULL, "full-time", "part-time", "flexible" };

/* Are s's first n bytes all digits (and s exactly n long)? */
static int digits(const char *s, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		if (!isdigit((unsigned char)s[i]))
			return 0;
	return s[n] == '\0';
}


/* The level the qualification settles, or NAN. */
static double aim_level(const char *aim)
{
	size_t i;

	for (i = 0; i < sizeof(aim_levels) / sizeof(aim_levels[0]); i++) {
		const char *hit = strstr(aim_levels[i].codes, aim);

		if (hit && (hit == aim_levels[i].codes || hit[-1] == ' '))
			return aim_levels[i].level;
	}
	return NAN;
}

/* HECOS codes, six digits each, '|'-separated by the driver. */
static const char *subjects(struct import_row *r)
{
	const char *list = import_text(r, HECOS), *p;

	if (!list)
		return NULL;
	for (p = list; *p; p += *p == '|') {
		size_t n = strcspn(p, "|");

		if (n != 6 || strspn(p, "0123456789") < 6) {
			import_reject(r, HECOS, "\"%.*s\" is not a HECOS subject code (expected 6 "
				      "digits, like 100499)", (int)(n > 40 ? 40 : n), p);
			return NULL;
		}
		p += n;
	}
	return list;
}

/*
 * A coded column: a number from min to max, written with or without a
 * leading zero ("01"). The code, or -1 when blank or bad.
 */
static int coded(struct import_row *r, int column, int min, int max, const char *expected)
{
	const char *v = import_text(r, column);
	size_t n = v ? strlen(v) : 0;
	int code;

	if (!v)
		return -1;
	code = n >= 1 && n <= 2 && digits(v, n) ? (int)strtol(v, NULL, 10) : -1;
	if (code < min || code > max) {
		import_reject(r, column, "\"%.20s\" is not one of its codes (expected %s)", v,
			      expected);
		return -1;
	}
	return code;
}

static enum status row(struct import_row *r)
{
	static const char options[] = "0 not available, 1 optional or 2 compulsory";
	struct course_rec c = COURSE_REC_INIT;
	char pub[9], ukprn[9] = "", ref[128];
	const char *course_id, *aim;
	long long level = 0, stages;
	int mode;

	if (du_provider(r, UKPRN, ukprn) == 0)
		import_reject(r, UKPRN, "is empty, but every course names its provider");
	if (du_provider(r, PUBUKPRN, pub) != 1)
		memcpy(pub, ukprn, sizeof(pub));
	c.title = import_required(r, TITLE);
	course_id = import_required(r, COURSE_ID);
	mode = coded(r, MODE, 1, 3, "01 full-time, 02 part-time or 03 both");
	if (mode < 0 && !import_text(r, MODE))
		import_reject(r, MODE, "is empty (expected 01 full-time, 02 part-time or 03 both)");
	aim = import_text(r, AIM);
	if (aim && !digits(aim, 3))
		import_reject(r, AIM, "\"%.40s\" is not a KIS aim code (expected 3 digits, like "
			      "021)", aim);
	import_get_int(r, KISLEVEL, 0, 99, &level);
	c.subject = subjects(r);
	c.honours = coded(r, HONOURS, 0, 1, "1 for an honours degree, else 0");
	c.sandwich = coded(r, SANDWICH, 0, 2, options);
	c.year_abroad = coded(r, YEAR_ABROAD, 0, 2, options);
	c.foundation_year = coded(r, FOUNDATION, 0, 2, options);
	if (import_get_int(r, STAGES, 1, 10, &stages) == 1 && mode == 1) {
		c.duration_value = stages;
		c.duration_unit = "years";
	}
	c.ucas_code = import_text(r, UCAS_CODE);
	c.url = import_text(r, URL);
	if (import_rejected(r))
		return STATUS_OK;

	snprintf(ref, sizeof(ref), "%s/%02d", course_id, mode);
	c.kind = "he";
	c.ref = ref;
	c.provider_ukprn = pub;
	c.qualification = aim;
	c.level = aim ? aim_level(aim) : NAN;
	if (isnan(c.level) && level == 3)
		c.level = 6;
	c.study_mode = study_modes[mode];
	c.age_min = 18;
	return import_emit(r, RECORD_COURSE, &c);
}

const struct importer importer_discover_uni_kiscourse_csv = {
	.name = "discover-uni-kiscourse-csv",
	.title = "Discover Uni courses (KISCOURSE.csv)",
	.detection = "CSV whose header has UKPRN, TITLE, KISCOURSEID, KISMODE, KISAIMCODE, "
		     "HONOURS, SANDWICH and YEARABROAD",
	.edition = "Discover Uni 2025/26 (HESA C25061), checked on the real file",
	.licence = "Creative Commons Attribution 4.0 International (as commonly cited for "
		   "Discover Uni; not verified)",
	.attribution = "Contains Discover Uni data from the Office for Students and HESA "
		       "(Jisc), licensed under CC BY 4.0.",
	.shape = IMPORT_CSV,
	.columns = COLUMNS(columns),
	.row = row,
};
