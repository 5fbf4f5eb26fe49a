/* test_takeaway.c - the words a phone shows for the kiosk's QR code, whole and cut to fit. */
#include "check.h"
#include "takeaway.h"

static const char code[] = "7QM-HCB-9T0-M7C-1HR-6Y4-2N";

static const struct takeaway_item three[] = {
	{ OPTION_COURSE, "A level Computer Science", "starts Sep 2027",
	  "Hall Cross Academy, Doncaster" },
	{ OPTION_VACANCY, "IT Support Apprentice", "apply by 26 Feb 2027",
	  "Danum IT Solutions Ltd, Doncaster" },
	{ OPTION_CAREER, "Cyber security professionals", NULL, "" },
};

TEST(whole_when_there_is_room)
{
	struct strbuf sb;

	strbuf_init(&sb);
	CHECK_INT(takeaway_text(&sb, three, 3, code, 1000), 1);
	CHECK_STR(sb.buf, "My careers shortlist\n"
		  "1. A level Computer Science - starts Sep 2027 - Hall Cross Academy, Doncaster\n"
		  "2. IT Support Apprentice - apply by 26 Feb 2027 - Danum IT Solutions Ltd, "
		  "Doncaster\n"
		  "3. Cyber security professionals (a career)\n"
		  "Adviser code (type it in): 7QM-HCB-9T0-M7C-1HR-6Y4-2N");
	strbuf_done(&sb);
}

TEST(cut_to_fit_never_dropped)
{
	struct strbuf sb;

	strbuf_init(&sb);
	for (size_t room = 200; room >= 60; room--) {
		int r = takeaway_text(&sb, three, 3, code, room);

		CHECK(r == 0);
		CHECK(sb.len <= room);
		CHECK_CONTAINS(sb.buf, "1. A");
		CHECK_CONTAINS(sb.buf, "\n2. I");
		CHECK_CONTAINS(sb.buf, "\n3. C");
		CHECK_CONTAINS(sb.buf, "Adviser code: 7QM-HCB-9T0-M7C-1HR-6Y4-2N");
	}
	/* The room shared out: a short line stays whole, long ones are cut evenly. */
	takeaway_text(&sb, three, 3, code, 180);
	CHECK_STR(sb.buf, "1. A level Computer Science - starts Sep 2027\n"
		  "2. IT Support Apprentice - apply by 26 Feb 2027\n"
		  "3. Cyber security professionals (a career)\n"
		  "Adviser code: 7QM-HCB-9T0-M7C-1HR-6Y4-2N");
	/* Not even the numbers: nothing. */
	CHECK_INT(takeaway_text(&sb, three, 3, code, 50), -1);
	CHECK_STR(sb.buf, "");
	strbuf_done(&sb);
}

TEST(no_half_characters)
{
	static const struct takeaway_item accented[] = {
		{ OPTION_COURSE, "Caf\xC3\xA9 and h\xC3\xB4tel skills \xC3\xA9\xC3\xA9\xC3\xA9\xC3\xA9",
		  "", "" },
	};
	struct strbuf sb;

	strbuf_init(&sb);
	for (size_t room = 70; room >= 45; room--) {
		takeaway_text(&sb, accented, 1, code, room);
		for (size_t i = 0; i < sb.len; i++)
			if (((unsigned char)sb.buf[i] & 0xC0) == 0xC0)
				CHECK(i + 1 < sb.len && ((unsigned char)sb.buf[i + 1] & 0xC0) == 0x80);
	}
	strbuf_done(&sb);
}

TEST(when)
{
	char out[64];

	takeaway_when(OPTION_COURSE, "2027-09-06", "", out, sizeof(out));
	CHECK_STR(out, "starts Sep 2027");
	takeaway_when(OPTION_VACANCY, "2027-04-01", "2027-02-26", out, sizeof(out));
	CHECK_STR(out, "apply by 26 Feb 2027");
	takeaway_when(OPTION_CAREER, NULL, NULL, out, sizeof(out));
	CHECK_STR(out, "");
}

TESTS(whole_when_there_is_room, cut_to_fit_never_dropped, no_half_characters, when)
