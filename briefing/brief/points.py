"""The brief's key points: one self-contained sentence per leading story (three at least: on a
day of one or two stories, their next developments too).

A key point is read out of context, at the top of the page, by someone who has not read the
article. So it must stand alone: a whole sentence (never a headline, a caption or a cut-off
line), not opening on someone the reader has not met yet ("He did not say what ..."), not a
line of market figures, not a quotation, and not a repeat of a quote the page shows. Each
leading story gives one, so the top of the page spreads across the day's news: the sentence its
summary ranks first (`stories.story_summary`: the one that states the development best).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence

from briefing.analyze.mentions import PERSON_TITLES
from briefing.analyze.summarize import is_junk, near_duplicate, rank_sentences
from briefing.brief.novelty import Known
from briefing.brief.rank import DEFAULT_BEATS, KEY_POINT_TIER, beat_tier, may_give_key_point
from briefing.model import AnalyzedArticle, KeyPoint, Quote, Story
from briefing.vocabulary.boilerplate import OPENING_STAMP
from briefing.vocabulary.grammar import SHELL_COMPLEMENTS, SHELL_NOUNS
from briefing.vocabulary.places import place_forms

MAX_KEY_POINTS = 5
"""At most this many key points: the page's summary is three to five lines (issue 17; the design card)."""
MIN_KEY_POINTS = 3
"""A page has at least this many key points when its stories offer them: on a day of one or two
stories, their next developments (the top of a page is what the principal reads first)."""
FALLBACK_RANKED = 6
"""When no summary sentence of a story stands alone, its articles' next best sentences (this
many each, by the summarizer's ranking) are tried."""

_WORD = re.compile(r"\w+", re.UNICODE)
_WORD_OR_HYPHEN = re.compile(r"\w[\w-]*", re.UNICODE)
_PERSON_NOUNS = PERSON_TITLES - {"officials", "chiefs", "messrs", "prosecution", "prosecutions", "head", "m"}
"""Nouns that name a person by role (`mentions.PERSON_TITLES`), singular: the heads of a description."""


def key_point_count(n_stories: int) -> int:
    """One key point per leading story, at most `MAX_KEY_POINTS`, at least `MIN_KEY_POINTS`
    (none without a story)."""
    return 0 if n_stories <= 0 else max(MIN_KEY_POINTS, min(MAX_KEY_POINTS, n_stories))


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


# A contrastive or sequential connective set off inside the sentence ("The minister, however,
# said ...") relates it to the sentence before, as one opening it does.
_CONNECTIVE_INSIDE = re.compile(r",\s+(?:however|though|nevertheless|meanwhile|instead|in turn|in contrast|by contrast|"
                                r"on the other hand|for (?:his|her|their|its) part|too|also)\s*,", re.I)


def opens_with_unresolved_reference(sentence: str) -> bool:
    """True when the sentence leans on one before it: it opens with a connective (or sets one off
    inside: "The minister, however, said ..."), a first- or second-person subject or a
    demonstrative, or uses a third-person pronoun before naming anyone ("He did not say what Reid
    was treated for."; "In Seoul, he met ..."; "Reid's publicist said she ..." is fine)."""
    words = _WORD.findall(sentence)
    if not words or _CONNECTIVE_INSIDE.search(_QUOTED.sub(" ", sentence)):
        return True
    # an acronym is no pronoun: "US officials said ..." is not "us"
    first = words[0] if len(words[0]) > 1 and words[0].isupper() else words[0].lower()
    if first in _CONTINUING or first in _OPENING_ONLY or first in _PERSONAL:
        return True
    # the first word is capitalised anyway: it is a name only with another after it ("Tara
    # Reid said she ...") or as a possessive ("Reid's publicist said she ...")
    if first not in _FUNCTION and (words[0][:1].isupper() and len(words) > 1 and words[1][:1].isupper()
                                   and words[1].lower() not in _CALENDAR
                                   or re.match(r"\s*\w+['’]s\b", sentence)):
        return False
    places = place_forms()
    for k, w in enumerate(words[1:], 1):
        low = w.lower()
        if low in _PERSONAL:
            return True
        if w[:1].isupper() and low not in _CALENDAR and w not in places:
            return False  # a name (or a proper noun) comes first; a place is no one "he" can be
    return False


_DEFINITE = frozenset("the this that".split())
_AGE = re.compile(r"\d+-year-old$")
_SUBJECT_WORDS = 8
"""A description this far into a sentence is its subject (or an opening clause's): a later
"the minister" mostly has its antecedent in the sentence."""


def opens_with_description(sentence: str) -> bool:
    """True when the sentence's subject is a person described, not named: "the diplomat", "the
    career diplomat", "the 82-year-old" (a definite description points back to a person the
    article named before), with no name before it and none right after it ("the minister,
    Lee Soo-hyuck, said" and "the Chinese foreign minister" say who)."""
    words = _WORD_OR_HYPHEN.findall(sentence)[:_SUBJECT_WORDS + 3]
    for k, w in enumerate(words[:_SUBJECT_WORDS]):
        if k and w[:1].isupper() and w.lower() not in _CALENDAR and w not in place_forms():
            return False  # a name comes first
        if w.lower() not in _DEFINITE:
            continue
        for j in range(k + 1, min(k + 4, len(words))):
            head = words[j]
            if head[:1].isupper():
                break  # a named or capitalised qualifier: "the U.S. ambassador"
            if head.lower() in _PERSON_NOUNS or _AGE.match(head):
                after = words[j + 1] if j + 1 < len(words) else ""
                return not (after[:1].isupper() or after.lower() == "of")
    return False


_SHELL_DETERMINERS = frozenset("the this that these those such".split())
_SHELL_OPENING = re.compile(r"\s*[\"“‘']?(\w+)\s+(?:(\w[\w-]*)\s+)?(\w+)(?:\s*([,;:]|\w+))?")


def opens_with_shell_noun(sentence: str) -> bool:
    """True when the sentence's subject is a shell noun that points back ("The move came a day
    after ...", "This decision was welcomed by ...", "The latest announcement ...":
    `grammar.SHELL_NOUNS`), with no complement of its own after it ("the decision to close ...",
    "the news that ...", "the report, published ..." carry their content)."""
    m = _SHELL_OPENING.match(sentence)
    if not m or m.group(1).lower() not in _SHELL_DETERMINERS:
        return False
    modifier, noun, after = m.group(2), m.group(3), m.group(4) or ""
    if noun.lower() not in SHELL_NOUNS or not noun.islower():
        if modifier is None or modifier.lower() not in SHELL_NOUNS or not modifier.islower():
            return False
        noun, after = modifier, noun  # "The news came ...": no modifier
    elif modifier is not None and not modifier.islower():
        return False  # "The Senate decision ...": a name says whose
    return not (after[:1] in ",;:" and after or after.lower() in SHELL_COMPLEMENTS)


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


_QUESTION_END = re.compile(r"\?[\"”’')\]]*\s*$")


def is_question(sentence: str) -> bool:
    """True for a question: it asks the reader, or the article answers it next; it states nothing."""
    return bool(_QUESTION_END.search(sentence))


def opens_with_stamp(sentence: str) -> bool:
    """True when a dateline, an update stamp or a date line opens the sentence ("LONDON (AP) _
    ...", "UPDATED 05/03/2013 at 11:00 AM EDT ...": `boilerplate.OPENING_STAMP`)."""
    return bool(OPENING_STAMP.match(sentence.strip()))


_PERSON = re.compile(r"\b(?:I|[Mm]e|[Mm]y|[Ww]e|us|[Oo]urs?|[Yy]ou|[Yy]ours?)\b(?![.'’]?\w)|\bI(?=['’]\w)")
_QUOTED = re.compile(r"[\"“][^\"“”]*[\"”]|‘[^‘’]*’")
_ORDINAL_NAME = re.compile(r"[A-Z][a-z]+\s$")  # "World War I", "Elizabeth I": a numeral, not "I"


def speaks_in_person(sentence: str) -> bool:
    """True when the sentence says "I", "we" or "you" outside quotation marks: a writer's own
    voice (a column, a letter) or a quotation whose marks were lost, not a report of what
    happened ("Every time you appear ..."). Inside quotation marks it is the speaker's."""
    plain = _QUOTED.sub(" ", sentence)
    for m in _PERSON.finditer(plain):
        if m.group(0) == "I" and _ORDINAL_NAME.search(plain[max(0, m.start() - 20):m.start()]):
            continue
        return True
    return False


def stands_alone(sentence: str) -> bool:
    """Whether a sentence can be printed out of its article, as a key point or in a story's
    summary: a whole statement (no caption, credit, headline, question or cut-off line), no
    stamp or dateline at its start, not a quotation nor the writer's own voice, nothing it
    leans on before it (a pronoun, a connective, a person described, a shell noun: "The move
    came ...")."""
    s = sentence.strip()
    if not s or is_junk(s) or not is_whole_sentence(s) or is_question(s) or opens_with_stamp(s) or speaks_in_person(s):
        return False
    if s[0] in _OPEN_QUOTE:  # a quotation: the quotes say it, with who said it
        return False
    return not (opens_with_unresolved_reference(s) or opens_with_description(s) or opens_with_shell_noun(s)
                or is_market_line(s))


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
    """(article, sentence) pairs a story offers, best first: its summary's sentences in the
    summary's rank (the first states the story's development best: `stories.story_summary`),
    then each of its articles' own summaries (lead article first), then their next best
    sentences."""
    seen: set[tuple[int, int]] = set()
    n = len(analyzed)
    first = list(story.summary_rank or story.summary)
    for i in story.articles:
        if 0 <= i < n:
            a = analyzed[i]
            first += [(i, s) for s in (a.summary_rank or a.summary)]
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


PointFilter = Callable[[AnalyzedArticle, int], bool]
"""``may_state(article, sentence)``: whether that sentence may be a key point at all."""


def story_key_points(analyzed: Sequence[AnalyzedArticle], stories: Sequence[Story], count: int,
                     quotes: Sequence[Quote] = (), may_state: PointFilter | None = None,
                     beats: Sequence[str] = DEFAULT_BEATS) -> list[KeyPoint]:
    """Up to `count` key points: one for each of the first stories that has a sentence that
    stands alone and says something no point before it says (a story without one is passed
    over); when that makes fewer than `MIN_KEY_POINTS` (a day of one or two stories), the next
    developments of those stories (the next sentences of their summaries' ranking), story by
    story, round after round, while a story's summary keeps a sentence for its block.
    Stories not shown (`Story.shown` False) give none; nor do sentences `may_state` refuses, opinion
    articles, or stories of the light beats on a day with news of public interest
    (`rank.may_give_key_point`). A continuing story's point is today's development: never a
    sentence that repeats what its earlier briefs' articles said (`Story.known`,
    `novelty.Known`); a continuing story with nothing new gives none."""
    points: list[KeyPoint] = []
    shown = [st for st in stories if st.shown]
    if count <= 0 or not shown:
        return points
    light_allowed = not any(beat_tier(st.section, beats) >= KEY_POINT_TIER for st in shown)
    known: dict[str, Known] = {}  # what a continuing story's earlier reports said, prepared once per story

    def acceptable(i: int, s: int, story: Story) -> str | None:
        if not may_give_key_point(analyzed[i], beats, story=story, light_allowed=light_allowed):
            return None
        text = analyzed[i].sentences[s].strip()
        if not stands_alone(text) or repeats_quote(text, quotes) or (may_state and not may_state(analyzed[i], s)):
            return None
        if any((p.article, p.sentence) == (i, s) or near_duplicate(text, p.text) for p in points):
            return None
        if story.known:  # a continuing story's key point is today's development, not the background
            if story.id not in known:
                known[story.id] = Known(story.known)
            if known[story.id].repeats(text):
                return None
        return text

    for story in shown[:count]:
        for i, s in _candidates(analyzed, story):
            text = acceptable(i, s, story)
            if text is not None:
                points.append(KeyPoint(text=text, article=i, sentence=s, story=story.id))
                break
    while len(points) < min(count, MIN_KEY_POINTS):  # a day of one or two stories: their next developments
        added = False
        for story in shown[:count]:
            ranked = story.summary_rank or story.summary
            taken = {(p.article, p.sentence) for p in points if p.story == story.id}
            if len([pair for pair in ranked if pair not in taken]) < 2:
                continue  # its last summary sentence stays for its block
            for i, s in ranked:
                text = acceptable(i, s, story) if 0 <= i < len(analyzed) and 0 <= s < len(analyzed[i].sentences) else None
                if text is not None:
                    points.append(KeyPoint(text=text, article=i, sentence=s, story=story.id))
                    added = True
                    break
            if len(points) >= count:
                break
        if not added:
            break
    return points
