"""Choosing what the brief shows: key points, quotes, participants, title and date."""

from __future__ import annotations

import datetime as dt

import pytest

from briefing.brief.stories import build_stories
from briefing.vocabulary.topics import SECTIONS
from briefing.brief.assemble import assemble_brief, derive_title, rank_quotes
from briefing.model import AnalyzedArticle, Article, BriefingError, Participant, Quote


def article(n, sentences, summary, quotes=(), participants=()):
    a = Article(path=f"/in/{n:03d}.txt", title=f"Headline {n}", paragraphs=[" ".join(sentences)])
    return AnalyzedArticle(article=a, sentences=list(sentences), spans=[(0, 0)] * len(sentences),
                           summary=list(summary), summary_rank=list(summary), quotes=list(quotes),
                           participants=list(participants))


SEOUL = [
    "South Korea and the United States agreed on Friday to coordinate closely on North Korea's nuclear program.",
    "The weather in Seoul was mild for the season, with light winds from the west.",
    "Officials said a fresh round of six-party talks was still premature without concrete steps by Pyongyang.",
    "Daniel Russel arrived in Seoul on Thursday for a three-day visit as part of his Asia tour.",
]
TOKYO = [
    "Senior officials from South Korea, the United States and Japan began consultations in Tokyo on Monday.",
    "South Korea and the U.S. agreed on Friday to coordinate closely on North Korea's nuclear program.",
    "A joint proposal could offer a security guarantee and energy aid in return for denuclearization.",
]


def q(text, speaker, score=1.0, title=None):
    return Quote(text=text, speaker=speaker, title=title, score=score)


def test_quotes_prefer_a_named_speaker_and_a_readable_length():
    a = article(0, SEOUL, [0], quotes=[
        q("We will exchange assessments of the talks and a joint strategy for the next round.", None, 1.2),
        q("Fine.", "Lee Soo-hyuck", 1.2),
        q("The U.S. is showing a more flexible attitude towards the talks this autumn.", "Yoon Young-kwan", 1.0),
    ])
    ranked = rank_quotes([a], max_quotes=None)
    assert ranked[0].speaker == "Yoon Young-kwan"
    assert ranked[-1].text == "Fine."


def test_the_page_prints_only_quoted_words_that_open_as_a_sentence():
    from briefing.brief.assemble import opens_a_sentence

    a = article(0, SEOUL, [0], quotes=[
        q("a quiet understanding between the two governments on the talks.", "Yoon Young-kwan", 2.0),
        q("...and then the talks stalled again for another long month.", "Yoon Young-kwan", 2.0),
        q("The talks will go on in Seoul next month, whatever the weather.", "Lee Soo-hyuck", 1.0),
    ])
    assert [x.speaker for x in rank_quotes([a], max_quotes=None)] == ["Lee Soo-hyuck"]
    assert opens_a_sentence("[W]e will be there.") and opens_a_sentence("2016 was hard.")
    assert not opens_a_sentence("but we will be there.")


def test_one_speaker_gets_at_most_three_quotes_before_the_others():
    lines = [
        "It is crystal clear that the goal is the complete and verifiable denuclearization of the peninsula.",
        "There certainly is a long and unsavory history of cooperation with the Syrian regime.",
        "The place where we focus is in facilitating authentic negotiations at the table.",
        "This is the time when the international community must speak out clearly on chemical weapons.",
        "I don't believe there is a final decision about participation in these informal meetings.",
    ]
    a = article(0, SEOUL, [0], quotes=[q(t, "Daniel Russel", 2.0) for t in lines])
    b = article(1, TOKYO, [0], quotes=[q("Nobody should expect a breakthrough this week, but the direction is right.",
                                         "Мицудзи Ябунака", 0.5)])
    ranked = rank_quotes([a, b], max_quotes=None)
    assert [x.speaker for x in ranked[:4]] == ["Daniel Russel"] * 3 + ["Мицудзи Ябунака"]
    assert len(rank_quotes([a, b], max_quotes=3)) == 3


def test_the_same_quote_in_two_articles_appears_once():
    words = "It is crystal clear that the goal is the complete and verifiable denuclearization of the peninsula."
    a = article(0, SEOUL, [0], quotes=[q(words, "Daniel Russel")])
    b = article(1, TOKYO, [0], quotes=[q(words.replace("crystal ", ""), "Russel")])
    ranked = rank_quotes([a, b])
    assert len(ranked) == 1 and ranked[0].article == "/in/000.txt"


def test_participants_are_merged_and_ranked_quoted_then_mentions_then_title():
    a = article(0, SEOUL, [0], participants=[
        Participant("Kim Kyou-hyun", "vice foreign minister", "South Korea", mentions=1),
        Participant("Daniel Russel", "assistant secretary of state", "United States", quoted=True, mentions=3),
        Participant("Cho Tae-yong", None, "South Korea", mentions=1),
        Participant("이수혁", None, "South Korea", mentions=4),
    ])
    b = article(1, TOKYO, [0], participants=[
        Participant("Daniel Russel", None, "United States", mentions=1),
    ])
    names = [p.name for p in assemble_brief([a, b]).participants]
    assert names == ["Daniel Russel", "이수혁", "Kim Kyou-hyun", "Cho Tae-yong"]
    russel = assemble_brief([a, b]).participants[0]
    assert russel.mentions == 4 and set(russel.articles) == {"/in/000.txt", "/in/001.txt"}


def test_a_derived_title_names_the_place_the_text_mentions_most():
    a = article(0, [
        "Pyongyang rejected the offer on Monday.",
        "North Korean state media called the drills a rehearsal for invasion.",
        "A U.S. envoy said Washington was ready to talk.",
        "The North has tested two missiles this year.",
    ], summary=[0])
    assert derive_title([a]) == "Daily Brief: North Korea"  # its capital and demonym count


def test_a_derived_title_names_two_places_when_they_are_close():
    a = article(0, [
        "Russian forces shelled the city overnight.",
        "Ukraine said Kyiv would not negotiate under fire.",
        "Moscow denied the report.",
        "Ukrainian officials asked for air defence.",
    ], summary=[0, 1])
    assert derive_title([a]) in ("Daily Brief: Russia and Ukraine", "Daily Brief: Ukraine and Russia")


def test_a_derived_title_ignores_the_countries_people_merely_come_from():
    people = [Participant("Person A", None, "United States"), Participant("Person B", None, "Japan")]
    a = article(0, [
        "Talks on Iran's nuclear programme resumed in Vienna.",
        "Tehran said the sanctions must go first.",
        "Iranian negotiators met the envoys for three hours.",
    ], summary=[0], participants=people)
    assert derive_title([a]) == "Daily Brief: Iran"
    assert derive_title([article(3, ["The weather was mild.", "Markets were calm."], [0])]) == "Daily Brief"


def test_a_derived_title_counts_a_headline_more_than_a_passing_mention():
    a = article(0, ["China said it would attend.", "Beijing gave no date.", "Japan welcomed the talks."], [2])
    a.article.title = "Japan hosts talks on trade"
    assert derive_title([a]) == "Daily Brief: Japan"


def test_the_seed_articles_are_about_north_korea():
    from pathlib import Path

    from briefing.pipeline import analyze_paths

    analyzed, _ = analyze_paths([Path(__file__).resolve().parents[1] / "seeds"])
    # North Korea first (its names only: "the North" is no name of it), the United States, close
    # behind in the speakers' titles, second
    assert derive_title(analyzed).startswith("Daily Brief: North Korea")
    assert assemble_brief(analyzed, title="Korean Peninsula").title == "Korean Peninsula"


def test_a_day_of_one_or_two_stories_gets_their_next_developments_as_key_points_too():
    brief = assemble_brief([article(0, SEOUL, [0, 2, 3]), article(1, TOKYO, [0, 2])])
    assert 1 <= len(brief.stories) <= 2 and len(brief.key_points) >= 2
    ids = [k.story for k in brief.key_points]
    assert ids[:len(brief.stories)] == [s.id for s in brief.stories]  # first one per story, in rank order
    texts = [k.text for k in brief.key_points]
    assert len(set(texts)) == len(texts)
    for k in brief.key_points:
        story = next(s for s in brief.stories if s.id == k.story)
        assert k.article in story.articles
        assert k.text == brief.articles[k.article].sentences[k.sentence]
        assert (k.article, k.sentence) not in story.summary  # the block does not say it again
    assert all(s.summary for s in brief.stories)  # each block keeps something to say


def test_a_quote_carried_by_three_articles_appears_once_with_its_sources():
    words = "We will not accept any deal that leaves the border towns without protection this winter."
    day = [article(n, [f"Talks on the border ended without agreement on day {n + 1} in the capital city.",
                       "Negotiators said the two delegations would meet again next month in the capital."],
                   [0, 1], quotes=[q(words, "Amara Diallo", 1.0)]) for n in range(3)]
    for a in day:
        a.quotes[0].article = a.article.path
    brief = assemble_brief(day)
    copies = [x for x in brief.quotes if "border towns" in x.text]
    assert len(copies) == 1
    assert set(copies[0].sources) == {a.article.path for a in day}
    [quote] = [x for x in brief.to_json()["quotes"] if "border towns" in x["text"]]
    assert sorted(quote["sources"]) == sorted(a["id"] for a in brief.to_json()["articles"])


def test_a_given_title_wins_and_the_date_defaults_to_today():
    brief = assemble_brief([article(0, SEOUL, [0])], title="  Morning note  ")
    assert brief.title == "Morning note"
    assert brief.date == dt.date.today()
    assert assemble_brief([article(0, SEOUL, [0])], date=dt.date(2026, 11, 22)).date == dt.date(2026, 11, 22)


def test_page_size_must_be_a4_or_letter():
    assert assemble_brief([article(0, SEOUL, [0])], page_size="Letter").page_size == "letter"
    with pytest.raises(BriefingError, match="a4, letter"):
        assemble_brief([article(0, SEOUL, [0])], page_size="a5")


def test_a_mixed_day_is_titled_by_its_leading_stories_never_a_catch_all():
    stories = [
        ["Ukraine and Turkey agreed to extend the grain corridor.", "Kyiv welcomed the deal."],
        ["Russian officials said Moscow would respond.", "The Kremlin gave no details."],
        ["Seoul and Washington began joint air drills.", "South Korean jets took part."],
        ["The European Union suspended budget support to Niger.", "Brussels cited the delay."],
        ["Saudi Arabia and Iran agreed to reopen consulates.", "Tehran welcomed the step."],
        ["Japan and Australia signed a minerals pact.", "Canberra said supply would rise."],
    ]
    day = [article(n, s, [0, 1]) for n, s in enumerate(stories)]
    title = derive_title(day)
    assert "International Affairs" not in title
    places = ["Ukraine", "Turkey", "Russia", "South Korea", "European Union", "Niger", "Saudi Arabia", "Iran",
              "Japan", "Australia"]
    assert sum(p in title for p in places) >= 2


def test_a_day_most_articles_share_keeps_its_place_in_the_title():
    stories = [
        ["North Korea fired two missiles on Monday.", "Pyongyang called it a routine test."],
        ["Seoul said North Korean troops moved south.", "The North denied it."],
        ["Japan protested the North Korean launch.", "Tokyo called it a threat."],
        ["The European Union suspended support to Niger.", "Brussels cited the delay."],
    ]
    day = [article(n, s, [0, 1]) for n, s in enumerate(stories)]
    assert derive_title(day) == "Daily Brief: North Korea"


def test_a_key_point_sentence_with_a_long_attribution_still_repeats_the_quote():
    words = "Our security environment has changed for a long time to come"
    sentence = f"\"{words},\" Prime Minister Petteri Orpo told a news conference in Helsinki."
    from briefing.brief.points import mostly_quote

    assert mostly_quote(sentence, [q(words, "Petteri Orpo", title="Prime Minister")])
    longer = f"Finland will raise defence spending to 3 percent of GDP by 2029 and buy new jets, \"{words}\", Orpo said."
    assert not mostly_quote(longer, [q(words, "Petteri Orpo")])


def test_a_one_article_day_leaves_its_block_something_to_say():
    words = "Our security environment has changed for a long time to come"
    sentences = [
        "Finland's government said on Thursday it would raise defence spending to 3 percent of GDP by 2029.",
        f"\"{words},\" Prime Minister Petteri Orpo told a news conference in Helsinki.",
        "The increase will be financed partly by borrowing, the finance ministry said.",
    ]
    brief = assemble_brief([article(0, sentences, [0, 1, 2], quotes=[q(words, "Petteri Orpo", 2.0)])])
    assert [k.sentence for k in brief.key_points] == [0]  # not the quote, not the whole summary


def test_the_focus_titles_the_brief_and_only_focus_says_what_it_left_out():
    day = [
        article(0, ["North Korea fired two missiles into the sea on Monday, Seoul said.",
                    "Pyongyang called the launches a routine drill."], [0, 1]),
        article(1, ["The city council passed its budget after a long debate.",
                    "Bus service on eleven routes will be cut."], [0, 1]),
    ]
    assert derive_title(day, focus=["north korea", "six-party talks"]) == "Daily Brief: North Korea and Six-Party Talks"
    brief = assemble_brief(day, focus=["North Korea"], only_focus=True)
    assert brief.title == "Daily Brief: North Korea" and brief.focus == ["North Korea"]
    assert [s.shown for s in brief.stories] == [True, False]
    assert brief.omitted == ["1 other story (1 article) not about the focus (North Korea)"]


def test_a_day_is_titled_by_what_its_leading_stories_are_about_not_by_the_most_named_place():
    china = [
        ["Trade Minister Mary Ng opened talks in Beijing on canola tariffs with China's commerce minister.",
         "China cut Canadian canola imports worth 2.7 billion dollars last year.",
         "Ng said the first day of talks in Beijing was constructive."],
        ["Canola exports to China were on the table as Trade Minister Mary Ng met Chinese officials in Beijing.",
         "The 2.7 billion dollar canola trade has been frozen since March, Chinese customs data show.",
         "Beijing gave no date for a decision on the tariffs."],
        ["China will put Michael Kovrig and Michael Spavor on trial in Dandong next week, Beijing said.",
         "The two Canadians were detained in China 18 months ago and are accused of spying.",
         "Foreign Minister Melanie Joly called the charges arbitrary."],
        ["A court in Dandong will try Michael Kovrig and Michael Spavor, China's foreign ministry said.",
         "Joly, Canada's Foreign Minister, said the two men had been held for 18 months without cause.",
         "China says the Canadians spied on its military."],
        ["China suspended tourist visas for Canadians, Ambassador Cong Peiwu told reporters in Ottawa.",
         "Visa offices in Vancouver and Toronto will close on Friday, the Chinese embassy said.",
         "Cong gave no reason for the suspension."],
        ["Ambassador Cong Peiwu said China would stop issuing tourist visas to Canadians from Friday.",
         "The Chinese visa offices in Vancouver and Toronto will stay open for business travellers only.",
         "China's embassy in Ottawa did not say how long the suspension would last."],
    ]
    local = [
        "Halifax council voted 9 to 7 to rename Cornwallis Street after the Canadian boxer George Dixon.",
        "Winnipeg's Stella's Cafe workers voted to join the United Food and Commercial Workers union.",
        "A Saskatoon bakery, Nestor's, won the Canadian Baking Awards for its rye bread.",
        "Environment Canada warned of 30 centimetres of snow for Calgary and Banff on Thursday.",
        "The Royal BC Museum in Victoria opened an exhibition of 120 Canadian prairie quilts.",
        "Edmonton's school board bought 12 electric buses for Canadian rural routes at 5 million dollars.",
        "Canadian anglers on the Fraser River reported a record run of 14 million sockeye salmon.",
    ]
    day = [article(k, sentences, [0, 1]) for k, sentences in enumerate(china)]
    day += [article(100 + k, [s], [0]) for k, s in enumerate(local)]
    # with every section a beat, coverage ranks the stories: the three China stories lead
    stories = build_stories(day, beats=SECTIONS)
    assert [len(s.articles) for s in stories[:3]] == [2, 2, 2]
    assert derive_title(day, stories=stories) == "Daily Brief: China"  # Canada is named in more articles


def test_assembling_a_brief_leaves_the_analyzed_articles_as_they_were():
    import copy

    words = ["The council approved the harbour budget on Monday after a long debate.",
             "“We will rebuild the north pier before winter,” said Mayor Ana Ortiz.",
             "The vote was seven to two, with two members absent."]
    text = " ".join(words)
    article = Article(path="/in/harbour.txt", title="Council approves harbour budget", paragraphs=[text])
    quote = Quote(text="We will rebuild the north pier before winter,", speaker="Ana Ortiz", title="Mayor",
                  sentence=1, span=(text.index("We"), text.index("winter") + 7))
    person = Participant(name="Ana Ortiz", title="Mayor", quoted=True, mentions=2)
    given = [AnalyzedArticle(article=article, sentences=words, spans=[(0, 1)] * 3, summary=[0, 1, 2],
                             quotes=[quote], participants=[person], summary_rank=[0, 1, 2])]
    before = copy.deepcopy(given)
    brief = assemble_brief(given, date=dt.date(2031, 3, 4))
    assert given == before  # no section written, no article named on the analysis's quote or person
    assert article.section == "" and quote.article == "" and person.articles == []
    assert brief.articles[0].article.section  # the brief's own copy is classified
    assert all(p.articles == ["/in/harbour.txt"] for p in brief.participants)
