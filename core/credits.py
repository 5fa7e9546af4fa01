"""Credit lines: where an article says its text came from ("(Reuters) -", "citing TASS", "Source: Xinhua").

Outlet names are matched against one registry: core/data/news_outlets.toml (agencies and outlets others
credit, with aliases and web domains), the outlet catalog, and aliases users add (stored in the database
and passed in with `set_user_aliases`). `is_news_outlet` gives the canonical name of any spelling.

A mention of an outlet is a credit only where its place in the text says so. Kinds, strongest first:
"title" ("— RT World News" ending a headline), "dateline" ("KYIV (Reuters) -", "/TASS/."), "byline"
("By Associated Press", "AFP |"), "link" ("Read Full Article at RT.com"), "source" ("Source: Xinhua"),
"url" (dailymail.co.uk/wires/reuters/…), "signoff" ("(Reuters)" closing the story, "REUTERS", "–RT"),
"reporter" (the agency's own reporting: "a Reuters witness", "an AFP reporter saw", "Reuters could not
verify", "in response to a question from AFP"), "told" ("told Reuters": an interview), "reported"
(", TASS reported", "according to Xinhua", "X quoted Y as saying") and "cited" ("According to X, …",
"X reported that …"). "photo" ("AP Photo/…", "© … / AFP", a name alone under the headline printed again, a
video blurb's "(March 19) AP") says who took a picture or video, not who wrote the text. Names written
together ("according to NBC and the AP") credit no single outlet, and an outlet's own dateline is no
credit (`own`). Everything here is regular expressions over a window around each name, so it runs on
every article in a fraction of a millisecond.
"""
from __future__ import annotations

import bisect
import functools
import re
import tomllib
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

from .clean import dateline_end
from .gazetteer import country_in, words_of

_HOST = re.compile(r"[\w\-]+(?:\.[\w\-]+)+\.[a-z]{2,}")   # a host with a subdomain: "edition.cnn.com"
DATA_DIR = Path(__file__).resolve().parent / "data"
REGISTRY = DATA_DIR / "news_outlets.toml"
# Words that name no outlet even when a catalog or corpus uses them as one.
NOT_OUTLETS = {"unknown", "news", "agencies", "agency", "staff", "reuters staff", "wire", "wires", "none", ""}
CONTEXT = 160           # characters either side of a mention that decide what it is
NEAR = 60               # characters before it that most credit phrasings need
KINDS = ("title", "dateline", "byline", "signoff", "source", "link", "url", "reporter", "told", "reported", "cited",
         "photo")


@dataclass(frozen=True)
class Credit:
    """One credit to an outlet: its canonical name, the words that credit it and where they are."""

    outlet: str
    phrase: str
    start: int          # the phrase's span in its field: field_text[start:end] == phrase
    end: int
    field: str          # "title", "text" or "url"
    kind: str           # one of KINDS
    name_start: int = -1    # the outlet's name inside it (-1: the same as start/end)
    name_end: int = -1

    def __post_init__(self):
        if self.name_start < 0:
            object.__setattr__(self, "name_start", self.start)
        if self.name_end < 0:
            object.__setattr__(self, "name_end", self.end)

    def to_dict(self) -> dict:
        return {"outlet": self.outlet, "phrase": self.phrase, "start": self.start, "end": self.end,
                "field": self.field, "kind": self.kind, "name_start": self.name_start, "name_end": self.name_end}


# -- the registry of names ------------------------------------------------------------------------

def name_key(name: str) -> str:
    """A spelling reduced to what tells outlets apart: case, "The", medium qualifiers and web prefixes go."""
    k = re.sub(r"\s+", " ", (name or "").strip().casefold().replace("’", "'"))
    k = re.sub(r"^(?:https?://)?(?:www\.)?", "", k).rstrip("/")
    if re.match(r"^[\w\-]+(?:\.[\w\-]+)*\.[a-z]{2,}(?:/|$)", k):
        k = k.split("/")[0]                      # an address: its host names the outlet
    k = re.sub(r"^the ", "", k)
    # "Fox News (Online News)", "New York Times (News)": the same outlet in another medium or section.
    k = re.sub(r"\s*\((?:online news|online|news|web|digital|website)\)$", "", k)
    return k.strip()


@functools.lru_cache(maxsize=1)
def _registry() -> tuple[dict[str, str], frozenset[str]]:
    """Alias key -> canonical name, and the canonical names of wires, from the data file and the catalog."""
    names: dict[str, str] = {}
    wires: set[str] = set()
    doc = tomllib.loads(REGISTRY.read_text(encoding="utf-8"))
    for entry in doc.get("outlet", []):
        canon = entry["name"]
        for spelling in [canon, *entry.get("aliases", []), *entry.get("domains", [])]:
            names.setdefault(name_key(spelling), canon)
        if entry.get("wire"):
            wires.add(canon)
    try:
        from .catalog import load_catalog
        catalog = load_catalog()
    except Exception:  # noqa: BLE001 - a broken catalog must not stop credit detection
        catalog = []
    for o in catalog:
        names.setdefault(name_key(o.name), o.name)
        if o.homepage:
            names.setdefault(name_key(urlsplit(o.homepage).netloc), o.name)
        if "wire" in (o.groups or []):
            wires.add(o.name)
    return names, frozenset(wires)


_USER_ALIASES: dict[str, str] = {}
_SEEN: dict[str, str] = {}      # outlets of the articles at hand, recognised in credits ("Townhall reported")


def set_user_aliases(aliases: dict[str, str]) -> None:
    """Aliases users added (spelling -> canonical name), which override the packaged registry."""
    global _USER_ALIASES
    _USER_ALIASES = {name_key(k): v for k, v in aliases.items() if name_key(k) and v}
    _matcher.cache_clear()
    _lower_matcher.cache_clear()
    _known.cache_clear()


def recognise(outlets) -> None:
    """Also recognise these outlet names (those of the articles at hand) when another article credits them."""
    new = {n.strip(): canonical_outlet(n) for n in outlets
           if n and n.strip() not in _SEEN and name_key(n) not in NOT_OUTLETS and len(n.strip()) >= 3}
    if new:
        _SEEN.update(new)
        _matcher.cache_clear()
        _lower_matcher.cache_clear()


def canonical_outlet(name: str) -> str:
    """The canonical name of an outlet spelling: a user alias, the registry's or catalog's name, else as given."""
    found = is_news_outlet(name)
    return found or (name or "").strip()


def is_news_outlet(name: str) -> str | None:
    """The canonical name when `name` is a news outlet or agency framelens knows (any spelling), else None."""
    return _known(name or "")


@functools.lru_cache(maxsize=65536)
def _known(name: str) -> str | None:
    """is_news_outlet, remembered per spelling (an input names the same outlets again and again)."""
    key = name_key(name)
    if key in NOT_OUTLETS:
        return None
    if key in _USER_ALIASES:
        return _USER_ALIASES[key]
    names, _ = _registry()
    if key in names:
        return names[key]
    host = _parent_host(key)
    if host:
        return host
    # "Russia's TASS agency", "Xinhua news agency", "the AFP news agency": a known name plus a descriptor.
    bare = re.sub(r"\s+(?:news agency|news service|agency|newspaper|news|daily|tv|channel)$", "", key)
    bare = re.sub(r"^(?:[\w\-']+\s+){0,3}?(?:state(?:-run|-owned|-controlled)?\s+)?(?:news agency|agency)\s+", "", bare)
    return names.get(bare) or _USER_ALIASES.get(bare)


def _parent_host(key: str) -> str | None:
    """The outlet a host names through its parent domain: "edition.cnn.com" is CNN's site as "cnn.com" is."""
    if not _HOST.fullmatch(key):
        return None
    names, _ = _registry()
    labels = key.split(".")
    for n in range(1, len(labels) - 1):
        parent = ".".join(labels[n:])
        if parent in names:
            return names[parent]
    return None


def is_wire(outlet: str) -> bool:
    """Whether the outlet is a wire or news agency, whose stories other outlets carry as their own."""
    return canonical_outlet(outlet) in _registry()[1]


# -- finding names in text ---------------------------------------------------------------------------

def _spellings() -> dict[str, str]:
    """Every written form to look for in text -> canonical name."""
    names, _ = _registry()
    doc = tomllib.loads(REGISTRY.read_text(encoding="utf-8"))
    forms: dict[str, str] = {}

    def add(form: str, canon: str) -> None:
        form = form.strip()
        if len(form) < 2 or name_key(form) in NOT_OUTLETS:
            return
        variants = {form, form.upper()} if len(form) >= 3 or form.isupper() else {form}
        for v in variants:
            forms.setdefault(v, canon)

    for entry in doc.get("outlet", []):
        for spelling in [entry["name"], *entry.get("aliases", []), *entry.get("domains", [])]:
            add(spelling, entry["name"])
    for key, canon in names.items():       # catalog names, as written in the catalog
        if canon not in forms.values() or key == name_key(canon):
            add(canon, canon)
    for key, canon in _USER_ALIASES.items():
        add(key if key.isupper() else key.title(), canon)
    for spelling, canon in _SEEN.items():
        add(spelling, canon)
    return forms


def _trie_regex(words: list[str]) -> str:
    """One regex matching any of the words, factored by common prefixes so it runs fast."""
    trie: dict = {}
    for w in words:
        node = trie
        for ch in w:
            node = node.setdefault(ch, {})
        node[""] = True

    def build(node: dict) -> str:
        alts = [re.escape(ch) + build(child) for ch, child in sorted(node.items(), key=lambda kv: kv[0]) if ch]
        end = "" in node
        if not alts:
            return ""
        body = alts[0] if len(alts) == 1 else "(?:" + "|".join(alts) + ")"
        return f"(?:{body})?" if end else body

    return build(trie)


@functools.lru_cache(maxsize=1)
def _matcher() -> tuple[re.Pattern, dict[str, str]]:
    """One regex for every capitalised spelling (it only tries where a capital or digit starts), and the map
    from spelling to canonical name. Lower-case spellings (web domains) are left to is_news_outlet."""
    forms = {f: c for f, c in _spellings().items() if f[0].isupper() or f[0].isdigit()}
    return re.compile(_trie_regex(sorted(forms, key=len, reverse=True))), forms


def mentions(text: str) -> list[tuple[int, int, str]]:
    """(start, end, canonical outlet) of every outlet name written in text, as a whole word."""
    rx, forms = _matcher()
    text = text or ""
    out = []
    for m in rx.finditer(text):
        s, e = m.span()
        # Whole words only: not inside "CNNMoney", "@Reuters" or "Reuters.com".
        if s and (text[s - 1].isalnum() or text[s - 1] in "@_" or (text[s - 1] == "." and not _glued_sentence(text, s))
                  or (text[s - 1] in _DASHES and not _signoff_dash(text, s)
                      and not _DISTRIBUTOR_LEFT.search(text, max(0, s - 8), s))):
            continue
        if e < len(text) and (text[e].isalnum() or text[e] in "-_" or (text[e] == "." and text[e + 1:e + 2].isalnum())):
            continue
        if m.group() in forms:
            out.append((s, e, forms[m.group()]))
    return out


def _initials_line_mention(text: str, para: tuple[int, int]) -> list[tuple[int, int, str]]:
    """A lower-case agency name signing the story off after an editor's initials on the last line ("max/dpa"): the
    text-wide search looks only where a capital starts."""
    rx, forms = _lower_matcher()
    m = rx.search(text, para[0], para[1]) if rx else None
    return [(m.start(), m.end(), forms[m.group()])] if m and _INITIALS_LINE.fullmatch(text[para[0]:m.start()]) else []


def _glued_sentence(text: str, s: int) -> bool:
    """Whether the point before text[s] ends a sentence the page's extraction glued to the next one ("… said on
    Tuesday.Reuters quoted …", rpages14's WAM page): a word of two or more lower-case letters before the point. An
    address ("www.Reuters.com") is still no mention, by its domain ending; "U.S.AP" or "No.AFP" stay none."""
    return s >= 3 and text[s - 2].islower() and text[s - 3].islower()


# "(NNN-NHK)": a distributor's short code joined to the agency it carries, in a dateline's parenthesis (NAM News
# Network's "TOKYO, Apr 15 (NNN-NHK) –", rpages10).
_DISTRIBUTOR_LEFT = re.compile(r"\(\s*[A-Z]{2,5}-$")

# Dash forms a sign-off or byline is written with: hyphen, en and em dash, the horizontal bar "―" (U+2015) and the
# figure dash "‒" (U+2012), as Malaysian and other pages write "― Reuters".
_DASHES = "-–—―‒"


@functools.lru_cache(maxsize=1)
def _lower_matcher() -> tuple[re.Pattern | None, dict[str, str]]:
    """One regex for the spellings written in lower case that are no web address ("dpa"): looked for only inside a
    dateline, so the text-wide regex keeps trying only where a capital starts."""
    forms = {f: c for f, c in _spellings().items() if f[0].islower() and "." not in f}
    if not forms:
        return None, {}
    return re.compile(r"(?<![\w@.])(?:" + _trie_regex(sorted(forms, key=len, reverse=True)) + r")(?![\w\-])"), forms


# A dateline under the page's chrome: read down to this line, past lines at most this long, or a standfirst of one
# sentence at most STANDFIRST_MAX long.
DATELINE_LINES_MAX, CHROME_LINE_MAX, STANDFIRST_MAX = 8, 100, 200
_SENTENCE_BREAK = re.compile(r"[.!?][\"”’]?\s+[\"“‘]?[A-Z]")


def _dateline_lines(paras: list[tuple[int, int]], text: str = "") -> int:
    """How many lines at the top may hold the dateline: four, or one past the page's chrome when more short lines (a
    menu, the headline, a byline, the headline again: rpages7's UrduPoint), a one-sentence standfirst or photo captions
    ("… Oct. 7, 2023. Photo by Mohsen Karimi/AFP/Getty Images/TNS") come first, up to DATELINE_LINES_MAX."""
    chrome, standfirst = 0, False
    for a, b in paras[:DATELINE_LINES_MAX - 1]:
        line = text[a:b].strip() if text and b - a > CHROME_LINE_MAX else ""
        if line and not _is_caption(line):
            # One standfirst at most: lines of one sentence each are as likely the story's own paragraphs.
            if standfirst or len(line) > STANDFIRST_MAX or _SENTENCE_BREAK.search(line) or dateline_end(line):
                break
            standfirst = True
        elif b - a > CHROME_LINE_MAX and not line:
            break
        chrome += 1
    return max(4, chrome + 1)


# The names before it: capitalised words and "and", then a comma or "german press agency" (a descriptor of the agency).
_LOWER_BYLINE_LEFT = re.compile(r"\s*(?:By|BY)\s+[A-Z][\w'’.\-]*(?:\s+(?:[A-Z][\w'’.\-]*|and))*"
                                r"(?:\s*,\s*|\s+(?:[a-z]+\s+){0,2}(?:press|news)\s+agency\s+)")
_LOWER_BYLINE_END = re.compile(r"(?:,|\s)\s*([a-z]{2,12})\s*$")


def _dateline_mentions(text: str, paras: list[tuple[int, int]], lines: int) -> list[tuple[int, int, str]]:
    """Mentions of lower-case spellings inside an opening dateline ("Beijing, Oct. 27, (dpa/GNA) –") of the top
    `lines` lines."""
    rx, forms = _lower_matcher()
    top = paras[:lines]
    # One search over the top lines first: most texts name no lower-case spelling there, and need no dateline read.
    if not rx or not top or not rx.search(text, top[0][0], top[-1][1]):
        return []
    out = []
    for a, b in top:
        d = _dateline_end(text[a:b])
        out += [(a + m.start(), a + m.end(), forms[m.group()]) for m in rx.finditer(text, a, a + d) if m.group() in forms]
        # "By Friedemann Kohler and Günther Chalupa german press agency dpa": a byline ending in the agency's name
        # written in lower case (rpages14b's Spokesman-Review).
        if not d and b - a <= 120 and text.startswith(("By ", "BY "), a):
            m = _LOWER_BYLINE_END.search(text, a, b)
            if m and m.group(1) in forms and _LOWER_BYLINE_LEFT.fullmatch(text, a, m.start(1)):
                out.append((m.start(1), m.end(1), forms[m.group(1)]))
    return out


def _signoff_dash(text: str, s: int) -> bool:
    """Whether the dash just before text[s] opens a sign-off ("-Reuters", "— RT" on its own line or after a
    sentence) rather than joining a hyphenated word ("pro-Reuters", "Anti-TASS")."""
    return s < 2 or text[s - 2] in " \t\n"


# -- telling credits from other mentions -------------------------------------------------------------

_OPEN_Q, _CLOSE_Q = "\"“‘'«", "\"”’'»"
_DESCRIPTOR = r"(?:[A-Za-z’'\-]+\s+){0,4}?"
_PHOTO_LEFT = re.compile(r"(?:\b(?:Photos?|Photograph|Image|Picture|Pic|Video|Footage)\s*(?:by|credit)?\s*[:/|]?\s*"
                         r"(?:[^.\n:]{0,80}?/\s*)?|©[^\n]{0,80}?/?\s*|\(Photo by [^)\n]{0,80}?/\s*)$", re.IGNORECASE)
_PHOTO_RIGHT = re.compile(r"^\s*(?:Photo|PHOTO|Images?|TV|Video)\b")
_COPYRIGHT_LEFT = re.compile(r"\b(?:Copyright|COPYRIGHT)\s*(?:\d{4}\s+)?$")
# "(C) Yonhap News Agency. All Rights Reserved", "Copyright 2023 The Associated Press. All rights reserved.": a line that
# is only another outlet's copyright claims the text carried above it.
_COPYRIGHT_LINE_LEFT = re.compile(r"^\s*(?:(\([Cc]\)|Copyright|COPYRIGHT)|©)\s*(?:©\s*)?(?:\d{4}\s+)?(?:[Tt]he\s+)?$")
_COPYRIGHT_LINE_RIGHT = re.compile(r"^\s*[.,]?\s*((?:All|ALL)\s+(?:[Rr]ights|RIGHTS)\s+(?:[Rr]eserved|RESERVED)\.?)?\s*$")
# "… via AP) Credit: AP", "… an injured victim. Credit:AP": "Credit" after a caption on its line is the picture's.
_CREDIT_AFTER_CAPTION = re.compile(r"\S[^\n]{20,}?\s(?:Credit|CREDIT)\s*:\s*$")
# "A CNN reporter on the scene exclaimed, "I can't believe this."": the staff member quoted in the story, a person in
# it, not the outlet's own reporting told by its copy.
_STAFF_QUOTED = re.compile(r"^[^.!?\n\"“]{0,60}?\b(?:said|says|exclaimed|told [a-z]+|added|wrote|asked|shouted|sighed)"
                           r"\s*[,:]\s*[\"“]")
# "-- ANI, with agency inputs": a sign-off naming the agency the story is from, with others' lines added.
_INPUTS_RIGHT = re.compile(r"^\s*,?\s*(?:with|With)\s+(?:(?:other\s+)?agency|additional|other)\s+inputs\.?\s*$")
# "(With AP inputs)", "With inputs from Reuters." alone on a closing line: the one source the page built its text on
# ("\x01" stands for the outlet's name; "(With inputs from AFP, AP and local media reports)" names none alone).
_WITH_INPUTS = re.compile(r"\s*\(?\s*[Ww]ith\s+(?:inputs?\s+from\s+(?:the\s+)?\x01|\x01\s+inputs?)\s*\)?\.?\s*")
_BYLINE_LEFT = re.compile(r"^(?:(?:By|BY|Written by|Story by|From)\s*:?\s*(?:the\s+)?|.{0,60}?(?:,|/|\||\band\b)"
                          r"\s*(?:the\s+)?)?$")
# "Antara • 21 November 2022 18:41": the source and the time, a bullet between (Medcom's form, rpages11).
_BYLINE_RIGHT = re.compile(r"^(?:\s*(?:news agency|staff|Staff|News)?\s*(?:[|/,•]|[-–—―‒]\s|Published|Updated|$))")
# "ABC News, citing unnamed law enforcement sources, reported that …": a sentence about the outlet, no byline.
_BYLINE_VERB = re.compile(r"\b(?:citing|quoting|according to|reported|reports|reporting|said|says|told|wrote|writes)\b")
# "By REBECCA BOONE Associated Press": reporters' names run into their agency's name with no comma between.
_BY_NAMES_LEFT = re.compile(r"^(?:By|BY)\s+[A-Z][\w.'’\-]*(?:\s+[A-Z][\w.'’\-]*){0,3}(?:\s*(?:,|and|And|AND)\s+"
                            r"[A-Z][\w.'’\-]*(?:\s+[A-Z][\w.'’\-]*){0,3}){0,3}(?:\s+(?:the|The))?$")
# "With files from CBC News and The Associated Press": the outlet's own story, written with its and others' material.
_FILES_FROM = re.compile(r"\s*\(?\s*(?:[Ww]ith\s+)?(?:files|reporting|material)\s+(?:from|by)\s")
# "\ufffd" (the replacement character): a dash some page's wrong encoding broke ("… by phone.  \ufffdReuters", rpages9's
# Daily Observer); it stands where "— Reuters" stood and nothing else is written so.
_BROKEN_DASH = "\ufffd"
_SIGNOFF_LEFT = re.compile(r"(?:^|[.!?\"”’)]\s+|[-–—―‒\ufffd]{1,2}\s*|\(\s*|\(\s*[A-Z]{1,4}\s*/\s*)$")
_INITIALS_LEFT = re.compile(r"\(\s*[A-Z]{1,4}\s*/\s*$")
_OPENING_COLON = re.compile(r"^\s*:\s+[A-Z\"“‘]")
# "originally published on www.theguardian.com": a link credit to an outlet written as its web address.
_LINK_DOMAIN = re.compile(r"\b(?:[Oo]riginally|[Ff]irst)\s+(?:appeared|published)\s+(?:on|at|in)\s+(?:the\s+)?"
                          r"((?:https?://)?(?:www\.)?[a-z0-9\-]+(?:\.[a-z0-9\-]+)*\.[a-z]{2,})\b")
# "Source: Xinhua"; "(QNA) Source: Qatar News Agency" closing a story; "2024-12-08 09:00 - From: The Guardian".
_SOURCE_LEFT = re.compile(r"(?:^|[(\[]|[)\]]\s|\s[-–—|]\s)\s*(?:(?:Source|Sources|SOURCE|Via|VIA|via|Credit|Courtesy(?: of)?|"
                          r"来源)\s*[:：]?|From\s*[:：])\s*(?:the\s+)?$")
_LINK_LEFT = re.compile(r"(?:Read (?:the )?(?:Full|full|original|Original) (?:Article|article|Story|story)|"
                        r"(?:^|\b(?:article|story|post|report|This|It)\s+(?:was\s+|has been\s+)?)(?:originally|first)\s+"
                        r"(?:appeared|published)|\bappeared first|Continue reading)\s+(?:at|on|in|by)\s+(?:the\s+)?$")
# "Please select this link to read the complete article from Reuters." (rpages9's association page): the rest of the
# story is the agency's, a link credit as "Read the full article at" is.
_READ_MORE_LEFT = re.compile(r"\b[Rr]ead (?:the )?(?:[Ff]ull|[Cc]omplete|[Oo]riginal|[Ee]ntire) (?:[Aa]rticle|[Ss]tory|[Rr]eport)"
                             r"\s+(?:at|on|in|by|from)\s+(?:the\s+)?$")
_REPORTER_LEFT = re.compile(r"(?:\bquestions? (?:from|by)|\b(?:request|inquiry|query) (?:from|by)|"
                            r"\btranslated\b[^.\n]{0,60}\bby)\s+(?:the\s+)?(?:news agency\s+)?$")
# "told Reuters", "confirmed to news agency AFP": an interview the outlet gave the agency; "A clip shared with AFP
# showed …" (rpages14's Marapi pages): material given to it, the agency's own newsgathering retold in the same way.
_TOLD_LEFT = re.compile(r"\b(?:told|telling|tells|confirmed to|confirmed it to|shared with)\s+(?:the\s+)?(?:news agency\s+)?$")
_REPORTER_RIGHT = re.compile(r"^(?:\s+news agency)?\s+(?:witness(?:es)?|reporter|correspondent|photographer|journalist|"
                             r"cameraman|crew|team|staffer)s?\s+(?:who\s+)?(?:saw|said|says|reported|witnessed|counted|heard|"
                             r"observed|visited|there|at the scene|on the scene|in [A-Z]|and\b)")
# "<Name>, a Reuters reporter …" describes the person named (fc40's Globe News Bulletin: Gershkovich, a Wall Street
# Journal reporter, called the page a credited rewrite of the Journal): only a clause in which the reporter witnesses
# something ("…, a Reuters reporter in Kyiv saw") is the agency's own reporting
_APPOSITION_LEFT = re.compile(r"(?<![\w'’.-])(?!(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|Today|Yesterday)\b)"
                              r"[A-Z][\w'’.-]*,\s+(?:a|an)\s+$")
_WITNESSED = re.compile(r"\b(?:saw|said|says|reported|witnessed|counted|heard|observed|visited)\b")
_PLURAL_STAFF = re.compile(r"^(?:\s+news agency)?\s+(?:witnesses|reporters|correspondents|photographers|journalists|"
                           r"staffers)\b")
# "…, Reuters witnesses said." closing a sentence: the agency's staff saying what they saw (rpages11's New Daily); a
# list ("the army, Reuters reporters and aid workers") is no such clause.
_STAFF_SAW = re.compile(r"^(?:\s+news agency)?\s+[a-z]+\s+(?:who\s+)?(?:saw|said|reported|witnessed|counted|heard|"
                        r"observed)\b")
# "…, AFP learned from a source close to the presidency": what the agency found out itself (rpages9's Africanews).
_LEARNED_RIGHT = re.compile(r"^(?:\s+news agency)?\s+(?:has\s+|had\s+)?learned\b")
# "According to VNA" alone on a story's last line: the page's source line (rpages9's Bao Hai Duong).
_SOURCE_LINE_LEFT = re.compile(r"\s*(?:According to|As reported by)\s+(?:the\s+)?")
_INTRO_COMMA = re.compile(r"(?:^|[.!?\"”’]\s+)[A-Z][^.!?\n,]{0,50},\s+$")
_UNVERIFIED_RIGHT = re.compile(r"^(?:\s+news agency)?\s+(?:was|were|is|could|has|had|did)\s+(?:not|unable|been "
                               r"unable)[^.\n]{0,30}\b(?:verify|confirm)")
_TRAILING_LEFT = re.compile(r"(?:,|\bwhile|\bas)\s*[" + _OPEN_Q + r"]?(?:the\s+)?" + _DESCRIPTOR + r"[" + _OPEN_Q
                            + r"]?$")
_WHEN = (r"(?:\s+(?:on|late on|early on|earlier on|last|this|late|early|earlier|later)\s+(?:[A-Z][a-z]+day|[A-Z][a-z]+\.?"
         r" \d{1,2}|night|morning|evening|week|month)|\s+(?:earlier|later|today|yesterday|overnight))?")
_TRAILING_RIGHT = re.compile(r"^[" + _CLOSE_Q + r"]?(?:\s+(?:news agency|agency|news service|website|newspaper|daily))?"
                             r"\s+(?:has\s+|had\s+)?(?:reported|reports|wrote|informed|added|noted|said)" + _WHEN
                             + r"\s*(?:[.;:)!]|,|$|\s+(?:citing|quoting|that|in a|in its))")
# "Xinhua quoted Li as saying"; "news agency PTI quoted an official as saying" (a person not named, rpages12).
_QUOTED_RIGHT = re.compile(r"^[" + _CLOSE_Q + r"]?(?:\s+(?:news agency|agency))?\s+quoted\s+(?:[A-Z]|(?:a|an|the|one|two|"
                           r"three|several|some|unnamed|senior|local)\s[^.\n]{0,60}?\bas\s+saying\b)")
_CREDIT_LEFT = re.compile(r"(?:(?:,|\bas|\band)\s*(?:[\w.\-]+\s+(?:reports|reported|said)\s+)?(?:was\s+)?(?:reported|reports|"
                          r"reporting|according to|citing|cited by|quoted by|said|wrote|writes|informs|via)|\b(?:citing|according to|cited by|"
                          r"quoted by|seen by|with reference to))\s+(?:(?:a|an|the) (?:report|reports|article|"
                          r"dispatch|statement)\s+(?:by|in|from|of)\s+)?(?:the\s+)?" + _DESCRIPTOR + r"[" + _OPEN_Q
                          + r"]?$")
_CREDIT_RIGHT = re.compile(r"^[" + _CLOSE_Q + r"]?(?:\s+(?:news agency|agency|news service|website|reported|reports))?"
                           r"(?:\s+\([A-Z]{2,6}\))?\s*(?:[.;:)!]|,\s*(?:citing|quoting|which|who|with|adding)|\s+(?:citing|quoting)|$)")
_BY_FOR_LEFT = re.compile(r"(?:,|\bas)\s+(?:reported|written)\s+by\s+[A-Z][\w.'’\-]*(?:\s+(?:[A-Z][\w.'’\-]*|and))"
                          r"{0,7}\s+for\s+(?:the\s+)?$")
_CITED_LEFT = re.compile(r"(?:^|[.!?\"”’]\s+)(?:According to|As reported by|Citing|(?:In a|A|In an|An)\s+(?:(?:official|exclusive|earlier|"
                         r"recent|new|latest|detailed)\s+)?report by|"
                         r"In comments (?:reported|published) by|Reports? by)\s+(?:(?:a|an|the) (?:report|reports|"
                         r"article) (?:by|in|from|of)\s+)?(?:the\s+)?" + _DESCRIPTOR + r"$")
# "This is reported by RIA Novosti with reference to …": the sentence after the news names where it came from.
_THIS_REPORTED = re.compile(r"(?:^|[.!?\"”’]\s+)(?:This|It|That)\s+(?:is|was|has been)\s+(?:reported|announced|stated)\s+"
                            r"by\s+(?:the\s+)?" + _DESCRIPTOR + r"$")
# "Reporting from Jerusalem/Beirut on the same day, Reuters suggested …": the outlet's own reporting, retold.
_REPORTING_FROM = re.compile(r"(?:^|[.!?\"”’]\s+)Reporting from [^.!?\n,]{1,60},\s+(?:the\s+)?$")
_CITED_RIGHT = re.compile(r"^(?:\s+(?:news agency|agency|news service))?\s+(?:has\s+|had\s+)?(?:reported|reports|said|"
                          r"wrote|cited)\b[^.\n]{0,40}?\bthat\b")
# "Reuters reports on the more than 2,000 people who…" opening a sentence: a blurb retelling the outlet's report.
_REPORTS_ON = re.compile(r"^(?:\s+(?:news agency|agency|news service))?\s+(?:reports|reported)\s+on\s+(?:the|how|what|a|an)\s")
# "AP's earlier story follows below": a breaking update carrying the agency's own earlier story under it.
_EARLIER_STORY = re.compile(r"^['’]s?\s+(?:earlier|previous|original|full)\s+(?:story|report|version|article)\s+"
                            r"(?:follows|is below|appears below|continues below)")
# "News24 | 'It was a shocking sight…'": an outlet's name and a bar opening a headline (an aggregator's prefix).
_TITLE_PREFIX = re.compile(r"\s*\|\s+\S")
_SENTENCE_START = re.compile(r"(?:^|[.!?\"”’]\s+)(?:[A-Z][\w’'\-]*\s+){0,6}$")
_TITLE_DASH = re.compile(r"\s(?:[—–―|]|-{1,2}|::)\s*$")
_TITLE_TAIL = re.compile(r"(?:\s+(?:World News|News|news|English|Online|International|Global|Digital))?\s*")
# The end of a clause: a comma or semicolon, or a sentence end that no abbreviation or initial makes.
_CLAUSE_END = re.compile(r"[,;]\s|\n|(?<!\b[A-Z])(?<!\b(?:Mr|Ms|Dr|St|No))(?<!\bSept)"
                         r"(?<!\b(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Oct|Nov|Dec|Mrs|Gen|Gov|Sen|Rep|Col|Lt\.))[.!?]\s")
_READ_MORE_URL = re.compile(r"\s*(?:Read more|Read the (?:full|original) (?:story|article)|Full (?:story|article)|"
                            r"Source)\s*:\s*(https?://[^\s/]+/\S+)\s*")
_WIRES_PATH = re.compile(r"/(?:wires?|agencies|syndication)/([a-z][a-z\-]{1,20})/", re.IGNORECASE)
# "upr.org/npr-news/2024-04-03/…": a member station's or affiliate's section of the network's stories, the address's
# first segment (a blog's category, "/category/fox-news/", is no such section).
_NETWORK_PATH = re.compile(r"/([a-z]{2,12})-news/[^/\s]+", re.IGNORECASE)


def _paragraphs(text: str) -> list[tuple[int, int]]:
    """Line spans (each line a paragraph here: bylines and sign-offs sit on their own lines)."""
    spans, pos = [], 0
    for line in text.split("\n"):
        if line.strip():
            spans.append((pos, pos + len(line)))
        pos += len(line) + 1
    return spans


# "(dpa/GNA) – ": an agency and the agency or paper carrying it, closing a dateline (no photographer has a dash after).
_AGENCY_PAIR = re.compile(r"^/\s*[A-Za-z][\w ]{1,20}\)\s*(?:--|[-–—―‒])\s")
_SLASH_CHAIN_LEFT = re.compile(r"[A-Za-z.]/\s*$")
_SLASH_CHAIN_RIGHT = re.compile(r"^\s*/\s*[A-Z]")
_VIA_RIGHT = re.compile(r"^\s*/\s*(?:VIA|via|Via)\s+[A-Z]")
_VIA_LEFT = re.compile(r"[A-Z]\s*/\s*(?:VIA|via|Via)\s+$")
# A byline run into a wire dateline on one line: "By Guy Faulconbridge MOSCOW (Reuters) -", "Aamer Madhani And
# Colleen Long, The Associated Press WASHINGTON (AP) -". The byline is short and has no sentence end in it.
_BYLINE_THEN_PLACE = re.compile(r"(?:By|BY)\s+[^\n]{2,70}?\s+(?=[A-Z][A-Z.'’\-]+(?:[ /][A-Z][A-Z.'’\-]+){0,3}"
                                r"(?:,\s+[^()\n]{1,30})?\s+\([^()\n]{1,60}\)\s*(?:--|[-—–])\s*\S)|"
                                r"[^\n]{2,70}?,\s+(?:the\s+|The\s+)?[A-Z][\w.&'’\- ]{1,40}?\s+(?=[A-Z][A-Z.'’\-]+"
                                r"(?:[ /][A-Z][A-Z.'’\-]+){0,3}\s+\([^()\n]{1,60}\)\s*(?:--|[-—–])\s*\S)")


# A headline sentence run into a wire dateline on the first line, as a wire's news brief prints each item: "Suicide
# bomber kills 28, wounds 150 at mosque in NW Pakistan. PESHAWAR, Pakistan (AP) — …" (the strict form only: a place in
# capitals, the agency in brackets and a dash).
_HEADLINE_THEN_PLACE = re.compile(r"[^\n]{10,150}?[.!?]\s+(?=[A-Z][A-Z.'’\-]+(?:[ /][A-Z][A-Z.'’\-]+){0,3}"
                                  r"(?:,\s+[A-Z][^()\n]{1,30})?\s+\([A-Z][^()\n]{1,40}\)\s*(?:--|[-—–])\s*\S)")


def _byline_before_dateline(line: str, before: int, first: bool = False) -> int:
    """Where a wire dateline starts when a byline (or, on the text's first line, a headline sentence) runs into it
    on the same line, ahead of position `before` (0: at the line's start)."""
    m = _BYLINE_THEN_PLACE.match(line)
    if m and m.end() <= before and not re.search(r"[.!?]\s", m.group()):
        return m.end()
    m = _HEADLINE_THEN_PLACE.match(line) if first else None
    return m.end() if m and m.end() <= before and not re.search(r"[.!?]\s", m.group().rstrip()[:-1]) else 0


def _dateline_end(line: str) -> int:
    """dateline_end, also where the story opens with a backslash-escaped quote as some syndication feeds store
    it ("(MENAFN- Live Mint) \\"Prime Minister…"): the two characters are read as a space and a quote."""
    if '\\"' not in line[:200]:
        return dateline_end(line)
    d = dateline_end(line.replace('\\"', ' "', 1))
    return d - 1 if d and line[d - 1] == "\\" else d


_VIDEO_DATE_LEFT = re.compile(r"\((?:January|February|March|April|May|June|July|August|September|October|November|"
                              r"December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)\.?(?:\s+\d{1,2})?\)?\s*$")


def _under_headline_copy(text: str, start: int) -> bool:
    """Whether the line above the one starting at `start` is a second copy of an earlier line near the top (a page
    printing its headline again as the lead picture's alt text or caption)."""
    if start > 1700:
        return False            # the top of the page only
    above = text[:start].rstrip()
    line_start = above.rfind("\n") + 1
    line = above[line_start:].strip()
    return len(line) >= 20 and line_start < 1500 and text.find(line, 0, line_start) >= 0


_DAY = (r"(?:(?:January|February|March|April|May|June|July|August|September|October|November|December|Jan|Feb|Mar|Apr|"
        r"Jun|Jul|Aug|Sept?|Oct|Nov|Dec)\.?\s+\d{1,2},?\s+\d{4}|\d{1,2}\s+(?:January|February|March|April|May|June|July|"
        r"August|September|October|November|December)\s+\d{4})")
# A photo caption: a picture described in the present ("… is seen at the airport", "pictured"), or a line that ends in
# the day the picture was taken ("… Lahaina, Hawaii, US August 9, 2023.") as agencies' captions do.
_CAPTION_WORDS = re.compile(r"\b(?:is|are) (?:seen|pictured|shown)\b|\b(?:In this (?:photo|picture|image|file photo)|"
                            r"pictured)\b")
_CAPTION_DAY = re.compile(_DAY + r"\.?\s*$")
_CAPTION_CREDIT = re.compile(r"(?:[" + _DASHES + r"]\s*|\(|/\s*Photo:?\s*|\bPhoto (?:by|credit:?)\s+)[A-Z][\w.&'’ /\-]{1,40}"
                             r"\)?\s*$")
_DAY_RE = re.compile(_DAY)
_CAPTION_MAX = 350          # a caption is a line or two, not a paragraph of the story
# "state broadcaster CCTV said", "state news agency Xinhua reported": a state medium cited for the news itself (the
# government's word, as published) is a citation, not the source the article was written from.
# "state-affiliated news outlet RBC said" (rpages14b's Novaya Gazeta Europe): the same citation, the medium's tie to the
# state written with "affiliated", "linked", "funded" or "aligned".
_STATE_LEFT = re.compile(r"\b[Ss]tate(?:-run|-owned|-controlled|-backed|-affiliated|-linked|-funded|-aligned)?\s+"
                         r"(?:[\w\-]+\s+){0,2}?(?:broadcaster|media|"
                         r"television|TV|news agency|agency|outlet|newspaper|radio|channel|press|daily|mouthpiece)\s+"
                         r"(?:the\s+)?$|\b[Ss]tate-(?:run|owned|controlled|backed|affiliated|linked|funded|aligned)\s+$")
# "Reuters reported citing state broadcaster CCTV": the outlet that reported is the source, the state medium it cited is not.
_CITING_STATE_RIGHT = re.compile(r"^\s+(?:reports?|reported|said)\s+(?:citing|quoting)\s+(?:the\s+)?(?:[\w\-']+\s+){0,2}?"
                                 r"[Ss]tate(?:-run|-owned|-controlled|-backed)?\s")
# "Associated Press writers Jennifer Sinco Kelleher and Audrey McAvoy contributed": the text ties the names to the agency.
_CONTRIBUTED_RIGHT = re.compile(r"^(?:\s+staff)?\s+(?:writers?|reporters?|correspondents?|journalists?)\s+[A-Z][^.!?\n]{0,200}?"
                                r"\bcontributed\b")


def _next_line(text: str, end: int) -> str:
    """The next non-empty line after position `end` (the end of a line)."""
    for line in text[end:end + 2 * _CAPTION_MAX].split("\n"):
        if line.strip():
            return line.strip()
    return ""


def _previous_line(text: str, start: int) -> str:
    """The non-empty line before the one starting at `start`."""
    for line in reversed(text[max(0, start - 2 * _CAPTION_MAX):start].split("\n")):
        if line.strip():
            return line.strip()
    return ""


def _is_caption(line: str) -> bool:
    """Whether a line reads as a photo caption: short, describing a picture or ending in its day or its credit."""
    return 0 < len(line) <= _CAPTION_MAX and (_caption_words(line) or _ends_in_day(line)
                                              or _CAPTION_CREDIT.search(line) is not None)


def _caption_words(line: str) -> bool:
    """Whether a line describes a picture ("is seen at", "In this photo", "pictured"); the substrings every such
    phrase holds are looked for first, as the top lines of every text are read."""
    return ("pictured" in line or "In this " in line or " seen" in line or " shown" in line) \
        and _CAPTION_WORDS.search(line) is not None


def _ends_in_day(line: str) -> bool:
    """Whether a line ends in a day ("… Hawaii, US August 9, 2023."): the day's pattern is searched only on a line
    ending in four digits, as every line is searched in the top of every text."""
    tail = line.rstrip()
    tail = tail[:-1] if tail.endswith(".") else tail
    return tail[-4:].isdigit() and _CAPTION_DAY.search(line) is not None


_INITIALS_LINE = re.compile(r"\s*\(?\s*([a-z]{2,5}|[A-Z]{1,4})\s*/\s*")
_PAIR_FIRST = re.compile(r"^\s*/\s*([A-Z][\w ]{0,30}?)\s*\)\.?\s*$")
_PAIR_SECOND = re.compile(r"\(\s*([A-Z][\w ]{0,30}?)\s*/\s*$")


def _closing_pair(text: str, s: int, e: int, para: tuple[int, int], idx: int, n_paras: int, left: str,
                  right: str) -> str | None:
    """"signoff" for the first of two news agencies bracketed together at the end of a story's last lines ("….
    (Xinhua/NAN)": the agency the text is from, then the one carrying it), "carrier" for the second, else None.
    Both names must be wires the registry knows ("(KB/IANS)", an editor's initials, is read elsewhere); the bracket
    follows a sentence's end or opens its line, and the line is no photo caption."""
    if idx < n_paras - 2 or "/" not in text[max(para[0], s - 40):min(para[1], e + 40)]:
        return None
    if left.endswith("(") and right.startswith("/"):
        m = _PAIR_FIRST.match(right)
        first, second, before, role = text[s:e], m and m.group(1), left[:-1].rstrip(), "signoff"
    else:
        m = _PAIR_SECOND.search(left) if re.match(r"^\s*\)\.?\s*$", right) else None
        first, second, before, role = m and m.group(1), text[s:e], m and left[:m.start()].rstrip(), "carrier"
    first, second = first and is_news_outlet(first), second and is_news_outlet(second)
    if not (first and second and first != second and is_wire(first) and is_wire(second)):
        return None
    if before.lstrip("\x00") and not re.search(r"[.!?\"”’]$", before):
        return None
    # a caption describes a picture or ends in its day ("… Mosul, Iraq September 27, 2023. (Reuters/AFP)")
    return None if _caption_words(text[para[0]:para[1]]) or _ends_in_day(before) else role


def _kind(text: str, s: int, e: int, para: tuple[int, int], idx: int, n_paras: int, opening: int = 4) -> str | None:
    """What a mention of an outlet at text[s:e] is, judged by its place: a credit kind or None."""
    # A window around the mention: the regexes anchor at its edges, and a long paragraph must not cost more.
    lo = max(para[0], s - CONTEXT)
    left = ("\x00" if lo > para[0] else "") + text[lo:s]      # "\x00": a cut, so "^" means a real line start
    right = text[e:min(para[1], e + CONTEXT)]
    lstrip, rstrip_ = left.rstrip(), right.strip()
    # Most patterns look only at the words just before the name: a short window keeps "$"-anchored searches cheap.
    near = ("\x00" if len(left) > NEAR else "") + left[-NEAR:]
    if s - para[0] <= 30:
        cl, cr = _COPYRIGHT_LINE_LEFT.match(text[para[0]:s]), _COPYRIGHT_LINE_RIGHT.match(right)
        # "© Reuters" alone after a caption is the picture's; "(C) X", "Copyright X" or "… All Rights Reserved" the text's.
        if cl and cr and (cr.group(1) or (cl.group(1) and not _is_caption(_previous_line(text, para[0])))):
            return "source"
    # "… believed to have been lost.(Xinhua/NAN)": two agencies in a bracket closing the story, the one the text is
    # from and the one carrying it (rpages14's African Examiner); no photo credit closes a story so.
    pair = _closing_pair(text, s, e, para, idx, n_paras, left, right)
    if pair:
        return pair if pair != "carrier" else None
    # "max/dpa" alone on the last line: an editor's initials and the agency, as "(KB/IANS)" in brackets (rpages14's
    # Teller Report, a dpa story).
    if idx == n_paras - 1 and s - para[0] <= 12 and re.fullmatch(r"\)?\.?\s*", right):
        m = _INITIALS_LINE.fullmatch(text[para[0]:s])
        if m and is_news_outlet(m.group(1)) is None:
            return "signoff"
    # "(AP Photo/…", "- Copyright AFP/File MANDEL NGAN": an agency run into a photographer's name by a slash.
    if _PHOTO_RIGHT.match(right) or (left.endswith("(") and right.startswith("/") and not _AGENCY_PAIR.match(right)) \
            or (right.startswith("/") and _COPYRIGHT_LEFT.search(left[-30:])) \
            or (left.endswith("(") and len(left) > 1 and left[-2].isalpha()) or _PHOTO_LEFT.search(left[-100:]):
        return "photo"
    # "David Paul Morris/Bloomberg/Getty Images": a photographer, the agency and its distributor run together by
    # slashes (fc32's Albany Herald, a CNN story under a Bloomberg picture); no dateline or byline is written so.
    if _SLASH_CHAIN_LEFT.search(left[-40:]) and _SLASH_CHAIN_RIGHT.match(right):
        return "photo"
    # "SPUTNIK/VIA REUTERS", "KCNA/via Reuters": a picture one agency took and another distributed.
    if _VIA_RIGHT.match(right) or _VIA_LEFT.search(left[-20:]):
        return "photo"
    # "… appears to show the crash. (March 19) AP", cut "(March AP": a video blurb's date and credit, not the story's.
    if _VIDEO_DATE_LEFT.search(left[-20:]):
        return "photo"
    # "Islamic Republic News Agency" alone under the headline printed again (the lead picture's alt text): the
    # picture's credit (fc31's Newsy page), not the story's byline.
    if not left.strip() and not right.strip() and _under_headline_copy(text, para[0]):
        return "photo"
    if idx < opening:
        start = para[0] + _byline_before_dateline(text[para[0]:min(para[1], s + CONTEXT)], s - para[0], idx == 0)
        d = _dateline_end(text[start:para[1]])
        inside = s - start < d and (re.search(r"[(/][^()/]*$", left) is not None)
        if inside:
            return "dateline"
    short = para[1] - para[0] <= 120
    if short and idx < opening and text[s:e].islower() and not rstrip_ and _LOWER_BYLINE_LEFT.fullmatch(text, para[0], s):
        return "byline"
    # "The Yomiuri Shimbun" alone on a line over a photo caption: the picture's credit (the page's parent, a photo
    # agency), not the story's byline.
    if idx < 4 and not lstrip and not rstrip_ and _is_caption(_next_line(text, para[1])):
        return "photo"
    # The top lines are the first four, or as many as the page's chrome takes ("AP  |  Beijing" under Business
    # Standard's headline, standfirst and tag line, rpages11).
    if short and (idx < opening or idx >= n_paras - 2) and (_BYLINE_LEFT.match(lstrip) or _BY_NAMES_LEFT.match(lstrip)) \
            and _BYLINE_RIGHT.match(right) and not _BYLINE_VERB.search(right):
        return "byline"
    if _SOURCE_LEFT.search(near) and len(rstrip_) <= 40:
        return "photo" if _CREDIT_AFTER_CAPTION.search(left) else "source"
    # "source: The Vibes" on its own line under the headline (lower case only where it opens the line).
    if s - para[0] <= 12 and re.fullmatch(r"\s*source\s*:\s*", text[para[0]:s]) and len(rstrip_) <= 40:
        return "source"
    # "Reuters: Darya Dugina, daughter of…": the outlet named before a colon that opens the text.
    if idx == 0 and not lstrip and _OPENING_COLON.match(right):
        return "source"
    if _LINK_LEFT.search(near) or _READ_MORE_LEFT.search(near) or _EARLIER_STORY.match(right):
        return "link"
    if _SIGNOFF_LEFT.search(near) and (re.match(r"^\)?\.?\s*$", right)
                                       or (lstrip.endswith(tuple(_DASHES)) and _INPUTS_RIGHT.match(right))):
        # A name alone on its line is a byline at the top or a sign-off at the end; mid-story, a picture's credit.
        alone = (not lstrip or lstrip == "(") and (idx < 4 or idx >= n_paras - 2)
        dashed = lstrip.endswith(tuple(_DASHES + _BROKEN_DASH))
        # "(Reuters)" closing a caption mid-text credits a photo; at the end of the story it credits the text,
        # as does "(KB/IANS)": an editor's initials and the agency.
        closing = idx >= n_paras - 2 and (lstrip.endswith("(") or text[s:e].isupper() or _INITIALS_LEFT.search(lstrip))
        # "… Lahaina, Hawaii, US August 9, 2023. — Reuters" at the top of a story: a photo caption's credit.
        if dashed and not alone and idx < 3 and idx < n_paras - 2 and _is_caption(lstrip.rstrip(_DASHES).rstrip()):
            return "photo"
        # "Smoke rises above buildings in Khartoum on April 15, 2023. … — AFP" with the story going on below: a
        # caption dated as agencies date their pictures (fc32's Geo News); a story's sign-off closes the story.
        if dashed and not alone and idx < n_paras - 2 and _DAY_RE.search(text, para[0], s):
            return "photo"
        # "… pose for pictures in Beijing, China March 10, 2023. (Reuters)": an agency's caption, dated as it dates its
        # pictures, bracketing its credit; in a text cut short it can be among the last lines (fc37's Asharq Al-Awsat).
        if closing and not alone and lstrip.endswith("(") and _ends_in_day(lstrip[:-1]):
            return "photo"
        if alone or dashed or closing:
            return "signoff"
    if idx >= n_paras - 2 and "ith" in text[para[0]:s] \
            and _WITH_INPUTS.fullmatch(text[para[0]:s] + "\x01" + text[e:para[1]]):
        return "source"
    # "According to VNA" alone on the last line, after the story: where the whole text comes from, as "Source: VNA"
    # says; "according to" inside a sentence only attributes one fact.
    if idx == n_paras - 1 and _SOURCE_LINE_LEFT.fullmatch(text[para[0]:s]) and re.fullmatch(r"[\s.)]*", right):
        return "signoff"
    if _REPORTER_LEFT.search(near) and not re.match(r"^['’]s\b", right):
        return "reporter"
    # "…, AFP learned from a source": an agency's own finding (a wire only: "the BBC has learned" retold by another
    # site is that site's citation of a scoop).
    if is_wire(text[s:e]) and (_SENTENCE_START.search(near) or re.search(r",\s*$", near)) and _LEARNED_RIGHT.match(right):
        return "reporter"
    # "a Reuters witness", "an AFP reporter saw", "Reuters could not verify": the agency's own reporting.
    if re.search(r"\b(?:a|an)\s+$", near, re.IGNORECASE) and _REPORTER_RIGHT.match(right):
        if _APPOSITION_LEFT.search(near) and not _WITNESSED.search(re.split(r"[,;]|(?<![A-Z])\.\s", right, maxsplit=1)[0]):
            return None         # "Evan Gershkovich, a Wall Street Journal reporter in Moscow, …": who he is (fc40)
        return None if _STAFF_QUOTED.match(right) else "reporter"
    if _SENTENCE_START.search(near) and _UNVERIFIED_RIGHT.match(right):
        return "reporter"
    # "Reuters reporters at the scene … saw", "In central Beirut, AFP journalists heard": the agency's staff, plural,
    # opening a sentence or its clause after a short introduction.
    # "…, Reuters witnesses said." closing a sentence is the same reporting, named after the fact (rpages11's New Daily).
    if (_SENTENCE_START.search(near) or _INTRO_COMMA.search(near)) and _PLURAL_STAFF.match(right) \
            and _REPORTER_RIGHT.match(right):
        return "reporter"
    if re.search(r",\s*$", near) and _PLURAL_STAFF.match(right) and _STAFF_SAW.match(right):
        return "reporter"
    if _TOLD_LEFT.search(near) and not re.match(r"^['’]s\b", right):
        return "told"
    if (not lstrip or _SENTENCE_START.search(near)) and _CONTRIBUTED_RIGHT.match(right):
        return "reporter"
    if _STATE_LEFT.search(near):
        return None             # "state broadcaster CCTV said": the government's word, cited
    if _CITING_STATE_RIGHT.match(right):
        return "reported"       # "Reuters reported citing state broadcaster CCTV": Reuters is the source
    if re.match(r"^\s+(?:reports?|reported|said)\s+(?:citing|quoting|with reference to)\b", right):
        return None             # "Censor.NET reports citing RIA Novosti": the writer, not the source
    if (_TRAILING_LEFT.search(near) and _TRAILING_RIGHT.match(right)) or _QUOTED_RIGHT.match(right) \
            or (_CREDIT_LEFT.search(near) and _CREDIT_RIGHT.match(right)):
        return "reported"
    if _THIS_REPORTED.search(near) or _REPORTING_FROM.search(left[-100:]):
        return "reported"
    if _SENTENCE_START.search(near) and _REPORTS_ON.match(right):
        return "reported"
    # "as reported by Hiro Komae and Yuri Kageyama for the Associated Press (AP).": the agency its reporters wrote for.
    if _BY_FOR_LEFT.search(left[-120:]) and _CREDIT_RIGHT.match(right):
        return "reported"
    if _CITED_LEFT.search(near) or (_SENTENCE_START.search(near) and _CITED_RIGHT.match(right)):
        return "cited"
    return None


def find_credits(title: str | None, text: str | None, url: str | None = None,
                 own: str | None = None) -> list[Credit]:
    """Credits to other outlets in an article's title, text and address, in order of position.

    `own` is the publishing outlet: its own dateline or byline ("MOSCOW, June 6. /TASS/." on TASS) is
    no credit to another outlet and is left out.
    """
    own_name = canonical_outlet(own) if own else None
    out: list[Credit] = []
    title, text = title or "", text or ""
    for s, e, outlet in mentions(title):
        # "… — RT World News", "… | Xinhua": the outlet named after a dash at the end of the title.
        if outlet != own_name and _TITLE_DASH.search(title[:s]) and _TITLE_TAIL.fullmatch(title[e:]):
            end = len(title.rstrip())
            out.append(Credit(outlet, title[s:end], s, end, "title", "title", s, e))
        elif outlet != own_name and not title[:s].strip() and _TITLE_PREFIX.match(title, e):
            end = title.index("|", e) + 1
            out.append(Credit(outlet, title[s:end], s, end, "title", "title", s, e))
    found = mentions(text)
    if "/" in text[:600]:
        found = sorted(set(found) | set(_place_slash_line(text)))
    paras = _paragraphs(text) if found or "(" in text[:400] or "By " in text[:300] else []
    opening = _dateline_lines(paras, text)
    extra = _dateline_mentions(text, paras, opening)
    if paras and paras[-1][1] - paras[-1][0] <= 16 and "/" in text[paras[-1][0]:paras[-1][1]]:
        extra = extra + _initials_line_mention(text, paras[-1])
    if extra:
        found = sorted(set(found) | set(extra))
    starts = [a for a, _ in paras]
    joint = _joined(text, found)
    for n, (s, e, outlet) in enumerate(found):
        if outlet == own_name:
            continue
        if n and found[n - 1][2] == outlet and re.fullmatch(r"\s*\(\s*", text[found[n - 1][1]:s]):
            continue            # "the Associated Press (AP)": the name's abbreviation, no second credit
        idx = bisect.bisect_right(starts, s) - 1
        if idx < 0 or s >= paras[idx][1]:
            continue
        kind = _kind(text, s, e, paras[idx], idx, len(paras), opening)
        if n in joint and (kind in ("reported", "cited", "told") or _FILES_FROM.match(text, paras[idx][0])):
            continue            # "according to NBC and the AP", "With files from CBC News and AP": a compilation
        if kind:
            lo, hi = _phrase_span(text, s, e, *paras[idx], dateline=kind == "dateline")
            out.append(Credit(outlet, text[lo:hi], lo, hi, "text", kind, s, e))
    for m in (_LINK_DOMAIN.finditer(text) if "ublished" in text or "ppeared" in text else ()):
        name = is_news_outlet(m.group(1))
        if name and name != own_name and not any(c.start <= m.start(1) < c.end for c in out):
            out.append(Credit(name, text[m.start():m.end()], m.start(), m.end(), "text", "link", m.start(1), m.end(1)))
            out.sort(key=lambda c: (c.field != "title", c.start))
    # "Read more: https://www.bbc.com/news/…" alone on the last line (rpages14's OODA Loop summary of a BBC story): the
    # page the text was written from, a link credit as "Read the full article at X" is. Mid-text, such lines are
    # related links; at the end of a text cut short, the line is the page's own.
    m = None
    if "://" in text[-400:]:
        cut = len(text.rstrip())
        m = _READ_MORE_URL.fullmatch(text, text.rfind("\n", 0, cut) + 1, cut)
    name = m and is_news_outlet(urlsplit(m.group(1)).netloc.lower())
    if name and name != own_name:
        out.append(Credit(name, text[m.start():m.end()].strip(), m.start(), m.end(), "text", "link", m.start(1), m.end(1)))
    if url:
        parts = urlsplit(url)
        base = url.find(parts.netloc) + len(parts.netloc) if parts.netloc else 0
        m = _WIRES_PATH.search(url, base) or _NETWORK_PATH.match(url, base)
        name = is_news_outlet(m.group(1)) if m else None
        if name and name != own_name:
            out.append(Credit(name, m.group(0), m.start(), m.end(), "url", "url", m.start(1), m.end(1)))
    return out


# "Moscow, Russia/afp" alone on a line at the top (fc40's 7eNews, an AFP story): the place and country written
# before the agency's name with a slash, in any case, as a dateline; a breadcrumb ("Home/World") names no place and
# country and no agency
_PLACE_SLASH_LINE = re.compile(r"[A-Z][\w'’.-]+(?: [A-Z][\w'’.-]+){0,2},\s*[A-Z][\w'’.-]+(?: [A-Z][\w'’.-]+){0,2}"
                               r"\s*/\s*([A-Za-z][\w-]{1,24})\s*")


def _place_slash_line(text: str) -> list[tuple[int, int, str]]:
    """The agency of a "Place, Country/agency" line among a text's first lines, as a mention (_PLACE_SLASH_LINE)."""
    out, pos = [], 0
    for _ in range(DATELINE_LINES_MAX):
        end = text.find("\n", pos)
        end = len(text) if end < 0 else end
        m = _PLACE_SLASH_LINE.fullmatch(text, pos, end)
        name = m and is_news_outlet(m.group(1))
        if name and country_in(words_of(text[pos:m.start(1)]))[0] is not None:
            out.append((m.start(1), m.end(1), name))
        if end >= len(text):
            break
        pos = end + 1
    return out


def _joined(text: str, found: list[tuple[int, int, str]]) -> set[int]:
    """Indexes of mentions written together with another outlet's ("CNN and NBC", "NBC/WSJ")."""
    out = set()
    for n in range(len(found) - 1):
        (_, e, a), (s2, _, b) = found[n], found[n + 1]
        if a != b and re.fullmatch(r"\s*(?:,|and|or|&|/)\s*(?:the\s+)?", text[e:s2]):
            out.update((n, n + 1))
    return out


def _phrase_span(text: str, s: int, e: int, a: int, b: int, dateline: bool = False) -> tuple[int, int]:
    """Where the words around a credit start and end (at most a short clause, whole words only), for showing
    as evidence: text[start:end] is the phrase. A dateline is shown whole ("BEIJING, Jan. 31 (Xinhua) --")."""
    if dateline:
        lo = a + _byline_before_dateline(text[a:b], s - a, not text[:a].strip())
        hi = lo + _dateline_end(text[lo:b])
    else:
        lo, hi = max(a, s - 60), min(b, e + 40)
        # A clause ends at ", ", "; " or a sentence end, not at an abbreviation's point ("Jan. 31", "U.S. officials").
        cuts = [m.end() for m in _CLAUSE_END.finditer(text, lo, s)]
        if cuts:
            lo = cuts[-1]
        elif lo > a and text[lo - 1].isalnum():
            lo = min(s, text.find(" ", lo, s) + 1 or s)          # no half word at the left edge
        m = _CLAUSE_END.search(text, e, hi)
        if m:
            hi = m.start() + (1 if text[m.start()] in ".!?" else 0)
        elif hi < b and text[hi].isalnum():
            hi = max(e, text.rfind(" ", e, hi))                  # nor at the right edge
        hi = max(hi, e)
    while lo < s and text[lo].isspace():
        lo += 1
    while hi > e and text[hi - 1].isspace():
        hi -= 1
    return lo, hi
