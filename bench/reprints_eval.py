"""Derived-article detection: synthetic copies of the shared corpora, the real-world set, and the cost on a
100k-article stream against the detection framelens shipped before (run in turns, judged on CPU time).

    python bench/reprints_eval.py                 # all figures (the stream takes several minutes)
    python bench/reprints_eval.py --stream 0      # without the speed comparison
    python bench/reprints_eval.py --repeat 2      # two rounds of the speed comparison, the medians' ratio

1. Synthetic: for a third of the articles of BASIL, NewsWCL50 and AllSides (fixed seed) a derived copy is
   made as aggregators and rewriters do, of one of four kinds: a near-complete copy (new headline, 0-2
   paragraphs dropped or two swapped, ~3% of words swapped, boilerplate, sometimes a credit line); a partial
   copy (the first paragraphs, then paragraphs of unrelated text from ECB+); a spun copy (at least 30% of
   the content words swapped for synonyms, sentence order kept); a credited rewrite (the lead spun and
   credited, ", Fox News reported."). All originals stay in the mix; other outlets' coverage of the same
   gold event are the hard negatives. The corpora hold real wire copies and credited rewrites of their own
   ("Denver (AP) –", "…, the Los Angeles Times reports."): those verdicts are listed apart, as nothing
   labels them.
2. Real world: ../shared/data/realworld, gold `derived_from` per article.
3. Cost: bench/scale.py's 100k-article stream (the corpora replicated with shifted dates), today's detection
   and the one of commit 1a8c6de (read from git), in turns; the ratio of the median CPU times is judged.
"""
from __future__ import annotations

import argparse
import importlib.util
import json
import random
import re
import statistics
import subprocess
import sys
import tempfile
import time
from collections import Counter
from datetime import timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
from core.credits import canonical_outlet  # noqa: E402
from core.lexicon import STOPWORDS  # noqa: E402
from core.reprints import find_reprints  # noqa: E402
from core.timeline import parse_time  # noqa: E402

SHARED = ROOT.parent / "shared"
CORPORA = SHARED / "data" / "corpora"
FILES = ["basil.jsonl", "newswcl50.jsonl", "allsides_dev.jsonl"]
FILLER = "ecbplus_dev.jsonl"        # unrelated text that partial copies add (not in the mix)
BASELINE_COMMIT = "1a8c6de"         # the detection before issue 15
SEED = 20240517
REPRINT_SHARE = 1 / 3
KINDS = {"near-complete copy": 0.4, "partial copy": 0.2, "spun copy": 0.2, "credited rewrite": 0.2}
SUB_RATE = 0.03
MIN_SPUN = 0.30                     # share of content words a spun copy must have swapped
AGGREGATORS = ["NewsNow Aggregator", "WorldNewsHub", "DailyFeed24", "GlobalNewsWire Online",
               "TopStories Digest", "NewsBreak Mirror", "HeadlineHub", "The News Aggregate"]
REWRITERS = ["Kyiv Weekly Review", "Delhi Evening Post", "Lagos Morning Star", "Manila Daily Ledger"]
BOILERPLATE = ["Source link", "Related Articles", "Leave a Reply",
               "Your email address will not be published. Required fields are marked *",
               "Back to top button", "Share this:", "You can share this story on social media:"]
# Synonyms for the commonest words of news text (lower case only: names stay, as spinners leave them).
SYNONYMS = {
    "said": "stated", "says": "states", "told": "informed", "president": "leader", "house": "chamber",
    "also": "additionally", "big": "large", "large": "big", "people": "individuals", "new": "fresh",
    "former": "ex", "week": "seven days", "plan": "proposal", "government": "administration",
    "officials": "authorities", "campaign": "bid", "statement": "remarks", "decision": "ruling",
    "support": "backing", "called": "described", "asked": "questioned", "meeting": "session",
    "country": "nation", "party": "faction", "vote": "ballot", "bill": "measure", "law": "statute",
    "many": "numerous", "several": "a number of", "because": "since", "before": "prior to",
    "after": "following", "about": "regarding", "help": "assist", "show": "demonstrate",
    "however": "nevertheless", "important": "significant", "began": "started", "start": "begin",
    "wanted": "sought", "want": "seek", "made": "produced", "make": "produce", "think": "believe",
    "need": "require", "get": "obtain", "major": "key", "expected": "anticipated", "during": "throughout",
    "while": "whilst", "against": "versus", "announced": "declared", "added": "continued",
    "report": "account", "reported": "stated", "recent": "latest", "likely": "probably",
}
SPIN = {
    **SYNONYMS,
    "state": "province", "first": "initial", "time": "moment", "last": "final", "federal": "national",
    "election": "poll", "deal": "agreement", "border": "frontier", "political": "partisan", "security": "safety",
    "investigation": "inquiry", "including": "together with", "public": "general public", "saying": "stating",
    "presidential": "executive", "office": "bureau", "nuclear": "atomic", "whether": "if", "day": "date",
    "tax": "levy", "going": "heading", "group": "team", "committee": "panel", "national": "countrywide",
    "know": "realize", "case": "matter", "members": "participants", "month": "thirty days", "days": "dates",
    "legislation": "lawmaking", "right": "proper", "take": "grab", "leaders": "heads", "work": "labour",
    "immigration": "migration", "million": "mn", "policy": "coverage", "end": "finish", "part": "portion",
    "way": "method", "lawmakers": "legislators", "long": "prolonged", "official": "authentic", "wall": "barrier",
    "states": "provinces", "top": "prime", "news": "information", "attack": "assault", "issue": "problem",
    "percent": "per cent", "use": "utilize", "interview": "conversation", "wrote": "penned", "months": "moons",
    "next": "subsequent", "weeks": "sennights", "clear": "evident", "world": "globe", "released": "launched",
    "visit": "trip", "three": "3", "information": "knowledge", "took": "seized", "court": "tribunal",
    "come": "arrive", "director": "head", "billion": "bn", "leader": "chief", "nation": "state",
    "run": "operate", "agreement": "accord", "media": "press", "claims": "assertions", "special": "particular",
    "program": "scheme", "used": "utilized", "earlier": "previously", "later": "afterward",
    "military": "armed forces", "debate": "argument", "questions": "queries", "rights": "entitlements",
    "reporters": "journalists", "left": "departed", "set": "established", "legal": "lawful", "race": "contest",
    "never": "by no means", "without": "minus", "go": "proceed", "letter": "missive", "making": "producing",
    "least": "minimum", "weapons": "arms", "though": "although", "conference": "convention",
    "personal": "private", "came": "arrived", "speech": "address", "candidate": "nominee",
    "spending": "expenditure", "morning": "forenoon", "secretary": "minister", "far": "distant",
    "money": "funds", "comments": "remarks", "early": "premature", "night": "evening", "issues": "problems",
    "pay": "compensate", "put": "placed", "press": "media", "move": "step", "good": "fine", "place": "spot",
    "action": "motion", "conservative": "right-leaning", "health": "wellbeing", "among": "amongst",
    "already": "previously", "general": "basic", "possible": "feasible", "foreign": "overseas",
    "chief": "head", "call": "name", "high": "excessive", "must": "has to", "see": "observe",
    "number": "quantity", "lawsuit": "litigation", "another": "some other", "school": "faculty",
    "senior": "elder", "open": "unveiled", "trade": "commerce", "believe": "suppose", "across": "throughout",
    "war": "warfare", "private": "non-public", "face": "confront", "calling": "naming", "majority": "bulk",
    "efforts": "endeavours", "voting": "balloting", "primary": "main", "plans": "plots", "benefits": "advantages",
    "position": "place", "attorney": "lawyer", "order": "command", "governor": "governer", "business": "industry",
    "working": "operating", "social": "societal", "comes": "arrives", "countries": "nations", "power": "energy",
    "passed": "handed", "immigrants": "migrants", "sent": "dispatched", "executive": "government",
    "women": "girls", "process": "procedure", "intelligence": "intellect", "show": "display",
    "response": "reaction", "give": "provide", "attacks": "assaults", "meet": "encounter", "found": "discovered",
    "counsel": "recommend", "chairman": "chair", "voters": "electorate", "groups": "teams", "company": "firm",
    "home": "residence", "past": "previous", "won": "received", "police": "law enforcement", "change": "alternate",
    "address": "deal with", "remarks": "feedback", "lawyer": "legal professional", "evidence": "proof",
    "documents": "paperwork", "team": "crew", "concerns": "worries", "economy": "financial system",
    "children": "youngsters", "nearly": "just about", "data": "knowledge", "point": "level", "staff": "workforce",
    "effort": "try", "elections": "polls", "talking": "speaking", "running": "operating", "video": "footage",
    "every": "each", "budget": "finances", "went": "went off", "full": "complete", "question": "query",
    "jobs": "jobs and roles", "future": "long run", "held": "hosted", "term": "time period",
    "measure": "degree", "issued": "released", "second": "2nd", "coming": "upcoming", "reports": "studies",
    "job": "task", "politics": "political affairs", "led": "headed", "four": "4", "announcement": "declaration",
    "signed": "inked", "member": "associate", "keep": "stay", "little": "small", "following": "after",
    "account": "report", "man": "guy", "leadership": "management", "appeared": "seemed", "based": "primarily based",
    "along": "alongside", "funding": "investment", "become": "grow to be", "away": "off", "accused": "charged",
    "allow": "permit", "met": "met with", "step": "transfer", "trying": "attempting", "ban": "prohibition",
    "late": "overdue", "story": "tale", "workers": "employees", "confirmed": "showed", "win": "victory",
    "economic": "financial", "record": "file", "laws": "rules", "candidates": "nominees", "care": "worry",
    "continued": "persevered", "forward": "ahead", "message": "communication", "matter": "subject",
    "proposal": "suggestion", "ever": "ever before", "summit": "meeting", "family": "circle of relatives",
    "fact": "truth", "system": "machine", "charges": "fees", "illegal": "unlawful", "ago": "in the past",
    "fight": "battle", "continue": "proceed", "known": "recognized", "thing": "factor", "package": "bundle",
    "criticism": "complaint", "adviser": "consultant", "taking": "taking up", "hours": "hrs",
    "increase": "build up", "suggested": "instructed", "hearing": "listening to", "shutdown": "closure",
    "latest": "newest", "served": "served as", "times": "occasions", "seen": "noticed", "protect": "safeguard",
    "less": "fewer", "statements": "remarks", "line": "line of work", "enough": "sufficient",
    "spokesman": "spokesperson", "wants": "needs", "supporters": "backers", "look": "glance", "false": "fake",
    "negotiations": "talks", "wife": "spouse", "cuts": "reductions", "release": "unencumber",
    "emergency": "crisis", "talks": "discussions", "votes": "ballots", "others": "other folks",
    "potential": "attainable", "history": "past", "great": "nice", "allies": "partners", "person": "individual",
    "better": "higher", "old": "previous", "five": "5", "local": "native", "done": "finished",
    "afternoon": "night", "life": "existence", "control": "keep watch over", "cases": "instances",
    "together": "in combination", "side": "aspect", "offer": "be offering", "programs": "schemes",
    "include": "come with", "strong": "robust", "toward": "in opposition to", "offered": "equipped",
    "officers": "officials", "seeking": "in search of", "repeatedly": "again and again", "aides": "assistants",
    "senators": "lawmakers", "within": "inside", "thousands": "hundreds", "violence": "violent conduct",
    "taken": "taken up", "previously": "up to now", "calls": "requires", "weekend": "weekend break",
    "administration": "management", "according": "in keeping", "now": "these days", "emails": "messages",
    "congressional": "parliamentary", "bipartisan": "cross-party", "marriage": "matrimony", "pandemic": "outbreak",
    "vaccine": "jab", "gun": "firearm", "email": "message", "enforcement": "implementation", "tweeted": "posted",
    "tariffs": "duties", "marijuana": "cannabis", "coronavirus": "virus", "steel": "metal", "really": "actually",
    "civil": "civic", "asylum": "refuge", "yet": "still", "nominee": "candidate", "something": "one thing",
    "infrastructure": "amenities", "fully": "totally", "families": "households", "request": "ask for",
    "trillion": "tn", "migrants": "immigrants", "challenge": "problem", "given": "granted", "showed": "confirmed",
    "relationship": "dating", "act": "behave", "guilty": "at fault", "paid": "compensated", "trip": "go back",
    "opposition": "resistance", "killed": "slain", "sure": "certain", "nothing": "not anything",
    "sought": "looked for", "described": "defined", "often": "frequently", "spoke": "talked",
    "allegations": "accusations", "idea": "concept", "details": "main points", "lot": "lot of",
    "community": "neighborhood", "current": "present", "ahead": "forward", "fired": "sacked",
    "getting": "receiving", "soon": "quickly", "try": "check out", "criminal": "prison", "comment": "remark",
    "rate": "charge", "records": "data", "planned": "deliberate", "role": "function", "critical": "essential",
    "review": "overview", "wrong": "flawed", "justice": "justness", "nomination": "candidacy", "find": "to find",
    "indictment": "charging", "close": "shut", "different": "other", "access": "get right of entry to",
    "received": "gained", "brought": "introduced", "immediately": "right away", "final": "ultimate",
    "needed": "wanted", "congressman": "legislator", "changes": "adjustments", "stop": "forestall",
    "using": "the usage of", "ask": "request", "criticized": "slammed", "despite": "regardless of",
    "bring": "deliver", "seek": "search", "urged": "advised", "hold": "dangle", "force": "power",
    "stand": "stand up", "companies": "firms", "schools": "faculties", "couples": "pairs", "provide": "supply",
    "remain": "stay", "assault": "attack", "leading": "main", "language": "wording", "failed": "didn't",
    "crime": "offence", "site": "website", "risk": "danger", "testimony": "statement", "elected": "voted in",
    "post": "publish", "actions": "movements", "adding": "including", "sign": "signal", "legislative": "law-making",
    "significant": "vital", "outside": "out of doors", "shot": "fired at", "things": "issues", "real": "actual",
    "list": "record", "policies": "insurance policies", "evening": "night time", "compromise": "settlement",
    "rules": "regulations", "multiple": "a couple of", "needs": "wishes", "filed": "lodged",
    "independent": "unbiased", "lead": "result in", "gave": "gifted", "enter": "input", "threat": "danger",
    "chance": "likelihood", "looking": "having a look", "discuss": "talk about", "talk": "chat", "troops": "soldiers",
    "event": "match", "service": "carrier", "six": "6", "points": "issues", "claimed": "alleged",
    "funds": "budget", "let": "allow", "declined": "refused", "tried": "attempted", "quickly": "swiftly",
    "partisan": "biased", "behind": "in the back of", "agencies": "companies", "remains": "stays",
    "status": "standing", "speaking": "talking", "either": "both", "serious": "critical", "recently": "lately",
    "warned": "cautioned", "able": "in a position", "controversial": "debatable", "longer": "lengthier",
    "collusion": "connivance", "probe": "inquiry", "build": "construct", "push": "shove", "decisions": "selections",
    "older": "elderly", "appear": "seem", "expressed": "voiced", "bad": "dangerous", "ruling": "verdict",
    "additional": "further", "always": "at all times", "noted": "famous", "reportedly": "supposedly",
    "key": "very important", "building": "construction", "discrimination": "bias", "best": "perfect",
    "vice": "deputy", "pass": "cross", "lack": "loss", "problem": "drawback", "taxes": "levies",
    "prices": "costs", "host": "hostess", "influence": "affect", "argued": "contended", "return": "go back",
    "agreed": "concurred", "measures": "steps", "crisis": "disaster", "young": "younger", "today": "nowadays",
    "voted": "balloted", "pressure": "drive", "lawyers": "attorneys", "spent": "expended",
    "conservatives": "right-wingers", "agenda": "schedule", "hard": "tough", "similar": "identical",
    "included": "integrated", "denied": "rejected", "short": "temporary", "aide": "assistant",
    "publicly": "overtly", "published": "revealed", "charged": "accused", "document": "report", "beyond": "past",
    "judge": "pass judgement", "unemployment": "joblessness", "course": "direction", "events": "occasions",
    "views": "perspectives", "nations": "states", "moment": "second", "became": "changed into", "share": "proportion",
    "serve": "function", "vowed": "pledged", "happened": "took place", "southern": "southerly", "joint": "shared",
    "agency": "company",
}
HEADLINE_PREFIXES = ["BREAKING: ", "WATCH: ", "Report: ", "", "", "Update: "]
_WORD = re.compile(r"(\W+)")


def load(name: str) -> list[dict]:
    """The rows of one corpus file that have text."""
    path = CORPORA / name
    if not path.exists():
        print(f"skipping {name}: not found at {path}", file=sys.stderr)
        return []
    return [r for r in map(json.loads, path.open(encoding="utf-8")) if (r.get("text") or "").strip()]


def substitute(text: str, rng: random.Random, rate: float = SUB_RATE, table: dict = SYNONYMS) -> str:
    """Swap `rate` of all words for synonyms (where the table has one), or every one when rate is 1."""
    toks = _WORD.split(text)
    slots = [k for k, t in enumerate(toks) if t in table]     # lowercase only: leave names alone
    n_words = sum(1 for t in toks if t and t[0].isalnum())
    for k in (slots if rate >= 1 else rng.sample(slots, min(len(slots), round(rate * n_words)))):
        toks[k] = table[toks[k]]
    return "".join(toks)


def content_words(text: str) -> list[str]:
    """Lowercase words that are no stopwords: what a spinner may swap."""
    return [w for w in re.findall(r"(?<![A-Za-z'’])[a-z][a-z'’\-]*", text) if w not in STOPWORDS]


def swapped_share(orig: str, spun: str) -> float:
    """Share of the original's content words that the spun text no longer has (counted as a multiset)."""
    before, after = Counter(content_words(orig)), Counter(content_words(spun))
    total = sum(before.values())
    return sum((before - after).values()) / total if total else 0.0


def new_headline(title: str, rng: random.Random) -> str:
    """A reworded headline: synonyms, a swapped clause order or an aggregator prefix."""
    t = substitute(title, random.Random(rng.random())) if title else title
    for sep in (": ", " - ", ", "):
        if sep in t and rng.random() < 0.5:
            a, b = t.split(sep, 1)
            t = f"{b[:1].upper()}{b[1:]}{sep}{a}"
            break
    t = rng.choice(HEADLINE_PREFIXES) + t
    return t if t != title else t + " (Updated)"


def paragraphs(text: str) -> list[str]:
    return [p for p in re.split(r"\n\s*\n|\n", text) if p.strip()]


def later(orig: dict, rng: random.Random) -> str | None:
    t, _ = parse_time(orig.get("published"))
    return (t + timedelta(hours=rng.uniform(1, 48))).isoformat() if t is not None else None


def credit_name(outlet: str) -> str:
    """How a rewriter names the outlet it credits: "Fox News", not "Fox News (Online News)"."""
    return re.sub(r"\s*\([^)]*\)$", "", canonical_outlet(outlet))


def near_copy(orig: dict, rng: random.Random) -> tuple[str, str]:
    """An aggregator's copy: paragraphs dropped or swapped, a few words changed, boilerplate, maybe a credit."""
    paras = paragraphs(orig["text"])
    for _ in range(rng.choice([0, 0, 1, 1, 2]) if len(paras) > 3 else 0):
        paras.pop(rng.randrange(1, len(paras)))            # keep the lead, like most aggregators
    if len(paras) > 3 and rng.random() < 0.25:
        i = rng.randrange(1, len(paras) - 1)
        paras[i], paras[i + 1] = paras[i + 1], paras[i]
    paras = [substitute(p, rng) for p in paras]
    if rng.random() < 0.25:                                   # a credit line naming the original outlet
        style = rng.choice(["dateline", "source", "appeared"])
        name = credit_name(orig["outlet"])
        if style == "dateline":
            paras[0] = f"({name}) — " + paras[0]
        elif style == "source":
            paras.append(f"Source: {name}")
        else:
            paras.append(f"This article originally appeared on {name}.")
    if rng.random() < 0.75:
        paras += rng.sample(BOILERPLATE, rng.randint(1, 4))
    return "\n\n".join(paras), new_headline(orig.get("title") or "", rng)


def partial_copy(orig: dict, rng: random.Random, filler: list[dict]) -> tuple[str, str] | None:
    """The first paragraphs of the original, then paragraphs of unrelated text."""
    paras = paragraphs(orig["text"])
    if len(paras) < 3:
        return None
    keep = paras[:max(2, len(paras) // 2)]
    other = paragraphs(rng.choice(filler)["text"])
    return "\n\n".join(keep + other[:rng.randint(1, 3)]), new_headline(orig.get("title") or "", rng)


def spun_copy(orig: dict, rng: random.Random) -> tuple[str, str] | None:
    """Every swappable word swapped, sentences in order: kept only if at least MIN_SPUN is swapped."""
    text = "\n\n".join(substitute(p, rng, 1.0, SPIN) for p in paragraphs(orig["text"]))
    if swapped_share(orig["text"], text) < MIN_SPUN:
        return None
    return text, substitute(orig.get("title") or "", rng, 1.0, SPIN)


def credited_rewrite(orig: dict, rng: random.Random) -> tuple[str, str] | None:
    """The lead and a paragraph or two in other words, the lead credited to the original outlet."""
    paras = [substitute(p, rng, 1.0, SPIN) for p in paragraphs(orig["text"])[:3]]
    if not paras:
        return None
    first = re.split(r"(?<=[.!?])\s+", paras[0], maxsplit=1)
    lead = first[0].rstrip(".!?") + f", {credit_name(orig['outlet'])} reported."
    paras[0] = lead + (" " + first[1] if len(first) > 1 else "")
    return "\n\n".join(paras), substitute(orig.get("title") or "", rng, 1.0, SPIN)


def make_derived(orig: dict, k: int, kind: str, rng: random.Random, filler: list[dict]) -> dict | None:
    """One synthetic derived article of the given kind, or None when the original cannot give one."""
    made = {"near-complete copy": lambda: near_copy(orig, rng), "partial copy": lambda: partial_copy(orig, rng, filler),
            "spun copy": lambda: spun_copy(orig, rng), "credited rewrite": lambda: credited_rewrite(orig, rng)}[kind]()
    if made is None:
        return None
    text, title = made
    outlet = rng.choice(REWRITERS if kind == "credited rewrite" else AGGREGATORS)
    return {"id": f"derived-{k}-{orig['id']}", "outlet": outlet, "title": title, "text": text,
            "published": later(orig, rng), "url": None, "gold_event": orig.get("gold_event"),
            "_source": orig["id"], "_source_outlet": orig["outlet"], "_kind": kind}


def synthetic() -> None:
    """Part 1: synthetic derived articles among the corpora's originals."""
    rng = random.Random(SEED)
    originals = [r for name in FILES for r in load(name)]
    filler = load(FILLER) or originals
    derived = []
    for k, a in enumerate(a for a in originals if rng.random() < REPRINT_SHARE):
        kind = rng.choices(list(KINDS), weights=list(KINDS.values()))[0]
        d = make_derived(a, k, kind, rng, filler) or make_derived(a, k, "near-complete copy", rng, filler)
        derived.append(d)
    truth = {d["id"]: d for d in derived}
    mix = originals + [{k: v for k, v in d.items() if not k.startswith("_")} for d in derived]
    rng.shuffle(mix)
    events: dict = {}
    for a in originals:
        events.setdefault(a.get("gold_event"), set()).add(a["outlet"])
    hard = sum(len(v) * (len(v) - 1) // 2 for v in events.values())
    by_id = {o["id"]: o for o in originals}
    spun = [swapped_share("\n\n".join(paragraphs(by_id[d["_source"]]["text"])[:3 if d["_kind"] == "credited rewrite"
                                                                            else None]), d["text"])
            for d in derived if d["_kind"] in ("spun copy", "credited rewrite")]

    t0 = time.perf_counter()
    found = {r.id: r for r in find_reprints(mix)}
    secs = time.perf_counter() - t0
    verdicts = {r.id: r for r in found.values()}
    own_credit = {i for i, r in found.items() if i not in truth and r.original_id not in truth
                  and any(e["type"] == "credit" for e in r.evidence)}
    print(f"1. synthetic derived articles among {', '.join(FILES)} (seed {SEED})")
    print(f"   {len(originals)} originals + {len(derived)} derived = {len(mix)} articles; same-event cross-outlet "
          f"pairs (hard negatives): {hard}; detection {secs:.2f} s")
    print(f"   spun copies and rewrites: {min(spun):.0%}-{max(spun):.0%} of content words swapped "
          f"(mean {sum(spun) / len(spun):.0%})")
    print(f"   {'kind':20s} {'made':>5s} {'found':>6s} {'recall':>7s} {'original named':>15s}")
    for kind in KINDS:
        ids = [i for i, d in truth.items() if d["_kind"] == kind]
        hit = [i for i in ids if i in found]
        named = [i for i in hit if _named(found[i], truth[i], verdicts)]
        print(f"   {kind:20s} {len(ids):5d} {len(hit):6d} {len(hit) / max(1, len(ids)):7.3f} "
              f"{len(named) / max(1, len(hit)):15.3f}")
    tp = [i for i in found if i in truth]
    fp_all = [i for i in found if i not in truth]
    fp = [i for i in fp_all if i not in own_credit]
    p_all = len(tp) / max(1, len(found))
    p = len(tp) / max(1, len(tp) + len(fp))
    r = len(tp) / max(1, len(truth))
    named = sum(_named(found[i], truth[i], verdicts) for i in tp)
    print(f"   all kinds: precision {p:.4f}, recall {r:.4f}, F1 {2 * p * r / max(p + r, 1e-9):.4f} "
          f"(tp {len(tp)}, fp {len(fp)}, fn {len(truth) - len(tp)}); original named {named}/{len(tp)} "
          f"({named / max(1, len(tp)):.4f})")
    print(f"   counting every verdict on a corpus article as false: precision {p_all:.4f}")
    print(f"   corpus articles derived by their own credit line ({len(own_credit)}, unlabelled; check by reading):")
    for i in sorted(own_credit):
        c = next(e for e in found[i].evidence if e["type"] == "credit")
        print(f"     {i} ({found[i].outlet}): {found[i].kind} of {found[i].original_outlet}: “{c['phrase'][:70]}”")
    if fp:
        print("   false positives:", [(i, found[i].summary()) for i in fp[:10]])
    missed = [i for i in truth if i not in found]
    if missed:
        print("   missed:", [(i, truth[i]["_kind"]) for i in missed[:10]])


def _named(verdict, made: dict, verdicts: dict) -> bool:
    """The verdict names the copy's source, or (when the source is itself derived) the source's own original."""
    if verdict.original_id == made["_source"]:
        return True
    src = verdicts.get(made["_source"])
    if src is not None:     # a copy of a wire copy or a credited rewrite belongs to that family
        return (verdict.original_id or None) == (src.original_id or None) and \
            canonical_outlet(verdict.original_outlet) == canonical_outlet(src.original_outlet)
    return verdict.original_id is None and canonical_outlet(verdict.original_outlet) == canonical_outlet(made["_source_outlet"])


def score_derived(arts: list[dict], gold: dict) -> dict:
    """find_reprints on real articles against gold derived_from labels (id -> {outlet, kind} or None): what was
    found, the derived ids, the true positives, those naming the right original outlet, and the time it took."""
    t0 = time.perf_counter()
    found = {r.id: r for r in find_reprints(arts)}
    secs = time.perf_counter() - t0
    derived = {i for i, g in gold.items() if g}
    tp = [i for i in found if i in derived]
    named = [i for i in tp if canonical_outlet(found[i].original_outlet) == canonical_outlet(gold[i]["outlet"])]
    return {"found": found, "derived": derived, "tp": tp, "named": named, "secs": secs}


def realworld() -> None:
    """Part 2: the real-world set, against its gold derived_from labels."""
    folder = SHARED / "data" / "realworld"
    if not folder.exists():
        print(f"2. real world: skipped, {folder} not found")
        return
    arts = [json.loads(x) for x in (folder / "articles.jsonl").read_text(encoding="utf-8").splitlines()]
    gold = {g["id"]: g["derived_from"] for g in map(json.loads, (folder / "gold.jsonl").open(encoding="utf-8"))}
    got = score_derived(arts, gold)
    found, derived, tp, named, secs = got["found"], got["derived"], got["tp"], got["named"], got["secs"]
    print(f"2. real world ({len(arts)} articles, {len(derived)} derived; detection {secs:.2f} s)")
    print(f"   derived articles: precision {len(tp) / max(1, len(found)):.3f}, recall {len(tp) / max(1, len(derived)):.3f} "
          f"({len(found)} flagged, {len(tp)} rightly); original outlet right for {len(named)}/{len(tp)} "
          f"({len(named) / max(1, len(tp)):.3f}); targets 0.95 / 0.9 / 0.9")
    kinds = Counter((gold[i]["kind"], found[i].kind) for i in tp)
    print("   gold kind -> verdict kind: " + "; ".join(f"{g} -> {k}: {n}" for (g, k), n in sorted(kinds.items())))
    print(f"   in the store: {sum(1 for i in tp if found[i].original_id)} name a stored original, "
          f"{sum(1 for i in tp if not found[i].original_id)} an outlet whose article is not in the set")
    for i in sorted(set(found) - derived):
        print(f"   false positive: {i}: {found[i].summary()}")
    for i in sorted(derived - set(found)):
        print(f"   missed: {i} ({gold[i]['kind']} of {gold[i]['outlet']})")
    for i in sorted(set(tp) - set(named)):
        print(f"   wrong outlet: {i}: {found[i].summary()}, gold {gold[i]['outlet']}")


def stream(size: int, repeat: int = 1) -> None:
    """Part 3: detection on bench/scale.py's stream of `size` articles, today's and the baseline's, in turns `repeat`
    times; the ratio of the medians is judged on CPU time (other work on shared cores inflates wall time, not CPU)."""
    from bench.scale import load_seed
    seed = load_seed(SHARED)
    arts, rep = [], 0
    while len(arts) < size:
        for r in seed[:size - len(arts)]:
            arts.append(dict(id=f"r{rep}-{r['id']}", outlet=r["outlet"], title=r["title"], text=r["text"],
                             published=(r["published"] - timedelta(days=120 * rep)).isoformat()))
        rep += 1
    baseline = _baseline()
    print(f"3. cost on bench/scale.py's stream of {len(arts):,} articles (same input, {repeat} round(s))")
    if baseline is None:
        print(f"   baseline: not available (git show {BASELINE_COMMIT}:core/reprints.py failed)")
        return
    cpu: dict[str, list[float]] = {}
    wall: dict[str, list[float]] = {}
    for _ in range(repeat):
        for name, fn in (("baseline " + BASELINE_COMMIT, baseline), ("today", find_reprints)):
            t0, c0 = time.perf_counter(), time.process_time()
            n = len(fn(arts))
            wall.setdefault(name, []).append(time.perf_counter() - t0)
            cpu.setdefault(name, []).append(time.process_time() - c0)
            print(f"   {name:20s} {wall[name][-1]:8.1f} s wall, {cpu[name][-1]:8.1f} s CPU, {n} derived articles")
    (b_cpu, t_cpu), (b_wall, t_wall) = (list(map(statistics.median, d.values())) for d in (cpu, wall))
    rounds = [t / b for b, t in zip(*cpu.values())]
    print(f"   today / baseline: {t_cpu / b_cpu:.2f}x CPU (median; per round {min(rounds):.2f}x-{max(rounds):.2f}x), "
          f"{t_wall / b_wall:.2f}x wall (target at most 1.5x)")


def _baseline():
    """find_reprints as it was at BASELINE_COMMIT, loaded from git history."""
    try:
        src = subprocess.run(["git", "-C", str(ROOT), "show", f"{BASELINE_COMMIT}:core/reprints.py"],
                             capture_output=True, text=True, check=True).stdout
    except (OSError, subprocess.CalledProcessError):
        return None
    path = Path(tempfile.mkdtemp(prefix="framelens-baseline-")) / "reprints_baseline.py"
    path.write_text(src, encoding="utf-8")
    spec = importlib.util.spec_from_file_location("reprints_baseline", path)
    module = importlib.util.module_from_spec(spec)
    sys.modules["reprints_baseline"] = module
    spec.loader.exec_module(module)
    return module.find_reprints


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--stream", type=int, default=100_000, help="articles in the speed comparison; 0 skips it")
    ap.add_argument("--repeat", type=int, default=1, help="rounds of the speed comparison (baseline and today in turns)")
    a = ap.parse_args()
    synthetic()
    realworld()
    if a.stream:
        stream(a.stream, a.repeat)


if __name__ == "__main__":
    main()
