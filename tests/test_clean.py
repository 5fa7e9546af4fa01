"""The one cleaner: page furniture out, the story and its credit lines kept, wire datelines stripped."""
import pytest

from core.clean import clean_text, dateline_end, split_boilerplate, strip_dateline
from tests.conftest import shared_path


def test_aggregator_footer_lines_are_removed_and_reported():
    text = ("The council met on Monday.\n\nIt voted to close the bridge.\n\nYou can share this story on social media:"
            "\n\nSource link\n\nRelated Articles\n\nLeave a Reply\n\nBack to top button")
    clean, found = split_boilerplate(text)
    assert clean == "The council met on Monday.\n\nIt voted to close the bridge."
    assert found == ["You can share this story on social media:", "Source link", "Related Articles",
                     "Leave a Reply", "Back to top button"]


def test_players_app_prompts_and_time_stamp_lines_are_furniture():
    # real pages' first lines, which became an article's "lead" (Politico, The Independent, Fox News, NBC)
    text = ("Press play to listen to this article\nVoiced by Amazon Polly\nStay up to date with notifications from The "
            "Independent\nThis browser does not support the video element.\nMake Fox News your home page\n"
            "Last updated 1/19/2019 at 5:56 p.m. ET.\nUpdated: 12 May 2024 10:00 BST\nThe council met on Monday.")
    clean, found = split_boilerplate(text)
    assert clean == "The council met on Monday." and len(found) == 7
    # prose that starts with the same words stays
    prose = "Updated figures show a rise.\nLast year prices rose.\nPosted troops stayed.\nStay calm, he said."
    assert clean_text(prose) == prose


def test_markers_glued_into_sentences_are_removed():
    text = ("The council met on Monday ARTICLE AD BOX and voted to close the bridge.Read more: Bridge repairs "
            "delayed againThe mayor said repairs would take a year.Source link")
    clean = clean_text(text)
    assert clean == "The council met on Monday and voted to close the bridge. The mayor said repairs would take a year."


def test_read_more_line_with_a_related_headline_goes():
    text = "The talks ended late.\nRead more: Ministers to meet again in May\nBoth sides called them useful."
    assert clean_text(text) == "The talks ended late.\nBoth sides called them useful."


def test_prose_that_merely_starts_like_boilerplate_stays():
    long_line = ("Related reports from the region say the talks ended without agreement, and comments from "
                 "both delegations suggested that a second round is unlikely before the summer recess begins "
                 "in earnest next month.")
    text = f"{long_line}\n\nComments by the minister were brief."
    assert clean_text(text) == text


def test_credit_lines_stay_for_credit_detection():
    text = "The plant was flooded overnight, officials said.\n\nSource: Xinhua\n\n(Reuters)"
    assert clean_text(text) == text


@pytest.mark.parametrize("dateline", [
    "MOSCOW. January 31. /TASS/. ", "MOSCOW, June 6. /TASS/. ", "BEIJING, May 16 (Xinhua) -- ",
    "KYIV (Reuters) - ", "KYIV, June 6 (Reuters) - ", "KHERSON, Ukraine (AP) — ", "TEHRAN, Aug. 23 (MNA) – ",
    "(CNN) — ", "(MENAFN- Live Mint) ", "WASHINGTON — ", "BEIJING -- ", "Vladimir (Russia) (AFP) – ",
    "Beijing — ", "MOSCOW (Reuters) -",
    # two cities of one dateline, joined by a slash
    "AMMAN/BEIRUT (Reuters) - ", "KYIV/MOSCOW, March 3 (Reuters) - ", "GAZA/CAIRO — ",
    # the country in square brackets (ANI), a longer place with a two-word country (rpages7)
    "New Delhi [India], June 3 (ANI): ", "Sohae Satellite Launching Station (North Korea) (AFP) – ",
])
def test_wire_datelines_are_stripped(dateline):
    story = "A dam on the river collapsed on Tuesday, flooding villages downstream."
    assert strip_dateline(dateline + story) == story
    assert dateline_end(dateline + story) == len(dateline)


@pytest.mark.parametrize("text", [
    "Editor's note: This is a developing story.", "Russian President Vladimir Putin (pictured) arrived on Thursday.",
    "A dam on the river collapsed on Tuesday.", "", "MOSCOW -",
    "AC/DC played the stadium on Tuesday.", "BBC/ITV poll shows a narrow lead.",
    # a hyphen inside a compound is no dateline dash (fc32: "US-based Silicon Valley Bank" lost "US-")
    "US-based Silicon Valley Bank, which lent to start-ups, collapsed.", "UK-listed firms fell on Monday.",
    # a long name and its abbreviation opening a sentence: the long place form needs the agency and a dash after it
    "National Disaster Response Force (North India) (NDRF) said it sent teams.",
])
def test_text_without_a_dateline_is_unchanged(text):
    assert strip_dateline(text) == text


def test_empty_and_odd_input():
    assert clean_text("") == "" and split_boilerplate("") == ("", [])
    assert strip_dateline(None) == ""
    assert clean_text("\n\n\n") == ""
    assert clean_text("Read more") == ""


def test_realworld_texts_keep_their_words():
    # Cleaning the annotated real-world excerpts removes furniture only: no text loses more than a footer.
    import json
    path = shared_path("data", "realworld", "articles.jsonl")
    for line in path.read_text(encoding="utf-8").splitlines():
        a = json.loads(line)
        text = a["text"] or ""
        clean, found = split_boilerplate(text)
        assert len(clean.split()) >= len(text.split()) - 25, a["id"]
        assert all(len(f) < 120 for f in found), (a["id"], found)


def test_a_dateline_with_june_or_july_cut_short_is_a_dateline():
    # "Nairobi, Jun. 11, (dpa/GNA) –" (rpages14): "Jan." to "Dec." were read, "Jun." and "Jul." were not
    from core.clean import strip_dateline
    assert strip_dateline("NAIROBI, Jun. 11 (Xinhua) -- Kenya said on Tuesday it would act.") == \
        "Kenya said on Tuesday it would act."
    assert strip_dateline("PARIS, Jul. 3 (AFP) - France said it would act.") == "France said it would act."
    assert strip_dateline("In June 11 people were hurt, officials said.") == "In June 11 people were hurt, officials said."
