"""Topic tags measured against AllSides' own topic labels (../shared/data/corpora/allsides_dev.jsonl).

Each gold event (its articles grouped as the clusterer would hold them) is summarised as the store does
(core.cluster's event summary: titles, key terms and feed categories through core.topics.tag_topics).
Its AllSides topic is mapped onto the framelens taxonomy by bench/data/allsides_topic_map.csv; events
whose AllSides topic has no counterpart ("World", "Free Speech") are left out, as nothing says whether
their tags are right. Per framelens topic: precision (events tagged with it whose AllSides topic maps to
it) and recall (events whose AllSides topic maps to it that are tagged with it); then the macro averages
over the topics AllSides has. AllSides gives one topic per event, so a second,
right tag (an immigration bill is US politics too) counts against precision: the figure is a floor.

    .venv/bin/python bench/topics_eval.py [--show N]
"""
from __future__ import annotations

import argparse
import csv
import json
import sys
from collections import Counter, defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from core.cluster import EventClusterer  # noqa: E402

CORPUS = ROOT.parent / "shared" / "data" / "corpora" / "allsides_dev.jsonl"
MAPPING = ROOT / "bench" / "data" / "allsides_topic_map.csv"


def load_map() -> dict[str, str | None]:
    """AllSides topic -> framelens topic (None: no counterpart)."""
    with open(MAPPING, encoding="utf-8") as fh:
        return {r["allsides_topic"]: r["framelens_topic"] or None for r in csv.DictReader(fh)}


def event_topics(rows: list[dict]) -> dict[str, list[str]]:
    """Each gold event's topics as the store would tag it."""
    cl = EventClusterer(time_bound=False)
    cl.restore(rows, [r["gold_event"] for r in rows])
    return {e.id: e.topics for e in cl.events()}


def main() -> int:
    """Print per-topic and macro precision / recall."""
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--show", type=int, default=0, help="print up to N wrong tags per topic")
    args = ap.parse_args()
    rows = [json.loads(line) for line in CORPUS.read_text(encoding="utf-8").splitlines() if line.strip()]
    mapping = load_map()
    unmapped = sorted({r["gold_topic"] for r in rows} - set(mapping))
    if unmapped:
        print(f"AllSides topics missing from {MAPPING.name}: {unmapped}", file=sys.stderr)
        return 1
    gold = {r["gold_event"]: mapping[r["gold_topic"]] for r in rows}
    label = {r["gold_event"]: (r["gold_topic"], r["title"]) for r in rows}
    tags = event_topics(rows)
    tp, tagged, support = Counter(), Counter(), Counter(g for g in gold.values() if g)
    wrong = defaultdict(list)
    for ev, ts in tags.items():
        if gold[ev] is None:   # an AllSides topic framelens has no counterpart for: no way to judge its tags
            continue
        for t in ts:
            tagged[t] += 1
            if gold[ev] == t:
                tp[t] += 1
            else:
                wrong[t].append(ev)
    print(f"{len(tags)} AllSides events; {sum(1 for g in gold.values() if g)} with a mapped topic; "
          f"{sum(1 for t in tags.values() if t)} tagged with at least one topic\n")
    print(f"{'topic':<28} {'gold':>5} {'tagged':>7} {'right':>6} {'precision':>10} {'recall':>7}")
    ps, rs = [], []
    for t in sorted(set(support) | set(tagged), key=lambda t: (-support[t], t)):
        p = tp[t] / tagged[t] if tagged[t] else None
        r = tp[t] / support[t] if support[t] else None
        if support[t]:
            ps.append(p or 0.0)
            rs.append(r)
        print(f"{t:<28} {support[t]:>5} {tagged[t]:>7} {tp[t]:>6} {'' if p is None else f'{p:.3f}':>10} "
              f"{'' if r is None else f'{r:.3f}':>7}")
        for ev in wrong[t][:args.show]:
            print(f"{'':<6}wrong: {label[ev][0]!r}: {label[ev][1][:70]!r}")
    print(f"\nmacro over the {len(ps)} topics AllSides has: precision {sum(ps) / len(ps):.3f}, "
          f"recall {sum(rs) / len(rs):.3f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
