"""Who said what: direct, mixed and indirect attributions with their speakers, from spaCy parses.

Rule-based, in the style of the Gender Gap Tracker: quotation marks are found first and each long
quote is swapped for a short stand-in clause, so sentence splitting never breaks inside a quote and
the parser only sees the attribution frame ("<q>," Dong said). Only frame sentences that hold a
cue word are parsed (tagger + parser; no NER, no lemmatizer), in batches with nlp.pipe, with one
BLAS thread (see core.nlp: numpy matrix products, single-threaded, are what makes this fast).
"""
from __future__ import annotations

import json
import re
import sys
from bisect import bisect_left, bisect_right, insort
from collections import Counter, defaultdict
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any, Iterable, Iterator

from core.models import get as _get
from core.corpus import InputError, read_jsonl  # noqa: F401 - InputError is part of this API
from core.nlp import load_nlp, single_thread_blas


# ---------------------------------------------------------------------------------------- tunables
@dataclass(frozen=True)
class QuoteSettings:
    """Tunables for quote extraction, each with the reason it exists."""

    batch_size: int = 256            # frame sentences per nlp.pipe batch; short docs batch well
    min_standin_words: int = 5       # shorter quotes stay in the parse (scare quotes, titles)
    max_parse_chars: int = 600       # longer frame sentences are cut: parse cost grows with length
    max_unbalanced_chars: int = 1500 # an unclosed quote runs at most this far (to paragraph end)
    min_quote_chars: int = 3         # "" or "a" is not a quote
    keep_unattributed: bool = True   # emit long direct quotes with no speaker found (type unknown)
    min_unattributed_words: int = 6  # ... but only when they look like speech, not a title
    pronoun_window: int = 3000       # characters back to look for a pronoun's antecedent
    name_window: int = 20_000        # characters either side to look for a surname's full name:
                                     # the whole of any real article, and linear time on huge ones


SETTINGS = QuoteSettings()

# The parser disables everything it does not need: NER and the lemmatizer cost about as much as the
# parse itself, and cue words are matched on their surface forms below.
PARSE_DISABLE = ("ner", "lemmatizer", "attribute_ruler")

# ------------------------------------------------------------------------------------------ lexicons
# Speech and attribution verbs (lemmas). CORE ones also take a bare quote as their content.
CORE_CUES = """say tell add declare claim insist state announce warn argue note explain reply
respond write tweet post ask answer continue conclude stress emphasize emphasise recall acknowledge
admit confirm deny report suggest assert affirm remark comment observe point quip joke predict
promise pledge vow urge caution complain concede contend counter maintain reiterate repeat
testify recount describe estimate indicate mention allege predict retort shout yell scream
whisper cry plead boast brag lament muse wonder demand charge anticipate exclaim confess bark
interrupt chant quote cite decry hail label dub brand mock""".split()
OTHER_CUES = """believe think accuse criticize criticise blame praise call argue hope want know
show find reveal agree disagree fear feel worry expect acknowledge propose recommend question
doubt dismiss reject endorse support oppose condemn denounce attack blast slam defend vow tout
predict insist complain decline refuse threaten signal hint concede agree guess reckon
""".split()
CUE_LEMMAS = set(CORE_CUES) | set(OTHER_CUES)
# Non-speech cues that still earn a parse of their sentence on their own (the rest are only used
# when the sentence is parsed anyway): a speed/recall trade-off measured on PolNeAR train.
PREFILTER_EXTRA = set("""believe think accuse criticize criticise blame praise call""".split())

_IRREGULAR = {
    "say": ["said", "says", "saying"], "tell": ["told", "tells", "telling"],
    "write": ["wrote", "writes", "writing", "written"], "think": ["thought", "thinks", "thinking"],
    "know": ["knew", "knows", "knowing", "known"], "find": ["found", "finds", "finding"],
    "feel": ["felt", "feels", "feeling"], "show": ["showed", "shows", "showing", "shown"],
    "cry": ["cried", "cries", "crying"], "deny": ["denied", "denies", "denying"],
    "reply": ["replied", "replies", "replying"], "testify": ["testified", "testifies", "testifying"],
    "hope": ["hoped", "hopes", "hoping"], "blame": ["blamed", "blames", "blaming"],
}


def _inflect(lemma: str) -> list[str]:
    """Regular English verb forms (good enough for a closed cue list)."""
    if lemma in _IRREGULAR:
        return [lemma] + _IRREGULAR[lemma]
    if lemma.endswith("e"):
        return [lemma, lemma + "s", lemma + "d", lemma[:-1] + "ing"]
    if lemma.endswith(("sh", "ch", "ss", "x")):
        return [lemma, lemma + "es", lemma + "ed", lemma + "ing"]
    if lemma.endswith("y") and lemma[-2] not in "aeiou":
        return [lemma, lemma[:-1] + "ies", lemma[:-1] + "ied", lemma + "ing"]
    forms = [lemma, lemma + "s", lemma + "ed", lemma + "ing"]
    if re.fullmatch(r"[^aeiou]*[aeiou][bdgmnprt]", lemma):       # stop, plan: doubled consonant
        forms += [lemma + lemma[-1] + "ed", lemma + lemma[-1] + "ing"]
    return forms


CUE_FORMS: dict[str, str] = {f: lem for lem in CUE_LEMMAS for f in _inflect(lem)}
CORE_SET = set(CORE_CUES)
_CUE_ALT = "|".join(sorted((f for f, lem in CUE_FORMS.items() if lem in CORE_SET and not
                            f.endswith("ing")), key=len, reverse=True))
# Cheap prefilter: a frame sentence is parsed only if it holds one of these words (a set lookup
# over its lowercase words; a big regex alternation cost ~3 s per 1,000 articles on its own).
_PREFILTER_FORMS = [f for f, lem in CUE_FORMS.items() if lem in CORE_SET or lem in PREFILTER_EXTRA]
_CUE_RE = re.compile(r"\b(?:" + "|".join(sorted(map(re.escape, _PREFILTER_FORMS), key=len,
                                                  reverse=True)) + r"|according)\b", re.I)
_TRIGGERS = frozenset(_PREFILTER_FORMS + ["according"])
_WORD_RE = re.compile(r"[a-z]+")


def has_trigger(frame: str) -> bool:
    """The frame holds a prefilter cue word (any case), exactly what _CUE_RE finds."""
    return not _TRIGGERS.isdisjoint(_WORD_RE.findall(frame.lower()))


TITLE_WORDS = set("""mr mrs ms dr prof sen senator rep representative gov governor gen general
admiral adm col colonel lt capt captain sgt president vice minister prime secretary chancellor
premier king queen prince princess pope rev reverend judge justice chief director spokesman
spokeswoman spokesperson ambassador mayor commissioner chairman chairwoman chair ceo
defense defence foreign interior finance state deputy former acting leader speaker house
senate lord sir dame candidate nominee founder officer attorney commander head envoy
democratic republican democrat gop u.s. us sheriff detective inspector professor
""".split())
ORG_WORDS = set("""ministry department government kremlin administration house office agency
council committee commission party campaign police army military navy court parliament congress
senate cabinet bureau service services times post news journal press reuters ap afp tass xinhua
company corp corporation inc group association union network organization organisation institute
university foundation fund bank board authority authorities embassy pentagon nato un eu fbi cia
nsa isis taliban hamas guard command forces force regime ministry's council's statement report
poll survey study data media newspaper magazine channel tv cnn fox nbc abc cbs msnbc breitbart
""".split())
GOV_PLACES = set("""beijing moscow washington kyiv kiev london paris berlin tokyo tehran pyongyang
seoul ankara brussels jerusalem delhi islamabad damascus riyadh china russia ukraine america iran
israel britain france germany japan india pakistan syria turkey""".split())
ANON_HEADS = set("""official officials source sources aide aides person people diplomat diplomats
insider insiders analyst analysts expert experts observer observers critic critics resident
residents witness witnesses spokesman spokeswoman spokesperson officer officers staffer staffers
member members adviser advisers advisor advisors someone lawmaker lawmakers strategist strategists
supporter supporters voter voters""".split())
ANON_MARKERS = set("""a an some several many few two three four one unnamed anonymous senior
familiar other others various numerous multiple""".split())
PRONOUNS = {"he", "she", "they", "i", "we", "you", "it", "him", "her", "them"}

# Quotation marks: openers, closers and the ambiguous straight mark.
OPENERS = "“«„"
CLOSERS = "”»"
TOGGLES = '"'
_MARK_RE = re.compile(r'["“”«»„]')
_QUOTE_CHARS = '"“”«»„'

# Sentence ends: punctuation (optionally a closing mark), whitespace, then an uppercase start.
_SENT_END = re.compile(r'[.!?]+["”’)\]]*\s+(?=["“‘(\[]?[A-Z0-9])|:\s+(?=["“]?[A-Z])(?!x)')
_ABBREV = set("mr mrs ms dr sen rep gov gen st jr sr lt col capt sgt adm prof rev vs no inc corp co "
              "jan feb mar apr jun jul aug sep sept oct nov dec u.s u.k u.n d.c".split())
_NAME_RE = re.compile(r"\b([A-Z][a-z]+(?:[-'][A-Z]?[a-z]+)?(?:\s+(?:[A-Z]\.\s+)?[A-Z][a-z]+"
                      r"(?:[-'][A-Z]?[a-z]+)?){1,2})\b")


# Parse-free frames: most direct quotes sit in '"<q>," Dong said.' / 'said Dong' / 'He added: "<q>"'.
_SPK = r"(?P<spk>[Hh]e|[Ss]he|[Tt]hey|I|[Ww]e|(?:[Tt]he\s+)?[A-Z][\w.'’-]*(?:\s+(?:of\s+)?[A-Z][\w.'’-]*){0,4})"
_CORE_FORMS = None       # filled below, once CUE_FORMS exists
_STANDIN = r'"this is so(?P<qp>[,.?!:;]?)"'
_TAIL = r"(?:\s+(?:on|in|at|to|during|last|this|late|early)\b[\w\s’']{0,40}?)?[.]?\s*$"
_FAST = [re.compile(r"^\s*" + _STANDIN + r"\s*" + _SPK + r"\s+(?:also\s+)?(?P<cue>" + _CUE_ALT + r")"
                    + _TAIL),
         re.compile(r"^\s*" + _STANDIN + r"\s*(?P<cue>" + _CUE_ALT + r")\s+" + _SPK + _TAIL),
         re.compile(r"^\s*" + _SPK + r"\s+(?:also\s+)?(?P<cue>" + _CUE_ALT + r"):\s*" + _STANDIN
                    + r"\s*$")]


# ------------------------------------------------------------------------------------- data model
@dataclass
class Quote:
    """One attribution: what was reported as said (content span) and by whom (speaker mention)."""

    article_id: str
    quote: str
    quote_start: int
    quote_end: int
    kind: str                         # direct / indirect / mixed
    cue: str | None
    speaker: str | None               # resolved name ("he" -> "Dong Jun")
    speaker_start: int | None         # the mention in the text the cue attaches to
    speaker_end: int | None
    speaker_type: str                 # person / organisation / anonymous / pronoun / unknown
    speaker_role: str | None
    canonical_speaker: str | None = None
    cue_start: int | None = None
    cue_end: int | None = None

    def to_dict(self) -> dict:
        return asdict(self)


@dataclass
class _Span:
    """A quoted span in the original text."""

    start: int
    end: int                          # exclusive; includes the closing mark when there is one
    words: int
    standin: bool = False
    claimed: bool = False


@dataclass
class _Unit:
    """A frame sentence: original text with long quotes swapped for stand-ins, plus offset map."""

    frame: str
    pieces: list                      # (frame_start, frame_end, orig_start, orig_end, quote_index|None)
    para: int
    quotes: list[int] = field(default_factory=list)   # indices into the article's quote spans
    has_cue: bool = False
    doc: Any = None
    fast: Any = None                  # a regex match when the frame needs no parse


# -------------------------------------------------------------------------------- quote detection
def find_quote_spans(text: str, settings: QuoteSettings = SETTINGS) -> list[_Span]:
    """Quoted spans per paragraph: typographic marks by direction, straight marks by alternation."""
    spans: list[_Span] = []
    for pstart, pend in iter_paragraphs(text):
        open_at = None
        for m in _MARK_RE.finditer(text, pstart, pend):
            ch, i = m.group(), m.start()
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
            end = min(pend, open_at + settings.max_unbalanced_chars)
            _add_span(spans, text, open_at, _trim_end(text, open_at, end), settings)
    return spans


def _looks_nested(text: str, open_at: int, i: int) -> bool:
    """An opener right after a word inside an open quote is more likely a nested quote."""
    return False


def _trim_end(text: str, start: int, end: int) -> int:
    """Move end back over trailing whitespace."""
    while end > start + 1 and text[end - 1].isspace():
        end -= 1
    return end


def _add_span(spans: list[_Span], text: str, start: int, end: int, settings: QuoteSettings) -> None:
    """Keep a quoted span if it has content."""
    inner = text[start + 1:end].strip(_QUOTE_CHARS + " \n")
    if len(inner) < settings.min_quote_chars:
        return
    words = len(inner.split())
    spans.append(_Span(start, end, words))


def iter_paragraphs(text: str) -> Iterator[tuple[int, int]]:
    """(start, end) of each non-empty line or paragraph."""
    pos = 0
    for line in text.split("\n"):
        end = pos + len(line)
        if line.strip():
            yield pos, end
        pos = end + 1


# ------------------------------------------------------------------------------------ frame units
def build_units(text: str, spans: list[_Span], settings: QuoteSettings = SETTINGS) -> list[_Unit]:
    """Frame sentences for the whole article, with long quotes replaced by stand-in clauses."""
    units: list[_Unit] = []
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
            if sp.words >= settings.min_standin_words or _ends_like_speech(text, sp):
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


def _ends_like_speech(text: str, sp: _Span) -> bool:
    """A quote ending in ,.?! inside its marks is speech, however short."""
    inner = text[sp.start:sp.end].rstrip(_QUOTE_CHARS)
    return sp.words >= 2 and inner[-1:] in ",.?!"


def _standin(text: str, sp: _Span) -> str:
    """A short clause the parser treats like the quote: keeps the quote's final punctuation."""
    inner = text[sp.start:sp.end].rstrip(_QUOTE_CHARS + " ")
    punct = inner[-1] if inner[-1:] in ",.?!:;" else ""
    return '"this is so' + punct + '"'


def _split_frame(frame: str, pieces: list, para: int, settings: QuoteSettings) -> list[_Unit]:
    """Split a paragraph frame into sentences (not after abbreviations), each a _Unit."""
    cuts = [0]
    for m in _SENT_END.finditer(frame):
        # the word before the stop; a bounded look-back keeps a run of abbreviations linear
        word = re.search(r"([\w.]+)[.!?:]*[\"”’)\]]*\s*$", frame[max(cuts[-1], m.start() - 60):m.end()])
        if word and frame[m.start()] == "." and (word.group(1).lower().rstrip(".") in _ABBREV
                                                 or len(word.group(1).rstrip(".")) == 1):
            continue
        cuts.append(m.end())
    cuts.append(len(frame))
    units = []
    for a, b in zip(cuts, cuts[1:]):
        while b - a > settings.max_parse_chars:          # no punctuation for pages: cut at a space
            cut = frame.rfind(" ", a + settings.max_parse_chars // 2, a + settings.max_parse_chars)
            cut = cut if cut > a else a + settings.max_parse_chars
            units.append(_make_unit(frame, pieces, para, a, cut))
            a = cut
        if frame[a:b].strip():
            units.append(_make_unit(frame, pieces, para, a, b))
    return units


def _make_unit(frame: str, pieces: list, para: int, a: int, b: int) -> _Unit:
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
    return _Unit(frame[a:b], own, para, quotes)


def to_orig(unit: _Unit, fpos: int, is_end: bool) -> int:
    """Map a frame offset in a unit to an offset in the article text."""
    for fs, fe, os_, oe, qi in unit.pieces:
        if fs <= fpos < fe or (is_end and fpos == fe):
            if qi is not None:
                return oe if is_end else os_
            return os_ + (fpos - fs)
    return unit.pieces[-1][3] if unit.pieces else 0


# ----------------------------------------------------------------------------------- extraction
def extract_quotes(articles: Iterable[Any], batch_size: int | None = None,
                   settings: QuoteSettings = SETTINGS, nlp=None,
                   progress: bool = False) -> list[Quote]:
    """Attributions for many articles (dicts or Article objects), parsing cue sentences in batches."""
    nlp = nlp or load_nlp(PARSE_DISABLE)
    batch_size = batch_size or settings.batch_size
    with single_thread_blas():
        return _extract(articles, nlp, batch_size, settings, progress)


def _extract(articles, nlp, batch_size: int, settings: QuoteSettings, progress: bool) -> list[Quote]:
    """extract_quotes' loop: cheap per-article passes, then parses in chunks of many articles."""
    out: list[Quote] = []
    chunk: list[tuple[str, str, list[_Span], list[_Unit]]] = []
    bar = _progress_bar(progress)
    for art in articles:
        aid, text = _get(art, "id"), _get(art, "text") or ""
        if not isinstance(text, str):
            text = str(text)
        spans = find_quote_spans(text, settings)
        units = build_units(text, spans, settings)
        for u in units:
            u.fast = _match_fast(u)
            u.has_cue = u.fast is None and (has_trigger(u.frame) or (
                bool(u.quotes) and not _is_bare_quote(u)))
        chunk.append((str(aid), text, spans, units))
        if sum(len(c[3]) for c in chunk) >= batch_size * 8:
            out.extend(_process_chunk(chunk, nlp, batch_size, settings))
            bar and bar.update(len(chunk))
            chunk = []
    if chunk:
        out.extend(_process_chunk(chunk, nlp, batch_size, settings))
        bar and bar.update(len(chunk))
    bar and bar.close()
    return out


def _progress_bar(progress: bool):
    """A tqdm bar on stderr, or None."""
    if not progress:
        return None
    from tqdm import tqdm
    return tqdm(unit="article", file=sys.stderr)


def _process_chunk(chunk, nlp, batch_size: int, settings: QuoteSettings) -> list[Quote]:
    """Parse every cue-bearing unit in the chunk in one nlp.pipe stream, then extract."""
    todo = [u for _, _, _, units in chunk for u in units if u.has_cue]
    for u, doc in zip(todo, nlp.pipe((u.frame for u in todo), batch_size=batch_size)):
        u.doc = doc
    out = []
    for aid, text, spans, units in chunk:
        out.extend(extract_article(aid, text, spans, units, settings))
    return out


def extract_article(aid: str, text: str, spans: list[_Span], units: list[_Unit],
                    settings: QuoteSettings = SETTINGS) -> list[Quote]:
    """Attributions of one article from its (partly parsed) units."""
    quotes: list[Quote] = []
    names = _NameIndex(text, settings)
    last_speaker_by_unit: dict[int, Quote] = {}
    for ui, u in enumerate(units):
        if u.fast is not None:
            q = _from_fast(aid, text, u, spans, names)
            quotes.append(q)
            last_speaker_by_unit[ui] = q
            continue
        if u.doc is None:
            continue
        for q in _attributions_in_unit(aid, text, u, spans, names):
            if q.kind != "pending":
                quotes.append(q)
            last_speaker_by_unit[ui] = q
    quotes.extend(_attach_orphans(aid, text, units, spans, last_speaker_by_unit, settings))
    quotes.sort(key=lambda q: (q.quote_start, q.quote_end))
    # two cues on one content ("Dong declared, promising ...") are one attribution
    return [q for i, q in enumerate(quotes) if i == 0 or
            (q.quote_start, q.quote_end) != (quotes[i - 1].quote_start, quotes[i - 1].quote_end)]


def _attributions_in_unit(aid, text, u: _Unit, spans, names) -> list[Quote]:
    """Cue verbs in a parsed unit with their subjects and content clauses."""
    doc = u.doc
    found = []
    for tok in doc:
        low = tok.lower_
        if low == "according" and tok.i + 1 < len(doc) and doc[tok.i + 1].lower_ == "to":
            q = _according_to(aid, text, u, tok, names)
        elif low in CUE_FORMS and (tok.tag_.startswith("VB") or _mistagged_cue(tok)):
            q = _from_cue_verb(aid, text, u, tok, spans, names)
        else:
            continue
        if q is not None:
            found.append(q)
    for qi in u.quotes:
        if not spans[qi].claimed:
            q = _from_governing_verb(aid, text, u, qi, spans, names)
            if q is not None:
                found.append(q)
    return found


# Verbs whose object is not speech: "he was the 'senior correspondent'", "she hosts 'X'"
_NOT_CUES = set("""is was are were be been being am 's become became becomes becoming has have had
having host hosts hosted hosting hold holds held holding wear wears wore wearing""".split())


def _looks_like_title(text: str, sp: _Span) -> bool:
    """'Fareed Zakaria GPS', 'State of the Union': every long word capitalised, no end punctuation."""
    inner = text[sp.start + 1:sp.end].strip(_QUOTE_CHARS + " ,")
    words = [w for w in re.findall(r"[A-Za-z][\w’'-]*", inner) if len(w) > 3]
    return bool(words) and inner[-1:] not in ".?!" and all(w[0].isupper() for w in words)


def _from_governing_verb(aid, text, u: _Unit, qi: int, spans, names) -> Quote | None:
    """A quoted fragment inside a clause ("Manafort dismissed it as 'absurd'"): the clause's verb is
    the cue and its subject the source, as PolNeAR annotates mixed quotes."""
    doc = u.doc
    piece = next(p for p in u.pieces if p[4] == qi)
    toks = [t for t in doc if piece[0] <= t.idx < piece[1]]
    if not toks:
        return None
    inside = {t.i for t in toks}
    h = toks[0]
    for _ in range(8):
        if h.i not in inside and h.tag_.startswith("VB") and any(
                k.dep_ == "nsubj" for k in h.children):
            break
        if h.head is h:
            return None
        h = h.head
    else:
        return None
    if h.lower_ in _NOT_CUES or _looks_like_title(text, spans[qi]):
        return None                     # a copula, or a show/book title
    if h.i > toks[0].i:
        # '"Go back to Univision," Trump barked': any verb after a sentence-initial quote
        if not (spans[qi].standin and h.dep_ == "ROOT" and toks[0].i <= 1):
            return None
        subj = next(k for k in h.children if k.dep_ == "nsubj")
        if subj.i in inside or subj.i < toks[-1].i:
            return None
        spans[qi].claimed = True
        return _make_quote(aid, text, spans[qi].start, spans[qi].end, "direct", h, u, subj, names)
    subj = next(k for k in h.children if k.dep_ == "nsubj")
    if subj.i in inside or subj.lower_ in ("it", "that", "this", "which", "what", "there"):
        return None
    first = h.i + 1
    while first < len(doc) and doc[first].dep_ in ("prt", "neg", "advmod") and first < toks[0].i:
        first += 1
    first, last = _trim_tokens(doc, first, max(h.right_edge.i, toks[-1].i))
    start, end = _span_orig(u, doc, first, last)
    start, end = _strip_text(text, start, end)
    if end - start < 2 or end - start > 600:
        return None
    spans[qi].claimed = True
    for other in _quote_tokens(u, doc, first, last):
        spans[other].claimed = True
    kind = "direct" if (start, end) == (spans[qi].start, spans[qi].end) else "mixed"
    return _make_quote(aid, text, start, end, kind, h, u, subj, names)


def _match_fast(u: _Unit):
    """A regex match if the unit is one stand-in quote plus a plain 'X said' frame."""
    if len(u.quotes) != 1 or len(u.frame) > 160 or '"this is so' not in u.frame:
        return None
    for rx in _FAST:
        m = rx.match(u.frame)
        if m and m.group("spk").split()[0].lower() not in ("the", "but", "and", "then", "so") \
                or (m and m.group("spk").lower().startswith("the ")):
            spk = m.group("spk")
            if spk.split()[-1].lower() in TITLE_WORDS or spk.lower() in ("it", "this"):
                return None
            return m
    return None


def _from_fast(aid, text, u: _Unit, spans, names) -> Quote:
    """A direct quote from a regex frame match, typed and resolved without a parse."""
    m = u.fast
    sp = spans[u.quotes[0]]
    sp.claimed = True
    s0, s1 = to_orig(u, m.start("spk"), False), to_orig(u, m.end("spk"), True)
    while s1 > s0 + 1 and text[s1 - 1] in ".,’'":
        s1 -= 1
    c0, c1 = to_orig(u, m.start("cue"), False), to_orig(u, m.end("cue"), True)
    words = text[s0:s1].split()
    low = [w.lower() for w in words]
    tags = ["PRP" if w in PRONOUNS else "DT" if w == "the" else
            "NNP" if w0[:1].isupper() else "NN" for w, w0 in zip(low, words)]
    stype = classify_speaker(words, tags, low[-1])
    pre = [w for w in words if w.lower().strip(".") in TITLE_WORDS or w.lower() in ("of",)]
    name_words = words[len(pre):] if words[:len(pre)] == pre else words
    role = " ".join(pre) if pre and stype == "person" and name_words else None
    speaker, stype = _resolve(text[s0:s1], " ".join(name_words), stype, s0, names)
    return Quote(aid, text[sp.start:sp.end], sp.start, sp.end, "direct", text[c0:c1], speaker,
                 s0, s1, stype, role, None, c0, c1)


def _resolve(mention: str, name: str, stype: str, pos: int, names) -> tuple[str, str]:
    """Resolved speaker name and type for a mention (pronouns and surnames expanded)."""
    if stype == "pronoun":
        resolved = names.resolve_pronoun(mention, pos, SETTINGS.pronoun_window)
        return (resolved, "person") if resolved else (mention, stype)
    if stype == "person":
        name = re.sub(r"(?:['’]s|\.)$", "", name)        # "Dong Jun." (read as June's abbrev.)
        full = names.expand(name, pos)
        names.add(pos, full)
        return full, stype
    if stype == "organisation":
        return re.sub(r"^(?:the|The)\s+", "", mention), stype
    return mention, stype


def _mistagged_cue(tok) -> bool:
    """'"...," Viguerie notes.': the tagger reads present-tense cues after a name as plural nouns."""
    doc = tok.doc
    return (tok.tag_ in ("NNS", "NN") and tok.i > 0 and doc[tok.i - 1].tag_ in ("NNP", "PRP", "NN")
            and (tok.i + 1 == len(doc) or doc[tok.i + 1].tag_ in (".", ",", ":", "RB")))


def _span_orig(u: _Unit, doc, first: int, last: int) -> tuple[int, int]:
    """Original-text offsets of tokens first..last (inclusive) of a unit's doc."""
    a = doc[first].idx
    b = doc[last].idx + len(doc[last].text)
    return to_orig(u, a, False), to_orig(u, b, True)


def _trim_tokens(doc, first: int, last: int) -> tuple[int, int]:
    """Drop edge punctuation and conjunctions from a token range (never marks inside a quote)."""
    while first < last and doc[first].tag_ in (",", ":", "CC", "-LRB-", "-RRB-", "HYPH", "NFP"):
        first += 1
    while last > first and doc[last].tag_ in (",", ":", ".", "-LRB-", "-RRB-", "HYPH", "NFP", "CC"):
        last -= 1
    return first, last


def _content_of(tok, doc) -> tuple[int, int] | None:
    """Token range of a cue verb's content: its clausal complement, else its object phrase."""
    kids = list(tok.children)
    for k in kids:
        if k.dep_ in ("ccomp", "parataxis") or (k.dep_ == "xcomp" and tok.lower_.startswith("s")):
            return k.left_edge.i, k.right_edge.i
    objs = [k for k in kids if k.dep_ in ("dobj", "oprd", "xcomp", "attr")
            or (k.dep_ == "prep" and k.i > tok.i and k.lower_ in ("about", "for", "on", "of"))]
    if objs:
        objs = [k for k in objs if k.i > tok.i] or objs
        return min(k.left_edge.i for k in objs), max(k.right_edge.i for k in objs)
    return None


def _quote_tokens(u: _Unit, doc, first: int, last: int) -> list[int]:
    """Quote indices whose stand-in or text lies within tokens first..last."""
    a, b = doc[first].idx, doc[last].idx + len(doc[last].text)
    out = []
    for fs, fe, os_, oe, qi in u.pieces:
        if qi is not None and fs < b and fe > a:
            out.append(qi)
    return out


def _subject_of(tok):
    """The speaker token: nsubj of the cue, or of the verb it hangs from ("..., adding that")."""
    for cur in (tok, tok.head, tok.head.head):
        for k in cur.children:
            if k.dep_ in ("nsubj",):
                return k
            if k.dep_ == "agent":
                for g in k.children:
                    if g.dep_ == "pobj":
                        return g
        if cur.dep_ not in ("advcl", "xcomp", "conj", "relcl", "acl") or cur.head is cur:
            break
    if tok.dep_ == "relcl" and tok.head.tag_.startswith("N"):    # "Dong, who said ..."
        return tok.head
    return None


def _from_cue_verb(aid, text, u: _Unit, tok, spans, names) -> Quote | None:
    """An attribution from a cue verb: speaker = its subject, content = complement or quote."""
    doc = u.doc
    lemma = CUE_FORMS[tok.lower_]
    subj = _subject_of(tok)
    if subj is None and _mistagged_cue(tok):
        subj = tok.doc[tok.i - 1]
    if subj is None or subj.lower_ in ("it", "that", "this", "which", "what"):
        return None
    if subj.lower_ in ("who",) and tok.head is not tok:
        subj = tok.head if tok.head.tag_.startswith("N") else None
        if subj is None:
            return None
    rng = _content_of(tok, doc)
    qids = []
    if rng is not None:
        qids = _quote_tokens(u, doc, *rng)
        # content must lie on the far side of the subject; "the stage" as object of "said" is not
        if rng[0] <= subj.i <= rng[1]:
            rng = None
    if rng is None or (lemma in CORE_SET and not qids and _free_quote(u, spans) is not None
                       and rng[1] - rng[0] < 2):
        qi = _free_quote(u, spans) if lemma in CORE_SET else None
        if qi is None:
            if rng is None:
                if lemma in CORE_SET and u.frame.rstrip().endswith(":"):
                    # "He said:" then the quote in the next paragraph: keep the speaker pending
                    return _make_quote(aid, text, 0, 0, "pending", tok, u, subj, names)
                return None
        else:
            sp = spans[qi]
            sp.claimed = True
            end = sp.end
            nxt = _free_quote(u, spans)
            if nxt is not None and sp.end < spans[nxt].start \
                    and to_orig(u, tok.idx, False) < spans[nxt].start:
                # '"First half," the judge exclaimed, "second half."' is one quote
                spans[nxt].claimed = True
                end = spans[nxt].end
            return _make_quote(aid, text, sp.start, end, "direct", tok, u, subj, names)
    first, last = _trim_tokens(doc, *rng)
    start, end = _span_orig(u, doc, first, last)
    start, end = _strip_text(text, start, end)
    if end - start < 2:
        return None
    if qids:
        for qi in qids:
            spans[qi].claimed = True
        whole = len(qids) == 1 and spans[qids[0]].start <= start and spans[qids[0]].end >= end
        kind = "direct" if whole else "mixed"
        if whole:
            start, end = spans[qids[0]].start, spans[qids[0]].end
    else:
        kind = "indirect"
    if lemma not in CORE_SET and kind == "indirect" and end - start > 400:
        return None
    return _make_quote(aid, text, start, end, kind, tok, u, subj, names)


def _free_quote(u: _Unit, spans) -> int | None:
    """The unit's first unclaimed stand-in quote, if any."""
    for qi in u.quotes:
        if spans[qi].standin and not spans[qi].claimed:
            return qi
    return None


def _strip_text(text: str, start: int, end: int) -> tuple[int, int]:
    """Shrink a span over surrounding whitespace."""
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def _according_to(aid, text, u: _Unit, tok, names) -> Quote | None:
    """"According to X, CLAUSE" / "CLAUSE, according to X": X is the source, the clause the content."""
    doc = u.doc
    to = doc[tok.i + 1]
    src = next((k for k in to.children if k.dep_ == "pobj"), None)
    if src is None:
        src = next((k for k in tok.children if k.dep_ == "pobj"), None)
    if src is None:
        return None
    phrase_first, phrase_last = tok.i, max(src.right_edge.i, to.right_edge.i)
    head = tok.head if tok.head is not tok else None
    sent_first, sent_last = 0, len(doc) - 1
    if head is not None and tok.dep_ != "ROOT":
        sent_first, sent_last = head.left_edge.i, head.right_edge.i
    if phrase_first - sent_first > sent_last - phrase_last:
        first, last = sent_first, phrase_first - 1
    else:
        first, last = phrase_last + 1, sent_last
    if first > last:
        return None
    first, last = _trim_tokens(doc, first, last)
    start, end = _span_orig(u, doc, first, last)
    start, end = _strip_text(text, start, end)
    if end - start < 2:
        return None
    kind = "mixed" if any(c in text[start:end] for c in _QUOTE_CHARS) else "indirect"
    return _make_quote(aid, text, start, end, kind, tok, u, src, names, cue_text="according to")


# ---------------------------------------------------------------------------------------- speakers
def _speaker_tokens(subj) -> tuple[int, int]:
    """The speaker mention: the subject phrase up to its first comma, apposition or relative clause."""
    doc = subj.doc
    first, last = subj.left_edge.i, subj.i
    for k in subj.children:
        if k.i > subj.i and k.dep_ in ("prep", "amod", "acl", "compound", "flat", "nummod", "case"):
            last = max(last, k.right_edge.i)
        if k.i > subj.i and k.dep_ in ("appos", "relcl", "punct", "cc", "conj"):
            break
    while first < subj.i and (doc[first].tag_ in ("CC", "IN", ",", "``", "''")
                              or doc[first].lower_ in ("but", "and", "so", "from", "yet")):
        first += 1                               # "But Dong said": the conjunction is no name
    for i in range(subj.i + 1, last + 1):       # never run across a comma into an apposition
        if doc[i].text in (",", "(", "—", "–"):
            last = i - 1
            break
    return first, last


def _role_of(subj, first: int, last: int) -> str | None:
    """Role from titles before the name ("Defense Minister Dong Jun") or an apposition."""
    doc = subj.doc
    titles = [t for t in doc[first:last + 1] if t.lower_ in TITLE_WORDS or t.tag_ in ("JJ", "NN")]
    name = _name_tokens(doc, first, last)
    role = None
    if name:
        pre = [t for t in doc[first:name[0]] if t.tag_ not in ("DT", "PRP$", "POS")]
        if pre and any(t.lower_ in TITLE_WORDS or t.tag_.startswith("NN") for t in pre):
            role = " ".join(t.text for t in pre)
    for k in subj.children:
        if k.dep_ == "appos":
            app = doc[k.left_edge.i:k.right_edge.i + 1]
            if len(app) <= 12:
                text = app.text.strip(" ,")
                if _name_tokens(doc, k.left_edge.i, k.right_edge.i) and not role \
                        and not name:            # "the minister, Dong Jun": the name is in appos
                    return None
                role = text if not role else role + ", " + text
            break
    if role is None and not name and subj.tag_.startswith("NN") and titles:
        return None
    return role


def _name_tokens(doc, first: int, last: int) -> list[int]:
    """Token indices of the proper name at the end of first..last (titles stripped)."""
    idx = []
    i = last
    while i >= first and doc[i].tag_ in ("NNP", "NNPS") and doc[i].lower_ not in TITLE_WORDS:
        idx.append(i)
        i -= 1
    # "Mr. Obama", "Sen. Ted Cruz": stop at a title even if tagged NNP
    return sorted(idx)


def classify_speaker(words: list[str], tags: list[str], head_lower: str) -> str:
    """person / organisation / anonymous / pronoun / unknown from the mention's words and tags."""
    lows = [w.lower() for w in words]
    if len(words) == 1 and lows[0] in PRONOUNS:
        return "pronoun"
    has_name = any(t in ("NNP", "NNPS") and w.lower() not in TITLE_WORDS
                   and w.lower().rstrip("s") not in TITLE_WORDS for w, t in zip(words, tags))
    if has_name and (tags[-1] == "NNPS" or lows[0] in ("two", "three", "both", "several")):
        has_name = False                  # "the two Defense Ministers" is not one person
    if head_lower in ANON_HEADS and (not has_name or head_lower.endswith("s")
                                      or set(lows) & ANON_MARKERS):
        if not (tags and tags[-1] in ("NNP", "NNPS")):
            return "anonymous"
    if set(lows) & {"anonymous", "anonymity", "unnamed", "familiar"}:
        return "anonymous"
    if head_lower in ORG_WORDS or (set(lows) & ORG_WORDS and has_name) or head_lower in GOV_PLACES:
        return "organisation"
    if has_name:
        return "person"
    if head_lower in ANON_HEADS:
        return "anonymous"
    return "unknown"


# Capitalised only because they open a sentence: never part of a name.
_NOT_NAMES = set("""but and the so when while as if in on at after before then yet or for a an this
that from with by of to meanwhile however although despite during under through since until
because though unless whether where why how what who amid among against without within about over
including like unlike following meet""".split())


class _NameIndex:
    """Person names seen in an article, to expand surnames and resolve pronouns.

    Both lists are kept sorted by offset and searched by bisection within a window, so one lookup
    costs the same in a 2 KB article and a 4 MB one."""

    def __init__(self, text: str, settings: QuoteSettings = SETTINGS):
        self.text = text
        self.mentions: list[tuple[int, str]] = []     # (offset, full name) of resolved persons
        self._cands = None
        self.settings = settings

    def candidates(self) -> list[tuple[int, str]]:
        """Capitalised multi-word sequences, a cheap stand-in for PERSON entities."""
        if self._cands is None:
            self._cands = []
            for m in _NAME_RE.finditer(self.text):
                words = [w for w in m.group(1).split() if w.lower().strip(".") not in TITLE_WORDS
                         and w.lower() not in _NOT_NAMES]
                if len(words) >= 2 and not set(w.lower() for w in words) & (ORG_WORDS | GOV_PLACES):
                    self._cands.append((m.start(), " ".join(words)))
        return self._cands

    @staticmethod
    def _between(items: list[tuple[int, str]], lo: int, hi: int) -> list[tuple[int, str]]:
        """The (offset, name) items with lo <= offset < hi."""
        return items[bisect_left(items, (lo,)):bisect_left(items, (hi,))]

    def expand(self, name: str, pos: int) -> str:
        """Full name for a surname or short form, from names earlier (or later) in the article."""
        parts = name.split()
        best = None
        w = self.settings.name_window
        for off, full in (self._between(self.mentions, pos - w, pos + w + 1)
                          + self._between(self.candidates(), pos - w, pos + w + 1)):
            fparts = full.split()
            if len(fparts) > len(parts) and all(p in fparts for p in parts):
                key = (off <= pos, len(fparts) <= 3, -abs(pos - off))
                if best is None or key > best[0]:
                    best = (key, full)
        return best[1] if best else name

    def resolve_pronoun(self, pron: str, pos: int, window: int) -> str | None:
        """Nearest preceding person for he/she (speakers first, then name-like sequences)."""
        if pron.lower() not in ("he", "she", "him", "her"):
            return None
        prior = self._between(self.mentions, pos - window, pos)
        if prior:
            return prior[-1][1]
        prior = self._between(self.candidates(), pos - window, pos)
        if not prior:
            return None
        # the first name of the latest sentence that has one: subjects come before objects
        last_off = prior[-1][0]
        lo = max(0, last_off - window)
        sent_start = max(self.text.rfind(". ", lo, last_off), self.text.rfind("\n", lo, last_off))
        same = [n for o, n in prior if o > sent_start]
        return same[0]

    def add(self, pos: int, name: str) -> None:
        insort(self.mentions, (pos, name))


def _make_quote(aid, text, start, end, kind, cue_tok, u: _Unit, subj, names: _NameIndex,
                cue_text: str | None = None) -> Quote:
    """Build a Quote: resolve the speaker mention to a name, type and role."""
    doc = subj.doc
    first, last = _speaker_tokens(subj)
    s_start, s_end = _span_orig(u, doc, first, last)
    words = [t.text for t in doc[first:last + 1]]
    tags = [t.tag_ for t in doc[first:last + 1]]
    stype = classify_speaker(words, tags, subj.lower_)
    role = _role_of(subj, first, last) if stype in ("person", "anonymous") else None
    name_idx = _name_tokens(doc, first, last) if stype == "person" else []
    name = " ".join(doc[i].text for i in name_idx) if name_idx else text[s_start:s_end]
    speaker, stype = _resolve(text[s_start:s_end], name, stype, s_start, names)
    c0, c1 = _span_orig(u, cue_tok.doc, cue_tok.i, cue_tok.i + (1 if cue_text else 0))
    return Quote(aid, text[start:end], start, end, kind, cue_text or cue_tok.text, speaker,
                 s_start, s_end, stype, role, None, c0, c1)


def _attach_orphans(aid, text, units, spans, last_by_unit, settings) -> list[Quote]:
    """Quotes with no cue in their sentence: inherit the speaker of the nearest attributed sentence."""
    out = []
    unit_of = {}
    for ui, u in enumerate(units):
        for qi in u.quotes:
            unit_of.setdefault(qi, ui)
    for qi, sp in enumerate(spans):
        if sp.claimed or not sp.standin or qi not in unit_of:
            continue
        ui = unit_of[qi]
        u = units[ui]
        if not _is_bare_quote(u):
            src = last_by_unit.get(ui)
            if src is not None and src.kind != "pending" and src.quote_end <= sp.start \
                    and _after_sentence_end(u, qi):
                # '"A," Dong said. "B."' is one attribution (PolNeAR gives it two content spans)
                src.quote_end = sp.end
                src.quote = text[src.quote_start:sp.end]
                src.kind = "direct" if src.kind == "direct" else "mixed"
                sp.claimed = True
            continue
        src = None
        for cand in (ui - 1, ui + 1, ui - 2):          # same paragraph first, then the one before
            if 0 <= cand < len(units) and cand in last_by_unit and (
                    units[cand].para == u.para or (cand == ui - 1 and _starts_with_quote(u))):
                src = last_by_unit[cand]
                if cand == ui + 1 and units[cand].quotes:   # next sentence has its own quote
                    src = None
                    continue
                break
        if src is None:
            if not settings.keep_unattributed or sp.words < settings.min_unattributed_words:
                continue
            out.append(Quote(aid, text[sp.start:sp.end], sp.start, sp.end, "direct", None, None,
                             None, None, "unknown", None))
        else:
            out.append(Quote(aid, text[sp.start:sp.end], sp.start, sp.end, "direct", src.cue,
                             src.speaker, src.speaker_start, src.speaker_end, src.speaker_type,
                             src.speaker_role, None, src.cue_start, src.cue_end))
            last_by_unit[ui] = out[-1]
        sp.claimed = True
    return out


def _after_sentence_end(u: _Unit, qi: int) -> bool:
    """The quote opens a new sentence inside the unit ('... Dong said. "B."')."""
    piece = next(p for p in u.pieces if p[4] == qi)
    before = u.frame[:piece[0]].rstrip()
    return before.endswith((".", "!", "?")) and len(u.frame[piece[1]:].strip()) <= 2


def _is_bare_quote(u: _Unit) -> bool:
    """The unit is (almost) only its quotes: nothing but punctuation around the stand-ins."""
    rest = "".join(u.frame[fs:fe] for fs, fe, _, _, qi in u.pieces if qi is None)
    return len(re.sub(r"[\W_]+", "", rest)) <= 3


def _starts_with_quote(u: _Unit) -> bool:
    """The unit opens with a quotation (a continued quote from the paragraph before)."""
    return bool(u.pieces) and u.pieces[0][4] is not None


# ---------------------------------------------------------------------------- canonical speakers
# Words that introduce a name without being part of it, beyond TITLE_WORDS ("Congressman Anthony
# Weiner", "Weekly Standard Editor Bill Kristol", "Vermont Independent Sen. Bernie Sanders").
NAME_PREFIX_WORDS = TITLE_WORDS | set("""congressman congresswoman councilman councilwoman
assemblyman assemblywoman editor anchor host agent special father sister brother independent
rep.-elect representative-elect senator-elect sens reps govs mrs. ms. mr. dr. gen. lt. col.
""".split())
US_STATES = set("""alabama alaska arizona arkansas california colorado connecticut delaware florida
georgia hawaii idaho illinois indiana iowa kansas kentucky louisiana maine maryland massachusetts
michigan minnesota mississippi missouri montana nebraska nevada ohio oklahoma oregon pennsylvania
tennessee texas utah vermont virginia washington wisconsin wyoming""".split()) | {
    "new hampshire", "new jersey", "new mexico", "new york", "north carolina", "north dakota",
    "rhode island", "south carolina", "south dakota", "west virginia"}
NAME_SUFFIXES = {"jr": "Jr", "sr": "Sr", "ii": "II", "iii": "III", "iv": "IV"}
_NAME_PARTICLES = {"de", "da", "di", "del", "van", "von", "der", "bin", "al", "la", "le", "du"}


def person_name(name: str) -> str:
    """A person's bare name from a speaker string: no titles, no "Arkansas Gov." or "Twitter's"
    before it, no headline verb after it ("Chris Christie Announces"), "Jr." as "Jr". Returns ""
    when nothing name-like is left ("some of Mr. Trump's former advisers")."""
    words = [w.strip(",;:()") for w in name.replace("\u2019", "'").split()]
    words = [w for w in words if w]
    for i in range(len(words) - 1, -1, -1):          # "Twitter's Adam Sharp": after the owner
        if words[i].endswith("'s") and i < len(words) - 1:
            words = words[i + 1:]
            break
    if words and words[-1].endswith("'s"):
        words[-1] = words[-1][:-2]
    for i in range(len(words) - 1, -1, -1):          # after the last title word
        low = words[i].lower()
        if low.strip(".") in NAME_PREFIX_WORDS or low in NAME_PREFIX_WORDS or (
                "-" in low and low.split("-")[0].strip(".") in TITLE_WORDS):
            words = words[i + 1:]
            break
    run: list[str] = []                              # the trailing run of name-like words
    for w in reversed(words):
        if w[:1].isupper() or (w.lower() in _NAME_PARTICLES and run):
            run.append(w)
        else:
            break
    words = run[::-1]
    while words and (words[0].lower() in _NAME_PARTICLES or words[0].lower() in _NOT_NAMES):
        words = words[1:]
    for n in (2, 1):       # "Texas Rick Perry", but "Virginia Foxx" keeps her first name
        if len(words) >= n + 2 and " ".join(words[:n]).lower() in US_STATES:
            words = words[n:]
            break
    while len(words) > 1 and words[-1].lower() in CUE_FORMS and words[-1].endswith("s"):
        words = words[:-1]                           # "Chris Christie Announces" (a headline)
    if words and words[-1].lower().strip(".") in NAME_SUFFIXES:
        words[-1] = NAME_SUFFIXES[words[-1].lower().strip(".")]
    elif words and len(words[-1].rstrip(".")) > 1:
        words[-1] = words[-1].rstrip(".")            # "said Dong Jun." (sentence end)
    if len(words) == 1 and words[0].lower() in PRONOUNS:
        return ""
    return " ".join(words)


def _name_key(name: str) -> tuple[str, str, str | None, int]:
    """(first, last, suffix, tokens) of a bare name: "Donald J. Trump" -> ("donald", "trump",
    None, 2), "Donald Trump Jr" -> ("donald", "trump", "Jr", 2); first is "" for a single word."""
    words = name.split()
    suffix = None
    if len(words) > 1 and words[-1] in NAME_SUFFIXES.values():
        suffix, words = words[-1], words[:-1]
    core = [w for w in words if not re.fullmatch(r"[A-Z]\.?", w)]   # middle initials
    core = core or words
    if len(core) == 1:
        return "", core[0].lower(), suffix, 1
    return core[0].lower(), core[-1].lower(), suffix, len(core)


def canonicalise_speakers(quotes: list[Quote]) -> list[Quote]:
    """One canonical name per person across articles ("Dong", "Admiral Dong Jun" -> "Dong Jun").

    Full names are grouped by first name, surname and generational suffix, so middle names and
    initials merge ("Donald J. Trump" = "Donald Trump") while "Donald Trump Jr" stays his own
    person; each group is shown under its most quoted form. A bare surname ("Trump", "Mr. Trump")
    goes to the most quoted full name with that surname (or, for names written surname first, that
    starts with it: "Dong" -> "Dong Jun"). Pronouns are never a canonical speaker: an unresolved
    "he" / "they" gets canonical_speaker None. An unknown-type mention that is exactly a known
    person's surname ("Trump" without a tag) is credited to that person."""
    bare: dict[int, str] = {}
    for i, q in enumerate(quotes):
        if q.speaker and q.speaker_type in ("person", "unknown"):
            bare[i] = person_name(q.speaker)
    groups: dict[tuple, Counter] = defaultdict(Counter)
    for i, name in bare.items():
        if name and quotes[i].speaker_type == "person":
            first, last, suffix, n = _name_key(name)
            if first:
                groups[(first, last, suffix)][name] += 1
    singles = {name for i, name in bare.items()      # surnames seen alone on a person
               if quotes[i].speaker_type == "person" and len(name.split()) == 1}
    size = {k: sum(c.values()) for k, c in groups.items()}
    show = {k: min(c, key=lambda n: (-c[n], len(n.split()), n)) for k, c in groups.items()}
    by_last: dict[tuple, list] = defaultdict(list)
    by_first: dict[str, list] = defaultdict(list)
    for k in groups:
        by_last[(k[1], k[2])].append(k)
        by_last[(k[1], "*")].append(k)
        by_first[k[0]].append(k)

    def best(keys: list) -> str | None:
        return show[max(keys, key=lambda k: (size[k], -len(show[k]), show[k]))] if keys else None

    def canonical(name: str) -> str:
        first, last, suffix, n = _name_key(name)
        if first:
            return show[(first, last, suffix)] if (first, last, suffix) in show else name
        # a bare surname: same suffix if it has one ("Trump Jr"), else any full name
        return (best(by_last.get((last, suffix if suffix else "*"), []))
                or best(by_first.get(last, [])) or name)

    for i, q in enumerate(quotes):
        if q.speaker_type == "pronoun" or not q.speaker:
            q.canonical_speaker = None
        elif q.speaker_type == "person":
            name = bare.get(i) or _clean_name(q.speaker)
            q.canonical_speaker = canonical(name) if bare.get(i) else (
                None if name.lower() in PRONOUNS else name)
        elif q.speaker_type == "unknown" and bare.get(i) in singles \
                and q.speaker.strip() == bare[i] and by_last.get((bare[i].lower(), "*")):
            q.canonical_speaker = canonical(bare[i])
        elif q.speaker_type == "organisation":
            q.canonical_speaker = _clean_org(q.speaker)
        else:                                        # "The president" = "the president"
            q.canonical_speaker = None if q.speaker.lower() in PRONOUNS else \
                re.sub(r"^The\b", "the", q.speaker)
    return quotes


def _clean_name(name: str) -> str:
    """Drop titles and possessives from a person's name."""
    words = [w for w in name.replace("’s", "").replace("'s", "").split()
             if w.lower().strip(".") not in TITLE_WORDS]
    return " ".join(words) or name


def _clean_org(name: str) -> str:
    """'the Kremlin' and 'Kremlin' are one source."""
    return re.sub(r"^(?:the)\s+", "", name, flags=re.I).strip()


# ------------------------------------------------------------------------------------- file runner
def read_articles(path: str | Path) -> list[dict]:
    """Articles from JSONL with an id and a text; a bad line raises InputError naming the line."""
    return read_jsonl(path, require=("id", "text"))


OUTPUT_FIELDS = ("article_id", "quote", "quote_start", "quote_end", "kind", "cue", "speaker",
                 "speaker_start", "speaker_end", "speaker_type", "speaker_role",
                 "canonical_speaker")

def run_quotes_file(input_path: str | Path, output_path: str | Path, progress: bool = True) -> int:
    """Extract attributions from a JSONL of articles into a JSONL of quotes; returns the count."""
    articles = read_articles(input_path)
    quotes = canonicalise_speakers(extract_quotes(articles, progress=progress))
    with open(output_path, "w", encoding="utf-8") as fh:
        for q in quotes:
            d = q.to_dict()
            fh.write(json.dumps({k: d[k] for k in OUTPUT_FIELDS}, ensure_ascii=False) + "\n")
    return len(quotes)
