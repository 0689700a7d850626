"""Small helpers the stages share for files and hosts, and the one cache folder.

Every file briefing keeps between runs lives under `cache_folder()` (README, "The cache
folder"): py3langid's model uncompressed (`ingest.language`), the tables the analysis derives
from its named sources (`kept_table`: names, cities, subdivisions, the IPTC terms) and, unless the configuration names another folder, the HTTP cache
(`ingest.fetch`). ``BRIEFING_CACHE=0`` turns the folder off: nothing is read from it or written
to it, and every result is the same, only slower to reach."""

from __future__ import annotations

import functools
import hashlib
import ipaddress
import os
import tempfile
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TypeVar

T = TypeVar("T")


def atomic_write(path: Path, data: bytes) -> None:
    """Write `data` to `path` so that readers see the old file or the new one, never half of it."""
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as f:
            f.write(data)
            f.flush()
            os.fsync(f.fileno())
        os.chmod(tmp, 0o644)
        os.replace(tmp, path)
    except BaseException:
        try:
            os.unlink(tmp)
        except OSError:
            pass
        raise


CACHE_SWITCH = "BRIEFING_CACHE"
"""The environment variable that turns the cache folder off ("0", "off", "no" or "false")."""
_OFF = ("0", "off", "no", "false")


def cache_folder() -> Path | None:
    """Where briefing keeps what it may make again (``$XDG_CACHE_HOME/briefing``, else
    ``~/.cache/briefing``); None when ``BRIEFING_CACHE=0``: keep nothing on disk. Worker
    processes inherit the switch with the environment."""
    if os.environ.get(CACHE_SWITCH, "").strip().lower() in _OFF:
        return None
    root = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(root) / "briefing"


def is_loopback(host: str) -> bool:
    """True for names and addresses that never leave this machine (127.0.0.0/8, ::1, localhost)."""
    if host.lower() in ("localhost", "localhost.localdomain"):
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False


def source_key(modules: Sequence[str], packages: Sequence[str], data: Sequence[Path] = ()) -> str:
    """A short hash of the code of `modules` (their files' bytes), the installed versions of
    `packages` and the bytes of our `data` files: what a table derived from named sources depends
    on, so that a table kept under this key is never read back after any of them changed."""
    from importlib.metadata import PackageNotFoundError, version
    from importlib.util import find_spec

    digest = hashlib.sha1()
    for name in modules:
        digest.update(Path(find_spec(name).origin).read_bytes())
    for package in packages:
        try:
            digest.update(f"{package}={version(package)}".encode())
        except PackageNotFoundError:
            digest.update(f"{package}=none".encode())
    for path in data:
        digest.update(path.read_bytes())
    return digest.hexdigest()[:12]


def kept_table(name: str, key: str, make: Callable[[], T]) -> T:
    """`make()`'s value (strings, numbers and their dicts, lists and frozensets), kept in the cache
    folder as ``table-<name>-<key>.marshal``: read back in a few milliseconds by every later
    process (each worker of a build would otherwise make it again); made afresh, and nothing
    written, when the cache folder is off."""
    import marshal

    folder = cache_folder()
    path = folder / f"table-{name}-{key}.marshal" if folder is not None else None
    if path is not None:
        try:
            return marshal.loads(path.read_bytes())
        except (OSError, EOFError, ValueError, TypeError):
            pass  # not made yet, or unreadable: made again below
    value = make()
    if path is not None:
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            atomic_write(path, marshal.dumps(value))
        except (OSError, ValueError):  # a read-only home, or a value marshal cannot keep
            pass
    return value


def kept(name: str, key: Callable[[], str]) -> Callable[[Callable[[], T]], Callable[[], T]]:
    """A function of no arguments whose value `kept_table` keeps under `name` and `key()` (asked
    on first use, not at import), and this process keeps in memory once read."""

    def decorate(make: Callable[[], T]) -> Callable[[], T]:
        @functools.lru_cache(maxsize=1)
        @functools.wraps(make)
        def value() -> T:
            return kept_table(name, key(), make)

        return value

    return decorate
