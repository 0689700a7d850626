"""Fit a `Brief` to exactly one page, saying what was left out.

`fit_to_page` renders, measures, and drops the lowest-ranked content (whole sentences, whole
quotes, minor participants, the lowest-ranked story blocks, key points, titles last) until the
brief is one page, saying what it left out.
On a crowded day it first cuts the stories to what can plausibly fit (`_precut`, a height
model, no render); key points and quotes stay even when their story's block does not.

What a page shows for a given `Plan` (and its HTML and layout) comes from `briefing.render.layout`.
"""

from __future__ import annotations

import dataclasses
import math
from dataclasses import dataclass, field
from pathlib import Path

from briefing.model import Brief, Participant
from briefing.render.layout import (
    BASE_FONT_PT,
    COLUMN_GAP_REM,
    LEFT_SHARE,
    PREFERRED_LEFT,
    Columns,
    Plan,
    article_height,
    caption_chars,
    content_width,
    heading_height,
    kept_key_points,
    kept_participants,
    kept_quotes,
    line_count,
    page_stories,
    page_view,
    point_story,
    quote_height,
    quote_story,
    quotes_in_blocks,
    shown_stories,
    story_credit,
    story_of_articles,
    story_sentences,
    unlisted_stories,
)
from briefing.render.page import layout_document, render_plan

MIN_FONT_PT = 9.0
"""Fitting shrinks type from 10pt to 9pt at most (8.5pt only as a last resort)."""
LAST_RESORT_FONT_PT = 8.5
MAX_RENDERS = 6
FULL_ENOUGH = 0.92
"""A fitting page this full is done; with more room to spare, fitting puts content back."""
PUT_BACK_TARGET = 0.97
"""Putting content back aims at a page predicted this full (less after a put-back overflowed)."""
BALANCED = 0.85
"""Columns this close in height are balanced; a shorter one has room to put content back in."""
REFILL_TRIES = 80
"""A page left short by one big drop tries putting back at most this many items (each a
prediction, no render)."""


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
    columns: tuple[float, float] = (0.0, 0.0)
    """Laid-out heights (CSS px) of the stories column and of the quotes column."""


# --- which stories come first, and which a crowded day need not lay out ----------------------


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
            return len(a.quotes) + len(a.participants) + len(a.article.text) / 1000

        rest.sort(key=lambda k: (-weight(k), k))
    return first + rest


PAGE_HEIGHT_PX = {"a4": (297 - 28) / 25.4 * 96, "letter": (11 * 25.4 - 28) / 25.4 * 96}
"""The page's text height (page less the 13mm top and 15mm bottom margins of brief.css), CSS px."""
PRECUT_BUDGET = 1.2
"""`_precut` keeps the stories whose estimated page, one sentence each, fills this much of it
(the estimates run 10-25% over what WeasyPrint lays out; fitting then measures)."""
PRECUT_KEEP = 8
"""`_precut` always keeps this many stories: laying out a few is cheap, and fitting measures."""
PRECUT_QUOTES = 3
"""Quotes `_precut` counts on: fitting leaves out the others before any story."""


def _precut(brief: Brief, order: list[int]) -> frozenset:
    """The stories a first render need not lay out: with every story at its best sentence,
    all key points, `PRECUT_QUOTES` quotes and the people, the estimated page (the per-element
    height model of `balance_columns`) fills up after the first few of `order`; the rest are cut
    before any render. A day of 500 articles is 93 pages of HTML to lay out otherwise. Nothing is
    cut while everything plausibly fits. Stories the brief does not list are always cut."""
    stories = page_stories(brief)
    unlisted = frozenset(unlisted_stories(brief))
    if len(order) <= PRECUT_KEEP:
        return unlisted
    fs = BASE_FONT_PT * 96 / 72
    width = content_width(brief)
    avail = PAGE_HEIGHT_PX.get((brief.page_size or "a4").lower(), PAGE_HEIGHT_PX["a4"])
    wl = PREFERRED_LEFT * (width - COLUMN_GAP_REM * fs)
    wr = (width - COLUMN_GAP_REM * fs) - wl
    head = heading_height(fs)
    fixed = 5.2 * fs  # the title band
    if brief.key_points:
        fixed += head + sum(line_count(len(kp.text) + 5, width - 1.2 * fs, fs, 0.47) * 1.34 * fs + 0.3 * fs
                            for kp in brief.key_points)
    quotes = sum(quote_height(q.text, caption_chars(q.speaker, q.title), wr, fs)
                 for q in brief.quotes[:PRECUT_QUOTES])
    right = head + quotes if brief.quotes else 0.0
    paths: set[str] = set()
    left = head
    source_chars = 0
    kept: list[int] = []
    for k in order:
        st = stories[k]
        lead = brief.articles[st.articles[0]]
        pairs = list(st.summary_rank or st.summary) or [(st.articles[0], s) for s in (lead.summary_rank or lead.summary)]
        best = next(((i, s) for i, s in pairs if 0 <= i < len(brief.articles)
                     and 0 <= s < len(brief.articles[i].sentences)), None)
        chars = len(brief.articles[best[0]].sentences[best[1]]) + 1 if best is not None else 0
        left += article_height(st.title, story_credit(brief, st), chars, wl, fs)
        paths.update(brief.articles[i].article.path for i in st.articles)
        names = sum(len(p.name) + len(p.title or "") // 2 + 4 for p in brief.participants
                    if not p.articles or any(x in paths for x in p.articles))
        people = head + line_count(names, width * 0.8, 0.85 * fs, 0.5) * 1.3 * 0.85 * fs + 4 * fs
        source_chars += len(Path(lead.article.path).name) + len(lead.article.source or "") + 8
        sources = line_count(source_chars, width, 0.7 * fs, 0.5) * 1.34 * 0.7 * fs + 3 * fs
        total = fixed + max(left, right) + people + sources
        if len(kept) >= PRECUT_KEEP and total > avail * PRECUT_BUDGET:
            break
        kept.append(k)
    return frozenset(range(len(stories))) - set(kept)


# --- measuring a render ----------------------------------------------------------------------


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

    @property
    def left(self) -> float:
        """Laid-out height of the articles column (with the quotes continued under it)."""
        return self.h.get("sec-articles", 0.0) + self.h.get("sec-more", 0.0)

    @property
    def right(self) -> float:
        """Laid-out height of the quotes column."""
        return self.h.get("sec-quotes", 0.0)


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


# --- what to leave out, and how much ---------------------------------------------------------


def _drop_sequence(brief: Brief, hidden: frozenset = frozenset(), order: list[int] | None = None) -> list[tuple]:
    """Everything fitting may leave out, least important first, as (kind, key) operations.
    Stories in `hidden` (cut before the first render) have none; stories go in the reverse of
    `order` (`story_order`), never the first of it."""
    stories = page_stories(brief)
    order = [k for k in (order if order is not None else story_order(brief)) if k not in hidden]
    remaining: dict[int, list[tuple[int, int]]] = {k: [] for k in hidden}
    for k in order:
        shown = story_sentences(brief, k)  # a key point's sentence is not in the block to drop
        st = stories[k]
        rank = list(st.summary_rank or st.summary)  # best first: the summary's own rank, no re-ranking
        remaining[k] = [p for p in rank if p in shown] + [p for p in shown if p not in rank]

    def chars(k: int) -> int:
        return sum(len(brief.articles[i].sentences[s]) for i, s in remaining[k])

    def sentence_ops(floor: int):
        while True:
            cands = [k for k in order if len(remaining[k]) > floor]
            if not cands:
                return
            k = max(cands, key=lambda k: (chars(k), k))
            yield ("sentences", remaining[k].pop())

    kept_quotes = list(range(len(brief.quotes)))

    def quote_ops(floor: int):
        while len(kept_quotes) > floor:
            yield ("quotes", kept_quotes.pop())

    ranked = list(range(len(brief.participants)))
    dropped_people: set[int] = set()
    dropped_titles: set[int] = set()

    def people_ops(select):
        for k in reversed(ranked):
            if select(brief.participants[k]) and k not in dropped_people:
                dropped_people.add(k)
                yield ("people", k)

    def title_ops(select):
        for k in reversed(ranked):
            p = brief.participants[k]
            if select(p) and p.title and k not in dropped_titles and k not in dropped_people:
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

    kept_stories = list(order)
    owner = story_of_articles(brief)

    def story_ops(floor: int):
        # the lowest-ranked first, never the first; a story no kept key point or quote cites
        # goes before a cited one (its block is the page's only trace of it)
        while len(kept_stories) > max(1, floor):
            cited = {point_story(brief, k, owner) for k in kept_points}
            cited |= {quote_story(brief, k, owner) for k in kept_quotes}
            plain = [k for k in kept_stories[1:] if k not in cited]
            k = plain[-1] if plain else kept_stories[-1]
            kept_stories.remove(k)
            yield ("stories", k)

    # Key points are the page's most valuable lines (the day's summary): every story keeps its
    # first sentence, and minor participants and the lowest-ranked quotes go, then the people
    # nobody quotes, then the lowest-ranked story blocks (those no key point or kept quote cites
    # first; a cited one stays in the sources), before any key point does. Titles stay until
    # everything else of a person's kind is gone: a name without its title tells the reader
    # little ("Donald Trump", not "President Donald Trump"). Fitting puts content back in the
    # reverse of this order, so key points come back first.
    tiers = [
        [(sentence_ops(2), 1), (quote_ops(5), 1), (people_ops(minor), 2)],
        [(sentence_ops(1), 1), (quote_ops(3), 1)],
        [(people_ops(unquoted), 2)],
        [(story_ops(3), 1)],
        [(point_ops(3), 1)],
        [(story_ops(1), 1)],
        [(title_ops(lambda p: True), 2)],
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
    if kind in ("sentences", "stories"):
        owner = state.get("owner")
        if owner is None:
            owner = state["owner"] = story_of_articles(brief)
        k = owner.get(key[0]) if kind == "sentences" else key
        if k is None:
            return "F", 0.0
        st = page_stories(brief)[k]
        h = m.h.get(f"st-{k}", 0.0)
        chars = state.get(("schars", k))
        if chars is None:
            printed = sum(len(brief.articles[i].sentences[s]) + 1 for i in st.articles
                          for s in range(len(brief.articles[i].sentences)) if f"s-{i}-{s}" in y)
            chars = state[("schars", k)] = len(st.title) * 1.6 + len(story_credit(brief, st)) * 0.7 + 40 + printed
        if kind == "stories":
            return "F", h * state.get(("sshare", k), 1.0)
        share = (len(brief.articles[key[0]].sentences[key[1]]) + 1) / chars
        state[("sshare", k)] = state.get(("sshare", k), 1.0) - share
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


def _rebalanced_height(area_left: float, area_right: float) -> float:
    """The taller column's height once the widths are rebalanced for the content areas given
    (height times width share)."""
    total = area_left + area_right
    if total <= 0:
        return 0.0
    f = min(LEFT_SHARE[1], max(LEFT_SHARE[0], area_left / total))
    return max(area_left / f, area_right / (1 - f))


def _plan_drops(brief: Brief, ops: list[tuple], start: int, m: _Measure, scale: float,
                target: float = 0.97, cols: "Columns | None" = None, in_blocks: frozenset = frozenset()) -> int:
    """How many more operations (from `start`) the measured overflow calls for."""
    # Articles (left) and quotes (right) sit side by side and the next render rebalances the
    # widths: leaving out an item of height h in a column of width share f frees about h * f of
    # area there, and the middle of the page is as tall as the taller rebalanced column.
    f = cols.left if cols is not None and cols.left < 1 else None
    h_left, h_right = m.left, m.right
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
            if ops[k][0] == "quotes" and f and ops[k][1] not in in_blocks:
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


def _taller_column_first(ops: list[tuple], brief: Brief, m: _Measure, cols: "Columns | None",
                         in_blocks: frozenset = frozenset()) -> list[tuple]:
    """The drop order with the shorter column's items held back while the other column is too
    tall for any width split to balance: leaving out a quote beside a long list of articles (or
    the other way round) would not shorten the page at all."""
    if cols is None or cols.left >= 1:
        return ops
    f = cols.left
    area = {"L": m.left * f, "R": m.right * (1 - f)}
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
        if op[0] not in ("quotes", "sentences", "stories") or heavy() != side:
            out.append(op)
            continue
        col = "R" if op[0] == "quotes" and op[1] not in in_blocks else "L"
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


# --- predicting a page from a render of another ----------------------------------------------


def _section_estimates(brief: Brief, plan: Plan) -> dict[str, float]:
    """Estimated heights (CSS px) of the parts of the page fitting changes, for `plan`: the key
    points, the two columns (the taller, from `balance_columns` with the plan's calibration), the
    participants table and the sources footer. Only differences between two plans are used
    (`_predict_total`), each scaled by what a render measured, so rough is good enough."""
    view = page_view(brief, plan, for_pdf=True, pages=None, overflow=False)
    fs = plan.font_size * 96 / 72
    width = content_width(brief)
    head = heading_height(fs)
    est: dict[str, float] = {}
    kps = view["key_points"]
    est["sec-kp"] = head + sum(line_count(len(k["text"]) + 5, width - 1.1 * fs, 1.04 * fs, 0.47) * 1.32 * 1.04 * fs
                               + 0.28 * fs for k in kps) if kps else 0.0
    cols = plan.columns
    est["cols"] = max(cols.height_left, cols.height_right) if cols is not None else 0.0
    size = 0.84 * fs
    rows = 0.0
    for g in view["groups"]:
        chars = sum(len(p["name"]) + 3 + (len(p["title"]) + 3 if p["title"] else 0) + (5 if p["quoted"] else 0)
                    for p in g["people"])
        lines = max(line_count(len(g["label"]), 6.8 * fs, 0.7 * fs, 0.6), line_count(chars, width - 8.5 * fs, size, 0.5))
        rows += lines * 1.32 * size + 0.32 * fs + 0.5
    est["sec-parts"] = head + rows if view["groups"] else 0.0
    small = 0.64 * fs
    chars = sum(len(str(a["number"])) + len(a["file"]) + len(a.get("source") or "") + 8 for a in view["articles_all"])
    est["sec-sources"] = ((line_count(chars + 10, width, small, 0.5) + line_count(len(view["omitted_text"]), width, small, 0.5))
                          * 1.4 * small + 0.3 * fs)
    return est


def _measured_sections(m: "_Measure") -> dict[str, float]:
    return {"sec-kp": m.h.get("sec-kp", 0.0), "cols": max(m.left, m.right),
            "sec-parts": m.h.get("sec-parts", 0.0), "sec-sources": m.h.get("sec-sources", 0.0)}


def _predict_total(brief: Brief, plan: Plan, ref: Plan, ref_m: "_Measure",
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


START_FIXED_EM = 8.2
"""What the page holds besides the sections `_section_estimates` covers (title band, section
headings' margins, the rules between them), in ems of the type size: 8.2 measured on every brief
tried (seeds and test briefs, 9-10pt)."""
START_MARGIN = 1.05
"""`_start_font` reckons a page this much taller than estimated: the estimates run 0-10% under
what WeasyPrint lays out (the seeds 8% at 10pt). Erring tall costs at most a quarter point of type;
erring short costs a render (the fitting loop shrinks the type as before)."""


def _predicted_fill(brief: Brief, hidden: frozenset, size: float) -> float:
    """How full the first layout at `size` pt is predicted to be, with nothing left out (the
    height model of `_section_estimates`, before any render)."""
    plan = Plan(font_size=size, hidden=hidden, stories=set(hidden))
    est = _section_estimates(brief, plan)
    fs = size * 96 / 72
    avail = PAGE_HEIGHT_PX.get((brief.page_size or "a4").lower(), PAGE_HEIGHT_PX["a4"])
    return START_MARGIN * (START_FIXED_EM * fs + sum(est.values())) / avail


def _start_font(brief: Brief, hidden: frozenset) -> float:
    """The type size of the first render: 10pt unless the height model predicts that the whole
    brief overflows at 10pt and fits at a smaller size (9pt at the least); then the largest such
    size, in quarter points. Never leaves anything out: when shrinking the type alone is not
    predicted to be enough, it is 10pt and fitting measures and leaves out as before."""
    at_base = _predicted_fill(brief, hidden, BASE_FONT_PT)
    # text height goes with about the 1.7th power of the type size (as in `fit_to_page`)
    if at_base <= 1.0 or at_base > (BASE_FONT_PT / MIN_FONT_PT) ** 1.7:
        return BASE_FONT_PT
    for step in range(1, round((BASE_FONT_PT - MIN_FONT_PT) * 4) + 1):
        size = BASE_FONT_PT - step / 4
        if _predicted_fill(brief, hidden, size) <= 1.0:
            return size
    return BASE_FONT_PT


# --- the brief as shown ----------------------------------------------------------------------


def _shown_brief(brief: Brief, plan: Plan) -> Brief:
    """A copy of `brief` holding what the page shows. Every article and story stays listed
    (brief.json names them all, in their own order): an article's summary is the sentences the
    page prints from it (in its story's block, unless fitting dropped them, or as a kept key
    point; none for most articles of a story not shown); a story's `shown` says whether its block
    is on the page and its `summary` what the block prints (a story without a block keeps its
    own). Key points and quotes are kept
    whether or not their story's block is shown (they cite it by number)."""
    stories = page_stories(brief)
    shown = shown_stories(brief, plan)
    printed: dict[int, list[tuple[int, int]]] = {
        k: [p for p in story_sentences(brief, k) if p not in plan.sentences] for k in shown}
    on_page: dict[int, set[int]] = {}
    for pairs in printed.values():
        for i, s in pairs:
            on_page.setdefault(i, set()).add(s)
    for k in kept_key_points(brief, plan):
        kp = brief.key_points[k]
        on_page.setdefault(kp.article, set()).add(kp.sentence)
    articles = []
    for i, a in enumerate(brief.articles):
        keep = on_page.get(i, set())
        rank = [s for s in (a.summary_rank or []) if s in keep]
        rank += sorted(s for s in keep if s not in rank)
        articles.append(dataclasses.replace(a, summary=sorted(keep), summary_rank=rank))
    # a story not on the page keeps its own summary: brief.json gives every story one
    new_stories = [dataclasses.replace(st, shown=k in printed, summary=printed[k] if k in printed else st.summary,
                                       summary_rank=[p for p in st.summary_rank if p in printed[k]]
                                       if k in printed else list(st.summary_rank))
                   for k, st in enumerate(stories)] if brief.stories else []
    points = [brief.key_points[k] for k in kept_key_points(brief, plan)]
    quotes = [brief.quotes[k] for k in kept_quotes(brief, plan)]
    people = [dataclasses.replace(brief.participants[k], title=None) if k in plan.titles else brief.participants[k]
              for k in kept_participants(brief, plan)]
    omitted = list(brief.omitted) + plan.omitted(brief)
    return dataclasses.replace(brief, articles=articles, key_points=points, quotes=quotes,
                               participants=people, stories=new_stories, omitted=omitted)


# --- fitting to one page ---------------------------------------------------------------------


def fit_to_page(brief: Brief, template_dir: str | Path | None = None) -> RenderedBrief:
    """Lay the brief out on exactly one page, leaving out the least important content.

    Renders once; if that runs over, it measures where every item fell, shrinks the type
    (10pt down to 9pt) when the overflow is small, otherwise estimates how much of the drop
    order to take and renders again; a fitting page with much room to spare is refined by
    bisection. A handful of renders, never one per dropped item. Only whole sentences, quotes,
    titles, entries, story blocks and key points are ever left out. Before the first render, a
    day of more stories than can plausibly fit is cut to the best of them (`story_order`,
    `_precut`), so the first layout is a page or two, not one per story; the rest are named in
    brief.json. A brief the height model predicts to overflow only slightly at 10pt is first laid
    out at the size it predicts to fit (`_start_font`; type only, nothing left out on a prediction).
    """
    order = story_order(brief)
    hidden = _precut(brief, order)
    ops = _drop_sequence(brief, hidden, order)
    renders = 0
    # a brief the height model predicts to overflow slightly at 10pt starts at the size it
    # predicts to fit (one render, not two); the loop below corrects a wrong prediction
    crowded = hidden - set(unlisted_stories(brief))
    font = _start_font(brief, hidden) if not crowded else BASE_FONT_PT
    calib = (1.0, 1.0)

    def plan_for(n: int, size: float) -> Plan:
        plan = Plan(font_size=size, calib=calib, hidden=hidden, stories=set(hidden))
        for op in ops[:n]:
            plan.apply(op)
        return plan

    def layout(n: int, size: float):
        nonlocal renders
        renders += 1
        plan = plan_for(n, size)
        html = render_plan(brief, plan, template_dir, for_pdf=True)
        doc = layout_document(html, template_dir)
        measured = _measure(doc)
        _calibrate(plan, measured)
        return plan, doc, measured

    def _calibrate(plan: Plan, measured: _Measure) -> None:
        # how far off the column estimates were: the next render's widths use what we saw
        nonlocal calib
        c = plan.columns
        if c is None or c.left >= 1 or not c.height_left or not c.height_right:
            return
        left, right = measured.left, measured.right
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
    ops = _taller_column_first(ops, brief, m, plan.columns, quotes_in_blocks(brief, plan))
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
            needed = font * (0.975 / max(m.fill, 1e-6)) ** (1 / 1.7)
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
            done = _plan_drops(brief, ops, done, m, scale, cols=plan.columns,
                               in_blocks=quotes_in_blocks(brief, plan))
        plan, doc, m = layout(done, font)
    if best is not None and not m.fits or (best is not None and best[0] < done):
        done, plan, doc, m = best

    unbalanced = bool(m.left and m.right) and min(m.left, m.right) < BALANCED * max(m.left, m.right)
    if m.fits and (m.fill < FULL_ENOUGH or unbalanced) and renders < MAX_RENDERS and done > 0:
        # One drop too big for the room left (a whole story block) can leave the page short, or
        # one column short beside the other, while smaller items dropped before it would fit
        # again: put back what fits, one item at
        # a time, most valuable first (predicted from this render), then render to check.
        ref, ref_est = plan, _section_estimates(brief, plan)
        applied = list(ops[:done])

        def plan_of(chosen: list[tuple]) -> Plan:
            trial = Plan(font_size=font, calib=calib, hidden=hidden, stories=set(hidden))
            for op in chosen:
                trial.apply(op)
            return trial

        # the shorter column's items first: put back beside the taller one, they cost no height
        shorter = {"quotes"} if m.right and m.right < m.left else {"sentences", "stories"}
        restored: list[tuple] = []  # put back, most valuable first
        tries = 0
        # the height model's error on this very page, so that what an item adds is judged by the
        # prediction's change, not by its level (a model some pixels over the measure would
        # otherwise refuse every item, even one beside the taller column)
        offset = _predict_total(brief, plan_of(applied), ref, m, ref_est) - m.total
        for kinds in (shorter, {"quotes", "sentences", "stories", "titles", "points"} - shorter):
            for op in reversed(list(applied)):
                if op[0] not in kinds or tries >= REFILL_TRIES:
                    continue  # a minor participant back says less than a quote or a story
                tries += 1
                trial_ops = [x for x in applied if x != op]
                # no taller than the page measured (or the target): an item put back beside the
                # taller column costs no height, even on a page already fuller than the target
                predicted = _predict_total(brief, plan_of(trial_ops), ref, m, ref_est) - max(0.0, offset)
                if predicted <= max(m.total, m.avail * PUT_BACK_TARGET):
                    applied = trial_ops
                    restored.append(op)
        # the prediction can be generous when many items come back at once: if the page then
        # runs over, put back the more valuable half of them, and so on, while renders allow
        while restored and renders < MAX_RENDERS + 2:
            renders += 1
            trial = plan_of([x for x in ops[:done] if x not in restored])
            trial_doc = layout_document(render_plan(brief, trial, template_dir, for_pdf=True), template_dir)
            trial_m = _measure(trial_doc)
            if trial_m.fits:
                # more shown and still one page: kept, even when the page is no taller (an item
                # put back beside the taller column costs it no height)
                plan, doc, m = trial, trial_doc, trial_m
                break
            restored = restored[:len(restored) // 2]

    shown = _shown_brief(brief, plan)
    pdf = doc.write_pdf()
    html = render_plan(brief, plan, template_dir, for_pdf=False, pages=m.pages, overflow=not m.fits)
    return RenderedBrief(html=html, pdf=pdf, pages=m.pages, brief=shown, omitted=list(shown.omitted),
                         font_size=plan.font_size, renders=renders, overflow=not m.fits, fill=m.fill,
                         columns=(m.left, m.right))
