"""What fitting may leave out, and in what order (`briefing.render.drops`). Briefs are built by
hand (`test_render.make_brief`)."""

from __future__ import annotations

from briefing.render.drops import drop_sequence, story_order
from test_render import make_brief


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
    # one story per article here: key points cite stories 0-4, the three quotes 0-2
    uncited = {5, 6, 7}
    first = dropped[:len(uncited)]
    assert set(first) == uncited  # the blocks nothing cites go first ...
    assert first == [k for k in reversed(story_order(brief)) if k in uncited]  # ... the lowest-ranked first
    assert set(dropped) == set(range(len(brief.articles))) - {0, 1, 2}  # a quoted story's block stays
