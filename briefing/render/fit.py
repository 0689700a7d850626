"""Fit a `Brief` to exactly one page, saying what was left out.

`fit_to_page` lays the brief out once, reads every paragraph's words and every part's height
back from that layout (`briefing.render.measure`), and predicts from them the page any plan gives
(`briefing.render.heights`: the paragraphs broken into lines again in Python, the two columns'
balance included). It chooses the fullest plan predicted to fit (the type shrunk first, then the
least important content left out, `briefing.render.drops`, and what still fits put back, the most
valuable first) and lays that out to confirm it: most days take one or two layouts; a third only
when a prediction misses. Only whole sentences, quotes, titles, participants, story blocks and
key points are ever left out, and the page says what it left out.

On a crowded day the first layout leaves out the stories that cannot plausibly fit
(`briefing.render.estimate.precut`); a brief predicted to overflow slightly at 10pt is first laid
out at the size predicted to fit (`estimate.start_font`). What a page shows for a given `Plan`
(and its HTML) comes from `briefing.render.layout`.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass, field
from pathlib import Path

from briefing.memo import Memo
from briefing.model import Brief
from briefing.render.drops import drop_sequence, story_order
from briefing.render.estimate import STEPS_A_POINT, precut, start_font
from briefing.render.heights import PageModel
from briefing.render.layout import (
    Columns,
    Plan,
    kept_key_points,
    kept_participants,
    kept_quotes,
    page_stories,
    page_view,
    shown_stories,
    story_of_articles,
    story_sentences,
    unlisted_stories,
)
from briefing.render.measure import PageMeasure, PageText, read_page, read_text
from briefing.render.page import layout_document, render_plan, render_view, template_fingerprint
from briefing.render.sheet import BASE_FONT_PT, LAST_RESORT_FONT_PT, MIN_FONT_PT

MAX_RENDERS = 6
"""Layouts at most (a prediction that keeps missing); most days take one or two, never more than
three on any day tried."""
FULL_ENOUGH = 0.92
"""A fitting page this full is done; less full, fitting predicts again from it (a third layout)."""
SAFETY_PX = 3.0
"""A plan is taken to fit when its page is predicted this much shorter than the text height (CSS
px, a fifth of a line): the height model comes within 2 px of the layout on every brief tried
(docs/benchmarks.md, "Fitting the page in few layouts")."""
REFILL_TRIES = 80
"""Putting back tries at most this many items (each a prediction, no layout)."""
CALIB_RANGE = (0.5, 2.0)
"""The columns' estimates are scaled by what a layout measured over what they estimated, within
this range: the character estimates run 10-25% off, so a ratio outside it is a layout that
balanced the columns otherwise (quotes moved), not an estimate to correct."""


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
    """WeasyPrint layouts fitting made."""
    overflow: bool = False
    """True only if even the barest brief could not fit (content runs past the bottom margin)."""
    fill: float = 0.0
    """How full the page is: the laid-out height over the page's text height."""
    columns: tuple[float, float] = (0.0, 0.0)
    """Laid-out heights (CSS px) of the stories column and of the quotes column."""
    predictions: list[tuple[float, float]] = field(default_factory=list)
    """For each layout after the first: the page height predicted for it and the height laid out
    (CSS px)."""
    reused: int = 0
    """Of `renders`, the layouts a memo held from an earlier build (the same HTML, the same
    template files), not laid out again."""


# --- the brief as shown ----------------------------------------------------------------------


def _shown_brief(brief: Brief, plan: Plan) -> Brief:
    """A copy of `brief` holding what the page shows. Every article and story stays listed
    (brief.json names them all, in their own order), with its own summary: an article's
    `printed` is the sentences the page prints from it (in its story's block, unless fitting
    dropped them, or as a kept key point; none for most articles of a story not shown); a story's
    `shown` says whether its block is on the page and its `printed` what the block prints. Key
    points and quotes are kept whether or not their story's block is shown (they cite it by
    number)."""
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
    articles = [dataclasses.replace(a, printed=sorted(on_page.get(i, set()))) for i, a in enumerate(brief.articles)]
    new_stories = [dataclasses.replace(st, shown=k in printed, printed=list(printed.get(k, [])))
                   for k, st in enumerate(stories)] if brief.stories else []
    points = [brief.key_points[k] for k in kept_key_points(brief, plan)]
    quotes = [brief.quotes[k] for k in kept_quotes(brief, plan)]
    people = [dataclasses.replace(brief.participants[k], title=None) if k in plan.titles else brief.participants[k]
              for k in kept_participants(brief, plan)]
    omitted = list(brief.omitted) + plan.omitted(brief)
    return dataclasses.replace(brief, articles=articles, key_points=points, quotes=quotes,
                               participants=people, stories=new_stories, omitted=omitted)


# --- fitting to one page ---------------------------------------------------------------------


class _Printed:
    """A WeasyPrint layout and what fitting reads from it, each read once: the page's heights,
    every paragraph's words, the PDF."""

    def __init__(self, doc):
        self.doc = doc
        self.page = read_page(doc)
        self._text: PageText | None = None
        self._pdf: bytes | None = None

    def text(self) -> PageText:
        if self._text is None:
            self._text = read_text(self.doc)
        return self._text

    def pdf(self) -> bytes:
        if self._pdf is None:
            self._pdf = self.doc.write_pdf()
        return self._pdf


@dataclass
class _Layout:
    plan: Plan
    printed: _Printed
    m: PageMeasure
    applied: tuple = ()
    """The operations the plan applied (of `drop_sequence`), in their order."""


class _Fitting:
    """One brief's fitting: its operations, the layouts made so far and the height model they
    feed, and the choice of the next plan."""

    def __init__(self, brief: Brief, template_dir, memo: Memo | None = None):
        self.brief = brief
        self.template_dir = template_dir
        self.memo = memo
        self.reused = 0
        order = story_order(brief)
        self.hidden = precut(brief, order)
        self.ops = drop_sequence(brief, self.hidden, order)
        crowded = self.hidden - set(unlisted_stories(brief))
        self.font = start_font(brief, self.hidden) if not crowded else BASE_FONT_PT
        self.calib = (1.0, 1.0)
        self.model = PageModel()
        self.renders = 0
        self.safety = SAFETY_PX
        self.avail = 0.0
        self.owner = story_of_articles(brief)
        self.seen: set[tuple] = set()
        self.predictions: list[tuple[float, float]] = []

    def plan(self, applied, font: float) -> Plan:
        """The plan leaving out `applied` at `font`; once a layout is read, its columns are
        balanced by measured heights (as its prediction was)."""
        plan = Plan(font_size=font, calib=self.calib, hidden=self.hidden, stories=set(self.hidden))
        for op in applied:
            plan.apply(op)
        if self.model.layouts:
            plan.measured = self.model.measurer(font)
        return plan

    def lay_out(self, applied: tuple, font: float) -> _Layout:
        plan = self.plan(applied, font)
        self.seen.add((font, frozenset(applied)))
        self.renders += 1
        view = page_view(self.brief, plan, for_pdf=True, pages=None, overflow=False)
        printed = self.printed(render_view(view, self.template_dir))
        m = printed.page
        self.avail = m.avail
        self._calibrate(plan, view["columns"], m)
        # its screen HTML keeps the columns it was laid out with, whatever is learnt later
        return _Layout(plan=dataclasses.replace(plan, columns_fixed=view["columns"]), printed=printed, m=m,
                       applied=applied)

    def printed(self, html: str) -> _Printed:
        """`html` laid out, or the memo's layout of the same HTML and template files."""
        if self.memo is None:
            return _Printed(layout_document(html, self.template_dir))
        key = Memo.key("layout", html, template_fingerprint(self.template_dir))
        printed = self.memo.get(key)
        if printed is None:
            printed = _Printed(layout_document(html, self.template_dir))
            self.memo.put(key, printed)
        else:
            self.reused += 1
        return printed

    def _calibrate(self, plan: Plan, c: Columns | None, m: PageMeasure) -> None:
        # how far off the columns' estimates were: the next plans' widths use what was measured
        if c is None or c.left >= 1 or not c.height_left or not c.height_right or m.left <= 0 or m.right <= 0:
            return
        low, high = CALIB_RANGE
        self.calib = (min(high, max(low, plan.calib[0] * m.left / c.height_left)),
                      min(high, max(low, plan.calib[1] * m.right / c.height_right)))

    def learn(self, done: _Layout, predicted: float | None) -> None:
        """Read a layout into the height model; a plan predicted to fit that did not makes the
        next predictions keep a wider margin."""
        if predicted is not None and not done.m.fits:  # doubled, at least what the miss was
            self.safety = max(2 * self.safety, done.m.total - predicted + SAFETY_PX)
        view = page_view(self.brief, done.plan, for_pdf=True, pages=None, overflow=False)
        self.model.add(done.printed.text(), view)

    def predicted(self, applied, font: float) -> float:
        return self.model.predict(self.brief, self.plan(applied, font)).total

    def fits(self, applied, font: float) -> bool:
        return self.predicted(applied, font) <= self.avail - self.safety

    def choose(self) -> tuple[tuple, float]:
        """The next plan to lay out: the largest type that fits with nothing left out (down to
        `MIN_FONT_PT`); else, at that size, the fewest operations predicted to fit, then what
        still fits put back, the most valuable first; else everything left out at the last
        resort's size."""
        if self.font > MIN_FONT_PT and self.fits((), MIN_FONT_PT):
            for step in range(1, round((self.font - MIN_FONT_PT) * STEPS_A_POINT) + 1):
                font = self.font - step / STEPS_A_POINT
                if self.fits((), font):
                    return (), font
        font = min(self.font, MIN_FONT_PT)
        n = self._fewest_drops(font)
        if n is None:
            return tuple(self.ops), LAST_RESORT_FONT_PT
        return self._put_back(self.ops[:n], font), font

    def _fewest_drops(self, font: float) -> int | None:
        """The first n whose plan (the first n operations) is predicted to fit (bisection: the
        page shrinks as operations are added); None if even all of them do not."""
        lo, hi = 0, len(self.ops)
        if not self.ops or not self.fits(self.ops, font):
            return None
        while hi - lo > 1:
            mid = (lo + hi) // 2
            if self.fits(self.ops[:mid], font):
                hi = mid
            else:
                lo = mid
        return hi

    def _put_back(self, applied: list[tuple], font: float) -> tuple:
        """`applied` less what still fits, tried the most valuable first; participants last
        (a minor participant back says less than a quote, a sentence or a story). Within a kind
        (a block's sentences, the quotes, the key points, the stories, the titles, the people)
        nothing comes back once a more valuable item of it did not: the page never shows a
        lower-ranked item in place of a higher-ranked one. Participants of stories the page
        does not show are not tried (they would not be listed)."""
        kept = list(applied)
        closed: set = set()
        tries = 0
        for people in (False, True):
            unseen = self._unseen_people(kept, font) if people else set()
            for op in reversed(applied):
                chain = self._chain(op)
                if (op[0] == "people") != people or chain in closed or tries >= REFILL_TRIES or op[1] in unseen:
                    continue
                tries += 1
                trial = [x for x in kept if x != op]
                if self.fits(trial, font):
                    kept = trial
                else:
                    closed.add(chain)
        return tuple(kept)

    def _unseen_people(self, applied: list[tuple], font: float) -> set[int]:
        plan = self.plan(applied, font)
        return set(range(len(self.brief.participants))) - set(kept_participants(self.brief, Plan(
            stories=plan.stories, quotes=plan.quotes, points=plan.points)))

    def _chain(self, op: tuple):
        kind, key = op
        return (kind, self.owner.get(key[0])) if kind == "sentences" else kind


def fit_to_page(brief: Brief, template_dir: str | Path | None = None, memo: Memo | None = None) -> RenderedBrief:
    """Lay the brief out on exactly one page, leaving out the least important content.

    The first layout shows everything (less, on a crowded day, the stories that cannot fit); if
    it runs over, the page every plan gives is predicted from what that layout measured and the
    fullest plan predicted to fit is laid out to confirm it. A page that comes out short of
    `FULL_ENOUGH`, or runs over after all, is predicted again from its own layout. With a `memo`
    (``serve``), a page whose HTML an earlier build laid out is not laid out again."""
    fitting = _Fitting(brief, template_dir, memo)
    done = fitting.lay_out((), fitting.font)
    best: _Layout | None = None
    predicted: float | None = None
    while True:
        if done.m.fits and (best is None or done.m.fill > best.m.fill):
            best = done
        if best is not None and (not best.applied or best.m.fill >= FULL_ENOUGH or fitting.renders >= 3):
            break  # a page that fits, and nothing left out, or full enough, or three layouts made
        if fitting.renders >= MAX_RENDERS:
            break
        fitting.learn(done, predicted)
        applied, font = fitting.choose()
        if (font, frozenset(applied)) in fitting.seen:
            break
        predicted = fitting.predicted(applied, font)
        done = fitting.lay_out(applied, font)
        fitting.predictions.append((predicted, done.m.total))
    if best is None and (LAST_RESORT_FONT_PT, frozenset(fitting.ops)) not in fitting.seen:
        done = fitting.lay_out(tuple(fitting.ops), LAST_RESORT_FONT_PT)  # the barest brief
        best = done if done.m.fits else None
    plan, printed, m = (best or done).plan, (best or done).printed, (best or done).m
    shown = _shown_brief(brief, plan)
    pdf = printed.pdf()
    html = render_plan(brief, plan, template_dir, for_pdf=False, pages=m.pages, overflow=not m.fits)
    return RenderedBrief(html=html, pdf=pdf, pages=m.pages, brief=shown, omitted=list(shown.omitted),
                         font_size=plan.font_size, renders=fitting.renders, overflow=not m.fits, fill=m.fill,
                         columns=(m.left, m.right), predictions=fitting.predictions, reused=fitting.reused)
