"""Live HTML preview: rebuild the brief when an input or template changes.

`PreviewServer` builds the brief once, serves it at ``/`` with a small status
bar (PDF link, one-page fit warning, build status) and a script that reloads
the page when a new build is ready. A watcher thread polls the inputs and the
template folders and rebuilds (debounced) on change. A failed build keeps the
last good page on show and puts the error in the bar.

It serves only its own things: ``/``, ``/brief.html``, ``/brief.pdf``,
``/brief.json``, ``/_version``, ``/_live.js``, the template's static assets
(stylesheets, fonts, images) and, given an archive folder (the daily runs'
output root), ``/archive``: the briefs kept there by date, each day's
``/archive/YYYY-MM-DD/brief.{html,pdf,json}``. Every other path is a 404;
nothing outside those is ever read from disk. It binds 127.0.0.1 unless told
otherwise.
"""

from __future__ import annotations

import datetime as dt
import html as html_lib
import json
import os
import re
import shutil
import signal
import socket
import sys
import tempfile
import threading
import time
import traceback
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any, Callable, Iterable, Sequence
from urllib.parse import unquote, urlsplit

from briefing.files import is_loopback
from briefing.ingest.fetch import is_web_url
from briefing.model import BriefingError, InputError

ASSET_TYPES = {
    ".css": "text/css; charset=utf-8",
    ".woff": "font/woff",
    ".woff2": "font/woff2",
    ".ttf": "font/ttf",
    ".otf": "font/otf",
    ".png": "image/png",
    ".jpg": "image/jpeg",
    ".jpeg": "image/jpeg",
    ".gif": "image/gif",
    ".svg": "image/svg+xml",
    ".webp": "image/webp",
}
BRIEF_TYPES = {"pdf": "application/pdf", "json": "application/json", "html": "text/html; charset=utf-8"}
_ARCHIVED = re.compile(r"/archive/(\d{4}-\d{2}-\d{2})/brief\.(html|pdf|json)")
_SAFE_SEGMENT = re.compile(r"^[A-Za-z0-9_][A-Za-z0-9_.\-]*$")
_LOOPBACK_NAMES = {"localhost", "127.0.0.1", "::1", "[::1]"}
CSP = (
    "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; "
    "img-src 'self' data:; font-src 'self' data:; object-src 'none'; "
    "frame-ancestors 'none'; base-uri 'none'; form-action 'none'"
)

LIVE_JS = r"""(function () {
  "use strict";
  var bar = document.getElementById("briefing-preview-bar");
  var version = bar ? bar.getAttribute("data-version") : null;
  var status = document.getElementById("briefing-status");
  try {
    var y = sessionStorage.getItem("briefing-scroll");
    if (y !== null) { sessionStorage.removeItem("briefing-scroll"); window.scrollTo(0, +y); }
  } catch (e) {}
  function poll() {
    fetch("/_version", {cache: "no-store"}).then(function (r) { return r.json(); }).then(function (d) {
      if (String(d.version) !== version) {
        try { sessionStorage.setItem("briefing-scroll", String(window.scrollY)); } catch (e) {}
        location.reload();
        return;
      }
      if (status && d.building) { status.textContent = "Rebuilding\u2026"; }
      setTimeout(poll, 1000);
    }).catch(function () {
      if (status) { status.textContent = "Preview server not reachable; retrying\u2026"; }
      setTimeout(poll, 2000);
    });
  }
  setTimeout(poll, 1000);
})();
"""


def default_template_dirs() -> list[Path]:
    """The built-in template folder (the package's, else the repository's templates/)."""
    from briefing.render.page import package_template_dir

    return [package_template_dir()]


@dataclass
class _State:
    version: int = 0
    html: bytes | None = None
    pdf: bytes | None = None
    json: bytes | None = None
    pages: int = 0
    omitted: list[str] = field(default_factory=list)
    skipped: list[str] = field(default_factory=list)
    error: str | None = None
    building: bool = False
    built_at: str | None = None
    seconds: float = 0.0


class PreviewServer:
    """The preview: an HTTP server plus a watcher thread that rebuilds on change.

    >>> with PreviewServer(["inbox/"], port=0) as server:   # doctest: +SKIP
    ...     print(server.url)
    """

    def __init__(
        self,
        paths: Iterable[str | os.PathLike],
        *,
        host: str = "127.0.0.1",
        port: int = 8000,
        out_dir: str | os.PathLike | None = None,
        template_dir: str | os.PathLike | None = None,
        builder: Callable[..., Any] | None = None,
        poll_interval: float = 0.5,
        debounce: float = 0.2,
        title: str | None = None,
        date: dt.date | None = None,
        page_size: str = "a4",
        sentences: int = 3,
        focus: Sequence[str] = (),
        only_focus: bool = False,
        progress: Callable[[str], None] | None = None,
        warn: Callable[[str], None] | None = None,
        fetch=None,
        beats: Sequence[str] | None = None,
        exclude_beats: Sequence[str] | None = None,
        archive_dir: str | os.PathLike | None = None,
    ):
        # files and folders are watched; URLs and feed `Source`s are fetched again on each rebuild
        self.paths = [p if is_web_url(str(p)) or not isinstance(p, (str, os.PathLike)) else Path(p) for p in paths]
        if not self.paths:
            raise BriefingError("nothing to preview: give article files or folders")
        self.host = host
        self.port = port
        self.user_out_dir = Path(out_dir) if out_dir is not None else None
        self.template_dir = Path(template_dir) if template_dir is not None else None
        self.builder = builder
        self.poll_interval = poll_interval
        self.debounce = debounce
        self.build_options = {"title": title, "date": date, "page_size": page_size, "sentences": sentences}
        if focus or only_focus:  # only then: a custom builder need not know about stories
            self.build_options.update(focus=list(focus), only_focus=only_focus)
        for name, value in (("beats", beats), ("exclude_beats", exclude_beats)):
            if value is not None:  # only then, as for the focus: a custom builder need not know beats
                self.build_options[name] = list(value)
        if fetch is not None:  # the rules for web inputs (`briefing.ingest.fetch.FetchSettings`)
            self.build_options["fetch"] = fetch
        self.archive_dir = Path(archive_dir) if archive_dir is not None else None
        """The daily runs' output root (``<out>/YYYY-MM-DD/brief.*``), listed at ``/archive``."""
        self.progress = progress
        self.warn = warn or (lambda m: print(f"briefing: warning: {m}", file=sys.stderr, flush=True))
        self.state = _State()
        self._lock = threading.Lock()
        self._changed = threading.Condition(self._lock)
        self._stop = threading.Event()
        self._httpd: ThreadingHTTPServer | None = None
        self._threads: list[threading.Thread] = []
        self._tmp: Path | None = None
        self.out_dir: Path | None = None
        self.cache = None
        """The articles read and analysed so far, by content (`briefing.batch.AnalysisCache`): a
        rebuild reads and analyses again only the files that changed. Only with the built-in builder."""
        self.memo = None
        self.last_layouts = (0, 0)
        """The last build's page layouts: how many the memo held, of how many fitting used."""
        """The stories' summaries and the page's layouts of the last build, by what they were made
        from (`briefing.memo.Memo`): what an edit leaves unchanged is not made again."""

    # -- lifecycle ------------------------------------------------------------

    @property
    def url(self) -> str:
        host = self.host
        if host in ("0.0.0.0", "::", ""):
            host = "127.0.0.1"
        if ":" in host and not host.startswith("["):
            host = f"[{host}]"
        return f"http://{host}:{self.port}/"

    def start(self) -> "PreviewServer":
        """Bind, build once, and start serving and watching in background threads."""
        for p in self.paths:
            if isinstance(p, Path) and not p.exists():
                raise InputError(p, "no such file or directory")
        if not is_loopback(self.host):
            self.warn(
                f"serving on {self.host}, not loopback: anyone who can reach this machine "
                "can read the brief; use --host 127.0.0.1 to keep it private"
            )
        if self.user_out_dir is not None:
            self.user_out_dir.mkdir(parents=True, exist_ok=True)
            self.out_dir = self.user_out_dir
        else:
            self._tmp = Path(tempfile.mkdtemp(prefix="briefing-preview-"))
            self.out_dir = self._tmp
        server_cls = _Server6 if ":" in self.host else _Server
        try:
            self._httpd = server_cls((self.host.strip("[]"), self.port), _make_handler(self))
        except OSError as exc:
            self._cleanup()
            raise BriefingError(f"cannot serve on {self.host}:{self.port}: {exc.strerror or exc}") from None
        self.port = self._httpd.server_address[1]
        fingerprint = self._fingerprint()
        self.rebuild()
        t = threading.Thread(target=self._httpd.serve_forever, kwargs={"poll_interval": 0.2},
                             name="briefing-http", daemon=True)
        w = threading.Thread(target=self._watch, args=(fingerprint,), name="briefing-watch", daemon=True)
        self._threads = [t, w]
        t.start()
        w.start()
        return self

    def stop(self) -> None:
        self._stop.set()
        with self._changed:
            self._changed.notify_all()
        if self._httpd is not None:
            self._httpd.shutdown()
            self._httpd.server_close()
        for t in self._threads:
            t.join(timeout=10)
        self._threads = []
        self._cleanup()

    def _cleanup(self) -> None:
        if self._tmp is not None:
            shutil.rmtree(self._tmp, ignore_errors=True)
            self._tmp = None

    def __enter__(self) -> "PreviewServer":
        return self.start()

    def __exit__(self, *exc) -> None:
        self.stop()

    def wait_for_version(self, version: int, timeout: float = 10.0) -> bool:
        """Block until a build newer than ``version`` finished (for tests and scripts)."""
        deadline = time.monotonic() + timeout
        with self._changed:
            while self.state.version <= version:
                left = deadline - time.monotonic()
                if left <= 0 or self._stop.is_set():
                    return False
                self._changed.wait(left)
        return True

    # -- watching and building -----------------------------------------------

    def watched_dirs(self) -> list[Path]:
        dirs = [self.template_dir] if self.template_dir is not None else []
        return dirs + [d for d in default_template_dirs() if d not in dirs]

    def _fingerprint(self) -> frozenset:
        items: set[tuple] = set()

        def add(path: Path) -> None:
            try:
                st = path.stat()
            except OSError:
                items.add((str(path), None, None))
                return
            items.add((str(path), st.st_mtime_ns, st.st_size))

        for root in [p for p in self.paths if isinstance(p, Path)] + self.watched_dirs():
            if root.is_dir():
                for dirpath, dirnames, filenames in os.walk(root):
                    dirnames[:] = sorted(d for d in dirnames if not d.startswith("."))
                    for name in filenames:
                        if not name.startswith(".") and not name.endswith("~"):
                            add(Path(dirpath) / name)
            else:
                add(root)
        return frozenset(items)

    def _watch(self, last: frozenset) -> None:
        while not self._stop.wait(self.poll_interval):
            try:
                current = self._fingerprint()
                if current == last:
                    continue
                # debounce: wait until the files stop changing (editors write in steps)
                while True:
                    if self._stop.wait(self.debounce):
                        return
                    again = self._fingerprint()
                    if again == current:
                        break
                    current = again
                last = current
                self.rebuild()
            except Exception:  # the watcher must survive anything
                self._report(f"watcher error: {traceback.format_exc(limit=1)}")

    def _report(self, message: str) -> None:
        if self.progress:
            self.progress(message)

    def _builder(self) -> Callable[..., Any]:
        if self.builder is not None:
            return self.builder
        from briefing.batch import AnalysisCache
        from briefing.memo import Memo
        from briefing.pipeline import build

        if self.cache is None:
            self.cache = AnalysisCache()
            self.memo = Memo()
        return lambda *args, **options: build(*args, cache=self.cache, memo=self.memo, **options)

    def rebuild(self) -> None:
        """Build now; on success show the new brief, on failure keep the old one and show the error."""
        with self._changed:
            self.state.building = True
        started = time.monotonic()
        assert self.out_dir is not None
        staging = Path(tempfile.mkdtemp(prefix=".preview-", dir=self.out_dir))
        try:
            result = self._builder()(
                list(self.paths), staging, template_dir=self.template_dir, progress=None, **self.build_options
            )
            outputs = dict(getattr(result, "outputs", None) or {})
            files = {}
            for name in ("html", "pdf", "json"):
                path = Path(outputs.get(name) or staging / f"brief.{name}")
                files[name] = path.read_bytes()
            brief = getattr(result, "brief", None)
            pages, overflow = _layout_facts(files["html"], int(getattr(result, "pages", 1) or 1))
            try:
                record = json.loads(files["json"].decode("utf-8"))
            except ValueError:
                record = {}
            omitted = record.get("omitted") or list(getattr(brief, "omitted", None) or [])
            if overflow and not omitted and pages <= 1:
                omitted = ["the content overflows the page"]
            if self.user_out_dir is not None:
                for name in ("html", "pdf", "json"):
                    target = self.user_out_dir / f"brief.{name}"
                    tmp = staging / f".{name}.copy"
                    tmp.write_bytes(files[name])
                    os.replace(tmp, target)
        except Exception as exc:
            message = _error_text(exc)
            with self._changed:
                s = self.state
                s.error = message
                s.building = False
                s.built_at = dt.datetime.now().strftime("%H:%M:%S")
                s.version += 1
                self._changed.notify_all()
            self._report(f"build failed: {message}")
        else:
            seconds = time.monotonic() - started
            self.last_layouts = (getattr(result, "reused", 0), getattr(result, "layouts", 0))
            with self._changed:
                s = self.state
                s.html, s.pdf, s.json = files["html"], files["pdf"], files["json"]
                s.pages = pages
                s.omitted = [str(o) for o in omitted]
                s.skipped = [str(e) for e in (getattr(result, "skipped", None) or [])]
                s.error = None
                s.building = False
                s.built_at = dt.datetime.now().strftime("%H:%M:%S")
                s.seconds = seconds
                s.version += 1
                self._changed.notify_all()
            self._report(f"rebuilt in {seconds:.1f} s ({pages} page{'s' if pages != 1 else ''})")
        finally:
            shutil.rmtree(staging, ignore_errors=True)

    # -- pages --------------------------------------------------------------------

    def snapshot(self) -> _State:
        with self._lock:
            s = self.state
            return _State(**{k: (list(v) if isinstance(v, list) else v) for k, v in vars(s).items()})

    def version_json(self) -> bytes:
        s = self.snapshot()
        return json.dumps({
            "version": s.version,
            "building": s.building,
            "ok": s.error is None and s.html is not None,
            "error": s.error,
            "pages": s.pages,
            "fits": s.pages <= 1 and not s.omitted,
        }).encode("utf-8")

    def page(self) -> bytes:
        s = self.snapshot()
        bar = _bar(s, archive=self.archive_dir is not None)
        if s.html is None:
            doc = (
                "<!doctype html><html><head><meta charset='utf-8'><title>briefing preview</title></head>"
                "<body><main style='font-family:sans-serif;margin:2em'><h1>No brief yet</h1>"
                "<p>The first build has not succeeded; see the bar above.</p></main></body></html>"
            )
        else:
            doc = s.html.decode("utf-8", errors="replace")
        script = '<script src="/_live.js" defer></script>'
        m = re.search(r"<body\b[^>]*>", doc, flags=re.IGNORECASE)
        if m:
            doc = doc[: m.end()] + bar + doc[m.end():]
        else:
            doc = bar + doc
        idx = doc.lower().rfind("</body>")
        doc = doc[:idx] + script + doc[idx:] if idx >= 0 else doc + script
        return doc.encode("utf-8")


def _layout_facts(html: bytes, pages: int) -> tuple[int, bool]:
    """Page count and overflow flag as render records them in the HTML's meta tags."""
    head = html[:4096].decode("utf-8", errors="replace")
    m = re.search(r'<meta name="briefing-pages" content="(\d+)"', head)
    if m:
        pages = max(pages, int(m.group(1)))
    overflow = bool(re.search(r'<meta name="briefing-overflow" content="true"', head))
    return pages, overflow


def _error_text(exc: BaseException) -> str:
    if isinstance(exc, BriefingError):
        text = str(exc)
    else:
        text = f"{type(exc).__name__}: {exc}"
        where = getattr(exc, "name", None) or getattr(exc, "filename", None)
        line = getattr(exc, "lineno", None)
        if isinstance(where, str) and isinstance(line, int):  # a template error
            text = f"{Path(where).name} line {line}: {text}"
    return text.strip() or type(exc).__name__


def _bar(s: _State, archive: bool = False) -> str:
    e = html_lib.escape
    parts = []
    if s.html is not None:
        parts.append('<a id="briefing-pdf-link" href="/brief.pdf" style="color:#fff;font-weight:bold">PDF</a>')
        parts.append('<a href="/brief.json" style="color:#ddd">JSON</a>')
    if archive:
        parts.append('<a id="briefing-archive-link" href="/archive" style="color:#ddd">Archive</a>')
    if s.error is not None:
        parts.append(
            '<span id="briefing-error" role="alert" style="background:#a00;color:#fff;padding:2px 6px;'
            f'white-space:pre-wrap">Build failed at {e(s.built_at or "")}: {e(s.error)}'
            + (" &mdash; showing the last good brief" if s.html is not None else "")
            + "</span>"
        )
    if s.html is not None and (s.pages > 1 or s.omitted):
        reason = []
        if s.pages > 1:
            reason.append(f"{s.pages} pages")
        if s.omitted:
            reason.append("left out to fit: " + "; ".join(s.omitted))
        parts.append(
            '<span id="briefing-fit-warning" role="alert" style="background:#fc0;color:#000;padding:2px 6px">'
            f"&#9888; Does not fit one page ({e(', '.join(reason))})</span>"
        )
    if s.skipped:
        parts.append(
            f'<span id="briefing-skipped" title="{e(chr(10).join(s.skipped), quote=True)}" '
            f'style="color:#fc0">{len(s.skipped)} input{"s" if len(s.skipped) != 1 else ""} skipped</span>'
        )
    if s.error is None and s.html is not None:
        status = f"Built {e(s.built_at or '')} in {s.seconds:.1f} s &middot; {s.pages} page{'s' if s.pages != 1 else ''}"
    elif s.building:
        status = "Building&hellip;"
    else:
        status = ""
    parts.append(f'<span id="briefing-status">{status}</span>')
    return (
        f'<div id="briefing-preview-bar" data-version="{s.version}" '
        'style="position:sticky;top:0;z-index:2147483647;display:flex;flex-wrap:wrap;gap:1em;'
        'align-items:center;padding:6px 12px;background:#223;color:#fff;'
        'font:13px/1.4 system-ui,sans-serif">'
        '<strong>briefing preview</strong>' + "".join(parts) + "</div>"
    )


# -- the archive ----------------------------------------------------------------------


def _day_folder(name: str) -> bool:
    try:
        return dt.date.fromisoformat(name).isoformat() == name
    except ValueError:
        return False


def archived_file(root: Path, path: str) -> Path | None:
    """The file ``/archive/YYYY-MM-DD/brief.{html,pdf,json}`` names in the archive folder, or
    None: any other path, a date that is none, a file that is missing or lies (through a link)
    outside the archive folder."""
    m = _ARCHIVED.fullmatch(path)
    if m is None or not _day_folder(m.group(1)):
        return None
    try:
        base = root.resolve(strict=True)
        real = (base / m.group(1) / f"brief.{m.group(2)}").resolve(strict=True)
    except OSError:
        return None
    return real if real.is_relative_to(base) and real.is_file() else None


def _archive_entry(folder: Path) -> dict | None:
    files = {kind: (folder / f"brief.{kind}").is_file() for kind in ("html", "pdf", "json")}
    if not (files["html"] or files["pdf"]):
        return None
    record: dict = {}
    if files["json"]:
        try:
            loaded = json.loads((folder / "brief.json").read_text(encoding="utf-8"))
        except (OSError, ValueError):
            loaded = None
        record = loaded if isinstance(loaded, dict) else {}
    stories = [st for st in record.get("stories") or [] if isinstance(st, dict)]
    return {"date": dt.date.fromisoformat(folder.name), "title": str(record.get("title") or ""),
            "stories": len(stories), "continuing": sum(st.get("status") == "continuing" for st in stories),
            **files}


def archive_entries(root: Path) -> list[dict]:
    """The briefs in the archive folder, newest first: ``date``, ``title``, the number of
    stories and of those continuing an earlier day's, and which of brief.html, .pdf and .json
    are there."""
    try:
        folders = [p for p in root.iterdir() if p.is_dir() and _day_folder(p.name)]
    except OSError:
        return []
    entries = (_archive_entry(folder) for folder in sorted(folders, key=lambda p: p.name, reverse=True))
    return [entry for entry in entries if entry is not None]


def archive_page(root: Path) -> bytes:
    """``/archive``: the briefs by date, each linking its HTML and PDF."""
    e = html_lib.escape
    rows = []
    for entry in archive_entries(root):
        day = entry["date"].isoformat()
        links = [f'<a class="html" href="/archive/{day}/brief.html">HTML</a>' if entry["html"] else "",
                 f'<a class="pdf" href="/archive/{day}/brief.pdf">PDF</a>' if entry["pdf"] else ""]
        counts = f'{entry["stories"]} stories' + (f', {entry["continuing"]} continuing' if entry["continuing"] else "")
        weekday = entry["date"].strftime("%a")
        rows.append(f'<tr id="day-{day}"><th scope="row"><time datetime="{day}">{weekday} {day}</time></th>'
                    f'<td class="title">{e(entry["title"])}</td><td>{e(counts) if entry["stories"] else ""}</td>'
                    f'<td>{" ".join(x for x in links if x)}</td></tr>')
    table = ("<table><thead><tr><th>Date</th><th>Brief</th><th>Stories</th><th>Files</th></tr></thead><tbody>"
             + "".join(rows) + "</tbody></table>") if rows else f"<p>No briefs in {e(str(root))} yet.</p>"
    return ("<!doctype html><html lang='en'><head><meta charset='utf-8'><title>briefing archive</title>"
            "<style>body{font:15px/1.5 system-ui,sans-serif;margin:2em;color:#223}td,th{padding:.25em .8em;"
            "text-align:left;border-bottom:1px solid #ddd}a{color:#1d3557}</style></head><body>"
            f"<h1>Briefs</h1><p><a href='/'>Today's preview</a></p>{table}</body></html>").encode("utf-8")


def archive_response(root: Path, path: str) -> tuple[int, bytes, str, dict | None]:
    """(status, body, content type, extra headers) for a request under ``/archive``."""
    if path in ("/archive", "/archive/"):
        return 200, archive_page(root), BRIEF_TYPES["html"], None
    found = archived_file(root, path)
    try:
        body = found.read_bytes() if found is not None else None
    except OSError:
        body = None
    if found is None or body is None:
        return 404, b"not found\n", "text/plain; charset=utf-8", None
    kind = found.suffix[1:]
    extra = {"Content-Disposition": f'inline; filename="brief-{found.parent.name}.pdf"'} if kind == "pdf" else None
    return 200, body, BRIEF_TYPES[kind], extra


# -- HTTP -----------------------------------------------------------------------------


class _Server(ThreadingHTTPServer):
    daemon_threads = True
    allow_reuse_address = True


class _Server6(_Server):
    address_family = socket.AF_INET6


def _asset_path(dirs: list[Path], raw_path: str) -> Path | None:
    """The template asset a request path names, or None. Refuses anything odd."""
    if "\\" in raw_path or "\0" in raw_path or "//" in raw_path:
        return None
    try:
        decoded = unquote(raw_path, errors="strict")
    except UnicodeDecodeError:
        return None
    # no second layer of encoding, no backslashes, no control characters
    if "%" in decoded or "\\" in decoded or any(ord(c) < 32 for c in decoded):
        return None
    if not decoded.startswith("/"):
        return None
    segments = decoded[1:].split("/")
    if not segments or any(not _SAFE_SEGMENT.match(seg) for seg in segments):
        return None  # this also refuses '.', '..' and hidden files
    if Path(segments[-1]).suffix.lower() not in ASSET_TYPES:
        return None
    for base in dirs:
        try:
            root = base.resolve(strict=True)
        except OSError:
            continue
        candidate = root.joinpath(*segments)
        try:
            real = candidate.resolve(strict=True)
        except OSError:
            continue
        if real.is_relative_to(root) and real.is_file():
            return real
    return None


def _make_handler(preview: PreviewServer):
    class Handler(BaseHTTPRequestHandler):
        server_version = "briefing-preview"
        sys_version = ""
        protocol_version = "HTTP/1.1"

        def log_message(self, format: str, *args: Any) -> None:  # quiet; errors go to the bar
            pass

        def _send(self, code: int, body: bytes, ctype: str, *, head: bool = False, extra: dict | None = None) -> None:
            self.send_response(code)
            self.send_header("Content-Type", ctype)
            self.send_header("Content-Length", str(len(body)))
            self.send_header("Cache-Control", "no-store")
            self.send_header("X-Content-Type-Options", "nosniff")
            self.send_header("Referrer-Policy", "no-referrer")
            self.send_header("Content-Security-Policy", CSP)
            for k, v in (extra or {}).items():
                self.send_header(k, v)
            self.end_headers()
            if not head:
                self.wfile.write(body)

        def _not_found(self, head: bool) -> None:
            self._send(404, b"not found\n", "text/plain; charset=utf-8", head=head)

        def _host_ok(self) -> bool:
            if not is_loopback(preview.host):
                return True
            host = (self.headers.get("Host") or "").strip().lower()
            if host.startswith("["):
                name = host[: host.find("]") + 1] if "]" in host else host
            else:
                name = host.rsplit(":", 1)[0] if host.count(":") == 1 else host
            return name in _LOOPBACK_NAMES  # DNS rebinding guard

        def _route(self, head: bool) -> None:
            raw = self.path
            if not raw.startswith("/"):
                parts = urlsplit(raw)
                if parts.scheme not in ("http", "https"):
                    return self._not_found(head)
                raw = parts.path or "/"
            path = raw.split("?", 1)[0].split("#", 1)[0]
            if not self._host_ok():
                return self._send(403, b"forbidden host\n", "text/plain; charset=utf-8", head=head)
            if path in ("/", "/index.html"):
                return self._send(200, preview.page(), "text/html; charset=utf-8", head=head)
            if path == "/_version":
                return self._send(200, preview.version_json(), "application/json", head=head)
            if path == "/_live.js":
                return self._send(200, LIVE_JS.encode(), "text/javascript; charset=utf-8", head=head)
            if path.startswith("/archive") and preview.archive_dir is not None:
                code, body, ctype, extra = archive_response(preview.archive_dir, path)
                return self._send(code, body, ctype, head=head, extra=extra)
            if path in ("/brief.pdf", "/brief.json", "/brief.html"):
                name = path.rsplit(".", 1)[1]
                body = getattr(preview.snapshot(), name)
                if body is None:
                    return self._not_found(head)
                ctype = BRIEF_TYPES[name]
                extra = {"Content-Disposition": 'inline; filename="brief.pdf"'} if name == "pdf" else None
                return self._send(200, body, ctype, head=head, extra=extra)
            asset = _asset_path(preview.watched_dirs(), path)
            if asset is None:
                return self._not_found(head)
            try:
                body = asset.read_bytes()
            except OSError:
                return self._not_found(head)
            return self._send(200, body, ASSET_TYPES[asset.suffix.lower()], head=head)

        def do_GET(self) -> None:
            self._route(head=False)

        def do_HEAD(self) -> None:
            self._route(head=True)

    return Handler


# -- entry points -----------------------------------------------------------------------


def serve(
    paths: Iterable[str | os.PathLike],
    *,
    open_browser: bool = False,
    progress: Callable[[str], None] | None = None,
    **options: Any,
) -> int:
    """Serve the live preview until interrupted (Ctrl-C).

    `options` are `PreviewServer`'s (host, port, out_dir, template_dir, title, ...);
    `progress` gets the address, rebuilds and build errors.
    """
    server = PreviewServer(paths, progress=progress, **options)
    server.start()
    if progress:
        progress(f"previewing at {server.url} (Ctrl-C to stop)")
    if open_browser:
        import webbrowser

        webbrowser.open(server.url)
    previous = None
    if threading.current_thread() is threading.main_thread():

        def _terminate(signum, frame):  # systemd/kill: stop as cleanly as Ctrl-C
            raise KeyboardInterrupt

        previous = signal.signal(signal.SIGTERM, _terminate)
    try:
        while True:
            time.sleep(1)
    except KeyboardInterrupt:
        pass
    finally:
        server.stop()
        if previous is not None:
            signal.signal(signal.SIGTERM, previous)
    return 0
