"""Real mornings: a day of news from several outlets about several stories, on one page.

The days are built here from the evaluation sets in ../shared/eval (read by path, never copied):
a 40-article day of ECB+ news (six stories carried by several articles, two of them the two
events of one topic, plus single articles) and a 35-article day of Canadian news (the Gender Gap
Tracker set) with CNN and Daily Mail articles (CNN/DailyMail). What is asserted is what a desk
officer checks on the page: one point per story, the biggest stories shown, two events of the
same kind kept apart, titles kept, one page.
"""

from __future__ import annotations

import importlib.util
import io
import re
from collections import Counter
from pathlib import Path

import pytest
import pypdf

from briefing.analyze.article import analyze_article
from briefing.vocabulary.topics import SECTIONS
from briefing.brief.assemble import assemble_brief
from briefing.model import Article, BriefingError
from briefing.render.fit import fit_to_page

ROOT = Path(__file__).resolve().parents[1]


def _days_module():
    spec = importlib.util.spec_from_file_location("benchmarks_page_days", ROOT / "benchmarks" / "page_days.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


days = _days_module()
DAY, STORY_SIZES, SINGLES = days.DAY, days.STORY_SIZES, days.SINGLES


def _day(build):
    try:
        return build()
    except BriefingError as exc:  # the evaluation data is part of the test: missing is a failure
        pytest.fail(str(exc))


def _build(articles: list[Article], beats=None):
    analyzed = [analyze_article(a) for a in articles]
    brief = assemble_brief(analyzed, date=DAY, beats=beats)
    return brief, fit_to_page(brief)


@pytest.fixture(scope="module")
def ecb_day():
    # ECB+ is mostly celebrity, disaster and crime news: with every section a beat (as an analyst
    # following them all would set), coverage alone ranks the stories
    articles, gold = _day(days.ecbplus_day)
    brief, rendered = _build(articles, beats=SECTIONS)
    return articles, gold, brief, rendered


@pytest.fixture(scope="module")
def mixed_day():
    brief, rendered = _build(_day(days.news_day))
    return brief, rendered


def pdf_text(pdf: bytes) -> str:
    reader = pypdf.PdfReader(io.BytesIO(pdf))
    return re.sub(r"\s+", " ", " ".join(page.extract_text() or "" for page in reader.pages))


def squash(text: str) -> str:
    return re.sub(r"\s+", "", text)


def _story_of(brief, point) -> str:
    return next(s.id for s in brief.stories if point.article in s.articles)


def test_the_ecbplus_day_is_forty_articles_in_seventeen_real_stories(ecb_day):
    articles, gold, _, _ = ecb_day
    sizes = sorted(Counter(gold.values()).values(), reverse=True)
    assert len(articles) == 40 and sizes[:6] == list(STORY_SIZES) and sizes[6:] == [1] * SINGLES


@pytest.mark.parametrize("day", ["ecb_day", "mixed_day"])
def test_each_day_is_one_page_with_one_key_point_per_story(day, request):
    brief, rendered = request.getfixturevalue(day)[-2:]
    assert rendered.pages == 1 and not rendered.overflow
    assert len(pypdf.PdfReader(io.BytesIO(rendered.pdf)).pages) == 1
    points = rendered.brief.key_points
    assert len(points) >= 3
    stories = [_story_of(rendered.brief, p) for p in points]
    assert len(set(stories)) == len(stories)  # never two from one story
    assert [p.story for p in points] == stories  # and each says which story it reports
    text = squash(pdf_text(rendered.pdf))
    for p in points:
        assert squash(p.text) in text  # whole, never cut
        assert not re.match(r"[“\"']?(?:He|She|They|It|His|Her|Their|This)\b", p.text)


@pytest.mark.parametrize("day", ["ecb_day", "mixed_day"])
def test_the_page_is_filled_before_quotes_are_left_out(day, request):
    _, rendered = request.getfixturevalue(day)[-2:]
    assert rendered.fill >= 0.85
    left, right = rendered.columns
    if right and any("quote" in note for note in rendered.omitted):
        assert right >= 0.67 * left  # no empty third of the quotes column while quotes are dropped


def test_the_largest_stories_are_shown_with_their_articles_and_outlets(ecb_day):
    _, gold, _, rendered = ecb_day
    shown = [s for s in rendered.brief.stories if s.shown]
    assert len(shown) >= 3
    paths = [a.article.path for a in rendered.brief.articles]
    biggest = Counter(gold.values()).most_common(2)
    for event, _ in biggest:  # both events of the pair topic: the two largest stories
        carried = [s for s in shown if any(gold[paths[i]] == event for i in s.articles)]
        assert carried and max(len(s.articles) for s in carried) >= 3
    text = pdf_text(rendered.pdf)
    lead = shown[0]
    assert f"{len(lead.articles)} articles" in text
    assert "40 articles" in text and "outlets" in text


def test_the_two_events_of_one_topic_stay_two_stories(ecb_day):
    _, gold, _, rendered = ecb_day
    paths = [a.article.path for a in rendered.brief.articles]
    for story in rendered.brief.stories:
        events = {gold[paths[i]] for i in story.articles}
        topics = {e[:-1] for e in events}
        assert len(events) == 1 or len(topics) > 1, story.title  # never a and b of one topic together


def test_the_mixed_day_counts_outlets_not_files_and_keeps_titles(mixed_day):
    brief, rendered = mixed_day
    text = pdf_text(rendered.pdf)
    outlets = {a.article.source for a in brief.articles}
    assert f"35 articles · {len(outlets)} outlets" in text
    titled = [p for p in rendered.brief.participants if p.title]
    assert titled and all(p.title for p in rendered.brief.participants
                          if any(q.title for q in brief.participants if q.name == p.name))
    assert "Donald Trump" in text and "President" in text


def test_a_quote_several_outlets_carry_appears_once(ecb_day):
    _, _, _, rendered = ecb_day
    text = squash(pdf_text(rendered.pdf))
    for q in rendered.brief.quotes:
        assert text.count(squash(q.text)[:50]) <= 1
    assert any(len(q.sources) > 1 for q in rendered.brief.quotes)
