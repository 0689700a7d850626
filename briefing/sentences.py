"""Sentence boundaries, word tokens and a tokenizer for sumy.

Uses NLTK's Punkt algorithm with parameters we own (no NLTK data packages).
"""

from __future__ import annotations

import re

from nltk.tokenize.punkt import PunktParameters, PunktSentenceTokenizer

from briefing.model import Span

__all__ = ["sentence_spans", "split_sentences", "word_tokens", "SumyTokenizer"]

ABBREVIATIONS = frozenset(
    """
    u.s u.k u.n e.u jan feb mar apr jun jul aug sep sept oct nov dec gov sen rep gen col lt
    dr mr mrs ms prof jr sr st no inc corp co ltd vs etc e.g i.e a.m p.m mt ft ave capt cmdr
    sgt maj adm rev hon pres supt det atty messrs mme mlle blvd rd dept univ assn bros
    fig figs vol vols pp p ed eds est approx dist cf al
    """.split()
)

_PARA_RE = re.compile(r"\n[ \t\r\f\v]*\n")


def _make_tokenizer() -> PunktSentenceTokenizer:
    params = PunktParameters()
    params.abbrev_types = set(ABBREVIATIONS)
    return PunktSentenceTokenizer(params)


_TOKENIZER = _make_tokenizer()


def _paragraphs(text: str):
    start = 0
    for m in _PARA_RE.finditer(text):
        yield start, m.start()
        start = m.end()
    yield start, len(text)


def sentence_spans(text: str) -> list[Span]:
    """Character offsets ``[start, end)`` of each sentence in `text`, whitespace stripped."""
    if not isinstance(text, str) or not text:
        return []
    spans: list[Span] = []
    for p_start, p_end in _paragraphs(text):
        para = text[p_start:p_end].replace("\n", " ").replace("\r", " ")
        if not para.strip():
            continue
        try:
            pieces = list(_TOKENIZER.span_tokenize(para))
        except Exception:  # never raise: fall back to the whole paragraph
            pieces = [(0, len(para))]
        for s, e in pieces:
            chunk = para[s:e]
            lead = len(chunk) - len(chunk.lstrip())
            trail = len(chunk) - len(chunk.rstrip())
            if e - trail > s + lead:
                spans.append((p_start + s + lead, p_start + e - trail))
    return spans


def split_sentences(text: str) -> list[str]:
    """The sentences of `text`, as strings."""
    return [text[s:e] for s, e in sentence_spans(text)]


_WORD_RE = re.compile(r"\w+(?:[-'’]\w+)*", re.UNICODE)


def word_tokens(text: str) -> list[str]:
    """Word tokens (case kept); words with inner hyphens/apostrophes stay whole."""
    if not isinstance(text, str):
        return []
    return _WORD_RE.findall(text)


class SumyTokenizer:
    """sumy's tokenizer interface, backed by our splitter (no NLTK data needed)."""

    language = "english"

    def to_sentences(self, paragraph: str) -> tuple[str, ...]:
        return tuple(split_sentences(paragraph))

    def to_words(self, sentence: str) -> tuple[str, ...]:
        return tuple(word_tokens(sentence))
