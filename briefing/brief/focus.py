"""The analyst's focus: terms such as "North Korea, six-party talks", and a test for whether a
text is about them.

A place is named many ways ("Pyongyang", "North Korean", "DPRK" for North Korea): a focus term
that names a place matches every form `briefing.vocabulary.places` knows for it. Case, a hyphen
for a space and a plural ending do not matter; short capitals (DPRK, US) match only as written.
Light on purpose: the command line parses ``--focus`` with it.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence


def parse_focus(value: str | Sequence[str] | None) -> list[str]:
    """Focus terms from ``"North Korea, six-party talks"`` or a list; blanks and repeats dropped."""
    if value is None:
        return []
    parts = [value] if isinstance(value, str) else list(value)
    terms: list[str] = []
    for part in parts:
        for term in re.split(r"[,;\n]", str(part)):
            term = " ".join(term.split())
            if term and term.casefold() not in {t.casefold() for t in terms}:
                terms.append(term)
    return terms


def _place_names_for(term: str) -> list[str]:
    """Every form a text uses for the place `term` names ("North Korea" -> "Pyongyang", "DPRK",
    "North Korean", ...), or [] when it is not a place."""
    from briefing.vocabulary.places import place_forms  # pycountry: only when a focus is matched

    forms = place_forms()
    place = forms.get(term) or next((p for f, p in forms.items() if f.casefold() == term.casefold()), None)
    if place is None:
        return []
    return [f for f, p in forms.items() if p == place]


def _term_pattern(term: str, case_sensitive: bool) -> str:
    words = re.findall(r"[\w.&'’]+", term)
    if not words:
        return ""
    body = r"[\s\-‐–]+".join(re.escape(w) for w in words)
    plural = r"(?:s|es)?" if words[-1][-1:].isalpha() and not case_sensitive else ""
    return r"(?<![\w])" + body + plural + r"(?![\w])"


def focus_matcher(focus: Sequence[str]) -> Callable[[str], bool]:
    """A test for whether a text names any focus term, or, for a place, any name of that place.

    Case does not matter ("Six-Party talks"), nor a hyphen for a space, nor a plural ending;
    short capitals (DPRK, US) must match as written, so "us" is not the United States.
    """
    exact: list[str] = []
    loose: list[str] = []
    for term in focus:
        # a place's short forms other than capitals ("Us", "Uk") are words, not the place
        forms = [term] + [f for f in _place_names_for(term) if len(f) > 3 or f.upper() == f]
        for form in forms:
            short = len(form) <= 5 and (form.upper() == form or len(form) <= 3)
            pattern = _term_pattern(form, short)
            if pattern:
                (exact if short else loose).append(pattern)
    regexes = [re.compile("|".join(exact))] if exact else []
    if loose:
        regexes.append(re.compile("|".join(loose), re.IGNORECASE))
    if not regexes:
        return lambda text: False
    return lambda text: any(r.search(text) for r in regexes)
