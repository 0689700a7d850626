"""Ingest, by example: finding files, decoding, and cleaning scraped news text."""

from __future__ import annotations

from pathlib import Path

import pytest

from briefing.ingest import (
    clean_text,
    collect_inputs,
    decode,
    derive_title,
    load_articles,
    read_article,
)
from briefing.model import InputError

ROOT = Path(__file__).resolve().parents[1]
SEEDS = ROOT / "seeds"
SEED_000 = next(SEEDS.glob("000_*.txt"), None)
SEED_002 = next(SEEDS.glob("002_*.txt"), None)

LEAD = (
    "The foreign ministers of South Korea and Japan agreed on Tuesday to resume regular talks "
    "on trade, officials said."
)
BODY = "The two sides will meet again in Tokyo next month to review progress on the plan."


def write(tmp_path: Path, name: str, data: bytes | str) -> Path:
    p = tmp_path / name
    p.write_bytes(data if isinstance(data, bytes) else data.encode("utf-8"))
    return p


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


# ----------------------------------------------------------------------------- cleaning


@pytest.mark.skipif(SEED_002 is None, reason="seed 002 not present")
def test_seed_headline_repeated_is_the_title_once_and_hard_wrap_is_joined():
    art = read_article(SEED_002)
    assert art.title == "Allies Fine-Tune NK Proposal in Tokyo"
    assert not art.title_derived
    assert all("Allies Fine-Tune" not in p for p in art.paragraphs)
    assert art.removed.count("Allies Fine-Tune NK Proposal in Tokyo") == 1
    assert art.paragraphs[-1] == (
        "The possibility of an international inspection regime where the participants of the "
        "six-way talks, which also include China and Russia, all dispatch inspectors to North "
        "Korea has also been discussed."
    )


@pytest.mark.skipif(SEED_000 is None, reason="seed 000 not present")
def test_seed_caption_byline_and_email_footer():
    art = read_article(SEED_000)
    body = art.text
    assert art.byline == "Shin Hyon-hee"
    assert art.source == "The Korea Herald"
    assert "heeshin@heraldcorp.com" not in body
    assert "(Yonhap News)" not in body
    assert "answers questions from reporters" not in body
    assert "Shin Hyon-hee" not in body
    assert any("answers questions" in r for r in art.removed)


@pytest.mark.skipif(SEED_000 is None, reason="seed 000 not present")
def test_derived_title_for_seed_without_headline_is_short_and_whole_words():
    art = read_article(SEED_000)
    assert art.title_derived
    words = art.title.split()
    assert 4 <= len(words) <= 12
    assert "on Friday" not in art.title
    assert art.title.lower().startswith(("senior u.s. official", "u.s. official"))
    assert "North Korea" in art.title
    lead_words = set(art.paragraphs[0].replace("called", "calls").lower().split())
    assert all(w.lower() in lead_words for w in words)  # never cut mid-word
    assert art.title[0].isupper() and not art.title.endswith((",", "."))


def test_derived_title_cuts_at_a_clause_boundary():
    title = derive_title([
        "Japan's prime minister on Monday announced a package of economic measures worth $50 "
        "billion, which he said would help small businesses hit by rising energy prices."
    ])
    assert title == "Japan's Prime Minister Announces a Package of Economic Measures Worth $50 Billion"


@pytest.mark.skipif(SEED_000 is None or SEED_002 is None, reason="seeds not present")
def test_headline_glued_after_email_footer_is_not_body_text():
    text = SEED_000.read_text(encoding="utf-8") + SEED_002.read_text(encoding="utf-8")
    assert "heraldcorp.com)Allies Fine-Tune" in text
    art = clean_text(text, "glued.txt")
    assert art.byline == "Shin Hyon-hee"
    assert all("Allies Fine-Tune" not in p for p in art.paragraphs)
    assert all("@" not in p for p in art.paragraphs)


def test_byline_forms_give_name_only_and_source():
    cases = {
        "By Jack Kim, Reuters": ("Jack Kim", "Reuters"),
        "By Shin Hyon-hee (heeshin@heraldcorp.com)": ("Shin Hyon-hee", "The Korea Herald"),
        "Lee Ji-hye | Staff writer": ("Lee Ji-hye", None),
        "By MATTHEW PENNINGTON, Associated Press": ("Matthew Pennington", "The Associated Press"),
        "By Anna Fifield (anna.fifield@washpost.com)": ("Anna Fifield", "The Washington Post"),
    }
    for line, (name, source) in cases.items():
        art = clean_text(f"Trade Talks Resume\n{line}\n{LEAD}\n{BODY}\n")
        assert (art.byline, art.source) == (name, source), line
        assert art.paragraphs == [LEAD, BODY], line


def test_byline_split_across_lines_before_the_email():
    art = clean_text(f"{LEAD}\n{BODY}\nBy Kim Tong-hyung (\nthkim@koreatimes.co.kr)\n")
    assert art.byline == "Kim Tong-hyung"
    assert art.source == "The Korea Times"
    assert art.paragraphs == [LEAD, BODY]


def test_photo_captions_and_credits_are_removed():
    captions = [
        "President Moon Jae-in speaks during a cabinet meeting in Seoul on Monday. (Yonhap)",
        "Protesters hold signs outside the embassy in Tokyo. (AP Photo/Eugene Hoshiko)",
        "Photo: Reuters",
        "Getty Images",
    ]
    art = clean_text("Trade Talks Resume\n" + LEAD + "\n" + "\n".join(captions) + "\n" + BODY)
    assert art.paragraphs == [LEAD, BODY]
    assert len(art.removed) == len(captions)


def test_agency_dateline_is_stripped_and_date_kept():
    art = clean_text(f"Talks Resume\nSEOUL, Sept. 3, 2013 (Yonhap) -- {LEAD}\n{BODY}")
    assert art.paragraphs[0] == LEAD
    assert art.date == "2013-09-03"
    assert art.source == "Yonhap News Agency"
    art = clean_text(f"Talks Resume\nSEOUL (Reuters) - {LEAD}\n{BODY}")
    assert art.paragraphs[0] == LEAD and art.source == "Reuters"


def test_exact_duplicate_lines_and_boilerplate_are_removed():
    art = clean_text(f"Trade Talks Resume\n{LEAD}\nAdvertisement\n{BODY}\n{LEAD}\n")
    assert art.paragraphs == [LEAD, BODY]
    assert "Advertisement" in art.removed


def test_hard_wrapped_paragraphs_join_but_blank_lines_separate():
    wrapped = (
        "Trade Talks Resume\n\n"
        "The foreign ministers of South Korea and Japan agreed\n"
        "on Tuesday to resume regular talks on trade, officials\n"
        "said.\n\n"
        "The two sides will meet again in Tokyo next month to\n"
        "review progress on the plan.\n"
    )
    art = clean_text(wrapped)
    assert art.title == "Trade Talks Resume"
    assert art.paragraphs == [LEAD, BODY]


def test_html_page_saved_as_txt_becomes_text(tmp_path):
    page = (
        "<!DOCTYPE html><html><head><title>Trade Talks Resume | Example News</title>"
        "<style>p { color: red }</style><script>var x = '<p>not text</p>';</script></head>"
        f"<body><nav>Home | World</nav><h1>Trade Talks Resume</h1><p>{LEAD}</p>"
        f"<p>{BODY.replace('Tokyo', '<b>Tokyo</b>')}</p></body></html>"
    )
    art = read_article(write(tmp_path, "page.txt", page))
    assert art.title == "Trade Talks Resume"
    assert art.paragraphs == [LEAD, BODY]


def test_markup_inside_ordinary_prose_stays_text():
    line = "Critics said the site's <script> tags and <b>bold</b> banners were the problem."
    art = clean_text(f"Web Rules Change\n{LEAD}\n{line}\n")
    assert art.paragraphs == [LEAD, line]


# ----------------------------------------------------------------------------- bad input


def test_missing_path_error_names_the_path(tmp_path):
    missing = tmp_path / "nope" / "article.txt"
    with pytest.raises(InputError) as info:
        collect_inputs([missing])
    assert str(missing) in str(info.value)
    assert "no such file or directory" in str(info.value)


def test_empty_and_whitespace_files_say_empty(tmp_path):
    for name, data in [("empty.txt", b""), ("blank.txt", b" \n\r\n\t \n")]:
        with pytest.raises(InputError, match="empty file"):
            read_article(write(tmp_path, name, data))


def test_pdf_saved_as_txt_is_refused_with_a_reason(tmp_path):
    p = write(tmp_path, "report.txt", b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Type /Catalog >>\n")
    with pytest.raises(InputError) as info:
        read_article(p)
    assert info.value.reason == "binary file, not text (looks like a PDF)"
    assert "\n" not in str(info.value)


def test_other_binary_files_are_refused(tmp_path):
    png = write(tmp_path, "img.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(200))
    blob = write(tmp_path, "blob.txt", bytes(range(256)) * 40)
    for p in (png, blob):
        with pytest.raises(InputError, match="binary file, not text"):
            read_article(p)


def test_file_with_no_sentences(tmp_path):
    with pytest.raises(InputError, match="no sentences"):
        read_article(write(tmp_path, "dashes.txt", "----\n1234 5678\n****\n"))


def test_unreadable_file_says_permission_denied(tmp_path, monkeypatch):
    p = write(tmp_path, "secret.txt", f"Talks\n{LEAD}\n")
    real_open = Path.open

    def deny(self, *args, **kwargs):  # as chmod 000 would (root ignores modes, so simulate)
        if self == p:
            raise PermissionError(13, "Permission denied", str(self))
        return real_open(self, *args, **kwargs)

    monkeypatch.setattr(Path, "open", deny)
    with pytest.raises(InputError) as info:
        read_article(p)
    assert info.value.reason == "unreadable: permission denied"
    articles, errors = load_articles([p])
    assert articles == [] and [e.reason for e in errors] == ["unreadable: permission denied"]


def test_folder_with_good_and_bad_files_returns_both_lists(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    write(folder, "a_good.txt", f"Trade Talks Resume\n{LEAD}\n{BODY}\n")
    write(folder, "b_empty.txt", b"")
    write(folder, "c_pdf.txt", b"%PDF-1.4\n")
    write(folder, ".hidden.txt", f"Hidden\n{LEAD}\n")
    write(folder, "notes.md", f"Notes\n{LEAD}\n")
    missing = tmp_path / "missing.txt"
    articles, errors = load_articles([folder, missing])
    assert [Path(a.path).name for a in articles] == ["a_good.txt"]
    assert sorted(e.path.name for e in errors) == ["b_empty.txt", "c_pdf.txt", "missing.txt"]
    assert all("\n" not in str(e) for e in errors)


def test_collect_inputs_sorted_txt_only_and_direct_files_kept(tmp_path):
    for name in ["b.txt", "a.txt", "c.TXT", ".x.txt", "d.json"]:
        write(tmp_path, name, LEAD)
    direct = write(tmp_path, "d.json", LEAD)
    assert [p.name for p in collect_inputs([tmp_path, direct])] == ["a.txt", "b.txt", "c.TXT", "d.json"]


def test_large_article_ingests_quickly(tmp_path):
    import time

    para = (LEAD + " " + BODY + "\n") * 20000  # about 4 MB
    p = write(tmp_path, "big.txt", "Huge Report\n" + para)
    t0 = time.perf_counter()
    art = read_article(p)
    assert time.perf_counter() - t0 < 30
    assert art.title == "Huge Report"
    assert len(art.paragraphs) == 1  # exact duplicates removed


def test_typewriter_dashes_become_real_dashes():
    from briefing.ingest import clean_text

    article = clean_text(
        "Talks Resume\nThe envoys met in Tokyo _ all of them senior diplomats -- and agreed to meet again.\n"
    )
    assert "Tokyo \u2014 all of them senior diplomats \u2014 and agreed" in article.text
    assert " _ " not in article.text and " -- " not in article.text


def test_a_long_lead_without_a_full_stop_is_body_not_headline():
    from briefing.ingest import clean_text

    lead = "People who have never been divorced can expect a retirement income far higher than a colleague"
    article = clean_text(lead + "\nThe study looked at 10,000 pension records across the country.\n")
    assert article.title_derived
    assert article.paragraphs[0] == lead


def test_an_agency_credit_opens_the_lead_not_a_headline():
    from briefing.ingest import clean_text

    article = clean_text('(CNN)"A long time ago" is how the song starts\nIt was released in 1971.\n')
    assert article.title_derived
    assert "A long time ago" in article.text
