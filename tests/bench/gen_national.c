/*
 * gen_national.c - national-scale input files for the build benchmark (bench_gen).
 *
 *	bench_gen OUTDIR [--scale F] [--today YYYY-MM-DD]
 *
 * Writes into OUTDIR, in the formats the careers importers read, files as
 * large as the real national downloads:
 *
 *	postcodes/NSPL21_MAY_2025_UK.csv        ONS NSPL, ~1.8 million GB postcodes
 *	schools/edubasealldata20250501.csv      GIAS establishments, 25,000 (Latin-1)
 *	courses/<UKPRN>/courses.csv, venues.csv course directory bulk uploads,
 *	                                        100,000 courses from ~1,800 providers
 *	vacancies/vacancies-page-NNNN.json      Find an apprenticeship, 30,000 vacancies
 *	standards/ApprenticeshipStandards.csv   IfATE standards download, 650 standards
 *	occupations/soc2020_volume1_descriptions.csv   ONS SOC 2020, 412 unit groups
 *
 * --scale multiplies the postcode, school, course, provider and vacancy
 * counts (0.001 makes a smoke-test set in a moment); standards and
 * occupations keep their real, small sizes. --today (default 2026-11-30,
 * the day bench_search and bench_ui search on) is the day the dates are
 * made around: adverts posted in the two months before it, most still
 * open, and courses starting in the coming September or the one after, so
 * every kind of option takes part in the benchmarks' searches.
 *
 * Design notes. Every value comes from one fixed seed through splitmix64,
 * one stream per kind of file, so a given scale always gives byte-identical
 * files and changing one generator leaves the others' output alone. The
 * postcodes are made first and kept in memory (20 bytes each): schools,
 * venues and vacancies are placed at generated live postcodes, and the GIAS
 * eastings/northings and the NSPL latitude/longitude come from the same grid
 * reference (converted with app/geo.c), so the sources agree as real ones
 * do. Values are invented but have the shapes, lengths and quirks of the
 * real files: the NSPL's 35 quoted columns and padded pcd7/pcd8, terminated
 * postcodes and ones with no grid reference (99.999999, 0.000000); GIAS's
 * 133 columns, CRLF and Latin-1 names; the SOC file's multi-line header,
 * "<blank>" cells and "~" lists; the IfATE title line and spaced header;
 * descriptions a few hundred characters long with commas and quotes.
 */
#include <ctype.h>
#include <errno.h>
#include <math.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "bench_exit.h"
#include "geo.h"

#define COUNT(a) (sizeof(a) / sizeof((a)[0]))
#define PICK(r, list) ((list)[rng_below((r), (unsigned)COUNT(list))])

/* Full-scale counts (the real national files, 2025). */
#define NATIONAL_POSTCODES 1800000.0
#define NATIONAL_SCHOOLS 25000.0
#define NATIONAL_PROVIDERS 1800.0
#define NATIONAL_COURSES 100000.0
#define NATIONAL_VACANCIES 30000.0
#define STANDARDS 650
#define VACANCIES_PER_PAGE 250

const char bench_name[] = "bench_gen";

/* The day the dates are made around (--today): days from 1 January 2025, and its year. */
static int today_day = 698;	/* 2026-11-30 */
static int today_year = 2026;

/* --- random numbers: splitmix64, one stream per kind of file ----------------- */

struct rng {
	uint64_t state;
};

static struct rng rng_for(const char *stream)
{
	struct rng r = { 0x636172656572735ULL };	/* "careers" */

	while (*stream)
		r.state = r.state * 1099511628211ULL ^ (unsigned char)*stream++;
	return r;
}

static uint64_t rng_next(struct rng *r)
{
	uint64_t z = (r->state += 0x9e3779b97f4a7c15ULL);

	z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
	z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
	return z ^ (z >> 31);
}

/* Uniform in [0, n). */
static unsigned rng_below(struct rng *r, unsigned n)
{
	return (unsigned)(((rng_next(r) >> 32) * (uint64_t)n) >> 32);
}

static int rng_between(struct rng *r, int lo, int hi)
{
	return lo + (int)rng_below(r, (unsigned)(hi - lo + 1));
}

static double rng_unit(struct rng *r)
{
	return (double)(rng_next(r) >> 11) / 9007199254740992.0;
}

static int rng_chance(struct rng *r, double p)
{
	return rng_unit(r) < p;
}

/* A point in a disc of radius `radius` around the origin. */
static void rng_disc(struct rng *r, double radius, double *dx, double *dy)
{
	double a = rng_unit(r) * 2.0 * M_PI, d = radius * sqrt(rng_unit(r));

	*dx = d * cos(a);
	*dy = d * sin(a);
}

/* --- a growable string -------------------------------------------------------- */

struct buf {
	char *p;
	size_t len, cap;
};

static void buf_reserve(struct buf *b, size_t extra)
{
	if (b->len + extra + 1 > b->cap) {
		b->cap = (b->len + extra + 1) * 2;
		b->p = grow(b->p, b->cap);
	}
}

static void buf_add(struct buf *b, const char *s, size_t n)
{
	buf_reserve(b, n);
	memcpy(b->p + b->len, s, n);
	b->len += n;
	b->p[b->len] = '\0';
}

static void buf_puts(struct buf *b, const char *s)
{
	buf_add(b, s, strlen(s));
}

static void buf_putc(struct buf *b, char c)
{
	buf_add(b, &c, 1);
}

static void buf_printf(struct buf *b, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

static void buf_printf(struct buf *b, const char *fmt, ...)
{
	va_list ap;
	int n;

	buf_reserve(b, 64);
	va_start(ap, fmt);
	n = vsnprintf(b->p + b->len, b->cap - b->len, fmt, ap);
	va_end(ap);
	if (n < 0)
		die("formatting failed");
	if ((size_t)n >= b->cap - b->len) {
		buf_reserve(b, (size_t)n);
		va_start(ap, fmt);
		vsnprintf(b->p + b->len, b->cap - b->len, fmt, ap);
		va_end(ap);
	}
	b->len += (size_t)n;
}

/* Empty the string; b->p is then a valid "" even before anything was added. */
static void buf_clear(struct buf *b)
{
	b->len = 0;
	buf_reserve(b, 0);
	b->p[0] = '\0';
}

/* "St Mary's College" -> "st-marys-college": a name as part of a web address. */
static void slug(const char *name, char *out, size_t n)
{
	size_t k = 0;
	int dash = 0;

	for (; *name && k + 2 < n; name++) {
		unsigned char c = (unsigned char)*name;

		if (c < 0x80 && isalnum(c)) {
			if (dash && k)
				out[k++] = '-';
			dash = 0;
			out[k++] = (char)tolower(c);
		} else if (c != '\'') {
			dash = 1;
		}
	}
	out[k] = '\0';
}

/* A JSON string literal, or null for NULL. */
static void buf_json(struct buf *b, const char *s)
{
	if (!s) {
		buf_puts(b, "null");
		return;
	}
	buf_putc(b, '"');
	for (; *s; s++) {
		if (*s == '"' || *s == '\\') {
			buf_putc(b, '\\');
			buf_putc(b, *s);
		} else if (*s == '\n') {
			buf_puts(b, "\\n");
		} else if (*s == '\r') {
			buf_puts(b, "\\r");
		} else {
			buf_putc(b, *s);
		}
	}
	buf_putc(b, '"');
}

/* --- output files ---------------------------------------------------------------- */

enum quote {
	QUOTE_NEEDED,	/* only fields with commas, quotes or line breaks */
	QUOTE_ALWAYS,
};

struct tally {
	const char *kind;
	unsigned long files;
	unsigned long long rows, bytes;
};

enum kind { KIND_POSTCODES, KIND_SCHOOLS, KIND_COURSES, KIND_VENUES, KIND_VACANCIES,
	    KIND_STANDARDS, KIND_OCCUPATIONS, KIND_COUNT };

static struct tally tallies[KIND_COUNT] = {
	{ "postcodes", 0, 0, 0 }, { "schools", 0, 0, 0 }, { "courses", 0, 0, 0 },
	{ "venues", 0, 0, 0 }, { "vacancies", 0, 0, 0 }, { "standards", 0, 0, 0 },
	{ "occupations", 0, 0, 0 },
};

/* One CSV (or JSON) file being written, a line at a time. */
struct out {
	FILE *f;
	char *path;
	struct tally *tally;
	struct buf line;
	const char *eol;
	int latin1;	/* write U+0080..U+00FF as single bytes */
	int fields;	/* in the current line */
};

static char *joined(const char *a, const char *b)
{
	size_t n = strlen(a) + strlen(b) + 2;
	char *s = grow(NULL, n);

	snprintf(s, n, "%s/%s", a, b);
	return s;
}

static void make_dir(const char *path)
{
	char *copy = joined(path, ""), *p;

	for (p = copy + 1; *p; p++) {
		if (*p != '/')
			continue;
		*p = '\0';
		if (mkdir(copy, 0755) != 0 && errno != EEXIST)
			die("cannot create the folder %s: %s", copy, strerror(errno));
		*p = '/';
	}
	free(copy);
}

static void out_open(struct out *o, const char *dir, const char *name, enum kind kind,
		     const char *eol)
{
	memset(o, 0, sizeof(*o));
	make_dir(dir);
	o->path = joined(dir, name);
	o->f = fopen(o->path, "wb");
	if (!o->f)
		die("cannot write %s: %s", o->path, strerror(errno));
	setvbuf(o->f, NULL, _IOFBF, 1 << 20);
	o->tally = &tallies[kind];
	o->eol = eol;
	o->tally->files++;
}

/* UTF-8 to Latin-1 in place: the two-byte forms of U+0080..U+00FF. */
static void to_latin1(struct buf *b)
{
	size_t i, k = 0;

	for (i = 0; i < b->len; i++) {
		unsigned char c = (unsigned char)b->p[i];

		if ((c == 0xC2 || c == 0xC3) && i + 1 < b->len) {
			b->p[k++] = (char)(((c & 0x1F) << 6) | ((unsigned char)b->p[++i] & 0x3F));
		} else {
			b->p[k++] = (char)c;
		}
	}
	b->len = k;
}

static void out_write(struct out *o, const char *s, size_t n)
{
	if (fwrite(s, 1, n, o->f) != n)
		die("cannot write %s: %s", o->path, strerror(errno));
	o->tally->bytes += n;
}

static void out_field(struct out *o, const char *s, enum quote q)
{
	int needs = q == QUOTE_ALWAYS || strpbrk(s, ",\"\r\n") != NULL;

	if (o->fields++)
		buf_putc(&o->line, ',');
	if (!needs) {
		buf_puts(&o->line, s);
		return;
	}
	buf_putc(&o->line, '"');
	for (; *s; s++) {
		if (*s == '"')
			buf_putc(&o->line, '"');
		buf_putc(&o->line, *s);
	}
	buf_putc(&o->line, '"');
}

static void out_fieldf(struct out *o, enum quote q, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));

static void out_fieldf(struct out *o, enum quote q, const char *fmt, ...)
{
	char s[256];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(s, sizeof(s), fmt, ap);
	va_end(ap);
	out_field(o, s, q);
}

/* End a CSV line; data says whether it counts as a row (not the header). */
static void out_end_line(struct out *o, int data)
{
	buf_puts(&o->line, o->eol);
	if (o->latin1)
		to_latin1(&o->line);
	out_write(o, o->line.p, o->line.len);
	buf_clear(&o->line);
	o->fields = 0;
	o->tally->rows += data != 0;
}

static void out_header(struct out *o, const char *const *names, size_t n, enum quote q)
{
	size_t i;

	for (i = 0; i < n; i++)
		out_field(o, names[i], q);
	out_end_line(o, 0);
}

static void out_close(struct out *o)
{
	if (fclose(o->f) != 0)
		die("cannot write %s: %s", o->path, strerror(errno));
	free(o->path);
	free(o->line.p);
}

/* --- words ------------------------------------------------------------------------- */

static const char *const first_names[] = {
	"Amelia", "Oliver", "Isla", "George", "Ava", "Noah", "Mia", "Arthur", "Ivy", "Muhammad",
	"Freya", "Leo", "Lily", "Harry", "Grace", "Oscar", "Sophia", "Jack", "Evie", "Charlie",
	"Aisha", "Theo", "Zainab", "Jacob", "Chloé", "Tomás", "Siân", "Rhys", "Niamh", "Eilidh",
};

static const char *const surnames[] = {
	"Smith", "Jones", "Taylor", "Brown", "Williams", "Wilson", "Johnson", "Davies", "Patel",
	"Robinson", "Wright", "Thompson", "Evans", "Walker", "White", "Roberts", "Green", "Hall",
	"Thomas", "Clarke", "Jackson", "Wood", "Harris", "Edwards", "Turner", "Martin", "Cooper",
	"Hill", "Ward", "Hughes", "Moore", "Clark", "Harrison", "Scott", "Young", "Morris", "Khan",
	"O'Brien", "Begum", "Kaur", "Ali", "Allen", "Mitchell", "Bennett", "Shaw", "Lloyd",
	"Marshall", "Hussain", "Fox", "Parker",
};

static const char *const place_words[] = {
	"Oakwood", "Hillside", "Riverside", "Meadow", "Park", "Westfield", "Eastfield", "Brook",
	"Greenacres", "Ashfield", "Beech Hill", "Cherry Tree", "Fairfield", "Highfield", "Kingsway",
	"Longcroft", "Mill Lane", "Northgate", "Orchard", "Priory", "Queensbury", "Redhill",
	"St Mary's", "St John's", "St Peter's", "Holy Trinity", "Sacred Heart", "Our Lady's",
	"St Thomas à Becket", "Notre Dame", "Willow Brook", "Castle View", "Abbey", "Moorside",
	"Valley", "Heathfield", "Church Lane", "Woodlands", "Springfield", "Grange",
};

static const char *const street_kinds[] = {
	"Road", "Street", "Lane", "Avenue", "Close", "Way", "Drive", "Crescent", "Terrace", "Grove",
};

static const char *const topics[] = {
	"health and safety at work", "customer service", "electrical installation",
	"digital marketing", "spreadsheets and databases", "child development",
	"anatomy and physiology", "brickwork", "plumbing and heating systems",
	"light vehicle maintenance", "cutting and styling hair", "food preparation and cooking",
	"accounting principles", "programming", "network security", "graphic design",
	"photography", "sports coaching", "music production", "travel and tourism", "animal care",
	"horticulture", "engineering drawing", "welding and fabrication",
	"business administration", "team leadership", "English and maths", "first aid",
	"counselling skills", "supporting teaching and learning", "care planning",
	"working with people with dementia", "bookkeeping", "project management",
	"carpentry and joinery", "painting and decorating", "computer-aided design",
	"data analysis", "web development", "media production", "make-up artistry",
	"retail operations", "warehousing and logistics", "fitness instruction",
	"equality and diversity", "safeguarding", "cyber security", "laboratory techniques",
	"renewable energy technologies", "social media", "event management",
};

static const char *const learn_openers[] = {
	"You will learn about", "The course covers", "You will develop your skills in",
	"Sessions focus on", "You will study", "Units include",
	"You will gain practical experience of", "Our tutors will guide you through",
};

static const char *const learn_closers[] = {
	"in our industry-standard workshops", "with support from experienced tutors",
	"through practical projects and work placements",
	"alongside English and maths where you need them",
	"in a friendly, supportive environment",
	"using the same equipment employers use",
	"", "",
};

static const char *const audiences[] = {
	"school leavers", "16 to 18 year olds", "adults returning to learning", "anyone aged 19+",
	"people already working in the sector", "learners who enjoy practical work",
	"students who want to go on to university", "people looking for a change of career",
	"young people who are not yet sure what they want to do",
};

static const char *const goals[] = {
	"start a career in the industry", "progress to an apprenticeship",
	"gain a recognised qualification", "move on to a higher level course",
	"improve their job prospects", "build confidence and practical skills",
	"prepare for university", "set up their own business",
};

static const char *const entry_sentences[] = {
	"You will need at least four GCSEs at grade 4 or above, including English and maths.",
	("There are no formal entry requirements, but you will be invited to an informal "
	 "interview."),
	"You will need a Level 2 qualification in a related subject, or relevant work experience.",
	"Five GCSEs at grades 9 to 4 (A* to C), including English language and maths at grade 5.",
	"Learners without GCSE English and maths at grade 4 will study them alongside the course.",
	"You will need an enhanced DBS check before starting any placement.",
	"Applicants aged 19+ may be asked to complete an initial assessment in English and maths.",
	"A genuine interest in the subject and a willingness to learn are the main requirements.",
};

static const char *const bring_sentences[] = {
	"You will need to bring a pen, a notebook and a calculator.",
	("Protective boots and overalls are required; we can help with the cost if you "
	 "receive a bursary."),
	"A laptop is useful but not essential: the college has open-access computers.",
	"Bring a packed lunch or use the college canteen.",
	"You will need a uniform, which can be bought from the college shop for about £35.",
	"A starter kit is provided in the first week.",
};

static const char *const assess_sentences[] = {
	"You will be assessed through a mix of assignments, practical tasks and exams.",
	("Assessment is by portfolio, observation in the workplace and a final "
	 "\"synoptic\" project."),
	"There are two written exams at the end of the year, and coursework throughout.",
	"Your tutor will observe you at work and you will build an online portfolio of evidence.",
	"Each unit ends with a short online test; there is no final exam.",
};

static const char *const next_sentences[] = {
	"You could progress to a Level 3 course, an apprenticeship or employment.",
	"Many of our students go on to university to study a related degree.",
	"Successful learners can move on to a higher apprenticeship or a foundation degree.",
	"You could start work as a trainee or assistant, or continue your studies with us.",
	"The course can lead to jobs in the NHS, social care, schools and local government.",
};

static const char *const how_sentences[] = {
	"You will learn in classrooms, workshops and on work placements.",
	"Teaching is face to face, with some sessions delivered online.",
	"You will spend one day a week in college and the rest of the week at work.",
	"Lessons combine short lectures with group work and hands-on practice.",
	"You will have a personal tutor and a weekly one-to-one review of your progress.",
};

/* Sentences about `topics` until the text is at least min_len bytes long. */
static void prose(struct rng *r, struct buf *b, size_t min_len)
{
	buf_clear(b);
	while (b->len < min_len) {
		const char *closer = PICK(r, learn_closers);

		if (b->len)
			buf_putc(b, ' ');
		buf_printf(b, "%s %s, %s and %s%s%s.", PICK(r, learn_openers), PICK(r, topics),
			   PICK(r, topics), PICK(r, topics), *closer ? " " : "", closer);
	}
}

/* Sentences picked from a list until the text is at least min_len bytes long. */
static void sentences(struct rng *r, struct buf *b, const char *const *list, size_t n,
		      size_t min_len)
{
	unsigned at = rng_below(r, (unsigned)n);

	buf_clear(b);
	while (b->len < min_len) {
		if (b->len)
			buf_putc(b, ' ');
		buf_puts(b, list[at]);
		at = (at + 1 + rng_below(r, (unsigned)n - 1)) % (unsigned)n;	/* no repeats in a row */
	}
}

#define SENTENCES(r, b, list, min_len) sentences((r), (b), (list), COUNT(list), (min_len))

static void who_for(struct rng *r, struct buf *b, size_t min_len)
{
	buf_clear(b);
	while (b->len < min_len) {
		if (b->len)
			buf_putc(b, ' ');
		buf_printf(b, "This course is for %s who want to %s. It suits %s, and you do not "
			   "need any previous experience of %s.", PICK(r, audiences),
			   PICK(r, goals), PICK(r, audiences), PICK(r, topics));
	}
}

/* --- places --------------------------------------------------------------------------- */

struct region {
	const char *gor_code, *name, *rgn_code;
	char country;	/* E, W or S: the first letter of the area's GSS codes */
};

static const struct region regions[] = {
	{ "A", "North East", "E12000001", 'E' },
	{ "B", "North West", "E12000002", 'E' },
	{ "D", "Yorkshire and the Humber", "E12000003", 'E' },
	{ "E", "East Midlands", "E12000004", 'E' },
	{ "F", "West Midlands", "E12000005", 'E' },
	{ "G", "East of England", "E12000006", 'E' },
	{ "H", "London", "E12000007", 'E' },
	{ "J", "South East", "E12000008", 'E' },
	{ "K", "South West", "E12000009", 'E' },
	{ "W", "Wales", "W99999999", 'W' },
	{ "S", "Scotland", "S99999999", 'S' },
};

enum { NE, NW, YH, EM, WM, EE, LDN, SE, SW, WAL, SCO };

/*
 * The GB postcode areas: post town, county, rough centre on the National
 * Grid (km), spread (km) and number of districts. EC and WC have lettered
 * districts (EC1A ...), listed in `lettered`.
 */
struct area {
	const char *code, *town, *county;
	short east_km, north_km, radius_km, districts;
	unsigned char region;
	const char *lettered;
};

static const struct area areas[] = {
	{ "AB", "Aberdeen", "Aberdeenshire", 385, 810, 45, 25, SCO, NULL },
	{ "AL", "St Albans", "Hertfordshire", 515, 210, 10, 10, EE, NULL },
	{ "B", "Birmingham", "West Midlands", 405, 287, 15, 80, WM, NULL },
	{ "BA", "Bath", "Somerset", 370, 160, 25, 16, SW, NULL },
	{ "BB", "Blackburn", "Lancashire", 370, 430, 12, 12, NW, NULL },
	{ "BD", "Bradford", "West Yorkshire", 415, 435, 12, 24, YH, NULL },
	{ "BH", "Bournemouth", "Dorset", 410, 95, 15, 25, SW, NULL },
	{ "BL", "Bolton", "Greater Manchester", 372, 410, 8, 9, NW, NULL },
	{ "BN", "Brighton", "East Sussex", 525, 110, 25, 45, SE, NULL },
	{ "BR", "Bromley", "", 545, 167, 6, 8, LDN, NULL },
	{ "BS", "Bristol", "", 360, 172, 15, 41, SW, NULL },
	{ "CA", "Carlisle", "Cumbria", 340, 540, 45, 28, NW, NULL },
	{ "CB", "Cambridge", "Cambridgeshire", 545, 255, 20, 11, EE, NULL },
	{ "CF", "Cardiff", "South Glamorgan", 315, 180, 20, 48, WAL, NULL },
	{ "CH", "Chester", "Cheshire", 335, 370, 18, 49, NW, NULL },
	{ "CM", "Chelmsford", "Essex", 570, 210, 20, 25, EE, NULL },
	{ "CO", "Colchester", "Essex", 595, 225, 15, 16, EE, NULL },
	{ "CR", "Croydon", "", 532, 165, 6, 9, LDN, NULL },
	{ "CT", "Canterbury", "Kent", 620, 160, 15, 21, SE, NULL },
	{ "CV", "Coventry", "West Midlands", 432, 275, 18, 37, WM, NULL },
	{ "CW", "Crewe", "Cheshire", 370, 360, 15, 12, NW, NULL },
	{ "DA", "Dartford", "Kent", 550, 175, 8, 18, SE, NULL },
	{ "DD", "Dundee", "Angus", 340, 735, 25, 11, SCO, NULL },
	{ "DE", "Derby", "Derbyshire", 435, 340, 20, 75, EM, NULL },
	{ "DG", "Dumfries", "Dumfriesshire", 290, 580, 40, 16, SCO, NULL },
	{ "DH", "Durham", "County Durham", 425, 545, 12, 9, NE, NULL },
	{ "DL", "Darlington", "County Durham", 425, 510, 25, 17, NE, NULL },
	{ "DN", "Doncaster", "South Yorkshire", 460, 405, 25, 41, YH, NULL },
	{ "DT", "Dorchester", "Dorset", 365, 90, 20, 11, SW, NULL },
	{ "DY", "Dudley", "West Midlands", 390, 285, 10, 14, WM, NULL },
	{ "E", "London", "", 537, 183, 5, 20, LDN, NULL },
	{ "EC", "London", "", 532, 181, 1, 0, LDN,
	  "EC1A EC1M EC1N EC1R EC1V EC1Y EC2A EC2M EC2N EC2R EC2V EC2Y EC3A EC3M EC3N EC3R "
	  "EC3V EC4A EC4M EC4N EC4R EC4V EC4Y" },
	{ "EH", "Edinburgh", "Midlothian", 325, 670, 25, 55, SCO, NULL },
	{ "EN", "Enfield", "Middlesex", 530, 200, 8, 11, EE, NULL },
	{ "EX", "Exeter", "Devon", 290, 95, 35, 39, SW, NULL },
	{ "FK", "Falkirk", "Stirlingshire", 285, 690, 30, 21, SCO, NULL },
	{ "FY", "Blackpool", "Lancashire", 333, 435, 6, 8, NW, NULL },
	{ "G", "Glasgow", "Lanarkshire", 260, 665, 15, 80, SCO, NULL },
	{ "GL", "Gloucester", "Gloucestershire", 385, 215, 25, 56, SW, NULL },
	{ "GU", "Guildford", "Surrey", 490, 150, 20, 52, SE, NULL },
	{ "HA", "Harrow", "Middlesex", 515, 188, 5, 9, LDN, NULL },
	{ "HD", "Huddersfield", "West Yorkshire", 415, 415, 8, 9, YH, NULL },
	{ "HG", "Harrogate", "North Yorkshire", 430, 455, 15, 5, YH, NULL },
	{ "HP", "Hemel Hempstead", "Hertfordshire", 490, 205, 15, 23, EE, NULL },
	{ "HR", "Hereford", "Herefordshire", 350, 240, 25, 9, WM, NULL },
	{ "HS", "Isle of Lewis", "Western Isles", 110, 930, 40, 9, SCO, NULL },
	{ "HU", "Hull", "East Yorkshire", 505, 430, 15, 20, YH, NULL },
	{ "HX", "Halifax", "West Yorkshire", 405, 425, 6, 7, YH, NULL },
	{ "IG", "Ilford", "Essex", 545, 190, 5, 11, LDN, NULL },
	{ "IP", "Ipswich", "Suffolk", 615, 255, 30, 33, EE, NULL },
	{ "IV", "Inverness", "Inverness-shire", 270, 850, 60, 56, SCO, NULL },
	{ "KA", "Kilmarnock", "Ayrshire", 235, 635, 25, 30, SCO, NULL },
	{ "KT", "Kingston upon Thames", "Surrey", 518, 165, 7, 24, LDN, NULL },
	{ "KW", "Kirkwall", "Orkney", 320, 950, 40, 17, SCO, NULL },
	{ "KY", "Kirkcaldy", "Fife", 320, 700, 20, 16, SCO, NULL },
	{ "L", "Liverpool", "Merseyside", 340, 390, 10, 40, NW, NULL },
	{ "LA", "Lancaster", "Lancashire", 350, 470, 25, 23, NW, NULL },
	{ "LD", "Llandrindod Wells", "Powys", 305, 260, 25, 8, WAL, NULL },
	{ "LE", "Leicester", "Leicestershire", 460, 305, 20, 19, EM, NULL },
	{ "LL", "Llandudno", "Gwynedd", 260, 360, 40, 78, WAL, NULL },
	{ "LN", "Lincoln", "Lincolnshire", 500, 370, 25, 13, EM, NULL },
	{ "LS", "Leeds", "West Yorkshire", 430, 435, 12, 29, YH, NULL },
	{ "LU", "Luton", "Bedfordshire", 510, 222, 6, 7, EE, NULL },
	{ "M", "Manchester", "Greater Manchester", 385, 398, 8, 50, NW, NULL },
	{ "ME", "Rochester", "Kent", 575, 165, 15, 20, SE, NULL },
	{ "MK", "Milton Keynes", "Buckinghamshire", 485, 240, 15, 19, SE, NULL },
	{ "ML", "Motherwell", "Lanarkshire", 275, 655, 12, 12, SCO, NULL },
	{ "N", "London", "", 530, 188, 5, 22, LDN, NULL },
	{ "NE", "Newcastle upon Tyne", "Tyne and Wear", 425, 565, 20, 71, NE, NULL },
	{ "NG", "Nottingham", "Nottinghamshire", 455, 340, 20, 34, EM, NULL },
	{ "NN", "Northampton", "Northamptonshire", 480, 265, 20, 18, EM, NULL },
	{ "NP", "Newport", "Gwent", 325, 200, 15, 26, WAL, NULL },
	{ "NR", "Norwich", "Norfolk", 620, 305, 30, 35, EE, NULL },
	{ "NW", "London", "", 525, 185, 5, 11, LDN, NULL },
	{ "OL", "Oldham", "Greater Manchester", 390, 405, 7, 16, NW, NULL },
	{ "OX", "Oxford", "Oxfordshire", 450, 205, 25, 30, SE, NULL },
	{ "PA", "Paisley", "Renfrewshire", 230, 670, 40, 50, SCO, NULL },
	{ "PE", "Peterborough", "Cambridgeshire", 515, 295, 35, 38, EE, NULL },
	{ "PH", "Perth", "Perthshire", 290, 760, 50, 50, SCO, NULL },
	{ "PL", "Plymouth", "Devon", 245, 60, 25, 35, SW, NULL },
	{ "PO", "Portsmouth", "Hampshire", 460, 105, 15, 41, SE, NULL },
	{ "PR", "Preston", "Lancashire", 355, 425, 15, 26, NW, NULL },
	{ "RG", "Reading", "Berkshire", 470, 170, 20, 45, SE, NULL },
	{ "RH", "Redhill", "Surrey", 525, 140, 15, 20, SE, NULL },
	{ "RM", "Romford", "Essex", 550, 185, 7, 20, LDN, NULL },
	{ "S", "Sheffield", "South Yorkshire", 435, 385, 15, 60, YH, NULL },
	{ "SA", "Swansea", "West Glamorgan", 255, 210, 40, 73, WAL, NULL },
	{ "SE", "London", "", 535, 175, 6, 28, LDN, NULL },
	{ "SG", "Stevenage", "Hertfordshire", 520, 225, 15, 19, EE, NULL },
	{ "SK", "Stockport", "Cheshire", 390, 385, 12, 23, NW, NULL },
	{ "SL", "Slough", "Berkshire", 495, 180, 10, 9, SE, NULL },
	{ "SM", "Sutton", "Surrey", 526, 163, 4, 7, LDN, NULL },
	{ "SN", "Swindon", "Wiltshire", 415, 180, 25, 26, SW, NULL },
	{ "SO", "Southampton", "Hampshire", 440, 115, 15, 52, SE, NULL },
	{ "SP", "Salisbury", "Wiltshire", 420, 135, 20, 11, SW, NULL },
	{ "SR", "Sunderland", "Tyne and Wear", 440, 555, 7, 9, NE, NULL },
	{ "SS", "Southend-on-Sea", "Essex", 585, 190, 10, 17, EE, NULL },
	{ "ST", "Stoke-on-Trent", "Staffordshire", 390, 345, 20, 22, WM, NULL },
	{ "SW", "London", "", 528, 175, 5, 20, LDN, NULL },
	{ "SY", "Shrewsbury", "Shropshire", 340, 300, 35, 25, WM, NULL },
	{ "TA", "Taunton", "Somerset", 320, 125, 25, 24, SW, NULL },
	{ "TD", "Galashiels", "Selkirkshire", 365, 630, 30, 15, SCO, NULL },
	{ "TF", "Telford", "Shropshire", 370, 310, 10, 13, WM, NULL },
	{ "TN", "Tonbridge", "Kent", 570, 140, 25, 40, SE, NULL },
	{ "TQ", "Torquay", "Devon", 285, 65, 15, 14, SW, NULL },
	{ "TR", "Truro", "Cornwall", 170, 40, 30, 27, SW, NULL },
	{ "TS", "Cleveland", "Cleveland", 450, 520, 12, 29, NE, NULL },
	{ "TW", "Twickenham", "Middlesex", 515, 172, 6, 20, LDN, NULL },
	{ "UB", "Southall", "Middlesex", 510, 182, 5, 11, LDN, NULL },
	{ "W", "London", "", 522, 180, 4, 14, LDN, NULL },
	{ "WA", "Warrington", "Cheshire", 360, 385, 12, 16, NW, NULL },
	{ "WC", "London", "", 530, 181, 1, 0, LDN,
	  "WC1A WC1B WC1E WC1H WC1N WC1R WC1V WC1X WC2A WC2B WC2E WC2H WC2N WC2R" },
	{ "WD", "Watford", "Hertfordshire", 510, 195, 7, 25, EE, NULL },
	{ "WF", "Wakefield", "West Yorkshire", 430, 420, 10, 17, YH, NULL },
	{ "WN", "Wigan", "Lancashire", 358, 405, 6, 8, NW, NULL },
	{ "WR", "Worcester", "Worcestershire", 385, 255, 20, 15, WM, NULL },
	{ "WS", "Walsall", "West Midlands", 405, 300, 10, 15, WM, NULL },
	{ "WV", "Wolverhampton", "West Midlands", 390, 298, 10, 16, WM, NULL },
	{ "YO", "York", "North Yorkshire", 460, 460, 35, 26, YH, NULL },
	{ "ZE", "Lerwick", "Shetland", 445, 1140, 20, 3, SCO, NULL },
};

/* The 20 letters used in the unit part of a postcode. */
static const char unit_letters[] = "ABDEFGHJLNPQRSTUWXYZ";

#define PC_TERMINATED 1u
#define PC_NO_GRID 2u
#define PC_LARGE_USER 4u

struct postcode {
	char pcds[9];		/* "DN1 3BU" */
	unsigned char area;	/* index in areas[] */
	unsigned char flags;
	unsigned short district;	/* index in the district list */
	unsigned char sector;
	int east, north;	/* metres */
	unsigned serial;	/* position in the file: output areas etc. are runs of it */
};

struct district {
	char outcode[5];
	unsigned char area;
	double east, north;	/* centre, metres */
	unsigned char sectors[10];
	int sector_count;
};

struct places {
	struct postcode *postcodes;
	size_t count;
	struct district *districts;
	size_t district_count;
	unsigned *live_england;	/* indices of live English postcodes with a grid reference */
	size_t live_count;
};

static char country_of(const struct postcode *p)
{
	return regions[areas[p->area].region].country;
}

static const struct region *region_of(const struct postcode *p)
{
	return &regions[areas[p->area].region];
}

/* The local authority district: roughly eight postcode districts each. */
static unsigned lad_number(const struct postcode *p)
{
	return p->district / 8u;
}

static void lad_code(const struct postcode *p, char out[10])
{
	static const char kinds[] = "6789";
	char c = country_of(p);

	if (c == 'E')
		snprintf(out, 10, "E0%c%06u", kinds[lad_number(p) % 4], lad_number(p) % 1000000u);
	else
		snprintf(out, 10, "%c%s%06u", c, c == 'W' ? "06" : "12", lad_number(p) % 1000000u);
}

/* The name of a local authority: the post town, or its North or South part. */
static void lad_name(const struct postcode *p, char *out, size_t n)
{
	if (lad_number(p) % 3 == 0)
		snprintf(out, n, "%s", areas[p->area].town);
	else
		snprintf(out, n, "%s %s", areas[p->area].town, lad_number(p) % 3 == 1 ? "North" :
			 "South");
}

static int compare_outcodes(const void *a, const void *b)
{
	const struct district *x = a, *y = b;
	char px[5], py[5];

	/* pcd7 order: the outcode left-justified in four characters. */
	snprintf(px, sizeof(px), "%-4s", x->outcode);
	snprintf(py, sizeof(py), "%-4s", y->outcode);
	if (x->area != y->area)
		return x->area < y->area ? -1 : 1;
	return strcmp(px, py);
}

static double clamp(double v, double lo, double hi)
{
	return v < lo ? lo : v > hi ? hi : v;
}

static void make_districts(struct places *pl, struct rng *r)
{
	size_t a, k, cap = 0;

	for (a = 0; a < COUNT(areas); a++) {
		const struct area *ar = &areas[a];
		size_t first = pl->district_count, n = 0;

		if (ar->lettered)
			n = (strlen(ar->lettered) + 1) / 5;
		else
			n = (size_t)ar->districts;
		for (k = 0; k < n; k++) {
			struct district *d;
			double dx, dy;

			if (pl->district_count == cap) {
				cap = cap ? cap * 2 : 1024;
				pl->districts = grow(pl->districts, cap * sizeof(*pl->districts));
			}
			d = &pl->districts[pl->district_count++];
			memset(d, 0, sizeof(*d));
			d->area = (unsigned char)a;
			if (ar->lettered)
				memcpy(d->outcode, ar->lettered + k * 5, 4);
			else
				snprintf(d->outcode, sizeof(d->outcode), "%s%u", ar->code,
					 (unsigned)k + 1);
			rng_disc(r, ar->radius_km * 1000.0, &dx, &dy);
			d->east = clamp(ar->east_km * 1000.0 + dx, 90000, 655000);
			d->north = clamp(ar->north_km * 1000.0 + dy, 10000, 1215000);
		}
		qsort(pl->districts + first, pl->district_count - first, sizeof(*pl->districts),
		      compare_outcodes);
	}
	/* Sectors: 3 to 8 distinct digits per district, in order. */
	for (k = 0; k < pl->district_count; k++) {
		struct district *d = &pl->districts[k];
		int want = rng_between(r, 3, 8), left = 10, digit;

		for (digit = 0; digit < 10; digit++, left--)
			if ((int)rng_below(r, (unsigned)left) < want - d->sector_count)
				d->sectors[d->sector_count++] = (unsigned char)digit;
	}
}

/* Units of one sector: `count` distinct letter pairs, in order. */
static void sector_units(struct rng *r, int count, unsigned short *units)
{
	int pair, left = 400, chosen = 0;

	for (pair = 0; pair < 400 && chosen < count; pair++, left--)
		if ((int)rng_below(r, (unsigned)left) < count - chosen)
			units[chosen++] = (unsigned short)pair;
}

static void pcd7(const struct postcode *p, char out[9], int width)
{
	const char *space = strchr(p->pcds, ' ');
	int outlen = (int)(space - p->pcds);

	/* pcd7: outcode padded to 4, pcd8: padded to 5, then the inward code. */
	snprintf(out, 9, "%-*.*s%s", width - 3, outlen, p->pcds, space + 1);
}

static void yyyymm(struct rng *r, int from_year, int to_year, char out[16])
{
	snprintf(out, 16, "%04d%02d", rng_between(r, from_year, to_year), rng_between(r, 1, 12));
}

/* The GSS codes of the areas a postcode lies in, as the NSPL lists them. */
struct codes {
	char oa[10], cty[10], ced[10], lad[10], ward[10], nhser[10], ctry[10], rgn[10];
	char pcon[10], ttwa[10], itl[10], park[10], lsoa[10], msoa[10], wz[10], sicbl[10];
	char bua[10], lep1[10], pfa[10], icb[10];
	const char *ruc, *oac;
};

static void codes_for(const struct postcode *p, struct codes *c)
{
	static const char *const ruc[] = { "UN1", "UF1", "UN1", "RSN1", "RLN1", "RSF1", "UN1",
					   "UF1" };
	static const char *const oac[] = { "1A1", "1B1", "2A3", "3B2", "4C1", "5A2", "6B1",
					   "7A1", "8B2", "2B1", "3A1", "4A2" };
	char k = country_of(p);
	unsigned g = p->district, s = g * 10u + p->sector, reg = areas[p->area].region;
	int england = k == 'E', unitary;

	lad_code(p, c->lad);
	unitary = !england || c->lad[2] != '7';
	snprintf(c->oa, 10, "%c00%06u", k, (p->serial / 8u) % 1000000u);
	snprintf(c->lsoa, 10, "%c01%06u", k, (p->serial / 40u) % 1000000u);
	snprintf(c->msoa, 10, "%c02%06u", k, (p->serial / 200u) % 1000000u);
	snprintf(c->wz, 10, "%c33%06u", k, (p->serial / 30u) % 1000000u);
	snprintf(c->ward, 10, "%c05%06u", k, s % 1000000u);
	snprintf(c->cty, 10, unitary ? "%c99999999" : "%c10000%03u", k, (g / 40u) % 1000u);
	snprintf(c->ced, 10, unitary ? "%c99999999" : "%c58%06u", k, s / 3u % 1000000u);
	snprintf(c->nhser, 10, england ? "E40000%03u" : "%c99999999",
		 england ? reg + 1u : (unsigned)k);
	snprintf(c->ctry, 10, "%c92000%03d", k, k == 'E' ? 1 : k == 'W' ? 4 : 3);
	snprintf(c->rgn, 10, "%s", regions[reg].rgn_code);
	snprintf(c->pcon, 10, "%c14001%03u", k, (g / 5u) % 1000u);
	snprintf(c->ttwa, 10, "%c30000%03u", k, (g / 12u) % 1000u);
	snprintf(c->itl, 10, "%s", c->lad);
	snprintf(c->park, 10, g % 97u == 5u ? "%c26000%03u" : "%c65000001", k, g % 13u);
	snprintf(c->sicbl, 10, england ? "E38000%03u" : "%c99999999",
		 england ? (g / 30u) % 1000u : (unsigned)k);
	snprintf(c->bua, 10, p->sector % 4u == 3u ? "%c63999999" : "%c63%06u", k,
		 (s / 7u) % 1000000u);
	snprintf(c->lep1, 10, england ? "E37000%03u" : "%c99999999",
		 england ? (g / 60u) % 1000u : (unsigned)k);
	snprintf(c->pfa, 10, "%c23000%03u", k, reg + 1u);
	snprintf(c->icb, 10, england ? "E54000%03u" : "%c99999999",
		 england ? (g / 70u) % 1000u : (unsigned)k);
	c->ruc = ruc[s % COUNT(ruc)];
	c->oac = oac[(p->serial / 50u) % COUNT(oac)];
}

static const char *const nspl_header[] = {
	"pcd7", "pcd8", "pcds", "dointr", "doterm", "usrtypind", "east1m", "north1m", "gridind",
	"oa21cd", "cty25cd", "ced25cd", "lad25cd", "wd25cd", "nhser24cd", "ctry25cd", "rgn25cd",
	"pcon24cd", "ttwa15cd", "itl25cd", "npark16cd", "lsoa21cd", "msoa21cd", "wz11cd",
	"sicbl24cd", "bua24cd", "ruc21ind", "oac11ind", "lat", "long", "lep21cd1", "lep21cd2",
	"pfa23cd", "imd20ind", "icb23cd",
};

static void write_postcode(struct out *o, struct rng *r, const struct postcode *p)
{
	char p7[9], p8[9], intro[16] = "", term[16] = "";
	struct codes c;
	int grid = !(p->flags & PC_NO_GRID);

	pcd7(p, p7, 7);
	pcd7(p, p8, 8);
	yyyymm(r, 1980, 2024, intro);
	if (p->flags & PC_TERMINATED) {
		int year = atoi(intro) / 100 + rng_between(r, 1, 8);

		snprintf(term, sizeof(term), "%04d%02d", year > 2024 ? 2024 : year,
			 rng_between(r, 1, 12));
	}
	codes_for(p, &c);
	out_field(o, p7, QUOTE_ALWAYS);
	out_field(o, p8, QUOTE_ALWAYS);
	out_field(o, p->pcds, QUOTE_ALWAYS);
	out_field(o, intro, QUOTE_ALWAYS);
	out_field(o, term, QUOTE_ALWAYS);
	out_field(o, p->flags & PC_LARGE_USER ? "1" : "0", QUOTE_ALWAYS);
	if (grid) {
		out_fieldf(o, QUOTE_ALWAYS, "%d", p->east);
		out_fieldf(o, QUOTE_ALWAYS, "%d", p->north);
	} else {
		out_field(o, "", QUOTE_ALWAYS);
		out_field(o, "", QUOTE_ALWAYS);
	}
	out_field(o, grid ? "1" : "9", QUOTE_ALWAYS);
	out_field(o, c.oa, QUOTE_ALWAYS);
	out_field(o, c.cty, QUOTE_ALWAYS);
	out_field(o, c.ced, QUOTE_ALWAYS);
	out_field(o, c.lad, QUOTE_ALWAYS);
	out_field(o, c.ward, QUOTE_ALWAYS);
	out_field(o, c.nhser, QUOTE_ALWAYS);
	out_field(o, c.ctry, QUOTE_ALWAYS);
	out_field(o, c.rgn, QUOTE_ALWAYS);
	out_field(o, c.pcon, QUOTE_ALWAYS);
	out_field(o, c.ttwa, QUOTE_ALWAYS);
	out_field(o, c.itl, QUOTE_ALWAYS);
	out_field(o, c.park, QUOTE_ALWAYS);
	out_field(o, c.lsoa, QUOTE_ALWAYS);
	out_field(o, c.msoa, QUOTE_ALWAYS);
	out_field(o, c.wz, QUOTE_ALWAYS);
	out_field(o, c.sicbl, QUOTE_ALWAYS);
	out_field(o, c.bua, QUOTE_ALWAYS);
	out_field(o, c.ruc, QUOTE_ALWAYS);
	out_field(o, c.oac, QUOTE_ALWAYS);
	if (grid) {
		struct geo_point g = geo_from_grid(p->east, p->north);

		out_fieldf(o, QUOTE_NEEDED, "%.6f", g.lat);
		out_fieldf(o, QUOTE_NEEDED, "%.6f", g.lon);
	} else {
		out_field(o, "99.999999", QUOTE_NEEDED);
		out_field(o, "0.000000", QUOTE_NEEDED);
	}
	out_field(o, c.lep1, QUOTE_ALWAYS);
	out_field(o, "", QUOTE_ALWAYS);
	out_field(o, c.pfa, QUOTE_ALWAYS);
	out_fieldf(o, QUOTE_NEEDED, "%u", 1u + rng_below(r, 32844));
	out_field(o, c.icb, QUOTE_ALWAYS);
	out_end_line(o, 1);
}

/*
 * The NSPL file: districts in every GB area, 3-8 sectors each, and the
 * units shared evenly over the sectors so the total is exact.
 */
static void make_postcodes(struct places *pl, const char *outdir, double scale)
{
	struct rng r = rng_for("postcodes"), rr = rng_for("postcode rows");
	size_t target = (size_t)llround(NATIONAL_POSTCODES * scale), sectors = 0, k, done = 0;
	size_t sector_index = 0;
	unsigned short units[400];
	struct out o;
	char *dir = joined(outdir, "postcodes");

	if (target < 50)
		target = 50;
	make_districts(pl, &r);
	for (k = 0; k < pl->district_count; k++)
		sectors += (size_t)pl->districts[k].sector_count;
	pl->postcodes = grow(NULL, target * sizeof(*pl->postcodes));
	pl->live_england = grow(NULL, target * sizeof(*pl->live_england));
	out_open(&o, dir, "NSPL21_MAY_2025_UK.csv", KIND_POSTCODES, "\r\n");
	out_header(&o, nspl_header, COUNT(nspl_header), QUOTE_NEEDED);
	for (k = 0; k < pl->district_count; k++) {
		const struct district *d = &pl->districts[k];
		double spread = areas[d->area].radius_km * 60.0 + 400.0;
		int s;

		for (s = 0; s < d->sector_count; s++, sector_index++) {
			size_t want = target * (sector_index + 1) / sectors - target * sector_index /
				      sectors;
			double se, sn;
			int u;

			if (want > 400)
				want = 400;
			rng_disc(&r, spread, &se, &sn);
			se += d->east;
			sn += d->north;
			sector_units(&r, (int)want, units);
			for (u = 0; u < (int)want && done < target; u++) {
				struct postcode *p = &pl->postcodes[done];
				double ue, un;

				memset(p, 0, sizeof(*p));
				snprintf(p->pcds, sizeof(p->pcds), "%s %c%c%c", d->outcode,
					 (char)('0' + d->sectors[s] % 10), unit_letters[units[u] / 20],
					 unit_letters[units[u] % 20]);
				p->area = d->area;
				p->district = (unsigned short)k;
				p->sector = d->sectors[s];
				p->serial = (unsigned)done;
				rng_disc(&r, 250.0, &ue, &un);
				p->east = (int)clamp(se + ue, 85000, 655000);
				p->north = (int)clamp(sn + un, 8000, 1218000);
				if (rng_chance(&r, 0.03))
					p->flags |= PC_TERMINATED;
				if (done % 5000 == 1777)
					p->flags |= PC_NO_GRID;
				if (rng_chance(&r, 0.02))
					p->flags |= PC_LARGE_USER;
				write_postcode(&o, &rr, p);
				if (!(p->flags & (PC_TERMINATED | PC_NO_GRID | PC_LARGE_USER)) &&
				    country_of(p) == 'E')
					pl->live_england[pl->live_count++] = (unsigned)done;
				done++;
			}
		}
	}
	pl->count = done;
	out_close(&o);
	free(dir);
	if (pl->live_count == 0)
		die("no live English postcodes were generated; use a larger --scale");
}

static const struct postcode *random_place(const struct places *pl, struct rng *r)
{
	return &pl->postcodes[pl->live_england[rng_below(r, (unsigned)pl->live_count)]];
}

/* A street address: "12 Oakwood Road". */
static void street(struct rng *r, char *out, size_t n)
{
	const char *w = rng_chance(r, 0.5) ? PICK(r, surnames) : PICK(r, place_words);

	if (rng_chance(r, 0.7))
		snprintf(out, n, "%d %s %s", rng_between(r, 1, 240), w, PICK(r, street_kinds));
	else
		snprintf(out, n, "%s %s", w, PICK(r, street_kinds));
}

static void phone(struct rng *r, char *out, size_t n)
{
	snprintf(out, n, "01%03u %06u", rng_below(r, 1000), rng_below(r, 1000000));
}

/* --- GIAS establishments ------------------------------------------------------------ */

static const char gias_header[] =
	"\"URN\",\"LA (code)\",\"LA (name)\",\"EstablishmentNumber\",\"EstablishmentName\","
	"\"TypeOfEstablishment (code)\",\"TypeOfEstablishment (name)\","
	"\"EstablishmentTypeGroup (code)\",\"EstablishmentTypeGroup (name)\","
	"\"EstablishmentStatus (code)\",\"EstablishmentStatus (name)\","
	"\"ReasonEstablishmentOpened (code)\",\"ReasonEstablishmentOpened (name)\",\"OpenDate\","
	"\"ReasonEstablishmentClosed (code)\",\"ReasonEstablishmentClosed (name)\",\"CloseDate\","
	"\"PhaseOfEducation (code)\",\"PhaseOfEducation (name)\",\"StatutoryLowAge\","
	"\"StatutoryHighAge\",\"Boarders (code)\",\"Boarders (name)\",\"NurseryProvision (name)\","
	"\"OfficialSixthForm (code)\",\"OfficialSixthForm (name)\",\"Gender (code)\","
	"\"Gender (name)\",\"ReligiousCharacter (code)\",\"ReligiousCharacter (name)\","
	"\"ReligiousEthos (name)\",\"Diocese (code)\",\"Diocese (name)\","
	"\"AdmissionsPolicy (code)\",\"AdmissionsPolicy (name)\",\"SchoolCapacity\","
	"\"SpecialClasses (code)\",\"SpecialClasses (name)\",\"CensusDate\",\"NumberOfPupils\","
	"\"NumberOfBoys\",\"NumberOfGirls\",\"PercentageFSM\",\"TrustSchoolFlag (code)\","
	"\"TrustSchoolFlag (name)\",\"Trusts (code)\",\"Trusts (name)\","
	"\"SchoolSponsorFlag (name)\",\"SchoolSponsors (name)\",\"FederationFlag (name)\","
	"\"Federations (code)\",\"Federations (name)\",\"UKPRN\",\"FEHEIdentifier\","
	"\"FurtherEducationType (name)\",\"OfstedLastInsp\",\"OfstedSpecialMeasures (code)\","
	"\"OfstedSpecialMeasures (name)\",\"LastChangedDate\",\"Street\",\"Locality\",\"Address3\","
	"\"Town\",\"County (name)\",\"Postcode\",\"SchoolWebsite\",\"TelephoneNum\","
	"\"HeadTitle (name)\",\"HeadFirstName\",\"HeadLastName\",\"HeadPreferredJobTitle\","
	"\"InspectorateName (name)\",\"InspectorateReport\",\"DateOfLastInspectionVisit\","
	"\"NextInspectionVisit\",\"TeenMoth (name)\",\"TeenMothPlaces\",\"CCF (name)\","
	"\"SENPRU (name)\",\"EBD (name)\",\"PlacesPRU\",\"FTProv (name)\",\"EdByOther (name)\","
	"\"Section41Approved (name)\",\"SEN1 (name)\",\"SEN2 (name)\",\"SEN3 (name)\","
	"\"SEN4 (name)\",\"SEN5 (name)\",\"SEN6 (name)\",\"SEN7 (name)\",\"SEN8 (name)\","
	"\"SEN9 (name)\",\"SEN10 (name)\",\"SEN11 (name)\",\"SEN12 (name)\",\"SEN13 (name)\","
	"\"TypeOfResourcedProvision (name)\",\"ResourcedProvisionOnRoll\","
	"\"ResourcedProvisionCapacity\",\"SenUnitOnRoll\",\"SenUnitCapacity\",\"GOR (code)\","
	"\"GOR (name)\",\"DistrictAdministrative (code)\",\"DistrictAdministrative (name)\","
	"\"AdministrativeWard (code)\",\"AdministrativeWard (name)\","
	"\"ParliamentaryConstituency (code)\",\"ParliamentaryConstituency (name)\","
	"\"UrbanRural (code)\",\"UrbanRural (name)\",\"GSSLACode (name)\",\"Easting\",\"Northing\","
	"\"CensusAreaStatisticWard (name)\",\"MSOA (name)\",\"LSOA (name)\",\"Inspectorate (name)\","
	"\"SENStat\",\"SENNoStat\",\"BoardingEstablishment (name)\",\"PropsName\","
	"\"PreviousLA (code)\",\"PreviousLA (name)\",\"PreviousEstablishmentNumber\","
	"\"OfstedRating (name)\",\"RSCRegion (name)\",\"Country (name)\",\"UPRN\",\"SiteName\","
	"\"MSOA (code)\",\"LSOA (code)\"";

struct school_type {
	const char *code, *name, *group_code, *group_name;
};

static const struct school_type school_types[] = {
	{ "01", "Community school", "4", "Local authority maintained schools" },
	{ "02", "Voluntary aided school", "4", "Local authority maintained schools" },
	{ "03", "Voluntary controlled school", "4", "Local authority maintained schools" },
	{ "05", "Foundation school", "4", "Local authority maintained schools" },
	{ "28", "Academy sponsor led", "10", "Academies" },
	{ "34", "Academy converter", "10", "Academies" },
	{ "35", "Free schools", "11", "Free Schools" },
	{ "11", "Other independent school", "3", "Independent schools" },
	{ "07", "Community special school", "5", "Special schools" },
	{ "33", "Academy special sponsor led", "10", "Academies" },
	{ "14", "Pupil referral unit", "4", "Local authority maintained schools" },
	{ "15", "Local authority nursery school", "4", "Local authority maintained schools" },
	{ "18", "Further education", "1", "Colleges" },
	{ "29", "Higher education institutions", "2", "Universities" },
	{ "40", "Free schools 16 to 19", "11", "Free Schools" },
	{ "46", "Academy 16 to 19 sponsor led", "10", "Academies" },
};

enum { T_COMMUNITY, T_VA, T_VC, T_FOUNDATION, T_SPONSOR, T_CONVERTER, T_FREE, T_INDEPENDENT,
       T_SPECIAL, T_ACADEMY_SPECIAL, T_PRU, T_NURSERY, T_FE, T_HE, T_FREE_16_19,
       T_ACADEMY_16_19 };

struct phase {
	const char *code, *name, *suffix;
	int low, high;
};

static const struct phase phases[] = {
	{ "0", "Not applicable", "School", 5, 16 },
	{ "1", "Nursery", "Nursery School", 2, 5 },
	{ "2", "Primary", "Primary School", 4, 11 },
	{ "4", "Secondary", "Academy", 11, 16 },
	{ "6", "16 plus", "Sixth Form College", 16, 19 },
	{ "7", "All-through", "School", 4, 18 },
};

enum { P_NONE, P_NURSERY, P_PRIMARY, P_SECONDARY, P_16_PLUS, P_ALL_THROUGH };

/* A college's UKPRN and main site, for the course directory to reuse. */
struct college {
	char ukprn[9];
	char name[160];
	unsigned postcode;	/* index in places.postcodes */
};

struct colleges {
	struct college *list;
	size_t count;
};

static void q(struct out *o, const char *s)
{
	out_field(o, s, QUOTE_ALWAYS);
}

static void qf(struct out *o, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

static void qf(struct out *o, const char *fmt, ...)
{
	char s[256];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(s, sizeof(s), fmt, ap);
	va_end(ap);
	out_field(o, s, QUOTE_ALWAYS);
}

/* A number left unquoted, as GIAS writes its numeric columns ("" when blank). */
static void num(struct out *o, long long v, int present)
{
	if (present)
		out_fieldf(o, QUOTE_NEEDED, "%lld", v);
	else
		q(o, "");
}

static void na(struct out *o, int n)
{
	while (n-- > 0)
		q(o, "Not applicable");
}

static void blanks(struct out *o, int n)
{
	while (n-- > 0)
		q(o, "");
}

static void dmy(struct rng *r, int from_year, int to_year, char out[11])
{
	snprintf(out, 11, "%02d-%02d-%04d", rng_between(r, 1, 28), rng_between(r, 1, 12),
		 rng_between(r, from_year, to_year));
}

static void choose_school(struct rng *r, int *type, int *phase)
{
	unsigned x = rng_below(r, 1000);

	if (x < 10) {
		*type = T_FE;
		*phase = P_16_PLUS;
	} else if (x < 12) {
		*type = T_HE;
		*phase = P_NONE;
	} else if (x < 20) {
		*type = rng_chance(r, 0.5) ? T_FREE_16_19 : T_ACADEMY_16_19;
		*phase = P_16_PLUS;
	} else if (x < 100) {
		*type = T_INDEPENDENT;
		*phase = rng_chance(r, 0.5) ? P_NONE : P_ALL_THROUGH;
	} else if (x < 150) {
		*type = rng_chance(r, 0.5) ? T_SPECIAL : T_ACADEMY_SPECIAL;
		*phase = P_NONE;
	} else if (x < 165) {
		*type = T_PRU;
		*phase = P_NONE;
	} else if (x < 180) {
		*type = T_NURSERY;
		*phase = P_NURSERY;
	} else if (x < 320) {
		*type = rng_chance(r, 0.8) ? T_CONVERTER : rng_chance(r, 0.5) ? T_SPONSOR : T_FREE;
		*phase = rng_chance(r, 0.08) ? P_ALL_THROUGH : P_SECONDARY;
	} else {
		static const int maintained[] = { T_COMMUNITY, T_COMMUNITY, T_VA, T_VC,
						  T_FOUNDATION, T_CONVERTER, T_SPONSOR };

		*type = PICK(r, maintained);
		*phase = P_PRIMARY;
	}
}

static void school_name(struct rng *r, const struct postcode *p, int type, int phase,
			char *out, size_t n)
{
	const char *place = rng_chance(r, 0.4) ? areas[p->area].town : PICK(r, place_words);

	if (type == T_FE)
		snprintf(out, n, "%s College", areas[p->area].town);
	else if (type == T_HE)
		snprintf(out, n, "University of %s", areas[p->area].town);
	else if (type == T_SPECIAL || type == T_ACADEMY_SPECIAL)
		snprintf(out, n, "%s Special School", place);
	else if (type == T_PRU)
		snprintf(out, n, "%s Pupil Referral Unit", place);
	else if (type == T_VA || type == T_VC)
		snprintf(out, n, "%s %s Primary School", place,
			 rng_chance(r, 0.6) ? "Church of England" : "Catholic");
	else if (phase == P_SECONDARY && rng_chance(r, 0.4))
		snprintf(out, n, "%s High School", place);
	else
		snprintf(out, n, "%s %s", place, phases[phase].suffix);
}

static void write_school(struct out *o, struct rng *r, const struct places *pl, unsigned urn,
			 struct colleges *colleges)
{
	int type, phase, open, sixth, low, high, has_ukprn, capacity, pupils;
	const struct postcode *p = random_place(pl, r);
	const struct school_type *t;
	const struct region *reg = region_of(p);
	struct codes c;
	char name[160], lad[96], addr[96], date[11], ukprn[9] = "";

	choose_school(r, &type, &phase);
	t = &school_types[type];
	codes_for(p, &c);
	lad_name(p, lad, sizeof(lad));
	school_name(r, p, type, phase, name, sizeof(name));
	open = !rng_chance(r, 0.1);
	low = phases[phase].low;
	high = phases[phase].high;
	sixth = phase == P_16_PLUS || phase == P_ALL_THROUGH ||
		(phase == P_SECONDARY && rng_chance(r, 0.45));
	if (sixth && phase == P_SECONDARY)
		high = 18;
	has_ukprn = type == T_FE || type == T_HE || phase != P_PRIMARY || rng_chance(r, 0.6);
	if (has_ukprn)
		snprintf(ukprn, sizeof(ukprn), "%u", 10000000u + urn);
	if (type == T_FE && open && colleges) {
		struct college *col;

		colleges->list = grow(colleges->list, (colleges->count + 1) * sizeof(*col));
		col = &colleges->list[colleges->count++];
		snprintf(col->ukprn, sizeof(col->ukprn), "%s", ukprn);
		snprintf(col->name, sizeof(col->name), "%s", name);
		col->postcode = p->serial;
	}
	capacity = phase == P_PRIMARY ? rng_between(r, 60, 630) : rng_between(r, 300, 2100);
	pupils = capacity * rng_between(r, 70, 110) / 100;

	num(o, urn, 1);
	qf(o, "%03u", 201u + lad_number(p) % 700u);
	q(o, lad);
	qf(o, "%04d", rng_between(r, 1000, 7999));
	q(o, name);
	q(o, t->code);
	q(o, t->name);
	q(o, t->group_code);
	q(o, t->group_name);
	q(o, open ? "1" : "2");
	q(o, open ? "Open" : "Closed");
	q(o, "00");
	q(o, "Not applicable");
	q(o, "");
	q(o, open ? "00" : "10");
	q(o, open ? "Not applicable" : "Academy Converter");
	if (open) {
		q(o, "");
	} else {
		dmy(r, 2010, 2024, date);
		q(o, date);
	}
	q(o, phases[phase].code);
	q(o, phases[phase].name);
	num(o, low, 1);
	num(o, high, 1);
	q(o, "1");
	q(o, "No boarders");
	q(o, phase == P_NURSERY || rng_chance(r, 0.3) ? "Has Nursery Classes" :
	  "No Nursery Classes");
	q(o, sixth ? "1" : phase == P_PRIMARY ? "2" : "9");
	q(o, sixth ? "Has a sixth form" : phase == P_PRIMARY ? "Does not have a sixth form" :
	  "Not applicable");
	q(o, "3");
	q(o, "Mixed");
	if (type == T_VA || type == T_VC) {
		q(o, "02");
		q(o, "Church of England");
		q(o, "Does not apply");
		q(o, "CE23");
		q(o, "Diocese of London");
	} else {
		q(o, "00");
		q(o, "Does not apply");
		q(o, "Does not apply");
		q(o, "0000");
		q(o, "Not applicable");
	}
	q(o, phase == P_SECONDARY ? "4" : "0");
	q(o, phase == P_SECONDARY ? "Non-selective" : "Not applicable");
	num(o, capacity, 1);
	q(o, "2");
	q(o, "No Special Classes");
	q(o, "16-01-2025");
	qf(o, "%d", pupils);
	qf(o, "%d", pupils / 2);
	qf(o, "%d", pupils - pupils / 2);
	qf(o, "%.1f", rng_between(r, 20, 450) / 10.0);
	q(o, "0");
	q(o, "Not applicable");
	blanks(o, 2);
	q(o, "Not applicable");
	q(o, "");
	q(o, "Not under a federation");
	blanks(o, 2);
	if (has_ukprn)
		out_field(o, ukprn, QUOTE_NEEDED);
	else
		q(o, "");
	q(o, "");
	q(o, type == T_FE ? "General Further Education College" : "Not applicable");
	dmy(r, 2015, 2024, date);
	q(o, date);
	q(o, "0");
	q(o, "Not applicable");
	dmy(r, 2024, 2025, date);
	q(o, date);
	street(r, addr, sizeof(addr));
	q(o, addr);
	q(o, rng_chance(r, 0.3) ? PICK(r, place_words) : "");
	q(o, "");
	q(o, areas[p->area].town);
	q(o, areas[p->area].county);
	q(o, p->pcds);
	slug(name, addr, sizeof(addr));
	qf(o, "http://www.%s.sch.uk/", addr);
	phone(r, addr, sizeof(addr));
	q(o, addr);
	q(o, rng_chance(r, 0.5) ? "Mrs" : "Mr");
	q(o, PICK(r, first_names));
	q(o, PICK(r, surnames));
	q(o, "Headteacher");
	q(o, "Not applicable");
	blanks(o, 3);
	q(o, "Not applicable");
	q(o, "");
	na(o, 3);
	blanks(o, 2);
	na(o, 2);
	blanks(o, 18);
	q(o, reg->gor_code);
	q(o, reg->name);
	q(o, c.lad);
	q(o, lad);
	q(o, c.ward);
	qf(o, "%s %s", PICK(r, place_words), rng_chance(r, 0.5) ? "Ward" : "and District");
	q(o, c.pcon);
	qf(o, "%s %s", areas[p->area].town, rng_chance(r, 0.5) ? "Central" : "East");
	q(o, c.ruc[0] == 'U' ? "C1" : "E1");
	q(o, c.ruc[0] == 'U' ? "Urban city and town" : "Rural village");
	q(o, c.lad);
	num(o, p->east + rng_between(r, -30, 30), 1);
	num(o, p->north + rng_between(r, -30, 30), 1);
	q(o, "");
	qf(o, "%s %03u", lad, p->serial / 200u % 1000u);
	qf(o, "%s %03u%c", lad, p->serial / 200u % 1000u, 'A' + (int)(p->serial / 40u % 5u));
	blanks(o, 5);
	q(o, "999");
	blanks(o, 2);
	q(o, open ? PICK(r, ((const char *const[]){ "Good", "Outstanding", "Requires improvement",
						      "Good", "Inadequate" })) : "");
	q(o, reg->name);
	q(o, "");
	qf(o, "%u", 100000000u + rng_below(r, 900000000));
	q(o, "");
	q(o, c.msoa);
	q(o, c.lsoa);
	out_end_line(o, 1);
}

static void make_schools(const struct places *pl, const char *outdir, double scale,
			 struct colleges *colleges)
{
	struct rng r = rng_for("schools");
	size_t n = (size_t)llround(NATIONAL_SCHOOLS * scale), i;
	unsigned urn = 100000;
	struct out o;
	char *dir = joined(outdir, "schools");

	if (n < 5)
		n = 5;
	out_open(&o, dir, "edubasealldata20250501.csv", KIND_SCHOOLS, "\r\n");
	o.latin1 = 1;
	buf_puts(&o.line, gias_header);
	out_end_line(&o, 0);
	for (i = 0; i < n; i++) {
		urn += 1u + rng_below(&r, 3);
		write_school(&o, &r, pl, urn, colleges);
	}
	out_close(&o);
	free(dir);
}

/* --- apprenticeship standards (IfATE download CSV) ------------------------------------ */

struct route {
	const char *name;
	const char *roles[5];
};

static const struct route routes[] = {
	{ "Agriculture, environmental and animal care",
	  { "Animal care and welfare assistant", "Arborist", "Crop technician", "Game keeper",
	    "Landscape operative" } },
	{ "Business and administration",
	  { "Business administrator", "Customer service practitioner", "HR support",
	    "Operations departmental manager", "Project manager" } },
	{ "Care services",
	  { "Adult care worker", "Lead practitioner in adult care", "Children, young people and "
	    "families practitioner", "Youth worker", "Residential childcare worker" } },
	{ "Catering and hospitality",
	  { "Commis chef", "Chef de partie", "Hospitality team member", "Hospitality supervisor",
	    "Production chef" } },
	{ "Construction and the built environment",
	  { "Bricklayer", "Carpentry and joinery", "Plumbing and domestic heating technician",
	    "Installation electrician", "Civil engineering technician" } },
	{ "Creative and design",
	  { "Junior content producer", "Broadcast production assistant", "Creative venue "
	    "technician", "Props technician", "Photographic assistant" } },
	{ "Digital",
	  { "Software developer", "Network engineer", "Data analyst", "Cyber security "
	    "technologist", "Digital support technician" } },
	{ "Education and early years",
	  { "Early years educator", "Teaching assistant", "Learning and skills teacher",
	    "Early years practitioner", "Assessor coach" } },
	{ "Engineering and manufacturing",
	  { "Engineering technician", "Maintenance and operations engineering technician",
	    "Welder", "Mechatronics maintenance technician", "Food and drink process operator" } },
	{ "Hair and beauty",
	  { "Hair professional", "Beauty therapist", "Barber", "Nail services technician",
	    "Beauty and make-up consultant" } },
	{ "Health and science",
	  { "Healthcare support worker", "Laboratory technician", "Pharmacy services assistant",
	    "Dental nurse", "Registered nurse degree" } },
	{ "Legal, finance and accounting",
	  { "Accounts or finance assistant", "Assistant accountant", "Paralegal",
	    "Financial services administrator", "Insurance practitioner" } },
	{ "Protective services",
	  { "Operational firefighter", "Police constable", "Custody and detention officer",
	    "Security first line manager", "Armourer" } },
	{ "Sales, marketing and procurement",
	  { "Retailer", "Multi-channel marketer", "Procurement and supply assistant",
	    "Sales executive", "Retail team leader" } },
	{ "Transport and logistics",
	  { "Large goods vehicle driver", "Supply chain warehouse operative", "Bus and coach "
	    "engineering technician", "Rail engineering operative", "Aviation ground operative" } },
};

static const char *const role_qualifiers[] = {
	"", "Senior ", "Assistant ", "Advanced ", "Lead ", "Principal ", "Junior ", "Higher ",
	"Specialist ",
};

struct standard {
	char title[128];
	const char *route;
	int level, lars;
};

static void standard_at(int i, struct standard *s)
{
	int roles = (int)(COUNT(routes) * 5);
	int base = i % roles, qual = i / roles % (int)COUNT(role_qualifiers);
	const struct route *rt = &routes[base / 5];
	const char *role = rt->roles[base % 5];
	const char *prefix = role_qualifiers[qual];

	if (*prefix)
		snprintf(s->title, sizeof(s->title), "%s%c%s", prefix,
			 (char)(role[0] | 0x20), role + 1);
	else
		snprintf(s->title, sizeof(s->title), "%s", role);
	s->route = rt->name;
	s->level = 2 + (base * 7 + qual * 3) % 6;
	s->lars = i + 1;
}

static void make_standards(const char *outdir)
{
	static const char *const header[] = {
		"Name", " Reference", " Standard Approved", " Assessment Plan Approved",
		" Approved for Delivery Date", " Route", " Level", " Integrated Degree",
		" Maximum Funding (£)", " Funding Band", " Typical Duration", " Trailblazer Contact",
		" LARS code for providers only", " Link",
	};
	struct rng r = rng_for("standards");
	struct out o;
	char *dir = joined(outdir, "standards"), date[11], site[160];
	int i;
	size_t k;

	out_open(&o, dir, "ApprenticeshipStandards.csv", KIND_STANDARDS, "\n");
	buf_puts(&o.line, "Apprenticeship Standards accurate as of 01 May 2025");
	out_end_line(&o, 0);
	for (k = 0; k < COUNT(header); k++) {
		if (k)
			buf_putc(&o.line, ',');
		buf_puts(&o.line, header[k]);
	}
	out_end_line(&o, 0);
	for (i = 0; i < STANDARDS; i++) {
		struct standard s;
		int approved = rng_chance(&r, 0.9), band = rng_between(&r, 1, 30);
		const char *note = rng_chance(&r, 0.04) ? " (decommissioned)" : "";

		standard_at(i, &s);
		slug(s.title, site, sizeof(site));
		out_fieldf(&o, QUOTE_NEEDED, "%s%s", s.title, note);
		out_fieldf(&o, QUOTE_NEEDED, "ST%04d", i + 1);
		out_field(&o, "Y", QUOTE_NEEDED);
		out_field(&o, approved ? "Y" : "N", QUOTE_NEEDED);
		if (approved) {
			dmy(&r, 2014, 2024, date);
			out_field(&o, date, QUOTE_NEEDED);
		} else {
			out_field(&o, "", QUOTE_NEEDED);
		}
		out_field(&o, s.route, QUOTE_NEEDED);
		out_fieldf(&o, QUOTE_NEEDED, "%d", s.level);
		out_field(&o, s.level >= 6 && rng_chance(&r, 0.5) ? "Integrated Degree" : "",
			  QUOTE_NEEDED);
		out_fieldf(&o, QUOTE_NEEDED, "%d", band * 1000 + 2000);
		out_fieldf(&o, QUOTE_NEEDED, "%d", band);
		out_fieldf(&o, QUOTE_NEEDED, "%d", rng_between(&r, 12, 48));
		out_fieldf(&o, QUOTE_NEEDED, "trailblazer.st%04d@example.org.uk", i + 1);
		out_fieldf(&o, QUOTE_NEEDED, "%d", s.lars);
		out_fieldf(&o, QUOTE_NEEDED,
			   "https://www.instituteforapprenticeships.org/apprenticeship-standards/%s/",
			   site);
		out_end_line(&o, 1);
	}
	out_close(&o);
	free(dir);
}

/* --- course directory bulk uploads ----------------------------------------------------- */

static const char *const course_header[] = {
	"LARS_QAN", "WHO_THIS_COURSE_IS_FOR", "ENTRY_REQUIREMENTS", "WHAT_YOU_WILL_LEARN",
	"HOW_YOU_WILL_LEARN", "WHAT_YOU_WILL_NEED_TO_BRING", "HOW_YOU_WILL_BE_ASSESSED",
	"WHERE_NEXT", "COURSE_NAME", "YOUR_REFERENCE", "DELIVERY_MODE", "START_DATE",
	"FLEXIBLE_START_DATE", "VENUE_NAME", "YOUR_VENUE_REFERENCE", "NATIONAL_DELIVERY",
	"SUB_REGION", "COURSE_WEBPAGE", "COST", "COST_DESCRIPTION", "DURATION", "DURATION_UNIT",
	"STUDY_MODE", "ATTENDANCE_PATTERN",
};

static const char *const venue_header[] = {
	"YOUR_VENUE_REFERENCE", "VENUE_NAME", "ADDRESS_LINE_1", "ADDRESS_LINE_2", "TOWN_OR_CITY",
	"COUNTY", "POSTCODE", "EMAIL", "PHONE", "WEBSITE",
};

static const char *const course_subjects[] = {
	"Engineering", "Electrical Installation", "Plumbing", "Carpentry and Joinery",
	"Bricklaying", "Motor Vehicle Maintenance", "Hairdressing", "Beauty Therapy",
	"Professional Cookery", "Health and Social Care", "Childcare", "Business",
	"Accounting", "Information Technology", "Computing", "Creative Media Production",
	"Art and Design", "Music Technology", "Performing Arts", "Sport", "Public Services",
	"Travel and Tourism", "Animal Management", "Horticulture", "Applied Science",
	"Construction", "Digital Marketing", "Counselling", "Teaching Assistants",
	"Customer Service", "Retail", "Warehousing", "Fashion and Textiles", "Photography",
};

static const char *const course_kinds[] = {
	"Level %d Diploma in %s", "Level %d Extended Diploma in %s", "Level %d Certificate in %s",
	"Level %d Award in %s", "Level %d Technical Certificate in %s",
	"Level %d Foundation Diploma in %s", "Level %d NVQ Diploma in %s",
};

static const char *const sub_regions[] = {
	"Doncaster;Rotherham;Sheffield", "Leeds;Bradford", "Birmingham;Solihull",
	"Greater Manchester", "Kent;Medway", "Cornwall and Isles of Scilly", "Hampshire",
	"Essex;Thurrock;Southend-on-Sea", "Cumbria", "Tees Valley",
};

struct venue {
	char ref[16], name[256];
};

static void course_title(struct rng *r, struct buf *b)
{
	unsigned x = rng_below(r, 100);
	const char *subject = PICK(r, course_subjects);
	int level = rng_between(r, 1, 3);

	buf_clear(b);
	if (x < 8)
		buf_printf(b, "GCSE %s", rng_chance(r, 0.5) ? "English Language" : "Mathematics");
	else if (x < 14)
		buf_printf(b, "A level %s", subject);
	else if (x < 18)
		buf_printf(b, "Access to HE Diploma (%s)", subject);
	else if (x < 22)
		buf_printf(b, "Functional Skills %s Entry Level 3",
			   rng_chance(r, 0.5) ? "English" : "Maths");
	else if (x < 25)
		buf_printf(b, "T Level in %s", subject);
	else if (x < 30)
		buf_printf(b, "Higher National %s in %s", rng_chance(r, 0.5) ? "Certificate" :
			   "Diploma", subject);
	else
		buf_printf(b, PICK(r, course_kinds), level, subject);
	if (x >= 30 && rng_chance(r, 0.1))
		buf_puts(b, " (part-time, evenings)");
}

static void write_venue(struct out *o, struct rng *r, const struct places *pl,
			const struct venue *v, const struct postcode *at, const char *site)
{
	const struct postcode *p = at ? at : random_place(pl, r);
	char addr[96], tel[32];

	street(r, addr, sizeof(addr));
	phone(r, tel, sizeof(tel));
	out_field(o, v->ref, QUOTE_NEEDED);
	out_field(o, v->name, QUOTE_NEEDED);
	out_field(o, addr, QUOTE_NEEDED);
	out_field(o, rng_chance(r, 0.3) ? PICK(r, place_words) : "", QUOTE_NEEDED);
	out_field(o, areas[p->area].town, QUOTE_NEEDED);
	out_field(o, areas[p->area].county, QUOTE_NEEDED);
	out_field(o, p->pcds, QUOTE_NEEDED);
	out_fieldf(o, QUOTE_NEEDED, "enquiries@%s.ac.uk", site);
	out_field(o, tel, QUOTE_NEEDED);
	out_fieldf(o, QUOTE_NEEDED, "https://www.%s.ac.uk/", site);
	out_end_line(o, 1);
}

struct course_texts {
	struct buf title, who, entry, learn, how, bring, assess, next;
};

static void write_course(struct out *o, struct rng *r, const struct venue *venues,
			 int venue_count, const char *site, unsigned serial, struct course_texts *t)
{
	static const char *const units[] = { "Years", "Months", "Weeks", "Days", "Hours" };
	unsigned mode = rng_below(r, 100);
	const char *delivery = mode < 70 ? "Classroom based" : mode < 82 ? "Online" :
			       mode < 94 ? "Work based" : "Blended learning";
	int classroom = mode < 70 || mode >= 94, work = mode >= 82 && mode < 94;
	int full_time = classroom && rng_chance(r, 0.5), national = work && rng_chance(r, 0.4);
	const struct venue *v = classroom ? &venues[rng_below(r, (unsigned)venue_count)] : NULL;
	const char *unit = full_time ? "Years" : PICK(r, units);
	char start[11];

	course_title(r, &t->title);
	who_for(r, &t->who, (size_t)rng_between(r, 150, 450));
	SENTENCES(r, &t->entry, entry_sentences, (size_t)rng_between(r, 60, 250));
	prose(r, &t->learn, (size_t)rng_between(r, 250, 700));
	SENTENCES(r, &t->how, how_sentences, (size_t)rng_between(r, 0, 200));
	SENTENCES(r, &t->bring, bring_sentences, (size_t)(rng_chance(r, 0.4) ? 0 :
							       rng_between(r, 40, 160)));
	SENTENCES(r, &t->assess, assess_sentences, (size_t)rng_between(r, 50, 220));
	SENTENCES(r, &t->next, next_sentences, (size_t)rng_between(r, 50, 220));
	snprintf(start, sizeof(start), "%02d/%02d/%04d", rng_chance(r, 0.7) ? 1 :
		 rng_between(r, 1, 28), rng_chance(r, 0.7) ? 9 : rng_between(r, 1, 12),
		 rng_between(r, today_year, today_year + 1));

	out_fieldf(o, QUOTE_NEEDED, "%u%07u", rng_chance(r, 0.8) ? 6u : 5u,
		   rng_below(r, 10000000));
	out_field(o, t->who.p, QUOTE_NEEDED);
	out_field(o, t->entry.p, QUOTE_NEEDED);
	out_field(o, t->learn.p, QUOTE_NEEDED);
	out_field(o, t->how.p, QUOTE_NEEDED);
	out_field(o, t->bring.p, QUOTE_NEEDED);
	out_field(o, t->assess.p, QUOTE_NEEDED);
	out_field(o, t->next.p, QUOTE_NEEDED);
	out_field(o, t->title.p, QUOTE_NEEDED);
	out_fieldf(o, QUOTE_NEEDED, "CR%06u", serial);
	out_field(o, delivery, QUOTE_NEEDED);
	out_field(o, rng_chance(r, 0.1) ? "" : start, QUOTE_NEEDED);
	out_field(o, rng_chance(r, 0.1) ? "Yes" : "No", QUOTE_NEEDED);
	out_field(o, v ? v->name : "", QUOTE_NEEDED);
	out_field(o, v ? v->ref : "", QUOTE_NEEDED);
	out_field(o, work ? national ? "Yes" : "No" : "", QUOTE_NEEDED);
	out_field(o, work && !national ? PICK(r, sub_regions) : "", QUOTE_NEEDED);
	out_fieldf(o, QUOTE_NEEDED, "https://www.%s.ac.uk/courses/cr%06u", site, serial);
	if (rng_chance(r, 0.4))
		out_field(o, "", QUOTE_NEEDED);
	else
		out_fieldf(o, QUOTE_NEEDED, "%d.%02d", rng_between(r, 50, 9000),
			   rng_chance(r, 0.8) ? 0 : 50);
	out_field(o, rng_chance(r, 0.5) ? "Free for 16 to 18 year olds. Adults aged 19+ may be "
		  "eligible for funding; otherwise the fee is payable in instalments (£50 deposit)." :
		  "", QUOTE_NEEDED);
	out_fieldf(o, QUOTE_NEEDED, "%d", full_time ? rng_between(r, 1, 2) : rng_between(r, 1, 36));
	out_field(o, unit, QUOTE_NEEDED);
	out_field(o, classroom ? full_time ? "Full time" : "Part time" : "Flexible", QUOTE_NEEDED);
	out_field(o, !classroom ? "" : full_time ? "Daytime" :
		  PICK(r, ((const char *const[]){ "Daytime", "Evening", "Weekend",
						  "Day/Block release" })), QUOTE_NEEDED);
	out_end_line(o, 1);
}

static void course_texts_free(struct course_texts *t)
{
	free(t->title.p);
	free(t->who.p);
	free(t->entry.p);
	free(t->learn.p);
	free(t->how.p);
	free(t->bring.p);
	free(t->assess.p);
	free(t->next.p);
}

/* Courses per provider: a few large colleges, many small training providers. */
static size_t *course_shares(struct rng *r, size_t providers, size_t courses)
{
	double *w = grow(NULL, providers * sizeof(*w)), total = 0, run = 0;
	size_t *n = grow(NULL, providers * sizeof(*n)), i, given = 0;

	for (i = 0; i < providers; i++) {
		w[i] = i % 4 == 0 ? 8.0 + 25.0 * rng_unit(r) : 1.0 + 4.0 * rng_unit(r);
		total += w[i];
	}
	for (i = 0; i < providers; i++) {
		size_t upto;

		run += w[i];
		upto = (size_t)llround(courses * run / total);
		n[i] = upto - given;
		given = upto;
	}
	free(w);
	return n;
}

static void make_courses(const struct places *pl, const struct colleges *colleges,
			 const char *outdir, double scale)
{
	struct rng r = rng_for("courses");
	size_t providers = (size_t)llround(NATIONAL_PROVIDERS * scale);
	size_t courses = (size_t)llround(NATIONAL_COURSES * scale), i, used_colleges = 0;
	size_t *shares;
	struct course_texts texts;
	char *root = joined(outdir, "courses");
	unsigned serial = 0;

	if (providers < 2)
		providers = 2;
	if (courses < providers)
		courses = providers;
	shares = course_shares(&r, providers, courses);
	memset(&texts, 0, sizeof(texts));
	for (i = 0; i < providers; i++) {
		struct venue venues[8];
		const struct postcode *main_site = NULL;
		char ukprn[9], site[64], name[160], *dir;
		int venue_count = i % 4 == 0 ? rng_between(&r, 2, 8) : rng_between(&r, 1, 3), k;
		struct out o;
		size_t c;

		if (i % 4 == 0 && used_colleges < colleges->count) {
			const struct college *col = &colleges->list[used_colleges++];

			snprintf(ukprn, sizeof(ukprn), "%s", col->ukprn);
			snprintf(name, sizeof(name), "%s", col->name);
			main_site = &pl->postcodes[col->postcode];
		} else {
			snprintf(ukprn, sizeof(ukprn), "1%07u", 9000000u + (unsigned)i * 37u % 999983u);
			snprintf(name, sizeof(name), "%s %s Training", PICK(&r, surnames),
				 PICK(&r, place_words));
		}
		slug(name, site, sizeof(site));
		dir = joined(root, ukprn);

		out_open(&o, dir, "venues.csv", KIND_VENUES, "\r\n");
		out_header(&o, venue_header, COUNT(venue_header), QUOTE_NEEDED);
		for (k = 0; k < venue_count; k++) {
			snprintf(venues[k].ref, sizeof(venues[k].ref), "V%s-%d", ukprn + 4, k + 1);
			if (k == 0)
				snprintf(venues[k].name, sizeof(venues[k].name), "%s Main Site", name);
			else
				snprintf(venues[k].name, sizeof(venues[k].name), "%s %s Centre",
					 name, PICK(&r, place_words));
			write_venue(&o, &r, pl, &venues[k], k == 0 ? main_site : NULL, site);
		}
		out_close(&o);

		out_open(&o, dir, "courses.csv", KIND_COURSES, "\r\n");
		out_header(&o, course_header, COUNT(course_header), QUOTE_NEEDED);
		for (c = 0; c < shares[i]; c++)
			write_course(&o, &r, venues, venue_count, site, ++serial, &texts);
		out_close(&o);
		free(dir);
	}
	course_texts_free(&texts);
	free(shares);
	free(root);
}

/* --- Find an apprenticeship vacancies (Display Advert API v2 pages) --------------------- */

static const char *const employer_kinds[] = {
	"Ltd", "Limited", "& Sons Ltd", "Group plc", "Engineering Ltd", "Care Homes",
	"Solutions Ltd", "Motors", "Construction Ltd", "NHS Foundation Trust", "Council",
	"Academy Trust", "Hair Studio", "Accountants LLP",
};

static const char *const wage_types[] = {
	"ApprenticeshipMinimum", "NationalMinimum", "Custom", "CompetitiveSalary",
};

static const char *const app_levels[] = {
	"Intermediate", "Intermediate", "Advanced", "Advanced", "Higher", "Higher", "Degree",
	"Degree",
};

/* Day `day` counted from 1 January 2025, as the API writes dates. */
static void iso_date(int day, char out[32])
{
	static const int month_days[] = { 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 };
	int year = 2025, month = 0;

	for (;;) {
		int len = month_days[month] + (month == 1 && year % 4 == 0);

		if (day < len)
			break;
		day -= len;
		if (++month == 12) {
			month = 0;
			year++;
		}
	}
	snprintf(out, 32, "%04u-%02u-%02uT00:00:00", (unsigned)year % 10000u,
		 (unsigned)(month + 1) % 100u, (unsigned)(day + 1) % 100u);
}

static void write_vacancy(struct buf *b, struct rng *r, const struct places *pl,
			  unsigned long number, struct buf *text)
{
	const struct postcode *p = random_place(pl, r);
	struct geo_point g = geo_from_grid(p->east, p->north);
	struct standard s;
	const char *wage = PICK(r, wage_types);
	char employer[128], site[128], ref[24], addr[96], posted[32], closing[32], start[32], title[192];
	int level, posted_day, closing_day, sites, in_words;

	standard_at((int)rng_below(r, STANDARDS), &s);
	level = s.level;
	snprintf(employer, sizeof(employer), "%s %s", PICK(r, surnames), PICK(r, employer_kinds));
	slug(employer, site, sizeof(site));
	snprintf(ref, sizeof(ref), "VAC%010lu", 1000000000UL + number);
	snprintf(title, sizeof(title), rng_chance(r, 0.5) ? "Apprentice %s" : "%s Apprenticeship",
		 s.title);
	street(r, addr, sizeof(addr));
	/* Posted in the two months up to today; most close after it, some before. */
	posted_day = today_day - rng_between(r, 0, 60);
	closing_day = posted_day + rng_between(r, 14, 90);
	iso_date(posted_day, posted);
	iso_date(closing_day, closing);
	iso_date(closing_day + rng_between(r, 14, 120), start);
	prose(r, text, (size_t)rng_between(r, 200, 600));

	buf_puts(b, "{\"title\":");
	buf_json(b, title);
	buf_puts(b, ",\"description\":");
	buf_json(b, text->p);
	buf_printf(b, ",\"numberOfPositions\":%d,\"postedDate\":\"%s\",\"closingDate\":\"%s\","
		   "\"startDate\":\"%s\",\"wage\":{\"wageType\":\"%s\",", rng_between(r, 1, 4),
		   posted, closing, start, wage);
	/* v2 adverts mostly give the pay only in words. */
	in_words = strcmp(wage, "CompetitiveSalary") != 0 && rng_chance(r, 0.6);
	if (strcmp(wage, "CompetitiveSalary") == 0 || in_words)
		buf_puts(b, "\"wageAmount\":null,");
	else
		buf_printf(b, "\"wageAmount\":%d.%02d,", rng_between(r, 12000, 26000),
			   rng_chance(r, 0.7) ? 0 : 48);
	buf_puts(b, "\"wageAmountLowerBound\":null,\"wageAmountUpperBound\":null,"
		    "\"wageAdditionalInformation\":");
	if (in_words && strcmp(wage, "ApprenticeshipMinimum") == 0) {
		buf_json(b, "National Minimum Wage for apprentices");
	} else if (in_words) {
		char words[64];

		snprintf(words, sizeof(words), "\xc2\xa3%d,%03d a year", rng_between(r, 12, 26),
			 rng_between(r, 0, 999));
		buf_json(b, words);
	} else {
		buf_json(b, rng_chance(r, 0.5) ? "Pay rises after the first year, subject to "
			 "progress." : NULL);
	}
	buf_puts(b, ",\"workingWeekDescription\":");
	buf_json(b, rng_chance(r, 0.6) ? "Monday to Friday, 8:30am to 4:30pm, with 30 minutes "
		 "for lunch." : "Shifts between 7am and 7pm, including some weekends.");
	buf_printf(b, ",\"wageUnit\":\"%s\"},\"hoursPerWeek\":%d.%d,\"expectedDuration\":"
		   "\"%d Months\",\"addresses\":[{\"addressLine1\":", rng_chance(r, 0.8) ?
		   "Annually" : "Weekly", rng_between(r, 30, 40), rng_chance(r, 0.7) ? 0 : 5,
		   rng_between(r, 12, 48));
	buf_json(b, addr);
	buf_puts(b, ",\"addressLine2\":");
	buf_json(b, rng_chance(r, 0.4) ? PICK(r, place_words) : NULL);
	buf_puts(b, ",\"addressLine3\":");
	buf_json(b, areas[p->area].town);
	buf_puts(b, ",\"addressLine4\":");
	buf_json(b, *areas[p->area].county ? areas[p->area].county : NULL);
	buf_puts(b, ",\"postcode\":");
	buf_json(b, p->pcds);
	buf_printf(b, ",\"latitude\":%.6f,\"longitude\":%.6f}", g.lat, g.lon);
	/* v2: an advert offered at several sites lists them all (15% here, up to 3). */
	for (sites = rng_chance(r, 0.15) ? rng_between(r, 1, 2) : 0; sites > 0; sites--) {
		const struct postcode *q = random_place(pl, r);
		struct geo_point h = geo_from_grid(q->east, q->north);

		street(r, addr, sizeof(addr));
		buf_puts(b, ",{\"addressLine1\":");
		buf_json(b, addr);
		buf_puts(b, ",\"addressLine2\":");
		buf_json(b, areas[q->area].town);
		buf_puts(b, ",\"postcode\":");
		buf_json(b, q->pcds);
		buf_printf(b, ",\"latitude\":%.6f,\"longitude\":%.6f}", h.lat, h.lon);
	}
	buf_puts(b, "],\"distance\":null,\"employerName\":");
	buf_json(b, employer);
	buf_printf(b, ",\"employerWebsiteUrl\":\"https://www.%s.co.uk\",\"employerContactName\":"
		   "null,\"employerContactPhone\":null,\"employerContactEmail\":null,"
		   "\"course\":{\"larsCode\":%d,\"title\":", site, s.lars);
	snprintf(title, sizeof(title), "%s (level %d)", s.title, level);
	buf_json(b, title);
	buf_printf(b, ",\"level\":%d,\"route\":", level);
	buf_json(b, s.route);
	buf_printf(b, "},\"apprenticeshipLevel\":\"%s\",\"providerName\":",
		   app_levels[level > 7 ? 7 : level]);
	snprintf(employer, sizeof(employer), "%s %s Training", PICK(r, surnames),
		 PICK(r, place_words));
	buf_json(b, employer);
	buf_printf(b, ",\"ukprn\":1%07u,\"isDisabilityConfident\":%s,\"vacancyUrl\":"
		   "\"https://www.findapprenticeship.service.gov.uk/apprenticeship/%s\","
		   "\"vacancyReference\":\"%s\",\"isNationalVacancy\":%s}",
		   rng_below(r, 10000000), rng_chance(r, 0.3) ? "true" : "false", ref, ref,
		   rng_chance(r, 0.03) ? "true" : "false");
}

static void make_vacancies(const struct places *pl, const char *outdir, double scale)
{
	struct rng r = rng_for("vacancies");
	size_t n = (size_t)llround(NATIONAL_VACANCIES * scale), pages, page, done = 0;
	struct buf b = { 0 }, text = { 0 };
	char *dir = joined(outdir, "vacancies");

	if (n < 3)
		n = 3;
	pages = (n + VACANCIES_PER_PAGE - 1) / VACANCIES_PER_PAGE;
	for (page = 1; page <= pages; page++) {
		struct out o;
		char name[64];
		size_t k, on_page = n - done < VACANCIES_PER_PAGE ? n - done : VACANCIES_PER_PAGE;

		snprintf(name, sizeof(name), "vacancies-page-%04zu.json", page);
		out_open(&o, dir, name, KIND_VACANCIES, "\n");
		buf_clear(&b);
		buf_puts(&b, "{\"vacancies\":[");
		for (k = 0; k < on_page; k++) {
			if (k)
				buf_putc(&b, ',');
			write_vacancy(&b, &r, pl, ++done, &text);
			o.tally->rows++;
		}
		buf_printf(&b, "],\"total\":%zu,\"totalFiltered\":%zu,\"totalPages\":%zu}\n", n, n,
			   pages);
		out_write(&o, b.p, b.len);
		out_close(&o);
	}
	free(b.p);
	free(text.p);
	free(dir);
}

/* --- ONS SOC 2020 volume 1 descriptions ------------------------------------------------- */

static const char *const major_titles[] = {
	"Managers, directors and senior officials", "Professional occupations",
	"Associate professional occupations", "Administrative and secretarial occupations",
	"Skilled trades occupations", "Caring, leisure and other service occupations",
	"Sales and customer service occupations", "Process, plant and machine operatives",
	"Elementary occupations",
};

/* Sub-major groups per major group (26 in all), four minor groups each. */
static const int sub_majors[] = { 2, 5, 5, 2, 4, 2, 2, 2, 2 };

static const char *const soc_fields[] = {
	"engineering", "health", "teaching", "business", "finance", "legal", "science",
	"information technology", "construction", "agriculture", "textiles", "printing",
	"food preparation", "transport", "security", "leisure", "sales", "administration",
	"care", "media", "design", "sport", "hospitality", "cleaning", "storage", "energy",
};

static const char *const soc_roles[] = {
	"managers", "professionals", "technicians", "assistants", "officers", "supervisors",
	"operatives", "workers", "associate professionals", "trades", "inspectors",
	"practitioners",
};

static void soc_title(unsigned code, char *out, size_t n)
{
	const char *field = soc_fields[code * 7u % COUNT(soc_fields)];
	const char *role = soc_roles[code * 5u % COUNT(soc_roles)];

	snprintf(out, n, "%c%s %s%s", (char)(field[0] & ~0x20), field + 1, role,
		 code % 11u == 0 ? " n.e.c." : "");
}

static const char *const soc_verbs[] = {
	"plan and organise", "carry out", "supervise", "inspect and maintain", "advise on",
	"co-ordinate", "check and record", "deliver",
};

/* A group description in the ONS manner, at least min_len bytes long. */
static void soc_prose(struct rng *r, struct buf *b, const char *title, size_t min_len)
{
	buf_clear(b);
	buf_printf(b, "%s %s work in %s, %s and %s.", title, PICK(r, soc_verbs), PICK(r, topics),
		   PICK(r, topics), PICK(r, topics));
	while (b->len < min_len)
		buf_printf(b, " They %s %s and %s, keep records and may %s staff who work in %s.",
			   PICK(r, soc_verbs), PICK(r, topics), PICK(r, topics), PICK(r, soc_verbs),
			   PICK(r, topics));
}

static void soc_row(struct out *o, const char *major, const char *sub, const char *minor,
		    const char *unit, const char *title, const char *within, const char *desc,
		    const char *entry, const char *tasks, const char *jobs)
{
	out_field(o, major, QUOTE_NEEDED);
	out_field(o, sub, QUOTE_NEEDED);
	out_field(o, minor, QUOTE_NEEDED);
	out_field(o, unit, QUOTE_NEEDED);
	out_field(o, title, QUOTE_NEEDED);
	out_field(o, within, QUOTE_NEEDED);
	out_field(o, desc, QUOTE_NEEDED);
	out_field(o, entry, QUOTE_NEEDED);
	out_field(o, tasks, QUOTE_NEEDED);
	out_field(o, jobs, QUOTE_NEEDED);
	out_end_line(o, 1);
}

static void soc_unit(struct out *o, struct rng *r, unsigned code, struct buf *desc,
		     struct buf *tasks, struct buf *jobs)
{
	char unit[8], title[128];
	int k, n = rng_between(r, 5, 9);

	snprintf(unit, sizeof(unit), "%u", code);
	soc_title(code, title, sizeof(title));
	soc_prose(r, desc, title, (size_t)rng_between(r, 250, 700));
	buf_clear(tasks);
	for (k = 0; k < n; k++)
		buf_printf(tasks, "%s~%s %s and %s", k ? "\n\n" : "",
			   PICK(r, ((const char *const[]){ "plans", "checks", "maintains",
							   "records", "advises on", "organises" })),
			   PICK(r, topics), PICK(r, topics));
	buf_clear(jobs);
	for (k = 0; k < n - 2; k++)
		buf_printf(jobs, "%s~%s%s %s", k ? "\n\n" : "", PICK(r, role_qualifiers),
			   soc_fields[(code * 3u + (unsigned)k) % COUNT(soc_fields)],
			   soc_roles[(code + (unsigned)k) % COUNT(soc_roles)]);
	soc_row(o, "<blank>", "<blank>", "<blank>", unit, title, "<blank>", desc->p,
		rng_chance(r, 0.1) ? "<blank>" : PICK(r, entry_sentences), tasks->p, jobs->p);
}

static void make_occupations(const char *outdir)
{
	static const char *const header[] = {
		"SOC\n2020 Major Group", "SOC\n2020 Sub-Major Group", "SOC\n2020 Minor Group",
		"SOC 2020 Unit Group", "SOC\n2020 \nGroup Title", "Groups Classified Within "
		"Sub-Groups ", "Group  Description", "Typical Entry Routes And Associated "
		"Qualifications", "Tasks", "Related Job Titles",
	};
	struct rng r = rng_for("occupations");
	struct buf within = { 0 }, desc = { 0 }, tasks = { 0 }, jobs = { 0 };
	struct out o;
	char *dir = joined(outdir, "occupations"), code[8], title[128];
	unsigned major, sub, minor, minors_left = 104;

	out_open(&o, dir, "soc2020_volume1_descriptions.csv", KIND_OCCUPATIONS, "\r\n");
	out_header(&o, header, COUNT(header), QUOTE_NEEDED);
	for (major = 1; major <= 9; major++) {
		buf_clear(&within);
		buf_puts(&within, "Occupations in this major group are classified into the "
			 "following sub-major groups: \n\n");
		for (sub = 1; sub <= (unsigned)sub_majors[major - 1]; sub++) {
			soc_title(major * 10 + sub, title, sizeof(title));
			buf_printf(&within, "%u%u %s\n", major, sub, title);
		}
		soc_prose(&r, &desc, major_titles[major - 1], 300);
		snprintf(code, sizeof(code), "%u", major);
		soc_row(&o, code, "<blank>", "<blank>", "<blank>", major_titles[major - 1],
			within.p, desc.p, "<blank>", "<blank>", "<blank>");
		for (sub = 1; sub <= (unsigned)sub_majors[major - 1]; sub++) {
			unsigned sm = major * 10 + sub;

			soc_title(sm, title, sizeof(title));
			snprintf(code, sizeof(code), "%u", sm);
			soc_prose(&r, &desc, title, 250);
			soc_row(&o, "<blank>", code, "<blank>", "<blank>", title, "<blank>", desc.p,
				"<blank>", "<blank>", "<blank>");
			for (minor = 1; minor <= 4; minor++) {
				unsigned mn = sm * 10 + minor, u, n;

				n = minors_left-- <= 4 ? 3 : 4;
				soc_title(mn, title, sizeof(title));
				snprintf(code, sizeof(code), "%u", mn);
				soc_prose(&r, &desc, title, 200);
				soc_row(&o, "<blank>", "<blank>", code, "<blank>", title, "<blank>",
					desc.p, "<blank>", "<blank>", "<blank>");
				for (u = 1; u <= n; u++)
					soc_unit(&o, &r, mn * 10 + u, &desc, &tasks, &jobs);
			}
		}
	}
	out_close(&o);
	free(within.p);
	free(desc.p);
	free(tasks.p);
	free(jobs.p);
	free(dir);
}

/* --- main ---------------------------------------------------------------------------------- */

/* --today: a date from 2025 to 2099, as YYYY-MM-DD. */
static void set_today(const char *text)
{
	static const int month_days[] = { 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 };
	int y, m, d, n = 0, day = 0, i;

	if (sscanf(text, "%4d-%2d-%2d%n", &y, &m, &d, &n) != 3 || text[n] || y < 2025 ||
	    y > 2099 || m < 1 || m > 12 || d < 1 || d > month_days[m - 1] + (m == 2 && y % 4 == 0))
		die("--today wants a date from 2025 on as YYYY-MM-DD, not \"%s\"", text);
	for (i = 2025; i < y; i++)
		day += 365 + (i % 4 == 0);
	for (i = 0; i < m - 1; i++)
		day += month_days[i] + (i == 1 && y % 4 == 0);
	today_day = day + d - 1;
	today_year = y;
}

static void usage(void) __attribute__((noreturn));

static void usage(void)
{
	fputs("usage: bench_gen OUTDIR [--scale F] [--today YYYY-MM-DD]\n"
	      "  Writes national-scale input files for `careers build` into OUTDIR\n"
	      "  (F = 1: ~1.8 M postcodes, 25 k schools, 100 k courses, 30 k vacancies).\n",
	      stderr);
	exit(2);
}

/* --- the current-shape sources (late 2026) ------------------------------------------------- */

#define NATIONAL_OPEN_DATA 60000.0
#define NATIONAL_HE_COURSES 35000.0

static const char *const report_header[] = {
	"PROVIDER_UKPRN", "COURSE_ID", "COURSE_RUN_ID", "LEARN_AIM_REF", "COURSE_NAME",
	"WHO_THIS_COURSE_IS_FOR", "DELIVER_MODE", "STUDY_MODE", "ATTENDANCE_PATTERN",
	"FLEXIBLE_STARTDATE", "STARTDATE", "DURATION_UNIT", "DURATION_VALUE", "COST",
	"COST_DESCRIPTION", "NATIONAL", "REGIONS", "LOCATION_NAME", "LOCATION_ADDRESS1",
	"LOCATION_ADDRESS2", "LOCATION_COUNTY", "LOCATION_EMAIL", "LOCATION_LATITUDE",
	"LOCATION_LONGITUDE", "LOCATION_POSTCODE", "LOCATION_TELEPHONE", "LOCATION_TOWN",
	"LOCATION_WEBSITE", "COURSE_URL", "UPDATED_DATE", "ENTRY_REQUIREMENTS",
	"HOW_YOU_WILL_BE_ASSESSED", "COURSE_TYPE", "SECTOR", "EDUCATION_LEVEL", "AWARDING_BODY",
};

/*
 * The Course Directory's monthly open data: one row per course run, the enum numbers as
 * the report writes them, venue latitude and longitude, some course types for adults.
 */
static void make_open_data(const struct places *pl, const char *outdir, double scale)
{
	struct rng r = rng_for("open-data");
	size_t n = (size_t)llround(NATIONAL_OPEN_DATA * scale), i;
	struct buf who = { 0 }, title = { 0 }, entry = { 0 };
	char *dir = joined(outdir, "courses-open-data");
	struct out o;

	if (n < 3)
		n = 3;
	out_open(&o, dir, "LiveCoursesWithRegionsAndVenuesReport-20261101.csv", KIND_COURSES, "\r\n");
	out_header(&o, report_header, COUNT(report_header), QUOTE_NEEDED);
	for (i = 0; i < n; i++) {
		/* A provider teaches at one to three places of its own. */
		unsigned provider = rng_below(&r, 1800), site = rng_below(&r, 3);
		const struct postcode *p = &pl->postcodes[pl->live_england[(provider * 3 + site) *
							  7919u % pl->live_count]];
		struct geo_point g = geo_from_grid(p->east, p->north);
		unsigned type = rng_below(&r, 100);
		char street_name[96], start[16];

		course_title(&r, &title);
		who_for(&r, &who, (size_t)rng_between(&r, 100, 300));
		SENTENCES(&r, &entry, entry_sentences, (size_t)rng_between(&r, 40, 200));
		street(&r, street_name, sizeof(street_name));
		snprintf(start, sizeof(start), "%02d/%02d/%04d", rng_chance(&r, 0.7) ? 1 :
			 rng_between(&r, 1, 28), rng_chance(&r, 0.7) ? 9 : rng_between(&r, 1, 12),
			 rng_between(&r, today_year, today_year + 1));
		out_fieldf(&o, QUOTE_NEEDED, "1%07u", provider + 4000000u);
		out_fieldf(&o, QUOTE_NEEDED, "%08x-0000-4000-8000-%012zx", rng_below(&r, 1u << 30), i);
		out_fieldf(&o, QUOTE_NEEDED, "%08x-1111-4000-8000-%012zx", rng_below(&r, 1u << 30), i);
		out_fieldf(&o, QUOTE_NEEDED, "%u%07u", rng_chance(&r, 0.8) ? 6u : 5u,
			   rng_below(&r, 10000000));
		out_field(&o, title.p, QUOTE_NEEDED);
		out_field(&o, who.p, QUOTE_NEEDED);
		out_fieldf(&o, QUOTE_NEEDED, "%d", rng_between(&r, 1, 4));
		out_fieldf(&o, QUOTE_NEEDED, "%d", rng_between(&r, 1, 3));
		out_fieldf(&o, QUOTE_NEEDED, "%d", rng_between(&r, 1, 4));
		out_field(&o, rng_chance(&r, 0.1) ? "True" : "False", QUOTE_NEEDED);
		out_field(&o, start, QUOTE_NEEDED);
		out_fieldf(&o, QUOTE_NEEDED, "%d", rng_between(&r, 1, 4));
		out_fieldf(&o, QUOTE_NEEDED, "%d", rng_between(&r, 1, 36));
		out_fieldf(&o, QUOTE_NEEDED, "%d.00", rng_chance(&r, 0.5) ? 0 : rng_between(&r, 50, 9000));
		out_field(&o, rng_chance(&r, 0.5) ? "Free for 16 to 18 year olds." : "", QUOTE_NEEDED);
		out_field(&o, "False", QUOTE_NEEDED);
		out_field(&o, areas[p->area].town, QUOTE_NEEDED);
		out_fieldf(&o, QUOTE_NEEDED, "%s Campus", areas[p->area].town);
		out_field(&o, street_name, QUOTE_NEEDED);
		out_field(&o, "", QUOTE_NEEDED);
		out_field(&o, areas[p->area].county, QUOTE_NEEDED);
		out_field(&o, "", QUOTE_NEEDED);
		out_fieldf(&o, QUOTE_NEEDED, "%.6f", g.lat);
		out_fieldf(&o, QUOTE_NEEDED, "%.6f", g.lon);
		out_field(&o, p->pcds, QUOTE_NEEDED);
		out_field(&o, "", QUOTE_NEEDED);
		out_field(&o, areas[p->area].town, QUOTE_NEEDED);
		out_field(&o, "", QUOTE_NEEDED);
		out_fieldf(&o, QUOTE_NEEDED, "https://www.example.ac.uk/courses/%zu", i);
		out_field(&o, "01/10/2026 09:00:00", QUOTE_NEEDED);
		out_field(&o, entry.p, QUOTE_NEEDED);
		out_field(&o, "", QUOTE_NEEDED);
		out_field(&o, type < 3 ? "TLevels" : type < 8 ? "SkillsBootcamp" : type < 11 ?
			  "FreeCoursesForJobs" : "", QUOTE_NEEDED);
		out_field(&o, "", QUOTE_NEEDED);
		out_field(&o, "", QUOTE_NEEDED);
		out_field(&o, "", QUOTE_NEEDED);
		out_end_line(&o, 1);
	}
	out_close(&o);
	free(who.p);
	free(title.p);
	free(entry.p);
	free(dir);
}

/* Discover Uni: courses, their teaching locations and graduate salaries, as in the zip. */
static void make_discover_uni(const struct places *pl, const char *outdir, double scale)
{
	static const char *const kis[] = {
		"PUBUKPRN", "UKPRN", "KISCOURSEID", "KISMODE", "TITLE", "KISAIMCODE", "KISLEVEL",
		"HONOURS", "SANDWICH", "YEARABROAD", "FOUNDATION", "NUMSTAGE", "CRSEURL",
	};
	static const char *const loc[] = { "UKPRN", "LOCID", "LOCNAME", "LATITUDE", "LONGITUDE",
					   "LOCUKPRN", "LOCCOUNTRY" };
	static const char *const cl[] = { "PUBUKPRN", "UKPRN", "KISCOURSEID", "KISMODE", "LOCID" };
	static const char *const go[] = { "PUBUKPRN", "UKPRN", "KISCOURSEID", "KISMODE",
					  "GOSALUNAVAILREASON", "GOSALAGGYEAR", "GOSALSBJ",
					  "GOINSTLQ", "GOINSTMED", "GOINSTUQ" };
	struct rng r = rng_for("discover-uni");
	size_t n = (size_t)llround(NATIONAL_HE_COURSES * scale), i;
	unsigned providers = 400;
	char *dir = joined(outdir, "discover-uni");
	struct buf title = { 0 };
	struct out k, l, c, g;

	if (n < 3)
		n = 3;
	out_open(&l, dir, "LOCATION.csv", KIND_COURSES, "\r\n");
	out_header(&l, loc, COUNT(loc), QUOTE_NEEDED);
	for (i = 0; i < providers * 3; i++) {
		const struct postcode *p = random_place(pl, &r);
		struct geo_point pt = geo_from_grid(p->east, p->north);

		out_fieldf(&l, QUOTE_NEEDED, "1%07zu", 5000000 + i / 3);
		out_fieldf(&l, QUOTE_NEEDED, "L%zu", i % 3);
		out_fieldf(&l, QUOTE_NEEDED, "%s campus", areas[p->area].town);
		out_fieldf(&l, QUOTE_NEEDED, "%.6f", pt.lat);
		out_fieldf(&l, QUOTE_NEEDED, "%.6f", pt.lon);
		out_field(&l, "", QUOTE_NEEDED);
		out_field(&l, "XF", QUOTE_NEEDED);
		out_end_line(&l, 1);
	}
	out_close(&l);
	out_open(&k, dir, "KISCOURSE.csv", KIND_COURSES, "\r\n");
	out_header(&k, kis, COUNT(kis), QUOTE_NEEDED);
	out_open(&c, dir, "COURSELOCATION.csv", KIND_COURSES, "\r\n");
	out_header(&c, cl, COUNT(cl), QUOTE_NEEDED);
	out_open(&g, dir, "GOSALARY.csv", KIND_COURSES, "\r\n");
	out_header(&g, go, COUNT(go), QUOTE_NEEDED);
	for (i = 0; i < n; i++) {
		unsigned prov = 5000000u + rng_below(&r, providers), sites = rng_chance(&r, 0.2) ? 2 : 1;
		unsigned med = (unsigned)rng_between(&r, 20, 40) * 1000, s;

		course_title(&r, &title);
		out_fieldf(&k, QUOTE_NEEDED, "1%07u", prov);
		out_fieldf(&k, QUOTE_NEEDED, "1%07u", prov);
		out_fieldf(&k, QUOTE_NEEDED, "C%06zu", i);
		out_field(&k, "01", QUOTE_NEEDED);
		out_field(&k, title.p, QUOTE_NEEDED);
		out_field(&k, "021", QUOTE_NEEDED);
		out_field(&k, "03", QUOTE_NEEDED);
		out_field(&k, "1", QUOTE_NEEDED);
		out_field(&k, "0", QUOTE_NEEDED);
		out_field(&k, "0", QUOTE_NEEDED);
		out_field(&k, "0", QUOTE_NEEDED);
		out_field(&k, "3", QUOTE_NEEDED);
		out_fieldf(&k, QUOTE_NEEDED, "https://www.example.ac.uk/c%06zu", i);
		out_end_line(&k, 1);
		for (s = 0; s < sites; s++) {
			out_fieldf(&c, QUOTE_NEEDED, "1%07u", prov);
			out_fieldf(&c, QUOTE_NEEDED, "1%07u", prov);
			out_fieldf(&c, QUOTE_NEEDED, "C%06zu", i);
			out_field(&c, "01", QUOTE_NEEDED);
			out_fieldf(&c, QUOTE_NEEDED, "L%u", (prov + s) % 3);
			out_end_line(&c, 1);
		}
		out_fieldf(&g, QUOTE_NEEDED, "1%07u", prov);
		out_fieldf(&g, QUOTE_NEEDED, "1%07u", prov);
		out_fieldf(&g, QUOTE_NEEDED, "C%06zu", i);
		out_field(&g, "01", QUOTE_NEEDED);
		out_field(&g, rng_chance(&r, 0.3) ? "1" : "0", QUOTE_NEEDED);
		out_field(&g, "2021-23", QUOTE_NEEDED);
		out_field(&g, "", QUOTE_NEEDED);
		out_fieldf(&g, QUOTE_NEEDED, "%u", med - 4000);
		out_fieldf(&g, QUOTE_NEEDED, "%u", med);
		out_fieldf(&g, QUOTE_NEEDED, "%u", med + 5000);
		out_end_line(&g, 1);
	}
	out_close(&k);
	out_close(&c);
	out_close(&g);
	free(title.p);
	free(dir);
}

/* ASHE Table 14.1a, full-time jobs, the sheet as CSV: title lines, header, every SOC group. */
static void make_ashe(const char *outdir)
{
	static const char *const header[] = {
		"Description", "Code", "Number of jobs (thousand)", "Median", "Annual % change", "Mean",
		"Annual % change", "10", "20", "25", "30", "40", "60", "70", "75", "80", "90",
	};
	struct rng r = rng_for("ashe");
	char *dir = joined(outdir, "ashe");
	struct out o;
	unsigned major, sub, minor, unit;
	char code[8], title[128];
	int k;

	out_open(&o, dir, "table14_1a_weekly_pay_gross_full_time_2025.csv", KIND_OCCUPATIONS, "\r\n");
	out_field(&o, "Table 14.1a   Weekly pay - Gross (\xc2\xa3) - For full-time employee jobs: "
		  "United Kingdom, 2025", QUOTE_NEEDED);
	out_end_line(&o, 0);
	out_field(&o, "Occupation (SOC20) (4)", QUOTE_NEEDED);
	out_end_line(&o, 0);
	out_header(&o, header, COUNT(header), QUOTE_NEEDED);
	for (major = 1; major <= 9; major++)
		for (sub = 0; sub < (unsigned)sub_majors[major - 1]; sub++)
			for (minor = 0; minor < 4; minor++)
				for (unit = 0; unit < 4; unit++) {
					unsigned c = major * 1000 + (sub + 1) * 100 + (minor + 1) * 10 + unit + 1;
					int median = rng_between(&r, 350, 1400);

					snprintf(code, sizeof(code), "%u", c);
					soc_title(c, title, sizeof(title));
					out_field(&o, title, QUOTE_NEEDED);
					out_field(&o, code, QUOTE_NEEDED);
					out_fieldf(&o, QUOTE_NEEDED, "%d", rng_between(&r, 5, 400));
					out_fieldf(&o, QUOTE_NEEDED, "%d.%d", median, rng_between(&r, 0, 9));
					out_field(&o, "3.1", QUOTE_NEEDED);
					out_fieldf(&o, QUOTE_NEEDED, "%d", median + 60);
					out_field(&o, "2.9", QUOTE_NEEDED);
					for (k = 0; k < 10; k++)
						out_field(&o, rng_chance(&r, 0.3) ? "x" : "500",
							  QUOTE_NEEDED);
					out_end_line(&o, 1);
				}
	out_close(&o);
	free(dir);
}

int main(int argc, char **argv)
{
	struct places pl;
	struct colleges colleges = { NULL, 0 };
	const char *outdir = NULL;
	double scale = 1.0;
	unsigned long long total = 0;
	int i;

	for (i = 1; i < argc; i++) {
		if (strcmp(argv[i], "--scale") == 0 && i + 1 < argc) {
			char *end;

			scale = strtod(argv[++i], &end);
			if (*end || !(scale > 0) || scale > 10)
				die("--scale wants a number above 0 and at most 10, not \"%s\"", argv[i]);
		} else if (strcmp(argv[i], "--today") == 0 && i + 1 < argc) {
			set_today(argv[++i]);
		} else if (argv[i][0] == '-') {
			usage();
		} else if (!outdir) {
			outdir = argv[i];
		} else {
			usage();
		}
	}
	if (!outdir)
		usage();
	make_dir(outdir);
	memset(&pl, 0, sizeof(pl));
	make_postcodes(&pl, outdir, scale);
	make_schools(&pl, outdir, scale, &colleges);
	make_standards(outdir);
	make_courses(&pl, &colleges, outdir, scale);
	make_vacancies(&pl, outdir, scale);
	make_occupations(outdir);
	make_open_data(&pl, outdir, scale);
	make_discover_uni(&pl, outdir, scale);
	make_ashe(outdir);

	printf("%-12s %7s %10s %14s\n", "kind", "files", "rows", "bytes");
	for (i = 0; i < KIND_COUNT; i++) {
		printf("%-12s %7lu %10llu %14llu\n", tallies[i].kind, tallies[i].files,
		       tallies[i].rows, tallies[i].bytes);
		total += tallies[i].bytes;
	}
	printf("wrote %.1f MB into %s (scale %g)\n", total / 1e6, outdir, scale);
	free(pl.postcodes);
	free(pl.districts);
	free(pl.live_england);
	free(colleges.list);
	return 0;
}
