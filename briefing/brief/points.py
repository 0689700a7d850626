"""The brief's key points: one self-contained sentence per leading story.

A key point is read out of context, at the top of the page, by someone who has not read the
article. So it must stand alone: a whole sentence (never a headline, a caption or a cut-off
line), not opening on someone the reader has not met yet ("He did not say what ..."), not a
line of market figures, not a quotation, and not a repeat of a quote the page shows. Each
leading story gives at most one, so the top of the page spreads across the day's news.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from briefing.analyze.summarize import is_junk, near_duplicate, rank_sentences
from briefing.brief.rank import DEFAULT_BEATS, KEY_POINT_TIER, beat_tier, may_give_key_point
from briefing.model import AnalyzedArticle, KeyPoint, Quote, Story

MAX_KEY_POINTS = 5
FALLBACK_RANKED = 6
"""When no summary sentence of a story stands alone, its articles' next best sentences (this
many each, by the summarizer's ranking) are tried."""

_WORD = re.compile(r"\w+", re.UNICODE)


def key_point_count(n_stories: int) -> int:
    """One key point per leading story, at most `MAX_KEY_POINTS`."""
    return max(0, min(MAX_KEY_POINTS, n_stories))


# --- does a sentence stand alone? --------------------------------------------------------------

# Third-person pronouns point back to someone named earlier; before any name in the sentence,
# that someone is not on the page. Demonstratives, "it" and the deictic "here" only as the first
# word ("This was the third attack ...", "Here, a doctor gives his verdict."); later in the
# sentence they mostly refer inside it.
_PERSONAL = frozenset("he she him his her hers they them their theirs".split())
_OPENING_ONLY = frozenset("it its this these those such both here".split())
# Connectives that continue a previous sentence ("But officials said ...") and first- and
# second-person subjects outside quote marks (words from inside a quotation).
_CONTINUING = frozenset("but and or also however meanwhile still yet instead nevertheless so then now "
                        "thus hence besides moreover furthermore otherwise we i you our us my me your".split())
_OPEN_QUOTE = "\"“‘'«"
# Capitalised but naming no one: days and months.
_CALENDAR = frozenset("""monday tuesday wednesday thursday friday saturday sunday january february march
    april may june july august september october november december""".split())
_COMPLETE_END = re.compile(r"[.!?…](?:[\"”’')\]]+)?\s*$")

# Market tables and stock-index lines: "The S&P/TSX composite index rose 52.34 points to
# 14,300.01": index names (the main exchanges' benchmark indices) and the units prices move in.
_MARKET_TERMS = re.compile(
    r"\b(?:Dow(?: Jones)?|Nasdaq|S&P|TSX|FTSE|Nikkei|Hang Seng|DAX|CAC|Stoxx|Kospi|Sensex|"
    r"composite index|benchmark index|index|indices|points?|basis points|per cent|percent|"
    r"barrel|ounce|bushel|cents?|pence|yields?|shares?|stocks?)\b|%")
_NUMBER = re.compile(r"(?<![\w.])[-+]?\$?\d[\d,]*(?:\.\d+)?%?")


def opens_with_unresolved_reference(sentence: str) -> bool:
    """True when the sentence leans on one before it: it opens with a connective, a first- or
    second-person subject or a demonstrative, or uses a third-person pronoun before naming anyone
    ("He did not say what Reid was treated for."; "Reid's publicist said she ..." is fine)."""
    words = _WORD.findall(sentence)
    if not words:
        return True
    first = words[0].lower()
    if first in _CONTINUING or first in _OPENING_ONLY or first in _PERSONAL:
        return True
    # the first word is capitalised anyway: it is a name only with another after it ("Tara
    # Reid said she ...") or as a possessive ("Reid's publicist said she ...")
    if first not in _FUNCTION and (words[0][:1].isupper() and len(words) > 1 and words[1][:1].isupper()
                                   and words[1].lower() not in _CALENDAR
                                   or re.match(r"\s*\w+['’]s\b", sentence)):
        return False
    for k, w in enumerate(words[1:], 1):
        low = w.lower()
        if low in _PERSONAL:
            return True
        if w[:1].isupper() and low not in _CALENDAR:
            return False  # a name (or a proper noun) comes first
    return False


def is_market_line(sentence: str) -> bool:
    """True for a line of market figures: several numbers with an index or price unit
    ("The TSX rose 52.34 points to 14,300.01"), or mostly numbers."""
    numbers = len(_NUMBER.findall(sentence))
    words = len(sentence.split()) or 1
    if numbers >= 3 and numbers / words >= 0.25:
        return True
    return numbers >= 2 and len(_MARKET_TERMS.findall(sentence)) >= 2


def is_whole_sentence(sentence: str) -> bool:
    """Starts like a sentence, ends with a full stop (or ! ?) and closes every quotation it
    opens, so it was not cut; a headline or a caption, which end without one, is not a sentence
    to print as a point."""
    s = sentence.strip()
    if len(s.split()) < 6 or not _COMPLETE_END.search(s):
        return False
    if s.count('"') % 2 or s.count("“") != s.count("”"):
        return False  # a quotation opened and not closed: the sentence was cut inside it
    return s[:1].isupper() or s[:1].isdigit()


def stands_alone(sentence: str) -> bool:
    """Whether a sentence can be printed as a key point, out of its article."""
    s = sentence.strip()
    if not s or is_junk(s) or not is_whole_sentence(s):
        return False
    if s[0] in _OPEN_QUOTE:  # a quotation: the quotes say it, with who said it
        return False
    return not opens_with_unresolved_reference(s) and not is_market_line(s)


# --- does it repeat a quote? -------------------------------------------------------------------

_SPEECH = frozenset("""said says say told tells added adds stated states declared declares noted notes
    insisted insists warned warns according asked asks wrote writes reporters journalists briefing
    conference news statement interview press""".split())
_FUNCTION = frozenset("""a an the of in on at to for and or by with from as that this his her their its
    it he she they we on during after before while""".split())


def _content_words(text: str) -> list[str]:
    return [w.lower() for w in _WORD.findall(text) if w.lower() not in _FUNCTION and not w.isdigit()]


def _plain(text: str) -> str:
    text = text.replace("’", "'").replace("‘", "'").replace("“", '"').replace("”", '"')
    return " ".join(text.split()).casefold().strip(" \"'.,;:!?")


def mostly_quote(text: str, quotes: Sequence[Quote]) -> bool:
    """True when most of a sentence is a quote the brief shows.

    The attribution around a quote ("..., Prime Minister Petteri Orpo told a news conference
    in Helsinki") says nothing the quote's caption does not: what counts is what the sentence
    says besides the quote and who said it, not its raw length.
    """
    norm_text = _plain(text)
    for q in quotes:
        words = q.text.strip()
        if not words:
            continue
        if len(words) >= 0.5 * len(text.strip()) and near_duplicate(words, text):
            return True
        core = _plain(words)
        if len(core) < 20 or core not in norm_text:
            continue
        rest = norm_text.replace(core, " ")
        said_by = {w.lower() for w in _WORD.findall(" ".join(filter(None, (q.speaker, q.title))))}
        left = [w for w in _content_words(rest) if w not in said_by and w not in _SPEECH]
        if len(left) <= max(2, len(_content_words(core)) // 2):
            return True
    return False


def repeats_quote(text: str, quotes: Sequence[Quote]) -> bool:
    """True when the sentence prints a quote the page shows, whole or most of it."""
    norm = _plain(text)
    for q in quotes:
        core = _plain(q.text)
        if len(core) >= 20 and (core in norm or (len(norm) >= 20 and norm in core)):
            return True
    return mostly_quote(text, quotes)


# --- one point per story -----------------------------------------------------------------------


def _candidates(analyzed: Sequence[AnalyzedArticle], story: Story):
    """(article, sentence) pairs a story offers, best first: the lead article's best summary
    sentence (the lead is the article closest to the story's centre), the story's own summary,
    then each of its articles' summaries (lead article first), then their next best sentences."""
    seen: set[tuple[int, int]] = set()
    n = len(analyzed)
    lead = story.articles[0] if story.articles and 0 <= story.articles[0] < n else None
    first = [(lead, s) for s in (analyzed[lead].summary_rank or analyzed[lead].summary)[:1]] if lead is not None else []
    first += list(story.summary)
    for i in story.articles:
        if 0 <= i < n:
            a = analyzed[i]
            first += [(i, s) for s in (a.summary_rank or a.summary)]
            first += [(i, s) for s in a.summary]
    for pair in first:
        if pair not in seen and 0 <= pair[0] < n and 0 <= pair[1] < len(analyzed[pair[0]].sentences):
            seen.add(pair)
            yield pair
    for i in story.articles:
        if not 0 <= i < n:
            continue
        a = analyzed[i]
        for s in rank_sentences(a.sentences)[:FALLBACK_RANKED]:
            if (i, s) not in seen:
                seen.add((i, s))
                yield i, s


def story_key_points(analyzed: Sequence[AnalyzedArticle], stories: Sequence[Story], count: int,
                     quotes: Sequence[Quote] = (), beats: Sequence[str] = DEFAULT_BEATS) -> list[KeyPoint]:
    """At most one key point per story, for the first `count` stories that have a sentence that
    stands alone and says something no point before it says (a story without one is passed
    over). Stories not shown (`Story.shown` False) give none; nor do opinion articles, nor stories
    of the light beats on a day with news of public interest (`rank.may_give_key_point`)."""
    points: list[KeyPoint] = []
    if count <= 0:
        return points
    # issue 16: which articles may give a key point (the lead ports this to the new summariser)
    light_allowed = not any(s.shown and beat_tier(s.section, beats) >= KEY_POINT_TIER for s in stories)
    for story in stories:
        if len(points) >= count:
            break
        if not story.shown:
            continue
        for i, s in _candidates(analyzed, story):
            if not may_give_key_point(analyzed[i], beats, story=story, light_allowed=light_allowed):
                continue
            text = analyzed[i].sentences[s].strip()
            if not stands_alone(text) or repeats_quote(text, quotes):
                continue
            if any(near_duplicate(text, p.text) for p in points):
                continue
            points.append(KeyPoint(text=text, article=i, sentence=s, story=story.id))
            break
    return points
