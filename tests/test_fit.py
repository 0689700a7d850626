"""Fitting a Brief to exactly one page: what is left out, in what order, in how few layouts.

Briefs are built by hand with `test_render.make_brief` (realistic text, names in Hangul, Arabic
and Cyrillic) and `crowded_day` (an invented busy morning of many stories), so the tests need
none of the analysis stages.
"""

from __future__ import annotations

import io

import pytest

import pypdf

from briefing.render import fit
from briefing.render.fit import fit_to_page
from briefing.render.measure import read_page
from briefing.render.page import brief_json
from crowded_day import crowded_day
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
    assert tiny.renders == 1


def test_the_seed_brief_fits_in_one_render_with_nothing_left_out():
    """The height model picks the type size (10pt, or smaller but never below 9pt, when the seeds
    would overflow slightly at 10pt) before the first render, so that render is the page: the
    same page as before fitting predicted pages (every key point, block sentence, quote and
    participant of the brief, at the size `start_font` picks)."""
    from pathlib import Path

    from briefing.brief.assemble import assemble_brief
    from briefing.pipeline import analyze_paths
    from briefing.render.drops import story_order
    from briefing.render.estimate import precut, start_font

    seeds = Path(__file__).resolve().parent.parent / "seeds"
    analyzed, _ = analyze_paths([str(seeds)])
    brief = assemble_brief(analyzed)
    rendered = fit_to_page(brief)
    assert rendered.renders == 1
    assert rendered.pages == 1 and not rendered.overflow
    assert rendered.omitted == []
    assert fit.MIN_FONT_PT <= rendered.font_size <= 10
    assert rendered.font_size == start_font(brief, precut(brief, story_order(brief)))
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


def test_a_crowded_day_takes_two_layouts_and_ends_one_full_page(crowded):
    """The first layout shows every story that can plausibly fit; the page every plan gives is
    predicted from it, and the fullest plan predicted to fit is laid out once to confirm it."""
    _, rendered = crowded
    assert rendered.pages == 1 and not rendered.overflow
    assert len(pypdf.PdfReader(io.BytesIO(rendered.pdf)).pages) == 1
    assert rendered.renders <= 3  # the bound; on the days tried, two
    assert rendered.renders == 2
    assert 0.95 <= rendered.fill <= 1.0 + 1e-3
    assert rendered.font_size == fit.MIN_FONT_PT


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
    assert len(shown.key_points) == 5
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
    assert rendered.renders == 1


def test_a_tall_story_column_leaves_out_a_story_block_not_a_key_point():
    """Ten stories, each block with its key quote: every story is soon down to its first
    sentence. The lowest-ranked blocks no key point or quote cites are left out; all five key
    points stay. (Eight such stories now fit: the columns are balanced by measured heights.)"""
    brief = make_brief(articles=10, sentences=2, quotes=4, participants=10, key_points=5)
    plan = fit.Plan()
    m = read_page(fit.layout_document(fit.render_plan(brief, plan, None, for_pdf=True)))
    assert not m.fits and m.left > m.right  # the stories column is the tall one
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
    assert first.reused == 0 and again.reused == again.renders == first.renders
    assert again.html == fresh.html and again.pdf == fresh.pdf
    assert brief_json(again.brief) == brief_json(fresh.brief)
