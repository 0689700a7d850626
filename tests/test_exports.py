"""Each stage's subpackage names its public functions, and every name it lists resolves."""

import importlib

import pytest


@pytest.mark.parametrize("stage", ["ingest", "analyze", "brief", "render", "deliver"])
def test_every_public_name_of_a_stage_resolves(stage):
    package = importlib.import_module(f"briefing.{stage}")
    assert package.__all__
    for name in package.__all__:
        assert getattr(package, name) is not None, name
