"""Framing comparisons for one event: what each outlet chose to say, name, stress, quote and leave out.

compare_event() returns every figure of the framing issue as JSON-ready data; each figure carries the
article ids and (start, end) character offsets into the article text (or "title") it rests on, so the
dashboard can show the sentences behind every number. Helpers live in lexicon (tokens, lexicons),
vocab (Fightin' Words), omissions (sentence alignment), timeline (timing) and reprints.
"""
from __future__ import annotations

import json
import re
from collections import Counter, defaultdict

from core.canonical import spelling_key
from core.clean import clean_text, dateline_end
from core.contested import contested_terms as find_contested
from core.credits import canonical_outlet, is_news_outlet
from core.gazetteer import country_in, institution
from core.corpus import imported_date, read_jsonl
from core.coverage import MIXED_SUMMARIES, summaries_may_mix
from core.language import is_english, language_of
from core.lexicon import lemma, load_contested_terms, load_tone, split_paragraphs, split_sentences, words
from core.models import get
from core.omissions import MAX_ALIGN_ARTICLES, omissions
from core.progress import note, reporting
from core.reprints import Reprint, family_key, family_outlet, find_reprints
from core.sources import speaker_label
from core.timeline import parse_time, timing, unranked
from core.vocab import (Z_MIN, count_terms, distinctive_terms, evidence_for, headline_lead_words, rank_distinctive,
                        term_keys)

__all__ = ["compare_event", "distinctive_terms", "contested_terms", "load_contested_terms", "timing",
           "actors", "attribution", "tone", "run_compare_file"]

LEAD_SENTENCES = 2          # the lead is the first paragraph, capped at this many sentences
TOP_DISTINCTIVE = 15
TOP_ACTORS = 12             # actors listed in the emphasis figure
TONE_ACTORS = 5             # main actors whose sentences get a tone score
MAX_EVIDENCE = 5            # evidence spans kept per listed item
PROMINENCE = {"headline": 3.0, "lead": 2.0, "body": 1.0}
SCARE_QUOTE_MAX_WORDS = 3   # quoted spans this short, outside a quotation, read as distancing

COUNTRIES = {
    "United States": ["U.S.", "US", "USA", "America", "American", "Americans", "Washington"],
    "Russia": ["Russian", "Russians", "Moscow", "Kremlin"], "China": ["Chinese", "Beijing"],
    "Ukraine": ["Ukrainian", "Ukrainians", "Kyiv", "Kiev"], "Taiwan": ["Taiwanese", "Taipei"],
    "United Kingdom": ["U.K.", "UK", "Britain", "British", "London"], "France": ["French", "Paris"],
    "Germany": ["German", "Berlin"], "Israel": ["Israeli", "Israelis", "Jerusalem"],
    "Iran": ["Iranian", "Tehran"], "Iraq": ["Iraqi", "Baghdad"], "Syria": ["Syrian", "Damascus"],
    "Afghanistan": ["Afghan", "Kabul"], "Pakistan": ["Pakistani", "Islamabad"], "India": ["Indian", "New Delhi"],
    "Mexico": ["Mexican", "Mexicans", "Mexico City"], "Canada": ["Canadian", "Ottawa"],
    "Japan": ["Japanese", "Tokyo"], "North Korea": ["North Korean", "Pyongyang"], "South Korea": ["South Korean", "Seoul"],
    "Saudi Arabia": ["Saudi", "Riyadh"], "Turkey": ["Turkish", "Ankara"], "Egypt": ["Egyptian", "Cairo"],
    "Libya": ["Libyan", "Benghazi", "Tripoli"], "Palestine": ["Palestinian", "Palestinians", "Gaza", "West Bank"],
    "Venezuela": ["Venezuelan", "Caracas"], "Cuba": ["Cuban", "Havana"], "Brazil": ["Brazilian"],
    "Kenya": ["Kenyan"], "Nigeria": ["Nigerian"], "South Africa": ["South African"], "Australia": ["Australian"],
    # not "Brussels": the city where a thing happens (the 2016 bombings) is no actor of the EU's
    "European Union": ["EU", "E.U."], "NATO": ["N.A.T.O."], "United Nations": ["U.N.", "UN"],
}
US_STATES = set("""Alabama Alaska Arizona Arkansas California Colorado Connecticut Delaware Florida Georgia Hawaii
Idaho Illinois Indiana Iowa Kansas Kentucky Louisiana Maine Maryland Massachusetts Michigan Minnesota Mississippi
Missouri Montana Nebraska Nevada Ohio Oklahoma Oregon Pennsylvania Tennessee Texas Utah Vermont Virginia Wisconsin
Wyoming Chicago Boston Baltimore Detroit Atlanta Miami Houston Dallas Seattle Denver""".split()) | {
    "New York", "New Jersey", "New Hampshire", "New Mexico", "North Carolina", "South Carolina", "North Dakota",
    "South Dakota", "Rhode Island", "West Virginia", "Los Angeles", "San Francisco", "Washington State"}
_ALIAS = {alias: country for country, aliases in COUNTRIES.items() for alias in aliases + [country]}
HONORIFICS = {"mr", "mrs", "ms", "dr", "sen", "senator", "rep", "representative", "gov", "governor",
              "president", "vice", "secretary", "gen", "general", "judge", "justice", "attorney", "former",
              "speaker", "leader", "minister", "chairman", "chairwoman", "prof", "rev", "sheriff", "mayor",
              "spokesman", "spokeswoman", "spokesperson", "ambassador", "envoy", "commander", "chancellor",
              "premier", "prosecutor", "director", "deputy", "acting", "chief", "head", "ayatollah", "pope", "pm"}
# what may stand between "Secretary of" and a name: "Secretary of State Antony Blinken" is Antony Blinken
PORTFOLIOS = {"state", "defense", "defence", "treasury", "homeland", "health", "energy", "commerce", "justice",
              "labor", "agriculture", "education", "interior", "transportation", "veterans", "foreign", "affairs"}
# sentence glue a capital letter does not make a name ("According to …", "Previously, …")
GLUE = {"according", "previously", "earlier", "later", "meanwhile", "however", "additionally", "furthermore",
        "moreover", "nevertheless", "instead", "last", "next", "several", "thousands", "hundreds", "dozens",
        "everyone", "accused", "representing", "speaking", "asked", "reporting", "editing", "writing", "short",
        "increased", "despite", "amid", "following", "during", "since", "among", "under", "until", "without"}
MONTH_ABBREVIATIONS = {"jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec"}
PLACE_WORDS = {"hall", "palace", "square", "lake", "river", "sea", "ocean", "region", "oblast", "province",
               "district", "island", "islands", "street", "avenue", "city", "town", "village", "airport", "bridge",
               "dam", "cathedral", "church", "cemetery", "mountains", "valley", "bay", "strait", "peninsula",
               "highway", "krai", "county", "park", "stadium", "arena", "port", "plant", "station", "npp", "hpp"}
LOCATIVES = {"in", "at", "near", "into", "across", "outside", "inside", "toward", "towards"}   # not "to": "sent to Booker"
NOT_ACTORS = {"the", "a", "an", "but", "and", "or", "he", "she", "it", "they", "we", "i", "in", "on", "at",
              "this", "that", "there", "his", "her", "their", "as", "if", "when", "while", "after", "before",
              "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "january",
              "february", "march", "april", "may", "june", "july", "august", "september", "october",
              "november", "december", "mr", "mrs", "ms", "so", "for", "with", "by", "from", "to", "of",
              "yes", "no", "not", "what", "why", "how", "who", "some", "many", "one", "two", "it's", "still",
              "also", "now", "then", "even", "just", "all", "our", "my", "you", "your", "its", "these", "those",
              "read", "watch", "click", "related", "let", "here", "please", "like", "source", "photo", "video", "getty", "images", "ap", "advertisement",
              # a page's clock and furniture ("Updated 10:32 AM GMT", "Skip to content", "Subscribe")
              "am", "pm", "gmt", "utc", "est", "edt", "bst", "cet", "cest", "ist", "skip", "subscribe", "updated",
              "published", "share"}
ORG_WORDS = {"department", "committee", "party", "house", "senate", "congress", "court", "council",
             "ministry", "agency", "bureau", "association", "union", "inc", "corp", "company", "university",
             "news", "times", "post", "journal", "network", "foundation", "administration", "commission",
             "office", "campaign", "fbi", "cia", "irs", "gop", "dnc", "rnc", "nra", "pentagon", "army",
             "police", "service", "institute", "center", "group", "bank", "board", "caucus", "republicans",
             "democrats", "republican", "democratic", "white"}
_CAP_TOKEN = r"(?:[A-Z]\.(?:[A-Z]\.)+|(?:Mr|Mrs|Ms|Dr|Sen|Rep|Gov|Gen|Jr|St|Lt|Col)\.|[A-Z][\w'’-]*\w|[A-Z]\.?)"
_CAP_RE = re.compile(_CAP_TOKEN + r"(?:[ \t]+" + _CAP_TOKEN + r")*")    # no "of": "McCain of the FBI" is two actors

CUE_CLASSES = {
    "neutral": ["said", "says", "say", "told", "tells", "stated", "states", "added", "adds", "wrote",
                "writes", "reported", "announced", "replied", "responded", "asked"],
    "distancing": ["claimed", "claims", "claim", "alleged", "alleges", "insisted", "insists", "asserted",
                   "asserts", "contended", "contends", "maintained", "maintains", "purported", "argued",
                   "argues", "suggested", "suggests"],
    "factive": ["acknowledged", "acknowledges", "admitted", "admits", "conceded", "concedes", "revealed",
                "reveals", "confirmed", "confirms", "explained", "explains", "noted", "notes", "pointed out",
                "points out", "disclosed", "recalled"],
    "charged": ["slammed", "slams", "blasted", "blasts", "lashed out", "fumed", "boasted", "bragged",
                "railed", "ranted", "complained", "complains", "warned", "warns", "attacked", "mocked",
                "declared", "declares", "vowed", "vows", "denied", "denies", "accused", "accuses", "touted"],
}
_CUE_CLASS = {c: k for k, cues in CUE_CLASSES.items() for c in cues}
_CUE_ALT = "|".join(sorted((re.escape(c) for c in _CUE_CLASS), key=len, reverse=True))
_DISTANCING_RE = re.compile(r"\b(allegedly|alleged|so-called|so called|purported(?:ly)?|supposed(?:ly)?|"
                            r"self-described|self-styled|self-proclaimed|dubious|questionable)\b", re.IGNORECASE)
_QUOTED_RE = re.compile(r"[“\"]([^“”\"\n]{1,300})[”\"]|(?<!\w)‘([^‘’\n]{1,80})’(?!\w)")
_NOT_SCARE_START = {"i", "it", "we", "he", "she", "they", "you", "this", "that", "there", "my", "our", "i'm", "it's"}


def glued_title_end(text: str, title: str) -> int:
    """Where a headline glued onto the text's first sentence ends ("...meet in BeijingThe leaders..."), else 0."""
    # Aggregators paste the headline before the summary with no space or line between; the shown lead would
    # read "BeijingThe". Only a glue with no separator counts: a headline on its own line is a paragraph.
    title = title.strip()
    if len(title) < 8 or not text.startswith(title):
        return 0
    after = text[len(title):len(title) + 2]
    return len(title) if len(after) == 2 and after[0].isupper() and after[1].isalpha() else 0


def lead_spans(text: str, sents: list[tuple[int, int]], title: str = "",
               furniture: list[tuple[int, int]] | None = None) -> list[tuple[int, int]]:
    """The lead: the first real sentence (not a dateline, ad marker or page furniture), its dateline cut
    off, and the next sentence of the same paragraph, up to LEAD_SENTENCES. A text that is all furniture (a
    photo gallery's captions) has none; one whose only sentences are short lines keeps its first. `furniture`: the
    text's furniture paragraphs when already found."""
    paras = split_paragraphs(text)
    glued = glued_title_end(text, title)
    skip = _furniture_paragraphs(text, paras) if furniture is None else furniture
    headline = _title_key(title)
    top = _story_start(text, headline)
    lead: list[tuple[int, int]] = []
    for s, e in sents:
        if lead and (len(lead) >= LEAD_SENTENCES or any(lead[0][0] < b <= s for _, b in paras)):
            break
        if s < glued < e:
            s = glued
        if not lead and (e <= top or _before_the_story(text, s, e, paras, skip, headline)):
            continue
        s += _dateline_cut(text[s:e])
        s += _date_stamp_end(text[s:e])
        if _real_sentence(text[s:e]):
            lead.append((s, e))
    if not lead:
        # no stopped sentence: the story's first real line below a repeated headline and the page's byline block
        # (SBS's podcast summary "Pelé, the Brazilian king of soccer … has died at the age of 82" with no stop,
        # not the headline above it: fc33)
        lead = [(s, e) for s, e in sents if s >= top > 0 and not any(a <= s < b for a, b in skip)
                and _title_key(text[s:e]) != headline and _real_sentence(text[s:e])][:1]
    if not lead and sents and not any(a <= sents[0][0] < b for a, b in skip):
        lead = sents[:1]      # no real sentence: the first, unless it is a caption or a prompt
    return lead


def furniture_spans(text: str, lead: list[tuple[int, int]],
                    furniture: list[tuple[int, int]] | None = None) -> list[tuple[int, int]]:
    """What a page prints around the story, as (start, end) spans: everything above the lead's first sentence
    (masthead, icons, the headline again, kicker, byline, time stamp) and every furniture paragraph (`furniture`
    when already found)."""
    spans = [(0, lead[0][0])] if lead and lead[0][0] > 0 else []
    return spans + (_furniture_paragraphs(text, split_paragraphs(text)) if furniture is None else furniture)


# Pages repeat their headline, kicker and standfirst at the top of the text, under a masthead, and put photo
# captions, video blurbs and subscription prompts before the story (fresh coverage of three 2016 events: 14
# of 19 leads shown were such lines). None of them is the story's first sentence.
# … or closes on an agency's credit after its last stop: "… 24 August 2023. EPA-EFE/KIM LUDBROOK" (fc34's Daily
# Maverick lead was that caption), "EPA-EFE FILE/SANA", "REUTERS/Kevin Lamarque", "AFP/Getty Images", "AP Photo/Evan Vucci"
_PHOTO_CREDIT_RE = re.compile(r"\b(?:PHOTOS?|Photos?|Pictures?|Images?|Credit)\s*:\s*\S|\bPhoto by\b"
                              r"|\((?:[^()\n]*/)+[^()\n]*\)\s*$"
                              # a picture's source in parentheses closing the line: "… January 26, 2024. (Youtube
                              # screenshot)" (fc36's Times of Israel lead was that caption), "(EPA Photo)", "(AP Photo)"
                              r"|\((?:[\w.&'’-]+[ \t]+){0,2}(?:[Ff]ile[ \t]+)?(?:[Pp]hotos?|[Ss]creen[ \t]?(?:shot|grab)s?|"
                              r"[Ii]llustration)(?:[ \t]+(?:via|by|from|courtesy[ \t]+of)[ \t]+[\w.&'’-]+(?:[ \t]+[\w.&'’-]+){0,2})?"
                              r"\)[ \t]*$"
                              # … or whose agency it is, bare, after the caption's stop: "… Lviv, 03 March 2023. (EPA)"
                              # (fc40: Asharq Al-Awsat's lead was that caption, twice), "(Kremlin pool photo via AP)"
                              # (fc40: VOA's); no story paragraph of the shared data closes so
                              r"|(?<=[.!?\"”’])[ \t]*\((?:EPA(?:-EFE)?|AFP|Reuters|REUTERS|AP|Getty[ \t]+Images|Xinhua|"
                              r"Anadolu(?:[ \t]+Agency)?|SPA|WAM|IANS|PTI|ANI|Shutterstock)\)[ \t]*$"
                              r"|(?:(?<=[.!?\"”’)])[ \t]+|^|(?<=\n))[A-Z]{2,}(?:[- ][A-Z]{2,}){0,2}(?: Photo)?/ ?[A-Z][\w.'’-]*"
                              r"(?: [A-Z][\w.'’-]*){0,3}\s*$")
# a video blurb closes on its date and credit, often cut: "… appears to show the crash. (March 19) AP", "(March AP"
_VIDEO_CREDIT_RE = re.compile(r"\((?:January|February|March|April|May|June|July|August|September|October|November|"
                              r"December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)\.?(?: \d{1,2})?\)?"
                              r"(?: [A-Z][\w.]*(?: [A-Z][\w.]*){0,2})?\s*$")
# where a person stands in the picture, in brackets after a name: "President-elect William Ruto (right) after being
# declared winner today." (fc37's Herald lead was that caption), "Richard Osman (left), 40.", "X (second from left)",
# "(L-R)". Words only: a single letter is a US party ("Sen. Ted Cruz (R)"), and a party's side with its name ("Jair
# Bolsonaro (Pl, right)") or "far right" is politics, not a place in a photo
_POSITION_RE = re.compile(r"[A-Z][\w.'’-]*[ \t]+\((?:(?:second|third|fourth)[ \t]+(?:from[ \t]+)?)?"
                          r"(?:left|right|centre|center|middle|front|back)\)"
                          r"|\((?:L-R|R-L|from left|from right|left to right|right to left)\)")
# a list item ("-- The blasts hit …", "• Key point"): the highlights a page sets above the story
_BULLET_RE = re.compile(r"\A\s*(?:--|[-–—]{1,2}|[•·▪►*])\s")     # "—– Masses throng …" too (round 32)
_LABEL_RE = re.compile(r"\A\W*(?:video|watch|gallery|photos?|listen|audio)\s*:", re.IGNORECASE)
_NOTICE_RE = re.compile(r"\A\W*(?:this (?:story|article|content|page|was published) (?:is |was )?"
                        r"(?:over |more than )?\d+ years? (?:old|ago)"
                        r"|(?:subscribe|sign up|log in|already a subscriber|start (?:a |your )?free)"
                        # "For free real time breaking news alerts sent straight to your inbox sign up to our …" (fc34)
                        r"|(?:for|get)\b[^.!?\n]{0,100}?\b(?:to your inbox|sign up (?:to|for) our))", re.IGNORECASE)
# a video player's running time, the video's blurb on the line below it: "Watch / Duration: 2 minutes 21 seconds / The
# quick count shows the man once banned …" (fc35: ABC Australia's lead was the blurb, not the story's first sentence)
_DURATION_RE = re.compile(r"^[ \t]*Duration:?[ \t]*(?:\d{1,2}:\d{2}(?::\d{2})?|\d+[ \t]*(?:hours?|minutes?|mins?)"
                          r"(?:[ \t]+\d+[ \t]*(?:seconds?|secs?))?|\d+[ \t]*(?:seconds?|secs?))[ \t]*$",
                          re.MULTILINE | re.IGNORECASE)
# the author's one-line bio a page sets by the byline: "Jeremy Sharon is The Times of Israel's legal affairs and
# settlements reporter" (fc36: its "settlements" was shown as the outlet's own word for the ICJ ruling)
_BIO_RE = re.compile(r"\A[ \t]*[A-Z][\w.'’-]*(?:[ \t]+[A-Z][\w.'’-]*){1,3}[ \t]+is[ \t]+(?:a|an|the|[A-Z][^\n]{0,60}?['’]s)"
                     r"[ \t][^\n.!?]{0,80}?\b(?:reporter|correspondent|editor|writer|columnist|journalist|contributor|"
                     r"producer|analyst|anchor|host)s?(?:[ \t]+(?:for|at|with|of|in|based in)[ \t]+[A-Z][^\n.!?,]{0,50})?"
                     r"\.?[ \t]*\Z")
_SENTENCE_END_RE = re.compile(r"[.!?…][\"'”’)\]]*\s*$")
OPENING_CHARS = 1500        # how far into a text a repeated headline still marks the top of the story


def _title_key(title: str) -> str:
    """A headline's words, lowercased, to know it again where a page repeats it in the text."""
    return " ".join(w.lower() for w, _, _ in words(title or ""))


def bio_lines(text: str, furniture: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """The author's bio lines among a text's furniture paragraphs ("X is The Times of Israel's … reporter")."""
    return [(a, b) for a, b in furniture if _BIO_RE.match(text[a:b])]


def _furniture_paragraphs(text: str, paras: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Paragraphs that are page furniture: photo captions (a credit line in them, or a caption's own form), prompts
    and notices, an author's bio line above or below the story. In a paragraph set line by line, a caption ends with
    its credit line: the lines below it are the story; a video player's running time ends with the line below it,
    the video's blurb."""
    out, bios = [], []
    for a, b in paras:
        if _NOTICE_RE.match(text[a:b]) or _CAPTION_RE.match(text[a:b]):
            out.append((a, b))
        elif _BIO_RE.match(text[a:b]):
            bios.append((a, b))
        elif m := _DURATION_RE.search(text[a:b]):
            blurb = text.find("\n", a + m.end() + 1)
            out.append((a, b if blurb < 0 or blurb > b else blurb))
        elif _caption_line(text[a:b]):
            out.append((a, _caption_end(text, a, b)))
    if not bios:
        return out
    # a bio line sits by the byline above the story or under its end: "Mohammed Ali is a freelance journalist based
    # in Gaza." between two of the story's paragraphs is the story telling who he is
    ends = dict(out)
    story = [(a, b) for a, b in paras if (a, b) not in bios and _story_paragraph(text[ends.get(a, a):b])]
    if story:
        bios = [(a, b) for a, b in bios if b <= story[0][0] or a >= story[-1][1]]
    return sorted(out + bios)


def _story_paragraph(paragraph: str) -> bool:
    """Whether a paragraph (what is left of it once its furniture is cut) reads as the story's: running text closing
    on a stop, not a headline, byline, time stamp or box title."""
    return bool(_SENTENCE_END_RE.search(paragraph)) and _real_sentence(paragraph)


def _caption_line(line: str) -> bool:
    """Whether a line (or paragraph) holds a caption's mark: a picture's or a video's credit, or where a person stands
    in the picture."""
    return bool(_PHOTO_CREDIT_RE.search(line) or _VIDEO_CREDIT_RE.search(line) or _POSITION_RE.search(line))


def _caption_end(text: str, a: int, b: int) -> int:
    """Where a caption paragraph's furniture ends: after its last line holding a credit, when what follows in the
    paragraph is longer than the caption (the story), else at b (a caption's second line: "A boat on the square.").
    A page that sets caption and story in one paragraph, a line each (Axios: "… casting his vote in Buenos Aires …
    Photo: Marcos Brindicci/Getty Images" then "Javier Milei, a libertarian member of …"), keeps the story (fc33)."""
    end, pos = a, a
    for line in text[a:b].split("\n"):
        if _caption_line(line):
            end = pos + len(line)
        pos += len(line) + 1
    return end if a < end and len(text[end:b].strip()) > end - a else b


# A caption without a credit line the rules know: a paragraph opening with a sentence in the present tense of a
# picture ("Smoke rises above buildings in Khartoum, Sudan, on April 15, 2023, amid reported clashes in the city."),
# dated to the day with its year, as no story sentence about the day's news is (round 32: France 24's lead, Geo's
# caption closing "— AFP")
_CAPTION_RE = re.compile(r"\A[A-Z][^.!?\n]{0,80}?\b(?:rises|rise|billows|billow|shows|show|walk|walks|stand|stands|gather|"
                         r"gathers|look|looks|sit|sits|wait|waits|pass|passes|is seen|are seen|burns|burn|attend|attends|"
                         r"take part|takes part|march|marches|hold|holds|ride|rides|carry|carries|queue|queues|react|reacts)"
                         r"\b[^.!?\n]{0,120}?\b(?:on|in)\s+(?:" + r"(?:January|February|March|April|May|June|July|August|"
                         r"September|October|November|December)\.?\s+\d{1,2},\s+\d{4}|\d{1,2}\s+(?:January|February|"
                         r"March|April|May|June|July|August|September|October|November|December),?\s+\d{4})"
                         r"[^.!?\n]{0,120}(?:[.]|\s*\Z)")


_MONTH = r"(?:January|February|March|April|May|June|July|August|September|October|November|December)"
# a date stamp left before the story once a dateline's city is cut: "CAIRO – 3 January 2020: Head of …"
_DATE_STAMP_RE = re.compile(rf"\A(?:\d{{1,2}} {_MONTH} \d{{4}}|{_MONTH} \d{{1,2}}, \d{{4}})\s*[:–—]\s+(?=\S)")


def _dateline_cut(sentence: str) -> int:
    """Length of the wire dateline opening a sentence, 0 when there is none or when the "dash" is a compound's hyphen
    ("US-based Silicon Valley Bank …" has no dateline "US-")."""
    n = dateline_end(sentence)
    return 0 if n and _COMPOUND_CUT_RE.search(sentence[:n + 1]) else n


_COMPOUND_CUT_RE = re.compile(r"\w-[a-z]\Z")


def _date_stamp_end(sentence: str) -> int:
    """Length of a date stamp ("3 January 2020: "), a credit set between dashes ("-Edited by Bev Mortimer- ") or a
    desk's credit ("Web Desk: ") opening a sentence, 0 when there is none."""
    m = _DATE_STAMP_RE.match(sentence) or _CREDIT_PREFIX_RE.match(sentence)
    return m.end() if m else 0


# a credit a local site sets before its story: "-Edited by Bev Mortimer- Six new countries have been invited …" (fc34),
# or its desk's: "Web Desk: According to the World News Agency, …" (fc37's The Current), "News Desk | ", "Monitoring Desk –"
# … or its place and credit between bars: "Moscow, Russia | AGENCIES | Russia has suspended …" (fc40: The Independent
# Uganda's news sentence was skipped for its bars, the lead shown its second paragraph)
_CREDIT_PREFIX_RE = re.compile(r"\A(?:[-–—]\s*(?:Edited|Written|Compiled|Reported) by [A-Z][\w.'’-]*(?: [A-Z][\w.'’-]*){0,3}"
                               r"\s*[-–—]|(?:[A-Z][a-z]+[ \t]+){1,2}Desk[ \t]*[:|–—-]"
                               r"|[A-Z][\w.'’-]*(?:[ \t]+[A-Z][\w.'’-]*){0,2}(?:,[ \t]*[A-Z][\w.'’-]*(?:[ \t]+[A-Z][\w.'’-]*)?)?"
                               r"[ \t]*\|[ \t]*[A-Z]{2,}(?:[ \t]+[A-Z]{2,}){0,2}[ \t]*\|)\s+(?=\S)")


def _story_start(text: str, headline: str) -> int:
    """Where the story begins when the page prints its headline again as a line of its own: after the last such
    line in the opening (what stands above it, icons, a date, a byline template, is the page's), else 0."""
    if not headline:
        return 0
    end, pos = 0, 0
    for line in text[:OPENING_CHARS].split("\n"):
        if _title_key(line) == headline:
            end = pos + len(line)
        pos += len(line) + 1
    return end


def _before_the_story(text: str, s: int, e: int, paras, skip, headline: str) -> bool:
    """Whether the sentence at s..e is a headline, kicker, caption or prompt standing before the story: the
    article's own title again, a line that is a paragraph of its own and ends without a stop (a headline or
    standfirst), a sentence of a caption or prompt paragraph, or one labelled "Video:" or "Watch:"."""
    sentence = text[s:e]
    if headline and _title_key(sentence) == headline:
        return True
    if any(a <= s < b for a, b in skip) or _LABEL_RE.match(sentence) or _NOTICE_RE.match(sentence):
        return True
    if any(a == s and _BULLET_RE.match(text[a:b]) for a, b in paras):
        return True
    if text[:s].rstrip(" \t")[-1:] in ("", "\n") and _BULLET_RE.match(sentence):
        return True                 # an item of a list set line by line in one paragraph (highlights above the story)
    # a line of its own (a paragraph, or a line of one: a standfirst under the headline) with no stop, unless a
    # breaking-news marker follows it: "… has died at the age of 82" then "(More to follow)" is the story (fc33)
    alone = text[:s].rstrip(" \t")[-1:] in ("", "\n") and text[e:].lstrip(" \t")[:1] in ("", "\n")
    # … nor is a line ending with a colon above a list: "…, the Swiss Bankers Association (SBA) has the following
    # comments:" then "• This is a difficult …" opens a statement (fc34)
    listed = sentence.rstrip().endswith(":") and _BULLET_RE.match(text[e:])
    return (alone and "\n" not in sentence.strip() and not _SENTENCE_END_RE.search(sentence)
            and not _BREAKING_RE.match(text[e:].lstrip()) and not listed)


# the line a wire or a site sets under a breaking story's first line
_BREAKING_RE = re.compile(r"[(\[]?\s*(?:more|further|full) (?:details )?(?:to follow|awaited)|details (?:to follow|awaited)"
                          r"|(?:this is a )?developing story", re.IGNORECASE)


def _real_sentence(sentence: str) -> bool:
    """A sentence of the story: running text (three or more lowercase words) once page furniture is cleaned
    off, and not a dateline standing alone ("MOSCOW, June 6. /TASS/.") or a byline ("Reuters | Moscow")."""
    body = clean_text(sentence).strip()
    if dateline_end(body + " A") >= len(body):
        return False
    return sum(1 for w in body.split() if w[:1].islower()) >= 3 and "|" not in body


def prepare(articles) -> list[dict]:
    """Per-article fields used by every figure: text, sentences, lead span and the lead's sentences."""
    docs = []
    for a in articles:
        text = get(a, "text", "") or ""
        sents = split_sentences(text, join_wrapped=True)
        title = get(a, "title", "") or ""
        furniture = _furniture_paragraphs(text, split_paragraphs(text))
        lead = lead_spans(text, sents, title, furniture)
        docs.append({"id": str(get(a, "id")), "outlet": get(a, "outlet", "unknown") or "unknown",
                     "title": get(a, "title", "") or "", "text": text, "sentences": sents, "lead": lead,
                     "furniture": furniture_spans(text, lead, furniture),
                     "repeats": repeated_sentences(text, sents, title),
                     # captions, prompts, notices, video blurbs and bios: what the page sets around the story
                     "furniture_paragraphs": furniture, "bios": bio_lines(text, furniture),
                     "published": get(a, "published"), "date_source": get(a, "date_source", "unknown"),
                     "date_precision": get(a, "date_precision"), "date_flag": get(a, "date_flag"),
                     "language": get(a, "language"),
                     "text_status": get(a, "text_status", "ok") or "ok"})
    return docs


MIN_REPEAT_WORDS = 3        # a sentence this long printed again word for word is one use, not two


def repeated_sentences(text: str, sents: list[tuple[int, int]], title: str = "") -> list[tuple[int, int]]:
    """The sentences a page prints again word for word, after their first copy (the headline counting as one): a
    paragraph shown twice, a caption shown three times. Each later copy is the same words said once more."""
    seen = {_said(title)} if len(title.split()) >= MIN_REPEAT_WORDS else set()
    out = []
    for s, e in sents:
        key = _said(text[s:e])
        if len(key.split()) < MIN_REPEAT_WORDS:
            continue
        if key in seen:
            out.append((s, e))
        seen.add(key)
    return out


def _said(sentence: str) -> str:
    """A sentence as compared for repeats: its words, lowercased."""
    return " ".join(w.lower() for w, _, _ in words(sentence))


def masked(text: str, spans: list[tuple[int, int]]) -> str:
    """The text with each span blanked by spaces: offsets into it still point into the original."""
    chars = list(text)
    for s, e in spans:
        chars[s:e] = " " * (e - s)
    return "".join(chars)


def said_once(doc: dict, blank: bool = True) -> dict:
    """A prepared article with every repeated sentence left out (blank: also blanked in its text), so a paragraph a
    page prints twice is counted once in contested terms and omissions."""
    reps = doc.get("repeats") or []
    if not reps:
        return doc
    gone = set(reps)
    kept = [se for se in doc["sentences"] if se not in gone]
    return dict(doc, sentences=kept, **({"text": masked(doc["text"], reps)} if blank else {}))


def _span(doc: dict, s: int, e: int, field: str = "text") -> dict:
    """An evidence pointer into an article's text (or title)."""
    return {"id": doc["id"], "field": field, "start": s, "end": e}


def headlines_and_leads(docs: list[dict]) -> dict:
    """Headlines and leads side by side, with shared words and words only one outlet uses."""
    items = []
    for d in docs:
        lead = " ".join(clean_text(d["text"][s:e]).strip() for s, e in d["lead"])
        items.append({"id": d["id"], "outlet": d["outlet"], "title": d["title"], "lead": lead,
                      "evidence": [_span(d, 0, len(d["title"]), "title")] + [_span(d, s, e) for s, e in d["lead"]]})
    return {"articles": items, "words": headline_lead_words(items)}


def distinctive(docs: list[dict], top: int = TOP_DISTINCTIVE) -> dict:
    """Fightin' Words per outlet vs the rest of the event, each term with the sentences it occurs in."""
    by_outlet: dict[str, list[dict]] = defaultdict(list)
    for d in docs:
        by_outlet[d["outlet"]].append(d)
    if len(by_outlet) < 2:
        return {"note": "only one outlet reported this event in its own words (copies of a report are shown apart): "
                        "no vocabulary to compare", "outlets": {}}
    counts, surface = {}, {}
    for outlet, ds in by_outlet.items():
        # the story's words: what a page prints around it (icons, a byline template, captions) is not the outlet's
        counts[outlet], s = count_terms(clean_text(d["title"] + "\n" + masked(d["text"], d.get("furniture", [])))
                                        for d in ds)
        for k, v in s.items():
            surface.setdefault(k, v)
    ranked = rank_distinctive(counts, surface, top=top)
    for outlet, rows in ranked.items():
        ev = evidence_for({r["key"] for r in rows}, [(d["id"], masked(d["text"], d.get("furniture", [])))
                                                     for d in by_outlet[outlet]])
        for r in rows:
            r["evidence"] = [dict(x, field="text") for x in ev.get(r["key"], [])]
        # a word said in one sentence only is that sentence's, not the outlet's vocabulary: a footer's list of
        # services ("Business to Business Service, Business School, …" ×7) or a sign-up prompt's "emails" ×5 (fc34)
        titled = {k for d in by_outlet[outlet] for k, _, _, _ in term_keys(d["title"])}
        ranked[outlet] = [r for r in rows if len(r["evidence"]) + (r["key"] in titled) >= 2]
    return {"method": "weighted log-odds, informative Dirichlet prior = pooled event counts (Monroe et al. 2008); "
                      f"terms with z >= {Z_MIN} only, counted in text without page furniture", "outlets": ranked}


def contested_terms(articles, families=None, quotes=None) -> dict:
    """Marked lexicon terms per outlet in its own voice, quoted ones by speaker, every match with its sentence."""
    docs = articles if articles and isinstance(articles[0], dict) and "sentences" in articles[0] else prepare(articles)
    return find_contested(docs, families if families is not None else load_contested_terms(), quotes)


def _canonical(name: str) -> str | None:
    """An actor name without honorifics or leading/trailing function words, mapped to its country if one."""
    toks = name.replace("’", "'").replace("ʼ", "'").split()
    while toks and (toks[0].lower().rstrip(".") in HONORIFICS | NOT_ACTORS or "'" in toks[0]):
        toks = toks[1:]
    while toks and toks[-1].lower().rstrip(".") in NOT_ACTORS | HONORIFICS | {"of", "de"}:
        toks = toks[:-1]            # "U.S. Secretary", "Foreign Minister": a role, not who holds it
    if len(toks) == 1 and toks[0].lower() in PORTFOLIOS:
        return None
    if toks and toks[-1].endswith("'s"):
        toks[-1] = toks[-1][:-2]
    # "Texas Governor Rick Perry" is Rick Perry: keep what follows the last title, if it is a name
    titles = [k for k, t in enumerate(toks) if t.lower().rstrip(".") in HONORIFICS]
    if titles and titles[-1] < len(toks) - 1 and toks[titles[-1] + 1][:1].isupper():
        toks = toks[titles[-1] + 1:]
    name = " ".join(toks).strip(" ,'-")
    if name.endswith(".") and not re.search(r"(\b[A-Z]|Jr|Sr)\.$", name):
        name = name[:-1]
    if not name or name.lower() in NOT_ACTORS | MONTH_ABBREVIATIONS or len(name) < 2:
        return None
    return _ALIAS.get(name, name)


def _mentions(text: str) -> list[tuple[str, int, int]]:
    """Capitalised phrases that may name an actor, with offsets; sentence-initial function words are dropped."""
    out = []
    for m in _CAP_RE.finditer(text):
        name = _canonical(m.group())
        if name:
            out.append((name, m.start(), m.end()))
    return out


def _find_names(title: str, names) -> list[tuple[str, int, int]]:
    """Known names (and country aliases) in a title-case headline, longest n-gram first."""
    toks = [(m.group(), m.start(), m.end()) for m in re.finditer(r"[\w'’.-]*\w\.?", title)]
    out, i = [], 0
    while i < len(toks):
        for n in (4, 3, 2, 1):
            if i + n > len(toks):
                continue
            cand = " ".join(t[0] for t in toks[i:i + n]).rstrip(".") if n > 1 else toks[i][0]
            cand = cand[:-2] if cand.endswith(("'s", "’s")) else cand
            hit = cand if cand in names else _ALIAS.get(cand) if _ALIAS.get(cand) in names or cand in _ALIAS else None
            if hit:
                out.append((hit, toks[i][1], toks[i + n - 1][2]))
                i += n - 1
                break
        i += 1
    return out


def _kind(name: str, context: Counter | None = None) -> str:
    """country / place / organisation / person, or "unknown" for a lone word nothing marks as a person (a
    heuristic, so labelled as such): gazetteers and keywords first, then how the texts use the name
    (context: "locative" after in/at/near…, "person" after a title or before "said")."""
    if name in COUNTRIES or _country_named(name):
        return "country"
    if name in US_STATES:
        return "place"
    toks = name.lower().replace(".", "").split()
    if any(t in ORG_WORDS for t in toks) or (name.isupper() and len(name) <= 6) or is_news_outlet(name) \
            or institution(name):
        return "organisation"
    context = context or Counter()
    if any(t in PLACE_WORDS for t in toks) or context["locative"] * 2 > context["all"] > 0:
        return "place"
    # a person is named with a title or as a speaker somewhere in the event; nothing else tells a name from a
    # place or a thing ("Nord Stream", "Malachite Foyer"), so the rest is "unknown" rather than a guess
    return "person" if context["person"] and len(toks) <= 4 else "unknown"


def _country_named(name: str) -> bool:
    """Whether a name is a country's own name in the speaker gazetteer ("Kazakhstan", "Belarus"; not "Moscow")."""
    country, rest = country_in(name.split())
    return country is not None and not rest and country.removeprefix("the ") == name.removeprefix("the ")


def _title_case_lines(text: str, lower: set[str]) -> list[tuple[int, int]]:
    """Lines written in title case (a repeated headline, a caption, a link list): their capitals mark no names.
    A line of names ("Saidakrami Rachabalizoda, Dalerdzhon Mirzoyev and …") is not one: a title-case line
    capitalises words the event writes in lowercase elsewhere ("Says", "Stands", "Attack")."""
    out, pos = [], 0
    for line in text.split("\n"):
        long = [w for w in re.findall(r"[A-Za-z][\w'’-]*", line) if len(w) >= 4]
        caps = [w for w in long if w[0].isupper()]
        if len(long) >= 3 and len(caps) >= 0.7 * len(long) and sum(w.lower() in lower for w in caps) >= 2:
            out.append((pos, pos + len(line)))
        pos += len(line) + 1
    return out


def _sentence_initial(text: str, s: int) -> bool:
    """Whether a capitalised word starts a sentence, a line or a quotation (its capital says nothing)."""
    before = text[max(0, s - 3):s].rstrip(" \t")
    return not before or before[-1] in ".!?:;\n\"“”'‘’—–(-"


CONTINENTS = {"Europe", "Africa", "Asia", "America", "Arctic", "Antarctica", "Australia", "Eurasia", "Oceania",
              "Caucasus", "Balkans"}


def _is_demonym(name: str, known: set[str]) -> bool:
    """An adjective of a place ("Crimean", "European", "North American", "Russian-Chinese"), not an actor."""
    last = name.split()[-1]
    parts = last.split("-")
    if len(parts) > 1 and all(p in _ALIAS or _is_demonym(p, known) for p in parts if p):
        return True
    if not last.endswith(("an", "ese")):
        return False
    stems = {last[:-1], last[:-2], last[:-3], last[:-2] + "e", last[:-3] + "a", last[:-3] + "y", last[:-3] + "o"}
    return bool(stems & (known | set(COUNTRIES) | US_STATES | CONTINENTS))


def _used_as_adjective(name: str, text: str, e: int) -> bool:
    """A lone place adjective before its noun ("the Crimean bridge", "a European diplomat")."""
    if " " in name or len(name) < 6 or not name.endswith(("ean", "ian", "ese", "ish")):
        return False
    m = re.match(r" ([a-z]+)", text[e:e + 20])
    return bool(m) and m.group(1) not in {"said", "says", "told", "added", "wrote", "has", "had", "was", "is", "and",
                                          "or", "who", "of", "in", "on", "at"}


def _settle(name: str, text: str, s: int, mid: Counter, lower: set[str]) -> str | None:
    """A capitalised phrase as the actor it names, or None: a sentence-initial common word ("According",
    "Several", "Church") is not part of a name unless the phrase occurs mid-sentence too; an all-caps word is its
    title-case name when the event writes that ("MOSCOW" -> "Moscow"), and a dateline's city otherwise (dropped);
    "State" after "Secretary of" is the portfolio, not the name."""
    toks = name.split()
    if re.search(r"\b(?:Secretary|Minister|Ministry|Department)\s+of\s+$", text[max(0, s - 30):s]) \
            and len(toks) > 1 and toks[0].lower() in PORTFOLIOS:
        toks = toks[1:]
    if _sentence_initial(text, s) and not mid[" ".join(toks)]:
        while toks and (toks[0].lower() in lower or toks[0].lower() in GLUE):
            toks = toks[1:]
    if len(toks) == 1 and toks[0].isupper() and len(toks[0]) >= 4 and "." not in toks[0]:
        title = toks[0].title()
        if title in mid or _ALIAS.get(title):
            toks = [title]
        elif s < 40 and text[s + len(toks[0]):s + len(toks[0]) + 1] in (",", "."):
            return None                 # a dateline's city ("CHELYABINSK, Russia —"): where, not who
    return _canonical(" ".join(toks)) if toks else None


def actors(docs: list[dict], top: int = TOP_ACTORS) -> dict:
    """Who each outlet names in headline, lead and body, with a prominence score and the mentions."""
    # how often the event writes each word in lowercase: a capitalised common word is no name
    low = Counter(w for d in docs for w in re.findall(r"\b[a-z][a-z'’-]+\b", d["text"]))
    lower = set(low)
    found = []   # (doc, place, name, s, e, initial)
    for d in docs:
        lead_end = d["lead"][-1][1] if d["lead"] else 0
        d["_title_lines"] = _title_case_lines(d["text"], lower)
        for n, s, e in _mentions(d["text"]):
            if not any(a <= s < b for a, b in d["_title_lines"]):
                found.append((d, "lead" if s < lead_end else "body", n, s, e, _sentence_initial(d["text"], s)))
    mid = Counter(n for *_, n, s, e, initial in found if not initial)
    raw = []  # (doc, place, name, s, e)
    for d, place, n, s, e, initial in found:
        # most mentions need no second look: only a sentence's first word, all capitals or "… of State X" may
        settled = _settle(n, d["text"], s, mid, lower) if initial or n.isupper() or d["text"][s - 3:s] == "of " else n
        if not settled or _is_demonym(settled, set(mid)) or _used_as_adjective(settled, d["text"], e):
            continue
        if " " not in settled and (low[settled.lower()] >= mid[settled] or settled.lower() in ORG_WORDS | PLACE_WORDS):
            continue                    # "Church", "Members", "West", "Council": a word, or the head of a longer name
        raw.append((d, place, settled, s, e))
    names = Counter(r[2] for r in raw)
    # headlines and title-case lines are often title case, so only names already found in the texts are looked for
    for d in docs:
        raw += [(d, "headline", n, s, e) for n, s, e in _find_names(d["title"], names)]
        lead_end = d["lead"][-1][1] if d["lead"] else 0
        for a, b in d.pop("_title_lines"):
            raw += [(d, "lead" if a + s < lead_end else "body", n, a + s, a + e)
                    for n, s, e in _find_names(d["text"][a:b], names)]
    # "Trump" and "Mr. Trump" are the "Donald Trump" named elsewhere in the event; "Xi" is "Xi Jinping"; a
    # transliteration ("Alexey Navalny" in TASS, "Alexei Navalny" elsewhere) is the event's commonest spelling,
    # or one person's tone and prominence would be split over two rows
    multi = sorted((n for n in names if " " in n), key=lambda n: (-names[n], n))
    alias = {}
    spelled: dict[tuple, str] = {}
    ends = []                                   # (first word's key, last word's key, name) of each spelling kept
    for m in multi:
        key = tuple(spelling_key(w) for w in m.split())
        alias[m] = spelled.setdefault(key, m)
        if alias[m] == m:
            ends.append((key[0], key[-1], m))
    for n in names:
        if " " not in n:
            k = spelling_key(n)
            alias[n] = next((m for first, last, m in ends if last == k or first == k and n not in _ALIAS), n)
    context: dict[str, Counter] = defaultdict(Counter)
    stats: dict[str, dict] = {}
    for d, place, n, s, e in raw:
        name = alias.get(n, n)
        field = d["title"] if place == "headline" else d["text"]
        word_before = (re.findall(r"([\w.]+)\W*$", field[max(0, s - 25):s]) or [""])[0].lower().rstrip(".")
        toks_raw = field[s:e].split()
        k = len(toks_raw) - len(n.split())              # the title right before the name: "President Vladimir Putin"
        titled = (word_before if k <= 0 else toks_raw[k - 1]).lower().rstrip(".") in HONORIFICS
        speaks = " " in name and bool(re.match(r",?\s+(?:said|says|told)\b", field[e:e + 8]))
        context[name].update(all=1, locative=word_before in LOCATIVES, person=titled or speaks)
        st = stats.setdefault(name, {"outlets": {}})
        o = st["outlets"].setdefault(d["outlet"], {"headline": 0, "lead": 0, "body": 0, "evidence": []})
        o[place] += 1
        if len(o["evidence"]) < MAX_EVIDENCE:
            o["evidence"].append(_span(d, s, e, "title" if place == "headline" else "text"))
    for name, st in stats.items():
        st["kind"] = _kind(name, context[name])
        for o in st["outlets"].values():
            o["prominence"] = sum(PROMINENCE[p] * o[p] for p in PROMINENCE)
        st["prominence"] = sum(o["prominence"] for o in st["outlets"].values())
    ranked = sorted(stats.items(), key=lambda kv: (-kv[1]["prominence"], kv[0]))[:top]
    outlets = sorted({d["outlet"] for d in docs})
    for _, st in ranked:
        for o in outlets:
            st["outlets"].setdefault(o, {"headline": 0, "lead": 0, "body": 0, "prominence": 0.0, "evidence": []})
    return {"method": "capitalised phrases (not sentence-initial common words, title-case lines or place adjectives) "
                      "+ country gazetteer; kind is a heuristic ('unknown' when nothing tells)",
            "weights": PROMINENCE, "actors": [{"name": n, "kind": st["kind"], **{k: v for k, v in st.items() if k != "kind"}}
                                              for n, st in ranked], "_alias": alias}


def attribution(docs: list[dict], quotes=None) -> dict:
    """Cue verbs per outlet per speaker and distancing marks. Speakers come only from core.quotes'
    attributions (the same ones `framelens quotes` and the dashboard show), under the name
    core.sources.speaker_label counts them by; without quotes no speaker is named."""
    by_id = {d["id"]: d for d in docs}
    cues: dict[str, dict] = defaultdict(lambda: defaultdict(Counter))
    classes_of: dict[tuple, Counter] = defaultdict(Counter)
    evidence: dict[tuple, list] = defaultdict(list)
    source = "quotes" if quotes is not None else "none: no quotes were given, so no speakers are named"
    for q in quotes or []:
        d = by_id.get(str(get(q, "article_id")))
        if d is None:
            continue
        speaker = speaker_label(q)
        cue = get(q, "cue", "")
        cue = cue.lower() if isinstance(cue, str) and cue else "(none)"     # a stored NULL reads as NaN
        cues[d["outlet"]][speaker][cue] += 1
        classes_of[(d["outlet"], speaker)][_cue_class(cue, get(q, "quote", ""))] += 1
        if len(evidence[(d["outlet"], speaker)]) < MAX_EVIDENCE and get(q, "quote_start") is not None:
            evidence[(d["outlet"], speaker)].append(_span(d, get(q, "quote_start"), get(q, "quote_end")))
    per_outlet = {}
    for outlet, speakers in cues.items():
        rows = []
        for sp, c in sorted(speakers.items(), key=lambda kv: -sum(kv[1].values())):
            rows.append({"speaker": sp, "cues": dict(c), "classes": dict(classes_of[(outlet, sp)]),
                         "evidence": evidence[(outlet, sp)]})
        per_outlet[outlet] = rows
    marks = {d["outlet"]: [] for d in docs}
    for d in docs:
        for m in _DISTANCING_RE.finditer(d["text"]):
            marks[d["outlet"]].append({"mark": m.group().lower(), **_span(d, m.start(), m.end())})
        for m in _QUOTED_RE.finditer(d["text"]):
            if _is_scare_quote(d["text"], m):
                marks[d["outlet"]].append({"mark": "scare quotes", "quoted": m.group(1) or m.group(2),
                                           **_span(d, m.start(), m.end())})
    return {"source": source, "speakers": per_outlet, "distancing": marks,
            "cue_classes": {k: v for k, v in CUE_CLASSES.items()}}


# "claimed responsibility for the bombings" is how every outlet reports a group owning an attack, not a
# distancing verb: on the Brussels bombings two outlets were shown distancing themselves from Islamic State
_OWNING_RE = re.compile(r"\A\W*(?:full |sole )?(?:responsibility|credit)\b", re.IGNORECASE)


def _cue_class(cue: str, quote: str) -> str:
    """A cue verb's class for one attribution: a claim of responsibility or credit is no distancing claim."""
    kind = _CUE_CLASS.get(cue, "other")
    owning = isinstance(quote, str) and _OWNING_RE.match(quote)       # a stored NULL quote reads as NaN
    return "neutral" if kind == "distancing" and cue.startswith("claim") and owning else kind


def _is_scare_quote(text: str, m: re.Match) -> bool:
    """A short quoted phrase inside a sentence, not introduced or closed as a quotation."""
    inner = (m.group(1) or m.group(2) or "").strip()
    n = len(inner.split())
    if n == 0 or n > SCARE_QUOTE_MAX_WORDS or inner[-1:] in ",.!?":
        return False
    if inner.split()[0].lower().replace("’", "'") in _NOT_SCARE_START:
        return False
    before = text[max(0, m.start() - 25):m.start()].lower()
    after = text[m.end():m.end() + 25].lower()
    if re.search(rf"\b({_CUE_ALT})\b[\s,:]*$", before) or re.match(rf"[\s,]*({_CUE_ALT})\b", after):
        return False
    return not before.rstrip().endswith(":")


def tone(docs: list[dict], actor_names: list[str], alias: dict, lexicon=None) -> dict:
    """Approximate word-list tone of the sentences naming each main actor, per outlet."""
    lexicon = lexicon or load_tone()
    acc: dict[tuple, dict] = {}
    for d in docs:
        for s, e in d["sentences"]:
            sent = d["text"][s:e]
            named = {alias.get(n, n) for n, _, _ in _mentions(sent)} & set(actor_names)
            if not named:
                continue
            score, pos, neg = _sentence_tone(sent, lexicon)
            for a in sorted(named):          # sorted: the report reads the same on every run
                r = acc.setdefault((a, d["outlet"]), {"sentences": 0, "sum": 0.0, "positive": 0, "negative": 0,
                                                      "evidence": []})
                r["sentences"] += 1
                r["sum"] += score
                r["positive"] += pos
                r["negative"] += neg
                if len(r["evidence"]) < MAX_EVIDENCE:
                    r["evidence"].append(dict(_span(d, s, e), tone=round(score, 3)))
    out = defaultdict(dict)
    for (a, outlet), r in acc.items():
        out[a][outlet] = {"tone": round(r["sum"] / r["sentences"], 3), "sentences": r["sentences"],
                          "positive_words": r["positive"], "negative_words": r["negative"],
                          "evidence": r["evidence"]}
    return {"label": "approximate: word-list tone in [-1, 1] of sentences naming the actor, not a measure of bias",
            "actors": dict(out)}


def _sentence_tone(sent: str, lexicon) -> tuple[float, int, int]:
    """(pos - neg) / (pos + neg) for one sentence, a negator flipping the next three words."""
    pos = neg = 0
    flip_until = -1
    for k, (w, _, _) in enumerate(words(sent)):
        low = w.lower()
        if low in lexicon.negators or low.endswith("n't"):
            flip_until = k + 3
            continue
        key = lemma(w)
        sign = 1 if key in lexicon.positive else -1 if key in lexicon.negative else 0
        if sign and k <= flip_until:
            sign = -sign
        pos += sign > 0
        neg += sign < 0
    return ((pos - neg) / (pos + neg) if pos + neg else 0.0), pos, neg


def compare_event(articles, quotes=None, reprints: list[Reprint] | None = None, families=None,
                  default_date_source: str = "unknown") -> dict:
    """Every framing figure for one event's articles, JSON-ready, each with its evidence offsets.

    default_date_source names where dates came from for articles that do not say ("file" for `compare`).
    """
    docs = prepare(articles)
    notes = []
    if not docs:
        return {"n_articles": 0, "outlets": [], "notes": ["no articles in this event"]}
    if reprints is None:
        reprints = find_reprints(articles) if len(docs) > 1 else []
    ids = {d["id"] for d in docs}
    rep = [r for r in reprints if r.id in ids]
    rep_ids = {r.id for r in rep}
    originals = [d for d in docs if d["id"] not in rep_ids]
    with_text = [d for d in originals if d["text"].strip()]
    empty = sorted({d["outlet"] for d in originals if not d["text"].strip()})
    outlets = sorted({d["outlet"] for d in docs})
    # Each family of derived articles counts once, under its original's outlet (core/reprints.py).
    verdicts = {r.id: r for r in rep}
    orig_outlets = sorted({o for d in docs if (o := family_outlet(d["id"], d["outlet"], verdicts))})
    if len(docs) == 1:
        notes.append("only one article covers this event: figures describe it alone, nothing is compared")
    elif len(orig_outlets) == 1:
        notes.append(f"only one outlet ({orig_outlets[0]}) reported this event originally: nothing to compare")
    if empty:
        notes.append("no article text from: " + ", ".join(empty) + " (headline only; left out of text figures)")
    if rep:
        notes.append(f"{len(rep)} reprint(s) shown apart and not counted as coverage")
    summaries = sum(1 for d in docs if d.get("text_status") == "summary-only")
    when = timing(_reports(originals, rep, docs), default_date_source)
    if mixed := summaries_may_mix(summaries, len(docs)):
        # a feed's sentence or two names the subject more than the happening: on a replay of 26 real feeds such
        # events held a week of Iran stories, or a suicide bombing next to drug-boat strikes ("11 killed")
        notes.append(f"{summaries} of {len(docs)} articles are feed summaries only (their pages were not read): "
                     "grouped on a sentence or two, this event may join different stories on one subject; check "
                     "the headlines before quoting its figures")
    # quotes, contested terms and tone are read with English rules and word lists; omissions align sentences
    # by their words, so an article in another language would seem to leave out every fact the others state
    english = [d for d in with_text if is_english(d)]
    if len(english) < len(with_text):
        langs = Counter(language_of(d) or "?" for d in with_text if not is_english(d))
        notes.append(f"{len(with_text) - len(english)} article(s) not in English ("
                     + ", ".join(f"{code} {n}" for code, n in langs.most_common())
                     + ") left out of quotes, contested terms, omissions and tone")
    align_docs = _align_subset(english)
    if len(align_docs) < len(english):
        notes.append(f"sentence alignment used {len(align_docs)} of {len(english)} articles (round-robin over outlets)")
    act = actors(with_text)
    alias = act.pop("_alias")
    main = [a["name"] for a in act["actors"][:TONE_ACTORS]]
    coverage = Counter(d["outlet"] for d in originals)
    return {
        "n_articles": len(docs), "outlets": outlets, "notes": notes,
        "coverage": {"original_articles": dict(coverage), "reprints": {o: n for o, n in Counter(r.outlet for r in rep).items()},
                     "original_outlets": len(orig_outlets)},
        "reprints": [r.to_dict() for r in rep],
        "headlines": headlines_and_leads(originals),
        "distinctive_terms": distinctive(with_text),
        "contested_terms": contested_terms([said_once(d) for d in english], families, quotes),
        "emphasis": act,
        "omissions": omissions([said_once(d, blank=False) for d in align_docs],
                               {d["id"]: family_key(d["id"], rep) for d in align_docs}),
        "attribution": attribution(english, quotes),
        "tone": tone(english, main, alias),
        "timing": unranked(when, MIXED_SUMMARIES) if mixed else when,
    }


def _reports(originals: list[dict], rep: list[Reprint], docs: list[dict]) -> list[dict]:
    """What timing orders: each original article, and each copy whose original is not among the articles, as its
    original outlet's report (under that outlet's name here when it has originals too) via the copying site."""
    rows = [{"id": d["id"], "outlet": d["outlet"], "published": d["published"], "date_source": d["date_source"],
             "date_precision": d["date_precision"], "date_flag": d["date_flag"]} for d in originals]
    ids = {d["id"] for d in docs}
    by_id = {d["id"]: d for d in docs}
    named = {canonical_outlet(d["outlet"]): d["outlet"] for d in originals}
    for r in rep:
        if r.original_id in ids or r.original_outlet in (None, "", "unknown") or r.id not in by_id:
            continue
        d = by_id[r.id]
        outlet = named.get(canonical_outlet(r.original_outlet), canonical_outlet(r.original_outlet))
        rows.append({"id": d["id"], "outlet": outlet, "published": d["published"], "date_source": d["date_source"],
                     "date_precision": d["date_precision"], "date_flag": d["date_flag"], "via": d["outlet"]})
    return rows


def _align_subset(docs: list[dict]) -> list[dict]:
    """At most MAX_ALIGN_ARTICLES articles, taking each outlet's earliest in turn so every outlet is in."""
    if len(docs) <= MAX_ALIGN_ARTICLES:
        return docs
    queues: dict[str, list] = defaultdict(list)
    for d in sorted(docs, key=lambda d: (parse_time(d["published"])[0] is None, str(parse_time(d["published"])[0]))):
        queues[d["outlet"]].append(d)
    out = []
    while len(out) < MAX_ALIGN_ARTICLES:
        for q in queues.values():
            if q and len(out) < MAX_ALIGN_ARTICLES:
                out.append(q.pop(0))
    return out


def read_events(path) -> dict[str, str]:
    """Article id -> event id from {"id", "event"} JSON lines."""
    out = {}
    for n, row in enumerate(read_jsonl(path), 1):
        if "id" not in row or "event" not in row:
            raise ValueError(f"{path}:{n}: each line needs 'id' and 'event'")
        out[str(row["id"])] = str(row["event"])
    return out


def run_compare_file(input_path, output_path, events_path=None, progress=True, quotes=None,
                     workers: int | None = None) -> dict:
    """`framelens compare`: every framing figure per event of ARTICLES.jsonl as one JSON document.
    progress: True (bars on stderr), False, or a report(stage, done, total) callback; workers: quote
    extraction processes (None: the quote_workers setting)."""
    articles = [{**a, **imported_date(a)} for a in read_jsonl(input_path)]   # dated as an import would date them
    with reporting(progress) as tick:
        if events_path:
            mapping = read_events(events_path)
            labels = [mapping.get(str(a.get("id")), f"unassigned:{a.get('id')}") for a in articles]
            event_source = f"events file {events_path}"
        else:
            try:
                from core.cluster import cluster_batch
            except ImportError as exc:
                raise RuntimeError("event clustering (core.cluster) is not available: pass --events EVENTS.jsonl") from exc
            from core.corpus import as_imported
            tick("events", 0, len(articles))
            # grouped as `framelens cluster` and an import group them: on the texts as a store keeps them
            labels = [str(x) for x in cluster_batch([as_imported(a) for a in articles])]
            tick("events", len(articles), len(articles))
            event_source = "core.cluster.cluster_batch"
        tick("reprints", 0, len(articles))
        reprints = find_reprints(articles)
        tick("reprints", len(articles), len(articles))
        if quotes is None:        # the attributions `framelens quotes` and the dashboard show
            from core.quote_pool import cli_workers
            from core.quotes import canonicalise_speakers, extract_quotes
            event_of = {str(get(a, "id")): lab for a, lab in zip(articles, labels)}
            found = extract_quotes(articles, progress=tick, workers=cli_workers() if workers is None else workers)
            quotes = canonicalise_speakers(found, event_of=event_of)
        groups: dict[str, list] = defaultdict(list)
        for a, lab in zip(articles, labels):
            groups[lab].append(a)
        qby = defaultdict(list)
        for q in quotes:
            qby[str(get(q, "article_id"))].append(q)
        events = []
        for k, (lab, arts) in enumerate(sorted(groups.items(), key=lambda kv: -len(kv[1]))):
            tick("events compared", k, len(groups))
            ev_quotes = [q for a in arts for q in qby.get(str(get(a, "id")), [])]
            events.append({"event": lab, "article_ids": [str(get(a, "id")) for a in arts],
                           **compare_event(arts, quotes=ev_quotes, reprints=reprints, default_date_source="file")})
        tick("events compared", len(groups), len(groups))
        texts: dict[str, list[str]] = defaultdict(list)
        rep_ids = {r.id for r in reprints}
        for a in articles:
            if str(get(a, "id")) not in rep_ids:
                texts[get(a, "outlet", "unknown")].append(
                    clean_text((get(a, "title", "") or "") + "\n" + (get(a, "text", "") or "")))
        report = {"input": str(input_path), "events_from": event_source, "n_articles": len(articles),
                  "n_events": len(events), "n_reprints": len(reprints),
                  "distinctive_terms_all_events": distinctive_terms(dict(texts)) if len(texts) > 1 else {},
                  "events": events}
        with open(output_path, "w", encoding="utf-8") as fh:
            json.dump(report, fh, ensure_ascii=False, indent=1, default=str)
        note(tick, f"compare: {len(events)} events, {len(reprints)} reprints -> {output_path}")
    return report
