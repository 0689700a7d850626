"""Feeds and feed lists: RSS 0.9x/1.0/2.0 and Atom (with feedparser), JSON Feed, OPML.

Public API:

- `looks_like_feed(body, content_type)` -> True when the bytes are a feed rather than a page.
- `parse_feed(body, where, base_url=None)` -> `Feed` (raises `InputError` naming `where`).
- `parse_opml(body, where)` -> the feeds an OPML file lists, as `FeedLink`s.
- `entry_text(entry)` -> the entry's own content or summary as text ("" when it has none).

Links in feeds are untrusted: only absolute http(s) links are kept (relative ones are resolved
against the feed's URL or ``xml:base`` first); ``file:``, ``javascript:`` and other schemes are
dropped. Markup in titles and summaries stays text.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from dataclasses import dataclass, field
from urllib.parse import urljoin
from xml.etree import ElementTree

from briefing.model import InputError

__all__ = ["Feed", "FeedEntry", "FeedLink", "looks_like_feed", "parse_feed", "parse_opml", "entry_text"]

FEED_TYPES = {
    "application/rss+xml", "application/atom+xml", "application/rdf+xml", "application/xml", "text/xml",
    "application/feed+json", "application/json", "text/rss+xml", "application/x-rss+xml",
}
_XML_FEED_ROOT = re.compile(rb"^\s*(?:<\?xml[^>]*>\s*)?(?:<!--.*?-->\s*|<\?[^>]*>\s*|<!DOCTYPE[^>]*>\s*)*<(?:[\w-]+:)?(rss|feed|RDF)\b",
                            re.S | re.I)
_JSON_FEED_VERSION = re.compile(rb'"version"\s*:\s*"https?://jsonfeed\.org/version/')


@dataclass
class FeedEntry:
    title: str
    link: str | None
    """The entry's page (absolute http/https), or None."""
    guid: str | None
    published: str | None
    """ISO 8601 timestamp (UTC) when the feed gives one."""
    content_html: str = ""
    """The entry's own content, else its summary (HTML or text as the feed has it)."""
    author: str | None = None
    categories: list[str] = field(default_factory=list)
    """The entry's categories (RSS ``<category>``, Atom ``<category term>``, JSON Feed ``tags``)."""


@dataclass
class Feed:
    title: str | None
    link: str | None
    entries: list[FeedEntry] = field(default_factory=list)


@dataclass
class FeedLink:
    url: str
    title: str | None = None


def _web_link(link: str | None, base: str | None) -> str | None:
    if not link or not isinstance(link, str):
        return None
    link = link.strip()
    if base:
        link = urljoin(base, link)
    return link if link.lower().startswith(("http://", "https://")) else None


def looks_like_feed(body: bytes, content_type: str = "") -> bool:
    head = body[:4096].lstrip(b"\xef\xbb\xbf")
    if _XML_FEED_ROOT.match(head):
        return True
    if head.lstrip().startswith(b"{") and _JSON_FEED_VERSION.search(body[:65536]):
        return True
    return content_type in ("application/rss+xml", "application/atom+xml", "application/feed+json")


def _iso(value: str | None = None, parsed=None) -> str | None:
    if parsed:
        try:
            return dt.datetime(*parsed[:6], tzinfo=dt.timezone.utc).isoformat()
        except (TypeError, ValueError):
            return None
    if value:
        try:
            when = dt.datetime.fromisoformat(value.replace("Z", "+00:00"))
        except ValueError:
            return None
        if when.tzinfo is None:
            when = when.replace(tzinfo=dt.timezone.utc)
        return when.astimezone(dt.timezone.utc).isoformat()
    return None


def _plain(text: str | None) -> str:
    return " ".join((text or "").split())


def parse_feed(body: bytes, where: str, base_url: str | None = None) -> Feed:
    """A feed from its bytes. `where` names it in errors; `base_url` resolves relative links."""
    stripped = body.lstrip(b"\xef\xbb\xbf \t\r\n")
    if stripped.startswith(b"{"):
        return _parse_json_feed(body, where, base_url)
    import feedparser

    headers = {"content-location": base_url} if base_url else None
    parsed = feedparser.parse(body, response_headers=headers, sanitize_html=True, resolve_relative_uris=True)
    if not parsed.entries:
        if parsed.bozo:
            reason = " ".join(str(parsed.get("bozo_exception", "")).split())[:120]
            raise InputError(where, f"not a valid feed: {reason or 'broken XML'}")
        if not parsed.version:
            raise InputError(where, "not a feed (no RSS, Atom or JSON Feed found)")
        raise InputError(where, "feed has no entries")
    meta = parsed.feed
    base = base_url or meta.get("link")
    feed = Feed(title=_plain(meta.get("title")) or None, link=_web_link(meta.get("link"), base_url))
    for e in parsed.entries:
        content = ""
        if e.get("content"):
            content = max((c.get("value", "") for c in e.content), key=len)
        if not content:
            content = e.get("summary", "") or ""
        link = _web_link(e.get("link"), base)
        if link is None:
            for candidate in e.get("links", []):
                link = _web_link(candidate.get("href"), base)
                if link:
                    break
        feed.entries.append(FeedEntry(
            title=_plain(e.get("title")),
            link=link,
            guid=e.get("id") or None,
            published=_iso(parsed=e.get("published_parsed") or e.get("updated_parsed")),
            content_html=content,
            author=_plain(e.get("author")) or None,
            categories=[c for c in (_plain(t.get("term") or t.get("label")) for t in e.get("tags") or []) if c],
        ))
    return feed


def _parse_json_feed(body: bytes, where: str, base_url: str | None) -> Feed:
    try:
        data = json.loads(body.decode("utf-8-sig"))
    except (UnicodeDecodeError, ValueError) as exc:
        raise InputError(where, f"not a valid JSON Feed: {' '.join(str(exc).split())[:100]}") from None
    if not isinstance(data, dict) or not str(data.get("version", "")).startswith(("https://jsonfeed.org/version/",
                                                                                 "http://jsonfeed.org/version/")):
        raise InputError(where, "not a feed (JSON without a jsonfeed.org version)")
    items = data.get("items")
    if not isinstance(items, list) or not items:
        raise InputError(where, "feed has no entries")
    base = base_url or (data.get("home_page_url") if isinstance(data.get("home_page_url"), str) else None)
    feed = Feed(title=_plain(str(data.get("title") or "")) or None, link=_web_link(data.get("home_page_url"), base_url))
    for item in items:
        if not isinstance(item, dict):
            continue
        author = item.get("author") or (item.get("authors") or [None])[0]
        feed.entries.append(FeedEntry(
            title=_plain(str(item.get("title") or "")),
            link=_web_link(item.get("url"), base) or _web_link(item.get("external_url"), base),
            guid=str(item["id"]) if item.get("id") is not None else None,
            published=_iso(str(item.get("date_published") or item.get("date_modified") or "")),
            content_html=str(item.get("content_html") or item.get("content_text") or item.get("summary") or ""),
            author=_plain(author.get("name")) if isinstance(author, dict) and author.get("name") else None,
            categories=[_plain(t) for t in item.get("tags") or [] if isinstance(t, str) and _plain(t)],
        ))
    return feed


def parse_opml(body: bytes, where: str) -> list[FeedLink]:
    """The feeds (``xmlUrl``) an OPML outline lists, nested folders included, in order."""
    if b"<!DOCTYPE" in body[:2048].upper() or b"<!ENTITY" in body.upper():
        raise InputError(where, "OPML with a DOCTYPE or entities is refused")
    try:
        root = ElementTree.fromstring(body)
    except ElementTree.ParseError as exc:
        raise InputError(where, f"not a valid OPML file: {exc}") from None
    if root.tag.lower() != "opml":
        raise InputError(where, "not an OPML file (no <opml> root)")
    links: list[FeedLink] = []
    seen: set[str] = set()
    for outline in root.iter("outline"):
        url = _web_link(outline.get("xmlUrl") or outline.get("xmlurl"), None)
        if url and url not in seen:
            seen.add(url)
            links.append(FeedLink(url, _plain(outline.get("title") or outline.get("text")) or None))
    if not links:
        raise InputError(where, "OPML file lists no http(s) feeds")
    return links


def entry_text(entry: FeedEntry) -> str:
    """The entry's own words as text (markup stripped)."""
    from briefing.ingest.html import html_to_text

    raw = entry.content_html or ""
    if "<" in raw:
        raw = html_to_text(raw)
    return raw.strip()
