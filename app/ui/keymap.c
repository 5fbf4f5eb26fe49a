/*
 * keymap.c - which key does what, per mode. The help screen and every
 * footer are generated from these tables, so they cannot disagree.
 *
 * Control keys that would suspend, interrupt or quit a program (Ctrl-C,
 * Ctrl-Z, Ctrl-\) are deliberately bound to nothing: on a kiosk they do
 * nothing at all.
 */
#include "ui.h"

#define ENTER_KEYS \
	{ '\n', ACTION_SELECT, "Enter" }, \
	{ '\r', ACTION_SELECT, NULL }, \
	{ KEY_ENTER, ACTION_SELECT, NULL }

static const struct binding text_keys[] = {
	ENTER_KEYS,
	{ 27, ACTION_BACK, "Esc" },
	{ '\t', ACTION_NEXT_TAB, "Tab" },
	{ KEY_BTAB, ACTION_PREV_TAB, NULL },
	{ KEY_UP, ACTION_UP, NULL },
	{ KEY_DOWN, ACTION_DOWN, NULL },
	{ KEY_LEFT, ACTION_LEFT, NULL },
	{ KEY_RIGHT, ACTION_RIGHT, NULL },
	{ KEY_F(1), ACTION_HELP, "F1" },
	{ KEY_F(5), ACTION_RESTART, "F5" },
	{ KEY_F(10), ACTION_LEAVE, NULL },
	/* Every other printable key, and Backspace, is typed (see keymap_lookup). */
	{ 0, ACTION_NONE, NULL },
};

static const struct binding list_keys[] = {
	{ KEY_UP, ACTION_UP, "Up" },
	{ 'k', ACTION_UP, "k" },
	{ KEY_DOWN, ACTION_DOWN, "Down" },
	{ 'j', ACTION_DOWN, "j" },
	{ KEY_PPAGE, ACTION_PAGE_UP, "PgUp" },
	{ KEY_NPAGE, ACTION_PAGE_DOWN, "PgDn" },
	{ KEY_HOME, ACTION_FIRST, "Home" },
	{ 'g', ACTION_FIRST, "g" },
	{ KEY_END, ACTION_LAST, "End" },
	{ 'G', ACTION_LAST, "G" },
	{ KEY_LEFT, ACTION_LEFT, "Left" },
	{ 'h', ACTION_LEFT, "h" },
	{ KEY_RIGHT, ACTION_RIGHT, "Right" },
	{ 'l', ACTION_RIGHT, "l" },
	ENTER_KEYS,
	{ ' ', ACTION_TOGGLE, "Space" },
	{ '\t', ACTION_NEXT_TAB, "Tab" },
	{ KEY_BTAB, ACTION_PREV_TAB, "Shift-Tab" },
	{ 27, ACTION_BACK, "Esc" },
	{ KEY_BACKSPACE, ACTION_BACK, "Backspace" },
	{ 127, ACTION_BACK, NULL },
	{ 8, ACTION_BACK, NULL },
	{ 0, ACTION_NONE, NULL },
};

static const struct binding interests_keys[] = {
	{ 'q', ACTION_QUIZ, "q" },
	{ 0, ACTION_NONE, NULL },
};

static const struct binding quiz_keys[] = {
	{ 'y', ACTION_ANSWER_YES, "y" },
	{ '1', ACTION_ANSWER_YES, "1" },
	{ 'm', ACTION_ANSWER_MAYBE, "m" },
	{ '2', ACTION_ANSWER_MAYBE, "2" },
	{ 'n', ACTION_ANSWER_NO, "n" },
	{ '3', ACTION_ANSWER_NO, "3" },
	{ 'f', ACTION_FINISH, "f" },
	{ KEY_LEFT, ACTION_LEFT, "Left" },
	{ KEY_RIGHT, ACTION_RIGHT, "Right" },
	ENTER_KEYS,
	{ 27, ACTION_BACK, "Esc" },
	{ KEY_BACKSPACE, ACTION_BACK, NULL },
	{ 127, ACTION_BACK, NULL },
	{ 0, ACTION_NONE, NULL },
};

static const struct binding results_keys[] = {
	{ 's', ACTION_SHORTLIST_ADD, "s" },
	{ '+', ACTION_SHORTLIST_ADD, NULL },
	{ 'x', ACTION_NOT_FOR_ME, "x" },
	{ 'u', ACTION_UNDO_HIDE, "u" },
	{ '/', ACTION_SEARCH, "/" },
	{ 'o', ACTION_SORT, "o" },
	{ 'a', ACTION_SHOW_ALL, "a" },
	{ 0, ACTION_NONE, NULL },
};

static const struct binding adviser_keys[] = {
	{ 'f', ACTION_FILTERS, "f" },
	{ 'p', ACTION_PICK, "p" },
	{ 'C', ACTION_COMPARE, "C" },
	{ 'n', ACTION_NOTES, "n" },
	{ 'a', ACTION_ADD_ACTION, "a" },
	{ 'o', ACTION_OWNER, "o" },
	{ 'd', ACTION_DELETE, "d" },
	{ 'e', ACTION_EXPORT, "e" },
	{ 'm', ACTION_DETAILS, "m" },
	{ 0, ACTION_NONE, NULL },
};

static const struct binding global_keys[] = {
	{ '?', ACTION_HELP, "?" },
	{ KEY_F(1), ACTION_HELP, "F1" },
	{ 'v', ACTION_SHORTLIST, "v" },
	{ 't', ACTION_TAKE_AWAY, "t" },
	{ 'r', ACTION_RESTART, "r" },
	{ KEY_F(5), ACTION_RESTART, "F5" },
	{ 'c', ACTION_THEME, "c" },
	{ KEY_F(10), ACTION_LEAVE, "F10" },
	{ 0, ACTION_NONE, NULL },
};

static const struct binding *const modes[] = {
	[MODE_END] = NULL,
	[MODE_TEXT] = text_keys,
	[MODE_LIST] = list_keys,
	[MODE_QUIZ] = quiz_keys,
	[MODE_INTERESTS] = interests_keys,
	[MODE_RESULTS] = results_keys,
	[MODE_ADVISER] = adviser_keys,
	[MODE_GLOBAL] = global_keys,
};

static const char *const words[] = {
#define ACTION_WORDS(id, w, short_w) w,
	ACTION_INFO(ACTION_WORDS)
#undef ACTION_WORDS
};

static const char *const short_words[] = {
#define ACTION_SHORT(id, w, short_w) short_w,
	ACTION_INFO(ACTION_SHORT)
#undef ACTION_SHORT
};

const char *keymap_short_words(enum action a)
{
	return (unsigned)a < ACTION_COUNT ? short_words[a] : "";
}

const struct binding *keymap_mode(enum key_mode mode)
{
	return (unsigned)mode < sizeof(modes) / sizeof(modes[0]) ? modes[mode] : NULL;
}

const char *keymap_words(enum action a)
{
	return (unsigned)a < ACTION_COUNT ? words[a] : "";
}

enum action keymap_lookup(const enum key_mode *list, int key)
{
	const enum key_mode *m;
	const struct binding *b;

	for (m = list; *m != MODE_END; m++) {
		for (b = keymap_mode(*m); b && b->key; b++)
			if (b->key == key)
				return b->action;
		/* In a text field, printable characters and Backspace are typing. */
		if (*m == MODE_TEXT && ((key >= ' ' && key < 127) || key == KEY_BACKSPACE ||
					key == 127 || key == 8 || key == KEY_DC))
			return ACTION_TYPE;
	}
	return ACTION_NONE;
}

const char *keymap_key_name(const enum key_mode *list, enum action a)
{
	const enum key_mode *m;
	const struct binding *b;

	for (m = list; *m != MODE_END; m++)
		for (b = keymap_mode(*m); b && b->key; b++)
			if (b->action == a && b->key_name)
				return b->key_name;
	return NULL;
}
