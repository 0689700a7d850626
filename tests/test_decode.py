"""Decoding, by example: encodings, byte-order marks, mojibake, odd characters."""

from __future__ import annotations


from briefing.ingest.clean import clean_text
from briefing.ingest.decode import decode
from briefing.ingest.load import read_article


from sample_text import BODY, LEAD, write  # noqa: E402


# ----------------------------------------------------------------------------- encodings


def test_utf8_with_bom_reads_without_the_bom(tmp_path):
    p = write(tmp_path, "bom.txt", b"\xef\xbb\xbf" + f"Trade Talks Resume\n{LEAD}\n".encode())
    art = read_article(p)
    assert art.title == "Trade Talks Resume"
    assert "\ufeff" not in art.title + art.text


def test_utf16_with_bom_little_and_big_endian(tmp_path):
    text = f"Caf\u00e9 Owners Protest\n\u201c{LEAD}\u201d\n"
    for enc in ("utf-16", "utf-16-be"):
        data = text.encode(enc)
        if enc == "utf-16-be":
            data = b"\xfe\xff" + data
        art = read_article(write(tmp_path, f"{enc}.txt", data))
        assert art.title == "Caf\u00e9 Owners Protest"
        assert art.paragraphs[0].startswith("\u201cThe foreign ministers")


def test_utf16_without_bom_is_detected_from_nul_pattern():
    text = f"Headline Here\n{LEAD}\n"
    assert decode(text.encode("utf-16-le")) == text
    assert decode(text.encode("utf-16-be")) == text


def test_windows_1252_smart_quotes_and_em_dash():
    data = b"\x93We agreed,\x94 he said \x97 in Seoul. Caf\xe9."
    assert decode(data) == "\u201cWe agreed,\u201d he said \u2014 in Seoul. Caf\u00e9."


def test_latin1_accents_and_mixed_utf8_with_cp1252_bytes():
    assert decode(b"na\xefve r\xe9sum\xe9") == "na\u00efve r\u00e9sum\u00e9"
    mixed = "Caf\u00e9 \u2014 ".encode("utf-8") + b"\x93quoted\x94"
    assert decode(mixed) == "Caf\u00e9 \u2014 \u201cquoted\u201d"


def test_utf8_read_as_cp1252_mojibake_is_repaired():
    mojibake = "\u201cIt\u2019s done\u201d \u2014 Se\u00f1or".encode("utf-8").decode("cp1252", errors="ignore")
    assert "\u00e2\u20ac" in mojibake
    assert decode(mojibake.encode("utf-8")) == "\u201cIt\u2019s done\u201d \u2014 Se\u00f1or"


def test_nbsp_zero_width_and_control_characters_are_normalised():
    art = clean_text(f"Trade\u00a0Talks Resume\n{LEAD[:20]}\u200b{LEAD[20:]}\x07\r\n{BODY}\r\n")
    assert art.title == "Trade Talks Resume"
    assert art.paragraphs == [LEAD, BODY]


def test_typewriter_dashes_become_real_dashes():
    article = clean_text(
        "Talks Resume\nThe envoys met in Tokyo _ all of them senior diplomats -- and agreed to meet again.\n"
    )
    assert "Tokyo \u2014 all of them senior diplomats \u2014 and agreed" in article.text
    assert " _ " not in article.text and " -- " not in article.text
