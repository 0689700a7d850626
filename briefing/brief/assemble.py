"""Choose and rank what the one-page brief shows, across all the day's articles.

`assemble_brief` turns analyzed articles into a `Brief`: the key points (a multi-document
summary drawn only from the articles' own summaries), the quotes worth the reader's time, and
the people involved, each list ranked best first so that fitting the page can drop from the end.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import re
from collections import Counter

from briefing.model import AnalyzedArticle, Brief, BriefingError, KeyPoint, Participant, Quote
from briefing.analyze.people import merge_participants
from briefing.analyze.summarize import near_duplicate, select_key_points
from briefing.vocabulary.places import place_forms

MAX_PER_SPEAKER = 3
"""Quotes one speaker may have before every other speaker's quotes have been considered."""

READABLE_QUOTE = (40, 320)
"""Characters: a quote shorter than this says little, a longer one eats the column."""

PAGE_SIZES = ("a4", "letter")


# --- key points ------------------------------------------------------------------------------


def key_point_count(n_articles: int) -> int:
    """How many key points a day of `n_articles` gets: 2 for one article (its block below must
    keep something to say), 3 for two, then one more per article up to 5. More would only
    repeat the article blocks below them."""
    if n_articles <= 0:
        return 0
    if n_articles == 1:
        return 2
    return max(3, min(5, n_articles + 1))


def _single_article_points(a: AnalyzedArticle, quotes: list[Quote]) -> int:
    """Key points for a one-article day: at most half of what its summary has to say (the
    sentences that are not mostly a quote shown beside them), at least one. Key points that
    took the whole summary would leave the article block with its headline alone, and the
    reader would get the same sentences under two headings or none at all."""
    n = len(a.sentences)
    usable = [s for s in a.summary if 0 <= s < n and not _mostly_quote(a.sentences[s], quotes)]
    return max(1, min(2, len(usable) // 2))


_SPEECH = frozenset("""said says say told tells added adds stated states declared declares noted notes
    insisted insists warned warns according asked asks wrote writes reporters journalists briefing
    conference news statement interview press""".split())
_FUNCTION = frozenset("""a an the of in on at to for and or by with from as that this his her their its
    it he she they we on during after before while""".split())


def _content_words(text: str) -> list[str]:
    return [w.lower() for w in _WORD.findall(text) if w.lower() not in _FUNCTION and not w.isdigit()]


def _mostly_quote(text: str, quotes: list[Quote]) -> bool:
    """True when most of a sentence is a quote the brief already shows in its quotes column.

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


def _plain(text: str) -> str:
    text = text.replace("’", "'").replace("‘", "'").replace("“", '"').replace("”", '"')
    return " ".join(text.split()).casefold().strip(" \"'.,;:!?")


def _key_points(analyzed: list[AnalyzedArticle], count: int, quotes: list[Quote] | None = None) -> list[KeyPoint]:
    if count <= 0 or not analyzed:
        return []
    documents = [a.sentences for a in analyzed]
    candidates = [list(a.summary_rank or a.summary) for a in analyzed]
    # The best picks come first whatever count is asked for, so ask for a few more than
    # needed (some are skipped below) and for all of them only if that falls short: on a
    # day of 500 articles, all is 1,500 sentences compared with each other.
    total = sum(len(c) for c in candidates)
    want = min(total, 4 * count + 4)
    picks = select_key_points(documents, count=max(count, want), candidates=candidates)
    chosen, quoted = _choose_points(analyzed, picks, count, quotes)
    if len(chosen) < count and want < total:
        picks = select_key_points(documents, count=max(count, total), candidates=candidates)
        chosen, quoted = _choose_points(analyzed, picks, count, quotes)
    # a sentence that repeats a quote shown beside it is a key point only when nothing else is
    return (chosen or quoted)[:count]


def _choose_points(analyzed: list[AnalyzedArticle], picks: list[tuple[int, int]], count: int,
                   quotes: list[Quote] | None) -> tuple[list[KeyPoint], list[KeyPoint]]:
    """Key points from `picks`, in order: (chosen, quoted), stopping once `count` are chosen."""
    chosen: list[KeyPoint] = []
    quoted: list[KeyPoint] = []  # sentences that mostly repeat a quote shown beside them: last resort
    for d, i in picks:
        if i not in set(analyzed[d].summary):  # key points come only from the summaries
            continue
        text = analyzed[d].sentences[i].strip()
        if any(near_duplicate(text, p.text) for p in chosen + quoted):
            continue
        point = KeyPoint(text=text, article=d, sentence=i)
        (quoted if quotes and _mostly_quote(text, quotes) else chosen).append(point)
        if len(chosen) >= count:
            break
    return chosen, quoted


# --- quotes ----------------------------------------------------------------------------------

_WORD = re.compile(r"\w+", re.UNICODE)


def quote_rank_score(q: Quote) -> float:
    """Quote.score plus what makes a quote good on the page: a named speaker, readable length."""
    score = float(q.score or 0.0)
    if q.speaker:
        score += 1.0
        if q.title:
            score += 0.2
    n = len(q.text.strip())
    low, high = READABLE_QUOTE
    if n < low:
        score -= 1.5 * (low - n) / low  # a fragment: up to -1.5, more than a name is worth
    elif n > high:
        score -= min(1.5, (n - high) / high)
    return score


def _speaker_key(q: Quote) -> str:
    return (q.speaker or "").strip().lower()


def rank_quotes(analyzed: list[AnalyzedArticle], max_quotes: int | None = 8) -> list[Quote]:
    """All articles' quotes, near-duplicates dropped, best first, speakers taking turns.

    A speaker gets at most `MAX_PER_SPEAKER` quotes before every other speaker's quotes have
    had their turn; further quotes from them follow after the rest.
    """
    pool: list[Quote] = []
    for a in analyzed:
        for q in a.quotes:
            if not q.text or not q.text.strip():
                continue
            if not q.article:
                q.article = a.article.path
            pool.append(q)
    # Stable: on equal scores, earlier articles and earlier quotes first.
    pool.sort(key=quote_rank_score, reverse=True)
    # In rank order, each quote compared only with the quotes kept before it, and only until
    # `max_quotes` have their turn: a 5 MB article has 11,000 quotes and the page shows 8.
    limit = None if max_quotes is None else max(0, max_quotes)
    unique: list[Quote] = []
    first: list[Quote] = []
    later: list[Quote] = []
    per_speaker: Counter[str] = Counter()
    for q in pool:
        if limit is not None and len(first) >= limit:
            break
        key = _speaker_key(q)
        to_later = bool(key) and per_speaker[key] >= MAX_PER_SPEAKER
        if to_later and limit is not None and len(later) >= limit:
            continue  # could never be shown: not worth a comparison
        if any(near_duplicate(q.text, u.text) for u in unique):
            continue
        unique.append(q)
        if to_later:
            later.append(q)
        else:
            per_speaker[key] += 1
            first.append(q)
    ranked = first + later
    return ranked if max_quotes is None else ranked[:max_quotes]


# --- participants ----------------------------------------------------------------------------


def rank_participants(participants: list[Participant]) -> list[Participant]:
    """Quoted people first, then the most mentioned, then those with a title."""
    return sorted(
        participants,
        key=lambda p: (not p.quoted, -(p.mentions or 0), not p.title, -len(p.articles)),
    )


def _participants(analyzed: list[AnalyzedArticle]) -> list[Participant]:
    lists = []
    for a in analyzed:
        for p in a.participants:
            if not p.articles:
                p.articles = [a.article.path]
        lists.append(a.participants)
    merged = merge_participants(lists)
    by_path = {a.article.path: a for a in analyzed}
    merged = [p if p.affiliation else dataclasses.replace(p, affiliation=_infer_affiliation(p, by_path))
              for p in merged]
    return rank_participants(merged)


_GOVERNMENT = re.compile(r"\b(?:minister|ministry|president|premier|prime|chancellor|spokes\w*|ambassador|"
                         r"envoy|general|admiral|secretary|governor|king|emir|defen[cs]e|foreign)\b", re.I)


def _infer_affiliation(p: Participant, by_path: dict) -> str | None:
    """A country for a person the analysis gave none, from how the articles introduce them:
    the place named just before the name ("his Iranian counterpart Abbas Araghchi", "EU foreign
    policy chief Kaja Kallas") or in their title; failing that, a government title ("Defence
    Minister") in an article whose headline names one place first is taken to be that place's.
    None when nothing says (the participants table then files them under "Other")."""
    regex, names = _place_table()
    if p.title:
        found = [names[m.group(0)] for m in regex.finditer(p.title)]
        if found:
            return found[0]
    parts = [w for w in p.name.split() if len(w) > 1]
    if not parts:
        return None
    name_re = re.compile(r"(?<!\w)" + r"\s+".join(re.escape(w) for w in parts) + r"(?!\w)")
    for path in p.articles:
        a = by_path.get(path)
        if a is None:
            continue
        last = parts[-1]
        for sent in a.sentences or [a.article.text]:
            if last not in sent:  # a plain substring test first: a 5 MB article has 30,000 sentences
                continue
            for m in name_re.finditer(sent):
                before = re.split(r"[,;:\"“”()]|\b(?:said|says|told|and|with|after|met|meeting)\b",
                                  sent[:m.start()])[-1]
                words = before.split()
                window = " ".join(words[-6:])
                hits = [names[h.group(0)] for h in regex.finditer(window)]
                if hits:
                    return hits[-1]
    if p.title and _GOVERNMENT.search(p.title):
        for path in p.articles:
            a = by_path.get(path)
            if a is not None and not a.article.title_derived:
                hits = [names[h.group(0)] for h in regex.finditer(a.article.title)]
                if hits:
                    return hits[0]
    return None


# --- title -----------------------------------------------------------------------------------

_HEADLINE_WEIGHT = 3
_SUMMARY_WEIGHT = 2
_CLOSE = 0.8
"""A second place is named in the title when it scores at least this share of the first."""

_place_pattern = None


def _place_table():
    """(compiled regex of every place form, form -> place shown). Longest forms first, so "North
    Korean" is one mention of North Korea, never also one of "Korea"."""
    global _place_pattern
    if _place_pattern is not None:
        return _place_pattern
    names = place_forms()
    ordered = sorted(names, key=len, reverse=True)
    # Abbreviations with dots ("U.S.") end in a non-word character: no trailing \b for them.
    alts = [re.escape(n) + (r"(?!\w)" if not n[-1].isalnum() else r"\b") for n in ordered]
    regex = re.compile(r"(?<![\w.])(?:" + "|".join(alts) + r")")
    _place_pattern = (regex, names)
    return _place_pattern


def place_mentions(text: str) -> Counter:
    """Places a text names, once per place: {"North Korea": 1, ...} (case-sensitive names)."""
    regex, names = _place_table()
    return Counter({names[m.group(0)]: 1 for m in regex.finditer(text)})


def topic_scores(analyzed: list[AnalyzedArticle]) -> Counter:
    """How much the day's text is about each place: sentences naming it, counted once each.

    A sentence counts 1, a summary sentence 2, a headline 3 (derived headlines are the lead, so
    they count as the lead does). "The North" counts for North Korea in an article that names it.
    """
    scores: Counter[str] = Counter()
    for a in analyzed:
        summary = set(a.summary)
        sentences = a.sentences or [a.article.text]
        named = Counter()
        for i, s in enumerate(sentences):
            found = place_mentions(s)
            if re.search(r"\bthe North\b(?! (?:Atlantic|Sea|Pole|American))", s):
                found["(the North)"] = 1
            w = _SUMMARY_WEIGHT if i in summary else 1
            for place in found:
                named[place] += w
        if "(the North)" in named:
            if "North Korea" in named:
                named["North Korea"] += named["(the North)"]
            del named["(the North)"]
        if not a.article.title_derived:
            for place in place_mentions(a.article.title):
                named[place] += _HEADLINE_WEIGHT
        scores.update(named)
    return scores


def derive_title(analyzed: list[AnalyzedArticle], participants: list[Participant] | None = None) -> str:
    """"Daily Brief: " plus the place the day's articles are most about, or two when close.

    Places are counted in the articles' own text (names, demonyms, capitals; see
    `topic_scores`); when the text names none, the brief is just "Daily Brief".
    """
    per_article = [topic_scores([a]) for a in analyzed]  # each article's text is read once
    ranked = sum(per_article, Counter()).most_common()
    if not ranked:
        return "Daily Brief"
    (first, top), rest = ranked[0], ranked[1:]
    spread = _coverage(analyzed, per_article)
    if not _dominates(first, top, rest, spread, len(analyzed)):
        return NEUTRAL_TITLE
    if rest and rest[0][1] >= _CLOSE * top and rest[0][1] > 1:
        second = rest[0][0]
        if len(rest) > 1 and rest[1][1] == rest[0][1]:  # a three-way tie says nothing: one place
            return f"Daily Brief: {first}"
        if len(analyzed) >= 3 and spread.get(second, 0) < _MIN_COVERAGE * len(analyzed):
            return f"Daily Brief: {first}"
        return f"Daily Brief: {first} and {second}"
    return f"Daily Brief: {first}"


NEUTRAL_TITLE = "Daily Brief: International Affairs"
"""The title of a day no one place dominates (a mixed day of unrelated stories)."""
_MIN_COVERAGE = 0.4
"""On a day of three or more articles, a place named in the title appears in at least this share
of them."""
_AHEAD = 1.25
"""...and scores at least this much more than the next place, or is named with it."""


def _coverage(analyzed: list[AnalyzedArticle], per_article: list[Counter] | None = None) -> Counter:
    """In how many articles each place is named at all (text or headline)."""
    seen: Counter[str] = Counter()
    for k, a in enumerate(analyzed):
        places = set(per_article[k] if per_article is not None else topic_scores([a]))
        seen.update(places)
    return seen


def _dominates(first: str, top: int, rest: list, spread: Counter, n: int) -> bool:
    """Whether the day is about `first`: one or two articles always are about their top place;
    more must name it in enough of them, with its score clearly ahead of the next place's (or
    the next place, close behind, is named in enough of them too: "A and B")."""
    if n < 3:
        return True
    if spread.get(first, 0) < _MIN_COVERAGE * n:
        return False
    if rest and rest[0][1] * _AHEAD > top:
        second = rest[0][0]
        close_pair = rest[0][1] >= _CLOSE * top and spread.get(second, 0) >= _MIN_COVERAGE * n
        three_way = len(rest) > 1 and rest[1][1] * _AHEAD > top
        return close_pair and not three_way
    return True


# --- the brief -------------------------------------------------------------------------------


def assemble_brief(
    analyzed: list[AnalyzedArticle],
    title: str | None = None,
    date: dt.date | None = None,
    page_size: str = "a4",
    key_points: int | None = None,
    max_quotes: int = 8,
) -> Brief:
    """Merge analyzed articles into a `Brief`; every list ranked best first.

    `key_points` defaults to `key_point_count(len(analyzed))` (3 to 5).
    """
    page_size = (page_size or "a4").lower()
    if page_size not in PAGE_SIZES:
        raise BriefingError(f"page size must be one of {', '.join(PAGE_SIZES)}, not {page_size!r}")
    analyzed = list(analyzed)
    participants = _participants(analyzed)
    title = (title or "").strip() or derive_title(analyzed, participants)
    quotes = rank_quotes(analyzed, max_quotes)
    if key_points is None:
        key_points = key_point_count(len(analyzed))
        if len(analyzed) == 1:
            key_points = min(key_points, _single_article_points(analyzed[0], quotes))
    return Brief(
        title=title,
        date=date or dt.date.today(),
        articles=analyzed,
        key_points=_key_points(analyzed, key_points, quotes),
        quotes=quotes,
        participants=participants,
        page_size=page_size,
    )
