"""Canonical speakers: one name per person (and per institution) across the articles of an event and
across analysis runs: transliteration variants and short forms of one person's name made one, roles
no article resolved given to the person the event names in them, institutions named without their
country given the country the event names."""
from __future__ import annotations

import re
import unicodedata
from collections import Counter, defaultdict
from typing import TYPE_CHECKING

from core.mention_words import NAME_PARTICLES, US_STATES, Holders
from core.mentions import NOT_SHOWN_TYPES
from core.quote_cues import CUE_FORMS
from core.speakers import NOT_NAMES, PRONOUNS, TITLE_WORDS

if TYPE_CHECKING:
    from core.quotes import Quote

# ---------------------------------------------------------------------------- canonical speakers
# Words that introduce a name without being part of it, beyond TITLE_WORDS ("Congressman Anthony
# Weiner", "Weekly Standard Editor Bill Kristol", "Vermont Independent Sen. Bernie Sanders").
NAME_PREFIX_WORDS = TITLE_WORDS | set("""congressman congresswoman councilman councilwoman
assemblyman assemblywoman editor anchor host agent special father sister brother independent
rep.-elect representative-elect senator-elect sens reps govs mrs. ms. mr. dr. gen. lt. col.
whip majority minority
""".split())
NAME_SUFFIXES = {"jr": "Jr", "sr": "Sr", "ii": "II", "iii": "III", "iv": "IV"}
# Capitalised words that open a sentence or clause before a name without being part of it ("Plus Obama
# said", "Also Smith told").
NOT_NAME_OPENERS = {"plus", "also", "and", "but", "so", "then", "yet", "still", "even", "now", "meanwhile",
                    "besides", "however", "instead"}
# English short forms of a first name, each with one full form only: "Dick Durbin" and "Richard J. Durbin"
# in one event are one senator. Forms shared by two full names (Ted: Edward or Theodore; Chris, Alex, Sam,
# Pat, Jack, Al) are left out: merging two people is worse than showing one person twice.
NICKNAMES = {short: full for full, shorts in {
    "richard": "dick rick rich richie", "charles": "chuck charlie", "william": "bill billy will willie",
    "robert": "bob bobby rob robbie", "james": "jim jimmy jamie", "michael": "mike mikey",
    "joseph": "joe joey", "thomas": "tom tommy", "edward": "ed eddie", "anthony": "tony",
    "nicholas": "nick", "steven": "steve stephen", "daniel": "dan danny", "matthew": "matt",
    "jeffrey": "jeff geoffrey", "gregory": "greg", "kenneth": "ken kenny", "ronald": "ron ronnie",
    "donald": "don donnie", "lawrence": "larry", "andrew": "andy", "douglas": "doug",
    "frederick": "fred freddie", "peter": "pete", "philip": "phil phillip", "zachary": "zach zack",
    "joshua": "josh", "jonathan": "jon", "timothy": "tim timmy", "david": "dave davey",
    "benjamin": "ben benji bibi", "mitchell": "mitch", "henry": "hank", "bernard": "bernie",
    "vincent": "vince", "walter": "walt", "gerald": "gerry", "randall": "randy", "raymond": "ray",
    "leonard": "len lenny", "elizabeth": "liz beth betsy betty", "margaret": "peggy maggie",
    "susan": "sue susie", "jennifer": "jen jenny", "deborah": "debbie deb debra", "rebecca": "becky",
    "patricia": "patty tricia trish", "victoria": "vicky",
}.items() for short in shorts.split()}
GIVEN_NAMES = set(NICKNAMES) | set(NICKNAMES.values())


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
                "-" in low and low.split("-")[0].strip(".") in NAME_PREFIX_WORDS):   # "Editor-in-Chief"
            words = words[i + 1:]
            break
    run: list[str] = []                              # the trailing run of name-like words
    for w in reversed(words):
        if w[:1].isupper() or (w.lower() in NAME_PARTICLES and run):
            run.append(w)
        else:
            break
    words = run[::-1]
    while words and (words[0].lower() in NAME_PARTICLES or words[0].lower() in NOT_NAMES
                     or words[0].lower() in NOT_NAME_OPENERS):
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
    """(first, last, suffix, tokens) of a bare name, spelled by its transliteration key: "Donald
    J. Trump" -> ("donald", "trump", None, 2), "Donald Trump Jr" -> ("donald", "trump", "Jr", 2),
    "Sergey Shoigu" = "Sergei Shoigu", "Dick Durbin" = "Richard Durbin"; first is "" for a single word."""
    words = name.split()
    suffix = None
    if len(words) > 1 and words[-1] in NAME_SUFFIXES.values():
        suffix, words = words[-1], words[:-1]
    core = [w for w in words if not re.fullmatch(r"[A-Z]\.?", w)]   # middle initials
    core = core or words
    if len(core) == 1:
        return "", spelling_key(core[0]), suffix, 1
    first = spelling_key(core[0])
    return NICKNAMES.get(first, first), spelling_key(core[-1]), suffix, len(core)


def spelling_key(word: str) -> str:
    """One key for the English spellings of a transliterated name: case and accents dropped, and
    the common variants of Slavic names made one (Sergei / Sergey / Sergej, Zelensky / Zelenskyy /
    Zelenskiy, Dmitry / Dmitri, Alexei / Aleksey, Yevgeny / Evgeny, Yury / Yuri, Leontyev / Leontiev)."""
    w = unicodedata.normalize("NFKD", word).encode("ascii", "ignore").decode().lower()
    w = re.sub(r"[^a-z-]", "", w)
    w = w.replace("ks", "x")
    w = re.sub(r"^ye(?=[vl])", "e", w)                  # Yevgeny / Evgeny, Yelena / Elena
    w = re.sub(r"(?<=[^aeiouy])y(?=[aeiou])", "i", w)   # Leontyev / Leontiev, Dmytro / Dmitro
    return re.sub(r"(?:iy|yy|ij|ii|y|j)$", "i", w)


def canonicalise_speakers(quotes: list["Quote"], event_of: dict[str, str] | None = None,
                          known: list[dict] | None = None) -> list["Quote"]:
    """One canonical name per speaker across articles ("Dong", "Admiral Dong Jun" -> "Dong Jun").

    People: full names are grouped by their transliteration keys of first name and surname, and
    their generational suffix, so spellings and middle initials merge ("Sergey Shoigu" = "Sergei
    Shoigu", "Donald J. Trump" = "Donald Trump") while "Donald Trump Jr" stays his own person; each
    group is shown under its most quoted spelling. A bare surname goes to the most quoted full name
    with that surname (or, for names written surname first, that starts with it: "Dong" -> "Dong
    Jun"). A role no article resolved ("the Russian defence minister") goes to the one person the
    same event names in that role (event_of: article id -> event; without it, all quotes are one
    scope). An institution named without its country takes the country the event gives it.
    Pronouns, unresolved roles, credits and non-speakers are never a canonical speaker.
    known: speakers already stored for these events ({event_id, canonical_speaker, speaker_type,
    speaker_role, n}, from Store.event_speakers): their names win, so an event keeps one name per
    person across analysis runs."""
    scope = (lambda q: event_of.get(str(q.article_id), "") or "") if event_of is not None else (lambda q: "")
    known = [k for k in known or [] if k.get("canonical_speaker")]
    _resolve_roles(quotes, scope, known)
    bare: dict[int, str] = {}
    for i, q in enumerate(quotes):
        if q.speaker and q.speaker_type in ("person", "unknown"):
            bare[i] = person_name(q.canonical_speaker or q.speaker) if q.speaker_type == "person" \
                else person_name(q.speaker)
    groups: dict[tuple, Counter] = defaultdict(Counter)
    where: dict[tuple, set[str]] = defaultdict(set)   # a full name's group -> the events that name it
    for i, name in bare.items():
        if name and quotes[i].speaker_type == "person":
            first, last, suffix, n = _name_key(name)
            if first:
                groups[(first, last, suffix)][name] += 1
                where[(first, last, suffix)].add(scope(quotes[i]))
    singles = {name for i, name in bare.items()      # surnames seen alone on a person
               if quotes[i].speaker_type == "person" and len(name.split()) == 1}
    stored = set()
    for k in known:
        if k.get("speaker_type") == "person":
            first, last, suffix, _ = _name_key(k["canonical_speaker"])
            if first:
                groups[(first, last, suffix)][k["canonical_speaker"]] += int(k.get("n") or 1)
                where[(first, last, suffix)].add(str(k.get("event_id") or "") if event_of is not None else "")
                stored.add(k["canonical_speaker"])
    size = {k: sum(c.values()) for k, c in groups.items()}
    show = {k: min(c, key=lambda n: (n not in stored, -c[n], len(n.split()), n)) for k, c in groups.items()}
    by_last: dict[tuple, list] = defaultdict(list)
    by_first: dict[str, list] = defaultdict(list)
    for k in groups:
        by_last[(k[1], k[2])].append(k)
        by_last[(k[1], "*")].append(k)
        by_first[k[0]].append(k)

    def best(keys: list, sc: str) -> str | None:
        keys = [k for k in keys if sc in where[k]]
        return show[max(keys, key=lambda k: (size[k], -len(show[k]), show[k]))] if keys else None

    def canonical(name: str, sc: str) -> str:
        first, last, suffix, n = _name_key(name)
        if first:
            return show[(first, last, suffix)] if (first, last, suffix) in show else name
        # a bare surname: same suffix if it has one ("Trump Jr"), else any full name; a name written
        # surname first ("Dong" -> "Dong Jun"), unless the word is an English given name ("Richard" is
        # no one's surname-first name, and would go to whichever Richard is most quoted). Only a full name
        # of the same event: a witness "Alexei" in a concert-hall attack is not Alexei Navalny of another.
        return (best(by_last.get((last, suffix if suffix else "*"), []), sc)
                or (None if last in GIVEN_NAMES else best(by_first.get(last, []), sc)) or name)

    for i, q in enumerate(quotes):
        if q.speaker_type in NOT_SHOWN_TYPES or not q.speaker:
            q.canonical_speaker = None
        elif q.speaker_type == "person":
            name = bare.get(i) or _clean_name(q.speaker)
            q.canonical_speaker = canonical(name, scope(q)) if bare.get(i) else (
                None if name.lower() in PRONOUNS else name)
            if q.canonical_speaker and q.canonical_speaker != (q.speaker or "").strip():
                q.speaker_how = _how(q.speaker_how, f"{q.speaker!r} is {q.canonical_speaker!r} across articles")
        elif q.speaker_type == "unknown" and bare.get(i) in singles \
                and q.speaker.strip() == bare[i] and best(by_last.get((_name_key(bare[i])[1], "*"), []), scope(q)):
            q.canonical_speaker = canonical(bare[i], scope(q))
        elif q.speaker_type == "organisation":
            q.canonical_speaker = q.canonical_speaker or _clean_org(q.speaker)
        elif q.speaker_type == "anonymous":
            q.canonical_speaker = q.canonical_speaker or re.sub(r"^(?:the|a|an)\s+", "", q.speaker, flags=re.I)
        else:                                        # "The president" = "the president"
            q.canonical_speaker = None if q.speaker.lower() in PRONOUNS else \
                re.sub(r"^The\b", "the", q.speaker)
    _prefix_names(quotes, scope)
    _institutions_with_country(quotes, scope, known)
    return quotes


def _prefix_names(quotes: list["Quote"], scope) -> None:
    """A person's name of two or more words that starts one longer name of the same event, and only one, is that
    person ("Kim Jong" beside "Kim Jong Un"); a longer name that adds only a suffix ("Donald Trump Jr") is another."""
    longer: dict[tuple[str, str], set[str]] = defaultdict(set)
    for q in quotes:
        words = (q.canonical_speaker or "").split() if q.speaker_type == "person" else []
        for j in range(2, len(words)):
            if not all(w.lower().rstrip(".") in NAME_SUFFIXES for w in words[j:]):
                longer[(scope(q), " ".join(words[:j]))].add(q.canonical_speaker)
    for q in quotes:
        if q.speaker_type == "person" and q.canonical_speaker:
            full = longer.get((scope(q), q.canonical_speaker), set())
            if len(full) == 1:
                name = next(iter(full))
                q.speaker_how = _how(q.speaker_how, f"{q.canonical_speaker!r} starts {name!r}, the only longer name")
                q.canonical_speaker = name


def _how(before: str, step: str) -> str:
    """A resolution note with one more step."""
    return f"{before}; {step}" if before else step


def _resolve_roles(quotes: list["Quote"], scope, known: list[dict]) -> None:
    """Unresolved roles ("the Russian defence minister") take the one person their event names in
    that role, from the roles other attributions in the event carry (stored ones included)."""
    pending = [q for q in quotes if q.speaker_type == "role" and q.role_query]
    if not pending:
        return
    holders: dict[str, Holders] = defaultdict(Holders)
    for k in known:
        if k.get("speaker_type") == "person" and k.get("speaker_role"):
            holders[k.get("event_id") or ""].add(k["canonical_speaker"], k["speaker_role"])
    for q in quotes:
        if q.speaker_type == "person" and q.speaker_role and (q.canonical_speaker or q.speaker):
            holders[scope(q)].add(person_name(q.canonical_speaker or q.speaker), q.speaker_role)
    for q in pending:
        head, country, orgs = q.role_query
        # another article's holder answers only a role of the same country ("the Palestinian foreign minister" is
        # not South Africa's, named elsewhere without a country word) and held now
        h = holders[scope(q)].find({head}, country, None, set(orgs), current=True, same_country=True)
        if h is not None:
            q.speaker_type, q.speaker, q.canonical_speaker = "person", h.name, h.name
            q.speaker_how = _how(q.speaker_how, f"its holder named elsewhere in the event: {h.name}")


def _institutions_with_country(quotes: list["Quote"], scope, known: list[dict]) -> None:
    """"Ministry of Foreign Affairs" takes the country the same event gives it, when only one."""
    named: dict[tuple[str, str], set[str]] = defaultdict(set)
    labels = [(scope(q), q.canonical_speaker) for q in quotes if q.speaker_type == "organisation"]
    labels += [(k.get("event_id") or "", k["canonical_speaker"]) for k in known if k.get("speaker_type") == "organisation"]
    for ev, c in labels:
        if c and c.endswith(")") and " (" in c:
            named[(ev, c[:c.rindex(" (")])].add(c)
    for q in quotes:
        if q.speaker_type == "organisation" and q.canonical_speaker:
            full = named.get((scope(q), q.canonical_speaker))
            if full and len(full) == 1:
                q.canonical_speaker = next(iter(full))
                q.speaker_how = _how(q.speaker_how, "its country from the event")


def _clean_name(name: str) -> str:
    """Drop titles and possessives from a person's name."""
    words = [w for w in name.replace("’s", "").replace("'s", "").split()
             if w.lower().strip(".") not in TITLE_WORDS]
    return " ".join(words) or name


def _clean_org(name: str) -> str:
    """'the Kremlin' and 'Kremlin' are one source."""
    return re.sub(r"^(?:the)\s+", "", name, flags=re.I).strip()
