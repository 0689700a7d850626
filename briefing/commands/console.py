"""What the commands print: one-line notes, a build's report, a live progress line."""

from __future__ import annotations

import sys


def say(message: str) -> None:
    """One ``briefing: ...`` line on stderr (progress and notes of the delivery commands)."""
    print(f"briefing: {message}", file=sys.stderr, flush=True)


def warn_skipped(errors) -> None:
    for error in errors:
        print(f"briefing: warning: skipped {error}", file=sys.stderr)


def report_build(result, *, quiet: bool = False) -> None:
    """A build's skipped inputs and left-out content on stderr, then (unless `quiet`) its files."""
    warn_skipped(result.skipped)
    for note in result.brief.omitted:
        print(f"briefing: note: {note}", file=sys.stderr)
    if not quiet:
        for path in result.outputs.values():
            print(path)


class ProgressLine:
    """A progress callback: rewrites one stderr line on a terminal; elsewhere prints nothing
    until `close`, which prints the last message as a summary (so cron logs get one line)."""

    def __init__(self, enabled: bool = True, stream=None):
        self.enabled = enabled
        self.stream = stream or sys.stderr
        self.tty = self.stream.isatty()
        self.last: str | None = None

    def __call__(self, message: str) -> None:
        if not self.enabled:
            return
        self.last = message
        if self.tty:
            self.stream.write("\r\033[K" + message)
            self.stream.flush()

    def close(self) -> None:
        if not self.enabled:
            return
        if self.tty:
            self.stream.write("\r\033[K")
            self.stream.flush()
        elif self.last:
            print(f"briefing: {self.last}", file=self.stream)
