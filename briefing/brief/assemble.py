"""Choose and rank what the one-page brief shows, across all the day's articles.

`assemble_brief` turns analyzed articles into a `Brief`: the day's stories (`stories.py`), the
key points (one self-contained sentence per leading story, `points.py`), the quotes worth the
reader's time (each leading story's key quote first, copies carried by several outlets merged),
and the people involved, each list ranked best first so that fitting the page can drop from the
end.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import re
from collections import Counter
from collections.abc import Sequence
from functools import lru_cache

from briefing.memo import Memo
from briefing.model import AnalyzedArticle, Brief, BriefingError, Participant, Quote, Story
from briefing.analyze.people import merge_participants
from briefing.analyze.summarize import near_duplicate
from briefing.brief.blocks import page_summaries
from briefing.brief.points import key_point_count, story_key_points
from briefing.brief.focus import parse_focus
from briefing.brief.rank import DEFAULT_BEATS, DEFAULT_EXCLUDED, KEY_POINT_TIER, beat_tier, classified, excluded_note
from briefing.brief.history import EarlierBrief, link_stories
from briefing.brief.stories import build_stories, focus_note, summarize_stories
from briefing.vocabulary.places import place_forms, place_pattern

MAX_PER_SPEAKER = 3
"""Quotes one speaker may have before every other speaker's quotes have been considered."""

EXPLICIT_BONUS = 0.3
"""Of two quotes otherwise alike, the one whose own sentence names its speaker comes first: the
reader can check it at a glance, and such attributions are the surest (benchmarks/page_quotes.py).
Less than a title's and a full name's worth together, so it reorders near ties only."""

READABLE_QUOTE = (40, 320)
"""Characters: a quote shorter than this says little, a longer one eats the column."""

PAGE_SIZES = ("a4", "letter")


# --- quotes ----------------------------------------------------------------------------------

_WORD = re.compile(r"\w+", re.UNICODE)


def quote_rank_score(q: Quote) -> float:
    """Quote.score plus what makes a quote good on the page: a named speaker, readable length."""
    score = float(q.score or 0.0)
    if q.speaker:
        score += 1.0
        if q.title:
            score += 0.2
        if q.attribution == "explicit":
            score += EXPLICIT_BONUS
    n = len(q.text.strip())
    low, high = READABLE_QUOTE
    if n < low:
        score -= 1.5 * (low - n) / low  # a fragment: up to -1.5, more than a name is worth
    elif n > high:
        score -= min(1.5, (n - high) / high)
    return score


PRINTED_ATTRIBUTIONS = frozenset({"explicit", "resolved"})
"""What the page prints: quotes whose speaker the text names or describes in the quote's own
sentence, or that the analysis resolved beyond doubt (`Quote.attribution`). An uncertain one is
never printed with a guessed name; it stays in the articles' records in brief.json."""


def printable(q: Quote) -> bool:
    """Whether the page may print `q`: a speaker the text stands behind, and words that stand as a
    sentence of their own (`opens_a_sentence`)."""
    return bool(q.speaker) and q.attribution in PRINTED_ATTRIBUTIONS and opens_a_sentence(q.text or "")


_LEAD = re.compile(r"[\s\[(‘'“\"]*")


def opens_a_sentence(text: str) -> bool:
    """Whether quoted words open as a sentence (a capital or a figure first): words that open in
    lower case or with an ellipsis go on from the writer's own sentence ("There was, she said, “an
    implicit bargain.”", the second half of a broken quote) and mean little alone on the page."""
    words = text.strip()
    if not words or words.startswith(("...", "…")):
        return False
    first = words[_LEAD.match(words).end():][:1]
    return first.isupper() or first.isdigit()


def _speaker_key(q: Quote) -> str:
    return (q.speaker or "").strip().lower()


def rank_quotes(analyzed: list[AnalyzedArticle], max_quotes: int | None = 8) -> list[Quote]:
    """All articles' printable quotes (`printable`), near-duplicates dropped, best first, speakers
    taking turns.

    A speaker gets at most `MAX_PER_SPEAKER` quotes before every other speaker's quotes have
    had their turn; further quotes from them follow after the rest.
    """
    pool: list[Quote] = []
    for a in analyzed:
        for q in a.quotes:
            if not printable(q):
                continue
            if not q.article:  # a copy that names its article: the analysis's own quote stays as it was
                q = dataclasses.replace(q, article=a.article.path)
            pool.append(q)
    # Stable: on equal scores, earlier articles and earlier quotes first.
    pool.sort(key=quote_rank_score, reverse=True)
    # In rank order, each quote compared only with the quotes kept before it, and only until
    # `max_quotes` have their turn: a 5 MB article has 11,000 quotes and the page shows 8.
    limit = None if max_quotes is None else max(0, max_quotes)
    unique: list[Quote] = []
    first: list[Quote] = []
    later: list[Quote] = []
    per_speaker: Counter[str] = Counter()
    for q in pool:
        if limit is not None and len(first) >= limit:
            break
        key = _speaker_key(q)
        to_later = bool(key) and per_speaker[key] >= MAX_PER_SPEAKER
        if to_later and limit is not None and len(later) >= limit:
            continue  # could never be shown: not worth a comparison
        if any(near_duplicate(q.text, u.text) for u in unique):
            continue
        unique.append(q)
        if to_later:
            later.append(q)
        else:
            per_speaker[key] += 1
            first.append(q)
    ranked = first + later
    return ranked if max_quotes is None else ranked[:max_quotes]


STORY_QUOTE_SHARE = 0.5
"""Of the quotes the brief offers, at most this share goes first to the leading stories, one
each (the story's key quote); the rest are the day's best, wherever they come from."""


def story_quotes(analyzed: list[AnalyzedArticle], stories: list[Story], max_quotes: int = 8,
                  beats: Sequence[str] = DEFAULT_BEATS) -> list[Quote]:
    """The brief's quotes, best first: the key quote of each leading story (its best quote with
    a named speaker), in story order, then the day's best other quotes, those of stories of public
    interest before those of the light beats (`rank.KEY_POINT_TIER`). A quote carried by
    several articles appears once, with every article that carries it in `Quote.sources`."""
    if max_quotes <= 0:
        return []
    firsts: list[Quote] = []
    for story in stories:
        if len(firsts) >= max(1, int(max_quotes * STORY_QUOTE_SHARE)):
            break
        if not story.shown:
            continue
        best = rank_quotes([analyzed[i] for i in story.articles if 0 <= i < len(analyzed)], 1)
        if best and best[0].speaker and not any(near_duplicate(best[0].text, f.text) for f in firsts):
            firsts.append(best[0])
    shown = {i for s in stories if s.shown for i in s.articles}
    public = {i for s in stories if s.shown and beat_tier(s.section, beats) >= KEY_POINT_TIER for i in s.articles}
    pool = [a for i, a in enumerate(analyzed) if not stories or i in shown]
    if stories:  # issue 16: a match report's quote comes after the quotes on public affairs
        ranked = (rank_quotes([a for i, a in enumerate(analyzed) if i in public], max_quotes + len(firsts))
                  + rank_quotes([a for i, a in enumerate(analyzed) if i in shown - public], max_quotes + len(firsts)))
    else:
        ranked = rank_quotes(pool, max_quotes + len(firsts))
    rest = [q for q in ranked if not any(q is f or near_duplicate(q.text, f.text) for f in firsts)]
    chosen = (firsts + rest)[:max_quotes]
    return [dataclasses.replace(q, sources=carried_by(q, analyzed)) for q in chosen]


def carried_by(quote: Quote, analyzed: list[AnalyzedArticle]) -> list[str]:
    """Paths of the articles that carry `quote`: its own first, then every other article with a
    near-duplicate of it (the same wire copy, or the quote as another outlet trimmed it)."""
    paths = [quote.article] if quote.article else []
    for a in analyzed:
        path = a.article.path
        if path in paths:
            continue
        if any(q.text and near_duplicate(quote.text, q.text) for q in a.quotes):
            paths.append(path)
    return paths


# --- participants ----------------------------------------------------------------------------


def rank_participants(participants: list[Participant]) -> list[Participant]:
    """Quoted people first, then the most mentioned, then those with a title."""
    return sorted(
        participants,
        key=lambda p: (not p.quoted, -(p.mentions or 0), not p.title, -len(p.articles)),
    )


def _participants(analyzed: list[AnalyzedArticle]) -> list[Participant]:
    lists = []
    for a in analyzed:  # each named with its article (copies: the analysis's records stay as they were)
        lists.append([p if p.articles else dataclasses.replace(p, articles=[a.article.path]) for p in a.participants])
    # a participant's country is what the analysis found the text binds to them, else none
    # ("Other" on the page): never inferred here from a headline or the places an article names
    return rank_participants(merge_participants(lists))


# --- title -----------------------------------------------------------------------------------

# what a place named in a headline or a summary sentence counts against one in any sentence (1):
# the headline says what the article is about, its summary what it reports (`topic_scores`)
_HEADLINE_WEIGHT = 3
_SUMMARY_WEIGHT = 2
_CLOSE = 0.8
"""A second place is named in the title when it scores at least this share of the first."""

def _place_table():
    """(the regex of every place form, the longest at each place: `places.place_pattern`;
    form -> place shown)."""
    return place_pattern(), place_forms()


def place_mentions(text: str) -> Counter:
    """Places a text names, once per place: {"North Korea": 1, ...} (case-sensitive names)."""
    return Counter(dict.fromkeys(_places_named(text), 1))


@lru_cache(maxsize=65536)
def _places_named(text: str) -> tuple[str, ...]:
    """The places `text` names, each once, in the order it first names them (kept per text: the
    day's sentences are read again by the next build in this process, ``serve``)."""
    regex, names = _place_table()
    return tuple(dict.fromkeys(names[m.group(0)] for m in regex.finditer(text)))


def topic_scores(analyzed: list[AnalyzedArticle]) -> Counter:
    """How much the day's text is about each place: sentences naming it, counted once each.

    A sentence counts 1, a summary sentence 2, a headline 3 (derived headlines are the lead, so
    they count as the lead does).
    """
    scores: Counter[str] = Counter()
    for a in analyzed:
        summary = set(a.summary)
        sentences = a.sentences or [a.article.text]
        named = Counter()
        for i, s in enumerate(sentences):
            w = _SUMMARY_WEIGHT if i in summary else 1
            for place in place_mentions(s):
                named[place] += w
        if not a.article.title_derived:
            for place in place_mentions(a.article.title):
                named[place] += _HEADLINE_WEIGHT
        scores.update(named)
    return scores


def derive_title(analyzed: list[AnalyzedArticle], participants: list[Participant] | None = None, *,
                 stories: Sequence[Story] | None = None, focus: Sequence[str] = ()) -> str:
    """"Daily Brief: " plus what the day is about.

    The analyst's focus when there is one ("Daily Brief: North Korea and Six-Party Talks");
    else the place the day's articles are most about, or two when close (places are counted in
    the articles' own text: names, demonyms, capitals; see `topic_scores`), when one of the
    leading stories is about it too; else (a mixed day) the place most leading stories are
    about, or each one's place ("Daily Brief: China, Kenya and Canada"), or the lead story's
    headline. `stories` are built when not given. When the text
    names no place, the brief is just "Daily Brief".
    """
    terms = parse_focus(focus)
    if terms:
        return "Daily Brief: " + _joined([_headline_case(t) for t in terms[:_TITLE_PLACES]])
    per_article = [topic_scores([a]) for a in analyzed]  # each article's text is read once
    ranked = sum(per_article, Counter()).most_common()
    if not ranked:
        return "Daily Brief"
    (first, top), rest = ranked[0], ranked[1:]
    spread = _coverage(analyzed, per_article)
    if stories is None:
        stories = build_stories(analyzed)
    if not _dominates(first, top, rest, spread, len(analyzed)) or (
            len(analyzed) >= 3 and first not in _story_places(stories, per_article)):
        # no place dominates, or the one named most is not what the leading stories are about
        return _leading_stories_title(stories, per_article)
    if rest and rest[0][1] >= _CLOSE * top and rest[0][1] > 1:
        second = rest[0][0]
        if len(rest) > 1 and rest[1][1] == rest[0][1]:  # a three-way tie says nothing: one place
            return f"Daily Brief: {first}"
        if len(analyzed) >= 3 and spread.get(second, 0) < _MIN_COVERAGE * len(analyzed):
            return f"Daily Brief: {first}"
        return f"Daily Brief: {first} and {second}"
    return f"Daily Brief: {first}"


_TITLE_PLACES = 3
"""A mixed day's title names the places of at most this many leading stories (or focus terms)."""
_TITLE_HEADLINE_WORDS = 10
"""A lead story's headline longer than this does not make a title."""
_SMALL_WORDS = frozenset("a an and as at by for from in of on or the to vs with".split())


def _joined(items: list[str]) -> str:
    return items[0] if len(items) == 1 else ", ".join(items[:-1]) + " and " + items[-1]


def _headline_case(term: str) -> str:
    """"six-party talks" -> "Six-Party Talks"; words the analyst capitalised stay as written."""
    def word(w: str, first: bool) -> str:
        if any(c.isupper() for c in w) or (not first and w in _SMALL_WORDS):
            return w
        return "-".join(part[:1].upper() + part[1:] for part in w.split("-"))
    return " ".join(word(w, k == 0) for k, w in enumerate(term.split()))


def _story_places(stories: Sequence[Story], per_article: list[Counter]) -> list[str]:
    """The place each leading shown story is most about (a story that names none gives none)."""
    places = []
    for story in [s for s in stories if s.shown][:_TITLE_PLACES]:
        counts = sum((per_article[i] for i in story.articles if i < len(per_article)), Counter())
        if counts:
            places.append(counts.most_common(1)[0][0])
    return places


def _leading_stories_title(stories: Sequence[Story], per_article: list[Counter]) -> str:
    """The place most of the leading shown stories are about; else each one's place ("China, Kenya
    and Canada"); else the lead story's headline."""
    places = _story_places(stories, per_article)
    if places:
        place, count = Counter(places).most_common(1)[0]
        if count >= 2:
            return f"Daily Brief: {place}"
    distinct = list(dict.fromkeys(places))
    if len(distinct) >= 2:
        return "Daily Brief: " + _joined(distinct)
    lead = next((s for s in stories if s.shown), None)
    if lead is not None and len(lead.title.split()) <= _TITLE_HEADLINE_WORDS:
        return "Daily Brief: " + lead.title.strip()
    return "Daily Brief: " + distinct[0] if distinct else "Daily Brief"


_MIN_COVERAGE = 0.4
"""On a day of three or more articles, a place named in the title appears in at least this share
of them."""
_AHEAD = 1.25
"""...and scores at least this much more than the next place, or is named with it."""


def _coverage(analyzed: list[AnalyzedArticle], per_article: list[Counter] | None = None) -> Counter:
    """In how many articles each place is named at all (text or headline)."""
    seen: Counter[str] = Counter()
    for k, a in enumerate(analyzed):
        places = set(per_article[k] if per_article is not None else topic_scores([a]))
        seen.update(places)
    return seen


def _dominates(first: str, top: int, rest: list, spread: Counter, n: int) -> bool:
    """Whether the day is about `first`: one or two articles always are about their top place;
    more must name it in enough of them, with its score clearly ahead of the next place's (or
    the next place, close behind, is named in enough of them too: "A and B")."""
    if n < 3:
        return True
    if spread.get(first, 0) < _MIN_COVERAGE * n:
        return False
    if rest and rest[0][1] * _AHEAD > top:
        second = rest[0][0]
        close_pair = rest[0][1] >= _CLOSE * top and spread.get(second, 0) >= _MIN_COVERAGE * n
        three_way = len(rest) > 1 and rest[1][1] * _AHEAD > top
        return close_pair and not three_way
    return True


# --- the brief -------------------------------------------------------------------------------


def assemble_brief(
    analyzed: list[AnalyzedArticle],
    title: str | None = None,
    date: dt.date | None = None,
    page_size: str = "a4",
    key_points: int | None = None,
    max_quotes: int = 8,
    focus: Sequence[str] = (),
    only_focus: bool = False,
    beats: Sequence[str] | None = None,
    exclude_beats: Sequence[str] | None = None,
    history: Sequence[EarlierBrief] = (),
    memo: Memo | None = None,
) -> Brief:
    """Merge analyzed articles into a `Brief`; every list ranked best first.

    The articles are grouped into stories (`build_stories`, ranked), matched with the earlier
    briefs' in `history` (`history.link_stories`) and then summarized, a continuing story by
    what the earlier briefs did not say (`stories.summarize_stories`); the key points are one
    self-contained sentence for each leading story (`key_points` of them at most, by default
    `key_point_count` of the stories: 3 to 5), the quotes each leading story's key quote and then
    the day's best, with copies merged; each shown story's block summary says what the key points
    and quotes do not (`blocks.page_summaries`). `memo` keeps the stories' summaries between
    builds of one process (``serve``; `briefing.memo`). The analyzed articles given are left as
    they were: an article ingest did not classify is classified on a copy (`rank.classified`),
    and a quote or participant that names no article is named on a copy.
    """
    page_size = (page_size or "a4").lower()
    if page_size not in PAGE_SIZES:
        raise BriefingError(f"page size must be one of {', '.join(PAGE_SIZES)}, not {page_size!r}")
    analyzed = classified(analyzed)
    beats = DEFAULT_BEATS if beats is None else tuple(beats)
    exclude_beats = DEFAULT_EXCLUDED if exclude_beats is None else tuple(exclude_beats)
    stories = build_stories(analyzed, focus=focus, only_focus=only_focus, beats=beats, exclude_beats=exclude_beats,
                            summarize=False)
    date = date or dt.date.today()
    quiet = link_stories(stories, analyzed, history, date)
    summarize_stories(analyzed, stories, memo=memo)  # a continuing story's summary says what earlier briefs did not
    participants = _participants(analyzed)
    title = (title or "").strip() or derive_title(analyzed, participants, stories=stories, focus=focus)
    quotes = story_quotes(analyzed, stories, max_quotes, beats)
    shown = [s for s in stories if s.shown]
    if key_points is None:
        key_points = key_point_count(len(shown))
    points = story_key_points(analyzed, shown, key_points, quotes, beats=beats)
    stories = page_summaries(analyzed, stories, points, quotes)  # each block says what the points and quotes do not
    return Brief(
        title=title,
        date=date,
        articles=analyzed,
        key_points=points,
        quotes=quotes,
        participants=participants,
        stories=stories,
        focus=parse_focus(focus),
        page_size=page_size,
        omitted=[n for n in (focus_note(stories, focus, only_focus), excluded_note(stories, exclude_beats)) if n],
        since=[{"date": b.date.isoformat(), "path": str(b.path)} for b in history if b.date < date],
        quiet=quiet,
    )
