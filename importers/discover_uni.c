/* discover_uni.c - the Discover Uni course key and outcome rows (see discover_uni.h). */
#include "discover_uni.h"

#include <ctype.h>
#include <stdio.h>
#include <string.h>

int du_provider(struct import_row *r, int column, char out[9])
{
	const char *v = import_text(r, column);
	size_t i;

	if (!v)
		return 0;
	for (i = 0; i < 8 && isdigit((unsigned char)v[i]); i++)
		;
	if (i < 8 || v[8] || (v[0] != '1' && v[0] != '9')) {
		import_reject(r, column, "\"%.40s\" is not a UKPRN (expected 8 digits, like "
			      "10001919)", v);
		return -1;
	}
	memcpy(out, v, 9);
	return 1;
}

int du_course_key(struct import_row *r, int pubukprn, int ukprn_column, int id, int mode,
		  char pub[9], char ukprn[9], char ref[128])
{
	const char *course = import_required(r, id), *m = import_text(r, mode);
	int has_pub = du_provider(r, pubukprn, pub), has_ukprn = du_provider(r, ukprn_column, ukprn);

	if (has_ukprn == 0)
		import_reject(r, ukprn_column, "is empty, but every course names its provider");
	if (has_pub != 1 && has_ukprn == 1)
		memcpy(pub, ukprn, 9);
	if (!m || strlen(m) > 2 || !isdigit((unsigned char)m[0]) ||
	    (m[1] && !isdigit((unsigned char)m[1])) || m[strlen(m) - 1] < '1' ||
	    m[strlen(m) - 1] > '3') {
		import_reject(r, mode, "\"%.20s\" is not a mode of study (expected 01 full-time, "
			      "02 part-time or 03 both)", m ? m : "");
		return 0;
	}
	if (!course || import_rejected(r))
		return 0;
	snprintf(ref, 128, "%s/0%c", course, m[strlen(m) - 1]);
	return 1;
}

enum status du_outcome_row(struct import_row *r, const struct du_measure *measures, size_t count)
{
	struct he_outcome_rec o;
	char pub[9] = "", ukprn[9] = "", ref[128], detail[160];
	const char *year, *subject;
	double values[32];
	int have[32], any = 0;
	enum status rc = STATUS_OK;
	size_t i;

	if (!du_course_key(r, DU_PUBUKPRN, DU_UKPRN, DU_COURSE_ID, DU_MODE, pub, ukprn, ref))
		return STATUS_OK;
	for (i = 0; i < count && i < 32; i++) {
		have[i] = import_get_decimal(r, measures[i].column, 0, measures[i].max,
					     &values[i]) == 1;
		any |= have[i];
	}
	if (import_rejected(r))
		return STATUS_OK;
	if (!any) {
		/* No figures (too few students, or not collected): said by the reason code. */
		import_skip(r);
		return STATUS_OK;
	}
	year = import_text(r, DU_AGG_YEAR);
	subject = import_text(r, DU_SUBJECT);
	snprintf(detail, sizeof(detail), "%s%s%s", year ? year : "",
		 year && subject ? "; " : "", subject ? "for the subject across the provider" : "");
	o.pubukprn = pub;
	o.course_ref = ref;
	o.detail = detail[0] ? detail : NULL;
	for (i = 0; i < count && i < 32 && rc == STATUS_OK; i++) {
		if (!have[i])
			continue;
		o.measure = measures[i].measure;
		o.value = values[i];
		rc = import_emit(r, RECORD_HE_OUTCOME, &o);
	}
	return rc;
}
