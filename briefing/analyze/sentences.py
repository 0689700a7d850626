"""Sentence boundaries, word tokens and a tokenizer for sumy.

The splitter follows NLTK's Punkt algorithm (Kiss & Strunk 2006) with parameters we own
instead of a trained model (no NLTK data packages are needed or loaded):

* candidates are the places where sentence-final punctuation (``. ! ? …``), optionally
  followed by closing quotes or brackets, is followed by whitespace;
* the token before a candidate is classified Punkt-style: abbreviation (from our curated
  `ABBREVIATIONS` in a `PunktParameters`), initial, number, ellipsis or ordinary word;
* the token after it decides the ambiguous cases, as Punkt's second pass does: a lowercase
  word continues the sentence; after an abbreviation or an initial, only a capitalised
  *frequent sentence starter* (`SENT_STARTERS`, closed-class words such as "The", "He",
  "How") starts a new sentence, so "U.S. Government" stays whole and "the U.S. How" splits.

Around that core sit the rules a linguist would expect: paragraph breaks (a blank line)
always end a sentence; single newlines are spaces; ``“...,” he said.`` and
``"Why?" she asked.`` stay one sentence; spaced ellipses (``. . .``) mark omissions inside a
sentence; numbered or bulleted list items in running text become separate sentences.

Everything here is plain regular expressions and one pass over candidates: linear in the
size of the text, and it never raises on any ``str``.
"""

from __future__ import annotations

import re

from briefing.lightnltk import punkt

from briefing.model import Span

__all__ = [
    "sentence_spans",
    "split_sentences",
    "word_tokens",
    "SumyTokenizer",
    "ABBREVIATIONS",
    "PARAMS",
]

# Abbreviations that stand before a name and never end a sentence.
TITLES = frozenset(
    """
    mr mrs ms messrs mme mlle dr prof gen sen sens rep reps gov govs col lt capt cmdr cdr sgt
    maj adm rev hon pres supt det atty insp cpl pvt gen brig amb fr msgr sr.sgt mt
    """.split()
)
# Abbreviations that stand before a number ("No. 5", "p. 55") and are words otherwise.
NUMERIC = frozenset("no nos nr n° nº p pp fig figs vol vols art arts ch chap sec secs para op cl".split())
# Abbreviations that never end a sentence in running text.
NONFINAL = frozenset("e.g i.e vs v cf viz approx ca incl esp".split())
# Abbreviations that may end a sentence ("... Pitt, Briggs & Co. It closed").
FINAL = frozenset(
    """
    u.s u.s.a u.k u.n e.u u.a.e d.c n.y l.a n.j u.s.s.r
    jan feb mar apr jun jul aug sep sept oct nov dec mon tue tues wed thu thur thurs fri sat sun
    jr sr st ave blvd rd ft sq ln hwy inc corp co cos ltd llc plc bros assn dept univ
    al a.m p.m ph.d m.d b.a m.a b.sc m.sc d.phil ed eds est min max mins hrs oz lb lbs
    gal mi km kg yr yrs mo mos wk wks
    ala ariz ark calif colo conn del fla ga ill ind kan kans ky la md mass mich minn miss mo
    mont neb nev okla ore pa penn tenn tex va vt wash wis wyo
    """.split()
)
# Abbreviations that usually end the sentence when a capitalised word follows ("... etc. Then").
LIKELY_FINAL = frozenset("etc".split())
ABBREVIATIONS = TITLES | NUMERIC | NONFINAL | FINAL | LIKELY_FINAL

# Punkt's "frequent sentence starters": closed-class words that, capitalised after an
# abbreviation or an initial, begin a new sentence rather than continue a name.
SENT_STARTERS = frozenset(
    """
    a an the this that these those there here it its he she they we i you his her their our
    my your him them us me what when where why how who whom whose which while whether if
    but and or nor so yet for because although though since unless until after before as at
    in on by from with without to of into during about against among between under over
    then now today yesterday tomorrow later earlier meanwhile however moreover furthermore
    also still instead indeed thus hence therefore otherwise nevertheless nonetheless besides
    is are was were be been being do does did done have has had can could will would shall
    should may might must not no yes all some many most much more each every both either
    neither few several other another such one two three any none nothing everything
    something someone everyone nobody anyone according once only even just perhaps maybe
    mr mrs ms dr prof
    """.split()
)

PARAMS = punkt.PunktParameters()
"""The Punkt parameters we own: our abbreviations and sentence starters, no training."""
PARAMS.abbrev_types = set(ABBREVIATIONS)
PARAMS.sent_starters = set(SENT_STARTERS)

_LANG = punkt.PunktLanguageVars()
_END = "".join(_LANG.sent_end_chars) + "…‽"  # . ? ! plus the ellipsis and interrobang
_OPEN = "\"'“‘«([{¿¡"
_CLOSE = "\"'”’»)]}“"  # “ also closes: scraped text often has it the wrong way round
_BULLETS = "•⁃◦▪‣●"

# A run of sentence-final punctuation (dots may be spaced: ". . ."), then closing quotes or
# brackets, then whitespace or the end of the paragraph. Each run is taken whole, never given
# back to make the match succeed: `(?=(X*))\1` is an atomic X* on Pythons before 3.11.
_CANDIDATE = re.compile(
    r"(?<![{e}])(?<![{e}] )[{e}](?=((?:[{e}]| \.(?=[ {e}{c}]|$))*))\1(?=([{c}]*))\2(?=\s|$)".format(
        e=re.escape(_END), c=re.escape(_CLOSE)
    )
)
_PARA = re.compile(r"\n[ \t\r\f\v]*\n")
_SPACE = re.compile(r"\s+")
_NEXT_TOKEN = re.compile(r"\S+")
_INITIAL = re.compile(r"[^\W\d_]$")
_DOTTED = re.compile(r"(?:[^\W\d_]{1,2}\.)+[^\W\d_]{1,2}$")  # U.S, Ph.D, a.m
_NUMBER = re.compile(r"[-+$€£#]?\d[\d,.:/-]*%?$")
_MARKER_ONLY = re.compile(r"[%s]?\s*(?:\d{1,3}|[A-Za-z]|[ivxIVX]{1,4})[.)]{1,2}$" % _BULLETS)
_SPEECH_AFTER = re.compile(
    r"(?:[A-Z][\w.'’-]*\s+){1,3}(?:said|says|asked|asks|added|adds|told|tells|wrote|writes|"
    r"replied|replies|explained|continued|noted|insisted|recalled|shouted|answered|declared|"
    r"admitted|warned|argued|stated)\b"
)
_CITATION = re.compile(r"\([^()]{1,60}\)[.!?]?(?:\s|$)")
_INTRO_PREPS = frozenset("at in on by from until till before after since about around".split())

# List items in running text: "1. ... 2. ...", "1) ... 2) ...", "a. ... b. ...", "• ...".
_MARKER = re.compile(
    r"(?:(?<=\s)|^)(?P<bullet>[%s]\s?)?(?P<label>\d{1,3}|[a-z])(?P<style>\.\)|\.|\))(?=\s)"
    % _BULLETS
)
_BULLET = re.compile(r"(?<=\s)[%s]" % _BULLETS)


def _label_value(label: str) -> int:
    return int(label) if label.isdigit() else ord(label) - ord("a") + 1


def _list_breaks(para: str) -> tuple[set[int], set[int]]:
    """Breaks before list items, and candidate ends just after list markers (never breaks)."""
    before: set[int] = set()
    after_marker: set[int] = set()
    for m in _BULLET.finditer(para):
        before.add(m.start())
    if "." not in para and ")" not in para:
        return before, after_marker
    chain: list[re.Match] = []
    for m in _MARKER.finditer(para):
        value, style = _label_value(m["label"]), m["style"]
        if chain and style == chain[-1]["style"] and value == _label_value(chain[-1]["label"]) + 1 \
                and m["label"].isdigit() == chain[-1]["label"].isdigit():
            chain.append(m)
            continue
        if len(chain) >= 2:
            _take_chain(chain, before, after_marker)
        at_start = m.start() == 0 or m["bullet"] or para[max(0, m.start() - 3): m.start()].rstrip()[-1:] in _BULLETS
        chain = [m] if at_start else []
    if len(chain) >= 2:
        _take_chain(chain, before, after_marker)
    return before, after_marker


def _take_chain(chain, before: set[int], after_marker: set[int]) -> None:
    for i, m in enumerate(chain):
        if i:
            before.add(m.start())
        after_marker.add(m.end())


def _classify(word: str) -> str:
    """Punkt's first pass for the token before a period: what kind of token is it?"""
    core = word.lstrip(_OPEN + _CLOSE + "-–—").rstrip(_CLOSE)
    low = core.lower()
    if low in TITLES:
        return "title"
    if low in NUMERIC:
        return "numeric"
    if low in NONFINAL:
        return "nonfinal"
    if low in LIKELY_FINAL:
        return "word"
    if low in FINAL or _DOTTED.match(core):
        return "abbrev"
    if _INITIAL.match(core):
        return "initial"
    if _NUMBER.match(core):
        return "number"
    return "word"


def _first_alpha_case(token: str) -> str:
    """"lower", "upper", "digit", "none" (no letter or digit) or "mixed" ("iPhone", "eBay")."""
    if token.startswith(("http", "(http", "www.", "(www.")):
        return "upper"  # a web address starts nothing lowercase-wise; treat it as a new start
    for i, ch in enumerate(token):
        if ch.isalpha():
            if ch.islower():
                rest = token[i + 1:]
                return "mixed" if any(c.isupper() for c in rest[:8]) and rest[:1].islower() else "lower"
            return "upper" if ch.isupper() else "none"
        if ch.isdigit():
            return "digit"
    return "none"


def _is_break(para: str, start: int, cand: re.Match, sent_start: int) -> int | None:
    """Where the sentence ends for this candidate (an offset into para), or None."""
    end = cand.end()
    nxt = _NEXT_TOKEN.match(para, end + 1) if end < len(para) else None
    if nxt is None:
        nxt_m = _NEXT_TOKEN.search(para, end)
        if nxt_m is None:
            return end
        nxt = nxt_m
    next_tok = nxt.group()
    case = _first_alpha_case(next_tok)
    punct = cand.group()
    core = punct.rstrip(_CLOSE)
    closed = len(core) < len(punct)
    attached = start > 0 and not para[start - 1].isspace()
    dots = core.count(".")

    # A lowercase word continues the sentence: "U.S.A. last year", "'great.' she said",
    # "Yahoo! in", "(... engineer.) at", "... well".
    if case == "lower":
        return None

    # A sentence does not start with bare punctuation: "— Ada Quill", ":)", "--".
    if case == "none" and next_tok[0] not in _OPEN and next_tok[0] not in _END + _BULLETS:
        return None
    if case == "mixed":
        case = "upper"

    # A citation after a quotation belongs to it: "... stairways [...]" (Smith 55).
    if closed and _CITATION.match(para, nxt.start()):
        return None

    # Spaced ellipses: ". . ." inside a sentence marks an omission; four dots end one.
    if " " in core:
        if attached:
            # "compounds. . . . The practice": the period ends the sentence, the ellipsis
            # opens the next one.
            return start + 1 if case == "upper" else None
        if dots <= 3 and not closed:
            return None
        return end
    if "…" in core or dots >= 2:
        return end if case in ("upper", "digit", "none") else None

    # A question or exclamation inside quotes followed by a name and a speech verb:
    # "Why?" Smith asked.
    if closed and case == "upper" and _SPEECH_AFTER.match(para, nxt.start()) \
            and next_tok.lower().strip(_OPEN) not in SENT_STARTERS:
        return None

    if core[-1] != ".":
        return end

    # A single period right after a token: classify the token (Punkt's first pass).
    word_start = para.rfind(" ", 0, start) + 1
    word = para[word_start:start]
    if not word:
        return end
    kind = _classify(word)
    stripped_next = next_tok.lstrip(_OPEN).lower().rstrip(_END + _CLOSE + ",;:")
    starter = stripped_next in SENT_STARTERS
    if kind == "title" or kind == "nonfinal":
        return None
    if kind == "numeric":
        return None if case == "digit" else end
    if kind in ("abbrev", "initial"):
        if case == "digit":
            return None
        if not starter:
            return None
        # "At 5 a.m. Mr. Smith went": an introductory time or place phrase is not a sentence.
        before = para[sent_start:word_start].split() if word_start - sent_start < 80 else []
        if kind == "abbrev" and 0 < len(before) <= 3 and before[0].lower() in _INTRO_PREPS:
            return None
        return end
    return end


def _paragraph_spans(para: str, offset: int, out: list[Span]) -> None:
    before, after_marker = _list_breaks(para)
    breaks: list[int] = []
    sent_start = len(para) - len(para.lstrip())
    for cand in _CANDIDATE.finditer(para):
        if cand.end() in after_marker:
            continue
        cut = _is_break(para, cand.start(), cand, sent_start)
        if cut is None or cut <= sent_start:
            continue
        # A list marker alone ("1.", "a)") is not a sentence.
        if _MARKER_ONLY.fullmatch(para[sent_start:cut].strip()):
            continue
        breaks.append(cut)
        nxt = _NEXT_TOKEN.search(para, cut)
        sent_start = nxt.start() if nxt else len(para)
    cuts = sorted(set(breaks) | before)
    prev = 0
    for cut in cuts + [len(para)]:
        _emit(para, prev, cut, offset, out)
        prev = cut


def _emit(para: str, s: int, e: int, offset: int, out: list[Span]) -> None:
    while s < e and para[s].isspace():
        s += 1
    while e > s and para[e - 1].isspace():
        e -= 1
    if e > s:
        out.append((offset + s, offset + e))


def sentence_spans(text: str) -> list[Span]:
    """Character offsets ``[start, end)`` of each sentence in `text`, whitespace stripped.

    A sentence never crosses a blank line; single newlines inside a paragraph count as
    spaces. Never raises: anything that is not a non-empty ``str`` gives ``[]``.
    """
    if not isinstance(text, str) or not text:
        return []
    spans: list[Span] = []
    start = 0
    for m in _PARA.finditer(text):
        _safe_paragraph(text, start, m.start(), spans)
        start = m.end()
    _safe_paragraph(text, start, len(text), spans)
    return spans


def _safe_paragraph(text: str, start: int, end: int, spans: list[Span]) -> None:
    if start >= end:
        return
    # Same length as the original, so offsets carry over unchanged.
    para = _SPACE.sub(lambda m: " " * len(m.group()), text[start:end])
    if not para.strip():
        return
    mark = len(spans)
    try:
        _paragraph_spans(para, start, spans)
    except Exception:  # pragma: no cover - a last resort: the paragraph as one sentence
        del spans[mark:]
        _emit(para, 0, len(para), start, spans)


def split_sentences(text: str) -> list[str]:
    """The sentences of `text`, as strings (see `sentence_spans`)."""
    return [text[s:e] for s, e in sentence_spans(text)]


_WORD = re.compile(r"[^\W_]+(?:[-'’][^\W_]+)*")


def word_tokens(text: str) -> list[str]:
    """Word tokens, case kept: "six-party" and "don't" stay whole; punctuation is dropped."""
    if not isinstance(text, str):
        return []
    return _WORD.findall(text)


class SumyTokenizer:
    """sumy's tokenizer interface (``to_sentences``, ``to_words``, ``language``), no NLTK data."""

    language = "english"

    def __init__(self, language: str = "english"):
        self.language = language

    def to_sentences(self, paragraph: str) -> tuple[str, ...]:
        return tuple(split_sentences(paragraph))

    def to_words(self, sentence: str) -> tuple[str, ...]:
        return tuple(word_tokens(sentence))
