"""What the reader already has: the concepts a sentence states, and whether a sentence says
something the reader was told before.

A summary's concepts are stemmed word bigrams (Gillick and Favre; `multidoc.py` weighs them).
Known sentences (earlier days' articles of a continuing story, the page's key points and
quotes) cover their concepts. A sentence repeats what is known when it is a near-duplicate of a
known sentence (`summarize.near_duplicate`: most of its content words in one of them), or when
most of its concepts are covered (`mostly_known`: said across several known sentences, in parts).
The summarizer leaves such sentences out of an update summary, and a continuing story's key
point is never one of them (`points.py`).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from functools import lru_cache
from typing import TYPE_CHECKING

import numpy as np

from briefing.analyze.summarize import near_duplicate, stem
from briefing.vocabulary.stopwords import stop_words

if TYPE_CHECKING:
    from scipy.sparse import csr_matrix

__all__ = ["concepts", "content_words", "covered_by", "mostly_known", "KNOWN_SHARE", "same_saying", "Known"]

KNOWN_SHARE = 0.5
"""A sentence more than this share of whose concepts the reader already has says mostly what
they were told: stated again, it would read as a repeat with a detail added."""

_TOKEN = re.compile(r"[a-z0-9]+")


@lru_cache(maxsize=32768)
def concepts(sentence: str) -> frozenset[tuple[str, str]]:
    """The sentence's concepts: adjacent stemmed word pairs, not both stop words."""
    stops = stop_words()
    tokens = _TOKEN.findall(sentence.lower())
    stems = [stem(t) for t in tokens]
    return frozenset((a, b) for (ta, a), (tb, b) in zip(zip(tokens, stems), zip(tokens[1:], stems[1:]))
                     if not (ta in stops and tb in stops))


def covered_by(sentences: Iterable[str]) -> frozenset[tuple[str, str]]:
    """Every concept the sentences state."""
    out: set = set()
    for s in sentences:
        out |= concepts(s)
    return frozenset(out)


def mostly_known(sentence: str, covered: frozenset) -> bool:
    """Whether more than `KNOWN_SHARE` of the concepts `sentence` states are in `covered`."""
    mine = concepts(sentence)
    return bool(mine) and len(mine & covered) > KNOWN_SHARE * len(mine)


@lru_cache(maxsize=65536)
def content_words(text: str) -> frozenset[str]:
    """The text's content words, stemmed: no stop words, no numbers."""
    stops = stop_words()
    return frozenset(stem(w) for w in _TOKEN.findall(text.lower()) if w not in stops and not w.isdigit())


def _rows(texts: Sequence[str], index: dict, grow: bool) -> tuple[csr_matrix, np.ndarray]:
    """A binary sparse matrix, one row per text, of its content words (columns named by `index`,
    which grows when `grow`), and each text's number of content words."""
    from scipy.sparse import csr_matrix

    rows, cols, sizes = [], [], []
    for k, t in enumerate(texts):
        words = content_words(t)
        sizes.append(len(words))
        for w in words:
            if grow:
                index.setdefault(w, len(index))
            if w in index:
                rows.append(k)
                cols.append(index[w])
    return csr_matrix((np.ones(len(rows)), (rows, cols)), shape=(len(texts), max(1, len(index)))), np.array(sizes)


def _pairs(texts: Sequence[str], a, size_a, others: Sequence[str], b, size_b) -> list[tuple[int, int]]:
    """The (i, j) that say the same thing (`near_duplicate`), checked only where the two share at
    least half of the shorter one's content words (one sparse product finds them), so the cost
    follows the overlaps, not the product of the lengths."""
    common = (a @ b.T).tocoo()
    close = common.data >= 0.5 * np.minimum(size_a[common.row], size_b[common.col])
    return sorted((int(x), int(y)) for x, y in zip(common.row[close], common.col[close])
                  if near_duplicate(texts[x], others[y]))


def same_saying(texts: Sequence[str]) -> list[tuple[int, int]]:
    """Pairs (i, j), i < j, of `texts` that say the same thing (`near_duplicate`)."""
    if not texts:
        return []
    matrix, sizes = _rows(texts, {}, grow=True)
    return [(x, y) for x, y in _pairs(texts, matrix, sizes, texts, matrix, sizes) if x < y]


class Known:
    """What the reader already has (sentences), prepared once to be asked about many sentences:
    its concepts (`concepts`) and its content words."""

    def __init__(self, sentences: Iterable[str] = ()):
        self.sentences = tuple(dict.fromkeys(s.strip() for s in sentences if s and s.strip()))
        self.concepts = covered_by(self.sentences)
        self._exact = frozenset(s.lower() for s in self.sentences)
        self._index: dict = {}
        self._matrix, self._sizes = _rows(self.sentences, self._index, grow=True)

    def __bool__(self) -> bool:
        return bool(self.sentences)

    def repeated(self, texts: Sequence[str]) -> set[int]:
        """Which of `texts` repeat what is known: a near-duplicate of one known sentence
        (`summarize.near_duplicate`), or mostly its concepts (`mostly_known`)."""
        if not self.sentences or not texts:
            return set()
        matrix, sizes = _rows(texts, self._index, grow=False)
        out = {x for x, _ in _pairs(texts, matrix, sizes, self.sentences, self._matrix, self._sizes)}
        return out | {x for x, t in enumerate(texts)
                      if t.strip().lower() in self._exact or mostly_known(t, self.concepts)}

    def repeats(self, text: str) -> bool:
        """Whether `text` repeats what is known (`repeated`)."""
        return bool(self.repeated([text]))
