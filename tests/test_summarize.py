"""How the summarizer behaves, as examples."""

from __future__ import annotations

import random

import pytest

from briefing.analyze.summarize import (
    ALGORITHMS,
    is_junk,
    longest_quotation,
    near_duplicate,
    rank_sentences,
    select_key_points,
    summarize,
)

ARTICLE = [
    "By Jane Smith",
    "The city council approved a new budget on Monday that raises spending on schools by ten percent.",
    "Scroll down for video",
    "The budget, worth 4.2 billion dollars, passed by a vote of seven to two after a long debate.",
    "Council members who opposed the budget said the school spending increase would force higher property taxes.",
    "Mayor Ana Lopez praised the vote and said schools had waited years for new money.",
    "Budget vote: Council members debate the plan on Monday",
    "The school spending plan includes money for 200 new teachers and repairs to old school buildings.",
    "Click here for more pictures",
    "Property owners could see their taxes rise next year, the city's finance office said.",
    "(Photo: City Hall press office)",
    "Read more: what the budget means for you",
    "The council will meet again in June to review the first quarter of spending.",
]


def test_summary_keeps_article_order_and_count():
    chosen = summarize(ARTICLE, count=3)
    assert len(chosen) == 3
    assert chosen == sorted(chosen)


def test_summary_leads_with_the_news():
    # the lead sentence of a news story is the first real sentence, not the byline
    assert 1 in summarize(ARTICLE, count=3)
    assert rank_sentences(ARTICLE)[0] == 1


def test_count_is_honoured_and_never_exceeds_real_sentences():
    assert len(summarize(ARTICLE, count=1)) == 1
    assert len(summarize(ARTICLE, count=5)) == 5
    # only 7 lines are real news; asking for 50 returns just those
    assert len(summarize(ARTICLE, count=50)) == 7
    assert summarize([], count=3) == []


def test_word_budget_takes_ranked_sentences_while_they_fit():
    chosen = summarize(ARTICLE, count=None, words=40)
    assert chosen
    assert sum(len(ARTICLE[i].split()) for i in chosen) <= 40
    # a larger budget picks more
    assert len(summarize(ARTICLE, count=None, words=200)) > len(chosen)


def test_junk_is_never_chosen():
    for algorithm in ALGORITHMS:
        chosen = summarize(ARTICLE, count=20, algorithm=algorithm)
        assert not any(is_junk(ARTICLE[i]) for i in chosen), algorithm
        assert {0, 2, 6, 8, 10, 11}.isdisjoint(chosen), algorithm


@pytest.mark.parametrize(
    "line",
    [
        "By Jane Smith",
        "By . Jane Smith and John Doe .",
        "By JOHN DOE | Political Editor",
        "Scroll down for video",
        "Click here to see the gallery",
        "Read more: how the deal was done",
        "(Yonhap News)",
        "Photo: Reuters",
        "Picture: Getty Images",
        "#budget #citycouncil",
        "@citycouncil @mayorlopez",
        "Follow @janesmith on Twitter",
        "press@example.org",
        "https://example.org/news/budget",
        "SEOUL (Yonhap) --",
        "Monday, 3 March 2014",
        "March 3, 2014",
        "Budget vote: Council members debate the plan on Monday",
        "PUBLISHED: 10:05 EST, 3 March 2014 | UPDATED: 11:00 EST, 3 March 2014",
        "With files from Eve Stone and Kyle Marsh.",
        "WATCH: The mayor explains what the budget means for transit",
        "UPDATED 05/03/2014 at 11:00 AM EDT",
        "UPDATED 05 / 03 / 2014 at 11:00 AM EDT",
        "Posted March 3, 2014 10:00 am.",
        "Tuesday, March 4, 2014",
    ],
)
def test_page_furniture_is_junk(line):
    assert is_junk(line)


@pytest.mark.parametrize(
    "line",
    [
        "By the end of the year, the council had spent more than it raised.",
        "The mayor said: 'We will not raise taxes.'",
        "Photos taken by residents show flooding in three streets.",
        "Readers can e-mail questions to the council, which will answer them in June.",
        "Follow-up talks are planned for next week.",
        "Posted 10 percent gains in the quarter, the company said on Friday after the markets closed.",
        "BEIJING — China's exports rose 5 percent in May from a year earlier, customs data showed.",
    ],
)
def test_news_sentences_are_not_junk(line):
    assert not is_junk(line)


def test_near_duplicates_are_recognised():
    a = "The city council approved a new budget on Monday that raises spending on schools."
    b = "On Monday the city council approved a budget raising school spending."
    c = "Property owners could see their taxes rise next year."
    assert near_duplicate(a, b)
    assert not near_duplicate(a, c)


def test_no_near_duplicate_picks():
    article = [
        "The city council approved a new budget on Monday that raises spending on schools.",
        "The city council approved a new budget on Monday that raises school spending.",
        "Property owners could see their taxes rise next year, the finance office said.",
        "The mayor praised the vote.",
    ]
    for algorithm in ALGORITHMS:
        chosen = summarize(article, count=3, algorithm=algorithm)
        assert not (0 in chosen and 1 in chosen), algorithm


def test_key_points_spread_across_documents_without_duplicates():
    first = [
        "The city council approved a new budget on Monday that raises spending on schools.",
        "The budget passed by a vote of seven to two after a long debate.",
        "Opponents said property taxes would have to rise.",
    ]
    second = [
        "On Monday the city council approved a budget raising school spending.",
        "Teachers' unions welcomed the money for 200 new teachers.",
        "The mayor said repairs to old school buildings would start in the summer.",
    ]
    points = select_key_points([first, second], count=4)
    assert len(points) == 4
    assert {d for d, _ in points} == {0, 1}
    texts = [[first, second][d][i] for d, i in points]
    for x in range(len(texts)):
        for y in range(x + 1, len(texts)):
            assert not near_duplicate(texts[x], texts[y])
    # the shared fact appears once, not twice
    assert not ((0, 0) in points and (1, 0) in points)


def test_key_points_respect_candidates():
    docs = [ARTICLE, ARTICLE[:6]]
    points = select_key_points(docs, count=3, candidates=[[3, 5], [1]])
    assert set(points) <= {(0, 3), (0, 5), (1, 1)}


@pytest.mark.parametrize("algorithm", ALGORITHMS)
def test_every_algorithm_runs_offline(algorithm):
    ranked = rank_sentences(ARTICLE, algorithm=algorithm)
    assert sorted(ranked) == list(range(len(ARTICLE)))
    assert len(summarize(ARTICLE, count=3, algorithm=algorithm)) == 3


def test_unknown_algorithm_is_refused():
    with pytest.raises(ValueError):
        summarize(ARTICLE, algorithm="magic")


def test_long_article_completes():
    # 3,000 varied sentences (a few hundred kilobytes); no timing asserted, it must just finish
    rng = random.Random(3)
    words = (
        "council budget school tax vote mayor teacher repair plan city year money police court "
        "report health energy price market bank trade talks deal law policy union strike"
    ).split()
    article = [" ".join(rng.choice(words) for _ in range(12)).capitalize() + "." for _ in range(3000)]
    chosen = summarize(article, count=3)
    assert len(chosen) == 3
    assert sorted(rank_sentences(article)) == list(range(3000))


def test_a_statement_of_the_news_ranks_above_a_quotation_or_a_fragment_in_the_lead():
    article = [
        "\u201cWe have waited three years for a fair offer and we will not wait any longer,\u201d the union leader said.",
        "Talks collapsed.",
        "Dock workers at the port of Carrow walked off the job on Monday, halting container traffic on the coast.",
        "The port authority said it was ready to meet union leaders on Wednesday to discuss pay.",
        "Shipping lines diverted at least nine vessels to the southern port of Fenmouth by the evening.",
    ]
    ranked = rank_sentences(article)
    assert ranked.index(2) < ranked.index(0) and ranked.index(2) < ranked.index(1)
    assert summarize(article, count=1) == [2]


def test_the_longest_quotation_counts_words_inside_double_marks():
    assert longest_quotation("She called it a \u201cdriver of instability\u201d in the region.") == 3
    assert longest_quotation('"We will restore every line," she said, "before the cold weather."') == 5
    assert longest_quotation("The mayor said: \u201cWe are keeping the ferry for ten more years") == 9
    assert longest_quotation("No quotation marks here at all.") == 0


def test_the_wire_credits_are_the_agencies_of_the_one_list():
    from briefing.vocabulary.boilerplate import NEWS_AGENCIES, WIRE_CREDITS

    assert {"AP", "Reuters", "AFP", "Xinhua", "PTI", "EFE", "Lusa"} <= set(WIRE_CREDITS)
    assert all(c.lower() in NEWS_AGENCIES or c.lower() in ("getty", "alamy", "shutterstock") for c in WIRE_CREDITS)
