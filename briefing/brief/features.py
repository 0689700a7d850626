"""An article's event features: the term counts, block by block, that clustering compares.

Found once per article, in the worker that analyses it (`batch`), and kept on it
(`AnalyzedArticle.features`); this module imports no numpy or scipy, so a worker finds them
without the matrices' import (0.15 s of scipy.sparse) that only the day's clustering needs.
`brief/clusters.py` explains the blocks and how they are weighed.
"""

from __future__ import annotations

import re
from collections import Counter
from functools import lru_cache

from briefing.model import AnalyzedArticle
from briefing.vocabulary.stopwords import stop_words

HEADLINE_WEIGHT = 2
LEAD_SENTENCES = 3
LEAD_WEIGHT = 2
"""The headline and the first sentences say what the event is; the rest adds background."""

EVENT_SENTENCES = 150
"""Sentences read per article: a news report says what happened long before this; a pasted 5 MB
dump then costs no more than a long article."""

_TOKEN = re.compile(r"[^\W\d_][\w'’-]*|\d+(?:[.,]\d+)*", re.UNICODE)
_CAPITALISED = re.compile(r"(?<![\w'’-])[A-Z][a-z][\w'’-]*")
_YEAR = re.compile(r"(?<!\d)(?:19|20)\d\d(?!\d)")
_NUMBER = re.compile(r"(?<![\w.,])\d+(?:[.,]\d+)*(?![\w])")
_POSSESSIVE = re.compile(r"['’]s?$")
CALENDAR = frozenset("""monday tuesday wednesday thursday friday saturday sunday january february march april
    may june july august september october november december""".split())
"""Capitalised but naming when, not who or where: no participant of an event."""


@lru_cache(maxsize=1)
def _stemmer():
    from briefing.lightnltk import stem  # Porter2, one cache for every stage; needs no downloaded data

    return stem


def stem(word: str) -> str:
    return _stemmer()(word)


def content_terms(text: str) -> list[str]:
    """Stemmed, lower-cased content words of `text`: no stop words, numbers or one-letter words."""
    stops = stop_words()
    stem = _stemmer()
    out = []
    for token in _TOKEN.findall(text):
        if token[0].isdigit():
            continue
        w = _POSSESSIVE.sub("", token.lower().strip("'’-"))
        if len(w) > 1 and w not in stops:
            out.append(stem(w))
    return out


def name_terms(sentence: str) -> list[str]:
    """Capitalised words inside a sentence (the first word is capitalised anyway)."""
    stops = stop_words()
    out = []
    for m in _CAPITALISED.finditer(sentence):
        if m.start() == 0 or not sentence[:m.start()].strip(" \"'“‘(-—"):
            continue
        w = _POSSESSIVE.sub("", m.group(0).lower())
        if w not in stops:
            out.append(w)
    return out


def event_features(a: AnalyzedArticle) -> dict[str, Counter]:
    """The article's term counts, block by block (see the module docstring); found once per
    article and kept on it (`AnalyzedArticle.features`)."""
    if a.features is None:
        a.features = _event_features(a)
    return a.features


def _event_features(a: AnalyzedArticle) -> dict[str, Counter]:
    words: Counter[str] = Counter()
    names: Counter[str] = Counter()
    years: Counter[str] = Counter()
    numbers: Counter[str] = Counter()
    texts = [(a.article.title, HEADLINE_WEIGHT)] if a.article.title else []
    texts += [(s, LEAD_WEIGHT if k < LEAD_SENTENCES else 1) for k, s in enumerate(a.sentences[:EVENT_SENTENCES])]
    for text, weight in texts:
        for term in content_terms(text):
            words[term] += weight
        for name in name_terms(text):
            names[name] += 1
        for year in _YEAR.findall(text):
            years[year] += 1
        for number in _NUMBER.findall(text):
            if not _YEAR.fullmatch(number):
                numbers[number] += 1
    if a.article.date and _YEAR.match(a.article.date):
        years[a.article.date[:4]] += 1
    participants = Counter({n: c for n, c in names.items() if n not in CALENDAR})
    return {"words": words, "names": names, "years": years, "numbers": numbers, "participants": participants}
