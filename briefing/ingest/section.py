"""An article's section (politics, world, ..., sport, commerce, other) and whether it is opinion,
from every signal the article carries.

Public API:

- `classify(article)` -> `Classification(section, opinion, by)`; `describe(article)` sets
  `Article.section` and `Article.opinion` from it (keeping values already set).
- `text_scores(title, text)` -> how much a text is about each section, by the IPTC Media Topics
  vocabulary (`briefing.vocabulary.topics`).

The signals, strongest first:

1. what the page says about itself (`Article.meta`, read by `webpage.py` and `feeds.py`):
   schema.org ``@type`` (``OpinionNewsArticle``, ``ReviewNewsArticle``, ``AdvertiserContentArticle``,
   ``Recipe``), ``articleSection`` / ``article:section`` / a feed entry's categories, ``og:type``,
   ``article:opinion``;
2. the URL path (``/sport/``, ``/opinion/``, ``/deals/``);
3. the byline ("Opinion", "columnist") and a genre label opening the headline ("Opinion: ...");
4. the text itself: the IPTC vocabulary for the section; the language of deal posts and press
   releases for commerce. So a plain ``.txt`` article or a newsletter is classified too.

Publisher labels are votes added to the text's scores, not verdicts: a page filed under
"Entertainment" that is about a governor's campaign is politics by its text.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache
from urllib.parse import urlsplit

from briefing.files import kept, source_key
from briefing.model import Article
from briefing.vocabulary.stopwords import stop_words
from briefing.vocabulary.topics import (COMMERCE_PHRASES, COMMERCE_TYPES, IPTC_FILE, LIFESTYLE_TYPES, OPINION_LABELS,
                                        OPINION_TYPES, REVIEW_LABELS, REVIEW_TYPES, SECTIONS, is_press_release,
                                        publisher_section, topic_concepts)

__all__ = ["Classification", "classify", "describe", "text_scores", "SECTIONS"]

LABEL_WEIGHT = 3.0
"""A concept's label names its topic; its definition's words describe it: the label counts this
many times a definition word."""
SMOOTHING = 1.0
"""Added to every section's count of a word: a word the IPTC texts use once or twice, in one
section, is weak evidence of it (it may be any common word in one definition). Tuned on the BBC
tuning half."""
HEADLINE_WEIGHT = 3.0
LEAD_WORDS = 60
LEAD_WEIGHT = 2.0
"""The headline and the lead say what an article is about; the rest adds background."""
TEXT_WORDS = 600
"""Words of the body read: what an article is about is settled long before this."""
META_WEIGHT = 0.5
"""Score, as a share of the text's total evidence, each publisher label adds to its section.
Swept 0-1 on the aeb tuning half (first 46 pages by id): 0.5 and 1 tie best at 0.63 (0 gives
0.54); the check half gives 0.52 (docs/benchmarks.md)."""
MIN_EVIDENCE = 1.0
"""Below this much vocabulary evidence a text is about nothing we can name: "other"."""
COMMERCE_HITS = 2
"""Deal or advertising phrases (`COMMERCE_PHRASES`) that make a text commerce."""

_WORD = re.compile(r"[^\W\d_][\w'’-]*", re.UNICODE)
_SENTENCE_START = re.compile(r"(?:^|[.!?]['\"’”]?\s+|\n\s*|[\"“‘]\s*)$")
_LABEL_SPLIT = re.compile(r"\s*(?:[,;/|&>]|\band\b|\s-\s)\s*")
_PATH_SPLIT = re.compile(r"[/._]+")
_OPINION_OPENING = re.compile(r"^\s*(?:opinion|editorial|op-ed|commentary|column|viewpoint|analysis)\s*[:|—–-]\s*",
                              re.I)
_OPINION_BYLINE = re.compile(r"\b(?:columnist|opinion|editorial board|op-ed|commentary|analysis by|contributing "
                             r"columnist)\b", re.I)


@dataclass(frozen=True)
class Classification:
    section: str
    opinion: bool
    by: str
    """Which signal settled the section: "metadata", "url", "text" or "none"."""


@lru_cache(maxsize=1)
def _stemmer():
    from briefing.lightnltk import stem  # Porter2, one cache for every stage; needs no downloaded data

    return stem


def _terms(text: str, limit: int | None = None, names: bool = True) -> list[str]:
    """Stemmed content words; with ``names=False`` a capitalised word inside a sentence (a name:
    "Labour", "Apple", "Liverpool") is no topic word."""
    stops = stop_words()
    stem = _stemmer()
    out = []
    for m in _WORD.finditer(text):
        if not names and m.group(0)[0].isupper() and m.start() > 0 and not _opens_sentence(text, m.start()):
            continue
        w = m.group(0).lower().strip("'’-")
        if len(w) > 2 and w not in stops:
            out.append(stem(w))
            if limit is not None and len(out) >= limit:
                break
    return out


_LOOK_BACK = 64
"""Characters before a word `_opens_sentence` reads at first: the mark that ends a sentence and
the spaces after it."""


def _opens_sentence(text: str, start: int) -> bool:
    """Whether the word at `start` opens a sentence (`_SENTENCE_START` ends the text before it).

    Only the end of that text is searched, widened while it is all spaces: searching the whole
    prefix at every capitalised word made a long article cost the square of its length."""
    begin = max(0, start - _LOOK_BACK)
    while begin and text[begin:start].isspace():
        begin = max(0, begin - _LOOK_BACK)
    # one character more: the full stop before a closing quotation mark the window starts at
    return _SENTENCE_START.search(text, max(0, begin - 1), start) is not None


def _term_sections_key() -> str:
    """What the IPTC term table is made from: the IPTC file, the code that stems and weighs it,
    and the packages it reads (`files.kept_table` keeps the table by it)."""
    return source_key(("briefing.ingest.section", "briefing.vocabulary.topics", "briefing.vocabulary.stopwords",
                       "briefing.lightnltk"), ("nltk", "sumy"), (IPTC_FILE,))


@kept("iptc-term-sections", _term_sections_key)
def _term_sections() -> dict[str, dict[str, float]]:
    """term -> {section: share}: how the term's use in the IPTC vocabulary splits over sections,
    each section's use taken relative to the size of its vocabulary (kept in the cache folder:
    stemming the vocabulary costs a tenth of a second a process)."""
    counts: dict[str, Counter] = {s: Counter() for s in SECTIONS}
    for section, label, definition in topic_concepts():
        for t in _terms(label):
            counts[section][t] += LABEL_WEIGHT
        for t in _terms(definition):
            counts[section][t] += 1.0
    totals = {s: sum(c.values()) or 1.0 for s, c in counts.items()}
    mean_total = sum(totals.values()) / len(totals)
    table: dict[str, dict[str, float]] = {}
    for term in {t for c in counts.values() for t in c}:
        # relative use per section, smoothed: a word the vocabulary uses once says little
        rates = {s: counts[s][term] / totals[s] * mean_total for s in SECTIONS}
        whole = sum(rates.values()) + SMOOTHING * len(SECTIONS)
        excess = {s: (r + SMOOTHING) / whole - 1 / len(SECTIONS) for s, r in rates.items()}
        table[term] = {s: v for s, v in excess.items() if v > 0}
    return table


def load_vocabulary() -> None:
    """Build the IPTC term table now (see `gazetteer.load_all`: once for every worker)."""
    _term_sections()


def text_scores(title: str, text: str) -> dict[str, float]:
    """Vocabulary evidence per section: each content word of the text adds its IPTC section
    shares (`_term_sections`), words of the headline and lead counting more."""
    table = _term_sections()
    scores = dict.fromkeys(SECTIONS, 0.0)
    weighted = [(t, HEADLINE_WEIGHT) for t in _terms(title or "")]
    for k, t in enumerate(_terms(text, TEXT_WORDS, names=False)):
        weighted.append((t, LEAD_WEIGHT if k < LEAD_WORDS else 1.0))
    for term, weight in weighted:
        for section, share in table.get(term, {}).items():
            scores[section] += weight * share
    return scores


# --- what the publisher says -------------------------------------------------------------------


def _label_words(label: str) -> list[str]:
    """The section names in a publisher's label: "Science & Health" gives "science" and "health",
    "World News" "world"; a label is read whole, never word by word ("Home Page" is no home)."""
    out = []
    for chunk in _LABEL_SPLIT.split(label.lower()):
        words = chunk.split()
        if words and words[-1] == "news" and len(words) > 1:
            words = words[:-1]
        if words:
            out.append("-".join(words))
    return out


def _path_words(url: str | None) -> list[str]:
    """The URL path's segments and the words of each (``/news/world-europe/`` gives "news",
    "world-europe", "world", "europe"); the article's own slug, the last segment, is left out."""
    if not url:
        return []
    segments = [s for s in urlsplit(url).path.lower().split("/") if s]
    words = []
    for seg in segments[:-1] if len(segments) > 1 else []:
        words.append(seg)
        words.extend(w for w in re.split(r"[-_.]+", seg) if w and w != seg)
    return words


def publisher_votes(article: Article) -> tuple[Counter, Counter]:
    """(votes from the page's metadata and the feed, votes from the URL path) per section."""
    meta = article.meta or {}
    labels = [*meta.get("sections", []), *meta.get("categories", [])]
    from_meta: Counter = Counter()
    for label in labels:
        found = {publisher_section(w) for w in _label_words(label)}
        for section in found - {None}:
            from_meta[section] += 1
    types = {t.lower() for t in meta.get("types", [])}
    if types & COMMERCE_TYPES and not types & {"newsarticle", "article", "reportagenewsarticle"}:
        from_meta["commerce"] += 1
    if types & LIFESTYLE_TYPES:
        from_meta["lifestyle"] += 1
    from_url: Counter = Counter()
    for section in {publisher_section(w) for w in _path_words(article.url)} - {None}:
        from_url[section] += 1
    return from_meta, from_url


def is_opinion(article: Article) -> bool:
    """Whether the article is argued writing (a column, an editorial, an op-ed, commentary), by
    what the page, the URL, the byline or the headline's genre label says. A review is not."""
    meta = article.meta or {}
    types = {t.lower() for t in meta.get("types", [])}
    if types & OPINION_TYPES:
        return True
    if types & REVIEW_TYPES:
        return False
    if meta.get("opinion") == ["true"]:  # article:opinion, as some publishers tag their pages
        return True
    labels = [w for label in [*meta.get("sections", []), *meta.get("categories", [])] for w in _label_words(label)]
    path = _path_words(article.url)
    if any(w in OPINION_LABELS for w in labels + path):
        return not any(w in REVIEW_LABELS for w in labels + path)
    if article.byline and _OPINION_BYLINE.search(article.byline):
        return True
    return bool(_OPINION_OPENING.match(article.title or ""))


# --- the section ---------------------------------------------------------------------------------


def _commerce_text(article: Article) -> bool:
    text = article.title + "\n" + article.text[:20000]
    return len(COMMERCE_PHRASES.findall(text)) >= COMMERCE_HITS or is_press_release(text)


def classify(article: Article) -> Classification:
    """The article's section and opinion flag (see the module docstring)."""
    opinion = is_opinion(article)
    scores = text_scores(article.title, article.text)
    evidence = sum(scores.values())
    from_meta, from_url = publisher_votes(article)
    if _commerce_text(article):
        return Classification("commerce", opinion, "text")
    bonus = META_WEIGHT * max(evidence, MIN_EVIDENCE)
    for section, votes in (from_meta + from_url).items():
        scores[section] += bonus * math.log2(1 + votes)
    best = max(SECTIONS, key=lambda s: (scores[s], -SECTIONS.index(s)))
    if scores[best] <= 0 or evidence < MIN_EVIDENCE and not (from_meta or from_url):
        return Classification("other", opinion, "none")
    by = "metadata" if best in from_meta else "url" if best in from_url else "text"
    return Classification(best, opinion, by)


def describe(article: Article) -> Article:
    """Set `Article.section` and `Article.opinion` (unless ingest already knows the section, e.g.
    from a saved record) and return the article."""
    if not article.section:
        found = classify(article)
        article.section, article.opinion = found.section, article.opinion or found.opinion
    return article
