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
    # the same words as a name of the separatist entity in Donbas do count
    found = _terms("Separatists declared the Donetsk People's Republic in eastern Ukraine.")
    assert ("separatists", "People's Republic") in found


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
    # a Hong Kong word counts only in an article about Hong Kong
    assert _terms("Radical members of the council walked out.") == []
    assert ("Hong Kong protests", "radical") in _terms("In Hong Kong, radical protesters blocked roads.")
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
