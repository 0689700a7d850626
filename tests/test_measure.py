"""Reading a layout back (`briefing.render.measure`): the page's parts and their heights, and
every paragraph's words as wide as WeasyPrint laid them out. Briefs are built by hand
(`test_render.make_brief`: names in Hangul, Arabic and Cyrillic; `crowded_day`: an invented
busy morning)."""

from __future__ import annotations

import pytest

from briefing.render.heights import line_count
from briefing.render.layout import Plan, story_sentences
from briefing.render.measure import read_page, read_text
from briefing.render.page import layout_document, render_plan
from crowded_day import crowded_day
from test_render import make_brief


def laid_out(brief, plan: Plan | None = None):
    return layout_document(render_plan(brief, plan or Plan(), None, for_pdf=True))


@pytest.fixture(scope="module")
def page():
    brief = crowded_day(stories=4, quotes=8, participants=20)
    doc = laid_out(brief)
    return brief, read_page(doc), read_text(doc)


def test_every_paragraph_breaks_again_into_the_lines_it_was_laid_out_in(page):
    _, _, text = page
    names = read_text(laid_out(make_brief(articles=4, sentences=4, quotes=8, participants=20), Plan(font_size=9.0)))
    for t in (text, names):
        paras = [p for u in t.units.values() for p in u.paras.values()]
        assert len(paras) > 20
        for p in paras:
            assert line_count(p.words, p.width) == p.lines, p.text


def test_a_paragraph_one_word_narrower_breaks_one_line_earlier(page):
    _, _, text = page
    summary = text.units["st-0"].paras["summary"]
    assert summary.lines >= 2
    assert line_count(summary.words, summary.width * 0.5) > summary.lines


def test_the_page_is_read_as_units_fitting_keeps_or_leaves_out(page):
    brief, m, text = page
    units = text.units
    assert {f"kp-{k}" for k in range(4)} <= set(units) and {f"st-{k}" for k in range(4)} <= set(units)
    assert {u.kind for u in units.values()} >= {"point", "story", "quote", "row", "footer"}
    # a block's summary is its sentences, each word marked with the sentence it belongs to
    tags = {w.tag for w in units["st-0"].paras["summary"].words}
    assert tags == {f"s-{i}-{s}" for i, s in story_sentences(brief, 0)} and len(tags) >= 2
    # a row of participants: each person's name, title and "quoted" marked as theirs
    people = [w.tag for u in units.values() if u.kind == "row" for w in u.paras["people"].words]
    assert "p-1" in people and "p-1 title" in people and "p-1 quoted" in people
    # the heights add up: the stories column is its blocks and its heading
    blocks = sum(u.height for k, u in units.items() if k.startswith("st-")) * text.root
    assert 0 < m.h["col-left"] - blocks < 3 * text.root
    assert abs(text.total * text.root - m.total) < 0.01


def test_widths_are_read_in_rem_whatever_the_type_size():
    brief = make_brief(articles=3, sentences=3, quotes=4, participants=8, key_points=3)  # names in three scripts
    small, large = (read_text(laid_out(brief, Plan(font_size=size))) for size in (9.0, 10.0))
    assert small.root < large.root and small.page > large.page  # the same page is more rem wide in smaller type
    w_small = sum(w.width for w in small.units["kp-0"].paras["text"].words)
    w_large = sum(w.width for w in large.units["kp-0"].paras["text"].words)
    assert abs(w_small - w_large) < 0.01 * w_large
