"""Languages: detected and stored, non-English articles left out of English-only analyses, and said so."""
from __future__ import annotations

import json

import pytest

from core.analyse import analyse_new
from core.corpus import import_text
from core.framing import compare_event
from core.language import detect_language, is_english, language_of, normalise
from core.store import Store

RU = ("Лавров и Ван И провели телефонный разговор",
      "Министр иностранных дел России Сергей Лавров и глава МИД Китая Ван И обсудили по телефону ситуацию "
      "вокруг Украины, сообщили в министерстве. «Мы выступаем за мирное урегулирование», — заявил Лавров.")
UK = ("Зеленський провів переговори з Байденом",
      "Президент України Володимир Зеленський заявив, що переговори у Вашингтоні були продуктивними.")
EN = ("Lavrov and Wang Yi discuss Ukraine in phone call",
      "Russian Foreign Minister Sergei Lavrov and his Chinese counterpart Wang Yi discussed the situation around "
      "Ukraine by phone, the ministry said. \"We stand for a peaceful settlement,\" Lavrov said, calling the "
      "Western sanctions an \"invasion\" of trade.")


@pytest.mark.parametrize("title, text, code", [
    (*RU, "ru"), (*UK, "uk"), (*EN, "en"),
    ("日本北海道附近发生7.1级地震", "日本气象厅说，北海道附近海域发生强烈地震，发布海啸警报。", "zh"),
    ("Der Bundeskanzler hat heute in Berlin gesagt, dass die Regierung die Steuern nicht erhöhen wird.", "", "de"),
    ("El presidente dijo hoy que la economía del país crecerá este año más de lo esperado.", "", "es"),
    ("Putin and Xi meet in Beijing", "", "en"),            # a headline: function words, no model needed
    ("Trump", "", None),                                   # too short to tell
    ("", "", None),
])
def test_detect_language(title, text, code):
    assert detect_language(title, text) == code


def test_given_codes_are_normalised_and_used_only_when_detection_cannot_tell():
    assert [normalise(c) for c in ("en-US", "EN", "en_GB", "ru", "", None, 7, "english!")] == \
        ["en", "en", "en", "ru", None, None, None, None]
    assert language_of({"title": "Trump", "language": "de-DE"}) == "de"     # too short: the given code
    assert language_of({"title": RU[0], "text": RU[1], "language": "en"}) == "ru"   # a wrong label loses
    assert is_english({"title": "Trump"}) and is_english({"title": "x", "language": "en"})
    assert not is_english({"title": "x", "language": "ru"}) and not is_english({"title": UK[0], "text": UK[1]})


def _rows():
    return [{"id": "ru1", "outlet": "TASS", "title": RU[0], "text": RU[1], "published": "2025-03-01T10:00:00Z"},
            {"id": "en1", "outlet": "Reuters", "title": EN[0], "text": EN[1], "published": "2025-03-01T11:00:00Z",
             "language": "en-GB"},
            {"id": "uk1", "outlet": "UNN", "title": UK[0], "text": UK[1], "published": "2025-03-01T12:00:00Z"}]


def test_import_stores_the_language_and_analysis_leaves_others_out_of_quotes(db_url):
    store = Store(db_url)
    import_text(store, "\n".join(json.dumps(r) for r in _rows()), "jsonl")
    langs = store.articles_df().set_index("id")["language"].to_dict()
    assert langs == {"ru1": "ru", "en1": "en", "uk1": "uk"}
    out = analyse_new(store)
    assert out.not_english == 2 and "2 articles not in English left out" in out.line()
    q = store.quotes_df()
    assert len(q) > 0 and set(q["article_id"]) == {"en1"}          # the Russian quote was not read
    assert store.unquoted() == []                                   # and nothing is left to do
    assert store.language_counts() == {"ru": 1, "en": 1, "uk": 1}


def test_analysis_detects_languages_of_feed_articles(db_url):
    from core.models import Article
    store = Store(db_url)
    store.add_articles([Article(id="f1", outlet="TASS", title=RU[0], text=RU[1], language="en-US")])
    analyse_new(store, quotes=False)
    assert store.articles_df().loc[0, "language"] == "ru"


def test_compare_leaves_other_languages_out_of_english_figures_and_says_so():
    arts = [{**r, "language": language_of(r)} for r in _rows()]
    report = compare_event(arts)
    assert any("2 article(s) not in English (ru 1, uk 1) left out of quotes, contested terms, omissions and tone" in n
               for n in report["notes"])
    assert set(report["coverage"]["original_articles"]) == {"TASS", "Reuters", "UNN"}   # still coverage
    assert set(report["contested_terms"]["by_outlet"]) <= {"Reuters"}
    # sentences are aligned by their words: a Russian article would seem to leave out all the English ones say
    assert set(report["omissions"].get("outlets", {})) <= {"Reuters"}
