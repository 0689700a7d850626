"""Newsletters saved as .eml: the HTML part, else the text part, as one article."""

from __future__ import annotations

from email.message import EmailMessage

import pytest
from test_webpage import PARAGRAPHS, page

from briefing.ingest.load import load_articles
from briefing.ingest.newsletter import read_newsletter
from briefing.model import InputError


def message(html: str | None, text: str | None) -> bytes:
    msg = EmailMessage()
    msg["From"] = "Valdria Morning <morning@news.example.org>"
    msg["To"] = "desk@example.org"
    msg["Subject"] = "Morning briefing: the harbour reopens"
    msg["Date"] = "Wed, 01 May 2024 06:00:00 +0000"
    if text is not None:
        msg.set_content(text)
    if html is not None:
        if text is None:
            msg.set_content(html, subtype="html")
        else:
            msg.add_alternative(html, subtype="html")
    msg.add_attachment(b"%PDF-1.4 not read", maintype="application", subtype="pdf", filename="x.pdf")
    return msg.as_bytes()


def test_the_html_part_is_preferred():
    article = read_newsletter(message(page(), "Plain text version only."), "morning.eml")
    assert article.title == "Morning briefing: the harbour reopens"
    assert article.source == "Valdria Morning" and article.date == "2024-05-01"
    assert article.paragraphs[0].startswith("The port authority") and "Plain text version" not in article.text


def test_the_text_part_is_used_when_there_is_no_html():
    article = read_newsletter(message(None, "\n\n".join(PARAGRAPHS)), "morning.eml")
    assert "Mara Lindqvist" in article.text and article.title.startswith("Morning briefing")


def test_an_eml_without_words_is_one_line():
    with pytest.raises(InputError) as info:
        read_newsletter(message(None, "   "), "blank.eml")
    assert str(info.value).startswith("blank.eml: e-mail has no")


def test_eml_files_are_inputs_alone_and_in_folders(tmp_path):
    (tmp_path / "morning.eml").write_bytes(message(page(), None))
    articles, errors = load_articles([tmp_path])
    assert errors == [] and [a.title for a in articles] == ["Morning briefing: the harbour reopens"]
