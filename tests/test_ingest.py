"""Ingest end to end against a local server: good feeds land, bad ones are recorded, reruns add nothing."""
import time
from datetime import timezone

import pandas as pd
import pytest

from core.catalog import Outlet
from core.config import Settings
from core.ingest import run_ingest
from core.store import Store


def rss(base: str, items: list[tuple[str, str]], charset="utf-8") -> bytes:
    body = "".join(f"<item><title>{t}</title><link>{base}/a/{slug}.html</link>"
                   f"<pubDate>Wed, 03 Apr 2024 0{i}:00:00 GMT</pubDate><description>Summary of {t}.</description></item>"
                   for i, (slug, t) in enumerate(items))
    return (f'<?xml version="1.0" encoding="{charset}"?><rss version="2.0"><channel><title>Feed</title>'
            f"{body}</channel></rss>").encode(charset)


def page(title: str, para: str) -> str:
    story = " ".join([para] * 3)
    return (f"<html><head><title>{title}</title></head><body><nav>Home | World</nav><article><h1>{title}</h1>"
            f"<p>{story}</p><p>{para} It was the second such call this year, officials said.</p>"
            "<p>Source link</p><p>Related Articles</p></article></body></html>")


def settings(**kw) -> Settings:
    base = dict(timeout=1.0, retries=1, backoff=0.05, extract_workers=1, allow_private=True)
    base.update(kw)
    return Settings(**base)


@pytest.fixture
def newsroom(site):
    """Two healthy outlets and one of every kind of broken feed."""
    site.add("/good.xml", rss(site.base, [("dong", "Dong Jun promises support"), ("tariff", "Tariffs rise again")]),
             etag='"v1"')
    site.add("/a/dong.html", page("Dong Jun promises support",
                                  "Chinese Defense Minister Dong Jun told Sergei Shoigu that cooperation is a pillar of peace."),
             content_type="text/html; charset=utf-8")
    site.add("/a/tariff.html", page("Tariffs rise again", "The trade ministry announced new tariffs on steel and aluminium imports."),
             content_type="text/html; charset=utf-8")
    site.add("/ru.xml", rss(site.base, [("moskva", "Москва заявила о поддержке")], charset="windows-1251"),
             content_type="application/rss+xml; charset=windows-1251")
    site.add("/a/moskva.html", b"forbidden", status=403, content_type="text/html")
    site.add("/err.xml", b"upstream error", status=500, content_type="text/plain")
    site.add("/stall.xml", rss(site.base, [("x", "never finishes")]), stall_after=60)
    site.add("/bad.xml", b"<rss><channel><item><title>broken", content_type="application/rss+xml")
    site.add("/html.xml", b"<!DOCTYPE html><html><body>Welcome to our homepage</body></html>", content_type="text/html")
    return [
        Outlet("Wire", [site.base + "/good.xml"]),
        Outlet("Russian outlet", [site.base + "/ru.xml"]),
        Outlet("Broken", [site.base + "/err.xml", site.base + "/stall.xml", site.base + "/bad.xml",
                          site.base + "/html.xml", site.base + "/missing.xml"]),
    ]


def test_good_feeds_land_and_bad_ones_are_recorded(site, newsroom, db_url):
    store = Store(db_url)
    t0 = time.perf_counter()
    summary = run_ingest(store, newsroom, settings())
    assert time.perf_counter() - t0 < 20  # the stalled feed is cut off, not waited for
    assert (summary.feeds_ok, summary.feeds_failed, summary.new_articles) == (2, 5, 3)
    health = store.feeds_df().set_index("url")
    errors = {u.rsplit("/", 1)[1]: e for u, e in health["last_error"].items()}
    assert errors["err.xml"].startswith("server error: HTTP 500")
    assert errors["stall.xml"].startswith("timeout")
    assert errors["bad.xml"].startswith("malformed feed")
    assert "HTML page" in errors["html.xml"]
    assert errors["missing.xml"] == "HTTP 404"
    assert (health.loc[site.base + "/err.xml", "failures_in_row"]) == 1
    assert site.hits["/err.xml"] == 2  # one retry for a 5xx
    assert site.hits["/missing.xml"] == 1  # no retry for a 404

    arts = store.articles_df(with_text=True).set_index("title")
    dong = arts.loc["Dong Jun promises support"]
    assert dong["text_status"] == "ok" and dong["date_source"] == "feed"
    assert dong["text"].startswith("Chinese Defense Minister Dong Jun told Sergei Shoigu")
    assert "Source link" not in dong["text"] and "Related Articles" not in dong["text"]
    ru = arts.loc["Москва заявила о поддержке"]
    assert ru["text_status"] == "summary-only" and ru["text_error"] == "HTTP 403"
    assert ru["text"] == "Summary of Москва заявила о поддержке."


def test_rerun_adds_nothing_and_uses_conditional_get(site, newsroom, db_url):
    store = Store(db_url)
    run_ingest(store, newsroom[:1], settings())
    first = store.count_articles()
    pages_before = site.hits["/a/dong.html"]
    again = run_ingest(store, newsroom[:1], settings())
    assert again.feeds_not_modified == 1 and again.new_articles == 0
    assert store.count_articles() == first == 2
    assert site.hits["/a/dong.html"] == pages_before  # a 304 costs no page fetches
    # Without the validator (e.g. a crash before it was saved) the items are seen again but not duplicated.
    site.routes["/good.xml"].etag = None
    third = run_ingest(store, newsroom[:1], settings())
    assert third.feeds_ok == 1 and third.new_articles == 0 and store.count_articles() == 2


def test_new_items_in_a_changed_feed_are_added(site, newsroom, db_url):
    store = Store(db_url)
    run_ingest(store, newsroom[:1], settings())
    site.add("/good.xml", rss(site.base, [("dong", "Dong Jun promises support"), ("tariff", "Tariffs rise again"),
                                          ("new", "A new story")]), etag='"v2"')
    site.add("/a/new.html", page("A new story", "Something else happened today in the capital, witnesses said."),
             content_type="text/html")
    s = run_ingest(store, newsroom[:1], settings())
    assert s.new_articles == 1 and store.count_articles() == 3


def test_summary_only_mode_skips_pages(site, newsroom, db_url):
    store = Store(db_url)
    s = run_ingest(store, newsroom[:1], settings(fetch_pages=False))
    assert s.new_articles == 2 and "/a/dong.html" not in site.hits
    assert set(store.articles_df()["text_status"]) == {"summary-only"}


def test_progress_is_reported(site, newsroom, db_url):
    seen = []
    run_ingest(Store(db_url), newsroom[:2], settings(), progress=lambda *a: seen.append(a))
    assert ("feeds", 2, 2) in seen
    assert ("pages", 3, 3) in seen


def test_private_addresses_are_refused_unless_allowed(site, newsroom, db_url):
    store = Store(db_url)
    s = run_ingest(store, newsroom[:1], settings(allow_private=False))
    assert s.feeds_failed == 1
    assert "blocked" in store.feeds_df()["last_error"].iloc[0]


def test_replay_site_ingest_end_to_end(replay, db_url):
    from tests.conftest import shared_path
    import urllib.request
    from core.catalog import parse_catalog
    base = replay("--corpus", str(shared_path("data", "corpora", "basil.jsonl")))
    catalog = parse_catalog(urllib.request.urlopen(base + "/_catalog").read().decode(), "replay")
    store = Store(db_url)
    s = run_ingest(store, catalog, settings(timeout=10))
    assert s.feeds_failed == 0 and s.new_articles == 300 and s.pages_failed == 0
    df = store.articles_df(with_text=True)
    assert set(df["outlet"]) == {"Fox News", "New York Times", "HuffPost"}
    assert not df["text"].str.contains("Leave a reply|Most read|Share this story", case=False).any()


def test_a_feed_failing_again_and_again_is_backed_off(site, db_url):
    from datetime import datetime, timedelta
    from core.ingest import backed_off
    site.add("/err.xml", b"down", status=500)
    store = Store(db_url)
    outlets = [Outlet("Flaky", [site.base + "/err.xml"])]
    s = settings(retries=0)
    for _ in range(3):
        run_ingest(store, outlets, s)
    assert site.hits["/err.xml"] == 3
    fourth = run_ingest(store, outlets, s)
    assert fourth.feeds_backed_off == 1 and site.hits["/err.xml"] == 3   # not hammered
    prev = store.feed_state()[site.base + "/err.xml"]
    later = datetime.now(timezone.utc) + timedelta(minutes=16)
    assert prev["failures_in_row"] == 3 and not backed_off(prev, later, s)
    assert backed_off({**prev, "failures_in_row": 6}, later, s)          # the wait doubles per failure


def test_parse_every():
    from core.ingest import parse_every
    assert parse_every("15m") == 900 and parse_every("2h") == 7200 and parse_every("45") == 45
    with pytest.raises(ValueError, match="15m"):
        parse_every("soon")
    with pytest.raises(ValueError, match="at least"):
        parse_every("1s")


# -- one feed's failure of any kind is that feed's, never the run's ------------------------------------
def test_anything_failing_in_one_feed_is_that_feeds_recorded_failure(site, newsroom, db_url, monkeypatch):
    """A parser crash in one feed and a store crash in another: both recorded and backed off like any
    failure; the healthy feed's articles land and it is not marked failed (the client stays open)."""
    import core.ingest as ingest_mod
    site.add("/crash.xml", rss(site.base, [("c1", "Parser crash")]))
    site.add("/storefail.xml", rss(site.base, [("s1", "Store crash")]))
    real_parse, store = ingest_mod.parse_feed, Store(db_url)
    real_add = store.add_articles

    def parse(body, outlet, url, *a, **k):
        if url.endswith("/crash.xml"):
            raise UnicodeEncodeError("utf-8", "\ud800", 0, 1, "surrogates not allowed")
        return real_parse(body, outlet, url, *a, **k)

    def add(items, *a, **k):
        items = list(items)
        if any(x.outlet == "Store crash" for x in items):
            raise RuntimeError("value too long for type character varying(16)")
        return real_add(items, *a, **k)
    monkeypatch.setattr(ingest_mod, "parse_feed", parse)
    monkeypatch.setattr(store, "add_articles", add)
    catalog = newsroom[:1] + [Outlet("Parser crash", [site.base + "/crash.xml"]),
                              Outlet("Store crash", [site.base + "/storefail.xml"])]
    for run in range(1, 4):
        summary = run_ingest(store, catalog, settings())
        assert summary.feeds_failed == 2
    health = store.feeds_df().set_index("outlet")
    assert health.loc["Wire", "last_status"] in ("ok", "not-modified")
    assert health.loc["Parser crash", "last_error"].startswith("failed: UnicodeEncodeError")
    assert health.loc["Store crash", "last_error"].startswith("failed: RuntimeError: value too long")
    assert (health.loc[["Parser crash", "Store crash"], "failures_in_row"] == 3).all()
    assert run_ingest(store, catalog, settings()).feeds_backed_off == 2   # backed off like any failing feed
    assert store.count_articles() == 2


def test_a_stored_validator_that_cannot_be_sent_is_left_out(site, db_url):
    """A non-ASCII ETag stored by an older framelens no longer fails every request for its feed."""
    url = site.add("/f.xml", rss(site.base, [("one", "One story")]))
    store = Store(db_url)
    store.save_outlets([Outlet("Wire", [url])])
    store.record_feed(url, "Wire", etag='"café"', last_modified="Mon, 01 Jan 2024 00:00:00 GMT\u2028")
    s = run_ingest(store, [Outlet("Wire", [url])], settings(fetch_pages=False))
    assert s.feeds_ok == 1 and store.count_articles() == 1


def test_cli_exit_status_is_failure_only_when_every_feed_failed(site, tmp_path):
    from click.testing import CliRunner
    from core.cli import main
    site.add("/ok.xml", rss(site.base, [("one", "One story")]))
    site.add("/bad.xml", b"oops", status=404)
    cat = tmp_path / "o.toml"
    for feeds, code in (([site.base + "/bad.xml"], 1), ([site.base + "/ok.xml", site.base + "/bad.xml"], 0)):
        cat.write_text(f'[[outlet]]\nname = "Wire"\nfeeds = {feeds!r}\n'.replace("'", '"'))
        r = CliRunner().invoke(main, ["ingest", "--db", str(tmp_path / "s.sqlite"), "--outlets", str(cat),
                                      "--no-pages", "--no-analyse", "--quiet"])
        assert r.exit_code == code, r.output


def _die_on(x: int) -> int:
    """A task that kills its worker process on one input, as a page crashing lxml would."""
    import os
    if x == 3:
        os._exit(1)
    return x * 10


def test_a_worker_that_dies_fails_only_its_own_task():
    import asyncio
    from core.ingest import _extractor

    async def go():
        with _extractor(Settings(extract_workers=2)) as pool:
            got = await asyncio.gather(*(pool.run(_die_on, i) for i in range(8)), return_exceptions=True)
            after = await pool.run(_die_on, 5)   # the replaced pool keeps working
        return got, after
    got, after = asyncio.run(go())
    assert isinstance(got[3], RuntimeError) and "died" in str(got[3])
    assert [g for i, g in enumerate(got) if i != 3] == [i * 10 for i in range(8) if i != 3]
    assert after == 50


def test_every_survives_a_run_that_raises(tmp_path, monkeypatch):
    """`framelens ingest --every`: a run that raises is reported and the schedule goes on."""
    from click.testing import CliRunner
    import core.cli as cli
    import core.ingest as ingest_mod
    from core.ingest import Summary
    runs, sleeps = [], []

    def flaky(*a, **k):
        runs.append(1)
        if len(runs) == 1:
            raise RuntimeError("database is locked")
        return Summary(feeds_ok=1)

    def sleep(seconds):
        sleeps.append(seconds)
        if len(sleeps) == 2:
            raise KeyboardInterrupt
    monkeypatch.setattr(ingest_mod, "run_ingest", flaky)
    monkeypatch.setattr(cli.time, "sleep", sleep)
    cat = tmp_path / "o.toml"
    cat.write_text('[[outlet]]\nname = "Wire"\nfeeds = ["https://wire.example/rss"]\n')
    r = CliRunner().invoke(cli.main, ["ingest", "--db", str(tmp_path / "s.sqlite"), "--outlets", str(cat),
                                      "--every", "15m", "--no-analyse"])
    assert len(runs) == 2 and "run failed: RuntimeError: database is locked" in r.stderr
    assert "feeds ok 1" in r.stderr


def test_a_page_text_over_the_cap_is_cut_and_says_so(site, db_url):
    para = "The ministry said the budget would be cut by a third over the next two years. "
    site.add("/f.xml", rss(site.base, [("big", "A very long page")]))
    site.add("/a/big.html", f"<html><body><article><p>{para * 400}</p></article></body></html>",
             content_type="text/html")
    store = Store(db_url)
    run_ingest(store, [Outlet("Wire", [site.base + "/f.xml"])], settings(max_text_chars=5_000))
    row = store.articles_df(with_text=True).iloc[0]
    assert row["text_status"] == "ok" and len(row["text"]) == 5_000
    assert row["text_error"] == "text cut to 5,000 characters"


def _disk_full(*a, **kw):
    import sqlite3

    import sqlalchemy as sa
    raise sa.exc.OperationalError("INSERT INTO articles …", {}, sqlite3.OperationalError("database or disk is full"))


def test_a_store_that_cannot_be_written_is_one_clear_error_and_no_feed_is_backed_off(site, tmp_path, monkeypatch):
    # a full disk was blamed on every feed (failures_in_row + 1: healthy feeds backed off once space was freed),
    # each with SQLAlchemy's multi-line message and link, then the analysis ended in a traceback
    from click.testing import CliRunner
    from core.cli import main
    site.add("/ok.xml", rss(site.base, [("one", "One story")]))
    cat = tmp_path / "o.toml"
    cat.write_text(f'[[outlet]]\nname = "Wire"\nfeeds = ["{site.base}/ok.xml"]\n')
    db = str(tmp_path / "s.sqlite")
    Store(db)
    monkeypatch.setattr(Store, "add_articles", _disk_full)
    r = CliRunner().invoke(main, ["ingest", "--db", db, "--outlets", str(cat), "--no-pages", "--quiet"])
    assert r.exit_code == 1, r.output
    assert "could not be written (database or disk is full)" in r.output
    assert "Background on this error" not in r.output and "Traceback" not in r.output
    feed = Store(db).feed_state()[site.base + "/ok.xml"]
    assert feed["failures_in_row"] == 0 and feed["last_error"].startswith("store error")


def test_a_link_to_a_pdf_or_an_image_says_so_and_a_json_feed_is_named(site, db_url):
    # the PDF and the image went to the extractor and came back as "no article text found on page"; a
    # JSON Feed failed as "malformed feed: SAXParseException: <unknown>:2:0: not well-formed"
    site.add("/f.xml", rss(site.base, [("doc", "A report"), ("pic", "A picture")]))
    site.add("/a/doc.html", b"%PDF-1.4\n" + bytes(2000), content_type="application/pdf")
    site.add("/a/pic.html", b"\x89PNG\r\n\x1a\n" + bytes(2000), content_type="image/png")
    site.add("/feed.json", b'{"version": "https://jsonfeed.org/version/1.1", "items": []}',
             content_type="application/feed+json")
    store = Store(db_url)
    summary = run_ingest(store, [Outlet("W", [site.base + "/f.xml"]), Outlet("J", [site.base + "/feed.json"])],
                         settings())
    df = store.articles_df(with_text=True, limit=None).set_index("title")
    assert df.loc["A report", "text_error"] == "not a web page: the link returned a PDF"
    assert df.loc["A picture", "text_error"] == "not a web page: the link returned image/png content"
    assert df.loc["A report", "text_status"] == "summary-only"
    failed = {f.outlet: f.error for f in summary.feeds if f.status == "failed"}
    assert failed["J"].startswith("not a feed framelens reads: the URL returned JSON")


def test_one_page_under_several_addresses_is_one_article(site, db_url):
    # the same story under ?utm_source, https, a trailing slash and its AMP copy was stored 4 times (3 of
    # them summary-only), counting the outlet's coverage of the event four times
    def feed(*links):
        items = "".join(f"<item><title>Story {i}</title><link>{u}</link><description>S</description></item>"
                        for i, u in enumerate(links))
        return f'<?xml version="1.0"?><rss version="2.0"><channel><title>F</title>{items}</channel></rss>'
    b, https = site.base, site.base.replace("http://", "https://")
    site.add("/a/one.html", page("Story", "The finance ministry said it would cut the deficit by a third."),
             content_type="text/html; charset=utf-8")
    site.add("/f.xml", feed(f"{b}/a/one.html?utm_source=rss", f"{https}/a/one.html", f"{b}/a/one.html/",
                            f"{b}/amp/a/one.html"))
    store = Store(db_url)
    outlets = [Outlet("W", [b + "/f.xml"])]
    assert run_ingest(store, outlets, settings()).new_articles == 1
    assert list(store.articles_df(limit=None)["url"]) == [f"{b}/a/one.html"]
    assert "item 4: the same page as item 1 under another address" in store.feed_state()[b + "/f.xml"]["last_error"]
    # next run the outlet's feed moved to https with trailing slashes: the stored page is not stored again
    site.add("/f.xml", feed(f"{https}/a/one.html/"))
    assert run_ingest(store, outlets, settings()).new_articles == 0
    assert store.count_articles() == 1
    assert "1 item(s) already stored under another address" in store.feed_state()[b + "/f.xml"]["last_error"]


def test_an_undated_item_whose_page_gives_only_a_month_is_dated_to_the_year(site, db_url):
    # No date in the feed, "2023-08" on the page: stored as 2023 (precision year, source page, flag saying why),
    # not as 1 August 2023, and no longer flagged "missing".
    site.add("/f.xml", (f'<?xml version="1.0"?><rss version="2.0"><channel><title>F</title><item><title>Jet crash'
                        f"</title><link>{site.base}/a/crash.html</link><description>A jet crashed.</description>"
                        f"</item><item><title>Talks</title><link>{site.base}/a/talks.html</link>"
                        f"<description>Talks.</description></item></channel></rss>").encode())
    para = "The plane carrying the group's chief crashed north of the capital, officials said on Wednesday. "
    site.add("/a/crash.html", page("Jet crash", para).replace(
        "</title>", "</title><meta property='article:published_time' content='2023-08'>"), content_type="text/html")
    site.add("/a/talks.html", page("Talks", para.replace("plane", "delegation")).replace(
        "</title>", "</title><meta property='article:published_time' content='2023-08-23T10:00:00Z'>"),
        content_type="text/html")
    store = Store(db_url)
    run_ingest(store, [Outlet("Wire", [site.base + "/f.xml"])], settings())
    rows = store.articles_df().set_index("title")
    crash, talks = rows.loc["Jet crash"], rows.loc["Talks"]
    assert (crash["date_precision"], crash["date_source"]) == ("year", "page")
    assert crash["published"].year == 2023 and (crash["published"].month, crash["published"].day) == (1, 1)
    assert crash["date_flag"] == "the page gives only a year and month: kept to the year"
    assert (talks["date_precision"], talks["date_source"]) == ("date", "page") and pd.isna(talks["date_flag"])
    assert talks["published"].day == 23


def test_an_undated_item_whose_page_prints_its_day_at_the_top_takes_that_day(site, db_url):
    # no date in the feed or the page's metadata; the text opens with an AFP dateline and its year
    site.add("/f.xml", (f'<?xml version="1.0"?><rss version="2.0"><channel><title>F</title><item><title>Run-off'
                        f"</title><link>{site.base}/a/vote.html</link><description>A vote.</description>"
                        f"</item></channel></rss>").encode())
    para = ("BUENOS AIRES, Nov 19, 2023 (AFP) - Javier Milei won Argentina's presidential run-off on Sunday, "
            "the electoral authority said, after his rival conceded defeat in a speech to supporters. ")
    site.add("/a/vote.html", page("Run-off", para), content_type="text/html")
    store = Store(db_url)
    run_ingest(store, [Outlet("Wire", [site.base + "/f.xml"])], settings())
    row = store.articles_df().iloc[0]
    assert (row["date_source"], row["date_precision"]) == ("page", "date")
    assert row["published"].date().isoformat() == "2023-11-19"
    assert row["date_flag"].startswith("read from free text in the text's opening ('BUENOS AIRES, Nov 19, 2023")


def test_a_page_two_catalog_outlets_list_is_stored_once(site, db_url):
    # the real feeds' TIME world and TIME tech, two outlets in the catalog, list the same pages: stored twice, each
    # such event counted TIME twice; the same page under another outlet, in this run or a later one, is not stored
    def feed(*paths):
        items = "".join(f"<item><title>AI race {p}</title><link>{site.base}/a/{p}.html</link><description>The race."
                        f"</description></item>" for p in paths)
        return f'<?xml version="1.0"?><rss version="2.0"><channel><title>F</title>{items}</channel></rss>'
    for p in ("one", "two", "three", "four"):
        site.add(f"/a/{p}.html", page(f"AI race {p}", f"The {p} chip makers said demand would double next year."),
                 content_type="text/html; charset=utf-8")
    site.add("/world.xml", feed("one", "two"))
    site.add("/tech.xml", feed("two"))
    store = Store(db_url)
    world, tech = Outlet("Time World", [site.base + "/world.xml"]), Outlet("Time Tech", [site.base + "/tech.xml"])
    run_ingest(store, [world], settings())
    assert run_ingest(store, [tech], settings()).new_articles == 0
    assert "1 item(s) are pages already stored for another outlet (Time World: 1)" in \
        store.feed_state()[site.base + "/tech.xml"]["last_error"]
    # both feeds in one run, listing a page neither has stored: stored once, for whichever feed is read first
    site.add("/world.xml", feed("one", "two", "four"))
    site.add("/tech.xml", feed("two", "four"))
    assert run_ingest(store, [world, tech], settings()).new_articles == 1
    assert (store.articles_df(limit=None)["url"].str.endswith("/four.html")).sum() == 1
    site.add("/tech.xml", feed("two", "three"))   # a later run: the new page is stored, the known one is not
    assert run_ingest(store, [world, tech], settings()).new_articles == 1
    df = store.articles_df(limit=None)
    assert sorted(df["url"].str.rsplit("/", n=1).str[-1]) == ["four.html", "one.html", "three.html", "two.html"]
    assert df.set_index("title").loc["AI race two", "outlet"] == "Time World"
