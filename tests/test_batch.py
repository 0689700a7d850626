"""A day read and analysed in worker processes is the day read and analysed here, byte for byte."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

from briefing.batch import AnalysisCache, AnalysisOptions, analyze_inputs
from briefing.brief import analysis_record
from briefing.pipeline import build

from sample_days import DAYS

DATE = dt.date(2024, 5, 8)
SPANISH = ("El ayuntamiento de la ciudad aprobó ayer el nuevo presupuesto para las escuelas y los "
           "hospitales de la región, después de un largo debate entre los partidos de la oposición y "
           "el gobierno municipal, que prometió más inversiones para el año que viene.")


def day_folder(root: Path) -> Path:
    """Every invented article of the three sample days (some as web pages), a PDF saved as text,
    an empty file and an article in Spanish."""
    folder = root / "inbox"
    folder.mkdir()
    for day, items in DAYS.items():
        for k, item in enumerate(items):
            if k % 2:
                (folder / f"{day}-{item.slug}.html").write_bytes(item.html())
            else:
                text = "\n\n".join([item.title, *item.paragraphs]) + "\n"
                (folder / f"{day}-{item.slug}.txt").write_text(text, encoding="utf-8")
    (folder / "0-scan.txt").write_bytes(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<<>>\nendobj\n")
    (folder / "0-empty.txt").write_bytes(b"")
    (folder / "9-ayuntamiento.txt").write_text("Presupuesto aprobado\n\n" + SPANISH + "\n", encoding="utf-8")
    return folder


def test_every_article_comes_back_from_the_workers(tmp_path):
    day = analyze_inputs([day_folder(tmp_path)], workers=2)
    assert day.workers == 2 and day.redone == 0
    assert len(day.analyzed) == sum(len(items) for items in DAYS.values())
    assert len(day.read_errors) == 2


def test_a_day_built_in_worker_processes_is_the_day_built_serially(tmp_path):
    folder = day_folder(tmp_path)
    serial = build([folder], tmp_path / "serial", date=DATE, workers=1)
    pooled = build([folder], tmp_path / "pooled", date=DATE, workers=2)
    assert (tmp_path / "serial" / "brief.json").read_bytes() == (tmp_path / "pooled" / "brief.json").read_bytes()
    assert [str(e) for e in serial.skipped] == [str(e) for e in pooled.skipped]
    assert len(serial.skipped) == 2  # the PDF and the empty file, one line each, naming it
    assert any("0-scan.txt" in str(e) and "PDF" in str(e) for e in pooled.skipped)
    record = json.loads((tmp_path / "pooled" / "brief.json").read_text())
    assert len(record["articles"]) == sum(len(items) for items in DAYS.values())
    assert [a["path"].rsplit("/", 1)[-1] for a in record["not_analysed"]] == ["9-ayuntamiento.txt"]


def test_an_article_whose_analysis_fails_in_a_worker_is_named_and_the_others_make_the_day(tmp_path, monkeypatch):
    from briefing.analyze import article as analysis

    folder = day_folder(tmp_path)
    real = analysis.analyze_article

    def fails_on_the_flood(article, *args, **kwargs):
        if "flood" in article.path:
            raise RuntimeError("the analysis broke")
        return real(article, *args, **kwargs)

    monkeypatch.setattr("briefing.analyze.article.analyze_article", fails_on_the_flood)  # the forked workers inherit it
    day = analyze_inputs([folder], workers=2)
    broken = [str(e) for e in day.analysis_errors]
    assert broken and all("could not be analyzed (RuntimeError: the analysis broke)" in e for e in broken)
    assert all("flood" in e for e in broken)
    assert len(day.analyzed) == sum(len(items) for items in DAYS.values()) - len(broken)


def test_the_cache_reads_again_only_the_file_that_changed(tmp_path):
    folder = day_folder(tmp_path)
    cache = AnalysisCache()
    first = analyze_inputs([folder], AnalysisOptions(), cache=cache, workers=1)
    assert len(cache.analysed) == len(list(folder.iterdir()))
    again = analyze_inputs([folder], AnalysisOptions(), cache=cache, workers=1)
    assert cache.analysed == []
    assert analysis_record(again.analyzed, []) == analysis_record(first.analyzed, [])
    edited = sorted(folder.glob("1-*.txt"))[0]
    edited.write_text(edited.read_text(encoding="utf-8") + "\nOfficials said talks resume on Friday.\n",
                      encoding="utf-8")
    third = analyze_inputs([folder], AnalysisOptions(), cache=cache, workers=1)
    assert cache.analysed == [str(edited)]
    fresh = analyze_inputs([folder], AnalysisOptions(), workers=1)
    assert analysis_record(third.analyzed, []) == analysis_record(fresh.analyzed, [])
    assert "Officials said talks resume on Friday." in " ".join(
        s for a in third.analyzed if a.article.path == str(edited) for s in a.sentences)


def test_what_a_build_does_with_cached_articles_never_reaches_the_next_build(tmp_path):
    folder = day_folder(tmp_path)
    cache = AnalysisCache()
    first = analyze_inputs([folder], cache=cache, workers=1)
    first.analyzed[0].sentences.append("Changed by the caller.")
    again = analyze_inputs([folder], cache=cache, workers=1)
    assert "Changed by the caller." not in again.analyzed[0].sentences


@pytest.mark.parametrize("workers", [1, 2])
def test_a_briefing_error_from_the_analysis_stops_the_run_as_it_would_serially(tmp_path, monkeypatch, workers):
    from briefing.model import BriefingError

    folder = day_folder(tmp_path)

    def refuses(article, *args, **kwargs):
        raise BriefingError("analysis refused")

    monkeypatch.setattr("briefing.analyze.article.analyze_article", refuses)
    with pytest.raises(BriefingError, match="analysis refused"):
        analyze_inputs([folder], workers=workers)


@pytest.mark.parametrize("workers", [1, 2])
def test_progress_counts_the_articles_analysed_out_of_every_input(tmp_path, workers):
    folder = day_folder(tmp_path)
    told: list[str] = []
    day = analyze_inputs([folder], workers=workers, progress=told.append)
    inputs = len(list(folder.iterdir()))  # the PDF, the empty file and the Spanish article are never analysed
    assert len(day.analyzed) == inputs - 3
    assert told == [f"analysing {k}/{inputs}" for k in range(1, len(day.analyzed) + 1)]
