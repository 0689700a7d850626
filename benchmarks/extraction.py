"""Body-text quality and fetch throughput for web pages, against a local server.

Run from the repository root:

    .venv/bin/python benchmarks/extraction.py            # quality, then throughput
    .venv/bin/python benchmarks/extraction.py --no-speed # quality only

Quality: the 92 pages of ../shared/eval/web/aeb_dev (the article-extraction benchmark's dev half,
human ground truth; never copied into the repository) are served by a real HTTP server on
127.0.0.1 (tests/web_server.py), and read through the command line as a user would:
``briefing analyze --json -q <URL...>``, with an empty HTTP cache. An article's text is its
``sentences`` joined by spaces (a page in another language, which is not analysed: its ``text`` in
``not_analysed``). Scored with the benchmark's own measure: 4-token shingles of
``\\w+`` tokens; per page tp/fp/fn (normalised to sum 1); precision averaged over pages with a
prediction, recall over pages with a truth; F1 of the two averages. trafilatura's own
``extract()`` on the same page bytes, with its defaults and with ``favor_precision``, is scored in
the same run. Also on each half of the pages (sorted by id: first 46, last 46).

Throughput: 100 page URLs (the pages again under distinct query strings) spread over four
loopback hosts (127.0.0.1-4), each answer delayed 50 ms as a stand-in for the network, fetched
only (`Fetcher.fetch_many`) and fetched and extracted (`load_articles`), each once with one connection at a time and once with the client's
concurrency (8 workers, at most 2 connections per host), alternating, best of 2 each; the ratio
is what concurrency buys.
"""

from __future__ import annotations

import argparse
import gzip
import json
import os
import re
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests"))

from web_server import AEB, WebServer, page_ids  # noqa: E402

TOKEN = re.compile(r"\w+")


def shingles(text: str, n: int = 4) -> set[tuple[str, ...]]:
    tokens = TOKEN.findall(text or "")
    return {tuple(tokens[i:i + n]) for i in range(max(0, len(tokens) - n + 1))}


def page_scores(truth: str, prediction: str) -> tuple[float, float, float]:
    """Normalised (tp, fp, fn) for one page, as the benchmark computes them."""
    t, p = shingles(truth), shingles(prediction)
    tp, fp, fn = len(t & p), len(p - t), len(t - p)
    total = tp + fp + fn
    return (tp / total, fp / total, fn / total) if total else (0.0, 0.0, 0.0)


def score(pairs: list[tuple[str, str]]) -> tuple[float, float, float]:
    """(precision, recall, F1) over (truth, prediction) pairs."""
    precisions, recalls = [], []
    for truth, prediction in pairs:
        tp, fp, fn = page_scores(truth, prediction)
        if shingles(prediction):
            precisions.append(tp / (tp + fp) if tp + fp else 0.0)
        if shingles(truth):
            recalls.append(tp / (tp + fn) if tp + fn else 0.0)
    p = sum(precisions) / len(precisions) if precisions else 0.0
    r = sum(recalls) / len(recalls) if recalls else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def truth() -> dict[str, str]:
    data = json.loads((AEB / "ground-truth.json").read_text(encoding="utf-8"))
    return {key: value.get("articleBody") or "" for key, value in data.items()}


def briefing_predictions(server: WebServer, ids: list[str]) -> tuple[dict[str, str], float, str]:
    """Each page's text as `briefing analyze --json` gives it: its sentences joined by spaces."""
    urls = {server.url(f"/page/{pid}.html"): pid for pid in ids}
    with tempfile.TemporaryDirectory() as cache:
        env = dict(os.environ, XDG_CACHE_HOME=cache)
        started = time.perf_counter()
        run = subprocess.run(
            [sys.executable, "-m", "briefing", "analyze", "--json", "-q", *urls],
            capture_output=True, text=True, env=env, cwd=ROOT,
        )
        took = time.perf_counter() - started
    if run.returncode != 0:
        raise SystemExit(f"briefing analyze failed:\n{run.stderr}")
    out = {pid: "" for pid in ids}
    record = json.loads(run.stdout)
    for article in record["articles"]:
        out[urls[article["path"]]] = " ".join(article["sentences"])
    for article in record.get("not_analysed", []):  # another language: its text as ingest read it
        out[urls[article["path"]]] = " ".join(article["text"].split())
    return out, took, run.stderr.strip()


def trafilatura_predictions(ids: list[str], **options) -> dict[str, str]:
    import trafilatura

    out = {}
    for pid in ids:
        html = gzip.decompress((AEB / "html" / f"{pid}.html.gz").read_bytes())
        out[pid] = trafilatura.extract(html, **options) or ""
    return out


def quality(verbose: bool = True) -> dict[str, dict[str, tuple[float, float, float]]]:
    """{system: {"all"|"half 1"|"half 2": (P, R, F1)}}."""
    gold = truth()
    ids = page_ids()
    halves = {"all": ids, "half 1": ids[: len(ids) // 2], "half 2": ids[len(ids) // 2:]}
    with WebServer() as server:
        ours, took, notes = briefing_predictions(server, ids)
    systems = {
        "briefing analyze": ours,
        "trafilatura extract() default": trafilatura_predictions(ids),
        "trafilatura favor_precision": trafilatura_predictions(ids, favor_precision=True),
    }
    results = {name: {h: score([(gold[i], pred[i]) for i in members]) for h, members in halves.items()}
               for name, pred in systems.items()}
    if verbose:
        missing = [pid[:12] for pid in ids if not ours[pid]]
        print(f"aeb_dev: {len(ids)} pages; briefing analyze took {took:.1f} s; pages with no text: "
              f"{len(missing)} {missing}")
        if notes:
            print("  stderr:", notes.splitlines()[-1][:200])
        print(f"{'system':32s} {'P':>6s} {'R':>6s} {'F1':>6s}   {'F1 half 1':>9s} {'F1 half 2':>9s}")
        for name, r in results.items():
            p, rc, f = r["all"]
            print(f"{name:32s} {p:6.3f} {rc:6.3f} {f:6.3f}   {r['half 1'][2]:9.3f} {r['half 2'][2]:9.3f}")
    return results


def throughput(pages: int = 100, delay: float = 0.05, repeat: int = 2) -> None:
    from briefing.ingest.fetch import Fetcher, FetchRequest, FetchSettings
    from briefing.ingest.load import load_articles

    ids = page_ids()
    servers = [WebServer(host=f"127.0.0.{n}") for n in range(1, 5)]
    for server in servers:
        server.delay = delay
        server.__enter__()
    try:
        urls = [servers[k % 4].url(f"/page/{ids[k % len(ids)]}.html?copy={k}") for k in range(pages)]
        def fetch_only(settings):
            with Fetcher(settings) as fetcher:
                results = fetcher.fetch_many([FetchRequest(u, True) for u in urls])
            assert not any(isinstance(r, Exception) for r in results)

        def fetch_and_extract(settings):
            articles, errors = load_articles(urls, settings)
            assert len(articles) == pages and not errors, errors[:3]

        timings: dict[tuple[str, str], float] = {}
        for _ in range(repeat):  # alternating, best of `repeat`: the machine is shared
            for task, work in (("fetched", fetch_only), ("fetched + extracted", fetch_and_extract)):
                for label, workers in (("one at a time", 1), ("concurrent", 8)):
                    with tempfile.TemporaryDirectory() as cache:
                        started = time.perf_counter()
                        work(FetchSettings(cache_dir=Path(cache), workers=workers))
                        took = time.perf_counter() - started
                    timings[task, label] = min(took, timings.get((task, label), took))
        for task in ("fetched", "fetched + extracted"):
            serial, parallel = timings[task, "one at a time"], timings[task, "concurrent"]
            print(f"  {task:20s} one at a time {serial:6.2f} s   concurrent {parallel:6.2f} s   "
                  f"speed-up {serial / parallel:.2f}x")
        print(f"  ({pages} pages, 4 hosts, {delay * 1000:.0f} ms per answer, best of {repeat})")
    finally:
        for server in servers:
            server.__exit__()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--no-speed", action="store_true", help="skip the throughput part")
    args = parser.parse_args()
    quality()
    if not args.no_speed:
        print("throughput: 100 pages fetched and extracted")
        throughput()
    return 0


if __name__ == "__main__":
    sys.exit(main())
