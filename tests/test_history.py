"""Stories across days (briefing/brief/history.py): three invented days (tests/sample_days.py), each
assembled, written as brief.json and read back, as `daily` does."""

from __future__ import annotations

import dataclasses
import json
from pathlib import Path

import pytest
from sample_days import DAYS, FIRE_DAYS, FIRST_DAY

from briefing.analyze.article import analyze_article
from briefing.brief.assemble import assemble_brief
from briefing.brief.points import stands_alone
from briefing.brief.history import TERMS_KEPT, load_brief, load_history
from briefing.analyze.summarize import near_duplicate
from briefing.model import InputError


def day_date(n: int):
    return FIRST_DAY.fromordinal(FIRST_DAY.toordinal() + n - 1)


def assemble_day(n: int, history=()):
    analyzed = [analyze_article(item.article()) for item in DAYS[n]]
    return assemble_brief(analyzed, date=day_date(n), history=list(history))


def write(brief, folder: Path) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / "brief.json"
    path.write_text(json.dumps(brief.to_json(), ensure_ascii=False), encoding="utf-8")
    return path


def story_about(brief, story: str):
    """The brief's story whose articles are the sample day's `story` ones."""
    slugs = {f"{item.slug}.txt" for n in DAYS for item in DAYS[n] if item.story == story}
    found = [s for s in brief.stories if all(brief.articles[i].article.path.split("/")[-1] in slugs for i in s.articles)]
    assert len(found) == 1, [s.title for s in brief.stories]
    return found[0]


@pytest.fixture(scope="module")
def three_days(tmp_path_factory):
    root = tmp_path_factory.mktemp("days")
    briefs, history = {}, []
    for n in (1, 2, 3):
        briefs[n] = assemble_day(n, history)
        history.append(load_brief(write(briefs[n], root / day_date(n).isoformat())))
    return briefs, root


def test_a_story_reported_again_continues_with_what_its_readers_already_know(three_days):
    briefs, _ = three_days
    first, second = story_about(briefs[1], "strike"), story_about(briefs[2], "strike")
    assert first.status == "new" and first.previous is None
    assert second.status == "continuing" and second.day == 2 and second.first_seen == day_date(1)
    assert second.previous["id"] == first.id and second.previous["date"] == day_date(1).isoformat()
    # what day 1's articles said is the known content an update summary leaves aside
    day1_sentences = {s for a in briefs[1].articles if a.article.path.startswith("day1/velden") for s in a.sentences}
    assert day1_sentences <= set(second.known)
    assert story_about(briefs[2], "flood").status == "new"


def test_the_third_day_counts_from_the_first(three_days):
    briefs, _ = three_days
    third = story_about(briefs[3], "strike")
    assert third.status == "continuing" and third.day == 3 and third.first_seen == day_date(1)
    assert third.previous["id"] == story_about(briefs[2], "strike").id
    assert third.previous["date"] == day_date(2).isoformat()


def test_a_look_alike_event_is_a_new_story(three_days):
    """Another strike (another union, another city, other numbers) the day the first one ends."""
    briefs, _ = three_days
    lookalike = story_about(briefs[3], "lookalike")
    assert lookalike.status == "new" and lookalike.previous is None and lookalike.known == []
    assert story_about(briefs[3], "museum").status == "new"


def test_yesterdays_stories_with_no_article_today_are_named(three_days):
    briefs, _ = three_days
    assert [q["title"] for q in briefs[2].quiet] == [story_about(briefs[1], "budget").title]
    assert [q["title"] for q in briefs[3].quiet] == [story_about(briefs[2], "flood").title]
    assert briefs[3].quiet[0]["date"] == day_date(2).isoformat()
    assert [b["date"] for b in briefs[3].since] == [day_date(1).isoformat(), day_date(2).isoformat()]


def test_brief_json_keeps_each_storys_evidence_and_status(three_days):
    _, root = three_days
    record = json.loads((root / day_date(3).isoformat() / "brief.json").read_text())
    assert {s["status"] for s in record["stories"]} == {"new", "continuing"}
    for story in record["stories"]:
        assert story["summary"] and story["event"]
        for evidence in story["event"]:
            assert evidence["article"] in story["articles"] and evidence["date"]
            assert all(len(evidence[block]) <= keep for block, keep in TERMS_KEPT.items())
        if story["status"] == "continuing":
            assert story["first_seen"] == day_date(1).isoformat() and story["previous"]["id"]
            # who and where tell this strike from another: the names are kept
            assert {"velden", "kovell"} <= set(story["event"][0]["names"])
        else:
            assert story["previous"] is None and story["first_seen"] is None
    assert [q["title"] for q in record["no_new_reports"]]


def test_a_brief_written_before_stories_kept_their_evidence_is_matched_by_its_articles(tmp_path):
    old = assemble_day(1).to_json()
    for story in old["stories"]:
        del story["event"]
    path = tmp_path / "brief.json"
    path.write_text(json.dumps(old), encoding="utf-8")
    second = assemble_day(2, [load_brief(tmp_path)])
    assert story_about(second, "strike").status == "continuing"
    assert story_about(second, "flood").status == "new"


def old_style(record: dict) -> dict:
    """`record` as a brief.json was written before schema 2: no ``schema_version``; stories,
    quotes and participants name articles by path, key points by index; a story's ``summary`` is
    its sentences' texts and ``summary_sources`` says where each is from; an article's ``summary``
    is what the page printed; a new story has no ``first_seen``, ``previous`` or ``event`` keys."""
    paths = {a["id"]: a["path"] for a in record["articles"]}
    old = {k: v for k, v in record.items() if k != "schema_version"}
    old["articles"] = [{k: v for k, v in a.items() if k not in ("id", "printed")} | {"summary": a.get("printed", [])}
                       for a in record["articles"]]
    old["key_points"] = [kp | {"article": int(kp["article"][1:]) - 1} for kp in record["key_points"]]
    old["stories"] = []
    for story in record["stories"]:
        said = story.get("printed") or story["summary"]
        old_story = {k: v for k, v in story.items() if k not in ("printed", "event", "first_seen", "previous")}
        old_story |= {"articles": [paths[a] for a in story["articles"]], "summary": [s["text"] for s in said],
                      "summary_sources": [{"article": paths[s["article"]], "sentence": s["sentence"]} for s in said]}
        if story["status"] == "continuing":
            old_story |= {"first_seen": story["first_seen"], "previous": story["previous"]}
        if story["event"]:
            old_story["event"] = [{k: v for k, v in e.items() if k != "article"} | {"path": paths[e["article"]]}
                                  for e in story["event"]]
        old["stories"].append(old_story)
    return old


def test_a_brief_json_written_before_schema_2_is_read_as_todays(tmp_path):
    record = assemble_day(1).to_json()
    new, old = tmp_path / "new", tmp_path / "old"
    for folder, data in ((new, record), (old, old_style(record))):
        folder.mkdir()
        (folder / "brief.json").write_text(json.dumps(data), encoding="utf-8")
    assert "schema_version" not in json.loads((old / "brief.json").read_text())
    read_new, read_old = load_brief(new), load_brief(old)
    assert read_old.date == read_new.date and read_old.title == read_new.title
    assert [(s.id, s.title, s.shown, s.day, s.first_seen) for s in read_old.stories] == \
        [(s.id, s.title, s.shown, s.day, s.first_seen) for s in read_new.stories]
    assert [s.features for s in read_old.stories] == [s.features for s in read_new.stories]
    assert [s.known for s in read_old.stories] == [s.known for s in read_new.stories]
    assert all(s.known for s in read_old.stories)  # the articles found by path: what they said
    second = assemble_day(2, [read_old])
    assert story_about(second, "strike").status == "continuing"
    assert story_about(second, "flood").status == "new"


def test_an_old_brief_without_evidence_or_articles_recalls_its_stories_by_their_summary_texts(tmp_path):
    record = old_style(assemble_day(1).to_json())
    for story in record["stories"]:
        del story["event"]
    record["articles"] = []
    (tmp_path / "brief.json").write_text(json.dumps(record), encoding="utf-8")
    earlier = load_brief(tmp_path)
    assert [s.known for s in earlier.stories] == [s["summary"] for s in record["stories"]]
    assert all(s.known for s in earlier.stories) and not any(s.features for s in earlier.stories)


def test_a_brief_of_the_same_day_or_later_is_not_history(three_days):
    _, root = three_days
    later = load_history([root / day_date(3).isoformat()])
    again = assemble_day(2, later)
    assert all(s.status == "new" for s in again.stories) and again.quiet == [] and again.since == []


def test_briefs_that_cannot_be_read_are_named(tmp_path):
    with pytest.raises(InputError) as missing:
        load_brief(tmp_path / "nowhere")
    assert "nowhere" in str(missing.value) and "brief.json" in str(missing.value)
    (tmp_path / "notes.json").write_text("not json at all", encoding="utf-8")
    with pytest.raises(InputError) as garbled:
        load_brief(tmp_path / "notes.json")
    assert str(garbled.value).startswith(str(tmp_path / "notes.json")) and "not a brief.json" in str(garbled.value)
    (tmp_path / "undated.json").write_text(json.dumps({"title": "x", "stories": []}), encoding="utf-8")
    with pytest.raises(InputError) as undated:
        load_brief(tmp_path / "undated.json")
    assert "date" in str(undated.value)


# --- what is new first: the update summary ------------------------------------------------------


def fire_day(n: int, history=(), items=None):
    analyzed = [analyze_article(item.article()) for item in (items or FIRE_DAYS[n])]
    return assemble_brief(analyzed, date=day_date(n), history=list(history))


@pytest.fixture(scope="module")
def fire_history(tmp_path_factory):
    first = fire_day(1)
    return first, [load_brief(write(first, tmp_path_factory.mktemp("fire") / day_date(1).isoformat()))]


def said_on_day_1(first, text: str) -> bool:
    return any(near_duplicate(text, s) for a in first.articles for s in a.sentences)


def test_a_continuing_story_opens_with_todays_development_and_its_key_point_is_new(fire_history):
    first, history = fire_history
    second = fire_day(2, history)
    story = second.stories[0]
    assert story.status == "continuing" and story.day == 2
    opening = second.articles[story.summary[0][0]].sentences[story.summary[0][1]]
    assert not said_on_day_1(first, opening)
    point = next(p for p in second.key_points if p.story == story.id)
    assert "valve" in point.text and not said_on_day_1(first, point.text)  # the cause found today
    # nothing the reader had yesterday is printed again, in the points or the block
    block = [second.articles[a].sentences[s] for a, s in story.summary]
    assert not any(said_on_day_1(first, t) for t in block + [p.text for p in second.key_points])


def test_without_yesterdays_brief_the_same_day_leads_with_the_background(fire_history):
    first, _ = fire_history
    alone = fire_day(2)
    assert alone.stories[0].status == "new"
    assert said_on_day_1(first, alone.key_points[0].text)  # both reports open with Monday's evacuation


def test_a_day_that_adds_nothing_recalls_the_story_in_one_sentence_and_gives_no_key_point(fire_history):
    first, history = fire_history
    again = [dataclasses.replace(item, day=2, slug=item.slug + "-again") for item in FIRE_DAYS[1]]
    repeat = fire_day(2, history, items=again)
    story = repeat.stories[0]
    assert story.status == "continuing"
    assert len(story.summary) == 1  # what the story is, for the reader who sees its "Day 2"
    recap = repeat.articles[story.summary[0][0]].sentences[story.summary[0][1]]
    assert "Brannvik" in recap and stands_alone(recap)
    assert [p for p in repeat.key_points if p.story == story.id] == []
    assert [s["text"] for s in repeat.to_json()["stories"][0]["summary"]] == [recap]


def test_every_story_in_brief_json_has_its_summary_shown_or_not(three_days):
    briefs, root = three_days
    focused = assemble_brief([analyze_article(item.article()) for item in DAYS[2]], date=day_date(2),
                             history=[load_brief(root / day_date(1).isoformat())], only_focus=True, focus=["Arnsdal"])
    strike = story_about(focused, "strike")
    assert not strike.shown and strike.status == "continuing"  # the page leaves it out, brief.json keeps it
    for brief in (*briefs.values(), focused):
        assert all(story["summary"] for story in brief.to_json()["stories"])
