"""Quote extraction time against text size: one article of 1, 2 and 4 MB (linear means 4 MB ≈ 4× 1 MB).

Two kinds of text, each cut to size from ../shared: "news" is the PolNeAR train articles joined as
paragraphs of one huge article (quotes, names and speech verbs as news has them); "dense" repeats
the seed article, whose every sentence holds a quote, a name or a pronoun to resolve. Wall time
depends on what else shares the CPU, so process CPU time is printed too, with the load average;
the ratio the target (4 MB ≤ 4.5× 1 MB) is judged on is printed for both.

    .venv/bin/python bench/quotes_scaling.py [--sizes 1,2,4] [--kinds news,dense] [--repeat 1]
"""
from __future__ import annotations

import argparse
import json
import os
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
SHARED = ROOT.parent / "shared"

from core.nlp import load_nlp  # noqa: E402
from core.quotes import PARSE_DISABLE, extract_quotes  # noqa: E402

MB = 1_000_000


def base_text(kind: str) -> str:
    """The text a sized article is cut from."""
    if kind == "dense":
        return (SHARED / "seed" / "000_4055cd44b54a232e.txt").read_text(encoding="utf-8")
    path = SHARED / "data" / "attribution" / "polnear_train.jsonl"
    seen, texts = set(), []
    for line in path.open(encoding="utf-8"):
        rec = json.loads(line)
        if rec["id"] not in seen:
            seen.add(rec["id"])
            texts.append(rec["text"])
    return "\n\n".join(texts)


def sized(base: str, size: int) -> str:
    """base repeated and cut to size characters."""
    return (base * (size // len(base) + 1))[:size]


def time_one(text: str, nlp, repeat: int) -> tuple[float, float, int]:
    """Best wall and CPU seconds over repeat runs, and the attributions found."""
    best_wall = best_cpu = float("inf")
    n = 0
    for _ in range(repeat):
        t0, c0 = time.perf_counter(), time.process_time()
        n = len(extract_quotes([{"id": "big", "text": text}], nlp=nlp))
        best_wall = min(best_wall, time.perf_counter() - t0)
        best_cpu = min(best_cpu, time.process_time() - c0)
    return best_wall, best_cpu, n


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sizes", default="1,2,4", help="Sizes in MB, comma-separated.")
    ap.add_argument("--kinds", default="news,dense", help="Which texts: news, dense.")
    ap.add_argument("--repeat", type=int, default=1, help="Runs per size; the best is printed.")
    args = ap.parse_args()
    sizes = [float(s) for s in args.sizes.split(",")]
    nlp = load_nlp(PARSE_DISABLE)
    extract_quotes([{"id": "warm", "text": '"We will not change our course," Dong said.'}], nlp=nlp)
    print(f"load avg {os.getloadavg()[0]:.2f} at start, {os.cpu_count()} cpus")
    for kind in args.kinds.split(","):
        base = base_text(kind)
        rows = []
        for mb in sizes:
            wall, cpu, n = time_one(sized(base, int(mb * MB)), nlp, args.repeat)
            rows.append((mb, wall, cpu))
            print(f"{kind:<6} {mb:4g} MB: wall {wall:7.1f} s  cpu {cpu:7.1f} s  "
                  f"({mb * MB / cpu / 1000:.0f} KB/cpu-s)  {n} attributions", flush=True)
        if len(rows) > 1:
            (m0, w0, c0), (m1, w1, c1) = rows[0], rows[-1]
            print(f"{kind:<6} {m1:g} MB / {m0:g} MB: wall {w1 / w0:.2f}x, cpu {c1 / c0:.2f}x "
                  f"(linear = {m1 / m0:g}x; target ≤ {m1 / m0 * 1.125:g}x)  load avg {os.getloadavg()[0]:.2f}")


if __name__ == "__main__":
    main()
