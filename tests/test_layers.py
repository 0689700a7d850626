"""Each stage keeps to its job, by its import statements (docs/architecture.md).

Every module of `briefing/` is parsed (ast, imports inside functions included, relative imports
resolved) and its imports checked against the layer rules: data flows ingest -> analyze -> brief
-> render -> deliver; a stage imports no later stage and none of the orchestration (the commands,
the pipeline); render reads only a `Brief` (nothing from ingest, analyze or brief); the
configuration imports no delivery code; the shared modules import no stage at all.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[1] / "briefing"

STAGES = ["ingest", "analyze", "brief", "render", "deliver"]
ORCHESTRATION = ["commands", "cli", "pipeline", "batch", "config"]
SHARED = ["model", "outlets", "vocabulary", "files", "addresses", "memo", "lazy", "lightnltk", "workers"]
"""Modules any stage may read: the records, the vocabularies, small helpers. They import no stage."""


def module_name(path: Path) -> str:
    parts = list(path.relative_to(PACKAGE.parent).with_suffix("").parts)
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def imported_modules(path: Path) -> set[str]:
    """Every `briefing` module `path` imports, wherever the statement stands."""
    return imports_in(path.read_text(encoding="utf-8"), module_name(path), path.name == "__init__.py")


def imports_in(text: str, name: str, is_package: bool = False) -> set[str]:
    """Every `briefing` module the source `text` of module `name` imports."""
    package = name if is_package else name.rpartition(".")[0]
    found = set()
    for node in ast.walk(ast.parse(text)):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package.split(".")[: len(package.split(".")) - (node.level - 1)]
                target = ".".join(base + ([node.module] if node.module else []))
            else:
                target = node.module or ""
            found.add(target)
            # "from briefing import pipeline" imports the module briefing.pipeline
            found.update(f"{target}.{alias.name}" for alias in node.names if target == "briefing")
    return {m for m in found if m == "briefing" or m.startswith("briefing.")}


def part_of(module: str) -> str:
    """The top-level part of the package a module belongs to: "briefing.render.fit" -> "render"."""
    parts = module.split(".")
    return parts[1] if len(parts) > 1 else ""


def forbidden_for(part: str) -> set[str]:
    """The parts of the package `part` may not import."""
    if part in STAGES:
        later = set(STAGES[STAGES.index(part) + 1:])
        barred = later | ({"commands", "cli"} if part == "deliver" else set(ORCHESTRATION))
        if part == "render":
            barred |= {"ingest", "analyze", "brief"}
        return barred
    if part in SHARED:
        return set(STAGES) | set(ORCHESTRATION)
    if part == "config":
        return {"deliver", "commands", "cli", "pipeline", "render"}
    if part in ("pipeline", "batch"):
        return {"commands", "cli"}
    return set()


MODULES = sorted(PACKAGE.rglob("*.py"))


def test_every_part_of_the_package_has_a_rule():
    parts = {part_of(module_name(p)) for p in MODULES} - {"", "__main__"}
    assert parts <= set(STAGES) | set(ORCHESTRATION) | set(SHARED), parts - set(STAGES + ORCHESTRATION + SHARED)


@pytest.mark.parametrize("path", MODULES, ids=lambda p: module_name(p))
def test_a_module_imports_only_what_its_layer_may(path):
    mine = part_of(module_name(path))
    barred = forbidden_for(mine)
    wrong = sorted(m for m in imported_modules(path) if part_of(m) in barred and part_of(m) != mine)
    assert not wrong, f"{module_name(path)} ({mine}) imports {wrong}"


def test_the_scan_sees_imports_inside_functions_and_relative_ones():
    text = ("from .fit import x\nfrom ..brief import rank\n\n"
            "def f():\n    from briefing.analyze.summarize import y\n    import briefing.deliver.mail\n")
    found = imports_in(text, "briefing.render.layout")
    assert found == {"briefing.render.fit", "briefing.brief", "briefing.analyze.summarize", "briefing.deliver.mail"}
    assert {part_of(m) for m in found} & forbidden_for("render") == {"brief", "analyze", "deliver"}


def test_render_would_be_caught_reaching_into_brief():
    assert {"brief", "analyze", "ingest", "deliver", "commands"} <= forbidden_for("render")
    assert {"brief", "render", "deliver", "commands"} <= forbidden_for("analyze")
    assert {"analyze", "brief", "render", "deliver"} <= forbidden_for("ingest")
    assert "deliver" in forbidden_for("config")
