"""The language an article is written in, so that a brief that reads English never summarises
another language as if it were English.

Public API:

- `detect_language(text)` -> ISO 639-1 code ("en", "pt", "ru", ...) or "" when there is too little text.
- `language_name(code)` -> "Portuguese" (ISO 639 names, from pycountry).
- `language_notes(articles)` -> the page's note: "3 articles in Russian and Portuguese not analysed".
- `identify(article)` sets `Article.language` (unless already set) and returns the article.

English text is recognised first by its function words (sumy's English stop-word list): in any
English prose they make up a third or more of the words, in other languages a few percent (loan
words, names). Only text that fails that test goes to py3langid (langid.py's model, trained on
open multilingual corpora and shipped in its wheel, BSD licence), which names the language among
97. So most days never load the model (it costs about 0.6 s).
"""

from __future__ import annotations

import re
from functools import lru_cache

from briefing.model import Article
from briefing.vocabulary.stopwords import stop_words

__all__ = ["detect_language", "language_name", "identify", "language_notes", "ENGLISH"]

ENGLISH = "en"
ENGLISH_SHARE = 0.25
"""Share of a text's words that are English function words above which the text is English.
English news prose measures 0.36-0.50 on the aeb pages; non-English pages 0.00-0.20 (a
scoreboard of English names and numbers, 0.08, goes on to the model)."""
MIN_LETTERS = 40
"""Fewer letters than this: too little text to say which language it is ("")."""
SAMPLE_CHARS = 5000
"""Characters of the text read: a language shows within a few paragraphs."""

_WORD = re.compile(r"[^\W\d_]+", re.UNICODE)


def english_share(text: str) -> float:
    words = [w.lower() for w in _WORD.findall(text)]
    if not words:
        return 0.0
    stops = stop_words()
    return sum(w in stops for w in words) / len(words)


@lru_cache(maxsize=1)
def _identifier():
    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    return LanguageIdentifier.from_model_file(MODEL_FILE)


def detect_language(text: str) -> str:
    """The text's language as an ISO 639-1 code; "" when there is too little text to tell."""
    sample = text[:SAMPLE_CHARS]
    if sum(map(str.isalpha, sample)) < MIN_LETTERS:  # str.isalpha per character, in C
        return ""
    if english_share(sample) >= ENGLISH_SHARE:
        return ENGLISH
    code, _ = _identifier().classify(sample)
    return code


def language_name(code: str) -> str:
    """The English name of a language code ("pt" -> "Portuguese"); the code itself if unknown."""
    import pycountry

    found = pycountry.languages.get(alpha_2=code) if len(code) == 2 else None
    name = getattr(found, "name", None) if found else None
    return (name or code).split(" (")[0].split(";")[0]


def identify(article: Article) -> Article:
    """Set `Article.language` from the headline and text (unless already known)."""
    if not article.language:
        article.language = detect_language(article.title + "\n" + article.text) or ENGLISH
    return article


def language_notes(articles: list[Article]) -> list[str]:
    """What the brief says about the articles it did not analyse for their language, as one line
    naming every language, the most frequent first ("3 articles in Russian and Portuguese not
    analysed"); no line when there are none."""
    from collections import Counter

    if not articles:
        return []
    counts = Counter(a.language for a in articles)
    names = [language_name(code) for code, _ in sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))]
    listed = names[0] if len(names) == 1 else ", ".join(names[:-1]) + " and " + names[-1]
    n = len(articles)
    return [f"{n} article{'' if n == 1 else 's'} in {listed} not analysed"]
