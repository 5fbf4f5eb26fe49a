/* textfile.c - chunked reading, encoding detection and hashing of data files. */
#include "textfile.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "sha256.h"

#define CHUNK (64 * 1024)

struct textfile {
	int fd;				/* -1 when reading from memory or a stream */
	const struct textfile_stream *stream;	/* (borrowed) ops, or NULL */
	void *stream_ctx;
	const unsigned char *memory;	/* (borrowed) */
	size_t memory_size, memory_pos;
	unsigned char *raw;		/* CHUNK bytes */
	struct encoding_guess guess;
	struct decoder *decoder;
	struct strbuf first;		/* decoded first chunk, not yet handed out */
	int first_pending;
	int raw_eof;			/* no more raw bytes */
	int hashed_all;
	struct sha256 hash;
	size_t bytes;
	size_t size;			/* of the whole file, when known; else 0 */
};

static ssize_t read_raw(struct textfile *tf, unsigned char *buf, size_t n)
{
	ssize_t got;

	if (tf->fd < 0 && !tf->stream) {
		size_t left = tf->memory_size - tf->memory_pos;
		size_t take = n < left ? n : left;

		if (take)
			memcpy(buf, tf->memory + tf->memory_pos, take);
		tf->memory_pos += take;
		got = (ssize_t)take;
	} else {
		size_t total = 0;

		/* Fill the buffer: short reads would break the "at EOF" logic. */
		while (total < n) {
			got = tf->stream ? tf->stream->read(tf->stream_ctx, buf + total, n - total) :
			      read(tf->fd, buf + total, n - total);
			if (got < 0 && !tf->stream && errno == EINTR)
				continue;
			if (got < 0)
				return -1;
			if (got == 0)
				break;
			total += (size_t)got;
		}
		got = (ssize_t)total;
	}
	if (got > 0) {
		sha256_update(&tf->hash, buf, (size_t)got);
		tf->bytes += (size_t)got;
	}
	if ((size_t)got < n)
		tf->raw_eof = 1;
	return got;
}

/*
 * Is all of the file after the BOM UTF-8? Read without moving the file
 * offset (pread), a piece at a time, carrying a character cut between
 * pieces; from memory, at once. The first invalid byte ends the look.
 */
static int all_utf8(struct textfile *tf)
{
	enum { PIECE = 1024 * 1024 };
	unsigned char *buf;
	size_t held = 0, ok;
	off_t at = (off_t)tf->guess.bom_length;
	int valid = 1;

	if (tf->fd < 0) {
		size_t from = tf->guess.bom_length < tf->memory_size ? tf->guess.bom_length : 0;

		if (!tf->memory)	/* an empty member: nothing to be invalid */
			return 1;

		return utf8_valid_prefix(tf->memory + from, tf->memory_size - from) ==
		       tf->memory_size - from;
	}
	buf = xmalloc(PIECE + 4);
	for (;;) {
		ssize_t got = pread(tf->fd, buf + held, PIECE, at);

		if (got < 0 && errno == EINTR)
			continue;
		if (got <= 0) {
			valid = held == 0 && got == 0;	/* a character cut by the end is not UTF-8 */
			break;
		}
		at += got;
		held += (size_t)got;
		ok = utf8_valid_prefix(buf, held);
		if (held - ok >= 4 || (ok < held && !utf8_cut_short(buf + ok, held - ok))) {
			valid = 0;
			break;
		}
		memmove(buf, buf + ok, held - ok);
		held -= ok;
	}
	free(buf);
	return valid;
}

static enum status start(struct textfile *tf, char *err, size_t errlen)
{
	ssize_t got = read_raw(tf, tf->raw, CHUNK);
	size_t n;

	if (got < 0) {
		snprintf(err, errlen, "cannot read: %s", tf->stream && tf->stream->error ?
			 tf->stream->error(tf->stream_ctx) : strerror(errno));
		return STATUS_IO;
	}
	n = (size_t)got;
	encoding_detect(tf->raw, n, tf->raw_eof, &tf->guess);
	/* The encoding is the whole file's: text that is not UTF-8 to the end is Windows-1252. */
	if (tf->guess.encoding == ENCODING_UTF8 && !tf->guess.binary && !tf->guess.empty &&
	    !tf->raw_eof && !all_utf8(tf))
		tf->guess.encoding = ENCODING_WINDOWS1252;
	tf->decoder = decoder_new(tf->guess.encoding);
	if (!tf->decoder) {
		snprintf(err, errlen, "this system cannot convert %s text",
			 encoding_name(tf->guess.encoding));
		return STATUS_IO;
	}
	strbuf_init(&tf->first);
	decoder_convert(tf->decoder, tf->raw + tf->guess.bom_length, n - tf->guess.bom_length,
			tf->raw_eof, &tf->first);
	tf->first_pending = 1;
	return STATUS_OK;
}

static struct textfile *textfile_new(void)
{
	struct textfile *tf = xcalloc(1, sizeof(*tf));

	tf->fd = -1;
	tf->raw = xmalloc(CHUNK);
	sha256_init(&tf->hash);
	return tf;
}

/* What a file that is not an ordinary one is, in words. */
static const char *kind_of(mode_t mode)
{
	if (S_ISDIR(mode))
		return "is a folder, not a file";
	if (S_ISFIFO(mode))
		return "is a named pipe (FIFO), not an ordinary file (careers reads only ordinary files)";
	if (S_ISCHR(mode) || S_ISBLK(mode))
		return "is a device, not an ordinary file";
	if (S_ISSOCK(mode))
		return "is a socket, not an ordinary file";
	return "is not an ordinary file";
}

int textfile_open_input(const char *path, char *err, size_t errlen)
{
	/* O_NONBLOCK: opening a named pipe must not wait for a writer. */
	int fd = open(path, O_RDONLY | O_CLOEXEC | O_NONBLOCK | O_NOCTTY), flags;
	struct stat st;

	if (fd < 0) {
		snprintf(err, errlen, "cannot open: %s", strerror(errno));
		return -1;
	}
	if (fstat(fd, &st) != 0 || !S_ISREG(st.st_mode)) {
		snprintf(err, errlen, "%s", fstat(fd, &st) != 0 ? strerror(errno) : kind_of(st.st_mode));
		close(fd);
		return -1;
	}
	flags = fcntl(fd, F_GETFL);
	if (flags >= 0)
		fcntl(fd, F_SETFL, flags & ~O_NONBLOCK);
	return fd;
}

enum status textfile_open_fd(int fd, struct textfile **out, char *err, size_t errlen)
{
	struct textfile *tf;
	struct stat st;
	enum status rc;

	*out = NULL;
	tf = textfile_new();
	tf->fd = fd;
	if (fstat(fd, &st) == 0 && S_ISREG(st.st_mode))
		tf->size = (size_t)st.st_size;
	if ((rc = start(tf, err, errlen)) != STATUS_OK) {
		textfile_free(tf);
		return rc;
	}
	*out = tf;
	return STATUS_OK;
}

enum status textfile_open(const char *path, struct textfile **out, char *err, size_t errlen)
{
	int fd = textfile_open_input(path, err, errlen);

	*out = NULL;
	if (fd < 0)
		return STATUS_IO;
	return textfile_open_fd(fd, out, err, errlen);
}

struct textfile *textfile_open_memory(const void *bytes, size_t n)
{
	struct textfile *tf = textfile_new();
	char err[128];

	tf->memory = bytes;
	tf->memory_size = n;
	tf->size = n;
	if (start(tf, err, sizeof(err)) != STATUS_OK) {
		textfile_free(tf);
		return NULL;
	}
	return tf;
}

enum status textfile_open_stream(const struct textfile_stream *ops, void *ctx, size_t size,
				 struct textfile **out, char *err, size_t errlen)
{
	struct textfile *tf = textfile_new();
	enum status rc;

	tf->stream = ops;
	tf->stream_ctx = ctx;
	tf->size = size;
	*out = NULL;
	if ((rc = start(tf, err, errlen)) != STATUS_OK) {
		if (ops->error)
			snprintf(err, errlen, "%s", ops->error(ctx));
		textfile_free(tf);
		return rc;
	}
	*out = tf;
	return STATUS_OK;
}

void textfile_free(struct textfile *tf)
{
	if (!tf)
		return;
	if (tf->stream && tf->stream->close)
		tf->stream->close(tf->stream_ctx);
	if (tf->fd >= 0)
		close(tf->fd);
	decoder_free(tf->decoder);
	if (tf->first.buf)
		strbuf_done(&tf->first);
	free(tf->raw);
	free(tf);
}

const struct encoding_guess *textfile_guess(const struct textfile *tf)
{
	return &tf->guess;
}

const char *textfile_peek(const struct textfile *tf, size_t *n)
{
	if (n)
		*n = tf->first.len;
	return tf->first.buf;
}

enum status textfile_read(struct textfile *tf, struct strbuf *out, int *eof,
			  char *err, size_t errlen)
{
	ssize_t got;

	*eof = 0;
	if (tf->first_pending) {
		tf->first_pending = 0;
		strbuf_add(out, tf->first.buf, tf->first.len);
		*eof = tf->raw_eof;
		return STATUS_OK;
	}
	if (tf->raw_eof) {
		*eof = 1;
		return STATUS_OK;
	}
	got = read_raw(tf, tf->raw, CHUNK);
	if (got < 0) {
		snprintf(err, errlen, "cannot read: %s", tf->stream && tf->stream->error ?
			 tf->stream->error(tf->stream_ctx) : strerror(errno));
		return STATUS_IO;
	}
	decoder_convert(tf->decoder, tf->raw, (size_t)got, tf->raw_eof, out);
	*eof = tf->raw_eof;
	return STATUS_OK;
}

enum status textfile_read_all(struct textfile *tf, struct strbuf *out, char *err, size_t errlen)
{
	enum status rc;
	int eof = 0;

	while (!eof)
		if ((rc = textfile_read(tf, out, &eof, err, errlen)) != STATUS_OK)
			return rc;
	return STATUS_OK;
}

enum status textfile_sha256(struct textfile *tf, char hex[65])
{
	struct sha256 copy;

	while (!tf->raw_eof)
		if (read_raw(tf, tf->raw, CHUNK) < 0)
			return STATUS_IO;
	copy = tf->hash;
	sha256_final_hex(&copy, hex);
	return STATUS_OK;
}

size_t textfile_size(const struct textfile *tf)
{
	return tf->size;
}

size_t textfile_bytes(const struct textfile *tf)
{
	return tf->bytes;
}

size_t textfile_replaced(const struct textfile *tf)
{
	return tf->decoder ? decoder_replaced(tf->decoder) : 0;
}
