"""Omissions: a fact is listed only when independent outlets tell it in near-identical words and the outlet does not."""
from __future__ import annotations

from core.config import Settings
from core.framing import prepare
from core.omissions import _word_set, anchors, omissions

FILLER = {
    "A": "The council met on Tuesday in the old town hall. Members discussed the budget for the coming year at length.",
    "B": "Residents gathered outside the building during the session. Several speakers raised the cost of housing.",
    "C": "The meeting ran late into the evening hours. Reporters waited in the corridor for the final vote.",
    "X": "The mayor arrived early and greeted the staff. The session began with a short prayer and the anthem.",
}


def _event(texts: dict[str, str]) -> list[dict]:
    return prepare([{"id": o, "outlet": o, "title": "", "text": FILLER[o] + " " + t} for o, t in texts.items()])


def _omits(texts: dict[str, str], families=None) -> list[dict]:
    return omissions(_event(texts), families)["outlets"]["X"]["omits"]


FACT = "Mayor Helen Ortiz announced that the city will close the Riverside bridge for 14 months of repairs."


def test_a_fact_others_tell_in_near_identical_words_and_the_outlet_does_not_is_listed():
    omits = _omits({"A": FACT,
                    "B": "Mayor Helen Ortiz said on Monday the city will close the Riverside bridge for 14 months of repairs.",
                    "C": "The city will close the Riverside bridge for 14 months of repairs, Mayor Helen Ortiz announced.",
                    "X": ""})
    assert len(omits) == 1 and set(omits[0]["reported_by"]) == {"A", "B", "C"}
    assert all(e["similarity"] >= Settings().omission_support for e in omits[0]["evidence"])


def test_a_paraphrase_match_is_not_enough():
    texts = {"A": FACT,
             "B": "Repairs will shut the Riverside crossing for more than a year, Ortiz told residents on the city website.",
             "C": "Work on a river crossing will keep it shut past next spring, the mayor's office said.", "X": ""}
    assert _omits(texts) == []


def test_narration_copied_word_for_word_counts_once_but_a_quotation_printed_twice_counts_twice():
    # A and B carry the same narration (one copied the other): with C silent, that is one report of three
    assert _omits({"A": FACT, "B": FACT, "C": "", "X": ""}) == []
    quote = '"We will close the Riverside bridge for 14 months of repairs," Mayor Helen Ortiz said on Tuesday.'
    assert len(_omits({"A": quote, "B": quote, "C": "", "X": ""})) == 1


def test_a_fact_the_outlet_states_in_part_or_that_copies_report_is_not_listed():
    assert _omits({"A": FACT, "B": FACT, "C": FACT, "X": "Ortiz said the Riverside bridge will close for repairs."}) == []
    # B and C are one family (reprints of A): one report, not three
    assert _omits({"A": FACT, "B": FACT, "C": FACT, "X": ""}, families={"A": "A", "B": "A", "C": "A", "X": "X"}) == []


def test_nothing_is_listed_for_an_outlet_whose_text_stops_short():
    quote = '"We will close the Riverside bridge for 14 months of repairs," Mayor Helen Ortiz said on Tuesday.'
    for cut in ("The mayor spoke to reporters outside the hall and said the city...", "The mayor spoke to reporters and"):
        docs = _event({"A": quote, "B": quote, "C": "", "X": cut})
        result = omissions(docs)
        assert "X" not in result["outlets"] and "stops short" in result["note"]
    docs = _event({"A": quote, "B": quote, "C": "", "X": ""})
    docs[-1]["text_status"] = "summary-only"
    assert "X" not in omissions(docs)["outlets"]


def test_a_wire_story_ending_on_its_credit_line_is_whole_not_cut():
    # "Reporting by …; Editing by …" closes a wire story without a stop: its text ends there, it is not cut short.
    quote = '"We will close the Riverside bridge for 14 months of repairs," Mayor Helen Ortiz said on Tuesday.'
    credit = "The mayor spoke outside the hall.\n\nReporting by Jane Doe and John Roe; Editing by Mary Major"
    result = omissions(_event({"A": quote, "B": quote, "C": "", "X": credit}))
    assert "X" in result["outlets"] and "X" not in result["note"].split("Nothing is listed for")[-1]
    # … but a credit line broken off ("Editing by") or text after it is still a text that stops short
    cut = omissions(_event({"A": quote, "B": quote, "C": "", "X": credit.rsplit(" ", 2)[0]}))
    assert "X" not in cut["outlets"]


def test_narration_around_a_quotation_copied_word_for_word_counts_once():
    # A and B print one wire's sentence: the same narration beyond "X said" around the same quotation
    wire = ('Mayor Helen Ortiz told council members that the city would shut the old bridge for repairs, '
            'warning that "we will close the Riverside bridge for 14 months."')
    assert _omits({"A": wire, "B": wire, "C": "", "X": ""}) == []
    # the same quotation with only an attribution around it, in each outlet's own words: two reports
    a = '"We will close the Riverside bridge for 14 months of repairs," Mayor Helen Ortiz said on Tuesday.'
    b = 'Mayor Helen Ortiz said: "We will close the Riverside bridge for 14 months of repairs."'
    assert len(_omits({"A": a, "B": b, "C": "", "X": ""})) == 1


def test_a_version_that_relays_another_outlets_report_adds_no_support():
    def omits(relay: str) -> list[dict]:
        docs = prepare([{"id": o, "outlet": o, "title": "", "text": FILLER[k] + " " + t} for k, o, t in (
            ("A", "The New York Times", FACT), ("B", "HuffPost", relay), ("C", "Fox News", ""), ("X", "X", ""))])
        return omissions(docs)["outlets"]["X"]["omits"]
    own_words = "Mayor Helen Ortiz said on Monday the city will close the Riverside bridge for 14 months of repairs."
    assert len(omits(own_words)) == 1
    # HuffPost only passes on what the Times reported: one report, not two
    assert omits("The New York Times reported that Mayor Helen Ortiz said the city will close the Riverside "
                 "bridge for 14 months of repairs.") == []


def test_a_fact_is_listed_only_when_the_outlet_never_writes_one_of_its_names_or_numbers():
    others = {"A": FACT, "B": "Mayor Helen Ortiz said on Monday the city will close the Riverside bridge for 14 months "
                            "of repairs.", "C": "The city will close the Riverside bridge for 14 months of repairs, "
                                                "Mayor Helen Ortiz announced."}
    omits = _omits({**others, "X": ""})
    assert all(any(word in shown for shown in omits[0]["absent"]) for word in ("Helen Ortiz", "Riverside", "14"))
    # X names the mayor, the bridge and the 14 months elsewhere, in other words: it may well tell the fact, so no claim
    told = ("Work crews will keep traffic off the Riverside span, Helen Ortiz warned. "
            "Drivers face detours during 14 long months.")
    assert _omits({**others, "X": told}) == []
    # a number written with a separator or a currency sign is the same number ("1,200" is "1200")
    fact = "But Senator Ann Lee said on Monday the N.A.A.C.P. will pay 1,200 teachers with $5.7 million."
    assert anchors(fact) == {"ann", "lee", "naacp", "1200", "5.7"}
    assert anchors(fact) <= _word_set("The NAACP’s 1200 teachers: Lee, Ann, $5.7 million.")


def test_the_omissions_pages_check_skips_cleanly_without_its_folder(tmp_path):
    import subprocess
    import sys
    from pathlib import Path
    script = Path(__file__).resolve().parents[1] / "bench" / "labels" / "omissions_pages.py"
    for step in (["draw"], ["silent"], ["score", "omissions_pages.jsonl"]):
        run = subprocess.run([sys.executable, str(script), step[0], str(tmp_path / "absent"), *step[1:]],
                             capture_output=True, text=True, timeout=120)
        assert run.returncode == 0 and run.stdout == "" and "no page folder" in run.stderr


def test_the_omissions_pages_check_takes_a_pages_own_outlet_else_its_host(tmp_path):
    import importlib.util
    import json
    from pathlib import Path
    script = Path(__file__).resolve().parents[1] / "bench" / "labels" / "omissions_pages.py"
    spec = importlib.util.spec_from_file_location("omissions_pages", script)
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    named = {"url": "https://abcnews.com/US/wireStory/x-1", "title": "T", "text": "A.", "outlet": "ABC News"}
    bare = {"url": "https://www.bbc.com/news/articles/y", "title": "T", "text": "B."}
    for n, page in enumerate((named, bare)):
        (tmp_path / f"{n}.json").write_text(json.dumps(page), encoding="utf-8")
    (tmp_path / "groups.json").write_text(json.dumps({"e": [named["url"], bare["url"]]}), encoding="utf-8")
    pages, groups = mod.load(tmp_path)
    assert pages[named["url"]]["outlet"] == "ABC News" and pages[bare["url"]]["outlet"] == "bbc.com"
    assert groups == {"e": [named["url"], bare["url"]]}


def test_the_platform_a_statement_was_posted_on_is_no_anchor():
    found = anchors("“All those on board died,” the Russian emergency services ministry wrote on Telegram on Wednesday.")
    assert "telegram" not in found and "russian" in found


def test_a_wire_sentence_with_one_word_swapped_is_still_one_report():
    # two outlets ran one wire's narration, one of them swapping a verb: one report with C silent, not two
    a = ('Mayor Helen Ortiz accused the council of conducting a confusing policy on the river traffic, saying '
         '"nobody knows what will happen to the Riverside bridge in 14 months."')
    b = a.replace("conducting", "carrying out")
    assert _omits({"A": a, "B": b, "C": "", "X": ""}) == []
    # two reports in their own words around the same quotation still count twice
    c = 'Mayor Helen Ortiz said: "nobody knows what will happen to the Riverside bridge in 14 months."'
    assert len(_omits({"A": a, "B": c, "C": "", "X": ""})) == 1


def test_a_name_the_outlet_writes_as_its_acronym_or_in_full_is_mentioned():
    fact = '"Travellers may need to wait in Mexico as CBP officers work," said Pete Flores of CBP in San Diego.'
    others = {"A": fact, "B": fact.replace("said Pete", "Pete"), "C": ""}
    assert len(_omits({**others, "X": ""})) == 1
    # X writes the agency in full and names Flores, San Diego and Mexico apart: it may tell the fact, so no claim
    told = ("But U.S. Customs and Border Protection said its port had no room left. Buses lined the avenue for hours. "
            "Pete Flores has run the office since last year. Vendors sold water to the crowd. "
            "He grew up in San Diego. Families slept on blankets near the gate. Many came from Mexico.")
    assert _omits({**others, "X": told}) == []
    assert [c["absent"] for c in _omits({**others, "X": told.replace("Customs and Border Protection", "officials")})] \
        == [["CBP"]]
    # … and the other way round: the fact spells the name out, X writes only its acronym
    spelled = ('"Travellers may need to wait in Mexico," said Pete Flores of Customs and Border Protection in '
               'San Diego.')
    others = {"A": spelled, "B": spelled.replace("said Pete", "Pete"), "C": ""}
    assert _omits({**others, "X": told.replace("U.S. Customs and Border Protection", "CBP")}) == []
    assert _omits({**others, "X": told.replace("U.S. Customs and Border Protection", "officials")})


def test_an_event_of_one_report_and_its_copies_says_so_not_one_outlet():
    # the event lists two outlets (one carried a Xinhua copy); "only one outlet covered" was false
    doc = {"id": "a", "outlet": "UNN", "title": "Talks", "text": "The ministers met on Monday.", "sentences": [(0, 28)]}
    note = omissions([doc])["note"]
    assert "in its own words" in note and "copies" in note and "covered" not in note


def test_the_omissions_pages_score_judges_the_target_only_on_enough_claims():
    import importlib.util
    from pathlib import Path
    script = Path(__file__).resolve().parents[1] / "bench" / "labels" / "omissions_pages.py"
    spec = importlib.util.spec_from_file_location("omissions_pages", script)
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    # one claim that holds is no evidence the target is met, nor one wrong claim that it is missed
    assert "too few" in mod.verdict(1, 1) and "too few" in mod.verdict(0, 1)
    assert mod.verdict(16, 20) == "met" and mod.verdict(15, 20) == "MISSED"


def test_a_story_followed_by_a_comment_form_or_a_follow_prompt_is_whole_not_cut():
    from core.omissions import cut_short
    story = "Heavy gunfire was heard in Khartoum on Saturday. The army and the RSF blamed each other."
    assert not cut_short({"text": story + "\n\n0 replies\n\nLeave a Reply\n\nLeave a Reply"})
    assert not cut_short({"text": story + "\nFollow us on: Facebook, Twitter, Google News, Instagram\nJoin our official "
                                  "telegram channel (@nationalherald) and stay updated with the latest headlines"})
    # a story cut mid-sentence stays cut, whatever follows it
    assert cut_short({"text": "Heavy gunfire was heard in Khartoum on Saturday as the army\n\nLeave a Reply"})
    assert cut_short({"text": "Heavy gunfire was heard in Khartoum on Saturday as the army"})


def test_a_story_followed_by_a_log_in_prompt_or_a_press_contact_is_whole_not_cut():
    # fc34: InfoBalkans' story ended on "- Log in to post comments", the Swiss Bankers Association's statement on its
    # press contact ("Please dial:" above the number); both were called cut
    from core.omissions import cut_short
    story = "UBS agreed to buy Credit Suisse on Sunday. The deal calms the markets, the regulator said."
    assert not cut_short({"text": story + "\n- Log in to post comments"})
    assert not cut_short({"text": story + "\n\nPress and media inquiries\n\nOur team is happy to respond to any media "
                                  "inquiries.\nPlease dial:\n+41 58 330 63 35"})
    # a story cut mid-sentence stays cut, and a bare number ending the text is no phone line
    assert cut_short({"text": "UBS agreed to buy Credit Suisse on Sunday as the\nPlease dial:\n+41 58 330 63 35"})
    assert cut_short({"text": "UBS agreed to buy Credit Suisse for\n12/03/2023"})



def test_a_story_followed_by_a_metadata_list_or_a_desk_sign_off_is_whole_not_cut():
    # fc35: the BBC video page's story ended above "- Published / - Section / - BBC News / - Subsection / - US &
    # Canada", Bangladesh Pratidin's AP story above "Bd-pratidin English/Lutful Hoque"; both were called cut
    from core.omissions import cut_short
    story = "Chauvin was found guilty on all charges. The verdict came after ten hours of deliberation."
    assert not cut_short({"text": story + "\n- Published\n- Section\n- BBC News\n- Subsection\n- US & Canada"})
    assert not cut_short({"text": story + "\nBd-pratidin English/Lutful Hoque"})
    assert not cut_short({"text": story + "\nBSS/AFP/ab"})
    # a story cut mid-sentence stays cut, and a slash inside a cut sentence is no sign-off
    assert cut_short({"text": "Chauvin was found guilty on all charges as the\nBd-pratidin English/Lutful Hoque"})
    assert cut_short({"text": "Chauvin was found guilty of all charges as the\n- Published\n- Section"})
    assert cut_short({"text": "Talks went on in the capital, Kyiv/Kiev"})

def test_a_story_ending_on_a_dash_and_a_desk_name_is_whole_not_cut():
    # fc37: The Herald's whole story ended "… in half of the 47 counties. – New Ziana" (the agency's sign-off after a
    # dash) and was called cut
    from core.omissions import cut_short
    story = "The winner needs half the votes cast and a quarter of the votes in half of the 47 counties."
    for end in (" – New Ziana", "\n– New Ziana", " — AFP", "\n- Xinhua"):
        assert not cut_short({"text": story + end}), end
    # a dash and a name after no stop is a cut sentence's aside, and an unspaced dash after a stop joins two names
    assert cut_short({"text": story[:-1] + " – New Ziana"})
    assert cut_short({"text": "The votes were counted by the electoral commission – Wafula Chebukati"})
    assert cut_short({"text": "Talks on trade went on with the U.S.-China"})


def test_a_story_followed_by_a_box_of_other_stories_is_whole_not_cut():
    # fc36: The Times of Israel's entry ended '… adverse conditions of life in Gaza."' above "Most Popular"; it was
    # called cut
    from core.omissions import cut_short
    story = "The court also orders Israel to take steps to provide \u201curgently needed assistance.\u201d"
    for box in ("Most Popular", "Most Read", "Trending Now", "You May Also Like", "Related Articles"):
        assert not cut_short({"text": story + "\n\n" + box}), box
    assert cut_short({"text": "The court also orders Israel to take steps to\n\nMost Popular"})


def test_an_outlets_own_articles_are_one_report_not_two():
    # A tells the fact in two of its own articles (a follow-up repeats it); B is silent: one report of two, no claim
    follow_up = "Mayor Helen Ortiz announced the city will close the Riverside bridge for 14 months of repairs next week."
    docs = prepare([{"id": o + "1", "outlet": o, "title": "", "text": FILLER[o] + " " + t}
                    for o, t in {"A": FACT, "B": "", "X": ""}.items()]
                   + [{"id": "A2", "outlet": "A", "title": "", "text": FILLER["C"] + " " + follow_up}])
    assert omissions(docs)["outlets"]["X"]["omits"] == []
    # the same two sentences from two outlets are two reports, so the check above is not silent for another reason
    docs[-1]["outlet"] = "C"
    assert len(omissions(docs)["outlets"]["X"]["omits"]) == 1


def test_an_outlet_carrying_a_copy_and_its_own_story_stays_independent():
    # B carries A's story (a copy) and its own: A, B, C and D are four reports; C and D alone telling a fact is no majority
    docs = prepare([{"id": i, "outlet": o, "title": "", "text": FILLER[f] + " " + t} for i, o, f, t in [
        ("A1", "A", "A", ""), ("B1", "B", "A", ""), ("B2", "B", "B", ""), ("C1", "C", "C", FACT),
        ("D1", "D", "X", "Mayor Helen Ortiz said on Monday the city will close the Riverside bridge for 14 months of repairs."),
        ("X1", "X", "B", "")]])
    families = {"A1": "A1", "B1": "A1", "B2": "B2", "C1": "C1", "D1": "D1", "X1": "X1"}
    assert omissions(docs, families)["outlets"]["X"]["omits"] == []


# A's story and B's uncredited rewrite of it: B follows A sentence by sentence in its own words (session 35's
# sciexaminer rewriting the Guardian, om35c)
STORY_A = ["Engineers found deep cracks in the steel supports of the Riverside bridge during an inspection in March.",
           "The inspection report warned that heavy trucks were speeding the damage to the old supports.",
           FACT,
           "Commuters will have to use the Harbor Street crossing, which adds about 20 minutes to the trip.",
           "The repairs will cost the city 38 million dollars, most of it from a state grant."]
REWRITE_B = ["During a March inspection, engineers discovered deep cracks in the Riverside bridge's steel supports.",
             "According to the inspection report, heavy trucks were speeding up damage to the ageing supports.",
             "Mayor Helen Ortiz said on Monday the city will close the Riverside bridge for 14 months of repairs.",
             "Drivers will need to take the Harbor Street crossing instead, adding roughly 20 minutes to the trip.",
             "The city will pay 38 million dollars for the repairs, mostly from a state grant."]


def test_a_paraphrased_rewrite_of_a_supporters_story_adds_no_support():
    # B retells A's whole story in A's order: one report, not two; with C silent, no fact has a second supporter
    texts = {"A": " ".join(STORY_A), "B": " ".join(REWRITE_B), "C": "", "X": ""}
    assert _omits(texts) == []
    # the same fact in the same two outlets, each in a story of its own, is two reports (see the next test)


def test_two_outlets_telling_one_fact_in_stories_of_their_own_still_support_it():
    # A and B share the fact and two more, but each tells its own story in its own order: two reports
    own_b = ["The city will pay 38 million dollars for the repairs, mostly from a state grant.",
             "Shop owners on Canal Road fear the closure will keep customers away through the holidays.",
             "Mayor Helen Ortiz said on Monday the city will close the Riverside bridge for 14 months of repairs.",
             "A ferry service across the river was cancelled by the Harbor Authority two years ago.",
             "During a March inspection, engineers discovered deep cracks in the Riverside bridge's steel supports."]
    omits = _omits({"A": " ".join(STORY_A), "B": " ".join(own_b), "C": "", "X": ""})
    assert any("14 months" in o["text"] for o in omits)
    assert any(set(o["reported_by"]) == {"A", "B"} for o in omits)


def test_a_story_run_is_the_longest_chain_of_near_neighbours_as_every_earlier_pair_would_give():
    # _run looks back only gap x gap cells (the all-pairs version took minutes on a hostile event); same answers
    import random
    from core.omissions import _run

    def brute(pairs, gap):
        ps = sorted(set(pairs))
        best = [1] * len(ps)
        for y, (i2, j2) in enumerate(ps):
            for x in range(y):
                i1, j1 = ps[x]
                if 0 < i2 - i1 <= gap and 0 < j2 - j1 <= gap:
                    best[y] = max(best[y], best[x] + 1)
        return max(best, default=0)

    rng = random.Random(7)
    for _ in range(300):
        pairs = [(rng.randrange(12), rng.randrange(12)) for _ in range(rng.randrange(0, 25))]
        assert _run(pairs, 2) == brute(pairs, 2)
    assert _run([(0, 0), (1, 1), (3, 3), (4, 6)], 2) == 3 and _run([], 2) == 0
