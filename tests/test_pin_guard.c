/*
 * test_pin_guard.c - the count of wrong adviser PINs, its waits and its
 * state file; and what `careers pin` accepts as a PIN.
 */
#include <fcntl.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/un.h>
#include <syslog.h>
#include <unistd.h>

#include "harness.h"
#include "pin_guard.h"

static char *state_file(const char *name)
{
	const char *tmp = getenv("CAREERS_TEST_TMP");
	char *path = xasprintf("%s/%s-%ld", tmp ? tmp : "/tmp", name, (long)getpid());

	unlink(path);
	return path;
}

TEST(waits_grow_then_lock_out)
{
	static const long want[] = { 0, 0, 0, 10, 30, 60, 120, 300, 300, 300 };
	struct pin_guard *g = pin_guard_new(NULL);
	long long now = 1000;
	size_t i;

	CHECK_INT(pin_guard_wait(g, now), 0);
	for (i = 0; i < sizeof(want) / sizeof(want[0]); i++) {
		CHECK_INT(pin_guard_failed(g, now), want[i]);
		CHECK_INT(pin_guard_failures(g), (long)i + 1);
		/* The wait counts down as time passes. */
		if (want[i]) {
			CHECK_INT(pin_guard_wait(g, now + want[i] - 1), 1);
			CHECK_INT(pin_guard_wait(g, now + want[i]), 0);
		}
		now += want[i];
	}
	/* The right PIN clears the count. */
	pin_guard_passed(g);
	CHECK_INT(pin_guard_failures(g), 0);
	CHECK_INT(pin_guard_failed(g, now), 0);
	pin_guard_free(g);
}

TEST(an_hour_without_a_wrong_pin_forgets)
{
	struct pin_guard *g = pin_guard_new(NULL);
	int i;

	for (i = 0; i < 5; i++)
		pin_guard_failed(g, 100);
	CHECK_INT(pin_guard_wait(g, 100), 30);
	CHECK_INT(pin_guard_wait(g, 100 + PIN_GUARD_FORGET), 0);
	/* After the hour, the next wrong PIN is the first again. */
	CHECK_INT(pin_guard_failed(g, 100 + PIN_GUARD_FORGET), 0);
	CHECK_INT(pin_guard_failures(g), 1);
	pin_guard_free(g);
}

TEST(state_survives_a_restart)
{
	char *path = state_file("guard");
	long long now = pin_guard_now();
	struct pin_guard *g = pin_guard_new(path), *again;
	struct stat st;
	int i;

	for (i = 0; i < 8; i++)
		pin_guard_failed(g, now);
	pin_guard_free(g);
	CHECK(stat(path, &st) == 0 && (st.st_mode & 0777) == 0600);
	/* A new process: still locked out. */
	again = pin_guard_new(path);
	CHECK_INT(pin_guard_failures(again), 8);
	CHECK_INT(pin_guard_wait(again, now), PIN_GUARD_LOCKOUT);
	pin_guard_passed(again);
	pin_guard_free(again);
	again = pin_guard_new(path);
	CHECK_INT(pin_guard_failures(again), 0);
	pin_guard_free(again);
	unlink(path);
	free(path);
}

static void write_file(const char *path, const char *text)
{
	FILE *f = fopen(path, "w");

	CHECK(f != NULL);
	if (f) {
		fputs(text, f);
		fclose(f);
	}
}

TEST(a_state_file_that_makes_no_sense_is_no_failures)
{
	static const char *const bad[] = {
		"",
		"careers-pin-guard 2\nboot -\nfailures 8\nlast 1\n",	/* another version */
		"careers-pin-guard 1\nboot not-this-boot\nfailures 8\nlast 1\n",
		"careers-pin-guard 1\nfailures -3\nlast 1\n",
		"careers-pin-guard 1\nfailures 8\nlast 99999999999999\n",	/* from the future */
		"\xff\xfe garbage \x01\x02",
	};
	char *path = state_file("guard-bad");
	size_t i;

	for (i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
		struct pin_guard *g;

		write_file(path, bad[i]);
		g = pin_guard_new(path);
		CHECK_INT(pin_guard_failures(g), 0);
		pin_guard_free(g);
	}
	/* A link where the file should be is not followed, read or written through. */
	unlink(path);
	CHECK(symlink("/etc/passwd", path) == 0);
	{
		struct pin_guard *g = pin_guard_new(path);

		CHECK_INT(pin_guard_failures(g), 0);
		pin_guard_failed(g, pin_guard_now());
		pin_guard_free(g);
	}
	unlink(path);
	free(path);
}

TEST(what_a_pin_must_be)
{
	static const char *const good[] = {
		"246813", "90210457", "correct horse", "Careers-2026!", "a1b2c3d4e5",
	};
	static const char *const bad[] = {
		"", "2468", "12345", "000000", "123456", "987654", "short one",
		"1234567890-", " leading space", "has\ttab in it", "caf\xc3\xa9 au lait x",
	};
	char why[256];
	size_t i;

	for (i = 0; i < sizeof(good) / sizeof(good[0]); i++)
		CHECK(pin_acceptable(good[i], why, sizeof(why)));
	for (i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
		why[0] = '\0';
		CHECK(!pin_acceptable(bad[i], why, sizeof(why)));
		CHECK(why[0] != '\0');
	}
	pin_acceptable("2468", why, sizeof(why));
	CHECK_CONTAINS(why, "at least 6 digits");
}

/*
 * Wrong PINs reach the system log through syslog(3), the real thing: when
 * no log daemon has /dev/log (a container, CI), the test listens there
 * itself for the length of the test.
 */
TEST(wrong_pins_go_to_the_system_log)
{
	struct sockaddr_un addr;
	struct timeval wait = { 2, 0 };
	struct pin_guard *g;
	char got[512];
	ssize_t n;
	int fd;

	if (access("/dev/log", F_OK) == 0) {
		SKIP("a log daemon has /dev/log, so the test cannot listen there (see journalctl "
		     "-t careers)");
	}
	fd = socket(AF_UNIX, SOCK_DGRAM | SOCK_CLOEXEC, 0);
	memset(&addr, 0, sizeof(addr));
	addr.sun_family = AF_UNIX;
	snprintf(addr.sun_path, sizeof(addr.sun_path), "/dev/log");
	if (fd < 0 || bind(fd, (struct sockaddr *)&addr, sizeof(addr)) != 0) {
		if (fd >= 0)
			close(fd);
		SKIP("cannot listen on /dev/log (not root?)");
	}
	setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &wait, sizeof(wait));
	closelog();	/* connect again, to the socket that is there now */
	g = pin_guard_new(NULL);
	pin_guard_failed(g, 5000);
	n = recv(fd, got, sizeof(got) - 1, 0);
	CHECK(n > 0);
	got[n > 0 ? n : 0] = '\0';
	/* <84>: facility authpriv (10), priority warning (4). */
	CHECK(strncmp(got, "<84>", 4) == 0);
	CHECK_CONTAINS(got, "careers[");
	CHECK_CONTAINS(got, "wrong adviser PIN (1 in a row)");
	pin_guard_free(g);
	closelog();
	close(fd);
	unlink("/dev/log");
}

TESTS(waits_grow_then_lock_out, wrong_pins_go_to_the_system_log, an_hour_without_a_wrong_pin_forgets, state_survives_a_restart,
      a_state_file_that_makes_no_sense_is_no_failures, what_a_pin_must_be)
