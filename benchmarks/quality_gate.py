"""Quality gate: the accuracy figures the issues ask for, checked on the development half.

Run by `.ci/run` after the test suite (`make gate`). Exits 1 when an enforced figure falls
below its target, so a change that makes sentences, summaries or quotes worse cannot land.
Targets that the project has not reached yet are printed as "tracked" and do not fail the run;
each one moves to ENFORCED once it is met. Only accuracy is gated: timings are measured, as
ratios, by the other scripts in this folder, never gated on a shared machine.

    .venv/bin/python benchmarks/quality_gate.py
"""

from __future__ import annotations

import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(HERE.parent))

import quotes as quote_bench  # noqa: E402
import page_quotes as page_bench  # noqa: E402
import sentences as sentence_bench  # noqa: E402
import since as since_bench  # noqa: E402
import stories as story_bench  # noqa: E402
import summaries as summary_bench  # noqa: E402
import extraction as extraction_bench  # noqa: E402
import multidoc as multidoc_bench  # noqa: E402
import policy_days as policy_bench  # noqa: E402

from briefing.analyze.sentences import split_sentences  # noqa: E402

ENFORCED = {
    "golden rules pass rate", "GUM news boundary F1",
    "R-1 news - Lead-3", "R-2 news - Lead-3", "R-Lsum news - Lead-3",
    "R-2 news - best sumy", "R-2 news - Lead-3 (issue 17)", "R-2 news - Lead-3, first half",
    "R-2 news - Lead-3, second half", "direct quote F1", "speaker full name right",
    "people precision", "people recall",
    "story BCubed F1 half 0", "story BCubed F1 half 1",
    "GGT quote F1 (issue 12)", "GGT speaker right (issue 12)", "GGT people precision (i12)", "GGT people recall (i12)",
    "single-mark speech found (tuning)", "single-mark speech found (check)",
    "PolNeAR a speaker compatible", "PolNeAR b speaker compatible", "PolNeAR b quote F1",
    "web body F1 (aeb dev)", "web body F1 half 1", "web body F1 half 2", "web F1 - trafilatura default",
    "DUC03 R-2 story - LexRank, half A", "DUC03 R-2 story - LexRank, half B",
    "aeb day: first 5 at level >= 1", "aeb day: first 5 at level 2", "aeb day: key points not level 0",
    "aeb day: key points not opinion", "aeb day: opinion recall", "aeb day: non-opinion not flagged",
    "aeb day: same-story pairs together", "aeb day: one page",
    "BBC days: 4 of first 5 politics/business", "BBC days: no sport/ent. key point", "BBC days: one page",
    "aeb and BBC days: at most 3 layouts", "aeb and BBC days: 1 or 2 layouts",
    "section accuracy BBC half 0 (tuning)", "section accuracy BBC half 1 (check)",
    "section accuracy aeb half 1 (tuning)", "section accuracy aeb half 2 (check)",
    "since: statuses right half 0", "since: statuses right half 1", "since: quiet stories named",
    "since: opens with news half 0", "since: opens with news half 1",
    # issue 18: the page's quotes (PolNeAR b's printed speakers are not at 0.97: tracked)
    "page quotes right ggt even", "page quotes right ggt odd", "page quotes right polnear a",
    "page quotes a page ggt even", "page quotes a page ggt odd", "page quotes a page polnear a",
    "page quotes a page polnear b",
}


def figures() -> list[tuple[str, float, float]]:
    """(name, measured, target) for every figure the issues set a target for."""
    out = []
    passed, total = sentence_bench.golden_pass(sentence_bench.load("golden_rules_en.jsonl"), split_sentences)
    out.append(("golden rules pass rate", passed / total, 0.90))
    _, _, f1 = sentence_bench.gum_scores(sentence_bench.load("gum.jsonl"), split_sentences)
    out.append(("GUM news boundary F1", f1, 0.97))

    rows = summary_bench.load()
    scores, scores_picks = {}, {}
    for algorithm in ("lead3", "news", "lexrank", "textrank", "luhn", "lsa"):
        picks, _ = summary_bench.run(rows, algorithm)
        scores_picks[algorithm] = picks
        scores[algorithm] = list(summary_bench.score(rows, picks))
    lead, news = scores["lead3"], scores["news"]
    best_sumy_r2 = max(scores[a][1] for a in ("lexrank", "textrank", "luhn", "lsa"))
    out.append(("R-1 news - Lead-3", news[0] - lead[0], 0.0))
    out.append(("R-2 news - Lead-3", news[1] - lead[1], 0.3))
    out.append(("R-Lsum news - Lead-3", news[2] - lead[2], 0.0))
    out.append(("R-2 news - best sumy", news[1] - best_sumy_r2, 3.0))
    # issue 17: +1.0 R-2 over Lead-3 on the whole half and on each of its halves
    out.append(("R-2 news - Lead-3 (issue 17)", news[1] - lead[1], 1.0))
    half = len(rows) // 2
    for label, part in (("first", slice(None, half)), ("second", slice(half, None))):
        lead_part = summary_bench.score(rows[part], [summary_bench.lead3(r["sentences"]) for r in rows[part]])
        news_part = summary_bench.score(rows[part], scores_picks["news"][part])
        out.append((f"R-2 news - Lead-3, {label} half", news_part[1] - lead_part[1], 1.0))

    stats = quote_bench.run_ggt()
    _, _, quote_f1 = quote_bench.prf(stats["q_tp"], stats["q_pred"], stats["q_gold"])
    people_p, people_r, _ = quote_bench.prf(stats["p_tp"], stats["p_pred"], stats["p_gold"])
    out.append(("direct quote F1", quote_f1, 0.90))
    out.append(("speaker full name right", stats["spk_ok"] / max(stats["q_tp"], 1), 0.90))
    out.append(("people precision", people_p, 0.85))
    out.append(("people recall", people_r, 0.85))

    ecb_rows = story_bench.load()
    ecb_analyzed, _ = story_bench.analyze_rows(ecb_rows)
    tuning_half, check_half = story_bench.story_f1(ecb_rows, ecb_analyzed)  # split by id; distance tuned on half 0
    out.append(("story BCubed F1 half 0", tuning_half, 0.90))
    out.append(("story BCubed F1 half 1", check_half, 0.90))
    # issue 20: two ECB+ days per topic half (benchmarks/since.py); what brief.json keeps tuned on half 0
    days = since_bench.run(analyzed={r["id"]: a for r, a in zip(ecb_rows, ecb_analyzed)})
    for half, counts in days.items():
        out.append((f"since: statuses right half {half}", since_bench.statuses_right(counts), 1.0))
    out.append(("since: quiet stories named", sum(c["quiet named"] for c in days.values())
                / max(1, sum(c["quiet stories"] for c in days.values())), 1.0))
    for half, counts in days.items():
        out.append((f"since: opens with news half {half}", counts["opens with news"] / max(1, counts["openings"]), 2 / 3))
    # issue 12's targets (met on data kept aside, so the dev figures must clear them too)
    out.append(("GGT quote F1 (issue 12)", quote_f1, 0.95))
    out.append(("GGT speaker right (issue 12)", stats["spk_ok"] / max(stats["q_tp"], 1), 0.92))
    out.append(("GGT people precision (i12)", people_p, 0.90))
    out.append(("GGT people recall (i12)", people_r, 0.90))
    for label, sample in (("tuning", quote_bench.SINGLE_MARK_SAMPLE), ("check", quote_bench.SINGLE_MARK_CHECK)):
        marks = quote_bench.run_single_marks(sample=sample)
        out.append((f"single-mark speech found ({label})", marks["found"] / max(1, marks["gold"]), 0.80))
    for half in ("a", "b"):
        _, _, f1, speaker = quote_bench.polnear_figures(quote_bench.run_polnear(half=half))
        out.append((f"PolNeAR {half} quote F1", f1, 0.93))
        out.append((f"PolNeAR {half} speaker compatible", speaker, 0.92))  # issue 18 (was 0.90)

    # issue 18: the speakers of the quotes the fitted page prints (days of GGT dev and PolNeAR
    # train, both halves), and enough quotes a page to be worth reading
    for kind, half in (("ggt", "even"), ("ggt", "odd"), ("polnear", "a"), ("polnear", "b")):
        right, per_page = page_bench.figures(page_bench.run_half(kind, half))
        out.append((f"page quotes right {kind} {half}", right, 0.97))
        out.append((f"page quotes a page {kind} {half}", per_page, 4.0))

    # issue 10: body text of web pages through `briefing analyze --json <URL...>` on a local server
    web = extraction_bench.quality(verbose=False)
    ours = web["briefing analyze"]
    out.append(("web body F1 (aeb dev)", ours["all"][2], 0.95))
    out.append(("web body F1 half 1", ours["half 1"][2], 0.95))
    out.append(("web body F1 half 2", ours["half 2"][2], 0.95))
    out.append(("web F1 - trafilatura default", ours["all"][2] - web["trafilatura extract() default"]["all"][2], 0.0))
    out.append(("web F1 - rs-trafilatura 0.975", ours["all"][2] - 0.975, 0.0))

    # issue 17: story summaries (`story_summary`) against sumy's LexRank, DUC 2003 halves by id
    duc = multidoc_bench.quality("duc2003", systems=("ours", "lexrank"))
    for h in "AB":
        out.append((f"DUC03 R-2 story - LexRank, half {h}", duc["ours"][h][1] - duc["lexrank"][h][1], 2.0))

    out.extend(policy_figures())
    return out


SECTION_FLOORS = {"BBC half 0 (tuning)": 0.66, "BBC half 1 (check)": 0.67, "aeb half 1 (tuning)": 0.61,
                  "aeb half 2 (check)": 0.50}
"""Issue 16 set no accuracy target for sections: these floors are what it reached (docs/benchmarks.md)
less 0.02, so that section accuracy cannot slip back unnoticed."""


def policy_figures() -> list[tuple[str, float, float]]:
    """Issue 16: the aeb day and the BBC days (benchmarks/policy_days.py), as shares where the
    issue asks for all or none."""
    fig = policy_bench.run_all()
    aeb = fig["aeb"]
    keys = max(1, aeb["key points"])
    together, pairs = aeb["same-story pairs together"]
    apart, looks = aeb["look-alike pairs apart"]
    out = [
        ("aeb day: first 5 at level >= 1", aeb["first five at level >= 1"], 4),
        ("aeb day: first 5 at level 2", aeb["first five at level 2"], 3),
        ("aeb day: key points not level 0", 1 - aeb["key points from level 0"] / keys, 1.0),
        ("aeb day: key points not opinion", 1 - aeb["key points from opinion"] / keys, 1.0),
        ("aeb day: opinion recall", aeb["opinion recall"], 0.5),  # "most opinion pages"
        ("aeb day: non-opinion not flagged", aeb["non-opinion pages not flagged"], 0.95),  # "almost no others"
        ("aeb day: same-story pairs together", together / max(1, pairs), 1.0),
        ("aeb day: look-alike pairs apart", apart / max(1, looks), 1.0),
        ("aeb day: one page", float(aeb["pages"] == 1), 1.0),
    ]
    days = [d for half in fig["bbc days"].values() for d in half]
    out += [
        ("BBC days: 4 of first 5 politics/business",
         sum(d["first five politics or business"] >= 4 for d in days) / len(days), 1.0),
        ("BBC days: no sport/ent. key point", sum(not d["key points from sport or entertainment"] for d in days)
         / len(days), 1.0),
        ("BBC days: one page", sum(d["pages"] == 1 for d in days) / len(days), 1.0),
    ]
    # issue 19: most days one or two WeasyPrint layouts, none more than three
    layouts = [aeb["layouts"]] + [d["layouts"] for d in days]
    out += [
        ("aeb and BBC days: at most 3 layouts", sum(n <= 3 for n in layouts) / len(layouts), 1.0),
        ("aeb and BBC days: 1 or 2 layouts", sum(n <= 2 for n in layouts) / len(layouts), 0.6),  # "most": 3 of 5
    ]
    sections = {"BBC half 0 (tuning)": fig["bbc sections"][0], "BBC half 1 (check)": fig["bbc sections"][1],
                "aeb half 1 (tuning)": fig["aeb sections"]["half 1"], "aeb half 2 (check)": fig["aeb sections"]["half 2"]}
    out += [(f"section accuracy {name}", value, SECTION_FLOORS[name]) for name, value in sections.items()]
    return out


def main() -> int:
    failed = []
    for name, value, target in figures():
        ok = value >= target
        kind = "enforced" if name in ENFORCED else "tracked"
        mark = "ok" if ok else ("FAIL" if kind == "enforced" else "below target")
        print(f"{name:40s} {value:8.3f}  target >= {target:<6g} {kind:9s} {mark}")
        if kind == "enforced" and not ok:
            failed.append(name)
    if failed:
        print(f"quality gate failed: {', '.join(failed)}", file=sys.stderr)
        return 1
    print("quality gate passed")
    return 0


if __name__ == "__main__":
    sys.exit(main())
