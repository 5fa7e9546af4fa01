"""Errors found by the lead on 26 real feeds (session 34, round 12), on synthetic texts: articles whose pages could not
be read are stored with their feed's summary ("summary-only"), mostly the first sentence of a wire's story, which
every outlet carrying the story prints word for word. Two such summaries sharing it show no copy unless something
beyond publication time tells them apart; one citation in a summary shows no rewrite."""
from __future__ import annotations

from tests.reprint_texts import MORE, STORY, art, kinds, verdicts

SUMMARY = {"text_status": "summary-only"}


def blurb(i, outlet, text, published, title="", **more):
    """A summary-only article, as the store keeps an item whose page was not read."""
    return {**art(i, outlet, text, title=title, published=published), **SUMMARY, **more}


def test_two_summaries_sharing_a_lede_make_no_copy_claim_on_publication_time_alone():
    # NPR's summary of an AP story, 1.2 h after Japan Today's, was "a verbatim copy of Japan Today".
    first = blurb("jt", "Early Paper", STORY, "2026-02-17T05:56:00Z", title="Dam gives way, six villages flooded")
    later = blurb("np", "Later Radio", STORY, "2026-02-17T07:07:00Z", title="Dam gives way, six villages flooded")
    assert verdicts(first, later) == []
    # The same texts read from their pages stay a copy: the rule is the summaries'.
    read = [{**a, "text_status": "ok"} for a in (first, later)]
    assert verdicts(*read) == [("np", "Early Paper", "verbatim copy")]


def test_a_summary_sharing_a_lede_with_a_read_page_makes_no_copy_claim_either():
    # Dawn's summary of the Bondi hearing, 3.7 h after Japan Today's: either side a summary is enough.
    page = art("jt", "Early Paper", f"{STORY}\n\n{MORE}", published="2026-02-16T03:29:00Z")
    later = blurb("dw", "Later Daily", STORY, "2026-02-16T07:11:00Z")
    assert verdicts(page, later) == []
    read = {**later, "text_status": "ok"}
    assert verdicts(page, read) == [("dw", "Early Paper", "verbatim copy")]


def test_a_partial_copy_between_summaries_is_no_claim_on_time_alone():
    # ABC News's summary of AP's other version of the story ("partial copy of Japan Today", 3.4 h later).
    first = blurb("jt", "Early Paper", f"{STORY}{MORE}", "2026-02-17T05:56:00Z")
    later = blurb("ab", "Later Network", f"{STORY}The governor flew over the district by helicopter on Monday "
                  "afternoon and promised new houses.", "2026-02-17T09:18:00Z")
    assert verdicts(first, later) == []
    assert verdicts(*({**a, "text_status": "ok"} for a in (first, later))) == [("ab", "Early Paper", "partial copy")]


def test_a_wire_dateline_on_either_side_still_names_the_wire_as_the_source():
    # Al-Monitor's summary carries "DUBAI, Feb 17 (Reuters) -": Japan Today's identical summary is Reuters' copy.
    dated = blurb("am", "Monitor Site", f"DUBAI, Feb 17 (Reuters) - {STORY}", "2026-02-17T06:00:00Z")
    plain = blurb("jt", "Early Paper", STORY, "2026-02-17T10:10:00Z")
    assert kinds(dated["text"]) == [("dateline", "Reuters")]
    assert sorted(verdicts(dated, plain)) == [("am", "Reuters", "wire copy"), ("jt", "Reuters", "verbatim copy")]


def test_boilerplate_or_a_credit_to_the_other_still_shows_the_copy():
    first = blurb("jt", "Early Paper", STORY, "2026-02-17T05:56:00Z")
    scraped = blurb("ag", "Feed Mirror", STORY, "2026-02-17T07:07:00Z", boilerplate=["Source link"])
    assert verdicts(first, scraped) == [("ag", "Early Paper", "verbatim copy")]
    # A page that credits the other outlet by name (a credit to each other tells them apart).
    crediting = art("cr", "Credit Site", f"{STORY}\n\n{MORE}\n\nThe report was first published by Early Paper.",
                    published="2026-02-17T07:07:00Z")
    assert [v[1] for v in verdicts(first, crediting)] == ["Early Paper"]


def test_one_citation_in_a_summary_is_no_credited_rewrite():
    # TIME's "…, POLITICO reported." and NDTV's "Zelenskiy, Axios said, …" (Reuters' spelling: Reuters' story citing
    # Axios) were "credited rewrites" of Politico and Axios.
    cited = "The dam gave way after a week of rain, Reuters reported."
    assert kinds(cited) == [("reported", "Reuters")]
    text = f"{cited} {STORY}"
    assert verdicts(blurb("tw", "News Weekly", text, "2026-02-17T08:00:00Z")) == []
    said = "Officials, Axios said, had warned that the dam was weak."
    assert verdicts(blurb("nd", "News Channel", f"{said} {STORY}", "2026-02-17T08:00:00Z")) == []
    # Read from its page, the same lead credit names the rewrite's source, as before.
    assert verdicts(art("tw", "News Weekly", text, published="2026-02-17T08:00:00Z")) == \
        [("tw", "Reuters", "credited rewrite")]


def test_a_summary_naming_its_source_twice_or_by_dateline_keeps_its_verdict():
    # Dawn's summary (its whole story in the feed) opens "…, Al Jazeera reported." and later has an analyst who
    # "told Al Jazeera": the piece is built on Al Jazeera's report.
    text = (f"The dam gave way after a week of rain, Al Jazeera reported. {STORY}\n\n"
            f"An engineer in the capital told Al Jazeera the wall had not been inspected since 1990. {MORE}")
    assert verdicts(blurb("dw", "Daily Paper", text, "2026-02-16T08:00:00Z")) == [("dw", "Al Jazeera", "credited rewrite")]
    # A wire's dateline in a summary is the wire's own: still its copy.
    assert verdicts(blurb("am", "Monitor Site", f"BERLIN, Feb 17 (Reuters) - {STORY}", "2026-02-17T08:00:00Z")) == \
        [("am", "Reuters", "wire copy")]


def test_the_stores_summary_only_articles_reach_the_rule(tmp_path):
    # The analyse step reads the event's articles from the store, text_status with them (Store.event_articles).
    from datetime import datetime, timezone

    from core.analyse import _reprints
    from core.models import Article
    from core.store import Store

    store = Store(str(tmp_path / "s.sqlite"))
    when = [datetime(2026, 2, 17, h, tzinfo=timezone.utc) for h in (5, 7)]
    store.add_articles([Article(id="jt", outlet="Early Paper", text=STORY, published=when[0], text_status="summary-only"),
                        Article(id="np", outlet="Later Radio", text=STORY, published=when[1], text_status="summary-only")])
    store.set_events({"jt": "ev-1", "np": "ev-1"})
    assert _reprints(store, ["ev-1"]) == 0 and store.reprints_df(["ev-1"]).empty
    # Read from their pages, the later one is the earlier one's copy, as before.
    store.add_articles([Article(id="jt2", outlet="Early Paper", text=STORY, published=when[0]),
                        Article(id="np2", outlet="Later Radio", text=STORY, published=when[1])])
    store.set_events({"jt2": "ev-2", "np2": "ev-2"})
    assert _reprints(store, ["ev-2"]) == 1 and list(store.reprints_df(["ev-2"])["id"]) == ["np2"]
