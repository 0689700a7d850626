"""How long a build takes against the floors WeasyPrint and trafilatura set (issue 19).

    .venv/bin/python benchmarks/build_speed.py                  # all three, best of 3 rounds
    .venv/bin/python benchmarks/build_speed.py --part seeds --rounds 5
    .venv/bin/python benchmarks/build_speed.py --stages         # also: where one build's time goes

(a) seeds: ``briefing build seeds/`` in a fresh Python, against the floor "a fresh Python imports
    WeasyPrint and prints the build's own final brief.html once" (target: build <= 1.5x floor).
(b) a day of web pages: the 92 development pages of ../shared/eval/web/aeb_dev, gunzipped into a
    temp folder as a browser saves them (as benchmarks/policy_days.py does), ``briefing build``
    on the folder, against the floor "a fresh Python runs trafilatura's ``extract(page,
    with_metadata=True)`` on each page, then prints the build's final brief.html once" (target
    <= 1.5x).
(c) serve: a live preview (``PreviewServer``) of a copy of seeds/ (and of the aeb day), warm; one
    article is edited, the preview rebuilds (what its watcher calls once the file is seen to
    change: ``rebuild()``) and the new page is fetched from it over HTTP, against printing that
    new page once with WeasyPrint in the same warm process (target <= 1.2x). The watcher notices
    an edit within its poll interval plus debounce (0.5 s + 0.2 s), which is not counted.

Each measured command and its floor alternate in the same run, round after round, and the best
round of each counts: the machine is shared, and alternating keeps both under the same load.
``--before DIR`` adds another checkout's build (an earlier commit, unpacked with ``git archive``)
to the alternation of (a) and (b).
Evaluation pages are read by path and never copied into the repository.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

DAY = dt.date(2019, 11, 20)
TARGETS = {"seeds": 1.5, "day": 1.5, "serve": 1.2}

PRINT_FLOOR = r"""
import sys, weasyprint
weasyprint.HTML(filename=sys.argv[1]).write_pdf(sys.argv[2])
"""

EXTRACT_FLOOR = r"""
import sys, pathlib, trafilatura, weasyprint
for page in sorted(pathlib.Path(sys.argv[3]).glob("*.html")):
    trafilatura.extract(page.read_bytes(), with_metadata=True)
weasyprint.HTML(filename=sys.argv[1]).write_pdf(sys.argv[2])
"""


def _env(root: Path = ROOT) -> dict:
    return {**os.environ, "PYTHONPATH": str(root)}


def timed_run(args: list[str], root: Path = ROOT) -> float:
    start = time.perf_counter()
    proc = subprocess.run(args, cwd=root, capture_output=True, text=True, env=_env(root))
    elapsed = time.perf_counter() - start
    if proc.returncode != 0:
        raise SystemExit(f"{' '.join(args[:4])} failed:\n{proc.stderr[-2000:]}")
    return elapsed


def build_command(inputs: Path, out: Path) -> list[str]:
    return [sys.executable, "-m", "briefing", "build", str(inputs), "--out", str(out), "--date", DAY.isoformat(), "-q"]


def alternate(rounds: int, measured, floor, before=None) -> tuple[list[float], list[float], list[float]]:
    """`measured()`, `floor()` and `before()` (another checkout's build, when given) in turn,
    `rounds` times each; their times."""
    ms, fs, bs = [], [], []
    for _ in range(rounds):
        ms.append(measured())
        fs.append(floor())
        if before is not None:
            bs.append(before())
    return ms, fs, bs


def report_before(bs: list[float], fs: list[float], before: Path) -> None:
    if bs:
        print(f"    before ({before}): best {min(bs):6.2f} s   rounds {' '.join(f'{b:.2f}' for b in bs)}"
              f"   ratio {min(bs) / min(fs):.2f}x")


def report(label: str, what: str, floor_what: str, ms: list[float], fs: list[float], target: float) -> dict:
    best_m, best_f = min(ms), min(fs)
    ratio = best_m / best_f
    print(f"({label}) {what:58s} best {best_m:6.2f} s   rounds {' '.join(f'{m:.2f}' for m in ms)}")
    print(f"    floor: {floor_what:51s} best {best_f:6.2f} s   rounds {' '.join(f'{f:.2f}' for f in fs)}")
    print(f"    ratio {ratio:.2f}x (target <= {target}x: {'met' if ratio <= target else 'NOT met'})")
    return {"measured": best_m, "floor": best_f, "ratio": ratio}


def seeds_part(rounds: int, tmp: Path, before: Path | None = None) -> dict:
    out = tmp / "seeds-out"
    build = build_command(ROOT / "seeds", out)
    timed_run(build)  # the final page the floor prints
    floor = [sys.executable, "-c", PRINT_FLOOR, str(out / "brief.html"), str(tmp / "floor.pdf")]
    old = (lambda: timed_run(build_command(ROOT / "seeds", tmp / "before-out"), before)) if before else None
    ms, fs, bs = alternate(rounds, lambda: timed_run(build), lambda: timed_run(floor), old)
    result = report("a", "briefing build seeds/ (fresh Python)", "import WeasyPrint, print brief.html once", ms, fs,
                    TARGETS["seeds"])
    report_before(bs, fs, before)
    return result


def aeb_day(tmp: Path) -> Path:
    from policy_days import AEB, aeb_folder

    if not AEB.is_dir():
        raise SystemExit(f"no {AEB}: the web pages are in ../shared/eval")
    folder = tmp / "aeb-day"
    folder.mkdir()
    aeb_folder(folder)
    return folder


def day_part(rounds: int, tmp: Path, folder: Path, before: Path | None = None) -> dict:
    out = tmp / "day-out"
    build = build_command(folder, out)
    timed_run(build)
    floor = [sys.executable, "-c", EXTRACT_FLOOR, str(out / "brief.html"), str(tmp / "floor.pdf"), str(folder)]
    pages = len(list(folder.glob("*.html")))
    old = (lambda: timed_run(build_command(folder, tmp / "before-day"), before)) if before else None
    ms, fs, bs = alternate(rounds, lambda: timed_run(build), lambda: timed_run(floor), old)
    result = report("b", f"briefing build <{pages} aeb pages> (fresh Python)",
                    f"trafilatura on {pages} pages + print brief.html", ms, fs, TARGETS["day"])
    report_before(bs, fs, before)
    return result


def _edit(path: Path, original: bytes, round_: int) -> None:
    """A real edit: one sentence added at the end of the article, different each round."""
    text = original.decode("utf-8")
    if path.suffix == ".html":
        text = text.replace("</body>", f"<p>Officials said the review would take {round_ + 2} more weeks.</p></body>", 1)
    else:
        text = text.rstrip("\n") + f"\n\nOfficials said the review would take {round_ + 2} more weeks.\n"
    path.write_bytes(text.encode("utf-8"))


def shown_sentence_edit(folder: Path, record: dict) -> tuple[Path, bytes, re.Pattern]:
    """An edit the page shows: the file of a sentence the page prints (a key point, else a story
    block's), and where in it that sentence's opening words are."""
    by_id = {a["id"]: a for a in record["articles"]}
    sentences = [(kp["article"], kp["text"]) for kp in record.get("key_points", [])]
    for article, text in sentences:
        path = Path(by_id[article]["path"])
        path = folder / path.name
        words = text.split()[:5]
        if len(words) < 5:
            continue
        pattern = re.compile(r"\s+".join(re.escape(w) for w in words))
        original = path.read_bytes()
        if pattern.search(original.decode("utf-8", "replace")):
            return path, original, pattern
    raise SystemExit("serve: no shown sentence found in its file")


def _edit_shown(path: Path, original: bytes, pattern: re.Pattern, round_: int) -> None:
    """The shown sentence's opening words, and a clause inserted after them (new each round)."""
    text = original.decode("utf-8")
    found = pattern.search(text)
    path.write_bytes((text[:found.end()] + f", {round_ + 2} officials said," + text[found.end():]).encode("utf-8"))


def serve_part(rounds: int, tmp: Path, source: Path, label: str, shown: bool = False) -> dict:
    """(c): a warm preview, one article edited per round; `shown`: the edit changes a sentence
    the page prints (else a sentence is added at the article's end, which the page may not show)."""
    import json
    import urllib.request

    import weasyprint

    from briefing.deliver.serve import PreviewServer

    folder = tmp / f"serve-{label}{'-shown' if shown else ''}"
    shutil.copytree(source, folder)
    server = PreviewServer([folder], port=0, date=DAY, poll_interval=3600)  # rebuilds are called here
    server.start()
    if shown:
        edited, original, pattern = shown_sentence_edit(folder, json.loads(server.state.json))
        edit = lambda round_: _edit_shown(edited, original, pattern, round_)  # noqa: E731
    else:
        edited = sorted(p for p in folder.iterdir() if p.suffix in (".txt", ".html"))[0]
        original = edited.read_bytes()
        edit = lambda round_: _edit(edited, original, round_)  # noqa: E731
    page = tmp / f"serve-{label}.html"
    counts, changed, reused = [], [], []

    def served() -> float:
        edit(len(counts))
        before = server.state.html
        start = time.perf_counter()
        server.rebuild()
        body = urllib.request.urlopen(server.url + "brief.html", timeout=60).read()
        elapsed = time.perf_counter() - start
        if server.state.error:
            raise SystemExit(f"serve: {server.state.error}")
        page.write_bytes(body)
        cache = getattr(server, "cache", None)  # an older briefing (before/after runs) has none
        counts.append(len(cache.analysed) if cache is not None else -1)
        changed.append(server.state.html != before)
        reused.append("/".join(map(str, getattr(server, "last_layouts", ("?",)))))
        return elapsed

    def printed() -> float:
        start = time.perf_counter()
        weasyprint.HTML(filename=str(page)).write_pdf(str(tmp / "serve-floor.pdf"))
        return time.perf_counter() - start

    try:
        served()  # warm: the floor prints the page this rebuild serves
        printed()
        ms, fs, _ = alternate(rounds, served, printed)
    finally:
        server.stop()
    articles = len(list(folder.iterdir()))
    what = f"serve {label} ({articles} files): one {'shown sentence' if shown else 'article'} edited"
    result = report("c", what, "print the new brief.html once (warm)", ms, fs, TARGETS["serve"])
    print(f"    articles read and analysed again per rebuild: {counts[1:]}; page changed: {changed[1:]}; "
          f"layouts reused/made: {reused[1:]}")
    return result


def stages_part(inputs: Path, tmp: Path) -> None:
    """One build in a fresh Python, each stage timed (wall): where the time goes."""
    code = r"""
import sys, time, json
t0 = time.perf_counter()
import briefing.pipeline as pipeline
t_import = time.perf_counter() - t0
import briefing.brief.assemble as assemble, briefing.render.fit as fit, briefing.render.outputs as outputs
seconds = {}
def timed(name, fn):
    def wrapper(*a, **k):
        s = time.perf_counter()
        try:
            return fn(*a, **k)
        finally:
            seconds[name] = seconds.get(name, 0.0) + time.perf_counter() - s
    return wrapper
real_import = pipeline.import_page_stages
pipeline.import_page_stages = timed("meanwhile: import assembly, render, WeasyPrint", real_import)
pipeline.analyze_inputs = timed("read + analyse (workers; includes the meanwhile)", pipeline.analyze_inputs)
assemble.assemble_brief = timed("assemble", assemble.assemble_brief)
fit.fit_to_page = timed("fit to one page (layouts + PDF)", fit.fit_to_page)
outputs.write_outputs = timed("write files", outputs.write_outputs)
s = time.perf_counter()
pipeline.build([sys.argv[1]], sys.argv[2], date=__import__("datetime").date(2019, 11, 20))
total = time.perf_counter() - s
print(json.dumps({"python start + import pipeline": t_import, **seconds, "build() total": total}))
"""
    proc = subprocess.run([sys.executable, "-c", code, str(inputs), str(tmp / "stages-out")], cwd=ROOT,
                          capture_output=True, text=True, env=_env())
    if proc.returncode:
        raise SystemExit(proc.stderr[-2000:])
    import json

    for name, value in json.loads(proc.stdout.strip().splitlines()[-1]).items():
        print(f"    {name:55s} {value:6.2f} s")


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--part", choices=["all", "seeds", "day", "serve"], default="all")
    ap.add_argument("--rounds", type=int, default=3)
    ap.add_argument("--stages", action="store_true", help="also time one build's stages (seeds and the aeb day)")
    ap.add_argument("--before", type=Path, metavar="DIR",
                    help="another checkout (e.g. `git archive COMMIT | tar -x -C DIR`): its `briefing build` "
                    "joins the alternation of (a) and (b), so before and after meet the same load")
    args = ap.parse_args(argv)
    load = os.getloadavg()[0] if hasattr(os, "getloadavg") else float("nan")
    print(f"{os.cpu_count()} cores, load average {load:.1f} at the start; best of {args.rounds} alternating rounds")
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        folder = aeb_day(tmp) if args.part in ("all", "day", "serve") else None
        before = args.before.resolve() if args.before else None
        if args.part in ("all", "seeds"):
            seeds_part(args.rounds, tmp, before)
        if args.part in ("all", "day"):
            day_part(args.rounds, tmp, folder, before)
        if args.part in ("all", "serve"):
            serve_part(args.rounds, tmp, ROOT / "seeds", "seeds")
            serve_part(args.rounds, tmp, folder, "aeb day")
            serve_part(args.rounds, tmp, ROOT / "seeds", "seeds", shown=True)
            serve_part(args.rounds, tmp, folder, "aeb day", shown=True)
        if args.stages:
            for name, inputs in (("seeds", ROOT / "seeds"), ("aeb day", folder or aeb_day(tmp))):
                print(f"stages of one build, {name}:")
                stages_part(inputs, tmp)
    return 0


if __name__ == "__main__":
    sys.exit(main())
