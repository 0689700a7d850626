"""An invented busy morning for the fitting tests (our own words, invented places and people):
`stories` stories of one to four articles from a handful of outlets, the largest first, each
with a ranked summary of a few sentences; five key points from the first five stories, quotes
from the first stories, and many participants (two organisations, several countries, people
with and without titles). Built as a `Brief` directly, so the tests need no analysis.
"""

from __future__ import annotations

import datetime as dt

from briefing.model import AnalyzedArticle, Article, Brief, KeyPoint, Participant, Quote, Story

LINES = [
    "Dockworkers at the Port of Velden stayed off the job for a third day, and container ships queued in the outer harbour.",
    "The union said talks would resume only if the port authority put a written offer on the table.",
    "Freight forwarders warned that perishable cargo was already being diverted to smaller ports along the coast.",
    "The transport ministry has appointed a mediator, a former labour court judge, to chair the next round.",
    "Shares in the two largest shipping lines fell after they cut their forecasts for the quarter.",
    "A spokesman for the port authority declined to say how much the stoppage had cost so far.",
    "City officials in Marrak opened three emergency shelters as the river rose above its banks overnight.",
    "About 1,200 residents of the low-lying Quayside district were asked to leave their homes before dawn.",
    "Forecasters expect the water to peak on Thursday and to fall slowly over the weekend.",
    "The national museum reopened its east wing after a renovation that took four years and cost more than planned.",
    "Lawmakers approved the spending plan by a narrow margin after a debate that ran late into the night.",
    "Opposition members said the plan left too little for rural hospitals and promised to revisit it next year.",
    "The central bank held its main rate, saying prices were rising more slowly than it had feared.",
    "Economists had expected the decision, though two members of the board voted for a cut.",
]

OUTLETS = ["Harbour Times", "Velden Post", "Coastal Wire", "The Marrak Herald", "Northern Ledger"]

PEOPLE = [
    ("Marta Kovell", "leader of the Harbour Workers' Union", "Harbour Workers' Union"),
    ("Johan Reiss", "chief executive of the Velden Port Authority", "Velden Port Authority"),
    ("Ilse Brandt", "transport minister", "Germany"),
    ("Tomas Ferreira", "mayor of Marrak", "Portugal"),
    ("Anouk Visser", "chief economist at Coastal Bank", "Netherlands"),
    ("Pieter de Wit", None, "Harbour Workers' Union"),
    ("Lena Moreau", "spokeswoman for the port authority", "Velden Port Authority"),
    ("Karim Haddad", "director of the national museum", "France"),
]

QUOTE_LINES = [
    "We will not go back to work for a promise that nobody has written down.",
    "The offer on the table is the most this port can pay without raising its fees.",
    "Every hour the river stays this high, more families will need a place to sleep.",
    "Prices are still rising, but more slowly than we feared in the spring.",
    "The east wing is finally open, and it is better than the building we closed.",
    "This budget leaves rural hospitals with less than they had five years ago.",
]


def crowded_day(stories: int = 16, quotes: int = 8, participants: int = 80, page_size: str = "a4") -> Brief:
    articles: list[AnalyzedArticle] = []
    story_list: list[Story] = []
    for k in range(stories):
        size = max(1, 4 - k // 3)
        first = len(articles)
        for j in range(size):
            sents = [f"{LINES[(3 * k + 2 * j + s) % len(LINES)][:-1]} (story {k + 1}, report {j + 1}, line {s + 1})."
                     for s in range(5)]
            art = Article(path=f"/day/s{k + 1:02d}-{j + 1}.txt", title=f"Report {j + 1} on the day's story {k + 1}",
                          paragraphs=[" ".join(sents)], source=OUTLETS[(k + j) % len(OUTLETS)], date="2026-11-22")
            articles.append(AnalyzedArticle(article=art, sentences=sents, spans=[(0, 0)] * 5, summary=[0, 1, 2],
                                            summary_rank=[0, 1, 2]))
        ranked = [(first + j, s) for s in range(3) for j in range(size)][:2 + size]
        story_list.append(Story(id=f"s{k + 1}", title=_headline(k), articles=list(range(first, first + size)),
                                outlets=list(dict.fromkeys(OUTLETS[(k + j) % len(OUTLETS)] for j in range(size))),
                                summary=sorted(ranked), summary_rank=ranked, score=1.0 - k / 100))
    key_points = [KeyPoint(text=articles[story_list[k].articles[0]].sentences[4], article=story_list[k].articles[0],
                           sentence=4, story=story_list[k].id) for k in range(min(5, stories))]
    quote_list = []
    for k in range(quotes):
        name, title, _ = PEOPLE[k % len(PEOPLE)]
        art = articles[story_list[k % min(stories, 6)].articles[0]].article.path
        quote_list.append(Quote(text=QUOTE_LINES[k % len(QUOTE_LINES)], speaker=name, title=title, article=art,
                                score=1 - k / 100))
    people = []
    for k in range(participants):
        name, title, place = PEOPLE[k % len(PEOPLE)]
        if k >= len(PEOPLE):
            name = f"{name} {k // len(PEOPLE) + 1}"
        art = articles[story_list[k % stories].articles[0]].article.path
        people.append(Participant(name=name, title=title if k % 5 else None, affiliation=place, quoted=k < quotes,
                                  mentions=1 + (k < 20), articles=[art]))
    return Brief(title="Daily Brief: Velden and the coast", date=dt.date(2026, 11, 22), articles=articles,
                 key_points=key_points, quotes=quote_list, participants=people, stories=story_list,
                 page_size=page_size)


def _headline(k: int) -> str:
    subjects = ["Velden dock strike", "Marrak flood", "Budget vote", "Central bank", "Museum reopening",
                "Shipping lines", "Coastal ferries", "Rural hospitals"]
    verbs = ["enters its third day", "forces hundreds from their homes", "passes by a narrow margin",
             "holds its main rate", "draws long queues", "cut their forecasts", "resume a reduced timetable",
             "ask for more money"]
    return f"{subjects[k % len(subjects)]} {verbs[k % len(verbs)]}" + (f" ({k // len(subjects) + 1})" if k >= 8 else "")
