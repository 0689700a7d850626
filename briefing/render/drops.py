"""What fitting may leave out, least important first: the stories in the page's order
(`story_order`) and every whole item the page can do without, as (kind, key) operations
(`drop_sequence`: summary sentences, quotes, participants, story blocks, key points, titles).

Fitting (`briefing.render.fit`) leaves out a first stretch of the sequence and puts back what
still fits in the reverse order, so the most valuable comes back first.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator

from briefing.model import Brief, Participant
from briefing.render.layout import (
    page_stories,
    point_story,
    quote_story,
    story_of_articles,
    story_sentences,
    unlisted_stories,
)


def story_order(brief: Brief) -> list[int]:
    """Stories best first for the page (indices into `page_stories`): those holding key points
    (in key-point order), then those holding the top quotes (in quote order), then the rest in
    the brief's story ranking (for a brief without stories, one per article: by what the
    analysis found in them, quotes, people, length). Fitting leaves out the last ones first.
    Stories the brief does not list (`Story.shown` False) are not in it."""
    stories = page_stories(brief)
    owner = story_of_articles(brief)
    listed = set(range(len(stories))) - set(unlisted_stories(brief))
    first: list[int] = []
    for k in range(len(brief.key_points)):
        st = point_story(brief, k, owner)
        if st in listed and st not in first:
            first.append(st)
    for k in range(len(brief.quotes)):
        st = quote_story(brief, k, owner)
        if st in listed and st not in first:
            first.append(st)
    rest = [k for k in range(len(stories)) if k in listed and k not in first]
    if not brief.stories:
        def weight(k: int) -> float:
            a = brief.articles[stories[k].articles[0]]
            return len(a.quotes) + len(a.participants) + len(a.article.text) / 1000  # a point a thousand characters

        rest.sort(key=lambda k: (-weight(k), k))
    return first + rest


def drop_sequence(brief: Brief, hidden: frozenset = frozenset(), order: list[int] | None = None) -> list[tuple]:
    """Everything fitting may leave out, least important first, as (kind, key) operations.
    Stories in `hidden` (cut before the first render) have none; stories go in the reverse of
    `order` (`story_order`), never the first of it.

    Key points are the page's most valuable lines (the day's summary): every story keeps its
    first sentence, and minor participants and the lowest-ranked quotes go, then the people
    nobody quotes, then the lowest-ranked story blocks (those no key point or kept quote cites
    first; a cited one stays in the sources), before any key point does. Titles stay until
    everything else of a person's kind is gone: a name without its title tells the reader
    little ("Ada Rowe", not "Finance Minister Ada Rowe")."""
    d = _Drops(brief, hidden, order if order is not None else story_order(brief))
    # each entry: (a kind's operations down to a floor, how many a round). The floors keep two
    # sentences a block, then one; five quotes, then three; three story blocks and three key
    # points until the later tiers. People and titles go two a round: one person's entry is a
    # few words of a row, far less of the page than a sentence or a quote.
    tiers = [
        [(d.sentences(2), 1), (d.quotes(5), 1), (d.people(_minor), 2)],
        [(d.sentences(1), 1), (d.quotes(3), 1)],
        [(d.people(_unquoted), 2)],
        [(d.stories(3), 1)],
        [(d.points(3), 1)],
        [(d.stories(1), 1)],
        [(d.titles(), 2)],
        [(d.quotes(0), 1), (d.people(lambda p: True), 2)],
    ]
    ops: list[tuple] = []
    for tier in tiers:  # the kinds of a tier take turns, each so many operations a round
        live = list(tier)
        while live:
            for entry in list(live):
                gen, per_round = entry
                for _ in range(per_round):
                    op = next(gen, None)
                    if op is None:
                        live.remove(entry)
                        break
                    ops.append(op)
    return ops


def _minor(p: Participant) -> bool:
    return not p.quoted and (p.mentions or 0) <= 1


def _unquoted(p: Participant) -> bool:
    return not p.quoted


class _Drops:
    """What is still on the page as `drop_sequence` goes: each kind's operations, lowest-ranked
    first (generators sharing this state, so a later tier goes on where an earlier one stopped)."""

    def __init__(self, brief: Brief, hidden: frozenset, order: list[int]):
        self.brief = brief
        self.order = [k for k in order if k not in hidden]
        stories = page_stories(brief)
        self.remaining: dict[int, list[tuple[int, int]]] = {k: [] for k in hidden}
        for k in self.order:
            shown = story_sentences(brief, k)  # a key point's sentence is not in the block to drop
            st = stories[k]
            rank = list(st.summary_rank or st.summary)  # best first: the summary's own rank, no re-ranking
            self.remaining[k] = [p for p in rank if p in shown] + [p for p in shown if p not in rank]
        self.kept_quotes = list(range(len(brief.quotes)))
        self.kept_points = list(range(len(brief.key_points)))
        self.kept_stories = list(self.order)
        self.dropped_people: set[int] = set()
        self.dropped_titles: set[int] = set()
        self.owner = story_of_articles(brief)

    def _chars(self, k: int) -> int:
        return sum(len(self.brief.articles[i].sentences[s]) for i, s in self.remaining[k])

    def sentences(self, floor: int) -> Iterator[tuple]:
        """The last sentence of the story block with the most text, while blocks have more
        than `floor`."""
        while True:
            cands = [k for k in self.order if len(self.remaining[k]) > floor]
            if not cands:
                return
            k = max(cands, key=lambda k: (self._chars(k), k))
            yield ("sentences", self.remaining[k].pop())

    def quotes(self, floor: int) -> Iterator[tuple]:
        while len(self.kept_quotes) > floor:
            yield ("quotes", self.kept_quotes.pop())

    def points(self, floor: int) -> Iterator[tuple]:
        while len(self.kept_points) > floor:
            yield ("points", self.kept_points.pop())

    def people(self, select: Callable[[Participant], bool]) -> Iterator[tuple]:
        for k in reversed(range(len(self.brief.participants))):
            if select(self.brief.participants[k]) and k not in self.dropped_people:
                self.dropped_people.add(k)
                yield ("people", k)

    def titles(self) -> Iterator[tuple]:
        for k in reversed(range(len(self.brief.participants))):
            p = self.brief.participants[k]
            if p.title and k not in self.dropped_titles and k not in self.dropped_people:
                self.dropped_titles.add(k)
                yield ("titles", k)

    def stories(self, floor: int) -> Iterator[tuple]:
        """The lowest-ranked story block first, never the first; one no kept key point or
        quote cites goes before a cited one (its block is the page's only trace of it)."""
        brief, owner = self.brief, self.owner
        while len(self.kept_stories) > max(1, floor):
            cited = {point_story(brief, k, owner) for k in self.kept_points}
            cited |= {quote_story(brief, k, owner) for k in self.kept_quotes}
            plain = [k for k in self.kept_stories[1:] if k not in cited]
            k = plain[-1] if plain else self.kept_stories[-1]
            self.kept_stories.remove(k)
            yield ("stories", k)
