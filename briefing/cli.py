"""The ``briefing`` command: a parser made of the modules in `briefing.commands`, and error handling.

Each command is a thin module over plain functions; see `briefing.commands`.
"""

from __future__ import annotations

import argparse
import sys
from importlib import import_module

from briefing import __version__
from briefing.commands import COMMANDS
from briefing.model import BriefingError

DESCRIPTION = """\
Turn a day's news articles into a one-page policy brief.

briefing reads articles (files, saved pages, URLs, feeds, OPML lists,
newsletters), cleans them, summarizes each one, finds the quotes with their
speakers and the people involved, groups the articles into the day's stories,
then lays it all out on exactly one page: out/brief.pdf, out/brief.html and
out/brief.json.
"""

EPILOG = """\
examples:
  briefing build                      # seeds/ -> out/brief.{pdf,html,json}
  briefing build inbox/ --title "Korean Peninsula" --page-size letter
  briefing analyze article.txt --json --sentences 5
  briefing build https://example.org/world/rss.xml desk.opml saved.html newsletter.eml
  briefing serve inbox/               # live preview at http://127.0.0.1:8000/
  briefing daily --send               # today's inbox, built and e-mailed once

run 'briefing COMMAND --help' for the options of each command.
"""


def make_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="briefing",
        description=DESCRIPTION,
        epilog=EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--version", action="version", version=f"briefing {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    for name in COMMANDS:
        import_module(f"briefing.commands.{name}").register(sub)
    return parser


def main(argv: list[str] | None = None) -> int:
    """Run the command line `argv` (default: this program's arguments); the exit status."""
    try:
        return _run(argv)
    finally:
        if argv is None:  # this process ends now: see below
            _skip_the_last_collection()


def _skip_the_last_collection() -> None:
    """Keep the garbage collector from walking, as the interpreter shuts down, every object a
    build made (0.3-0.4 s after a build's last file is written; nothing is left to free)."""
    import gc

    gc.freeze()


def _run(argv: list[str] | None) -> int:
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
