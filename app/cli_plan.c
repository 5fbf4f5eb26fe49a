/*
 * cli_plan.c - `careers plan export`: a saved session's action plan, for the pupil.
 *
 * Loads one session from the adviser's records file and writes its plan
 * (plan.h) as Markdown or HTML to standard output or to a file. A file is
 * written by safefile_write(): beside its final name, mode 0600 (it is
 * about a pupil), renamed into place, a link there replaced and not
 * followed; a failed export never leaves half a plan.
 */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cli.h"
#include "mem.h"
#include "plan.h"
#include "safefile.h"
#include "records.h"
#include "store.h"

struct plan_args {
	const char *db, *records, *out;
	long long session;
	enum plan_format format;
};

/* Parse the arguments; 0 when they are fine, else the exit status (EXIT_USAGE). */
static int parse(int argc, char **argv, struct plan_args *p)
{
	struct cli_args a;
	const char *v;
	char *end;
	int kind, have_verb = 0;

	memset(p, 0, sizeof(*p));
	p->db = cli_default_store();
	p->format = PLAN_MARKDOWN;
	cli_args_init(&a, "plan", argc, argv);
	while ((kind = cli_args_next(&a)) != 0) {
		if (kind < 0 && !have_verb && strcmp(a.value, "export") == 0) {
			have_verb = 1;
			continue;
		}
		if (kind < 0)
			return cli_usage_error("plan", "unexpected argument \"%s\"%s", a.value,
					       have_verb ? "" : " (the only action is: export)");
		if (!cli_is(&a, "db") && !cli_is(&a, "records") && !cli_is(&a, "session") &&
		    !cli_is(&a, "format") && !cli_is(&a, "out"))
			return cli_usage_error("plan", "unknown option --%s", a.option);
		if (!(v = cli_value(&a)))
			return EXIT_USAGE;
		if (cli_is(&a, "db")) {
			p->db = v;
		} else if (cli_is(&a, "records")) {
			p->records = v;
		} else if (cli_is(&a, "out")) {
			p->out = v;
		} else if (cli_is(&a, "format")) {
			if (plan_format_parse(v, &p->format) != 0)
				return cli_usage_error("plan", "--format %s: give md or html", v);
		} else {
			errno = 0;
			p->session = strtoll(v, &end, 10);
			if (errno || end == v || *end || p->session <= 0)
				return cli_usage_error("plan", "--session %s: give the session's "
						       "number, as `careers records list` shows it",
						       v);
		}
	}
	if (!have_verb)
		return cli_usage_error("plan", "say what to do: export");
	if (!p->session)
		return cli_usage_error("plan", "--session ID is needed");
	return 0;
}

/* Load the session; 0 or 1 with a message printed. */
static int load_session(const struct plan_args *p, const char *records_path, struct advice *a)
{
	struct records *r;
	char err[512];
	enum status rc;

	rc = records_open(records_path, 0, &r, err, sizeof(err));
	if (rc == STATUS_NOT_FOUND) {
		fprintf(stderr, "careers: no records file at %s: no sessions have been saved\n",
			records_path);
		return 1;
	}
	if (rc != STATUS_OK) {
		fprintf(stderr, "careers: %s\n", err);
		return 1;
	}
	if (records_notice(r)[0])
		fprintf(stderr, "careers: %s\n", records_notice(r));
	rc = records_load(r, p->session, a);
	if (rc == STATUS_NOT_FOUND)
		fprintf(stderr, "careers: there is no session %lld in %s\n", p->session,
			records_path);
	else if (rc != STATUS_OK)
		fprintf(stderr, "careers: cannot read session %lld from %s: %s\n", p->session,
			records_path, records_errmsg(r));
	records_close(r);
	return rc == STATUS_OK ? 0 : 1;
}

int cli_plan(int argc, char **argv)
{
	struct plan_args p;
	struct advice *a;
	struct store *s;
	struct strbuf out;
	char err[512], *records_path;
	int rc;

	if ((rc = parse(argc, argv, &p)) != 0 || cli_parse_only)
		return rc;
	records_path = p.records ? xstrdup(p.records) : records_default_path();
	if (!records_path) {
		fprintf(stderr, "careers: where are the records? Give --records FILE (neither "
			"XDG_DATA_HOME nor HOME is set)\n");
		return 1;
	}
	a = xcalloc(1, sizeof(*a));
	if ((rc = load_session(&p, records_path, a)) != 0)
		goto done;
	if (store_open(p.db, STORE_READ_ONLY, &s, err, sizeof(err)) != STATUS_OK) {
		fprintf(stderr, "careers: %s\n", err);
		rc = 1;
		goto done;
	}
	strbuf_init(&out);
	if (plan_write(s, a, p.format, &out, err, sizeof(err)) != STATUS_OK) {
		fprintf(stderr, "careers: cannot write the plan: %s\n", err);
		rc = 1;
	} else if (p.out) {
		if (safefile_write(p.out, out.buf, out.len, 0600, err, sizeof(err)) != STATUS_OK) {
			fprintf(stderr, "careers: %s\n", err);
			rc = 1;
		}
	} else if (fwrite(out.buf, 1, out.len, stdout) != out.len || fflush(stdout) != 0) {
		fprintf(stderr, "careers: cannot write the plan: %s\n", strerror(errno));
		rc = 1;
	}
	strbuf_done(&out);
	store_close(s);
done:
	memset(a, 0, sizeof(*a));
	free(a);
	free(records_path);
	return rc;
}
