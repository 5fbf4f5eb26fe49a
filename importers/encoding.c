/*
 * encoding.c - encoding detection and chunked conversion to UTF-8.
 *
 * Detection order: a BOM decides outright; then the pattern of zero
 * bytes (text in UTF-16 has a zero in every other byte for ASCII
 * characters, and which half is zero tells the byte order); more than a
 * few zero bytes in any other pattern, or many control characters, mean
 * binary (a stray NUL in text is left to the CSV reader, which rejects
 * its row); text that is valid UTF-8 is UTF-8; anything else is taken as
 * Windows-1252, the superset of Latin-1 that Excel and DfE downloads use.
 */
#include "encoding.h"

#include <errno.h>
#include <iconv.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

size_t utf8_valid_prefix(const unsigned char *s, size_t n)
{
	size_t i = 0;

	while (i < n) {
		unsigned char c = s[i];
		size_t len, k;
		unsigned long cp;

		if (c < 0x80) {
			uint64_t word;

			/* Most text is ASCII: pass it eight bytes at a time. */
			i++;
			while (n - i >= sizeof(word)) {
				memcpy(&word, s + i, sizeof(word));
				if (word & 0x8080808080808080u)
					break;
				i += sizeof(word);
			}
			continue;
		} else if (c >= 0xC2 && c <= 0xDF) {
			len = 2;
			cp = c & 0x1F;
		} else if (c >= 0xE0 && c <= 0xEF) {
			len = 3;
			cp = c & 0x0F;
		} else if (c >= 0xF0 && c <= 0xF4) {
			len = 4;
			cp = c & 0x07;
		} else {
			return i;
		}
		if (i + len > n)
			return i;
		for (k = 1; k < len; k++) {
			if ((s[i + k] & 0xC0) != 0x80)
				return i;
			cp = cp << 6 | (s[i + k] & 0x3F);
		}
		if ((len == 3 && (cp < 0x800 || (cp >= 0xD800 && cp <= 0xDFFF))) ||
		    (len == 4 && (cp < 0x10000 || cp > 0x10FFFF)))
			return i;
		i += len;
	}
	return i;
}

int utf8_cut_short(const unsigned char *s, size_t n)
{
	size_t need = s[0] >= 0xF0 && s[0] <= 0xF4 ? 4 : s[0] >= 0xE0 && s[0] <= 0xEF ? 3 :
		      s[0] >= 0xC2 && s[0] <= 0xDF ? 2 : 0;
	size_t k;

	if (n >= need)
		return 0;
	for (k = 1; k < n; k++)
		if ((s[k] & 0xC0) != 0x80)
			return 0;
	return 1;
}

void encoding_detect(const unsigned char *b, size_t n, int at_eof, struct encoding_guess *g)
{
	size_t i, zero_even = 0, zero_odd = 0, controls = 0, valid;
	size_t sample = n < 4096 ? n : 4096;

	memset(g, 0, sizeof(*g));
	g->encoding = ENCODING_UTF8;
	if (n >= 3 && b[0] == 0xEF && b[1] == 0xBB && b[2] == 0xBF) {
		g->bom_length = 3;
	} else if (n >= 2 && b[0] == 0xFF && b[1] == 0xFE) {
		g->encoding = ENCODING_UTF16LE;
		g->bom_length = 2;
	} else if (n >= 2 && b[0] == 0xFE && b[1] == 0xFF) {
		g->encoding = ENCODING_UTF16BE;
		g->bom_length = 2;
	}

	/*
	 * Empty: the whole file is a BOM and whitespace (in UTF-16, whitespace
	 * has zero bytes in it; elsewhere a zero byte is not whitespace).
	 */
	for (i = g->bom_length; i < n; i++)
		if (b[i] != ' ' && b[i] != '\t' && b[i] != '\r' && b[i] != '\n' &&
		    (b[i] != 0 || g->encoding == ENCODING_UTF8))
			break;
	if (i == n && at_eof) {
		g->empty = 1;
		return;
	}
	if (g->bom_length && g->encoding != ENCODING_UTF8)
		return;

	for (i = g->bom_length; i < sample; i++) {
		if (b[i] == 0)
			if (i % 2)
				zero_odd++;
			else
				zero_even++;
		else if (b[i] < 0x20 && b[i] != '\t' && b[i] != '\r' && b[i] != '\n' &&
			 b[i] != '\f')
			controls++;
	}
	if (!g->bom_length && zero_odd + zero_even > 0) {
		size_t half = (sample + 1) / 2;

		/* UTF-16 text: most characters of a CSV are ASCII. */
		if (zero_odd > half / 2 && zero_even * 20 < zero_odd)
			g->encoding = ENCODING_UTF16LE;
		else if (zero_even > half / 2 && zero_odd * 20 < zero_even)
			g->encoding = ENCODING_UTF16BE;
		else if ((zero_odd + zero_even) * 100 > sample ||
			 (zero_odd + zero_even + controls) * 20 > sample)
			g->binary = 1;
		/* Else text with a stray NUL byte or two: the rows that hold them are rejected. */
		if (g->encoding != ENCODING_UTF8 || g->binary)
			return;
	}
	if (controls * 20 > sample) {
		g->binary = 1;
		return;
	}
	valid = g->bom_length + utf8_valid_prefix(b + g->bom_length, n - g->bom_length);
	/* A sequence cut off by the end of the sample is not evidence. */
	if (valid < n && (at_eof || !utf8_cut_short(b + valid, n - valid)))
		g->encoding = ENCODING_WINDOWS1252;
}

const char *encoding_name(enum encoding encoding)
{
	switch (encoding) {
	case ENCODING_UTF8: return "UTF-8";
	case ENCODING_UTF16LE: return "UTF-16LE";
	case ENCODING_UTF16BE: return "UTF-16BE";
	case ENCODING_WINDOWS1252: return "Windows-1252";
	}
	return "unknown";
}

struct decoder {
	enum encoding encoding;
	iconv_t cd;			/* (iconv_t)-1 for UTF-8 */
	unsigned char carry[8];		/* a character split across chunks */
	size_t carried;
	size_t replaced;
};

struct decoder *decoder_new(enum encoding encoding)
{
	struct decoder *d = xcalloc(1, sizeof(*d));

	d->encoding = encoding;
	d->cd = (iconv_t)-1;
	if (encoding == ENCODING_UTF16LE || encoding == ENCODING_UTF16BE) {
		d->cd = iconv_open("UTF-8", encoding_name(encoding));
		if (d->cd == (iconv_t)-1) {
			free(d);
			return NULL;
		}
	}
	return d;
}

void decoder_free(struct decoder *d)
{
	if (!d)
		return;
	if (d->cd != (iconv_t)-1)
		iconv_close(d->cd);
	free(d);
}

size_t decoder_replaced(const struct decoder *d)
{
	return d->replaced;
}

static const char replacement[] = "\xEF\xBF\xBD";

/* UTF-8 in, UTF-8 out: copy valid runs, replace each invalid byte. */
static void pass_utf8(struct decoder *d, const unsigned char *p, size_t n, int final,
		      struct strbuf *out)
{
	while (n) {
		size_t ok = utf8_valid_prefix(p, n);

		strbuf_add(out, (const char *)p, ok);
		p += ok;
		n -= ok;
		if (!n)
			break;
		if (!final && n < 4) {
			/* Possibly a character continued in the next chunk. */
			unsigned char c = p[0];
			size_t need = c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : c >= 0xC2 ? 2 : 0;

			if (need > n) {
				memcpy(d->carry, p, n);
				d->carried = n;
				return;
			}
		}
		strbuf_add(out, replacement, 3);
		d->replaced++;
		p++;
		n--;
	}
}

/*
 * Windows-1252 from 0x80 to 0x9F (above, it is Latin-1). The five bytes
 * it leaves unassigned (0x81, 0x8D, 0x8F, 0x90, 0x9D) are read as
 * Latin-1 reads them, C1 controls, as browsers do: every byte of a
 * single-byte file decodes, so such a file never gets U+FFFD.
 */
static const unsigned short cp1252_high[32] = {
	0x20AC, 0x0081, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021,
	0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0x008D, 0x017D, 0x008F,
	0x0090, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014,
	0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0x009D, 0x017E, 0x0178,
};

static void pass_1252(struct decoder *d, const unsigned char *p, size_t n, int final,
		      struct strbuf *out)
{
	size_t i = 0;

	(void)d;
	(void)final;
	strbuf_grow(out, n * 3 + 1);
	while (i < n) {
		size_t run = i;
		unsigned cp;

		while (run < n && p[run] < 0x80)
			run++;
		strbuf_add(out, (const char *)p + i, run - i);
		if (run == n)
			break;
		cp = p[run] < 0xA0 ? cp1252_high[p[run] - 0x80] : p[run];
		if (cp < 0x800) {
			strbuf_putc(out, (char)(0xC0 | cp >> 6));
			strbuf_putc(out, (char)(0x80 | (cp & 0x3F)));
		} else {
			strbuf_putc(out, (char)(0xE0 | cp >> 12));
			strbuf_putc(out, (char)(0x80 | ((cp >> 6) & 0x3F)));
			strbuf_putc(out, (char)(0x80 | (cp & 0x3F)));
		}
		i = run + 1;
	}
}

static void pass_iconv(struct decoder *d, const unsigned char *p, size_t n, int final,
		       struct strbuf *out)
{
	char *in = (char *)p;
	size_t unit = 2;

	while (n) {
		size_t room, before;
		char *dst;

		strbuf_grow(out, n * 3 + 16);
		room = out->cap - out->len - 1;
		before = room;
		dst = out->buf + out->len;
		if (iconv(d->cd, &in, &n, &dst, &room) != (size_t)-1) {
			out->len += before - room;
			break;
		}
		out->len += before - room;
		if (errno == E2BIG)
			continue;
		if (errno == EINVAL && !final && n < sizeof(d->carry)) {
			memcpy(d->carry, in, n);
			d->carried = n;
			break;
		}
		/* EILSEQ, or a truncated character at the very end. */
		strbuf_add(out, replacement, 3);
		d->replaced++;
		if (n < unit)
			break;
		in += unit;
		n -= unit;
	}
	out->buf[out->len] = '\0';
}

size_t decoder_convert(struct decoder *d, const unsigned char *bytes, size_t n, int final,
		       struct strbuf *out)
{
	void (*pass)(struct decoder *, const unsigned char *, size_t, int, struct strbuf *) =
		d->encoding == ENCODING_UTF8 ? pass_utf8 :
		d->encoding == ENCODING_WINDOWS1252 ? pass_1252 : pass_iconv;

	if (d->carried) {
		/* Rare: a character was split across chunks; join them. */
		unsigned char *joined = xmalloc(d->carried + n);
		size_t held = d->carried;

		memcpy(joined, d->carry, held);
		memcpy(joined + held, bytes, n);
		d->carried = 0;
		pass(d, joined, held + n, final, out);
		free(joined);
	} else {
		pass(d, bytes, n, final, out);
	}
	return d->replaced;
}

/*
 * Drop bytes that are not part of whole UTF-8 characters, so a value
 * quoted with "%.40s" and cut inside a character cannot break a message.
 */
void utf8_mend(char *s)
{
	size_t n = strlen(s), kept = 0, i = 0;

	while (i < n) {
		size_t ok = utf8_valid_prefix((const unsigned char *)s + i, n - i);

		memmove(s + kept, s + i, ok);
		kept += ok;
		i += ok;
		if (i < n)
			i++;
	}
	s[kept] = '\0';
}
