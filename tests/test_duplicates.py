"""Near-duplicates: one wire story carried by several outlets, or an updated version, kept once."""

from __future__ import annotations

from briefing.brief.duplicates import duplicate_groups, duplicate_pairs, find_duplicates, shingles
from briefing.model import AnalyzedArticle, Article

WIRE = [
    "Flood waters rose across the river valley on Tuesday, forcing some 4,000 residents from their homes.",
    "Emergency crews in boats moved through the lower town, where the water reached the first floors.",
    "The regional governor declared a state of emergency and asked the army for help with evacuations.",
    "Forecasters said more rain was expected overnight, and the river would not crest before Thursday.",
    "Schools in six districts were closed and the main rail line to the coast was suspended.",
]
UPDATE = WIRE + [
    "By Wednesday morning the number of people moved from their homes had risen to 6,500.",
    "Two people were reported missing after their car was swept off a bridge near the dam.",
]
OTHER = [
    "The central bank held its main interest rate at 4.5 per cent on Tuesday, as most economists expected.",
    "Its governor said inflation was easing but wage growth remained too strong to cut rates yet.",
    "The currency rose slightly against the dollar after the decision was announced.",
    "Markets now expect the first cut in the spring, according to a survey of traders.",
]


def analyzed(path: str, title: str, sentences: list[str], *, source: str | None = None,
             date: str | None = None) -> AnalyzedArticle:
    article = Article(path=path, title=title, paragraphs=[" ".join(sentences)], source=source, date=date)
    return AnalyzedArticle(article=article, sentences=list(sentences), spans=[(0, 0)] * len(sentences),
                           summary=[0, 1], summary_rank=[0, 1])


def test_the_same_words_in_a_different_case_and_punctuation_are_the_same_shingles():
    assert set(shingles("Flood waters rose across the valley.")) == set(shingles("flood WATERS rose, across the valley"))
    assert len(shingles("too short")) == 1
    assert len(shingles("")) == 0


def test_one_wire_story_carried_by_two_outlets_is_one_copy_pair():
    a = "Floods hit the valley\n" + " ".join(WIRE)
    b = "Thousands flee as floods hit valley\n" + " ".join(WIRE)  # the outlet's own headline
    c = "Central bank holds rates\n" + " ".join(OTHER)
    assert duplicate_pairs([a, b, c]) == [(0, 1)]


def test_an_update_that_adds_paragraphs_is_a_copy_of_the_first_version():
    first = " ".join(WIRE)
    update = " ".join(UPDATE)
    assert duplicate_groups([first, " ".join(OTHER), update]) == [[0, 2]]


def test_a_rewritten_report_of_the_same_event_is_not_a_copy():
    rewritten = [
        "Thousands of people had to leave their homes as the river burst its banks this week.",
        "The governor has asked soldiers to help, and rail services to the coast have stopped.",
        "More rain is on the way, forecasters warned, with the peak not due for two days.",
    ]
    assert duplicate_pairs([" ".join(WIRE), " ".join(rewritten)]) == []


def test_the_brief_keeps_the_latest_fullest_version_and_lists_the_others_as_its_copies():
    day = [
        analyzed("/in/a.txt", "Floods hit the valley", WIRE, source="Wire Agency", date="2026-11-30"),
        analyzed("/in/b.txt", "Central bank holds rates", OTHER, source="Daily Courier"),
        analyzed("/in/c.txt", "Floods: thousands more leave", UPDATE, source="Evening Post", date="2026-12-01"),
        analyzed("/in/d.txt", "Floods hit the valley", WIRE, source="Morning Star", date="2026-11-30"),
    ]
    assert find_duplicates(day) == {2: [0, 3]}


def test_headlines_alone_are_too_short_to_call_copies():
    assert duplicate_pairs(["Minister resigns", "Minister resigns"]) == []
