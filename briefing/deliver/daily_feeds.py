"""The day's articles from the configured feeds, each used once across feeds and days.

`gather_feed_articles(config, day, out_dir, fetch)` reads every ``[[feeds]]`` entry of the day's
window, skips the entries another day used (by GUID and by canonical and entry URL, across feeds
and days) and those the day's folder already holds, fetches and extracts their pages, and saves
each new article in ``<out>/YYYY-MM-DD/articles/`` as text plus a JSON record, so the day's brief
can be rebuilt and audited offline.

**The window.** A day's window ends at the end of the day in the configured time zone
(`Config.timezone`, else the machine's), or now while the day is today. It starts `window_hours`
before that, or at the end of the latest earlier day's window when that is earlier (a weekend
without runs is covered, and so is an entry that appeared late with an earlier date); once a
day has run, its start is kept. A past day's window takes no undated entry: it cannot be placed
in the day.

**The state**, ``<out>/.feeds-state.json``, is kept per day::

    {"version": 2,
     "days": {"2024-05-01": {"since": "...", "until": "...", "run_at": "..."}, ...},
     "seen": {"<guid or URL>": "2024-05-01", ...}}

Each id belongs to the day that used it first. A run for day D takes only entries no other day
used, so it never takes (steals) a later day's entries, and it writes only D's record, so it never
changes a later day's window; re-running an old day (say with ``--offline``, from the HTTP cache)
gives that day back. An entry D used that its folder no longer holds (the folder was deleted) is
gathered again. Ids and days more than `KEEP_DAYS` before the newest day are dropped, so the file
stays small. The state is read and written under a lock, so two days run at once lose no ids.
"""

from __future__ import annotations

import datetime as dt
import fcntl
import json
import os
import re
import unicodedata
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

from briefing.config import Config, feed_sources
from briefing.ingest.fetch import FetchSettings
from briefing.ingest.load import save_article
from briefing.ingest.web import read_sources
from briefing.model import BriefingError, InputError

__all__ = ["gather_feed_articles", "FeedDay", "STATE_FILE", "ARTICLES_FOLDER", "KEEP_DAYS"]

STATE_FILE = ".feeds-state.json"
STATE_LOCK = ".feeds-state.lock"
STATE_VERSION = 2  # the state file's layout (version 1 is converted on reading: `_read_state`)
ARTICLES_FOLDER = "articles"
KEEP_DAYS = 60
"""Days of used ids kept: a feed holds entries for days or weeks, never for two months."""


@dataclass
class FeedDay:
    folder: Path
    """``<out>/YYYY-MM-DD/articles/``: every article the day's runs gathered."""
    new: int
    since: dt.datetime
    until: dt.datetime | None = None
    """The end of the window (the end of the day for a past day, else the time of the run)."""
    errors: list[InputError] = field(default_factory=list)
    past: bool = False
    """True when the day was over before the run: its window ended at the day's end."""


def _slug(title: str) -> str:
    ascii_title = unicodedata.normalize("NFKD", title).encode("ascii", "ignore").decode()
    words = re.findall(r"[a-z0-9]+", ascii_title.lower())
    return "-".join(words)[:60].strip("-") or "article"


def _when(value) -> dt.datetime | None:
    try:
        when = dt.datetime.fromisoformat(str(value))
    except (TypeError, ValueError):
        return None
    return when if when.tzinfo else when.replace(tzinfo=dt.timezone.utc)


def _read_state(path: Path) -> dict:
    """The state, in version 2's form. Version 1 (one ``last_run`` for all days) becomes a record
    for the newest day it used, so the next day's window starts where that run ended."""
    empty = {"version": STATE_VERSION, "days": {}, "seen": {}}
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return empty
    if not isinstance(data, dict) or not isinstance(data.get("seen"), dict):
        return empty
    seen = {str(k): str(v) for k, v in data["seen"].items()}
    days = data.get("days") if isinstance(data.get("days"), dict) else {}
    days = {d: r for d, r in days.items() if isinstance(r, dict)}
    if not days and data.get("last_run") and seen:
        days = {max(seen.values()): {"until": data["last_run"]}}
    return {"version": STATE_VERSION, "days": days, "seen": seen}


def _write_state(path: Path, state: dict) -> None:
    from briefing.files import atomic_write

    path.parent.mkdir(parents=True, exist_ok=True)
    atomic_write(path, (json.dumps(state, indent=1, sort_keys=True) + "\n").encode("utf-8"))


@contextmanager
def _state_lock(root: Path):
    root.mkdir(parents=True, exist_ok=True)
    fd = os.open(root / STATE_LOCK, os.O_RDWR | os.O_CREAT, 0o644)
    try:
        fcntl.flock(fd, fcntl.LOCK_EX)  # another day's run holds it for a few seconds at most
        yield
    finally:
        os.close(fd)


def day_window(config: Config, state: dict, day: dt.date, now: dt.datetime) -> tuple[dt.datetime, dt.datetime, bool]:
    """(since, until, past): the day's window and whether the day is over. `BriefingError` for
    a day that has not begun in the configured time zone."""
    start, end = config.day_bounds(day)
    if start > now:
        zone = config.timezone or "the machine's time zone"
        raise BriefingError(f"{day.isoformat()} has not begun yet in {zone}: no feed entries can be for it")
    past = end <= now
    until = end if past else now
    record = state["days"].get(day.isoformat()) or {}
    since = _when(record.get("since"))
    if since is None:
        since = until - dt.timedelta(hours=config.window_hours)
        earlier = [u for d, r in state["days"].items() if d < day.isoformat() and (u := _when(r.get("until")))]
        if earlier:
            since = min(since, max(earlier))
    return since, until, past


def _held_ids(folder: Path) -> set[str]:
    """The ids of the articles the day's folder holds (their JSON records say)."""
    ids: set[str] = set()
    for meta in folder.glob("*.json"):
        try:
            record = json.loads(meta.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            continue
        if isinstance(record, dict) and isinstance(record.get("ids"), list):
            ids.update(str(i) for i in record["ids"])
    return ids


def _forget_old(state: dict) -> None:
    newest = max([*state["days"], *state["seen"].values()], default=None)
    if newest is None:
        return
    cutoff = (dt.date.fromisoformat(newest[:10]) - dt.timedelta(days=KEEP_DAYS)).isoformat()
    state["seen"] = {i: d for i, d in state["seen"].items() if d >= cutoff}
    state["days"] = {d: r for d, r in state["days"].items() if d >= cutoff}


def gather_feed_articles(
    config: Config,
    day: dt.date,
    out_dir: Path,
    fetch: FetchSettings,
    *,
    now: dt.datetime | None = None,
    progress=None,
) -> FeedDay:
    now = now or dt.datetime.now(dt.timezone.utc)
    root = config.resolve(config.out)
    folder = out_dir / ARTICLES_FOLDER
    folder.mkdir(parents=True, exist_ok=True)
    key = day.isoformat()
    with _state_lock(root):
        state = _read_state(root / STATE_FILE)
        since, until, past = day_window(config, state, day, now)
        seen: dict[str, str] = state["seen"]
        held = _held_ids(folder)

        def used(ids) -> bool:  # by another day, or already in this day's folder
            return any(i in held or seen.get(i, key) != key for i in ids)

        read = read_sources(feed_sources(config), fetch, since=since, until=until if past else None,
                            seen=used, progress=progress)
        number = len(list(folder.glob("*.txt")))
        new = 0
        for item in read.items:
            if used(item.ids):  # the same article came through two feeds this run
                continue
            number += 1
            feed = config.feeds[item.source_index]
            save_article(item.article, folder / f"{number:03d}-{_slug(item.article.title)}.txt",
                         {"feed": feed.url, "ids": item.ids, "fetched_at": now.isoformat(timespec="seconds")})
            held.update(item.ids)
            for i in item.ids:
                seen[i] = key
            new += 1
        record = state["days"].get(key) or {}
        last = _when(record.get("until"))
        state["days"][key] = {"since": since.isoformat(timespec="seconds"),
                              "until": max(until, last or until).isoformat(timespec="seconds"),
                              "run_at": now.isoformat(timespec="seconds")}
        _forget_old(state)
        _write_state(root / STATE_FILE, state)
    return FeedDay(folder, new, since, until, [error for _, error in read.errors], past)
