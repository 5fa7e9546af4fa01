"""Errors found on fc35's fact-check (session 34, round 11), on synthetic texts: two outlets carry one agency's story,
one crediting the agency under its photo only and the other not at all; the shared text could be the agency's, so
neither is shown as the other's copy (a photo credit still names no source)."""
from __future__ import annotations

from tests.reprint_texts import LAST, MORE, STORY, art, kinds, verdicts

CAPTION = "Rescue teams carry a survivor to a boat on Monday. / Photo: AFP"


def test_a_wire_credited_under_a_members_photo_only_keeps_the_uncredited_top_from_being_its_source():
    # fc35's TRT World ("/ Photo: AFP", "Read More") was a "spun copy" of IOL, which carries AFP's story uncredited.
    assert kinds(CAPTION) == [("photo", "AFP")]
    top = art("io", "Top Paper", f"{STORY}\n\n{MORE}\n\n{LAST}", published="2024-02-14T10:00:00Z")
    member = art("tr", "Member Site", f"{CAPTION}\n\n{STORY}\n\n{MORE}\n\n{LAST}\n\nRead More",
                 published="2024-02-14T16:00:00Z")
    assert verdicts(top, member) == []
    # The top's name alone on a line over the story is the page's chrome (rpages11's Prime News Ghana over the
    # Guardian's story): still no verdict.
    named = {**top, "text": f"Top Paper\n\n{top['text']}"}
    assert verdicts(named, member) == []


def test_without_the_wire_photo_or_with_the_tops_own_dateline_the_copy_stays_the_tops():
    member = art("tr", "Member Site", f"{STORY}\n\n{MORE}\n\n{LAST}\n\nRead More", published="2024-02-14T16:00:00Z")
    top = art("io", "Top Paper", f"{STORY}\n\n{MORE}\n\n{LAST}", published="2024-02-14T10:00:00Z")
    assert verdicts(top, member) == [("tr", "Top Paper", "verbatim copy")]
    # A photo agency is no wire: its pictures say nothing of whose text it is.
    pictured = {**member, "text": f"Rescue teams carry a survivor on Monday. / Photo: Getty Images\n\n{member['text']}"}
    assert verdicts(top, pictured) == [("tr", "Top Paper", "verbatim copy")]
    # The top's own dateline makes the text its own: the member's AFP photo is then just a photo.
    dated = {**top, "outlet": "CNN", "text": f"JAKARTA (CNN) — {top['text']}"}
    wired = {**member, "text": f"{CAPTION}\n\n{member['text']}"}
    assert verdicts(dated, wired) == [("tr", "CNN", "verbatim copy")]


def test_a_dateline_with_the_states_code_or_a_dash_before_the_agency_credits_the_agency():
    # rpages11's NewsDrum and Sakshi Post ("Hathras (UP), Jul 2 (PTI)") and NewsBreak ("CIANJUR, Indonesia — (AP) —").
    assert kinds(f"Hathras (UP), Jul 2 (PTI) {STORY}") == [("dateline", "PTI")]
    assert kinds(f"Lucknow (Uttar Pradesh), July 2 (IANS) {STORY}") == [("dateline", "IANS")]
    assert kinds(f"CIANJUR, Indonesia — (AP) — {STORY}") == [("dateline", "Associated Press")]
    assert verdicts(art("nd", "News Site", f"Hathras (UP), Jul 2 (PTI) {STORY}\n\n{MORE}\n\n{LAST}")) == \
        [("nd", "PTI", "wire copy")]
    # A place's bracket with no agency after it, or a dash and a sentence, is no credit.
    assert kinds(f"Hathras (UP): {STORY}") == []
    assert kinds(f"JAKARTA — (The minister said) {STORY}") == []


def test_a_byline_under_the_pages_chrome_and_a_source_with_a_bullet_credit_the_agency():
    # rpages11's Business Standard: "AP  |  Beijing" on the fifth line, under a headline, a standfirst and a tag line.
    head = ("JUST IN\nDam gives way in the north, six villages flooded\n\nThe dam had been called unsafe for years and "
            "repairs planned for the spring were postponed for lack of money, officials said\n\nAsia | Floods | Dams\n\n")
    assert kinds(f"{head}AP  |  Hanoi\n\n{STORY}\n\n{MORE}") == [("byline", "Associated Press")]
    # Medcom's "Antara • 21 November 2022 18:41" under the headline.
    assert kinds(f"Dam gives way\n\nAntara • 21 November 2022 18:41\n{STORY}\n\n{MORE}") == [("byline", "Antara")]
    # The same name in a sentence on that line stays no byline.
    assert kinds(f"{head}AP reported the dam gave way on Monday.\n\n{STORY}") == []


def test_al_jazeera_hyphenated_reference_to_an_outlet_and_the_agencys_witnesses_are_credits():
    # rpages11's Nigerian News Direct (", Al-Jazeera reported."), UNN ("with reference to the BBC"), The New Daily
    # (", Reuters witnesses said.").
    assert kinds(f"The dam gave way on Monday, Al-Jazeera reported. {STORY}") == [("reported", "Al Jazeera")]
    assert kinds(f"The dam gave way. This is reported by the agency with reference to the BBC. {STORY}") == \
        [("reported", "BBC News")]
    assert kinds(f"Boats reached the last village at noon, Reuters witnesses said. {STORY}") == [("reporter", "Reuters")]
    assert kinds(f"Reuters witnesses said the water stood a metre deep. {STORY}") == [("reporter", "Reuters")]


def test_a_citation_a_copy_carries_from_the_familys_credited_member_names_no_source_of_its_own():
    # rpages11's Malaysia China Insight: Reuters' two sentences, dateline without the agency, citing Xinhua as
    # Reuters' own copies do; it was a "credited rewrite of Xinhua".
    cited = "The old river dam gave way before dawn on Monday, the official Xinhua news agency said."
    wire = art("nq", "Market Site", f"BEIJING, Nov 30 (Reuters) - {cited} {STORY}\n\n{MORE}",
               published="2022-11-30T09:00:00Z")
    copy = art("mc", "Insight Site", f"BEIJING, Nov 30 – {cited} {STORY}\n\n{MORE}\n\nLEAVE A REPLY",
               published="2022-11-30T12:00:00Z")
    assert sorted(verdicts(wire, copy)) == [("mc", "Reuters", "verbatim copy"), ("nq", "Reuters", "wire copy")]
    # Alone, the same page's citation in its lead still names Xinhua.
    assert verdicts(copy) == [("mc", "Xinhua", "credited rewrite")]


def test_a_piece_retelling_two_outlets_reports_each_more_than_once_is_its_own_compilation():
    # rpages11's Scroll.in: ", ANI reported." closing the lead, "according to ANI." twice, "The Indian Express
    # reported" twice: the site's own piece from two outlets' reports, no copy of ANI.
    text = (f"Six villages were flooded when the river dam gave way overnight, ANI reported.\n\n"
            f"{STORY}\n\n\"The water came in minutes,\" a village head said, according to ANI.\n\n"
            f"Engineers had flagged cracks in the wall last year, a ministry official said, The Indian Express reported."
            f"\n\n{MORE}\n\nThe governor ordered an inquiry into the repairs, an aide said, according to ANI.\n\n"
            f"About 4,000 people slept in schools, The Indian Express reported, quoting a district officer.")
    assert verdicts(art("sc", "Scroll Site", text)) == []
    # One citation of the second outlet leaves the piece ANI's credited rewrite.
    once = text.replace("Engineers had flagged cracks in the wall last year, a ministry official said, The Indian "
                        "Express reported.\n\n", "")
    assert verdicts(art("sc", "Scroll Site", once)) == [("sc", "ANI", "credited rewrite")]
