"""``briefing summarize``: the given articles taken as one story, summarized as the page does."""

from __future__ import annotations

import argparse
import json
import sys

from briefing.commands.console import ProgressLine, warn_notes, warn_skipped
from briefing.commands.options import add_fetch_options, fetch_settings, positive_int

DEFAULT_WORDS = 100
"""The field's standard budget for a multi-document news summary (DUC); kept in step with
`briefing.brief.multidoc.DEFAULT_WORDS`, which `--help` must not import (numpy)."""


def register(subparsers) -> argparse.ArgumentParser:
    p = subparsers.add_parser(
        "summarize", help="summarize several articles on one story in one paragraph",
        description="Take the given articles as one story and print its summary: whole sentences "
        "as the articles wrote them, what several articles report before what one mentions, each "
        "fact once, in reading order (by date, then position), never more than --words words. It is "
        "the summary a story's block on the page prints. Files that cannot be used are skipped "
        "with a warning.",
        epilog="examples:\n  briefing summarize inbox/*.txt\n  briefing summarize a.txt b.html "
        "https://example.org/story.html --words 60 --json",
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    p.add_argument("inputs", nargs="+", metavar="INPUT",
                   help="the story's articles: .txt, .html/.htm and .eml files, folders of them, article "
                   "or feed URLs, feed files and .opml lists")
    add_fetch_options(p)
    p.add_argument("--words", type=positive_int, default=DEFAULT_WORDS, metavar="N",
                   help=f"the summary's word budget, a hard limit: whole sentences, never more than N words "
                   f"(default: {DEFAULT_WORDS})")
    p.add_argument("--sentences", type=positive_int, metavar="N", help="at most N sentences (default: no limit)")
    p.add_argument("--json", action="store_true",
                   help='print {"summary": "...", "sentences": [{"text", "article", "sentence"}], '
                   '"articles": [...]} ("article" indexes "articles", "sentence" the article\'s sentences)')
    p.add_argument("-q", "--quiet", action="store_true", help="no progress line; only warnings and errors")
    p.set_defaults(func=run)
    return p


def run(args: argparse.Namespace) -> int:
    from briefing.pipeline import summarize_paths

    progress = ProgressLine(enabled=not args.quiet)
    try:
        result = summarize_paths(args.inputs, words=args.words, sentences=args.sentences,
                                 progress=progress, fetch=fetch_settings(args))
    finally:
        progress.close()
    warn_skipped(result.skipped)
    warn_notes(result.articles)
    if args.json:
        json.dump(result.to_json(), sys.stdout, ensure_ascii=False, indent=2)
        sys.stdout.write("\n")
    elif result.summary.sentences:
        print(result.summary.text)
    return 0
