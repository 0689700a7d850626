"""`briefing daily` from [[feeds]]: the day's new entries, each used once across feeds and days,
kept in out/YYYY-MM-DD/articles/, built into the brief and sent once — against real servers."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest
from test_web import rss
from web_server import page_ids

from briefing.config import load_config
from briefing.deliver.daily import run_daily
from briefing.ingest.load import load_articles
from briefing.model import BriefingError

TODAY = dt.date.today()
NOW = dt.datetime.now(dt.timezone.utc)


def entries(server, ids, hours_ago: float = 1.0, guid_prefix: str = "urn:wire:") -> list[dict]:
    when = NOW - dt.timedelta(hours=hours_ago)
    return [{"link": server.url(f"/page/{pid}.html"), "guid": guid_prefix + pid[:10], "title": f"Entry {pid[:6]}",
             "date": when} for pid in ids]


def write_config(tmp_path: Path, server, smtp_port: int, feeds: list[str], extra: str = "") -> Path:
    tables = "\n".join(f'[[feeds]]\nurl = "{url}"\nname = "Feed {n}"\n' for n, url in enumerate(feeds))
    path = tmp_path / "briefing.toml"
    path.write_text(f"""
title = "Harbour Daily"
out = "out/"
cache_dir = "cache/"
window_hours = 24
{extra}
[mail]
sender = "Briefing <briefing@example.org>"
recipients = ["desk@example.org"]

[smtp]
host = "127.0.0.1"
port = {smtp_port}
retries = 0
timeout = 5

{tables}
""", encoding="utf-8")
    return path


def test_daily_from_feeds_keeps_the_articles_builds_and_sends_once(web_server, smtp_server, tmp_path):
    ids = page_ids()[:3]
    old = entries(web_server, page_ids()[3:4], hours_ago=24 * 5)
    first_feed = web_server.route("/a.xml", rss(entries(web_server, ids[:2]) + old, "Wire A"), "application/rss+xml")
    # the second feed carries one of the first feed's pages under another GUID, and one of its own
    second = entries(web_server, ids[1:3], guid_prefix="tag:other:")
    second_feed = web_server.route("/b.xml", rss(second, "Wire B"), "application/rss+xml")
    cfg = load_config(write_config(tmp_path, web_server, smtp_server.port, [first_feed, second_feed]))

    result = run_daily(cfg, send=True)
    out = tmp_path / "out" / TODAY.isoformat()
    assert result.sent and len(smtp_server.messages) == 1
    saved = sorted((out / "articles").glob("*.txt"))
    assert len(saved) == 3 and result.feed_day.new == 3  # the shared page once, the old entry not at all
    brief = json.loads((out / "brief.json").read_text())
    assert sorted(a["url"] for a in brief["articles"]) == sorted(
        json.loads(p.with_suffix(".json").read_text())["url"] for p in saved)
    assert all(a["source"] and a["date"] for a in brief["articles"])

    again = run_daily(cfg, send=True)
    assert not again.sent and again.already_sent and len(smtp_server.messages) == 1

    # the day's articles rebuild offline, with their metadata
    articles, errors = load_articles([out / "articles"])
    assert errors == [] and len(articles) == 3 and all(a.url and a.source for a in articles)


def test_entries_used_on_an_earlier_day_are_not_used_again(web_server, smtp_server, tmp_path):
    yesterday = TODAY - dt.timedelta(days=1)
    noon = dt.datetime.combine(yesterday, dt.time(12)).astimezone()  # the machine's zone: the default
    hours_ago = (NOW - noon).total_seconds() / 3600
    feed = web_server.route("/a.xml", rss(entries(web_server, page_ids()[:2], hours_ago), "Wire A"),
                            "application/rss+xml")
    cfg = load_config(write_config(tmp_path, web_server, smtp_server.port, [feed]))
    assert run_daily(cfg, date=yesterday).feed_day.new == 2
    with pytest.raises(BriefingError) as info:
        run_daily(cfg, date=TODAY)
    assert str(info.value).startswith(f"no feed entries for {TODAY.isoformat()} since ")
    state = json.loads((tmp_path / "out" / ".feeds-state.json").read_text())
    assert set(state["seen"].values()) == {yesterday.isoformat()}
    assert set(state["days"]) == {yesterday.isoformat(), TODAY.isoformat()}


def test_include_and_exclude_in_the_config(web_server, smtp_server, tmp_path):
    feed = web_server.route("/a.xml", rss(entries(web_server, page_ids()[:3]), "Wire A"), "application/rss+xml")
    path = write_config(tmp_path, web_server, smtp_server.port, [feed])
    path.write_text(path.read_text() + 'exclude = ["the"]\n', encoding="utf-8")
    cfg = load_config(path)
    assert cfg.feeds[0].exclude == ["the"]
    with pytest.raises(BriefingError):
        run_daily(cfg)  # every English page says "the": nothing is left
    assert not list((tmp_path / "out" / TODAY.isoformat() / "articles").glob("*.txt"))


def test_fetch_failures_of_the_day_are_in_the_briefs_skipped_list(web_server, smtp_server, tmp_path):
    items = entries(web_server, page_ids()[:2]) + [{"link": web_server.url("/gone.html"), "guid": "urn:gone",
                                                    "date": NOW - dt.timedelta(hours=2)}]
    feed = web_server.route("/a.xml", rss(items, "Wire A"), "application/rss+xml")
    cfg = load_config(write_config(tmp_path, web_server, smtp_server.port, [feed]))
    run_daily(cfg)
    brief = json.loads((tmp_path / "out" / TODAY.isoformat() / "brief.json").read_text())
    assert brief["skipped"] == [f"{web_server.url('/gone.html')}: HTTP 404"]
