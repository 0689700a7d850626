"""Lay a `Brief` out as HTML and PDF on exactly one page, and write the files.

- `render_html` fills ``brief.html`` (Jinja2, autoescaped: article text is always text).
- `render_pdf` prints that HTML with WeasyPrint through a URL fetcher that reads only files
  inside the template folders and ``data:`` URIs; nothing else on the machine or the network.
- `fit_to_page` renders, measures, and drops the lowest-ranked content (whole sentences, whole
  quotes, minor participants, key points) until the brief is one page, saying what it left out.
  On a crowded day it first cuts the articles to what can plausibly fit (`_precut`, a height
  model, no render); key points and quotes stay even when their article's block does not.
- `write_outputs` writes brief.pdf, brief.html and brief.json atomically.
"""

from __future__ import annotations

import copy
import dataclasses
import json
import math
import mimetypes
import os
import re
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import unquote, urlsplit

from .files import atomic_write
from .model import AnalyzedArticle, Brief, BriefingError, KeyPoint, Participant, Quote

BASE_FONT_PT = 10.0
MIN_FONT_PT = 9.0
"""Fitting shrinks type from 10pt to 9pt at most (8.5pt only as a last resort)."""
LAST_RESORT_FONT_PT = 8.5
MAX_RENDERS = 6
FULL_ENOUGH = 0.92
"""A fitting page this full is done; with more room to spare, fitting puts content back."""
PUT_BACK_TARGET = 0.97
"""Putting content back aims at a page predicted this full (less after a put-back overflowed)."""
PAGE_CSS = {"a4": "A4", "letter": "letter"}


# --- templates -------------------------------------------------------------------------------


def package_template_dir() -> Path:
    """Our own templates: shipped inside the package (wheel) or at the repository root."""
    inside = Path(__file__).resolve().parent / "templates"
    if (inside / "brief.html").is_file():
        return inside
    return Path(__file__).resolve().parents[1] / "templates"


def template_dirs(template_dir: str | Path | None = None) -> list[Path]:
    """The folders templates and assets come from, the user's first."""
    dirs = []
    if template_dir is not None:
        user = Path(template_dir).expanduser().resolve()
        if not user.is_dir():
            raise BriefingError(f"{template_dir}: template folder not found")
        dirs.append(user)
    own = package_template_dir()
    if own not in dirs:
        dirs.append(own)
    return dirs


_SMALL_WORDS = frozenset("of for and the on in to at a an".split())
_TITLE_WORD = re.compile(r"[^\s/-]+|[\s/-]+")


def titlecase(text: str | None) -> str | None:
    """A job title as a style guide writes it: "assistant secretary of state for East Asian and
    Pacific affairs" -> "Assistant Secretary of State for East Asian and Pacific Affairs".

    Words are capitalised except short function words (of, for, and, the, on, in, to, at, a,
    an) after the first; acronyms and words already capitalised (or mixed case: "McDonald",
    "iPhone") are kept as they are; hyphenated parts are capitalised one by one
    ("director-general" -> "Director-General"). Text in scripts without case is unchanged.
    """
    if not text:
        return text
    out = []
    first = True
    for part in _TITLE_WORD.findall(text):
        if not part or part[0].isspace() or part in "/-" or set(part) <= set("/- \t\n"):
            out.append(part)
            continue
        lead = len(part) - len(part.lstrip("(\"'“‘["))
        head, word = part[:lead], part[lead:]
        letters = [c for c in word if c.isalpha()]
        if not letters or any(c.isupper() for c in word) or not word[:1].isalpha():
            out.append(part)  # acronyms, capitalised or mixed case, numbers: as given
        elif not first and word.lower().rstrip(".,;:)'\"") in _SMALL_WORDS:
            out.append(part)
        else:
            out.append(head + word[0].upper() + word[1:])
        first = False
    return "".join(out)


_ENVIRONMENTS: dict = {}


def _environment(template_dir: str | Path | None):
    """Our own templates' environment is made once per process (fitting renders several times);
    a user's folder gets a fresh one each time, so files added to it are always seen."""
    if template_dir is not None:
        return _make_environment(template_dir)
    env = _ENVIRONMENTS.get(None)
    if env is None:
        env = _ENVIRONMENTS[None] = _make_environment(None)
    return env


def _make_environment(template_dir: str | Path | None):
    from jinja2 import Environment, FileSystemLoader, StrictUndefined, select_autoescape

    autoescape = select_autoescape(
        enabled_extensions=("html", "htm", "xml", "j2", "jinja"),
        disabled_extensions=("css",),  # our stylesheet is included verbatim inside <style>
        default_for_string=True,
        default=True,
    )
    env = Environment(
        loader=FileSystemLoader([str(d) for d in template_dirs(template_dir)]),
        autoescape=autoescape,
        undefined=StrictUndefined,
        trim_blocks=False,
        lstrip_blocks=False,
        auto_reload=True,
    )
    env.filters["titlecase"] = titlecase
    return env


# --- what the page shows ---------------------------------------------------------------------


@dataclass
class _Plan:
    """What fitting leaves out, keyed by index into the full brief, and the type size."""

    font_size: float = BASE_FONT_PT
    sentences: set[tuple[int, int]] = field(default_factory=set)
    quotes: set[int] = field(default_factory=set)
    titles: set[int] = field(default_factory=set)
    people: set[int] = field(default_factory=set)
    points: set[int] = field(default_factory=set)
    articles: set[int] = field(default_factory=set)
    hidden: frozenset = frozenset()
    """Articles cut before the first render (`_precut`): never shown, always in `articles`."""
    calib: tuple[float, float] = (1.0, 1.0)
    """Measured over estimated height of the articles and of the quotes (see `_balance`)."""
    columns: "_Columns | None" = None
    """The column widths the last render of this plan used."""

    def apply(self, op: tuple) -> None:
        kind, key = op
        getattr(self, kind).add(key)

    def copy(self) -> "_Plan":
        return copy.deepcopy(self)

    def omitted(self, brief: Brief) -> list[str]:
        shown = _shown_brief(brief, self, note=False)
        kept = _visible_paths(brief, self)
        # sentences a block would have shown; a left-out key point is counted as a key point
        sentences = sum(1 for i, _ in self.sentences if i not in self.articles)
        titles = sum(1 for k in self.titles - self.people
                     if not self.articles or not brief.participants[k].articles
                     or any(x in kept for x in brief.participants[k].articles))
        parts = []
        for n, one, many in (
            (sentences, "summary sentence", "summary sentences"),
            (len(brief.quotes) - len(shown.quotes), "quote", "quotes"),
            (len(brief.participants) - len(shown.participants), "participant", "participants"),
            (titles, "participant's title", "participants' titles"),
            (len(brief.key_points) - len(shown.key_points), "key point", "key points"),
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


def _long_date(d) -> str:
    return f"{d:%A} {d.day} {d:%B %Y}"


def _split_title(title: str) -> tuple[str, str]:
    """'Daily Brief: Korea' -> ('Daily Brief', 'Korea'): the band's label and its heading."""
    t = title.strip()
    low = t.lower()
    if low.startswith("daily brief"):
        rest = t[len("daily brief"):].lstrip(" :·—–-|").strip()
        if rest:
            return "Daily Brief", rest
        return "Briefing", t
    return "Daily Brief", t


def _credit(a: AnalyzedArticle) -> str:
    art = a.article
    bits = []
    for b in (art.source, art.byline, art.date):
        if b and b.strip() and b.strip() not in bits:
            bits.append(b.strip())
    return " · ".join(bits)


def _plural(n: int, one: str, many: str | None = None) -> str:
    return f"{n} {one if n == 1 else (many or one + 's')}"


OTHER_GROUP = "Other"
"""The participants table's row for people whose affiliation is unknown (always the last row)."""

FALLBACK_SENTENCES = 2
"""Sentences an article block shows when its whole summary is already on the page elsewhere."""


def _norm(text: str) -> str:
    """Text compared as a reader would: marks straightened, spacing collapsed, case folded."""
    text = text.replace("’", "'").replace("‘", "'").replace("“", '"').replace("”", '"')
    return " ".join(text.split()).casefold()


def _quote_core(text: str) -> str:
    return _norm(text).strip(" \"'.,;:!?—–-")


def _article_quotes(brief: Brief, i: int) -> list[Quote]:
    """The brief's quotes that come from article `i` (or from no named article)."""
    path = brief.articles[i].article.path
    return [q for q in brief.quotes if q.text and q.text.strip() and (not q.article or q.article == path)]


def _is_quote_sentence(a: AnalyzedArticle, s: int, quotes: list[Quote]) -> bool:
    """True when sentence `s` prints words the quotes column shows: it overlaps a quote's span,
    contains the quote, or lies inside a quote that runs over several sentences."""
    span = a.spans[s] if s < len(a.spans) else (0, 0)
    text = _quote_core(a.sentences[s])
    for q in quotes:
        qs = q.span or (0, 0)
        if span[1] > span[0] and qs[1] > qs[0] and span[0] < qs[1] and qs[0] < span[1]:
            return True
        core = _quote_core(q.text)
        if len(core) >= 12 and (core in text or (len(text) >= 12 and text in core)):
            return True
    return False


def _near(a: str, b: str) -> bool:
    try:
        from .summarize import near_duplicate
    except ImportError:  # pragma: no cover - summarize needs numpy and nltk, both dependencies
        return _norm(a) == _norm(b)
    return near_duplicate(a, b)


def _block_sentences(brief: Brief, i: int) -> list[int]:
    """The sentences article `i`'s block shows, in article order. Nothing is printed twice: a
    sentence that is a key point (or says what one says) is left out, and so is one that prints
    a quote the quotes column shows. If that leaves nothing of the summary, the article's next
    best sentences (ranked over the whole article, junk never) take its place; if there are none,
    the block shows its headline and credit alone rather than repeat anything."""
    a = brief.articles[i]
    n = len(a.sentences)
    points = {kp.sentence for kp in brief.key_points if kp.article == i}
    kp_texts = [kp.text.strip() for kp in brief.key_points]
    quotes = _article_quotes(brief, i)

    def repeats(s: int) -> bool:
        text = a.sentences[s].strip()
        return (s in points or not text or _is_quote_sentence(a, s, quotes)
                or any(_near(text, t) for t in kp_texts))

    summary = [s for s in a.summary if 0 <= s < n]
    fresh = [s for s in summary if not repeats(s)]
    if fresh:
        return fresh
    try:
        from .summarize import is_junk, rank_sentences
        ranked = rank_sentences(a.sentences)
    except ImportError:  # pragma: no cover
        ranked, is_junk = list(range(n)), (lambda s: not s.strip())
    picks: list[int] = []
    for s in ranked:
        if not 0 <= s < n or s in summary or repeats(s) or is_junk(a.sentences[s]):
            continue
        if any(_near(a.sentences[s], a.sentences[p]) for p in picks):
            continue
        picks.append(s)
        if len(picks) >= FALLBACK_SENTENCES:
            break
    return sorted(picks)


def _on_page(brief: Brief, plan: "_Plan", i: int) -> set[int]:
    """Article `i`'s summary sentences the page prints: in its block (unless fitting dropped
    them) or as a key point that is kept."""
    a = brief.articles[i]
    block = set(_block_sentences(brief, i))
    kept_points = {kp.sentence for k, kp in enumerate(brief.key_points) if kp.article == i and k not in plan.points}
    return {s for s in a.summary if (s in block and (i, s) not in plan.sentences) or s in kept_points}


def _referenced(brief: Brief, plan: "_Plan") -> list[int]:
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


def _visible_paths(brief: Brief, plan: "_Plan") -> set[str]:
    """Paths of the articles the page shows or cites."""
    idx = [i for i in range(len(brief.articles)) if i not in plan.articles] + _referenced(brief, plan)
    return {brief.articles[i].article.path for i in idx}


def _person_visible(p: Participant, plan: "_Plan", visible: set[str]) -> bool:
    """A participant stays while an article they appear in is shown or cited."""
    return not plan.articles or not p.articles or any(x in visible for x in p.articles)


def article_order(brief: Brief) -> list[int]:
    """Articles best first for the page: those holding key points (in key-point order), then
    those holding the top quotes (in quote order), then by what the analysis found in them
    (quotes, people, length), then input order. Fitting leaves out the last ones first."""
    n = len(brief.articles)
    path_index = {a.article.path: i for i, a in enumerate(brief.articles)}
    first: list[int] = []
    for kp in brief.key_points:
        if 0 <= kp.article < n and kp.article not in first:
            first.append(kp.article)
    for q in brief.quotes:
        i = path_index.get(q.article, -1)
        if i >= 0 and i not in first:
            first.append(i)

    def weight(i: int) -> float:
        a = brief.articles[i]
        return len(a.quotes) + len(a.participants) + len(a.article.text) / 1000

    rest = sorted((i for i in range(n) if i not in first), key=lambda i: (-weight(i), i))
    return first + rest


PAGE_HEIGHT_PX = {"a4": (297 - 28) / 25.4 * 96, "letter": (11 * 25.4 - 28) / 25.4 * 96}
"""The page's text height (page less the 13mm top and 15mm bottom margins of brief.css), CSS px."""
PRECUT_BUDGET = 1.2
"""`_precut` keeps the articles whose estimated page, one sentence each, fills this much of it
(the estimates run 10-25% over what WeasyPrint lays out; fitting then measures)."""
PRECUT_KEEP = 8
"""`_precut` always keeps this many articles: laying out a few is cheap, and fitting measures."""
PRECUT_QUOTES = 3
"""Quotes `_precut` counts on: fitting leaves out the others before any article."""


def _precut(brief: Brief, order: list[int]) -> frozenset:
    """The articles a first render need not lay out: with every article at its best sentence,
    all key points, `PRECUT_QUOTES` quotes and the people, the estimated page (the per-element height
    model of `_balance`) fills up after the first few of `order`; the rest are cut before
    any render. A day of 500 articles is 93 pages of HTML to lay out otherwise. Nothing is
    cut while everything plausibly fits."""
    n = len(brief.articles)
    if n <= PRECUT_KEEP:
        return frozenset()
    fs = BASE_FONT_PT * 96 / 72
    size = (brief.page_size or "a4").lower()
    width = CONTENT_WIDTH_PX.get(size, CONTENT_WIDTH_PX["a4"])
    avail = PAGE_HEIGHT_PX.get(size, PAGE_HEIGHT_PX["a4"])
    wl = PREFERRED_LEFT * (width - COLUMN_GAP_REM * fs)
    wr = (width - COLUMN_GAP_REM * fs) - wl
    head = _heading_height(fs)
    fixed = 5.2 * fs  # the title band
    if brief.key_points:
        fixed += head + sum(_lines(len(kp.text) + 5, width - 1.2 * fs, fs, 0.47) * 1.34 * fs + 0.3 * fs
                            for kp in brief.key_points)
    quotes = sum(_quote_height(q.text, len(q.speaker or "speaker not named") + len(q.title or "") + 9, wr, fs)
                 for q in brief.quotes[:PRECUT_QUOTES])
    right = head + quotes if brief.quotes else 0.0
    paths: set[str] = set()
    left = head
    kept: list[int] = []
    for k, i in enumerate(order):
        a = brief.articles[i]
        best = next((s for s in (a.summary_rank or a.summary) if 0 <= s < len(a.sentences)), None)
        chars = len(a.sentences[best]) + 1 if best is not None else 0
        left += _article_height(a.article.title, _credit(a), chars, wl, fs)
        paths.add(a.article.path)
        names = sum(len(p.name) + len(p.title or "") // 2 + 4 for p in brief.participants
                    if not p.articles or any(x in paths for x in p.articles))
        people = head + _lines(names, width * 0.8, 0.85 * fs, 0.5) * 1.3 * 0.85 * fs + 4 * fs
        sources = _lines(sum(len(Path(brief.articles[j].article.path).name) + len(brief.articles[j].article.source or "") + 8
                             for j in order[:k + 1]), width, 0.7 * fs, 0.5) * 1.34 * 0.7 * fs + 3 * fs
        total = fixed + max(left, right) + people + sources
        if len(kept) >= PRECUT_KEEP and total > avail * PRECUT_BUDGET:
            break
        kept.append(i)
    if len(kept) == n:
        return frozenset()
    return frozenset(range(n)) - set(kept)


# --- the two columns: articles on the left, quotes on the right --------------------------------

CONTENT_WIDTH_PX = {"a4": (210 - 30) / 25.4 * 96, "letter": (8.5 * 25.4 - 30) / 25.4 * 96}
"""The page's text width (page less the 15mm side margins of brief.css), CSS px."""
COLUMN_GAP_REM = 1.6
LEFT_SHARE = (0.44, 0.66)
"""The articles column takes this share of the width at least and at most (the sketch: ~58%)."""
PREFERRED_LEFT = 0.57
MIN_QUOTES_RIGHT = 3
"""Quotes moved under the articles ("More quotes") leave at least this many, and at least half,
in the quotes column."""


@dataclass
class _Columns:
    left: float = PREFERRED_LEFT
    """Share of the width the articles column takes."""
    moved: int = 0
    """How many of the lowest-ranked quotes shown continue under the articles."""
    height_left: float = 0.0
    height_right: float = 0.0


def _lines(chars: float, width: float, size: float, em_per_char: float) -> int:
    if chars <= 0:
        return 0
    per_line = max(1.0, width / (size * em_per_char))
    return math.ceil(chars / per_line)


def _article_height(title: str, credit: str, chars: int, width: float, fs: float) -> float:
    inner = width - 1.25 * fs
    h = _lines(len(title), inner, 0.95 * fs, 0.56) * 1.22 * 0.95 * fs
    h += _lines(len(credit), inner, 0.7 * fs, 0.52) * 1.34 * 0.7 * fs
    h += _lines(chars, inner, fs, 0.47) * 1.34 * fs
    return h + 0.86 * fs


def _quote_height(text: str, caption: int, width: float, fs: float) -> float:
    inner = width - 0.7 * fs - 2.2
    h = _lines(len(text) + 2, inner, 0.95 * fs, 0.45) * 1.3 * 0.95 * fs
    h += _lines(caption, inner, 0.7 * fs, 0.5) * 1.3 * 0.7 * fs
    return h + 0.83 * fs


def _heading_height(fs: float) -> float:
    return 0.7 * fs * 1.34 + 0.57 * fs + 1.2


def _balance(brief: Brief, articles: list[dict], quotes: list[dict], font_pt: float,
             calib: tuple[float, float] = (1.0, 1.0)) -> _Columns:
    """Widths for the two columns from the estimated heights of what they hold: the column
    with more to say gets more width, within `LEFT_SHARE`. When that is not enough (a long
    list of quotes beside one short article), the lowest-ranked quotes continue under the
    articles. `calib` scales the estimates by what the last render measured."""
    if not quotes:
        return _Columns(left=1.0)
    fs = font_pt * 96 / 72
    width = CONTENT_WIDTH_PX.get((brief.page_size or "a4").lower(), CONTENT_WIDTH_PX["a4"])
    width -= COLUMN_GAP_REM * fs
    head = _heading_height(fs)
    arts = [(a["title"], a["credit"], sum(len(s["text"]) + 1 for s in a["sentences"])) for a in articles]
    qts = [(q["text"], len(q["speaker"] or "speaker not named") + len(q["title"] or "") + 9) for q in quotes]
    ca, cq = calib
    max_moved = max(0, len(qts) - max(MIN_QUOTES_RIGHT, math.ceil(len(qts) / 2)))
    best: _Columns | None = None
    for moved in range(max_moved + 1):
        right, more = qts[:len(qts) - moved], qts[len(qts) - moved:]
        for step in range(round(LEFT_SHARE[0] * 100), round(LEFT_SHARE[1] * 100) + 1):
            f = step / 100
            wl, wr = f * width, (1 - f) * width
            hl = head + ca * sum(_article_height(t, c, n, wl, fs) for t, c, n in arts)
            if more:
                hl += head + cq * sum(_quote_height(t, c, wl, fs) for t, c in more)
            hr = head + cq * sum(_quote_height(t, c, wr, fs) for t, c in right)
            cand = _Columns(left=f, moved=moved, height_left=hl, height_right=hr)
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


def _rebalanced_height(area_left: float, area_right: float) -> float:
    """The taller column's height once the widths are rebalanced for the content areas given
    (height times width share)."""
    total = area_left + area_right
    if total <= 0:
        return 0.0
    f = min(LEFT_SHARE[1], max(LEFT_SHARE[0], area_left / total))
    return max(area_left / f, area_right / (1 - f))


def _view(brief: Brief, plan: _Plan | None = None, *, for_pdf: bool, pages: int | None,
          overflow: bool, template_dir=None) -> dict:
    plan = plan or _Plan()
    shown = [i for i in range(len(brief.articles)) if i not in plan.articles]
    number = {i: n for n, i in enumerate(shown, 1)}
    articles = []
    for i in shown:
        a = brief.articles[i]
        order = [s for s in _block_sentences(brief, i) if (i, s) not in plan.sentences]
        articles.append({
            "anchor": f"a-{i}",
            "number": number[i],
            "title": a.article.title,
            "title_derived": a.article.title_derived,
            "credit": _credit(a),
            "file": Path(a.article.path).name,
            "source": a.article.source,
            "sentences": [{"anchor": f"s-{i}-{s}", "text": a.sentences[s].strip()} for s in order],
        })
    cited = _referenced(brief, plan)
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
    cols = plan.columns = _balance(brief, articles, quotes, plan.font_size, plan.calib)
    more_quotes = quotes[len(quotes) - cols.moved:] if cols.moved else []
    quotes = quotes[:len(quotes) - cols.moved]
    groups: dict[str, dict] = {}
    for k, p in enumerate(brief.participants):
        if k in plan.people:
            continue
        if plan.articles and p.articles and not any(x in paths for x in p.articles):
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
    meta = [_plural(len(shown), "article") if not plan.hidden
            else f"{len(shown)} of {_plural(len(brief.articles), 'article')}"]
    if sources:
        meta.append(_plural(len(sources), "source"))
    if brief.skipped:
        meta.append(_plural(len(brief.skipped), "file") + " not used")
    label, heading = _split_title(brief.title)
    omitted = [o.strip().rstrip(".") for o in list(brief.omitted) + plan.omitted(brief) if o.strip()]
    return {
        "brief": brief,
        "label": label,
        "heading": heading,
        "date_long": _long_date(brief.date),
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


def _section_estimates(brief: Brief, plan: _Plan) -> dict[str, float]:
    """Estimated heights (CSS px) of the parts of the page fitting changes, for `plan`: the key
    points, the two columns (the taller, from `_balance` with the plan's calibration), the
    participants table and the sources footer. Only differences between two plans are used
    (`_predict_total`), each scaled by what a render measured, so rough is good enough."""
    view = _view(brief, plan, for_pdf=True, pages=None, overflow=False)
    fs = plan.font_size * 96 / 72
    width = CONTENT_WIDTH_PX.get((brief.page_size or "a4").lower(), CONTENT_WIDTH_PX["a4"])
    head = _heading_height(fs)
    est: dict[str, float] = {}
    kps = view["key_points"]
    est["sec-kp"] = head + sum(_lines(len(k["text"]) + 5, width - 1.1 * fs, 1.04 * fs, 0.47) * 1.32 * 1.04 * fs
                               + 0.28 * fs for k in kps) if kps else 0.0
    cols = plan.columns
    est["cols"] = max(cols.height_left, cols.height_right) if cols is not None else 0.0
    size = 0.84 * fs
    rows = 0.0
    for g in view["groups"]:
        chars = sum(len(p["name"]) + 3 + (len(p["title"]) + 3 if p["title"] else 0) + (5 if p["quoted"] else 0)
                    for p in g["people"])
        lines = max(_lines(len(g["label"]), 6.8 * fs, 0.7 * fs, 0.6), _lines(chars, width - 8.5 * fs, size, 0.5))
        rows += lines * 1.32 * size + 0.32 * fs + 0.5
    est["sec-parts"] = head + rows if view["groups"] else 0.0
    small = 0.64 * fs
    chars = sum(len(str(a["number"])) + len(a["file"]) + len(a.get("source") or "") + 8 for a in view["articles_all"])
    est["sec-sources"] = ((_lines(chars + 10, width, small, 0.5) + _lines(len(view["omitted_text"]), width, small, 0.5))
                          * 1.4 * small + 0.3 * fs)
    return est


def _measured_sections(m: "_Measure") -> dict[str, float]:
    left = m.h.get("sec-articles", 0.0) + m.h.get("sec-more", 0.0)
    return {"sec-kp": m.h.get("sec-kp", 0.0), "cols": max(left, m.h.get("sec-quotes", 0.0)),
            "sec-parts": m.h.get("sec-parts", 0.0), "sec-sources": m.h.get("sec-sources", 0.0)}


def _predict_total(brief: Brief, plan: _Plan, ref: _Plan, ref_m: "_Measure",
                   ref_est: dict[str, float] | None = None) -> float:
    """The laid-out height `plan` would have, from a render of `ref` at the same type size: what
    was measured there, plus the estimated change of each part of the page, scaled by how far
    that part's estimate was off in the render (the columns are already calibrated)."""
    ref_est = ref_est if ref_est is not None else _section_estimates(brief, ref)
    est = _section_estimates(brief, plan)
    got = _measured_sections(ref_m)
    total = ref_m.total
    for part, e in est.items():
        r = 1.0
        if part != "cols" and got[part] > 0 and ref_est[part] > 0:
            r = min(2.0, max(0.5, got[part] / ref_est[part]))
        total += r * (e - ref_est[part])
    return total


def _render(brief: Brief, plan: _Plan | None, template_dir=None, *, for_pdf: bool,
            pages: int | None = None, overflow: bool = False) -> str:
    if (brief.page_size or "a4").lower() not in PAGE_CSS:
        raise BriefingError(f"page size must be a4 or letter, not {brief.page_size!r}")
    env = _environment(template_dir)
    template = env.get_template("brief.html")
    return template.render(**_view(brief, plan, for_pdf=for_pdf, pages=pages, overflow=overflow,
                                   template_dir=template_dir))


def render_html(brief: Brief, template_dir: str | Path | None = None, *, for_pdf: bool = False,
                pages: int | None = None, overflow: bool = False) -> str:
    """The brief as one self-contained HTML page (stylesheet inlined); article text escaped."""
    return _render(brief, None, template_dir, for_pdf=for_pdf, pages=pages, overflow=overflow)


# --- PDF -------------------------------------------------------------------------------------


def _fetcher_class():
    from weasyprint.urls import URLFetcher, URLFetcherResponse

    class TemplateOnlyFetcher(URLFetcher):
        """Reads files inside the template folders and data: URIs; refuses everything else."""

        def __init__(self, roots: list[Path]):
            super().__init__(allowed_protocols=("file", "data"), allow_redirects=False)
            self.roots = [Path(r).resolve() for r in roots]

        def allowed_path(self, url: str) -> Path:
            parts = urlsplit(url)
            if parts.scheme.lower() != "file" or parts.netloc not in ("", "localhost"):
                raise BriefingError(f"refused to fetch {url!r}: only template files are read")
            path = Path(unquote(parts.path)).resolve()
            for root in self.roots:
                if path == root or root in path.parents:
                    if path.is_file():
                        return path
                    raise BriefingError(f"refused to fetch {url!r}: no such template file")
            raise BriefingError(f"refused to fetch {url!r}: outside the template folders")

        def fetch(self, url, headers=None):
            scheme = url.split(":", 1)[0].lower() if ":" in url else ""
            if scheme == "data":
                return super().fetch(url, headers)
            path = self.allowed_path(url)
            mime = mimetypes.guess_type(path.name)[0] or "application/octet-stream"
            return URLFetcherResponse(path.as_uri(), path.read_bytes(), {"Content-Type": mime})

    return TemplateOnlyFetcher


def make_url_fetcher(template_dir: str | Path | None = None):
    """The fetcher WeasyPrint uses: our template assets and data: URIs only."""
    return _fetcher_class()(template_dirs(template_dir))


def _document(html: str, template_dir=None):
    import weasyprint

    dirs = template_dirs(template_dir)
    base = dirs[0].as_uri() + "/"
    return weasyprint.HTML(string=html, base_url=base, url_fetcher=make_url_fetcher(template_dir)).render()


def render_pdf(html: str, template_dir: str | Path | None = None) -> bytes:
    """Print `html` to PDF with fonts embedded; only template assets can be read."""
    return _document(html, template_dir).write_pdf()


# --- fitting to one page ---------------------------------------------------------------------


@dataclass
class RenderedBrief:
    """The brief as laid out: HTML (screen), PDF bytes, its page count, what it shows."""

    html: str
    pdf: bytes
    pages: int
    brief: Brief
    """The brief as shown on the page (what fitting left out removed, `omitted` filled in)."""
    omitted: list[str] = field(default_factory=list)
    font_size: float = BASE_FONT_PT
    renders: int = 1
    overflow: bool = False
    """True only if even the barest brief could not fit (content runs past the bottom margin)."""
    fill: float = 0.0
    """How full the page is: the laid-out height over the page's text height (from `_measure`)."""


@dataclass
class _Measure:
    pages: int
    avail: float
    total: float
    y: dict[str, float]
    h: dict[str, float] = field(default_factory=dict)
    """Laid-out height (margins included) of every element with an id, fragments summed: an
    item split over the two columns counts both parts."""

    @property
    def fits(self) -> bool:
        return self.pages == 1 and self.total <= self.avail + 0.5

    @property
    def fill(self) -> float:
        return self.total / self.avail if self.avail else float(self.pages)


def _measure(doc) -> _Measure:
    """Where every anchored element starts, as one continuous column across pages (CSS px)."""
    pages = doc.pages
    first = pages[0]
    top = first.anchors.get("brief-start", (0, 0))[1]
    try:
        bottom_margin = first._page_box.margin_bottom
    except AttributeError:  # pragma: no cover - internal API moved: assume symmetric margins
        bottom_margin = top
    avail = first.height - top - bottom_margin
    y: dict[str, float] = {}
    for n, page in enumerate(pages):
        for name, box in page.anchors.items():
            py = box[1]
            if name not in y:
                y[name] = n * avail + (py - top)
    total = y.get("brief-end", len(pages) * avail)
    return _Measure(pages=len(pages), avail=avail, total=total, y=y, h=_box_heights(pages))


def _box_heights(pages) -> dict[str, float]:
    heights: dict[str, float] = {}
    for page in pages:
        try:
            root = page._page_box
        except AttributeError:  # pragma: no cover - internal API moved: estimates use anchors only
            return heights
        stack = [(root, None)]
        while stack:
            box, parent_el = stack.pop()
            el = getattr(box, "element", None)
            if el is not None and el is not parent_el and type(box).__name__ == "BlockBox":
                ident = el.get("id")
                if ident:
                    heights[ident] = heights.get(ident, 0.0) + box.margin_height()
            stack.extend((c, el) for c in getattr(box, "children", ()) or ())
    return heights


def _drop_sequence(brief: Brief, hidden: frozenset = frozenset(), order: list[int] | None = None) -> list[tuple]:
    """Everything fitting may leave out, least important first, as (kind, key) operations.
    Articles in `hidden` (cut before the first render) have none; articles go in the reverse
    of `order` (`article_order`), never the first of it."""
    n_articles = len(brief.articles)
    order = [i for i in (order if order is not None else range(n_articles)) if i not in hidden]
    remaining = {i: [] for i in hidden}
    for i in order:
        a = brief.articles[i]
        remaining[i] = list(a.summary_rank or a.summary)
        shown = _block_sentences(brief, i)  # a key point's sentence is not in the block to drop
        remaining[i] = [s for s in remaining[i] if s in shown] + [s for s in shown if s not in remaining[i]]

    def sentence_ops(floor: int):
        while True:
            cands = [i for i in order if len(remaining[i]) > floor]
            if not cands:
                return
            i = max(cands, key=lambda i: (sum(len(brief.articles[i].sentences[s]) for s in remaining[i]), i))
            s = remaining[i].pop()
            yield ("sentences", (i, s))

    kept_quotes = list(range(len(brief.quotes)))

    def quote_ops(floor: int):
        while len(kept_quotes) > floor:
            yield ("quotes", kept_quotes.pop())

    ranked = list(range(len(brief.participants)))
    dropped_people: set[int] = set()
    dropped_titles: set[int] = set()

    def people_ops(select):
        group = [k for k in reversed(ranked) if select(brief.participants[k]) and k not in dropped_people]
        for k in group:
            if brief.participants[k].title and k not in dropped_titles:
                dropped_titles.add(k)
                yield ("titles", k)
        for k in group:
            if k not in dropped_people:
                dropped_people.add(k)
                yield ("people", k)

    def title_ops(select):
        for k in reversed(ranked):
            if select(brief.participants[k]) and brief.participants[k].title and k not in dropped_titles:
                dropped_titles.add(k)
                yield ("titles", k)

    kept_points = list(range(len(brief.key_points)))

    def point_ops(floor: int):
        while len(kept_points) > floor:
            yield ("points", kept_points.pop())

    def minor(p: Participant) -> bool:
        return not p.quoted and (p.mentions or 0) <= 1

    def unquoted(p: Participant) -> bool:
        return not p.quoted

    kept_articles = list(order)

    def article_ops(floor: int):
        while len(kept_articles) > max(1, floor):  # the lowest-ranked first, never the first
            yield ("articles", kept_articles.pop())

    # Key points are the page's most valuable lines: every article keeps its first sentence,
    # and minor participants and the lowest-ranked quotes go, before any key point does.
    # Fitting puts content back in the reverse of this order, so key points come back first.
    # On a crowded day (`hidden`: articles cut before the first render) the page already shows
    # a selection, and participants' titles and one article fewer cost less than a key point of
    # the day's summary.
    crowded = bool(hidden)
    tiers = [
        [(sentence_ops(2), 1), (quote_ops(5), 1), (people_ops(minor), 2)],
        [(sentence_ops(1), 1), (quote_ops(3), 1)],
        [(people_ops(unquoted), 2)],
        # a quote's caption still gives its speaker's title
        [(title_ops(lambda p: True), 2)] if crowded else [],
        [(article_ops(3), 1)] if crowded else [],
        [(point_ops(3), 1)],
        [(article_ops(1), 1)],
        [(quote_ops(0), 1), (people_ops(lambda p: True), 2)],
    ]
    ops: list[tuple] = []
    for tier in tiers:
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


def _op_height(op: tuple, brief: Brief, m: _Measure, state: dict) -> tuple[str, float]:
    """Which part of the page an operation shrinks ('top', 'A', 'Q', 'P') and by how much."""
    y = m.y
    kind, key = op

    def block(anchor: str, nxt: list[str]) -> float:
        if anchor not in y:
            return 0.0
        for n in nxt:
            if n in y and y[n] > y[anchor]:
                return y[n] - y[anchor]
        return 0.0

    if kind == "points":
        later = [f"kp-{k}" for k in range(key + 1, len(brief.key_points))] + ["kp-end"]
        return "top", block(f"kp-{key}", later)
    if kind == "quotes":
        return "F", m.h.get(f"q-{key}", 0.0)
    if kind in ("sentences", "articles"):
        i = key[0] if kind == "sentences" else key
        h = m.h.get(f"a-{i}", 0.0)
        a = brief.articles[i]
        chars = state.setdefault(("achars", i), len(a.article.title) * 1.6 + len(_credit(a)) * 0.7 + 40 + sum(
            len(a.sentences[s]) + 1 for s in a.summary if f"s-{i}-{s}" in y))
        if kind == "articles":
            return "F", h * state.get(("ashare", i), 1.0)
        share = (len(a.sentences[key[1]]) + 1) / chars
        state[("ashare", i)] = state.get(("ashare", i), 1.0) - share
        return "F", h * share
    if kind in ("titles", "people"):
        anchor = f"p-{key}"
        row = None
        for g in range(len(brief.participants)):
            name = f"g-{g}"
            if name in y and y[name] <= y.get(anchor, -1):
                row = g
        if row is None:
            return "P", 0.0
        nxt = [f"g-{g}" for g in range(row + 1, len(brief.participants) + 1)] + ["parts-end"]
        h = block(f"g-{row}", nxt)
        members = state.setdefault(("members", row), [
            k for k, p in enumerate(brief.participants) if f"p-{k}" in y
            and max((gg for gg in range(len(brief.participants)) if f"g-{gg}" in y and y[f"g-{gg}"] <= y[f"p-{k}"]),
                    default=None) == row])
        p = brief.participants[key]
        rowchars = state.setdefault(("rchars", row), sum(
            len(brief.participants[k].name) + len(brief.participants[k].title or "") + 4 for k in members) or 1)
        if kind == "titles":
            return "P", h * len(p.title or "") / rowchars * 0.9
        left = state.setdefault(("left", row), set(members))
        left.discard(key)
        if not left:
            return "P", h * state.get(("rshare", row), 1.0)
        share = (len(p.name) + 4 + (0 if key in state.get("titled", set()) else len(p.title or ""))) / rowchars
        state[("rshare", row)] = state.get(("rshare", row), 1.0) - share
        # a row keeps at least one line however little is left in it
        return "P", h * share * 0.8
    return "top", 0.0


def _plan_drops(brief: Brief, ops: list[tuple], start: int, m: _Measure, scale: float,
                target: float = 0.97, cols: "_Columns | None" = None) -> int:
    """How many more operations (from `start`) the measured overflow calls for."""
    # Articles (left) and quotes (right) sit side by side and the next render rebalances the
    # widths: leaving out an item of height h in a column of width share f frees about h * f of
    # area there, and the middle of the page is as tall as the taller rebalanced column.
    f = cols.left if cols is not None and cols.left < 1 else None
    h_left = m.h.get("sec-articles", 0.0) + m.h.get("sec-more", 0.0)
    h_right = m.h.get("sec-quotes", 0.0)
    area_left = h_left * (f or 1.0)
    area_right = h_right * (1 - f) if f else 0.0
    middle = max(h_left, h_right)
    total = m.total * scale
    state: dict = {}
    k = start
    while total > m.avail * target and k < len(ops):
        where, h = _op_height(ops[k], brief, m, state)
        if ops[k][0] == "titles":
            state.setdefault("titled", set()).add(ops[k][1])
        if where == "F" and middle:
            if ops[k][0] == "quotes" and f:
                area_right = max(0.0, area_right - h * (1 - f))
            else:
                area_left = max(0.0, area_left - h * (f or 1.0))
            new_middle = _rebalanced_height(area_left, area_right) if f else area_left
            total -= (middle - new_middle) * scale
            middle = new_middle
        else:
            total -= h * scale
        k += 1
    return max(k, start + 1) if start < len(ops) else start


def _taller_column_first(ops: list[tuple], brief: Brief, m: _Measure, cols: "_Columns | None") -> list[tuple]:
    """The drop order with the shorter column's items held back while the other column is too
    tall for any width split to balance: leaving out a quote beside a long list of articles (or
    the other way round) would not shorten the page at all."""
    if cols is None or cols.left >= 1:
        return ops
    f = cols.left
    area = {"L": (m.h.get("sec-articles", 0.0) + m.h.get("sec-more", 0.0)) * f,
            "R": m.h.get("sec-quotes", 0.0) * (1 - f)}
    if area["L"] <= 0 or area["R"] <= 0:
        return ops

    def heavy() -> str | None:
        share = area["L"] / (area["L"] + area["R"])
        return "L" if share > LEFT_SHARE[1] else "R" if share < LEFT_SHARE[0] else None

    side = heavy()
    if side is None:
        return ops
    out: list[tuple] = []
    held: list[tuple] = []
    state: dict = {}
    for op in ops:
        if op[0] not in ("quotes", "sentences", "articles") or heavy() != side:
            out.append(op)
            continue
        col = "R" if op[0] == "quotes" else "L"
        if col != side:
            held.append(op)
            continue
        _, h = _op_height(op, brief, m, state)
        area[col] = max(1.0, area[col] - h * (f if col == "L" else 1 - f))
        out.append(op)
        if heavy() != side:
            out.extend(held)
            held = []
    return out + held


def _shown_brief(brief: Brief, plan: _Plan, note: bool = True) -> Brief:
    """A copy of `brief` holding what the page shows. Every article stays listed (brief.json
    names them all): first the ones shown, in page order, then those the page cites without
    showing, then the rest; an article not shown keeps as its summary only the sentences its key
    points print (none for most). Key points and quotes
    are kept whether or not their article's block is shown (they cite it by number)."""
    keep = [i for i in range(len(brief.articles)) if i not in plan.articles]
    cited = _referenced(brief, plan)
    rest = [i for i in range(len(brief.articles)) if i in plan.articles and i not in cited]
    new_index = {old: new for new, old in enumerate(keep + cited + rest)}
    articles = []
    for i in keep:
        a = brief.articles[i]
        on_page = _on_page(brief, plan, i)
        extra = [s for s in _block_sentences(brief, i) if s not in a.summary and (i, s) not in plan.sentences]
        summary = sorted({s for s in a.summary if s in on_page} | set(extra))
        rank = [s for s in (a.summary_rank or []) if s in on_page] + extra
        articles.append(dataclasses.replace(a, summary=summary, summary_rank=rank))
    for i in cited + rest:
        a = brief.articles[i]
        on_page = {kp.sentence for k, kp in enumerate(brief.key_points) if kp.article == i and k not in plan.points}
        articles.append(dataclasses.replace(a, summary=sorted(on_page),
                                            summary_rank=[s for s in (a.summary_rank or []) if s in on_page]))
    visible = _visible_paths(brief, plan)
    points = [dataclasses.replace(kp, article=new_index[kp.article])
              for k, kp in enumerate(brief.key_points) if k not in plan.points and kp.article in new_index]
    quotes = [q for k, q in enumerate(brief.quotes) if k not in plan.quotes]
    people = []
    for k, p in enumerate(brief.participants):
        if k in plan.people or not _person_visible(p, plan, visible):
            continue
        people.append(dataclasses.replace(p, title=None) if k in plan.titles else p)
    omitted = list(brief.omitted) + (plan.omitted(brief) if note else [])
    return dataclasses.replace(brief, articles=articles, key_points=points, quotes=quotes,
                               participants=people, omitted=omitted)


def fit_to_page(brief: Brief, template_dir: str | Path | None = None) -> RenderedBrief:
    """Lay the brief out on exactly one page, leaving out the least important content.

    Renders once; if that runs over, it measures where every item fell, shrinks the type
    (10pt down to 9pt) when the overflow is small, otherwise estimates how much of the drop
    order to take and renders again; a fitting page with much room to spare is refined by
    bisection. A handful of renders, never one per dropped item. Only whole sentences, quotes,
    titles, entries and key points are ever left out. Before the first render, a day of more
    articles than can plausibly fit is cut to the best of them (`article_order`, `_precut`), so
    the first layout is a page or two, not one per article; the rest are named in brief.json.
    """
    order = article_order(brief)
    hidden = _precut(brief, order)
    ops = _drop_sequence(brief, hidden, order)
    renders = 0
    font = BASE_FONT_PT
    calib = (1.0, 1.0)

    def plan_for(n: int, size: float) -> _Plan:
        plan = _Plan(font_size=size, calib=calib, hidden=hidden, articles=set(hidden))
        for op in ops[:n]:
            plan.apply(op)
        return plan

    def layout(n: int, size: float):
        nonlocal renders
        renders += 1
        plan = plan_for(n, size)
        html = _render(brief, plan, template_dir, for_pdf=True)
        doc = _document(html, template_dir)
        measured = _measure(doc)
        _calibrate(plan, measured)
        return plan, doc, measured

    def _calibrate(plan: _Plan, measured: _Measure) -> None:
        # how far off the column estimates were: the next render's widths use what we saw
        nonlocal calib
        c = plan.columns
        if c is None or c.left >= 1 or not c.height_left or not c.height_right:
            return
        left = measured.h.get("sec-articles", 0.0) + measured.h.get("sec-more", 0.0)
        right = measured.h.get("sec-quotes", 0.0)
        if left > 0 and right > 0:
            calib = (min(2.0, max(0.5, plan.calib[0] * left / c.height_left)),
                     min(2.0, max(0.5, plan.calib[1] * right / c.height_right)))

    def put_back(lo: int, hi: int, n_ref: int, m_ref: _Measure, target: float) -> int | None:
        """The fewest drops between `lo` and `hi` (both excluded) whose page is predicted, from
        the render of `n_ref` drops, to fill at most `target` of it; None if none is."""
        ref = plan_for(n_ref, font)
        ref_est = _section_estimates(brief, ref)

        def ok(n: int) -> bool:
            return _predict_total(brief, plan_for(n, font), ref, m_ref, ref_est) <= m_ref.avail * target

        a, b = lo + 1, hi - 1
        if a > b or not ok(b):
            return None
        while a < b:  # the page shrinks as drops are added: the first n that passes
            mid = (a + b) // 2
            if ok(mid):
                b = mid
            else:
                a = mid + 1
        return b

    done = 0
    plan, doc, m = layout(done, font)
    ops = _taller_column_first(ops, brief, m, plan.columns)
    lo = -1          # most operations known to overflow (at the current type size)
    best = None      # (done, plan, doc, m) of the fullest page known to fit
    while renders < MAX_RENDERS + 2:
        if m.fits:
            if best is None or done < best[0]:
                best = (done, plan, doc, m)
            if done - lo <= 1 or renders >= MAX_RENDERS or m.fill >= FULL_ENOUGH:
                break
            # Room to spare: put back the most valuable of what was left out. From this render's
            # measured heights (and the estimate of every item put back, calibrated by them),
            # predict the fullest page that still fits; bisect when that says nothing new.
            est = put_back(lo, done, done, m, PUT_BACK_TARGET)
            if est is None:
                est = (lo + done + 1) // 2
            done = est
            plan, doc, m = layout(done, font)
            continue
        lo = max(lo, done)
        if best is not None:
            if best[0] - lo <= 1 or renders >= MAX_RENDERS:
                break
            # put back too much: predict again from this render, with a wider margin
            est = put_back(lo, best[0], done, m, PUT_BACK_TARGET - 0.03)
            if est is None:
                break
            done = est
            plan, doc, m = layout(done, font)
            continue
        if done >= len(ops):  # nothing left to leave out: smallest type, then give up
            if font > LAST_RESORT_FONT_PT:
                font = LAST_RESORT_FONT_PT
                plan, doc, m = layout(done, font)
                continue
            break
        scale = 1.0
        if font > MIN_FONT_PT:
            # Text height goes roughly with the square of the type size (taller lines, fewer
            # words per line); headings and rules less so: 1.7 in between.
            needed = BASE_FONT_PT * (0.975 / max(m.fill, 1e-6)) ** (1 / 1.7)
            new_font = max(MIN_FONT_PT, math.floor(needed * 4) / 4)
            scale = (new_font / font) ** 1.7
            font = new_font
            if done == 0 and (new_font > MIN_FONT_PT or m.fill * scale <= 0.975):
                plan, doc, m = layout(done, font)  # shrinking alone should do
                continue
            lo = -1  # what overflowed at the larger size says little at this one
        if renders >= MAX_RENDERS:
            done = min(len(ops), done + max(1, (len(ops) - done) // 2))
        else:
            done = _plan_drops(brief, ops, done, m, scale, cols=plan.columns)
        plan, doc, m = layout(done, font)
    if best is not None and not m.fits or (best is not None and best[0] < done):
        done, plan, doc, m = best

    shown = _shown_brief(brief, plan)
    pdf = doc.write_pdf()
    html = _render(brief, plan, template_dir, for_pdf=False, pages=m.pages, overflow=not m.fits)
    return RenderedBrief(html=html, pdf=pdf, pages=m.pages, brief=shown, omitted=list(shown.omitted),
                         font_size=plan.font_size, renders=renders, overflow=not m.fits, fill=m.fill)


# --- outputs ---------------------------------------------------------------------------------


def brief_json(brief: Brief) -> str:
    return json.dumps(brief.to_json(), ensure_ascii=False, indent=2) + "\n"


def write_outputs(brief: Brief, out_dir: str | Path, template_dir: str | Path | None = None,
                  *, rendered: RenderedBrief | None = None) -> dict[str, Path]:
    """Fit the brief to one page and write brief.pdf, brief.html and brief.json to `out_dir`.

    Everything is rendered before anything is written, and each file replaces the old one in
    a single step, so a failure leaves the previous brief whole.
    """
    out = Path(out_dir)
    try:
        out.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise BriefingError(f"{out}: cannot create the output folder ({exc.strerror or exc})") from None
    if not os.access(out, os.W_OK | os.X_OK):
        raise BriefingError(f"{out}: output folder is not writable")
    result = rendered or fit_to_page(brief, template_dir)
    payloads = {
        "pdf": result.pdf,
        "html": result.html.encode("utf-8"),
        "json": brief_json(result.brief).encode("utf-8"),
    }
    paths = {kind: out / f"brief.{kind}" for kind in payloads}
    try:
        for kind in ("json", "html", "pdf"):
            atomic_write(paths[kind], payloads[kind])
    except OSError as exc:
        raise BriefingError(f"{out}: cannot write the brief there ({exc.strerror or exc})") from None
    return paths
