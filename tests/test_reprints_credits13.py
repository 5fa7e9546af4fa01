"""Reprint verdicts found wrong by session 35's fact-checks (fc37, om35), on synthetic texts: an agency's dated photo
caption closing "(Reuters)" near the end of a cut text, "With files from" naming several outlets, an outlet's own
dateline on its site's subdomain, and a paper credited by one page of a family whose text goes round apart from it."""
from __future__ import annotations

from core.credits import canonical_outlet
from tests.reprint_texts import LAST, MORE, STORY, art, kinds, verdicts
from tests.test_reprints import SPUN
from tests.test_reprints import STORY as SENTENCES

CAPTION = "Officials pose for pictures during a meeting in Beijing, China March 10, 2023. (Reuters)"


def test_a_dated_caption_closing_an_agency_in_brackets_credits_the_picture():
    # fc37's Asharq Al-Awsat: the caption among the last lines of a text cut short, the story's own text below it.
    assert kinds(f"{STORY}\n\n{MORE}\n\n{CAPTION}\n\n{LAST}") == [("photo", "Reuters")]
    assert verdicts(art("aa", "Gulf Daily", f"{STORY}\n\n{MORE}\n\n{CAPTION}\n\n{LAST}")) == []
    # A story's own closing "(Reuters)" after a sentence that ends in no day still credits the text.
    assert kinds(f"{STORY}\n\n{MORE}\n\n{LAST}(Reuters)") == [("signoff", "Reuters")]


def test_files_from_several_outlets_credit_none_of_them():
    # om35's CBC flotilla story: "With files from CBC News and The Associated Press".
    text = f"{STORY}\n\n{MORE}\n\n{LAST}\n\nWith files from CBC News and The Associated Press"
    assert kinds(text, own="CBC News") == []
    assert verdicts(art("cbc", "CBC News", text)) == []
    assert kinds(f"{STORY}\n\n{MORE}\n\n{LAST}\n\nWith files from Reuters and AFP") == []


def test_a_sites_subdomain_names_its_outlet():
    # om35c's "(CNN)" dateline on edition.cnn.com was a "wire copy of CNN".
    assert canonical_outlet("edition.cnn.com") == "CNN"
    assert canonical_outlet("https://edition.cnn.com/2017/09/15/asia/x.html") == "CNN"
    assert canonical_outlet("cnn.example.org") == "cnn.example.org"
    assert verdicts(art("cnn", "edition.cnn.com", f"(CNN) {STORY}\n\n{MORE}\n\n{LAST}")) == []


def _page(i, outlet, paras, title="Council shuts river bridge"):
    return art(i, outlet, "\n\n".join(paras), title=title)


def test_a_paper_one_page_credits_is_no_source_of_a_text_going_round_apart_from_it():
    # fc37's Kenya family: The Wall's "– Times of India" over AP's story (spun) made Africanews, Al Jazeera and The
    # North Africa Post, which share AP's paragraphs among themselves, "partial copies of The Times of India".
    credited = _page("wall", "Fast News Planet", SPUN, title="Council shuts river bridge – Times of India")
    a = _page("a", "Gulf Daily", SENTENCES)
    b = _page("b", "Valley Courier", SENTENCES[:5])
    assert verdicts(credited, a, b) == [("wall", "The Times of India", "wire copy")]
    # One page and the page crediting the paper: the paper is still the pair's source.
    assert sorted(verdicts(credited, a)) == [("a", "The Times of India", "spun copy"),
                                             ("wall", "The Times of India", "wire copy")]


def test_a_later_text_adding_a_place_dateline_is_not_named_the_earlier_ones_copy():
    # om35's NPR "CONCORD, N.C. — Kyle Busch …" (AP's story) was a "verbatim copy" of CBC's, half an hour earlier.
    body = f"{STORY}\n\n{MORE}\n\n{LAST}"
    early = art("cbc", "Maple Daily", body, published="2026-05-21T22:19:00Z")
    late = art("npr", "Valley Courier", f"CONCORD, N.C. — {body}", published="2026-05-21T23:19:00Z")
    assert verdicts(early, late) == []
    # Without the dateline the later text is still the earlier one's copy, and with one naming a wire, the wire's.
    assert verdicts(early, art("npr", "Valley Courier", body, published="2026-05-21T23:19:00Z")) == \
        [("npr", "Maple Daily", "verbatim copy")]
    assert verdicts(early, art("npr", "Valley Courier", f"CONCORD, N.C. (AP) — {body}",
                               published="2026-05-21T23:19:00Z")) == \
        [("cbc", "Associated Press", "verbatim copy"), ("npr", "Associated Press", "wire copy")]
