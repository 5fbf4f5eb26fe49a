/*
 * test_fetch_parts.c - the pieces `careers fetch` is made of, without a
 * network: the list of sources, finding the newest file in an index, the
 * FETCHED records, settings files, and noticing a replaced store.
 * (e2e_fetch.sh runs the whole thing against a local web server.)
 */
#include <stdio.h>
#include <unistd.h>

#include "check.h"
#include "discover.h"
#include "mem.h"
#include "origin.h"
#include "settings.h"
#include "source_list.h"
#include "storewatch.h"

static const char good_list[] =
	"# a comment\n"
	"[course-directory]\n"
	"title = Courses\n"
	"publisher = DfE\n"
	"licence = OGL\n"
	"changes = monthly\n"
	"kind = csv\n"
	"index = https://www.gov.uk/api/content/x\n"
	"find = json $.details.attachments url filename\n"
	"match = ^Live-[0-9]{8}\\.csv$\n"
	"url = {found}\n"
	"\n"
	"[vacancies]\n"
	"title = Vacancies\n"
	"publisher = DfE\n"
	"licence = OGL\n"
	"changes = daily\n"
	"kind = json\n"
	"url = https://api.example/v?PageNumber={page}\n"
	"pages = $.totalPages\n"
	"key = FAA_API_KEY\n"
	"key_header = Ocp-Apim-Subscription-Key\n"
	"header = X-Version: 2\n"
	"max_size = 500M\n"
	"enabled = no\n";

TEST(source_list_reads)
{
	struct source_list l;
	const struct source *s;
	char err[300];

	CHECK_INT(source_list_parse("t.conf", good_list, &l, err, sizeof(err)), STATUS_OK);
	CHECK_INT(l.count, 2);
	s = source_list_find(&l, "course-directory");
	CHECK(s && s->find == SOURCE_FIND_JSON && s->enabled);
	CHECK_STR(s->find_records, "$.details.attachments");
	CHECK_STR(s->find_match_field, "filename");
	s = source_list_find(&l, "vacancies");
	CHECK(s && !s->enabled && s->header_count == 1);
	CHECK_INT(s->max_size, 500LL << 20);
	source_list_free(&l);
}

static void bad(const char *text, const char *message)
{
	struct source_list l;
	char err[300];

	CHECK_INT(source_list_parse("t.conf", text, &l, err, sizeof(err)), STATUS_FORMAT);
	CHECK_STR(err, message);
}

TEST(source_list_errors_name_the_line)
{
	bad("title = x\n", "t.conf:1: a setting before the first [source-name]");
	bad("[a]\nkind = pdf\n", "t.conf:2: kind is csv, json, zip, xlsx or text");
	bad("[a]\nmatch = (\n", "t.conf:2: match is not a regular expression (POSIX extended)");
	bad("[a]\nurl = x\n", "t.conf:1: [a] needs title, publisher, licence, changes and kind");
	bad("[a]\ntitle = t\npublisher = p\nlicence = l\nchanges = weekly\nkind = csv\n"
	    "url = https://x/{page}\n", "t.conf:1: [a] pages and {page} in the url go together");
	bad("[a]\nfrobnicate = yes\n", "t.conf:2: frobnicate is not a setting careers knows");
	bad("[a b]\n", "t.conf:1: a source's name is letters, digits and '-'");
	bad("[a]\njust words\n", "t.conf:2: expected \"name = value\" or \"[source-name]\"");
	bad("", "t.conf: lists no sources");
}

TEST(newest_in_a_json_index)
{
	const char *index = "{\"details\": {\"attachments\": ["
			    "{\"url\": \"/a\", \"filename\": \"Live-20261101.csv\"},"
			    "{\"url\": \"/h\", \"title\": \"an html attachment\"},"
			    "{\"url\": \"/b\", \"filename\": \"Live-20261201.csv\"},"
			    "{\"url\": \"/c\", \"filename\": \"Live-20261201.csv.old\"}]}}";
	struct discover_list l;
	const struct discover_candidate *c;
	char err[300], *matched;

	CHECK_INT(discover_json(index, strlen(index), "$.details.attachments", "url", "filename", &l,
				err, sizeof(err)), STATUS_OK);
	CHECK_INT(l.count, 4);
	CHECK_INT(discover_pick(&l, "^Live-[0-9]{8}\\.csv$", 1, &c, &matched, err, sizeof(err)),
		  STATUS_OK);
	CHECK_STR(c->value, "/b");
	free(matched);
	CHECK_INT(discover_pick(&l, "^Live-[0-9]{8}\\.csv$", 0, &c, &matched, err, sizeof(err)),
		  STATUS_OK);
	CHECK_STR(c->value, "/a");
	free(matched);
	CHECK_INT(discover_pick(&l, "^Other", 1, &c, &matched, err, sizeof(err)), STATUS_NOT_FOUND);
	CHECK_CONTAINS(err, "none of the 4 entries");
	discover_list_free(&l);
	CHECK_INT(discover_json("[1,", 3, "$", "url", NULL, &l, err, sizeof(err)), STATUS_FORMAT);
	discover_list_free(&l);
}

TEST(newest_link_on_a_page)
{
	const char *page = "<a href=\"/f/LearningDelivery_V011_CSV.Zip\">old</a>"
			   "<A HREF='/f/get?fileName=published%2F012%2FLearningDelivery_V012_CSV.Zip&amp;x=1'>"
			   "<a data-href=\"/nope_V999_CSV.Zip\"> <link href=/style.css>";
	struct discover_list l;
	const struct discover_candidate *c;
	char err[300], *matched, *url;

	discover_links(page, strlen(page), &l);
	CHECK_INT(l.count, 3);
	CHECK_INT(discover_pick(&l, "LearningDelivery_V[0-9]+_CSV\\.[Zz]ip", 1, &c, &matched, err,
				sizeof(err)), STATUS_OK);
	CHECK_STR(c->value, "/f/get?fileName=published%2F012%2FLearningDelivery_V012_CSV.Zip&x=1");
	CHECK_STR(matched, "LearningDelivery_V012_CSV.Zip");
	url = discover_resolve("https://example.org/find/DownloadData", c->value);
	CHECK_STR(url, "https://example.org/f/get?fileName=published%2F012%2FLearningDelivery_V012_CSV.Zip&x=1");
	free(url);
	url = discover_resolve("https://example.org/a/page.html", "db_30_1_text.zip");
	CHECK_STR(url, "https://example.org/a/db_30_1_text.zip");
	free(url);
	free(matched);
	discover_list_free(&l);
}

TEST(newest_compares_numbers_as_numbers)
{
	CHECK(discover_compare("V012", "V11") > 0);
	CHECK(discover_compare("db_30_10_text", "db_30_9_text") > 0);
	CHECK(discover_compare("Live-20261201", "Live-20261101") > 0);
	CHECK(discover_compare("ashetable142025revised", "ashetable142025provisional") > 0);
	CHECK_INT(discover_compare("a007", "a7"), 0);
}

TEST(fetched_records_round_trip)
{
	struct origin_list l, back;
	struct origin o = { 0 };
	struct strbuf text;
	char err[300];

	memset(&l, 0, sizeof(l));
	o.file = (char *)"a.csv";
	o.url = (char *)"https://example.org/a.csv";
	o.fetched = (char *)"2026-12-05T10:15:00Z";
	o.etag = (char *)"\"x1\"";
	o.bytes = 12;
	origin_put(&l, &o);
	o.file = (char *)"b.json";
	origin_put(&l, &o);
	o.url = (char *)"https://example.org/b2.json";
	origin_put(&l, &o);	/* replaces b.json */
	strbuf_init(&text);
	origin_write(&l, "test", &text);
	CHECK_INT(origin_parse("FETCHED", text.buf, &back, err, sizeof(err)), STATUS_OK);
	CHECK_INT(back.count, 2);
	CHECK_STR(origin_find(&back, "b.json")->url, "https://example.org/b2.json");
	CHECK_STR(origin_find(&back, "a.csv")->etag, "\"x1\"");
	origin_list_free(&back);
	CHECK_INT(origin_parse("FETCHED", "file: x\nurl: y\n", &back, err, sizeof(err)),
		  STATUS_FORMAT);
	CHECK_STR(err, "FETCHED:1: a record without its file, url and fetched lines");
	CHECK_INT(origin_parse("FETCHED", "file: ../x\nurl: y\nfetched: z\n", &back, err,
			       sizeof(err)), STATUS_FORMAT);
	CHECK(origin_is_file("a/b/FETCHED") && !origin_is_file("a/FETCHED.csv"));
	origin_list_free(&l);
	strbuf_done(&text);
}

TEST(settings_files)
{
	struct settings s;
	char *name, *value;

	CHECK_INT(settings_open_text(&s, "x.conf", "# c\n\n  from = https://x/  \n[sec]\nbad\n"), 0);
	CHECK_INT(settings_next(&s, &name, &value), 1);
	CHECK_STR(name, "from");
	CHECK_STR(value, "https://x/");
	CHECK_INT(settings_next(&s, &name, &value), 2);
	CHECK_STR(name, "sec");
	CHECK_INT(settings_next(&s, &name, &value), -1);
	CHECK_INT(s.l.number, 5);
	CHECK_INT(settings_next(&s, &name, &value), 0);
	settings_close(&s);
}

TEST(store_watch_sees_a_rename)
{
	const char *tmp = getenv("CAREERS_TEST_TMP");
	char a[480], b[512];
	struct storewatch w;
	FILE *f;

	snprintf(a, sizeof(a), "%s/watch-%ld.db", tmp ? tmp : "/tmp", (long)getpid());
	snprintf(b, sizeof(b), "%s.new", a);
	f = fopen(a, "w");
	fputs("old", f);
	fclose(f);
	storewatch_init(&w, a);
	CHECK_INT(storewatch_changed(&w, a), 0);
	f = fopen(b, "w");
	fputs("new", f);
	fclose(f);
	CHECK_INT(rename(b, a), 0);
	CHECK_INT(storewatch_changed(&w, a), 1);
	unlink(a);
	CHECK_INT(storewatch_changed(&w, a), 0);	/* gone: keep what is open */
}

TESTS(source_list_reads, source_list_errors_name_the_line, newest_in_a_json_index,
      newest_link_on_a_page, newest_compares_numbers_as_numbers, fetched_records_round_trip,
      settings_files, store_watch_sees_a_rename)
