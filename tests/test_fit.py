"""Fitting a Brief to exactly one page, through `fit_to_page`: the page is one page, what is left
out is the least important and whole (never half a sentence), and a crowded day is set in smaller
type.

Briefs are built by hand with `test_render.make_brief` (realistic text, names in Hangul, Arabic
and Cyrillic) and `crowded_day` (an invented busy morning of many stories), so the tests need
none of the analysis stages. The tests read what a reader sees (the PDF's pages and text) and
what `RenderedBrief` reports, not how fitting gets there.
"""

from __future__ import annotations

import io
import re

import pytest

import pypdf

from briefing.render import fit
from briefing.render.fit import fit_to_page
from briefing.render.page import brief_json
from crowded_day import LINES, crowded_day
from test_render import make_brief, pdf_text, squash


@pytest.fixture(scope="module")
def tiny():
    return fit_to_page(make_brief(articles=2, sentences=2, quotes=2, participants=3))


@pytest.fixture(scope="module")
def overloaded():
    brief = make_brief(articles=12, sentences=6, quotes=30, participants=60, key_points=5)
    return brief, fit_to_page(brief)


# --- one page --------------------------------------------------------------------------------


def test_a_tiny_brief_is_one_page_with_nothing_left_out(tiny):
    assert tiny.pages == 1 and not tiny.overflow
    assert len(pypdf.PdfReader(io.BytesIO(tiny.pdf)).pages) == 1
    assert tiny.omitted == [] and tiny.font_size == 10


def test_the_seed_brief_fits_with_nothing_left_out_in_type_no_smaller_than_9pt():
    """The seed articles fit one page whole: every key point, block sentence, quote and participant
    of the brief, the type between 10pt and the 9pt floor the README names, the page well filled."""
    from pathlib import Path

    from briefing.brief.assemble import assemble_brief
    from briefing.pipeline import analyze_paths

    seeds = Path(__file__).resolve().parent.parent / "seeds"
    analyzed, _ = analyze_paths([str(seeds)])
    brief = assemble_brief(analyzed)
    rendered = fit_to_page(brief)
    assert rendered.pages == 1 and not rendered.overflow
    assert len(pypdf.PdfReader(io.BytesIO(rendered.pdf)).pages) == 1
    assert rendered.omitted == []
    assert 9 <= rendered.font_size <= 10
    assert 0.6 <= rendered.fill <= 1.0 + 1e-3
    shown = rendered.brief
    assert shown.key_points == brief.key_points and shown.quotes == brief.quotes
    assert shown.participants == brief.participants
    assert [(s.id, s.printed, s.shown) for s in shown.stories] == [(s.id, s.summary, s.shown) for s in brief.stories]


# --- a crowded day ---------------------------------------------------------------------------


@pytest.fixture(scope="module", params=[dict(), dict(stories=24, quotes=12, participants=120, page_size="letter")],
                ids=["16 stories", "24 stories, letter"])
def crowded(request):
    brief = crowded_day(**request.param)
    return brief, fit_to_page(brief)


def test_a_crowded_day_takes_more_than_one_layout_and_ends_one_full_page(crowded):
    """The first layout runs over; fitting predicts from it what fits and lays that out: one page,
    nearly full, in more than one layout but no more than the three the speed issue allows."""
    _, rendered = crowded
    assert rendered.pages == 1 and not rendered.overflow
    assert len(pypdf.PdfReader(io.BytesIO(rendered.pdf)).pages) == 1
    assert 1 < rendered.renders <= 3
    assert 0.95 <= rendered.fill <= 1.0 + 1e-3


def test_a_crowded_day_is_set_in_smaller_type_than_a_light_one_but_not_below_9pt(crowded, tiny):
    """The type is shrunk (down to the 9pt floor) before anything is left out."""
    _, rendered = crowded
    assert 9 <= rendered.font_size < tiny.font_size


SENTENCE_TAG = re.compile(r"\(story\d+,report\d+,line\d+\)\.")
"""The end of each invented sentence of `crowded_day`, squashed: "(story 3, report 1, line 2)."."""


def test_every_sentence_that_starts_on_a_crowded_page_ends_on_it(crowded):
    """Fitting leaves out whole sentences only: each sentence of the day that begins on the page is
    printed to its last word, and is word for word a sentence of its article."""
    brief, rendered = crowded
    text = squash(pdf_text(rendered.pdf))
    source = {squash(s) for a in brief.articles for s in a.sentences}
    ends = SENTENCE_TAG.findall(text)
    openings = sum(text.count(squash(line[:40])) for line in LINES)
    assert ends and openings == len(ends)  # as many sentences end on the page as begin on it
    for a in rendered.brief.articles:
        for i in a.printed:
            assert squash(a.sentences[i]) in source and squash(a.sentences[i]) in text


@pytest.mark.parametrize("day", [
    dict(stories=1, quotes=2, participants=4),
    dict(stories=6, quotes=6, participants=30),
    dict(stories=30, quotes=20, participants=200, page_size="letter"),
], ids=["one story", "six stories", "thirty stories, letter"])
def test_the_page_is_never_two_pages(day):
    rendered = fit_to_page(crowded_day(**day))
    assert len(pypdf.PdfReader(io.BytesIO(rendered.pdf)).pages) == 1
    assert rendered.pages == 1 and not rendered.overflow
    assert '<meta name="briefing-pages" content="1">' in rendered.html


def test_a_crowded_day_cuts_nothing_and_leaves_out_the_lowest_ranked(crowded):
    brief, rendered = crowded
    shown = rendered.brief
    text = squash(pdf_text(rendered.pdf))
    blocks = [s for s in shown.stories if s.shown]
    assert blocks and len(blocks) < len(brief.stories)
    for st in blocks:  # whole sentences, the best of the block's own ranking
        assert st.printed
        for i, s in st.printed:
            assert squash(shown.articles[i].sentences[s]) in text
        original = next(o for o in brief.stories if o.id == st.id)
        assert sorted(original.summary_rank[:len(st.printed)]) == sorted(st.printed)
    for kp in shown.key_points:
        assert squash(kp.text) in text
    assert shown.quotes == brief.quotes[:len(shown.quotes)]  # the best quotes, none cut
    for q in shown.quotes:
        assert squash(q.text) in text
    assert shown.key_points == brief.key_points  # every key point kept
    assert any("left out to fit one page" in n for n in rendered.omitted)
    assert any("not shown" in n for n in rendered.omitted)


def test_a_prediction_that_misses_is_laid_out_again_with_a_wider_margin(monkeypatch):
    """Predictions 40 px short of the truth: the first plan runs over, the next keeps a margin as
    wide as the miss, and the page still ends one page."""
    from briefing.render.heights import PageModel

    honest = PageModel.predict

    def short(self, brief, plan):
        h = honest(self, brief, plan)
        h.total -= 40.0
        return h

    monkeypatch.setattr(PageModel, "predict", short)
    rendered = fit_to_page(crowded_day(stories=10))
    assert rendered.pages == 1 and not rendered.overflow
    assert 3 <= rendered.renders <= fit.MAX_RENDERS


def test_an_overloaded_brief_fits_one_page_and_says_what_it_left_out(overloaded):
    brief, rendered = overloaded
    assert len(pypdf.PdfReader(io.BytesIO(rendered.pdf)).pages) == 1
    assert not rendered.overflow
    assert rendered.omitted and "left out to fit one page" in rendered.omitted[0]
    assert rendered.renders <= fit.MAX_RENDERS
    assert 8.5 <= rendered.font_size <= 10
    shown = rendered.brief
    assert len(shown.quotes) < 30 and len(shown.participants) < 60
    text = squash(pdf_text(rendered.pdf))
    assert squash("left out to fit one page") in text
    # every article stays listed; those the page does not show print nothing and are counted
    blocks = [a for a in shown.articles if a.printed]
    assert len(shown.articles) == len(brief.articles) and blocks
    unshown = [int(n.split()[0]) for n in rendered.omitted if "not shown" in n]
    assert len(blocks) == len(brief.articles) or unshown
    assert sum(unshown) >= len(brief.articles) - len(blocks)  # a cited article keeps its key point
    for a in blocks:  # every summary sentence shown is complete
        for i in a.printed:
            assert squash(a.sentences[i]) in text
    for q in shown.quotes:
        assert squash(q.text) in text


def test_an_overloaded_brief_ends_a_full_page_in_few_renders(overloaded):
    """The page is predicted from the first layout's measured heights: it ends at least 95% full
    in two layouts (three at most)."""
    _, rendered = overloaded
    assert not rendered.overflow and rendered.pages == 1
    assert rendered.renders <= 3
    assert 0.95 <= rendered.fill <= 1.0 + 1e-3


def test_the_json_says_what_was_left_out(overloaded):
    import json

    _, rendered = overloaded
    data = json.loads(brief_json(rendered.brief))
    assert data["omitted"] == rendered.omitted
    assert len(data["quotes"]) == len(rendered.brief.quotes)


def test_a_long_column_of_quotes_fills_the_page_before_anything_is_dropped():
    """Short articles, eight quotes: the columns balance, so all eight fit on one render."""
    brief = make_brief(articles=2, sentences=2, quotes=8, participants=10, key_points=3)
    rendered = fit_to_page(brief)
    assert rendered.pages == 1 and not rendered.overflow
    assert len(rendered.brief.quotes) == 8 and rendered.omitted == []


def test_a_tall_story_column_leaves_out_a_story_block_not_a_key_point():
    """Ten stories, each block with its key quote: every story is soon down to its first
    sentence. The lowest-ranked blocks no key point or quote cites are left out; all five key
    points stay. (Eight such stories now fit: the columns are balanced by measured heights.)"""
    brief = make_brief(articles=10, sentences=2, quotes=4, participants=10, key_points=5)
    rendered = fit_to_page(brief)
    assert rendered.pages == 1 and not rendered.overflow
    assert rendered.renders <= 3 and rendered.fill >= 0.85
    shown = rendered.brief
    assert len(shown.key_points) == 5 and len(shown.quotes) >= 3
    blocks = {a.article.path for a in shown.articles if a.printed}
    left_out = [i for i, a in enumerate(brief.articles) if a.article.path not in blocks]
    assert left_out and set(left_out) <= {5, 6, 7, 8, 9}  # key points cite 0-4, quotes 0-3
    assert any("not shown" in n for n in rendered.omitted)
    assert not any("key point" in n for n in rendered.omitted)
    # each key point still cites a shown article by number
    for kp in shown.key_points:
        assert shown.articles[kp.article].article.path in blocks


def test_a_memo_gives_the_same_page_without_laying_it_out_again():
    """``serve`` keeps the layouts of its last build: the same brief again reuses every one of
    them and ends on the same page, PDF and brief.json as a fresh fit."""
    from briefing.memo import Memo

    brief = make_brief(articles=6, sentences=5, quotes=12, participants=30, key_points=5)
    memo = Memo()
    first = fit_to_page(brief, memo=memo)
    again = fit_to_page(brief, memo=memo)
    fresh = fit_to_page(brief)
    assert first.reused == 0 and again.reused == again.renders  # the second time, nothing is laid out
    assert again.html == fresh.html and again.pdf == fresh.pdf
    assert brief_json(again.brief) == brief_json(fresh.brief)
