"""End to end: the seed articles in, a one-page brief out, checked against an analyst's gold."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from pypdf import PdfReader
from record_check import dangling, problems

from briefing.model import SCHEMA_VERSION
from briefing.pipeline import NoUsableInputError, analyze_paths, build

ROOT = Path(__file__).resolve().parents[1]
SEEDS = ROOT / "seeds"
GOLD_PATH = ROOT.parent / "shared" / "seeds" / "gold.json"


def normalize(text: str) -> str:
    """Compare texts as a reader would: curly and straight marks alike, spacing and final stops ignored."""
    text = text.replace("’", "'").replace("‘", "'").replace("“", '"').replace("”", '"')
    text = re.sub(r"\s+", " ", text)
    return text.strip().rstrip(".,").strip()


def pdf_text(path: Path) -> str:
    reader = PdfReader(path)
    text = " ".join(page.extract_text() or "" for page in reader.pages)
    # Joins words the layout hyphenated across lines, so phrases can be searched whole.
    text = re.sub(r"-\s*\n\s*", "-", text)
    return re.sub(r"\s+", " ", text)


@pytest.fixture(scope="module")
def gold() -> dict:
    if not GOLD_PATH.exists():
        pytest.fail(f"the analyst's gold file is missing: {GOLD_PATH}")
    return json.loads(GOLD_PATH.read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def seed_build(tmp_path_factory):
    out = tmp_path_factory.mktemp("out")
    return build([SEEDS], out_dir=out)


@pytest.fixture(scope="module")
def brief_json(seed_build) -> dict:
    return json.loads(seed_build.outputs["json"].read_text(encoding="utf-8"))


def test_build_writes_pdf_html_and_json(seed_build):
    assert set(seed_build.outputs) >= {"pdf", "html", "json"}
    for path in seed_build.outputs.values():
        assert path.exists() and path.stat().st_size > 0
    assert seed_build.outputs["pdf"].read_bytes().startswith(b"%PDF")


def test_seed_brief_is_exactly_one_page(seed_build):
    assert len(PdfReader(seed_build.outputs["pdf"]).pages) == 1


def test_brief_json_validates_against_its_schema(brief_json):
    assert problems(brief_json, "brief") == []
    assert dangling(brief_json) == []  # every article id names an article, every cited sentence is its own
    assert brief_json["schema_version"] == SCHEMA_VERSION
    assert brief_json["key_points"] and brief_json["quotes"] and brief_json["stories"]
    for article in brief_json["articles"]:  # what the page printed, beside the article's own summary
        assert article["summary"] and set(article["printed"]) <= set(article["sentences"])


def test_every_gold_quote_is_in_the_brief_with_the_right_speaker(brief_json, gold):
    found = {normalize(q["text"]): q["speaker"] for q in brief_json["quotes"]}
    for expected in gold["quotes"]:
        text = normalize(expected["text"])
        assert text in found, f"missing quote: {expected['text'][:60]}"
        assert found[text] == expected["speaker"]


def test_every_gold_participant_is_listed(brief_json, gold):
    names = {p["name"] for p in brief_json["participants"]}
    for person in gold["participants"]:
        assert person["name"] in names


def test_quoted_participants_are_marked_quoted(brief_json, gold):
    by_name = {p["name"]: p for p in brief_json["participants"]}
    for person in gold["participants"]:
        if person["quoted"]:
            assert by_name[person["name"]]["quoted"] is True


def test_no_false_participants(brief_json, gold):
    names = {p["name"] for p in brief_json["participants"]}
    assert not names & set(gold["not_participants"])


def test_the_pdf_shows_no_caption_email_or_credit(seed_build, gold):
    text = pdf_text(seed_build.outputs["pdf"])
    for phrase in gold["must_not_appear"]:
        assert phrase not in text


def test_the_pdf_names_every_quoted_speaker_and_participant(seed_build, gold):
    text = pdf_text(seed_build.outputs["pdf"])
    for person in gold["participants"]:
        assert person["name"] in text


def test_bylines_and_titles_match_the_gold(brief_json, gold):
    by_file = {Path(a["path"]).name: a for a in brief_json["articles"]}
    for expected in gold["articles"]:
        article = by_file[expected["file"]]
        assert article["byline"] == expected["byline"]
        if expected["title"]:
            assert article["title"] == expected["title"]
        else:
            # No headline in the text: a short title is made, not the 30-word lead.
            assert 3 <= len(article["title"].split()) <= 14


def test_good_inputs_beside_a_bad_one_still_make_a_brief(tmp_path):
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    for seed in SEEDS.glob("*.txt"):
        (inbox / seed.name).write_bytes(seed.read_bytes())
    (inbox / "empty.txt").write_bytes(b"")
    result = build([inbox], out_dir=tmp_path / "out")
    assert [e.path.name for e in result.skipped] == ["empty.txt"]
    assert len(result.brief.articles) == 2
    assert result.brief.skipped and "empty.txt" in result.brief.skipped[0]


def test_only_bad_inputs_raise_one_line_per_file(tmp_path):
    (tmp_path / "a.txt").write_bytes(b"")
    (tmp_path / "b.txt").write_bytes(b"%PDF-1.4\n\x00\x01\x02binary")
    with pytest.raises(NoUsableInputError) as caught:
        analyze_paths([tmp_path])
    lines = str(caught.value).splitlines()
    assert len(lines) == 2
    assert any("a.txt" in line for line in lines) and any("b.txt" in line for line in lines)


def test_summary_length_follows_the_sentence_count():
    analyzed, _ = analyze_paths([SEEDS], sentences=2)
    for item in analyzed:
        assert len(item.summary) == 2
        assert item.summary == sorted(item.summary)


def test_markup_in_an_article_stays_text_and_reads_no_file(tmp_path):
    secret = tmp_path / "secret.txt"
    secret.write_text("TOP-SECRET-CANARY")
    article = tmp_path / "inbox" / "hostile.txt"
    article.parent.mkdir()
    article.write_text(
        "Markup Arrives In The Inbox\n"
        f'Officials said on Monday that <script>alert("x")</script> was found in a pasted page.\n'
        f'The page also carried <img src="file://{secret}"> and '
        f'<link rel="attachment" href="file://{secret}"> tags, the ministry said.\n'
        "“We treat every article as plain text,” said Maria Lopez, the ministry's security chief.\n",
        encoding="utf-8",
    )
    result = build([article.parent], out_dir=tmp_path / "out")
    html = result.outputs["html"].read_text(encoding="utf-8")
    assert '<script>alert("x")</script>' not in html
    assert "&lt;script&gt;" in html
    pdf = result.outputs["pdf"].read_bytes()
    assert b"TOP-SECRET-CANARY" not in pdf
    reader = PdfReader(result.outputs["pdf"])
    assert not reader.attachments
    assert "<script>" in pdf_text(result.outputs["pdf"])


def test_an_unusable_output_folder_or_template_folder_fails_before_any_article_is_read(tmp_path, monkeypatch):
    import briefing.pipeline as pipeline
    from briefing.model import BriefingError

    def must_not_run(*args, **kwargs):
        raise AssertionError("articles were analyzed before the outputs were checked")

    monkeypatch.setattr(pipeline, "analyze_paths", must_not_run)
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder")
    with pytest.raises(BriefingError, match="cannot create the output folder"):
        pipeline.build([tmp_path], blocker / "out")
    with pytest.raises(BriefingError, match="template folder not found"):
        pipeline.build([tmp_path], tmp_path / "out", template_dir=tmp_path / "no-such-templates")
    with pytest.raises(BriefingError, match="page size must be a4 or letter"):
        pipeline.build([tmp_path], tmp_path / "out", page_size="a5")
