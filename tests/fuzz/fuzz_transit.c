/*
 * fuzz_transit.c - any bytes as a packed timetable (app/transit.c), and journeys on it.
 *
 * The timetable is read from the store file, which may have come from
 * anywhere. Besides the sanitizers, this checks what transit_decode()
 * promises when it accepts the bytes:
 *
 *	- the format has one way of writing each timetable: encoding what was
 *	  read gives back exactly the bytes it was read from;
 *	- journeys can be worked out on it, from and to any of its stops,
 *	  without reading outside it, and every leg of every journey found
 *	  starts no earlier than the leg before it ends.
 *
 * The corpus holds timetables packed from the bundled Doncaster sample and
 * from tests/test_transit.c's hand-made feed.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "corpus.h"
#include "transit_int.h"

static void broken_promise(const char *what)
{
	fprintf(stderr, "fuzz_transit: %s\n", what);
	abort();
}

/* Journeys from one stop to a few others, on a weekday in the feeds' days. */
static void journeys(const struct transit *t)
{
	struct transit_query q;
	struct transit_run *run;
	struct transit_leg legs[TRANSIT_MAX_LEGS];
	uint32_t i;

	if (!t->cell_count)
		return;
	memset(&q, 0, sizeof(q));
	transit_settings_init(&q.settings);
	q.lat = t->stops[t->cells[0].stop].lat / TRANSIT_E6;
	q.lon = t->stops[t->cells[0].stop].lon / TRANSIT_E6;
	q.day = t->service_count ? t->services[0].first_day + 2 : 20000;
	q.arrive_by = 9 * 3600;
	if (transit_run_new(t, &q, &run) != STATUS_OK)
		return;
	for (i = 0; i < t->cell_count && i < 16; i++) {
		const struct transit_stop *s = &t->stops[t->cells[i].stop];
		struct transit_answer a;
		int n, k;

		transit_answer_to(run, s->lat / TRANSIT_E6, s->lon / TRANSIT_E6, &a);
		n = transit_journey_to(run, s->lat / TRANSIT_E6, s->lon / TRANSIT_E6, legs,
				       TRANSIT_MAX_LEGS);
		if (a.found && !n)
			broken_promise("a journey found that cannot be told leg by leg");
		for (k = 1; k < n; k++)
			if (legs[k].start < legs[k - 1].end)
				broken_promise("a leg that starts before the one before it ends");
	}
	transit_run_free(run);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct transit *t;
	char err[256], *again;
	size_t len;

	if (transit_decode(data, size, &t, err, sizeof(err)) != STATUS_OK) {
		if (!err[0])
			broken_promise("a refusal that does not say what was wrong");
		return 0;
	}
	transit_encode(t, &again, &len);
	if (len != size || memcmp(again, data, size) != 0)
		broken_promise("encoding what was read does not give the same bytes");
	free(again);
	journeys(t);
	transit_free(t);
	return 0;
}

#ifndef CAREERS_FUZZING
int main(int argc, char **argv)
{
	return fuzz_corpus_main(argc, argv, "fuzz_transit");
}
#endif
