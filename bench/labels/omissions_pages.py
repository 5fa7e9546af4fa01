"""A fresh held-out check of the omission claims on real news pages kept outside the repository.

The folder holds one JSON per page (url, title, text: the `search` tool's stored web pages, as in pages_check.py)
and groups.json ({event: [url, …]}: articles of different outlets on one event). Each group is compared as
`framelens compare` does (reprints found over every page, then compare_event with file dates) and every
"outlet X leaves out this fact" claim is listed; labels carry event, outlet, url and offsets, never text.

    # 1. every claim the current code makes (no text), committed before any change
    .venv/bin/python bench/labels/omissions_pages.py draw /work/notes/omit18 > bench/labels/omissions_pages_sample.jsonl
    # 2. label by hand from the claims, their evidence and the whole text of the outlet said to leave the fact out
    .venv/bin/python bench/labels/omissions_pages.py show /work/notes/omit18 omissions_pages_sample.jsonl
    # 3. precision of the claims the current code makes, against the labels (GUIDE.md: ok / why)
    .venv/bin/python bench/labels/omissions_pages.py score /work/notes/omit18 omissions_pages.jsonl

Without the folder (as in CI) every command says so and exits 0.
"""
from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))
from core.framing import compare_event  # noqa: E402
from core.reprints import find_reprints  # noqa: E402

HERE = Path(__file__).parent


def load(folder: Path) -> tuple[dict[str, dict], dict[str, list[str]]]:
    """The folder's pages as articles keyed by url (outlet: the url's host) and its event groups."""
    pages = {}
    for f in sorted(folder.glob("*.json")):
        if f.name == "groups.json":
            continue
        p = json.loads(f.read_text(encoding="utf-8"))
        host = p["url"].split("/")[2] if "//" in p["url"] else "unknown"
        pages[p["url"]] = {"id": p["url"], "outlet": host.removeprefix("www."), "title": p.get("title") or "",
                           "text": p.get("text") or "", "language": "en"}
    groups = json.loads((folder / "groups.json").read_text(encoding="utf-8"))
    missing = [u for urls in groups.values() for u in urls if u not in pages]
    if missing:
        raise SystemExit(f"omissions_pages: groups.json names pages the folder lacks: {missing[:3]}")
    return pages, groups


def claims(pages: dict, groups: dict) -> list[dict]:
    """Every omission claim the current code makes on the groups, as `framelens compare` would."""
    arts = [pages[u] for urls in groups.values() for u in urls]
    reprints = find_reprints(arts)
    out = []
    for event, urls in groups.items():
        rep = compare_event([pages[u] for u in urls], reprints=reprints, default_date_source="file")
        for outlet, o in sorted(rep.get("omissions", {}).get("outlets", {}).items()):
            for c in o["omits"]:
                out.append({"event": event, "outlet": outlet, "fact": {"id": c["id"], "start": c["start"], "end": c["end"]},
                            "reported_by": c["reported_by"], "absent": c.get("absent", [])})
    return out


def draw(pages: dict, groups: dict) -> None:
    """Print every claim (event, outlet said to leave the fact out, the fact's url and offsets)."""
    cs = claims(pages, groups)
    print(f"{len(groups)} events, {len(pages)} pages; {len(cs)} claims", file=sys.stderr)
    for n, c in enumerate(cs):
        print(json.dumps({"claim": n, **c}))


def show(pages: dict, groups: dict, sample: str) -> None:
    """Print each claim with its fact, the reporting versions and the omitting outlet's whole text (once)."""
    rows = [json.loads(line) for line in (HERE / sample).open(encoding="utf-8")]
    shown = set()
    for r in rows:
        f = r["fact"]
        print(f"##### claim {r['claim']} [{r['event']}] {r['outlet']} leaves out; reported by {r['reported_by']}; "
              f"never mentions {r['absent']}")
        print("  FACT: " + pages[f["id"]]["text"][f["start"]:f["end"]].replace("\n", " "))
        if (r["event"], r["outlet"]) not in shown:
            shown.add((r["event"], r["outlet"]))
            for u in groups[r["event"]]:
                if pages[u]["outlet"] == r["outlet"]:
                    print(f"  --- {r['outlet']} ({u}): {pages[u]['title']}\n  " + pages[u]["text"].replace("\n", "\n  "))
        print()


def score(pages: dict, groups: dict, labels_name: str) -> None:
    """Precision of the claims the current code makes, against the labels; a claim no label covers is counted apart."""
    labels = {(r["event"], r["outlet"], r["fact"]["id"], r["fact"]["start"]): r
              for r in map(json.loads, (HERE / labels_name).open(encoding="utf-8"))}
    cs = claims(pages, groups)
    hit = [labels.get((c["event"], c["outlet"], c["fact"]["id"], c["fact"]["start"])) for c in cs]
    lab = [r for r in hit if r is not None]
    ok = sum(r["ok"] for r in lab)
    why = Counter(r["why"] for r in lab if not r["ok"])
    print(f"omission claims on {len(groups)} events of fresh news pages ({len(pages)} pages): {len(cs)} made, "
          f"{len(lab)} labelled ({len(cs) - len(lab)} unlabelled)")
    if lab:
        print(f"  precision {ok}/{len(lab)} = {ok / len(lab):.3f}; why not: {dict(why)}; target >= 0.8 "
              + ("met" if ok / len(lab) >= 0.8 else "MISSED"))
    dropped = len(labels) - len(lab)
    if dropped:
        gone = [r for r in labels.values() if r not in lab]
        print(f"  labelled claims no longer made: {dropped} ({sum(r['ok'] for r in gone)} of them true)")


def main() -> None:
    """Parse the command line and run one step."""
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("step", choices=["draw", "show", "score"])
    ap.add_argument("folder", type=Path)
    ap.add_argument("file", nargs="?", help="sample (show) or labels (score), a file in bench/labels")
    args = ap.parse_args()
    if not (args.folder / "groups.json").is_file():
        print(f"omissions_pages: no page folder with groups.json at {args.folder}: nothing to check (the pages are "
              "kept outside the repository)", file=sys.stderr)
        return
    pages, groups = load(args.folder)
    if args.step == "draw":
        draw(pages, groups)
    elif args.step == "show":
        show(pages, groups, args.file)
    else:
        score(pages, groups, args.file)


if __name__ == "__main__":
    main()
