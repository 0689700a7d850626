"""The publication that carried an article: one resolver for every stage.

The story records (`briefing.brief.stories`) and the page (`briefing.render.layout`) both name an
article's outlet; they ask this module, so the record and the page never disagree ("Reuters" in
one, "reuters.com" in the other). The outlet is the name the article gives (`Article.source`),
else, for an article read from the web, the site it came from: a news agency's own name for the
agency's domain (`vocabulary.boilerplate.AGENCY_DOMAINS`), the bare host otherwise.
"""

from __future__ import annotations

from urllib.parse import urlsplit

from briefing.model import AnalyzedArticle
from briefing.vocabulary.boilerplate import AGENCY_DOMAINS


def agency_of(domain: str) -> str | None:
    """The news agency whose domain (or a subdomain of it) `domain` is: "www.reuters.com" ->
    "Reuters"; None for any other domain."""
    parts = domain.lower().strip(".").split(".")
    for i in range(len(parts) - 1):
        name = AGENCY_DOMAINS.get(".".join(parts[i:]))
        if name:
            return name
    return None


def host_of(url: str | None) -> str | None:
    """A web address's host, lower case, without ``www.`` ("example.org"); None for no address."""
    return (urlsplit(url or "").hostname or "").lower().removeprefix("www.") or None


def site_of(url: str | None) -> str | None:
    """The site a web address belongs to, as a reader names it: the agency's name for an agency's
    domain, else the host without ``www.`` ("example.org"); None for no address."""
    host = host_of(url)
    return (agency_of(host) or host) if host else None


def outlet(a: AnalyzedArticle) -> str | None:
    """The publication that carried an article: its source, else the site it was read from.
    None for a file that names neither (it counts as no outlet, not as one per file)."""
    source = (a.article.source or "").strip()
    return source or site_of(a.article.url)
