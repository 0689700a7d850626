"""``briefing build``: the one-page brief from articles, written as PDF, HTML and JSON."""

from __future__ import annotations

import argparse

from briefing.commands.console import ProgressLine, report_build
from briefing.commands.options import add_fetch_options, fetch_settings
from briefing.commands.options import PAGE_SIZES, add_analysis_options, add_beat_options, add_focus_options, add_inputs, iso_date


def register(subparsers) -> argparse.ArgumentParser:
    p = subparsers.add_parser(
        "build", help="write the one-page brief (PDF, HTML, JSON)",
        description="Build the one-page brief from articles and write brief.pdf, brief.html "
        "and brief.json. Files that cannot be used are skipped with a warning.",
    )
    add_inputs(p)
    add_fetch_options(p)
    p.add_argument("--out", default="out", metavar="DIR", help="output folder (default: out/)")
    p.add_argument("--title", help="the brief's title (default: derived from the articles)")
    p.add_argument("--date", type=iso_date, metavar="YYYY-MM-DD", help="the brief's date (default: today)")
    p.add_argument("--page-size", choices=PAGE_SIZES, default="a4", help="paper size (default: a4)")
    p.add_argument("--templates", metavar="DIR", help="a folder of templates that override the built-in ones")
    p.add_argument("--since", action="append", default=[], metavar="PATH",
                   help="an earlier brief (its folder or brief.json; repeat for several): stories that "
                   "continue one of its stories are marked (\"Day 2\"), and its stories with no "
                   "article today are named (\"No new reports\")")
    p.add_argument("-q", "--quiet", action="store_true", help="print nothing but warnings and errors")
    add_analysis_options(p)
    add_focus_options(p)
    add_beat_options(p)
    p.set_defaults(func=run)
    return p


def run(args: argparse.Namespace) -> int:
    from briefing.pipeline import build

    progress = ProgressLine(enabled=not args.quiet)
    try:
        result = build(
            args.inputs,
            args.out,
            title=args.title,
            date=args.date,
            page_size=args.page_size,
            sentences=None if args.words else args.sentences,
            words=args.words,
            algorithm=args.algorithm,
            template_dir=args.templates,
            progress=progress,
            fetch=fetch_settings(args),
            focus=args.focus,
            only_focus=args.only_focus,
            beats=args.beats,
            exclude_beats=args.exclude_beats,
            since=args.since,
        )
    finally:
        progress.close()
    report_build(result, quiet=args.quiet)
    return 0
