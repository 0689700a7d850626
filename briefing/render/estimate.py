"""Rough heights of a page before any layout: which stories a crowded day need not lay out at
all (`precut`), and the type size of the first layout (`start_font`).

Per-element estimates from character counts (`section_estimates`); they run 10-25% off what
WeasyPrint lays out, which is good enough for these two decisions. Once a layout exists, the page
is predicted from what it measured (`briefing.render.heights`).
"""

from __future__ import annotations

from pathlib import Path

from briefing.model import Brief
from briefing.render.layout import (
    BASE_FONT_PT,
    COLUMN_GAP_REM,
    MIN_FONT_PT,
    PREFERRED_LEFT,
    Plan,
    article_height,
    caption_chars,
    content_width,
    heading_height,
    line_count,
    page_stories,
    page_view,
    quote_height,
    story_credit,
    unlisted_stories,
)

PAGE_HEIGHT_PX = {"a4": (297 - 28) / 25.4 * 96, "letter": (11 * 25.4 - 28) / 25.4 * 96}
"""The page's text height (page less the 13mm top and 15mm bottom margins of brief.css), CSS px."""
PRECUT_BUDGET = 1.2
"""`precut` keeps the stories whose estimated page, one sentence each, fills this much of it
(the estimates run 10-25% over what WeasyPrint lays out; fitting then measures)."""
PRECUT_KEEP = 8
"""`precut` always keeps this many stories: laying out a few is cheap, and fitting measures."""
PRECUT_QUOTES = 3
"""Quotes `precut` counts on: fitting leaves out the others before any story."""


def precut(brief: Brief, order: list[int]) -> frozenset:
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


def section_estimates(brief: Brief, plan: Plan) -> dict[str, float]:
    """Estimated heights (CSS px) of the parts of the page fitting changes, for `plan`: the key
    points, the two columns (the taller, from `balance_columns` with the plan's calibration), the
    participants table and the sources footer."""
    view = page_view(brief, plan, for_pdf=True, pages=None, overflow=False)
    fs = plan.font_size * 96 / 72
    width = content_width(brief)
    head = heading_height(fs)
    est: dict[str, float] = {}
    kps = view["key_points"]
    est["sec-kp"] = head + sum(line_count(len(k["text"]) + 5, width - 1.1 * fs, 1.04 * fs, 0.47) * 1.32 * 1.04 * fs
                               + 0.28 * fs for k in kps) if kps else 0.0
    cols = view["columns"]
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


START_FIXED_EM = 8.2
"""What the page holds besides the sections `section_estimates` covers (title band, section
headings' margins, the rules between them), in ems of the type size: 8.2 measured on every brief
tried (seeds and test briefs, 9-10pt)."""
START_MARGIN = 1.05
"""`start_font` reckons a page this much taller than estimated: the estimates run 0-10% under
what WeasyPrint lays out (the seeds 8% at 10pt). Erring tall costs at most a quarter point of type;
erring short costs a layout (fitting then predicts the size from what it measured)."""


def predicted_fill(brief: Brief, hidden: frozenset, size: float) -> float:
    """How full the first layout at `size` pt is predicted to be, with nothing left out (the
    height model of `section_estimates`, before any render)."""
    plan = Plan(font_size=size, hidden=hidden, stories=set(hidden))
    est = section_estimates(brief, plan)
    fs = size * 96 / 72
    avail = PAGE_HEIGHT_PX.get((brief.page_size or "a4").lower(), PAGE_HEIGHT_PX["a4"])
    return START_MARGIN * (START_FIXED_EM * fs + sum(est.values())) / avail


def start_font(brief: Brief, hidden: frozenset) -> float:
    """The type size of the first render: 10pt unless the height model predicts that the whole
    brief overflows at 10pt and fits at a smaller size (9pt at the least); then the largest such
    size, in quarter points. Never leaves anything out: when shrinking the type alone is not
    predicted to be enough, it is 10pt and fitting measures and predicts from that layout."""
    at_base = predicted_fill(brief, hidden, BASE_FONT_PT)
    # text height goes with about the 1.7th power of the type size
    if at_base <= 1.0 or at_base > (BASE_FONT_PT / MIN_FONT_PT) ** 1.7:
        return BASE_FONT_PT
    for step in range(1, round((BASE_FONT_PT - MIN_FONT_PT) * 4) + 1):
        size = BASE_FONT_PT - step / 4
        if predicted_fill(brief, hidden, size) <= 1.0:
            return size
    return BASE_FONT_PT
