/*
 * cli_publish.c - `careers keygen` and `careers publish`: signing stores for kiosks.
 */
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <sodium.h>

#include "cli.h"
#include "minisign.h"
#include "publish.h"
#include "safefile.h"

#define PASSPHRASE_MAX 1024

/* The first line of file into out (a passphrase file); 0 on failure, said. */
static int passphrase_from_file(const char *file, char *out, size_t outlen)
{
	struct strbuf text;
	char err[300];
	int ok;

	strbuf_init(&text);
	ok = safefile_read(file, outlen - 1, &text, err, sizeof(err)) == STATUS_OK;
	if (!ok)
		fprintf(stderr, "careers: %s\n", err);
	else
		snprintf(out, outlen, "%.*s", (int)strcspn(text.buf, "\r\n"), text.buf);
	sodium_memzero(text.buf, text.len);
	strbuf_done(&text);
	return ok;
}

/* --- careers keygen --------------------------------------------------------------- */

/* The new key's passphrase: from a file, asked twice on a terminal, or one line of stdin. */
static int new_passphrase(const char *file, int none, char *out, size_t outlen)
{
	char again[PASSPHRASE_MAX];
	int ok;

	out[0] = '\0';
	if (none)
		return 1;
	if (file)
		return passphrase_from_file(file, out, outlen);
	if (!isatty(STDIN_FILENO))
		return cli_read_secret("", out, outlen) || feof(stdin);
	if (!cli_read_secret("Passphrase for the new secret key (Enter for none): ", out, outlen))
		return 0;
	if (!out[0])
		return 1;
	ok = cli_read_secret("The same passphrase again: ", again, sizeof(again)) &&
	     strcmp(out, again) == 0;
	sodium_memzero(again, sizeof(again));
	if (!ok)
		fprintf(stderr, "careers: the two passphrases are different; no key was made\n");
	return ok;
}

static int write_new(const char *path, const char *text, int mode, int force)
{
	char err[400];
	int fd;

	if (force)
		return safefile_write(path, text, strlen(text), mode, err, sizeof(err)) == STATUS_OK ?
		       0 : (fprintf(stderr, "careers: %s\n", err), 1);
	fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, mode);
	if (fd < 0 || write(fd, text, strlen(text)) != (ssize_t)strlen(text) || fsync(fd) != 0) {
		fprintf(stderr, "careers: cannot write %s: %s\n", path, strerror(errno));
		if (fd >= 0) {
			close(fd);
			unlink(path);
		}
		return 1;
	}
	return close(fd) != 0;
}

int cli_keygen(int argc, char **argv)
{
	const char *prefix = NULL, *pass_file = NULL, *kdf_env = getenv("CAREERS_KEYGEN_KDF");
	char passphrase[PASSPHRASE_MAX], err[300], id[17], *key_path, *pub_path;
	char *secret_text = NULL, *public_text;
	struct minisign_secret *secret;
	struct minisign_public pub;
	struct cli_args a;
	struct stat st;
	int kind, force = 0, none = 0, rc = 1;

	cli_args_init(&a, "keygen", argc, argv);
	while ((kind = cli_args_next(&a)) != 0) {
		if (kind < 0)
			return cli_usage_error("keygen", "unexpected argument \"%s\"", a.value);
		if (cli_is(&a, "out")) {
			if (!(prefix = cli_value(&a)))
				return EXIT_USAGE;
		} else if (cli_is(&a, "passphrase-file")) {
			if (!(pass_file = cli_value(&a)))
				return EXIT_USAGE;
		} else if (cli_is(&a, "no-passphrase")) {
			none = 1;
		} else if (cli_is(&a, "force")) {
			force = 1;
		} else {
			return cli_usage_error("keygen", "unknown option --%s", a.option);
		}
	}
	if (!prefix || !*prefix)
		return cli_usage_error("keygen", "say where the keys go: --out PREFIX");
	if (none && pass_file)
		return cli_usage_error("keygen", "--no-passphrase and --passphrase-file disagree");
	if (cli_parse_only)
		return 0;
	key_path = xasprintf("%s.key", prefix);
	pub_path = xasprintf("%s.pub", prefix);
	if (!force && (stat(key_path, &st) == 0 || stat(pub_path, &st) == 0)) {
		fprintf(stderr, "careers: %s already exists; keygen never replaces a key unless "
			"--force is given (kiosks that trust the old key would refuse every store "
			"signed with the new one)\n", stat(key_path, &st) == 0 ? key_path : pub_path);
		free(key_path);
		free(pub_path);
		return 1;
	}
	if (!new_passphrase(pass_file, none, passphrase, sizeof(passphrase))) {
		free(key_path);
		free(pub_path);
		return 1;
	}
	minisign_generate(&secret, &pub);
	if (minisign_secret_text(secret, passphrase,
				 kdf_env && strcmp(kdf_env, "interactive") == 0 ?
				 MINISIGN_KDF_INTERACTIVE : MINISIGN_KDF_SENSITIVE,
				 &secret_text, err, sizeof(err)) != STATUS_OK) {
		fprintf(stderr, "careers: %s; no key was made\n", err);
	} else if (write_new(key_path, secret_text, 0600, force) == 0) {
		public_text = minisign_public_text(&pub);
		rc = write_new(pub_path, public_text, 0644, force);
		if (rc)
			unlink(key_path);
		free(public_text);
	}
	if (rc == 0) {
		minisign_id_text(pub.id, id);
		printf("Made key %s.\n"
		       "  %s: the secret key (mode 0600), %s\n"
		       "  %s: the public key; install it on every kiosk (careers update --pubkey)\n",
		       id, key_path, passphrase[0] ? "protected by your passphrase" :
		       "NOT protected by a passphrase: keep it where only the publisher can read it",
		       pub_path);
	}
	if (secret_text) {
		sodium_memzero(secret_text, strlen(secret_text));
		free(secret_text);
	}
	sodium_memzero(passphrase, sizeof(passphrase));
	minisign_secret_free(secret);
	free(key_path);
	free(pub_path);
	return rc;
}

/* --- careers publish ---------------------------------------------------------------- */

/* Read the secret key file, asking for its passphrase when it has one. */
static struct minisign_secret *load_key(const char *path, const char *pass_file)
{
	struct minisign_secret *key = NULL;
	char passphrase[PASSPHRASE_MAX] = "", err[400];
	struct strbuf text;
	struct stat st;
	int encrypted;

	strbuf_init(&text);
	if (safefile_read(path, 4096, &text, err, sizeof(err)) != STATUS_OK) {
		fprintf(stderr, "careers: %s\n", err);
		strbuf_done(&text);
		return NULL;
	}
	if (stat(path, &st) == 0 && (st.st_mode & 077))
		fprintf(stderr, "careers: warning: %s can be read by others (chmod 600 %s)\n", path,
			path);
	encrypted = minisign_secret_encrypted(text.buf, text.len);
	if (encrypted > 0) {
		if (pass_file ? !passphrase_from_file(pass_file, passphrase, sizeof(passphrase)) :
		    !cli_read_secret("Passphrase for the secret key: ", passphrase, sizeof(passphrase)))
			fprintf(stderr, "careers: %s needs its passphrase\n", path);
	}
	if (minisign_secret_parse(text.buf, text.len, passphrase, &key, err, sizeof(err)) !=
	    STATUS_OK)
		fprintf(stderr, "careers: %s: %s\n", path, err);
	sodium_memzero(passphrase, sizeof(passphrase));
	sodium_memzero(text.buf, text.len);
	strbuf_done(&text);
	return key;
}

int cli_publish(int argc, char **argv)
{
	struct publish_options o = { 0 };
	const char *key_path = NULL, *pass_file = NULL, **drops = NULL;
	struct minisign_secret *key;
	struct cli_args a;
	int kind, rc;

	o.store = cli_default_store();
	o.out = stdout;
	o.err = stderr;
	drops = xcalloc((size_t)argc, sizeof(*drops));
	cli_args_init(&a, "publish", argc, argv);
	while ((kind = cli_args_next(&a)) != 0) {
		const char *v = NULL;

		if (kind < 0) {
			free(drops);
			return cli_usage_error("publish", "unexpected argument \"%s\"", a.value);
		}
		if (cli_is(&a, "force")) {
			o.force = 1;
			continue;
		}
		if (!cli_is(&a, "store") && !cli_is(&a, "key") && !cli_is(&a, "out") &&
		    !cli_is(&a, "passphrase-file") && !cli_is(&a, "level") &&
		    !cli_is(&a, "allow-drop")) {
			free(drops);
			return cli_usage_error("publish", "unknown option --%s", a.option);
		}
		if (!(v = cli_value(&a))) {
			free(drops);
			return EXIT_USAGE;
		}
		if (cli_is(&a, "store"))
			o.store = v;
		else if (cli_is(&a, "key"))
			key_path = v;
		else if (cli_is(&a, "out"))
			o.out_dir = v;
		else if (cli_is(&a, "passphrase-file"))
			pass_file = v;
		else if (cli_is(&a, "allow-drop"))
			drops[o.allow_drop_count++] = v;
		else if ((o.level = atoi(v)) < 1 || o.level > 19) {
			free(drops);
			return cli_usage_error("publish", "--level %s: give 1 (fast) to 19 (small)", v);
		}
	}
	if (!key_path || !o.out_dir) {
		free(drops);
		return cli_usage_error("publish", "name the secret key (--key) and the folder to "
				       "publish into (--out)");
	}
	if (cli_parse_only) {
		free(drops);
		return 0;
	}
	o.allow_drop = drops;
	signal(SIGXFSZ, SIG_IGN);	/* a file-size limit is a write error, not death */
	key = load_key(key_path, pass_file);
	if (!key) {
		free(drops);
		return 1;
	}
	o.key = key;
	rc = publish_store(&o) == STATUS_OK ? 0 : 1;
	minisign_secret_free(key);
	free(drops);
	return rc;
}
