/*
 * plan_html.c - the plan as one self-contained HTML page: inline CSS, no
 * scripts, nothing fetched. It reads on a phone (tables stack into cards
 * below 40rem) and prints on A4 (print rules below). Every text goes
 * through html_text(), which escapes it, also for quoted attributes.
 */
#include <string.h>

#include "plan_int.h"

static const char html_head[] =
	"<!DOCTYPE html>\n"
	"<html lang=\"en-GB\">\n"
	"<head>\n"
	"<meta charset=\"utf-8\">\n"
	"<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
	"<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; "
	"style-src 'unsafe-inline'\">\n"
	"<title>Your careers action plan</title>\n"
	"<style>\n"
	"body { margin: 0; background: #fff; color: #1a202c; line-height: 1.5;\n"
	"  font-family: system-ui, -apple-system, \"Segoe UI\", Roboto, Arial, sans-serif; }\n"
	"main { max-width: 56rem; margin: 0 auto; padding: 1rem; overflow-wrap: anywhere; }\n"
	"h1 { font-size: 1.8rem; margin: 0.5rem 0 1rem; }\n"
	"h2 { font-size: 1.35rem; margin: 2rem 0 0.6rem; padding-bottom: 0.2rem;\n"
	"  border-bottom: 2px solid #2b6cb0; }\n"
	"h3 { font-size: 1.1rem; margin: 1.2rem 0 0.3rem; }\n"
	"ul { padding-left: 1.3rem; }\n"
	"ul.fields { list-style: none; padding-left: 0; }\n"
	"li { margin: 0.15rem 0; }\n"
	".notice { border-left: 5px solid #c05621; background: #fffaf0; padding: 0.5rem 0.8rem; }\n"
	"table { border-collapse: collapse; width: 100%; margin: 0.5rem 0 1rem; }\n"
	"th, td { border: 1px solid #cbd5e0; padding: 0.4rem 0.5rem; text-align: left;\n"
	"  vertical-align: top; }\n"
	"thead th { background: #ebf4ff; }\n"
	"tbody th { background: #f7fafc; }\n"
	"a { color: #2b6cb0; overflow-wrap: anywhere; }\n"
	".appendix { font-size: 0.9rem; color: #4a5568; margin-top: 2.5rem; }\n"
	"@media screen and (max-width: 40rem) {\n"
	"  main { padding: 0.6rem; }\n"
	"  table.stack thead { display: none; }\n"
	"  table.stack, table.stack tbody, table.stack tr, table.stack th, table.stack td {\n"
	"    display: block; width: auto; }\n"
	"  table.stack tr { margin-bottom: 0.8rem; border: 1px solid #cbd5e0; }\n"
	"  table.stack th, table.stack td { border: 0; border-top: 1px solid #e2e8f0; }\n"
	"  table.stack tr > :first-child { border-top: 0; }\n"
	"  table.stack td::before { content: attr(data-label); display: block;\n"
	"    font-size: 0.85rem; font-weight: 600; color: #4a5568; }\n"
	"}\n"
	"@page { size: A4; margin: 16mm 15mm; }\n"
	"@media print {\n"
	"  body { font-size: 10.5pt; color: #000; }\n"
	"  main { max-width: none; padding: 0; }\n"
	"  h2 { break-after: avoid; page-break-after: avoid; }\n"
	"  tr, li, .option { break-inside: avoid; page-break-inside: avoid; }\n"
	"  thead th, tbody th { background: none; }\n"
	"  .notice { border: 1px solid #000; background: none; }\n"
	"  a { color: #000; text-decoration: none; }\n"
	"}\n"
	"</style>\n"
	"</head>\n"
	"<body>\n"
	"<main>\n";


/* HTML text (also safe inside a quoted attribute); line breaks as <br> or spaces. */
static void html_text(struct strbuf *out, const char *s, int breaks)
{
	for (; s && *s; s++) {
		unsigned char c = (unsigned char)*s;

		switch (c) {
		case '&': strbuf_puts(out, "&amp;"); break;
		case '<': strbuf_puts(out, "&lt;"); break;
		case '>': strbuf_puts(out, "&gt;"); break;
		case '"': strbuf_puts(out, "&quot;"); break;
		case '\'': strbuf_puts(out, "&#39;"); break;
		case '\r': break;
		case '\n':
			strbuf_puts(out, breaks ? "<br>\n" : " ");
			break;
		default:
			strbuf_putc(out, c < 0x20 || c == 0x7f ? ' ' : (char)c);
		}
	}
}

static void html_begin(struct writer *w)
{
	strbuf_puts(w->out, html_head);
}

static void html_end(struct writer *w)
{
	strbuf_puts(w->out, "</main>\n</body>\n</html>\n");
}

static void html_write(struct writer *w, const char *s, enum plan_text how)
{
	html_text(w->out, s, how != PLAN_TEXT_INLINE);
}

static void html_heading(struct writer *w, int level, const char *s)
{
	strbuf_printf(w->out, "<h%d>", level);
	html_text(w->out, s, 0);
	strbuf_printf(w->out, "</h%d>\n", level);
}

static void html_para(struct writer *w, const char *s)
{
	strbuf_puts(w->out, "<p>");
	html_text(w->out, s, 1);
	strbuf_puts(w->out, "</p>\n");
}

static void html_notice(struct writer *w, const char *s)
{
	strbuf_puts(w->out, "<p class=\"notice\"><strong>");
	html_text(w->out, s, 1);
	strbuf_puts(w->out, "</strong></p>\n");
}

static void html_list_begin(struct writer *w, const char *class)
{
	strbuf_printf(w->out, "<ul class=\"%s\">\n", class);
}

static void html_list_end(struct writer *w)
{
	strbuf_puts(w->out, "</ul>\n");
}

static void html_item_begin(struct writer *w)
{
	strbuf_puts(w->out, "<li>");
}

static void html_item_end(struct writer *w)
{
	strbuf_puts(w->out, "</li>\n");
}

static void html_label(struct writer *w, const char *s)
{
	strbuf_puts(w->out, "<strong>");
	html_text(w->out, s, 0);
	strbuf_puts(w->out, ":</strong>");
}

static void html_link(struct writer *w, const char *url)
{
	strbuf_puts(w->out, "<a href=\"");
	html_text(w->out, url, 0);
	strbuf_puts(w->out, "\">");
	html_text(w->out, url, 0);
	strbuf_puts(w->out, "</a>");
}

static void html_sublist_begin(struct writer *w)
{
	strbuf_puts(w->out, "\n<ul>\n");
}

static void html_sublist_end(struct writer *w)
{
	strbuf_puts(w->out, "</ul></li>\n");
}

static void html_section_begin(struct writer *w, const char *class)
{
	strbuf_printf(w->out, "<section class=\"%s\">\n", class);
}

static void html_section_end(struct writer *w)
{
	strbuf_puts(w->out, "</section>\n");
}

static void html_block_begin(struct writer *w)
{
	strbuf_puts(w->out, "<p>");
}

static void html_line_break(struct writer *w)
{
	strbuf_puts(w->out, "<br>\n");
}

static void html_block_end(struct writer *w)
{
	strbuf_puts(w->out, "</p>\n");
}

static void html_table_begin(struct writer *w, const struct plan_table *t, const char *class)
{
	strbuf_printf(w->out, "<table class=\"stack %s\">\n<thead><tr>", class);
	for (int i = 0; i < t->columns; i++) {
		strbuf_puts(w->out, "<th scope=\"col\">");
		html_text(w->out, t->head[i], 0);
		strbuf_puts(w->out, "</th>");
	}
	strbuf_puts(w->out, "</tr></thead>\n<tbody>\n");
}

static void html_table_row(struct writer *w, const struct plan_table *t, const char *const *cells)
{
	strbuf_puts(w->out, "<tr>");
	for (int i = 0; i < t->columns; i++) {
		if (i == 0 && t->row_heads) {
			strbuf_puts(w->out, "<th scope=\"row\">");
			html_text(w->out, cells[i], 1);
			strbuf_puts(w->out, "</th>");
			continue;
		}
		strbuf_puts(w->out, "<td data-label=\"");
		html_text(w->out, t->head[i], 0);
		strbuf_puts(w->out, "\">");
		html_text(w->out, cells[i], 1);
		strbuf_puts(w->out, "</td>");
	}
	strbuf_puts(w->out, "</tr>\n");
}

static void html_table_end(struct writer *w)
{
	strbuf_puts(w->out, "</tbody>\n</table>\n");
}

const struct plan_writer_ops plan_html_ops = {
	.begin = html_begin,
	.end = html_end,
	.text = html_write,
	.heading = html_heading,
	.para = html_para,
	.notice = html_notice,
	.list_begin = html_list_begin,
	.list_end = html_list_end,
	.item_begin = html_item_begin,
	.item_end = html_item_end,
	.label = html_label,
	.link = html_link,
	.sublist_begin = html_sublist_begin,
	.subitem_begin = html_item_begin,
	.subitem_end = html_item_end,
	.sublist_end = html_sublist_end,
	.section_begin = html_section_begin,
	.section_end = html_section_end,
	.block_begin = html_block_begin,
	.line_break = html_line_break,
	.block_end = html_block_end,
	.table_begin = html_table_begin,
	.table_row = html_table_row,
	.table_end = html_table_end,
};
