/*
 * glossary.h - plain words for the terms a pupil meets (data/glossary.txt,
 * embedded at build time): some are replaced wherever titles and labels
 * are shown ("n.e.c." -> "(other)", "Level 0" -> "Entry level"); others
 * are explained in the ? help of the screens they appear on.
 */
#ifndef CAREERS_GLOSSARY_H
#define CAREERS_GLOSSARY_H

#include "mem.h"

/*
 * text with every "replace" term swapped for its plain words, appended to
 * out. A term matches whole: not inside a longer word.
 */
void glossary_plain(const char *text, struct strbuf *out);

/* The same into a fixed buffer (cut at len). */
void glossary_plain_buf(const char *text, char *out, size_t len);

/*
 * The terms explained on a screen ("results", "detail", ...): calls fn
 * with each term and its plain words, in file order; returns how many.
 */
int glossary_each(const char *screen, void (*fn)(void *ctx, const char *term,
						 const char *plain), void *ctx);

#endif
