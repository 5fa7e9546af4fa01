"""Errors found on fc34's fact-check (session 33, round 10), on synthetic texts: two outlets share an agency's text and
each credits the agency in its own words ("…, PTI reported." in one, "told news agency PTI" in the other); the agency
is the family's source and neither outlet is the other's copy."""
from __future__ import annotations

from tests.reprint_texts import LAST, MORE, STORY, art, kinds, verdicts

QUOTE = ("\"I welcome these six nations and I congratulate their leaders and people, and we will work together for a "
         "new era of cooperation and prosperity,\" the prime minister said")


def test_an_agency_each_outlet_credits_in_its_own_words_is_the_familys_source():
    paper = art("np", "National Paper", f"{STORY}\n\n{MORE}\n\n{QUOTE}.\n\nOfficials told news agency PTI the talks "
                "had gone on all night before the vote.", published="2024-05-20T10:00:00Z")
    site = art("ms", "Magazine Site", f"The summit agreed on a plan on Thursday.\n\n{STORY}\n\n{MORE}\n\n{QUOTE}, PTI "
               "reported.", published="2024-05-20T14:00:00Z")
    found = verdicts(paper, site)
    assert sorted((i, outlet) for i, outlet, _ in found) == [("ms", "PTI"), ("np", "PTI")]   # not "ms copies np"


def test_an_agency_credit_copied_with_the_text_names_no_source():
    # An own report citing Reuters once, copied whole: the credit came with the text, so the copy is the report's.
    own = art("op", "Original Paper", f"{STORY}\n\n{MORE}\n\n{LAST}\n\nThe toll rose to 40 overnight, Reuters reported.",
              published="2024-05-20T10:00:00Z")
    copy = art("cs", "Copy Site", f"{STORY}\n\n{MORE}\n\n{LAST}\n\nThe toll rose to 40 overnight, Reuters reported.",
               published="2024-05-20T16:00:00Z")
    assert verdicts(own, copy) == [("cs", "Original Paper", "verbatim copy")]


PLANE = ("Defence officials said the president had asked them for a plane late at night and that they were obliged to "
         "give him one, as he remains the supreme commander of the armed forces.")


def test_an_outlet_a_copy_credits_for_a_paragraph_its_named_original_carries_uncredited_is_the_source():
    # rpages10's Times Magazine India and India Narrative: "In an official report by NDTV, …" on the shorter text.
    narrative = art("in", "Narrative Site", f"{STORY}\n\n{MORE}\n\n{PLANE}\n\n{LAST}", published="2024-05-20T10:00:00Z")
    magazine = art("tm", "Magazine Site", f"{STORY}\n\nIn an official report by NDTV, {PLANE[0].lower()}{PLANE[1:]}",
                   published="2024-05-20T14:00:00Z")
    assert sorted((i, outlet) for i, outlet, _ in verdicts(narrative, magazine)) == [("in", "NDTV"), ("tm", "NDTV")]


def test_an_original_citing_an_outlet_in_a_paragraph_its_copy_carries_stays_the_original():
    # rpages6's Scroll.in: its own report quotes an agency in a paragraph another page carries without the credit.
    own = art("sc", "Scroll Site", f"{STORY}\n\n{MORE}\n\nIn a report by NDTV, {PLANE[0].lower()}{PLANE[1:]}\n\n{LAST}",
              published="2024-05-20T10:00:00Z")
    copy = art("pt", "Copy Site", f"{STORY}\n\n{MORE}\n\n{PLANE}", published="2024-05-20T16:00:00Z")
    assert [(i, outlet) for i, outlet, _ in verdicts(own, copy)] == [("pt", "Scroll Site")]
    # An interview an outlet gave is no report by it.
    assert kinds(f"{STORY}\n\nIn an interview with NDTV, the minister said the plane left at night.\n\n{MORE}") == []


def test_nhk_world_japan_and_channel_news_asia_are_the_outlets_spelled_out():
    # rpages10's Republic World and the solidarity network's CNA page, missed for these spellings.
    text = f"Police searched the suspect's home on Sunday, reported NHK World-Japan. {STORY}\n\n{MORE}\n\n{LAST}"
    assert kinds(text) == [("reported", "NHK")]
    assert verdicts(art("rw", "Republic Site", text)) == [("rw", "NHK", "credited rewrite")]
    text = f"A year after the crush\n\nChannel News Asia - September 29, 2023\n\n{STORY}\n\n{MORE}\n\n{LAST}"
    assert kinds(text) == [("byline", "Channel NewsAsia")]


def test_a_distributors_code_joined_to_the_agency_in_a_dateline_credits_the_agency():
    # rpages10's NAM News Network: "TOKYO, Apr 15 (NNN-NHK) –".
    text = f"TOKYO, Apr 15 (NNN-NHK) – {STORY}\n\n{MORE}\n\n{LAST}"
    assert kinds(text) == [("dateline", "NHK")]
    assert verdicts(art("nnn", "NAM News Network", text)) == [("nnn", "NHK", "wire copy")]
    # A poll's name and a hyphenated word name no outlet.
    assert kinds(f"An AP-NORC poll (AP-NORC) found support fell. {STORY}") == []
    assert kinds(f"The anti-NHK party won two seats. {STORY}") == []
