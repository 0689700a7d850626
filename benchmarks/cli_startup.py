"""How light `briefing --help` is: which heavy packages each help imports, and its start-up time
as a ratio to a bare Python start in the same run.

    .venv/bin/python benchmarks/cli_startup.py
"""

from __future__ import annotations

import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
HEAVY = ("numpy", "nltk", "weasyprint", "sumy", "trafilatura", "httpx", "feedparser", "faker")
COMMANDS = ([], ["build"], ["analyze"], ["serve"], ["daily"], ["send"])


def _help_script(command: list[str]) -> str:
    return (
        "import sys\nfrom briefing.cli import main\ntry:\n"
        f"    main({command + ['--help']!r})\nexcept SystemExit:\n    pass\n"
        f"print(' '.join(m for m in {HEAVY!r} if m in sys.modules), file=sys.stderr)\n"
    )


def _best_of(args: list[str], runs: int = 5) -> float:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        subprocess.run(args, capture_output=True, cwd=ROOT, check=True)
        times.append(time.perf_counter() - start)
    return min(times)


def main() -> int:
    bare = _best_of([sys.executable, "-c", "pass"])
    analysis = _best_of([sys.executable, "-c", "import briefing.pipeline"], runs=3)
    print(f"bare python start: {bare * 1000:.0f} ms; importing the analysis pipeline: {analysis / bare:.1f}x bare")
    print(f"{'command':24s} {'heavy imports':20s} {'time / bare':>11s}")
    ratios = []
    for command in COMMANDS:
        script = _help_script(command)
        out = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, cwd=ROOT, check=True)
        heavy = out.stderr.strip().splitlines()[-1] if out.stderr.strip() else ""
        ratio = _best_of([sys.executable, "-c", script]) / bare
        ratios.append(ratio)
        name = "briefing " + " ".join(command + ["--help"])
        print(f"{name:24s} {heavy or 'none':20s} {ratio:10.1f}x")
    print(f"median --help: {statistics.median(ratios):.1f}x a bare start")
    return 0


if __name__ == "__main__":
    sys.exit(main())
