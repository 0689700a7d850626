"""What the commands print: one-line notes, a build's report, a live progress line."""

from __future__ import annotations

import sys


def say(message: str) -> None:
    """One ``briefing: ...`` line on stderr (progress and notes of the delivery commands)."""
    print(f"briefing: {message}", file=sys.stderr, flush=True)


def warn_skipped(errors) -> None:
    for error in errors:
        print(f"briefing: warning: skipped {error}", file=sys.stderr)


def warn_notes(analyzed) -> None:
    """What ingest had to do differently for an article (a feed entry's own text used, ...)."""
    for item in analyzed:
        art = item.article
        for note in art.notes:
            print(f"briefing: note: {art.url or art.path}: {note}", file=sys.stderr)


def report_build(result, *, quiet: bool = False) -> None:
    """A build's skipped inputs, notes and left-out content on stderr, then (unless `quiet`) its
    files."""
    warn_skipped(result.skipped)
    warn_notes(result.brief.articles)
    for note in result.brief.omitted:
        print(f"briefing: note: {note}", file=sys.stderr)
    if not quiet:
        for path in result.outputs.values():
            print(path)


class ProgressLine:
    """A progress callback: rewrites one stderr line on a terminal; elsewhere prints nothing
    until `close`, which prints one summary line (so cron logs get one line).

    Fetching and the later stages share the line: ``fetching 37/120 · 3 failed · analysing 12/80``.
    """

    def __init__(self, enabled: bool = True, stream=None):
        self.enabled = enabled
        self.stream = stream or sys.stderr
        self.tty = self.stream.isatty()
        self.last: str | None = None
        self.fetching: str | None = None
        self.analysing: str | None = None

    def __call__(self, message: str) -> None:
        if not self.enabled:
            return
        if message.startswith("fetching "):
            self.fetching = message
            line = message
        else:
            if message.startswith("analysing "):
                self.analysing = message
            self.last = message
            line = " · ".join(p for p in (self.fetching, message) if p)
        if self.tty:
            self.stream.write("\r\033[K" + line)
            self.stream.flush()

    def summary(self) -> str | None:
        """What was done, in the past tense: ``fetched 120/120 · 3 failed · analysed 80/80``."""
        parts = []
        if self.fetching:
            parts.append("fetched " + self.fetching[len("fetching "):])
        if self.analysing:
            parts.append("analysed " + self.analysing[len("analysing "):])
        return " · ".join(parts) or self.last

    def close(self) -> None:
        if not self.enabled:
            return
        if self.tty:
            self.stream.write("\r\033[K")
            self.stream.flush()
        else:
            summary = self.summary()
            if summary:
                print(f"briefing: {summary}", file=self.stream)
