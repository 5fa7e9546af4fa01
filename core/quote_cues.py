"""Cue lexicons for quote attribution: speech and attribution verbs, their inflected forms, and the
cheap prefilter that decides which frame sentences are worth a parse."""
from __future__ import annotations

import re

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
predict insist complain threaten signal hint concede agree guess reckon express
voice""".split()
# Not "decline" or "refuse": "declined to comment", "refused to blame Russia" report that nothing was said.
CUE_LEMMAS = set(CORE_CUES) | set(OTHER_CUES)
# Non-speech cues that still earn a parse of their sentence on their own (the rest are only used
# when the sentence is parsed anyway): a speed/recall trade-off measured on PolNeAR train.
PREFILTER_EXTRA = set("""believe think accuse criticize criticise blame praise call agree express
voice""".split())

_IRREGULAR = {
    "say": ["said", "says", "saying"], "tell": ["told", "tells", "telling"],
    "write": ["wrote", "writes", "writing", "written"], "think": ["thought", "thinks", "thinking"],
    "know": ["knew", "knows", "knowing", "known"], "find": ["found", "finds", "finding"],
    "feel": ["felt", "feels", "feeling"], "show": ["showed", "shows", "showing", "shown"],
    "cry": ["cried", "cries", "crying"], "deny": ["denied", "denies", "denying"],
    "reply": ["replied", "replies", "replying"], "testify": ["testified", "testifies", "testifying"],
    "hope": ["hoped", "hopes", "hoping"], "blame": ["blamed", "blames", "blaming"],
    "admit": ["admitted", "admits", "admitting"], "quip": ["quipped", "quips", "quipping"],
    "label": ["labels", "labeled", "labelled", "labeling", "labelling"],
    "signal": ["signals", "signaled", "signalled", "signaling", "signalling"],
    "refer": ["refers", "referred", "referring"], "speak": ["spoke", "spoken", "speaks", "speaking"],
    "sing": ["sang", "sung", "sings", "singing"], "draw": ["drew", "drawn", "draws", "drawing"],
    "read": ["reads", "reading"],
}


def inflect(lemma: str) -> list[str]:
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


CUE_FORMS: dict[str, str] = {f: lem for lem in CUE_LEMMAS for f in inflect(lem)}
# Verbs that frame a quoted fragment as someone's words without being speech verbs ("likened the
# rules to 'burning the Constitution'", "used the phrase 'Islamic terrorism'"). A fragment governed
# by any other verb ("was serving a sentence for 'extremism'", "bears responsibility…") is a scare
# quote or a name whose source the sentence does not give: that verb's subject was its speaker in
# only about half of such cases on PolNeAR train, and in few on realworld.
FRAMING_LEMMAS = """characterize characterise exhort liken laud proclaim rate sing chant talk type
use thank cast issue draw compare term welcome applaud celebrate congratulate invoke read nickname
refer reaffirm interject bemoan reference email forward credit coin echo deride scold herald imply
demur grouse remind debate discuss offer deliver publish release list speak address retweet text
preface dictate recite thunder lash posit rail fume rave snap rip challenge ponder apologize
apologise lambast chide taunt tease dispute rebut refute contest""".split()
GOVERNING_FORMS = frozenset(CUE_FORMS) | {f for lem in FRAMING_LEMMAS for f in inflect(lem)}
CORE_SET = set(CORE_CUES)
CUE_ALT = "|".join(sorted((f for f, lem in CUE_FORMS.items() if lem in CORE_SET and not
                            f.endswith("ing")), key=len, reverse=True))
# Cheap prefilter: a frame sentence is parsed only if it holds one of these words (a set lookup
# over its lowercase words; a big regex alternation cost ~3 s per 1,000 articles on its own), and
# one that can be a verb where it stands when all it holds are NOUN_LIKE ones (has_trigger).
PREFILTER_FORMS = [f for f, lem in CUE_FORMS.items() if lem in CORE_SET or lem in PREFILTER_EXTRA]
CUE_RE = re.compile(r"\b(?:" + "|".join(sorted(map(re.escape, PREFILTER_FORMS), key=len,
                                                  reverse=True)) + r"|according)\b", re.I)
TRIGGERS = frozenset(PREFILTER_FORMS + ["according"])
WORD_RE = re.compile(r"[a-z]+")
# Cue forms that are as often nouns ("the state", "a tweet", "his remarks", "the point"): a sentence
# whose only cue words are these is parsed only where one reads as a verb. On PolNeAR train "state"
# and "states" alone sent ~1,000 sentences to the parser and gave 6 attributions.
NOUN_LIKE = frozenset("""state states point points post posts tweet tweets report reports comment
comments remark remarks claim claims call calls charge charges promise promises note notes answer
answers demand demands pledge pledges voice""".split()) & TRIGGERS
# Words before a verb-like cue: a subject pronoun, an auxiliary or modal, an adverb of speech.
_VERB_BEFORE = frozenset("""i you he she we they it who also to will would can could should may
might must did does do not never later then often repeatedly publicly once""".split())
_DETERMINERS = frozenset("the a an this that these those his her its their our my your".split())
_CASED_WORD_RE = re.compile(r"[A-Za-z]+(?:['’]t)?|:")


def has_trigger(frame: str) -> bool:
    """The frame holds a prefilter cue word (any case) that can be a verb where it stands."""
    hits = TRIGGERS.intersection(WORD_RE.findall(frame.lower()))
    if not hits:
        return False
    return not hits <= NOUN_LIKE or _verb_like(frame, hits)


def _verb_like(frame: str, hits: set[str]) -> bool:
    """A noun-like cue reads as a verb: written in lower case (not "the Islamic State") after a
    pronoun, auxiliary or name ("Trump tweets"), or before "that" or a colon."""
    words = _CASED_WORD_RE.findall(frame)
    for i, w in enumerate(words):
        if w not in hits:
            continue
        prev = words[i - 1] if i else ""
        nxt = words[i + 1].lower() if i + 1 < len(words) else ""
        if (prev.lower() in _VERB_BEFORE or prev.lower().endswith(("n't", "n’t"))
                or nxt in ("that", ":") or (prev[:1].isupper() and prev.lower() not in _DETERMINERS)):
            return True
    return False
