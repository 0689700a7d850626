"""Analysis of one article: sentences, summary, quotes and participants."""

from __future__ import annotations

from bisect import bisect_left
from dataclasses import replace

from briefing.model import AnalyzedArticle, Article, Participant, Quote, Span
from briefing.analyze.people import find_participants, merge_participants, people_index
from briefing.analyze.quotes import extract_quotes
from briefing.analyze.sentences import sentence_spans
from briefing.analyze.summarize import rank_sentences, summarize

BLOCK_CHARS = 60_000
"""Quotes and people are found block by block in longer texts (whole paragraphs, about this
many characters each): a news article fits in one block, and a pasted 5 MB dump costs time in
proportion to its length instead of its square."""


def analyze_article(
    article: Article,
    sentences: int | None = 3,
    *,
    words: int | None = None,
    algorithm: str = "news",
    quotes_and_people: bool = True,
) -> AnalyzedArticle:
    """Split `article` into sentences and find its summary, quotes and participants.

    `sentences` is the summary length; `words`, when given, is a word budget instead. Without
    `quotes_and_people` (a caller that needs only the sentences and the summary, such as
    `briefing summarize`) the quotes and participants are left empty.
    """
    text = article.text
    spans = sentence_spans(text)
    sentence_texts = [text[start:end] for start, end in spans]
    summary = summarize(sentence_texts, count=sentences, words=words, algorithm=algorithm)
    chosen = set(summary)
    # The summary's own order of importance, so fitting the page can drop the weakest first.
    ranking = rank_sentences(sentence_texts, algorithm=algorithm)
    summary_rank = [i for i in ranking if i in chosen]
    summary_rank += [i for i in summary if i not in summary_rank]
    quotes, participants = find_quotes_and_people(article, spans) if quotes_and_people else ([], [])
    return AnalyzedArticle(
        article=article,
        sentences=sentence_texts,
        spans=spans,
        summary=summary,
        summary_rank=summary_rank,
        quotes=quotes,
        participants=participants,
        ranking=ranking if algorithm == "news" else [],
    )


def find_quotes_and_people(article: Article, spans: list[Span]) -> tuple[list[Quote], list[Participant]]:
    """The article's direct quotes and the people it names, sharing one scan for names."""
    if len(article.text) <= BLOCK_CHARS:
        index = people_index(article, spans)
        quotes = extract_quotes(article, spans, index=index)
        return quotes, find_participants(article, spans, quotes, index=index)

    quotes: list[Quote] = []
    people: list[list[Participant]] = []
    starts = [s for s, _e in spans]
    for block, offset, first_sentence in _blocks(article, spans):
        block_len = len(block.text)  # `text` joins the paragraphs anew at every call
        last = bisect_left(starts, offset + block_len)
        block_spans = [(s - offset, e - offset) for s, e in spans[first_sentence:last] if s >= offset]
        index = people_index(block, block_spans)
        block_quotes = extract_quotes(block, block_spans, index=index)
        people.append(find_participants(block, block_spans, block_quotes, index=index))
        for quote in block_quotes:
            start, end = quote.span
            quotes.append(replace(
                quote,
                span=(start + offset, end + offset),
                sentence=quote.sentence + first_sentence,
                article=article.path,
            ))
    participants = merge_participants(people)
    for person in participants:
        person.articles = [article.path]
    _use_fullest_names(quotes, participants)
    return quotes, participants


def _blocks(article: Article, spans: list[Span]):
    """(block article, offset of its text in article.text, index of its first sentence)."""
    paragraphs: list[str] = []
    offset = position = 0
    sentence = 0
    for paragraph in article.paragraphs:
        if paragraphs and position - offset + len(paragraph) > BLOCK_CHARS:  # the block so far, separators included
            yield replace(article, paragraphs=paragraphs), offset, sentence
            while sentence < len(spans) and spans[sentence][0] < position:
                sentence += 1
            paragraphs, offset = [], position
        paragraphs.append(paragraph)
        position += len(paragraph) + 2
    if paragraphs:
        yield replace(article, paragraphs=paragraphs), offset, sentence


def _use_fullest_names(quotes: list[Quote], participants: list[Participant]) -> None:
    """A speaker a later block knew only by surname gets the full name an earlier block gave."""
    by_surname: dict[str, list[Participant]] = {}
    for person in participants:
        parts = person.name.split()
        if len(parts) > 1:
            by_surname.setdefault(parts[-1], []).append(person)
    for quote in quotes:
        if quote.speaker and len(quote.speaker.split()) == 1:
            matches = by_surname.get(quote.speaker, [])
            if len(matches) == 1:
                quote.speaker = matches[0].name
                quote.title = quote.title or matches[0].title
