"""What the commands print while they work: one live line on a terminal, one summary line in a log."""

from __future__ import annotations

import io

from briefing.commands.console import ProgressLine


class Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def feed(line: ProgressLine) -> None:
    for message in ("fetching 1/3 · 0 failed", "fetching 3/3 · 1 failed", "analysing 1/2", "analysing 2/2",
                    "laying out the page"):
        line(message)


def test_on_a_terminal_fetching_and_analysing_share_one_live_line():
    stream = Terminal()
    line = ProgressLine(stream=stream)
    feed(line)
    line.close()
    shown = [part for part in stream.getvalue().split("\r\033[K") if part]
    assert shown == ["fetching 1/3 · 0 failed", "fetching 3/3 · 1 failed", "fetching 3/3 · 1 failed · analysing 1/2",
                     "fetching 3/3 · 1 failed · analysing 2/2", "fetching 3/3 · 1 failed · laying out the page"]
    assert stream.getvalue().endswith("\r\033[K")  # the line is cleared at the end


def test_without_a_terminal_one_summary_line_at_the_end():
    stream = io.StringIO()
    line = ProgressLine(stream=stream)
    feed(line)
    assert stream.getvalue() == ""
    line.close()
    assert stream.getvalue() == "briefing: fetched 3/3 · 1 failed · analysed 2/2\n"


def test_quiet_prints_nothing():
    for stream in (Terminal(), io.StringIO()):
        line = ProgressLine(enabled=False, stream=stream)
        feed(line)
        line.close()
        assert stream.getvalue() == ""
