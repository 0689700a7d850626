"""Heights from character counts, before any layout: the rough model of the page.

Fitting's decisions before the first layout (`estimate.precut`, `estimate.start_font`) and the
first balance of the two columns (`layout.balance_columns`) need heights before WeasyPrint has
laid anything out. They come from here: a text's lines are its characters over what a line holds
(the line's width over the type size times an average glyph width), its height those lines at the
part's line height (`sheet`), plus the part's fixed space. Once a layout exists the page is
predicted from what it measured instead (`heights`).

The glyph widths are averages in em a character; each says what the part's text measures (the
seeds' sentences and headlines laid out on one line by WeasyPrint in the part's face, type and
letter spacing: Noto Serif, Noto Sans). A width above the measured one counts the end of a line
a word break leaves empty, which weighs more the shorter the line.
"""

from __future__ import annotations

import math

from briefing.render.sheet import (
    BLOCK_INDENT_REM,
    BLOCK_SPACE_REM,
    BODY_LINE,
    CAPTION_REM,
    CREDIT_REM,
    HEADING_REM,
    HEADING_RULE_PX,
    HEADING_SPACE_REM,
    HEADLINE_LINE,
    HEADLINE_REM,
    QUOTE_INSET_REM,
    QUOTE_LINE,
    QUOTE_REM,
    QUOTE_RULE_PX,
    QUOTE_SPACE_REM,
)

BODY_GLYPH = 0.47
"""em a character of the summaries' serif (measured 0.473)."""
HEADLINE_GLYPH = 0.56
"""em a character of the bold sans headlines (measured 0.496; a headline's two or three short
lines leave more empty at their breaks)."""
CREDIT_GLYPH = 0.52
"""em a character of the credit line's sans, 0.01em letter spacing (measured 0.475; outlet names
and dates break early)."""
QUOTE_GLYPH = 0.45
"""em a character of a quote's serif italic (measured 0.461)."""
CAPTION_GLYPH = 0.5
"""em a character of a caption's sans (measured 0.465; names and titles break early)."""
LABEL_GLYPH = 0.6
"""em a character of the participants' row labels, bold sans spaced 0.02em (measured 0.516; a
label's column is 6.8rem, a country's name often takes a line of its own)."""
SMALL_GLYPH = 0.5
"""em a character of the participants' names and the footer (sans and serif mixed, measured
0.465-0.475, the footer's entries unbreakable)."""
QUOTE_MARKS = 2
"""Characters the page adds to a quote's words: its opening and closing marks."""
CAPTION_EXTRA = 9
"""Characters a caption adds to the speaker's name and title: the dash, a comma, spaces and the
story's number."""
QUOTE_ABOVE_IN_BLOCK_REM = 0.2
"""The space above a story's key quote in its block: brief.css gives 0.3rem, and the estimate
counts the quote at the quotes column's 0.95rem type, a little taller than its own 0.9rem."""


def line_count(chars: float, width: float, size: float, em_per_char: float) -> int:
    """Lines `chars` characters take at `width` px in type of `size` px whose average glyph is
    `em_per_char` em wide."""
    if chars <= 0:
        return 0
    per_line = max(1.0, width / (size * em_per_char))
    return math.ceil(chars / per_line)


def article_height(title: str, credit: str, chars: int, width: float, fs: float) -> float:
    """A story block without its key quote: headline, credit and `chars` characters of summary."""
    inner = width - BLOCK_INDENT_REM * fs
    h = line_count(len(title), inner, HEADLINE_REM * fs, HEADLINE_GLYPH) * HEADLINE_LINE * HEADLINE_REM * fs
    h += line_count(len(credit), inner, CREDIT_REM * fs, CREDIT_GLYPH) * BODY_LINE * CREDIT_REM * fs
    h += line_count(chars, inner, fs, BODY_GLYPH) * BODY_LINE * fs
    return h + BLOCK_SPACE_REM * fs


def block_height(title: str, credit: str, chars: int, quote: tuple[str, int] | None, width: float,
                 fs: float) -> float:
    """A story block: its headline, credit and summary, and its key quote if it shows one."""
    h = article_height(title, credit, chars, width, fs)
    if quote is not None:
        h += quote_height(quote[0], quote[1], width - BLOCK_INDENT_REM * fs, fs) + QUOTE_ABOVE_IN_BLOCK_REM * fs
    return h


def caption_chars(speaker: str | None, title: str | None) -> int:
    """Characters of a quote's caption (speaker and title), as the height estimates count them."""
    return len(speaker or "speaker not named") + len(title or "") + CAPTION_EXTRA


def quote_height(text: str, caption: int, width: float, fs: float) -> float:
    """A quote in the quotes column: its words and a caption of `caption` characters."""
    inner = width - QUOTE_INSET_REM * fs - QUOTE_RULE_PX
    h = line_count(len(text) + QUOTE_MARKS, inner, QUOTE_REM * fs, QUOTE_GLYPH) * QUOTE_LINE * QUOTE_REM * fs
    h += line_count(caption, inner, CAPTION_REM * fs, CAPTION_GLYPH) * QUOTE_LINE * CAPTION_REM * fs
    return h + QUOTE_SPACE_REM * fs


def heading_height(fs: float) -> float:
    """A section heading: one line of its type, the space under it and its rule."""
    return HEADING_REM * fs * BODY_LINE + HEADING_SPACE_REM * fs + HEADING_RULE_PX
