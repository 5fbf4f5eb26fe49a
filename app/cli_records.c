/*
 * cli_records.c - `careers records`: list, show, delete and purge the
 * adviser's saved sessions (records.h), and add a made-up one for tests.
 *
 * Read-only commands never create the records file: with no file there
 * is simply nothing to list or purge. Text the adviser typed is printed
 * with control characters (other than line breaks and tabs) shown as '?',
 * so a note cannot drive the terminal.
 */
#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <unistd.h>

#include "cli.h"
#include "date_typed.h"
#include "mem.h"
#include "records.h"

#define COMMAND "records"

enum records_action { ACT_NONE, ACT_LIST, ACT_SHOW, ACT_DELETE, ACT_PURGE, ACT_ADD_SAMPLE };

struct records_request {
	enum records_action action;
	const char *path;		/* --records, or NULL for the default */
	long long id;			/* show, delete */
	const char *pupil;		/* add-sample */
	int older_than;			/* purge; -1 when not given */
	int yes;			/* purge: --yes, delete without asking */
	struct civil_date today;
};

/* --- printing ------------------------------------------------------------------ */

static const char *plural(long long n, const char *one, const char *many)
{
	return n == 1 ? one : many;
}

/* Print s; line breaks continue at `indent` spaces; other control characters become '?'. */
static void print_typed(const char *s, int indent)
{
	const unsigned char *c;

	for (c = (const unsigned char *)s; *c; c++) {
		if (*c == '\n')
			printf("\n%*s", indent, "");
		else if ((*c < 0x20 && *c != '\t') || *c == 0x7f)
			putchar('?');
		else
			putchar(*c);
	}
}

/* Characters (not bytes) in UTF-8 text, for lining up columns. */
static int text_width(const char *s)
{
	int n = 0;

	for (; *s; s++)
		n += ((unsigned char)*s & 0xc0) != 0x80;
	return n;
}

static int print_summary(void *ctx, const struct records_summary *s)
{
	int *count = ctx, pad = 10 - text_width(s->pupil);

	(*count)++;
	printf("%4lld  ", s->id);
	print_typed(s->pupil, 0);
	printf("%*s  created %s  updated %s  %d shortlisted, %d %s, %d open %s\n",
	       pad > 0 ? pad : 0, "", s->created, s->updated, s->items, s->notes,
	       plural(s->notes, "note", "notes"), s->open_actions,
	       plural(s->open_actions, "action", "actions"));
	return 0;
}

static void print_profile(const struct match_profile *p)
{
	char today[11];
	int i, k, first = 1;

	printf("\nprofile\n");
	if (p->school_year)
		printf("  school year:  Year %d\n", p->school_year);
	else
		printf("  school year:  left school, aged %d\n", p->age);
	date_iso(p->today, today);
	printf("  date used:    %s\n", p->today.year ? today : "not set");
	if (p->place[0])
		printf("  place:        %s (%s)\n", p->place,
		       p->place_is_full ? "postcode" : "postcode district");
	else
		printf("  place:        none given\n");
	if (p->radius < 0 || isnan(p->radius))
		printf("  within:       anywhere\n");
	else
		printf("  within:       %g miles\n", p->radius);
	printf("  interests:    ");
	for (i = 0; i < p->interest_count; i++)
		printf("%sarea %lld", i ? ", " : "", p->interests[i]);
	printf("%s\n", p->interest_count ? "" : "none chosen");
	printf("  RIASEC:       ");
	if (p->has_riasec)
		for (i = 0; i < 6; i++)
			printf("%s%c %.2f", i ? "  " : "", "RIASEC"[i], p->riasec[i]);
	printf("%s\n", p->has_riasec ? "" : "no quiz result");
	if (isnan(p->level))
		printf("  level:        any\n");
	else
		printf("  level:        %g\n", p->level);
	printf("  kinds:        %s", p->kinds ? "" : "every kind");
	for (k = 0; k < OPTION_KIND_COUNT; k++)
		if (p->kinds & (1u << k)) {
			printf("%s%s", first ? "" : ", ", match_kind_name((enum option_kind)k));
			first = 0;
		}
	putchar('\n');
	printf("  words:        ");
	print_typed(p->text[0] ? p->text : "none", 16);
	printf("\n  not for age:  %s\n", p->show_not_for_age ? "shown, with why" : "left out");
	printf("  sort:         %s\n", match_sort_name(p->sort));
	if (p->limit)
		printf("  limit:        %d\n", p->limit);
	else
		printf("  limit:        none\n");
	printf("  not for me:   ");
	for (i = 0; i < p->excluded_count; i++)
		printf("%s%s %lld", i ? ", " : "", match_kind_name(p->excluded[i].kind),
		       p->excluded[i].id);
	printf("%s\n", p->excluded_count ? "" : "none");
}

static void print_session(const struct advice *a)
{
	int i, open = 0;

	printf("session %lld: ", a->id);
	print_typed(a->pupil, 0);
	printf("\n  created %s, last updated %s\n", a->created, a->updated);
	printf("  data fingerprint %08x (the data store the session was made with)\n",
	       a->data_fingerprint);
	printf("  adviser:      ");
	print_typed(a->adviser[0] ? a->adviser : "not given", 16);
	printf("\n  contact:      ");
	print_typed(a->contact[0] ? a->contact : "not given", 16);
	printf("\n  school:       ");
	print_typed(a->school[0] ? a->school : "not given", 16);
	printf("\n  next meeting: %s\n", a->next_meeting[0] ? a->next_meeting : "none");
	print_profile(&a->profile);

	printf("\nshortlist (%d)\n", a->item_count);
	for (i = 0; i < a->item_count; i++) {
		printf("  %2d. %s %lld: ", i + 1, match_kind_name(a->items[i].kind),
		       a->items[i].id);
		print_typed(a->items[i].title, 6);
		printf("%s\n", a->items[i].compare ? "  [compare]" : "");
	}

	printf("\nnotes (%d)\n", a->note_count);
	for (i = 0; i < a->note_count; i++) {
		printf("  %s (%s)\n    ", a->notes[i].written,
		       a->notes[i].shared ? "shared with the pupil" : "adviser only");
		print_typed(a->notes[i].text, 4);
		putchar('\n');
	}

	for (i = 0; i < a->action_count; i++)
		open += a->actions[i].status == ACTION_TODO;
	printf("\nactions (%d, %d open)\n", a->action_count, open);
	for (i = 0; i < a->action_count; i++) {
		const struct advice_action *act = &a->actions[i];

		printf("  %2d. [%s] %s", i + 1, advice_status_word(act->status),
		       advice_owner_words(act->owner));
		if (act->due[0])
			printf(", by %s", act->due);
		printf("\n      ");
		print_typed(act->text, 6);
		putchar('\n');
	}
}

/* --- the made-up session for tests ------------------------------------------------ */

static void sample_session(struct advice *a, const char *pupil)
{
	static const double riasec[6] = { 0.25, 0.5, 0.75, 1, 0, 0 };
	struct match_profile *p = &a->profile;

	advice_init(a);
	snprintf(a->pupil, sizeof(a->pupil), "%s", pupil);
	p->school_year = 11;
	p->interests[p->interest_count++] = 3;
	p->interests[p->interest_count++] = 7;
	memcpy(p->riasec, riasec, sizeof(riasec));
	p->has_riasec = 1;
	snprintf(p->place, sizeof(p->place), "DN1 3BU");
	p->place_is_full = 1;
	p->excluded[p->excluded_count].kind = OPTION_VACANCY;
	p->excluded[p->excluded_count++].id = 5;

	a->items[0] = (struct advice_item){ OPTION_APPRENTICESHIP, 42, "Software developer", 1 };
	a->items[1] = (struct advice_item){ OPTION_COURSE, 17, "A levels: maths, physics", 1 };
	a->items[2] = (struct advice_item){ OPTION_CAREER, 2134, "Programmers", 0 };
	a->item_count = 3;
	snprintf(a->notes[0].text, sizeof(a->notes[0].text),
		 "Sample note (made by `careers records add-sample`).\nLikes building things.");
	snprintf(a->notes[1].text, sizeof(a->notes[1].text), "Open evening is in March.");
	a->notes[1].shared = 1;
	a->note_count = 2;
	snprintf(a->adviser, sizeof(a->adviser), "Sam Sample");
	snprintf(a->contact, sizeof(a->contact), "careers@school.example, 01302 000000");
	snprintf(a->school, sizeof(a->school), "Sample Academy");
	snprintf(a->next_meeting, sizeof(a->next_meeting), "2027-01-12 10:30");
	a->actions[0] = (struct advice_action){ "Visit the college open evening", OWNER_PUPIL,
						"2027-03-12", ACTION_TODO };
	a->actions[1] = (struct advice_action){ "Send the apprenticeship links", OWNER_ADVISER,
						"", ACTION_DONE };
	a->actions[2] = (struct advice_action){ "Go to the open evening too", OWNER_PARENT,
						"2027-03-12", ACTION_TODO };
	a->action_count = 3;
}

/* --- arguments ------------------------------------------------------------------ */

static int parse_id(const char *text, long long *id)
{
	char *end;

	errno = 0;
	*id = strtoll(text, &end, 10);
	return text[0] >= '0' && text[0] <= '9' && !*end && !errno && *id > 0;
}

static int parse_days(const char *text, int *days)
{
	char *end;
	long v;

	errno = 0;
	v = strtol(text, &end, 10);
	if (!(text[0] >= '0' && text[0] <= '9') || *end || errno || v > 36500)
		return 0;
	*days = (int)v;
	return 1;
}

static const struct {
	const char *word;
	enum records_action action;
} action_words[] = {
	{ "list", ACT_LIST }, { "show", ACT_SHOW }, { "delete", ACT_DELETE },
	{ "purge", ACT_PURGE }, { "add-sample", ACT_ADD_SAMPLE },
};

/* The positional argument number n (0: the action). 0 if it was fine, else the exit status. */
static int positional(struct records_request *q, int n, const char *value)
{
	size_t i;

	if (n == 0) {
		for (i = 0; i < sizeof(action_words) / sizeof(action_words[0]); i++)
			if (strcmp(value, action_words[i].word) == 0)
				q->action = action_words[i].action;
		if (q->action == ACT_NONE)
			return cli_usage_error(COMMAND, "unknown records command \"%s\" "
					       "(list, show, delete or purge)", value);
		return 0;
	}
	if (n == 1 && (q->action == ACT_SHOW || q->action == ACT_DELETE)) {
		if (!parse_id(value, &q->id))
			return cli_usage_error(COMMAND, "ID \"%s\" is not a session number (see "
					       "careers records list)", value);
		return 0;
	}
	if (n == 1 && q->action == ACT_ADD_SAMPLE) {
		if (!value[0] || strlen(value) >= ADVICE_PUPIL_MAX)
			return cli_usage_error(COMMAND, "PUPIL must be 1 to %d characters",
					       ADVICE_PUPIL_MAX - 1);
		q->pupil = value;
		return 0;
	}
	return cli_usage_error(COMMAND, "unexpected argument \"%s\"", value);
}

static int parse_request(struct records_request *q, int argc, char **argv)
{
	const char *value;
	struct cli_args a;
	char why[80];
	int kind, n = 0, rc;

	memset(q, 0, sizeof(*q));
	q->older_than = -1;
	q->today = date_today();
	cli_args_init(&a, COMMAND, argc, argv);
	while ((kind = cli_args_next(&a)) != 0) {
		if (kind < 0) {
			if ((rc = positional(q, n++, a.value)) != 0)
				return rc;
			continue;
		}
		if (cli_is(&a, "yes")) {
			q->yes = 1;
			continue;
		}
		if (!cli_is(&a, "records") && !cli_is(&a, "older-than") && !cli_is(&a, "today"))
			return cli_usage_error(COMMAND, "unknown option --%s", a.option);
		if (!(value = cli_value(&a)))
			return EXIT_USAGE;
		if (cli_is(&a, "records"))
			q->path = value;
		else if (cli_is(&a, "older-than") && !parse_days(value, &q->older_than))
			return cli_usage_error(COMMAND, "--older-than \"%s\" is not a number of "
					       "days (0 to 36500)", value);
		else if (cli_is(&a, "today") &&
			 !date_typed(value, date_today(), &q->today, why, sizeof(why)))
			return cli_usage_error(COMMAND, "--today \"%s\": %s", value, why);
	}
	if (q->action == ACT_NONE)
		return cli_usage_error(COMMAND,
				       "say what to do: list, show ID, delete ID or purge");
	if ((q->action == ACT_SHOW || q->action == ACT_DELETE) && !q->id)
		return cli_usage_error(COMMAND, "%s needs a session ID",
				       action_words[q->action - 1].word);
	if (q->action == ACT_ADD_SAMPLE && !q->pupil)
		return cli_usage_error(COMMAND, "add-sample needs PUPIL (initials)");
	if (q->action == ACT_PURGE && q->older_than < 0)
		return cli_usage_error(COMMAND, "purge needs --older-than DAYS");
	if (q->action != ACT_PURGE && q->older_than >= 0)
		return cli_usage_error(COMMAND, "--older-than is only for purge");
	if (q->action != ACT_PURGE && q->yes)
		return cli_usage_error(COMMAND, "--yes is only for purge");
	return 0;
}

/* --- the actions ----------------------------------------------------------------- */

struct purge_list {
	const char *cutoff;		/* "YYYY-MM-DD": sessions last updated before it go */
	int count;
};

static int print_old(void *ctx, const struct records_summary *s)
{
	struct purge_list *p = ctx;
	int printed = 0;

	if (strncmp(s->updated, p->cutoff, 10) >= 0)
		return 0;
	if (!p->count++)
		printf("Last updated before %s:\n", p->cutoff);
	print_summary(&printed, s);
	return 0;
}

/*
 * Show what a purge would delete and ask (unless --yes). 1 to go on; 0
 * when listing failed (*rc says why); -1 when the answer was not yes (a
 * message on stderr).
 */
static int purge_agreed(struct records *r, const struct records_request *q, const char *cutoff,
			enum status *rc)
{
	struct purge_list p = { cutoff, 0 };
	char answer[16] = "";

	*rc = records_list(r, print_old, &p);
	if (*rc)
		return 0;
	if (!p.count || q->yes)
		return 1;
	if (p.count == 1)
		printf("Delete this session for good? Type yes to delete: ");
	else
		printf("Delete these %d sessions for good? Type yes to delete: ", p.count);
	fflush(stdout);
	if (!fgets(answer, sizeof(answer), stdin))
		answer[0] = '\0';
	if (!isatty(STDIN_FILENO))
		putchar('\n');	/* what was read was not echoed */
	answer[strcspn(answer, "\r\n")] = '\0';
	if (strcasecmp(answer, "yes") != 0 && strcasecmp(answer, "y") != 0) {
		fflush(stdout);
		fprintf(stderr, "careers: nothing was deleted (to purge without being asked, as a "
			"script would, add --yes)\n");
		return -1;
	}
	return 1;
}

static int do_action(struct records *r, const struct records_request *q)
{
	struct advice *a = xcalloc(1, sizeof(*a));
	enum status rc = STATUS_OK;
	int count = 0, deleted = 0, agreed = 1;
	char cutoff[11];

	switch (q->action) {
	case ACT_LIST:
		rc = records_list(r, print_summary, &count);
		if (!rc && !count)
			printf("no sessions saved in %s\n", records_path(r));
		break;
	case ACT_SHOW:
		if ((rc = records_load(r, q->id, a)) == STATUS_OK)
			print_session(a);
		break;
	case ACT_DELETE:
		/* The pupil, for the message; a damaged session can still be deleted. */
		if ((rc = records_load(r, q->id, a)) == STATUS_NOT_FOUND)
			break;
		rc = records_delete(r, q->id);
		if (rc == STATUS_OK) {
			printf("deleted session %lld", q->id);
			if (a->pupil[0]) {
				printf(" (");
				print_typed(a->pupil, 0);
				printf(")");
			}
			printf(" from %s\n", records_path(r));
		}
		break;
	case ACT_PURGE:
		date_iso(date_add_days(q->today, -(long)q->older_than), cutoff);
		if ((agreed = purge_agreed(r, q, cutoff, &rc)) <= 0)
			break;
		rc = records_purge(r, q->older_than, q->today, &deleted);
		if (!rc)
			printf("purged %d %s last updated before %s (more than %d %s ago)\n",
			       deleted, plural(deleted, "session", "sessions"), cutoff,
			       q->older_than, plural(q->older_than, "day", "days"));
		break;
	case ACT_ADD_SAMPLE:
		sample_session(a, q->pupil);
		if ((rc = records_save(r, a)) == STATUS_OK)
			printf("saved sample session %lld for %s\n", a->id, a->pupil);
		break;
	case ACT_NONE:
		break;
	}
	if (rc)
		fprintf(stderr, "careers: %s\n", records_errmsg(r));
	free(a);
	return rc || agreed < 0 ? 1 : 0;
}

/* Nothing to open: what each action says when the records file does not exist. */
static int no_file(const struct records_request *q, const char *path)
{
	switch (q->action) {
	case ACT_LIST:
		printf("no sessions saved in %s (the file does not exist yet)\n", path);
		return 0;
	case ACT_PURGE:
		printf("purged 0 sessions (%s does not exist yet)\n", path);
		return 0;
	default:
		fprintf(stderr, "careers: there is no session %lld: %s does not exist yet\n", q->id,
			path);
		return 1;
	}
}

int cli_records(int argc, char **argv)
{
	struct records_request q;
	struct records *r;
	char *path, err[600];
	enum status rc;
	int status;

	if ((status = parse_request(&q, argc, argv)) != 0 || cli_parse_only)
		return status;
	path = q.path ? xstrdup(q.path) : records_default_path();
	if (!path) {
		fprintf(stderr, "careers: cannot tell where the records are kept: neither "
				"XDG_DATA_HOME nor HOME is set; give --records FILE\n");
		return 1;
	}
	rc = records_open(path, q.action == ACT_ADD_SAMPLE, &r, err, sizeof(err));
	if (rc == STATUS_NOT_FOUND) {
		status = no_file(&q, path);
	} else if (rc != STATUS_OK) {
		fprintf(stderr, "careers: %s\n", err);
		status = 1;
	} else {
		if (records_notice(r)[0])
			fprintf(stderr, "careers: %s\n", records_notice(r));
		status = do_action(r, &q);
		records_close(r);
	}
	free(path);
	return status;
}
