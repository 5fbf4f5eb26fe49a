/* cli_build.c - `careers build` and `careers import`. */
#include <stdio.h>
#include <stdlib.h>

#include "build.h"
#include "cli.h"
#include "fetch.h"

int cli_build(int argc, char **argv)
{
	struct build_options o = { 0 };
	struct cli_args a;
	char *downloads = NULL;
	int kind, fetch = 0, data_given = 0, fetched = 0, rc;

	o.data_dir = CAREERS_DEFAULT_DATA;
	o.out = cli_store_to_write();
	o.out_stream = stdout;
	o.err_stream = stderr;
	cli_args_init(&a, "build", argc, argv);
	while ((kind = cli_args_next(&a)) != 0) {
		if (kind < 0)
			return cli_usage_error("build", "unexpected argument \"%s\"", a.value);
		if (cli_is(&a, "data")) {
			if (!(o.data_dir = cli_value(&a)))
				return EXIT_USAGE;
			data_given = 1;
		} else if (cli_is(&a, "fetch")) {
			fetch = 1;
		} else if (cli_is(&a, "out")) {
			if (!(o.out = cli_value(&a)))
				return EXIT_USAGE;
		} else if (cli_is(&a, "quiet")) {
			o.quiet = 1;
		} else if (cli_is(&a, "strict")) {
			o.strict = 1;
		} else if (cli_is(&a, "keep-going")) {
			o.keep_going = 1;
		} else {
			return cli_usage_error("build", "unknown option --%s", a.option);
		}
	}
	if (cli_parse_only)
		return 0;
	if (fetch) {
		/* Fetch first; a source that fails keeps its previous copy for the build. */
		if (!data_given)
			o.data_dir = downloads = fetch_default_folder();
		fetched = cli_fetch_for_build(o.data_dir);
	}
	rc = build_store(&o) == STATUS_OK ? (fetch && fetched ? 3 : 0) : 1;
	free(downloads);
	return rc;
}

int cli_import(int argc, char **argv)
{
	struct build_options o = { 0 };
	struct cli_args a;
	char **files = calloc((size_t)argc, sizeof(*files));
	int kind, rc;

	if (!files)
		return 1;
	o.db = cli_default_store();
	o.out_stream = stdout;
	o.err_stream = stderr;
	o.files = files;
	cli_args_init(&a, "import", argc, argv);
	while ((kind = cli_args_next(&a)) != 0) {
		if (kind < 0) {
			files[o.file_count++] = (char *)a.value;
		} else if (cli_is(&a, "db")) {
			if (!(o.db = cli_value(&a))) {
				free(files);
				return EXIT_USAGE;
			}
		} else if (cli_is(&a, "quiet")) {
			o.quiet = 1;
		} else {
			free(files);
			return cli_usage_error("import", "unknown option --%s", a.option);
		}
	}
	if (o.file_count == 0) {
		free(files);
		return cli_usage_error("import", "name at least one file to import");
	}
	rc = cli_parse_only ? 0 : build_import(&o) == STATUS_OK ? 0 : 1;
	free(files);
	return rc;
}
