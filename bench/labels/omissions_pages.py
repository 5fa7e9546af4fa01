"""A fresh held-out check of the omission claims on real news pages kept outside the repository.

The folder holds one JSON per page (url, title, text, optionally outlet: the `search` tool's stored web pages, as in
pages_check.py, or whole articles from a public news crawl) and groups.json ({event: [url, …]}: articles of different
outlets on one event). Each group is compared as `framelens compare` does (reprints found over every page, then
compare_event with file dates) and every "outlet X leaves out this fact" claim is listed; labels carry event, outlet,
url and offsets, never text.

    # 1. every claim the current code makes (no text), committed before any change
    .venv/bin/python bench/labels/omissions_pages.py draw /work/notes/omit18 > bench/labels/omissions_pages_sample.jsonl
    # 2. label by hand from the claims, their evidence and the whole text of the outlet said to leave the fact out
    .venv/bin/python bench/labels/omissions_pages.py show /work/notes/omit18 omissions_pages_sample.jsonl
    # 3. precision of the claims the current code makes, against the labels (GUIDE.md: ok / why)
    .venv/bin/python bench/labels/omissions_pages.py score /work/notes/omit18 omissions_pages.jsonl
    # insight only: which filter kept each outlet x fact of the other outlets unlisted
    .venv/bin/python bench/labels/omissions_pages.py silent /work/notes/omit31

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
TARGET = 0.8        # precision the issue asks of omission claims
MIN_JUDGED = 20     # fewer labelled claims than this cannot meet or miss the target (1 of 1 is no evidence)


def load(folder: Path) -> tuple[dict[str, dict], dict[str, list[str]]]:
    """The folder's pages as articles keyed by url (outlet: the page's own `outlet`, else the url's host) and its
    event groups."""
    pages = {}
    for f in sorted(folder.glob("*.json")):
        if f.name == "groups.json":
            continue
        p = json.loads(f.read_text(encoding="utf-8"))
        host = p["url"].split("/")[2] if "//" in p["url"] else "unknown"
        outlet = p.get("outlet") or host.removeprefix("www.")   # a page that names its outlet keeps it
        pages[p["url"]] = {"id": p["url"], "outlet": outlet, "title": p.get("title") or "",
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


def verdict(ok: int, n: int) -> str:
    """Whether ok of n labelled claims meet the target; with under MIN_JUDGED claims the figure judges nothing."""
    if n < MIN_JUDGED:
        return f"neither met nor missed: too few claims to judge ({n} < {MIN_JUDGED})"
    return "met" if ok / n >= TARGET else "MISSED"


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
        print(f"  precision {ok}/{len(lab)} = {ok / len(lab):.3f}; why not: {dict(why)}; target >= {TARGET} "
              + verdict(ok, len(lab)))
    dropped = len(labels) - len(lab)
    if dropped:
        gone = [r for r in labels.values() if r not in lab]
        print(f"  labelled claims no longer made: {dropped} ({sum(r['ok'] for r in gone)} of them true)")


def silent(pages: dict, groups: dict) -> None:
    """Insight only: per outlet x fact of the other families, the first filter of core.omissions that kept it unlisted.

    The private steps are wrapped (not copied) to count what each passes; nothing is tuned on these counts."""
    import core.omissions as om
    seen, calls = Counter(), {"align": [], "support": [], "anchors": []}
    real = om.align, om._support, om._missing_anchors

    def align(sentences, fams):
        calls["align"].append(sentences)
        return real[0](sentences, fams)

    def support(i, row, sentences, own_group, my_groups, *rest):
        kept = real[1](i, row, sentences, own_group, my_groups, *rest)
        others = int(own_group.max()) + 1 - len(my_groups)
        calls["support"].append(len(kept) >= max(om.MIN_SUPPORT, others // 2 + 1))
        return kept

    def missing(*args):
        out = real[2](*args)
        calls["anchors"].append(bool(out))
        return out
    om.align, om._support, om._missing_anchors = align, support, missing
    try:
        arts = [pages[u] for urls in groups.values() for u in urls]
        reprints = find_reprints(arts)
        seen["pages found to copy another page (left out of the alignment)"] = len(reprints)
        for urls in groups.values():
            compare_event([pages[u] for u in urls], reprints=reprints, default_date_source="file")
        for sentences in calls["align"]:
            for outlet in {x["outlet"] for x in sentences}:
                mine = {x["group"] for x in sentences if x["outlet"] == outlet}
                other = [x for x in sentences if x["group"] not in mine]
                seen["outlet x sentence of another family (5+ content words)"] += len(other)
                seen["... not a checkable fact (no name or number, a bare quote, a caption)"] += sum(
                    not x["fact"] for x in other)
    finally:
        om.align, om._support, om._missing_anchors = real
    sup, anc = calls["support"], calls["anchors"]
    facts = seen["outlet x sentence of another family (5+ content words)"] - seen[
        "... not a checkable fact (no name or number, a bare quote, a caption)"]
    seen["... a fact, but aligned (cosine >= ALIGN) in fewer than MIN_SUPPORT other families"] = facts - len(sup)
    seen["... aligned, but too few independent near-identical versions (SUPPORT, majority)"] = sup.count(False)
    seen["... supported, but stated by the outlet in some version's words (STATED_COVER)"] = sup.count(True) - len(anc)
    seen["... not stated, but every shared name and number is in the outlet's text"] = anc.count(False)
    seen["... listed as claims"] = anc.count(True)
    print(f"omission filters on {len(groups)} events ({len(pages)} pages), insight only (not tuned on):")
    for k, v in seen.items():
        print(f"  {k}: {v}")


def main() -> None:
    """Parse the command line and run one step."""
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("step", choices=["draw", "show", "score", "silent"])
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
    elif args.step == "silent":
        silent(pages, groups)
    elif args.step == "show":
        show(pages, groups, args.file)
    else:
        score(pages, groups, args.file)


if __name__ == "__main__":
    main()
