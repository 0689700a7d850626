"""The page: HTML and PDF from a Brief, and the files written atomically (fitting the brief to
one page is tests/test_fit.py's).

Briefs here are built by hand (realistic text, names in Hangul, Arabic and Cyrillic), so the
tests need none of the analysis stages.
"""

from __future__ import annotations

import datetime as dt
import io
import re
import subprocess
from pathlib import Path

import pytest

import pypdf

from briefing.render import fit
from briefing.render import page as render
from briefing.render.fit import fit_to_page
from briefing.model import AnalyzedArticle, Article, Brief, BriefingError, KeyPoint, Participant, Quote
from briefing.brief import blocks
from briefing.render import layout
from briefing.render.outputs import write_outputs
from briefing.render.page import brief_json, make_url_fetcher, render_html, render_pdf

PEOPLE = [
    ("Daniel Russel", "assistant secretary of state for East Asian and Pacific affairs", "United States"),
    ("Lee Soo-hyuck", "deputy foreign minister", "South Korea"),
    ("이수혁", "차관보", "South Korea"),
    ("Mitoji Yabunaka", "director-general, Foreign Ministry", "Japan"),
    ("Сергей Лавров", "foreign minister", "Russia"),
    ("فيصل المقداد", "deputy foreign minister", "Syria"),
    ("Wang Yi", "foreign minister", "China"),
    ("Yoon Young-kwan", "foreign affairs-trade minister", "South Korea"),
    ("Wu Dawei", "special representative for Korean Peninsula affairs", "China"),
    ("Ri Yong-ho", "first vice foreign minister", "North Korea"),
]

SENTENCES = [
    "Senior officials from South Korea, the United States and Japan began consultations in Tokyo on how to approach the six-party talks.",
    "The delegations discussed a joint proposal offering a security guarantee and energy aid in return for the North's renouncement of its nuclear ambitions.",
    "Officials said the allies were still divided over the sequencing of concessions, with Washington insisting that Pyongyang move first.",
    "China, which hosted the first round in Beijing, has proposed an informal meeting of negotiators and scholars later this month.",
    "Russia's foreign ministry said Moscow supported any format that brought the parties back to the table without preconditions.",
    "Analysts in Seoul said the renewed diplomacy reflected a cautious thaw in inter-Korean ties after months of tension on the border.",
]

QUOTES = [
    "It is crystal clear in the joint statement of 2005 that the goal of the six-party talks is the complete and verifiable denuclearization of the Korean Peninsula.",
    "We will exchange assessments of the first six-way talks' results and a joint strategy for the next talks.",
    "The U.S. is showing a more flexible attitude.",
    "There certainly is a long and unsavory history of cooperation between the North Korean government and the Syrian regime.",
    "Moscow is ready to host consultations at any level the parties find useful.",
    "Nobody should expect a breakthrough this week, but the direction is right.",
]


def make_brief(articles=2, sentences=3, quotes=4, participants=6, key_points=3, first_sentence=None,
               page_size="a4") -> Brief:
    analyzed = []
    for i in range(articles):
        sents = [f"{SENTENCES[(i + j) % len(SENTENCES)][:-1]} (report {i + 1}.{j + 1})." for j in range(6)]
        if first_sentence and i == 0:
            sents[0] = first_sentence
        a = Article(path=f"/data/in/{i:03d}_wire.txt", title=f"Allies weigh a joint North Korea proposal, part {i + 1}",
                    paragraphs=[" ".join(sents)], byline="Shin Hyon-hee", source="The Korea Herald", date="2013-09-06")
        summary = list(range(min(sentences, 6)))
        analyzed.append(AnalyzedArticle(article=a, sentences=sents, spans=[(0, 0)] * 6, summary=summary,
                                        summary_rank=list(summary)))
    qs = []
    for k in range(quotes):
        name, title, _ = PEOPLE[k % len(PEOPLE)]
        qs.append(Quote(text=f"{QUOTES[k % len(QUOTES)]} (Q{k + 1})", speaker=name, title=title,
                        article=analyzed[k % articles].article.path, score=1 - k / 100))
    ps = []
    for k in range(participants):
        name, title, place = PEOPLE[k % len(PEOPLE)]
        if k >= len(PEOPLE):
            name = f"{name} {k}"
        ps.append(Participant(name=name, title=title, affiliation=place, quoted=k < quotes, mentions=1 + (k < 4),
                              articles=[analyzed[k % articles].article.path]))
    kps = [KeyPoint(text=analyzed[d % articles].sentences[d // articles], article=d % articles,
                    sentence=d // articles) for d in range(key_points)]
    return Brief(title="Daily Brief: Korean Peninsula", date=dt.date(2026, 11, 22), articles=analyzed,
                 key_points=kps, quotes=qs, participants=ps, page_size=page_size)


def pdf_text(pdf: bytes) -> str:
    reader = pypdf.PdfReader(io.BytesIO(pdf))
    return "\n".join(page.extract_text() or "" for page in reader.pages)


def squash(text: str) -> str:
    """Text without any whitespace (line breaks in the PDF fall anywhere)."""
    return re.sub(r"\s+", "", text)


@pytest.fixture(scope="module")
def tiny():
    return fit_to_page(make_brief(articles=2, sentences=2, quotes=2, participants=3))


# --- safety ----------------------------------------------------------------------------------


def test_article_markup_is_escaped_in_html_and_plain_text_in_pdf(tmp_path):
    brief = make_brief(first_sentence="Officials found <script>alert(1)</script> in the file <img src=\"file:///etc/passwd\">.")
    html = render_html(brief)
    assert "<script>alert(1)</script>" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert '<img src="file:///etc/passwd">' not in html
    text = squash(pdf_text(render_pdf(render_html(brief, for_pdf=True))))
    assert squash("<script>alert(1)</script>") in text


def test_fetcher_refuses_files_outside_the_templates_and_the_network():
    fetcher = make_url_fetcher()
    for url in ("file:///etc/passwd", "http://example.com/x.css", "https://example.com/font.woff",
                (render.package_template_dir() / ".." / "pyproject.toml").as_uri(),
                render.package_template_dir().as_uri() + "/../pyproject.toml"):
        with pytest.raises(BriefingError, match="refused to fetch"):
            fetcher.fetch(url)


def test_fetcher_serves_our_stylesheet_and_data_uris():
    fetcher = make_url_fetcher()
    css = fetcher.fetch((render.package_template_dir() / "brief.css").as_uri())
    assert b"@page" in css.read()
    assert css.content_type == "text/css"
    assert fetcher.fetch("data:text/plain,hello").read() == b"hello"


def test_a_remote_image_in_a_user_template_is_not_fetched(tmp_path, monkeypatch):
    fetched = []
    real = render._fetcher_class()
    monkeypatch.setattr(render, "_fetcher_class", lambda: type("Spy", (real,), {
        "fetch": lambda self, url, headers=None: (fetched.append(url), real.fetch(self, url, headers))[1]}))
    (tmp_path / "brief.html").write_text(
        '<html><body><img src="file:///etc/passwd"><img src="http://127.0.0.1:9/x.png"><p>{{ brief.title }}</p></body></html>')
    pdf = render_pdf(render_html(make_brief(), tmp_path, for_pdf=True), tmp_path)
    assert sorted(fetched) == ["file:///etc/passwd", "http://127.0.0.1:9/x.png"]  # asked, refused
    assert "Korean Peninsula" in pdf_text(pdf)


# --- the page --------------------------------------------------------------------------------


def test_the_html_carries_the_page_count_for_the_preview(tiny):
    assert '<meta name="briefing-pages" content="1">' in tiny.html
    assert 'data-overflow="false"' in tiny.html
    assert "<style>" in tiny.html and "@page" in tiny.html  # stands alone in a browser


@pytest.mark.parametrize("size, expected", [("a4", (595, 842)), ("letter", (612, 792))])
def test_page_size_is_a4_or_letter(size, expected):
    pdf = render_pdf(render_html(make_brief(page_size=size), for_pdf=True))
    box = pypdf.PdfReader(io.BytesIO(pdf)).pages[0].mediabox
    assert (round(float(box.width)), round(float(box.height))) == expected


def test_fonts_are_embedded(tiny):
    page = pypdf.PdfReader(io.BytesIO(tiny.pdf)).pages[0]
    fonts = page["/Resources"]["/Font"]
    assert len(fonts) >= 2  # a serif body and a sans for labels
    for ref in fonts.values():
        font = ref.get_object()
        descriptor = (font["/DescendantFonts"][0].get_object() if "/DescendantFonts" in font else font)["/FontDescriptor"]
        assert any(k in descriptor for k in ("/FontFile2", "/FontFile3", "/FontFile")), font["/BaseFont"]


def test_hangul_arabic_and_cyrillic_names_are_real_text(tiny, tmp_path):
    brief = make_brief(quotes=3, participants=6)
    pdf = tmp_path / "b.pdf"
    pdf.write_bytes(fit_to_page(brief).pdf)
    text = subprocess.run(["pdftotext", "-enc", "UTF-8", str(pdf), "-"], capture_output=True, text=True).stdout
    assert "이수혁" in text and "Сергей Лавров" in text
    assert "المقداد" in text or "المقداد"[::-1] in text


def test_the_page_renders_to_a_non_blank_image(tiny, tmp_path):
    pdf = tmp_path / "b.pdf"
    pdf.write_bytes(tiny.pdf)
    subprocess.run(["pdftoppm", "-png", "-r", "40", str(pdf), str(tmp_path / "page")], check=True)
    png = tmp_path / "page-1.png"
    assert png.is_file()
    try:
        from PIL import Image
    except ImportError:
        assert png.stat().st_size > 5000
        return
    image = Image.open(png).convert("L")
    dark = sum(image.histogram()[:128])
    assert dark > 0.02 * image.width * image.height  # the navy band and the text


FOREST = ("The provincial police will review what took place last week after officers crossed a barricade "
          "on a logging road in the northern valley where members of a river camp had been blocking a "
          "mining company's trucks.")


def _key_point_lines(html: str) -> list[str]:
    """The text of each line box in the key points of the rendered page."""
    def text(box):
        return getattr(box, "text", None) or "".join(text(c) for c in getattr(box, "children", []))

    lines = []

    def walk(box, inside=False):
        inside = inside or (getattr(box, "element", None) is not None
                            and box.element.get("id", "").startswith("kp-"))
        if inside and type(box).__name__ == "LineBox":
            lines.append(text(box).strip())
        for c in getattr(box, "children", []):
            walk(c, inside)

    walk(render.layout_document(html).pages[0]._page_box)
    return lines


@pytest.mark.parametrize("widen", range(0, 64, 4))
def test_a_key_point_never_strands_one_word_or_its_reference(widen):
    # With a no-break space before the "[1]" reference ending the text run, WeasyPrint 70 could
    # break a line whose last word just fits, leaving one word alone on a line. Sweeping the line
    # width puts some width of the sweep in that trap whatever the stylesheet does.
    brief = make_brief(key_points=1)
    brief.key_points[0].text = FOREST
    brief.articles[0].sentences[0] = FOREST
    html = render_html(brief, for_pdf=True)
    html = re.sub(r"html \{ font-size: [\d.]+pt; \}", "html { font-size: 9pt; }", html)
    html = html.replace("</style>", f".key-points li {{ margin-right: {widen}px; }}</style>", 1)
    lines = _key_point_lines(html)
    assert len(lines) >= 2, lines
    assert lines[-1].endswith("[1]") and len(lines[-1].split()) > 1, lines
    assert all(len(line.split()) > 1 for line in lines[:-1]), lines


# --- files -----------------------------------------------------------------------------------


def test_write_outputs_writes_pdf_html_and_json(tmp_path, tiny):
    paths = write_outputs(make_brief(articles=2, sentences=2, quotes=2, participants=3), tmp_path / "out",
                          rendered=tiny)
    assert sorted(paths) == ["html", "json", "pdf"]
    assert paths["pdf"].read_bytes().startswith(b"%PDF")
    assert "이수혁" in paths["json"].read_text(encoding="utf-8")  # ensure_ascii=False
    assert not [p for p in (tmp_path / "out").iterdir() if p.name.startswith(".")]  # no temp files left


def test_a_failed_render_leaves_the_previous_brief_intact(tmp_path, tiny, monkeypatch):
    out = tmp_path / "out"
    write_outputs(make_brief(), out, rendered=tiny)
    before = {p.name: p.read_bytes() for p in out.iterdir()}

    def broken(*args, **kwargs):
        raise RuntimeError("layout failed")

    monkeypatch.setattr(fit, "layout_document", broken)  # write_outputs fits the brief: fit lays it out
    with pytest.raises(RuntimeError):
        write_outputs(make_brief(), out)
    assert {p.name: p.read_bytes() for p in out.iterdir()} == before


def test_an_unusable_output_folder_is_named_in_the_error(tmp_path, tiny):
    blocker = tmp_path / "report.txt"
    blocker.write_text("not a folder")
    with pytest.raises(BriefingError, match="report.txt"):
        write_outputs(make_brief(), blocker / "out", rendered=tiny)


def test_a_user_template_folder_wins_over_ours(tmp_path):
    (tmp_path / "brief.css").write_text("h1 { color: rgb(1, 2, 3); }")
    html = render_html(make_brief(), tmp_path)
    assert "rgb(1, 2, 3)" in html  # their stylesheet, included by our page template
    (tmp_path / "brief.html").write_text("<p class=mine>{{ brief.title }} {{ heading }}</p>")
    assert render_html(make_brief(), tmp_path).startswith("<p class=mine>Daily Brief: Korean Peninsula")


def test_a_missing_template_folder_is_an_error_naming_it(tmp_path):
    with pytest.raises(BriefingError, match="nowhere"):
        render_html(make_brief(), tmp_path / "nowhere")


# --- no repeats, title case, balanced columns ------------------------------------------------


@pytest.mark.parametrize("given, expected", [
    ("assistant secretary of state for East Asian and Pacific affairs",
     "Assistant Secretary of State for East Asian and Pacific Affairs"),
    ("director-general, Foreign Ministry", "Director-General, Foreign Ministry"),
    ("head of the Syrian regime", "Head of the Syrian Regime"),
    ("the deputy FM in charge of the NPT", "The Deputy FM in Charge of the NPT"),
    ("special representative for peace and security affairs on the peninsula",
     "Special Representative for Peace and Security Affairs on the Peninsula"),
    ("trade negotiator with the Fisheries Department", "Trade Negotiator with the Fisheries Department"),
    ("adviser to the minister from 2015 to 2019", "Adviser to the Minister from 2015 to 2019"),
    ("차관보", "차관보"),
    ("", ""),
    (None, None),
])
def test_the_titlecase_filter_for_user_templates_cases_titles_as_a_style_guide_would(given, expected):
    assert render.titlecase(given) == expected


def test_titles_on_the_page_and_in_the_json_keep_the_articles_own_case(tiny):
    text = " ".join(pdf_text(tiny.pdf).split())
    assert "assistant secretary of state for East Asian and Pacific affairs" in text
    assert "Assistant Secretary of State for East Asian" not in text
    assert "assistant secretary of state for East Asian" in brief_json(tiny.brief)


def repeat_brief() -> Brief:
    """Two articles whose summaries are also the key points, and a quote sentence in a summary."""
    brief = make_brief(articles=2, sentences=4, quotes=6, participants=6, key_points=3)
    a = brief.articles[0]
    a.sentences[2] = f"“{QUOTES[1]}” a deputy minister told reporters (report 1.3)."
    brief.quotes[1].text = QUOTES[1]
    brief.quotes[1].article = a.article.path
    return brief


def test_no_summary_sentence_is_printed_twice():
    brief = repeat_brief()
    brief.stories = blocks.article_stories(brief)  # the brief chooses each block's sentences
    rendered = fit_to_page(brief)
    text = squash(pdf_text(rendered.pdf))
    for a in brief.articles:
        for i in a.summary:
            assert text.count(squash(a.sentences[i])) <= 1, a.sentences[i]
    # the key points are shown once, as key points; the article blocks show the rest
    for kp in brief.key_points:
        assert squash(kp.text) in text
    assert squash(QUOTES[1]) in text and text.count(squash(QUOTES[1])) == 1
    assert squash(brief.articles[0].sentences[3]) in text  # what the key points do not say


def test_an_article_block_never_repeats_a_key_point_and_falls_back_to_its_next_best_sentences():
    brief = make_brief(articles=1, sentences=2, quotes=1, participants=1, key_points=2)
    shown = blocks.block_sentences(brief, 0)  # both summary sentences are key points
    assert shown and not set(shown) & {0, 1}
    assert shown == sorted(shown) and len(shown) <= blocks.FALLBACK_SENTENCES
    brief = make_brief(articles=1, sentences=3, quotes=1, participants=1, key_points=2)
    assert blocks.block_sentences(brief, 0) == [2]


def test_an_article_block_never_prints_a_sentence_whose_quote_the_quotes_column_shows():
    brief = make_brief(articles=1, sentences=3, quotes=2, participants=2, key_points=2)
    a = brief.articles[0]
    a.sentences[2] = f"“{QUOTES[0]},” Russel told reporters in Seoul."
    a.sentences[4] = "Photo: AP"
    brief.quotes[0].text = QUOTES[0]
    shown = blocks.block_sentences(brief, 0)
    assert 2 not in shown and 4 not in shown and shown  # neither the quote nor junk
    assert shown == sorted(shown)


SEEDS = Path(__file__).resolve().parents[1] / "seeds"


@pytest.fixture(scope="module")
def seed_rendered():
    from briefing.brief.assemble import assemble_brief
    from briefing.pipeline import analyze_paths

    analyzed, _ = analyze_paths([SEEDS])
    brief = assemble_brief(analyzed, date=dt.date(2026, 11, 22))
    return brief, fit_to_page(brief)


def test_the_seed_page_prints_no_sentence_twice_and_leaves_nothing_out(seed_rendered):
    brief, rendered = seed_rendered
    assert rendered.pages == 1 and rendered.omitted == [] and not rendered.overflow
    assert len(rendered.brief.quotes) == len(brief.quotes) == 8
    text = squash(pdf_text(rendered.pdf))
    for a in brief.articles:  # no sentence of any article is printed twice
        for s in a.sentences:
            assert text.count(squash(s)) <= 1, s
    for q in brief.quotes:  # each quote once: never again inside an article block
        core = squash(q.text).rstrip(".,")
        assert text.count(core) == 1, q.text
    for a in rendered.brief.articles:  # every block says something the rest of the page does not
        assert a.printed


def test_the_quotes_heading_tops_the_right_column(seed_rendered):
    _, rendered = seed_rendered
    html = rendered.html
    left = html.index('id="col-left"')
    right = html.index('id="col-right"')
    assert left < html.index("<h2>Stories</h2>") < right < html.index("<h2>Key quotes</h2>")
    # the right column opens with its heading, the left with the articles
    assert re.search(r'id="col-right">\s*<section class="quotes" id="sec-quotes">\s*<h2>Key quotes</h2>', html)
    assert re.search(r'id="col-left">\s*<section class="stories" id="sec-articles">\s*<h2>Stories</h2>', html)
    assert "column-count" not in html


def test_the_pdf_is_printed_without_weasyprint_warnings(caplog):
    import logging

    with caplog.at_level(logging.WARNING, logger="weasyprint"):
        render_pdf(render_html(make_brief(), for_pdf=True))
    assert not [r for r in caplog.records if r.name.startswith("weasyprint")]


def test_participant_groups_are_ordered_by_importance_and_unknown_affiliation_is_last():
    brief = make_brief(participants=0)
    brief.participants = [
        Participant("Nobody Known", None, None, quoted=True, mentions=5),
        Participant("Minor One", None, "Japan", mentions=1),
        Participant("Quoted One", None, "China", quoted=True, mentions=2),
        Participant("Quoted Two", None, "China", quoted=True, mentions=1),
    ]
    view = layout.page_view(brief, None, for_pdf=True, pages=None, overflow=False)
    assert [g["label"] for g in view["groups"]] == ["China", "Japan", "Other"]
    assert [g["anchor"] for g in view["groups"]] == ["g-0", "g-1", "g-2"]


def test_the_footer_leads_each_source_with_its_publication():
    html = render_html(make_brief())
    text = " ".join(re.sub(r"<[^>]+>", "", html.split('id="sec-sources"', 1)[1]).split())
    assert "[1] The Korea Herald — 000_wire.txt" in text


def test_a_fallback_sentence_names_its_subject_rather_than_open_with_a_pronoun():
    import datetime

    from briefing.model import AnalyzedArticle, Article, Brief, KeyPoint

    sentences = [
        "The finance minister announced a new budget for schools and hospitals on Monday.",
        "He said the budget plan would cut the deficit by half within two years.",
        "It also raises the tax on tobacco and alcohol by ten percent.",
        "Opposition parties in parliament rejected the budget plan within hours.",
        "Teachers' unions welcomed the extra money for schools across the country.",
    ]
    article = Article(path="a.txt", title="Budget", paragraphs=[" ".join(sentences)])
    item = AnalyzedArticle(article=article, sentences=sentences, spans=[], summary=[0])
    brief = Brief(title="T", date=datetime.date(2026, 11, 23), articles=[item],
                  key_points=[KeyPoint(text=sentences[0], article=0, sentence=0)])
    assert blocks.block_sentences(brief, 0) == [3, 4]


@pytest.mark.parametrize("given, expected", [
    ("We know there is a lot,” Scheer said.", "“We know there is a lot,” Scheer said."),
    ('We know there is a lot," Scheer said.', '"We know there is a lot," Scheer said.'),
    ("“It was hard. We kept going", "“It was hard. We kept going”"),
    ("He said “yes” twice.", "He said “yes” twice."),
    ("Don't go, it's late.", "Don't go, it's late."),
])
def test_a_sentence_cut_from_a_longer_quote_gets_its_missing_mark(given, expected):
    assert render.balance_quotes(given) == expected


# --- stories ---------------------------------------------------------------------------------


def story_brief() -> Brief:
    """Three articles from three outlets on one story, one quote carried by all three, and a
    single article on another story."""
    from briefing.model import Story

    brief = make_brief(articles=4, sentences=3, quotes=2, participants=4, key_points=0)
    for a, outlet in zip(brief.articles, ("CBC News", "CTV News", "Global News", "The Korea Herald")):
        a.article.source = outlet
    paths = [a.article.path for a in brief.articles]
    brief.quotes[0].article, brief.quotes[0].sources = paths[0], paths[:3]
    brief.quotes[1].article, brief.quotes[1].sources = paths[3], [paths[3]]
    brief.stories = [
        Story(id="s1", title="Allies weigh a joint proposal", articles=[0, 1, 2],
              summary=[(0, 0), (1, 1), (2, 2)]),
        Story(id="s2", title="Moscow offers to host talks", articles=[3], summary=[(3, 0), (3, 1)]),
    ]
    brief.key_points = [KeyPoint(text=brief.articles[0].sentences[3], article=0, sentence=3, story="s1"),
                        KeyPoint(text=brief.articles[3].sentences[4], article=3, sentence=4, story="s2")]
    return brief


def test_a_story_of_three_articles_is_one_block_naming_its_outlets():
    brief = story_brief()
    view = layout.page_view(brief, None, for_pdf=True, pages=None, overflow=False)
    assert [b["title"] for b in view["stories"]] == ["Allies weigh a joint proposal", "Moscow offers to host talks"]
    assert view["stories"][0]["credit"] == "3 articles · CBC News, CTV News, Global News"
    assert [s["anchor"] for s in view["stories"][0]["sentences"]] == ["s-0-0", "s-1-1", "s-2-2"]
    assert view["meta_line"].startswith("4 articles · 4 outlets · 2 stories")
    assert [kp["number"] for kp in view["key_points"]] == [1, 2]  # each cites its story


def test_a_quote_three_outlets_carry_is_printed_once_and_says_so():
    rendered = fit_to_page(story_brief())
    text = squash(pdf_text(rendered.pdf))
    assert text.count(squash(QUOTES[0])) == 1
    assert squash("3 outlets") in text
    assert [s.shown for s in rendered.brief.stories] == [True, True]


def test_a_tall_stories_column_gives_its_last_key_quotes_to_the_quotes_column():
    brief = make_brief(articles=6, sentences=4, quotes=6, participants=2, key_points=0)
    view = layout.page_view(brief, None, for_pdf=True, pages=None, overflow=False)
    in_blocks = [b for b in view["stories"] if b["quote"]]
    assert view["quotes"] and len(in_blocks) < 6  # some key quotes moved beside the stories
    assert all(q["number"] for q in view["quotes"])  # and cite their story by number


def test_stories_without_a_block_are_named_in_the_also_reported_line():
    brief = make_brief(articles=6, key_points=2)
    plan = layout.Plan(stories={3, 4, 5})
    view = layout.page_view(brief, plan, for_pdf=True, pages=None, overflow=False)
    titles = [entry["title"] for entry in view["also"]]
    left_out = [brief.articles[k].article.title for k in (3, 4, 5)]
    # stories left out, best first; one a key point or quote cites is in the sources list instead
    assert titles and titles == [t for t in left_out if t in titles]
    assert all(entry["where"] == "The Korea Herald" for entry in view["also"])
    html = render_html(brief, for_pdf=True)
    assert "Also reported" not in html  # every story has its block: nothing to add


def test_the_also_reported_line_stays_within_its_budget_and_counts_the_rest():
    brief = make_brief(articles=30, key_points=2)
    entries, more = layout.also_reported(brief, list(range(30)))
    used = sum(len(e["title"]) + len(e["where"]) + 5 for e in entries)
    assert entries and used <= layout.ALSO_REPORTED_CHARS
    assert more == 30 - len(entries)


def test_participants_are_grouped_by_country_and_by_organisations_of_several_people():
    people = [
        Participant(name="Ana Ruiz", title="Trade Minister", affiliation="Mexico"),
        Participant(name="Tom Hale", title="chief executive of Northwind Foods", affiliation="Northwind Foods"),
        Participant(name="Lena Park", title="union steward", affiliation="Dock Workers Union"),
        Participant(name="Omar Said", title="union president", affiliation="Dock Workers Union"),
        Participant(name="Eve Stone", title="analyst", affiliation=None),
    ]
    assert layout.group_labels(people) == [
        "Mexico",  # a country is a row even for one person
        layout.OTHER_GROUP,  # one company's one person: the title already says where she works
        "Dock Workers Union", "Dock Workers Union",
        layout.OTHER_GROUP,
    ]



# --- provenance: links to the source articles ------------------------------------------------


def _linked_brief() -> Brief:
    brief = make_brief(articles=2, sentences=2, quotes=2, participants=2, key_points=2)
    for k, a in enumerate(brief.articles):
        a.article.url = f"https://news.example.org/2026/11/22/story-{k}.html"
    brief.articles[1].article.url = "javascript:alert(1)"  # only http(s) becomes a link
    return brief


def test_headlines_key_points_and_quotes_link_to_their_article_in_the_html():
    html = render_html(_linked_brief())
    link = 'href="https://news.example.org/2026/11/22/story-0.html"'
    assert html.count(link) >= 3  # the story headline, its key point and its quote
    assert "javascript:" not in html


def test_a_source_with_an_address_shows_the_address_linked_not_a_file_name():
    html = render_html(_linked_brief())
    footer = html.split('id="sec-sources"', 1)[1]
    text = " ".join(re.sub(r"<[^>]+>", "", footer).split())
    assert "news.example.org/2026/11/22/story-0.html" in text
    assert 'href="https://news.example.org/2026/11/22/story-0.html"' in footer
    assert layout.short_address("https://www.example.org/" + "a" * 80 + "?ref=rss").endswith("…")
    assert len(layout.short_address("https://www.example.org/" + "a" * 80)) == layout.ADDRESS_CHARS


def test_the_pdf_carries_link_annotations_to_the_source_articles():
    rendered = fit_to_page(_linked_brief())
    reader = pypdf.PdfReader(io.BytesIO(rendered.pdf))
    uris = []
    for annot in reader.pages[0].get("/Annots") or []:
        obj = annot.get_object()
        if obj.get("/Subtype") == "/Link" and "/A" in obj:
            uris.append(obj["/A"].get("/URI"))
    assert "https://news.example.org/2026/11/22/story-0.html" in uris
    assert len([u for u in uris if u == "https://news.example.org/2026/11/22/story-0.html"]) >= 3
    assert not any("javascript" in (u or "") for u in uris)


def test_brief_json_names_the_article_and_sentence_of_every_printed_story_sentence():
    import json

    rendered = fit_to_page(story_brief())
    record = json.loads(brief_json(rendered.brief))
    by_id = {a["id"]: a for a in record["articles"]}
    printed = {(a["id"], s) for a in record["articles"] for s in a["printed"]}
    for story in record["stories"]:
        assert story["printed"] or not story["shown"]
        for said in story["printed"]:
            assert by_id[said["article"]]["sentences"][said["sentence"]] == said["text"]
            assert (said["article"], said["text"]) in printed
    for quote in record["quotes"]:
        assert quote["article"] in by_id and isinstance(quote["sentence"], int)
        assert quote["attribution"] in ("explicit", "resolved", "uncertain")
    for point in record["key_points"]:
        assert by_id[point["article"]]["sentences"][point["sentence"]] == point["text"]


# --- stories across days (issue 20) ------------------------------------------------------------


def continuing_brief(previous_date: str = "2024-04-30") -> Brief:
    """`story_brief` on 1 May: its first story continues one of 30 April (first seen 29 April)
    and the day before's page had a story with no article today."""
    brief = story_brief()
    brief.date = dt.date(2024, 5, 1)
    brief.since = [{"date": "2024-04-29", "path": "out/2024-04-29/brief.json"},
                   {"date": "2024-04-30", "path": "out/2024-04-30/brief.json"}]
    story = brief.stories[0]
    story.status, story.day, story.first_seen = "continuing", 3, dt.date(2024, 4, 29)
    story.previous = {"id": "s2", "date": previous_date, "title": "Allies draft a proposal", "day": 2,
                      "anchor": "st-1", "href": f"../{previous_date}/brief.html#st-1"}
    brief.quiet = [{"id": "s1", "title": "Harbour strike talks stall", "date": "2024-04-30"}]
    return brief


def test_a_continuing_story_is_marked_and_a_new_one_is_not():
    view = layout.page_view(continuing_brief(), None, for_pdf=False, pages=None, overflow=False)
    first, second = view["stories"]
    assert first["since"]["label"] == "Day 3" and first["since"]["href"] == "../2024-04-30/brief.html#st-1"
    assert first["since"]["title"] == "first reported Monday 29 April 2024"
    assert second["since"] is None
    assert view["quiet"] == {"titles": ["Harbour strike talks stall"], "more": 0}


def test_a_story_back_after_a_quiet_day_says_since_when():
    brief = continuing_brief(previous_date="2024-04-29")  # not on 30 April's page
    view = layout.page_view(brief, None, for_pdf=False, pages=None, overflow=False)
    assert view["stories"][0]["since"]["label"] == "since Mon"
    brief.date = dt.date(2024, 5, 9)
    assert layout.continuity(brief, brief.stories[0])["label"] == "since 29 Apr"


def test_the_marks_and_the_no_new_reports_line_are_on_the_one_page():
    rendered = fit_to_page(continuing_brief())
    assert rendered.pages == 1 and len(pypdf.PdfReader(io.BytesIO(rendered.pdf)).pages) == 1
    text = squash(pdf_text(rendered.pdf))
    assert squash("DAY 3") in text and squash("Harbour strike talks stall") in text
    assert text.count(squash("DAY ")) == 1  # the new story has no mark
    html = render_html(rendered.brief, for_pdf=False)
    assert '<a href="../2024-04-30/brief.html#st-1">Day 3</a>' in html
    assert 'href="../' not in render_html(rendered.brief, for_pdf=True)  # a printed page links nowhere
