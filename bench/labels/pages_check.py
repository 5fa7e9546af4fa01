"""A fresh held-out check of the contested-terms matcher on real news pages kept outside the repository.

The pages (one JSON per page: url, title, text) were collected with the `search` tool's stored web pages on
topics the lexicon covers and are never committed (third-party text); the labels carry url + offsets only.

    # 1. draw: every match of the current matcher (at most --max, seeded), without its voice
    .venv/bin/python bench/labels/pages_check.py draw /work/notes/pages17 > bench/labels/contested_pages_sample.jsonl
    # 2. label by hand from the sentences (never the matcher's voice), GUIDE.md rules -> contested_pages.jsonl
    .venv/bin/python bench/labels/pages_check.py show /work/notes/pages17 contested_pages_sample.jsonl
    # 3. precision overall and per family; --quotes gives the matcher core.quotes' attributions as the dashboard does
    .venv/bin/python bench/labels/pages_check.py score /work/notes/pages17 contested_pages.jsonl [--quotes] [--show-errors]
    # 4. pooled: more samples of the same matcher scored as one (--also FOLDER LABELS, repeated)
    .venv/bin/python bench/labels/pages_check.py score /work/notes/pages22 contested_pages6.jsonl \
        --also /work/notes/pages21 contested_pages5.jsonl

Without the folder (as in CI) every command says so and exits 0. Twenty-seven samples so far, each drawn and labelled
before the matcher was changed on it: /work/notes/pages17 -> contested_pages(_sample).jsonl (round 5),
/work/notes/pages18 -> contested_pages2(_sample).jsonl (round 6), /work/notes/pages19 ->
contested_pages3(_sample).jsonl (round 7), /work/notes/pages20 -> contested_pages4(_sample).jsonl (round 8),
/work/notes/pages21 -> contested_pages5(_sample).jsonl (round 8's rules, not tuned on), /work/notes/pages22 ->
contested_pages6(_sample).jsonl (round 8's rules again, not tuned on), /work/notes/pages23 ->
contested_pages7(_sample).jsonl and /work/notes/pages24 -> contested_pages8(_sample).jsonl (both round 10's rules,
not tuned on), /work/notes/pages25 -> contested_pages9(_sample).jsonl (round 11's rules, not tuned on),
/work/notes/pages26 -> contested_pages10(_sample).jsonl and /work/notes/pages27 -> contested_pages11(_sample).jsonl
(both round 12's rules, not tuned on), /work/notes/pages28 -> contested_pages12(_sample).jsonl and /work/notes/pages29 ->
contested_pages13(_sample).jsonl (both round 13's rules, not tuned on), /work/notes/pages30 ->
contested_pages14(_sample).jsonl (round 13's rules again, not tuned on), /work/notes/pages31 ->
contested_pages15(_sample).jsonl (round 17's rules, not tuned on), /work/notes/pages32 ->
contested_pages16(_sample).jsonl (round 18's rules, not tuned on), /work/notes/pages33 -> contested_pages17(_sample).jsonl
(round 18's rules; studied in round 19), /work/notes/pages34 -> contested_pages18(_sample).jsonl (round 19's rules;
studied in round 20), /work/notes/pages35 -> contested_pages19(_sample).jsonl (round 20's rules; studied in round 21),
/work/notes/pages36 -> contested_pages20(_sample).jsonl (round 21's rules; studied in round 22), /work/notes/pages37 ->
contested_pages21(_sample).jsonl (round 22's rules; studied in round 23), /work/notes/pages38 ->
contested_pages22(_sample).jsonl (round 23's rules; studied in round 24), /work/notes/pages39 ->
contested_pages23(_sample).jsonl (round 24's rules; studied in round 25), /work/notes/pages40 ->
contested_pages24(_sample).jsonl (round 25's rules: 152/159 = 0.956 untuned; studied in round 26), /work/notes/pages41 ->
contested_pages25(_sample).jsonl (round 26's rules: 111/119 = 0.933 untuned; studied in round 27), /work/notes/pages42 ->
contested_pages26(_sample).jsonl (round 27's rules: 81/89 = 0.910 untuned; studied in round 28), /work/notes/pages43 ->
contested_pages27(_sample).jsonl (round 28's rules, not tuned on: 55/59 = 0.932 untuned); rounds 6 to 28 with
`draw --max 400` (every match). The folders pages17 to pages32 were lost with the old machine: samples one to sixteen can no longer be scored
(their labels stay, for framing_eval --by-term once found again).
"""
from __future__ import annotations

import argparse
import json
import random
import sys
from collections import Counter, defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))
from core.contested import compile_lexicon, find_matches  # noqa: E402
from core.framing import prepare  # noqa: E402
from core.lexicon import load_contested_terms  # noqa: E402

HERE = Path(__file__).parent
SEED = 28


def load_pages(folder: Path) -> dict[str, dict]:
    """The pages of the folder as articles keyed by url (outlet: the url's host)."""
    out = {}
    for f in sorted(folder.glob("*.json")):
        p = json.loads(f.read_text(encoding="utf-8"))
        host = p["url"].split("/")[2] if "//" in p["url"] else "unknown"
        out[p["url"]] = {"id": p["url"], "outlet": host, "title": p.get("title") or "", "text": p.get("text") or ""}
    return out


def page_matches(pages: dict[str, dict], quotes: dict | None = None) -> list[dict]:
    """Every match the current matcher shows on the pages (quotes: per url, core.quotes dicts, or None)."""
    lex = compile_lexicon(tuple(load_contested_terms()))
    return [m for url, a in pages.items()
            for m in find_matches(prepare([a])[0], lex, quotes.get(url, []) if quotes is not None else None)]


def seeded_sample(rows: list, n_max: int, key) -> list:
    """All rows, or SEED's sample of n_max when there are more, in `key` order: the draws of every fresh check."""
    picked = rows if len(rows) <= n_max else random.Random(SEED).sample(rows, n_max)
    return sorted(picked, key=key)


def draw(pages: dict, n_max: int) -> None:
    """Print the matches to label (url, field, sentence, span, term, family: never the voice)."""
    ms = page_matches(pages)
    picked = seeded_sample(ms, n_max, lambda m: (m["id"], m["field"], m["start"]))
    print(f"{len(pages)} pages, {len(ms)} matches; drew {len(picked)}", file=sys.stderr)
    for n, m in enumerate(picked):
        print(json.dumps({"n": n, "url": m["id"], "field": m["field"], "sent": m["sentence"],
                          "span": [m["start"], m["end"]], "term": m["term"], "family": m["family"]}))


def show(pages: dict, sample: str) -> None:
    """Print each drawn match in its sentence, with the one before it, for hand labelling."""
    for r in map(json.loads, (HERE / sample).open(encoding="utf-8")):
        a = pages[r["url"]]
        text = a["title"] if r["field"] == "title" else a["text"]
        (s, e), (ms, me) = r["sent"], r["span"]
        before = text[max(0, s - 300):s].replace("\n", " ") if r["field"] == "text" else ""
        print(f"#{r['n']} [{r['family']}] term={r['term']!r} {r['url']} ({r['field']})\n   title: {a['title'][:160]}")
        if before.strip():
            print(f"   prev:  …{before}")
        print(f"   SENT:  {(text[s:ms] + '[[' + text[ms:me] + ']]' + text[me:e]).replace(chr(10), ' ')}\n")


def extract(pages: dict) -> dict[str, list[dict]]:
    """core.quotes' attributions per url, as the store holds them for the dashboard."""
    from core.quotes import extract_quotes
    out = defaultdict(list)
    for q in extract_quotes(list(pages.values()), progress=False):
        out[q.article_id].append(q.to_dict())
    return out


def score(pages: dict, labels_names: list[str], with_quotes: bool, show_errors: bool) -> None:
    """Precision of the matches the current matcher shows, against the labels (right = contested use and
    own-vs-other voice right), overall and per family; a shown match no label covers is counted apart."""
    labels = [json.loads(line) for name in labels_names for line in (HERE / name).open(encoding="utf-8")]
    by_key = {(r["url"], r["field"], r["family"], tuple(r["span"])): r for r in labels}
    ms = page_matches(pages, extract(pages) if with_quotes else None)
    fam, tot, errors = defaultdict(Counter), Counter(), []
    for m in ms:
        r = by_key.get((m["id"], m["field"], m["family"], (m["start"], m["end"])))
        if r is None:
            tot["unlabelled"] += 1
            continue
        sense = r["use"] == "contested"
        voice = m["voice"] == "unclear" or (r["voice"] == "own") == (m["voice"] == "own")   # unclear claims no voice
        ok = sense and voice
        tot["unclear"] += m["voice"] == "unclear"
        tot["own_true"] += sense and r["voice"] == "own"
        tot["own_shown"] += sense and r["voice"] == "own" and m["voice"] == "own"
        for c in (fam[m["family"]], tot):
            c["shown"] += 1
            c["right"] += ok
            c["sense_err"] += not sense
            c["voice_err"] += sense and not voice
        if not ok:
            errors.append((r, m, "sense (" + r["use"] + ")" if not sense else
                           f"voice: labelled {r['voice']} ({r['speaker']}), shown {m['voice']} ({m['speaker']})"))
    mode = "core.quotes attributions given (as the dashboard)" if with_quotes else "regex frames only (compare)"
    print(f"contested terms on {len(pages)} fresh news pages, {mode}: {tot['shown']} labelled matches shown "
          f"({tot['unlabelled']} unlabelled)")
    if tot["shown"]:
        print(f"  precision {tot['right']}/{tot['shown']} = {tot['right'] / tot['shown']:.3f}  "
              f"(errors: sense {tot['sense_err']}, voice {tot['voice_err']}); {tot['unclear']} shown as unclear "
              f"(no voice claimed); labelled own-voice uses shown as own {tot['own_shown']}/{tot['own_true']}")
    for f, c in sorted(fam.items(), key=lambda kv: -kv[1]["shown"]):
        print(f"  {f:32s} {c['right']:3d}/{c['shown']:<3d} {c['right'] / c['shown']:.2f}")
    if show_errors:
        for r, m, why in errors:
            a = pages[r["url"]]
            text = a["title"] if r["field"] == "title" else a["text"]
            print(f"  [{why}] {r['family']} / {m['surface']!r}\n      "
                  + text[r["sent"][0]:r["sent"][1]].replace("\n", " ")[:260])


def main() -> None:
    """Parse the command line and run one step."""
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("step", choices=["draw", "show", "score"])
    ap.add_argument("folder", type=Path)
    ap.add_argument("file", nargs="?", help="sample (show) or labels (score), a file in bench/labels")
    ap.add_argument("--max", type=int, default=150, help="draw at most this many matches")
    ap.add_argument("--quotes", action="store_true", help="give the matcher core.quotes' attributions")
    ap.add_argument("--show-errors", action="store_true")
    ap.add_argument("--also", nargs=2, action="append", default=[], metavar=("FOLDER", "LABELS"),
                    help="score: pool another sample of the same matcher (its page folder and labels file)")
    args = ap.parse_args()
    folders = [args.folder] + [Path(f) for f, _ in args.also]
    missing = next((f for f in folders if not f.is_dir()), None)
    if missing is not None:
        print(f"pages_check: no page folder at {missing}: nothing to check (the pages are kept outside the "
              "repository)", file=sys.stderr)
        return
    pages = {url: a for f in folders for url, a in load_pages(f).items()}
    if args.step == "draw":
        draw(pages, args.max)
    elif args.step == "show":
        show(pages, args.file)
    else:
        score(pages, [args.file] + [name for _, name in args.also], args.quotes, args.show_errors)


if __name__ == "__main__":
    main()
