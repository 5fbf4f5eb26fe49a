/*
 * safe_text.c - see safe_text.h. The stream is a glibc cookie stream
 * (fopencookie): its write function makes each buffer safe, holding back
 * a UTF-8 character or a CR cut at the buffer's end until the next write.
 */
#define _GNU_SOURCE
#include "safe_text.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "encoding.h"

static const char replacement[] = "\xEF\xBF\xBD";

size_t safe_text(struct strbuf *out, const char *bytes, size_t n, int final)
{
	const unsigned char *s = (const unsigned char *)bytes;
	size_t i = 0;

	while (i < n) {
		size_t run = i, ok;

		/* Printable ASCII, LF and TAB pass as they are. */
		while (run < n && ((s[run] >= 0x20 && s[run] < 0x7f) || s[run] == '\n' ||
				   s[run] == '\t'))
			run++;
		strbuf_add(out, (const char *)s + i, run - i);
		i = run;
		if (i == n)
			break;
		if (s[i] == '\r') {
			if (i + 1 == n && !final)
				return n - i;	/* a CR LF, perhaps, cut in two */
			if (i + 1 < n && s[i + 1] == '\n')
				strbuf_add(out, "\r\n", 2), i += 2;
			else
				strbuf_puts(out, replacement), i++;
			continue;
		}
		if (s[i] < 0x80) {
			strbuf_puts(out, replacement);	/* C0 controls and DEL */
			i++;
			continue;
		}
		ok = utf8_valid_prefix(s + i, n - i);
		if (ok == 0) {
			if (!final && utf8_cut_short(s + i, n - i))
				return n - i;
			strbuf_puts(out, replacement);
			i++;
			continue;
		}
		/* Valid UTF-8, but C1 controls (C2 80 - C2 9F) are controls too. */
		while (ok) {
			size_t len = s[i] < 0xE0 ? 2 : s[i] < 0xF0 ? 3 : 4;

			if (s[i] == 0xC2 && s[i + 1] < 0xA0)
				strbuf_puts(out, replacement);
			else
				strbuf_add(out, (const char *)s + i, len);
			i += len;
			ok -= len;
			if (i < n && s[i] < 0x80)
				break;	/* back to the ASCII path */
		}
	}
	return 0;
}

void safe_text_mend(char *s)
{
	unsigned char *p = (unsigned char *)s, *out = p;

	utf8_mend(s);
	while (*p) {
		if (*p < 0x20 || *p == 0x7f) {
			*out++ = '?';
			p++;
		} else if (*p == 0xC2 && p[1] >= 0x80 && p[1] < 0xA0) {
			*out++ = '?';
			p += 2;
		} else {
			*out++ = *p++;
		}
	}
	*out = '\0';
}

struct cookie {
	int fd;
	char held[4];
	size_t held_len;
};

static int write_all(int fd, const char *p, size_t n)
{
	while (n) {
		ssize_t w = write(fd, p, n);

		if (w < 0 && errno == EINTR)
			continue;
		if (w <= 0)
			return -1;
		p += w;
		n -= (size_t)w;
	}
	return 0;
}

static ssize_t cookie_write(void *ctx, const char *buf, size_t size)
{
	struct cookie *c = ctx;
	struct strbuf in, out;
	size_t kept;
	int rc;

	strbuf_init(&in);
	strbuf_init(&out);
	strbuf_add(&in, c->held, c->held_len);
	strbuf_add(&in, buf, size);
	kept = safe_text(&out, in.buf, in.len, 0);
	memcpy(c->held, in.buf + in.len - kept, kept);
	c->held_len = kept;
	rc = write_all(c->fd, out.buf, out.len);
	strbuf_done(&in);
	strbuf_done(&out);
	return rc < 0 ? -1 : (ssize_t)size;
}

static int cookie_close(void *ctx)
{
	struct cookie *c = ctx;
	struct strbuf out;
	int rc = 0;

	if (c->held_len) {
		strbuf_init(&out);
		safe_text(&out, c->held, c->held_len, 1);
		rc = write_all(c->fd, out.buf, out.len);
		strbuf_done(&out);
	}
	free(c);
	return rc;
}

FILE *safe_text_stream(int fd)
{
	cookie_io_functions_t io = { NULL, cookie_write, NULL, cookie_close };
	struct cookie *c = xcalloc(1, sizeof(*c));
	FILE *f;

	c->fd = fd;
	f = fopencookie(c, "w", io);
	if (!f)
		free(c);
	return f;
}
