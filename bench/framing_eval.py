"""Precision and recall of the framing claims against hand labels (bench/labels, see GUIDE.md).

Contested terms: the 675 candidates of 402 sentences drawn with the 0.1.0 matcher, each labelled
(contested use or not; whose voice). A match the matcher shows is right when the label says
"contested" and the voice it shows is right (the outlet's own vs someone else's; a match shown as
unclear claims no voice, so only its sense counts, and the share of labelled own-voice uses still
shown as the outlet's own is printed beside it); recall is the share
of labelled contested uses it still finds (same family, overlapping span), so true uses the new
matcher drops count against it. Matches inside the drawn sentences that no label covers are counted
and listed, not guessed. "before" is the 0.1.0 matcher: every candidate shown as the outlet's own.

Omissions: the 100 claims drawn from the 0.1.0 code, labelled true or false; precision before is the
labelled share of true claims, after is the share among those the current code still makes (with
the count of its claims that were not in the draw); then the fresh check (50 claims of the first stricter
version, tuned on since) and, on its own HELD-OUT line, the held-out draw's untuned figure (44 claims labelled
before any change), then what the current code makes of that draw (studied since: not a held-out figure).

    .venv/bin/python bench/framing_eval.py              # both parts
    .venv/bin/python bench/framing_eval.py --part contested --show-errors
    .venv/bin/python bench/framing_eval.py --by-term     # per-term precision, every label pooled
"""
from __future__ import annotations

import argparse
import json
import sys
from collections import Counter, defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
from core.contested import compile_lexicon, find_matches  # noqa: E402
from core.framing import prepare  # noqa: E402
from core.lexicon import load_contested_terms  # noqa: E402

LABELS = ROOT / "bench" / "labels"
DATA = ROOT.parent / "shared" / "data"
SOURCES = {"realworld": DATA / "realworld" / "articles.jsonl",
           "basil": DATA / "corpora" / "basil.jsonl", "newswcl50": DATA / "corpora" / "newswcl50.jsonl",
           "ecbplus_dev": DATA / "corpora" / "ecbplus_dev.jsonl", "allsides_dev": DATA / "corpora" / "allsides_dev.jsonl"}
TARGET_PRECISION, TARGET_FAMILY, TARGET_RECALL = 0.9, 0.75, 0.8


def load_articles(needed: set[tuple[str, str]]) -> dict[tuple[str, str], dict]:
    """The labelled articles, keyed (source, id)."""
    out = {}
    for source, path in SOURCES.items():
        for line in path.open(encoding="utf-8"):
            a = json.loads(line)
            if (source, str(a["id"])) in needed:
                out[(source, str(a["id"]))] = a
    return out


def _overlap(a: list[int], b: tuple[int, int]) -> bool:
    return a[0] < b[1] and b[0] < a[1]


def _voice_ok(label: dict, match: dict) -> bool:
    """The shown voice is right: own vs someone else's as labelled; a match shown as unclear claims no voice
    (it says only that the term stands in a sentence that reports someone), so only its sense is judged."""
    return match["voice"] == "unclear" or (label["voice"] == "own") == (match["voice"] == "own")


def _speaker_ok(label: str | None, shown: str | None) -> bool:
    """Lenient: the shown speaker shares a name word with the labelled one (first five letters, so
    "Zelensky" meets "Zelenskyy"), or is its initials ("FSB"), or both are unnamed."""
    if not label or not shown:
        return not shown                      # showing no name is never a wrong name
    def stems(x):
        return {w.lower().strip(".,'’")[:5] for w in x.replace(":", " ").split() if len(w.strip(".,'’")) >= 2}
    initials = "".join(w[0] for w in label.split() if w[:1].isupper())
    return bool(stems(label) & stems(shown)) or shown.replace(".", "").upper() == initials.upper()


def print_errors(errors: list[tuple], arts: dict) -> None:
    """Each wrong or missed claim with its label, what was shown, and its sentence."""
    for r, m, why in errors:
        a = arts[(r["source"], r["id"])]
        text = a["title"] if r["field"] == "title" else a["text"]
        extra = f" shown speaker={m['speaker']!r}" if m else ""
        print(f"  [{why}] {r['family']} / {text[r['span'][0]:r['span'][1]]!r} label={r['use']},{r['voice']},"
              f"{r['speaker']!r}{extra}\n      " + text[r["sent"][0]:r["sent"][1]].replace("\n", " ")[:260])


def eval_contested(show_errors: bool, with_quotes: bool = False) -> dict:
    """Run the current matcher over every labelled article; print precision and recall.

    with_quotes: give the matcher the quotes core.quotes extracts (spaCy), as the dashboard does with
    the store's quotes; otherwise voices come from the regex frames alone, as in `framelens compare`.
    """
    labels = [json.loads(line) for line in (LABELS / "contested_terms.jsonl").open(encoding="utf-8")]
    arts = load_articles({(r["source"], r["id"]) for r in labels})
    lex = compile_lexicon(tuple(load_contested_terms()))
    units = defaultdict(list)                  # (source, id, field) -> [(sent span, stratum)]
    for r in labels:
        units[(r["source"], r["id"], r["field"])].append((tuple(r["sent"]), r["stratum"].split(":")[0]))
    quotes = defaultdict(list)
    if with_quotes:
        from core.quotes import extract_quotes
        for q in extract_quotes([dict(a, id=f"{src}:{aid}") for (src, aid), a in arts.items()]):
            quotes[q.article_id].append(q.to_dict())
    shown = []                                 # (match, source)
    for (source, aid), a in arts.items():
        doc = prepare([a])[0]
        for m in find_matches(doc, lex, quotes.get(f"{source}:{aid}", []) if with_quotes else None):
            spans = units.get((source, aid, m["field"]), [])
            if any(s <= m["start"] < e for (s, e), _ in spans):
                shown.append((m, source))
    by_key = defaultdict(list)
    for r in labels:
        by_key[(r["source"], r["id"], r["field"], r["family"])].append(r)
    per_family = defaultdict(Counter)
    totals = Counter()
    errors, unlabelled = [], []
    for m, source in shown:
        cands = [r for r in by_key[(source, m["id"], m["field"], m["family"])] if _overlap(r["span"], (m["start"], m["end"]))]
        if not cands:
            unlabelled.append((source, m))
            totals["unlabelled"] += 1
            continue
        r = cands[0]
        sense = r["use"] == "contested"
        voice = _voice_ok(r, m)
        ok = sense and voice
        totals["unclear"] += m["voice"] == "unclear"
        totals["own_true"] += sense and r["voice"] == "own"
        totals["own_shown"] += sense and r["voice"] == "own" and m["voice"] == "own"
        f = per_family[m["family"]]
        f["shown"] += 1
        f["right"] += ok
        totals["shown"] += 1
        totals["right"] += ok
        totals["sense"] += sense
        totals["voice_exact"] += sense and r["voice"] == m["voice"]
        if sense and m["voice"] not in ("own", "unclear") and r["voice"] != "own":
            totals["other_voice"] += 1
            totals["speaker_ok"] += _speaker_ok(r["speaker"], m["speaker"])
            if not _speaker_ok(r["speaker"], m["speaker"]):
                errors.append((r, m, f"speaker: labelled {r['speaker']!r}, shown {m['speaker']!r}"))
        totals["stratum_shown:" + r["stratum"].split(":")[0]] += 1
        totals["stratum_right:" + r["stratum"].split(":")[0]] += ok
        if not ok:
            errors.append((r, m, "not a contested use (" + r["use"] + ")" if not sense else
                           f"voice: labelled {r['voice']}, shown {m['voice']}"))
    found_keys = {(s, m["id"], m["field"], m["family"], m["start"], m["end"]) for m, s in shown}
    for r in labels:
        if r["use"] != "contested":
            continue
        f = per_family[r["family"]]
        f["true"] += 1
        totals["true"] += 1
        hit = any(k[:4] == (r["source"], r["id"], r["field"], r["family"]) and _overlap(r["span"], k[4:])
                  for k in found_keys)
        f["found"] += hit
        totals["found"] += hit
        if not hit:
            errors.append((r, None, "missed"))
    before_right = sum(1 for r in labels if r["use"] == "contested" and r["voice"] == "own")
    precision = totals["right"] / totals["shown"] if totals["shown"] else 0.0
    recall = totals["found"] / totals["true"] if totals["true"] else 0.0
    print("== contested terms: %d labelled candidates in %d sentences, %d contested uses; voices from %s"
          % (len(labels), len({r["unit"] for r in labels}), totals["true"],
             "core.quotes (spaCy) quotes and regex frames" if with_quotes else "regex frames"))
    print(f"before (0.1.0: every candidate, all as the outlet's own): shown {len(labels)}, "
          f"precision {before_right / len(labels):.3f}, recall 1.000 by construction")
    print(f"after: shown {totals['shown']} labelled (+{totals['unlabelled']} unlabelled), "
          f"precision {precision:.3f} (sense right {totals['sense'] / max(totals['shown'], 1):.3f}; "
          f"sense and exact voice {totals['voice_exact'] / max(totals['shown'], 1):.3f}), recall {recall:.3f}")
    print(f"shown as unclear (no voice claimed, sense only): {totals['unclear']}; labelled own-voice contested uses "
          f"shown as the outlet's own: {totals['own_shown']}/{totals['own_true']}")
    if totals["other_voice"]:
        print(f"speaker named right (or left unnamed) for {totals['speaker_ok']}/{totals['other_voice']} "
              f"quoted/attributed true uses shown")
    for st in ("realworld", "corpora", "family"):
        n = totals["stratum_shown:" + st]
        if n:
            print(f"  drawn as {st:9s}: precision {totals['stratum_right:' + st] / n:.3f} of {n}")
    fams = sorted(per_family.items(), key=lambda kv: (-kv[1]["shown"], kv[0]))
    low = [(name, c) for name, c in fams if c["shown"] and c["right"] / c["shown"] < TARGET_FAMILY]
    print(f"{'family':34s} shown  prec  true found recall")
    for name, c in fams:
        if c["shown"] or c["true"]:
            p = f"{c['right'] / c['shown']:.2f}" if c["shown"] else "  - "
            rc = f"{c['found'] / c['true']:.2f}" if c["true"] else "  - "
            print(f"{name[:34]:34s} {c['shown']:5d}  {p}  {c['true']:4d} {c['found']:5d}  {rc}")
    print(f"targets: precision >= {TARGET_PRECISION} {'met' if precision >= TARGET_PRECISION else 'MISSED'}; "
          f"no family under {TARGET_FAMILY}: {'met' if not low else 'MISSED (' + ', '.join(n for n, _ in low) + ')'}; "
          f"recall >= {TARGET_RECALL} {'met' if recall >= TARGET_RECALL else 'MISSED'}")
    if show_errors:
        print_errors(errors, arts)
        for source, m in unlabelled:
            print(f"  [unlabelled] {m['family']} / {m['surface']!r} in {source}:{m['id']}")
    return {"precision": precision, "recall": recall, "low_families": [n for n, _ in low], "families": per_family}


CHECKS = {"contested_check.jsonl": "second draw: 150 matches the matcher showed at commit 7e4c82d "
                                   "(precision 0.807 when first measured; tuned on since)",
          "contested_final.jsonl": "third draw: 100 matches the matcher showed at commit 1bd5c1f "
                                   "(precision 0.760 when first measured; tuned on since)",
          "contested_study.jsonl": "fourth draw (study): 130 corpora matches the matcher showed after merging main "
                                   "at d422dc5 (precision 0.746 when first measured; tuned on since)"}


HELDOUT = {"contested_heldout.jsonl": "held-out draw: 160 matches the matcher showed at commit 2fbf88c, all 24 real-world "
                                     "ones left and 136 from the held-out half of the corpora's events, labelled before "
                                     "the matcher's output was looked at; its errors were studied after that first "
                                     "measure (round 3), so what it prints now is a tuned figure"}
HELDOUT["contested_heldout2.jsonl"] = ("second held-out draw (never tuned on): 80 matches the matcher showed at commit "
                                      "00fb25f (after the first held-out draw was studied), from the held-out half of the "
                                      "corpora's events outside every earlier draw, labelled before its output was looked at")
HELDOUT["contested_heldout3.jsonl"] = ("third held-out draw: 110 matches the matcher showed at commit "
                                      "2037aa6 (after the second held-out draw was studied), from the held-out half of the "
                                      "corpora's events outside every earlier draw, labelled before its output was looked at")
HELDOUT["contested_heldout4.jsonl"] = ("fourth held-out draw: 105 matches the matcher showed at commit "
                                      "16931d5 (after the third held-out draw was studied), from the held-out half of the "
                                      "corpora's events outside every earlier draw, labelled before its output was looked at")
HELDOUT["contested_heldout5.jsonl"] = ("fifth held-out draw: 100 matches the matcher showed at commit "
                                      "a3491e3 (after the fourth held-out draw was studied), every match left in the held-out "
                                      "half of the corpora's events outside the earlier draws, labelled before its output was "
                                      "looked at")
# held-out draws studied since their first measure: the untuned figure is the held-out one, printed as such
HELDOUT_UNTUNED = {"contested_heldout.jsonl": "precision 0.881 (141/160); real-world 20/24, corpora 121/136; "
                                              "resign / ousted 4/6 (as first measured at 2fbf88c, before any change)",
                   "contested_heldout2.jsonl": "precision 0.875 (70/80), all corpora (as first measured at 00fb25f, "
                                               "before any change; its errors were studied in round 4)",
                   "contested_heldout3.jsonl": "precision 0.891 (98/110), all corpora; claims by officials 22/26 (as first "
                                               "measured at 2037aa6, before any change; its errors were studied in round 4)",
                   "contested_heldout4.jsonl": "precision 0.876 (92/105), all corpora; collusion 2/4, claims by officials "
                                               "17/22 (as first measured at 16931d5, before any change; its errors were "
                                               "studied in round 4)",
                   "contested_heldout5.jsonl": "precision 0.790 (79/100), all corpora; border barrier 9/13, unrest 4/6, "
                                               "spending 0/4 (as first measured at a3491e3, before any change; its errors "
                                               "were studied in round 4)"}
HELDOUT_NAME = {"contested_heldout.jsonl": "first draw", "contested_heldout2.jsonl": "second draw",
                "contested_heldout3.jsonl": "third draw", "contested_heldout4.jsonl": "fourth draw",
                "contested_heldout5.jsonl": "fifth draw"}
TARGET_FAMILY_MIN_SHOWN = 4     # the per-family target applies to families with at least this many matches


def eval_check(show_errors: bool, with_quotes: bool = False, name: str = "contested_check.jsonl") -> dict:
    """Precision on a later draw of matches the matcher showed, outside the earlier draws.

    A labelled match the current matcher no longer shows is reported apart (it counts neither way).
    """
    labels = [json.loads(line) for line in (LABELS / name).open(encoding="utf-8")]
    arts = load_articles({(r["source"], r["id"]) for r in labels})
    lex = compile_lexicon(tuple(load_contested_terms()))
    quotes = defaultdict(list)
    if with_quotes:
        from core.quotes import extract_quotes
        for q in extract_quotes([dict(a, id=f"{src}:{aid}") for (src, aid), a in arts.items()]):
            quotes[q.article_id].append(q.to_dict())
    shown = {}
    for (source, aid), a in arts.items():
        for m in find_matches(prepare([a])[0], lex, quotes.get(f"{source}:{aid}", []) if with_quotes else None):
            shown[(source, aid, m["field"], m["start"], m["end"], m["family"])] = m
    c, errors, per_family = Counter(), [], defaultdict(Counter)
    for r in labels:
        m = shown.get((r["source"], r["id"], r["field"], r["span"][0], r["span"][1], r["family"]))
        if m is None:
            c["dropped"] += 1
            c["dropped_true"] += r["use"] == "contested"
            continue
        sense = r["use"] == "contested"
        ok = sense and _voice_ok(r, m)
        c["shown"] += 1
        c["right"] += ok
        per_family[r["family"]]["shown"] += 1
        per_family[r["family"]]["right"] += ok
        c["sense"] += sense
        c["realworld_shown"] += r["source"] == "realworld"
        c["realworld_right"] += ok and r["source"] == "realworld"
        c["unclear"] += m["voice"] == "unclear"
        if sense and r["voice"] != "own" and m["voice"] not in ("own", "unclear"):
            c["other_voice"] += 1
            c["speaker_ok"] += _speaker_ok(r["speaker"], m["speaker"])
            if not _speaker_ok(r["speaker"], m["speaker"]):
                errors.append((r, m, f"speaker: labelled {r['speaker']!r}, shown {m['speaker']!r}"))
        if not ok:
            errors.append((r, m, "not a contested use (" + r["use"] + ")" if not sense else
                           f"voice: labelled {r['voice']}, shown {m['voice']}"))
    p = c["right"] / c["shown"] if c["shown"] else 0.0
    print(f"== {CHECKS.get(name) or HELDOUT[name]}")
    print(f"shown now {c['shown']} (dropped since: {c['dropped']}, {c['dropped_true']} of them true uses): "
          f"precision {p:.3f} (sense right {c['sense'] / max(c['shown'], 1):.3f}); "
          f"real-world {c['realworld_right']}/{c['realworld_shown']}; "
          f"speaker named right (or left unnamed) {c['speaker_ok']}/{c['other_voice']}; "
          f"{c['unclear']} shown as unclear (no voice claimed)")
    if name in HELDOUT:
        low = sorted(f for f, x in per_family.items()
                     if x["shown"] >= TARGET_FAMILY_MIN_SHOWN and x["right"] / x["shown"] < TARGET_FAMILY)
        studied = name in HELDOUT_UNTUNED
        tag = "studied" if studied else "HELD-OUT"
        if studied:
            print(f"HELD-OUT contested terms ({HELDOUT_NAME[name]}), untuned: {HELDOUT_UNTUNED[name]}; target precision "
                  f">= {TARGET_PRECISION} MISSED there")
        print((f"held-out draw now (studied since, NOT a held-out figure): precision {p:.3f} " if studied else
               f"HELD-OUT contested terms ({HELDOUT_NAME[name]}, untuned): precision {p:.3f} ")
              + f"({c['right']}/{c['shown']}); real-world {c['realworld_right']}/{c['realworld_shown']}, corpora "
              f"{c['right'] - c['realworld_right']}/{c['shown'] - c['realworld_shown']}")
        for fam, x in sorted(per_family.items(), key=lambda kv: (-kv[1]["shown"], kv[0])):
            if x["shown"] >= TARGET_FAMILY_MIN_SHOWN:
                print(f"  {tag:8s}  {fam[:34]:34s} {x['right']:3d}/{x['shown']:<3d} {x['right'] / x['shown']:.2f}")
        print(f"{tag} draw targets: precision >= {TARGET_PRECISION} {'met' if p >= TARGET_PRECISION else 'MISSED'}; "
              f"no family with >= {TARGET_FAMILY_MIN_SHOWN} matches under {TARGET_FAMILY}: "
              + ("met" if not low else "MISSED (" + ", ".join(low) + ")"))
    if show_errors:
        print_errors(errors, arts)
    return {"precision": p, "families": per_family}


def pooled_families(results: list[dict]) -> None:
    """Per-family precision over every labelled draw together, and the families under the target."""
    pooled = defaultdict(Counter)
    for res in results:
        for fam, c in res["families"].items():
            pooled[fam]["shown"] += c["shown"]
            pooled[fam]["right"] += c["right"]
    shown = {f: c for f, c in pooled.items() if c["shown"]}
    low = sorted((f for f, c in shown.items() if c["right"] / c["shown"] < TARGET_FAMILY), key=lambda f: -shown[f]["shown"])
    total = sum(c["shown"] for c in shown.values())
    print(f"== all {len(results)} draws pooled: {total} shown, precision {sum(c['right'] for c in shown.values()) / total:.3f}; "
          f"{len(shown)} families shown, under {TARGET_FAMILY}: "
          + (", ".join(f"{f} ({shown[f]['right']}/{shown[f]['shown']})" for f in low) or "none"))


# the pages samples (pages_check.py): their folders outside the repository, by labels file
PAGES = {"contested_pages.jsonl": "pages17", "contested_pages2.jsonl": "pages18", "contested_pages3.jsonl": "pages19",
         "contested_pages4.jsonl": "pages20", "contested_pages5.jsonl": "pages21", "contested_pages6.jsonl": "pages22",
         "contested_pages7.jsonl": "pages23", "contested_pages8.jsonl": "pages24",
         "contested_pages9.jsonl": "pages25", "contested_pages10.jsonl": "pages26", "contested_pages11.jsonl": "pages27",
         "contested_pages12.jsonl": "pages28", "contested_pages13.jsonl": "pages29",
         "contested_pages14.jsonl": "pages30", "contested_pages15.jsonl": "pages31",
         "contested_pages16.jsonl": "pages32", "contested_pages17.jsonl": "pages33",
         "contested_pages18.jsonl": "pages34", "contested_pages19.jsonl": "pages35",
         "contested_pages20.jsonl": "pages36", "contested_pages21.jsonl": "pages37",
         "contested_pages22.jsonl": "pages38", "contested_pages23.jsonl": "pages39",
         "contested_pages24.jsonl": "pages40", "contested_pages25.jsonl": "pages41",
         "contested_pages26.jsonl": "pages42", "contested_pages27.jsonl": "pages43"}
# The pages samples live outside the repository in the workplace's notes folder: from the main checkout (/work/main)
# that is ROOT.parent / "notes", from a worktree (/work/wt/NAME) ROOT.parent.parent / "notes"; take the first that exists.
PAGES_ROOT = next((p for p in (ROOT.parent / "notes", ROOT.parent.parent / "notes") if p.is_dir()),
                  ROOT.parent.parent / "notes")
TERM_PRUNE_PRECISION, TERM_PRUNE_MIN = 0.6, 5    # a term under this precision over this many uses is ordinary


def by_term() -> None:
    """Per-term precision (sense only) pooled over every labelled draw and pages sample: each labelled use once,
    and apart the uses the current matcher still shows; terms it still shows under the pruning bar are marked."""
    from bench.labels.pages_check import load_pages, page_matches
    lex = compile_lexicon(tuple(load_contested_terms()))
    rows = []                                  # (family, term, contested?, still shown?)
    names = ["contested_terms.jsonl", *CHECKS, *HELDOUT]
    for name in names:
        labels = [json.loads(line) for line in (LABELS / name).open(encoding="utf-8")]
        arts = load_articles({(r["source"], r["id"]) for r in labels})
        shown = {(src, aid, m["field"], m["family"], m["start"], m["end"])
                 for (src, aid), a in arts.items() for m in find_matches(prepare([a])[0], lex)}
        for r in labels:
            still = any(k[:4] == (r["source"], r["id"], r["field"], r["family"]) and _overlap(r["span"], k[4:])
                        for k in shown) if name == "contested_terms.jsonl" else \
                (r["source"], r["id"], r["field"], r["family"], *r["span"]) in shown
            rows.append((r["family"], r["term"].lower(), r["use"] == "contested", still))
    missing = []
    for name, folder in PAGES.items():
        if not (PAGES_ROOT / folder).is_dir():
            missing.append(folder)
            continue
        shown = {(m["id"], m["field"], m["family"], m["start"], m["end"])
                 for m in page_matches(load_pages(PAGES_ROOT / folder))}
        for r in map(json.loads, (LABELS / name).open(encoding="utf-8")):
            rows.append((r["family"], r["term"].lower(), r["use"] == "contested",
                         (r["url"], r["field"], r["family"], *r["span"]) in shown))
    c = defaultdict(Counter)
    for fam, term, true, still in rows:
        x = c[(fam, term)]
        x["n"] += 1
        x["true"] += true
        x["shown"] += still
        x["shown_true"] += true and still
    print(f"== per term, {len(rows)} labelled uses pooled over {len(names)} dev draws and {len(PAGES) - len(missing)} "
          f"pages samples" + (f" (page folders missing: {', '.join(missing)})" if missing else "")
          + "; precision = contested uses / labelled uses (sense only)")
    print(f"  {'family':30s} {'term':26s} {'n':>4s} {'true':>4s} {'prec':>5s}   {'shown now':>9s} {'true':>4s} {'prec':>5s}")
    for (fam, term), x in sorted(c.items(), key=lambda kv: (kv[1]["true"] / kv[1]["n"], -kv[1]["n"])):
        sp = x["shown_true"] / x["shown"] if x["shown"] else float("nan")
        low = x["shown"] >= TERM_PRUNE_MIN and sp < TERM_PRUNE_PRECISION
        print(f"  {fam[:30]:30s} {term[:26]:26s} {x['n']:4d} {x['true']:4d} {x['true'] / x['n']:5.2f}   "
              f"{x['shown']:9d} {x['shown_true']:4d} {sp:5.2f}" + ("  <- ordinary in most contexts" if low else ""))
    flagged = [f"{f} / {t}" for (f, t), x in c.items() if x["shown"] >= TERM_PRUNE_MIN and x["shown_true"] / x["shown"] < TERM_PRUNE_PRECISION]
    print(f"terms the matcher still shows with precision < {TERM_PRUNE_PRECISION} over >= {TERM_PRUNE_MIN} labelled uses: "
          + (", ".join(flagged) or "none"))


def _still_made(r: dict, claims: list) -> bool:
    """Whether a labelled claim is among the claims made now (same event and outlet, the fact in any version)."""
    fact = (r["fact"]["id"], r["fact"]["start"], r["fact"]["end"])
    return any(k == (r["source"], r["event"]) and o == r["outlet"]
               and fact in ({(e["id"], e["start"], e["end"]) for e in f["evidence"]} | {(f["id"], f["start"], f["end"])})
               for k, o, f in claims)


def eval_omissions(show_errors: bool) -> dict:
    """Omission claims before (the labelled 0.1.0 claims) and after (those the current code still makes)."""
    from core.framing import compare_event
    labels = [json.loads(line) for line in (LABELS / "omissions.jsonl").open(encoding="utf-8")]
    by_event = defaultdict(list)
    for r in labels:
        by_event[(r["source"], r["event"])].append(r)
    arts_by_event = defaultdict(list)
    for source, path in SOURCES.items():
        if source == "ecbplus_dev":
            continue
        for line in path.open(encoding="utf-8"):
            a = json.loads(line)
            arts_by_event[(source, a["gold_event"])].append(a)
    made, new_claims, checked = [], [], 0
    for key, arts in sorted(arts_by_event.items()):
        if len({a["outlet"] for a in arts}) < 2:
            continue
        rep = compare_event(arts)
        for outlet, v in rep["omissions"].get("outlets", {}).items():
            for f in v["omits"]:
                checked += 1
                spans = {(e["id"], e["start"], e["end"]) for e in f["evidence"]} | {(f["id"], f["start"], f["end"])}
                hits = [r for r in by_event.get(key, []) if r["outlet"] == outlet
                        and (r["fact"]["id"], r["fact"]["start"], r["fact"]["end"]) in spans]
                if hits:
                    made.append(hits[0])
                else:
                    new_claims.append((key, outlet, f))
    made = list({r["claim"]: r for r in made}.values())
    before = sum(r["ok"] for r in labels) / len(labels)
    after = sum(r["ok"] for r in made) / len(made) if made else 0.0
    print(f"== omissions: {len(labels)} labelled claims drawn from the 0.1.0 code")
    print(f"before: precision {before:.3f} ({sum(r['ok'] for r in labels)}/{len(labels)} hold; "
          f"why not: {dict(Counter(r['why'] for r in labels if not r['ok']))})")
    print(f"after: the current code still makes {len(made)} of them, precision {after:.3f} "
          f"({sum(r['ok'] for r in made)}/{len(made)}); it drops {sum(r['ok'] for r in labels) - sum(r['ok'] for r in made)} "
          f"true and {sum(not r['ok'] for r in labels) - sum(not r['ok'] for r in made)} false claims")
    print(f"claims made now in the same events: {checked}, of which {len(new_claims)} are not among the labelled ones")
    print(f"target: precision >= 0.8 on the labelled claims {'met' if after >= 0.8 else 'MISSED'}")
    check = [json.loads(line) for line in (LABELS / "omissions_check.jsonl").open(encoding="utf-8")]
    made_check = [r for r in check if _still_made(r, new_claims)]
    pc = sum(r["ok"] for r in made_check) / len(made_check) if made_check else 0.0
    print(f"fresh check (50 claims the new code made at its first version, labelled after): still made "
          f"{len(made_check)}, precision {pc:.3f} ({sum(r['ok'] for r in made_check)}/{len(made_check)})")
    if show_errors:
        for r in made_check:
            if not r["ok"]:
                print(f"  [fresh check, still made, false: {r['why']}] claim {r['claim']} {r['outlet']} ({r['source']})")
    held = [json.loads(line) for line in (LABELS / "omissions_heldout.jsonl").open(encoding="utf-8")]
    made_held = [r for r in held if _still_made(r, new_claims)]
    ph = sum(r["ok"] for r in made_held) / len(made_held) if made_held else 0.0
    print("HELD-OUT omissions, untuned: precision 0.591 (26/44 claims the code made at b2e2755 outside both earlier "
          "draws, labelled before any change; why not: 11 stated, 3 copies, 3 not-majority, 1 not-a-fact); "
          "target >= 0.8 MISSED there")
    print(f"held-out omissions now (changes studied on the earlier draws; the quotation-copy, relay and anchor rules were prompted by this "
          f"draw, so NOT a held-out figure): still made {len(made_held)}, precision {ph:.3f} "
          f"({sum(r['ok'] for r in made_held)}/{len(made_held)}); dropped {sum(r['ok'] for r in held) - sum(r['ok'] for r in made_held)} "
          f"true and {sum(not r['ok'] for r in held) - sum(not r['ok'] for r in made_held)} false; "
          f"target >= 0.8 {'met' if ph >= 0.8 else 'MISSED'}")
    if show_errors:
        for r in made_held:
            if not r["ok"]:
                print(f"  [HELD-OUT, still made, false: {r['why']}] claim {r['claim']} {r['outlet']} ({r['source']})")
    labelled = check + held
    fresh = [c for c in new_claims if not any(_still_made(r, [c]) for r in labelled)]
    pooled = made + made_check + made_held
    pp = sum(r["ok"] for r in pooled) / len(pooled) if pooled else 0.0
    print(f"all three labelled omission draws pooled (all tuned on): the current code makes {len(pooled)} of them, precision "
          f"{pp:.3f} ({sum(r['ok'] for r in pooled)}/{len(pooled)}); claims it makes outside every labelled draw: {len(fresh)} "
          f"(of {checked} claims in all), so the dev sets hold no fresh claims for a new held-out draw")
    if show_errors:
        for r in made:
            if not r["ok"]:
                print(f"  [still made, false: {r['why']}] claim {r['claim']} {r['outlet']} ({r['source']})")
    return {"before": before, "after": after, "new": new_claims}


def main() -> None:
    """Parse arguments and run the chosen parts."""
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--part", choices=["contested", "omissions", "all"], default="all")
    ap.add_argument("--show-errors", action="store_true", help="print every wrong or missed claim")
    ap.add_argument("--quotes", action="store_true", help="also give the matcher core.quotes' extracted quotes")
    ap.add_argument("--by-term", action="store_true", help="only the per-term precision table (all labels pooled)")
    args = ap.parse_args()
    if args.by_term:
        by_term()
        return
    if args.part in ("contested", "all"):
        results = [eval_contested(args.show_errors, args.quotes)]
        results += [eval_check(args.show_errors, args.quotes, name) for name in CHECKS]
        pooled_families(results)
        pooled_families(results + [eval_check(args.show_errors, args.quotes, name) for name in HELDOUT])
    if args.part in ("omissions", "all"):
        eval_omissions(args.show_errors)


if __name__ == "__main__":
    main()
