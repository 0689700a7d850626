"""Realistic days of news for the one-page brief, built from ../shared/eval (read by path, never
copied): a 40-article ECB+ day, a 35-article Canadian (GGT) + CNN/Daily Mail day and a 40-article
wire day (four DUC 2003 stories and 17 GGT articles). Run it to see how each day's page comes out:

    .venv/bin/python benchmarks/page_days.py

prints, per day, the stories formed and shown, the key points' stories, what fitting left out,
the renders, the type size, how full the page is and the two columns' heights; it writes each
page's PDF and PNG to out/page_days/ (pdftoppm -r 80) to look at. tests/test_day.py checks the
same days.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
import re
import sys
import time
from collections import defaultdict
from pathlib import Path
from urllib.parse import urlsplit

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from briefing.ingest.clean import clean_text  # noqa: E402
from briefing.model import Article, BriefingError  # noqa: E402

EVAL = ROOT.parent / "shared" / "eval"
ECBPLUS = EVAL / "stories" / "ecbplus_dev.jsonl"
GGT = EVAL / "quotes" / "ggt_dev.jsonl"
CNNDM = EVAL / "summaries" / "cnndm_dev.jsonl"
DAY = dt.date(2026, 11, 24)

STORY_SIZES = (8, 6, 5, 4, 3, 3)
"""The ECB+ day's multi-article stories (the first two: both events of one topic)."""
SINGLES = 11


def _rows(path: Path) -> list[dict]:
    if not path.exists():
        raise BriefingError(f"{path}: evaluation set missing")
    with path.open(encoding="utf-8") as f:
        return [json.loads(line) for line in f if line.strip()]


def domain(url: str) -> str | None:
    host = urlsplit(url or "").netloc.lower()
    host = host[4:] if host.startswith("www.") else host
    return host or None


def _number(row_id: str) -> int:
    m = re.match(r"\d+_(\d+)", row_id)
    return int(m.group(1)) if m else 0


def ecbplus_day() -> tuple[list[Article], dict[str, str]]:
    """40 articles: both events of the first topic with enough articles for the two largest
    stories, the larger event of the next four topics, and one article from each of eleven
    further topics. Returns the articles and each article's gold story."""
    by_story: dict[str, list[dict]] = defaultdict(list)
    for row in _rows(ECBPLUS):
        by_story[row["story"]].append(row)
    for rows in by_story.values():
        rows.sort(key=lambda r: r["id"])
    topics = sorted({r["topic"] for rows in by_story.values() for r in rows}, key=int)
    chosen: list[dict] = []
    used: set[str] = set()
    pair = next(t for t in topics if len(by_story[f"{t}a"]) >= STORY_SIZES[0]
                and len(by_story[f"{t}b"]) >= STORY_SIZES[1])
    chosen += by_story[f"{pair}a"][:STORY_SIZES[0]] + by_story[f"{pair}b"][:STORY_SIZES[1]]
    rest = [t for t in topics if t != pair]
    for t, size in zip(rest, STORY_SIZES[2:]):
        story = max((f"{t}a", f"{t}b"), key=lambda s: (len(by_story[s]), s))
        chosen += by_story[story][:size]
        used.add(t)
    singles = [t for t in rest if t not in used][:SINGLES]
    for t in singles:
        chosen.append(by_story[f"{t}a"][0])
    articles, gold = [], {}
    for row in chosen:
        lines = [line.strip() for line in row["text"].splitlines() if line.strip()]
        path = f"/day/ecb/{row['id']}.txt"
        # ECB+'s first half has no outlet: a stable name from the document number, a handful of wires
        source = domain(row["url"]) or f"Wire {_number(row['id']) % 5 + 1}"
        cleaned = clean_text("\n".join(lines[1:]), path)
        articles.append(dataclasses.replace(cleaned, title=lines[0], title_derived=False, source=source,
                                            url=row["url"] or None))
        gold[path] = row["story"]
    return articles, gold


def news_day() -> list[Article]:
    """35 articles: the first 25 Canadian articles of the GGT set (outlet and URL given) and the
    first 10 CNN / Daily Mail articles, each cleaned as ingest cleans a file (headline-less: the
    title is derived from the lead)."""
    articles = []
    for row in _rows(GGT)[:25]:
        cleaned = clean_text(row["text"], f"/day/ggt/{row['id']}.txt")
        articles.append(dataclasses.replace(cleaned, source=row["outlet"], url=row["url"]))
    for row in _rows(CNNDM)[:10]:
        cleaned = clean_text(row["article"], f"/day/cnndm/{row['id'][:12]}.txt")
        source = "CNN" if row["source_id"].startswith("cnn") else "Daily Mail"
        articles.append(dataclasses.replace(cleaned, source=source))
    return articles


DUC = EVAL / "summaries" / "duc2003_task2.jsonl"
WIRE_STORIES = (8, 6, 5, 4)
"""The wire day's multi-article stories: the newest articles of four DUC 2003 clusters."""
WIRE_OUTLETS = {"APW": "The Associated Press", "NYT": "The New York Times", "XIE": "Xinhua"}


def wire_day() -> list[Article]:
    """40 articles as a wire desk gets them: the newest 8, 6, 5 and 4 articles of the first four
    DUC 2003 clusters (datelines and all, dated, with the wire's name), and the first 17 GGT
    articles as the day's other news."""
    articles = []
    for cluster, size in zip(_rows(DUC), WIRE_STORIES):
        newest = sorted(cluster["articles"], key=lambda a: (a["date"] or "", a["id"]))[-size:]
        for a in newest:
            cleaned = clean_text(a["text"], f"/day/wire/{a['id']}.txt")
            articles.append(dataclasses.replace(cleaned, date=a["date"], source=WIRE_OUTLETS.get(a["id"][:3], "Wire")))
    for row in _rows(GGT)[:40 - sum(WIRE_STORIES)]:
        cleaned = clean_text(row["text"], f"/day/ggt/{row['id']}.txt")
        articles.append(dataclasses.replace(cleaned, source=row["outlet"], url=row["url"]))
    return articles


def main() -> None:
    import subprocess

    from briefing.analyze.article import analyze_article
    from briefing.brief.assemble import assemble_brief
    from briefing.render.fit import fit_to_page

    out = ROOT / "out" / "page_days"
    out.mkdir(parents=True, exist_ok=True)
    for name, (articles, _) in (("ecbplus", ecbplus_day()), ("news", (news_day(), None)), ("wire", (wire_day(), None))):
        start = time.perf_counter()
        brief = assemble_brief([analyze_article(a) for a in articles], date=DAY)
        rendered = fit_to_page(brief)
        took = time.perf_counter() - start
        shown = [s for s in rendered.brief.stories if s.shown]
        print(f"{name}: {len(articles)} articles, {len(brief.stories)} stories, {len(shown)} shown "
              f"(sizes {[len(s.articles) for s in shown]}); key points from stories "
              f"{[k.story for k in rendered.brief.key_points]}")
        print(f"  pages {rendered.pages}, renders {rendered.renders}, {rendered.font_size:g} pt, fill "
              f"{rendered.fill:.3f}, columns {rendered.columns[0]:.0f}/{rendered.columns[1]:.0f} px, {took:.1f} s")
        print(f"  left out: {json.dumps(rendered.omitted)}")
        (out / f"{name}.pdf").write_bytes(rendered.pdf)
        subprocess.run(["pdftoppm", "-r", "80", "-png", str(out / f"{name}.pdf"), str(out / name)], check=False)


if __name__ == "__main__":
    main()
