/*
 * mem.h - allocation that never returns NULL, and a growable string.
 *
 * Out of memory is not recoverable here: xmalloc() and friends call the
 * registered cleanup hook (the UI registers one that restores the
 * terminal), print "careers: out of memory" and abort.
 */
#ifndef CAREERS_MEM_H
#define CAREERS_MEM_H

#include <stdarg.h>
#include <stddef.h>

void *xmalloc(size_t size);
void *xcalloc(size_t count, size_t size);
void *xrealloc(void *ptr, size_t size);
char *xstrdup(const char *s);
char *xstrndup(const char *s, size_t n);
/* printf into a new heap string. */
char *xasprintf(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

/* Run before aborting on out-of-memory (e.g. endwin). NULL to clear. */
void mem_set_fatal_hook(void (*hook)(void));
/* Restore what the hook restores, print "careers: MSG" and abort. */
void mem_fatal(const char *msg) __attribute__((noreturn));

/* A growable, always NUL-terminated byte string. Embed it, _init, _done. */
struct strbuf {
	char *buf;	/* owned; never NULL after strbuf_init */
	size_t len;
	size_t cap;
};

void strbuf_init(struct strbuf *sb);
void strbuf_done(struct strbuf *sb);
void strbuf_reset(struct strbuf *sb);
void strbuf_grow(struct strbuf *sb, size_t extra);
void strbuf_add(struct strbuf *sb, const char *s, size_t n);
void strbuf_puts(struct strbuf *sb, const char *s);
void strbuf_putc(struct strbuf *sb, char c);
void strbuf_printf(struct strbuf *sb, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
void strbuf_vprintf(struct strbuf *sb, const char *fmt, va_list ap);
/* Hand the buffer to the caller (who frees it) and reset sb. */
char *strbuf_detach(struct strbuf *sb);

#endif
