/*
 * corpus.h - running a fuzz target over files, without libFuzzer.
 *
 * Every fuzz target here is also built as a plain program whose main()
 * calls fuzz_corpus_main(): each file named (or each file in each folder
 * named) goes through LLVMFuzzerTestOneInput() once. That is how ctest
 * runs the corpora on every build, with any compiler. -v sets
 * fuzz_verbose, for targets that can say what an input was.
 */
#ifndef CAREERS_FUZZ_CORPUS_H
#define CAREERS_FUZZ_CORPUS_H

#include <stddef.h>
#include <stdint.h>

extern int fuzz_verbose;

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* Returns the exit status: 0 when every input ran, 1 if one could not be read or none were given. */
int fuzz_corpus_main(int argc, char **argv, const char *name);

#endif
