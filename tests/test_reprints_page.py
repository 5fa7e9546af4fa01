"""The Event page's Reprints tab: each family of derived articles together, with what each copy changed and
the evidence in words, on a store that holds other data too; feed text shown as data, never as markup."""
from pathlib import Path

import streamlit as st
from streamlit.testing.v1 import AppTest

from pages import data
from tests.test_families import STORY, art, stored

APP = str(Path(__file__).resolve().parents[1] / "dashboard.py")
EVIL = "Evil **Site** <img src=x onerror=alert(1)>"


def reprints_tab(db_url: str, monkeypatch) -> AppTest:
    """The Event page's Reprints tab for event ev1 of the store at db_url, run once."""
    monkeypatch.setenv("FRAMELENS_DB", db_url)
    st.cache_data.clear()
    data.coverage.clear()
    at = AppTest.from_file(APP, default_timeout=60)
    at.switch_page("pages/event.py")
    at.query_params["event"] = "ev1"
    at.query_params["view"] = "Reprints"
    at.run()
    assert not at.exception
    return at


def test_reprints_tab_shows_each_family_with_its_evidence(db_url, monkeypatch):
    s = stored(db_url, [
        art("rt", "RT", STORY),
        art("copy1", EVIL, STORY + "\n\nSource link\nSource link\nADVERTISEMENT", hours=3),
        art("st", "Straits Daily", "BEIJING (Reuters) - Chinese President Xi Jinping welcomed Vladimir Putin to "
            "Beijing with a ceremony on Tiananmen Square on Thursday, as the two leaders met for talks on Ukraine "
            "and trade.", hours=1, title="Xi welcomes Putin"),
        art("tass", "TASS", "BEIJING, May 16. /TASS/. Talks between the Russian and Chinese leaders in a narrow "
            "format lasted more than two hours, the Kremlin press service said.", hours=2, title="Talks end"),
    ])
    at = reprints_tab(db_url, monkeypatch)
    heads = "\n".join(str(m.value) for m in at.markdown)
    assert "**RT** (original): Putin arrives in Beijing" in heads
    assert "**Reuters** (original not in the store)" in heads
    tables = [t.value for t in at.dataframe if "what changed" in t.value.columns]
    assert len(tables) == 2                              # one table per family
    rt = next(t for t in tables if EVIL in list(t["outlet"]))
    reuters = next(t for t in tables if "Straits Daily" in list(t["outlet"]))
    assert list(rt["outlet"]) == [EVIL]                 # the name as data, in a table cell
    assert rt["kind"][0] == "verbatim copy" and "“Source link”" in rt["evidence"][0]
    assert rt["evidence"][0].count("Source link") == 1  # furniture repeated on the page is one line of evidence
    assert list(reuters["outlet"]) == ["Straits Daily"] and reuters["kind"][0] == "wire copy"
    assert "credit: “BEIJING (Reuters) -” (dateline)" in reuters["evidence"][0]
    assert "<img" not in heads and "onerror" not in heads
    s.dispose()


def test_an_original_nothing_shows_is_called_the_likeliest(db_url, monkeypatch):
    # one uncredited text on two sites at the same minute: which came first is not shown, so no "(original)"
    s = stored(db_url, [art("an", "Arab News", STORY), art("dj", "Digital Journal", STORY)])
    at = reprints_tab(db_url, monkeypatch)
    heads = "\n".join(str(m.value) for m in at.markdown)
    assert "(likeliest original: no credit, boilerplate or time shows which text came first)" in heads
    assert "(original)" not in heads
    [table] = [t.value for t in at.dataframe if "what changed" in t.value.columns]
    assert "which came first is not shown by credit, boilerplate or time" in table["evidence"][0]
    s.dispose()
