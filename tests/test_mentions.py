"""Names in running text: which capitalised runs name a person (briefing/analyze/mentions.py)."""

from __future__ import annotations

from briefing.analyze.coreference import NameIndex
from briefing.analyze.gazetteer import FIRST_NAMES, census_surnames, world_first_names
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
    # a first name no list knows, but only people are "she": the name is a person's
    assert "ekwa" not in FIRST_NAMES and "ekwa" not in world_first_names()
    text = "Ekwa Boateng was visiting Paris for ACX Partners when she was caught in the storm."
    assert names(text) == ["Ekwa Boateng"]
    # another name between could be the one "he" refers to
    assert names("Ekwa Boateng hired Dorlo Mensah when he was young.") == []


def test_a_first_name_of_the_world_before_a_surname_names_a_person():
    # Yoruba, Polish, Norwegian and Vietnamese given names the US census lists lack, each before
    # a surname it lacks too, with no title, speech verb or pronoun to say "person"
    sentences = {
        "Yesterday Abiodun Adeyinka opened the new library.": "Abiodun Adeyinka",
        "On Friday Grzegorz Wąsowicz opened the new library.": "Grzegorz Wąsowicz",
        "The new library was opened by Solveig Lundqvist and the mayor.": "Solveig Lundqvist",
        "Yesterday Hương Quách opened the new library.": "Hương Quách",
    }
    for text, name in sentences.items():
        first, surname = name.lower().split()
        assert first not in FIRST_NAMES and surname not in census_surnames()
        assert names(text) == [name]


def test_a_first_name_of_the_world_is_known_without_its_accents():
    assert names("Yesterday Malgorzata Wasowicz opened the new library.") == ["Malgorzata Wasowicz"]


def test_an_ordinary_word_that_faker_lists_as_a_name_makes_no_person():
    # "Gun" is a given name in one of Faker's locales, and a common English word in its word list
    assert names("Gun Owners rallied outside the hall on Monday.") == []
    # "Lucky" is a Kenyan given name the word list lacks: the text writes it in lower case too
    assert names("Lucky Strike sold out by noon. The lucky few went home early.") == []
    # a month is no first name from any list
    assert names("In May Kowalczyk Brothers opened a second shop.") == []


def test_a_first_name_of_the_world_after_a_locative_names_a_place():
    assert names("The school in Sigurd Heights reopened on Monday.") == []


def test_words_run_together_by_a_scrape_are_no_name():
    assert names("Posted by Wojciech NowakShareTweetReplyFlag at noon.") == []
