"""``briefing analyze``: each article's sentences, summary, quotes and participants, no page."""

from __future__ import annotations

import argparse
import json
import sys

from briefing.commands.console import ProgressLine, warn_notes, warn_skipped
from briefing.commands.options import add_fetch_options, fetch_settings
from briefing.commands.options import add_analysis_options, add_beat_options, add_focus_options, add_inputs


def register(subparsers) -> argparse.ArgumentParser:
    p = subparsers.add_parser(
        "analyze", help="print each article's summary, quotes and participants",
        description="Analyze articles without laying out a page. Prints each article's title, "
        "byline, summary sentences, quotes with their speakers and the people named; with --json, "
        "every sentence too.",
    )
    add_inputs(p)
    add_fetch_options(p)
    p.add_argument("-q", "--quiet", action="store_true", help="no progress line; only warnings and errors")
    p.add_argument("--json", action="store_true",
                   help='print the analysis record as JSON: {"schema_version", "articles", "stories", '
                   '"not_analysed"} (the stories as brief.json has them; briefing/schemas/analysis.schema.json)')
    add_analysis_options(p)
    add_focus_options(p)
    add_beat_options(p)
    p.set_defaults(func=run)
    return p


def run(args: argparse.Namespace) -> int:
    from briefing.brief import analysis_record, build_stories
    from briefing.brief.rank import DEFAULT_BEATS, DEFAULT_EXCLUDED
    from briefing.ingest.language import language_notes
    from briefing.pipeline import analyze_paths

    unread: list = []
    progress = ProgressLine(enabled=not args.quiet)
    try:
        analyzed, errors = analyze_paths(
            args.inputs,
            sentences=None if args.words else args.sentences,
            words=args.words,
            algorithm=args.algorithm,
            progress=progress,
            fetch=fetch_settings(args),
            not_analysed=unread,
        )
    finally:
        progress.close()
    warn_skipped(errors)
    warn_notes(analyzed)
    for note in language_notes(unread):
        print(f"note: {note}", file=sys.stderr)
    beats = DEFAULT_BEATS if args.beats is None else args.beats
    excluded = DEFAULT_EXCLUDED if args.exclude_beats is None else args.exclude_beats
    stories = build_stories(analyzed, focus=args.focus, only_focus=args.only_focus, beats=beats,
                            exclude_beats=excluded)
    if args.json:
        json.dump(analysis_record(analyzed, stories, unread), sys.stdout, ensure_ascii=False, indent=2)
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
        if item.participants:
            people = [p.name + (f" ({p.title})" if p.title else "") for p in item.participants]
            print("  people: " + "; ".join(people))
        print()
    print("stories:")
    for story in stories:
        count = len(story.articles)
        where = f" · {', '.join(story.outlets)}" if story.outlets else ""
        hidden = "" if story.shown else (" (not shown: an excluded beat)" if story.section in excluded
                                         else " (not shown: not about the focus)")
        kind = f" [{story.section}{', opinion' if story.opinion else ''}]"
        print(f"  {story.id} {story.title} ({count} article{'' if count == 1 else 's'}{where}){kind}{hidden}")
    return 0
