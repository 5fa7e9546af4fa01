"""bench/labels/events_pages.py scores what it says: the manifest's gold events against batch, online and store
events, and says so (exit 0) when the pages are not on this machine."""
from __future__ import annotations

import importlib.util
import json
import re
from pathlib import Path

SCRIPT = Path(__file__).resolve().parents[1] / "bench" / "labels" / "events_pages.py"


def _bench():
    """The script as a module (bench/ is no package)."""
    spec = importlib.util.spec_from_file_location("events_pages_under_test", SCRIPT)
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def _write_set(tmp_path: Path) -> str:
    """Two happenings told by three outlets each, a day apart, and a manifest that labels them."""
    quake = "A magnitude 6.8 earthquake struck the Atlas mountains near Marrakesh, killing at least 2,000 people."
    pager = "Hundreds of pagers used by Hezbollah members exploded across Lebanon, wounding thousands of people."
    rows, gold = [], []
    for i, outlet in enumerate(["Reuters", "AFP", "TASS"]):
        for event, text, day in (("quake", quake, "09"), ("pagers", pager, "17")):
            rid = f"{event}-{i}"
            rows.append({"id": rid, "outlet": outlet, "title": text.split(",")[0], "text": text * 3,
                         "published": f"2024-09-{day}T1{i}:00:00Z"})
            gold.append({"id": rid, "gold_event": event})
    (tmp_path / "set").mkdir()
    (tmp_path / "set" / "articles.jsonl").write_text("\n".join(json.dumps(r) for r in rows), encoding="utf-8")
    (tmp_path / "manifest.jsonl").write_text("\n".join(json.dumps(g) for g in gold), encoding="utf-8")
    return f"{tmp_path / 'set'}={tmp_path / 'manifest.jsonl'}"


def test_two_happenings_are_scored_on_every_path(tmp_path, capsys):
    assert _bench().main([_write_set(tmp_path), "--no-other"]) == 0
    out = capsys.readouterr().out
    found = re.search(r"set: 6 articles, 2 gold events; batch P ([\d.]+) R ([\d.]+) F1 ([\d.]+) \((\d+) events\); "
                      r"online F1 ([\d.]+); store F1 ([\d.]+)", out)
    assert found, out
    assert found.group(4) == "2" and float(found.group(3)) == 1.0
    assert float(found.group(5)) == 1.0 and float(found.group(6)) == 1.0


def test_missing_pages_are_said_and_not_an_error(tmp_path, capsys):
    assert _bench().main([f"{tmp_path / 'absent'}=reprints_pages.jsonl"]) == 0
    assert "nothing to score" in capsys.readouterr().out
