"""The analyst's focus: terms from the command line or the config, and what counts as naming them."""

from __future__ import annotations

from briefing.brief.focus import focus_matcher, parse_focus


def test_focus_terms_come_from_a_comma_separated_line_or_a_list():
    assert parse_focus("North Korea, six-party talks") == ["North Korea", "six-party talks"]
    assert parse_focus(["North Korea", " north  korea ", "sanctions"]) == ["North Korea", "sanctions"]
    assert parse_focus(None) == [] and parse_focus(" , ") == []


def test_a_place_is_named_by_its_capital_its_demonym_and_its_abbreviations():
    korea = focus_matcher(["North Korea"])
    assert korea("Pyongyang warned on Tuesday") and korea("a North Korean diplomat") and korea("the DPRK said")
    assert not korea("South Korea's president") and not korea("Korean food")


def test_case_hyphens_and_plurals_do_not_matter_but_short_capitals_must_match_as_written():
    talks = focus_matcher(["six-party talk"])
    assert talks("the Six-Party Talks resumed") and talks("six party talks")
    assert not talks("a six-party meeting")
    assert focus_matcher(["US"])("US envoys arrived") and not focus_matcher(["US"])("let us know")


def test_no_focus_matches_nothing():
    assert not focus_matcher([])("North Korea fired a missile")
