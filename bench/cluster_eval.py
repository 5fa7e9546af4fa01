"""Event-clustering quality on the gold dev sets (../shared/data/corpora and ../shared/data/realworld),
with ONE configuration (core.config.ClusterConfig's defaults) for every corpus.

Prints BCubed and pairwise precision / recall / F1 per corpus for:
  baseline  TF-IDF on title + text, average-linkage agglomerative at cosine distance 0.8
  batch     core.cluster.cluster_batch (what `framelens cluster` runs)
  online    EventClusterer.add_many over the articles in time order, running document frequencies
and then these checks, each against its target where it has one:
  held-out  ECB+: the join and merge thresholds tuned on topics 1-11 (a grid around the defaults) and
            scored on 12-22, then the reverse; the mean of the two held-out scores
  same-day  pairs of gold events that share an actor (a named entity in at least half of each event's
            articles; the rarest such entity picks the partner) re-dated to one day, scored against the
            same articles with their own dates
  undated   every article's `published` removed (research corpora often come without dates: ECB+ dev has
            260 of 462 undated, NewsWCL50 all 50), scored beside the dated batch figure
  dense     every corpus in one batch, each gold event moved to a random time within 7 (then 30) days, as
            densely as a news stream holds happenings (no target yet; printed to judge a change by), and the
            7 days one article at a time; with --why, counts of the joins and merges that mixed gold events, by cause
  store     every dev corpus imported into one store that already holds other data (PolNeAR dev), in a
            shuffled order, analysed as `framelens import` does; each corpus scored against its batch

    .venv/bin/python bench/cluster_eval.py [--corpus NAME ...] [--set key=value ...] [--skip CHECK ...] [--why]
"""
from __future__ import annotations

import argparse
import json
import random
import sys
import tempfile
import time
from collections import Counter, defaultdict
from dataclasses import fields, replace
from datetime import datetime, timedelta, timezone
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from core.cluster import ClusterConfig, EventClusterer, cluster_batch, order_key  # noqa: E402
from core.corpus import as_imported  # noqa: E402
from core.cluster.features import entities  # noqa: E402

SHARED = ROOT.parent / "shared" / "data"
NAMES = ["basil", "ecbplus_dev", "allsides_dev", "newswcl50", "realworld"]
TARGETS = {"basil": 0.98, "ecbplus_dev": 0.93, "allsides_dev": 0.93, "realworld": 0.93}
CHECKS = ("held-out", "same-day", "undated", "dense", "store")


def load(name: str) -> list[dict]:
    """One gold corpus, its titles and texts as `framelens cluster` reads them (cleaned, as an import stores them)."""
    path = SHARED / "realworld" / "articles.jsonl" if name == "realworld" else SHARED / "corpora" / f"{name}.jsonl"
    with open(path, encoding="utf-8") as fh:
        return [as_imported(json.loads(line)) for line in fh if line.strip()]


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


def f1(rows: list[dict], pred: list) -> float:
    """BCubed F1 of a prediction against the rows' gold events."""
    return bcubed([r["gold_event"] for r in rows], pred)[2]


def baseline(rows: list[dict]) -> list[int]:
    """The plain baseline: TF-IDF on title + text, average linkage at cosine distance 0.8."""
    from sklearn.cluster import AgglomerativeClustering
    from sklearn.feature_extraction.text import TfidfVectorizer

    docs = [f"{r.get('title') or ''}\n{r.get('text') or ''}" for r in rows]
    x = TfidfVectorizer(stop_words="english", sublinear_tf=True).fit_transform(docs).toarray()
    model = AgglomerativeClustering(n_clusters=None, metric="cosine", linkage="average", distance_threshold=0.8)
    return list(model.fit_predict(x))


def online(rows: list[dict], cfg: ClusterConfig) -> list[str]:
    """One article at a time in time order (undated last), document frequencies counted as they come."""
    cl = EventClusterer(cfg, time_bound=False)
    cl.add_many(sorted(rows, key=order_key))
    return [cl.event_of(str(r["id"])) for r in rows]


# -- held-out ECB+ ---------------------------------------------------------------------------------

def ecb_topic(row: dict) -> int:
    """The ECB+ topic number of a row ("12ecbplus" -> 12)."""
    return int(str(row["gold_event"]).split("ecb")[0])


def held_out(rows: list[dict], cfg: ClusterConfig) -> list[tuple[str, dict, float, float]]:
    """For each half of the ECB+ topics: the thresholds that score best on it, and the other half's score
    with those thresholds (and with the defaults)."""
    halves = {"1-11": [r for r in rows if ecb_topic(r) <= 11], "12-22": [r for r in rows if ecb_topic(r) >= 12]}
    grid = [{"threshold": cfg.threshold * a, "merge_threshold": cfg.merge_threshold * b}
            for a in (0.8, 1.0, 1.25) for b in (0.8, 1.0, 1.25)]
    out = []
    for tune, test in (("1-11", "12-22"), ("12-22", "1-11")):
        best = max(grid, key=lambda g: (f1(halves[tune], cluster_batch(halves[tune], replace(cfg, **g))),
                                        -abs(g["threshold"] - cfg.threshold)))
        out.append((f"tuned on {tune}, scored on {test}", best,
                    f1(halves[test], cluster_batch(halves[test], replace(cfg, **best))),
                    f1(halves[test], cluster_batch(halves[test], cfg))))
    return out


# -- the same-day test -----------------------------------------------------------------------------

def actor_pairs(rows: list[dict]) -> list[tuple[str, str, str]]:
    """Pairs of gold events that share an actor: (event, event, the rarest entity both have in at least
    half of their articles). Each event is in at most one pair."""
    by = defaultdict(list)
    for r in rows:
        by[r["gold_event"]].append(r)
    core = {}
    for g, items in by.items():
        seen = Counter()
        for r in items:
            seen.update(set(entities(f"{r.get('title') or ''}.\n{r.get('text') or ''}")))
        core[g] = {e for e, n in seen.items() if n >= max(1, len(items) / 2)}
    df = Counter(e for s in core.values() for e in s)
    pairs, used = [], set()
    for g in sorted(core, key=lambda g: (-len(by[g]), g)):
        if g in used:
            continue
        options = [(df[e], e, h) for h in core if h != g and h not in used for e in core[g] & core[h]]
        if options:
            _, e, h = min(options)
            pairs.append((g, h, e))
            used |= {g, h}
    return pairs


# The first re-dated day. Far enough in the past that the last of many pairs (AllSides dev has 116, 60 days
# apart: 19 years) is still before today: core.dates takes a date in the future for no date at all, and
# from 2020 on, 73 of AllSides' pairs (427 of 673 articles) and 7 of BASIL's lay after today (November
# 2026) and were clustered as undated articles, all pairs in one pool, by a clock-dependent share.
SAME_DAY_BASE = datetime(1990, 1, 1, tzinfo=timezone.utc)


def redate(rows: list[dict], pairs: list[tuple[str, str, str]]) -> list[dict]:
    """The articles of the pairs' events, each pair moved to one day of its own, pairs 60 days apart; the
    hour spreads articles over the day (at half past: a time of exactly 00:00 would be read as a date
    without a time, core.dates). Raises if a day would lie in the future (it would read as undated)."""
    day = {g: k for k, (a, b, _) in enumerate(pairs) for g in (a, b)}
    if pairs and SAME_DAY_BASE + timedelta(days=60 * len(pairs)) > datetime.now(timezone.utc):
        raise ValueError(f"{len(pairs)} pairs 60 days apart from {SAME_DAY_BASE:%Y} run into the future")
    sub = [r for r in rows if r["gold_event"] in day]
    return [{**r, "published": (SAME_DAY_BASE + timedelta(days=60 * day[r["gold_event"]], hours=i % 24,
                                                          minutes=30)).isoformat()}
            for i, r in enumerate(sub)]


def same_day(rows: list[dict], cfg: ClusterConfig) -> tuple[int, int, float, float]:
    """(pairs, articles, F1 with their own dates, F1 with each pair re-dated to one day)."""
    pairs = actor_pairs(rows)
    day = {g for a, b, _ in pairs for g in (a, b)}
    sub = [r for r in rows if r["gold_event"] in day]
    redated = redate(rows, pairs)
    return len(pairs), len(sub), f1(sub, cluster_batch(sub, cfg)), f1(redated, cluster_batch(redated, cfg))


# -- every date removed ----------------------------------------------------------------------------

def undate(rows: list[dict]) -> list[dict]:
    """The articles with no publication date at all (no `published`, precision or date source)."""
    drop = ("published", "date_precision", "date_source", "date_flag", "first_seen")
    return [{k: v for k, v in r.items() if k not in drop} for r in rows]


# -- the store path --------------------------------------------------------------------------------

def store_path(names: list[str], cfg: ClusterConfig, seed: int = 7) -> tuple[list[str], dict[str, float]]:
    """Import PolNeAR dev (other data), then the corpora in a shuffled order, each analysed as an import
    is; returns the order and each corpus's F1 from the store's events."""
    from core.analyse import analyse_new
    from core.corpus import import_text
    from core.store import Store

    order = names[:]
    random.Random(seed).shuffle(order)
    with tempfile.TemporaryDirectory() as tmp:
        store = Store(str(Path(tmp) / "eval.sqlite"))
        other = (SHARED / "attribution" / "polnear_dev.jsonl").read_text(encoding="utf-8")
        for data in [other] + ["\n".join(json.dumps(r) for r in load(n)) for n in order]:
            import_text(store, data, "jsonl")
            analyse_new(store, cfg, quotes=False)
        event = dict(zip(*(store.articles_df(limit=None)[k] for k in ("id", "event_id"))))
        store.dispose()
    return order, {n: f1(load(n), [event[str(r["id"])] for r in load(n)]) for n in names}


def dense_rows(names: list[str], days: float, seed: int = 3) -> tuple[list[dict], int]:
    """Every corpus's articles, each gold event moved (its articles within 12 hours) to a random time in `days`;
    gold events are named "corpus:event". The rows and the number of events."""
    rnd = random.Random(seed)
    base = datetime(2025, 3, 1, tzinfo=timezone.utc)
    rows, when = [], {}
    for name in names:
        for r in load(name):
            key = f"{name}:{r['gold_event']}"
            when.setdefault(key, base + timedelta(days=rnd.random() * days))
            rows.append({**r, "gold_event": key, "_corpus": name,
                         "published": (when[key] + timedelta(hours=rnd.random() * 12)).isoformat()})
    return rows, len(when)


def dense(names: list[str], cfg: ClusterConfig, days: float, seed: int = 3,
          one_at_a_time: bool = False) -> tuple[int, int, list[tuple[str, float]]]:
    """Every corpus in one batch, each gold event moved (its articles within 12 hours) to a random time in `days`:
    a news stream's density, where the dated corpora lie years apart. The articles, the events and B3 per corpus.
    one_at_a_time: the articles added one at a time in time order (`online`), as an ingest adds them."""
    rows, n_events = dense_rows(names, days, seed)
    pred = online(rows, cfg) if one_at_a_time else cluster_batch(rows, cfg)
    out = [("all", bcubed([r["gold_event"] for r in rows], pred))]
    for name in names:
        idx = [i for i, r in enumerate(rows) if r["_corpus"] == name]
        out.append((name, bcubed([rows[i]["gold_event"] for i in idx], [pred[i] for i in idx])))
    return len(rows), n_events, out


def dense_why(names: list[str], cfg: ClusterConfig, days: float = 7.0) -> Counter:
    """Why events of the dense stream hold two gold events: every join of an article into an event holding none of
    its gold event's articles, and every merge of two events whose main gold events differ, counted by cause. The
    causes are read again from the members' plain similarities (the weighted cosine, without the detail and actor
    terms): "mean" when the mean over all members (all pairs) reaches the threshold, else "closest members"
    (top_k, copy_similarity); into an event of one gold event (the seed of a mix) or an already mixed one (chaining);
    a short text (under cfg.short_chars characters: a feed summary's length) or a longer one."""
    rows, _ = dense_rows(names, days)
    gold = {str(r["id"]): r["gold_event"] for r in rows}
    w = cfg.weights()
    short = {str(r["id"]) for r in rows if len(r.get("text") or "") < cfg.short_chars}
    why: Counter = Counter()

    def sim(u, v) -> float:
        """The members' plain weighted cosine over the fields both have."""
        num = den = 0.0
        for f, wf in w.items():
            if u[f] and v[f]:
                den += wf
                num += wf * sum(u[f][t] * v[f][t] for t in u[f].keys() & v[f].keys())
        return num / den if den else 0.0

    class Why(EventClusterer):
        """The batch's clusterer, counting wrong joins and merges as they happen."""

        def _join(self, ev, a, vec, aid=None):
            if aid is None and ev.n and ev.members is not None:
                golds = Counter(gold[m] for m in ev.members)
                why["joins"] += 1
                if gold[a.id] not in golds:
                    sims = [sim(vec, m.vec) for m in ev.members.values()]
                    why["wrong joins"] += 1
                    why["j mean" if sum(sims) / len(sims) >= cfg.threshold else "j closest"] += 1
                    why["j seed" if len(golds) == 1 else "j chain"] += 1
                    why["j short" if a.id in short else "j long"] += 1
            super()._join(ev, a, vec, aid)

        def _absorb(self, keep, gone):
            if keep.members is not None and gone.members is not None:
                why["merges"] += 1
                main = [Counter(gold[m] for m in e.members).most_common(1)[0][0] for e in (keep, gone)]
                if main[0] != main[1]:
                    sims = [sim(x.vec, y.vec) for x in keep.members.values() for y in gone.members.values()]
                    why["wrong merges"] += 1
                    why["m mean" if sum(sims) / len(sims) >= cfg.merge_threshold else "m closest"] += 1
                    why["m short" if 2 * sum(m in short for m in (*keep.members, *gone.members)) > keep.n + gone.n
                        else "m long"] += 1
            super()._absorb(keep, gone)

    cl = Why(cfg, time_bound=True)
    cl.freeze(rows)
    for a in sorted(rows, key=order_key):
        cl.add(a)
    cl.merge(everything=True)
    by = defaultdict(Counter)
    for r in rows:
        by[cl.event_of(str(r["id"]))][r["gold_event"]] += 1
    mixed = [c for c in by.values() if len(c) > 1]
    why["mixed"] = len(mixed)
    why["mixed articles"] = sum(sum(c.values()) for c in mixed)
    why["most mixed"] = max((len(c) for c in mixed), default=0)
    return why


def parse_overrides(items: list[str]) -> ClusterConfig:
    """A ClusterConfig with key=value overrides (for exploring; reported figures use defaults)."""
    cfg = ClusterConfig()
    types = {f.name: type(f.default) for f in fields(ClusterConfig)}
    for item in items:
        k, v = item.split("=", 1)
        if types[k] is bool and v.lower() not in ("true", "false", "1", "0"):
            raise SystemExit(f"--set {k}={v}: a yes/no setting takes true or false")
        setattr(cfg, k, v.lower() in ("true", "1") if types[k] is bool else types[k](v))   # bool("False") is True
    return cfg


def main() -> int:
    """Print the quality table and the checks."""
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--corpus", action="append", choices=NAMES, help="only these corpora")
    ap.add_argument("--set", action="append", default=[], metavar="KEY=VALUE", help="override a setting")
    ap.add_argument("--skip", action="append", default=[], choices=CHECKS + ("baseline", "online"))
    ap.add_argument("--why", action="store_true", help="with the dense check: count why its events mix gold events")
    args = ap.parse_args()
    if not SHARED.is_dir():
        print(f"no shared data at {SHARED}", file=sys.stderr)
        return 1
    cfg = parse_overrides(args.set)
    names = args.corpus or NAMES
    head = f"{'corpus':<13} {'method':<9} {'n':>4} {'gold':>4} {'pred':>4}  " \
           f"{'B3-P':>6} {'B3-R':>6} {'B3-F1':>6}  {'pw-P':>6} {'pw-R':>6} {'pw-F1':>6}  {'secs':>5}  target"
    print(head)
    print("-" * len(head))
    batch_f1 = {}
    for name in names:
        rows = load(name)
        gold = [r["gold_event"] for r in rows]
        methods = [] if "baseline" in args.skip else [("baseline", lambda: baseline(rows))]
        methods.append(("batch", lambda: cluster_batch(rows, cfg)))
        if "online" not in args.skip:
            methods.append(("online", lambda: online(rows, cfg)))
        for label, fn in methods:
            t0 = time.perf_counter()
            pred = fn()
            secs = time.perf_counter() - t0
            bp, br, bf = bcubed(gold, pred)
            pp, pr, pf = pairwise(gold, pred)
            if label == "batch":
                batch_f1[name] = bf
            tgt = TARGETS.get(name)
            mark = f"≥{tgt:.2f} {'met' if bf >= tgt else 'MISSED'}" if tgt and label == "batch" else ""
            print(f"{name:<13} {label:<9} {len(rows):>4} {len(set(gold)):>4} {len(set(pred)):>4}  "
                  f"{bp:6.3f} {br:6.3f} {bf:6.3f}  {pp:6.3f} {pr:6.3f} {pf:6.3f}  {secs:5.2f}  {mark}", flush=True)
        print()
    if "held-out" not in args.skip and "ecbplus_dev" in names:
        print("ECB+ held-out halves (thresholds tuned on one half of the topics, scored on the other):")
        scores = []
        for what, best, score, default in held_out(load("ecbplus_dev"), cfg):
            scores.append(score)
            print(f"  {what}: B3-F1 {score:.3f} with threshold {best['threshold']:.4f}, merge_threshold "
                  f"{best['merge_threshold']:.4f} (defaults: {default:.3f})")
        mean = sum(scores) / len(scores)
        print(f"  mean held-out B3-F1 {mean:.3f}  target ≥0.93 {'met' if mean >= 0.93 else 'MISSED'}\n", flush=True)
    if "same-day" not in args.skip:
        print("Same-day test: gold events sharing an actor, each pair re-dated to one day (B3-F1 on those articles):")
        for name in names:
            n_pairs, n, dated, redated = same_day(load(name), cfg)
            ok = redated >= dated - 0.02
            print(f"  {name:<13} {n_pairs:>3} pairs, {n:>4} articles: dated {dated:.3f}, same day {redated:.3f}, "
                  f"difference {redated - dated:+.3f}  target ≥-0.02 {'met' if ok else 'MISSED'}", flush=True)
        print()
    if "undated" not in args.skip:
        print("Undated: every date removed (B3-F1 of the batch, beside the dated batch figure):")
        for name in names:
            rows = load(name)
            dated = batch_f1[name]
            bare = f1(rows, cluster_batch(undate(rows), cfg))
            print(f"  {name:<13} dated {dated:.3f}, undated {bare:.3f}, difference {bare - dated:+.3f}", flush=True)
        print()
    if "dense" not in args.skip:
        print("Dense stream: every corpus in one batch, each gold event moved to a random time within N days (B3 P / F1;"
              " no target yet: on a replay of real feeds, events mixing a subject's happenings are what this shows):")
        for days, path in ((7.0, False), (30.0, False), (7.0, True)):
            n, n_events, scores = dense(names, cfg, days, one_at_a_time=path)
            print(f"  {days:>4.0f} days{', online' if path else ''}, {n} articles of {n_events} events: " +
                  "; ".join(f"{name} P {p:.3f} F1 {f:.3f}" for name, (p, _, f) in scores), flush=True)
        if args.why:
            w = dense_why(names, cfg)
            print(f"  why, 7 days: {w['wrong joins']} of {w['joins']} joins put an article in an event holding none of "
                  f"its gold event (via the mean over all members {w['j mean']}, via closest members only "
                  f"{w['j closest']}; into a one-gold event {w['j seed']}, into an already mixed one {w['j chain']}; "
                  f"short texts {w['j short']}, longer {w['j long']}); {w['wrong merges']} of {w['merges']} merges "
                  f"joined two gold events (via the mean {w['m mean']}, via closest pairs {w['m closest']}; mostly "
                  f"short texts {w['m short']}, longer {w['m long']}); {w['mixed']} events hold 2+ gold events "
                  f"({w['mixed articles']} articles; the most mixed holds {w['most mixed']})")
        print()
    if "store" not in args.skip:
        t0 = time.perf_counter()
        order, got = store_path(names, cfg)
        print(f"Store path: PolNeAR dev, then {', '.join(order)} imported into one store and analysed "
              f"({time.perf_counter() - t0:.1f} s):")
        for name in names:
            diff = got[name] - batch_f1[name]
            print(f"  {name:<13} store {got[name]:.3f}, batch {batch_f1[name]:.3f}, difference {diff:+.3f}  "
                  f"target within 0.01 {'met' if abs(diff) <= 0.01 else 'MISSED'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
