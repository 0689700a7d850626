"""The one HTTP client: fetch pages and feeds the way a careful crawler does.

Public API:

- `FetchSettings` -> the limits and rules of a run (timeouts, byte cap, robots, cache, offline).
- `Fetcher(settings)` -> `fetch(url, trusted=...)` one `Response` or a `FetchError`;
  `fetch_many(requests)` several in parallel (at most 2 connections per host).
- `FetchError` -> an `InputError` naming the URL, with a one-line reason.
- `host_key(url)` -> "host:port" of a URL, the unit the private-address rule and robots use.

Rules: only http and https; at most 5 redirects, each hop checked again; a byte cap per response
(10 MB) counted after gzip is undone, so a compressed bomb is cut off too; connect and read
timeouts plus a per-response and a whole-run time bound, so a slow drip cannot hang the run; 429
and 5xx retried with back-off, honouring Retry-After; robots.txt obeyed (RFC 9309: a missing file
allows all, an unreachable one forbids all); a response cache on disk with ETag / Last-Modified
revalidation, and an offline mode that reads the cache alone. URLs that come from feeds, OPML or
redirects (untrusted) may not reach loopback, private, link-local or multicast addresses unless
the user named that host or allowed private hosts; the address is checked before each request and
again when the connection is opened, on the address connected to (so DNS rebinding is refused).
"""

from __future__ import annotations

import email.utils
import hashlib
import ipaddress
import json
import socket
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urljoin, urlsplit
from urllib.robotparser import RobotFileParser

from briefing import __version__
from briefing.files import cache_folder
from briefing.model import InputError

__all__ = [
    "FetchSettings", "Fetcher", "FetchError", "FetchRequest", "Response", "host_key", "is_web_url",
    "default_cache_dir", "USER_AGENT",
]

USER_AGENT = f"briefing/{__version__} (+https://pypi.org/project/briefing/)"
SCHEMES = ("http", "https")
PER_HOST_CONNECTIONS = 2  # a polite crawler's limit: one site is never asked more than twice at once
_CHUNK = 65536  # bytes read at a time, so the size cap stops a download within 64 KiB of it


class FetchError(InputError):
    """A URL that could not be fetched; the message is ``URL: reason``."""

    def __init__(self, url: str, reason: str):
        super().__init__(url, reason)
        self.url = url

    def __str__(self) -> str:  # InputError stores a Path, which would fold "//" in the URL
        return f"{self.url}: {self.reason}"


def default_cache_dir() -> Path | None:
    """The HTTP cache the commands use when the configuration names none: ``http`` in the cache
    folder (`files.cache_folder`); None (no HTTP cache) when ``BRIEFING_CACHE=0``."""
    folder = cache_folder()
    return folder / "http" if folder is not None else None


@dataclass
class FetchSettings:
    connect_timeout: float = 10.0
    read_timeout: float = 20.0
    response_seconds: float = 60.0
    """The most one response may take, however steadily its bytes drip in."""
    total_seconds: float = 600.0
    """The most the whole run may spend fetching; later requests fail with a one-line reason."""
    max_bytes: int = 10 * 1024 * 1024
    max_redirects: int = 5
    retries: int = 2
    backoff: float = 1.0
    """First retry waits this many seconds, then twice as long each time (unless Retry-After says)."""
    max_retry_wait: float = 30.0
    respect_robots: bool = True
    allow_private_hosts: bool = False
    named_hosts: set[str] = field(default_factory=set)
    """`host_key`s the user named (command line or config): they may be private addresses."""
    cache_dir: Path | None = None
    """None: no cache. `default_cache_dir()` is what the commands use."""
    offline: bool = False
    workers: int = 8
    user_agent: str = USER_AGENT


@dataclass
class Response:
    url: str
    """The URL as asked for."""
    final_url: str
    """Where the body came from after redirects."""
    status: int
    content_type: str
    """The media type, lower case, without parameters ("" when the server sent none)."""
    charset: str | None
    body: bytes
    from_cache: bool = False
    """True when the body was not downloaded this time (304 Not Modified, or offline)."""


@dataclass
class FetchRequest:
    url: str
    trusted: bool = False
    """True for URLs the user typed; False for those from feeds, OPML files and redirects."""


def is_web_url(text: str) -> bool:
    return str(text).lower().startswith(("http://", "https://"))


def host_key(url: str) -> str:
    """``host:port`` (port filled in from the scheme), lower case."""
    parts = urlsplit(url)
    host = (parts.hostname or "").lower()
    try:
        port = parts.port
    except ValueError:
        port = None
    if port is None:
        port = 443 if parts.scheme.lower() == "https" else 80
    return f"{host}:{port}"


def _internal_address(address: str) -> bool:
    ip = ipaddress.ip_address(address.split("%")[0])
    if isinstance(ip, ipaddress.IPv6Address) and ip.ipv4_mapped:
        ip = ip.ipv4_mapped
    return (
        ip.is_loopback or ip.is_private or ip.is_link_local or ip.is_multicast
        or ip.is_reserved or ip.is_unspecified
    )


class _Budget:
    """The run's time bound, shared by every request."""

    def __init__(self, seconds: float):
        self.deadline = time.monotonic() + seconds

    def left(self) -> float:
        return self.deadline - time.monotonic()


class _Cache:
    """Responses on disk: one JSON record and one body file per URL, named by the URL's hash."""

    def __init__(self, root: Path):
        self.root = Path(root)

    def _paths(self, url: str) -> tuple[Path, Path]:
        digest = hashlib.sha256(url.encode("utf-8")).hexdigest()
        folder = self.root / digest[:2]
        return folder / f"{digest}.json", folder / f"{digest}.body"

    def get(self, url: str) -> tuple[dict, bytes] | None:
        meta_path, body_path = self._paths(url)
        try:
            meta = json.loads(meta_path.read_text(encoding="utf-8"))
            if meta.get("alias"):
                return None
            return meta, body_path.read_bytes()
        except (OSError, ValueError):
            return None

    def alias(self, url: str) -> str | None:
        meta_path, _ = self._paths(url)
        try:
            return json.loads(meta_path.read_text(encoding="utf-8")).get("alias")
        except (OSError, ValueError):
            return None

    def put(self, url: str, meta: dict, body: bytes | None) -> None:
        from briefing.files import atomic_write

        meta_path, body_path = self._paths(url)
        try:
            meta_path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
            if body is not None:
                atomic_write(body_path, body)
            atomic_write(meta_path, json.dumps(meta).encode("utf-8"))
        except OSError:
            pass  # a cache that cannot be written costs a download next time, nothing more


def _retry_after(value: str | None) -> float | None:
    if not value:
        return None
    value = value.strip()
    if value.isdigit():
        return float(value)
    try:
        when = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    return max(0.0, when.timestamp() - time.time())


def _media_type(header: str | None) -> tuple[str, str | None]:
    if not header:
        return "", None
    parts = [p.strip() for p in header.split(";")]
    charset = None
    for p in parts[1:]:
        if p.lower().startswith("charset="):
            charset = p.split("=", 1)[1].strip("\"' ") or None
    return parts[0].lower(), charset


def _guarded_transport(max_connections: int, may_reach_internal):
    """httpx's transport, connecting through `_GuardedBackend` (see there). Should a future httpx
    lay its transport out differently, the plain transport is used and the check before each
    request (`Fetcher._check_url`) still stands."""
    import httpcore
    import httpx

    transport = httpx.HTTPTransport(limits=httpx.Limits(max_connections=max_connections), trust_env=False)
    if isinstance(getattr(transport, "_pool", None), httpcore.ConnectionPool):
        transport._pool = httpcore.ConnectionPool(
            ssl_context=httpx.create_ssl_context(trust_env=False),
            max_connections=max_connections,
            network_backend=_GuardedBackend(may_reach_internal),
        )
    return transport


class _GuardedBackend:
    """Opens the TCP connections, and checks the address it connects to at that moment: a host
    that was public when its URL was checked but resolves to an internal address by connect time
    (DNS rebinding) is refused, unless `may_reach_internal("host:port")` says the user named it."""

    def __init__(self, may_reach_internal):
        import httpcore

        self._inner = httpcore.SyncBackend()
        self._may_reach_internal = may_reach_internal

    def connect_tcp(self, host, port, timeout=None, local_address=None, socket_options=None):
        import httpcore

        if self._may_reach_internal(f"{host.lower()}:{port}"):
            return self._inner.connect_tcp(host, port, timeout, local_address, socket_options)
        try:
            addresses = [info[4][0] for info in socket.getaddrinfo(host, port, proto=socket.IPPROTO_TCP)]
        except (socket.gaierror, UnicodeError, OSError):
            raise httpcore.ConnectError(f"host {host} not found") from None
        for address in addresses:
            if _internal_address(address):
                raise httpcore.ConnectError(f"refused: {host} now resolves to an internal address ({address})")
        last: Exception = httpcore.ConnectError(f"host {host} has no address")
        for address in dict.fromkeys(addresses):  # connect to the address just checked, not a new lookup
            try:
                return self._inner.connect_tcp(address, port, timeout, local_address, socket_options)
            except httpcore.ConnectError as exc:
                last = exc
        raise last

    def connect_unix_socket(self, path, timeout=None, socket_options=None):
        import httpcore

        raise httpcore.ConnectError("unix sockets are not used")

    def sleep(self, seconds: float) -> None:
        time.sleep(seconds)


def _round_robin_by_host(requests: list[FetchRequest]) -> list[int]:
    """Request indices taking one host after another, so that workers waiting for one busy host's
    2 connections do not leave the other hosts idle."""
    by_host: dict[str, list[int]] = {}
    for index, req in enumerate(requests):
        by_host.setdefault(host_key(req.url), []).append(index)
    queues = list(by_host.values())
    order: list[int] = []
    for depth in range(max((len(q) for q in queues), default=0)):
        order.extend(q[depth] for q in queues if depth < len(q))
    return order


class _Failure(Exception):
    def __init__(self, reason: str, retry_after: float | None = None, retryable: bool = False):
        super().__init__(reason)
        self.reason = reason
        self.retry_after = retry_after
        self.retryable = retryable


class Fetcher:
    """One HTTP client for a run. Thread-safe; use as a context manager or call `close`."""

    def __init__(self, settings: FetchSettings | None = None):
        import httpx

        self.settings = settings or FetchSettings()
        s = self.settings
        self._httpx = httpx
        self._trusted_hosts: set[str] = set(s.named_hosts)
        """`host_key`s the user named, plus those of every trusted URL asked for this run."""
        self.client = httpx.Client(
            headers={"User-Agent": s.user_agent, "Accept-Encoding": "gzip, deflate"},
            timeout=httpx.Timeout(s.read_timeout, connect=s.connect_timeout),
            follow_redirects=False,
            transport=_guarded_transport(max(4, s.workers * PER_HOST_CONNECTIONS), self._may_reach_internal),
            trust_env=False,
        )
        self.cache = _Cache(s.cache_dir) if s.cache_dir else None
        self.budget = _Budget(s.total_seconds)
        self._lock = threading.Lock()
        self._host_slots: dict[str, threading.Semaphore] = {}
        self._robots: dict[str, RobotFileParser | str] = {}
        self._robots_locks: dict[str, threading.Lock] = {}
        self.downloads = 0
        """Full responses downloaded (not counting 304 revalidations and cache reads)."""

    def __enter__(self) -> "Fetcher":
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def close(self) -> None:
        self.client.close()

    # -- public -----------------------------------------------------------------------------

    def fetch(self, url: str, *, trusted: bool = False) -> Response:
        """Fetch one URL (redirects followed and checked). Raises `FetchError`."""
        if trusted:
            with self._lock:
                self._trusted_hosts.add(host_key(url))
        try:
            return self._fetch(url, trusted)
        except _Failure as failure:
            raise FetchError(url, failure.reason) from None

    def fetch_many(self, requests: list[FetchRequest], progress=None) -> list[Response | FetchError]:
        """Fetch in parallel, results in the order asked; `progress(done, total, failed)` after each."""
        results: list[Response | FetchError | None] = [None] * len(requests)
        done = failed = 0
        count_lock = threading.Lock()

        def one(index: int) -> None:
            nonlocal done, failed
            req = requests[index]
            try:
                results[index] = self.fetch(req.url, trusted=req.trusted)
            except FetchError as exc:
                results[index] = exc
            with count_lock:
                done += 1
                failed += isinstance(results[index], FetchError)
                if progress:
                    progress(done, len(requests), failed)

        if len(requests) <= 1:
            for i in range(len(requests)):
                one(i)
        else:
            with ThreadPoolExecutor(max_workers=min(self.settings.workers, len(requests))) as pool:
                list(pool.map(one, _round_robin_by_host(requests)))
        return results  # type: ignore[return-value]

    # -- checks -----------------------------------------------------------------------------

    def _may_reach_internal(self, key: str) -> bool:
        if self.settings.allow_private_hosts:
            return True
        with self._lock:
            return key in self._trusted_hosts

    def _check_url(self, url: str, trusted: bool) -> None:
        parts = urlsplit(url)
        if parts.scheme.lower() not in SCHEMES:
            raise _Failure(f"refused: only http and https URLs are fetched, not {parts.scheme or 'no scheme'}:")
        if not parts.hostname:
            raise _Failure("not a URL with a host name")
        if parts.username or parts.password:
            raise _Failure("refused: URLs with a user name or password are not fetched")
        s = self.settings
        if trusted or s.allow_private_hosts or host_key(url) in s.named_hosts:
            return
        if s.offline:
            return  # nothing leaves the machine
        host = parts.hostname
        try:
            infos = socket.getaddrinfo(host, parts.port or 80, proto=socket.IPPROTO_TCP)
        except (socket.gaierror, UnicodeError, OSError):
            raise _Failure(f"host {host} not found") from None
        for info in infos:
            address = info[4][0]
            if _internal_address(address):
                raise _Failure(
                    f"refused: {host} is a loopback, private, link-local or multicast address ({address}); "
                    "name the host yourself or set allow_private_hosts = true to fetch it"
                )

    def _slot(self, url: str) -> threading.Semaphore:
        with self._lock:
            return self._host_slots.setdefault(host_key(url), threading.Semaphore(PER_HOST_CONNECTIONS))

    # -- robots -----------------------------------------------------------------------------

    def _allowed_by_robots(self, url: str, trusted: bool) -> bool:
        """Raises `_Failure` when the origin's robots.txt cannot be read (RFC 9309: forbid all)."""
        parts = urlsplit(url)
        origin = f"{parts.scheme.lower()}://{parts.netloc.lower()}"
        with self._lock:
            lock = self._robots_locks.setdefault(origin, threading.Lock())
        with lock:
            if origin not in self._robots:
                self._robots[origin] = self._load_robots(origin, trusted)
        rules = self._robots[origin]
        if isinstance(rules, str):
            raise _Failure(f"robots.txt of {parts.netloc} could not be read ({rules}), so nothing there is fetched")
        return rules.can_fetch(self.settings.user_agent, url)

    def _load_robots(self, origin: str, trusted: bool) -> RobotFileParser | str:
        """The origin's rules, or why robots.txt could not be read."""
        rules = RobotFileParser()
        try:
            response = self._fetch_one_hop(origin + "/robots.txt", trusted, accept_any=True)
        except _Failure as failure:
            if failure.reason.startswith("HTTP 4"):  # no robots.txt: everything is allowed
                rules.parse([])
                return rules
            return failure.reason
        if 300 <= response.status < 400:  # a robots.txt that redirects away: treat as absent
            rules.parse([])
            return rules
        text = response.body.decode("utf-8", errors="replace")
        rules.parse(text.splitlines())
        return rules

    # -- the request ------------------------------------------------------------------------

    def _fetch(self, url: str, trusted: bool) -> Response:
        if self.settings.offline:
            return self._from_cache_only(url)
        if self.budget.left() <= 0:
            raise _Failure(f"not fetched: the run's time limit ({self.settings.total_seconds:.0f} s) was reached")
        current = url
        seen: set[str] = set()
        named = host_key(url) if trusted else None
        for hop in range(self.settings.max_redirects + 1):
            self._check_url(current, trusted)
            if self.settings.respect_robots and not self._allowed_by_robots(current, trusted):
                raise _Failure(f"robots.txt of {urlsplit(current).netloc} does not allow fetching {current}")
            seen.add(current)
            response = self._fetch_one_hop(current, trusted)
            if 300 <= response.status < 400:
                target = response.final_url
                if target in seen:
                    raise _Failure(f"redirect loop ({current} -> {target})")
                current = target
                # the server chose the next URL: it is trusted only while it stays on the host the user named
                trusted = host_key(target) == named
                continue
            response.url = url
            if self.cache and current != url:
                self.cache.put(url, {"alias": current}, None)
            return response
        raise _Failure(f"too many redirects (more than {self.settings.max_redirects})")

    def _from_cache_only(self, url: str) -> Response:
        if not self.cache:
            raise _Failure("offline and no cache to read from")
        target = url
        for _ in range(self.settings.max_redirects + 1):
            alias = self.cache.alias(target)
            if not alias:
                break
            target = alias
        hit = self.cache.get(target)
        if hit is None:
            raise _Failure("offline: not in the cache")
        meta, body = hit
        return Response(url, meta.get("final_url", target), meta.get("status", 200), meta.get("content_type", ""),
                        meta.get("charset"), body, from_cache=True)

    def _fetch_one_hop(self, url: str, trusted: bool, accept_any: bool = False) -> Response:
        """One request with retries; a 3xx comes back with `final_url` set to its Location."""
        attempt = 0
        while True:
            try:
                with self._slot(url):
                    return self._request(url)
            except _Failure as failure:
                s = self.settings
                if not failure.retryable or attempt >= s.retries:
                    raise
                wait = failure.retry_after if failure.retry_after is not None else s.backoff * (2 ** attempt)
                if wait > s.max_retry_wait or wait >= self.budget.left():
                    raise _Failure(f"{failure.reason}; server asked to retry in {wait:.0f} s, too late") from None
                time.sleep(wait)
                attempt += 1

    def _request(self, url: str) -> Response:
        httpx = self._httpx
        s = self.settings
        left = self.budget.left()
        if left <= 0:
            raise _Failure(f"not fetched: the run's time limit ({s.total_seconds:.0f} s) was reached")
        cached = self.cache.get(url) if self.cache else None
        headers = {}
        if cached:
            meta = cached[0]
            if meta.get("etag"):
                headers["If-None-Match"] = meta["etag"]
            if meta.get("last_modified"):
                headers["If-Modified-Since"] = meta["last_modified"]
        limit = min(s.response_seconds, left)
        timeout = httpx.Timeout(min(s.read_timeout, limit), connect=min(s.connect_timeout, limit))
        started = time.monotonic()
        try:
            with self.client.stream("GET", url, headers=headers, timeout=timeout) as r:
                status = r.status_code
                if 300 <= status < 400 and status != 304:
                    location = r.headers.get("location")
                    if not location:
                        raise _Failure(f"HTTP {status} redirect without a Location")
                    return Response(url, urljoin(url, location.strip()), status, "", None, b"")
                if status == 304:
                    if not cached:
                        raise _Failure("HTTP 304 Not Modified to a request that asked for no revalidation")
                    meta, body = cached
                    return Response(url, meta.get("final_url", url), 200, meta.get("content_type", ""),
                                    meta.get("charset"), body, from_cache=True)
                if status == 429 or 500 <= status < 600:
                    raise _Failure(f"HTTP {status}", _retry_after(r.headers.get("retry-after")), retryable=True)
                if status >= 400:
                    raise _Failure(f"HTTP {status}")
                declared = r.headers.get("content-length")
                if declared and declared.isdigit() and int(declared) > s.max_bytes and "content-encoding" not in r.headers:
                    raise _Failure(f"too large ({int(declared) // (1024 * 1024)} MB; the limit is {s.max_bytes // (1024 * 1024)} MB)")
                chunks: list[bytes] = []
                size = 0
                for chunk in r.iter_bytes():
                    size += len(chunk)
                    if size > s.max_bytes:
                        raise _Failure(f"too large (over {s.max_bytes // (1024 * 1024)} MB)")
                    chunks.append(chunk)
                    if time.monotonic() - started > limit:
                        raise _Failure(f"too slow: no complete response within {limit:.0f} s")
                body = b"".join(chunks)
                content_type, charset = _media_type(r.headers.get("content-type"))
                with self._lock:
                    self.downloads += 1
                if self.cache:
                    self.cache.put(url, {
                        "final_url": url, "status": status, "content_type": content_type, "charset": charset,
                        "etag": r.headers.get("etag"), "last_modified": r.headers.get("last-modified"),
                        "fetched_at": time.time(),
                    }, body)
                return Response(url, url, status, content_type, charset, body)
        except _Failure:
            raise
        except httpx.TimeoutException:
            raise _Failure(f"timed out (no answer within {min(s.read_timeout, limit):.0f} s)", retryable=False) from None
        except httpx.DecodingError:
            raise _Failure("the compressed body is broken") from None
        except httpx.TransportError as exc:
            reason = " ".join(str(exc).split()) or type(exc).__name__
            raise _Failure(f"could not connect: {reason[:160]}") from None
        except httpx.InvalidURL as exc:
            raise _Failure(f"not a valid URL: {exc}") from None
