"""The `briefing` command as a user meets it: help, errors in one line, JSON on stdout."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SEEDS = ROOT / "seeds"


def run(*args: str, cwd: Path = ROOT) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "briefing", *args],
        cwd=cwd, capture_output=True, text=True, timeout=300,
    )


def test_help_explains_every_command():
    result = run("--help")
    assert result.returncode == 0
    for command in ("build", "analyze", "summarize", "serve", "daily", "send"):
        assert command in result.stdout


def test_build_help_lists_its_options():
    result = run("build", "--help")
    assert result.returncode == 0
    for option in ("--out", "--title", "--date", "--page-size", "--sentences"):
        assert option in result.stdout


def test_analyze_json_prints_articles_with_summaries():
    result = run("analyze", str(SEEDS), "--json", "--sentences", "2")
    assert result.returncode == 0, result.stderr
    record = json.loads(result.stdout)
    assert len(record["articles"]) == 2
    for article in record["articles"]:
        assert len(article["summary"]) == 2
        assert all(s in article["sentences"] for s in article["summary"])


def test_missing_input_is_one_line_naming_the_path(tmp_path):
    missing = tmp_path / "nowhere.txt"
    result = run("analyze", str(missing))
    assert result.returncode != 0
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1
    assert str(missing) in lines[0]
    assert "Traceback" not in result.stderr


def test_only_unusable_inputs_fail_with_a_line_per_file(tmp_path):
    (tmp_path / "empty.txt").write_text("")
    (tmp_path / "scan.txt").write_bytes(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\x00\x00")
    result = run("build", str(tmp_path), "--out", str(tmp_path / "out"))
    assert result.returncode != 0
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 2
    assert any("empty.txt" in line for line in lines)
    assert any("scan.txt" in line for line in lines)
    assert "Traceback" not in result.stderr
    assert not (tmp_path / "out" / "brief.pdf").exists()


def test_build_with_a_bad_file_warns_and_exits_zero(tmp_path):
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    for seed in SEEDS.glob("*.txt"):
        (inbox / seed.name).write_bytes(seed.read_bytes())
    (inbox / "zero.txt").write_bytes(b"")
    out = tmp_path / "out"
    result = run("build", str(inbox), "--out", str(out), "--page-size", "letter", "--date", "2026-11-22")
    assert result.returncode == 0, result.stderr
    assert "zero.txt" in result.stderr and "warning" in result.stderr
    assert (out / "brief.pdf").exists() and (out / "brief.html").exists()
    record = json.loads((out / "brief.json").read_text())
    assert record["date"] == "2026-11-22"


def test_bad_date_is_a_usage_error():
    result = run("build", "--date", "22/11/2026")
    assert result.returncode == 2
    assert "YYYY-MM-DD" in result.stderr


def test_analyze_json_prints_the_stories_with_the_articles():
    result = run("analyze", str(SEEDS), "--json", "--focus", "North Korea, six-party talks")
    assert result.returncode == 0, result.stderr
    record = json.loads(result.stdout)
    ids = {a["id"] for a in record["articles"]}
    assert record["stories"] and {ref for s in record["stories"] for ref in s["articles"]} == ids
    for story in record["stories"]:
        assert {"id", "title", "articles", "outlets", "summary", "shown"} <= set(story)
    assert record["stories"][0]["focus"] is True


# Three invented wire reports of one port strike, for `briefing summarize`.
STRIKE = [
    ("Dock workers at the port of Carrow walked off the job on Monday, halting container traffic "
     "along the whole eastern coast.\n\nThe union said the strike would last until the port authority "
     "agreed to talks on pay and night shifts.\n\nShipping lines began diverting vessels to the southern "
     "port of Fenmouth on Monday afternoon."),
    ("Container traffic on the eastern coast stopped on Monday as dock workers at the port of Carrow "
     "went on strike over pay.\n\nThe port authority said it was ready to meet union leaders on Wednesday.\n\n"
     "Retailers warned that shelves could run short of imported goods within two weeks."),
    ("A strike by dock workers at the port of Carrow halted container traffic along the eastern coast on "
     "Monday.\n\nShipping lines diverted at least nine vessels to Fenmouth by the evening, a harbour official "
     "said.\n\nHe said the queue of ships outside Carrow was the longest in a decade."),
]


def strike_files(folder: Path) -> list[str]:
    folder.mkdir(exist_ok=True)
    paths = []
    for n, text in enumerate(STRIKE):
        path = folder / f"strike-{n}.txt"
        path.write_text(text + "\n", encoding="utf-8")
        paths.append(str(path))
    return paths


def test_summarize_prints_one_paragraph_of_whole_sentences_from_the_articles(tmp_path):
    paths = strike_files(tmp_path / "in")
    result = run("summarize", *paths, "-q")
    assert result.returncode == 0, result.stderr
    summary = result.stdout.strip()
    assert "\n" not in summary and len(summary.split()) <= 100
    sentences = [s for text in STRIKE for p in text.split("\n\n") for s in [p]]
    assert summary.startswith(tuple(sentences))
    assert sum(s in summary for s in sentences) >= 2  # drawn from several reports
    assert "He said" not in summary  # a sentence that needs the one before it


def test_summarize_json_gives_the_summary_its_sentences_and_the_articles(tmp_path):
    paths = strike_files(tmp_path / "in")
    result = run("summarize", *paths, "--json", "--words", "40", "-q")
    assert result.returncode == 0, result.stderr
    record = json.loads(result.stdout)
    assert set(record) == {"summary", "sentences", "articles"}
    assert [a["path"] for a in record["articles"]] == paths
    assert len(record["summary"].split()) <= 40
    assert record["summary"] == " ".join(s["text"] for s in record["sentences"])
    analyzed = json.loads(run("analyze", *paths, "--json", "-q").stdout)["articles"]
    for s in record["sentences"]:
        assert analyzed[s["article"]]["sentences"][s["sentence"]] == s["text"]


def test_summarize_words_is_a_hard_budget_and_sentences_caps_the_count(tmp_path):
    paths = strike_files(tmp_path / "in")
    for words in (20, 35, 60):
        record = json.loads(run("summarize", *paths, "--json", "--words", str(words), "-q").stdout)
        assert len(record["summary"].split()) <= words
    record = json.loads(run("summarize", *paths, "--json", "--sentences", "1", "-q").stdout)
    assert len(record["sentences"]) == 1


def test_summarize_help_and_bad_inputs(tmp_path):
    result = run("summarize", "--help")
    assert result.returncode == 0
    for option in ("--words", "--sentences", "--json", "one story"):
        assert option in result.stdout
    assert run("summarize").returncode == 2  # an input is required
    assert run("summarize", str(tmp_path), "--words", "0").returncode == 2
    missing = tmp_path / "nowhere.txt"
    result = run("summarize", str(missing))
    assert result.returncode == 1 and "Traceback" not in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1 and str(missing) in result.stderr
    paths = strike_files(tmp_path / "in")
    (tmp_path / "in" / "empty.txt").write_text("")
    result = run("summarize", str(tmp_path / "in"), "-q")  # a bad file beside good ones: a warning
    assert result.returncode == 0 and "empty.txt" in result.stderr and result.stdout.strip()
    assert len(paths) == 3


def test_build_since_an_earlier_brief_marks_the_stories_it_continues(tmp_path):
    first = run("build", str(SEEDS), "--out", str(tmp_path / "day1"), "--date", "2024-05-01", "-q")
    assert first.returncode == 0, first.stderr
    second = run("build", str(SEEDS), "--out", str(tmp_path / "day2"), "--date", "2024-05-02", "-q",
                 "--since", str(tmp_path / "day1"))
    assert second.returncode == 0, second.stderr
    record = json.loads((tmp_path / "day2" / "brief.json").read_text())
    assert record["since"] == [{"date": "2024-05-01", "path": str(tmp_path / "day1" / "brief.json")}]
    # the same articles again: every story continues, and nothing went quiet
    assert {s["status"] for s in record["stories"]} == {"continuing"} and record["no_new_reports"] == []
    assert all(s["first_seen"] == "2024-05-01" and s["day"] == 2 for s in record["stories"])


def test_build_since_a_brief_that_is_not_there_is_one_line_naming_it(tmp_path):
    for since in (tmp_path / "nowhere", SEEDS / next(SEEDS.glob("*.txt")).name):
        result = run("build", str(SEEDS), "--out", str(tmp_path / "out"), "--since", str(since), "-q")
        assert result.returncode != 0 and "Traceback" not in result.stderr
        lines = result.stderr.strip().splitlines()
        assert len(lines) == 1 and str(since) in lines[0], lines
