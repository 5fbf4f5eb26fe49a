/*
 * validate.c - the RULE_INFO patterns, compiled once, and the normalisers.
 *
 * Patterns are matched case-insensitively; normalisers upper-case codes
 * before storing them. Named groups (?<d>...) carry the parts a
 * normaliser needs, so no field is parsed twice.
 */
#define PCRE2_CODE_UNIT_WIDTH 8
#include "validate.h"

#include <ctype.h>
#include <pcre2.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "encoding.h"

struct rule_def {
	const char *name;
	const char *example;
	const char *pattern;
};

static const struct rule_def rules[] = {
#define RULE_DEF(id, name, example, pattern) { name, example, pattern },
	RULE_INFO(RULE_DEF)
#undef RULE_DEF
};

static pcre2_code *compiled[RULE_COUNT];
static pcre2_match_data *match_data[RULE_COUNT];

static void compile(enum rule rule)
{
	int error;
	PCRE2_SIZE offset;
	pcre2_code *code = pcre2_compile((PCRE2_SPTR)rules[rule].pattern, PCRE2_ZERO_TERMINATED,
					 PCRE2_CASELESS | PCRE2_UTF, &error, &offset, NULL);

	if (!code) {
		PCRE2_UCHAR msg[120];

		pcre2_get_error_message(error, msg, sizeof(msg));
		fprintf(stderr, "careers: internal error: rule %s: %s at %zu\n",
			rules[rule].name, (char *)msg, (size_t)offset);
		abort();
	}
	/*
	 * JIT is an optimisation: without it the interpreter is used.
	 * CAREERS_PCRE2_NO_JIT turns it off, for valgrind, which cannot see
	 * into JIT-compiled code and reports it as using uninitialised memory.
	 */
	if (!getenv("CAREERS_PCRE2_NO_JIT"))
		(void)pcre2_jit_compile(code, PCRE2_JIT_COMPLETE);
	compiled[rule] = code;
	match_data[rule] = pcre2_match_data_create_from_pattern(code, NULL);
	if (!match_data[rule])
		mem_fatal("out of memory");
}

/* Match and leave the groups in match_data[rule]; 1 on a match. */
static int run(enum rule rule, const char *s, size_t n)
{
	if (!compiled[rule])
		compile(rule);
	return pcre2_match(compiled[rule], (PCRE2_SPTR)s, n, 0, 0, match_data[rule], NULL) > 0;
}

/* Copy named group `name` of the last match of `rule` into out; 0 if unset. */
static int group(enum rule rule, const char *name, char *out, size_t outlen)
{
	PCRE2_SIZE len = outlen;

	if (pcre2_substring_copy_byname(match_data[rule], (PCRE2_SPTR)name,
					(PCRE2_UCHAR *)out, &len) != 0) {
		out[0] = '\0';
		return 0;
	}
	return len > 0;
}

int validate_match(enum rule rule, const char *s, size_t n)
{
	return run(rule, s, n);
}

const char *validate_rule_name(enum rule rule)
{
	return rules[rule].name;
}

const char *validate_rule_example(enum rule rule)
{
	return rules[rule].example;
}

void validate_cleanup(void)
{
	int i;

	for (i = 0; i < RULE_COUNT; i++) {
		pcre2_match_data_free(match_data[i]);
		pcre2_code_free(compiled[i]);
		match_data[i] = NULL;
		compiled[i] = NULL;
	}
}

/* How much of a bad value to quote: at most `max` bytes, cut on a character boundary. */
static int quoted_length(const char *value, size_t max, const char **dots)
{
	size_t n = strlen(value);

	*dots = "";
	if (n > max) {
		n = max;
		while (n > 0 && ((unsigned char)value[n] & 0xC0) == 0x80)
			n--;
		*dots = "...";
	}
	return (int)n;
}

/* Quote at most 40 bytes of a bad value, cut on a character boundary. */
static void say(char why[VALIDATE_WHY], const char *value, const char *what, enum rule rule)
{
	const char *dots;
	int n = quoted_length(value, 40, &dots);

	snprintf(why, VALIDATE_WHY, "\"%.*s%s\" is not %s (expected something like %s)", n,
		 value, dots, what, rules[rule].example);
}

int validate_blank(const char *s)
{
	static const char *const sentinels[] = {
		"TBC", "TBA", "N/A", "NA", "NULL", "-", "<blank>", "none",
		/* .NET's DateTime.MinValue, written by some exports for "no date" */
		"01-01-0001", "0001-01-01", "01/01/0001",
	};
	size_t i, n;

	while (*s == ' ' || *s == '\t' || *s == '\r' || *s == '\n')
		s++;
	n = strlen(s);
	while (n && (s[n - 1] == ' ' || s[n - 1] == '\t' || s[n - 1] == '\r' || s[n - 1] == '\n'))
		n--;
	if (n == 0)
		return 1;
	for (i = 0; i < sizeof(sentinels) / sizeof(sentinels[0]); i++)
		if (strlen(sentinels[i]) == n && strncasecmp(s, sentinels[i], n) == 0)
			return 1;
	return 0;
}

/* Upper-case s without any whitespace into out; 0 if it does not fit. */
static int squeeze_upper(const char *s, char *out, size_t outlen)
{
	size_t n = 0;

	for (; *s; s++) {
		if (isspace((unsigned char)*s))
			continue;
		if (n + 1 >= outlen)
			return 0;
		out[n++] = (char)toupper((unsigned char)*s);
	}
	out[n] = '\0';
	return 1;
}

enum status validate_postcode(const char *s, char out[9], char why[VALIDATE_WHY])
{
	char tight[16];
	size_t n;

	if (!squeeze_upper(s, tight, sizeof(tight)) || !run(RULE_POSTCODE, tight, strlen(tight))) {
		say(why, s, "a UK postcode", RULE_POSTCODE);
		return STATUS_INVALID;
	}
	n = strlen(tight);
	/* The inward code is always the last three characters. */
	memcpy(out, tight, n - 3);
	out[n - 3] = ' ';
	memcpy(out + n - 2, tight + n - 3, 4);
	return STATUS_OK;
}

enum status validate_outcode(const char *s, char out[5], char why[VALIDATE_WHY])
{
	char tight[16];

	if (!squeeze_upper(s, tight, sizeof(tight)) || strlen(tight) > 4 ||
	    !run(RULE_OUTCODE, tight, strlen(tight))) {
		say(why, s, "a postcode district", RULE_OUTCODE);
		return STATUS_INVALID;
	}
	memcpy(out, tight, strlen(tight) + 1);
	return STATUS_OK;
}

enum status validate_place_code(const char *s, char out[9], int *is_full, char why[VALIDATE_WHY])
{
	char tight[16];

	if (squeeze_upper(s, tight, sizeof(tight)) && strlen(tight) <= 4 &&
	    run(RULE_OUTCODE, tight, strlen(tight))) {
		*is_full = 0;
		memcpy(out, tight, strlen(tight) + 1);
		return STATUS_OK;
	}
	*is_full = 1;
	if (validate_postcode(s, out, why) == STATUS_OK)
		return STATUS_OK;
	say(why, s, "a postcode or postcode district", RULE_POSTCODE);
	return STATUS_INVALID;
}

enum status validate_standard_ref(const char *s, char out[7], char version[8],
				  char why[VALIDATE_WHY])
{
	char full[24], base[8], v[8];
	const char *digits = v;

	if (validate_code(RULE_STANDARD_REF, s, full, sizeof(full), why) != STATUS_OK)
		return STATUS_INVALID;
	/* The groups hold the value as written; "st0116" is stored as "ST0116". */
	group(RULE_STANDARD_REF, "base", base, sizeof(base));
	for (size_t i = 0; i < 6; i++)
		out[i] = (char)toupper((unsigned char)base[i]);
	out[6] = '\0';
	version[0] = '\0';
	if (group(RULE_STANDARD_REF, "version", v, sizeof(v))) {
		while (digits[0] == '0' && digits[1] && digits[1] != '.')
			digits++;
		snprintf(version, 8, "%s", digits);
	}
	return STATUS_OK;
}

enum status validate_code(enum rule rule, const char *s, char *out, size_t outlen,
			  char why[VALIDATE_WHY])
{
	char what[64];
	size_t n;

	while (*s == ' ')
		s++;
	n = strlen(s);
	while (n && s[n - 1] == ' ')
		n--;
	snprintf(what, sizeof(what), "%s %s", strchr("AEIOaeio", rules[rule].name[0]) ? "an" : "a",
		 rules[rule].name);
	if (n >= outlen || !run(rule, s, n)) {
		say(why, s, what, rule);
		return STATUS_INVALID;
	}
	for (size_t i = 0; i < n; i++)
		out[i] = (char)toupper((unsigned char)s[i]);
	out[n] = '\0';
	return STATUS_OK;
}

int validate_real_date(int y, int m, int d)
{
	static const int days[] = { 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 };
	int leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;

	if (y < 1800 || y > 2200 || m < 1 || m > 12 || d < 1)
		return 0;
	return d <= days[m - 1] + (m == 2 && leap);
}

enum status validate_date(const char *s, char iso[11], char why[VALIDATE_WHY])
{
	static const char months[] = "janfebmaraprmayjunjulaugsepoctnovdec";
	char part[8];
	int y = 0, m = 0, d = 0;
	size_t n;
	enum rule used;

	while (*s == ' ')
		s++;
	n = strlen(s);
	while (n && s[n - 1] == ' ')
		n--;
	if (run(RULE_DATE_ISO, s, n)) {
		used = RULE_DATE_ISO;
	} else if (run(RULE_DATE_DMY, s, n)) {
		used = RULE_DATE_DMY;
	} else if (run(RULE_DATE_TEXT, s, n)) {
		const char *hit;

		group(RULE_DATE_TEXT, "mon", part, sizeof(part));
		for (size_t i = 0; part[i]; i++)
			part[i] = (char)tolower((unsigned char)part[i]);
		hit = strstr(months, part);
		if (!hit || (hit - months) % 3) {
			say(why, s, "a date", RULE_DATE_TEXT);
			return STATUS_INVALID;
		}
		m = (int)((hit - months) / 3) + 1;
		used = RULE_DATE_TEXT;
	} else {
		say(why, s, "a date", RULE_DATE_DMY);
		return STATUS_INVALID;
	}
	group(used, "y", part, sizeof(part));
	y = atoi(part);
	group(used, "d", part, sizeof(part));
	d = atoi(part);
	if (used != RULE_DATE_TEXT) {
		group(used, "m", part, sizeof(part));
		m = atoi(part);
	}
	if (!validate_real_date(y, m, d)) {
		size_t len = n > 40 ? 40 : n;

		snprintf(why, VALIDATE_WHY, "\"%.*s\" is not a real date", (int)len, s);
		return STATUS_INVALID;
	}
	/* A real date's year is 1800..2200 and its month and day two digits:
	 * the masks only tell the compiler what validate_real_date() has
	 * already made sure of. */
	snprintf(iso, 11, "%04u-%02u-%02u", (unsigned)y % 10000u, (unsigned)m % 100u,
		 (unsigned)d % 100u);
	return STATUS_OK;
}

enum status validate_money(const char *s, long long *pence, char why[VALIDATE_WHY])
{
	char pounds[32], frac[4], digits[32];
	size_t n, k = 0;

	while (*s == ' ')
		s++;
	n = strlen(s);
	while (n && s[n - 1] == ' ')
		n--;
	if (!run(RULE_MONEY, s, n) || !group(RULE_MONEY, "pounds", pounds, sizeof(pounds))) {
		say(why, s, "an amount of money", RULE_MONEY);
		return STATUS_INVALID;
	}
	for (size_t i = 0; pounds[i]; i++)
		if (pounds[i] != ',')
			digits[k++] = pounds[i];
	digits[k] = '\0';
	if (k > 12) {
		say(why, s, "a believable amount of money", RULE_MONEY);
		return STATUS_INVALID;
	}
	*pence = atoll(digits) * 100;
	if (group(RULE_MONEY, "pence", frac, sizeof(frac)))
		*pence += frac[1] ? atoi(frac) : atoi(frac) * 10;
	return STATUS_OK;
}

enum status validate_level(const char *s, double *level, char why[VALIDATE_WHY])
{
	char n[16];
	size_t len;

	while (*s == ' ')
		s++;
	len = strlen(s);
	while (len && s[len - 1] == ' ')
		len--;
	if (!run(RULE_LEVEL, s, len) || !group(RULE_LEVEL, "n", n, sizeof(n))) {
		say(why, s, "a qualification level", RULE_LEVEL);
		return STATUS_INVALID;
	}
	if (isdigit((unsigned char)n[0]))
		*level = atof(n);
	else if (n[0] == 'e' || n[0] == 'E')
		*level = 0;
	else
		*level = -1;
	return STATUS_OK;
}

enum status validate_integer(const char *s, long long min, long long max, long long *out,
			     char why[VALIDATE_WHY])
{
	size_t n;
	long long v;

	while (*s == ' ')
		s++;
	n = strlen(s);
	while (n && s[n - 1] == ' ')
		n--;
	if (!run(RULE_INTEGER, s, n)) {
		say(why, s, "a whole number", RULE_INTEGER);
		return STATUS_INVALID;
	}
	v = strtoll(s, NULL, 10);
	if (v < min || v > max) {
		snprintf(why, VALIDATE_WHY, "%lld is out of range (expected %lld to %lld)", v, min, max);
		return STATUS_INVALID;
	}
	*out = v;
	return STATUS_OK;
}

enum status validate_decimal(const char *s, double min, double max, double *out,
			     char why[VALIDATE_WHY])
{
	size_t n;
	double v;

	while (*s == ' ')
		s++;
	n = strlen(s);
	while (n && s[n - 1] == ' ')
		n--;
	if (!run(RULE_DECIMAL, s, n)) {
		say(why, s, "a number", RULE_DECIMAL);
		return STATUS_INVALID;
	}
	v = strtod(s, NULL);
	if (!(v >= min && v <= max)) {
		snprintf(why, VALIDATE_WHY, "%.*s is out of range (expected %g to %g)",
			 (int)(n > 24 ? 24 : n), s, min, max);
		return STATUS_INVALID;
	}
	*out = v;
	return STATUS_OK;
}

enum status validate_flag(const char *s, int *out, char why[VALIDATE_WHY])
{
	static const char *const yes[] = { "y", "yes", "true", "1" };
	static const char *const no[] = { "n", "no", "false", "0" };
	const char *dots;
	size_t i, n;
	int shown;

	while (*s == ' ')
		s++;
	n = strlen(s);
	while (n && s[n - 1] == ' ')
		n--;
	for (i = 0; i < 4; i++) {
		if (strlen(yes[i]) == n && strncasecmp(s, yes[i], n) == 0) {
			*out = 1;
			return STATUS_OK;
		}
		if (strlen(no[i]) == n && strncasecmp(s, no[i], n) == 0) {
			*out = 0;
			return STATUS_OK;
		}
	}
	shown = quoted_length(s, 20, &dots);
	snprintf(why, VALIDATE_WHY, "\"%.*s%s\" is not yes or no (expected Y or N)", shown, s,
		 dots);
	return STATUS_INVALID;
}

/*
 * How many leading bytes of s[0..n) come in whole words of eight without
 * a byte below 0x20 (x has one exactly when (x - 0x20 * ones) & ~x & highs
 * is not zero): long texts are mostly such, and need no closer look.
 */
static size_t plain_run(const char *s, size_t n)
{
	const uint64_t ones = 0x0101010101010101u, highs = 0x8080808080808080u;
	size_t i = 0;
	uint64_t w;

	while (n - i >= sizeof(w)) {
		memcpy(&w, s + i, sizeof(w));
		if ((w - ones * 0x20) & ~w & highs)
			break;
		i += sizeof(w);
	}
	return i;
}

enum status validate_text(const char *s, char why[VALIDATE_WHY])
{
	size_t n = strlen(s), ok = utf8_valid_prefix((const unsigned char *)s, n), i;

	if (ok < n) {
		snprintf(why, VALIDATE_WHY, "byte %zu is not valid UTF-8 text", ok + 1);
		return STATUS_INVALID;
	}
	for (i = 0; i < n; i++) {
		unsigned char c;

		i += plain_run(s + i, n - i);
		if (i == n)
			break;
		c = (unsigned char)s[i];
		if (c < 0x20 && c != '\t' && c != '\n' && c != '\r') {
			snprintf(why, VALIDATE_WHY, "character %zu is a control character (0x%02X)",
				 i + 1, c);
			return STATUS_INVALID;
		}
	}
	return STATUS_OK;
}

void validate_age_range(const char *text, long long *age_min, long long *age_max)
{
	char part[8];
	size_t n = strlen(text);

	if (run(RULE_AGE_SPAN, text, n)) {
		group(RULE_AGE_SPAN, "lo", part, sizeof(part));
		*age_min = atoi(part);
		group(RULE_AGE_SPAN, "hi", part, sizeof(part));
		*age_max = atoi(part);
		if (*age_max < *age_min) {
			long long t = *age_min;

			*age_min = *age_max;
			*age_max = t;
		}
		return;
	}
	if (run(RULE_AGE_PLUS, text, n)) {
		if (group(RULE_AGE_PLUS, "lo", part, sizeof(part)) ||
		    group(RULE_AGE_PLUS, "lo2", part, sizeof(part)))
			*age_min = atoi(part);
		else
			*age_min = 19;
	}
}
