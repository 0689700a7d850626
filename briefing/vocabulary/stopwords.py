"""Stop words: the function words that carry no topic, for ranking sentences and grouping stories.

The list is sumy's English stop-word list (its package data), read without importing
`sumy.utils`, which pulls in `requests`.
"""

from __future__ import annotations

from functools import lru_cache


@lru_cache(maxsize=1)
def stop_words() -> frozenset[str]:
    """sumy's English stop words, lower case."""
    from importlib.resources import files

    text = files("sumy").joinpath("data/stopwords/english.txt").read_text("utf-8")
    return frozenset(w.strip() for w in text.splitlines() if w.strip())
