"""Near-duplicates: the same wire story carried by several outlets, or an updated version of an
article, found so that the brief keeps one copy and names every outlet that carried it.

Two texts are copies when they share most of their word shingles (runs of `SHINGLE_WORDS`
words): Jaccard `SAME_TEXT` or more, or the shorter lies `CONTAINED` inside the longer (an
update that added paragraphs, a wire story an outlet cut). Shingles are compared exactly, as
one sparse matrix product, so the cost follows the number of shared shingles, not the square
of the number of articles: two articles that share no shingle are never compared.
"""

from __future__ import annotations

import re
import zlib
from collections.abc import Sequence
from functools import lru_cache

import numpy as np
from scipy import sparse

from briefing.model import AnalyzedArticle

SHINGLE_WORDS = 5
"""Words per shingle: long enough that two different reports rarely share one by chance."""

SAME_TEXT = 0.6
"""Jaccard of the shingle sets at or above which two texts are one story's copies."""

CONTAINED = 0.8
"""Share of the shorter text's shingles found in the longer at or above which it is a copy."""

MIN_SHINGLES = 8
"""Texts with fewer shingles than this (a headline and one line) are too short to call copies."""

MAX_WORDS = 5000
"""Words compared per text: copies share their opening thousands of words, and a pasted 5 MB dump
costs no more than a long article."""

_WORD = re.compile(r"\w+", re.UNICODE)


@lru_cache(maxsize=4096)
def shingles(text: str) -> np.ndarray:
    """The distinct word shingles of the text's first `MAX_WORDS` words as 32-bit hashes (case and
    punctuation ignored); kept per text (read-only) for the next build in this process (``serve``)."""
    found = _shingles(text)
    found.flags.writeable = False
    return found


def _shingles(text: str) -> np.ndarray:
    words = [m.group(0).casefold() for m, _ in zip(_WORD.finditer(text), range(MAX_WORDS))]
    if len(words) < SHINGLE_WORDS:
        grams = [" ".join(words)] if words else []
    else:
        grams = [" ".join(words[k:k + SHINGLE_WORDS]) for k in range(len(words) - SHINGLE_WORDS + 1)]
    return np.unique(np.fromiter((zlib.crc32(g.encode("utf-8")) for g in grams), dtype=np.int64,
                                 count=len(grams)))


def duplicate_pairs(texts: Sequence[str]) -> list[tuple[int, int]]:
    """Index pairs (i < j) of texts that are copies of each other."""
    sets = [shingles(t) for t in texts]
    sizes = np.array([len(s) for s in sets], dtype=np.float64)
    if len(sets) < 2 or not sizes.any():
        return []
    rows = np.repeat(np.arange(len(sets)), sizes.astype(np.int64))
    _, columns = np.unique(np.concatenate(sets), return_inverse=True)
    incidence = sparse.csr_matrix((np.ones(len(columns), dtype=np.float64), (rows, columns.ravel())),
                                  shape=(len(sets), int(columns.max()) + 1))
    shared = sparse.triu(incidence @ incidence.T, k=1).tocoo()
    i, j, both = shared.row, shared.col, shared.data
    smaller = np.minimum(sizes[i], sizes[j])
    jaccard = both / (sizes[i] + sizes[j] - both)
    contained = both / np.maximum(smaller, 1.0)
    keep = (smaller >= MIN_SHINGLES) & ((jaccard >= SAME_TEXT) | (contained >= CONTAINED))
    return sorted(zip(i[keep].tolist(), j[keep].tolist()))


def duplicate_groups(texts: Sequence[str]) -> list[list[int]]:
    """Groups (two or more indices, ascending) of texts that are copies of one another.

    A copy of a copy belongs to the same group, so an update of an update joins its original.
    """
    parent = list(range(len(texts)))

    def root(k: int) -> int:
        while parent[k] != k:
            parent[k] = parent[parent[k]]
            k = parent[k]
        return k

    for i, j in duplicate_pairs(texts):
        a, b = root(i), root(j)
        if a != b:
            parent[max(a, b)] = min(a, b)
    groups: dict[int, list[int]] = {}
    for k in range(len(texts)):
        groups.setdefault(root(k), []).append(k)
    return [g for g in groups.values() if len(g) > 1]


def article_text(a: AnalyzedArticle) -> str:
    """What two copies share: the headline and the body."""
    return a.article.title + "\n" + a.article.text


def _kept_copy(group: list[int], analyzed: Sequence[AnalyzedArticle]) -> int:
    """The copy the brief keeps: the latest version (by date), then the fullest, then the first."""
    def key(k: int):
        a = analyzed[k]
        return (a.article.date or "", len(a.sentences), len(a.article.text), -k)
    return max(group, key=key)


def find_duplicates(analyzed: Sequence[AnalyzedArticle]) -> dict[int, list[int]]:
    """Kept article index -> the indices of its near-duplicate copies (ascending).

    Articles with no copy do not appear.
    """
    found: dict[int, list[int]] = {}
    for group in duplicate_groups([article_text(a) for a in analyzed]):
        kept = _kept_copy(group, analyzed)
        found[kept] = [k for k in group if k != kept]
    return found
