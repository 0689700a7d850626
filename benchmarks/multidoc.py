"""Story summaries: our multi-document summarizer against Lead and sumy's LexRank and Luhn.

Run from the repository root:

    .venv/bin/python benchmarks/multidoc.py              # quality on both sets, then speed
    .venv/bin/python benchmarks/multidoc.py --no-speed   # quality only

Reads ../shared/eval/summaries/duc2003_task2.jsonl (30 clusters of about 10 wire articles, four
100-word human summaries each) and multiling2011_en.jsonl (10 clusters, three 250-word
summaries), never copied into the repository. Each article is cleaned as ingest cleans a file
(datelines out) with the date the set gives it, and analyzed by `analyze_article`; each cluster
is then summarized as one story by `briefing.brief.stories.story_summary`, the function that
writes a story's summary on the page and `briefing summarize`'s output, at the set's budget.

Scored as the field scores: the summary cut at the budget (100 or 250 words), ROUGE-1 and
ROUGE-2 recall with Porter stemming (rouge-score), averaged over the references, then over the
clusters. DUC 2003 is split in halves by id (crc32(id) % 2: half A for tuning, half B to check).
In the same run: Lead (the newest article's first sentences), sumy's LexRank and Luhn over all
the cluster's sentences (taken in their rank order until the budget is full, then cut, as
SumRepo cuts them), and our objective solved greedily instead of exactly.

Speed: `briefing summarize` on the ten files of a cluster, in a fresh process, against start-up
alone (Python and the imports) and the same process up to the summary (reading and analysing the
files), best of five each, alternating.
"""

from __future__ import annotations

import argparse
import dataclasses
import json
import re
import subprocess
import sys
import tempfile
import time
import zlib
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

EVAL = ROOT.parent / "shared" / "eval" / "summaries"
SETS = {"duc2003": EVAL / "duc2003_task2.jsonl", "multiling2011": EVAL / "multiling2011_en.jsonl"}
SYSTEMS = ("ours", "ours, greedy", "lead", "lexrank", "luhn")
LABELS = {
    "ours": "ours (`story_summary`, ILP)",
    "ours, greedy": "ours, objective solved greedily",
    "lead": "Lead (newest article's first sentences)",
    "lexrank": "sumy LexRank",
    "luhn": "sumy Luhn",
}


def load(name: str) -> list[dict]:
    with SETS[name].open(encoding="utf-8") as fh:
        return [json.loads(line) for line in fh if line.strip()]


def half(cluster_id: str) -> str:
    """The half a cluster is in, by its id: "A" (tuning) or "B" (check)."""
    return "AB"[zlib.crc32(cluster_id.encode()) % 2]


def analyzed_cluster(cluster: dict, dated: bool = True) -> list:
    """The cluster's articles as the pipeline sees them: cleaned like a file, with the set's date
    (as a feed or page gives it), analyzed."""
    from briefing.analyze.article import analyze_article
    from briefing.ingest.clean import clean_text

    out = []
    for k, a in enumerate(cluster["articles"]):
        article = clean_text(a["text"], f"/{cluster['id']}/{k:02d}-{a['id']}.txt")
        if dated and a.get("date"):
            article = dataclasses.replace(article, date=a["date"])
        out.append(analyze_article(article))
    return out


def cut(text: str, words: int) -> str:
    return " ".join(text.split()[:words])


def fill(ranked_sentences: list[str], words: int) -> str:
    """Sentences in rank order until the budget is full (the last one cut by `cut`)."""
    out, used = [], 0
    for s in ranked_sentences:
        if used >= words:
            break
        out.append(s)
        used += len(s.split())
    return " ".join(out)


def system_summary(system: str, analyzed: list, words: int) -> str:
    from briefing.analyze.summarize import rank_sentences

    if system in ("ours", "ours, greedy"):
        from briefing.brief.stories import story_summary

        solver = "ilp" if system == "ours" else "greedy"
        return story_summary(analyzed, list(range(len(analyzed))), words=words, solver=solver).text
    if system == "lead":
        newest = max(range(len(analyzed)), key=lambda k: (analyzed[k].article.date or "", -k))
        return fill(analyzed[newest].sentences, words)
    sentences = [s for a in analyzed for s in a.sentences]
    return fill([sentences[i] for i in rank_sentences(sentences, system)], words)


def recall(scorer, references: list[str], summary: str) -> tuple[float, float]:
    r1 = r2 = 0.0
    for ref in references:
        s = scorer.score(ref, summary)
        r1 += s["rouge1"].recall
        r2 += s["rouge2"].recall
    return 100 * r1 / len(references), 100 * r2 / len(references)


def quality(name: str, systems=SYSTEMS, dated: bool = True) -> dict:
    """{system: {"all"|"A"|"B": (R-1, R-2)}} on one set (halves only for DUC 2003)."""
    from rouge_score import rouge_scorer

    scorer = rouge_scorer.RougeScorer(["rouge1", "rouge2"], use_stemmer=True)
    per: dict = {s: [] for s in systems}
    for cluster in load(name):
        analyzed = analyzed_cluster(cluster, dated)
        words = int(cluster.get("words") or 100)
        for system in systems:
            summary = cut(system_summary(system, analyzed, words), words)
            per[system].append((half(cluster["id"]), recall(scorer, cluster["references"], summary)))
    out = {}
    for system, rows in per.items():
        groups = {"all": [r for _, r in rows]}
        if name == "duc2003":
            groups.update({h: [r for g, r in rows if g == h] for h in "AB"})
        out[system] = {g: tuple(sum(r[k] for r in rs) / len(rs) for k in (0, 1)) for g, rs in groups.items()}
    return out


def print_quality(name: str, result: dict) -> None:
    groups = list(next(iter(result.values())))
    print(f"\n{name}: ROUGE recall, R-1 / R-2 (summary cut at the budget; Porter stemming)\n")
    print("| system | " + " | ".join(groups) + " |")
    print("|---|" + "---:|" * len(groups))
    for system, scores in result.items():
        print(f"| {LABELS.get(system, system)} | " + " | ".join(f"{scores[g][0]:.2f} / {scores[g][1]:.2f}"
                                                           for g in groups) + " |")


# --- the update summary: the newer articles, the older ones known --------------------------------

NEWS_F1 = 0.5
"""A sentence with token F1 below this against every sentence of the older articles says something
they did not (benchmarks/since.py's measure)."""


def token_f1(a: str, b: str) -> float:
    x, y = Counter(re.findall(r"\w+", a.lower())), Counter(re.findall(r"\w+", b.lower()))
    common = sum((x & y).values())
    if not common:
        return 0.0
    p, r = common / sum(x.values()), common / sum(y.values())
    return 2 * p * r / (p + r)


def split_by_date(analyzed: list) -> tuple[list[int], list[int]]:
    """The cluster's articles in two parts at a change of date (older, newer), the older part as
    close to half as a date boundary allows: an earlier brief's articles and today's. Undated
    articles go with the newer part, as the summarizer counts them. ([], all) when all share a date."""
    dates = sorted({a.article.date[:10] for a in analyzed if a.article.date})
    best, cut = None, None
    for d in dates[:-1]:
        older = sum(1 for a in analyzed if a.article.date and a.article.date[:10] <= d)
        if best is None or abs(older - len(analyzed) / 2) < best:
            best, cut = abs(older - len(analyzed) / 2), d
    if cut is None:
        return [], list(range(len(analyzed)))
    older = [k for k, a in enumerate(analyzed) if a.article.date and a.article.date[:10] <= cut]
    return older, [k for k in range(len(analyzed)) if k not in older]


def _new(sentence: str, known: list[str]) -> bool:
    return max((token_f1(sentence, k) for k in known), default=0.0) < NEWS_F1


def update_quality(name: str) -> dict:
    """{system: {"all"|"A"|"B": (R-2, sentences new, openings new, first-ranked new, clusters)}}
    for the newer part of each cluster (`split_by_date`) summarized at the set's budget, plain
    ("newer part") and as the update summary given the older part's sentences
    (`story_summary(..., earlier=...)`), and, for scale, the plain summary of the whole cluster.
    R-2 recall against the cluster's references (which cover the whole cluster); "new": token
    F1 below `NEWS_F1` with every older sentence; the opening is the summary's first sentence in
    reading order, the first-ranked what a page makes its key point. Clusters all of one date are
    left out."""
    from rouge_score import rouge_scorer

    from briefing.brief.stories import story_summary

    scorer = rouge_scorer.RougeScorer(["rouge1", "rouge2"], use_stemmer=True)
    per: dict = {s: [] for s in ("whole cluster", "newer part", "newer part, older known")}
    for cluster in load(name):
        analyzed = analyzed_cluster(cluster)
        older, newer = split_by_date(analyzed)
        if not older:
            continue
        words = int(cluster.get("words") or 100)
        known = [s for k in older for s in analyzed[k].sentences]
        runs = {"whole cluster": story_summary(analyzed, list(range(len(analyzed))), words=words),
                "newer part": story_summary(analyzed, newer, words=words),
                "newer part, older known": story_summary(analyzed, newer, words=words, earlier=known)}
        for system, summary in runs.items():
            picks = summary.sentences
            row = (recall(scorer, cluster["references"], cut(summary.text, words))[1],
                   sum(_new(p.text, known) for p in picks) / max(1, len(picks)),
                   float(bool(picks) and _new(picks[0].text, known)),
                   float(bool(summary.ranked) and _new(summary.ranked[0].text, known)))
            per[system].append((half(cluster["id"]), row))
    out = {}
    for system, rows in per.items():
        groups = {"all": [r for _, r in rows]}
        if name == "duc2003":
            groups.update({h: [r for g, r in rows if g == h] for h in "AB"})
        out[system] = {g: tuple(sum(r[k] for r in rs) / max(1, len(rs)) for k in range(4)) + (len(rs),)
                       for g, rs in groups.items()}
    return out


def print_update(name: str, result: dict) -> None:
    groups = list(next(iter(result.values())))
    print(f"\n{name}, the newer part of each cluster (R-2 recall against the whole cluster's references; "
          "new: token F1 < 0.5 with every older sentence)\n")
    print("| summary | " + " | ".join(f"{g} (R-2 / sentences new / opening new / first-ranked new)"
                                      for g in groups) + " |")
    print("|---|" + "---:|" * len(groups))
    for system, scores in result.items():
        print(f"| {system} | " + " | ".join(
            f"{scores[g][0]:.2f} / {scores[g][1]:.2f} / {scores[g][2]:.2f} / {scores[g][3]:.2f} (n={scores[g][4]})"
            for g in groups) + " |")


IMPORTS = "import briefing.cli, briefing.pipeline, briefing.brief.stories, highspy"
"""Start-up: Python and the modules `briefing summarize` imports, before it reads a file."""
ANALYSIS = """
import sys
from briefing.pipeline import analyze_paths
analyze_paths(sys.argv[1:], quotes_and_people=False)
"""
"""Everything `briefing summarize` does but the summary: start-up, reading and analysing the files."""


def speed(repeat: int = 5) -> dict:
    """Best-of-`repeat` wall times (s), alternating, of: `briefing summarize` on one DUC
    cluster's ten files ("summarize"), start-up alone ("start-up"), and the same process up to
    the summary ("analysis")."""
    cluster = load("duc2003")[0]
    exe = ROOT / ".venv" / "bin"
    with tempfile.TemporaryDirectory() as tmp:
        paths = []
        for a in cluster["articles"]:
            path = Path(tmp) / f"{a['id']}.txt"
            path.write_text(a["text"] + "\n", encoding="utf-8")
            paths.append(str(path))
        commands = {
            "summarize": [str(exe / "briefing"), "summarize", "-q", *paths],
            "start-up": [str(exe / "python"), "-c", IMPORTS],
            "analysis": [str(exe / "python"), "-c", ANALYSIS, *paths],
        }
        best = {name: float("inf") for name in commands}
        for _ in range(repeat):
            for name, command in commands.items():
                start = time.perf_counter()
                subprocess.run(command, check=True, capture_output=True)
                best[name] = min(best[name], time.perf_counter() - start)
    return best


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--no-speed", action="store_true", help="skip the timing of `briefing summarize`")
    ap.add_argument("--undated", action="store_true", help="articles without their dates (as bare files)")
    ap.add_argument("--sets", default="duc2003,multiling2011")
    ap.add_argument("--update", action="store_true",
                    help="the update summary: each cluster's newer articles summarized, the older ones known")
    args = ap.parse_args(argv)
    for name in args.sets.split(","):
        if not SETS[name].exists():
            print(f"evaluation data not found: {SETS[name]}", file=sys.stderr)
            return 1
        if args.update:
            print_update(name, update_quality(name))
            continue
        print_quality(name, quality(name, dated=not args.undated))
    if not args.no_speed:
        t = speed()
        print(f"\n`briefing summarize` on 10 articles: {t['summarize']:.2f} s; start-up (Python and imports) "
              f"{t['start-up']:.2f} s; up to the summary (reading, analysing) {t['analysis']:.2f} s. Beyond "
              f"start-up: {t['summarize'] - t['start-up']:.2f} s (ratio to start-up "
              f"{t['summarize'] / t['start-up']:.2f}); the summary itself: {t['summarize'] - t['analysis']:.2f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
