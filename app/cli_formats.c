/* cli_formats.c - `careers formats`: the registry, described. */
#include <stdio.h>

#include "cli.h"
#include "registry.h"

int cli_formats(int argc, char **argv)
{
	const struct importer *const *list;
	size_t count, i;

	if (argc > 1)
		return cli_usage_error("formats", "unexpected argument \"%s\"", argv[1]);
	if (cli_parse_only)
		return 0;
	list = registry_importers(&count);
	for (i = 0; i < count; i++) {
		printf("%s\n  %s\n  recognised by: %s\n  checked against: %s\n  licence: %s\n",
		       list[i]->name, list[i]->title, list[i]->detection,
		       list[i]->edition ? list[i]->edition : "not stated", list[i]->licence);
		if (i + 1 < count)
			putchar('\n');
	}
	printf("\nZip archives (.zip) are read member by member and Excel workbooks (.xlsx) sheet by\n"
	       "sheet, also inside a zip: nothing needs unpacking.\n");
	printf("\nA folder may also hold a DATASET file (lines \"licence: ...\", \"attribution: ...\",\n"
	       "\"sample: yes\", \"date: YYYY-MM-DD\") that labels the files beneath it.\n");
	return 0;
}
