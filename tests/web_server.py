"""A real threaded HTTP server on 127.0.0.1 for the fetch, feed and page tests (and the extraction
benchmark): serves the article pages of ../shared/eval/web/aeb_dev/html/ (gzip-encoded to clients
that accept it, decompressed otherwise) at ``/page/<id>.html``, the feeds of ../shared/eval/feeds/ at
``/feeds/<name>``, routes a test adds, and the failure modes a crawler meets. It counts requests.

Answers to ETag / Last-Modified revalidation with 304, as a real server does.

    with WebServer() as server:
        server.route("/feed.xml", rss_bytes, "application/rss+xml")
        server.url("/feed.xml")
"""

from __future__ import annotations

import gzip
import hashlib
import threading
import time
from collections import Counter
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Callable

EVAL = Path(__file__).resolve().parents[2] / "shared" / "eval"
AEB = EVAL / "web" / "aeb_dev"
FEEDS = EVAL / "feeds"
LAST_MODIFIED = "Mon, 01 Jan 2024 00:00:00 GMT"


def page_ids() -> list[str]:
    return sorted(p.name[: -len(".html.gz")] for p in (AEB / "html").glob("*.html.gz"))


@dataclass
class Route:
    status: int = 200
    body: bytes = b""
    content_type: str | None = "text/html; charset=utf-8"
    headers: dict[str, str] = field(default_factory=dict)
    handler: Callable | None = None
    """handler(request_handler) writes the whole response itself (slow drips, hangs, bombs)."""


class _Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    server: "_Server"

    def log_message(self, *args):  # keep test output clean
        pass

    def do_GET(self):
        owner = self.server.owner
        path = self.path.split("?", 1)[0]
        with owner.lock:
            owner.requests.append(path)
            owner.active[path] = owner.active.get(path, 0) + 1
            owner.max_active = max(owner.max_active, sum(owner.active.values()))
        try:
            self._answer(owner, path)
        finally:
            with owner.lock:
                owner.active[path] -= 1

    def _answer(self, owner: "WebServer", path: str) -> None:
        route = owner.routes.get(path)
        if route is None:
            route = owner.builtin(path)
        if route is None:
            return self._send(404, b"not found", "text/plain")
        if owner.delay:
            time.sleep(owner.delay)
        if route.handler:
            return route.handler(self)
        body = route.body
        etag = '"' + hashlib.sha1(body).hexdigest()[:16] + '"'
        if route.status == 200 and (self.headers.get("If-None-Match") == etag
                                    or self.headers.get("If-Modified-Since") == LAST_MODIFIED):
            with owner.lock:
                owner.not_modified.append(path)
            return self._send(304, b"", None, {"ETag": etag})
        headers = dict(route.headers)
        if route.status == 200:
            headers.setdefault("ETag", etag)
            headers.setdefault("Last-Modified", LAST_MODIFIED)
            with owner.lock:
                owner.full[path] += 1
        self._send(route.status, body, route.content_type, headers)

    def _send(self, status: int, body: bytes, content_type: str | None, headers: dict | None = None) -> None:
        headers = dict(headers or {})
        gz = headers.pop("X-Gzipped", None)
        if gz and "gzip" in (self.headers.get("Accept-Encoding") or ""):
            headers["Content-Encoding"] = "gzip"
        elif gz:
            body = gzip.decompress(body)
        self.send_response(status)
        if content_type:
            self.send_header("Content-Type", content_type)
        for k, v in headers.items():
            self.send_header(k, v)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if status != 304:
            self.wfile.write(body)


class _Server(ThreadingHTTPServer):
    daemon_threads = True
    allow_reuse_address = True
    owner: "WebServer"

    def handle_error(self, request, client_address):
        pass  # clients that hang up mid-answer (timeouts, size limits) are what the tests provoke


class WebServer:
    """The server; `requests` lists every path asked for, `full` counts 200 answers per path."""

    def __init__(self, host: str = "127.0.0.1", port: int = 0):
        self.routes: dict[str, Route] = {}
        self.requests: list[str] = []
        self.not_modified: list[str] = []
        self.full: Counter = Counter()
        self.active: dict[str, int] = {}
        self.max_active = 0
        self.delay = 0.0
        """Seconds every answer waits (to see concurrency)."""
        self.lock = threading.Lock()
        self.httpd = _Server((host, port), _Handler)
        self.httpd.owner = self
        self.host, self.port = self.httpd.server_address[:2]
        self.thread = threading.Thread(target=self.httpd.serve_forever, daemon=True)

    def __enter__(self) -> "WebServer":
        self.thread.start()
        return self

    def __exit__(self, *exc) -> None:
        self.httpd.shutdown()
        self.httpd.server_close()

    def url(self, path: str = "/") -> str:
        return f"http://{self.host}:{self.port}{path}"

    def route(self, path: str, body: bytes | str = b"", content_type: str | None = "text/html; charset=utf-8",
              status: int = 200, headers: dict | None = None, handler: Callable | None = None) -> str:
        if isinstance(body, str):
            body = body.encode("utf-8")
        self.routes[path] = Route(status, body, content_type, dict(headers or {}), handler)
        return self.url(path)

    def builtin(self, path: str) -> Route | None:
        if path.startswith("/page/") and path.endswith(".html"):
            source = AEB / "html" / (path[len("/page/"):-len(".html")] + ".html.gz")
            if source.parent == AEB / "html" and source.is_file():
                # no charset parameter: the page's own <meta> says it, as on many real sites
                return Route(200, source.read_bytes(), "text/html", {"X-Gzipped": "1"})
        if path.startswith("/feeds/"):
            source = FEEDS / path[len("/feeds/"):]
            if source.parent == FEEDS and source.is_file():
                kind = "application/feed+json" if source.suffix == ".json" else "application/rss+xml"
                return Route(200, source.read_bytes(), kind)
        return None

    def count(self, path: str) -> int:
        return sum(1 for p in self.requests if p == path)
