"""The stylesheet's numbers the Python side of the page needs, in one place.

`templates/brief.css` sets the page; fitting predicts it before WeasyPrint lays it out, so a few
of the stylesheet's numbers are needed in Python too: the page and its margins, the gap between
the two columns, the type sizes and line heights of each part. They live here and nowhere else
(`charheights` estimates from them, `layout` balances the columns with them, `heights` predicts
from what layouts measured and these for what no layout has shown). Change brief.css and this
module together. Sizes are in rem (of the page's type size, which fitting changes) unless said.
"""

from __future__ import annotations

from briefing.model import Brief

BASE_FONT_PT = 10.0
"""The page's type size (brief.css: ``html { font-size: 10pt }``): what a page that fits gets."""
MIN_FONT_PT = 9.0
"""Fitting shrinks type from 10pt to 9pt at most before it leaves content out: 9pt is the
smallest that still reads as body text on paper."""
LAST_RESORT_FONT_PT = 8.5
"""The barest brief's type when even that does not fit at 9pt (a last resort, never chosen)."""


def px(pt: float) -> float:
    """Points to CSS px: CSS has 96 px and 72 pt to the inch."""
    return pt * 96 / 72


PAGE_CSS = {"a4": "A4", "letter": "letter"}
"""The ``@page { size }`` the template writes for each page size."""

CONTENT_WIDTH_PX = {"a4": (210 - 30) / 25.4 * 96, "letter": (8.5 * 25.4 - 30) / 25.4 * 96}
"""The page's text width in CSS px: A4 (210 mm) or US Letter (8.5 in) less brief.css's two 15mm
side margins (``@page { margin: 13mm 15mm 15mm 15mm }``); 25.4 mm and 96 px to the inch."""
PAGE_HEIGHT_PX = {"a4": (297 - 28) / 25.4 * 96, "letter": (11 * 25.4 - 28) / 25.4 * 96}
"""The page's text height in CSS px: A4 (297 mm) or US Letter (11 in) less brief.css's 13mm top
and 15mm bottom margins."""


def content_width(brief: Brief) -> float:
    return CONTENT_WIDTH_PX.get((brief.page_size or "a4").lower(), CONTENT_WIDTH_PX["a4"])


def page_height(brief: Brief) -> float:
    return PAGE_HEIGHT_PX.get((brief.page_size or "a4").lower(), PAGE_HEIGHT_PX["a4"])


COLUMN_GAP_REM = 1.6
"""Between the stories column and the quotes column (``.cols { column-gap }``)."""
PREFERRED_LEFT = 0.57
"""The stories column's share of the width as the design sketch has it (``.cols {
grid-template-columns: 57fr 43fr }``)."""

BODY_LINE = 1.34
"""Line height of body text, the summaries (``body { line-height }``)."""
HEADLINE_REM, HEADLINE_LINE = 0.95, 1.22
"""A story's headline (``article h3``): type size and line height."""
BLOCK_INDENT_REM = 1.25
"""A story block's text stands right of its number (``article h3 .num { flex: 0 0 1.25rem }``,
``.credit`` and ``.summary``'s left margin)."""
CREDIT_REM = 0.7
"""The credit line under a headline (``.credit { font-size }``)."""
QUOTE_REM, QUOTE_LINE = 0.95, 1.3
"""A quote's words (``.quote blockquote``): type size and line height."""
CAPTION_REM = 0.7
"""A quote's caption, speaker and title (``.quote figcaption``; line height `QUOTE_LINE`)."""
QUOTE_INSET_REM = 0.7
"""A quote's text stands this far right of its rule (``.quote { padding-left }``)."""
HEADING_REM = 0.7
"""Section headings (``h2 { font-size }``; line height `BODY_LINE`)."""
HEADING_SPACE_REM = 0.57
"""Under a section heading: 0.12rem padding above its rule and 0.45rem margin below it (``h2``)."""
HEADING_RULE_PX = 1.2
"""A section heading's rule, ``border-bottom: 0.9pt`` (1.2 px)."""
BLOCK_SPACE_REM = 0.86
"""A story block's space besides its lines: 0.6rem under the block (``article { margin }``),
0.08rem under the headline, 0.18rem under the credit."""
QUOTE_SPACE_REM = 0.83
"""A quote's space besides its lines: 0.62rem under it (``.quote { margin }``), 0.05rem above its
text (``padding-top``), 0.16rem above its caption (``figcaption { margin-top }``)."""
QUOTE_RULE_PX = 2.2
"""A quote's rule, ``border-left: 1.6pt`` (2.13 px), rounded up."""
COLS_MARGIN_REM = 0.9
"""The space under the two columns (``.cols { margin-bottom }``)."""
MORE_MARGIN_REM = 0.1
""""More quotes" under the stories adds its own heading and 0.7rem above it (``.more-quotes``),
into which the last story's 0.6rem margin folds."""
FOOTER_MARGIN_REM = {"also": 0.25, "omitted": 0.15}
"""The space beside the footer's "Also reported" line (``.also { margin }``) and its "left out"
line (``.omitted { margin }``)."""
QUOTE_CSS = {"quote": (0.95, 0.7, 0.83, 0.7, 1.6), "story-quote": (0.9, 0.7, 0.51, 1.85, 1.2)}
"""The two styles of quote, ``.quote`` and ``.story-quote``: text and caption size (rem), the
space around them (rem: the quotes column's `QUOTE_SPACE_REM`; a story's key quote 0.3rem above,
0.05rem padding and 0.16rem above its caption), their inset from the column (rem: 0.7rem padding;
a story's key quote 1.25rem margin and 0.6rem padding), their rule (pt)."""
DEFAULT_KEY_POINTS_REM = 2.6
"""The key points' heading and margins, before a layout shows them: the heading's 0.7rem type at
1.34, its `HEADING_SPACE_REM` and rule, and 0.95rem under the list (``.key-points { margin-bottom }``),
rounded up."""
DEFAULT_PARTICIPANTS_REM = 2.3
"""The participants' heading and margins, before a layout shows them: the heading (as for the key
points, with its rule) and 0.7rem under the table (``.participants { margin-bottom }``), rounded up."""
KEY_POINT_REM, KEY_POINT_LINE = 1.04, 1.32
"""A key point (``.key-points li``): type size and line height."""
KEY_POINT_INDENT_REM, KEY_POINT_GAP_REM = 1.1, 0.28
"""A key point's text right of its square marker (``padding-left``), and the space under each (``margin``)."""
PEOPLE_REM, PEOPLE_LINE = 0.84, 1.32
"""The participants table (``.participants table``): type size and line height."""
LABEL_REM = 0.7
"""A participants row's label, its country or organisation (``.participants th { font-size }``)."""
PEOPLE_LABEL_REM = 6.8
"""The width of a row's label, its country or organisation: ``th { width: 7.6rem }`` less its
0.8rem right padding."""
PEOPLE_LABEL_COLUMN_REM = 8.5
"""What a row's label column takes from the width: the label's 7.6rem, its 0.8rem padding and the
names cell's 0.1rem."""
PEOPLE_ROW_PAD_REM = 0.32
"""Above and below each row's names (``td { padding: 0.16rem ... 0.16rem }``)."""
FOOTER_REM, FOOTER_LINE_HEIGHT = 0.64, 1.4
"""The footer's small type, sources and notes (``.sources``): type size and line height."""
FOOTER_PAD_REM = 0.3
"""Above the footer's first line, under its rule (``.sources { padding-top }``)."""
