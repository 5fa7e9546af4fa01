"""Errors found on rpages8 (session 33, round 8) and the leftovers of rounds 6-7, each on synthetic texts: a copyright
line naming another outlet, "Credit: AP" closing a photo caption, a wire's reporter quoted in a story about the news
coverage, a video credit, outlets the registry lacked, and dateline forms (a colon after the place, a headline run into
the dateline, a dateline under a standfirst and a photo caption, "-- ANI, with agency inputs")."""
from __future__ import annotations

from core.clean import dateline_end
from tests.reprint_texts import LAST, MORE, STORY, art, kinds, verdicts


def test_a_copyright_line_naming_another_outlet_credits_its_text():
    text = f"{STORY}\n\n{MORE}\n\n{LAST}\n(END)\n(C) Yonhap News Agency. All Rights Reserved\n"
    assert kinds(text) == [("source", "Yonhap")]
    assert verdicts(art("kv", "Korean Vibe", text)) == [("kv", "Yonhap", "wire copy")]
    assert kinds(f"{STORY}\n\n{MORE}\n(c) Yonhap\n") == [("source", "Yonhap")]
    assert kinds(f"{STORY}\n\nCopyright 2023 The Associated Press. All rights reserved.") == \
        [("source", "Associated Press")]
    # The outlet's own page is no copy of itself; "© Reuters" or "(c) Reuters" under a caption is the picture's.
    assert kinds(text, own="Yonhap") == []
    caption = "Rescue boats on the flooded river near the dam on Monday, Jan. 30, 2023."
    assert kinds(f"{caption}\n© Reuters\n\n{STORY}\n\n{MORE}") == [("photo", "Reuters")]
    assert verdicts(art("x", "Some Site", f"{caption}\n(c) Reuters\n\n{STORY}\n\n{MORE}\n\n{LAST}")) == []


def test_credit_closing_a_photo_caption_is_the_pictures():
    caption = ("In this handout photo released by the police, officers gather at the dam, Monday, Jan. 30, 2023. "
               "(Police Department via AP) Credit: AP")
    text = f"How did the dam give way?\n\n{caption}\n\n{STORY}\n\n{MORE}\n\n{LAST}"
    assert kinds(text) == [("photo", "Associated Press")]
    assert verdicts(art("sbs", "SBS", text)) == []
    # A source line of its own still credits the text.
    assert kinds(f"{STORY}\n\n{MORE}\n\nSource: AP") == [("source", "Associated Press")]


def test_a_wire_reporter_quoted_in_the_story_is_no_wire_reporting():
    quoted = 'Boats crowded the river bank. A CNN reporter on the scene exclaimed, "I can\'t believe this."'
    text = f"{STORY}\n\n{quoted}\n\n{MORE}\n\n{LAST}"
    assert kinds(text) == []
    assert verdicts(art("ae", "Asia Economy", text)) == []
    # What the agency's reporter saw, told by the story, is still its own reporting.
    saw = "A CNN reporter on the scene saw boats carrying families to the hills."
    assert kinds(f"{STORY}\n\n{saw}\n\n{MORE}") == [("reporter", "CNN")]


def test_a_video_credit_is_no_text_credit():
    video = "Video obtained by Reuters shows the moment the wall gave way at 4:13 a.m."
    text = f"{STORY}\n\n{video}\n\n{MORE}\n\n{LAST}"
    assert kinds(text) == []
    assert verdicts(art("cs", "coklatsweetnews", text)) == []


def test_outlets_the_registry_lacked_are_credited():
    assert kinds(f"LAHAINA, Hawaii (KHNL/Gray News) - {STORY}\n\n{MORE}") == [("dateline", "Gray News")]
    assert kinds(f"The dam gave way\n\nsource: The Vibes\n\n{STORY}\n\n{MORE}") == [("source", "The Vibes")]
    said = f"{STORY}The dam had been inspected in May, the Yeni Safak newspaper reported on Tuesday, citing the police."
    assert kinds(said) == [("reported", "Yeni Şafak")]
    assert kinds(f"(MENAFN- Pajhwok Afghan News) KABUL (Pajhwok): {STORY}") == [("dateline", "Pajhwok Afghan News")]
    # "Vibes" alone is no outlet.
    assert kinds(f"{STORY}Good Vibes returned to the valley on Sunday.") == []


def test_a_colon_after_the_place_opens_a_dateline():
    text = f"DHAKA: (Reuters) {STORY}"
    assert dateline_end(text) == len("DHAKA: (Reuters) ")
    assert kinds(f"{text}\n\n{MORE}") == [("dateline", "Reuters")]


def test_a_headline_run_into_the_dateline_on_the_first_line_is_read():
    text = f"Dam bursts, floods six villages in the north. PESHAWAR, Pakistan (AP) — {STORY}\n\n{MORE}"
    assert kinds(text) == [("dateline", "Associated Press")]
    # Mid-story, the same words are no dateline of the text.
    assert kinds(f"{MORE}\n\n{STORY} Dam bursts, floods six villages. PESHAWAR, Pakistan (AP) — {LAST}") == []


def test_a_dateline_under_a_standfirst_and_a_photo_caption_is_read():
    head = (" | Mon, Oct 09, 2023\nThe dam gave way overnight\n\n"
            "Leaders visited the province where the flood destroyed six villages and left thousands homeless today.\n\n"
            "By\n\nNews\n\nOctober 9, 2023 - 2:25 PM\n\n"
            "Residents clear mud from a damaged house in the flooded district on Saturday, Oct. 7, 2023. "
            "Photo by Jane Doe/AFP/Getty Images/TNS\n\n")
    text = f"{head}ISLAMABAD (AP) — {STORY}\n\n{MORE}"
    assert ("dateline", "Associated Press") in kinds(text)
    assert verdicts(art("ir", "The Iola Register", text + f"\n\n{LAST}")) == [("ir", "Associated Press", "wire copy")]
    # Below paragraphs of the story (more than one sentence each) a dateline is another story's, not the text's.
    story = f"{STORY}{MORE}\n\n{LAST}{STORY}\n\n"
    assert ("dateline", "Associated Press") not in kinds(f"{story}{story}ISLAMABAD (AP) — {MORE}")


def test_a_dashed_signoff_with_agency_inputs_credits_the_agency():
    text = f"{STORY}\n\n{MORE} -- ANI, with agency inputs\n\n{LAST}"
    assert kinds(text) == [("signoff", "ANI")]
    assert verdicts(art("rd", "Rediff", text)) == [("rd", "ANI", "wire copy")]


def test_one_sentence_paragraphs_of_the_story_are_no_chrome_above_a_dateline():
    # Five one-sentence paragraphs (a wire's style) are the story itself: a dateline under them is another story's.
    lines = [STORY.strip(), MORE.strip(), LAST.strip(), STORY.strip(), MORE.strip()]
    text = "\n\n".join(lines) + f"\n\nISLAMABAD (AP) — {LAST}"
    assert ("dateline", "Associated Press") not in kinds(text)
