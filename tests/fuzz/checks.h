/*
 * checks.h - what the fuzz targets check besides the sanitizers: the
 * promises the code makes about what it hands on, and a way to stop the
 * fuzzer (abort) with what was broken when one is not kept.
 */
#ifndef CAREERS_FUZZ_CHECKS_H
#define CAREERS_FUZZ_CHECKS_H

#include <stdint.h>
#include <stdio.h>

#include "import.h"

/* The target's name, for messages; each target defines it. */
extern const char fuzz_target[];

/* Stop: print what promise was broken (and the detail, if any), then abort. */
void fuzz_broken(const char *what, const char *detail) __attribute__((noreturn));
int fuzz_valid_utf8(const char *s);
/* Valid UTF-8 with no control character (C0, DEL, C1): fit for a message or the store. */
int fuzz_plain_text(const char *s);

/* A refusal must name the file (begin with name) and be plain text. */
void fuzz_check_refusal(const char *err, const char *name);
/* The bytes as a stream to read (fmemopen); NULL when one cannot be made. Close with fclose. */
FILE *fuzz_memory_file(const uint8_t *data, size_t size);

/*
 * A path for a file the target writes its input to, in a folder of its own
 * (made once, under /dev/shm when there is one: it is rewritten for every
 * input), ending in name.
 */
const char *fuzz_scratch_path(const char *name);
/* Write the bytes to path (replacing it), and remove path-journal; 0 on success. */
int fuzz_write_file(const char *path, const uint8_t *data, size_t size);

/*
 * Run an import of src with importer into a sink that keeps nothing but
 * renders every record, checking that every record and message is valid
 * UTF-8 and that a run that succeeds accounts for every record it read
 * (read = loaded + rejected + skipped). Returns the run's status.
 */
enum status fuzz_import_checked(struct import_source *src, const struct importer *importer,
				struct import_result *result);

#endif
