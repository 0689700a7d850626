"""The day's articles from the configured feeds, each used once across feeds and days.

`gather_feed_articles(config, day, out_dir, fetch)` reads every ``[[feeds]]`` entry published
since the last run or in the last ``window_hours``, whichever reaches further back, skips entries already used
(by GUID and by canonical and entry URL, across feeds and days), fetches and extracts their
pages, and saves each new article in ``<out>/YYYY-MM-DD/articles/`` as text plus a JSON record,
so the day's brief can be rebuilt and audited offline. The ids used are kept in a small state
file beside the day folders, ``<out>/.feeds-state.json``; ids older than `KEEP_DAYS` are dropped
from it so it stays small.
"""

from __future__ import annotations

import datetime as dt
import json
import re
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path

from briefing.config import Config, feed_sources
from briefing.ingest.fetch import FetchSettings
from briefing.ingest.load import save_article
from briefing.ingest.web import read_sources
from briefing.model import InputError

__all__ = ["gather_feed_articles", "FeedDay", "STATE_FILE", "ARTICLES_FOLDER", "KEEP_DAYS"]

STATE_FILE = ".feeds-state.json"
ARTICLES_FOLDER = "articles"
KEEP_DAYS = 60


@dataclass
class FeedDay:
    folder: Path
    """``<out>/YYYY-MM-DD/articles/``: every article the day's runs gathered."""
    new: int
    since: dt.datetime
    errors: list[InputError] = field(default_factory=list)


def _slug(title: str) -> str:
    ascii_title = unicodedata.normalize("NFKD", title).encode("ascii", "ignore").decode()
    words = re.findall(r"[a-z0-9]+", ascii_title.lower())
    return "-".join(words)[:60].strip("-") or "article"


def _read_state(path: Path) -> dict:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {"last_run": None, "seen": {}}
    if not isinstance(data, dict) or not isinstance(data.get("seen"), dict):
        return {"last_run": None, "seen": {}}
    return data


def _write_state(path: Path, state: dict) -> None:
    from briefing.files import atomic_write

    path.parent.mkdir(parents=True, exist_ok=True)
    atomic_write(path, (json.dumps(state, indent=1, sort_keys=True) + "\n").encode("utf-8"))


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
    state_path = config.resolve(config.out) / STATE_FILE
    state = _read_state(state_path)
    # the earlier of the last run and the window: a gap (a weekend) is covered, and so is an entry
    # that showed up late with an earlier date; entries already used are skipped by id anyway
    since = now - dt.timedelta(hours=config.window_hours)
    if state.get("last_run"):
        try:
            last = dt.datetime.fromisoformat(state["last_run"])
            since = min(since, last if last.tzinfo else last.replace(tzinfo=dt.timezone.utc))
        except ValueError:
            pass
    seen: dict[str, str] = state["seen"]
    sources = feed_sources(config)
    read = read_sources(sources, fetch, since=since, seen=lambda ids: any(i in seen for i in ids), progress=progress)

    folder = out_dir / ARTICLES_FOLDER
    folder.mkdir(parents=True, exist_ok=True)
    number = len(list(folder.glob("*.txt")))
    new = 0
    for item in read.items:
        if any(i in seen for i in item.ids):  # the same article came through two feeds this run
            continue
        number += 1
        feed = config.feeds[item.source_index]
        save_article(item.article, folder / f"{number:03d}-{_slug(item.article.title)}.txt",
                     {"feed": feed.url, "ids": item.ids, "fetched_at": now.isoformat(timespec="seconds")})
        for i in item.ids:
            seen[i] = day.isoformat()
        new += 1
    cutoff = (day - dt.timedelta(days=KEEP_DAYS)).isoformat()
    state["seen"] = {i: d for i, d in seen.items() if d >= cutoff}
    state["last_run"] = now.isoformat(timespec="seconds")
    _write_state(state_path, state)
    return FeedDay(folder, new, since, [error for _, error in read.errors])
