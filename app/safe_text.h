/*
 * safe_text.h - what careers prints is text, never terminal controls.
 *
 * Arguments, file names and imported data can hold bytes a terminal acts
 * on: ESC sequences that clear the screen or retitle the window, C1
 * controls (U+0080-U+009F, which some terminals take as ESC sequences), a
 * bell, a bare carriage return that writes over a line, and bytes that are
 * not UTF-8 at all. Everything the command-line tools print goes through
 * safe_text(): each such character or byte becomes U+FFFD (shown as a
 * question mark in a box), while line breaks (LF, CR LF) and tabs stay.
 * JSON has its own escaping (format_json_string); this is for everything
 * else, and for JSON's structure around the strings.
 */
#ifndef CAREERS_SAFE_TEXT_H
#define CAREERS_SAFE_TEXT_H

#include <stddef.h>
#include <stdio.h>

#include "mem.h"

/*
 * Append bytes[0..n) to out, made safe. With final 0, a character (or a
 * CR) cut off at the end is not judged yet: it is left unappended and its
 * length returned, for the caller to send again with what follows.
 */
size_t safe_text(struct strbuf *out, const char *bytes, size_t n, int final);

/*
 * Make a message plain text in place, for where it is kept as it is (a
 * screen, a records note): bytes that are not UTF-8 are dropped (text cut
 * inside a character loses the piece) and each control character, C1
 * included, becomes '?'. Used on messages that quote what a file holds.
 */
void safe_text_mend(char *s);

/*
 * A stream that writes what is given to it, made safe, to file descriptor
 * fd (directly, so nothing is left in another stream's buffer at exit).
 * The main program puts one in place of stdout and of stderr.
 */
FILE *safe_text_stream(int fd);

#endif
