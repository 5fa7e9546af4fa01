"""Print a drawn omissions sample for hand labelling: each claim's fact, the reporting outlets' versions
(the evidence the claim shows) and the whole text of the outlet said to leave it out, once per outlet.

    .venv/bin/python bench/labels/show_omissions.py omissions_heldout_sample.jsonl | less

The text is read from ../shared at run time and printed only; labels keep ids and offsets.
"""
from __future__ import annotations

import json
import sys
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path[:0] = [str(ROOT), str(Path(__file__).resolve().parent)]
from draw_omissions import SOURCES  # noqa: E402
from core.framing import compare_event  # noqa: E402
from core.lexicon import split_sentences  # noqa: E402


def main() -> None:
    """Print every claim of the named sample (a file in this folder) with what a checker needs."""
    rows = [json.loads(line) for line in (Path(__file__).parent / sys.argv[1]).open(encoding="utf-8")]
    need = {(r["source"], r["event"]) for r in rows}
    events = defaultdict(list)
    for source, path in SOURCES.items():
        for line in path.open(encoding="utf-8"):
            a = json.loads(line)
            if (source, a["gold_event"]) in need:
                events[(source, a["gold_event"])].append(a)
    shown_text = set()
    for r in sorted(rows, key=lambda r: (r["source"], r["event"], r["outlet"], r["claim"])):
        arts = events[(r["source"], r["event"])]
        by_id = {str(a["id"]): a for a in arts}
        f = r["fact"]
        rep = compare_event(arts)
        claim = next((c for c in rep["omissions"]["outlets"].get(r["outlet"], {}).get("omits", [])
                      if (c["id"], c["start"]) == (f["id"], f["start"])), None)
        print(f"##### claim {r['claim']} [{r['source']} {r['event']}] {r['outlet']} leaves out; reported by {r['reported_by']}")
        print(f"   FACT ({f['outlet']}): {by_id[f['id']]['text'][f['start']:f['end']]}".replace("\n", " "))
        for e in (claim or {}).get("evidence", [])[1:]:
            print(f"   also ({e['outlet']}, {e['similarity']}): {by_id[e['id']]['text'][e['start']:e['end']]}".replace("\n", " "))
        others = sorted({a["outlet"] for a in arts} - {r["outlet"]})
        print(f"   other outlets in the event: {others}")
        if (r["event"], r["outlet"]) in shown_text:
            print(f"   ({r['outlet']}'s text printed above)\n")
            continue
        shown_text.add((r["event"], r["outlet"]))
        for aid in r["outlet_ids"]:
            a = by_id[aid]
            print(f"   --- {r['outlet']} {aid}: TITLE {a.get('title')}")
            for s, e in split_sentences(a["text"]):
                print("   | " + a["text"][s:e].replace("\n", " "))
        print()


if __name__ == "__main__":
    main()
