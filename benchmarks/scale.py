"""Scale benchmark: ingest (and sentence splitting) of one ~5 MB article and of a folder of 500.

Run from the repository root:  .venv/bin/python benchmarks/scale.py [--mb 5] [--files 500]

Everything is generated in a temporary folder (no network, nothing from ../shared). Times and
peak memory are given as ratios against a baseline measured in the same run on the same bytes:
reading the file(s) with plain ``Path.read_text`` (and, for memory, the size of the text).
Peak memory is Python's allocation peak (tracemalloc), which is what our code controls.
The same process also checks the bad-input handling on a folder of good and bad files.
"""

from __future__ import annotations

import argparse
import random
import sys
import tempfile
import time
import tracemalloc
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from briefing.ingest import load_articles, read_article  # noqa: E402

try:  # another engineer's module; the benchmark still runs without it
    from briefing.sentences import sentence_spans  # noqa: E402
except Exception:  # pragma: no cover
    sentence_spans = None

NAMES = ["Daniel Russel", "Kim Kyou-hyun", "Lee Soo-hyuck", "James Kelly", "Yoon Young-kwan"]
PLACES = ["Seoul", "Tokyo", "Beijing", "Washington", "Pyongyang", "Moscow"]
VERBS = ["said", "told reporters", "added", "noted", "stressed"]
WORDS = (
    "the talks officials nuclear program six-party negotiators proposal security guarantee energy "
    "assistance inspections regime allies ministry statement region sanctions dialogue summit "
    "agreement delegation envoy week plan"
).split()


def sentence(rng: random.Random) -> str:
    kind = rng.random()
    body = " ".join(rng.choice(WORDS) for _ in range(rng.randint(8, 22)))
    if kind < 0.25:
        return f"\u201c{body.capitalize()},\u201d {rng.choice(NAMES)} {rng.choice(VERBS)} in {rng.choice(PLACES)}."
    if kind < 0.35:
        return f"U.S. and Sept. {rng.randint(1, 28)} {body}."
    return f"{rng.choice(NAMES)} on Friday {body} in {rng.choice(PLACES)}."


def article(rng: random.Random, size: int, wrapped: bool = False) -> str:
    parts = ["Allies Fine-Tune NK Proposal in Tokyo", "Allies Fine-Tune NK Proposal in Tokyo"]
    n = len(parts[0]) * 2
    i = 0
    while n < size:
        para = " ".join(sentence(rng) for _ in range(rng.randint(1, 4)))
        if i % 17 == 5:
            para = f"{rng.choice(NAMES)}, a diplomat, answers questions in Seoul on Friday. (Yonhap News)"
        if wrapped and i % 5 == 0:
            words, line, lines = para.split(), [], []
            for w in words:
                line.append(w)
                if len(" ".join(line)) > 60:
                    lines.append(" ".join(line))
                    line = []
            lines.append(" ".join(line))
            para = "\n".join(x for x in lines if x)
        parts.append(para)
        n += len(para) + 1
        i += 1
    parts.append("By Shin Hyon-hee (\nheeshin@heraldcorp.com)")
    return "\n".join(parts) + "\n"


def measure(fn):
    """(result, seconds, peak bytes): timed on its own, then run again under tracemalloc."""
    t0 = time.perf_counter()
    result = fn()
    elapsed = time.perf_counter() - t0
    del result
    tracemalloc.start()
    result = fn()
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    return result, elapsed, peak


def ratio(a: float, b: float) -> str:
    return f"{a / b:.1f}x" if b else "n/a"


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--mb", type=float, default=5.0, help="size of the large article (MB)")
    ap.add_argument("--files", type=int, default=500, help="articles in the folder")
    ap.add_argument("--seed", type=int, default=7)
    args = ap.parse_args(argv)
    rng = random.Random(args.seed)

    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        big = tmp / "big.txt"
        big.write_text(article(rng, int(args.mb * 1024 * 1024), wrapped=True), encoding="utf-8")
        size = big.stat().st_size
        folder = tmp / "folder"
        folder.mkdir()
        for k in range(args.files):
            (folder / f"{k:04d}.txt").write_text(article(rng, rng.randint(2000, 8000)), encoding="utf-8")
        folder_bytes = sum(p.stat().st_size for p in folder.iterdir())

        print(f"large article: {size / 1e6:.2f} MB")
        text, t_base, m_base = measure(lambda: big.read_text(encoding="utf-8"))
        art, t_ing, m_ing = measure(lambda: read_article(big))
        print(f"  baseline read_text      {t_base:8.3f} s   peak {m_base / 1e6:7.1f} MB")
        print(f"  read_article            {t_ing:8.3f} s   peak {m_ing / 1e6:7.1f} MB"
              f"   time {ratio(t_ing, t_base)}, memory {ratio(m_ing, m_base)} of baseline")
        print(f"    -> {len(art.paragraphs)} paragraphs, {len(art.removed)} lines removed")
        if sentence_spans is not None:
            body = art.text
            spans, t_sent, m_sent = measure(lambda: sentence_spans(body))
            print(f"  sentence_spans          {t_sent:8.3f} s   peak {m_sent / 1e6:7.1f} MB"
                  f"   time {ratio(t_sent, t_base)}, memory {ratio(m_sent, m_base)} of baseline"
                  f"   ({len(spans)} sentences)")

        print(f"folder: {args.files} articles, {folder_bytes / 1e6:.2f} MB")
        files = sorted(folder.iterdir())
        _, t_base, m_base = measure(lambda: [p.read_text(encoding="utf-8") for p in files])
        (arts, errs), t_ing, m_ing = measure(lambda: load_articles([folder]))
        print(f"  baseline read_text      {t_base:8.3f} s   peak {m_base / 1e6:7.1f} MB")
        print(f"  load_articles           {t_ing:8.3f} s   peak {m_ing / 1e6:7.1f} MB"
              f"   time {ratio(t_ing, t_base)}, memory {ratio(m_ing, m_base)} of baseline"
              f"   ({len(arts)} ok, {len(errs)} errors, {1000 * t_ing / max(1, len(files)):.1f} ms/article)")
        if sentence_spans is not None:
            _, t_sent, _ = measure(lambda: [sentence_spans(a.text) for a in arts])
            print(f"  sentence_spans (all)    {t_sent:8.3f} s   time {ratio(t_sent, t_base)} of baseline")

        bad = tmp / "bad"
        bad.mkdir()
        (bad / "good.txt").write_text(article(rng, 3000), encoding="utf-8")
        (bad / "empty.txt").write_bytes(b"")
        (bad / "report.txt").write_bytes(b"%PDF-1.7\n" + bytes(range(256)) * 4)
        (bad / "image.txt").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(300))
        (bad / "windows.txt").write_bytes(article(rng, 3000).replace("\u201c", '"').replace("\u201d", '"')
                                          .encode("ascii", "ignore") + b"\x93Quoted\x94 \x97 caf\xe9.\n")
        (bad / "utf16.txt").write_bytes(article(rng, 3000).encode("utf-16"))
        (bad / "page.txt").write_text("<html><body><h1>A Page</h1><p>" + sentence(rng) + "</p></body></html>")
        arts, errs = load_articles([bad, tmp / "missing.txt"])
        print(f"bad input: {len(arts)} articles read, {len(errs)} refused")
        for e in errs:
            print(f"  {e.path.name}: {e.reason}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
