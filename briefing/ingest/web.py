"""Articles from the web: article URLs, feeds (URL or file) and OPML lists, fetched in parallel.

Public API:

- `Source(location, name=None, include=(), exclude=())` -> one input: a URL, a feed file or an OPML file.
- `read_sources(sources, settings, since=None, seen=None, progress=None)` -> `WebRead`:
  the articles (each a `WebItem` with the source it came from and the ids de-duplication uses) and
  one `InputError` per URL or file that could not be used.

Two rounds: first every URL the user gave and every feed an OPML file lists (a page becomes an
article, a feed gives entries), then every entry's page. Within a round hosts are fetched in
parallel, at most 2 connections each (see `briefing.ingest.fetch`). When an entry's page cannot be
fetched or holds no article, the entry's own text stands in if it is a real article, and the
error says so.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from pathlib import Path

from briefing.ingest.clean import clean_text, has_words
from briefing.ingest.feeds import Feed, FeedEntry, entry_text, looks_like_feed, parse_feed, parse_opml
from briefing.ingest.fetch import FetchError, Fetcher, FetchRequest, FetchSettings, Response, host_key, is_web_url
from briefing.ingest.webpage import decode_page, extract_page, source_from_url
from briefing.model import Article, InputError

__all__ = ["Source", "WebItem", "WebRead", "read_sources", "FEED_FILE_SUFFIXES", "OPML_SUFFIXES", "MIN_ENTRY_WORDS"]

FEED_FILE_SUFFIXES = (".xml", ".rss", ".atom", ".rdf", ".json")
OPML_SUFFIXES = (".opml",)
PAGE_TYPES = ("text/html", "application/xhtml+xml")
MIN_ENTRY_WORDS = 80
"""An entry's own text stands in for its page only when it is at least this long: a summary is not
an article."""


@dataclass(frozen=True)
class Source:
    location: str
    name: str | None = None
    include: tuple[str, ...] = ()
    exclude: tuple[str, ...] = ()


@dataclass
class WebItem:
    article: Article
    source_index: int
    ids: list[str] = field(default_factory=list)
    """The entry's GUID and the article's URLs: what de-duplication across feeds and days uses."""


@dataclass
class WebRead:
    items: list[WebItem] = field(default_factory=list)
    errors: list[tuple[int, InputError]] = field(default_factory=list)
    downloads: int = 0


@dataclass
class _Pending:
    """An entry whose page is to be fetched."""

    source_index: int
    feed: Feed
    entry: FeedEntry
    source: Source


def _keyword_re(words) -> re.Pattern | None:
    words = [w.strip() for w in words if w and w.strip()]
    if not words:
        return None
    return re.compile(r"(?<!\w)(?:" + "|".join(re.escape(w) for w in words) + r")(?!\w)", re.I)


def _wanted(source: Source, text: str) -> bool:
    exclude, include = _keyword_re(source.exclude), _keyword_re(source.include)
    if exclude and exclude.search(text):
        return False
    return not include or bool(include.search(text))


def _parse_when(value: str | None) -> dt.datetime | None:
    if not value:
        return None
    try:
        when = dt.datetime.fromisoformat(value)
    except ValueError:
        return None
    return when if when.tzinfo else when.replace(tzinfo=dt.timezone.utc)


def _page_article(response: Response, where: str, feed_source: str | None = None) -> Article:
    kind = response.content_type
    if kind and kind not in PAGE_TYPES and not kind.endswith("+xml"):
        raise InputError(where, f"not a web page (content type {kind})")
    html = decode_page(response.body, response.charset)
    article = extract_page(html, where, url=response.final_url, source=feed_source)
    return article


def _entry_fallback(pending: _Pending, where: str, problem: str) -> Article:
    """The entry's own text as the article, when it is long enough to be one."""
    text = entry_text(pending.entry)
    if len(text.split()) < MIN_ENTRY_WORDS:
        raise InputError(where, problem)
    article = clean_text(text, where)
    if not article.paragraphs or not any(has_words(p) for p in article.paragraphs):
        raise InputError(where, problem)
    entry = pending.entry
    if entry.title:
        article.title, article.title_derived = entry.title, False
    article.url = entry.link
    article.byline = entry.author or article.byline
    article.source = pending.source.name or pending.feed.title or source_from_url(entry.link)
    article.date = entry.published or article.date
    return article


class _Counter:
    """The progress line's counts across both rounds: "fetching 37/120 · 3 failed"."""

    def __init__(self, progress):
        self.progress = progress
        self.done = self.total = self.failed = 0

    def round(self, fetcher: Fetcher, requests: list[FetchRequest]) -> list[Response | FetchError]:
        base_done, base_failed = self.done, self.failed
        self.total += len(requests)

        def report(done: int, _total: int, failed: int) -> None:
            if self.progress:
                self.progress(f"fetching {base_done + done}/{self.total} · {base_failed + failed} failed")

        results = fetcher.fetch_many(requests, progress=report)
        self.done += len(requests)
        self.failed += sum(isinstance(r, FetchError) for r in results)
        return results


def _read_local(index: int, path: Path, first: list, feeds: list, errors: list) -> None:
    """A feed file gives its feed; an OPML file the feeds it lists, to fetch in round 1."""
    try:
        data = path.read_bytes()
    except OSError as exc:
        errors.append((index, InputError(path, f"unreadable: {exc.strerror or exc}")))
        return
    try:
        if path.suffix.lower() in OPML_SUFFIXES:
            for link in parse_opml(data, str(path)):
                first.append((index, link.url, False, link.title))
        else:
            feeds.append((index, parse_feed(data, str(path))))
    except InputError as exc:
        errors.append((index, exc))


def _wanted_entries(feeds: list[tuple[int, Feed]], sources: list[Source], since, seen, until=None) -> list[_Pending]:
    pending: list[_Pending] = []
    for index, feed in sorted(feeds, key=lambda pair: pair[0]):
        source = sources[index]
        for entry in feed.entries:
            when = _parse_when(entry.published)
            if since is not None and when is not None and when < since:
                continue
            if until is not None and (when is None or when >= until):
                continue  # after the window, or undated: it cannot be placed inside it
            ids = [i for i in (entry.guid, entry.link) if i]
            if seen is not None and ids and seen(ids):
                continue
            if source.exclude and not _wanted(Source("", exclude=source.exclude), entry.title):
                continue
            if entry.link is None and len(entry_text(entry).split()) < MIN_ENTRY_WORDS:
                continue  # no page and no article of its own: a link post or a podcast
            pending.append(_Pending(index, feed, entry, source))
    return pending


def _entry_article(p: _Pending, where: str, response: Response | FetchError | None) -> Article:
    """The entry's page as an article, else its own text (said in `Article.notes`); raises
    `InputError`. The entry's categories join what the page says about itself (`Article.meta`)."""
    article = _entry_page_or_text(p, where, response)
    if p.entry.categories:
        article.meta["categories"] = list(dict.fromkeys([*article.meta.get("categories", []), *p.entry.categories]))
    return article


def _entry_page_or_text(p: _Pending, where: str, response: Response | FetchError | None) -> Article:
    if response is None:
        return _entry_fallback(p, where, "entry has no page and too little text")
    if isinstance(response, FetchError):
        problem = response.reason
    else:
        try:
            return _page_article(response, where, p.source.name or p.feed.title)
        except InputError as exc:
            problem = exc.reason
    article = _entry_fallback(p, where, problem)
    article.notes.append(f"{problem}; used the feed entry's own text instead")
    return article


MapPages = Callable[[Callable[[tuple], object], list[tuple]], list]
"""``map_pages(fn, jobs)`` -> ``[fn(job) for job in jobs]``, perhaps over worker processes (an
exception `fn` raises may come back as the job's result; see `briefing.workers`)."""


def _serially(fn: Callable[[tuple], object], jobs: list[tuple]) -> list:
    return [fn(job) for job in jobs]


def page_article(job: tuple[Response, str, str | None]) -> Article | InputError:
    """One fetched page (response, where, the source's name) to its article, or why not."""
    response, where, source = job
    try:
        return _page_article(response, where, source)
    except InputError as exc:
        return exc


def entry_article(job: tuple[_Pending, str, Response | FetchError | None]) -> Article | InputError:
    """One feed entry (its page fetched, or not) to its article, or why not."""
    pending, where, response = job
    try:
        return _entry_article(pending, where, response)
    except InputError as exc:
        return exc


def _made(result: object, where: str) -> Article | InputError:
    """A job's result; an exception a worker turned into text (`briefing.workers.Failure`) as the
    one-line reason naming the page."""
    if isinstance(result, (Article, InputError)):
        return result
    return InputError(where, f"could not be read ({result})")


def _light(p: _Pending) -> _Pending:
    """The pending entry without its feed's other entries (what a worker process is sent)."""
    return replace(p, feed=Feed(p.feed.title, p.feed.link))


def read_sources(
    sources: list[Source],
    settings: FetchSettings,
    *,
    since: dt.datetime | None = None,
    seen=None,
    progress=None,
    until: dt.datetime | None = None,
    map_pages: MapPages | None = None,
) -> WebRead:
    """Read every source. `since` drops feed entries published before it, `until` those published
    at or after it and the undated ones (a past day's window); `seen(ids)` -> True drops entries
    already used (de-duplication across feeds and days). `map_pages` extracts the fetched pages'
    articles (trafilatura and cleaning; default: here, one after the other)."""
    map_pages = map_pages or _serially
    result = WebRead()
    counter = _Counter(progress)
    named = {host_key(s.location) for s in sources if is_web_url(s.location)}
    settings = replace(settings, named_hosts=set(settings.named_hosts) | named)
    with Fetcher(settings) as fetcher:
        # round 1: the URLs given and the feeds OPML files list; feed files are parsed on the spot
        first: list[tuple[int, str, bool, str | None]] = []  # source index, URL, trusted, title
        feeds: list[tuple[int, Feed]] = []
        for index, source in enumerate(sources):
            if is_web_url(source.location):
                first.append((index, source.location, True, None))
            else:
                _read_local(index, Path(source.location), first, feeds, result.errors)
        responses = counter.round(fetcher, [FetchRequest(url, trusted) for _, url, trusted, _ in first])
        pages = [k for k, r in enumerate(responses)
                 if not isinstance(r, FetchError) and not looks_like_feed(r.body, r.content_type)]
        made = dict(zip(pages, map_pages(page_article, [(responses[k], first[k][1], sources[first[k][0]].name)
                                                        for k in pages])))
        for k, ((index, url, _, title), response) in enumerate(zip(first, responses)):
            source = sources[index]
            try:
                if isinstance(response, FetchError):
                    raise response
                if k not in made:
                    feed = parse_feed(response.body, url, base_url=response.final_url)
                    feed.title = feed.title or title
                    feeds.append((index, feed))
                    continue
                article = _made(made[k], url)
                if isinstance(article, InputError):
                    raise article
            except InputError as exc:
                result.errors.append((index, exc))
                continue
            if _wanted(source, article.title + "\n" + article.text):
                result.items.append(WebItem(article, index, [i for i in (article.url, response.final_url, url) if i]))

        # round 2: the page of every wanted entry
        pending = _wanted_entries(feeds, sources, since, seen, until)
        to_fetch = [p for p in pending if p.entry.link]
        pages = counter.round(fetcher, [FetchRequest(p.entry.link, False) for p in to_fetch])
        by_entry = {id(p): r for p, r in zip(to_fetch, pages)}
        where = [p.entry.link or f"{p.source.location} (entry {p.entry.title or p.entry.guid})" for p in pending]
        made = map_pages(entry_article, [(_light(p), w, by_entry.get(id(p))) for p, w in zip(pending, where)])
        for p, w, done in zip(pending, where, made):
            article = _made(done, w)
            if isinstance(article, InputError):
                result.errors.append((p.source_index, article))
                continue
            if not article.date and p.entry.published:
                article.date = p.entry.published[:10]
            if not _wanted(p.source, article.title + "\n" + article.text):
                continue
            ids = [i for i in (p.entry.guid, article.url, p.entry.link) if i]
            result.items.append(WebItem(article, p.source_index, ids))
        result.downloads = fetcher.downloads
    return result
