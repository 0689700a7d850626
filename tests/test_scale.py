"""A small, fast version of benchmarks/scale.py: many articles and a long one through build().

No timing assertions (the full-size runs, 500 articles and 5 MB, are in benchmarks/scale.py and
docs/benchmarks.md); these check that a crowded day still gives exactly one page and says what it
left out, and that a long article builds.
"""

from __future__ import annotations

import importlib.util
import json
import random
from pathlib import Path

import pytest
from pypdf import PdfReader

from briefing.pipeline import build

ROOT = Path(__file__).resolve().parents[1]


def _scale_module():
    spec = importlib.util.spec_from_file_location("benchmarks_scale", ROOT / "benchmarks" / "scale.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


scale = _scale_module()


def test_generated_articles_are_varied_news_without_repeated_lines():
    rng = random.Random(3)
    seen: set[str] = set()
    texts = [scale.news_article(rng, 2500, seen) for _ in range(5)]
    assert len(set(texts)) == 5
    lines = [line for t in texts for line in t.splitlines()[1:-1]]  # paragraphs, not headline/byline
    assert len(lines) == len(set(lines))
    body = " ".join(texts)
    assert "\u201c" in body and " said" in body  # quotes with attributions
    assert any(f"{name}, {title}," in body for name, title, _ in scale.PEOPLE)  # names with titles
    big = scale.news_article(random.Random(4), 300_000)
    assert 300_000 <= len(big) < 302_000
    assert len(big.splitlines()) == len(set(big.splitlines()))


@pytest.fixture(scope="module")
def crowded_day(tmp_path_factory):
    """40 generated articles of 2-3 KB reporting 20 different events, built into a brief."""
    inbox = tmp_path_factory.mktemp("inbox40")
    rng = random.Random(11)
    seen: set[str] = set()
    for k in range(40):
        text = scale.news_article(rng, rng.randint(2000, 3000), seen, event=k % 20)
        (inbox / f"{k:02d}.txt").write_text(text, encoding="utf-8")
    out = tmp_path_factory.mktemp("out40")
    return build([inbox], out_dir=out)


def test_forty_articles_give_exactly_one_page(crowded_day):
    assert crowded_day.pages == 1
    assert len(PdfReader(crowded_day.outputs["pdf"]).pages) == 1
    assert not crowded_day.skipped


def test_forty_articles_say_what_was_left_out(crowded_day):
    data = json.loads(crowded_day.outputs["json"].read_text(encoding="utf-8"))
    assert data["omitted"], "40 articles cannot all fit on one page; the JSON must say what was left out"
    assert any("not shown: listed in brief.json" in note for note in data["omitted"])
    assert len(data["articles"]) == 40  # every article's record, shown or not
    assert 1 <= sum(1 for a in data["articles"] if a["printed"]) < 40  # what the page printed of each
    assert all(a["summary"] for a in data["articles"])  # each article's own summary, printed or not


def test_forty_articles_keep_key_points(crowded_day):
    """Key points are the day's summary, one per leading story: they stay on the page even when
    their story's block does not, citing it by number (the sources list names it)."""
    data = json.loads(crowded_day.outputs["json"].read_text(encoding="utf-8"))
    stories = data["stories"]
    assert len(data["key_points"]) >= min(3, len(stories))
    assert len(data["quotes"]) >= 3 and data["participants"]
    assert {kp["article"] for kp in data["key_points"]} <= {a["id"] for a in data["articles"]}
    shown = [s["id"] for s in stories if s["shown"]]
    text = " ".join(p.extract_text() for p in PdfReader(crowded_day.outputs["pdf"]).pages)
    for kp in data["key_points"]:
        assert kp["story"] in [s["id"] for s in stories]
        if kp["story"] in shown:
            assert f"[{shown.index(kp['story']) + 1}]" in text  # the page cites its story by number


def test_a_300_kb_article_builds_one_page(tmp_path):
    src = tmp_path / "long.txt"
    src.write_text(scale.news_article(random.Random(5), 300_000), encoding="utf-8")
    result = build([src], out_dir=tmp_path / "out")
    assert len(PdfReader(result.outputs["pdf"]).pages) == 1
    data = json.loads(result.outputs["json"].read_text(encoding="utf-8"))
    assert data["key_points"] and data["quotes"] and data["participants"]
    assert len(result.brief.articles[0].sentences) > 1500
