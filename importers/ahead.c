/*
 * ahead.c - a ring of batches filled by a thread (ahead.h).
 *
 * Design notes. The thread fills the batch at `write_at` while the caller
 * reads the one at `read_at`; `full[i]` says whose a batch is, and one lock
 * with two conditions guards the ring. A batch is handed back only when
 * the caller says so, so what the caller was handed last stays valid until
 * then. The thread stops after filling the last batch, or when told to.
 */
#include "ahead.h"

#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>

#include "mem.h"

struct ahead {
	void *source;
	ahead_fill fill;
	void *batches[AHEAD_BATCHES];
	int threaded;
	pthread_t thread;
	pthread_mutex_t lock;
	pthread_cond_t filled, emptied;
	int full[AHEAD_BATCHES];
	int stop;
	unsigned write_at, read_at;
	int reading;		/* the caller holds batches[read_at] */
	enum status final;	/* STATUS_OK until the end or an error is handed out */
	char error[256];
};

void ahead_batch_reset(struct ahead_batch *b)
{
	b->count = b->next = 0;
	b->end = STATUS_OK;
	b->error[0] = '\0';
}

static void *run(void *arg)
{
	struct ahead *a = arg;

	for (;;) {
		void *b;
		int last;

		pthread_mutex_lock(&a->lock);
		while (a->full[a->write_at] && !a->stop)
			pthread_cond_wait(&a->emptied, &a->lock);
		if (a->stop) {
			pthread_mutex_unlock(&a->lock);
			break;
		}
		b = a->batches[a->write_at];
		pthread_mutex_unlock(&a->lock);

		last = a->fill(a->source, b);

		pthread_mutex_lock(&a->lock);
		a->full[a->write_at] = 1;
		a->write_at = (a->write_at + 1) % AHEAD_BATCHES;
		pthread_cond_signal(&a->filled);
		pthread_mutex_unlock(&a->lock);
		if (last)
			break;
	}
	return NULL;
}

struct ahead *ahead_start(void *source, ahead_fill fill, void *const *batches, int thread)
{
	struct ahead *a = xcalloc(1, sizeof(*a));
	int i;

	a->source = source;
	a->fill = fill;
	a->final = STATUS_OK;
	for (i = 0; i < AHEAD_BATCHES; i++)
		a->batches[i] = batches[i];
	pthread_mutex_init(&a->lock, NULL);
	pthread_cond_init(&a->filled, NULL);
	pthread_cond_init(&a->emptied, NULL);
	a->threaded = thread && pthread_create(&a->thread, NULL, run, a) == 0;
	return a;
}

/* The next batch, filled: waited for, or filled now. The same one until given back. */
static void *take(struct ahead *a)
{
	void *b = a->batches[a->read_at];

	if (a->reading)
		return b;
	if (a->threaded) {
		pthread_mutex_lock(&a->lock);
		while (!a->full[a->read_at])
			pthread_cond_wait(&a->filled, &a->lock);
		pthread_mutex_unlock(&a->lock);
	} else {
		a->fill(a->source, b);
	}
	a->reading = 1;
	return b;
}

static void give_back(struct ahead *a)
{
	a->reading = 0;
	if (!a->threaded)
		return;
	pthread_mutex_lock(&a->lock);
	a->full[a->read_at] = 0;
	a->read_at = (a->read_at + 1) % AHEAD_BATCHES;
	pthread_cond_signal(&a->emptied);
	pthread_mutex_unlock(&a->lock);
}

void *ahead_next(struct ahead *a, size_t *at)
{
	while (a->final == STATUS_OK) {
		struct ahead_batch *b = take(a);

		if (b->next < b->count) {
			*at = b->next++;
			return b;
		}
		if (b->end != STATUS_OK) {
			a->final = b->end;
			snprintf(a->error, sizeof(a->error), "%s", b->error);
			break;
		}
		give_back(a);
	}
	return NULL;
}

enum status ahead_final(const struct ahead *a)
{
	return a->final;
}

const char *ahead_error(const struct ahead *a)
{
	return a->error;
}

void ahead_stop(struct ahead *a)
{
	if (!a)
		return;
	if (a->threaded) {
		pthread_mutex_lock(&a->lock);
		a->stop = 1;
		pthread_cond_signal(&a->emptied);
		pthread_mutex_unlock(&a->lock);
		pthread_join(a->thread, NULL);
	}
	pthread_mutex_destroy(&a->lock);
	pthread_cond_destroy(&a->filled);
	pthread_cond_destroy(&a->emptied);
	free(a);
}
