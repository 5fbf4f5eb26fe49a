/*
 * format.h - pure text formatting shared by the command line and the UI.
 *
 * Nothing here does I/O: each function appends to a strbuf, so the same
 * code can be tested on its own and used for a terminal, a file or JSON.
 */
#ifndef CAREERS_FORMAT_H
#define CAREERS_FORMAT_H

#include "mem.h"

/*
 * s as a JSON string literal, with quotes; NULL becomes null. Control
 * characters (C1 and DEL too) are escaped, and bytes that are not UTF-8
 * become \ufffd, so the result is always valid JSON.
 */
void format_json_string(struct strbuf *out, const char *s);
/* A JSON number, or null for NaN. */
void format_json_number(struct strbuf *out, double v, int decimals);
/* s as one CSV field (quoted when it holds a comma, quote or line break). */
void format_csv_field(struct strbuf *out, const char *s);
/* A whole number with thousands separators: 96370 -> "96,370". */
void format_count(struct strbuf *out, double n);
/* A size for people: "512 bytes", "12.3 KB", "1.2 MB", "10.0 GB" (1 KB = 1000 bytes). */
void format_bytes(struct strbuf *out, long long bytes);
/* Money in pence as "£1,234" (whole pounds) or "£7.55" (with pence when not whole). */
void format_money(struct strbuf *out, long long pence);
/*
 * Append s, cut to at most `columns` terminal columns (UTF-8 aware; each
 * code point counts as one column), ending with "..." when cut.
 */
void format_fit(struct strbuf *out, const char *s, int columns);
/* Terminal columns s takes (code points). */
int format_width(const char *s);
/*
 * Word-wrap s into lines of at most `columns`, each prefixed by `indent`
 * (the first line by `first`), appended with '\n' after each line.
 */
void format_wrap(struct strbuf *out, const char *s, int columns, const char *first,
		 const char *indent);

#endif
