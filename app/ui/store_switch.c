/*
 * store_switch.c - the kiosk takes a newly installed store between pupils.
 *
 * `careers update` renames a new store over the old one; the kiosk keeps
 * reading the file it opened (a pupil's session never changes under
 * them) and, when the session is wiped, asks storewatch whether the path
 * now names another file. If so it opens that, and only if that works
 * does it let go of the old one.
 */
#include <stdio.h>
#include <string.h>

#include "schoolyear.h"
#include "ui.h"

struct data_age {
	int sample;
	char newest[11];
};

static int label_source(void *ctx, const struct store_source_info *s)
{
	struct data_age *age = ctx;
	const char *date = s->data_date ? s->data_date : s->imported_at;

	age->sample |= s->is_sample;
	if (date && strncmp(date, age->newest, 10) > 0)
		snprintf(age->newest, sizeof(age->newest), "%.10s", date);
	return 0;
}

void ui_label_data(struct ui *ui)
{
	struct data_age age = { 0, "" };
	struct civil_date d;
	char day[16];

	if (ui->options.data_label) {
		snprintf(ui->data_label, sizeof(ui->data_label), "%s", ui->options.data_label);
		return;
	}
	store_each_source(ui->store, label_source, &age);
	if (date_parse(age.newest, &d))
		date_short(d, day);
	else
		snprintf(day, sizeof(day), "date unknown");
	snprintf(ui->data_label, sizeof(ui->data_label), "%s, %s",
		 age.sample ? "sample data written by the careers project" : "public open data", day);
}

void ui_follow_store(struct ui *ui)
{
	struct store *fresh;
	char err[300];

	if (!ui->options.db || !storewatch_changed(&ui->store_watch, ui->options.db))
		return;
	/* Remember the file before opening it: a swap in between is seen next time. */
	storewatch_init(&ui->store_watch, ui->options.db);
	if (store_open(ui->options.db, STORE_READ_ONLY, &fresh, err, sizeof(err)) != STATUS_OK)
		return;	/* not usable: go on with the store already open */
	store_close(ui->store);
	ui->store = fresh;
	ui_label_data(ui);
	ui_warm(ui);
}
