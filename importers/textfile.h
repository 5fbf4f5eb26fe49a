/*
 * textfile.h - read a data file as UTF-8 text, in chunks, hashing as it goes.
 *
 * textfile_open() reads the first chunk, works out the encoding (see
 * encoding.h) and keeps the decoded start of the file available to
 * textfile_peek() so callers can recognise the format before reading on.
 * textfile_read() then hands out the whole decoded text chunk by chunk,
 * starting from the beginning. Every byte read is fed to SHA-256, so once
 * the file has been read to the end textfile_sha256() gives its hash
 * without a second pass.
 */
#ifndef CAREERS_TEXTFILE_H
#define CAREERS_TEXTFILE_H

#include <stddef.h>
#include <sys/types.h>

#include "encoding.h"
#include "mem.h"
#include "status.h"

struct textfile;

/*
 * Open a file. On failure returns STATUS_IO with a message in err
 * ("cannot open: No such file or directory"). Only ordinary files are
 * read: a folder, a named pipe (which would wait for a writer for ever), a
 * device or a socket is refused at once, without reading from it.
 *
 * The encoding is decided from the whole file: when the first chunk
 * looks like UTF-8, the rest is checked too (a second, quick pass over
 * the bytes), and a file that is not UTF-8 to the end is Windows-1252;
 * textfile_guess() says which was used.
 */
enum status textfile_open(const char *path, struct textfile **out, char *err, size_t errlen);
/*
 * textfile_open() in two steps, so that a caller can open every input
 * before it takes a lock: the descriptor of an ordinary file at path (or
 * -1 and a message), then a textfile reading it (which owns fd from then
 * on, even on failure).
 */
int textfile_open_input(const char *path, char *err, size_t errlen);
enum status textfile_open_fd(int fd, struct textfile **out, char *err, size_t errlen);
/* Read from memory instead (bytes are borrowed until textfile_free). */
struct textfile *textfile_open_memory(const void *bytes, size_t n);

/*
 * Bytes that come from elsewhere, such as a member of a zip archive:
 * read() gives up to n bytes (0 at the end, -1 on error, with error()
 * saying why), rewind() starts again from the first byte (0 or -1),
 * close() is called by textfile_free(). size: the whole size when known,
 * else 0.
 */
struct textfile_stream {
	ssize_t (*read)(void *ctx, void *buf, size_t n);
	int (*rewind)(void *ctx);
	const char *(*error)(void *ctx);
	void (*close)(void *ctx);
};
enum status textfile_open_stream(const struct textfile_stream *ops, void *ctx, size_t size,
				 struct textfile **out, char *err, size_t errlen);
void textfile_free(struct textfile *tf);

const struct encoding_guess *textfile_guess(const struct textfile *tf);
/* The decoded first chunk (up to 64 KiB of input), NUL-terminated. */
const char *textfile_peek(const struct textfile *tf, size_t *n);

/*
 * Append the next decoded chunk to out. *eof is set once everything has
 * been handed out. Returns STATUS_IO (message in err) on a read error.
 */
enum status textfile_read(struct textfile *tf, struct strbuf *out, int *eof,
			  char *err, size_t errlen);
/* Read everything that is left into out. */
enum status textfile_read_all(struct textfile *tf, struct strbuf *out, char *err, size_t errlen);

/*
 * SHA-256 of the raw bytes. Reads (without decoding) to the end first if
 * needed, after which textfile_read() reports end of file.
 */
enum status textfile_sha256(struct textfile *tf, char hex[65]);
/* The whole file's size in bytes when known (a regular file, memory), else 0. */
size_t textfile_size(const struct textfile *tf);
/* Raw bytes read so far, and bytes that were not valid in the encoding. */
size_t textfile_bytes(const struct textfile *tf);
size_t textfile_replaced(const struct textfile *tf);

#endif
