"""Checks of a JSON record against its contract (briefing/schemas): the schema, as the installed
package carries it, and the references the schema cannot follow (every article id names an
article of the record; every sentence a story cites is that article's sentence)."""

from __future__ import annotations

import json
from importlib import resources

from jsonschema import Draft202012Validator


def schema(name: str) -> dict:
    """``brief`` or ``analysis``: the schema the package ships."""
    return json.loads((resources.files("briefing") / "schemas" / f"{name}.schema.json").read_text(encoding="utf-8"))


def problems(record: dict, name: str) -> list[str]:
    """Where `record` breaks schema `name`, one line each (none when it validates)."""
    validator = Draft202012Validator(schema(name), format_checker=Draft202012Validator.FORMAT_CHECKER)
    return [f"/{'/'.join(map(str, e.absolute_path))}: {e.message[:300]}" for e in validator.iter_errors(record)]


def _article_references(record: dict) -> list[str]:
    refs = [kp["article"] for kp in record.get("key_points", [])]
    quotes = list(record.get("quotes", [])) + [q for a in record["articles"] for q in a["quotes"]]
    people = list(record.get("participants", [])) + [p for a in record["articles"] for p in a["participants"]]
    refs += [ref for q in quotes for ref in [q["article"], *q["sources"]]]
    refs += [ref for p in people for ref in p["articles"]]
    for story in record["stories"]:
        refs += story["articles"] + [e["article"] for e in story["event"]]
        refs += [s["article"] for s in story["summary"] + story.get("printed", [])]
    return refs


def dangling(record: dict) -> list[str]:
    """References the record cannot resolve: an article id no article has, a story's sentence
    that is not its article's, an article's summary or printed sentence that is not one of its own."""
    by_id = {a["id"]: a for a in record["articles"]}
    out = [f"no article {ref}" for ref in _article_references(record) if ref not in by_id]
    for story in record["stories"]:
        for s in story["summary"] + story.get("printed", []):
            article = by_id.get(s["article"])
            if article and article["sentences"][s["sentence"]] != s["text"]:
                out.append(f"{story['id']}: {s['article']} sentence {s['sentence']} is not {s['text'][:40]!r}")
    for a in record["articles"]:
        out += [f"{a['id']}: not its sentence: {t[:40]!r}" for t in a["summary"] + a.get("printed", [])
                if t not in a["sentences"]]
    return out
