"""Reprint detection: the seed aggregator copy, hand-made edits, real same-event negatives, bad input."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from core.clean import split_boilerplate
from core.reprints import family_key, family_outlet, find_reprints, run_reprints_file

SHARED = Path(__file__).resolve().parents[1].parent / "shared"
SEED = SHARED / "seed" / "000_4055cd44b54a232e.txt"
BASIL = SHARED / "data" / "corpora" / "basil.jsonl"
ALLSIDES = SHARED / "data" / "corpora" / "allsides_dev.jsonl"


def _load(path: Path) -> list[dict]:
    if not path.exists():
        pytest.skip(f"{path} not found: the shared corpora are needed for this test")
    return [json.loads(line) for line in path.open(encoding="utf-8")]


def _seed_pair() -> tuple[dict, dict]:
    """The aggregator copy as published, and an RT 'original' rebuilt from it without boilerplate."""
    if not SEED.exists():
        pytest.skip(f"{SEED} not found: the seed article is needed for this test")
    raw = SEED.read_text(encoding="utf-8").strip()
    title, body = raw.split("\n", 1)
    original_body = body.split("You can share this story on social media:")[0].strip()
    original = {"id": "rt-1", "outlet": "RT", "title": title.replace(" — RT World News", ""),
                "text": original_body, "published": "2024-04-03T10:00:00+00:00", "date_source": "feed"}
    copy = {"id": "agg-1", "outlet": "WorldNewsHub", "title": title, "text": body.strip(),
            "published": "2024-04-03T16:30:00+00:00", "date_source": "page"}
    return original, copy


def test_seed_aggregator_copy_is_a_reprint_of_rt():
    original, copy = _seed_pair()
    found = find_reprints([copy, original])
    assert [r.id for r in found] == ["agg-1"]
    r = found[0]
    assert r.original_id == "rt-1" and r.original_outlet == "RT"
    assert r.score > 0.9
    assert "Source link" in r.changes["boilerplate_added"]
    assert "Leave a Reply" in r.changes["boilerplate_added"]
    assert r.changes["paragraphs_cut"] == 0
    assert r.changes["headline_changed"] is False      # only the " — RT World News" suffix differs
    assert r.changes["credit"] == "RT"                  # the copied title credits RT


def test_seed_copy_detected_without_dates_by_boilerplate():
    original, copy = _seed_pair()
    original["published"] = copy["published"] = None
    found = find_reprints([original, copy])
    assert [(r.id, r.original_id) for r in found] == [("agg-1", "rt-1")]


def test_strip_boilerplate_finds_aggregator_lines():
    text, found = split_boilerplate("Para one.\n\nSource link\n\nRelated Articles\n\nLeave a Reply")
    assert text.strip() == "Para one."
    assert found == ["Source link", "Related Articles", "Leave a Reply"]


def test_cut_paragraphs_new_headline_and_credit_line():
    paras = ["The foreign minister met officials in the capital on Monday to discuss trade and energy.",
             "Talks lasted six hours and ended without a joint statement, according to two diplomats.",
             "Farmers near the frontier have complained for months about closed crossings and lost harvests.",
             "The opposition called the visit a publicity stunt timed before next spring's election campaign.",
             "Analysts expect a second round of negotiations in Geneva once both cabinets approve the agenda.",
             "A spokesman declined to comment on reports that troops had been moved closer to the river."]
    orig = {"id": "o", "outlet": "Reuters", "title": "Ministers meet over border", "text": "\n\n".join(paras),
            "published": None}
    copy = {"id": "c", "outlet": "Daily Aggregator", "title": "BREAKING: border talks held",
            "text": "(Reuters) - " + "\n\n".join(paras[:2] + paras[3:5]) + "\n\nSource link",
            "published": "2020-01-01T00:00:00Z"}
    found = find_reprints([orig, copy])
    assert len(found) == 1 and found[0].id == "c" and found[0].original_outlet == "Reuters"
    ch = found[0].changes
    assert ch["headline_changed"] is True
    assert ch["paragraphs_cut"] == 2
    assert ch["paragraphs_added"] == 0
    assert ch["boilerplate_added"] == ["Source link"]
    assert ch["credit"] == "Reuters"


def test_same_outlet_is_never_a_reprint():
    original, copy = _seed_pair()
    copy["outlet"] = "RT"
    assert find_reprints([original, copy]) == []


def test_basil_same_event_coverage_is_not_reprinting():
    # Fox News, the New York Times and HuffPost cover each BASIL event in their own words: no article is
    # taken for a copy of another's text. The few verdicts rest on the article's own credit line: a
    # "(AP)" dateline, or a lead that says "…, the Los Angeles Times reports."
    rows = _load(BASIL)
    found = find_reprints(rows)
    assert len(found) <= 8
    for r in found:
        credits = [e for e in r.evidence if e["type"] == "credit"]
        assert credits and r.kind in ("wire copy", "credited rewrite"), (r.id, r.kind, r.evidence)
        assert credits[0]["kind"] in ("dateline", "reported"), (r.id, credits)


def test_bad_input_is_handled():
    assert find_reprints([]) == []
    assert find_reprints([{"id": "a", "outlet": "X", "title": "t", "text": ""},
                          {"id": "b", "outlet": "Y", "title": "t", "text": ""},
                          {"id": "c", "outlet": "Z", "title": "only a headline", "text": None}]) == []
    short = {"id": "s1", "outlet": "X", "title": "", "text": "Short text here."}
    assert find_reprints([short, dict(short, id="s2", outlet="Y")]) == []     # too short to judge


def test_scales_to_thousands_of_articles():
    rows = _load(BASIL) + _load(ALLSIDES)
    many = rows + [dict(r, id=f"{r['id']}-b", outlet=r["outlet"] + " mirror") for r in rows[:600]]
    found = find_reprints(many)                    # how fast is bench/reprints_eval.py's to print
    assert len(found) >= 590                       # each mirror (or its source) is flagged once


def test_run_reprints_file(tmp_path):
    original, copy = _seed_pair()
    inp = tmp_path / "articles.jsonl"
    inp.write_text(json.dumps(original) + "\n" + json.dumps(copy) + "\n", encoding="utf-8")
    out = tmp_path / "reprints.jsonl"
    run_reprints_file(inp, out, progress=False)
    lines = [json.loads(x) for x in out.read_text().splitlines()]
    assert len(lines) == 1
    assert {"id", "original_id", "original_outlet", "score", "changes"} <= set(lines[0])
    assert lines[0]["original_id"] == "rt-1"


# -- derived articles in the wild: credits, families, spun copies ------------------------------------

REALWORLD = SHARED / "data" / "realworld"
STORY = ["The regional council voted on Tuesday to close the old river bridge after engineers found deep cracks "
         "in two of its supporting pillars.",
         "Traffic will be diverted through the northern ring road, adding about twenty minutes to the morning "
         "commute for thousands of drivers.",
         "The mayor said the decision was painful but unavoidable, and promised that repair crews would begin "
         "work within a month.",
         "Shop owners near the bridge warned that the closure could cost them a large share of their summer "
         "trade.",
         "Engineers estimate that rebuilding the pillars will take at least eighteen months and cost roughly "
         "forty million euros.",
         "Opposition councillors accused the administration of ignoring inspection reports that flagged the "
         "damage three years ago."]
# The same story through a spinner: every sentence kept in order, over a third of the ordinary words swapped.
SPUN = ["The regional assembly voted on Tuesday to shut the old river crossing after engineers discovered deep "
        "fractures in two of its supporting columns.",
        "Vehicles will be rerouted through the northern ring road, adding about twenty minutes to the morning "
        "journey for thousands of motorists.",
        "The mayor stated the choice was painful but inevitable, and pledged that repair teams would begin "
        "labour within a month.",
        "Store owners near the bridge cautioned that the shutdown could cost them a large portion of their "
        "summer business.",
        "Engineers reckon that reconstructing the pillars will require at least eighteen months and cost "
        "approximately forty million euros.",
        "Rival councillors charged the administration with disregarding inspection findings that flagged the "
        "harm three years ago."]


def _art(aid, outlet, paras, title="Council shuts river bridge", published=None, url=None):
    return {"id": aid, "outlet": outlet, "title": title, "text": "\n\n".join(paras), "published": published,
            "url": url}


def test_realworld_derived_articles_meet_the_targets():
    arts = [json.loads(x) for x in (REALWORLD / "articles.jsonl").read_text(encoding="utf-8").splitlines()] \
        if REALWORLD.exists() else pytest.skip("../shared/data/realworld is needed for this test")
    gold = {json.loads(x)["id"]: json.loads(x)["derived_from"]
            for x in (REALWORLD / "gold.jsonl").read_text(encoding="utf-8").splitlines()}
    from core.credits import canonical_outlet
    found = {r.id: r for r in find_reprints(arts)}
    derived = {i for i, g in gold.items() if g}
    right = [i for i in found if i in derived]
    assert len(right) / len(found) >= 0.95                      # precision
    assert len(right) / len(derived) >= 0.9                     # recall
    named = [i for i in right if canonical_outlet(found[i].original_outlet) == canonical_outlet(gold[i]["outlet"])]
    assert len(named) / len(right) >= 0.9


def test_wire_copy_under_a_sites_brand_names_the_absent_wire():
    copy = _art("st-1", "The Straits Times", [f"MOSCOW (Reuters) - {STORY[0]}", *STORY[1:]])
    other = _art("tass-1", "TASS", ["MOSCOW, June 6. /TASS/. A different report about the same council."])
    [r] = find_reprints([copy, other])
    assert (r.id, r.original_id, r.original_outlet, r.kind) == ("st-1", None, "Reuters", "wire copy")
    assert r.summary() == "derived from Reuters (not in the store): wire copy"
    credit = next(e for e in r.evidence if e["type"] == "credit")
    assert credit["kind"] == "dateline" and copy["text"][credit["start"]:credit["end"]] == "MOSCOW (Reuters) -"
    assert copy["text"][credit["name_start"]:credit["name_end"]] == "Reuters"


def test_a_wire_dateline_on_a_story_the_site_wrote_itself_is_a_credited_rewrite():
    # A wire's dateline on a site's own page is wire copy unless the page shows the writing is its own:
    # its own dateline (TASS crediting Xinhua), or the wire reported on in the third person.
    tass = _art("tass-1", "TASS", [f"BEIJING, May 16. /TASS/. {STORY[0]}", STORY[1]],
                title="Council shuts bridge — Xinhua")
    site = _art("site-1", "Gulf Daily", [f"MOSCOW, June 6. /TASS/. {STORY[2][:-1]}, TASS reported.", STORY[3]])
    wire = _art("site-2", "Valley Courier", [f"MOSCOW, June 6. /TASS/. {STORY[4]}", STORY[5]])
    # One dateline naming the site and the wire: the wire's copy, carried by the site.
    carried = _art("site-3", "Gulf Daily", ["MOSCOW (Gulf Daily / TASS - 6th June, 2023) Drivers face long detours "
                                            "after the council shut the old river bridge on Tuesday afternoon."])
    found = {r.id: (r.original_outlet, r.kind) for r in find_reprints([tass, site, wire, carried])}
    assert found == {"tass-1": ("Xinhua", "credited rewrite"), "site-1": ("TASS", "credited rewrite"),
                     "site-2": ("TASS", "wire copy"), "site-3": ("TASS", "wire copy")}


def test_credited_rewrite_in_the_lead_but_not_a_late_citation():
    rewrite = _art("rw", "Ukrainian Daily", [STORY[0][:-1] + ", TASS reported.", *STORY[1:3]])
    citing = _art("ct", "Kyiv Weekly", [
        "Drivers face long detours after the council shut the river bridge on Tuesday.",
        "Cracks were found in two pillars, and repairs could run to forty million euros.",
        "Opposition members said warnings had been ignored for years.",
        "Local traders fear for the summer season, while the mayor called the closure unavoidable.",
        "Russian media had covered the vote too, TASS reported."])
    assert [(r.id, r.original_outlet, r.kind) for r in find_reprints([rewrite, citing])] == \
        [("rw", "TASS", "credited rewrite")]


def test_uncredited_copy_of_a_wire_copy_joins_the_wires_family():
    credited = _art("gv", "Valley Wire", ["By Associated Press", *STORY], published="2023-02-06T10:00:00Z")
    uncredited = _art("al", "Gulf Daily", STORY[:5], published="2023-02-05T10:00:00Z")
    found = {r.id: r for r in find_reprints([credited, uncredited])}
    assert set(found) == {"gv", "al"}
    assert all(r.original_outlet == "Associated Press" and r.original_id is None for r in found.values())
    assert family_key("gv", found) == family_key("al", found) == "outlet:Associated Press"


def test_spun_copy_is_found_by_sentence_alignment():
    orig = _art("o", "Reuters", STORY, published="2023-01-01T08:00:00Z")
    spun = _art("s", "Fast News Planet", SPUN, title="River crossing shut by assembly",
                published="2023-01-01T15:00:00Z")
    [r] = find_reprints([orig, spun])
    assert (r.id, r.original_id, r.kind) == ("s", "o", "spun copy")
    aligned = next(e for e in r.evidence if e["type"] == "aligned sentences")
    assert aligned["count"] >= 5
    pair = aligned["pairs"][0]
    assert spun["text"][slice(*pair["s"])].startswith("The regional assembly")
    assert orig["text"][slice(*pair["o"])].startswith("The regional council")


def test_independent_reports_of_one_event_are_not_spun_copies():
    # Same facts, own words and order: no sentence run lines up.
    other = ["Drivers face long detours after the council shut the river bridge on Tuesday.",
             "Cracks were found in two pillars, the council's engineers reported, and repairs could run to "
             "forty million euros.",
             "Opposition members said warnings had been ignored for years.",
             "Local traders fear for the summer season, while the mayor called the closure unavoidable."]
    assert find_reprints([_art("a", "Reuters", STORY), _art("b", "Kyiv Weekly", other)]) == []


def test_family_key_contract():
    orig = _art("o", "RT", STORY, published="2024-05-16T08:00:00Z")
    copy = _art("c", "Global Village", STORY + ["Source link"], published="2024-05-16T12:00:00Z")
    wire = _art("w", "Straits Daily", ["KYIV (Reuters) - Ukraine's grid operator said on Tuesday that power "
                                       "cuts would continue in three regions.", "A second paragraph of its own."])
    verdicts = {r.id: r for r in find_reprints([orig, copy, wire])}
    assert family_key("o", verdicts) == "o" and family_key("c", verdicts) == "o"
    assert family_key("w", verdicts) == "outlet:Reuters"
    assert family_key("not-derived", verdicts) == "not-derived"
    assert family_key("c", list(verdicts.values())) == "o"
    assert family_outlet("c", "Global Village", verdicts) == "RT"
    assert family_outlet("o", "RT", verdicts) == "RT"


def test_photo_credit_alone_is_no_derivation():
    text = "\n\n".join(STORY[:3] + ["A closed bridge in the city. (AP Photo/Jane Doe)"])
    assert find_reprints([_art("p", "Newsline", [text])]) == []


def test_reprints_file_fields(tmp_path):
    arts = [_art("st-1", "The Straits Times", [f"MOSCOW (Reuters) - {STORY[0]}", *STORY[1:]])]
    inp, out = tmp_path / "in.jsonl", tmp_path / "out.jsonl"
    inp.write_text("\n".join(json.dumps(a) for a in arts) + "\n", encoding="utf-8")
    run_reprints_file(inp, out, progress=False)
    [line] = [json.loads(x) for x in out.read_text().splitlines()]
    assert {"id", "original_id", "original_outlet", "kind", "score", "evidence", "changes"} <= set(line)
    assert line["original_id"] is None and line["original_outlet"] == "Reuters"


def test_boilerplate_evidence_is_listed_once_and_capped():
    from core.config import Settings
    story = _load(ALLSIDES)[0]
    furniture = [f"Read more: Story number {k}" for k in range(30)]
    text = story["text"] + "\n\nSource link\nADVERTISEMENT\nSource link\nsource link\n" + "\n".join(furniture)
    copy = dict(story, id="copy-1", outlet="Some Aggregator Site", text=text,
                boilerplate='["Source link", "ADVERTISEMENT", "broken [json"]')
    bad = dict(story, id="copy-2", outlet="Other Aggregator", text=story["text"] + "\n\nSource link",
               boilerplate="[not json")
    verdicts = {v.id: v for v in find_reprints([story, copy, bad])}
    ev = [e for e in verdicts["copy-1"].evidence if e["type"] == "boilerplate"]
    lines = ev[0]["lines"]
    assert len(ev) == 1 and len(lines) == Settings.reprint_evidence_lines
    assert len({x.casefold() for x in lines}) == len(lines) and lines[0] == "Source link"
    assert ev[0]["more"] > 0
    assert "copy-2" in verdicts                     # a stored value that is not the store's JSON breaks nothing


def test_evidence_is_said_in_words_people_can_check():
    from core.reprints import describe_evidence
    copy = _art("st-1", "The Straits Times", [f"MOSCOW (Reuters) - {STORY[0]}", *STORY[1:], "Source link"])
    orig = _art("rt-1", "Reuters", STORY, published="2023-06-06T08:00:00Z")
    [r] = find_reprints([copy, dict(orig, text="\n\n".join(STORY))])
    said = describe_evidence(r.evidence)
    assert "credit: “MOSCOW (Reuters) -” (dateline)" in said and "boilerplate: “Source link”" in said
    assert "shares " in said and describe_evidence(None) == "" and describe_evidence([{"type": "odd"}, 3]) == ""


def test_a_short_spun_copy_keeps_the_shape_of_its_original_an_independent_summary_does_not():
    # Two sentences are too few for three aligned in order: the same paragraphs, each about as long, every
    # sentence aligned, make the spun copy; a summary of the same news in paragraphs of other lengths is none.
    orig = _art("o", "Valley Courier", [STORY[1], STORY[4]], published="2023-06-06T08:00:00Z")
    spun = _art("s", "Spin Mirror", [SPUN[1], SPUN[4]], published="2023-06-06T11:00:00Z")
    other = _art("x", "Gulf Daily", [
        "Traffic will be diverted through the northern ring road for months, adding about twenty minutes to the "
        "morning commute, the council said on Tuesday after a vote that followed an engineers' report on the old "
        "bridge and its two cracked pillars.", "Rebuilding will take at least eighteen months."],
        published="2023-06-06T09:00:00Z")
    found = {r.id: (r.original_id, r.kind) for r in find_reprints([orig, spun, other])}
    assert found == {"s": ("o", "spun copy")}


def test_an_original_no_credit_boilerplate_or_time_shows_is_only_the_likeliest():
    from core.reprints import describe_evidence, families, family_sure
    # two sites carry one uncredited text on the same day: which copied which (or both a third) is not shown
    a = _art("an", "Arab News", STORY, published="2024-05-16")
    b = _art("dj", "Digital Journal", STORY[:5], published="2024-05-16")
    [r] = find_reprints([a, b])
    [fam] = families([r])
    assert not family_sure(fam["copies"])
    assert "which came first is not shown by credit, boilerplate or time" in describe_evidence(r.evidence)
    # a day later, or a credit, shows it: the original is then said without a hedge
    later = find_reprints([a, dict(b, published="2024-05-18")])
    assert family_sure(later) and "this is the copy: published 48.0 h later" in describe_evidence(later[0].evidence)
    credited = find_reprints([a, dict(b, text="DUBAI (Arab News) - " + b["text"])])
    assert family_sure(credited)
