"""Docs a test keeps complete: settings, commands and model fields."""
from __future__ import annotations

import dataclasses

from eventwire import docs, model

from .conftest import ROOT


def test_generated_references_are_current():
    assert (ROOT / "docs" / "cli.md").read_text() == docs.cli_markdown(), "run `python -m eventwire.docs`"
    assert (ROOT / "docs" / "settings.md").read_text() == docs.settings_markdown(), "run `python -m eventwire.docs`"


def test_every_command_has_help():
    for name, cmd in docs._commands():
        assert (cmd.help or "").strip(), f"command {name} has no help"
        for p in cmd.params:
            if getattr(p, "help", None) is not None or p.param_type_name == "option":
                assert (getattr(p, "help", "") or "").strip(), f"{name} {p.name} has no help"


def test_every_model_field_is_documented():
    page = (ROOT / "docs" / "data-model.md").read_text()
    for cls in (model.Article, model.Span, model.Token, model.Mention, model.Actor, model.Place, model.DateSpan,
                model.Claimant, model.Report, model.Event):
        assert f"## {cls.__name__}" in page
        for f in dataclasses.fields(cls):
            assert f"`{f.name}`" in page or f.name in page, f"{cls.__name__}.{f.name} undocumented"
