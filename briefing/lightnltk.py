"""NLTK's Punkt and Snowball code without the cost of NLTK's package `__init__`.

Any ``from nltk.x import y`` runs ``nltk/__init__.py`` first, and that imports ``nltk.metrics``,
``nltk.collocations`` and ``nltk.translate``, which import ``scipy.stats`` whenever scipy is
installed (it is: story grouping uses ``scipy.sparse`` and ``scipy.cluster``). That import alone
is 0.7 s of every build on a 2-core machine, for statistics briefing never calls (Fisher's exact
test for collocations, the Gale-Church aligner's normal distribution). NLTK guards each of those
imports with ``except ImportError`` and falls back, so NLTK is imported here once with
``scipy.stats`` marked missing; the mark is taken away at once, so code that needs
``scipy.stats`` later imports it as usual. Import NLTK's modules from here:

    >>> from briefing.lightnltk import punkt, snowball
    >>> snowball.EnglishStemmer().stem("talks")
    'talk'
"""

from __future__ import annotations

import importlib
import sys
from types import ModuleType

__all__ = ["import_nltk", "punkt", "snowball"]

_SKIPPED = "scipy.stats"


def import_nltk() -> ModuleType:
    """The `nltk` package, imported (once per process) without importing `scipy.stats`."""
    if "nltk" in sys.modules:
        return sys.modules["nltk"]
    blocked = _SKIPPED not in sys.modules
    if blocked:
        sys.modules[_SKIPPED] = None  # an import of it now raises ImportError
    try:
        return importlib.import_module("nltk")
    finally:
        if blocked and sys.modules.get(_SKIPPED, ...) is None:
            del sys.modules[_SKIPPED]


import_nltk()

from nltk.stem import snowball  # noqa: E402  (after import_nltk: that is the point)
from nltk.tokenize import punkt  # noqa: E402
