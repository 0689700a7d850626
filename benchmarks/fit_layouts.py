"""Fitting the page in few WeasyPrint layouts (issue 19): per day, how many layouts the page
takes, how full it ends, what it leaves out, and how long fitting alone takes. From the
repository root:

    .venv/bin/python benchmarks/fit_layouts.py                          # this checkout
    .venv/bin/python benchmarks/fit_layouts.py --compare a2696c5 --repeat 3
    .venv/bin/python benchmarks/fit_layouts.py --random 120 --seed 1    # invented briefs only
    .venv/bin/python benchmarks/fit_layouts.py --lines                  # the words read back, re-broken

Days: the seeds; the three page days of benchmarks/page_days.py (ECB+ 40, GGT + CNN/DM 35, wire
40); the aeb day (92 web pages) and the four BBC days of benchmarks/policy_days.py; the overloaded
brief of tests/test_fit.py; the invented crowded day of tests/crowded_day.py. Evaluation data is
read by path from ../shared/eval, never copied. Each day's brief is built once, by the real
pipeline up to fitting; then only `fit_to_page` runs, in a fresh process per revision, and is
timed alone. With --compare, the other commit's briefing/ and templates/ are exported (git
archive) to a temporary folder and fit the same briefs (pickled) in their own process; the two
revisions take turns, run by run, so both see the same load on the shared machine (count
layouts first: timings move with other people's jobs).

--random N fits N briefs built by hand (`tests/test_render.make_brief`, our own text: 1-30
articles, 0-30 quotes, 0-120 participants, 0-5 key points, A4 or letter, drawn with --seed) and
reports how many layouts each took and how far each prediction was from the layout it predicted.

--lines lays out each day's first page (at 9pt and at 10pt), reads every paragraph's words back
and breaks them again at the width they were laid out in: the lines must be WeasyPrint's.
"""

from __future__ import annotations

import argparse
import json
import pickle
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(1, str(ROOT / "benchmarks"))


class _Captured(Exception):
    def __init__(self, brief):
        self.brief = brief


def _capture(build) -> object:
    """The brief `build()` hands to fitting (the pipeline stops there)."""
    import briefing.render.fit as fit

    real = fit.fit_to_page

    def stop(brief, template_dir=None):
        raise _Captured(brief)

    fit.fit_to_page = stop  # build imports fit_to_page from fit when it runs
    try:
        build()
    except _Captured as got:
        return got.brief
    finally:
        fit.fit_to_page = real
    raise RuntimeError("the pipeline never reached fitting")


def day_briefs() -> dict[str, object]:
    import page_days
    import policy_days

    from briefing.analyze.article import analyze_article
    from briefing.brief.assemble import assemble_brief
    from briefing.pipeline import analyze_paths

    briefs: dict[str, object] = {}
    analyzed, _ = analyze_paths([str(ROOT / "seeds")])
    briefs["seeds"] = assemble_brief(analyzed)
    for name, articles in (("ECB+ 40", page_days.ecbplus_day()[0]), ("GGT + CNN/DM 35", page_days.news_day()),
                           ("wire 40", page_days.wire_day())):
        briefs[name] = assemble_brief([analyze_article(a) for a in articles], date=page_days.DAY)
    with tempfile.TemporaryDirectory() as tmp, tempfile.TemporaryDirectory() as out:
        policy_days.aeb_folder(Path(tmp))
        briefs["aeb 92"] = _capture(lambda: policy_days.build_day(Path(tmp), Path(out)))
    for half in (0, 1):
        for day in range(policy_days.DAYS):
            with tempfile.TemporaryDirectory() as tmp, tempfile.TemporaryDirectory() as out:
                for r in policy_days.bbc_day_rows(half, day):
                    (Path(tmp) / f"{r['id']}.txt").write_text(r["text"] + "\n", encoding="utf-8")
                briefs[f"BBC {half}-{day}"] = _capture(lambda: policy_days.build_day(Path(tmp), Path(out)))
    sys.path.insert(0, str(ROOT / "tests"))
    from crowded_day import crowded_day
    from test_render import make_brief

    briefs["overloaded (test)"] = make_brief(articles=12, sentences=6, quotes=30, participants=60, key_points=5)
    briefs["crowded (test)"] = crowded_day()
    return briefs


# --- fitting, in a process of its own ---------------------------------------------------------


def printed(item) -> list:
    """What the page prints of a fitted brief's story or article: its `printed` (schema 2 on),
    else its `summary` (a revision before it, whose fitted brief overwrote the summary)."""
    shown = getattr(item, "printed", None)
    return item.summary if shown is None else shown


def fit_days(briefs_file: str) -> dict[str, dict]:
    """Fit every brief with the `briefing` first on sys.path; layouts counted, fitting timed."""
    import briefing.render.fit as fit

    assert Path(fit.__file__).resolve().is_relative_to(Path(sys.path[0]).resolve()), fit.__file__
    layouts = [0]
    real = fit.layout_document

    def counted(*args, **kwargs):
        layouts[0] += 1
        return real(*args, **kwargs)

    fit.layout_document = counted
    briefs = pickle.loads(Path(briefs_file).read_bytes())
    fit.fit_to_page(briefs["seeds"])  # warm: fonts, Jinja, WeasyPrint's caches
    import briefing.brief.blocks  # noqa: F401  (a brief without stories needs it: numpy, paid once)
    out = {}
    for name, brief in briefs.items():
        layouts[0] = 0
        start = time.perf_counter()
        rendered = fit.fit_to_page(brief)
        took = time.perf_counter() - start
        shown = rendered.brief
        blocks = [s for s in shown.stories if s.shown] if shown.stories else [a for a in shown.articles if printed(a)]
        out[name] = {
            "layouts": layouts[0], "seconds": took, "pages": rendered.pages, "overflow": rendered.overflow,
            "font": rendered.font_size, "fill": rendered.fill, "columns": list(rendered.columns),
            "omitted": rendered.omitted, "blocks": len(blocks),
            "sentences": sum(len(printed(b)) for b in blocks), "quotes": len(shown.quotes),
            "people": len(shown.participants), "key points": len(shown.key_points),
        }
    return out


def run_child(package_root: Path, briefs_file: Path) -> dict[str, dict]:
    # the module first (it puts this checkout on the path), then the revision's package before it
    code = (f"import sys, json; sys.path.insert(0, {str(ROOT / 'benchmarks')!r}); import fit_layouts;"
            f"sys.path.insert(0, {str(package_root)!r});"
            f"print(json.dumps(fit_layouts.fit_days({str(briefs_file)!r})))")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True, cwd=package_root)
    return json.loads(done.stdout.strip().splitlines()[-1])


def export(rev: str, folder: Path) -> Path:
    archive = subprocess.run(["git", "archive", rev, "briefing", "templates"], cwd=ROOT, capture_output=True, check=True)
    subprocess.run(["tar", "-x", "-C", str(folder)], input=archive.stdout, check=True)
    return folder


# --- report ----------------------------------------------------------------------------------


def _left_out(r: dict) -> str:
    notes = [n for n in r["omitted"] if "left out" in n or "not shown" in n]
    return "; ".join(n.replace(" left out to fit one page", "").replace(": listed in brief.json", "") for n in notes) or "nothing"


def report(runs: dict[str, list[dict]]) -> None:
    names = list(next(iter(runs.values()))[0])
    revs = list(runs)
    head = "| day | " + " | ".join(f"layouts ({r})" for r in revs) + " | " + " | ".join(f"fill ({r})" for r in revs)
    head += " | " + " | ".join(f"fit s ({r})" for r in revs) + " | shown: blocks / sentences / quotes / people | left out |"
    print(head)
    print("|" + "---|" * (head.count("|") - 1))
    for name in names:
        cells = [str(runs[r][0][name]["layouts"]) for r in revs]
        cells += [f"{runs[r][0][name]['fill']:.3f}" for r in revs]
        cells += [f"{statistics.median(run[name]['seconds'] for run in runs[r]):.2f}" for r in revs]
        shown = " → ".join(f"{x['blocks']} / {x['sentences']} / {x['quotes']} / {x['people']}"
                           for x in (runs[r][0][name] for r in revs))
        left = " → ".join(_left_out(runs[r][0][name]) for r in revs)
        print(f"| {name} | " + " | ".join(cells) + f" | {shown} | {left} |")
    for r in revs:
        total = sum(x["layouts"] for x in runs[r][0].values())
        one_page = all(x["pages"] == 1 and not x["overflow"] for x in runs[r][0].values())
        print(f"{r}: {total} layouts over {len(names)} days, most {max(x['layouts'] for x in runs[r][0].values())}; "
              f"every page one page: {one_page}")


def random_briefs(n: int, seed: int) -> None:
    import random

    sys.path.insert(0, str(ROOT / "tests"))
    from briefing.render.fit import fit_to_page
    from test_render import make_brief

    rng = random.Random(seed)
    layouts: dict[int, int] = {}
    errors: list[float] = []
    pages_ok = True
    for _ in range(n):
        brief = make_brief(articles=rng.randint(1, 30), sentences=rng.randint(1, 6), quotes=rng.randint(0, 30),
                           participants=rng.randint(0, 120), key_points=rng.randint(0, 5),
                           page_size=rng.choice(["a4", "letter"]))
        rendered = fit_to_page(brief)
        layouts[rendered.renders] = layouts.get(rendered.renders, 0) + 1
        errors += [laid - predicted for predicted, laid in rendered.predictions]
        pages_ok = pages_ok and rendered.pages == 1 and not rendered.overflow
    size = sorted(abs(e) for e in errors)
    print(f"{n} invented briefs (seed {seed}): layouts {dict(sorted(layouts.items()))}; every page one page: {pages_ok}")
    print(f"{len(errors)} predictions: |laid - predicted| median {statistics.median(size):.1f} px, "
          f"<= 2 px: {sum(e <= 2 for e in size)}, largest {size[-1]:.1f} px; under-predicted by more than "
          f"{3.0:g} px (a layout that ran over): {sum(e > 3 for e in errors)}")


def lines_check(briefs: dict[str, object]) -> None:
    from briefing.render.drops import story_order
    from briefing.render.estimate import precut
    from briefing.render.heights import line_count
    from briefing.render.layout import Plan
    from briefing.render.measure import read_text
    from briefing.render.page import layout_document, render_plan

    total = wrong = 0
    for name, brief in briefs.items():
        hidden = precut(brief, story_order(brief))
        for size in (9.0, 10.0):
            plan = Plan(font_size=size, hidden=hidden, stories=set(hidden))
            text = read_text(layout_document(render_plan(brief, plan, None, for_pdf=True)))
            paras = [p for u in text.units.values() for p in u.paras.values()]
            bad = [p for p in paras if line_count(p.words, p.width) != p.lines]
            total, wrong = total + len(paras), wrong + len(bad)
            print(f"{name} at {size:g}pt: {len(paras)} paragraphs, {len(bad)} broken differently")
    print(f"in all: {total} paragraphs, {wrong} broken differently")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--compare", help="another commit whose fitting runs the same briefs")
    parser.add_argument("--repeat", type=int, default=1, help="runs of each revision, taking turns (timing)")
    parser.add_argument("--random", type=int, default=0, help="fit this many invented briefs instead")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--lines", action="store_true", help="check the words read back instead")
    parser.add_argument("--days", help="only these days, comma-separated (as the table names them)")
    args = parser.parse_args()
    if args.random:
        random_briefs(args.random, args.seed)
        return 0
    if args.lines:
        lines_check(day_briefs())
        return 0
    with tempfile.TemporaryDirectory() as tmp:
        briefs = day_briefs()
        if args.days:
            wanted = [d.strip() for d in args.days.split(",")]
            briefs = {name: b for name, b in briefs.items() if name in wanted or name == "seeds"}
        briefs_file = Path(tmp) / "briefs.pickle"
        briefs_file.write_bytes(pickle.dumps(briefs))
        roots = {"this checkout": ROOT}
        if args.compare:
            (Path(tmp) / "before").mkdir()
            roots = {args.compare: export(args.compare, Path(tmp) / "before"), **roots}
        runs: dict[str, list[dict]] = {r: [] for r in roots}
        for k in range(args.repeat):
            for rev in (list(roots) if k % 2 == 0 else list(roots)[::-1]):
                runs[rev].append(run_child(roots[rev], briefs_file))
        report(runs)
    return 0


if __name__ == "__main__":
    sys.exit(main())
