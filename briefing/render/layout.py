"""What the page shows: the brief less what a fitting `Plan` leaves out, organised by story (one
block per story: headline, "N articles · outlets", a summary drawn from its articles, its key
quote), with the two columns' widths balanced, a note of what was left out, and the height model
fitting plans with.

`page_view` is the template's context; `briefing.render.fit` chooses the `Plan`.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from pathlib import Path
from typing import Protocol
from urllib.parse import urlsplit

from briefing.model import AnalyzedArticle, Brief, Participant, Quote, Story
from briefing.outlets import outlet
from briefing.render.charheights import block_height, caption_chars, heading_height, quote_height
from briefing.render.sheet import BASE_FONT_PT, COLUMN_GAP_REM, PAGE_CSS, PREFERRED_LEFT, content_width, px
from briefing.vocabulary.topics import SECTIONS

# --- what the page shows ---------------------------------------------------------------------


@dataclass
class Plan:
    """What fitting leaves out, keyed by index into the full brief, and the type size: the page
    view (`page_view`) shows the brief less this; `briefing/fit.py` chooses it."""

    font_size: float = BASE_FONT_PT
    sentences: set[tuple[int, int]] = field(default_factory=set)
    quotes: set[int] = field(default_factory=set)
    titles: set[int] = field(default_factory=set)
    people: set[int] = field(default_factory=set)
    points: set[int] = field(default_factory=set)
    stories: set[int] = field(default_factory=set)
    """Story blocks left out, by index into `page_stories(brief)`."""
    hidden: frozenset = frozenset()
    """Stories cut before the first render (`fit._precut`): never shown, always in `stories`."""
    calib: tuple[float, float] = (1.0, 1.0)
    """Measured over estimated height of the articles and of the quotes (see `balance_columns`)."""
    measured: "ColumnHeights | None" = field(default=None, repr=False, compare=False)
    """Heights measured by layouts of the page: the columns are balanced by them, not estimated."""
    columns_fixed: "Columns | None" = None
    """Columns to use as they are (those of this plan's layout, for its screen HTML)."""

    def apply(self, op: tuple) -> None:
        kind, key = op
        getattr(self, kind).add(key)

    def omitted(self, brief: Brief) -> list[str]:
        kept = visible_paths(brief, self)
        stories = page_stories(brief)
        gone = {i for k in self.stories for i in stories[k].articles}
        # sentences a block would have shown; a left-out key point is counted as a key point
        sentences = sum(1 for i, _ in self.sentences if i not in gone)
        titles = sum(1 for k in self.titles - self.people if person_visible(brief.participants[k], self, kept))
        parts = []
        for n, one, many in (
            (sentences, "summary sentence", "summary sentences"),
            (len(brief.quotes) - len(kept_quotes(brief, self)), "quote", "quotes"),
            (len(brief.participants) - len(kept_participants(brief, self)), "participant", "participants"),
            (titles, "participant's title", "participants' titles"),
            (len(brief.key_points) - len(kept_key_points(brief, self)), "key point", "key points"),
        ):
            if n:
                parts.append(f"{n} {one if n == 1 else many}")
        notes = []
        if parts:
            notes.append(f"{joined(parts)} left out to fit one page")
        unlisted = set(unlisted_stories(brief))
        # issue 16: what the page leaves out, said by beat ("12 sport and shopping stories ...")
        note = not_shown_note([stories[k] for k in sorted(self.stories - unlisted)])
        if note:
            notes.append(note)
        return notes


def not_shown_note(stories: list[Story]) -> str | None:
    """What the page says about the stories fitting left out: those of the light beats by the
    beat's name (`Story.beat_label`, which the brief sets), the rest counted: "12 sport,
    entertainment and shopping stories and 5 more not shown: listed in brief.json"."""
    if not stories:
        return None
    light = [s for s in stories if s.beat_label]
    rest = len(stories) - len(light)
    if not light:
        return f"{plural(rest, 'story', 'stories')} not shown: listed in brief.json"
    beats = sorted({s.section: s.beat_label for s in light}.items(),
                   key=lambda item: SECTIONS.index(item[0]) if item[0] in SECTIONS else len(SECTIONS))
    text = f"{len(light)} {joined([label for _, label in beats])} {'story' if len(light) == 1 else 'stories'}"
    if rest:
        text += f" and {rest} more"
    return text + " not shown: listed in brief.json"


def joined(items: list[str]) -> str:
    """"a", "a and b", "a, b and c"."""
    return items[0] if len(items) == 1 else ", ".join(items[:-1]) + " and " + items[-1]


def long_date(d) -> str:
    return f"{d:%A} {d.day} {d:%B %Y}"


def split_title(title: str) -> tuple[str, str]:
    """'Daily Brief: Korea' -> ('Daily Brief', 'Korea'): the band's label and its heading."""
    t = title.strip()
    low = t.lower()
    if low.startswith("daily brief"):
        rest = t[len("daily brief"):].lstrip(" :·—–-|").strip()
        if rest:
            return "Daily Brief", rest
        return "Briefing", t
    return "Daily Brief", t


OPINION_LABEL = "Opinion"
"""Printed beside the outlet of an opinion piece (issue 16), so argument is never read as news."""


def credit(a: AnalyzedArticle) -> str:
    art = a.article
    bits = []
    for b in (outlet(a), OPINION_LABEL if art.opinion else None, art.byline, art.date):
        if b and b.strip() and b.strip() not in bits:
            bits.append(b.strip())
    return " · ".join(bits)


def page_stories(brief: Brief) -> list[Story]:
    """The stories the page is organised by: the brief's own, else one per article (a brief
    built by hand, or before stories are formed)."""
    if brief.stories:
        return brief.stories
    return [Story(id=f"a{i + 1}", title=a.article.title, articles=[i],
                  outlets=[o] if (o := outlet(a)) else [],
                  summary=[(i, s) for s in a.summary],
                  summary_rank=[(i, s) for s in (a.summary_rank or a.summary)])
            for i, a in enumerate(brief.articles)]


def unlisted_stories(brief: Brief) -> list[int]:
    """Stories the brief itself leaves out (`Story.shown` False, e.g. off the focus): never on
    the page and not counted as left out to fit it."""
    return [k for k, st in enumerate(page_stories(brief)) if not st.shown]


def story_outlets(brief: Brief, story: Story) -> list[str]:
    """The distinct outlets that carried a story: the story's own list, else its articles'."""
    if story.outlets:
        return list(dict.fromkeys(story.outlets))
    found = [outlet(brief.articles[i]) for i in story.articles if 0 <= i < len(brief.articles)]
    return list(dict.fromkeys(o for o in found if o))


MAX_OUTLETS_SHOWN = 4
"""Outlets a credit line names ("and 3 more" for the rest): four names fill about one line of the
credit's small type in the stories column."""


def story_credit(brief: Brief, story: Story) -> str:
    """The line under a story's headline: "3 articles · CBC News, CTV News, Global News" (one
    article: its outlet, byline and date)."""
    arts = [i for i in story.articles if 0 <= i < len(brief.articles)]
    if len(arts) == 1:
        a = brief.articles[arts[0]]
        return credit(a) or (outlet(a) or "")
    outlets = story_outlets(brief, story)
    opinion = opinion_outlets(brief, arts) if not story.opinion else set()
    names = ", ".join(f"{o} ({OPINION_LABEL})" if o.casefold() in opinion else o for o in outlets[:MAX_OUTLETS_SHOWN])
    if len(outlets) > MAX_OUTLETS_SHOWN:
        names += f" and {len(outlets) - MAX_OUTLETS_SHOWN} more"
    label = OPINION_LABEL if story.opinion else None
    return " · ".join(x for x in (plural(len(arts), "article"), label, names) if x)


def opinion_outlets(brief: Brief, arts: list[int]) -> set[str]:
    """The outlets (case folded) whose every article among `arts` is opinion: the credit marks
    them "(Opinion)" beside their name, so a story's argued pieces are not read as its reporting."""
    seen: dict[str, bool] = {}
    for i in arts:
        name = outlet(brief.articles[i])
        if name:
            key = name.casefold()
            seen[key] = seen.get(key, True) and brief.articles[i].article.opinion
    return {k for k, all_opinion in seen.items() if all_opinion}


def plural(n: int, one: str, many: str | None = None) -> str:
    return f"{n} {one if n == 1 else (many or one + 's')}"


OTHER_GROUP = "Other"


def group_labels(people: list[Participant]) -> list[str]:
    """The participants table's row for each person: their country; an organisation only when
    at least two people listed belong to it (a row of one organisation's one person says no
    more than that person's title does); else `OTHER_GROUP`."""
    from briefing.vocabulary.places import place_forms

    places = set(place_forms().values())
    counts: dict[str, int] = {}
    for p in people:
        a = (p.affiliation or "").strip()
        counts[a] = counts.get(a, 0) + 1
    labels = []
    for p in people:
        a = (p.affiliation or "").strip()
        labels.append(a if a and (a in places or counts[a] >= 2) else OTHER_GROUP)
    return labels
"""The participants table's row for people whose affiliation is unknown (always the last row)."""

def quote_paths(q: Quote) -> list[str]:
    """Every article that carries a quote (the brief merges copies into `Quote.sources`)."""
    return list(dict.fromkeys([q.article, *q.sources])) if q.article else list(q.sources)


def story_of_articles(brief: Brief) -> dict[int, int]:
    """Article index -> index of the story (in `page_stories`) it belongs to."""
    out: dict[int, int] = {}
    for k, st in enumerate(page_stories(brief)):
        for i in st.articles:
            out.setdefault(i, k)
    return out


def point_story(brief: Brief, k: int, owner: dict[int, int] | None = None) -> int | None:
    """The story key point `k` reports: by its `story` id, else by its article."""
    kp = brief.key_points[k]
    if kp.story is not None:
        for n, st in enumerate(page_stories(brief)):
            if st.id == kp.story:
                return n
    return (owner if owner is not None else story_of_articles(brief)).get(kp.article)


def quote_story(brief: Brief, k: int, owner: dict[int, int] | None = None) -> int | None:
    """The story quote `k` comes from (the story of its article)."""
    path_index = {a.article.path: i for i, a in enumerate(brief.articles)}
    i = path_index.get(brief.quotes[k].article)
    return None if i is None else (owner if owner is not None else story_of_articles(brief)).get(i)


def shown_stories(brief: Brief, plan: "Plan") -> list[int]:
    """The stories the page shows as blocks, best first."""
    return [k for k, st in enumerate(page_stories(brief)) if st.shown and k not in plan.stories]


def story_sentences(brief: Brief, k: int) -> list[tuple[int, int]]:
    """The (article, sentence) pairs story `k`'s block shows, in reading order: the story's
    summary as `briefing.brief` made it for the page (`brief.blocks.page_summaries`: no key
    point, quote or headline said again). A brief made without stories shows each article's
    summary as it is (`brief.blocks.article_stories` makes such a brief's blocks)."""
    story = page_stories(brief)[k]
    n = len(brief.articles)
    return [(i, s) for i, s in story.summary if 0 <= i < n and 0 <= s < len(brief.articles[i].sentences)]


def block_quotes(brief: Brief, plan: "Plan") -> dict[int, int]:
    """Story index -> the quote its block shows: the best-ranked quote the page keeps from it.
    The quotes column shows the others."""
    owner = story_of_articles(brief)
    shown = set(shown_stories(brief, plan))
    out: dict[int, int] = {}
    for k in kept_quotes(brief, plan):
        st = quote_story(brief, k, owner)
        if st in shown and st not in out:
            out[st] = k
    return out


def referenced(brief: Brief, plan: "Plan") -> list[int]:
    """Stories the page does not show but cites: the story of a key point or a quote it keeps.
    The sources list names them after the stories shown, numbered on from them."""
    shown = set(shown_stories(brief, plan))
    owner = story_of_articles(brief)
    cited = [point_story(brief, k, owner) for k in kept_key_points(brief, plan)]
    cited += [quote_story(brief, k, owner) for k in kept_quotes(brief, plan)]
    out: list[int] = []
    for k in cited:
        if k is not None and k not in shown and k not in out:
            out.append(k)
    return out


def visible_paths(brief: Brief, plan: "Plan") -> set[str]:
    """Paths of the articles of the stories the page shows or cites."""
    stories = page_stories(brief)
    idx = [i for k in shown_stories(brief, plan) + referenced(brief, plan) for i in stories[k].articles]
    return {brief.articles[i].article.path for i in idx if 0 <= i < len(brief.articles)}


def person_visible(p: Participant, plan: "Plan", visible: set[str]) -> bool:
    """A participant stays while a story they appear in is shown or cited."""
    return not plan.stories or not p.articles or any(x in visible for x in p.articles)


def kept_key_points(brief: Brief, plan: "Plan") -> list[int]:
    """The key points the page keeps, by index: all fitting did not leave out, whether or not
    their story's block is shown (a key point cites its story by number)."""
    n = len(brief.articles)
    return [k for k, kp in enumerate(brief.key_points) if k not in plan.points and kp.article in range(n)]


def kept_quotes(brief: Brief, plan: "Plan") -> list[int]:
    """The quotes the page keeps, by index: all fitting did not leave out."""
    return [k for k in range(len(brief.quotes)) if k not in plan.quotes]


def kept_participants(brief: Brief, plan: "Plan") -> list[int]:
    """The participants the page keeps, by index: those fitting did not leave out who appear in
    a story the page shows or cites."""
    visible = visible_paths(brief, plan)
    return [k for k, p in enumerate(brief.participants)
            if k not in plan.people and person_visible(p, plan, visible)]


# --- the two columns: articles on the left, quotes on the right --------------------------------


LEFT_SHARE = (0.44, 0.66)
"""The articles column takes this share of the width at least and at most (the sketch's 57%,
`PREFERRED_LEFT`, give or take about a tenth of the page): narrower, a headline breaks every few
words; wider, the quotes column holds two words a line."""
MIN_QUOTES_RIGHT = 3
"""Quotes moved under the articles ("More quotes") leave at least this many, and at least half,
in the quotes column."""


@dataclass
class Columns:
    left: float = PREFERRED_LEFT
    """Share of the width the articles column takes."""
    moved: int = 0
    """How many of the lowest-ranked quotes shown continue under the articles."""
    lifted: int = 0
    """How many story blocks (the last with a key quote) give their key quote to the quotes
    column, to balance a tall column of stories beside a short one of quotes."""
    height_left: float = 0.0
    height_right: float = 0.0


class ColumnHeights(Protocol):
    """Heights (CSS px) of what the two columns hold, at any width, as layouts measured them
    (`briefing.render.heights`); None for an item no layout has shown."""

    def block(self, block: dict, width: float, with_quote: bool) -> float | None: ...

    def quote(self, quote: dict, width: float) -> float | None: ...

    def heads(self) -> tuple[float, float, float]:
        """What the stories column, the quotes column and "More quotes" hold besides their items."""
        ...


class _Estimated:
    """Column items' heights from character counts (before any layout), scaled by `calib`."""

    def __init__(self, brief: Brief, articles: list[dict], quotes: list[dict], font_pt: float):
        self.fs = px(font_pt)
        self.arts = [(a["title"], a["credit"], sum(len(s["text"]) + 1 for s in a["sentences"]),
                      _quote_chars(a["quote"]) if a.get("quote") else None) for a in articles]
        self.qts = [_quote_chars(q) for q in quotes]
        head = heading_height(self.fs)
        self.head = (head, head, head)

    def block(self, k: int, width: float, with_quote: bool) -> float:
        t, c, n, q = self.arts[k]
        return block_height(t, c, n, q if with_quote else None, width, self.fs)

    def quote(self, item: tuple[str, int], width: float) -> float:
        text, caption = item
        return quote_height(text, caption, width, self.fs)


def _quote_chars(q: dict) -> tuple[str, int]:
    return q["text"], caption_chars(q["speaker"], q["title"])


class _Measured:
    """Column items' heights as layouts measured them (`ColumnHeights`), or None if any item
    is unknown (then the estimates decide, as before any layout)."""

    def __init__(self, measured: ColumnHeights, articles: list[dict], quotes: list[dict]):
        self.m = measured
        self.articles = articles
        self.qts = quotes
        self.head = measured.heads()
        self.ok = True

    def block(self, k: int, width: float, with_quote: bool) -> float:
        h = self.m.block(self.articles[k], width, with_quote)
        self.ok = self.ok and h is not None
        return h or 0.0

    def quote(self, item: dict, width: float) -> float:
        h = self.m.quote(item, width)
        self.ok = self.ok and h is not None
        return h or 0.0


def balance_columns(brief: Brief, articles: list[dict], quotes: list[dict], font_pt: float,
                    calib: tuple[float, float] = (1.0, 1.0), measured: ColumnHeights | None = None) -> Columns:
    """Widths for the two columns from the heights of what they hold: the column with more to
    say gets more width, within `LEFT_SHARE`. When that is not enough (a long list of quotes
    beside one short story), the lowest-ranked quotes continue under the stories; the other way
    round (long stories beside few quotes), the last story blocks' key quotes move to the quotes
    column (each still cites its story by number). Heights are `measured` (what layouts of the
    page measured, at every width tried) when given and known for every item; else estimated
    from character counts, `calib` scaling them by what the last layout measured."""
    if not quotes and not any(a.get("quote") for a in articles):
        return Columns(left=1.0)
    if measured is not None:
        exact = _Measured(measured, articles, quotes)
        best = _balance(brief, articles, exact, exact.qts, font_pt, (1.0, 1.0))
        if exact.ok:
            return best
    items = _Estimated(brief, articles, quotes, font_pt)
    return _balance(brief, articles, items, items.qts, font_pt, calib)


def _balance(brief: Brief, articles: list[dict], items, qts: list, font_pt: float,
             calib: tuple[float, float]) -> Columns:
    """The split (and quotes moved) whose taller column is shortest, from `items`' heights."""
    fs = px(font_pt)
    width = content_width(brief) - COLUMN_GAP_REM * fs
    head_left, head_right, head_more = items.head
    ca, cq = calib
    with_quote = [k for k, a in enumerate(articles) if a.get("quote")]
    max_moved = max(0, len(qts) - max(MIN_QUOTES_RIGHT, math.ceil(len(qts) / 2)))
    layouts = [(0, m) for m in range(max_moved + 1)] + [(n, 0) for n in range(1, len(with_quote) + 1)]
    heights: dict[tuple, float] = {}

    def height(item, w: float) -> float:
        key = (item[0], item[1], w)
        if key not in heights:
            kind, x = item
            heights[key] = items.block(x, w, True) if kind == "whole" else items.block(x, w, False) \
                if kind == "bare" else items.quote(_lifted(articles, x, qts, items) if kind == "lifted" else qts[x], w)
        return heights[key]

    best: Columns | None = None
    for lifted, moved in layouts:
        # the last `lifted` blocks with a key quote keep only their summary
        bare = set(with_quote[len(with_quote) - lifted:]) if lifted else set()
        left_items = [("bare" if k in bare or k not in with_quote else "whole", k) for k in range(len(articles))]
        right_all = [("lifted", k) for k in with_quote if k in bare] + [("quote", j) for j in range(len(qts))]
        right, more = right_all[:len(right_all) - moved], right_all[len(right_all) - moved:]
        if not right:
            continue
        for step in range(round(LEFT_SHARE[0] * 100), round(LEFT_SHARE[1] * 100) + 1):  # every whole percent
            f = step / 100
            wl, wr = f * width, (1 - f) * width
            hl = head_left + ca * sum(height(it, wl) for it in left_items)
            if more:
                hl += head_more + cq * sum(height(it, wl) for it in more)
            hr = head_right + cq * sum(height(it, wr) for it in right)
            cand = Columns(left=f, moved=moved, lifted=lifted, height_left=hl, height_right=hr)
            if best is None:
                best = cand
                continue
            tall, best_tall = max(hl, hr), max(best.height_left, best.height_right)
            # moving a quote must win at least a line and a half; among equals (within half a px),
            # nearer the sketch
            changed = moved > best.moved or lifted > best.lifted
            gain = 1.5 * fs if changed else 0.5
            same = moved == best.moved and lifted == best.lifted
            if tall < best_tall - gain or (same and abs(tall - best_tall) <= 0.5
                                           and abs(f - PREFERRED_LEFT) < abs(best.left - PREFERRED_LEFT)):
                best = cand
    return best or Columns(left=1.0)


def _lifted(articles: list[dict], k: int, qts: list, items):
    """Block `k`'s key quote, as the quotes column shows it (a dict, or the estimates' pair)."""
    q = articles[k]["quote"]
    return q if isinstance(items, _Measured) else _quote_chars(q)


def link(a: AnalyzedArticle | None) -> str | None:
    """The article's web address, for a link to it from the page: http(s) only, else None."""
    url = a.article.url if a is not None else None
    return url if url and urlsplit(url).scheme in ("http", "https") else None


ADDRESS_CHARS = 48
"""An address on the sources line is cut to this many characters (the link keeps it whole)."""


def short_address(url: str) -> str:
    """A web address as the sources line prints it: host and path, no scheme, no ``www.``, no
    query, cut with an ellipsis past `ADDRESS_CHARS` ("example.org/news/2024/05/harbour-reop…")."""
    parts = urlsplit(url)
    text = (parts.netloc.lower().removeprefix("www.") + parts.path).rstrip("/")
    return text if len(text) <= ADDRESS_CHARS else text[:ADDRESS_CHARS - 1] + "…"


def _quote_view(brief: Brief, k: int, number) -> dict:
    q = brief.quotes[k]
    paths = quote_paths(q)
    by_path = {a.article.path: a for a in brief.articles}
    outlets = list(dict.fromkeys(o for o in (outlet(by_path[p]) for p in paths if p in by_path) if o))
    carried = plural(len(outlets), "outlet") if len(outlets) > 1 else (
        plural(len(paths), "article") if len(paths) > 1 else "")
    return {"anchor": f"q-{k}", "text": q.text.strip(), "speaker": q.speaker, "title": q.title,
            "speaker_kind": q.speaker_kind, "number": number, "carried": carried, "url": link(by_path.get(q.article))}


ALSO_REPORTED_CHARS = 260
"""Characters of headlines the "Also reported" line gives the stories without a block: about two
lines of the footer's small type, whatever fitting leaves out, so the line's height barely moves."""


def also_reported(brief: Brief, unshown: list[int]) -> tuple[list[dict], int]:
    """The best of the stories the page gives no block, as one-line entries (headline and outlet)
    within `ALSO_REPORTED_CHARS`, and how many more there are: the desk still sees that they were
    reported."""
    stories = page_stories(brief)
    entries, used = [], 0
    for n, k in enumerate(unshown):
        st = stories[k]
        outlets = story_outlets(brief, st)
        count = len(st.articles)
        where = outlets[0] if outlets else ""
        if count > 1:
            where = plural(count, "article") + (f", {where}" if where else "")
        cost = len(st.title) + len(where) + 5  # " (", ")" and " · " around an entry
        if entries and used + cost > ALSO_REPORTED_CHARS:
            return entries, len(unshown) - n
        entries.append({"title": st.title, "where": where, "id": st.id})
        used += cost
    return entries, 0


QUIET_CHARS = 200
"""Characters of headlines the "No new reports" line names: under two lines of the footer's
small type, so a day after a busy one does not give the line half the footer."""


def quiet_stories(brief: Brief) -> dict:
    """The "No new reports" line: the headlines (``titles``) of the stories the latest earlier
    brief showed that have no article today (`Brief.quiet`), within `QUIET_CHARS`, and how many
    more there are (``more``)."""
    titles, used = [], 0
    for n, st in enumerate(brief.quiet):
        title = str(st.get("title") or "").strip()
        if titles and used + len(title) + 3 > QUIET_CHARS:  # " · " between titles
            return {"titles": titles, "more": len(brief.quiet) - n}
        titles.append(title)
        used += len(title) + 3
    return {"titles": titles, "more": 0}


def continuity(brief: Brief, story: Story) -> dict | None:
    """A continuing story's mark: "Day 3" when the latest earlier brief reported it too (the day
    counts the briefs that did), else "since Mon" (the weekday it was first reported; "since
    3 May" a week or more back); with the date first reported and the link to the earlier
    brief's page, when known. None for a new story: the eye finds what broke."""
    if story.status != "continuing" or story.first_seen is None:
        return None
    prev = story.previous or {}
    earlier = [str(b.get("date")) for b in brief.since if str(b.get("date")) < brief.date.isoformat()]
    if earlier and prev.get("date") == max(earlier):
        label = f"Day {story.day}"
    elif (brief.date - story.first_seen).days < 7:
        label = f"since {story.first_seen:%a}"
    else:
        label = f"since {story.first_seen.day} {story.first_seen:%b}"
    return {"label": label, "title": f"first reported {long_date(story.first_seen)}", "href": prev.get("href")}


def page_view(brief: Brief, plan: Plan | None = None, *, for_pdf: bool, pages: int | None,
          overflow: bool) -> dict:
    """The template's context: the page `plan` leaves of the brief, with the columns it balanced
    (``columns``, a `Columns`: fitting reads them from the view; the plan is left as it was)."""
    plan = plan or Plan()
    stories = page_stories(brief)
    owner = story_of_articles(brief)
    shown = shown_stories(brief, plan)
    number = {k: n for n, k in enumerate(shown, 1)}
    in_block = block_quotes(brief, plan)
    blocks = _block_views(brief, plan, shown, number, in_block)
    cited = referenced(brief, plan)
    for k in cited:  # cited but not shown: numbered after the stories shown
        number[k] = len(number) + 1
    key_points = []
    for k in kept_key_points(brief, plan):
        kp = brief.key_points[k]
        st = point_story(brief, k, owner)
        if st not in number:
            continue
        key_points.append({"anchor": f"kp-{k}", "text": kp.text.strip(), "number": number[st],
                           "source": Path(brief.articles[kp.article].article.path).name,
                           "url": link(brief.articles[kp.article])})
    block_quote_keys = set(in_block.values())
    quotes = [_quote_view(brief, k, number.get(quote_story(brief, k, owner), ""))
              for k in kept_quotes(brief, plan) if k not in block_quote_keys]
    if plan.columns_fixed is not None:
        cols = plan.columns_fixed
    else:
        cols = balance_columns(brief, blocks, quotes, plan.font_size, plan.calib, plan.measured)
    if cols.lifted:
        with_quote = [b for b in blocks if b["quote"]]
        lifted = with_quote[len(with_quote) - cols.lifted:]
        quotes = [b["quote"] for b in lifted] + quotes
        for b in lifted:
            b["quote"] = None
    more_quotes = quotes[len(quotes) - cols.moved:] if cols.moved else []
    quotes = quotes[:len(quotes) - cols.moved]
    listed = [k for k, st in enumerate(stories) if st.shown]
    also, also_more = also_reported(brief, [k for k in listed if k not in number])
    label, heading = split_title(brief.title)
    omitted = [o.strip().rstrip(".") for o in list(brief.omitted) + plan.omitted(brief) if o.strip()]
    return {
        "brief": brief,
        "label": label,
        "heading": heading,
        "date_long": long_date(brief.date),
        "meta_line": _meta_line(brief, len(shown), len(listed)),
        "key_points": key_points,
        "stories": blocks,
        "articles": blocks,
        "articles_all": _source_views(brief, shown + cited, number),
        "quotes": quotes,
        "more_quotes": more_quotes,
        "columns": cols,
        "cols_left": f"{cols.left * 100:.0f}",
        "cols_right": f"{(1 - cols.left) * 100:.0f}",
        "groups": _group_views(brief, plan),
        "omitted_text": ("; ".join(omitted) + ".") if omitted else "",
        "also": also,
        "also_more": also_more,
        "quiet": quiet_stories(brief),
        "page_css": PAGE_CSS.get((brief.page_size or "a4").lower(), "A4"),
        "font_size": f"{plan.font_size:g}",
        "for_pdf": for_pdf,
        "pages": pages,
        "overflow": overflow,
    }


def _block_views(brief: Brief, plan: Plan, shown: list[int], number: dict[int, int],
                 in_block: dict[int, int]) -> list[dict]:
    """A story block for each story shown: headline, credit, the sentences the plan keeps, its
    key quote."""
    stories = page_stories(brief)
    blocks = []
    for k in shown:
        st = stories[k]
        lead = brief.articles[st.articles[0]] if st.articles else None
        order = [(i, s) for i, s in story_sentences(brief, k) if (i, s) not in plan.sentences]
        blocks.append({
            "anchor": f"st-{k}",
            "number": number[k],
            "id": st.id,
            "title": st.title,
            "title_derived": bool(lead and lead.article.title_derived and st.title == lead.article.title),
            "credit": story_credit(brief, st),
            "count": len(st.articles),
            "outlets": story_outlets(brief, st),
            "file": Path(lead.article.path).name if lead else "",
            "source": outlet(lead) if lead else None,
            "url": link(lead),
            "sentences": [{"anchor": f"s-{i}-{s}", "text": brief.articles[i].sentences[s].strip()}
                          for i, s in order],
            "quote": _quote_view(brief, in_block[k], number[k]) if k in in_block else None,
            "since": continuity(brief, st),
        })
    return blocks


def _source_views(brief: Brief, stories_listed: list[int], number: dict[int, int]) -> list[dict]:
    """The sources line's entries: a story's number, its outlets and its web address (linked) or
    its file, or its article count."""
    stories = page_stories(brief)
    out = []
    for k in stories_listed:
        st = stories[k]
        outlets = story_outlets(brief, st)
        if len(st.articles) == 1:
            a = brief.articles[st.articles[0]]
            url = link(a)
            out.append({"number": number[k], "source": outlet(a), "url": url,
                        "file": short_address(url) if url else Path(a.article.path).name})
        else:
            names = ", ".join(outlets[:MAX_OUTLETS_SHOWN]) + (
                f" and {len(outlets) - MAX_OUTLETS_SHOWN} more" if len(outlets) > MAX_OUTLETS_SHOWN else "")
            out.append({"number": number[k], "source": names or None, "url": None,
                        "file": plural(len(st.articles), "article")})
    return out


def _group_views(brief: Brief, plan: Plan) -> list[dict]:
    """The participants table's rows: the people the plan keeps, by country or organisation,
    the most quoted and mentioned first, people whose affiliation is unknown last."""
    paths = visible_paths(brief, plan)
    groups: dict[str, dict] = {}
    listed_people = [k for k, p in enumerate(brief.participants)
                     if k not in plan.people and person_visible(p, plan, paths)]
    labels = group_labels([brief.participants[k] for k in listed_people])
    for k, label in zip(listed_people, labels):
        p = brief.participants[k]
        known = label != OTHER_GROUP
        g = groups.setdefault(label, {"label": label, "people": [], "known": bool(known), "weight": [0, 0, 0]})
        g["people"].append({"anchor": f"p-{k}", "name": p.name,
                            "title": None if k in plan.titles else p.title, "quoted": p.quoted})
        g["weight"][0] += 1 if p.quoted else 0
        g["weight"][1] += p.mentions or 0
        g["weight"][2] += 1
    ordered = sorted(groups.values(), key=lambda g: (not g["known"], [-w for w in g["weight"]]))
    for n, g in enumerate(ordered):
        g["anchor"] = f"g-{n}"
    return ordered


def _meta_line(brief: Brief, shown: int, listed: int) -> str:
    """The title band's count: "40 articles · 12 outlets · 5 of 17 stories shown"."""
    outlets_all = {o for a in brief.articles if (o := outlet(a))}
    meta = [plural(len(brief.articles), "article")]
    if outlets_all:
        meta.append(plural(len(outlets_all), "outlet"))
    if shown < listed:
        meta.append(f"{shown} of {plural(listed, 'story', 'stories')} shown")
    elif listed < len(brief.articles):
        meta.append(plural(listed, "story", "stories"))
    if brief.skipped:
        meta.append(plural(len(brief.skipped), "file") + " not used")
    return " · ".join(meta)
