"""Errors found on rpages9 (session 33, round 9), each on synthetic texts: a sign-off whose dash a wrong encoding
broke into the replacement character, "read the complete article from Reuters", "According to VNA" alone on the last
line, "an AFP staffer saw" and "…, AFP learned from a source"."""
from __future__ import annotations

from tests.reprint_texts import LAST, MORE, STORY, art, kinds, verdicts


def test_a_signoff_after_a_broken_dash_credits_the_text():
    text = f"{STORY}\n\n{MORE}\n\n{LAST}     \ufffdReuters"
    assert kinds(text) == [("signoff", "Reuters")]
    assert verdicts(art("obd", "The Daily Observer", text)) == [("obd", "Reuters", "wire copy")]
    # Reuters' own page is no copy of itself; the broken character alone, with no outlet after it, credits nothing.
    assert kinds(text, own="Reuters") == []
    assert kinds(f"{STORY}\n\n{MORE}\n\n{LAST}     \ufffd") == []


def test_read_the_complete_article_from_an_outlet_is_a_link_credit():
    text = f"{STORY}\n\n{MORE}\n\nPlease select this link to read the complete article from Reuters.\n\nPrinter-Friendly Version"
    assert kinds(text) == [("link", "Reuters")]
    assert verdicts(art("osae", "Association Database", text)) == [("osae", "Reuters", "wire copy")]
    # Someone who read about the flood in Reuters is no link to the story.
    assert ("link", "Reuters") not in kinds(f"{STORY} The governor said he read about the flood from Reuters.\n\n{MORE}")


def test_according_to_an_agency_alone_on_the_last_line_is_the_pages_source():
    text = f"{STORY}\n{MORE}\n{LAST}\nAccording to VNA"
    assert kinds(text) == [("signoff", "Vietnam News Agency")]
    assert verdicts(art("bhd", "Bao Hai Duong", text)) == [("bhd", "Vietnam News Agency", "wire copy")]
    # "According to VNA, …" as a sentence, at the end or mid-story, attributes one fact: no source line.
    assert kinds(f"{STORY}\n{MORE}\n{LAST}\nAccording to VNA, the toll rose to 69.") == [("cited", "Vietnam News Agency")]
    assert verdicts(art("x", "Some Site", f"{STORY}\n{MORE}\n{LAST}\nAccording to VNA, the toll rose to 69.")) == []


def test_an_agency_staffer_and_what_an_agency_learned_are_its_own_reporting():
    staffer = "In the capital, an AFP staffer saw around 100 people on a bridge, shouting and waving flags."
    text = f"{STORY}\n\n{staffer}\n\n{MORE}\n\n{LAST}"
    assert kinds(text) == [("reporter", "AFP")]
    assert verdicts(art("dn", "Daily News EN", text)) == [("dn", "AFP", "wire copy")]
    learned = "The governor was held by his guards after talks failed, AFP learned from a source close to him."
    text = f"{learned}\n\n{STORY}\n\n{MORE}\n\n{LAST}"
    assert kinds(text) == [("reporter", "AFP")]
    assert verdicts(art("an", "Africanews", text)) == [("an", "AFP", "wire copy")]
    # "the BBC has learned" on another site is its citation of a scoop, not a wire's reporting.
    assert ("reporter", "BBC News") not in kinds(f"The governor will resign, the BBC has learned.\n\n{STORY}\n\n{MORE}")
