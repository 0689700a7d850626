"""A web page (fetched or saved) to an `Article`: trafilatura finds the body and its metadata,
then our news cleaning runs on top.

Public API:

- `decode_page(body, charset)` -> the page as text, whatever its charset claims.
- `extract_page(html, path, url=None, source=None)` -> `Article` (raises `InputError`).
- `page_meta(html, doc=None)` -> what the page says about itself, for `Article.meta`: schema.org
  ``@type``s (JSON-LD), sections (``articleSection``, ``article:section``, trafilatura's categories),
  keywords and ``og:type``; `briefing.ingest.section` reads the section and opinion from them.
- `is_page_furniture(paragraph)` -> True for a page's own adverts and credits that an extractor
  keeps: calls to subscribe, wire production credits, reporter contact lines, related-link lead-ins
  (the words are in `briefing.vocabulary.boilerplate`).

trafilatura (Apache-2.0) gives the main text and the title, author (-> byline), sitename
(-> source), publication date and canonical URL. Our cleaning (`clean_text`) then takes out what a
news extractor keeps but a brief does not want: photo captions, agency credits, "READ MORE" and
related-link lines, bylines and datelines.
"""

from __future__ import annotations

import codecs
import re

from briefing.ingest.clean import clean_text, has_words
from briefing.ingest.decode import decode
from briefing.model import Article, InputError
from briefing.outlets import agency_of, host_of
from briefing.vocabulary.boilerplate import CONTACT_LINE, PRODUCTION_CREDITS, PROMO_WORDS, RELATED_LINKS_LEAD

__all__ = ["decode_page", "extract_page", "source_from_url", "is_page_furniture", "page_meta"]

SHORT_PARAGRAPH_WORDS = 60
"""Adverts and credit lines are short; a paragraph longer than this is kept whatever it mentions."""

_META_CHARSET = re.compile(rb"""<meta[^>]{0,200}?charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]{2,40})""", re.I)
_BOMS = (b"\xef\xbb\xbf", b"\xff\xfe", b"\xfe\xff")


def _known_codec(name: str | None) -> str | None:
    if not name:
        return None
    try:
        return codecs.lookup(name).name
    except LookupError:
        return None


def decode_page(body: bytes, charset: str | None = None) -> str:
    """Text of a page. Bytes that are valid UTF-8 are read as UTF-8 whatever the page declares
    (legacy text is almost never valid UTF-8 by accident); otherwise the declared charset (HTTP
    header, then ``<meta charset>``) is used, and failing that our own detection."""
    if body.startswith(_BOMS):
        return decode(body)
    try:
        return body.decode("utf-8")
    except UnicodeDecodeError:
        pass
    declared = [charset]
    found = _META_CHARSET.search(body[:8192])
    if found:
        declared.append(found.group(1).decode("ascii", "ignore"))
    for name in declared:
        codec = _known_codec(name)
        if codec and codec not in ("utf-8", "utf-16", "utf-32") and not codec.startswith(("utf-16", "utf-32")):
            return body.decode(codec, errors="replace")
    return decode(body)


def source_from_url(url: str | None) -> str | None:
    """The domain without ``www.`` — the publication when nothing better names it."""
    return host_of(url)


def _iso_date(value: str | None) -> str | None:
    if not value:
        return None
    m = re.match(r"\d{4}-\d{2}-\d{2}", value)
    return m.group(0) if m else None


def is_page_furniture(paragraph: str) -> bool:
    """True for what a page wraps around the article and an extractor may keep: a call to
    subscribe, the wire's production credits, how to reach the reporter, a related-links lead-in."""
    if RELATED_LINKS_LEAD.match(paragraph):
        return True
    if len(paragraph.split()) > SHORT_PARAGRAPH_WORDS:
        return False
    if len({m.group(0).lower() for m in PROMO_WORDS.finditer(paragraph)}) >= 2:
        return True
    return bool(PRODUCTION_CREDITS.match(paragraph) or CONTACT_LINE.search(paragraph))


_SECTION_META = ("article:section", "og:article:section", "section", "parsely-section", "prism.section",
                 "sailthru.section", "article.section")
"""Meta tags that name the page's section, by ``property`` or ``name``."""
_KEYWORD_META = ("keywords", "news_keywords", "article:tag", "parsely-tags")
MAX_LABELS = 20
"""Labels kept per kind: a page's own sections and keywords, never its whole tag cloud."""


def _json_ld_items(data, out: list[dict], depth: int = 0) -> None:
    """Every JSON-LD object in `data`: lists, ``@graph`` and nested values opened (a few levels)."""
    if depth > 4:
        return
    if isinstance(data, list):
        for item in data:
            _json_ld_items(item, out, depth + 1)
    elif isinstance(data, dict):
        out.append(data)
        for key in ("@graph", "mainEntity", "mainEntityOfPage", "hasPart"):
            if key in data:
                _json_ld_items(data[key], out, depth + 1)


def _strings(value) -> list[str]:
    if isinstance(value, str):
        return [value]
    if isinstance(value, list):
        return [v for v in value if isinstance(v, str)]
    return []


def page_meta(html: str, doc=None) -> dict[str, list[str]]:
    """What the page says about itself (see the module docstring); `doc` is trafilatura's result."""
    import json

    from lxml import html as lxml_html

    meta: dict[str, list[str]] = {"types": [], "sections": [], "keywords": []}
    try:
        tree = lxml_html.document_fromstring(html)
    except Exception:  # an unparsable page has no metadata to give (lxml raises several kinds)
        return meta
    for script in tree.xpath('//script[@type="application/ld+json"]'):
        items: list[dict] = []
        try:
            _json_ld_items(json.loads(script.text_content() or "null"), items)
        except ValueError:
            continue
        for item in items:
            meta["types"] += [t.split("/")[-1] for t in _strings(item.get("@type"))]
            meta["sections"] += _strings(item.get("articleSection")) + _strings(item.get("genre"))
            meta["keywords"] += _strings(item.get("keywords"))
    for tag in tree.xpath("//meta[@content]"):
        key = (tag.get("property") or tag.get("name") or "").strip().lower()
        value = " ".join((tag.get("content") or "").split())
        if not value:
            continue
        if key in _SECTION_META:
            meta["sections"].append(value)
        elif key in _KEYWORD_META:
            meta["keywords"].append(value)
        elif key == "og:type":
            meta["types"].append(value)
        elif key == "article:opinion":
            meta["opinion"] = [value.lower()]
    if doc is not None:
        meta["sections"] += [c for c in (getattr(doc, "categories", None) or []) if isinstance(c, str)]
    return {k: list(dict.fromkeys(v))[:MAX_LABELS] for k, v in meta.items() if v}


_TITLE_SEPARATOR = re.compile(r"\s+[|\-–—:·•]\s+")


def _squashed(text: str) -> str:
    return re.sub(r"[\W_]+", "", text).casefold()


def strip_site_name(title: str, names: list[str | None]) -> str:
    """The headline without the site's name that a page's <title> adds before or after it
    ("Ferry saved | The Harbour Gazette", "harbourgazette.com - Ferry saved"): a part set off by
    a bar or a dash that is one of `names` (the site's name, its domain), spacing and case aside."""
    known = {_squashed(n) for n in names if n and _squashed(n)}
    known |= {k[:-3] for k in known if k.endswith("com")}  # "heraldcorp.com" names "heraldcorp"
    parts = _TITLE_SEPARATOR.split(title)
    while len(parts) > 1 and _squashed(parts[-1]) in known:
        parts.pop()
    while len(parts) > 1 and _squashed(parts[0]) in known:
        parts.pop(0)
    if len(parts) == len(_TITLE_SEPARATOR.split(title)):
        return title
    return title[title.find(parts[0]):title.rfind(parts[-1]) + len(parts[-1])].strip()


def extract_page(html: str, path: str, url: str | None = None, source: str | None = None) -> Article:
    """The article in `html`. `path` names it in messages and JSON; `url` is where it came from
    (it resolves relative links and is the fallback for the canonical URL); `source` is the
    publication to use when the page names none (e.g. the feed's title)."""
    import trafilatura

    try:
        doc = trafilatura.bare_extraction(
            html, url=url, with_metadata=True, include_comments=False, include_tables=True,
            favor_precision=True, deduplicate=False,
        )
    except Exception as exc:  # a parser bug on one page must not sink the run
        raise InputError(path, f"could not extract the article ({type(exc).__name__})") from None
    text = (getattr(doc, "text", None) or "").strip() if doc is not None else ""
    if not text or not has_words(text):
        raise InputError(path, "no article text found on the page")
    title = " ".join((doc.title or "").split()) or None
    if title:
        title = strip_site_name(title, [doc.sitename, source, host_of(doc.url or url)]) or title
    body = text if not title else title + "\n\n" + text
    article = clean_text(body, path)
    if not article.paragraphs:
        raise InputError(path, "no article text found on the page")
    kept = [p for p in article.paragraphs if not is_page_furniture(p)]
    article.removed.extend(p for p in article.paragraphs if is_page_furniture(p))
    article.paragraphs = kept or article.paragraphs
    if title:
        article.title, article.title_derived = title, False
        article.paragraphs = [p for p in article.paragraphs if p.lower() != title.lower()] or article.paragraphs
    canonical = doc.url if doc.url and doc.url.lower().startswith(("http://", "https://")) else None
    article.url = canonical or url
    article.byline = " ".join((doc.author or "").split()) or article.byline
    # a page an agency's own domain serves is the agency's copy ("hosted.ap.org"), whatever name
    # the hosting page gives itself
    article.source = agency_of(host_of(article.url) or "") or (" ".join((doc.sitename or "").split()) or None) or source \
        or article.source or source_from_url(article.url)
    article.date = _iso_date(doc.date) or article.date
    article.meta = page_meta(html, doc)
    return article
