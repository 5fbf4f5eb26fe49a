/*
 * zstdfile.c - streaming zstd compression of whole files (see zstdfile.h).
 */
#include "zstdfile.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <zstd.h>

#include "mem.h"
#include "sha256.h"

struct pipe_ends {
	int in, out;
	const char *in_path, *out_path;
	struct sha256 in_hash, out_hash;
	struct minisign_hash out_b2;
	long long in_bytes, out_bytes;
};

static enum status open_ends(struct pipe_ends *p, const char *in, const char *out, char *err,
			     size_t errlen)
{
	memset(p, 0, sizeof(*p));
	p->in_path = in;
	p->out_path = out;
	p->out = -1;
	p->in = open(in, O_RDONLY | O_CLOEXEC);
	if (p->in < 0) {
		snprintf(err, errlen, "cannot read %s: %s", in, strerror(errno));
		return STATUS_IO;
	}
	p->out = open(out, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0644);
	if (p->out < 0) {
		snprintf(err, errlen, "cannot create %s: %s", out, strerror(errno));
		close(p->in);
		return STATUS_IO;
	}
	sha256_init(&p->in_hash);
	sha256_init(&p->out_hash);
	minisign_hash_init(&p->out_b2);
	return STATUS_OK;
}

static ssize_t read_some(struct pipe_ends *p, void *buf, size_t n, char *err, size_t errlen)
{
	ssize_t got;

	do
		got = read(p->in, buf, n);
	while (got < 0 && errno == EINTR);
	if (got < 0) {
		snprintf(err, errlen, "cannot read %s: %s", p->in_path, strerror(errno));
		return -1;
	}
	sha256_update(&p->in_hash, buf, (size_t)got);
	p->in_bytes += got;
	return got;
}

static enum status write_all(struct pipe_ends *p, const void *buf, size_t n, char *err,
			     size_t errlen)
{
	const char *at = buf;

	sha256_update(&p->out_hash, buf, n);
	minisign_hash_update(&p->out_b2, buf, n);
	p->out_bytes += (long long)n;
	while (n) {
		ssize_t w = write(p->out, at, n);

		if (w < 0 && errno == EINTR)
			continue;
		if (w < 0) {
			snprintf(err, errlen, "cannot write %s: %s%s", p->out_path, strerror(errno),
				 errno == ENOSPC || errno == EFBIG || errno == EDQUOT ?
				 " (not enough room on the disk)" : "");
			return STATUS_IO;
		}
		at += w;
		n -= (size_t)w;
	}
	return STATUS_OK;
}

/* write_all(), refusing to go past max bytes in all (a zstd bomb). */
static enum status write_bounded(struct pipe_ends *p, const void *buf, size_t n, long long max,
				 char *err, size_t errlen)
{
	if (p->out_bytes + (long long)n > max) {
		snprintf(err, errlen, "%s expands to more than the %lld bytes expected; stopped",
			 p->in_path, max);
		return STATUS_CORRUPT;
	}
	return write_all(p, buf, n, err, errlen);
}

static enum status close_ends(struct pipe_ends *p, enum status rc, struct zstdfile_digest *d,
			      char *err, size_t errlen)
{
	close(p->in);
	if (rc == STATUS_OK && fsync(p->out) != 0) {
		snprintf(err, errlen, "cannot write %s: %s", p->out_path, strerror(errno));
		rc = STATUS_IO;
	}
	if (close(p->out) != 0 && rc == STATUS_OK) {
		snprintf(err, errlen, "cannot write %s: %s", p->out_path, strerror(errno));
		rc = STATUS_IO;
	}
	if (rc != STATUS_OK) {
		unlink(p->out_path);
		return rc;
	}
	memset(d, 0, sizeof(*d));
	d->in_bytes = p->in_bytes;
	d->out_bytes = p->out_bytes;
	sha256_final_hex(&p->in_hash, d->in_sha256);
	sha256_final_hex(&p->out_hash, d->out_sha256);
	minisign_hash_final(&p->out_b2, d->out_blake2b);
	return STATUS_OK;
}

enum status zstdfile_compress(const char *in, const char *out, int level,
			      struct zstdfile_digest *d, char *err, size_t errlen)
{
	struct pipe_ends p;
	size_t in_cap = ZSTD_CStreamInSize(), out_cap = ZSTD_CStreamOutSize(), left;
	char *ibuf, *obuf;
	ZSTD_CCtx *cx;
	enum status rc;
	ssize_t got;
	int last = 0;

	if ((rc = open_ends(&p, in, out, err, errlen)) != STATUS_OK)
		return rc;
	ibuf = xmalloc(in_cap);
	obuf = xmalloc(out_cap);
	cx = ZSTD_createCCtx();
	if (!cx)
		mem_fatal("out of memory");
	ZSTD_CCtx_setParameter(cx, ZSTD_c_compressionLevel, level > 0 ? level : 19);
	ZSTD_CCtx_setParameter(cx, ZSTD_c_checksumFlag, 1);
	ZSTD_CCtx_setParameter(cx, ZSTD_c_nbWorkers, 2);	/* refused, harmlessly, without threads */
	while (rc == STATUS_OK && !last) {
		ZSTD_inBuffer ib;

		got = read_some(&p, ibuf, in_cap, err, errlen);
		if (got < 0) {
			rc = STATUS_IO;
			break;
		}
		last = got == 0;
		ib.src = ibuf;
		ib.size = (size_t)got;
		ib.pos = 0;
		do {
			ZSTD_outBuffer ob = { obuf, out_cap, 0 };

			left = ZSTD_compressStream2(cx, &ob, &ib, last ? ZSTD_e_end : ZSTD_e_continue);
			if (ZSTD_isError(left)) {
				snprintf(err, errlen, "cannot compress %s: %s", in,
					 ZSTD_getErrorName(left));
				rc = STATUS_IO;
				break;
			}
			rc = write_all(&p, obuf, ob.pos, err, errlen);
		} while (rc == STATUS_OK && (last ? left != 0 : ib.pos < ib.size));
	}
	ZSTD_freeCCtx(cx);
	free(ibuf);
	free(obuf);
	return close_ends(&p, rc, d, err, errlen);
}

enum status zstdfile_decompress(const char *in, const char *out, long long max_out,
				struct zstdfile_digest *d, char *err, size_t errlen)
{
	struct pipe_ends p;
	size_t in_cap = ZSTD_DStreamInSize(), out_cap = ZSTD_DStreamOutSize(), hint = 1;
	char *ibuf, *obuf;
	ZSTD_DCtx *dx;
	enum status rc;
	ssize_t got = 0;

	if ((rc = open_ends(&p, in, out, err, errlen)) != STATUS_OK)
		return rc;
	ibuf = xmalloc(in_cap);
	obuf = xmalloc(out_cap);
	dx = ZSTD_createDCtx();
	if (!dx)
		mem_fatal("out of memory");
	/* Refuse frames that want an absurd window rather than allocate it. */
	ZSTD_DCtx_setParameter(dx, ZSTD_d_windowLogMax, 27);
	while (rc == STATUS_OK && (got = read_some(&p, ibuf, in_cap, err, errlen)) > 0) {
		ZSTD_inBuffer ib = { ibuf, (size_t)got, 0 };

		while (rc == STATUS_OK && ib.pos < ib.size) {
			ZSTD_outBuffer ob = { obuf, out_cap, 0 };

			hint = ZSTD_decompressStream(dx, &ob, &ib);
			if (ZSTD_isError(hint)) {
				snprintf(err, errlen, "%s is not a complete zstd file (%s)", in,
					 ZSTD_getErrorName(hint));
				rc = STATUS_CORRUPT;
			} else {
				rc = write_bounded(&p, obuf, ob.pos, max_out, err, errlen);
			}
		}
	}
	if (rc == STATUS_OK && got < 0)
		rc = STATUS_IO;
	/* Output the decoder still holds, with no more input. */
	while (rc == STATUS_OK && hint != 0) {
		ZSTD_inBuffer ib = { ibuf, 0, 0 };
		ZSTD_outBuffer ob = { obuf, out_cap, 0 };

		hint = ZSTD_decompressStream(dx, &ob, &ib);
		if (ZSTD_isError(hint) || ob.pos == 0)
			break;
		rc = write_bounded(&p, obuf, ob.pos, max_out, err, errlen);
	}
	if (rc == STATUS_OK && hint != 0) {
		snprintf(err, errlen, "%s ends in the middle of its zstd data", in);
		rc = STATUS_CORRUPT;
	}
	ZSTD_freeDCtx(dx);
	free(ibuf);
	free(obuf);
	return close_ends(&p, rc, d, err, errlen);
}
