"""Token F1 of framelens's extraction settings on the ScrapingHub article-extraction benchmark.

    python bench/extract_eval.py
"""
import gzip
import json
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from core.extract import extract_page  # noqa: E402
from tests.test_extract import token_f1  # noqa: E402


def main() -> None:
    root = ROOT.parent / "shared/data/pages/scrapinghub"
    truth = json.loads((root / "ground-truth.json").read_text())
    t0, scores = time.perf_counter(), []
    for key, gold in truth.items():
        got = extract_page(gzip.open(root / "html" / f"{key}.html.gz").read(), gold.get("url"))
        scores.append(token_f1(got.text if got else "", gold["articleBody"]))
    dt = time.perf_counter() - t0
    print(f"{len(scores)} pages: mean token F1 {sum(scores) / len(scores):.4f}, "
          f"{sum(s == 0 for s in scores)} empty, {len(scores) / dt:.0f} pages/s")


if __name__ == "__main__":
    main()
