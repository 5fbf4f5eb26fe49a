/*
 * discover.c - the newest file named in a publisher's index (see discover.h).
 */
#include "discover.h"

#include <regex.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "dynlib.h"
#include "json_reader.h"
#include "mem.h"

void discover_list_free(struct discover_list *l)
{
	size_t i;

	for (i = 0; i < l->count; i++) {
		free(l->items[i].value);
		free(l->items[i].name);
	}
	free(l->items);
	memset(l, 0, sizeof(*l));
}

static void add(struct discover_list *l, char *value, char *name)
{
	l->items = xrealloc(l->items, (l->count + 1) * sizeof(*l->items));
	l->items[l->count].value = value;
	l->items[l->count].name = name;
	l->count++;
}

enum status discover_json(const char *text, size_t len, const char *records, const char *field,
			  const char *name_field, struct discover_list *out, char *err,
			  size_t errlen)
{
	const char *name = name_field && *name_field ? name_field : field;
	char *value_path = field[0] == '$' ? xstrdup(field) : xasprintf("$.%s", field);
	char *name_path = name[0] == '$' ? xstrdup(name) : xasprintf("$.%s", name);
	const char *paths[2] = { value_path, name_path };
	const char *const *values;
	struct json_doc *doc = NULL;
	struct json_cursor *c = NULL;
	unsigned long index, line;
	enum status rc;

	memset(out, 0, sizeof(*out));
	if (errlen)
		err[0] = '\0';
	rc = json_doc_open(text, len, &doc, err, errlen);
	if (rc == STATUS_OK)
		rc = json_cursor_open(doc, records, paths, NULL, 2, &c, err, errlen);
	while (rc == STATUS_OK && (rc = json_cursor_next(c, &values, &index, &line)) == STATUS_OK)
		if (values[0][0])
			add(out, xstrdup(values[0]), xstrdup(values[1]));
	if (rc == STATUS_NOT_FOUND)
		rc = STATUS_OK;
	json_cursor_free(c);
	json_doc_free(doc);
	free(value_path);
	free(name_path);
	if (rc != STATUS_OK && !*err)
		snprintf(err, errlen, "the index is not JSON with records at %s", records);
	return rc;
}

/* Decode the few entities that appear in addresses. */
static char *unescape(const char *s, size_t n)
{
	struct strbuf sb;
	size_t i;

	strbuf_init(&sb);
	for (i = 0; i < n; i++) {
		if (s[i] == '&' && n - i >= 5 && strncmp(s + i, "&amp;", 5) == 0) {
			strbuf_putc(&sb, '&');
			i += 4;
		} else if (s[i] == '&' && n - i >= 5 && strncmp(s + i, "&#38;", 5) == 0) {
			strbuf_putc(&sb, '&');
			i += 4;
		} else if (s[i] == '&' && n - i >= 6 && strncmp(s + i, "&quot;", 6) == 0) {
			strbuf_putc(&sb, '"');
			i += 5;
		} else {
			strbuf_putc(&sb, s[i]);
		}
	}
	return strbuf_detach(&sb);
}

void discover_links(const char *html, size_t len, struct discover_list *out)
{
	size_t i = 0;

	memset(out, 0, sizeof(*out));
	while (i + 4 < len) {
		size_t j, start, end;
		char quote;

		if (strncasecmp(html + i, "href", 4) != 0 ||
		    (i > 0 && (html[i - 1] == '-' || html[i - 1] == '_' ||
			       ((html[i - 1] | 32) >= 'a' && (html[i - 1] | 32) <= 'z')))) {
			i++;
			continue;
		}
		j = i + 4;
		while (j < len && (html[j] == ' ' || html[j] == '\t' || html[j] == '\n' || html[j] == '\r'))
			j++;
		if (j >= len || html[j] != '=') {
			i = j;
			continue;
		}
		j++;
		while (j < len && (html[j] == ' ' || html[j] == '\t' || html[j] == '\n' || html[j] == '\r'))
			j++;
		quote = j < len && (html[j] == '"' || html[j] == '\'') ? html[j] : 0;
		start = quote ? j + 1 : j;
		for (end = start; end < len; end++) {
			if (quote ? html[end] == quote :
			    (html[end] == ' ' || html[end] == '>' || html[end] == '\t' ||
			     html[end] == '\n' || html[end] == '\r'))
				break;
			if (html[end] == '\0')
				break;
		}
		if (end > start && end - start < 4096)
			add(out, unescape(html + start, end - start), unescape(html + start, end - start));
		i = end;
	}
}

int discover_compare(const char *a, const char *b)
{
	while (*a && *b) {
		if (*a >= '0' && *a <= '9' && *b >= '0' && *b <= '9') {
			const char *ea = a, *eb = b;
			size_t la, lb;

			while (*a == '0')
				a++;
			while (*b == '0')
				b++;
			for (ea = a; *ea >= '0' && *ea <= '9'; ea++)
				;
			for (eb = b; *eb >= '0' && *eb <= '9'; eb++)
				;
			la = (size_t)(ea - a);
			lb = (size_t)(eb - b);
			if (la != lb)
				return la < lb ? -1 : 1;
			if (la && memcmp(a, b, la) != 0)
				return memcmp(a, b, la);
			a = ea;
			b = eb;
			continue;
		}
		if (*a != *b)
			return (unsigned char)*a < (unsigned char)*b ? -1 : 1;
		a++;
		b++;
	}
	return *a ? 1 : *b ? -1 : 0;
}

enum status discover_pick(const struct discover_list *l, const char *regex, int newest,
			  const struct discover_candidate **chosen, char **matched, char *err,
			  size_t errlen)
{
	regex_t re;
	regmatch_t m[1];
	size_t i;
	char *best_part = NULL;

	*chosen = NULL;
	*matched = NULL;
	if (regcomp(&re, regex, REG_EXTENDED) != 0) {
		snprintf(err, errlen, "\"%s\" is not a regular expression", regex);
		return STATUS_INVALID;
	}
	for (i = 0; i < l->count; i++) {
		const struct discover_candidate *c = &l->items[i];
		char *part;

		if (regexec(&re, c->name, 1, m, 0) != 0)
			continue;
		part = xstrndup(c->name + m[0].rm_so, (size_t)(m[0].rm_eo - m[0].rm_so));
		if (!*chosen || (newest && discover_compare(part, best_part) > 0)) {
			*chosen = c;
			free(best_part);
			best_part = part;
		} else {
			free(part);
		}
		if (!newest)
			break;
	}
	regfree(&re);
	if (!*chosen) {
		snprintf(err, errlen, "none of the %zu entries in the index matches %s (has the "
			 "publisher renamed the file?)", l->count, regex);
		return STATUS_NOT_FOUND;
	}
	*matched = best_part;
	return STATUS_OK;
}

char *discover_resolve(const char *base, const char *ref)
{
	const struct dynlib_curl *lib = dynlib_curl(NULL, 0);
	CURLU *u;
	char *out = NULL, *copy = NULL;

	if (!lib)
		return NULL;
	u = lib->url();
	if (u && lib->url_set(u, CURLUPART_URL, base, 0) == CURLUE_OK &&
	    lib->url_set(u, CURLUPART_URL, ref, 0) == CURLUE_OK &&
	    lib->url_get(u, CURLUPART_URL, &out, 0) == CURLUE_OK)
		copy = xstrdup(out);
	lib->free(out);
	lib->url_cleanup(u);
	return copy;
}
