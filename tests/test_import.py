"""Importing researchers' corpora: valid rows go in, invalid rows are named by line."""
import json

import pandas as pd
import pytest

from click.testing import CliRunner

from core.cli import main
from core.corpus import import_file, load_articles
from core.store import Store
from tests.conftest import shared_path


def test_import_shared_corpus_twice_adds_nothing_the_second_time(db_url):
    path = shared_path("data", "corpora", "basil.jsonl")
    store = Store(db_url)
    first = import_file(store, path)
    assert (first.rows, first.valid, first.new, first.errors) == (300, 300, 300, [])
    again = import_file(store, path)
    assert again.new == 0 and store.count_articles() == 300
    df = store.articles_df(with_text=True)
    assert set(df["origin"]) == {"import"} and set(df["date_source"]) == {"import"}
    assert df["text"].str.len().min() > 100


def test_invalid_jsonl_rows_are_reported_by_line(tmp_path, db_url):
    rows = [
        {"id": "a1", "outlet": "TASS", "title": "Shoigu holds call", "text": "Text.", "published": "2024-04-02T10:00:00Z",
         "url": "https://tass.com/1"},
        "not json at all",
        {"id": "", "title": "no id"},
        {"id": "a2", "outlet": "RT", "title": "Bad date", "published": "yesterday"},
        {"id": "a1", "title": "again"},
        {"id": "a3", "outlet": None, "text": "Undated, outlet missing.", "published": None},
        {"id": "a4", "title": "bad url", "url": "javascript:alert(1)"},
        {"id": "a5"},
        [1, 2],
    ]
    p = tmp_path / "corpus.jsonl"
    p.write_text("\n".join(r if isinstance(r, str) else json.dumps(r) for r in rows) + "\n")
    res = import_file(Store(db_url), p)
    msgs = {e.line: e.message for e in res.errors}
    assert res.rows == 9 and res.valid == 3 and res.new == 3
    assert msgs[2].startswith("not valid JSON")
    assert "'id' is required" in msgs[3]
    assert 4 not in msgs   # an unreadable date never costs the row
    assert msgs[5] == "duplicate id 'a1' (first on line 1)"
    assert "'url' is not an http(s) URL" in msgs[7]
    assert "neither 'title' nor 'text'" in msgs[8]
    assert msgs[9] == "not a JSON object"
    df = Store(db_url).articles_df().set_index("id")
    assert df.loc["a3", "outlet"] == "unknown" and df.loc["a3", "date_flag"] == "missing"
    assert pd.isna(df.loc["a2", "published"]) and df.loc["a2", "date_precision"] == "none"
    assert df.loc["a2", "date_flag"] == "unreadable ('yesterday')" and df.loc["a2", "date_source"] == "import"
    assert res.dates == {"parsed": 1, "guessed": 0, "missing": 2}


def test_csv_import_with_multiline_text(tmp_path, db_url):
    p = tmp_path / "corpus.csv"
    p.write_text('id,outlet,title,text,published,url\n'
                 'c1,Xinhua,China and Russia,"First paragraph.\n\nSecond paragraph.",2024-04-03,https://x.cn/1\n'
                 'c2,Xinhua,,,2024-04-03,\n')
    res = import_file(Store(db_url), p)
    assert res.new == 1 and len(res.errors) == 1 and "neither" in res.errors[0].message
    [text] = Store(db_url).articles_df(with_text=True)["text"]
    assert text == "First paragraph.\n\nSecond paragraph."


def test_load_articles_parses_dates_to_utc():
    [a], errors, _ = load_articles('{"id": 1, "title": "t", "published": "2021-07-16T14:30:00-07:00"}', "jsonl")
    assert not errors and a.id == "1" and a.published.isoformat() == "2021-07-16T21:30:00+00:00"


def test_cli_import_reports_invalid_rows(tmp_path, db_url):
    p = tmp_path / "c.jsonl"
    p.write_text('{"id": "x", "title": "ok"}\n{bad\n')
    r = CliRunner().invoke(main, ["import", str(p), "--db", db_url])
    assert r.exit_code == 0, r.output
    assert f"{p}: line 2: not valid JSON" in r.output
    assert "2 rows, 1 valid, 1 new, 1 invalid" in r.output
    assert "dates: 0 parsed, 0 guessed from free text, 1 missing or unreadable" in r.output


def test_cli_import_unknown_format(tmp_path, db_url):
    p = tmp_path / "c.txt"
    p.write_text("hello")
    r = CliRunner().invoke(main, ["import", str(p), "--db", db_url])
    assert r.exit_code == 1 and "cannot tell the format" in r.output


# -- hostile rows: every bad row is named with its line, every good row goes in -------------------------
def test_every_kind_of_broken_row_is_named_and_the_rest_kept(tmp_path, db_url):
    good = {"id": "ok-1", "outlet": "TASS", "title": "Talks in Geneva", "text": "Officials met.", "published": "2024-04-02"}
    lines = [
        json.dumps(good),
        '{"id": "deep", "x": ' + "[" * 100_000 + "]" * 100_000 + "}",                 # 2 RecursionError
        json.dumps({"id": "obj", "title": "t", "author": {"name": "x"}}),              # 3 object where a string belongs
        json.dumps({"id": "list", "title": ["a", "b"]}),                               # 4
        '{"id": "sur", "title": "bad \\ud800 char"}',                                  # 5 lone surrogate
        json.dumps({"id": "nul", "title": "t", "text": "a\x00b"}),                    # 6 NUL (PostgreSQL refuses it)
        json.dumps({"id": "x" * 300, "title": "long id"}),                             # 7
        json.dumps({"id": "lo", "outlet": "O" * 300, "title": "t"}),                   # 8
        json.dumps({"id": "lu", "title": "t", "url": "https://x.org/" + "p" * 2100}),  # 9
        json.dumps({"id": "ll", "title": "t", "language": "y" * 40}),                  # 10
        json.dumps({"id": "lt", "title": "T" * 5000}),                                 # 11
        json.dumps({"id": "cat", "title": "t", "categories": [{"a": 1}]}),             # 12
        json.dumps({"id": "num", "title": "t", "x": int("9" * 100)})[:-1] + "9" * 5000 + "}",  # 13 huge integer
        json.dumps({"id": "ls", "title": "Line\u2028separator\u2029and\u0085next line", "text": "t"},
                   ensure_ascii=False),                                                # 14 one row, not four
        json.dumps({"id": "notitle", "outlet": "RT", "text": "Moscow said on Monday that the talks would go on. "
                    "A second sentence follows."}),                                    # 15 titled from its text
        json.dumps({"id": "date", "title": "Extreme date", "published": "9999-12-31T23:59:59-14:00"}),  # 16
        json.dumps({**good, "id": "ok-2"}),                                            # 17
    ]
    p = tmp_path / "hostile.jsonl"
    p.write_text("\n".join(lines) + "\n", encoding="utf-8")
    store = Store(db_url)
    res = import_file(store, p)
    msgs = {e.line: e.message for e in res.errors}
    assert res.rows == 17
    assert msgs[2] == "not usable JSON (nested too deeply)"
    assert msgs[3] == "field 'author' must be a string, not an object"
    assert msgs[4] == "field 'title' must be a string, not a list"
    assert msgs[5].startswith("field 'title' contains a lone surrogate")
    assert msgs[6].startswith("field 'text' contains a NUL character")
    assert msgs[7].startswith("field 'id' is 300 characters long")
    assert msgs[8].startswith("field 'outlet' is 300 characters long")
    assert msgs[9].startswith("field 'url' is")
    assert msgs[10].startswith("field 'language'")
    assert msgs[11].startswith("field 'title' is 5,000 characters long")
    assert msgs[12] == "field 'categories' must be a list of strings"
    assert msgs[13].startswith("not usable JSON")
    assert 14 not in msgs and 15 not in msgs and 1 not in msgs and 17 not in msgs
    assert set(msgs) - {16} == set(range(2, 14))        # the extreme date is kept or named, never a crash
    stored = store.articles_df(limit=None).set_index("id")
    assert {"ok-1", "ok-2", "ls", "notitle"} <= set(stored.index)
    assert stored.loc["ls", "title"] == "Line\u2028separator\u2029and\u0085next line"
    assert stored.loc["notitle", "title"] == "Moscow said on Monday that the talks would go on."
    assert stored.loc["notitle", "title_flag"] == "from the first sentence" and res.titled == 1


def test_a_title_made_from_the_text_skips_its_wire_dateline(tmp_path, db_url):
    """A wire story's first 'sentence' is its dateline, which is no headline (a real TASS row had no title)."""
    src = tmp_path / "wire.jsonl"
    src.write_text(json.dumps({"id": "w1", "outlet": "TASS", "published": "2024-02-16", "text":
                               "CHELYABINSK, February 16. /TASS/. Russian President Vladimir Putin received a "
                               "report, Kremlin Spokesman Dmitry Peskov told reporters. More followed."}) + "\n",
                   encoding="utf-8")
    store = Store(db_url)
    import_file(store, src)
    stored = store.articles_df(limit=None).set_index("id")
    assert stored.loc["w1", "title"] == ("Russian President Vladimir Putin received a report, Kremlin Spokesman "
                                         "Dmitry Peskov told reporters.")


@pytest.mark.parametrize("text, title", [
    # a page saved whole: its headline on a line of its own, no stop, then the story
    ("Chinese defense chief promises Russia support — RT World News\n\nChinese Defense Minister Dong Jun told "
     "his Russian counterpart Sergei Shoigu that cooperation is a pillar of peace.",
     "Chinese defense chief promises Russia support — RT World News"),
    # a byline or a dateline on the first line is no headline: the first sentence after it is
    ("By Guy Faulconbridge\nMOSCOW (Reuters) - Russia said on Friday that talks would go on. More came later.",
     "By Guy Faulconbridge MOSCOW (Reuters) - Russia said on Friday that talks would go on."),
    ("Talks go on.\nRussia said on Friday that talks would go on.", "Talks go on."),
])
def test_a_title_made_from_the_text_is_a_headline_line_when_the_text_starts_with_one(tmp_path, text, title):
    from core.corpus import first_sentence
    assert first_sentence(text) == title


def test_csv_with_a_10_mb_cell_names_its_line_and_keeps_the_rest(tmp_path, db_url):
    p = tmp_path / "big.csv"
    p.write_text("id,outlet,title,text\nc1,X,First,Fine.\nc2,X,Big,\"" + "w " * 5_000_000 + "\"\nc3,X,Third,Fine.\n",
                 encoding="utf-8")
    res = import_file(Store(db_url), p)
    assert [(e.line, e.message.split(" is ")[0]) for e in res.errors] == [(3, "field 'text'")]
    assert res.new == 2


def test_a_file_that_is_not_utf8_gets_a_sentence(tmp_path, db_url):
    p = tmp_path / "latin1.csv"
    p.write_bytes("id,title\n1,Café\n".encode("latin-1"))
    r = CliRunner().invoke(main, ["import", str(p), "--db", db_url, "--no-analyse"])
    assert r.exit_code == 1
    assert f"{p} is not UTF-8 text (line 2, byte 14 is not valid UTF-8): save it as UTF-8 and import it again" in r.output
    assert "codec" not in r.output


def test_a_utf8_file_with_one_damaged_row_keeps_the_others(tmp_path, db_url):
    """A scrape's stray byte costs its own row, named with the byte, not the file."""
    p = tmp_path / "damaged.csv"
    p.write_bytes("id,outlet,title,text\nd1,X,Café,Fine.\n".encode("utf-8") + b"d2,X,Bad \xff,Fine.\n"
                  + b"d3,X,Third,Fine.\n")
    r = CliRunner().invoke(main, ["import", str(p), "--db", db_url, "--no-analyse"])
    assert r.exit_code == 0, r.output
    assert "line 3: field 'title' holds a byte that is not UTF-8 (0xFF) at position 4" in r.output
    assert "3 rows, 2 valid, 2 new, 1 invalid" in r.output
    assert sorted(Store(db_url).articles_df()["title"]) == ["Café", "Third"]


def test_an_imported_id_cannot_take_a_feed_items_place(db_url):
    """A row whose id has the form of a feed-made id is stored under "import:<id>", so the feed item
    with that id still goes in; other imported ids are kept as given."""
    from core.feeds import article_id
    from core.models import Article
    from core.corpus import import_text
    feed_id = article_id("TASS", "https://tass.com/world/1", None)
    store = Store(db_url)
    rows = [{"id": feed_id, "outlet": "TASS", "title": "Squatter"}, {"id": "r-7", "outlet": "TASS", "title": "Mine"}]
    assert import_text(store, "\n".join(json.dumps(r) for r in rows), "jsonl").new == 2
    assert store.add_articles([Article(id=feed_id, outlet="TASS", title="The real item",
                                       url="https://tass.com/world/1")]) == 1
    titles = store.articles_df(limit=None).set_index("id")["title"]
    assert titles[feed_id] == "The real item" and titles["import:" + feed_id] == "Squatter" and titles["r-7"] == "Mine"


def test_a_row_the_database_refuses_is_named_and_its_batch_kept(tmp_path, monkeypatch):
    from core.corpus import import_text
    store = Store(str(tmp_path / "s.sqlite"))
    real = store.add_articles

    def add(items, origin="feed"):
        if any(a.id == "r2" for a in items):
            raise RuntimeError("value too long for type character varying(16)\nDETAIL: …")
        return real(items, origin)
    monkeypatch.setattr(store, "add_articles", add)
    rows = [{"id": f"r{i}", "outlet": "X", "title": f"Story {i}"} for i in range(1, 4)]
    res = import_text(store, "\n".join(json.dumps(r) for r in rows), "jsonl")
    assert (res.new, res.valid) == (2, 2)
    assert [str(e) for e in res.errors] == ["line 2: the database refused it: RuntimeError: value too long for type "
                                            "character varying(16)"]


FREE_TEXT_DATES = [
    {"id": "d1", "title": "Free text", "published": "Wednesday, July 28, 2004"},
    {"id": "d2", "title": "Free text with a time", "published": "17 September 2013 - 21 : 29"},
    {"id": "d3", "title": "Year one with an offset", "published": "0001-01-01T01:00:00+05:00"},
    {"id": "d4", "title": "The end of time", "published": "9999-12-31T23:59:59-05:00"},
    {"id": "d5", "title": "ISO day", "published": "2024-05-16"},
    {"id": "d6", "title": "ISO time", "published": "2024-05-16T17:12:00+08:00"},
    {"id": "d7", "title": "Day or month?", "published": "05 / 03 / 2014"},
    {"id": "d8", "title": "Epoch seconds", "published": 1715860000},
]


def test_free_text_and_out_of_range_dates_are_kept_with_precision_and_flag(tmp_path, db_url):
    p = tmp_path / "dates.jsonl"
    p.write_text("\n".join(json.dumps(r) for r in FREE_TEXT_DATES) + "\n")
    res = import_file(Store(db_url), p)
    assert (res.valid, res.new, res.errors) == (8, 8, [])
    assert res.dates == {"parsed": 3, "guessed": 3, "missing": 2}
    df = Store(db_url).articles_df().set_index("id")
    got = {i: (None if pd.isna(r.published) else r.published.isoformat(), r.date_precision) for i, r in df.iterrows()}
    assert got == {"d1": ("2004-07-28T00:00:00+00:00", "date"), "d2": ("2013-09-17T00:00:00+00:00", "date"),
                   "d3": (None, "none"), "d4": (None, "none"), "d5": ("2024-05-16T00:00:00+00:00", "date"),
                   "d6": ("2024-05-16T09:12:00+00:00", "exact"), "d7": ("2014-01-01T00:00:00+00:00", "year"),
                   "d8": ("2024-05-16T11:46:40+00:00", "exact")}
    assert df.loc["d1", "date_flag"] == "read from free text ('Wednesday, July 28, 2004')"
    # a time of day in no zone could be hours off as UTC: only its day is kept, and the flag says why
    assert df.loc["d2", "date_flag"].endswith("time of day without a time zone")
    assert df.loc["d3", "date_flag"].startswith("out of range ('0001-01-01")
    assert df.loc["d4", "date_flag"].startswith("out of range ('9999-12-31")
    assert pd.isna(df.loc["d5", "date_flag"]) and set(df["date_source"]) == {"import"}


def test_cli_import_says_how_dates_were_had(tmp_path, db_url):
    p = tmp_path / "dates.jsonl"
    p.write_text("\n".join(json.dumps(r) for r in FREE_TEXT_DATES) + "\n")
    r = CliRunner().invoke(main, ["import", str(p), "--db", db_url, "--no-analyse"])
    assert r.exit_code == 0, r.output
    assert "8 rows, 8 valid, 8 new, 0 invalid" in r.output
    assert "dates: 3 parsed, 3 guessed from free text, 2 missing or unreadable (kept undated, flagged)" in r.output


def test_a_date_field_never_refuses_its_row(db_url):
    from core.corpus import import_text
    rows = [{"id": "long-date", "title": "t", "published": "Posted on " + "Monday " * 60},
            {"id": "nul-date", "title": "t", "published": "2024-05-16\x00"}]
    res = import_text(Store(db_url), "\n".join(json.dumps(r) for r in rows), "jsonl")
    assert res.errors == [] and res.new == 2


def test_a_store_that_cannot_be_written_stops_the_import_without_blaming_rows(tmp_path, monkeypatch):
    # a full disk made every row "invalid: the database refused it" (2,998 of 3,000 in a real run), tried one
    # by one, and the command still exited 0
    import sqlite3

    import sqlalchemy as sa
    from click.testing import CliRunner
    from core.cli import main
    from core.corpus import import_text
    store = Store(str(tmp_path / "s.sqlite"))
    calls = []

    def full(items, origin="feed"):
        calls.append(len(items))
        raise sa.exc.OperationalError("INSERT …", {}, sqlite3.OperationalError("database or disk is full"))
    monkeypatch.setattr(Store, "add_articles", lambda self, items, origin="feed": full(items, origin))
    rows = [{"id": f"r{i}", "outlet": "X", "title": f"Story {i}"} for i in range(1, 1200)]
    res = import_text(store, "\n".join(json.dumps(r) for r in rows), "jsonl")
    assert (res.new, res.valid, res.errors) == (0, 1199, [])
    assert res.store_error == "database or disk is full" and len(calls) == 1
    path = tmp_path / "c.jsonl"
    path.write_text("\n".join(json.dumps(r) for r in rows[:3]))
    r = CliRunner().invoke(main, ["import", "--db", str(tmp_path / "s.sqlite"), "--no-analyse", str(path)])
    assert r.exit_code == 1 and "the store could not be written (database or disk is full)" in r.output, r.output
    assert "refused" not in r.output


@pytest.mark.parametrize("text", [
    'id;outlet;title;text\nc1;X;"Title one";"line one\nline two; with a semicolon"\nc2;Y;T2;text2\n',
    'id\toutlet\ttitle\ttext\nc1\tX\tTitle one\t"line one\nline two; with a semicolon"\nc2\tY\tT2\ttext2\n',
    'ID, Outlet ,Title,Text\nc1,X,Title one,"line one\nline two; with a semicolon"\nc2,Y,T2,text2\n',
])
def test_csv_with_another_delimiter_or_capitalised_header_is_read(tmp_path, text):
    # a semicolon or tab CSV (as spreadsheets write in many locales) refused every row as "field 'id' is required"
    from core.corpus import import_text
    store = Store(str(tmp_path / "s.sqlite"))
    res = import_text(store, text, "csv")
    assert (res.rows, res.valid, res.new, res.errors) == (2, 2, 2, [])
    df = store.articles_df(with_text=True, limit=None).set_index("title")
    assert df.loc["Title one", "text"] == "line one\nline two; with a semicolon"
    assert df.loc["Title one", "outlet"] == "X"


def test_csv_without_an_id_column_is_one_error_and_the_command_fails(tmp_path):
    from click.testing import CliRunner
    from core.cli import main
    path = tmp_path / "c.csv"
    path.write_text("foo,bar\n1,2\n3,4\n")
    r = CliRunner().invoke(main, ["import", "--db", str(tmp_path / "s.sqlite"), "--no-analyse", str(path)])
    assert r.exit_code == 1, r.output
    assert "line 1: the header line has no 'id' column (it reads 'foo,bar')" in r.output
    assert "line 2" not in r.output


def test_invisible_characters_are_dropped_from_imported_names_and_titles(tmp_path):
    from core.corpus import import_text
    store = Store(str(tmp_path / "s.sqlite"))
    row = {"id": "i1", "outlet": "Fox\u202e News", "author": "Ann\u200b Lee", "title": "Title\u202e one", "text": "Body."}
    res = import_text(store, json.dumps(row), "jsonl")
    assert (res.new, res.errors) == (1, [])
    a = store.articles_df(with_text=True, limit=None).iloc[0]
    assert (a["outlet"], a["title"]) == ("Fox News", "Title one")


def test_cli_import_says_which_valid_rows_were_already_stored_or_name_no_outlet(tmp_path):
    # "3 valid, 2 new" said nothing of the row whose id was already stored (kept as stored, its new outlet and
    # title dropped) nor of the row filed under 'unknown'
    db = str(tmp_path / "s.sqlite")
    first, second = tmp_path / "a.jsonl", tmp_path / "b.jsonl"
    first.write_text(json.dumps({"id": "k1", "outlet": "X", "title": "Kept"}) + "\n")
    second.write_text("\n".join(json.dumps(r) for r in [
        {"id": "k1", "outlet": "Other", "title": "Other title"},
        {"id": "k2", "title": "No outlet"},
        {"id": "k3", "outlet": "X", "title": "New"}]) + "\n")
    assert CliRunner().invoke(main, ["import", "--db", db, "--no-analyse", str(first)]).exit_code == 0
    r = CliRunner().invoke(main, ["import", "--db", db, "--no-analyse", str(second)])
    assert r.exit_code == 0, r.output
    assert "3 rows, 3 valid, 2 new, 0 invalid" in r.output
    assert "1 already in the store (ids stored before; the stored rows are kept as they are)" in r.output
    assert "1 name no outlet and are stored under 'unknown'" in r.output


def test_an_imports_summary_says_what_was_kept_and_why_it_stopped():
    from core.corpus import ImportResult, RowError
    res = ImportResult(rows=5, valid=4, new=2, errors=[RowError(3, "bad")], no_outlet=1)
    assert res.summary_line("a.csv") == ("a.csv: 5 rows read; 2 new articles stored, 2 already in the store (ids "
                                         "stored before; the stored rows are kept as they are); 1 name no outlet "
                                         "and are stored under 'unknown', 1 refused")
    assert res.store_line() is None
    full = ImportResult(rows=3000, valid=3000, new=0, store_error="database or disk is full")
    assert full.summary_line("big.jsonl") == "big.jsonl: 3,000 rows read; 0 new articles stored"
    assert full.store_line().startswith("the store could not be written (database or disk is full): the import "
                                        "stopped after 0 new of 3,000 valid rows")


def test_a_csv_row_whose_cells_do_not_fit_the_header_is_refused_by_line(tmp_path, db_url):
    # A stray quote shifted a row's cells: its text landed in its title and its date in its text. The row is
    # named and refused; the rows after it are stored as written; a trailing delimiter is harmless.
    p = tmp_path / "shifted.csv"
    p.write_text('id,outlet,title,text,published\n'
                 'r1,O,"He said hi and left,"Body of r1.",2024-01-01\n'
                 'r2,O,Title two,"Body of the second article.",2024-01-02\n'
                 'r3,O,Title three,"Body three, with a comma.",2024-01-02,surplus\n'
                 'r4,O,Title four,"Body of the fourth article.",2024-01-03,\n')
    res = import_file(Store(db_url), p)
    assert res.new == 2 and [e.line for e in res.errors] == [2, 4]
    assert "4 cells where the header names 5 columns" in res.errors[0].message
    assert "6 cells where the header names 5 columns" in res.errors[1].message
    df = Store(db_url).articles_df(with_text=True, limit=None).set_index("id")
    assert sorted(df.index) == ["r2", "r4"] and df.loc["r4", "text"] == "Body of the fourth article."


def test_an_undated_row_takes_the_day_its_text_prints_at_its_top(tmp_path, db_url):
    # fc35: an AFP copy with no date field was stored undated though its dateline names the day
    rows = [{"id": "afp", "title": "Milei wins", "text": "BUENOS AIRES, Nov 19, 2023 (AFP) - Javier Milei won the run-off."},
            {"id": "c4", "title": "Prague", "published": "soon", "text": "2m\n21 Dec 2023\nA gunman killed 14 people."},
            {"id": "story", "title": "Xi", "text": "On May 16, 2024, President Xi met his guest in Beijing."}]
    p = tmp_path / "undated.jsonl"
    p.write_text("\n".join(json.dumps(r) for r in rows) + "\n")
    r = CliRunner().invoke(main, ["import", str(p), "--db", db_url, "--no-analyse"])
    assert r.exit_code == 0, r.output
    assert "dates: 0 parsed, 2 guessed from free text, 1 missing or unreadable" in r.output
    df = Store(db_url).articles_df().set_index("id")
    assert df.loc["afp", "published"].date().isoformat() == "2023-11-19" and df.loc["afp", "date_precision"] == "date"
    assert df.loc["afp", "date_flag"] == ("read from free text in the text's opening ('BUENOS AIRES, Nov 19, 2023 "
                                          "(AFP) -'); the published field: missing")
    assert df.loc["c4", "date_flag"].endswith("the published field: unreadable ('soon')")
    # a date inside the story's first sentence may be the event's day, not the report's: left undated
    assert pd.isna(df.loc["story", "published"]) and df.loc["story", "date_flag"] == "missing"


def test_a_section_name_as_title_is_no_headline(tmp_path, db_url):
    """fc39: a weekly item titled "Business" (its section) was grouped apart from every other report of the same rate
    decision; a section's name names no happening, so the row is titled from its first sentence (the section's name
    printed above the story skipped). A row with no text keeps the title it has."""
    from core.corpus import as_imported
    src = tmp_path / "section.jsonl"
    rows = [{"id": "s1", "outlet": "Weekly", "title": "Business", "text": "Business\nThe central bank raised interest "
             "rates for the first time since 2007. It also ended its bond-yield cap."},
            {"id": "s2", "outlet": "Weekly", "title": "World news", "text": ""},
            {"id": "s3", "outlet": "Daily", "title": "Business leaders meet in Davos", "text": "They met on Monday."}]
    src.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    store = Store(db_url)
    res = import_file(store, src)
    stored = store.articles_df(limit=None).set_index("id")
    assert stored.loc["s1", "title"] == "The central bank raised interest rates for the first time since 2007."
    assert stored.loc["s2", "title"] == "World news" and stored.loc["s3", "title"] == "Business leaders meet in Davos"
    assert res.titled == 1
    assert as_imported(rows[0])["title"] == stored.loc["s1", "title"]
