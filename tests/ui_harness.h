/*
 * ui_harness.h - the kiosk on a virtual screen, as the UI tests start it:
 * the bundled Doncaster store (built once per process, removed at exit),
 * locked, on 30 Nov 2026, idle after 90 s with a 20 s warning, and an
 * adviser PIN of 4321.
 */
#ifndef CAREERS_UI_HARNESS_H
#define CAREERS_UI_HARNESS_H

#include "ui/ui.h"

/* A kiosk cols x lines; guard may be NULL (the UI keeps its own). NULL, checked, on failure. */
struct ui_headless *ui_test_kiosk(int cols, int lines, struct pin_guard *guard);
/* The screen as text (free it). */
char *ui_test_screen(struct ui_headless *h);

#endif
