"""Ingest: inputs to clean `Article` records.

- `load` finds the inputs and reads each into an `Article` (`collect_inputs`, `read_article`,
  `load_articles`);
- `decode` turns bytes into text; `html` turns a saved page into its visible text;
- `clean` cleans scraped news: headline, byline, dateline, captions, credits, boilerplate;
- `web` reads article URLs, feeds and OPML lists, with `fetch` (the one HTTP client: limits,
  robots.txt, cache, private-address refusal), `feeds` (RSS, Atom, JSON Feed, OPML) and `webpage`
  (trafilatura's body and metadata, our cleaning on top); `newsletter` reads `.eml` files.
"""

from briefing.lazy import lazy_exports

__getattr__, __all__ = lazy_exports(__name__, {
    "collect_inputs": "load",
    "read_article": "load",
    "load_articles": "load",
    "decode": "decode",
    "sniff_binary": "decode",
    "normalize_text": "decode",
    "html_to_text": "html",
    "looks_like_html": "html",
    "clean_text": "clean",
    "derive_title": "clean",
    "read_sources": "web",
    "Source": "web",
    "Fetcher": "fetch",
    "FetchSettings": "fetch",
    "FetchError": "fetch",
    "parse_feed": "feeds",
    "parse_opml": "feeds",
    "extract_page": "webpage",
    "read_newsletter": "newsletter",
})
