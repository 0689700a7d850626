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
    for command in ("build", "analyze", "serve", "daily", "send"):
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
    paths = {a["path"] for a in record["articles"]}
    assert record["stories"] and {p for s in record["stories"] for p in s["articles"]} == paths
    for story in record["stories"]:
        assert {"id", "title", "articles", "outlets", "summary", "shown"} <= set(story)
    assert record["stories"][0]["focus"] is True


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
