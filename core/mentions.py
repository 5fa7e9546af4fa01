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

from spacy.lang.en.stop_words import STOP_WORDS

from core.gazetteer import Body, country_in, government, institution, joined, words_of
from core.mention_words import (ANON_WORDS, BLOC_WORDS, BODY_HEADS, COLLECTIVE_HEADS, COMMON_CAPITALS,
                                DETERMINERS, DOC_WORDS, LEADER_ROLES, MEDIA_PLURALS, MEDIA_WORDS,
                                NAMED_ROLES, OCCUPATION_WORDS, ORG_HEADS, ORG_TITLE_WORDS, QUANTIFIERS, REPORTER_WORDS,
                                ROLE_SYNONYMS, THING_WORDS, US_STATES, Holder, Holders, bare_name, capital_runs, description,
                                document_owner, head_of, proper_name_run, role_words, titled_names,
                                trim_mention)
from core.quote_cues import CUE_FORMS
from core.quote_input import credited_outlets, dateline_end, news_outlet
from core.quote_spans import SETTINGS
from core.speakers import AMBIGUOUS, NOT_NAMES, PERSON_TITLES, PRONOUNS, TITLE_WORDS, gender_agrees, pronoun_genders

if TYPE_CHECKING:
    from core.quotes import Quote

# Cues of what something means ("the visit stressed", "such attacks signal", "the trip suggests"): under a happening or
# a thing as subject they say what the writer reads into it, not what anyone said (a film, book or poll "shows"
# its content and is left as it was).
_MEANING_CUES = frozenset("""stress emphasize emphasise signal show indicate suggest reveal hint mark underline
predict""".split())
_CONTENT_THINGS = frozenset("film movie book song show series times".split())
# Types a quote's speaker may end with; only the first three are shown under a name.
SHOWN_TYPES = ("person", "organisation", "anonymous")
NOT_SHOWN_TYPES = ("pronoun", "role", "credit", "other")

# "the Kremlin press service", "a Chinese Foreign Ministry spokesperson", "a spokesman for Kyiv's
# military spy agency": the body an unnamed spokesperson speaks for.
_SPOKES = (r"(?:press\s+(?:service|office|secretary|department|cent(?:er|re))|spokes(?:man|woman|person|people|persons|men|women)"
           r"|(?:official\s+)?representatives?|press\s+secretary)")
_SPOKES_AFTER_RE = re.compile(r"(?:(?:the|a|an)\s+)?(?P<body>.+?)(?:['’]s)?\s+" + _SPOKES + r"$", re.I)
_SPOKES_BEFORE_RE = re.compile(r"(?:(?:the|a|an)\s+)?" + _SPOKES + r"\s+(?:of|for|at)\s+(?P<body>.+)$", re.I)

# A country's word opening a company's name is no mention of the country: "one from Saudi Airlines", "Qatar Airways"
_BRAND_HEADS_RE = re.compile(r"\s+(?:Airlines|Airways|Aramco|Telecom)\b")


def _country_words(text: str) -> list[str]:
    """The capitalised words of a text that may name a country, less those opening a company's name."""
    return [m.group() for m in _CAP_WORD_RE.finditer(text) if not _BRAND_HEADS_RE.match(text, m.end())]


@dataclass
class Settled:
    """What one mention was settled to."""

    kind: str                      # person / organisation / anonymous / role / credit / other / pronoun
    name: str | None               # the name shown (None when not shown)
    role: str | None = None
    how: str = ""
    role_query: tuple | None = None  # (role words, country) of an unresolved role, for the event pass
    also: list = field(default_factory=list)   # [(Settled, (start, end))]: joint speakers ("A and B said")
    thing: bool = False            # a happening or thing ("the visit", "such attacks"), which says nothing


# ------------------------------------------------------------------------------ the article pass
def settle_article(quotes: list["Quote"], article: Any, text: str) -> list["Quote"]:
    """Settle every quote's speaker in one article (see the module docstring); returns the quotes."""
    ctx = _Context(article, text)
    joint: list["Quote"] = []
    dropped: set[int] = set()
    for q in sorted(quotes, key=lambda q: q.speaker_start if q.speaker_start is not None else q.quote_start):
        if q.speaker is None or q.speaker_start is None:
            continue
        s = ctx.settle(q)
        if s.thing and CUE_FORMS.get((q.cue or "").lower()) in _MEANING_CUES:
            # "The largely symbolic visit stressed …", "such attacks signal …": a thing stresses or signals
            # nothing anyone said; the words are the writer's (a document's text "says" and stays, unnamed)
            dropped.add(id(q))
            continue
        _apply(q, s)
        ctx.remember(q, s)
        for other, (a, b) in s.also:            # "both Ukraine and Russia said": one row each
            twin = copy(q)
            twin.speaker_start, twin.speaker_end, twin.speaker = a, b, text[a:b]
            _apply(twin, other)
            joint.append(twin)
            ctx.remember(twin, other)
    kept = [q for q in quotes if id(q) not in dropped]
    return _one_row_per_speaker(_settle_nested(kept + joint), text)


def _one_row_per_speaker(quotes: list["Quote"], text: str = "") -> list["Quote"]:
    """One row per (content, speaker): where a content has a shown speaker, rows of the same content
    that name none (the channel of "TASS reported, citing the ministry") go; repeated names go. A statement
    the page prints again (a headline repeated, a caption under each photo) is one statement: its copies, the
    same words on the same line, with the same shown speaker or none, go too (the same words quoted again in
    another sentence stay: a reporter repeating a phrase is a second row in PolNeAR's count)."""
    shown_spans = {(q.quote_start, q.quote_end) for q in quotes if q.speaker_type in SHOWN_TYPES}
    shown_words = {_words_key(q, text) for q in quotes if q.speaker_type in SHOWN_TYPES}
    kept, seen = set(), set()
    for q in sorted(quotes, key=lambda q: (q.speaker_type not in SHOWN_TYPES, q.quote_start)):
        span = (q.quote_start, q.quote_end)
        if q.speaker_type not in SHOWN_TYPES and (span in shown_spans or _words_key(q, text) in shown_words):
            continue
        key = (span, q.canonical_speaker) if q.speaker_type in SHOWN_TYPES else (span, id(q))
        copy_key = (_words_key(q, text), q.canonical_speaker if q.speaker_type in SHOWN_TYPES else None)
        if key in seen or copy_key in seen:
            continue
        seen.update((key, copy_key))
        kept.add(id(q))
    return [q for q in quotes if id(q) in kept]


def _words_key(q: "Quote", text: str) -> tuple[str, str]:
    """A content's words and its line's, case and marks aside: what two printed copies of one statement share."""
    words = " ".join(_WORD_RUN_RE.findall(q.quote.lower()))
    start = text.rfind("\n", max(0, q.quote_start - _LINE_MAX), q.quote_start) + 1
    end = text.find("\n", q.quote_end, q.quote_end + _LINE_MAX)
    if start == 0 and q.quote_start > _LINE_MAX or end < 0 and len(text) - q.quote_end > _LINE_MAX:
        return words, str(q.quote_start)        # a line too long to be a headline or caption: no copy of one
    line = text[start:end if end >= 0 else len(text)]
    return words, " ".join(_WORD_RUN_RE.findall(line.lower()))


_LINE_MAX = 2000


def _apply(q: "Quote", s: Settled) -> None:
    """Write a settled speaker into its quote."""
    q.speaker_type, q.canonical_speaker = s.kind, s.name if s.kind in SHOWN_TYPES else None
    if s.kind == "person" and s.name:     # the name in the article; other kinds keep their mention
        q.speaker = s.name
    if s.role is not None or s.kind != "person":
        q.speaker_role = s.role if s.role is not None else q.speaker_role
    q.speaker_how = s.how
    q.role_query = s.role_query


def _settle_nested(quotes: list["Quote"]) -> list["Quote"]:
    """A speaker named inside another speaker's words ("Xie said China urged the US…").

    A paraphrase there ("China urged…") is part of what the outer speaker said: when its words lie
    within the outer quote it goes (they are shown there already), otherwise it is shown under no
    name. A direct quote there keeps its own speaker ("Comey wrote that Trump told him, “I need
    loyalty.”" is Trump's, relayed by Comey): its marks say whose words they are.
    """
    outer = sorted((q.quote_start, q.quote_end, id(q), q) for q in quotes if q.speaker_type in SHOWN_TYPES)
    starts = [a for a, _, _, _ in outer]
    reach, far = [], -1                  # reach[i]: the furthest end among outer[:i + 1]
    for _, b, _, _ in outer:
        far = max(far, b)
        reach.append(far)
    gone = set()
    for q in quotes:
        if q.speaker_type not in SHOWN_TYPES or q.speaker_start is None:
            continue
        i = bisect_right(starts, q.speaker_start) - 1
        if i < 0 or reach[i] <= q.speaker_start:
            continue
        # spans starting at or before the mention; the last few are checked one by one
        host = next((o for _, b, k, o in reversed(outer[max(0, i - 50):i + 1])
                     if b > q.speaker_start and k != id(q)), None)
        if host is None:
            continue
        if q.kind == "direct":
            q.speaker_how = f"{q.speaker_how}; quoted within {host.canonical_speaker}'s words"
        elif host.quote_start <= q.quote_start and q.quote_end <= host.quote_end:
            gone.add(id(q))
        else:
            q.speaker_type, q.canonical_speaker = "other", None
            q.speaker_how = "named inside another speaker's words"
    return [q for q in quotes if id(q) not in gone]


class _Context:
    """One article's text, credits, titled names and the speakers settled so far."""

    def __init__(self, article: Any, text: str):
        self.article, self.text = article, text
        self._credits: set[str] | None = None
        self._holders: Holders | None = None          # titled names, read when a role needs them
        self._pending: list[tuple[str, str, int]] = []
        self.bodies: list[tuple[int, str]] = []       # (offset, label) of institutions named
        self.authors: list[tuple[int, str, str]] = []  # (offset, kind, name) of shown speakers
        self.sources: list[int] = []                   # offsets of every shown speaker, anonymous ones too
        self._named: list[tuple[int, str]] | None = None
        self.pos = 0                                   # offset of the mention being settled
        self._last = None
        self._acronyms: dict[str, str] | None = None
        self._country: str | None | bool = False
        self._countries: Counter | None = None
        self._in_full: dict[str, bool] = {}           # lone_conjunct's answer per word: one scan of the text each
        self._runs: set[str] | None = None            # the text's word runs not after a dot, as written
        self._genders: dict[str, set[str]] | None = None
        self._after_given: dict[str, list[int]] | None = None   # named_otherwise's one pass over the text
        self._lower_words: set[str] | None = None      # the text's lowercase words, for lowercase_plural
        self._after_the: set[str] | None = None        # the words the text writes after "the", for plural_body
        self._places: set[str] | None = None           # words the text writes as a place ("to Peru"), once
        self._caps: set[str] | None = None             # the text's capitalised words, once

    @property
    def holders(self) -> Holders:
        """Persons the article names with a role (titled_names), and the roles of speakers so far."""
        if self._holders is None:
            self._holders = titled_names(self.text)
            for name, role, offset in self._pending:
                self._holders.add(name, role, offset)
        return self._holders

    @property
    def credits(self) -> set[str]:
        """The outlet that published the article and those its credit lines name."""
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
        if s.kind in SHOWN_TYPES:
            insort(self.sources, q.speaker_start)
        if s.kind == "organisation" and s.name:
            self.bodies.append((q.speaker_start, s.name))
            del self.bodies[:-20]               # "the ministry" refers to a body named recently
        if s.kind == "person" and s.name and s.role:
            if self._holders is None:
                self._pending.append((s.name, s.role, q.speaker_start))
            else:
                self._holders.add(s.name, s.role, q.speaker_start)

    def settle(self, q: "Quote") -> Settled:
        """What q's mention names."""
        mention = self.text[q.speaker_start:q.speaker_end].strip()
        self.pos = q.speaker_start
        if mention.lower() in PRONOUNS:
            last = self.last_speaker
            if q.speaker_type == AMBIGUOUS and not (
                    last and len(_SENTENCE_STOP_RE.findall(self.text, last[0], self.pos)) <= 1 and gender_agrees(
                        self.genders, last[1].name, "f" if mention.lower() == "she" else "m")):
                # the sentence before opens on, or names, someone else; only a speaker it names itself goes on
                return Settled("pronoun", None, how="pronoun after a sentence that opens on, or names, someone else")
            if mention.lower() in ("he", "she") and last and self.pos - last[0] <= 400 and (
                    last[1].kind == "role" or q.speaker_type in ("pronoun", AMBIGUOUS)) and gender_agrees(
                    self.genders, last[1].name, "f" if mention.lower() == "she" else "m"):
                # '"…," the spokesman said. "…," he added': the same speaker as just before
                s = last[1]
                return Settled(s.kind, s.name, s.role, how=f"{mention!r} continues the speaker just before",
                               role_query=s.role_query)
            if q.speaker_type in ("pronoun", AMBIGUOUS):
                return Settled("pronoun", None, how="pronoun with no antecedent")
            if q.speaker_type == "person":
                if not bare_name(words_of(q.speaker or "")):    # its antecedent is no name ("Navalny's wife")
                    if last and last[1].kind == "person" and self.pos - last[0] <= 600:
                        return Settled("person", last[1].name, last[1].role,
                                       how=f"{mention!r} continues the speaker just before")
                    return Settled("pronoun", None, how="pronoun whose antecedent is no name")
                ante = bare_name(words_of(q.speaker))
                if mention.lower() in ("he", "she") and not gender_agrees(
                        self.genders, ante, "f" if mention.lower() == "she" else "m"):
                    # '"…," she said' after "President Trump": the text tells another sex of that person
                    return Settled("pronoun", None, how=f"{mention!r} does not agree with {q.speaker!r}")
                if ante.split()[-1].lower() in _IDEA_HEADS | _ILLNESS_HEADS or " " not in ante and (
                        ante.lower() in US_STATES | STOP_WORDS or country_in([ante])[0] or self.common_word(ante)
                        or self.a_country(ante)) or self.plural_body(ante.split()[-1]):
                    return Settled("pronoun", None, how=f"pronoun whose antecedent {q.speaker!r} is no person")
                return self.person(q.speaker, q.speaker_role, "pronoun resolved to the person named before it")
        domain = _DOMAIN_TAIL_RE.match(self.text, q.speaker_end)
        if domain:                                   # "Censor.NET" cut at its dot by the tokenizer
            mention = self.text[q.speaker_start:domain.end()].strip()
            q.speaker_end = domain.end()
        glued = _DOMAIN_HEAD_RE.search(self.text, max(0, q.speaker_start - 40), q.speaker_start)
        if glued and _DOMAIN_RE.fullmatch(glued.group() + mention.split()[0] if mention else ""):
            mention = glued.group() + mention       # "Censor." + "NET"
            q.speaker_start = glued.start()
        after = _NAME_AFTER_RE.match(self.text, q.speaker_end)
        head = head_of(words_of(mention))
        if after and "," in after.group() and (head.removesuffix("s") not in NAMED_ROLES or head in DOC_WORDS):
            after = None        # "According to the statement, Abu Shamaleh was …": the name after the comma is the clause's
        if after and head.removesuffix("s") in NAMED_ROLES | {head} \
                and not bare_name(words_of(mention)) and bare_name(words_of(after.group("name"))):
            # "his spokesman Dmitry Peskov told": the parse cut the name off the role (but in "Kate Allen,
            # Amnesty International U.K.'s director" the mention is a name, and what follows its apposition)
            mention = self.text[q.speaker_start:after.end("name")].strip()
        at = self.text.find(mention, q.speaker_start, q.speaker_start + len(mention) + 8) if mention else -1
        initial = _INITIAL_AFTER_RE.match(self.text, at + len(mention)) if at >= 0 else None
        if initial and mention[-1:].isalpha() and mention.split()[-1][:1].isupper():
            # "Senator Richard| M. Burr of North Carolina": the parse cut the name at its middle initial
            mention = self.text[q.speaker_start:initial.end()].strip()
        # "Ambassador at Large Mikhail Shvydkoy": "at Large" ends the title, it starts no name
        s = self.phrase(_AT_LARGE_RE.sub(" ", mention), q)
        if s.kind == "person" and s.name and " " not in s.name:
            s = self.lone_word(s, q)
        if s.kind == "other" and set(w.lower().rstrip(".") for w in words_of(mention)) & _LANDFORMS:
            return s                    # "Mount Semeru and Lewotobi Laki-laki … reported": a mountain's fellows are too
        if s.kind not in ("credit",):
            joined = self.conjuncts(q)
            if joined is None:
                # "Putin and his Chinese counterpart reaffirmed …", "Putin and Xi said" with Xi named nowhere in full:
                # a plural subject is no one speaker, and crediting the one part that has a name would say it was
                return Settled("other", None, how=f"{mention!r} speaks with others the article does not name")
            s.also = list(s.also or []) + joined   # keep "the two leaders"' second
        if s.kind == "person" and s.also:
            s = self.shared_surname(s, q)
        return s

    def shared_surname(self, s: Settled, q: "Quote") -> Settled:
        """"Bill and Melinda Gates said": a lone first name joined straight to a full name shares its
        surname (Bill Gates), unless the article writes that word after another name, as a surname
        ("Trump and Melania Trump")."""
        other, (start, _end) = s.also[0]
        parts = (other.name or "").split()
        if not (s.name and " " not in s.name and other.kind == "person" and len(parts) >= 2
                and s.name != parts[-1]):
            return s
        if s.role or self.text[q.speaker_start:q.speaker_end].strip() != s.name \
                or not re.fullmatch(r"\s+and\s+", self.text[q.speaker_end:start]):
            return s                    # "U.S. Customs and Border Protection": a body's name, no couple
        surname = parts[-1]
        if self.common_word(s.name) or self.common_word(surname):
            return s
        after_name = (m.group(1).lower() for m in
                      re.finditer(rf"\b([A-Z][\w'’-]+)\s+{re.escape(s.name)}\b", self.text))
        if any(w not in STOP_WORDS and w not in TITLE_WORDS and w not in OCCUPATION_WORDS
               and w.removesuffix("s") not in OCCUPATION_WORDS for w in after_name):
            return s
        full = f"{s.name} {surname}"
        return Settled("person", full, s.role, how=f"{s.name!r} shares the surname of {other.name!r} joined to it",
                       also=s.also)

    # -- one mention --------------------------------------------------------------------------
    def phrase(self, mention: str, q: "Quote") -> Settled:
        """Settle a mention phrase (see the module docstring for the order of the tests)."""
        mention = _GROUP_OF_RE.sub("", trim_mention(mention))   # "a group of other opposition politicians": the politicians
        mention = _ABBREV_PAREN_RE.sub("", mention)   # "National Electoral Council (CNE) President Juan Pablo Pozo"
        appo = _NAME_THEN_ROLE_RE.match(mention)
        if appo is None and q.speaker_end is not None and _NAME_PARTICLE_RE.fullmatch(mention):
            # the parse stopped at the comma: the description follows the mention in the text
            after = _ROLE_AFTER_RE.match(self.text, q.speaker_end)
            appo = _NAME_THEN_ROLE_RE.match(f"{mention}, {after.group('role')}") if after else None
        if appo and head_of(words_of(appo.group("role"))) in _PERSON_NOUNS and not (
                institution(appo.group("name")) or government(appo.group("name")) or news_outlet(appo.group("name"))):
            # "said Ahmed al-Assadi, a spokesman for …": the name the apposition describes as a person
            return self.person(appo.group("name"), appo.group("role"),
                               f"{appo.group('name')!r}, described as {appo.group('role')!r}")
        words = words_of(mention)
        if not words or mention.lower() in ("nan", "none", "null", "n/a"):
            return Settled("other", None, how="no words")
        low = [w.lower() for w in words]
        head = head_of(words)
        owner = document_owner(mention, head)
        if owner is not None:
            if _JOINT_DOC_RE.search(mention) or _MORE_AUTHORS_RE.match(self.text, q.speaker_end):
                # "a joint statement by Beijing, Riyadh and Tehran": the words of several parties, no one party's
                return Settled("other", None, how=f"{mention!r}: a document of several parties")
            if owner == "":
                return self.last_author(q, mention)
            inner = self.phrase(owner, q)
            if inner.kind == "person" and len(owner.split()) == 1 and self.at_sentence_start(q) \
                    and mention.startswith(owner + " ") and not self.named_otherwise(owner) \
                    and not self.surname_of_speaker(owner):
                # "Medical reports state …": a word capitalised by its place at the sentence's start, no one's name
                # ("Putin's statement" is a possessor's, and stays)
                return Settled("other", None, how=f"{owner!r} opens the sentence and names no one the article names")
            if inner.kind in SHOWN_TYPES:
                inner.how = f"author of {mention!r}; " + inner.how
            return inner
        if len(low) == 1 and low[0] in QUANTIFIERS:
            return Settled("other", None, how=f"{mention!r} is no one in particular")
        outlet = self.outlet(mention, words, low)
        if outlet is not None:
            return outlet
        gov = government(mention)
        if gov:
            return Settled("organisation", gov, how=f"state or capital {mention!r} as an actor")
        if low[-1] in UNNAMED_BODIES and set(low[:-1]) <= DETERMINERS | UNNAMED_BODY_KINDS:
            # "Police said", "state prosecutors said": a body no name identifies, so an unnamed source
            return Settled("anonymous", description(words, self.text), how=f"unnamed source {mention!r}")
        titled = _TITLE_NAME_RE.match(" ".join(words))
        if titled and set(w.lower() for w in words_of(titled.group("body"))) & (ORG_HEADS | _MORE_ORG_HEADS) \
                and not set(w.lower() for w in titled.group("name").split()) & (ORG_HEADS | _MORE_ORG_HEADS | TITLE_WORDS):
            # "National Organization for Women President Terry O'Neill": the person, the body their role's
            role = f"{titled.group('body')} {titled.group('title')}".strip()
            return self.person(titled.group("name"), role, f"{titled.group('name')!r}, titled by a body in {mention!r}")
        if len(words) == 2 and words[0].lower() in _PRONOUN_FIRST and self.named_otherwise(words[1]):
            # "He Sasako said" (a typo): the pronoun is no given name when the article writes the surname
            # after another one ("Peter Sasako"); a real "He Lifeng" has no other given name there
            return self.person(words[1], None, f"{mention!r}: a pronoun run into the surname {words[1]!r}")
        lead = low[1:] if low[0] in DETERMINERS else low
        if len(lead) >= 3 and lead[0] in PERSON_TITLES and lead[1] == "of":
            # "The Governor of the Central Bank of Nigeria (CBN), Olayemi Cardoso": a person's title, not the bank; its
            # holder the name set after it, else the one the article names in it
            after = _HOLDER_AFTER_RE.match(self.text, q.speaker_end or 0)
            if after and bare_name(words_of(after.group("name"))) and self.text.find(mention, q.speaker_start or 0) >= 0:
                return self.person(after.group("name"), mention, f"{after.group('name')!r}, named after the title {mention!r}")
            role = self.role(words, low, head)
            if role is not None and not (role.kind == "person" and role.name
                                         and role.name.split()[-1].lower() in ORG_HEADS | _MORE_ORG_HEADS):
                return role
            return Settled("role", None, mention, how=f"role {mention!r} with no named holder in the article")
        led = _led_body(words)
        if led:
            return Settled("organisation", led, how=f"{mention!r}: the body a named person leads")
        body = self.body(mention, words, low)
        if body is not None:
            return body
        name = bare_name(words)
        if not name and len(words) >= 3 and low[0] in ("a", "an", "the") and words[-1][:1].isupper() \
                and all(w[:1].islower() and w.lower() not in TITLE_WORDS for w in words[1:-1]):
            full = bare_name(words_of(q.speaker or ""))
            if len(full.split()) > 1 and full.split()[-1] == words[-1]:
                # "a visibly moved Macron said": a person named in full earlier, described
                return self.person(full, None, f"{mention!r} describes {full!r}, named earlier in the article")
        if name and len(name.split()) > 1 and self.lowercase_plural(name.split()[-1]) and q.speaker_type != "person":
            # "James Comey Memos just out show …" (a tweet's capitals): documents the article calls "the memos"
            return Settled("other", None, how=f"{mention!r} ends in a plural the article writes in lowercase")
        if name and (name.lower() in COMMON_CAPITALS | _HEAD_WORDS or (
                q.speaker_type == "unknown" and name.split()[-1].endswith("s") and (len(name.split()) == 1 or mention.lower().startswith("the "))
                and not name.split()[-1].endswith(("ss", "us", "is")) and not self.surname_of_speaker(name))):
            # "United said", "The Comey Memos said", "The Government said": a capitalised word the
            # parse did not take for a name (but "Sanders" after "Sarah Sanders said" is hers, and a given name
            # before it makes a name: "Antonio Guterres")
            return Settled("other", None, how=f"{mention!r} is not a person's name")
        if name and name.split()[-1].lower() in _IDEA_HEADS | _ILLNESS_HEADS:
            # "the Bush Doctrine says that …": a doctrine's or a treaty's text, no one speaking; "Ebola Virus Disease"
            return Settled("other", None, how=f"{name!r} names an idea, a text or an illness, not a speaker")
        if name and name.split()[-1].lower() in ORG_HEADS | _MORE_ORG_HEADS | _RELIEF_HEADS:
            # "the U.S. Geological Survey": a body's name, not a person's
            rest = [w for w in words if w.lower() not in DETERMINERS]
            return Settled("organisation", joined(rest), how=f"{mention!r}: a body's name")
        if name and any(w.lower() in _HEADLINE_CUES for w in name.split()):
            # "China's Foreign Ministry Says Trump …", "Elon Musk Asked": a headline's cue, not a name
            return Settled("other", None, how=f"{name!r} holds a headline's verb of speech, no name")
        if name:
            role = role_words(words, name)
            full = bare_name(words_of(q.speaker or ""))
            if full != name and set(name.split()) <= set(full.split()) \
                    and not any(w.lower() in _HEADLINE_CUES for w in full.split()) \
                    and not self.common_plural_after(name, full):   # not "Beck" -> "Beck Wows", "Comey" -> "Comey Memos"
                return self.person(full, role, f"{name!r} is {full!r}, named earlier in the article")
            return self.person(name, role, f"name in {mention!r}")
        pair = self.pair(mention, low, head)
        if pair is not None:
            return pair
        if head in THING_WORDS or head in DOC_WORDS:
            return Settled("other", None, how=f"{head!r} is not a speaker",
                           thing=head in THING_WORDS and head not in _CONTENT_THINGS)
        role = self.role(words, low, head)
        if role is not None:
            return role
        if head in ANON_WORDS or set(low) & {"anonymous", "anonymity", "unnamed", "unidentified"} \
                or (head.removesuffix("s") in COLLECTIVE_HEADS and set(low) & BLOC_WORDS) or low[-2:] == ["the", "west"]:
            return Settled("anonymous", description(words, self.text), how=f"unnamed or collective source {mention!r}")
        return Settled("other", None, how=f"{mention!r} names no speaker")

    def common_plural_after(self, name: str, full: str) -> bool:
        """Whether the longer name only adds, after the name, a plural the article also writes in lowercase: "Comey
        Memos" from the headline "Here are the redacted copies of the Comey Memos" beside "the memos" is
        documents, not the person's fuller name."""
        words, last = full.split(), name.split()[-1]
        tail = words[len(words) - words[::-1].index(last):] if last in words else []
        return bool(tail) and all(self.lowercase_plural(w) for w in tail)

    def lowercase_plural(self, word: str) -> bool:
        """Whether a capitalised word is a plural the article also writes in lowercase ("Memos" beside "the memos")."""
        if not (word.endswith("s") and word[:1].isupper()):
            return False
        if self._lower_words is None:    # one pass over the text per article, not one search per mention
            self._lower_words = set(re.findall(r"\b[a-z][a-z'-]*\b", self.text))
        return word.lower() in self._lower_words

    def plural_body(self, word: str) -> bool:
        """Whether a capitalised plural is a force or group the article writes as "the <word>" ("Paramilitary Rangers"
        beside "the Rangers broke open"): no person a "he" can stand for."""
        if not (len(word) > 3 and word.endswith("s") and word[:1].isupper()):
            return False
        if not re.fullmatch(r"\w+", word):   # a rare word with marks in it: searched for as written
            return re.search(rf"\b[Tt]he {re.escape(word)}\b", self.text) is not None
        if self._after_the is None:      # one pass over the text per article, not one search per mention
            self._after_the = set(re.findall(r"\b[Tt]he (\w+)", self.text))
        return word in self._after_the

    def named_otherwise(self, surname: str) -> bool:
        """Whether the article writes surname after a capitalised given name other than He/She."""
        if self._after_given is None:   # where a word follows a given name, by that word's first run: one pass
            self._after_given = {}
            for m in _GIVEN_NAME_RE.finditer(self.text):
                run = _WORD_AT_RE.match(self.text, m.end())
                if run:
                    self._after_given.setdefault(run.group(), []).append(m.end())
        run = _WORD_AT_RE.match(surname)
        if run is None:                 # (no surname opens without a word character; kept exact all the same)
            return bool(re.search(rf"\b(?!He\b|She\b)[A-Z][a-zà-ÿ'’-]+[ \t]+{re.escape(surname)}\b", self.text))
        return any(
            self.text.startswith(surname, p) and _WORD_END_RE.match(self.text, p + len(surname))
            for p in self._after_given.get(run.group(), ()))

    def at_sentence_start(self, q: Quote) -> bool:
        """Whether the quote's speaker mention opens a sentence (or a line)."""
        if q.speaker_start is None:
            return False
        before = self.text[max(0, q.speaker_start - 3):q.speaker_start].rstrip(" \u201c\u201d\"'")
        return not before or before[-1] in ".!?\n:"

    def surname_of_speaker(self, name: str) -> bool:
        """A person settled earlier in the article has this surname."""
        return any(k == "person" and n.split()[-1] == name for _, k, n in self.authors)

    def pair(self, mention: str, low: list[str], head: str) -> Settled | None:
        """"The two leaders", "both sides", "a joint statement": the two leaders or the two countries
        the article is about, when it is clearly about two; "the country": the one it spoke of last."""
        definite = bool(set(low) & {"the", "both", "two"})
        # "the coup leaders", "the opposition leaders" are not the two heads of state the article names
        bare = set(low) <= {"the", "both", "two", "leaders", "presidents"}
        if head in ("leaders", "presidents") and definite and bare:
            names = _two(Counter(self.holders.named(LEADER_ROLES, self.pos, SETTINGS.quote_name_window)))
            if names:
                first, second = (Settled("person", n, how=f"{mention!r}: one of the two leaders the article names")
                                 for n in names)
                first.also = [(second, (self.pos, self.pos + len(mention)))]
                return first
        # (a joint statement is not the two countries': its issuers are often the two armies or agencies)
        if head in ("countries", "sides", "governments", "nations", "capitals") and definite:
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
            self._countries = Counter(c for c in (country_in([w])[0] for w in _country_words(self.text)) if c)
        return self._countries

    def conjuncts(self, q: "Quote") -> list:
        """Further subjects joined to the mention by "and" ("both Ukraine and Russia said", "Kyiv
        and Moscow have blamed each other"), each settled, as [(Settled, (start, end))]; None when the subject
        before the cue joins a part that names no speaker ("Putin and his Chinese counterpart said")."""
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
            if other.kind == "person" and other.name and " " not in other.name:
                other = self.lone_conjunct(other)
            if other.kind in SHOWN_TYPES:
                other.how = f"joint speaker, with the first named; {other.how}"
                out.append((other, (part_start, part_start + len(clean))))
            elif q.cue_start is not None and q.cue_start > end and not _CONJ_CLAUSE_RE.search(clean):
                return None
        return out

    @property
    def genders(self) -> dict[str, set[str]]:
        """The pronoun the article uses for each surname (core.speakers.pronoun_genders), read once."""
        if self._genders is None:
            self._genders = pronoun_genders(self.text)
        return self._genders

    @property
    def last_speaker(self):
        """(offset, Settled) of the speaker settled last (a person, or a role)."""
        return self._last

    def lone_word(self, s: Settled, q: "Quote") -> Settled:
        """A one-word 'person' that is no person: a dateline's place ("Denver (AP) –"), a word the article
        also writes in lower case ("History will tell …"), a piece of a longer capitalised name ("The
        Denver Post", "Wal-Mart", "America Rising") — no speaker; or a US state ("Oklahoma and Nebraska
        say …") — a body."""
        mention = self.text[q.speaker_start:q.speaker_end]
        if dateline_end(self.text[q.speaker_start:q.speaker_start + 80]) > len(mention):
            return Settled("other", None, how=f"{mention!r} is a dateline's place")
        low = s.name.lower()              # (common capitals never get here: phrase() refused them)
        if low in OCCUPATION_WORDS or low in TITLE_WORDS:
            return Settled("other", None, how=f"{s.name!r} is a title or an occupation, no name")
        words = words_of(mention)
        the = max((i for i, w in enumerate(words) if w.lower() == "the"), default=None)
        tail = words[the + 1:] if the is not None else []
        if tail and tail[-1] == s.name and all(w[:1].isupper() or w[:1].isdigit() for w in tail) \
                and not {w.lower().rstrip(".") for w in tail[:-1]} & (_HONORIFICS | OCCUPATION_WORDS):
            # "The Constitution grants", "the 4th Circuit said", "The Israel Defense Force tweeted": a thing
            # or the last word of a body's name; people are not written "the Smith"
            return Settled("other", None, how=f"{mention!r} is no person's name")
        if " " not in mention.strip() and self.common_word(s.name):
            return Settled("other", None, how=f"{s.name!r} is a common word in this article, no name")
        at = mention.rfind(s.name)
        before = (_CAPITAL_BEFORE_RE.search(mention, 0, at) if at > 0 else
                  _CAPITAL_BEFORE_RE.search(self.text, max(0, q.speaker_start - 40), q.speaker_start))
        after = _CAPITAL_AFTER_RE.match(self.text, q.speaker_start + at + len(s.name) if at >= 0 else q.speaker_end)
        for m in (after, before):
            word = m and m.group("w")
            low = word and word.lower().strip(".")
            if word and low not in _NOT_NAME_PIECES and low not in TITLE_WORDS and low.removesuffix("s") not in TITLE_WORDS \
                    and not (low.endswith("s") and low in CUE_FORMS) and not (m is before and word.endswith(".")):
                return Settled("other", None, how=f"{s.name!r} is one word of a longer name ({word!r} next to it)")
        if CUE_FORMS.get((q.cue or "").lower()) in _REPORT_CUES and not self.a_country(s.name) \
                and s.name.lower() not in US_STATES:
            # '"…," reports Mediazona', "Mediazona notes that": one word the article never gives a full name, that
            # reports: an outlet the registry does not know, more likely than a person called by surname alone
            return Settled("other", None, how=f"{s.name!r} reports under one name: an outlet, no person")
        if self.a_country(s.name):
            return Settled("organisation", f"Government of {s.name}",
                           how=f"{s.name!r} is a place the article names, with its people's adjective")
        if s.name.lower() in US_STATES:
            if after and after.group("w").lower().strip(".") in TITLE_WORDS:
                return Settled("other", None, how=f"{s.name!r} describes the person titled after it")
            return Settled("organisation", f"State of {s.name}", how=f"{s.name!r} is a US state")
        return s

    def a_country(self, word: str) -> bool:
        """A word the article writes as a place ("extradited to Peru", "in Peru") and whose people's adjective it
        also uses ("Peruvian", "Chilean", "Sudanese"): a country the gazetteer does not list, no person."""
        if self._places is None:
            self._places = set(_PLACE_USE_RE.findall(self.text))
            self._caps = set(_CAP_WORD_RE.findall(self.text))
        if word not in self._places:
            return False
        stems = {word, word[:-1]} if word[-1:] in "aeiouy" else {word}
        return any(f"{st}{suffix}" in self._caps for st in stems for suffix in _DEMONYM_SUFFIXES)

    def lone_conjunct(self, s: Settled) -> Settled:
        """A one-word joint speaker: a US state is a body ("Oklahoma and Nebraska said"); otherwise it must
        be part of a name the article writes in full ("John Smith", "Kim Jong Un"), or it is the end of a
        longer name ("the Centers for Disease Control and Prevention", "the Gay and Lesbian Alliance …")."""
        if s.name.lower() in US_STATES:
            return Settled("organisation", f"State of {s.name}", how=f"{s.name!r} is a US state")
        if self.surname_of_speaker(s.name) or self.in_full(s.name):
            return s
        return Settled("other", None, how=f"{s.name!r} is no one the article names in full")

    def in_full(self, word: str) -> bool:
        """The article writes the word as part of a longer name: after a first name ("John Smith") or before
        the rest of one ("Kim Jong Un"), not after a function word or a body's head ("Against Defamation")."""
        if word not in self._in_full:
            w = re.escape(word)
            self._in_full[word] = any(
                m.group(1).lower() not in STOP_WORDS and m.group(1).lower() not in ORG_HEADS
                for m in re.finditer(rf"\b([A-Z][\w'’-]+)\s+(?:[A-Z]\.\s+)?{w}\b", self.text)) or any(
                m.group(1).lower() not in STOP_WORDS for m in re.finditer(rf"\b{w}\s+([A-Z][a-z][\w'’-]*)", self.text))
        return self._in_full[word]

    def common_word(self, word: str) -> bool:
        """A capitalised word the article also writes in lower case ("Earlier Friday, …"): no name."""
        low = word.lower()
        if _WORD_RUN_RE.fullmatch(low):
            # the article's word runs are collected once: a search of the whole text for each lone name made a
            # 4 MB article take 8x the time of a 1 MB one (bench/quotes_scaling.py)
            if self._runs is None:
                self._runs = set(_WORD_RUN_RE.findall(self.text))
            return low in self._runs
        return re.search(rf"(?<![\w.]){re.escape(low)}\b", self.text) is not None

    def person(self, name: str, role: str | None, how: str) -> Settled:
        """A person: a bare name, and the role words that stood before it."""
        bare = bare_name(words_of(name)) or name
        return Settled("person", bare, role or None, how=how)

    def outlet(self, mention: str, words: list[str], low: list[str]) -> Settled | None:
        """A news outlet or medium as the channel of a report, or an outlet's own reporter."""
        if len(words) >= 3 and low[0] in OCCUPATION_WORDS and bare_name(words).split() == words[1:]:
            return None                 # "Economist Paul Krugman", "Journalist X Y": a person, no outlet
        caps = capital_runs(words)
        named = next((news_outlet(c) for c in caps + [mention] if news_outlet(c)), None)
        domain = next((w for w in words if _DOMAIN_RE.fullmatch(w)), None)
        if named is None and domain is not None:
            named = domain                           # "Censor.NET", "RT.com": a website is an outlet
        if head_of(words) in ANON_WORDS and head_of(words) not in MEDIA_WORDS | MEDIA_PLURALS \
                and not set(low) & REPORTER_WORDS:
            return None                 # "an RT Russian service source": a source, not a channel
        if set(low) & REPORTER_WORDS:
            if named is None or named in self.credits:
                return Settled("credit", None, how=f"the outlet's own reporter {mention!r}")
            return Settled("anonymous", description(words, self.text), how=f"another outlet's reporter {mention!r}")
        name = bare_name(words).split()
        if named is not None and len(name) >= 2 and any(w.lower() in TITLE_WORDS for w in words[:len(words) - len(name)]):
            return None                 # "PTI Vice President Fawad Chaudhary": a titled person, whatever PTI is
        if named is not None and not (institution(mention) or government(mention)):
            how = "the article's own credit" if named in self.credits else "a news outlet cited as a channel"
            return Settled("credit", None, how=f"{how}: {named}")
        head = head_of(words)
        if head not in MEDIA_WORDS | MEDIA_PLURALS and words[-1][:1].isupper() and head in _MORE_ORG_HEADS | ORG_HEADS:
            return None                 # "Iraq's Security Media Cell": a body whose name holds "Media", no channel
        if (set(low) & MEDIA_WORDS or head in MEDIA_PLURALS) and not institution(mention):
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
            if found is not None and not proper_name_run(words):
                holder = self.holder({"spokesman"}, found.country or None, found.name)
                if holder:
                    return Settled("person", holder.name, mention, how=f"{mention!r} is the article's named holder")
                return Settled("organisation", found.label, how=f"unnamed spokesperson of a named body ({found.how})")
            principal = bare_name(words_of(rest))
            if found is None and principal and low[0] in ("a", "an") and _SPOKES_BEFORE_RE.match(mention) \
                    and "," not in rest and not {w.lower() for w in words_of(rest)} & ORG_HEADS:
                # "a spokeswoman for Speaker Paul D. Ryan said": her words, not his (but "a spokesman for the
                # DNC Brad Woodhouse" and "…'s office, Rebekah Carmichael" name the spokesperson)
                return Settled("anonymous", description(words, self.text),
                               how=f"an unnamed spokesperson of {principal!r}")
        head = head_of(words)
        capital = [w for w in words if w[:1].isupper() and w.lower() not in DETERMINERS]
        if words[-1] in _OFFICE_ACRONYMS:
            # "POTUS said": an office's short name, its holder not named by it (the role pass may name them)
            return Settled("role", None, mention, how=f"{mention!r}: an office's acronym, not a body")
        if _ACRONYM_WORD_RE.fullmatch(words[-1]) and head == words[-1].lower() and words[-1].lower() not in TITLE_WORDS \
                and words[-1].lower() not in NOT_NAMES and not country_in(words[-1:])[0] \
                and words[-1] not in _THING_ACRONYMS:   # not "Friday EDT", not "AI promised to speed up …"
            # "state-owned oil giant CNOOC": a body known by its acronym
            return Settled("organisation", words[-1], how=f"a body known by its acronym: {mention!r}")
        if (head in ORG_HEADS or head.removesuffix("s") in ORG_HEADS) and words[-1][:1].isupper() \
                and len(capital) >= 2:
            # "the Horry County Police Department": a body known by its own capitalised name
            country, rest = country_in(words)
            if country and words[-1].lower() not in ("'s",) and rest[-1:] and rest[-1].lower() in ("of", "in"):
                rest, country = words, None       # "… of the Ministry of Defense of Ukraine": keep it whole
            while rest and (rest[0].lower() in DETERMINERS or rest[0] == "'s"):
                rest = rest[1:]
            name = joined(rest).strip()
            label = f"{name} ({country})" if country and country.removeprefix("the ") not in name else name
            return Settled("organisation", label, how=f"a body named by its own name: {mention!r}")
        if [w.lower() for w in words] in (["the", "press", "service"], ["the", "press", "office"]):
            # '"…," the press service said' after "the Kremlin's press service reports": the Kremlin's
            window = self.text[max(0, self.pos - 3000):self.pos]
            owner = list(_PRESS_OWNER_RE.finditer(window))
            if owner:
                name = owner[-1].group("owner")
                found = self.institution(name, words_of(name))
                label = found.label if found is not None else government(name)
                if label:
                    return Settled("organisation", label, how=f"{mention!r} is {owner[-1].group()!r}, named before")
        if len(words) <= 3 and head in BODY_HEADS and not proper_name_run(words):
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
            lead = top[0][0] if top and (len(top) == 1 or top[0][1] >= 2 * top[1][1]) else None
            if lead and top[0][1] < 2 and lead not in self.lede_countries():
                lead = None     # a country named once, in passing ("alarm from Nigeria"), is not the article's
            # a Lagos dateline on a story about Gabon: neither is surely the country of "the military"
            self._country = None if here and lead and here != lead else here or lead
        return self._country

    def lede_countries(self) -> set[str]:
        """The countries the article's opening (its first 300 characters) names."""
        return {c for c in (country_in([w])[0] for w in _country_words(self.text[:300])) if c}

    def role(self, words: list[str], low: list[str], head: str) -> Settled | None:
        """A role description: its named holder in the article, else unresolved (or anonymous)."""
        role_words = [w for w in low if w in ROLE_SYNONYMS or w in TITLE_WORDS]
        if not role_words or head not in ROLE_SYNONYMS and head not in TITLE_WORDS or head in _CHAMBERS:
            return None                     # "the Senate" is a chamber, not its leader's role
        country, _ = country_in(words)
        orgs = {w for w in low if w in ORG_TITLE_WORDS}
        holder = self.holder({head} | ({"head of state"} if "state" in low and head == "head" else set()),
                             country, None, orgs, current=not any(w in ("former", "ex", "late") for w in low),
                             said=frozenset(low))
        mention = " ".join(words)
        if holder and country is None and self.counterpart_before(holder.name):
            # "Defense Minister Dong Jun met his Russian counterpart Sergei Shoigu": two people fit "the Chief of
            # Defense", so it names neither for sure (nor does the event's holder of the role)
            return Settled("role", None, mention, how=f"role {mention!r} fits {holder.name} and a counterpart")
        if holder:
            return Settled("person", holder.name, mention, how=f"role {mention!r} -> its holder named in the article")
        if low[0] in ("a", "an", "some", "several", "two", "three", "senior") or head.endswith("s"):
            return Settled("anonymous", description(words, self.text), how=f"unnamed {head} {mention!r}")
        # the event pass asks another article's holder to carry the role's capitalised qualifiers too: "the
        # Palestinian foreign minister" is not "South African Foreign Minister Naledi Pandor"
        qualifiers = {w.lower() for i, w in enumerate(words[:-1]) if w[:1].isupper() and w.lower().endswith(_DEMONYM_ENDS)
                      and words[i + 1] not in ("'s", "’s") and w.lower() not in DETERMINERS | _PARTY_WORDS
                      and w.lower() not in TITLE_WORDS and w.lower() not in ROLE_SYNONYMS}
        return Settled("role", None, mention, how=f"role {mention!r} with no named holder in the article",
                       role_query=(head, country, frozenset(orgs | qualifiers)))

    # -- look-ups in the article -------------------------------------------------------------------
    def counterpart_before(self, name: str) -> bool:
        """Whether the text before the mention names someone else as a counterpart ("his Russian counterpart
        Sergei Shoigu"), who holds the same role as the one it is the counterpart of."""
        if getattr(self, "_counterparts", None) is None:      # found once per article
            self._counterparts = [(m.start(), m.group("name")) for m in _COUNTERPART_RE.finditer(self.text)]
        return any(at < self.pos and other not in name and name not in other for at, other in self._counterparts)

    def holder(self, roles: set[str], country: str | None, body: str | None = None,
               orgs: set[str] = frozenset(), current: bool = False, said: frozenset[str] = frozenset()) -> Holder | None:
        """The one person the article names with one of these roles (and country / body); said: the mention's words."""
        return self.holders.find(roles, country, body, orgs, near=self.pos, window=SETTINGS.quote_name_window,
                                 current=current, said=said)

    def last_body(self, head: str, pos: int) -> str | None:
        """The institution of this kind ("ministry") the article named last before pos."""
        for _, label in reversed(self.bodies):
            if head in label.lower():
                return label
        named = self.named_bodies()
        end = bisect_left(named, (pos,))
        for i in range(end - 1, max(-1, end - 51), -1):      # the 50 bodies named last, at most
            if head in named[i][1].lower():
                return named[i][1]
        return None

    def named_bodies(self) -> list[tuple[int, str]]:
        """(offset, label) of every institution the text names, once."""
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
        """"The statement" said: the speaker the article quoted just before it (within 1,500 chars), when no
        other source was cited in between and the article tied a document of that kind to them ("X said in a
        statement", "a statement from X"): otherwise it may be another's ("police said" is no author here)."""
        i = bisect_left(self.authors, (q.speaker_start,))
        while i and q.quote_start <= self.authors[i - 1][0] < q.quote_end:
            i -= 1                      # "Both Saudi Arabia and Iran expressed …, the statement said": whom it reports on
        if i and q.speaker_start - self.authors[i - 1][0] <= 1500:
            at, kind, name = self.authors[i - 1]
            between = self.sources[bisect_right(self.sources, at):bisect_left(self.sources, q.speaker_start)]
            head = re.compile(rf"\b{re.escape(head_of(words_of(mention)))}s?\b", re.I)
            tied = head.search(self.text, max(0, at - 200), min(q.speaker_start, at + 200)) is not None
            joint = _JOINT_DOC_RE.search(self.text, at, q.speaker_start) is not None
            if not between and tied and not joint:       # "… according to the joint statement. …, the statement said"
                return Settled(kind, name, how=f"{mention!r}: the author quoted just before it")
            return Settled("other", None, how=f"{mention!r}: not clearly the document of the source quoted before")
        return Settled("other", None, how=f"{mention!r} with no author named")


# --------------------------------------------------------------------------------------- helpers
# Bodies cited without a name ("police said"): anonymous sources, described as written. A named one
# ("the Horry County Police Department") is an institution (Context.body).
UNNAMED_BODIES = {"police", "prosecutors", "investigators"}
UNNAMED_BODY_KINDS = {"state", "local", "federal", "city", "county", "regional", "military", "border", "riot",
                      "traffic", "transport", "us", "u.s."}
# "the Trump administration", "Netanyahu's government", "the Clinton campaign": a body known by the
# person who leads it, shown by the surname and the head ("Trump administration").
LED_HEADS = ("administration", "government", "cabinet", "campaign")
_ADJECTIVE_ENDS = ("al", "ian", "ese", "ish", "ic", "ary", "ive", "ern", "ist")
# Capitalised heads that name no one on their own ("The Government said", "The Ministry said").
_HEAD_WORDS = frozenset(BODY_HEADS | ORG_HEADS | set(LED_HEADS))


def _led_body(words: list[str]) -> str | None:
    """"<Surname> <head>" when the mention is a named person's administration, government or campaign."""
    if len(words) < 2 or len(words) > 5 or words[-1].lower() not in LED_HEADS:
        return None
    rest = words[:-1]
    if rest[-1] == "'s":
        rest = rest[:-1]
    while rest and rest[0].lower() in DETERMINERS:
        rest = rest[1:]
    name = bare_name(rest) if rest and all(w[:1].isupper() for w in rest) else ""
    if not name or name.lower() in COMMON_CAPITALS or (" " not in name and name.lower().endswith(_ADJECTIVE_ENDS)):
        return None                     # "the Presidential Administration", "the Western cabinet"
    return f"{name.split()[-1]} {words[-1].lower()}"


# A run of word characters not glued to one before it or to a dot ("earlier", not ".com" or "e" of "e.g.")
_WORD_RUN_RE = re.compile(r"(?<![\w.])\w+")
# Title words that name a chamber, not a person ("Senate Majority Leader", but "the Senate voted").
_CHAMBERS = {"senate", "house"}
# Heads of bodies' names that ORG_HEADS lacks ("U.S. Geological Survey", "Bank of Japan")
# How a nationality adjective ends ("Palestinian", "Bolivian", "Chinese", "Turkish", "Israeli", "French")
_DEMONYM_ENDS = ("an", "ese", "ish", "i", "ch")
_PARTY_WORDS = frozenset("republican libertarian".split())     # "the Republican candidate": a party, no country
# Acronyms of things, not bodies: "AI promised to speed up drug discovery" names no one who speaks
# Offices known by an acronym ("POTUS"): a person holding a role, no institution
_OFFICE_ACRONYMS = frozenset("POTUS FLOTUS VPOTUS".split())
_THING_ACRONYMS = frozenset("AI GDP EV EVs IT TV PC VR AR DNA RNA GPS LNG LGBT LGBTQ COVID HIV".split())
_MORE_ORG_HEADS = {"survey", "bank", "fund", "network", "alliance", "coalition", "federation", "initiative", "trust",
                   "patrol", "cell"}   # "the Florida Highway Patrol", "the Security Media Cell"
# ", Olayemi Cardoso" or " (CBN), Olayemi Cardoso" right after a title: the holder in apposition; a place and an
# honorific before the name are neither ("Inspector General of Police, Islamabad Dr Akbar Nasir Khan")
_HOLDER_AFTER_RE = re.compile(r"[ \t]*(?:\([A-Z][A-Za-z.&]{1,7}\)[ \t]*)?,[ \t]+"
                              r"(?:(?:[A-Z][a-zà-ÿ'’-]+[ \t]+)?(?:Dr|Prof|Mr|Mrs|Ms|Engr)\.?[ \t]+)?(?P<name>[A-Z][a-zà-ÿ'’-]+(?:[ \t]+[A-Z][a-zà-ÿ'’-]+){1,2})\b")
# a sentence's end: a stop, and perhaps a closing mark, then a space
# A document of several parties ("a joint statement", "a trilateral statement by China, Saudi Arabia and Iran")
_JOINT_DOC_RE = re.compile(r"\b(?:joint|trilateral|bilateral|tripartite|multilateral)\s+(?:[\w-]+\s+)?(?:statement|"
                           r"declaration|communiqu[eé]|release|announcement|letter|readout)s?\b", re.I)
# More authors after a document's first ("a statement by Beijing, Riyadh and Tehran", "… by Moscow and Minsk")
_NAME_RUN = r"(?:the\s+)?[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*)*"
_MORE_AUTHORS_RE = re.compile(rf"(?:(?:,\s+{_NAME_RUN})+,?)?\s+and\s+{_NAME_RUN}")
_SENTENCE_STOP_RE = re.compile(r"[.!?][\"”’']?\s")
# "(CNE)" inside a mention: an abbreviation of the name before it
_ABBREV_PAREN_RE = re.compile(r"\s*\([A-Z][A-Za-z.&]{1,7}\)")
# "Ahmed al-Assadi, a spokesman for …": a name of two to four words (lowercase particles inside), then its description;
# "the Kremlin's press service": whose press service the text named
_PRESS_OWNER_RE = re.compile(r"(?P<owner>(?:[Tt]he\s+)?[A-Z][\w-]*(?:\s+[A-Z][\w-]*){0,3})['’]s\s+press\s+(?:service|office)")
# the name part alone, and a description right after a mention in the text
_PARTICLE_NAME = (r"[A-Z][\w'’-]+(?:\s+(?:(?:al|el|ad|as|ash|at|bin|ibn|abu|abd|van|von|de|da|di|del|der|den|du|dos|la|le)"
                  r"[\s-])?[A-Z][\w'’-]+){1,3}")
_NAME_THEN_ROLE_RE = re.compile(rf"^(?P<name>{_PARTICLE_NAME}),\s+(?P<role>(?:a|an|the)\s+[^,]+)$")
_NAME_PARTICLE_RE = re.compile(_PARTICLE_NAME)
_ROLE_AFTER_RE = re.compile(r",[ \t]+(?P<role>(?:a|an|the)[ \t]+[^,.;\n]+)")
# Heads of a description only a person fits ("a spokesman for", "the deputy minister", "an official")
_PERSON_NOUNS = frozenset({"spokesman", "spokeswoman", "spokesperson", "official", "minister", "adviser", "advisor",
                           "aide", "director", "chairman", "chairwoman", "president", "secretary", "commander", "leader",
                           "member", "lawmaker", "senator", "governor", "mayor", "ambassador", "envoy", "chief", "head",
                           "deputy", "officer", "lawyer", "attorney", "professor", "analyst", "economist", "researcher",
                           "scientist", "doctor", "judge", "prosecutor", "councillor", "councilor"})
# Heads of names of ideas and texts, never a person's ("the Bush Doctrine", "the Paris Accord")
_IDEA_HEADS = {"doctrine", "accord", "accords", "treaty", "amendment", "protocol", "charter", "manifesto",
               "constitution", "agreement"}
# Heads of relief bodies' names that read like surnames ("Egypt's Red Crescent")
_RELIEF_HEADS = {"crescent"}
# Heads of names of illnesses, never a person's ("the Ebola Virus Disease", "Lassa Fever")
_ILLNESS_HEADS = {"disease", "diseases", "virus", "fever", "syndrome", "flu", "influenza", "outbreak", "epidemic",
                  "pandemic"}
# "<body> President Terry O'Neill", "<body> executive director Ian Powell": a title before a full name at the
# mention's end makes the mention that person, the body before it the role's (no "of" needed)
_TITLE_NAME_RE = re.compile(
    r"^(?P<body>.+?)\s+(?P<title>(?:(?i:executive|managing|general|"
    r"national|deputy|vice)[\s-]+)?(?i:president|chairman|chairwoman|chairperson|chair|director|chief\s+executive|"
    r"ceo|secretary[\s-]general|spokesman|spokeswoman|spokesperson|head|leader))\s+"
    r"(?P<name>[A-Z][a-zà-ÿ]*(?:['’-][A-Z]?[a-zà-ÿ]+)*(?:\s+[A-Z][a-zà-ÿ]*(?:['’-][A-Z]?[a-zà-ÿ]+)*){1,2})$")
# A middle initial and a surname right after a mention cut at the initial ("Senator Richard| M. Burr")
_INITIAL_AFTER_RE = re.compile(r"[ \t]+[A-Z]\.[ \t]+(?:[A-Z]\.[ \t]+)?[A-Z][a-zà-ÿ'’-]+(?:-[A-Z][a-zà-ÿ'’-]+)?\b")
# A capitalised given name other than He/She and the space after it; the word run a surname opens with; a word's end
_GIVEN_NAME_RE = re.compile(r"\b(?!He\b|She\b)[A-Z][a-zà-ÿ'’-]+[ \t]+")
_WORD_AT_RE = re.compile(r"\w+")
_WORD_END_RE = re.compile(r"\b")
# A pronoun run into a name by a typo ("He Sasako said")
_PRONOUN_FIRST = {"he", "she"}
# Capitalised verbs of speech that in a headline's title case run into a name ("Ministry Says Trump …")
_HEADLINE_CUES = {"says", "tells", "asks", "asked", "warns", "urges", "claims", "denies", "slams", "blasts",
                  "wows", "insists", "vows", "rejects"}


def _two(counts: Counter) -> tuple[str, str] | None:
    """The two leading items when two clearly lead (the third, if any, has at most half the second's count)."""
    top = counts.most_common(3)
    if len(top) < 2 or (len(top) == 3 and top[2][1] * 2 > top[1][1]):
        return None
    return top[0][0], top[1][0]

_BODY_NAME_RE = re.compile(r"\b(?:[\w'’-]+\s+){0,4}(?:ministry|agency|committee|command|court|service|"
                           r"department|office|council|commission|directorate)(?:\s+of(?:\s+the)?(?:\s+[A-Z][\w'’-]*)+)?",
                           re.I)
# "Federal Penitentiary Service (FPS)": an acronym the article spells out.
_ACRONYM_RE = re.compile(r"(?P<long>(?:[A-Z][\w'’-]+\s+(?:of\s+(?:the\s+)?)?){1,6}[A-Z][\w'’-]+)\s+\((?P<short>[A-Z]{2,6})\)")
_CAP_WORD_RE = re.compile(r"\b[A-Z][a-z]+\b")
_REPORT_CUES = frozenset({"report", "note", "publish"})
_AT_LARGE_RE = re.compile(r"\s+at[\s-]+large\s+(?=[A-Z])", re.I)
_COUNTERPART_RE = re.compile(r"\bcounterparts?,?\s+(?P<name>(?:[A-Z][\w'’-]+\s+){0,3}[A-Z][\w'’-]+)")
_DOMAIN_HEAD_RE = re.compile(r"[\w-]+\.$")
_DOMAIN_TAIL_RE = re.compile(r"\.(?:com|net|org|ru|ua|cn|in|uk|info|news|tv|co|io)\b", re.I)
_ACRONYM_WORD_RE = re.compile(r"[A-Z][A-Z0-9&]{1,6}")
_DOMAIN_RE = re.compile(r"[\w-]+(?:\.[\w-]+)*\.(?:com|net|org|ru|ua|cn|in|uk|info|news|tv|co|io)", re.I)
# A capitalised name right after a mention ("his spokesman| Dmitry Peskov told"), past a place and an honorific
# ("Inspector General of Police|, Islamabad Dr Akbar Nasir Khan")
_NAME_AFTER_RE = re.compile(r"(?:[ \t]+|,[ \t]+)(?:(?:[A-Z][a-zà-ÿ'’-]+[ \t]+)?(?:Dr|Prof|Mr|Mrs|Ms|Engr)\.?[ \t]+)?(?P<name>[A-Z][a-zà-ÿ'’-]+(?:[ \t]+[A-Z][a-zà-ÿ'’-]+){1,2})\b")
# A capitalised word glued to a one-word name, after it ("Denver| Post", "Wal|-Mart") or before it
# ("America |Rising"); sentence starters, days, months and name suffixes do not count.
_CAPITAL_AFTER_RE = re.compile(r"(?:-|[ \t]+)(?P<w>[A-Z][\w'’.]*)")
_GROUP_OF_RE = re.compile(r"^(?:(?:a|an|the)\s+)?(?:group|number|handful|couple|team|delegation)\s+of\s+(?=[a-z])")
_LANDFORMS = frozenset("mount mt volcano volcanoes mountain mountains".split())
# A word written as a place: after a preposition of place or motion, no capital or possessive after it ("in Peru",
# "extradited to Peru"; not "in Trump Tower", "in Trump's view")
_PLACE_USE_RE = re.compile(r"\b(?:in|to|from|across|throughout|inside|into|toward|towards)[ \t]+([A-Z][a-z]{2,})\b"
                           r"(?![ \t]+[A-Z]|['’])")
_DEMONYM_SUFFIXES = ("n", "an", "ian", "vian", "ean", "ese", "ien", "i")
_CAPITAL_BEFORE_RE = re.compile(r"(?<![\w'’.-])(?P<w>[A-Z][\w.]*)[ \t]+$")
# Title words that stand before a person's name, not inside a body's ("the Rev. Sharpton" but "the Israel
# Defense Force", "the House Judiciary Committee").
_HONORIFICS = TITLE_WORDS - {"defence", "defense", "finance", "foreign", "interior", "house", "senate", "state",
                             "u.s.", "us", "democrat", "democratic", "republican", "gop"}
_NOT_NAME_PIECES = STOP_WORDS | set("""monday tuesday wednesday thursday friday saturday sunday january february
march april may june july august september october november december jr jr. sr sr. ii iii iv""".split())
# "and Russia", ", Spain and the UAE" after a mention, up to its cue.
_CONJ_RE = re.compile(r"(?:\s+of\s+(?:the\s+)?[A-Z][\w'’.-]+(?:\s+[A-Z][\w'’.-]+)?)?"
                      r"\s*(?:,\s*)?(?:and|&)\s+(?P<rest>[^.;:()\n]{2,80}?)\s*(?:,|$)")
# A part after "and" that is a clause of its own, not a subject ("and then said", "and the talks ended"): no conjunct
_CONJ_CLAUSE_RE = re.compile(r"\b(?:[a-z]+ed|said|says|told|then|later|also|not|will|would|is|are|was|were|has|have|had)\b")
_AUX_TAIL = re.compile(r"(?:\s+(?:have|has|had|were|was|are|is|also|both|each|all|jointly|together|"
                       r"have also|had also|on \w+day)\b)+\s*$", re.I)
