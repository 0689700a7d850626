"""The `briefing` command: a thin front end over `briefing.pipeline` and the delivery modules."""

from __future__ import annotations

import argparse
import datetime as dt
import json
import sys

from . import __version__
from .model import BriefingError

DESCRIPTION = """\
Turn a day's news articles into a one-page policy brief.

briefing reads plain-text articles, cleans them (headline, byline, captions,
credits, hard wraps), summarizes each one, finds the key quotes with their
speakers and lists the people involved, then lays it all out on exactly one
page: out/brief.pdf, out/brief.html and out/brief.json.
"""

EPILOG = """\
examples:
  briefing build                      # seeds/ -> out/brief.{pdf,html,json}
  briefing build inbox/ --title "Korean Peninsula" --page-size letter
  briefing analyze article.txt --json --sentences 5
  briefing serve inbox/               # live preview at http://127.0.0.1:8000/
  briefing daily --send               # today's inbox, built and e-mailed once

run 'briefing COMMAND --help' for the options of each command.
"""


def _iso_date(value: str) -> dt.date:
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a date in YYYY-MM-DD form: {value!r}") from None


def _positive_int(value: str) -> int:
    try:
        number = int(value)
    except ValueError:
        number = 0
    if number < 1:
        raise argparse.ArgumentTypeError(f"must be a whole number of 1 or more: {value!r}")
    return number


def say(message: str) -> None:
    """One ``briefing: ...`` line on stderr (progress and notes of the delivery commands)."""
    print(f"briefing: {message}", file=sys.stderr, flush=True)


def report_build(result, *, quiet: bool = False) -> None:
    """A build's skipped inputs and left-out content on stderr, then (unless `quiet`) its files."""
    for error in result.skipped:
        print(f"briefing: warning: skipped {error}", file=sys.stderr)
    for note in result.brief.omitted:
        print(f"briefing: note: {note}", file=sys.stderr)
    if not quiet:
        for path in result.outputs.values():
            print(path)


def _progress_printer(enabled: bool):
    """A progress callback that rewrites one stderr line on a terminal, or None."""
    if not enabled:
        return None
    tty = sys.stderr.isatty()

    def report(message: str) -> None:
        if tty:
            sys.stderr.write("\r\033[K" + message)
            sys.stderr.flush()
        else:
            print(message, file=sys.stderr)

    return report


def _end_progress(progress) -> None:
    if progress and sys.stderr.isatty():
        sys.stderr.write("\r\033[K")
        sys.stderr.flush()


def add_analysis_options(parser: argparse.ArgumentParser) -> None:
    """Options shared by every command that analyzes articles."""
    length = parser.add_mutually_exclusive_group()
    length.add_argument(
        "--sentences", type=_positive_int, default=3, metavar="N",
        help="sentences per article summary (default: 3)",
    )
    length.add_argument(
        "--words", type=_positive_int, metavar="N",
        help="a word budget per article summary instead of a sentence count",
    )
    from .summarize import ALGORITHMS

    parser.add_argument(
        "--algorithm", choices=sorted(ALGORITHMS), default="news",
        help="summarizer: 'news' (default: sumy ranking with a lead prior, junk filter and "
        "redundancy control) or one of sumy's algorithms",
    )


def _inputs(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "inputs", nargs="*", metavar="INPUT", default=["seeds/"],
        help="article files or folders of .txt articles (default: seeds/)",
    )


def cmd_build(args: argparse.Namespace) -> int:
    from .pipeline import build

    progress = _progress_printer(not args.quiet)
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
        )
    finally:
        _end_progress(progress)
    report_build(result, quiet=args.quiet)
    return 0


def cmd_analyze(args: argparse.Namespace) -> int:
    from .pipeline import analyze_paths

    analyzed, errors = analyze_paths(
        args.inputs,
        sentences=None if args.words else args.sentences,
        words=args.words,
        algorithm=args.algorithm,
    )
    for error in errors:
        print(f"briefing: warning: skipped {error}", file=sys.stderr)
    if args.json:
        record = {"articles": [a.to_json() for a in analyzed]}
        json.dump(record, sys.stdout, ensure_ascii=False, indent=2)
        sys.stdout.write("\n")
        return 0
    for item in analyzed:
        print(f"# {item.article.title}")
        if item.article.byline:
            print(f"by {item.article.byline}")
        for index in item.summary:
            print(f"- {item.sentences[index]}")
        for quote in item.quotes:
            speaker = quote.speaker or "unattributed"
            print(f"  “{quote.text}” — {speaker}" + (f", {quote.title}" if quote.title else ""))
        print()
    return 0


def make_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="briefing",
        description=DESCRIPTION,
        epilog=EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--version", action="version", version=f"briefing {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")

    build = sub.add_parser(
        "build", help="write the one-page brief (PDF, HTML, JSON)",
        description="Build the one-page brief from articles and write brief.pdf, brief.html "
        "and brief.json. Files that cannot be used are skipped with a warning.",
    )
    _inputs(build)
    build.add_argument("--out", default="out", metavar="DIR", help="output folder (default: out/)")
    build.add_argument("--title", help="the brief's title (default: derived from the articles)")
    build.add_argument("--date", type=_iso_date, metavar="YYYY-MM-DD", help="the brief's date (default: today)")
    build.add_argument("--page-size", choices=["a4", "letter"], default="a4", help="paper size (default: a4)")
    build.add_argument("--templates", metavar="DIR", help="a folder of templates that override the built-in ones")
    build.add_argument("-q", "--quiet", action="store_true", help="print nothing but warnings and errors")
    add_analysis_options(build)
    build.set_defaults(func=cmd_build)

    analyze = sub.add_parser(
        "analyze", help="print each article's sentences, summary, quotes and participants",
        description="Analyze articles without laying out a page.",
    )
    _inputs(analyze)
    analyze.add_argument("--json", action="store_true", help='print {"articles": [...]} as JSON')
    add_analysis_options(analyze)
    analyze.set_defaults(func=cmd_analyze)

    from . import daily, mail, serve

    for module in (daily, mail, serve):
        module.register(sub)
    return parser


def main(argv: list[str] | None = None) -> int:
    parser = make_parser()
    args = parser.parse_args(argv)
    if not getattr(args, "func", None):
        parser.print_help()
        return 2
    try:
        return args.func(args)
    except BriefingError as error:
        lines = str(error).splitlines() or [type(error).__name__]
        for line in lines:
            print(f"briefing: error: {line}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        print("briefing: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        return 0


if __name__ == "__main__":
    sys.exit(main())
