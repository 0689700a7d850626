"""NLTK's Punkt and Snowball modules without the cost of NLTK's package `__init__`.

Any ``from nltk.x import y`` runs ``nltk/__init__.py`` first, which imports most of NLTK
(parsers, chunkers, corpus readers, translation metrics), ``scipy.sparse`` and, whenever scipy
is installed, ``scipy.stats``: 0.3-0.9 s of every run for code briefing never calls. Measured
options (``python -X importtime``, 2 cores): NLTK imported whole, 0.9 s with scipy.stats; whole
with ``scipy.stats`` marked missing (NLTK guards that import and falls back), about 0.5 s, half
of it scipy.sparse; the two modules alone, about 0.05 s. So this module takes the third way:
``nltk``, ``nltk.tokenize``, ``nltk.stem`` and ``nltk.corpus`` enter ``sys.modules`` as
*deferred packages*, each with its real path but without its ``__init__`` run, and only the
modules Punkt and Snowball import are loaded. A deferred package runs its own ``__init__`` the
first time anything asks it for a name it does not have yet (``nltk.word_tokenize``, ``from
nltk.corpus import wordnet``), so other code that uses NLTK whole (sumy) still gets all of it,
``scipy.stats`` still left aside (code that needs it imports it as usual).

    >>> from briefing.lightnltk import punkt, snowball
    >>> snowball.EnglishStemmer().stem("talks")
    'talk'
"""

from __future__ import annotations

import importlib
import importlib.util
import sys
from functools import lru_cache
from types import ModuleType

__all__ = ["import_nltk", "punkt", "snowball", "stem"]

_SKIPPED = "scipy.stats"
_DEFERRED = ("nltk", "nltk.tokenize", "nltk.stem", "nltk.corpus")
"""The packages whose `__init__` waits until a name of theirs is asked for."""


class _DeferredPackage(ModuleType):
    """A package in `sys.modules` whose `__init__` has not run: it runs on the first request for
    a name the package does not hold (its submodules are imported as usual meanwhile)."""

    def __getattr__(self, name: str):
        if name.startswith("__") and name.endswith("__") and name != "__all__":
            raise AttributeError(name)  # the import system and tools probe these; nothing to run for
        if importlib.util.find_spec(f"{self.__name__}.{name}") is not None:
            return importlib.import_module(f"{self.__name__}.{name}")  # a submodule ("from nltk import redos")
        _complete(self)
        return ModuleType.__getattribute__(self, name)


def _complete(package: ModuleType) -> None:
    """Run the deferred package's own `__init__` (its parents' first), `scipy.stats` left aside."""
    if type(package) is not _DeferredPackage:
        return
    package.__class__ = ModuleType  # from now on an ordinary module, even while its __init__ runs
    parent = package.__name__.rpartition(".")[0]
    if parent:
        _complete(sys.modules[parent])
    blocked = _SKIPPED not in sys.modules
    if blocked:
        sys.modules[_SKIPPED] = None  # an import of it now raises ImportError, which NLTK allows
    try:
        package.__spec__.loader.exec_module(package)
    finally:
        if blocked and sys.modules.get(_SKIPPED, ...) is None:
            del sys.modules[_SKIPPED]


def _defer(name: str) -> None:
    if name in sys.modules:
        return  # imported already, whole: nothing to save
    spec = importlib.util.find_spec(name)
    if spec is None or spec.submodule_search_locations is None:
        raise ImportError(f"{name} is not an installed package")
    package = importlib.util.module_from_spec(spec)
    package.__class__ = _DeferredPackage
    sys.modules[name] = package
    parent, _, child = name.rpartition(".")
    if parent:
        setattr(sys.modules[parent], child, package)


class _StopWordsLater:
    """Stands for `nltk.corpus.stopwords` (which Snowball imports but English stemming never
    reads): the first use of it completes `nltk.corpus` and is the real corpus reader's."""

    def __getattr__(self, name: str):
        corpus = sys.modules["nltk.corpus"]
        _complete(corpus)
        return getattr(corpus.stopwords, name)


def import_nltk() -> ModuleType:
    """The `nltk` package, with its `__init__` run (once per process), `scipy.stats` left aside."""
    if "nltk" not in sys.modules:
        _defer("nltk")
    _complete(sys.modules["nltk"])
    return sys.modules["nltk"]


def _light_imports() -> tuple[ModuleType, ModuleType]:
    for name in _DEFERRED:
        _defer(name)
    corpus = sys.modules["nltk.corpus"]
    if type(corpus) is _DeferredPackage and "stopwords" not in corpus.__dict__:
        corpus.__dict__["stopwords"] = _StopWordsLater()
    return importlib.import_module("nltk.tokenize.punkt"), importlib.import_module("nltk.stem.snowball")


punkt, snowball = _light_imports()


_STEMMER = snowball.EnglishStemmer()  # Porter2 (Snowball), as sumy's Stemmer("english"); needs no data


@lru_cache(maxsize=131072)
def stem(word: str) -> str:
    """A lower-case word's Porter2 (Snowball) stem, as sumy's; a word of three letters or fewer
    as it is. Summaries, story grouping and sections all stem with this one function, so a word
    is stemmed once per process."""
    return _STEMMER.stem(word) if len(word) > 3 else word
