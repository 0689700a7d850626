"""HTML pages saved as text, by example (briefing/ingest/html.py): what is a page, and what of a
page is its text. The pages are invented (our own words): a ferry operator cuts a timetable."""

from __future__ import annotations

import pytest

from briefing.ingest.html import html_to_text, looks_like_html

LEAD = "The ferry to Ostholm will run twice a day from May, the operator said."
FARES = "Fares stay at 4 pounds and children travel free until June."


def page(body: str, head: str = "") -> str:
    return f"<!DOCTYPE html><html><head><meta charset='utf-8'>{head}</head><body>{body}</body></html>"


def lines(text: str) -> list[str]:
    """The text's lines that hold something, stripped."""
    return [ln.strip() for ln in text.splitlines() if ln.strip()]


def test_scripts_styles_and_navigation_are_not_text():
    text = html_to_text(page(
        "<script>var note = '<p>Ferries cancelled</p>'; if (a < b) { run(); }</script>"
        "<style>p { color: red } .ad::after { content: 'Buy now'; }</style>"
        "<noscript>Turn on scripts to see the map.</noscript>"
        "<nav><a href='/'>Home</a> | <a href='/local'>Local</a></nav>"
        f"<h1>Ferry timetable cut</h1><p>{LEAD}</p>"
        "<form><input name='q'><button>Search</button></form>",
        head="<title>Ferry Timetable Cut</title><script>track('view');</script><style>body { margin: 0 }</style>"))
    assert lines(text) == ["Ferry timetable cut", LEAD]
    for hidden in ("Ferries cancelled", "color", "Buy now", "scripts", "Home", "Search", "track"):
        assert hidden not in text


def test_block_elements_become_paragraphs_and_inline_ones_do_not():
    text = html_to_text(page(
        f"<h1>Ferry timetable cut</h1><p>{LEAD.replace('Ostholm', '<b>Ostholm</b>')}</p>"
        f"<div>{FARES.replace('free', '<a href=/fares>free</a>')}</div>"
        "<ul><li>Monday to Friday: 7 am and 5 pm</li><li>Weekends: 9 am only</li></ul>"
        "<blockquote>We had no other choice.</blockquote>Winter timetable<br>Summer timetable"))
    assert lines(text) == ["Ferry timetable cut", LEAD, FARES, "Monday to Friday: 7 am and 5 pm",
                           "Weekends: 9 am only", "We had no other choice.", "Winter timetable", "Summer timetable"]


def test_a_line_break_inside_a_paragraph_of_source_is_a_space():
    text = html_to_text(page("<p>The ferry to Ostholm will run\ntwice a day from May,\nthe operator said.</p>"))
    assert lines(text) == [" ".join(LEAD.split())]


@pytest.mark.parametrize("markup, expected", [
    ("Fares stay at &pound;4 &amp; children travel free", "Fares stay at £4 & children travel free"),
    ("The operator&#8217;s plan", "The operator’s plan"),
    ("A &#x201C;temporary&#x201D; cut", "A “temporary” cut"),
    ("Ostholm&nbsp;&ndash;&nbsp;Velden", "Ostholm\u00a0–\u00a0Velden"),
    ("1 &lt; 2 &gt; 0", "1 < 2 > 0"),
])
def test_entities_are_decoded(markup, expected):
    assert lines(html_to_text(page(f"<p>{markup}</p>"))) == [expected]


def test_a_page_without_a_heading_opens_with_its_title_less_the_site_name():
    text = html_to_text(page(f"<p>{LEAD}</p>", head="<title>Ferry Timetable Cut | Coastal Post</title>"))
    assert lines(text) == ["Ferry Timetable Cut", LEAD]
    text = html_to_text(page(f"<h1>Ferries cut</h1><p>{LEAD}</p>"))
    assert lines(text) == ["Ferries cut", LEAD]  # a heading of its own: the title is not added


@pytest.mark.parametrize("document", [
    page(f"<p>{LEAD}</p>"),
    f"<html><body><p>{LEAD}</p></body></html>",
    f"<?xml version='1.0'?>\n<!-- saved -->\n<html><body><p>{LEAD}</p></body></html>",
    f"<div>\n<p>{LEAD}</p>\n<p>{FARES}</p>\n<p>The operator thanked passengers.</p>\n</div>",
])
def test_a_saved_web_page_is_html(document):
    assert looks_like_html(document)


@pytest.mark.parametrize("text", [
    f"Ferry Timetable Cut\n\n{LEAD}\n\n{FARES}\n",
    "Critics said the operator's site used <script> tags and <b>bold</b> banners to hide the fares.",
    "Ferry Timetable Cut\n\nThe notice said: <p>Timetable</p> in its raw form.\n\n" + LEAD,
    '<?xml version="1.0"?><rss version="2.0"><channel><title>Coastal Post</title><item><title>Ferry timetable cut'
    "</title><description>&lt;p&gt;The ferry will run twice a day.&lt;/p&gt;</description></item></channel></rss>",
    '{"title": "Ferry timetable cut", "body": "<p>The ferry will run twice a day.</p>"}',
    "",
])
def test_text_that_is_not_a_page_is_not_html(text):
    assert not looks_like_html(text)


def test_broken_markup_still_gives_its_text():
    text = html_to_text("<html><body><p>The ferry <b>will run<p>twice a day</div></span>from May.")
    assert "The ferry will run" in text and "twice a day" in text and "from May." in text
    assert "<" not in text
