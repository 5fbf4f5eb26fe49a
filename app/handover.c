/*
 * handover.c - write and read the "take it with you" code.
 *
 * The format and the check character are described in handover.h. Here:
 * a bit stream of 5-bit symbols, the field checks, the encoder, and the
 * decoder, which is strict so that every handover has one code.
 */
#include "handover.h"

#include <ctype.h>
#include <stdio.h>
#include <string.h>

#include "encoding.h"
#include "match.h"

/* Crockford base 32. */
static const char alphabet[] = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";

static const char riasec_letters[] = "RIASEC";

static const int radius_steps[] = { 2, 5, 10, 15, 20, 30, 50, HANDOVER_ANYWHERE };
#define RADIUS_STEPS ((int)(sizeof(radius_steps) / sizeof(radius_steps[0])))

/*
 * The 124 UK postcode areas (with Guernsey, Jersey and the Isle of Man),
 * in alphabetical order. A code holds 1 + the index of the area, so this
 * table is part of the format: new areas may be appended (up to 127),
 * nothing may be moved or removed without a new HANDOVER_VERSION.
 */
static const char *const postcode_areas[] = {
	"AB", "AL", "B",  "BA", "BB", "BD", "BH", "BL", "BN", "BR", "BS", "BT", "CA", "CB",
	"CF", "CH", "CM", "CO", "CR", "CT", "CV", "CW", "DA", "DD", "DE", "DG", "DH", "DL",
	"DN", "DT", "DY", "E",  "EC", "EH", "EN", "EX", "FK", "FY", "G",  "GL", "GU", "GY",
	"HA", "HD", "HG", "HP", "HR", "HS", "HU", "HX", "IG", "IM", "IP", "IV", "JE", "KA",
	"KT", "KW", "KY", "L",  "LA", "LD", "LE", "LL", "LN", "LS", "LU", "M",  "ME", "MK",
	"ML", "N",  "NE", "NG", "NN", "NP", "NR", "NW", "OL", "OX", "PA", "PE", "PH", "PL",
	"PO", "PR", "RG", "RH", "RM", "S",  "SA", "SE", "SG", "SK", "SL", "SM", "SN", "SO",
	"SP", "SR", "SS", "ST", "SW", "SY", "TA", "TD", "TF", "TN", "TQ", "TR", "TS", "TW",
	"UB", "W",  "WA", "WC", "WD", "WF", "WN", "WR", "WS", "WV", "YO", "ZE",
};
#define AREA_COUNT ((int)(sizeof(postcode_areas) / sizeof(postcode_areas[0])))

#define VERSION_BITS 3
#define FINGERPRINT_BITS 10
#define STAGE_BITS 5
#define STAGE_NOT_GIVEN 17
#define ID_GROUP_BITS 5
#define ID_MAX_GROUPS 9
#define ITEM_MIN_BITS (3 + 1 + ID_GROUP_BITS)

static const char typing_mistake[] =
	"the code has a typing mistake: check each character and try again";

/* --- bit stream ---------------------------------------------------------------- */

struct bits {
	unsigned char symbol[HANDOVER_MAX_SYMBOLS];	/* 5 bits each */
	size_t used;			/* bits written, or read so far */
	size_t size;			/* reading: bits available */
};

static void put_bits(struct bits *b, unsigned long long value, int width)
{
	while (width-- > 0) {
		size_t at = b->used / 5;

		if (at >= HANDOVER_MAX_SYMBOLS - 1)
			return;	/* cannot happen for a checked handover */
		if ((value >> width) & 1)
			b->symbol[at] |= (unsigned char)(1u << (4 - b->used % 5));
		b->used++;
	}
}

/* 0 when fewer than width bits are left. */
static int get_bits(struct bits *b, int width, unsigned long long *value)
{
	*value = 0;
	if (b->used + (size_t)width > b->size)
		return 0;
	while (width-- > 0) {
		unsigned bit = (b->symbol[b->used / 5] >> (4 - b->used % 5)) & 1u;

		*value = (*value << 1) | bit;
		b->used++;
	}
	return 1;
}

/* --- the check character --------------------------------------------------------- */

static unsigned times_alpha(unsigned v)
{
	v <<= 1;
	return v & 32 ? v ^ 0x25 : v;	/* x^5 = x^2 + 1 */
}

static unsigned check_run(const unsigned char *symbol, size_t n)
{
	unsigned h = 1;

	for (size_t j = 0; j < n; j++)
		h = times_alpha(h) ^ symbol[j];
	return h;
}

/* The symbol that makes check_run() of the whole code come to 1. */
static unsigned check_symbol(const unsigned char *symbol, size_t n)
{
	return times_alpha(check_run(symbol, n)) ^ 1u;
}

/* --- fields ------------------------------------------------------------------------ */

static int radius_index(int radius)
{
	for (int i = 0; i < RADIUS_STEPS; i++)
		if (radius_steps[i] == radius)
			return i;
	return -1;
}

/* 0 for "", 1-156 for a valid code, -1 otherwise. */
static int riasec_number(const char *code)
{
	int used[6] = { 0 }, number = 0, n = (int)strlen(code);
	static const int base[4] = { 0, 1, 7, 37 };

	if (n > 3)
		return -1;
	for (int k = 0; k < n; k++) {
		const char *hit = strchr(riasec_letters, toupper((unsigned char)code[k]));
		int letter, rank = 0;

		if (!hit || !*hit || used[hit - riasec_letters])
			return -1;
		letter = (int)(hit - riasec_letters);
		for (int i = 0; i < letter; i++)
			rank += !used[i];
		used[letter] = 1;
		number = number * (6 - k) + rank;
	}
	return base[n] + number;
}

static int riasec_letters_of(int number, char out[4])
{
	int n, used[6] = { 0 }, rank[3];

	if (number < 0 || number > 156)
		return 0;
	n = number >= 37 ? 3 : number >= 7 ? 2 : number >= 1 ? 1 : 0;
	number -= n == 3 ? 37 : n == 2 ? 7 : n == 1 ? 1 : 0;
	for (int k = n - 1; k >= 0; k--) {
		rank[k] = number % (6 - k);
		number /= 6 - k;
	}
	for (int k = 0; k < n; k++) {
		int letter = 0;

		for (int skip = rank[k]; used[letter] || skip > 0; letter++)
			if (!used[letter])
				skip--;
		used[letter] = 1;
		out[k] = riasec_letters[letter];
	}
	out[n] = '\0';
	return 1;
}

struct district {
	int area;			/* 1 + index in postcode_areas; 0 none */
	int number;			/* 0-99 */
	int letter;			/* 0-25, -1 none */
};

/* Parse "DN1", "dn12", "EC1A" (or "" for none); 0 if it is not a district. */
static int district_parse(const char *text, struct district *d)
{
	char area[3] = "";
	size_t n = 0, digits = 0;

	d->area = 0;
	d->number = 0;
	d->letter = -1;
	if (!*text)
		return 1;
	while (n < 2 && isalpha((unsigned char)text[n])) {
		area[n] = (char)toupper((unsigned char)text[n]);
		n++;
	}
	area[n] = '\0';
	for (int i = 0; i < AREA_COUNT && n; i++)
		if (strcmp(postcode_areas[i], area) == 0)
			d->area = i + 1;
	if (!d->area)
		return 0;
	while (digits < 2 && isdigit((unsigned char)text[n])) {
		d->number = d->number * 10 + (text[n] - '0');
		n++;
		digits++;
	}
	if (!digits || (digits == 2 && text[n - 2] == '0'))
		return 0;
	if (isalpha((unsigned char)text[n])) {
		d->letter = toupper((unsigned char)text[n]) - 'A';
		n++;
	}
	return text[n] == '\0';
}

static void district_text(const struct district *d, char out[5])
{
	if (!d->area) {
		out[0] = '\0';
		return;
	}
	if (d->letter >= 0)
		snprintf(out, 5, "%s%d%c", postcode_areas[d->area - 1], d->number,
			 'A' + d->letter);
	else
		snprintf(out, 5, "%s%d", postcode_areas[d->area - 1], d->number);
}

static int stage_number(const struct handover *h)
{
	if (h->school_year >= 7 && h->school_year <= 13)
		return h->school_year - 7;
	if (h->school_year == 0 && h->age >= 16 && h->age <= 25)
		return 7 + h->age - 16;
	if (h->school_year == 0 && h->age == 0)
		return STAGE_NOT_GIVEN;
	return -1;
}

static int bit_count(unsigned v)
{
	int n = 0;

	for (; v; v &= v - 1)
		n++;
	return n;
}

/* --- checking and encoding --------------------------------------------------------------- */

void handover_init(struct handover *h)
{
	memset(h, 0, sizeof(*h));
	h->radius = HANDOVER_ANYWHERE;
}

static enum status refuse(char *why, size_t whylen, const char *what)
{
	if (why && whylen)
		snprintf(why, whylen, "%s", what);
	return STATUS_INVALID;
}

static enum status check_item(const struct handover_item *item, int i, char *why, size_t whylen)
{
	char what[160];

	if ((unsigned)item->kind >= OPTION_KIND_COUNT) {
		snprintf(what, sizeof(what), "shortlist item %d is not a kind of option", i + 1);
		return refuse(why, whylen, what);
	}
	if (item->id < 0 || item->id > HANDOVER_MAX_ID) {
		snprintf(what, sizeof(what), "shortlist item %d has id %lld: ids must be 0 to "
			 "2^40", i + 1, item->id);
		return refuse(why, whylen, what);
	}
	return STATUS_OK;
}

enum status handover_check(const struct handover *h, char *why, size_t whylen)
{
	struct district d;
	char what[200];

	if (h->fingerprint > HANDOVER_FINGERPRINT_MAX)
		return refuse(why, whylen, "the data fingerprint must be 0 to 1023");
	if (stage_number(h) < 0) {
		snprintf(what, sizeof(what), "school year %d, age %d cannot go in a code: give "
			 "Year 7 to 13, year 0 and an age of 16 to 25, or 0 and 0 for not given",
			 h->school_year, h->age);
		return refuse(why, whylen, what);
	}
	if (h->interests >> HANDOVER_INTERESTS_MAX)
		return refuse(why, whylen, "interest area ids in a code must be 1 to 16");
	if (riasec_number(h->riasec) < 0) {
		snprintf(what, sizeof(what), "\"%.8s\" cannot go in a code: give up to three "
			 "different letters of R I A S E C, strongest first", h->riasec);
		return refuse(why, whylen, what);
	}
	if (memchr(h->district, '\0', sizeof(h->district)) == NULL ||
	    !district_parse(h->district, &d)) {
		snprintf(what, sizeof(what), "\"%.*s\" is not a postcode district: give the first "
			 "part of a postcode, such as DN1", (int)sizeof(h->district), h->district);
		return refuse(why, whylen, what);
	}
	if (radius_index(h->radius) < 0) {
		snprintf(what, sizeof(what), "a radius of %d miles cannot go in a code: use 2, 5, "
			 "10, 15, 20, 30 or 50 miles, or anywhere", h->radius);
		return refuse(why, whylen, what);
	}
	if (h->shortlist_count < 0 || h->shortlist_count > HANDOVER_MAX_SHORTLIST) {
		snprintf(what, sizeof(what), "a code holds at most %d shortlisted options, not %d",
			 HANDOVER_MAX_SHORTLIST, h->shortlist_count);
		return refuse(why, whylen, what);
	}
	for (int i = 0; i < h->shortlist_count; i++) {
		enum status rc = check_item(&h->shortlist[i], i, why, whylen);

		if (rc != STATUS_OK)
			return rc;
	}
	return STATUS_OK;
}

static void put_interests(struct bits *b, unsigned interests)
{
	int n = bit_count(interests);

	if (n == 0) {
		put_bits(b, 0, 2);
		return;
	}
	if (n > 2) {
		put_bits(b, 3, 2);
		put_bits(b, interests, HANDOVER_INTERESTS_MAX);
		return;
	}
	put_bits(b, (unsigned)n, 2);
	for (int i = 0; i < HANDOVER_INTERESTS_MAX; i++)
		if (interests & (1u << i))
			put_bits(b, (unsigned)i, 4);
}

static void put_id(struct bits *b, unsigned long long id)
{
	do {
		unsigned long long rest = id >> ID_GROUP_BITS;

		put_bits(b, rest != 0, 1);
		put_bits(b, id & ((1u << ID_GROUP_BITS) - 1), ID_GROUP_BITS);
		id = rest;
	} while (id);
}

/* The data symbols of a checked handover; returns how many. */
static size_t encode_symbols(const struct handover *h, struct bits *b)
{
	struct district d;

	memset(b, 0, sizeof(*b));
	district_parse(h->district, &d);
	put_bits(b, HANDOVER_VERSION, VERSION_BITS);
	put_bits(b, h->fingerprint, FINGERPRINT_BITS);
	put_bits(b, (unsigned)stage_number(h), STAGE_BITS);
	put_interests(b, h->interests);
	put_bits(b, (unsigned)riasec_number(h->riasec), 8);
	put_bits(b, (unsigned)d.area, 7);
	if (d.area) {
		put_bits(b, (unsigned)d.number, 7);
		put_bits(b, d.letter >= 0, 1);
		if (d.letter >= 0)
			put_bits(b, (unsigned)d.letter, 5);
	}
	put_bits(b, (unsigned)radius_index(h->radius), 3);
	for (int i = 0; i < h->shortlist_count; i++) {
		put_bits(b, (unsigned)h->shortlist[i].kind, 3);
		put_id(b, (unsigned long long)h->shortlist[i].id);
	}
	return (b->used + 4) / 5;
}

static size_t code_length(size_t symbols)
{
	return symbols + (symbols - 1) / 3;
}

size_t handover_length(const struct handover *h)
{
	struct bits b;

	if (handover_check(h, NULL, 0) != STATUS_OK)
		return 0;
	return code_length(encode_symbols(h, &b) + 1);
}

enum status handover_encode(const struct handover *h, char *out, size_t outlen)
{
	struct bits b;
	size_t n, at = 0;

	if (outlen)
		out[0] = '\0';
	if (handover_check(h, NULL, 0) != STATUS_OK)
		return STATUS_INVALID;
	n = encode_symbols(h, &b);
	b.symbol[n] = (unsigned char)check_symbol(b.symbol, n);
	n++;
	if (outlen < code_length(n) + 1)
		return STATUS_USAGE;
	for (size_t i = 0; i < n; i++) {
		if (i && i % 3 == 0)
			out[at++] = '-';
		out[at++] = alphabet[b.symbol[i]];
	}
	out[at] = '\0';
	return STATUS_OK;
}

/* --- decoding ------------------------------------------------------------------------ */

/* The value of a typed character, -1 if none, -2 for one that is skipped. */
static int symbol_value(unsigned char c)
{
	const char *hit;

	if (c == ' ' || c == '-' || c == '\t' || c == '\n' || c == '\r')
		return -2;
	c = (unsigned char)toupper(c);
	if (c == 'I' || c == 'L')
		c = '1';
	else if (c == 'O')
		c = '0';
	hit = c ? strchr(alphabet, c) : NULL;
	return hit ? (int)(hit - alphabet) : -1;
}

static enum status bad_character(const char *code, size_t at, char *why, size_t whylen)
{
	const unsigned char *s = (const unsigned char *)code;
	size_t position = 1, len = 1;
	char what[200], shown[32];

	for (size_t i = 0; i < at; i++)
		position += (s[i] & 0xC0) != 0x80;
	while (s[at + len] && (s[at + len] & 0xC0) == 0x80 && len < 4)
		len++;
	if (s[at] < 0x20 || s[at] == 0x7F || (s[at] == 0xC2 && len == 2 && s[at + 1] < 0xA0))
		snprintf(shown, sizeof(shown), "a control character");
	else if (utf8_valid_prefix(s + at, len) != len)
		snprintf(shown, sizeof(shown), "something that is not text");
	else
		snprintf(shown, sizeof(shown), "\"%.*s\"", (int)len, code + at);
	if (toupper(s[at]) == 'U')
		snprintf(what, sizeof(what), "character %zu, %s, is never used in codes: did you "
			 "mean V?", position, shown);
	else
		snprintf(what, sizeof(what), "character %zu, %s, cannot be in a code: codes use "
			 "only the digits 0-9 and the letters A-Z", position, shown);
	return refuse(why, whylen, what);
}

/* The typed symbols into b; STATUS_INVALID with a message for a bad character or length. */
static enum status read_symbols(const char *code, struct bits *b, size_t *count, char *why,
				size_t whylen)
{
	size_t n = 0;
	char what[200];

	for (size_t i = 0; code[i]; i++) {
		int v = symbol_value((unsigned char)code[i]);

		if (v == -2)
			continue;
		if (v < 0)
			return bad_character(code, i, why, whylen);
		if (n < HANDOVER_MAX_SYMBOLS)
			b->symbol[n] = (unsigned char)v;
		n++;
	}
	if (n == 0)
		return refuse(why, whylen, "no code was typed: type the code from the kiosk, "
			      "such as 60M-ED0-M3M-447");
	if (n < HANDOVER_MIN_SYMBOLS || n > HANDOVER_MAX_SYMBOLS) {
		snprintf(what, sizeof(what), "the code is too %s: codes have %d to %d characters "
			 "(not counting dashes) and this one has %zu", n < HANDOVER_MIN_SYMBOLS ?
			 "short" : "long", HANDOVER_MIN_SYMBOLS, HANDOVER_MAX_SYMBOLS, n);
		return refuse(why, whylen, what);
	}
	*count = n;
	return STATUS_OK;
}

static int get_interests(struct bits *b, unsigned *interests)
{
	unsigned long long mode, v, w;

	*interests = 0;
	if (!get_bits(b, 2, &mode))
		return 0;
	switch (mode) {
	case 0:
		return 1;
	case 1:
		if (!get_bits(b, 4, &v))
			return 0;
		*interests = 1u << v;
		return 1;
	case 2:
		if (!get_bits(b, 4, &v) || !get_bits(b, 4, &w) || w <= v)
			return 0;
		*interests = (1u << v) | (1u << w);
		return 1;
	default:
		if (!get_bits(b, HANDOVER_INTERESTS_MAX, &v) || bit_count((unsigned)v) < 3)
			return 0;
		*interests = (unsigned)v;
		return 1;
	}
}

static int get_district(struct bits *b, char out[5])
{
	unsigned long long area, number, has_letter, letter = 0;
	struct district d;

	out[0] = '\0';
	if (!get_bits(b, 7, &area) || area > AREA_COUNT)
		return 0;
	if (!area)
		return 1;
	if (!get_bits(b, 7, &number) || number > 99 || !get_bits(b, 1, &has_letter) ||
	    (has_letter && (!get_bits(b, 5, &letter) || letter > 25)))
		return 0;
	d.area = (int)area;
	d.number = (int)number;
	d.letter = has_letter ? (int)letter : -1;
	/* Districts have at most 4 characters ("EC1A", "DN12"). */
	if (strlen(postcode_areas[area - 1]) + (number > 9) + 1 + (size_t)has_letter > 4)
		return 0;
	district_text(&d, out);
	return 1;
}

static int get_id(struct bits *b, long long *id)
{
	unsigned long long more = 1, group, value = 0;
	int shift = 0;

	for (int n = 0; more; n++) {
		if (n == ID_MAX_GROUPS || !get_bits(b, 1, &more) ||
		    !get_bits(b, ID_GROUP_BITS, &group))
			return 0;
		if (n > 0 && !more && group == 0)
			return 0;	/* not the shortest way to write it */
		value |= group << shift;
		shift += ID_GROUP_BITS;
	}
	if (value > (unsigned long long)HANDOVER_MAX_ID)
		return 0;
	*id = (long long)value;
	return 1;
}

/* The fields after the version; 0 when they cannot be what the encoder wrote. */
static int decode_fields(struct bits *b, struct handover *h)
{
	unsigned long long v;

	if (!get_bits(b, FINGERPRINT_BITS, &v))
		return 0;
	h->fingerprint = (unsigned)v;
	if (!get_bits(b, STAGE_BITS, &v) || v > STAGE_NOT_GIVEN)
		return 0;
	h->school_year = v < 7 ? (int)v + 7 : 0;
	h->age = v < 7 || v == STAGE_NOT_GIVEN ? 0 : (int)v - 7 + 16;
	if (!get_interests(b, &h->interests) || !get_bits(b, 8, &v) ||
	    !riasec_letters_of((int)v, h->riasec) || !get_district(b, h->district) ||
	    !get_bits(b, 3, &v))
		return 0;
	h->radius = radius_steps[v];
	while (b->size - b->used >= 5) {
		struct handover_item *item = &h->shortlist[h->shortlist_count];

		if (h->shortlist_count == HANDOVER_MAX_SHORTLIST ||
		    b->size - b->used < ITEM_MIN_BITS || !get_bits(b, 3, &v) ||
		    v >= OPTION_KIND_COUNT)
			return 0;
		item->kind = (enum option_kind)v;
		if (!get_id(b, &item->id))
			return 0;
		h->shortlist_count++;
	}
	/* The padding must be zeros. */
	return get_bits(b, (int)(b->size - b->used), &v) && v == 0;
}

enum status handover_decode(const char *code, struct handover *h, char *why, size_t whylen)
{
	struct bits b;
	size_t n;
	unsigned long long version;
	enum status rc;

	handover_init(h);
	if (why && whylen)
		why[0] = '\0';
	memset(&b, 0, sizeof(b));
	if ((rc = read_symbols(code, &b, &n, why, whylen)) != STATUS_OK)
		return rc;
	if (check_run(b.symbol, n) != 1)
		return refuse(why, whylen, typing_mistake);
	b.size = (n - 1) * 5;
	get_bits(&b, VERSION_BITS, &version);
	if (version == 0)	/* never written: a mistake that passed the check */
		return refuse(why, whylen, typing_mistake);
	if (version != HANDOVER_VERSION) {
		if (why && whylen)
			snprintf(why, whylen, "this code was made by another version of "
				 "careers (code format %llu; this program reads format %d): ask "
				 "for a newer version of careers", version, HANDOVER_VERSION);
		return STATUS_VERSION;
	}
	if (!decode_fields(&b, h)) {
		handover_init(h);
		return refuse(why, whylen, typing_mistake);
	}
	return STATUS_OK;
}

/* --- helpers --------------------------------------------------------------------------- */

unsigned handover_fingerprint(const char *text)
{
	unsigned long h = 2166136261u;	/* FNV-1a, 32 bits */

	for (const unsigned char *p = (const unsigned char *)text; *p; p++)
		h = ((h ^ *p) * 16777619u) & 0xFFFFFFFFu;
	return (unsigned)((h ^ (h >> 10) ^ (h >> 20) ^ (h >> 30)) & HANDOVER_FINGERPRINT_MAX);
}

int handover_radius_step(double miles)
{
	if (!(miles >= 0))
		return HANDOVER_ANYWHERE;
	for (int i = 0; i < RADIUS_STEPS - 1; i++)
		if (miles <= radius_steps[i])
			return radius_steps[i];
	return HANDOVER_ANYWHERE;
}

/* The up-to-three strongest letters of six weights, ties in R I A S E C order. */
static void strongest_letters(const double weight[6], char out[4])
{
	int used[6] = { 0 }, n = 0;

	while (n < 3) {
		int best = -1;

		for (int i = 0; i < 6; i++)
			if (!used[i] && weight[i] > 0 && (best < 0 || weight[i] > weight[best]))
				best = i;
		if (best < 0)
			break;
		used[best] = 1;
		out[n++] = riasec_letters[best];
	}
	out[n] = '\0';
}

enum status handover_from_profile(struct handover *h, const struct match_profile *p)
{
	enum status rc = STATUS_OK;
	size_t n;

	h->school_year = p->school_year;
	h->age = p->school_year ? 0 : p->age;
	if (stage_number(h) < 0)
		rc = STATUS_INVALID;
	h->interests = 0;
	for (int i = 0; i < p->interest_count; i++) {
		if (p->interests[i] >= 1 && p->interests[i] <= HANDOVER_INTERESTS_MAX)
			h->interests |= 1u << (p->interests[i] - 1);
		else
			rc = STATUS_INVALID;
	}
	h->riasec[0] = '\0';
	if (p->has_riasec)
		strongest_letters(p->riasec, h->riasec);
	n = strcspn(p->place, " ");
	if (n >= sizeof(h->district)) {
		h->district[0] = '\0';
		rc = STATUS_INVALID;
	} else {
		for (size_t i = 0; i < n; i++)
			h->district[i] = (char)toupper((unsigned char)p->place[i]);
		h->district[n] = '\0';
	}
	h->radius = handover_radius_step(p->radius);
	return rc;
}

void handover_to_profile(const struct handover *h, struct match_profile *p)
{
	char why[200];

	if (h->school_year || h->age) {	/* not given: p keeps its own */
		p->school_year = h->school_year;
		p->age = h->age;
	}
	p->interest_count = 0;
	for (int i = 0; i < HANDOVER_INTERESTS_MAX; i++)
		if (h->interests & (1u << i))
			p->interests[p->interest_count++] = i + 1;
	p->has_riasec = h->riasec[0] &&
			match_parse_riasec(h->riasec, p->riasec, why, sizeof(why)) == STATUS_OK;
	if (!p->has_riasec)
		memset(p->riasec, 0, sizeof(p->riasec));
	snprintf(p->place, sizeof(p->place), "%s", h->district);
	p->place_is_full = 0;
	p->radius = h->radius == HANDOVER_ANYWHERE ? MATCH_ANYWHERE : (double)h->radius;
}
