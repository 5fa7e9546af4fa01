"""Event-clustering quality on the gold corpora in ../shared/data/corpora, next to a plain baseline.

Prints BCubed and pairwise precision / recall / F1 per corpus for:
  baseline  TF-IDF on title + text, average-linkage agglomerative at cosine distance 0.8
  batch     core.cluster.cluster_batch (what `framelens cluster` runs)
  online    core.cluster.EventClusterer.add_many, articles in date order (what ingest runs)
One ClusterConfig (the defaults) for every corpus.

    .venv/bin/python bench/cluster_eval.py [--corpus NAME ...] [--set key=value ...]
"""
from __future__ import annotations

import argparse
import json
import sys
import time
from collections import Counter, defaultdict
from dataclasses import fields
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from core.cluster import ClusterConfig, EventClusterer, cluster_batch, parse_time  # noqa: E402

CORPORA = ROOT.parent / "shared" / "data" / "corpora"
NAMES = ["basil", "ecbplus_dev", "allsides_dev", "newswcl50"]
TARGETS = {"basil": 0.97, "ecbplus_dev": 0.93, "allsides_dev": 0.88}


def load(name: str) -> list[dict]:
    """One gold corpus."""
    with open(CORPORA / f"{name}.jsonl", encoding="utf-8") as fh:
        return [json.loads(line) for line in fh if line.strip()]


def bcubed(gold: list, pred: list) -> tuple[float, float, float]:
    """BCubed precision, recall and F1, averaged over items."""
    by_pred, by_gold, both = defaultdict(int), defaultdict(int), defaultdict(int)
    for g, p in zip(gold, pred):
        by_pred[p] += 1
        by_gold[g] += 1
        both[(g, p)] += 1
    n = len(gold)
    prec = sum(both[(g, p)] / by_pred[p] for g, p in zip(gold, pred)) / n
    rec = sum(both[(g, p)] / by_gold[g] for g, p in zip(gold, pred)) / n
    return prec, rec, _f1(prec, rec)


def pairwise(gold: list, pred: list) -> tuple[float, float, float]:
    """Pairwise precision, recall and F1 over all same-cluster pairs."""
    pairs = lambda c: sum(v * (v - 1) // 2 for v in c.values())  # noqa: E731
    tp = pairs(Counter(zip(gold, pred)))
    pp, gp = pairs(Counter(pred)), pairs(Counter(gold))
    prec = tp / pp if pp else 1.0
    rec = tp / gp if gp else 1.0
    return prec, rec, _f1(prec, rec)


def _f1(p: float, r: float) -> float:
    """Harmonic mean, 0 when both are 0."""
    return 2 * p * r / (p + r) if p + r else 0.0


def baseline(rows: list[dict]) -> list[int]:
    """The plain baseline: TF-IDF on title + text, average linkage at cosine distance 0.8."""
    from sklearn.cluster import AgglomerativeClustering
    from sklearn.feature_extraction.text import TfidfVectorizer

    docs = [f"{r.get('title') or ''}\n{r.get('text') or ''}" for r in rows]
    # English stop words and sublinear tf: the plain setup whose figures the issue quotes
    x = TfidfVectorizer(stop_words="english", sublinear_tf=True).fit_transform(docs).toarray()
    model = AgglomerativeClustering(n_clusters=None, metric="cosine", linkage="average",
                                    distance_threshold=0.8)
    return list(model.fit_predict(x))


def online(rows: list[dict], cfg: ClusterConfig) -> list[str]:
    """The ingest path: one article at a time in date order (undated ones last), running IDF."""
    order = sorted(range(len(rows)), key=lambda i: _date_key(rows[i]))
    cl = EventClusterer(cfg, time_bound=False)
    cl.add_many(rows[i] for i in order)
    return [cl.event_of(str(r["id"])) for r in rows]


def _date_key(row: dict) -> tuple:
    """Sort key: dated rows by time, then undated ones."""
    dt = parse_time(row.get("published"))
    return (dt is None, dt.timestamp() if dt else 0.0)


def parse_overrides(items: list[str]) -> ClusterConfig:
    """A ClusterConfig with key=value overrides (for exploring; reported figures use defaults)."""
    cfg = ClusterConfig()
    types = {f.name: type(f.default) for f in fields(ClusterConfig)}
    for item in items:
        k, v = item.split("=", 1)
        setattr(cfg, k, types[k](v))
    return cfg


def main() -> int:
    """Print the quality table."""
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--corpus", action="append", choices=NAMES, help="only these corpora")
    ap.add_argument("--set", action="append", default=[], metavar="KEY=VALUE", help="override a setting")
    ap.add_argument("--no-baseline", action="store_true")
    ap.add_argument("--no-online", action="store_true")
    args = ap.parse_args()
    if not CORPORA.is_dir():
        print(f"no corpora at {CORPORA}", file=sys.stderr)
        return 1
    cfg = parse_overrides(args.set)
    head = f"{'corpus':<13} {'method':<9} {'n':>4} {'gold':>4} {'pred':>4}  " \
           f"{'B3-P':>6} {'B3-R':>6} {'B3-F1':>6}  {'pw-P':>6} {'pw-R':>6} {'pw-F1':>6}  {'secs':>5}  target"
    print(head)
    print("-" * len(head))
    for name in args.corpus or NAMES:
        rows = load(name)
        gold = [r["gold_event"] for r in rows]
        methods = []
        if not args.no_baseline:
            methods.append(("baseline", lambda: baseline(rows)))
        methods.append(("batch", lambda: cluster_batch(rows, cfg)))
        if not args.no_online:
            methods.append(("online", lambda: online(rows, cfg)))
        for label, fn in methods:
            t0 = time.perf_counter()
            pred = fn()
            secs = time.perf_counter() - t0
            bp, br, bf = bcubed(gold, pred)
            pp, pr, pf = pairwise(gold, pred)
            tgt = TARGETS.get(name)
            mark = "" if tgt is None or label == "baseline" else \
                f"≥{tgt:.2f} {'met' if bf >= tgt else 'MISSED'}"
            print(f"{name:<13} {label:<9} {len(rows):>4} {len(set(gold)):>4} {len(set(pred)):>4}  "
                  f"{bp:6.3f} {br:6.3f} {bf:6.3f}  {pp:6.3f} {pr:6.3f} {pf:6.3f}  {secs:5.2f}  {mark}")
        print()
    return 0


if __name__ == "__main__":
    sys.exit(main())
