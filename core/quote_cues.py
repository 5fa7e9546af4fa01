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
predict insist complain decline refuse threaten signal hint concede agree guess reckon express
voice""".split()
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
CORE_SET = set(CORE_CUES)
CUE_ALT = "|".join(sorted((f for f, lem in CUE_FORMS.items() if lem in CORE_SET and not
                            f.endswith("ing")), key=len, reverse=True))
# Cheap prefilter: a frame sentence is parsed only if it holds one of these words (a set lookup
# over its lowercase words; a big regex alternation cost ~3 s per 1,000 articles on its own).
PREFILTER_FORMS = [f for f, lem in CUE_FORMS.items() if lem in CORE_SET or lem in PREFILTER_EXTRA]
CUE_RE = re.compile(r"\b(?:" + "|".join(sorted(map(re.escape, PREFILTER_FORMS), key=len,
                                                  reverse=True)) + r"|according)\b", re.I)
TRIGGERS = frozenset(PREFILTER_FORMS + ["according"])
WORD_RE = re.compile(r"[a-z]+")


def has_trigger(frame: str) -> bool:
    """The frame holds a prefilter cue word (any case), exactly what CUE_RE finds."""
    return not TRIGGERS.isdisjoint(WORD_RE.findall(frame.lower()))
