"""The live preview: real builds (briefing.pipeline), real HTTP, real Chromium."""

from __future__ import annotations

import http.client
import io
import json
import shutil
import socket
import time
from pathlib import Path

import pytest
from pypdf import PdfReader

from briefing.model import BriefingError
from briefing.deliver.serve import PreviewServer

from conftest import ROOT

WAIT_MS = 20_000  # a rebuild takes 1-3 s; leave room for a busy 2-core machine
HEADLINE = "Allies Fine-Tune NK Proposal in Tokyo"


def request(server: PreviewServer, path: str, *, host: str | None = None, method: str = "GET"):
    """Send `path` exactly as given (no client-side normalization)."""
    conn = http.client.HTTPConnection("127.0.0.1", server.port, timeout=10)
    try:
        conn.putrequest(method, path, skip_host=host is not None, skip_accept_encoding=True)
        if host is not None:
            conn.putheader("Host", host)
        conn.endheaders()
        resp = conn.getresponse()
        return resp.status, resp.read(), resp
    finally:
        conn.close()


@pytest.fixture
def templates(tmp_path) -> Path:
    """A user template folder: a copy of the built-in templates we can break and fix."""
    dst = tmp_path / "templates"
    shutil.copytree(ROOT / "templates", dst)
    (dst / "notes.txt").write_text("template notes, not an asset\n")
    return dst


@pytest.fixture
def preview(seed_inbox, templates):
    server = PreviewServer([seed_inbox], port=0, template_dir=templates, poll_interval=0.2, debounce=0.2)
    server.start()
    try:
        yield server
    finally:
        server.stop()


@pytest.fixture(scope="module")
def static_preview(tmp_path_factory):
    """One preview (one real build) shared by the request-level tests."""
    root = tmp_path_factory.mktemp("static")
    inbox = root / "inbox"
    inbox.mkdir()
    for src in sorted((ROOT / "seeds").glob("*.txt"))[:2]:
        (inbox / src.name).write_bytes(src.read_bytes())
    templates = root / "templates"
    shutil.copytree(ROOT / "templates", templates)
    (templates / "notes.txt").write_text("template notes, not an asset\n")
    (root / "secret.txt").write_text("TOP SECRET\n")
    server = PreviewServer([inbox], port=0, out_dir=root / "out", template_dir=templates, poll_interval=5)
    server.start()
    server.templates = templates
    try:
        yield server
    finally:
        server.stop()


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new), encoding="utf-8")


def test_live_preview_in_chromium(preview, seed_inbox, templates, page):
    assert preview.snapshot().error is None, preview.snapshot().error
    page.goto(preview.url)
    record = json.loads(preview.snapshot().json)
    heading = page.locator("h1").first
    assert heading.is_visible() and heading.inner_text().strip() in record["title"]
    first_point = record["key_points"][0]["text"]
    assert first_point[:40] in page.inner_text("body")
    assert page.get_by_text(HEADLINE).first.is_visible()
    assert page.get_by_text("Key points").first.is_visible()
    link = page.locator("#briefing-pdf-link")
    assert link.is_visible() and link.get_attribute("href") == "/brief.pdf"
    assert "Built" in page.locator("#briefing-status").inner_text()
    assert page.locator("#briefing-error").count() == 0

    status, body, _ = request(preview, "/brief.pdf")
    assert status == 200 and len(PdfReader(io.BytesIO(body)).pages) == 1

    # 1. edit an input: the open page shows the new headline without a restart
    article = seed_inbox / "002_c95c2094abb8fec3.txt"
    edit(article, HEADLINE, "Zebra Accord Drafted in Tokyo")
    page.wait_for_function(
        "() => document.body.innerText.includes('Zebra Accord Drafted in Tokyo')", timeout=WAIT_MS
    )
    assert HEADLINE not in page.inner_text("body")

    # 2. break the template: the error shows, the last good brief stays
    good = (templates / "brief.html").read_text(encoding="utf-8")
    (templates / "brief.html").write_text(good.replace("<h1>", "{% if %}<h1>", 1), encoding="utf-8")
    page.wait_for_selector("#briefing-error", timeout=WAIT_MS)
    error = page.locator("#briefing-error").inner_text()
    assert "Build failed" in error and "brief.html line" in error and "TemplateSyntaxError" in error
    assert "Zebra Accord Drafted in Tokyo" in page.inner_text("body")
    assert page.locator("#briefing-pdf-link").is_visible()

    # 3. fix it: the error goes away
    (templates / "brief.html").write_text(good, encoding="utf-8")
    page.wait_for_function("() => !document.getElementById('briefing-error')", timeout=WAIT_MS)

    # 4. bad input (no usable article left): error shown, with markup escaped, last good brief kept
    for f in seed_inbox.iterdir():
        f.write_bytes(b"")
    (seed_inbox / "<b>evil<i>.txt").write_bytes(b"\x00\x01\x02")
    page.wait_for_selector("#briefing-error", timeout=WAIT_MS)
    assert "Zebra Accord Drafted in Tokyo" in page.inner_text("body")
    assert page.locator("#briefing-error b").count() == 0  # file name shown as text, not markup
    assert "<b>evil<i>.txt" in page.locator("#briefing-error").inner_text()
    status, body, _ = request(preview, "/brief.pdf")
    assert status == 200 and body.startswith(b"%PDF")


@pytest.mark.parametrize("path", [
    "/../etc/passwd",
    "/../../../../etc/passwd",
    "/%2e%2e/%2e%2e/etc/passwd",
    "/%2E%2E/%2E%2E/etc/passwd",
    "/..%2f..%2fetc%2fpasswd",
    "/..%2F..%2F..%2F..%2Fetc%2Fpasswd",
    "/%252e%252e/%252e%252e/etc/passwd",
    "/%252e%252e%252f%252e%252e%252fetc%252fpasswd",
    "/..%252f..%252fetc%252fpasswd",
    "/..\\..\\etc\\passwd",
    "/%2e%2e%5c%2e%2e%5cetc%5cpasswd",
    "//etc/passwd",
    "/etc/passwd",
    "/%2fetc%2fpasswd",
    "/brief.pdf/../../../etc/passwd",
    "/brief.css/..%2f..%2f..%2f..%2fetc%2fpasswd",
    "/..%c0%af..%c0%afetc/passwd",
    "/%00/etc/passwd",
    "/../secret.txt",
    "/../out/brief.pdf",
    "/%2e%2e/out/brief.json",
    "/%2e%2e/secret.txt",
    "/notes.txt",
    "/brief.html.j2",
    "/.brief.css",
    "/..",
    "/./brief.css",
    "http://127.0.0.1/../etc/passwd",
    "file:///etc/passwd",
])
def test_path_traversal_is_404(static_preview, path):
    status, body, _ = request(static_preview, path)
    assert status == 404
    assert b"root:" not in body and b"SECRET" not in body and b"notes" not in body


def test_serves_its_own_files_and_template_assets(static_preview):
    preview, templates = static_preview, static_preview.templates
    status, body, resp = request(preview, "/")
    assert status == 200 and b"briefing-preview-bar" in body and b'src="/_live.js"' in body
    assert resp.getheader("Content-Security-Policy")
    status, body, resp = request(preview, "/brief.json")
    assert status == 200 and json.loads(body)["title"]
    status, body, resp = request(preview, "/brief.pdf")
    assert status == 200 and resp.getheader("Content-Type") == "application/pdf"
    status, body, _ = request(preview, "/_version")
    state = json.loads(body)
    assert state["ok"] and state["version"] >= 1 and state["fits"] in (True, False)
    status, body, _ = request(preview, "/_live.js")
    assert status == 200 and b"/_version" in body
    status, body, resp = request(preview, "/brief.css")
    assert status == 200 and body == (templates / "brief.css").read_bytes()
    assert resp.getheader("Content-Type").startswith("text/css")
    status, _, _ = request(preview, "/brief.css", method="HEAD")
    assert status == 200
    # a good build is also written to the given out dir; no staging folders are left behind
    assert (preview.out_dir / "brief.pdf").read_bytes().startswith(b"%PDF")
    assert not list(preview.out_dir.glob(".preview-*"))


def test_foreign_host_header_is_refused(static_preview):
    preview = static_preview
    """DNS rebinding: a page on another origin cannot read the loopback preview."""
    status, body, _ = request(preview, "/brief.json", host="evil.example:8000")
    assert status == 403 and b"title" not in body
    status, _, _ = request(preview, "/", host=f"localhost:{preview.port}")
    assert status == 200


def _small_builder(paths, out_dir, **kw):
    """A real (if tiny) builder: HTML from the input files, a one-page PDF, JSON."""
    import weasyprint

    from types import SimpleNamespace

    files = sorted(p for d in paths for p in (Path(d).iterdir() if Path(d).is_dir() else [Path(d)]))
    text = "".join(f"<p>{p.read_text()}</p>" for p in files)
    html = f"<html><body><h1>Small</h1>{text}</body></html>"
    out = Path(out_dir)
    (out / "brief.html").write_text(html)
    (out / "brief.pdf").write_bytes(weasyprint.HTML(string="<p>x</p>").write_pdf())
    omitted = ["2 quotes"] if "LONG" in text else []
    (out / "brief.json").write_text(json.dumps({"title": "Small", "omitted": omitted}))
    return SimpleNamespace(brief=SimpleNamespace(title="Small", omitted=[]), outputs={}, skipped=[], pages=1)


def test_non_loopback_host_warns(tmp_path):
    (tmp_path / "a.txt").write_text("hello")
    warnings = []
    server = PreviewServer([tmp_path / "a.txt"], host="0.0.0.0", port=0, builder=_small_builder,
                           warn=warnings.append)
    server.start()
    try:
        assert warnings and "0.0.0.0" in warnings[0] and "127.0.0.1" in warnings[0]
    finally:
        server.stop()
    warnings.clear()
    with PreviewServer([tmp_path / "a.txt"], port=0, builder=_small_builder, warn=warnings.append):
        pass
    assert warnings == []


def test_fit_warning_and_debounced_rebuild(tmp_path):
    article = tmp_path / "a.txt"
    article.write_text("short")
    with PreviewServer([article], port=0, builder=_small_builder, poll_interval=0.1, debounce=0.3) as server:
        status, body, _ = request(server, "/")
        assert b"briefing-fit-warning" not in body
        v = server.snapshot().version
        for i in range(3):  # a burst of writes is one rebuild
            article.write_text(f"LONG text {i}")
            time.sleep(0.05)
        assert server.wait_for_version(v, timeout=10)
        time.sleep(0.8)
        assert server.snapshot().version == v + 1
        status, body, _ = request(server, "/")
        assert b"briefing-fit-warning" in body and b"2 quotes" in body


def test_an_edit_reads_and_analyses_again_only_the_edited_article(seed_inbox):
    extra = seed_inbox / "003_port.txt"  # a third article, our own words
    extra.write_text("Dockworkers walk out at the Port of Velden\n\nAbout 3,400 dockworkers at the Port of "
                     "Velden walked off the job on Monday, halting cargo handling at the terminal.\n\n"
                     "Union leader Marta Kovell said members wanted a 12 per cent rise over two years.\n",
                     encoding="utf-8")
    with PreviewServer([seed_inbox], port=0, poll_interval=0.1, debounce=0.2) as server:
        assert server.snapshot().error is None, server.snapshot().error
        assert len(server.cache.analysed) == 3  # the first build reads everything
        before = request(server, "/brief.html")[1]
        assert HEADLINE.encode() in before
        version = server.snapshot().version
        article = seed_inbox / "002_c95c2094abb8fec3.txt"
        edit(article, HEADLINE, "Zebra Accord Drafted in Tokyo")
        assert server.wait_for_version(version, timeout=WAIT_MS / 1000)
        assert server.snapshot().error is None, server.snapshot().error
        assert server.cache.analysed == [str(article)]  # the other two came from the cache
        after = request(server, "/brief.html")[1]
        assert b"Zebra Accord Drafted in Tokyo" in after and HEADLINE.encode() not in after


def test_missing_input_is_a_clear_error(tmp_path):
    with pytest.raises(BriefingError) as err:
        PreviewServer([tmp_path / "nope"], port=0, builder=_small_builder).start()
    assert "nope" in str(err.value)


def test_port_in_use_is_a_clear_error(tmp_path):
    (tmp_path / "a.txt").write_text("x")
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        s.listen()
        with pytest.raises(BriefingError) as err:
            PreviewServer([tmp_path / "a.txt"], port=s.getsockname()[1], builder=_small_builder).start()
    assert "cannot serve" in str(err.value)


def test_preview_of_a_feed_with_include_keywords(tmp_path, web_server):
    """Web inputs (a feed as the config's [[feeds]] gives it) are fetched on each build, not watched."""
    from test_web import feed_of_pages

    from briefing.ingest.fetch import FetchSettings
    from briefing.ingest.web import Source

    url = feed_of_pages(web_server, 2)
    settings = FetchSettings(cache_dir=tmp_path / "cache")
    with PreviewServer([Source(url, "Wire")], port=0, fetch=settings, poll_interval=5) as server:
        status, body, _ = request(server, "/brief.json")
        assert status == 200
        data = json.loads(body)
        assert len(data["articles"]) == 2 and all(a["url"].startswith("http") for a in data["articles"])
        assert server.watched_dirs() and all(isinstance(p, Source) for p in server.paths)


# -- the archive: the daily briefs by date (issue 20) ------------------------------------------


@pytest.fixture(scope="module")
def archive(tmp_path_factory):
    """Three real daily briefs side by side in out/YYYY-MM-DD/, each built with the earlier ones
    (`--since`), from the invented days of tests/sample_days.py."""
    from sample_days import DAYS

    from briefing.ingest.load import save_article
    from briefing.pipeline import build

    root = tmp_path_factory.mktemp("archive")
    out = root / "out"
    done = []
    for n in sorted(DAYS):
        day = DAYS[n][0].date
        inbox = root / "inbox" / day.isoformat()
        for item in DAYS[n]:
            save_article(item.article(), inbox / f"{item.slug}.txt")
        build([inbox], out / day.isoformat(), date=day, since=done)
        done.append(out / day.isoformat())
    server = PreviewServer([inbox], port=0, archive_dir=out, poll_interval=5)
    server.start()
    server.days = [p.name for p in done]
    try:
        yield server
    finally:
        server.stop()


def test_the_archive_in_chromium_lists_the_briefs_and_day_3_links_back(archive, page):
    first, second, third = archive.days
    page.goto(archive.url)
    page.locator("#briefing-archive-link").click()
    page.wait_for_url("**/archive")
    rows = page.locator("tbody tr")
    assert [rows.nth(k).get_attribute("id") for k in range(rows.count())] == [f"day-{d}" for d in (third, second, first)]
    assert "continuing" in page.locator(f"#day-{third}").inner_text()
    status, body, resp = request(archive, page.locator(f"#day-{first} a.pdf").get_attribute("href"))
    assert status == 200 and resp.getheader("Content-Type") == "application/pdf"
    assert len(PdfReader(io.BytesIO(body)).pages) == 1

    page.locator(f"#day-{third} a.html").click()
    page.wait_for_url(f"**/archive/{third}/brief.html")
    mark = page.locator(".credit .since a", has_text="Day 3")
    assert mark.count() == 1 and mark.is_visible()
    assert "no new reports" in page.inner_text("#sec-sources").lower()
    mark.click()
    page.wait_for_url(f"**/archive/{second}/brief.html#st-*")
    anchor = page.url.rsplit("#", 1)[1]
    earlier = json.loads(request(archive, f"/archive/{second}/brief.json")[1])
    story = earlier["stories"][int(anchor.split("-")[1])]
    assert story["status"] == "continuing" and story["day"] == 2
    assert page.locator(f"#{anchor} .headline").inner_text() == story["title"]
    assert page.locator(f"#{anchor} .since").inner_text().strip().lower() == "day 2"


@pytest.mark.parametrize("path", [
    "/archive/../brief.json", "/archive/%2e%2e/out/brief.json", "/archive/2024-13-45/brief.html",
    "/archive/2024-05-06/articles/001.txt", "/archive/2024-05-06/brief.txt", "/archive/2024-5-6/brief.html",
    "/archive/2024-05-06/../2024-05-07/brief.html", "/archive/2024-05-06//brief.html", "/archive/x",
])
def test_the_archive_serves_only_the_briefs(archive, path):
    status, body, _ = request(archive, path)
    assert status == 404 and not body.startswith(b"%PDF")


def _fresh_build_json(folder: Path, out: Path) -> dict:
    from briefing.pipeline import build

    build([folder], out, workers=1)
    return json.loads((out / "brief.json").read_text(encoding="utf-8"))


def test_a_rebuild_makes_the_page_a_fresh_build_makes(seed_inbox, tmp_path):
    """What the last build made (summaries, layouts) is reused only for the same inputs: after an
    edit the page does not show, every layout is reused; after one it shows, the page is laid out
    again. Either way the preview's brief.json is a fresh build's."""
    server = PreviewServer([seed_inbox], port=0, poll_interval=3600)
    server.start()
    try:
        article = seed_inbox / "002_c95c2094abb8fec3.txt"
        text = article.read_text(encoding="utf-8")
        article.write_text(text.rstrip("\n") + "\n\nThe harbour office said the ferry timetable was unchanged.\n",
                           encoding="utf-8")
        server.rebuild()
        reused, layouts = server.last_layouts
        assert reused == layouts >= 1  # the page did not change: nothing laid out again
        assert json.loads(server.snapshot().json) == _fresh_build_json(seed_inbox, tmp_path / "one")
        edit(article, HEADLINE, "Zebra Accord Drafted in Tokyo")
        server.rebuild()
        assert server.last_layouts[0] == 0  # a new page: laid out
        assert b"Zebra Accord Drafted in Tokyo" in server.snapshot().html
        assert json.loads(server.snapshot().json) == _fresh_build_json(seed_inbox, tmp_path / "two")
    finally:
        server.stop()


# -- an inbox of invented articles, watched: edits, deletions, a bad file (issue 21) -------------


@pytest.fixture
def day_inbox(tmp_path) -> Path:
    """A folder with the first invented day of tests/sample_days.py as plain text files (headline,
    then paragraphs): two reports of a dock strike and one of a budget vote."""
    from sample_days import DAYS

    inbox = tmp_path / "inbox"
    inbox.mkdir()
    for item in DAYS[1]:
        (inbox / f"{item.slug}.txt").write_text("\n\n".join([item.title, *item.paragraphs]) + "\n", encoding="utf-8")
    return inbox


def watched(inbox: Path) -> PreviewServer:
    return PreviewServer([inbox], port=0, poll_interval=0.1, debounce=0.2)


def rebuilt_after(server: PreviewServer, change) -> None:
    """Make `change` to the inbox and wait until the watcher has built again."""
    version = server.snapshot().version
    change()
    assert server.wait_for_version(version, timeout=WAIT_MS / 1000)


def test_an_edited_article_is_served_in_its_new_words(day_inbox):
    article = day_inbox / "budget-vote.txt"
    with watched(day_inbox) as server:
        status, body, _ = request(server, "/brief.json")
        assert status == 200 and b"digital services levy" in body
        rebuilt_after(server, lambda: edit(article, "digital services levy", "harbour dredging fund"))
        assert server.snapshot().error is None, server.snapshot().error
        for path in ("/brief.json", "/brief.html", "/"):
            status, body, _ = request(server, path)
            assert status == 200 and b"harbour dredging fund" in body, path
            assert b"digital services levy" not in body, path


def test_a_deleted_article_disappears_from_the_brief(day_inbox):
    with watched(day_inbox) as server:
        assert b"Ruth Ahlgren" in request(server, "/brief.json")[1]
        rebuilt_after(server, (day_inbox / "budget-vote.txt").unlink)
        assert server.snapshot().error is None, server.snapshot().error
        status, body, _ = request(server, "/brief.json")
        assert status == 200 and b"Ruth Ahlgren" not in body and b"budget-vote" not in body
        assert b"Port of Velden" in body  # the strike's reports are still there
        status, body, _ = request(server, "/")
        assert status == 200 and b"Ruth Ahlgren" not in body


def test_an_edit_to_a_saved_articles_text_is_served(tmp_path):
    from sample_days import DAYS

    from briefing.ingest.load import save_article

    inbox = tmp_path / "inbox"
    for item in DAYS[1]:
        save_article(item.article(), inbox / f"{item.slug}.txt")
    with watched(inbox) as server:
        rebuilt_after(server, lambda: edit(inbox / "budget-vote.txt", "digital services levy", "harbour dredging fund"))
        assert b"harbour dredging fund" in request(server, "/brief.json")[1]


def test_a_bad_file_beside_good_ones_is_named_in_the_bar_and_the_page_still_serves(day_inbox):
    (day_inbox / "scrambled.txt").write_bytes(bytes(range(256)) * 8)
    with watched(day_inbox) as server:
        state = server.snapshot()
        assert state.error is None, state.error
        assert len(state.skipped) == 1 and "scrambled.txt" in state.skipped[0]
        status, body, _ = request(server, "/")
        assert status == 200 and b'id="briefing-skipped"' in body and b"scrambled.txt" in body
        assert b'id="briefing-error"' not in body  # skipped, not failed
        assert b"Port of Velden" in body and b"digital services levy" in body
        status, body, _ = request(server, "/brief.pdf")
        assert status == 200 and len(PdfReader(io.BytesIO(body)).pages) == 1


def test_the_archive_lists_each_days_brief_newest_first_with_its_files(archive):
    first, second, third = archive.days
    status, body, resp = request(archive, "/archive")
    assert status == 200 and resp.getheader("Content-Type").startswith("text/html")
    page = body.decode("utf-8")
    rows = [page.index(f'id="day-{day}"') for day in (third, second, first)]
    assert rows == sorted(rows)  # newest first
    for day in (first, second, third):
        assert f'href="/archive/{day}/brief.html"' in page and f'href="/archive/{day}/brief.pdf"' in page
        status, body, _ = request(archive, f"/archive/{day}/brief.json")
        assert status == 200 and json.loads(body)["title"]
