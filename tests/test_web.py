"""Web inputs end to end against a real server: feeds whose entries link to real pages, OPML,
the cache across runs, fallbacks to the entry's own text, and every failure as one line."""

from __future__ import annotations

import datetime as dt
from email.utils import format_datetime

from web_server import FEEDS, page_ids

from briefing.ingest.fetch import FetchSettings
from briefing.ingest.load import load_articles
from briefing.ingest.web import Source, read_sources

LONG_SUMMARY = " ".join(
    f"Sentence {n} of the entry's own report says the council met again and agreed on the budget." for n in range(12)
)


def rss(items: list[dict], title: str = "Test Wire") -> bytes:
    out = [f'<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>{title}</title>'
           "<link>https://wire.example.org/</link>"]
    for item in items:
        when = item.get("date", dt.datetime(2024, 5, 1, 8, 0, tzinfo=dt.timezone.utc))
        out.append(
            f"<item><title>{item.get('title', 'Entry')}</title><link>{item['link']}</link>"
            f"<guid>{item.get('guid', item['link'])}</guid><pubDate>{format_datetime(when, usegmt=True)}</pubDate>"
            f"<description>{item.get('summary', 'A short summary.')}</description></item>"
        )
    out.append("</channel></rss>")
    return "".join(out).encode()


def settings(tmp_path, **kw) -> FetchSettings:
    base = dict(cache_dir=tmp_path / "cache", read_timeout=2, connect_timeout=2, response_seconds=5, backoff=0.01)
    base.update(kw)
    return FetchSettings(**base)


def feed_of_pages(server, count: int = 3, **extra) -> str:
    ids = page_ids()[:count]
    items = [{"link": server.url(f"/page/{pid}.html"), "guid": f"g-{pid[:8]}", "title": f"Entry {n}"}
             for n, pid in enumerate(ids)]
    return server.route("/feed.xml", rss(items, **extra), "application/rss+xml")


def test_a_feed_whose_entries_link_to_pages_on_the_server(web_server, tmp_path):
    url = feed_of_pages(web_server)
    progress: list[str] = []
    articles, errors = load_articles([url], settings(tmp_path), progress=progress.append)
    assert errors == [] and len(articles) == 3
    for article in articles:
        assert article.url.startswith("http") and article.source and article.date
        assert len(article.paragraphs) >= 2
    assert progress[-1] == "fetching 4/4 · 0 failed"


def test_a_second_run_downloads_nothing(web_server, tmp_path):
    url = feed_of_pages(web_server)
    first, _ = load_articles([url], settings(tmp_path))
    full = sum(web_server.full.values())
    second, errors = load_articles([url], settings(tmp_path))
    assert errors == [] and [a.text for a in second] == [a.text for a in first]
    assert sum(web_server.full.values()) == full  # every answer was 304 Not Modified
    offline, errors = load_articles([url], settings(tmp_path, offline=True))
    assert errors == [] and len(offline) == 3


def test_entries_may_not_lead_to_other_private_hosts(web_server, tmp_path, closed_port):
    items = [{"link": f"http://localhost:{closed_port}/admin"}, {"link": "http://169.254.169.254/latest/meta-data"},
             {"link": web_server.url(f"/page/{page_ids()[0]}.html")}]
    url = web_server.route("/feed.xml", rss(items), "application/rss+xml")
    articles, errors = load_articles([url], settings(tmp_path))
    assert len(articles) == 1  # the page on the host the user named
    assert [str(e).split(": ", 1)[1].split(" is ")[0] for e in errors] == [
        "refused: localhost", "refused: 169.254.169.254"]


def test_a_failed_page_falls_back_to_a_long_entry_text_and_says_so(web_server, tmp_path):
    items = [{"link": web_server.url("/gone.html"), "summary": LONG_SUMMARY, "title": "Council agrees budget"},
             {"link": web_server.url("/gone2.html"), "summary": "Too short."}]
    url = web_server.route("/feed.xml", rss(items), "application/rss+xml")
    articles, errors = load_articles([url], settings(tmp_path))
    assert [a.title for a in articles] == ["Council agrees budget"]
    assert articles[0].source == "Test Wire" and articles[0].url == web_server.url("/gone.html")
    assert articles[0].notes == ["HTTP 404; used the feed entry's own text instead"]
    assert [str(e) for e in errors] == [f"{web_server.url('/gone2.html')}: HTTP 404"]  # not used at all


def test_opml_feeds_are_untrusted_unless_private_hosts_are_allowed(web_server, tmp_path):
    url = feed_of_pages(web_server, 2)
    opml = tmp_path / "desk.opml"
    opml.write_text(f'<opml version="2.0"><body><outline text="Wire" xmlUrl="{url}"/></body></opml>')
    articles, errors = load_articles([opml], settings(tmp_path))
    assert articles == [] and str(errors[0]).startswith(f"{url}: refused")
    articles, errors = load_articles([opml], settings(tmp_path, allow_private_hosts=True))
    assert errors == [] and len(articles) == 2


def test_feed_files_and_their_entries(web_server, tmp_path):
    path = tmp_path / "wire.xml"
    ids = page_ids()[:1]
    path.write_bytes(rss([{"link": web_server.url(f"/page/{ids[0]}.html")}]))
    articles, errors = load_articles([path], settings(tmp_path, named_hosts={f"127.0.0.1:{web_server.port}"}))
    assert errors == [] and len(articles) == 1


def test_bad_inputs_are_one_line_each_and_the_rest_still_loads(web_server, tmp_path):
    good = web_server.url(f"/page/{page_ids()[1]}.html")
    image = web_server.route("/photo.png", b"\x89PNG\r\n\x1a\n" + b"\0" * 100, "image/png")
    broken = web_server.route("/broken.xml", (FEEDS / "rss_2.0_invalid_1.xml").read_bytes(), "application/rss+xml")
    error = web_server.route("/error", b"", status=500)
    articles, errors = load_articles([image, good, broken, error, web_server.url("/nothing")],
                                     settings(tmp_path, retries=0))
    assert len(articles) == 1 and articles[0].path == good
    lines = [str(e) for e in errors]
    assert lines[0] == f"{image}: not a web page (content type image/png)"
    assert lines[1].startswith(f"{broken}: not a valid feed: ")
    assert lines[2:] == [f"{error}: HTTP 500", f"{web_server.url('/nothing')}: HTTP 404"]


def test_include_and_exclude_keywords(web_server, tmp_path):
    url = feed_of_pages(web_server, 3)
    every = read_sources([Source(url)], settings(tmp_path))
    first_word = every.items[0].article.title.split()[0]
    only = read_sources([Source(url, include=(first_word,))], settings(tmp_path))
    assert 1 <= len(only.items) <= len(every.items)
    assert all(first_word.lower() in (i.article.title + i.article.text).lower() for i in only.items)
    none = read_sources([Source(url, exclude=("the",))], settings(tmp_path))
    assert none.items == []


def test_since_and_seen_drop_old_and_known_entries(web_server, tmp_path):
    old = dt.datetime(2020, 1, 1, tzinfo=dt.timezone.utc)
    pid = page_ids()[:2]
    items = [{"link": web_server.url(f"/page/{pid[0]}.html"), "guid": "urn:wire:old", "date": old},
             {"link": web_server.url(f"/page/{pid[1]}.html"), "guid": "urn:wire:new"}]
    url = web_server.route("/feed.xml", rss(items), "application/rss+xml")
    since = dt.datetime(2024, 1, 1, tzinfo=dt.timezone.utc)
    read = read_sources([Source(url)], settings(tmp_path), since=since)
    assert [i.ids[0] for i in read.items] == ["urn:wire:new"]
    read = read_sources([Source(url)], settings(tmp_path), since=since, seen=lambda ids: "urn:wire:new" in ids)
    assert read.items == []


def test_briefing_build_from_a_feed_url_makes_a_one_page_brief(web_server, tmp_path, monkeypatch, capsys):
    import json

    from pypdf import PdfReader

    from briefing.cli import main

    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg"))
    url = feed_of_pages(web_server, 3)
    out = tmp_path / "out"
    assert main(["build", url, "--out", str(out)]) == 0
    data = json.loads((out / "brief.json").read_text())
    assert len(data["articles"]) == 3 and data["skipped"] == []
    for article in data["articles"]:
        assert article["path"].startswith(web_server.url("/page/"))
        assert article["url"].startswith("http") and article["source"] and article["date"]
    assert len(PdfReader(out / "brief.pdf").pages) == 1
    assert "fetched 4/4 · 0 failed · analysed 3/3" in capsys.readouterr().err
    assert (tmp_path / "xdg" / "briefing" / "http").is_dir()
    full = sum(web_server.full.values())
    assert main(["build", url, "--out", str(out), "--offline", "-q"]) == 0
    assert sum(web_server.full.values()) == full and capsys.readouterr().err == ""


def atom(links: list[str]) -> bytes:
    entries = "".join(
        f"<entry><title>Entry {n}</title><link href='{link}'/><id>urn:atom:{n}</id>"
        f"<updated>2024-05-01T08:00:00Z</updated></entry>" for n, link in enumerate(links))
    return (f"<?xml version='1.0' encoding='utf-8'?><feed xmlns='http://www.w3.org/2005/Atom'>"
            f"<title>Atom Wire</title><id>urn:atom</id><updated>2024-05-01T08:00:00Z</updated>{entries}</feed>").encode()


def json_feed(links: list[str]) -> bytes:
    import json

    items = [{"id": f"j{n}", "url": link, "title": f"Entry {n}", "date_published": "2024-05-01T08:00:00Z"}
             for n, link in enumerate(links)]
    return json.dumps({"version": "https://jsonfeed.org/version/1.1", "title": "JSON Wire", "items": items}).encode()


def test_atom_and_json_feed_urls_lead_to_their_pages(web_server, tmp_path):
    links = [web_server.url(f"/page/{pid}.html") for pid in page_ids()[:2]]
    atom_url = web_server.route("/feed.atom", atom(links), "application/atom+xml")
    json_url = web_server.route("/feed.json", json_feed(links[::-1]), "application/feed+json")
    articles, errors = load_articles([atom_url, json_url], settings(tmp_path))
    assert errors == [] and [a.path for a in articles] == links + links[::-1]


def test_a_page_whose_header_names_the_wrong_charset_reads_right(web_server, tmp_path):
    from test_webpage import page

    body = page().replace("utf-8", "windows-1252").replace("Valdria", "Valdr\u00eda").encode("cp1252")
    url = web_server.route("/latin.html", body, "text/html; charset=utf-8")
    missing = web_server.route("/nocharset.html", body, "text/html")
    articles, errors = load_articles([url, missing], settings(tmp_path))
    assert errors == [] and all("Valdr\u00eda" in a.text and "\ufffd" not in a.text for a in articles)


def test_a_dot_xml_or_json_file_that_is_no_feed_is_read_as_text(tmp_path):
    from test_webpage import PARAGRAPHS

    notes = tmp_path / "notes.json"
    notes.write_text("\n\n".join(PARAGRAPHS), encoding="utf-8")
    articles, errors = load_articles([notes])
    assert errors == [] and articles[0].paragraphs[0].startswith("The port authority")


def test_a_feed_entrys_category_reaches_the_article_and_its_section(web_server, tmp_path):
    page = ("<!doctype html><html><head><title>Gulls beat Hawks</title></head><body><article>"
            "<h1>Gulls beat Hawks</h1>"
            + "".join(f"<p>{p}</p>" for p in [
                "The club said on Tuesday that its new stand would open in August, weeks before the new "
                "season starts, and that tickets would go on sale next month.",
                "Work on the stand began last spring and cost about twelve million euros, the club said.",
                "The old stand was pulled down after a safety review found cracks in its roof."])
            + "</article></body></html>")
    link = web_server.route("/club/stand.html", page)
    feed = rss([{"link": link, "title": "New stand opens in August"}]).replace(
        b"</description></item>", b"</description><category>Sport</category></item>")
    url = web_server.route("/feed.xml", feed, "application/rss+xml")
    articles, errors = load_articles([url], settings(tmp_path))
    assert errors == [] and articles[0].meta["categories"] == ["Sport"]
    assert articles[0].section == "sport" and articles[0].language == "en"


def test_pages_extracted_in_worker_processes_are_the_pages_extracted_here(web_server, tmp_path):
    from briefing.workers import Workers, start_method

    url = feed_of_pages(web_server, 8)
    here = read_sources([Source(url)], settings(tmp_path))
    assert start_method() != "fork"  # the test server's thread is running: workers come from a forkserver
    with Workers(2) as pool:
        there = read_sources([Source(url)], settings(tmp_path), map_pages=pool.map)
        assert pool.redone == 0
    assert len(here.items) == 8
    assert [(i.article.title, i.article.paragraphs, i.article.url, i.ids) for i in there.items] == \
        [(i.article.title, i.article.paragraphs, i.article.url, i.ids) for i in here.items]
    assert [str(e) for _, e in there.errors] == [str(e) for _, e in here.errors]
