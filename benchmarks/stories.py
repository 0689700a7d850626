"""Story grouping benchmark: BCubed P/R/F1 on ECB+ dev (ours vs a plain TF-IDF baseline), speed.

Run from the repository root:  .venv/bin/python benchmarks/stories.py [--no-speed]

Evaluation data is read by path from ../shared/eval/stories (never copied into the repo).

ECB+ holds 20 topics, each with two different events of the same kind; an article's gold
story is its event. The dev file is split in two halves by id (crc32 of the id, even or odd):
half 0 is the tuning half, half 1 the check. Each article is built as ingest would hand it
over (title = the first line, one paragraph per further line) and analysed with the real
`analyze_article`; the ECB+ `url` field is not used (it is empty for one event of each topic
and would give the answer away).

- ours: `build_stories` (near-duplicates, then event clustering at `EVENT_DISTANCE`); the
  threshold sweep on half 0 shows where the shipped distance comes from;
- baseline: plain TF-IDF (lower-cased words, stop words out, raw term counts, smoothed IDF, unit
  rows) with average linkage on cosine distance, its threshold tuned on half 0 the same way;
- days: the mean BCubed F1 of 20 random 40-article days drawn from each half (a real morning is
  tens of articles, not hundreds, and IDF is taken from the day itself);
- through ingest: the body cleaned as ingest cleans a file (datelines and "Updated:" lines taken
  out, the first date kept as `Article.date`), as the tool sees a real inbox.

Speed: `build_stories` on 100, 300 and 1,000 articles (1,000 made by reusing ECB+ texts: each
extra article mixes the sentences of two reports of one event, so it is a new report of that
event, not a copy) against the baseline clustering on the same articles, and the growth.
"""

from __future__ import annotations

import argparse
import dataclasses
import json
import random
import re
import sys
import time
import zlib
from collections import Counter, defaultdict
from pathlib import Path

import numpy as np
from scipy import sparse
from scipy.cluster.hierarchy import fcluster, linkage

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from briefing.analyze.article import analyze_article  # noqa: E402
from briefing.ingest.clean import clean_text  # noqa: E402
from briefing.brief.clusters import EVENT_DISTANCE, agglomerate, event_vectors  # noqa: E402
from briefing.vocabulary.stopwords import stop_words  # noqa: E402
from briefing.brief.stories import build_stories  # noqa: E402
from briefing.model import AnalyzedArticle, Article  # noqa: E402

EVAL = ROOT.parent / "shared" / "eval" / "stories"
DEV = EVAL / "ecbplus_dev.jsonl"
SWEEP = [round(t, 2) for t in np.arange(0.50, 0.95, 0.01)]


def load(path: Path = DEV) -> list[dict]:
    with path.open(encoding="utf-8") as fh:
        return [json.loads(line) for line in fh if line.strip()]


def half_of(row: dict) -> int:
    return zlib.crc32(row["id"].encode("utf-8")) % 2


def article_of(row: dict) -> Article:
    lines = [line.strip() for line in row["text"].split("\n")]
    lines = [line for line in lines if line]
    return Article(path=f"{row['id']}.txt", title=lines[0] if lines else "", paragraphs=lines[1:])


def analyze_rows(rows: list[dict]) -> tuple[list[AnalyzedArticle], float]:
    start = time.perf_counter()
    analyzed = [analyze_article(article_of(r)) for r in rows]
    return analyzed, time.perf_counter() - start


def cleaned_article_of(row: dict) -> Article:
    """The body through ingest's cleaning (datelines become `Article.date`), the title kept."""
    lines = [line.strip() for line in row["text"].split("\n") if line.strip()]
    cleaned = clean_text("\n".join(lines[1:]), f"{row['id']}.txt")
    return dataclasses.replace(cleaned, title=lines[0] if lines else "", title_derived=False)


# --- scoring ----------------------------------------------------------------------------------


def bcubed(predicted: list, gold: list) -> tuple[float, float, float]:
    """BCubed precision, recall and F1 of a clustering (one label per item) against gold labels."""
    clusters, classes = defaultdict(set), defaultdict(set)
    for k, (p, g) in enumerate(zip(predicted, gold)):
        clusters[p].add(k)
        classes[g].add(k)
    precision = recall = 0.0
    for k in range(len(gold)):
        both = len(clusters[predicted[k]] & classes[gold[k]])
        precision += both / len(clusters[predicted[k]])
        recall += both / len(classes[gold[k]])
    n = max(1, len(gold))
    precision, recall = precision / n, recall / n
    return precision, recall, (2 * precision * recall / (precision + recall) if precision + recall else 0.0)


def labels_of(groups: list[list[int]], n: int) -> list[int]:
    labels = [0] * n
    for g, members in enumerate(groups):
        for m in members:
            labels[m] = g
    return labels


def story_labels(analyzed: list[AnalyzedArticle], distance: float = EVENT_DISTANCE) -> list[int]:
    return labels_of([s.articles for s in build_stories(analyzed, distance=distance)], len(analyzed))


# --- the baseline -----------------------------------------------------------------------------

_PLAIN_WORD = re.compile(r"\b\w\w+\b")


def baseline_vectors(analyzed: list[AnalyzedArticle]) -> sparse.csr_matrix:
    """Plain TF-IDF: lower-cased words, stop words out, raw counts, smoothed IDF, unit rows."""
    stops = stop_words()
    vocabulary: dict[str, int] = {}
    rows, cols, vals = [], [], []
    for i, a in enumerate(analyzed):
        text = a.article.title + "\n" + "\n".join(a.sentences)
        counts = Counter(w for w in (m.lower() for m in _PLAIN_WORD.findall(text)) if w not in stops)
        for term, tf in counts.items():
            rows.append(i)
            cols.append(vocabulary.setdefault(term, len(vocabulary)))
            vals.append(tf)
    n = len(analyzed)
    matrix = sparse.csr_matrix((np.asarray(vals, float), (rows, cols)), shape=(n, len(vocabulary)))
    df = np.bincount(matrix.indices, minlength=len(vocabulary))
    matrix = sparse.csr_matrix(matrix @ sparse.diags(np.log((1 + n) / (1 + df)) + 1))
    norms = np.sqrt(np.asarray(matrix.multiply(matrix).sum(axis=1)).ravel())
    norms[norms == 0] = 1
    return sparse.csr_matrix(sparse.diags(1 / norms) @ matrix)


def baseline_groups(vectors: sparse.csr_matrix, distance: float) -> list[list[int]]:
    """Average linkage over every pair (the textbook way: a dense n x n distance matrix)."""
    n = vectors.shape[0]
    if n < 2:
        return [[k] for k in range(n)]
    d = np.clip(1.0 - (vectors @ vectors.T).toarray(), 0.0, 2.0)
    labels = fcluster(linkage(d[np.triu_indices(n, k=1)], method="average"), t=distance, criterion="distance")
    groups: dict[int, list[int]] = defaultdict(list)
    for k, label in enumerate(labels):
        groups[label].append(k)
    return list(groups.values())


# --- quality ----------------------------------------------------------------------------------


def tuned(scores_half0: dict[float, tuple], scores_half1: dict[float, tuple]) -> tuple[float, tuple, tuple]:
    """The threshold with the best F1 on half 0 (the smallest on a tie) and both halves' scores there."""
    best = max(SWEEP, key=lambda t: (round(scores_half0[t][2], 6), -t))
    return best, scores_half0[best], scores_half1[best]


def quality(rows: list[dict], analyzed: list[AnalyzedArticle]) -> dict:
    halves = {h: [k for k, r in enumerate(rows) if half_of(r) == h] for h in (0, 1)}
    out: dict = {"halves": {h: len(ix) for h, ix in halves.items()}}
    ours_sweep, base_sweep, shipped = {}, {}, {}
    for h, ix in halves.items():
        items = [analyzed[k] for k in ix]
        gold = [rows[k]["story"] for k in ix]
        vectors = event_vectors(items)
        ours_sweep[h] = {t: bcubed(labels_of(agglomerate(vectors, t), len(ix)), gold) for t in SWEEP}
        shipped[h] = bcubed(story_labels(items), gold)
        base = baseline_vectors(items)
        base_sweep[h] = {t: bcubed(labels_of(baseline_groups(base, t), len(ix)), gold) for t in SWEEP}
    out["ours"] = shipped
    out["ours_tuned"] = tuned(ours_sweep[0], ours_sweep[1])
    out["baseline_tuned"] = tuned(base_sweep[0], base_sweep[1])
    base_t = out["baseline_tuned"][0]
    days: dict[int, tuple[float, float]] = {}
    for h, ix in halves.items():
        rng = random.Random(40 + h)
        ours_f, base_f = [], []
        for _ in range(20):
            day = rng.sample(ix, 40)
            items = [analyzed[k] for k in day]
            gold = [rows[k]["story"] for k in day]
            ours_f.append(bcubed(story_labels(items), gold)[2])
            base_f.append(bcubed(labels_of(baseline_groups(baseline_vectors(items), base_t), 40), gold)[2])
        days[h] = (float(np.mean(ours_f)), float(np.mean(base_f)))
    out["days"] = days
    return out


def story_f1(rows: list[dict] | None = None, analyzed: list[AnalyzedArticle] | None = None) -> tuple[float, float]:
    """BCubed F1 of `build_stories` on half 0 and half 1 (for the quality gate)."""
    rows = rows if rows is not None else load()
    if analyzed is None:
        analyzed, _ = analyze_rows(rows)
    f1 = []
    for h in (0, 1):
        ix = [k for k, r in enumerate(rows) if half_of(r) == h]
        f1.append(bcubed(story_labels([analyzed[k] for k in ix]), [rows[k]["story"] for k in ix])[2])
    return f1[0], f1[1]


# --- speed ------------------------------------------------------------------------------------


def synthetic_day(rows: list[dict], analyzed: list[AnalyzedArticle], n: int) -> list[AnalyzedArticle]:
    """`n` articles: the ECB+ ones, then new reports made by interleaving the sentences of two
    reports of one event (so they belong to it without being copies of either)."""
    by_story: dict[str, list[int]] = defaultdict(list)
    for k, r in enumerate(rows):
        by_story[r["story"]].append(k)
    rng = random.Random(n)
    day = list(analyzed[:n])
    while len(day) < n:
        k = rng.randrange(len(rows))
        others = [j for j in by_story[rows[k]["story"]] if j != k] or [k]
        j = rng.choice(others)
        a, b = analyzed[k], analyzed[j]
        sentences = [s for pair in zip(a.sentences[::2], b.sentences[1::2]) for s in pair] or list(a.sentences)
        article = Article(path=f"synthetic/{len(day)}.txt", title=b.article.title, paragraphs=sentences)
        day.append(AnalyzedArticle(article=article, sentences=sentences, spans=[(0, 0)] * len(sentences),
                                   summary=list(range(min(3, len(sentences)))),
                                   summary_rank=list(range(min(3, len(sentences))))))
    return day


def timed(fn, repeat: int = 3) -> float:
    best = float("inf")
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        best = min(best, time.perf_counter() - start)
    return best


def speed(rows: list[dict], analyzed: list[AnalyzedArticle], base_t: float) -> list[tuple[int, float, float]]:
    out = []
    build_stories(analyzed[:20])  # first-call costs (stemmer, stop words) out of the timings
    for n in (100, 300, 1000):
        day = synthetic_day(rows, analyzed, n)
        ours = timed(lambda: build_stories(day))
        base = timed(lambda: baseline_groups(baseline_vectors(day), base_t))
        out.append((n, ours, base))
    return out


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--no-speed", action="store_true", help="skip the timings")
    args = parser.parse_args()
    rows = load()
    analyzed, seconds = analyze_rows(rows)
    print(f"ECB+ dev: {len(rows)} articles, {len({r['story'] for r in rows})} stories; "
          f"analysis {seconds:.1f} s ({1000 * seconds / len(rows):.0f} ms an article)")
    q = quality(rows, analyzed)
    print(f"halves by crc32(id) % 2: half 0 (tuning) {q['halves'][0]} articles, half 1 (check) {q['halves'][1]}")
    print("\nBCubed                                   half 0 P / R / F1        half 1 P / R / F1")
    ours = q["ours"]
    print(f"ours, build_stories (distance {EVENT_DISTANCE:.2f})      "
          f"{ours[0][0]:.3f} / {ours[0][1]:.3f} / {ours[0][2]:.3f}    {ours[1][0]:.3f} / {ours[1][1]:.3f} / {ours[1][2]:.3f}")
    for label, key in (("ours, clustering tuned on half 0", "ours_tuned"), ("baseline TF-IDF tuned on half 0", "baseline_tuned")):
        t, h0, h1 = q[key]
        print(f"{label} ({t:.2f})  "
              f"{h0[0]:.3f} / {h0[1]:.3f} / {h0[2]:.3f}    {h1[0]:.3f} / {h1[1]:.3f} / {h1[2]:.3f}")
    days = q["days"]
    print(f"\n40-article days (mean of 20 per half), BCubed F1: ours {days[0][0]:.3f} / {days[1][0]:.3f}, "
          f"baseline {days[0][1]:.3f} / {days[1][1]:.3f} (half 0 / half 1)")
    cleaned = [analyze_article(cleaned_article_of(r)) for r in rows]
    via_ingest = story_f1(rows, cleaned)
    print(f"through ingest cleaning (datelines taken out, {sum(1 for a in cleaned if a.article.date)} "
          f"dates kept as Article.date), BCubed F1: {via_ingest[0]:.3f} / {via_ingest[1]:.3f} (half 0 / half 1)")
    stories = build_stories(analyzed)
    copies = sum(len(c) for s in stories for c in s.duplicates.values())
    print(f"near-duplicate copies found in the 451 articles: {copies}")
    if args.no_speed:
        return 0
    print("\nspeed (best of 3)      build_stories   baseline clustering   ratio")
    results = speed(rows, analyzed, q["baseline_tuned"][0])
    for n, ours_s, base_s in results:
        print(f"  {n:5d} articles      {ours_s:8.3f} s      {base_s:8.3f} s          {ours_s / base_s:5.2f}")
    (n0, t0, b0), (n1, t1, b1) = results[0], results[-1]
    print(f"growth {n0} -> {n1} articles (x{n1 // n0}): ours x{t1 / t0:.1f}, baseline x{b1 / b0:.1f} "
          f"(linear would be x{n1 / n0:.0f}, quadratic x{(n1 / n0) ** 2:.0f})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
