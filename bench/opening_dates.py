"""How often the day a text prints at its top (core.dates.opening_date) dates an undated article, and whether it
agrees with the article's own date where it has one (within a day) or with a day in its address.

Reads the shared corpora and realworld, and any folders of saved pages (one JSON object per file with `text` and,
when known, `published` and `url`: the checks' pages, kept outside the repository).

    .venv/bin/python bench/opening_dates.py [PAGES_DIR ...]
"""
from __future__ import annotations

import argparse
import json
import re
import sys
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
SHARED = ROOT.parent / "shared" / "data"

from core.dates import opening_date, parse_date  # noqa: E402

URL_DAY = re.compile(r"/(20\d\d)[/-](\d\d)[/-](\d\d)(?:/|$)|/(20\d\d)(\d\d)(\d\d)(?=[/-])")


def url_day(url: str) -> date | None:
    """The day an address holds (/2024/07/17/, /20240717-), or None."""
    m = URL_DAY.search(url or "")
    if not m:
        return None
    y, mo, d = (int(g) for g in (m.groups()[:3] if m.group(1) else m.groups()[3:]))
    try:
        return date(y, mo, d)
    except ValueError:
        return None


def tally(rows) -> dict:
    """Counts for one set of rows: undated, dated from the opening, and agreement with the row's own or its address's day."""
    t = dict(rows=0, undated=0, read=0, own_agree=0, own_disagree=0, url_agree=0, url_disagree=0, wrong=[])
    for r in rows:
        t["rows"] += 1
        own = parse_date(r.get("published")).published
        read = opening_date(str(r.get("text") or ""), "import")
        if own is None:
            t["undated"] += 1
            t["read"] += read is not None
        if read is None:
            continue
        for key, other in (("own", own.date() if own else None), ("url", url_day(str(r.get("url") or "")))):
            if other is not None:
                ok = abs((read.published.date() - other).days) <= 1
                t[f"{key}_{'agree' if ok else 'disagree'}"] += 1
                if not ok:
                    t["wrong"].append((r.get("id") or r.get("url"), str(other), read.flag))
    return t


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("pages", nargs="*", help="folders of saved pages (JSON files)")
    args = ap.parse_args()
    sets = {p.name: [json.loads(x) for x in p.read_text(encoding="utf-8").splitlines() if x.strip()]
            for p in sorted((SHARED / "corpora").glob("*.jsonl")) + [SHARED / "realworld" / "articles.jsonl"]}
    pages = []
    for folder in args.pages:
        for f in sorted(Path(folder).glob("*.json")):
            try:
                r = json.loads(f.read_text(encoding="utf-8"))
            except (ValueError, UnicodeDecodeError):
                continue
            if isinstance(r, dict) and isinstance(r.get("text"), str):
                pages.append(r)
    if args.pages:
        sets[f"saved pages ({len(args.pages)} folders)"] = pages
    print(f"{'set':<28} {'rows':>6} {'undated':>8} {'read':>5} {'own agree/disagree':>19} {'address agree/disagree':>23}")
    for name, rows in sets.items():
        t = tally(rows)
        print(f"{name:<28} {t['rows']:>6} {t['undated']:>8} {t['read']:>5} {t['own_agree']:>10}/{t['own_disagree']:<8} "
              f"{t['url_agree']:>14}/{t['url_disagree']:<8}")
        for w in t["wrong"][:5]:
            print("    disagrees:", *w)


if __name__ == "__main__":
    main()
