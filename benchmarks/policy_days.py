"""A policy reader's page, checked on two kinds of day (issue 16). Run from the repository root:

    .venv/bin/python benchmarks/policy_days.py            # both days, the figures, PNGs in out/policy_days/

Evaluation data is read by path from ../shared/eval, never copied into the repository.

(a) The aeb day: all 92 development pages of ../shared/eval/web/aeb_dev, each gunzipped into a temp
    folder as a browser saves a page (Chrome's ``<!-- saved from url=(N)URL -->`` mark first, with the
    page's address from ground-truth.json, so the URL path counts as in real use), built with the real
    pipeline (`briefing.pipeline.build`). Against policy_labels.json: the levels of the first five
    stories shown (their lead article's), key points from level-0 or opinion articles, `opinion`
    precision and recall, the same-story pairs together and the look-alike pairs apart, one page;
    and section accuracy on each half of the pages (sorted by id: first 46, last 46; "blog" counts as
    "other").
(b) BBC days: 40 articles of ../shared/eval/topics/bbc_train.jsonl, 8 of each of the five sections,
    written as .txt files and built the same way, `DAYS` days from each half (crc32 of the id, even or
    odd: half 0 the tuning half). Checks: at least four of the first five stories politics or business,
    no key point from sport or entertainment. Section accuracy on the whole of each half, BBC's five
    sections against ours (economy counts as business: BBC files it there).
"""

from __future__ import annotations

import datetime as dt
import gzip
import json
import random
import subprocess
import sys
import tempfile
import zlib
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

EVAL = ROOT.parent / "shared" / "eval"
AEB = EVAL / "web" / "aeb_dev"
BBC = EVAL / "topics" / "bbc_train.jsonl"
DAY = dt.date(2019, 11, 20)
DAYS = 2
"""BBC days built from each half (each a fresh draw of 8 articles per section)."""
PER_SECTION = 8
FIRST = 5
BBC_SECTION = {"tech": "technology"}
COARSE = {"economy": "business"}
"""BBC files the economy under business."""


def _labels() -> dict:
    return json.loads((AEB / "policy_labels.json").read_text(encoding="utf-8"))


def page_id(path: str) -> str:
    return Path(path).name.split(".")[0]


def aeb_folder(folder: Path) -> None:
    """Every aeb page gunzipped into `folder` as a browser saves it, its address marked first."""
    truth = json.loads((AEB / "ground-truth.json").read_text(encoding="utf-8"))
    for source in sorted((AEB / "html").glob("*.html.gz")):
        pid = source.name[: -len(".html.gz")]
        url = truth[pid]["url"]
        mark = f"<!-- saved from url=({len(url):04d}){url} -->\n".encode()
        (folder / f"{pid}.html").write_bytes(mark + gzip.decompress(source.read_bytes()))


def build_day(folder: Path, out: Path):
    from briefing.pipeline import build

    return build([folder], out, date=DAY, progress=None)


def _shown(brief) -> list:
    """The stories the page presents, in rank order: its story blocks, then those it cites in a key
    point or names under "Also reported" (fitting a crowded day gives blocks to the first few
    only); never one of an excluded beat."""
    from briefing.brief.rank import DEFAULT_EXCLUDED

    return [s for s in brief.stories if s.section not in DEFAULT_EXCLUDED]


def _blocks(brief) -> int:
    return sum(1 for s in brief.stories if s.shown)


def aeb_checks(result) -> dict:
    """The issue's figures for the aeb day (see the module docstring)."""
    data = _labels()
    labels = data["labels"]
    brief = result.brief
    arts = brief.articles
    level = {i: labels[page_id(a.article.path)]["level"] for i, a in enumerate(arts)}
    first = [level[s.articles[0]] for s in _shown(brief)[:FIRST]]
    kp_levels = [level[k.article] for k in brief.key_points]
    kp_opinion = [labels[page_id(arts[k.article].article.path)]["opinion"] for k in brief.key_points]
    predicted = {page_id(a.article.path): a.article.opinion for a in arts}
    predicted.update({page_id(a.path): a.opinion for a in brief.not_analysed})
    tp = sum(1 for p, o in predicted.items() if o and labels[p]["opinion"])
    story_of = {page_id(arts[i].article.path): s.id for s in brief.stories for i in s.articles}
    same = [story_of[a] == story_of[b] for a, b in data["same_story"] if a in story_of and b in story_of]
    apart = [story_of[a] != story_of[b] for a, b in data["different_story"] if a in story_of and b in story_of]
    return {
        "first five levels": first,
        "first five at level >= 1": sum(v >= 1 for v in first),
        "first five at level 2": sum(v == 2 for v in first),
        "key points": len(kp_levels),
        "key points from level 0": sum(v == 0 for v in kp_levels),
        "key points from opinion": sum(kp_opinion),
        "opinion precision": tp / max(1, sum(predicted.values())),
        "opinion recall": tp / max(1, sum(1 for p in predicted if labels[p]["opinion"])),
        "same-story pairs together": (sum(same), len(same)),
        "look-alike pairs apart": (sum(apart), len(apart)),
        "non-opinion pages not flagged": sum(1 for p, o in predicted.items() if not o and not labels[p]["opinion"])
        / max(1, sum(1 for p in predicted if not labels[p]["opinion"])),
        "story blocks": _blocks(brief),
        "pages": result.pages,
        "layouts": result.layouts,
    }


def aeb_section_accuracy(result) -> dict[str, float]:
    """Section accuracy on each half of the aeb pages (the analysed ones and those set aside)."""
    labels = _labels()["labels"]
    ids = sorted(labels)
    halves = {"half 1": set(ids[: len(ids) // 2]), "half 2": set(ids[len(ids) // 2:])}
    found = {page_id(a.article.path): a.article.section for a in result.brief.articles}
    found.update({page_id(a.path): a.section for a in result.brief.not_analysed})
    out = {}
    for name, members in halves.items():
        gold = {p: ("other" if labels[p]["section"] == "blog" else labels[p]["section"]) for p in members}
        out[name] = sum(found.get(p) == g for p, g in gold.items()) / len(gold)
    return out


def bbc_rows(half: int) -> list[dict]:
    with BBC.open(encoding="utf-8") as f:
        rows = [json.loads(line) for line in f if line.strip()]
    return [r for r in rows if zlib.crc32(r["id"].encode("utf-8")) % 2 == half]


def bbc_section_accuracy(half: int) -> float:
    from briefing.ingest.clean import clean_text
    from briefing.ingest.section import classify

    rows = bbc_rows(half)
    right = 0
    for r in rows:
        predicted = classify(clean_text(r["text"], f"{r['id']}.txt")).section
        right += COARSE.get(predicted, predicted) == BBC_SECTION.get(r["section"], r["section"])
    return right / len(rows)


def bbc_day_rows(half: int, day: int) -> list[dict]:
    by_section: dict[str, list[dict]] = {}
    for r in sorted(bbc_rows(half), key=lambda r: r["id"]):
        by_section.setdefault(r["section"], []).append(r)
    rng = random.Random(1000 * half + day)  # a fixed draw per half and day: the figures repeat
    return [r for s in sorted(by_section) for r in rng.sample(by_section[s], PER_SECTION)]


def bbc_day(half: int, day: int, out: Path) -> dict:
    rows = bbc_day_rows(half, day)
    gold = {r["id"]: r["section"] for r in rows}
    with tempfile.TemporaryDirectory() as tmp:
        for r in rows:
            (Path(tmp) / f"{r['id']}.txt").write_text(r["text"] + "\n", encoding="utf-8")
        result = build_day(Path(tmp), out)
    brief = result.brief
    first = [gold[page_id(brief.articles[s.articles[0]].article.path)] for s in _shown(brief)[:FIRST]]
    kp = [gold[page_id(brief.articles[k.article].article.path)] for k in brief.key_points]
    return {"first five": first, "first five politics or business": sum(s in ("politics", "business") for s in first),
            "key points": kp, "key points from sport or entertainment": sum(s in ("sport", "entertainment") for s in kp),
            "story blocks": _blocks(brief), "pages": result.pages, "layouts": result.layouts}


def run_all(out_root: Path | None = None, verbose: bool = False) -> dict:
    """Every figure: {"aeb": checks, "aeb sections": {...}, "bbc days": {half: [checks, ...]}, "bbc sections": {...}}."""
    out_root = out_root or Path(tempfile.mkdtemp(prefix="policy-days-"))
    figures: dict = {}
    with tempfile.TemporaryDirectory() as tmp:
        aeb_folder(Path(tmp))
        result = build_day(Path(tmp), out_root / "aeb")
    figures["aeb"] = aeb_checks(result)
    figures["aeb sections"] = aeb_section_accuracy(result)
    if verbose:
        _print_aeb(result)
    figures["bbc days"] = {h: [bbc_day(h, d, out_root / f"bbc-{h}-{d}") for d in range(DAYS)] for h in (0, 1)}
    figures["bbc sections"] = {h: bbc_section_accuracy(h) for h in (0, 1)}
    return figures


def _print_aeb(result) -> None:
    labels = _labels()["labels"]
    brief = result.brief
    for s in _shown(brief)[:10]:
        lead = labels[page_id(brief.articles[s.articles[0]].article.path)]
        print(f"  {s.id} [{s.section}{', opinion' if s.opinion else ''}] gold {lead} {s.title[:70]}")
    for k in brief.key_points:
        print(f"  key point ({k.story}): {k.text[:100]}")
    print(f"  omitted: {brief.omitted}")


def main() -> int:
    out = ROOT / "out" / "policy_days"
    out.mkdir(parents=True, exist_ok=True)
    figures = run_all(out, verbose=True)
    print(json.dumps(figures, indent=1, default=str))
    for pdf in sorted(out.glob("*/brief.pdf")):
        subprocess.run(["pdftoppm", "-r", "80", "-png", str(pdf), str(pdf.parent / "page")], check=False)
    print(f"pages: {', '.join(str(p) for p in sorted(out.glob('*/page*.png')))}")
    counts = Counter()
    for days in figures["bbc days"].values():
        for d in days:
            counts["bbc days passing"] += d["first five politics or business"] >= 4 and not d[
                "key points from sport or entertainment"]
    print(dict(counts))
    return 0


if __name__ == "__main__":
    sys.exit(main())
