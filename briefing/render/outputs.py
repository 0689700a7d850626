"""Write a fitted brief's files: brief.pdf, brief.html and brief.json, each atomically."""

from __future__ import annotations

import os
from pathlib import Path

from briefing.files import atomic_write
from briefing.model import Brief, BriefingError
from briefing.render.fit import RenderedBrief, fit_to_page
from briefing.render.page import brief_json


def prepare_output_folder(out_dir: str | Path) -> Path:
    """The output folder, created if need be; `BriefingError` naming it when it cannot be written.
    A build checks this before it reads a single article."""
    out = Path(out_dir)
    try:
        out.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise BriefingError(f"{out}: cannot create the output folder ({exc.strerror or exc})") from None
    if not os.access(out, os.W_OK | os.X_OK):
        raise BriefingError(f"{out}: output folder is not writable")
    return out


def write_outputs(brief: Brief, out_dir: str | Path, template_dir: str | Path | None = None,
                  *, rendered: RenderedBrief | None = None) -> dict[str, Path]:
    """Write brief.pdf, brief.html and brief.json to `out_dir`: the page `rendered` (from
    `fit.fit_to_page`), or, if none is given, the brief fitted to one page now.

    Everything is rendered before anything is written, and each file replaces the old one in
    a single step, so a failure leaves the previous brief whole.
    """
    out = prepare_output_folder(out_dir)
    if rendered is None:
        rendered = fit_to_page(brief, template_dir)
    payloads = {
        "pdf": rendered.pdf,
        "html": rendered.html.encode("utf-8"),
        "json": brief_json(rendered.brief).encode("utf-8"),
    }
    paths = {kind: out / f"brief.{kind}" for kind in payloads}
    try:
        for kind in ("json", "html", "pdf"):
            atomic_write(paths[kind], payloads[kind])
    except OSError as exc:
        raise BriefingError(f"{out}: cannot write the brief there ({exc.strerror or exc})") from None
    return paths
