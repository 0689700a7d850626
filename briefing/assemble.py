"""Choose and rank what the one-page brief shows, across all the day's articles.

`assemble_brief` turns analyzed articles into a `Brief`: the key points (a multi-document
summary drawn only from the articles' own summaries), the quotes worth the reader's time, and
the people involved, each list ranked best first so that fitting the page can drop from the end.
"""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter

from .model import AnalyzedArticle, Brief, KeyPoint, Participant, Quote

MAX_PER_SPEAKER = 3
"""Quotes one speaker may have before every other speaker's quotes have been considered."""

READABLE_QUOTE = (40, 320)
"""Characters: a quote shorter than this says little, a longer one eats the column."""

PAGE_SIZES = ("a4", "letter")


# --- key points ------------------------------------------------------------------------------


def _key_points(analyzed: list[AnalyzedArticle], count: int) -> list[KeyPoint]:
    if count <= 0 or not analyzed:
        return []
    documents = [a.sentences for a in analyzed]
    candidates = [list(a.summary_rank or a.summary) for a in analyzed]
    try:
        from .summarize import near_duplicate, select_key_points
    except ImportError:  # summarize not available: each summary's best sentences in turn
        picks: list[tuple[int, int]] = []
        depth = max((len(c) for c in candidates), default=0)
        for level in range(depth):
            for d, c in enumerate(candidates):
                if level < len(c):
                    picks.append((d, c[level]))
        near_duplicate = _near_duplicate
    else:
        picks = select_key_points(documents, count=count, candidates=candidates)
    points: list[KeyPoint] = []
    for d, i in picks:
        if i not in set(analyzed[d].summary):  # key points come only from the summaries
            continue
        text = analyzed[d].sentences[i].strip()
        if any(near_duplicate(text, p.text) for p in points):
            continue
        points.append(KeyPoint(text=text, article=d, sentence=i))
        if len(points) >= count:
            break
    return points


# --- quotes ----------------------------------------------------------------------------------

_WORD = re.compile(r"\w+", re.UNICODE)


def _words(text: str) -> set[str]:
    return {w.lower() for w in _WORD.findall(text) if len(w) > 2}


def _near_duplicate(a: str, b: str) -> bool:
    """Fallback when summarize is not importable: most words of the shorter occur in the longer."""
    wa, wb = _words(a), _words(b)
    if not wa or not wb:
        return a.strip().lower() == b.strip().lower()
    return len(wa & wb) / min(len(wa), len(wb)) >= 0.8


def _quote_duplicate(a: str, b: str) -> bool:
    try:
        from .summarize import near_duplicate
    except ImportError:
        near_duplicate = _near_duplicate
    return near_duplicate(a, b)


def quote_rank_score(q: Quote) -> float:
    """Quote.score plus what makes a quote good on the page: a named speaker, readable length."""
    score = float(q.score or 0.0)
    if q.speaker:
        score += 1.0
        if q.title:
            score += 0.2
    n = len(q.text.strip())
    low, high = READABLE_QUOTE
    if n < low:
        score -= 1.5 * (low - n) / low  # a fragment: up to -1.5, more than a name is worth
    elif n > high:
        score -= min(1.5, (n - high) / high)
    return score


def _speaker_key(q: Quote) -> str:
    return (q.speaker or "").strip().lower()


def rank_quotes(analyzed: list[AnalyzedArticle], max_quotes: int | None = 8) -> list[Quote]:
    """All articles' quotes, near-duplicates dropped, best first, speakers taking turns.

    A speaker gets at most `MAX_PER_SPEAKER` quotes before every other speaker's quotes have
    had their turn; further quotes from them follow after the rest.
    """
    pool: list[Quote] = []
    for a in analyzed:
        for q in a.quotes:
            if not q.text or not q.text.strip():
                continue
            if not q.article:
                q.article = a.article.path
            pool.append(q)
    # Stable: on equal scores, earlier articles and earlier quotes first.
    pool.sort(key=quote_rank_score, reverse=True)
    unique: list[Quote] = []
    for q in pool:
        if any(_quote_duplicate(q.text, u.text) for u in unique):
            continue
        unique.append(q)
    first: list[Quote] = []
    later: list[Quote] = []
    per_speaker: Counter[str] = Counter()
    for q in unique:
        key = _speaker_key(q)
        if key and per_speaker[key] >= MAX_PER_SPEAKER:
            later.append(q)
        else:
            per_speaker[key] += 1
            first.append(q)
    ranked = first + later
    return ranked if max_quotes is None else ranked[:max_quotes]


# --- participants ----------------------------------------------------------------------------


def _fallback_merge(lists: list[list[Participant]]) -> list[Participant]:
    merged: dict[str, Participant] = {}
    for plist in lists:
        for p in plist:
            key = " ".join(p.name.split()).lower()
            if key not in merged:
                merged[key] = Participant(
                    name=p.name, title=p.title, affiliation=p.affiliation, quoted=p.quoted,
                    mentions=p.mentions, articles=list(p.articles),
                )
                continue
            m = merged[key]
            m.title = m.title or p.title
            m.affiliation = m.affiliation or p.affiliation
            m.quoted = m.quoted or p.quoted
            m.mentions += p.mentions
            m.articles += [a for a in p.articles if a not in m.articles]
    return list(merged.values())


def rank_participants(participants: list[Participant]) -> list[Participant]:
    """Quoted people first, then the most mentioned, then those with a title."""
    return sorted(
        participants,
        key=lambda p: (not p.quoted, -(p.mentions or 0), not p.title, -len(p.articles)),
    )


def _participants(analyzed: list[AnalyzedArticle]) -> list[Participant]:
    lists = []
    for a in analyzed:
        for p in a.participants:
            if not p.articles:
                p.articles = [a.article.path]
        lists.append(a.participants)
    try:
        from .people import merge_participants
    except ImportError:
        merged = _fallback_merge(lists)
    else:
        merged = merge_participants(lists)
    return rank_participants(merged)


# --- title -----------------------------------------------------------------------------------


_PLACES = {
    "u.s.", "us", "usa", "the united states", "america", "uk", "u.k.", "britain", "great britain",
    "russia", "iran", "syria", "vietnam", "taiwan", "laos", "bolivia", "venezuela", "tanzania",
    "moldova", "north korea", "south korea", "korea", "european union", "eu", "palestine",
}


def _is_place(name: str) -> bool:
    """A country: a name pycountry knows exactly (when installed), or a common short form."""
    if name.strip().lower() in _PLACES:
        return True
    try:
        import pycountry
    except ImportError:
        return False
    try:
        pycountry.countries.lookup(name.strip())
        return True
    except LookupError:
        return False


def derive_title(analyzed: list[AnalyzedArticle], participants: list[Participant] | None = None) -> str:
    """"Daily Brief" plus the places the day's people come from most often (at most three).

    Counted once per article a place appears in, so one long article cannot name the day.
    """
    counts: Counter[str] = Counter()
    for a in analyzed:
        places = {p.affiliation.strip() for p in a.participants if p.affiliation and p.affiliation.strip()}
        counts.update(places)
    if not counts and participants:
        counts.update(p.affiliation for p in participants if p.affiliation)
    places = [name for name, _ in counts.most_common() if _is_place(name)][:3]
    if not places:
        return "Daily Brief"
    if len(places) == 1:
        topic = places[0]
    else:
        topic = ", ".join(places[:-1]) + " and " + places[-1]
    return f"Daily Brief: {topic}"


# --- the brief -------------------------------------------------------------------------------


def assemble_brief(
    analyzed: list[AnalyzedArticle],
    title: str | None = None,
    date: dt.date | None = None,
    page_size: str = "a4",
    key_points: int = 5,
    max_quotes: int = 8,
) -> Brief:
    """Merge analyzed articles into a `Brief`; every list ranked best first."""
    page_size = (page_size or "a4").lower()
    if page_size not in PAGE_SIZES:
        from .model import BriefingError

        raise BriefingError(f"page size must be one of {', '.join(PAGE_SIZES)}, not {page_size!r}")
    analyzed = list(analyzed)
    participants = _participants(analyzed)
    title = (title or "").strip() or derive_title(analyzed, participants)
    return Brief(
        title=title,
        date=date or dt.date.today(),
        articles=analyzed,
        key_points=_key_points(analyzed, key_points),
        quotes=rank_quotes(analyzed, max_quotes),
        participants=participants,
        page_size=page_size,
    )
