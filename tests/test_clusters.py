"""Articles grouped by the event they report (briefing/brief/clusters.py), by example. The reports
are invented (our own words, invented towns and people): a bridge closed in Tarrow, a school budget
in Lenmouth, a look-alike bridge closed in another town, each told by outlets in their own words."""

from __future__ import annotations

import itertools

import numpy as np
import pytest

from briefing.brief.clusters import EVENT_DISTANCE, average_linkage, cluster_events
from briefing.model import AnalyzedArticle, Article


def report(path: str, title: str, sentences: list[str], date: str | None = "2026-03-10") -> AnalyzedArticle:
    article = Article(path=path, title=title, paragraphs=[" ".join(sentences)], date=date)
    return AnalyzedArticle(article=article, sentences=list(sentences), spans=[(0, 0)] * len(sentences),
                           summary=[0, 1], summary_rank=[0, 1])


BRIDGE_POST = report("/in/bridge-post.txt", "Tarrow closes Mill Street bridge after cracks found", [
    "Engineers closed the Mill Street bridge in Tarrow on Tuesday after inspectors found deep cracks in two of "
    "its steel girders.",
    "Mayor Helen Osei said the bridge, which carries about 9,000 cars a day over the river Dunn, would stay "
    "shut for at least six weeks.",
    "Drivers were told to use the ring road, adding twenty minutes to the trip into the town centre.",
])
BRIDGE_HERALD = report("/in/bridge-herald.txt", "Cracked girders shut Tarrow's Mill Street bridge", [
    "Tarrow's Mill Street bridge was shut to traffic on Tuesday when an inspection turned up cracks in its "
    "steel girders.",
    "The bridge over the Dunn, used by some 9,000 vehicles daily, will be closed for six weeks or more, "
    "Mayor Helen Osei told reporters.",
    "Osei said buses would be sent along the ring road while engineers plan the repairs.",
])
SCHOOLS = report("/in/schools.txt", "Lenmouth school board cuts music lessons to balance budget", [
    "The Lenmouth school board voted on Tuesday to cut free music lessons in its primary schools to close a "
    "budget gap of 1.2 million.",
    "Board chair Samuel Idris said the cut was painful but that class sizes had to come first.",
    "Parents' groups said they would ask the county to make up the difference next year.",
])
OTHER_BRIDGE = report("/in/other-bridge.txt", "Brackley shuts Canal Road bridge for repairs", [
    "Engineers closed the Canal Road bridge in Brackley on Tuesday after inspectors found rust in its steel "
    "supports.",
    "Council leader Ruth Amadi said the bridge would stay shut for three weeks while the supports are replaced.",
    "Drivers were told to use the bypass during the closure.",
])


def grouped_paths(day: list[AnalyzedArticle]) -> set[frozenset[str]]:
    return {frozenset(day[i].article.path for i in group) for group in cluster_events(day)}


def test_two_outlets_reports_of_one_event_in_their_own_words_are_one_group():
    assert cluster_events([BRIDGE_POST, BRIDGE_HERALD]) == [[0, 1]]


def test_reports_of_different_events_are_apart():
    assert cluster_events([BRIDGE_POST, SCHOOLS]) == [[0], [1]]


def test_the_same_kind_of_event_in_another_town_with_other_people_is_another_group():
    day = [BRIDGE_POST, OTHER_BRIDGE, BRIDGE_HERALD]
    assert grouped_paths(day) == {frozenset({"/in/bridge-post.txt", "/in/bridge-herald.txt"}),
                                  frozenset({"/in/other-bridge.txt"})}


def test_one_event_reported_again_a_month_later_is_not_joined_to_it():
    later = report("/in/bridge-later.txt", BRIDGE_HERALD.article.title, BRIDGE_HERALD.sentences, date="2026-04-14")
    assert cluster_events([BRIDGE_POST, later]) == [[0], [1]]


def test_every_article_is_in_exactly_one_group_listed_in_order_of_its_first_article():
    day = [SCHOOLS, BRIDGE_POST, OTHER_BRIDGE, BRIDGE_HERALD]
    groups = cluster_events(day)
    assert sorted(i for g in groups for i in g) == list(range(len(day)))
    assert all(g == sorted(g) for g in groups)
    assert [g[0] for g in groups] == sorted(g[0] for g in groups)


def test_no_articles_no_groups_and_one_article_is_a_group_of_its_own():
    assert cluster_events([]) == []
    assert cluster_events([SCHOOLS]) == [[0]]


# --- a chain: A close to B, B close to C, A far from C ---------------------------------------------
# Average linkage (the module docstring): a group joins another when the average distance between
# their members is within the cut, so a chain is not joined through its middle link alone (single
# linkage would), but is when the middle article is close enough to both ends.


def chain(ab: float, bc: float, ac: float) -> np.ndarray:
    return np.array([[0.0, ab, ac], [ab, 0.0, bc], [ac, bc, 0.0]])


def same_group(labels: np.ndarray) -> list[set[int]]:
    groups: dict[int, set[int]] = {}
    for i, label in enumerate(labels.tolist()):
        groups.setdefault(label, set()).add(i)
    return sorted(groups.values(), key=min)


def test_a_chain_whose_ends_are_far_apart_is_not_joined_through_its_middle():
    # A and B merge at 0.5; C is then (0.6 + 1.0) / 2 = 0.8 from them on average: beyond the cut
    labels = average_linkage(chain(ab=0.5, bc=0.6, ac=1.0), EVENT_DISTANCE)
    assert same_group(labels) == [{0, 1}, {2}]


def test_a_chain_whose_middle_is_close_to_both_ends_is_one_group():
    # A and B merge at 0.2; C is then (0.3 + 0.9) / 2 = 0.6 from them on average: within the cut
    labels = average_linkage(chain(ab=0.2, bc=0.3, ac=0.9), EVENT_DISTANCE)
    assert same_group(labels) == [{0, 1, 2}]


def test_no_link_within_the_cut_leaves_every_article_alone():
    labels = average_linkage(chain(ab=0.9, bc=0.8, ac=1.0), EVENT_DISTANCE)
    assert same_group(labels) == [{0}, {1}, {2}]


# --- determinism -----------------------------------------------------------------------------------


def test_the_same_day_gives_the_same_groups_every_time():
    day = [BRIDGE_POST, SCHOOLS, OTHER_BRIDGE, BRIDGE_HERALD]
    first = cluster_events(day)
    assert all(cluster_events(day) == first for _ in range(3))


@pytest.mark.parametrize("order", list(itertools.permutations(range(4))))
def test_the_groups_do_not_depend_on_the_order_the_articles_come_in(order):
    day = [BRIDGE_POST, SCHOOLS, OTHER_BRIDGE, BRIDGE_HERALD]
    assert grouped_paths([day[i] for i in order]) == grouped_paths(day)
