/*
 * plan.c - the pupil's action plan (plan_write): what goes in it, in the
 * order a family reads it, written through a writer for each format
 * (plan_md.c, plan_html.c; plan_int.h). The facts about each option come
 * from plan_facts.c.
 *
 * Design notes. plan_write() is one pass over the session: a few section
 * functions, each writing through the small set of writer calls below
 * (heading, field, list, table). Text that came from the adviser or the
 * data is only ever written through the writer's text(), which escapes
 * it; the fixed words around it are ours.
 */
#include "plan.h"

#include <ctype.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "format.h"
#include "glossary.h"
#include "guide.h"
#include "match.h"
#include "plan_int.h"
#include "say.h"
#include "schoolyear.h"

int plan_format_parse(const char *name, enum plan_format *out)
{
	if (strcmp(name, "md") == 0 || strcmp(name, "markdown") == 0)
		*out = PLAN_MARKDOWN;
	else if (strcmp(name, "html") == 0)
		*out = PLAN_HTML;
	else
		return -1;
	return 0;
}

/* --- writing, through the writer's ops ------------------------------------------------ */

/* Text in running prose or a list item, after other words on its line. */
static void text(struct writer *w, const char *s)
{
	w->ops->text(w, s, PLAN_TEXT_RUNNING);
}

static void heading(struct writer *w, int level, const char *s)
{
	w->ops->heading(w, level, s);
}

static void para(struct writer *w, const char *s)
{
	w->ops->para(w, s);
}

/* A boxed warning: sample data, data changed since the session. */
static void notice(struct writer *w, const char *s)
{
	w->ops->notice(w, s);
}

static void list_begin(struct writer *w, const char *class)
{
	w->ops->list_begin(w, class);
}

static void list_end(struct writer *w)
{
	w->ops->list_end(w);
}

static void item_begin(struct writer *w)
{
	w->ops->item_begin(w);
}

static void item_end(struct writer *w)
{
	w->ops->item_end(w);
}

/* "Label:" in bold, then a space unless a list follows. */
static void label_only(struct writer *w, const char *s)
{
	w->ops->label(w, s);
}

static void label(struct writer *w, const char *s)
{
	label_only(w, s);
	strbuf_putc(w->out, ' ');
}

/* A list item "Label: value". */
static void field(struct writer *w, const char *name, const char *value)
{
	item_begin(w);
	label(w, name);
	text(w, value);
	item_end(w);
}

/* A web address the pupil can follow: http(s) and nothing that could break out. */
static int safe_url(const char *url)
{
	const char *p;

	if (!url || (strncmp(url, "https://", 8) != 0 && strncmp(url, "http://", 7) != 0))
		return 0;
	for (p = url; *p; p++)
		if ((unsigned char)*p <= ' ' || strchr("<>\"'`\\", *p) || (unsigned char)*p >= 0x7f)
			return 0;
	return 1;
}

static void link(struct writer *w, const char *url)
{
	w->ops->link(w, url);
}

static void table_begin(struct writer *w, const struct plan_table *t, const char *class)
{
	w->ops->table_begin(w, t, class);
}

static void table_row(struct writer *w, const struct plan_table *t, const char *const *cells)
{
	w->ops->table_row(w, t, cells);
}

static void table_end(struct writer *w)
{
	w->ops->table_end(w);
}

/* --- the sections -------------------------------------------------------------------------- */

/* "30 Nov 2026" from "YYYY-MM-DD HH:MM"; with the time when `with_time`. */
static void stamp_words(const char *stamp, int with_time, char *out, size_t len)
{
	char iso[11], day[16];
	struct civil_date d;

	snprintf(iso, sizeof(iso), "%.10s", stamp);
	if (!date_parse(iso, &d)) {
		snprintf(out, len, "%s", stamp);
		return;
	}
	date_short(d, day);
	if (with_time && strlen(stamp) >= 16)
		snprintf(out, len, "%s at %.5s", day, stamp + 11);
	else
		snprintf(out, len, "%s", day);
}

struct source_state {
	int samples;
};

static int note_sample(void *ctx, const struct store_source_info *info)
{
	struct source_state *st = ctx;

	st->samples |= info->is_sample;
	return 0;
}

/* "Tuesday 12 Jan 2027 at 10:30" from "2027-01-12 10:30" (or a date alone). */
static void meeting_words(const char *when, char *out, size_t len)
{
	struct civil_date d;
	char day[11], words[16];

	snprintf(day, sizeof(day), "%.10s", when);
	if (!date_parse(day, &d)) {
		snprintf(out, len, "%s", when);
		return;
	}
	date_short(d, words);
	if (strlen(when) > 11)
		snprintf(out, len, "%s %s at %s", date_weekday_name(d), words, when + 11);
	else
		snprintf(out, len, "%s %s", date_weekday_name(d), words);
}

static enum status write_top(struct store *s, struct writer *w, const struct advice *a,
			     char *err, size_t errlen)
{
	struct source_state st = { 0 };
	struct strbuf sb;
	char made[40], changed[40];
	enum status rc;

	w->ops->begin(w);
	heading(w, 1, "Your careers action plan");
	strbuf_init(&sb);
	list_begin(w, "fields");
	field(w, "For", a->pupil[0] ? a->pupil : "(no name given)");
	if (a->school[0])
		field(w, "School", a->school);
	if (a->adviser[0] || a->contact[0]) {
		strbuf_reset(&sb);
		strbuf_puts(&sb, a->adviser[0] ? a->adviser : "your careers adviser");
		if (a->contact[0])
			strbuf_printf(&sb, " - %s", a->contact);
		field(w, "Your adviser", sb.buf);
	}
	if (a->next_meeting[0]) {
		meeting_words(a->next_meeting, made, sizeof(made));
		field(w, "Next meeting", made);
	}
	strbuf_reset(&sb);
	stamp_words(a->created, 0, made, sizeof(made));
	stamp_words(a->updated, 0, changed, sizeof(changed));
	if (a->id)
		strbuf_printf(&sb, "%s (session %lld)", made[0] ? made : "not saved yet", a->id);
	else
		strbuf_printf(&sb, "%s", made[0] ? made : "not saved yet");
	field(w, "Session with your adviser", sb.buf);
	if (changed[0] && strcmp(changed, made) != 0)
		field(w, "Last changed", changed);
	list_end(w);
	strbuf_done(&sb);

	if ((rc = store_each_source(s, note_sample, &st)) != STATUS_OK) {
		snprintf(err, errlen, "%s", store_errmsg(s));
		return rc;
	}
	if (st.samples)
		notice(w, "Some of the information in this plan is SAMPLE data, made up to try out "
			  "the careers program. It is not real: do not use it to make decisions.");
	if (a->data_fingerprint && a->data_fingerprint != store_fingerprint(s))
		notice(w, "The careers information has been updated since this plan was started, "
			  "so some details may be different from what you saw in your session.");
	return STATUS_OK;
}

/*
 * For Years 7 to 10: what to do now - the GCSE subjects that help for each
 * interest (data/gcse_subjects.txt, with where each line was checked), things
 * to try, and the routes at 16 and 18.
 */
static void write_now(struct store *s, struct writer *w, const struct match_profile *p)
{
	struct match_interest all[MATCH_MAX_INTERESTS * 2];
	size_t count, i;
	struct strbuf sb;
	int shown = 0;

	if (p->school_year < 7 || p->school_year > 10)
		return;
	count = match_interests(s, all, sizeof(all) / sizeof(all[0]));
	heading(w, 2, "What you can do now");
	strbuf_init(&sb);
	list_begin(w, "fields");
	for (i = 0; i < count; i++) {
		const struct guide_area *g;
		int ticked = 0;

		for (int k = 0; k < p->interest_count; k++)
			ticked |= p->interests[k] == all[i].id;
		if (!ticked || !(g = guide_for(all[i].slug)))
			continue;
		strbuf_reset(&sb);
		strbuf_printf(&sb, "GCSE subjects that help: %s. Things to try now: %s.", g->subjects,
			      g->try_now);
		field(w, all[i].name, sb.buf);
		shown++;
	}
	if (!shown)
		field(w, "GCSE subjects that help", "English and maths, at grade 4 or above: almost "
		      "every course and apprenticeship after 16 asks for them.");
	field(w, "At 16", guide_at_16);
	field(w, "At 18", guide_at_18);
	list_end(w);
	strbuf_done(&sb);
}

static void write_about(struct store *s, struct writer *w, const struct match_profile *p)
{
	struct match_interest all[MATCH_MAX_INTERESTS * 2];
	size_t count = match_interests(s, all, sizeof(all) / sizeof(all[0])), i;
	struct learner_stage st;
	struct strbuf sb;
	char words[80];
	int k, j;

	heading(w, 2, "About you");
	list_begin(w, "fields");
	strbuf_init(&sb);
	if (schoolyear_stage(p->school_year, p->age, p->today, &st) == STATUS_OK) {
		if (p->school_year)
			schoolyear_describe(&st, words, sizeof(words));
		else
			snprintf(words, sizeof(words), "%d (you have left school)", p->age);
		field(w, p->school_year ? "School year" : "Age", words);
	}
	for (k = 0; k < p->interest_count; k++)
		for (i = 0; i < count; i++)
			if (all[i].id == p->interests[k])
				strbuf_printf(&sb, "%s%s", sb.len ? ", " : "", all[i].name);
	field(w, "What you are interested in", sb.len ? sb.buf : "nothing picked yet");
	if (p->has_riasec) {
		int used[6] = { 0 };

		strbuf_reset(&sb);
		strbuf_puts(&sb, "you like ");
		for (j = 0; j < 3; j++) {
			int best = -1;

			for (k = 0; k < 6; k++)
				if (!used[k] && p->riasec[k] > 0 && (best < 0 ||
				    p->riasec[k] > p->riasec[best]))
					best = k;
			if (best < 0)
				break;
			used[best] = 1;
			strbuf_printf(&sb, "%s%s", j ? "; " : "", match_riasec_words(best));
		}
		field(w, "Your quiz answers", sb.buf);
	}
	strbuf_reset(&sb);
	if (p->place[0]) {
		strbuf_printf(&sb, "near %.*s", (int)strcspn(p->place, " "), p->place);
		if (p->travel.mode == TRAVEL_BUS && p->travel.within_minutes)
			strbuf_printf(&sb, ", up to %d minutes away by bus", p->travel.within_minutes);
		else if (p->radius > 0)
			strbuf_printf(&sb, ", up to %g miles away", p->radius);
		else
			strbuf_puts(&sb, ", any distance away");
	} else {
		strbuf_puts(&sb, "no postcode given, so options anywhere");
	}
	field(w, "Where", sb.buf);
	if (!isnan(p->level)) {
		say_level(p->level, words, sizeof(words));
		field(w, "Only this level", words);
	}
	if (p->text[0])
		field(w, "Words searched for", p->text);
	list_end(w);
	strbuf_done(&sb);
}

/* A reason with the pupil's full postcode put in words. */
static void reason_words(const struct match_profile *p, const char *reason, struct strbuf *out)
{
	const char *hit;
	char from[16];

	strbuf_reset(out);
	snprintf(from, sizeof(from), "from %s", p->place);
	if (p->place_is_full && p->place[0] && (hit = strstr(reason, from)) != NULL) {
		strbuf_add(out, reason, (size_t)(hit - reason));
		strbuf_puts(out, "from your postcode");
		strbuf_puts(out, hit + strlen(from));
	} else {
		strbuf_puts(out, reason);
	}
}

static const struct match_result *find_result(const struct match_list *l, enum option_kind kind,
					      long long id)
{
	size_t i;

	for (i = 0; i < l->count; i++)
		if (l->results[i].kind == kind && l->results[i].id == id)
			return &l->results[i];
	return NULL;
}

static void write_option(struct writer *w, const struct match_profile *p, int n,
			 const struct advice_item *item, const struct plan_facts *f, int found,
			 const struct match_result *r)
{
	struct strbuf sb;
	int i;

	strbuf_init(&sb);
	strbuf_printf(&sb, "%d. ", n);
	glossary_plain(found ? f->title : item->title, &sb);	/* "n.e.c." -> "(other)" */
	w->ops->section_begin(w, "option");
	heading(w, 3, sb.buf);
	if (!found) {
		strbuf_reset(&sb);
		strbuf_printf(&sb, "This %s is no longer in the careers information, so there is "
			      "nothing more to say about it. Ask your adviser what else is like it.",
			      match_kind_words(item->kind));
		para(w, sb.buf);
		w->ops->section_end(w);
		strbuf_done(&sb);
		return;
	}
	list_begin(w, "fields");
	field(w, "What it is", f->what);
	strbuf_reset(&sb);
	if (item->kind == OPTION_APPRENTICESHIP) {
		strbuf_printf(&sb, "with an employer (%s)", f->demand);
		field(w, "Where", sb.buf);
	} else if (item->kind != OPTION_CAREER && f->where[0]) {
		strbuf_puts(&sb, f->where);
		if (strcmp(f->distance, PLAN_NOT_KNOWN) != 0)
			strbuf_printf(&sb, " (%s)", f->distance);
		field(w, "Where", sb.buf);
	}
	if (strcmp(f->travel, PLAN_NOT_KNOWN) != 0 && strcmp(f->travel, PLAN_NOT_APPLICABLE) != 0)
		field(w, "Getting there", f->travel);
	field(w, "When you could start", f->start);
	item_begin(w);
	label_only(w, "Why it was suggested");
	if (!r || !r->reason_count) {
		strbuf_putc(w->out, ' ');
		text(w, r ? "it is one of the options for your search" :
		     "it does not come up in your search now. It may have been found with a "
		     "different search, or the information about it has changed since.");
		item_end(w);
	} else {
		struct strbuf reason;

		strbuf_init(&reason);
		w->ops->sublist_begin(w);
		for (i = 0; i < r->reason_count; i++) {
			reason_words(p, r->reasons[i], &reason);
			w->ops->subitem_begin(w);
			text(w, reason.buf);
			w->ops->subitem_end(w);
		}
		w->ops->sublist_end(w);
		strbuf_done(&reason);
	}
	if (r && safe_url(r->url)) {
		item_begin(w);
		label(w, "Find out more");
		link(w, r->url);
		item_end(w);
	}
	list_end(w);
	w->ops->section_end(w);
	strbuf_done(&sb);
}

static enum status write_shortlist(struct store *s, struct writer *w, const struct advice *a,
				   int count, const struct plan_facts *facts, const int *found,
				   char *err, size_t errlen)
{
	struct match_profile q = a->profile;
	struct match_exclusion picked[ADVICE_ITEMS_MAX];
	struct match_list list;
	enum status rc;
	int i;

	heading(w, 2, "Your shortlist");
	if (!count) {
		para(w, "Nothing is on your shortlist yet.");
		return STATUS_OK;
	}
	/* Why each was suggested: the pupil's answers, nothing hidden, at any distance. */
	q.show_not_for_age = 1;
	q.kinds = 0;
	q.excluded_count = 0;
	q.radius = MATCH_ANYWHERE;
	q.travel.within_minutes = 0;
	for (i = 0; i < count && i < ADVICE_ITEMS_MAX; i++) {
		picked[i].kind = a->items[i].kind;
		picked[i].id = a->items[i].id;
	}
	rc = match_these(s, &q, picked, i, &list, err, errlen);
	if (rc == STATUS_INVALID || rc == STATUS_NOT_FOUND) {
		match_list_done(&list);
		memset(&list, 0, sizeof(list));
	} else if (rc != STATUS_OK) {
		match_list_done(&list);
		return rc;
	}
	para(w, "These are the options you picked, and why each one came up.");
	for (i = 0; i < count; i++) {
		const struct advice_item *item = &a->items[i];

		write_option(w, &a->profile, i + 1, item, &facts[i], found[i],
			     find_result(&list, item->kind, item->id));
	}
	match_list_done(&list);
	return STATUS_OK;
}

static void write_compare(struct writer *w, const struct advice *a, int count,
			  const struct plan_facts *facts, const int *found)
{
	const char *head[ADVICE_COMPARE_MAX + 1], *cells[ADVICE_COMPARE_MAX + 1];
	int pick[ADVICE_COMPARE_MAX], n = 0, i, f;
	struct plan_table t;

	heading(w, 2, "Comparing your options");
	for (i = 0; i < count && n < ADVICE_COMPARE_MAX; i++)
		if (a->items[i].compare && found[i])
			pick[n++] = i;
	if (!n) {
		para(w, "You did not pick any options to compare side by side.");
		return;
	}
	para(w, "The same facts for each option you picked, side by side. \"Not known\" means "
		"the information does not say.");
	head[0] = "";
	for (i = 0; i < n; i++)
		head[i + 1] = facts[pick[i]].title;
	t.head = head;
	t.columns = n + 1;
	t.row_heads = 1;
	table_begin(w, &t, "compare");
	for (f = 0; f < PLAN_FACT_COUNT; f++) {
		cells[0] = plan_fact_label((enum plan_fact)f);
		for (i = 0; i < n; i++)
			cells[i + 1] = plan_fact_text(&facts[pick[i]], (enum plan_fact)f);
		table_row(w, &t, cells);
	}
	table_end(w);
}

/* Only the notes the adviser shared with the pupil: "adviser only" notes never go in. */
static void write_notes(struct writer *w, const struct advice *a)
{
	int count = a->note_count > ADVICE_NOTES_MAX ? ADVICE_NOTES_MAX : a->note_count, i;
	int shared = 0;
	char when[40];

	for (i = 0; i < count; i++)
		shared += a->notes[i].shared != 0;
	heading(w, 2, "Notes from your session");
	if (!shared) {
		para(w, "No notes were shared with you.");
		return;
	}
	list_begin(w, "notes");
	for (i = 0; i < count; i++) {
		if (!a->notes[i].shared)
			continue;
		item_begin(w);
		stamp_words(a->notes[i].written, 1, when, sizeof(when));
		if (when[0]) {
			label(w, when);
			text(w, a->notes[i].text);
		} else {
			w->ops->text(w, a->notes[i].text, PLAN_TEXT_FIRST);
		}
		item_end(w);
	}
	list_end(w);
}

/* Is x due before y? Dated actions before undated ones. */
static int action_before(const struct advice_action *x, const struct advice_action *y)
{
	if (!x->due[0] || !y->due[0])
		return x->due[0] && !y->due[0];
	return strcmp(x->due, y->due) < 0;
}

/* Who does an action, as the pupil's family reads it. */
static void owner_words(const struct advice *a, enum action_owner owner, char *out, size_t len)
{
	switch (owner) {
	case OWNER_PUPIL:
		snprintf(out, len, "You");
		break;
	case OWNER_PARENT:
		snprintf(out, len, "Your parent or carer");
		break;
	case OWNER_ADVISER:
		if (a->adviser[0])
			snprintf(out, len, "Your adviser (%s)", a->adviser);
		else
			snprintf(out, len, "Your adviser");
		break;
	case OWNER_SCHOOL:
		if (a->school[0])
			snprintf(out, len, "Your school (%s)", a->school);
		else
			snprintf(out, len, "Your school");
		break;
	case OWNER_EMPLOYER:
		snprintf(out, len, "The employer");
		break;
	default:
		snprintf(out, len, "%s", advice_owner_words(owner));
	}
}

static void write_actions(struct writer *w, const struct advice *a)
{
	static const char *const head[] = { "What", "Who", "By when", "Status" };
	const char *cells[4];
	char due[16];
	struct plan_table t = { head, 4, 0 };
	int count = a->action_count > ADVICE_ACTIONS_MAX ? ADVICE_ACTIONS_MAX : a->action_count, i;

	int order[ADVICE_ACTIONS_MAX];
	char who[ADVICE_NAME_MAX + 32];

	heading(w, 2, "What happens next");
	if (count <= 0) {
		para(w, "Nothing was agreed yet.");
		return;
	}
	para(w, "Who does what, soonest first. Tick each one off when it is done.");
	/* Date order, those with no date last; the order they were agreed breaks ties. */
	for (i = 0; i < count; i++)
		order[i] = i;
	for (i = 1; i < count; i++)
		for (int k = i; k > 0 && action_before(&a->actions[order[k]],
						       &a->actions[order[k - 1]]); k--) {
			int swap = order[k];

			order[k] = order[k - 1];
			order[k - 1] = swap;
		}
	table_begin(w, &t, "actions");
	for (i = 0; i < count; i++) {
		const struct advice_action *act = &a->actions[order[i]];

		cells[0] = act->text;
		owner_words(a, act->owner, who, sizeof(who));
		cells[1] = who;
		if (act->due[0])
			say_date(act->due, due);
		cells[2] = act->due[0] ? due : "no date";
		cells[3] = advice_status_word(act->status);
		table_row(w, &t, cells);
	}
	table_end(w);
}

/* --- where it comes from ----------------------------------------------------------------- */

struct source_group {
	char *format, *title, *licence, *attribution;
	int files, is_sample, licence_number;
	char first[11], last[11];	/* data dates, "" when none */
};

struct source_groups {
	struct source_group *all;
	int count, alloc;
};

static int same(const char *a, const char *b)
{
	return strcmp(a ? a : "", b ? b : "") == 0;
}

static int group_source(void *ctx, const struct store_source_info *info)
{
	struct source_groups *gs = ctx;
	struct source_group *g = NULL;
	char day[11] = "";
	int i;

	for (i = 0; i < gs->count && !g; i++)
		if (same(gs->all[i].format, info->format) && same(gs->all[i].licence, info->licence) &&
		    same(gs->all[i].attribution, info->attribution) &&
		    gs->all[i].is_sample == info->is_sample)
			g = &gs->all[i];
	if (!g) {
		if (gs->count == gs->alloc) {
			gs->alloc = gs->alloc ? gs->alloc * 2 : 16;
			gs->all = xrealloc(gs->all, (size_t)gs->alloc * sizeof(*gs->all));
		}
		g = &gs->all[gs->count++];
		memset(g, 0, sizeof(*g));
		g->format = xstrdup(info->format ? info->format : "");
		g->title = xstrdup(info->format_title ? info->format_title : info->format ?
				   info->format : "");
		g->licence = xstrdup(info->licence ? info->licence : "");
		g->attribution = xstrdup(info->attribution ? info->attribution : "");
		g->is_sample = info->is_sample;
	}
	g->files++;
	/* The data's own date, else the day it was added to the store. */
	snprintf(day, sizeof(day), "%.10s", info->data_date ? info->data_date :
		 info->imported_at ? info->imported_at : "");
	if (day[0] && (!g->first[0] || strcmp(day, g->first) < 0))
		memcpy(g->first, day, sizeof(day));
	if (day[0] && strcmp(day, g->last) > 0)
		memcpy(g->last, day, sizeof(day));
	return 0;
}

static int by_title(const void *pa, const void *pb)
{
	const struct source_group *a = pa, *b = pb;
	int c = strcmp(a->title, b->title);

	return c ? c : strcmp(a->format, b->format);
}

static enum status write_sources(struct store *s, struct writer *w, char *err, size_t errlen)
{
	struct source_groups gs = { NULL, 0, 0 };
	struct strbuf sb;
	char d1[16], d2[16];
	enum status rc;
	int i, j, licences = 0, samples = 0;

	w->ops->section_begin(w, "appendix");
	heading(w, 2, "Appendix: where the information comes from");
	if ((rc = store_each_source(s, group_source, &gs)) != STATUS_OK) {
		snprintf(err, errlen, "%s", store_errmsg(s));
		goto done;
	}
	if (gs.count)
		qsort(gs.all, (size_t)gs.count, sizeof(*gs.all), by_title);
	for (i = 0; i < gs.count; i++) {
		samples |= gs.all[i].is_sample;
		for (j = 0; j < i && !gs.all[i].licence_number; j++)
			if (same(gs.all[j].licence, gs.all[i].licence) &&
			    same(gs.all[j].attribution, gs.all[i].attribution))
				gs.all[i].licence_number = gs.all[j].licence_number;
		if (!gs.all[i].licence_number)
			gs.all[i].licence_number = ++licences;
	}
	if (!gs.count) {
		para(w, "The careers information has no files in it.");
		goto done;
	}
	para(w, "The options, dates, pay and job figures in this plan come from these public "
		"data files. Each one is shared under the licence named by its number below.");
	if (samples)
		notice(w, "Files marked SAMPLE were made up to try out the careers program. They "
			  "are not real courses, jobs, pay or figures.");
	strbuf_init(&sb);
	list_begin(w, "sources");
	for (i = 0; i < gs.count; i++) {
		const struct source_group *g = &gs.all[i];

		strbuf_reset(&sb);
		strbuf_printf(&sb, "%d file%s", g->files, g->files == 1 ? "" : "s");
		say_date(g->first, d1);
		say_date(g->last, d2);
		if (g->first[0] && strcmp(g->first, g->last) != 0)
			strbuf_printf(&sb, ", dated %s to %s", d1, d2);
		else if (g->first[0])
			strbuf_printf(&sb, ", dated %s", d1);
		if (g->is_sample)
			strbuf_puts(&sb, ". SAMPLE - not real");
		strbuf_printf(&sb, ". Licence %d.", g->licence_number);
		item_begin(w);
		label(w, g->title);
		text(w, sb.buf);
		item_end(w);
	}
	list_end(w);
	heading(w, 3, "Licences");
	for (j = 1; j <= licences; j++)
		for (i = 0; i < gs.count; i++)
			if (gs.all[i].licence_number == j) {
				strbuf_reset(&sb);
				strbuf_printf(&sb, "Licence %d", j);
				w->ops->block_begin(w);
				label(w, sb.buf);
				text(w, gs.all[i].licence[0] ? gs.all[i].licence : "not given");
				if (gs.all[i].attribution[0]) {
					w->ops->line_break(w);
					text(w, gs.all[i].attribution);
				}
				w->ops->block_end(w);
				break;
			}
	strbuf_done(&sb);
	rc = STATUS_OK;
done:
	w->ops->section_end(w);
	for (i = 0; i < gs.count; i++) {
		free(gs.all[i].format);
		free(gs.all[i].title);
		free(gs.all[i].licence);
		free(gs.all[i].attribution);
	}
	free(gs.all);
	return rc;
}

enum status plan_write(struct store *s, const struct advice *a, enum plan_format format,
		       struct strbuf *out, char *err, size_t errlen)
{
	struct writer w = { format == PLAN_HTML ? &plan_html_ops : &plan_markdown_ops, out };
	struct plan_facts *facts = xcalloc(ADVICE_ITEMS_MAX, sizeof(*facts));
	int found[ADVICE_ITEMS_MAX] = { 0 }, i, count = a->item_count;
	enum status rc = STATUS_OK;
	struct advice *pupil = xmalloc(sizeof(*pupil));

	/*
	 * The plan is the pupil's: their answers and shortlist, not the
	 * adviser's last search (its words, kinds and level are dropped).
	 */
	*pupil = *a;
	pupil->profile.text[0] = '\0';
	pupil->profile.kinds = 0;
	pupil->profile.level = NAN;
	a = pupil;
	err[0] = '\0';
	if (count < 0 || count > ADVICE_ITEMS_MAX)
		count = count < 0 ? 0 : ADVICE_ITEMS_MAX;
	for (i = 0; i < count && rc == STATUS_OK; i++) {
		rc = plan_facts(s, &a->profile, a->items[i].kind, a->items[i].id, &facts[i]);
		found[i] = rc == STATUS_OK;
		if (rc == STATUS_NOT_FOUND)
			rc = STATUS_OK;
	}
	if (rc != STATUS_OK)
		snprintf(err, errlen, "%s", store_errmsg(s));
	if (rc == STATUS_OK)
		rc = write_top(s, &w, a, err, errlen);
	/* What a family acts on first; the reasons after; the sources last. */
	if (rc == STATUS_OK) {
		write_actions(&w, a);
		write_now(s, &w, &a->profile);
		write_about(s, &w, &a->profile);
		rc = write_shortlist(s, &w, a, count, facts, found, err, errlen);
		if (rc == STATUS_OK) {
			write_compare(&w, a, count, facts, found);
			write_notes(&w, a);
			rc = write_sources(s, &w, err, errlen);
		}
	}
	if (rc == STATUS_OK)
		w.ops->end(&w);
	free(facts);
	free(pupil);
	return rc;
}
