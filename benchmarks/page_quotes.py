"""Who said what, as printed: the speakers of the quotes the one-page brief prints, against the gold.

    .venv/bin/python benchmarks/page_quotes.py [--half=even|odd|a|b] [-v] [--png DIR]

Days are built from the development sets (read by path, never copied): the Gender Gap Tracker
dev half (`../shared/eval/quotes/ggt_dev.jsonl`, Canadian news, 7 articles a day) and PolNeAR
train (`../shared/eval/quotes/polnear_train.jsonl`, US political news, 10 articles a day). Each
set is split in two halves as `benchmarks/quotes.py` splits it (GGT: even and odd positions in the
file; PolNeAR: even and odd positions of the sorted ids, halves "a" and "b"), and each half's
articles, in that order, make its days (a last short day is kept when it has at least half a
day's articles). Each article is cleaned as ingest cleans a file (`clean_text`: a derived
headline, the outlet as source, the URL where the set gives one), analysed, the day assembled
(`assemble_brief`) and fitted to one page (`fit_to_page`); the quotes the fitted page prints are
scored:

- a printed quote is matched to the gold quotes of its own article (token F1 >= 0.6, or >= 80% of
  its tokens inside one, as `benchmarks/quotes.py` scores PolNeAR);
- GGT: right when its speaker is the annotated speaker (full name, or the description as the
  text gives it); a printed quote that matches no gold direct quote is wrong (GGT annotates every
  quote of its articles);
- PolNeAR: right when its speaker contains the gold source's key (`source_key`); a gold source
  without a key is a description ("the judge": right when the printed speaker ends with its head
  word), a pronoun the annotation does not resolve (personal, relative or possessive: not scored)
  or a speech verb marked where the source should be (no source: not scored); a printed quote that matches
  only a `partial` span (words quoted inside reported speech) is wrong, one that matches nothing
  annotated is counted apart (PolNeAR lists the attributions one annotator chose, not all).

Prints, per half: pages, quotes printed per page, printed quotes right / scored. `--png DIR`
writes each day's page as PNG (pdftoppm -r 80) to look at.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
import re
import subprocess
import sys
from collections import Counter
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(HERE.parent))

import quotes as quote_bench  # noqa: E402

from briefing.ingest.clean import clean_text  # noqa: E402
from briefing.vocabulary.speech import SPEECH_VERBS  # noqa: E402

GGT_DAY = 7
POLNEAR_DAY = 10
"""Articles a day, as the issue sets them: a small desk's morning (GGT) and a political one."""
DAY = dt.date(2026, 11, 24)
PRONOUNS = {"he", "she", "they", "i", "we", "you", "it", "him", "her", "them",
            "who", "whom", "which", "that", "his", "their", "its"}
"""Gold sources that name nobody the annotation resolves: personal, relative and possessive
pronouns ("Lynch, who told Congress ..." has the source "who")."""


def ggt_days(half: str) -> list[list[tuple]]:
    """(article, gold) pairs of each GGT day of `half` ("even" or "odd")."""
    rows = [json.loads(line) for line in (quote_bench.EVAL / "quotes" / "ggt_dev.jsonl").open(encoding="utf-8")]
    picked = [(i, r) for i, r in enumerate(rows) if i % 2 == (half == "odd")]
    items = []
    for i, row in picked:
        art = dataclasses.replace(clean_text(row["text"], f"/day/ggt/{i}.txt"), source=row["outlet"], url=row["url"])
        items.append((art, {"kind": "ggt", "quotes": [q for q in row["quotes"] if q.get("direct")]}))
    return _days(items, GGT_DAY)


def polnear_days(half: str) -> list[list[tuple]]:
    """(article, gold) pairs of each PolNeAR day of `half` ("a" or "b")."""
    items = []
    for row in quote_bench.polnear_rows(half):
        outlet = row["id"].split("_", 1)[0]
        art = dataclasses.replace(clean_text(row["text"], f"/day/polnear/{row['id']}.txt"), source=outlet)
        items.append((art, {"kind": "polnear", "quotes": row["quotes"], "partial": row.get("partial") or []}))
    return _days(items, POLNEAR_DAY)


def _days(items: list, size: int) -> list[list]:
    days = [items[k:k + size] for k in range(0, len(items), size)]
    if days and len(days[-1]) < size / 2:
        days.pop()
    return days


def _inside(pred: Counter, gold: Counter) -> float:
    """Share of the printed quote's tokens that the gold quote holds."""
    n = sum(pred.values())
    return sum((pred & gold).values()) / n if n else 0.0


def _matches(text: str, gold: str) -> bool:
    pred = Counter(quote_bench.toks(text))
    return (quote_bench.token_f1(text, gold) >= 0.6
            or _inside(pred, Counter(quote_bench.toks(gold))) >= 0.8)


def judge(quote, gold: dict) -> str:
    """"right", "wrong" or "unscored" for one printed quote against its article's gold."""
    found = [g for g in gold["quotes"] if len(quote_bench.toks(g["quote"])) >= 1 and _matches(quote.text, g["quote"])]
    if gold["kind"] == "ggt":
        if not found:
            return "wrong"
        return "right" if any(quote_bench.same_name(quote.speaker, g["speaker"]) for g in found) else "wrong"
    if not found:
        partial = any(_matches(quote.text, p) for p in gold["partial"])
        return "wrong" if partial else "unannotated"
    for g in found:
        key = g.get("source_key")
        if key:
            if quote_bench.speaker_has(quote.speaker, key):
                return "right"
            continue
        source = (g.get("source") or "").strip().lower()
        if not source or source in PRONOUNS or source in SPEECH_VERBS:
            # no source, a pronoun left unresolved, or the cue marked in its place ("said")
            return "unscored"
        head = re.findall(r"[a-z]+", source)
        if head and (quote.speaker or "").lower().split()[-1:] == head[-1:]:
            return "right"
    return "wrong"


def run_day(day: list[tuple], png: Path | None = None, name: str = "day") -> tuple[Counter, list]:
    """Build one day's page and judge the quotes it prints: (counts, [(verdict, quote)])."""
    from briefing.analyze.article import analyze_article
    from briefing.brief.assemble import assemble_brief
    from briefing.render.fit import fit_to_page

    gold_of = {art.path: gold for art, gold in day}
    brief = assemble_brief([analyze_article(art) for art, _gold in day], date=DAY)
    rendered = fit_to_page(brief)
    stats, seen = Counter(pages=1), []
    for q in rendered.brief.quotes:
        verdict = judge(q, gold_of[q.article])
        stats["printed"] += 1
        stats[verdict] += 1
        seen.append((verdict, q))
    if png is not None:
        png.mkdir(parents=True, exist_ok=True)
        (png / f"{name}.pdf").write_bytes(rendered.pdf)
        subprocess.run(["pdftoppm", "-r", "80", "-png", "-singlefile", str(png / f"{name}.pdf"), str(png / name)],
                       check=False)
    return stats, seen


def _run_day_job(job):
    day, png, name = job
    return run_day(day, png, name)


def run_half(kind: str, half: str, png: Path | None = None, verbose: bool = False, processes: int = 2) -> Counter:
    """Every day of one half, two at a time (the machine has two cores), counts summed."""
    days = ggt_days(half) if kind == "ggt" else polnear_days(half)
    jobs = [(day, png, f"{kind}-{half}-{k:02d}") for k, day in enumerate(days)]
    if processes > 1:
        import multiprocessing

        with multiprocessing.get_context("fork").Pool(processes) as pool:
            results = pool.map(_run_day_job, jobs)
    else:
        results = [_run_day_job(job) for job in jobs]
    total = Counter()
    for (stats, seen), (_day, _png, name) in zip(results, jobs):
        total.update(stats)
        if verbose:
            for verdict, q in seen:
                if verdict != "right":
                    print(f"  [{name}] {verdict}: {q.speaker!r} ({q.attribution}, cue {q.cue!r}) "
                          f"{q.text[:70]!r} [{q.article}]")
    return total


def figures(stats: Counter) -> tuple[float, float]:
    """(printed quotes right / scored, quotes printed per page)."""
    scored = stats["right"] + stats["wrong"]
    return stats["right"] / scored if scored else 0.0, stats["printed"] / max(1, stats["pages"])


def main() -> int:
    verbose = "-v" in sys.argv
    half = next((a.split("=", 1)[1] for a in sys.argv if a.startswith("--half=")), None)
    png = next((Path(sys.argv[k + 1]) for k, a in enumerate(sys.argv[:-1]) if a == "--png"), None)
    runs = [("ggt", "even"), ("ggt", "odd"), ("polnear", "a"), ("polnear", "b")]
    if half:
        runs = [r for r in runs if r[1] == half]
    for kind, h in runs:
        stats = run_half(kind, h, png, verbose)
        right, per_page = figures(stats)
        print(f"{kind:<7} half {h:<4} {stats['pages']:>2} pages  {per_page:.1f} quotes a page  printed quotes right "
              f"{right:.3f} ({stats['right']}/{stats['right'] + stats['wrong']}; {stats['unscored']} with an "
              f"unresolved pronoun as gold source, {stats['unannotated']} not annotated)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
