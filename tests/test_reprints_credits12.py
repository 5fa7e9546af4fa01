"""Credit forms found unread on rpages12 (session 35, round 13), on synthetic texts: a dateline whose date is written
day first ("SEOUL, 29th December, 2024 (WAM) --"), "news agency X quoted an official as saying" in the lead, and "(With
AP inputs)" closing a story."""
from __future__ import annotations

from core.clean import dateline_end
from tests.reprint_texts import LAST, MORE, STORY, art, kinds, verdicts


def test_a_dateline_with_the_day_written_first_credits_the_agency():
    # rpages12's Big News Network page of WAM's story.
    assert kinds(f"SEOUL, 29th December, 2024 (WAM) -- {STORY}") == [("dateline", "WAM")]
    assert kinds(f"ABU DHABI, 3 March 2025 (WAM) -- {STORY}") == [("dateline", "WAM")]
    assert dateline_end("LONDON, 1st May, 2024 (Reuters) - The") == len("LONDON, 1st May, 2024 (Reuters) - ")
    # A sentence with a day in it is no dateline.
    assert dateline_end("On 29th December, 2024 (local time) the plane landed.") == 0


def test_an_outlet_quoting_an_unnamed_person_as_saying_is_a_report_retold():
    # rpages12's Indian Express: "…, news agency PTI quoted an official as saying." closing its first sentence.
    lead = "The old bridge collapsed on Sunday, leaving several people injured, news agency PTI quoted an official as saying. "
    assert kinds(lead + MORE) == [("reported", "PTI")]
    assert kinds("Xinhua quoted Li as saying the talks went well. " + MORE) == [("reported", "Xinhua")]
    # "quoted" without "as saying" after a common noun stays unread ("PTI quoted the figures in a chart").
    assert kinds("Reuters quoted the figures in a chart of its own. " + MORE) == []
    page = art("ie", "Indian Daily", lead + MORE + LAST)
    assert verdicts(page) == [("ie", "PTI", "credited rewrite")]


def test_one_outlets_inputs_closing_the_story_credit_it_and_several_credit_none():
    # rpages12's Financial Express: "(With AP inputs)" on the story's last line.
    for line in ("(With AP inputs)", "(With inputs from AP)", "With inputs from the AP."):
        assert kinds(f"{STORY}\n\n{MORE}\n\n{line}") == [("source", "Associated Press")], line
    assert kinds(f"{STORY}\n\n{MORE}\n\n(With inputs from AFP, AP and local media reports)") == []
    # Mid-story, the phrase is no source line.
    assert kinds(f"(With AP inputs)\n\n{STORY}\n\n{MORE}\n\n{LAST}\n\n{STORY}") == []


def test_caption_lines_read_by_their_cheap_checks_as_by_the_whole_pattern():
    # Session 35's speed cut reads a caption's words and day behind substring and digit checks: the same lines.
    from core.credits import _is_caption
    assert _is_caption("Rescue workers at the site in Lahaina, Hawaii, US August 9, 2023.")
    assert _is_caption("Rescue workers at the site in Muan on 29 December 2024.  ")
    assert _is_caption("A survivor is seen at the hospital in Kalpetta")
    assert _is_caption("In this photo released by the army, soldiers build a bridge")
    assert not _is_caption("The bridge was built in 2024 and cost 1,000,000 rupees, officials said in 2023")
    assert not _is_caption("Officials said the toll rose on Tuesday as rescuers reached the villages")
