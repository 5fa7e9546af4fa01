"""What every number the dashboard shows means: what is counted, from what, its known errors and the
evidence for it. One source for the `help=` tooltips on the pages and for the Methods page, so the two
never disagree. Text here is framelens's own (markdown), never anything from a feed."""
from __future__ import annotations

from dataclasses import dataclass

from core.config import Settings

REPO = "https://github.com/framelens/framelens"
FIGURES = f"{REPO}#figures-measured-on-this-machine-2-cores"
MONROE = "https://doi.org/10.1093/pan/mpn018"
MIRANDA = "https://aclanthology.org/D18-1483/"
POLNEAR = "https://github.com/networkdynamics/PolNeAR"
TOL = "https://personal.sron.nl/~pault/"


@dataclass(frozen=True)
class Metric:
    """One figure: its name on the pages, what it counts, from what, how it goes wrong, what backs it."""

    name: str
    what: str
    source: str
    errors: str
    evidence: str
    section: str

    def help(self) -> str:
        """The tooltip: all four parts, short enough to read in place."""
        return (f"**{self.name}**: {self.what}  \n**From:** {self.source}  \n**Known errors:** {self.errors}  \n"
                f"**Evidence:** {self.evidence}  \nMore on the Methods page.")


_M = [
    # -- events and breadth
    Metric("event", "One happening (a call between two ministers on one day), not a topic: the articles that report it.",
           "Article titles, leads, text and named entities, compared by TF-IDF similarity within a 4-day window; "
           "years named in undated texts keep happenings years apart apart.",
           "Two similar happenings close in time can merge; a long story can split into several events. "
           "Undated articles are placed by when framelens first saw them.",
           f"Clustering F1 on four labelled corpora: `bench/cluster_eval.py`, figures in the [README]({FIGURES}); "
           f"method after [Miranda et al. 2018]({MIRANDA}).", "Events"),
    Metric("outlets reporting", "How many different outlets reported the event: a family of derived articles counts "
           "once, under its original's outlet (a Reuters story carried by three sites counts as Reuters), and an "
           "outlet counts once however its name is spelled.",
           "The event's original articles, and for each derived one the outlet its credit line or shared text "
           "names as the original; spellings merged by framelens's list of outlets or on the Outlets page.",
           "A copy the detector misses counts as one more outlet; a spelling framelens does not know counts apart "
           "until it is merged on the Outlets page.",
           f"Derived-article detection: `bench/reprints_eval.py` ([README]({FIGURES})).", "Events"),
    Metric("articles", "All articles in the event, reprints included.", "The store's articles with this event.",
           "Inherits the clustering's errors (an article in the wrong event).", "See *event*.", "Events"),
    Metric("reprints", "Articles derived from another outlet's story: verbatim, partial or spun copies, credited "
           "rewrites (\"…, TASS reported\" in the lead) and wire copies under a site's own brand (\"(Reuters) -\"); "
           "each names its original, or the outlet when the original is not in the store, with its evidence. A "
           "wire's dateline makes a wire copy unless the page shows the writing is its own (its own dateline too, "
           "or the wire reported on in the third person): then it is a credited rewrite.",
           "Shared text between the event's articles (word shingles outside quotes, sentences aligned in order for "
           "spun copies) and credit lines (datelines, bylines, sign-offs, \"Source:\", credits in the lead).",
           "Uncredited paraphrase of a story that is not in the store is missed; a lead crediting another outlet's "
           "scoop makes a credited rewrite even when the piece adds reporting of its own.",
           f"Precision and recall on real-world and synthetic copies: `bench/reprints_eval.py` "
           f"([README]({FIGURES})).", "Events"),
    Metric("placed by", "Who put an article in this event: the clustering, or a user's correction (merge, move, "
           "move out; the Event page's *Corrections* tab lists them with their reasons and can undo them).",
           "The store's log of corrections; a corrected article keeps its place through later analyses.",
           "A correction is a person's judgement and is shown as such; it is not checked against the text.",
           "`tests/test_corrections.py`.", "Events"),
    Metric("check", "What to check about an event before quoting its figures: *feed summaries only* when half or "
           "more of its articles are a feed's sentence or two (their pages were not read), so the event may join "
           "different stories on one subject (no first report is named and no lag measured in it); *reports span N days* when its dated reports lie further apart than "
           "one happening's coverage (30 days). Empty when neither holds.",
           "Each article's text status (page read, or feed summary only) and the event's first and last dated "
           "report.",
           "An event with neither note can still join two happenings; one with a note may be one happening. "
           "Read its headlines on the Event page, and move articles out under *Corrections*.",
           f"Dense-stream precision in `bench/cluster_eval.py` ([README]({FIGURES})).", "Events"),
    Metric("first report", "The earliest publication time (UTC) among the event's articles, as precise as it is "
           "known: a time, a day marked (date only), or 'by … (no date; first seen)' when the earliest report gave "
           "no date and is known only from when framelens first saw it; 'no date' when none has one; 'none named "
           "(feed summaries)' for an event built mostly from feed summaries, whose earliest item may be another "
           "story's.",
           "Each article's date: from the feed, the page (its metadata or the day its text prints at its top), an "
           "import, or when framelens first saw it.",
           "A date-only day is the outlet's own, which may begin 13 hours before that day in UTC; a wrong feed "
           "date moves it.",
           "Each article's date source is on the Event page's *Data quality* tab.", "Events"),
    Metric("groups that did not report it", "Outlet groups (e.g. *wire*, *state media*, *right*) none of whose "
           "outlets reported the event originally: its blind spots.",
           "The outlet groups in the catalog or set on the Outlets page, and the event's original articles.",
           "Only outlets framelens collects count: a group looks blind when its outlets' feeds failed or are not "
           "in the catalog. Outlets without groups count for no group.",
           "Groups are labels users set; check them on the Outlets page.", "Events"),
    Metric("topics", "Subjects an event is about, from an editable taxonomy (`core/data/topics.toml`).",
           "Keywords and names in titles and the first reports' openings (two distinct terms at least; a region, "
           "Russia, China or the Russia–Ukraine war only when the title or first sentence of half the reports names "
           "it; a war or Taiwan event keeps that topic, not also Russia or China; a state agency's home dateline, "
           "BEIJING for Xinhua or MOSCOW for TASS, counts for nothing); a feed's category counts as one more term, "
           "never as the only one (one outlet's desk label is no evidence of what the event is).",
           "Keyword matching: a topic whose words a headline uses in a reaction can still be tagged (an attack a "
           "president condemns by name, China \"gravely concerned\" over Gaza); many events get fewer topics than "
           "they are about, short reports most of all.",
           "On 276 real news events labelled by hand, 96% of the tags were right and 58% of the topics they are "
           "about were tagged (`bench/labels/topics_pages.py`, tuned on them; 92% / 56% before); on 50 more "
           "labelled afterwards and not tuned on, 87% / 80%; on 43 fresh pages held out for Russia and China, "
           "82% / 56% (Russia 10 of 11 tags right, China 7 of 8), 88% / 58% once studied; "
           "`tests/test_topics.py`; the taxonomy is a file to read and edit.", "Events"),
    # -- comparison of one event
    Metric("lag", "Hours between an outlet's first article on the event and the event's earliest exact time; "
           "measured between exact times only (a report with only a date gets whole days, no hours).",
           "Publication times of the event's original articles; a story other sites carried counts as its "
           "original outlet's, at the first copy's time.",
           "Only as precise as the times behind it: a date-only report cannot be placed within its day, and its day "
           "is the outlet's own (a time zone feeds rarely state), so it may have begun up to 13 hours before that "
           "day's UTC midnight or ended 11 hours after; no outlet is named first while another report may have come "
           "before it; a time taken "
           "from when framelens first saw the item measures framelens's fetch schedule, not the outlet.",
           "Each article's date source and precision are shown beside it.", "Comparison"),
    Metric("distinctive words", "Words one outlet uses more than the other outlets covering the same event; "
           "z is the weighted log-odds ratio divided by its standard deviation.",
           "Word counts of the event's original articles, with the whole event as the prior.",
           "Only words with z of at least 1.96 are shown, counted in text without page furniture; small events "
           "give small counts, so few words pass. Names can rank high.",
           f"[Monroe, Colaresi & Quinn 2008]({MONROE}); each word links back to its sentences.", "Comparison"),
    Metric("contested terms", "Which marked word of a contested family an outlet uses in its own voice (invasion / "
           "special military operation, regime, terrorist …) and how often; words it quotes or attributes are "
           "listed apart under their speaker, and words shortly after a reporting word that no rule places inside "
           "or outside the report ('announced plans to build a wall') apart again, as unclear.",
           "Phrase matches of the lexicon `core/data/contested_terms.toml` in titles and texts, in the contested "
           "sense only (names such as People's Liberation Army masked, per-term context rules), and whose voice "
           "each match is in (quotation marks, 'X said', 'according to X', 'X called it …', 'X: …' headlines, "
           "transcript turns).",
           "A speech reported without quotation marks or a reporting verb the rules do not know can read as the "
           "outlet's own words, and a quotation that runs over paragraphs without closing as the outlet's; a family "
           "missing from the lexicon is not seen. English only.",
           f"Precision and recall against hand-labelled samples: `bench/framing_eval.py` ([README]({FIGURES})); "
           "every match links to its sentence.", "Comparison"),
    Metric("omissions", "Facts (a name or a number) at least two and most other independent outlets report "
           "that this outlet leaves out.",
           "Sentences aligned across the event's original articles by lexical similarity; a fact is listed only "
           "when each outlet counted as reporting it has a sentence in near-identical words (TF-IDF cosine ≥ "
           f"{Settings().omission_support:g}), "
           "so the reader need not trust a paraphrase match; copies of one story, narration copied word for "
           "word, a report relayed from another outlet (\"The New York Times reported …\") and a story retold "
           "sentence by sentence in the same order (an uncredited rewrite) count once; a "
           "fact is not listed when the outlet states part of it in one or two of its sentences or its headline, "
           "nor when the outlet's text holds every name and number of it that the reporting outlets share (the "
           "claim names one it never mentions, so a search of its text checks it).",
           "Read each as a lead to check, not a finding: on a held-out sample of 44 claims labelled by hand, 26 "
           "held (0.59) before the never-mentions rule; on all 194 labelled claims, the 23 today's rules keep hold 20 "
           "times (0.87), a tuned figure; fresh whole-text checks make too few claims to judge: 3 on 104 pages, 1 "
           "held, the 2 others wrong for support that was not independent (since discounted). Most failures are facts the outlet states in quite other words, which "
           "still read as left out; facts the others tell in "
           "different words are not listed at all; nothing is listed for an outlet whose text stops short (a "
           "summary, a snippet, a page cut mid-sentence).",
           f"Precision on hand-labelled claims: `bench/framing_eval.py` ([README]({FIGURES})); each omission names "
           "the outlets that report it, with their sentences.", "Comparison"),
    # -- named sources
    Metric("quotes", "Direct quotes and reported speech attributed to a speaker.",
           "A spaCy parse of sentences with quotation marks or speech verbs; speakers resolved to a full name "
           "within the article and made canonical across articles.",
           "Pronouns left unresolved are counted apart; an organisation and its spokesperson can count as two. "
           "English only.", f"Quote and speaker accuracy on [PolNeAR]({POLNEAR}): `bench/quotes_eval.py` "
           f"([README]({FIGURES})).", "Sources"),
    Metric("quoted words", "Words inside the quotes given to a speaker.", "The quotes above.",
           "Indirect speech counts its reported words, which are the outlet's, not the speaker's.",
           "See *quotes*.", "Sources"),
    Metric("anonymous share", "Share of an outlet's attributions whose speaker is anonymous (\"a source familiar "
           "with …\", \"officials said\").", "The speaker type of each quote.",
           "Unnamed groups (\"officials\") count as anonymous; a name the parser missed can too.",
           "See *quotes*.", "Sources"),
    Metric("official share", "Share of an outlet's attributions to officials: a speaker with an official role "
           "(minister, spokesperson, senator …) or an official body.",
           "Roles from titles and appositions (\"Defense Minister Dong Jun\") matched against a word list.",
           "A role the article does not state is not seen; the word list is short.", "`core/sources.py`.",
           "Sources"),
    Metric("quoted by one outlet only", "Named speakers whom exactly one outlet quotes within an event.",
           "The event's quotes by person or organisation.",
           "Spelling variants the canonicaliser missed look like different speakers.", "See *quotes*.", "Sources"),
    # -- timing
    Metric("first to report", "Events an outlet reported before every other outlet beyond doubt; 'tied first' "
           "counts the events it may have been first on (a date-only report is a day in the outlet's own time zone: "
           "one whose day may have begun before the first exact time makes a tie; a report dated only by when "
           "framelens first saw it may be older, so it ties with every report that appeared after it was seen).",
           "Each outlet's first original article per event covered by two or more outlets.",
           "See *lag*: a wrong feed date makes a false first.", "See *lag*.", "Timing"),
    Metric("median lag", "The middle of an outlet's lags (hours) over the events it covered with others; p90: nine "
           "in ten lags are shorter.", "See *lag*.", "See *lag*.", "See *lag*.", "Timing"),
    # -- articles
    Metric("date source", "Where an article's date came from: feed, page, import, file, or first-seen (no date "
           "found: when framelens first saw it).", "The feed item, the page's metadata, or the imported row.",
           "A first-seen date can be days or years after publication: timing never ranks by it or gives it a lag.",
           "Shown on every article.", "Articles"),
    Metric("date precision", "How much of a publication time is known: exact (to the minute), date (the day: shown "
           "without an hour, never compared as a time), year, or none.",
           "The feed, the page or the imported value, as parsed; a free-text date names its own precision; "
           "a time of exactly 00:00:00 where it was written is a date (how sites write a day without an hour).",
           "A date-only value is stored at 00:00 UTC: sorted among exact times it looks earliest.",
           "`tests/test_dates.py`.", "Articles"),
    Metric("language", "The article's language as an ISO 639-1 code (en, ru, zh…). Quotes, contested terms and "
           "tone are read in English articles only (Named sources says how many articles in view that leaves out).",
           "Detected from the title and the start of the text (English function words; py3langid for other "
           "languages and scripts); when that cannot tell, the language the feed, page or corpus gave.",
           "Text too short or too mixed to tell stays undetermined and counts as English.",
           "`tests/test_language.py`.", "Articles"),
    Metric("date flag", "Why a date was not trusted: missing, in the future, or implausibly old.",
           "Checks on each date as it arrives.", "A wrong date that looks plausible is not flagged.",
           "`tests/test_feeds.py`.", "Articles"),
    Metric("text status", "ok (full text extracted), summary-only (the page could not be had: the feed summary is "
           "kept), failed or empty.", "The page fetch and text extraction.",
           "Extraction can keep boilerplate or drop a paragraph.",
           f"Token F1 on 181 real pages: `bench/extract_eval.py` ([README]({FIGURES})).", "Articles"),
    Metric("search", "Articles whose title, summary or text contain every word and \"phrase\" typed, and none "
           "marked -excluded (full-text search; case-insensitive, accents count).",
           "A full-text index kept with every article stored.",
           "Whole words only: *sanction* does not find *sanctions*. Only the first 100,000 characters of an "
           "article are indexed on PostgreSQL.", "`tests/test_search.py`.", "Articles"),
    Metric("colours", "Each of the nine busiest outlets keeps one colour on every chart; the other series of a "
           "chart take the colours left, and grey once they run out.",
           f"Paul Tol's colour-blind-safe *muted* scheme ([Tol]({TOL})).",
           "Nine colours is the most a colour-blind-safe scheme offers: charts draw at most nine series and sum "
           "the rest as grey *other*.", "`tests/test_charts.py`.", "Articles"),
]
METRICS: dict[str, Metric] = {m.name: m for m in _M}
SECTIONS = ["Events", "Comparison", "Sources", "Timing", "Articles"]


def help_for(name: str) -> str:
    """The tooltip for a metric by its name on the pages (KeyError for an unknown one: a typo fails loudly)."""
    return METRICS[name].help()
