"""Omissions: facts most other independent outlets report that one outlet leaves out, and what only it reports.

Sentences are TF-IDF vectors of content-lemma keys; two sentences from different outlets report the
same fact when their cosine passes ALIGN_THRESHOLD. A fact is listed as omitted by outlet X only when
  - it reads as a checkable fact: it names someone or something (a capitalised word past the first)
    or holds a number, and is not a piece of a longer quotation;
  - at least MIN_SUPPORT independent families other than X's report it, and more than half of the
    other families do (copies of one story are one family: core.reprints' family_key contract; so are one
    outlet's own articles), each with a sentence in near-identical words (cosine >= SUPPORT_THRESHOLD: a
    reader checks the claim without trusting a paraphrase match), and two families whose versions are the
    same narration word for word (one quoting or copying the other, or one wire) count once, as does a
    version that names another supporting outlet ("The New York Times reported …") and one whose article
    retells another supporter's sentence by sentence in the same order (an uncredited rewrite, or two
    versions of one source: `one_story`; this only discounts support, it never calls a page a copy);
  - X does not state it in other words: for each outlet's version of the fact, no window of one or
    two consecutive sentences of X (nor its headline) holds STATED_COVER or more of that version's
    content, weighted by how rare each word is in the event. This errs towards silence: a fact X
    states partly, or in the words of any one outlet that reports it, is not listed;
  - X's text never holds one of the fact's anchors: a name or number that another reporting family's
    version shares (`absent` lists them). A reader checks the claim by searching X for that word; a
    fact whose every name and number X writes is one X may tell in other words, so it is not listed.
Lexical matching misses paraphrase, so a fact the others report in different words is not listed at
all: this errs towards silence, and the note says so. Thresholds live in core.config (omission_*).
"""
from __future__ import annotations

import math
import re
from collections import Counter

import numpy as np
from scipy import sparse

from core.config import Settings
from core.credits import canonical_outlet, mentions
from core.lexicon import content_lemmas
from core.voice import SPEECH_VERBS, names_a_speaker, quote_spans

_SETTINGS = Settings()
ALIGN_THRESHOLD = _SETTINGS.omission_align        # cosine above which two sentences are taken to report the same fact
SUPPORT_THRESHOLD = _SETTINGS.omission_support    # ... and above which a reporting outlet's version counts as support
COPY_THRESHOLD = _SETTINGS.omission_copy          # narration this alike in two outlets is one copied text
MIN_SUPPORT = _SETTINGS.omission_min_support      # independent families besides the omitting outlet's
MIN_CONTENT_WORDS = 5       # shorter sentences (datelines, "He added.") are not facts on their own
STATED_COVER = 0.2          # share of a fact's weighted content in one place of X's text that counts as stating it
CLAUSE_COVER = 0.5          # ... or this share of one of its clauses: a fact stated in part is not "left out"
MIN_CLAUSE_KEYS = 3         # clauses with fewer content words are too short to judge on their own
MIN_SWAP_SHARED = 4         # narrations sharing this many words and differing by one swapped word are one text
MAX_LISTED = 8              # omitted / only-here facts listed per outlet
# one story told twice (a rewrite, or two versions of one source): STORY_RUN aligned narration sentences in one order,
# each within STORY_GAP sentences of the last in both articles (bench/omissions_independence.py measured the pair)
STORY_RUN = 3
STORY_GAP = 2
MAX_ALIGN_ARTICLES = 60     # larger events are aligned on a subset (round-robin over outlets), said in a note

_NUMBER_RE = re.compile(r"\d[\d,.]*")
_WORD_RE = re.compile(r"[A-Za-z0-9$][\w'’.$-]*")
_NAME_RUN_RE = re.compile(r"[A-Z0-9$][\w'’.$,-]*(?: [A-Z][\w'’.-]*)*")     # capitalised words or a number, as one run
# capitalised words that name nothing a reader could search for: titles, pronouns, days, months, sentence glue
_NOT_ANCHOR = frozenset("""i i'm i've i'd i'll mr mrs ms dr sen rep gov president senator representative governor
secretary minister mayor chairman chairwoman chief judge justice speaker leader director
the a an he she it they we you his her their this that these those there in on at of for and but or if as when
while after before monday tuesday wednesday
thursday friday saturday sunday january february march april may june july august september october november
december telegram twitter facebook instagram youtube tiktok whatsapp weibo wechat""".split())
# (the platform a statement was posted on is no fact of its own: "…," the ministry wrote on Telegram)
_LONG_NAME_RE = re.compile(r"[A-Z][\w'’-]*(?: (?:(?:and|of|for|the|&) )*[A-Z][\w'’-]*)+")   # a name of 2+ words
_ENDS_SENTENCE_RE = re.compile(r"[.!?][\s\"'”’)\]]*$")
# a wire story's last line: "Reporting by Ahmed Rasheed; Editing by Christian Schmollinger", "(Writing by …)"
_CREDIT_LINE_RE = re.compile(r"(?:\A|\n)\(?(?:Reporting|Additional reporting|Writing|Editing) by [^\n]{3,200}"
                             r"\b(?:Editing|editing|Writing|writing) by [A-Z][^\n]{2,80}$")
_CLAUSE_SPLIT_RE = re.compile(r"[,;:—–]\s+|\s(?:and|but|while|whereas|though|although|because)\s")
_QUOTE_MARKS = '"“”'
_CAPTION_RE = re.compile(r"\b(?:photo|file photo|pictured|getty images|ap photo)\b|(?:/|\bvia)\s*(?:AFP|REUTERS|Reuters|AP)\b")


def fact_keys(text: str) -> list[str]:
    """Content-lemma keys of a sentence plus the numbers it holds (numbers are facts too)."""
    return content_lemmas(text) + _NUMBER_RE.findall(text)


def is_fact(text: str, quoted: bool = False) -> bool:
    """A checkable statement: a name or a number, not a caption, not a line of a quotation whose speaker
    the sentence does not name (quoted: the sentence lies inside a quotation)."""
    toks = text.split()
    named = any(w[:1].isupper() for w in toks[1:]) or bool(_NUMBER_RE.search(text))
    unbalanced = (sum(text.count(c) for c in '"') % 2 == 1) or text.count("“") != text.count("”")
    bare_quote = (quoted or text.lstrip()[:1] in _QUOTE_MARKS) and not names_a_speaker(text)
    return named and not unbalanced and not bare_quote and not _CAPTION_RE.search(text)


def sentence_matrix(sent_keys: list[list[str]]):
    """L2-normalised TF-IDF matrix (sentences x terms) with IDF over these sentences."""
    vocab: dict[str, int] = {}
    rows, cols, vals = [], [], []
    df = Counter()
    for keys in sent_keys:
        df.update(set(keys))
    n = len(sent_keys)
    for i, keys in enumerate(sent_keys):
        for k, tf in Counter(keys).items():
            j = vocab.setdefault(k, len(vocab))
            rows.append(i)
            cols.append(j)
            vals.append((1 + math.log(tf)) * math.log((1 + n) / (1 + df[k]) + 1))
    m = sparse.csr_matrix((vals, (rows, cols)), shape=(n, max(len(vocab), 1)), dtype=np.float64)
    norms = np.sqrt(m.multiply(m).sum(axis=1)).A.ravel()
    norms[norms == 0] = 1.0
    return sparse.diags(1.0 / norms) @ m


def align(sentences: list[dict], groups: list[str]):
    """Boolean matrix covered[i, g]: group g has a sentence matching sentence i; plus the similarity matrix."""
    m = sentence_matrix([s["keys"] for s in sentences])
    sim = (m @ m.T).tocoo()
    g_idx = {g: k for k, g in enumerate(groups)}
    g_of = np.array([g_idx[s["group"]] for s in sentences], dtype=np.int64)
    keep = (sim.data >= ALIGN_THRESHOLD) & (g_of[sim.row] != g_of[sim.col])
    covered = np.zeros((len(sentences), len(groups)), dtype=bool)
    covered[sim.row[keep], g_of[sim.col[keep]]] = True
    covered[np.arange(len(sentences)), g_of] = True
    return covered, sim.tocsr()


def omissions(docs: list[dict], families: dict[str, str] | None = None) -> dict:
    """Per outlet: facts most other independent outlets report that it leaves out, and what only it reports.

    docs: [{id, outlet, title, text, sentences: [(start, end)]}] for the event's original articles;
    families: article id -> family key (core.reprints.family_key); each article is its own by default.
    """
    outlets = sorted({d["outlet"] for d in docs})
    fam_of = _by_outlet(docs, {d["id"]: (families or {}).get(d["id"], d["id"]) for d in docs})
    groups = sorted(set(fam_of.values()))
    if len(outlets) < 2:
        return {"note": "only one outlet reported this event in its own words (copies of a report are shown apart): "
                        "there is nothing to align against", "outlets": {}}
    all_sents, sentences, doc_keys = [], [], {}
    for d in docs:
        quotes = quote_spans(d["text"])
        doc_keys[d["id"]] = ([set(fact_keys(d["title"]))] if d.get("title") else [], [])
        for s, e in d["sentences"]:
            text = d["text"][s:e]
            keys = fact_keys(text)
            all_sents.append(set(keys))
            doc_keys[d["id"]][1].append(all_sents[-1])
            if len(keys) >= MIN_CONTENT_WORDS:
                quoted = any(a <= s and e <= b for a, b in quotes)
                sentences.append({"id": d["id"], "outlet": d["outlet"], "group": fam_of[d["id"]], "start": s, "end": e,
                                  "text": text, "keys": keys, "fact": is_fact(text, quoted), "quoted": quoted})
    if not sentences:
        return {"note": "no sentence long enough to align", "outlets": {}}
    covered, sim = align(sentences, groups)
    df = Counter(k for ks in all_sents for k in ks)
    idf = {k: math.log((len(all_sents) + 1) / (c + 0.5)) for k, c in df.items()}
    g_idx = {g: k for k, g in enumerate(groups)}
    own_group = np.array([g_idx[s["group"]] for s in sentences])
    result, cut, stories = {}, [], {}
    for outlet in outlets:
        mine = [d for d in docs if d["outlet"] == outlet]
        if any(cut_short(d) for d in mine):
            cut.append(outlet)         # a text that stops early "leaves out" whatever came after: say nothing
            continue
        my_groups = {g_idx[fam_of[d["id"]]] for d in mine}
        others = [k for k in range(len(groups)) if k not in my_groups]
        windows = _windows([doc_keys[d["id"]] for d in mine])
        vocab = set().union(*(_word_set(d.get("title") or "") | _word_set(d["text"]) for d in mine))
        vocab |= set().union(*(_initials(d.get("title") or "") | _initials(d["text"]) for d in mine))
        omitted_idx, missing = [], {}
        for i, s in enumerate(sentences):
            if own_group[i] in my_groups or not s["fact"]:
                continue
            if len([k for k in others if covered[i, k]]) < MIN_SUPPORT:
                continue
            row = sim.getrow(i)
            support = _support(i, row, sentences, own_group, my_groups, stories, sim)
            if len(support) < max(MIN_SUPPORT, len(others) // 2 + 1):
                continue
            # the fact in any reporting outlet's words: X states none of its versions
            versions = [i] + [j for j, v in zip(row.indices, row.data) if v >= ALIGN_THRESHOLD and own_group[j] not in my_groups]
            if any(_stated(sentences[j]["text"], sentences[j]["keys"], windows, idf) for j in versions):
                continue
            # … and X never writes a name or number its reporters share: the claim is checked by searching X's text
            # for that word, not by trusting a paraphrase match ("X never names Senator Y", "X gives no 5.7 billion")
            missing[i] = _missing_anchors(sentences, i, row, own_group, my_groups, vocab)
            if not missing[i]:
                continue
            omitted_idx.append(i)
        omitted_idx.sort(key=lambda i: (-int(covered[i, others].sum()), -len(sentences[i]["keys"])))
        omits = [dict(_fact(sentences, i, covered, groups, sim), absent=_as_written(sentences[i]["text"], missing[i]))
                 for i in _dedupe_idx(omitted_idx, sim)]
        only_idx = [i for i, s in enumerate(sentences) if own_group[i] in my_groups and s["fact"]
                    and not covered[i, others].any()]
        only_idx.sort(key=lambda i: -_informativeness(sentences[i]))
        only = [_fact(sentences, i, covered, groups, sim) for i in _dedupe_idx(only_idx, sim)]
        result[outlet] = {"omits": omits, "only_here": only,
                          "sentences": sum(1 for g in own_group if g in my_groups), "unmatched_sentences": len(only_idx),
                          "omitted_facts": len(omitted_idx), "independent_others": len(others)}
    note = (f"facts (a name or a number) reported by at least {MIN_SUPPORT} and by most other independent outlets "
            f"(copies, narration copied word for word, a report relayed from another outlet, and a story retold "
            f"sentence by sentence in the same order count once), each in "
            f"near-identical words (TF-IDF cosine "
            f">= {SUPPORT_THRESHOLD:.2f}), so no claim rests on a paraphrase match; a fact is not listed when the "
            f"outlet states part of it, nor unless the outlet's text lacks one of its names or numbers (shown as "
            f"'never mentions'). Facts the others tell in different words are not listed at all.")
    if cut:
        note += (" Nothing is listed for " + ", ".join(cut) + ": the text framelens holds stops short (a summary, "
                 "a snippet or a cut page), so what it leaves out cannot be told.")
    return {"note": note, "outlets": result}


def cut_short(doc: dict) -> bool:
    """Whether an article's text may stop before its end: only a summary was had, or it ends in '…' or mid-sentence
    (a closing wire credit, "Reporting by …; Editing by …", ends a story with no stop of its own; the page's
    lines after the story, a comment form or a "follow us" prompt, are read past)."""
    text = _without_trailer((doc.get("text") or "").rstrip())
    return doc.get("text_status", "ok") not in ("ok", None) or text.endswith(("...", "…")) \
        or not (_ENDS_SENTENCE_RE.search(text) or _CREDIT_LINE_RE.search(text))


# Lines a page prints after the story ends: a comment form ("0 replies", "Leave a Reply"), a prompt to follow the
# outlet ("Follow us on: Facebook, Twitter", "Join our official telegram channel … latest headlines"). A text ending
# on them ended its story first (round 32: Gebeta's and National Herald's whole stories were called cut).
# So is a forum's "- Log in to post comments" and a statement's press contact ("Please dial:" above "+41 58 330 63 35":
# fc34's InfoBalkans and Swiss Bankers Association texts ended their stories and were called cut), a page's metadata list
# and a desk's sign-off (fc35), and a box of other stories' heading (fc36).
_TRAILER_LINE_RE = re.compile(r"\n[ \t]*(?:[-•][ \t]*)?(?:\d+\s+(?:replies|reply|comments?|responses?)"
                              r"|leave a (?:reply|comment)"
                              r"|(?:follow|join) us (?:on|at)\b[^\n]{0,160}|join our (?:official )?[^\n]{0,40}"
                              r"(?:channel|group|newsletter|community)\b[^\n]{0,120}|share this(?: article| story)?:?"
                              r"|log in(?: or register)? to (?:post|leave) comments?"
                              r"|please (?:dial|call|phone|contact us|write to us)\b[^\n]{0,40}"
                              r"|(?:(?:tel(?:ephone)?\.?|phone):?[ \t]*|\+)\(?\d[\d ()./-]{6,}\d"
                              # a page's metadata list under the story ("- Published / - Section / - BBC News /
                              # - Subsection / - US & Canada": fc35's BBC video page was called cut)
                              r"|published(?:\n[ \t]*[-•][ \t]*[^\n]{1,40})+"
                              # a box of other stories the page sets under it ("Most Popular": fc36's Times of
                              # Israel entry, whole, was called cut)
                              r"|most (?:popular|read|viewed|shared)|trending(?: now| stories)?|you may also like"
                              r"|related (?:articles|stories|posts|news)|recommended(?: for you| stories)?"
                              # a desk's sign-off, names and slashes alone ("Bd-pratidin English/Lutful Hoque",
                              # "BSS/AFP/ab": fc35's Bangladesh Pratidin was called cut)
                              r"|(?-i:[A-Z][\w.&'-]*(?:[ \t]+[A-Z][\w.&'-]*){0,2}(?:[ \t]*/[ \t]*[A-Za-z][\w.&'-]*"
                              r"(?:[ \t]+[A-Z][\w.&'-]*){0,2}){1,3}))"
                              r"[ \t]*\Z", re.IGNORECASE)
# a desk's or agency's sign-off after a dash, on its own line or after the story's last stop ("… of the 47 counties. –
# New Ziana": fc37's Herald story, whole, was called cut); a dash and a name after no stop is a cut sentence's aside,
# and the dash is spaced after a stop: "the U.S.-China" is no sign-off
_SIGN_OFF_RE = re.compile(r"(?:(?:(?<=[.!?])|(?<=[.!?][\"'”’)]))[ \t]+|\n[ \t]*)[-–—][ \t]*[A-Z][\w.&'’-]*"
                          r"(?:[ \t]+[A-Z][\w.&'’-]*){0,2}[ \t]*\Z")


def _without_trailer(text: str) -> str:
    """The text without the page's lines after the story (comment form, follow prompts), from the end."""
    while True:
        m = _TRAILER_LINE_RE.search(text) or _SIGN_OFF_RE.search(text)
        if not m or not text[:m.start()].strip():
            return text
        text = text[:m.start()].rstrip()


def _by_outlet(docs: list[dict], fam_of: dict[str, str]) -> dict[str, str]:
    """Article id -> family, with one outlet's own articles in one family: an outlet repeating its own fact in a
    follow-up is one report, not independent support (a BBC story and its next-day update told one sentence). A copy
    stays in its original's family, so an outlet carrying another's story besides its own is still a report of its own."""
    first: dict[str, str] = {}
    alias = {d["id"]: first.setdefault(canonical_outlet(d["outlet"]), d["id"]) for d in docs if fam_of[d["id"]] == d["id"]}
    return {i: alias.get(f, f) for i, f in fam_of.items()}


def _support(i: int, row, sentences: list[dict], own_group, my_groups: set, stories: dict | None = None,
             sim=None) -> set:
    """The families whose own sentence tells fact i in near-identical words (SUPPORT_THRESHOLD), its own included;
    a family whose version is the same narration as another's, word for word, is a copy and adds nothing, and
    so is one whose version names another supporting outlet (it relays that outlet's report), and one whose article
    tells another supporter's story sentence by sentence (one_story: an uncredited rewrite, or both of one source).
    stories caches story_pairs over the event (filled on first need, from sim)."""
    best: dict[int, tuple[float, int]] = {}
    for j, v in zip(row.indices, row.data):
        g = int(own_group[j])
        if g not in my_groups and v >= SUPPORT_THRESHOLD and v > best.get(g, (0.0, -1))[0]:
            best[g] = (float(v), j)
    best[int(own_group[i])] = (1.0, i)
    kept: list[int] = []
    for g, (v, j) in sorted(best.items(), key=lambda kv: -kv[1][0]):
        if any(_copied(sentences[j], sentences[best[h][1]], row, i, j, best[h][1]) for h in kept):
            continue
        named = _named_outlets(sentences[j])
        if named and named & {_outlet(sentences[k]) for h, (_, k) in best.items() if h != g}:
            continue                   # "The New York Times reported …": a relay of another supporter's report
        if sim is not None and any(_one_story(stories, sentences, sim, sentences[j]["id"], sentences[best[h][1]]["id"])
                                   for h in kept):
            continue                   # a rewrite of a supporter's article (or both of one source): one report
        kept.append(g)
    return set(kept)


def story_sentences(docs: list[dict]) -> list[dict]:
    """The sentences omissions() aligns (5+ content words), in each article's order, with their quotation flag: what
    story_pairs reads when it is called outside omissions() (bench/omissions_independence.py)."""
    out = []
    for d in docs:
        quotes = quote_spans(d["text"])
        for s, e in d["sentences"]:
            keys = fact_keys(d["text"][s:e])
            if len(keys) >= MIN_CONTENT_WORDS:
                out.append({"id": d["id"], "text": d["text"][s:e], "keys": keys,
                            "quoted": any(a <= s and e <= b for a, b in quotes)})
    return out


def story_pairs(sentences: list[dict], sim=None) -> dict[tuple[str, str], dict]:
    """For each pair of articles (ids a < b): how far one's narration follows the other's in the same order.

    Narration: sentences with no quotation mark and not inside a quotation (a speaker's words, which outlets print
    alike independently, show nothing). chain: the most aligned narration pairs (cosine >= ALIGN_THRESHOLD) taken
    in the same order in both articles (a longest common subsequence of the alignment); share: chain over the
    shorter article's narration sentences; n: that shorter count; run: the longest such chain whose every next pair
    comes within STORY_GAP narration sentences of the last in both (what one_story reads)."""
    if sim is None:
        m = sentence_matrix([s["keys"] for s in sentences])
        sim = (m @ m.T).tocsr()
    narr: dict[str, list[int]] = {}
    for k, s in enumerate(sentences):
        if not s["quoted"] and not any(c in s["text"] for c in _QUOTE_MARKS):
            narr.setdefault(s["id"], []).append(k)
    pos = {k: n for ks in narr.values() for n, k in enumerate(ks)}
    doc_of = {k: s["id"] for k, s in enumerate(sentences)}
    matches: dict[tuple[str, str], list[tuple[int, int]]] = {}
    for a, ks in narr.items():
        for k in ks:
            row = sim.getrow(k)
            for j, v in zip(row.indices, row.data):
                b = doc_of[j]
                if b > a and v >= ALIGN_THRESHOLD and j in pos:
                    matches.setdefault((a, b), []).append((pos[k], pos[j]))
    out = {}
    for (a, b), ms in matches.items():
        n = min(len(narr[a]), len(narr[b]))
        chain = _chain(ms)
        out[(a, b)] = {"chain": chain, "share": round(chain / n, 3) if n else 0.0, "n": n, "run": _run(ms, STORY_GAP)}
    return out


def _chain(pairs: list[tuple[int, int]]) -> int:
    """The most pairs (i, j) that increase in both i and j: a longest increasing subsequence, each i used once."""
    tails: list[int] = []
    for _, j in sorted(set(pairs), key=lambda p: (p[0], -p[1])):
        lo, hi = 0, len(tails)
        while lo < hi:
            mid = (lo + hi) // 2
            if tails[mid] < j:
                lo = mid + 1
            else:
                hi = mid
        tails[lo:lo + 1] = [j]
    return len(tails)


def _run(pairs: list[tuple[int, int]], gap: int) -> int:
    """The most aligned pairs in one order where each next pair comes within `gap` sentences in both articles.
    Only the gap x gap cells before a pair can precede it, so each pair looks those up rather than every earlier pair
    (a hostile event of many alike sentences made the all-pairs version take minutes)."""
    best: dict[tuple[int, int], int] = {}
    for i, j in sorted(set(pairs)):
        best[(i, j)] = 1 + max((best.get((i - di, j - dj), 0) for di in range(1, gap + 1) for dj in range(1, gap + 1)),
                               default=0)
    return max(best.values(), default=0)


def one_story(st: dict) -> bool:
    """Whether two articles' narration is one story told twice (a rewrite of the other, or both of one source): it
    follows the other's sentence by sentence, STORY_RUN or more aligned narration sentences in the same order with
    at most STORY_GAP - 1 sentences between each and the next in both. Independent reports of one event tell many of
    the same facts, but in their own order and with their own sentences between (on 1,623 pairs of different
    outlets' own stories in the dev corpora and the real-world set, no pair outside one reprint family ran 3)."""
    return st["run"] >= STORY_RUN


def _one_story(stories: dict, sentences: list[dict], sim, a: str, b: str) -> bool:
    """Whether articles a and b are one story told twice (one_story), story_pairs read once per event."""
    if a == b:
        return False
    if not stories:
        stories.update(story_pairs(sentences, sim) or {(None, None): {}})
    st = stories.get((a, b) if a < b else (b, a))
    return bool(st) and one_story(st)


def anchors(text: str) -> set[str]:
    """The names (capitalised words past the first, less titles, pronouns and dates) and numbers of a sentence, as
    a reader would search for them."""
    toks = _WORD_RE.findall(text)
    return {_norm(w) for w in toks[1:] if w[:1].isupper() and _norm(w) not in _NOT_ANCHOR} - {""} | _numbers(text)


def _as_written(text: str, keys: set[str]) -> list[str]:
    """The names and numbers of a sentence that hold one of keys (searched forms), as the sentence writes them and
    whole ("United States", "Harry Reid", "$5.7"), in its order."""
    out = []
    for run in _NAME_RUN_RE.findall(text):
        if any(_norm(w.rstrip(".,")) in keys or w.lstrip("$").rstrip(".,").replace(",", "") in keys for w in run.split()):
            out.append(run.rstrip(".,"))
    return list(dict.fromkeys(out))


def _word_set(text: str) -> set[str]:
    """Every word and number of a text as searched (see _norm)."""
    return {_norm(w) for w in _WORD_RE.findall(text)} | _numbers(text)


def _initials(text: str) -> set[str]:
    """The acronyms a text spells out ("U.S. Customs and Border Protection" -> 'cbp', 'uscbp', …), as searched: a text
    that writes a name in full mentions the acronym a fact uses, and the other way round (see _missing_anchors)."""
    return {acr for run in _LONG_NAME_RE.findall(text) for acr, _ in _spelled(run)}


def _spelled(run: str) -> list[tuple[str, list[str]]]:
    """Each stretch of two or more capitalised words of a name with its initials (a sentence's "But" or "The" may
    lead the run, so every stretch counts)."""
    words = [w for w in run.split() if w[:1].isupper()]
    return [("".join(_norm(w)[:1] for w in words[a:b]), words[a:b])
            for a in range(len(words)) for b in range(a + 2, len(words) + 1)]


def _norm(word: str) -> str:
    """A word as searched: lowercase, without a possessive, its dots ("N.A.A.C.P.") or a currency sign."""
    w = word.lower().replace("’", "'").lstrip("$")
    return (w[:-2] if w.endswith("'s") else w).replace(".", "")


def _numbers(text: str) -> set[str]:
    """The numbers of a text as searched: '1,200' is '1200', a sentence's last '5.7.' is '5.7'."""
    return {m.rstrip(".,").replace(",", "") for m in _NUMBER_RE.findall(text)} - {""}


def _missing_anchors(sentences: list[dict], i: int, row, own_group, my_groups: set, vocab: set) -> set[str]:
    """The anchors of fact i that another family's supporting version shares (the fact's names and numbers, not
    one outlet's idiom) and that the omitting outlet's text never holds."""
    mine, shared = anchors(sentences[i]["text"]), set()
    for j, v in zip(row.indices, row.data):
        if v >= SUPPORT_THRESHOLD and own_group[j] not in my_groups and own_group[j] != own_group[i]:
            shared |= mine & anchors(sentences[j]["text"])
    for run in _LONG_NAME_RE.findall(sentences[i]["text"]):
        for acr, words in _spelled(run):
            if acr in vocab:
                shared -= {_norm(w) for w in words}       # a name the outlet writes as its acronym
    return shared - vocab


def _named_outlets(s: dict) -> set[str]:
    """News outlets a sentence names (canonical names), read once per sentence."""
    if "named" not in s:
        s["named"] = {name for _, _, name in mentions(s["text"])}
    return s["named"]


def _outlet(s: dict) -> str:
    """A sentence's outlet under its canonical name, read once per sentence."""
    if "canonical" not in s:
        s["canonical"] = canonical_outlet(s["outlet"])
    return s["canonical"]


def _copied(a: dict, b: dict, row, i: int, ja: int, jb: int) -> bool:
    """Two versions that are the same narration word for word: one outlet's text copied (or quoted) by another, or
    one wire's, unless both are a quotation both outlets print (one speaker's words, reported twice). Around a
    quotation, only narration beyond the attribution ('X said on Tuesday') can show a copy."""
    if all(x["quoted"] or any(c in x["text"] for c in _QUOTE_MARKS) for x in (a, b)):
        na, nb = _narration_keys(a), _narration_keys(b)
        if min(len(na), len(nb)) < MIN_CLAUSE_KEYS:
            return False
        return _same_words(na, nb)
    if i in (ja, jb):
        other = jb if ja == i else ja
        return float(row[0, other]) >= COPY_THRESHOLD
    return _same_words(set(a["keys"]), set(b["keys"]))


def _same_words(a: set[str], b: set[str]) -> bool:
    """Two key sets of one text: they differ by at most a tenth of their words, or by one word swapped for another
    where four or more are shared (a wire's sentence with "carrying out" for "conducting" is still the wire's)."""
    allowed = max(2 if len(a & b) >= MIN_SWAP_SHARED else 1, int((1 - COPY_THRESHOLD) * len(a | b)))
    return len(a ^ b) <= allowed


def _narration_keys(s: dict) -> set[str]:
    """Content keys of a sentence's own words outside its quotations, less names and speech verbs (the attribution)."""
    if s["quoted"]:
        return set()
    text = s["text"]
    for a, b in sorted(quote_spans(text), reverse=True):
        text = text[:a] + " " + text[b:]
    kept = [w for w in text.split() if not w[:1].isupper() and w.lower().strip(".,;:!?") not in SPEECH_VERBS]
    return set(fact_keys(" ".join(kept)))


def _windows(docs_keys: list[tuple[list[set], list[set]]]) -> list[set]:
    """The key sets an outlet's articles offer: each headline, each sentence and each pair of adjacent sentences."""
    out = []
    for title, keys in docs_keys:
        out += title + keys + [a | b for a, b in zip(keys, keys[1:])]
    return out


def _stated(text: str, keys: list[str], windows: list[set], idf: dict[str, float]) -> bool:
    """Whether some window holds STATED_COVER of the fact's content, or CLAUSE_COVER of one of its clauses,
    weighted by rarity: a fact told in part is not listed as left out."""
    parts = [set(keys)] + [set(ks) for ks in (fact_keys(c) for c in _CLAUSE_SPLIT_RE.split(text)) if len(ks) >= MIN_CLAUSE_KEYS]
    for n, part in enumerate(parts):
        weights = {k: idf.get(k, 1.0) for k in part}
        need = (STATED_COVER if n == 0 else CLAUSE_COVER) * (sum(weights.values()) or 1.0)
        if any(sum(w for k, w in weights.items() if k in win) >= need for win in windows):
            return True
    return False


def _dedupe_idx(idx: list[int], sim) -> list[int]:
    """Keep the first of each group of mutually similar sentences."""
    kept = []
    for i in idx:
        if all(sim[i, j] < ALIGN_THRESHOLD for j in kept):
            kept.append(i)
        if len(kept) >= MAX_LISTED:
            break
    return kept


def _fact(sentences: list[dict], i: int, covered, groups: list[str], sim) -> dict:
    """A sentence as a JSON fact: its offsets, the outlets reporting it, and one sentence per reporting family."""
    s = sentences[i]
    row = sim.getrow(i)
    evidence, seen = [], set()
    for j, v in sorted(zip(row.indices, row.data), key=lambda x: -x[1]):
        g = sentences[j]["group"]
        if (v >= ALIGN_THRESHOLD or j == i) and g not in seen:
            seen.add(g)
            t = sentences[j]
            evidence.append({"id": t["id"], "outlet": t["outlet"], "start": t["start"], "end": t["end"],
                             "similarity": round(float(1.0 if j == i else v), 3)})
    reported_by = sorted({e["outlet"] for e in evidence})
    return {"text": s["text"], "id": s["id"], "outlet": s["outlet"], "start": s["start"], "end": s["end"],
            "reported_by": reported_by, "families": len(seen), "evidence": evidence}


def _informativeness(s: dict) -> float:
    """Longer sentences with names and numbers carry more checkable facts."""
    t = s["text"]
    caps = sum(1 for w in t.split()[1:] if w[:1].isupper())
    digits = sum(c.isdigit() for c in t) > 0
    return len(s["keys"]) + 2 * caps + 3 * digits
