"""Predicting a plan's page from layouts of other plans (`briefing.render.heights`): what
fitting leaves out, another type size, the columns balanced again, all within a couple of CSS
pixels of WeasyPrint's own layout."""

from __future__ import annotations

import pytest

from briefing.render.drops import drop_sequence, story_order
from briefing.render.estimate import precut
from briefing.render.heights import PageModel, line_count
from briefing.render.layout import Plan, page_view
from briefing.render.measure import Word, read_page, read_text
from briefing.render.page import layout_document, render_plan
from crowded_day import crowded_day


def words(*widths: float, space: float = 0.25) -> list[Word]:
    return [Word(width=w, space=space) for w in widths]


def test_lines_hold_as_many_whole_words_as_fit():
    assert line_count(words(3, 3, 3), 9.5) == 1
    assert line_count(words(3, 3, 3), 9.4) == 2  # the spaces count between words
    assert line_count(words(3, 3, 3, space=5), 3) == 3  # and vanish at a break
    assert line_count(words(12), 5) == 1  # a word longer than the line still takes one line
    assert line_count([], 5) == 0
    glued = [Word(width=3, glued=True), Word(width=3, space=0.25), Word(width=3)]
    assert line_count(glued, 6.5) == 2  # glued words do not part


@pytest.fixture(scope="module")
def day():
    brief = crowded_day(stories=10)
    order = story_order(brief)
    hidden = precut(brief, order)
    ops = drop_sequence(brief, hidden, order)
    first = Plan(font_size=10.0, hidden=hidden, stories=set(hidden))
    doc = layout_document(render_plan(brief, first, None, for_pdf=True))
    model = PageModel()
    model.add(read_text(doc), page_view(brief, first, for_pdf=True, pages=None, overflow=False))
    return brief, hidden, ops, model


def plan_of(hidden, ops, n: int, font: float) -> Plan:
    plan = Plan(font_size=font, hidden=hidden, stories=set(hidden))
    for op in ops[:n]:
        plan.apply(op)
    return plan


@pytest.mark.parametrize("share, font", [(0.3, 9.0), (0.6, 9.0), (0.0, 9.5), (0.45, 10.0)])
def test_a_plans_page_is_predicted_within_two_pixels(day, share, font):
    brief, hidden, ops, model = day
    plan = plan_of(hidden, ops, int(len(ops) * share), font)
    plan.measured = model.measurer(font)  # its columns balanced by measured heights, as fitting's plans are
    predicted = model.predict(brief, plan)
    laid = read_page(layout_document(render_plan(brief, plan, None, for_pdf=True)))
    assert abs(predicted.total - laid.total) <= 2.0
    assert abs(predicted.left - laid.h["col-left"]) <= 1.0 and abs(predicted.right - laid.h["col-right"]) <= 1.0


def test_measured_heights_balance_the_columns_better_than_estimates(day):
    brief, hidden, ops, model = day
    n = len(ops) // 2
    estimated = plan_of(hidden, ops, n, 9.0)
    balanced = plan_of(hidden, ops, n, 9.0)
    balanced.measured = model.measurer(9.0)
    heights = []
    for plan in (estimated, balanced):
        m = read_page(layout_document(render_plan(brief, plan, None, for_pdf=True)))
        heights.append(max(m.h["col-left"], m.h["col-right"]))
    assert heights[1] <= heights[0]


def test_a_prediction_and_the_page_view_return_the_columns_and_leave_the_plan_as_it_was(day):
    brief, hidden, ops, model = day
    plan = plan_of(hidden, ops, len(ops) // 3, 9.5)
    before = repr(plan)
    model.predict(brief, plan)
    view = page_view(brief, plan, for_pdf=True, pages=None, overflow=False)
    assert repr(plan) == before and plan.measured is None and plan.columns_fixed is None
    assert 0 < view["columns"].left <= 1 and view["cols_left"] == f"{view['columns'].left * 100:.0f}"
