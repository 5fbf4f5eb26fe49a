/*
 * terminal.c - the real terminal is given back as it was, whatever ends the kiosk.
 *
 * Design notes. The kiosk runs the terminal raw, on the alternate screen,
 * with the cursor hidden and mouse reporting on. Whatever ends the process
 * must undo that first, or the next person at the machine faces a terminal
 * that looks dead. endwin() is not safe in a signal handler, so once curses
 * is up the terminal's settings (termios, as they were before curses) and
 * the bytes that undo curses' modes (terminfo rmcup, cnorm, sgr0, rmkx, and
 * mouse reporting off) are kept aside; a handler writes those bytes and
 * puts the settings back with write(2) and tcsetattr(3), which are
 * async-signal-safe, then lets the signal do what it would have done.
 *
 * Signals that ask a program to end (SIGTERM, SIGHUP, and SIGINT when the
 * kiosk is not locked) only set a flag: the main loop wipes the session,
 * closes curses and then ends by that same signal (terminal_release), so a
 * supervisor sees "terminated by SIGTERM" and never the 0 of leaving with
 * the adviser PIN. Every other signal whose default is to end the process
 * (SIGUSR1, SIGALRM, SIGPIPE, SIGSEGV, SIGABRT, ..., the real-time ones)
 * restores the terminal and ends it at once. A locked kiosk ignores
 * SIGINT, SIGQUIT and SIGTSTP (raw mode means its keys do not send them).
 */
#include <curses.h>
#include <signal.h>
#include <string.h>
#include <termios.h>
#include <unistd.h>

#include "ui.h"

static struct termios saved;
static int have_saved;
static char undo[512];		/* bytes that undo curses' modes */
static size_t undo_len;
static volatile sig_atomic_t stop_signal;

/* Signals whose default action ends the process and that can be caught. */
static const int ending[] = {
	SIGHUP, SIGINT, SIGQUIT, SIGILL, SIGTRAP, SIGABRT, SIGBUS, SIGFPE, SIGUSR1, SIGSEGV,
	SIGUSR2, SIGPIPE, SIGALRM, SIGTERM,
#ifdef SIGSTKFLT
	SIGSTKFLT,
#endif
	SIGXCPU, SIGXFSZ, SIGVTALRM, SIGPROF,
#ifdef SIGIO
	SIGIO,
#endif
#ifdef SIGPWR
	SIGPWR,
#endif
	SIGSYS,
};
#define ENDING (sizeof(ending) / sizeof(ending[0]))

static void keep(const char *cap)
{
	char *s = tigetstr(cap);
	size_t n;

	if (!s || s == (char *)-1)
		return;
	n = strlen(s);
	if (undo_len + n < sizeof(undo)) {
		memcpy(undo + undo_len, s, n);
		undo_len += n;
	}
}

/* Async-signal-safe: put the terminal back. */
static void restore_now(void)
{
	size_t done = 0;

	while (done < undo_len) {
		ssize_t n = write(STDOUT_FILENO, undo + done, undo_len - done);

		if (n <= 0)
			break;
		done += (size_t)n;
	}
	if (have_saved)
		tcsetattr(STDIN_FILENO, TCSANOW, &saved);
}

static void on_ending(int sig)
{
	restore_now();
	signal(sig, SIG_DFL);
	raise(sig);	/* delivered as this handler returns: the process ends by it */
}

static void on_stop(int sig)
{
	stop_signal = sig;
}

void terminal_save(void)
{
	have_saved = tcgetattr(STDIN_FILENO, &saved) == 0;
}

void terminal_guard(int locked)
{
	static const char *const caps[] = { "sgr0", "cnorm", "rmkx", "rmcup" };
	/* Mouse reporting off, in every mode curses may have turned on. */
	static const char mouse_off[] = "\033[?1006l\033[?1003l\033[?1002l\033[?1000l";
	struct sigaction sa;
	size_t i;
	int sig;

	undo_len = 0;
	for (i = 0; i < sizeof(caps) / sizeof(caps[0]); i++)
		keep(caps[i]);
	if (undo_len + sizeof(mouse_off) - 1 < sizeof(undo)) {
		memcpy(undo + undo_len, mouse_off, sizeof(mouse_off) - 1);
		undo_len += sizeof(mouse_off) - 1;
	}
	stop_signal = 0;
	memset(&sa, 0, sizeof(sa));
	sigemptyset(&sa.sa_mask);
	for (i = 0; i < ENDING; i++) {
		sig = ending[i];
		if (locked && (sig == SIGINT || sig == SIGQUIT))
			sa.sa_handler = SIG_IGN;
		else if (sig == SIGTERM || sig == SIGHUP || sig == SIGINT)
			sa.sa_handler = on_stop;
		else
			sa.sa_handler = on_ending;
		sigaction(sig, &sa, NULL);
	}
	sa.sa_handler = on_ending;
	for (sig = SIGRTMIN; sig <= SIGRTMAX; sig++)
		sigaction(sig, &sa, NULL);
	if (locked)
		signal(SIGTSTP, SIG_IGN);
}

int terminal_stop_signal(void)
{
	return stop_signal;
}

void terminal_release(void)
{
	int sig = stop_signal;
	size_t i;

	for (i = 0; i < ENDING; i++)
		signal(ending[i], SIG_DFL);
	for (i = (size_t)SIGRTMIN; i <= (size_t)SIGRTMAX; i++)
		signal((int)i, SIG_DFL);
	signal(SIGTSTP, SIG_DFL);
	if (sig) {
		/* End as the signal asked: its status, not the PIN's 0. */
		raise(sig);
	}
}
