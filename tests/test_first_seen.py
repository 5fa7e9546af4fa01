"""A feed item with no date is placed at its first-seen time; an old one may still join the event it reports."""
from datetime import datetime, timedelta, timezone

from core.analyse import FIRST_SEEN_PLACED, analyse_new
from core.models import Article
from core.store import Store

VISIT = datetime(2024, 5, 16, 9, 30, tzinfo=timezone.utc)
DAM = datetime(2023, 6, 6, 7, 0, tzinfo=timezone.utc)

VISIT_TEXTS = [
    ("Xi holds talks with Putin in Beijing",
     "Chinese President Xi Jinping held talks with Russian President Vladimir Putin, who is in China on a state "
     "visit, at the Great Hall of the People in Beijing. The two leaders signed a joint statement on deepening the "
     "comprehensive strategic partnership of coordination for a new era."),
    ("Putin arrives in Beijing for state visit, meets Xi",
     "Russian President Vladimir Putin met Chinese President Xi Jinping in Beijing at the start of a two-day state "
     "visit. At the Great Hall of the People the leaders praised their partnership and signed a joint statement."),
    ("Putin and Xi sign joint statement on strategic partnership",
     "Vladimir Putin and Xi Jinping signed a joint statement in Beijing deepening the strategic partnership "
     "between Russia and China during Putin's state visit, after talks at the Great Hall of the People."),
    ("Putin, Xi pledge closer ties during Beijing state visit",
     "During talks in Beijing, Xi Jinping and Vladimir Putin pledged closer ties; Putin's state visit to China "
     "is his first trip abroad of his new term. The joint statement covers energy, trade and security."),
]
DAM_TEXTS = [
    ("Kakhovka dam destroyed, flooding southern Ukraine",
     "The Nova Kakhovka dam on the Dnipro river was destroyed, flooding villages downstream in Kherson region; "
     "thousands of residents were evacuated as the water rose."),
    ("Thousands evacuated after Kakhovka dam breach",
     "Water poured through the breached Kakhovka dam on the Dnipro, forcing thousands to flee towns in the Kherson "
     "region while officials warned of an environmental disaster."),
    ("Ukraine and Russia trade blame over Kakhovka dam collapse",
     "Kyiv and Moscow blamed each other for the collapse of the Kakhovka dam, which flooded Kherson region "
     "settlements along the Dnipro river."),
]


def dated(prefix: str, when: datetime, texts) -> list[Article]:
    """Articles with a feed date, one outlet each."""
    return [Article(id=f"{prefix}-{i}", outlet=f"Outlet {prefix} {i}", title=t, text=x, published=when + timedelta(hours=i),
                    date_source="feed", first_seen=when + timedelta(hours=i)) for i, (t, x) in enumerate(texts)]


def undated(aid: str, title: str, text: str, seen: datetime) -> Article:
    """A feed item with no date on the feed or its page: dated by its first-seen time, as ingest does."""
    return Article(id=aid, outlet=f"Outlet {aid}", title=title, text=text, published=seen, date_source="first-seen",
                   date_flag="missing", first_seen=seen)


def stored(store: Store, aid: str) -> dict:
    """One stored article's event and date fields."""
    return store.articles_df().set_index("id").loc[aid].to_dict()


def test_an_old_undated_item_joins_the_event_it_reports_and_is_kept_undated(db_url):
    store = Store(db_url)
    store.add_articles(dated("visit", VISIT, VISIT_TEXTS) + dated("dam", DAM, DAM_TEXTS))
    analyse_new(store, quotes=False)
    visit_event = stored(store, "visit-0")["event_id"]
    assert {stored(store, f"visit-{i}")["event_id"] for i in range(4)} == {visit_event}
    seen = datetime.now(timezone.utc).replace(microsecond=0)
    store.add_articles([undated("old-1", "Putin holds talks with Xi Jinping in Beijing",
                                "Vladimir Putin held talks with Xi Jinping on May 16 at the Great Hall of the People in "
                                "Beijing during his state visit to China; the leaders signed a joint statement on their "
                                "strategic partnership.", seen)])
    analyse_new(store, quotes=False)
    row = stored(store, "old-1")
    assert row["event_id"] == visit_event
    # its first-seen time was never its publication: it is kept undated, and the event's span stays May 2024
    assert row["published"] is None or row["published"] != row["published"]   # None or NaT
    assert row["date_flag"] == FIRST_SEEN_PLACED and row["date_source"] == "first-seen"
    ev = store.events_df().set_index("id").loc[visit_event]
    assert ev["n_articles"] == 5 and ev["last_published"].year == 2024
    # a later ingest leaves it there and does not pull the old event into the window
    store.add_articles([undated("new-1", "Kakhovka dam anniversary marked in Kherson",
                                "Residents of Kherson region marked the anniversary of the Kakhovka dam collapse in "
                                "2026.", seen + timedelta(hours=1))])
    analyse_new(store, quotes=False)
    assert stored(store, "old-1")["event_id"] == visit_event


def test_a_fresh_undated_item_of_a_new_happening_stays_out_of_an_older_look_alike(db_url):
    store = Store(db_url)
    store.add_articles(dated("visit", VISIT, VISIT_TEXTS) + dated("dam", DAM, DAM_TEXTS))
    analyse_new(store, quotes=False)
    visit_event = stored(store, "visit-0")["event_id"]
    seen = datetime.now(timezone.utc).replace(microsecond=0)
    # the same words as the visit's reports: told apart by the day its opening names, the year its text names,
    # or for want of a calendar day (nothing but words, or a weekday any week has, would tie it to the old event)
    day = (VISIT + timedelta(days=3)).strftime("%A")   # not the visit's day, nor a day either side
    openings = {"fresh-day": f"on {day}", "fresh-year": f"on his {seen.year} state visit", "fresh-none": "this week",
                "fresh-weekday": f"on {VISIT:%A}"}   # the visit's own weekday: any new meeting's report may name it
    for k, (aid, when) in enumerate(openings.items()):
        store.add_articles([undated(aid, "Putin holds talks with Xi Jinping in Beijing",
                                    f"Vladimir Putin held talks with Xi Jinping {when} at the Great Hall of the People in "
                                    "Beijing during a state visit to China; the leaders signed a joint statement on "
                                    "their strategic partnership.", seen + timedelta(days=10 * k))])
        analyse_new(store, quotes=False)
        row = stored(store, aid)
        assert row["event_id"] != visit_event, aid
        assert row["date_flag"] == "missing" and row["published"].year >= seen.year   # still placed when first seen
