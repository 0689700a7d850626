"""What the page shows: the brief less what a fitting `Plan` leaves out, with the two columns'
widths balanced and a note of what was left out, and the height model fitting plans with.

`page_view` is the template's context; `briefing.render.fit` chooses the `Plan`.
"""

from __future__ import annotations

import copy
import math
import re
from dataclasses import dataclass, field
from pathlib import Path

from briefing.model import AnalyzedArticle, Brief, Participant, Quote

BASE_FONT_PT = 10.0

PAGE_CSS = {"a4": "A4", "letter": "letter"}

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
    articles: set[int] = field(default_factory=set)
    hidden: frozenset = frozenset()
    """Articles cut before the first render (`fit._precut`): never shown, always in `articles`."""
    calib: tuple[float, float] = (1.0, 1.0)
    """Measured over estimated height of the articles and of the quotes (see `balance_columns`)."""
    columns: "Columns | None" = None
    """The column widths the last render of this plan used."""

    def apply(self, op: tuple) -> None:
        kind, key = op
        getattr(self, kind).add(key)

    def copy(self) -> "Plan":
        return copy.deepcopy(self)

    def omitted(self, brief: Brief) -> list[str]:
        kept = visible_paths(brief, self)
        # sentences a block would have shown; a left-out key point is counted as a key point
        sentences = sum(1 for i, _ in self.sentences if i not in self.articles)
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
            listed = parts[0] if len(parts) == 1 else ", ".join(parts[:-1]) + " and " + parts[-1]
            notes.append(f"{listed} left out to fit one page")
        unshown = len(self.articles)
        if unshown:
            more = "more " if self.hidden else ""
            notes.append(f"{unshown} {more}{'article' if unshown == 1 else 'articles'} not shown: "
                         "listed in brief.json")
        return notes


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


def credit(a: AnalyzedArticle) -> str:
    art = a.article
    bits = []
    for b in (art.source, art.byline, art.date):
        if b and b.strip() and b.strip() not in bits:
            bits.append(b.strip())
    return " · ".join(bits)


def plural(n: int, one: str, many: str | None = None) -> str:
    return f"{n} {one if n == 1 else (many or one + 's')}"


OTHER_GROUP = "Other"
"""The participants table's row for people whose affiliation is unknown (always the last row)."""

FALLBACK_SENTENCES = 2
"""Sentences an article block shows when its whole summary is already on the page elsewhere."""


def normalized(text: str) -> str:
    """Text compared as a reader would: marks straightened, spacing collapsed, case folded."""
    text = text.replace("’", "'").replace("‘", "'").replace("“", '"').replace("”", '"')
    return " ".join(text.split()).casefold()


def quote_core(text: str) -> str:
    return normalized(text).strip(" \"'.,;:!?—–-")


def article_quotes(brief: Brief, i: int) -> list[Quote]:
    """The brief's quotes that come from article `i` (or from no named article)."""
    path = brief.articles[i].article.path
    return [q for q in brief.quotes if q.text and q.text.strip() and (not q.article or q.article == path)]


def is_quote_sentence(a: AnalyzedArticle, s: int, quotes: list[Quote]) -> bool:
    """True when sentence `s` prints words the quotes column shows: it overlaps a quote's span,
    contains the quote, or lies inside a quote that runs over several sentences."""
    span = a.spans[s] if s < len(a.spans) else (0, 0)
    text = quote_core(a.sentences[s])
    for q in quotes:
        qs = q.span or (0, 0)
        if span[1] > span[0] and qs[1] > qs[0] and span[0] < qs[1] and qs[0] < span[1]:
            return True
        core = quote_core(q.text)
        if len(core) >= 12 and (core in text or (len(text) >= 12 and text in core)):
            return True
    return False


_DANGLING_OPENER = re.compile(r"[“\"‘']?(?:He|She|They|It|His|Her|Their|Its|This|These|Those|That)\b")


def block_sentences(brief: Brief, i: int) -> list[int]:
    """The sentences article `i`'s block shows, in article order. Nothing is printed twice: a
    sentence that is a key point (or says what one says) is left out, and so is one that prints
    a quote the quotes column shows. If that leaves nothing of the summary, the article's next
    best sentences (ranked over the whole article, junk never) take its place; if there are none,
    the block shows its headline and credit alone rather than repeat anything."""
    from briefing.analyze.summarize import is_junk, near_duplicate, rank_sentences  # numpy: not at import time

    a = brief.articles[i]
    n = len(a.sentences)
    points = {kp.sentence for kp in brief.key_points if kp.article == i}
    kp_texts = [kp.text.strip() for kp in brief.key_points]
    quotes = article_quotes(brief, i)

    def repeats(s: int) -> bool:
        text = a.sentences[s].strip()
        return (s in points or not text or is_quote_sentence(a, s, quotes)
                or any(near_duplicate(text, t) for t in kp_texts))

    summary = [s for s in a.summary if 0 <= s < n]
    fresh = [s for s in summary if not repeats(s)]
    if fresh:
        return fresh
    ranked = [s for s in rank_sentences(a.sentences)
              if 0 <= s < n and s not in summary and not repeats(s) and not is_junk(a.sentences[s])]
    # Out of context, "He arrived ..." leaves the reader asking who: prefer sentences that
    # name their subject, and take a pronoun opener only when nothing else is left.
    ranked.sort(key=lambda s: bool(_DANGLING_OPENER.match(a.sentences[s])))
    picks: list[int] = []
    for s in ranked:
        if any(near_duplicate(a.sentences[s], a.sentences[p]) for p in picks):
            continue
        picks.append(s)
        if len(picks) >= FALLBACK_SENTENCES:
            break
    return sorted(picks)


def referenced(brief: Brief, plan: "Plan") -> list[int]:
    """Articles the page does not show but cites: the source of a key point or a quote it
    keeps. The sources list names them after the articles shown, numbered on from them."""
    shown = set(range(len(brief.articles))) - plan.articles
    path_index = {a.article.path: i for i, a in enumerate(brief.articles)}
    out: list[int] = []
    cited = [kp.article for k, kp in enumerate(brief.key_points) if k not in plan.points]
    cited += [path_index.get(q.article, -1) for k, q in enumerate(brief.quotes) if k not in plan.quotes]
    for i in cited:
        if 0 <= i < len(brief.articles) and i not in shown and i not in out:
            out.append(i)
    return out


def visible_paths(brief: Brief, plan: "Plan") -> set[str]:
    """Paths of the articles the page shows or cites."""
    idx = [i for i in range(len(brief.articles)) if i not in plan.articles] + referenced(brief, plan)
    return {brief.articles[i].article.path for i in idx}


def person_visible(p: Participant, plan: "Plan", visible: set[str]) -> bool:
    """A participant stays while an article they appear in is shown or cited."""
    return not plan.articles or not p.articles or any(x in visible for x in p.articles)


def kept_key_points(brief: Brief, plan: "Plan") -> list[int]:
    """The key points the page keeps, by index: all fitting did not leave out, whether or not
    their article's block is shown (a key point cites its article by number)."""
    n = len(brief.articles)
    return [k for k, kp in enumerate(brief.key_points) if k not in plan.points and kp.article in range(n)]


def kept_quotes(brief: Brief, plan: "Plan") -> list[int]:
    """The quotes the page keeps, by index: all fitting did not leave out."""
    return [k for k in range(len(brief.quotes)) if k not in plan.quotes]


def kept_participants(brief: Brief, plan: "Plan") -> list[int]:
    """The participants the page keeps, by index: those fitting did not leave out who appear in
    an article the page shows or cites."""
    visible = visible_paths(brief, plan)
    return [k for k, p in enumerate(brief.participants)
            if k not in plan.people and person_visible(p, plan, visible)]


# --- the two columns: articles on the left, quotes on the right --------------------------------


CONTENT_WIDTH_PX = {"a4": (210 - 30) / 25.4 * 96, "letter": (8.5 * 25.4 - 30) / 25.4 * 96}
"""The page's text width (page less the 15mm side margins of brief.css), CSS px."""


def content_width(brief: Brief) -> float:
    return CONTENT_WIDTH_PX.get((brief.page_size or "a4").lower(), CONTENT_WIDTH_PX["a4"])


COLUMN_GAP_REM = 1.6
LEFT_SHARE = (0.44, 0.66)
"""The articles column takes this share of the width at least and at most (the sketch: ~58%)."""
PREFERRED_LEFT = 0.57
MIN_QUOTES_RIGHT = 3
"""Quotes moved under the articles ("More quotes") leave at least this many, and at least half,
in the quotes column."""


@dataclass
class Columns:
    left: float = PREFERRED_LEFT
    """Share of the width the articles column takes."""
    moved: int = 0
    """How many of the lowest-ranked quotes shown continue under the articles."""
    height_left: float = 0.0
    height_right: float = 0.0


def line_count(chars: float, width: float, size: float, em_per_char: float) -> int:
    if chars <= 0:
        return 0
    per_line = max(1.0, width / (size * em_per_char))
    return math.ceil(chars / per_line)


def article_height(title: str, credit: str, chars: int, width: float, fs: float) -> float:
    inner = width - 1.25 * fs
    h = line_count(len(title), inner, 0.95 * fs, 0.56) * 1.22 * 0.95 * fs
    h += line_count(len(credit), inner, 0.7 * fs, 0.52) * 1.34 * 0.7 * fs
    h += line_count(chars, inner, fs, 0.47) * 1.34 * fs
    return h + 0.86 * fs


def caption_chars(speaker: str | None, title: str | None) -> int:
    """Characters of a quote's caption (speaker and title), as the height estimates count them."""
    return len(speaker or "speaker not named") + len(title or "") + 9


def quote_height(text: str, caption: int, width: float, fs: float) -> float:
    inner = width - 0.7 * fs - 2.2
    h = line_count(len(text) + 2, inner, 0.95 * fs, 0.45) * 1.3 * 0.95 * fs
    h += line_count(caption, inner, 0.7 * fs, 0.5) * 1.3 * 0.7 * fs
    return h + 0.83 * fs


def heading_height(fs: float) -> float:
    return 0.7 * fs * 1.34 + 0.57 * fs + 1.2


def balance_columns(brief: Brief, articles: list[dict], quotes: list[dict], font_pt: float,
             calib: tuple[float, float] = (1.0, 1.0)) -> Columns:
    """Widths for the two columns from the estimated heights of what they hold: the column
    with more to say gets more width, within `LEFT_SHARE`. When that is not enough (a long
    list of quotes beside one short article), the lowest-ranked quotes continue under the
    articles. `calib` scales the estimates by what the last render measured."""
    if not quotes:
        return Columns(left=1.0)
    fs = font_pt * 96 / 72
    width = content_width(brief) - COLUMN_GAP_REM * fs
    head = heading_height(fs)
    arts = [(a["title"], a["credit"], sum(len(s["text"]) + 1 for s in a["sentences"])) for a in articles]
    qts = [(q["text"], caption_chars(q["speaker"], q["title"])) for q in quotes]
    ca, cq = calib
    max_moved = max(0, len(qts) - max(MIN_QUOTES_RIGHT, math.ceil(len(qts) / 2)))
    best: Columns | None = None
    for moved in range(max_moved + 1):
        right, more = qts[:len(qts) - moved], qts[len(qts) - moved:]
        for step in range(round(LEFT_SHARE[0] * 100), round(LEFT_SHARE[1] * 100) + 1):
            f = step / 100
            wl, wr = f * width, (1 - f) * width
            hl = head + ca * sum(article_height(t, c, n, wl, fs) for t, c, n in arts)
            if more:
                hl += head + cq * sum(quote_height(t, c, wl, fs) for t, c in more)
            hr = head + cq * sum(quote_height(t, c, wr, fs) for t, c in right)
            cand = Columns(left=f, moved=moved, height_left=hl, height_right=hr)
            if best is None:
                best = cand
                continue
            tall, best_tall = max(hl, hr), max(best.height_left, best.height_right)
            # moving a quote must win at least a line and a half; among equals, nearer the sketch
            gain = 1.5 * fs if moved > best.moved else 0.5
            if tall < best_tall - gain or (moved == best.moved and abs(tall - best_tall) <= 0.5
                                           and abs(f - PREFERRED_LEFT) < abs(best.left - PREFERRED_LEFT)):
                best = cand
    return best


def page_view(brief: Brief, plan: Plan | None = None, *, for_pdf: bool, pages: int | None,
          overflow: bool) -> dict:
    plan = plan or Plan()
    shown = [i for i in range(len(brief.articles)) if i not in plan.articles]
    number = {i: n for n, i in enumerate(shown, 1)}
    articles = []
    for i in shown:
        a = brief.articles[i]
        order = [s for s in block_sentences(brief, i) if (i, s) not in plan.sentences]
        articles.append({
            "anchor": f"a-{i}",
            "number": number[i],
            "title": a.article.title,
            "title_derived": a.article.title_derived,
            "credit": credit(a),
            "file": Path(a.article.path).name,
            "source": a.article.source,
            "sentences": [{"anchor": f"s-{i}-{s}", "text": a.sentences[s].strip()} for s in order],
        })
    cited = referenced(brief, plan)
    for i in cited:  # cited but not shown: numbered after the articles shown
        number[i] = len(number) + 1
    paths = {brief.articles[i].article.path: number[i] for i in list(shown) + cited}
    sources_all = list(articles) + [{"number": number[i], "source": brief.articles[i].article.source,
                                     "file": Path(brief.articles[i].article.path).name} for i in cited]
    key_points = []
    for k, kp in enumerate(brief.key_points):
        if k in plan.points or kp.article not in number:
            continue
        key_points.append({"anchor": f"kp-{k}", "text": kp.text.strip(), "number": number[kp.article],
                           "source": Path(brief.articles[kp.article].article.path).name})
    quotes = []
    for k, q in enumerate(brief.quotes):
        if k in plan.quotes or (q.article and q.article not in paths):
            continue
        quotes.append({"anchor": f"q-{k}", "text": q.text.strip(), "speaker": q.speaker,
                       "title": q.title, "number": paths.get(q.article, "")})
    cols = plan.columns = balance_columns(brief, articles, quotes, plan.font_size, plan.calib)
    more_quotes = quotes[len(quotes) - cols.moved:] if cols.moved else []
    quotes = quotes[:len(quotes) - cols.moved]
    groups: dict[str, dict] = {}
    for k, p in enumerate(brief.participants):
        if k in plan.people:
            continue
        if not person_visible(p, plan, paths):
            continue
        known = (p.affiliation or "").strip()
        label = known or OTHER_GROUP
        g = groups.setdefault(label, {"label": label, "people": [], "known": bool(known), "weight": [0, 0, 0]})
        g["people"].append({"anchor": f"p-{k}", "name": p.name,
                            "title": None if k in plan.titles else p.title, "quoted": p.quoted})
        g["weight"][0] += 1 if p.quoted else 0
        g["weight"][1] += p.mentions or 0
        g["weight"][2] += 1
    # the most quoted and mentioned affiliation first; people whose affiliation is unknown last
    ordered_groups = sorted(groups.values(), key=lambda g: (not g["known"], [-w for w in g["weight"]]))
    for n, g in enumerate(ordered_groups):
        g["anchor"] = f"g-{n}"
    sources = {brief.articles[i].article.source for i in shown if brief.articles[i].article.source}
    meta = [plural(len(shown), "article") if len(shown) == len(brief.articles)
            else f"{len(shown)} of {plural(len(brief.articles), 'article')}"]
    if sources:
        meta.append(plural(len(sources), "source"))
    if brief.skipped:
        meta.append(plural(len(brief.skipped), "file") + " not used")
    label, heading = split_title(brief.title)
    omitted = [o.strip().rstrip(".") for o in list(brief.omitted) + plan.omitted(brief) if o.strip()]
    return {
        "brief": brief,
        "label": label,
        "heading": heading,
        "date_long": long_date(brief.date),
        "meta_line": " · ".join(meta),
        "key_points": key_points,
        "articles": articles,
        "articles_all": sources_all,
        "quotes": quotes,
        "more_quotes": more_quotes,
        "cols_left": f"{cols.left * 100:.0f}",
        "cols_right": f"{(1 - cols.left) * 100:.0f}",
        "groups": ordered_groups,
        "omitted_text": ("; ".join(omitted) + ".") if omitted else "",
        "page_css": PAGE_CSS.get((brief.page_size or "a4").lower(), "A4"),
        "font_size": f"{plan.font_size:g}",
        "for_pdf": for_pdf,
        "pages": pages,
        "overflow": overflow,
    }

