"""Fitting a Brief to exactly one page: what is left out, in what order, in how few renders.

Briefs are built by hand with `test_render.make_brief` (realistic text, names in Hangul, Arabic
and Cyrillic), so the tests need none of the analysis stages.
"""

from __future__ import annotations

import io

import pytest

import pypdf

from briefing.render import fit
from briefing.render.drops import drop_sequence, story_order
from briefing.render.fit import fit_to_page
from briefing.render.measure import read_page
from briefing.render.page import brief_json
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
    would overflow slightly at 10pt) before the first render, so that render is the page."""
    from pathlib import Path

    from briefing.brief.assemble import assemble_brief
    from briefing.pipeline import analyze_paths

    seeds = Path(__file__).resolve().parent.parent / "seeds"
    analyzed, _ = analyze_paths([str(seeds)])
    rendered = fit_to_page(assemble_brief(analyzed))
    assert rendered.renders == 1
    assert rendered.pages == 1 and not rendered.overflow
    assert rendered.omitted == []
    assert fit.MIN_FONT_PT <= rendered.font_size <= 10
    assert 0.6 <= rendered.fill <= 1.0 + 1e-3


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
    # every article stays listed; those the page does not show have no summary and are counted
    blocks = [a for a in shown.articles if a.summary]
    assert len(shown.articles) == len(brief.articles) and blocks
    unshown = [int(n.split()[0]) for n in rendered.omitted if "not shown" in n]
    assert len(blocks) == len(brief.articles) or unshown
    assert sum(unshown) >= len(brief.articles) - len(blocks)  # a cited article keeps its key point
    for a in blocks:  # every summary sentence shown is complete
        for i in a.summary:
            assert squash(a.sentences[i]) in text
    for q in shown.quotes:
        assert squash(q.text) in text


def test_an_overloaded_brief_ends_a_full_page_in_few_renders(overloaded):
    """After the first fitting render, putting content back is predicted from measured heights:
    the page ends at least 85% full (as `_measure` lays it out) in at most four renders."""
    _, rendered = overloaded
    assert not rendered.overflow and rendered.pages == 1
    assert rendered.renders <= 4
    assert 0.85 <= rendered.fill <= 1.0 + 1e-3


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


# --- the drop order --------------------------------------------------------------------------


def test_key_points_are_left_out_only_after_sentences_minor_people_and_low_quotes():
    ops = drop_sequence(make_brief(articles=3, sentences=3, quotes=8, participants=10, key_points=5))
    first_point = next(k for k, op in enumerate(ops) if op[0] == "points")
    before = ops[:first_point]
    # every sentence fitting may leave out (all but each article's first) goes before a key point
    assert sum(op[0] == "sentences" for op in before) == sum(op[0] == "sentences" for op in ops) > 0
    assert sum(op[0] == "quotes" for op in before) >= 5
    assert not any(op[0] == "stories" for op in before)


def test_story_blocks_no_key_point_or_quote_cites_go_before_any_key_point():
    brief = make_brief(articles=8, sentences=3, quotes=3, participants=10, key_points=5)
    ops = drop_sequence(brief, order=story_order(brief))
    first_point = next(k for k, op in enumerate(ops) if op[0] == "points")
    dropped = [op[1] for op in ops[:first_point] if op[0] == "stories"]
    # one story per article here: key points cite stories 0-4, the three quotes 0-2: 7, 6 and 5 go first
    assert dropped[:3] == [7, 6, 5]
    assert len(dropped) == len(brief.articles) - 3


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
    blocks = {a.article.path for a in shown.articles if a.summary}
    left_out = [i for i, a in enumerate(brief.articles) if a.article.path not in blocks]
    assert left_out and set(left_out) <= {5, 6, 7, 8, 9}  # key points cite 0-4, quotes 0-3
    assert any("not shown" in n for n in rendered.omitted)
    assert not any("key point" in n for n in rendered.omitted)
    # each key point still cites a shown article by number
    for kp in shown.key_points:
        assert shown.articles[kp.article].article.path in blocks
