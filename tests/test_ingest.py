"""Ingest, by example: finding files, reading them, and refusing bad input with a reason."""

from __future__ import annotations

from pathlib import Path

import pytest

from briefing.ingest.load import collect_inputs, load_articles, read_article
from briefing.model import InputError


from sample_text import BODY, LEAD, write  # noqa: E402


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


def test_a_saved_article_reads_back_exactly_with_its_notes(tmp_path):
    from briefing.ingest.load import read_article, save_article
    from briefing.model import Article

    article = Article(path="https://news.example.org/budget", title="Council agrees budget",
                      paragraphs=["The council agreed the budget on Monday.", "It takes effect in May."],
                      byline="Ada Rowe", source="Example News", date="2026-11-30",
                      url="https://news.example.org/budget",
                      notes=["HTTP 404; used the feed entry's own text instead"])
    save_article(article, tmp_path / "articles" / "budget.txt")
    assert read_article(tmp_path / "articles" / "budget.txt") == article


def test_an_edited_saved_article_is_read_as_edited_and_keeps_its_address(tmp_path):
    from briefing.ingest.load import read_article, save_article
    from briefing.model import Article

    article = Article(path="https://news.example.org/budget", title="Council agrees budget",
                      paragraphs=["The council agreed the budget on Monday.", "It takes effect in May."],
                      source="Example News", date="2026-11-30", url="https://news.example.org/budget")
    text = tmp_path / "budget.txt"
    save_article(article, text)
    text.write_text(text.read_text().replace("in May", "in June"))
    edited = read_article(text)
    assert "It takes effect in June." in edited.paragraphs
    assert (edited.url, edited.source, edited.date) == (article.url, "Example News", "2026-11-30")
