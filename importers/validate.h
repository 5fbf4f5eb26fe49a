/*
 * validate.h - named validation rules for the fields of public data files.
 *
 * Every rule is a PCRE2 pattern, listed once in RULE_INFO with the name
 * used in messages and an example of a good value. Patterns are compiled
 * on first use (JIT where the library has it) and kept for the life of
 * the process; validate_cleanup() frees them.
 *
 * The validate_* functions check one raw field and write its normalised
 * form: postcodes as "DN1 3BU", dates as ISO "2027-09-07", money as pence,
 * levels as 0 (entry) .. 8. On failure they return STATUS_INVALID and
 * write a short message saying what was wrong and what was expected,
 * e.g. `"DN1 3B" is not a UK postcode (expected something like DN1 3BU)`.
 * The message never includes more than 40 bytes of the bad value.
 */
#ifndef CAREERS_VALIDATE_H
#define CAREERS_VALIDATE_H

#include <stddef.h>

#include "status.h"

#define VALIDATE_WHY 192	/* room for a message */

#define RULE_INFO(_) \
	_(POSTCODE,     "UK postcode",            "DN1 3BU", \
	  "^(?:[A-Z]{1,2}[0-9][A-Z0-9]?[0-9][A-Z]{2}|GIR0AA)$") \
	_(OUTCODE,      "postcode district",      "DN1", \
	  "^(?:[A-Z]{1,2}[0-9][A-Z0-9]?|GIR)$") \
	_(STANDARD_REF, "standard reference",     "ST0116", \
	  "^(?<base>(?:ST|FA)[0-9]{4})(?:[-_/](?<version>[0-9]{1,2}(?:\\.[0-9]{1,2})?))?$") \
	_(LARS_CODE,    "LARS standard code",     "2", \
	  "^[1-9][0-9]{0,5}$") \
	_(LEARN_AIM,    "learning aim reference", "60302089", \
	  "^[0-9A-Z]{8}$") \
	_(SOC2020,      "SOC 2020 unit group",    "2136", \
	  "^[1-9][0-9]{3}$") \
	_(SOC_GROUP,    "SOC code",               "21", \
	  "^[1-9][0-9]{0,3}$") \
	_(ONET_SOC,     "O*NET-SOC code",         "15-1252.00", \
	  "^[0-9]{2}-[0-9]{4}\\.[0-9]{2}$") \
	_(URN,          "school URN",             "106653", \
	  "^[1-9][0-9]{5}$") \
	_(UKPRN,        "UKPRN",                  "10001919", \
	  "^1[0-9]{7}$") \
	_(DATE_DMY,     "date",                   "12-11-2014", \
	  "^(?<d>[0-3]?[0-9])[-/.](?<m>[01]?[0-9])[-/.](?<y>[12][0-9]{3})$") \
	_(DATE_ISO,     "date",                   "2014-11-12", \
	  "^(?<y>[12][0-9]{3})-(?<m>[01][0-9])-(?<d>[0-3][0-9])(?:[T ][0-9:.]+(?:Z|[+-][0-9:]+)?)?$") \
	_(DATE_TEXT,    "date",                   "12 Nov 2014", \
	  "^(?<d>[0-3]?[0-9]) (?<mon>[A-Za-z]{3})[A-Za-z]* (?<y>[12][0-9]{3})$") \
	_(MONEY,        "amount of money",        "£1,234.50", \
	  "^(?:£|GBP)? ?(?<pounds>[0-9]{1,3}(?:,[0-9]{3})+|[0-9]+)(?:\\.(?<pence>[0-9]{1,2}))?$") \
	_(LEVEL,        "qualification level",    "3", \
	  "^(?:(?:level|lvl|l) ?)?(?<n>[0-8](?:\\.5)?|e|entry(?: level)?|h|m|x)$") \
	_(INTEGER,      "whole number",           "24", \
	  "^[+-]?[0-9]{1,15}$") \
	_(AGE_SPAN,     "age range",              "aged 16 to 18", \
	  "\\b(?<lo>1[3-9]|2[0-4]) ?(?:-|\u2013|to) ?(?<hi>1[3-9]|2[0-4])\\b") \
	_(AGE_PLUS,     "minimum age",            "19+", \
	  "(?:\\b(?<lo>1[3-9]|2[0-5]) ?\\+|\\baged? (?<lo2>1[3-9]|2[0-5]) (?:or|and) (?:over|above|older)|\\b(?<adult>adults?)\\b)") \
	_(DECIMAL,      "number",                 "53.52299", \
	  "^[+-]?(?:[0-9]{1,15}(?:\\.[0-9]*)?|\\.[0-9]+)(?:[eE][+-]?[0-9]{1,3})?$")

enum rule {
#define RULE_ENUM(id, name, example, pattern) RULE_##id,
	RULE_INFO(RULE_ENUM)
#undef RULE_ENUM
	RULE_COUNT
};

/* Does the whole of s[0..n) match the rule? */
int validate_match(enum rule rule, const char *s, size_t n);
const char *validate_rule_name(enum rule rule);
const char *validate_rule_example(enum rule rule);
/* Free the compiled patterns (at exit; optional). */
void validate_cleanup(void);

/*
 * True for values that mean "no value": empty or blank, "TBC", "TBA",
 * "N/A", "NULL", "-", "<blank>" (ONS), "01-01-0001" (.NET's empty
 * date), any case.
 */
int validate_blank(const char *s);

/* Each returns STATUS_OK, or STATUS_INVALID with a message in why. */
enum status validate_postcode(const char *s, char out[9], char why[VALIDATE_WHY]);
enum status validate_outcode(const char *s, char out[5], char why[VALIDATE_WHY]);
/* Postcode or outcode; *is_full tells which. */
enum status validate_place_code(const char *s, char out[9], int *is_full, char why[VALIDATE_WHY]);
/*
 * "ST0242", also with a version suffix as the IfATE file writes them
 * ("ST0242_03", "ST0006-02", "ST0417/01"): out gets "ST0242", version the
 * suffix without leading zeros ("3"), or "" when there is none.
 */
enum status validate_standard_ref(const char *s, char out[7], char version[8],
				  char why[VALIDATE_WHY]);
enum status validate_code(enum rule rule, const char *s, char *out, size_t outlen,
			  char why[VALIDATE_WHY]);
/* Any of dd-mm-yyyy, dd/mm/yyyy, yyyy-mm-dd[Thh:mm...], "12 Nov 2014". */
enum status validate_date(const char *s, char iso[11], char why[VALIDATE_WHY]);
/* Pounds and pence to whole pence. */
enum status validate_money(const char *s, long long *pence, char why[VALIDATE_WHY]);
/* "3", "Level 3", "L3", "1.5", "E"/"Entry" -> 0; H/M/X -> -1 (no single level). */
enum status validate_level(const char *s, double *level, char why[VALIDATE_WHY]);
enum status validate_integer(const char *s, long long min, long long max, long long *out,
			     char why[VALIDATE_WHY]);
enum status validate_decimal(const char *s, double min, double max, double *out,
			     char why[VALIDATE_WHY]);
/* Y/N, Yes/No, True/False, 1/0. */
enum status validate_flag(const char *s, int *out, char why[VALIDATE_WHY]);
/* Valid UTF-8 without control characters other than tab and newline. */
enum status validate_text(const char *s, char why[VALIDATE_WHY]);

/*
 * Find an age limit in free text: "aged 16 to 18", "16-18 year olds",
 * "19+", "aged 19 or over", "adults" (19+). Leaves the outputs alone when
 * the text says nothing about age.
 */
void validate_age_range(const char *text, long long *age_min, long long *age_max);

/* Calendar check: 1 if y-m-d is a real date. */
int validate_real_date(int y, int m, int d);

#endif
