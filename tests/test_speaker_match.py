"""The name matcher bench/quotes_eval.py's real-news tier scores with (bench/speaker_match.py)."""
import pytest

from bench.speaker_match import match_article, matches, parse


def same(pred: str, gold: str, pred_type: str = "person", gold_type: str = "person") -> bool:
    return matches(parse(pred, pred_type), parse(gold, gold_type))


@pytest.mark.parametrize("pred, gold", [
    ("Sergey Shoigu", "Sergei Shoigu"), ("Sergej Shoigu", "Sergei Shoigu"),
    ("Volodymyr Zelenskyy", "Volodymyr Zelensky"), ("Zelenskiy", "Volodymyr Zelensky"),
    ("Dmitri Peskov", "Dmitry Peskov"), ("Evgeny Prigozhin", "Yevgeny Prigozhin"),
    ("Alexey Navalny", "Alexei Navalny"), ("Putin", "Vladimir Putin"), ("Xi", "Xi Jinping"),
    ("António Guterres", "Antonio Guterres"), ("Vladimir Leontiev", "Vladimir Leontyev")])
def test_people_match_across_transliteration_and_short_forms(pred, gold):
    assert same(pred, gold)


@pytest.mark.parametrize("pred, gold", [
    ("President Putin", "Vladimir Putin"), ("Kremlin Spokesman Dmitry Peskov", "Dmitry Peskov"),
    ("Chinese Xi", "Xi Jinping"), ("Yulia Navalnaya", "Alexei Navalny"), ("Donald Trump Jr", "Donald Trump")])
def test_titles_and_other_people_do_not_match(pred, gold):
    assert not same(pred, gold)


@pytest.mark.parametrize("pred, kind", [("Government of Russia", "organisation"), ("Russia", "organisation"),
                                        ("Moscow", "organisation"), ("the Russian government", "organisation"),
                                        ("Russia", "unknown")])
def test_government_of_x(pred, kind):
    assert same(pred, "Government of Russia", kind, "organisation")
    assert not same(pred, "Government of Ukraine", kind, "organisation")


@pytest.mark.parametrize("pred", ["Chinese Foreign Ministry", "Ministry of Foreign Affairs (China)",
                                  "Ministry of Foreign Affairs of China", "China's foreign ministry",
                                  "the Foreign Ministry"])
def test_institution_variants_with_their_country(pred):
    assert same(pred, "Ministry of Foreign Affairs of China", "organisation", "organisation")


def test_institutions_that_differ():
    gold = "Ministry of Foreign Affairs of China"
    assert not same("Russian Foreign Ministry", gold, "organisation", "organisation")
    assert not same("Defence Ministry (China)", gold, "organisation", "organisation")
    assert not same("Kremlin", "Kremlin press service", "organisation", "organisation")
    assert not same("FSB", "Federal Security Service of Russia", "organisation", "organisation")
    assert same("Federal Security Service (Russia)", "Federal Security Service of Russia", "organisation", "organisation")
    assert same("Rosaviatsia", "Federal Air Transport Agency of Russia (Rosaviatsia)", "organisation", "organisation")
    assert same("Islamic State group", "Islamic State", "organisation", "organisation")
    assert same("Ministry of Defense of Russia", "Ministry of Defence of Russia", "organisation", "organisation")


def test_anonymous_descriptions():
    assert same("Russian officials", "anonymous: Russian officials", "anonymous", "anonymous")
    assert same("sources", "anonymous: unnamed sources", "anonymous", "anonymous")
    assert not same("Russian officials", "anonymous: Western governments", "anonymous", "anonymous")
    assert not same("Russian authorities", "anonymous: Russian authorities", "organisation", "anonymous")


def test_match_article_both_ways():
    gold = [{"name": "Vladimir Putin", "type": "person"}, {"name": "Government of China", "type": "organisation"}]
    pred_ok, gold_ok = match_article([("Putin", "person"), ("Beijing", "organisation"), ("TASS", "organisation")], gold)
    assert pred_ok == [True, True, False] and gold_ok == [True, True]
