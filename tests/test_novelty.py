"""What the reader already has: sentences told before, whole, in other words or in parts."""

from __future__ import annotations

from briefing.brief.novelty import KNOWN_SHARE, Known, concepts, covered_by, mostly_known, same_saying

# What an invented brief told its reader yesterday about a bridge closure.
YESTERDAY = [
    "The Tamsel river bridge in Orvik was closed to traffic on Monday after engineers found cracks in two of its piers.",
    "About 30,000 drivers a day will have to take the ring road while the bridge is shut.",
    "City engineer Sofia Brandt said divers would inspect the piers below the waterline.",
]


def test_a_sentence_told_before_whole_or_in_other_words_is_known():
    known = Known(YESTERDAY)
    today = [
        YESTERDAY[1],  # the same sentence
        "Engineers found cracks in two piers of the Tamsel river bridge in Orvik, which was closed on Monday.",
        "Divers found that the cracks ran deeper than feared, and the bridge will stay shut until March.",
    ]
    assert known.repeated(today) == {0, 1}
    assert known.repeats(today[0]) and not known.repeats(today[2])


def test_a_sentence_whose_concepts_were_told_in_parts_is_mostly_known():
    # every phrase of it is in one of yesterday's sentences or another: it says nothing new
    parts = "City engineer Sofia Brandt said the Tamsel river bridge in Orvik was closed to traffic on Monday."
    covered = covered_by(YESTERDAY)
    assert len(concepts(parts) & covered) > KNOWN_SHARE * len(concepts(parts))
    assert mostly_known(parts, covered) and Known(YESTERDAY).repeats(parts)
    news = "Sofia Brandt said a temporary ferry for cyclists and walkers would start on Thursday."
    assert not mostly_known(news, covered)  # her name is known, what she said is not


def test_nothing_known_repeats_nothing():
    assert not Known([]) and Known([]).repeated(YESTERDAY) == set()
    assert not mostly_known(YESTERDAY[0], frozenset())


def test_same_saying_pairs_the_sentences_that_say_one_thing():
    texts = [YESTERDAY[0], "A ferry will carry cyclists across the Tamsel from Thursday.",
             "Engineers found cracks in two of the piers of the Tamsel river bridge in Orvik, closed on Monday."]
    assert same_saying(texts) == [(0, 2)]
    assert same_saying([]) == []
