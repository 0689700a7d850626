"""Sentence boundaries, word tokens and the sumy tokenizer, by example."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from briefing.analyze.sentences import SumyTokenizer, sentence_spans, split_sentences, word_tokens


def test_simple_sentences():
    assert split_sentences("Hello World. My name is Jonas. Is it? Yes!") == [
        "Hello World.", "My name is Jonas.", "Is it?", "Yes!",
    ]


def test_titles_and_initials_do_not_end_sentences():
    text = "Sen. John McCain met Gen. David Petraeus and J. K. Rowling on Sept. 5 at 10 a.m. in Washington."
    assert split_sentences(text) == [text]


def test_us_followed_by_a_name_part_continues_but_a_new_sentence_splits():
    assert split_sentences("He praised the U.S. Army for its work.") == ["He praised the U.S. Army for its work."]
    assert split_sentences("I live in the U.S. How about you?") == ["I live in the U.S.", "How about you?"]
    assert split_sentences("I visited the U.S.A. last year.") == ["I visited the U.S.A. last year."]


def test_company_abbreviation_can_end_a_sentence():
    assert split_sentences("The ministry hired Harlow, Dunn & Co. Its report is due in May.") == [
        "The ministry hired Harlow, Dunn & Co.", "Its report is due in May.",
    ]
    assert split_sentences("The ministry hired Harlow, Dunn & Co. in March.") == [
        "The ministry hired Harlow, Dunn & Co. in March.",
    ]


def test_numbers_after_numeric_abbreviations():
    assert split_sentences("Please turn to p. 55. It is there.") == ["Please turn to p. 55.", "It is there."]
    assert split_sentences("He lives at No. 10 Downing Street.") == ["He lives at No. 10 Downing Street."]
    assert split_sentences("She has $100.00. It is in her bag.") == ["She has $100.00.", "It is in her bag."]


def test_quotes_close_the_sentence_or_continue_it():
    assert split_sentences("“We will not give up,” he said. “Never.”") == [
        "“We will not give up,” he said.", "“Never.”",
    ]
    assert split_sentences('The envoy looked up, "That settles it." she said.') == [
        'The envoy looked up, "That settles it." she said.',
    ]
    assert split_sentences('The mayor said, "We are ready." Nobody argued.') == [
        'The mayor said, "We are ready."', "Nobody argued.",
    ]
    assert split_sentences('"Why now?" Smith asked. Nobody knew.') == ['"Why now?" Smith asked.', "Nobody knew."]


def test_ellipses():
    assert split_sentences("The talks went nowhere.... The delegates flew home.") == [
        "The talks went nowhere....", "The delegates flew home.",
    ]
    assert split_sentences("It was somewhat weakened . . . and then it was gone.") == [
        "It was somewhat weakened . . . and then it was gone.",
    ]


def test_list_items_in_running_text():
    assert split_sentences("1. The first item 2. The second item") == ["1. The first item", "2. The second item"]
    assert split_sentences("1) Talks resume. 2) Sanctions stay.") == ["1) Talks resume.", "2) Sanctions stay."]
    assert split_sentences("• Talks resume • Sanctions stay") == ["• Talks resume", "• Sanctions stay"]


def test_paragraph_breaks_always_end_a_sentence_and_hard_wraps_do_not():
    text = "The talks in Geneva\nended without a deal\n\nDelegates will meet\nagain in May."
    assert split_sentences(text) == ["The talks in Geneva\nended without a deal", "Delegates will meet\nagain in May."]
    assert split_sentences("Mr.\nSmith left.") == ["Mr.\nSmith left."]


def test_spans_index_back_into_the_text_and_are_stripped():
    text = "  First one.   Second one?\n\n\n  Third one!  \n"
    spans = sentence_spans(text)
    assert [text[s:e] for s, e in spans] == ["First one.", "Second one?", "Third one!"]
    assert all(0 <= s < e <= len(text) for s, e in spans)
    assert spans == sorted(spans)


@pytest.mark.parametrize("text", ["", " ", "\n\n\n", ".", "?!", "...", "\x00\xff\ud800", "1.", "• ", "“”", "a" * 10000])
def test_odd_input_never_raises(text):
    for s, e in sentence_spans(text):
        assert text[s:e].strip() == text[s:e] != ""


def test_non_string_input_gives_nothing():
    assert sentence_spans(None) == []  # type: ignore[arg-type]
    assert word_tokens(b"bytes") == []  # type: ignore[arg-type]


@settings(max_examples=200, deadline=None)
@given(st.lists(st.sampled_from(list("aB. !?\n\"”“'()1•-…") + ["Mr.", "U.S.", " The "]), max_size=40))
def test_spans_are_ordered_disjoint_and_never_cross_blank_lines(pieces):
    text = "".join(pieces)
    spans = sentence_spans(text)
    prev = 0
    for s, e in spans:
        assert prev <= s < e
        chunk = text[s:e]
        assert chunk == chunk.strip()
        assert "\n\n" not in chunk.replace(" ", "")
        prev = e


def test_word_tokens_keep_inner_hyphens_and_apostrophes():
    assert word_tokens("The six-party talks don't resume — Kim's envoy said, 2024.") == [
        "The", "six-party", "talks", "don't", "resume", "Kim's", "envoy", "said", "2024",
    ]


def test_sumy_tokenizer_runs_lexrank_without_nltk_data():
    from sumy.parsers.plaintext import PlaintextParser
    from sumy.summarizers.lex_rank import LexRankSummarizer

    text = (
        "The U.N. Security Council met on Monday. Members discussed new sanctions on the regime. "
        "Dr. Jane Smith, an envoy, said the sanctions would hurt civilians.\n\n"
        "The council will vote on the sanctions next week. Diplomats expect a close vote."
    )
    tokenizer = SumyTokenizer()
    assert tokenizer.language == "english"
    assert tokenizer.to_words("Dr. Smith's six-party plan.") == ("Dr", "Smith's", "six-party", "plan")
    parser = PlaintextParser.from_string(text, tokenizer)
    assert len(parser.document.sentences) == 5
    summary = LexRankSummarizer()(parser.document, 2)
    assert len(summary) == 2
    assert all(str(s) in text for s in summary)
