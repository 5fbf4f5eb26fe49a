/*
 * import_course_providers_report_csv.c - GOV.UK Course Directory monthly open data:
 * LiveCourseProvidersReport-YYYYMMDD.csv.
 *
 * The companion of the live courses report: one row per provider with
 * live courses, with its trading name and its main contact address,
 * phone and website (dfc-coursedirectory GetLiveCourseProvidersReport:
 * Ukprn, ProviderName, TradingName, AddressSaonDescription,
 * AddressPaonDescription, AddressStreetDescription, AddressLocality,
 * AddressItems, AddressPostTown, AddressCounty, AddressPostcode,
 * Telephone1, Telephone2, WebsiteAddress, Email). The CSV's own header
 * spellings were not seen: both the report's upper-case style
 * (PROVIDER_UKPRN, PROVIDER_NAME, CONTACT_POSTCODE, ...) and the item's
 * property names are accepted. Each row becomes a PROVIDER keyed by its
 * UKPRN, which the courses of the live courses report name; the e-mail
 * address is not read (the website is the way in).
 */
#include <string.h>

#include "importer.h"
#include "mem.h"

enum {
	UKPRN, NAME, TRADING_NAME, SAON, PAON, STREET, LOCALITY, ITEMS, TOWN, COUNTY, POSTCODE,
	PHONE, WEBSITE,
};

static const struct import_column columns[] = {
	[UKPRN] = { "PROVIDER_UKPRN|Ukprn", COLUMN_REQUIRED },
	[NAME] = { "PROVIDER_NAME|ProviderName", COLUMN_REQUIRED },
	[TRADING_NAME] = { "TRADING_NAME|TradingName", 0 },
	[SAON] = { "CONTACT_ADDRESS1|ADDRESS_SAON|AddressSaonDescription", 0 },
	[PAON] = { "CONTACT_ADDRESS2|ADDRESS_PAON|AddressPaonDescription", 0 },
	[STREET] = { "CONTACT_STREET|ADDRESS_STREET|AddressStreetDescription", 0 },
	[LOCALITY] = { "CONTACT_LOCALITY|ADDRESS_LOCALITY|AddressLocality", 0 },
	[ITEMS] = { "CONTACT_ITEMS|ADDRESS_ITEMS|AddressItems", 0 },
	[TOWN] = { "CONTACT_TOWN|ADDRESS_TOWN|AddressPostTown", 0 },
	[COUNTY] = { "CONTACT_COUNTY|ADDRESS_COUNTY|AddressCounty", 0 },
	[POSTCODE] = { "CONTACT_POSTCODE|ADDRESS_POSTCODE|AddressPostcode", COLUMN_REQUIRED },
	[PHONE] = { "CONTACT_TELEPHONE|TELEPHONE1|Telephone1", 0 },
	[WEBSITE] = { "CONTACT_WEBSITE|WEBSITE_ADDRESS|WebsiteAddress", 0 },
};

static enum status row(struct import_row *r)
{
	const int lines[] = { SAON, PAON, STREET, LOCALITY, ITEMS, TOWN, COUNTY };
	struct provider_rec p = PROVIDER_REC_INIT;
	char ukprn[9], postcode[9];
	struct strbuf address;
	const char *trading;
	enum status rc;
	size_t i;

	if (import_get_code(r, UKPRN, RULE_UKPRN, ukprn, sizeof(ukprn)) == 0)
		import_reject(r, UKPRN, "is empty, but every provider has a UKPRN");
	p.name = import_required(r, NAME);
	/* The name learners know it by. */
	if ((trading = import_text(r, TRADING_NAME)) != NULL)
		p.name = trading;
	if (import_get_postcode(r, POSTCODE, postcode) == 1)
		p.postcode = postcode;
	p.town = import_text(r, TOWN);
	p.phone = import_text(r, PHONE);
	p.website = import_text(r, WEBSITE);
	strbuf_init(&address);
	for (i = 0; i < sizeof(lines) / sizeof(lines[0]); i++) {
		const char *v = import_text(r, lines[i]);

		if (!v)
			continue;
		if (address.len)
			strbuf_puts(&address, ", ");
		strbuf_puts(&address, v);
	}
	p.address = address.len ? address.buf : NULL;
	p.ukprn = ukprn;
	/* The kind is worked out from the name, as for providers named only by their courses. */
	p.kind = strstr(p.name ? p.name : "", "niversity") ? "university" :
		 strstr(p.name ? p.name : "", "ixth") ? "sixth_form" :
		 strstr(p.name ? p.name : "", "ollege") ? "college" : "training_provider";
	rc = import_emit(r, RECORD_PROVIDER, &p);
	strbuf_done(&address);
	return rc;
}

const struct importer importer_course_providers_report_csv = {
	.name = "course-providers-report-csv",
	.title = "GOV.UK Course Directory monthly open data (LiveCourseProvidersReport CSV)",
	.detection = "CSV whose header has PROVIDER_UKPRN (or Ukprn), PROVIDER_NAME and a "
		     "contact postcode",
	.edition = "LiveCourseProvidersReport, 2026 fields (CSV header spellings not seen)",
	.licence = "Open Government Licence v3.0",
	.attribution = "Contains public sector information from the Department for Education's "
		       "Course Directory, licensed under the Open Government Licence v3.0.",
	.shape = IMPORT_CSV,
	.columns = COLUMNS(columns),
	.row = row,
};
