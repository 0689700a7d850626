"""Ranking for a policy reader (briefing/brief/rank.py): beats lead, light beats follow, opinion is
labelled and never a key point, excluded beats are said, look-alike events stay apart."""

from __future__ import annotations

import datetime as dt

import pytest

from briefing.analyze.article import analyze_article
from briefing.brief.assemble import assemble_brief
from briefing.brief.rank import (beat_label, beat_tier, beats_phrase, may_give_key_point, parse_beats,
                                 story_order_key)
from briefing.brief.stories import build_stories
from briefing.model import Article, BriefingError, Story
from briefing.render.layout import not_shown_note, page_view

DAY = dt.date(2024, 5, 2)


def art(n, title, paragraphs, section="", opinion=False, source=None, date="2024-05-01"):
    return analyze_article(Article(path=f"/in/{n:02d}.txt", title=title, paragraphs=paragraphs,
                                   section=section, opinion=opinion, source=source, date=date))


SUMMIT = ["Foreign ministers of the five coastal states agreed on Wednesday in Tromso to share fishing quotas "
          "for the northern cod stock for the next ten years.",
          "The agreement, reached after two days of talks, still needs the approval of each parliament.",
          "Officials said a joint commission would review the quotas every second year."]
GAME_A = ["The Harbour City Gulls beat the Ridgefield Hawks 4-2 on Tuesday night at Gull Arena, "
          "with Tomas Berg scoring twice in the third period.",
          "Berg's second goal came on a power play after Hawks defenceman Ivo Marek was sent to the penalty box.",
          "The Gulls have won five straight games and lead the league standings."]
GAME_B = ["The Lakeport Otters beat the Stonebridge Bears 3-1 on Tuesday night at Otter Centre, "
          "with Ruben Kask scoring twice in the second period.",
          "Kask's second goal came on a power play after Bears winger Emil Dorn was sent to the penalty box.",
          "The Otters have won three straight games and climbed to second in the league standings."]
ESSAY = ["The quota deal signed in Tromso is a surrender dressed up as a compromise, and parliament "
         "should reject it.",
         "Ministers promised the coastal towns a fair share and delivered a decade of decline.",
         "It is time the government admitted that the numbers never added up."]
DEALS = ["The best deals of the day include a cordless drill at 40% off and free shipping on garden tools.",
         "We may earn a commission when you buy through links on this page.",
         "Prices end at midnight, so add to cart now."]


def test_beats_parse_and_rank_public_affairs_first():
    assert parse_beats("Politics, world") == ("politics", "world")
    assert parse_beats(None, ("economy",)) == ("economy",)
    assert parse_beats("shopping") == ("commerce",)
    with pytest.raises(BriefingError, match="unknown beat"):
        parse_beats("gossip")
    assert beat_tier("politics") > beat_tier("business") > beat_tier("technology") > beat_tier("sport")
    assert beat_tier("sport", beats=("sport",)) > beat_tier("politics", beats=("sport",))
    assert beats_phrase(["sport", "commerce", "entertainment", "sport"]) == "sport, entertainment and shopping"


def test_a_match_never_outranks_a_summit_unless_sport_is_a_beat():
    day = [art(0, "Gulls beat Hawks", GAME_A, "sport", source="A"), art(1, "Gulls win again", GAME_A, "sport", source="B"),
           art(2, "Ministers agree cod quotas", SUMMIT, "world", source="C")]
    assert build_stories(day)[0].section == "world"  # one report of the summit beats two of the game
    assert build_stories(day, beats=("sport",))[0].section == "sport"


def test_news_comes_before_opinion_within_a_beat():
    news = Story(id="", title="n", articles=[0], section="world", score=1.0)
    essay = Story(id="", title="o", articles=[1], section="world", score=5.0, opinion=True)
    assert sorted([essay, news], key=story_order_key)[0] is news


def test_two_look_alike_games_of_one_league_on_one_night_are_two_stories():
    day = [art(0, "Gulls beat Hawks 4-2", GAME_A, source="A"), art(1, "Otters beat Bears 3-1", GAME_B, source="B")]
    stories = build_stories(day, beats=("sport",))
    assert len(stories) == 2 and all(len(s.articles) == 1 for s in stories)


SUMMIT_AGAIN = ["The five coastal states agreed in Tromso to share the northern cod quotas for ten years, "
                "their foreign ministers said on Wednesday.",
                "Each parliament must still approve the agreement reached after two days of talks.",
                "A joint commission will review the fishing quotas every second year, officials said."]


def test_articles_a_week_apart_are_not_one_event():
    same_day = [art(0, "Ministers agree cod quotas", SUMMIT, source="A"),
                art(1, "Coastal states share cod quotas", SUMMIT_AGAIN, source="B")]
    assert len(build_stories(same_day)) == 1
    months_apart = [same_day[0], art(1, "Coastal states share cod quotas", SUMMIT_AGAIN, source="B",
                                     date="2024-03-01")]
    assert len(build_stories(months_apart)) == 2


EXTRADITION = ["Chile's foreign minister Ines Parra said on Wednesday that Santiago would ask Norway to extradite "
               "a former army colonel wanted over the disappearance of three students in 1984.",
               "Norway's justice minister Henrik Dahl said the request would be examined by the courts in Oslo, "
               "where the colonel has lived since 1990.",
               "Prosecutors in Chile accuse him of kidnapping and torture; his lawyer says the charges are political."]
KICKBACKS = ["Prosecutors in Austria charged former interior minister Karl Weiss on Thursday with taking kickbacks "
             "on police radio contracts.",
             "Former deputy finance minister Lena Ost and government spokesman Paul Brandl were charged in the same case.",
             "All three deny wrongdoing; the trial is expected to open in the spring."]
BURGLARY = ["Police in Westbrook arrested two men on Tuesday after a jewellery shop on Mill Street was broken into "
            "overnight.",
            "Officers found rings and watches worth about 20,000 pounds in the men's car, a police spokesman said.",
            "Both men are due in court on Friday charged with burglary."]


def test_a_crime_story_with_a_state_angle_is_public_affairs_and_an_ordinary_crime_is_not():
    day = [art(0, "Burglars held after jewellery shop raid", BURGLARY, "crime", source="A"),
           art(1, "Chile asks Norway to extradite former colonel", EXTRADITION, "crime", source="B"),
           art(2, "Former ministers charged over police radio kickbacks", KICKBACKS, "crime", source="C")]
    beats = {s.title: s.section for s in build_stories(day)}
    assert beats == {"Chile asks Norway to extradite former colonel": "world",  # a case between two states
                     "Former ministers charged over police radio kickbacks": "politics",  # officials charged at home
                     "Burglars held after jewellery shop raid": "crime"}
    assert build_stories(day)[-1].section == "crime"  # the burglary comes last
    assert all(a.article.section == "crime" for a in day)  # the articles keep their section


BRIDGE_ESSAY = ["The new toll on the Vesterbro bridge is a tax on the commuters who can least afford it, "
                "and the city council should scrap it.",
                "Councillors promised the suburbs cheaper travel and delivered a charge that rises every year.",
                "It is time the mayor admitted that the toll was never about road repairs."]


def test_an_opinion_piece_gives_no_key_point_and_is_labelled_on_the_page():
    essay = art(0, "The bridge toll is a tax on commuters", BRIDGE_ESSAY, "politics", opinion=True, source="Courier")
    summit = art(1, "Ministers agree cod quotas", SUMMIT, "world", source="Herald")
    assert not may_give_key_point(essay) and may_give_key_point(summit)
    brief = assemble_brief([essay, summit], date=DAY)
    assert brief.key_points and all(brief.articles[k.article] is summit for k in brief.key_points)
    view = page_view(brief, for_pdf=False, pages=1, overflow=False)
    credits = {b["title"]: b["credit"] for b in view["stories"]}
    assert credits["The bridge toll is a tax on commuters"].startswith("Courier · Opinion")
    assert "Opinion" not in credits["Ministers agree cod quotas"]


def test_a_story_summary_leaves_out_the_opinion_pieces_sentences():
    day = [art(0, "The quota deal is a surrender", ESSAY, "world", opinion=True, source="Courier"),
           art(1, "Ministers agree cod quotas", SUMMIT, "world", source="Herald"),
           art(2, "Coastal states share cod quotas", SUMMIT_AGAIN, "world", source="Post")]
    story = build_stories(day)[0]
    assert len(story.articles) == 3 and story.articles[0] != 0  # a news report leads
    assert story.summary and all(a != 0 for a, _ in story.summary)
    brief = assemble_brief(day, date=DAY)
    credit = page_view(brief, for_pdf=False, pages=1, overflow=False)["stories"][0]["credit"]
    assert "Courier (Opinion)" in credit and "Herald (Opinion)" not in credit


def test_excluded_beats_are_not_shown_and_the_page_says_so():
    day = [art(0, "Ministers agree cod quotas", SUMMIT, "world"), art(1, "Deals of the day", DEALS, "commerce")]
    brief = assemble_brief(day, date=DAY)
    assert [s.shown for s in brief.stories] == [True, False]
    assert "1 shopping story not shown (excluded beats)" in brief.omitted
    shown = assemble_brief(day, date=DAY, exclude_beats=())
    assert all(s.shown for s in shown.stories)


def test_light_stories_give_key_points_only_on_a_day_without_public_affairs():
    match = art(0, "Gulls beat Hawks", GAME_A, "sport")
    assert not may_give_key_point(match)
    assert assemble_brief([match], date=DAY).key_points  # nothing else that day: the match gives one
    day = [match, art(1, "Ministers agree cod quotas", SUMMIT, "world")]
    brief = assemble_brief(day, date=DAY)
    assert {brief.articles[k.article].article.section for k in brief.key_points} == {"world"}


def test_the_brief_labels_the_light_beats_and_the_page_says_what_it_left_out_by_beat():
    assert [beat_label(s) for s in ("sport", "commerce", "world", "politics")] == ["sport", "shopping", "", ""]
    stories = [Story(id=f"s{k}", title="t", articles=[k], section=s, beat_label=beat_label(s))
               for k, s in enumerate(["sport", "sport", "entertainment", "commerce", "world"])]
    assert not_shown_note(stories) == ("4 sport, entertainment and shopping stories and 1 more not shown: "
                                       "listed in brief.json")
    assert not_shown_note(stories[4:]) == "1 story not shown: listed in brief.json"


def test_build_and_analyze_take_beats_from_the_command_line_and_the_page_says_what_it_left_out(tmp_path):
    import json
    import subprocess
    import sys

    inbox = tmp_path / "inbox"
    inbox.mkdir()
    (inbox / "summit.txt").write_text("Ministers agree cod quotas\n\n" + "\n\n".join(SUMMIT) + "\n", encoding="utf-8")
    (inbox / "deals.txt").write_text("Deals of the day\n\n" + "\n\n".join(DEALS) + "\n", encoding="utf-8")
    (inbox / "game.txt").write_text("Gulls beat Hawks 4-2\n\n" + "\n\n".join(GAME_A) + "\n", encoding="utf-8")
    run = subprocess.run([sys.executable, "-m", "briefing", "build", str(inbox), "--out", str(tmp_path / "out"), "-q"],
                         capture_output=True, text=True)
    assert run.returncode == 0, run.stderr
    html = (tmp_path / "out" / "brief.html").read_text(encoding="utf-8")
    assert "1 shopping story not shown (excluded beats)" in html and "Deals of the day" not in html
    data = json.loads((tmp_path / "out" / "brief.json").read_text(encoding="utf-8"))
    assert data["stories"][0]["section"] in ("politics", "world", "economy")  # the summit leads
    assert [s["shown"] for s in data["stories"] if s["section"] == "commerce"] == [False]
    run = subprocess.run([sys.executable, "-m", "briefing", "analyze", "--json", "-q", "--beats", "sport",
                          "--exclude-beats", "", str(inbox)], capture_output=True, text=True)
    record = json.loads(run.stdout)
    assert record["stories"][0]["section"] == "sport" and all(s["shown"] for s in record["stories"])
    assert {"commerce", "sport"} < {a["section"] for a in record["articles"]}
    bad = subprocess.run([sys.executable, "-m", "briefing", "build", str(inbox), "--beats", "gossip"],
                         capture_output=True, text=True)
    assert bad.returncode != 0 and "unknown beat 'gossip'" in bad.stderr and "Traceback" not in bad.stderr
