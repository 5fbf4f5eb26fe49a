/*
 * bench_machine.c - load average and other processes' CPU use around a
 * benchmark, and min/median/max (see bench_machine.h).
 */
#ifndef _DEFAULT_SOURCE
#define _DEFAULT_SOURCE
#endif
#include <stdio.h>
#include <stdlib.h>
#include <sys/resource.h>
#include <time.h>
#include <unistd.h>

#include "bench_machine.h"

static double seconds_now(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + ts.tv_nsec / 1e9;
}

double bench_load_average(void)
{
	double load = -1;
	FILE *f = fopen("/proc/loadavg", "r");

	if (f) {
		if (fscanf(f, "%lf", &load) != 1)
			load = -1;
		fclose(f);
	}
	return load;
}

/* CPU seconds the whole machine has spent busy (not idle or waiting), -1 unknown. */
static double machine_busy_seconds(void)
{
	unsigned long long user, nice, sys, idle, iowait, irq, softirq, steal;
	long tick = sysconf(_SC_CLK_TCK);
	double busy = -1;
	FILE *f = fopen("/proc/stat", "r");

	if (!f)
		return -1;
	if (fscanf(f, "cpu %llu %llu %llu %llu %llu %llu %llu %llu", &user, &nice, &sys, &idle,
		   &iowait, &irq, &softirq, &steal) == 8 && tick > 0)
		busy = (double)(user + nice + sys + irq + softirq) / (double)tick;
	fclose(f);
	return busy;
}

static double timeval_s(struct timeval tv)
{
	return (double)tv.tv_sec + tv.tv_usec / 1e6;
}

/* This process's CPU seconds and its waited-for children's. */
static double own_seconds(void)
{
	struct rusage self, kids;

	getrusage(RUSAGE_SELF, &self);
	getrusage(RUSAGE_CHILDREN, &kids);
	return timeval_s(self.ru_utime) + timeval_s(self.ru_stime) + timeval_s(kids.ru_utime) +
	       timeval_s(kids.ru_stime);
}

void bench_machine_start(struct bench_machine *m)
{
	m->cpus = sysconf(_SC_NPROCESSORS_ONLN);
	m->load_before = bench_load_average();
	m->load_after = -1;
	m->others_cpus = -1;
	m->busy = 0;
	m->machine_busy0 = machine_busy_seconds();
	m->own0 = own_seconds();
	m->t0 = seconds_now();
}

void bench_machine_stop(struct bench_machine *m)
{
	double busy = machine_busy_seconds();

	m->wall_s = seconds_now() - m->t0;
	m->load_after = bench_load_average();
	if (busy >= 0 && m->machine_busy0 >= 0 && m->wall_s > 0) {
		m->others_cpus = (busy - m->machine_busy0 - (own_seconds() - m->own0)) / m->wall_s;
		if (m->others_cpus < 0)
			m->others_cpus = 0;
	}
	m->busy = m->others_cpus > 0.25 || (m->cpus > 0 && m->load_before > 0.5 * (double)m->cpus);
}

void bench_machine_print(const struct bench_machine *m)
{
	printf("machine: %ld CPUs, load average %.2f before and %.2f after; other processes used "
	       "%.2f CPUs on average over %.1f s: %s\n", m->cpus, m->load_before, m->load_after,
	       m->others_cpus, m->wall_s, m->busy ? "BUSY MACHINE (figures inflated, verdicts "
	       "not final)" : "quiet");
}

const char *bench_verdict(const struct bench_machine *m, int met)
{
	if (m->busy)
		return met ? "met (busy machine: not a verdict)" :
			     "NOT met (busy machine: not a verdict)";
	return met ? "met" : "NOT met";
}

static int compare_doubles(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;

	return x < y ? -1 : x > y;
}

void bench_min_median_max(double *v, size_t n, double *min, double *median, double *max)
{
	qsort(v, n, sizeof(*v), compare_doubles);
	*min = v[0];
	*max = v[n - 1];
	*median = n % 2 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
}
