/*
 * source_list.c - read the list of official downloads (see source_list.h).
 */
#include "source_list.h"

#include <errno.h>
#include <regex.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "mem.h"
#include "safefile.h"
#include "settings.h"

#define DEFAULT_MAX_SIZE (2LL << 30)
#define DEFAULT_MAX_PAGES 200

static void source_free(struct source *s)
{
	size_t i;

	free(s->name);
	free(s->title);
	free(s->publisher);
	free(s->licence);
	free(s->changes);
	free(s->format);
	free(s->kind);
	free(s->note);
	free(s->url);
	free(s->index);
	free(s->find_records);
	free(s->find_field);
	free(s->find_match_field);
	free(s->match);
	free(s->file);
	free(s->key);
	free(s->key_header);
	for (i = 0; i < s->header_count; i++)
		free(s->headers[i]);
	free(s->headers);
	free(s->pages);
}

void source_list_free(struct source_list *list)
{
	size_t i;

	for (i = 0; i < list->count; i++)
		source_free(&list->items[i]);
	free(list->items);
	memset(list, 0, sizeof(*list));
}

const struct source *source_list_find(const struct source_list *list, const char *name)
{
	size_t i;

	for (i = 0; i < list->count; i++)
		if (strcmp(list->items[i].name, name) == 0)
			return &list->items[i];
	return NULL;
}

static int one_of(const char *value, const char *const *allowed)
{
	for (; *allowed; allowed++)
		if (strcmp(value, *allowed) == 0)
			return 1;
	return 0;
}

static int plain_name(const char *s)
{
	size_t i;

	if (!*s || *s == '.' || *s == '-')
		return 0;
	for (i = 0; s[i]; i++)
		if (!((s[i] >= 'a' && s[i] <= 'z') || (s[i] >= '0' && s[i] <= '9') || s[i] == '-' ||
		      s[i] == '.' || s[i] == '_' || (s[i] >= 'A' && s[i] <= 'Z')))
			return 0;
	return 1;
}

/* "500M", "2G", "64K" or bytes; -1 when not a size. */
static long long parse_size(const char *v)
{
	char *end;
	long long n;

	errno = 0;
	n = strtoll(v, &end, 10);
	if (errno || end == v || n <= 0)
		return -1;
	switch (*end) {
	case '\0': return n;
	case 'K': n <<= 10; break;
	case 'M': n <<= 20; break;
	case 'G': n <<= 30; break;
	default: return -1;
	}
	return end[1] == '\0' ? n : -1;
}

static long parse_number(const char *v, long lo, long hi)
{
	char *end;
	long n;

	errno = 0;
	n = strtol(v, &end, 10);
	return errno || end == v || *end || n < lo || n > hi ? -1 : n;
}

/* "json RECORDS FIELD [MATCH_FIELD]" or "links". */
static const char *parse_find(struct source *s, const char *v)
{
	char *copy = xstrdup(v), *save = NULL, *word = strtok_r(copy, " \t", &save);
	const char *why = NULL;

	if (word && strcmp(word, "links") == 0 && !strtok_r(NULL, " \t", &save)) {
		s->find = SOURCE_FIND_LINKS;
	} else if (word && strcmp(word, "json") == 0) {
		char *records = strtok_r(NULL, " \t", &save), *field = strtok_r(NULL, " \t", &save);
		char *match_field = strtok_r(NULL, " \t", &save);

		if (!records || !field || records[0] != '$' || strtok_r(NULL, " \t", &save))
			why = "is \"json $.PATH.TO.RECORDS FIELD [MATCH_FIELD]\"";
		s->find = SOURCE_FIND_JSON;
		s->find_records = records ? xstrdup(records) : NULL;
		s->find_field = field ? xstrdup(field) : NULL;
		s->find_match_field = xstrdup(match_field ? match_field : field ? field : "");
	} else {
		why = "is \"links\" (of a web page) or \"json RECORDS FIELD [MATCH_FIELD]\"";
	}
	free(copy);
	return why;
}

/* Set one setting of s; NULL when fine, else what is wrong with it. */
static const char *set(struct source *s, const char *name, const char *v)
{
	static const char *const kinds[] = { "csv", "json", "zip", "xlsx", "text", NULL };
	static const char *const changes[] = { "daily", "weekly", "monthly", "quarterly", "yearly",
					       "rarely", NULL };
	char **text = NULL;
	regex_t re;

#define TEXT_SETTING(field) \
	if (strcmp(name, #field) == 0) \
		text = &s->field;
	TEXT_SETTING(title)
	TEXT_SETTING(publisher)
	TEXT_SETTING(licence)
	TEXT_SETTING(format)
	TEXT_SETTING(note)
	TEXT_SETTING(url)
	TEXT_SETTING(index)
	TEXT_SETTING(file)
	TEXT_SETTING(key)
	TEXT_SETTING(key_header)
	TEXT_SETTING(pages)
	TEXT_SETTING(changes)
	TEXT_SETTING(kind)
	TEXT_SETTING(match)
#undef TEXT_SETTING
	if (text) {
		if (*text)
			return "is set twice";
		if (!*v)
			return "is empty";
		if (text == &s->kind && !one_of(v, kinds))
			return "is csv, json, zip, xlsx or text";
		if (text == &s->changes && !one_of(v, changes))
			return "is daily, weekly, monthly, quarterly, yearly or rarely";
		if (text == &s->file && !plain_name(v))
			return "is a plain file name (letters, digits, . - _)";
		if (text == &s->match) {
			if (regcomp(&re, v, REG_EXTENDED | REG_NOSUB) != 0)
				return "is not a regular expression (POSIX extended)";
			regfree(&re);
		}
		*text = xstrdup(v);
		return NULL;
	}
	if (strcmp(name, "find") == 0)
		return s->find != SOURCE_FIND_NONE ? "is set twice" : parse_find(s, v);
	if (strcmp(name, "pick") == 0) {
		if (strcmp(v, "newest") != 0 && strcmp(v, "first") != 0)
			return "is newest or first";
		s->pick = v[0] == 'n' ? SOURCE_PICK_NEWEST : SOURCE_PICK_FIRST;
		return NULL;
	}
	if (strcmp(name, "header") == 0) {
		if (!strchr(v, ':') || strpbrk(v, "\r\n"))
			return "is \"Name: value\"";
		s->headers = xrealloc(s->headers, (s->header_count + 1) * sizeof(*s->headers));
		s->headers[s->header_count++] = xstrdup(v);
		return NULL;
	}
	if (strcmp(name, "enabled") == 0) {
		if (strcmp(v, "yes") != 0 && strcmp(v, "no") != 0)
			return "is yes or no";
		s->enabled = v[0] == 'y';
		return NULL;
	}
	if (strcmp(name, "max_size") == 0)
		return (s->max_size = parse_size(v)) < 0 ? "is a size such as 500M or 2G" : NULL;
	if (strcmp(name, "max_pages") == 0)
		return (s->max_pages = (int)parse_number(v, 1, 100000)) < 0 ?
		       "is a number of pages (1 to 100000)" : NULL;
	if (strcmp(name, "page_delay_ms") == 0)
		return (s->page_delay_ms = parse_number(v, 0, 600000)) < 0 ?
		       "is milliseconds (0 to 600000)" : NULL;
	if (strcmp(name, "dates") == 0)
		return (s->dates = (int)parse_number(v, 1, 60)) < 0 ? "is a number of days (1 to 60)" :
		       NULL;
	return "is not a setting careers knows";
}

/* What a finished section still lacks, or NULL. */
static const char *incomplete(const struct source *s)
{
	if (!s->url)
		return "has no url";
	if (!s->title || !s->publisher || !s->licence || !s->changes || !s->kind)
		return "needs title, publisher, licence, changes and kind";
	if (s->find != SOURCE_FIND_NONE && (!s->index || !s->match))
		return "finds its file in an index: it needs index and match too";
	if (s->find == SOURCE_FIND_NONE && (s->index || strstr(s->url, "{found}")))
		return "has an index (or {found}) but no find";
	if (s->key && !s->key_header)
		return "has a key but no key_header to send it in";
	if (!!s->pages != !!strstr(s->url, "{page}"))
		return "pages and {page} in the url go together";
	if (!!s->dates != !!strstr(s->url, "{date}"))
		return "dates and {date} in the url go together";
	return NULL;
}

static struct source *new_source(struct source_list *list, const char *name, unsigned long line)
{
	struct source *s;

	list->items = xrealloc(list->items, (list->count + 1) * sizeof(*list->items));
	s = &list->items[list->count++];
	memset(s, 0, sizeof(*s));
	s->name = xstrdup(name);
	s->enabled = 1;
	s->max_size = DEFAULT_MAX_SIZE;
	s->max_pages = DEFAULT_MAX_PAGES;
	s->line = line;
	return s;
}

enum status source_list_parse(const char *name, const char *text, struct source_list *list,
			      char *err, size_t errlen)
{
	struct settings st;
	struct source *cur = NULL;
	char *key, *value, where[600], what[200] = "";
	const char *why = NULL;
	int kind, unfinished = 0;

	memset(list, 0, sizeof(*list));
	if (settings_open_text(&st, name, text) != 0) {
		snprintf(err, errlen, "cannot read %s: %s", name, strerror(errno));
		return STATUS_IO;
	}
	while (!why && (kind = settings_next(&st, &key, &value)) != 0) {
		settings_where(&st, where, sizeof(where));
		if (kind < 0) {
			why = "expected \"name = value\" or \"[source-name]\"";
		} else if (kind == 2) {
			if (cur && (why = incomplete(cur)) != NULL) {
				unfinished = 1;
				break;
			}
			if (!plain_name(key) || strchr(key, '.') || strchr(key, '_'))
				why = "a source's name is letters, digits and '-'";
			else if (source_list_find(list, key))
				why = "this source is named twice";
			else
				cur = new_source(list, key, st.l.number);
		} else if (!cur) {
			why = "a setting before the first [source-name]";
		} else if ((why = set(cur, key, value)) != NULL) {
			snprintf(what, sizeof(what), "%s ", key);
		}
	}
	if (!why && cur && (why = incomplete(cur)) != NULL)
		unfinished = 1;
	if (unfinished) {
		snprintf(where, sizeof(where), "%s:%lu", name, cur->line);
		snprintf(what, sizeof(what), "[%s] ", cur->name);
	}
	if (!why && list->count == 0) {
		snprintf(where, sizeof(where), "%s", name);
		why = "lists no sources";
	}
	settings_close(&st);
	if (why) {
		snprintf(err, errlen, "%s: %s%s", where, what, why);
		source_list_free(list);
		return STATUS_FORMAT;
	}
	return STATUS_OK;
}

enum status source_list_read(const char *path, struct source_list *list, char *err,
			     size_t errlen)
{
	struct strbuf text;
	enum status rc;

	strbuf_init(&text);
	rc = safefile_read(path, 1 << 20, &text, err, errlen);
	if (rc == STATUS_OK)
		rc = source_list_parse(path, text.buf, list, err, errlen);
	else
		memset(list, 0, sizeof(*list));
	strbuf_done(&text);
	return rc;
}
