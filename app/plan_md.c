/*
 * plan_md.c - the plan as Markdown (CommonMark with GitHub tables).
 *
 * Everything typed or read from the data is escaped by md_text(): markup
 * characters get a backslash, and no line can start a list, heading or
 * code block by accident; a table cell gets no line breaks at all.
 */
#include <ctype.h>
#include <string.h>

#include "plan_int.h"

/*
 * Markdown text: markup characters are backslash-escaped; a line break
 * becomes `newline` (a space in a table cell, a hard break in a list
 * item), and the start of each following line - and of the first, when
 * line_start is set - is made safe: no list, heading or code block can
 * begin there.
 */
static void md_text(struct strbuf *out, const char *s, const char *newline, int line_start)
{
	for (; s && *s; s++) {
		unsigned char c = (unsigned char)*s;

		if (c == '\r')
			continue;
		if (c == '\n') {
			while (s[1] == '\n' || s[1] == '\r')
				s++;
			if (s[1])
				strbuf_puts(out, newline);
			line_start = 1;
			continue;
		}
		if (c == '\t' || c < 0x20 || c == 0x7f)
			c = ' ';
		if (line_start) {
			size_t n = strspn(s, "0123456789");

			if (c == ' ')
				continue;
			line_start = 0;
			if (strchr("=~", c) || (strchr("-+", c) && (s[1] == ' ' || !s[1]))) {
				strbuf_putc(out, '\\');
			} else if (n && (s[n] == '.' || s[n] == ')') && (s[n + 1] == ' ' || !s[n + 1])) {
				/* "1. " would start a numbered list. */
				strbuf_add(out, s, n);
				strbuf_putc(out, '\\');
				s += n;
				c = (unsigned char)*s;
			}
		}
		if (strchr("\\`*_[]<>|#", c))
			strbuf_putc(out, '\\');
		else if (c == '&' && (isalpha((unsigned char)s[1]) || s[1] == '#'))
			strbuf_putc(out, '\\');
		strbuf_putc(out, (char)c);
	}
}

static void md_begin(struct writer *w)
{
	(void)w;
}

static void md_end(struct writer *w)
{
	(void)w;
}

static void md_write(struct writer *w, const char *s, enum plan_text how)
{
	switch (how) {
	case PLAN_TEXT_RUNNING:
		md_text(w->out, s, "  \n  ", 0);
		break;
	case PLAN_TEXT_FIRST:
		md_text(w->out, s, "  \n  ", 1);
		break;
	case PLAN_TEXT_CELL:
	case PLAN_TEXT_INLINE:
		md_text(w->out, s, " ", 0);
		break;
	}
}

static void md_heading(struct writer *w, int level, const char *s)
{
	strbuf_printf(w->out, "%s%.*s ", w->out->len ? "\n" : "", level, "######");
	md_text(w->out, s, " ", 0);
	strbuf_puts(w->out, "\n\n");
}

static void md_para(struct writer *w, const char *s)
{
	md_text(w->out, s, "  \n  ", 1);
	strbuf_puts(w->out, "\n\n");
}

static void md_notice(struct writer *w, const char *s)
{
	strbuf_puts(w->out, "> **");
	md_text(w->out, s, " ", 0);
	strbuf_puts(w->out, "**\n\n");
}

static void md_list_begin(struct writer *w, const char *class)
{
	(void)w;
	(void)class;
}

static void md_list_end(struct writer *w)
{
	strbuf_putc(w->out, '\n');
}

static void md_item_begin(struct writer *w)
{
	strbuf_puts(w->out, "- ");
}

static void md_item_end(struct writer *w)
{
	strbuf_putc(w->out, '\n');
}

static void md_label(struct writer *w, const char *s)
{
	strbuf_puts(w->out, "**");
	md_text(w->out, s, " ", 0);
	strbuf_puts(w->out, ":**");
}

static void md_link(struct writer *w, const char *url)
{
	strbuf_printf(w->out, "<%s>", url);
}

static void md_sublist_begin(struct writer *w)
{
	strbuf_putc(w->out, '\n');
}

static void md_subitem_begin(struct writer *w)
{
	strbuf_puts(w->out, "  - ");
}

static void md_subitem_end(struct writer *w)
{
	strbuf_putc(w->out, '\n');
}

static void md_nothing(struct writer *w)
{
	(void)w;
}

static void md_section_begin(struct writer *w, const char *class)
{
	(void)w;
	(void)class;
}

static void md_line_break(struct writer *w)
{
	strbuf_puts(w->out, "  \n");
}

static void md_block_end(struct writer *w)
{
	strbuf_puts(w->out, "\n\n");
}

static void md_table_begin(struct writer *w, const struct plan_table *t, const char *class)
{
	(void)class;
	for (int i = 0; i < t->columns; i++) {
		strbuf_puts(w->out, "| ");
		md_text(w->out, t->head[i], " ", 0);
		strbuf_puts(w->out, " ");
	}
	strbuf_puts(w->out, "|\n");
	for (int i = 0; i < t->columns; i++)
		strbuf_puts(w->out, "|---");
	strbuf_puts(w->out, "|\n");
}

static void md_table_row(struct writer *w, const struct plan_table *t, const char *const *cells)
{
	for (int i = 0; i < t->columns; i++) {
		strbuf_puts(w->out, i == 0 && t->row_heads ? "| **" : "| ");
		md_text(w->out, cells[i], " ", 0);
		strbuf_puts(w->out, i == 0 && t->row_heads ? "** " : " ");
	}
	strbuf_puts(w->out, "|\n");
}

static void md_table_end(struct writer *w)
{
	strbuf_putc(w->out, '\n');
}

const struct plan_writer_ops plan_markdown_ops = {
	.begin = md_begin,
	.end = md_end,
	.text = md_write,
	.heading = md_heading,
	.para = md_para,
	.notice = md_notice,
	.list_begin = md_list_begin,
	.list_end = md_list_end,
	.item_begin = md_item_begin,
	.item_end = md_item_end,
	.label = md_label,
	.link = md_link,
	.sublist_begin = md_sublist_begin,
	.subitem_begin = md_subitem_begin,
	.subitem_end = md_subitem_end,
	.sublist_end = md_nothing,
	.section_begin = md_section_begin,
	.section_end = md_nothing,
	.block_begin = md_nothing,
	.line_break = md_line_break,
	.block_end = md_block_end,
	.table_begin = md_table_begin,
	.table_row = md_table_row,
	.table_end = md_table_end,
};
