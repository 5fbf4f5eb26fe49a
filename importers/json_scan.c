/* json_scan.c - see json_scan.h. */
#include "json_scan.h"

#include <string.h>

void json_scan_space(struct json_scan *sc)
{
	while (sc->i < sc->n && (sc->s[sc->i] == ' ' || sc->s[sc->i] == '\t' ||
				 sc->s[sc->i] == '\n' || sc->s[sc->i] == '\r'))
		sc->i++;
}

static int is_hex(char c)
{
	return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
}

int json_scan_string(struct json_scan *sc)
{
	sc->i++;	/* opening quote */
	while (sc->i < sc->n) {
		unsigned char c = (unsigned char)sc->s[sc->i];

		if (c == '"') {
			sc->i++;
			return 1;
		}
		if (c < 0x20) {
			sc->error = "a control character inside a string";
			return 0;
		}
		if (c == '\\') {
			char e = sc->i + 1 < sc->n ? sc->s[sc->i + 1] : 0;

			if (e == 'u') {
				int k;

				for (k = 2; k < 6; k++)
					if (sc->i + (size_t)k >= sc->n || !is_hex(sc->s[sc->i + (size_t)k])) {
						sc->error = "a bad \\u escape";
						return 0;
					}
				sc->i += 6;
				continue;
			}
			if (!e || !strchr("\"\\/bfnrt", e)) {
				sc->error = "a bad escape in a string";
				return 0;
			}
			sc->i += 2;
			continue;
		}
		sc->i++;
	}
	sc->error = "a string that is never closed";
	return 0;
}

static int scan_digits(struct json_scan *sc)
{
	size_t start = sc->i;

	while (sc->i < sc->n && sc->s[sc->i] >= '0' && sc->s[sc->i] <= '9')
		sc->i++;
	return sc->i > start;
}

static int scan_number(struct json_scan *sc)
{
	if (sc->s[sc->i] == '-')
		sc->i++;
	if (sc->i < sc->n && sc->s[sc->i] == '0')
		sc->i++;
	else if (!scan_digits(sc))
		goto bad;
	if (sc->i < sc->n && sc->s[sc->i] == '.') {
		sc->i++;
		if (!scan_digits(sc))
			goto bad;
	}
	if (sc->i < sc->n && (sc->s[sc->i] == 'e' || sc->s[sc->i] == 'E')) {
		sc->i++;
		if (sc->i < sc->n && (sc->s[sc->i] == '+' || sc->s[sc->i] == '-'))
			sc->i++;
		if (!scan_digits(sc))
			goto bad;
	}
	return 1;
bad:
	sc->error = "a badly formed number";
	return 0;
}

/* The part of a list or an object that differs: what the brackets and messages say. */
struct container {
	char close;
	const char *expected, *unfinished;
	int named;		/* an object: each value has a name before it */
};

static const struct container list = {
	']', "expected ',' or ']' in a list", "the document ends inside a list", 0,
};
static const struct container object = {
	'}', "expected ',' or '}' in an object", "the document ends inside an object", 1,
};

/* An object member's name and colon. */
static int scan_name(struct json_scan *sc)
{
	if (sc->i >= sc->n || sc->s[sc->i] != '"') {
		sc->error = "expected a quoted name in an object";
		return 0;
	}
	if (!json_scan_string(sc))
		return 0;
	sc->values++;
	json_scan_space(sc);
	if (sc->i >= sc->n || sc->s[sc->i] != ':') {
		sc->error = "expected ':' after a name";
		return 0;
	}
	sc->i++;
	return 1;
}

static int scan_container(struct json_scan *sc, const struct container *c)
{
	sc->i++;
	json_scan_space(sc);
	if (sc->i < sc->n && sc->s[sc->i] == c->close) {
		sc->i++;
		return 1;
	}
	for (;;) {
		json_scan_space(sc);
		if (c->named && !scan_name(sc))
			return 0;
		json_scan_space(sc);
		if (!json_scan_value(sc))
			return 0;
		json_scan_space(sc);
		if (sc->i >= sc->n)
			break;
		if (sc->s[sc->i] == ',') {
			sc->i++;
			continue;
		}
		if (sc->s[sc->i] == c->close) {
			sc->i++;
			return 1;
		}
		sc->error = c->expected;
		return 0;
	}
	sc->error = c->unfinished;
	return 0;
}

static int scan_literal(struct json_scan *sc, const char *word)
{
	size_t len = strlen(word);

	if (sc->n - sc->i >= len && memcmp(sc->s + sc->i, word, len) == 0) {
		sc->i += len;
		return 1;
	}
	sc->error = "an unexpected character";
	return 0;
}

int json_scan_value(struct json_scan *sc)
{
	int ok;

	json_scan_space(sc);
	if (sc->i >= sc->n) {
		sc->error = "the document ends where a value should be";
		return 0;
	}
	if (++sc->depth > JSON_SCAN_MAX_DEPTH) {
		sc->error = "lists and objects nested too deeply";
		return 0;
	}
	sc->values++;
	switch (sc->s[sc->i]) {
	case '{':
		ok = scan_container(sc, &object);
		break;
	case '[':
		ok = scan_container(sc, &list);
		break;
	case '"':
		ok = json_scan_string(sc);
		break;
	case 't':
		ok = scan_literal(sc, "true");
		break;
	case 'f':
		ok = scan_literal(sc, "false");
		break;
	case 'n':
		ok = scan_literal(sc, "null");
		break;
	default:
		if (sc->s[sc->i] == '-' || (sc->s[sc->i] >= '0' && sc->s[sc->i] <= '9')) {
			ok = scan_number(sc);
		} else {
			sc->error = "an unexpected character";
			ok = 0;
		}
	}
	sc->depth--;
	return ok;
}

/* A scanner over text[from..len): the rest of the document. */
void json_scan_init(struct json_scan *sc, const char *text, size_t len, size_t from)
{
	memset(sc, 0, sizeof(*sc));
	sc->s = text;
	sc->n = len;
	sc->i = from;
}

/* Scan the whole text; 1 if it is one valid JSON value. */
int json_scan_document(struct json_scan *sc, const char *text, size_t len)
{
	json_scan_init(sc, text, len, 0);
	if (!json_scan_value(sc))
		return 0;
	json_scan_space(sc);
	if (sc->i < sc->n) {
		sc->error = "more text after the end of the document";
		return 0;
	}
	return 1;
}

/* Line and column (1-based, in characters) of text position at. */
void json_scan_where(const char *s, size_t at, unsigned long *line, unsigned long *col)
{
	size_t i;

	*line = 1;
	*col = 1;
	for (i = 0; i < at; i++) {
		if (s[i] == '\n') {
			(*line)++;
			*col = 1;
		} else if (((unsigned char)s[i] & 0xC0) != 0x80) {
			(*col)++;
		}
	}
}

