"""The research workflow through AppTest, one user action per test: full-text search, typed dates, clearing
filters, the article reader, links, the Overview's introduction and phone cards, exports, outlet details."""
from __future__ import annotations

import json
from urllib.parse import urlencode

import pandas as pd
import pytest
from streamlit.testing.v1 import AppTest

from core.analyse import analyse_new
from core.corpus import import_text
from core.exports import ABOUT
from core.store import Store
from pages import data
from tests.conftest import event_of, served, shared_path
from tests.test_app_pages import app, basil_rows, fresh_caches, opened  # noqa: F401 - fixture

HOSTILE = {"id": "h-1", "outlet": "Hostile <b>Feed</b>", "title": "Talks *end* <img src=x onerror=alert(1)>",
           "published": "2024-03-02T10:00:00Z", "url": "https://hostile.example/a/1",
           "text": "Officials met in Minsk. <script>alert(2)</script>\n\"We will not retreat,\" Defence Minister Sergei "
                   "Shoigu said on Saturday. The invasion of Ukraine continued as the talks ended [without](x) a deal."}


@pytest.fixture(scope="module")
def research_db(tmp_path_factory) -> str:
    db = str(tmp_path_factory.mktemp("research") / "r.sqlite")
    s = Store(db)
    res = import_text(s, "\n".join(json.dumps(r) for r in basil_rows(3) + [HOSTILE]), "jsonl")
    assert res.valid == 10
    analyse_new(s)
    s.dispose()
    return db


@pytest.fixture
def store(research_db, monkeypatch) -> Store:
    yield from served(research_db, monkeypatch)


# -- filters ----------------------------------------------------------------------------------------
def test_text_search_finds_words_in_the_body_and_shows_where(store):
    at = opened("articles", {"text": "retreat"})
    assert not at.exception
    assert at.caption[0].value == "1 article matches"
    table = at.dataframe[0].value
    assert list(table["title"]) == [HOSTILE["title"]] and "«retreat»" in table["match"].iloc[0]
    assert "**Text:** retreat" in at.sidebar.caption[0].value


def test_typing_a_text_search_puts_it_in_the_url(store):
    at = opened("articles", {})
    at.sidebar.text_input(key="f_text").input('"not retreat"').run()
    assert at.query_params["text"] in ('"not retreat"', ['"not retreat"'])
    assert at.caption[0].value == "1 article matches"


def test_a_typed_date_applies_on_enter(store):
    at = opened("articles", {})
    total = store.count_articles()
    at.sidebar.text_input(key="f_from").input("2024-03-01").run()  # AppTest's input is the Enter of a text box
    assert at.query_params["from"] in ("2024-03-01", ["2024-03-01"])
    assert at.caption[0].value == "1 article matches" and total > 1
    at.sidebar.text_input(key="f_to").input("2024/03/01").run()
    assert at.caption[0].value == "0 articles match"


def test_a_date_that_is_no_date_is_named_and_not_applied(store):
    at = opened("articles", {})
    at.sidebar.text_input(key="f_from").input("2024-13-45").run()
    assert "From: “2024\\-13\\-45” is not a date" in at.sidebar.warning[0].value
    assert "from" not in at.query_params and at.caption[0].value == f"{store.count_articles()} articles match"


def test_clear_all_filters_clears_every_filter_and_the_url(store):
    at = opened("articles", {"outlet": "Fox News", "q": "Obama", "text": "president", "from": "2011-01-01"})
    assert at.sidebar.caption[0].value != "All outlets, topics and dates."
    at.sidebar.button(key="f_clear").click().run()
    assert at.sidebar.caption[0].value == "All outlets, topics and dates."
    assert not any(k in at.query_params for k in ("outlet", "q", "text", "from"))
    assert at.sidebar.multiselect(key="f_outlets").value == [] and at.sidebar.text_input(key="f_text").value == ""
    assert at.caption[0].value == f"{store.count_articles()} articles match"


# -- the Event page -----------------------------------------------------------------------------------
def test_reader_shows_the_stored_text_with_quotes_and_terms_marked_and_escaped(store):
    at = opened("event", {"event": event_of(store, "h-1"), "view": "Read an article", "article": "h-1"})
    assert not at.exception
    text = "\n".join(m.value for m in at.markdown)
    assert ':blue-background["We will not retreat,"]' in text  # the quote, at the offsets stored for it
    assert ":orange-background[invasion]" in text  # a contested term
    assert "<script>" not in text and "\\<script\\>" in text and "\\[without\\]\\(x\\)" in text
    assert at.get("link_button")[0].proto.url == "https://hostile.example/a/1"


def test_reader_defaults_to_the_first_article_and_writes_the_url(store):
    at = opened("event", {"event": event_of(store, "h-1"), "view": "Read an article"})
    assert at.selectbox(key="read_pick").value == "h-1" and at.query_params["article"] in ("h-1", ["h-1"])


def test_speakers_link_to_their_coverage(store):
    eid = next(e for e in store.events_df()["id"] if not store.quotes_df(event_ids=[e]).empty)
    at = opened("event", {"event": eid})
    links = [m.value for m in at.markdown if "](/sources?view=One+speaker&speaker=" in m.value]
    assert links


def test_links_in_a_page_carry_the_filters_in_force(store):
    # A speaker's link on an event card, and the Overview's link to Methods, opened their page on everything: the
    # outlet and dates the reader had chosen were gone, and nothing on screen said so.
    eid = next(e for e in store.events_df()["id"] if not store.quotes_df(event_ids=[e]).empty)
    outlet = store.quotes_df(event_ids=[eid])["outlet"].iloc[0]
    day = str((store.articles_df()["published"].min() + pd.Timedelta(days=1)).date())  # inside the span: applied
    at = opened("event", {"event": eid, "outlet": outlet, "from": day})
    wanted = "/sources?" + urlencode({"outlet": outlet, "from": day, "view": "One speaker"})
    links = [m.value for m in at.markdown if "](/sources?" in m.value]
    assert links and all(wanted in v for v in links)
    at = opened("overview", {"outlet": outlet})
    assert "(/methods?" + urlencode({"outlet": outlet}) + ")" in at.markdown[0].value


def test_an_event_of_copies_only_says_there_is_nothing_to_set_side_by_side(tmp_path, monkeypatch):
    # The seed (an aggregator's copy of an RT story) is its own event, and a copy whose original is not stored is no
    # outlet's own report: Side by side drew no card at all under "1 articles from 0 outlets reporting originally".
    seed = shared_path("seed", "000_4055cd44b54a232e.txt").read_text(encoding="utf-8")
    title, _, text = seed.strip().partition("\n")
    db = str(tmp_path / "seed.sqlite")
    s = Store(db)
    import_text(s, json.dumps({"id": "seed", "outlet": "Aggregator", "title": title, "text": text.strip(),
                               "published": None, "url": "https://aggregator.example/seed"}), "jsonl")
    analyse_new(s, quotes=False)
    eid = s.articles_df()["event_id"].iloc[0]
    assert not s.reprints_df([eid]).empty   # the premise: the detector calls it a copy
    s.dispose()
    monkeypatch.setenv("FRAMELENS_DB", db)
    at = opened("event", {"event": eid})
    assert not at.exception
    assert any(i.value.startswith("No outlet's own report of this event is in the store: its 1 article is a copy")
               for i in at.info)
    assert not [m for m in at.markdown if m.value.startswith("#### ")]   # no outlet card


def test_outlets_reporting_only_through_copies_are_said_to_have_no_card(tmp_path, monkeypatch):
    # Realworld's Navalny death read "N articles from 14 outlets reporting originally" over "Show all 11 outlets":
    # AFP, BBC News and Reuters are counted through other sites' copies and get no card, and nothing said so.
    db = str(tmp_path / "realworld.sqlite")
    s = Store(db)
    import_text(s, shared_path("data", "realworld", "articles.jsonl").read_text(encoding="utf-8"), "jsonl")
    analyse_new(s, quotes=False)
    eid = event_of(s, "navalny-straitstimes-reuters-1")
    s.dispose()
    monkeypatch.setenv("FRAMELENS_DB", db)
    at = opened("event", {"event": eid})
    report = data.compare(Store(db), at.session_state["data_version"], eid)[0]
    n, cards = report["coverage"]["original_outlets"], len(report["coverage"]["original_articles"])
    assert n > cards
    assert f"{n - cards} of the {n} outlets reporting originally have no card" in "".join(c.value for c in at.caption)


def test_an_event_whose_reports_lie_years_apart_is_flagged(tmp_path, monkeypatch):
    # Realworld's Navalny death (Feb 2024) took in Feb 2026 feed reports (the poison findings, Russian cucumber
    # prices) and the page compared them as one happening without a word.
    text = "Russian opposition leader Alexei Navalny died in an Arctic prison colony, officials said."
    rows = [{"id": f"n-{y}", "outlet": f"Outlet {y}", "title": "Alexei Navalny dies in prison", "text": text,
             "published": f"{y}-02-16T10:00:00Z", "url": f"https://x{y}.example/1"} for y in (2024, 2026)]
    db = str(tmp_path / "span.sqlite")
    s = Store(db)
    import_text(s, "\n".join(json.dumps(r) for r in rows), "jsonl")
    analyse_new(s, quotes=False)
    first, second = sorted(s.articles_df().itertuples(), key=lambda a: a.id)
    if first.event_id != second.event_id:    # the clusterer keeps them apart; the store lets a reader join them
        s.merge_events(second.event_id, first.event_id, "test")
    eid = event_of(s, "n-2024")
    s.dispose()
    monkeypatch.setenv("FRAMELENS_DB", db)
    at = opened("event", {"event": eid})
    assert [w.value for w in at.warning] == [
        "This event's dated reports span 731 days (2024-02-16 to 2026-02-16): it may hold more than one happening. "
        "Check the Timeline before quoting its figures; Corrections can move articles out."]


def test_an_event_of_one_days_reports_is_not_flagged(store):
    assert not opened("event", {"event": event_of(store, "h-1")}).warning


def test_a_long_lead_is_cut_on_its_card(store):
    from pages.card_text import MAX_LEAD, cut
    assert cut("short lead") == "short lead"
    long = "word " * 1000
    assert len(cut(long)) <= MAX_LEAD + 2 and cut(long).endswith(" …") and long.startswith(cut(long)[:-2])


def test_event_cards_fold_on_a_phone(store):
    at = opened("event", {"event": event_of(store, "h-1"), "layout": "compact"})
    assert [e.label for e in at.expander] == ["Leads, quotes and words"]
    wide = opened("event", {"event": event_of(store, "h-1"), "layout": "wide"})
    assert "Leads, quotes and words" not in [e.label for e in wide.expander]  # everything open on a wide screen


def many_outlets_event() -> None:
    """The Event page's cards for one event that 14 outlets reported (an AppTest script)."""
    import pandas as pd
    from core.framing import compare_event
    from pages.event_cards import side_by_side
    arts = [{"id": f"a{i}", "outlet": f"Outlet {i:02d}", "title": f"Storm closes port {i}", "published":
             f"2024-03-01T{i:02d}:00:00Z", "date_precision": "exact", "date_source": "feed", "url": f"https://x.test/{i}",
             "text": "The storm closed the port on Friday, officials said. Ships waited offshore."} for i in range(14)]
    side_by_side(compare_event(arts, quotes=[], reprints=[]), pd.DataFrame(arts), pd.DataFrame(), folded=False)


def test_event_draws_six_cards_until_asked_for_all():
    at = AppTest.from_function(many_outlets_event, default_timeout=60).run()
    assert not at.exception
    heads = [m.value for m in at.markdown if m.value.startswith("####")]
    assert heads == [f"#### Outlet {i:02d}" for i in range(6)]
    assert "not drawn: Outlet 06, Outlet 07, " in " ".join(c.value for c in at.caption)
    at.toggle(key="all_cards").set_value(True).run()
    assert len([m for m in at.markdown if m.value.startswith("####")]) == 14


def untitled_article_event() -> None:
    """The Event page's cards for an event where one outlet's item came without a headline (an AppTest script)."""
    import pandas as pd
    from core.framing import compare_event
    from pages.event_cards import side_by_side
    arts = [{"id": f"a{i}", "outlet": f"Outlet {i}", "title": title, "published": "2024-03-01T10:00:00Z",
             "date_precision": "exact", "date_source": "feed", "url": f"https://x.test/{i}",
             "text": "The storm closed the port on Friday, officials said. Ships waited offshore."}
            for i, title in enumerate(["Storm closes port", ""])]
    side_by_side(compare_event(arts, quotes=[], reprints=[]), pd.DataFrame(arts), pd.DataFrame(), folded=False)


def test_an_article_without_a_headline_says_so_instead_of_drawing_a_rule():
    at = AppTest.from_function(untitled_article_event, default_timeout=60).run()
    assert not at.exception
    heads = [m.value for m in at.markdown if m.value.startswith(("**", "*("))]
    assert heads[0].startswith("**Storm closes port**") and heads[1].startswith("*(no headline given)*")
    assert not any(m.value.startswith("****") for m in at.markdown)


def test_event_offers_its_exports(store):
    at = opened("event", {"event": event_of(store, "h-1")})
    labels = [b.proto.label for b in at.get("download_button")]
    assert {"Report (HTML)", "Comparison (JSON)", "Articles (CSV)"} <= set(labels)


# -- Overview, Timelines, Methods ---------------------------------------------------------------------
def test_overview_opens_with_what_framelens_is(store):
    at = opened("overview", {})
    assert at.markdown[0].value.startswith(ABOUT) and "(/methods)" in at.markdown[0].value
    # An imported corpus brings no outlet groups: say where to set them rather than show blank blind spots.
    assert any("No outlet here has a group yet" in c.value for c in at.caption)
    assert at.sidebar.multiselect(key="f_groups").proto.placeholder == "No groups yet: set them on Outlets"
    config = json.loads(at.dataframe[0].proto.columns)
    assert all("help" in config[c] for c in ("event", "outlets reporting", "groups that did not report it"))


def test_overview_shows_cards_on_a_phone(store):
    at = opened("overview", {"layout": "compact"})
    assert not at.exception and not at.dataframe
    assert any("](/event?event=" in m.value for m in at.markdown)


def test_a_chart_with_too_little_data_says_so(store):
    at = opened("articles", {"view": "Over time", "from": "2024-03-02", "to": "2024-03-02"})
    # One day: plotly would stretch a single bar over an axis of fractions of a second.
    assert not at.exception and any("fall in one day (2024-03-02)" in i.value for i in at.info)
    assert not at.get("plotly_chart")


# -- Outlets ------------------------------------------------------------------------------------------
def save(at) -> None:
    next(b for b in at.button if b.label == "Save").click().run()


def test_outlet_details_are_edited_and_used_at_once(store):
    at = opened("outlets", {"view": "Edit details"})
    at.multiselect(key="edit_outlets").select("Fox News").run()
    at.main.text_input[0].input("us")
    at.main.text_input[1].input("right, us cable")
    save(at)
    assert not at.exception and "Saved 1 outlet." in at.success[0].value
    row = store.outlets_df().set_index("name").loc["Fox News"]
    assert (row["country"], row["groups"]) == ("US", ["right", "us cable"])
    assert "us cable" in opened("overview", {}).sidebar.multiselect(key="f_groups").options


def test_a_bad_outlet_detail_is_refused_with_its_reason(store):
    at = opened("outlets", {"view": "Edit details"})
    at.multiselect(key="edit_outlets").select("HuffPost").run()
    at.main.text_input[1].input("x" * 41)
    save(at)
    assert "Not saved" in at.error[0].value and "longer than 40 characters" in at.error[0].value
    assert store.outlets_df().set_index("name").loc["HuffPost", "groups"] == []


def cut_quote_event() -> None:
    """The Event page's cards where one outlet's quote runs into the end of its feed excerpt (an AppTest script)."""
    import pandas as pd
    from core.framing import compare_event
    from pages.event_cards import side_by_side
    texts = ["NATO chief Jens Stoltenberg said on Friday that the alliance must",
             'The port closed on Friday. "Ships will wait," the harbour master said.']
    arts = [{"id": f"a{i}", "outlet": f"Outlet {i}", "title": "NATO chief on China", "published": "2024-03-01T10:00:00Z",
             "date_precision": "exact", "date_source": "feed", "url": f"https://x.test/{i}", "text": t}
            for i, t in enumerate(texts)]
    quotes = pd.DataFrame([{"article_id": "a0", "outlet": "Outlet 0", "quote": "that the alliance must", "cue": "said",
                            "speaker": "Jens Stoltenberg", "canonical_speaker": "Jens Stoltenberg",
                            "speaker_type": "person", "cut_off": 1},
                           {"article_id": "a1", "outlet": "Outlet 1", "quote": '"Ships will wait,"', "cue": "said",
                            "speaker": "the harbour master", "canonical_speaker": None, "speaker_type": "role",
                            "cut_off": 0}])
    side_by_side(compare_event(arts, quotes=quotes.to_dict("records"), reprints=[]), pd.DataFrame(arts), quotes,
                 folded=False)


def test_a_quote_cut_by_the_end_of_its_source_text_says_so_on_its_card():
    at = AppTest.from_function(cut_quote_event, default_timeout=60).run()
    assert not at.exception
    quoted = [m.value for m in at.markdown if m.value.startswith("**Quoted**")]
    assert len(quoted) == 2
    assert "that the alliance must *(cut off where the source text ends)*" in quoted[0]
    # the harbour master is a role the text does not name: the card says a quote is held back, and why
    assert "cut off" not in quoted[1] and "1 more quote not shown here" in quoted[1] and "Ships" not in quoted[1]
