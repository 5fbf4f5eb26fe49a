/*
 * cli_man.c - the manual's COMMANDS section, written from COMMAND_INFO.
 *
 * `careers help --man [COMMAND]` (not listed in --help: it is for the
 * build) prints, as roff, every command (or one) with exactly the usage,
 * summary and help text that `careers help COMMAND` prints. CMake runs it
 * when it builds and puts its output into the hand-written parts of the
 * pages (data/man/careers*.in), so the manual and --help cannot disagree: a
 * command or option added to COMMAND_INFO is in the next build's manual.
 *
 * The help text is read the way a person reads it:
 *   - a line starting with two spaces is a list item: a term ("--year N",
 *     "purge --older-than DAYS"), then, in the block's description column,
 *     what it means; lines indented further continue the description;
 *   - a blank line ends a paragraph; every other line is running text.
 * In terms and usage lines, options and literal words are bold and
 * placeholders (FILE, N, K:ID: no lower-case letters) italic.
 */
#include <ctype.h>
#include <stdio.h>
#include <string.h>

#include "cli.h"
#include "mem.h"

struct man_command {
	const char *name, *summary, *usage, *help;
};

static const struct man_command man_commands[] = {
#define MAN_ENTRY(name, fn, summary, usage, help) { #name, summary, usage, help },
	COMMAND_INFO(MAN_ENTRY)
#undef MAN_ENTRY
};

#define MAN_COMMAND_COUNT (sizeof(man_commands) / sizeof(man_commands[0]))

/* Usage lines longer than this are broken before a '[' (man pages are read at 80 columns). */
#define USAGE_WIDTH 72

/* Write s[0..n) as roff text: '\' and '-' escaped, a leading '.' or '\'' made literal. */
static void put_text(FILE *f, const char *s, size_t n, int line_start)
{
	size_t i;

	for (i = 0; i < n; i++) {
		if (line_start && i == 0 && (s[i] == '.' || s[i] == '\''))
			fputs("\\&", f);
		if (s[i] == '\\')
			fputs("\\e", f);
		else if (s[i] == '-')
			fputs("\\-", f);
		else
			fputc(s[i], f);
	}
}

static int word_char(char c)
{
	return isalnum((unsigned char)c) || c == '-' || c == '_' || c == ':';
}

/* A word is a placeholder (italic) when it has capitals and no lower-case letters. */
static int placeholder(const char *w, size_t n)
{
	size_t i;
	int upper = 0;

	if (w[0] == '-')
		return 0;
	for (i = 0; i < n; i++) {
		if (islower((unsigned char)w[i]))
			return 0;
		upper |= isupper((unsigned char)w[i]) != 0;
	}
	return upper;
}

/* A usage line or a list term: words in bold or italic, punctuation as it is. */
static void put_synopsis(FILE *f, const char *s, size_t n)
{
	size_t i = 0;

	if (n && (s[0] == '.' || s[0] == '\''))
		fputs("\\&", f);
	while (i < n) {
		size_t w = i;

		while (w < n && word_char(s[w]))
			w++;
		if (w == i) {
			put_text(f, s + i, 1, 0);
			i++;
			continue;
		}
		fputs(placeholder(s + i, w - i) ? "\\fI" : "\\fB", f);
		put_text(f, s + i, w - i, 0);
		fputs("\\fR", f);
		i = w;
	}
}

static size_t line_length(const char *s)
{
	return strcspn(s, "\n");
}

/* Write one form of the usage (its words joined by single spaces), wrapped before a '['. */
static void put_form(FILE *f, const char *form)
{
	const char *start = form;
	size_t width = USAGE_WIDTH;

	for (; strlen(start) > width; width = USAGE_WIDTH - 7) {
		const char *cut = start + width;

		while (cut > start && !(cut[0] == '[' && cut[-1] == ' '))
			cut--;
		if (cut == start)
			break;
		put_synopsis(f, start, (size_t)(cut - 1 - start));
		/* Continue under the command's first option, as the usage lines do. */
		fputs("\n       ", f);
		start = cut;
	}
	put_synopsis(f, start, strlen(start));
	fputc('\n', f);
}

/*
 * The usage block. Its lines are wrapped for --help; here each form (a
 * line starting "careers", with the lines indented under it) is wrapped
 * again to fit the manual's narrower text.
 */
static void put_usage(FILE *f, const char *usage)
{
	struct strbuf form;
	const char *line = usage;

	strbuf_init(&form);
	fputs(".nf\n", f);
	while (*line) {
		size_t len = line_length(line), indent = strspn(line, " ");

		if (strncmp(line + indent, "careers", 7) == 0 && form.len) {
			put_form(f, form.buf);
			strbuf_reset(&form);
		}
		if (form.len && indent < len)
			strbuf_putc(&form, ' ');
		strbuf_add(&form, line + indent, len - indent);
		line += len + (line[len] == '\n');
	}
	if (form.len)
		put_form(f, form.buf);
	fputs(".fi\n", f);
	strbuf_done(&form);
}

/* A list item starts with exactly two spaces. */
static int item_line(const char *s)
{
	return s[0] == ' ' && s[1] == ' ' && s[2] != ' ' && s[2] != '\n' && s[2] != '\0';
}

/* Where an item's description starts after a gap of two or more spaces (0: no gap). */
static size_t gap_column(const char *s, size_t len)
{
	size_t i;

	for (i = 3; i + 1 < len; i++)
		if (s[i] == ' ' && s[i + 1] == ' ' && s[i - 1] != ' ')
			return i + strspn(s + i, " ");
	return 0;
}

/*
 * The description column of the list block starting at s: the one most of
 * its items use (an item whose term fills the column has a single space).
 */
static size_t block_column(const char *s)
{
	size_t columns[64], counts[64], kinds = 0, best = 0, i;

	while (*s && *s != '\n') {
		size_t len = line_length(s), col = item_line(s) ? gap_column(s, len) : 0;

		for (i = 0; col && i < kinds && columns[i] != col; i++)
			;
		if (col && i == kinds && kinds < 64) {
			columns[kinds] = col;
			counts[kinds++] = 0;
		}
		if (col && i < kinds)
			counts[i]++;
		s += len + (s[len] == '\n');
	}
	for (i = 0; i < kinds; i++)
		if (!best || counts[i] > counts[best - 1])
			best = i + 1;
	return best ? columns[best - 1] : 0;
}

static size_t trimmed_length(const char *s, size_t n)
{
	while (n && s[n - 1] == ' ')
		n--;
	return n;
}

static void put_trimmed(FILE *f, const char *s, size_t n)
{
	while (n && *s == ' ')
		s++, n--;
	while (n && s[n - 1] == ' ')
		n--;
	put_text(f, s, n, 1);
	fputc('\n', f);
}

/* The help text: paragraphs of running text and tagged lists. */
static void put_help(FILE *f, const char *help)
{
	const char *s = help;
	size_t column = 0;
	int new_paragraph = 1, in_list = 0;

	while (*s) {
		size_t len = line_length(s), term;

		if (strspn(s, " ") == len) {
			new_paragraph = 1;
			in_list = 0;
		} else if (item_line(s)) {
			if (!in_list)
				column = block_column(s);
			term = gap_column(s, len);
			if (!term && column && column < len && s[column - 1] == ' ')
				term = column;
			fputs(".TP\n", f);
			put_synopsis(f, s + 2, trimmed_length(s + 2, term ? term - 2 : len - 2));
			fputc('\n', f);
			if (term)
				put_trimmed(f, s + term, len - term);
			in_list = 1;
			new_paragraph = 0;
		} else if (in_list && s[0] == ' ') {
			put_trimmed(f, s, len);
		} else {
			if (new_paragraph || in_list)
				fputs(".PP\n", f);
			put_trimmed(f, s, len);
			new_paragraph = in_list = 0;
		}
		s += len + (s[len] == '\n');
	}
}

static void put_command(FILE *f, const struct man_command *c)
{
	size_t n = strlen(c->summary);

	fprintf(f, ".SS \"careers %s\"\n", c->name);
	put_usage(f, c->usage);
	fputs(".PP\n", f);
	if (n) {
		fputc(toupper((unsigned char)c->summary[0]), f);
		put_text(f, c->summary + 1, n - 1, 0);
		fputs(c->summary[n - 1] == '.' ? "\n" : ".\n", f);
	}
	put_help(f, c->help);
}

int cli_man(int argc, char **argv)
{
	size_t i;

	if (argc > 2)
		return cli_usage_error("help", "--man takes at most one command");
	for (i = 0; i < MAN_COMMAND_COUNT; i++) {
		if (argc == 2 && strcmp(argv[1], man_commands[i].name) != 0)
			continue;
		put_command(stdout, &man_commands[i]);
		if (argc == 2)
			return 0;
	}
	if (argc == 2) {
		fprintf(stderr, "careers: no command \"%s\" (see careers --help)\n", argv[1]);
		return EXIT_USAGE;
	}
	return 0;
}
