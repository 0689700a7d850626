"""Names in running text: which capitalised runs name a person (briefing/analyze/mentions.py)."""

from __future__ import annotations

from briefing.analyze.coreference import NameIndex
from briefing.analyze.mentions import word_class


def names(text: str) -> list[str]:
    return [p.name for p in NameIndex(text).people]


def test_a_census_first_name_before_a_capitalised_word_names_a_person():
    assert names("Yesterday Linda Marsh opened the new library.") == ["Linda Marsh"]


def test_a_run_ending_in_an_organisation_word_is_no_person():
    assert names("The Harbour Valley Council met on Monday.") == []


def test_a_city_the_text_uses_as_a_place_is_no_person():
    assert "Fayetteville" not in " ".join(names("The plant in Fayetteville, Arkansas, reopened."))


def test_how_capitalised_words_read():
    assert word_class("Ministry") == "org"
    assert word_class("Senator") == "title"
    assert word_class("October") == "common"
    assert word_class("Canadians") == "common"  # people of a place, by the English demonym endings
    assert word_class("Inter-Korean") == "common"  # a prefix of relation makes an adjective
    assert word_class("Ontarians") == "common"  # from the province's name, no list of it
    assert word_class("Certainly") == "common"  # an -ly word that is no first name or surname: an adverb
    assert word_class("Kelly") == "name" and word_class("Connolly") == "name"


def test_an_acronym_before_a_title_is_no_first_name():
    # "Un" is a census first name, but a word written in capitals is an acronym
    assert names("Former UN Ambassador Peter Hale told the panel it was over.") == ["Peter Hale"]


def test_a_full_name_that_he_or_she_refers_back_to_in_its_sentence_is_a_person():
    # no census first name, but only people are "she": the name is a person's
    text = "Ama Boateng was visiting Paris for ACX Partners when she was caught in the storm."
    assert names(text) == ["Ama Boateng"]
    # another name between could be the one "he" refers to
    assert names("Ama Boateng hired Kofi Mensah when he was young.") == []
