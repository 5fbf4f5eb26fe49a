/*
 * test_settings_files.c - kiosk.conf and DATASET, the two files people
 * edit by hand: any line length, the real line number in every message,
 * nothing but plain text accepted.
 */
#include "dataset.h"
#include "harness.h"
#include "kiosk_config.h"
#include "settings_file.h"

static enum status conf(const char *text, size_t n, struct kiosk_config *c, char *err,
			size_t errlen)
{
	FILE *f = fmemopen((void *)text, n, "r");
	enum status rc;

	err[0] = '\0';
	rc = kiosk_config_parse(f, "kiosk.conf", c, err, errlen);
	fclose(f);
	return rc;
}

#define CONF(literal, c, err) conf(literal, sizeof(literal) - 1, c, err, sizeof(err))

static char *long_line(char fill, size_t n, const char *before, const char *after)
{
	char *s = xmalloc(n + strlen(before) + strlen(after) + 1);

	strcpy(s, before);
	memset(s + strlen(before), fill, n);
	strcpy(s + strlen(before) + n, after);
	return s;
}

TEST(kiosk_settings)
{
	struct kiosk_config c;
	char err[300];

	CHECK_INT(CONF("# set by the school\n\npin_hash = $y$abc\r\nidle_seconds = 60\n"
		       "theme = High-Contrast\nrecords_retention_days = 30\n", &c, err), STATUS_OK);
	CHECK_STR(c.pin_hash, "$y$abc");
	CHECK_INT(c.idle_seconds, 60);
	CHECK_INT(c.theme, KIOSK_THEME_CONTRAST);
	CHECK_INT(c.retention_days, 30);
	CHECK_INT(CONF("", &c, err), STATUS_OK);
	CHECK_INT(c.theme, -1);
	CHECK_INT(CONF("idle_seconds = 9\n", &c, err), STATUS_FORMAT);
	CHECK_STR(err, "kiosk.conf:1: idle_seconds must be 10 to 3600");
	CHECK_INT(CONF("idle_seconds = 60s\n", &c, err), STATUS_FORMAT);
	CHECK_INT(CONF("\n\ntheme = purple\n", &c, err), STATUS_FORMAT);
	CHECK_STR(err, "kiosk.conf:3: theme must be colour, contrast or plain");
	CHECK_INT(CONF("colour\n", &c, err), STATUS_FORMAT);
	CHECK_STR(err, "kiosk.conf:1: expected \"name = value\"");
	CHECK_INT(CONF("pin = 1234\n", &c, err), STATUS_FORMAT);
	CHECK_CONTAINS(err, "kiosk.conf:1: unknown setting \"pin\"");
	CHECK_INT(CONF("theme = plain\x1b[2J\n", &c, err), STATUS_FORMAT);
	CHECK_CONTAINS(err, "control character");
	CHECK_INT(CONF("theme = pl\0ain\n", &c, err), STATUS_FORMAT);
	CHECK_CONTAINS(err, "NUL byte");
}

/* A comment of any length is one line; what comes after it is on the right line. */
TEST(long_lines_in_kiosk_settings)
{
	struct kiosk_config c;
	char err[300], *text;

	text = long_line('c', 100000, "# ", "\nidle_seconds = 5\n");
	CHECK_INT(conf(text, strlen(text), &c, err, sizeof(err)), STATUS_FORMAT);
	CHECK_STR(err, "kiosk.conf:2: idle_seconds must be 10 to 3600");
	free(text);
	text = long_line('c', 600, "# ", "\ntheme = plain\n");
	CHECK_INT(conf(text, strlen(text), &c, err, sizeof(err)), STATUS_OK);
	CHECK_INT(c.theme, KIOSK_THEME_PLAIN);
	free(text);
	/* A setting too long to be one is refused, not cut. */
	text = long_line('h', 300, "pin_hash = ", "\n");
	CHECK_INT(conf(text, strlen(text), &c, err, sizeof(err)), STATUS_FORMAT);
	CHECK_STR(err, "kiosk.conf:1: pin_hash is longer than 255 characters");
	free(text);
	text = long_line('h', SETTINGS_LINE_MAX, "\npin_hash = ", "\n");
	CHECK_INT(conf(text, strlen(text), &c, err, sizeof(err)), STATUS_FORMAT);
	CHECK_STR(err, "kiosk.conf:2: the line is longer than 4095 characters");
	free(text);
}

static enum status dataset(const char *text, struct dataset *ds, char *err, size_t errlen)
{
	FILE *f = fmemopen((void *)text, strlen(text), "r");
	enum status rc;

	err[0] = '\0';
	rc = dataset_parse(f, "data/gias/DATASET", ds, err, errlen);
	fclose(f);
	return rc;
}

TEST(dataset_files)
{
	struct dataset ds;
	char err[300], *text;

	CHECK_INT(dataset("name: sample\nlicence: OGL v3.0\nattribution: Crown copyright\n"
			  "sample: yes\ndate: 2026-11-01\n", &ds, err, sizeof(err)), STATUS_OK);
	CHECK_STR(ds.folder, "data/gias/");
	CHECK_STR(ds.licence, "OGL v3.0");
	CHECK_STR(ds.attribution, "Crown copyright");
	CHECK_STR(ds.date, "2026-11-01");
	CHECK_INT(ds.sample, 1);
	dataset_done(&ds);
	CHECK_INT(dataset("licence: x\n", &ds, err, sizeof(err)), STATUS_FORMAT);
	CHECK_STR(err, "data/gias/DATASET: needs both a licence and an attribution line");
	dataset_done(&ds);
	CHECK_INT(dataset("licence: x\nattribution: y\nowner: z\n", &ds, err, sizeof(err)),
		  STATUS_FORMAT);
	CHECK_CONTAINS(err, "data/gias/DATASET:3: unknown key \"owner\"");
	dataset_done(&ds);
	/* An attribution can be long; it is read whole, and the next line keeps its number. */
	text = long_line('a', 2000, "licence: x\nattribution: ", "\nnonsense\n");
	CHECK_INT(dataset(text, &ds, err, sizeof(err)), STATUS_FORMAT);
	CHECK_STR(err, "data/gias/DATASET:3: expected \"key: value\"");
	dataset_done(&ds);
	free(text);
	text = long_line('a', 2000, "licence: x\nattribution: ", "\n");
	CHECK_INT(dataset(text, &ds, err, sizeof(err)), STATUS_OK);
	CHECK_INT(strlen(ds.attribution), 2000);
	dataset_done(&ds);
	free(text);
	/* Text for the terminal and the store: no control characters. */
	CHECK_INT(dataset("licence: x\nattribution: \x1b]0;owned\x07\n", &ds, err, sizeof(err)),
		  STATUS_FORMAT);
	CHECK_CONTAINS(err, "data/gias/DATASET:2: a control character");
	dataset_done(&ds);
}

TESTS(kiosk_settings, long_lines_in_kiosk_settings, dataset_files)
