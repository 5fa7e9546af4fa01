"""Contested terms in context: names masked, ordinary words not counted, rules, and whose voice a word is."""
from __future__ import annotations

import pytest

from core.contested import compile_lexicon, find_matches
from core.framing import contested_terms, prepare
from core.lexicon import LexiconError, load_contested_terms
from core.voice import VoiceMap
from core.lexicon import split_sentences


def _matches(text: str, title: str = "", outlet: str = "X") -> list[dict]:
    doc = prepare([{"id": "a", "outlet": outlet, "title": title, "text": text}])[0]
    return find_matches(doc, compile_lexicon(tuple(load_contested_terms())))


def _terms(text: str, title: str = "") -> list[tuple[str, str]]:
    return [(m["family"], m["surface"]) for m in _matches(text, title)]


def test_names_holding_a_term_are_masked():
    assert _terms("Units of the People's Liberation Army held exercises near the coast.") == []
    assert _terms("The People's Republic of China sent a delegation to Kazakhstan.") == []
    assert _terms("The House Oversight and Government Reform Committee met on Tuesday.") == []
    assert _terms("The Center for Biological Diversity sued the agency.") == []
    # the separatist entity's name is a name too (every labelled use of it was one); the family's other words count
    found = _terms("Separatists declared the Donetsk People's Republic in eastern Ukraine.")
    assert ("separatists", "People's Republic") not in found and ("separatists", "Separatists") in found


def test_other_senses_and_ordinary_words_are_not_counted():
    text = ("Fighter jets flew over the drills while the president and the authorities praised cooperation "
            "and coordination in a statement, a source said. Russian forces moved north.\nSource link")
    assert _terms(text) == []
    assert _terms("Police fired tear gas and shots at the crowd.") == []
    assert _terms("The coach was fired after a poor start to the season.") == [("resign / ousted", "fired")]
    assert _terms("The museum tells the story of the Cold War.") == []
    assert _terms("Beijing warned against a Cold War mentality.") == [("Cold War framing", "Cold War mentality")]


def test_subject_and_context_rules():
    # "invasion" is about the war in Ukraine only when Russia or Ukraine is in view
    assert _terms("The invasion of privacy worried the panel.") == []
    assert _terms("Russia's invasion began in February 2022.") == [("war in Ukraine", "invasion")]
    # a Hong Kong word counts only in an article about Hong Kong's 2019-20 protest movement
    assert _terms("Radical members of the council walked out.") == []
    assert ("Hong Kong protests", "radical") in _terms("In Hong Kong, radical protesters blocked roads "
                                                       "against the extradition bill.")
    assert _terms("The Watergate hearings began.") == []
    assert _terms("Russia denied it; critics called the affair Russiagate.") == [("scandal words", "Russiagate")]
    assert _terms("The film studio Lionsgate bought the rights.") == []


def test_voice_quoted_attributed_and_own():
    text = ('The ministers spoke by phone on Tuesday. "China supports Russia on the Ukrainian issue," Dong said. '
            "Dong told Shoigu that the Ukraine crisis had to end. "
            "The regime must go, the opposition leader said. "
            "Russia's invasion of Ukraine began in 2022.")
    by_term = {m["surface"]: m for m in _matches(text)}
    assert by_term["Ukrainian issue"]["voice"] == "quoted" and by_term["Ukrainian issue"]["speaker"] == "Dong"
    assert by_term["Ukraine crisis"]["voice"] == "attributed" and by_term["Ukraine crisis"]["speaker"] == "Dong"
    assert by_term["regime"]["voice"] == "attributed" and by_term["regime"]["speaker"] == "opposition leader"
    assert by_term["invasion"]["voice"] == "own" and by_term["invasion"]["speaker"] is None


def test_a_quote_running_over_paragraphs_without_reopening_marks_is_quoted_throughout():
    # Ukrainska Pravda's style: one opening mark, paragraphs, one closing mark at the end of the last
    text = ('The president said the opposition leader had been killed.\n\nQuote: "He always kills. '
            "He will not stop.\n\nEveryone knew it at once, like thousands of people tortured and killed "
            'by this one man.\n\nHe has to lose everything and be held to account for what he has done."\n\n'
            "Earlier, the prison service reported the death.")
    by_term = {m["surface"]: m for m in _matches(text)}
    assert by_term["tortured"]["voice"] == "quoted"


def test_reported_clauses_without_that_are_the_speakers():
    def voice(text: str, term: str) -> str:
        sents = split_sentences(text)
        i = text.index(term)
        return VoiceMap(text, sents).at(i, i + len(term)).kind

    # a that-verb before a pronoun subject, "made it clear" without "that", a demand with "that"
    assert voice("The senator indicated she would not back funding for a wall on the border.", "wall") == "attributed"
    assert voice("The mayor made it clear the regime had to fall.", "regime") == "attributed"
    assert voice("The governor demanded that the militants leave the town.", "militants") == "attributed"
    # a speech verb right after a quotation that sits inside its long subject still reports what follows: not the
    # outlet's word, but with no speaker the rules can name it claims no voice (round 7: "show less where unsure")
    text = ('The candidate, who once called his rivals "losers," insists he will build a wall along the '
            'entire southern border next year.')
    assert voice(text, "wall") == "unclear"
    # criticising someone for a statement describes it in the critic's words; other reasons stay the outlet's
    assert voice("The chairman attacked the reporter for peddling a story about collusion.", "collusion") == "attributed"
    assert voice("The commentator attacked the president for caving on the wall.", "wall") == "own"
    # a named comment's content; and a that-verb before a plain object is no report
    assert voice("He dismissed the aide's comment on Sunday that the far right runs the party.", "far right") == "attributed"
    # a that-verb before a plain object reports no clause: not the officials' words, but not surely the
    # outlet's either (an announced plan's name), so it is shown as unclear
    assert voice("Officials announced the regime change plan in May.", "regime") == "unclear"
    assert voice("The ministry confirmed it on Monday as the regime fell.", "regime") != "attributed"
    # "Some said that …" has a subject; "let it be known that …" reports
    assert voice("Some grumbled that the militants had ousted the mayor.", "militants") == "attributed"
    assert voice("The club let it be known that the coach was fired for his record.", "fired") == "attributed"
    # what someone denies is the outlet's wording; "as he promised" tags only the clause before it
    assert voice("Nothing shows collusion with the Russians, which Trump denies.", "collusion") == "own"
    assert voice("He repeated his claims about the wall, including that Mexico pays for it, as he promised in 2016.",
                 "wall") == "own"
    # a clause the outlet adds after a comma ("…, after the council blocked …") is its own; a fronted one is the speaker's
    assert voice("The mayor said that she would hold a hearing, after the council blocked an inquiry into the regime.",
                 "regime") == "own"
    assert voice("The mayor said that, after the vote, the regime would fall.", "regime") == "attributed"


def test_a_dateline_and_the_speaker_phrase_stay_the_outlets():
    text = 'KYIV (Reuters) - The attack "had nothing to do with us," a spokesman for Kyiv\'s military intelligence said.'
    voices = {m["surface"]: m["voice"] for m in _matches(text)}
    assert voices == {"KYIV": "own", "Kyiv's": "own"}


def test_pronoun_speakers_are_not_guessed_and_store_quotes_name_them():
    text = 'Dong met Shoigu. "We oppose any hegemony," he said.'
    sents = split_sentences(text)
    start = text.index("hegemony")
    assert VoiceMap(text, sents).at(start, start + 8).kind == "quoted"
    assert VoiceMap(text, sents).at(start, start + 8).speaker is None
    q = [{"article_id": "a", "quote_start": text.index('"'), "quote_end": text.rindex('"') + 1, "kind": "direct",
          "speaker": "Dong Jun", "speaker_type": "person", "canonical_speaker": "Dong Jun"}]
    assert VoiceMap(text, sents, q).at(start, start + 8).speaker == "Dong Jun"
    # a speaker the sentence names beats the store's resolution, which names the wrong person more often
    text2 = '"We oppose any hegemony," Shoigu said.'
    q2 = [dict(q[0], quote_start=0, quote_end=text2.rindex('"') + 1)]
    s2 = text2.index("hegemony")
    assert VoiceMap(text2, split_sentences(text2), q2).at(s2, s2 + 8).speaker == "Shoigu"


def test_only_the_outlets_own_words_count_for_it():
    arts = [{"id": "1", "outlet": "UNN", "title": "",
             "text": 'Dong said: "China will keep its position on the Ukrainian issue." Russia\'s invasion continues.'},
            {"id": "2", "outlet": "TASS", "title": "", "text": "Talks covered the Ukrainian issue and trade."}]
    res = contested_terms(arts)
    assert res["by_outlet"]["UNN"] == {"war in Ukraine": {"invasion": 1}}
    assert res["quoted"]["UNN"]["war in Ukraine"]["Ukrainian issue"] == {"Dong": 1}
    assert res["by_outlet"]["TASS"] == {"war in Ukraine": {"Ukrainian issue": 1}}
    contrast = next(c for c in res["contrasts"] if c["family"] == "war in Ukraine")
    assert contrast["terms_by_outlet"] == {"UNN": ["invasion"], "TASS": ["Ukrainian issue"]}
    text = arts[0]["text"]
    for m in res["matches"]:
        s, e = m["sentence"]
        assert m["id"] != "1" or text[s:e].find(m["surface"]) >= 0


def test_hostile_text_does_not_break_the_matcher():
    weird = ("\u201c" * 50 + "regime " + "\u2018" * 30 + "said " * 200 + "\x00\ufffd" + "according to " * 50 + "\n" * 20
             + "KYIV" * 100 + ", said" * 100)
    res = contested_terms([{"id": "w", "outlet": "W", "title": "\u201cregime\u201d " * 20, "text": weird}])
    assert isinstance(res["matches"], list)
    assert contested_terms([{"id": "e", "outlet": "E", "title": "", "text": ""}])["matches"] == []


def test_lexicon_rules_are_checked(tmp_path):
    bad = tmp_path / "bad.toml"
    bad.write_text('[[family]]\nname = "x"\nterms = [{term = "regime", contxt = ["a"]}]\nneutral = ["government"]\n')
    with pytest.raises(LexiconError, match=r"bad\.toml.*family\[0\].*terms\[0\].*unknown field"):
        load_contested_terms(bad)
    bad.write_text('[[family]]\nname = "x"\nterms = [{term = "regime", context = "state"}]\nneutral = ["government"]\n')
    with pytest.raises(LexiconError, match=r"terms\[0\]\.context must be a list"):
        load_contested_terms(bad)
    bad.write_text('[[family]]\nname = "x"\nterms = ["regime"]\n')
    with pytest.raises(LexiconError, match=r"at least two competing words"):
        load_contested_terms(bad)
    good = tmp_path / "good.toml"
    good.write_text('[[family]]\nname = "x"\nterms = [{term = "regime", context = ["Iran"]}]\nneutral = ["government"]\n')
    fam = load_contested_terms(good)[0]
    assert fam.terms == ("regime",) and fam.neutral == ("government",) and fam.rule("regime").context == ("Iran",)


def _voices(text: str, title: str = "") -> dict[str, tuple[str, str | None]]:
    return {m["surface"]: (m["voice"], m["speaker"]) for m in _matches(text, title)}


def test_stance_verbs_give_their_complement_to_the_subject():
    # "called X a Y": Y is the subject's word, the object X stays the outlet's naming
    v = _voices("Senators called the bill a power grab. Activists called the massacre by the gunman a tragedy.")
    assert v["power grab"] == ("attributed", "Senators")
    assert v["massacre"][0] == "own"
    assert _voices("The minister denounced what he called the murder of three workers.")["murder"][0] == "attributed"
    # railing against, slamming as, concerns held by someone: what follows is theirs
    assert _voices("He railed against government handouts in the budget.")["handouts"][0] == "attributed"
    assert _voices("White House slams Facebook as a conduit for misinformation")["misinformation"][0] == "attributed"
    v = _voices("One motive was concern by the administration that the law could be used against climate change.")
    assert v["climate change"][0] == "attributed"


def test_a_speech_verb_without_a_parsed_subject_still_reports_speech():
    text = ("At a news conference on Friday, John Miller, the department's deputy commissioner of intelligence and "
            "counterterrorism, said a postal worker had found other suspicious packages.")
    assert _voices(text)["suspicious packages"] == ("attributed", "John Miller")      # the name before its appositive
    # but a noun is not a verb: "the tweet", "a warning shot"
    assert _voices("In the tweet, Omar suggested that terrorist groups had done the same.")["terrorist"][0] == "attributed"
    assert _voices("The court sent a warning shot when the council ousted the chairman.")["ousted"][0] == "own"


def test_objects_lists_and_appositions_bound_reported_content():
    # "promised a counterattack": an object, not speech; "refused to testify": no content
    assert _voices("Trump promised a counterattack based on his assertion about the server.")["assertion"][0] == "own"
    assert _voices("An official who refused to testify faces scrutiny over the scandal")["scandal"][0] == "own"
    # a list after "include" runs over semicolons; a final apposition is the outlet's
    text = "Conservatives say the package would include border bills; a clampdown on undocumented workers; and visas."
    assert _voices(text)["undocumented"][0] == "attributed"
    assert _voices("They argued she waived her right, a contention her lawyer disputed.")["contention"][0] == "own"
    # a reporting verb is the outlet's word; inside another report it may be the reported speaker's or the outlet's
    # background, which the rules cannot tell, so it claims no voice (round 8)
    assert _voices("TASS claimed that the strike hit a depot.")["claimed"][0] == "own"
    assert _voices("Kyiv said it was a provocation, the Russian side claims that it fired first.")["claims"][0] == "unclear"
    assert _voices("Comey said Trump denied the meeting, as the dossier claimed.")["claimed"][0] == "unclear"
    # "Trump - Russia" in tokenised text is a hyphen, not a dash ending the claim
    # (collusion is a strict family since round 7: in a reporting sentence no voice is claimed, never the outlet's)
    assert _voices("Democratic Party alleges Trump - Russia conspiracy in new lawsuit .")["conspiracy"][0] == "unclear"


def test_headline_speakers_and_quotations_over_paragraphs():
    body = '"Tucker Carlson Tonight" host said the agency is monitoring him.'
    assert _voices(body, title="Tucker Carlson: NSA is spying on this show")["spying"] == ("attributed", "Tucker Carlson")
    # a kicker is not a speaker
    assert _voices("Agents met.", title="Moscow Attack: NSA is spying on Russia")["spying"][0] == "own"
    text = ('The lawyer spoke outside.\n" The people waiting are children.\n'
            'What the U.S. is doing is creating a humanitarian crisis at the border. "\nThe caravan waited at the border.')
    assert _voices(text)["humanitarian crisis"][0] == "quoted"


def test_article_wide_and_subject_rules():
    # "claims" in an article about jobless claims is the data series, not someone's claim
    assert _terms("Initial jobless claims rose. The jump in claims was concentrated in three states.") == []
    assert ("claims by officials", "claims") in _terms("The jump in claims that the vote was rigged worried officials.")
    # a wall counts only where the border wall could be meant; walls of a campus do not
    assert _terms("Migrants crossed. Police met later that day. Masked men guard the graffiti-covered walls on campus.") == []
    assert ("border barrier", "wall") in _terms("Trump wants money to build a wall on the Mexico border.")


def test_transcripts_and_quotations_closed_in_a_later_paragraph():
    text = ("The host spoke on Monday.\n"
            "TUCKER CARLSON: It's not just protesters the government is spying on, we heard.\n"
            "NEW DELHI: Officials said the regime had fallen.")
    v = _voices(text)
    assert v["spying"] == ("quoted", "Tucker Carlson")
    assert v["regime"][0] == "attributed"           # a dateline is not a transcript turn
    text = ('Trump bashed the deal again.\n" The Iran deal is a terrible deal.\nIt is insane.\n'
            'It should never have been made, " Trump said, repeating his false claims from the campaign.')
    assert _voices(text)["false claims"][0] == "own"


def test_trailing_and_parenthetical_frames_stay_in_their_clause():
    text = ("Then came the anger: a vigil marred by an unruly mob; and another night, after which, the police said, "
            "rioters hit an officer with a brick.")
    v = _voices(text)
    assert v["mob"][0] == "own" and v["rioters"] == ("attributed", "police")
    # "as well as" is no characterisation
    assert _voices("The court dismissed the complaint, as well as a case, dealing a setback to the agency.")["setback"][0] == "own"


def _voice(text: str, term: str, title_body: str | None = None) -> tuple[str, str | None]:
    sents = [(0, len(text))] if title_body is not None else split_sentences(text)
    v = VoiceMap(text, sents, None, title_body).at(text.find(term), text.find(term) + len(term))
    return v.kind, v.speaker


def test_outlet_names_and_the_head_after_determiners_decide_the_sense():
    assert _terms("The Kyiv Independent could not verify the reports.") == []
    assert ("Kyiv spelling", "Kiev") in _terms("Officials in Kiev denied the reports.")
    assert _terms("The group claimed several attacks in the Caucasus over the years.") == []
    assert _terms("Gun violence is claiming more lives than the virus, the governor said.") == []
    assert _terms("As a result of the Athens riots, the police closed the centre.") == [("unrest", "riots")]
    assert ("claims by officials", "claims") in _terms("He repeated his claims of widespread voter fraud.")
    assert _terms("The lawyer said the company could refute the claims at a trial.") == []
    assert _terms("The inquiry was dismissed as a partisan effort by critics.") == []
    assert _terms("The director was dismissed from his post on Friday.") == [("resign / ousted", "dismissed")]


def test_no_content_frames_names_given_by_others_and_headline_credits():
    text = "The government has said little about the plan to build a border wall, and two former presidents object."
    assert _voice(text, "border wall")[0] == "own"
    text = "The jet was forced down over Belarus, led by Alexander Lukashenko, often referred to as Europe's last dictator."
    assert _voice(text, "dictator") == ("unclear", None)
    text = "Despite Mr. Trump's promises that Mexico will pay for his border wall, the former president said it would not."
    assert _voice(text, "border wall")[0] == "attributed"
    title = "Russian terrorists must leave our territory – Zelenskyy in video message after the dam explosion"
    assert _voice(title, "terrorists", "The dam was destroyed overnight.") == ("attributed", "Zelenskyy")


def test_speakers_are_names_not_party_tags_roles_or_other_clauses():
    text = 'House Speaker Nancy Pelosi, D-Calif., said the bill "puts the people first, not the special interests."'
    assert _voice(text, "special interests") == ("quoted", "House Speaker Nancy Pelosi")
    text = 'Janette Brimmer, an attorney with Earthjustice, said the agency was "using global warming as a pretext."'
    assert _voice(text, "global warming") == ("quoted", "Janette Brimmer")
    # "X took aim at Y, saying …": the words are X's, never "took aim at Y"; unparsed, the speaker is left unnamed
    text = 'A research group took aim at the candidate, saying he made "brazen and incorrect claims on the trail."'
    assert _voice(text, "claims") == ("quoted", None)


def test_verb_forms_that_report_nothing_and_trailing_credits():
    # "recall" before a noun is a modifier: the trailing "officials said" still credits the whole claim
    text = ("A campaign to oust the governor has qualified for the ballot, setting the stage for the second recall "
            "election in the state's history, officials said on Monday.")
    assert _voice(text, "oust") == ("attributed", "officials")
    # "contends with" reports nothing, and a leading "As …," clause stays the outlet's under a closing source
    text = ("As the vice president contends with scrutiny over the border crisis, her staff are struggling, "
            "according to multiple reports on Wednesday.")
    assert _voice(text, "border crisis")[0] == "own"
    assert _voice(text, "struggling") == ("attributed", "multiple reports on Wednesday")
    # a frame inside a quotation ("telling") ends at its closing mark: the narration after it is the outlet's
    text = '"Stop telling me this is about Gaza," said a New Yorker who was confronted by a mob on his way home.'
    assert _voice(text, "mob")[0] == "own"
    # "tell Axios", a long title before a closing verb, "stating that"
    assert _voice("He ended the Jan. 6 insurrection probe, White House officials tell Axios.", "insurrection")[0] == "attributed"
    text = ("The money will build the wall, along with other funds, acting White House chief of staff Mick Mulvaney "
            "told reporters.")
    assert _voice(text, "wall")[0] == "attributed"
    text = "A panel ruled the rule void, with the opinion stating that adults possess a Second Amendment right to guns."
    assert _voice(text, "Second Amendment right")[0] == "attributed"


def test_not_next_holds_past_a_modifier():
    assert _terms("Democrat Melanie Stansbury claimed a resounding victory on Tuesday night.") == []
    assert ("claims by officials", "claimed") in _terms("The senator claimed that the resounding victory was stolen.")
    assert _terms("The coach was fired after a poor start to the season.") == [("resign / ousted", "fired")]


def test_a_win_claimed_with_words_between_is_no_statement():
    # fc35: IOL's "claims presidential election victory" and "needs to claim more than 50% of the overall vote"
    assert _terms("", title="Indonesia's Subianto claims presidential election victory in first round") == []
    assert _terms("Subianto needs to claim more than 50% of the overall vote to secure the presidency.") == []
    assert _terms("The general claimed an outright victory on Wednesday.") == []
    # a statement about the vote still counts
    assert ("claims by officials", "claims") in _terms("The opposition claims the vote was rigged.")
    assert ("claims by officials", "claimed") in _terms("The senator claimed that the resounding victory was stolen.")


def test_reportedly_mentioned_what_others_call_and_counts_before_their_head():
    text = "Lawmakers will unveil principles that reportedly call for a path to legal status for undocumented immigrants."
    assert _voice(text, "undocumented immigrants") == ("unclear", None)      # reported, by nobody named
    text = "The story mentioned that the White House would fight vaccine misinformation sent by text."
    assert _voice(text, "misinformation")[0] == "attributed"
    text = "The governor spoke about what proponents call the religious freedom bill pending in his state."
    assert _voice(text, "religious freedom")[0] == "attributed"
    assert _terms("The fighting had claimed hundreds of lives by Friday.") == []


def test_leading_participles_made_clear_headline_credits_and_alleged_as_adjective():
    text = "Accusing the extreme right of the deaths, the Coalition of Radical Left has declared the government guilty."
    assert _voice(text, "extreme right")[0] == "attributed"
    text = "In speaking with Mr. Priebus, Mr. Comey made clear that the bureau was taking the allegations seriously."
    assert _voice(text, "allegations") == ("attributed", "Mr. Comey")
    title = "Trump Pushed DOJ Officials To Back Claims That The Election Was Stolen, Documents Show"
    assert _voice(title, "Claims", "The documents were released on Tuesday.") == ("attributed", "Documents")
    text = "Mueller took over the probe into alleged collusion between the campaign and Russian officials in May 2017."
    assert _voice(text, "collusion")[0] == "own"


def test_a_term_shortly_after_a_reporting_word_no_frame_explains_is_unclear():
    # "announced plans to …", "urged … to …": the rules find no reported clause, yet the term may be the
    # reported party's; it is neither counted as the outlet's own nor credited to anyone
    assert _voice("Trump announced plans to build a border wall with Mexico.", "wall")[0] == "unclear"
    assert _voice("Democrats urged Congress to reject funding for the wall.", "wall")[0] == "unclear"
    assert _voice("Crews began building the wall on Monday.", "wall")[0] == "own"
    assert _voice("The court sent a warning shot when the council ousted the chairman.", "ousted")[0] == "own"
    ct = contested_terms(prepare([{"id": "a", "outlet": "Wire", "title": "",
                                   "text": "Trump announced plans to build a border wall with Mexico."}]),
                         load_contested_terms())
    assert ct["unclear"]["Wire"]["border barrier"] == {"border wall": 1}
    assert "border barrier" not in ct["by_outlet"]["Wire"] and not ct["quoted"]


def test_clause_ends_insertions_and_nouns_after_speech_verbs():
    # "phone calls and encounters" names nothing; ", even as" and ", giving" start the outlet's own clause
    text = "The memos detail phone calls and encounters between the two men in the months before Mr. Comey's firing."
    assert _voice(text, "firing")[0] == "own"
    text = "Some called the article a partisan plot, even as the reporters behind it corroborated the allegations."
    assert _voice(text, "allegations")[0] == "own"
    text = ("The administration said it would delay a decision, giving allies a reprieve as the White House tries to "
            "extract concessions.")
    assert _voice(text, "concessions")[0] == "own"
    # "…, says 'Republicans are afraid …'" is no speaker after an inverted verb
    title = "Pelosi creates select committee to investigate Jan. 6 riot, says 'Republicans are afraid of the truth'"
    assert _voice(title, "riot", "Pelosi spoke on Thursday.")[0] == "own"
    # a noun after a speech verb is no reporting verb of the outlet's: "said claims that … were false"
    text = "The former governor said claims that activists judge people by their skin were false."
    assert _voice(text, "claims")[0] == "attributed"
    # square brackets in a quotation are the outlet's insertion
    text = "“We can call a national emergency [to build a border wall] because of security,” Trump told reporters."
    assert _voice(text, "border wall")[0] == "own" and _voice(text, "national emergency") == ("quoted", "Trump")
    text = "Fox made it loud and clear that he won't pay for any part of the proposed wall along the border."
    assert _voice(text, "wall") == ("attributed", "Fox")


def test_the_pages_check_skips_cleanly_without_its_folder(tmp_path):
    import subprocess
    import sys
    from pathlib import Path
    script = Path(__file__).resolve().parents[1] / "bench" / "labels" / "pages_check.py"
    run = subprocess.run([sys.executable, str(script), "score", str(tmp_path / "absent"), "contested_pages.jsonl"],
                         capture_output=True, text=True, timeout=120)
    assert run.returncode == 0 and run.stdout == "" and "no page folder" in run.stderr


def test_the_pooled_pages_check_names_the_missing_folder(tmp_path):
    import subprocess
    import sys
    from pathlib import Path
    script = Path(__file__).resolve().parents[1] / "bench" / "labels" / "pages_check.py"
    (tmp_path / "here").mkdir()
    run = subprocess.run([sys.executable, str(script), "score", str(tmp_path / "here"), "contested_pages6.jsonl",
                          "--also", str(tmp_path / "gone"), "contested_pages5.jsonl"],
                         capture_output=True, text=True, timeout=120)
    assert run.returncode == 0 and run.stdout == "" and f"no page folder at {tmp_path / 'gone'}" in run.stderr


def test_sixth_round_voice_rules_from_fresh_pages():
    # a negated speech verb reports nothing: the outlet's own words (and no speaker named "does not")
    assert _voice("The report, like its predecessors, does not allege a conspiracy or collusion between the "
                  "Trump campaign and Russia.", "collusion") == ("own", None)
    # a finding is the finder's
    kind, _ = _voice('The bipartisan report agreed with much of it, but found "absolutely no evidence" of collusion '
                     "between the campaign and the Kremlin.", "collusion")
    assert kind == "attributed"
    # an embedded post credited at its end is its author's
    assert _voice("We commend the courage of Ukrainians, who continue to resist Russian invasion. — Josep Borrell "
                  "Fontelles (@JosepBorrellF) September 28, 2022", "invasion") == ("attributed", "Josep Borrell Fontelles")
    # "what X called Y" credits Y only, not the place after it
    text = "Moscow held what it called referendums in occupied areas of Ukraine."
    assert _voice(text, "referendums")[0] == "attributed" and _voice(text, "occupied")[0] != "attributed"
    # a quoted name in a trailing frame's speaker phrase is no content
    text = ("The authorities approved 466 homes in the West Bank on Wednesday, settlement watchdog “Peace Now” said, "
            "despite criticism.")
    assert VoiceMap(text, split_sentences(text)).at(text.index("settlement"), text.index("settlement") + 10).kind == "own"
    # a trailing "according to X" covers the clause it follows, not an earlier one
    assert _voice("The probe is heating up, including whether there is evidence of collusion between the two as Russia "
                  "sought to help Trump, according to US intelligence agencies.", "collusion") == ("own", None)
    # a frame inside a leading "When …," clause ends with it
    assert _voice("When Mueller first accused Manafort of lying, it was kept out of view how those allegations related "
                  "to polling data.", "allegations") == ("own", None)


def test_sixth_round_sense_rules_from_fresh_pages():
    # a claim to land or a right is no statement
    assert ("claims by officials", "claim") not in _terms("Israel has long lobbied the U.S. to recognize its claim over "
                                                           "the Golan.")
    assert ("claims by officials", "claim") not in _terms("The U.S. moved to recognize Israel's claim to the territory.")
    assert _terms("Moscow wants to claim a mandate for Putin's territorial claims.") == []
    assert ("claims by officials", "claims") in _terms("The army claims the election was marred by fraud.")
    # protesters occupying a building are no occupying power
    assert _terms("Protesters have occupied the City Hall of the town.") == []
    assert ("occupied / liberated", "occupied") in _terms("Israel approved 463 homes for settlers in the occupied West Bank.")


def test_seventh_round_unsure_frames_claim_no_voice():
    # a closing "according to X" surely covers the clause it follows; the earlier clauses are unsure: unclear
    text = ("Hamas-led militants stormed into southern Israel on Oct. 7, killing around 1,200 people and seizing "
            "more than 250 hostages, according to Israeli tallies.")
    assert _voice(text, "militants") == ("unclear", None)
    assert _voice(text, "hostages") == ("attributed", "Israeli tallies")
    # a report closing the sentence that the frames do not parse, a demand, a naming by "who called"
    assert _voice("The government fell after armed rebel forces entered the capital, reported AP.", "rebel")[0] == "unclear"
    assert _voice("Syria's army command notified officers that Assad's regime had ended, a Syrian officer who was told of the "
                  "move said.", "regime")[0] == "unclear"
    assert _voice("He called on President Trump to address the nation and stop the rioters.", "rioters")[0] == "unclear"
    assert _voice("Jalali also called for free and fair elections in the country.", "free and fair")[0] == "unclear"
    # hedges and claims nobody owns: unclear, not someone else's; a pronoun or an owner keeps the frame
    assert _voice("Rebels have reportedly overthrown the regime.", "regime") == ("unclear", None)
    assert _voice("After a speech touting baseless claims of election fraud, a mob surged into the building.",
                  "mob") == ("unclear", None)
    assert _voice("He said the regime must fall.", "regime") == ("attributed", None)
    assert _voice("The network aired claims of a rigged election in the region.", "rigged election") == ("unclear", None)
    assert _voice("His claims that the election was rigged were false.", "rigged")[0] == "attributed"
    assert _voice("Despite Mr. Trump's promises that Mexico will pay for his border wall, the former president said it "
                  "would not.", "border wall")[0] == "attributed"
    # an inverted "says 'X'" in a headline is no closing report
    assert _voice("Pelosi creates committee to investigate Jan. 6 riot, says 'Republicans are afraid of the truth'",
                  "riot", "Pelosi spoke on Thursday.")[0] == "own"
    # core.quotes' speaker does not make an unsure frame look sure
    text = ("The House approved $1.6 billion for the border wall last week, however, estimates show the wall could "
            "cost more, according to Department of Homeland Security figures.")
    given = [{"quote_start": 0, "quote_end": len(text), "kind": "indirect", "speaker": "Department of Homeland Security"}]
    i = text.index("border wall")
    assert VoiceMap(text, split_sentences(text), given).at(i, i + 11).kind == "unclear"


def test_seventh_round_sense_rules_from_fresh_pages():
    assert _terms("Thousands of people mobbed the city's airport trying to escape.") == []
    assert ("protesters", "mob’s") in _terms("He opposed a commission to investigate a pro-Trump mob’s attack on the "
                                             "Capitol.")
    assert _terms("An interior ministry official said firing had been heard at several points around Kabul.") == []
    assert _terms("Outside, rioters broke down barricades and scaled the Capitol walls, as Trump's funding fight "
                  "over the border went on.") == [("protesters", "rioters")]
    assert _terms("Border security experts do not support a wall from Tijuana to the Gulf, Trump said.") == \
        [("border barrier", "wall")]
    assert _terms("He said the nation would perish as a state if the election were rerun.") == []
    # refugees in the admission-policy sense are the plain word
    assert _terms("Trump will block Syrian refugees from entering the United States.") == []


def test_strict_voice_family_claims_no_voice_in_a_reporting_sentence(tmp_path):
    bad = tmp_path / "bad.toml"
    bad.write_text('[[family]]\nname = "x"\nstrict_voice = "yes"\nterms = ["collusion"]\nneutral = ["cooperation"]\n')
    with pytest.raises(LexiconError, match=r"family\[0\].*strict_voice must be true or false"):
        load_contested_terms(bad)
    # collusion is strict: a reporting sentence makes even an own-looking or attributed match unclear
    v = _voices("Mueller found evidence of links but not enough to support a conspiracy with Russia's campaign aides.")
    assert v["conspiracy"][0] == "unclear"
    assert _voices("The special counsel's report on Russia's interference was released on Thursday.",
                   "Trump-Russia collusion: What the Mueller report says — and doesn't say")["collusion"][0] == "unclear"
    # … but a sentence that reports nobody is the outlet's, and a quotation stays the speaker's
    assert _voices("The meeting was the clearest instance of collusion between the campaign and Russia.")[
        "collusion"] == ("own", None)
    assert _voices('"There was no collusion with Russia," Trump said.')["collusion"] == ("quoted", "Trump")


def test_eighth_round_rules_from_fresh_pages():
    # a death toll is no claim, nor is a claim to an office
    assert _terms("Florida high school shooting claims at least 17 lives") == []
    assert _terms("Nicolas Maduro rival Juan Guaido claims Venezuela presidency with US backing") == []
    assert ("claims by officials", "claimed") in _terms("He claimed the agreement would cost 6.5 million jobs.")
    # a seizure of power by soldiers is no policy "power grab"; an "uprising" in a coup story is the coup
    assert _terms("Bazoum urged democrats to resist the power grab, as officials said the coup attempt failed.") == \
        [("coup / revolution", "coup")]
    assert ("reform / overreach", "power grab") in _terms("Senators called the new rule a federal power grab.")
    coup = "Erdogan denounced an attempted coup by officers. He ordered arrests of soldiers involved in the uprising."
    assert ("unrest", "uprising") not in _terms(coup) and ("coup / revolution", "uprising") in _terms(coup)
    assert ("unrest", "uprising") in _terms("The uprising spread to three more cities after the protests.")
    # elections abroad: fraud alleged in a US election is another subject (GUIDE.md convention, round 8)
    assert ("elections abroad", "election fraud") not in _terms("Trump repeated baseless claims of election fraud.")
    assert ("elections abroad", "election fraud") in _terms("Protesters in Minsk alleged election fraud by Lukashenko.")
    # the source named in "according to X" is the outlet's description; the claim before it is X's
    v = _voices("It was the 18th shooting this year, according to gun control group Everytown for Gun Safety.")
    assert v["gun control"] == ("own", None)
    assert _voices("Gun control failed again, according to Everytown.")["Gun control"][0] == "attributed"
    # a headline opening with a one-word speaker who speaks in the article is theirs
    body = "The Turkish President Erdogan has announced that the attempt at a military coup has failed."
    assert _voices(body, title="Erdogan: Coup Failed")["Coup"] == ("attributed", "Erdogan")
    assert _voices("Troops entered the city.", title="Kherson: Coup Failed")["Coup"][0] == "own"


def test_tenth_round_rules_from_held_out_pages():
    # a mid-sentence "according to X" covers the clause it follows only: the main clause before it is not X's
    v = _voices("Troops raided a militant stronghold in the occupied West Bank on Monday, killing four people, "
                "according to local officials, in the worst violence in months.")
    assert v["militant"][0] in ("own", "unclear") and v["occupied"][0] in ("own", "unclear")
    assert _voices("Troops raided the town, killing two militants, according to officials, on Monday.")[
        "militants"] == ("attributed", "officials")
    # "…, and officials said …" is a clause of its own: the first clause stays the outlet's
    v = _voices("The army raided a stronghold of militants on Monday, and local officials said two people died.")
    assert v["militants"][0] in ("own", "unclear")     # (a strict-voice family may show it as unclear)
    # denying carries no content: what is denied is the outlet's wording, unless quoted
    assert _voices("The envoy has denied Israel's claim, calling it false.")["claim"][0] == "own"
    assert _voice("Leader held as army denies takeover is coup", "coup", "The army spoke.")[0] == "own"
    assert _voices('The army denied it had staged "a coup" on Monday.')["coup"][0] == "quoted"
    # "claimed responsibility" and a passive "claimed by" report no words
    assert _voices("The group has claimed responsibility for terrorist attacks before.")["terrorist"] == ("own", None)
    assert _voices("The gains claimed by the army follow those by rebels in the north.")["rebels"] == ("own", None)
    # an opening participle clause ends at its comma: the main clause after it is the outlet's
    assert _voices('Denouncing what he called a "coup," the president resigned amid a violent uprising.')[
        "uprising"] == ("own", None)
    # a norm is no speaker
    assert _voices("Israeli settlements in the West Bank are illegal according to international law.")[
        "settlements"] == ("own", None)
    # senses: names of revolutions and groups, the routine pair, independence wars, responsibility, other crises
    assert _terms("Women must wear the hijab under rules set after the 1979 Islamic revolution.") == []
    assert _terms("Islamic Jihad's leaders live abroad.") == []
    assert _terms("Many refugees and migrants crossed the sea this year.") == []
    assert ("refugee / migrant", "refugees") in _terms("The minister called the arrivals refugees, not migrants.")
    assert _terms("He accused the faction of purging veterans of the country's liberation struggle.") == []
    assert _terms("The Islamic State group has claimed the carnage in the capital.") == []
    assert ("border situation", "humanitarian crisis") not in _terms(
        "Migrants waited for asylum hearings. Talks resumed on Monday. The war in the north has caused a humanitarian "
        "crisis with famine.")
    assert ("border situation", "humanitarian crisis") in _terms(
        "Officials called the surge of migrants at the southern border a humanitarian crisis.")
    assert ("coup / revolution", "uprising") not in _terms(
        "The protests grew into an uprising. The president resigned amid the uprising of protesters.")
    assert ("mass shooting", "massacre") not in _terms(
        "The gunman's shooting spree shocked the town. Later, a police raid that killed nine was called a massacre.")


def test_refugee_counts_only_where_the_text_draws_the_line():
    # plain uses (0 of 13 labelled uses contested): people who fled, in any setting, are refugees to every outlet
    assert _terms("More than 700,000 Rohingya refugees fled to Bangladesh after the crackdown.") == []
    assert _terms("Refugees from the fighting crossed into Poland on Sunday.") == []
    assert _terms("The camp hosts about 40,000 refugees, aid workers said.") == []
    # the word choice made in the text itself still counts
    assert ("refugee / migrant", "refugees") in _terms("The minister called the arrivals refugees, not migrants.")
    assert ("refugee / migrant", "refugees") in _terms("The so-called refugees were turned back at the border.")
    # the family's other members are unchanged
    assert ("refugee / migrant", "asylum seekers") in _terms("They said asylum seekers waited at the border crossing.")


def test_hong_kong_protests_need_the_2019_movement_not_only_the_place(tmp_path):
    # the 2016 Mong Kok riot: Hong Kong, but not the 2019-20 movement; its "rioters" are only the protesters' word
    riot = ("Police arrested 24 rioters in Mong Kok after hawkers were cleared for the Lunar New Year. "
            "Radical localists threw bricks at officers, Hong Kong police said.")
    assert [m for m in _terms(riot) if m[0] == "Hong Kong protests"] == []
    assert ("protesters", "rioters") in _terms(riot)
    # the same words in an article on the movement count: its bill, its years, its names
    for event in ("Protesters oppose the extradition bill.", "Carrie Lam withdrew the bill.",
                  "The anti-government protests began in June 2019.", "Pro-democracy activists marched."):
        found = _terms(riot + " " + event)
        assert ("Hong Kong protests", "rioters") in found and ("Hong Kong protests", "Radical") in found, event
    # the event list without the place counts nothing: both subjects are needed
    found = _terms("Radical rioters opposed the extradition bill in 2019.")
    assert [m for m in found if m[0] == "Hong Kong protests"] == []
    bad = tmp_path / "bad.toml"
    bad.write_text('[[family]]\nname = "x"\nalso_about = "2019"\nterms = ["rioter"]\nneutral = ["protester"]\n')
    with pytest.raises(LexiconError, match=r"family\[0\].*also_about must be a list"):
        load_contested_terms(bad)


def test_noun_fires_are_no_dismissal():
    # "street fires" folds to "fired" but is the noun: no dismissal (the sentence before names officials)
    text = ("Officials said they were investigating the violence. "
            "After six hours of conflict, street fires burned among overturned bins.")
    assert [m for m in _terms(text) if m[0] == "resign / ousted"] == []
    assert ("resign / ousted", "fired") in _terms("The president fired the FBI director from his post.")


def test_what_x_described_as_names_only_its_noun_phrase():
    # the description is the military's; the participle clause after it is the outlet's report
    v = _voices("Israeli warplanes struck what the military described as another terror tunnel in Gaza, "
                "killing three more militants.")
    assert v["militants"][0] == "own"
    assert _voices("Police raided what officials described as a terrorist cell in the city.")["terrorist"][0] != "own"
    # … which reaches past a preposition inside that noun phrase
    v = _voices('Israeli forces raided what the military described as a "command centre" for militants in the camp, '
                "but did not give details.")
    assert v["militants"][0] != "own"


def test_hard_wrapped_lines_are_read_as_one_sentence():
    # wire copy cut at ~60 characters: the closing credit on a later line reaches the term
    text = ("LONDON, May 3 A convoy was ambushed\nnear the border by militants on Monday, killing nine\n"
            "soldiers, a defence ministry official was quoted\nas saying by a news agency.\n"
            "The attack came near the town\nof Harlow, stronghold of armed rebels, regional official\n"
            "John Smith said, adding it was \"carried out\nby terrorists\" from across the border.")
    sents = split_sentences(text, join_wrapped=True)
    assert len(sents) == 2 and text[sents[0][0]:].startswith("LONDON")
    v = _voices(text)
    assert v["militants"][0] == "attributed" and v["rebels"][0] == "attributed"
    assert v["terrorists"][0] == "quoted"                  # a quotation wrapped over two lines is whole
    # the dateline without a dash is no part of the official's claim
    v = _voices("KIEV, July 17 A plane was shot down\nover the east by militants, an official said.")
    assert v["KIEV"][0] != "attributed" and v["militants"][0] == "attributed"
    # headlines, captions and list items before a capitalised line stay sentences of their own; so does a line
    # ending with sentence-final punctuation; and the default splitter keeps every line break
    for t in ("Militants attack border post\nSoldiers said the attack began at dawn.",
              "The attack began at dawn.\nofficials said later that it was over.",
              "- militants in the north\n- rebels in the south",
              "Police said it was over\nRebels fled the town."):
        assert len(split_sentences(t, join_wrapped=True)) == 2, t
    assert len(split_sentences("was shot down\nover the east.")) == 2


def test_thirteenth_round_reporting_frames():
    assert _voices("The president gave a speech on Tuesday, declaring that his country had been freed after "
                   "defeating the insurgents.")["insurgents"][0] != "own"
    assert _voices("Soldiers appeared on television to declare that they had ended the president's regime.")[
        "regime"][0] != "own"
    assert _voices("The spokesman has also alluded to the army's anger over its fight against armed rebels.")[
        "rebels"][0] != "own"
    assert _voices("Recounting how the insurgents once held the north, the president said the country was "
                   "united.")["insurgents"][0] != "own"
    assert _voices("The Justice Department is investigating the shooting as a hate crime.")["hate crime"][0] == "attributed"
    assert _voices("The shooting is being investigated as a hate crime.")["hate crime"][0] == "own"
    # a relative insertion between dashes is inside the claim; a gloss after one dash is not
    assert _voices("The general said Mr Smith - who seized power in a coup in 1989 - had been detained.")[
        "coup"][0] != "own"
    # "conceded defeat" reports no words: the rest of the sentence is the outlet's
    assert _voices("The group on Sunday conceded defeat, after an offensive that retook the land the rebels "
                   "held in the war.")["rebels"][0] == "own"


def test_posts_and_statements_introduced_on_a_line_of_their_own():
    text = ("John Smith @jsmith_news: The prison authorities in Kharkiv did what parliament said.\n\n"
            "The president's office posts on its Twitter accounts:\n\n"
            "Soldiers mutinied and declared a coup. The attempted coup failed.")
    v = {m["start"]: (m["voice"], m["speaker"]) for m in _matches(text)}
    kinds = {text[s:s + 7]: k for s, (k, _) in v.items()}
    assert kinds["Kharkiv"] == "quoted"
    assert all(k == "quoted" for w, k in kinds.items() if w.startswith("coup"))
    # "Read more:" has no subject: what follows stays the outlet's
    assert _voices("Read more:\n\nSoldiers seized power in a coup in the capital on Monday.")["coup"][0] == "own"


def test_thirteenth_round_sense_rules():
    # the square itself, not the 2014 events named after it
    assert ("coup / revolution", "Maidan") not in _terms("Protesters in Kyiv stayed on the Maidan (square) all night.")
    assert ("coup / revolution", "Maidan") in _terms("Moscow called the Maidan a coup against the president.")
    # gunfire aimed at someone is no dismissal; a grab for territory is no claim of words
    assert _terms("There was a lot of firing against the minister's convoy in the city.") == []
    assert ("claims by officials", "claimed") not in _terms("Rebel forces claimed control of the town after weeks of fighting.")
    # a racial motive is no religion
    assert _terms("Police described the attack as racially motivated violent extremism.") == []
    assert ("religion and violence", "violent extremism") in _terms("The imam warned against violent extremism.")


def test_claiming_a_win_a_term_or_an_office_is_no_claim_of_words():
    # an election outcome taken is no statement ("claim a mandate" was one already)
    for text in ("The president claims fifth term after a vote without rivals.",
                 "The ruling party claims landslide in the parliamentary vote.",
                 "He was always going to claim his fifth term in office.",
                 "The opposition leader claimed a narrow win on Sunday night.",
                 "The general claimed office after the vote was annulled."):
        assert not any(f == "claims by officials" for f, _ in _terms(text)), text
    # a claim about a term or a win is still a claim of words
    assert ("claims by officials", "claim") in _terms("Officials repeated the claim that the vote was fair.")
    assert ("claims by officials", "claims") in _terms("The minister's claims about the long-term effects were disputed.")


def test_a_verdict_names_the_crime_in_every_sexual_misconduct_term():
    # the court's legal words, as the charge contexts: no outlet's choice of term
    for text in ("The producer was found guilty of rape on Monday.",
                 "The former official was found guilty of sexual misconduct in March.",
                 "The coach was acquitted of groping a player.",
                 "The manager was convicted of sexual harassment last year."):
        assert not any(f == "sexual misconduct" for f, _ in _terms(text)), text
    # outside a verdict the words still count
    assert ("sexual misconduct", "rape") in _terms("Activists say rape is used as a weapon of war.")
    assert ("sexual misconduct", "sexual misconduct") in _terms("Staff described years of sexual misconduct at the firm.")
    # … and a term that names something other than the verdict's crime, in a sentence on the verdict
    text = "The producer, whose downfall over sexual misconduct began a movement, was found guilty of two sex crimes."
    assert ("sexual misconduct", "sexual misconduct") in _terms(text)
    assert ("sexual misconduct", "rape") in _terms('He said the senator was not guilty of "forcible rape."')


def test_an_opening_participle_of_denying_frames_no_words():
    # "Denying the allegations, X claimed …": what is denied stays the outlet's words (verbs of denying)
    text = "Denying the allegations, the founder claimed the case was politically motivated."
    assert _voice(text, "allegations")[0] == "own"
    assert _voice(text, "politically motivated")[0] == "attributed"
    # another opening participle of speech still gives its content to the subject
    text = "Accusing the extreme right of the deaths, the Coalition of Radical Left has declared the government guilty."
    assert _voice(text, "extreme right")[0] == "attributed"


def test_eighteenth_round_sense_rules():
    # the verb "rebel against" is a revolt, not the fighters the family names; the noun still counts
    assert _terms("Wagner's boss rebels against the Russian military leadership.") == []
    assert _terms("Delegates were urged to rebel against the army's choice in the war.") == []
    assert ("terrorist / militant / fighter", "rebels") in _terms("Armed rebels attacked the town and killed ten soldiers.")
    assert ("terrorist / militant / fighter", "Rebel") in _terms("Rebel forces against the army held the town.")
    # a family forced out of its home is evicted, not ousted from an office
    assert _terms("Courts ordered police to evict the family. The Salems are due to be forced out next month.") == []
    assert _terms("Families were forced out of their homes by the floods.") == []
    assert ("resign / ousted", "forced out") in _terms("The chief executive was forced out by the board last year.")
    assert ("resign / ousted", "forced out") in _terms("The minister was forced out of office after the scandal.")
    # "neighborhood" is pruned: the word cannot tell whose neighbourhood it is
    assert _terms("Settlers moved into the neighborhood of Sheikh Jarrah in East Jerusalem, Israeli police said.") == []
    assert ("Israel-Palestine places", "settlement") in _terms("The Israeli settlement in the West Bank grew again.")


def test_an_opening_as_per_names_a_source_for_the_whole_sentence():
    # as "According to X, Y claimed …": the reporting verb is the source's, the content stays Y's
    v = _voices("As per Ary News, Khan claimed the United States had conspired to oust him.")
    assert v["claimed"] == ("attributed", "Ary News") and v["oust"] == ("attributed", "Khan")
    assert _voices("As per Ary News, the regime is collapsing.")["regime"] == ("attributed", "Ary News")
    # an agreement or a plan is no speaker
    assert _voices("As per the agreement, the regime will release the prisoners.")["regime"] == ("own", None)


def test_nineteenth_round_voice_rules():
    # a time gap after a mid-sentence frame opens the outlet's background, not more of the report
    text = ("An Israeli airstrike killed three leaders of the group's military wing on Thursday, the group said, "
            "a day after a targeted killing attempt on its chief failed.")
    assert _voice(text, "targeted killing") == ("own", None)
    text = "The army shelled the town, police said, rioters hit the militants with stones."
    assert _voice(text, "militants")[0] == "attributed"
    # a passive characterisation names its holder only with "by X"; its subject is what is characterised
    text = "Its delays are widely recognized as a driver of illegal immigration."
    assert _voice(text, "illegal immigration") == ("unclear", None)
    text = "The plan is seen as a major concession to the militants."
    assert _voice(text, "militants") == ("unclear", None)
    text = "The group is regarded by Washington as a terrorist organisation."
    assert _voice(text, "terrorist") == ("attributed", "Washington")
    assert _voice("He was accused of sexual misconduct.", "sexual misconduct") == ("attributed", None)
    # "X estimates that …" reports X's estimate, reporting verbs inside it included
    text = "The State Department estimates that a million passed through camps, where detainees claim torture was common."
    assert _voice(text, "claim") == ("attributed", "State Department")
    # a closing report is a frame of its own: its subject is the outlet's word, even after an earlier frame
    text = ("Smoke rose after the militant group reported that the army fired missiles at the house, "
            "the militant group reported.")
    assert _voice(text, "militant group reported.")[0] == "own"
    assert _voice(text, "fired missiles")[0] == "attributed"
    # "identified X as Y": who X is, is the identifier's word; a pronoun after "who" is the speaker, unnamed
    text = ("The military identified the gunman as Abdel Kharusha, a member of the Islamist group Hamas, who it said "
            "shot two Israelis in the occupied West Bank.")
    assert _voice(text, "Islamist") == ("attributed", "military")
    assert _voice(text, "occupied")[0] == "attributed" and _voice(text, "occupied")[1] != "Abdel Kharusha"


def test_nineteenth_round_sense_rules():
    # "assassination" is pruned: the text cannot tell a state's strike from a killing by hired gunmen
    assert _terms("The assassination of the president by hired gunmen shocked the country.") == []
    # voting rules are US voting rules: voter fraud alleged abroad is another subject
    assert _terms("Opposition leaders accused the president of voter fraud after the Chadian election.") == []
    assert ("voting rules", "voter fraud") in _terms("Republicans repeated claims of voter fraud in the Senate race.")
    # a rampage of burning is a riot, not a shooting
    text = ("The shooting of two brothers triggered a revenge attack by settlers who torched dozens of houses in a "
            "rampage. The rampage drew condemnation.")
    assert _terms(text) == []
    assert ("mass shooting", "rampage") in _terms("The gunman went on a shooting rampage at the mall.")


def test_twentieth_round_voice_rules():
    # "referred to X as Y": Y (its relative clause included) is the subject's, X stays the outlet's naming
    text = ("Top Western officials have referred to the coup as a hijacking of the 2019 revolution which led to the "
            "ousting of longtime dictator Omar al-Bashir.")
    assert _voice(text, "coup")[0] == "own"
    assert _voice(text, "revolution") == ("attributed", "Top Western officials")
    assert _voice(text, "dictator") == ("attributed", "Top Western officials")
    # with no "as", the object named is the subject's; a passive "was referred to" names nobody
    assert _voice("She referred to the attempted coup d'etat, saying it had failed.", "coup")[0] == "attributed"
    assert _voice("The case was referred to the court as a terrorist matter.", "terrorist")[0] == "own"
    assert _voice("Lukashenko, often referred to as Europe's last dictator, won.", "dictator") == ("unclear", None)
    # a time gap before an opening "after" clause keeps the frame inside that clause
    text = "Minutes after Putin announced that he was ordering his troops to war, explosions were heard near Kharkiv."
    assert _voice(text, "Kharkiv")[0] == "own"
    assert _voice(text, "troops to war") == ("attributed", "Putin")
    # "predicted as": a characterisation, as "described as"
    text = "It was a move that Western officials had predicted as a possible pretext for an invasion."
    assert _voice(text, "invasion") == ("attributed", "Western officials")
    # a closing "as reported by X" credits the clause before it, as a closing "according to X" does
    text = ("Biden will cancel the permit on his first day, as part of his climate change initiative, "
            "as reported first by the Canadian Broadcasting Corp.")
    assert _voice(text, "climate change") == ("attributed", "Canadian Broadcasting Corp")
    assert _voice(text, "permit") == ("unclear", None)
    # a noun of criticism with its content: "criticism by X that it was a power grab" is X's claim
    text = "He defended his decision from criticism by both Democrats and some Republicans that it was a power grab."
    assert _voice(text, "power grab")[0] == "attributed"


def test_twentieth_round_sense_rules():
    # "power grab" in an article on a junta or its plotters is the coup, named sentences before
    text = ("The coup leaders detained the president on Wednesday. Shops stayed shut. Streets were calm. "
            "Ecowas has condemned the power grab.")
    assert ("reform / overreach", "power grab") not in _terms(text)
    assert ("reform / overreach", "power grab") in _terms("Democrats called the emergency declaration a power grab.")
    # "dismiss as rhetoric" is disregarding, not removing someone from office
    assert _terms("What the Kremlin tries to dismiss as salty rhetoric turned into open rebellion.") == []
    assert ("resign / ousted", "dismissed") in _terms("The general was dismissed as chief of staff.")
    # "those who play with fire will perish by it": an idiom, no death
    assert _terms("Beijing warned that those who played with fire would perish by it.") == []
    assert ("killed / died", "perished") in _terms("Thousands perished in the famine.")


def test_twentyfirst_round_voice_rules():
    # an embedded post whose credit line follows on a line of its own is the poster's
    text = ("A video was posted by the group.\n#Gabon Coup unfolding. The army has taken control of #Libreville "
            "pic.twitter.com/WOpTQObL4W\n— CGR.NewYork (@CGR_newyork) January 7, 2019\nTanks were seen in the coup.")
    assert _voice(text, "Coup")[0] != "own"
    assert _voice(text, "the coup")[0] == "own"
    # a manner or concession after a closing frame is the outlet's gloss, not more of the report
    v = _voices("“The number of these people is not known,” he said, without giving evidence for the claim.")
    assert v["claim"] == ("own", None)
    assert _voice("The rioters were armed, police said, rioters hit a guard.", "rioters hit")[0] == "attributed"
    # an opening "While" clause holding quoted words (its comma inside the marks) ends at that comma
    text = ("While Trump has previously suggested letting Obamacare “implode,” as a candidate and as president he has "
            "usually promoted repealing and replacing Obamacare.")
    assert _voice(text, "replacing Obamacare") == ("own", None)
    assert _voice(text, "letting Obamacare")[0] == "attributed"
    # a blockquote introduced by "X reports that …:" is X's
    text = ("The New York Times reports that the attempt to end the program is blocked by the court:\n\n"
            "The Supreme Court ruled that the administration may not end a program protecting young immigrants known "
            "as Dreamers from deportation.\n\nThe ruling covers Dreamers in every state.")
    assert _voice(text, "Dreamers") == ("quoted", "New York Times")
    assert _voice(text, "Dreamers in every")[0] == "own"
    # a relative "that" as the object of "called": the complement right after the verb is the subject's
    text = ("It was a blow to his promise to end an executive order by Barack Obama that Mr. Trump had called an "
            "illegal executive amnesty for young immigrants.")
    assert _voice(text, "amnesty") == ("attributed", "Mr. Trump")
    assert _voice("It is a program that is called a lifeline by farmers.", "lifeline")[0] == "own"
    # "Among the reforms sought by the group are …": what a demander seeks is in its terms
    text = "Among the reforms sought by the group are a ban on assault weapons and changes to background checks."
    assert _voice(text, "assault weapons")[0] == "attributed"
    assert _voice("The group marched for a ban on assault weapons.", "assault weapons")[0] == "own"


def test_twentyfirst_round_sense_rules():
    # "carried in triumph": a manner of celebrating, not a win
    assert _terms("Footage showed the general being carried in triumph by hundreds of soldiers.") == []
    assert ("victory / defeat", "triumph") in _terms("The tax bill was the party's first big legislative triumph.")


def test_twentysecond_round_voice_rules():
    # an aside between commas opening with a participle, inside reported speech: the speaker's or the outlet's gloss
    text = ("Putin said Crimea's disputed referendum vote on Sunday, held under Russian military occupation, had shown "
            "the will of the people to be reunited with Russia.")
    assert _voice(text, "occupation") == ("unclear", None)
    assert _voice(text, "reunited") == ("attributed", "Putin")
    assert _voice("Putin said the vote on Sunday had shown the will to end the occupation.",
                  "occupation")[0] == "attributed"
    # "In what has been deemed X, …": a characterisation naming nobody, the noun phrase only
    text = "In what has been deemed the worst U.S. terrorist attack since 9/11, a gunman opened fire in a nightclub."
    assert _voice(text, "terrorist") == ("unclear", None)
    assert _voice(text, "gunman") == ("own", None)
    assert _voice("The group was dubbed a terrorist cell by Putin.", "terrorist") == ("attributed", "Putin")


def test_twentysecond_round_sense_rules():
    # "regime" as a set of rules put into effect is no government
    assert _terms("The provinces will need months before they are ready to implement the new legalized cannabis "
                  "regime.") == []
    assert _terms("The delay gives the provinces more time to implement their regimes.") == []
    assert ("regime / government", "regime") in _terms("The Syrian regime bombed the town on Sunday.")
    # words called extremist are no label for people
    assert _terms("Its extremist language was designed to demonise the country, the minister said.") == []
    assert ("terrorist / militant / fighter", "extremist") in _terms("The extremist groups attacked the town.")
    # a law's name, shortened: capitalised before "bill" mid-sentence, or "… religious freedom act"
    assert _terms("Protesters rallied after Pence signed a Religious Freedom bill into law.") == []
    assert _terms("Indiana's religious freedom act drew a backlash from business.") == []
    assert ("religious freedom laws", "religious freedom") in _terms(
        "Critics fear Indiana's religious freedom law allows businesses to turn away gay customers.")


def test_twentythird_round_voice_rules():
    # the headline "Name: claim" repeated as a line of the text is the named speaker's there too
    title = "Barr: Mueller did not establish Trump-Russia collusion, but obstruction questions remain"
    text = (f"Skip to content\n\n{title}\n\nThe attorney general's summary was released on Sunday. Barr said the "
            "special counsel did not find that the campaign worked with Russia.")
    found = {(m["field"], m["surface"]): (m["voice"], m["speaker"]) for m in _matches(text, title)}
    assert found[("text", "collusion")] == ("attributed", "Barr")
    assert found[("title", "collusion")] == ("attributed", "Barr")
    # … but a line that only resembles the headline is not, nor a headline whose name speaks nowhere in the text
    text2 = f"{title} soon\n\nThe summary came out on Sunday. Barr said the counsel did not find that Russia won."
    assert {(m["field"], m["surface"]): m["voice"] for m in _matches(text2, title)}[("text", "collusion")] == "own"
    text3 = f"{title}\n\nThe summary on Russia was released on Sunday."
    assert {(m["field"], m["surface"]): m["voice"] for m in _matches(text3, title)}[("text", "collusion")] == "own"
    # the repeated headline is no sign that its name speaks in the text ("Crocus City Hall:" is a place)
    title = "Crocus City Hall: Terrorists Kill Dozens At Concert Near Moscow"
    text = f"{title}\n\nGunmen opened fire at the hall on Friday. Officials said the toll would rise."
    assert {(m["field"], m["surface"]): m["voice"] for m in _matches(text, title)}[("title", "Terrorists")] == "own"
    # "the letter indicating that …": what the letter indicates is not the outlet's own claim
    text = ("The White House proclaimed victory after the letter indicating that Mueller's team could not prove "
            "collusion became public on Sunday.")
    assert _voice(text, "collusion")[0] != "own"
    assert _voice("A sign indicating a detour stood near the border wall.", "wall") == ("own", None)
    # a closing mark after a space and before a word opens a quotation
    text = "Senate Minority Leader Gloria Butler called the efforts ”voter suppression tactics. We are witnessing it.”"
    assert _voice(text, "voter suppression")[0] == "quoted"
    assert _voice("“We will win,” he said. The voter suppression law passed on Friday.", "voter suppression") == \
        ("own", None)
    # a reported content that is one quotation closed with a comma: after it, no voice is claimed
    text = ('Trump Jr. threatened the president\'s opponents by saying "we\'re coming for you", having called for '
            '"total war" in the weeks leading up to the riots.')
    assert _voice(text, "riots") == ("unclear", None)
    text = 'The senator said "the riots were planned," adding that the police had been warned.'
    assert _voice(text, "riots")[0] == "quoted"
    assert _voice("The senator said that the riots were planned and that the police had been warned.",
                  "riots")[0] == "attributed"
    # the complement of "recognized X as …" is a noun phrase: a subordinate clause after it is the outlet's
    text = ("President Donald Trump recognized Juan Guaido as the interim president of Venezuela minutes after the "
            "opposition leader declared himself the head of state, in the most provocative move yet against the "
            "leftist regime of Nicolas Maduro.")
    assert _voice(text, "regime")[0] != "attributed"
    assert _voice("Washington described the government in Caracas as a regime of thugs.", "regime") == \
        ("attributed", "Washington")


def test_a_multiword_term_never_matches_across_punctuation():
    # "hits wrong target, kills dozens": the lemmas "target kill" are no targeted killing with a comma between
    assert _terms("Air strike hits wrong target, kills dozens of civilians in the north") == []
    assert _terms("The strike hit the target; killing was not its aim, the army said.") == []
    assert ("strike / attack", "targeted killing") in _terms("The army carried out a targeted killing in the north.")
    # a dash with no space around it still joins a compound's words; one with spaces does not
    assert ("strike / attack", "targeted\u2013killing") in _terms("Critics condemned the targeted\u2013killing policy.")
    assert _terms("Critics condemned what was targeted \u2013 killing was the aim.") == []


def test_twentyfourth_round_sense_rules():
    # a popular or social uprising, or one met by a crackdown, is a movement (unrest), no seizure of power
    assert ("coup / revolution", "Uprising") not in _terms("", "Security Forces Crack Down on Growing Popular Uprising")
    assert ("coup / revolution", "uprisings") not in _terms(
        "The social uprisings of the past month were the largest since the return to democracy.")
    assert ("coup / revolution", "uprising") in _terms("The army general who led the uprising took power on Monday.")
    # "woke" as the verb of waking
    assert _terms("The city woke Saturday morning to calm after the storm.") == []
    assert _terms("Residents woke to the sound of sirens.") == []
    assert ("identity politics", "woke") in _terms("He railed against woke politics in his speech.")
    # forced out of a place is no office lost
    assert _terms("Thousands of tourists and pilgrims had been forced out of the mountain valley.") == []
    assert ("resign / ousted", "forced out") in _terms("The chairman was forced out of his post after the scandal.")


def test_twentyfourth_round_voice_rules():
    # "Some argue they …": a quantifier is a subject before a pronoun clause, as before "that"
    assert _voice("Some argue they are not terrorists because they never attacked civilians.", "terrorists") == \
        ("attributed", "Some")
    assert _voice("Some terrorist groups were seized.", "terrorist") == ("own", None)
    # '…”, with most leaders opposing the coup': after a closing quotation, a "with" clause is the outlet's gloss
    text = "The UN said it was a “serious blow to democracy”, with most world leaders opposing the coup."
    assert _voice(text, "coup") == ("own", None)
    assert _voice("The UN said the coup was a serious blow, with leaders agreeing.", "coup") == ("attributed", "UN")
    # "X say …, and other detainees claim …": a new subject with its own frame; its verb is the outlet's
    text = "Her father and her friends say she never had any surgery, and other detainees claim the police beat her."
    assert _voice(text, "claim") == ("own", None)
    assert _voice("Her father says she was healthy, and other detainees claim the regime beat her.", "regime") == \
        ("attributed", "other detainees")
    # ", many of whom falsely claim …,": the aside's content ends at its comma, and "falsely" is no speaker
    text = ("The scenes of the rioters, many of whom falsely claim the vote was stolen, smashing windows, brought "
            "comparisons of the 2021 insurrection at the Capitol.")
    assert _voice(text, "insurrection")[0] != "attributed"
    assert _voice("The rioters, who claim the insurrection was staged, smashed windows.", "insurrection")[0] != "own"


def test_twentyfifth_round_sense_rules():
    # "uprising" is a seizure of power only with one in reach, and never an armed or guerrilla insurgency
    assert ("coup / revolution", "Uprising") not in _terms("", "Kazakhstan - 2022 Uprising - Timeline")
    assert _terms("More than two decades after a Kosovo Albanian guerrilla uprising against Serbian rule.") == []
    armed = "In the Sahel, since 2020 an armed uprising has triggered coups in Mali and Burkina Faso."
    assert ("coup / revolution", "uprising") not in _terms(armed) and ("unrest", "uprising") not in _terms(armed)
    assert ("unrest", "uprising") in _terms("The uprising spread to three more cities after the protests.")
    assert ("coup / revolution", "uprising") in _terms("The army general who led the uprising took power on Monday.")
    # a criminal conspiracy with no foreign state in reach is no collusion
    assert _terms("Prosecutors said it was a criminal conspiracy to influence the 2016 election.") == []
    assert ("collusion", "conspiracy") in _terms("Mueller examined a possible conspiracy between the campaign and Russia.")
    # gunmen holding a building, or an occupied building, is no occupied territory
    assert _terms("Dozens of gunmen occupied a burned church, a college and a hospital in the city.") == []
    assert _terms("The armed forces were trying to reclaim an occupied hospital and jail in the city.") == []
    assert ("occupied / liberated", "occupied") in _terms("Troops shelled the occupied city of Kherson.")
    assert ("occupied / liberated", "occupied") in _terms("Settlers moved into the occupied West Bank.")
    # "dismissed" only with an office in reach: a referendum dismissed as illegitimate lost no office
    assert _terms("It led to a referendum last year, which the national government has dismissed as illegitimate.") == []
    assert ("resign / ousted", "dismissed") in _terms("The director was dismissed from his post on Friday.")


def test_twentysixth_round_sense_rules():
    # fires set or started are no one fired, even with staff or officials in the sentence
    assert _terms("Protesters set fires near the hotel, which was occupied by residents and staff.") == []
    assert _terms("Local officials said demonstrators injured an officer by smashing windows and starting fires.") == []
    assert ("resign / ousted", "fired") in _terms("The minister fired his chief of staff on Monday.")
    # the verb of lying down beside another posture
    assert _terms("Armed men forced staff to lie and sit on the floor as shots were heard.") == []
    assert ("lie / falsehood", "lie") in _terms("The claim was a blatant lie about the election.")
    # soldiers holding a square or a street hold no occupied territory
    assert _terms("Military units occupied the main square in the capital as soldiers rammed the palace door.") == []
    assert _terms("Troops occupied the streets of the capital overnight.") == []
    assert ("occupied / liberated", "occupied") in _terms("Insurgents occupied the coastal village for three days.")
    assert ("occupied / liberated", "occupied") in _terms("Troops shelled the occupied city of Kherson.")


def _doc_voice(text: str, term: str, title: str = "") -> tuple[str, str | None]:
    ms = [m for m in _matches(text, title) if m["surface"] == term]
    assert ms, term
    return ms[0]["voice"], ms[0]["speaker"]


def test_twentysixth_round_voice_rules():
    # an "as" clause with its own subject and verb after a report: the speaker's words or the outlet's gloss
    text = ("Syrian rebels said they had entered Damascus on Sunday as President Bashar al-Assad's regime appeared to "
            "collapse in the face of a stunning rebel offensive.")
    assert _voice(text, "regime")[0] == "unclear" and _voice(text, "rebel offensive")[0] == "unclear"
    assert _voice("Rebels said Assad's regime had collapsed.", "regime") == ("attributed", "Rebels")
    assert _voice("Officials said the group was listed as a terrorist organisation.", "terrorist")[0] == "attributed"
    # what a named subject highlights is its claim; an event that highlights something shows it in the outlet's words
    text = ("Joe Mulhall, Director of Research at Hope Not Hate, highlighted the role of social media in spreading "
            "disinformation.")
    assert _voice(text, "disinformation")[0] == "attributed"
    assert _voice("Her ordeal highlights the brutal tactics of the militia.", "militia") == ("own", None)
    # ", adding Niger to a growing list of …" after a report is the outlet's gloss; ", adding that …" goes on with it
    text = ("Members of the military announced on Wednesday that they had deposed Bazoum, adding Niger to a growing list "
            "of military regimes in the Sahel.")
    assert _voice(text, "regimes") == ("own", None)
    assert _voice("The army said it had deposed Bazoum, adding that the regime had failed.", "regime")[0] != "own"
    # a subordinate lead clause whose subject has an apposition: its content ends at a comma, the main clause after
    # it claims no voice
    text = ("Hours after the ECOWAS chairperson, President Bola Tinubu, warned that the bloc will not tolerate the "
            "illegal removal of the government, the country's coup plotters have warned against an intervention.")
    assert _voice(text, "coup") != ("attributed", "President Bola Tinubu")
    # a date stamp opening a sentence is no subject
    assert _voice("2023-07-28 Hours after the chairperson, President Tinubu, warned that the bloc will act, the coup "
                  "leaders replied.", "coup")[0] != "attributed"
    # photo credits are no sources of the caption; a title of parts joined by dashes credits nobody
    caption = "Demonstrators rallied in support of a military coup in Niamey, Niger's capital Photo: REUTERS"
    assert _voice(caption, "coup", title_body="") == ("own", None)
    assert _voice("Kazakhstan - 2022 Uprising - Tick-Tock", "Uprising", title_body="")[0] == "unclear"
    assert _voice("Detained suspects had contacts with terrorists abroad – FSB", "terrorists", title_body="") == \
        ("attributed", "FSB")
    # "their demands to oust Hasina", "raised concerns about the potential for ethnic cleansing", "attributing the
    # attacks to terrorist organizations": the demander's, the concerned party's, the attributor's
    assert _voice("The protesters have escalated their demands to oust Hasina from power.", "oust")[0] == "attributed"
    assert _voice("Mr. Trump's demands for billions of dollars for a border wall stalled the talks.",
                  "border wall")[0] != "attributed"
    assert _voice("Armenian Prime Minister Nikol Pashinyan has repeatedly raised concerns about the potential for "
                  "ethnic cleansing in the region.", "ethnic cleansing")[0] == "attributed"
    assert _voice("The investigation is ongoing, with some officials attributing the attacks to international "
                  "terrorist organizations.", "terrorist") == ("attributed", "some officials")
    # the line above an embedded post's credit line may be the post's first line: no voice claimed
    text = ("The church was burned.\nBREAKING: A terrorist attack on a synagogue and a church in Dagestan.\n"
            "Five police officers were killed. pic.twitter.com/wM2PXwDsFC — Sulaiman Ahmed (@ShaykhSulaiman) June 23, "
            "2024\nA similar attack took place in Makhachkala.")
    assert _doc_voice(text, "terrorist")[0] == "unclear"
    assert _doc_voice("Gunmen stormed a church.\nWatch the video of the attack by the terrorist cell below:\n"
                      "The attackers fled. pic.twitter.com/abc — Reporter (@rep) June 23, 2024", "terrorist") == \
        ("own", None)


def test_a_deed_claimed_by_someone_is_no_claim_by_officials():
    # the passive credits an attack (or a territory) to someone; it reports nobody's statement
    assert _terms("Both attacks have since been claimed by the Islamic State group.") == []
    assert _terms("The reef is claimed by three countries.") == []
    # the statement sense still counts, and the noun before "by" is not the passive
    assert _terms("The ministry claimed the strike hit a depot.") == [("claims by officials", "claimed")]
    assert _terms("Claims by the ministry that the strike hit a depot were denied.") == [("claims by officials", "Claims")]



def test_twentyseventh_round_sense_rules():
    # a building held by a militia, named before "occupied by" past commas, is no occupied territory
    assert _terms("The attack was near an office in Sin Gut village, in central Myingyan township, occupied by members "
                  "of a militia.") == []
    # a place before "occupied by" still is, and so is the nearest phrase after the building
    assert ("occupied / liberated", "occupied") in _terms("Residents fled the village occupied by the army.")
    assert ("occupied / liberated", "occupied") in _terms("Troops shelled the hospital in the town occupied by Russian "
                                                          "forces.")


def test_twentyseventh_round_voice_rules():
    # a line of wire copy ending with a preposition goes on with the next line; ", X told AFP, leaving …" is a frame
    text = ("Eight soldiers have been killed in the north, security sources told AFP.\nJihadists ambushed the troops on\n"
            "Monday close to the Niger border in Yagha province, a security source told AFP,\nleaving four dead.")
    assert _doc_voice(text, "Jihadists") == ("attributed", "security source")
    assert len(split_sentences("Police said it was over\nRebels fled the town.", join_wrapped=True)) == 2
    # the noun "attack" is no "attacked X as Y": the clause after "as" is the outlet's narration
    text = ("The pardons rewrite the history of the Jan. 6 attack that left more than 100 police officers injured as "
            "rioters overwhelmed law enforcement.")
    assert _doc_voice(text, "rioters") == ("own", None)
    text = ("The military killed 19 people in an air attack on a rebel position, the militia said, as the junta presses "
            "on with operations.")
    assert _doc_voice(text, "junta") == ("own", None)
    assert _doc_voice("Critics attack the bill as a power grab.", "power grab") == ("attributed", "Critics")
    # the reason given for a defence claims no voice: the defender's words, or the outlet's for a defence in arms
    text = "But like Damiba before him, Traore defended the coup because the authorities were not doing enough against the jihadists."
    assert _doc_voice(text, "jihadists")[0] == "unclear"
    text = "Traore defended the coup on the grounds that the authorities were not doing enough against the jihadists."
    assert _doc_voice(text, "jihadists")[0] == "unclear"
    # "has documented that …" frames the documenter's finding; "documented abuses" reports nothing
    text = "The Justice Department has documented that 140 police officers were assaulted during the Capitol riot."
    assert _doc_voice(text, "riot") == ("attributed", "Justice Department")
    # a closing "according to X" after a subjectless ", after burning …" may cover the main clause too
    text = ("Soldiers occupied the village for two days before leaving on Sunday, after burning down the house of a "
            "militia leader, according to locals.")
    assert _doc_voice(text, "occupied")[0] == "unclear"
    assert _voice("The probe is heating up, including whether there is evidence of collusion between the two as Russia "
                  "sought to help Trump, according to US intelligence agencies.", "collusion") == ("own", None)


def test_twentyeighth_round_sense_rules():
    # a disagreement is no statement: "contention between …", a mass "significant contention", "a point of contention"
    assert _terms("The protests erupted over a finance bill that has sparked significant contention between citizens and "
                  "the government.") == []
    assert _terms("The border has long been a point of contention for the two governments.") == []
    assert ("claims by officials", "contention") in _terms("The ministry's contention that the vote was rigged was "
                                                           "rejected by the court.")
    # "regime modifications" (changes of government, the plain idiom spun) names no regime
    assert ("regime / government", "regime") not in _terms(
        "Pakistan has struggled with political instability, regime modifications and coups since 1947.")
    assert ("regime / government", "regime") in _terms("The regime detained hundreds of protesters in Tehran.")


def test_twentyeighth_round_voice_rules():
    # a headline glued onto the story with a space and no full stop: the story's verb is no content of the headline's
    text = ("date 2025-01 Rwanda-backed rebels say they've captured Congo city of Goma The Rwandan-backed M23 rebel group "
            "claims they've captured the city of Goma in the eastern Democratic Republic of Congo.")
    assert _doc_voice(text, "claims") == ("own", None)
    text = "Lawyers for the victims said on Monday that The Hague would try the regime for its crimes next year."
    assert _doc_voice(text, "regime") == ("attributed", "Lawyers for the victims")
    # a relative clause of background ("…, many of whom were …") ends what the footage suggested
    text = ("Video footage on social media suggested that civilians were executed in revenge killings by the incoming "
            "troops, many of whom were members of radical Islamist terror groups until recently.")
    assert _doc_voice(text, "Islamist") == ("own", None)
    assert _doc_voice("Video footage suggested that civilians were executed by Islamist troops.",
                      "Islamist") == ("attributed", "Video footage")
    # "is now described as" with nobody named is no description by its subject; "since" + a clause is the outlet's
    text = "The conflict is now described as one of Syria's worst violence since insurgents overthrew the Assad regime."
    assert _doc_voice(text, "insurgents") == ("own", None)
    assert _doc_voice("The group is now described by the army as terrorists.", "terrorists") == ("attributed", "army")
    assert _doc_voice("The group is now described as terrorists.", "terrorists")[0] == "unclear"
    # a closing "(via X)" credits the sentence to X
    text = ("Since Thursday, Syrian security forces and militants tied to the country's new Islamist rulers have "
            "unleashed a deadly crackdown in the coastal Alawite region (via Reuters).")
    assert _doc_voice(text, "militants") == ("attributed", "Reuters")


def test_thirtysecond_round_voice_rules():
    # an opening viewpoint frame ("In the eyes of X, …", "To X, …") makes the sentence X's view, not the outlet's
    text = ("In the eyes of the US, General Soleimani and his Quds Force was a terrorist organisation behind attacks "
            "on American troops.")
    assert _doc_voice(text, "terrorist") == ("attributed", "US")
    assert _doc_voice("To Washington, the Quds Force is a terrorist group.", "terrorist") == ("attributed", "Washington")
    assert _doc_voice("In Moscow's view, the protesters are terrorists.", "terrorists") == ("attributed", "Moscow")
    assert _doc_voice("To date, the group has carried out terrorist attacks in three provinces.", "terrorist") \
        == ("own", None)                             # a time, no holder of a view
    # "X considers Y a terrorist …": the complement is X's, as after "called"
    assert _doc_voice("The United States considers the Quds Force a terrorist organisation.", "terrorist") \
        == ("attributed", "United States")
    assert _doc_voice("The Quds Force is considered a terrorist organisation.", "terrorist")[0] == "unclear"
    # a possibility the text says was not raised is no use of the term in the outlet's voice
    text = "Diab did not insinuate that the blast was a military or terrorist attack, but vowed to punish those responsible."
    assert _doc_voice(text, "terrorist")[0] == "unclear"
    assert _doc_voice("Nobody suggested that the blast was a terrorist attack.", "terrorist")[0] == "unclear"
    # the content of a claim named with its claimant ("the allegations by PTI that …") is the claimant's
    text = "The cops also denied the allegations by PTI that people were tortured."
    assert _doc_voice(text, "tortured") == ("attributed", "PTI")
    assert _doc_voice("Police denied that guards tortured the detainees in 2019.", "tortured") == ("own", None)


def test_thirtysecond_round_sense_rules():
    # the verb of waking with a city as its subject: "Khartoum woke to the sound of heavy firing"
    assert _terms("Khartoum woke to the sound of heavy firing on 15 April in numerous areas.") == []
    assert ("identity politics", "woke") in _terms("The senator railed against woke ideology in schools.")
    assert ("identity politics", "woke") in _terms("Republicans attacked the woke agenda to rewrite history.")
    assert ("identity politics", "woke") in _terms("Ted Cruz thinks the army is too woke to be deadly.")


def test_a_store_quote_with_no_name_names_no_speaker():
    # the store's quotes come as DataFrame records: a missing canonical name is NaN, which must not become a speaker
    text = "The cops also denied the allegations by PTI that people were tortured."
    start = text.index("people")
    quotes = [{"quote_start": start, "quote_end": len(text) - 1, "kind": "indirect", "speaker_type": "name",
               "canonical_speaker": float("nan"), "speaker": float("nan")}]
    ms = [m for m in _matches(text) if m["surface"] == "tortured"]
    assert ms and ms[0]["voice"] != "own"
    text = "He said that people were tortured by the guards."    # a pronoun: the store's quote may name him, NaN may not
    start = text.index("people")
    quotes = [dict(quotes[0], quote_start=start, quote_end=len(text) - 1)]
    vm = VoiceMap(text, split_sentences(text), quotes)
    v = vm.at(text.index("tortured"), text.index("tortured") + 8)
    assert v.kind != "own" and (v.speaker is None or isinstance(v.speaker, str))


def test_far_right_and_far_left_count_hyphenated_too():
    # the tokenizer keeps a hyphenated word whole, so "far-right" is no "far right" unless listed (fc33's Axios,
    # Xinhua and The Independent called Milei "far-right" and nothing was shown)
    assert _terms("Far-right libertarian Javier Milei won the runoff.") == [("opposition party labels", "Far-right")]
    assert _terms("The far-left bloc lost seats.") == [("opposition party labels", "far-left")]
    assert _terms("The far right gained ground.") == [("opposition party labels", "far right")]
    assert _terms("He moved far to the right of the party.") == []


def test_words_said_by_several_at_once_credit_them_all_never_one():
    # the store keeps a joint act once per speaker ("the two leaders reaffirmed …": a row for Putin, one for Xi);
    # the realworld Putin–Xi event's CBS card credited the quoted "no-limits" partnership to Putin alone
    text = ("Russian President Vladimir Putin thanked Chinese leader Xi Jinping at a Beijing summit on Thursday, "
            'where the two leaders reaffirmed a "no-limits" partnership that has grown as both face the West.')
    a, b = text.index('a "no-limits"'), text.index(" as both")
    row = {"quote_start": a, "quote_end": b, "kind": "mixed", "speaker_type": "person", "cue": "reaffirmed"}
    both = [dict(row, speaker="Vladimir Putin", canonical_speaker="Vladimir Putin"),
            dict(row, speaker="Xi Jinping", canonical_speaker="Xi Jinping")]
    doc = prepare([{"id": "a", "outlet": "CBS News", "title": "", "text": text}])[0]
    lex = compile_lexicon(tuple(load_contested_terms()))
    ms = [m for m in find_matches(doc, lex, both) if "no-limits" in m["surface"]]
    assert ms and all(m["speaker"] == "Vladimir Putin and Xi Jinping" for m in ms)
    ms = [m for m in find_matches(doc, lex, both[:1]) if "no-limits" in m["surface"]]
    assert ms and ms[0]["speaker"] == "Vladimir Putin"                 # one speaker stored: still his
    # one of the several unnamed ("Putin and his counterpart"): naming the other alone would say it was his
    some = [both[0], dict(row, speaker="his counterpart", canonical_speaker=None, speaker_type="pronoun")]
    ms = [m for m in find_matches(doc, lex, some) if "no-limits" in m["surface"]]
    assert ms and ms[0]["speaker"] is None and ms[0]["voice"] == "quoted"
    vm = VoiceMap(text, split_sentences(text), both + [dict(both[1], speaker="Xi Jinping")])   # a repeated row
    assert vm.at(text.index("no-limits"), text.index("no-limits") + 9).speaker == "Vladimir Putin and Xi Jinping"


def test_words_quoted_as_what_someone_wants_are_not_theirs():
    # BASIL's NYT report on Mattis' letter: "… with Russia and China, who want "a world consistent with their
    # authoritarian model."" The store credits the quotation to Russia and China (cue "want"); the words are Mattis'
    # (fc35's note on round 7's several-speakers rule: 'authoritarian' credited to the Governments of Russia and China)
    text = ("But Mr. Mattis's core complaint was that Mr. Trump had lost sight of the importance of the competition "
            "for global power with Russia and China, who want \u201ca world consistent with their authoritarian "
            "model.\u201d")
    a, b = text.index("\u201ca world"), len(text)
    row = {"quote_start": a, "quote_end": b, "kind": "direct", "speaker_type": "name", "cue": "want"}
    rows = [dict(row, speaker="Russia", canonical_speaker="Government of Russia"),
            dict(row, speaker="China", canonical_speaker="Government of China")]
    doc = prepare([{"id": "a", "outlet": "New York Times", "title": "", "text": text}])[0]
    lex = compile_lexicon(tuple(load_contested_terms()))
    ms = [m for m in find_matches(doc, lex, rows) if m["surface"] == "authoritarian"]
    assert ms and ms[0]["voice"] == "quoted" and ms[0]["speaker"] is None
    # a speech cue still names its speaker
    said = [dict(r, cue="said") for r in rows]
    ms = [m for m in find_matches(doc, lex, said) if m["surface"] == "authoritarian"]
    assert ms and ms[0]["speaker"] == "Government of Russia and Government of China"


def test_a_mid_sentence_according_to_credits_what_comes_before_it_not_after():
    # fc34's KRC Times (UN News): "Six million people are already in need of relief aid, according to OCHA, as a result
    # of years of conflict and displacement." The card's quote row took the tail as OCHA's (core.quotes, reported);
    # a contested word in the tail is no OCHA word, one in the head is
    text = ("Six million people are already in need of relief aid under the junta, according to OCHA, as a result of "
            "years of conflict under the military regime.")
    assert _doc_voice(text, "junta") == ("attributed", "OCHA")
    assert _doc_voice(text, "regime")[1] != "OCHA"


def test_fc36_an_author_bio_holds_no_contested_word_and_a_caption_quotes_no_one_named():
    # The Times of Israel's entry: its reporter's bio made "settlement" the outlet's own word for the ICJ ruling, and
    # the photo caption put South Africa's "genocide" in the judge's mouth
    text = ("Jeremy Sharon is The Times of Israel\u2019s legal affairs and settlements reporter\n\n"
            "President of the International Court of Justice Judge Joan E Donoghue delivers a ruling on South Africa\u2019s "
            'request as part of its accusations of state-led "genocide" in Gaza, January 26, 2024. (Youtube screenshot)\n\n'
            "The court says Israel must prevent genocide in Gaza. Settlements in the West Bank were not part of the case.")
    ms = _matches(text)
    assert [m["start"] for m in ms if m["surface"].lower().startswith("settlement")] == [text.index("Settlements")]
    cap = [m for m in ms if m["surface"] == "genocide" and m["start"] < text.index("The court says")]
    assert len(cap) == 1 and cap[0]["voice"] == "quoted" and cap[0]["speaker"] is None
    assert [m["voice"] for m in ms if m["start"] == text.index("genocide in Gaza. Settlements")] == ["attributed"]
    # a caption's own words still count as the outlet's (pages42/43 labelled two such uses true)
    text = ("Syrian army forces head to the coast to fight fighters linked to Syria’s ousted leader Bashar al-Assad, "
            "March 7, 2025. (Photo: Moawia Atrash/DPA via Reuters)\n\nClashes went on for a third day.")
    assert [(m["surface"], m["voice"]) for m in _matches(text)] == [("ousted", "own")]


def test_fc36_a_claim_inside_what_a_source_reported_is_the_claimants():
    # Business Insider India: "… at the time, he claimed he was forced out in a coup, as reported by CNN": Morales'
    # words, which CNN reported; the rest of the sentence stays CNN's report
    text = ("Morales resigned in 2019 following mounting protests over accusations of fraud in the elections; at the "
            "time, he claimed he was forced out in a coup, as reported by CNN.")
    voice, speaker = _doc_voice(text, "coup")
    assert voice == "attributed" and speaker != "CNN"
    vm = VoiceMap(text, split_sentences(text))
    assert vm.at(text.index("resigned"), text.index("resigned") + 8).speaker == "CNN"
    assert _doc_voice("Soldiers staged a coup in the capital, as reported by CNN.", "coup") == ("attributed", "CNN")


def test_fc36_a_title_cut_from_the_first_sentence_counts_its_words_once():
    # a page with no title gets the import's cut copy of its first sentence ("… in its ruling…"): Scope24's
    # "genocide" was counted twice, once in that copy and once in the sentence
    text = ("The International Court of Justice ordered Israel to take measures to prevent genocide in Gaza and direct "
            "incitement to it, as it rejected - in its ruling issued today, Friday - the Israeli request to dismiss it.")
    title = text[:150].rsplit(" ", 1)[0] + "\u2026"
    assert [m["field"] for m in _matches(text, title) if m["surface"] == "genocide"] == ["text"]
    # a real headline still counts beside the text
    assert [m["field"] for m in _matches(text, "ICJ orders Israel to prevent genocide in Gaza")
            if m["surface"] == "genocide"] == ["title", "text"]


def test_a_bio_like_line_inside_the_story_keeps_its_contested_words():
    # review, round 34: only a bio by the byline (or under the story) holds no contested word; one standing between
    # the story's paragraphs is the story's own wording
    text = ("Settlers attacked a village in the occupied West Bank on Tuesday, residents said.\n\n"
            "Ahmed Saleh is a West Bank settlements reporter for Al-Quds.\n\n"
            "He was at the scene when the attack began and filmed it.")
    assert [m["start"] for m in _matches(text) if m["surface"].lower().startswith("settlement")] == \
        [text.index("settlements")]
    top = "Ahmed Saleh is a West Bank settlements reporter for Al-Quds\n\n" + text.replace(
        "Ahmed Saleh is a West Bank settlements reporter for Al-Quds.\n\n", "")
    assert [m for m in _matches(top) if m["surface"].lower().startswith("settlement")] == []


# -- session 37's fact-check (fc39): three senses out of their families ------------------------------------------------
def test_a_policy_regime_named_by_its_rule_is_no_government():
    # a central bank's "negative rate regime" is a set of rules, like a sanctions or tax regime (fc39's Hindustan Times)
    for text in ("The central bank ended its negative rate regime on Tuesday after eight years.",
                 "The bank kept its monetary policy regime unchanged.",
                 "The country moved to a floating exchange rate regime in 2013."):
        assert not any(f == "regime / government" for f, _ in _terms(text)), text
    assert ("regime / government", "regime") in _terms("The regime shelled the rebel-held town again on Monday.")
    assert ("regime / government", "regime") in _terms("Protesters said the regime had to step down.")


def test_claiming_a_title_behind_an_ordinal_or_a_name_is_no_claim_of_words():
    # the prize is the head of the phrase past "a third World Cup" / "the country's first World Cup" (fc39)
    for text in ("The side beat its rival 4-2 on penalties to claim a third World Cup title.",
                 "They won the shootout to claim the country's first World Cup victory since 1986.",
                 "The sprinter went on to claim her second Olympic gold medal."):
        assert not any(f == "claims by officials" for f, _ in _terms(text)), text
    # a name or an ordinal before what is said stays a claim of words
    assert ("claims by officials", "claim") in _terms("Critics claim the World Cup budget was padded by officials.")
    assert ("claims by officials", "claims") in _terms("The ministry claims the second round of talks failed.")


def test_a_triumph_in_a_sport_told_by_its_trophy_is_no_victory_in_a_conflict():
    # "a third World Cup trophy after previous triumphs in 1978 and 1986" (fc39's Premium Times)
    assert _terms("It is the nation's third World Cup trophy after previous triumphs in 1978 and 1986.") == []
    assert _terms("The striker's goal capped a triumph that brought the trophy home.") == []
    assert ("victory / defeat", "triumph") in _terms("The ceasefire deal was hailed as a triumph for the government.")
    # words that are a sport's only sometimes ("penalty", "striker") rule nothing out: a death penalty, a hunger striker
    assert ("victory / defeat", "setback") in _terms("The ruling was a setback for opponents of the death penalty.")
    assert ("victory / defeat", "setback") in _terms("The arrest of a hunger striker was a setback for the opposition.")



def test_the_crime_a_prisoner_was_jailed_for_and_spying_charges_are_no_framing_words():
    # fc40: Photo News' "a Russian intelligence colonel imprisoned for murder" counted as murdered / killed, and
    # "sentenced to 16 years on disputed spying charges" as spying / surveillance: a crime's name and a charge
    for text in ("A colonel imprisoned for murder was among those freed in the exchange on Thursday.",
                 "The man, jailed for murder in 2021, flew home on Thursday.",
                 "The reporter was sentenced to 16 years on disputed spying charges."):
        assert not any(f in ("killed / died", "surveillance") for f, _ in _terms(text)), text
    assert ("killed / died", "murdered") in _terms("Soldiers murdered nine villagers in the raid, residents said.")
    assert ("surveillance", "spying") in _terms("The balloon was spying on military bases, officials said.")


def test_a_relative_clause_set_inside_a_reported_claim_does_not_end_it():
    # fc40 (Ukraine Today): "Kostin noted that Putin, who is suspected of …, as the head of the terrorist state, will be
    # afraid …" cut the claim at ", who" and showed its end as the outlet's own words
    text = ("The prosecutor noted that the leader, who is suspected of the deportations, as the head of the terrorist "
            "state, will be afraid of travelling abroad.")
    assert [(m["surface"], m["voice"]) for m in _matches(text) if m["family"].startswith("terrorist")] == [("terrorist", "attributed")]
    # a relative clause closing the sentence is still the outlet's aside
    text = "The official said the rebels seized the town, which the terrorist group held for years."
    assert ("terrorist", "own") in [(m["surface"], m["voice"]) for m in _matches(text)]


def test_a_connective_between_commas_after_the_subject_is_no_speaker():
    # "Outside economists and trade experts, however, said …" was credited to "however" once the claim ran on past its
    # relative clause (fc40's rule, seen on the held-out contested draw)
    from core.voice import _speaker_before, _tokens
    assert _speaker_before(_tokens("Outside economists and trade experts, however,")) == "Outside economists and trade experts"
    assert _speaker_before(_tokens("Officials, meanwhile,")) == "Officials"


def test_an_epithet_before_a_name_in_a_sentence_credited_to_a_news_outlet_is_not_surely_the_outlets():
    # fc40 (Close the Sky over Ukraine): "This was stated by the press secretary of the Russian dictator Dmitry Peskov,
    # TASS reports." showed "dictator" as TASS's word; a retelling credited to an outlet quotes none of its words
    text = "This was stated by the press secretary of the Russian dictator Ivan Petrov, TASS reports."
    assert [(m["surface"], m["voice"]) for m in _matches(text) if m["family"] == "dictator / leader"] == [("dictator", "unclear")]
    # a person's report stays theirs, and an outlet's words in quotation marks stay quoted
    assert ("regime", "attributed") in [(m["surface"], m["voice"]) for m in _matches("The regime shelled the town, the minister said.")]
    assert ("regime", "quoted") in [(m["surface"], m["voice"]) for m in _matches('The "regime" shelled the town, TASS reported.')]


def test_an_accusation_ends_before_the_next_person_a_list_names():
    # fc40 (the Washington Post's live page): "… who was accused of espionage without any known evidence, and Paul Whelan,
    # a former Marine …, as well as several dissidents who … criticized the war in Ukraine" kept the whole list inside
    # the accusation, and a later "the United States called baseless" gave it its speaker
    text = ("Those to be released included the reporter John Roe, who was accused of espionage without any known "
            "evidence, and Paul Whelan, a former Marine jailed after a conviction the United States called baseless, "
            "as well as several dissidents who demanded freedom or criticized the war in Ukraine, including a writer.")
    assert [m["voice"] for m in _matches(text) if m["surface"] == "war in Ukraine"] in ([], ["unclear"], ["own"])
