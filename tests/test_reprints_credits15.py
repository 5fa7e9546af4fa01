"""Credit forms found unread on rpages14 (session 37, helper C), on synthetic texts: two agencies bracketed together
closing a story ("(Xinhua/NAN)"), an editor's initials and a lower-case agency alone on the last line ("max/dpa"), a
dateline whose month is abbreviated "Jun." or "Jul.", "a clip shared with AFP", a sentence glued to the next by the
page's extraction ("on Tuesday.Reuters quoted …"), "Read more: <address of an outlet's page>" closing a text, and Nyasa
Times in the registry; then, from rpages14b (held out against those rules): a medium the text calls state-affiliated is
cited, no source, and a byline ending in a lower-case agency name ("… german press agency dpa") credits it."""
from __future__ import annotations

from tests.reprint_texts import LAST, MORE, STORY, art, kinds, verdicts


def test_two_agencies_bracketed_closing_the_story_credit_the_first_not_the_carrier():
    # rpages14's African Examiner: "… believed to have been lost.(Xinhua/NAN)", Xinhua's story as NAN carried it.
    glued = f"{STORY}\n\n{MORE}\n\n{LAST.strip()}(Xinhua/NAN)"
    assert kinds(glued) == [("signoff", "Xinhua")]
    assert kinds(f"{STORY}\n\n{MORE}\n\n{LAST}(AFP/NAN)") == [("signoff", "AFP")]
    assert verdicts(art("ae", "African Site", glued))[0][1] == "Xinhua"
    # A caption ending in its day before the bracket is the picture's, no sign-off.
    caption = f"{STORY}\n\n{MORE}\n\nRescuers at the site in Mosul, Iraq September 27, 2023. (Reuters/AFP)"
    assert ("signoff", "Reuters") not in kinds(caption) and ("signoff", "AFP") not in kinds(caption)
    # An editor's initials and the agency stay as they were read: the agency signs off.
    assert kinds(f"{STORY}\n\n{MORE}\n\n{LAST}(KB/IANS)") == [("signoff", "IANS")]


def test_initials_and_a_lower_case_agency_alone_on_the_last_line_sign_the_story_off():
    # rpages14's Teller Report: a dpa story closing "max/dpa" (the German papers' form).
    text = f"Photo: Basarnas / AP\n\n{STORY}\n\n{MORE}\n\n{LAST}\n\nmax/dpa"
    assert kinds(text) == [("photo", "Associated Press"), ("signoff", "dpa")]
    assert verdicts(art("tr", "Teller Site", text)) == [("tr", "dpa", "wire copy")]
    # Mid-story the same form signs nothing, nor does a word that is not initials.
    assert ("signoff", "dpa") not in kinds(f"{STORY}\n\nmax/dpa\n\n{MORE}\n\n{LAST}")
    assert ("signoff", "dpa") not in kinds(f"{STORY}\n\n{MORE}\n\nphotos/dpa")


def test_a_dateline_with_june_or_july_abbreviated_is_read():
    # rpages14's Ghana News Agency page: "Nairobi, Jun. 11, (dpa/GNA) – …".
    assert kinds(f"Nairobi, Jun. 11, (dpa/GNA) – {STORY}\n\n{MORE}") == [("dateline", "dpa")]
    assert kinds(f"LILONGWE, Jul. 3 (Reuters) - {STORY}") == [("dateline", "Reuters")]
    # A sentence with "Jun." in it is still no dateline.
    assert ("dateline", "Reuters") not in kinds(f"On Jun. 11 the plane left the capital (Reuters) - {MORE}")


def test_a_clip_shared_with_an_agency_is_its_reporting_and_two_copies_sharing_it_name_the_agency():
    # rpages14's Thai PBS World and IBTimes: AFP's Marapi story, "A clip shared with AFP showed …" in both.
    assert kinds("A clip shared with AFP showed a rescuer carrying a hiker down the slope.") == [("told", "AFP")]
    a = art("tp", "Bangkok Site", f"{STORY}\nA clip shared with AFP showed rescuers at work.\n{MORE}\n{LAST}",
            published="2024-05-20T08:00")
    b = art("ib", "Cape Site", f"{STORY}\nA video clip shared with AFP showed rescuers at work.\n{MORE}\n{LAST}",
            published="2024-05-20T12:00")
    assert {(i, o) for i, o, _ in verdicts(a, b)} == {("tp", "AFP"), ("ib", "AFP")}


def test_a_sentence_glued_to_the_next_by_the_page_still_names_its_outlet():
    # rpages14's WAM page: "… a senior military official said on Tuesday.Reuters quoted Malawi Defence Force Commander
    # Paul Valentino Phiri as saying …".
    text = ("A plane carrying the minister may have crashed in the forest, an official said on Tuesday.Reuters quoted "
            "Army Commander John Banda as saying that searches were going on. " + MORE)
    assert kinds(text) == [("reported", "Reuters")]
    # An address or an abbreviation's point before a name is still no mention.
    assert kinds("Read it on www.Reuters.com today. " + MORE) == []
    assert kinds("The U.S.AP bureau said nothing. " + MORE) == []


def test_read_more_with_an_outlets_address_closing_the_text_credits_it():
    # rpages14's OODA Loop: a summary of the BBC's story closing "Read more: https://www.bbc.com/news/…".
    text = f"{STORY}\n\n{MORE}\n\nRead more: https://www.bbc.com/news/world-middle-east-123456"
    assert kinds(text) == [("link", "BBC News")]
    assert [v[1] for v in verdicts(art("oo", "Risk Site", text))] == ["BBC News"]
    # Mid-text, a "Read more" line is a related link; an unknown site's address credits nobody.
    assert kinds(f"{STORY}\n\nRead more: https://www.bbc.com/news/world-1\n\n{MORE}") == []
    assert kinds(f"{STORY}\n\n{MORE}\n\nRead more: https://example.org/story/1") == []


def test_nyasa_times_is_an_outlet():
    # rpages14's TASS: "…, the Malawian newspaper Nyasa Times reported, citing eyewitnesses."
    lead = ("The vice president could have been killed in a plane crash, the Malawian newspaper Nyasa Times reported, "
            "citing eyewitnesses. ")
    assert kinds(lead + MORE) == [("reported", "Nyasa Times")]


def test_a_medium_the_text_calls_state_affiliated_is_cited_not_the_source():
    # rpages14b's Novaya Gazeta Europe: its own story, "…, state-affiliated news outlet RBC said." in its second
    # sentence after "local Telegram channel Orda has reported", was "a credited rewrite of RBC".
    text = ("A passenger plane crashed while landing at the airport on Wednesday, a local Telegram channel has reported. "
            "The 67 people on board included 16 Russians, state-affiliated news outlet RBC said. " + MORE + LAST)
    assert kinds(text) == []
    assert verdicts(art("ng", "Exile Paper", text)) == []
    for form in ("state-linked", "state-funded", "state-aligned"):
        assert kinds(text.replace("state-affiliated", form)) == [], form
    # Without the state tie the lead's credit is read as before.
    assert kinds(text.replace("state-affiliated news outlet RBC said", "news outlet RBC said")) == [("reported", "RBC")]


def test_a_byline_ending_in_a_lower_case_agency_name_credits_it():
    # rpages14b's Spokesman-Review: "By Friedemann Kohler and Günther Chalupa german press agency dpa" over dpa's story.
    text = f"By Jane Roe and John Doe german press agency dpa\n\nMOSCOW – {STORY}\n\n{MORE}\n\n{LAST}"
    assert kinds(text) == [("byline", "dpa")]
    assert verdicts(art("sr", "City Paper", text)) == [("sr", "dpa", "wire copy")]
    assert kinds(f"By Jane Roe, dpa\n\n{STORY}") == [("byline", "dpa")]
    # The name inside a story's sentence stays unread, as any lower-case spelling outside datelines and bylines.
    assert kinds(f"{STORY}\n\nBy Tuesday the agency had confirmed it, said dpa\n\n{MORE}\n\n{LAST}\n\n{STORY}") == []


def test_a_reporter_named_by_the_outlet_he_works_for_is_no_credit_to_it():
    # fc40's Globe News Bulletin: "Evan Gershkovich, a Wall Street Journal reporter …" made the page a credited rewrite
    # of the Journal; the phrase says who the freed man is, not who reported the story
    from tests.reprint_texts import LAST, MORE, STORY, kinds
    for line in ("They freed Ivan Petrov, a Wall Street Journal reporter and former AFP staffer, on Thursday.",
                 "They freed Ivan Petrov, a Wall Street Journal reporter in Moscow until his arrest."):
        assert kinds(f"{STORY}\n\n{line}\n\n{MORE}\n\n{LAST}") == [], line
    # the agency's own reporting still counts, after an opening phrase too
    for line in ("In Kyiv, a Reuters reporter saw the strike.", "A Reuters reporter in Kyiv saw the strike.",
                 "On Monday, a Reuters reporter in Kyiv counted ten bodies.",
                 "Jets downed the balloon on Saturday, a Reuters witness and U.S. officials said."):
        assert kinds(f"{STORY}\n\n{line}\n\n{MORE}\n\n{LAST}") == [("reporter", "Reuters")], line


def test_a_place_and_country_line_ending_in_an_agency_after_a_slash_credits_it():
    # fc40's 7eNews: "Moscow, Russia/afp" on its own line under the headline, an AFP story, was called a copy of
    # another site carrying the same AFP text
    from core.credits import find_credits
    story = "The Kremlin said on Friday that the court's decision had no force in Russia, a spokesman told reporters."
    assert [c.outlet for c in find_credits("x", f"Saturday, April 1, 2023\n\nMoscow, Russia/afp\n\n{story}")] == ["AFP"]
    assert [c.outlet for c in find_credits("x", f"Kyiv, Ukraine / Reuters\n\n{story}")] == ["Reuters"]
    # a breadcrumb, a place with no country, or no agency after the slash credits no one
    for top in ("Home/World", "News, Europe/World", "Moscow, Russia/Sport", "Moscow/afp"):
        assert find_credits("x", f"{top}\n\n{story}") == [], top
