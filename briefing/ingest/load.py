"""The ingest stage: find input files and read each into a cleaned `Article`.

Public API:

- `collect_inputs(paths)` -> the article files named or inside the folders named.
- `read_article(path)` -> one cleaned `Article` (raises `InputError` with a one-line reason).
- `load_articles(paths)` -> (good articles, one `InputError` per bad file); never raises for input.

The work is done by focused modules, re-exported here for callers of the stage:
`briefing.decode` (bytes -> text: `decode`, `sniff_binary`), `briefing.htmltext`
(HTML pages -> text) and `briefing.clean` (text -> `Article`: `clean_text`, `derive_title`).
"""

from __future__ import annotations

from pathlib import Path

from briefing.ingest.clean import clean_text, derive_title, has_words
from briefing.ingest.decode import decode, decoded_ok, sniff_binary
from briefing.model import Article, InputError

__all__ = [
    "collect_inputs",
    "read_article",
    "load_articles",
    "decode",
    "sniff_binary",
    "clean_text",
    "derive_title",
    "MAX_BYTES",
]

MAX_BYTES = 32 * 1024 * 1024
"""Files larger than this are refused (keeps memory bounded); articles are far smaller."""

ARTICLE_SUFFIXES = (".txt",)

# --------------------------------------------------------------------------- inputs


def collect_inputs(paths) -> list[Path]:
    """Files given directly, plus the ``*.txt`` files directly inside folders given.

    Sorted within each folder, hidden files skipped, duplicates dropped, order kept.
    A path that does not exist raises `InputError(path, "no such file or directory")`.
    """
    if isinstance(paths, (str, Path)):
        paths = [paths]
    out: list[Path] = []
    seen: set[Path] = set()

    def add(p: Path) -> None:
        key = p.absolute()
        if key not in seen:
            seen.add(key)
            out.append(p)

    for raw in paths:
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


def read_article(path) -> Article:
    """Read, decode and clean one article file. Raises `InputError` naming the file."""
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
    if not data.strip():
        raise InputError(p, "empty file")
    reason = sniff_binary(data)
    if reason:
        raise InputError(p, reason)
    text = decode(data)
    if not decoded_ok(text):
        raise InputError(p, "not valid text in any supported encoding")
    article = clean_text(text, str(p))
    if not article.paragraphs or not any(has_words(para) for para in article.paragraphs):
        if not text.strip(" \n\t\u00a0\u200b\ufeff"):
            raise InputError(p, "empty file")
        raise InputError(p, "no sentences")
    return article


def load_articles(paths) -> tuple[list[Article], list[InputError]]:
    """Good articles plus one `InputError` per bad file or missing path; never raises for input."""
    if isinstance(paths, (str, Path)):
        paths = [paths]
    articles: list[Article] = []
    errors: list[InputError] = []
    for raw in paths:
        try:
            files = collect_inputs([raw])
        except InputError as exc:
            errors.append(exc)
            continue
        if not files and Path(raw).is_dir():
            errors.append(InputError(raw, "folder has no .txt article files"))
            continue
        for f in files:
            try:
                articles.append(read_article(f))
            except InputError as exc:
                errors.append(exc)
            except Exception as exc:  # a bug in cleaning must not sink the whole run
                errors.append(InputError(f, f"could not be read: {_one_line(repr(exc))}"))
    return articles, errors


def _one_line(s: str) -> str:
    return " ".join(str(s).split())[:200]
