"""Sample article text the ingest tests (decode, clean, ingest) share."""

from __future__ import annotations

from pathlib import Path

LEAD = (
    "The foreign ministers of South Korea and Japan agreed on Tuesday to resume regular talks "
    "on trade, officials said."
)
BODY = "The two sides will meet again in Tokyo next month to review progress on the plan."


def write(tmp_path: Path, name: str, data: bytes | str) -> Path:
    """Write `data` (text as UTF-8) to tmp_path/name and return the path."""
    p = tmp_path / name
    p.write_bytes(data if isinstance(data, bytes) else data.encode("utf-8"))
    return p
