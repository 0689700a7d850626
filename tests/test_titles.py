"""Titles bound to a name, and the country a person serves (briefing/analyze/titles.py)."""

from __future__ import annotations

import pytest

from briefing.analyze.coreference import NameIndex
from briefing.model import Article
from briefing.analyze.people import find_participants, merge_participants
from briefing.analyze.quotes import extract_quotes
from briefing.analyze.sentences import sentence_spans
from briefing.analyze.titles import title_country
from briefing.model import Participant


def participants(*paragraphs: str) -> dict[str, Participant]:
    art = Article(path="ex.txt", title="Example", paragraphs=list(paragraphs))
    spans = sentence_spans(art.text)
    return {p.name: p for p in find_participants(art, spans, extract_quotes(art, spans))}


def test_a_country_from_an_office():
    assert title_country("Prime Minister of Norway") == "Norway"
    assert title_country("Japan's foreign minister") == "Japan"
    assert title_country("ambassador to Chile") is None  # where the role points, not whose it is


def test_a_state_or_province_of_one_word_names_its_country_when_it_names_no_other():
    assert title_country("Ohio governor") == "United States"
    assert title_country("former Ontario premier") == "Canada"
    assert title_country("Georgia Gov.") != "United States"  # a country too
    assert title_country("Virginia senator") is None  # a first name too: the text must say more


def test_a_part_of_a_continent_names_no_country():
    assert title_country("Latin America's longest-serving leader") is None
    assert title_country("South American trade envoy") is None
    assert title_country("American trade envoy") == "United States"


def test_the_country_a_person_serves_not_the_place_of_the_event():
    people = participants("In Dubai on Sunday, the British tennis player Ellen Marsh beat Ana Ruiz.",
                          "Marsh, 24, won in two sets.")
    assert people["Ellen Marsh"].affiliation == "United Kingdom"


def test_a_place_the_sentence_names_gives_no_country():
    people = participants("In Seoul, the delegation met with Deputy Minister Haruto Sato.")
    assert people["Haruto Sato"].affiliation is None  # the text does not say whose minister


def test_a_government_title_takes_no_country_from_another_persons():
    people = participants("Ukrainian Foreign Minister Olena Marko met President Dale Hudson on Monday.")
    assert people["Olena Marko"].affiliation == "Ukraine"
    assert people["Dale Hudson"].affiliation is None


def test_a_head_of_government_named_in_many_articles_is_filed_the_same_way():
    a = Participant(name="Dale Hudson", title="Prime Minister", affiliation=None, articles=["a"])
    b = Participant(name="Dale Hudson", title="Australian Prime Minister", affiliation="Australia", articles=["b"])
    c = Participant(name="Dale Hudson", title="Prime Minister", affiliation="Australia", articles=["c"])
    d = Participant(name="Dale Hudson", title="Prime Minister", affiliation="Fiji", articles=["d"])
    merged = merge_participants([[a], [b], [c], [d]])
    assert [p.affiliation for p in merged] == ["Australia"]


def test_korean_alone_names_no_one_country():
    assert title_country("Korean envoy") is None
    assert title_country("South Korean envoy") == "South Korea"


def test_an_office_and_name_followed_by_of_and_a_country_serve_that_country():
    people = participants("President Dana Hale of Chile met traders in Lima on Monday.",
                          "Mara Quill of Canada Goose said sales rose.")
    assert people["Dana Hale"].affiliation == "Chile"
    assert people["Mara Quill"].affiliation is None  # a firm, not a country


def test_an_indefinite_phrase_before_said_is_a_new_speaker_not_an_apposition():
    people = participants("The offer is not a good deal for Dana Hale, a second person briefed on the call said.",
                          "Ola Berg, a spokesman for the port, said the ferry would sail.")
    assert people["Dana Hale"].title is None
    assert people["Ola Berg"].title == "spokesman for the port"


# --- the title right before a name (`title_before`, as the name index binds it) -------------------


@pytest.mark.parametrize("sentence, name, title", [
    ("Finance Minister Ada Kovac spoke on Monday.", "Ada Kovac", "Finance Minister"),
    ("Union leader Nina Roth spoke on Monday.", "Nina Roth", "Union leader"),
    ("The talks stalled, national security adviser Tom Hale said.", "Tom Hale", "national security adviser"),
    ("New Zealand envoy Mark Tane spoke on Monday.", "Mark Tane", "New Zealand envoy"),  # a two-word place
    ("Veterans Affairs Minister Ada Kovac spoke on Monday.", "Ada Kovac", "Veterans Affairs Minister"),
    ("Democratic presidential candidate Ana Ruiz spoke on Monday.", "Ana Ruiz", "Democratic presidential candidate"),
])
def test_the_title_before_a_name_is_its_whole_noun_phrase(sentence, name, title):
    people = {p.name: p for p in NameIndex(sentence, sentence_spans(sentence)).people}
    assert people[name].title == title


def test_words_before_a_name_that_are_no_title_give_none():
    text = "On Monday, Ada Kovac spoke. Yesterday Tom Hale left."
    assert {p.name: p.title for p in NameIndex(text, sentence_spans(text)).people} == {
        "Ada Kovac": None, "Tom Hale": None}


# --- a country from an office -----------------------------------------------------------------------


@pytest.mark.parametrize("text, name, country", [
    ("French Foreign Minister Claire Dubois arrived on Monday.", "Claire Dubois", "France"),
    ("Meanwhile, the French foreign minister Claire Dubois arrived on Monday.", "Claire Dubois", "France"),
    ("Claire Dubois, the French foreign minister, arrived on Monday.", "Claire Dubois", "France"),
    ("President Dana Hale of Chile opened the summit on Monday.", "Dana Hale", "Chile"),
    ("Chilean President Dana Hale opened the summit on Monday.", "Dana Hale", "Chile"),
    ("Prime Minister Omar Haddad of Jordan spoke first.", "Omar Haddad", "Jordan"),
    ("Kenyan runner Alice Wanjiru won the race in Berlin on Sunday.", "Alice Wanjiru", "Kenya"),
])
def test_a_country_from_an_office_or_nationality_bound_to_the_name(text, name, country):
    assert participants(text)[name].affiliation == country


def test_the_country_of_the_office_not_the_place_of_the_meeting():
    people = participants("President Dana Hale of Chile met Foreign Minister Ines Moreau of France in Berlin.")
    assert people["Dana Hale"].affiliation == "Chile"
    assert people["Ines Moreau"].affiliation == "France"


def test_a_title_set_off_by_commas_before_the_name_gives_its_country():
    people = participants("The French foreign minister, Claire Dubois, said the talks would last two days.")
    assert people["Claire Dubois"].affiliation == "France"


def test_a_title_set_off_by_commas_before_the_name_is_the_persons_title():
    people = participants("Northfield's police chief, Tomas Reyes, said the road would reopen on Friday.")
    assert people["Tomas Reyes"].title == "Northfield's police chief"
    people = participants("Speaking after the vote, Tomas Reyes, the police chief, said the road would reopen.")
    assert people["Tomas Reyes"].title == "police chief"
def test_a_title_names_the_country_of_any_nationality_or_seat_of_government():
    assert title_country("Nigerian foreign minister") == "Nigeria"
    assert title_country("Brazilian Finance Minister") == "Brazil"
    assert title_country("a Casa Rosada spokeswoman") == "Argentina"
    assert title_country("Ghana's trade minister") == "Ghana"
    assert title_country("Lagos state governor") == "Nigeria"
