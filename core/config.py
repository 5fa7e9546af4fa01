"""Every setting in one place, each with its default and the reason it exists."""
from __future__ import annotations

import os
from dataclasses import dataclass, field, fields
from pathlib import Path

from platformdirs import user_data_dir

VERSION = "0.1.0"
USER_AGENT = f"framelens/{VERSION} (news framing research; +https://github.com/framelens/framelens)"


def _setting(default, help: str):
    """Declare a setting with its default and help text (read by the CLI and the README)."""
    return field(default=default, metadata={"help": help})


@dataclass
class Settings:
    """Tunables for fetching, extraction and storage."""

    db: str = _setting("", "Database: a file path (SQLite) or URL (sqlite:///…, postgresql://…). "
                           "Empty means FRAMELENS_DB or a file in the user's data directory.")
    outlets: str = _setting("", "Outlet catalog TOML; empty means FRAMELENS_OUTLETS or the packaged catalog.")
    concurrency: int = _setting(32, "Requests in flight at once across all hosts.")
    per_host: int = _setting(4, "Requests in flight at once to one host, to stay polite.")
    timeout: float = _setting(10.0, "Seconds before a request (connect or read) is given up.")
    max_bytes: int = _setting(5_000_000, "Largest response body kept; larger ones fail as too-large.")
    retries: int = _setting(2, "Extra tries after a timeout, connection error or 5xx.")
    backoff: float = _setting(0.5, "Seconds before the first retry; doubles each time.")
    fetch_pages: bool = _setting(True, "Fetch each new article's page and extract its text.")
    extract_workers: int = _setting(0, "Processes for text extraction; 0 means one per core.")
    future_skew_minutes: int = _setting(15, "How far in the future a date may be before it is flagged.")
    oldest_year: int = _setting(1995, "Dates before this year are flagged as implausible.")
    backoff_after: int = _setting(3, "Failures in a row after which a feed is fetched less often.")
    backoff_base_minutes: float = _setting(15.0, "Wait after `backoff_after` failures; doubles with each further failure.")
    backoff_max_hours: float = _setting(24.0, "Longest wait between tries of a failing feed.")
    allow_private: bool = _setting(False, "Allow feed/page URLs on private or loopback addresses.")
    rewarm_seconds: float = _setting(60.0, "How often the dashboard server checks the store for new data; when it "
                                           "has changed, every page's first view is recomputed in the background. "
                                           "0 turns the checks off (the first view is still computed at start).")

    # -- hostile input: field caps, per-run host memory, analysis size caps ---------------------------
    max_title_chars: int = _setting(1_000, "Longest title stored; a feed's longer title is cut (and the cut noted), "
                                           "an imported one refuses its row.")
    max_text_chars: int = _setting(2_000_000, "Longest article text or summary stored; a feed's is cut (and the cut "
                                              "noted), an imported one refuses its row.")
    max_field_chars: int = _setting(2_000, "Longest short field stored (author, GUID, category, link, feed note).")
    events_max_chars: int = _setting(20_000, "Characters of an article's text that event clustering reads.")
    quotes_max_chars: int = _setting(100_000, "Characters of an article's text searched for quotes; a longer text "
                                              "is cut and the cut noted on the article.")
    reprints_max_chars: int = _setting(100_000, "Characters of an article's text compared when looking for reprints.")
    framing_max_chars: int = _setting(100_000, "Characters of each article's text the Event page's comparison reads.")
    view_oldest_year: int = _setting(1900, "Charts and the date filter span from this year to today: an article "
                                           "dated outside (year 1, 9999) would stretch every axis; it stays in "
                                           "the tables, and the sidebar says how many there are.")

    # -- events: clustering, dates, languages, topics, corrections -----------------------------------
    # Event clustering has its own settings object, ClusterConfig, declared below Settings.

    # -- syndication: reprints, credits, outlet aliases ---------------------------------------------
    reprint_evidence_lines: int = _setting(8, "Boilerplate lines a reprint verdict shows as evidence (each once, at most "
                                              "this many, the rest counted): a page repeating 'Advertisement' 40 "
                                              "times is one line of evidence.")

    # -- named sources: quotes and speakers ----------------------------------------------------------
    quote_workers: int = _setting(0, "Processes extracting quotes in the command line's batch commands (ingest, import, "
                                     "analyse, quotes, compare): 0 = one per CPU core, at most 4; 1 = in this "
                                     "process. Each loads its own parser (a few hundred MB). The dashboard "
                                     "always extracts in its own process. Env: FRAMELENS_QUOTE_WORKERS.")
    quote_workers_min_articles: int = _setting(48, "Fewer articles than this are extracted in-process: starting the "
                                                   "workers (each loads the parser) costs more than it saves.")
    quote_batch_size: int = _setting(256, "Frame sentences per spaCy nlp.pipe batch when extracting quotes; short docs batch well.")
    quote_min_standin_words: int = _setting(5, "Quotes of this many words or more are swapped for a short stand-in clause before "
                                               "parsing; shorter ones (scare quotes, titles) stay in the parse.")
    quote_max_parse_chars: int = _setting(600, "Longer frame sentences are cut before parsing: parse cost grows with length.")
    quote_max_unbalanced_chars: int = _setting(1500, "An unclosed quotation mark runs at most this far (or to the paragraph's end).")
    quote_max_paragraphs: int = _setting(6, "A quote left open at a paragraph's end runs on through at most this many "
                                         "paragraphs without a mark, when a later paragraph closes it first.")
    quote_min_closing_words: int = _setting(6, "…and that closing paragraph holds at least this many words before the "
                                            "mark (a short 'Bill Clinton.\"' line is an attribution, not the quote).")
    quote_min_chars: int = _setting(3, "Shorter quoted text (\"\", \"a\") is not a quote.")
    quote_keep_unattributed: bool = _setting(True, "Keep long direct quotes whose speaker is not found (type unknown).")
    quote_min_unattributed_words: int = _setting(6, "... but only when they have this many words (speech, not a title).")
    quote_pronoun_window: int = _setting(3000, "Characters back to look for a pronoun's antecedent.")
    quote_name_window: int = _setting(20_000, "Characters either side to look for a surname's full name: the whole of any "
                                              "real article, and linear time on huge ones.")

    # -- framing: contested terms, omissions, timing, distinctive words -------------------------------
    omission_align: float = _setting(0.35, "TF-IDF cosine from which two outlets' sentences are taken to tell one fact "
                                           "(alignment; also what 'only this outlet reports' rests on).")
    omission_support: float = _setting(0.6, "An omission is shown only when each outlet counted as reporting the fact has "
                                            "a sentence this close to it (TF-IDF cosine): near-identical wording, so a "
                                            "reader checks it without trusting a paraphrase match (on the labelled "
                                            "claims, support between 0.5 and 0.6 was a paraphrase the outlet had told "
                                            "in its own words 5 times in 6).")
    omission_copy: float = _setting(0.9, "Narration (not a quotation) this close in two outlets is one text copied or "
                                         "taken from one wire: it counts as one outlet's report.")
    omission_min_support: int = _setting(2, "Independent outlets besides the omitting one that must report a fact.")
    voice_unclear_reach: int = _setting(150, "A contested term outside every reporting frame the rules found, but this many "
                                             "characters or fewer after a reporting word of its sentence ('announced plans "
                                             "to build a wall', 'urged Congress to …', 'called on X to …'), or before a report "
                                             "closing the sentence that no frame accounts for ('…, reported AP.'), is "
                                             "shown as unclear: neither the outlet's own word nor a named speaker's "
                                             "(0 turns both off).")

    # -- dashboard: exports, search, charts -------------------------------------------------------------
    export_browser: bool = _setting(True, "Start the headless Chromium that draws plotly charts as PNG/SVG when the "
                                          "dashboard server starts, and keep it open (an export then takes under a "
                                          "second instead of 5-9 s). FRAMELENS_EXPORT_BROWSER=0 starts it on the "
                                          "first export instead; without Chromium, charts export as HTML.")

    @classmethod
    def from_env(cls, **overrides) -> "Settings":
        """Settings from defaults, FRAMELENS_* variables, then explicit overrides (None is ignored)."""
        s = cls()
        env_db = os.environ.get("FRAMELENS_DB")
        if env_db:
            s.db = env_db
        s.outlets = os.environ.get("FRAMELENS_OUTLETS", "")
        if os.environ.get("FRAMELENS_ALLOW_PRIVATE", "").lower() in ("1", "true", "yes"):
            s.allow_private = True
        if os.environ.get("FRAMELENS_EXPORT_BROWSER", "").lower() in ("0", "false", "no"):
            s.export_browser = False
        workers = os.environ.get("FRAMELENS_QUOTE_WORKERS")
        if workers:
            try:
                s.quote_workers = int(workers)
            except ValueError:
                raise ValueError(f"FRAMELENS_QUOTE_WORKERS must be a whole number of processes, not {workers!r}") from None
        rewarm = os.environ.get("FRAMELENS_REWARM_SECONDS")
        if rewarm:
            try:
                s.rewarm_seconds = float(rewarm)
            except ValueError:
                raise ValueError(f"FRAMELENS_REWARM_SECONDS must be a number of seconds, not {rewarm!r}") from None
        for k, v in overrides.items():
            if v is not None:
                setattr(s, k, v)
        return s

    @staticmethod
    def help() -> dict[str, tuple[object, str]]:
        """Each setting's default and help text."""
        return {f.name: (f.default, f.metadata["help"]) for f in fields(Settings)}


# -- events: clustering (core.cluster) -------------------------------------------------------------

@dataclass
class ClusterConfig:
    """Every tunable of event clustering, one configuration for all corpora."""

    threshold: float = _setting(0.07, "Least similarity to an event's centroid for an article to join it; "
                                      "below it the article opens a new event.")
    merge_threshold: float = _setting(0.10, "Least event-to-event similarity (same linkage) for two events to merge.")
    w_title: float = _setting(0.25, "Weight of the title sub-vector's cosine in the combined similarity.")
    w_lead: float = _setting(0.20, "Weight of the lead (first words of the text) sub-vector.")
    w_body: float = _setting(0.30, "Weight of the full-text (title + text) sub-vector.")
    w_ent: float = _setting(0.25, "Weight of the named-entity (capitalised phrase) sub-vector.")
    linkage: str = _setting("average", "How an article is compared with an event: 'average' (mean similarity "
                                       "to its members, not inflated by event size) or 'centroid' (cosine).")
    max_terms: int = _setting(30, "Highest-weighted terms kept per sub-vector: bounds work per article and "
                                  "drops the weak tail that only adds noise.")
    lead_words: int = _setting(60, "Content words of the text that make up the lead.")
    max_chars: int = _setting(3000, "Characters of the text read for terms and entities: news puts the event "
                                    "first, and the tail of long articles costs time and adds background noise.")
    window_days: float = _setting(4.0, "An event is a candidate only while the article is at most this many "
                                       "days from the event's first..last publication span; "
                                       "bounds the work and keeps similar happenings weeks apart apart.")
    decay_days: float = _setting(2.0, "Similarity is multiplied by exp(-gap/decay_days) for a gap in days "
                                      "between the article and the event's span (0 disables the decay).")
    min_df_ratio_index: float = _setting(0.5, "Terms in more than this share of documents are not indexed: "
                                              "they add little similarity and long posting lists.")
    compact_every: int = _setting(100, "Articles between drops of events that left the time window.")
    merge_leaving: bool = _setting(True, "An event of several articles that changed since the last merge pass is "
                                         "checked for merging with the events whose span overlaps its own, and for "
                                         "a split, before it leaves the time window (once unindexed no pass can find "
                                         "it, and merge passes come only every merge_every articles): fragments of "
                                         "one happening that the order of arrival kept apart. Events days apart are "
                                         "left alone: with the same actors they are more often the next happening.")
    merge_near_days: float = _setting(0.25, "Days apart within which an event leaving the window (merge_leaving) is "
                                            "also compared with events whose span does not overlap its own, and may "
                                            "merge with one on their closest members (top_k, time-decayed) as with an "
                                            "overlapping one, when one of the two has merge_near_min_articles: coverage "
                                            "of one broad happening runs over the hours of a day, and the order of "
                                            "arrival can leave its angles (the attack, the president's address, a "
                                            "condolence) in fragments hours apart. 0.5 gave the same dev figures for "
                                            "twice the CPU of the check's addition on the 100k stream.")
    merge_near_min_articles: int = _setting(6, "Least articles one of two events that do not overlap in time needs before "
                                               "merge_near_days lets them merge: broad coverage is what scatters one "
                                               "happening over hours; two small events hours apart were more often the same "
                                               "actors' next story (with 4, AllSides dev 0.930 -> 0.928; with 8, realworld's "
                                               "same-day test -0.023 against +0.022 with 6).")
    merge_every: int = _setting(1000, "Articles between online merge passes over recently changed events.")
    label_terms: int = _setting(6, "Key terms shown per event.")
    split_min_articles: int = _setting(6, "Events with at least this many articles are checked at merge time for "
                                          "being two similar happenings glued together (0 disables splitting).")
    split_min_side: int = _setting(2, "Least articles on each side of a split: one stray article is no second event.")
    split_silhouette: float = _setting(0.5, "Least mean silhouette of a two-way split, on the full similarity or on "
                                            "the named-entity part alone, for it to be accepted (0.5 is Kaufman and "
                                            "Rousseeuw's 'reasonable structure'; genuine single events stay below).")
    split_growth: float = _setting(1.5, "An event is checked again only once it has grown by this factor since its "
                                        "last check, so the work stays amortised.")
    split_max_articles: int = _setting(400, "Events larger than this are not checked (bounds the quadratic work).")
    split_days: float = _setting(1.0, "A split is refused when most dated articles of one part were published within this "
                                      "many days of the other part's span and the parts name the same things "
                                      "(split_shared_entities): that is one happening told from two sides, not two "
                                      "happenings (-1 disables the check).")
    split_shared_entities: float = _setting(0.1, "Cosine between the two parts' entity centroids from which concurrent "
                                                 "parts count as naming the same things (see split_days).")
    split_who_share: float = _setting(0.85, "Concurrent parts are split after all when each has an actor named by at least "
                                            "this share of its articles and by at most a tenth of the other part's (two "
                                            "casts: who met whom; core.cluster.actors). Needs detail_who > 0.")
    year_tolerance: int = _setting(2, "Years by which an article's publication year (from its date, or the year a "
                                      "free-text date names) may differ from an event's, and by which the latest "
                                      "year an undated article mentions may lie after it, before the two are kept "
                                      "apart as different happenings; -1 ignores years. Only consulted when one "
                                      "side is undated (the time window rules otherwise); 2, not 1, because "
                                      "follow-up coverage a year or two on and next-year mentions are common.")

    top_k: int = _setting(2, "An article is compared with an event of more than top_k articles by the larger of its mean "
                             "similarity to all members and its mean similarity to the top_k members it is most like: "
                             "coverage of one happening told from different sides (who blew up the dam) is broad, "
                             "and a newcomer close to one side of it belongs to it. Only where the event is dated (its "
                             "coverage is concurrent; undated look-alikes are not): a dated newcomer, or an undated "
                             "one with undated_wide (0 disables).")
    copy_similarity: float = _setting(0.4, "An article this similar to one member of an event (a copy or a light rewrite "
                                           "of it) may join the event on that member alone, dated or not (1 disables).")
    member_candidates: int = _setting(2, "Events (the most similar ones) an article is compared with member by member.")
    member_limit: int = _setting(30, "Most recent members of an event that stand for it in member-by-member comparisons: "
                                     "bounds the work for the largest events.")
    top_k_floor: float = _setting(0.5, "Share of the join threshold an article's mean similarity to an event must reach "
                                       "before its members are compared one by one (bounds the work).")
    cohesion: float = _setting(0.42, "An article joins an event only if its similarity reaches this share of the "
                                    "event's cohesion (the mean similarity between its members): a tight event "
                                    "asks more of a newcomer than the bare threshold, so a similar happening "
                                    "with the same actors stays out of it (0 disables; average linkage only).")
    short_chars: int = _setting(600, "An article whose text is under this many characters is a short text: a feed summary, "
                                     "a teaser (a replay of 26 real feeds: 125 characters at the median). Two short "
                                     "texts name a subject more than a happening: on a dense stream they joined the same "
                                     "subject's other happenings (see short_factor).")
    short_factor: float = _setting(0.6, "Share of its similarity that counts when a short text joins an event mostly of "
                                        "short texts, or two such events merge, and neither is joined on its closest "
                                        "members (top_k), only on a copy of one (copy_similarity). Against full articles "
                                        "a short text is held to the usual bar: a brief that opens a happening's coverage "
                                        "still joins the reports. 1 disables. Dense stream (bench/cluster_eval.py), 7 "
                                        "days, with dated_margin 0.15: 0.5 gave P 0.832 but ECB+ held-out 0.927; 0.6 P "
                                        "0.822, held-out 0.931.")
    short_anchors: int = _setting(3, "Least anchor terms one article of each side must share for a join or a merge with a feed "
                                     "summary (a short text whose page could not be read: text_status 'summary-only'; a "
                                     "research corpus's short texts are whole and keep the usual rules: held to this, the "
                                     "ECB+ held-out mean fell 0.931 -> 0.925): a summary joining any event, any article "
                                     "joining an event mostly of summaries, two events one of which is mostly of summaries. "
                                     "Anchor terms are the words of "
                                     "a title and lead beyond the names (the kind of act and what was done, numbers; the act "
                                     "kind of core.cluster.details; the words of a rare name, all of them counting as one: "
                                     "core.cluster.features.anchor_terms). Summaries of one subject share its actors and "
                                     "places, those of one happening also what happened. 444 real feed summaries "
                                     "(bench/labels/events_feeds.py): B-cubed F1 0.820 -> 0.911 batch, P 0.714 -> 0.880; "
                                     "with 2, P 0.844; with 4, AllSides dev 0.936 -> 0.930 (its gold joins opinion pieces of "
                                     "one story that share no word beyond the names). 0 disables.")
    summary_datelines: bool = _setting(True, "Cluster a feed summary (text_status 'summary-only') without the credit and "
                                            "dateline that open it ('[Capital FM] Nairobi -- ', 'LONDON: '): where and by "
                                            "whom it was filed, not what happened (two summaries filed from Nairobi "
                                            "by one wire joined a tobacco bill with an airport strike). 444 real feed "
                                            "summaries (bench/labels/events_feeds.py): batch/online/store B-cubed F1 "
                                            "0.911/0.915/0.912 -> 0.913/0.917/0.915, P 0.880/0.890/0.880 -> "
                                            "0.883/0.893/0.885. A page read whole keeps its dateline.")
    short_unnamed: int = _setting(1, "More anchor terms (beyond short_anchors) the pair of reports must share when they share no "
                                     "word of a name: summaries of two subjects can tell the same kind of act in the same "
                                     "words (Kenya's State House spending and Britain's defence spending; Japan's and "
                                     "Bangladesh's prime ministers after landslides), while one happening's reports that "
                                     "name it differently (U.S., United States, Pentagon) share many. Names' words "
                                     "leave out words that name nobody (Prime Minister, officials, a headline's 'Man') "
                                     "and news outlets. Feed summaries, with "
                                     "summary_datelines: F1 0.913/0.917/0.915 -> 0.916/0.920/0.918, P -> "
                                     "0.891/0.900/0.892 (titles alone left out: 0.915/0.919/0.916); 2 gave 0.911/0.916/0.911 and 3 0.910/0.915 (titles still counted as names; one "
                                     "happening's reports split). 0 disables.")
    anchor_rare: float = _setting(0.005, "Share of documents at most naming a name for its words to count as anchor terms "
                                        "(short_anchors), all of them as one: a rare name (Surfside, Rumsfeld) can tell a "
                                        "story, a common one (Iran, Trump) only its subject. 0.005: AllSides dev 0.936 -> "
                                        "0.939 against 0 (names never count), feed summaries the same; 0.01 and 0.02 cost the "
                                        "feed summaries' precision (a day's subject, as Bangladesh's new prime minister, is "
                                        "a rare name too).")
    short_roundups: bool = _setting(True, "A feed summary whose headline marks a live blog, highlights, a roundup, a newsletter, a "
                                          "podcast or a quiz (core.cluster.features.is_roundup) stays an event of its own, and "
                                          "nothing joins or merges with it: it tells several happenings at once.")
    dated_margin: float = _setting(0.0, "A dated article joins its best event, and a dated event merges with another, only "
                                         "when the second-best candidate scores at least this share below (as "
                                         "undated_margin for undated ones): in a dense stream the same subject's "
                                         "happenings are concurrent look-alikes, any of which could be its happening, and "
                                         "a wrong event costs more than a missing one. A rival that is itself as alike to "
                                         "the best as a merge asks (merge_threshold) is a fragment of the same happening, "
                                         "no rival: without that exception realworld's Kakhovka dam fell into seven "
                                         "events on the same-day test (0 disables). Off: at 0.15 the dense stream's 7 days "
                                         "gained P 0.809 -> 0.822, F1 0.875 -> 0.881, but realworld's Putin-Xi visit, "
                                         "imported alone, fell from one event of 14 into 7 + 4 + 2 + 1 (its fragments "
                                         "are each other's rivals): a wrong split costs as a wrong merge does.")
    cohesion_min: int = _setting(3, "Least articles an event needs before its cohesion is consulted: two are "
                                    "too few to say how tight it is.")
    year_mismatch: float = _setting(0.7, "Similarity factor for a pair where one side has a publication year (from "
                                         "its date or a free-text date) and the other has none, when the window "
                                         "cannot rule: with nothing to say the two are of one time, more of the text "
                                         "must agree. Per pair of articles, so an event's mix of dated and undated "
                                         "members weighs in proportion (1 disables).")

    undated_wide: bool = _setting(True, "An article with no date is compared with a dated event (and an undated event "
                                        "with a dated one, when merging) on its top_k closest members too, as two dated "
                                        "sides are: a dated event's coverage is concurrent and broad, and a mean over "
                                        "all its members favoured a one-article look-alike of another year (an undated "
                                        "report of Putin's 2024 Beijing visit scored 0.180 with the 2023 Belt and Road "
                                        "talks, 0.128 with the visit's 13 reports, 0.260 on their closest members). Two "
                                        "undated sides stay on the mean.")
    undated_margin: float = _setting(0.15, "An article with no date joins its best dated event (and an undated event merges "
                                           "with a dated one, or with another undated one) only when the second-best "
                                           "candidate scores at least this share below it; otherwise it stays on its own: "
                                           "any of several look-alikes could be its happening, and a wrong event costs more "
                                           "than a missing one (0 disables). An undated report of the Islamic State's claim "
                                           "for the Crocus attack scores 0.116 with May's FSB claim and 0.109 with the "
                                           "attack's reports: it stays alone (with 0.1 it ended in the FSB claim's event). "
                                           "Two undated events: with no time axis every story of the same actors is a "
                                           "candidate (AllSides dev with its dates removed: 17 of the last merge pass's 24 "
                                           "merges joined two stories; 0.758 -> 0.765 with the margin).")
    first_seen_reach_days: float = _setting(1100.0, "How far before its first-seen time a feed item with no date (and none "
                                                    "on its page) may have been published, for placing it: such an item "
                                                    "is placed at its first-seen time, and one left on its own there may "
                                                    "then join a stored event that ended before it was seen, by the "
                                                    "undated rules (closest members, a clear winner by undated_margin); "
                                                    "it is then kept undated. Stored articles of this reach are read for "
                                                    "it, only when such an item is left alone (0 disables). Replaying "
                                                    "realworld's feeds in November 2026, three undated reports of Putin's "
                                                    "May 2024 Beijing visit, about 930 days old, formed an event of their own.")

    first_seen_events: int = _setting(200, "Of the events within first_seen_reach_days, how many are read whole for "
                                           "placing a feed item with no date: those sharing the most of their key "
                                           "terms (at least 2) with it, its likely event and its rivals (the memory "
                                           "of that step).")

    detail_act: float = _setting(0.0, "Similarity taken off a pair of articles whose headlines report kinds of act that "
                                      "one happening's coverage does not report together (a call / a visit, a death / "
                                      "the funeral, an arrest / the verdict; core.cluster.details), pro rata: the same "
                                      "actors' next move is another happening.")
    detail_type: float = _setting(0.08, "Similarity taken off an article and an event, or two events, by how far the kinds "
                                       "of act their headlines report clash (a death / the funeral, a crash / a mutiny; "
                                       "core.cluster.details), net of the kinds they share, averaged over the members that "
                                       "report an act: the event's type, which members with no act word do not dilute.")
    detail_day: float = _setting(0.1, "Similarity taken off a pair of articles whose openings name different weekdays or "
                                      "calendar days (\"on Monday\" / \"on Thursday\"; the day either side counts half): "
                                      "when it happened per the text, where the dates cannot tell (undated or "
                                      "misdated articles).")
    detail_who: float = _setting(0.1, "Similarity taken off an article and an event, or two events, when each side's "
                                      "headlines name an actor the other side never names (Xi meets Putin / Xi meets "
                                      "Blinken: who met whom; core.cluster.actors), once one side has who_min_articles. "
                                      "Concurrent parts of an event that differ so are split (see split_who_share). "
                                      "0 disables both.")
    who_share: float = _setting(0.6, "Share of a side's headlines that must name an actor for it to mark that side "
                                     "(core.cluster.actors).")
    who_min_articles: int = _setting(6, "Least articles one side needs before who-met-whom lowers a join or a merge: "
                                        "a few headlines say too little about who an event is about, and a lone "
                                        "article's headline names someone the others do not too often.")
    detail_bonus: float = _setting(0.0, "Share of a kind's weight added to a pair's similarity when the two give the same "
                                        "details of that kind (pro rata for some): agreeing details count for them.")

    @staticmethod
    def help() -> dict[str, tuple[object, str]]:
        """Each setting's default and help text."""
        return {f.name: (f.default, f.metadata["help"]) for f in fields(ClusterConfig)}

    def weights(self) -> dict[str, float]:
        """Sub-vector weights by field name."""
        return {"title": self.w_title, "lead": self.w_lead, "body": self.w_body, "ent": self.w_ent}

    def detail_weights(self) -> dict[str, float]:
        """Weights of the kinds of detail that tell look-alike happenings apart (core.cluster.details)."""
        return {"act": self.detail_act, "weekday": self.detail_day, "date": self.detail_day}


def default_db_path() -> Path:
    """The SQLite file used when no --db or FRAMELENS_DB is given."""
    return Path(user_data_dir("framelens", appauthor=False)) / "framelens.sqlite"


def resolve_db(db: str | None = None) -> str:
    """Turn a --db value, FRAMELENS_DB or the default into an SQLAlchemy URL."""
    db = db or os.environ.get("FRAMELENS_DB") or str(default_db_path())
    if "://" in db:
        # psycopg 3 is the driver framelens installs; plain postgresql:// would ask for psycopg2.
        return "postgresql+psycopg://" + db.split("://", 1)[1] if db.startswith(("postgresql://", "postgres://")) else db
    path = Path(db).expanduser().resolve()
    path.parent.mkdir(parents=True, exist_ok=True)
    return f"sqlite:///{path}"
