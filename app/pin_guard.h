/*
 * pin_guard.h - how often the adviser PIN may be tried, and what a PIN must be.
 *
 * A kiosk is left with the adviser PIN, so the PIN must not be guessable
 * by trying every one. The guard counts wrong PINs in a row and answers
 * how long the next try must wait:
 *
 *	wrong PINs in a row   1-3   4     5     6     7     8 and more
 *	wait before the next  0     10 s  30 s  60 s  2 min 5 min (locked out)
 *
 * A right PIN clears the count; so does an hour without a wrong one. The
 * count lives in the guard, not in the PIN screen, so leaving the screen
 * and coming back changes nothing. Each wrong PIN is logged to the system
 * log (syslog(3), facility authpriv), never to a file in the kiosk's home.
 *
 * Restarts. With a state file (pin_guard_default_path(): in
 * $XDG_RUNTIME_DIR, which is private to the user and emptied at each
 * boot) the count and the lock-out survive the kiosk process being
 * restarted; times are seconds since boot (CLOCK_BOOTTIME), and a file
 * written during another boot is ignored. Without one they live as long
 * as the process. A state file that cannot be read or makes no sense is
 * treated as no failures (and replaced at the next wrong PIN); one that
 * cannot be written is logged and otherwise ignored: the guard in memory
 * still holds.
 *
 * Times are whole seconds on the caller's clock (pin_guard_now() for the
 * real one), so tests can move time on.
 */
#ifndef CAREERS_PIN_GUARD_H
#define CAREERS_PIN_GUARD_H

#include <stddef.h>

#define PIN_GUARD_FREE_TRIES 3
#define PIN_GUARD_LOCKOUT 300		/* seconds, from the 8th wrong PIN in a row */
#define PIN_GUARD_FORGET 3600		/* an hour without a wrong PIN clears the count */

#define PIN_MIN_DIGITS 6		/* a PIN of digits only */
#define PIN_MIN_PASSPHRASE 10		/* anything else: a passphrase */
#define PIN_MAX_LENGTH 64

struct pin_guard;

/*
 * A guard that keeps its state in the file at state_path (read now,
 * written after each change), or in memory only when state_path is NULL.
 */
struct pin_guard *pin_guard_new(const char *state_path);
void pin_guard_free(struct pin_guard *g);

/* Seconds since boot (CLOCK_BOOTTIME): the clock the state file uses. */
long long pin_guard_now(void);

/* Seconds to wait before the next try at time now; 0: try now. */
long pin_guard_wait(const struct pin_guard *g, long long now);
/* A wrong PIN at time now: counted and logged. Returns pin_guard_wait() after it. */
long pin_guard_failed(struct pin_guard *g, long long now);
/* The right PIN: the count is cleared (and the leaving is logged). */
void pin_guard_passed(struct pin_guard *g);
/* Wrong PINs in a row so far. */
int pin_guard_failures(const struct pin_guard *g);

/*
 * $XDG_RUNTIME_DIR/careers-pin-guard as a heap string, or NULL when
 * XDG_RUNTIME_DIR is not set to an absolute path (then the guard lives in
 * memory only).
 */
char *pin_guard_default_path(void);

/*
 * Is pin good enough to be the adviser PIN? At least PIN_MIN_DIGITS
 * digits, not all the same and not a run (123456, 987654); or a
 * passphrase of PIN_MIN_PASSPHRASE or more characters with a letter in
 * it. Printable ASCII only (spaces allowed inside a passphrase), at most
 * PIN_MAX_LENGTH. 1 when it is; else 0 and why says what is wrong.
 */
int pin_acceptable(const char *pin, char *why, size_t whylen);

#endif
