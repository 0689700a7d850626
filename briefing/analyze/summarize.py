"""Rank and pick summary sentences; choose a brief's key points across articles.

The default ``"news"`` summarizer is built for news copy, where the lead matters. A sentence's
score is its position prior times the square root of its forward centrality, and sentences are
ranked greedily with redundancy control:

* **junk removal** – captions, bylines, credits, "Scroll down for video" and the like are never
  chosen (`is_junk`), and positions count only the sentences that are left;
* **position prior** – ``1 / (1 + (i / LEAD_SIZE)^2)``: flat across a lead of about five
  sentences, then falling off;
* **statements first** – a fragment (under eight words) or a quotation (four quoted words or
  more) counts half: a summary states what happened, the quotes say who said what;
* **forward centrality** – the TF-IDF cosine similarity (stemmed content words, sumy's English
  stop words, our `word_tokens`) of a sentence to the sentences after it: a lead announces
  what the rest of the story develops (directed centrality, as in PacSum);
* **redundancy control** – maximal marginal relevance: each next sentence's score is multiplied
  by ``1 - its largest similarity to a sentence already ranked``; near-duplicates go last.

Long input stays fast: similarities (quadratic) are computed only over the first
`CENTRALITY_WINDOW` candidate sentences, where news puts what matters; the rest follow in
article order. Rankings are cached, so `summarize` after `rank_sentences` on the same sentences
costs nothing more.

The plain sumy algorithms are offered too (``"lexrank"``, ``"textrank"``, ``"lsa"``, ``"luhn"``,
``"sumbasic"``, ``"kl"``) plus ``"lead"``. Edmundson is left out: it needs cue word lists
(bonus/stigma words) that we would have to invent.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from functools import lru_cache

import numpy as np
from briefing.lightnltk import stem as _stem

from briefing.analyze.algorithms import ALGORITHMS
from briefing.analyze.sentences import SumyTokenizer, word_tokens
from briefing.vocabulary.boilerplate import (
    FURNITURE_LINE,
    OPENING_STAMP,
    PICTURE_AGENCIES,
    REPORTING_CREDIT_BEFORE,
    VIDEO_PROMO,
    WIRE_CREDITS,
    credit_pattern,
)
from briefing.vocabulary.stopwords import stop_words
from briefing.vocabulary.speech import SPEECH_VERBS

__all__ = [
    "ALGORITHMS",
    "is_junk",
    "longest_quotation",
    "near_duplicate",
    "rank_sentences",
    "select_key_points",
    "stem",
    "summarize",
]


# --- parameters of the "news" summarizer (few, each with a reason) --------------------------
LEAD_SIZE = 5.0
"""Sentences a news lead runs to; the position prior is half its top value at this position."""
CENTRALITY_WEIGHT = 0.5
"""Exponent on forward centrality (0 would be pure position; 0.5 lets it reorder the lead and lift
a strong later sentence over weak early ones without overruling position)."""
SHORT_SENTENCE = 8
"""Words: a shorter sentence is rarely a whole statement of the news ("The talks resumed.")."""
QUOTATION_WORDS = 4
"""Quoted words that make a sentence a quotation (a scare-quoted phrase is shorter)."""
HALF = 0.5
"""The factor on the score of a fragment and of a quotation. Both halves of the CNN/DailyMail
development set gained (R-2 over Lead-3: +1.75/+0.73 before, +1.79/+1.13 after); a stronger
penalty (0.3) on quotations gained on one half only, so the plain half was kept."""
CENTRALITY_WINDOW = 250
"""Centrality (quadratic) is computed over at most this many leading candidate sentences."""
DUPLICATE_CONTAINMENT = 0.7
"""`near_duplicate`: share of the shorter sentence's content words found in the other."""
STAMP_REST_WORDS = 5
"""An update or publication stamp, a date line or a dateline followed by at most this many words
(a time and its zone: "at 11:00 AM EDT") is the stamp alone: page furniture. With more after it,
it is a sentence behind a stamp, which summaries still never print out of its article
(`points.stands_alone`)."""
KEY_POINT_SIMILARITY = 0.5
"""`select_key_points`: TF-IDF cosine at which two sentences count as the same point."""


# --- words -----------------------------------------------------------------------------------


def stem(word: str) -> str:
    """A lower-case word's stem (Porter2, as sumy's), cached: one stemmer for every ranking."""
    return _stem(word)


def _terms(sentence: str) -> list[str]:
    """Stemmed, lower-cased content words: no stop words, no numbers."""
    return list(_terms_cached(sentence))


@lru_cache(maxsize=16384)
def _terms_cached(sentence: str) -> tuple[str, ...]:
    stops = stop_words()
    stem = _stem
    return tuple(
        stem(w)
        for w in (token.lower().strip("_'’") for token in word_tokens(sentence))
        if w and w not in stops and not w.isdigit()
    )


# --- junk ------------------------------------------------------------------------------------

_JUNK_PATTERNS = [
    # calls to action and page furniture
    r"^\W*(scroll|swipe)\s+(down|up|left|right)\b",
    r"^\W*(click|tap)\s+(here|below|to|on|through)\b",
    r"\b(scroll down|click here|tap here)\b.{0,40}\b(video|pictures?|photos?|more|gallery)\W*$",
    r"^\W*(read|see|watch|view)\s+(more|also|the\s+(full|video|gallery)|video|related|next)\b.{0,80}$",
    r"^\W*(related|advertisement|sponsored)(\s+(stories|articles|links|content|coverage))?\s*(:.{0,80})?$",
    r"^\W*(share this|share on|follow us|sign up|subscribe)\b.{0,80}$",
    r"^\W*(video|watch|gallery|pictured|pictures?|photos?|images?)\s*:?\s*$",
    r"^\W*follow\s+(@\w+|us|him|her|them|me)\b.{0,60}$",
    r"^\W*(published|last updated|updated|posted)\s*(:|\bat\b|\bon\b)\s*((at|on)\s*)?\d",
    # photo and agency credits
    r"^\W*(photo|picture|image|photograph|credit|source|illustration|graphic)s?\s*(credit)?\s*[:/|].{0,80}$",
    r"(?:^|[(|:/]\s*)(?:(?:" + credit_pattern() + r")(?: photo|/getty| wire)|rex/shutterstock|"
    + "|".join(map(re.escape, PICTURE_AGENCIES)) + r")\b[^.]{0,30}$",
    # social handles, hashtags, e-mail, URLs on their own
    r"^\W*([@#][\w.]+[\s,]*)+\W*$",
    r"^\W*\S+@\S+\.\w+\W*$",
    r"^\W*(https?://|www\.)\S+\W*$",
    # bare datelines and dates
    r"^\W*[a-z][a-z .,'-]{1,40}\((" + "|".join(map(re.escape, WIRE_CREDITS)) + r")\)\W*$",
    r"^\W*(mon|tues|wednes|thurs|fri|satur|sun)day\b[\w ,.]{0,30}\d{4}\W*$",
    r"^\W*\d{1,2}\s+(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?,?\s+\d{4}\W*$",
    r"^\W*(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+\d{1,2},?\s+\d{4}\W*$",
    r"^\W*\d{4}-\d{2}-\d{2}([ T][\d:]+)?\W*$",
]
# case matters for these: names and credits are capitalised
_NAME = r"[A-Z][\w.'’-]*(?:\s+(?:[A-Z][\w.'’-]*|de|van|von|bin|al|da|di|la|le))*"
_JUNK_CASED_PATTERNS = [
    # bylines: "By Jane Smith", "By . Jane Smith and John Doe, Political Editor", "By JANE SMITH | AP"
    rf"^\W*[Bb][Yy]\s*\.?\s*{_NAME}(?:\s*(?:,|and|&)\s*{_NAME})*"
    r"(?:\s*(?:,|\||-|–|—|for|in)\s*[\w .'’&-]{0,60})?\W*$",
    # a credit alone in brackets: "(Kyodo News)", "(Photo: AFP)"
    r"^\W*\((?:[Pp]hoto|[Pp]icture|[Ii]mage)?\s*:?\s*[A-Z][\w .&/'-]{0,40}\)\W*$",
    # a caption that ends in its picture credit: "... in Lagos on Friday. (Anadolu Agency)"
    r"\((?:[A-Z][\w.&'-]*\s){0,3}(?:News|Photos?|Pictures?|Images|Press|Agency|Wire|Handout)\)\W*$",
    r"\((?:" + "|".join(map(re.escape, WIRE_CREDITS)) + ")"
    r"(?:\s?(?:Photo|Images|News|/[^)]{1,30}))?\)\W*$",
]


def _alternation(patterns: list[str], flags: int = 0) -> re.Pattern:
    return re.compile("|".join(f"(?:{p})" for p in patterns), flags)


# patterns that start with "^" are tried once, at the start (re.match); the rest anywhere
_JUNK_AT_START = [
    _alternation([p[1:] for p in _JUNK_PATTERNS if p.startswith("^")], re.IGNORECASE),
    _alternation([p[1:] for p in _JUNK_CASED_PATTERNS if p.startswith("^")]),
]
_JUNK_ANYWHERE = [
    _alternation([p for p in _JUNK_PATTERNS if not p.startswith("^")], re.IGNORECASE),
    _alternation([p for p in _JUNK_CASED_PATTERNS if not p.startswith("^")]),
]

# "Flying high: Half of the kite took to the sky" – a short label, a colon, then text that is
# not a quotation; "He said: 'I think..." and "A spokesman told the BBC: ..." are speech.
_CAPTION_LABEL = re.compile(r"^([\w'’ -]{1,40}):\s+[^\s'\"‘“]")
_SPEECH = re.compile(r"\b(?:" + "|".join(sorted(SPEECH_VERBS, key=len, reverse=True)) + r")\b", re.IGNORECASE)
_TERMINAL = re.compile(r"[.!?…:;\"'”’)\]]\s*$")
_URL_OR_MAIL = re.compile(r"(https?://|www\.)\S+|\S+@\S+\.\w+", re.IGNORECASE)


def is_junk(sentence: str) -> bool:
    """True for text that is page furniture, not news: it is never chosen for a summary.

    Captions ("Flying high: Half of the kite took to the sky" with no full stop), "Scroll down
    for video", "Click here", bylines ("By Jane Smith"), bare datelines and dates, lines of
    social handles or hashtags, e-mail or URL lines, photo credits ("(Kyodo News)",
    "Photo: AP"), "Read more" and the like.
    """
    s = sentence.strip()
    if not s:
        return True
    words = s.split()
    if not any(ch.isalpha() for ch in s):
        return True
    if any(p.match(s) for p in _JUNK_AT_START) or any(p.search(s) for p in _JUNK_ANYWHERE):
        return True
    if FURNITURE_LINE.match(s.rstrip(" .:")) or VIDEO_PROMO.match(s) or REPORTING_CREDIT_BEFORE.match(s.rstrip(" .")):
        return True
    stamp = OPENING_STAMP.match(s)  # "UPDATED 05/03/2013 at 11:00 AM EDT", "LONDON (AP) _"
    if stamp and len(s[stamp.end():].split()) <= STAMP_REST_WORDS:
        return True
    # mostly links / addresses
    if _URL_OR_MAIL.search(s):
        rest = _URL_OR_MAIL.sub(" ", s)
        if len(rest.split()) <= 4:
            return True
    terminal = bool(_TERMINAL.search(s))
    if not terminal:
        # a caption: "Label: text" without a full stop, or a short fragment
        if len(words) < 4:
            return True
        label = _CAPTION_LABEL.match(s)
        if label and not _SPEECH.search(label.group(1)):
            return True
    return False


# --- similarity ------------------------------------------------------------------------------


def near_duplicate(a: str, b: str) -> bool:
    """True when two sentences say the same thing: most of the content words of the shorter one
    (at least `DUPLICATE_CONTAINMENT`) occur in the other, or the two are identical."""
    if a.strip().lower() == b.strip().lower():
        return True
    return _sets_duplicate(set(_terms(a)), set(_terms(b)))


def _sets_duplicate(ta: set[str], tb: set[str]) -> bool:
    if not ta or not tb:
        return False
    small = min(len(ta), len(tb))
    common = len(ta & tb)
    if small < 3:
        return common == small and max(len(ta), len(tb)) <= 2 * small
    return common / small >= DUPLICATE_CONTAINMENT


def _tfidf_matrix(term_lists: list[list[str]]) -> np.ndarray:
    """Rows: L2-normalised TF-IDF vectors (log tf, smoothed sentence-level idf)."""
    vocab: dict[str, int] = {}
    for terms in term_lists:
        for t in terms:
            vocab.setdefault(t, len(vocab))
    n = len(term_lists)
    m = np.zeros((n, max(1, len(vocab))))
    for row, terms in enumerate(term_lists):
        for t, c in Counter(terms).items():
            m[row, vocab[t]] = 1.0 + math.log(c)
    df = (m > 0).sum(axis=0)
    idf = np.log((1.0 + n) / (1.0 + df)) + 1.0
    m *= idf
    norms = np.linalg.norm(m, axis=1)
    norms[norms == 0] = 1.0
    return m / norms[:, None]


def _forward_centrality(sim: np.ndarray) -> np.ndarray:
    """How much of what follows each sentence it sums up: its total similarity to the sentences
    *after* it, scaled to mean 1 (directed centrality, as in PacSum: Zheng and Lapata, 2019).
    A news lead announces what the rest of the story develops; a late sentence that only echoes
    earlier ones gains nothing from them."""
    forward = np.triu(sim, 1).sum(axis=1)
    mean = forward.mean()
    return forward / mean if mean > 0 else np.ones(len(forward))


def _position_prior(n: int) -> np.ndarray:
    """``1 / (1 + (i / LEAD_SIZE)^2)`` for the i-th candidate sentence: nearly flat across a lead
    of `LEAD_SIZE` sentences (0.96 for the second, 0.5 at `LEAD_SIZE`), then falling as 1/i^2."""
    pos = np.arange(n, dtype=float)
    return 1.0 / (1.0 + (pos / LEAD_SIZE) ** 2)


# --- ranking ---------------------------------------------------------------------------------


def _rank_news(sentences: tuple[str, ...]) -> list[int]:
    n = len(sentences)
    junk = [is_junk(s) for s in sentences]
    candidates = [i for i in range(n) if not junk[i]]
    window = candidates[:CENTRALITY_WINDOW]
    rest = candidates[CENTRALITY_WINDOW:]
    if not window:
        return list(range(n))
    terms = [_terms(sentences[i]) for i in window]
    vec = _tfidf_matrix(terms)
    sim = vec @ vec.T
    score = _position_prior(len(window)) * np.power(_forward_centrality(sim), CENTRALITY_WEIGHT)
    score *= [_statement_weight(sentences[i]) for i in window]
    order = _mmr(score, sim, _duplicate_matrix(vec > 0))
    ranked = [window[k] for k in order]
    return ranked + rest + [i for i in range(n) if junk[i]]


_QUOTATION = re.compile(r"[\"“”]([^\"“”]*)[\"“”]|[\"“]([^\"“”]*)$")


def longest_quotation(sentence: str) -> int:
    """Words in the longest stretch of the sentence inside double quotation marks (one left
    open at the end counts to the end)."""
    return max((len((m.group(1) or m.group(2) or "").split()) for m in _QUOTATION.finditer(sentence)), default=0)


def _statement_weight(sentence: str) -> float:
    """How much a sentence is a statement of the news, as a factor on its score: a fragment
    (under `SHORT_SENTENCE` words) or a quotation (`QUOTATION_WORDS` or more quoted words: what
    someone said, which the quotes give with the speaker) counts `HALF` as much for each."""
    weight = HALF if len(sentence.split()) < SHORT_SENTENCE else 1.0
    return weight * (HALF if longest_quotation(sentence) >= QUOTATION_WORDS else 1.0)


def _mmr(score: np.ndarray, sim: np.ndarray, duplicate: np.ndarray) -> list[int]:
    """Greedy ranking with redundancy control (maximal marginal relevance): the next sentence is
    the one with the best ``score x (1 - largest similarity to a sentence already ranked)``;
    near-duplicates of a ranked sentence go to the back. Ties go to the earlier sentence."""
    n = len(score)
    taken = np.zeros(n, dtype=bool)
    max_sim = np.zeros(n)
    is_dupe = np.zeros(n, dtype=bool)
    chosen: list[int] = []
    dupes: list[int] = []
    for _ in range(n):
        gain = np.where(taken, -np.inf, score * (1.0 - np.clip(max_sim, 0.0, 1.0)))
        best = int(np.argmax(gain))  # first maximum: the earlier sentence wins a tie
        taken[best] = True
        if is_dupe[best]:
            dupes.append(best)
            continue
        chosen.append(best)
        max_sim = np.maximum(max_sim, sim[best])
        is_dupe |= duplicate[best]
    return chosen + dupes


def _duplicate_matrix(incidence: np.ndarray) -> np.ndarray:
    """`_sets_duplicate` for every pair of rows of a 0/1 sentence-by-term matrix at once."""
    b = incidence.astype(float)
    common = b @ b.T
    size = b.sum(axis=1)
    small = np.minimum(size[:, None], size[None, :])
    large = np.maximum(size[:, None], size[None, :])
    with np.errstate(divide="ignore", invalid="ignore"):
        share = np.where(small > 0, common / np.maximum(small, 1), 0.0)
    tiny = (small > 0) & (small < 3) & (common == small) & (large <= 2 * small)
    return ((small >= 3) & (share >= DUPLICATE_CONTAINMENT)) | tiny


def _unknown_algorithm(algorithm: str) -> ValueError:
    return ValueError(f"unknown summary algorithm {algorithm!r}; choose one of {', '.join(ALGORITHMS)}")


def _sumy_document(sentences: list[str]):
    from sumy.models.dom import ObjectDocumentModel, Paragraph, Sentence

    tokenizer = SumyTokenizer()
    return ObjectDocumentModel([Paragraph([Sentence(s, tokenizer) for s in sentences])])


def _sumy_summarizer(algorithm: str):
    from sumy.nlp.stemmers import Stemmer

    stemmer = Stemmer("english")
    if algorithm == "lexrank":
        from sumy.summarizers.lex_rank import LexRankSummarizer as cls
    elif algorithm == "textrank":
        from sumy.summarizers.text_rank import TextRankSummarizer as cls
    elif algorithm == "lsa":
        from sumy.summarizers.lsa import LsaSummarizer as cls
    elif algorithm == "luhn":
        from sumy.summarizers.luhn import LuhnSummarizer as cls
    elif algorithm == "sumbasic":
        from sumy.summarizers.sum_basic import SumBasicSummarizer as cls
    elif algorithm == "kl":
        from sumy.summarizers.kl import KLSummarizer as cls
    else:
        raise _unknown_algorithm(algorithm)
    summarizer = cls(stemmer)
    summarizer.stop_words = stop_words()
    return summarizer


def _rank_sumy(sentences: list[str], algorithm: str) -> list[int]:
    """All indices by the sumy algorithm's own rating, best first.

    sumy's summarizers sort every sentence by rating and then call the ``count`` argument on that
    list to cut it; passing a callable that records the order gives the complete ranking.
    """
    summarizer = _sumy_summarizer(algorithm)
    document = _sumy_document(sentences)
    index: dict[str, list[int]] = {}
    for i, s in enumerate(document.sentences):
        index.setdefault(str(s), []).append(i)
    order: list[int] = []

    def record(infos):
        infos = list(infos)
        order.extend(info.order for info in infos)
        return infos

    with np.errstate(all="ignore"):  # degenerate input (no words) makes sumy divide by zero
        summarizer(document, record)
    seen = set(order)
    order += [i for i in range(len(sentences)) if i not in seen]
    return order


def rank_sentences(sentences: list[str], algorithm: str = "news") -> list[int]:
    """Every index of `sentences`, most important first, by `algorithm` (one of `ALGORITHMS`).

    For ``"news"`` junk sentences come last; sumy's algorithms rank them like any other text
    (`summarize` skips them either way).
    """
    if algorithm not in ALGORITHMS:
        raise _unknown_algorithm(algorithm)
    return list(_ranked(tuple(sentences), algorithm))


REMEMBERED_RANKINGS = 4096
"""Rankings `remember_ranking` keeps (the oldest go first): more than a day's articles."""
_remembered: dict[tuple[str, ...], tuple[int, ...]] = {}


def remember_ranking(sentences: list[str], ranking: list[int]) -> None:
    """Keep the ``news`` ranking of `sentences` that analysis made (`AnalyzedArticle.ranking`,
    perhaps in another process), so that `rank_sentences` answers from it instead of ranking the
    same sentences again: a story of one article, its block and its key point each ask."""
    if ranking and len(ranking) == len(sentences):
        key = tuple(sentences)
        _remembered.pop(key, None)
        _remembered[key] = tuple(ranking)
        while len(_remembered) > REMEMBERED_RANKINGS:
            del _remembered[next(iter(_remembered))]


@lru_cache(maxsize=16)
def _ranked(sentences: tuple[str, ...], algorithm: str) -> tuple[int, ...]:
    if not sentences:
        return ()
    if algorithm == "news":
        return _remembered.get(sentences) or tuple(_rank_news(sentences))
    if algorithm == "lead":
        return tuple(range(len(sentences)))
    return tuple(_rank_sumy(list(sentences), algorithm))


def summarize(
    sentences: list[str],
    count: int | None = 3,
    words: int | None = None,
    algorithm: str = "news",
) -> list[int]:
    """Indices of the chosen summary sentences, in article order.

    `count` caps the number of sentences; `words` is a word budget: ranked sentences are taken
    while they fit (a longer one is skipped, a shorter later one may still fit). Either may be
    None; with both None, three sentences. Junk (`is_junk`) and near-duplicates of a sentence
    already chosen are never chosen.
    """
    if count is None and words is None:
        count = 3
    chosen: list[int] = []
    used = 0
    chosen_terms: list[set[str]] = []
    for i in rank_sentences(sentences, algorithm):
        if count is not None and len(chosen) >= count:
            break
        s = sentences[i]
        if is_junk(s):
            continue
        terms = set(_terms(s))
        if any(_sets_duplicate(terms, t) for t in chosen_terms) or any(
            s.strip().lower() == sentences[j].strip().lower() for j in chosen
        ):
            continue
        n_words = len(s.split())
        if words is not None and used + n_words > words:
            continue
        chosen.append(i)
        chosen_terms.append(terms)
        used += n_words
    return sorted(chosen)


def select_key_points(
    documents: list[list[str]],
    count: int = 5,
    candidates: list[list[int]] | None = None,
) -> list[tuple[int, int]]:
    """A multi-document extractive summary: ``(document, sentence)`` pairs, best first.

    Each document offers its sentences in its own rank order (the "news" ranking, or
    `candidates[d]`, e.g. an article's summary indices, taken as given, best first). Points are
    dealt out in rounds – every document's best remaining sentence in round one, and so on – so
    the page spreads across articles; within a round, sentences whose content words the other
    documents share most (support: the story of the day) go first. A sentence that repeats a
    point already chosen, from any document, is skipped – `near_duplicate`, or a TF-IDF cosine
    of at least `KEY_POINT_SIMILARITY` – so two articles on the same event do not both put the
    same fact on the page.
    """
    if count <= 0 or not documents:
        return []
    queues: list[list[int]] = []
    for d, sents in enumerate(documents):
        if candidates is not None and d < len(candidates) and candidates[d] is not None:
            order = [i for i in candidates[d] if 0 <= i < len(sents)]
        else:
            order = rank_sentences(sents)
        queue = []
        for i in dict.fromkeys(order):
            if not is_junk(sents[i]):
                queue.append(i)
        queues.append(queue)
    keys = [(d, i) for d, q in enumerate(queues) for i in q]
    if not keys:
        return []
    term_lists = [_terms(documents[d][i]) for d, i in keys]
    row = {key: k for k, key in enumerate(keys)}
    term_sets = [set(t) for t in term_lists]
    vec = _tfidf_matrix(term_lists)
    doc_terms = [set() for _ in documents]
    for (d, _), t in zip(keys, term_sets):
        doc_terms[d] |= t
    others = max(1, len(documents) - 1)

    def support(k: int) -> float:
        d = keys[k][0]
        t = term_sets[k]
        if not t:
            return 0.0
        return sum(len(t & doc_terms[e]) / len(t) for e in range(len(documents)) if e != d) / others

    def repeats(k: int, taken: list[int]) -> bool:
        return any(
            _sets_duplicate(term_sets[k], term_sets[j]) or float(vec[k] @ vec[j]) >= KEY_POINT_SIMILARITY
            for j in taken
        )

    chosen: list[int] = []
    positions = [0] * len(queues)
    while len(chosen) < count:
        round_picks: list[int] = []
        for d, q in enumerate(queues):
            while positions[d] < len(q):
                k = row[(d, q[positions[d]])]
                positions[d] += 1
                if not repeats(k, chosen + round_picks):
                    round_picks.append(k)
                    break
        if not round_picks:
            break
        round_picks.sort(key=lambda k: (-support(k), keys[k][0]))
        chosen.extend(round_picks[: count - len(chosen)])
    return [keys[k] for k in chosen]
