"""Analysis of one article: sentences, summary, quotes and participants."""

from __future__ import annotations

from .model import AnalyzedArticle, Article
from .people import find_participants
from .quotes import extract_quotes
from .sentences import sentence_spans
from .summarize import rank_sentences, summarize


def analyze_article(
    article: Article,
    sentences: int | None = 3,
    *,
    words: int | None = None,
    algorithm: str = "news",
) -> AnalyzedArticle:
    """Split `article` into sentences and find its summary, quotes and participants.

    `sentences` is the summary length; `words`, when given, is a word budget instead.
    """
    text = article.text
    spans = sentence_spans(text)
    sentence_texts = [text[start:end] for start, end in spans]
    summary = summarize(sentence_texts, count=sentences, words=words, algorithm=algorithm)
    chosen = set(summary)
    # The summary's own order of importance, so fitting the page can drop the weakest first.
    summary_rank = [i for i in rank_sentences(sentence_texts, algorithm=algorithm) if i in chosen]
    summary_rank += [i for i in summary if i not in summary_rank]
    quotes = extract_quotes(article, spans)
    participants = find_participants(article, spans, quotes)
    return AnalyzedArticle(
        article=article,
        sentences=sentence_texts,
        spans=spans,
        summary=summary,
        summary_rank=summary_rank,
        quotes=quotes,
        participants=participants,
    )
