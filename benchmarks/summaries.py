"""Summary quality and speed: Lead-3, our "news" summarizer and plain sumy algorithms.

Run from the repository root:

    .venv/bin/python benchmarks/summaries.py

Reads ../shared/eval/summaries/cnndm_dev.jsonl (CNN/DailyMail, one sentence per line; never copied
into the repository), picks 3 sentences per article with each algorithm, and scores them with
rouge-score (ROUGE-1/2/Lsum F1, Porter stemming) against the joined reference highlights. Prints
one table row per algorithm with the time it took, also as a ratio to sumy's LexRank on the same
sentences. Then times "news" on a synthetic ~5 MB article (tens of thousands of sentences).

It also runs the same articles through the pipeline, as the CLI sees them (ingest's cleaning, our
sentence splitter, analyze_article), and times the whole analysis of 100 articles against sumy's
LexRank alone on the same sentences.

Options: --algorithms lead3,news,lead,lexrank,...  --halves (scores on each half of the set, for
stability)  --no-pipeline  --no-long (skip the 5 MB timing)  --repeat N (best of N timings).
"""

from __future__ import annotations

import argparse
import json
import os
import random
import sys
import time
from pathlib import Path

# single-threaded BLAS: sumy's LSA (an SVD) otherwise fights the other processes for the cores
for _var in ("OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ.setdefault(_var, "1")

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from briefing.analyze.summarize import _ranked, _stem, _terms_cached, summarize  # noqa: E402

EVAL = Path(__file__).resolve().parents[1].parent / "shared" / "eval"
DATA = EVAL / "summaries" / "cnndm_dev.jsonl"
LEXRANK_SLICE = 500
DEFAULT = ["lead3", "news", "lexrank", "textrank", "luhn", "lsa"]
LABELS = {
    "lead3": "Lead-3 (first 3 lines)",
    "lead": "lead, junk skipped",
    "news": "news (ours)",
    "lexrank": "sumy LexRank",
    "textrank": "sumy TextRank",
    "luhn": "sumy Luhn",
    "lsa": "sumy LSA",
    "sumbasic": "sumy SumBasic",
    "kl": "sumy KL",
}


def load(path: Path = DATA) -> list[dict]:
    with path.open(encoding="utf-8") as fh:
        rows = [json.loads(line) for line in fh if line.strip()]
    for r in rows:
        r["sentences"] = [s for s in r["article"].split("\n") if s.strip()]
    return rows


def score(rows: list[dict], picks: list[list[int]]) -> tuple[float, float, float]:
    from rouge_score import rouge_scorer

    scorer = rouge_scorer.RougeScorer(["rouge1", "rouge2", "rougeLsum"], use_stemmer=True)
    totals = [0.0, 0.0, 0.0]
    for row, idx in zip(rows, picks):
        summary = "\n".join(row["sentences"][i] for i in idx)
        reference = "\n".join(row["reference"])
        s = scorer.score(reference, summary)
        for k, key in enumerate(("rouge1", "rouge2", "rougeLsum")):
            totals[k] += s[key].fmeasure
    n = max(1, len(rows))
    return tuple(100 * t / n for t in totals)  # type: ignore[return-value]


def clear_caches() -> None:
    """Forget cached rankings, word features and stems, so every timed run starts cold."""
    for cached in (_ranked, _terms_cached, _stem):
        cached.cache_clear()


def lead3(sentences: list[str], count: int = 3) -> list[int]:
    """The standard baseline: the first three lines of the article, whatever they are."""
    return list(range(min(count, len(sentences))))


def run(rows: list[dict], algorithm: str, repeat: int = 1) -> tuple[list[list[int]], float]:
    """Picks for every article and the best wall time of `repeat` runs (after a warm-up on a
    few articles, so imports and first-use set-up are not counted; rankings cache cleared)."""
    if algorithm == "lead3":
        pick = lead3
    else:
        def pick(sentences):
            return summarize(sentences, count=3, algorithm=algorithm)
    for r in rows[:3]:
        pick(r["sentences"])
    best = float("inf")
    picks: list[list[int]] = []
    for _ in range(repeat):
        clear_caches()
        start = time.perf_counter()
        picks = [pick(r["sentences"]) for r in rows]
        best = min(best, time.perf_counter() - start)
    return picks, best


def through_pipeline(rows: list[dict], algorithms: list[str], repeat: int = 1) -> None:
    """The same articles as the CLI sees them: each written to a temporary file (deleted after),
    read by ingest (cleaning), split by our sentence splitter, analyzed by analyze_article
    (summary, quotes, people). Scores the 3-sentence summaries, and times the whole analysis of
    100 articles against sumy's LexRank alone on the same sentences."""
    import tempfile

    from briefing.analyze.article import analyze_article
    from briefing.ingest.load import read_article

    with tempfile.TemporaryDirectory() as tmp:
        articles = []
        for k, row in enumerate(rows):
            path = Path(tmp) / f"{k:03d}.txt"
            path.write_text(row["article"] + "\n", encoding="utf-8")
            articles.append(read_article(path))
    print()
    print("Through the pipeline (ingest -> analyze_article, as `briefing analyze --sentences 3`):")
    print()
    print("| algorithm | R-1 | R-2 | R-Lsum |")
    print("|---|---:|---:|---:|")
    analyzed = {}
    for algorithm in algorithms:
        clear_caches()
        analyzed[algorithm] = [analyze_article(a, sentences=3, algorithm=algorithm) for a in articles]
        picks = [x.summary for x in analyzed[algorithm]]
        scored = [dict(row, sentences=x.sentences) for row, x in zip(rows, analyzed[algorithm])]
        r1, r2, rl = score(scored, picks)
        label = LABELS.get(algorithm, algorithm)
        print(f"| {label} | {r1:.2f} | {r2:.2f} | {rl:.2f} |")
    sample = articles[:100]
    analysis = lexrank = float("inf")
    for _ in range(repeat):  # best of `repeat`, alternating, so load on the machine hits both
        clear_caches()
        start = time.perf_counter()
        done = [analyze_article(a, sentences=3) for a in sample]
        analysis = min(analysis, time.perf_counter() - start)
        clear_caches()
        start = time.perf_counter()
        for x in done:
            summarize(x.sentences, count=3, algorithm="lexrank")
        lexrank = min(lexrank, time.perf_counter() - start)
    print()
    print(
        f"analysis of {len(sample)} articles (sentences, news summary, quotes, people): "
        f"{analysis:.2f} s; sumy LexRank alone on the same sentences: {lexrank:.2f} s "
        f"(ratio {analysis / lexrank:.2f})"
    )


def synthetic_article(target_bytes: int = 5_000_000, seed: int = 7) -> list[str]:
    """Sentences of a ~5 MB article made from a fixed vocabulary (no eval text)."""
    rng = random.Random(seed)
    words = (
        "minister government council budget election vote party leader police court report city "
        "health school energy price market bank trade talks deal plan law policy union strike "
        "minister said would could after before during against about between country region "
        "north south east west officials agency spokesman statement week month year million "
        "billion percent increase decrease crisis support opposition critics reform tax"
    ).split()
    out: list[str] = []
    size = 0
    while size < target_bytes:
        n = rng.randint(8, 30)
        s = " ".join(rng.choice(words) for _ in range(n)).capitalize() + "."
        out.append(s)
        size += len(s) + 1
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--algorithms", default=",".join(DEFAULT))
    ap.add_argument("--halves", action="store_true", help="also score each half of the set")
    ap.add_argument("--no-long", action="store_true", help="skip the synthetic 5 MB article")
    ap.add_argument("--no-pipeline", action="store_true", help="skip the run through ingest and analyze")
    ap.add_argument("--repeat", type=int, default=2, help="time each algorithm this many times, keep the best")
    args = ap.parse_args(argv)
    algorithms = [a.strip() for a in args.algorithms.split(",") if a.strip()]
    if not DATA.exists():
        print(f"evaluation data not found: {DATA}", file=sys.stderr)
        return 1
    rows = load()
    results = {}
    for algorithm in algorithms:
        picks, seconds = run(rows, algorithm, args.repeat)
        results[algorithm] = (picks, seconds)
    base = results.get("lexrank", (None, None))[1]
    n_sent = sum(len(r["sentences"]) for r in rows)
    print(f"CNN/DailyMail dev half: {len(rows)} articles, {n_sent} sentences, 3 sentences each")
    print()
    header = "| algorithm | R-1 | R-2 | R-Lsum | time (s) | time / LexRank |"
    print(header)
    print("|---|---:|---:|---:|---:|---:|")
    for algorithm in algorithms:
        picks, seconds = results[algorithm]
        r1, r2, rl = score(rows, picks)
        ratio = f"{seconds / base:.2f}" if base else "-"
        print(f"| {LABELS.get(algorithm, algorithm)} | {r1:.2f} | {r2:.2f} | {rl:.2f} | {seconds:.2f} | {ratio} |")
    if args.halves:
        half = len(rows) // 2
        print()
        print("| algorithm | first half R-1/R-2/R-Lsum | second half R-1/R-2/R-Lsum |")
        print("|---|---|---|")
        for algorithm in algorithms:
            picks = results[algorithm][0]
            a = score(rows[:half], picks[:half])
            b = score(rows[half:], picks[half:])
            print(
                f"| {LABELS.get(algorithm, algorithm)} | {a[0]:.2f}/{a[1]:.2f}/{a[2]:.2f} "
                f"| {b[0]:.2f}/{b[1]:.2f}/{b[2]:.2f} |"
            )
    if not args.no_pipeline:
        through_pipeline(rows, ["lead", "news"], args.repeat)
    if not args.no_long:
        long = synthetic_article()
        size = sum(len(s) + 1 for s in long)
        clear_caches()
        start = time.perf_counter()
        chosen = summarize(long, count=3)
        seconds = time.perf_counter() - start
        # sumy's LexRank is quadratic in pure Python: time it on a slice only
        part = long[:LEXRANK_SLICE]
        start = time.perf_counter()
        summarize(part, count=3, algorithm="lexrank")
        lex = time.perf_counter() - start
        print()
        print(
            f"synthetic article: {size / 1e6:.1f} MB, {len(long)} sentences: "
            f"news summary in {seconds:.2f} s (chose {chosen}); "
            f"sumy LexRank on its first {len(part)} sentences alone: {lex:.2f} s"
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
