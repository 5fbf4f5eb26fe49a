#!/usr/bin/env python3
"""http_server.py - a local static file server with the faults of a real network.

Used by the fetch/publish/update tests and by tests/bench/bench_update.sh.
Serves ROOT as a static host does (ETag, Last-Modified, If-None-Match,
If-Modified-Since -> 304, Range and If-Range -> 206), over HTTP or, with
--tls CERT KEY, HTTPS. Paths under /fault/ misbehave on purpose:

  /fault/404, /fault/500            always that status
  /fault/flaky/N/PATH               500 for the first N requests, then PATH
  /fault/429/PATH                   429 with Retry-After: 1 the first time, then PATH
  /fault/cut/PATH                   the first time: all headers, half the body, then the
                                    connection is closed; later requests (Range) work
  /fault/cutalways/PATH             every response cut in half
  /fault/short/PATH                 Content-Length 100 bytes more than the body sent
  /fault/drip                       a 1000-byte body, one byte every 0.3 s
  /fault/loop                       a redirect to itself
  /fault/downgrade/PATH             a redirect to plain http (for HTTPS tests)
  /fault/redirect/PATH              a redirect to PATH (and the API key's host check)
  /fault/huge                       Content-Length: 10 GB
  /fault/html/PATH                  a 200 HTML page (a sign-in page) instead of PATH
  /api/vacancies?PageNumber=N       a paged JSON API (3 pages) that needs the header
                                    Ocp-Apim-Subscription-Key: test-secret-key

Every request is logged as one JSON line in --log (method, path, status,
bytes, and which conditional, Range and key headers came); --stats writes
the bytes served and the peak number of open connections when the server
stops (SIGTERM). --port-file receives the port (--port, else a free one).
"""
import argparse
import email.utils
import hashlib
import json
import os
import signal
import socket
import ssl
import sys
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs, urlsplit

LOCK = threading.Lock()
STATE = {"open": 0, "peak": 0, "bytes": 0, "requests": 0, "counts": {}}
TEST_KEY = "test-secret-key"


def once(name):
    """How many times this fault name was seen before (then counts it)."""
    with LOCK:
        n = STATE["counts"].get(name, 0)
        STATE["counts"][name] = n + 1
        return n


class Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    server_version = "careers-test-server"

    def log_message(self, fmt, *args):  # quiet: the JSON log says it all
        pass

    def setup(self):
        super().setup()
        with LOCK:
            STATE["open"] += 1
            STATE["peak"] = max(STATE["peak"], STATE["open"])

    def finish(self):
        try:
            super().finish()
        finally:
            with LOCK:
                STATE["open"] -= 1

    # --- logging -----------------------------------------------------------------

    def log(self, status, sent):
        with LOCK:
            STATE["bytes"] += sent
            STATE["requests"] += 1
        if not self.server.log_path:
            return
        entry = {
            "method": self.command, "path": self.path, "status": status, "bytes": sent,
            "range": self.headers.get("Range"), "if_range": self.headers.get("If-Range"),
            "if_none_match": self.headers.get("If-None-Match"),
            "if_modified_since": self.headers.get("If-Modified-Since"),
            "key": self.headers.get("Ocp-Apim-Subscription-Key") == TEST_KEY,
            "any_key_header": "Ocp-Apim-Subscription-Key" in self.headers,
        }
        with LOCK, open(self.server.log_path, "a") as f:
            f.write(json.dumps(entry) + "\n")

    def send_simple(self, status, body=b"", headers=()):
        self.send_response(status)
        for k, v in headers:
            self.send_header(k, v)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)
        self.log(status, len(body))

    # --- static files ------------------------------------------------------------

    def static(self, rel, cut=False, short=False):
        path = os.path.normpath(os.path.join(self.server.root, rel.lstrip("/")))
        if not path.startswith(os.path.abspath(self.server.root)) or not os.path.isfile(path):
            return self.send_simple(404, b"not found\n")
        st = os.stat(path)
        etag = '"%x-%x"' % (st.st_mtime_ns, st.st_size)
        last_modified = email.utils.formatdate(st.st_mtime, usegmt=True)
        inm = self.headers.get("If-None-Match")
        ims = self.headers.get("If-Modified-Since")
        if inm == etag or (inm is None and ims == last_modified):
            return self.send_simple(304, b"", [("ETag", etag), ("Last-Modified", last_modified)])
        with open(path, "rb") as f:
            data = f.read()
        status, start = 200, 0
        rng = self.headers.get("Range")
        if_range = self.headers.get("If-Range")
        if rng and rng.startswith("bytes=") and rng.endswith("-") and \
                (if_range is None or if_range in (etag, last_modified)):
            start = int(rng[6:-1])
            if start >= len(data):
                return self.send_simple(416, b"", [("Content-Range", "bytes */%d" % len(data))])
            status = 206
        body = data[start:]
        self.send_response(status)
        self.send_header("ETag", etag)
        self.send_header("Last-Modified", last_modified)
        self.send_header("Content-Type", "application/octet-stream")
        if status == 206:
            self.send_header("Content-Range", "bytes %d-%d/%d" % (start, len(data) - 1, len(data)))
        self.send_header("Content-Length", str(len(body) + (100 if short else 0)))
        self.end_headers()
        if self.command == "HEAD":
            return self.log(status, 0)
        if cut or short:
            part = body[: len(body) // 2] if cut else body
            self.wfile.write(part)
            self.wfile.flush()
            self.log(status, len(part))
            self.close_connection = True
            self.connection.shutdown(socket.SHUT_RDWR)
            return
        self.wfile.write(body)
        self.log(status, len(body))

    # --- the paged API -------------------------------------------------------------

    def api(self, query):
        if self.headers.get("Ocp-Apim-Subscription-Key") != TEST_KEY:
            return self.send_simple(401, b'{"statusCode": 401, "message": "Access denied"}')
        if self.headers.get("X-Version") != "2":
            return self.send_simple(400, b'{"message": "X-Version 2 expected"}')
        page = int(query.get("PageNumber", ["1"])[0])
        vacancies = []
        if page <= 3:
            for i in range(2):
                ref = "20000%02d%d" % (page, i)
                vacancies.append({
                    "vacancyReference": ref, "title": "Test apprentice %s" % ref,
                    "employerName": "Test employer", "postedDate": "2026-11-01T00:00:00",
                    "closingDate": "2027-01-31T23:59:59", "startDate": "2027-03-01T00:00:00",
                    "course": {"larsCode": 2, "title": "Software developer", "level": 4,
                               "route": "Digital"},
                    "addresses": [{"postcode": "DN1 3BU"}],
                    "vacancyUrl": "https://www.findapprenticeship.service.gov.uk/apprenticeship/VAC" + ref,
                })
        body = json.dumps({"vacancies": vacancies, "total": 6, "totalFiltered": 6,
                           "totalPages": 3}).encode()
        self.send_simple(200, body, [("Content-Type", "application/json")])

    # --- routing -------------------------------------------------------------------

    def do_HEAD(self):
        self.do_GET()

    def do_GET(self):
        url = urlsplit(self.path)
        parts = url.path.split("/")
        query = parse_qs(url.query)
        if url.path.startswith("/api/vacancies"):
            return self.api(query)
        if not url.path.startswith("/fault/"):
            return self.static(url.path)
        kind = parts[2] if len(parts) > 2 else ""
        rest = "/".join(parts[3:])
        if kind == "404":
            return self.send_simple(404, b"<html>not here</html>")
        if kind == "500":
            return self.send_simple(500, b"<html>broken</html>")
        if kind == "flaky":
            n, rest = int(parts[3]), "/".join(parts[4:])
            if once("flaky/" + rest) < n:
                return self.send_simple(500, b"<html>broken for now</html>")
            return self.static(rest)
        if kind == "429":
            if once("429/" + rest) == 0:
                return self.send_simple(429, b"slow down", [("Retry-After", "1")])
            return self.static(rest)
        if kind == "cut":
            return self.static(rest, cut=once("cut/" + rest) == 0)
        if kind == "cutalways":
            return self.static(rest, cut=True)
        if kind == "short":
            return self.static(rest, short=True)
        if kind == "drip":
            self.send_response(200)
            self.send_header("Content-Length", "1000")
            self.end_headers()
            sent = 0
            try:
                for _ in range(1000):
                    self.wfile.write(b"x")
                    self.wfile.flush()
                    sent += 1
                    time.sleep(0.3)
            except OSError:
                pass
            self.close_connection = True
            return self.log(200, sent)
        if kind == "loop":
            return self.send_simple(302, b"", [("Location", "/fault/loop")])
        if kind == "redirect":
            return self.send_simple(302, b"", [("Location", "/" + rest)])
        if kind == "downgrade":
            host = self.headers.get("Host", "127.0.0.1").split(":")[0]
            return self.send_simple(302, b"", [("Location", "http://%s:1/%s" % (host, rest))])
        if kind == "huge":
            self.send_response(200)
            self.send_header("Content-Length", str(10 * 1024 ** 3))
            self.end_headers()
            try:
                self.wfile.write(b"x" * 4096)
            except OSError:
                pass
            self.close_connection = True
            return self.log(200, 4096)
        if kind == "html":
            return self.send_simple(200, b"<!DOCTYPE html><html><body>Please sign in</body></html>",
                                    [("Content-Type", "text/html")])
        return self.send_simple(404, b"no such fault\n")


class Server(ThreadingHTTPServer):
    daemon_threads = True
    request_queue_size = 1024

    def handle_error(self, request, client_address):
        # A client that hangs up (a refused certificate, a cut test) is expected.
        if not isinstance(sys.exc_info()[1], (ConnectionError, ssl.SSLError, TimeoutError)):
            super().handle_error(request, client_address)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("root")
    ap.add_argument("--port-file", required=True)
    ap.add_argument("--port", type=int, default=0, help="default: any free port")
    ap.add_argument("--log")
    ap.add_argument("--stats")
    ap.add_argument("--tls", nargs=2, metavar=("CERT", "KEY"))
    args = ap.parse_args()
    server = Server(("127.0.0.1", args.port), Handler)
    server.root = os.path.abspath(args.root)
    server.log_path = args.log
    if args.tls:
        ctx = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
        ctx.load_cert_chain(args.tls[0], args.tls[1])
        server.socket = ctx.wrap_socket(server.socket, server_side=True)

    def stop(signum, frame):
        if args.stats:
            with open(args.stats, "w") as f:
                json.dump({"bytes": STATE["bytes"], "peak_connections": STATE["peak"],
                           "requests": STATE["requests"]}, f)
        os._exit(0)

    signal.signal(signal.SIGTERM, stop)
    signal.signal(signal.SIGINT, stop)
    with open(args.port_file + ".tmp", "w") as f:
        f.write(str(server.server_address[1]))
    os.rename(args.port_file + ".tmp", args.port_file)
    server.serve_forever()


if __name__ == "__main__":
    sys.exit(main())
