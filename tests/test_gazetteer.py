"""Named general sources of names and places (briefing/analyze/gazetteer.py)."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

from briefing.analyze.gazetteer import FIRST_NAMES, common_surnames, country_of, world_first_names


def test_census_first_names_leave_out_words_that_are_more_often_something_else():
    assert "may" not in FIRST_NAMES and "hope" not in FIRST_NAMES
    assert FIRST_NAMES["jordan"] == "m"  # a look-alike that is a first name as often: kept


def test_first_names_of_the_world_come_from_fakers_locales_with_their_sex():
    world = world_first_names()
    assert world["abiodun"] == "m"  # Yoruba
    assert world["ngozi"] == "f"  # Igbo
    assert world["wojciech"] == "m"  # Polish
    assert world["solveig"] == "f"  # Norwegian
    assert world["hương"] == "f"  # Vietnamese
    assert world["malgorzata"] == "f"  # Polish, without its accents
    assert world["noa"] == ""  # a boy's name in Sweden, a girl's in the Netherlands


def test_first_names_of_the_world_leave_out_the_census_names_and_the_look_alikes():
    world = world_first_names()
    assert not set(world) & set(FIRST_NAMES)
    assert "may" not in world  # an English stop word and a month
    assert "gun" not in world and "peace" not in world  # in Faker's list of common English words
    assert "paris" not in world  # a place
    assert "atlanta" not in world  # a city of 100,000+ people
    assert "campbell" in common_surnames() and "campbell" not in world  # a common US surname


def test_first_names_of_the_world_are_read_from_a_cache_without_importing_faker(tmp_path):
    code = ("import sys; from briefing.analyze.gazetteer import world_first_names; "
            "print(len(world_first_names()), 'faker' in sys.modules)")
    env = {**os.environ, "XDG_CACHE_HOME": str(tmp_path)}
    first = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True, check=True)
    second = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True, check=True)
    count, imported = first.stdout.split()
    assert int(count) > 10_000 and imported == "True"
    assert second.stdout.split() == [count, "False"]
    assert list((tmp_path / "briefing").glob("table-world-first-names-*.marshal"))


# --- the country a word names (`country_of`) -------------------------------------------------------


@pytest.mark.parametrize("word, country", [
    ("Chile", "Chile"),  # a country's name
    ("chile", "Chile"),  # in any case
    ("French", "France"),  # its adjective
    ("Kenyan", "Kenya"),
    ("Dutch", "Netherlands"),
    ("British", "United Kingdom"),
    ("U.S.", "United States"),  # an abbreviation
    ("Japan's", "Japan"),  # a possessive
    ("Paris", "France"),  # a capital
])
def test_a_country_its_adjective_or_its_capital_names_the_country(word, country):
    assert country_of(word) == country


@pytest.mark.parametrize("word", ["Tuesday", "Harwick", "minister", "Reuters", ""])
def test_a_word_that_is_no_country_names_none(word):
    assert country_of(word) is None
def test_country_of_names_the_country_of_a_city_demonym_or_seat_anywhere():
    from briefing.analyze.gazetteer import country_of, is_place

    assert country_of("Lagos") == "Nigeria"
    assert country_of("Chicago") == "United States"
    assert country_of("Brazilian") == "Brazil"
    assert country_of("Casa Rosada") == "Argentina"
    assert country_of("Korean") is None and is_place("Korean")  # either Korea: a place, no country
    assert is_place("Ibadan") and not is_place("Halifax")


def test_city_names_and_big_city_names_come_from_the_one_geonames_reader():
    from briefing.analyze.gazetteer import big_city_names, city_names
    from briefing.vocabulary.places import geonames_city_rows

    rows = geonames_city_rows()
    assert city_names() == {name for _, _, name in rows}
    assert "kano" in big_city_names() and "kano" in city_names()
    assert big_city_names() == {name for pop, _, name in rows if pop >= 100_000}
