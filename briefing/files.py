"""Small helpers the stages share for files and hosts."""

from __future__ import annotations

import ipaddress
import os
import tempfile
from pathlib import Path


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


def is_loopback(host: str) -> bool:
    """True for names and addresses that never leave this machine (127.0.0.0/8, ::1, localhost)."""
    if host.lower() in ("localhost", "localhost.localdomain"):
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False


def user_cache_file(fname: str) -> Path:
    """Where a named general source keeps a small derived file: `$XDG_CACHE_HOME/briefing/fname`,
    or `~/.cache/briefing/fname`."""
    root = Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache")
    return root / "briefing" / fname


def write_cache_lines(path: Path, lines: list[str]) -> None:
    """Keep `lines` in the cache file `path`; a read-only home only costs reading the source again
    next time."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        atomic_write(path, ("\n".join(lines) + "\n").encode("utf-8"))
    except OSError:
        pass
