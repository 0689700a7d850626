"""Results kept by what they were made from, between the builds of one process (``serve``).

A rebuild after one article changed asks again for most of what the last build made: the same
stories' summaries from the same sentences, the same page laid out from the same HTML. `Memo`
keeps each result under a key that is a digest of everything it depends on (`Memo.key`), so a
result is reused only when every input is the same, byte for byte, and the rebuild's page and
brief.json are the ones a fresh build makes. What a build did not ask for is forgotten when the
next one ends (`Memo.end_build`), so a preview that runs all day holds one build's results.

    >>> memo = Memo()
    >>> key = Memo.key("summary", ["one sentence."], 35)
    >>> memo.get(key) is None
    True
    >>> memo.put(key, "the summary")
    >>> memo.get(key)
    'the summary'
"""

from __future__ import annotations

import hashlib
import pickle
from typing import Any


class Memo:
    """Results by content key; `hits` and `misses` count the lookups of the current build."""

    def __init__(self) -> None:
        self._kept: dict[bytes, Any] = {}
        self._used: set[bytes] = set()
        self.hits = 0
        self.misses = 0

    @staticmethod
    def key(*parts: Any) -> bytes:
        """A digest of `parts` (plain data: strings, numbers, lists, tuples, dataclasses), the
        same for equal parts in any process."""
        return hashlib.sha256(pickle.dumps(parts, protocol=4)).digest()

    def get(self, key: bytes) -> Any | None:
        value = self._kept.get(key)
        if value is None:
            self.misses += 1
            return None
        self.hits += 1
        self._used.add(key)
        return value

    def put(self, key: bytes, value: Any) -> None:
        self._kept[key] = value
        self._used.add(key)

    def __len__(self) -> int:
        return len(self._kept)

    def end_build(self) -> None:
        """Forget what the build now ending neither used nor made."""
        self._kept = {k: v for k, v in self._kept.items() if k in self._used}
        self._used = set()
        self.hits = self.misses = 0
