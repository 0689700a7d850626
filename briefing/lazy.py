"""Public names of a subpackage, imported from their modules only when first used.

A subpackage's ``__init__`` lists its public functions this way, so that
``briefing --help`` and light callers do not pay for NLTK, numpy or WeasyPrint.
"""

from __future__ import annotations

from importlib import import_module
from typing import Any, Callable


def lazy_exports(package: str, exports: dict[str, str]) -> tuple[Callable[[str], Any], list[str]]:
    """A module ``__getattr__`` and ``__all__`` for `package`, whose `exports` map name -> module."""

    def __getattr__(name: str) -> Any:
        module = exports.get(name)
        if module is None:
            raise AttributeError(f"module {package!r} has no attribute {name!r}")
        return getattr(import_module(f"{package}.{module}"), name)

    return __getattr__, sorted(exports)
