"""Stories across days on ECB+: two days built from the development half, statuses and openings.

Run from the repository root:  .venv/bin/python benchmarks/since.py [--sweep] [--speed] [--render DIR]

Evaluation data is read by path from ../shared/eval/stories (never copied into the repo).

ECB+ holds 20 topics, each with two different events of the same kind (two earthquakes, two
rehab stays). The topics are split in two halves (crc32 of the topic number, even or odd):
half 0 tunes what brief.json keeps (`history.TERMS_KEPT`, `--sweep`), half 1 checks. Within a
half the topics, in order, take three roles in turn:

- continuing: day 1 has the first part of the topic's larger event (its articles by id), day 2
  the rest of it and the topic's other event, a look-alike that must be `new`;
- quiet: day 1 has one event whole, day 2 nothing of the topic (the page names it, "No new
  reports");
- new: day 2 has one event, day 1 nothing of the topic.

Day 1 is assembled, written as brief.json and read back (`history.load_brief`), as `daily` does;
day 2 is assembled with day 1 as its history. Each day-2 story stands for the gold event most of
its articles report. Measured:

- statuses: every story of a continuing event is `continuing` and its `previous` is a day-1
  story of that event; every story of a look-alike or new event is `new` (target: all);
- quiet: the quiet events' day-1 stories are named in the brief's ``no_new_reports``;
- openings: the share of the continuing stories whose summary opens with news, a first sentence
  with token F1 below 0.5 against every sentence of the event's day-1 articles (target: two of
  three, reached by the update summary: `stories.story_summary(..., earlier=...)`);
- key points with news: of the continuing stories that give a key point, those whose point passes
  the same test.
"""

from __future__ import annotations

import argparse
import dataclasses
import datetime as dt
import json
import re
import sys
import tempfile
import zlib
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

import stories as story_bench  # noqa: E402

from briefing.analyze.article import analyze_article  # noqa: E402
from briefing.brief import history  # noqa: E402
from briefing.brief.assemble import assemble_brief  # noqa: E402

DAY_1 = dt.date(2024, 3, 4)
DAY_2 = DAY_1 + dt.timedelta(days=1)
NEWS_F1 = 0.5
"""An opening sentence with token F1 below this against every day-1 sentence says something day 1
did not (the issue's measure)."""
ROLES = ("continuing", "quiet", "new")
SWEEP = [
    {"words": 30, "names": 15, "years": 4, "numbers": 8},
    {"words": 60, "names": 25, "years": 6, "numbers": 12},
    {"words": 100, "names": 40, "years": 8, "numbers": 20},
    {"words": 100000, "names": 100000, "years": 100000, "numbers": 100000},
]
_TOKEN = re.compile(r"\w+")


def topic_half(row: dict) -> int:
    return zlib.crc32(str(row["topic"]).encode("utf-8")) % 2


def plan_days(rows: list[dict], rotation: int = 0) -> tuple[list[dict], list[dict], dict[str, str]]:
    """Day 1's rows, day 2's rows, and each gold event's role (continuing, lookalike, quiet, new);
    `rotation` shifts the roles, so that over three rotations each topic takes each."""
    by_event: dict[str, list[dict]] = {}
    for r in sorted(rows, key=lambda r: r["id"]):
        by_event.setdefault(r["story"], []).append(r)
    topics = sorted({r["topic"] for r in rows})
    day1, day2, roles = [], [], {}
    for n, topic in enumerate(topics):
        events = sorted((e for e in by_event if by_event[e][0]["topic"] == topic),
                        key=lambda e: (-len(by_event[e]), e))
        role = ROLES[(n + rotation) % len(ROLES)]
        main = by_event[events[0]]
        if role == "continuing" and len(main) >= 2 and len(events) == 2:
            cut = (len(main) + 1) // 2
            day1 += main[:cut]
            day2 += main[cut:] + by_event[events[1]]
            roles[events[0]], roles[events[1]] = "continuing", "lookalike"
        elif role == "quiet" or (role == "continuing"):
            day1 += main
            roles[events[0]] = "quiet"
        else:
            day2 += main
            roles[events[0]] = "new"
    return day1, day2, roles


def majority(labels: list[str]) -> str:
    return Counter(labels).most_common(1)[0][0]


def token_f1(a: str, b: str) -> float:
    x, y = Counter(_TOKEN.findall(a.lower())), Counter(_TOKEN.findall(b.lower()))
    common = sum((x & y).values())
    if not common:
        return 0.0
    p, r = common / sum(x.values()), common / sum(y.values())
    return 2 * p * r / (p + r)


def is_news(sentence: str, earlier: list[str]) -> bool:
    """Token F1 below `NEWS_F1` with every one of the `earlier` sentences."""
    return max((token_f1(sentence, t) for t in earlier), default=0.0) < NEWS_F1


def two_days(rows: list[dict], analyzed: dict[str, object], folder: Path, rotation: int = 0) -> Counter:
    """Build both days (assembled, day 1 through its brief.json) and score day 2."""
    day1, day2, roles = plan_days(rows, rotation)
    first = assemble_brief([analyzed[r["id"]] for r in day1], date=DAY_1)
    path = folder / "day1.json"
    path.write_text(json.dumps(first.to_json(), ensure_ascii=False), encoding="utf-8")
    earlier = history.load_brief(path)
    second = assemble_brief([analyzed[r["id"]] for r in day2], date=DAY_2, history=[earlier])
    gold1 = {f"{r['id']}.txt": r["story"] for r in day1}
    gold2 = [r["story"] for r in day2]
    day1_event = {s.id: majority([gold1[first.articles[i].article.path] for i in s.articles]) for s in first.stories}
    day1_sentences: dict[str, list[str]] = {}
    for r in day1:
        day1_sentences.setdefault(r["story"], []).extend(analyzed[r["id"]].sentences)
    return score(second, gold2, roles, day1_event, day1_sentences, first)


def score(second, gold2, roles, day1_event, day1_sentences, first) -> Counter:
    out = Counter()
    openings = []
    for story in second.stories:
        event = majority([gold2[i] for i in story.articles])
        role = roles[event]
        out[f"{role} stories"] += 1
        if role == "continuing":
            right = story.status == "continuing" and day1_event.get((story.previous or {}).get("id")) == event
            out["continuing right"] += right
            if right and story.summary:
                a, s = story.summary[0]
                openings.append(is_news(second.articles[a].sentences[s], day1_sentences[event]))
            point = next((p for p in second.key_points if p.story == story.id), None)
            if right and point is not None:
                out["key points"] += 1
                out["key points with news"] += is_news(point.text, day1_sentences[event])
        else:
            out[f"{role} right"] += story.status == "new"
    quiet_events = {e for e, r in roles.items() if r == "quiet"}
    named = {q["id"] for q in second.quiet}
    quiet_ids = {s.id for s in first.stories if day1_event[s.id] in quiet_events and s.shown}
    out["quiet stories"] = len(quiet_ids)
    out["quiet named"] = len(quiet_ids & named)
    out["openings"] = len(openings)
    out["opens with news"] = sum(openings)
    return out


def statuses_right(result: dict) -> float:
    """Share of day-2 stories whose status (and, continuing, whose previous story) is right."""
    total = sum(result.get(f"{r} stories", 0) for r in ("continuing", "lookalike", "new"))
    right = sum(result.get(f"{r} right", 0) for r in ("continuing", "lookalike", "new"))
    return right / total if total else 0.0


def run(halves=(0, 1), analyzed: dict | None = None) -> dict[int, Counter]:
    """Each half's counts, summed over the three rotations of the roles."""
    rows = story_bench.load()
    if analyzed is None:
        analyzed = {r["id"]: analyze_article(story_bench.article_of(r)) for r in rows}
    results = {}
    with tempfile.TemporaryDirectory() as tmp:
        for half in halves:
            rows_half = [r for r in rows if topic_half(r) == half]
            results[half] = sum((two_days(rows_half, analyzed, Path(tmp), k) for k in range(len(ROLES))), Counter())
    return results


def render_days(half: int, out: Path) -> None:
    """Both days of `half` through the real pipeline (`build ... --since`), to look at."""
    from briefing.pipeline import build

    rows = [r for r in story_bench.load() if topic_half(r) == half]
    day1, day2, _ = plan_days(rows)
    for date, day_rows in ((DAY_1, day1), (DAY_2, day2)):
        inbox = out / "inbox" / date.isoformat()
        inbox.mkdir(parents=True, exist_ok=True)
        for r in day_rows:
            lines = [line.strip() for line in r["text"].split("\n") if line.strip()]
            (inbox / f"{r['id']}.txt").write_text(lines[0] + "\n\n" + "\n\n".join(lines[1:]) + "\n", encoding="utf-8")
        since = [out / DAY_1.isoformat()] if date == DAY_2 else []
        result = build([inbox], out / date.isoformat(), date=date, since=since)
        print(f"{date}: {out / date.isoformat() / 'brief.pdf'} ({result.pages} page)")


def speed(sizes=(100, 300, 1000), days: int = 7) -> None:
    """`link_stories` against `build_stories` on the same day (ECB+ texts reused into larger days
    as benchmarks/stories.py makes them), with `days` earlier briefs that are that same day: every
    story continues on every day, the worst case for the matching."""
    import time

    from briefing.brief.stories import build_stories

    rows = story_bench.load()
    analyzed, _ = story_bench.analyze_rows(rows)
    with tempfile.TemporaryDirectory() as tmp:
        for n in sizes:
            day = story_bench.synthetic_day(rows, analyzed, n)
            start = time.perf_counter()
            stories = build_stories(day)
            build_t = time.perf_counter() - start
            path = Path(tmp) / f"{n}.json"
            path.write_text(json.dumps(assemble_brief(day, date=DAY_1).to_json()), encoding="utf-8")
            start = time.perf_counter()
            earlier = history.load_brief(path)
            briefs = [dataclasses.replace(earlier, date=DAY_1 - dt.timedelta(days=k)) for k in range(days)]
            history.link_stories(stories, day, briefs, DAY_2)
            link_t = time.perf_counter() - start
            print(f"{n:5d} articles: build_stories {build_t:.2f} s, reading the brief and matching with {days} "
                  f"days of it {link_t:.2f} s, ratio {link_t / build_t:.2f}")
            update_speed(rows, analyzed, n, days, Path(tmp))


def update_speed(rows: list[dict], analyzed: list, n: int, days: int, folder: Path) -> None:
    """`assemble_brief` of a day of `n` articles alone, and with `days` earlier briefs made of other
    days drawn from the same events (`stories.synthetic_day` with other seeds): every story continues
    and knows what they said, so the update summaries and the key points' check do their most work."""
    import time

    from briefing.brief.stories import build_stories

    day = story_bench.synthetic_day(rows, analyzed, n)
    briefs = []
    for k in range(1, days + 1):
        path = folder / f"earlier-{n}-{k}.json"
        earlier_day = story_bench.synthetic_day(rows, analyzed, n + k)
        path.write_text(json.dumps(assemble_brief(earlier_day, date=DAY_1).to_json()), encoding="utf-8")
        briefs.append(dataclasses.replace(history.load_brief(path), date=DAY_2 - dt.timedelta(days=k)))
    start = time.perf_counter()
    alone = assemble_brief(day, date=DAY_2)
    alone_t = time.perf_counter() - start
    start = time.perf_counter()
    since = assemble_brief(day, date=DAY_2, history=briefs)
    since_t = time.perf_counter() - start
    stories = build_stories(day, summarize=False)
    start = time.perf_counter()
    history.link_stories(stories, day, briefs, DAY_2)
    link_t = time.perf_counter() - start
    continuing = [s for s in since.stories if s.status == "continuing"]
    known = max((len(s.known) for s in continuing), default=0)
    print(f"{n:5d} articles: assemble_brief alone {alone_t:.2f} s ({len(alone.stories)} stories), with {days} earlier "
          f"briefs {since_t:.2f} s ({len(continuing)} continuing, up to {known} known sentences; the matching "
          f"{link_t:.2f} s of it), ratio {since_t / alone_t:.2f}, without the matching {(since_t - link_t) / alone_t:.2f}")


def report(results: dict[int, dict]) -> None:
    for half, r in results.items():
        label = "tuning" if half == 0 else "check"
        print(f"half {half} ({label}): statuses right {statuses_right(r):.3f}  "
              f"continuing {r.get('continuing right', 0)}/{r.get('continuing stories', 0)}  "
              f"look-alikes new {r.get('lookalike right', 0)}/{r.get('lookalike stories', 0)}  "
              f"new {r.get('new right', 0)}/{r.get('new stories', 0)}  "
              f"quiet named {r['quiet named']}/{r['quiet stories']}  "
              f"open with news {r['opens with news']}/{r['openings']}  "
              f"key points with news {r['key points with news']}/{r['key points']}")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--sweep", action="store_true", help="try the TERMS_KEPT candidates on both halves")
    parser.add_argument("--speed", action="store_true", help="time the matching against build_stories")
    parser.add_argument("--render", metavar="DIR", help="also build both days of each half as PDFs into DIR/halfN/")
    args = parser.parse_args()
    if args.sweep:
        rows = story_bench.load()
        analyzed = {r["id"]: analyze_article(story_bench.article_of(r)) for r in rows}
        for kept in SWEEP:
            history.TERMS_KEPT.clear()
            history.TERMS_KEPT.update(kept)
            print(kept)
            report(run(analyzed=analyzed))
        return 0
    report(run())
    if args.speed:
        speed()
    if args.render:
        for half in (0, 1):
            render_days(half, Path(args.render) / f"half{half}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
