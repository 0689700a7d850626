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
97. So most days never load the model; when one does, it is mapped from an uncompressed copy in
the user's cache folder (a few milliseconds; decompressing the wheel's copy costs about 0.5 s, once).
"""

from __future__ import annotations

import os
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
    return load_identifier()


def load_identifier():
    """py3langid's language identifier, its model read from the user's cache folder
    (`_model_arrays`), else by py3langid's own loader."""
    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    arrays = _model_arrays()
    if arrays is None:  # a py3langid whose model we do not know how to keep: its own loader
        return LanguageIdentifier.from_model_file(MODEL_FILE)
    ptc, pc, classes, nextmove, row, output = arrays
    return LanguageIdentifier(ptc, pc, classes, nextmove, output, tk_row=row)


_MODEL_PARTS = ("ptc", "pc", "nextmove", "row", "output")


def _model_arrays() -> tuple | None:
    """py3langid's model as its loader gives it (`py3langid.modelio.load_model`), read from an
    uncompressed copy kept in the user's cache folder and mapped, not read, into memory.

    The wheel ships the model LZMA-compressed; decompressing it costs about half a second in
    every process that meets a page not in English (each worker of a day's build). The copy
    (about 70 MB, made the first time) is mapped read-only in a few milliseconds, and worker
    processes share its pages. None when this py3langid's model is not the known layout."""
    import numpy as np

    folder = _model_cache_folder()
    if folder is None:
        return None
    try:
        loaded = {name: np.load(folder / f"{name}.npy", mmap_mode="r") for name in _MODEL_PARTS}
        classes = (folder / "classes.txt").read_text("utf-8").split("\n")
    except (OSError, ValueError):
        made = _write_model_cache(folder)
        if made is None:
            return None
        loaded, classes = made
    return (loaded["ptc"], loaded["pc"], classes, memoryview(loaded["nextmove"]), loaded["row"].tolist(),
            loaded["output"].tolist())


def _model_cache_folder():
    """Where the uncompressed model is kept (`files.cache_folder`); None when the folder is off
    or this py3langid's model is not the layout we know: py3langid's own loader then."""
    from briefing.files import cache_folder

    root = cache_folder()
    if root is None:
        return None
    try:
        from py3langid import langid
        from py3langid.modelio import load_model  # noqa: F401  (the layout this cache knows)
    except ImportError:
        return None
    model = langid.MODEL_DIR / langid.MODEL_FILE
    try:
        size = model.stat().st_size
    except OSError:
        return None
    return root / f"py3langid-model-{size}"


def _write_model_cache(folder) -> tuple[dict, list[str]] | None:
    """The model decompressed (py3langid's own loader) and kept in `folder`; the arrays either way."""
    import numpy as np
    from py3langid import langid
    from py3langid.modelio import load_model

    parts = load_model(langid.MODEL_DIR / langid.MODEL_FILE)
    if len(parts) != 6:
        return None
    ptc, pc, classes, nextmove, row, output = parts
    arrays = {"ptc": np.asarray(ptc), "pc": np.asarray(pc), "nextmove": np.asarray(nextmove),
              "row": np.asarray(row), "output": np.asarray(output, dtype=np.int64)}
    try:
        folder.mkdir(parents=True, exist_ok=True)
        for name, array in arrays.items():
            tmp = folder / f".{name}.{os.getpid()}.npy"
            np.save(tmp, array)
            os.replace(tmp, folder / f"{name}.npy")
        (folder / "classes.txt").write_text("\n".join(classes), "utf-8")
    except OSError:  # a read-only home only costs the decompression next time
        pass
    return arrays, list(classes)


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
