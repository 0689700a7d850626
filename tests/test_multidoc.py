"""Multi-document summaries: several articles on one story, summarized in their own sentences."""

from __future__ import annotations

import pytest

from briefing.brief.multidoc import (
    Document,
    concept_weights,
    concepts,
    may_summarize,
    summarize_documents,
    word_count,
)

# Three invented reports of one flood, as three outlets might file them.
FLOOD_A = [
    "Floods swept through the river town of Alder Creek on Tuesday, forcing 3,000 residents from their homes.",
    "The regional governor declared a state of emergency for the whole Alder Creek valley.",
    "A local bakery owner said the water reached the second shelf of her shop within an hour.",
    "Rescue crews used boats to reach families stranded on rooftops near the old mill.",
]
FLOOD_B = [
    "About 3,000 residents were forced from their homes as floods swept through Alder Creek on Tuesday.",
    "The governor declared a state of emergency for the valley and asked the army for help.",
    "The town's football ground was under a metre of water by the afternoon.",
    "Forecasters said more rain was expected in the valley on Thursday.",
]
FLOOD_C = [
    "Floods forced 3,000 residents of Alder Creek from their homes on Tuesday after the river burst its banks.",
    "A state of emergency was declared for the valley by the regional governor.",
    "Forecasters warned that more rain was expected in the valley on Thursday and Friday.",
    "The mayor's office opened the school gymnasium as a shelter for the night.",
]
FLOOD = [FLOOD_A, FLOOD_B, FLOOD_C]


def texts(summary) -> list[str]:
    return [p.text for p in summary.sentences]


def test_what_several_articles_report_outweighs_what_one_mentions():
    summary = summarize_documents(FLOOD, words=25)
    assert len(summary.sentences) == 1
    assert "3,000 residents" in summary.text  # all three lead with it; the bakery is one outlet's colour


def test_the_same_fact_from_several_outlets_is_stated_once():
    summary = summarize_documents(FLOOD, words=100)
    said = texts(summary)
    assert sum("3,000" in t for t in said) == 1
    assert sum("state of emergency" in t for t in said) == 1
    assert sum("more rain" in t for t in said) <= 1


@pytest.mark.parametrize("words", [15, 30, 45, 60, 100])
def test_the_budget_is_hard_and_sentences_are_whole(words):
    summary = summarize_documents(FLOOD, words=words)
    assert summary.words <= words
    every = {s for doc in FLOOD for s in doc}
    assert all(p.text in every for p in summary.sentences)  # as the articles wrote them
    for p in summary.sentences:
        assert FLOOD[p.document][p.sentence] == p.text


def test_a_sentence_cap_is_kept():
    assert len(summarize_documents(FLOOD, words=200, sentences=2).sentences) == 2


def test_the_paragraph_reads_by_date_then_position():
    older = Document(["The river rose two metres overnight at the Alder Creek gauge, officials said on Monday.",
                      "Engineers inspected the dam above Alder Creek town on Monday afternoon."], date="2031-04-07")
    newer = Document(FLOOD_A, date="2031-04-08")
    summary = summarize_documents([newer, older, Document(FLOOD_B, date="2031-04-08")], words=100)
    keys = [(p.document, p.sentence) for p in summary.sentences]
    dates = ["2031-04-08", "2031-04-07", "2031-04-08"]
    order = [(dates[d], s) for d, s in keys]
    assert order == sorted(order)


def test_the_best_sentence_is_ranked_first_and_every_pick_is_ranked():
    summary = summarize_documents(FLOOD, words=100)
    assert sorted(summary.ranked, key=lambda p: (p.document, p.sentence)) == sorted(
        summary.sentences, key=lambda p: (p.document, p.sentence))
    assert "3,000" in summary.ranked[0].text


@pytest.mark.parametrize("sentence", [
    "He said the water reached the second shelf of the shop within an hour.",  # who?
    "But the governor said the army would not be needed in the valley this week.",  # continues
    "Here, a resident describes the night the river came into her kitchen.",  # points into the page
    "Will the town's old flood wall be rebuilt before the autumn rains arrive?",  # a question
    "ALDER CREEK (Valley News) _ Floods swept through the river town on Tuesday morning.",  # dateline
    "UPDATED 04/08/2031 at 11:00 AM EDT Floods swept through the river town on Tuesday.",  # stamp
    "Tuesday, April 8, 2031 Floods swept through the river town of Alder Creek.",  # a date line
    "Pictured: rescue crews carry a child to a boat near the old mill",  # a caption
    "\u201cWe have never seen the river this high in forty years,\u201d the mayor told reporters.",  # a quotation
    "The mayor said: \u201cWe have never seen the river this high in all my forty years here.\u201d",
])
def test_no_sentence_that_needs_its_context_or_is_page_furniture(sentence):
    assert not may_summarize(sentence)
    summary = summarize_documents([[sentence] + FLOOD_A[1:], FLOOD_B], words=200)
    assert sentence not in texts(summary)


def test_a_phrase_in_quotation_marks_is_not_a_quotation():
    assert may_summarize("Governor Ana Ruiz called the flood a \u201cthousand-year event\u201d for the valley.")


def test_known_content_counts_as_covered():
    known = [FLOOD_A[0], FLOOD_B[1]]  # e.g. what yesterday's brief said
    summary = summarize_documents(FLOOD, words=60, known=known)
    assert summary.sentences
    for text in texts(summary):
        assert "3,000" not in text and "state of emergency" not in text.lower()
    weights = concept_weights([Document(d) for d in FLOOD], frozenset(concepts(FLOOD_A[0])))
    assert not set(weights) & concepts(FLOOD_A[0])


def test_a_sentence_the_reader_has_in_other_words_is_not_stated_again():
    known = ["Floods swept through Alder Creek on Tuesday.", "Forecasters said more rain was expected in the valley."]
    summary = summarize_documents(FLOOD, words=100, known=known)
    assert FLOOD_B[3] not in texts(summary) and FLOOD_C[2] not in texts(summary)  # the forecast, in other words
    assert summary.sentences


def test_one_article_states_what_the_reader_does_not_have():
    summary = summarize_documents([FLOOD_A], words=40, known=[FLOOD_B[0], FLOOD_C[1]])
    assert summary.sentences and FLOOD_A[0] not in texts(summary) and FLOOD_A[1] not in texts(summary)


def test_may_state_keeps_sentences_out_but_their_reports_still_count():
    summary = summarize_documents(FLOOD, words=100, may_state=lambda d, s: d != 0)
    assert summary.sentences and all(p.document != 0 for p in summary.sentences)


def test_the_exact_solver_covers_at_least_what_the_greedy_one_does():
    docs = [Document(d) for d in FLOOD]
    weights = concept_weights(docs)
    for words in (20, 35, 50, 70):
        value = {}
        for solver in ("ilp", "greedy"):
            summary = summarize_documents(FLOOD, words=words, solver=solver)
            assert summary.words <= words
            covered = set().union(*(concepts(t) for t in texts(summary))) if summary.sentences else set()
            value[solver] = sum(weights.get(c, 0.0) for c in covered)
        assert value["ilp"] >= value["greedy"] - 1e-9


def test_one_article_keeps_its_own_ranking_under_the_budget():
    summary = summarize_documents([FLOOD_A], words=40)
    assert summary.words <= 40 and summary.sentences
    assert summary.sentences[0].text == FLOOD_A[0]


def test_nothing_to_say_gives_an_empty_summary():
    assert summarize_documents([], words=100).sentences == []
    assert summarize_documents([["Too short."], ["Also short."]], words=100).sentences == []
    assert summarize_documents(FLOOD, words=5).sentences == []  # no whole sentence fits
    assert word_count("  three  little words ") == 3


def test_the_newest_development_is_ranked_first():
    yesterday = [Document(FLOOD_A, date="2031-04-08"), Document(FLOOD_B, date="2031-04-08")]
    today = Document([
        "The river at Alder Creek fell below its banks on Wednesday and the first residents began to return home.",
        "The regional governor said the state of emergency for the Alder Creek valley would stay in force.",
    ], date="2031-04-09")
    summary = summarize_documents(yesterday + [today], words=100)
    assert summary.ranked[0].document == 2  # what today's report adds comes first
    assert [p.document for p in summary.sentences][-1] == 2  # and last in reading order: it is the latest


def test_highs_through_highspy_chooses_what_scipys_milp_chooses():
    """The story summaries call HiGHS through its own package; on invented programmes of the
    summaries' shape (binary sentences under a word budget, concept variables, pairs kept apart)
    it returns what `scipy.optimize.milp` returns."""
    import numpy as np
    from scipy.optimize import Bounds, LinearConstraint, milp
    from scipy.sparse import csc_matrix
    from scipy.sparse import random as sparse_random

    from briefing.brief.multidoc import solve_highs

    rng = np.random.default_rng(7)
    for trial in range(25):
        n, m = int(rng.integers(4, 30)), int(rng.integers(0, 25))
        cover = sparse_random(m, n, density=0.2, random_state=trial, data_rvs=lambda k: -np.ones(k)).toarray()
        rows = [np.hstack([cover[r], np.eye(m)[r]]) for r in range(m)]  # z_c <= sentences stating c
        lengths = rng.integers(8, 40, n).astype(float)
        rows.append(np.hstack([lengths, np.zeros(m)]))  # the word budget
        a = np.vstack(rows)
        ub = np.array([0.0] * m + [float(rng.integers(30, 120))])
        cost = np.concatenate([1e-4 * lengths - rng.integers(0, 5, n), -rng.integers(1, 6, m).astype(float)])
        integer = np.concatenate([np.ones(n), np.zeros(m)])
        ours = solve_highs(cost, integer, csc_matrix(a), ub)
        theirs = milp(cost, integrality=integer, bounds=Bounds(0, 1), constraints=LinearConstraint(a, -np.inf, ub),
                      options={"time_limit": 1.0})
        assert [k for k in range(n) if ours[k] > 0.5] == [k for k in range(n) if theirs.x[k] > 0.5]
