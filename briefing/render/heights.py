"""The height a plan's page will have, predicted from layouts already made (`PageModel`).

A layout read back (`measure.read_text`) gives every unit fitting keeps or leaves out whole (key
point, story block, quote, row of participants, paragraph of the footer) with its height and its
paragraphs' words. A plan's page is then laid out again in Python: each paragraph the plan
changes (a summary less a sentence, a row less a person or a title, anything in a column whose
width the balance moved, everything at another type size) is broken into lines at its new width
with the words WeasyPrint laid out, and a unit's height moves by its lines' heights; what no
paragraph holds (headings, margins, rules, the title band) is the layout's, as measured. The two
columns are as tall as the taller, and their balance (`layout.balance_columns`) is chosen from
these same heights (`Measurer`). Nothing is estimated from character counts except footer text
no layout has shown (a new line of sources, what was left out).
"""

from __future__ import annotations

import dataclasses
import re
from dataclasses import dataclass, field

from briefing.model import Brief
from briefing.render.layout import Plan, page_view
from briefing.render.measure import SPACE_EM, PageText, Paragraph, Unit, Word
from briefing.render.sheet import (
    COLS_MARGIN_REM,
    COLUMN_GAP_REM,
    DEFAULT_KEY_POINTS_REM,
    DEFAULT_PARTICIPANTS_REM,
    FOOTER_LINE_HEIGHT,
    FOOTER_MARGIN_REM,
    FOOTER_REM,
    MORE_MARGIN_REM,
    QUOTE_CSS,
    QUOTE_LINE,
    px,
)

EPS = 1e-5
"""rem: a word fits a line this little too long (Pango measures in 1/1024 px; widths add up)."""

SECTIONS = ("sec-kp", "cols", "sec-parts", "sec-sources")
"""The page's parts below the title band, one after another."""


def line_count(words, width: float) -> int:
    """Lines the words take at `width` (rem), broken as Pango breaks them: as many whole words
    on a line as fit, the spaces at a break dropped."""
    lines = 0
    x = pending = word = 0.0
    for w in words:
        word += w.width
        if w.glued:
            word += w.space
            continue
        if lines == 0:
            lines, x = 1, word
        elif x + pending + word <= width + EPS:
            x += pending + word
        else:
            lines, x = lines + 1, word
        pending, word = w.space, 0.0
    if word:  # a last word glued to nothing
        if lines == 0:
            lines = 1
        elif x + pending + word > width + EPS:
            lines += 1
    return lines


@dataclass
class Heights:
    """A page's predicted heights (CSS px)."""

    total: float
    left: float
    right: float


@dataclass
class _Layout:
    text: PageText
    footer: dict[str, list[str]]
    """The footer lines' pieces as the plan's view gave them (`footer_tokens`)."""


@dataclass
class PageModel:
    """The layouts made so far, read back; predicts any plan's page from them (the latest first)."""

    layouts: list[_Layout] = field(default_factory=list)
    measurers: dict[float, Measurer] = field(default_factory=dict)

    def add(self, text: PageText, view: dict) -> None:
        self.layouts.insert(0, _Layout(text=text, footer=footer_tokens(view)))
        self.measurers.clear()

    def unit(self, key: str) -> Unit | None:
        for layout in self.layouts:
            u = layout.text.units.get(key)
            if u is not None:
                return u
        return None

    def block(self, anchor: str, sentences: set[str]) -> Unit | None:
        """Story block `anchor` from the latest layout that showed all of `sentences` (an
        earlier one holds the sentences fitting left out since)."""
        best, best_n = None, -1
        for layout in self.layouts:
            u = layout.text.units.get(anchor)
            if u is None:
                continue
            summary = u.paras.get("summary")
            n = len(sentences & {w.tag for w in summary.words}) if summary else 0
            if n == len(sentences):
                return u
            if n > best_n:
                best, best_n = u, n
        return best

    def kind(self, kind: str) -> Unit | None:
        """A unit of `kind` laid out (a pattern for a quote shown in the other style)."""
        for layout in self.layouts:
            for u in layout.text.units.values():
                if u.kind == kind and u.paras:
                    return u
        return None

    def measurer(self, font_pt: float) -> Measurer:
        if font_pt not in self.measurers:
            self.measurers[font_pt] = Measurer(self, px(font_pt))
        return self.measurers[font_pt]

    def predict(self, brief: Brief, plan: Plan) -> Heights:
        """The heights `plan`'s page will have, its columns balanced by the measured heights (as
        a layout of it balances them); `plan` itself is left as it was."""
        measured = self.measurer(plan.font_size)
        view = page_view(brief, dataclasses.replace(plan, measured=measured), for_pdf=True, pages=None, overflow=False)
        return _Page(self, measured, view).heights()


def footer_tokens(view: dict) -> dict[str, list[str]]:
    """The footer's lines that change as fitting leaves things out, as the pieces a line breaks
    between: "Also reported"'s words, the sources' entries (each unbreakable), the words of the
    note of what was left out (as brief.html prints them)."""
    also: list[str] = []
    for n, e in enumerate(view["also"]):
        also += (["·"] if n else []) + (f"{e['title']} ({e['where']})" if e["where"] else e["title"]).split()
    if view["also_more"]:
        also += ["·"] + f"{view['also_more']} more in brief.json".split()
    sources = [f"[{a['number']}] " + (f"{a['source']} — " if a.get("source") else "") + a["file"]
               for a in view["articles_all"]]
    return {"also": also, "sources": sources, "omitted": view["omitted_text"].split()}


class Measurer:
    """Heights of the page's units at one type size and any width, from the model's layouts:
    rem in `block_rem`/`quote_rem`, CSS px for `layout.balance_columns` (`ColumnHeights`).
    Heights are kept: one plan and the next share most of their blocks."""

    def __init__(self, model: PageModel, root: float):
        self.model = model
        self.root = root
        self.ref = model.layouts[0].text
        self.page = self.ref.page * self.ref.root / root
        self.cache: dict[tuple, float | None] = {}

    # --- for the balance of the columns (CSS px) ------------------------------------------------

    def block(self, block: dict, width: float, with_quote: bool) -> float | None:
        h = self.block_rem(block, width / self.root, with_quote)
        return None if h is None else h * self.root

    def quote(self, quote: dict, width: float) -> float | None:
        h = self.quote_rem(quote["anchor"], "quote", width / self.root)
        return None if h is None else h * self.root

    def heads(self) -> tuple[float, float, float]:
        left, right, more = self.bases()
        return left * self.root, right * self.root, more * self.root

    # --- rem ----------------------------------------------------------------------------------

    def bases(self) -> tuple[float, float, float]:
        """The stories column, the quotes column and "More quotes" less their items: headings,
        margins (as the latest layout measured them)."""
        ref = self.ref
        units = ref.units
        blocks = sum(u.height for k, u in units.items() if k.startswith("st-"))
        more = [u for u in units.values() if u.kind == "quote" and u.where == "col-left"]
        right_quotes = [u for u in units.values() if u.kind == "quote" and u.where == "col-right"]
        has_more = "sec-more" in ref.parts
        left = ref.parts.get("col-left", 0.0) - blocks - (ref.parts["sec-more"] if has_more else 0.0)
        right = ref.parts.get("col-right", 0.0) - sum(u.height for u in right_quotes) if right_quotes else left
        more_base = ref.parts["sec-more"] - sum(u.height for u in more) if has_more else right + MORE_MARGIN_REM
        return left, right, more_base

    def block_rem(self, b: dict, width: float, with_quote: bool) -> float | None:
        """Story block `b` (a view's block) at `width`, with its key quote or without."""
        kept = tuple(s["anchor"] for s in b["sentences"])
        # widths within 1e-4 px of each other are one width (they come of different sums)
        key = ("block", b["anchor"], kept, round(width, 4), with_quote and bool(b["quote"]))
        if key not in self.cache:
            self.cache[key] = self._block(b, set(kept), width, with_quote)
        return self.cache[key]

    def _block(self, b: dict, kept: set[str], width: float, with_quote: bool) -> float | None:
        u = self.model.block(b["anchor"], kept)
        if u is None:
            return None
        words = {"summary": [w for w in u.paras["summary"].words if not w.tag.startswith("s-") or w.tag in kept]} \
            if "summary" in u.paras else {}
        h = self.reflowed(u, width, words) - u.inner_height  # the block as laid out, less its quote
        if with_quote and b["quote"]:
            q = self.quote_rem(b["quote"]["anchor"], "story-quote", width)
            if q is None:
                return None
            h += q
        return h

    def quote_rem(self, anchor: str, kind: str, width: float) -> float | None:
        """Quote `anchor` in the style of `kind` ("quote": a quotes column; "story-quote": a
        story block) in a column `width` wide."""
        key = ("quote", anchor, kind, round(width, 4))  # as in `block_rem`
        if key not in self.cache:
            self.cache[key] = self._quote(anchor, kind, width)
        return self.cache[key]

    def _quote(self, anchor: str, kind: str, width: float) -> float | None:
        u = self.model.unit(anchor)
        if u is None:
            return None
        if u.kind == kind:
            return self.reflowed(u, width, {})
        # shown in the other style: its words at that style's size, its lines that style's
        pattern = self.model.kind(kind) or _css_quote(kind)
        ref_words = [w for w in pattern.paras["caption"].words if w.tag == "ref"] if "caption" in pattern.paras else []
        h = pattern.height - sum(p.line * p.lines for p in pattern.paras.values())
        for role, pat in pattern.paras.items():
            own = u.paras.get(role)
            if own is None:
                continue
            scale = pat.font / own.font if own.font else 1.0
            words = [Word(w.width * scale, w.space * scale, w.tag, w.glued) for w in own.words if w.tag != "ref"]
            if role == "caption" and ref_words:  # a quotes column's caption ends with its story's number
                if words:
                    words[-1] = Word(words[-1].width, max(words[-1].space, SPACE * pat.font), words[-1].tag)
                words += ref_words
            h += pat.line * line_count(words, pat.room(width, self.root))
        return h

    def reflowed(self, u: Unit, width: float, words: dict[str, list[Word]]) -> float:
        """`u`'s height with its paragraphs broken again in a container `width` wide (and
        `words` in place of a paragraph's own)."""
        h = u.height
        for role, para in u.paras.items():
            if role not in words and abs(para.room(width, self.root) - para.width) < EPS:
                continue
            h += para.line * (line_count(words.get(role, para.words), para.room(width, self.root)) - para.lines)
        return h


class _Page:
    """One plan's page (its view), laid out again from the model's layouts (lengths in rem)."""

    def __init__(self, model: PageModel, measurer: Measurer, view: dict):
        self.model = model
        self.m = measurer
        self.view = view
        self.ref = measurer.ref
        self.page = measurer.page
        self.root = measurer.root

    def heights(self) -> Heights:
        ref = self.ref
        total = ref.total - sum(ref.parts[s] for s in SECTIONS if s in ref.parts)
        if self.view["key_points"]:
            total += self.key_points()
        left, right = self.columns()
        total += max(left, right) + self._cols_margin()
        if self.view["groups"]:
            total += self.participants()
        total += self.footer()
        return Heights(total=total * self.root, left=left * self.root, right=right * self.root)

    def key_points(self) -> float:
        points = [u for k, u in self.ref.units.items() if k.startswith("kp-")]
        total = self.ref.parts.get("sec-kp", 0.0) - sum(u.height for u in points) if points else DEFAULT_KEY_POINTS_REM
        for kp in self.view["key_points"]:
            u = self.model.unit(kp["anchor"])
            total += self.m.reflowed(u, self.page, {}) if u is not None else 0.0
        return total

    def columns(self) -> tuple[float, float]:
        view = self.view
        if view["quotes"]:
            left, right = int(view["cols_left"]), int(view["cols_right"])
            inner = self.page - COLUMN_GAP_REM
            widths = (inner * left / (left + right), inner * right / (left + right))
        else:
            widths = (self.page, 0.0)
        left_base, right_base, more_base = self.m.bases()
        left = left_base + sum(self.m.block_rem(b, widths[0], True) or 0.0 for b in view["stories"])
        if view["more_quotes"]:
            left += more_base + sum(self.m.quote_rem(q["anchor"], "quote", widths[0]) or 0.0
                                    for q in view["more_quotes"])
        right = 0.0
        if view["quotes"]:
            right = right_base + sum(self.m.quote_rem(q["anchor"], "quote", widths[1]) or 0.0 for q in view["quotes"])
        return left, right

    def _cols_margin(self) -> float:
        ref = self.ref
        if "cols" not in ref.parts:
            return COLS_MARGIN_REM
        return ref.parts["cols"] - max(ref.parts.get("col-left", 0.0), ref.parts.get("col-right", 0.0))

    def participants(self) -> float:
        rows = [u for u in self.ref.units.values() if u.kind == "row"]
        if not rows or "sec-parts" not in self.ref.parts:
            return DEFAULT_PARTICIPANTS_REM + FOOTER_LINE * len(self.view["groups"])
        total = self.ref.parts["sec-parts"] - sum(u.height for u in rows)
        firsts = [u for u in rows if u.first] or rows
        others = [u for u in rows if not u.first] or rows
        words = _people_words(self.model)
        sep = next((ws for u in _rows(self.model) for ws in [_sep(u)] if ws), [])
        for n, g in enumerate(self.view["groups"]):
            pattern = (firsts if n == 0 else others)[0]
            const = pattern.height - max(p.line * p.lines for p in pattern.paras.values())
            people: list[Word] = []
            for k, p in enumerate(g["people"]):
                if k and sep:
                    if people:  # the space before the separator
                        people[-1] = Word(people[-1].width, max(people[-1].space, sep[0].space), people[-1].tag)
                    people += sep
                person = p["anchor"]
                people += [w for w in words.get(person, []) if w.tag in (person, person + " quoted")
                           or (w.tag == person + " title" and p["title"])]
            cell = pattern.paras.get("people")
            label = self.model.unit(f"row {g['label']}")
            label_para = (label.paras.get("label") if label is not None else None) or pattern.paras.get("label")
            h_people = cell.line * line_count(people, cell.room(self.page, self.root)) if cell else 0.0
            h_label = label_para.line * max(1, label_para.lines) if label_para else 0.0
            total += const + max(h_people, h_label)
        return total

    def footer(self) -> float:
        paras = {k: u for k, u in self.ref.units.items() if u.kind == "footer"}
        total = self.ref.parts.get("sec-sources", 0.0) - sum(u.height for u in paras.values())
        tokens = footer_tokens(self.view)
        ref_tokens = self.model.layouts[0].footer
        for name, u in paras.items():
            para = u.paras.get("text")
            if name not in tokens or para is None or tokens[name] == ref_tokens.get(name):
                total += self.m.reflowed(u, self.page, {})
            elif tokens[name]:
                lines = line_count(_footer_words(self.model, name, tokens[name]), para.room(self.page, self.root))
                total += u.height + para.line * (lines - para.lines)
        for name in ("also", "omitted"):
            if name not in paras and tokens[name]:  # a line no layout showed: brief.css's spacing
                sample = next((u.paras["text"] for u in paras.values() if "text" in u.paras), None)
                line = sample.line if sample is not None else FOOTER_LINE
                words = _footer_words(self.model, name, tokens[name])
                total += FOOTER_MARGIN_REM[name] + line * line_count(words, sample.room(self.page, self.root) if sample else self.page)
        return total


def _footer_words(model: PageModel, name: str, tokens: list[str]) -> list[Word]:
    """Footer line `name`'s words for `tokens`: its label and every piece as a layout measured
    it (a source entry whatever its number), a piece no layout showed as wide as the footer's
    average character."""
    bank: dict[str, Word] = {}
    label: list[Word] = []
    chars = width = 0.0
    for layout in reversed(model.layouts):
        for key, u in layout.text.units.items():
            para = u.paras.get("text") if u.kind == "footer" else None
            if para is None:
                continue
            for w in para.words:
                chars, width = chars + len(w.text), width + w.width
                if key == name:
                    bank[_entry(w.text)] = w
            if key == name:
                label = [w for w in para.words if w.tag == "label"]
    # rem a character (the footer's type times its glyph width) and a space, when no layout showed them
    per_char = width / chars if chars else FOOTER_LINE * FOOTER_GLYPH / FOOTER_LINE_HEIGHT
    space = next((w.space for w in bank.values() if w.space), SPACE * FOOTER_REM)
    words = list(label)
    for t in tokens:
        known = bank.get(_entry(t))
        extra = (len(t) - len(known.text)) * per_char if known is not None else 0.0
        words.append(Word(width=known.width + extra, space=known.space or space, text=t) if known is not None
                      else Word(width=len(t) * per_char, space=space, text=t))
    return words


def _entry(text: str) -> str:
    """A source entry without its number (it changes as stories are left out)."""
    return re.sub(r"^\[\d+\] ", "", text)


def _rows(model: PageModel):
    for layout in model.layouts:
        for u in layout.text.units.values():
            if u.kind == "row":
                yield u


def _people_words(model: PageModel) -> dict[str, list[Word]]:
    """Each person's words (name, title, "quoted"), from the latest layout that showed them."""
    out: dict[str, list[Word]] = {}
    for layout in reversed(model.layouts):
        mine: dict[str, list[Word]] = {}
        for u in layout.text.units.values():
            if u.kind == "row" and "people" in u.paras:
                for w in u.paras["people"].words:
                    if w.tag.startswith("p-"):
                        mine.setdefault(w.tag.split()[0], []).append(w)
        out.update(mine)
    return out


def _sep(u: Unit) -> list[Word]:
    para = u.paras.get("people")
    return [w for w in para.words if w.tag == "sep"][:1] if para else []


SPACE = SPACE_EM
"""em: a space, for words put together that no layout showed side by side (`measure.SPACE_EM`)."""
FOOTER_LINE = FOOTER_REM * FOOTER_LINE_HEIGHT
"""rem: one line of the footer's small type (brief.css, `sheet`)."""
FOOTER_GLYPH = 0.5
"""em a character of the footer's type, when no layout has shown a footer to measure (the
estimates' `charheights.SMALL_GLYPH`)."""


def _css_quote(kind: str) -> Unit:
    """A quote style no layout has shown yet, as brief.css sets it: an empty pattern (its
    height the space around the text, no lines)."""
    text, caption, around, inset, rule = QUOTE_CSS[kind]
    rule *= 96 / 72  # pt to CSS px (96 px and 72 pt to the inch)
    return Unit(kind=kind, height=around, paras={
        "text": Paragraph(words=(), width=0.0, line=text * QUOTE_LINE, lines=0, font=text, inset=inset, rule=rule),
        "caption": Paragraph(words=(), width=0.0, line=caption * QUOTE_LINE, lines=0, font=caption, inset=inset,
                             rule=rule)})
