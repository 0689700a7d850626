"""Places (briefing.vocabulary.places): the forms and the pattern that finds them."""

from __future__ import annotations

import re

from briefing.vocabulary.places import place_forms, place_pattern


def test_the_place_pattern_finds_what_an_alternation_of_the_forms_longest_first_finds():
    """`place_pattern` is a trie of the forms; it must match exactly as the plain alternation
    (longest form first, no word boundary after a form ending in a dot) does."""
    forms = sorted(place_forms(), key=len, reverse=True)
    plain = re.compile(r"(?<![\w.])(?:" + "|".join(
        re.escape(f) + (r"\b" if f[-1].isalnum() else r"(?!\w)") for f in forms) + ")")
    texts = [
        "North Korean envoys met U.S. officials in Seoul, and the South Korean minister flew to Tokyo.",
        "The U.S.-led talks in Beijing drew Americans, Iraqis and a Japanese delegation.",
        "Korea's exports rose; Koreans in Pyongyang and Washington watched. e.U.S. is no place.",
        "Frenchmen, Parisians and the French government: France, Paris, Franceville.",
        "In Canberra the Australian cabinet met; in Ottawa, Canadian ministers; Sudanese and South Sudanese.",
    ]
    for text in texts:
        assert [(m.span(), m.group(0)) for m in place_pattern().finditer(text)] == \
            [(m.span(), m.group(0)) for m in plain.finditer(text)]
    assert any(place_pattern().finditer(texts[0]))
