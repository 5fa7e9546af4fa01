"""Does a signal tell a rewrite of another outlet's story from independent coverage of one event? (omission support)

An omission claim rests on two or more independent outlets telling the fact; an uncredited paraphrased rewrite of
one supporter is no second supporter (session 35: sciexaminer rewriting the Guardian). This prints, for every pair
of articles of different outlets in one event, the signals core.omissions reads, split by the gold:

  - realworld (../shared/data/realworld, gold `derived_from`): a pair is dependent when one derives from the other's
    outlet or both from one outlet (kinds: verbatim, partial, rewrite-credited, paraphrase), else independent;
  - BASIL, AllSides (dev) and NewsWCL50 events: different outlets' own stories, taken as independent (nearly all are).

Signals, on narration sentences (5+ content words, no quotation marks, not inside a quotation) of the two articles:
  chain  the most aligned sentence pairs (cosine >= ALIGN) in the same order in both (LCS of the alignment)
  share  chain / the shorter article's narration sentences
  run    the longest such chain whose every next pair comes within STORY_GAP sentences of the last in both: what
         core.omissions reads (one_story: run >= STORY_RUN makes two supporters one report)

    .venv/bin/python bench/omissions_independence.py            # table at core.omissions' thresholds
    .venv/bin/python bench/omissions_independence.py --list     # and every dependent / flagged pair
    .venv/bin/python bench/omissions_independence.py --pages /work/notes/om37/out   # the pairs of a pages folder
                                                            # (omissions_pages.py's format), no gold
"""
from __future__ import annotations

import argparse
import json
import sys
from collections import Counter, defaultdict
from itertools import combinations
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
from core import omissions as om  # noqa: E402
from core.credits import canonical_outlet  # noqa: E402
from core.framing import prepare, said_once  # noqa: E402
from core.reprints import find_reprints, family_key  # noqa: E402
from core.voice import quote_spans  # noqa: E402

DATA = ROOT.parent / "shared" / "data"
SOURCES = {"realworld": DATA / "realworld" / "articles.jsonl", "basil": DATA / "corpora" / "basil.jsonl",
           "allsides_dev": DATA / "corpora" / "allsides_dev.jsonl", "newswcl50": DATA / "corpora" / "newswcl50.jsonl"}


def events() -> dict[tuple[str, str], list[dict]]:
    out = defaultdict(list)
    for source, path in SOURCES.items():
        for line in path.open(encoding="utf-8"):
            a = json.loads(line)
            if a.get("outlet") and (a.get("text") or "").strip():
                out[(source, a["gold_event"])].append(a)
    return {k: v for k, v in out.items() if len({canonical_outlet(a["outlet"]) for a in v}) >= 2}


def gold_dependent() -> dict[str, str | None]:
    """realworld article id -> the outlet it derives from (None: its own story)."""
    out = {}
    for line in (DATA / "realworld" / "gold.jsonl").open(encoding="utf-8"):
        g = json.loads(line)
        out[g["id"]] = (g.get("derived_from") or {}).get("outlet")
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--list", action="store_true", help="print every dependent pair and every pair the signal flags")
    ap.add_argument("--pages", help="print the signals for each pair of a pages folder's groups instead")
    args = ap.parse_args()
    if args.pages:
        return pages(Path(args.pages))
    derived = gold_dependent()
    kinds = {}
    for line in (DATA / "realworld" / "gold.jsonl").open(encoding="utf-8"):
        g = json.loads(line)
        kinds[g["id"]] = (g.get("derived_from") or {}).get("kind")
    rows = []
    for (source, event), arts in sorted(events().items()):
        docs = [said_once(d, blank=False) for d in prepare(arts)]
        rep = find_reprints(arts)
        fam = {d["id"]: family_key(d["id"], rep) for d in docs}
        sents = om.story_sentences(docs)
        stats = om.story_pairs(sents)
        outlet = {d["id"]: canonical_outlet(d["outlet"]) for d in docs}
        for a, b in combinations([d["id"] for d in docs], 2):
            if outlet[a] == outlet[b]:
                continue
            if source == "realworld":
                da, db = derived.get(a), derived.get(b)
                ca, cb = da and canonical_outlet(da), db and canonical_outlet(db)
                dep = ca == outlet[b] or cb == outlet[a] or (ca is not None and ca == cb)
                kind = ("+".join(sorted(k for k in (kinds.get(a), kinds.get(b)) if k)) or "?") if dep else "independent"
            else:
                dep, kind = False, "independent (corpus)"
            st = stats.get((a, b)) or stats.get((b, a)) or {"chain": 0, "share": 0.0, "n": 0, "run": 0}
            rows.append({"source": source, "event": event, "a": a, "b": b, "dep": dep, "kind": kind,
                         "family": fam[a] == fam[b] or fam[a] == b or fam[b] == a, **st,
                         "flag": om.one_story(st)})
    print(f"pairs of articles of different outlets in one event: {len(rows)} "
          f"({sum(r['dep'] for r in rows)} dependent by the realworld gold)\n")
    print(f"signal at core.omissions' settings: one story when run >= {om.STORY_RUN} (next pair within {om.STORY_GAP})")
    print(f"{'source / kind':34} {'pairs':>6} {'one family':>11} {'flagged':>8} {'flagged, not family':>20}")
    by = defaultdict(list)
    for r in rows:
        by[(r["source"], r["kind"] if r["dep"] else "independent")].append(r)
    for key in sorted(by):
        rs = by[key]
        print(f"{key[0] + ' / ' + key[1]:34} {len(rs):6d} {sum(r['family'] for r in rs):11d} "
              f"{sum(r['flag'] for r in rs):8d} {sum(r['flag'] and not r['family'] for r in rs):20d}")
    print("\nseparation (dependent caught vs independent wrongly merged; 'new': not already one reprint family):")
    print(f"  {'signal':28} {'dependent':>10} {'new':>5} {'independent':>12} {'new':>5}")
    tests = [(f"chain >= {k}", lambda r, k=k: r["chain"] >= k) for k in (3, 4, 5, 6)]
    tests += [(f"chain >= 4, share >= {x}", lambda r, x=x: r["chain"] >= 4 and r["share"] >= x) for x in (0.3, 0.5)]
    tests += [(f"run >= {k} (gap {om.STORY_GAP})", lambda r, k=k: r["run"] >= k) for k in (2, 3, 4, 5)]
    for name, f in tests:
        d = [r for r in rows if r["dep"] and f(r)]
        i = [r for r in rows if not r["dep"] and f(r)]
        new_d, new_i = sum(not r["family"] for r in d), sum(not r["family"] for r in i)
        print(f"  {name:28} {len(d):10d} {new_d:5d} {len(i):12d} {new_i:5d}")
    if args.list:
        print("\npairs: dependent or flagged (source event a b kind family chain share n)")
        for r in rows:
            if r["dep"] or r["flag"] or r["chain"] >= 3:
                print(f"  {'DEP' if r['dep'] else 'ind'} {'FLAG' if r['flag'] else '    '} {r['source']:10} "
                      f"{r['a'][:28]:28} {r['b'][:28]:28} {r['kind'][:24]:24} fam={int(r['family'])} "
                      f"chain={r['chain']} share={r['share']:.2f} n={r['n']} run={r['run']}")


def pages(folder: Path) -> None:
    """The signals for each pair of articles in each group of an omissions_pages.py folder (kept outside the repo)."""
    sys.path.insert(0, str(ROOT / "bench" / "labels"))
    from omissions_pages import load  # noqa: E402
    if not folder.exists():
        print(f"omissions_independence: no folder {folder}; nothing to do")
        return
    arts, groups = load(folder)
    for event, urls in groups.items():
        docs = [said_once(d, blank=False) for d in prepare([arts[u] for u in urls])]
        outlet = {d["id"]: d["outlet"] for d in docs}
        for (a, b), st in sorted(om.story_pairs(om.story_sentences(docs)).items()):
            print(f"{event}: {outlet[a]} / {outlet[b]}: chain={st['chain']} share={st['share']:.2f} n={st['n']} "
                  f"run={st['run']} {'ONE STORY' if om.one_story(st) else ''}")


if __name__ == "__main__":
    main()
