"""What a speaker mention names, within its article: a person, an institution, a government, an
anonymous source — or no speaker at all.

Each attribution's mention ("Russia's FSB security service", "the Chinese president", "a Sputnik
correspondent", "the statement") is settled once its article is extracted:

- a person keeps a bare name ("NATO Secretary General Jens Stoltenberg" -> "Jens Stoltenberg",
  role "NATO Secretary General");
- a role description resolves to the one person the article names in that role ("the Chinese
  president" -> "Xi Jinping"); left unresolved it is shown under no name (type "role");
- a state or capital used as an actor is its government ("Moscow" -> "Government of Russia");
- an institution gets its canonical name and country (core.gazetteer), and an unnamed spokesperson
  or press service of a named body is that body; a bare "the ministry" is the ministry the article
  named last;
- a vague collective or unnamed source is anonymous, shown by its description ("Russian officials");
- a document is its author ("a statement by the court's press service", "the ministry's
  statement"); "the statement" alone is the author of the statement the article spoke of last;
- a news outlet cited as the channel of a report ("TASS reported", "according to Russian media")
  and the outlet's own reporters are credits, not speakers (type "credit"); events, things and
  fragments are no speaker at all (type "other").

Every quote keeps its mention's offsets; `speaker_how` says how the shown name was reached.
"""
from __future__ import annotations

import re
from bisect import bisect_left, bisect_right, insort
from collections import Counter
from copy import copy
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from core.gazetteer import Body, country_in, government, institution, words_of
from core.quote_input import credited_outlets, dateline_end, news_outlet
from core.speakers import ANON_HEADS, NOT_NAMES, PRONOUNS, TITLE_WORDS

if TYPE_CHECKING:
    from core.quotes import Quote

# Types a quote's speaker may end with; only the first three are shown under a name.
SHOWN_TYPES = ("person", "organisation", "anonymous")
NOT_SHOWN_TYPES = ("pronoun", "role", "credit", "other")

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
press newspapers tabloids reports""".split())
# Words that make a mention a news medium, not a person or institution.
MEDIA_WORDS = {"media", "news", "outlet", "outlets", "newspaper", "newspapers",
               "channel", "channels", "tv", "television", "broadcaster", "tabloid", "wire"}
_MEDIA_PLURALS = {"outlets", "channels", "newspapers", "tabloids", "reports", "broadcasters"}
REPORTER_WORDS = {"correspondent", "correspondents", "reporter", "reporters", "journalist",
                  "journalists", "witness", "photographer", "crew", "staff", "editor", "columnist"}
SPOKES_WORDS = {"spokesman", "spokeswoman", "spokesperson", "spokespeople", "spokespersons",
                "representative", "representatives", "press", "office", "secretary"}
# "the Kremlin press service", "a Chinese Foreign Ministry spokesperson", "a spokesman for Kyiv's
# military spy agency": the body an unnamed spokesperson speaks for.
_SPOKES = (r"(?:press\s+(?:service|office|secretary|department|cent(?:er|re))|spokes(?:man|woman|person|people|persons|men|women)"
           r"|(?:official\s+)?representatives?|press\s+secretary)")
_SPOKES_AFTER_RE = re.compile(r"(?:(?:the|a|an)\s+)?(?P<body>.+?)(?:['’]s)?\s+" + _SPOKES + r"$", re.I)
_SPOKES_BEFORE_RE = re.compile(r"(?:(?:the|a|an)\s+)?" + _SPOKES + r"\s+(?:of|for|at)\s+(?P<body>.+)$", re.I)
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
_DETERMINERS = {"the", "a", "an", "this", "that", "these", "those", "his", "her", "its", "their",
                "our", "some", "several", "many", "both", "two", "three", "all", "other", "another"}
_NOT_NAME_CAPS = {"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
                  "january", "february", "march", "april", "may", "june", "july", "august",
                  "september", "october", "november", "december", "read", "more", "source", "link",
                  "photo", "video", "getty", "images", "breaking", "live", "update", "updates",
                  "telegram", "twitter", "facebook", "instagram", "youtube", "x", "staff", "posted"}


@dataclass
class Settled:
    """What one mention was settled to."""

    kind: str                      # person / organisation / anonymous / role / credit / other / pronoun
    name: str | None               # the name shown (None when not shown)
    role: str | None = None
    how: str = ""
    role_query: tuple | None = None  # (role words, country) of an unresolved role, for the event pass
    also: list = field(default_factory=list)   # [(Settled, (start, end))]: joint speakers ("A and B said")


@dataclass
class Holder:
    """A person an article names with a role: "Chinese President Xi Jinping"."""

    name: str
    role: set[str] = field(default_factory=set)   # lower-case role words and phrases
    country: str | None = None
    orgs: set[str] = field(default_factory=set)   # institutions in the title ("Kremlin", "FSB")


# ------------------------------------------------------------------------------ the article pass
def settle_article(quotes: list["Quote"], article: Any, text: str) -> list["Quote"]:
    """Settle every quote's speaker in one article (see the module docstring); returns the quotes."""
    ctx = _Context(article, text)
    joint: list["Quote"] = []
    for q in sorted(quotes, key=lambda q: q.speaker_start if q.speaker_start is not None else q.quote_start):
        if q.speaker is None or q.speaker_start is None:
            continue
        s = ctx.settle(q)
        _apply(q, s)
        ctx.remember(q, s)
        for other, (a, b) in s.also:            # "both Ukraine and Russia said": one row each
            twin = copy(q)
            twin.speaker_start, twin.speaker_end, twin.speaker = a, b, text[a:b]
            _apply(twin, other)
            joint.append(twin)
            ctx.remember(twin, other)
    quotes = quotes + joint
    _hide_nested(quotes)
    return _one_row_per_speaker(quotes)


def _one_row_per_speaker(quotes: list["Quote"]) -> list["Quote"]:
    """One row per (content, speaker): where a content has a shown speaker, rows of the same content
    that name none (the channel of "TASS reported, citing the ministry") go; repeated names go."""
    shown_spans = {(q.quote_start, q.quote_end) for q in quotes if q.speaker_type in SHOWN_TYPES}
    out, seen = [], set()
    for q in quotes:
        span = (q.quote_start, q.quote_end)
        if span in shown_spans and q.speaker_type not in SHOWN_TYPES:
            continue
        key = (span, q.canonical_speaker) if q.speaker_type in SHOWN_TYPES else (span, id(q))
        if key in seen:
            continue
        seen.add(key)
        out.append(q)
    return out


def _apply(q: "Quote", s: Settled) -> None:
    """Write a settled speaker into its quote."""
    q.speaker_type, q.canonical_speaker = s.kind, s.name if s.kind in SHOWN_TYPES else None
    if s.kind == "person" and s.name:     # the name in the article; other kinds keep their mention
        q.speaker = s.name
    if s.role is not None or s.kind != "person":
        q.speaker_role = s.role if s.role is not None else q.speaker_role
    q.speaker_how = s.how
    q.role_query = s.role_query


def _hide_nested(quotes: list["Quote"]) -> None:
    """A speaker named inside another speaker's words ("Xie said China urged the US…") is part of
    what that speaker said, not a source of the article: shown under no name."""
    outer = sorted((q.quote_start, q.quote_end, id(q)) for q in quotes if q.speaker_type in SHOWN_TYPES)
    starts = [a for a, _, _ in outer]
    reach, far = [], -1                  # reach[i]: the furthest end among outer[:i + 1]
    for _, b, _ in outer:
        far = max(far, b)
        reach.append(far)
    for q in quotes:
        if q.speaker_type not in SHOWN_TYPES or q.speaker_start is None:
            continue
        i = bisect_right(starts, q.speaker_start) - 1
        # spans starting at or before the mention; the last few are checked one by one
        inside = i >= 0 and reach[i] > q.speaker_start and any(
            b > q.speaker_start and k != id(q) for _, b, k in outer[max(0, i - 50):i + 1])
        if inside:
            q.speaker_type, q.canonical_speaker = "other", None
            q.speaker_how = "named inside another speaker's words"


class _Context:
    """One article's text, credits, titled names and the speakers settled so far."""

    def __init__(self, article: Any, text: str):
        self.article, self.text = article, text
        self._credits: set[str] | None = None
        self._holders: list[Holder] | None = None     # titled names, read when a role needs them
        self._pending: list[tuple[str, str]] = []
        self.bodies: list[tuple[int, str]] = []       # (offset, label) of institutions named
        self.authors: list[tuple[int, str, str]] = []  # (offset, kind, name) of shown speakers
        self._named: list[tuple[int, str]] | None = None
        self.pos = 0                                   # offset of the mention being settled
        self._last = None
        self._acronyms: dict[str, str] | None = None
        self._country: str | None | bool = False
        self._countries: Counter | None = None

    @property
    def holders(self) -> list[Holder]:
        """Persons the article names with a role (titled_names), and the roles of speakers so far."""
        if self._holders is None:
            self._holders = titled_names(self.text)
            for name, role in self._pending:
                _add_holder(self._holders, name, role)
        return self._holders

    @property
    def credits(self) -> set[str]:
        if self._credits is None:
            self._credits = credited_outlets(self.article)
        return self._credits

    def remember(self, q: "Quote", s: Settled) -> None:
        """Keep a settled speaker for later back-references ("the ministry", "the statement", "he")."""
        if s.kind in ("person", "role"):
            self._last = (q.speaker_start, s)
        elif s.kind in ("organisation", "anonymous"):
            self._last = None
        if s.kind in ("person", "organisation") and s.name:
            insort(self.authors, (q.speaker_start, s.kind, s.name))
        if s.kind == "organisation" and s.name:
            self.bodies.append((q.speaker_start, s.name))
            del self.bodies[:-20]               # "the ministry" refers to a body named recently
        if s.kind == "person" and s.name and s.role:
            if self._holders is None:
                self._pending.append((s.name, s.role))
            else:
                _add_holder(self._holders, s.name, s.role)

    def settle(self, q: "Quote") -> Settled:
        """What q's mention names."""
        mention = self.text[q.speaker_start:q.speaker_end].strip()
        self.pos = q.speaker_start
        if mention.lower() in PRONOUNS:
            last = self.last_speaker
            if mention.lower() in ("he", "she") and last and self.pos - last[0] <= 400 and (
                    last[1].kind == "role" or q.speaker_type == "pronoun"):
                # '"…," the spokesman said. "…," he added': the same speaker as just before
                s = last[1]
                return Settled(s.kind, s.name, s.role, how=f"{mention!r} continues the speaker just before",
                               role_query=s.role_query)
            if q.speaker_type == "pronoun":
                return Settled("pronoun", None, how="pronoun with no antecedent")
            if q.speaker_type == "person":
                return self.person(q.speaker, q.speaker_role, "pronoun resolved to the person named before it")
        domain = _DOMAIN_TAIL_RE.match(self.text, q.speaker_end)
        if domain:                                   # "Censor.NET" cut at its dot by the tokenizer
            mention = self.text[q.speaker_start:domain.end()].strip()
            q.speaker_end = domain.end()
        head_of = _DOMAIN_HEAD_RE.search(self.text, max(0, q.speaker_start - 40), q.speaker_start)
        if head_of and _DOMAIN_RE.fullmatch(head_of.group() + mention.split()[0] if mention else ""):
            mention = head_of.group() + mention     # "Censor." + "NET"
            q.speaker_start = head_of.start()
        after = _NAME_AFTER_RE.match(self.text, q.speaker_end)
        if after and _head(words_of(mention)).removesuffix("s") in _NAMED_ROLES | {_head(words_of(mention))} \
                and bare_name(words_of(after.group("name"))):
            # "his spokesman Dmitry Peskov told": the parse cut the name off the role
            mention = self.text[q.speaker_start:after.end("name")].strip()
        s = self.phrase(mention, q)
        if s.kind not in ("credit",):
            s.also = self.conjuncts(q)
        return s

    # -- one mention --------------------------------------------------------------------------
    def phrase(self, mention: str, q: "Quote") -> Settled:
        """Settle a mention phrase (see the module docstring for the order of the tests)."""
        mention = _trim_mention(mention)
        words = words_of(mention)
        if not words or mention.lower() in ("nan", "none", "null", "n/a"):
            return Settled("other", None, how="no words")
        low = [w.lower() for w in words]
        head = _head(words)
        owner = _document_owner(mention, head)
        if owner is not None:
            if owner == "":
                return self.last_author(q, mention)
            inner = self.phrase(owner, q)
            if inner.kind in SHOWN_TYPES:
                inner.how = f"author of {mention!r}; " + inner.how
            return inner
        if len(low) == 1 and low[0] in _QUANTIFIERS:
            return Settled("other", None, how=f"{mention!r} is no one in particular")
        outlet = self.outlet(mention, words, low)
        if outlet is not None:
            return outlet
        gov = government(mention)
        if gov:
            return Settled("organisation", gov, how=f"state or capital {mention!r} as an actor")
        body = self.body(mention, words, low)
        if body is not None:
            return body
        name = bare_name(words)
        if name and (name.lower() in _COMMON_CAPITALS or (q.speaker_type == "unknown" and name.split()[-1].endswith("s")
                                                          and not name.split()[-1].endswith(("ss", "us", "is")))):
            # "United said", "The Comey Memos said": a capitalised word the parse did not take for a name
            return Settled("other", None, how=f"{mention!r} is not a person's name")
        if name:
            role = _role_words(words, name)
            full = bare_name(words_of(q.speaker or ""))
            if full != name and set(name.split()) <= set(full.split()):
                return self.person(full, role, f"{name!r} is {full!r}, named earlier in the article")
            return self.person(name, role, f"name in {mention!r}")
        pair = self.pair(mention, low, head)
        if pair is not None:
            return pair
        if head in THING_WORDS or head in DOC_WORDS:
            return Settled("other", None, how=f"{head!r} is not a speaker")
        role = self.role(words, low, head)
        if role is not None:
            return role
        if head in ANON_WORDS or set(low) & {"anonymous", "anonymity", "unnamed", "unidentified"} \
                or (head.removesuffix("s") in _COLLECTIVE_HEADS and set(low) & _BLOC_WORDS) or low[-2:] == ["the", "west"]:
            return Settled("anonymous", _description(words), how=f"unnamed or collective source {mention!r}")
        return Settled("other", None, how=f"{mention!r} names no speaker")

    def pair(self, mention: str, low: list[str], head: str) -> Settled | None:
        """"The two leaders", "both sides", "a joint statement": the two leaders or the two countries
        the article is about, when it is clearly about two; "the country": the one it spoke of last."""
        definite = bool(set(low) & {"the", "both", "two"})
        if head in ("leaders", "presidents") and definite:
            names = _two(Counter(h.name for h in self.holders if h.role & _LEADER_ROLES for _ in range(1)))
            if names:
                first, second = (Settled("person", n, how=f"{mention!r}: one of the two leaders the article names")
                                 for n in names)
                first.also = [(second, (self.pos, self.pos + len(mention)))]
                return first
        if (head in ("countries", "sides", "governments", "nations", "capitals") and definite) or \
                (head in DOC_WORDS and "joint" in low):
            names = _two(self.country_counts())
            if names:
                first, second = (Settled("organisation", f"Government of {c}",
                                         how=f"{mention!r}: one of the two countries the article is about")
                                 for c in names)
                first.also = [(second, (self.pos, self.pos + len(mention)))]
                return first
        if head == "country" and low[0] == "the" and len(low) == 2:
            for _, kind, name in reversed(self.authors):
                if name.startswith("Government of "):
                    return Settled("organisation", name, how=f"{mention!r}: the country spoken of before")
        if head in ("leaders", "presidents", "countries", "sides") and definite:
            return Settled("role", None, mention, how=f"{mention!r}: the article does not name the two")
        return None

    def country_counts(self) -> Counter:
        """How often the article names each country (by its words), once computed."""
        if self._countries is None:
            self._countries = Counter(c for c in (country_in([w])[0] for w in _CAP_WORD_RE.findall(self.text)) if c)
        return self._countries

    def conjuncts(self, q: "Quote") -> list:
        """Further subjects joined to the mention by "and" ("both Ukraine and Russia said", "Kyiv
        and Moscow have blamed each other"), each settled, as [(Settled, (start, end))]."""
        end = q.speaker_end
        stop = q.cue_start if q.cue_start is not None and q.cue_start > end else end + 80
        tail = self.text[end:min(stop, end + 120)]
        m = _CONJ_RE.match(tail)
        if not m:
            return []
        out = []
        pos = end + m.start("rest")
        for part in re.split(r"\s*,\s*(?:and\s+)?|\s+and\s+", m.group("rest")):
            part_start = self.text.find(part, pos) if part else -1
            if part_start < 0:
                break
            pos = part_start + len(part)
            clean = _AUX_TAIL.sub("", part).strip()
            if not clean or len(clean.split()) > 6:
                break
            other = self.phrase(clean, q)
            if other.kind in SHOWN_TYPES:
                other.how = f"joint speaker, with the first named; {other.how}"
                out.append((other, (part_start, part_start + len(clean))))
        return out

    @property
    def last_speaker(self):
        """(offset, Settled) of the speaker settled last (a person, or a role)."""
        return self._last

    def person(self, name: str, role: str | None, how: str) -> Settled:
        """A person: a bare name, and the role words that stood before it."""
        bare = bare_name(words_of(name)) or name
        return Settled("person", bare, role or None, how=how)

    def outlet(self, mention: str, words: list[str], low: list[str]) -> Settled | None:
        """A news outlet or medium as the channel of a report, or an outlet's own reporter."""
        caps = _capital_runs(words)
        named = next((news_outlet(c) for c in caps + [mention] if news_outlet(c)), None)
        domain = next((w for w in words if _DOMAIN_RE.fullmatch(w)), None)
        if named is None and domain is not None:
            named = domain                           # "Censor.NET", "RT.com": a website is an outlet
        if _head(words) in ANON_WORDS and _head(words) not in MEDIA_WORDS | _MEDIA_PLURALS \
                and not set(low) & REPORTER_WORDS:
            return None                 # "an RT Russian service source": a source, not a channel
        if set(low) & REPORTER_WORDS:
            if named is None or named in self.credits:
                return Settled("credit", None, how=f"the outlet's own reporter {mention!r}")
            return Settled("anonymous", _description(words), how=f"another outlet's reporter {mention!r}")
        if named is not None and not (institution(mention) or government(mention)):
            how = "the article's own credit" if named in self.credits else "a news outlet cited as a channel"
            return Settled("credit", None, how=f"{how}: {named}")
        if (set(low) & MEDIA_WORDS or _head(words) in _MEDIA_PLURALS) and not institution(mention):
            # "Russian media", "state news agencies": a channel, not a speaker
            return Settled("credit", None, how=f"news media cited as a channel: {mention!r}")
        return None

    def body(self, mention: str, words: list[str], low: list[str]) -> Settled | None:
        """An institution, or an unnamed spokesperson / press service of one."""
        found = self.institution(mention, words)
        if found is not None:
            return Settled("organisation", found.label, how=found.how)
        if low[-1:] == ["government"] and len(low) <= 2 and self.country():
            gov = f"Government of {self.country()}"
            return Settled("organisation", gov, how=f"{mention!r}: the government of the article's country")
        m = _SPOKES_AFTER_RE.match(mention) or _SPOKES_BEFORE_RE.match(mention)
        if m:
            rest = m.group("body")
            found = self.institution(rest, words_of(rest))
            gov = government(rest) or (f"Government of {self.country()}" if rest.lower().strip() in
                                       ("government", "the government") and self.country() else None)
            if found is None and gov:
                found = Body(gov, "", f"state or capital {rest!r} as an actor")
            if found is not None and not _proper_name_run(words):
                holder = self.holder({"spokesman"}, found.country or None, found.name)
                if holder:
                    return Settled("person", holder.name, mention, how=f"{mention!r} is the article's named holder")
                return Settled("organisation", found.label, how=f"unnamed spokesperson of a named body ({found.how})")
        head = _head(words)
        capital = [w for w in words if w[:1].isupper() and w.lower() not in _DETERMINERS]
        if _ACRONYM_WORD_RE.fullmatch(words[-1]) and head == words[-1].lower() and words[-1].lower() not in TITLE_WORDS \
                and not country_in(words[-1:])[0]:
            # "state-owned oil giant CNOOC": a body known by its acronym
            return Settled("organisation", words[-1], how=f"a body known by its acronym: {mention!r}")
        if (head in ORG_HEADS or head.removesuffix("s") in ORG_HEADS) and words[-1][:1].isupper() \
                and len(capital) >= 2:
            # "the Horry County Police Department": a body known by its own capitalised name
            country, rest = country_in(words)
            if country and words[-1].lower() not in ("'s",) and rest[-1:] and rest[-1].lower() in ("of", "in"):
                rest, country = words, None       # "… of the Ministry of Defense of Ukraine": keep it whole
            while rest and (rest[0].lower() in _DETERMINERS or rest[0] == "'s"):
                rest = rest[1:]
            name = " ".join(rest).replace(" 's", "'s").strip()
            label = f"{name} ({country})" if country and country.removeprefix("the ") not in name else name
            return Settled("organisation", label, how=f"a body named by its own name: {mention!r}")
        if len(words) <= 3 and head in _BODY_HEADS and not _proper_name_run(words):
            last = self.last_body(head, self.pos)
            if last:
                return Settled("organisation", last, how=f"{mention!r} is the body the article named before")
            return Settled("other", None, how=f"{mention!r}: no body of that kind named before")
        return None

    def institution(self, mention: str, words: list[str]) -> Body | None:
        """core.gazetteer.institution, with the article's own acronyms ("Federal Penitentiary Service
        (FPS)") and, for a body only one country has ("the prison service"), the article's country."""
        found = institution(mention)
        if found is None:
            full = self.acronyms().get(mention.strip().removeprefix("the ").strip())
            if full:
                found = institution(full)
                if found:
                    found = Body(found.name, found.country, f"{mention!r} as the article spells it out: "
                                 + found.how, found.show_country)
        if (found is None or not found.country) and country_in(words)[0] is None and self.country():
            local = institution(f"{self.country()} {mention}")
            if local is not None and local.country == self.country():
                found = Body(local.name, local.country, local.how + "; country from the article",
                             local.show_country)
        return found

    def acronyms(self) -> dict[str, str]:
        """Acronyms the article spells out: "Federal Penitentiary Service (FPS)" -> {"FPS": …}."""
        if self._acronyms is None:
            self._acronyms = {}
            for m in _ACRONYM_RE.finditer(self.text):
                long, short = m.group("long"), m.group("short")
                initials = "".join(w[0] for w in long.split() if w[:1].isupper())
                if short[0] == initials[:1] or short in initials:
                    self._acronyms[short] = long
        return self._acronyms

    def country(self) -> str | None:
        """The country the article is about when one clearly leads its mentions, else None."""
        if self._country is False:
            end = dateline_end(self.text)
            here = country_in(words_of(self.text[:end]))[0] if end else None   # "LONDON (Reuters) -"
            top = self.country_counts().most_common(2)
            self._country = here or (top[0][0] if top and (len(top) == 1 or top[0][1] >= 2 * top[1][1]) else None)
        return self._country

    def role(self, words: list[str], low: list[str], head: str) -> Settled | None:
        """A role description: its named holder in the article, else unresolved (or anonymous)."""
        role_words = [w for w in low if w in ROLE_SYNONYMS or w in TITLE_WORDS]
        if not role_words or head not in ROLE_SYNONYMS and head not in TITLE_WORDS:
            return None
        country, _ = country_in(words)
        orgs = {w for w in low if w in _ORG_TITLE_WORDS}
        holder = self.holder({head} | ({"head of state"} if "state" in low and head == "head" else set()),
                             country, None, orgs)
        mention = " ".join(words)
        if holder:
            return Settled("person", holder.name, mention, how=f"role {mention!r} -> its holder named in the article")
        if low[0] in ("a", "an", "some", "several", "two", "three", "senior") or head.endswith("s"):
            return Settled("anonymous", _description(words), how=f"unnamed {head} {mention!r}")
        return Settled("role", None, mention, how=f"role {mention!r} with no named holder in the article",
                       role_query=(head, country, frozenset(orgs)))

    # -- look-ups in the article -------------------------------------------------------------------
    def holder(self, roles: set[str], country: str | None, body: str | None = None,
               orgs: set[str] = frozenset()) -> Holder | None:
        """The one person the article names with one of these roles (and country / body)."""
        return find_holder(self.holders, roles, country, body, orgs)

    def last_body(self, head: str, pos: int) -> str | None:
        """The institution of this kind ("ministry") the article named last before pos."""
        for _, label in reversed(self.bodies):
            if head in label.lower():
                return label
        named = self.named_bodies()
        for i in range(bisect_left(named, (pos,)) - 1, -1, -1):
            if head in named[i][1].lower():
                return named[i][1]
        return None

    def named_bodies(self) -> list[tuple[int, str]]:
        """(offset, label) of every institution the text names by a capitalised name, once."""
        if self._named is None:
            self._named = []
            for m in _BODY_NAME_RE.finditer(self.text):
                words = m.group().split()
                for i in range(len(words)):            # the longest tail that names a body
                    found = self.institution(" ".join(words[i:]), words[i:])
                    if found:
                        self._named.append((m.start(), found.label))
                        break
        return self._named

    def last_author(self, q: "Quote", mention: str) -> Settled:
        """"The statement" said: the speaker the article quoted just before it (within 1,500 chars)."""
        i = bisect_left(self.authors, (q.speaker_start,))
        if i and q.speaker_start - self.authors[i - 1][0] <= 1500:
            _, kind, name = self.authors[i - 1]
            return Settled(kind, name, how=f"{mention!r}: the author quoted just before it")
        return Settled("other", None, how=f"{mention!r} with no author named")


# --------------------------------------------------------------------------------------- helpers
# "the Western government(s)", "some European countries": a vague collective, not one state.
_BLOC_WORDS = {"western", "west", "european", "arab", "african", "asian", "foreign", "other", "some", "several",
               "many", "allied", "nato", "g7", "gulf", "eastern", "regional", "neighbouring", "neighboring"}
_COLLECTIVE_HEADS = {"government", "country", "state", "leader", "capital", "nation", "power", "ally"}
# Capitalised words that are no one's name on their own.
_COMMON_CAPITALS = {"united", "national", "federal", "royal", "central", "general", "special", "international",
                    "western", "eastern", "northern", "southern", "democratic", "republican", "liberal",
                    "conservative", "communist", "socialist", "islamic", "christian", "muslim", "jewish",
                    "catholic", "orthodox", "breaking", "exclusive", "update", "analysis", "opinion", "editorial"}
_QUANTIFIERS = {"many", "some", "others", "most", "several", "few", "all", "everyone", "everybody", "nobody",
                "none", "both", "each", "either", "neither", "one", "anyone", "anybody", "somebody"}
_LEADER_ROLES = {"president", "leader", "premier", "prime minister", "chairman", "head of state"}


def _two(counts: Counter) -> tuple[str, str] | None:
    """The two leading items when two clearly lead (the third, if any, has at most half the second's count)."""
    top = counts.most_common(3)
    if len(top) < 2 or (len(top) == 3 and top[2][1] * 2 > top[1][1]):
        return None
    return top[0][0], top[1][0]

_BODY_HEADS = {"ministry", "agency", "committee", "command", "court", "service", "department",
               "office", "council", "commission", "directorate", "administration", "embassy", "guard"}
_ORG_TITLE_WORDS = {"kremlin", "fsb", "nato", "pentagon", "ministry", "foreign", "defense", "defence",
                    "interior", "emergency", "emergencies", "health", "intelligence", "security",
                    "military", "army", "navy", "un", "white", "house", "state", "department"}
_BODY_NAME_RE = re.compile(r"\b(?:[\w'’-]+\s+){0,4}(?:ministry|agency|committee|command|court|service|"
                           r"department|office|council|commission|directorate)(?:\s+of(?:\s+the)?(?:\s+[A-Z][\w'’-]*)+)?",
                           re.I)
# "Federal Penitentiary Service (FPS)": an acronym the article spells out.
_ACRONYM_RE = re.compile(r"(?P<long>(?:[A-Z][\w'’-]+\s+(?:of\s+(?:the\s+)?)?){1,6}[A-Z][\w'’-]+)\s+\((?P<short>[A-Z]{2,6})\)")
_CAP_WORD_RE = re.compile(r"\b[A-Z][a-z]+\b")
_DOMAIN_HEAD_RE = re.compile(r"[\w-]+\.$")
_DOMAIN_TAIL_RE = re.compile(r"\.(?:com|net|org|ru|ua|cn|in|uk|info|news|tv|co|io)\b", re.I)
_ACRONYM_WORD_RE = re.compile(r"[A-Z][A-Z0-9&]{1,6}")
_DOMAIN_RE = re.compile(r"[\w-]+(?:\.[\w-]+)*\.(?:com|net|org|ru|ua|cn|in|uk|info|news|tv|co|io)", re.I)
# Head words of a body's own name ("Horry County Police Department", "Basmanny District Court").
ORG_HEADS = {"ministry", "department", "agency", "committee", "commission", "council", "court",
             "service", "office", "directorate", "command", "bureau", "administration", "authority",
             "police", "guard", "forces", "army", "navy", "embassy", "party", "company", "corporation",
             "institute", "university", "foundation", "group", "union", "organization", "organisation",
             "association", "center", "centre", "board", "parliament", "assembly", "duma", "senate",
             "congress", "prosecutor's", "headquarters", "staff", "mission", "secretariat"}
PLACE_WORDS = {"city", "hall", "street", "square", "river", "region", "oblast", "district", "province",
               "county", "airport", "station", "plant", "dam", "bridge", "island", "sea", "lake"}
# A capitalised name right after a mention ("his spokesman| Dmitry Peskov told").
_NAME_AFTER_RE = re.compile(r"(?:[ \t]+|,[ \t]+)(?P<name>[A-Z][a-zà-ÿ'’-]+(?:[ \t]+[A-Z][a-zà-ÿ'’-]+){1,2})\b")
# Roles people have towards another person ("Navalny's wife, Yulia Navalnaya,").
_PERSONAL_ROLES = {"wife", "husband", "widow", "son", "daughter", "mother", "father", "brother", "sister",
                   "lawyer", "attorney", "aide", "adviser", "advisor", "assistant", "deputy", "ally", "partner"}
_NAMED_ROLES = set(ROLE_SYNONYMS) | _PERSONAL_ROLES
# "and Russia", ", Spain and the UAE" after a mention, up to its cue.
_CONJ_RE = re.compile(r"(?:\s+of\s+(?:the\s+)?[A-Z][\w'’.-]+(?:\s+[A-Z][\w'’.-]+)?)?"
                      r"\s*(?:,\s*)?(?:and|&)\s+(?P<rest>[^.;:()\n]{2,80}?)\s*(?:,|$)")
_AUX_TAIL = re.compile(r"(?:\s+(?:have|has|had|were|was|are|is|also|both|each|all|jointly|together|"
                       r"have also|had also|on \w+day)\b)+\s*$", re.I)
_OF_COUNTRY_RE = re.compile(r"\s+of\s+(?P<c>(?:the\s+)?[A-Z][\w'’.-]+(?:\s+[A-Z][\w'’.-]+)?)$")
_TIME_TAIL = re.compile(r"\s+(?:on|in|at|late|early|last|this|earlier|later)\b.*$|\s+(?:Monday|Tuesday|Wednesday|"
                        r"Thursday|Friday|Saturday|Sunday)\b.*$", re.I)
_NAME_TOKEN = re.compile(r"[A-Z][a-zà-ÿ'’-]+(?:-[A-Z][a-zà-ÿ'’-]+)?\.?|[A-Z]\.")


def _trim_mention(mention: str) -> str:
    """A mention without edge punctuation, a time phrase after it or an opening conjunction."""
    m = mention.strip(" ,;:-–—\"'“”‘’()[]")
    m = _TIME_TAIL.sub("", m) or m
    m = re.sub(r"^(?:and|but|so|yet|while|as|also|both|either|neither)\s+", "", m, flags=re.I)
    tail = _OF_COUNTRY_RE.search(m)
    if tail and tail.start() > 0 and country_in(words_of(tail.group("c")))[0]:
        m = m[:tail.start()]                   # "Vladimir Putin of Russia"
    return m.strip()


# Words after a noun phrase's head: "a source familiar with", "officials speaking on condition".
_HEAD_CUTS = {"of", "in", "for", "at", "from", "with", "on", "who", "which", "that", "familiar", "close",
              "involved", "speaking", "briefed", "quoted", "cited", "associated", "linked", "based",
              "loyal", "near", "by", "to", "under", "within", "across", "around"}


def _head(words: list[str]) -> str:
    """The head word of a noun phrase: its last word before "of"/"in"/"for"/"at", lower case."""
    cut = len(words)
    for i, w in enumerate(words):
        if w.lower() in _HEAD_CUTS and i > 0:
            cut = i
            break
    core = [w for w in words[:cut] if w != "'s"]
    return core[-1].lower().strip(".") if core else ""


def _document_owner(mention: str, head: str) -> str | None:
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
    mods = [w for w in words[:-1] if w.lower() not in _DETERMINERS and w.lower() not in ("joint", "official",
            "new", "latest", "earlier", "later", "preliminary", "short", "brief", "written", "separate",
            "recent", "previous", "first", "second", "final", "initial", "same")]
    if mods and (any(w[:1].isupper() for w in mods) or institution(" ".join(mods))):
        return " ".join(mods)                         # "a Kremlin statement", "a defence ministry statement"
    return None if head in DOC_WORDS else ""


def _capital_runs(words: list[str]) -> list[str]:
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


def _proper_name_run(words: list[str]) -> list[str]:
    """The trailing run of capitalised words that could be a person's name (no titles, places,
    institutions or outlets in it)."""
    run: list[str] = []
    for w in reversed(words):
        lw = w.lower().strip(".")
        if lw.endswith("s") and lw[:-1] in TITLE_WORDS:
            break                                   # "Presidents Xi Jinping and …"
        if not _NAME_TOKEN.fullmatch(w) or lw in TITLE_WORDS or lw in NOT_NAMES or lw in _NOT_NAME_CAPS \
                or lw in _ORG_TITLE_WORDS or country_in([w])[0] or lw in ANON_WORDS or lw in DOC_WORDS \
                or lw in THING_WORDS or lw in MEDIA_WORDS or lw in SPOKES_WORDS or lw in ORG_HEADS \
                or lw in PLACE_WORDS:
            break
        run.append(w)
    return run[::-1]


def bare_name(words: list[str]) -> str:
    """A person's name at the end of a mention, without titles, places or owners ("NATO Secretary
    General Jens Stoltenberg" -> "Jens Stoltenberg"); "" when the mention ends in no name."""
    if words and words[-1] == "'s":
        words = words[:-1]
    run = _proper_name_run(words)
    if not run:
        return ""
    if len(run) == len(words) or words[len(words) - len(run) - 1] != "'s" or len(run) > 1:
        pass
    name = " ".join(w.rstrip(".") if len(w) > 2 else w for w in run)
    if institution(name) or government(name) or news_outlet(name):
        return ""
    if len(run) == 1 and len(words) > 1 and words[-2][:1].islower() and words[-2].lower() not in TITLE_WORDS \
            and words[-2] != "'s":
        return ""                                      # "the largely symbolic Visit" is no name
    return name


def _role_words(words: list[str], name: str) -> str | None:
    """The words before a name that give the person's role ("Kremlin Spokesman")."""
    n = len(name.split())
    before = [w for w in words[:len(words) - n] if w.lower() not in _DETERMINERS]
    return " ".join(before) if before else None


def _description(words: list[str]) -> str:
    """An anonymous source's description: its words without the leading article."""
    while words and words[0].lower() in ("the", "a", "an"):
        words = words[1:]
    text = " ".join(words).replace(" 's", "'s")
    return text[:1].lower() + text[1:] if text[:1].isupper() and not text.split()[0].isupper() \
        and not country_in(text.split()[:1])[0] else text


# ---------------------------------------------------------------------------------- titled names
_TITLED_RE = re.compile(r"(?:(?:[A-Z]\.|[A-Z][\w'’-]*)\s+){1,6}[A-Z][a-zà-ÿ'’-]+\b")
_ROLE_STOP = {"and", "or", "with", "by", "as", "who", "that", "which", "to", "from", "for", "said", "says",
              "told", "after", "before", "while", "when", "between", "than", "met", "meet"}
_APPOS_RE = re.compile(r"(?P<name>[A-Z][a-zà-ÿ'’-]+(?:\s+[A-Z][a-zà-ÿ'’-]+){1,2}),\s+(?P<role>(?:the\s+|a\s+|an\s+)?"
                       r"(?:[\w'’-]+\s+){0,5}?(?:president|minister|spokesman|spokeswoman|spokesperson|"
                       r"secretary|chief|head|director|ambassador|envoy|aide|adviser|commander|mayor|"
                       r"governor|chairman|leader|premier|general)\b[^,.;]{0,60})")


def titled_names(text: str) -> list[Holder]:
    """Persons the article names with a title or role: "Chinese President Xi Jinping", "Kremlin
    spokesman Dmitry Peskov", "presidential aide Yury Ushakov", "Dmitry Peskov, the Kremlin spokesman"."""
    holders: list[Holder] = []
    for m in _TITLED_RE.finditer(text):
        words = words_of(m.group())
        name = bare_name(words)
        if not name or len(name.split()) < 2:
            continue
        before = re.split(r"[.,;:!?()\"“”\n]", text[max(0, m.start() - 80):m.start()])[-1].split()[-4:]
        for i in range(len(before) - 1, -1, -1):        # "… and Russian President Vladimir Putin"
            if before[i].lower() in _ROLE_STOP:
                before = before[i + 1:]
                break
        role = " ".join(before + words[:len(words) - len(name.split())]).strip()
        if any(w.lower().strip(".") in ROLE_SYNONYMS or w.lower().strip(".") in TITLE_WORDS for w in role.split()):
            _add_holder(holders, name, role)
    for m in _APPOS_RE.finditer(text):
        name = bare_name(words_of(m.group("name")))
        if name:
            _add_holder(holders, name, m.group("role"))
    return holders


def _add_holder(holders: list[Holder], name: str, role: str) -> None:
    """Record (or extend) a titled person."""
    low = role.lower().replace("’", "'")
    words = set(re.findall(r"[a-z][a-z.-]*", low))
    phrases = {p for p in ("prime minister", "head of state", "press secretary", "secretary general",
                           "foreign minister", "defense minister", "defence minister") if p in low}
    country, _ = country_in(role.split())
    orgs = words & _ORG_TITLE_WORDS
    for h in holders:
        if h.name == name:
            h.role |= words | phrases
            h.orgs |= orgs
            h.country = h.country or country
            return
    holders.append(Holder(name, words | phrases, country, orgs))


def find_holder(holders: list[Holder], roles: set[str], country: str | None, body: str | None = None,
                orgs: set[str] = frozenset()) -> Holder | None:
    """The one holder with one of these roles (synonyms included) and, when given, the country and
    title words; None when none or several match."""
    wanted = set()
    for r in roles:
        wanted |= ROLE_SYNONYMS.get(r, {r})
    found = {}
    for h in holders:
        if not wanted & h.role:
            continue
        if country and h.country and h.country != country:
            continue
        if orgs and not orgs <= (h.orgs | h.role):
            continue
        if body and body.lower() not in " ".join(sorted(h.role)) and not (h.orgs & set(body.lower().split())):
            continue
        found[h.name] = h
    return next(iter(found.values())) if len(found) == 1 else None
