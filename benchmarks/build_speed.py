"""How long a whole build takes against the floor WeasyPrint alone sets.

    .venv/bin/python benchmarks/build_speed.py

(a) the floor: a fresh Python imports WeasyPrint and prints a one-line HTML page to PDF;
(b) `briefing build seeds/` end to end in a fresh Python: `briefing.pipeline.build(["seeds"],
    out_dir=tmp)` (ingest, analysis, assembly, fitting to one page, three files written), or,
    while the pipeline is not importable, `fit_to_page` on a hand-built brief (said in the output).
Each is run in its own interpreter (imports count: a user pays them on every build), best of
REPEAT runs. The ratio b/a says how close a build comes to a single bare render; fitting aims
at few renders (lay out once, measure, rarely re-render), so the target is b/a <= 1.5.
"""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
REPEAT = 3

FLOOR = r"""
import weasyprint
weasyprint.HTML(string="<p>One line.</p>").write_pdf()
"""

BUILD = r"""
import sys, tempfile
sys.path.insert(0, %(root)r)
try:
    from briefing.pipeline import build
    with tempfile.TemporaryDirectory() as tmp:
        result = build([%(seeds)r], out_dir=tmp)
        from briefing.render.fit import fit_to_page  # noqa: F401  (already imported by build)
    print("pipeline", result.brief.title, len(result.brief.articles), "articles", result.brief.omitted)
except ImportError as exc:
    import datetime as dt
    from briefing.model import AnalyzedArticle, Article, Brief, KeyPoint, Quote, Participant
    from briefing.render.fit import fit_to_page
    s = ["Senior officials began consultations in Tokyo on the six-party talks.",
         "A joint proposal could offer a security guarantee in return for denuclearization.",
         "Officials said a fresh round of talks was still premature."]
    arts = [AnalyzedArticle(Article(f"seed{i}.txt", f"Headline {i}", [" ".join(s)]), s, [(0, 0)] * 3, [0, 1, 2],
                            summary_rank=[0, 1, 2]) for i in range(2)]
    brief = Brief("Daily Brief", dt.date.today(), arts, [KeyPoint(s[0], 0, 0)],
                  [Quote("The U.S. is showing a more flexible attitude.", "Yoon Young-kwan")],
                  [Participant("Yoon Young-kwan", "minister", "South Korea", quoted=True)])
    r = fit_to_page(brief)
    print("hand-built brief (pipeline not importable: %%s)" %% exc, r.renders, "renders")
"""


def timed(code: str) -> tuple[float, str]:
    best, out = float("inf"), ""
    for _ in range(REPEAT):
        start = time.perf_counter()
        proc = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True,
                              env={**os.environ, "PYTHONPATH": str(ROOT)})
        elapsed = time.perf_counter() - start
        if proc.returncode != 0:
            raise SystemExit(proc.stderr[-2000:])
        best, out = min(best, elapsed), proc.stdout.strip()
    return best, out


def main() -> int:
    floor, _ = timed(FLOOR)
    build, what = timed(BUILD % {"root": str(ROOT), "seeds": str(ROOT / "seeds")})
    print(f"(a) floor: import weasyprint + one-line PDF   {floor:6.2f} s")
    print(f"(b) build seeds/ end to end                   {build:6.2f} s   [{what}]")
    print(f"ratio b/a                                     {build / floor:6.2f}x   (target <= 1.5x)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
