"""Render: a `Brief` to exactly one page of HTML and PDF, and its JSON record.

- `layout` is what the page shows (the brief less what a fitting plan leaves out) and the
  height model; `page` fills the Jinja2 template and prints it with WeasyPrint;
- `fit` fits the brief to one page by rendering and measuring; `outputs` writes the files.
"""

from briefing.lazy import lazy_exports

__getattr__, __all__ = lazy_exports(__name__, {
    "render_html": "page",
    "render_pdf": "page",
    "brief_json": "page",
    "fit_to_page": "fit",
    "write_outputs": "outputs",
})
