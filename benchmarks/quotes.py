"""Quotes and people against the Gender Gap Tracker dev half and textacy's cases.

Run from the repository root:  .venv/bin/python benchmarks/quotes.py [--verbose] [--half=even|odd]

Direct quotes: gold quotes with direct=true and 3+ words; a prediction matches a
gold quote of the same article when their token F1 is >= 0.6 (one-to-one, best
first). Speaker accuracy: on matched quotes, the predicted speaker equals the
annotated full name (case-insensitive, runs of spaces collapsed: a few gold
names carry stray spaces). People: predicted participant names against the
annotators' `people` list (exact full name, same normalisation). `--half=even`
or `--half=odd` scores only the articles with an even or odd index, to check
that a rule helps both halves and is not fitted to a few articles.
A regex-only baseline (pair the marks, keep 3+ word quotes, take the nearest
capitalised word pair next to "said") runs in the same pass.
"""

from __future__ import annotations

import json
import re
import sys
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from briefing.model import Article  # noqa: E402
from briefing.people import find_participants, people_index  # noqa: E402
from briefing.quotes import extract_quotes  # noqa: E402
from briefing.sentences import sentence_spans  # noqa: E402

EVAL = Path(__file__).resolve().parents[1].parent / "shared" / "eval"
_TOK = re.compile(r"\w+(?:[-'’]\w+)*")


def toks(s: str) -> list[str]:
    return [t.lower().replace("’", "'") for t in _TOK.findall(s)]


def token_f1(a: str, b: str) -> float:
    ta, tb = Counter(toks(a)), Counter(toks(b))
    common = sum((ta & tb).values())
    if not common:
        return 0.0
    p, r = common / sum(ta.values()), common / sum(tb.values())
    return 2 * p * r / (p + r)


def article_from(row: dict, i: int) -> Article:
    paras = [p.strip() for p in re.split(r"\n\s*\n|\n", row["text"]) if p.strip()]
    byline = ", ".join(a for a in row.get("authors") or [] if a) or None
    return Article(path=f"ggt/{i}", title="", paragraphs=paras, byline=byline)


def match(pred: list[tuple[str, str | None]], gold: list[tuple[str, str | None]]):
    pairs = []
    for i, (pt, _ps) in enumerate(pred):
        for j, (gt, _gs) in enumerate(gold):
            f = token_f1(pt, gt)
            if f >= 0.6:
                pairs.append((f, i, j))
    pairs.sort(reverse=True)
    used_p, used_g, out = set(), set(), []
    for f, i, j in pairs:
        if i in used_p or j in used_g:
            continue
        used_p.add(i)
        used_g.add(j)
        out.append((i, j))
    return out


def baseline(text: str) -> list[tuple[str, str | None]]:
    out = []
    for m in re.finditer(r"[“\"]([^”\"\n]+)[”\"]", text):
        q = m.group(1).strip().rstrip(",")
        if len(toks(q)) < 3:
            continue
        after = text[m.end():m.end() + 60]
        sm = re.match(r",?\s*(?:said|says)\s+([A-Z]\w+(?:\s[A-Z]\w+)?)", after) or re.match(
            r",?\s*([A-Z]\w+(?:\s[A-Z]\w+)?)\s+(?:said|says)", after)
        out.append((q, sm.group(1) if sm else None))
    return out


def prf(tp, np_, ng):
    p = tp / np_ if np_ else 0.0
    r = tp / ng if ng else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return p, r, f


def same_name(a: str | None, b: str | None) -> bool:
    """Names compare case-insensitively with runs of spaces collapsed (the gold has stray spaces)."""
    return " ".join((a or "").lower().split()) == " ".join((b or "").lower().split())


def run_ggt(verbose: bool = False, half: str | None = None) -> dict:
    rows = [json.loads(line) for line in (EVAL / "quotes" / "ggt_dev.jsonl").open(encoding="utf-8")]
    stats = Counter()
    t0 = time.perf_counter()
    tb = 0.0
    for i, row in enumerate(rows):
        if half is not None and i % 2 != (half == "odd"):
            continue  # --half even|odd: check that a change helps both halves
        stats["articles"] += 1
        art = article_from(row, i)
        text = art.text
        spans = sentence_spans(text)
        index = people_index(art, spans)
        qs = extract_quotes(art, spans, index=index)
        parts = find_participants(art, spans, qs, index=index)
        for q in qs:
            assert text[q.span[0]:q.span[1]] == q.text
        gold = [(g["quote"], g["speaker"]) for g in row["quotes"]
                if g.get("direct") and len(toks(g["quote"])) >= 3]
        pred = [(q.text, q.speaker) for q in qs if len(toks(q.text)) >= 3]
        m = match(pred, gold)
        stats["q_pred"] += len(pred)
        stats["q_gold"] += len(gold)
        stats["q_tp"] += len(m)
        for pi, gi in m:
            ok = same_name(pred[pi][1], gold[gi][1])
            stats["spk_ok"] += ok
            if verbose and not ok:
                print(f"  [{i}] speaker {pred[pi][1]!r} != {gold[gi][1]!r}: {gold[gi][0][:60]!r}")
        if verbose:
            mp, mg = {a for a, _ in m}, {b for _, b in m}
            for k, (t, s) in enumerate(pred):
                if k not in mp:
                    print(f"  [{i}] FP {s!r}: {t[:80]!r}")
            for k, (t, s) in enumerate(gold):
                if k not in mg:
                    print(f"  [{i}] FN {s!r}: {t[:80]!r}")
        # people
        gp = {" ".join(p.lower().split()) for p in row.get("people") or []}
        pp = {" ".join(p.name.lower().split()) for p in parts}
        stats["p_pred"] += len(pp)
        stats["p_gold"] += len(gp)
        stats["p_tp"] += len(pp & gp)
        if verbose:
            for x in sorted(pp - gp):
                print(f"  [{i}] person FP {x!r}")
            for x in sorted(gp - pp):
                print(f"  [{i}] person FN {x!r}")
        # baseline
        b0 = time.perf_counter()
        bpred = baseline(text)
        tb += time.perf_counter() - b0
        bm = match(bpred, gold)
        stats["b_pred"] += len(bpred)
        stats["b_tp"] += len(bm)
        for pi, gi in bm:
            stats["b_spk_ok"] += same_name(bpred[pi][1], gold[gi][1])
    stats["time"] = time.perf_counter() - t0
    return stats


def run_textacy() -> tuple[int, int]:
    path = EVAL / "quotes" / "textacy_cases.jsonl"
    ok = n = 0
    for line in path.open(encoding="utf-8"):
        case = json.loads(line)
        text = case["text"]
        art = Article(path="textacy", title="", paragraphs=[text])
        qs = extract_quotes(art, sentence_spans(text))
        n += 1
        got = [(q.text, (q.speaker or "")) for q in qs]
        if "expected" not in case:  # speaker-only cases: every named speaker token found
            flat = case.get("expected_speaker_tokens_flat") or []
            names = {t for t in flat if t[:1].isupper() and t.lower() not in ("he", "she", "they")}
            found = " ".join(g[1] for g in got)
            good = bool(got) and all(t in found for t in names)
            ok += good
            if not good and "-v" in sys.argv:
                print("  textacy FAIL:", text[:90], "| got", got, "| want", flat)
            continue
        exp = case["expected"]
        want = [(c["content"].strip("\"“”‘’ ").rstrip(",").strip(), " ".join(c["speaker_tokens"])) for c in exp]
        good = len(got) == len(want) and all(
            token_f1(g[0], w[0]) >= 0.9
            and (w[1].lower() in ("he", "she", "they") or w[1].split()[-1].lower() in g[1].lower())
            for g, w in zip(got, want))
        ok += good
        if not good and "-v" in sys.argv:
            print("  textacy FAIL:", text[:90], "| got", got, "| want", want)
    return ok, n


def main() -> int:
    verbose = "-v" in sys.argv or "--verbose" in sys.argv
    half = next((a.split("=", 1)[1] for a in sys.argv if a.startswith("--half=")), None)
    s = run_ggt(verbose, half)
    p, r, f = prf(s["q_tp"], s["q_pred"], s["q_gold"])
    bp, br, bf = prf(s["b_tp"], s["b_pred"], s["q_gold"])
    pp, pr, pf = prf(s["p_tp"], s["p_pred"], s["p_gold"])
    ok, n = run_textacy()
    print(f"GGT dev: {s['articles']} articles, {s['q_gold']} gold direct quotes (3+ words)")
    print(f"direct quotes   briefing  P {p:.3f}  R {r:.3f}  F1 {f:.3f}  "
          f"speaker right {s['spk_ok'] / max(1, s['q_tp']):.3f} ({s['spk_ok']}/{s['q_tp']})")
    print(f"direct quotes   regex     P {bp:.3f}  R {br:.3f}  F1 {bf:.3f}  "
          f"speaker right {s['b_spk_ok'] / max(1, s['b_tp']):.3f} ({s['b_spk_ok']}/{s['b_tp']})")
    print(f"people named    briefing  P {pp:.3f}  R {pr:.3f}  F1 {pf:.3f}  ({s['p_tp']} of {s['p_gold']} gold, {s['p_pred']} predicted)")
    print(f"textacy cases   {ok}/{n} passed")
    print(f"time            {s['time']:.2f}s for the GGT half")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
