"""Contested terms in context: which marked words an outlet uses in its own voice, and whose the rest are.

A lexicon term counts only when it is used in its family's sense: names that hold it are masked
("People's Liberation Army", any lowercase term written inside a run of capitalised words), each
family's `exclude` phrases and per-term rules (context words, neighbours) are applied, and a family
with an `about` list counts only in articles on its subject (and its event, with `also_about`). The
family's neutral words are never counted. Each match carries its voice (core.voice): the outlet's own
words count for the outlet; words in quotations or reported speech are shown as the speaker's. Every
match points at its sentence.
"""
from __future__ import annotations

import bisect
import functools
import re
from collections import Counter, defaultdict

from core.lexicon import PhraseMatcher, TermFamily, lemma, words
from core.voice import UNCLEAR, Voice, VoiceMap, reports_someone

CONNECTORS = frozenset({"of", "and", "for", "the", "de", "&", "on"})
TITLE_CASE_SHARE = 0.6      # a title with this share of capitalised long words is title case: capitals say nothing
METHOD = ("lexicon terms in their family's sense (names masked, per-term context rules); own voice only is "
          "counted for the outlet, words in quotations or reported speech are the speaker's")


class _Compiled:
    """A lexicon turned into matchers: terms, suffix terms, exclusions, and rules as lemma-key runs."""

    def __init__(self, families: tuple[TermFamily, ...]):
        """Index every family's terms, exclusions, subjects and rules."""
        phrases: dict[str, list] = defaultdict(list)
        self.suffixes: list[tuple[str, TermFamily]] = []
        self.excludes: dict[str, list[tuple[tuple[str, ...], str]]] = defaultdict(list)
        for fam in families:
            for t in fam.terms:
                if t.startswith("-"):
                    self.suffixes.append((t[1:].lower(), fam))
                else:
                    phrases[t].append(fam)
            for x in fam.exclude:
                keys = _keys(x)
                if keys:
                    self.excludes[keys[0]].append((keys, fam.name))
        self.longest_exclude = max((len(r) for lst in self.excludes.values() for r, _ in lst), default=0)
        self.matcher = PhraseMatcher(phrases)
        self.suffix_res = [re.compile(r"\b[A-Z][A-Za-z]{2,}" + re.escape(sfx) + r"\b") for sfx, _ in self.suffixes]
        self.lower_term = {t: t == t.lower() for t in phrases}
        self.about = {f.name: [_keys(a) for a in f.about] for f in families}
        self.also_about = {f.name: [_keys(a) for a in f.also_about] for f in families}
        self.rules = {(f.name, t): _compile_rule(f.rule(t)) for f in families for t in f.terms}


def _keys(phrase: str) -> tuple[str, ...]:
    """A phrase as its run of lemma keys."""
    return tuple(lemma(w) for w, _, _ in words(phrase))


def _compile_rule(rule) -> tuple:
    """A TermRule with its word lists as lemma-key runs (neighbour lists as lowercase words and keys)."""
    def near(ws):
        return frozenset(w.lower() for w in ws) | frozenset(lemma(w) for w in ws)
    return ([_keys(w) for w in rule.context], [_keys(w) for w in rule.unless],
            near(rule.next), near(rule.not_next), near(rule.not_prev), frozenset(f.lower() for f in rule.forms),
            [_keys(w) for w in rule.unless_article], frozenset(" ".join(w.lower().split()) for w in rule.not_after))


@functools.lru_cache(maxsize=4)
def compile_lexicon(families: tuple[TermFamily, ...]) -> _Compiled:
    """The compiled form of a lexicon, kept for reuse across events."""
    return _Compiled(families)


def _has(run_text: str, runs) -> bool:
    """Whether ' k1 k2 … ' of any run occurs in the padded, space-joined key text."""
    return any(r and f" {' '.join(r)} " in run_text for r in runs)


def find_matches(doc: dict, lex: _Compiled, quotes=None) -> list[dict]:
    """Every counted lexicon match in one prepared article (title and text), with voice and sentence."""
    fields = []
    title = "" if _cut_copy(doc["title"], doc["text"]) else doc["title"]
    for field, text, sentences in (("title", title, [(0, len(title))] if title.strip() else []),
                                   ("text", doc["text"], doc["sentences"])):
        if sentences:
            toks = words(text)
            fields.append((field, text, sentences, toks, [lemma(t[0]) for t in toks]))
    article_keys = " " + " ".join(k for f in fields for k in f[4]) + " "
    # an author's bio line is no wording of the story (fc36's Times of Israel: "… legal affairs and settlements
    # reporter" made "settlement" the outlet's word for the ICJ ruling); a photo caption is the outlet's, but names no
    # one speaking: its quotation is no words of the person pictured (the same page's caption put South Africa's
    # "genocide" in the judge's mouth). (Dropping captions whole cost pages42/43 two true own-voice uses.)
    bios = doc.get("bios") or ()
    captions = doc.get("furniture_paragraphs") or ()      # a caption, or any paragraph set around the story
    out = []
    for field, text, sentences, toks, keys in fields:
        found = lex.matcher.find_tokens(keys) + _suffix_matches(text, toks, lex)
        if not found:
            continue
        starts = [s for s, _ in sentences]
        tok_starts = [t[1] for t in toks]
        start_set = {toks[k][1] for k in (bisect.bisect_left(tok_starts, s) for s in starts) if k < len(toks)}
        title_case = field == "title" and _is_title_case(toks)
        voices = VoiceMap(text, sentences, quotes if field == "text" else None, doc["text"] if field == "title" else None,
                          doc["title"] if field == "text" else None)
        for phrase, fams, i, j in found:
            if lex.lower_term.get(phrase) and not title_case and _inside_name(toks, i, j, start_set):
                continue
            if _split_by_punctuation(text, toks, i, j):
                continue                # "hits wrong target, kills dozens" is no "targeted killing"
            if field == "text" and any(a <= toks[i][1] < b for a, b in bios):
                continue
            k = bisect.bisect_right(starts, toks[i][1]) - 1
            s0, e0 = sentences[max(k, 0)]
            w0 = sentences[k - 1][0] if k > 0 else s0
            window = " " + " ".join(keys[bisect.bisect_left(tok_starts, w0):bisect.bisect_left(tok_starts, e0)]) + " "
            prev = (toks[i - 1][0].lower(), keys[i - 1]) if i > 0 and toks[i - 1][1] >= w0 else ("", "")
            nxt = (toks[j][0].lower(), keys[j]) if j < len(toks) and toks[j][1] < e0 else ("", "")
            # the head after determiners and counts ("claimed several attacks", "claiming more lives")
            h = j
            while h < min(j + 4, len(toks) - 1) and (_skips_to_head(toks[h][0], toks[h - 1][0]) or (
                    toks[h][0].lower() == "of" and h > j and toks[h - 1][0].lower() in _COUNTS)) \
                    and not text[toks[h][2]:toks[h + 1][1]].strip():
                h += 1
            joined = h < len(toks) and not text[toks[j - 1][2]:toks[j][1]].strip() \
                and not text[toks[h - 1][2]:toks[h][1]].strip()                      # no comma or dash between
            head = (toks[h][0].lower(), keys[h]) if h > j and joined and toks[h][1] < e0 else ("", "")
            # … and the word after that head when the head is a modifier ("claimed a resounding victory"), a
            # capitalised one too outside a title-case headline ("claims Venezuela presidency")
            m_ = h if h > j else j
            close = joined if h > j else j < len(toks) and not text[toks[j - 1][2]:toks[j][1]].strip()
            head2 = (toks[m_ + 1][0].lower(), keys[m_ + 1]) if m_ + 1 < len(toks) and toks[m_ + 1][1] < e0 \
                and (toks[m_][0].islower() or not title_case) and toks[m_][0].lower() not in _NOT_MODIFIER \
                and toks[m_ + 1][0].lower() not in _SKIP_TO_HEAD \
                and not text[toks[m_][2]:toks[m_ + 1][1]].strip() and close else ("", "")
            if nxt[0] == "by":          # "an office in …, occupied by a militia": what is occupied comes before
                head2 = _head_before(toks, keys, i, s0) or head2
            prize = _prize_after(text, toks, keys, j, e0)
            s, e = toks[i][1], toks[j - 1][2]
            after = " ".join(t[0].lower() for t in toks[j:j + 2] if t[1] < e0 and not text[toks[j - 1][2]:t[1]].count("\n"))
            for fam in fams:
                if _excluded(keys, i, j, fam.name, lex):
                    continue
                if lex.about[fam.name] and not _has(article_keys, lex.about[fam.name]):
                    continue
                if lex.also_about[fam.name] and not _has(article_keys, lex.also_about[fam.name]):
                    continue            # the family's place without its event (Hong Kong, but a 2016 riot)
                if not _rule_holds(lex.rules.get((fam.name, phrase)), window, prev, nxt, text[s:e], article_keys, head,
                                   head2, after, prize):
                    continue
                v = voices.at(s, e)
                if v.kind == "quoted" and v.speaker and field == "text" and any(a <= s < b for a, b in captions):
                    v = Voice("quoted")
                if fam.strict_voice and v.kind != "quoted" and reports_someone(text[s0:e0]):
                    v = UNCLEAR             # a family whose voice the rules misread on fresh pages: no voice claimed
                out.append({"id": doc["id"], "outlet": doc["outlet"], "family": fam.name, "term": phrase,
                            "field": field, "start": s, "end": e, "surface": text[s:e],
                            "voice": v.kind, "speaker": v.speaker, "sentence": [s0, e0]})
    return out


def _cut_copy(title: str, text: str) -> bool:
    """Whether a title is the import's cut copy of the text's first sentence ("… as it rejected - in its ruling…",
    made for a page with no title: fc36's Scope24), whose words the text then counts once (not twice)."""
    t = title.strip()
    if not t.endswith("…"):
        return False
    head = [w for w, _, _ in words(t[:-1])]
    return len(head) >= 4 and [w for w, _, _ in words(text[:len(t) + 40])][:len(head)] == head


# Words that end a noun phrase read back from a participle ("an office in Sin Gut village, … occupied by"): its head
# is the last word before one of these
_NP_END = frozenset("in of at on near by from with for to , ( ) ; : and or".split())


def _head_before(toks, keys, i: int, s0: int) -> tuple[str, str] | None:
    """The head of the nearest noun phrase after a determiner before token i in its sentence, read up to a
    preposition or comma: for a participle followed by "by", the thing it qualifies ("near an office in … village,
    in … township, occupied by members of a militia": "office"; round 27). None when there is none in 25 words."""
    for a in range(i - 1, max(-1, i - 26), -1):
        if toks[a][1] < s0:
            return None
        if toks[a][0].lower() in _SKIP_TO_HEAD - {"some", "several", "many", "more", "most", "few"}:
            b = a + 1
            while b + 1 < i and toks[b + 1][0].lower() not in _NP_END \
                    and not (toks[b + 1][1] > toks[b][2] + 1):            # no punctuation between the words
                b += 1
            return (toks[b][0].lower(), keys[b]) if b < i else None
    return None


def _split_by_punctuation(text: str, toks, i: int, j: int) -> bool:
    """Whether a multiword match has a comma, stop, colon, bracket or spaced dash between two of its words
    (a hyphen, and quotation marks around some of its words, keep it one phrase)."""
    gaps = (text[toks[k - 1][2]:toks[k][1]] for k in range(i + 1, j))
    return any(g not in _WORD_JOINS and g.strip().strip(_QUOTE_MARKS) not in ("", "-") for g in gaps)


# a dash with no space around it joins a compound ("Israel–Palestine barrier"); tokenised copy spaces its hyphens
# ("asylum - seekers"), so a spaced "-" joins too, where a spaced en or em dash ("target – kills") does not
_WORD_JOINS = frozenset({"\u2010", "\u2011", "\u2013"})
# 'the "no-limits" partnership', 'so-called ‘referendum’': a word quoted inside the phrase
_QUOTE_MARKS = "\"'“”‘’«»"


def _suffix_matches(text: str, toks, lex: _Compiled) -> list[tuple]:
    """'-gate' style terms: one capitalised word ending in the suffix, at least three letters before it."""
    if not lex.suffixes:
        return []
    tok_starts = [t[1] for t in toks]
    out = []
    for (suffix, fam), rx in zip(lex.suffixes, lex.suffix_res):
        for m in rx.finditer(text):
            i = bisect.bisect_left(tok_starts, m.start())
            stem = m.group()[:-len(suffix)]
            # "Russiagate" names a scandal after something the article mentions; "Lionsgate" is just a name
            if i < len(toks) and toks[i][1] == m.start() and toks[i][2] == m.end() \
                    and lemma(m.group()) not in _ORDINARY_SUFFIX_WORDS \
                    and re.search(r"\b" + re.escape(stem) + r"\b", text[:m.start()] + " " + text[m.end():], re.I):
                out.append(("-" + suffix, [fam], i, i + 1))
    return out


# Ordinary words that end like a scandal suffix ("Investigate", "Delegates" at a sentence start).
_ORDINARY_SUFFIX_WORDS = frozenset(lemma(w) for w in """delegate investigate aggregate navigate irrigate instigate
mitigate propagate litigate congregate interrogate segregate subjugate obligate castigate abrogate promulgate
tailgate tollgate floodgate watergate billingsgate""".split())


def _excluded(keys: list[str], i: int, j: int, family: str, lex: _Compiled) -> bool:
    """Whether an exclusion phrase of the family covers tokens i..j-1 ("fighter jet" covers "fighter")."""
    for a in range(max(0, j - lex.longest_exclude), i + 1):
        for run, fam in lex.excludes.get(keys[a], ()):
            if fam == family and a + len(run) >= j and tuple(keys[a:a + len(run)]) == run:
                return True
    return False


# Counts that take "of" before their head ("claimed hundreds of lives")
_COUNTS = frozenset("dozens hundreds thousands millions scores".split())
# Words after a term that are no modifier of a head after them: "claim that attacks …" is not "claim … attacks".
_NOT_MODIFIER = frozenset("that which who whom whose what when where while as and or but of to by for with from in on at "
                          "after before over under into onto about against during through since until up off back out "
                          "so than then also because if is was are were be been has have had will would not".split())
# Words between a term and the head of what follows it, for not_next: "claimed several attacks" is "claimed … attacks".
_SKIP_TO_HEAD = frozenset("a an the this these those his her its their our my your some several many more most few "
                          "two three four five dozens hundreds thousands numerous countless".split())


# Approximations before a count ("claims at least 17 lives", "claimed more than 100 lives"): skipped to the head too.
_APPROX = frozenset("at least nearly almost roughly around approximately than".split())


def _skips_to_head(word: str, before: str) -> bool:
    """A determiner, count, approximation, or a number after an approximation, between a term and the head of
    what follows it (a bare number is not skipped: "fired 52 games into the season" is no firing of games)."""
    w = word.lower()
    return w in _SKIP_TO_HEAD or w in _APPROX or (before.lower() in _APPROX and w.replace(",", "").isdigit())


# What is won, not said: the noun a "claim" takes when a title or a win is taken ("to claim a third World Cup title").
_PRIZES = frozenset("title titles trophy trophies crown victory victories win wins championship championships medal "
                    "medals gold silver bronze prize prizes cup pennant".split())
_ORDINAL_RE = re.compile(r"(?:first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|eleventh|twelfth|"
                         r"\d+(?:st|nd|rd|th))$", re.I)


def _prize_after(text: str, toks, keys, j: int, e0: int) -> tuple[str, str]:
    """The prize a term's phrase ends on, past determiners, ordinals and counts, possessives and a name of capitalised
    words ("claim the country's first World Cup victory", "claim a third World Cup title"): the head the nearer
    look (head, head2) misses behind a name or an ordinal. Only a prize (_PRIZES) is returned, and only when no
    punctuation stands between (a possessive is "the country's", not "Russia's attack": any other head is no prize)."""
    h = j
    while h < min(j + 6, len(toks)) and toks[h][1] < e0 and not text[toks[h - 1][2]:toks[h][1]].strip():
        w = toks[h][0]
        low = w.lower()
        if low in _PRIZES and w.islower():          # "World Cup" is a name on the way to its title
            return low, keys[h]
        if not (low in _SKIP_TO_HEAD or _ORDINAL_RE.match(w) or w[:1].isupper() or w.replace(",", "").isdigit()
                or (low.endswith(("'s", "’s")) and h > j)):
            break
        h += 1
    return "", ""


def _rule_holds(rule, window: str, prev: tuple[str, str], nxt: tuple[str, str], surface: str, article: str,
                head: tuple[str, str] = ("", ""), head2: tuple[str, str] = ("", ""), after: str = "",
                prize: tuple[str, str] = ("", "")) -> bool:
    """Whether a compiled TermRule holds for a match with this sentence window, neighbours, surface and article;
    head is the first word after the term past determiners and counts, head2 the word after a modifier there, prize
    the prize the phrase after it ends on (_prize_after; not_next holds for all three too); after the two words right
    after the term, lowercased (for not_after)."""
    if rule is None:
        return True
    context, unless, next_, not_next, not_prev, forms, unless_article, not_after = rule
    if not_after and (nxt[0] in not_after or after in not_after):
        return False            # "Khartoum woke to the sound …" (but "too woke to be …", "woke agenda to …" are the term)
    if unless_article and _has(article, unless_article):
        return False
    if forms and surface.lower() not in forms:
        return False
    if context and not _has(window, context):
        return False
    if unless and _has(window, unless):
        return False
    if next_ and not (set(nxt) & next_):
        return False
    if not_next and (set(nxt) | set(head) | set(head2) | set(prize)) & not_next:
        return False
    return not (not_prev and set(prev) & not_prev)


def _is_title_case(toks) -> bool:
    """Most longer words capitalised: a headline in title case, where capitals do not mark names."""
    long_words = [w for w, _, _ in toks if len(w) > 3]
    return bool(long_words) and sum(w[:1].isupper() for w in long_words) / len(long_words) >= TITLE_CASE_SHARE


def _inside_name(toks, i: int, j: int, sent_starts: set) -> bool:
    """A lowercase term written capitalised next to other capitalised words is part of a name.

    A neighbour that starts a sentence says nothing; "of"/"and"/"for" may join a name's words
    ("Center for Biological Diversity"), except around a sentence's first word ("Liberation of Kherson"); the
    term's words all capitalised before "bill", "act" or "law" name a law ("signing a Religious Freedom bill").
    """
    if not toks[i][0][:1].isupper():
        return False
    at_start = toks[i][1] in sent_starts

    def capital(k: int, step: int) -> bool:
        if not at_start and 0 <= k < len(toks) and toks[k][0].lower() in CONNECTORS:
            k += step
        return 0 <= k < len(toks) and toks[k][0][:1].isupper() and toks[k][1] not in sent_starts

    # "a Religious Freedom bill": the term's words capitalised before a word for a law, mid-sentence, name that law
    law = not at_start and j < len(toks) and toks[j][0].lower() in _LAW_WORDS \
        and all(toks[k][0][:1].isupper() for k in range(i, j))
    return law or capital(j, 1) or (not at_start and capital(i - 1, -1))


_LAW_WORDS = frozenset("bill bills act acts law laws amendment".split())


def contested_terms(docs: list[dict], families, quotes=None) -> dict:
    """Per outlet: marked terms used in its own voice; terms it quotes, by speaker; every match with its sentence."""
    lex = compile_lexicon(tuple(families))
    qby = defaultdict(list)
    for q in quotes or ():
        qby[str(q.get("article_id") if isinstance(q, dict) else getattr(q, "article_id", ""))].append(q)
    matches = [m for d in docs for m in find_matches(d, lex, qby.get(d["id"]) if quotes is not None else None)]
    own: dict[str, dict] = defaultdict(lambda: defaultdict(Counter))
    unclear: dict[str, dict] = defaultdict(lambda: defaultdict(Counter))
    quoted: dict[str, dict] = defaultdict(lambda: defaultdict(lambda: defaultdict(Counter)))
    for m in matches:
        if m["voice"] == "own":
            own[m["outlet"]][m["family"]][m["term"]] += 1
        elif m["voice"] == "unclear":                # neither the outlet's word nor a speaker's: counted apart
            unclear[m["outlet"]][m["family"]][m["term"]] += 1
        else:
            quoted[m["outlet"]][m["family"]][m["term"]][m["speaker"] or "(speaker not named)"] += 1
    by_outlet = {o: {f: dict(c) for f, c in fams.items()} for o, fams in own.items()}
    for d in docs:
        by_outlet.setdefault(d["outlet"], {})
    contrasts = []
    for fam in families:
        used = {o: set(f[fam.name]) for o, f in by_outlet.items() if fam.name in f}
        if used and (len({frozenset(v) for v in used.values()}) > 1 or len(used) < len(by_outlet)):
            contrasts.append({"family": fam.name, "terms_by_outlet": {o: sorted(v) for o, v in used.items()},
                              "absent_in": sorted(set(by_outlet) - set(used)), "neutral": list(fam.neutral)})
    return {"method": METHOD, "by_outlet": by_outlet, "contrasts": contrasts, "matches": matches,
            "quoted": {o: {f: {t: dict(sp) for t, sp in ts.items()} for f, ts in fams.items()} for o, fams in quoted.items()},
            "unclear": {o: {f: dict(c) for f, c in fams.items()} for o, fams in unclear.items()},
            "neutral": {f.name: list(f.neutral) for f in families if f.neutral}}
