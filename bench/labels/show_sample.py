"""Print a drawn sample's sentences for hand labelling: each term marked [[…]] in its sentence, with the
sentence before it and the headline for context, and never what the matcher makes of it (voice, speaker).

    .venv/bin/python bench/labels/show_sample.py contested_study_sample.jsonl | less

The text is read from ../shared at run time and printed only; labels keep ids and offsets.
"""
from __future__ import annotations

import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path[:0] = [str(ROOT), str(Path(__file__).resolve().parent)]
from draw_contested import SOURCES  # noqa: E402
from core.lexicon import split_sentences  # noqa: E402


def main() -> None:
    """Print every line of the named sample (a file in this folder) with its context."""
    rows = [json.loads(line) for line in (Path(__file__).parent / sys.argv[1]).open(encoding="utf-8")]
    need = {(r["source"], r["id"]) for r in rows}
    arts = {}
    for source, path in SOURCES.items():
        for line in path.open(encoding="utf-8"):
            a = json.loads(line)
            if (source, str(a["id"])) in need:
                arts[(source, str(a["id"]))] = a
    for r in rows:
        a = arts[(r["source"], r["id"])]
        text = (a.get("title") or "") if r["field"] == "title" else a["text"]
        (s, e), (ms, me) = r["sent"], r["span"]
        prev = [x for x in split_sentences(text) if x[1] <= s][-1:] if r["field"] == "text" else []
        before = " ".join(text[p:q] for p, q in prev).replace("\n", " ")
        print(f"#{r['n']} [{r['family']}] term={r['term']!r} {r['source']}:{r['id']} ({r['field']})")
        print(f"   title: {(a.get('title') or '')[:160]}")
        if before:
            print(f"   prev:  {before[-400:]}")
        print(f"   SENT:  {(text[s:ms] + '[[' + text[ms:me] + ']]' + text[me:e]).replace(chr(10), ' ')}\n")


if __name__ == "__main__":
    main()
