"""Web pages to articles: trafilatura's body and metadata, our news cleaning on top, any charset."""

from __future__ import annotations

import pytest

from briefing.ingest.load import load_articles, read_article
from briefing.ingest.webpage import decode_page, extract_page, is_page_furniture, source_from_url, strip_site_name
from briefing.model import InputError

PARAGRAPHS = [
    "The port authority of Valdria reopened the northern harbour on Monday after a week of repairs "
    "to the sea wall, officials said.",
    "Fishing boats queued at the entrance from dawn, and the first ferry docked shortly after nine "
    "in the morning with about two hundred passengers aboard.",
    "\u201cWe worked around the clock to get the wall fixed before the holiday traffic,\u201d said "
    "Mara Lindqvist, the authority\u2019s chief engineer, adding that inspections would continue.",
    "Repairs cost an estimated four million euros, according to the regional government, which "
    "said it would seek help from the national budget to cover the bill.",
]


def page(paragraphs=PARAGRAPHS, extra_body: str = "", charset_meta: str = "utf-8") -> str:
    body = "\n".join(f"<p>{p}</p>" for p in paragraphs)
    return f"""<!doctype html>
<html lang="en"><head><meta charset="{charset_meta}">
<title>Northern Harbour Reopens After Repairs | Valdria Courier</title>
<meta property="og:title" content="Northern Harbour Reopens After Repairs">
<meta property="og:site_name" content="Valdria Courier">
<meta name="author" content="Ines Okafor">
<meta property="article:published_time" content="2024-05-01T08:30:00Z">
<link rel="canonical" href="https://courier.example.org/news/harbour-reopens">
</head><body>
<nav><a href="/">Home</a> <a href="/news">News</a> <a href="/sport">Sport</a></nav>
<article><h1>Northern Harbour Reopens After Repairs</h1>
{body}
{extra_body}
</article>
<footer><p>Copyright 2024 Valdria Courier. All rights reserved.</p></footer>
</body></html>"""


def test_body_and_metadata_come_from_the_page():
    article = extract_page(page(), "saved.html", url="https://courier.example.org/news/harbour-reopens?ref=rss")
    assert article.title == "Northern Harbour Reopens After Repairs"
    assert article.byline == "Ines Okafor"
    assert article.source == "Valdria Courier"
    assert article.date == "2024-05-01"
    assert article.url == "https://courier.example.org/news/harbour-reopens"
    assert article.paragraphs[0].startswith("The port authority of Valdria")
    assert "Mara Lindqvist" in article.text and "Copyright" not in article.text and "Sport" not in article.text


@pytest.mark.parametrize("title, names, headline", [
    ("Ferry Saved | The Harbour Gazette", ["The Harbour Gazette"], "Ferry Saved"),
    ("harbourgazette.com - Ferry Saved", ["harbourgazette.com"], "Ferry Saved"),
    ("Ferry Saved – HARBOUR GAZETTE", ["Harbour Gazette"], "Ferry Saved"),
    ("Ferry Saved | Harbourgazette", ["harbourgazette.com"], "Ferry Saved"),
    ("Storm Hits Coast: Ferry Cancelled", ["Harbour Gazette"], "Storm Hits Coast: Ferry Cancelled"),  # no name
    ("Harbour Gazette", ["Harbour Gazette"], "Harbour Gazette"),  # nothing else left: kept
])
def test_the_site_name_a_page_title_adds_is_not_the_headline(title, names, headline):
    assert strip_site_name(title, names) == headline


def test_a_page_title_loses_its_site_name():
    html = page().replace('content="Northern Harbour Reopens After Repairs"',
                          'content="Northern Harbour Reopens After Repairs | Valdria Courier"')
    article = extract_page(html, "saved.html", url="https://courier.example.org/news/harbour-reopens")
    assert article.title == "Northern Harbour Reopens After Repairs"


def test_a_news_agency_s_own_domain_names_the_agency_whatever_the_site_calls_itself():
    html = page().replace('<link rel="canonical" href="https://courier.example.org/news/harbour-reopens">\n', "")
    article = extract_page(html, "saved.html", url="https://hosted.ap.org/courier/article/harbour-reopens")
    assert article.source == "The Associated Press"


def test_our_cleaning_runs_on_top_of_the_extraction():
    extra = "<p>READ MORE: Ferry timetable changes for the summer</p>"
    article = extract_page(page(extra_body=extra), "saved.html")
    assert "READ MORE" not in article.text


def test_a_page_with_no_article_is_one_line():
    with pytest.raises(InputError) as info:
        extract_page("<html><body><nav><a href='/'>Home</a></nav></body></html>", "empty.html")
    assert str(info.value) == "empty.html: no article text found on the page"


def test_source_falls_back_to_the_domain():
    assert source_from_url("https://www.courier.example.org/a") == "courier.example.org"


@pytest.mark.parametrize("declared", [None, "utf-8", "iso-8859-1"])
def test_latin1_bytes_read_right_whatever_the_charset_claims(declared):
    text = "Caf\u00e9 owners in K\u00f6ln said the se\u00f1ora\u2019s plan"
    raw = text.replace("\u2019", "'").encode("cp1252")
    assert decode_page(raw, declared) == text.replace("\u2019", "'")


def test_utf8_bytes_win_over_a_wrong_latin1_claim():
    text = "Se\u00f1or Mu\u00f1oz met the \u00e9lite in Z\u00fcrich"
    assert decode_page(text.encode("utf-8"), "iso-8859-1") == text


def test_meta_charset_is_used_when_the_bytes_are_not_utf8():
    raw = page(charset_meta="windows-1251").replace("Valdria", "\u0412\u0430\u043b\u0434\u0440\u0438\u044f")
    html = decode_page(raw.encode("cp1251"), None)
    assert "\u0412\u0430\u043b\u0434\u0440\u0438\u044f" in html


def test_saved_html_files_are_read_alone_and_in_folders(tmp_path):
    folder = tmp_path / "saved"
    folder.mkdir()
    (folder / "harbour.html").write_text(page(), encoding="utf-8")
    (folder / "harbour.htm").write_bytes(page().replace("utf-8", "windows-1252").encode("cp1252"))
    article = read_article(folder / "harbour.html")
    assert article.source == "Valdria Courier" and article.url.startswith("https://courier.example.org/")
    articles, errors = load_articles([folder])
    assert errors == [] and len(articles) == 2
    assert all("\u201cWe worked around the clock" in a.text for a in articles)


def test_a_real_page_from_the_server_gets_url_source_and_date(web_server):
    from web_server import page_ids

    pid = page_ids()[0]
    url = web_server.url(f"/page/{pid}.html")
    articles, errors = load_articles([url])
    assert errors == [] and len(articles) == 1
    article = articles[0]
    assert article.path == url and article.url.startswith("http")
    assert article.source and len(article.paragraphs) >= 3


@pytest.mark.parametrize("paragraph", [
    "Like this story? Sign up for our free morning newsletter and get it delivered to your inbox.",
    "Get the Valdria Courier delivered through your letterbox every week. Click here to subscribe.",
    "(Reporting by Ines Okafor; Editing by Tom Hale)",
    "Have a tip? Ines Okafor may be reached at the newsroom.",
    "SEE MORE: Ferry timetable changes for the summer",
])
def test_page_furniture_is_recognised(paragraph):
    assert is_page_furniture(paragraph)


@pytest.mark.parametrize("paragraph", PARAGRAPHS + [
    "The council said residents could subscribe to alerts about the works.",  # one promo word is news
    "Editors of the paper were reached for comment but declined to answer.",
])
def test_news_paragraphs_are_not_furniture(paragraph):
    assert not is_page_furniture(paragraph)


def test_furniture_is_taken_out_of_an_extracted_page():
    extra = ("<p>Sign up for the Courier's free newsletter and get the news delivered to your inbox.</p>"
             "<p>(Reporting by Ines Okafor; Editing by Tom Hale)</p>")
    article = extract_page(page(extra_body=extra), "saved.html")
    assert "newsletter" not in article.text and "Editing by" not in article.text
    assert any("newsletter" in line for line in article.removed)


def test_a_page_saved_by_a_browser_keeps_the_address_it_was_saved_from(tmp_path):
    html = page().replace('<link rel="canonical" href="https://courier.example.org/news/harbour-reopens">', "")
    url = "https://courier.example.org/sport/2024/05/01/harbour"
    path = tmp_path / "saved.html"
    path.write_text(f"<!-- saved from url=({len(url):04d}){url} -->\n" + html, encoding="utf-8")
    assert read_article(path).url == url
    plain = tmp_path / "plain.html"
    plain.write_text(html, encoding="utf-8")
    assert read_article(plain).url is None
