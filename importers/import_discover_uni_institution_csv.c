/*
 * import_discover_uni_institution_csv.c - Discover Uni (Unistats) INSTITUTION.csv.
 *
 * One row per provider that publishes undergraduate courses on Discover
 * Uni: universities, and the further-education colleges and private
 * providers that teach higher education. Each becomes a PROVIDER.
 *
 * Keys. A row describes the provider PUBUKPRN ("where the course is
 * primarily taught"); UKPRN is the provider that registers its students,
 * so a college teaching a university's degrees appears once per
 * university (Activate Learning: PUBUKPRN 10004927 under UKPRN 10004927,
 * 10004930 and 10007802), each time with its own name and address. The
 * provider is therefore keyed by PUBUKPRN (UKPRN when that is blank), and
 * the repeats merge in the store. HESA's 9xxxxxxx numbers for joint
 * medical and veterinary schools are accepted, as in KISCOURSE.csv.
 *
 * Fields. PROVADDRESS is one line ending in the postcode ("Wootton Road,
 * Abingdon, Oxfordshire, OX14 1GG"), sometimes with no postcode or empty:
 * the postcode is taken from its end when there is one, and the town is
 * the last part before it that is not a county. PROVURL often has no
 * scheme ("www.aecc.ac.uk"); https:// is added. PROVTEL is the provider's
 * switchboard. The name is FIRST_TRADING_NAME, else LEGAL_NAME with a
 * trailing ", the" moved to the front.
 *
 * Kind: "sixth_form" for sixth-form colleges, "college" when the name
 * says College (but not University, and not the university-level
 * colleges listed below), else "university".
 */
#include <ctype.h>
#include <stdio.h>
#include <string.h>

#include "encoding.h"
#include "discover_uni.h"
#include "importer.h"
#include "mem.h"

enum { PUBUKPRN, UKPRN, LEGAL_NAME, TRADING_NAME, ADDRESS, PHONE, WEBSITE };

static const struct import_column columns[] = {
	[PUBUKPRN] = { "PUBUKPRN", COLUMN_REQUIRED },
	[UKPRN] = { "UKPRN", COLUMN_REQUIRED },
	[LEGAL_NAME] = { "LEGAL_NAME", COLUMN_REQUIRED },
	[TRADING_NAME] = { "FIRST_TRADING_NAME", 0 },
	[ADDRESS] = { "PROVADDRESS", COLUMN_REQUIRED },
	[PHONE] = { "PROVTEL", 0 },
	[WEBSITE] = { "PROVURL", COLUMN_REQUIRED },
};

/* Names with "College" that are universities in all but name. */
static const char *const university_colleges[] = {
	"imperial college", "king's college london", "royal college of",
	"royal northern college of", "royal veterinary college",
};

/*
 * County names used in postal addresses that neither end in "shire" nor
 * start with "County" (those are recognised by their form).
 */
static const char *const counties[] = {
	"avon", "cleveland", "cornwall", "cumbria", "devon", "dorset", "east sussex",
	"east yorkshire", "essex", "greater london", "greater manchester", "humberside",
	"isle of wight", "kent", "merseyside", "middlesex", "norfolk", "north humberside",
	"north yorkshire", "northumberland", "rutland", "somerset", "south humberside",
	"south yorkshire", "suffolk", "surrey", "tyne and wear", "west midlands", "west sussex",
	"west yorkshire", "clwyd", "dyfed", "gwent", "gwynedd", "mid glamorgan", "powys",
	"south glamorgan", "west glamorgan", "anglesey", "isle of anglesey", "ceredigion",
	"conwy", "vale of glamorgan", "angus", "argyll", "fife", "east lothian", "midlothian",
	"west lothian", "moray", "highland", "scottish borders", "orkney", "shetland",
	"caithness", "sutherland",
};

/* Does text contain word, ignoring case? */
static int mentions(const char *text, const char *word)
{
	size_t n = strlen(word);

	for (; *text; text++) {
		size_t i;

		for (i = 0; i < n && tolower((unsigned char)text[i]) == word[i]; i++)
			;
		if (i == n)
			return 1;
	}
	return 0;
}

static const char *kind_of(const char *name)
{
	size_t i;

	if (mentions(name, "sixth form"))
		return "sixth_form";
	if (!mentions(name, "college") || mentions(name, "university"))
		return "university";
	for (i = 0; i < sizeof(university_colleges) / sizeof(university_colleges[0]); i++)
		if (mentions(name, university_colleges[i]))
			return "university";
	return "college";
}


/* One comma-separated part of an address, trimmed. */
struct part {
	const char *s;
	size_t n;
};

/* The non-empty parts of address; past max, the last max of them. */
static size_t split(const char *address, struct part *parts, size_t max)
{
	size_t count = 0;

	for (;;) {
		size_t n = strcspn(address, ",");
		struct part p = { address, n };

		while (p.n && isspace((unsigned char)p.s[0])) {
			p.s++;
			p.n--;
		}
		while (p.n && isspace((unsigned char)p.s[p.n - 1]))
			p.n--;
		if (p.n && count == max) {
			memmove(parts, parts + 1, (max - 1) * sizeof(*parts));
			count--;
		}
		if (p.n)
			parts[count++] = p;
		if (!address[n])
			return count;
		address += n + 1;
	}
}

/* Does p start with word (lower case), ignoring case? */
static int starts(struct part p, const char *word)
{
	size_t n = strlen(word), i;

	if (p.n < n)
		return 0;
	for (i = 0; i < n; i++)
		if (tolower((unsigned char)p.s[i]) != word[i])
			return 0;
	return 1;
}

/* Is p a county ("Hertfordshire", "County Durham", "West Midlands")? */
static int is_county(struct part p)
{
	struct part tail = { p.s + (p.n > 5 ? p.n - 5 : 0), p.n > 5 ? 5 : 0 };
	size_t i;

	if (starts(tail, "shire") || starts(p, "county ") || starts(p, "co. "))
		return 1;
	for (i = 0; i < sizeof(counties) / sizeof(counties[0]); i++)
		if (strlen(counties[i]) == p.n && starts(p, counties[i]))
			return 1;
	return 0;
}

/*
 * The postcode at the end of the address, and the town: the last part
 * before the postcode (or the end) that is not a county, never the first
 * part, which is the street or building.
 */
static void place(const char *address, char postcode[9], char *town, size_t townlen)
{
	struct part parts[16];
	size_t count = split(address, parts, 16), i;
	char last[16], why[VALIDATE_WHY];

	postcode[0] = town[0] = '\0';
	if (count == 0)
		return;
	i = count - 1;
	if (parts[i].n < sizeof(last)) {
		memcpy(last, parts[i].s, parts[i].n);
		last[parts[i].n] = '\0';
		if (validate_postcode(last, postcode, why) == STATUS_OK)
			count--;
	}
	for (i = count; i-- > 1;) {
		if (!is_county(parts[i])) {
			snprintf(town, townlen, "%.*s", (int)parts[i].n, parts[i].s);
			utf8_mend(town);	/* cut to fit, perhaps inside a character */
			return;
		}
	}
}

/* FIRST_TRADING_NAME, else LEGAL_NAME with ", the" moved to the front. */
static const char *name_of(const char *trading, const char *legal, struct strbuf *out)
{
	size_t n;

	if (trading || !legal)
		return trading;
	n = strlen(legal);
	if (n <= 5 || !starts((struct part){ legal + n - 5, 5 }, ", the"))
		return legal;
	strbuf_reset(out);
	strbuf_puts(out, "The ");
	strbuf_add(out, legal, n - 5);
	return out->buf;
}

/* "www.aecc.ac.uk" -> "https://www.aecc.ac.uk". */
static const char *web_address(const char *site, struct strbuf *out)
{
	if (!site || strstr(site, "://"))
		return site;
	strbuf_reset(out);
	strbuf_puts(out, "https://");
	strbuf_puts(out, site);
	return out->buf;
}

static enum status emit(struct import_row *r, struct strbuf *name, struct strbuf *site)
{
	struct provider_rec p = PROVIDER_REC_INIT;
	char pub[9], ukprn[9] = "", postcode[9], town[128];
	const char *legal;

	if (du_provider(r, UKPRN, ukprn) == 0)
		import_reject(r, UKPRN, "is empty, but every provider has one");
	if (du_provider(r, PUBUKPRN, pub) != 1)
		memcpy(pub, ukprn, sizeof(pub));
	legal = import_required(r, LEGAL_NAME);
	p.name = name_of(import_text(r, TRADING_NAME), legal, name);
	p.address = import_text(r, ADDRESS);
	p.phone = import_text(r, PHONE);
	p.website = web_address(import_text(r, WEBSITE), site);
	if (import_rejected(r))
		return STATUS_OK;

	p.ukprn = pub;
	p.kind = kind_of(p.name);
	if (p.address) {
		place(p.address, postcode, town, sizeof(town));
		p.postcode = postcode[0] ? postcode : NULL;
		p.town = town[0] ? town : NULL;
	}
	return import_emit(r, RECORD_PROVIDER, &p);
}

static enum status row(struct import_row *r)
{
	struct strbuf name, site;
	enum status rc;

	strbuf_init(&name);
	strbuf_init(&site);
	rc = emit(r, &name, &site);
	strbuf_done(&name);
	strbuf_done(&site);
	return rc;
}

const struct importer importer_discover_uni_institution_csv = {
	.name = "discover-uni-institution-csv",
	.title = "Discover Uni providers (INSTITUTION.csv)",
	.detection = "CSV whose header has PUBUKPRN, UKPRN, LEGAL_NAME, PROVADDRESS and PROVURL",
	.edition = "Discover Uni 2025/26 (HESA C25061), checked on the real file",
	.licence = "Creative Commons Attribution 4.0 International (as commonly cited for "
		   "Discover Uni; not verified)",
	.attribution = "Contains Discover Uni data from the Office for Students and HESA "
		       "(Jisc), licensed under CC BY 4.0.",
	.shape = IMPORT_CSV,
	.columns = COLUMNS(columns),
	.row = row,
};
