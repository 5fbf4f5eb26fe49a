/*
 * pin_guard.c - see pin_guard.h.
 *
 * The state file is a few "name value" lines, written to a temporary file
 * beside it (O_EXCL, O_NOFOLLOW, mode 0600) and renamed into place:
 *
 *	careers-pin-guard 1
 *	boot 6f0c...            /proc/sys/kernel/random/boot_id when written
 *	failures 5
 *	last 81234              seconds since boot of the last wrong PIN
 */
#include "pin_guard.h"

#include <ctype.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <syslog.h>
#include <time.h>
#include <unistd.h>

#include "mem.h"

struct pin_guard {
	char *path;		/* NULL: memory only */
	char boot[40];		/* this boot's id ("" when unknown) */
	int failures;
	long long last;		/* when the last wrong PIN was typed */
};

/* Wait after `failures` wrong PINs in a row. */
static long delay_after(int failures)
{
	static const long steps[] = { 10, 30, 60, 120 };

	if (failures <= PIN_GUARD_FREE_TRIES)
		return 0;
	if (failures - PIN_GUARD_FREE_TRIES <= (int)(sizeof(steps) / sizeof(steps[0])))
		return steps[failures - PIN_GUARD_FREE_TRIES - 1];
	return PIN_GUARD_LOCKOUT;
}

long long pin_guard_now(void)
{
	struct timespec ts;

	if (clock_gettime(CLOCK_BOOTTIME, &ts) != 0)
		clock_gettime(CLOCK_MONOTONIC, &ts);
	return (long long)ts.tv_sec;
}

static void read_boot_id(char out[40])
{
	FILE *f = fopen("/proc/sys/kernel/random/boot_id", "r");

	out[0] = '\0';
	if (!f)
		return;
	if (!fgets(out, 40, f))
		out[0] = '\0';
	out[strcspn(out, "\n")] = '\0';
	fclose(f);
}

/* Take the counts from the state file when it is from this boot and makes sense. */
static void load(struct pin_guard *g)
{
	int fd = open(g->path, O_RDONLY | O_NOFOLLOW | O_CLOEXEC | O_NONBLOCK);
	char text[256], boot[40] = "";
	long long failures = -1, last = -1, version = 0, now = pin_guard_now();
	struct stat st;
	ssize_t n;
	char *line, *save = NULL;

	if (fd < 0)
		return;
	if (fstat(fd, &st) != 0 || !S_ISREG(st.st_mode) || (n = read(fd, text, sizeof(text) - 1)) < 0) {
		close(fd);
		return;
	}
	close(fd);
	text[n] = '\0';
	for (line = strtok_r(text, "\n", &save); line; line = strtok_r(NULL, "\n", &save)) {
		char name[24], value[40];

		if (sscanf(line, "%23s %39s", name, value) != 2)
			continue;
		if (strcmp(name, "careers-pin-guard") == 0)
			version = strtoll(value, NULL, 10);
		else if (strcmp(name, "boot") == 0)
			snprintf(boot, sizeof(boot), "%s", value);
		else if (strcmp(name, "failures") == 0)
			failures = strtoll(value, NULL, 10);
		else if (strcmp(name, "last") == 0)
			last = strtoll(value, NULL, 10);
	}
	if (version != 1 || strcmp(boot, g->boot) != 0 || failures < 0 || failures > 1000000 ||
	    last < 0 || last > now)
		return;
	g->failures = (int)failures;
	g->last = last;
}

/* Write the state file; a failure is logged and otherwise ignored. */
static void save(const struct pin_guard *g)
{
	char *tmp, text[160];
	int fd, len, ok;

	if (!g->path)
		return;
	tmp = xasprintf("%s.new-%ld", g->path, (long)getpid());
	len = snprintf(text, sizeof(text), "careers-pin-guard 1\nboot %s\nfailures %d\nlast %lld\n",
		       g->boot[0] ? g->boot : "-", g->failures, g->last);
	unlink(tmp);
	fd = open(tmp, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0600);
	ok = fd >= 0 && write(fd, text, (size_t)len) == len;
	if (fd >= 0 && close(fd) != 0)
		ok = 0;
	if (!ok || rename(tmp, g->path) != 0) {
		syslog(LOG_AUTHPRIV | LOG_ERR, "kiosk: cannot keep the count of wrong adviser PINs in "
		       "%s: %s", g->path, strerror(errno));
		unlink(tmp);
	}
	free(tmp);
}

struct pin_guard *pin_guard_new(const char *state_path)
{
	struct pin_guard *g = xcalloc(1, sizeof(*g));

	openlog("careers", LOG_PID, LOG_AUTHPRIV);
	read_boot_id(g->boot);
	if (state_path) {
		g->path = xstrdup(state_path);
		load(g);
	}
	return g;
}

void pin_guard_free(struct pin_guard *g)
{
	if (!g)
		return;
	free(g->path);
	free(g);
}

/* Failures still counted at time now (an hour without one forgets them). */
static int counted(const struct pin_guard *g, long long now)
{
	return g->failures && now - g->last >= PIN_GUARD_FORGET ? 0 : g->failures;
}

long pin_guard_wait(const struct pin_guard *g, long long now)
{
	long delay = delay_after(counted(g, now));
	long long left = g->last + delay - now;

	return left > 0 ? (long)left : 0;
}

long pin_guard_failed(struct pin_guard *g, long long now)
{
	long wait;

	g->failures = counted(g, now) + 1;
	g->last = now;
	save(g);
	wait = pin_guard_wait(g, now);
	syslog(LOG_AUTHPRIV | LOG_WARNING, "kiosk: wrong adviser PIN (%d in a row)%s", g->failures,
	       wait >= PIN_GUARD_LOCKOUT ? "; locked for 5 minutes" : "");
	return wait;
}

void pin_guard_passed(struct pin_guard *g)
{
	syslog(LOG_AUTHPRIV | LOG_NOTICE, "kiosk: left kiosk mode with the adviser PIN%s",
	       g->failures ? " after wrong ones" : "");
	if (g->failures) {
		g->failures = 0;
		g->last = 0;
		save(g);
	}
}

int pin_guard_failures(const struct pin_guard *g)
{
	return g->failures;
}

char *pin_guard_default_path(void)
{
	const char *dir = getenv("XDG_RUNTIME_DIR");

	if (!dir || dir[0] != '/')
		return NULL;
	return xasprintf("%s/careers-pin-guard", dir);
}

/* Digits all the same, or each one up (or down) from the one before. */
static int guessable_digits(const char *pin)
{
	size_t i, n = strlen(pin);
	int same = 1, up = 1, down = 1;

	for (i = 1; i < n; i++) {
		same &= pin[i] == pin[0];
		up &= pin[i] == pin[i - 1] + 1;
		down &= pin[i] == pin[i - 1] - 1;
	}
	return same || up || down;
}

int pin_acceptable(const char *pin, char *why, size_t whylen)
{
	size_t n = strlen(pin), i, digits = 0, letters = 0;

	for (i = 0; i < n; i++) {
		unsigned char c = (unsigned char)pin[i];

		if (c < ' ' || c > '~') {
			snprintf(why, whylen, "use only letters, digits, spaces and punctuation "
				 "you can type on the kiosk's keyboard");
			return 0;
		}
		digits += isdigit(c) != 0;
		letters += isalpha(c) != 0;
	}
	if (n > PIN_MAX_LENGTH) {
		snprintf(why, whylen, "that is longer than %d characters", PIN_MAX_LENGTH);
		return 0;
	}
	if (n && digits == n) {
		if (n < PIN_MIN_DIGITS) {
			snprintf(why, whylen, "a PIN needs at least %d digits (or use a passphrase of "
				 "at least %d characters)", PIN_MIN_DIGITS, PIN_MIN_PASSPHRASE);
			return 0;
		}
		if (guessable_digits(pin)) {
			snprintf(why, whylen, "a PIN of one digit repeated, or of digits counting up "
				 "or down, is the first thing anyone tries");
			return 0;
		}
		return 1;
	}
	if (n < PIN_MIN_PASSPHRASE || !letters || pin[0] == ' ' || pin[n - 1] == ' ') {
		snprintf(why, whylen, "a passphrase needs at least %d characters with a letter among "
			 "them, and no space at either end (or use a PIN of at least %d digits)",
			 PIN_MIN_PASSPHRASE, PIN_MIN_DIGITS);
		return 0;
	}
	return 1;
}
