/*
 * test_handover.c - the "take it with you" code: round trips, the frozen
 * format, every single typing mistake and swap caught, what a person may
 * type, the messages, and how long codes get.
 */
#include <ctype.h>
#include <stdint.h>

#include "check.h"
#include "handover.h"
#include "match.h"

static const char symbols[] = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
static const char typing_mistake[] =
	"the code has a typing mistake: check each character and try again";

/* --- helpers -------------------------------------------------------------------- */

static uint64_t rng_state;

static uint64_t rng_next(void)
{
	/* xorshift64* */
	rng_state ^= rng_state >> 12;
	rng_state ^= rng_state << 25;
	rng_state ^= rng_state >> 27;
	return rng_state * 2685821657736338717ULL;
}

static int rng_below(int n)
{
	return (int)((rng_next() >> 33) % (uint64_t)n);
}

static const char *const districts[] = {
	"", "DN1", "DN12", "DN55", "S70", "S1", "WF1", "HU17", "EC1A", "W1A", "SW1W", "B1",
	"BS0", "ZE3", "AB10", "M60", "YO8", "CR0", "N1P", "TS27", "L1", "G84", "BT94",
};

static long long random_id(void)
{
	switch (rng_below(6)) {
	case 0:
		return rng_below(32);
	case 1:
		return rng_below(1024);
	case 2:
		return rng_below(200000);
	case 3:
		return (long long)(rng_next() >> 24);	/* up to 2^40 - 1 */
	case 4:
		return rng_below(2) ? HANDOVER_MAX_ID : 0;
	default:
		return (long long)(rng_next() >> (24 + rng_below(40)));
	}
}

static void random_handover(struct handover *h)
{
	static const int radii[] = { 2, 5, 10, 15, 20, 30, 50, HANDOVER_ANYWHERE };
	int letters, used[6] = { 0 };

	handover_init(h);
	h->fingerprint = (unsigned)rng_below(1024);
	if (rng_below(8) == 0) {
		h->school_year = 0;	/* not given */
	} else if (rng_below(4)) {
		h->school_year = 7 + rng_below(7);
	} else {
		h->school_year = 0;
		h->age = 16 + rng_below(10);
	}
	switch (rng_below(4)) {
	case 0:
		break;
	case 1:
		h->interests = 1u << rng_below(16);
		break;
	case 2:
		h->interests = (1u << rng_below(16)) | (1u << rng_below(16));
		break;
	default:
		h->interests = (unsigned)rng_below(65536);
	}
	letters = rng_below(4);
	for (int k = 0; k < letters; k++) {
		int l;

		do
			l = rng_below(6);
		while (used[l]);
		used[l] = 1;
		h->riasec[k] = "RIASEC"[l];
	}
	h->riasec[letters] = '\0';
	snprintf(h->district, sizeof(h->district), "%s",
		 districts[rng_below((int)(sizeof(districts) / sizeof(districts[0])))]);
	h->radius = radii[rng_below(8)];
	h->shortlist_count = rng_below(HANDOVER_MAX_SHORTLIST + 1);
	for (int i = 0; i < h->shortlist_count; i++) {
		h->shortlist[i].kind = (enum option_kind)rng_below(OPTION_KIND_COUNT);
		h->shortlist[i].id = random_id();
	}
}

static int same_handover(const struct handover *a, const struct handover *b)
{
	if (a->fingerprint != b->fingerprint || a->school_year != b->school_year ||
	    a->age != b->age || a->interests != b->interests || strcmp(a->riasec, b->riasec) ||
	    strcmp(a->district, b->district) || a->radius != b->radius ||
	    a->shortlist_count != b->shortlist_count)
		return 0;
	for (int i = 0; i < a->shortlist_count; i++)
		if (a->shortlist[i].kind != b->shortlist[i].kind ||
		    a->shortlist[i].id != b->shortlist[i].id)
			return 0;
	return 1;
}

/* The code without dashes. */
static void bare(const char *code, char *out)
{
	for (; *code; code++)
		if (*code != '-')
			*out++ = *code;
	*out = '\0';
}

static int value_of(char c)
{
	return (int)(strchr(symbols, c) - symbols);
}

/* The check as handover.h documents it, written out again here. */
static unsigned documented_check(const char *bare_code)
{
	unsigned h = 1;

	for (const char *p = bare_code; *p; p++) {
		h <<= 1;
		if (h & 32)
			h ^= 0x25;
		h ^= (unsigned)value_of(*p);
	}
	return h;
}

/* Replace the last (check) character of a bare code so the documented check holds. */
static void fix_check(char *bare_code)
{
	size_t n = strlen(bare_code);

	for (int c = 0; c < 32; c++) {
		bare_code[n - 1] = symbols[c];
		if (documented_check(bare_code) == 1)
			return;
	}
}

/* A typical learner: Year 10, two interest areas, a quiz result, DN4, 10 miles. */
static void typical(struct handover *h)
{
	handover_init(h);
	h->fingerprint = 517;
	h->school_year = 10;
	h->interests = (1u << (7 - 1)) | (1u << (9 - 1));	/* digital, engineering */
	strcpy(h->riasec, "RIC");
	strcpy(h->district, "DN4");
	h->radius = 10;
}

static size_t bare_length(const struct handover *h)
{
	char code[HANDOVER_CODE_SIZE], b[HANDOVER_CODE_SIZE];

	if (handover_encode(h, code, sizeof(code)) != STATUS_OK)
		return 0;
	bare(code, b);
	return strlen(b);
}

/* --- tests ------------------------------------------------------------------------- */

TEST(random_round_trips)
{
	struct handover h, back;
	char code[HANDOVER_CODE_SIZE], why[200];
	int failures = 0;

	rng_state = 0x9E3779B97F4A7C15ULL;
	for (int n = 0; n < 20000 && failures < 5; n++) {
		random_handover(&h);
		if (handover_encode(&h, code, sizeof(code)) != STATUS_OK) {
			handover_check(&h, why, sizeof(why));
			fprintf(stderr, "encode refused: %s\n", why);
			failures++;
			continue;
		}
		CHECK_INT(strlen(code), handover_length(&h));
		CHECK(strlen(code) < HANDOVER_CODE_SIZE);
		if (handover_decode(code, &back, why, sizeof(why)) != STATUS_OK ||
		    !same_handover(&h, &back)) {
			fprintf(stderr, "%s did not come back: %s\n", code, why);
			failures++;
		}
	}
	CHECK_INT(failures, 0);
}

/* These strings are the format: if one changes, HANDOVER_VERSION must too. */
TEST(known_encodings)
{
	struct handover h, back;
	char code[HANDOVER_CODE_SIZE], why[200];

	typical(&h);
	CHECK_INT(handover_encode(&h, code, sizeof(code)), STATUS_OK);
	CHECK_STR(code, "60M-ED0-M3M-447");
	h.shortlist_count = 3;
	h.shortlist[0].kind = OPTION_CAREER;
	h.shortlist[0].id = 212;
	h.shortlist[1].kind = OPTION_APPRENTICESHIP;
	h.shortlist[1].id = 7;
	h.shortlist[2].kind = OPTION_COURSE;
	h.shortlist[2].id = 48213;
	CHECK_INT(handover_encode(&h, code, sizeof(code)), STATUS_OK);
	CHECK_STR(code, "60M-ED0-M3M-446-GCR-WXC-AY1-C");
	CHECK_INT(handover_decode(code, &back, why, sizeof(why)), STATUS_OK);
	CHECK(same_handover(&h, &back));

	handover_init(&h);
	h.fingerprint = 3;
	h.school_year = 0;
	h.age = 17;
	strcpy(h.district, "EC1A");
	h.radius = HANDOVER_ANYWHERE;
	h.shortlist_count = 1;
	h.shortlist[0].kind = OPTION_UNIVERSITY;
	h.shortlist[0].id = HANDOVER_MAX_ID;
	CHECK_INT(handover_encode(&h, code, sizeof(code)), STATUS_OK);
	CHECK_STR(code, "40D-001-10C-3V0-G84-210-G80-4V");
}

TEST(every_substitution_and_swap_is_caught)
{
	struct handover h, back;
	char code[HANDOVER_CODE_SIZE], b[HANDOVER_CODE_SIZE], why[200];
	long substitutions = 0, swaps = 0, missed = 0;

	rng_state = 42;
	for (int n = 0; n < 400; n++) {
		size_t len;

		random_handover(&h);
		CHECK_INT(handover_encode(&h, code, sizeof(code)), STATUS_OK);
		bare(code, b);
		len = strlen(b);
		for (size_t i = 0; i < len; i++) {
			char was = b[i];

			for (int c = 0; c < 32; c++) {
				if (symbols[c] == was)
					continue;
				b[i] = symbols[c];
				substitutions++;
				if (handover_decode(b, &back, why, sizeof(why)) != STATUS_INVALID ||
				    strcmp(why, typing_mistake) != 0)
					missed++;
			}
			b[i] = was;
			if (i + 1 < len && b[i] != b[i + 1]) {
				b[i] = b[i + 1];
				b[i + 1] = was;
				swaps++;
				if (handover_decode(b, &back, why, sizeof(why)) != STATUS_INVALID ||
				    strcmp(why, typing_mistake) != 0)
					missed++;
				b[i + 1] = b[i];
				b[i] = was;
			}
		}
		/* Swaps further apart, on some of the codes. */
		for (size_t i = 0; n < 100 && i < len; i++)
			for (size_t j = i + 2; j < len && j < i + 31; j++) {
				char was = b[i];

				if (b[j] == was)
					continue;
				b[i] = b[j];
				b[j] = was;
				if (handover_decode(b, &back, why, sizeof(why)) == STATUS_OK)
					missed++;
				b[j] = b[i];
				b[i] = was;
			}
		CHECK_INT(handover_decode(b, &back, why, sizeof(why)), STATUS_OK);
	}
	CHECK_INT(missed, 0);
	CHECK(substitutions > 100000);
	CHECK(swaps > 3000);
}

/* Random strings with a correct check character: whatever decodes re-encodes to itself. */
TEST(one_code_per_handover)
{
	struct handover back;
	char b[HANDOVER_CODE_SIZE], code[HANDOVER_CODE_SIZE], again[HANDOVER_CODE_SIZE], why[200];
	int decoded = 0;

	rng_state = 7;
	for (int n = 0; n < 100000; n++) {
		if (n % 2) {
			/* Random characters. */
			int len = HANDOVER_MIN_SYMBOLS + rng_below(40);

			for (int i = 0; i < len; i++)
				b[i] = symbols[rng_below(32)];
			b[len] = '\0';
		} else {
			/* A real code with one to three characters changed. */
			struct handover h;

			random_handover(&h);
			h.shortlist_count = h.shortlist_count > 3 ? 3 : h.shortlist_count;
			CHECK_INT(handover_encode(&h, code, sizeof(code)), STATUS_OK);
			bare(code, b);
			for (int k = 1 + rng_below(3); k > 0; k--)
				b[1 + rng_below((int)strlen(b) - 1)] = symbols[rng_below(32)];
		}
		b[0] = symbols[(1 << 2) | rng_below(4)];	/* format 1 */
		fix_check(b);
		if (handover_decode(b, &back, why, sizeof(why)) != STATUS_OK)
			continue;
		decoded++;
		CHECK_INT(handover_encode(&back, code, sizeof(code)), STATUS_OK);
		bare(code, again);
		CHECK_STR(again, b);
	}
	CHECK(decoded > 10000);
}

TEST(what_people_type)
{
	struct handover h, back, want;
	char code[HANDOVER_CODE_SIZE], b[HANDOVER_CODE_SIZE], typed[3 * HANDOVER_CODE_SIZE],
	     why[200];
	int tried = 0;

	rng_state = 99;
	while (tried < 50) {
		size_t n = 0;

		random_handover(&h);
		CHECK_INT(handover_encode(&h, code, sizeof(code)), STATUS_OK);
		bare(code, b);
		if (!strchr(b, '0') || !strchr(b, '1'))
			continue;
		tried++;
		/* Lower case, 1 as I or l, 0 as O or o, spaces and dashes anywhere. */
		for (const char *p = b; *p; p++) {
			char c = (char)tolower((unsigned char)*p);

			if (*p == '1')
				c = "IilL"[rng_below(4)];
			else if (*p == '0')
				c = "Oo"[rng_below(2)];
			if (rng_below(3) == 0)
				typed[n++] = " -"[rng_below(2)];
			typed[n++] = c;
		}
		typed[n++] = ' ';
		typed[n] = '\0';
		CHECK_INT(handover_decode(typed, &back, why, sizeof(why)), STATUS_OK);
		CHECK(same_handover(&h, &back));
	}
	typical(&want);
	CHECK_INT(handover_encode(&want, code, sizeof(code)), STATUS_OK);
	for (size_t i = 0; code[i]; i++)
		code[i] = (char)tolower((unsigned char)code[i]);
	CHECK_INT(handover_decode(code, &back, why, sizeof(why)), STATUS_OK);
	CHECK(same_handover(&want, &back));
	CHECK_STR(back.riasec, "RIC");
	CHECK_STR(back.district, "DN4");
}

TEST(messages)
{
	struct handover h;
	char code[HANDOVER_CODE_SIZE], b[HANDOVER_CODE_SIZE], why[300];

	CHECK_INT(handover_decode("", &h, why, sizeof(why)), STATUS_INVALID);
	CHECK_CONTAINS(why, "no code was typed");
	CHECK_INT(handover_decode(" - ", &h, why, sizeof(why)), STATUS_INVALID);
	CHECK_CONTAINS(why, "no code was typed");

	CHECK_INT(handover_decode("K7Q-#3X-9D2", &h, why, sizeof(why)), STATUS_INVALID);
	CHECK_STR(why, "character 5, \"#\", cannot be in a code: codes use only the digits 0-9 "
		  "and the letters A-Z");
	CHECK_INT(handover_decode("K7Q-FUX-9D2", &h, why, sizeof(why)), STATUS_INVALID);
	CHECK_STR(why, "character 6, \"U\", is never used in codes: did you mean V?");
	CHECK_INT(handover_decode("K7Q-F3X-9D£", &h, why, sizeof(why)), STATUS_INVALID);
	CHECK_CONTAINS(why, "character 11, \"£\"");
	CHECK_INT(handover_decode("£K7Q-F3X-9D*", &h, why, sizeof(why)), STATUS_INVALID);
	CHECK_CONTAINS(why, "character 1, \"£\"");
	CHECK_INT(handover_decode("K7Q\tF3X\001", &h, why, sizeof(why)), STATUS_INVALID);
	CHECK_CONTAINS(why, "character 8, a control character");

	CHECK_INT(handover_decode("K7Q-F3X", &h, why, sizeof(why)), STATUS_INVALID);
	CHECK_STR(why, "the code is too short: codes have 9 to 152 characters (not counting "
		  "dashes) and this one has 6");
	memset(b, 'A', 160);
	b[160] = '\0';
	CHECK_INT(handover_decode(b, &h, why, sizeof(why)), STATUS_INVALID);
	CHECK_CONTAINS(why, "the code is too long");
	CHECK_CONTAINS(why, "this one has 160");

	typical(&h);
	CHECK_INT(handover_encode(&h, code, sizeof(code)), STATUS_OK);
	bare(code, b);
	b[3] = b[3] == 'X' ? 'Y' : 'X';
	CHECK_INT(handover_decode(b, &h, why, sizeof(why)), STATUS_INVALID);
	CHECK_STR(why, typing_mistake);
	CHECK_INT(h.shortlist_count, 0);
	CHECK_INT(h.radius, HANDOVER_ANYWHERE);

	/* A missing or an extra character. */
	bare(code, b);
	memmove(b + 4, b + 5, strlen(b + 5) + 1);
	CHECK_INT(handover_decode(b, &h, why, sizeof(why)), STATUS_INVALID);
	bare(code, b);
	memmove(b + 1, b, strlen(b) + 1);
	b[0] = '0';
	CHECK_INT(handover_decode(b, &h, why, sizeof(why)), STATUS_INVALID);

	/* why may be left out. */
	CHECK_INT(handover_decode("K7Q", &h, NULL, 0), STATUS_INVALID);
}

TEST(other_versions)
{
	struct handover h;
	char code[HANDOVER_CODE_SIZE], b[HANDOVER_CODE_SIZE], why[300];

	typical(&h);
	CHECK_INT(handover_encode(&h, code, sizeof(code)), STATUS_OK);
	bare(code, b);
	/* The version is the top 3 bits of the first character. */
	CHECK_INT(value_of(b[0]) >> 2, HANDOVER_VERSION);
	for (int v = 0; v < 8; v++) {
		b[0] = symbols[(v << 2) | (value_of(b[0]) & 3)];
		fix_check(b);
		if (v == HANDOVER_VERSION)
			CHECK_INT(handover_decode(b, &h, why, sizeof(why)), STATUS_OK);
		else if (v == 0)
			CHECK_INT(handover_decode(b, &h, why, sizeof(why)), STATUS_INVALID);
		else {
			CHECK_INT(handover_decode(b, &h, why, sizeof(why)), STATUS_VERSION);
			CHECK_CONTAINS(why, "made by another version of careers");
		}
	}
	/* A run of zeros can pass the check: it is not a code. */
	memset(b, '0', 31);
	b[31] = '\0';
	CHECK_INT(documented_check(b), 1);
	CHECK_INT(handover_decode(b, &h, why, sizeof(why)), STATUS_INVALID);
	CHECK_STR(why, typing_mistake);
}

TEST(what_cannot_go_in_a_code)
{
	struct handover h;
	char code[HANDOVER_CODE_SIZE], why[300];

	typical(&h);
	h.radius = 7;
	CHECK_INT(handover_check(&h, why, sizeof(why)), STATUS_INVALID);
	CHECK_STR(why, "a radius of 7 miles cannot go in a code: use 2, 5, 10, 15, 20, 30 or 50 "
		  "miles, or anywhere");
	CHECK_INT(handover_encode(&h, code, sizeof(code)), STATUS_INVALID);
	CHECK_STR(code, "");
	CHECK_INT(handover_length(&h), 0);

	typical(&h);
	h.school_year = 6;
	CHECK_INT(handover_check(&h, why, sizeof(why)), STATUS_INVALID);
	CHECK_CONTAINS(why, "school year 6");
	h.school_year = 0;
	h.age = 26;
	CHECK_INT(handover_check(&h, why, sizeof(why)), STATUS_INVALID);
	h.age = 15;
	CHECK_INT(handover_check(&h, why, sizeof(why)), STATUS_INVALID);
	h.age = 25;
	CHECK_INT(handover_check(&h, why, sizeof(why)), STATUS_OK);

	typical(&h);
	h.interests = 1u << 16;
	CHECK_INT(handover_check(&h, why, sizeof(why)), STATUS_INVALID);
	CHECK_CONTAINS(why, "1 to 16");

	static const char *const bad_riasec[] = { "RR", "RIAS", "X", "R I" };
	for (size_t i = 0; i < sizeof(bad_riasec) / sizeof(bad_riasec[0]); i++) {
		typical(&h);
		strcpy(h.riasec, bad_riasec[i]);
		CHECK_INT(handover_check(&h, why, sizeof(why)), STATUS_INVALID);
		CHECK_CONTAINS(why, "letters of R I A S E C");
	}
	static const char *const bad_districts[] = { "DN", "1", "XX1", "DN01", "S123", "DN1 ",
						     "QQ1", "D1", "S1AB", "SW1-", "1DN" };
	for (size_t i = 0; i < sizeof(bad_districts) / sizeof(bad_districts[0]); i++) {
		typical(&h);
		snprintf(h.district, sizeof(h.district), "%s", bad_districts[i]);
		CHECK_INT(handover_check(&h, why, sizeof(why)), STATUS_INVALID);
		CHECK_CONTAINS(why, "is not a postcode district");
	}
	/* Not terminated inside the field. */
	typical(&h);
	memcpy(h.district, "DN12X", 5);
	CHECK_INT(handover_check(&h, why, sizeof(why)), STATUS_INVALID);

	typical(&h);
	h.shortlist_count = 13;
	CHECK_INT(handover_check(&h, why, sizeof(why)), STATUS_INVALID);
	CHECK_CONTAINS(why, "at most 12");
	h.shortlist_count = 1;
	h.shortlist[0].kind = OPTION_CAREER;
	h.shortlist[0].id = -1;
	CHECK_INT(handover_check(&h, why, sizeof(why)), STATUS_INVALID);
	CHECK_CONTAINS(why, "item 1 has id -1");
	h.shortlist[0].id = HANDOVER_MAX_ID + 1;
	CHECK_INT(handover_check(&h, why, sizeof(why)), STATUS_INVALID);
	h.shortlist[0].id = HANDOVER_MAX_ID;
	CHECK_INT(handover_check(&h, why, sizeof(why)), STATUS_OK);
	h.shortlist[0].kind = OPTION_KIND_COUNT;
	CHECK_INT(handover_check(&h, why, sizeof(why)), STATUS_INVALID);
	CHECK_CONTAINS(why, "not a kind of option");

	typical(&h);
	h.fingerprint = 1024;
	CHECK_INT(handover_check(&h, why, sizeof(why)), STATUS_INVALID);

	/* Lower case goes in, capitals come out. */
	typical(&h);
	strcpy(h.riasec, "sai");
	strcpy(h.district, "ec1a");
	CHECK_INT(handover_encode(&h, code, sizeof(code)), STATUS_OK);
	CHECK_INT(handover_decode(code, &h, why, sizeof(why)), STATUS_OK);
	CHECK_STR(h.riasec, "SAI");
	CHECK_STR(h.district, "EC1A");

	/* Too small a buffer. */
	typical(&h);
	CHECK_INT(handover_encode(&h, code, handover_length(&h)), STATUS_USAGE);
	CHECK_STR(code, "");
	CHECK_INT(handover_encode(&h, code, handover_length(&h) + 1), STATUS_OK);
}

TEST(code_lengths)
{
	struct handover h;
	static const long long career_ids[] = { 212, 97, 388, 15, 301, 240, 77, 150, 402, 19,
						 264, 333 };
	static const long long course_ids[] = { 48213, 1022, 87331, 5120, 64000, 99871, 31337,
						 12001, 73555, 2048, 55555, 90210 };
	size_t lengths[13];

	/* Empty shortlists. */
	handover_init(&h);
	h.school_year = 9;
	CHECK_INT(bare_length(&h), HANDOVER_MIN_SYMBOLS);
	typical(&h);
	CHECK(bare_length(&h) >= 9 && bare_length(&h) <= 12);
	h.interests = 0xFFFF;
	strcpy(h.district, "EC1A");
	CHECK_INT(bare_length(&h), 15);

	/* A typical shortlist: careers and apprenticeships (small ids), courses (big ones). */
	for (int n = 0; n <= 12; n++) {
		typical(&h);
		h.shortlist_count = n;
		for (int i = 0; i < n; i++) {
			int course = i % 3 == 2;

			h.shortlist[i].kind = course ? OPTION_COURSE : i % 3 ? OPTION_APPRENTICESHIP :
				OPTION_CAREER;
			h.shortlist[i].id = course ? course_ids[i] : career_ids[i];
		}
		lengths[n] = bare_length(&h);
		if (n)
			CHECK(lengths[n] > lengths[n - 1]);
	}
	printf("typical code lengths (characters without dashes): 0 items %zu, 3 items %zu, "
	       "6 items %zu, 12 items %zu\n", lengths[0], lengths[3], lengths[6], lengths[12]);
	CHECK(lengths[0] <= 12);
	CHECK(lengths[3] <= 24);
	CHECK(lengths[12] <= 70);

	/* The longest code there can be. */
	handover_init(&h);
	h.school_year = 0;
	h.age = 25;
	h.fingerprint = 1023;
	h.interests = 0xFFFF;
	strcpy(h.riasec, "CES");
	strcpy(h.district, "WC2H");
	h.radius = 50;
	h.shortlist_count = 12;
	for (int i = 0; i < 12; i++) {
		h.shortlist[i].kind = OPTION_UNIVERSITY;
		h.shortlist[i].id = HANDOVER_MAX_ID;
	}
	CHECK_INT(bare_length(&h), HANDOVER_MAX_SYMBOLS);
	CHECK_INT(handover_length(&h), HANDOVER_CODE_SIZE - 1);
}

TEST(every_real_district)
{
	const char *path = check_refdata("postcodes/outcode-centroids/postcode-outcodes.csv");
	struct handover h, back;
	char line[200], code[HANDOVER_CODE_SIZE], why[200];
	int count = 0, refused = 0;
	FILE *f;

	if (!path)
		SKIP("refdata postcodes/outcode-centroids is absent");
	f = fopen(path, "r");
	CHECK(f != NULL);
	if (!f)
		return;
	fgets(line, sizeof(line), f);	/* header */
	while (fgets(line, sizeof(line), f)) {
		char *outcode = strchr(line, ',');
		size_t n;

		if (!outcode)
			continue;
		outcode++;
		n = strcspn(outcode, ",");
		if (n == 0 || n >= sizeof(h.district))
			continue;
		typical(&h);
		memcpy(h.district, outcode, n);
		h.district[n] = '\0';
		count++;
		if (handover_encode(&h, code, sizeof(code)) != STATUS_OK ||
		    handover_decode(code, &back, why, sizeof(why)) != STATUS_OK ||
		    strcmp(back.district, h.district) != 0) {
			if (refused++ < 5)
				fprintf(stderr, "district %s did not round-trip\n", h.district);
		}
	}
	fclose(f);
	CHECK_INT(count, 2973);
	CHECK_INT(refused, 0);
}

TEST(fingerprints_and_radius_steps)
{
	unsigned seen[1024] = { 0 };
	int distinct = 0;
	char text[32];

	CHECK_INT(handover_fingerprint("doncaster 2026-11-01"),
		  handover_fingerprint("doncaster 2026-11-01"));
	for (int i = 0; i < 1000; i++) {
		unsigned f;

		snprintf(text, sizeof(text), "store built %d", i);
		f = handover_fingerprint(text);
		CHECK(f <= HANDOVER_FINGERPRINT_MAX);
		distinct += !seen[f]++;
	}
	CHECK(distinct > 550);	/* about 1024 * (1 - e^-1000/1024) = 638 if spread evenly */

	CHECK_INT(handover_radius_step(0), 2);
	CHECK_INT(handover_radius_step(2), 2);
	CHECK_INT(handover_radius_step(2.1), 5);
	CHECK_INT(handover_radius_step(12), 15);
	CHECK_INT(handover_radius_step(50), 50);
	CHECK_INT(handover_radius_step(51), HANDOVER_ANYWHERE);
	CHECK_INT(handover_radius_step(MATCH_ANYWHERE), HANDOVER_ANYWHERE);
	CHECK_INT(handover_radius_step(NAN), HANDOVER_ANYWHERE);
}

TEST(to_and_from_the_profile)
{
	struct match_profile p, q;
	struct handover h;
	char why[200];

	match_profile_init(&p);
	p.school_year = 11;
	p.interests[0] = 7;
	p.interests[1] = 3;
	p.interest_count = 2;
	CHECK_INT(match_parse_riasec("0.5,1,0.2,1,0,0.9", p.riasec, why, sizeof(why)), STATUS_OK);
	p.has_riasec = 1;
	strcpy(p.place, "DN1 3BU");
	p.place_is_full = 1;
	p.radius = 12;
	handover_init(&h);
	CHECK_INT(handover_from_profile(&h, &p), STATUS_OK);
	CHECK_INT(h.school_year, 11);
	CHECK_INT(h.interests, (1u << 6) | (1u << 2));
	CHECK_STR(h.riasec, "ISC");	/* I and S tie at 1: R I A S E C order */
	CHECK_STR(h.district, "DN1");
	CHECK_INT(h.radius, 15);
	CHECK_INT(handover_check(&h, why, sizeof(why)), STATUS_OK);

	match_profile_init(&q);
	handover_to_profile(&h, &q);
	CHECK_INT(q.school_year, 11);
	CHECK_INT(q.interest_count, 2);
	CHECK_INT(q.interests[0], 3);
	CHECK_INT(q.interests[1], 7);
	CHECK_INT(q.has_riasec, 1);
	CHECK_NEAR(q.riasec[1], 1, 1e-9);
	CHECK_NEAR(q.riasec[3], 5.0 / 6, 1e-9);
	CHECK_NEAR(q.riasec[5], 4.0 / 6, 1e-9);
	CHECK_NEAR(q.riasec[0], 0, 1e-9);
	CHECK_STR(q.place, "DN1");
	CHECK_INT(q.place_is_full, 0);
	CHECK_NEAR(q.radius, 15, 1e-9);

	/* Left school; anywhere; no quiz; an interest a code cannot hold. */
	match_profile_init(&p);
	p.school_year = 0;
	p.age = 19;
	p.radius = MATCH_ANYWHERE;
	p.interests[0] = 40;
	p.interest_count = 1;
	CHECK_INT(handover_from_profile(&h, &p), STATUS_INVALID);
	CHECK_INT(h.age, 19);
	CHECK_INT(h.interests, 0);
	CHECK_STR(h.riasec, "");
	CHECK_STR(h.district, "");
	CHECK_INT(h.radius, HANDOVER_ANYWHERE);
	handover_to_profile(&h, &q);
	CHECK_INT(q.school_year, 0);
	CHECK_INT(q.age, 19);
	CHECK_INT(q.has_riasec, 0);
	CHECK(q.radius == MATCH_ANYWHERE);
}

/* Every question is skippable: a skipped school year goes in a code as "not given". */
TEST(year_not_given)
{
	struct handover h, back;
	struct match_profile q;
	char code[HANDOVER_CODE_SIZE], why[300];

	handover_init(&h);
	h.shortlist[0].kind = OPTION_COURSE;
	h.shortlist[0].id = 12;
	h.shortlist_count = 1;
	CHECK_INT(handover_check(&h, why, sizeof(why)), STATUS_OK);
	CHECK_INT(handover_encode(&h, code, sizeof(code)), STATUS_OK);
	CHECK_INT(handover_decode(code, &back, why, sizeof(why)), STATUS_OK);
	CHECK_INT(back.school_year, 0);
	CHECK_INT(back.age, 0);
	CHECK_INT(back.shortlist_count, 1);
	/* The profile keeps its own year when the code does not give one. */
	match_profile_init(&q);
	q.school_year = 11;
	handover_to_profile(&back, &q);
	CHECK_INT(q.school_year, 11);
	h.age = 3;
	CHECK_INT(handover_check(&h, why, sizeof(why)), STATUS_INVALID);
}

TESTS(random_round_trips, year_not_given, known_encodings, every_substitution_and_swap_is_caught,
      one_code_per_handover, what_people_type, messages, other_versions,
      what_cannot_go_in_a_code, code_lengths, every_real_district,
      fingerprints_and_radius_steps, to_and_from_the_profile)
