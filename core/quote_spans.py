"""Quote spans and frame sentences: where the quotation marks are, and the sentences around them.

Quotation marks are found first and each long quote is swapped for a short stand-in clause, so
sentence splitting never breaks inside a quote and the parser only sees the attribution frame
("<q>," Dong said). Every frame keeps a map back to offsets in the article text.
"""
from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass, field
from typing import Any, Iterator

from core.config import Settings

SETTINGS = Settings()

# Quotation marks: openers, closers and the ambiguous straight mark.
OPENERS = "“«„"
CLOSERS = "”»"
TOGGLES = '"'
MARK_RE = re.compile(r'["“”«»„]')
QUOTE_CHARS = '"“”«»„'

# Sentence ends: punctuation (optionally a closing mark), whitespace, then an uppercase start.
SENT_END = re.compile(r'[.!?]+["”’)\]]*\s+(?=["“‘(\[]?[A-Z0-9])|:\s+(?=["“]?[A-Z])(?!x)')
# A title's or rank's stop before a name ends no sentence: "Asst. U.S. Attorney Nicholas Roos told the court" (fc39),
# "Brig. Nabil Abdullah" (core.lexicon's ranks)
ABBREV = set("mr mrs ms dr sen rep gov gen st jr sr lt col capt sgt adm prof rev vs no inc corp co "
              "jan feb mar apr jun jul aug sep sept oct nov dec u.s u.k u.n d.c "
              "asst atty brig maj cmdr cpl pvt supt insp".split())


@dataclass
class Span:
    """A quoted span in the original text."""

    start: int
    end: int                          # exclusive; includes the closing mark when there is one
    words: int
    standin: bool = False
    claimed: bool = False


@dataclass
class Unit:
    """A frame sentence: original text with long quotes swapped for stand-ins, plus offset map."""

    frame: str
    pieces: list                      # (frame_start, frame_end, orig_start, orig_end, quote_index|None)
    para: int
    quotes: list[int] = field(default_factory=list)   # indices into the article's quote spans
    has_cue: bool = False
    doc: Any = None
    fast: Any = None                  # a regex match when the frame needs no parse


# -------------------------------------------------------------------------------- quote detection
def find_quote_spans(text: str, settings: Settings = SETTINGS) -> list[Span]:
    """Quoted spans per paragraph: typographic marks by direction, straight marks by alternation; a
    doubled pair (“"…"”) counts once, so a quote has one pair of marks. A quote left open at its
    paragraph's end runs on through paragraphs without a mark when a later one closes it first
    ('Quote: "Putin always kills.' … 'what he has done."'), each paragraph its own span."""
    spans: list[Span] = []
    carry: list[tuple[int, int]] | None = None    # mark-less paragraphs since a quote was left open
    opener = None                                   # the mark that opened it
    for pstart, pend in iter_paragraphs(text):
        first = MARK_RE.search(text, pstart, pend)
        scan_from = pstart
        if carry is not None:
            if first is None and len(carry) < settings.quote_max_paragraphs:
                carry.append((pstart, pend))
                continue
            closing = text[pstart:first.start()] if first is not None else ""
            if first is not None and _closes(text, first.start(), pstart, opener) \
                    and len(closing.split()) >= settings.quote_min_closing_words and not _NAME_LINE_RE.match(closing):
                for a, b in carry:
                    _add_span(spans, text, a, b, settings)
                _add_span(spans, text, pstart, first.end(), settings)
                scan_from = first.end()
            carry = None
        open_at = None
        skip_to = -1
        for m in MARK_RE.finditer(text, scan_from, pend):
            ch, i = m.group(), m.start()
            if i < skip_to:
                continue                 # the outer mark of a doubled closing pair (“"…"”)
            if open_at is None and i + 1 < pend and MARK_RE.match(text, i + 1):
                continue                 # a doubled opening pair: the inner mark opens
            if open_at is not None and (ch in CLOSERS or ch in TOGGLES):
                j = i + 1
                while j < pend and MARK_RE.match(text, j):
                    j += 1
                skip_to = j              # the quote closes on its inner mark; the outer one is skipped
            if open_at is None:
                if ch in OPENERS or ch in TOGGLES:
                    open_at = i
                # a stray closer with nothing open is dropped: no way to know where it began
            elif ch in CLOSERS or ch in TOGGLES:
                _add_span(spans, text, open_at, i + 1, settings)
                open_at = None
            elif ch in OPENERS and _looks_nested(text, open_at, i):
                continue
            else:                        # a second opener: the first one was never closed
                _add_span(spans, text, open_at, _trim_end(text, open_at, i), settings)
                open_at = i
        if open_at is not None:          # unclosed: runs to paragraph end (multi-paragraph quotes)
            end = min(pend, open_at + settings.quote_max_unbalanced_chars)
            _add_span(spans, text, open_at, _trim_end(text, open_at, end), settings)
            carry, opener = ([], text[open_at]) if end == pend else (None, None)
    return spans


# "Amy Pope, deputy homeland security advisor.": a line naming who spoke, not the quote's last paragraph
_NAME_LINE_RE = re.compile(r"\s*(?:[A-Z][\w.'’-]*\s+){0,3}[A-Z][\w.'’-]*,")


def _closes(text: str, i: int, pstart: int, opener: str) -> bool:
    """The mark at i closes a quote opened by `opener`: a closing mark after a typographic opener, a
    straight one after a straight opener and a word ('done."'), not one opening the paragraph (the
    convention that reopens each paragraph of a long quote)."""
    if text[i] in CLOSERS:
        return opener in OPENERS
    return text[i] in TOGGLES and opener in TOGGLES and i > pstart and not text[i - 1].isspace() \
        and (i + 1 == len(text) or not text[i + 1].isalnum())


def _looks_nested(text: str, open_at: int, i: int) -> bool:
    """An opener right after a word inside an open quote is more likely a nested quote."""
    return False


def _trim_end(text: str, start: int, end: int) -> int:
    """Move end back over trailing whitespace."""
    while end > start + 1 and text[end - 1].isspace():
        end -= 1
    return end


def _add_span(spans: list[Span], text: str, start: int, end: int, settings: Settings) -> None:
    """Keep a quoted span if it has content."""
    inner = text[start + 1:end].strip(QUOTE_CHARS + " \n")
    if len(inner) < settings.quote_min_chars:
        return
    words = len(inner.split())
    spans.append(Span(start, end, words))


def iter_paragraphs(text: str) -> Iterator[tuple[int, int]]:
    """(start, end) of each non-empty line or paragraph. A hard-wrapped line (ending on a word or comma, the next
    opening in lower case: "who was swearing-in the Bank of Ghana's / new governor, …, urged") goes on into the
    next, so a sentence broken by the page's wrapping is read whole."""
    pos = 0
    start = None
    lines = text.split("\n")
    for k, line in enumerate(lines):
        end = pos + len(line)
        if line.strip():
            start = pos if start is None else start
            nxt = lines[k + 1].lstrip(" \t") if k + 1 < len(lines) else ""
            if not (_WRAPPED_END_RE.search(line) and nxt[:1].islower()):
                yield start, end
                start = None
        pos = end + 1


_WRAPPED_END_RE = re.compile(r"[\w,]$")


# ------------------------------------------------------------------------------------ frame units
def build_units(text: str, spans: list[Span], settings: Settings = SETTINGS) -> list[Unit]:
    """Frame sentences for the whole article, with long quotes replaced by stand-in clauses."""
    units: list[Unit] = []
    qi = 0
    for para, (pstart, pend) in enumerate(iter_paragraphs(text)):
        frame_parts, pieces = [], []
        fpos, pos = 0, pstart
        quote_ids = []
        while qi < len(spans) and spans[qi].start < pend:
            sp = spans[qi]
            if sp.start < pos:           # overlapping span (cannot happen, but never loop)
                qi += 1
                continue
            if sp.words >= settings.quote_min_standin_words or _ends_like_speech(text, sp):
                sp.standin = True
            if sp.start > pos:
                chunk = text[pos:sp.start]
                pieces.append((fpos, fpos + len(chunk), pos, sp.start, None))
                frame_parts.append(chunk)
                fpos += len(chunk)
            chunk = _standin(text, sp) if sp.standin else text[sp.start:sp.end]
            pieces.append((fpos, fpos + len(chunk), sp.start, sp.end, qi))
            frame_parts.append(chunk)
            fpos += len(chunk)
            quote_ids.append(qi)
            pos = sp.end
            qi += 1
        if pos < pend:
            chunk = text[pos:pend]
            pieces.append((fpos, fpos + len(chunk), pos, pend, None))
            frame_parts.append(chunk)
        frame = "".join(frame_parts)
        units.extend(_split_frame(frame, pieces, para, settings))
    return units


def _ends_like_speech(text: str, sp: Span) -> bool:
    """A quote ending in ,.?! inside its marks is speech, however short."""
    inner = text[sp.start:sp.end].rstrip(QUOTE_CHARS)
    return sp.words >= 2 and inner[-1:] in ",.?!"


def _standin(text: str, sp: Span) -> str:
    """A short clause the parser treats like the quote: keeps the quote's final punctuation."""
    inner = text[sp.start:sp.end].rstrip(QUOTE_CHARS + " ")
    punct = inner[-1] if inner[-1:] in ",.?!:;" else ""
    return '"this is so' + punct + '"'


def _split_frame(frame: str, pieces: list, para: int, settings: Settings) -> list[Unit]:
    """Split a paragraph frame into sentences (not after abbreviations), each a Unit."""
    cuts = [0]
    for m in SENT_END.finditer(frame):
        # the word before the stop; a bounded look-back keeps a run of abbreviations linear
        word = re.search(r"([\w.]+)[.!?:]*[\"”’)\]]*\s*$", frame[max(cuts[-1], m.start() - 60):m.end()])
        if word and frame[m.start()] == "." and (word.group(1).lower().rstrip(".") in ABBREV
                                                 or len(word.group(1).rstrip(".")) == 1):
            continue
        cuts.append(m.end())
    cuts.append(len(frame))
    units = []
    for a, b in zip(cuts, cuts[1:]):
        while b - a > settings.quote_max_parse_chars:          # no punctuation for pages: cut at a space
            cut = frame.rfind(" ", a + settings.quote_max_parse_chars // 2, a + settings.quote_max_parse_chars)
            cut = cut if cut > a else a + settings.quote_max_parse_chars
            units.append(_make_unit(frame, pieces, para, a, cut))
            a = cut
        if frame[a:b].strip():
            units.append(_make_unit(frame, pieces, para, a, b))
    return units


def _make_unit(frame: str, pieces: list, para: int, a: int, b: int) -> Unit:
    """A unit for frame[a:b] with its own piece map (frame offsets rebased to a)."""
    own, quotes = [], []
    # pieces are in frame order: start at the first that ends after a (linear in a huge paragraph)
    first = bisect_right(pieces, a, key=lambda p: p[1])
    for fs, fe, os_, oe, qi in pieces[first:]:
        if fs >= b:
            break
        if fe <= a:
            continue
        if qi is None:
            lo, hi = max(fs, a), min(fe, b)
            own.append((lo - a, hi - a, os_ + (lo - fs), os_ + (hi - fs), None))
        else:
            own.append((fs - a, fe - a, os_, oe, qi))
            quotes.append(qi)
    return Unit(frame[a:b], own, para, quotes)


def to_orig(unit: Unit, fpos: int, is_end: bool) -> int:
    """Map a frame offset in a unit to an offset in the article text."""
    for fs, fe, os_, oe, qi in unit.pieces:
        if fs <= fpos < fe or (is_end and fpos == fe):
            if qi is not None:
                return oe if is_end else os_
            return os_ + (fpos - fs)
    return unit.pieces[-1][3] if unit.pieces else 0


def whole_span(text: str, start: int, end: int) -> tuple[int, int]:
    """A quote's span on word boundaries with its quotation marks in pairs: never "uphold”" for
    “uphold”, nor a closing mark without its opening one (the missing mark is taken in when it
    stands right outside the span, else the lone mark is left out)."""
    n = len(text)
    while 0 < start < n and text[start - 1].isalnum() and text[start].isalnum():
        start -= 1
    while 0 < end < n and text[end - 1].isalnum() and text[end].isalnum():
        end += 1
    for _ in range(2):
        inner = text[start:end]
        opens = sum(inner.count(c) for c in OPENERS)
        closes = sum(inner.count(c) for c in CLOSERS)
        straight = inner.count(TOGGLES)
        if closes > opens and end > start and text[end - 1] in CLOSERS:
            before = start - 1
            while before >= 0 and text[before] == " ":
                before -= 1
            if before >= 0 and text[before] in OPENERS:
                start = before
            else:
                end -= 1
        elif opens > closes and end > start and text[start] in OPENERS:
            if end < n and text[end] in CLOSERS:
                end += 1
            else:
                start += 1
        elif straight % 2 and end > start:
            if text[end - 1] == TOGGLES and start > 0 and text[start - 1] == TOGGLES:
                start -= 1
            elif text[start] == TOGGLES and end < n and text[end] == TOGGLES:
                end += 1
            elif text[end - 1] == TOGGLES:
                end -= 1
            elif text[start] == TOGGLES:
                start += 1
        while start < end and text[start].isspace():
            start += 1
        while end > start and text[end - 1].isspace():
            end -= 1
    return start, end
