"""Framing figures: hand-checked expectations on real BASIL events, Fightin' Words maths, bad input."""
from __future__ import annotations

import json
import math
from collections import Counter, defaultdict
from pathlib import Path

import pytest

from core.framing import attribution, compare_event, contested_terms, prepare, run_compare_file
from core.lexicon import LexiconError, load_contested_terms, split_sentences
from core.timeline import timing
from core.vocab import Z_MIN, count_terms, distinctive_terms, fightin_words

BASIL = Path(__file__).resolve().parents[1].parent / "shared" / "data" / "corpora" / "basil.jsonl"
EMERGENCY = "3ae35b16-7f7f-4a5e-9f24-5ce724106a73"    # Trump declares national emergency over border wall (2019)
ARPAIO = "0ffb34cd-c367-4d90-aca7-7fcac3ed8f3d"       # Joe Arpaio endorses Rick Perry (2011)


@pytest.fixture(scope="module")
def basil() -> dict[str, list[dict]]:
    if not BASIL.exists():
        pytest.skip(f"{BASIL} not found: the BASIL corpus in ../shared is needed for this test")
    events = defaultdict(list)
    for line in BASIL.open(encoding="utf-8"):
        a = json.loads(line)
        events[a["gold_event"]].append(a)
    return events


def _outlet_of(articles, outlet):
    return next(a for a in articles if a["outlet"] == outlet)


def test_fightin_words_tiny_example_by_hand():
    # a: x=2 y=1 (n=3); b: x=1 y=3 (n=4); prior x=1 y=1 (a0=2)
    # x: log((2+1)/(3+2-2-1)) - log((1+1)/(4+2-1-1)) = log(3/2) - log(2/4) = log 3
    #    var = 1/3 + 1/2, z = log 3 / sqrt(5/6)
    s = fightin_words(Counter(x=2, y=1), Counter(x=1, y=3), prior=Counter(x=1, y=1))
    assert s["x"][0] == pytest.approx(math.log(3))
    assert s["x"][1] == pytest.approx(math.log(3) / math.sqrt(5 / 6))
    # y: log((1+1)/(3+2-1-1)) - log((3+1)/(4+2-3-1)) = log(2/3) - log(2) = log(1/3): the mirror image
    assert s["y"][0] == pytest.approx(math.log(1 / 3))
    assert s["y"][1] == pytest.approx(math.log(1 / 3) / math.sqrt(1 / 2 + 1 / 4))


def test_distinctive_terms_ranks_the_loaded_phrase():
    a = "the Ukrainian issue was raised again, said Dong. " * 12
    b = "the war in Ukraine was raised again, said Austin. " * 12
    res = distinctive_terms({"A": [a], "B": [b]}, min_count=2)
    assert {"ukrainian issue"} <= {r["term"] for r in res["A"]}
    assert "war" in {r["term"] for r in res["B"]}
    assert all(r["z"] >= Z_MIN for rows in res.values() for r in rows)
    # two mentions against none is not enough to call a word distinctive
    few = distinctive_terms({"A": ["the Ukrainian issue, the Ukrainian issue, said Dong"],
                             "B": ["the war in Ukraine, the war in Ukraine, said Austin"]}, min_count=2)
    assert few == {"A": [], "B": []}


def test_distinctive_terms_on_basil_arpaio_event(basil):
    # Checked by reading the texts: only the NYT writes "illegal immigrants" (4 times); in three articles
    # that is not beyond chance (z < 1.96), so it is not shown; HuffPost's 18 "border" against 11 is.
    ev = basil[ARPAIO]
    texts = {a["outlet"]: [a["title"] + "\n" + a["text"]] for a in ev}
    res = distinctive_terms(texts, top=8)
    assert "illegal immigrants" not in [r["term"] for r in res["New York Times"]]
    row = next(r for r in res["HuffPost"] if r["term"] == "border")
    assert row["count"] == 18 and row["count_rest"] == 11 and row["z"] >= Z_MIN
    counts = {o: count_terms(t)[0] for o, t in texts.items()}
    total = sum(counts.values(), Counter())
    nyt = counts["New York Times"]
    assert nyt["illegal immigrant"] == 4 and total["illegal immigrant"] == 4
    assert 0 < fightin_words(nyt, total - nyt, total)["illegal immigrant"][1] < Z_MIN
    assert all(r["z"] >= Z_MIN for rows in res.values() for r in rows)


def test_page_furniture_is_not_a_distinctive_word_and_leads_skip_datelines():
    furniture = "\nSource link\nRelated Articles\nLeave a Reply\n"
    # Each agency's own story under its own dateline (under another site's name it would be wire copy).
    arts = [{"id": "1", "outlet": "TASS", "title": "Talks", "text": "MOSCOW. January 31. /TASS/. Defence ministers spoke "
             "by phone on Wednesday about the Ukrainian issue." + furniture * 20},
            {"id": "2", "outlet": "Xinhua", "title": "Talks", "text": "BEIJING, Jan. 31 (Xinhua) -- Chinese Defense Minister "
             "Dong Jun held talks with Russian Defense Minister Andrei Belousov."}]
    rep = compare_event(arts)
    terms = {r["term"] for rows in rep["distinctive_terms"]["outlets"].values() for r in rows}
    assert not terms & {"source", "link", "source link", "related", "reply", "leave"}
    leads = {h["outlet"]: h["lead"] for h in rep["headlines"]["articles"]}
    assert leads["TASS"].startswith("Defence ministers spoke") and leads["Xinhua"].startswith("Chinese Defense Minister")


def test_a_headline_glued_onto_the_summary_is_not_part_of_the_lead():
    # An aggregator's page as it arrives: the headline pasted before the summary with no space between.
    glued = {"id": "1", "outlet": "Aggregator", "title": "Putin and Xi meet in Beijing",
             "text": "Putin and Xi meet in BeijingThe leaders of Russia and China are holding a meeting in Beijing on "
                     "Thursday.\n\nThe visit marks an anniversary."}
    apart = {"id": "2", "outlet": "Wire", "title": "Putin and Xi meet in Beijing",
             "text": "Putin and Xi meet in Beijing as the leaders of both countries hold talks on Thursday."}
    leads = {h["outlet"]: h["lead"] for h in compare_event([glued, apart])["headlines"]["articles"]}
    assert leads["Aggregator"].startswith("The leaders of Russia and China are holding")
    assert leads["Wire"].startswith("Putin and Xi meet in Beijing as the leaders")   # a sentence opening with the title


def test_the_lead_is_the_story_not_the_headline_kicker_caption_or_prompt_a_page_repeats_above_it():
    # Synthetic pages shaped like fresh ones: a masthead, the headline again, a kicker, a byline, a photo
    # caption with its credit, a video blurb, an archive notice and subscription prompts before the story.
    title = "Storm floods the valley town"
    pages = [
        ("Paper", "Daily Paper Online Edition\n\nStorm floods the valley town\n\nResidents wade through streets as "
                  "river rises\n\n- Jane Doe and John Roe\n\nThe river broke its banks on Monday and flooded the "
                  "centre of the town. Hundreds left their homes."),
        ("Site", "Storm floods the valley town\n\nResidents wading through a flooded street on Monday. PHOTO: REUTERS\n"
                 "A boat on the square.\n\nSeventeen hours of rain sent the river into the town, officials said."),
        ("Wire copy", "Storm floods the valley town\n\nRescuers carry supplies into the town on Monday (Jane Doe/Agency)"
                      "\n\nVALLEYTOWN (Agency) — The river rose two metres overnight and flooded the town."),
        ("Magazine", "This story is over 5 years old.\n\nVideo: the river has flooded the town, killing no one.\n\n"
                     "Subscribe Now Choose a package that suits you.\nAlready a subscriber? Log in.\n\n"
                     "Floodwater filled the town's streets on Monday after a night of rain."),
    ]
    arts = [{"id": str(i), "outlet": o, "title": title, "text": t} for i, (o, t) in enumerate(pages)]
    leads = {h["outlet"]: h["lead"] for h in compare_event(arts)["headlines"]["articles"]}
    assert leads["Paper"].startswith("The river broke its banks on Monday")
    assert leads["Site"].startswith("Seventeen hours of rain sent the river")
    assert leads["Wire copy"].startswith("The river rose two metres overnight")
    assert leads["Magazine"].startswith("Floodwater filled the town's streets")


def test_a_headline_line_ending_in_a_stop_and_a_one_paragraph_text_keep_their_first_sentence():
    # A real first paragraph that is one sentence still leads; a text with nothing else falls back to it.
    arts = [{"id": "1", "outlet": "A", "title": "Vote held", "text": "Voters in the city chose a new mayor on Sunday.\n\n"
             "Turnout was low."},
            {"id": "2", "outlet": "B", "title": "Vote held", "text": "Vote held"}]
    leads = {h["outlet"]: h["lead"] for h in compare_event(arts)["headlines"]["articles"]}
    assert leads["A"] == "Voters in the city chose a new mayor on Sunday."
    assert leads["B"] == "Vote held"


def test_a_video_blurb_closing_on_its_date_and_credit_is_not_the_lead():
    # A page sets the story's video blurb above it; the blurb ends on its date and credit, whole or cut.
    for credit in ("(March 19) AP", "(March AP", "(Aug. 24) USA TODAY"):
        text = ("Skip in Skip\n\nAn airliner with 62 people on board crashed while landing in strong winds. Video "
                f"released appears to show the crash. {credit}\n\nAn airliner making a second attempt to land crashed "
                "short of the runway on Saturday, killing all 62 people aboard.")
        rep = compare_event([{"id": "1", "outlet": "Paper", "title": "Jet crashes in storm", "text": text},
                             {"id": "2", "outlet": "Wire", "title": "Dubai flight lost", "text": "The Boeing was lost "
                              "with all on board near Rostov, the ministry said."}], reprints=[])
        leads = {h["outlet"]: h["lead"] for h in rep["headlines"]["articles"]}
        assert leads["Paper"].startswith("An airliner making a second attempt"), credit


def test_what_stands_above_a_repeated_headline_a_standfirst_line_and_highlights_are_not_the_lead():
    title = "Fire guts the old cathedral"
    pages = [
        # icons and a time stamp, then the headline printed twice: the story starts after its last copy
        ("Icons", "icon bookmark icon camera icon chevron down icon close icon share sign in\n4 Aug, 2020 22:30\n\n"
                  f"{title}\n\n{title}\n\nThe roof of the old cathedral burned through on Monday night."),
        # the headline, an empty byline template, the headline again, a byline and a time stamp
        ("Template", f"{title}\n\nBy , in latest on .\n{title}\n\nJane Doe and John Roe\n\nPublished 6:08 PM\n\n"
                     "PARIS – Flames raced through the roof of the old cathedral on Monday."),
        # a standfirst with no stop on the line under the headline, in the same paragraph
        ("Standfirst", f"{title}\nPresident declares an emergency after the landmark's roof is devastated\n\n"
                       "A huge fire tore through the old cathedral last night. The towers were saved."),
        # a page's highlights as a list above the dateline
        ("Highlights", f"{title}\n\n-- The fire broke out at 6 p.m. on Monday.\n\n-- The towers were saved.\n\n"
                       "PARIS, April 16 -- A fire destroyed the roof of the old cathedral on Monday evening."),
        # a date stamp left once the dateline's city is cut
        ("Date stamp", "CAIRO – 16 April 2019: Firefighters saved the towers of the old cathedral overnight."),
    ]
    arts = [{"id": str(i), "outlet": o, "title": title, "text": t} for i, (o, t) in enumerate(pages)]
    leads = {h["outlet"]: h["lead"] for h in compare_event(arts)["headlines"]["articles"]}
    assert leads["Icons"] == "The roof of the old cathedral burned through on Monday night."
    assert leads["Template"] == "Flames raced through the roof of the old cathedral on Monday."
    assert leads["Standfirst"].startswith("A huge fire tore through the old cathedral last night.")
    assert leads["Highlights"] == "A fire destroyed the roof of the old cathedral on Monday evening."
    assert leads["Date stamp"] == "Firefighters saved the towers of the old cathedral overnight."


def test_thirtysecond_round_leads_captions_lists_ranks_and_compounds():
    title = "Fighting erupts in the capital"
    pages = [
        # a caption with no credit, in a picture's present tense and dated with its year, above the story
        ("Caption", "Smoke rises above buildings in Khartoum, Sudan, on April 15, 2023, amid reported clashes in the "
                    "city.\n\nSustained gunfire was heard in the capital on Saturday amid rising tensions."),
        # … and one closing on an agency's credit after a second sentence
        ("Credited", "People walk past a military vehicle in Khartoum on April 15, 2023, amid clashes. Paramilitaries "
                     "said they held the palace. — AFP\n\nThe paramilitary force captured the palace on Saturday."),
        # highlights set line by line in one paragraph, each marked with two dashes
        ("List", f"{title}\n\n—– Masses throng the streets across the country\n—– Court declares the arrest legal in a "
                 "hurry\nverdict\n—– Party to approach the top court, says a spokesman\n\nBy Jane Doe\n\n"
                 "ISLAMABAD: A team of officers on Tuesday took the former prime minister into custody."),
        # a rank's abbreviation is no sentence end
        ("Rank", "Spokesman for the armed forces Brig. Nabil Abdullah issued a warning of conflict after the recent "
                 "deployment of the paramilitary in the capital."),
        # a compound's hyphen is no dateline dash
        ("Compound", "US-based Silicon Valley Bank, which lent to start-ups, collapsed on 10 March after a run on "
                     "deposits."),
    ]
    arts = [{"id": str(i), "outlet": o, "title": title, "text": t} for i, (o, t) in enumerate(pages)]
    leads = {h["outlet"]: h["lead"] for h in compare_event(arts, reprints=[])["headlines"]["articles"]}
    assert leads["Caption"] == "Sustained gunfire was heard in the capital on Saturday amid rising tensions."
    assert leads["Credited"] == "The paramilitary force captured the palace on Saturday."
    assert leads["List"] == "A team of officers on Tuesday took the former prime minister into custody."
    assert leads["Rank"].startswith("Spokesman for the armed forces Brig. Nabil Abdullah issued")
    assert leads["Compound"].startswith("US-based Silicon Valley Bank")
    # a story sentence in the past tense with its year stays the lead
    story = [{"id": "s", "outlet": "S", "title": title, "text": "On March 10, 2023, regulators closed the bank.\n\nMore."}]
    assert compare_event(story, reprints=[])["headlines"]["articles"][0]["lead"].startswith("On March 10, 2023")


def test_a_photo_gallery_of_captions_has_no_lead_and_its_captions_make_no_distinctive_words():
    caption = ("File photo taken on Oct. 11, 2013 shows the {} of the cathedral. The fire was put out after 15 hours, "
               "local media reported. (Agency/Jane Doe)")
    gallery = "\n".join(caption.format(part) for part in ("interior", "exterior", "towers", "roof"))
    story = "The fire at the cathedral was put out after 15 hours, firefighters said on Tuesday."
    arts = [{"id": "1", "outlet": "Gallery", "title": "", "text": gallery},
            {"id": "2", "outlet": "Paper", "title": "Fire out", "text": story},
            {"id": "3", "outlet": "Wire", "title": "Fire out", "text": story.replace("Tuesday", "Monday")}]
    rep = compare_event(arts)
    leads = {h["outlet"]: h["lead"] for h in rep["headlines"]["articles"]}
    assert leads["Gallery"] == "" and leads["Paper"].startswith("The fire at the cathedral")
    assert not rep["distinctive_terms"]["outlets"].get("Gallery")


def test_a_paragraph_a_page_prints_twice_is_one_use_of_a_contested_term():
    # The headline printed again atop the text and the wire's lead printed twice: "extremists" in the headline
    # and once in the story, two uses, not four.
    title = "Extremists bomb the city"
    lead = ("CITY (Agency) — Islamic extremists struck Tuesday in the heart of the city, killing at least 31 "
            "people in bombings of the airport and subway.")
    text = f"{title}\n\n{lead}\n\n{lead}\n\nThe airport was closed for the day."
    arts = [{"id": "1", "outlet": "Site", "title": title, "text": text},
            {"id": "2", "outlet": "Paper", "title": "Bombs hit the city", "text": "Bombs struck the airport and subway "
             "on Tuesday, killing 31 people, officials said."}]
    ct = compare_event(arts)["contested_terms"]
    assert ct["by_outlet"]["Site"] == {"terrorist / militant / fighter": {"extremist": 2}}
    site = [(m["field"], m["start"]) for m in ct["matches"] if m["outlet"] == "Site"]
    assert site == [("title", 0), ("text", text.index("extremists"))]


def test_a_repeated_sentence_is_counted_once_wherever_a_page_repeats_it():
    from core.framing import repeated_sentences
    from core.lexicon import split_sentences
    text = ("Storm hits the coast\n\nThe storm hit the coast on Monday. It was strong.\n\n"
            "The storm hit the coast on Monday.")
    sents = split_sentences(text)
    reps = repeated_sentences(text, sents, "Storm hits the coast")
    assert [text[s:e] for s, e in reps] == ["Storm hits the coast", "The storm hit the coast on Monday."]
    assert reps[1][0] > 40
    # the headline printed again in the text is its second copy; a sentence of two words ("Strong winds.") never counts
    reps = repeated_sentences("Storm hits the coast\nStrong winds. Strong winds.", split_sentences(
        "Storm hits the coast\nStrong winds. Strong winds."), "Storm hits the coast")
    assert reps == [(0, 20)]


def test_dates_and_embedded_posts_credit_lines_are_no_distinctive_words():
    post = "Flags at half mast across the city\n— Alex Barker (@alexebarker) March 22, 2016\n"
    counts, _ = count_terms([post * 6 + "Protesters began their march on 22 March. The march was peaceful."])
    assert counts["march"] == 2 and "alex" not in counts and "barker" not in counts   # the walk twice, no date


def test_links_and_a_repeated_caption_are_no_distinctive_words():
    # An embedded tweet's link and a caption a page prints three times must not make an outlet's vocabulary.
    tweet = "Flags at half mast pic.twitter.com/AbC123 — Someone (@someone) March 22, 2016\n"
    caption = "Rescuers combing through the rubble on Wednesday. PHOTO: AGENCY\n"
    counts, _ = count_terms([tweet * 6 + caption * 3 + "Rescuers combed the town."])
    assert not {"pic", "twitter", "com", "twitter com", "someone"} & set(counts)
    assert counts["comb"] == 2      # the caption once, the story once


def test_contested_terms_on_basil_emergency_event(basil):
    # Hand-checked: the NYT writes "illegal immigrants" twice, once in its own voice and once inside
    # what Mr. Trump "asserted that ..."; HuffPost "unauthorized immigrants"; Fox none of them.
    res = contested_terms(basil[EMERGENCY])
    by = res["by_outlet"]
    assert by["New York Times"]["immigrant status"]["illegal immigrant"] == 1
    assert res["quoted"]["New York Times"]["immigrant status"]["illegal immigrant"] == {"Mr. Trump": 1}
    assert "illegal immigrant" not in by["HuffPost"].get("immigrant status", {})
    assert by["HuffPost"]["immigrant status"]["unauthorized immigrant"] == 1
    assert "immigrant status" not in by["Fox News"]
    contrast = next(c for c in res["contrasts"] if c["family"] == "immigrant status")
    assert contrast["absent_in"] == ["Fox News"]
    nyt = _outlet_of(basil[EMERGENCY], "New York Times")
    for m in (m for m in res["matches"] if m["outlet"] == "New York Times" and m["term"] == "illegal immigrant"):
        assert nyt["text"][m["start"]:m["end"]].lower() == "illegal immigrants"
        s, e = m["sentence"]                                 # every match points at its sentence
        assert s <= m["start"] < m["end"] <= e


def test_contested_lexicon_is_big_and_bad_files_name_file_and_field(tmp_path):
    fams = load_contested_terms()
    assert len(fams) >= 60
    names = {f.name for f in fams}
    assert {"war in Ukraine", "regime / government", "climate", "immigrant status"} <= names
    bad = tmp_path / "bad.toml"
    bad.write_text('[[family]]\nname = "x"\nterms = "invasion"\n')
    with pytest.raises(LexiconError, match=r"bad\.toml.*family\[0\].*terms"):
        load_contested_terms(bad)
    bad.write_text("[[family]\nname = ")
    with pytest.raises(LexiconError, match=r"bad\.toml.*not valid TOML"):
        load_contested_terms(bad)
    bad.write_text('title = "no families"\n')
    with pytest.raises(LexiconError, match=r"bad\.toml.*'family'"):
        load_contested_terms(bad)


def test_compare_event_basil_figures_and_evidence(basil):
    ev = basil[EMERGENCY]
    rep = compare_event(ev)
    json.dumps(rep)                                         # JSON-serialisable as is
    assert rep["notes"] == [] and rep["coverage"]["original_outlets"] == 3
    texts = {a["id"]: a["text"] for a in ev}
    # every distinctive term rests on sentences that contain it
    for outlet, rows in rep["distinctive_terms"]["outlets"].items():
        for r in rows[:5]:
            assert r["evidence"]
            for e in r["evidence"]:
                assert r["term"].split()[0][:4] in texts[e["id"]][e["start"]:e["end"]].lower()
    actors = [a["name"] for a in rep["emphasis"]["actors"]]
    assert actors[0] == "Donald Trump"
    trump = rep["emphasis"]["actors"][0]["outlets"]
    assert all(trump[o]["headline"] >= 1 for o in trump)     # all three headlines name Trump
    assert "Donald Trump" in rep["tone"]["actors"] and "approximate" in rep["tone"]["label"]
    assert set(rep["omissions"]["outlets"]) == {"Fox News", "HuffPost", "New York Times"}
    for o, v in rep["omissions"]["outlets"].items():
        for f in v["omits"] + v["only_here"]:
            assert texts[f["id"]][f["start"]:f["end"]] == f["text"]
            assert (o in f["reported_by"]) == (f in v["only_here"])
    assert rep["timing"]["first_outlet"] in {"HuffPost", "New York Times"} or rep["timing"]["first_report"]


def test_attribution_without_quotes_names_no_speaker_and_finds_distancing():
    text = ('Smith claimed the vote was rigged. "We will win," said Jane Doe. The so-called "experts" disagreed. '
            'He insisted it was fine. The allegedly stolen car was found.')
    docs = prepare([{"id": "1", "outlet": "X", "title": "", "text": text}])
    res = attribution(docs)
    # speakers come from core.quotes only (one attribution for compare, the dashboard and `quotes`)
    assert res["speakers"] == {} and res["source"].startswith("none")
    marks = [m["mark"] for m in res["distancing"]["X"]]
    assert "so-called" in marks and "allegedly" in marks and "scare quotes" in marks
    scare = next(m for m in res["distancing"]["X"] if m["mark"] == "scare quotes")
    assert scare["quoted"] == "experts"


def test_attribution_uses_given_quotes():
    docs = prepare([{"id": "1", "outlet": "X", "title": "", "text": 'Putin claimed "the West lied".'}])
    q = [{"article_id": "1", "quote": "the West lied", "quote_start": 14, "quote_end": 29, "kind": "direct",
          "cue": "claimed", "speaker": "Vladimir Putin", "speaker_type": "person", "speaker_role": None}]
    res = attribution(docs, quotes=q)
    assert res["source"] == "quotes"
    assert res["speakers"]["X"][0]["speaker"] == "Vladimir Putin"
    assert res["speakers"]["X"][0]["evidence"][0]["start"] == 14


def test_a_group_claiming_an_attack_is_no_distancing_cue():
    # "claimed responsibility for the bombings" is the ordinary report of a group owning an attack; a claim of
    # what happened stays a distancing cue
    text = "The group claimed responsibility for the bombings. Putin claimed the West lied."
    docs = prepare([{"id": "1", "outlet": "X", "title": "", "text": text}])
    q = [{"article_id": "1", "quote": "responsibility for the bombings", "quote_start": 18, "quote_end": 49,
          "kind": "indirect", "cue": "claimed", "speaker": "Islamic State", "speaker_type": "organization"},
         {"article_id": "1", "quote": "the West lied", "quote_start": 64, "quote_end": 77,
          "kind": "indirect", "cue": "claimed", "speaker": "Vladimir Putin", "speaker_type": "person"}]
    rows = {r["speaker"]: r["classes"] for r in attribution(docs, quotes=q)["speakers"]["X"]}
    assert rows == {"Islamic State": {"neutral": 1}, "Vladimir Putin": {"distancing": 1}}


def test_attribution_reads_a_quote_without_cue_from_a_table():
    # The store's quotes come as a DataFrame, where a quotation credited to no one has cue NaN
    import pandas as pd
    docs = prepare([{"id": "1", "outlet": "X", "title": "", "text": 'He was jailed for "extremism".'}])
    q = pd.DataFrame([{"article_id": "1", "quote": '"extremism"', "quote_start": 18, "quote_end": 29,
                       "kind": "direct", "cue": float("nan"), "speaker": None, "speaker_type": "unknown"}])
    res = attribution(docs, quotes=q.to_dict("records"))
    assert [r["cues"] for r in res["speakers"]["X"]] == [{"(none)": 1}]


def test_timing_names_no_first_from_times_in_no_zone():
    # Real pages print local clock times without a zone (a Kyiv site's 14:46 is 12:46 UTC): ordering them
    # as UTC would name a first and a lag in hours the text does not support.
    res = timing([{"id": "a", "outlet": "RT", "published": "2024-02-16T11:25"},
                  {"id": "b", "outlet": "Ukrainska Pravda", "published": "2024-02-16T14:46"},
                  {"id": "c", "outlet": "Reuters", "published": "2024-02-16T12:10:00Z"}], default_source="file")
    assert res["first_outlet"] is None and res["first"]["tie"]
    assert res["first"]["label"] == ("reported on 16 Feb 2024: RT, Reuters, Ukrainska Pravda; Reuters at 12:10 UTC")
    rows = {r["outlet"]: r for r in res["outlets"]}
    assert rows["Ukrainska Pravda"]["precision"] == "date" and rows["Ukrainska Pravda"]["lag_hours"] is None



def test_a_time_in_no_zone_is_said_so_not_called_no_time():
    # fc37: a Chinese embassy's page printed "2023-03-10 23:04"; framelens keeps the day (no zone), but the card said
    # "(date only, no time given)" and the note "have only a date, no time": the page did give a time
    from pages.card_text import when
    stored = [{"id": "e", "outlet": "Embassy", "published": "2023-03-10", "date_precision": "date", "date_source": "import",
               "date_flag": "time of day without a time zone ('2023-03-10T23:04')"},
              {"id": "r", "outlet": "Reuters", "published": "2023-03-12T12:00:00Z"}]
    res = timing(stored)
    rows = {r["outlet"]: r for r in res["outlets"]}
    assert rows["Embassy"]["zoneless"] and not rows["Reuters"]["zoneless"]
    assert res["first"]["label"] == "first to report: Embassy (on 10 Mar 2023, its time given in no time zone)"
    assert when(rows["Embassy"]) == "2023-03-10 (date only, its time given in no time zone) · date from import"
    assert any(n.startswith("1 outlet(s) have only a date, its time given in no time zone:") for n in res["notes"])
    # a raw value read here flags the same; a day with no time and one with a zoneless time share a label
    res = timing([{"id": "a", "outlet": "RT", "published": "2024-02-16T11:25"},
                  {"id": "b", "outlet": "TASS", "published": "2024-02-16"},
                  {"id": "c", "outlet": "Reuters", "published": "2024-02-17T06:00:00Z"}])
    assert "RT, TASS (on 16 Feb 2024, no time given, or one in no time zone)" in res["first"]["label"]
    rows = {r["outlet"]: r for r in res["outlets"]}
    assert when(rows["TASS"]) == "2024-02-16 (date only, no time given) · date from unknown"
    # through the comparison too, and for a copy standing for its original
    report = compare_event([dict(stored[0], title="", text="The two sides agreed to restore ties on Friday.")])
    assert report["timing"]["outlets"][0]["zoneless"]

def test_timing_with_missing_and_date_only_dates():
    res = timing(arts := [
        {"id": "a", "outlet": "TASS", "published": "2024-04-03T08:00:00+00:00", "date_source": "feed"},
        {"id": "b", "outlet": "Reuters", "published": "2024-04-03T10:30:00Z", "date_source": "page"},
        {"id": "c", "outlet": "Reuters", "published": "2024-04-03T09:00:00+00:00", "date_source": "feed"},
        {"id": "d", "outlet": "Xinhua", "published": None},
        {"id": "e", "outlet": "BBC", "published": "2024-04-04"},
    ])
    rows = {r["outlet"]: r for r in res["outlets"]}
    # Xinhua gave no date and may have been first: TASS is the earliest dated report, not "first to report"
    assert res["first_outlet"] is None and res["first"]["outlets"] == ["TASS"]
    assert res["first"]["label"] == ("earliest dated report: TASS (03 Apr 2024 08:00 UTC); "
                                     "no first can be named: Xinhua gave no date")
    assert timing([a for a in arts if a["id"] != "d"])["first"]["label"].startswith("first to report: TASS")
    assert rows["Reuters"]["lag_hours"] == 1.0 and rows["Reuters"]["id"] == "c"
    assert rows["Reuters"]["date_source"] == "feed"
    assert rows["Xinhua"]["lag_hours"] is None and rows["Xinhua"]["rank"] is None
    # a date without a time is never timed: a day later, no hours
    assert rows["BBC"]["precision"] == "date" and rows["BBC"]["lag_hours"] is None and rows["BBC"]["lag_days"] == 1
    assert any("no date" in n for n in res["notes"]) and any("exact times only" in n for n in res["notes"])
    none = timing([{"id": "x", "outlet": "A", "published": None}])
    assert none["first_outlet"] is None and "unknown" in none["notes"][0]


def test_date_only_reports_on_the_first_day_are_a_tie_never_a_first():
    # The case: four outlets with only a date and one with an exact time on the same day.
    arts = [{"id": str(k), "outlet": o, "published": "2024-01-31", "date_precision": "date"}
            for k, o in enumerate(["Reuters", "TASS", "UNN", "VPK"])]
    arts.append({"id": "x", "outlet": "Xinhua", "published": "2024-01-31T14:05:00Z", "date_precision": "exact"})
    res = timing(arts)
    assert res["first_outlet"] is None and res["first"]["tie"]
    assert res["first"]["label"].startswith("reported on 31 Jan 2024: Reuters, TASS, UNN, VPK, Xinhua")
    rows = {r["outlet"]: r for r in res["outlets"]}
    assert rows["Xinhua"]["lag_hours"] == 0.0 and rows["Reuters"]["lag_hours"] is None
    assert all(r["first_report"] == "2024-01-31" for o, r in rows.items() if o != "Xinhua")
    # a date-only report is first when its day has ended in every time zone before the next report
    arts = [{"id": "1", "outlet": "TASS", "published": "2024-01-30", "date_precision": "date"},
            {"id": "2", "outlet": "Reuters", "published": "2024-01-31T12:00:00Z"}]
    res = timing(arts)
    assert res["first_outlet"] == "TASS" and "no time given" in res["first"]["label"]
    # ... but 30 January in UTC-11 runs to 11:00 UTC on the 31st: a 06:00 report may have come first
    arts[1]["published"] = "2024-01-31T06:00:00Z"
    res = timing(arts)
    assert res["first_outlet"] is None and res["first"]["tie"] and res["first"]["outlets"] == ["Reuters", "TASS"]
    assert res["first"]["label"].startswith("no first can be named; may have reported first: Reuters (31 Jan 2024 06:00 UTC); "
                                            "TASS (on 30 Jan 2024, no time given) (a date without a time")
    # a report with no date on feed or page is dated by when it was first seen: a bound, never a time to rank by.
    # Two seen within a second of each other (one ingest) are no order at all, and nothing ranks after them.
    seen = [{"id": "3", "outlet": "UNN", "published": "2026-11-30T18:29:51Z", "date_source": "first-seen"},
            {"id": "4", "outlet": "RT", "published": "2026-11-30T18:29:50Z", "date_source": "first-seen"}]
    res = timing(seen)
    assert res["first_outlet"] is None and res["first"]["tie"] and res["first"]["outlets"] == ["RT", "UNN"]
    assert "RT, UNN (a report with no publication date; out by 30 Nov 2026 18:29 UTC)" in res["first"]["label"]
    res = timing(seen + [{"id": "5", "outlet": "TASS", "published": "2024-05-16T10:00:00Z", "date_source": "feed"}])
    assert res["first_outlet"] is None and res["first"]["outlets"] == ["RT", "TASS", "UNN"]
    rows = {r["outlet"]: r for r in res["outlets"]}
    assert rows["TASS"]["lag_hours"] == 0.0 and rows["UNN"]["lag_hours"] is None and rows["UNN"]["lag_days"] is None
    assert any("first saw their report" in n for n in res["notes"])
    # seen before any other report appeared: first beyond doubt, and the label says how it is known
    res = timing([seen[0] | {"published": "2024-05-16T09:00:00Z"},
                  {"id": "5", "outlet": "TASS", "published": "2024-05-16T10:00:00Z", "date_source": "feed"}])
    assert res["first_outlet"] == "UNN" and "(first seen 16 May 2024 09:00 UTC, no publication date)" in res["first"]["label"]
    # an outlet whose first report is dated keeps its time and lag, but an undated report of its may be older
    mixed = timing([{"id": "6", "outlet": "TASS", "published": "2024-05-16T10:00:00Z", "date_source": "feed"},
                    {"id": "7", "outlet": "TASS", "published": "2024-05-18T10:00:00Z", "date_source": "first-seen"},
                    {"id": "8", "outlet": "Reuters", "published": "2024-05-16T08:00:00Z", "date_source": "feed"}])
    rows = {r["outlet"]: r for r in mixed["outlets"]}
    assert not rows["TASS"]["seen"] and rows["TASS"]["lag_hours"] == 2.0 and mixed["first_outlet"] is None
    assert "TASS (a report with no publication date; out by 16 May 2024 10:00 UTC)" in mixed["first"]["label"]
    # two dates two days apart do not overlap in any time zone news is published in
    res = timing([{"id": "1", "outlet": "A", "published": "2024-01-29", "date_precision": "date"},
                  {"id": "2", "outlet": "B", "published": "2024-01-31", "date_precision": "date"}])
    assert res["first_outlet"] == "A"
    # two exact reports at the same minute are a tie too, a later third one aside
    res = timing([{"id": "1", "outlet": "A", "published": "2024-01-31T06:00:00Z"},
                  {"id": "2", "outlet": "B", "published": "2024-01-31T06:00:00Z"},
                  {"id": "3", "outlet": "C", "published": "2024-01-31T09:00:00Z"}])
    assert res["first_outlet"] is None and res["first"]["tie"]
    assert res["first"]["label"] == "reported at 31 Jan 2024 06:00 UTC: A, B"


def test_stored_precision_wins_and_midnight_values_are_not_times():
    # a date-only value stored at 00:00 UTC with precision "date" must not beat a 09:00 report
    res = timing([{"id": "1", "outlet": "A", "published": "2024-01-31T00:00:00+00:00", "date_precision": "date",
                   "date_source": "import"},
                  {"id": "2", "outlet": "B", "published": "2024-01-31T09:00:00+00:00", "date_precision": "exact"}])
    assert res["first_outlet"] is None and res["first"]["tie"]
    rows = {r["outlet"]: r for r in res["outlets"]}
    assert rows["A"]["date_source"] == "import" and rows["A"]["precision"] == "date"
    year = timing([{"id": "1", "outlet": "A", "published": "2024-01-01T00:00:00Z", "date_precision": "year"},
                   {"id": "2", "outlet": "B", "published": "2024-05-01T10:00:00Z"}])
    assert year["first_outlet"] is None and year["undated"][0]["precision"] == "year"
    assert year["first"]["label"].startswith("earliest dated report: B")


def test_bad_input_empty_single_article_single_outlet_empty_text(basil):
    assert compare_event([])["notes"] == ["no articles in this event"]
    one = compare_event([basil[EMERGENCY][0]])
    assert "only one article" in one["notes"][0]
    assert "only one outlet" in one["distinctive_terms"]["note"]
    assert "only one outlet" in one["omissions"]["note"]
    a, b = basil[EMERGENCY][0], basil[ARPAIO][0]
    same = compare_event([a, dict(b, outlet=a["outlet"])])
    assert any("only one outlet" in n for n in same["notes"])
    empty = compare_event([a, dict(basil[EMERGENCY][1], text="")])
    assert any("no article text from" in n for n in empty["notes"])
    assert empty["headlines"]["articles"][1]["title"]         # headline still shown
    json.dumps(empty)


def test_huge_event_of_500_articles(basil):
    rows = [a for ev in basil.values() for a in ev]
    huge = [dict(rows[k % len(rows)], id=f"h{k}", outlet=f"Outlet {k % 23}") for k in range(500)]
    # How long this takes is bench/framing_speed.py's to print, not a test's to assert (machines differ).
    rep = compare_event(huge)
    assert rep["n_articles"] == 500
    # the copies of each BASIL text across outlets are reprints and are shown apart, not counted
    assert rep["coverage"]["original_outlets"] >= 1 and len(rep["reprints"]) >= 200
    assert sum(rep["coverage"]["original_articles"].values()) + len(rep["reprints"]) == 500
    json.dumps(rep)


def test_sentence_offsets_skip_abbreviations():
    t = "Sen. John McCain met Mr. Smith in Washington, D.C. on Friday. Then he left."
    assert [t[s:e] for s, e in split_sentences(t)] == ["Sen. John McCain met Mr. Smith in Washington, D.C. on Friday.",
                                                        "Then he left."]


def test_run_compare_file_with_events(basil, tmp_path):
    arts = basil[EMERGENCY] + basil[ARPAIO]
    inp, evp, out = tmp_path / "a.jsonl", tmp_path / "e.jsonl", tmp_path / "r.json"
    inp.write_text("".join(json.dumps(a) + "\n" for a in arts))
    evp.write_text("".join(json.dumps({"id": a["id"], "event": a["gold_event"]}) + "\n" for a in arts))
    report = run_compare_file(inp, out, events_path=evp, progress=False)
    assert report["n_events"] == 2 and report["n_reprints"] == 0
    saved = json.loads(out.read_text())
    assert {e["event"] for e in saved["events"]} == {EMERGENCY, ARPAIO}
    assert saved["events"][0]["contested_terms"]["by_outlet"]
    # dates read from a file say so, and BASIL's date-only values are days, not midnights
    for ev in saved["events"]:
        for r in ev["timing"]["outlets"]:
            assert r["date_source"] == "file" and r["precision"] == "date" and r["lag_hours"] is None


def test_actors_are_names_not_capitalised_words_datelines_titles_or_adjectives():
    from core.framing import actors
    texts = {
        "A": ("MOSCOW, March 23. Russian President Vladimir Putin met Secretary of State Antony Blinken in Moscow. "
              "According to the Kremlin, the talks lasted three hours.\nPutin Says Talks Were Useful And Frank\n"
              "Several officials attended. Putin said the Crimean bridge was safe. The church in Moscow was closed."),
        "B": ("Putin and Blinken met in Moscow on Saturday. Previously, the two had spoken by phone. "
              "The talks took place in the Grand Kremlin Palace. A European diplomat said several issues remained. "
              "Nord Stream was not discussed, Blinken said. Church leaders were not invited."),
    }
    docs = prepare([{"id": o, "outlet": o, "title": "Putin meets Blinken", "text": t} for o, t in texts.items()])
    found = {a["name"]: a["kind"] for a in actors(docs)["actors"]}
    for junk in ("According", "Several", "Previously", "MOSCOW", "Crimean", "European", "Church", "State Antony Blinken",
                 "Says Talks", "Useful", "Frank"):
        assert junk not in found, junk
    assert found["Vladimir Putin"] == "person" and found["Antony Blinken"] == "person"
    assert found["Russia"] == "country" and found["Grand Kremlin Palace"] == "place"
    assert found["Nord Stream"] == "unknown"            # nothing in the texts tells a person from a pipeline


def test_a_city_where_it_happened_and_a_pages_clock_are_no_actors():
    from core.framing import actors
    texts = {"VICE": "Updated 10:32 AM GMT\n\nTwo explosions hit Brussels airport on Tuesday, Belgian officials said. "
                     "Brussels was locked down. Prime Minister Charles Michel said the attacks were cowardly.",
             "IBT": "Skip to content\n\nExplosions struck Brussels on Tuesday morning. Charles Michel called the "
                    "attacks blind. Brussels airport was closed until 10 AM GMT."}
    docs = prepare([{"id": o, "outlet": o, "title": "Bombs in Brussels", "text": t} for o, t in texts.items()])
    found = {a["name"]: a["kind"] for a in actors(docs)["actors"]}
    assert "European Union" not in found and "Brussels" in found     # the bombed city, not the EU
    assert not {"AM GMT", "GMT", "Skip"} & set(found) and found["Charles Michel"] == "person"


def test_one_person_spelled_two_ways_is_one_actor_in_emphasis_and_tone():
    # TASS and RT write "Alexey Navalny", the others "Alexei Navalny": the realworld event showed two actors,
    # so each outlet's tone and prominence for Navalny sat on one of two rows
    arts = [{"id": "t", "outlet": "TASS", "title": "Navalny dies",
             "text": "Alexey Navalny died in a penal colony, the service said. Alexey Navalny had been ill."},
            {"id": "i", "outlet": "The Independent", "title": "Navalny killed, Zelensky says",
             "text": "Alexei Navalny was killed, Volodymyr Zelensky said. Navalny was a brave critic."},
            {"id": "m", "outlet": "The Moscow Times", "title": "Navalny's widow speaks",
             "text": "Alexei Navalny's widow spoke on Monday. Alexei Navalny died on Friday."}]
    r = compare_event(arts, quotes=[], reprints=[])
    names = [a["name"] for a in r["emphasis"]["actors"]]
    assert "Alexei Navalny" in names and "Alexey Navalny" not in names
    navalny = next(a for a in r["emphasis"]["actors"] if a["name"] == "Alexei Navalny")
    assert navalny["outlets"]["TASS"]["body"] + navalny["outlets"]["TASS"]["lead"] == 2
    assert set(r["tone"]["actors"]["Alexei Navalny"]) == {"TASS", "The Independent", "The Moscow Times"}
    assert "Alexey Navalny" not in r["tone"]["actors"]


def test_a_copy_of_a_report_not_in_the_event_dates_its_original_outlet():
    # Infobae carried a Reuters story at 21:07 on the 4th; CGTN's own report is dated the 5th, which in Beijing
    # began at 16:00 UTC on the 4th: Reuters (via Infobae) and CGTN may each have been first, Global Times not
    from core.reprints import Reprint
    text = "The balloon was shot down off the coast of South Carolina on Saturday afternoon by a fighter jet."
    arts = [{"id": "c", "outlet": "CGTN", "title": "Balloon", "text": text + " China protested.", "published": "2023-02-05"},
            {"id": "i", "outlet": "Infobae", "title": "Balloon", "text": text, "published": "2023-02-04T21:07Z"},
            {"id": "g", "outlet": "Global Times", "title": "Balloon", "text": text + " Experts spoke.",
             "published": "2023-02-06"}]
    reps = [Reprint(id="i", original_id=None, original_outlet="Reuters", score=0.9, outlet="Infobae", kind="wire copy")]
    t = compare_event(arts, reprints=reps, default_date_source="file")["timing"]
    assert t["first_outlet"] is None and t["first"]["outlets"] == ["CGTN", "Reuters"]
    assert not any("first day" in n for n in t["notes"])    # the tie spans two days; the label says no first
    assert t["first"]["label"].startswith("no first can be named; may have reported first: Reuters (original outside this event, via Infobae) (04 Feb 2023 21:07 UTC); "
                                          "CGTN (on 5 Feb 2023, no time given)")
    arts[0]["published"] = "2023-02-06"                     # a day later CGTN was surely not first
    t = compare_event(arts, reprints=reps, default_date_source="file")["timing"]
    assert t["first_outlet"] == "Reuters" and t["first"]["label"] == \
        "first to report: Reuters (original outside this event, via Infobae) (04 Feb 2023 21:07 UTC)"
    arts[0]["published"], arts[2]["published"] = "2023-02-05", "2023-02-08"
    t = compare_event(arts, reprints=reps, default_date_source="file")["timing"]
    rows = {r["outlet"]: r for r in t["outlets"]}
    assert rows["Reuters"]["via"] == "Infobae" and "Infobae" not in rows and rows["CGTN"]["lag_days"] == 1
    # a copy of an article that is in the event adds nothing: its original's own date stands
    reps = [Reprint(id="i", original_id="c", original_outlet="CGTN", score=0.9, outlet="Infobae")]
    t = compare_event(arts, reprints=reps, default_date_source="file")["timing"]
    assert t["first_outlet"] == "CGTN" and set(r["outlet"] for r in t["outlets"]) == {"CGTN", "Global Times"}


def test_an_undated_copy_names_its_original_only_as_outside_the_event():
    # Newsy's page, undated, read as a copy of IRNA (a photo credit under its headline): the label may not list "IRNA"
    # among the event's outlets that "gave no date" as if IRNA had an article here
    from core.reprints import Reprint
    text = "The general was killed in a drone strike at Baghdad airport early on Friday, officials said."
    arts = [{"id": "m", "outlet": "Mehr", "title": "Strike", "text": text + " Iran vowed revenge.", "published": "2020-01-03"},
            {"id": "r", "outlet": "Rudaw", "title": "Strike", "text": text + " Iraq protested."},
            {"id": "n", "outlet": "Newsy", "title": "Strike", "text": text}]
    reps = [Reprint(id="n", original_id=None, original_outlet="IRNA", score=0.9, outlet="Newsy", kind="wire copy")]
    t = compare_event(arts, reprints=reps, default_date_source="file")["timing"]
    label = t["first"]["label"]
    assert "IRNA (original outside this event, via Newsy)" in label and "Rudaw" in label
    assert ", IRNA," not in label and not label.endswith("IRNA gave no date")
    assert any(u["outlet"] == "IRNA" and u["via"] == "Newsy" for u in t["undated"])


def test_an_event_of_feed_summaries_says_it_may_join_different_stories():
    summary = "Iran's foreign minister will attend indirect talks with the United States in Geneva, officials said."
    arts = [{"id": f"s{i}", "outlet": o, "title": "Iran to attend talks in Geneva", "text": summary,
             "text_status": status} for i, (o, status) in enumerate([("A", "summary-only"), ("B", "summary-only"),
                                                                       ("C", "ok")])]
    arts = [{**a, "published": f"2026-02-16T1{i}:00:00Z"} for i, a in enumerate(arts)]
    report = compare_event(arts, reprints=[])
    assert any(n.startswith("2 of 3 articles are feed summaries only") for n in report["notes"])
    # the earliest of such a group may report another story (the replay's Hormuz drills a day before the Geneva
    # talks' outcome were "first to report" it): said as the earliest, never as a first, and nothing lags
    t = report["timing"]
    assert t["first_outlet"] is None and t["lags_from"] is None
    assert t["first"]["label"].startswith("earliest report in this group: A (16 Feb 2026 10:00 UTC); no first to "
                                          "report is named and no lag measured: built mostly from feed summaries")
    assert all(r["lag_hours"] is None and r["rank"] is None for r in t["outlets"])
    whole = compare_event([{**a, "text_status": "ok"} for a in arts], reprints=[])
    assert not any("feed summaries" in n for n in whole["notes"])
    assert whole["timing"]["first_outlet"] == "A" and [r["lag_hours"] for r in whole["timing"]["outlets"]] == [0, 1, 2]


def test_the_lead_below_a_byline_block_a_one_line_caption_or_a_breaking_line_is_the_story():
    # fc33 shapes, with a made-up story: a podcast page (headline again, date, bylines, then a summary without a
    # stop: the headline was shown as the lead), a page setting caption and story in one paragraph a line each (the
    # whole paragraph was furniture, so the headline was shown), a breaking story's first line with no stop above
    # "(More to follow)" (it was skipped as a standfirst; the third paragraph was shown)
    title = "Storm floods the valley town"
    pages = [
        ("Podcast", "Storm floods the valley town\nPublished 3 March 2024 at 8:29am\nBy Jane Doe, John Roe\n"
                    "Presented by John Roe\nSource: Radio News\nThe river broke its banks overnight and flooded the "
                    "centre of the town, forcing hundreds from their homes\n"),
        ("Lines", "Storm floods the valley town\n\nA resident wades through a street in the valley town on Monday. "
                  "Photo: Jane Doe/Agency\nThe river rose two metres overnight and flooded the town, officials said "
                  "on Monday.\nWhy it matters: the valley has flooded three times in ten years.\n- Hundreds of homes "
                  "stand empty and the main road is closed to traffic.\nWhat they're saying: the mayor asked for help "
                  "from the army and the regional government."),
        ("Breaking", "Valley town flooded as the river breaks its banks overnight\n\n(More to follow)\n\nThe town "
                     "had been on alert since Friday.\n\nThe mayor asked for help."),
    ]
    arts = [{"id": str(i), "outlet": o, "title": title, "text": t} for i, (o, t) in enumerate(pages)]
    leads = {h["outlet"]: h["lead"] for h in compare_event(arts)["headlines"]["articles"]}
    assert leads["Podcast"].startswith("The river broke its banks overnight")
    assert leads["Lines"].startswith("The river rose two metres overnight")
    assert leads["Breaking"].startswith("Valley town flooded as the river breaks its banks")


def test_fc34_leads_a_credit_closing_a_caption_a_sign_up_prompt_a_list_intro_and_an_editor_credit():
    # fc34 shapes, with a made-up story: a caption closing on an agency's credit after its stop ("… 24 August 2023.
    # EPA-EFE/KIM LUDBROOK") was the lead; so was a sign-up prompt opening "For free real time breaking news alerts
    # sent straight to your inbox"; a statement's "… has the following comments:" above a list was skipped as a
    # standfirst and the second sentence of the first item shown; an editor credit between dashes was kept
    title = "Valley town flooded"
    pages = [
        ("Caption", "Residents wade through a flooded street in the valley town, 3 March 2024. EPA-EFE/JANE DOE\n\n"
                    "The river broke its banks overnight and flooded the centre of the town, officials said."),
        ("Prompt", "For free real time breaking news alerts sent straight to your inbox sign up to our breaking news "
                   "emails Please enter a valid email address Thanks for signing up to the\n\nWater rose two metres "
                   "in the town centre within hours, the mayor told reporters."),
        ("Statement", "Valley town flooded\n\nIn response to the flooding of the valley town, the farmers' union has "
                      "the following comments:\n\n  • This is a difficult situation for the valley. All help is "
                      "welcome.\n  • The union thanks the rescuers."),
        ("Edited", "-Edited by Jane Doe- Hundreds of homes in the valley stood empty on Monday after the night's "
                   "flood, and the main road was closed."),
    ]
    arts = [{"id": str(i), "outlet": o, "title": title, "text": t} for i, (o, t) in enumerate(pages)]
    report = compare_event(arts)
    leads = {h["outlet"]: h["lead"] for h in report["headlines"]["articles"]}
    assert leads["Caption"].startswith("The river broke its banks overnight")
    assert leads["Prompt"].startswith("Water rose two metres")
    assert leads["Statement"].startswith("In response to the flooding of the valley town")
    assert leads["Edited"].startswith("Hundreds of homes in the valley")
    # the prompt is furniture, so its words are no outlet's vocabulary either
    assert "emails" not in {t["term"] for t in report["distinctive_terms"]["outlets"].get("Prompt", [])}
    # a story sentence opening on capitals and a slash is no credit
    story = [{"id": "s", "outlet": "S", "title": "x", "text": "The talks ended without a deal on Sunday. US/Mexico "
                                                              "talks resume on Monday."}]
    assert compare_event(story + arts[:1])["headlines"]["articles"][0]["lead"].startswith("The talks ended without")


def test_fc35_a_video_blurb_under_its_running_time_is_no_lead():
    # fc35: ABC Australia's page sets "Watch / Duration: 2 minutes 21 seconds" and the video's blurb above the story;
    # the blurb was shown as the lead
    text = ("Valley town flooded\n\nBy correspondent Jane Doe\nPosted , updated \nWatch\nDuration: 2 minutes 21 "
            "seconds\nThe footage shows the water rising in the town's main square after days of rain.\n\n"
            "The river broke its banks overnight and flooded the centre of the town, officials said.")
    report = compare_event([{"id": "1", "outlet": "ABC", "title": "Valley town flooded", "text": text}])
    assert report["headlines"]["articles"][0]["lead"].startswith("The river broke its banks overnight")
    # a running time in the story's own words is no player: "Duration: the flood lasted two days." is kept
    text = "Valley town flooded\n\nThe flood's duration: 2 days and 3 hours, the mayor said. The river is falling."
    report = compare_event([{"id": "1", "outlet": "X", "title": "Valley town flooded", "text": text}])
    assert report["headlines"]["articles"][0]["lead"].startswith("The flood's duration")


def test_a_word_said_in_one_sentence_only_is_no_distinctive_word():
    # fc34: a directory site's footer, "You Can Find related services like Business to Business Service, Business
    # School, …", made "business" (×7) its distinctive word
    from core.framing import distinctive
    others = [
        "Swiss regulators brokered the rescue over the weekend. Markets open in Asia within hours. The finance minister "
        "spoke of irreparable harm. Negotiations lasted two days. Lawyers drafted the terms overnight. Staff were told "
        "on Monday.",
        "The central bank pledged liquidity to both lenders. Shareholders were not asked to vote. Bondholders lost "
        "everything they held. The regulator defended the decision. Critics called the price too low. Trading resumed "
        "calmly.",
        "Credit Suisse shares had fallen sharply all week. The government guaranteed some losses. Depositors had pulled "
        "money for months. The chairman apologised to clients. A parliamentary inquiry was promised. Employees feared "
        "cuts.",
        "European markets steadied after the announcement. The euro rose against the dollar. Officials in Frankfurt "
        "welcomed the swift action. Asian stocks opened higher. Gold prices eased. Oil recovered some of its losses.",
    ]
    story = ("UBS agreed to buy Credit Suisse on Sunday. The deal calms the markets, the regulator said. The merged bank "
             "will be the largest in the country. Its chairman called it an emergency rescue.")
    footer = (" You Can Find related services like Business to Business Service, Business School, Business Management "
              "Consultant, Business Development Service, Business Center at Namelocals.")
    used = (" The business of banking changed that weekend. Business leaders were stunned by the price. Business groups "
            "welcomed the guarantee. A business lobby said more business would move abroad. Business owners and "
            "business schools watched.")

    def terms(text):
        arts = [{"id": "a", "outlet": "Directory", "title": "UBS buys Credit Suisse", "text": text}] + [
            {"id": str(i), "outlet": f"O{i}", "title": f"Rescue {i}", "text": x} for i, x in enumerate(others)]
        return {t["term"] for t in distinctive(prepare(arts))["outlets"].get("Directory", [])}
    assert "business" not in terms(story + footer)      # z 1.98 before the rule, all in one sentence
    assert "business" in terms(story + used)            # the same word over several sentences stays


def test_fc36_a_caption_credited_in_parentheses_and_an_author_bio_are_no_lead():
    # fc36: The Times of Israel's entry sets its reporter's bio line and a photo caption closing "(Youtube screenshot)",
    # printed twice, above the story; the caption was shown as the lead
    caption = ("President of the court Judge Jane Roe delivers a ruling on the request for emergency measures, "
               "January 26, 2024. (Youtube screenshot)")
    text = ("Court tells state to take all measures\n\nJohn Doe is The Daily Paper's legal affairs and settlements "
            f"reporter\n\n{caption}\n{caption}\n\nThe court issues a series of provisional measures against the state "
            "on the basis that the rights of the people must be protected.")
    report = compare_event([{"id": "1", "outlet": "X", "title": "Court tells state to take all measures", "text": text}])
    assert report["headlines"]["articles"][0]["lead"].startswith("The court issues a series of provisional measures")
    for credit in ("(EPA Photo)", "(AP Photo)", "(File photo)"):
        t = f"Palestinians watch a live stream from the court in Jenin, Jan. 26, 2024. {credit}\n\nThe court ruled on Friday."
        assert prepare([{"id": "1", "outlet": "X", "title": "", "text": t}])[0]["lead"] == [(t.index("The court"), len(t))]
    # a story sentence with a parenthesis is kept, and so is one naming a reporter in the story's own words
    t = "The court ruled on Friday (a photo of the bench was shared online) that the case goes on."
    assert prepare([{"id": "1", "outlet": "X", "title": "", "text": t}])[0]["lead"] == [(0, len(t))]
    t = "John Doe is a reporter who was detained in the city for three days, his editors said."
    assert prepare([{"id": "1", "outlet": "X", "title": "", "text": t}])[0]["lead"] == [(0, len(t))]


def test_an_author_bio_is_furniture_only_above_or_below_the_story():
    # review, round 34: "X is a freelance journalist based in Gaza." between two of the story's paragraphs is the
    # story telling who he is, not the page's bio line by the byline
    mid = ("The strike hit a school in Gaza City on Tuesday, killing nine people.\n\n"
           "Mohammed Ali is a freelance journalist based in Gaza.\n\n"
           "He filmed the aftermath and was wounded in a second strike an hour later.\n\n"
           "Tucker Carlson is a former Fox News host.\n\n"
           "The video he posted was shared by Carlson to his millions of followers.")
    doc = prepare([{"id": "1", "outlet": "X", "title": "", "text": mid}])[0]
    assert doc["bios"] == [] and doc["furniture_paragraphs"] == []
    assert doc["furniture"] == []
    # the bio by the byline above the story, and one under its end, stay furniture (the ToI case)
    top = "By Jane Roe\n\nJane Roe is The Daily Paper's legal affairs reporter\n\n"
    end = "\n\nJohn Doe is a reporter for The Daily Paper.\n\nMost Popular"
    text = top + mid + end
    doc = prepare([{"id": "1", "outlet": "X", "title": "", "text": text}])[0]
    bio_top = (text.index("Jane Roe is"), text.index("reporter\n\n") + len("reporter"))
    bio_end = (text.index("John Doe"), text.index("Paper.\n\nMost") + len("Paper."))
    assert doc["bios"] == [bio_top, bio_end]
    assert doc["lead"][0][0] == text.index("The strike hit")


def test_prepare_keeps_the_furniture_paragraphs_once_bios_among_them():
    # review, round 34: the field named "captions" held bios, notices and video blurbs too
    text = ("Jane Roe is The Daily Paper's legal affairs reporter\n\n"
            "Smoke rises over the city, March 7, 2025. (Photo: Jo Bloggs/Reuters)\n\n"
            "Subscribe to our newsletter\n\n"
            "The court ruled on Friday that the case goes on.")
    doc = prepare([{"id": "1", "outlet": "X", "title": "", "text": text}])[0]
    assert "captions" not in doc
    assert [text[a:b][:12] for a, b in doc["furniture_paragraphs"]] == ["Jane Roe is ", "Smoke rises ", "Subscribe to"]
    assert set(doc["bios"]) <= set(doc["furniture_paragraphs"]) and len(doc["bios"]) == 1


def test_fc37_a_caption_placing_a_person_in_the_picture_is_no_lead():
    # fc37: The Herald's page opens on its photo caption "President-elect William Ruto (right) after being declared
    # winner today."; it was shown as the lead, not the story's first sentence under it
    story = "President Jane Roe today congratulated the president-elect, who beat his rival in a hotly contested poll."
    for caption in ("President-elect John Doe (right) after being declared winner today.",
                    "John Doe (second from left) and his running mate at the tallying centre.",
                    "Officials (L-R) of the commission during the announcement."):
        text = f"{caption}\n\n{story}"
        assert prepare([{"id": "1", "outlet": "X", "title": "", "text": text}])[0]["lead"] == [(len(caption) + 2, len(text))]
    # a caption and the story set in one paragraph, a line each: the caption line only is furniture
    text = f"John Doe (left), 40.\n{story}\nHe will be sworn in next month, the commission said on Monday."
    doc = prepare([{"id": "1", "outlet": "X", "title": "", "text": text}])[0]
    assert doc["lead"][0][0] == text.index("President Jane Roe")
    # a party and its side of politics, a US party's letter or "far right" in brackets mark no place in a picture
    for t in ("The leftist leader beat Jair Bolsonaro (Pl, right), the first president to fail in his re-election bid.",
              "Sen. Ted Cruz (R) said the vote would go ahead on Tuesday as planned by the leadership.",
              "The National Rally (far right) won a third of the seats in the first round of the vote."):
        assert prepare([{"id": "1", "outlet": "X", "title": "", "text": t}])[0]["lead"] == [(0, len(t))]


def test_fc37_a_desks_credit_opening_a_lead_sentence_is_cut():
    # fc37: The Current's second lead sentence opened "Web Desk: According to the World News Agency, …", the page's
    # desk credit shown as the story's words
    text = ("News World\n\nTwo neighbours agree to restore diplomatic relations after talks in the capital.\nWeb Desk: According to "
            "the state news agency, the two sides will reopen embassies within two months.")
    doc = prepare([{"id": "1", "outlet": "X", "title": "", "text": text}])[0]
    assert [text[s:e] for s, e in doc["lead"]][1].startswith("According to the state news agency")
    for desk in ("News Desk | ", "Monitoring Desk – "):
        t = desk + "The two sides will reopen embassies within two months, the ministry said."
        assert prepare([{"id": "1", "outlet": "X", "title": "", "text": t}])[0]["lead"] == [(len(desk), len(t))]
    # a desk the story tells of is kept
    t = "The news desk was told on Monday that the two sides will reopen embassies within two months."
    assert prepare([{"id": "1", "outlet": "X", "title": "", "text": t}])[0]["lead"] == [(0, len(t))]


def test_the_undated_count_names_the_reports_counted_not_every_article():
    # fc39: "5 article(s) have no date" on an event of 11 articles where 6 had none: the sixth, a copy of a stored
    # article, is shown apart and not counted; the note counts the reports timing orders, and says so
    from core.reprints import Reprint
    text = "The central bank ended its negative rate policy on Tuesday, its first rate rise in seventeen years."
    arts = [{"id": "p", "outlet": "PerthNow", "title": "Rates", "text": text + " Analysts expect more.", "published": "2024-03-19"},
            {"id": "m", "outlet": "MENAFN", "title": "Rates", "text": text + " The yen fell."},
            {"id": "e", "outlet": "Epoch", "title": "Rates", "text": text + " Analysts expect more."}]
    reps = [Reprint(id="e", original_id="p", original_outlet="PerthNow", score=0.7, outlet="Epoch", kind="partial copy")]
    notes = compare_event(arts, reprints=reps, default_date_source="file")["timing"]["notes"]
    undated = [n for n in notes if "no date" in n]
    assert undated and undated[0].startswith("1 report(s) counted as coverage have no date")


def test_fc40_a_caption_closing_on_its_agency_or_a_pool_photo_credit_is_no_lead():
    # fc40: Asharq Al-Awsat's page opens on a photo caption closing "(EPA)", printed twice, and VOA's on one closing
    # "(Kremlin pool photo via AP)"; each was shown as the lead
    story = "The court on Friday issued a warrant for the arrest of the former minister over the missing funds."
    for caption in ("The foreign minister attends a conference in the western city, 03 March 2023. (EPA)",
                    "The president, right, speaks to freed prisoners at the airport, Aug. 1, 2024. (State pool photo via AP)",
                    "Protesters march in the capital on Monday. (Reuters)"):
        text = f"{caption}\n{caption}\n\n{story}"
        assert prepare([{"id": "1", "outlet": "X", "title": "", "text": text}])[0]["lead"] == [(text.index("The court"), len(text))]
    # an agency named in the story's own sentence, or opening its dateline, is no caption's credit
    for t in ("The court on Friday issued a warrant, a report by the news agency (AFP) said on Monday night.",
              "MOSCOW (AP) — The court on Friday issued a warrant for the arrest of the former minister."):
        doc = prepare([{"id": "1", "outlet": "X", "title": "", "text": t}])[0]
        assert doc["furniture_paragraphs"] == [] and doc["lead"]


def test_fc40_a_place_and_credit_between_bars_opening_the_story_is_cut_from_the_lead():
    # fc40: The Independent Uganda opens "Moscow, Russia | AGENCIES | Russia has suspended …": the sentence was skipped
    # for its bars and the lead shown was the story's second paragraph, background
    text = ("Moscow, Russia | AGENCIES | Russia has suspended its part in the shipping deal, the spokesman said on "
            "Monday.\n\nThe deal is an agreement among four parties signed in 2022 in the city.")
    doc = prepare([{"id": "1", "outlet": "X", "title": "", "text": text}])[0]
    assert [text[a:b] for a, b in doc["lead"]] == ["Russia has suspended its part in the shipping deal, the spokesman said on Monday."]
    # a byline set between bars with no place before it stays no lead
    t = "Reuters | Moscow\n\nThe deal is an agreement among four parties signed in 2022 in the city."
    assert prepare([{"id": "1", "outlet": "X", "title": "", "text": t}])[0]["lead"][0][0] == t.index("The deal")
