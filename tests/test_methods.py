"""The Methods page and the help tooltips: every figure explained once, in one place, and used by the pages."""
from __future__ import annotations

import re

from core.glossary import METRICS, SECTIONS, help_for
from tests.conftest import ROOT
from tests.test_app_pages import app, fresh_caches  # noqa: F401 - fixture


def test_every_metric_says_what_from_what_errors_and_evidence():
    for m in METRICS.values():
        assert m.section in SECTIONS and all(len(part) > 1 for part in (m.what, m.source, m.errors, m.evidence)), m.name
        assert help_for(m.name).startswith(f"**{m.name}**") and "Known errors" in help_for(m.name)


def test_the_pages_name_only_metrics_the_glossary_explains():
    used = {name for path in (ROOT / "pages").glob("*.py")
            for name in re.findall(r"""help_for\(["']([^"']+)["']\)""", path.read_text(encoding="utf-8"))}
    assert used and used <= set(METRICS)


def test_methods_page_explains_every_metric_without_any_data(tmp_path, monkeypatch):
    monkeypatch.setenv("FRAMELENS_DB", str(tmp_path / "empty.sqlite"))
    at = app("methods").run()
    assert not at.exception
    text = "\n".join(m.value for m in at.markdown)
    assert re.findall(r"(?m)^## (.+)$", text) == ["Exports and provenance", *SECTIONS]
    assert re.findall(r"(?m)^### (.+)$", text) == [m.name for s in SECTIONS for m in METRICS.values() if m.section == s]
    assert all(f"**Known errors:** {m.errors}" in text for m in METRICS.values())
    assert "framelens puts one news event's coverage" in at.markdown[0].value
