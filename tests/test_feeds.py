"""Feeds (RSS, Atom, JSON Feed) and OPML lists: real feeds from ../shared/eval/feeds and our own."""

from __future__ import annotations

import json

import pytest
from web_server import FEEDS

from briefing.ingest.feeds import entry_text, looks_like_feed, parse_feed, parse_opml
from briefing.model import InputError

GOOD = sorted(p for p in FEEDS.iterdir() if "invalid" not in p.name)


@pytest.mark.parametrize("path", GOOD, ids=lambda p: p.name)
def test_every_real_feed_gives_entries_with_web_links(path):
    feed = parse_feed(path.read_bytes(), str(path), base_url="https://feeds.example.org/feed.xml")
    assert feed.entries
    for entry in feed.entries:
        assert entry.link is None or entry.link.startswith(("http://", "https://"))
        assert entry.title or entry.content_html


def test_a_broken_feed_is_one_line_naming_it():
    path = FEEDS / "rss_2.0_invalid_1.xml"
    with pytest.raises(InputError) as info:
        parse_feed(path.read_bytes(), str(path))
    assert str(info.value).startswith(f"{path}: not a valid feed") and "\n" not in str(info.value)


def test_relative_links_resolve_against_the_feeds_url():
    feed = parse_feed((FEEDS / "atom_relative.xml").read_bytes(), "feed", base_url="https://blog.example.org/atom")
    assert feed.entries[0].link.startswith("https://blog.example.org/")


def test_xml_base_is_honoured():
    feed = parse_feed((FEEDS / "atom_xml_base.xml").read_bytes(), "feed")
    assert all(e.link.startswith("https://") for e in feed.entries)


def test_legacy_encodings_are_decoded():
    feed = parse_feed((FEEDS / "rss_1.0_iso8859.xml").read_bytes(), "golem")
    text = " ".join(e.title + entry_text(e) for e in feed.entries)
    assert "\ufffd" not in text and any(ch in text for ch in "äöüß")


def test_json_feed_dates_and_authors():
    feed = parse_feed((FEEDS / "jsonfeed_example_1.json").read_bytes(), "json")
    first = feed.entries[0]
    assert feed.title and first.published.endswith("+00:00") and first.author and first.guid


OUR_RSS = """<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0"><channel><title>Valdria Courier</title><link>https://courier.example.org/</link>
<item><title>Harbour reopens</title><link>https://courier.example.org/a</link><guid>a-1</guid>
<pubDate>Wed, 01 May 2024 08:30:00 GMT</pubDate><description>&lt;p&gt;Boats &lt;b&gt;queued&lt;/b&gt;.&lt;/p&gt;</description></item>
<item><title>Local file</title><link>file:///etc/passwd</link><guid>b-2</guid></item>
<item><title>Script</title><link>javascript:alert(1)</link></item>
</channel></rss>"""


def test_entries_keep_web_links_only_and_markup_becomes_text():
    feed = parse_feed(OUR_RSS.encode(), "ours")
    assert [e.link for e in feed.entries] == ["https://courier.example.org/a", None, None]
    first = feed.entries[0]
    assert first.guid == "a-1" and first.published == "2024-05-01T08:30:00+00:00"
    assert entry_text(first) == "Boats queued."


def test_json_that_is_not_a_feed_is_refused():
    with pytest.raises(InputError) as info:
        parse_feed(json.dumps({"hello": "world"}).encode(), "x.json")
    assert info.value.reason == "not a feed (JSON without a jsonfeed.org version)"


def test_feed_sniffing():
    assert looks_like_feed(OUR_RSS.encode())
    assert looks_like_feed((FEEDS / "jsonfeed_example_1.json").read_bytes())
    assert looks_like_feed((FEEDS / "rss_1.0_debian.xml").read_bytes())
    assert not looks_like_feed(b"<!doctype html><html><body>hi</body></html>", "text/html")


OPML = """<?xml version="1.0"?>
<opml version="2.0"><head><title>Desk</title></head><body>
<outline text="Asia">
  <outline text="Courier" type="rss" xmlUrl="https://courier.example.org/rss"/>
  <outline text="Wire" type="rss" xmlUrl="https://wire.example.net/feed.atom"/>
</outline>
<outline text="Local" type="rss" xmlUrl="file:///etc/shadow"/>
<outline text="Courier again" type="rss" xmlUrl="https://courier.example.org/rss"/>
</body></opml>"""


def test_opml_lists_http_feeds_in_order_nested_included():
    links = parse_opml(OPML.encode(), "desk.opml")
    assert [(link.url, link.title) for link in links] == [
        ("https://courier.example.org/rss", "Courier"), ("https://wire.example.net/feed.atom", "Wire")]


@pytest.mark.parametrize("body, reason", [
    (b"<opml><body>", "not a valid OPML file"),
    (b"<rss/>", "not an OPML file (no <opml> root)"),
    (b'<!DOCTYPE x [<!ENTITY a "aaaa">]><opml><body/></opml>', "OPML with a DOCTYPE or entities is refused"),
    (b"<opml><body><outline text='x'/></body></opml>", "OPML file lists no http(s) feeds"),
])
def test_bad_opml_is_one_line(body, reason):
    with pytest.raises(InputError) as info:
        parse_opml(body, "desk.opml")
    assert info.value.reason.startswith(reason)


def test_real_feeds_served_over_http_parse_with_their_urls(web_server, tmp_path):
    """Fetched as a reader would (content type, charset, gzip), then parsed; entry pages are not
    fetched here: they live on the real internet, which tests never touch."""
    from briefing.ingest.fetch import Fetcher, FetchSettings

    with Fetcher(FetchSettings(cache_dir=tmp_path / "cache")) as fetcher:
        for path in GOOD:
            response = fetcher.fetch(web_server.url(f"/feeds/{path.name}"), trusted=True)
            assert looks_like_feed(response.body, response.content_type)
            feed = parse_feed(response.body, response.url, base_url=response.final_url)
            assert feed.entries and all(e.link is None or e.link.startswith("http") for e in feed.entries)
            if path.name == "atom_relative.xml":  # its relative link resolves against where it was fetched
                assert feed.entries[0].link.startswith(web_server.url("/"))
