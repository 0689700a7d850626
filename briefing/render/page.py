"""Fill the template and print it: a `Brief` as HTML, PDF and JSON.

- `render_html` fills ``brief.html`` (Jinja2, autoescaped: article text is always text) with
  the page view from `briefing.render.layout`.
- `render_pdf` prints that HTML with WeasyPrint through a URL fetcher that reads only files
  inside the template folders and ``data:`` URIs; nothing else on the machine or the network.
- `brief_json` is the brief's JSON record.
"""

from __future__ import annotations

import functools
import json
import mimetypes
import re
from pathlib import Path
from urllib.parse import unquote, urlsplit

from briefing.model import Brief, BriefingError
from briefing.render.layout import Plan, page_view
from briefing.render.sheet import PAGE_CSS

# --- templates -------------------------------------------------------------------------------


def package_template_dir() -> Path:
    """Our own templates: shipped inside the package (wheel) or at the repository root."""
    package = Path(__file__).resolve().parents[1]
    inside = package / "templates"
    if (inside / "brief.html").is_file():
        return inside
    return package.parent / "templates"


def template_dirs(template_dir: str | Path | None = None) -> list[Path]:
    """The folders templates and assets come from, the user's first."""
    dirs = []
    if template_dir is not None:
        user = Path(template_dir).expanduser().resolve()
        if not user.is_dir():
            raise BriefingError(f"{template_dir}: template folder not found")
        dirs.append(user)
    own = package_template_dir()
    if own not in dirs:
        dirs.append(own)
    return dirs


_SMALL_WORDS = frozenset("of for and or nor but the on in to at a an with by from as per via into onto over under".split())
"""Articles, coordinating conjunctions and short prepositions: lower case inside a title (Chicago style)."""
_TITLE_WORD = re.compile(r"[^\s/-]+|[\s/-]+")


def balance_quotes(sentence: str) -> str:
    """A sentence lifted out of a longer quotation, with its missing mark restored.

    Splitting "“It was hard. We kept going,” she said." gives a second sentence that closes
    a quote it never opened; printed alone it reads as a typo. Curly double marks are matched
    by direction, straight double marks by count. Apostrophes are never touched."""
    text = sentence.strip()
    if not text:
        return sentence
    depth = low = 0
    for ch in text:
        if ch == "“":
            depth += 1
        elif ch == "”":
            depth -= 1
            low = min(low, depth)
    if low < 0:
        text = "“" * -low + text
        depth -= low
    if depth > 0:
        text += "”" * depth
    if text.count('"') % 2:
        first = text.index('"')
        closes_first = first > 0 and (first + 1 == len(text) or text[first + 1] in " ,.;:!?)")
        text = '"' + text if closes_first else text + '"'
    return text


def titlecase(text: str | None) -> str | None:
    """A job title as a style guide writes it: "assistant secretary of state for East Asian and
    Pacific affairs" -> "Assistant Secretary of State for East Asian and Pacific Affairs".

    Words are capitalised except short function words (of, for, and, the, on, in, to, at, a,
    an) after the first; acronyms and words already capitalised (or mixed case: "McDonald",
    "iPhone") are kept as they are; hyphenated parts are capitalised one by one
    ("director-general" -> "Director-General"). Text in scripts without case is unchanged.
    """
    if not text:
        return text
    out = []
    first = True
    for part in _TITLE_WORD.findall(text):
        if not part or part[0].isspace() or part in "/-" or set(part) <= set("/- \t\n"):
            out.append(part)
            continue
        lead = len(part) - len(part.lstrip("(\"'“‘["))
        head, word = part[:lead], part[lead:]
        letters = [c for c in word if c.isalpha()]
        if not letters or any(c.isupper() for c in word) or not word[:1].isalpha():
            out.append(part)  # acronyms, capitalised or mixed case, numbers: as given
        elif not first and word.lower().rstrip(".,;:)'\"") in _SMALL_WORDS:
            out.append(part)
        else:
            out.append(head + word[0].upper() + word[1:])
        first = False
    return "".join(out)


_ENVIRONMENTS: dict = {}


def _environment(template_dir: str | Path | None):
    """Our own templates' environment is made once per process (fitting renders several times);
    a user's folder gets a fresh one each time, so files added to it are always seen."""
    if template_dir is not None:
        return _make_environment(template_dir)
    env = _ENVIRONMENTS.get(None)
    if env is None:
        env = _ENVIRONMENTS[None] = _make_environment(None)
    return env


def _make_environment(template_dir: str | Path | None):
    from jinja2 import Environment, FileSystemLoader, StrictUndefined, select_autoescape

    autoescape = select_autoescape(
        enabled_extensions=("html", "htm", "xml", "j2", "jinja"),
        disabled_extensions=("css",),  # our stylesheet is included verbatim inside <style>
        default_for_string=True,
        default=True,
    )
    env = Environment(
        loader=FileSystemLoader([str(d) for d in template_dirs(template_dir)]),
        autoescape=autoescape,
        undefined=StrictUndefined,
        trim_blocks=False,
        lstrip_blocks=False,
        auto_reload=True,
    )
    env.filters["titlecase"] = titlecase
    env.filters["balance_quotes"] = balance_quotes
    return env


def check_page_size(page_size: str | None) -> None:
    if (page_size or "a4").lower() not in PAGE_CSS:
        raise BriefingError(f"page size must be a4 or letter, not {page_size!r}")


def render_plan(brief: Brief, plan: Plan | None, template_dir=None, *, for_pdf: bool,
            pages: int | None = None, overflow: bool = False) -> str:
    return render_view(page_view(brief, plan, for_pdf=for_pdf, pages=pages, overflow=overflow), template_dir)


def render_view(view: dict, template_dir=None) -> str:
    """The page `view` (`layout.page_view`) as HTML."""
    check_page_size(view["brief"].page_size)
    return _environment(template_dir).get_template("brief.html").render(**view)


def render_html(brief: Brief, template_dir: str | Path | None = None, *, for_pdf: bool = False,
                pages: int | None = None, overflow: bool = False) -> str:
    """The brief as one self-contained HTML page (stylesheet inlined); article text escaped."""
    return render_plan(brief, None, template_dir, for_pdf=for_pdf, pages=pages, overflow=overflow)


# --- PDF -------------------------------------------------------------------------------------


@functools.cache
def _fetcher_class():
    """The fetcher class, defined once (fitting prints several times)."""
    from weasyprint.urls import URLFetcher, URLFetcherResponse

    class TemplateOnlyFetcher(URLFetcher):
        """Reads files inside the template folders and data: URIs; refuses everything else."""

        def __init__(self, roots: list[Path]):
            super().__init__(allowed_protocols=("file", "data"), allow_redirects=False)
            self.roots = [Path(r).resolve() for r in roots]

        def allowed_path(self, url: str) -> Path:
            parts = urlsplit(url)
            if parts.scheme.lower() != "file" or parts.netloc not in ("", "localhost"):
                raise BriefingError(f"refused to fetch {url!r}: only template files are read")
            path = Path(unquote(parts.path)).resolve()
            for root in self.roots:
                if path == root or root in path.parents:
                    if path.is_file():
                        return path
                    raise BriefingError(f"refused to fetch {url!r}: no such template file")
            raise BriefingError(f"refused to fetch {url!r}: outside the template folders")

        def fetch(self, url, headers=None):
            scheme = url.split(":", 1)[0].lower() if ":" in url else ""
            if scheme == "data":
                return super().fetch(url, headers)
            path = self.allowed_path(url)
            mime = mimetypes.guess_type(path.name)[0] or "application/octet-stream"
            return URLFetcherResponse(path.as_uri(), path.read_bytes(), {"Content-Type": mime})

    return TemplateOnlyFetcher


def make_url_fetcher(template_dir: str | Path | None = None):
    """The fetcher WeasyPrint uses: our template assets and data: URIs only."""
    return _fetcher_class()(template_dirs(template_dir))


def layout_document(html: str, template_dir=None):
    import weasyprint

    dirs = template_dirs(template_dir)
    base = dirs[0].as_uri() + "/"
    return weasyprint.HTML(string=html, base_url=base, url_fetcher=make_url_fetcher(template_dir)).render()


def template_fingerprint(template_dir: str | Path | None = None) -> tuple:
    """How the files a layout may read (`template_dirs`) are now: each one's path, size and
    modification time. A layout kept for reuse (`briefing.memo`) is keyed by its HTML and this,
    so an edited stylesheet is laid out again."""
    files = []
    for folder in template_dirs(template_dir):
        for path in sorted(folder.rglob("*")):
            try:
                stat = path.stat()
            except OSError:
                continue
            if path.is_file():
                files.append((str(path), stat.st_size, stat.st_mtime_ns))
    return tuple(files)


def render_pdf(html: str, template_dir: str | Path | None = None) -> bytes:
    """Print `html` to PDF with fonts embedded; only template assets can be read."""
    return layout_document(html, template_dir).write_pdf()



def brief_json(brief: Brief) -> str:
    return json.dumps(brief.to_json(), ensure_ascii=False, indent=2) + "\n"
