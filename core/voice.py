"""Whose words these are: the outlet's own, quoted (inside quotation marks) or attributed (reported speech).

A framing claim credits a word to an outlet only when the outlet wrote it in its own voice; a word
inside a quotation, or inside a claim the text reports from someone ("Xi said that …", "…, the
ministry said", "according to TASS", "Ukraine accused Russia of …"), belongs to that speaker.
Regex only, no parse, so an event's articles take milliseconds: quotation marks come from
core.quotes.find_quote_spans (plus single curly quotes around short phrases), reporting frames from
a closed list of speech verbs. When the store's extracted quotes are given (core.quotes, spaCy), their
resolved speakers name the speakers of the quotations and frames found here ("he" -> "Dong Jun");
their spans are not used as voices, since a mixed quote's span also covers the outlet's own words.
A speaker the sentence does not name (a pronoun) is left unnamed rather than guessed.
"""
from __future__ import annotations

import bisect
import re
from dataclasses import dataclass

from core.models import get
from core.quotes import find_quote_spans

# Speech verbs whose complement is what the speaker said or claimed. Verbs whose object is the outlet's
# own naming of a thing are left out ("called the massacre an act of terror", "condemned the attack",
# "urged"/"demanded": a request); "X described Y as Z" is caught by _AS_RE instead.
SPEECH_VERBS = frozenset("""
said says say saying told tells telling added adds stated states claimed claims claiming alleged alleges
alleging insisted insists insisting argued argues arguing warned warns warning wrote writes tweeted tweets
suggested suggests suggesting maintained maintains asserted asserts
accused accuses accusing denied denies denying contended contends predicted predicts promised promises
vowed vows complained complains concluded recalled recalls testified testifies
conceded concedes admits
claim allege insist argue warn write tweet suggest maintain assert accuse deny contend
predict promise vow complain recall testify concede
""".split())
# Verbs that report speech only with "that" after them: "announced that …" but "announced a probe".
THAT_VERBS = frozenset("""
declared declares announced announces reported reports confirmed confirms revealed reveals noted notes
explained explains acknowledged acknowledges admitted admits stressed stresses emphasized emphasised
emphasizes indicated indicates observed estimated assured assures charged replied replies responded
pointed relayed
""".split())
TRAILING_REST = 6           # '…," said X': at most this many words name X
PREPOSITIONS = frozenset("in at on during from after before with for under by".split())
_ADVERBIAL_START = PREPOSITIONS | frozenset("reporters journalists told via citing adding as while when last this earlier "
                                             "late early monday tuesday wednesday thursday friday saturday sunday "
                                             "today yesterday".split())
_NOT_SPEAKER_END = frozenset("""also has had have will would later then again repeatedly publicly privately
reportedly recently previously earlier last this on in at monday tuesday wednesday thursday friday saturday
sunday today yesterday week month year morning evening night afternoon once further""".split())
_CLAUSE_WORDS = frozenset("that who which whom whose what and but while as when because if although though "
                          "after before since where".split())
_LEAD_DROP = frozenset("the a an and but as while so yet".split())
PRONOUNS = frozenset("he she they it we i you his her their this that these".split())
_AUX = frozenset("had has have was were is are been be will would could should".split())
MAX_SPEAKER_WORDS = 7

_TOKEN_RE = re.compile(r"[A-Za-z0-9][\w'’.-]*|[,;:()\"“”‘’«»—–]")
# Where reported content stops: a new clause the outlet adds ("…, but it has backed …", "…, which was imposed …").
_CLAUSE_END_RE = re.compile(r"[,;][”\"’]?\s+(?:but|while|though|although|whereas|which|who|yet|despite)\b|;|\s[—–-]\s"
                            r"|,\s+the\s+(?:\w+est|worst|best|first|last|most|latest)\b")     # ", the worst since …": background
# A dateline opening a sentence ("KYIV (Reuters) -", "BEIJING, May 16 (Xinhua) --") is the outlet's.
_DATELINE_RE = re.compile(r"^\s*[A-Z][A-Z .'’-]{2,}(?:,\s*[A-Z][a-z]{2,9}\.?\s+\d{1,2})?\s*(?:\([^)]{1,40}\))?\s*[-—–]+\s*")
# "seen by many Democrats as …": a view credited to someone.
# "X castigated the bill as a power grab", "what he sees as …": the characterisation after "as" is X's.
_AS_RE = re.compile(r"\b(?P<verb>castigated|castigates|castigating|described|describes|describing|branded|brands|branding|"
                    r"labell?ed|labels|labell?ing|derided|derides|deriding|dismissed|dismisses|dismissing|"
                    r"characteri[sz]ed|characteri[sz]ing|portrayed|portrays|portraying|painted|paints|painting|"
                    r"attacked|attacks|attacking|criticized|criticised|criticizing|slammed|blasted|denounced|praised|hailed|"
                    r"sees|saw|views|viewed|regards|regarded|considers|considered)\b(?P<obj>[^.;:]{0,80}?)\bas\s", re.I)
# A headline credited at its end: "Detained suspects had contacts abroad – FSB", "… -key House Republican".
_CREDIT_TAIL_RE = re.compile(r"\s[-–—]\s?(?P<spk>[A-Za-z][\w.'’ -]{1,50})$")
_SEEN_AS_RE = re.compile(r"\b(?:is|are|was|were|been|being) (?:(?:seen|viewed|regarded|considered|described|branded|labell?ed)"
                         r"(?: by (?P<spk>[^,;:.]{2,60}?))? as|accused of)\b", re.I)
_BY_RE = re.compile(r"\bby (?P<spk>(?:[A-Z][\w'’.-]*\s?){1,4})")
# The content of a claim named as a noun: "claims of election fraud", "claims that she …", "fraud claims".
_CLAIM_NOUN_RE = re.compile(r"\b(?:claims?|allegations?|accusations?|assertions?|contentions?|rumou?rs?)\s+(?:of|that)\s"
                            r"|\b(?:concerns?|fears?|worries|suggestions?|reports?)\s+that\s", re.I)
_CLAIM_COMPOUND_RE = re.compile(r"\b(?!(?:the|a|an|his|her|their|its|our|these|those|of|and|or|to|that)\s)"
                                r"(?:[a-z][\w'’-]*\s+){1,2}(?=(?:claims|allegations)\b(?!\s+(?:to|that)\b))")
_ACCORDING_RE = re.compile(r"\baccording to (?P<spk>[^,;:.\"“”()]{2,120}?)(?=[,;:.\"“”()]|$)", re.I)
_SINGLE_QUOTE_RE = re.compile(r"(?<![\w’'])‘(?P<q>(?:[^‘’\n]|’(?=\w)){1,80}?)’(?!\w)"
                              r"|(?<![\w'])'(?=\w)(?P<q2>(?:[^'\n]|'(?=\w)){1,80}?)(?<=[\w.!?])'(?!\w)")
_REPORTED_RE = re.compile(r"\b(?:is|was|were|are) (?:said|reported|alleged|believed|thought|claimed) to\b", re.I)


@dataclass(frozen=True)
class Voice:
    """Whose words a span is: kind own / quoted / attributed, and the speaker when the text names one."""

    kind: str = "own"
    speaker: str | None = None


OWN = Voice()


class VoiceMap:
    """The quoted and attributed spans of one text, queried by character span (frames found lazily per sentence)."""

    def __init__(self, text: str, sentences: list[tuple[int, int]], quotes=None):
        """Find the quotations in text now; reporting frames of a sentence when it is first asked about."""
        self.text, self.sentences = text, sentences
        self._starts = [s for s, _ in sentences]
        self._given = list(_given(quotes, len(text)))
        self.quoted = sorted(_quote_spans(text))
        self._q_starts = [x[0] for x in self.quoted]
        self._q_speakers: dict[tuple[int, int], str | None] = {}
        self._frames: dict[int, list] = {}

    def at(self, start: int, end: int) -> Voice:
        """The voice of text[start:end]: quoted beats attributed beats own."""
        k = bisect.bisect_right(self._q_starts, start)
        for a, b in reversed(self.quoted[max(0, k - 8):k]):     # quotes may nest; check the nearest few
            if a <= start < b:                                   # a term that starts inside quotation marks
                if (a, b) not in self._q_speakers:
                    self._q_speakers[(a, b)] = (_given_speaker(self._given, a, b)
                                                or _quote_speaker(self.text, a, b, self.sentences))
                return Voice("quoted", self._q_speakers[(a, b)])
        n = bisect.bisect_right(self._starts, start) - 1
        if n < 0:
            return OWN
        if n not in self._frames:
            s, e = self.sentences[n]
            spans, verbs = _frames(self.text, s, e)
            self._frames[n] = ([(a, b, _given_speaker(self._given, a, b) or sp) for a, b, sp in spans], verbs)
        spans, verbs = self._frames[n]
        if any(a <= start and end <= b for a, b in verbs):
            return OWN                                          # the reporting verb itself is the outlet's word
        for a, b, speaker in spans:
            if a <= start and end <= b:
                return Voice("attributed", speaker)
        return OWN


def _given(quotes, n: int):
    """The store's quotes as (start, end, direct|indirect, speaker or None), spans checked against the text."""
    for q in quotes or ():
        a, b = get(q, "quote_start"), get(q, "quote_end")
        if not isinstance(a, int) or not isinstance(b, int) or not 0 <= a < b <= n:
            continue
        kind = "indirect" if get(q, "kind", "") == "indirect" else "direct"
        unnamed = get(q, "speaker_type", "") in ("pronoun", "unknown")
        speaker = None if unnamed else (get(q, "canonical_speaker") or get(q, "speaker"))
        yield a, b, kind, speaker


def _given_speaker(given, start: int, end: int) -> str | None:
    """The speaker of a given quote that overlaps [start, end), if any."""
    return next((sp for a, b, _, sp in given if sp and a < end and start < b), None)


def quote_spans(text: str) -> list[tuple[int, int]]:
    """Quoted stretches of text as (start, end): double quotation marks and short single-quoted phrases."""
    return _quote_spans(text)


def names_a_speaker(sentence: str) -> bool:
    """Whether a sentence holds a speech verb of its own ("…," Dong said), so its quotation is credited in it."""
    return any(_low(t) in SPEECH_VERBS or _low(t) in THAT_VERBS or _low(t) == "according" for t in _tokens(sentence))


def _quote_spans(text: str) -> list[tuple[int, int]]:
    """Double-quoted spans (core.quotes) and short single-curly-quoted phrases."""
    # '' closes a quotation in some corpora ("murderers out ''"): read it as a straight mark, same length
    spans = [(sp.start, sp.end) for sp in find_quote_spans(text.replace("''", '" '))]
    spans += [(m.start(), m.end()) for m in _SINGLE_QUOTE_RE.finditer(text)
              if not any(a <= m.start() < b for a, b in spans)]
    return spans


def _quote_speaker(text: str, start: int, end: int, sentences) -> str | None:
    """Who a quotation is credited to: '"…," X said' after it, or 'X said: "…"' before it, in its sentence."""
    k = bisect.bisect_right([s for s, _ in sentences], max(0, end - 1)) - 1
    s_end = sentences[k][1] if k >= 0 else len(text)
    after = _tokens(text[end:max(end, s_end)][:160])
    speaker = _speaker_after(after)
    if speaker is not None:
        return speaker or None
    k0 = bisect.bisect_right([s for s, _ in sentences], start) - 1
    s_start = sentences[k0][0] if k0 >= 0 else 0
    before = _tokens(text[max(s_start, start - 200):start])
    for i in range(len(before) - 1, -1, -1):
        if _low(before[i]) in SPEECH_VERBS or _low(before[i]) in THAT_VERBS:
            inverted = i > 1 and before[i - 1] == "," and before[i - 2] in "”\"’"    # '"…," said Alexei: "…"'
            return _speaker_after_verb(before[i + 1:]) if inverted else _speaker_before(before[:i])
    return None


def _frames(text: str, s: int, e: int) -> tuple[list[tuple[int, int, str | None]], list[tuple[int, int]]]:
    """Attributed content spans of one sentence with their speakers, and the spans of the reporting verbs
    themselves ("TASS claimed": the verb is the outlet's choice, whoever's the content is)."""
    sent = text[s:e]
    dl = _DATELINE_RE.match(sent)
    s0 = s + (dl.end() if dl else 0)
    out = [(s0, e, _clean_speaker(m.group("spk").split())) for m in _ACCORDING_RE.finditer(sent)]
    # a source for the whole sentence ("According to X, Y claims …"): its reporting verbs are X's too
    outer = [m.start() for m in _ACCORDING_RE.finditer(sent)]
    verbs: list[tuple[int, int]] = []
    if _REPORTED_RE.search(sent):
        out.append((s0, e, None))
    for m in _SEEN_AS_RE.finditer(sent):
        end = _clause_end(text, s + m.end(), e)
        by = m.group("spk") or (lambda b: b.group("spk") if b else "")(_BY_RE.search(text, s + m.end(), end))
        out.append((s + m.end(), end, _clean_speaker((by or "").split())))
    for m in _AS_RE.finditer(sent):
        head = _tokens(sent[:m.start()])
        speaker = _speaker_before(head[:-1] if head and _low(head[-1]) in ("what", "that") else head)
        out.append((s + m.end(), _clause_end(text, s + m.end(), e), speaker or None))
        verbs.append((s + m.start("verb"), s + m.end("verb")))
    for m in _CLAIM_NOUN_RE.finditer(sent):
        end = _clause_end(text, s + m.end(), e)
        if m.group().rstrip().lower().endswith("of"):      # "claims of fraud and incite …": a noun phrase
            conj = text.find(" and ", s + m.end(), end)
            end = conj if conj >= 0 else end
        out.append((s + m.end(), end, None))
    for m in _CLAIM_COMPOUND_RE.finditer(sent):
        out.append((s + m.start(), s + m.end(), None))
    tail = _CREDIT_TAIL_RE.search(sent) if not sent.rstrip().endswith((".", "!", "?", "”", '"')) else None
    if tail and len(tail.group("spk").split()) <= 5:
        out.append((s0, s + tail.start(), _clean_speaker(tail.group("spk").split())))
        outer.append(0)
    toks = [(m.group(), m.start(), m.end()) for m in _TOKEN_RE.finditer(sent)]
    ws = [t[0] for t in toks]
    long_words = [w for w in ws if len(w) > 3]
    title_case = bool(long_words) and sum(w[:1].isupper() for w in long_words) >= 0.6 * len(long_words)
    for i, w in enumerate(ws):
        low = _low(w)
        if (low not in SPEECH_VERBS and low not in THAT_VERBS) or (i and _low(ws[i - 1]) in ("be", "been", "being")):
            continue
        if w[:1].isupper() and not title_case:
            continue                               # "the United States", not a verb
        rest = [t for t in ws[i + 1:] if t[:1].isalnum()]
        after = [t for t in ws[i + 1:] if _low(t) not in _NOT_SPEAKER_END]     # "reported Monday, citing …"
        closes = not after or after[0] in ",;"
        if low not in SPEECH_VERBS and not closes \
                and next((t for t in map(_low, rest) if t not in _NOT_SPEAKER_END and t != "out"), "") != "that":
            continue                               # "announced a probe"; but "…, TASS reported." closes a sentence
        verb = (s + toks[i][1], s + toks[i][2])
        upto_comma = [t for t in ws[i + 1:ws.index(",", i) if "," in ws[i + 1:] else len(ws)] if t[:1].isalnum()]
        punct = max((k for k in range(i) if ws[k] in ",”\"’—–"), default=-1)
        after_quote = punct > 0 and (ws[punct] in "”\"’" or ws[punct - 1] in "”\"’")
        if punct > 0 and i == punct + 1 and upto_comma and (upto_comma[0][:1].isupper() or _low(upto_comma[0]) in ("the", "a", "an")) \
                and (after_quote or len(upto_comma) <= TRAILING_REST):
            out.append((s0, s + toks[punct][1], _speaker_after_verb(ws[i + 1:]) or None))   # '…," said Alexei'
            verbs.append(verb)                     # a trailing frame is outermost: its verb is the outlet's
            break
        trailing = after_quote or closes or ("that" not in map(_low, upto_comma) and (not rest or _low(rest[0]) in _ADVERBIAL_START))
        if punct > 0 and i - punct - 1 <= MAX_SPEAKER_WORDS and trailing:
            out.append((s0, s + toks[punct][1], _speaker_before(ws[:i]) or None))   # '…, the spokesman said.'
            verbs.append(verb)
            break
        relative = i > 0 and _low(ws[i - 1]) in ("that", "which", "who")           # "reporting that said …"
        after_comma = low.endswith("ing") and i > 0 and ws[i - 1] == ","        # "…, alleging": the main subject's
        speaker = None if relative or after_comma else _speaker_before(ws[:i])
        participle = low.endswith("ing")                           # "…, saying it had fired", "… alleging that"
        infinitive = i > 0 and _low(ws[i - 1]) == "to" and not low.endswith("s")   # "to claim …", not "to claims"
        if speaker is None and i > 0 and not participle and not relative and not infinitive:
            if low not in SPEECH_VERBS:
                continue                           # "As reported, the FSB said …": try the next verb
            break                                  # a noun ("drawing vows of …"), not a reporting verb
        start = s + toks[i][2]
        out.append((start, _clause_end(text, start, e), speaker or None))   # 'X said (that) …'
        if not any(o < toks[i][1] for o in outer):
            verbs.append(verb)
        verbs += [(s + t[1], s + t[2]) for k, t in enumerate(toks[i + 1:], i + 1)      # "…, claiming it was …"
                  if ws[k - 1] == "," and _low(t[0]).endswith("ing") and _low(t[0]) in SPEECH_VERBS
                  and not any(o < t[1] for o in outer)]
        break
    return out, verbs


def _clause_end(text: str, start: int, end: int) -> int:
    """Where reported content that starts at `start` stops: the sentence end or a clause the outlet adds."""
    m = _CLAUSE_END_RE.search(text, start, end)
    return m.start() if m else end


def _low(word: str) -> str:
    """A token lowercased without the sentence-final period it may carry ("said." -> "said")."""
    return word.lower().rstrip(".")


def _tokens(text: str) -> list[str]:
    """Words and punctuation marks of a short stretch of text."""
    return _TOKEN_RE.findall(text)


def _speaker_after(toks: list[str]) -> str | None:
    """After a quotation: '"…," X said' / '"…," said X' / '"…," X, who …, said': the speaker, '' if
    unnamed, None when no speech verb follows."""
    toks = [t for t in toks if t not in "”\"’"]
    while toks and toks[0] == ",":
        toks = toks[1:]
    np_ = []
    for i, t in enumerate(toks):
        low = _low(t)
        if low in SPEECH_VERBS or low in THAT_VERBS:
            if not np_:
                return _speaker_after_verb(toks[i + 1:]) or ""
            return _speaker_before(np_) if len(np_) <= MAX_SPEAKER_WORDS else None
        if t in ".;:(":
            return None
        if t == "," or low in _CLAUSE_WORDS:
            # an apposition or relative clause: the speaker is the phrase so far if a speech verb follows
            later = toks[i + 1:i + 30]
            verb_at = next((k for k, x in enumerate(later) if _low(x) in SPEECH_VERBS), None)
            if not np_ or verb_at is None or "." in later[:verb_at] or any(_low(x) in _AUX for x in np_):
                return None
            name = later[:verb_at]
            if t == "," and name and name[-1] == "," and 1 < len(name) <= 5 and all(x[:1].isupper() for x in name[:-1]):
                return _clean_speaker(name[:-1])    # '"…," the campaign's manager, Brad Parscale, said'
            return _clean_speaker(np_)
        np_.append(t)
        if len(np_) > MAX_SPEAKER_WORDS:
            return None
    return None


def _speaker_before(toks: list[str]) -> str | None:
    """The subject right before a speech verb: '' for a pronoun, None when there is no plausible subject.

    Asides set off by commas are stepped over ("Trump, in the Rose Garden, declared" -> Trump; "Obama,
    speaking from the White House, said" -> Obama; "Becerra, who has sued …, said" -> Becerra).
    """
    toks = list(toks)
    while toks:
        while toks and (_low(toks[-1]) in _NOT_SPEAKER_END or toks[-1] in ",—–"):
            toks.pop()
        if toks and toks[-1] == ")" and "(" in toks:            # "the Federal Security Service (FSB) said"
            toks = toks[:len(toks) - 1 - toks[::-1].index("(")]
            continue
        c = len(toks) - 1 - toks[::-1].index(",") if "," in toks else -1
        seg = toks[c + 1:]
        if c > 0 and seg and (_low(seg[0]) in PREPOSITIONS or (seg[0].islower() and seg[0].endswith("ing"))):
            toks = toks[:c]                        # an aside between commas: the subject is before it
            continue
        clause = []
        while toks and not (toks[-1] in ",;:()\"“”‘’«»—–" or _low(toks[-1]) in _CLAUSE_WORDS) and len(clause) < 30:
            clause.insert(0, toks.pop())
            if toks and _low(toks[-1]) == "and" and len(clause) <= 3 and len(toks) > 1 and toks[-2][:1].isalnum():
                clause.insert(0, toks.pop())      # "White House officials and lawmakers say"
        aside = clause and (_low(clause[0]) in PREPOSITIONS or (clause[0].islower() and clause[0].endswith("ing")))
        if aside and toks and toks[-1] == ",":
            continue                               # an aside between commas: the subject is before it
        if toks and _low(toks[-1]) in ("who", "which") and len(toks) > 1 and toks[-2] == ",":
            toks = toks[:-2]                       # a relative clause between commas
            continue
        if not clause or len(clause) > MAX_SPEAKER_WORDS or aside:
            return None
        aux = next((k for k, t in enumerate(clause) if _low(t) in _AUX), None)
        if aux is not None:                        # "Russia has for the first time said" -> Russia
            clause = clause[:aux]
            if not clause:
                return None
        last = clause[-1]
        if (last.islower() and last.endswith(("ing", "ed"))) or _low(last) == "to":
            return None                            # "Obama rejected claims", "he refused to say": not a subject
        if len(clause) == 1 and _low(clause[0]) in PRONOUNS:
            return ""
        return _clean_speaker(clause)
    return None


def _speaker_after_verb(toks: list[str]) -> str | None:
    """The speaker in 'said X, …': words up to the next punctuation."""
    out = []
    for t in toks:
        if t in ",;:.()\"“”—–" or _low(t) in _CLAUSE_WORDS or len(out) >= MAX_SPEAKER_WORDS:
            break
        out.append(t)
    if len(out) == 1 and _low(out[0]) in PRONOUNS:
        return ""
    return _clean_speaker(out)


def _clean_speaker(toks: list[str]) -> str | None:
    """A speaker phrase without leading articles and conjunctions, or None when nothing is left."""
    while toks and toks[0].lower() in _LEAD_DROP:
        toks = toks[1:]
    name = " ".join(toks).strip(" .,'’")
    return name or None
