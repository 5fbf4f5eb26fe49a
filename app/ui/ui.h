/*
 * ui.h - the kiosk and adviser screens: what the views share.
 *
 * Design notes. The UI is a stack of views. Each view is one file with a
 * const struct view_ops { open, draw, handle, close }, listed once in
 * VIEW_INFO. Keys are data: ACTION_INFO lists every action with the words
 * the help screen and footer use, and keymap.c binds keys to actions per
 * mode. A key (or a mouse click on a region a view registered while
 * drawing) becomes an action; the view's handle() changes state and
 * returns an outcome; only draw() draws. So the same views run on a real
 * terminal and on a virtual screen for the tests (ui_headless_*).
 *
 * Privacy: everything about the learner lives in struct session, which is
 * wiped (and its memory cleared) on "start again", on the idle timeout and
 * at exit. The store is opened read-only; the kiosk writes nothing.
 */
#ifndef CAREERS_UI_H
#define CAREERS_UI_H

#include <curses.h>
#include <time.h>

#include "advice.h"
#include "match.h"
#include "mem.h"
#include "schoolyear.h"
#include "store.h"
#include "storewatch.h"

/* --- actions and keys ------------------------------------------------------ */

/* id, words for help (empty: not listed), short words for the footer */
#define ACTION_INFO(_) \
	_(NONE,          "", "") \
	_(UP,            "move up", "up") \
	_(DOWN,          "move down", "down") \
	_(PAGE_UP,       "page up", "page up") \
	_(PAGE_DOWN,     "page down", "more") \
	_(FIRST,         "go to the top", "top") \
	_(LAST,          "go to the bottom", "bottom") \
	_(LEFT,          "left, or the section before", "left") \
	_(RIGHT,         "right, or the next section", "right") \
	_(NEXT_TAB,      "next section, or next box", "next") \
	_(PREV_TAB,      "section or box before", "back a box") \
	_(SELECT,        "choose, or open what is picked", "choose") \
	_(TOGGLE,        "tick or untick", "tick") \
	_(BACK,          "go back", "back") \
	_(SKIP,          "skip this question", "skip") \
	_(QUIZ,          "take the quiz instead", "quiz") \
	_(ANSWER_YES,    "answer yes", "yes") \
	_(ANSWER_MAYBE,  "answer not sure", "not sure") \
	_(ANSWER_NO,     "answer no", "no") \
	_(FINISH,        "stop the quiz now and see what it found", "finish") \
	_(SHORTLIST_ADD, "add to or take off your shortlist", "shortlist") \
	_(NOT_FOR_ME,    "hide it: not for me", "not for me") \
	_(UNDO_HIDE,     "bring back what you hid", "unhide") \
	_(SEARCH,        "search by typing", "search") \
	_(SORT,          "change the order", "order") \
	_(SHOW_ALL,      "show or hide options not for your age", "all ages") \
	_(SHORTLIST,     "see your shortlist", "my list") \
	_(TAKE_AWAY,     "take your shortlist with you", "take away") \
	_(HELP,          "help: what the keys do", "help") \
	_(RESTART,       "start again (clears your answers)", "start again") \
	_(THEME,         "change colours (colour, high contrast, plain)", "colours") \
	_(LEAVE,         "leave kiosk mode (adviser PIN)", "leave") \
	_(FILTERS,       "search with every filter", "search") \
	_(PICK,          "pick or unpick for comparing", "pick") \
	_(COMPARE,       "compare the picked options side by side", "compare") \
	_(NOTES,         "notes and agreed actions (new note)", "notes") \
	_(ADD_ACTION,    "add an agreed action", "action") \
	_(OWNER,         "change who does an action", "who") \
	_(DELETE,        "delete (press twice)", "delete") \
	_(EXPORT,        "write the action plan for the pupil", "export") \
	_(DETAILS,       "your name and contact, the school, the next meeting", "details") \
	_(TYPE,          "", "")

enum action {
#define ACTION_ENUM(id, words, short_words) ACTION_##id,
	ACTION_INFO(ACTION_ENUM)
#undef ACTION_ENUM
	ACTION_COUNT
};

/* Groups of bindings; a view lists the modes it uses, most specific first. */
enum key_mode {
	MODE_END,	/* terminates a view's list */
	MODE_TEXT,	/* a text field has the cursor: printable keys type */
	MODE_LIST,	/* moving through a list */
	MODE_QUIZ,	/* answering quiz items */
	MODE_INTERESTS,	/* picking interests, where the quiz is one key away */
	MODE_RESULTS,	/* the results list */
	MODE_ADVISER,	/* the adviser's session screens */
	MODE_GLOBAL,	/* everywhere */
};

struct binding {
	int key;
	enum action action;
	const char *key_name;	/* as shown in help and the footer */
};

/* The bindings of a mode, terminated by { 0, ACTION_NONE, NULL }. */
const struct binding *keymap_mode(enum key_mode mode);
const char *keymap_words(enum action a);
/* A word or two for the footer. */
const char *keymap_short_words(enum action a);
/* The action for a key in the first of `modes` that binds it. */
enum action keymap_lookup(const enum key_mode *modes, int key);
/* The name of the first key bound to an action in these modes ("Enter"), or NULL. */
const char *keymap_key_name(const enum key_mode *modes, enum action a);

/* --- the learner's session ---------------------------------------------------- */

#define SHORTLIST_MAX 24		/* the kiosk stops at 12: what a handover code carries */

struct shortlist_item {
	enum option_kind kind;
	long long id;
	char title[96];
};

struct session {
	int year_answered, interests_answered, place_answered;
	struct match_profile profile;
	char interest_names[256];	/* for the summary line */
	struct shortlist_item shortlist[SHORTLIST_MAX];
	int shortlist_count;
	char place_typed[16];
	char quiz_code[4];
	int quiz_ticked;		/* areas the quiz ticked, for the pupil to confirm */
	/*
	 * The adviser's "dates as on" (year 0: none): a what-if that moves
	 * the searches' date and the learner's school year or age with it.
	 * The profile above keeps the real date and year; only they are saved.
	 */
	struct civil_date what_if;
};

void session_reset(struct session *s, struct civil_date today, int today_fixed);
/* Move p (the session's profile or a copy made from it) to the what-if date, if one is set. */
void session_what_if(const struct session *s, struct match_profile *p);
int session_shortlisted(const struct session *s, enum option_kind kind, long long id);
/* Add or remove; returns 1 when now on the list, 0 when removed, -1 when `limit` are on it. */
int session_toggle_shortlist(struct session *s, enum option_kind kind, long long id,
			     const char *title, int limit);

/* --- views --------------------------------------------------------------------- */

#define VIEW_INFO(_) \
	_(WELCOME,   welcome) \
	_(YEAR,      year) \
	_(INTERESTS, interests) \
	_(QUIZ,      quiz) \
	_(PLACE,     place) \
	_(RESULTS,   results) \
	_(DETAIL,    detail) \
	_(SHORTLIST, shortlist) \
	_(HANDOVER,  handover) \
	_(HELP,      help) \
	_(PIN,       pin) \
	_(ADVISER,   adviser) \
	_(SESSION,   session) \
	_(FILTERS,   filters) \
	_(COMPARE,   compare) \
	_(NOTES,     notes)

enum view_id {
#define VIEW_ENUM(id, name) VIEW_##id,
	VIEW_INFO(VIEW_ENUM)
#undef VIEW_ENUM
	VIEW_COUNT
};

enum outcome {
	OUTCOME_NONE,		/* nothing changed */
	OUTCOME_REDRAW,		/* state changed: draw again */
	OUTCOME_PUSH,		/* open ui->next (with ui->next_kind/next_id) */
	OUTCOME_REPLACE,	/* replace this view with ui->next */
	OUTCOME_POP,		/* close this view */
	OUTCOME_RESTART,	/* wipe the session, back to the welcome screen */
	OUTCOME_QUIT,		/* leave the program */
};

/* Per-view state; each view uses what it needs. */
struct view {
	enum view_id id;
	int cursor, top, tab, count;
	int step;			/* quiz item, question part */
	enum option_kind kind;		/* detail: what is shown */
	long long item_id;
	char input[80];			/* a text field (a passphrase is the longest) */
	int input_active;
	char message[160];		/* shown to the learner (errors, confirmations) */
	int answers[40];		/* quiz */
	struct match_list list;		/* results, shortlist, links */
	int list_ready;
	void *extra;			/* owned by the view */
};

struct ui;

struct view_ops {
	const char *name;
	const char *title;		/* for the help screen */
	const enum key_mode *modes;
	const enum action *footer;	/* the main footer, most important key first */
	void (*open)(struct ui *ui, struct view *v);
	void (*draw)(struct ui *ui, struct view *v);
	enum outcome (*handle)(struct ui *ui, struct view *v, enum action a, int key, int arg);
	void (*close)(struct ui *ui, struct view *v);
};

#define VIEW_DECLARE(id, name) extern const struct view_ops view_##name;
VIEW_INFO(VIEW_DECLARE)
#undef VIEW_DECLARE

/* Every view's ops, by enum view_id. */
extern const struct view_ops *const ui_view_table[VIEW_COUNT];

/* --- the UI itself --------------------------------------------------------------- */

enum theme { THEME_COLOUR, THEME_CONTRAST, THEME_PLAIN, THEME_COUNT };

#define UI_MAX_HITS 128
#define UI_MAX_DEPTH 8

/* A region of the screen a click selects: the action, and its argument. */
struct hit {
	int y, x, h, w;
	enum action action;
	int arg;
};

struct ui_options {
	const char *db;
	int idle_seconds;		/* 0: default 90 */
	int warning_seconds;		/* 0: default 20 */
	enum theme theme;
	int locked;			/* kiosk: keys cannot leave without the PIN */
	int today_fixed;
	struct civil_date today;
	const char *pin_hash;		/* crypt(3) hash, NULL: no PIN set */
	struct pin_guard *pin_guard;	/* (borrowed) wrong PINs so far; NULL: the UI keeps its own */
	const char *data_label;		/* e.g. "sample data for Doncaster, 1 Nov 2026" */
	int adviser;			/* adviser mode: records, comparison, notes; no idle wipe */
	const char *records_path;	/* adviser: the records file (NULL: the default) */
	const char *export_dir;		/* adviser: where action plans are written */
	int retention_days;		/* adviser: purge sessions older than this at start (0: keep) */
	struct transit_settings travel;	/* walking and changing, for journeys by bus (kiosk.conf;
					   all zero: the defaults) */
};

struct records;
struct pin_guard;

struct ui {
	struct ui_options options;
	struct store *store;
	struct storewatch store_watch;	/* which file store is, to notice a new one */
	struct session session;
	int shortlist_limit;		/* 12 in the kiosk, SHORTLIST_MAX for advisers */
	/* adviser mode */
	struct advice advice;		/* the session with the pupil (notes, actions, ...) */
	struct records *records;	/* NULL when the records file cannot be used */
	char records_note[240];		/* why not, or where they are */
	unsigned records_changes;	/* one more at every save: lists read again */
	struct view stack[UI_MAX_DEPTH];
	int depth;
	int lines, cols;
	enum theme theme;
	int utf8;			/* the terminal can show UTF-8 */
	struct hit hits[UI_MAX_HITS];
	int hit_count;
	enum view_id next;		/* for OUTCOME_PUSH / REPLACE */
	enum option_kind next_kind;
	long long next_id;
	time_t last_input;
	int warning;			/* the idle warning is showing */
	int seconds_left;
	int quit;
	char status[160];		/* a one-line message for the next draw */
	char data_label[160];
	int restart_armed;		/* "start again" was pressed once */
	struct pin_guard *pin_guard;	/* options.pin_guard, or owned when that is NULL */
	int owns_pin_guard;
	time_t now;			/* the clock, as of the last key or tick */
	int ticking;			/* the last draw showed a countdown: draw every second */
	struct session blank;		/* the session as ui_wipe() leaves it */
};

/* Lifecycle: the caller has set up curses (real or headless). */
enum status ui_start(struct ui *ui, const struct ui_options *o, char *err, size_t errlen);
void ui_stop(struct ui *ui);
/* Feed one key (or KEY_MOUSE / KEY_RESIZE) and let the views react. */
void ui_key(struct ui *ui, int key);
/* Time passes: idle warning and reset. now = seconds on a monotonic clock. */
void ui_tick(struct ui *ui, time_t now);
/*
 * Forget the learner: close every view back to the first screen and clear
 * the session (answers, quiz, shortlist, hidden options; search text,
 * scroll positions and the take-away code live in the views, which are
 * closed), the status line, a half-pressed "start again" and the colours
 * chosen. The one place a wipe happens - "start again", the idle timeout,
 * start and exit - so whatever must happen between two pupils goes here.
 */
void ui_wipe(struct ui *ui);
/* Is there anything about a learner to wipe (on any screen)? */
int ui_learner_present(const struct ui *ui);
/* Draw everything for the current size. */
void ui_draw(struct ui *ui);
/* Click at a screen position (mouse or tests). */
void ui_click(struct ui *ui, int y, int x);
struct view *ui_top(struct ui *ui);
/* Run the learner filter for the current session (for results and links). */
enum status ui_match(struct ui *ui, const struct match_profile *p, struct match_list *out);

/*
 * Adviser mode: copy the working session (profile, shortlist) into
 * ui->advice and save it to the records file. Sets ui->status on failure.
 */
enum status ui_save_advice(struct ui *ui);
/* Load ui->advice into the working session (after opening or decoding one). */
void ui_use_advice(struct ui *ui);

/*
 * Between pupils (the idle wipe, "start again"): when `careers update` has
 * put a new store at options.db, open it and use it from now on; if it
 * cannot be opened, carry on with the one already open (store_switch.c).
 */
void ui_follow_store(struct ui *ui);
/* ui->data_label from options.data_label, or from the store's sources and dates. */
void ui_label_data(struct ui *ui);

/*
 * Run on the real terminal until the learner (or adviser) leaves: 0. A
 * SIGTERM or SIGHUP (or SIGINT when not locked) ends the process by that
 * signal once the session is wiped and the terminal restored.
 */
int ui_run(const struct ui_options *o);

/* --- the real terminal (terminal.c) ------------------------------------------------ */

/* Keep the terminal's settings as they are now: call before initscr(). */
void terminal_save(void);
/* With curses up: keep what undoes its modes and handle every signal that ends a program. */
void terminal_guard(int locked);
/* The signal that asked the program to end (SIGTERM, SIGHUP, SIGINT), or 0. */
int terminal_stop_signal(void);
/* After endwin(): handlers back to their defaults; then end by the stop signal, if any. */
void terminal_release(void);

/* The virtual screen used by tests: cols x lines, nothing read from a tty. */
struct ui_headless;
/*
 * Read what the first search needs (the option index) while the welcome
 * screen is up, so the first search is as quick as the rest.
 */
void ui_warm(struct ui *ui);

struct ui_headless *ui_headless_new(int cols, int lines, const struct ui_options *o,
				    char *err, size_t errlen);
void ui_headless_key(struct ui_headless *h, int key);
void ui_headless_keys(struct ui_headless *h, const char *keys);
void ui_headless_click(struct ui_headless *h, int y, int x);
void ui_headless_resize(struct ui_headless *h, int cols, int lines);
void ui_headless_tick(struct ui_headless *h, time_t seconds);
/* The screen as text, one line per row, trailing spaces removed. */
void ui_headless_dump(struct ui_headless *h, struct strbuf *out);
/*
 * The screen as a binary PGM image, as a terminal with a dark background
 * shows it: each cell `scale` pixels wide and 2 x scale high, full and
 * half blocks drawn in their colours, underlines as a line along the foot,
 * any other character left as its background (so a QR code on screen can
 * be read back by a decoder).
 */
void ui_headless_image(struct ui_headless *h, struct strbuf *out, int scale);
struct ui *ui_headless_ui(struct ui_headless *h);
void ui_headless_free(struct ui_headless *h);

/*
 * Move v->cursor through count items (page = rows per page), keeping
 * v->top so the cursor stays within `visible` rows. Returns 1 when the
 * action was a movement. A click on row `arg` (>= 0) moves there.
 */
int ui_list_move(struct view *v, enum action a, int arg, int count, int visible);

/* --- drawing (canvas.c) ----------------------------------------------------------- */

enum paint {
	PAINT_TEXT, PAINT_BAR, PAINT_TITLE, PAINT_DIM, PAINT_SELECTED, PAINT_ACCENT,
	PAINT_WARNING, PAINT_GOOD, PAINT_FIELD, PAINT_QR, PAINT_COUNT
};

void canvas_setup_colours(struct ui *ui);
/* One key of a footer, as laid out for a width. */
#define FOOTER_MAX 16
struct footer_cell {
	enum action action;
	char text[64];			/* "s shortlist", or the key alone: "o" */
	int x, width;
};
/*
 * Lay out a footer's keys (in the order given: most important first) in
 * cols columns; keys are named from the modes `first` (may be NULL), then
 * `modes`. Help and start again are left out (the title bar has them).
 * Words shrink before any key goes: long words, short ones, then the last
 * keys alone. Returns the number of cells; fewer than the footer's keys
 * only when not even the keys alone fit.
 */
int canvas_footer_layout(const enum key_mode *first, const enum key_mode *modes,
			 const enum action *footer, int cols, struct footer_cell *cells, int max);
void canvas_clear(struct ui *ui);
void canvas_paint(struct ui *ui, enum paint p);
/* Text at y, x, cut to width columns; returns columns used. */
int canvas_text(struct ui *ui, int y, int x, int width, enum paint p, const char *s);
/* Word-wrapped text in a box; returns lines used (at most max_lines). */
int canvas_wrap(struct ui *ui, int y, int x, int width, int max_lines, enum paint p,
		const char *s);
/*
 * The top bar (title left, help hints right) and the footer: the keys for
 * `footer` actions, named from the modes the view is using right now.
 */
void canvas_frame(struct ui *ui, const char *title, const enum key_mode *modes,
		  const enum action *footer);
/* The modes keys are read in for the top view at the moment. */
const enum key_mode *ui_current_modes(struct ui *ui);
/* A clickable label such as "[ Start ]"; returns its width. */
int canvas_button(struct ui *ui, int y, int x, const char *label, enum action a, int arg,
		  int focused);
void canvas_hit(struct ui *ui, int y, int x, int h, int w, enum action a, int arg);
/* A small bar chart of values (NAN gaps) in width columns. */
void canvas_sparkline(struct ui *ui, int y, int x, const double *values, int count,
		      enum paint p);
/* A horizontal bar: value out of max, width columns. */
void canvas_bar(struct ui *ui, int y, int x, int width, double value, double max, enum paint p);
/* Symbols with ASCII fallbacks. */
const char *canvas_symbol(struct ui *ui, const char *utf8, const char *ascii);

#endif
