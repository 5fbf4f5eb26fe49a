/*
 * http.h - downloads over HTTP(S), done properly, on libcurl.
 *
 * One struct http is one connection cache and one set of settings; use
 * it for many requests (the pages of an API reuse the connection).
 *
 * What every request gets:
 *	- TLS verified against the system's trust store (plus ca_file); a
 *	  self-signed or mismatched certificate is refused, never waved on;
 *	- redirects followed by hand, at most HTTP_MAX_REDIRECTS, never from
 *	  https to http, only to http or https; the secret header (an API
 *	  key) goes to the first host only;
 *	- conditional requests: etag / last_modified from an earlier copy
 *	  are sent as If-None-Match / If-Modified-Since, and a 304 is a
 *	  success that writes nothing;
 *	- retries with exponential backoff and jitter on timeouts, cut
 *	  connections, 408, 429 (Retry-After honoured up to max_wait) and 5xx;
 *	  a cut download resumes where it stopped (Range + If-Range) when the
 *	  server gave a validator;
 *	- connect and stall timeouts: a transfer slower than HTTP_STALL_RATE
 *	  bytes a second for stall_timeout seconds is cut (a slow drip);
 *	- a size limit: a Content-Length over max_bytes is refused before
 *	  any byte is written, and a body that grows past it is cut;
 *	- a progress bar on stderr when asked (a terminal), nothing otherwise.
 *
 * Errors are values: STATUS_OK, or a status with response->error saying
 * what happened in words a data officer can act on ("HTTP 404 Not Found
 * from https://...", "the server's certificate is not trusted: ...").
 * Header values are never written into messages, so a key cannot leak.
 *
 * For tests, CAREERS_HTTP_BACKOFF_MS sets the first backoff step (default
 * 1000 ms); each later step doubles it, up to 60 s.
 */
#ifndef CAREERS_HTTP_H
#define CAREERS_HTTP_H

#include "mem.h"
#include "status.h"

#define HTTP_MAX_REDIRECTS 10
#define HTTP_STALL_RATE 1024	/* bytes a second */

struct http_options {
	long connect_timeout;	/* seconds; 0: 30 */
	long stall_timeout;	/* seconds below HTTP_STALL_RATE; 0: 60 */
	int retries;		/* attempts after the first; < 0: 4 */
	long max_wait;		/* longest Retry-After honoured, seconds; 0: 600 */
	const char *ca_file;	/* extra certificates to trust (PEM), or NULL */
	int progress;		/* draw a progress bar on stderr */
};

struct http_request {
	const char *url;
	const char *const *headers;	/* "Name: value" lines, NULL-terminated, or NULL */
	const char *secret_header;	/* "Name: value" sent to the first host only, or NULL */
	const char *etag;		/* of the copy we have: If-None-Match */
	const char *last_modified;	/* of the copy we have: If-Modified-Since */
	long long max_bytes;		/* 0: no limit */
	int compressed;			/* accept gzip/deflate (API pages, not files to resume) */
	const char *label;		/* what the progress bar calls it */
};

struct http_response {
	long status;			/* the final HTTP status; 0 when none came */
	int not_modified;		/* 304: the copy we have is current */
	int resumed;			/* a cut transfer was continued with Range */
	long long bytes;		/* body bytes now in the file or buffer */
	int attempts;
	char etag[256];			/* validators of what arrived ("" when none) */
	char last_modified[64];
	char content_type[128];
	char final_url[1024];		/* after redirects */
	char error[600];		/* why it failed */
};

struct http;

/*
 * NULL options: the defaults. libcurl is loaded here, the first time
 * (dynlib.h): NULL, with err saying what to install, when it cannot be.
 */
struct http *http_new(const struct http_options *options, char *err, size_t errlen);
void http_free(struct http *h);

/*
 * GET into the file at path, which may hold the start of the same body
 * from an earlier, cut attempt (partial_etag / partial_last_modified say
 * what it was, or NULL to start again). On success the file holds the
 * whole body (or is untouched on a 304). On failure it holds what arrived,
 * for a later resume; response->etag and last_modified say of what.
 */
enum status http_get_file(struct http *h, const struct http_request *rq, const char *path,
			  const char *partial_etag, const char *partial_last_modified,
			  struct http_response *rs);

/* GET into memory (small documents: indexes, API pages, manifests). */
enum status http_get_memory(struct http *h, const struct http_request *rq, struct strbuf *body,
			    struct http_response *rs);

/* "Not Found" for 404 and so on; "" for codes without a common name. */
const char *http_reason(long status);

#endif
