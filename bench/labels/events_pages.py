"""A held-out check of event clustering on real news pages kept outside the repository: the reprint sets
/work/notes/rpagesN (bench/labels/reprints_pages.py says how they were built) group 25–67 pages each into 3–8 real
happenings, with wire originals, their copies and independent reports, and some happenings of the same actors days
apart (a car bomb and the accusation two days later, a quake and the foreign aid it drew). Their gold events were set
by hand with the reprint labels, before framelens ran on them, and are committed in the manifests
(reprints_pages*.jsonl: id and gold_event; no page text).

BCubed F1 per set and pooled, three ways: `framelens cluster` on the set alone (batch), one article at a time in time
order (online), and the events a store shows after importing PolNeAR dev, BASIL and realworld first, then the sets one
after another (the path a user takes).

    .venv/bin/python bench/labels/events_pages.py /work/notes/rpages1=reprints_pages.jsonl \
        /work/notes/rpages2=reprints_pages2.jsonl …

Without the folders (as in CI) it says so and exits 0.
"""
from __future__ import annotations

import argparse
import json
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path[:0] = [str(ROOT), str(ROOT / "bench")]
from cluster_eval import SHARED, bcubed, online  # noqa: E402

from core.cluster import ClusterConfig, cluster_batch  # noqa: E402
from core.corpus import as_imported  # noqa: E402

HERE = Path(__file__).parent


def read_set(spec: str) -> tuple[str, list[dict]]:
    """FOLDER=MANIFEST: the folder's rows with the manifest's gold events (rows the manifest lacks are left out)."""
    folder, _, manifest = spec.partition("=")
    gold = {}
    for line in (HERE / manifest).read_text(encoding="utf-8").splitlines():
        if line.strip():
            row = json.loads(line)
            gold[str(row["id"])] = row["gold_event"]
    rows = []
    for line in (Path(folder) / "articles.jsonl").read_text(encoding="utf-8").splitlines():
        if line.strip():
            row = json.loads(line)
            if str(row["id"]) in gold:
                rows.append({**row, "gold_event": gold[str(row["id"])]})
    return Path(folder).name, rows


OTHER = [SHARED / "attribution" / "polnear_dev.jsonl", SHARED / "corpora" / "basil.jsonl",
         SHARED / "realworld" / "articles.jsonl"]


def store_events(sets: dict[str, list[dict]], cfg: ClusterConfig, other: list[Path]) -> dict[str, str]:
    """Each article's event in a store that held other data first, the sets imported one after another."""
    from core.analyse import analyse_new
    from core.corpus import import_text
    from core.store import Store

    with tempfile.TemporaryDirectory() as tmp:
        store = Store(str(Path(tmp) / "events.sqlite"))
        try:
            for data in [p.read_text(encoding="utf-8") for p in other] + \
                        ["\n".join(json.dumps(r) for r in rows) for rows in sets.values()]:
                import_text(store, data, "jsonl")
                analyse_new(store, cfg, quotes=False)
            df = store.articles_df(limit=None)
            return dict(zip(df["id"].astype(str), df["event_id"]))
        finally:
            store.dispose()


def line(name: str, rows: list[dict], batch: list, one: list, stored: list) -> str:
    """One printed row: sizes and BCubed F1 of the three paths (batch with P and R)."""
    gold = [r["gold_event"] for r in rows]
    p, r, f = bcubed(gold, batch)
    return (f"{name}: {len(rows)} articles, {len(set(gold))} gold events; batch P {p:.3f} R {r:.3f} F1 {f:.3f} "
            f"({len(set(batch))} events); online F1 {bcubed(gold, one)[2]:.3f}; store F1 {bcubed(gold, stored)[2]:.3f}")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("sets", nargs="+", help="FOLDER=MANIFEST (manifest under bench/labels)")
    ap.add_argument("--no-other", action="store_true", help="an empty store before the sets (tests)")
    args = ap.parse_args(argv)
    missing = [s.partition("=")[0] for s in args.sets if not (Path(s.partition("=")[0]) / "articles.jsonl").exists()]
    if missing:
        print(f"no articles.jsonl in {', '.join(missing)}: nothing to score (the pages live outside the repository)")
        return 0
    cfg = ClusterConfig()
    sets = dict(read_set(s) for s in args.sets)
    event = store_events(sets, cfg, [] if args.no_other else OTHER)
    pooled: dict[str, list] = {"rows": [], "batch": [], "online": [], "store": []}
    for name, rows in sets.items():
        batch = [f"{name}:{x}" for x in cluster_batch([as_imported(r) for r in rows])]
        one = [f"{name}:{x}" for x in online([as_imported(r) for r in rows], cfg)]
        stored = [event[str(r["id"])] for r in rows]
        print(line(name, rows, batch, one, stored))
        for key, vals in (("rows", rows), ("batch", batch), ("online", one), ("store", stored)):
            pooled[key] += vals
    if len(sets) > 1:
        print(line("pooled (each set clustered alone)", pooled["rows"], pooled["batch"], pooled["online"],
                   pooled["store"]))
    return 0


if __name__ == "__main__":
    sys.exit(main())
