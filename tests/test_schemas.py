"""The JSON records' contracts (briefing/schemas): brief.json and ``briefing analyze --json``, as
real builds write them, validate against their schemas (draft 2020-12); the schemas describe every
field and close every shape."""

from __future__ import annotations

import datetime as dt
import json
import re
import subprocess
import sys
from pathlib import Path

import pytest
from jsonschema import Draft202012Validator
from record_check import dangling, problems, schema

from briefing.model import SCHEMA_VERSION
from briefing.pipeline import build
from briefing.vocabulary.topics import SECTIONS

ROOT = Path(__file__).resolve().parents[1]
SEEDS = ROOT / "seeds"
NAMES = ("brief", "analysis")


def walk(node, where: str = "#"):
    """Every subschema of `node`, with where it stands."""
    if isinstance(node, dict):
        yield where, node
        for key, value in node.items():
            yield from walk(value, f"{where}/{key}")
    elif isinstance(node, list):
        for k, value in enumerate(node):
            yield from walk(value, f"{where}/{k}")


@pytest.mark.parametrize("name", NAMES)
def test_each_schema_is_a_valid_draft_2020_12_schema(name):
    Draft202012Validator.check_schema(schema(name))
    assert schema(name)["$schema"] == "https://json-schema.org/draft/2020-12/schema"


@pytest.mark.parametrize("name", NAMES)
def test_every_field_is_described_and_every_object_is_closed(name):
    for where, node in walk(schema(name)):
        if "properties" in node and not where.endswith("/properties"):
            assert node.get("additionalProperties") is False, where
            assert set(node["required"]) <= set(node["properties"]), where
            for field, sub in node["properties"].items():
                assert sub.get("description"), f"{where}/properties/{field}"
    for key, sub in schema(name)["$defs"].items():
        assert sub.get("description"), key


@pytest.mark.parametrize("name", NAMES)
def test_the_schemas_version_is_the_records(name):
    pattern = schema(name)["properties"]["schema_version"]["pattern"]
    assert re.fullmatch(pattern, SCHEMA_VERSION)
    assert not re.fullmatch(pattern, "1.0")  # a record of the old keys is not this shape


@pytest.mark.parametrize("name", NAMES)
def test_a_section_is_one_of_the_vocabularys(name):
    assert schema(name)["$defs"]["section"]["enum"] == [*SECTIONS, ""]


def test_only_brief_json_says_what_the_page_printed():
    brief, analysis = schema("brief")["$defs"], schema("analysis")["$defs"]
    for record in ("article", "story"):
        assert "printed" in brief[record]["required"]
        assert "printed" not in analysis[record]["properties"]
        assert brief[record]["properties"]["summary"]["description"] != brief[record]["properties"]["printed"]["description"]


@pytest.fixture(scope="module")
def two_days(tmp_path_factory):
    """The seeds built as one day, then again the next day since the first: every story continues."""
    root = tmp_path_factory.mktemp("days")
    first = build([SEEDS], out_dir=root / "2024-05-01", date=dt.date(2024, 5, 1))
    second = build([SEEDS], out_dir=root / "2024-05-02", date=dt.date(2024, 5, 2),
                   since=[root / "2024-05-01"])
    return [json.loads(r.outputs["json"].read_text(encoding="utf-8")) for r in (first, second)]


def test_a_day_with_continuing_stories_validates(two_days):
    first, second = two_days
    for record in two_days:
        assert problems(record, "brief") == []
        assert dangling(record) == []
    assert {s["status"] for s in first["stories"]} == {"new"}
    assert {s["status"] for s in second["stories"]} == {"continuing"}
    assert all(s["previous"]["href"].startswith("../2024-05-01/brief.html") for s in second["stories"])
    assert second["since"] and all(s["event"] for s in second["stories"])


def test_a_record_of_the_old_keys_does_not_pass_for_schema_2(two_days):
    old = dict(two_days[0])
    del old["schema_version"]
    old["key_points"] = [kp | {"article": 0} for kp in old["key_points"]]
    found = problems(old, "brief")
    assert any("schema_version" in p for p in found)
    assert any(p.startswith("/key_points/0/article") for p in found)


def test_analyze_json_validates():
    result = subprocess.run([sys.executable, "-m", "briefing", "analyze", str(SEEDS), "--json", "-q"],
                            capture_output=True, text=True, cwd=ROOT)
    assert result.returncode == 0, result.stderr
    record = json.loads(result.stdout)
    assert problems(record, "analysis") == []
    assert dangling(record) == []
    assert record["schema_version"] == SCHEMA_VERSION and record["stories"]
    assert all(a["summary"] and "printed" not in a for a in record["articles"])  # no page: nothing printed
