"""Stories across days: which of today's stories continue one that an earlier brief reported.

A brief.json keeps, for each story, what a later day needs to recognise it (`story_evidence`):
per article (copies aside) its id, date and strongest event terms, block by block as
clustering weighs them (`features.event_features`: content words, names, years, other numbers),
not its text. `load_brief` reads a brief back: its stories, their evidence, and the sentences
their articles said (what the reader of a continuing story already knows).

`link_stories` compares today's stories with the earlier briefs' by the same notion of one
real-world event as within a day: a story of today continues an earlier one when, clustered
together as one day's articles are (TF-IDF, `clusters.feature_vectors`, with IDF over every
article compared; average linkage cut at `EVENT_DISTANCE`, `clusters.agglomerate`), some of
their articles fall in one group. Today's stories stay as the day formed them. A
look-alike event (another earthquake, another match, another robbery) shares the kind of words
but not the names, places, dates and numbers, so it is a new story, as it is a separate story
within a day.

A continuing story gets `status` "continuing", `first_seen` (the first brief that reported it,
through the chain of earlier briefs), `previous` (the latest earlier brief's story), `day` (how
many briefs have reported it) and `known` (what the earlier briefs' articles of it said: the
already-known content an update summary leaves for what is new). The latest earlier brief's
shown stories that no story of today continues are the day's quiet stories ("No new reports").
"""

from __future__ import annotations

import datetime as dt
import heapq
import json
import os
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from scipy import sparse

from briefing.brief.clusters import EVENT_DISTANCE, agglomerate, feature_vectors
from briefing.brief.features import event_features
from briefing.model import AnalyzedArticle, Article, InputError, Story

__all__ = [
    "EarlierBrief", "EarlierStory", "load_brief", "load_history", "story_evidence", "link_stories",
    "link_previous_pages", "TERMS_KEPT",
]

TERMS_KEPT = {"words": 60, "names": 25, "years": 6, "numbers": 12}
"""Terms brief.json keeps per article and block, the strongest first: enough to tell one event
from its look-alike (the names, years and numbers a report gives are far fewer than its words),
a small fraction of the text. Both sides of a comparison are cut the same way. Chosen on the
tuning half of the ECB+ two-day benchmark (benchmarks/since.py), checked on the other."""

BLOCKS = tuple(TERMS_KEPT)
BRIEF_FILE = "brief.json"


@dataclass
class EarlierStory:
    """A story as an earlier brief.json recorded it."""

    id: str
    title: str
    date: dt.date
    """The date of the brief that carried it."""
    index: int
    """Its place in that brief's story list (its block on that page is ``#st-<index>``)."""
    shown: bool
    first_seen: dt.date
    day: int
    features: list[dict[str, Counter]] = field(default_factory=list)
    known: list[str] = field(default_factory=list)
    """What its articles said: their sentences, else the story's summary."""


@dataclass
class EarlierBrief:
    date: dt.date
    path: Path
    """The brief.json read."""
    title: str = ""
    stories: list[EarlierStory] = field(default_factory=list)


# --- what a brief keeps ------------------------------------------------------------------------


def _strongest(counts: Counter, keep: int) -> dict[str, int]:
    # heapq.nsmallest is sorted(...)[:keep], without sorting the rest
    return dict(heapq.nsmallest(keep, counts.items(), key=_strength))


def _strength(kv: tuple[str, int]) -> tuple[int, str]:
    return -kv[1], kv[0]


def _trimmed(features: dict[str, Counter]) -> dict[str, Counter]:
    return {b: Counter(_strongest(features.get(b, Counter()), TERMS_KEPT[b])) for b in BLOCKS}


def kept_articles(story: Story) -> list[int]:
    """The story's articles less the near-duplicate copies (clustering compares only these)."""
    copies = {c for cs in story.duplicates.values() for c in cs}
    return [i for i in story.articles if i not in copies]


def story_evidence(analyzed: Sequence[AnalyzedArticle], story: Story) -> list[dict]:
    """What brief.json keeps of a story for later days: per article (copies aside) the article
    (its index in `analyzed`; its id in the record), its date and strongest event terms per
    block (`TERMS_KEPT`)."""
    out = []
    for i in kept_articles(story):
        if not 0 <= i < len(analyzed):
            continue
        a = analyzed[i]
        terms = _trimmed(event_features(a))
        out.append({"article": i, "date": a.article.date, **{b: dict(terms[b]) for b in BLOCKS}})
    return out


# --- reading an earlier brief ----------------------------------------------------------------


def _date(value, where: Path, what: str) -> dt.date:
    try:
        return dt.date.fromisoformat(str(value)[:10])
    except (TypeError, ValueError):
        raise InputError(where, f"{what} is not a date: {value!r}") from None


def _features_of(record: dict) -> dict[str, Counter]:
    out = {}
    for b in BLOCKS:
        raw = record.get(b)
        counts = Counter()
        if isinstance(raw, dict):
            counts.update({str(k): v for k, v in raw.items() if isinstance(v, (int, float)) and v > 0})
        out[b] = counts
    return out


def _from_article(record: dict) -> dict[str, Counter]:
    """Evidence for an article of a brief written before stories kept theirs: from its record."""
    article = Article(path=str(record.get("path") or ""), title=str(record.get("title") or ""),
                      paragraphs=[], date=record.get("date"))
    sentences = [s for s in record.get("sentences") or [] if isinstance(s, str)]
    return _trimmed(event_features(AnalyzedArticle(article, sentences, [], [])))


def _texts(sentences) -> list[str]:
    """A story's summary as a record gives it: sentence records (``text``; schema 2) or, in a
    brief.json of schema 1, the sentences themselves."""
    texts = [s.get("text") if isinstance(s, dict) else s for s in sentences or []]
    return [t for t in texts if isinstance(t, str)]


def _schema_major(data: dict) -> int:
    """The major version of a brief.json's record; 1 for one written before records had a
    ``schema_version`` (stories and quotes named articles by path, key points by index)."""
    try:
        return int(str(data.get("schema_version") or "1").split(".")[0])
    except ValueError:
        return 1


def _articles_by_reference(data: dict) -> dict[str, dict]:
    """The brief's article records by what its stories name them with: their ``id`` (schema 2
    on), their ``path`` before."""
    key = "id" if _schema_major(data) >= 2 else "path"
    return {a[key]: a for a in data.get("articles") or [] if isinstance(a, dict) and isinstance(a.get(key), str)}


def _earlier_story(raw: dict, index: int, date: dt.date, by_ref: dict, where: Path) -> EarlierStory:
    refs = [p for p in raw.get("articles") or [] if isinstance(p, str)]
    evidence = raw.get("event")
    if isinstance(evidence, list) and evidence:
        features = [_features_of(e) for e in evidence if isinstance(e, dict)]
    else:
        features = [_from_article(by_ref[p]) for p in refs if p in by_ref]
    known: list[str] = []
    for p in refs:
        known += [s for s in (by_ref.get(p) or {}).get("sentences") or [] if isinstance(s, str)]
    if not known:
        known = _texts(raw.get("summary"))
    first = raw.get("first_seen") if raw.get("status") == "continuing" else None
    day = raw.get("day")
    return EarlierStory(
        id=str(raw.get("id") or f"s{index + 1}"), title=str(raw.get("title") or ""), date=date, index=index,
        shown=bool(raw.get("shown", True)), first_seen=_date(first, where, "first_seen") if first else date,
        day=day if isinstance(day, int) and day >= 1 else 1, features=features, known=known)


def load_brief(path: str | os.PathLike) -> EarlierBrief:
    """An earlier brief, from its folder or its brief.json (of any schema version: one written
    before schema 2 names articles by path). `InputError` naming the file when it is missing or
    is not a brief's record."""
    where = Path(path)
    if where.is_dir():
        where = where / BRIEF_FILE
    try:
        data = json.loads(where.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise InputError(where, "no such brief (give a brief's folder or its brief.json)") from None
    except (OSError, UnicodeDecodeError) as exc:
        raise InputError(where, f"cannot read it ({getattr(exc, 'strerror', None) or exc})") from None
    except ValueError:
        raise InputError(where, "not a brief.json (not JSON)") from None
    if not isinstance(data, dict) or not isinstance(data.get("stories", []), list):
        raise InputError(where, "not a brief.json (no stories)")
    date = _date(data.get("date"), where, "the brief's date")
    by_ref = _articles_by_reference(data)
    stories = [_earlier_story(raw, k, date, by_ref, where)
               for k, raw in enumerate(data.get("stories") or []) if isinstance(raw, dict)]
    return EarlierBrief(date=date, path=where, title=str(data.get("title") or ""), stories=stories)


def load_history(paths: Iterable[str | os.PathLike]) -> list[EarlierBrief]:
    """Earlier briefs (folders or brief.json files), oldest first."""
    return sorted((load_brief(p) for p in paths), key=lambda b: b.date)


# --- matching --------------------------------------------------------------------------------


def _shared_groups(stories: Sequence[Story], old: list[EarlierStory], distance: float) -> list[Counter]:
    """For each of today's stories, how many of its articles fall in one group with each earlier
    story's articles (by index into `old`) when the two stories' articles are clustered
    together, as the articles of one day are (`clusters.agglomerate`, IDF over every article
    compared). Only pairs of stories with two articles closer than `distance` can share a group,
    so only those are clustered: the cost grows with the days compared, not with their square."""
    features, owner = [], []
    for k, story in enumerate(stories):
        features += [_features_of(e) for e in story.event]
        owner += [k] * len(story.event)
    split = len(features)
    for j, earlier in enumerate(old):
        features += earlier.features
        owner += [j] * len(earlier.features)
    shared = [Counter() for _ in stories]
    if not split or len(features) == split:
        return shared
    vectors = feature_vectors(features)
    close = sparse.coo_matrix((vectors[:split] @ vectors[split:].T) >= 1.0 - distance)
    rows: dict[tuple[str, int], list[int]] = {}
    for i, k in enumerate(owner):
        rows.setdefault(("today" if i < split else "before", k), []).append(i)
    for k, j in sorted({(owner[i], owner[split + m]) for i, m in zip(close.row, close.col)}):
        members = rows[("today", k)] + rows[("before", j)]
        for group in agglomerate(vectors[members], distance):
            mine = sum(1 for g in group if members[g] < split)
            if 0 < mine < len(group):
                shared[k][j] += mine
    return shared


def _continue(story: Story, matched: list[tuple[EarlierStory, int]]) -> None:
    """Mark `story` as continuing the earlier stories `matched` (each with how many of its
    articles share a group with that story's): the latest is its `previous`."""
    latest = max(matched, key=lambda m: (m[0].date, m[1], -m[0].index))[0]
    story.status = "continuing"
    story.first_seen = min(e.first_seen for e, _ in matched)
    story.day = latest.day + 1
    story.previous = {"id": latest.id, "date": latest.date.isoformat(), "title": latest.title,
                      "day": latest.day, "anchor": f"st-{latest.index}" if latest.shown else ""}
    known: list[str] = []
    for e, _ in sorted(matched, key=lambda m: m[0].date):
        known += e.known
    story.known = list(dict.fromkeys(known))


def link_stories(stories: Sequence[Story], analyzed: Sequence[AnalyzedArticle],
                 history: Sequence[EarlierBrief], day: dt.date,
                 distance: float = EVENT_DISTANCE) -> list[dict]:
    """Record each story's evidence (`Story.event`), mark the stories that continue one of the
    earlier briefs' (those dated before `day`), and return the latest earlier brief's shown
    stories that none continues (``id``, ``title``, ``date``)."""
    for story in stories:
        story.event = story_evidence(analyzed, story)
    earlier = [b for b in history if b.date < day]
    if not earlier or not stories:
        return []
    old = [s for b in earlier for s in b.stories if s.features]
    continued: set[int] = set()
    for story, shared in zip(stories, _shared_groups(stories, old, distance)):
        if shared:
            _continue(story, [(old[j], n) for j, n in shared.items()])
            continued.update(shared)
    latest = max(earlier, key=lambda b: b.date)
    return [{"id": s.id, "title": s.title, "date": latest.date.isoformat()}
            for s in latest.stories if s.shown and not any(s is old[j] for j in continued)]


def link_previous_pages(stories: Sequence[Story], history: Sequence[EarlierBrief], out_dir: str | os.PathLike) -> None:
    """Give each continuing story's `previous` the link, from `out_dir`, to the earlier brief's
    page (``href``): ``../2024-05-01/brief.html#st-2`` for briefs kept side by side by date."""
    pages = {b.date.isoformat(): b.path.with_name("brief.html") for b in history}
    for story in stories:
        prev = story.previous
        if story.status != "continuing" or not prev or prev.get("date") not in pages:
            continue
        target = os.path.relpath(pages[prev["date"]].resolve(), Path(out_dir).resolve())
        prev["href"] = Path(target).as_posix() + (f"#{prev['anchor']}" if prev.get("anchor") else "")
