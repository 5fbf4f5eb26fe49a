/*
 * cli_search.c - `careers search` and `careers interests`: the learner
 * filter from the command line, as text, JSON or CSV.
 *
 * The JSON field names are part of the program's interface (see README):
 * {"query": {...}, "total": N, "results": [{"kind", "id", "title", "where",
 * "distance_miles", "level", "starts", "availability", "score", "reasons",
 * "url", ...}]}. New fields may be added; these are not renamed.
 */
#include <ctype.h>
#include <limits.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "cli.h"
#include "format.h"
#include "match.h"
#include "say.h"
#include "store.h"
#include "validate.h"

enum output { OUTPUT_TEXT, OUTPUT_JSON, OUTPUT_CSV };

struct search_args {
	const char *db;
	struct match_profile profile;
	enum output format;
	int explain, links, year_given, age_given;
	const char *interest_words[MATCH_MAX_INTERESTS];
	int interest_word_count;
	const char *riasec_text;
	char today_text[11];
	int travel_given;		/* --travel said bus or none */
};

static const char kinds_list[] = "career, course, school, apprenticeship, vacancy, university";

static int parse_int(const char *s, long *out)
{
	char *end;

	if (!s || !*s)
		return 0;
	*out = strtol(s, &end, 10);
	return *end == '\0';
}

/* Read the arguments into a profile. Returns 0, or EXIT_USAGE after a message. */
static int parse_args(struct search_args *a, int argc, char **argv)
{
	struct match_profile *p = &a->profile;
	struct cli_args args;
	const char *v;
	int kind;
	long n;

	memset(a, 0, sizeof(*a));
	match_profile_init(p);
	a->db = cli_default_store();
	cli_args_init(&args, "search", argc, argv);
	while ((kind = cli_args_next(&args)) != 0) {
		if (kind < 0)
			return cli_usage_error("search", "unexpected argument \"%s\" (put words to "
					       "look for after --text)", args.value);
		if (cli_is(&args, "show-all")) {
			p->show_not_for_age = 1;
			continue;
		}
		if (cli_is(&args, "explain")) {
			a->explain = 1;
			continue;
		}
		if (cli_is(&args, "links")) {
			a->links = 1;
			continue;
		}
		if (!(v = cli_value(&args)))
			return EXIT_USAGE;
		if (cli_is(&args, "db")) {
			a->db = v;
		} else if (cli_is(&args, "year")) {
			if (!parse_int(v, &n) || n < 7 || n > 13)
				return cli_usage_error("search", "--year \"%s\": school years are 7 to 13 "
						       "(use --age for someone who has left school)", v);
			p->school_year = (int)n;
			a->year_given = 1;
		} else if (cli_is(&args, "age")) {
			if (!parse_int(v, &n) || n < 16 || n > 25)
				return cli_usage_error("search", "--age \"%s\": give the age of someone "
						       "who has left school, 16 to 25 (for pupils "
						       "use --year)", v);
			p->age = (int)n;
			p->school_year = 0;
			a->age_given = 1;
		} else if (cli_is(&args, "postcode")) {
			char why[VALIDATE_WHY];

			if (validate_place_code(v, p->place, &p->place_is_full, why) != STATUS_OK)
				return cli_usage_error("search", "--postcode \"%.40s\": not a postcode "
						       "or postcode district (e.g. DN1 3BU or DN1)", v);
		} else if (cli_is(&args, "within")) {
			char *end;
			double miles;

			if (strcasecmp(v, "anywhere") == 0) {
				p->radius = MATCH_ANYWHERE;
				continue;
			}
			miles = strtod(v, &end);
			if (end == v || *end || !(miles > 0) || miles > 1000)
				return cli_usage_error("search", "--within \"%s\": give a number of "
						       "miles (e.g. 10) or anywhere", v);
			p->radius = miles;
		} else if (cli_is(&args, "interest")) {
			if (a->interest_word_count >= MATCH_MAX_INTERESTS)
				return cli_usage_error("search", "at most %d interests",
						       MATCH_MAX_INTERESTS);
			a->interest_words[a->interest_word_count++] = v;
		} else if (cli_is(&args, "riasec")) {
			char why[256];

			if (match_parse_riasec(v, p->riasec, why, sizeof(why)) != STATUS_OK)
				return cli_usage_error("search", "--riasec %s", why);
			p->has_riasec = 1;
			a->riasec_text = v;
		} else if (cli_is(&args, "kind")) {
			int k = match_kind_parse(v);

			if (k < 0)
				return cli_usage_error("search", "--kind \"%s\": choose from %s", v,
						       kinds_list);
			p->kinds |= 1u << k;
		} else if (cli_is(&args, "level")) {
			char why[VALIDATE_WHY];
			double level;

			if (validate_level(v, &level, why) != STATUS_OK || level < 0)
				return cli_usage_error("search", "--level \"%s\": give a level from 0 "
						       "(entry) to 8", v);
			p->level = level;
		} else if (cli_is(&args, "text")) {
			snprintf(p->text, sizeof(p->text), "%s", v);
		} else if (cli_is(&args, "today")) {
			char why[80];

			if (!date_read(v, &p->today, why, sizeof(why)))
				return cli_usage_error("search", "--today \"%s\": %s", v, why);
		} else if (cli_is(&args, "limit")) {
			if (!parse_int(v, &n) || n < 0)
				return cli_usage_error("search", "--limit \"%s\": give a whole number, 0 "
						       "for all", v);
			if (n > 100000)
				return cli_usage_error("search", "--limit \"%s\": at most 100000 results "
						       "are listed; --limit 0 lists them all", v);
			p->limit = (int)n;
		} else if (cli_is(&args, "sort")) {
			int s = match_sort_parse(v);

			if (s < 0)
				return cli_usage_error("search", "--sort \"%s\": choose from relevance, "
						       "distance, start, pay, travel", v);
			p->sort = (enum match_sort)s;
		} else if (cli_is(&args, "format")) {
			if (strcmp(v, "text") == 0)
				a->format = OUTPUT_TEXT;
			else if (strcmp(v, "json") == 0)
				a->format = OUTPUT_JSON;
			else if (strcmp(v, "csv") == 0)
				a->format = OUTPUT_CSV;
			else
				return cli_usage_error("search", "--format \"%s\": choose from text, "
						       "json, csv", v);
		} else if (cli_is(&args, "travel")) {
			int m = travel_mode_parse(v);

			if (m < 0)
				return cli_usage_error("search", "--travel \"%s\": choose from bus, none", v);
			p->travel.mode = (enum travel_mode)m;
			a->travel_given = 1;
		} else if (cli_is(&args, "within-minutes")) {
			if (!parse_int(v, &n) || n < 5 || n > 240)
				return cli_usage_error("search", "--within-minutes \"%s\": give a number of "
						       "minutes door to door, 5 to 240", v);
			p->travel.within_minutes = (int)n;
		} else if (cli_is(&args, "arrive-by")) {
			int at = travel_parse_clock(v);

			if (at < 0)
				return cli_usage_error("search", "--arrive-by \"%s\": give a time of day "
						       "such as 09:00", v);
			p->travel.arrive_by = at;
		} else if (cli_is(&args, "walk-metres")) {
			if (!parse_int(v, &n) || n < 0 || n > 5000)
				return cli_usage_error("search", "--walk-metres \"%s\": give how far one "
						       "would walk to or from a stop, 0 to 5000 metres", v);
			p->travel.settings.walk_metres = (int)n;
			if (p->travel.settings.walk_alone_metres < 2 * (int)n)
				p->travel.settings.walk_alone_metres = 2 * (int)n;
		} else if (cli_is(&args, "walk-speed")) {
			char *end;
			double kmh = strtod(v, &end);

			if (end == v || *end || !(kmh >= 1 && kmh <= 10))
				return cli_usage_error("search", "--walk-speed \"%s\": give a walking speed "
						       "in km an hour, 1 to 10", v);
			p->travel.settings.walk_kmh = kmh;
		} else if (cli_is(&args, "change-minutes")) {
			if (!parse_int(v, &n) || n < 0 || n > 60)
				return cli_usage_error("search", "--change-minutes \"%s\": give the least "
						       "time to change buses, 0 to 60 minutes", v);
			p->travel.settings.change_seconds = (int)n * 60;
		} else if (cli_is(&args, "not-for-me")) {
			char name[32];
			const char *colon = strchr(v, ':');
			long long id;
			char *end;
			int k;

			if (!colon || (size_t)(colon - v) >= sizeof(name) ||
			    p->excluded_count >= MATCH_MAX_EXCLUDED)
				return cli_usage_error("search", "--not-for-me \"%s\": give KIND:ID, "
						       "e.g. course:12", v);
			snprintf(name, sizeof(name), "%.*s", (int)(colon - v), v);
			k = match_kind_parse(name);
			id = strtoll(colon + 1, &end, 10);
			if (k < 0 || end == colon + 1 || *end)
				return cli_usage_error("search", "--not-for-me \"%s\": give KIND:ID "
						       "where KIND is one of %s", v, kinds_list);
			p->excluded[p->excluded_count].kind = (enum option_kind)k;
			p->excluded[p->excluded_count++].id = id;
		} else {
			return cli_usage_error("search", "unknown option --%s", args.option);
		}
	}
	if (a->year_given && a->age_given)
		return cli_usage_error("search", "give --year (at school) or --age (left school), "
				       "not both");
	/* A limit in minutes, a time to arrive by or sorting by travel mean by bus. */
	if (p->travel.within_minutes || p->travel.arrive_by != TRAVEL_DEFAULT_ARRIVE_BY ||
	    p->sort == SORT_TRAVEL) {
		if (a->travel_given && p->travel.mode == TRAVEL_NONE)
			return cli_usage_error("search", "--within-minutes, --arrive-by and --sort travel "
					       "are about travel by bus: leave out --travel none");
		p->travel.mode = TRAVEL_BUS;
	}
	date_iso(p->today, a->today_text);
	return 0;
}

/* Turn --interest words into ids; EXIT_USAGE with a message when unknown. */
static int resolve_interests(struct store *s, struct search_args *a)
{
	struct match_interest all[MATCH_MAX_INTERESTS * 2];
	size_t count = match_interests(s, all, sizeof(all) / sizeof(all[0])), i;
	int k;

	for (k = 0; k < a->interest_word_count; k++) {
		long long id;
		enum status rc = match_find_interest(s, a->interest_words[k], &id);

		if (rc == STATUS_OK) {
			a->profile.interests[a->profile.interest_count++] = id;
			continue;
		}
		fprintf(stderr, "careers search: --interest \"%s\": %s; choose from:",
			a->interest_words[k], rc == STATUS_INVALID ? "more than one interest starts "
			"like that" : "no such interest");
		for (i = 0; i < count; i++)
			fprintf(stderr, "%s %s", i ? "," : "", all[i].slug);
		fputc('\n', stderr);
		return EXIT_USAGE;
	}
	return 0;
}

/* --- output ---------------------------------------------------------------------- */

static void describe_query(struct strbuf *out, const struct search_args *a,
			   const struct match_list *l, struct store *s)
{
	const struct match_profile *p = &a->profile;
	struct match_interest all[MATCH_MAX_INTERESTS * 2];
	size_t count = match_interests(s, all, sizeof(all) / sizeof(all[0])), i;
	char who[64], today[16];
	int k;

	schoolyear_describe(&l->stage, who, sizeof(who));
	date_short(p->today, today);
	strbuf_printf(out, "%s, on %s", who, today);
	if (l->place.found && l->travel.used) {
		char by[8];

		travel_clock(p->travel.arrive_by, by);
		if (p->travel.within_minutes)
			strbuf_printf(out, ", within %d min by bus of %s", p->travel.within_minutes,
				      l->place.label);
		else if (p->radius > 0)
			strbuf_printf(out, ", within %g miles of %s", p->radius, l->place.label);
		else
			strbuf_printf(out, ", anywhere (from %s)", l->place.label);
		strbuf_printf(out, ", arriving by %s on %s", by, l->travel.day_words);
	} else if (l->place.found) {
		if (p->radius > 0)
			strbuf_printf(out, ", within %g miles of %s", p->radius, l->place.label);
		else
			strbuf_printf(out, ", anywhere (distances from %s)", l->place.label);
	}
	for (k = 0; k < p->interest_count; k++)
		for (i = 0; i < count; i++)
			if (all[i].id == p->interests[k])
				strbuf_printf(out, "%s%s", k ? ", " : "; interests: ", all[i].name);
	if (p->has_riasec)
		strbuf_printf(out, "; quiz: %s", a->riasec_text);
	if (p->text[0])
		strbuf_printf(out, "; words: %s", p->text);
	if (!isnan(p->level))
		strbuf_printf(out, "; level %g only", p->level);
	strbuf_putc(out, '\n');
}

static const char *availability_words(const struct match_result *r, char *buf, size_t buflen)
{
	struct civil_date d;
	char day[16];

	switch (r->availability) {
	case AVAILABLE_NOW:
		return "can start now";
	case AVAILABLE_FROM:
	case AVAILABLE_AT_18:
		if (!date_parse(r->available_from, &d))
			return "";
		date_short(d, day);
		snprintf(buf, buflen, "%s %s", r->availability == AVAILABLE_AT_18 ? "at 18, from" :
			 r->starts_too_early ? "starts too early; you could start from" : "from", day);
		return buf;
	case AVAILABLE_NOT_FOR_AGE:
		return "not for your age";
	}
	return "";
}

static void text_result(struct strbuf *out, size_t n, const struct match_result *r, int explain,
			const char *indent, int arrive_by)
{
	char buf[64];
	int i;

	strbuf_printf(out, "%s%2zu. %s", indent, n, r->title);
	if (r->ref[0] && r->kind != OPTION_CAREER)
		strbuf_printf(out, " (%s)", r->ref);
	strbuf_printf(out, "  [%s:%lld]\n", match_kind_name(r->kind), r->id);
	strbuf_printf(out, "%s    ", indent);
	if (r->where[0])
		strbuf_printf(out, "%s | ", r->where);
	if (!isnan(r->distance))
		strbuf_printf(out, "%.1f miles | ", r->distance);
	if (r->travel.applies) {
		travel_brief(&r->travel, arrive_by, buf, sizeof(buf));
		strbuf_printf(out, "%s | ", buf);
	}
	/* Levels and money said as every screen and the plan say them (say.h). */
	if (!isnan(r->level) && r->level >= 0) {
		char level[80];

		say_level(r->level, level, sizeof(level));
		strbuf_printf(out, "%s | ", level);
	}
	if (!isnan(r->pay_per_week)) {
		char pay[48];

		say_week(r->pay_per_week, pay, sizeof(pay));
		strbuf_printf(out, "%s | ", pay);
	}
	strbuf_printf(out, "%s | score %.1f\n", availability_words(r, buf, sizeof(buf)), r->score);
	for (i = 0; i < r->reason_count; i++)
		strbuf_printf(out, "%s      - %s\n", indent, r->reasons[i]);
	if (explain)
		strbuf_printf(out, "%s      score = 100 x (0.45 x interest %.2f + 0.25 x distance "
			      "%.2f + 0.15 x level %.2f + 0.15 x timing %.2f)\n", indent,
			      r->fit.interest, r->fit.distance, r->fit.level, r->fit.timing);
}

static void json_result(struct strbuf *out, const struct match_result *r, const char *indent);

/* {"mode": "bus"|"walk", "minutes", "changes", "walk_minutes", "depart", "arrive"} or null. */
static void json_travel(struct strbuf *out, const struct travel_answer *t)
{
	char depart[8], arrive[8];

	if (!t->found) {
		strbuf_puts(out, "null");
		return;
	}
	travel_clock(t->depart, depart);
	travel_clock(t->arrive, arrive);
	strbuf_printf(out, "{\"mode\": \"%s\", \"minutes\": %d, \"changes\": %d, "
		      "\"walk_minutes\": %d, \"depart\": \"%s\", \"arrive\": \"%s\"}",
		      t->walk_only ? "walk" : "bus", t->minutes, t->changes, t->walk_minutes, depart,
		      arrive);
}

/* What the journeys were worked out for: {"asked", "used", "day", "arrive_by", "valid_to", "note"}. */
static void json_travel_info(struct strbuf *out, const struct travel_info *t,
			     const struct travel_request *req)
{
	char iso[11], by[8];

	travel_clock(req->arrive_by, by);
	strbuf_printf(out, "{\"mode\": \"%s\", \"used\": %s, \"day\": ",
		      travel_mode_name(req->mode), t->used ? "true" : "false");
	if (t->used) {
		date_iso(t->day, iso);
		format_json_string(out, iso);
	} else {
		strbuf_puts(out, "null");
	}
	strbuf_printf(out, ", \"arrive_by\": \"%s\", \"within_minutes\": ", by);
	if (req->within_minutes)
		strbuf_printf(out, "%d", req->within_minutes);
	else
		strbuf_puts(out, "null");
	strbuf_puts(out, ", \"timetables_valid_to\": ");
	if (t->valid_to != LONG_MIN) {
		date_iso(date_from_days(t->valid_to), iso);
		format_json_string(out, iso);
	} else {
		strbuf_puts(out, "null");
	}
	strbuf_puts(out, ", \"note\": ");
	format_json_string(out, t->note[0] ? t->note : NULL);
	strbuf_puts(out, "}");
}

static void json_results(struct strbuf *out, const struct match_result *results, size_t count,
			 const char *indent)
{
	size_t i;

	strbuf_puts(out, "[");
	for (i = 0; i < count; i++) {
		strbuf_printf(out, "%s\n%s", i ? "," : "", indent);
		json_result(out, &results[i], indent);
	}
	strbuf_printf(out, "%s]", count ? "\n" : "");
	(void)indent;
}

static void json_result(struct strbuf *out, const struct match_result *r, const char *indent)
{
	int i;

	(void)indent;
	strbuf_puts(out, "{\"kind\": ");
	format_json_string(out, match_kind_name(r->kind));
	strbuf_printf(out, ", \"id\": %lld, \"ref\": ", r->id);
	format_json_string(out, r->ref);
	strbuf_puts(out, ", \"title\": ");
	format_json_string(out, r->title);
	strbuf_puts(out, ", \"where\": ");
	format_json_string(out, r->where);
	strbuf_puts(out, ", \"distance_miles\": ");
	format_json_number(out, r->distance, 1);
	strbuf_puts(out, ", \"level\": ");
	format_json_number(out, r->level >= 0 ? r->level : NAN, r->level == 1.5 ? 1 : 0);
	strbuf_puts(out, ", \"starts\": ");
	format_json_string(out, r->starts[0] ? r->starts : NULL);
	strbuf_puts(out, ", \"closes\": ");
	format_json_string(out, r->closes[0] ? r->closes : NULL);
	strbuf_puts(out, ", \"availability\": ");
	format_json_string(out, match_availability_name(r->availability));
	strbuf_puts(out, ", \"available_from\": ");
	format_json_string(out, r->available_from[0] ? r->available_from : NULL);
	strbuf_printf(out, ", \"starts_too_early\": %s", r->starts_too_early ? "true" : "false");
	strbuf_printf(out, ", \"needs_first\": %s", r->needs_first ? "true" : "false");
	strbuf_puts(out, ", \"pay_per_week\": ");
	format_json_number(out, r->pay_per_week, 0);
	strbuf_puts(out, ", \"score\": ");
	format_json_number(out, r->score, 1);
	strbuf_puts(out, ", \"fit\": {\"interest\": ");
	format_json_number(out, r->fit.interest, 2);
	strbuf_puts(out, ", \"distance\": ");
	format_json_number(out, r->fit.distance, 2);
	strbuf_puts(out, ", \"level\": ");
	format_json_number(out, r->fit.level, 2);
	strbuf_puts(out, ", \"timing\": ");
	format_json_number(out, r->fit.timing, 2);
	strbuf_puts(out, "}, \"reasons\": [");
	for (i = 0; i < r->reason_count; i++) {
		if (i)
			strbuf_puts(out, ", ");
		format_json_string(out, r->reasons[i]);
	}
	strbuf_puts(out, "], \"url\": ");
	format_json_string(out, r->url[0] ? r->url : NULL);
	strbuf_puts(out, ", \"travel\": ");
	json_travel(out, &r->travel);
	strbuf_puts(out, "}");
}

static void json_query(struct strbuf *out, const struct search_args *a,
		       const struct match_list *l, struct store *s)
{
	const struct match_profile *p = &a->profile;
	struct match_interest all[MATCH_MAX_INTERESTS * 2];
	size_t count = match_interests(s, all, sizeof(all) / sizeof(all[0])), i;
	char iso[11];
	int k, first = 1;

	strbuf_puts(out, "{\"school_year\": ");
	if (p->school_year)
		strbuf_printf(out, "%d", p->school_year);
	else
		strbuf_puts(out, "null");
	strbuf_puts(out, ", \"age\": ");
	if (!p->school_year)
		strbuf_printf(out, "%d", p->age);
	else
		strbuf_puts(out, "null");
	strbuf_puts(out, ", \"today\": ");
	format_json_string(out, a->today_text);
	date_iso(l->stage.leave_school, iso);
	strbuf_puts(out, ", \"can_leave_school\": ");
	format_json_string(out, iso);
	strbuf_puts(out, ", \"postcode\": ");
	format_json_string(out, p->place[0] ? p->place : NULL);
	strbuf_puts(out, ", \"measured_from\": ");
	format_json_string(out, l->place.found ? l->place.label : NULL);
	strbuf_printf(out, ", \"approximate_location\": %s", l->place.approximate ? "true" : "false");
	strbuf_puts(out, ", \"within_miles\": ");
	format_json_number(out, p->radius > 0 ? p->radius : NAN, 1);
	strbuf_puts(out, ", \"interests\": [");
	for (k = 0; k < p->interest_count; k++)
		for (i = 0; i < count; i++)
			if (all[i].id == p->interests[k]) {
				if (!first)
					strbuf_puts(out, ", ");
				first = 0;
				format_json_string(out, all[i].slug);
			}
	strbuf_puts(out, "], \"riasec\": ");
	format_json_string(out, a->riasec_text);
	strbuf_puts(out, ", \"kinds\": [");
	first = 1;
	for (k = 0; k < OPTION_KIND_COUNT; k++)
		if (!p->kinds || (p->kinds & (1u << k))) {
			if (!first)
				strbuf_puts(out, ", ");
			first = 0;
			format_json_string(out, match_kind_name((enum option_kind)k));
		}
	strbuf_puts(out, "], \"level\": ");
	format_json_number(out, p->level, p->level == 1.5 ? 1 : 0);
	strbuf_puts(out, ", \"text\": ");
	format_json_string(out, p->text[0] ? p->text : NULL);
	strbuf_printf(out, ", \"sort\": \"%s\", \"limit\": %d, \"show_all\": %s}",
		      match_sort_name(p->sort), p->limit, p->show_not_for_age ? "true" : "false");
}

static void csv_result(struct strbuf *out, const struct match_result *r)
{
	char num[32];
	int i;

	format_csv_field(out, match_kind_name(r->kind));
	strbuf_printf(out, ",%lld,", r->id);
	format_csv_field(out, r->ref);
	strbuf_putc(out, ',');
	format_csv_field(out, r->title);
	strbuf_putc(out, ',');
	format_csv_field(out, r->where);
	strbuf_putc(out, ',');
	if (!isnan(r->distance)) {
		snprintf(num, sizeof(num), "%.1f", r->distance);
		strbuf_puts(out, num);
	}
	strbuf_putc(out, ',');
	if (!isnan(r->level) && r->level >= 0)
		strbuf_printf(out, "%g", r->level);
	strbuf_printf(out, ",%s,%s,%s,%.1f,", r->starts, match_availability_name(r->availability),
		      r->available_from, r->score);
	{
		struct strbuf reasons;

		strbuf_init(&reasons);
		for (i = 0; i < r->reason_count; i++)
			strbuf_printf(&reasons, "%s%s", i ? "; " : "", r->reasons[i]);
		format_csv_field(out, reasons.buf);
		strbuf_done(&reasons);
	}
	strbuf_putc(out, ',');
	format_csv_field(out, r->url);
	strbuf_putc(out, ',');
	if (r->travel.found)
		strbuf_printf(out, "%d", r->travel.minutes);
	strbuf_puts(out, "\r\n");
}

static void print_links(struct strbuf *out, struct store *s, const struct search_args *a,
			const struct match_result *r, int json)
{
	struct match_list links;
	char err[256];

	if (r->kind != OPTION_CAREER && r->kind != OPTION_APPRENTICESHIP) {
		if (json)
			strbuf_puts(out, "[]");
		return;
	}
	if (match_links(s, &a->profile, r->kind, r->id, 3, &links, err, sizeof(err)) != STATUS_OK) {
		if (json)
			strbuf_puts(out, "[]");
		return;
	}
	if (json) {
		json_results(out, links.results, links.count, "      ");
	} else if (links.count) {
		size_t i;

		strbuf_printf(out, "        %s near you:\n", r->kind == OPTION_CAREER ?
			      "ways in" : "vacancies and careers");
		for (i = 0; i < links.count; i++)
			text_result(out, i + 1, &links.results[i], 0, "        ",
				    a->profile.travel.arrive_by);
	}
	match_list_done(&links);
}

int cli_search(int argc, char **argv)
{
	struct search_args a;
	struct store *s;
	struct match_list l;
	struct strbuf out;
	char err[512];
	enum status rc;
	size_t i;
	int usage;

	if ((usage = parse_args(&a, argc, argv)) != 0 || cli_parse_only)
		return usage;
	if (store_open(a.db, STORE_READ_ONLY, &s, err, sizeof(err)) != STATUS_OK) {
		fprintf(stderr, "careers: %s\n", err);
		return 1;
	}
	if ((usage = resolve_interests(s, &a)) != 0) {
		store_close(s);
		return usage;
	}
	rc = match_run(s, &a.profile, &l, err, sizeof(err));
	if (rc != STATUS_OK) {
		fprintf(stderr, "careers: %s\n", err);
		match_list_done(&l);
		store_close(s);
		return rc == STATUS_INVALID ? EXIT_USAGE : 1;
	}
	strbuf_init(&out);
	if (a.format == OUTPUT_JSON) {
		strbuf_puts(&out, "{\"query\": ");
		json_query(&out, &a, &l, s);
		strbuf_printf(&out, ",\n \"note\": ");
		format_json_string(&out, l.place.note[0] ? l.place.note : NULL);
		strbuf_printf(&out, ",\n \"text_note\": ");
		format_json_string(&out, l.text_note[0] ? l.text_note : NULL);
		strbuf_puts(&out, ",\n \"travel\": ");
		json_travel_info(&out, &l.travel, &a.profile.travel);
		strbuf_printf(&out, ",\n \"total\": %zu, \"hidden_not_for_age\": %zu, "
			      "\"for_later\": %zu,\n \"results\": [", l.total, l.hidden_not_for_age,
			      l.for_later);
		for (i = 0; i < l.count; i++) {
			strbuf_printf(&out, "%s\n  ", i ? "," : "");
			json_result(&out, &l.results[i], "  ");
			if (a.links) {
				out.len--;	/* reopen the object for "links" */
				strbuf_puts(&out, ", \"links\": ");
				print_links(&out, s, &a, &l.results[i], 1);
				strbuf_puts(&out, "}");
			}
		}
		strbuf_printf(&out, "%s]}\n", l.count ? "\n " : "");
	} else if (a.format == OUTPUT_CSV) {
		strbuf_puts(&out, "kind,id,ref,title,where,distance_miles,level,starts,availability,"
				  "available_from,score,reasons,url,travel_minutes\r\n");
		for (i = 0; i < l.count; i++)
			csv_result(&out, &l.results[i]);
	} else {
		describe_query(&out, &a, &l, s);
		if (l.place.note[0])
			strbuf_printf(&out, "Note: %s.\n", l.place.note);
		if (l.text_note[0])
			strbuf_printf(&out, "Note: %s.\n", l.text_note);
		if (l.travel.note[0])
			strbuf_printf(&out, "Note: %s.\n", l.travel.note);
		if (l.travel.used && l.travel.valid_to != LONG_MIN) {
			char to[16];

			date_short(date_from_days(l.travel.valid_to), to);
			strbuf_printf(&out, "Bus times from the timetables valid to %s.\n", to);
		}
		if (a.explain)
			strbuf_puts(&out, "Score = 100 x (0.45 x interest + 0.25 x distance + 0.15 x "
					  "level + 0.15 x timing), each part from 0 to 1.\n");
		strbuf_printf(&out, "%zu match%s", l.total, l.total == 1 ? "" : "es");
		if (l.count < l.total)
			strbuf_printf(&out, ", best %zu shown", l.count);
		if (l.hidden_not_for_age)
			strbuf_printf(&out, "; %zu not for your age left out (--show-all shows them)",
				      l.hidden_not_for_age);
		if (l.for_later)
			strbuf_printf(&out, "; %zu job%s like these for later (%s before you can "
				      "start an apprenticeship)", l.for_later, l.for_later == 1 ? "" : "s",
				      l.for_later == 1 ? "it starts or closes" : "they start or close");
		strbuf_puts(&out, "\n\n");
		for (i = 0; i < l.count; i++) {
			text_result(&out, i + 1, &l.results[i], a.explain, "",
				    a.profile.travel.arrive_by);
			if (a.links)
				print_links(&out, s, &a, &l.results[i], 0);
		}
		if (!l.count)
			strbuf_puts(&out, l.travel.used && a.profile.travel.within_minutes ?
				    "Nothing matches. Try more minutes (--within-minutes), fewer "
				    "interests, or --show-all.\n" :
				    "Nothing matches. Try a bigger distance (--within), fewer "
				    "interests, or --show-all.\n");
	}
	fwrite(out.buf, 1, out.len, stdout);
	strbuf_done(&out);
	match_list_done(&l);
	store_close(s);
	return 0;
}

int cli_interests(int argc, char **argv)
{
	const char *db = cli_default_store();
	struct match_interest all[MATCH_MAX_INTERESTS * 2];
	struct cli_args args;
	struct store *s;
	char err[512];
	size_t count, i;
	int kind;

	cli_args_init(&args, "interests", argc, argv);
	while ((kind = cli_args_next(&args)) != 0) {
		if (kind > 0 && cli_is(&args, "db")) {
			if (!(db = cli_value(&args)))
				return EXIT_USAGE;
		} else {
			return cli_usage_error("interests", "unexpected argument \"%s\"",
					       kind < 0 ? args.value : args.option);
		}
	}
	if (cli_parse_only)
		return 0;
	if (store_open(db, STORE_READ_ONLY, &s, err, sizeof(err)) != STATUS_OK) {
		fprintf(stderr, "careers: %s\n", err);
		return 1;
	}
	count = match_interests(s, all, sizeof(all) / sizeof(all[0]));
	for (i = 0; i < count; i++)
		printf("%-16s %s: %s\n", all[i].slug, all[i].name, all[i].examples);
	store_close(s);
	return 0;
}
