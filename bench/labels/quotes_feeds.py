"""A held-out check of the quotes framelens finds in real feed items: is each row credited to whom the text credits,
and are its words that speaker's statement (not a deed, a description or a title)?

The items are the 26 feeds of ../shared/data/feeds (16–18 Feb 2026) as ingest stores them when no page can be read
(their links point to the real web): core.feeds.parse_feed, then the summary kept as the text (core.ingest's
summary-only rule; Dawn's feed carries whole texts), built as bench/labels/events_feeds.py builds them. They are
stored feed by feed in a fresh store and analysed once by core.analyse.analyse_new (clustering, quotes, speakers made
canonical per event): the rows a user's store holds. A row is "card" when core.sources.card_quotes would show it on
its outlet's card of its event (the first CARD_QUOTES of that outlet's rows it keeps).

Not exactly ingest's store: the items go in by store.add_articles (events_feeds.stored), without ingest's rule that a
page two catalog outlets list is stored once (core.ingest, dba674a). TIME's world and tech feeds both list 4 pages
(20-28 Jan 2026), stored here under both outlets: 1,186 items where ingest stores 1,182. None of the 693 quote rows
is on those 8 items, so no sampled or labelled row is touched. Kept so: the sample was drawn from this store.

    # 1. draw: 100 rows with a canonical speaker (seed 100), about half card rows; ids + offsets + speaker + kind
    .venv/bin/python bench/labels/quotes_feeds.py draw > bench/labels/quotes_feeds_sample.jsonl
    # 2. label from the item's text (GUIDE.md, "Quotes in real feed items"): who said the words, are they said words
    .venv/bin/python bench/labels/quotes_feeds.py show quotes_feeds_sample.jsonl
    # 3. score a tree's pipeline against the labels (speakers compared by bench/speaker_match.py's rules)
    PYTHONPATH=/path/to/tree .venv/bin/python bench/labels/quotes_feeds.py score quotes_feeds.jsonl [--show-errors]

A row's id is "<feed file>|<link or guid>" (events_feeds' item id) with the quote's character offsets in the stored
text; the sample and labels carry no feed text. Without the feeds (as in CI) every command says so and exits 0.

Sample: quotes_feeds_sample.jsonl, drawn with main at 3712bb1 (693 rows stored, 396 with a canonical speaker, 165
of them card rows; 50 card + 50 other rows drawn), committed (10727e9) before labelling; labels quotes_feeds.jsonl
committed (56a65a8) before any score. Held-out figure of main at 3712bb1 (GUIDE.md, "Quotes in real feed items"):
speaker 90/100, span 85/100, both 79/100; card rows 45/50, 43/50, 40/50.
"""
from __future__ import annotations

import argparse
import json
import random
import re
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
# This tree's core only when PYTHONPATH names none: `PYTHONPATH=<another tree>` scores that tree's quote code.
sys.path.append(str(ROOT))
import core  # noqa: E402

sys.path.insert(0, str(Path(__file__).parent))
import events_feeds  # noqa: E402
from quotes_pages import PLACEHOLDERS, as_names, gold_names, names_match, speaker_error  # noqa: E402

HERE = Path(__file__).parent
FEEDS = events_feeds.FEEDS
SAMPLE = HERE / "quotes_feeds_sample.jsonl"
LABELS = HERE / "quotes_feeds.jsonl"
SEED = 100
N_DRAW = 100


def stored_rows(folder: Path = FEEDS) -> tuple[list[dict], dict[str, str]]:
    """Every quote row a fresh store holds after storing the feeds' items feed by feed and analysing them once
    (events_feeds.stored: two catalog outlets' shared pages stored twice, unlike ingest), with whether its outlet's
    card shows it; and each item's text by id."""
    from core.config import Settings
    from core.sources import card_quotes, speaker_label

    feeds = events_feeds.read_feeds(folder)
    key_of = events_feeds.label_ids(feeds)
    df, arts = events_feeds.stored(
        feeds, lambda store: (store.quotes_df(limit=None), store.articles_df(limit=None, with_text=True)),
        quotes=True, settings=Settings())
    texts = dict(zip(arts["id"].astype(str), arts["text"].fillna("")))
    card = set()
    for _, group in df.groupby(["event_id", "outlet"], dropna=False):
        shown, _held = card_quotes(group)
        card.update(zip(shown["article_id"], shown["n"]))
    rows = []
    for r in df.to_dict("records"):
        name = speaker_label(r)
        rows.append({"id": key_of.get(r["article_id"], r["article_id"]), "article_id": r["article_id"],
                     "quote": [int(r["quote_start"]), int(r["quote_end"])], "kind": r["kind"], "shown": name,
                     "canonical": r["canonical_speaker"] if isinstance(r["canonical_speaker"], str) else "",
                     "type": r["speaker_type"], "how": r.get("speaker_how") or "",
                     "mention": [_int(r["speaker_start"]), _int(r["speaker_end"])], "cue": r["cue"],
                     "card": (r["article_id"], r["n"]) in card, "named": name not in PLACEHOLDERS})
    return rows, {key_of.get(i, i): t for i, t in texts.items()}


def _int(v) -> int | None:
    """An offset as an int (None where the store has none: a NaN in the frame)."""
    return None if v is None or v != v else int(v)


def draw(rows: list[dict], n: int = N_DRAW, seed: int = SEED) -> list[dict]:
    """A seeded sample of n rows with a canonical speaker, half of them card rows (as many as there are)."""
    pool = sorted((r for r in rows if r["canonical"] and r["named"]), key=lambda r: (r["id"], r["quote"], r["shown"]))
    cards, rest = [r for r in pool if r["card"]], [r for r in pool if not r["card"]]
    rng = random.Random(seed)
    take = min(len(cards), n // 2)
    picked = rng.sample(cards, take) + rng.sample(rest, min(len(rest), n - take))
    return sorted(picked, key=lambda r: (r["id"], r["quote"]))


def shown_place(name: str) -> str:
    """A shown name with its place in brackets as a label writes it: "(the United States)" -> "(United States)"
    (quotes_pages compares the bracketed places as written)."""
    return re.sub(r"\(the ([^)]*)\)\s*$", r"(\1)", name)


def row_key(r: dict) -> tuple:
    """What a label is matched on: the item, the quote's offsets and the speaker a row is counted under
    (a span said by two speakers is two rows)."""
    return r["id"], tuple(r["quote"]), r.get("shown", r.get("speaker_shown"))


def read_jsonl(path: Path) -> list[dict]:
    """The rows of a jsonl file."""
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def show(texts: dict[str, str], sample: list[dict]) -> None:
    """Print each sampled row's item text once, then the row: quote in [[ ]], the shown speaker and kind."""
    cur = None
    for s in sample:
        text = texts.get(s["id"], "")
        if s["id"] != cur:
            cur = s["id"]
            print(f"\n=== {cur}\n{text}\n")
        a, b = s["quote"]
        lead = text[max(0, a - 100):a].replace("\n", " ")
        tail = text[b:b + 60].replace("\n", " ")
        print(f"#{s['n']} ({s['kind']}, {'card' if s['card'] else 'list'}) shown {s['speaker_shown']!r}\n"
              f"    …{lead}[[{text[a:b]}]]{tail}…")


def score(rows: list[dict], labels: list[dict], texts: dict[str, str], show_errors: bool) -> dict:
    """Speaker, span and both-right precision of the labelled rows the tree still produces, overall and on card
    rows; how many labelled rows it no longer produces; how many rows it now produces that no label covers."""
    by_quote = {(r["id"], tuple(r["quote"])): [] for r in rows}
    for r in rows:
        by_quote[(r["id"], tuple(r["quote"]))].append(r)
    tot, kinds, errors, gone = Counter(), Counter(), [], []
    labelled = {(lab["id"], tuple(lab["quote"])) for lab in labels}
    for lab in labels:
        now = [r for r in by_quote.get((lab["id"], tuple(lab["quote"])), []) if r["canonical"] and r["named"]]
        if not now:
            gone.append(lab)
            continue
        # the row of that quote credited as when labelled, else the first one credited now
        row = next((r for r in now if r["shown"] == lab["speaker_shown"]), now[0])
        spk = any(names_match(as_names(shown_place(row["shown"]), row["type"]), g) for g in gold_names(lab))
        quo = bool(lab["quote_ok"])
        for scope in ("all", "card") if row["card"] else ("all",):
            tot[scope, "n"] += 1
            tot[scope, "speaker"] += spk
            tot[scope, "span"] += quo
            tot[scope, "both"] += spk and quo
        ms, me = row["mention"]
        written = texts.get(row["id"], "")[ms:me] if ms is not None and me is not None else ""
        why = [speaker_error({**row, "as_written": written}, lab)] if not spk else []
        why += [] if quo else ["span: " + (lab.get("note") or "not the speaker's words").split(";")[0]]
        kinds.update(why)
        if why:
            errors.append((row, lab, why))
    new = sum(1 for k, rs in by_quote.items() if k not in labelled for r in rs if r["canonical"] and r["named"])
    print(f"quotes in real feed items, quote code: {Path(core.__file__).parent}")
    print(f"{len(rows)} rows stored, {sum(r['canonical'] != '' and r['named'] for r in rows)} with a canonical "
          f"speaker ({sum(r['card'] for r in rows)} card rows)")
    print(f"{len(labels)} labelled rows: {tot['all', 'n']} still produced, {len(gone)} no longer produced; "
          f"{new} produced rows with a canonical speaker carry no label")
    for scope, title in (("all", "all labelled rows"), ("card", "card rows")):
        n = tot[scope, "n"]
        print(f"  {title} ({n}):")
        for k in ("speaker", "span", "both"):
            print(f"    {k:8s} {tot[scope, k]}/{n} = {tot[scope, k] / n:.3f}" if n else f"    {k:8s} -")
    print("  wrong by kind:")
    for k, c in kinds.most_common():
        print(f"    {c:3d}  {k}")
    if show_errors:
        for lab in gone:
            print(f"  #{lab['n']} no longer produced: labelled {lab['speaker']}, span "
                  f"{'right' if lab['quote_ok'] else 'wrong'}")
        for row, lab, why in errors:
            a, b = row["quote"]
            print(f"  #{lab['n']} ({'card' if row['card'] else 'list'}) [{'; '.join(why)}] shown {row['shown']!r} "
                  f"({row['type']}, {row['how']}); labelled {lab['speaker']}; {lab.get('note', '')}\n"
                  f"      {texts.get(row['id'], '')[a:b][:160]!r}")
    return {k: v for k, v in tot.items()} | {"gone": len(gone), "new": new}


def main(argv: list[str] | None = None) -> int:
    """Parse the command line and run one step."""
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("step", choices=["draw", "show", "score"])
    ap.add_argument("file", nargs="?", help="sample (show) or labels (score), a file in bench/labels")
    ap.add_argument("--feeds", type=Path, default=FEEDS)
    ap.add_argument("--show-errors", action="store_true")
    args = ap.parse_args(argv)
    if not events_feeds.has_feeds(args.feeds):
        print(f"quotes_feeds: no feed files in {args.feeds}: nothing to do (the feeds live outside the repository)",
              file=sys.stderr)
        return 0
    rows, texts = stored_rows(args.feeds)
    if args.step == "draw":
        picked = draw(rows)
        print(f"{len(rows)} rows, {sum(r['canonical'] != '' and r['named'] for r in rows)} with a canonical speaker; "
              f"drew {len(picked)} ({sum(r['card'] for r in picked)} card rows)", file=sys.stderr)
        for n, r in enumerate(picked):
            print(json.dumps({"n": n, "id": r["id"], "quote": r["quote"], "kind": r["kind"],
                              "speaker_shown": r["shown"], "card": r["card"]}, ensure_ascii=False))
    elif args.step == "show":
        sample = read_jsonl(HERE / (args.file or SAMPLE.name))
        by_key = {(r["id"], tuple(r["quote"]), r["shown"]): r for r in rows}
        for s in sample:
            s.setdefault("card", by_key.get(row_key(s), {}).get("card", False))
        show(texts, sample)
    else:
        score(rows, read_jsonl(HERE / (args.file or LABELS.name)), texts, args.show_errors)
    return 0


if __name__ == "__main__":
    sys.exit(main())
