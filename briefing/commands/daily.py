"""``briefing daily``: the day's brief from the inbox, built and, with --send, e-mailed once."""

from __future__ import annotations

import argparse

from briefing.commands.console import ProgressLine, report_build, say
from briefing.commands.options import add_fetch_options, fetch_settings
from briefing.commands.options import (
    PAGE_SIZES, add_beat_options, add_config_option, add_focus_options, add_smtp_options, config_from_args, iso_date,
)


def register(subparsers) -> argparse.ArgumentParser:
    p = subparsers.add_parser(
        "daily",
        help="build today's brief from the inbox folder and the configured feeds, and optionally e-mail it once",
        description=(
            "Build the brief for one day from the inbox folder named in the config "
            "(inbox = \"inbox/{date}/\") and from the new entries of the config's [[feeds]] (kept in "
            "<out>/YYYY-MM-DD/articles/) into <out>/YYYY-MM-DD/brief.{pdf,html,json}. With --send, "
            "e-mail it and write <out>/YYYY-MM-DD/.sent so later runs the same day do not send again. "
            "Stories that the briefs of the history_days days before reported are marked (\"Day 2\"), and "
            "the day before's stories with no article today are named. Made for cron or a systemd timer."
        ),
    )
    add_config_option(p)
    add_fetch_options(p)
    p.add_argument("--date", type=iso_date, metavar="YYYY-MM-DD",
                   help="the day to build (default: today in the config's timezone); a past day takes the feed "
                   "entries of its own window, ending at its midnight (with --offline, from the HTTP cache)")
    p.add_argument("--send", action="store_true", help="e-mail the brief to the configured recipients")
    p.add_argument("--force", action="store_true", help="with --send: send again even if already sent that day")
    s = p.add_argument_group("settings (override the config file)")
    s.add_argument("--title", help="the brief's title")
    s.add_argument("--inbox", metavar="PATTERN", help="input folder pattern, e.g. 'inbox/{date}/'")
    s.add_argument("--out", metavar="DIR", help="output root; the day's files go to DIR/YYYY-MM-DD/")
    s.add_argument("--page-size", dest="page_size", choices=PAGE_SIZES, help="paper size")
    s.add_argument("--sentences", type=int, metavar="N", help="sentences per article summary")
    s.add_argument("--templates", dest="template_dir", metavar="DIR", help="template folder")
    add_focus_options(s, defaults=False)
    add_beat_options(s)
    add_smtp_options(s)
    p.set_defaults(func=run)
    return p


def run(args: argparse.Namespace) -> int:
    from briefing.deliver.daily import run_daily

    config = config_from_args(
        args, "title", "inbox", "out", "page_size", "sentences", "template_dir", "focus", "only_focus",
        "beats", "exclude_beats", "to", "sender", "smtp_host", "smtp_port", "starttls", "ssl", "user",
    )
    line = ProgressLine()

    def progress(message: str) -> None:
        # counts share one line (one summary line in a cron log); everything else is a note of its own
        (line if message.startswith(("fetching ", "analysing ")) else say)(message)

    try:
        result = run_daily(config, date=args.date, send=args.send, force=args.force, progress=progress,
                           fetch=fetch_settings(args, config))
    finally:
        line.close()
    if result.build is not None:
        report_build(result.build)
    if result.sent:
        print(f"sent to {', '.join(config.recipients)} ({result.message_id})")
    elif result.already_sent is not None:
        print(
            f"already sent {result.already_sent.get('sent_at') or ''} "
            f"({result.already_sent.get('message_id') or 'no Message-ID recorded'}); use --force to send again"
        )
    return 0
