"""Families of derived articles in the store: breadth counts each once, outlets count once whatever their
spelling, and users merge spellings themselves; on SQLite and PostgreSQL."""
import json
from datetime import datetime, timedelta, timezone

import pytest

from core.analyse import analyse_new
from core.corpus import import_text
from core.credits import is_news_outlet
from core.models import Article
from core.reprints import find_reprints
from core.store import Store
from tests.conftest import shared_path

T0 = datetime(2024, 5, 16, 8, tzinfo=timezone.utc)
STORY = ("Russian President Vladimir Putin arrived in Beijing on Thursday for a two-day state visit, his first "
         "trip abroad since he was sworn in for a fifth term earlier this month.\n\nThe two leaders are expected "
         "to sign a joint statement on deepening their partnership and to discuss trade, energy and the war in "
         "Ukraine, officials in both capitals said ahead of the talks.\n\nThe visit marks the 75th anniversary of "
         "diplomatic relations between the two countries, and Putin is due to travel on to Harbin on Friday.")


def art(aid, outlet, text, hours=0, title="Putin arrives in Beijing"):
    return Article(id=aid, outlet=outlet, title=title, text=text, published=T0 + timedelta(hours=hours),
                   date_source="feed")


def stored(db_url, arts) -> Store:
    s = Store(db_url)
    s.add_articles(arts)
    ids = [a.id for a in arts]
    s.set_events({i: "ev1" for i in ids})
    s.save_events([type("E", (), {"id": "ev1", "label": "Putin in Beijing", "terms": [], "topics": []})()], {})
    found = find_reprints(s.event_articles(["ev1"]))
    s.save_reprints(ids, found, {i: "ev1" for i in ids})
    return s


def test_breadth_counts_each_family_once(db_url):
    s = stored(db_url, [
        art("rt", "RT", STORY),
        art("copy1", "Global Village", STORY + "\n\nSource link", hours=3),
        art("copy2", "Daily Mirror Site", STORY.replace("Thursday", "Thursday morning"), hours=5),
        art("st", "Straits Daily", "BEIJING (Reuters) - Chinese President Xi Jinping welcomed Vladimir Putin to "
            "Beijing with a ceremony on Tiananmen Square on Thursday, as the two leaders met for talks on Ukraine "
            "and trade.", hours=1, title="Xi welcomes Putin"),
        art("tass", "TASS", "BEIJING, May 16. /TASS/. Talks between the Russian and Chinese leaders in a narrow "
            "format lasted more than two hours, the Kremlin press service said.", hours=2, title="Talks end"),
    ])
    ev = s.events_df().set_index("id").loc["ev1"]
    # RT (with two copies), Reuters (carried by the Straits Daily) and TASS.
    assert ev["n_original_outlets"] == 3 and ev["n_reprints"] == 3 and ev["n_outlets"] == 5
    fam = s.event_families(["ev1"])
    assert sorted(fam["outlet"]) == ["RT", "Reuters", "TASS"]
    reps = s.reprints_df(["ev1"]).set_index("id")
    assert reps.loc["st", "original_outlet"] == "Reuters" and not reps.loc["st", "original_id"]
    assert reps.loc["copy1", "original_id"] == "rt" and reps.loc["copy1", "kind"]
    assert any(e["type"] == "credit" for e in reps.loc["st", "evidence"])
    # Reuters "reported" at the time the first site carried its story.
    times = s.event_times().set_index("outlet")
    assert set(times.index) == {"RT", "Reuters", "TASS"}
    assert times.loc["Reuters", "first"] == T0 + timedelta(hours=1)


def test_spellings_of_one_outlet_count_once_and_users_merge_more(db_url):
    s = stored(db_url, [
        art("x1", "Xinhua", "BEIJING, May 16 (Xinhua) -- Chinese President Xi Jinping held talks with Russian "
            "President Vladimir Putin in Beijing on Thursday."),
        art("x2", "Xinhua News Agency", "Chinese and Russian officials signed more than ten documents on trade "
            "and energy after the leaders' talks, the foreign ministry said.", hours=2, title="Documents signed"),
        art("k1", "Kyiv Indy", "Kyiv condemned the visit, saying Beijing was helping Moscow continue the war, "
            "a foreign ministry spokesman told journalists on Thursday.", hours=4, title="Kyiv condemns visit"),
        art("k2", "The Kyiv Independent", "Ukraine's foreign ministry said the visit showed that China was not a "
            "neutral party, and urged Beijing to respect international law.", hours=5, title="Ukraine reacts"),
    ])
    assert s.events_df().set_index("id").loc["ev1", "n_original_outlets"] == 3
    s.set_alias("Kyiv Indy", "The Kyiv Independent")
    assert s.outlet_aliases() == {"Kyiv Indy": "The Kyiv Independent"}
    assert is_news_outlet("kyiv indy") == "The Kyiv Independent"
    assert s.events_df().set_index("id").loc["ev1", "n_original_outlets"] == 2
    # A new store handle reads the stored aliases back.
    assert Store(db_url).outlet_aliases() == {"Kyiv Indy": "The Kyiv Independent"}
    assert s.remove_alias("Kyiv Indy") and not s.remove_alias("Kyiv Indy")
    assert s.events_df().set_index("id").loc["ev1", "n_original_outlets"] == 3


def test_bad_aliases_are_refused(db_url):
    s = Store(db_url)
    for alias, outlet in (("", "RT"), ("RT", ""), ("RT", "RT"), ("Russia Today", "RT"[:0] + "Russia Today"),
                          ("x" * 201, "RT")):
        with pytest.raises(ValueError):
            s.set_alias(alias, outlet)
    s.set_alias("Russia Today TV", "RT")
    s.set_alias("RT Online", "Russia Today TV")          # an alias of an alias points at the outlet itself
    assert s.outlet_aliases() == {"RT Online": "RT", "Russia Today TV": "RT"}


def test_realworld_event_after_import_and_analyse(db_url):
    # The Putin-Xi event of the real-world set, imported and analysed as a user would: copies, wire copies
    # and credited rewrites stay each outlet's article, and breadth counts their originals once.
    rows = [json.loads(x) for x in shared_path("data", "realworld", "articles.jsonl").read_text().splitlines()]
    rows = [r for r in rows if r["gold_event"] == "putin-xi-beijing-2024-05-16"]
    s = Store(db_url)
    import_text(s, "\n".join(json.dumps(r) for r in rows), "jsonl")
    analyse_new(s, quotes=False)
    reps = s.reprints_df(list(s.events_df()["id"])).set_index("id")
    assert {"putinxi-ngl-1", "putinxi-gvs-1", "putinxi-ddindia-1", "putinxi-tass-1"} <= set(reps.index)
    assert reps.loc["putinxi-ddindia-1", "original_outlet"] == "Reuters"
    assert s.articles_df().set_index("id").loc["putinxi-ngl-1", "outlet"] == "ngl.org.au"   # still its article
    ev = s.events_df()
    assert (ev["n_original_outlets"] <= ev["n_outlets"]).all()
