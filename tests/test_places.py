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


def test_cities_are_every_countrys_capital_and_its_largest_million_cities():
    from briefing.vocabulary.places import CITY_COUNTRY

    assert CITY_COUNTRY["abuja"] == "Nigeria"  # a capital
    assert CITY_COUNTRY["lagos"] == "Nigeria"  # a million city
    assert CITY_COUNTRY["los angeles"] == "United States"
    assert CITY_COUNTRY["são paulo"] == CITY_COUNTRY["sao paulo"] == "Brazil"  # also without its accent
    assert CITY_COUNTRY["nairobi"] == "Kenya"
    assert CITY_COUNTRY["lima"] == "Peru"
    assert "halifax" not in CITY_COUNTRY  # a city of half a million: no lookup word
    assert "hamilton" not in CITY_COUNTRY  # Bermuda's capital: a territory of 65,000 people


def test_each_country_has_at_most_five_million_cities_besides_its_capital():
    from collections import Counter

    from briefing.vocabulary.places import CITIES_PER_COUNTRY, CITY_COUNTRY

    # China has 176 cities of a million or more in GeoNames; the table keeps its five largest
    per_country = Counter(country for name, country in CITY_COUNTRY.items() if name.isascii())
    assert per_country["China"] <= CITIES_PER_COUNTRY + 1
    assert len(per_country) > 150  # every country has its capital


def test_a_city_named_x_city_is_also_x_when_x_is_its_state_or_country():
    from briefing.vocabulary.places import CITY_COUNTRY

    assert CITY_COUNTRY["new york"] == CITY_COUNTRY["new york city"] == "United States"
    assert CITY_COUNTRY["kuwait"] == "Kuwait"


def test_nationalities_come_from_the_factbook_for_every_country():
    from briefing.vocabulary.places import DEMONYMS, SHARED_NATIONALITIES

    assert DEMONYMS["brazilian"] == "Brazil"
    assert DEMONYMS["nigerian"] == "Nigeria" and DEMONYMS["nigerien"] == "Niger"
    assert DEMONYMS["filipino"] == DEMONYMS["philippine"] == "Philippines"
    assert DEMONYMS["kazakhstani"] == "Kazakhstan"
    assert DEMONYMS["ghanaians"] == "Ghana"  # the Factbook's plural
    assert DEMONYMS["south korean"] == "South Korea"  # "<compass> <adjective>" for "<compass> X"
    assert DEMONYMS["u.s."] == "United States"
    # the Factbook gives both Koreas "Korean" and both Congos "Congolese": no country alone
    assert "korean" not in DEMONYMS and "korean" in SHARED_NATIONALITIES
    assert "congolese" in SHARED_NATIONALITIES and "congolese" not in DEMONYMS


def test_seats_of_government_cover_the_g20_evenly():
    from briefing.vocabulary.places import GOVERNMENT_SEATS

    assert GOVERNMENT_SEATS["casa rosada"] == "Argentina"
    assert GOVERNMENT_SEATS["union buildings"] == "South Africa"
    assert GOVERNMENT_SEATS["planalto"] == "Brazil"
    assert "queen's park" not in GOVERNMENT_SEATS  # a province's legislature, not a G20 seat
    assert len(set(GOVERNMENT_SEATS.values())) >= 19


def test_the_brief_counts_places_of_every_continent():
    forms = place_forms()
    assert forms["Lagos"] == "Nigeria"
    assert forms["Brazilians"] == "Brazil"
    assert forms["Chicago"] == "United States"
    assert "Male" not in forms  # the Maldives' capital, and an English word
    text = "Kenyan officials met Brazilian envoys in Nairobi."
    assert [m.group(0) for m in place_pattern().finditer(text)] == ["Kenyan", "Brazilian", "Nairobi"]


def test_a_compass_country_has_its_headline_forms_and_iso_names_show_one_name():
    forms = place_forms()
    assert forms["N. Korea"] == forms["NK"] == "North Korea"
    assert forms["S. Africa"] == "South Africa"
    assert "SK" not in forms  # Slovakia's ISO code, not South Korea's initials
    assert forms["Russian Federation"] == forms["Russia"] == "Russia"
    assert forms["Türkiye"] == forms["Turkish"] == "Turkey"  # "Turkey" alone is also a bird
