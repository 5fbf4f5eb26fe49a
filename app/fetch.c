/*
 * fetch.c - download every official source (see fetch.h).
 *
 * Design notes. A source is all or nothing: its files are gathered in
 * TO/.<name>.partial/, files the publisher says are unchanged (304) are
 * linked in from the current copy, and only when every one is there is
 * the folder swapped with TO/<name>/ (renameat2 RENAME_EXCHANGE where the
 * file system has it, else two renames; a crash between them is mended by
 * the next run). What is left in .partial after a failure is kept for the
 * next run: a part-downloaded file ("<file>.part", with the address and
 * validators it belongs to in "<file>.part.validator") is resumed there.
 */
#define _GNU_SOURCE 1	/* renameat2 */
#include "fetch.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "apikey.h"
#include "discover.h"
#include "format.h"
#include "json_reader.h"
#include "mem.h"
#include "origin.h"
#include "safefile.h"
#include "sha256.h"
#include "source_list.h"

#define MAX_INDEX (32 << 20)		/* an index page or document */
#define MAX_PAGE (64LL << 20)		/* one page of a paged API */

/* One source being fetched. */
struct job {
	const struct fetch_options *o;
	const struct source *src;
	struct http *http;
	char *key;			/* the API key (wiped when done) */
	char key_from[600];		/* where it was found */
	char *secret_header;		/* "Header: key" (wiped when done) */
	const char **headers;		/* the source's fixed headers, NULL-terminated */
	char *dir, *staging;
	struct origin_list before, now;
	long long bytes;		/* downloaded this run */
	int files, changed, not_modified;
	char why[2048];
};

static void utc_now(char out[32])
{
	time_t t = time(NULL);
	struct tm tm;

	gmtime_r(&t, &tm);
	strftime(out, 32, "%Y-%m-%dT%H:%M:%SZ", &tm);
}

char *fetch_default_folder(void)
{
	const char *env = getenv("CAREERS_DOWNLOADS"), *xdg = getenv("XDG_DATA_HOME");
	const char *home = getenv("HOME");

	if (env && *env)
		return xstrdup(env);
	if (xdg && *xdg)
		return xasprintf("%s/careers/downloads", xdg);
	return xasprintf("%s/.local/share/careers/downloads", home && *home ? home : ".");
}

int fetch_exit_status(const struct fetch_summary *s)
{
	if (s->failed == 0)
		return 0;
	return s->fetched + s->unchanged > 0 ? 3 : 1;
}

/* --- folders ------------------------------------------------------------------------ */

/* Remove the files of a flat folder, then the folder. keep_parts: keep *.part files. */
static void clear_folder(const char *dir, int keep_parts, int remove_dir)
{
	DIR *d = opendir(dir);
	struct dirent *e;

	while (d && (e = readdir(d)) != NULL) {
		const char *n = e->d_name;
		size_t len = strlen(n);
		char *path;

		if (strcmp(n, ".") == 0 || strcmp(n, "..") == 0)
			continue;
		if (keep_parts && ((len > 5 && strcmp(n + len - 5, ".part") == 0) ||
				   (len > 15 && strcmp(n + len - 15, ".part.validator") == 0)))
			continue;
		path = xasprintf("%s/%s", dir, n);
		unlink(path);
		free(path);
	}
	if (d)
		closedir(d);
	if (remove_dir)
		rmdir(dir);
}

/* A crash between the two renames of a swap left TO/.<name>.old: put it back. */
static void mend(const char *to, const char *name)
{
	char *dir = xasprintf("%s/%s", to, name), *old = xasprintf("%s/.%s.old", to, name);
	struct stat st;

	if (stat(old, &st) == 0) {
		if (stat(dir, &st) != 0)
			rename(old, dir);
		else
			clear_folder(old, 0, 1);
	}
	free(dir);
	free(old);
}

/* Put the staging folder in place of the source's folder. */
static enum status swap_folders(struct job *j)
{
	char *old = xasprintf("%s/.%s.old", j->o->to, j->src->name);
	struct stat st;
	int ok;

	if (stat(j->dir, &st) != 0) {
		ok = rename(j->staging, j->dir) == 0;
	} else if (renameat2(AT_FDCWD, j->staging, AT_FDCWD, j->dir, RENAME_EXCHANGE) == 0) {
		clear_folder(j->staging, 0, 1);	/* the old copy, now at the staging name */
		ok = 1;
	} else {
		ok = rename(j->dir, old) == 0 && rename(j->staging, j->dir) == 0;
		if (ok)
			clear_folder(old, 0, 1);
	}
	if (!ok)
		snprintf(j->why, sizeof(j->why), "cannot put the new files in place at %s: %s", j->dir,
			 strerror(errno));
	safefile_sync_folder(j->dir);
	free(old);
	return ok ? STATUS_OK : STATUS_IO;
}

static int copy_file(const char *from, const char *to)
{
	int in = open(from, O_RDONLY | O_CLOEXEC), out = -1, ok = 0;
	char buf[1 << 16];
	ssize_t n;

	if (in >= 0)
		out = open(to, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
	if (in >= 0 && out >= 0) {
		ok = 1;
		while (ok && (n = read(in, buf, sizeof(buf))) > 0)
			ok = write(out, buf, (size_t)n) == n;
		ok = ok && n == 0 && fsync(out) == 0;
	}
	if (in >= 0)
		close(in);
	if (out >= 0 && close(out) != 0)
		ok = 0;
	return ok;
}

/* --- what a file must look like --------------------------------------------------------- */

/* Why the file at path is not a `kind` file, or NULL when it looks right. */
static const char *content_problem(const char *path, const char *kind)
{
	unsigned char head[512];
	ssize_t n;
	size_t i = 0;
	int fd = open(path, O_RDONLY | O_CLOEXEC), html;

	if (fd < 0)
		return "cannot be read back";
	n = read(fd, head, sizeof(head));
	close(fd);
	if (n <= 0)
		return "is empty";
	if (n >= 3 && head[0] == 0xEF && head[1] == 0xBB && head[2] == 0xBF)
		i = 3;
	while (i < (size_t)n && (head[i] == ' ' || head[i] == '\t' || head[i] == '\r' ||
				 head[i] == '\n'))
		i++;
	html = (size_t)n - i >= 5 && (strncasecmp((const char *)head + i, "<!doc", 5) == 0 ||
				      strncasecmp((const char *)head + i, "<html", 5) == 0);
	if (strcmp(kind, "zip") == 0 || strcmp(kind, "xlsx") == 0) {
		if (n >= 4 && head[0] == 'P' && head[1] == 'K' &&
		    ((head[2] == 3 && head[3] == 4) || (head[2] == 5 && head[3] == 6)))
			return NULL;
		return html ? "is a web page, not the zip file expected (an error or sign-in page?)" :
		       "is not a zip file";
	}
	if (html)
		return "is a web page, not the data expected (an error or sign-in page?)";
	if (strcmp(kind, "json") == 0 && (i >= (size_t)n || (head[i] != '{' && head[i] != '[')))
		return "is not JSON";
	return NULL;
}

/* --- one file ---------------------------------------------------------------------------- */

struct part_info {
	char url[2048], etag[256], last_modified[64];
};

static void read_part_info(const char *path, struct part_info *p)
{
	FILE *f = fopen(path, "r");

	memset(p, 0, sizeof(*p));
	if (!f)
		return;
	if (!fgets(p->url, sizeof(p->url), f) || !fgets(p->etag, sizeof(p->etag), f) ||
	    !fgets(p->last_modified, sizeof(p->last_modified), f))
		p->last_modified[0] = '\0';
	fclose(f);
	p->url[strcspn(p->url, "\n")] = '\0';
	p->etag[strcspn(p->etag, "\n")] = '\0';
	p->last_modified[strcspn(p->last_modified, "\n")] = '\0';
}

static void write_part_info(const char *path, const char *url, const struct http_response *rs)
{
	char *text = xasprintf("%s\n%s\n%s\n", url, rs->etag, rs->last_modified), err[300];

	safefile_write(path, text, strlen(text), 0644, err, sizeof(err));
	free(text);
}

static enum status sha256_of(const char *path, char hex[65])
{
	int fd = open(path, O_RDONLY | O_CLOEXEC);
	struct sha256 h;
	char buf[1 << 16];
	ssize_t n;

	if (fd < 0)
		return STATUS_IO;
	sha256_init(&h);
	while ((n = read(fd, buf, sizeof(buf))) > 0)
		sha256_update(&h, buf, (size_t)n);
	close(fd);
	if (n < 0)
		return STATUS_IO;
	sha256_final_hex(&h, hex);
	return STATUS_OK;
}

/*
 * Get url into staging/name: conditionally against the copy we have,
 * resuming a part, checked, and recorded in j->now. *unchanged on a 304.
 */
static enum status get_file(struct job *j, const char *url, const char *name, long long max,
			    int api_page, int *unchanged)
{
	const struct origin *had = origin_find(&j->before, name);
	char *current = xasprintf("%s/%s", j->dir, name);
	int conditional = had && strcmp(had->url, url) == 0 && access(current, R_OK) == 0;
	char *part = xasprintf("%s/%s.part", j->staging, name);
	char *info = xasprintf("%s/%s.part.validator", j->staging, name);
	char *final = xasprintf("%s/%s", j->staging, name), now[32], hex[65];
	struct http_request rq = { 0 };
	struct http_response rs;
	struct part_info pi;
	struct origin o = { 0 };
	const char *problem;
	enum status rc;

	*unchanged = 0;
	read_part_info(info, &pi);
	if (strcmp(pi.url, url) != 0) {
		unlink(part);	/* part of something else */
		pi.etag[0] = pi.last_modified[0] = '\0';
	}
	rq.url = url;
	rq.headers = j->headers;
	rq.secret_header = j->secret_header;
	rq.etag = conditional ? had->etag : NULL;
	rq.last_modified = conditional ? had->last_modified : NULL;
	rq.max_bytes = max;
	rq.compressed = api_page;
	rq.label = j->src->name;
	rc = http_get_file(j->http, &rq, part, pi.etag, pi.last_modified, &rs);
	utc_now(now);
	if (rc != STATUS_OK) {
		snprintf(j->why, sizeof(j->why), "%s", rs.error);
		if (rs.bytes > 0 && !api_page)
			write_part_info(info, url, &rs);	/* resume it next time */
		else
			unlink(part);
		goto done;
	}
	if (rs.not_modified) {
		if (link(current, final) != 0 && !copy_file(current, final)) {
			snprintf(j->why, sizeof(j->why), "cannot keep %s: %s", current, strerror(errno));
			rc = STATUS_IO;
		}
		unlink(part);
		if (rc == STATUS_OK) {
			o = *had;
			o.checked = now;
			if (rs.etag[0])
				o.etag = rs.etag;
			if (rs.last_modified[0])
				o.last_modified = rs.last_modified;
			origin_put(&j->now, &o);
			*unchanged = 1;
			j->not_modified++;
		}
		goto done;
	}
	if ((problem = content_problem(part, j->src->kind)) != NULL) {
		snprintf(j->why, sizeof(j->why), "what %s sent %s", rs.final_url, problem);
		unlink(part);
		rc = STATUS_FORMAT;
		goto done;
	}
	if (sha256_of(part, hex) != STATUS_OK || rename(part, final) != 0) {
		snprintf(j->why, sizeof(j->why), "cannot keep %s: %s", final, strerror(errno));
		rc = STATUS_IO;
		goto done;
	}
	unlink(info);
	if (had && had->sha256 && strcmp(had->sha256, hex) == 0) {
		/* The same bytes again (an API page has no validators): still the old copy. */
		o = *had;
		o.checked = now;
		origin_put(&j->now, &o);
		j->bytes += rs.bytes;
		goto done;
	}
	o.file = (char *)name;
	o.url = (char *)url;
	o.fetched = now;
	o.checked = now;
	o.etag = rs.etag;
	o.last_modified = rs.last_modified;
	o.bytes = rs.bytes;
	o.sha256 = hex;
	origin_put(&j->now, &o);
	j->bytes += rs.bytes;
	j->changed++;
done:
	if (rc == STATUS_OK)
		j->files++;
	free(current);
	free(part);
	free(info);
	free(final);
	return rc;
}

/* --- addresses ----------------------------------------------------------------------------- */

/* s with every {token} replaced by value. */
static char *fill(const char *s, const char *token, const char *value)
{
	struct strbuf sb;
	size_t n = strlen(token);
	const char *at;

	strbuf_init(&sb);
	while ((at = strstr(s, token)) != NULL) {
		strbuf_add(&sb, s, (size_t)(at - s));
		strbuf_puts(&sb, value);
		s = at + n;
	}
	strbuf_puts(&sb, s);
	return strbuf_detach(&sb);
}

/* A safe local file name from a name or address (its last path segment). */
static char *file_name(const char *from, const char *fallback)
{
	const char *end = from + strcspn(from, "?#"), *start = end;
	char *name;
	size_t i;

	while (start > from && start[-1] != '/' && start[-1] != '=')
		start--;
	name = xstrndup(start, (size_t)(end - start));
	for (i = 0; name[i]; i++)
		if (!((name[i] >= 'a' && name[i] <= 'z') || (name[i] >= 'A' && name[i] <= 'Z') ||
		      (name[i] >= '0' && name[i] <= '9') || name[i] == '.' || name[i] == '-' ||
		      name[i] == '_'))
			name[i] = '_';
	while (name[0] == '.' || name[0] == '_')
		memmove(name, name + 1, strlen(name));
	if (!name[0] || strcmp(name, ORIGIN_FILE) == 0) {
		free(name);
		return xstrdup(fallback);
	}
	return name;
}

/* URL-decode %2F and friends in place (the file name inside ?fileName=...). */
static void percent_decode(char *s)
{
	char *out = s;

	for (; *s; s++) {
		if (s[0] == '%' && s[1] && s[2] && strchr("0123456789abcdefABCDEF", s[1]) &&
		    strchr("0123456789abcdefABCDEF", s[2])) {
			char hex[3] = { s[1], s[2], 0 };

			*out++ = (char)strtol(hex, NULL, 16);
			s += 2;
		} else {
			*out++ = *s;
		}
	}
	*out = '\0';
}

/* The address (and local name) of the newest file the source's index names. */
static enum status find_newest(struct job *j, char **url, char **name)
{
	const struct source *s = j->src;
	struct http_request rq = { 0 };
	struct http_response rs;
	struct discover_list list;
	const struct discover_candidate *c;
	struct strbuf body;
	char *matched = NULL, *ref, why[600];
	enum status rc;

	*url = *name = NULL;
	strbuf_init(&body);
	rq.url = s->index;
	rq.headers = j->headers;
	rq.secret_header = j->secret_header;
	rq.max_bytes = MAX_INDEX;
	rq.compressed = 1;
	rq.label = s->name;
	rc = http_get_memory(j->http, &rq, &body, &rs);
	if (rc != STATUS_OK) {
		snprintf(j->why, sizeof(j->why), "cannot read the index: %s", rs.error);
		strbuf_done(&body);
		return rc;
	}
	if (s->find == SOURCE_FIND_JSON)
		rc = discover_json(body.buf, body.len, s->find_records, s->find_field,
				   s->find_match_field, &list, why, sizeof(why));
	else
		discover_links(body.buf, body.len, &list);
	if (rc == STATUS_OK)
		rc = discover_pick(&list, s->match, s->pick == SOURCE_PICK_NEWEST, &c, &matched, why,
				   sizeof(why));
	if (rc != STATUS_OK) {
		snprintf(j->why, sizeof(j->why), "the index %s: %s", rs.final_url, why);
	} else {
		ref = fill(s->url, "{found}", c->value);
		*url = discover_resolve(rs.final_url, ref);
		free(ref);
		if (!*url) {
			snprintf(j->why, sizeof(j->why), "the index names \"%s\", which is not an "
				 "address", c->value);
			rc = STATUS_FORMAT;
		} else {
			percent_decode(matched);
			*name = s->file ? xstrdup(s->file) :
				!strchr(matched, '/') && strchr(matched, '.') ?
				file_name(matched, s->name) : file_name(*url, s->name);
		}
	}
	free(matched);
	discover_list_free(&list);
	strbuf_done(&body);
	return rc;
}

/* --- kinds of source ----------------------------------------------------------------------- */

static enum status fetch_dated(struct job *j)
{
	enum status rc = STATUS_NOT_FOUND;
	int day, unchanged;

	for (day = 0; day < j->src->dates && rc == STATUS_NOT_FOUND; day++) {
		time_t t = time(NULL) - (time_t)day * 86400;
		struct tm tm;
		char date[16], *url, *name;

		gmtime_r(&t, &tm);
		strftime(date, sizeof(date), "%Y%m%d", &tm);
		url = fill(j->src->url, "{date}", date);
		name = j->src->file ? xstrdup(j->src->file) : file_name(url, j->src->name);
		rc = get_file(j, url, name, j->src->max_size, 0, &unchanged);
		free(url);
		free(name);
	}
	if (rc == STATUS_NOT_FOUND)
		snprintf(j->why + strlen(j->why), sizeof(j->why) - strlen(j->why),
			 " (tried the last %d days)", j->src->dates);
	return rc;
}

static long page_count(struct job *j, const char *path)
{
	struct strbuf text;
	struct json_doc *doc = NULL;
	char err[300], *value = NULL;
	long pages = -1;

	strbuf_init(&text);
	if (safefile_read(path, (size_t)MAX_PAGE, &text, err, sizeof(err)) == STATUS_OK &&
	    json_doc_open(text.buf, text.len, &doc, err, sizeof(err)) == STATUS_OK &&
	    (value = json_doc_value(doc, j->src->pages)) != NULL)
		pages = strtol(value, NULL, 10);
	if (pages < 0)
		snprintf(j->why, sizeof(j->why), "page 1 does not say how many pages there are "
			 "(%s)", j->src->pages);
	free(value);
	json_doc_free(doc);
	strbuf_done(&text);
	return pages;
}

static enum status fetch_pages(struct job *j)
{
	const struct source *s = j->src;
	long pages = 1, page;
	enum status rc = STATUS_OK;
	char *base = s->file ? xstrdup(s->file) : xstrdup(s->name);
	char *dot = strrchr(base, '.');

	if (dot)
		*dot = '\0';
	for (page = 1; page <= pages && rc == STATUS_OK; page++) {
		char number[24], *url, *name, *path;
		int unchanged;

		snprintf(number, sizeof(number), "%ld", page);
		url = fill(s->url, "{page}", number);
		name = xasprintf("%s-page-%04ld.json", base, page);
		if (page > 1 && s->page_delay_ms > 0)
			usleep((useconds_t)s->page_delay_ms * 1000);
		if (s->max_size - j->bytes <= 0) {
			snprintf(j->why, sizeof(j->why), "the pages add up to more than max_size");
			rc = STATUS_FORMAT;
		} else {
			rc = get_file(j, url, name, s->max_size - j->bytes < MAX_PAGE ?
				      s->max_size - j->bytes : MAX_PAGE, 1, &unchanged);
		}
		if (rc == STATUS_OK && page == 1) {
			path = xasprintf("%s/%s", j->staging, name);
			pages = page_count(j, path);
			free(path);
			if (pages < 0) {
				rc = STATUS_FORMAT;
			} else if (pages > s->max_pages) {
				snprintf(j->why, sizeof(j->why), "the API has %ld pages, more than "
					 "max_pages (%d) allows", pages, s->max_pages);
				rc = STATUS_FORMAT;
			}
		}
		free(url);
		free(name);
	}
	free(base);
	return rc;
}

/* --- one source ---------------------------------------------------------------------------- */

static enum status prepare_key(struct job *j)
{
	enum status rc;

	if (!j->src->key)
		return STATUS_OK;
	rc = apikey_get(j->src->key, j->o->keys_file, &j->key, j->key_from, sizeof(j->key_from),
			j->why, sizeof(j->why));
	if (rc == STATUS_OK)
		j->secret_header = xasprintf("%s: %s", j->src->key_header, j->key);
	return rc;
}

static void say(struct job *j, const char *what, const char *detail)
{
	fprintf(j->o->out, "%-24s %s%s%s\n", j->src->name, what, detail && *detail ? ": " : "",
		detail ? detail : "");
	fflush(j->o->out);
}

static void report(struct job *j, enum status rc, struct fetch_summary *sum)
{
	struct strbuf sb, size;
	const struct origin *first = j->now.count ? &j->now.items[0] : NULL;

	strbuf_init(&sb);
	strbuf_init(&size);
	format_bytes(&size, j->bytes);
	if (rc != STATUS_OK) {
		strbuf_puts(&sb, j->why);
		if (j->before.count)
			strbuf_printf(&sb, "; the copy fetched %.10s is kept", j->before.items[0].fetched);
		else
			strbuf_puts(&sb, "; nothing was saved");
		say(j, "FAILED", sb.buf);
		sum->failed++;
	} else if (!j->changed) {
		if (j->files == 1)
			strbuf_printf(&sb, "%s", first->file);
		else
			strbuf_printf(&sb, "%d files", j->files);
		say(j, j->not_modified == j->files ? "unchanged (304)" : "unchanged", sb.buf);
		sum->unchanged++;
	} else {
		if (j->files == 1)
			strbuf_printf(&sb, "%s (%s)", first->file, size.buf);
		else
			strbuf_printf(&sb, "%d files, %d new or changed (%s)", j->files, j->changed,
				      size.buf);
		say(j, "fetched", sb.buf);
		sum->fetched++;
	}
	strbuf_done(&sb);
	strbuf_done(&size);
}

static enum status run_job(struct job *j)
{
	const struct source *s = j->src;
	char err[600], *origin_path, *url = NULL, *name = NULL;
	struct strbuf text;
	enum status rc;
	int unchanged;

	mend(j->o->to, s->name);
	if ((rc = safefile_make_folder(j->staging, 0755, j->why, sizeof(j->why))) != STATUS_OK)
		return rc;
	clear_folder(j->staging, 1, 0);	/* keep only parts to resume */
	origin_path = xasprintf("%s/%s", j->dir, ORIGIN_FILE);
	if (origin_read(origin_path, &j->before, err, sizeof(err)) == STATUS_FORMAT)
		fprintf(j->o->err, "careers: %s (fetching everything again)\n", err);
	free(origin_path);
	if (s->pages) {
		rc = fetch_pages(j);
	} else if (s->dates) {
		rc = fetch_dated(j);
	} else {
		if (s->find != SOURCE_FIND_NONE) {
			rc = find_newest(j, &url, &name);
		} else {
			url = xstrdup(s->url);
			name = s->file ? xstrdup(s->file) : file_name(s->url, s->name);
		}
		if (rc == STATUS_OK)
			rc = get_file(j, url, name, s->max_size, 0, &unchanged);
	}
	free(url);
	free(name);
	if (rc == STATUS_OK) {
		strbuf_init(&text);
		origin_write(&j->now, s->name, &text);
		origin_path = xasprintf("%s/%s", j->staging, ORIGIN_FILE);
		rc = safefile_write(origin_path, text.buf, text.len, 0644, j->why, sizeof(j->why));
		free(origin_path);
		strbuf_done(&text);
	}
	if (rc == STATUS_OK)
		rc = swap_folders(j);
	return rc;
}

/* Print what would be fetched, resolving the newest file through its index. */
static void dry_run(struct job *j, struct fetch_summary *sum)
{
	const struct source *s = j->src;
	char *url = NULL, *name = NULL;
	enum status rc = STATUS_OK;

	fprintf(j->o->out, "%-24s %s\n%-24s %s; %s; changes %s; %s\n", s->name, s->title, "",
		s->publisher, s->licence, s->changes, s->format ? s->format : "(format not read yet)");
	if (s->key && j->key)
		fprintf(j->o->out, "%-24s API key %s: found in %s\n", "", s->key, j->key_from);
	else if (s->key)
		fprintf(j->o->out, "%-24s API key %s: MISSING: it %s\n", "", s->key, j->why);
	if (s->find != SOURCE_FIND_NONE && (!s->key || j->key)) {
		rc = find_newest(j, &url, &name);
		if (rc == STATUS_OK)
			fprintf(j->o->out, "%-24s newest: %s\n%-24s saved as %s/%s\n", "", url, "",
				j->dir, name);
		else
			fprintf(j->o->out, "%-24s cannot find the newest file: %s\n", "", j->why);
	} else {
		fprintf(j->o->out, "%-24s from %s%s\n%-24s into %s/\n", "", s->find ? s->index : s->url,
			s->pages ? " (every page)" : s->dates ? " (today's, or the days before)" : "",
			"", j->dir);
	}
	if (rc != STATUS_OK || (s->key && !j->key))
		sum->failed++;
	else
		sum->unchanged++;
	free(url);
	free(name);
}

static void job_done(struct job *j)
{
	apikey_free(j->key);
	apikey_free(j->secret_header);
	free(j->headers);
	free(j->dir);
	free(j->staging);
	origin_list_free(&j->before);
	origin_list_free(&j->now);
}

static int wanted(const struct fetch_options *o, const struct source *s)
{
	size_t i;

	if (!o->only_count)
		return s->enabled;
	for (i = 0; i < o->only_count; i++)
		if (strcmp(o->only[i], s->name) == 0)
			return 1;
	return 0;
}

enum status fetch_run(const struct fetch_options *o, struct fetch_summary *sum)
{
	struct source_list list;
	struct http *http;
	char err[600];
	size_t i, k;
	enum status rc;

	memset(sum, 0, sizeof(*sum));
	if ((rc = source_list_read(o->sources, &list, err, sizeof(err))) != STATUS_OK) {
		fprintf(o->err, "careers: %s\n", err);
		return rc;
	}
	for (i = 0; i < o->only_count; i++)
		if (!source_list_find(&list, o->only[i])) {
			fprintf(o->err, "careers: %s lists no source \"%s\"; it lists:", o->sources,
				o->only[i]);
			for (k = 0; k < list.count; k++)
				fprintf(o->err, " %s", list.items[k].name);
			fputc('\n', o->err);
			source_list_free(&list);
			return STATUS_USAGE;
		}
	/* (Before the folder is made: without libcurl nothing is done at all.) */
	if (!(http = http_new(&o->http, err, sizeof(err)))) {
		fprintf(o->err, "careers: %s\n", err);
		source_list_free(&list);
		return STATUS_IO;
	}
	if (!o->dry_run && (rc = safefile_make_folder(o->to, 0755, err, sizeof(err))) != STATUS_OK) {
		fprintf(o->err, "careers: %s\n", err);
		http_free(http);
		source_list_free(&list);
		return rc;
	}
	for (i = 0; i < list.count; i++) {
		struct job j;

		memset(&j, 0, sizeof(j));
		j.o = o;
		j.src = &list.items[i];
		j.http = http;
		if (!wanted(o, j.src)) {
			if (!o->only_count)
				say(&j, o->dry_run ? "not enabled" : "skipped", o->dry_run ?
				    "careers fetch --only NAME fetches it anyway" :
				    "not enabled in the list of sources");
			sum->skipped++;
			continue;
		}
		j.dir = xasprintf("%s/%s", o->to, j.src->name);
		j.staging = xasprintf("%s/.%s.partial", o->to, j.src->name);
		j.headers = xcalloc(j.src->header_count + 1, sizeof(*j.headers));
		for (k = 0; k < j.src->header_count; k++)
			j.headers[k] = j.src->headers[k];
		rc = prepare_key(&j);
		if (o->dry_run)
			dry_run(&j, sum);
		else
			report(&j, rc == STATUS_OK ? run_job(&j) : rc, sum);
		job_done(&j);
	}
	http_free(http);
	if (!o->dry_run)
		fprintf(o->out, "careers fetch: %d fetched, %d unchanged, %d failed, %d skipped; "
			"files in %s\n", sum->fetched, sum->unchanged, sum->failed, sum->skipped, o->to);
	source_list_free(&list);
	return STATUS_OK;
}
