"""Rough heights of a page before any layout: which stories a crowded day need not lay out at
all (`precut`), and the type size of the first layout (`start_font`).

Per-element estimates from character counts (`section_estimates`); they run 10-25% off what
WeasyPrint lays out, which is good enough for these two decisions. Once a layout exists, the page
is predicted from what it measured (`briefing.render.heights`).
"""

from __future__ import annotations

from pathlib import Path

from briefing.model import Brief
from briefing.render.charheights import (
    BODY_GLYPH,
    LABEL_GLYPH,
    SMALL_GLYPH,
    article_height,
    caption_chars,
    heading_height,
    line_count,
    quote_height,
)
from briefing.render.layout import Plan, page_stories, page_view, story_credit, unlisted_stories
from briefing.render.sheet import (
    BASE_FONT_PT,
    BODY_LINE,
    COLUMN_GAP_REM,
    FOOTER_LINE_HEIGHT,
    FOOTER_PAD_REM,
    FOOTER_REM,
    KEY_POINT_GAP_REM,
    KEY_POINT_INDENT_REM,
    KEY_POINT_LINE,
    KEY_POINT_REM,
    LABEL_REM,
    MIN_FONT_PT,
    PEOPLE_LABEL_COLUMN_REM,
    PEOPLE_LABEL_REM,
    PEOPLE_LINE,
    PEOPLE_REM,
    PEOPLE_ROW_PAD_REM,
    PREFERRED_LEFT,
    content_width,
    page_height,
    px,
)
PRECUT_BUDGET = 1.2
"""`precut` keeps the stories whose estimated page, one sentence each, fills this much of it
(the estimates run 10-25% over what WeasyPrint lays out; fitting then measures)."""
PRECUT_KEEP = 8
"""`precut` always keeps this many stories: laying out a few is cheap, and fitting measures."""
PRECUT_QUOTES = 3
"""Quotes `precut` counts on: fitting leaves out the others before any story."""

# `precut`'s page, rougher than `section_estimates` (it only asks whether a page is far over):
PRECUT_BAND_REM = 5.2
"""The title band. By brief.css its padding, label, one-line title, meta line and margin come to
about 6.5rem: precut errs short here as it errs tall elsewhere (`PRECUT_BUDGET`)."""
PRECUT_POINT_INDENT_REM, PRECUT_POINT_GAP_REM = 1.2, 0.3
"""A key point's indent and the space under it: brief.css's 1.1rem and 0.28rem, rounded up
(precut counts a key point as body text: 1rem at 1.34)."""
REF_CHARS = 5
"""Characters the page adds to a key point: its story's number, " [12]"."""
PRECUT_NAME_CHARS = 4
"""Characters a participant adds to their name: the separator, the "quoted" mark (rough)."""
PRECUT_NAMES_SHARE = 0.8
"""The share of the width the names take beside the row labels (8.5rem of some 68rem; rough)."""
PRECUT_PEOPLE_REM, PRECUT_PEOPLE_LINE = 0.85, 1.3
"""The participants' type and line height: brief.css's 0.84rem at 1.32, rounded."""
PRECUT_PEOPLE_SPACE_REM = 4
"""The participants' rows' padding and rules, and the space under the table (rough)."""
SOURCE_ENTRY_CHARS = 8
"""Characters a sources entry adds to its file and outlet: its number, the dash, the spaces."""
PRECUT_FOOTER_REM = 0.7
"""The footer's type: brief.css's 0.64rem, rounded up (precut counts it at body line height)."""
PRECUT_FOOTER_SPACE_REM = 3
"""The footer's rule, padding and its "left out" line (rough)."""

# `section_estimates`' page, by brief.css (`sheet`) and the glyph widths of `charheights`:
PERSON_SEP_CHARS = 3
"""Characters between a row's people, and between a name and its title: ", " and a space."""
QUOTED_MARK_CHARS = 5
"""The "quoted" mark after a quoted person's name."""
SOURCES_LABEL_CHARS = 10
"""The footer's "SOURCES" label and its spacing, in characters of the footer's type."""
ROW_RULE_PX = 0.5
"""The rule between the participants' rows, ``border-top: 0.4pt`` (0.53 px)."""


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
    fs = px(BASE_FONT_PT)
    width = content_width(brief)
    avail = page_height(brief)
    wl = PREFERRED_LEFT * (width - COLUMN_GAP_REM * fs)
    wr = (width - COLUMN_GAP_REM * fs) - wl
    head = heading_height(fs)
    fixed = PRECUT_BAND_REM * fs
    if brief.key_points:
        fixed += head + sum(line_count(len(kp.text) + REF_CHARS, width - PRECUT_POINT_INDENT_REM * fs, fs, BODY_GLYPH)
                            * BODY_LINE * fs + PRECUT_POINT_GAP_REM * fs for kp in brief.key_points)
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
        # a title counted at half its length: fitting leaves titles out before people
        names = sum(len(p.name) + len(p.title or "") // 2 + PRECUT_NAME_CHARS for p in brief.participants
                    if not p.articles or any(x in paths for x in p.articles))
        people = (head + line_count(names, width * PRECUT_NAMES_SHARE, PRECUT_PEOPLE_REM * fs, SMALL_GLYPH)
                  * PRECUT_PEOPLE_LINE * PRECUT_PEOPLE_REM * fs + PRECUT_PEOPLE_SPACE_REM * fs)
        source_chars += len(Path(lead.article.path).name) + len(lead.article.source or "") + SOURCE_ENTRY_CHARS
        sources = (line_count(source_chars, width, PRECUT_FOOTER_REM * fs, SMALL_GLYPH) * BODY_LINE * PRECUT_FOOTER_REM
                   * fs + PRECUT_FOOTER_SPACE_REM * fs)
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
    fs = px(plan.font_size)
    width = content_width(brief)
    head = heading_height(fs)
    est: dict[str, float] = {}
    kps = view["key_points"]
    est["sec-kp"] = head + sum(line_count(len(k["text"]) + REF_CHARS, width - KEY_POINT_INDENT_REM * fs,
                                          KEY_POINT_REM * fs, BODY_GLYPH) * KEY_POINT_LINE * KEY_POINT_REM * fs
                               + KEY_POINT_GAP_REM * fs for k in kps) if kps else 0.0
    cols = view["columns"]
    est["cols"] = max(cols.height_left, cols.height_right) if cols is not None else 0.0
    size = PEOPLE_REM * fs
    rows = 0.0
    for g in view["groups"]:
        chars = sum(len(p["name"]) + PERSON_SEP_CHARS + (len(p["title"]) + PERSON_SEP_CHARS if p["title"] else 0)
                    + (QUOTED_MARK_CHARS if p["quoted"] else 0) for p in g["people"])
        lines = max(line_count(len(g["label"]), PEOPLE_LABEL_REM * fs, LABEL_REM * fs, LABEL_GLYPH),
                    line_count(chars, width - PEOPLE_LABEL_COLUMN_REM * fs, size, SMALL_GLYPH))
        rows += lines * PEOPLE_LINE * size + PEOPLE_ROW_PAD_REM * fs + ROW_RULE_PX
    est["sec-parts"] = head + rows if view["groups"] else 0.0
    small = FOOTER_REM * fs
    chars = sum(len(str(a["number"])) + len(a["file"]) + len(a.get("source") or "") + SOURCE_ENTRY_CHARS
                for a in view["articles_all"])
    est["sec-sources"] = ((line_count(chars + SOURCES_LABEL_CHARS, width, small, SMALL_GLYPH)
                           + line_count(len(view["omitted_text"]), width, small, SMALL_GLYPH))
                          * FOOTER_LINE_HEIGHT * small + FOOTER_PAD_REM * fs)
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
    fs = px(size)
    avail = page_height(brief)
    return START_MARGIN * (START_FIXED_EM * fs + sum(est.values())) / avail


TYPE_SIZE_POWER = 1.7
"""A text's height goes with about this power of its type size: its lines' height with the size,
its lines' count with the size less what a line's end leaves empty (the seeds and test briefs laid
out at 9 to 10pt)."""
STEPS_A_POINT = 4
"""Type sizes are tried in quarter points: a smaller step changes a page by less than a line."""


def start_font(brief: Brief, hidden: frozenset) -> float:
    """The type size of the first render: 10pt unless the height model predicts that the whole
    brief overflows at 10pt and fits at a smaller size (9pt at the least); then the largest such
    size, in quarter points. Never leaves anything out: when shrinking the type alone is not
    predicted to be enough, it is 10pt and fitting measures and predicts from that layout."""
    at_base = predicted_fill(brief, hidden, BASE_FONT_PT)
    if at_base <= 1.0 or at_base > (BASE_FONT_PT / MIN_FONT_PT) ** TYPE_SIZE_POWER:
        return BASE_FONT_PT
    for step in range(1, round((BASE_FONT_PT - MIN_FONT_PT) * STEPS_A_POINT) + 1):
        size = BASE_FONT_PT - step / STEPS_A_POINT
        if predicted_fill(brief, hidden, size) <= 1.0:
            return size
    return BASE_FONT_PT
