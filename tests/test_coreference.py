"""Surnames, pronouns and descriptions resolved to the person (briefing/analyze/coreference.py)."""

from __future__ import annotations

from briefing.analyze.coreference import NameIndex
from briefing.analyze.sentences import sentence_spans


def index_of(text: str) -> NameIndex:
    return NameIndex(text, sentence_spans(text))


def test_a_surname_joins_the_person_named_in_full():
    idx = index_of("Linda Raman chairs the board. Raman spoke first.")
    assert [p.name for p in idx.people] == ["Linda Raman"]
    assert len(idx.people[0].mentions) == 2
    assert idx.unique_word("Raman")


def test_a_pronoun_resolves_to_the_last_compatible_subject():
    text = "Linda Raman chairs the board. Her brother David Raman runs the mill. She said little."
    idx = index_of(text)
    she = idx.resolve_pronoun(text.index("She"), "f")
    assert she is not None and she.name == "Linda Raman"


def test_a_pronoun_with_another_person_of_that_sex_in_reach_is_not_clear():
    text = "Linda Raman met Karen Cole on Monday. She said little."
    idx = index_of(text)
    pos = text.index("She")
    she = idx.resolve_pronoun(pos, "f")
    assert she is not None
    assert not idx.pronoun_is_clear(she, pos, "f")


def test_a_pronoun_far_from_its_antecedent_is_not_clear():
    text = "Linda Raman chairs the board. " + "The mill grew. " * 5 + "She said little."
    idx = index_of(text)
    pos = text.index("She")
    she = idx.resolve_pronoun(pos, "f")
    assert she is not None and not idx.pronoun_is_clear(she, pos, "f")


def test_a_description_refers_back_to_the_person_with_that_title():
    text = "Finance Minister Ada Kovac arrived. The minister then left."
    idx = index_of(text)
    assert idx.resolve_description(text.index("The minister"), "minister").name == "Ada Kovac"


def test_a_first_name_of_the_world_says_the_persons_sex():
    # Igbo given names (Faker's ig_NG lists): she, then he
    text = "Ngozi Adeyinka chairs the board. Her cousin Chinedu Adeyinka runs the mill."
    idx = index_of(text)
    assert {p.name: p.gender for p in idx.people} == {"Ngozi Adeyinka": "f", "Chinedu Adeyinka": "m"}


def test_a_first_name_of_the_world_used_alone_refers_to_the_person_named_in_full():
    idx = index_of("Grzegorz Wąsowicz chairs the board. Later, Grzegorz told the staff to wait.")
    assert [p.name for p in idx.people] == ["Grzegorz Wąsowicz"]
    assert len(idx.people[0].mentions) == 2
