/*
 * bench_exit.h - how the benchmark programs that do not link the core
 * library (bench_gen, bench_build) give up: a message naming the program
 * on stderr, then exit status 1.
 */
#ifndef CAREERS_BENCH_EXIT_H
#define CAREERS_BENCH_EXIT_H

#include <stddef.h>

/* The program's name for messages, defined once by each program. */
extern const char bench_name[];

void die(const char *fmt, ...) __attribute__((noreturn, format(printf, 1, 2)));
/* realloc() that dies when memory runs out; a size of 0 is taken as 1. */
void *grow(void *p, size_t size);

#endif
