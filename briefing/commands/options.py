"""Options and value parsers that several commands share."""

from __future__ import annotations

import argparse
import datetime as dt

from briefing.analyze.algorithms import ALGORITHMS

PAGE_SIZES = ("a4", "letter")


def iso_date(value: str) -> dt.date:
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a date in YYYY-MM-DD form: {value!r}") from None


def positive_int(value: str) -> int:
    try:
        number = int(value)
    except ValueError:
        number = 0
    if number < 1:
        raise argparse.ArgumentTypeError(f"must be a whole number of 1 or more: {value!r}")
    return number


def port_number(value: str) -> int:
    try:
        number = int(value)
    except ValueError:
        number = -1
    if not 0 <= number < 65536:
        raise argparse.ArgumentTypeError(f"not a port number: {value!r}")
    return number


def add_inputs(parser: argparse.ArgumentParser, *, default=("seeds/",), help: str | None = None) -> None:
    parser.add_argument(
        "inputs", nargs="*", metavar="INPUT", default=list(default) if default else None,
        help=help or "articles: .txt, .html/.htm and .eml files, folders of them, http(s) article or feed URLs, "
        "feed files (RSS, Atom, JSON Feed) and .opml lists of feeds (default: seeds/)",
    )


def add_analysis_options(parser: argparse.ArgumentParser) -> None:
    """Summary length and algorithm, for every command that analyzes articles."""
    length = parser.add_mutually_exclusive_group()
    length.add_argument(
        "--sentences", type=positive_int, default=3, metavar="N",
        help="sentences per article summary (default: 3)",
    )
    length.add_argument(
        "--words", type=positive_int, metavar="N",
        help="a word budget per article summary instead of a sentence count",
    )
    parser.add_argument(
        "--algorithm", choices=sorted(ALGORITHMS), default="news",
        help="summarizer: 'news' (default: sumy ranking with a lead prior, junk filter and "
        "redundancy control) or one of sumy's algorithms",
    )


def focus_terms(value: str) -> list[str]:
    """``--focus "North Korea, six-party talks"`` -> ["North Korea", "six-party talks"]."""
    from briefing.brief.focus import parse_focus

    terms = parse_focus(value)
    if not terms:
        raise argparse.ArgumentTypeError(f"no focus terms in {value!r}; give e.g. \"North Korea, six-party talks\"")
    return terms


def add_focus_options(parser, *, defaults: bool = True) -> None:
    """``--focus`` and ``--only-focus``, for every command that groups articles into stories.

    With `defaults` off they stay None when not given, so a config file's settings show through.
    """
    parser.add_argument(
        "--focus", type=focus_terms, default=[] if defaults else None, metavar='"TERM, TERM"',
        help="what the brief is about, comma-separated (e.g. \"North Korea, six-party talks\"): "
        "stories about it rank first and give the brief its title",
    )
    parser.add_argument(
        "--only-focus", dest="only_focus", action="store_true", default=False if defaults else None,
        help="leave out the stories that are not about the focus (the page says how many)",
    )


def beat_list(value: str) -> list[str]:
    """``--beats "politics, world"`` -> ["politics", "world"] ("" for none)."""
    from briefing.brief.rank import parse_beats
    from briefing.model import BriefingError

    try:
        return list(parse_beats(value))
    except BriefingError as exc:
        raise argparse.ArgumentTypeError(str(exc)) from None


def add_beat_options(parser) -> None:
    """``--beats`` and ``--exclude-beats``: what leads the page and what is never shown. They
    stay None when not given, so the config's settings (or the defaults) show through."""
    parser.add_argument(
        "--beats", type=beat_list, default=None, metavar='"SECTION, SECTION"',
        help="the sections that lead the page (default: politics, world, economy); sections are politics, "
        "world, economy, business, crime, science, health, technology, sport, entertainment, lifestyle, "
        "commerce, other",
    )
    parser.add_argument(
        "--exclude-beats", dest="exclude_beats", type=beat_list, default=None, metavar='"SECTION, SECTION"',
        help="sections never shown, the page says how many (default: commerce; \"\" shows every section)",
    )


def add_fetch_options(parser) -> None:
    """How web inputs (URLs, feeds, OPML) are fetched, for every command that reads articles."""
    group = parser.add_argument_group("web inputs")
    group.add_argument("--offline", action="store_true", default=None,
                       help="fetch nothing: read web inputs from the HTTP cache only")
    group.add_argument("--cache-dir", dest="cache_dir", metavar="DIR",
                       help="the HTTP cache (default: cache_dir from the config, else ~/.cache/briefing/http; none with BRIEFING_CACHE=0)")
    group.add_argument("--ignore-robots", dest="ignore_robots", action="store_true", default=None,
                       help="fetch pages that robots.txt disallows (same as respect_robots = false)")


def fetch_settings(args=None, config=None):
    """The `FetchSettings` from the config (cache_dir, respect_robots, allow_private_hosts, the
    feeds' hosts as named by the user) with the options of `add_fetch_options` laid over it."""
    from pathlib import Path

    from briefing.config import fetch_settings_for
    from briefing.ingest.fetch import FetchSettings, default_cache_dir

    settings = fetch_settings_for(config) if config is not None else FetchSettings(cache_dir=default_cache_dir())
    if args is not None:
        if getattr(args, "cache_dir", None):
            settings.cache_dir = Path(args.cache_dir).expanduser()
        if getattr(args, "offline", None):
            settings.offline = True
        if getattr(args, "ignore_robots", None):
            settings.respect_robots = False
    return settings


def add_config_option(parser) -> None:
    """``--config FILE``, for every command that reads briefing.toml."""
    parser.add_argument("--config", metavar="FILE", help="settings file (default: ./briefing.toml if present)")


def config_from_args(args, *names: str):
    """The config from ``--config`` (or ./briefing.toml) with the options `names` of `args` laid over it."""
    from briefing.config import load_config

    return load_config(args.config).with_overrides(**{name: getattr(args, name) for name in names})


def add_smtp_options(group) -> None:
    """The delivery options `send` and `daily` share (each overrides the config file)."""
    group.add_argument("--to", action="append", metavar="ADDR",
                       help="recipient address; repeat for several (default: mail.recipients)")
    group.add_argument("--from", dest="sender", metavar="ADDR", help="sender address (default: mail.sender)")
    group.add_argument("--smtp-host", dest="smtp_host", metavar="HOST", help="SMTP server (default: 127.0.0.1)")
    group.add_argument("--smtp-port", dest="smtp_port", type=int, metavar="PORT",
                       help="SMTP port (default: 587 with --starttls, 465 with --ssl, else 25)")
    tls = group.add_mutually_exclusive_group()
    tls.add_argument("--starttls", action="store_true", default=None, help="upgrade the connection with STARTTLS")
    tls.add_argument("--ssl", action="store_true", default=None, help="connect with TLS from the start (SMTPS)")
    group.add_argument("--user", metavar="USER", help="SMTP login name; the password comes from the environment")
