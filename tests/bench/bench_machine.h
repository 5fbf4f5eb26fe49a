/*
 * bench_machine.h - how busy the machine was while a benchmark ran, and
 * min/median/max of a set of timings, shared by the benchmark programs.
 *
 * A benchmark calls bench_machine_start() before its timed work and
 * bench_machine_stop() after it. Between the two it learns the 1-minute
 * load average before and after, and - more to the point on a shared
 * machine - how much CPU *other* processes used: the whole machine's busy
 * time from /proc/stat less this process's and its children's (getrusage).
 * A run is "busy" when others used more than a quarter of one CPU on
 * average, or the load average before it was above half the CPUs; its
 * verdicts are then printed marked "busy machine", never as plain "met".
 * Without /proc the figures read -1 and nothing is called busy.
 */
#ifndef CAREERS_BENCH_MACHINE_H
#define CAREERS_BENCH_MACHINE_H

#include <stddef.h>

struct bench_machine {
	long cpus;
	double load_before, load_after;		/* 1-minute load average, -1 unknown */
	double wall_s;				/* between start and stop */
	double others_cpus;			/* other processes' CPUs in use on average, -1 unknown */
	int busy;
	/* private */
	double t0, machine_busy0, own0;
};

void bench_machine_start(struct bench_machine *m);
/* The 1-minute load average now, -1 unknown. */
double bench_load_average(void);
void bench_machine_stop(struct bench_machine *m);

/* One line: the CPUs, the load average before and after, other processes' CPU, busy or quiet. */
void bench_machine_print(const struct bench_machine *m);

/* "met", "NOT met", or either followed by " (busy machine: not a verdict)". */
const char *bench_verdict(const struct bench_machine *m, int met);

/* Sorts v (n > 0) and gives its minimum, median and maximum. */
void bench_min_median_max(double *v, size_t n, double *min, double *median, double *max);

#endif
