"""A newsletter saved as ``.eml`` to one `Article`: its HTML part, else its text part.

Public API:

- `read_newsletter(data, path)` -> `Article` (raises `InputError` naming the file).

The subject is the title, the sender's display name (else its domain) the source, the Date header
the date. Attachments are ignored; markup stays text.
"""

from __future__ import annotations

import email
import email.utils
from email import policy

from briefing.ingest.clean import clean_text, has_words
from briefing.ingest.webpage import decode_page, extract_page
from briefing.model import Article, InputError

__all__ = ["read_newsletter"]


def _part_text(part) -> str:
    payload = part.get_payload(decode=True) or b""
    return decode_page(payload, part.get_content_charset())


def read_newsletter(data: bytes, path: str) -> Article:
    try:
        message = email.message_from_bytes(data, policy=policy.default)
    except Exception as exc:  # the parser is lenient; this is for the truly broken
        raise InputError(path, f"not a readable e-mail message ({type(exc).__name__})") from None
    body = message.get_body(preferencelist=("html", "plain"))
    if body is None:
        raise InputError(path, "e-mail has no HTML or text part")
    text = _part_text(body)
    subject = " ".join(str(message.get("subject", "") or "").split())
    article: Article | None = None
    if body.get_content_subtype() == "html":
        try:
            article = extract_page(text, path)
        except InputError:
            article = None
    if article is None:
        article = clean_text(text, path)
    if not article.paragraphs or not any(has_words(p) for p in article.paragraphs):
        raise InputError(path, "e-mail has no article text")
    if subject:
        article.title, article.title_derived = subject, False
    name, address = email.utils.parseaddr(str(message.get("from", "") or ""))
    domain = address.rpartition("@")[2].lower() or None
    article.source = name or article.source or domain
    try:
        sent = email.utils.parsedate_to_datetime(str(message.get("date", "")))
        article.date = sent.date().isoformat()
    except (TypeError, ValueError):
        pass
    return article
