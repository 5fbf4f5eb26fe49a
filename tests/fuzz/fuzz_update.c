/*
 * fuzz_update.c - the readers of what fetch and update take from outside.
 *
 * The first byte of an input picks the reader, the rest is its input:
 *
 *	0  a minisign signature file, then checked against a fixed key
 *	1  a minisign public key file
 *	2  a published-store manifest
 *	3  a web page, for its links (a publisher's index)
 *	4  a JSON index (GOV.UK Content API attachments)
 *	5  a list of sources (data/sources.conf)
 *	6  a FETCHED file
 *
 * Besides the sanitizers, it checks what the readers promise: a manifest
 * or a FETCHED file that is accepted reads back the same after writing;
 * every source accepted has what a fetch needs; every link found is a
 * non-empty string of sensible length. The corpus (corpus-update/) holds
 * one real example of each.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "corpus.h"
#include "discover.h"
#include "manifest.h"
#include "mem.h"
#include "minisign.h"
#include "origin.h"
#include "source_list.h"

static void broken_promise(const char *what)
{
	fprintf(stderr, "fuzz_update: %s\n", what);
	abort();
}

static void signature(const char *text, size_t n)
{
	static const char key_text[] = "RWSFmyfFOVHGe8yKO1IjEbfReTY1cKyCG70LrHWcKjuBLT75pN7+iD0x\n";
	struct minisign_public key;
	struct minisign_signature *sig = xmalloc(sizeof(*sig));
	char err[300];

	if (minisign_public_parse(key_text, strlen(key_text), &key, err, sizeof(err)) != STATUS_OK)
		broken_promise("the fixed key does not read");
	if (minisign_signature_parse(text, n, sig, err, sizeof(err)) == STATUS_OK &&
	    minisign_verify(&key, sig, "hello\n", 6, err, sizeof(err)) != STATUS_OK && !err[0])
		broken_promise("a refused signature without a reason");
	free(sig);
}

static void manifest(const char *text, size_t n)
{
	struct manifest m, again;
	struct strbuf out;
	char err[300];

	if (manifest_parse(text, n, &m, err, sizeof(err)) != STATUS_OK)
		return;
	strbuf_init(&out);
	manifest_write(&m, &out);
	if (manifest_parse(out.buf, out.len, &again, err, sizeof(err)) != STATUS_OK)
		broken_promise("a manifest that was read does not read back after writing");
	if (strcmp(m.version, again.version) != 0 || strcmp(m.store, again.store) != 0 ||
	    m.size != again.size || m.compressed_size != again.compressed_size ||
	    strcmp(m.sha256, again.sha256) != 0 || m.source_count != again.source_count ||
	    m.allow_drop_count != again.allow_drop_count)
		broken_promise("a manifest reads back differently after writing");
	if (strchr(m.store, '/') || m.store[0] == '.')
		broken_promise("a manifest names a store outside its folder");
	manifest_done(&m);
	manifest_done(&again);
	strbuf_done(&out);
}

static void links(const char *text, size_t n)
{
	struct discover_list l;
	const struct discover_candidate *c;
	char err[300], *matched = NULL;
	size_t i;

	discover_links(text, n, &l);
	for (i = 0; i < l.count; i++)
		if (!l.items[i].value[0] || strlen(l.items[i].value) >= 4096)
			broken_promise("an empty or endless link");
	if (discover_pick(&l, "[0-9]+\\.zip", 1, &c, &matched, err, sizeof(err)) == STATUS_OK) {
		char *url = discover_resolve("https://example.org/a/page.html", c->value);

		free(url);
	}
	free(matched);
	discover_list_free(&l);
}

static void json_index(const char *text, size_t n)
{
	struct discover_list l;
	char err[300];

	discover_json(text, n, "$.details.attachments", "url", "filename", &l, err, sizeof(err));
	discover_list_free(&l);
}

static void sources(const char *text)
{
	struct source_list l;
	char err[300];
	size_t i;

	if (source_list_parse("fuzz.conf", text, &l, err, sizeof(err)) != STATUS_OK)
		return;
	for (i = 0; i < l.count; i++)
		if (!l.items[i].url || !l.items[i].kind || !l.items[i].title ||
		    (l.items[i].find && !l.items[i].match))
			broken_promise("a source was accepted without what a fetch needs");
	source_list_free(&l);
}

static void fetched(const char *text)
{
	struct origin_list l, again;
	struct strbuf out;
	char err[300];

	if (origin_parse("FETCHED", text, &l, err, sizeof(err)) != STATUS_OK)
		return;
	strbuf_init(&out);
	origin_write(&l, "fuzz", &out);
	if (origin_parse("FETCHED", out.buf, &again, err, sizeof(err)) != STATUS_OK ||
	    again.count != l.count)
		broken_promise("a FETCHED file reads back differently after writing");
	origin_list_free(&l);
	origin_list_free(&again);
	strbuf_done(&out);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char *text;
	size_t n;

	if (size < 1)
		return 0;
	n = size - 1;
	text = xmalloc(n + 1);	/* the readers take text that ends in a NUL */
	memcpy(text, data + 1, n);
	text[n] = '\0';
	switch (data[0] % 7) {
	case 0: signature(text, n); break;
	case 1: {
		struct minisign_public key;
		char err[300];

		minisign_public_parse(text, n, &key, err, sizeof(err));
		break;
	}
	case 2: manifest(text, n); break;
	case 3: links(text, n); break;
	case 4: json_index(text, n); break;
	case 5: sources(text); break;
	default: fetched(text); break;
	}
	free(text);
	return 0;
}

#ifndef CAREERS_FUZZING
int main(int argc, char **argv)
{
	return fuzz_corpus_main(argc, argv, "fuzz_update");
}
#endif
