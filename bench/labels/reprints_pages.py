"""A held-out check of derived-article detection on real news pages kept outside the repository, built the way
../shared/data/realworld was: excerpts (at most ~2,000 characters from the start) of stored public pages, several
events, each with wire and state-media originals, the aggregator and partner-site copies of them, and independent
reports of the same event (hard negatives).

The texts live in a folder outside the repository (FOLDER/articles.jsonl, realworld's row format); the gold labels,
set by hand from the texts before framelens ran on them (GUIDE.md, "Reprints on real news pages"), are committed here
as a manifest: id, url, gold event and `derived_from` {outlet, kind, evidence}, every quotation of page text in the
evidence replaced by its character offsets (`text[a:b]`, `title[a:b]`), so no third-party text is committed.

    # write the manifest from a folder's own gold.jsonl (once, when the labels are set; before any score)
    .venv/bin/python bench/labels/reprints_pages.py manifest /work/notes/rpages1 > bench/labels/reprints_pages.jsonl
    # precision, recall and original outlet right, as bench/reprints_eval.py prints for realworld; errors listed
    .venv/bin/python bench/labels/reprints_pages.py score /work/notes/rpages1 [--labels reprints_pages.jsonl]

Sets: /work/notes/rpages1 -> reprints_pages.jsonl (67 articles, 37 derived, 8 gold events; session 30: labelled and
committed before the first score, then studied: the credit rules of that session were found on it);
/work/notes/rpages2 -> reprints_pages2.jsonl (29 articles, 14 derived, 4 gold events; built after those rules and
held out, then studied: three more credit forms were found on it); /work/notes/rpages3 -> reprints_pages3.jsonl
(25 articles, 18 derived, 3 gold events; built after all of them and held out: `score /work/notes/rpages3 --labels
reprints_pages3.jsonl`); /work/notes/rpages4 -> reprints_pages4.jsonl (55 articles, 38 derived, 7 gold events; session
31: built after all of them, labelled and committed before the first score, held out, then studied: round 3's credit
rules were found on it); /work/notes/rpages5 -> reprints_pages5.jsonl (52 articles, 36 derived, 6 gold events; session
31: built after round 3's rules, labelled and committed before the first score, held out, then studied: session 32's round-5 rules were found on it);
/work/notes/rpages6 -> reprints_pages6.jsonl (61 articles, 40 derived, 6 gold events; session 32: built after round 5's
rules, labelled and committed before the first score, held out, then studied: round 6's rules were found on it);
/work/notes/rpages7 -> reprints_pages7.jsonl (58 articles, 28 derived, 11 gold events; session 32: built after round 6's
rules, labelled and committed before the first score, held out: `score /work/notes/rpages7 --labels
reprints_pages7.jsonl`); /work/notes/rpages8 -> reprints_pages8.jsonl (59 articles, 34 derived, 9 gold events; session 33:
built after round 7's rules, labelled and committed before the first score, held out, then studied: round 8's rules were
found on it); /work/notes/rpages9 -> reprints_pages9.jsonl (40 articles, 28 derived, 6 gold events; session 33: built
after round 8's rules, labelled and committed before the first score, held out, then studied: round 9's rules were found
on it); /work/notes/rpages10 -> reprints_pages10.jsonl (36 articles, 27 derived, 8 gold events; session 33: built after
round 9's rules, labelled and committed before the first score, held out, then studied: round 10's rules were found on
it); /work/notes/rpages11 -> reprints_pages11.jsonl (57 articles, 48 derived, 7 gold events; session 34: built after
round 10's rules, labelled and committed before the first score, held out, then studied: round 11's rules were found on
it); /work/notes/rpages12 -> reprints_pages12.jsonl (51 articles, 36 derived, 9 gold events; session 35: built after round
12's rules, labelled and committed before the first score, held out, then studied: round 13's rules were found on it);
/work/notes/rpages14 -> reprints_pages14.jsonl (56 articles, 44 derived, 9 gold events; session 37: built after round 14's
rules, labelled and committed before the first score, held out, then studied: tests/test_reprints_credits15.py's rules
were found on it; rpages13, session 36's, was lost before it landed); /work/notes/rpages14b -> reprints_pages14b.jsonl
(13 articles, 10 derived, 1 gold event; session 37: a fourth happening drawn after round 15's rules, labelled and
committed before the first score, held out, then studied: the state-affiliated citation and the lower-case byline). Without the folder (as in CI) `score` says so and exits 0.
"""
from __future__ import annotations

import argparse
import json
import re
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path[:0] = [str(ROOT), str(ROOT / "bench")]
from reprints_eval import score_derived  # noqa: E402

HERE = Path(__file__).parent
_QUOTED = re.compile(r"'([^']{3,}?)'(?=[\s;,.)]|$)")


def read_jsonl(path: Path) -> list[dict]:
    """The rows of a JSONL file."""
    return [json.loads(x) for x in path.read_text(encoding="utf-8").splitlines() if x.strip()]


def offsets(evidence: str, article: dict) -> str:
    """The evidence with every quoted piece of page text replaced by where it is (text[a:b] or title[a:b]);
    a quotation found in neither stays as "[quoted]" so no page text is kept."""
    def place(m: re.Match) -> str:
        piece = m.group(1).strip(" .…")
        for fld in ("text", "title"):
            at = (article.get(fld) or "").find(piece)
            if at >= 0:
                return f"{fld}[{at}:{at + len(piece)}]"
        return "[quoted]"
    return _QUOTED.sub(place, evidence)


def manifest(folder: Path) -> list[dict]:
    """One label row per article of the folder: id, url, gold event, derived_from with evidence as offsets."""
    arts = {a["id"]: a for a in read_jsonl(folder / "articles.jsonl")}
    out = []
    for g in read_jsonl(folder / "gold.jsonl"):
        a = arts[g["id"]]
        d = g["derived_from"]
        if d:
            d = {**d, "evidence": offsets(d["evidence"], a)}
        out.append({"id": a["id"], "url": a["url"], "outlet": a["outlet"], "gold_event": a.get("gold_event"),
                    "derived_from": d})
    return out


def score(folder: Path, labels: Path, show: bool = True) -> dict:
    """Precision, recall and original outlet right of core.reprints.find_reprints on the folder's articles."""
    arts = read_jsonl(folder / "articles.jsonl")
    gold_rows = {g["id"]: g for g in read_jsonl(labels)}
    by_id = {a["id"]: a for a in arts}
    missing = sorted(set(gold_rows) - set(by_id))
    changed = sorted(i for i in gold_rows if i in by_id and by_id[i]["url"] != gold_rows[i]["url"])
    if missing or changed:
        raise SystemExit(f"labels and folder disagree: missing {missing[:5]}, url changed {changed[:5]}")
    arts = [a for a in arts if a["id"] in gold_rows]
    gold = {i: g["derived_from"] for i, g in gold_rows.items()}
    got = score_derived(arts, gold)
    found, derived, tp, named, secs = got["found"], got["derived"], got["tp"], got["named"], got["secs"]
    p, r = len(tp) / max(1, len(found)), len(tp) / max(1, len(derived))
    o = len(named) / max(1, len(tp))
    fp = sorted(set(found) - derived)
    fn = sorted(derived - set(found))
    wrong = sorted(set(tp) - set(named))
    if show:
        print(f"{folder} ({len(arts)} articles, {len(derived)} derived, "
              f"{len({a.get('gold_event') for a in arts})} gold events; detection {secs:.2f} s)")
        print(f"   derived articles: precision {p:.3f}, recall {r:.3f} ({len(found)} flagged, {len(tp)} rightly); "
              f"original outlet right for {len(named)}/{len(tp)} ({o:.3f}); targets 0.95 / 0.9 / 0.9")
        kinds = Counter(gold[i]["kind"] for i in derived)
        hit = Counter(gold[i]["kind"] for i in tp)
        print("   recall by gold kind: " + "; ".join(f"{k} {hit[k]}/{n}" for k, n in sorted(kinds.items())))
        pairs = Counter((gold[i]["kind"], found[i].kind) for i in tp)
        print("   gold kind -> verdict kind: " + "; ".join(f"{g} -> {k}: {n}" for (g, k), n in sorted(pairs.items())))
        for i in fp:
            print(f"   false positive: {i} ({by_id[i]['outlet']}): {found[i].summary()}; "
                  f"evidence: {_evidence(found[i])}")
        for i in fn:
            print(f"   missed: {i} ({by_id[i]['outlet']}; {gold[i]['kind']} of {gold[i]['outlet']})")
        for i in wrong:
            print(f"   wrong outlet: {i} ({by_id[i]['outlet']}): {found[i].summary()}, gold {gold[i]['outlet']} "
                  f"({gold[i]['kind']})")
    return {"precision": p, "recall": r, "outlet_right": o, "false_positives": fp, "missed": fn, "wrong_outlet": wrong}


def _evidence(v) -> str:
    from core.reprints import describe_evidence
    return describe_evidence(v.evidence)[:160]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    sub = ap.add_subparsers(dest="cmd", required=True)
    m = sub.add_parser("manifest", help="print the label manifest of a folder's gold.jsonl")
    m.add_argument("folder", type=Path)
    s = sub.add_parser("score", help="score the current code on a folder against the committed labels")
    s.add_argument("folder", type=Path)
    s.add_argument("--labels", default="reprints_pages.jsonl", help="label file in bench/labels/ (or a path)")
    a = ap.parse_args()
    if not (a.folder / "articles.jsonl").exists():
        print(f"{a.folder}: no articles.jsonl (the pages are kept outside the repository); nothing to do")
        return
    if a.cmd == "manifest":
        for row in manifest(a.folder):
            print(json.dumps(row, ensure_ascii=False))
        return
    labels = Path(a.labels)
    score(a.folder, labels if labels.exists() else HERE / a.labels)


if __name__ == "__main__":
    main()
