"""Who said what: direct quotes, their speakers and titles, in small example texts."""

from __future__ import annotations

from briefing.model import Article
from briefing.quotes import extract_quotes
from briefing.sentences import sentence_spans


def quotes_of(*paragraphs: str, byline: str | None = None):
    art = Article(path="ex.txt", title="Example", paragraphs=list(paragraphs), byline=byline)
    qs = extract_quotes(art, sentence_spans(art.text))
    for q in qs:  # every quote is an exact slice of the text
        assert art.text[q.span[0]:q.span[1]] == q.text
        assert q.article == "ex.txt"
    return qs


def test_curly_quote_with_said_after_resolves_surname_to_full_name():
    qs = quotes_of(
        "Daniel Russel, assistant secretary of state for East Asian and Pacific affairs, arrived on Friday.",
        "“The goal of the talks is the complete denuclearization of the peninsula,” Russel told reporters.",
    )
    assert len(qs) == 1
    assert qs[0].speaker == "Daniel Russel"
    assert qs[0].title == "assistant secretary of state for East Asian and Pacific affairs"
    assert qs[0].text.startswith("The goal of the talks")
    assert qs[0].sentence == 1


def test_straight_marks_and_attribution_before_the_quote():
    qs = quotes_of('Mayor Jane Holt said, "We will rebuild the bridge by spring."')
    assert [q.speaker for q in qs] == ["Jane Holt"]
    assert qs[0].text == "We will rebuild the bridge by spring."


def test_split_quote_keeps_the_speaker_for_both_halves():
    qs = quotes_of("“We will exchange assessments of the results,” Lee Soo-hyuck said. “If necessary, we may meet again.”")
    assert [q.speaker for q in qs] == ["Lee Soo-hyuck", "Lee Soo-hyuck"]


def test_pronoun_resolves_to_the_last_named_subject():
    qs = quotes_of(
        "Foreign Minister Yoon Young-kwan met his counterpart on Sunday.",
        "“The other side is showing a more flexible attitude,” he said.",
    )
    assert qs[0].speaker == "Yoon Young-kwan"
    assert qs[0].title == "Foreign Minister"


def test_description_resolves_to_the_named_person():
    qs = quotes_of(
        "Ambassador Maria Lopez arrived in Ottawa on Monday.",
        "“We have a long road ahead of us,” the diplomat told reporters.",
    )
    assert qs[0].speaker == "Maria Lopez"


def test_said_before_name_and_according_to():
    qs = quotes_of(
        "“The budget is balanced for the first time in a decade,” said Finance Minister Paul Grant.",
        "“Nothing has been decided yet,” according to Sarah Klein, a spokesperson for the council.",
    )
    assert [q.speaker for q in qs] == ["Paul Grant", "Sarah Klein"]


def test_quote_running_across_paragraphs_keeps_its_speaker():
    qs = quotes_of(
        "Coach Tom Walsh spoke after the game.",
        "“We played our best in the third period. The young players stepped up,” Walsh said. “I am proud of them.",
        "“We have a lot of work to do before the playoffs.”",
    )
    assert [q.speaker for q in qs] == ["Tom Walsh"] * 3
    assert qs[1].text == "I am proud of them."
    assert qs[2].text.startswith("We have a lot of work")


def test_unattributed_quote_paragraph_continues_the_previous_speaker():
    qs = quotes_of(
        "Health Minister Randy Cole says the program changed how transfers work.",
        "“It has had very positive results in every hospital that tried it.”",
    )
    assert qs[0].speaker == "Randy Cole"


def test_scare_quotes_and_titles_are_not_key_quotes():
    qs = quotes_of(
        "Washington may embrace a “parallel” approach, the report said.",
        "He is one of the architects of the “rebalancing” strategy toward Asia.",
        'Burton claims that his favorite book is "One Hundred Years of Solitude".',
        "China proposed a so-called “Track 1.5 informal meeting of experts” in Beijing.",
    )
    assert qs == []


def test_statement_attribution_and_scores_rank_long_named_quotes_higher():
    qs = quotes_of(
        "Minister Ana Ruiz issued a statement on Saturday.",
        "“I have heard stories of residents afraid to attend community events and afraid to speak their mind,” her statement read.",
        "Critics called it “a good start but not enough.”",
    )
    named = [q for q in qs if q.speaker == "Ana Ruiz"]
    assert named
    others = [q for q in qs if q.speaker != "Ana Ruiz"]
    assert all(named[0].score > q.score for q in others)


def test_empty_article_has_no_quotes():
    assert quotes_of("") == []
