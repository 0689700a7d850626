"""Key points: one self-contained sentence per leading story."""

from __future__ import annotations

import pytest

from briefing.brief.points import (
    is_market_line,
    key_point_count,
    opens_with_shell_noun,
    opens_with_unresolved_reference,
    stands_alone,
    story_key_points,
)
from briefing.model import AnalyzedArticle, Article, Quote, Story


def article(n, sentences, summary):
    a = Article(path=f"/in/{n:03d}.txt", title=f"Headline {n}", paragraphs=[" ".join(sentences)])
    return AnalyzedArticle(article=a, sentences=list(sentences), spans=[(0, 0)] * len(sentences),
                           summary=list(summary), summary_rank=list(summary))


REHAB = [
    "He did not say what the actress was being treated for.",
    "Actress Mara Quill has checked into a rehabilitation centre in Malibu, her publicist said on Tuesday.",
    "The publicist asked for privacy for the family.",
]
REHAB_2 = [
    "Mara Quill entered the Malibu clinic on Monday night, a spokeswoman for the centre said.",
    "She was seen leaving a party in Los Angeles on Sunday.",
]
STORM = [
    "A storm cut power to 40,000 homes in the northern province on Wednesday, the utility said.",
    "Crews expected to restore most lines by the weekend.",
]
MARKET = [
    "The benchmark index rose 52.34 points, or 0.4 per cent, to 14,300.01.",
    "Traders said bank shares led the gains after the central bank held its rate steady on Friday.",
]


@pytest.fixture
def day():
    analyzed = [article(0, REHAB, [0, 1]), article(1, REHAB_2, [0, 1]), article(2, STORM, [0, 1]),
                article(3, MARKET, [0, 1])]
    stories = [Story(id="s1", title="Rehab", articles=[0, 1], summary=[(0, 0), (1, 0), (0, 1)]),
               Story(id="s2", title="Storm", articles=[2], summary=[(2, 0), (2, 1)]),
               Story(id="s3", title="Markets", articles=[3], summary=[(3, 0), (3, 1)])]
    return analyzed, stories


def test_one_point_per_story_never_two_from_one(day):
    analyzed, stories = day
    points = story_key_points(analyzed, stories, count=5)
    assert [p.story for p in points] == ["s1", "s2", "s3"]
    for p in points:
        assert p.text == analyzed[p.article].sentences[p.sentence]


def test_a_point_names_its_subject_and_is_not_a_market_line(day):
    analyzed, stories = day
    texts = [p.text for p in story_key_points(analyzed, stories, count=5)]
    assert REHAB[0] not in texts and REHAB_2[0] in texts  # "He did not say ..." leans on a sentence before
    assert MARKET[0] not in texts and MARKET[1] in texts


def test_the_count_caps_the_points_and_follows_the_stories(day):
    analyzed, stories = day
    assert len(story_key_points(analyzed, stories, count=2)) == 2
    assert [key_point_count(n) for n in (0, 1, 2, 5, 12)] == [0, 3, 3, 5, 5]


def test_a_story_the_brief_does_not_show_gives_no_point(day):
    analyzed, stories = day
    stories[0].shown = False
    assert "s1" not in [p.story for p in story_key_points(analyzed, stories, count=5)]


def test_a_continuing_storys_point_is_todays_development_never_what_it_knew(day):
    analyzed, stories = day
    storm = stories[1]
    storm.known = ["A storm cut power to 40,000 homes in the northern province on Wednesday, the utility said."]
    storm.summary_rank = [(2, 0), (2, 1)]  # even when its summary ranks the background first
    points = {p.story: p.text for p in story_key_points(analyzed, stories, count=5)}
    assert points["s2"] == STORM[1]
    storm.known.append("Crews expected to restore most lines by the weekend.")
    assert "s2" not in {p.story for p in story_key_points(analyzed, stories, count=5)}  # nothing new: no point


def test_a_point_never_repeats_a_quote_shown_beside_it():
    words = "We will restore every line before the cold weather arrives next week"
    quoted = f"“{words},” utility chief Dana Orr told reporters in the provincial capital."
    analyzed = [article(0, [quoted, STORM[0]], [0, 1])]
    stories = [Story(id="s1", title="Storm", articles=[0], summary=[(0, 0), (0, 1)])]
    points = story_key_points(analyzed, stories, count=1, quotes=[Quote(text=words, speaker="Dana Orr")])
    assert [p.text for p in points] == [STORM[0]]


@pytest.mark.parametrize("sentence, alone", [
    ("Actress Mara Quill has checked into a rehabilitation centre in Malibu, her publicist said.", True),
    ("Mara Quill's publicist said she had entered the clinic on Monday.", True),
    ("She was seen leaving a party in Los Angeles on Sunday night with friends.", False),
    ("But officials said the talks would resume in the capital next month.", False),
    ("On Monday, they said the clinic had asked for privacy for the patients.", False),
    ("This was the third outage in the province in less than a month.", False),
    ("Here, a retired judge gives her view of the ruling in full.", False),  # points into the article
    ("Farmers in the valley who planted early can expect a harvest about a fifth larger", False),  # cut off
    ("Harbour town votes to keep its ferry for another decade", False),  # a headline
    ('The mayor wrote on social media: "We are keeping the ferry!', False),  # cut inside a quotation
    ("“We will be back next year,” the coach told the club's supporters.", False),  # a quotation
    ("Will the council vote on the ferry plan before the summer recess?", False),  # a question
    ("LONDON (AP) _ Dock workers walked off the job at the port on Monday.", False),  # a dateline
    ("UPDATED 05/03/2031 at 11:00 AM EDT Dock workers walked off the job on Monday.", False),  # a stamp
    ("Every time you ask the council about the ferry, you get the same answer.", False),  # the writer's "you"
    ("The career diplomat took office in July after two years in Geneva.", False),  # who?
    ("The Chinese foreign minister said the talks would resume in May.", True),  # a role, qualified
    ("US officials said the talks would resume in the capital next month.", True),  # not "us"
    ("The move came a day after the harbour board met in private on Tuesday.", False),  # which move?
    ("Harbour master Ola Berg, however, said the ferry would sail on Friday.", False),  # contrasts with what?
    ('Ola Berg said the ferry, "however late, will sail" on Friday from the north quay.', True),  # quoted
    ("The decision to close the ferry line was taken by the harbour board on Tuesday.", True),  # says which
])
def test_a_sentence_stands_alone_when_a_reader_needs_nothing_before_it(sentence, alone):
    assert stands_alone(sentence) is alone


def test_pronouns_after_a_name_are_resolved_and_a_place_is_no_one_they_point_to():
    assert not opens_with_unresolved_reference("Prime Minister Dana Orr said he would travel on Friday.")
    assert opens_with_unresolved_reference("Officials said he would travel to Ottawa on Friday.")
    assert opens_with_unresolved_reference("In Ottawa, he met the premiers of the three coastal provinces.")
    assert not opens_with_unresolved_reference("US officials said the talks would resume in May.")  # not "us"


@pytest.mark.parametrize("sentence, leans", [
    ("The news came out during the second day of the inquiry into the port.", True),
    ("This decision was welcomed by the fishing crews of the northern coast.", True),
    ("The latest announcement surprised traders in the afternoon.", True),
    ("The deal would cut tariffs on steel and aluminium by half.", True),
    ("The news that the mill would close shocked the whole town.", False),  # its content follows
    ("The results of the ferry vote were announced on Friday night.", False),
    ("The report, published by the auditor on Monday, found rising debt.", False),
    ("The Senate decision angered the governor of the coastal province.", False),  # a name says whose
    ("The government announced new rules for the harbour on Monday.", False),  # no shell noun
])
def test_a_shell_noun_opening_points_back_unless_its_content_follows(sentence, leans):
    assert opens_with_shell_noun(sentence) is leans


def test_market_lines_are_numbers_with_an_index_or_a_price():
    assert is_market_line("The TSX rose 52.34 points to 14,300.01 on Friday.")
    assert is_market_line("Oil: $52.10, gold: $1,280.40, copper: $2.71.")
    assert not is_market_line("A storm cut power to 40,000 homes in the northern province on Wednesday.")
