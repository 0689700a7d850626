"""What WeasyPrint laid out, read back: how tall the page and its parts came out (`read_page`),
and the words of every paragraph fitting changes with their widths (`read_text`), so that the
height model (`briefing.render.heights`) can lay a changed page out again in Python.

Widths are the advances of the glyphs Pango shaped for the layout (kerning included) and breaks
are Pango's own break opportunities, so a paragraph's words broken again at the width they were
laid out in break where WeasyPrint broke them. Lengths in `PageText` are in rem (the root type
size, which fitting changes; every size in brief.css is in rem), so a page read at one type size
predicts another.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

# --- the page as a whole -----------------------------------------------------------------------


FIT_TOLERANCE_PX = 0.5
"""A page fits when its content ends within half a CSS px of the bottom margin: WeasyPrint's
heights are sums of fractional px, and less than half a px is never a line of text."""
SPACE_EM = 0.26
"""A word space where the layout shows none (a line break swallowed it): Noto Serif's and Noto
Sans's space glyph, 260 units of their 1000 to the em."""


@dataclass
class PageMeasure:
    """Where the page's anchored elements fell, as one continuous column across pages (CSS px)."""

    pages: int
    avail: float
    """The page's text height."""
    total: float
    """The laid-out height of the brief (to its end anchor)."""
    y: dict[str, float]
    h: dict[str, float] = field(default_factory=dict)
    """Laid-out height (margins included) of every element with an id, fragments summed: an
    item split over the two columns counts both parts."""

    @property
    def fits(self) -> bool:
        return self.pages == 1 and self.total <= self.avail + FIT_TOLERANCE_PX

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


def read_page(doc) -> PageMeasure:
    """The page's height, its text height, and every anchored element's position and height."""
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
            if name not in y:
                y[name] = n * avail + (box[1] - top)
    total = y.get("brief-end", len(pages) * avail)
    return PageMeasure(pages=len(pages), avail=avail, total=total, y=y, h=_box_heights(pages))


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
            if el is not None and el is not parent_el and type(box).__name__ in ("BlockBox", "TableRowBox", "GridBox"):
                ident = el.get("id")
                if ident:
                    heights[ident] = heights.get(ident, 0.0) + box.margin_height()
            stack.extend((c, el) for c in getattr(box, "children", ()) or ())
    return heights


# --- the words of each paragraph ------------------------------------------------------------


@dataclass(frozen=True)
class Word:
    """Text between two places where a line may break."""

    width: float
    """rem, without the spaces after it."""
    space: float = 0.0
    """rem: the spaces after it (they vanish at the end of a line)."""
    tag: str = ""
    """What it belongs to: a sentence ("s-2-5"), a person ("p-3"; "p-3 title", "p-3 quoted"),
    "sep" (between people), "ref" (a story number), "label" (a footer line's label), "source"
    (an entry of the sources line); "" otherwise."""
    glued: bool = False
    """No break after it: it and the next word are one."""
    text: str = ""


@dataclass
class Paragraph:
    """A block of lines: its words, the width and line height it was laid out with."""

    words: tuple[Word, ...]
    width: float
    """rem: the line width it was laid out in."""
    line: float
    """rem: the height of one line."""
    lines: int
    font: float
    """rem: its type size (a quote set at another size scales its words by the ratio)."""
    inset: float
    """rem: its column's (or the page's) width less `width` and `rule`: the margins and paddings
    between them (brief.css sets them in rem)."""
    rule: float = 0.0
    """CSS px: the borders between its column (or the page) and it (set in pt, whatever the type size)."""
    text: str = ""

    def room(self, container: float, root: float) -> float:
        """rem: its line width in a container `container` rem wide, at `root` px per rem."""
        return container - self.inset - self.rule / root


@dataclass
class Unit:
    """Something fitting keeps or leaves out whole, as laid out: a key point, a story block, a
    quote, a row of participants, a paragraph of the footer."""

    kind: str
    """"point", "story", "quote" (in a quotes column), "story-quote" (in a story block), "row",
    "footer"."""
    height: float
    """rem: its margin box."""
    paras: dict[str, Paragraph] = field(default_factory=dict)
    inner: str = ""
    """A story block's key quote (its unit key), if it shows one."""
    inner_height: float = 0.0
    """rem: that quote's margin box, as this layout laid it out in the block."""
    where: str = "page"
    """"col-left", "col-right" or "page": what its widths are measured against."""
    first: bool = False
    """A row: the table's first (it has no rule above it)."""


@dataclass
class PageText:
    """One layout read back (lengths in rem)."""

    root: float
    """CSS px per rem in this layout (the type size fitting chose)."""
    units: dict[str, Unit]
    """By id ("kp-0", "st-3", "q-5"), rows by their label ("row Other"), the footer's
    paragraphs by name ("also", "sources", "omitted", "quiet", "skipped")."""
    parts: dict[str, float]
    """Heights (margin boxes) of the page's sections and columns, by id."""
    page: float
    """The text width."""
    columns: tuple[float, float]
    """The two columns' widths (the right one 0 when the page has one column)."""
    total: float


UNIT_ID = re.compile(r"(kp|st|q|g)-\d+$")
FOOTER_PARTS = {"sec-quiet": "quiet", "sec-also": "also", "source-list": "sources", "omitted": "omitted",
                "skipped": "skipped"}
ROLES = {"headline": "headline", "credit": "credit", "summary": "summary", "blockquote": "text",
         "figcaption": "caption", "th": "label", "td": "people"}
PARTS = ("sec-kp", "cols", "col-left", "col-right", "sec-articles", "sec-more", "sec-quotes", "sec-parts",
         "sec-sources")
OBJECT = "\ufffc"
"""An inline block (a quote's opening mark) in a paragraph's text: glued to the word after it."""
BREAK_AFTER = "-\u2010\u2013\u2014/"
"""A line broken after one of these had no space there."""


def read_text(doc) -> PageText:
    """The units of the first page (the brief is one unbreakable box: all of it is there) with
    their paragraphs' words, and the heights of the page's parts."""
    page_box = doc.pages[0]._page_box
    html = page_box.children[0]
    reader = _Reader(html.style["font_size"])
    reader.walk(page_box, None, "page", None)
    measure = read_page(doc)
    root = reader.root
    parts = {k: v / root for k, v in measure.h.items() if k in PARTS}
    return PageText(root=root, units=reader.units, parts=parts, page=reader.widths.get("page", 0.0) / root,
                    columns=(reader.widths.get("col-left", 0.0) / root, reader.widths.get("col-right", 0.0) / root),
                    total=measure.total / root)


class _Reader:
    """Walks a laid-out page: the units fitting keeps or leaves out, each with its paragraphs, and
    the widths they are measured against (the page, the two columns)."""

    def __init__(self, root: float):
        self.root = root
        self.units: dict[str, Unit] = {}
        self.widths: dict[str, float] = {}
        self.rows = 0
        self.layouts: dict = {}
        """Pango layouts by text style, to shape each text box's characters again."""

    def walk(self, box, unit: Unit | None, where: str, parent, rule: float = 0.0) -> None:
        el = getattr(box, "element", None)
        ident = el.get("id") if el is not None else None
        cls = (el.get("class") or "").split() if el is not None else []
        kind = type(box).__name__
        if ident in ("col-left", "col-right") and kind == "BlockBox":
            where = ident
            self.widths[ident] = box.width
            rule = 0.0
        elif ident == "brief-start":
            self.widths["page"] = box.width
            rule = 0.0
        else:
            rule += (getattr(box, "border_left_width", 0) or 0) + (getattr(box, "border_right_width", 0) or 0)
        if ident and UNIT_ID.match(ident) and kind in ("BlockBox", "TableRowBox") and (unit is None or unit.kind == "story"):
            unit = self._unit(box, ident, cls, unit, where) or unit
        elif el is not None and unit is None and kind == "BlockBox":
            name = FOOTER_PARTS.get(ident or "") or next((FOOTER_PARTS[c] for c in cls if c in FOOTER_PARTS), None)
            if name:
                unit = self.units[name] = Unit(kind="footer", height=box.margin_height() / self.root)
        children = list(getattr(box, "children", ()) or ())
        if unit is not None and children and all(type(c).__name__ == "LineBox" for c in children):
            role = ROLES.get(el.tag if el is not None else "", None) or next((ROLES[c] for c in cls if c in ROLES), None)
            if unit.kind in ("point", "footer"):
                role = "text"
            if role and role not in unit.paras:
                unit.paras[role] = self._paragraph(box, children, parent, where, rule)
            return
        for child in children:
            self.walk(child, unit, where, box, rule)

    def _unit(self, box, ident: str, cls: list[str], outer: Unit | None, where: str) -> Unit | None:
        if ident in self.units:  # the second box of an element (a list item's marker and text)
            return None
        height = box.margin_height() / self.root
        prefix = ident.split("-")[0]
        if prefix == "g":
            label = _cell_text(box.children[0]) if box.children else ""
            unit = Unit(kind="row", height=height, first=self.rows == 0, where=where)
            self.rows += 1
            self.units[f"row {label}"] = unit
            return unit
        kind = {"kp": "point", "st": "story"}.get(prefix) or ("story-quote" if "story-quote" in cls else "quote")
        unit = self.units[ident] = Unit(kind=kind, height=height, where=where)
        if outer is not None and prefix == "q":
            outer.inner, outer.inner_height = ident, height
        return unit

    def _paragraph(self, box, lines: list, parent, where: str, rule: float) -> Paragraph:
        width = box.width
        if parent is not None and type(parent).__name__ == "FlexBox":
            # a flex item is as wide as its text when that is shorter: its room is the line's
            width = parent.width - sum(c.margin_width() for c in parent.children if c is not box)
        container = self.widths.get(where) or self.widths.get("page") or box.width
        font = box.style["font_size"]
        words, text = _words(lines, box, font, self.root, self.layouts)
        return Paragraph(words=tuple(words), width=width / self.root, line=box.height / len(lines) / self.root,
                         lines=len(lines), font=font / self.root, inset=(container - width - rule) / self.root,
                         rule=rule, text=text)


def _cell_text(box) -> str:
    out = []
    stack = [box]
    while stack:
        b = stack.pop(0)
        if type(b).__name__ == "TextBox":
            out.append(b.text)
        stack[:0] = list(getattr(b, "children", ()) or ())
    return "".join(out).strip()


# --- characters, their widths, and where lines may break --------------------------------------


@dataclass
class _Char:
    ch: str
    width: float
    tag: str
    nowrap: int
    """The nowrap run it is in (0: none): no break inside one."""


def _words(lines: list, box, font: float, root: float, layouts: dict) -> tuple[list[Word], str]:
    """The paragraph's words across its lines: the space a line break swallowed put back."""
    chars: list[_Char] = []
    space = font * SPACE_EM
    runs = [0]
    for line in lines:
        got: list[_Char] = []
        _inline_chars(line, "", got, runs, layouts)
        if chars and got:
            prev = chars[-1].ch
            if prev not in BREAK_AFTER and not prev.isspace() and not _breaks_anywhere(prev):
                chars.append(_Char(" ", space, chars[-1].tag, 0))
        for c in got:
            if c.ch == " " and c.width > 0:
                space = c.width
        chars.extend(got)
    if not chars:
        return [], ""
    text = "".join(c.ch for c in chars)
    breaks = _break_points(text, box.style["lang"])
    words: list[Word] = []
    start = 0
    for i in range(1, len(chars) + 1):
        if i < len(chars) and not (breaks[i] and chars[i - 1].ch != OBJECT
                                   and (chars[i].nowrap == 0 or chars[i].nowrap != chars[i - 1].nowrap)):
            continue
        words.extend(_word(chars[start:i], root))
        start = i
    return words, text


def _word(chars: list[_Char], root: float) -> list[Word]:
    """One word (split where what it belongs to changes, the parts glued)."""
    end = len(chars)
    while end > 0 and chars[end - 1].ch == " ":
        end -= 1
    trailing = sum(c.width for c in chars[end:]) / root
    body = chars[:end]
    if not body:
        return [Word(width=0.0, space=trailing)]
    parts: list[list[_Char]] = [[body[0]]]
    for c in body[1:]:
        if c.tag != parts[-1][-1].tag and c.ch.strip():
            parts.append([c])
        else:
            parts[-1].append(c)
    out = [Word(width=sum(c.width for c in p) / root, tag=next((c.tag for c in p if c.ch.strip()), p[0].tag),
                glued=True, text="".join(c.ch for c in p)) for p in parts]
    out[-1] = Word(width=out[-1].width, space=trailing, tag=out[-1].tag, text=out[-1].text)
    return out


def _breaks_anywhere(ch: str) -> bool:
    """Scripts written without spaces between words (a line may break between any two)."""
    o = ord(ch)
    # CJK radicals to the unified ideographs, Hangul syllables, Hiragana and Katakana
    return 0x2E80 <= o <= 0x9FFF or 0xAC00 <= o <= 0xD7AF or 0x3040 <= o <= 0x30FF


def _inline_chars(box, tag: str, out: list[_Char], runs: list[int], layouts: dict, nowrap: int = 0) -> None:
    for child in getattr(box, "children", ()) or ():
        name = type(child).__name__
        el = getattr(child, "element", None)
        child_tag = _tag(el, tag) if el is not None and el is not getattr(box, "element", None) else tag
        wrap = nowrap
        if child.style["white_space"] in ("nowrap", "pre") and not nowrap:
            runs[0] += 1
            wrap = runs[0]
        if name == "TextBox":
            out.extend(_Char(c, w, child_tag, wrap) for c, w in zip(child.text, _advances(child, layouts)))
        elif name == "InlineBox":
            before = len(out)
            _inline_chars(child, child_tag, out, runs, layouts, wrap)
            left = child.margin_left + child.padding_left + child.border_left_width
            right = child.margin_right + child.padding_right + child.border_right_width
            if len(out) > before:
                out[before].width += left
                out[-1].width += right
        else:  # an inline block (a quote's opening mark): one unbreakable piece
            runs[0] += 1
            out.append(_Char(OBJECT, child.margin_width(), child_tag, runs[0]))


def _tag(el, tag: str) -> str:
    ident = el.get("id") or ""
    if ident.startswith(("s-", "p-")):
        return ident
    cls = (el.get("class") or "").split()
    if "ptitle" in cls and tag.startswith("p-"):
        return tag.split()[0] + " title"
    if "quoted" in cls and tag.startswith("p-"):
        return tag.split()[0] + " quoted"
    if "sep" in cls:
        return "sep"
    if "label-inline" in cls:
        return "label"
    if "source" in cls:
        return "source"
    if "ref" in cls:
        return "ref"
    return tag


_STYLE_KEYS = ("font_family", "font_style", "font_stretch", "font_weight", "font_size", "font_kerning",
               "font_variant_ligatures", "font_variant_position", "font_variant_caps", "font_variant_numeric",
               "font_variant_alternates", "font_variant_east_asian", "font_feature_settings",
               "font_variation_settings", "font_language_override", "lang", "letter_spacing", "word_spacing",
               "direction")


def _advances(text_box, layouts: dict) -> list[float]:
    """Each character's advance as laid out (its glyphs' widths; 0 for the later characters of
    a ligature): the text shaped again by Pango in the box's style (one Pango layout per style)."""
    text = text_box.text
    try:
        from weasyprint.text.ffi import FROM_UNITS, ffi
        from weasyprint.text.line_break import Layout

        style = text_box.style
        key = str(tuple(str(style[k]) for k in _STYLE_KEYS))
        layout = layouts.get(key)
        if layout is None:
            layout = layouts[key] = Layout(style)
        layout.set_text(text)
        line, _ = layout.get_first_line()
        char_at = []
        for k, ch in enumerate(layout.text):
            char_at.extend([k] * len(ch.encode()))
        widths = [0.0] * len(layout.text)
        run = line.runs
        while run != ffi.NULL:
            item = run.data
            run = run.next
            glyphs = item.glyphs
            offset = item.item.offset
            for g in range(glyphs.num_glyphs):
                widths[char_at[glyphs.log_clusters[g] + offset]] += glyphs.glyphs[g].geometry.width * FROM_UNITS
        return widths[:len(text)] + [0.0] * max(0, len(text) - len(widths))
    except Exception:  # pragma: no cover - internal API moved: the box's width shared out evenly
        return [text_box.width / max(1, len(text))] * len(text)


def _break_points(text: str, lang: str | None) -> list[bool]:
    """For each character, whether a line may break before it (Pango's rules, as WeasyPrint's)."""
    try:
        from weasyprint.text.line_break import get_log_attrs

        attrs = get_log_attrs(text, lang)
        return [bool(attrs[i].is_line_break) for i in range(len(text))]
    except Exception:  # pragma: no cover - internal API moved: break after spaces
        return [i > 0 and text[i - 1] == " " for i in range(len(text))]
