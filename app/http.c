/*
 * http.c - downloads over HTTP(S) on libcurl: see http.h for the contract.
 *
 * Design notes. One attempt is a chain of requests: libcurl's own
 * redirect following is off, so that every hop can be checked (no
 * downgrade to http, only http and https, the secret header only to the
 * first host) and counted. Attempts are separated by a backoff; each
 * attempt starts again from the first address, and resumes the body from
 * what the file already holds when the server named a validator that
 * If-Range can check.
 *
 * The body is written with write(2), not stdio, so that a full disk is
 * reported by the write that failed. Bodies of error responses are read
 * and dropped: an HTML error page never lands in a data file.
 */
#include "http.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "dynlib.h"
#include "format.h"

#define DEFAULT_CONNECT_TIMEOUT 30
#define DEFAULT_STALL_TIMEOUT 60
#define DEFAULT_RETRIES 4
#define DEFAULT_MAX_WAIT 600
#define MAX_BACKOFF_MS 60000L

struct http {
	const struct dynlib_curl *lib;	/* libcurl, loaded (dynlib.h) */
	CURL *curl;
	struct http_options o;
	long backoff_ms;
	unsigned long long seed;	/* for jitter */
};

/* One request of an attempt: where its body goes and what came back. */
struct transfer {
	struct http *h;
	const struct http_request *rq;
	int fd;				/* the file, or -1 */
	struct strbuf *mem;		/* or memory */
	long long offset;		/* bytes already there when the request started */
	long long written;		/* bytes in the destination now */
	int decided;			/* the status of this response is known */
	int keep;			/* this response's body is the one we want */
	int too_big, bad_range, write_errno;
	char etag[256], last_modified[64], content_type[128];
	long long range_start;		/* from Content-Range, -1 when none */
	long long content_length;	/* from Content-Length, -1 when none */
	/* progress */
	double last_draw;
};

struct http *http_new(const struct http_options *options, char *err, size_t errlen)
{
	const struct dynlib_curl *lib = dynlib_curl(err, errlen);
	const char *env = getenv("CAREERS_HTTP_BACKOFF_MS");
	struct http *h;

	if (!lib)
		return NULL;
	h = xcalloc(1, sizeof(*h));
	h->lib = lib;
	if (options)
		h->o = *options;
	if (h->o.connect_timeout <= 0)
		h->o.connect_timeout = DEFAULT_CONNECT_TIMEOUT;
	if (h->o.stall_timeout <= 0)
		h->o.stall_timeout = DEFAULT_STALL_TIMEOUT;
	if (h->o.retries < 0)
		h->o.retries = DEFAULT_RETRIES;
	if (h->o.max_wait <= 0)
		h->o.max_wait = DEFAULT_MAX_WAIT;
	h->backoff_ms = env && atol(env) > 0 ? atol(env) : 1000;
	h->curl = lib->easy_init();
	if (!h->curl)
		mem_fatal("cannot start libcurl");
	h->seed = (unsigned long long)time(NULL) * 6364136223846793005ULL ^ (unsigned long long)getpid();
	return h;
}

void http_free(struct http *h)
{
	if (!h)
		return;
	h->lib->easy_cleanup(h->curl);
	free(h);
}

const char *http_reason(long status)
{
	switch (status) {
	case 304: return "Not Modified";
	case 400: return "Bad Request";
	case 401: return "Unauthorized";
	case 403: return "Forbidden";
	case 404: return "Not Found";
	case 408: return "Request Timeout";
	case 410: return "Gone";
	case 416: return "Range Not Satisfiable";
	case 429: return "Too Many Requests";
	case 500: return "Internal Server Error";
	case 502: return "Bad Gateway";
	case 503: return "Service Unavailable";
	case 504: return "Gateway Timeout";
	default: return "";
	}
}

static double now_seconds(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

static void sleep_ms(long ms)
{
	struct timespec ts = { ms / 1000, (ms % 1000) * 1000000L };

	while (nanosleep(&ts, &ts) != 0 && errno == EINTR)
		;
}

static const char *size_text(long long bytes, char *buf, size_t len)
{
	struct strbuf sb;

	strbuf_init(&sb);
	format_bytes(&sb, bytes);
	snprintf(buf, len, "%s", sb.buf);
	strbuf_done(&sb);
	return buf;
}

/* --- callbacks ---------------------------------------------------------------- */

static void copy_header_value(char *out, size_t outlen, const char *value, size_t n)
{
	while (n && (value[n - 1] == '\r' || value[n - 1] == '\n' || value[n - 1] == ' '))
		n--;
	while (n && (*value == ' ' || *value == '\t')) {
		value++;
		n--;
	}
	if (n >= outlen)
		n = outlen - 1;
	memcpy(out, value, n);
	out[n] = '\0';
}

static size_t on_header(char *line, size_t size, size_t count, void *ctx)
{
	struct transfer *t = ctx;
	size_t n = size * count;
	const char *colon = memchr(line, ':', n);
	size_t name_len = colon ? (size_t)(colon - line) : 0;

	if (n >= 5 && strncmp(line, "HTTP/", 5) == 0) {
		/* A new response (after a 100 Continue, say): forget the last one's headers. */
		t->etag[0] = t->last_modified[0] = t->content_type[0] = '\0';
		t->range_start = t->content_length = -1;
		return n;
	}
	if (!colon)
		return n;
	if (name_len == 4 && strncasecmp(line, "ETag", 4) == 0)
		copy_header_value(t->etag, sizeof(t->etag), colon + 1, n - name_len - 1);
	else if (name_len == 13 && strncasecmp(line, "Last-Modified", 13) == 0)
		copy_header_value(t->last_modified, sizeof(t->last_modified), colon + 1,
				  n - name_len - 1);
	else if (name_len == 12 && strncasecmp(line, "Content-Type", 12) == 0)
		copy_header_value(t->content_type, sizeof(t->content_type), colon + 1,
				  n - name_len - 1);
	else if (name_len == 14 && strncasecmp(line, "Content-Length", 14) == 0)
		t->content_length = strtoll(colon + 1, NULL, 10);
	else if (name_len == 13 && strncasecmp(line, "Content-Range", 13) == 0) {
		char value[128];
		long long start;

		copy_header_value(value, sizeof(value), colon + 1, n - name_len - 1);
		if (sscanf(value, "bytes %lld-", &start) == 1)
			t->range_start = start;
	}
	return n;
}

static int write_all(int fd, const char *p, size_t n)
{
	while (n) {
		ssize_t w = write(fd, p, n);

		if (w < 0) {
			if (errno == EINTR)
				continue;
			return -1;
		}
		p += w;
		n -= (size_t)w;
	}
	return 0;
}

/* Decide, at the first byte of a body, whether it is the one we want and where it goes. */
static int decide(struct transfer *t)
{
	long code = 0;

	t->decided = 1;
	t->h->lib->easy_getinfo(t->h->curl, CURLINFO_RESPONSE_CODE, &code);
	if (code == 206 && t->offset > 0 && t->range_start == t->offset) {
		t->keep = 1;
		return 0;
	}
	if (code == 206) {
		t->bad_range = 1;	/* not the part we asked for */
		return -1;
	}
	if (code != 200) {
		t->keep = 0;		/* an error page, a redirect's body: dropped */
		return 0;
	}
	t->keep = 1;
	if (t->offset > 0) {
		/* The server sends the whole body again: start the file again. */
		if (t->fd >= 0 && (ftruncate(t->fd, 0) != 0 || lseek(t->fd, 0, SEEK_SET) != 0)) {
			t->write_errno = errno;
			return -1;
		}
		if (t->mem)
			strbuf_reset(t->mem);
		t->offset = t->written = 0;
	}
	return 0;
}

static size_t on_body(char *p, size_t size, size_t count, void *ctx)
{
	struct transfer *t = ctx;
	size_t n = size * count;

	if (!t->decided && decide(t) != 0)
		return 0;
	if (!t->keep)
		return n;
	if (t->rq->max_bytes > 0 && t->written + (long long)n > t->rq->max_bytes) {
		t->too_big = 1;
		return 0;
	}
	if (t->fd >= 0) {
		if (write_all(t->fd, p, n) != 0) {
			t->write_errno = errno;
			return 0;
		}
	} else {
		strbuf_add(t->mem, p, n);
	}
	t->written += (long long)n;
	return n;
}

static int on_progress(void *ctx, curl_off_t dltotal, curl_off_t dlnow, curl_off_t ultotal,
		       curl_off_t ulnow)
{
	struct transfer *t = ctx;
	double now = now_seconds();
	char have[32], total[32], bar[32];
	long long done = t->offset + (long long)dlnow, all = dltotal ? t->offset + dltotal : 0;
	const char *label = t->rq->label ? t->rq->label : "";
	int width = 24, filled, i;

	(void)ultotal;
	(void)ulnow;
	if (!t->h->o.progress || !t->keep || now - t->last_draw < 0.2)
		return 0;
	t->last_draw = now;
	size_text(done, have, sizeof(have));
	if (all > 0) {
		filled = done >= all ? width : (int)((double)width * (double)done / (double)all);
		for (i = 0; i < width; i++)
			bar[i] = i < filled ? '#' : '.';
		bar[width] = '\0';
		fprintf(stderr, "\r  %-22.22s [%s] %3d%%  %s of %s\033[K", label, bar,
			(int)(100.0 * (double)done / (double)all), have,
			size_text(all, total, sizeof(total)));
	} else {
		fprintf(stderr, "\r  %-22.22s %s\033[K", label, have);
	}
	fflush(stderr);
	return 0;
}

/* --- one request ---------------------------------------------------------------- */

/* Scheme and host of url, lower case; 0 when it cannot be parsed. */
static int url_parts(const struct dynlib_curl *lib, const char *url, char *scheme, size_t slen,
		     char *host, size_t hlen)
{
	CURLU *u = lib->url();
	char *s = NULL, *hst = NULL;
	int ok;

	ok = u && lib->url_set(u, CURLUPART_URL, url, 0) == CURLUE_OK &&
	     lib->url_get(u, CURLUPART_SCHEME, &s, 0) == CURLUE_OK &&
	     lib->url_get(u, CURLUPART_HOST, &hst, 0) == CURLUE_OK;
	if (ok) {
		size_t i;

		snprintf(scheme, slen, "%s", s);
		snprintf(host, hlen, "%s", hst);
		for (i = 0; host[i]; i++)
			if (host[i] >= 'A' && host[i] <= 'Z')
				host[i] = (char)(host[i] - 'A' + 'a');
	}
	lib->free(s);
	lib->free(hst);
	lib->url_cleanup(u);
	return ok;
}

/*
 * One request to url, body appended to the destination from t->offset.
 * Returns the curl result; *redirect gets the next address of a 3xx.
 */
static CURLcode request(struct transfer *t, const char *url, int send_secret,
			const char *if_range, char **redirect, char *errbuf)
{
	struct http *h = t->h;
	const struct dynlib_curl *lib = h->lib;
	CURL *c = h->curl;
	struct curl_slist *list = NULL;
	const char *const *hd;
	char line[600], range[48];
	char *next = NULL;
	CURLcode rc;

	lib->easy_reset(c);
	t->decided = t->keep = t->too_big = t->bad_range = t->write_errno = 0;
	t->etag[0] = t->last_modified[0] = t->content_type[0] = '\0';
	t->range_start = t->content_length = -1;
	t->written = t->offset;
	lib->easy_setopt(c, CURLOPT_URL, url);
	lib->easy_setopt(c, CURLOPT_PROTOCOLS_STR, "http,https");
	lib->easy_setopt(c, CURLOPT_FOLLOWLOCATION, 0L);
	lib->easy_setopt(c, CURLOPT_SSL_VERIFYPEER, 1L);
	lib->easy_setopt(c, CURLOPT_SSL_VERIFYHOST, 2L);
	if (h->o.ca_file)
		lib->easy_setopt(c, CURLOPT_CAINFO, h->o.ca_file);
	lib->easy_setopt(c, CURLOPT_NOSIGNAL, 1L);
	lib->easy_setopt(c, CURLOPT_CONNECTTIMEOUT, h->o.connect_timeout);
	lib->easy_setopt(c, CURLOPT_LOW_SPEED_LIMIT, (long)HTTP_STALL_RATE);
	lib->easy_setopt(c, CURLOPT_LOW_SPEED_TIME, h->o.stall_timeout);
	lib->easy_setopt(c, CURLOPT_USERAGENT, "careers/" CAREERS_VERSION " (careers guidance open data)");
	lib->easy_setopt(c, CURLOPT_ERRORBUFFER, errbuf);
	lib->easy_setopt(c, CURLOPT_HEADERFUNCTION, on_header);
	lib->easy_setopt(c, CURLOPT_HEADERDATA, t);
	lib->easy_setopt(c, CURLOPT_WRITEFUNCTION, on_body);
	lib->easy_setopt(c, CURLOPT_WRITEDATA, t);
	lib->easy_setopt(c, CURLOPT_XFERINFOFUNCTION, on_progress);
	lib->easy_setopt(c, CURLOPT_XFERINFODATA, t);
	lib->easy_setopt(c, CURLOPT_NOPROGRESS, 0L);
	if (t->rq->compressed)
		lib->easy_setopt(c, CURLOPT_ACCEPT_ENCODING, "");
	if (t->rq->max_bytes > 0)
		lib->easy_setopt(c, CURLOPT_MAXFILESIZE_LARGE,
				 (curl_off_t)(t->rq->max_bytes - t->offset));
	for (hd = t->rq->headers; hd && *hd; hd++)
		list = lib->slist_append(list, *hd);
	if (send_secret && t->rq->secret_header)
		list = lib->slist_append(list, t->rq->secret_header);
	if (t->offset > 0) {
		snprintf(range, sizeof(range), "%lld-", t->offset);
		lib->easy_setopt(c, CURLOPT_RANGE, range);
		snprintf(line, sizeof(line), "If-Range: %s", if_range);
		list = lib->slist_append(list, line);
	} else {
		if (t->rq->etag && *t->rq->etag) {
			snprintf(line, sizeof(line), "If-None-Match: %s", t->rq->etag);
			list = lib->slist_append(list, line);
		}
		if (t->rq->last_modified && *t->rq->last_modified) {
			snprintf(line, sizeof(line), "If-Modified-Since: %s", t->rq->last_modified);
			list = lib->slist_append(list, line);
		}
	}
	lib->easy_setopt(c, CURLOPT_HTTPHEADER, list);
	errbuf[0] = '\0';
	rc = lib->easy_perform(c);
	lib->slist_free_all(list);
	*redirect = NULL;
	if (rc == CURLE_OK && lib->easy_getinfo(c, CURLINFO_REDIRECT_URL, &next) == CURLE_OK && next)
		*redirect = xstrdup(next);
	return rc;
}

/* --- attempts ---------------------------------------------------------------------- */

enum verdict { DONE, RETRY, FAIL };

static long jitter(struct http *h, long ms)
{
	/* xorshift: enough to keep many clients from retrying in step */
	h->seed ^= h->seed << 13;
	h->seed ^= h->seed >> 7;
	h->seed ^= h->seed << 17;
	return ms / 2 + (long)(h->seed % (unsigned long long)(ms / 2 + 1));
}

static void describe_curl_error(struct transfer *t, CURLcode rc, const char *errbuf,
				const char *url, struct http_response *rs)
{
	char host[256] = "", scheme[16], a[32], b[32];
	double connect_time = 0;
	long long expected = 0;
	curl_off_t cl = -1;
	const struct dynlib_curl *lib = t->h->lib;

	url_parts(lib, url, scheme, sizeof(scheme), host, sizeof(host));
	switch (rc) {
	case CURLE_PEER_FAILED_VERIFICATION:
#if CURLE_SSL_CACERT != CURLE_PEER_FAILED_VERIFICATION
	case CURLE_SSL_CACERT:
#endif
	case CURLE_SSL_CACERT_BADFILE:
	case CURLE_SSL_CONNECT_ERROR:
		snprintf(rs->error, sizeof(rs->error),
			 "the server %s could not prove who it is (%s); nothing was downloaded "
			 "from it", host, errbuf[0] ? errbuf : lib->easy_strerror(rc));
		break;
	case CURLE_OPERATION_TIMEDOUT:
		lib->easy_getinfo(t->h->curl, CURLINFO_CONNECT_TIME, &connect_time);
		if (connect_time <= 0)
			snprintf(rs->error, sizeof(rs->error), "could not connect to %s within %ld s",
				 host, t->h->o.connect_timeout);
		else
			snprintf(rs->error, sizeof(rs->error),
				 "the download from %s stalled: less than %d bytes a second for %ld s",
				 host, HTTP_STALL_RATE, t->h->o.stall_timeout);
		break;
	case CURLE_PARTIAL_FILE:
		lib->easy_getinfo(t->h->curl, CURLINFO_CONTENT_LENGTH_DOWNLOAD_T, &cl);
		expected = cl > 0 ? t->offset + (long long)cl : 0;
		if (expected > 0)
			snprintf(rs->error, sizeof(rs->error),
				 "the connection to %s was cut: %s of %s arrived", host,
				 size_text(t->written, a, sizeof(a)), size_text(expected, b, sizeof(b)));
		else
			snprintf(rs->error, sizeof(rs->error),
				 "the connection to %s was cut after %s", host,
				 size_text(t->written, a, sizeof(a)));
		break;
	case CURLE_FILESIZE_EXCEEDED:
		snprintf(rs->error, sizeof(rs->error),
			 "%s offers %s, more than the limit of %s for this download; refused",
			 host, t->content_length > 0 ?
			 size_text(t->offset + t->content_length, a, sizeof(a)) : "a file",
			 size_text(t->rq->max_bytes, b, sizeof(b)));
		break;
	case CURLE_WRITE_ERROR:
		if (t->too_big)
			snprintf(rs->error, sizeof(rs->error),
				 "the download from %s grew past the limit of %s; stopped", host,
				 size_text(t->rq->max_bytes, a, sizeof(a)));
		else if (t->bad_range)
			snprintf(rs->error, sizeof(rs->error),
				 "%s sent a different part of the file than asked for", host);
		else if (t->write_errno == ENOSPC || t->write_errno == EDQUOT ||
			 t->write_errno == EFBIG)
			snprintf(rs->error, sizeof(rs->error),
				 "no room to save the download (%s) after %s", strerror(t->write_errno),
				 size_text(t->written, a, sizeof(a)));
		else
			snprintf(rs->error, sizeof(rs->error), "cannot save the download: %s",
				 t->write_errno ? strerror(t->write_errno) : "write refused");
		break;
	case CURLE_COULDNT_RESOLVE_HOST:
		snprintf(rs->error, sizeof(rs->error),
			 "cannot find the server %s (no network, or a mistyped address?)", host);
		break;
	case CURLE_COULDNT_CONNECT:
		snprintf(rs->error, sizeof(rs->error), "cannot connect to %s: %s", host,
			 errbuf[0] ? errbuf : lib->easy_strerror(rc));
		break;
	case CURLE_UNSUPPORTED_PROTOCOL:
		snprintf(rs->error, sizeof(rs->error), "only http and https addresses are used: %s",
			 url);
		break;
	default:
		snprintf(rs->error, sizeof(rs->error), "%s: %s", host[0] ? host : url,
			 errbuf[0] ? errbuf : lib->easy_strerror(rc));
	}
}

static int retryable_curl(CURLcode rc, const struct transfer *t)
{
	switch (rc) {
	case CURLE_OPERATION_TIMEDOUT:
	case CURLE_PARTIAL_FILE:
	case CURLE_RECV_ERROR:
	case CURLE_SEND_ERROR:
	case CURLE_GOT_NOTHING:
	case CURLE_COULDNT_CONNECT:
	case CURLE_COULDNT_RESOLVE_HOST:
		return 1;
	case CURLE_WRITE_ERROR:
		return t->bad_range;	/* ask again from the start */
	default:
		return 0;
	}
}

/*
 * One attempt: the first request and its redirects. Fills rs; *wait_ms is
 * how long to wait before the next attempt (0: the usual backoff).
 */
static enum verdict attempt(struct transfer *t, const char *if_range, struct http_response *rs,
			    long *wait_ms)
{
	struct http *h = t->h;
	char *url = xstrdup(t->rq->url), *next = NULL;
	char first_host[256] = "", scheme[16], host[256], next_scheme[16], next_host[256];
	char errbuf[CURL_ERROR_SIZE];
	enum verdict v = FAIL;
	int hop;
	CURLcode rc;

	*wait_ms = 0;
	if (!url_parts(h->lib, url, scheme, sizeof(scheme), first_host, sizeof(first_host))) {
		snprintf(rs->error, sizeof(rs->error), "not a web address: %s", url);
		free(url);
		return FAIL;
	}
	for (hop = 0;; hop++) {
		url_parts(h->lib, url, scheme, sizeof(scheme), host, sizeof(host));
		rc = request(t, url, strcmp(host, first_host) == 0, if_range, &next, errbuf);
		snprintf(rs->final_url, sizeof(rs->final_url), "%s", url);
		rs->status = 0;
		h->lib->easy_getinfo(h->curl, CURLINFO_RESPONSE_CODE, &rs->status);
		if (rc != CURLE_OK) {
			describe_curl_error(t, rc, errbuf, url, rs);
			v = retryable_curl(rc, t) ? RETRY : FAIL;
			if (t->bad_range) {
				t->offset = 0;
				t->keep = 0;
			}
			break;
		}
		if (!next) {
			v = DONE;
			break;
		}
		if (hop >= HTTP_MAX_REDIRECTS) {
			snprintf(rs->error, sizeof(rs->error),
				 "more than %d redirects starting at %s (a redirect loop?)",
				 HTTP_MAX_REDIRECTS, t->rq->url);
			free(next);
			break;
		}
		if (!url_parts(h->lib, next, next_scheme, sizeof(next_scheme), next_host, sizeof(next_host)) ||
		    (strcmp(next_scheme, "http") != 0 && strcmp(next_scheme, "https") != 0)) {
			snprintf(rs->error, sizeof(rs->error), "%s redirects to %s, which is not a "
				 "web address", url, next);
			free(next);
			break;
		}
		if (strcmp(scheme, "https") == 0 && strcmp(next_scheme, "http") == 0) {
			snprintf(rs->error, sizeof(rs->error),
				 "%s redirects from https to plain http (%s); refused", host, next);
			free(next);
			break;
		}
		free(url);
		url = next;
	}
	if (v == DONE) {
		long status = rs->status;
		curl_off_t retry_after = 0;

		if (status == 200 || status == 206 || status == 304) {
			free(url);
			return DONE;
		}
		snprintf(rs->error, sizeof(rs->error), "HTTP %ld%s%s from %s", status,
			 *http_reason(status) ? " " : "", http_reason(status), url);
		if (status == 401 || status == 403)
			snprintf(rs->error + strlen(rs->error), sizeof(rs->error) - strlen(rs->error),
				 "%s", t->rq->secret_header ? " (is the API key right?)" : "");
		v = FAIL;
		if (status == 408 || status == 429 || (status >= 500 && status <= 599 && status != 501)) {
			v = RETRY;
			h->lib->easy_getinfo(h->curl, CURLINFO_RETRY_AFTER, &retry_after);
			if (retry_after > 0 && retry_after > h->o.max_wait) {
				snprintf(rs->error + strlen(rs->error),
					 sizeof(rs->error) - strlen(rs->error),
					 ": the server asks us to wait %ld s, longer than %ld s; try "
					 "again later", (long)retry_after, h->o.max_wait);
				v = FAIL;
			} else if (retry_after > 0) {
				*wait_ms = (long)retry_after * 1000;
			}
		}
	}
	free(url);
	return v;
}

/* The validator If-Range can use: a strong ETag, else Last-Modified; NULL when neither. */
static const char *range_validator(const char *etag, const char *last_modified)
{
	if (etag && *etag && strncmp(etag, "W/", 2) != 0)
		return etag;
	if (last_modified && *last_modified)
		return last_modified;
	return NULL;
}

static int start_again(int fd, struct strbuf *mem)
{
	if (mem)
		strbuf_reset(mem);
	return fd < 0 || (ftruncate(fd, 0) == 0 && lseek(fd, 0, SEEK_SET) == 0) ? 0 : -1;
}

static enum status run(struct http *h, const struct http_request *rq, int fd, struct strbuf *mem,
		       long long offset, const char *partial_etag, const char *partial_lm,
		       struct http_response *rs)
{
	struct transfer t;
	const char *validator = range_validator(partial_etag, partial_lm);
	char if_range[256];
	long wait_ms, backoff = h->backoff_ms;
	int restarted = 0;
	enum verdict v;

	memset(rs, 0, sizeof(*rs));
	memset(&t, 0, sizeof(t));
	t.h = h;
	t.rq = rq;
	t.fd = fd;
	t.mem = mem;
	t.offset = validator ? offset : 0;
	snprintf(if_range, sizeof(if_range), "%s", validator ? validator : "");
	if (t.offset == 0 && offset > 0 && start_again(fd, mem) != 0) {
		snprintf(rs->error, sizeof(rs->error), "cannot start the download again: %s",
			 strerror(errno));
		return STATUS_IO;
	}
	for (;;) {
		rs->attempts++;
		rs->error[0] = '\0';
		rs->resumed |= t.offset > 0;
		v = attempt(&t, if_range, rs, &wait_ms);
		if (v == FAIL && rs->status == 416 && t.offset > 0 && !restarted) {
			/* What we have is not a part of this file after all: all of it again. */
			restarted = 1;
			t.offset = 0;
			if (start_again(fd, mem) != 0)
				break;
			rs->attempts--;
			continue;
		}
		if (t.decided && t.keep) {
			/* What arrived, and what it is a part of, for a resume. */
			snprintf(rs->etag, sizeof(rs->etag), "%s", t.etag);
			snprintf(rs->last_modified, sizeof(rs->last_modified), "%s", t.last_modified);
			snprintf(rs->content_type, sizeof(rs->content_type), "%s", t.content_type);
		}
		if (h->o.progress && t.last_draw > 0) {
			fputs("\r\033[K", stderr);
			t.last_draw = 0;
		}
		rs->bytes = t.written;
		if (v == DONE) {
			rs->not_modified = rs->status == 304;
			if (rs->not_modified) {
				snprintf(rs->etag, sizeof(rs->etag), "%s", t.etag);
				snprintf(rs->last_modified, sizeof(rs->last_modified), "%s",
					 t.last_modified);
			}
			return STATUS_OK;
		}
		if (v == FAIL || rs->attempts > h->o.retries)
			break;
		if (t.decided && t.keep) {
			/* This attempt wrote part of the body: resume it only if the
			 * server named it, so that two versions are never spliced. */
			validator = range_validator(rs->etag, rs->last_modified);
			t.offset = validator && t.written > 0 ? t.written : 0;
			snprintf(if_range, sizeof(if_range), "%s", validator ? validator : "");
		}
		if (t.offset == 0 && start_again(fd, mem) != 0)
			break;
		sleep_ms(wait_ms > 0 ? wait_ms : jitter(h, backoff));
		if (backoff < MAX_BACKOFF_MS)
			backoff = backoff * 2 > MAX_BACKOFF_MS ? MAX_BACKOFF_MS : backoff * 2;
	}
	if (rs->attempts > 1)
		snprintf(rs->error + strlen(rs->error), sizeof(rs->error) - strlen(rs->error),
			 " (after %d tries)", rs->attempts);
	return rs->status == 404 || rs->status == 410 ? STATUS_NOT_FOUND : STATUS_IO;
}

enum status http_get_file(struct http *h, const struct http_request *rq, const char *path,
			  const char *partial_etag, const char *partial_last_modified,
			  struct http_response *rs)
{
	int fd = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0644);
	struct stat st;
	enum status rc;

	if (fd < 0) {
		memset(rs, 0, sizeof(*rs));
		snprintf(rs->error, sizeof(rs->error), "cannot write %s: %s", path, strerror(errno));
		return STATUS_IO;
	}
	if (fstat(fd, &st) != 0 || lseek(fd, 0, SEEK_END) < 0) {
		memset(rs, 0, sizeof(*rs));
		snprintf(rs->error, sizeof(rs->error), "cannot write %s: %s", path, strerror(errno));
		close(fd);
		return STATUS_IO;
	}
	rc = run(h, rq, fd, NULL, (long long)st.st_size, partial_etag, partial_last_modified, rs);
	if (close(fd) != 0 && rc == STATUS_OK) {
		snprintf(rs->error, sizeof(rs->error), "cannot write %s: %s", path, strerror(errno));
		rc = STATUS_IO;
	}
	return rc;
}

enum status http_get_memory(struct http *h, const struct http_request *rq, struct strbuf *body,
			    struct http_response *rs)
{
	strbuf_reset(body);
	return run(h, rq, -1, body, 0, NULL, NULL, rs);
}
