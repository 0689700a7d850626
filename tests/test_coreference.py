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


# --- pronouns (`resolve_pronoun`) -------------------------------------------------------------------


def test_he_passes_over_a_woman_named_since_to_the_last_man():
    text = "Union leader Piotr Lewand met Finance Minister Ada Kovac on Monday. He asked for a second meeting."
    idx = index_of(text)
    he = idx.resolve_pronoun(text.index("He asked"), "m")
    assert he is not None and he.name == "Piotr Lewand"


def test_she_and_he_in_one_text_go_each_to_their_own_person():
    text = ("Mayor Helen Osei spoke first. Engineer Tom Reyes said the bridge was unsafe. "
            "She said the town would pay. He said the work would take six weeks.")
    idx = index_of(text)
    assert idx.resolve_pronoun(text.index("She said"), "f").name == "Helen Osei"
    assert idx.resolve_pronoun(text.index("He said"), "m").name == "Tom Reyes"


def test_a_pronoun_before_anyone_is_named_resolves_to_nobody():
    text = "The weather turned cold overnight. He said nothing. Later, Tom Reyes arrived."
    idx = index_of(text)
    assert idx.resolve_pronoun(text.index("He said"), "m") is None


# --- "the minister" (`titled_before`) ---------------------------------------------------------------


MINISTERS = ("Foreign Minister Ada Kovac met Trade Minister Ben Osei in Harwick. The minister said the talks "
             "went well. Later, union leader Nina Roth joined them.")


def test_the_minister_is_the_person_with_that_title_named_last_before_it():
    idx = index_of(MINISTERS)
    assert idx.titled_before(MINISTERS.index("The minister"), "minister").name == "Ben Osei"
    assert idx.titled_before(MINISTERS.index("Trade Minister"), "minister").name == "Ada Kovac"


def test_a_title_only_someone_named_later_has_refers_to_nobody_yet():
    idx = index_of(MINISTERS)
    assert idx.titled_before(MINISTERS.index("The minister"), "leader") is None
    assert idx.titled_before(len(MINISTERS), "leader").name == "Nina Roth"
    assert idx.titled_before(len(MINISTERS), "ambassador") is None


def test_a_surname_used_again_later_in_the_text_is_the_same_person():
    idx = index_of("Nina Roth said the plan was sound. Roth, 52, has led the union since 2019. "
                   "On Friday Roth said the talks would go on.")
    assert [p.name for p in idx.people] == ["Nina Roth"]
    assert len(idx.people[0].mentions) == 3
