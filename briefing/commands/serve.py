"""``briefing serve``: a live HTML preview that rebuilds when an article or template changes."""

from __future__ import annotations

import argparse

from briefing.commands.console import say
from briefing.commands.options import add_fetch_options, fetch_settings
from briefing.commands.options import (PAGE_SIZES, add_beat_options, add_config_option, add_focus_options,
                                      config_from_args, port_number)
from briefing.model import BriefingError


def register(subparsers) -> argparse.ArgumentParser:
    p = subparsers.add_parser(
        "serve",
        help="live HTML preview that rebuilds when an article or template changes",
        description=(
            "Build the brief and serve it at http://HOST:PORT/ with a status bar (PDF link, "
            "one-page fit warning, build errors). The page reloads itself after each rebuild; "
            "a failed build keeps the last good brief on show. /archive lists the briefs the daily runs "
            "kept in the config's out folder, by date, each with its HTML and PDF. Only the brief, the "
            "template's assets and the archive are served. Binds 127.0.0.1 unless --host says otherwise."
        ),
    )
    p.add_argument("inputs", nargs="*", metavar="INPUT",
                   help="articles: files, folders, article or feed URLs, feed files, .opml "
                   "(default: the config's [[feeds]] and today's inbox folder)")
    p.add_argument("--host", default="127.0.0.1",
                   help="address to listen on (default: 127.0.0.1; anything else is reachable from the network)")
    p.add_argument("--port", type=port_number, default=8000,
                   help="port to listen on (default: 8000; 0 picks a free one)")
    p.add_argument("--out", metavar="DIR", help="also write each good build's files to DIR")
    p.add_argument("--title", help="the brief's title")
    p.add_argument("--page-size", dest="page_size", choices=PAGE_SIZES, help="paper size")
    p.add_argument("--sentences", type=int, metavar="N", help="sentences per article summary")
    p.add_argument("--templates", dest="template_dir", metavar="DIR",
                   help="a folder of templates that override the built-in ones (watched for changes)")
    p.add_argument("--open", action="store_true", help="open the preview in a web browser")
    add_focus_options(p, defaults=False)
    add_beat_options(p)
    add_config_option(p)
    add_fetch_options(p)
    p.set_defaults(func=run)
    return p


def run(args: argparse.Namespace) -> int:
    from briefing.deliver.serve import serve

    cfg = config_from_args(args, "title", "page_size", "sentences", "template_dir", "focus", "only_focus", "beats",
                           "exclude_beats")
    inputs = list(args.inputs or [])
    if not inputs:
        from briefing.config import feed_sources

        today = cfg.inbox_for(cfg.today())
        feeds = feed_sources(cfg)
        if not today.is_dir() and not feeds:
            raise BriefingError(f"no INPUT given, no [[feeds]] in the config and today's inbox folder {today} does not exist")
        inputs = feeds + ([today] if today.is_dir() else [])
    return serve(
        inputs,
        host=args.host,
        port=args.port,
        out_dir=args.out,
        template_dir=cfg.template_path,
        open_browser=args.open,
        title=cfg.brief_title,
        page_size=cfg.page_size,
        sentences=cfg.sentences,
        focus=cfg.focus,
        only_focus=cfg.only_focus,
        beats=cfg.beats,
        exclude_beats=cfg.exclude_beats,
        progress=say,
        fetch=fetch_settings(args, cfg),
        archive_dir=cfg.resolve(cfg.out),
    )
