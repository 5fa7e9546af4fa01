"""Speaker resolution: the words that make a mention a person, an organisation or an anonymous source,
the mention's name and role, and the article's names for expanding surnames and resolving pronouns."""
from __future__ import annotations

import re
from bisect import bisect_left, bisect_right, insort
from collections import Counter

from core.config import Settings
from core.gazetteer import country_in
from core.quote_spans import SETTINGS

TITLE_WORDS = set("""mr mrs ms dr prof sen senator rep representative gov governor gen general
admiral adm col colonel lt capt captain sgt president vice minister prime secretary chancellor
premier king queen prince princess pope rev reverend judge justice chief director spokesman
spokeswoman spokesperson ambassador mayor commissioner chairman chairwoman chair ceo
defense defence foreign interior finance state deputy former acting leader speaker house
senate lord sir dame candidate nominee founder officer attorney commander head envoy doctor
democratic republican democrat gop u.s. us sheriff detective inspector professor
cllr councillor councilor councilman councilwoman
assistant special
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
# Occupations written before a name, capitalised at a sentence's start ("Journalist Nikole Hannah-Jones
# said"). Some are also surnames (Gary Player, Peter Singer), so one ends a name only before two name words.
OCCUPATION_WORDS = set("""journalist reporter correspondent columnist commentator author writer novelist poet
historian economist analyst scientist researcher epidemiologist virologist physician surgeon nurse activist
campaigner actor actress singer rapper comedian filmmaker producer artist musician athlete coach player
businessman businesswoman billionaire entrepreneur investor philanthropist pastor priest imam rabbi scholar
expert lawmaker legislator strategist pollster consultant blogger podcaster host anchor""".split())
ANON_MARKERS = set("""a an some several many few two three four one unnamed anonymous senior
familiar other others various numerous multiple""".split())
PRONOUNS = {"he", "she", "they", "i", "we", "you", "it", "him", "her", "them"}
# One capitalised name word: Latin letters with their accents ("Erdoğan", "Šefčovič"), and the
# prefixes that put a second capital inside a name ("McConnell", "MacArthur", "DeSantis", "LaHood",
# "O'Rourke"); all-capital words ("NATO") are not name words.
UP = "A-ZÀ-ÖØ-ÞĀ-Ž"
LO = "a-zß-öø-ÿā-žſ"
NAME_WORD = rf"(?:(?:Mc|Mac|De|Di|Da|Du|La|Le|Fitz|O['’])?[{UP}][{LO}]+)"
# A name word's joined parts: "Al-Sisi", "Fayyaz-ul-Hassan" (a name cut at its second hyphen read "Hassan Chohan");
# possessive, so a run that fails its end is not retried with fewer parts (that made dense 4 MB texts 8x slower)
JOINED = rf"(?:[-'’][{UP}]?[{LO}]+){{0,3}}+"
NAME_RE = re.compile(rf"\b({NAME_WORD}{JOINED}(?:\s+(?:[A-Z]\.\s+)?{NAME_WORD}{JOINED}){{1,2}})\b")


# ---------------------------------------------------------------------------------------- speakers
def speaker_tokens(subj) -> tuple[int, int]:
    """The speaker mention: the subject phrase up to its first comma, apposition or relative clause."""
    doc = subj.doc
    first, last = subj.left_edge.i, subj.i
    full_name = subj.i > first and all(doc[i].tag_ in ("NNP", "NNPS") and not _not_name_word(doc[i].text)
                                       for i in (subj.i - 1, subj.i))   # not "the Russian Ministry of …"
    titled = next((k for k in subj.children if k.dep_ == "appos" and _titled_after_abbreviation(doc, subj, k)), None)
    if titled is not None:
        return first, titled.right_edge.i     # "National Electoral Council (CNE) President Juan Pablo Pozo said"
    for k in subj.children:
        if full_name and k.dep_ == "prep" and k.lower_ == "of":
            continue                             # "Nelson Chamisa of the Movement for Democratic Change": the person
        if k.i > subj.i and k.dep_ in ("prep", "amod", "acl", "compound", "flat", "nummod", "case"):
            last = max(last, k.right_edge.i)
        if k.i > subj.i and k.dep_ in ("appos", "relcl", "punct", "cc", "conj"):
            break
    while first < subj.i and (doc[first].tag_ in ("CC", "IN", ",", "``", "''", "_SP") or doc[first].is_space
                              or doc[first].lower_ in ("but", "and", "so", "from", "yet")):
        first += 1                               # "But Dong said": the conjunction is no name
    # "the EU, whose leaders said" / "the leader rankled critics, who said": a relative's owner, or a
    # finite verb the parse hung on the noun, and all before it are no part of who spoke
    first = next((i + 1 for i in range(subj.i - 1, first - 1, -1) if doc[i].tag_ in ("WP$", "VBD")), first)
    for i in range(subj.i + 1, last + 1):       # never run across a comma into an apposition
        if doc[i].text in (",", "(", "—", "–"):
            last = i - 1
            break
    return first, last


def _titled_after_abbreviation(doc, subj, app) -> bool:
    """Whether a body's name, its abbreviation in brackets and a titled name follow each other ("National Electoral
    Council (CNE) President Juan Pablo Pozo"): the parse hangs the person on the body, but the person speaks."""
    i = subj.i + 1
    if not (i + 2 < app.left_edge.i + 1 and doc[i].text == "(" and doc[i + 2].text == ")" and doc[i + 1].text.isupper()
            and app.left_edge.i == i + 3):
        return False
    words = doc[app.left_edge.i:app.i + 1]
    return len(words) >= 3 and words[0].lower_ in TITLE_WORDS and all(t.tag_ in ("NNP", "NNPS") for t in words)


def role_of(subj, first: int, last: int) -> str | None:
    """Role from titles before the name ("Defense Minister Dong Jun") or an apposition."""
    doc = subj.doc
    titles = [t for t in doc[first:last + 1] if t.lower_ in TITLE_WORDS or t.tag_ in ("JJ", "NN")]
    name = name_tokens(doc, first, last)
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
                if name_tokens(doc, k.left_edge.i, k.right_edge.i) and not role \
                        and not name:            # "the minister, Dong Jun": the name is in appos
                    return None
                role = text if not role else role + ", " + text
            break
    if role is None and not name and subj.tag_.startswith("NN") and titles:
        return None
    return role


def _joined_to_name(doc, i: int, idx: list[int]) -> bool:
    """Whether token i is glued to the name's next token by a hyphen or apostrophe ("Fayyaz-ul-Hassan Chohan" parses
    as Fayyaz - ul - Hassan): a part of the name, which would be cut at its second hyphen otherwise."""
    return bool(idx) and idx[-1] == i + 1 and not doc[i].whitespace_ and i > 0 and not doc[i - 1].whitespace_ \
        and (doc[i].text in "-'’" or doc[i + 1].text in "-'’")


def name_tokens(doc, first: int, last: int) -> list[int]:
    """Token indices of the proper name at the end of first..last (titles stripped)."""
    idx = []
    i = last
    while i >= first and ((doc[i].tag_ in ("NNP", "NNPS") and doc[i].lower_ not in TITLE_WORDS)
                          or _joined_to_name(doc, i, idx)):
        if doc[i].lower_ == "large" and i > first and doc[i - 1].lower_ == "at":
            break                               # "Ambassador at Large Mikhail Shvydkoy": the title's last word
        idx.append(i)
        i -= 1
    # "Mr. Obama", "Sen. Ted Cruz": stop at a title even if tagged NNP
    k = min(idx, default=first) - 1
    if idx and k - 1 >= first and doc[k].lower_ == "of" and doc[k - 1].tag_ in ("NNP", "NNPS") \
            and doc[k - 1].lower_ not in TITLE_WORDS:
        return name_tokens(doc, first, k - 1)   # "Sen. Chris Coons of Delaware": who, not where from
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


# Where a sentence starts: after a stop (and closing marks) and a space, or after a line break.
# A title's or a middle initial's full stop ends no sentence: "Mr. Netanyahu", "Sens. Dick Durbin", "Joseph M. Sellers".
_ABBREVIATION_END = "".join(rf"(?<!\b{a})" for a in ("Mr", "Mrs", "Ms", "Dr", "St", "Sen", "Sens", "Rep", "Reps", "Gov",
                                                     "Gen", "Lt", "Col", "Sgt", "Capt", "Adm", "Prof", "Rev", "Asst", "Atty"))
SENTENCE_START_RE = re.compile(rf"(?:{_ABBREVIATION_END}(?<!\s[A-Z])\.|[!?])[\"”’)]*\s+(?=[\"“‘(]?[A-Z])|\n+")
_AFTER_PLACE_WORD_RE = re.compile(r"\b(?:in|of|near|outside)\s+(?:the\s+)?$", re.I)   # "Map of Novaya Kakhovka"
_NEXT_CAPITAL_RE = re.compile(r"[ \t]+[A-Z][a-z]")
# Around a name in a sentence: its titles ("Former Speaker of the House"), and what marks it as no subject.
_TITLES_RUN_RE = re.compile(r"(?:(?:[A-Z][\w.’'-]*|the|of)\s+)*$")
_OBJECT_MARK_RE = re.compile(r"\b(?:by|with|to|of|for|from|against|than|about|at|on|after|before|beyond|like|among|"
                             r"between|under|over|via|toward|towards|whom|and|[a-z]+ing)\s*$")   # "naming Sean Hannity"
# a person named as the subject of a speech verb closing the sentence after a comma ("Russian President X has called …,
# Kremlin Spokesman Y told reporters."): the sentence is Y's report, and whom its content names (X) is no speaker
_CLOSING_SPEECH_AFTER_RE = re.compile(r"\s+(?:told|said|says|tells|added|adds|stated|explained|noted|stressed|"
                                      r"confirmed|announced)\b[^.!?\"“”]{0,40}[.!?]?\s*$")
# "according to Y" after a quotation its own speaker was named for ("'…,' X said, according to Y."): Y relays X's words
_ACCORDING_BEFORE_RE = re.compile(r"\baccording\s+to\s+(?:(?:the|his|her)\s+)?(?:[a-z]+\s+){0,3}$")
# … and X, so relayed, is the speaker of words a "he" after them goes on from, though they lie in Y's report
_RELAYED_SPEAKER_RE = re.compile(r"[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){0,2}\s+(?:said|says|added|adds|stated)\s*,\s*"
                                 r"according\s+to\b")
# A relative clause's object: "the uprising that toppled Hasina" names whom it toppled, never the "he" after it
_RELATIVE_OBJECT_RE = re.compile(r"\b(?:that|which|who)\s+(?:had\s+|has\s+)?[a-z]+ed\s+(?:[A-Z][\w.’'-]*\s+){0,3}$")
# Prepositions that open a sentence on a phrase before its subject ("In …,", "Despite …,")
_OPENING_PREPS = "After|Before|Despite|Unlike|Like|In|At|On|During|With|Without|For|From|By"
_OPENING_CLAUSE_RE = re.compile(r"[\s“\"‘(]*(?:When|As|While|If|Although|Though|Because|Since|Until|Once|"
                                rf"{_OPENING_PREPS})\b[^,;—–]*$")
# A name set in apposition to an object ("joined by his running mate, Gibran …"): someone else's, no subject. Not
# after an opening phrase up to its comma ("At a rally with supporters, Joe Biden mocked …"): the name there opens
# the main clause (_OPENING_PHRASE_RE)
_OPENING_PHRASE_RE = re.compile(rf"[\s“\"‘(]*(?:{_OPENING_PREPS}|Amid|Ahead|Following|Speaking|Addressing|Asked|Under|"
                                r"Over|Across|Inside|Outside|Earlier|Later|Separately|Meanwhile)\b[^,;—–.!?]*,\s*$")
_OBJECT_APPOSITION_RE = re.compile(r"\b(?:by|with|to|of|for|from|against|about|among|between|toward|towards)\s+"
                                   r"(?:[\w’'-]+\s+){0,3}[\w’'-]+,\s*$")
# A sentence opening on one capitalised word and a verb ("Prabowo thanked …"): a subject no candidate name holds
_LONE_SUBJECT_RE = re.compile(r"[\s“\"‘(]*(?!(?:The|A|An|This|That|These|Those|He|She|It|They|We|I|You|His|Her|Its|"
                              r"Their|Our|My)\b)(?P<word>[A-Z][a-z’'-]+)\s+[a-z]{3,}ed\b")
# A sentence opening on a participle clause up to its comma ("Calling George Floyd's family later, he said")
_PARTICIPLE_OPEN_RE = re.compile(r"[\s“\"‘(]*[A-Z][a-z]{2,}ing\b[^,;—–.!?\n]*,")
_PARTICIPLE_WORD_RE = re.compile(r"[A-Z][a-z]{2,}ing")
_SENTENCE_OPEN_RE = re.compile(r"(?:\A|[.!?][\"”’)]*\s+|\n)[\"“‘(]?\Z")
# Names that end like a participle ("Sterling Brown", "Irving Berlin"); shorter ones (King, Ewing, Ming) never match
# _PARTICIPLE_WORD_RE's two letters before "ing"
_ING_NAMES = frozenset("""sterling stirling irving channing manning browning fleming golding harding cushing kipling
jinping""".split())
_NOT_SUBJECT_NEXT_RE = re.compile(r"(?:['’]s?\b|\s+(?:of|for|from|to|with|and|or)\b)")
_GROUP_PLURAL_RE = re.compile(r"(?:ans|ats|ists|ites|ives|als|ers|ies)$")   # "Democrats", "Republicans": no "he"
_WHICH_NEXT_RE = re.compile(r",?\s+which\b")   # "Twitter, which …": a thing, not a person
_POSSESSIVE_RE = re.compile(r"['’]s$")
_DASH_RE = re.compile(r"\s[—–]\s|—")
_LONE_NAME_RE = re.compile(rf"{NAME_WORD}{JOINED}")   # one name word: "Zelenskyy", "Al-Sisi"
CAP_WORD_RE = re.compile(rf"\b{NAME_WORD}[{LO}'’-]*\b")
# A run of capitalised words (with initials): where person names are looked for.
# (a name never runs across a line break: "Beck Wows CPAC Crowd\nBeck said" names no "Crowd Beck")
CAPS_RUN_RE = re.compile(rf"\b{NAME_WORD}{JOINED}(?:[ \t\xa0]+(?:[A-Z]\.[ \t\xa0]+)?{NAME_WORD}{JOINED}){{1,5}}\b")
# A nickname's introduction: the name after it is an alias of a person named otherwise ("James Mattis, nicknamed
# "Mad Dog Mattis"", "dubbed the Iron Lady", "known as Mad Dog"), never a person of its own to expand a surname into
# A number right after a capitalised run: the run names a product or a model ("Tesla Model 3")
_NUMBER_NEXT_RE = re.compile(r"[ \t\xa0]+\d")
_NICKNAME_BEFORE_RE = re.compile(r"\b(?:nicknamed|nicknames?|dubbed|known\s+as|a\.?k\.?a\.?)[ \t\xa0]*[\"“‘'«]?[ \t\xa0]*\Z")
# Words in a capitalised run that are not part of a person's name: places, buildings, bodies.
PLACE_WORDS = set("""city hall street square avenue river region oblast district province county
airport station university college school hospital church cathedral palace park bridge dam plant
center centre theatre theater museum stadium arena island mountain lake sea ocean valley republic
federation kingdom state states union east west north south middle one two three europe asia africa
americas korea mount mt volcano tower""".split())


# Titles that only a person carries, so the one capitalised word after them is a name.
PERSON_TITLES = set("""mr mrs ms dr sen senator rep gov governor gen admiral president
minister secretary chancellor premier king queen prince princess pope judge ambassador mayor
spokesman spokeswoman spokesperson cllr councillor councilor""".split())


def _not_name_word(word: str) -> bool:
    """A word of a capitalised run that ends any name before it: a title, place, body or country."""
    low = word.lower().strip(".")
    return (low in TITLE_WORDS or low in NOT_NAMES or low in ORG_WORDS or low in GOV_PLACES
            or low in PLACE_WORDS or low in BODY_NAME_WORDS or country_in([word])[0] is not None)


def _a_country(words: list[str]) -> bool:
    """Whether the words together are a country's name or adjective ("Sri Lankan", "South Korean"), no one's name."""
    country, rest = country_in(words)
    return country is not None and not rest


# Words of institutions' and events' names, never of a person's ("National Security and Defense Council").
BODY_NAME_WORDS = set("""national security council federal central general international united
ministry agency committee commission department bureau directorate service services affairs
intelligence defense defence emergency emergencies foreign interior justice health finance energy
armed forces guard guards navy army police court parliament assembly duma senate congress party
company corporation group holdings bank fund foundation institute university school college
hospital airlines airways railways news media press television radio times post daily weekly
summit forum conference games war peace treaty accord operation day week year""".split())


# Capitalised only because they open a sentence: never part of a name.
NOT_NAMES = set("""but and the so when while as if in on at after before then yet or for a an this
that from with by of to meanwhile however although despite during under through since until
because though unless whether where why how what who amid among against without within about over
including like unlike following meet another various several many some most both each every other
others all any few such edt est cdt cst mdt mst pdt pst gmt utc bst cet cest msk jst""".split())


# "Manning said she …", "Assange, who denies …, said he …": the pronoun a text itself uses for a named person
_SAID_PRONOUN_RE = re.compile(r"\b([A-Z][\w'’-]+),?\s+(?:said|says|told|added|wrote|insisted|argued)\s+(?:that\s+)?"
                              r"(he|she|his|her)\b")
_GENDER_TITLE_RE = re.compile(r"\b(Mr|Mrs|Ms|Miss)\.?\s+([A-Z][\w'’-]+)")


# "Trump — and his top spokespersons", "Sanders and her deputies": a possessive joined straight to a name
_NAME_THEN_OWN_RE = re.compile(r"\b([A-Z][\w'’-]+)[ \t]+(?:[—–][ \t]+)?and[ \t]+(his|her)\b")
# Given names only one sex bears in English-language news: the name the text gives says the pronoun too
# ("Sarah Huckabee Sanders" is a she, "Donald Trump" a he); names borne by both (Lindsey, Jean, Kim) are left out
_GIVEN_F = frozenset("""sarah nancy hillary elizabeth mary susan karen linda patricia jennifer maria angela theresa
kamala michelle melania ivanka kellyanne nikki ursula christine margaret catherine kate jane julie lisa laura emily
jessica rebecca barbara anne helen sandra deborah heather amy elise liz betsy dianne kirsten tulsi ilhan
alexandria marsha cindy ruth sonia elena""".split())
_GIVEN_M = frozenset("""donald joe john michael james robert william david richard thomas charles mark paul steven
george barack mike vladimir boris emmanuel mitch chuck bernie ted rand marco kevin peter dmitry sergei sergey
benjamin bill jim tom""".split())
_GIVEN_NAME_RE = re.compile(r"\b(" + "|".join(sorted(w.title() for w in _GIVEN_F | _GIVEN_M)) + r")[ \t]+"
                            r"(?:[A-Z]\.[ \t]+|[A-Z][\w'’-]+[ \t]+(?=[A-Z]))?([A-Z][\w'’-]+)")


def pronoun_genders(text: str) -> dict[str, set[str]]:
    """Name word -> the pronouns ("m", "f") the text itself uses for that person: right after a speech verb,
    by a Mr./Mrs./Ms. before the name, by a his/her joined to it, or by a given name one sex bears."""
    out: dict[str, set[str]] = {}
    for m in _NAME_THEN_OWN_RE.finditer(text):
        out.setdefault(m.group(1), set()).add("f" if m.group(2).lower() == "her" else "m")
    for m in _GIVEN_NAME_RE.finditer(text):
        low = m.group(1).lower()
        out.setdefault(_POSSESSIVE_RE.sub("", m.group(2)), set()).add("f" if low in _GIVEN_F else "m")
    for m in _SAID_PRONOUN_RE.finditer(text):
        out.setdefault(m.group(1), set()).add("f" if m.group(2).lower() in ("she", "her") else "m")
    for m in _GENDER_TITLE_RE.finditer(text):        # "Ms. Coulter", "Mr. Obama": the title says it too
        out.setdefault(m.group(2), set()).add("m" if m.group(1) == "Mr" else "f")
    return out


def gender_agrees(genders: dict[str, set[str]], name: str | None, want: str) -> bool:
    """Whether a he (want "m") or she ("f") may refer to this person: the text never uses only the other for them."""
    seen = set().union(*(genders.get(w, set()) for w in (name or "").split()))   # "Chelsea said she", "Manning …"
    return not seen or want in seen


class NameIndex:
    """Person names seen in an article, to expand surnames and resolve pronouns.

    Both lists are kept sorted by offset and searched by bisection within a window, so one lookup
    costs the same in a 2 KB article and a 4 MB one."""

    def __init__(self, text: str, settings: Settings = SETTINGS, quoted: list[tuple[int, int]] = ()):
        self.text = text
        self.mentions: list[tuple[int, str]] = []     # (offset, full name) of resolved persons
        self._cands = None
        self._occ: list[tuple[int, str]] | None = None
        self._sentences: list[int] | None = None
        self.quoted = sorted(quoted)                   # (start, end) of quotations: no antecedents there
        self.reported: list[tuple[int, int]] = []      # (start, end) of what a named person was reported saying
        self.settings = settings
        self._genders: dict[str, set[str]] | None = None
        self._by_word: dict[str, set[str]] | None = None   # full names by each of their words (_only_one_named)
        self.lone: list[tuple[int, str]] = []          # (offset, word) of one-word speakers of no known type
        self._name_words: set[str] | None = None       # every word of the article's full names (_in_a_name)

    def candidates(self) -> list[tuple[int, str]]:
        """Names of two or three capitalised words, a cheap stand-in for PERSON entities: the end of
        a capitalised run after its titles ("Chinese President Xi Jinping" -> "Xi Jinping")."""
        if self._cands is None:
            self._cands = []
            for m in CAPS_RUN_RE.finditer(self.text):
                if _NICKNAME_BEFORE_RE.search(self.text, max(0, m.start() - 24), m.start()):
                    continue                           # 'nicknamed "Mad Dog Mattis"': another name of someone named
                if _NUMBER_NEXT_RE.match(self.text, m.end()):
                    continue                           # "Tesla Model 3", "Galaxy Note 9": a product, no person
                words = m.group().split()
                cut = max((i for i, w in enumerate(words) if _not_name_word(w)), default=-1)
                if words[0].lower() == "large" and self.text[max(0, m.start() - 3):m.start()].lower() == "at ":
                    cut = max(cut, 0)                  # "Ambassador at Large Mikhail Shvydkoy": a title's end
                if cut < 0 and _PARTICIPLE_WORD_RE.fullmatch(words[0]) and words[0].lower() not in _ING_NAMES \
                        and _SENTENCE_OPEN_RE.search(self.text, max(0, m.start() - 4), m.start()):
                    cut = 0                            # "Calling George Floyd's family later, he said": a participle
                name = words[cut + 1:]
                titled = len(name) == 1 and cut >= 0 and words[cut].lower().strip(".") in PERSON_TITLES
                if len(name) >= 2 and _a_country(name):
                    continue                           # "the Sri Lankan prime minister": a country's adjective
                if 2 <= len(name) <= 3 or titled:      # "President Trump", "Mr. Kim": a name too
                    offset = m.start() + len(" ".join(words[:cut + 1])) + (1 if cut >= 0 else 0)
                    self._cands.append((offset, " ".join(name)))
        return self._cands

    @staticmethod
    def _between(items: list[tuple[int, str]], lo: int, hi: int) -> list[tuple[int, str]]:
        """The (offset, name) items with lo <= offset < hi."""
        return items[bisect_left(items, (lo,)):bisect_left(items, (hi,))]

    def expand(self, name: str, pos: int) -> str:
        """Full name for a surname or short form, from names earlier (or later) in the article."""
        parts = name.split()
        best = None
        w = self.settings.quote_name_window
        for off, full in (self._between(self.mentions, pos - w, pos + w + 1)
                          + self._between(self.candidates(), pos - w, pos + w + 1)):
            fparts = full.split()
            if len(fparts) > len(parts) and all(p in fparts for p in parts):
                key = (off <= pos, len(fparts) <= 3, -abs(pos - off))
                if best is None or key > best[0]:
                    best = (key, full)
        if best is None and len(parts) == 2 and parts[0].lower().rstrip(".") in ("mr", "mrs", "ms", "miss", "dr"):
            return self._only_one_named(parts[1]) or name
        return best[1] if best else name

    def _only_one_named(self, surname: str) -> str | None:
        """The full name of the one person the article names with this surname ("Mr. Cowan" -> "William Cowan"),
        None when no candidate, or more than one ("Mr. Trump" beside Melania Trump and Trump Tower), has it."""
        if self._by_word is None:       # the article's full names by each of their words, once: not per "Mr. X"
            self._by_word = {}
            for full in {_POSSESSIVE_RE.sub("", n) for _, n in self.candidates()}:
                for w in set(full.split()):
                    self._by_word.setdefault(w, set()).add(full)
        fulls = self._by_word.get(surname, set())                   # "President Obama" is one more
        return next(iter(fulls)) if len(fulls) == 1 and next(iter(fulls)).split()[-1] == surname else None

    def resolve_pronoun(self, pron: str, pos: int, window: int, content: tuple[int, int] | None = None) -> str | None:
        """The person a he/she refers to: the subject among the persons named in its own sentence before it
        (see _subject_of), else the last speaker of the two sentences before (unless a sentence since opens
        on another person: "Flynn … was charged. He pleaded guilty"), else the subject of the nearest
        sentence before that names one. Names inside quotations and inside
        what this attribution reports (`content`: "Gandapur is misusing funds, he said" is not Gandapur
        speaking) are not antecedents; the subject of an earlier report can be ("Navalny died, officials
        said. … a poisoning he blamed on the Kremlin"). Nor is a name after "in", "of", "near" ("Map of
        Novaya Kakhovka"): a place, or someone else's (the wife of …)."""
        if pron.lower() not in ("he", "she", "him", "her"):
            return None
        starts = self.sentences()
        here = self._sentence_of(pos)
        i = bisect_right(starts, here - 1) - 1
        before = starts[i] if i >= 0 else 0             # the sentence before this one
        # a speaker named by one word the parse could not type (a surname alone, or a company) counts only
        # in this sentence and the one before: "…, Zelenskyy said. He blamed …"
        prior = [(o, n) for o, n in sorted(self._between(self.occurrences(), pos - window, pos)
                                           + self._between(self.mentions, pos - window, pos)
                                           + self._between(self.lone, before, pos))
                 if not self._in_quote(o) and not (content and content[0] <= o < content[1])
                 and not (self._in_report(o) and not _RELAYED_SPEAKER_RE.match(self.text, o))
                 and not _AFTER_PLACE_WORD_RE.search(self.text, max(0, o - 12), o)]
        # whom "according to" names after another person in the same sentence only relays that person's words:
        # "'…,' Zelensky said, according to Nykyforov. … he added" is not Nykyforov (fc40, The Kyiv Independent)
        prior = [(o, n) for o, n in prior if not self._relays(o, n)]
        acted_on = [o for o, _ in prior if _RELATIVE_OBJECT_RE.search(self.text, max(0, o - 40), o)]
        if acted_on and before <= acted_on[-1] and not any(o > acted_on[-1] for o, _ in prior):
            # "… the uprising that toppled Hasina began, proposes … “…,” he said": the last person named is whom a
            # clause acted on; the speaker is someone named further back, and which one the text no longer says
            return None
        prior = [(o, n) for o, n in prior if o not in acted_on]
        want = "f" if pron.lower() in ("she", "her") else "m"
        prior = [(o, n) for o, n in prior if self.gender_agrees(n, want) and not self._in_link_line(o)]
        if not prior:
            return None

        clause = _PARTICIPLE_OPEN_RE.match(self.text, here)
        if clause and clause.end() <= pos:
            # "Calling George Floyd's family later, he said": whom the opening participle names is its object, never
            # the "he" its main clause opens on (the participle's own subject)
            prior = [(o, n) for o, n in prior if not here <= o < clause.end()]
            if not prior:
                return None
        same = [(o, n) for o, n in prior if o >= here]
        if same:
            return self._subject_of(same, here)
        opening = _OTHERS_OPEN_RE.match(self.text, before, here) if i >= 0 else None
        if opening and opening.group("head") in _PEOPLE_HEADS:
            # "The court asked the lawyers … “…,” he said", "Senior lawyers say … “…,” he said": the sentence before
            # opens on people the text does not name, one of whom may be speaking; no earlier name is safe
            return AMBIGUOUS
        two_before = starts[max(0, i - 1)] if i >= 0 else 0     # the two sentences before: their last speaker
        recent = [(o, n) for o, n in sorted(self._between(self.mentions, two_before, here)
                                            + self._between(self.lone, before, here))
                  if self.gender_agrees(n, want) and not _RELATIVE_OBJECT_RE.search(self.text, max(0, o - 40), o)
                  and not (self._in_report(o) and not _RELAYED_SPEAKER_RE.match(self.text, o))
                  and not self._relays(o, n)]
        last = recent[-1] if recent else None
        inside = [(o, n) for o, n in prior if before <= o < here]
        if last and inside and not any(_same_person(n, last[1]) or self._opens_sentence(o) for o, n in inside) \
                and not re.search(r"\b" + ("she" if want == "f" else "he") + r"\b", self.text[before:here], re.I):
            return AMBIGUOUS            # "… said Cllr Ambrose. It needed to be accepted by Cllr English. He refused": either
        if last and not any(o > last[0] and self._opens_sentence(o) and not _same_person(n, last[1]) for o, n in prior):
            return self._closing_speaker(prior, last[0]) or last[1]
        sent = self._sentence_of(prior[-1][0])
        named = [(o, n) for o, n in prior if o >= sent]
        return self._closing_speaker(prior, sent) or self._subject_of(named, sent)

    def _closing_speaker(self, prior: list[tuple[int, str]], after: int) -> str | None:
        """The person named after `after`, in its sentence, as the subject of a speech verb closing that sentence
        after a comma: the sentence is that person's report and the names before it its content ("Putin has called
        Lukashenko …, Kremlin Spokesman Dmitry Peskov told reporters. '…,' he said" is Peskov: fc40, TASS)."""
        sent = self._sentence_of(after)
        starts = self.sentences()
        end = next((x for x in starts if x > sent), len(self.text))
        for o, n in prior:
            if after <= o < end and o > sent and "," in self.text[sent:o] \
                    and _CLOSING_SPEECH_AFTER_RE.match(self.text, o + len(n), end):
                return n
        return None

    def _relays(self, o: int, n: str) -> bool:
        """Whether the person named at o is the source of an "according to" after another person named earlier in
        the same sentence ("'…,' Zelensky said, according to Nykyforov"): a relay of that person's words."""
        if not _ACCORDING_BEFORE_RE.search(self.text, max(0, o - 40), o):
            return False
        s0 = self._sentence_of(o)
        return any(s0 <= p < o and not _same_person(m, n) for p, m in self._between(self.occurrences(), s0, o)
                   + self._between(self.mentions, s0, o))

    def _sentence_of(self, offset: int) -> int:
        """The start of the sentence holding offset."""
        starts = self.sentences()
        i = bisect_right(starts, offset) - 1
        return starts[i] if i >= 0 else 0

    def _subject_of(self, named: list[tuple[int, str]], start: int) -> str:
        """Of the persons named in one sentence (from `start`), the first that stands where a subject does: not
        after a preposition or a participle ("questioning by Representative Connolly", "naming Sean Hannity"),
        not in an opening clause before its comma ("When Mr. Biden went after …, Mr. Ryan reminded"), not
        before a possessive or "of" ("Mr. Trump’s daughter", "Bill Clinton of Arkansas"), not inside a dashed
        aside ("— as it did President Bill Clinton in the 1990s —"); the first named when none does."""
        for o, n in named:
            before = self.text[start:o]
            after = self.text[o + len(n):o + len(n) + 8]
            bare = _TITLES_RUN_RE.sub("", before, count=1)
            apposed = _OBJECT_APPOSITION_RE.search(bare) and not _OPENING_PHRASE_RE.match(before)
            if not (_OPENING_CLAUSE_RE.match(before) or _OBJECT_MARK_RE.search(bare) or apposed
                    or _NOT_SUBJECT_NEXT_RE.match(after) or len(_DASH_RE.findall(before)) % 2):
                return n
        lone = _LONE_SUBJECT_RE.match(self.text, start)
        if lone and not _not_name_word(lone.group("word")) and not self._in_a_name(lone.group("word")):
            # "Prabowo thanked …, where he was joined by his running mate, Gibran …": the sentence's subject is a
            # name the article never gives in full, and whom it names after it stands elsewhere; no one is safe (a
            # subject named in full elsewhere, "Clinton responded to Vargas", was weighed already, by its sex)
            return AMBIGUOUS
        return named[0][1]

    def _in_a_name(self, word: str) -> bool:
        """Whether the word is one of a name the article gives in full ("Clinton" of "Hillary Clinton")."""
        if self._name_words is None:
            self._name_words = {w for _, n in self.candidates() for w in _POSSESSIVE_RE.sub("", n).split()}
        return word in self._name_words

    def gender_agrees(self, name: str, want: str) -> bool:
        """Whether the article never refers to this person with the other pronoun ("Manning said she …" makes
        Manning no antecedent of "he"); read in one pass over the text, by any word of the name."""
        if self._genders is None:
            self._genders = pronoun_genders(self.text)
            shared = Counter(full.split()[-1] for full in {n for _, n in self.candidates()})
            for surname in (w for w, k in shared.items() if k > 1):
                self._genders.pop(surname, None)        # "Mr. Trump" says nothing of Melania Trump
        return gender_agrees(self._genders, name, want)

    def occurrences(self) -> list[tuple[int, str]]:
        """(offset, full name) of every name candidate and of each later use of its surname alone
        (taken as the person last named in full with it): one pass over the capitalised words."""
        if self._occ is None:
            cands = self.candidates()
            occ = list(cands)
            last_full: dict[str, str] = {}
            k, inside_end = 0, -1
            for m in CAP_WORD_RE.finditer(self.text):
                while k < len(cands) and cands[k][0] <= m.start():
                    last_full[cands[k][1].split()[-1]] = cands[k][1]
                    inside_end = max(inside_end, cands[k][0] + len(cands[k][1]))
                    k += 1
                word = _POSSESSIVE_RE.sub("", m.group())    # "Bolsonaro's four years …": Bolsonaro is named too
                if m.start() >= inside_end and word in last_full \
                        and not _NEXT_CAPITAL_RE.match(self.text, m.end()):   # not "the Kakhovka Hydro Power Plant"
                    occ.append((m.start(), last_full[word]))
            self._occ = sorted(set(occ))
        return self._occ

    def sentences(self) -> list[int]:
        """Offsets where sentences start (a cheap split: after . ! ? and a space, or a newline)."""
        if self._sentences is None:
            self._sentences = [0] + [m.end() for m in SENTENCE_START_RE.finditer(self.text)]
        return self._sentences

    def _opens_sentence(self, offset: int) -> bool:
        """Whether the name at offset opens its sentence or its main clause, titles before it allowed ("Former
        Speaker of the House Newt Gingrich lauded …")."""
        starts = self.sentences()
        start = starts[bisect_right(starts, offset) - 1] if starts and starts[0] <= offset else 0
        lead = self.text[start:offset]
        clause = _OPENING_CLAUSE_RE.match(lead)         # "Despite the swirl of events, Mr. Weiner has not …"
        if clause and lead[clause.end():clause.end() + 1] == ",":
            lead = lead[clause.end() + 1:].lstrip()
        return bool(_TITLES_RUN_RE.fullmatch(lead))

    def _in_link_line(self, offset: int) -> bool:
        """Whether offset lies in a bracketed line, a link to another story ("[Trump to Jilted GOP: Inaction Led
        to Deal With Dems]"): its title-case words are no one named here (looked at within 300 characters)."""
        start = self.text.rfind("\n", max(0, offset - 300), offset) + 1
        if start == 0 and offset > 300:
            return False
        return self.text.startswith("[", start) and self.text.find("]", offset, offset + 300) >= 0

    def _in_quote(self, offset: int) -> bool:
        """Whether offset lies inside a quotation."""
        i = bisect_right(self.quoted, (offset, float("inf"))) - 1
        return i >= 0 and self.quoted[i][0] <= offset < self.quoted[i][1]

    def _in_report(self, offset: int) -> bool:
        """Whether offset lies in what a named person was reported saying ("Ryan said the fact that Judge Ed McLean
        denied … . "…," he said"): whom a speaker's words name is not who the next "he" is; the speaker is."""
        i = bisect_right(self.reported, (offset, float("inf")))
        return any(s <= offset < e for s, e in self.reported[max(0, i - 3):i])

    def add(self, pos: int, name: str) -> None:
        insort(self.mentions, (pos, name))

    def report(self, start: int, end: int) -> None:
        """Note the words a named person was reported saying (see _in_report)."""
        insort(self.reported, (start, end))


# A sentence opening on a noun phrase with no name: "The court asked …", "Senior lawyers say …", "However, the panel …"
_OTHERS_OPEN_RE = re.compile(r"\s*(?:(?:However|But|And|Meanwhile|Later|Earlier),?\s+)?(?:(?:[Tt]he|[Aa]n?|[Tt]wo|[Tt]hree|"
                             r"[Ss]everal|[Ss]ome|[Mm]any|[Oo]ther|[Bb]oth)\s+)?(?:[A-Za-z][a-z-]*\s+){0,2}?"
                             r"(?P<head>[a-z]+)\s+(?!of\b)[a-z]")
_PEOPLE_HEADS = frozenset({"court", "courts", "bench", "judge", "judges", "jury", "panel", "lawyer", "lawyers", "counsel",
                           "prosecutor", "prosecutors", "police", "team", "committee", "council", "officials", "official",
                           "minister", "ministers", "spokesman", "spokeswoman", "spokesperson", "leader", "leaders",
                           "members", "member", "residents", "witnesses", "doctors", "experts", "analysts", "critics",
                           "protesters", "activists", "players", "coach", "president", "governor", "mayor", "chairman",
                           "officers", "authorities", "government", "ministry", "opposition", "delegates", "senators"})


# resolve_pronoun's answer when the sentence before offers someone else: the he/she credits no one, not even the
# speaker just before
AMBIGUOUS = "ambiguous"


def _same_person(a: str, b: str) -> bool:
    """Whether two names of an article may be one person: one's words all among the other's ("Gov. Andrew
    Cuomo", "Andrew Cuomo", "Cuomo")."""
    wa, wb = set(a.split()), set(b.split())
    return wa <= wb or wb <= wa


def resolve_speaker(mention: str, name: str, stype: str, pos: int, names: "NameIndex",
                    content: tuple[int, int] | None = None) -> tuple[str, str]:
    """Resolved speaker name and type for a mention (pronouns and surnames expanded); `content` is
    the span the attribution reports, where a pronoun's antecedent cannot be."""
    if stype == "pronoun":
        resolved = names.resolve_pronoun(mention, pos, names.settings.quote_pronoun_window, content)
        if resolved == AMBIGUOUS:
            return mention, AMBIGUOUS       # no speaker carried on from before either (mentions.settle)
        if resolved:
            names.add(pos, resolved)        # "…, he said. …, he warned": the speaker carries on
        return (resolved, "person") if resolved else (mention, stype)
    if stype == "person":
        name = re.sub(r"(?:['’]s|\.)$", "", name)        # "Dong Jun." (read as June's abbrev.)
        full = names.expand(name, pos)
        if not _WHICH_NEXT_RE.match(names.text, pos + len(mention)):
            names.add(pos, full)            # "Twitter, which does not comment …" is no one "he" goes on from
        return full, stype
    if stype == "organisation":
        return re.sub(r"^(?:the|The)\s+", "", mention), stype
    if stype == "unknown" and _LONE_NAME_RE.fullmatch(mention) and mention.lower() not in OCCUPATION_WORDS \
            and not _GROUP_PLURAL_RE.search(mention) and not _WHICH_NEXT_RE.match(names.text, pos + len(mention)):
        insort(names.lone, (pos, mention))  # "…, Zelenskyy said. He blamed …": who "he" goes on from
    return mention, stype
