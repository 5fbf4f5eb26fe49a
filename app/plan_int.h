/*
 * plan_int.h - what the plan's files share (not for other modules).
 *
 *   plan_facts.c   the facts that compare options (plan_facts)
 *   plan.c         the plan itself: its sections, in order, for a family
 *   plan_md.c      the Markdown writer
 *   plan_html.c    the HTML writer (one page; reads on a phone, prints on A4)
 *
 * The plan's sections say what goes in the plan; they write it only
 * through a writer's ops, one table per format. Text from the adviser or
 * the data goes through a writer's text(), which escapes it; the fixed
 * words around it are ours.
 */
#ifndef CAREERS_PLAN_INT_H
#define CAREERS_PLAN_INT_H

#include "mem.h"
#include "plan.h"

struct writer;

/* How a piece of text sits: what a line break in it becomes, and what escaping needs. */
enum plan_text {
	PLAN_TEXT_RUNNING,	/* after other words on a line: breaks kept */
	PLAN_TEXT_FIRST,	/* at the start of a paragraph or list item */
	PLAN_TEXT_CELL,		/* in a table cell */
	PLAN_TEXT_INLINE,	/* a heading or label: breaks become spaces */
};

/*
 * A table: header cells, then rows. In HTML each data cell carries its
 * column's header as data-label, which the narrow-screen CSS shows above
 * the value when the table stacks.
 */
struct plan_table {
	const char *const *head;
	int columns;
	int row_heads;		/* the first cell of each row is a header */
};

struct plan_writer_ops {
	void (*begin)(struct writer *w);			/* the page's head */
	void (*end)(struct writer *w);
	void (*text)(struct writer *w, const char *s, enum plan_text how);
	void (*heading)(struct writer *w, int level, const char *s);
	void (*para)(struct writer *w, const char *s);
	void (*notice)(struct writer *w, const char *s);	/* a boxed warning */
	void (*list_begin)(struct writer *w, const char *class);
	void (*list_end)(struct writer *w);
	void (*item_begin)(struct writer *w);
	void (*item_end)(struct writer *w);
	void (*label)(struct writer *w, const char *s);		/* "Label:" in bold */
	void (*link)(struct writer *w, const char *url);	/* a checked http(s) URL */
	/* A list inside a list item: the sublist's end ends the item too. */
	void (*sublist_begin)(struct writer *w);
	void (*subitem_begin)(struct writer *w);
	void (*subitem_end)(struct writer *w);
	void (*sublist_end)(struct writer *w);
	void (*section_begin)(struct writer *w, const char *class);
	void (*section_end)(struct writer *w);
	/* A paragraph written in pieces, with hard line breaks. */
	void (*block_begin)(struct writer *w);
	void (*line_break)(struct writer *w);
	void (*block_end)(struct writer *w);
	void (*table_begin)(struct writer *w, const struct plan_table *t, const char *class);
	void (*table_row)(struct writer *w, const struct plan_table *t, const char *const *cells);
	void (*table_end)(struct writer *w);
};

struct writer {
	const struct plan_writer_ops *ops;
	struct strbuf *out;		/* (borrowed) */
};

extern const struct plan_writer_ops plan_markdown_ops;
extern const struct plan_writer_ops plan_html_ops;

#endif
