"""Rank and pick summary sentences; choose a brief's key points across articles.

The default ``"news"`` summarizer is built for news copy, where the lead matters:

* **junk removal** – captions, bylines, credits, "Scroll down for video" and the like are never
  chosen (`is_junk`);
* **centrality** – LexRank-style continuous centrality over TF-IDF cosine similarity of stemmed
  content words (the same features sumy's summarizers use, via our `SumyTokenizer` words);
* **a position prior** – a sentence's prior weight falls off as ``1 / (1 + i / H)`` with its
  position ``i`` among the non-junk sentences (``H`` is a half-life in sentences);
* **redundancy control** – MMR-style greedy ranking: each next sentence is penalised by its
  similarity to the ones already ranked, and near-duplicates go to the back.

Long input stays fast: centrality is computed only over the first `CENTRALITY_WINDOW` candidate
sentences (news puts what matters first); later sentences are ranked by position after them.

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

try:  # the shared tokenizer; see briefing/sentences.py
    from .sentences import SumyTokenizer, word_tokens
except ImportError:  # pragma: no cover - only while sentences.py is being written
    _FALLBACK_WORD = re.compile(r"[^\W_]+(?:['’.-][^\W_]+)*", re.UNICODE)

    def word_tokens(text: str) -> list[str]:
        return _FALLBACK_WORD.findall(text)

    class SumyTokenizer:  # type: ignore[no-redef]
        language = "english"

        def __init__(self, language: str = "english"):
            self.language = language

        def to_words(self, sentence: str):
            return tuple(word_tokens(sentence))

        def to_sentences(self, paragraph: str):
            return tuple(s for s in re.split(r"(?<=[.!?])\s+", paragraph) if s)


__all__ = [
    "ALGORITHMS",
    "is_junk",
    "near_duplicate",
    "rank_sentences",
    "select_key_points",
    "summarize",
]

ALGORITHMS: tuple[str, ...] = ("news", "lead", "lexrank", "textrank", "lsa", "luhn", "sumbasic", "kl")

# --- parameters of the "news" summarizer (few, each with a reason) --------------------------
POSITION_HALF_LIFE = 3.0
"""The prior of the sentence at position ``i`` is ``1 / (1 + i / H)``: sentence ``H`` counts half
as much as the lead. Three sentences is the size of a news lead."""
CENTRALITY_WEIGHT = 0.5
"""Exponent on normalised centrality (0 would be pure position, 1 prior times centrality)."""
REDUNDANCY = 0.7
"""MMR: how much of a sentence's score its largest similarity to an already-ranked one takes."""
CENTRALITY_WINDOW = 250
"""Centrality (quadratic) is computed over at most this many leading candidate sentences."""
DUPLICATE_CONTAINMENT = 0.7
"""`near_duplicate`: share of the shorter sentence's content words found in the other."""


# --- words -----------------------------------------------------------------------------------


@lru_cache(maxsize=1)
def _stop_words() -> frozenset[str]:
    from sumy.utils import get_stop_words

    return frozenset(get_stop_words("english"))


@lru_cache(maxsize=1)
def _stemmer():
    from nltk.stem.porter import PorterStemmer

    return PorterStemmer()


@lru_cache(maxsize=65536)
def _stem(word: str) -> str:
    return _stemmer().stem(word)


_WORDISH = re.compile(r"[^\W_]", re.UNICODE)


def _terms(sentence: str) -> list[str]:
    """Stemmed, lower-cased content words (no stop words, no pure numbers or punctuation)."""
    stops = _stop_words()
    out = []
    for token in word_tokens(sentence):
        w = token.lower().strip("'’‘.-")
        if not w or w in stops or not _WORDISH.search(w) or w.isdigit():
            continue
        out.append(_stem(w))
    return out


# --- junk ------------------------------------------------------------------------------------

_JUNK_PATTERNS = [
    # calls to action and page furniture
    r"^\W*(scroll|swipe)\s+(down|up|left|right)\b",
    r"^\W*(click|tap)\s+(here|below|to|on|through)\b",
    r"\b(scroll down|click here|tap here)\b.{0,40}\b(video|pictures?|photos?|more|gallery)\W*$",
    r"^\W*(read|see|watch|view)\s+(more|also|the\s+(full|video|gallery)|video|related|next)\b.{0,80}$",
    r"^\W*(related|advertisement|sponsored|share this|share on|follow us|sign up|subscribe)\b.{0,80}$",
    r"^\W*(video|watch|gallery|pictured|pictures?|photos?|images?)\s*:?\s*$",
    r"^\W*follow\s+(@\w+|us|him|her|them|me)\b.{0,60}$",
    r"^\W*(published|updated|last updated|posted|created|modified)\s*:?\s*(at|on|\||\d).{0,80}$",
    r"^\W*(copyright|©|all rights reserved)\b",
    # photo and agency credits
    r"^\W*(photo|picture|image|photograph|credit|source|illustration|graphic)s?\s*(credit)?\s*[:/|].{0,80}$",
    r"^\W*\((photo|picture|image)?\s*:?\s*[A-Z][\w .&/'-]{0,40}\)\W*$",
    r"\b(getty images|afp/getty|ap photo|reuters/|epa/|rex features|rex/shutterstock|shutterstock)\b.{0,30}$",
    # social handles, hashtags, e-mail, URLs on their own
    r"^\W*([@#][\w.]+[\s,]*)+\W*$",
    r"^\W*\S+@\S+\.\w+\W*$",
    r"^\W*(https?://|www\.)\S+\W*$",
    # bare datelines and dates
    r"^\W*[A-Z][A-Za-z .,'-]{1,40}\((AP|AFP|Reuters|CNN|UPI|Yonhap|Xinhua)\)\W*$",
    r"^\W*(mon|tues|wednes|thurs|fri|satur|sun)day\b[\w ,.]{0,30}\d{4}\W*$",
    r"^\W*\d{1,2}\s+(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?,?\s+\d{4}\W*$",
    r"^\W*(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+\d{1,2},?\s+\d{4}\W*$",
    r"^\W*\d{4}-\d{2}-\d{2}([ T][\d:]+)?\W*$",
]
_JUNK = [re.compile(p, re.IGNORECASE) for p in _JUNK_PATTERNS]
# "By Jane Smith", "By . Jane Smith and John Doe, Political Editor", "By JANE SMITH | AP"
# (case-sensitive: names are capitalised, "by" is not a name)
_NAME = r"[A-Z][\w.'’-]*(?:\s+(?:[A-Z][\w.'’-]*|de|van|von|bin|al|da|di|la|le))*"
_BYLINE = re.compile(
    rf"^\W*[Bb][Yy]\s*\.?\s*{_NAME}(?:\s*(?:,|and|&)\s*{_NAME})*"
    r"(?:\s*(?:,|\||-|–|—|for|in)\s*[\w .'’&-]{0,60})?\W*$"
)
_JUNK.append(_BYLINE)
_CAPTION_LABEL = re.compile(r"^[\w'’ -]{1,40}:\s+\S")
_TERMINAL = re.compile(r"[.!?…:;\"'”’)\]]\s*$")
_URL_OR_MAIL = re.compile(r"(https?://|www\.)\S+|\S+@\S+\.\w+", re.IGNORECASE)


def is_junk(sentence: str) -> bool:
    """True for text that is page furniture, not news: it is never chosen for a summary.

    Captions ("Flying high: Half of the kite took to the sky" with no full stop), "Scroll down
    for video", "Click here", bylines ("By Jane Smith"), bare datelines and dates, lines of
    social handles or hashtags, e-mail or URL lines, photo credits ("(Yonhap News)",
    "Photo: AP"), "Read more" and the like.
    """
    s = sentence.strip()
    if not s:
        return True
    words = s.split()
    if not any(ch.isalpha() for ch in s):
        return True
    for pattern in _JUNK:
        if pattern.search(s):
            return True
    # mostly links / addresses
    if _URL_OR_MAIL.search(s):
        rest = _URL_OR_MAIL.sub(" ", s)
        if len(rest.split()) <= 4:
            return True
    terminal = bool(_TERMINAL.search(s))
    if not terminal:
        # a caption: "Label: text" without a full stop, or a short fragment
        if _CAPTION_LABEL.match(s) or len(words) < 4:
            return True
    return False


def _lacks_full_stop(sentence: str) -> bool:
    return not _TERMINAL.search(sentence.strip())


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


def _centrality(sim: np.ndarray, damping: float = 0.85, iterations: int = 50) -> np.ndarray:
    """Continuous LexRank: stationary distribution of the similarity graph's random walk."""
    n = sim.shape[0]
    if n == 0:
        return np.zeros(0)
    w = sim.copy()
    np.fill_diagonal(w, 0.0)
    rowsum = w.sum(axis=1)
    dangling = rowsum == 0
    rowsum[dangling] = 1.0
    p = w / rowsum[:, None]
    p[dangling] = 1.0 / n
    r = np.full(n, 1.0 / n)
    for _ in range(iterations):
        nxt = (1 - damping) / n + damping * (r @ p)
        if np.abs(nxt - r).sum() < 1e-9:
            r = nxt
            break
        r = nxt
    return r


# --- ranking ---------------------------------------------------------------------------------


def _rank_news(sentences: list[str]) -> list[int]:
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
    cent = _centrality(sim)
    cent = cent / cent.mean() if cent.mean() > 0 else np.ones(len(window))
    pos = np.arange(len(window), dtype=float)
    prior = 1.0 / (1.0 + pos / POSITION_HALF_LIFE)
    score = prior * np.power(cent, CENTRALITY_WEIGHT)
    # sentences without content words or without a full stop are weak picks
    for k, i in enumerate(window):
        if not terms[k]:
            score[k] *= 0.1
        elif _lacks_full_stop(sentences[i]):
            score[k] *= 0.5
    order = _mmr(score, sim, [set(t) for t in terms])
    ranked = [window[k] for k in order]
    return ranked + rest + [i for i in range(n) if junk[i]]


def _mmr(score: np.ndarray, sim: np.ndarray, term_sets: list[set[str]]) -> list[int]:
    """Greedy ranking: best score minus `REDUNDANCY` x score x max similarity to those ranked."""
    n = len(score)
    remaining = set(range(n))
    chosen: list[int] = []
    dupes: list[int] = []
    max_sim = np.zeros(n)
    while remaining:
        best = max(remaining, key=lambda k: (score[k] * (1.0 - REDUNDANCY * max_sim[k]), -k))
        remaining.discard(best)
        if any(_sets_duplicate(term_sets[best], term_sets[c]) for c in chosen):
            dupes.append(best)
            continue
        chosen.append(best)
        max_sim = np.maximum(max_sim, sim[best])
    return chosen + dupes


def _sumy_document(sentences: list[str]):
    from sumy.models.dom import ObjectDocumentModel, Paragraph, Sentence

    tokenizer = SumyTokenizer("english")
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
        raise ValueError(f"unknown summary algorithm {algorithm!r}; choose one of {', '.join(ALGORITHMS)}")
    summarizer = cls(stemmer)
    summarizer.stop_words = _stop_words()
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

    summarizer(document, record)
    seen = set(order)
    order += [i for i in range(len(sentences)) if i not in seen]
    return order


def rank_sentences(sentences: list[str], algorithm: str = "news") -> list[int]:
    """Every index of `sentences`, most important first, by `algorithm` (one of `ALGORITHMS`)."""
    sentences = list(sentences)
    if not sentences:
        return []
    if algorithm == "news":
        return _rank_news(sentences)
    if algorithm == "lead":
        return list(range(len(sentences)))
    if algorithm not in ALGORITHMS:
        raise ValueError(f"unknown summary algorithm {algorithm!r}; choose one of {', '.join(ALGORITHMS)}")
    return _rank_sumy(sentences, algorithm)


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

    Each document offers its sentences in its own rank order ("news" ranking, or `candidates`,
    e.g. each article's summary indices, taken as given best first). Points are dealt out in
    rounds – every document's best remaining sentence in round one, and so on – so the page
    spreads across articles; within a round, sentences whose content the other documents share
    (support) go first. A sentence that near-duplicates a point already chosen, from any
    document, is skipped: two articles on the same event do not both put the same fact on the
    page.
    """
    if count <= 0 or not documents:
        return []
    queues: list[list[int]] = []
    for d, sents in enumerate(documents):
        if candidates is not None and d < len(candidates) and candidates[d] is not None:
            q = [i for i in candidates[d] if 0 <= i < len(sents)]
        else:
            q = rank_sentences(sents)
        queues.append([i for i in q if not is_junk(sents[i])])
    term_sets = {
        (d, i): set(_terms(documents[d][i])) for d, q in enumerate(queues) for i in q
    }
    doc_terms = [set().union(*(term_sets[(d, i)] for i in q)) if q else set() for d, q in enumerate(queues)]

    def support(d: int, i: int) -> float:
        t = term_sets[(d, i)]
        if not t or len(documents) < 2:
            return 0.0
        return sum(len(t & doc_terms[e]) / len(t) for e in range(len(documents)) if e != d) / (len(documents) - 1)

    chosen: list[tuple[int, int]] = []
    positions = [0] * len(queues)
    while len(chosen) < count:
        round_picks: list[tuple[float, int, int]] = []
        for d, q in enumerate(queues):
            while positions[d] < len(q):
                i = q[positions[d]]
                positions[d] += 1
                t = term_sets[(d, i)]
                if any(_sets_duplicate(t, term_sets[c]) for c in chosen) or any(
                    _sets_duplicate(t, term_sets[(e, j)]) for _, e, j in round_picks
                ):
                    continue
                round_picks.append((support(d, i), d, i))
                break
        if not round_picks:
            break
        round_picks.sort(key=lambda x: (-x[0], x[1]))
        for _, d, i in round_picks:
            if len(chosen) >= count:
                break
            chosen.append((d, i))
    return chosen
