"""Who said what: direct, mixed and indirect attributions with their speakers, from spaCy parses.

Rule-based, in the style of the Gender Gap Tracker: quotation marks are found first and each long
quote is swapped for a short stand-in clause (core.quote_spans), so sentence splitting never breaks
inside a quote and the parser only sees the attribution frame ("<q>," Dong said). Only frame
sentences that hold a cue word (core.quote_cues) are parsed (tagger + parser; no NER, no
lemmatizer), in batches with nlp.pipe, with one BLAS thread (see core.nlp: numpy matrix products,
single-threaded, are what makes this fast). The text read is the article's with page furniture and
its dateline blanked (core.quote_input), English articles only. Speaker mentions come from the parse
(core.speakers), are settled per article to a person, institution, government, anonymous source or
no speaker (core.mentions) and made canonical across an event (core.canonical).
"""
from __future__ import annotations

import json
import re
from bisect import bisect_left, bisect_right
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any, Iterable

from core.canonical import canonicalise_speakers  # noqa: F401 - part of this module's API
from core.clean import dateline_end
from core.config import Settings
from core.corpus import InputError, as_imported, read_jsonl  # noqa: F401 - InputError is part of this API
from core.models import get as _get
from core.mentions import settle_article
from core.nlp import load_nlp, single_thread_blas
from core.progress import note, reporting
from core.quote_input import is_english, masked_text
from core.quote_cues import CORE_SET, CUE_ALT, CUE_FORMS, GOVERNING_FORMS, has_trigger  # noqa: F401
from core.quote_spans import (QUOTE_CHARS, SETTINGS, Span, Unit, build_units, find_quote_spans,
                              to_orig, whole_span)
from core.speakers import (PRONOUNS, TITLE_WORDS, NameIndex, classify_speaker, name_tokens,
                           resolve_speaker, role_of, speaker_tokens)

# Cues that name the source of a report ("quoted the ministry as saying", "citing sources").
_SOURCE_CUES = {"quoted", "cited", "citing", "quoting", "referring"}
# Cues that are speech only with a quotation ('"…," he continued'), never with a plain clause.
QUOTE_ONLY_CUES = {"continue"}

# The parser disables everything it does not need: NER and the lemmatizer cost about as much as the
# parse itself, and cue words are matched on their surface forms.
PARSE_DISABLE = ("ner", "lemmatizer", "attribute_ruler")
# Parsed frames kept for reuse: copies and reprints repeat sentences. About one chunk's worth (a
# chunk is 8 batches of 256 frames): a doc of a 600-character frame is some tens of KB at most.
DOC_CACHE = 2048

# Parse-free frames: most direct quotes sit in '"<q>," Dong said.' / 'said Dong' / 'He added: "<q>"'.
_SPK = r"(?P<spk>[Hh]e|[Ss]he|[Tt]hey|I|[Ww]e|(?:[Tt]he\s+)?[A-Z][\w.'’-]*(?:\s+(?:of\s+)?[A-Z][\w.'’-]*){0,4})"
_STANDIN = r'"this is so(?P<qp>[,.?!:;]?)"'
_TAIL = r"(?:\s+(?:on|in|at|to|during|last|this|late|early)\b[\w\s’']{0,40}?)?[.]?\s*$"
_FAST = [re.compile(r"^\s*" + _STANDIN + r"\s*" + _SPK + r"\s+(?:also\s+)?(?P<cue>" + CUE_ALT + r")"
                    + _TAIL),
         re.compile(r"^\s*" + _STANDIN + r"\s*(?P<cue>" + CUE_ALT + r")\s+" + _SPK + _TAIL),
         re.compile(r"^\s*" + _SPK + r"\s+(?:also\s+)?(?P<cue>" + CUE_ALT + r"):\s*" + _STANDIN
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
    speaker_type: str                 # person / organisation / anonymous (shown under a name); pronoun /
                                      # role / credit / other (not); unknown (no speaker found)
    speaker_role: str | None
    canonical_speaker: str | None = None
    cue_start: int | None = None
    cue_end: int | None = None
    speaker_how: str = ""             # how the shown name was reached from the mention
    cut_off: bool = False             # the words run into the end of a text that stops mid-sentence: what follows
                                      # is lost, so a page shows them as "[cut off in the source]"
    role_query: tuple | None = field(default=None, repr=False)   # an unresolved role, for the event pass

    def to_dict(self) -> dict:
        d = asdict(self)
        d.pop("role_query")
        return d


# ----------------------------------------------------------------------------------- extraction
def extract_quotes(articles: Iterable[Any], batch_size: int | None = None,
                   settings: Settings = SETTINGS, nlp=None, progress=False, workers: int = 1) -> list[Quote]:
    """Attributions for many articles (dicts or Article objects), parsing cue sentences in batches.
    progress: False, True (a bar on stderr) or a report(stage, done, total) callback. workers > 1:
    that many processes share the work (core.quote_pool) when there are enough articles to repay
    starting them; the result is the same."""
    batch_size = batch_size or settings.quote_batch_size
    if workers > 1 and nlp is None:
        articles = list(articles)
        if len(articles) >= settings.quote_workers_min_articles:
            from core.quote_pool import extract_in_workers
            with reporting(progress) as report:
                return extract_in_workers(articles, workers, batch_size, settings, report)
    nlp = nlp or load_nlp(PARSE_DISABLE)
    with single_thread_blas(), reporting(progress) as report:
        return _extract(articles, nlp, batch_size, settings, report)


def _extract(articles, nlp, batch_size: int, settings: Settings, report) -> list[Quote]:
    """extract_quotes' loop: cheap per-article passes, then parses in chunks of many articles."""
    out: list[Quote] = []
    chunk: list[tuple[str, str, list[Span], list[Unit]]] = []
    parsed: dict = {}                          # frame -> doc, across chunks
    total = len(articles) if hasattr(articles, "__len__") else None
    done = 0
    report("quotes", 0, total)
    for art in articles:
        text = _get(art, "text") or ""
        if not isinstance(text, str):
            text = str(text)
        if is_english(art):
            frame_text = masked_text(text)     # furniture and dateline blanked, offsets kept
            spans = find_quote_spans(frame_text, settings)
            units = build_units(frame_text, spans, settings)
        else:                                  # the rules are English-only: nothing is attributed
            spans, units = [], []
        for u in units:
            u.fast = _match_fast(u)
            u.has_cue = u.fast is None and (has_trigger(u.frame) or (
                bool(u.quotes) and not _is_bare_quote(u)))
        chunk.append((art, text, spans, units))
        if sum(len(c[3]) for c in chunk) >= batch_size * 8:
            out.extend(_process_chunk(chunk, nlp, batch_size, settings, parsed))
            done += len(chunk)
            report("quotes", done, total)
            chunk = []
    if chunk:
        out.extend(_process_chunk(chunk, nlp, batch_size, settings, parsed))
        done += len(chunk)
    report("quotes", done, total if total is not None else done)
    return out


def _process_chunk(chunk, nlp, batch_size: int, settings: Settings, parsed: dict) -> list[Quote]:
    """Parse every cue-bearing unit in the chunk in one nlp.pipe stream, then extract. A frame
    parsed before (a reprint's sentence, '"…," he said. "…"') takes its doc from `parsed`, a cache
    of the last DOC_CACHE frames' docs (the rules only read docs, so units can share one)."""
    todo = [u for _, _, _, units in chunk for u in units if u.has_cue]
    new = [f for f in dict.fromkeys(u.frame for u in todo) if f not in parsed]
    for frame, doc in zip(new, nlp.pipe(new, batch_size=batch_size)):
        parsed[frame] = doc
    for u in todo:
        u.doc = parsed[u.frame]
    for frame in list(parsed)[:max(0, len(parsed) - DOC_CACHE)]:     # oldest first
        del parsed[frame]
    out = []
    for art, text, spans, units in chunk:
        found = extract_article(str(_get(art, "id")), text, spans, units, settings)
        out.extend(settle_article(found, art, text))
    return out


def extract_article(aid: str, text: str, spans: list[Span], units: list[Unit],
                    settings: Settings = SETTINGS) -> list[Quote]:
    """Attributions of one article from its (partly parsed) units."""
    quotes: list[Quote] = []
    names = NameIndex(text, settings, [(sp.start, sp.end) for sp in spans])
    last_speaker_by_unit: dict[int, Quote] = {}
    lists = link_lists(text)
    for ui, u in enumerate(units):
        if u.fast is not None:
            q = _from_fast(aid, text, u, spans, names)
            quotes.append(q)
            last_speaker_by_unit[ui] = q
            continue
        if u.doc is None:
            continue
        found = _attributions_in_unit(aid, text, u, spans, names, lists)
        for q in found:
            if q.kind != "pending":
                quotes.append(q)
            if not _reported_inside(q, found):
                # '…," he said, recalling how Gianna told him her father would change the world. "I told her …"': a
                # report within another's words is no speaker the next quotation goes on from; the one reporting is
                last_speaker_by_unit[ui] = q
    quotes.extend(_attach_orphans(aid, text, units, spans, last_speaker_by_unit, settings))
    end = _text_end(text)
    for q in quotes:                    # whole words, one pair of marks
        q.quote_start, q.quote_end = whole_span(text, q.quote_start, q.quote_end)
        q.quote_end = _before_glued_lede(text, q)
        q.quote_end, q.kind = _through_quoted_words(text, q)
        q.quote = text[q.quote_start:q.quote_end]
        q.cut_off = end > 0 and q.quote_end >= end and text[end - 1] not in _SENTENCE_ENDS
    posts = [q for q in quotes if _platform_of_post(text, q)]
    minds = _minds_told_by_others(quotes)
    quotes = _one_per_cue([q for q in quotes if q.quote_end > q.quote_start and not _no_words_said(q)
                           and not (q in posts and _said_by_another(q, quotes, posts))
                           and not _colon_points_ahead(text, q) and id(q) not in minds])
    quotes.sort(key=lambda q: (q.quote_start, q.quote_end))
    return [q for i, q in enumerate(quotes) if i == 0 or not _same_attribution(quotes[i - 1], q)]


# Openers of the next paragraph's first sentence: a heading set without a stop before them ("Khamenei says US 'will
# not succeed' in destroying Iran Separately, Iran's supreme leader …") ends where they start
_LEDE_OPENERS_RE = re.compile(r"\s+(?:Separately|Meanwhile|Elsewhere|Earlier|Later|Additionally|Moreover|However)$")


def _before_glued_lede(text: str, q: Quote) -> int:
    """The quote's end before a next paragraph's opener glued to a heading ("… destroying Iran Separately,")."""
    if q.kind != "indirect" or text[q.quote_end:q.quote_end + 1] != ",":
        return q.quote_end
    m = _LEDE_OPENERS_RE.search(text, q.quote_start, q.quote_end)
    return m.start() if m else q.quote_end


_QUOTED_NEXT_RE = re.compile(r"\s*[“\"]([^“”\"\n]{1,200})[”\"]")


def _through_quoted_words(text: str, q: Quote) -> tuple[int, str]:
    """A paraphrase that stops on "a"/"an"/"the" right before quoted words ("boasted of creating an “illiberal
    state.”") runs on through them: cut there it shows a phrase that says nothing (and whose words are the quote's)."""
    if q.kind != "indirect" or q.quote_end <= q.quote_start \
            or text[q.quote_start:q.quote_end].rsplit(None, 1)[-1].lower() not in ("a", "an", "the"):
        return q.quote_end, q.kind
    m = _QUOTED_NEXT_RE.match(text, q.quote_end)
    return (m.end(), "mixed") if m else (q.quote_end, q.kind)


def _text_end(text: str) -> int:
    """Where the text's last non-space character ends (not text.rstrip(): no copy of a long text)."""
    end = len(text)
    while end and text[end - 1].isspace():
        end -= 1
    return end


# a text ending on one of these stops at a sentence's end (or a quotation's, a bracket's); any other last character
# ("Jens Stoltenberg recently described China" where an excerpt stops) leaves the last sentence cut off
_SENTENCE_ENDS = frozenset(".!?…\"”’'»)]")


def _colon_points_ahead(text: str, q: Quote) -> bool:
    """Whether the cue is followed by a colon while the content lies before it ("… said so He added: “…”"): a
    colon introduces what follows, so the words before are not the speaker's."""
    if q.cue_end is None or q.cue_start is None or q.quote_end > q.cue_start or any(c in QUOTE_CHARS for c in q.quote):
        return False                    # ('"…," Trump said: "…"' keeps the quotation before: marks bound it)
    return text[q.cue_end:q.cue_end + 3].lstrip(" \t").startswith(":")


def _no_words_said(q: Quote) -> bool:
    """Contents in no one's words, whatever the cue (fc31's cards): "asked not to be named" (a wish), "tweeted a
    simple image of the flag" (a picture), "told Sputnik" (whom), "quoted the state-run news agency" (the source)."""
    words = q.quote.strip(" ,.;:")
    if not words or any(c in QUOTE_CHARS for c in words):
        return False
    lemma = CUE_FORMS.get((q.cue or "").lower())
    if _UNNAMED_RE.match(words) or (_PICTURE_RE.fullmatch(words) and lemma in _PICTURE_CUES):
        return True                     # ("says the photo of her son … would have made her break down": a clause)
    if lemma == "tell" and _BARE_NAME_RE.fullmatch(words):
        return True
    return lemma in ("quote", "cite") and _SOURCE_PHRASE_RE.fullmatch(words) is not None


def _said_by_another(q: Quote, quotes: list[Quote], skip: list[Quote]) -> bool:
    """Whether another cue (not in skip) gives these words a speaker: "the Prime Minister said" beside "X post"."""
    skip_ids = {id(s) for s in skip}
    return any(o is not q and id(o) not in skip_ids and _nested(o, q) for o in quotes)


# Verbs of a mind, not of speech: what someone wants, believes or fears, told inside another's words
_MIND_CUES = frozenset("want believe think hope fear feel know worry expect".split())


# How far before a verb of the mind another's words may open: a window keeps the look-up linear in huge texts
_MIND_WINDOW = 2000


def _minds_told_by_others(quotes: list[Quote]) -> set[int]:
    """ids of the rows whose cue is a verb of the mind inside another attribution's words ("The newspaper said that
    the Kremlin wants [to obtain shells]", "saying it suggested the president believes [...]"): the other speaker's
    account of what one wants or believes, no words of the one it names."""
    minds = [q for q in quotes if q.cue_start is not None and CUE_FORMS.get((q.cue or "").lower()) in _MIND_CUES]
    if not minds:
        return set()
    outer = sorted(quotes, key=lambda o: o.quote_start)
    starts = [o.quote_start for o in outer]
    return {id(q) for q in minds
            if any(o is not q and o.speaker_start != q.speaker_start and q.quote_end <= o.quote_end
                   for o in outer[bisect_left(starts, q.cue_start - _MIND_WINDOW):bisect_right(starts, q.cue_start)])}


def _platform_of_post(text: str, q: Quote) -> bool:
    """Whether the 'speaker' is the platform of a post the cue names ("In an X post, the Prime Minister said",
    "a Telegram post"): where the words were published, not who said them (the verb's subject is the speaker)."""
    if q.speaker_start is None or q.cue_start is None or q.cue_start < q.speaker_end:
        return False
    return bool(_PLATFORM_RE.fullmatch(text[q.speaker_start:q.speaker_end])) \
        and not text[q.speaker_end:q.cue_start].strip()


_PLATFORM_RE = re.compile(r"(?:X|Twitter|Telegram|Facebook|Instagram|YouTube|TikTok|Weibo|WeChat|Truth Social|Threads|"
                          r"LinkedIn|VKontakte|VK|Bluesky)")


def _one_per_cue(quotes: list[Quote]) -> list[Quote]:
    """One attribution per cue and speaker: of contents one inside the other ("the violence" and "the violence
    as a “terrible, terrible” tragedy", both 'described'), the one that holds quotation marks, else the shorter,
    which runs less far into words that are not the speaker's."""
    by_cue: dict[tuple, list[Quote]] = {}
    for q in quotes:
        if q.cue_start is not None:
            by_cue.setdefault((q.cue_start, q.speaker_start), []).append(q)
    drop = set()
    for group in (g for g in by_cue.values() if len(g) > 1):
        group.sort(key=lambda q: (q.kind == "indirect", q.quote_end - q.quote_start))
        for i, keep in enumerate(group):
            if id(keep) in drop:
                continue
            drop.update(id(q) for q in group[i + 1:] if _nested(keep, q))
    return [q for q in quotes if id(q) not in drop]


def _nested(a: Quote, b: Quote) -> bool:
    """Whether one content lies inside the other."""
    return (a.quote_start <= b.quote_start and b.quote_end <= a.quote_end) or \
        (b.quote_start <= a.quote_start and a.quote_end <= b.quote_end)


def _same_attribution(a: Quote, b: Quote) -> bool:
    """Two cues on one content ("Dong declared, promising ...") are one attribution, unless one of
    them names a report's source ("TASS reported, citing the ministry"): settling keeps the source."""
    if (a.quote_start, a.quote_end) != (b.quote_start, b.quote_end):
        return False
    cues = {(a.cue or "").lower(), (b.cue or "").lower()}
    return not (cues & _SOURCE_CUES and (a.speaker_start, a.speaker_end) != (b.speaker_start, b.speaker_end))


# A link to another story inside the text ("Read: US warns coup plotters as AU, Ecowas react"): a headline, no one's words.
_LINK_LINE_RE = re.compile(r"\s*(?:read(?: more| also)?|also read|see also|related|watch|listen)\s*:", re.I)


# A heading over a list of links ("Similar stories", "Related articles", "More from Africa", "You may also like"), and
# a video's running time on its own line ("01:43") over the video's headline: the lines below are other stories' titles.
_LIST_HEADING_RE = re.compile(
    r"^[ \t]*(?:(?:similar|related|more|recommended|popular|latest|top|trending|other|most[ \t]+(?:read|popular|viewed|"
    r"shared))(?:[ \t]+[\w'’]+){0,2}?[ \t]+(?:stories|articles|news|videos|reads|links|coverage|posts|headlines)|"
    r"you[ \t]+(?:may|might)[ \t]+also[ \t]+like|read[ \t]+next|related|trending|most[ \t]+read)[ \t]*:?[ \t]*\n",
    re.I | re.M)
# A line of a list set apart by blank lines: short, and no sentence ("I will not yield to threats, Ramaphosa tells
# Steenhuisen", "The Herald", "4 hours ago"); the first line that ends a sentence or runs long is the text again
_LIST_ITEM_RE = re.compile(r"[ \t]*(?:[^\n]{1,150}(?<![.!?\"”’:;])[ \t]*)?(?:\n|\Z)")
_RUNNING_TIME_RE = re.compile(r"^[ \t]*\d{1,2}:\d{2}(?::\d{2})?[ \t]*\n", re.M)
_BLANK_LINE_RE = re.compile(r"\n[ \t]*\n")


def link_lists(text: str) -> list[tuple[int, int]]:
    """Where the article lists other stories' headlines: from a list heading to the next blank line, and the line
    under a video's running time (one pass over the text, sorted by start)."""
    out = []
    for m in _LIST_HEADING_RE.finditer(text):
        if re.match(r"[ \t]*\S", text[m.end():m.end() + 200]):
            blank = _BLANK_LINE_RE.search(text, m.end())
            out.append((m.end(), blank.start() if blank else len(text)))
            continue
        # "Related Articles" over a blank line: the list is the short lines below it, set apart by blank lines
        end = m.end()
        while end < len(text):
            line = _LIST_ITEM_RE.match(text, end)
            if line is None or line.end() == end:
                break
            end = line.end()
        if end > m.end():
            out.append((m.end(), end))
    for m in _RUNNING_TIME_RE.finditer(text):
        line_end = text.find("\n", m.end())
        out.append((m.end(), line_end if line_end >= 0 else len(text)))
    return sorted(out)


def _a_link_line(text: str, u: Unit, lists: list[tuple[int, int]] = ()) -> bool:
    """The unit is (on) a line that opens with "Read:", "READ MORE:", "See also:" (the sentence split may cut it off),
    or inside a list of other stories' headlines."""
    if not u.pieces:
        return False
    start = u.pieces[0][2]
    k = bisect_right(lists, (start, len(text) + 1)) - 1
    if k >= 0 and lists[k][0] <= start < lists[k][1]:
        return True
    line = text.rfind("\n", 0, start) + 1
    return _LINK_LINE_RE.match(text, line, start + 20) is not None


# A dateline the page left inside the text ("CHICAGO (CBS) – President Biden …"): a place, never a speaker.
_DATELINE_AFTER_RE = re.compile(r"\s*(?:,\s*[A-Z][\w.]*\s*)?(?:\([^()\n]{1,40}\))?\s*[–—-]")
# … and one in plain case: "Abuja, Nigeria – …", "Islamabad, Nov 4 (UNI) After …"
_PLAIN_DATELINE_AFTER_RE = re.compile(r",\s*(?:[A-Z][a-z]+\s*[–—-]|[A-Z][a-z]{2,8}\.?\s+\d{1,2}\s*\([^()\n]{1,40}\))")


def _attributions_in_unit(aid, text, u: Unit, spans, names, lists=()) -> list[Quote]:
    """Cue verbs in a parsed unit with their subjects and content clauses."""
    doc = u.doc
    found = []
    if _a_link_line(text, u, lists):
        return found
    for qi in u.quotes:
        if _a_programme(text, spans[qi]):
            spans[qi].claimed = True     # the programme words were said on: no quote of its own to attach
    for tok in doc:
        low = tok.lower_
        if low == "according" and tok.i + 1 < len(doc) and doc[tok.i + 1].lower_ == "to":
            q = _according_to(aid, text, u, tok, names)
        elif low in _SOURCE_CUES and _source_of_report(tok) is not None:
            q = _quoted_source(aid, text, u, tok, spans, names)
        elif low in CUE_FORMS and (tok.tag_.startswith("VB") or _mistagged_cue(tok)):
            q = _from_cue_verb(aid, text, u, tok, spans, names)
            if q is not None and _wh_cue(tok) and q.quote_end <= to_orig(u, tok.idx, False):
                q = None                # 'She speaks to "CBS Mornings" about …, why she says …': not what she says
            if q is not None and _opening_clause(tok):
                # "As Pakistan denounced the move into “state property”, the UN chief called upon …": an opening
                # clause's words end at its comma; the main clause after is another speaker's
                comma = next((t for t in tok.doc[tok.i + 1:] if t.text == "," and _clause_follows(t)), None)
                if comma is not None:
                    q.quote_end = min(q.quote_end, to_orig(u, comma.idx, False))
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


# What a court or a judge delivers: the act of ruling, not words the sentence gives
_RULINGS = frozenset("ruling rulings verdict verdicts judgment judgments judgement judgements decision sentence".split())
def _a_ruling_delivered(tok) -> bool:
    """Whether the verb delivers (or hands down) a ruling, a verdict or a judgment: a court's act."""
    return tok.lower_ in _DELIVER_FORMS and any(k.dep_ == "dobj" and k.lower_ in _RULINGS for k in tok.children)


_DELIVER_FORMS = frozenset("deliver delivers delivered delivering hand hands handed handing issue issues issued issuing".split())
_OPENING_MARKS = frozenset("as while when after since although though because".split())


def _opening_clause(tok) -> bool:
    """Whether a cue opens the sentence in a subordinate clause ("As Pakistan denounced …, the UN chief …")."""
    return any(k.dep_ == "mark" and k.lower_ in _OPENING_MARKS and (k.is_sent_start or k.i == 0 or tok.doc[k.i - 1].text
               in (":", "—", "–", "-")) for k in tok.children)


def _clause_follows(comma) -> bool:
    """Whether a new clause starts after this comma: a noun phrase, then its verb before any other comma ("…, the UN
    chief called upon …"), not an apposition ("…, the Republican nominee")."""
    doc = comma.doc
    if comma.i + 1 >= len(doc) or doc[comma.i + 1].tag_ not in ("DT", "NNP", "PRP"):
        return False
    for t in doc[comma.i + 1:comma.i + 8]:
        if t.text in (",", ";", "—", "–", ".") or t.is_sent_start:
            return False
        if t.tag_ in ("VBD", "VBZ", "VBP", "MD", "VBN") and t.i > comma.i + 1:
            return True
    return False


def _wh_cue(tok) -> bool:
    """Whether a cue opens on "why"/"how" ("why she says self-defense is …"): a topic named, whose words follow it;
    a clause before it is the sentence it hangs in, none of the speaker's words."""
    return any(k.dep_ == "advmod" and k.lower_ in ("why", "how") and tok.i - 3 <= k.i < tok.i
               and any(t.dep_ == "nsubj" and t.head.i == tok.i for t in tok.doc[k.i + 1:tok.i]) for k in tok.children)


def _source_of_report(tok):
    """The source a report cites: "TASS quoted the ministry as saying", "X was quoted as saying",
    "Kommersant, citing unnamed sources, reported": the quoted or cited party's token, or None."""
    says = [g for k in tok.children if k.dep_ == "prep" and k.lower_ == "as"
            for g in k.children if g.dep_ == "pcomp" and g.lower_ in ("saying", "stating", "telling", "writing")]
    if tok.lower_ in ("quoted", "cited") and says:
        for k in tok.children:
            if k.dep_ in ("dobj", "nsubjpass"):
                return k
    if tok.lower_ in ("citing", "quoting") and tok.dep_ in ("advcl", "xcomp", "conj"):
        return next((k for k in tok.children if k.dep_ == "dobj"), None)
    if tok.lower_ == "referring" and tok.dep_ in ("advcl", "xcomp", "conj"):
        return next((g for k in tok.children if k.dep_ == "prep" and k.lower_ == "to"
                     for g in k.children if g.dep_ == "pobj"), None)
    return None


def _quoted_source(aid, text, u: Unit, tok, spans, names) -> Quote | None:
    """An attribution to the party a report quotes or cites: its words are the report's content
    (the clause after "as saying", the clause the quoting verb governs, or the unit's quotation)."""
    src = _source_of_report(tok)
    head = tok.head if tok.lower_ in ("citing", "quoting", "referring") else tok
    rng = None
    for g in (k for k in tok.children if k.dep_ == "prep" and k.lower_ == "as"):
        for p in g.children:
            rng = rng or next(((c.left_edge.i, c.right_edge.i) for c in p.children if c.dep_ in ("ccomp", "parataxis")), None)
    if rng is None:
        rng = next(((c.left_edge.i, c.right_edge.i) for c in head.children
                    if c.dep_ in ("ccomp", "parataxis") and not (c.left_edge.i <= src.i <= c.right_edge.i)), None)
    if rng is None and head.dep_ in ("conj", "parataxis") and head.head.i < head.i:
        # "Russia denied …, TASS quoted the ministry as saying": the clause before is the content
        rng = (head.head.left_edge.i, head.left_edge.i - 1)
    if rng is None:
        qi = _free_quote(u, spans)
        if qi is None:
            return None
        spans[qi].claimed = True
        return _make_quote(aid, text, spans[qi].start, spans[qi].end, "direct", tok, u, src, names)
    return _quote_over(aid, text, u, tok, spans, names, src, *rng)


def _quote_over(aid, text, u: Unit, tok, spans, names, speaker, first: int, last: int) -> Quote | None:
    """The attribution whose content is tokens first..last (trimmed): mixed when it holds a quotation, which it
    claims, else indirect."""
    first, last = _trim_tokens(u.doc, first, last)
    start, end = _strip_text(text, *_span_orig(u, u.doc, first, last))
    if end - start < 2:
        return None
    qids = _quote_tokens(u, u.doc, first, last)
    for qi in qids:
        spans[qi].claimed = True
    return _make_quote(aid, text, start, end, "mixed" if qids else "indirect", tok, u, speaker, names)


# Verbs whose object is not speech: "he was the 'senior correspondent'", "she hosts 'X'"
_NOT_CUES = set("""is was are were be been being am 's become became becomes becoming has have had
having host hosts hosted hosting hold holds held holding wear wears wore wearing""".split())


def _looks_like_title(text: str, sp: Span) -> bool:
    """'Fareed Zakaria GPS', 'State of the Union': every long word capitalised, no end punctuation."""
    inner = text[sp.start + 1:sp.end].strip(QUOTE_CHARS + " ,")
    words = [w for w in re.findall(r"[A-Za-z][\w’'-]*", inner) if len(w) > 3]
    return bool(words) and inner[-1:] not in ".?!" and all(w[0].isupper() for w in words)


_PROGRAMME_BEFORE_RE = re.compile(r"(?:['’]s|\b(?:on|in|at))\s*$")


def _a_programme(text: str, sp: Span) -> bool:
    """'said on ABC News's "This Week."', 'wrote in "The Atlantic."': a title in capitals after a possessive or a
    preposition is the programme or paper the words were said in, no statement (its full stop is the sentence's)."""
    inner = text[sp.start + 1:sp.end].strip(QUOTE_CHARS + " ,.")
    words = [w for w in re.findall(r"[A-Za-z][\w’'-]*", inner) if len(w) > 3]
    return bool(words) and len(inner) <= 60 and all(w[0].isupper() for w in words) \
        and _PROGRAMME_BEFORE_RE.search(text[max(0, sp.start - 12):sp.start]) is not None


def _from_governing_verb(aid, text, u: Unit, qi: int, spans, names) -> Quote | None:
    """A quoted fragment inside a clause ("Manafort dismissed it as 'absurd'"): the clause's verb is
    the cue and its subject the source, as PolNeAR annotates mixed quotes."""
    doc = u.doc
    piece = next(p for p in u.pieces if p[4] == qi)
    toks = [t for t in doc if piece[0] <= t.idx < piece[1]]
    if not toks:
        return None
    inside = {t.i for t in toks}
    h, via = toks[0], None
    for _ in range(8):
        if h.i not in inside and h.tag_.startswith("VB"):
            if any(k.dep_ == "nsubj" for k in h.children):
                break
            if via is None and h.lower_ in GOVERNING_FORMS:
                via = h                 # "Trump assumed office, vowing to 'fight'": the participle frames it
        if h.head.i == h.i:              # the root: no frame above it
            return None
        h = h.head
    else:
        return None
    if h.lower_ in _NOT_CUES or _looks_like_title(text, spans[qi]):
        return None                     # a copula, or a show/book title
    if _a_ruling_delivered(h):
        return None                     # "Judge Donoghue delivers a ruling on … state-led 'genocide'": the word is not hers
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
    cue = h if h.lower_ in GOVERNING_FORMS else via
    if cue is None or cue is via and h.dep_ == "ccomp" and h.head.lower_ in GOVERNING_FORMS \
            or _names_a_document(cue, cue.i + 1, toks[-1].i):
        # ("read a statement on TV as the 'president of …'": the act of reading, its fragment no one's statement)
        # "He was serving a sentence for 'extremism'", "leaders suggest that the Kremlin bears
        # responsibility, having described him as an 'opposition leader'": a scare quote or name
        # whose source the sentence does not give, or someone else's reported content. The
        # quotation stands, credited to no one (the clause subject was its speaker in only about
        # half of such cases in PolNeAR).
        spans[qi].claimed = True
        sp = spans[qi]
        return Quote(aid, text[sp.start:sp.end], sp.start, sp.end, "direct", None, None, None, None,
                     "unknown", None)
    first = cue.i + 1
    while first < len(doc) and doc[first].dep_ in ("prt", "neg", "advmod") and first < toks[0].i:
        first += 1
    first, last = _trim_tokens(doc, first, max(_clause_end(cue), toks[-1].i))
    start, end = _span_orig(u, doc, first, last)
    start, end = _strip_text(text, start, end)
    if end - start < 2 or end - start > 600:
        return None
    spans[qi].claimed = True
    for other in _quote_tokens(u, doc, first, last):
        spans[other].claimed = True
    kind = "direct" if (start, end) == (spans[qi].start, spans[qi].end) else "mixed"
    return _make_quote(aid, text, start, end, kind, cue, u, subj, names)


# Past forms of naming verbs: after a noun, a reduced relative that names it ("the conservative dubbed the 'Tropical
# Trump'", "a gang nicknamed 'the Wolves'"), its namer unsaid
_NAMING_PARTICIPLES = frozenset("dubbed nicknamed labelled labeled branded termed called".split())


_NAMING_ADVERBS = frozenset("also often sometimes commonly officially formally informally popularly widely locally "
                            "colloquially affectionately previously formerly once now simply".split())


def _names_noun_before(tok, subj) -> bool:
    """A naming participle right after a noun other than its subject: outside the subject's phrase (and no
    preposition's object: "the minister of finance dubbed it") or in an apposition set off by a comma; the noun is
    the one named, no speaker of the name ("The conservative writer David Frum called …" is Frum's naming).
    Adverbs of naming may stand between ("the deal, also called the grain corridor", "the pact often dubbed …"):
    after a comma and such an adverb the participle opens an apposition, whatever the noun before it (fc40: "The
    Initiative on … from Ukrainian ports, also called the Black Sea Grain Initiative, is …" was a quote row)."""
    k = tok.i - 1
    while k >= 0 and k > tok.i - 3 and tok.doc[k].lower_ in _NAMING_ADVERBS:
        k -= 1
    after = tok.doc[tok.i + 1] if tok.i + 1 < len(tok.doc) else None
    if k < tok.i - 1 and k >= 1 and tok.doc[k].text == "," and tok.lower_ in _NAMING_PARTICIPLES \
            and tok.doc[k - 1].tag_ in ("NN", "NNS", "NNP", "NNPS") and tok.doc[k - 1].i != subj.i \
            and not (after is not None and after.tag_ in ("IN", "RP")):
        return True
    before = tok.doc[k] if k >= 0 else None
    if not (tok.lower_ in _NAMING_PARTICIPLES and before is not None and before.tag_ in ("NN", "NNS", "NNP", "NNPS")
            and before.i != subj.i and before.dep_ != "pobj") or after is not None and after.tag_ in ("IN", "RP"):
        return False                    # "called for further action", "called on …": a demand, no naming
    inside = subj.left_edge.i <= before.i <= subj.right_edge.i
    return not inside or any(t.text == "," for t in tok.doc[subj.i:before.i])


def _clause_end(tok) -> int:
    """The last token of a verb's own clause: a coordinated clause with a subject of its own ("… described it as
    a 'huge tragedy' and state authorities were investigating …") is someone else's, not the verb's content."""
    def new_clause(k) -> bool:
        return k.dep_ == "conj" and any(g.dep_ in ("nsubj", "nsubjpass") for g in k.children)
    cut = min((k.i for k in tok.children if new_clause(k)), default=None)
    ends = [k.right_edge.i for k in tok.children if cut is None or k.i < cut and not (k.dep_ == "cc" and k.i == cut - 1)]
    return max([tok.i] + [e for e in ends if cut is None or e < cut])


def _match_fast(u: Unit):
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


def _from_fast(aid, text, u: Unit, spans, names) -> Quote:
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
    speaker, stype = resolve_speaker(text[s0:s1], " ".join(name_words), stype, s0, names, (sp.start, sp.end))
    return Quote(aid, text[sp.start:sp.end], sp.start, sp.end, "direct", text[c0:c1], speaker,
                 s0, s1, stype, role, None, c0, c1)


def _mistagged_cue(tok) -> bool:
    """'"...," Viguerie notes.': the tagger reads present-tense cues after a name as plural nouns."""
    doc = tok.doc
    return (tok.tag_ in ("NNS", "NN") and tok.i > 0 and doc[tok.i - 1].tag_ in ("NNP", "PRP", "NN")
            and (tok.i + 1 == len(doc) or doc[tok.i + 1].tag_ in (".", ",", ":", "RB")))


def _span_orig(u: Unit, doc, first: int, last: int) -> tuple[int, int]:
    """Original-text offsets of tokens first..last (inclusive) of a unit's doc."""
    a = doc[first].idx
    b = doc[last].idx + len(doc[last].text)
    return to_orig(u, a, False), to_orig(u, b, True)


def _trim_tokens(doc, first: int, last: int) -> tuple[int, int]:
    """Drop edge punctuation and conjunctions from a token range (never marks inside a quote)."""
    while first < last and (doc[first].tag_ in (",", ":", "CC", "-LRB-", "-RRB-", "HYPH", "NFP") or doc[first].is_space):
        first += 1
    while last > first and (doc[last].tag_ in (",", ":", ".", "-LRB-", "-RRB-", "HYPH", "NFP", "CC") or doc[last].is_space):
        last -= 1
    return first, last


def _content_of(tok, doc) -> tuple[int, int] | None:
    """Token range of a cue verb's content: its clausal complement, else its object phrase."""
    kids = list(tok.children)
    for k in kids:
        if k.dep_ in ("ccomp", "parataxis") or (k.dep_ == "xcomp" and tok.lower_.startswith("s")):
            return k.left_edge.i, k.right_edge.i
    # "the poisoning that he blamed on the Kremlin": what was blamed is the relative, and "on the Kremlin" no
    # content (but in 'what he called "the worst recovery"' the name given is)
    relative = any(k.dep_ == "dobj" and k.tag_ in ("WDT", "WP") and k.i < tok.i for k in kids)
    objs = [k for k in kids if k.dep_ in ("dobj", "oprd", "xcomp", "attr")
            or (k.dep_ == "prep" and k.i > tok.i and k.lower_ in ("about", "for", "on", "of") and not relative)]
    if objs:
        objs = [k for k in objs if k.i > tok.i] or [k for k in objs if k.tag_ not in ("WDT", "WP")]
        if objs:        # "the raid, which Sobyanin described as …": the relative pronoun is no content
            return min(k.left_edge.i for k in objs), max(k.right_edge.i for k in objs)
    return None


_POSSESSIVE_MARKS = ("'s", "’s", "'", "’")


def _through_possessed_quote(u: Unit, doc, rng: tuple[int, int]) -> tuple[int, int]:
    """Extend a content that ends on a possessive to the quotation it owns: "condemned the expansion of NATO and
    Washington’s “Cold-War mentality.”" (the quote's stand-in clause made the parse end the object at the owner)."""
    first, last = rng
    k = last if doc[last].tag_ == "POS" else last + 1     # the mark in the range, or just after it ("he’s" is no owner)
    if k + 1 >= len(doc) or doc[k].tag_ != "POS" or doc[k].lower_ not in _POSSESSIVE_MARKS:
        return rng
    piece = next((p for p in u.pieces if p[4] is not None and p[0] <= doc[k + 1].idx < p[1]), None)
    if piece is None:
        return rng
    end = k + 1
    while end + 1 < len(doc) and doc[end + 1].idx < piece[1]:
        end += 1
    return first, end


def _quote_tokens(u: Unit, doc, first: int, last: int) -> list[int]:
    """Quote indices whose stand-in or text lies within tokens first..last."""
    a, b = doc[first].idx, doc[last].idx + len(doc[last].text)
    out = []
    for fs, fe, os_, oe, qi in u.pieces:
        if qi is not None and fs < b and fe > a:
            out.append(qi)
    return out


def _after_a_listed_content(subj):
    """The speaker after a list the parse took for the subject: "… from the jails of seven countries: the United States,
    Germany, …, Norway, the Turkish presidential office said" makes "States" the subject and the office its apposition;
    a list opened by a colon spells out the clause before it, and the noun set after the list's last item is who
    speaks (fc40: 'Government of the United States (said)' on the Washington Post's live page)."""
    conj = [k.i for k in subj.subtree if k.dep_ == "conj" and k.head.i in (subj.i, *(c.i for c in subj.subtree if c.dep_ == "conj"))]
    appos = [k for k in subj.children if k.dep_ == "appos" and conj and k.i > max(conj)]
    edge = subj.left_edge.i
    if appos and edge > 0 and subj.doc[edge - 1].text == ":":
        return appos[-1]
    return None


def _subject_of(tok):
    """The speaker token: nsubj of the cue, or of the verb it hangs from ("..., adding that"); for a cue under a
    verb with an object, that object ("prompting China to announce drills": China announced), or no one when the
    verb only asks for it ("urged Putin to declare …": nothing declared)."""
    if tok.tag_ == "VBG" and tok.dep_ == "advcl" and tok.head.dep_ == "ccomp" and tok.head.head.lower_ in CUE_FORMS \
            and not any(k.dep_ in ("nsubj", "nsubjpass") for k in tok.children):
        # "Zarif said that Iran is ready to help, adding, '…'": the participle goes on from the one who said the clause
        # it hangs from, not from that clause's subject
        tok = tok.head.head
    for cur in (tok, tok.head, tok.head.head):
        if cur.dep_ == "xcomp" and not any(k.dep_ in ("nsubj", "nsubjpass") for k in cur.children):
            # "prompting China to announce drills": China announced; "This stance prompted Stoltenberg to challenge
            # China, stating …": Stoltenberg states; "urged Putin to declare …": nothing declared
            obj = next((k for k in cur.head.children if k.dep_ == "dobj" and k.i < cur.i), None)
            causes = cur.head.lower_[:4] in _CAUSE_STEMS
            if obj is not None and (cur is tok or causes):
                return obj if causes else None
        for k in cur.children:
            if k.dep_ == "nsubj" and not _possessor(k):
                return _after_a_listed_content(k) or k
            if k.dep_ == "agent":
                for g in k.children:
                    if g.dep_ == "pobj":
                        return g
        if cur.dep_ not in ("advcl", "xcomp", "conj", "relcl", "acl") or cur.head.i == cur.i:
            break
    if tok.dep_ == "ccomp" and tok.head.lower_ == "asked" and _asked_aside(tok.head):
        # "Peskov, asked whether …, said …" parsed as what Peskov asked: the asker is the speaker
        return next((k for k in tok.head.children if k.dep_ == "nsubj"), None)
    if tok.dep_ == "relcl" and tok.head.tag_.startswith("N"):    # "Dong, who said ..."
        return tok.head
    if tok.dep_ == "acl" and tok.tag_ == "VBG" and tok.head.tag_.startswith("N"):
        return tok.head                  # "with some US officials accusing Beijing of …"
    return None


def _possessor(tok) -> bool:
    """'Beijing's "position …", Wang said': with the quote stood in, the parser can read the owner
    of the quoted noun as a second subject of the cue; an owner is never the speaker."""
    return any(k.dep_ == "case" and k.lower_ in ("'s", "’s", "'") for k in tok.children)


def _passive(tok) -> bool:
    """A participle used passively: "was asked by", "asked about the talks, he said" (no subject of its own)."""
    if tok.tag_ != "VBN":
        return False
    kids = {k.dep_ for k in tok.children}
    return bool(kids & {"agent", "auxpass", "nsubjpass"}) or (tok.dep_ in ("advcl", "acl") and "nsubj" not in kids)


# "Moscow blamed Ukraine": whom a speaker blames is the claim itself.
_BLAME_CUES = {"blame", "accuse"}
# Cues that name a deed when their object is a thing ("claim asylum", "maintain contact"); a statement when it is
# a clause, a noun with a clause ("maintained his belief that …") or an allegation ("claimed discrimination").
_DEED_CUES = {"claim", "maintain"}
# What is declared by the act of declaring it ("declared a state of emergency", "declared war"): a deed, no statement
# ("declared new sanctions", "declared a 98% support rate" report what was said and stay).
_DECLARED_ACTS = frozenset("""state states war curfew curfews lockdown quarantine holiday mourning ceasefire truce
moratorium amnesty law""".split())
# Owning an act is an act ("claimed responsibility for the bombings", "claimed credit"), shown only with quoted words
# or when the sentence names the statement it was claimed in
_OWNED_ACTS = frozenset("responsibility credit".split())
# Where a claim was published, so made in words: "in a statement", "according to a post on its Telegram account"
_CLAIM_MEDIA = frozenset("""statement statements message letter video audio recording post posts posting account
channel channels website telegram""".split())
_ALLEGATION_NOUNS = frozenset("""innocence discrimination bias fraud harassment persecution retaliation abuse
racism negligence interference misconduct wrongdoing threat""".split())


# A status a declaration confers on its object ("declared Rakhine a natural disaster area", "… as a military zone")
_DESIGNATIONS = frozenset("area areas zone zones region regions territory winner".split())
# A result declared as the verb's own object: a headline's passive ("Ruto declared the winner of the race") or a
# result announced ("declared the winner on Monday"); either way no words are said ("declared him winner" keeps its row)
_WINNERS = frozenset("winner winners victor victors".split())
# A state of alarm a declaration confers ("declared the mpox outbreak a public health emergency", "declared a global
# health emergency", "declared it a pandemic"): the declaring is the deed, whatever the parse made of the nouns
_ALARMS = frozenset("emergency emergencies pandemic epidemic".split())
# Times a declaration sets apart ("a day of mourning", "a national holiday")
_OBSERVANCES = frozenset("day days week weeks period holiday".split())


def _designated_as(tok, obj) -> list:
    """The nouns a declare cue names its object as: "as" + noun, or the parse's object predicate."""
    out = []
    for k in list(tok.children) + list(obj.children):
        if k.dep_ == "oprd":
            out.append(k)
        elif k.dep_ == "prep" and k.lower_ == "as":
            out += [g for g in k.children if g.dep_ == "pobj"]
    return out


def _winner_next(tok) -> bool:
    """Whether a declare cue is followed at once by "(the/a) winner", however the parse attached the noun."""
    nxt = tok.nbor(1) if tok.i + 1 < len(tok.doc) else None
    if nxt is not None and nxt.lower_ in ("the", "a") and nxt.i + 1 < len(tok.doc):
        nxt = nxt.nbor(1)
    return nxt is not None and nxt.lower_ in _WINNERS


def _declared_observance(tok) -> bool:
    """Whether a declare cue sets a time apart ("declared 23 December a day of mourning", "declared Friday a national
    holiday", "declared a day of mourning"), whatever shape the parse gave the noun phrases after it: object, second
    object, apposition, or a verbless clause. (A winner declared stays: "declared him winner of the race" is the
    commission's result, and the labels count it.)"""
    nouns = [k for k in tok.children if k.dep_ in ("dobj", "npadvmod", "ccomp", "oprd") and k.tag_.startswith("NN")]
    nouns += [g for k in nouns for g in k.children if g.dep_ in ("appos", "npadvmod", "oprd")]
    return any(k.lower_ in _OBSERVANCES and (k.lower_ == "holiday" or any(
        g.lower_ == "of" and any(p.lower_ in _DECLARED_ACTS for p in g.children) for g in k.children)) for k in nouns)


def _declared_alarm(tok) -> bool:
    """Whether a declare cue confers a state of alarm ("declared the outbreak a global health emergency", "declared a
    public health emergency of international concern"): the cue's own object, second object, apposition or verbless
    clause. (A clause said stays: in "declared that the situation constitutes an emergency" the noun is the clause's.)"""
    nouns = [k for k in tok.children if k.dep_ in ("dobj", "npadvmod", "ccomp", "oprd", "attr") and k.tag_.startswith("NN")]
    nouns += [g for k in nouns for g in k.children if g.dep_ in ("appos", "npadvmod", "oprd", "attr")]
    return any(k.lower_ in _ALARMS for k in nouns)


def _a_deed(tok) -> bool:
    """Whether a claim/maintain/declare cue takes a thing, not a statement, as its object."""
    obj = next((k for k in tok.children if k.dep_ == "dobj"), None)
    if CUE_FORMS[tok.lower_] == "declare" and obj is not None and not any(k.dep_ == "ccomp" for k in tok.children) \
            and any(k.lower_ in _DESIGNATIONS for k in _designated_as(tok, obj)):
        return True                     # "declared the whole of Rakhine as a natural disaster area": a status conferred
    if CUE_FORMS[tok.lower_] == "declare" and _winner_next(tok):
        return True                     # "Ruto declared the winner of the race" (a headline's passive): a result, no words
    if CUE_FORMS[tok.lower_] == "declare" and _declared_observance(tok):
        return True                     # "declared 23 December a day of mourning": a day set apart, no words
    if CUE_FORMS[tok.lower_] == "declare" and _declared_alarm(tok):
        return True                     # "declared the mpox outbreak a public health emergency": a status conferred
    if any(k.dep_ in ("ccomp", "xcomp", "oprd") for k in tok.children):
        return False
    if CUE_FORMS[tok.lower_] == "declare":
        return obj is not None and obj.lower_ in _DECLARED_ACTS and (obj.lower_ not in ("state", "states", "law") or any(
            k.lower_ in ("of", "martial") for k in obj.children))   # "a state of emergency", "martial law"
    if obj is not None and obj.lower_ in _OWNED_ACTS:
        # "claimed responsibility for the bombings": owning an act; "… in a statement posted online" says it was said
        return not any(t.dep_ == "pobj" and t.lower_ in _CLAIM_MEDIA and t.head.lower_ in ("in", "through", "via", "on", "to")
                       for t in tok.subtree)
    return obj is not None and obj.lower_ not in _ALLEGATION_NOUNS \
        and not any(k.dep_ in ("acl", "ccomp", "relcl") for k in obj.children)


# Cues that name an act when their object is a bare thing and no clause follows: "India conceded 25 goals", "SEC
# charges AT&T", "China proposed a peace plan" (but "conceded that …", "charged that …", "proposed that …" report words,
# and "conceded defeat" or "conceded the point" admit something).
_ACT_CUES = {"concede", "charge", "propose"}
_ADMISSIONS = frozenset("""defeat point points mistake mistakes error errors failure failures loss race election
possibility""".split())


def _an_act(tok) -> bool:
    """Whether a concede/charge/propose cue names an act, not words: a bare object ("conceded 25 goals") and no
    clause said."""
    if any(k.dep_ in ("ccomp", "parataxis") for k in tok.children):
        return False
    obj = next((k for k in tok.children if k.dep_ == "dobj"), None)
    return obj is not None and obj.lower_ not in _ADMISSIONS and not any(
        k.dep_ in ("acl", "ccomp", "relcl") for k in obj.children)


# "the army had attacked one of its locations", "attacked the convoy": a strike, or an attack on a thing with no words
# given; "attacked the plan as reckless", "attacked him for …", "attacked X over …" say what was said against it
_STRIKE_CUES = {"attack"}


def _a_strike(tok) -> bool:
    """Whether an attack cue strikes a place or a force (no clause, no "as"/"for"/"over" saying what was said)."""
    if any(k.dep_ in ("ccomp", "xcomp", "oprd", "parataxis") or (k.dep_ == "prep" and k.lower_ in ("as", "for", "over"))
           for k in tok.children):
        return False
    obj = next((k for k in tok.children if k.dep_ == "dobj" and k.i > tok.i), None)
    if obj is not None and obj.lower_ in ("one", "some", "several", "many", "all", "two", "three"):
        obj = next((g for p in obj.children if p.dep_ == "prep" and p.lower_ == "of" for g in p.children
                    if g.dep_ == "pobj"), obj)          # "one of its locations"
    return obj is not None and (obj.lower_ in _STRUCK_THINGS or obj.lower_.removesuffix("s") in _STRUCK_THINGS)


# What is struck, not criticised: places, posts and forces ("attacked one of its locations", "attacked army camps")
_STRUCK_THINGS = frozenset("""location base camp position post convoy headquarters village town city hospital school
checkpoint ship vessel airport station building facility plant barracks compound outpost military troop soldier
force""".split())


# Cues whose object is a thing done, not words: "the party announced protests across the country", "the police
# denied the allegations by PTI that …" (what was denied is PTI's claim, not the police's words); "announced it would
# …", "announced a plan" report what was said and stay, and so does "confirmed the deaths of …" (pages33-35's
# convention, tested: a confirmation stands for its event)
_THING_CUES = {"announce", "deny"}
_ANNOUNCED_ACTS = frozenset("""protest protests strike strikes march marches rally rallies boycott boycotts sit-in
shutdown demonstration demonstrations""".split())
# ("denied reports that …" stays: the labels of qpages4, 6 and 7 count the report's claim as what was denied in words)
_DENIED_CLAIMS = frozenset("allegation allegations claim claims accusation accusations charge charges".split())


def _a_thing_named(tok, lemma: str) -> bool:
    """Whether an announce/deny cue has no clause of its own and its object is a deed ("announced protests",
    "announced protesting") or another's claim spelt out ("denied the allegations by PTI that …")."""
    if any(k.dep_ in ("ccomp", "parataxis", "oprd") for k in tok.children):
        return False
    obj = next((k for k in tok.children if k.dep_ == "dobj" or (k.dep_ == "xcomp" and k.tag_ == "VBG")), None)
    if obj is None or obj.i < tok.i:
        return False
    if lemma == "announce":
        return obj.tag_ == "VBG" or obj.lower_ in _ANNOUNCED_ACTS
    return obj.lower_ in _DENIED_CLAIMS and any(k.dep_ in ("acl", "ccomp", "relcl") or (k.dep_ == "prep" and k.lower_ == "by")
                                                for k in obj.children)


def _a_noun_read_as_cue(tok) -> bool:
    """Whether a present-tense cue is a plural noun after a name the parse joined to a past verb ("signed a free trade
    agreement with the Gulf Cooperation Council (GCC) states to minimise …"): no subject of its own, another tense."""
    doc = tok.doc
    return tok.tag_ == "VBZ" and tok.dep_ == "conj" and tok.head.tag_ in ("VBN", "VBD") and tok.i > 0 \
        and doc[tok.i - 1].tag_ in ("NNP", "NNPS", "-RRB-") and doc[tok.i - 1].i > tok.head.i \
        and not any(k.dep_ in ("nsubj", "nsubjpass", "cc") for k in tok.children) \
        and not any(t.dep_ == "cc" and t.head.i == tok.head.i and tok.head.i < t.i < tok.i for t in doc[tok.head.i:tok.i])


# Cues that ask others to speak: an infinitive cue inside their words is what was asked, not said
_ASKING_CUES = {"call", "urge", "ask", "appeal", "demand", "request"}


def _asked_to_say(tok) -> bool:
    """Whether a cue is an infinitive with no subject of its own inside another cue's words ("calling on the
    international community to reject its actions", "urged them to condemn …"): what others are asked to say."""
    if not any(k.dep_ == "aux" and k.lower_ == "to" for k in tok.children) \
            or any(k.dep_ in ("nsubj", "nsubjpass") for k in tok.children):
        return False
    head = tok.head
    while head.i != head.head.i and head.dep_ not in ("ccomp", "parataxis") and head.lower_ not in CUE_FORMS:
        head = head.head
    return head.i != tok.i and head.lower_ in CUE_FORMS and CUE_FORMS[head.lower_] in _ASKING_CUES


def _told_passive(tok) -> bool:
    """"Merkel told closer EU ties are the price …" (a headline's "was told"): the parse's object of "told" is the
    subject of the clause after it, which has none of its own ("He told reporters the talks failed" has one)."""
    obj = next((k for k in tok.children if k.dep_ in ("dobj", "dative")), None)
    clause = next((k for k in tok.children if k.dep_ == "ccomp" and k.i > tok.i), None)
    if obj is None or clause is None or obj.right_edge.i + 1 != clause.left_edge.i:
        return False
    return not any(k.dep_ in ("nsubj", "nsubjpass", "expl", "csubj") for k in clause.children) \
        and clause.tag_ in ("VBP", "VBZ", "VBD", "MD")


def _thin_content(doc, first: int, last: int, core: bool) -> bool:
    """Content too thin to be a statement: "Trump attacked Tillis" (a name is whom he attacked, not
    what he said), "CNOOC announced on Monday" (the statement is the clause before it): a bare name
    after a cue that is no speech verb, or a bare prepositional phrase after one that is."""
    toks = [t for t in doc[first:last + 1] if not t.is_punct]
    if not toks or len(toks) > 8 or any(t.tag_.startswith("VB") or t.tag_ == "MD" for t in toks):
        return False
    if core:                            # "tweeted about it" keeps its topic; "said on Friday", "responded to the
        # school in Uvalde on May 24, 2022" have none
        return toks[0].dep_ == "prep" and toks[0].lower_ in ("on", "in", "at", "during", "after", "before", "late")
    return len(toks) <= 3 and all(t.tag_ in ("NNP", "NNPS") for t in toks)


def _content_elsewhere(tok, subj, doc, last: int) -> tuple[int, int] | None:
    """Where a speech verb's statement is when the parse gave it only a phrase like "on Monday": the
    clause before "…, CNOOC announced on Monday." (the sentence ends there), or a that-clause the parse
    hung lower ("said on Friday when answering a query that …"); None when neither is there."""
    left = subj.left_edge.i
    if left >= 2 and doc[left - 1].text == "," and all(t.is_punct for t in doc[last + 1:tok.sent.end]):
        return tok.sent.start, left - 2
    for t in tok.subtree:
        if t.dep_ == "ccomp" and t.i > tok.i and any(k.dep_ == "mark" and k.lower_ == "that" for k in t.children):
            return t.left_edge.i, t.right_edge.i
    return None


def _asked_aside(tok) -> bool:
    """"Peskov, asked about the talks, said …": "asked" between commas, before the speech verb, is
    what he was asked (the parser often reads it as his own act, with him as its subject)."""
    doc = tok.doc
    before = tok.i - 1
    if before > 0 and doc[before].lower_ in ("when", "after", "while", "if", "once"):
        before -= 1                          # "Peskov, when asked about …, said"
    if before < 1 or doc[before].text != ",":
        return False
    return any(t.lower_ in CUE_FORMS and CUE_FORMS[t.lower_] in CORE_SET and doc[t.i - 1].text == ","
               for t in doc[tok.i + 1:])


# Verbs under which a cue says what someone means to say, not what they said ("works to anticipate", "plans to announce").
_INTENT_FORMS = frozenset("""want wants wanted wanting plan plans planned planning intend intends intended intending
hope hopes hoped hoping try tries tried trying seek seeks sought seeking aim aims aimed aiming work works worked
working prepare prepares prepared preparing expect expects expected expecting wish wishes wished attempt
attempts attempted attempting need needs needed needing""".split())
# Nouns under which a cue is a duty, right or aim, not something said ("the requirement to report", "plans to
# announce", "an attempt to explain").
_UNSAID_NOUNS = frozenset("""requirement requirements obligation obligations duty duties right rights need needs power
powers authority ability permission plan plans intention intentions attempt attempts effort efforts bid pressure
mandate refusal failure reluctance""".split())
# Verbs whose object did what the cue under them says ("prompting China to announce drills").
_CAUSE_STEMS = frozenset("prom lead led caus forc spur comp push driv drov".split())
# A picture or film "shows" and is "posted": a depiction, no one's statement.
_MEDIA_NOUNS = frozenset("""video videos footage image images photo photos photograph photographs picture pictures
clip clips film films map maps graphic graphics livestream""".split())
# What "shows" a finding without anyone saying it ("early figures show the ruling party won"): no speaker.
_RECORD_NOUNS = frozenset("""figures data results statistics numbers records documents polls estimates tallies
returns""".split())
# Contents that say nothing on their own: a pronoun ("announced it"), a pointer back ("denied that claim",
# "confirmed these details"), a feeling ("expressed anger", "tweeted her dismay").
_POINTERS = frozenset("this that these those it him her them they what".split())
_FEELINGS = frozenset("""dismay anger concern concerns outrage frustration disappointment regret sympathy sympathies
condolences gratitude thanks solidarity shock sadness sorrow alarm displeasure indignation approval disapproval
satisfaction dissatisfaction delight joy grief""".split())
# Cues that judge a thing: their bare object is what was judged, not what was said ("decried the planned actions").
_JUDGING_CUES = frozenset("""condemn decry denounce criticize criticise praise slam blast attack hail oppose support
endorse express voice mock""".split())
_DOCUMENT_NOUNS = frozenset("""statement statements message letter speech address announcement communique
communiqué declaration""".split())
_UNNAMED_RE = re.compile(r"(?:not\s+to\s+be\s+(?:named|identified)|anonymity)\b", re.I)
_PICTURE_RE = re.compile(r"(?:an?|the|this|that)\s+(?:[\w-]+\s+){0,2}(?:" + "|".join(sorted(_MEDIA_NOUNS))
                         + r")(?:\s+(?:of|from|showing)\b.*)?", re.I | re.S)
_PICTURE_CUES = frozenset({"tweet", "post", "share", "publish", "show", "release", "retweet", "upload"})
_BARE_NAME_RE = re.compile(r"(?:the\s+)?(?:[A-Z][\w'’.-]*\s+){0,3}[A-Z][\w'’.-]*")
# "the state-run National News Agency", "Russian state media", "local outlets": a source named, no words of it
_SOURCE_PHRASE_RE = re.compile(r"(?:the\s+|an?\s+)?(?:[\w'’-]+\s+){0,5}(?:agency|media|outlets?|newspapers?|"
                               r"news|reports?|sources?|officials?|[A-Z][\w'’-]*)", re.S)



def _depiction(tok, lemma: str) -> bool:
    """A cue of showing or posting a picture: "a video showing warships", "posting pictures of young men"."""
    if lemma == "show":                        # "a video showing", "figures show", "published a video …, showing"
        holders = [tok.head] if tok.dep_ == "acl" else [k for k in tok.children if k.dep_ == "nsubj"]
        if tok.dep_ == "advcl" and not holders:
            holders = [k for k in tok.head.children if k.dep_ == "dobj"]
        return any(h.lower_ in _MEDIA_NOUNS or h.lower_ in _RECORD_NOUNS for h in holders)
    if lemma in ("post", "tweet"):             # its object, or the parse's subject of a clause after it
        return any(t.lower_ in _MEDIA_NOUNS for t in tok.doc[tok.i + 1:tok.i + 3])
    return False


def _empty_content(doc, first: int, last: int, lemma: str) -> bool:
    """A content that states nothing: a pronoun or a pointer back ("it", "that claim"), a feeling ("anger"), or
    the bare thing a judging cue judged in a few words ("decried the planned actions"); a clause is never empty."""
    toks = [t for t in doc[first:last + 1] if not t.is_punct]
    if not toks or any((t.tag_.startswith("VB") or t.tag_ == "MD") and t.dep_ not in ("amod", "compound") for t in toks):
        return False                    # a clause; "the planned actions" is none
    if toks[0].lower_ in _POINTERS and len(toks) <= 2:
        return True
    if len(toks) <= 3 and toks[-1].lower_ in _FEELINGS:
        return True
    return lemma in _JUDGING_CUES and len(toks) <= 3     # "condemned the expansion of NATO" still says what


def _names_a_document(tok, first: int, last: int) -> bool:
    """The content opens on the cue's object, a document ("read a statement on national TV as …"), not on what it
    says: the cue has no clause of its own and the document none that says what is in it."""
    if any(k.dep_ in ("ccomp", "parataxis") for k in tok.children):
        return False
    obj = next((k for k in tok.children if k.dep_ == "dobj" and first <= k.i <= last), None)
    return obj is not None and obj.lower_ in _DOCUMENT_NOUNS \
        and not any(k.dep_ in ("ccomp", "acl", "relcl") for k in obj.children)


def _before_aside(doc, first: int, last: int) -> int:
    """The content's end before a closing aside the writer adds after a comma (", which outlaws secession …",
    ", who many call Europe's last strongman", ", in which the ruling party appears …", ", according to …"): the
    gloss is the writer's, not the speaker's."""
    for t in doc[first + 1:last + 1]:
        if t.lower_ in ("while", "whereas") and _another_says(t, last):
            # "said the paramilitary group attacked army camps while the RSF accused the army of …": the rest is
            # the other side's words, reported by the writer
            return max(first, t.i - 2 if doc[t.i - 1].text == "," else t.i - 1)
        if t.lower_ == "according" and t.i + 1 <= last and doc[t.i + 1].lower_ == "to" and doc[t.i - 1].text == ",":
            return max(first, t.i - 2)      # "…, according to FOX 12 reporter Bonnie Silkman": the source, not the words
        if t.dep_ == "relcl" and t.right_edge.i >= last:
            comma = t.left_edge.i - 1
            lead = doc[t.left_edge.i]
            relative = lead.lower_ in ("which", "who", "whom") or (      # ", in which the ruling party appears …"
                lead.tag_ == "IN" and t.left_edge.i + 1 <= last and doc[t.left_edge.i + 1].lower_ in ("which", "whom"))
            if comma > first + 1 and doc[comma].text == "," and relative:
                return max(first, comma - 1)

    return last


# Content stopped right before an auxiliary with no punctuation between: the clause goes on ("… and lawyers are being
# subjected to torture"), to the next comma or stop
_AND_NOUN_END_RE = re.compile(r" and \w+$")
_CUT_CLAUSE_RE = re.compile(r" (?:are|is|was|were|have|has|had) (?:being |been |not )?\w+[^,;.!?\n\u201c\u201d\"]*")
# After a quote's closing mark, a "which" clause the writer adds after a comma: '“… Saudi Airlines,” which the company
# confirmed' (but '"some people" who feel that way' and 'a "good corporate citizen," who was involved …' describe
# whom the speaker spoke of, and stay); so is an aside naming what the words allude to: '… "there is a risk of nuclear
# war", an apparent allusion to growing tensions between Russia and the West', and the writer's gloss of what they
# meant: 'Sasse “was as nice as a RINO can be …”, referring to the senator as a Republican In Name Only'
_GLOSS_AFTER_RE = re.compile(r"\s*(?:(?<=,[\u201d\u2019\"'])|,)\s*(?:which\b|referring\s+to\b|(?:in\s+)?an?\s+(?:(?:apparent|obvious|"
                             r"clear|implicit|veiled|thinly[- ]veiled)\s+)?(?:allusion|reference|nod|jab|swipe|dig)\s+(?:to|at)\b)")


def _another_says(mark, last: int) -> bool:
    """Whether "while"/"whereas" opens a clause in which someone else speaks: its verb a cue with its own subject."""
    verb = mark.head
    return mark.dep_ == "mark" and verb.i <= last and verb.lower_ in CUE_FORMS \
        and any(k.dep_ == "nsubj" and k.lower_ not in PRONOUNS for k in verb.children)


_REFUSAL_STEMS = frozenset("refus decli fail avoid stopp hesit".split())   # refused/declined/failed/avoided … to say
_UNSAID_MODALS = frozenset("can could may might must should will 'll ca wo".split())   # "would" narrates: "she would later say"
# A state a participle cue confirms of its subject ("222 people now confirmed hostage", "reported missing",
# "declared dead"): the subject is whom it is said of, not who said it
_CONFIRMED_STATES = frozenset("""dead hostage hostages killed missing injured wounded alive captive captives
kidnapped abducted detained safe""".split())


def _from_cue_verb(aid, text, u: Unit, tok, spans, names) -> Quote | None:
    """An attribution from a cue verb: speaker = its subject, content = complement or quote."""
    doc = u.doc
    lemma = CUE_FORMS[tok.lower_]
    if lemma == "ask" and _passive(tok):
        # "Asked by CNN whether …, the senator said …": the asker's question is no statement, and the
        # answer belongs to the verb that follows (the passive's agent made "CNN" take the senator's words)
        return None
    if lemma == "ask" and _asked_aside(tok):
        return None
    if any(k.dep_ == "neg" for k in tok.children):
        return None                     # "The committee didn't say what caused the crash": no statement
    if tok.dep_ == "xcomp" and (tok.head.lower_[:5] in _REFUSAL_STEMS or any(k.dep_ == "neg" for k in tok.head.children)):
        return None                     # "China has refused to blame Russia", "did not want to say": nothing said
    if any(k.dep_ == "aux" and k.lower_ in _UNSAID_MODALS for k in tok.children):
        return None                     # "the Kremlin can blame Ukraine for …": what someone may say, not what they said
    if tok.dep_ == "xcomp" and tok.head.lower_ in _INTENT_FORMS:
        return None                     # "Murray works to anticipate changes", "plans to announce": nothing said yet
    if _a_noun_read_as_cue(tok):
        return None                     # "a free trade agreement with the Gulf Cooperation Council (GCC) states to …"
    if _asked_to_say(tok):
        return None                     # "calling on the international community to reject its actions": asked of others
    if tok.i >= 2 and doc[tok.i - 1].lower_ == "to" and doc[tok.i - 2].lower_ in _UNSAID_NOUNS:
        return None                     # "met all legal requirements to report infectious diseases": a duty, not a report
    if lemma == "ask" and not any(k.dep_ in ("ccomp", "xcomp") for k in tok.children) \
            and any(k.dep_ == "dobj" and k.lower_ in ("question", "questions") for k in tok.children):
        return None                     # "people who ask questions of public interest": an act, its object no words
    if _passive(tok) and any(k.dep_ in ("auxpass", "nsubjpass") for k in tok.children) \
            and not any(k.dep_ == "agent" for k in tok.children):
        # "Lukashenko, who has been called 'Europe's last dictator'", "people who were promised full repeal": the
        # subject is whom the words were said of or to; who said them the sentence does not say
        return None
    if lemma in ("confirm", "report", "declare", "announce") and tok.i + 1 < len(doc) \
            and doc[tok.i + 1].lower_ in _CONFIRMED_STATES:
        return None                     # "222 people now confirmed hostage", "reported missing": a state, no words
    if lemma == "tell" and _told_passive(tok):
        # a headline's passive: "Merkel told closer EU ties are the price …" says who was told, not who told her
        return None
    if _depiction(tok, lemma):
        return None                     # "a video showing warships", "posting pictures of …": no one's words
    if _a_ruling_delivered(tok):
        return None                     # "Judge Joan Donoghue delivers a ruling on …": a court's act, its words not given
    if _passive(tok) and tok.dep_ in ("advcl", "acl") and not any(k.dep_ == "agent" for k in tok.children):
        # "As noted in the statement, Putin has …": a participle with no speaker of its own; the subject
        # of the clause it hangs from is who the statement is about, not who made it
        return None
    trailing = _from_trailing_appositive(aid, text, u, tok, spans, names) if lemma in CORE_SET else None
    if trailing is not None:
        return trailing
    subj = _subject_of(tok)
    if subj is None and _mistagged_cue(tok):
        subj = tok.doc[tok.i - 1]
    subj = _owner_of_relative(tok, subj)
    if subj is None or subj.lower_ in ("it", "that", "this", "which", "what"):
        return None
    if _names_noun_before(tok, subj):
        return None                     # "Bolsonaro, the conservative dubbed the 'Tropical Trump'": he is the one named
    if tok.tag_ in ("VBD", "VBN") and subj.left_edge.i > 0 and doc[subj.left_edge.i - 1].lower_ == "with":
        return None                     # "…, with a state of emergency declared": a participle, its noun no speaker
    if len(subj.text) > 2 and subj.left_edge.i == subj.i and (
            subj.text.isupper() and _DATELINE_AFTER_RE.match(u.frame, subj.idx + len(subj.text))
            or _PLAIN_DATELINE_AFTER_RE.match(u.frame, subj.idx + len(subj.text))):
        return None                     # "CHICAGO (CBS) – President Biden is calling …": the dateline's place
    if subj.lower_ in ("nobody", "none", "neither") or any(k.lower_ == "no" and k.dep_ == "det" for k in subj.children):
        return None                     # "Nobody knows what …", "No official said …": no one's statement
    if subj.lower_ == "who":            # "the minister, who said …": the noun the relative clause hangs from
        subj = tok.head if tok.head.i != tok.i and tok.head.tag_.startswith("N") else None
        if subj is None:
            return None
    rng = _content_of(tok, doc)
    qids = []
    if rng is not None:
        rng = _through_possessed_quote(u, doc, rng)
        qids = _quote_tokens(u, doc, *rng)
        if any(_a_programme(text, spans[qi]) for qi in qids):
            qids = [qi for qi in qids if not _a_programme(text, spans[qi])]
            if not qids and doc[rng[0]].lower_ in ("on", "in", "at"):
                rng = None              # 'said on "Meet the Press."': the programme, not the words
        # content must lie on the far side of the subject; "the stage" as object of "said" is not
        if rng is not None and rng[0] <= subj.i <= rng[1]:
            rng = None
    if rng is None or (lemma in CORE_SET and not qids and _free_quote(u, spans) is not None
                       and rng[1] - rng[0] < 2):
        qi = _free_quote(u, spans) if lemma in CORE_SET else None
        if qi is not None and _quote_after_sentence_end(u, tok, qi):
            qi = None                   # 'The talks would continue. "…," Trump said.': not the talks'
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
    if not qids and lemma not in _BLAME_CUES and (_thin_content(doc, first, last, lemma in CORE_SET)
                                                  or _empty_content(doc, first, last, lemma)):
        found = _content_elsewhere(tok, subj, doc, last) if lemma in CORE_SET else None
        if found is None:
            return None
        first, last = _trim_tokens(doc, *found)
    if not qids:
        if doc[first].tag_ in ("VBD", "VBZ", "VBP", "MD"):
            # the parse split the clause: "said [its former leader Tony Chung, 19,] [was among those arrested]" has
            # its subject as the cue's object; without one the words have lost their subject
            obj = next((k for k in tok.children if k.dep_ == "dobj" and tok.i < k.i and k.right_edge.i < first), None)
            if obj is not None:
                first = obj.left_edge.i
            elif subj.left_edge.i == 0 or doc[subj.left_edge.i - 1].lower_ != "what":
                return None             # ("in what Moscow said was a Ukrainian attack": "what" is its subject)
        last = _before_aside(doc, first, last)
        if doc[last].lower_ in _COPULAS and not any(k.dep_ in ("nsubj", "expl") for k in doc[last].children):
            # "Among those killed was …, reported Fox News": the clause lost its subject, and what it says ("… where
            # they are" keeps both)
            return None
        if lemma == "call" and _a_call_made(tok, doc, first, last):
            return None                 # "to instead call dispatchers", "called the police": a call made, no words
    start, end = _span_orig(u, doc, first, last)
    start, end = _strip_text(text, start, end)
    if not qids and lemma in CORE_SET and _AND_NOUN_END_RE.search(text, start, end):
        cut = _CUT_CLAUSE_RE.match(text, end)
        if cut and not any(w in CUE_FORMS for w in re.findall(r"[a-z]+", cut.group().lower())):
            # (not "… and others | have said they are not interested": a clause of its own speaker)
            # "said IHC has been occupied by Rangers and lawyers | are being subjected to torture": the parse took the
            # next clause's subject into the first one's object, and stopped before its verb; its words run to the comma
            end = cut.end()
    if qids:
        quoted_end = max(spans[qi].end for qi in qids)
        if start < quoted_end < end and _GLOSS_AFTER_RE.match(text, quoted_end, end):
            # 'acknowledges that the RSF “set fire to civilian aircraft,” which the company has confirmed': after the
            # last quoted words, a relative clause is the writer's gloss
            end = quoted_end
    if end - start < 2:
        return None
    if not qids and lemma == "report" and _MEDIUM_TAIL_RE.search(text, start, end) \
            and not any(t.tag_ in _FINITE_TAGS for t in doc[first:last + 1]):
        return None                     # "reported Soleimani's death in a breaking news alert": a happening announced
    if qids:
        for qi in qids:
            spans[qi].claimed = True
        whole = len(qids) == 1 and spans[qids[0]].start <= start and spans[qids[0]].end >= end
        kind = "direct" if whole else "mixed"
        if whole:
            start, end = spans[qids[0]].start, spans[qids[0]].end
    else:
        kind = "indirect"
    if lemma in QUOTE_ONLY_CUES and kind == "indirect":
        return None                     # "China is ready to continue to consolidate": no speech
    if (lemma in _DEED_CUES or lemma == "declare") and kind == "indirect" and _a_deed(tok):
        return None                     # "claimed a resounding victory", "maintains a database": no statement
    if lemma in _THING_CUES and kind == "indirect" and _a_thing_named(tok, lemma):
        return None                     # "announced protests", "denied the allegations by X that …": no words
    if lemma in _STRIKE_CUES and kind == "indirect" and _a_strike(tok):
        return None                     # "claimed that the army had attacked one of its locations": a strike, no words
    if lemma in _ACT_CUES and kind == "indirect" and _an_act(tok):
        return None                     # "India conceded 25 goals", "SEC charges AT&T", "proposed a peace plan": acts
    if kind == "indirect" and any(k.dep_ == "auxpass" for k in tok.children) \
            and not any(k.dep_ in ("ccomp", "xcomp", "oprd", "parataxis") for k in tok.children):
        # "it was rejected by both Ukraine and the West for failing to …": the agent's act, and the reason given is
        # the writer's; a passive says what was said only in a clause ("it was announced by the ministry that …")
        return None
    if lemma not in CORE_SET and kind == "indirect" and end - start > 400:
        return None
    return _make_quote(aid, text, start, end, kind, tok, u, subj, names)


# "A soldier at the port, where relatives … scrambled for news, told AFP:", "President Mahama, who was swearing-in the
# new governor, Dr Wampah, urged …": a phrase opening the sentence, then a relative clause (one comma inside it
# allowed) closed by a comma right before the cue
_RELATIVE_BEFORE_RE = re.compile(r"\s*(?P<np>[^,]{2,80}?)\s*,\s+(?:who|whose|where|which|when)\b[^,]{0,200}(?:,[^,]{0,120})?,\s*$")


def _owner_of_relative(tok, subj):
    """The cue's subject when a relative clause stands between it and the verb: the parse can take a noun inside the
    clause ("relatives", "the new governor") for the subject; the phrase the clause hangs from spoke."""
    doc = tok.doc
    sent = tok.sent
    m = _RELATIVE_BEFORE_RE.match(doc.text[sent.start_char:tok.idx])
    if m is None or (subj is not None and subj.idx < sent.start_char + m.end("np")):
        return subj
    lo, hi = sent.start_char + m.start("np"), sent.start_char + m.end("np")
    heads = [t for t in sent if lo <= t.idx < hi and not (lo <= t.head.idx < hi and t.head.i != t.i)]
    if len(heads) != 1 or not heads[0].tag_.startswith("N") or doc[sent.start].tag_ in ("IN", "RB", "WRB", "CC"):
        return subj                     # "In reaction to the blast, which …": an opening phrase, no subject
    return heads[0]


def _a_call_made(tok, doc, first: int, last: int) -> bool:
    """Whether "call" has one short noun object and nothing more ("call dispatchers", "called the police"): a call made,
    not a name given ("called it something else", "called protestors "thugs"", "called for calm")."""
    if any(k.dep_ in _CALL_COMPLEMENTS for k in tok.children) or last - first > 2:
        return False
    objs = [k for k in tok.children if k.dep_ in ("dobj", "npadvmod", "attr", "oprd", "dative")]
    after = doc[last + 1] if last + 1 < len(doc) else None
    return len(objs) == 1 and objs[0].dep_ == "dobj" and objs[0].left_edge.i == first and objs[0].right_edge.i == last \
        and not (after is not None and (after.lower_ == "as" or after.text in QUOTE_CHARS or after.tag_ in ("``", "''")))


_COPULAS = frozenset("is was are were be been being am".split())
# What makes "call" a verb of words: "called it a sham", "called for …", "called on X to …", "called that …"
_CALL_COMPLEMENTS = frozenset("oprd xcomp ccomp prep dative attr acomp advcl parataxis".split())
_FINITE_TAGS = frozenset("VBD VBZ VBP MD".split())
# a report's medium closing its object: "… in a breaking news alert", "in a statement on Telegram"
_MEDIUM_TAIL_RE = re.compile(r"\b(?:in|on|via|through)\s+(?:an?|the|its|their|his|her)\s+(?:[\w-]+\s+){0,3}"
                             r"(?:alert|bulletin|broadcast|flash|statement|tweet|post|message|release|report|newscast)s?\W*$")


def _appositive_speaker(tok):
    """The speaker of a sentence-final frame the parser read as an apposition: in "X is approving the project, a
    source familiar with the decision told Reuters." the cue has no subject of its own and "a source …" hangs from
    "project"; taking the main clause's subject would credit the administration with the source's words."""
    if tok.dep_ not in ("conj", "ROOT") or any(k.dep_ in ("nsubj", "nsubjpass", "expl", "ccomp", "xcomp", "parataxis")
                                                for k in tok.children):
        return None                     # a subject, or content after the verb: not a sentence-final frame
    n = tok.doc[tok.i - 1]
    while n.dep_ != "appos" and n.head.i != n.i and n.head.i < tok.i:
        n = n.head
    if n.dep_ != "appos" or not n.tag_.startswith("NN") or n.right_edge.i != tok.i - 1:
        return None
    comma = n.left_edge.i - 1
    if comma <= tok.sent.start or tok.doc[comma].text != ",":
        return None
    # what comes before must be a clause ("In another appeal to Iowa farmers, Joni Ernst announced …" is no content)
    return n if any(t.tag_.startswith("VB") or t.tag_ == "MD" for t in tok.doc[tok.sent.start:comma]) else None


def _from_trailing_appositive(aid, text, u: Unit, tok, spans, names) -> Quote | None:
    """A sentence-final attribution whose speaker was parsed as an apposition: the content is the clause before it."""
    app = _appositive_speaker(tok)
    if app is None:
        return None
    return _quote_over(aid, text, u, tok, spans, names, app, tok.sent.start, app.left_edge.i - 2)


# a full stop that is no abbreviation's ("Mr.", "Dr.", "U.S."), or "!" / "?", before a space
_SENTENCE_END_RE = re.compile(r"(?<!\b[A-Z][a-z])(?<!\b[A-Z])\.\s|[!?]\s")


def _quote_after_sentence_end(u: Unit, tok, qi: int) -> bool:
    """The quote comes after the cue's sentence has ended ('… would continue. "B," X said.')."""
    piece = next(p for p in u.pieces if p[4] == qi)
    between = u.frame[tok.idx + len(tok.text):piece[0]]
    return piece[0] > tok.idx and _SENTENCE_END_RE.search(between + " ") is not None


def _free_quote(u: Unit, spans) -> int | None:
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


def _according_to(aid, text, u: Unit, tok, names) -> Quote | None:
    """"According to X, CLAUSE" / "CLAUSE, according to X": X is the source, the clause the content."""
    doc = u.doc
    to = doc[tok.i + 1]
    src = next((k for k in to.children if k.dep_ == "pobj"), None)
    if src is None:
        src = next((k for k in tok.children if k.dep_ == "pobj"), None)
    if src is None or src.lower_ in _MEDIA_NOUNS:
        return None                     # "according to video by WAFB": what a film shows, no one's words
    phrase_first, phrase_last = tok.i, max(src.right_edge.i, to.right_edge.i)
    head = tok.head if tok.head.i != tok.i else None
    while head is not None and head.dep_ == "advmod" and head.tag_ in ("FW", "RB") and head.head.i != head.i:
        # the phrase hung on an adverb of the clause ("the deal has been de facto terminated": "facto"): its clause is
        # the adverb's verb's (fc40: Meduza's row stopped at "de facto", cut before "terminated as of July 17")
        head = head.head
    sent_first, sent_last = 0, len(doc) - 1
    if head is not None and tok.dep_ != "ROOT":
        sent_first, sent_last = head.left_edge.i, head.right_edge.i
    before = any(t.tag_ in _FINITE_TAGS for t in doc[sent_first:phrase_first])
    after = any(t.tag_ in _FINITE_TAGS for t in doc[phrase_last + 1:sent_last + 1])
    if before != after:
        # "Six million people are in need of aid, according to OCHA, as a result of years of conflict": the clause
        # is what OCHA says, the verbless phrase after it the writer's cause
        first, last = (sent_first, phrase_first - 1) if before else (phrase_last + 1, sent_last)
    elif phrase_first - sent_first > sent_last - phrase_last:
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
    kind = "mixed" if any(c in text[start:end] for c in QUOTE_CHARS) else "indirect"
    return _make_quote(aid, text, start, end, kind, tok, u, src, names, cue_text="according to")


_CAPS_WORD_RE = re.compile(r"[A-Z]{3,}\b")


def _make_quote(aid, text, start, end, kind, cue_tok, u: Unit, subj, names: NameIndex,
                cue_text: str | None = None) -> Quote:
    """Build a Quote: resolve the speaker mention to a name, type and role."""
    if kind != "direct" and _CAPS_WORD_RE.match(text, start):
        # a dateline inside the page ("GENEVA (Sputnik) — De Mistura does not …") is the wire's furniture, not the
        # speaker's words (only in capitals: "Clinton, Christine Pelosi — daughter of …" is no dateline)
        start += dateline_end(text[start:end])
    doc = subj.doc
    first, last = speaker_tokens(subj)
    if first <= cue_tok.i <= last and cue_tok.doc is doc:
        last = max(first, cue_tok.i - 1)   # "some US officials accusing …": the mention ends at its cue
    s_start, s_end = _span_orig(u, doc, first, last)
    words = [t.text for t in doc[first:last + 1]]
    tags = [t.tag_ for t in doc[first:last + 1]]
    stype = classify_speaker(words, tags, subj.lower_)
    role = role_of(subj, first, last) if stype in ("person", "anonymous") else None
    name_idx = name_tokens(doc, first, last) if stype == "person" else []
    name = "".join(doc[i].text_with_ws for i in name_idx).strip() if name_idx else text[s_start:s_end]
    speaker, stype = resolve_speaker(text[s_start:s_end], name, stype, s_start, names, (start, end))
    if kind in ("indirect", "mixed") and stype == "person":
        names.report(start, end)
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
        source = _source_line(text, sp.start)
        if source is not None:
            out.append(Quote(aid, text[sp.start:sp.end], sp.start, sp.end, "direct", None, text[source[0]:source[1]],
                             source[0], source[1], "unknown", None))
            last_by_unit[ui] = out[-1]
            sp.claimed = True
            continue
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
                if units[cand].para != u.para and not _speech_cue(src):
                    # a quote opening a new paragraph goes on from the paragraph before only when that one ended
                    # in the speaker's words ("Rach said his team would …", "He said:"), not in an act ("it was
                    # rejected by both Ukraine and the West", "China proposed a peace plan")
                    src = None
                break
        if src is None:
            if not settings.quote_keep_unattributed or sp.words < settings.quote_min_unattributed_words:
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


# 'Source: Zelenskyy at a joint press conference with …' on its own line, then 'Quote: "…"': a house format that
# names the speaker on the line above the quote (up to where the line says where or how it was said).
_SOURCE_LINE_RE = re.compile(r"(?:^|\n)[ \t]*Source:[ \t]*(?P<spk>[^\n]{2,120}?)(?:[ \t,]+(?:at|on|in|during|for|to|via|"
                             r"speaking|said|quoted|cited|citing|when|while|after)\b[^\n]*)?[ \t.]*\n\s*Quote:[ \t]*$")


# the item's other labelled lines the house sets between its Source line and a later Quote line ("Details: …", "More
# details: …"): the Source still speaks there (fc40: Ukrainska Pravda's Zelensky quotations below "Details:")
_SOURCE_ONLY_RE = re.compile(r"(?:^|\n)[ \t]*Source:[ \t]*(?P<spk>[^\n]{2,120}?)(?:[ \t,]+(?:at|on|in|during|for|to|via|"
                             r"speaking|said|quoted|cited|citing|when|while|after)\b[^\n]*)?[ \t.]*(?=\n)")
_ITEM_LINE_RE = re.compile(r"[ \t]*(?:(?:More[ \t]+)?[Dd]etails|Quote|Advertisement|Background|Reminder):")


def _source_line(text: str, quote_start: int) -> tuple[int, int] | None:
    """The offsets of the speaker a 'Source: X …' line names for a quote that opens a 'Quote:' line just below it,
    or further below when every line between is one of the item's labelled lines (a quotation under its own "Quote:"
    label, a "Details:" paragraph), not another source's."""
    m = _SOURCE_LINE_RE.search(text, max(0, quote_start - 400), quote_start)
    if m is not None and m.end() == quote_start:
        return m.start("spk"), m.end("spk")
    if not re.search(r"(?:^|\n)[ \t]*Quote:[ \t]*$", text[max(0, quote_start - 40):quote_start]):
        return None
    last = None
    for last in _SOURCE_ONLY_RE.finditer(text, max(0, quote_start - 1500), quote_start):
        pass
    if last is None:
        return None
    between = text[last.end():quote_start].split("\n")
    lines = [ln for ln in between[:-1] if ln.strip()] + [between[-1]]
    if not all(_ITEM_LINE_RE.match(ln) for ln in lines):
        return None
    return last.start("spk"), last.end("spk")


def _speech_cue(q: Quote) -> bool:
    """The attribution's cue is a verb of speech ("said", "told", "added"), or a source's ("according to")."""
    cue = (q.cue or "").lower()
    return cue == "according to" or CUE_FORMS.get(cue) in CORE_SET


def _reported_inside(q: Quote, found: list[Quote]) -> bool:
    """Whether q's words lie inside the words of another attribution of its unit: a report within a report."""
    return q.kind != "pending" and any(o is not q and o.kind != "pending" and o.quote_start <= q.quote_start
                                       and q.quote_end <= o.quote_end and (o.quote_start, o.quote_end)
                                       != (q.quote_start, q.quote_end) for o in found)


def _after_sentence_end(u: Unit, qi: int) -> bool:
    """The quote opens a new sentence inside the unit ('... Dong said. "B."')."""
    piece = next(p for p in u.pieces if p[4] == qi)
    before = u.frame[:piece[0]].rstrip()
    return before.endswith((".", "!", "?")) and len(u.frame[piece[1]:].strip()) <= 2


def _is_bare_quote(u: Unit) -> bool:
    """The unit is (almost) only its quotes: nothing but punctuation around the stand-ins."""
    rest = "".join(u.frame[fs:fe] for fs, fe, _, _, qi in u.pieces if qi is None)
    return len(re.sub(r"[\W_]+", "", rest)) <= 3


def _starts_with_quote(u: Unit) -> bool:
    """The unit opens with a quotation (a continued quote from the paragraph before)."""
    return bool(u.pieces) and u.pieces[0][4] is not None


# ------------------------------------------------------------------------------------- file runner
def read_articles(path: str | Path) -> list[dict]:
    """Articles from JSONL with an id and a text, their titles and texts as an import stores them
    (core.corpus.as_imported: cleaned text, a missing title made), so `quotes`, `cluster`, `compare` and the store
    read the same words; quote and speaker offsets then refer to that stored text, not the raw row's. A bad line
    raises InputError naming the line."""
    return [as_imported(r) for r in read_jsonl(path, require=("id", "text"))]


OUTPUT_FIELDS = ("article_id", "quote", "quote_start", "quote_end", "kind", "cue", "speaker",
                 "speaker_start", "speaker_end", "speaker_type", "speaker_role",
                 "canonical_speaker", "speaker_how", "cut_off")


def _events_of(articles: list[dict], report) -> dict[str, str] | None:
    """Article id -> event, as framelens clusters the file, so speakers are made canonical per event
    ("the defence minister" is the one the event names); None when clustering is not available."""
    try:
        from core.cluster import cluster_batch
    except ImportError:                     # pragma: no cover - clustering is part of framelens
        return None
    report("events", 0, len(articles))
    labels = cluster_batch(articles)
    report("events", len(articles), len(articles))
    return {str(_get(a, "id")): str(e) for a, e in zip(articles, labels)}


def run_quotes_file(input_path: str | Path, output_path: str | Path, progress=True,
                    workers: int | None = None) -> int:
    """Extract attributions from a JSONL of articles into a JSONL of quotes; returns the count.
    progress: True (bars on stderr), False, or a report(stage, done, total) callback; workers: processes
    (None: the quote_workers setting)."""
    from core.quote_pool import cli_workers
    articles = read_articles(input_path)
    with reporting(progress) as report:
        quotes = extract_quotes(articles, progress=report, workers=cli_workers() if workers is None else workers)
        quotes = canonicalise_speakers(quotes, event_of=_events_of(articles, report))
        with open(output_path, "w", encoding="utf-8") as fh:
            for q in quotes:
                d = q.to_dict()
                fh.write(json.dumps({k: d[k] for k in OUTPUT_FIELDS}, ensure_ascii=False) + "\n")
        note(report, f"quotes: {len(quotes)} attributions in {len(articles)} articles -> {output_path}")
    return len(quotes)
