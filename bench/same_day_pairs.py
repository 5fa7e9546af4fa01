"""Which gold events merge when the same-day test re-dates them (bench/cluster_eval.py), and the content
signals between them: what could tell the same actors' two happenings apart when dates cannot.

For each corpus and each actor pair of the same-day test whose articles share a predicted event once
re-dated (and did not, or less, with their own dates), prints the two events' sizes and headlines and:
  sim       mean similarity of a member of one to a member of the other (the clusterer's weighted cosine),
            next to each event's own mean between members
  titles    title words in at least half of each event's titles: shared / only in one
  actors    entities in at least half of each event's members (title + text): shared / only in one, with
            how many of the other event's members name each "only" entity anywhere
  heads     entities of the headlines and openings (title + first 300 characters), same layout
  acts      kinds of act the headlines report (core.cluster.details), and how far the two events' types clash
            (Tally.types_clash: over the members that report an act, net of the kinds they share)
  who       each side's marks against the other (core.cluster.actors): headline actors the other never names
  numbers   numbers in the titles and openings

    .venv/bin/python bench/same_day_pairs.py [--corpus NAME ...] [--all] [--set KEY=VALUE ...]
(--all: every pair, merged or not)
"""
from __future__ import annotations

import argparse
import re
import sys
from collections import Counter, defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from cluster_eval import NAMES, actor_pairs, load, parse_overrides, redate  # noqa: E402
from core.cluster import ClusterConfig, cluster_batch  # noqa: E402
from core.cluster.actors import Cast, read_heads, read_named  # noqa: E402
from core.cluster.details import Tally, read_details  # noqa: E402
from core.cluster.features import DocFrequencies, analyse_doc, entities, tokens, weigh  # noqa: E402

_NUM = re.compile(r"\b\d[\d,.]*\b")
OPENING = 300


def together(rows: list[dict], pred: list[str], a: str, b: str) -> int:
    """How many (member of a, member of b) pairs share a predicted event."""
    ca = Counter(p for r, p in zip(rows, pred) if r["gold_event"] == a)
    cb = Counter(p for r, p in zip(rows, pred) if r["gold_event"] == b)
    return sum(n * cb[p] for p, n in ca.items())


def most(items: list[set[str]], share: float = 0.5) -> set[str]:
    """The things at least `share` of the sets hold."""
    seen = Counter(x for s in items for x in s)
    return {x for x, n in seen.items() if n >= max(1, share * len(items))}


def vectors(rows: list[dict], cfg: ClusterConfig) -> dict[str, dict]:
    """Each article's weighted sub-vectors, document frequencies from all rows."""
    df = DocFrequencies()
    docs = {}
    for r in rows:
        docs[r["id"]] = analyse_doc(r.get("title") or "", r.get("text") or "", cfg.lead_words, cfg.max_chars)
        df.add(docs[r["id"]])
    return {i: weigh(d, df, cfg.max_terms) for i, d in docs.items()}


def sim(u: dict, v: dict, w: dict[str, float]) -> float:
    """The clusterer's weighted cosine over the fields both have."""
    num = den = 0.0
    for f, wf in w.items():
        if u[f] and v[f]:
            den += wf
            num += wf * sum(x * v[f].get(t, 0.0) for t, x in u[f].items())
    return num / den if den else 0.0


def mean_sim(xs: list[dict], ys: list[dict], w, same: bool) -> float:
    """Mean similarity over pairs (distinct pairs when xs is ys)."""
    vals = [sim(x, y, w) for i, x in enumerate(xs) for j, y in enumerate(ys) if not (same and j <= i)]
    return sum(vals) / len(vals) if vals else float("nan")


def tally(rows: list[dict]) -> Tally:
    """The details of some articles summed, as an event of them keeps them."""
    out = Tally()
    for r in rows:
        out.add(read_details(r.get("title") or "", r.get("text") or ""))
    return out


def cast(rows: list[dict], cfg: ClusterConfig) -> Cast:
    """The who-met-whom cast of some articles, read as the clusterer reads it."""
    out = Cast()
    for r in rows:
        title = r.get("title") or ""
        named = read_named(analyse_doc(title, r.get("text") or "", cfg.lead_words, cfg.max_chars).ents)
        out.add(read_heads(title, named), named)
    return out


def show(label: str, a: set[str], b: set[str], others: tuple[list[str], list[str]] | None = None) -> None:
    """Shared and exclusive items of two sets, with how often the other event's texts name an exclusive one."""
    def only(xs, texts):
        if others is None:
            return sorted(xs)[:8]
        return [f"{x}({sum(x in t for t in texts)})" for x in sorted(xs)[:8]]
    print(f"    {label:<8} shared {sorted(a & b)[:8]}")
    print(f"    {'':<8} A only {only(a - b, others[1] if others else [])}   B only "
          f"{only(b - a, others[0] if others else [])}")


def report(name: str, cfg: ClusterConfig, every: bool) -> None:
    """Print the merged pairs of one corpus and their signals."""
    rows = load(name)
    pairs = actor_pairs(rows)
    sub = [r for r in rows if r["gold_event"] in {g for p in pairs for g in p[:2]}]
    red = redate(rows, pairs)
    dated, moved = cluster_batch(sub, cfg), cluster_batch(red, cfg)
    vec = vectors(rows, cfg)
    w = cfg.weights()
    by = defaultdict(list)
    for r in rows:
        by[r["gold_event"]].append(r)
    print(f"== {name}: {len(pairs)} pairs")
    for a, b, actor in pairs:
        t_dated, t_moved = together(sub, dated, a, b), together(red, moved, a, b)
        if not every and t_moved <= t_dated:
            continue
        ra, rb = by[a], by[b]
        if len(ra) < len(rb):
            a, b, ra, rb = b, a, rb, ra
        print(f"  A {a} ({len(ra)})  B {b} ({len(rb)})  actor '{actor}'  pairs together: dated {t_dated}, "
              f"same day {t_moved} of {len(ra) * len(rb)}")
        for tag, rs in (("A", ra), ("B", rb)):
            for r in rs[:3]:
                print(f"    {tag}: {(r.get('title') or '')[:100]!r}")
        va, vb = [vec[r["id"]] for r in ra], [vec[r["id"]] for r in rb]
        print(f"    sim      A-B {mean_sim(va, vb, w, False):.3f}  within A {mean_sim(va, va, w, True):.3f}  "
              f"within B {mean_sim(vb, vb, w, True):.3f}")
        texts = ([f"{r.get('title') or ''}\n{r.get('text') or ''}".lower() for r in ra],
                 [f"{r.get('title') or ''}\n{r.get('text') or ''}".lower() for r in rb])
        show("titles", most([set(tokens(r.get("title") or "")) for r in ra]),
             most([set(tokens(r.get("title") or "")) for r in rb]))
        full = lambda r: set(entities(f"{r.get('title') or ''}.\n{r.get('text') or ''}"))  # noqa: E731
        head = lambda r: set(entities(f"{r.get('title') or ''}.\n{(r.get('text') or '')[:OPENING]}"))  # noqa: E731
        show("actors", most([full(r) for r in ra]), most([full(r) for r in rb]), texts)
        show("heads", most([head(r) for r in ra]), most([head(r) for r in rb]), texts)
        acts = lambda rs: Counter(k for r in rs for k in read_details(r.get("title") or "", "").get("act", {}))  # noqa: E731
        print(f"    acts     A {dict(acts(ra))}  B {dict(acts(rb))}  type clash {tally(ra).types_clash(tally(rb)):.2f}")
        print(f"    who      A {cast(ra, cfg).marks(cast(rb, cfg), cfg.who_share)}  B {cast(rb, cfg).marks(cast(ra, cfg), cfg.who_share)}")
        nums = lambda rs: most([set(_NUM.findall(f"{r.get('title') or ''} {(r.get('text') or '')[:OPENING]}"))  # noqa: E731
                                for r in rs], 0.3)
        show("numbers", nums(ra), nums(rb))
    print()


def main() -> int:
    """Print every corpus's merged pairs."""
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--corpus", action="append", choices=NAMES)
    ap.add_argument("--all", action="store_true", help="every pair, merged or not")
    ap.add_argument("--set", action="append", default=[], metavar="KEY=VALUE", help="change a setting")
    args = ap.parse_args()
    for name in args.corpus or NAMES:
        report(name, parse_overrides(args.set), args.all)
    return 0


if __name__ == "__main__":
    sys.exit(main())
