"""False claims found on rpages7 and fc32 (session 32, round 7), each on synthetic texts: a photographer, agency and
distributor run together by slashes, a dated caption closing in a wire's name mid-story, one wire reporter's line in a
story another outlet interviewed for, a lead that calls the news its state media's, and two own reports of one
official announcement sharing its quoted statement, the official's name and one reworded line."""
from __future__ import annotations


from tests.reprint_texts import LAST, MORE, STORY, art, kinds, verdicts  # noqa: F401


def test_a_photographer_agency_and_distributor_run_together_by_slashes_credit_the_picture():
    text = f"The dam seen from the north bank\n\n Jane Q Doe/Bloomberg/Getty Images\n\n{STORY}\n\n{MORE}\n\n{LAST}"
    assert kinds(text) == [("photo", "Bloomberg")]
    assert verdicts(art("ah", "The Albany Herald", text)) == []
    # The agency's own dateline is still its dateline.
    assert kinds(f"NEW YORK (Bloomberg) -- {STORY}\n\n{MORE}") == [("dateline", "Bloomberg")]


def test_a_dated_caption_closing_in_a_wire_mid_story_credits_the_picture():
    caption = ("Smoke rises above the flooded district on April 15, 2023. Rescue teams said on Monday that six "
               "villages were under water. — AFP")
    text = f"{STORY}\n\n{caption}\n\n{MORE}\n\n{LAST}\n\nThe governor will visit on Tuesday."
    assert kinds(text) == [("photo", "AFP")]
    assert verdicts(art("geo", "Geo News", text)) == []
    # Closing the story, the same dash and name is the wire's sign-off.
    assert kinds(f"{STORY}\n\n{MORE}\n\n{LAST} — AFP") == [("signoff", "AFP")]


def test_one_wire_reporters_line_in_a_story_another_outlet_interviewed_for_is_no_wire_copy():
    told = "“There is so much panic and fear,” an eyewitness told the BBC by telephone."
    wire = "A Reuters journalist said there were armoured vehicles in the streets of the capital."
    text = f"{STORY}\n\n{wire}\n\n{MORE}\n\n{told}\n\n{LAST}"
    assert ("told", "BBC News") in kinds(text)
    assert verdicts(art("uz", "Uzalendo News", text)) == []
    # Without the other outlet's interview the wire's reporting is still the story's source.
    assert verdicts(art("uz", "Uzalendo News", f"{STORY}\n\n{wire}\n\n{MORE}\n\n{LAST}")) == \
        [("uz", "Reuters", "wire copy")]


def test_a_lead_calling_the_news_its_state_medias_makes_a_lone_according_to_a_citation():
    lead = ("SEOUL, Dec. 19 (Yonha) -- North Korea has conducted an important test of a reconnaissance satellite at "
            "its launching site in the northwest, according to its state media Monday.")
    cite = ("The test was conducted on Sunday to evaluate the camera and the data transmission system, according to "
            "the Korean Central News Agency (KCNA).")
    text = f"{lead}\n{cite}\n{MORE}\n{LAST}"
    assert verdicts(art("yh", "Yonhap", text)) == []
    # Without the lead's state media, a lone "according to" is a credited rewrite (GUIDE's convention).
    plain = lead.replace(", according to its state media Monday", " on Sunday")
    assert verdicts(art("yh", "Yonhap", f"{plain}\n{cite}\n{MORE}\n{LAST}")) == \
        [("yh", "KCNA", "credited rewrite")]


STATEMENT = ("“The Ministry of Presidential Affairs condoles the people of the country, the Arab and Islamic nation "
             "and the world over the demise of His Highness Sheikh Rashid bin Saeed Al Falasi, the president of the "
             "country, who led it for eighteen years and built its ports, roads, schools and hospitals,”")


def test_two_own_reports_sharing_an_officials_quoted_statement_and_one_line_are_no_copy():
    a = (f"The president, Sheikh Rashid bin Saeed Al Falasi, has died at the age of 73, state news agencies said.\n"
         f"{STATEMENT} the ministry said in a statement.\n"
         "The Ministry of Presidential Affairs has announced 40 days of mourning with flags at half mast, a local "
         "paper reported.")
    b = ("The country's president passed away today, the ministry announced. He was 73 years old and fell ill "
         "last winter.\n"
         f"A statement read: {STATEMENT.rstrip(',”')}.”\n"
         "Officials said the Ministry of Presidential Affairs has announced 40 days of official mourning and a "
         "three-day closure of offices. Sheikh Rashid bin Saeed Al Falasi became president in 2004.")
    assert verdicts(art("ib", "Instablog9ja", a), art("wo", "What's On", b)) == []
    # Sharing the same own words all along is a copy.
    own = f"{STORY}\n{MORE}\n{LAST}"
    got = verdicts(art("ib", "Instablog9ja", f"{a}\n{own}"), art("wo", "What's On", f"{b}\n{own}"))
    assert len(got) == 1


def test_datelines_with_the_country_in_brackets_credit_the_agency():
    ani = f"New Delhi [India], June 3 (ANI): {STORY}\n\n{MORE}"
    assert kinds(ani) == [("dateline", "ANI")]
    afp = f"Sohae Satellite Launching Station (North Korea) (AFP) – {STORY}\n\n{MORE}"
    assert kinds(afp) == [("dateline", "AFP")]


def test_a_dateline_under_a_few_lines_of_page_chrome_is_read():
    chrome = "Open Menu\n\nDam Gives Way Overnight\n\nJane Doe (@janedoe) Published May 2, 2024 | 02:20 PM\n\nDam gives way overnight"
    text = f"{chrome}\n\nSeoul, (APP - UrduPoint / Pakistan Point News - 2nd May, 2024) {STORY}\n\n{MORE}\n\n{LAST}"
    assert kinds(text, own="UrduPoint") == [("dateline", "APP")]
    # Under four paragraphs of story, the same form is no dateline any more.
    late = f"{STORY}\n\n{MORE}\n\n{LAST}\n\n{STORY}\n\nSeoul, (APP - UrduPoint / Pakistan Point News - 2nd May, 2024) {MORE}\n\n{LAST}"
    assert ("dateline", "APP") not in kinds(late, own="UrduPoint")
