/*
 * cli.h - the subcommands, and the small argument parser they share.
 *
 * COMMAND_INFO is the one list of subcommands: it generates the dispatch
 * table in main.c, `careers --help` and `careers help COMMAND`. Each
 * command lives in its own cli_<name>.c and returns the process exit
 * status: 0 success, 1 failure, 2 usage error. Messages go to stderr as
 * "careers: ...".
 */
#ifndef CAREERS_CLI_H
#define CAREERS_CLI_H

#include <stddef.h>

#include "status.h"

#define EXIT_USAGE 2

/* name, function, one-line summary, usage, longer help */
#define COMMAND_INFO(_) \
	_(kiosk, cli_kiosk, "the pupil's screens: questions, options, shortlist (the default)", \
	  "careers [kiosk] [--db FILE] [--idle SECONDS] [--theme colour|contrast|plain]\n" \
	  "       [--today DATE] [--config FILE] [--unlocked]", \
	  "Opens the kiosk on the store. Ctrl-C, Ctrl-Z and Ctrl-\\ do nothing; leaving needs\n" \
	  "the adviser PIN once one is set (careers pin), or --unlocked. After SECONDS without\n" \
	  "a key (default 90) a warning counts down 20 seconds, then every answer is cleared.\n" \
	  "Nothing about the learner is written anywhere. NO_COLOR selects the plain theme.\n" \
	  "Settings (pin_hash, idle_seconds, theme) are read from FILE, by default\n" \
	  "$XDG_CONFIG_HOME/careers/kiosk.conf or, when you have none,\n" \
	  CAREERS_SYSTEM_CONFIG ".\n") \
	_(adviser, cli_adviser, "the adviser's screens: sessions, comparisons, notes, action plans", \
	  "careers adviser [--db FILE] [--records FILE] [--export DIR] [--today DATE]\n" \
	  "       [--config FILE] [--theme colour|contrast|plain]", \
	  "Opens a one-to-one session: blank, from a pupil's kiosk code, or a saved one. Search\n" \
	  "with every filter, compare two to four options side by side, write notes and agreed\n" \
	  "actions, and export the action plan for the pupil as Markdown and HTML (into DIR,\n" \
	  "default the current folder). Sessions are saved after every change to the records\n" \
	  "file (default $XDG_DATA_HOME/careers/records.db, mode 0600), never to the data\n" \
	  "store; sessions older than records_retention_days (config, default 365) are\n" \
	  "removed when it starts.\n") \
	_(pin, cli_pin, "set the adviser PIN that leaves kiosk mode", \
	  "careers pin [--config FILE]", \
	  "Asks for the new PIN twice (read from standard input when it is not a terminal)\n" \
	  "and stores only its crypt(3) hash in the kiosk config file, mode 0600: FILE, by\n" \
	  "default yours (as for the kiosk) or, when you have none and may change it,\n" \
	  CAREERS_SYSTEM_CONFIG ". A PIN is at least 6 digits (not one digit repeated, not\n" \
	  "counting up or down), or a passphrase of at least 10 characters with a letter in\n" \
	  "it. In the kiosk, after 3 wrong PINs in a row each try must wait longer (10 s,\n" \
	  "30 s, 1 min, 2 min), and from the 8th one 5 minutes; each wrong PIN is logged to\n" \
	  "the system log (authpriv).\n") \
	_(build, cli_build, "build a store from every recognised file in a folder", \
	  "careers build [--data DIR] [--out FILE] [--quiet] [--strict] [--keep-going]\n" \
	  "       [--fetch]", \
	  "Walks DIR (default: the bundled sample data) and its sub-folders, imports every\n" \
	  "file in a format careers recognises (see `careers formats`) and lists the files it\n" \
	  "skipped and why. Zip archives and Excel workbooks are read as they are downloaded,\n" \
	  "member by member and sheet by sheet. A file that looks like a format but lacks some\n" \
	  "of its columns is skipped with a warning (--strict: the build fails instead). The\n" \
	  "new store is written beside FILE (default: the store that `careers` opens) and\n" \
	  "moved into place only if every file succeeded, so a failed or interrupted build\n" \
	  "never damages the store you already have; with --keep-going a recognised file that\n" \
	  "fails as a whole is left out instead, and `careers sources` lists it as failed.\n" \
	  "With --fetch, first runs `careers fetch --to DIR` (DIR defaults to the downloads\n" \
	  "folder then), so one cron line fetches and builds; a source that cannot be fetched\n" \
	  "keeps its previous copy. Exit status 3: built, but some sources could not be fetched.\n") \
	_(fetch, cli_fetch, "download every official source named in the list of sources", \
	  "careers fetch [--to DIR] [--only NAME[,NAME...]]... [--dry-run] [--sources FILE]\n" \
	  "       [--keys FILE] [--cacert FILE] [--connect-timeout S] [--stall-timeout S]\n" \
	  "       [--retries N]", \
	  "Downloads each enabled source of the list of sources (--sources FILE, else\n" \
	  "$CAREERS_SOURCES, else the shipped data/sources.conf, which says each one's address,\n" \
	  "format, licence, API key and how often it changes) into DIR/NAME/ (DIR: --to, else\n" \
	  "$CAREERS_DOWNLOADS, else $XDG_DATA_HOME/careers/downloads).\n" \
	  "Where the address changes with each release, the newest file is found through the\n" \
	  "publisher's own index; paged APIs are fetched page by page. Unchanged files cost one\n" \
	  "conditional request (a 304); cut downloads resume; timeouts, 429 and 5xx are retried\n" \
	  "with backoff. A source's files are swapped in only when all arrived and look right,\n" \
	  "so a failed source keeps its previous copy. FETCHED in each folder records every\n" \
	  "file's address and fetch time; `careers build` keeps them (see `careers sources`).\n\n" \
	  "  --only NAME    just these sources (enabled or not)\n" \
	  "  --dry-run      say what would be fetched and from where; write nothing\n" \
	  "  --keys FILE    API keys (\"NAME = value\", mode 0600); default $CAREERS_KEYS or\n" \
	  "                 /etc/careers/keys.conf; a key in the environment wins. Keys are\n" \
	  "                 sent only in request headers and never printed or recorded.\n" \
	  "  --cacert FILE  also trust these certificates\n\n" \
	  "Exit status: 0 every source fetched or already current, 3 some failed (their old\n" \
	  "copies kept), 1 none could be fetched, 2 wrong arguments.\n") \
	_(import, cli_import, "add or replace data in a store from these files", \
	  "careers import [--db FILE] INPUT...", \
	  "Imports each INPUT into the existing store FILE in one transaction: if any file\n" \
	  "cannot be imported, nothing is changed. A file imported before under the same\n" \
	  "path is replaced. Every INPUT must be in a recognised format.\n") \
	_(formats, cli_formats, "list the file formats careers reads and how each is recognised", \
	  "careers formats", \
	  "Lists every format with its name, how files are recognised, and its licence.\n") \
	_(search, cli_search, "the options that fit a learner, ranked and explained", \
	  "careers search [--db FILE] [--year N | --age N] [--postcode PC] [--within MILES]\n" \
	  "       [--travel bus|none] [--within-minutes N] [--arrive-by HH:MM]\n" \
	  "       [--walk-metres M] [--walk-speed KMH] [--change-minutes N]\n" \
	  "       [--interest NAME]... [--riasec CODE] [--kind KIND]... [--level N]\n" \
	  "       [--text WORDS] [--today DATE] [--limit N]\n" \
	  "       [--sort relevance|distance|start|pay|travel]\n" \
	  "       [--format text|json|csv] [--show-all] [--not-for-me KIND:ID]... [--links]\n" \
	  "       [--explain]", \
	  "Finds careers, courses, sixth forms and colleges, apprenticeships, vacancies and\n" \
	  "university courses for one learner, and says why each is shown.\n\n" \
	  "  --year N          school year, 7 to 13 (default 11)\n" \
	  "  --age N           age, for someone who has left school (16 to 25)\n" \
	  "  --postcode PC     full postcode or district, any case or spacing (dn13bu, DN1)\n" \
	  "  --within MILES    travel radius (default 10), or \"anywhere\"\n" \
	  "  --travel bus      journeys by bus from the postcode, from the bus timetables in\n" \
	  "                    the store, arriving by 09:00 on a normal school day (the next\n" \
	  "                    weekday from --today that is not a bank holiday or taken off\n" \
	  "                    in the timetables); none (the default): miles only\n" \
	  "  --within-minutes N  by bus: only places N minutes or less door to door\n" \
	  "  --arrive-by HH:MM   by bus: be there by then (default 09:00)\n" \
	  "  --walk-metres M   by bus: walk up to M metres to and from stops (default 1000)\n" \
	  "  --walk-speed KMH  by bus: walking speed (default 4.8)\n" \
	  "  --change-minutes N  by bus: the least time to change buses (default 3)\n" \
	  "  --interest NAME   an interest area (see `careers interests`); repeat for more\n" \
	  "  --riasec CODE     quiz result: letters such as SAI, or six scores R,I,A,S,E,C\n" \
	  "  --kind KIND       career, course, school, apprenticeship, vacancy, university\n" \
	  "  --level N         only this qualification level (0 = entry, 1-8); careers and\n" \
	  "                    sixth forms have none and say so\n" \
	  "  --text WORDS      words to look for: word forms count (nurse finds nursing),\n" \
	  "                    a word start is enough (mech), pupils' words find titles'\n" \
	  "                    (vet, physio), a misspelt word is put right and said\n" \
	  "  --today DATE      pretend it is this date (YYYY-MM-DD)\n" \
	  "  --limit N         at most N results (default 20; 0 for all)\n" \
	  "  --show-all        also show options that are not for this age, with why\n" \
	  "  --not-for-me K:ID leave out one option (as shown in the results)\n" \
	  "  --links           with each career or apprenticeship, what leads to it nearby\n" \
	  "  --explain         show how each score was worked out\n") \
	_(interests, cli_interests, "the interest areas a learner can pick from", \
	  "careers interests [--db FILE]", \
	  "Lists the interest areas with the name --interest accepts and examples.\n") \
	_(records, cli_records, "the adviser's saved sessions: list, show, delete, purge", \
	  "careers records list|show ID|delete ID|purge --older-than DAYS [--yes] [--records FILE]", \
	  "Sessions the adviser saved with pupils are kept in a file of their own, never in\n" \
	  "the data store: FILE, by default $XDG_DATA_HOME/careers/records.db (else\n" \
	  "~/.local/share/careers/records.db), created readable by you alone (mode 0600).\n" \
	  "A pupil is only what the adviser typed: initials or a school reference.\n\n" \
	  "  list                     one line per session: its ID, the pupil, when it was\n" \
	  "                           created and last updated, how many shortlisted\n" \
	  "                           options, notes and open actions it has\n" \
	  "  show ID                  everything saved in session ID\n" \
	  "  delete ID                delete session ID; its text is wiped from the file\n" \
	  "  purge --older-than DAYS  list every session last updated more than DAYS days\n" \
	  "                           ago and ask before deleting them; --yes deletes them\n" \
	  "                           without asking (for scripts); --today DATE counts\n" \
	  "                           from DATE (7/9/27, 7 Sep 2027, 2027-09-07 ...)\n" \
	  "  add-sample PUPIL         a testing aid: save a made-up session for PUPIL\n\n" \
	  "The adviser screens purge sessions older than records_retention_days (set in the\n" \
	  "kiosk config file) when they start. A records file from a newer careers, a damaged\n" \
	  "one, or a file that is not a records file is refused and left unchanged.\n") \
	_(plan, cli_plan, "a saved session's action plan for the pupil, as Markdown or HTML", \
	  "careers plan export [--db FILE] [--records FILE] --session ID [--format md|html] [--out FILE]", \
	  "Writes the action plan of session ID (see `careers records list`) for the pupil to\n" \
	  "keep and a family to act on alone: who their adviser is and how to reach them, the\n" \
	  "school and the next meeting; what happens next (who does what by when, soonest\n" \
	  "first); about them, their shortlist and why each option was suggested, the options\n" \
	  "they compared side by side, the notes shared with them (never those marked adviser\n" \
	  "only), and an appendix of where the information comes from. Markdown by default;\n" \
	  "html gives one page that prints on A4 and reads on a phone, nothing fetched.\n" \
	  "The facts are worked out from the store (--db) as it is now.\n\n" \
	  "  --records FILE   the adviser's records (default as for `careers records`)\n" \
	  "  --out FILE       write here (created mode 0600) instead of standard output\n") \
	_(sources, cli_sources, "what the store holds: files, dates, licences, rows loaded and rejected", \
	  "careers sources [--db FILE] [--rejected [TEXT]]", \
	  "Prints one entry per imported file: its path, format, SHA-256, licence and\n" \
	  "attribution, the date of the data, and rows read, loaded and rejected. Files written\n" \
	  "by the careers project as samples are marked SAMPLE. With --rejected, lists the\n" \
	  "rejected rows kept in the store (of files whose path contains TEXT).\n") \
	_(keygen, cli_keygen, "make the key pair that signs published stores (minisign format)", \
	  "careers keygen --out PREFIX [--passphrase-file FILE | --no-passphrase] [--force]", \
	  "Writes PREFIX.key, the secret key (mode 0600), and PREFIX.pub, the public key that\n" \
	  "every kiosk is given to check updates with. Both are in the minisign tool's formats,\n" \
	  "so `minisign -S -s PREFIX.key` and `minisign -V -p PREFIX.pub` work with them too.\n" \
	  "The secret key is encrypted with a passphrase when one is given (scrypt, as minisign\n" \
	  "does): asked twice on a terminal, else the first line of standard input or FILE.\n" \
	  "An empty passphrase, or --no-passphrase, leaves the key unencrypted: fine on a locked\n" \
	  "machine that publishes from cron, but say so to yourself. An existing key is never\n" \
	  "replaced without --force. CAREERS_KEYGEN_KDF=interactive makes the passphrase cost\n" \
	  "16 MB of memory instead of minisign's 1 GB (for small machines).\n") \
	_(publish, cli_publish, "sign a built store and put it in a folder for kiosks to update from", \
	  "careers publish [--store FILE] --key SECRET --out DIR [--passphrase-file FILE]\n" \
	  "       [--level N] [--force] [--allow-drop FORMAT]...", \
	  "Checks the store (it opens, its schema is this program's, PRAGMA quick_check passes),\n" \
	  "compresses it with zstd (level N, 1-19, default 19) and writes into DIR:\n\n" \
	  "  careers-VERSION.db.zst[.minisig]  the store and its signature\n" \
	  "  careers.manifest[.minisig]        version, schema version, sizes, SHA-256s,\n" \
	  "                                    built-at, rows per source, and its signature\n\n" \
	  "VERSION is the time of publishing (UTC, YYYYMMDDhhmmss). DIR is all a web server, a\n" \
	  "file share or a USB stick needs to hold. When the data is the same as the version\n" \
	  "already in DIR nothing is published (--force publishes anyway), so an unchanged week\n" \
	  "costs each kiosk one small request. Kiosks refuse a store in which a source fell\n" \
	  "from thousands of rows to almost none; --allow-drop FORMAT says the drop is meant.\n" \
	  "Check by hand: minisign -Vm DIR/careers.manifest -p KEY.pub\n") \
	_(update, cli_update, "take a newer published store on a kiosk, checked and signed", \
	  "careers update [--from URL|DIR] [--pubkey FILE] [--db STORE] [--config FILE]\n" \
	  "       [--spread SECONDS] [--cacert FILE] [--connect-timeout S] [--stall-timeout S]\n" \
	  "       [--retries N] [--force]\n" \
	  "       careers update --rollback [--db STORE]\n" \
	  "       careers update --status [--db STORE]", \
	  "Fetches careers.manifest and its signature from URL (http or https) or DIR (a file\n" \
	  "share, a USB stick) that `careers publish` filled, checks the signature with the\n" \
	  "public key FILE, and if the manifest names a newer store for this careers' schema,\n" \
	  "downloads it (resuming a cut download), checks its size and SHA-256, unpacks it,\n" \
	  "runs PRAGMA quick_check, compares its rows per source with the current store's, and\n" \
	  "swaps it in with one rename. Any failure leaves STORE as it was and says why. An\n" \
	  "unchanged manifest costs one conditional request (a 304). A running kiosk switches\n" \
	  "to the new store at its next idle wipe, never in the middle of a pupil's session.\n\n" \
	  "  --spread SECONDS   first wait a random time up to SECONDS (many kiosks, one server)\n" \
	  "  --cacert FILE      also trust these certificates (a council's own CA)\n" \
	  "  --connect-timeout, --stall-timeout  seconds (defaults 30 and 60); --retries N (4)\n" \
	  "  --force            take an older or rolled-back version too\n" \
	  "  --rollback         put back the store that was in place before the last update;\n" \
	  "                     the version rolled back from is not taken again\n" \
	  "  --status           what is installed, what came before, when it was checked\n\n" \
	  "Settings not on the command line come from --config FILE, $CAREERS_UPDATE_CONFIG or\n" \
	  "/etc/careers/update.conf (\"name = value\": from, pubkey, db, spread, cacert,\n" \
	  "connect_timeout, stall_timeout, retries). Exit status 0 when STORE is up to date\n" \
	  "(updated now or already), 1 when it could not be updated, 2 for wrong arguments.\n")

#define COMMAND_DECLARE(name, fn, summary, usage, help) int fn(int argc, char **argv);
COMMAND_INFO(COMMAND_DECLARE)
#undef COMMAND_DECLARE

/*
 * `careers help --man [COMMAND]`, for the build: every command (or one) as
 * roff, from COMMAND_INFO (cli_man.c). argv[0] is "--man".
 */
int cli_man(int argc, char **argv);

/*
 * A minimal option reader: walks argv, recognising "--name VALUE",
 * "--name=VALUE" and "--flag". Anything else is a positional argument.
 */
struct cli_args {
	int argc;
	char **argv;
	int i;
	const char *command;	/* for messages */
	const char *value;	/* of the option just read */
	const char *option;	/* name of the option just read, without "--" */
	char name[48];
};

void cli_args_init(struct cli_args *a, const char *command, int argc, char **argv);
/*
 * Next item: 1 = an option (a->option), 0 = end, -1 = positional
 * argument (a->value).
 */
int cli_args_next(struct cli_args *a);
int cli_is(const struct cli_args *a, const char *name);
/* The option's value (the next word if not given with '='); NULL and a message if missing. */
const char *cli_value(struct cli_args *a);
/* Print "careers COMMAND: MESSAGE" and the usage line; returns EXIT_USAGE. */
int cli_usage_error(const char *command, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

/*
 * Read one line (a PIN, a passphrase) from standard input, without echo
 * when it is a terminal (the prompt goes to stderr then). 0 at end of input.
 */
int cli_read_secret(const char *prompt, char *out, size_t outlen);

/*
 * `careers build --fetch`: fetch every enabled source into the folder to;
 * returns fetch's exit status (0 all, 3 some failed, 1 all failed or none ran).
 */
int cli_fetch_for_build(const char *to);

/*
 * The store to open: --db, else $CAREERS_DB, else the built-in default
 * (CAREERS_DEFAULT_STORE), else, while that does not exist, the read-only
 * store an installed package brings (CAREERS_BUNDLED_STORE).
 */
const char *cli_default_store(void);
/* The store to write when no --db or --out is given: never the bundled one. */
const char *cli_store_to_write(void);

/*
 * Set by tests and fuzzing: each command returns 0 as soon as its
 * arguments have been read and found sound, before it opens, reads or
 * writes anything (a usage error still returns EXIT_USAGE).
 */
extern int cli_parse_only;

#endif
