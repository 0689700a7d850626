"""`briefing daily` from [[feeds]]: the day's new entries, each used once across feeds and days,
kept in out/YYYY-MM-DD/articles/, built into the brief and sent once — against real servers."""

from __future__ import annotations

import datetime as dt
import json
import shutil
from pathlib import Path

import pytest
from sample_days import DAYS, FIRST_DAY
from test_web import rss
from web_server import page_ids

from briefing.cli import main
from briefing.config import load_config
from briefing.deliver.daily import run_daily
from briefing.deliver.daily_feeds import STATE_FILE
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


# --- days in a row, past days, time zones (issue 20) ------------------------------------------------

def sample_feed(server, when=None) -> str:
    """Every sample article as a page on the server and one feed that lists them all, each dated
    09:00 UTC on its day (or `when(item)`)."""
    items = []
    for n in sorted(DAYS):
        for item in DAYS[n]:
            link = server.route(f"/news/{item.slug}.html", item.html())
            stamp = when(item) if when else dt.datetime.combine(item.date, dt.time(9), dt.timezone.utc)
            items.append({"link": link, "guid": f"urn:desk:{item.slug}", "title": item.title, "date": stamp})
    return server.route("/desk.xml", rss(items, "Desk Wire"), "application/rss+xml")


def saved_slugs(folder: Path) -> list[str]:
    """The sample articles a day's folder holds, by the slug of the page they were read from."""
    urls = [json.loads(p.with_suffix(".json").read_text())["url"] for p in folder.glob("*.txt")]
    return sorted(url.rsplit("/", 1)[1][: -len(".html")] for url in urls)


def day_of(n: int) -> dt.date:
    return FIRST_DAY + dt.timedelta(days=n - 1)


def stories_of(out: Path, n: int) -> dict[str, dict]:
    """Day `n`'s stories in brief.json, by the slug of each of their articles."""
    record = json.loads((out / day_of(n).isoformat() / "brief.json").read_text())
    slug = {a["id"]: a["url"].rsplit("/", 1)[1][: -len(".html")] for a in record["articles"]}
    return {slug[ref]: story for story in record["stories"] for ref in story["articles"]}


@pytest.fixture
def three_days(web_server, smtp_server, tmp_path):
    feed = sample_feed(web_server)
    cfg = load_config(write_config(tmp_path, web_server, smtp_server.port, [feed], 'timezone = "Europe/Berlin"'))
    results = [run_daily(cfg, date=day_of(n), send=True) for n in (1, 2, 3)]
    return cfg, results, tmp_path / "out"


def test_three_days_of_a_feed_are_marked_day_by_day_and_sent_once_a_day(three_days, smtp_server):
    from pypdf import PdfReader

    cfg, results, out = three_days
    assert [r.sent for r in results] == [True, True, True] and len(smtp_server.messages) == 3
    for n, result in enumerate(results, 1):  # each day took its own entries, nobody else's
        assert saved_slugs(result.feed_day.folder) == sorted(item.slug for item in DAYS[n])
        assert len(PdfReader(result.out_dir / "brief.pdf").pages) == 1
    assert {s["status"] for s in stories_of(out, 1).values()} == {"new"}
    day2, day3 = stories_of(out, 2), stories_of(out, 3)
    assert day2["velden-talks-open"]["status"] == "continuing" and day2["velden-talks-open"]["day"] == 2
    assert day2["arnsdal-flood"]["status"] == "new"
    strike = day3["velden-deal"]
    assert strike["status"] == "continuing" and strike["day"] == 3
    assert strike["first_seen"] == day_of(1).isoformat() and strike["previous"]["date"] == day_of(2).isoformat()
    assert day3["kessing-airport-strike"]["status"] == "new" and day3["museum-reopens"]["status"] == "new"
    record = json.loads((out / day_of(3).isoformat() / "brief.json").read_text())
    assert [q["title"] for q in record["no_new_reports"]] == [day2["arnsdal-flood"]["title"]]
    page = (out / day_of(3).isoformat() / "brief.html").read_text()
    assert "Day 3" in page and "No new reports" in page and day2["arnsdal-flood"]["title"] in page
    assert f'href="../{day_of(2).isoformat()}/brief.html#' in page

    mail = smtp_server.parsed()  # day 3's: the text says it too; links between briefs on disk are gone
    text = mail.get_body(("plain",)).get_content()
    assert f"day 3, first reported {day_of(1).isoformat()}" in text
    assert "No new reports: " + day2["arnsdal-flood"]["title"] in " ".join(text.split())
    html = mail.get_body(("html",)).get_content()
    assert "Day 3" in html and 'href="../' not in html

    again = run_daily(cfg, date=day_of(3), send=True)
    assert not again.sent and again.already_sent and len(smtp_server.messages) == 3


def test_a_past_day_is_rebuilt_from_the_cache_and_later_days_keep_their_state(three_days, web_server, capsys):
    cfg, results, out = three_days
    state_path = out / STATE_FILE
    before = json.loads(state_path.read_text())
    statuses = {slug: s["status"] for slug, s in stories_of(out, 2).items()}
    day2 = out / day_of(2).isoformat()
    shutil.rmtree(day2)
    asked = len(web_server.requests)
    assert main(["daily", "--config", str(cfg.source), "--date", day_of(2).isoformat(), "--offline"]) == 0
    assert len(web_server.requests) == asked  # nothing fetched: the HTTP cache gave the day back
    assert saved_slugs(day2 / "articles") == sorted(item.slug for item in DAYS[2])
    assert {slug: s["status"] for slug, s in stories_of(out, 2).items()} == statuses
    after = json.loads(state_path.read_text())
    day3 = day_of(3).isoformat()
    assert after["days"][day3] == before["days"][day3]
    assert {i for i, d in after["seen"].items() if d == day3} == {i for i, d in before["seen"].items() if d == day3}


def test_a_day_never_run_before_is_built_from_its_own_window(web_server, smtp_server, tmp_path):
    """Today's run came first; the day before it, run later, gets its own entries back and no
    entry of today's."""
    feed = sample_feed(web_server)
    cfg = load_config(write_config(tmp_path, web_server, smtp_server.port, [feed]))
    assert run_daily(cfg, date=day_of(3)).feed_day.new == len(DAYS[3])
    first = run_daily(cfg, date=day_of(1))
    assert first.feed_day.new == len(DAYS[1]) and first.feed_day.past
    assert first.feed_day.until == dt.datetime.combine(day_of(2), dt.time()).astimezone()


def test_the_window_ends_at_midnight_in_the_configured_time_zone(web_server, smtp_server, tmp_path):
    """An entry of 23:30 UTC on day 1 is already day 2 in Berlin (00:30 or 01:30 there)."""
    late = next(item for item in DAYS[1] if item.story == "budget")
    feed = sample_feed(web_server, lambda item: dt.datetime.combine(
        item.date, dt.time(23, 30) if item is late else dt.time(9), dt.timezone.utc))
    for zone, on_day_1 in (("UTC", True), ("Europe/Berlin", False)):
        root = tmp_path / zone.replace("/", "-")
        root.mkdir()
        cfg = load_config(write_config(root, web_server, smtp_server.port, [feed], f'timezone = "{zone}"'))
        gathered = run_daily(cfg, date=day_of(1)).feed_day
        assert (late.slug in saved_slugs(gathered.folder)) is on_day_1, zone
        assert gathered.until.utcoffset() == dt.datetime.combine(day_of(2), dt.time(), cfg.tzinfo).utcoffset()


def test_a_day_that_has_not_begun_is_refused(web_server, smtp_server, tmp_path):
    feed = sample_feed(web_server)
    cfg = load_config(write_config(tmp_path, web_server, smtp_server.port, [feed]))
    with pytest.raises(BriefingError) as info:
        run_daily(cfg, date=TODAY + dt.timedelta(days=2))
    assert "has not begun" in str(info.value)
