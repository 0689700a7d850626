"""Stories: the day's articles grouped by the real-world event they report, and ranked.

1. Near-duplicates (`duplicates.py`: one wire story carried by several outlets, an updated
   version) are kept once; the copies join the story of the article kept, and their outlets
   count as the story's outlets.
2. The kept articles are clustered by event (`clusters.py`): content words, names, years and
   numbers, average linkage cut at a distance. Two events of the same kind (two shootings, two
   celebrities' rehab stays) stay two stories because their names, places and dates differ.
3. Each story gets a lead article (the one closest to the story's centre, a real headline
   preferred), the lead's headline as its title, its outlets, and a summary of what its
   articles report (`story_summary`, `multidoc.py`), longer for the stories that rank higher.
4. Stories rank for a policy reader (`rank.py`): the focus first, then the beats (by default
   politics, world, economy), then other news of public interest, sport, entertainment, lifestyle
   and commerce last; news before opinion within a beat; stories on an excluded beat (by default
   commerce) are not shown. Within that, stories rank by coverage (distinct reports and distinct
   outlets), prominence (a full report under a real headline, about public affairs: officials and
   countries), recency (the newest article's date) and the brief's focus: stories about the focus
   come first, and with ``only_focus`` the others are not shown.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import math
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import lru_cache

import numpy as np

from briefing.analyze.summarize import remember_ranking
from briefing.analyze.titles import GOV_TITLE
from briefing.brief.clusters import EVENT_DISTANCE, agglomerate, article_days, event_blocks, look_alike_veto
from briefing.brief.features import EVENT_SENTENCES
from briefing.brief.duplicates import find_duplicates
from briefing.brief.focus import focus_matcher, parse_focus
from briefing.brief.multidoc import DEFAULT_WORDS, Document, Pick, Summary, summarize_documents
from briefing.brief.rank import (DEFAULT_BEATS, DEFAULT_EXCLUDED, beat_label, classified, may_report, opinion_only,
                                 story_order_key, story_section)
from briefing.memo import Memo
from briefing.workers import WORKER_MODULES, Failure, Workers
from briefing.model import AnalyzedArticle, Story
from briefing.outlets import outlet
from briefing.vocabulary.places import place_forms, place_pattern

SUMMARY_SENTENCES = 3
"""Sentences in a story's summary (a one-article story keeps its article's summary)."""

COVERAGE_WEIGHT = 1.0
"""Rank points per doubling of the distinct reports that carry a story."""
OUTLET_WEIGHT = 1.0
"""Rank points per doubling of the distinct outlets that carry a story."""
PROMINENCE_WEIGHT = 0.5
"""Rank points for a full report under a real headline (scaled down for a derived headline or a
short item)."""
PUBLIC_AFFAIRS_WEIGHT = 1.0
"""Rank points for a story about public affairs (`public_affairs`: officials and countries)."""
PUBLIC_AFFAIRS_FULL = 4
"""Officials named, and countries named, each up to this many, for full public-affairs points."""
STATE_ANGLE = 0.5
"""`public_affairs` from which a crime story is public affairs: a justice or security case with a
political or state angle (an extradition between states, officials charged, a government accused
of breaking international law) leads with politics and world, an ordinary crime does not. Half the
evidence of a report naming four officials and four countries: two of each, say."""
RECENCY_WEIGHT = 1.0
"""Rank points for a story whose newest article is from the day's newest date; halved per day
older. Undated articles count as the day's."""
FOCUS_WEIGHT = 2.0
"""Rank points, among the focus stories, for the share of articles whose headline or lead
names the focus."""
FULL_REPORT_SENTENCES = 12
"""A report this long or longer counts as a full report for prominence."""
FOCUS_LEAD = 3
"""A focus term in the first sentences of an article makes the article about the focus."""
FOCUS_REPEATS = 2
"""Past the lead, the focus must be named in this many sentences of an article to count."""


# --- focus -------------------------------------------------------------------------------------


@dataclass
class _FocusHits:
    headline_or_lead: int = 0
    anywhere: int = 0
    repeated: int = 0
    """Articles that name the focus in `FOCUS_REPEATS` or more sentences past the lead."""


def _focus_hits(analyzed: Sequence[AnalyzedArticle], members: list[int], names: Callable[[str], bool]) -> _FocusHits:
    hits = _FocusHits()
    for i in members:
        a = analyzed[i]
        lead = [a.article.title] + a.sentences[:FOCUS_LEAD]
        if any(names(t) for t in lead):
            hits.headline_or_lead += 1
            hits.anywhere += 1
        else:
            later = sum(1 for s in a.sentences[FOCUS_LEAD:EVENT_SENTENCES] if names(s))
            if later:
                hits.anywhere += 1
                hits.repeated += later >= FOCUS_REPEATS
    return hits


def _about_focus(hits: _FocusHits, n: int) -> bool:
    """A story is about the focus when a headline or lead names it, when half of its several
    articles name it, or when its one article names it again and again: one passing mention in
    one report ("made in China") does not make a story about it."""
    if hits.headline_or_lead > 0:
        return True
    if n == 1:
        return hits.repeated > 0
    return hits.anywhere * 2 >= n


# --- outlets -----------------------------------------------------------------------------------


def _outlets(analyzed: Sequence[AnalyzedArticle], ordered: list[int]) -> list[str]:
    """Distinct outlets (case aside), the lead's first, then by how many of the story's articles
    they carried, then in story order; each as the first article that names it writes it."""
    seen: dict[str, tuple[str, int, int]] = {}  # key -> (name as written, first rank, articles)
    for rank, i in enumerate(ordered):
        name = outlet(analyzed[i])
        if name:
            shown, first, count = seen.get(name.casefold(), (name, rank, 0))
            seen[name.casefold()] = (shown, first, count + 1)
    ranked = sorted(seen.values(), key=lambda v: (v[1] != 0, -v[2], v[1]))
    return [shown for shown, _, _ in ranked]


# --- summary -----------------------------------------------------------------------------------

PAGE_SUMMARY_WORDS = 240
"""Words of story summaries a page holds beside its key points, quotes and people: the seed page
(one story, three key points) prints about 150, the crowded days of benchmarks/page_days.py
(five stories, five key points) 110-130 after fitting, a day of three stories in between.
Shared out by rank; fitting the page drops the lowest-ranked sentences that do not fit."""
STORIES_ON_PAGE = 5
"""Stories a page shows as blocks on a usual day; those further down get `STORY_WORDS[0]`."""
STORY_WORDS = (35, 150)
"""A story's summary budget, at least (a sentence or two, for a story shown on a quiet day or
named in brief.json) and at most (a lead story on a day of one or two stories: a paragraph)."""

MayState = Callable[[AnalyzedArticle, int], bool]
"""``may_state(article, sentence)``: whether that sentence of that article may be stated in a
summary (e.g. not from an opinion column). Refused sentences still count as reports."""


def summary_budget(rank: int, stories: int) -> int:
    """The word budget of the summary of the story ranked `rank` (0 the first shown) of the
    `stories` the page shows: `PAGE_SUMMARY_WORDS` shared out as 1/2, 1/3, 1/4, ... among the
    first `STORIES_ON_PAGE`, so the lead story says most, within `STORY_WORDS`."""
    low, high = STORY_WORDS
    shares = [1 / (k + 2) for k in range(min(max(stories, 1), STORIES_ON_PAGE))]
    if rank >= len(shares):
        return low
    return max(low, min(high, round(PAGE_SUMMARY_WORDS * shares[rank] / sum(shares))))


RECAP_SENTENCES = 1
"""A continuing story whose articles today say nothing the earlier briefs did not: its summary
is this many sentences of what the story is (the plain summary held to that many: what the
articles report most), a reminder beside its "Day N" mark."""


def story_summary(analyzed: Sequence[AnalyzedArticle], members: Sequence[int], *, words: int = DEFAULT_WORDS,
                  sentences: int | None = None, known: Sequence[str] = (), earlier: Sequence[str] = (),
                  may_state: MayState | None = None, solver: str = "ilp") -> Summary:
    """The summary of the story the articles `members` (indices into `analyzed`, lead first)
    tell: `multidoc.summarize_documents` over their sentences and dates, within `words` words
    (and `sentences` sentences). Picks name the article by its index into `analyzed`. This is
    the summary a story's block on the page prints, and what `briefing summarize` prints.
    `known`: sentences the reader already has (the page's key points and quotes).

    `earlier`: what earlier briefs' articles of a continuing story said (`Story.known`). Known
    too, so the summary is the update summary (TAC 2008-2009): what they did not report, in the
    reading order, and ranked (`Summary.ranked`) by what it adds. When today's articles add
    nothing to it, the summary is a `RECAP_SENTENCES` reminder of what the story is."""
    members = [i for i in members if 0 <= i < len(analyzed)]
    allowed = None if may_state is None else (lambda d, s: may_state(analyzed[members[d]], s))
    summary = update_summary(story_documents(analyzed, members), words=words, sentences=sentences, known=known,
                             earlier=earlier, may_state=allowed, solver=solver)
    return _by_article(summary, members)


def update_summary(documents: Sequence[Document], *, words: int = DEFAULT_WORDS, sentences: int | None = None,
                   known: Sequence[str] = (), earlier: Sequence[str] = (), may_state=None,
                   solver: str = "ilp") -> Summary:
    """`summarize_documents` with `earlier` known too (the update summary), or, when the
    documents add nothing to `earlier`, a `RECAP_SENTENCES` reminder of what the story is."""
    summary = summarize_documents(documents, words=words, sentences=sentences, known=[*known, *earlier],
                                  may_state=may_state, solver=solver)
    if earlier and not summary.sentences:
        summary = summarize_documents(documents, words=words, sentences=RECAP_SENTENCES, known=known,
                                      may_state=may_state, solver=solver)
    return summary


def story_documents(analyzed: Sequence[AnalyzedArticle], members: Sequence[int]) -> list[Document]:
    """The story's articles as `multidoc.Document`s (sentences, date, headline unless derived)."""
    return [Document(analyzed[i].sentences, analyzed[i].article.date,
                     None if analyzed[i].article.title_derived else analyzed[i].article.title) for i in members]


def _by_article(summary: Summary, members: Sequence[int]) -> Summary:
    """`summary`'s picks named by article (index into the day's articles), not by document."""

    def article_pick(p: Pick) -> Pick:
        return dataclasses.replace(p, document=members[p.document])

    return Summary(sentences=[article_pick(p) for p in summary.sentences],
                   ranked=[article_pick(p) for p in summary.ranked])


def summarize_reports(task: tuple[list[Document], int, tuple[bool, ...] | None, list[str]]) -> Summary:
    """`update_summary` of (documents, words, which documents may state the story's news, what
    earlier briefs said): one story's summary as a worker process makes it."""
    documents, words, may_report_news, earlier = task
    allowed = None if may_report_news is None else (lambda d, s: may_report_news[d])
    return update_summary(documents, words=words, earlier=earlier, may_state=allowed)


def summary_pairs(summary: Summary) -> list[tuple[int, int]]:
    """A `story_summary` as `Story.summary` holds it: (article, sentence) pairs in reading order."""
    return [(p.document, p.sentence) for p in summary.sentences]


def ranked_pairs(summary: Summary) -> list[tuple[int, int]]:
    """A `story_summary` as `Story.summary_rank` holds it: the pairs best first."""
    return [(p.document, p.sentence) for p in summary.ranked]


def set_summary(story: Story, summary: Summary) -> None:
    """Put a `story_summary` on a story this stage is making: `summary` in reading order,
    `summary_rank` best first."""
    story.summary = summary_pairs(summary)
    story.summary_rank = ranked_pairs(summary)


def summarize_stories(analyzed: Sequence[AnalyzedArticle], stories: Sequence[Story],
                      may_state: MayState | None = None, memo: Memo | None = None) -> None:
    """Each story's summary (`story_summary`, copies aside) at the budget its rank among the
    shown stories gets; a continuing story's is its update summary (`earlier`: what the earlier
    briefs' articles said, `Story.known`, which `history.link_stories` fills). With a `memo`
    (``serve``), a story whose summary an earlier build made from the same inputs (its articles'
    sentences, dates and headlines, its budget, which may state its news, what earlier briefs
    said) is not summarized again."""
    copied = {c for story in stories for cs in story.duplicates.values() for c in cs}
    shown = sum(1 for s in stories if s.shown)
    rank = 0
    tasks = []
    for story in stories:
        budget = summary_budget(rank if story.shown else STORIES_ON_PAGE, shown)
        rank += story.shown
        members = [i for i in story.articles if i not in copied]
        tasks.append((members, budget))
    if may_state is not None:  # a caller's rule (a function) stays in this process
        for story, (members, budget) in zip(stories, tasks):
            set_summary(story, story_summary(analyzed, members, words=budget, earlier=story.known,
                                             may_state=news_only(analyzed, members, may_state)))
        return
    # each story's integer programme is its own: the machine's cores solve them side by side
    jobs = [(story_documents(analyzed, members), budget, _news_reports(analyzed, members), list(story.known))
            for story, (members, budget) in zip(stories, tasks)]
    for story, (members, _), summary in zip(stories, tasks, _summaries(jobs, memo)):
        if isinstance(summary, Failure):  # as a serial run would have raised it
            raise RuntimeError(f"story summary failed: {summary}")
        set_summary(story, _by_article(summary, members))


def _summaries(jobs: list[tuple], memo: Memo | None) -> list[Summary | Failure]:
    """`summarize_reports` of every job (over the cores), those the memo holds taken from it."""
    keys = [Memo.key("story summary", job) for job in jobs] if memo is not None else [None] * len(jobs)
    found = [memo.get(key) if memo is not None else None for key in keys]
    todo = [k for k, summary in enumerate(found) if summary is None]
    with Workers.for_items(len(todo), preload=WORKER_MODULES) as workers:
        for k, summary in zip(todo, workers.map(summarize_reports, [jobs[k] for k in todo])):
            found[k] = summary
            if memo is not None and not isinstance(summary, Failure):
                memo.put(keys[k], summary)
    return found


def _news_reports(analyzed: Sequence[AnalyzedArticle], members: Sequence[int]) -> tuple[bool, ...] | None:
    """`news_only` as data: which of the story's articles may state its news (None: all may)."""
    members = [i for i in members if 0 <= i < len(analyzed)]
    if not any(may_report(analyzed[i]) for i in members):
        return None
    return tuple(may_report(analyzed[i]) for i in members)


def news_only(analyzed: Sequence[AnalyzedArticle], members: Sequence[int], may_state: MayState | None) -> MayState | None:
    """What a story's summary may state: never an opinion piece's sentences as the story's news
    (`rank.may_report`), unless every report in the story is opinion (the page then labels the
    story "Opinion")."""
    if not any(may_report(analyzed[i]) for i in members if 0 <= i < len(analyzed)):
        return may_state
    return lambda a, s: may_report(a) and (may_state is None or may_state(a, s))


# --- ranking -----------------------------------------------------------------------------------


def _prominence(a: AnalyzedArticle) -> float:
    headline = 0.5 if a.article.title_derived else 1.0
    return headline * min(1.0, len(a.sentences) / FULL_REPORT_SENTENCES)


def _place_regex() -> tuple[re.Pattern, dict[str, str]]:
    """Every form that names a country (its names, demonyms, capitals), the longest at each place."""
    return place_pattern(), place_forms()


def _officials_and_countries(a: AnalyzedArticle) -> tuple[int, int]:
    """How many officials (a government title: minister, president, ambassador, ...) and how
    many countries the article names."""
    officials = {p.name for p in a.participants if p.title and GOV_TITLE.search(p.title)}
    return len(officials), _countries_named(a.article.title + "\n" + "\n".join(a.sentences[:EVENT_SENTENCES]))


@lru_cache(maxsize=4096)
def _countries_named(text: str) -> int:
    """How many countries `text` names (kept per text for the next build in this process)."""
    regex, forms = _place_regex()
    return len({forms[m.group(0)] for m in regex.finditer(text)})


def public_affairs(a: AnalyzedArticle) -> float:
    """How much an article is about public affairs, 0 to 1: the officials it names and the
    countries it names, each counted up to `PUBLIC_AFFAIRS_FULL` and weighing half. A policy
    brief's reader weighs a summit above a match report; a market report names many countries
    but few officials."""
    officials, countries = _officials_and_countries(a)
    return (min(officials, PUBLIC_AFFAIRS_FULL) + min(countries, PUBLIC_AFFAIRS_FULL)) / (2 * PUBLIC_AFFAIRS_FULL)


def story_beat(analyzed: Sequence[AnalyzedArticle], members: Sequence[int]) -> str:
    """A story's beat (`rank.story_section`), except that a crime story with a state angle
    (`STATE_ANGLE`) is public affairs: world when its most public report names two countries or
    more (a case between states), else politics (officials charged, a case against a state body)."""
    section = story_section(analyzed, members)
    if section != "crime" or not members:
        return section
    most_public = max(members, key=lambda i: public_affairs(analyzed[i]))
    if public_affairs(analyzed[most_public]) < STATE_ANGLE:
        return section
    return "world" if _officials_and_countries(analyzed[most_public])[1] >= 2 else "politics"


def _day(date: str | None) -> dt.date | None:
    try:
        return dt.date.fromisoformat(date[:10]) if date else None
    except ValueError:
        return None


def _days_before(newest: dt.date | None, date: str | None) -> int:
    day = _day(date)
    return max(0, (newest - day).days) if newest and day else 0


def rank_score(reports: int, outlets: int, prominence: float, days_old: int, public: float = 0.0) -> float:
    """A story's rank before focus: coverage, outlets, prominence (a full report under a real
    headline, about public affairs) and recency (see the weights)."""
    return (COVERAGE_WEIGHT * math.log2(1 + reports) + OUTLET_WEIGHT * math.log2(1 + outlets)
            + PROMINENCE_WEIGHT * prominence + PUBLIC_AFFAIRS_WEIGHT * public
            + RECENCY_WEIGHT * 0.5 ** days_old)


# --- stories -----------------------------------------------------------------------------------


def _lead_order(vectors, members: list[int], analyzed: Sequence[AnalyzedArticle], kept: list[int]) -> list[int]:
    """The story's kept articles, the one closest to the story's centre first (a news report
    before an opinion piece, a real headline preferred, then the fuller report), then the others
    by closeness."""
    rows = vectors[members]
    centre = np.asarray(rows.mean(axis=0)).ravel()
    closeness = np.asarray(rows @ centre).ravel()
    order = sorted(range(len(members)), key=lambda k: (  # a report before an opinion piece (issue 16)
        analyzed[kept[members[k]]].article.opinion,
        analyzed[kept[members[k]]].article.title_derived, -round(float(closeness[k]), 6),
        -len(analyzed[kept[members[k]]].sentences), members[k]))
    return [kept[members[k]] for k in order]


def build_stories(
    analyzed: Sequence[AnalyzedArticle],
    *,
    focus: Sequence[str] = (),
    only_focus: bool = False,
    distance: float = EVENT_DISTANCE,
    may_state: MayState | None = None,
    beats: Sequence[str] = DEFAULT_BEATS,
    exclude_beats: Sequence[str] = DEFAULT_EXCLUDED,
    summarize: bool = True,
) -> list[Story]:
    """The day's stories, best first (`rank.story_order_key`). Every article belongs to exactly
    one story.

    Story ids are ``s1``, ``s2``, ... in rank order. With `only_focus`, stories not about the
    focus get ``shown=False``, unless no story is about it (then every story stays shown; see
    `focus_note`). Each story's summary (`story_summary`) gets the budget its rank gives it
    (`summary_budget`); `may_state` keeps sentences out of the summaries, and so does an opinion
    piece's standing as one (`rank.may_report`). Stories on `exclude_beats` get ``shown=False``
    too (`rank.excluded_note`). Without `summarize`, the stories have no summaries yet (the
    brief links them to earlier days first: `summarize_stories`).
    """
    analyzed = classified(analyzed)  # the caller's articles stay as they were
    if not analyzed:
        return []
    for a in analyzed:  # story summaries, blocks and key points rank their sentences again
        remember_ranking(a.sentences, a.ranking)
    focus = parse_focus(focus)
    copies = find_duplicates(analyzed)
    copied = {c for cs in copies.values() for c in cs}
    kept = [i for i in range(len(analyzed)) if i not in copied]
    members_of_day = [analyzed[i] for i in kept]
    vectors, blocks = event_blocks(members_of_day)
    groups = agglomerate(vectors, distance, look_alike_veto(blocks, article_days(members_of_day)))
    names = focus_matcher(focus) if focus else None
    newest = max((d for d in (_day(a.article.date) for a in analyzed) if d), default=None)

    drafts = []
    for members in groups:
        lead_first = _lead_order(vectors, members, analyzed, kept)
        ordered = [k for i in lead_first for k in [i] + copies.get(i, [])]
        outlets = _outlets(analyzed, ordered)
        days_old = min(_days_before(newest, analyzed[i].article.date) for i in ordered)
        prominence = max(_prominence(analyzed[i]) for i in lead_first)
        # articles that name no outlet were carried by at least one, perhaps one of those named
        unnamed = any(outlet(analyzed[i]) is None for i in ordered)
        public = max(public_affairs(analyzed[i]) for i in lead_first)
        score = rank_score(len(lead_first), max(len(outlets), int(unnamed)), prominence, days_old, public)
        about = False
        if names is not None:
            hits = _focus_hits(analyzed, ordered, names)
            about = _about_focus(hits, len(ordered))
            if about:
                score += FOCUS_WEIGHT * hits.headline_or_lead / len(ordered)
        story = Story(
            id="",
            title=analyzed[lead_first[0]].article.title,
            articles=ordered,
            outlets=outlets,
            duplicates={i: list(copies[i]) for i in lead_first if i in copies},
            score=round(score, 4),
            focus=about,
            section=(beat := story_beat(analyzed, ordered)),
            beat_label=beat_label(beat),
            opinion=opinion_only(analyzed, ordered),
        )
        drafts.append(story)

    drafts.sort(key=lambda s: story_order_key(s, beats))
    if only_focus and any(s.focus for s in drafts):
        for s in drafts:
            s.shown = s.focus
    for s in drafts:
        if s.section in exclude_beats and not s.focus:
            s.shown = False
    for rank, s in enumerate(drafts, 1):
        s.id = f"s{rank}"
    if summarize:
        summarize_stories(analyzed, drafts, may_state)
    return drafts


def focus_note(stories: Sequence[Story], focus: Sequence[str], only_focus: bool) -> str | None:
    """What the page says about the focus: the stories ``only_focus`` left out, or that no story
    is about the focus. None when there is nothing to say."""
    terms = parse_focus(focus)
    if not terms:
        return None
    label = ", ".join(terms)
    if not any(s.focus for s in stories):
        return f"no story is about the focus ({label})" + ("; every story is shown" if only_focus else "")
    if not only_focus:
        return None
    hidden = [s for s in stories if not s.shown]
    if not hidden:
        return None
    articles = sum(len(s.articles) for s in hidden)
    return (f"{len(hidden)} other stor{'y' if len(hidden) == 1 else 'ies'} ({articles} article"
            f"{'' if articles == 1 else 's'}) not about the focus ({label})")
