"""Credit lines: which outlet an article says its text came from, and where it says so."""
import json

import pytest

from conftest import shared_path
from core.credits import canonical_outlet, find_credits, is_news_outlet, is_wire, set_user_aliases

STORY = "The dam on the river gave way overnight and flooded six villages downstream, officials said."


def kinds(title, text, url=None, own=None):
    return [(c.kind, c.outlet) for c in find_credits(title, text, url, own=own)]


@pytest.mark.parametrize("name, canonical", [
    ("Xinhua", "Xinhua"), ("Xinhua News Agency", "Xinhua"), ("xinhua news agency", "Xinhua"),
    ("Fox News", "Fox News"), ("Fox News (Online News)", "Fox News"), ("the Associated Press", "Associated Press"),
    ("AP", "Associated Press"), ("Russia Today", "RT"), ("RT.com", "RT"), ("https://www.rt.com/news", "RT"),
    ("New York Times (News)", "The New York Times"), ("BBC", "BBC News"), ("Tass news agency", "TASS"),
    ("ECNS (China News Service)", "China News Service"),
])
def test_spellings_of_one_outlet_have_one_name(name, canonical):
    assert is_news_outlet(name) == canonical


@pytest.mark.parametrize("name", ["unknown", "News", "Agencies", "", "Vladimir Putin", "the ministry",
                                  "New York Times (Opinion)", "ngl.org.au"])
def test_other_names_are_no_news_outlet(name):
    assert is_news_outlet(name) is None


def test_user_aliases_override_and_merge_spellings():
    try:
        set_user_aliases({"Daily Wire Service": "Reuters", "Kyiv Indy": "The Kyiv Independent"})
        assert is_news_outlet("daily wire service") == "Reuters"
        assert canonical_outlet("Kyiv Indy") == "The Kyiv Independent"
        assert kinds("", f"{STORY}\n\nSource: Daily Wire Service") == [("source", "Reuters")]
    finally:
        set_user_aliases({})
    assert is_news_outlet("Daily Wire Service") is None


def test_wires_are_known():
    assert is_wire("Reuters") and is_wire("AFP") and is_wire("Xinhua News Agency") and not is_wire("Fox News")


@pytest.mark.parametrize("text, expected", [
    (f"KYIV, June 6 (Reuters) - {STORY}", [("dateline", "Reuters")]),
    (f"MOSCOW, June 6. /TASS/. {STORY}", [("dateline", "TASS")]),
    (f"(MENAFN- Live Mint) {STORY}", [("dateline", "Live Mint")]),
    (f"By Associated Press\n\n{STORY}", [("byline", "Associated Press")]),
    (f"AFP |\n{STORY}", [("byline", "AFP")]),
    (f"{STORY}\n\n(Reuters)", [("signoff", "Reuters")]),
    (f"{STORY} REUTERS", [("signoff", "Reuters")]),
    (f"{STORY}\n\nSource: Xinhua", [("source", "Xinhua")]),
    (f"{STORY} Read Full Article at RT.com", [("link", "RT")]),
    (f"{STORY[:-1]}, TASS reported.", [("reported", "TASS")]),
    (f"{STORY[:-1]}, reported Xinhua.", [("reported", "Xinhua")]),
    (f"{STORY[:-1]}, Censor.NET reports citing RIA Novosti.", [("reported", "RIA Novosti")]),
    (f"According to Vanguard, {STORY}", [("cited", "Vanguard")]),
    (f"{STORY} An AFP reporter saw the water rise.", [("reporter", "AFP")]),
    (f"{STORY} Reuters was unable to immediately verify the claim.", [("reporter", "Reuters")]),
    (f"{STORY} The mayor told Reuters he feared more rain.", [("told", "Reuters")]),
    (f"{STORY}\n\nA flooded street in the town. AP Photo/Jane Doe", [("photo", "Associated Press")]),
    (f"A flooded street in the town - Copyright AFP/File JANE DOE\n\n{STORY}", [("photo", "AFP")]),
])
def test_credit_kinds_by_their_place(text, expected):
    assert kinds("", text) == expected


def test_title_suffix_credits_the_outlet_named_after_a_dash():
    assert kinds("Dam gives way, six villages flooded — RT World News", STORY) == [("title", "RT")]
    assert kinds("Xi ready to keep close contact with Putin — Xinhua", STORY) == [("title", "Xinhua")]
    assert kinds("Navalny was killed by Putin – Zelenskyy", STORY) == []


def test_mentions_that_are_no_credit():
    text = ("Putin gave a written interview to Xinhua on the eve of the visit. Reuters and AFP sent reporters. "
            "The Reuters building was closed. " + STORY)
    assert [k for k, _ in kinds("", text) if k != "photo"] == []


def test_joint_credits_credit_no_single_outlet():
    text = f"{STORY[:-1]}, according to NBC and the AP. {STORY[:-1]}, CNN and NBC reported."
    assert kinds("", text) == []


def test_own_dateline_is_no_credit():
    text = f"MOSCOW, June 6. /TASS/. {STORY}"
    assert kinds("", text, own="TASS") == []
    assert kinds("", text, own="Tass news agency") == []


def test_wire_path_in_the_address():
    url = "https://www.dailymail.co.uk/wires/reuters/article-1/Dam-gives-way.html"
    assert kinds("", STORY, url=url) == [("url", "Reuters")]
    assert kinds("", STORY, url="https://example.org/world/dam") == []


def test_offsets_point_at_the_credit():
    text = f"{STORY[:-1]}, TASS reported."
    c = find_credits("", text)[0]
    assert text[c.start:c.end] == c.phrase == "TASS reported." and c.field == "text"
    assert text[c.name_start:c.name_end] == "TASS"


@pytest.mark.parametrize("title, text, url, phrase", [
    # A dateline is shown whole; "Jan." is no sentence end.
    ("", "BEIJING, Jan. 31 (Xinhua) -- Chinese Defense Minister Dong Jun held a video call on Wednesday.", None,
     "BEIJING, Jan. 31 (Xinhua) --"),
    ("", "U.S. officials said the dam on the river gave way overnight, according to Xinhua.", None,
     "according to Xinhua."),
    ("", "Rescuers in the Kherson region pulled dozens of people from flooded homes overnight, the Russian "
         "news agency TASS reported on Tuesday, citing local officials who asked not to be named.", None,
     "the Russian news agency TASS reported on Tuesday"),
    ("Dam gives way — RT World News  ", STORY, None, "RT World News"),
    ("", STORY, "https://www.dailymail.co.uk/wires/reuters/article-1/Dam.html", "/wires/reuters/"),
])
def test_phrase_and_offsets_match_the_text_exactly(title, text, url, phrase):
    c = find_credits(title, text, url)[0]
    field = {"title": title, "text": text, "url": url}[c.field]
    assert c.phrase == phrase and field[c.start:c.end] == phrase
    assert c.start <= c.name_start < c.name_end <= c.end
    assert canonical_outlet(field[c.name_start:c.name_end]) == c.outlet


def test_phrases_on_real_pages_are_whole_words_of_the_text():
    rows = [json.loads(x) for x in shared_path("data", "realworld", "articles.jsonl").open(encoding="utf-8")]
    seen = 0
    for r in rows:
        text = r.get("text") or ""
        for c in find_credits(r.get("title"), text, r.get("url")):
            if c.field != "text":
                continue
            seen += 1
            assert text[c.start:c.end] == c.phrase and c.phrase == c.phrase.strip()
            # No word cut in half at either edge.
            assert c.start == 0 or not (text[c.start - 1].isalnum() and text[c.start].isalnum()), c.phrase
            assert c.end == len(text) or not (text[c.end - 1].isalnum() and text[c.end].isalnum()), c.phrase
    assert seen >= 50


def test_odd_input():
    assert find_credits(None, None) == [] and find_credits("", "") == []
    assert find_credits("(", ")" * 10_000 + "(Reuters") is not None
    assert is_news_outlet(None) is None
