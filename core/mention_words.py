"""The words of speaker mentions: lexicons of what names a speaker and what does not, a person's
bare name at the end of a mention, a mention's head word, a document's author, and the persons an
article names with a title or role (for resolving "the Chinese president" to Xi Jinping)."""
from __future__ import annotations

import re
from bisect import bisect_left, insort
from dataclasses import dataclass, field
from functools import lru_cache

from core.gazetteer import country_in, government, institution, joined, words_of
from core.quote_input import news_outlet
from core.speakers import ANON_HEADS, LO, NAME_WORD, NOT_NAMES, OCCUPATION_WORDS, PLACE_WORDS, TITLE_WORDS

# Words for a written or recorded source: its author is the speaker.
DOC_WORDS = set("""statement statements report reports readout communique communiqué release
announcement announcements message messages post posts tweet tweets video videos footage data
information figures estimate estimates letter transcript decree document documents notice note
notes account accounts update updates bulletin telegram publication publications review analysis
assessment findings conclusion preliminary footages images pictures photos photographs""".split())
# Heads that are happenings, things or places: never a speaker.
THING_WORDS = set("""meeting meetings visit visits talks talk attack attacks hearing hearings event
events incident incidents stance position move moves decision decisions deal agreement agreements
visit summit trip war conflict crisis situation death deaths attempts attempt efforts effort
measures city town village region river dam plant station hall building stage world case cases
process trial investigation probe fire explosion blast crash strikes strike shelling tragedy
film movie book song show series issue issues matter matters question questions way ways time
times day days year years week weeks""".split())
# Heads of vague collectives and unnamed sources: anonymous.
ANON_WORDS = ANON_HEADS | set("""authorities governments countries nations leaders states capitals
observers commentators bloggers users residents locals medics doctors paramedics investigators
eyewitness eyewitnesses mourners relatives allies opponents critics activists protesters
volunteers rescuers officers troops soldiers fighters militants forces intelligence insiders
someone everyone nobody channels media outlets journalists reporters correspondents crew
press newspapers tabloids reports politicians legislators shareholder shareholders investor investors""".split())
# Words that make a mention a news medium, not a person or institution.
MEDIA_WORDS = {"media", "news", "outlet", "outlets", "newspaper", "newspapers",
               "channel", "channels", "tv", "television", "broadcaster", "tabloid", "wire"}
MEDIA_PLURALS = {"outlets", "channels", "newspapers", "tabloids", "reports", "broadcasters"}
REPORTER_WORDS = {"correspondent", "correspondents", "reporter", "reporters", "journalist",
                  "journalists", "witness", "photographer", "crew", "staff", "editor", "columnist"}
SPOKES_WORDS = {"spokesman", "spokeswoman", "spokesperson", "spokespeople", "spokespersons",
                "representative", "representatives", "press", "office", "secretary"}
# Role words whose holder an article can name; synonyms looked for in the article's titles.
ROLE_SYNONYMS = {
    "president": {"president", "leader", "head of state"}, "leader": {"president", "leader", "premier",
    "prime minister", "chairman", "head of state"}, "premier": {"premier", "prime minister"},
    "minister": {"minister"}, "chief": {"chief", "head", "minister", "director", "commander"},
    "head": {"head", "chief", "director", "chairman"}, "director": {"director", "head", "chief"},
    "spokesman": {"spokesman", "spokeswoman", "spokesperson", "press secretary"},
    "spokeswoman": {"spokesman", "spokeswoman", "spokesperson", "press secretary"},
    "spokesperson": {"spokesman", "spokeswoman", "spokesperson", "press secretary"},
    "secretary": {"secretary"}, "ambassador": {"ambassador", "envoy"}, "envoy": {"envoy", "ambassador"},
    "aide": {"aide", "adviser", "advisor"}, "adviser": {"adviser", "advisor", "aide"},
    "commander": {"commander", "chief"}, "mayor": {"mayor"}, "governor": {"governor"},
    "chairman": {"chairman", "chair", "head"}, "general": {"general"}, "prosecutor": {"prosecutor"},
}
DETERMINERS = {"the", "a", "an", "this", "that", "these", "those", "his", "her", "its", "their",
               "our", "some", "several", "many", "both", "two", "three", "all", "other", "another"}
NOT_NAME_CAPS = {"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
                 "january", "february", "march", "april", "may", "june", "july", "august",
                 "september", "october", "november", "december", "read", "more", "source", "link",
                 "photo", "video", "getty", "images", "breaking", "live", "update", "updates",
                 "telegram", "twitter", "facebook", "instagram", "youtube", "x", "staff", "posted"}


@dataclass
class Holder:
    """A person an article names with a role: "Chinese President Xi Jinping"."""

    name: str
    role: set[str] = field(default_factory=set)   # lower-case role words and phrases
    country: str | None = None
    orgs: set[str] = field(default_factory=set)   # institutions in the title ("Kremlin", "FSB")
    now: set[str] = field(default_factory=set)    # role words of a title held now (not "former …")


# "the Western government(s)", "some European countries": a vague collective, not one state.
BLOC_WORDS = {"western", "west", "european", "arab", "african", "asian", "foreign", "other", "some", "several",
              "many", "allied", "nato", "g7", "gulf", "eastern", "regional", "neighbouring", "neighboring"}
COLLECTIVE_HEADS = {"government", "country", "state", "leader", "capital", "nation", "power", "ally"}
# Capitalised words that are no one's name on their own.
COMMON_CAPITALS = {"united", "national", "federal", "royal", "central", "general", "special", "international",
                   "western", "eastern", "northern", "southern", "democratic", "republican", "liberal",
                   "conservative", "communist", "socialist", "islamic", "christian", "muslim", "jewish",
                   "catholic", "orthodox", "breaking", "exclusive", "update", "analysis", "opinion", "editorial",
                   "earlier", "later", "meanwhile", "internet", "online", "constitution"}
QUANTIFIERS = {"many", "some", "others", "most", "several", "few", "all", "everyone", "everybody", "nobody",
               "none", "both", "each", "either", "neither", "one", "anyone", "anybody", "somebody"}
LEADER_ROLES = {"president", "leader", "premier", "prime minister", "chairman", "head of state"}
BODY_HEADS = {"ministry", "agency", "committee", "command", "court", "service", "department",
              "office", "council", "commission", "directorate", "administration", "embassy", "guard"}
ORG_TITLE_WORDS = {"kremlin", "fsb", "nato", "pentagon", "ministry", "foreign", "defense", "defence",
                   "interior", "emergency", "emergencies", "health", "intelligence", "security",
                   "military", "army", "navy", "un", "white", "house", "state", "department"}
# Head words of a body's own name ("Horry County Police Department", "Basmanny District Court").
ORG_HEADS = {"ministry", "department", "agency", "committee", "commission", "council", "court",
             "service", "office", "directorate", "command", "bureau", "administration", "authority",
             "police", "guard", "forces", "army", "navy", "embassy", "party", "company", "corporation",
             "institute", "university", "foundation", "group", "union", "organization", "organisation",
             "association", "center", "centre", "board", "parliament", "assembly", "duma", "senate",
             "congress", "prosecutor's", "headquarters", "staff", "mission", "secretariat", "syndicate",
             "presidency", "festival"}   # "The Palestinian Presidency", "Sydney Writers' Festival": bodies, no persons
# Roles people have towards another person ("Navalny's wife, Yulia Navalnaya,").
PERSONAL_ROLES = {"wife", "husband", "widow", "son", "daughter", "mother", "father", "brother", "sister",
                  "lawyer", "attorney", "aide", "adviser", "advisor", "assistant", "deputy", "ally", "partner"}
NAMED_ROLES = set(ROLE_SYNONYMS) | PERSONAL_ROLES
# People named by whom they belong to or follow, capitalised when they open a sentence ("Supporters of …")
_KIN_AND_FOLLOWERS = PERSONAL_ROLES | {"family", "families", "relatives", "supporters", "followers", "fans", "allies"}
# The states of the US, lower case: "Oklahoma and Nebraska say …" are states, not people.
US_STATES = set("""alabama alaska arizona arkansas california colorado connecticut delaware florida
georgia hawaii idaho illinois indiana iowa kansas kentucky louisiana maine maryland massachusetts
michigan minnesota mississippi missouri montana nebraska nevada ohio oklahoma oregon pennsylvania
tennessee texas utah vermont virginia washington wisconsin wyoming""".split()) | {
    "new hampshire", "new jersey", "new mexico", "new york", "north carolina", "north dakota",
    "rhode island", "south carolina", "south dakota", "west virginia"}
OF_COUNTRY_RE = re.compile(r"\s+of\s+(?P<c>(?:the\s+)?[A-Z][\w'’.-]+(?:\s+[A-Z][\w'’.-]+)?)$")
TIME_TAIL = re.compile(r"\s+(?:on|in|at|late|early|last|this|earlier|later)\b.*$|\s+(?:Monday|Tuesday|Wednesday|"
                        r"Thursday|Friday|Saturday|Sunday)\b.*$", re.I)
NAME_TOKEN = re.compile(rf"{NAME_WORD}[{LO}'’-]*(?:-{NAME_WORD}[{LO}'’-]*)?\.?|[A-Z]\.")


def trim_mention(mention: str) -> str:
    """A mention without edge punctuation, a time phrase after it or an opening conjunction."""
    m = mention.strip(" ,;:-–—\"'“”‘’()[]")
    m = TIME_TAIL.sub("", m) or m
    m = re.sub(r"^(?:and|but|so|yet|while|as|also|both|either|neither)\s+", "", m, flags=re.I)
    tail = OF_COUNTRY_RE.search(m)
    if tail and tail.start() > 0 and (_only_a_country(tail.group("c")) or tail.group("c").lower() in US_STATES) \
            and not (_own_body_name(m[:tail.start()]) and not news_outlet(m)):
        m = m[:tail.start()]                   # "Vladimir Putin of Russia", "Trey Gowdy of South Carolina"
    return m.strip()


def _only_a_country(words: str) -> bool:
    """Whether the words name a country and nothing else ("the United States"; not "Sudanese Doctors")."""
    country, rest = country_in(words_of(words))
    return country is not None and all(w.lower() == "the" for w in rest)


def _own_body_name(before: str) -> bool:
    """Whether the words before "of <country>" name a body, whose country the tail gives: "the Central Committee of
    Doctors of Sudan" is one name, and "the Ministry of Defence of Ukraine" no ministry of the article's country."""
    return any(w.lower() in ORG_HEADS for w in words_of(before))


# Words after a noun phrase's head: "a source familiar with", "officials speaking on condition".
HEAD_CUTS = {"of", "in", "for", "at", "from", "with", "on", "who", "which", "that", "familiar", "close",
             "involved", "speaking", "briefed", "quoted", "cited", "associated", "linked", "based",
             "loyal", "near", "by", "to", "under", "within", "across", "around"}


def head_of(words: list[str]) -> str:
    """The head word of a noun phrase: its last word before "of"/"in"/"for"/"at", lower case."""
    cut = len(words)
    for i, w in enumerate(words):
        if w.lower() in HEAD_CUTS and i > 0:
            cut = i
            break
    core = [w for w in words[:cut] if w != "'s"]
    return core[-1].lower().strip(".") if core else ""


def document_owner(mention: str, head: str) -> str | None:
    """For a document mention, its author phrase ("" when it names none); None for other mentions."""
    low = mention.lower()
    m = re.match(r"(?:an?|the|this|that|its|their)?\s*(?:[\w-]+\s+){0,2}?(?:statement|report|readout|communiqu[eé]|"
                 r"release|announcement|message|post|letter|video|notice|update|bulletin|publication)s?\s+"
                 r"(?:by|from|of|issued by|released by|published by|posted by|on behalf of)\s+(?P<owner>.+)$", low)
    if m:
        return mention[m.start("owner"):]
    if head not in DOC_WORDS:
        return None
    if re.fullmatch(r"the\s+(?:statement|report|readout|communiqu[eé]|release|announcement|message|letter)", low):
        return ""                                     # "the statement added": whose statement?
    words = mention.replace("’", "'").split()
    poss = [i for i, w in enumerate(words) if w.endswith("'s")]
    if poss:                                          # "the ministry's statement", "Russia's report"
        return " ".join(words[:poss[-1] + 1])[:-2]
    mods = [w for w in words[:-1] if w.lower() not in DETERMINERS and w.lower() not in ("joint", "official",
            "new", "latest", "earlier", "later", "preliminary", "short", "brief", "written", "separate",
            "recent", "previous", "first", "second", "final", "initial", "same")]
    if mods and (any(w[:1].isupper() for w in mods) or institution(" ".join(mods))):
        return " ".join(mods)                         # "a Kremlin statement", "a defence ministry statement"
    return None if head in DOC_WORDS else ""


def capital_runs(words: list[str]) -> list[str]:
    """Runs of capitalised words ("RIA Novosti", "Xinhua News Agency") in a mention."""
    runs, cur = [], []
    for w in words + ["."]:
        if w[:1].isupper() or (cur and w.lower() in ("of", "de", "news", "agency")):
            cur.append(w)
        else:
            if cur:
                runs.append(" ".join(cur))
                if len(cur) > 1:
                    runs.extend(cur)
            cur = []
    return runs


# A minister's portfolio, written before the name ("Minister for Planning and Development Ahsan Iqbal",
# "Special Assistant on Establishment Arbab Shahzad"): no part of the name.
PORTFOLIO_WORDS = set("""development planning training establishment affairs defence defense education finance
health interior justice trade commerce industry industries energy agriculture environment information
broadcasting culture tourism transport transportation communications labour labor housing railways petroleum
science technology rights religious overseas parliamentary revenue economy economic welfare security
immigration infrastructure resources fisheries forestry telecommunications aviation""".split())
# Lower-case words inside a person's name ("Ursula von der Leyen", "Lula da Silva").
NAME_PARTICLES = {"de", "da", "di", "del", "van", "von", "der", "den", "bin", "al", "la", "le", "du", "dos", "das"}


def proper_name_run(words: list[str]) -> list[str]:
    """The trailing run of capitalised words that could be a person's name (no titles, places,
    institutions or outlets in it)."""
    run: list[str] = []
    for i in range(len(words) - 1, -1, -1):
        w = words[i]
        lw = w.lower().strip(".")
        if w in NAME_PARTICLES and run and i > 0 and (words[i - 1] in NAME_PARTICLES or NAME_TOKEN.fullmatch(words[i - 1])):
            run.append(w)                           # "Ursula von der Leyen", "Charles de Gaulle"
            continue
        if lw.endswith("s") and lw[:-1] in TITLE_WORDS:
            break                                   # "Presidents Xi Jinping and …"
        if "-" in lw and lw.split("-")[0] in TITLE_WORDS:
            break                                   # "UN Secretary-General Antonio Guterres", "Vice-President"
        if lw in OCCUPATION_WORDS and len(run) >= 2:
            break
        if not NAME_TOKEN.fullmatch(w) or lw in TITLE_WORDS or lw in NOT_NAMES or lw in NOT_NAME_CAPS \
                or (lw in ORG_TITLE_WORDS and not _korean_un(w, run)) or country_in([w])[0] or lw in ANON_WORDS or lw in DOC_WORDS \
                or lw in THING_WORDS or lw in MEDIA_WORDS or lw in SPOKES_WORDS or lw in ORG_HEADS \
                or lw in PLACE_WORDS or lw in PORTFOLIO_WORDS or _is_demonym_plural(w):
            break
        run.append(w)
    return run[::-1]


def _korean_un(word: str, run: list[str]) -> bool:
    """"Un" closing a name ("Kim Jong Un"): a given name's last syllable, not the UN (which is written in capitals)."""
    return word == "Un" and not run


_DEMONYMS = {"britons", "brits", "palestinians", "europeans", "westerners", "asians", "africans", "arabs",
             "latinos", "kurds", "uyghurs", "uighurs", "muscovites", "londoners", "parisians", "americans"}


def _is_demonym_plural(word: str) -> bool:
    """"Americans", "Russians", "Britons": a people, not a person's name."""
    low = word.lower()
    return low in _DEMONYMS or (low.endswith("s") and len(low) > 4 and country_in([word[:-1]])[0] is not None)


def bare_name(words: list[str]) -> str:
    """A person's name at the end of a mention, without titles, places or owners ("NATO Secretary
    General Jens Stoltenberg" -> "Jens Stoltenberg"); "" when the mention ends in no name."""
    return _bare_name(tuple(words))


@lru_cache(maxsize=65536)
def _bare_name(words: tuple[str, ...]) -> str:
    """bare_name, once per distinct mention."""
    words = list(words)
    if words and words[-1] == "'s":
        words = words[:-1]
    run = proper_name_run(words)
    if not run:
        return ""
    if len(run) < len(words) and words[len(words) - len(run) - 1].lower() in ("of", "for") \
            and len(words) - len(run) >= 2 and words[len(words) - len(run) - 2].lower() in TITLE_WORDS | NAMED_ROLES:
        return ""                                      # "the mayor of Nova Kakhovka": a place, not the mayor
    owner = len(words) - len(run) - 2                  # the word before "of"
    if owner >= 0 and words[owner + 1].lower() == "of" and words[owner].lower() in _KIN_AND_FOLLOWERS:
        # "The family of George Floyd", "Supporters of Donald Trump": the family or the supporters speak, not the
        # person the phrase names
        return ""
    name = " ".join(w.rstrip(".") if len(w) > 2 else w for w in run)
    if institution(name) or government(name) or news_outlet(name):
        return ""
    if len(run) == 1 and len(words) > 1 and words[-2][:1].islower() and words[-2].lower() not in TITLE_WORDS \
            and words[-2] != "'s":
        return ""                                      # "the largely symbolic Visit" is no name
    return name


def role_words(words: list[str], name: str) -> str | None:
    """The words before a name that give the person's role ("Kremlin Spokesman")."""
    n = len(name.split())
    before = [w for w in words[:len(words) - n] if w.lower() not in DETERMINERS]
    return " ".join(before) if before else None


# Words that open a description of an unnamed source, whatever follows them.
_LEADING_WORDS = set("""one former senior top current longtime unnamed unidentified anonymous various other
others multiple numerous local regional federal state government administration military security
intelligence police campaign party western foreign""".split())


def description(words: list[str], article: str = "") -> str:
    """An anonymous source's description: its words without the leading article, the first word
    lower-cased when it is a common word capitalised only by its place in the sentence ("Officials",
    "Some Western diplomats") and not a name ("Trump critics", "White House officials", "Washington's
    allies"). A word counts as common when it is a determiner or a source word, or when the article
    (when given) also writes it in lower case."""
    while words and words[0].lower() in ("the", "a", "an"):
        words = words[1:]
    text = joined(words)
    parts = text.split()
    if not parts or not text[:1].isupper() or parts[0].isupper() or country_in(parts[:1])[0]:
        return text
    first = parts[0].removesuffix("'s")
    low = first.lower()
    if low in DETERMINERS or low in QUANTIFIERS or low in _LEADING_WORDS:
        return text[:1].lower() + text[1:]
    if first != parts[0] or (len(parts) > 1 and parts[1][:1].isupper()):
        return text                              # a possessive or the head of a capitalised run: a name
    if low in ANON_WORDS or (article and re.search(rf"(?<![\w'’-]){re.escape(low)}(?![\w'’-])", article)):
        return text[:1].lower() + text[1:]
    return text


# ---------------------------------------------------------------------------------- titled names
_TITLED_RE = re.compile(r"(?:(?:[A-Z]\.|[A-Z][\w'’-]*)\s+){1,6}[A-Z][a-zà-ÿ'’-]+\b")
_ROLE_STOP = {"and", "or", "with", "by", "as", "who", "that", "which", "to", "from", "for", "said", "says",
              "told", "after", "before", "while", "when", "between", "than", "met", "meet"}
_APPOS_RE = re.compile(r"(?P<name>[A-Z][a-zà-ÿ'’-]+(?:\s+[A-Z][a-zà-ÿ'’-]+){1,2}),\s+(?P<role>(?:the\s+|a\s+|an\s+)?"
                       r"(?:[\w'’-]+\s+){0,5}?(?:president|minister|spokesman|spokeswoman|spokesperson|"
                       r"secretary|chief|head|director|ambassador|envoy|aide|adviser|commander|mayor|"
                       r"governor|chairman|leader|premier|general)\b[^,.;]{0,60})")


def titled_names(text: str) -> "Holders":
    """Persons the article names with a title or role: "Chinese President Xi Jinping", "Kremlin
    spokesman Dmitry Peskov", "presidential aide Yury Ushakov", "Dmitry Peskov, the Kremlin spokesman"."""
    holders = Holders()
    for m in _TITLED_RE.finditer(text):
        words = words_of(m.group())
        name = bare_name(words)
        if not name or len(name.split()) < 2 or name.split()[-1].lower() in _BODY_NAME_HEADS \
                or _in_title_case_line(text, m.start()):
            # "The Governor of the Central Bank, Dr. …": a body's name, no holder; "Health Minister Visits Measles
            # Ground Zero": a headline's capitals run on past the title into words that name no one
            continue
        before = re.split(r"[.,;:!?()\"“”\n]", text[max(0, m.start() - 80):m.start()])[-1].split()[-4:]
        for i in range(len(before) - 1, -1, -1):        # "… and Russian President Vladimir Putin"
            if before[i].lower() in _ROLE_STOP:
                before = before[i + 1:]
                break
        if before and before[-1].lower() in ("of", "in", "at") and len(words) == len(name.split()):
            continue                                    # "the mayor of Nova Kakhovka": a place, not the mayor
        role = " ".join(before + words[:len(words) - len(name.split())]).strip()
        if any(w.lower().strip(".") in ROLE_SYNONYMS or w.lower().strip(".") in TITLE_WORDS for w in role.split()):
            holders.add(name, role, m.start())
    for m in _APPOS_RE.finditer(text):
        name = bare_name(words_of(m.group("name")))
        if len(name.split()) >= 2:                      # not "Herald" of "the Press Herald, the governor …"
            holders.add(name, m.group("role"), m.start())
    return holders


# Last words of a body's name, which no holder of a title is called ("the Governor of the Central Bank")
_BODY_NAME_HEADS = ORG_HEADS | {"bank", "fund", "survey", "alliance", "coalition", "federation", "trust", "network"}
_WORD_RE = re.compile(r"[A-Za-z][\w'’-]*")
_HEADLINE_SMALL_WORDS = frozenset("a an the of in on at to for and or but with by as from vs via into over".split())


def _in_title_case_line(text: str, offset: int) -> bool:
    """Whether offset lies in a line of four or more words, each capitalised but the small function words: a
    headline, whose capitals say nothing of where a name ends."""
    start = text.rfind("\n", 0, offset) + 1
    end = text.find("\n", offset)
    line = text[start:end if end >= 0 else len(text)]
    words = [w for w in _WORD_RE.findall(line) if w.lower() not in _HEADLINE_SMALL_WORDS]
    return len(words) >= 4 and len(line) <= 160 and all(w[0].isupper() for w in words)


# Words that make a title a past one: its holder does not answer the role as held now
_FORMER = frozenset("former ex ex- one-time erstwhile late".split())
# Titles under the role they qualify: a "Deputy Fire Chief" is not "the fire chief", a vice president not "the president"
_SUBORDINATE = frozenset("deputy assistant vice associate".split())


class Holders:
    """Persons named with a role: by name, and by role word with the offsets where they were named,
    so a look-up near one mention reads only the holders named nearby (huge texts stay linear)."""

    def __init__(self):
        self.by_name: dict[str, Holder] = {}
        self.by_role: dict[str, list[tuple[int, str]]] = {}

    def __iter__(self):
        return iter(self.by_name.values())

    def add(self, name: str, role: str, offset: int = 0) -> None:
        """Record (or extend) a titled person."""
        low = role.lower().replace("’", "'")
        words = set(re.findall(r"[a-z][a-z.-]*", low))
        phrases = {p for p in ("prime minister", "head of state", "press secretary", "secretary general",
                               "foreign minister", "defense minister", "defence minister") if p in low}
        country, _ = country_in(role.split())
        h = self.by_name.get(name)
        if h is None:
            h = self.by_name[name] = Holder(name)
        h.role |= words | phrases
        if not words & _FORMER:
            h.now |= words | phrases
        h.orgs |= words & ORG_TITLE_WORDS
        h.country = h.country or country
        for w in words | phrases:
            insort(self.by_role.setdefault(w, []), (offset, name))

    def named(self, roles: set[str], near: int | None = None, window: int = 0) -> list[str]:
        """Names of the holders with one of these role words (exactly), named within window of near,
        in the order the article first names them (so every run picks the same one first)."""
        first: dict[str, int] = {}
        for w in roles:
            items = self.by_role.get(w, [])
            if near is not None:
                items = items[bisect_left(items, (near - window,)):bisect_left(items, (near + window + 1,))]
            for pos, n in items:
                first[n] = min(pos, first.get(n, pos))
        return sorted(first, key=lambda n: (first[n], n))

    def find(self, roles: set[str], country: str | None, body: str | None = None, orgs: set[str] = frozenset(),
             near: int | None = None, window: int = 0, current: bool = False, same_country: bool = False,
             said: frozenset[str] = frozenset()) -> Holder | None:
        """The one holder with one of these roles (synonyms included) and, when given, the country
        and title words, named within window of near (anywhere when near is None); None when none or
        several match. current: a role held now ("the Bolivian President") is no one named only as its former
        holder ("Former Bolivian President Evo Morales"). same_country: a holder of no known country does not
        answer a role that names one. said: the words of the mention; a holder titled deputy, assistant or vice of
        the role answers only a mention that says so."""
        wanted = set()
        for r in roles:
            wanted |= ROLE_SYNONYMS.get(r, {r})
        found = {}
        for name in self.named(wanted, near, window):
            h = self.by_name[name]
            if country and h.country != country and (h.country or same_country):
                continue
            if h.role & _SUBORDINATE - said:
                continue                # "Deputy Fire Chief Larry Moyer" is not "the fire chief"
            if current and h.role & _FORMER and not wanted & h.now:
                continue                # named in that role only as its former holder
            if orgs and not orgs <= (h.orgs | h.role):
                continue
            if body and body.lower() not in " ".join(sorted(h.role)) and not (h.orgs & set(body.lower().split())):
                continue
            found[h.name] = h
        return next(iter(found.values())) if len(found) == 1 else None
