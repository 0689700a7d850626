"""Sentence-boundary benchmark: Golden Rules pass rate, GUM boundary P/R/F1, speed.

Run from the repository root:  .venv/bin/python benchmarks/sentences.py

Evaluation data is read by path from ../shared/eval (never copied into the repo).

GUM matching: texts and gold sentences differ only in whitespace (gold sentences are
whitespace-normalised; the text keeps paragraph breaks and hard wraps). Removing all
whitespace from the text and from the concatenated gold sentences gives the same string,
so every sentence end is expressed as "number of non-whitespace characters before it".
A predicted boundary is correct when that count equals a gold boundary's count. The end of
the document is left out (every splitter gets it for free). We also report the figures for
boundaries inside a paragraph only (a paragraph break is given to every splitter by the
blank line, so those are the harder ones).
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from briefing.analyze.sentences import split_sentences  # noqa: E402

EVAL = Path(__file__).resolve().parents[1].parent / "shared" / "eval"
_WS = re.compile(r"\s+")


def load(name: str) -> list[dict]:
    path = EVAL / "sentences" / name
    with path.open(encoding="utf-8") as fh:
        return [json.loads(line) for line in fh if line.strip()]


def boundaries(sentences: list[str]) -> list[int]:
    """Non-whitespace character counts at each sentence end (document end dropped)."""
    out, n = [], 0
    for s in sentences:
        n += len(_WS.sub("", s))
        out.append(n)
    return out[:-1]


def paragraph_ends(text: str) -> set[int]:
    ends, n = set(), 0
    for para in re.split(r"\n[ \t]*\n", text):
        n += len(_WS.sub("", para))
        ends.add(n)
    return ends


def prf(tp: int, fp: int, fn: int) -> tuple[float, float, float]:
    p = tp / (tp + fp) if tp + fp else 1.0
    r = tp / (tp + fn) if tp + fn else 1.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return p, r, f


def gum_scores(docs: list[dict], splitter, inner_only: bool = False):
    tp = fp = fn = 0
    for d in docs:
        gold = set(boundaries(d["sentences"]))
        pred = set(boundaries(splitter(d["text"])))
        if inner_only:
            para = paragraph_ends(d["text"])
            gold -= para
            pred -= para
        tp += len(gold & pred)
        fp += len(pred - gold)
        fn += len(gold - pred)
    return prf(tp, fp, fn)


def golden_pass(cases: list[dict], splitter, show: bool = False) -> tuple[int, int]:
    ok = 0
    for c in cases:
        got = [s.strip() for s in splitter(c["text"]) if s.strip()]
        want = [s.strip() for s in c["sentences"]]
        if got == want:
            ok += 1
        elif show:
            print(f"FAIL {c.get('id')}: {c['text']!r}\n  want {want}\n  got  {got}")
    return ok, len(cases)


def timed(splitter, texts: list[str], repeat: int) -> float:
    best = float("inf")
    for _ in range(repeat):
        t0 = time.perf_counter()
        for t in texts:
            splitter(t)
        best = min(best, time.perf_counter() - t0)
    return best


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--show", action="store_true", help="print failing cases / boundary errors")
    ap.add_argument("--repeat", type=int, default=3)
    args = ap.parse_args(argv)

    golden = load("golden_rules_en.jsonl")
    gum = load("gum.jsonl")

    import pysbd
    from nltk.tokenize.punkt import PunktSentenceTokenizer

    seg = pysbd.Segmenter(language="en", clean=False)
    punkt = PunktSentenceTokenizer()  # untrained, default parameters

    def pysbd_split(text: str) -> list[str]:
        # pysbd sees paragraphs separately too, so the comparison is like for like
        return [s for p in re.split(r"\n[ \t]*\n", text) for s in seg.segment(p)]

    def punkt_split(text: str) -> list[str]:
        return [s for p in re.split(r"\n[ \t]*\n", text) for s in punkt.tokenize(p)]

    splitters = [("briefing", split_sentences), ("pySBD", pysbd_split), ("NLTK Punkt (untrained)", punkt_split)]

    print(f"{'splitter':<24} {'Golden':>9} {'GUM P':>7} {'GUM R':>7} {'GUM F1':>7} {'inner F1':>9}")
    for name, fn in splitters:
        ok, n = golden_pass(golden, fn, show=args.show and name == "briefing")
        p, r, f = gum_scores(gum, fn)
        _, _, fi = gum_scores(gum, fn, inner_only=True)
        print(f"{name:<24} {ok:>3}/{n} {100*ok/n:>3.0f}% {p:>7.4f} {r:>7.4f} {f:>7.4f} {fi:>9.4f}")

    if args.show:
        for d in gum:
            gold = set(boundaries(d["sentences"]))
            pred_s = split_sentences(d["text"])
            pred = set(boundaries(pred_s))
            flat = _WS.sub("", d["text"])
            for b in sorted(gold ^ pred):
                kind = "FN" if b in gold else "FP"
                print(f"{kind} {d['id']}: ...{flat[max(0, b-50):b]} | {flat[b:b+30]}...")

    texts = [d["text"] for d in gum] + [c["text"] for c in golden]
    size = sum(len(t) for t in texts)
    ours = timed(split_sentences, texts, args.repeat)
    t_sbd = timed(pysbd_split, texts, 1)
    t_punkt = timed(punkt_split, texts, args.repeat)
    print(f"\nSpeed on {len(texts)} texts ({size/1e3:.0f} kB), best of {args.repeat}:")
    print(f"  briefing {ours:.3f} s; pySBD {t_sbd:.3f} s ({t_sbd/ours:.1f}x slower than ours); "
          f"NLTK Punkt untrained {t_punkt:.3f} s ({t_punkt/ours:.2f}x ours)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
