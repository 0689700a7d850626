"""Property tests: the text stages never raise on odd input and keep their promises.

- ingest: `decode` never raises on any bytes and round-trips the encodings it supports;
  `clean_text` never raises on any text and gives one-line paragraphs without control
  characters or e-mail addresses; `read_article` raises nothing but `InputError`.
- sentences: `sentence_spans` never raises; spans are ordered, inside the text, trimmed,
  and never cross a paragraph break.
- quotes: `extract_quotes` never raises; every quote's text is in the article text, at its span.
- summarize: `summarize` returns distinct, sorted indices of the input sentences.
- analyze and assemble: never raise; summaries index sentences, quotes sit at their spans,
  key points are sentences of the articles, each participant is listed once.
"""

from __future__ import annotations

import os
import re
import tempfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from briefing.ingest.clean import _EMAIL_RE, clean_text
from briefing.ingest.decode import decode
from briefing.ingest.load import read_article
from briefing.model import Article, InputError

# BRIEFING_HYPOTHESIS_EXAMPLES=2000 for a longer hunt; the suite's default stays fast.
SETTINGS = settings(
    max_examples=int(os.environ.get("BRIEFING_HYPOTHESIS_EXAMPLES", "80")),
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow],
)

# Words, names, marks and junk that news text (and scraped news text) is made of.
TOKENS = st.sampled_from(
    [
        "the", "minister", "said", "told", "reporters", "Kim", "Jong-un", "Russel", "Daniel",
        "U.S.", "Sept.", "Mr.", "on", "Friday", "talks", "North", "Korea", "he", "she", "added",
        "\u201c", "\u201d", '"', "'", "\u2019", ",", ".", "?", "!", ":", ";", "(", ")", "--",
        "\u2014", "-", "By", "(Yonhap)", "heeshin@heraldcorp.com", "SEOUL", "(Reuters)", "\n",
        "\n\n", "  ", "\u00a0", "\u200b", "\t", "<p>", "</p>", "&amp;", "A", "I", "It", "We",
    ]
)
NEWSY = st.lists(st.one_of(TOKENS, st.text(max_size=6)), max_size=80).map(" ".join)
ANY_TEXT = st.one_of(st.text(max_size=400), NEWSY)


# ----------------------------------------------------------------------------- ingest


@SETTINGS
@given(st.binary(max_size=600))
def test_decode_never_raises_and_never_leaves_a_bom(data):
    text = decode(data)
    assert isinstance(text, str)
    assert not text.startswith("\ufeff")


@SETTINGS
@given(st.binary(max_size=600))
def test_decode_adds_no_replacement_characters_outside_utf16(data):
    if data.startswith((b"\xff\xfe", b"\xfe\xff")) or "\ufffd".encode() in data or b"\x00" in data:
        return
    assert "\ufffd" not in decode(data)


NO_MOJIBAKE = st.text(
    alphabet=st.characters(blacklist_categories=("Cs",), blacklist_characters="\x00\ufeff\u00c2\u00c3\u00c5\u00e2"),
    max_size=300,
)


@SETTINGS
@given(NO_MOJIBAKE, st.sampled_from(["utf-8", "utf-8-sig", "utf-16", "utf-32"]))
def test_decode_round_trips_unicode_encodings(text, enc):
    assert decode(text.encode(enc)) == text


# cp1252 text where every non-ASCII character stands next to ASCII (no accidental UTF-8 sequence)
CP1252_CHARS = st.sampled_from(list("\u201c\u201d\u2018\u2019\u2014\u2013\u2026\u00e9\u00e8\u00fc\u00f1\u00e7\u20ac\u00a3"))
ASCII_WORDS = st.text(alphabet=st.characters(min_codepoint=32, max_codepoint=126), min_size=1, max_size=8)
CP1252_TEXT = st.lists(st.tuples(ASCII_WORDS, CP1252_CHARS), max_size=30).map(
    lambda pairs: "".join(a + b for a, b in pairs) + "."
)


@SETTINGS
@given(CP1252_TEXT)
def test_decode_reads_windows_1252(text):
    assert decode(text.encode("cp1252")) == text


CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u200b\ufeff\ufffd]")


@SETTINGS
@given(ANY_TEXT)
def test_clean_text_never_raises_and_gives_clean_paragraphs(text):
    art = clean_text(text, "x.txt")
    assert isinstance(art, Article)
    assert isinstance(art.title, str) and art.title
    for para in art.paragraphs:
        assert para and para == para.strip()
        assert "\n" not in para
        assert not CONTROL.search(para)
    assert not _EMAIL_RE.search(art.text)


@SETTINGS
@given(st.one_of(st.binary(max_size=400), ANY_TEXT.map(lambda t: t.encode("utf-8"))))
def test_read_article_raises_only_input_error(data):
    with tempfile.TemporaryDirectory() as tmp:
        p = Path(tmp) / "a.txt"
        p.write_bytes(data)
        try:
            art = read_article(p)
        except InputError as exc:
            assert "\n" not in str(exc) and str(p) in str(exc)
        else:
            assert art.paragraphs


# ----------------------------------------------------------------------------- sentences


@SETTINGS
@given(ANY_TEXT)
def test_sentence_spans_never_raise_and_index_into_the_text(text):
    from briefing.analyze import sentences
    spans = sentences.sentence_spans(text)
    last = 0
    for s, e in spans:
        assert 0 <= last <= s < e <= len(text)
        piece = text[s:e]
        assert piece == piece.strip()
        assert "\n\n" not in piece
        last = e


@SETTINGS
@given(ANY_TEXT)
def test_sentence_spans_of_cleaned_articles(text):
    from briefing.analyze import sentences
    art = clean_text(text)
    body = art.text
    for s, e in sentences.sentence_spans(body):
        assert 0 <= s < e <= len(body)


# ----------------------------------------------------------------------------- quotes

QUOTE_PARAS = st.lists(NEWSY.filter(lambda s: s.strip()), min_size=1, max_size=6)


@SETTINGS
@given(QUOTE_PARAS)
def test_extract_quotes_never_raises_and_quotes_are_in_the_text(paragraphs):
    from briefing.analyze import quotes
    from briefing.analyze import sentences
    art = clean_text("\n".join(paragraphs), "q.txt")
    if not art.paragraphs:
        return
    spans = sentences.sentence_spans(art.text)
    for q in quotes.extract_quotes(art, spans):
        assert q.text in art.text
        if q.span != (0, 0):
            assert art.text[q.span[0] : q.span[1]] == q.text
        assert 0 <= q.sentence < max(1, len(spans))


@SETTINGS
@given(st.lists(NEWSY, min_size=1, max_size=5))
def test_extract_quotes_on_raw_paragraphs(paragraphs):
    from briefing.analyze import quotes
    from briefing.analyze import sentences
    paras = [" ".join(p.split()) for p in paragraphs]
    paras = [p for p in paras if p]
    if not paras:
        return
    art = Article(path="r.txt", title="T", paragraphs=paras)
    for q in quotes.extract_quotes(art, sentences.sentence_spans(art.text)):
        assert q.text in art.text


# ----------------------------------------------------------------------------- summarize


@SETTINGS
@given(
    st.lists(NEWSY, max_size=25),
    st.one_of(st.none(), st.integers(min_value=0, max_value=6)),
    st.one_of(st.none(), st.integers(min_value=0, max_value=120)),
)
def test_summarize_returns_indices_of_input_sentences(sentences, count, words):
    from briefing.analyze import summarize
    chosen = summarize.summarize(sentences, count=count, words=words)
    assert chosen == sorted(set(chosen))
    assert all(isinstance(i, int) and 0 <= i < len(sentences) for i in chosen)
    if count is not None:
        assert len(chosen) <= count


# ----------------------------------------------------------------------------- whole analysis


@SETTINGS
@given(st.lists(ANY_TEXT, min_size=1, max_size=3))
def test_analysis_and_assembly_never_raise_and_keep_their_promises(texts):
    from briefing.analyze.article import analyze_article
    from briefing.brief.assemble import assemble_brief

    analyzed = []
    for k, text in enumerate(texts):
        article = clean_text(text, f"{k}.txt")
        item = analyze_article(article)
        assert item.summary == sorted(set(item.summary))
        assert all(0 <= i < len(item.sentences) for i in item.summary)
        for quote in item.quotes:
            start, end = quote.span
            assert article.text[start:end] == quote.text
        analyzed.append(item)
    brief = assemble_brief(analyzed)
    every_sentence = {s for item in analyzed for s in item.sentences}
    assert all(point.text in every_sentence for point in brief.key_points)
    assert len({p.name for p in brief.participants}) == len(brief.participants)
