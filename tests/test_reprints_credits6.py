"""Credit rules found on rpages6 (bench/labels/reprints_pages.py, session 32, round 6), each on synthetic texts: a name
over a photo caption, a caption closing in a wire's name, a state medium cited for the news, "X reported citing Y",
a sentence opening with an outlet's name, dash forms, dateline forms and reporters' names tied to their agency."""
from __future__ import annotations

import pytest

from core.clean import dateline_end

from tests.reprint_texts import LAST, MORE, STORY, art, kinds, verdicts  # noqa: F401


def test_a_name_alone_over_a_photo_caption_is_the_pictures_credit_not_a_byline():
    caption = "A burnt plane is seen at the airport in Tokyo on Wednesday morning."
    text = f"The Yomiuri Shimbun\n\n{caption}\n\n{STORY}\n\n{MORE}\n\n{LAST}"
    assert kinds(text) == [("photo", "Yomiuri Shimbun")]
    assert verdicts(art("jn", "The Japan News", text)) == []
    # Over the story itself the name is still a byline.
    assert kinds(f"The Yomiuri Shimbun\n\n{STORY}\n\n{MORE}") == [("byline", "Yomiuri Shimbun")]


def test_a_wire_closing_a_photo_caption_at_the_top_credits_the_picture():
    caption = "A charred boat lies on the scorched waterfront of Lahaina, Hawaii, US August 9, 2023. — Reuters"
    text = f"{caption}\n\n{STORY}\n\n{MORE}\n\n{LAST}"
    assert kinds(text) == [("photo", "Reuters")]
    assert verdicts(art("geo", "Geo Site", text)) == []
    # Closing the story, the same words are its sign-off.
    assert kinds(f"{STORY}\n\n{MORE}\n\n{LAST} — Reuters") == [("signoff", "Reuters")]


def test_an_interview_under_a_caption_credit_of_the_same_wire_makes_no_copy():
    text = (f"A charred boat lies on the waterfront, Hawaii, US August 9, 2023. — Reuters\n\n{STORY}\n\n{MORE}\n\n"
            f"\"It's like an apocalypse,\" a resident told Reuters.\n\n{LAST}")
    assert verdicts(art("geo", "Geo Site", text)) == []


def test_a_state_medium_cited_for_the_news_is_a_citation():
    assert kinds(f"{STORY[:-2]}, state broadcaster CCTV said.") == []
    assert kinds(f"{STORY[:-2]}, state news agency Xinhua reported.") == []
    assert kinds(f"{STORY[:-2]}, the state-run Anadolu news agency reported.") == []
    text = f"The former premier has died, state broadcaster CCTV said.\n\n{STORY}\n\n{MORE}"
    assert verdicts(art("trt", "Some World", text)) == []
    # Without the descriptor the broadcaster is credited as before.
    assert kinds(f"{STORY[:-2]}, CCTV said.") == [("reported", "CCTV")]


def test_the_source_in_x_reported_citing_a_state_medium_is_x():
    text = f"“The former premier died at ten past midnight,” Reuters reported citing state broadcaster CCTV. {STORY}"
    assert kinds(text) == [("reported", "Reuters")]
    # "Censor.NET reports citing RIA Novosti" (no state medium named): unchanged, the cited agency is the source.
    assert kinds(f"{STORY[:-2]}, Censor.NET reports citing RIA Novosti.") == [("reported", "RIA Novosti")]


def test_two_outlets_credited_in_the_lead_one_by_one_make_an_own_report():
    text = (f"The former premier died of a heart attack on Friday, reported the BBC.\n\n“He died at ten past midnight,” "
            f"Reuters reported citing state broadcaster CCTV.\n\n{STORY}\n\n{MORE}\n\n{LAST}")
    assert verdicts(art("scroll", "Scroll Site", text)) == []
    # One outlet in the lead and another once further down: the lead's outlet, as before.
    later = (f"The former premier died of a heart attack on Friday, reported the BBC.\n\n{STORY}\n\n{MORE}\n\n"
             f"{LAST} The cause was being established, Tass news agency reported.")
    assert [v[1:] for v in verdicts(art("rediff", "Rediff Site", later))] == [("BBC News", "credited rewrite")]


def test_y_in_x_said_citing_y_is_xs_source_not_the_texts():
    text = (f"North Korea fired a missile on Monday, the Yonhap news agency said, citing the Korean Central News "
            f"Agency (KCNA). {STORY}\n\n{MORE}\n\n{LAST}")
    assert [v[1:] for v in verdicts(art("ifx", "Interfax Site", text))] == [("Yonhap", "credited rewrite")]


def test_an_outlet_named_citing_sources_opening_a_sentence_is_no_byline():
    text = (f"LEWISTON (Maine), Oct 28 ― {STORY}\n\nABC News, citing unnamed law enforcement sources, reported that "
            f"the suspect was found dead.\n\n{MORE}\n\n{LAST} ― Reuters")
    assert ("byline", "ABC News") not in kinds(text)
    assert [v[1:] for v in verdicts(art("mm", "Malay Site", text))] == [("Reuters", "wire copy")]


@pytest.mark.parametrize("dash", ["―", "‒", "—", "–"])
def test_dash_forms_of_a_sign_off(dash):
    assert kinds(f"{STORY}\n\n{MORE} {dash} Reuters") == [("signoff", "Reuters")]
    assert kinds(f"{STORY}\n\n{MORE}\n\n{dash}Reuters") == [("signoff", "Reuters")]


def test_dateline_forms_of_a_carried_agency():
    assert dateline_end("Beijing, Oct. 27, (dpa/GNA) – Former premier") == len("Beijing, Oct. 27, (dpa/GNA) – ")
    head = "Beijing, (APP - UrduPoint / Pakistan Point News - 27th Oct, 2023) "
    assert dateline_end(head + "Former premier") == len(head)
    assert kinds(f"Beijing, Oct. 27, (dpa/GNA) – {STORY}") == [("dateline", "dpa")]
    assert kinds(f"{head}{STORY}", own="UrduPoint") == [("dateline", "APP")]
    # A capitalised word and a parenthesis in a sentence are no dateline.
    assert dateline_end("Thousands (about 2,000) gathered in the square.") == 0
    assert dateline_end("Thousands (dpa) gathered in the square.") == 0


def test_names_run_into_their_agency_make_a_byline():
    assert kinds(f"By REBECCA BOONE Associated Press\n\n{STORY}") == [("byline", "Associated Press")]
    assert kinds(f"By Jane Doe and John Roe Associated Press\n\n{STORY}") == [("byline", "Associated Press")]
    # A name alone is no credit.
    assert kinds(f"By REBECCA BOONE\n\n{STORY}") == []


def test_agency_writers_contributed_ties_the_names_to_the_agency():
    text = f"{STORY}\n\n{MORE}\n\nAssociated Press writers Jane Doe in Honolulu and John Roe contributed to this report."
    assert kinds(text) == [("reporter", "Associated Press")]
    assert kinds(f"{STORY} The Associated Press contributed nothing to the fund.") == []


def test_a_page_naming_itself_and_agencies_as_its_source_is_no_spun_copy():
    wire = ("BEIJING (Reuters) – The former premier died of a heart attack on Friday aged 68, ten months after he "
            "retired. He served under the president for a decade from 2013, retiring in March. The Peking "
            "University-educated economist was once viewed as a top party leadership contender. He memorably said in "
            "2020 that 600 million people earned less than $140 a month, sparking a debate on poverty. "
            f"{MORE}")
    own = ("The former premier has died after a heart attack, state media have reported. An obituary will follow, the "
           "official broadcaster said. The former premier served under the president for ten years from 2013, stepping "
           "down in March. Once seen as a contender for the party's top job, the economist had studied at Peking "
           "University. He memorably said in 2020 that 600 million people earned less than $140 a month, sparking a "
           "debate on poverty. Mourners gathered in his home province on Friday evening to lay flowers.")
    a = art("jn", "Japan Site", wire, published="2023-10-27T10:00")
    b = art("trt", "World Site", own + "\n\nSOURCE: World Site and agencies", published="2023-10-27T10:00")
    assert ("trt", "Reuters", "spun copy") in verdicts(a, {**b, "text": own})     # without the line: a spun copy
    assert "trt" not in [v[0] for v in verdicts(a, b)]
