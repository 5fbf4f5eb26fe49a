/*
 * holidays.c - bank holidays in England (see holidays.h).
 *
 * The embedded list is read once, on first use: comment lines start with
 * '#', then a header, then "YYYY-MM-DD,name" a line. A line that is not
 * that is a mistake in the data file, caught by tests/test_travel.c.
 */
#include "holidays.h"

#include <pthread.h>
#include <stdio.h>
#include <string.h>

extern const char bank_holidays_csv[];

#define MAX_HOLIDAYS 256

static struct {
	long day;
	char name[48];
} list[MAX_HOLIDAYS];
static int count, last_year;
static pthread_once_t once = PTHREAD_ONCE_INIT;

static void load(void)
{
	const char *line = bank_holidays_csv;

	while (*line && count < MAX_HOLIDAYS) {
		size_t len = strcspn(line, "\n");
		struct civil_date d;
		char iso[11];

		if (len > 11 && line[0] != '#' && line[10] == ',') {
			snprintf(iso, sizeof(iso), "%.10s", line);
			if (date_parse(iso, &d)) {
				list[count].day = date_days(d);
				snprintf(list[count].name, sizeof(list[count].name), "%.*s",
					 (int)(len - 11 - (line[len - 1] == '\r')), line + 11);
				count++;
				if (d.year > last_year)
					last_year = d.year;
			}
		}
		line += len;
		if (*line == '\n')
			line++;
	}
}

const char *holidays_name(struct civil_date d)
{
	long day = date_days(d);
	int i;

	pthread_once(&once, load);
	for (i = 0; i < count; i++)
		if (list[i].day == day)
			return list[i].name;
	return NULL;
}

int holidays_known_until(void)
{
	pthread_once(&once, load);
	return last_year;
}
