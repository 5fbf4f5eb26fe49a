/*
 * import_course_directory_venues_csv.c - DfE Course Directory venue bulk upload.
 *
 * The venue list a provider uploads to the Course Directory: header
 * YOUR_VENUE_REFERENCE, VENUE_NAME, ADDRESS_LINE_1, ADDRESS_LINE_2,
 * TOWN_OR_CITY, COUNTY, POSTCODE, EMAIL, PHONE, WEBSITE. Courses in the
 * course upload name their venue by YOUR_VENUE_REFERENCE or VENUE_NAME,
 * and the store links them at finalize. There are no coordinates: the
 * store places each venue from its postcode.
 *
 * As with the course upload, the provider is read from the file's path:
 * an 8-digit UKPRN in its file name or its folder's name.
 *
 * EMAIL may be a person's address, so it is not declared and never read.
 * PHONE is the venue's own number. The address is kept as one line,
 * "line 1, line 2, town, county, postcode", as Find a course writes it.
 */
#include <ctype.h>
#include <string.h>

#include "importer.h"
#include "mem.h"

enum { REFERENCE, NAME, LINE_1, LINE_2, TOWN, COUNTY, POSTCODE, PHONE, WEBSITE };

static const struct import_column columns[] = {
	[REFERENCE] = { "YOUR_VENUE_REFERENCE", COLUMN_REQUIRED },
	[NAME] = { "VENUE_NAME", COLUMN_REQUIRED },
	[LINE_1] = { "ADDRESS_LINE_1", COLUMN_REQUIRED },
	[LINE_2] = { "ADDRESS_LINE_2", 0 },
	[TOWN] = { "TOWN_OR_CITY", COLUMN_REQUIRED },
	[COUNTY] = { "COUNTY", 0 },
	[POSTCODE] = { "POSTCODE", COLUMN_REQUIRED },
	[PHONE] = { "PHONE", 0 },
	[WEBSITE] = { "WEBSITE", 0 },
};

struct file_state {
	char ukprn[9];
};

/*
 * The last 8-digit number starting with 1 in path[0..n), standing alone
 * (not part of a longer run of digits); 1 if found.
 */
static int ukprn_in(const char *path, size_t n, char out[9])
{
	size_t i = 0, start;
	int found = 0;

	while (i < n) {
		if (!isdigit((unsigned char)path[i])) {
			i++;
			continue;
		}
		for (start = i; i < n && isdigit((unsigned char)path[i]); i++)
			;
		if (i - start == 8 && path[start] == '1') {
			memcpy(out, path + start, 8);
			out[8] = '\0';
			found = 1;
		}
	}
	return found;
}

/* The provider's UKPRN from the file name, else from its folder's name. */
static int ukprn_from_path(const char *path, char out[9])
{
	const char *name = strrchr(path, '/'), *folder;

	if (!name)
		return ukprn_in(path, strlen(path), out);
	if (ukprn_in(name + 1, strlen(name + 1), out))
		return 1;
	for (folder = name; folder > path && folder[-1] != '/'; folder--)
		;
	return ukprn_in(folder, (size_t)(name - folder), out);
}

static enum status begin(struct import_file *file)
{
	struct file_state *st = import_file_state(file);

	if (!ukprn_from_path(import_file_path(file), st->ukprn))
		return import_fail(file, "cannot tell which provider this venue file is for: put "
				   "the provider's 8-digit UKPRN in its file or folder name");
	return STATUS_OK;
}

/* "www.example.ac.uk" -> "https://www.example.ac.uk". */
static const char *web_address(const char *site, struct strbuf *out)
{
	if (!site || strstr(site, "://"))
		return site;
	strbuf_reset(out);
	strbuf_puts(out, "https://");
	strbuf_puts(out, site);
	return out->buf;
}

/* The address lines, town, county and postcode as one line. */
static void one_line(const char *const *parts, size_t count, struct strbuf *out)
{
	size_t i;

	strbuf_reset(out);
	for (i = 0; i < count; i++) {
		if (!parts[i])
			continue;
		if (out->len)
			strbuf_puts(out, ", ");
		strbuf_puts(out, parts[i]);
	}
}

static enum status emit(struct import_row *r, struct strbuf *address, struct strbuf *site)
{
	struct file_state *st = import_state(r);
	struct venue_rec v = VENUE_REC_INIT;
	const char *parts[5];
	char postcode[9];

	v.ref = import_required(r, REFERENCE);
	v.name = import_required(r, NAME);
	parts[0] = import_required(r, LINE_1);
	parts[1] = import_text(r, LINE_2);
	parts[2] = v.town = import_required(r, TOWN);
	parts[3] = import_text(r, COUNTY);
	if (import_get_postcode(r, POSTCODE, postcode) == 0)
		import_reject(r, POSTCODE, "is empty, but the store places venues by their "
			      "postcode");
	v.phone = import_text(r, PHONE);
	v.website = web_address(import_text(r, WEBSITE), site);
	if (import_rejected(r))
		return STATUS_OK;

	parts[4] = postcode;
	one_line(parts, 5, address);
	v.address = address->buf;
	v.postcode = postcode;
	v.provider_ukprn = st->ukprn;
	return import_emit(r, RECORD_VENUE, &v);
}

static enum status row(struct import_row *r)
{
	struct strbuf address, site;
	enum status rc;

	strbuf_init(&address);
	strbuf_init(&site);
	rc = emit(r, &address, &site);
	strbuf_done(&address);
	strbuf_done(&site);
	return rc;
}

const struct importer importer_course_directory_venues_csv = {
	.name = "course-directory-venues-csv",
	.title = "Course Directory venue bulk upload (CSV)",
	.detection = "CSV whose header has YOUR_VENUE_REFERENCE, VENUE_NAME, ADDRESS_LINE_1, "
		     "TOWN_OR_CITY and POSTCODE; the provider's UKPRN must be in the file or "
		     "folder name",
	.edition = "Course Directory venue upload, 2026 schema",
	.licence = "The provider's own venue information (Course Directory upload format)",
	.attribution = "Venue information supplied by the provider in the Department for "
		       "Education's Course Directory bulk-upload format.",
	.shape = IMPORT_CSV,
	.columns = COLUMNS(columns),
	.begin = begin,
	.row = row,
	.state_size = sizeof(struct file_state),
};
