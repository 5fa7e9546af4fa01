"""A held-out check of Named sources on fresh real news pages kept outside the repository: is each row the page
shows credited to whom the text credits, and are its words that speaker's statement?

The pages (one JSON per page: url, title, text) were fetched with the `search` tool's stored web pages and are never
committed (third-party text); the sample and labels carry url + character offsets only.

    # 1. draw: every row Named sources would show (at most --max, seeded), WITHOUT the shown speaker
    .venv/bin/python bench/labels/quotes_pages.py draw /work/notes/pages33 --also-folder /work/notes/pages34 \
        --also-folder /work/notes/pages35 > bench/labels/quotes_pages_sample.jsonl
    # 2. label blind from the page (GUIDE.md, "Named sources on fresh pages"): who the text says said each quote
    .venv/bin/python bench/labels/quotes_pages.py show /work/notes/pages33 quotes_pages_sample.jsonl --also-folder …
    # 3. score the current code against the labels (speakers compared by bench/speaker_match.py's rules)
    .venv/bin/python bench/labels/quotes_pages.py score /work/notes/pages33 quotes_pages.jsonl --also-folder … [--show-errors]

Rows are what the page shows: core.quotes.extract_quotes on each page as one article (its own event), speakers made
canonical by core.canonical.canonicalise_speakers as core.analyse does, and every row whose name
(core.sources.speaker_label) is no placeholder ("(unresolved pronoun)", "(no named speaker)", "(unknown)"):
pages/sources.py hides those. Labels say, blind to the shown name, who said the quoted words ("p:Name" a person,
"o:Name" a body, "g:Country" a government, "a:description" an anonymous source; "unclear" when the text does not
say, "none" when the words are nobody's statement) and whether the words are that speaker's statement (quote_ok).
A label is keyed by url and quote offsets, so the same labels score later code while it finds the same quote.

Samples: /work/notes/pages33-35 -> quotes_pages(_sample).jsonl (250 of 450 rows, drawn with main's code of session
28, then studied); /work/notes/qpages1 -> quotes_pages2(_sample).jsonl (all 189 rows, drawn with that study's rules);
/work/notes/qpages2 -> quotes_pages3(_sample).jsonl (120 of 217 rows, `draw --max 120`, drawn with the second study's
rules and held out, then studied in session 29); /work/notes/qpages3 -> quotes_pages4(_sample).jsonl (120 of 240 rows,
`draw --max 120`, drawn with session 29's rules and held out, then studied); /work/notes/qpages4 ->
quotes_pages5(_sample).jsonl (120 of 211 rows, held out for session 29's round 5, then studied in session 30);
/work/notes/qpages5 -> quotes_pages6(_sample).jsonl (120 of 172 rows, drawn with session 30's rules and held out, then
studied in session 31); /work/notes/qpages6 -> quotes_pages7(_sample).jsonl (120 of 188 rows, drawn with session 31's
rules and held out, then studied in session 32); /work/notes/qpages7 -> quotes_pages8(_sample).jsonl (120 of 168 rows,
drawn with session 32's rules and held out, then studied); /work/notes/qpages8 -> quotes_pages9(_sample).jsonl (120 of
161 rows, drawn with session 33's rules and held out); /work/notes/qpages9 -> quotes_pages10(_sample).jsonl (120 of 176
rows, drawn with session 33's merged rules and held out); /work/notes/qpages10 -> quotes_pages11(_sample).jsonl (120
of 226 rows, drawn with main's code at a9821e9 and held out, then studied in session 35).
Without the folder (as in CI) every command says so and exits 0.
"""
from __future__ import annotations

import argparse
import json
import re
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))
from speaker_match import matches, parse  # noqa: E402

sys.path.insert(0, str(Path(__file__).parent))
import pages_check  # noqa: E402

HERE = Path(__file__).parent
# What pages/sources.py hides: core.store.UNRESOLVED, core.sources.NO_NAMED_SPEAKER and "(unknown)"
PLACEHOLDERS = {"(unresolved pronoun)", "(no named speaker)", "(unknown)"}
GOLD_KINDS = {"p": "person", "o": "organisation", "g": "government", "a": "anonymous"}


def load_pages(folders: list[Path]) -> dict[str, dict]:
    """The pages of the folders as articles keyed by url (outlet: the url's host), as pages_check reads one."""
    return {url: a for folder in folders for url, a in pages_check.load_pages(folder).items()}


def shown_rows(pages: dict[str, dict]) -> list[dict]:
    """Every row Named sources shows for these pages, each page one article and one event (core.analyse's path)."""
    from core.quotes import canonicalise_speakers, extract_quotes
    from core.sources import speaker_label
    arts = list(pages.values())
    found = extract_quotes(arts, progress=False)
    found = canonicalise_speakers(found, event_of={a["id"]: a["id"] for a in arts}, known=[])
    rows = []
    for q in found:
        d = q.to_dict()
        name = speaker_label(d)
        if name in PLACEHOLDERS:
            continue
        text = pages[q.article_id]["text"]
        mention = text[q.speaker_start:q.speaker_end] if q.speaker_start is not None else ""
        rows.append({"url": q.article_id, "quote": [q.quote_start, q.quote_end], "kind": q.kind,
                     "mention": [q.speaker_start, q.speaker_end], "cue": [q.cue_start, q.cue_end],
                     "shown": name, "type": q.speaker_type, "as_written": mention, "how": q.speaker_how})
    return rows


def draw(pages: dict, n_max: int) -> None:
    """Print the rows to label (url, offsets, kind: never the shown speaker), a seeded sample when more than n_max."""
    rows = shown_rows(pages)
    picked = pages_check.seeded_sample(rows, n_max, lambda r: (r["url"], r["quote"], r["mention"]))
    print(f"{len(pages)} pages, {len(rows)} rows shown; drew {len(picked)}", file=sys.stderr)
    for n, r in enumerate(picked):
        print(json.dumps({"n": n, "url": r["url"], "quote": r["quote"], "kind": r["kind"],
                          "mention": r["mention"], "cue": r["cue"]}))


def show(pages: dict, sample: str, reveal: str | None) -> None:
    """Print each sampled page once, then its rows' quotes with the words just before them, for blind labelling.
    reveal: a labels file; rows labelled there are printed with the name the code shows (after labelling only)."""
    rows = [json.loads(line) for line in (HERE / sample).open(encoding="utf-8")]
    shown = {}
    if reveal:
        labelled = {r["n"] for r in map(json.loads, (HERE / reveal).open(encoding="utf-8"))}
        shown = {(r["url"], tuple(r["quote"])): r for r in shown_rows({u: pages[u] for u in {x["url"] for x in rows}})}
    url = None
    for r in rows:
        a = pages[r["url"]]
        text = a["text"]
        if r["url"] != url:
            url = r["url"]
            print(f"\n=== {url}\n    title: {a['title'][:160]}\n{text}\n")
        s, e = r["quote"]
        lead = text[max(0, s - 90):s].replace("\n", " ")
        body = text[s:e].replace("\n", " ")
        body = body if len(body) <= 260 else body[:180] + " … " + body[-60:]
        line = f"#{r['n']} ({r['kind']}) …{lead}[[{body}]]"
        if reveal and r["n"] in labelled:
            got = shown.get((r["url"], tuple(r["quote"])))
            line += f"\n     shown: {got['shown'] if got else '(not shown now)'} ({got['type'] if got else ''})"
        print(line)


# "the military", "the army" and framelens' "Armed Forces (X)" name one body; "(X)" after a name is where it is from
_FORCES_RE = re.compile(r"\b(?:military|army|armed forces)\b", re.I)
_WHERE_RE = re.compile(r"\s*\(([^)]*)\)\s*$")


def as_names(name: str, kind: str) -> list:
    """A speaker as bench/speaker_match Names, with the place in brackets kept apart ("Armed Forces (Israel)"):
    a body or anonymous source is tried as both, since "the police" is either."""
    m = _WHERE_RE.search(name)
    where = m.group(1).strip().lower() if m else None
    base = _FORCES_RE.sub("armed forces", name[:m.start()] if m else name)
    kinds = ["organisation", "anonymous"] if kind in ("organisation", "anonymous") else [kind]
    return [(parse(base, k), where) for k in kinds]


def names_match(pred: list, gold: list) -> bool:
    """Whether a shown name matches a labelled one: by bench/speaker_match's rules, and from the same place when
    both say where they are from."""
    return any(matches(p, g) and (pw is None or gw is None or pw == gw) for p, pw in pred for g, gw in gold)


def gold_names(label: dict) -> list:
    """The labelled speakers as lists of (Name, place) ([] for unclear / none)."""
    out = []
    for s in label["speaker"] if isinstance(label["speaker"], list) else [label["speaker"]]:
        kind, _, name = s.partition(":")
        if kind in GOLD_KINDS and name:
            kind = GOLD_KINDS[kind]
            out.append(as_names(f"Government of {name}", "organisation") if kind == "government"
                       else as_names(name, kind))
    return out


def speaker_error(row: dict, label: dict) -> str:
    """Why a shown speaker is wrong, by kind."""
    gold = label["speaker"] if isinstance(label["speaker"], str) else "named"
    if gold in ("unclear", "none"):
        return f"credited, text gives {gold}"
    if row["as_written"].strip().lower() in ("he", "she", "him", "her"):
        return "pronoun resolved to the wrong person"
    if row["type"] not in ("person", "organisation", "anonymous"):
        return "a mention that names no speaker shown as a name"
    return "another speaker than the text's"


def score(pages: dict, labels_name: str, show_errors: bool) -> None:
    """Speaker, quote and both-right precision of the rows the current code shows, against the labels."""
    labels = {(r["url"], tuple(r["quote"])): r for r in map(json.loads, (HERE / labels_name).open(encoding="utf-8"))}
    rows = shown_rows({u: pages[u] for u in {u for u, _ in labels}})
    tot, kinds, errors = Counter(), Counter(), []
    for row in rows:
        lab = labels.get((row["url"], tuple(row["quote"])))
        if lab is None:
            tot["unlabelled"] += 1
            continue
        pred = as_names(row["shown"], row["type"])
        spk = any(names_match(pred, g) for g in gold_names(lab))
        quo = bool(lab["quote_ok"])
        tot["shown"] += 1
        tot["speaker"] += spk
        tot["quote"] += quo
        tot["both"] += spk and quo
        why = []
        if not spk:
            why.append(speaker_error(row, lab))
        if not quo:
            why.append("words: " + (lab.get("note") or "not the speaker's statement").split(";")[0])
        for w in why:
            kinds[w] += 1
        if why:
            errors.append((row, lab, why))
    n = tot["shown"]
    gone = len(set(labels) - {(r["url"], tuple(r["quote"])) for r in rows})
    print(f"named sources on {len(pages)} fresh pages: {n} shown rows labelled ({len(labels) - gone} of the "
          f"{len(labels)} labelled quotes; {gone} no longer shown), {tot['unlabelled']} shown rows not in the sample")
    if n:
        for k, title in (("speaker", "speaker precision"), ("quote", "quote precision"), ("both", "both right")):
            print(f"  {title:18s} {tot[k]}/{n} = {tot[k] / n:.3f}")
        print("  errors by kind:")
        for k, c in kinds.most_common():
            print(f"    {c:3d}  {k}")
    if show_errors:
        shown_keys = {(r["url"], tuple(r["quote"])) for r in rows}
        for key, lab in labels.items():
            if key not in shown_keys:
                print(f"  #{lab['n']} no longer shown: labelled {lab['speaker']}, words "
                      f"{'right' if lab['quote_ok'] else 'wrong'}: {pages[key[0]]['text'][key[1][0]:key[1][1]][:100]!r}")
        for row, lab, why in errors:
            text = pages[row["url"]]["text"]
            s, e = row["quote"]
            print(f"  #{lab['n']} [{'; '.join(why)}] shown {row['shown']!r} ({row['type']}, as written "
                  f"{row['as_written']!r}, {row['how']}); labelled {lab['speaker']}; {lab.get('note', '')}\n"
                  f"      {text[s:e][:160]!r}")


def main() -> None:
    """Parse the command line and run one step."""
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("step", choices=["draw", "show", "score"])
    ap.add_argument("folder", type=Path)
    ap.add_argument("file", nargs="?", help="sample (show) or labels (score), a file in bench/labels")
    ap.add_argument("--also-folder", type=Path, action="append", default=[], help="more page folders, one sample")
    ap.add_argument("--max", type=int, default=250, help="draw at most this many rows")
    ap.add_argument("--reveal", help="show: a labels file; its labelled rows are printed with the shown speaker")
    ap.add_argument("--show-errors", action="store_true")
    args = ap.parse_args()
    folders = [args.folder] + args.also_folder
    missing = next((f for f in folders if not f.is_dir()), None)
    if missing is not None:
        print(f"quotes_pages: no page folder at {missing}: nothing to check (the pages are kept outside the "
              "repository)", file=sys.stderr)
        return
    pages = load_pages(folders)
    if args.step == "draw":
        draw(pages, args.max)
    elif args.step == "show":
        show(pages, args.file, args.reveal)
    else:
        score(pages, args.file, args.show_errors)


if __name__ == "__main__":
    main()
