"""The shared file helpers (`briefing.files`): the one cache folder and its switch."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from briefing.files import CACHE_SWITCH, cache_folder

ROOT = Path(__file__).resolve().parents[1]

ANALYSIS = """
import json, sys
from briefing.pipeline import analyze_paths
from briefing.ingest.language import detect_language
from briefing.ingest.fetch import default_cache_dir
from briefing.analyze import gazetteer
articles, skipped = analyze_paths([sys.argv[1]])
print(json.dumps({
    "articles": [a.to_json(f"a{i + 1}") for i, a in enumerate(articles)],
    "languages": [detect_language(t) for t in (
        "I pescatori hanno aspettato dall'alba all'ingresso del porto, con il mare calmo e il cielo sereno.",
        "Le port a rouvert lundi après une semaine de travaux sur la digue, sous un ciel gris.")],
    "first names": len(gazetteer.world_first_names()),
    "cities": len(gazetteer.city_names()),
    "http cache": str(default_cache_dir()),
}))
"""


def run_analysis(home: Path, switch: str | None) -> dict:
    env = {**os.environ, "HOME": str(home), "XDG_CACHE_HOME": str(home / ".cache"), "BRIEFING_WORKERS": "1"}
    env.pop(CACHE_SWITCH, None)
    if switch is not None:
        env[CACHE_SWITCH] = switch
    out = subprocess.run([sys.executable, "-c", ANALYSIS, str(ROOT / "seeds")], env=env, cwd=ROOT,
                         capture_output=True, text=True, check=True)
    return json.loads(out.stdout)


def files_under(folder: Path) -> list[Path]:
    return sorted(p for p in folder.rglob("*") if p.is_file())


def test_the_cache_folder_is_the_users_unless_switched_off(monkeypatch, tmp_path):
    monkeypatch.delenv(CACHE_SWITCH, raising=False)
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    assert cache_folder() == tmp_path / "briefing"
    for off in ("0", "off", "False", " no "):
        monkeypatch.setenv(CACHE_SWITCH, off)
        assert cache_folder() is None
    monkeypatch.setenv(CACHE_SWITCH, "1")
    assert cache_folder() == tmp_path / "briefing"


def test_with_the_cache_off_nothing_is_written_and_the_analysis_is_the_same(tmp_path):
    off, on = tmp_path / "off", tmp_path / "on"
    off.mkdir()
    on.mkdir()
    without = run_analysis(off, "0")
    assert files_under(off) == []  # not the names, the cities, the language model nor an HTTP folder
    assert without["http cache"] == "None"
    kept = run_analysis(on, None)
    written = {p.relative_to(on / ".cache" / "briefing").parts[0] for p in files_under(on)}
    assert any(name.startswith("py3langid-model-") for name in written)
    assert any(name.startswith("table-world-first-names-") for name in written)
    assert any(name.startswith("table-cities-") for name in written)
    again = run_analysis(on, None)  # read back from the cache folder
    for result in (kept, again):
        assert {k: v for k, v in result.items() if k != "http cache"} == \
               {k: v for k, v in without.items() if k != "http cache"}
    assert without["languages"] == ["it", "fr"]  # py3langid's model, kept or not


def test_a_kept_table_is_made_once_read_back_the_same_and_made_again_for_a_new_key(tmp_path, monkeypatch):
    from briefing.files import kept_table

    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    monkeypatch.delenv("BRIEFING_CACHE", raising=False)
    made = []

    def make():
        made.append(1)
        return {"harbour": {"economy": 0.25}, "names": frozenset({"ada", "tomas"})}

    first = kept_table("example", "k1", make)
    again = kept_table("example", "k1", make)
    assert first == again and len(made) == 1  # the second process reads it back
    kept_table("example", "k2", make)  # the code or a package changed: made again
    assert len(made) == 2


def test_with_the_cache_off_a_kept_table_is_made_every_time_and_nothing_is_written(tmp_path, monkeypatch):
    from briefing.files import kept_table

    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    monkeypatch.setenv("BRIEFING_CACHE", "0")
    assert kept_table("example", "k1", lambda: frozenset({"ada"})) == frozenset({"ada"})
    assert list(tmp_path.rglob("*")) == []
