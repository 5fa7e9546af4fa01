"""An article's stored text laid out for reading, with its quotes, their speakers and its contested terms
marked. Every mark is checked against the text before it is shown: one whose span does not hold the
words it claims (the text changed since the analysis, say) is left out and counted, never shown wrong."""
from __future__ import annotations

import math
import re
from dataclasses import dataclass

import pandas as pd

RANK = {"quote": 1, "speaker": 2, "term": 3}  # where marks overlap, the narrower kind shows


@dataclass(frozen=True)
class Mark:
    """A span of the text: a quote, a speaker's mention, or a contested term; `label` says whose or which."""

    start: int
    end: int
    kind: str
    label: str = ""


def _int(v) -> int | None:
    return None if v is None or (isinstance(v, float) and math.isnan(v)) else int(v)


def _same(a: str, b: str) -> bool:
    """Equal but for whitespace and case (a quote's stored text may have its line breaks folded)."""
    return " ".join(a.split()).casefold() == " ".join(b.split()).casefold()


def marks(text: str, quotes: pd.DataFrame, matches: list[dict]) -> tuple[list[Mark], int]:
    """The article's marks that hold what they claim, and how many did not (left out)."""
    found, bad = [], 0
    for q in ([] if quotes.empty else quotes.to_dict("records")):
        s, e = _int(q.get("quote_start")), _int(q.get("quote_end"))
        if s is None or e is None or not (0 <= s < e <= len(text)) or not _same(text[s:e], str(q.get("quote") or "")):
            bad += 1
            continue
        who = q.get("canonical_speaker") or q.get("speaker") or ""
        found.append(Mark(s, e, "quote", "" if who != who else str(who)))  # who != who: NaN
        ss, se = _int(q.get("speaker_start")), _int(q.get("speaker_end"))
        if ss is not None and se is not None and 0 <= ss < se <= len(text) and _same(text[ss:se], str(q.get("speaker") or "")):
            found.append(Mark(ss, se, "speaker", found[-1].label))
    for m in matches:
        s, e = m.get("start"), m.get("end")
        if m.get("field", "text") != "text":
            continue
        if not (isinstance(s, int) and isinstance(e, int) and 0 <= s < e <= len(text)) or \
                not _same(text[s:e], str(m.get("surface") or "")):
            bad += 1
            continue
        found.append(Mark(s, e, "term", str(m.get("family") or "")))
    return sorted(set(found), key=lambda m: (m.start, m.end)), bad


def paragraphs(text: str, found: list[Mark]) -> list[list[tuple[str, str | None]]]:
    """The text's paragraphs (split at line breaks), each as runs of (piece, kind of the mark showing there)."""
    out = []
    for para in re.finditer(r"[^\n]+", text):
        ps, pe = para.span()
        cuts = sorted({ps, pe} | {p for m in found for p in (m.start, m.end) if ps < p < pe})
        runs: list[tuple[str, str | None]] = []
        for a, b in zip(cuts, cuts[1:]):
            over = [m.kind for m in found if m.start <= a and b <= m.end]
            kind = max(over, key=RANK.get) if over else None
            if runs and runs[-1][1] == kind:
                runs[-1] = (runs[-1][0] + text[a:b], kind)
            else:
                runs.append((text[a:b], kind))
        if any(piece.strip() for piece, _ in runs):
            out.append(runs)
    return out
