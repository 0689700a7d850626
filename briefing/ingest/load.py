"""The ingest stage: find the inputs and read each into a cleaned `Article`.

Public API:

- `collect_inputs(paths)` -> the inputs named, with folders opened: files (`Path`) and URLs (`str`).
- `read_article(path, data=None)` -> one cleaned `Article` from a file (raises `InputError` with a
  one-line reason); `read_bytes(path)` its bytes; `read_input(path)` the article with its
  `language` and `section` found: everything ingest does for one file.
- `load_articles(paths, fetch=None, progress=None)` -> (good articles, one `InputError` per bad input);
  never raises for input. Each article comes with its `language` (`language.identify`), `section`
  and `opinion` (`section.describe`). It is `plan_inputs` (the files and web inputs, by path given),
  `read_input` on each file and `read_web` on the web inputs; `briefing.batch` runs the same
  pieces over the machine's cores.
- `save_article(article, text_path)` -> the article as text plus a JSON record beside it, which
  `read_article` reads back exactly (the daily run keeps the day's fetched articles this way).

An input is any mix of: `.txt` articles; saved web pages (`.html`, `.htm`); `.eml` newsletters;
folders of those; `http(s)://` article or feed URLs; feed files (RSS, Atom, JSON Feed: `.xml`,
`.rss`, `.atom`, `.rdf`, `.json`); OPML lists of feeds (`.opml`); and `briefing.ingest.web.Source`s
(a feed with a name and include/exclude keywords, as ``[[feeds]]`` in the config gives them). The web inputs are read by
`briefing.ingest.web` (fetching with `briefing.ingest.fetch`); files here, with `decode`,
`webpage` (trafilatura), `newsletter` and `clean`.
"""

from __future__ import annotations

import dataclasses
import re
from dataclasses import dataclass, field
from pathlib import Path

from briefing.ingest.clean import clean_text, derive_title, has_words
from briefing.ingest.decode import decode, decoded_ok, sniff_binary
from briefing.ingest.fetch import FetchSettings, is_web_url
from briefing.model import Article, InputError

__all__ = [
    "collect_inputs",
    "plan_inputs",
    "Inputs",
    "read_bytes",
    "read_article",
    "read_input",
    "read_web",
    "load_articles",
    "decode",
    "sniff_binary",
    "clean_text",
    "derive_title",
    "MAX_BYTES",
    "save_article",
    "saved_from_url",
]

MAX_BYTES = 32 * 1024 * 1024
"""Files larger than this are refused (keeps memory bounded); articles are far smaller."""

ARTICLE_SUFFIXES = (".txt", ".html", ".htm", ".eml")
"""What a folder is searched for; any file named directly is read, whatever its name."""
PAGE_SUFFIXES = (".html", ".htm")
NEWSLETTER_SUFFIXES = (".eml",)

# --------------------------------------------------------------------------- inputs


def collect_inputs(paths) -> list[Path | str]:
    """Files and URLs given directly, plus the articles (`ARTICLE_SUFFIXES`) directly inside
    folders given.

    Sorted within each folder, hidden files skipped, duplicates dropped, order kept. URLs are
    kept as given (``str``). A path that does not exist raises
    `InputError(path, "no such file or directory")`.
    """
    if isinstance(paths, (str, Path)):
        paths = [paths]
    out: list[Path | str] = []
    seen: set = set()

    def add(p: Path | str) -> None:
        key = p.absolute() if isinstance(p, Path) else p
        if key not in seen:
            seen.add(key)
            out.append(p)

    for raw in paths:
        if (isinstance(raw, str) and is_web_url(raw)) or _is_source(raw):
            add(raw)
            continue
        p = Path(raw)
        if not p.exists():
            raise InputError(p, "no such file or directory")
        if p.is_dir():
            try:
                children = sorted(p.iterdir(), key=lambda c: c.name)
            except PermissionError:
                raise InputError(p, "unreadable: permission denied") from None
            except OSError as exc:
                raise InputError(p, f"unreadable folder: {exc.strerror or exc}") from None
            for child in children:
                if child.name.startswith(".") or child.suffix.lower() not in ARTICLE_SUFFIXES:
                    continue
                if child.is_file():
                    add(child)
        else:
            add(p)
    return out


def read_bytes(path) -> bytes:
    """An article file's bytes (at most `MAX_BYTES`). Raises `InputError` naming the file."""
    p = Path(path)
    try:
        if p.is_dir():
            raise InputError(p, "is a folder, not an article file")
        if p.exists() and not p.is_file():
            raise InputError(p, "not a regular file")
        with p.open("rb") as fh:
            data = fh.read(MAX_BYTES + 1)
    except InputError:
        raise
    except FileNotFoundError:
        raise InputError(p, "no such file or directory") from None
    except PermissionError:
        raise InputError(p, "unreadable: permission denied") from None
    except IsADirectoryError:
        raise InputError(p, "is a folder, not an article file") from None
    except OSError as exc:
        raise InputError(p, f"unreadable: {_one_line(exc.strerror or str(exc))}") from None
    if len(data) > MAX_BYTES:
        raise InputError(p, f"file too large (over {MAX_BYTES // (1024 * 1024)} MB)")
    return data


def read_article(path, data: bytes | None = None) -> Article:
    """Read, decode and clean one article file (`data`: its bytes, when `read_bytes` has read
    them already). Raises `InputError` naming the file."""
    p = Path(path)
    if data is None:
        data = read_bytes(p)
    if not data.strip():
        raise InputError(p, "empty file")
    reason = sniff_binary(data)
    if reason:
        raise InputError(p, reason)
    suffix = p.suffix.lower()
    saved = _saved_article(p) if suffix == ".txt" else None
    if saved is not None and saved_text(saved) == data:
        return saved
    if suffix in NEWSLETTER_SUFFIXES:
        from briefing.ingest.newsletter import read_newsletter

        return read_newsletter(data, str(p))
    if suffix in PAGE_SUFFIXES:
        from briefing.ingest.webpage import decode_page, extract_page

        try:
            html = decode_page(data)
            return extract_page(html, str(p), url=saved_from_url(html))
        except InputError:
            pass  # not an article page trafilatura recognises: read its visible text as before
    text = decode(data)
    if not decoded_ok(text):
        raise InputError(p, "not valid text in any supported encoding")
    article = clean_text(text, str(p))
    if saved is not None:  # the saved text was edited: the edit is the article, the record says where it came from
        article = dataclasses.replace(article, path=saved.path, url=saved.url, source=saved.source or article.source,
                                      date=saved.date or article.date)
    if not article.paragraphs or not any(has_words(para) for para in article.paragraphs):
        if not text.strip(" \n\t\u00a0\u200b\ufeff"):
            raise InputError(p, "empty file")
        raise InputError(p, "no sentences")
    return article


_SAVED_FROM = re.compile(r"<!--\s*saved from url=\(\d+\)(https?://[^\s>]+?)\s*-->", re.I)


def saved_from_url(html: str) -> str | None:
    """The address a browser saved the page from: the ``<!-- saved from url=(0042)https://... -->``
    mark Chrome and Edge write at the top of a saved page (None when there is none)."""
    found = _SAVED_FROM.search(html[:4096])
    return found.group(1) if found else None


SAVED_MARK = "briefing-article"
"""The `kind` of the JSON record `save_article` writes beside an article's text."""


def save_article(article: Article, text_path: Path, extra: dict | None = None) -> Path:
    """Write `article` as readable text at `text_path` and, beside it, a JSON record of the
    whole article (``.json``), which `read_article` uses to read it back exactly."""
    import json

    from briefing.files import atomic_write

    text_path = Path(text_path)
    text_path.parent.mkdir(parents=True, exist_ok=True)
    record = {
        "kind": SAVED_MARK, "path": article.path, "url": article.url, "title": article.title,
        "title_derived": article.title_derived, "byline": article.byline, "source": article.source,
        "date": article.date, "notes": article.notes, "section": article.section, "opinion": article.opinion,
        "language": article.language, "meta": article.meta, "paragraphs": article.paragraphs, **(extra or {}),
    }
    atomic_write(text_path, saved_text(article))
    meta = text_path.with_suffix(".json")
    atomic_write(meta, (json.dumps(record, ensure_ascii=False, indent=1) + "\n").encode("utf-8"))
    return meta


def saved_text(article: Article) -> bytes:
    """The readable text `save_article` writes: the title and the paragraphs, blank lines between."""
    return ("\n\n".join([article.title, *article.paragraphs]) + "\n").encode("utf-8")


def _saved_article(text_path: Path) -> Article | None:
    import json

    meta = text_path.with_suffix(".json")
    try:
        record = json.loads(meta.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    if not isinstance(record, dict) or record.get("kind") != SAVED_MARK:
        return None
    paragraphs = record.get("paragraphs")
    if not isinstance(paragraphs, list) or not all(isinstance(p, str) for p in paragraphs) or not paragraphs:
        return None

    def text(key: str) -> str | None:
        value = record.get(key)
        return value if isinstance(value, str) and value else None

    return Article(
        path=text("path") or str(text_path), title=text("title") or derive_title(paragraphs),
        paragraphs=paragraphs, byline=text("byline"), source=text("source"), date=text("date"),
        title_derived=bool(record.get("title_derived")), url=text("url"),
        notes=[n for n in record.get("notes") or [] if isinstance(n, str)],
        section=text("section") or "", opinion=record.get("opinion") is True, language=text("language") or "",
        meta=_saved_meta(record.get("meta")),
    )


def _saved_meta(value) -> dict[str, list[str]]:
    if not isinstance(value, dict):
        return {}
    return {k: [v for v in vs if isinstance(v, str)] for k, vs in value.items()
            if isinstance(k, str) and isinstance(vs, list)}


def _is_source(item) -> bool:
    from briefing.ingest.web import Source

    return isinstance(item, Source)


def is_web_item(item) -> bool:
    """URLs, OPML files, feed files and `Source`s go to `briefing.ingest.web`; the rest is read here."""
    if isinstance(item, str) or _is_source(item):
        return True
    from briefing.ingest.web import FEED_FILE_SUFFIXES, OPML_SUFFIXES

    suffix = item.suffix.lower()
    if suffix in OPML_SUFFIXES:
        return True
    if suffix not in FEED_FILE_SUFFIXES:
        return False
    from briefing.ingest.feeds import looks_like_feed

    try:
        with item.open("rb") as fh:
            head = fh.read(65536)
    except OSError:
        return False  # read_article names the problem
    return looks_like_feed(head)


@dataclass
class Inputs:
    """What `paths` name, by slot (one per path as given, in order): the article files, the web
    inputs (URLs, feed and OPML files, `briefing.ingest.web.Source`s) and what could not be opened."""

    files: list[tuple[int, Path]] = field(default_factory=list)
    """(slot, file), in order."""
    web: list[tuple[int, Path | str]] = field(default_factory=list)
    """(slot, web input), in order."""
    errors: list[list[InputError]] = field(default_factory=list)
    """Each slot's paths that could not be opened (missing, an empty folder)."""


def plan_inputs(paths) -> Inputs:
    """The inputs `paths` name (folders opened), each kept in its path's slot; never raises for input."""
    if isinstance(paths, (str, Path)):
        paths = [paths]
    plan = Inputs()
    for slot, raw in enumerate(paths):
        errors: list[InputError] = []
        plan.errors.append(errors)
        try:
            found = collect_inputs([raw])
        except InputError as exc:
            errors.append(exc)
            continue
        if not found and Path(raw).is_dir():
            errors.append(InputError(raw, "folder has no article files (.txt, .html, .htm, .eml)"))
            continue
        for item in found:
            (plan.web if is_web_item(item) else plan.files).append((slot, item))
    return plan


def read_input(path, data: bytes | None = None) -> Article:
    """`read_article` (`data`: the file's bytes, if read already), with the article's `language`
    and `section` found: all ingest does for one file. Raises `InputError` naming the file."""
    from briefing.ingest.language import identify
    from briefing.ingest.section import describe

    try:
        article = read_article(path, data)
    except InputError:
        raise
    except Exception as exc:  # a bug in cleaning must not sink the whole run
        raise InputError(path, f"could not be read: {_one_line(repr(exc))}") from None
    return describe(identify(article))


def read_web(web: list[tuple[int, Path | str]], fetch: FetchSettings | None = None,
             progress=None, map_pages=None) -> tuple[list[tuple[int, Article]], list[tuple[int, InputError]]]:
    """The web inputs (`Inputs.web`) fetched and read: (slot, article) and (slot, error) pairs.
    The articles' language and section are not found yet. `map_pages`: see
    `briefing.ingest.web.read_sources`."""
    if not web:
        return [], []
    from briefing.ingest.web import Source, read_sources

    sources = [item if isinstance(item, Source) else Source(str(item)) for _, item in web]
    read = read_sources(sources, fetch or FetchSettings(), progress=progress, map_pages=map_pages)
    articles = [(web[item.source_index][0], item.article) for item in read.items]
    errors = [(web[source_index][0], error) for source_index, error in read.errors]
    return articles, errors


def load_articles(paths, fetch: FetchSettings | None = None, progress=None) -> tuple[list[Article], list[InputError]]:
    """Good articles plus one `InputError` per bad file, URL or missing path; never raises for input.

    `fetch` sets the rules for web inputs (timeouts, cache, robots, offline; default: no cache);
    `progress(message)` hears "fetching 3/12 · 1 failed" while they are fetched. Articles come in
    the order of the inputs. (`briefing.batch` does the same over the machine's cores.)
    """
    from briefing.ingest.language import identify
    from briefing.ingest.section import describe

    plan = plan_inputs(paths)
    slots: list[list[Article]] = [[] for _ in plan.errors]
    errors_by_slot = [list(errors) for errors in plan.errors]
    for slot, item in plan.files:
        try:
            slots[slot].append(read_input(item))
        except InputError as exc:
            errors_by_slot[slot].append(exc)
    web_articles, web_errors = read_web(plan.web, fetch, progress)
    for slot, article in web_articles:
        slots[slot].append(describe(identify(article)))
    for slot, error in web_errors:
        errors_by_slot[slot].append(error)
    articles = [a for slot in slots for a in slot]
    errors = [e for slot in errors_by_slot for e in slot]
    return articles, errors


def _one_line(s: str) -> str:
    return " ".join(str(s).split())[:200]
