"""Direct quotes and who said them.

Rules, in order:

1. Pair quotation marks paragraph by paragraph (curly “ ” and straight "). An
   opening mark left open at a paragraph's end continues in the next paragraph
   when that one opens with a mark (the newspaper convention); each paragraph's
   piece is its own `Quote`, with the speaker of the whole run. Two single closing
   marks (’’) typed for a double one close a quote.
2. Keep speech, drop scare quotes and titles: a quote counts when it has three
   or more words and either ends in punctuation inside the marks, stands alone
   as its sentence, or has a speech verb next to it outside the marks; quotes
   after "so-called", "dubbed", "called", "titled" ... and capitalised titles
   are dropped.
3. Find the attribution outside the marks in the quote's sentence(s): a speech
   verb (said, told, added, according to ...) and its subject before it ("Russel
   said", "he added") or after it ("said Russel", "said the minister").
   A participle ("..., writing “...”") takes the subject of its main clause. When
   a scraped line break cuts the quote's sentence (the next paragraph opens in
   lower case and closes the mark), the attribution after that mark is the quote's.
4. Without an attribution, a quote goes to a person who opens the sentence right
   before it as its subject, else continues the previous speaker's run when it
   follows in the same or next paragraph, or after "X said:". Sentences whose
   quoted words are no speech (scare quotes, words woven in) count as reported
   speech for the running speaker.
5. Names resolve to the fullest name the article gives; he/she and descriptions
   ("the diplomat") to the most recent compatible person named as a subject.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass, replace

from briefing.model import Article, Quote, Span
from briefing.analyze.coreference import NameIndex
from briefing.analyze.mentions import (
    AUXILIARIES,
    DAYS,
    MONTHS,
    PRONOUNS,
    RELATION_NOUNS,
    ROLE_NOUNS,
    Person,
)
from briefing.analyze.people import people_index
from briefing.vocabulary.common_caps import COMMON_CAPS
from briefing.vocabulary.grammar import COORDINATORS, COPULA, DETERMINERS, PREPOSITIONS, SUBORDINATORS
from briefing.vocabulary.speech import QUOTE_CUES, SPEECH_VERBS, TELLING_VERBS
from briefing.vocabulary.stopwords import stop_words

__all__ = ["extract_quotes", "find_segments"]

OPENERS = "“„«"
CLOSERS = "”»"
STRAIGHT = '"'

_VERB_ALT = "|".join(sorted(QUOTE_CUES, key=len, reverse=True))
VERB_RE = re.compile(r"\b(?:" + _VERB_ALT + r")\b", re.I)
_VERB_SET = frozenset(v for v in _VERB_ALT.split("|") if " " not in v)
_VERB_WORD = re.compile(r"[A-Za-z]+")
_VERB_TAIL = re.compile(r"\s+(out|to)\b", re.I)
_PUT_IT = re.compile(r"\s+it\b", re.I)


def _speech_verbs(frame: str):
    """(start, end, verb) for each speech verb in `frame`, as VERB_RE finds them.

    One pass over the words with a set lookup: a regex alternation of a hundred
    verbs, case-insensitive, costs a backtracking try at every position.
    """
    for m in _VERB_WORD.finditer(frame):
        a, b = m.span()
        if (a and frame[a - 1].isalnum()) or (b < len(frame) and frame[b].isalnum()):
            continue  # part of a longer word ("said2", "añadió")
        if m.group().istitle():
            before = frame[max(0, a - 3):a].rstrip()
            if before and (before[-1].isalnum() or before[-1] in "_,"):
                continue  # capitalised inside a sentence: a name ("the United States"), no verb
        w = m.group().lower()
        if w == "put":
            t = _PUT_IT.match(frame, b)
            if t:
                yield a, t.end(), "put it"  # "as X put it"
            continue
        if w in ("pointed", "points", "according"):
            t = _VERB_TAIL.match(frame, b)
            if t and (t.group(1).lower() == "to") == (w == "according"):
                yield a, t.end(), w + " " + t.group(1).lower()
            continue
        if w in _VERB_SET:
            yield a, b, w
_WORDS = re.compile(r"\w+(?:[-'’]\w+)*")


@dataclass
class Segment:
    start: int  # content start (after the opening mark, whitespace stripped)
    end: int    # content end
    open_pos: int
    close_pos: int | None  # index of the closing mark, None when left open
    para: int
    continues: bool = False  # continues a quote left open in the previous paragraph

    @property
    def closed(self) -> bool:
        return self.close_pos is not None


def _paragraph_offsets(article: Article) -> list[Span]:
    out, pos = [], 0
    for p in article.paragraphs:
        out.append((pos, pos + len(p)))
        pos += len(p) + 2
    return out


_MARKS = re.compile("[" + re.escape(OPENERS + CLOSERS + STRAIGHT + "'’") + "]")
"""The characters `find_segments` acts on: double marks, and the single ones typed in pairs."""


def find_segments(text: str, paragraphs: list[Span]) -> list[Segment]:
    """Every stretch of text inside double quotation marks, paragraph by paragraph."""
    segs: list[Segment] = []
    left_open = False
    for pi, (ps, pe) in enumerate(paragraphs):
        para = text[ps:pe]
        open_at: int | None = None
        first = True
        # a piece continues a quote left open when it is the paragraph's first and opens it
        may_continue = left_open and (para.lstrip()[:1] in OPENERS + STRAIGHT + CLOSERS
                                      or para.lstrip().startswith("''"))
        lead = len(para) - len(para.lstrip())
        skip = -1
        open_width = 1
        nested = False  # inside a curly quote within a straight-mark one
        for mark in _MARKS.finditer(para):  # every other character leaves the state as it is
            i, ch = mark.start(), mark.group()
            if i == skip:
                continue
            if nested:
                nested = ch not in CLOSERS
                continue
            if ch in OPENERS and open_at is not None and para[open_at] in STRAIGHT + "'":
                # a quote inside a quote: "It isn't about “Equal Justice” any more," she said
                nested = True
                continue
            if ch == "'" and para[i + 1:i + 2] == "'" and (open_at is None or para[open_at] in STRAIGHT + "'"):
                # two apostrophes typed for a double mark, opening or closing (''A,'' he said)
                if open_at is not None and para[i + 2:i + 3] == "'":
                    continue  # three: a quote inside the quote closes first (''... 'We won,''' he said)
                skip = i + 1
                if open_at is None:
                    if not para[i + 2:i + 3].isspace() and para[i + 2:i + 3]:
                        open_at, open_width = i, 2
                    continue
                segs.append(_seg(text, ps + open_at, ps + i, pi, width=open_width,
                                 continues=first and may_continue and open_at == lead))
                segs[-1].close_pos = ps + i + 1  # the mark is both characters
                open_at, open_width = None, 1
                first = False
                continue
            if ch in OPENERS:
                open_at, open_width = i, 1
            elif (ch in "’'" and open_at is not None and para[open_at] in OPENERS
                  and para[i + 1:i + 2] == ch and not para[i + 2:i + 3].isalnum()):
                # two single closing marks typed for a double one: “... creators,’’ says
                segs.append(_seg(text, ps + open_at, ps + i, pi,
                                 continues=first and may_continue and open_at == lead))
                segs[-1].close_pos = ps + i + 1  # the mark is both characters
                open_at = None
                first = False
                skip = i + 1
            elif ch in CLOSERS:
                if open_at is not None:
                    segs.append(_seg(text, ps + open_at, ps + i, pi,
                                     continues=first and may_continue and open_at == lead))
                    open_at = None
                    first = False
                elif i + 1 < len(para) and para[i + 1].isalnum() and (i == 0 or not para[i - 1].isalnum()):
                    open_at = i  # a closing mark used as an opener
            elif ch == STRAIGHT:
                prev = para[i - 1] if i else " "
                nxt = para[i + 1] if i + 1 < len(para) else " "
                if open_at is None:
                    if prev.isalnum() and not nxt.isalnum():
                        continue  # inches, stray
                    open_at, open_width = i, 1
                else:
                    segs.append(_seg(text, ps + open_at, ps + i, pi, width=open_width,
                                     continues=first and may_continue and open_at == lead))
                    open_at, open_width = None, 1
                    first = False
        if open_at is not None:
            segs.append(_seg(text, ps + open_at, pe, pi, closed=False, width=open_width,
                             continues=first and may_continue and open_at == lead))
            left_open = True
        else:
            left_open = False
    doubles = [s for s in segs if s.end > s.start]
    return _with_single_marks(doubles, single_mark_segments(text, paragraphs))


# A word that opens with an apostrophe: elision, not a quotation mark ('em, 'til, '90s, 'n').
_ELIDED = re.compile(r"(?:em|til|tis|twas|cause|bout|round|n|s|d|ll|re|ve|[0-9]{2}s?)\b", re.I)
_SINGLE_OPEN = re.compile(r"(?:(?<=^)|(?<=[\s(\[:—–-]))[‘'](?=[\w“\"]|\s*$)")
_SINGLE_CLOSE = re.compile(r"(?<=\S)[’'](?=$|[\s.,;:?!)\]—–-])")
# What may follow a closing single mark that has no punctuation before it: punctuation, the
# end of the paragraph, or an attribution ("' he said", "' said Smith", "' according to").
_AFTER_SPEECH = re.compile(r"(?:$|[.,;:?!)\]—–-]|\s+(?:he|she|they|it|I|we)\s+(?:\w+ly\s+)?\w+|\s+(?:"
                           + _VERB_ALT + r")\b)")


def single_mark_segments(text: str, paragraphs: list[Span]) -> list[Segment]:
    """Stretches inside single quotation marks (‘...’ and '...'), British and Australian style.

    An opening mark stands at a word's start (after a space, a bracket, a colon or a dash) and
    is no elision ('em, 'til, '90s); a closing mark stands after a word and before a space or
    punctuation, and, unless punctuation stands inside it ("...,' he said"), only before
    punctuation, the paragraph's end or an attribution: "the players' union" is an apostrophe.
    A quote left open at a paragraph's end goes on in the next paragraphs (at most
    `SINGLE_RUN` of them) up to its closing mark, whether they open with a mark or not (text
    cut one sentence a line). Whether a stretch is speech is judged later, as for double marks.
    """
    segs: list[Segment] = []
    left_open = 0  # paragraphs the current quote has run over
    for pi, (ps, pe) in enumerate(paragraphs):
        para = text[ps:pe]
        open_at: int | None = None  # offset in text
        continues = False
        if left_open:
            if _SINGLE_OPEN.match(para):
                continues = True  # the paragraph opens the mark again: the newspaper convention
            elif left_open <= SINGLE_RUN:
                open_at, continues = ps - 1, True  # goes on without a mark
        pos = 0
        rejected: int | None = None  # a closing mark passed over (no punctuation, no attribution)
        next_open = -1  # where the next opening mark stands, once looked for
        left_open_before, left_open = left_open, 0
        while pos < len(para):
            if open_at is None:
                om = _SINGLE_OPEN.search(para, pos)
                if om is None:
                    break
                if _ELIDED.match(para, om.end()):
                    pos = om.end()
                    continue
                open_at = ps + om.start()
                pos = om.end()
                continue
            cm = _SINGLE_CLOSE.search(para, pos)
            reopen = None
            if rejected is not None:
                if next_open < pos:  # found once per opening mark: a long line stays linear
                    found_at = _next_single_open(para, pos)
                    next_open = len(para) + 1 if found_at is None else found_at
                reopen = next_open if next_open <= len(para) else None
            if reopen is not None and (cm is None or reopen < cm.start()):
                # a new quote opens before any closing mark: the mark passed over closed the
                # one before ("of having 'some brass neck' by ..., adding: 'Don't you dare'")
                seg = _seg(text, open_at, ps + rejected, pi, continues=continues)
                if seg.end > seg.start:
                    segs.append(seg)
                open_at, continues, rejected = None, False, None
                pos = reopen
                continue
            if cm is None:
                break
            c = cm.start()
            inside_punct = para[c - 1] in ".,?!…;:—-" if c else False
            if inside_punct or _AFTER_SPEECH.match(para, cm.end()):
                seg = _seg(text, open_at, ps + c, pi, continues=continues)
                if seg.end > seg.start:
                    segs.append(seg)
                open_at, continues, rejected = None, False, None
            elif rejected is None:
                rejected = c
            pos = cm.end()
        if open_at is not None and rejected is not None:
            # the paragraph ends with no better closing mark than one passed over: it was
            # the closing one ("the band's 'comeback' sold out.")
            seg = _seg(text, open_at, ps + rejected, pi, continues=continues)
            if seg.end > seg.start:
                segs.append(seg)
        elif open_at is not None:
            seg = _seg(text, open_at, pe, pi, closed=False, continues=continues)
            if seg.end > seg.start:
                segs.append(seg)
            left_open = left_open_before + 1 if continues and open_at < ps else 1
    return segs


def _next_single_open(para: str, pos: int) -> int | None:
    """Where the next opening single mark (no elision) stands in `para` from `pos`."""
    for om in _SINGLE_OPEN.finditer(para, pos):
        if not _ELIDED.match(para, om.end()):
            return om.start()
    return None


SINGLE_RUN = 4
"""Paragraphs without a mark that a single-mark quote left open may run over."""


def _with_single_marks(doubles: list[Segment], singles: list[Segment]) -> list[Segment]:
    """Both kinds of quote, in text order; of two that nest, the outer one (a quote inside a
    quote belongs to it), and of two that cross, the double-mark one.

    Single marks are speech marks only in a text that writes most of its quotes with them
    (the British convention); where double marks are the rule, single ones are quotes inside
    quotes, headlines and names ("READ MORE: 'Life-changing'").
    """
    if not singles or (doubles and sum(1 for sg in singles if sg.closed) <= len(doubles)):
        return doubles

    # each kind's quotes are disjoint and in order: only the nearest one of the other kind
    # that opens before a quote can hold it or cross it
    single_opens = [sg.open_pos for sg in singles]
    double_opens = [d.open_pos for d in doubles]
    keep_doubles = []
    for d in doubles:
        k = bisect_left(single_opens, d.open_pos) - 1
        if not (k >= 0 and _reach(d) <= _reach(singles[k])):
            keep_doubles.append(d)
    keep_singles = []
    for sg in singles:
        sa, sb = sg.open_pos, _reach(sg)
        k = bisect_left(double_opens, sb)  # doubles opening before the single quote ends
        clash = False
        for d in doubles[max(0, k - 1):k]:
            da, db = d.open_pos, _reach(d)
            inside = da <= sa and sb <= db
            holds = sa < da and db <= sb
            clash = inside or (da < sb and sa < db and not holds)
        if not clash and k - 2 >= 0:
            d = doubles[k - 2]  # one more back: a double holding this one would be the latest
            clash = d.open_pos <= sa and sb <= _reach(d)
        if not clash:
            keep_singles.append(sg)
    return sorted(keep_doubles + keep_singles, key=lambda sg: sg.open_pos)


def _seg(text, open_pos, close_pos, para, closed=True, continues=False, width=1) -> Segment:
    s, e = open_pos + width, close_pos
    while s < e and text[s].isspace():
        s += 1
    while e > s and (text[e - 1].isspace() or text[e - 1] in ",;:"):
        e -= 1
    # a quote left open may end on a stray mark-less tail: keep as is
    return Segment(s, e, open_pos, close_pos if closed else None, para, continues)


class Sentences:
    """An article's sentence spans with their starts and ends for binary search: which sentences
    a stretch of text overlaps. Made once per article (no cache keyed by object identity)."""

    def __init__(self, spans: list[Span]):
        self.spans = spans
        self._ends = [e for _s, e in spans]
        self._starts = [s for s, _e in spans]

    def around(self, start: int, end: int) -> tuple[int, int]:
        """Indices [i, j] of the sentences overlapping [start, end)."""
        i = bisect_right(self._ends, start)
        j = bisect_left(self._starts, end) - 1
        if i >= len(self.spans):
            i = max(0, len(self.spans) - 1)
        return i, max(i, j)


def _reach(sg: Segment) -> int:
    """Where a quote's marked text ends: after its closing mark, else at its content's end."""
    return sg.close_pos + 1 if sg.close_pos is not None else sg.end


def _mask(text: str, segs: list[Segment], lo: int, hi: int, opens: list[int] | None = None) -> str:
    """text[lo:hi] with every quote (marks included) blanked out.

    `opens` (each segment's open_pos, in order) limits the work to the segments that can
    reach into the range: a quote opens before `hi` and, quotes being disjoint, only the
    last few before `lo` can still be open there.
    """
    chars = list(text[lo:hi])
    if opens is not None:
        k = bisect_left(opens, hi)
        first = k
        while first > 0 and _reach(segs[first - 1]) > lo:
            first -= 1
        segs = segs[first:k]
    for sg in segs:
        a = max(lo, sg.open_pos)
        b = min(hi, _reach(sg))
        for k in range(a, b):
            chars[k - lo] = "\x00" if text[k] not in "\n" else "\n"
    return "".join(chars)


_ROLE_ALT = "|".join(sorted(ROLE_NOUNS, key=len, reverse=True))
_SUBJ_AFTER = re.compile(
    r"^\s*(?:(?P<pron>he|she|they)\b"
    r"|(?P<desc>(?:the|a|an|this|that)\s+(?:[\w-]+\s+){0,3}?(?P<noun>" + _ROLE_ALT + r"))\b"
    r"|(?P<cap>[A-Z]))", re.I | re.S)


# Determiners that bring in someone not met before ("a spokesperson", "one of the players").
_NEW_REFERENT = {"a", "an", "one", "another", "my", "some"}
_DETERMINER = r"(?:a|an|one|another|my|some|the)"
# A described subject standing alone before the verb, perhaps after "As" and with a
# relative clause after it: "As one veteran of the projects commented",
# "Another member of the public, whose name is redacted, wrote".
_DESCRIBED_SUBJECT = re.compile(
    r"(?:^\s*|\bas\s+|,\s+)(?:(?:even|also|only|just)\s+)?(?P<np>" + _DETERMINER
    + r"\s+(?:[\w’'&-]+\s+){0,6}?(?!(?:" + "|".join(sorted(AUXILIARIES)) + r")\b)[\w’'-]+)"
    r"(?:,\s+(?:who|whose|which)\b[^,]*,|\s+who\s+[^,]{1,80}?)?\s*$", re.I)
# An indefinite description right after an inverted verb: "says one of the players in the video".
# A definite description in the clause before the verb: "the minister", "that official".
_DESCRIPTION_BEFORE = re.compile(r"\b(?:the|this|that)\s+(?:[\w-]+\s+){0,3}?(" + _ROLE_ALT + r")\b", re.I)
# What stands between a name used as a modifier and the person it describes: lower-case
# description words ("Ortiz campaign manager Lena Hart"), or a possessive and a
# description before a comma ("Ortiz's deputy campaign manager, Ivo Brandt").
_MODIFIED_NAME = re.compile(r"(?:(?:’s|'s)?(?:\s+[a-z][\w-]*){1,4}\s+|(?:’s|'s)(?:\s+[a-z][\w-]*){1,5},\s+)")
# What may stand between a subject and its verb: a phrase set off by commas that opens as a
# relative clause, an apposition, an age or a participle ("Hale, who ..., said", "Hale, the
# mayor, said", "Hale, 22, said", "Hale, asked about it, had said"), an auxiliary, an adverb.
_INTERJECTED = r",\s+(?:who|whom|whose|which|a|an|the|both|all|\d+|(?-i:[a-z]+(?:ed|ing)))\b[^,]{0,80},"
_BEFORE_VERB = (r"(?:" + _INTERJECTED + r")?\s+(?:(?:has|have|had|would|will|did|does|do|is|was|can|could|also)\s+)?"
                r"(?:\w+ly\s+)?")
_RIGHT_BEFORE_VERB = re.compile(_BEFORE_VERB)
_INTERJECTED_AT = re.compile(_INTERJECTED)
# Words that make a clause, not a description: function words (capitalised-word list and
# sumy's stop words both), auxiliaries, speech verbs ("of" joins a head noun to its complement
# inside one description: "chief of staff").
_NOT_DESCRIPTION = frozenset((COMMON_CAPS & stop_words()) | AUXILIARIES | SPEECH_VERBS) - {"former", "of"}
# "says Lund's dad, Gregor": a possessive relation before the person named after the comma.
_RELATION_AFTER = re.compile(r"[’']s\s+(?:[a-z-]+\s+)?(?:" + "|".join(sorted(RELATION_NOUNS)) + r"),\s+")
_INDEFINITE_AFTER = re.compile(
    r"((?:a|an|one|another|my)\s+[A-Za-z][\w’'-]*(?:\s+(?!in\b|at\b|on\b|who\b|during\b|after\b)[\w’'-]+){0,8}?)"
    r"(?=\s*(?:[,.;:!?]|$|\s(?:in|at|on|who|during|after)\b))")


# Head nouns of descriptions that refer back to an organisation ("the utility said").
ORG_HEADS = {
    "company", "agency", "utility", "ministry", "department", "organization", "organisation",
    "firm", "corporation", "group", "union", "association", "airline", "bank", "retailer",
    "insurer", "automaker", "carrier", "league", "club", "team", "network", "broadcaster",
}
# Role abbreviations, by the head noun of what they stand for.
_ABBREVIATED_HEADS = {"pm": "minister", "ceo": "executive", "cfo": "officer", "coo": "officer", "gm": "manager"}
# Documents cited as sources ("according to an affidavit"): no person and never a participant.
DOCUMENT_HEADS = {
    "affidavit", "report", "statement", "complaint", "filing", "indictment", "lawsuit", "memo",
    "document", "documents", "letter", "release", "study", "survey", "poll", "ruling", "transcript",
    "email", "e-mail", "tweet", "post", "editorial", "petition", "warrant", "headline", "column", "article",
    "sign", "banner", "placard", "caption", "note", "message", "ad", "advertisement",
}
_ORG_SUBJECT = re.compile(
    r"(?<![\w’'-])((?:[Tt]he )?(?:(?:al|el)-)?(?:[A-Z][\w.&’'-]* ){0,4}[A-Z][\w.&’'-]*)"
    r"(?=" + _BEFORE_VERB + r"(?:" + "|".join(sorted(SPEECH_VERBS - {"according"}, key=len, reverse=True)) + r")\b)")


_OWNED_DESCRIPTION_AFTER = re.compile(r"(?:his|her|their|its|[A-Z][\w.-]*(?:\s[A-Z][\w.-]*)?[’']s)\s+"
                                      r"(?:[\w-]+\s+){0,5}?[\w-]+,\s+(?=[A-Z])")
_ORG_AFTER = re.compile(r"(?:[Tt]he\s+)?((?:[A-Z][\w.&’'-]*\s){0,4}[A-Z][\w.&’'-]*)(?=\s*(?:[,.;]|$|\s(?:in|on|at|said|says|wrote)\b))")


def _organisation_subjects(text: str, index: NameIndex) -> list[tuple[int, str]]:
    """(offset, name) of capitalised subjects that are no person: "BC Hydro said", "Google told".

    A run counts when it is not a person mention, does not start with a
    pronoun or another sentence starter, and stands before a speech verb:
    what a later "it said" or "the company said" refers back to.
    """
    ends = [m.end for m in index.mentions]
    lows = [m.title_start if m.title_start is not None else m.start for m in index.mentions]
    out = []
    for m in _ORG_SUBJECT.finditer(text):
        name = m.group(1)
        first = re.sub(r"^[Tt]he\s+", "", name).split()[0].lower()
        if first in COMMON_CAPS or first in MONTHS or first in DAYS or first in PRONOUNS:
            continue
        # mentions are sorted and disjoint: only the first one ending after the match
        # start can overlap it
        k = bisect_right(ends, m.start())
        if k < len(ends) and lows[k] < m.end():
            continue
        out.append((m.start(), name))
    return out


@dataclass(frozen=True)
class Found:
    """How a speaker was found: `mode` ("name", "surname", "pronoun", "description",
    "description-resolved", "organisation", "organisation-resolved", "document"), the words that
    name or refer to them at [at, end), and whether the reading is beyond doubt."""

    mode: str
    at: int
    end: int
    confident: bool = True


EXPLICIT_MODES = frozenset({"name", "description", "organisation"})
"""Ways of finding a speaker that need no resolving: the text names or describes them."""

ORGANISATION_REACH = 2000
"""Characters back that "it said" / "the company said" may reach for the organisation named as a
subject: a few paragraphs, as a reader would still have it in mind."""

# Abbreviations whose full stop ends no sentence inside a speaker's name or description.
_NAME_ABBREVIATION = re.compile(r"(?:[A-Z]|[A-Z][a-z]{0,3}|(?:[A-Z]\.)+[A-Z]?)\.$")


def speaker_phrase(phrase: str) -> bool:
    """Whether `phrase` can be a speaker: a name or a description, not a run of tokens across a
    sentence end ("October. The") or of function and calendar words only ("The", "Last Monday")."""
    words = phrase.split()
    if not words:
        return False
    for w in words[:-1]:
        if w.endswith((".", "!", "?")) and not _NAME_ABBREVIATION.fullmatch(w):
            return False  # a sentence ends inside it
    function = stop_words()
    return any(w.lower().strip(".,’'") not in function | MONTHS | DAYS for w in words)


def _organisation(name: str) -> Person:
    return Person(name=name, tokens=name.split(), kind="organisation")


def _plural(noun: str | None) -> bool:
    """A plural head noun ("analysts", "officials", "people"): the speaker is a group."""
    if not noun:
        return False
    return noun in ("people", "police", "staff", "crowd", "members") or (
        noun.endswith("s") and not noun.endswith(("ss", "us", "is")) and noun[:-1] in ROLE_NOUNS | _GROUP_SINGULARS)


_GROUP_SINGULARS = {"analyst", "official", "expert", "resident", "protester", "protestor", "critic",
                    "supporter", "voter", "member", "worker", "student", "parent", "lawmaker", "observer"}


def _head_noun(words: list[str]) -> str | None:
    """The head noun of a description: the last word before 'of'/'for' ("a spokesperson for the camp")."""
    core = []
    for w in words[1:]:
        if w.lower() in ("of", "for", "from", "with", "at"):
            break
        core.append(w.lower())
    return core[-1] if core else None


# After a quote, a subordinate clause of the writer's that ends in a comma before the verb.
_CLAUSE_AFTER_QUOTE = re.compile(r"[\s’”\"']*(?:that|if|because|unless|when|whether|until|since)\b[^\x00]*,\s*$", re.I)
# A form of "be" right before a participle makes it a finite progressive ("X is now saying").
_PROGRESSIVE = re.compile(r"\b(?:" + "|".join(sorted(COPULA)) + r")\s+(?:\w+ly\s+|now\s+|still\s+)?$", re.I)
# A sentence ends between two words of masked frame text (quotes are blanked out).
_SENTENCE_END = re.compile(r"[.!?][\s\x00]+[A-Z]")


class _Attributor:
    def __init__(self, article: Article, spans: list[Span], index: NameIndex):
        self.text = article.text
        self.spans = spans
        self.index = index
        self.organisations = _organisation_subjects(self.text, index)
        self._organisation_at = [o[0] for o in self.organisations]
        self.described: dict[str, Person] = {}
        """Descriptions used as speakers so far, by head noun ("official" -> "a justice official")."""
        self.current: Person | None = None
        """The running speaker, preferred for he/she."""
        self.how: Found | None = None
        """How the last speaker returned was found (see `Found`)."""

    def _found(self, person, mode: str, at: int, end: int, confident: bool = True):
        """Record how `person` was found (the words at [at, end) name or refer to them) and return it."""
        if person is not None:
            self.how = Found(mode, at, end, confident)
        return person

    def _named(self, mention):
        """The person a name mention in the attribution names: "explicit" when the mention gives
        the name in full, "resolved" when it is a surname or a first name the index resolved."""
        person = mention.person
        if person is None:
            return None
        full = [t.lower() for t in mention.tokens] == [t.lower() for t in person.tokens]
        st = mention.title_start if mention.title_start is not None else mention.start
        if full or len(mention.tokens) >= 2:
            return self._found(person, "name", st, mention.end)
        return self._found(person, "surname", st, mention.end, self.index.unique_word(mention.tokens[0]))

    def speaker_in(self, frame: str, lo: int, q_start: int, q_end: int):
        """(person or None, found_cue) from the masked frame text starting at offset lo.

        `how` tells afterwards how the person was found, and `verb` where the speech verb stands."""
        self.how = None
        self.verb = None
        self._quote_at = (q_start, q_end)
        document = self._document_reading(frame, lo, q_start)
        if document is not None:
            return document, True
        best = None
        for vm in _speech_verbs(frame):
            a, b = lo + vm[0], lo + vm[1]
            # a cue inside a quote is masked away; skip verbs far from the quote
            dist = q_start - b if b <= q_start else a - q_end if a >= q_end else 0
            if dist < 0:
                dist = 0
            if best is None or dist < best[0]:
                best = (dist, vm)
        if best is None:
            sm = re.search(r"\b(his|her|their)\s+(?:[\w-]+\s+)?(?:statement|tweet|post|letter|e-?mail|release|message)\s+(?:read|reads|said|says|stated)\b", frame, re.I)
            if sm:
                self.verb = (lo + sm.start(), lo + sm.end())
                return self._pronoun({"his": "he", "her": "she"}.get(sm.group(1).lower(), "they"), lo + sm.start()), True
            return None, False
        v_start, v_end, verb = best[1]
        va, vb = lo + v_start, lo + v_end
        self.verb = (va, vb)
        # after the verb: "said Russel", "said the minister", "according to X"
        after = frame[v_end:]
        between = frame[:v_start].rstrip()
        inverted = (verb == "according to" or not between or between.endswith("\x00")
                    or re.search(r"\x00[\s,.!?—–-]*$", between))
        # "“...?” asked X": right after a quote, "asked" is inverted like "said" (X asks); elsewhere
        # its object follows it ("asked X whether ...")
        asked_after_quote = verb in ("asked", "asks") and re.search(r"\x00[\s,.!?—–-]*$", between)
        if inverted and (verb not in TELLING_VERBS or asked_after_quote):
            p = self._subject_after(after, vb, verb)
            if p is not None:
                return p, True
        if verb.endswith("ing") and verb != "according to" and not _PROGRESSIVE.search(frame[:v_start]):
            # a participle clause takes the subject of the finite speech verb before it in its
            # sentence: "X said, adding, '...'", "X said Y must choose, saying '...'", "X wrote in
            # a statement to Y explaining ..., '...'" (not "is saying": a finite verb of its own)
            prior = [vm for vm in _speech_verbs(frame[:v_start])
                     if not vm[2].endswith("ing") and vm[2] != "according to"
                     and not _SENTENCE_END.search(frame[vm[1]:v_start])]
            if prior:
                p, _cue = self.speaker_in(frame[:prior[-1][1]], lo, q_start, q_end)
                if p is not None:
                    return p, True
                self.verb = (va, vb)
        if (verb != "according to" and not inverted and verb not in TELLING_VERBS and "\x00" in between
                and _CLAUSE_AFTER_QUOTE.match(between[between.rfind("\x00") + 1:])):
            # the quote's sentence goes on in the writer's words before an inverted verb: "“A” that
            # X can win, said Y", "“A” if she loses, said Y": the subject follows the verb
            p = self._subject_after(after, vb, verb)
            if p is not None:
                return p, True
        if verb != "according to":
            p = self._subject_before(frame[:v_start], lo, va)
            if p is not None:
                return p, True
            if not inverted and verb not in TELLING_VERBS and re.search(r",\s*$", between):
                # an interjected phrase between the quote and an inverted verb: "''...,'' like
                # the recent swings, said Ana Ruiz"
                p = self._subject_after(after, vb, verb)
                if p is not None:
                    return p, True
        if verb.endswith("ing"):
            # a participle takes the subject of its main clause: "He voiced his
            # “anger” on Twitter, writing “...”"
            p = self._main_subject(frame[:v_start], lo)
            if p is not None:
                return p, True
        return None, True

    def _document_reading(self, frame: str, lo: int, q_start: int):
        """A document that reads the quote right after it: "the headline reads: '...'", "one road
        sign read, '...'". Its words (nearer than an "according to" naming who reported them),
        never a person's."""
        lead = frame[:max(0, q_start - lo)]
        if not _READS_AT_END.search(lead[-16:]):
            return None  # (the cheap test first: the full pattern tries every determiner)
        doc = _DOCUMENT_READS.search(lead)
        if doc is None or doc.group(1).lower() in ("his", "her", "their"):
            return None  # "his statement read": the owner's words (see speaker_in)
        self.verb = (lo + doc.start("verb"), lo + doc.end("verb"))
        return self._describe(doc.group("doc"), lo + doc.start("doc"))

    def _main_subject(self, before: str, lo: int):
        """The name or he/she that opens the sentence in `before` (masked frame text at `lo`)."""
        start = max(before.rfind(";"), before.rfind("\n")) + 1
        # after an opening adverbial up to its comma ("Later on Sunday, ", "To wit, ")
        m = re.match(r"[\s“\"]*(?:(?:But|And|So|Then|Later|Still),?\s+)?(?:[A-Z][a-z]*(?:\s+[a-z0-9][\w-]*){0,4},\s+)?",
                     before[start:])
        at = start + m.end()
        pm = re.match(r"(he|she|they)\b", before[at:], re.I)
        if pm:
            return self._pronoun(pm.group(1), lo + at)
        first = next(iter(self.index.mentions_between(lo + at, lo + at + 1)), None)
        if first is not None and first.title_start in (None, lo + at):
            return self._named(first)
        first = next(iter(self.index.mentions_between(lo + at, lo + len(before))), None)
        if first is not None and first.title_start == lo + at:
            return self._named(first)
        return None

    def _subject_after(self, after: str, pos: int, verb: str):
        stripped = after.lstrip(" ,")
        off = pos + (len(after) - len(stripped))
        m = _SUBJ_AFTER.match(stripped)
        if not m:
            return None
        if m.group("pron"):
            # "said he" only directly after the verb
            return self._pronoun(m.group("pron"), pos)
        owner_desc = _OWNED_DESCRIPTION_AFTER.match(stripped)
        if owner_desc:
            # "said his best friend at college, Bruce Tarr": the person named after the comma
            named = next(iter(self.index.mentions_between(off + owner_desc.end(), off + owner_desc.end() + 1)), None)
            if named is not None:
                return self._named(named)
        indefinite = _INDEFINITE_AFTER.match(stripped)
        if indefinite:
            return self._describe(indefinite.group(1), off)
        if m.group("desc"):
            return self._describe(m.group("desc"), off)
        # a capitalised word: the first person mention after the verb, else an organisation
        # named there ("said Open Ledger")
        p = self._name_after(off)
        if p is None:
            om = _ORG_AFTER.match(self.text, off)
            if om and om.group(1).split()[0].lower() not in COMMON_CAPS | MONTHS | DAYS and speaker_phrase(om.group(1)):
                return self._found(_organisation(om.group(1)), "organisation", off + om.start(1), off + om.end(1))
        return p

    def _name_after(self, off: int):
        """The person named right after an inverted verb.

        Between the verb and the name only a description may stand, with no comma
        ("said long-haul truck driver Peter Olsen", "says Brantford illustrator
        Nadia Okafor"). "says Lund's dad, Gregor": a possessive relation names the
        person after the comma, not the owner.
        """
        mm = next(iter(self.index.mentions_between(off, off + 80)), None)
        if mm is None:
            return None
        gap = self.text[off:mm.title_start if mm.title_start is not None else mm.start]
        if not re.fullmatch(r"[\w\s.’'-]*", gap) or len(gap.split()) > 6:
            return None
        mm = self._head_of(mm)
        relation = _RELATION_AFTER.match(self.text[mm.end:mm.end + 40])
        if relation:
            at = mm.end + relation.end()
            nxt = next(iter(self.index.mentions_between(at, at + 1)), None)
            if nxt is not None:
                return self._named(nxt)
        return self._named(mm)

    def _head_of(self, m):
        """The person a name only modifies, when one is named right after it: "Ortiz campaign
        manager Lena Hart", "Ortiz's deputy campaign manager, Ivo Brandt", "former Mendes
        speechwriter Ada Quill" (the description between is in lower case)."""
        for _ in range(3):
            nxt = next(iter(self.index.mentions_between(m.end, m.end + 60)), None)
            if nxt is None:
                return m
            gap = self.text[m.end:nxt.title_start if nxt.title_start is not None else nxt.start]
            words = [w for w in re.findall(r"[a-z][\w-]*", gap) if w != "s"]
            if (not _MODIFIED_NAME.fullmatch(gap) or not words or words[0] == "of" or words[-1] == "of"
                    or any(w in _NOT_DESCRIPTION or (w.endswith(("ed", "ly")) and w not in ROLE_NOUNS)
                           for w in words)):
                # "Morrow of Hale": a name after "of" is the object, not the head
                return m
            m = nxt
        return m

    def _last_quote_end(self, before: str, lo: int) -> int:
        """Where the last quotation in the masked `before` ends (-1: none), passing over quoted names
        and titles, which stand inside the writer's clause ("X, wearing “Lena Hart” pins, said",
        "X, author of ''A History of Rivers,'' put it"); the quote being attributed always counts."""
        end = len(before)
        while True:
            b = before.rfind("\x00", 0, end)
            if b < 0:
                return -1
            a = b
            while a > 0 and before[a - 1] == "\x00":
                a -= 1
            words = self.text[lo + a:lo + b + 1].strip("“”\"'‘’ ,")
            current = lo + a <= self._quote_at[1] and lo + b >= self._quote_at[0] - 2
            if current or not (_word_count(words) < 3 or (_is_title_like(words) and not re.search(r"[.?!]$", words))):
                return b
            end = a

    def _subject_before(self, before: str, lo: int, va: int):
        # the clause before the verb: from the last quote / semicolon / sentence start
        cut = max(self._last_quote_end(before, lo), before.rfind(";"), before.rfind("\n"))
        nested = None
        if "that" in before[cut + 1:]:
            for nested in _COMPLEMENT_THAT.finditer(before, cut + 1):
                pass
        if nested is None:
            return self._subject_in_clause(lo + cut + 1, va)
        # the verb stands in the that-clause of another speech verb ("X said that if Y is now
        # saying, '...'"): its subject is in that clause, and the words are a report of a report,
        # never attributed beyond doubt
        p = self._subject_in_clause(lo + nested.end(), va)
        if p is None:  # "X joked that Y won, but went on to say": the verbs share X
            return self._subject_in_clause(lo + cut + 1, va)
        if self.how is not None:
            self.how = replace(self.how, confident=False)
        return p

    def _subject_in_clause(self, clause_lo: int, va: int):
        """The subject of the speech verb at `va` in the clause that opens at `clause_lo`."""
        clause = self.text[clause_lo:va]
        # people mentioned in the clause: the first one is the subject
        ms = self.index.mentions_between(clause_lo, va)
        # pronoun / description nearest to the verb
        pm = None
        for pm_ in re.finditer(r"\b(he|she|they)\b", clause, re.I):
            pm = pm_
        dm = None
        for dm_ in _DESCRIPTION_BEFORE.finditer(clause):
            dm = dm_
        first_person = ms[0] if ms else None
        # choose the candidate closest to the start of the clause (the subject), but a
        # pronoun right before the verb wins ("..., he said")
        tail = clause.rstrip()
        if pm and re.search(r"\b(he|she|they)(?:['’](?:s|d|ve|ll))?(?:\s+\w+ly)?\s*$", tail, re.I):
            # (with its auxiliary contracted: "he's said", "she'd told")
            return self._pronoun(pm.group(1), clause_lo + pm.start())
        if re.search(r"(?:^|[\s,])it(?:\s+\w+ly)?\s*$", tail, re.I):
            # "it said": an organisation speaks, never a person
            return self._organisation_before(clause_lo + len(tail))
        described = self._described_subject(clause, clause_lo)
        if described is not None and (first_person is None or self._stands_apart(ms, self.how.at)):
            # a description right before the verb is its subject, whatever name an opening phrase
            # holds ("Although X was not there, a White House official ... said"), or the name it
            # holds modifies it ("the Hale campaign said")
            return described
        org = self._organisation_right_before(clause_lo, va)
        if org is not None and (first_person is None or re.fullmatch(
                r"(?:’s|'s)(?:\s+[a-z][\w-]*){1,3}\s+(?:[Tt]he\s+)?", self.text[ms[-1].end:self.how.at])):
            # "X's hometown Burlington Courier wrote": the name owns the organisation, the subject
            return org
        if first_person is not None:
            last = ms[-1]
            if last is not first_person and _RIGHT_BEFORE_VERB.fullmatch(self.text[last.end:va]):
                # a name right before the verb is its subject, whatever an opening phrase
                # names: "Of those who doubt Hale, Ruiz said", "Hale left early, Ruiz said"
                both = self._coordinated(ms[-2], va)
                return both if both is not None else self._named(last)
            for m in reversed(ms[:-1]):
                if _INTERJECTED_AT.match(self.text, m.end, va) and _RIGHT_BEFORE_VERB.fullmatch(self.text, m.end, va):
                    # a phrase set off by commas between the subject and its verb holds another
                    # name: "Hale, asked about the deaths under Ruiz, had said"
                    return self._named(m)
            # the subject is the first name unless it sits in a prepositional phrase
            for m in ms:
                pre = self.text[max(clause_lo, (m.title_start or m.start) - 25):(m.title_start or m.start)]
                if not re.search(r"\b(?:with|of|to|by|for|from|about|against|after|on|at|in|than)\s+(?:the\s+)?$", pre):
                    both = self._coordinated(m, va)
                    return both if both is not None else self._named(self._head_of(m))
            return self._named(ms[-1])
        if org is not None:
            return org
        if dm:
            at = clause_lo + dm.start()
            p = self.index.resolve_description(at, dm.group(1))
            return self._found(p, "description-resolved", at, clause_lo + dm.end(), False)
        if pm:
            return self._pronoun(pm.group(1), clause_lo + pm.start())
        return None

    def _coordinated(self, m, va: int):
        """Two people named as one subject, "X and Y said" / "X and Y, both senators, said": both
        speak (a group of the two names), when the second stands right before the verb."""
        nxt = next(iter(self.index.mentions_between(m.end, m.end + 60)), None)
        if nxt is None or nxt.person is None or m.person is None or nxt.person is m.person:
            return None
        st = nxt.title_start if nxt.title_start is not None else nxt.start
        if not re.fullmatch(r"\s+(?:and|&)\s+", self.text[m.end:st]) or not _RIGHT_BEFORE_VERB.fullmatch(
                self.text[nxt.end:va]):
            return None
        first, second = m.person, nxt.person
        both = Person(name=f"{first.name} and {second.name}", tokens=first.tokens + ["and"] + second.tokens,
                      kind="group")
        return self._found(both, "name", m.title_start if m.title_start is not None else m.start, nxt.end)

    def _stands_apart(self, ms: list, at: int) -> bool:
        """Whether a subject found at `at` is no apposition of the names in `ms` before it and no
        part of a name: every name stands before it with more than a comma between, or inside it
        (the name modifies the description: "the Hale campaign")."""
        for m in ms:
            st = m.title_start if m.title_start is not None else m.start
            if st >= at:
                if not re.match(r"(?:’s|'s)?\s+[a-z]", self.text[m.end:m.end + 4]):
                    return False  # the description ends in a name: "the columnist Vera Lind"
                continue  # a name that modifies the description, inside it
            if m.end > at or re.fullmatch(r"(?:’s|'s)?,?\s*(?:(?:of|at|with|from|for)\s+(?:the\s+)?)?",
                                          self.text[m.end:at]):
                return False  # "Hale, a spokesman" (apposition), "Hale's spokesman", "Hale of Acme"
        return True

    def _organisation_right_before(self, lo: int, va: int):
        """A capitalised subject that is no person, right before the verb: "Open Ledger added"."""
        k = bisect_left(self._organisation_at, lo)
        while k < len(self.organisations) and self.organisations[k][0] < va:
            at, name = self.organisations[k]
            if _RIGHT_BEFORE_VERB.fullmatch(self.text[at + len(name):va]) and speaker_phrase(name):
                return self._found(_organisation(name), "organisation", at, at + len(name))
            k += 1
        return None

    def _organisation_before(self, pos: int):
        """The organisation last named as a subject before `pos` ("BC Hydro said ...")."""
        k = bisect_left(self._organisation_at, pos)
        if not k or pos - self.organisations[k - 1][0] >= ORGANISATION_REACH:
            return None
        name = self.organisations[k - 1][1]
        if not speaker_phrase(name):
            return None
        # "it said", "the company said": the organisation last named as a subject, a reading only
        return self._found(_organisation(name), "organisation-resolved", pos, pos, False)

    def _described_subject(self, clause: str, clause_lo: int):
        """'a spokesperson said', 'Another member of the public, whose name is redacted, wrote'."""
        m = _DESCRIBED_SUBJECT.search(clause)
        words = m.group("np").split() if m else []
        if (not m or any(w.lower() in AUXILIARIES | SPEECH_VERBS for w in words[1:])
                or words[-1].lower() in COORDINATORS | PREPOSITIONS | DETERMINERS or re.search("[" + OPENERS + CLOSERS + STRAIGHT + "]|''", m.group("np"))):
            # a verb inside is a clause, not a noun phrase ("a woman asked for ... and X"); a noun
            # phrase ends in its head noun, and holds no quotation
            return None
        return self._describe(m.group("np"), clause_lo + m.start("np"))

    def _describe(self, phrase: str, pos: int):
        """A speaker the text describes instead of naming.

        An indefinite description ("a spokesperson", "one of the players") brings in
        someone new: the description itself is the speaker. A definite one ("the
        official") refers back: to the last person whose title has its head noun, else
        to an earlier description with that head noun ("a justice official"), else to
        the last compatible subject when it is a role word ("the diplomat"), else it
        stays as written ("the father").
        """
        phrase = " ".join(phrase.split())
        # an adverb closing the subject is no part of it ("The teenager then told ...")
        phrase = re.sub(r"(?i)(?:\s+(?:then|also|later|now|again|still|too|first|finally|herself|himself))+$", "", phrase)
        # nor is a participle opening a reduced relative ("an affidavit of probable cause filed on ...")
        phrase = re.sub(r"(?<=\w)(?:\s+[a-z]+ed)$", "", phrase) if len(phrase.split()) >= 3 else phrase
        # nor a verb: a description is a noun phrase ("a reporter can be heard", "a tweet quoted")
        words = phrase.split()
        verb = next((k for k, w in enumerate(words) if k and w in AUXILIARIES | SPEECH_VERBS), None)
        if verb is not None:
            phrase = " ".join(words[:verb])
        words = phrase.split()
        end = pos + len(phrase)
        if not speaker_phrase(phrase):
            return None
        head = _head_noun(words)
        source = re.match(r"(?i)(?:a|an|the)\s+(?:statement|release|letter|message)\s+(?:from|by)\s+(.+)", phrase)
        if source:  # "A statement from the EU said": the EU speaks
            return self._found(_organisation(source.group(1)), "organisation", pos, end)
        if head in ORG_HEADS:
            org = self._organisation_before(pos)
            if org is not None:
                return org
            if words[0].lower() not in _NEW_REFERENT:
                # "the agency said" with no agency named before: a reference the text leaves open
                return self._found(Person(name=phrase, tokens=words, kind="organisation"), "organisation-resolved",
                                   pos, end, False)
        kind = "group" if _plural(head) or re.search(r"\s(?:and|&)\s", phrase) else "person"
        if head in DOCUMENT_HEADS:
            kind = "organisation"  # "an affidavit", "the report": a document speaks for its authors
        p = self._description_speaker(phrase, words, head, kind, pos, end)
        if head in DOCUMENT_HEADS and p.kind == "organisation":
            # a document names nobody who said the words: never a name to print
            self.how = Found("document", pos, end, False)
        return p

    def _description_speaker(self, phrase: str, words: list[str], head: str | None, kind: str, pos: int, end: int):
        """The speaker a description stands for: someone new (indefinite), the person it refers back
        to (definite, by title), an earlier description, else the description as written."""
        if words[0].lower() in _NEW_REFERENT:
            return self._found(self._remember(Person(name=phrase, tokens=words, kind=kind), head), "description", pos, end)
        if head:
            # "the PM" is the prime minister named before, "the CEO" the chief executive
            titled = self.index.titled_before(self._antecedent_limit(pos), _ABBREVIATED_HEADS.get(head, head))
            if titled is not None:
                # the last person whose title has the head noun: a reading, not a naming (another
                # official may be meant), so never printed as a name
                return self._found(titled, "description-resolved", pos, end, False)
        if head in self.described:
            return self._found(self.described[head], "description", pos, end)
        if head in ROLE_NOUNS and head not in RELATION_NOUNS:
            # (a kin or relation noun describes someone by another: "the father" of a man just
            # named is someone new, not the last man named)
            p = self.index.resolve_description(self._antecedent_limit(pos), head)
            if p is not None:
                # the last compatible subject, for a role word no title carries: a guess
                return self._found(p, "description-resolved", pos, end, False)
        return self._found(self._remember(Person(name=phrase, tokens=words, kind=kind), head), "description", pos, end)

    def _remember(self, person: Person, head: str | None) -> Person:
        if head:
            self.described.setdefault(head, person)
        return person

    def _antecedent_limit(self, pos: int) -> int:
        """Where the antecedent of a pronoun or description at `pos` must end: before the quote it
        attributes when it stands after it. A speaker calls themself "I"; the names inside their
        quote are other people ("“Certainly Hale has gone too far,” said the former aide")."""
        q_start, q_end = getattr(self, "_quote_at", (pos, pos))
        return q_start if q_start < q_end <= pos else pos

    def _pronoun(self, pron: str, pos: int):
        g = PRONOUNS.get(pron.lower())
        at = self._antecedent_limit(pos)
        p = self.index.resolve_pronoun(at, g, prefer=self.current)
        return self._found(p, "pronoun", pos, pos + len(pron), p is not None and self.index.pronoun_is_clear(p, at, g))


def _word_count(s: str) -> int:
    return len(_WORDS.findall(s))


def _is_title_like(s: str) -> bool:
    words = _WORDS.findall(s)
    small = {"of", "the", "a", "an", "and", "in", "on", "for", "to", "at", "with", "or"}
    caps = [w for w in words if w.lower() not in small]
    return bool(caps) and all(w[:1].isupper() for w in caps) and len(words) <= 8


def extract_quotes(article: Article, spans: list[Span], index: NameIndex | None = None) -> list[Quote]:
    """The direct quotes in `article`, each with its speaker's fullest name and title, the words
    that attribute it (`cue`) and how sure the attribution is (`attribution`)."""
    if not article.text.strip():
        return []
    spans = spans or [(0, len(article.text))]
    if index is None:
        index = people_index(article, spans)
    return _QuoteReader(article, spans, index).read()


class _QuoteReader:
    """One pass over an article's quotation marks, in text order, keeping the running speaker."""

    def __init__(self, article: Article, spans: list[Span], index: NameIndex):
        self.article, self.text, self.index = article, article.text, index
        self.sentences = Sentences(spans)
        self.paras = _paragraph_offsets(article)
        self._para_ends = [pe for _ps, pe in self.paras]
        self.segs = find_segments(self.text, self.paras)
        self.opens = [sg.open_pos for sg in self.segs]
        self.att = _Attributor(article, spans, index)
        self.prev_speaker: Person | None = None
        self.prev_attribution = "uncertain"
        self.prev_para = -10
        self.prev_end = 0
        self.prev_quoted = False
        """Whether the running speaker was last heard in a quote (else in reported speech)."""
        self.seg_sents: dict[int, int] = {}  # sentence -> quotes in it not (yet) judged no speech
        for sg in self.segs:
            a, b = self.sentences.around(sg.open_pos, sg.end)
            for k in range(a, b + 1):
                self.seg_sents[k] = self.seg_sents.get(k, 0) + 1
        self.done_sent = -1
        self.last_speech: tuple[int, int, bool] | None = None
        """(after its closing mark, its last sentence, whether it ends with a comma)."""

    def para_of(self, pos: int) -> int:
        return min(bisect_left(self._para_ends, pos), len(self.paras) - 1)

    def read(self) -> list[Quote]:
        quotes = []
        for sg in self.segs:
            q = self._segment(sg)
            if q is not None:
                quotes.append(q)
        return quotes

    def _reported_speech(self, upto: int) -> None:
        """Reported speech since the last quote sets the running speaker ("X says ...")."""
        spans, att = self.sentences.spans, self.att
        for k in range(self.done_sent + 1, upto):
            if self.seg_sents.get(k):
                continue
            ks, ke = spans[k]
            p_, _cue = att.speaker_in(self.text[ks:ke], ks, ke, ke)
            if p_ is not None:
                self.prev_speaker = p_
                att.current = p_
                self.prev_para = self.para_of(ks)
                self.prev_attribution = _attribution(att.how)
                self.prev_end = ke
                self.prev_quoted = False

    def _segment(self, sg: Segment) -> Quote | None:
        text, spans = self.text, self.sentences.spans
        si, sj = self.sentences.around(sg.open_pos, sg.end)
        self._reported_speech(si)
        done_before = self.done_sent
        self.done_sent = max(self.done_sent, sj)
        lo, hi = min(spans[si][0], sg.open_pos), max(spans[sj][1], sg.end)
        frame = _mask(text, self.segs, lo, hi, self.opens)
        standalone = not frame.replace("\x00", "").strip(" \n.,;:!?—–-()")
        before_txt = text[max(0, sg.open_pos - 30):sg.open_pos]
        after_colon = bool(re.search(r":\s*$", before_txt))
        speaker, cue = self.att.speaker_in(frame, lo, sg.open_pos, sg.close_pos or sg.end)
        found = _Reading(speaker, self.att.how, self.att.verb) if speaker is not None else None
        lead = frame[:sg.open_pos - lo]  # the quote's sentence before its opening mark, quotes blanked
        tail = frame[_reach(sg) - lo:]  # after its closing mark
        if not self._is_speech(sg, si, cue, standalone, after_colon, before_txt) or (
                not (standalone or sg.continues) and _inside_indirect(lead)
                and next(iter(_speech_verbs(tail)), None) is None):
            # scare quotes and quoted words woven into reported speech leave the
            # sentence to the reported-speech pass: "Y was “a defeat,” X told the House"
            # makes X the running speaker
            for k in range(si, sj + 1):
                self.seg_sents[k] -= 1
            self.done_sent = max(done_before, si - 1)  # its own sentences are still to read
            return None
        if found is None:
            found = self._elsewhere(sg, si, cue, standalone, after_colon)
        return self._quote(sg, sj, found, cue)

    def _is_speech(self, sg: Segment, si: int, cue: bool, standalone: bool, after_colon: bool,
                   before_txt: str) -> bool:
        """Whether the quoted words are speech, not a scare quote, a title or words woven in."""
        text = self.text
        content = text[sg.start:sg.end]
        nwords = _word_count(content)
        # (a mark typed as two characters, '' or ’’, has close_pos on its second one)
        ends_punct = bool(re.search(r"[.?!…,;:—–-]$",
                                    text[sg.start:(sg.close_pos if sg.closed else sg.end)].rstrip().rstrip("'’")))
        inner_sentence = bool(re.search(r"[.?!]\s+[A-Z“\"]", content))
        speech = False
        if nwords >= 3 and not _scare(before_txt, content, cue, ends_punct, standalone, after_colon):
            speech = (ends_punct or standalone or after_colon or inner_sentence or sg.continues
                      or not sg.closed or (cue and nwords >= 6))
        if not speech and nwords >= 1 and ends_punct and cue and re.search(r"[.?!,]$", content + text[sg.end:sg.end + 1]):
            speech = nwords >= 2 and not _is_title_like(content)
        # the second half of a quote broken by its attribution: '"A," X said in March, "but B."'
        last = self.last_speech
        resumes = (last is not None and last[1] >= si and last[2]
                   and bool(_RESUMED_AFTER.fullmatch(text[last[0]:sg.open_pos])))
        if speech and not (standalone or sg.continues or resumes) and _woven_in(content, before_txt, text[sg.end:sg.end + 40]):
            speech = False
        return speech

    def _elsewhere(self, sg: Segment, si: int, cue: bool, standalone: bool, after_colon: bool):
        """The speaker of a quote its own sentence does not attribute (a `_Reading`, or None)."""
        att, text, spans = self.att, self.text, self.sentences.spans
        framed = None if cue else (self._quotative_after(sg) or (self._signed(sg) if standalone else None))
        if framed is not None:
            return framed
        if not sg.closed:
            p, _cue = _broken_line_attribution(att, text, self.sentences, self.paras, sg)
            if p is not None:
                return _Reading(p, att.how, att.verb)
        if after_colon and not sg.continues:
            # a colon introduction names its speaker, even with no speech verb: "And Mr.
            # Hale gloated: '...'", "Gomes apologized for it: '...'"
            reading = _colon_subject(att, text, self.sentences, sg)
            if reading is not None:
                return reading
        if not cue and not sg.continues and si > 0 and not self.seg_sents.get(si - 1):
            # a new subject in the sentence right before takes over: "House ... says
            # House. Durning did not need much coaxing. “I'm thankful ...”" (a reading, not
            # an attribution: uncertain)
            ps_, pe_ = spans[si - 1]
            first = next(iter(self.index.mentions_between(ps_, pe_)), None)
            if (first is not None and first.person is not self.prev_speaker and self.para_of(ps_) >= sg.para - 1
                    and not text[ps_:(first.title_start if first.title_start is not None else first.start)].strip(" “\"")):
                return _Reading(first.person, Found("previous-subject", first.start, first.end, False), None)
        prev, gap = self.prev_speaker, sg.para - self.prev_para
        if prev is not None and (sg.continues or ((standalone or not cue) and (gap <= 1 or (standalone and gap <= 4)))):
            # continue the previous speaker's run
            return _Reading(prev, Found("running", sg.open_pos, sg.open_pos, self._run_is_clear(sg)), None)
        if (after_colon and not sg.continues) or (standalone and gap > 1):
            # an attribution in the paragraph before ending with a colon: "X said:"
            return _colon_subject(att, text, self.sentences, sg)
        return None

    def _quotative_after(self, sg: Segment) -> "_Reading | None":
        """The speaker of the quotative frame right after a quote that closes on a comma, a question
        or an exclamation: '“...!” beamed X', '“...,” X started', '“...,” the Post reported',
        '“...,” reads an editorial'. In that slot any verb of manner or report attributes the
        quote, not only the speech verbs: English inverts only quotative verbs after a quote."""
        if not sg.closed or not re.search(r"[,!?—–…]$", self.text[sg.start:sg.close_pos].rstrip().rstrip("'’")):
            return None
        at = sg.close_pos + 1
        after = self.text[at:at + 160]
        inverted = _QUOTATIVE_VERB.match(after)
        if inverted:
            subject_at = at + inverted.end()
            verb = (at + inverted.start(1), at + inverted.end(1))
            person = self._frame_subject(subject_at, self.text[subject_at:subject_at + 120], inverted=True)
        else:
            subject_at = at + len(after) - len(after.lstrip(" ,"))
            person, subject_end = None, None
            sub = self._frame_subject(subject_at, self.text[subject_at:subject_at + 120], inverted=False)
            if sub is not None:
                subject_end = self.att.how.end if self.att.how is not None else None
            verb_m = _QUOTATIVE_AFTER_SUBJECT.match(self.text, subject_end) if subject_end is not None else None
            if verb_m is None:
                return None
            person, verb = sub, (verb_m.start(1), verb_m.end(1))
        if person is None:
            return None
        return _Reading(person, self.att.how, verb)

    def _signed(self, sg: Segment) -> "_Reading | None":
        """The attribution line under a quote that stands as its own paragraph: a dash and the
        speaker's name ("—President Lena Brill, tweeting after the speech."), the typographic
        convention of epigraphs and pull quotes."""
        if sg.para + 1 >= len(self.paras) or self.para_of(_reach(sg)) != sg.para:
            return None
        ps, pe = self.paras[sg.para + 1]
        dash = re.match(r"[-—–]\s*", self.text[ps:pe])
        if not dash:
            return None
        at = ps + dash.end()
        named = next(iter(self.index.mentions_between(at, at + 40)), None)
        if named is None or (named.title_start if named.title_start is not None else named.start) != at:
            return None
        person = self.att._named(named)
        return _Reading(person, self.att.how, (ps, at)) if person is not None else None

    def _frame_subject(self, pos: int, words: str, inverted: bool):
        """The subject of a quotative frame at `pos`: a person named there, he/she/they, an
        organisation's name or a description (`Found` in `att.how`)."""
        att = self.att
        att.how = None
        named = next(iter(self.index.mentions_between(pos, pos + 1)), None)
        if named is not None and (named.title_start in (None, pos) or named.start == pos):
            return att._named(named)
        first = self.index.mentions_between(pos, pos + 60)
        if first and first[0].title_start == pos:
            return att._named(first[0])
        pm = re.match(r"(he|she|they)\b", words, re.I)
        if pm:
            return att._pronoun(pm.group(1), pos)
        dm = _FRAME_DESCRIPTION.match(words)
        if dm:
            return att._describe(dm.group(0), pos)
        om = _FRAME_ORGANISATION.match(words)
        if om and om.group(1).split()[0].lower() not in COMMON_CAPS | MONTHS | DAYS and speaker_phrase(om.group(1)):
            name = om.group(1)
            return att._found(_organisation(name), "organisation", pos + om.start(1), pos + om.end(1))
        return None

    def _run_is_clear(self, sg: Segment) -> bool:
        """Whether a quote that goes on with the previous speaker's turn is theirs beyond doubt: the
        paragraph convention says so (an open quote continued), or it follows in the same or the
        next paragraph after a quote of theirs (not after reported speech: a summary of what someone
        said is often followed by someone else's words), that speaker was attributed with confidence
        and nobody else has been the subject of a sentence since."""
        if sg.continues:
            return self.prev_attribution != "uncertain"
        if sg.para - self.prev_para > 1 or self.prev_attribution == "uncertain" or not self.prev_quoted:
            return False
        return not any(m.subject and m.person is not self.prev_speaker
                       for m in self.index.mentions_between(self.prev_end, sg.open_pos))

    def _quote(self, sg: Segment, sj: int, found: "_Reading | None", cue_found: bool) -> Quote:
        text = self.text
        content = text[sg.start:sg.end]
        speaker = found.person if found is not None else None
        attribution = _attribution(found.how if found is not None else None)
        cue = _cue_text(text, found) if found is not None else None
        if cue is None and cue_found and self.att.verb is not None:
            cue = _clean_cue(text[self.att.verb[0]:self.att.verb[1]])
        q = Quote(
            text=content,
            speaker=speaker.name if speaker else None,
            title=speaker.title if speaker else None,
            speaker_kind=speaker.kind if speaker else "person",
            sentence=self.sentences.around(sg.start, sg.start + 1)[0],
            span=(sg.start, sg.end),
            article=self.article.path,
            score=_score(content, speaker),
            cue=cue,
            attribution=attribution,
        )
        self.last_speech = (sg.close_pos + 1 if sg.closed else sg.end, sj,
                            sg.closed and text[sg.start:sg.close_pos].rstrip().rstrip("'’").endswith(","))
        if speaker is not None:
            self.prev_speaker = speaker
            self.att.current = speaker
            self.prev_attribution = attribution
            self.prev_end = sg.close_pos + 1 if sg.closed else sg.end
            self.prev_quoted = True
        self.prev_para = sg.para
        return q


@dataclass(frozen=True)
class _Reading:
    """A speaker, how they were found and where the speech verb stands (None without one)."""

    person: Person
    how: Found | None
    verb: tuple[int, int] | None


# A document as the subject of "read(s)" or "say(s)" right before the quote it introduces.
_DOCUMENT_READS = re.compile(
    r"(?P<doc>\b(the|a|an|one|another|this|that|its|his|her|their)\s+"
    r"(?:(?!(?:the|a|an|one|another|this|that)\b)[\w’'&/.-]+,?\s+){0,6}?(?:"
    + "|".join(sorted(DOCUMENT_HEADS)) + r"))\s+(?P<verb>read|reads|says|said|stated|states)\s*[,:]?\s*$", re.I)
_READS_AT_END = re.compile(r"\b(?:read|reads|says|said|stated|states)\s*[,:]?\s*$", re.I)
# The quotative frame after a quote: an inverted verb of manner or report ("beamed", "scoffed",
# "reads", "reported"), or one after the subject ("X started", "the Post reported").
_FRAME_VERB = r"((?-i:[a-z]+ed|reads|read|wrote|spoke|sang|goes|went)|" + _VERB_ALT + r")"
_QUOTATIVE_VERB = re.compile(r"[ ,]*" + _FRAME_VERB + r"\s+(?=[A-Za-z])", re.I)
_QUOTATIVE_AFTER_SUBJECT = re.compile(r"(?:’s|'s)?" + _BEFORE_VERB + _FRAME_VERB
                                      + r"(?=(?:\s+\w+ly)?(?:\s*(?:[.,;:!?]|$)|\s+(?:in|at|on|to|from|with|into|"
                                        r"during|after|before|as|while|when|about|of|back|up)\b))", re.I)
# A description or an organisation's name as the frame's subject, up to a preposition or the
# verb ("a Wednesday editorial in ...", "the Washington Post", "one P&G plant employee").
_FRAME_DESCRIPTION = re.compile(r"(?:the|a|an|one|another)\s+(?:(?!(?:in|at|on|of|who|from|for|with)\b)"
                                r"[\w’'&.-]+\s+){0,4}?(?!(?:[a-z]+ed|reads|said|says|wrote)\b)(?-i:[a-z][\w-]*)(?=\s*(?:[.,;:!?]|$)|\s+(?:in|at|on|of|"
                                r"who|from|for|with|during|after|[a-z]+ed|reads|said|says|wrote)\b)", re.I)
_FRAME_ORGANISATION = re.compile(r"(?:[Tt]he\s+)?((?:[A-Z][\w.&’'-]*\s+){0,4}[A-Z][\w.&’'-]*)(?=\s*(?:[.,;:!?]|$)"
                                 r"|\s+(?:in|at|on|of|from|for|with|during|after|(?-i:[a-z]+ed)|reads|said|says|wrote)\b)")


def _attribution(how: Found | None) -> str:
    """"explicit", "resolved" or "uncertain" for a speaker found `how` (None: no speaker)."""
    if how is None or not how.confident:
        return "uncertain"
    return "explicit" if how.mode in EXPLICIT_MODES else "resolved"


CUE_CHARS = 80
"""Longest cue kept as the text writes it; a subject further from its verb is cited as the two
joined ("Hale ... said"), as a reader would point to them."""


def _clean_cue(s: str) -> str:
    return " ".join(s.replace("\x00", " ").split()).strip(" ,;:")


def _cue_text(text: str, found: "_Reading") -> str | None:
    """The words that attribute a quote: the speech verb and the words naming its subject, as
    written ("said Smith", "she told reporters"); None when no verb stands in its sentence."""
    if found.verb is None or found.how is None:
        return None
    (va, vb), how = found.verb, found.how
    a, b = min(va, how.at), max(vb, how.end)
    between = text[a:b]
    if b - a <= CUE_CHARS and not re.search("[" + OPENERS + CLOSERS + STRAIGHT + "]", between):
        return _clean_cue(between) or None
    subject = _clean_cue(text[how.at:how.end])
    verb = _clean_cue(text[va:vb])
    return " ".join(x for x in ((subject, verb) if how.at < va else (verb, subject)) if x) or None


def _broken_line_attribution(att: _Attributor, text: str, sentences: "Sentences", paras: list[Span], sg: Segment):
    """A quote left open where a scraped line break cut its sentence: (speaker or None, cue found).

    When the next paragraph opens in lower case and closes the mark before
    opening another ("... at the discretion of the decision-maker" / "based on
    ... the veterans," said Nicholson), the paragraph break is no break: the
    attribution after that closing mark is the quote's.
    """
    if sg.para + 1 >= len(paras) or re.search(r"[.?!…]\W*$", text[sg.start:sg.end]):
        return None, False
    ns, ne = paras[sg.para + 1]
    nxt = text[ns:ne]
    cm = re.search("[" + CLOSERS + STRAIGHT + "]", nxt)
    if not nxt[:1].islower() or cm is None or re.search("[" + OPENERS + "]", nxt[:cm.start()]):
        return None, False
    c = ns + cm.end()
    e = sentences.spans[sentences.around(c - 1, c)[1]][1]
    if e <= c:
        return None, False
    return att.speaker_in("\x00" + text[c:e], c - 1, sg.open_pos, c)


def _colon_subject(att: _Attributor, text: str, sentences: "Sentences", sg: Segment) -> "_Reading | None":
    """'X said:' at the end of the text before a quote."""
    before = text[max(0, sg.open_pos - 300):sg.open_pos].rstrip()
    if not before.endswith(":"):
        return None
    # the sentence ending with the colon (`before` ends at the colon)
    colon = sg.open_pos - (len(text[max(0, sg.open_pos - 300):sg.open_pos]) - len(before))
    i, _ = sentences.around(colon - 1, colon)
    s, e = sentences.spans[i]
    frame = text[s:e]
    p, _cue = att.speaker_in(frame, s, e, e)
    if p is not None:
        return _Reading(p, att.how, att.verb)
    # the first person named in the main clause, after an opening subordinate clause
    # ("Ever since she endorsed Rook, Brill has ...: '...'")
    opening = _OPENING_SUBORDINATE.match(frame)
    ms = att.index.mentions_between(s + (opening.end() if opening else 0), e)
    if ms and ms[0].person is not None:
        # no verb says who speaks: the subject of the introduction is a reading, not an attribution
        return _Reading(ms[0].person, Found("colon-subject", ms[0].start, ms[0].end, False), None)
    return None


_OPENING_SUBORDINATE = re.compile(
    r"[\s“\"]*(?:(?:and|but|ever|even|just|long)\s+)?(?:"
    + "|".join(sorted(SUBORDINATORS - {"that", "so", "than", "whether", "whereas"})) + r")\b[^,:]*,\s*", re.I)


# Between the halves of a broken quote: the attribution, with its verb, and a comma before the
# second half (", X said in March, ").
_RESUMED_AFTER = re.compile(r"[’”\"']{0,2}[,\s]+[^.?!;:“”\"]{0,60}?\b(?:" + _VERB_ALT + r")\b[^.?!;:“”\"]{0,40},\s*", re.I)
_INTRODUCED = re.compile(r"(?:\b(?:" + _VERB_ALT + r")\b[^\w\x00]{0,3}|:)\s*$", re.I)
_SPEECH_NEXT = re.compile(r"^[\s,]*(?:\S+\s+){0,4}?\b(?:" + _VERB_ALT + r")\b", re.I)


# Function words after which a quotation is a constituent of the writer's own clause, not a
# direct quote: the complementizer and subordinating conjunctions ("said that “...”" is
# indirect speech with its words quoted, as the Gender Gap Tracker annotates it), prepositions
# ("according to “A History of Rivers”"), determiners and the possessive ("called it a “...”",
# "the network's “Morning Hour”") and the copula ("the cost is “ten times the estimate”").
# Closed classes of English, not entries for any text.
_BINDING_WORDS = sorted(SUBORDINATORS | PREPOSITIONS | DETERMINERS | COPULA, key=len, reverse=True)
_BOUND_BEFORE = re.compile(r"(?:(?:^|[^\w'’])(?:" + "|".join(_BINDING_WORDS) + r")|\w['’]s)\s*$", re.I)


# A speech verb whose complement clause opens with "that" ("said Sunday that", "told reporters that").
# (A relative "that" is the subject of its clause: a verb follows it, "a phrase that could ...",
# "the towns that worked ...".)
_COMPLEMENT_THAT = re.compile(r"\b(?:" + _VERB_ALT + r")\b(?:\s+[\w’'-]+){0,4}?\s+that\s+(?!(?:"
                              + "|".join(sorted(AUXILIARIES)) + r")\b|(?-i:[a-z]+ed)\b)", re.I)


def _inside_indirect(lead: str) -> bool:
    """Whether a quotation opens inside the that-clause of reported speech: "X recalled that in
    2009, “I called ...”", "X said that if ..., a deal is possible: “...”". The complementizer
    makes what follows the reporter's clause (indirect speech), and quoted words inside it a
    mixed quotation, not a direct quote (the Gender Gap Tracker annotates them indirect, as it
    does `said that “...”`). A speech verb after the "that" introduces the quote itself ("X said
    that he would go, adding: “...”"). `lead` is the quote's sentence before its opening mark,
    other quotes blanked; the caller keeps a quote with its own speech verb after it."""
    m = None
    if "that" in lead:  # (the cheap test first: the pattern holds every speech verb)
        for m in _COMPLEMENT_THAT.finditer(lead):
            pass
    if m is None or _OPENING_SUBORDINATE.fullmatch(lead[:m.start()].rstrip() + ","):
        # in a subordinate clause the sentence opens with, the that-clause ends with it: "When
        # X suggested that Y would sue, Z fired back: '...'"
        return False
    rest = lead[m.end():]
    return next(iter(_speech_verbs(rest)), None) is None and not _SENTENCE_END.search(rest)


def _woven_in(content: str, before: str, after: str) -> bool:
    """Quoted words woven into the writer's own sentence, not a direct quote.

    A partial quote that opens in lower case inside a sentence ("Payne said she has
    “every confidence in ...”") is reported speech with some words quoted; a
    capitalised run of title words ("a scene from “The Girl Who Drew the Sea.”") is
    a title. Either counts as a quote only when introduced as speech: a speech verb
    or a colon right before the marks ("said, “the motive ...”"). Marks right after a
    function word of the sentence ("said that “...”", "according to “...”") are always
    part of the writer's clause.
    """
    if _BOUND_BEFORE.search(before):
        return True
    if _INTRODUCED.search(before):
        return False
    if content[:1].islower():
        return True
    return _is_title_like(content) and not _SPEECH_NEXT.match(after)


def _scare(before: str, content: str, cue: bool, ends_punct: bool, standalone: bool,
           after_colon: bool) -> bool:
    """Scare quotes, titles and quoted terms."""
    if standalone or after_colon:
        return False
    n = _word_count(content)
    if re.search(r"(?:so-called|so called|dubbed|termed|titled|entitled|nicknamed|known as|"
                 r"the (?:word|words|term|phrase|label|slogan|hashtag))\s*$", before, re.I):
        return True
    if _is_title_like(content) and not ends_punct and n <= 8:
        return True
    if not ends_punct and n <= 4 and not cue:
        return True
    return False


def _score(content: str, speaker: Person | None) -> float:
    n = _word_count(content)
    if n < 3:
        return 0.0
    s = min(n, 40) / 40.0
    if speaker is not None:
        s += 0.5
        if len(speaker.tokens) >= 2:
            s += 0.2
    if n > 80:
        s -= 0.2
    return round(s, 4)
