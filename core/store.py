"""The one place that reads and writes the database (SQLite by default, PostgreSQL by URL)."""
from __future__ import annotations

import json
import re
from datetime import datetime, timezone
from typing import Callable, Iterable

import pandas as pd
import sqlalchemy as sa
from sqlalchemy import event as sa_event

from .catalog import OWNERSHIP, Outlet
from .config import Settings, resolve_db
from .credits import canonical_outlet, set_user_aliases
from .models import Article
from .search import fts5_query, parse_query, websearch_query
from .sources import NO_NAMED_SPEAKER, NOT_SHOWN_TYPES, count_words, is_official

metadata = sa.MetaData()

outlets = sa.Table(
    "outlets", metadata,
    sa.Column("name", sa.String(200), primary_key=True),
    sa.Column("homepage", sa.Text), sa.Column("country", sa.String(8)), sa.Column("language", sa.String(16)),
    sa.Column("ownership", sa.String(16)), sa.Column("groups", sa.Text, default="[]"),
    # Set when a user edits country, ownership or groups: a catalog reload then keeps the user's values.
    sa.Column("edited", sa.Boolean, default=False, nullable=False),
)

# Other spellings of an outlet's name that users merged into it ("Xinhua News Agency" -> "Xinhua").
outlet_aliases = sa.Table(
    "outlet_aliases", metadata,
    sa.Column("alias", sa.String(200), primary_key=True), sa.Column("outlet", sa.String(200), nullable=False),
)

feeds = sa.Table(
    "feeds", metadata,
    sa.Column("url", sa.String(2000), primary_key=True),
    sa.Column("outlet", sa.String(200), nullable=False, index=True),
    sa.Column("etag", sa.Text), sa.Column("last_modified", sa.Text),
    sa.Column("last_status", sa.String(40)),            # ok / not-modified / failed
    sa.Column("http_status", sa.Integer), sa.Column("last_error", sa.Text),
    sa.Column("latency_ms", sa.Float), sa.Column("failures_in_row", sa.Integer, default=0),
    sa.Column("items_seen", sa.Integer, default=0), sa.Column("new_articles", sa.Integer, default=0),
    sa.Column("last_fetched", sa.DateTime), sa.Column("last_ok", sa.DateTime),
)

articles = sa.Table(
    "articles", metadata,
    sa.Column("id", sa.String(200), primary_key=True),
    sa.Column("outlet", sa.String(200), nullable=False, index=True),
    sa.Column("title", sa.Text, default=""), sa.Column("title_flag", sa.Text), sa.Column("text", sa.Text, default=""),
    sa.Column("summary", sa.Text, default=""),
    sa.Column("url", sa.String(2000), index=True), sa.Column("guid", sa.Text),
    sa.Column("feed_url", sa.String(2000)), sa.Column("author", sa.Text),
    sa.Column("categories", sa.Text, default="[]"), sa.Column("language", sa.String(16)),
    sa.Column("published", sa.DateTime, index=True),
    # core.dates: exact / date / year / none; a "date" is stored at 00:00 UTC and never compared as a time
    sa.Column("date_precision", sa.String(8)),
    sa.Column("date_source", sa.String(16)), sa.Column("date_flag", sa.Text),
    sa.Column("first_seen", sa.DateTime),
    sa.Column("text_status", sa.String(16)), sa.Column("text_error", sa.Text),
    sa.Column("text_length", sa.Integer, default=0),
    sa.Column("boilerplate", sa.Text, default="[]"),     # page furniture the cleaner removed, as a JSON list
    sa.Column("origin", sa.String(16), default="feed"),   # feed / import
    sa.Column("event_id", sa.String(64), index=True),
    sa.Column("quoted", sa.Boolean, default=False, nullable=False),  # quotes extracted (possibly none)
    # What an analysis step could not do with this article ("quotes: failed (…)", "quotes: first 100,000 of
    # 4,600,000 characters"); a step that failed on an article does not start on it again.
    sa.Column("analysis_notes", sa.Text),
)

# Composite indexes for the dashboard's per-outlet and per-event aggregates.
sa.Index("ix_articles_outlet_event", articles.c.outlet, articles.c.event_id)
sa.Index("ix_articles_event_outlet_published", articles.c.event_id, articles.c.outlet, articles.c.published)
sa.Index("ix_articles_published_outlet", articles.c.published, articles.c.outlet)
# the few articles dated only by when they were first seen, per event: the Overview states such a first report
# apart (Store.event_first_seen) without reading every article row
_SEEN = articles.c.date_source == "first-seen"
sa.Index("ix_articles_first_seen", articles.c.event_id, articles.c.published, sqlite_where=_SEEN, postgresql_where=_SEEN)

events = sa.Table(
    "events", metadata,
    sa.Column("id", sa.String(64), primary_key=True),
    sa.Column("label", sa.Text), sa.Column("terms", sa.Text, default="[]"), sa.Column("topics", sa.Text, default="[]"),
    sa.Column("first_published", sa.DateTime, index=True), sa.Column("last_published", sa.DateTime, index=True),
    sa.Column("n_articles", sa.Integer), sa.Column("n_outlets", sa.Integer),
    sa.Column("n_reprints", sa.Integer, default=0), sa.Column("n_original_outlets", sa.Integer),
    sa.Column("updated", sa.DateTime),
)
# The Overview's order (breadth first), so a ranked and limited query reads events in order and stops.
sa.Index("ix_events_rank", events.c.n_original_outlets.desc(), events.c.n_articles.desc(),
         events.c.last_published.desc())

# A user's corrections of events, kept apart from the clusterer's output and applied over it after every
# analysis: each pins articles to an event (the last pin of an article wins) until it is undone.
event_corrections = sa.Table(
    "event_corrections", metadata,
    sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
    sa.Column("kind", sa.String(16), nullable=False),          # merge / move / split-out
    sa.Column("event_id", sa.String(64), index=True),           # the event acted on
    sa.Column("target_id", sa.String(64), index=True),          # where its articles went
    sa.Column("article_id", sa.String(200)),                    # the article moved (move, split-out)
    sa.Column("reason", sa.Text, default=""),
    sa.Column("created", sa.DateTime), sa.Column("undone", sa.DateTime),
)
correction_pins = sa.Table(
    "correction_pins", metadata,
    sa.Column("correction_id", sa.Integer, primary_key=True), sa.Column("article_id", sa.String(200), primary_key=True),
    sa.Column("from_event", sa.String(64)), sa.Column("to_event", sa.String(64)),
)
sa.Index("ix_correction_pins_article", correction_pins.c.article_id)
# Events merged away (by the clusterer or a user): a link to one opens the event it went into.
event_aliases = sa.Table(
    "event_aliases", metadata,
    sa.Column("id", sa.String(64), primary_key=True), sa.Column("event_id", sa.String(64), nullable=False),
    sa.Column("by", sa.String(16)), sa.Column("created", sa.DateTime),   # by: clusterer / user
)

quotes = sa.Table(
    "quotes", metadata,
    sa.Column("article_id", sa.String(200), primary_key=True), sa.Column("n", sa.Integer, primary_key=True),
    sa.Column("quote", sa.Text), sa.Column("quote_start", sa.Integer), sa.Column("quote_end", sa.Integer),
    sa.Column("kind", sa.String(16)), sa.Column("cue", sa.String(80)),
    sa.Column("speaker", sa.Text), sa.Column("canonical_speaker", sa.Text, index=True),
    sa.Column("speaker_start", sa.Integer), sa.Column("speaker_end", sa.Integer),
    sa.Column("speaker_type", sa.String(16)), sa.Column("speaker_role", sa.Text),
    sa.Column("speaker_how", sa.Text, default=""),   # how the shown name was reached from the mention
    # Derived at write time so the Named sources page can aggregate in SQL.
    sa.Column("words", sa.Integer, default=0), sa.Column("official", sa.Boolean, default=False),
    # The words run into the end of a text that stops mid-sentence (a feed's excerpt): shown as cut off.
    sa.Column("cut_off", sa.Boolean, default=False),
)

reprints = sa.Table(
    "reprints", metadata,
    sa.Column("id", sa.String(200), primary_key=True),
    sa.Column("original_id", sa.String(200), index=True), sa.Column("original_outlet", sa.String(200)),
    sa.Column("score", sa.Float), sa.Column("changes", sa.Text, default="{}"),
    sa.Column("event_id", sa.String(64), index=True),
    # original_id is empty when the original is not in the store ("derived from RT (not in the store)").
    sa.Column("kind", sa.String(32), default=""), sa.Column("evidence", sa.Text, default="[]"),
)

# One row per setting of the store itself: the schema version it was last opened with.
store_meta = sa.Table(
    "store_meta", metadata,
    sa.Column("key", sa.String(64), primary_key=True), sa.Column("value", sa.Text),
)

# Bump when a release changes the schema; add a step to MIGRATIONS when existing rows need more than
# a new column with its default (new columns and indexes are added by Store() itself).
SCHEMA_VERSION = 7


def _fill_date_precision(c: sa.Connection) -> None:
    """Schema 3 (the date model): rows written before it get a precision. Undated rows: none. An import's
    midnight was a date-only value (earlier releases imported ISO dates only, and a time of exactly 00:00
    is rare); every other time is exact. Undated imports recorded their source as "unknown": the import."""
    c.execute(sa.update(articles).where(articles.c.published.is_(None), articles.c.date_precision.is_(None))
              .values(date_precision="none"))
    rows = c.execute(sa.select(articles.c.id, articles.c.published).where(
        articles.c.origin == "import", articles.c.published.is_not(None), articles.c.date_precision.is_(None)))
    days = [r.id for r in rows if _as_dt(r.published).time() == datetime.min.time()]
    for i in range(0, len(days), 500):
        c.execute(sa.update(articles).where(articles.c.id.in_(days[i:i + 500])).values(date_precision="date"))
    c.execute(sa.update(articles).where(articles.c.date_precision.is_(None)).values(date_precision="exact"))
    c.execute(sa.update(articles).where(articles.c.origin == "import", sa.or_(
        articles.c.date_source.is_(None), articles.c.date_source == "unknown")).values(date_source="import"))


def _midnight_is_a_date(c: sa.Connection) -> None:
    """Schema 5: a feed, page or file time of exactly 00:00:00 is a date written as midnight (core.dates), so
    stored ones read as exact times become dates; only UTC midnights can still be told (a "+0300" midnight
    was stored as 21:00 the day before). First-seen times are framelens's own clock and stay exact."""
    rows = c.execute(sa.select(articles.c.id, articles.c.published).where(
        articles.c.date_precision == "exact", articles.c.published.is_not(None),
        articles.c.date_source.in_(("feed", "page", "import", "file"))))
    days = [r.id for r in rows if _as_dt(r.published).time() == datetime.min.time()]
    for i in range(0, len(days), 500):
        c.execute(sa.update(articles).where(articles.c.id.in_(days[i:i + 500])).values(date_precision="date"))


# An article's time when it gives a day (exact or date-only), else NULL: what dates an event. A year alone is stored
# as its 1 January (core.dates) and would date the event to New Year's Day.
_DAY_TIME = sa.case((articles.c.date_precision.in_(("exact", "date")), articles.c.published))


def _events_dated_by_days(c: sa.Connection) -> None:
    """Schema 6: an event is dated by its reports with a day (Store._recount); one holding a report dated only by
    its year (stored at 1 January) was dated from New Year's Day: its first and last times are read again."""
    held = sa.select(articles.c.event_id).where(articles.c.date_precision == "year", articles.c.event_id.is_not(None))
    q = (sa.select(articles.c.event_id, sa.func.min(_DAY_TIME).label("lo"), sa.func.max(_DAY_TIME).label("hi"))
         .where(articles.c.event_id.in_(held)).group_by(articles.c.event_id))
    for r in c.execute(q).all():
        if r.lo is not None:
            c.execute(sa.update(events).where(events.c.id == r.event_id).values(first_published=r.lo,
                                                                                last_published=r.hi))


def _quotes_at_the_text_end(c: sa.Connection) -> None:
    """Schema 7: a quote running into the end of a text that stops mid-sentence is marked cut off; rows written
    before had no mark, so the articles holding a quote that ends where their text ends are quoted again."""
    held = (sa.select(quotes.c.article_id).select_from(quotes.join(articles, articles.c.id == quotes.c.article_id))
            .where(quotes.c.quote_end >= articles.c.text_length - 2))
    c.execute(sa.update(articles).where(articles.c.id.in_(held)).values(quoted=False))


MIGRATIONS: dict[int, "Callable[[sa.Connection], None]"] = {
    3: _fill_date_precision,
    # 4: named sources are settled and made canonical per event (issue 16): quotes are derived data, so
    # every article is marked for a fresh extraction, which the next analyse does (and replaces its rows).
    4: lambda c: c.execute(sa.update(articles).values(quoted=False)),
    5: _midnight_is_a_date,
    6: _events_dated_by_days,
    7: _quotes_at_the_text_end,
}

ARTICLE_FIELDS = [c.name for c in articles.columns]
QUOTE_FIELDS = [c.name for c in quotes.columns if c.name not in ("article_id", "n", "words", "official")]
UNRESOLVED = "(unresolved pronoun)"

# -- full-text search (core.search parses the queries) ------------------------------------------------
# SQLite: an FTS5 index over the articles table's own rows (external content, so the text is stored
# once), kept in sync by triggers on every insert, update and delete. Accents are kept ("café" is not
# "cafe"), as PostgreSQL's 'simple' configuration keeps them: both backends find the same articles.
_fts = sa.table("articles_fts", sa.column("rowid"), sa.column("articles_fts"))
SQLITE_SEARCH_DDL = [
    "CREATE VIRTUAL TABLE IF NOT EXISTS articles_fts USING fts5(title, summary, text, content='articles', "
    "content_rowid='rowid', tokenize='unicode61 remove_diacritics 0')",
    "CREATE TRIGGER IF NOT EXISTS articles_fts_insert AFTER INSERT ON articles BEGIN "
    "INSERT INTO articles_fts(rowid, title, summary, text) VALUES (new.rowid, new.title, new.summary, new.text); END",
    "CREATE TRIGGER IF NOT EXISTS articles_fts_delete AFTER DELETE ON articles BEGIN "
    "INSERT INTO articles_fts(articles_fts, rowid, title, summary, text) "
    "VALUES ('delete', old.rowid, old.title, old.summary, old.text); END",
    "CREATE TRIGGER IF NOT EXISTS articles_fts_update AFTER UPDATE OF title, summary, text ON articles BEGIN "
    "INSERT INTO articles_fts(articles_fts, rowid, title, summary, text) "
    "VALUES ('delete', old.rowid, old.title, old.summary, old.text); "
    "INSERT INTO articles_fts(rowid, title, summary, text) VALUES (new.rowid, new.title, new.summary, new.text); END",
]
# PostgreSQL: the words of the first 100,000 characters of title, summary and text ('simple': no
# stemming, no stop words, as FTS5's tokenizer), indexed by expression. The cap keeps every article
# under tsvector's 1 MB limit, past which an insert would fail; news articles are far shorter.
PG_DOCUMENT = ("to_tsvector('simple'::regconfig, left(coalesce(articles.title, '') || ' ' || "
               "coalesce(articles.summary, '') || ' ' || coalesce(articles.text, ''), 100000))")
PG_SEARCH_INDEX = "CREATE INDEX IF NOT EXISTS ix_articles_fulltext ON articles USING gin ((" + PG_DOCUMENT + "))"

# -- outlet metadata a user may set (imported outlets arrive with none) ------------------------------
EDITABLE = ("country", "ownership", "groups")
MAX_GROUPS, MAX_GROUP_CHARS = 20, 40


def check_outlet_meta(country=None, ownership=None, groups=None) -> dict:
    """Normalised outlet metadata (None where not given); a bad value raises ValueError naming the field."""
    out: dict = {"country": None, "ownership": None, "groups": None}
    if country is not None:
        code = str(country).strip().upper()
        if code and not re.fullmatch(r"[A-Z]{2}", code):
            raise ValueError(f"country: {str(country)[:40]!r} is not a two-letter country code (ISO 3166, e.g. US)")
        out["country"] = code
    if ownership is not None:
        kind = str(ownership).strip().lower()
        if kind and kind not in OWNERSHIP:
            raise ValueError(f"ownership: {str(ownership)[:40]!r} is not one of {', '.join(OWNERSHIP)}")
        out["ownership"] = kind
    if groups is not None:
        if isinstance(groups, str):
            groups = groups.split(",")
        names = list(dict.fromkeys(" ".join(str(g).split()) for g in groups))
        names = [g for g in names if g]
        bad = [g for g in names if len(g) > MAX_GROUP_CHARS or not g.isprintable()]
        if bad:
            raise ValueError(f"groups: {bad[0][:60]!r} is longer than {MAX_GROUP_CHARS} characters or holds "
                             "control characters")
        if len(names) > MAX_GROUPS:
            raise ValueError(f"groups: {len(names)} given, at most {MAX_GROUPS}")
        out["groups"] = names
    return out


def _utc_naive(dt: datetime | None) -> datetime | None:
    """Stored datetimes are naive UTC so SQLite and PostgreSQL compare them alike."""
    if dt is None:
        return None
    return dt.astimezone(timezone.utc).replace(tzinfo=None) if dt.tzinfo else dt


# Reads that are marks of the dashboard's data version, alone (Store.corrections_mark …) and together
# (Store.version_marks).
_LAST_CORRECTION = sa.select(sa.func.max(event_corrections.c.id))
_CORRECTIONS_UNDONE = sa.select(sa.func.count()).select_from(event_corrections).where(
    event_corrections.c.undone.is_not(None))


def _meta_value(key: str):
    """The store_meta value under key."""
    return sa.select(store_meta.c.value).where(store_meta.c.key == key)


def store_fault(e: BaseException) -> str | None:
    """One line saying why the store itself could not be written (disk full, read-only file, locked,
    connection lost), or None when the error is about the data being written (a row the database refuses).
    A store fault is no feed's or row's fault: nothing is to be blamed, retried row by row, or backed off."""
    orig = getattr(e, "orig", None) or e
    if not (isinstance(e, (sa.exc.OperationalError, sa.exc.InterfaceError))
            or type(orig).__name__ in ("OperationalError", "InterfaceError")):
        return None
    text = str(orig).strip()
    return (text.splitlines()[0] if text else type(orig).__name__)[:200]


class Store:
    """Database access for every other module and page."""

    def __init__(self, db: str | None = None):
        self.url = resolve_db(db)
        self.engine = sa.create_engine(self.url, future=True, pool_pre_ping=True)
        if self.engine.dialect.name == "sqlite":
            sa_event.listen(self.engine, "connect", _sqlite_pragmas)
        metadata.create_all(self.engine)
        self._add_new_columns()
        self._add_new_indexes()
        self._add_search_index()
        self._migrate()
        set_user_aliases(self.outlet_aliases())

    def _add_new_columns(self) -> None:
        """A store made by an older framelens lacks the columns added since: add each with its default,
        so every stored row is kept and reads the default until something fills it in."""
        prep = self.engine.dialect.identifier_preparer
        with self.engine.connect() as c:
            insp = sa.inspect(c)
            have = {t.name: {col["name"] for col in insp.get_columns(t.name)} for t in metadata.sorted_tables}
        for table in metadata.sorted_tables:
            for col in table.columns:
                if col.name in have[table.name]:
                    continue
                default = _literal_default(col)
                ddl = (f"ALTER TABLE {prep.format_table(table)} ADD COLUMN "
                       f"{'IF NOT EXISTS ' if self.dialect == 'postgresql' else ''}{prep.format_column(col)} "
                       f"{col.type.compile(dialect=self.engine.dialect)}")
                if default is not None:
                    ddl += f" DEFAULT {default}" + ("" if col.nullable else " NOT NULL")
                try:
                    with self.engine.begin() as c:
                        c.exec_driver_sql(ddl)
                except sa.exc.OperationalError as e:
                    # Another process opening the same old store at the same moment added it first.
                    if "duplicate column" not in str(e).lower():
                        raise

    def _migrate(self) -> None:
        """Run the data steps between the store's recorded schema version and this release's."""
        with self.engine.begin() as c:
            row = c.execute(_meta_value("schema_version")).scalar()
            have = int(row) if row and str(row).isdigit() else 1   # 0.1.0 recorded no version
            if have > SCHEMA_VERSION:
                raise RuntimeError(f"this store was written by a newer framelens (schema {have}, this release "
                                   f"reads up to {SCHEMA_VERSION}): upgrade framelens to open it")
            for version in range(have + 1, SCHEMA_VERSION + 1):
                if version in MIGRATIONS:
                    MIGRATIONS[version](c)
            if have != SCHEMA_VERSION:
                c.execute(self._insert(store_meta).values(key="schema_version", value=str(SCHEMA_VERSION))
                          .on_conflict_do_update(index_elements=["key"], set_={"value": str(SCHEMA_VERSION)}))

    def schema_version(self) -> int:
        """The schema version this store is at."""
        with self.engine.connect() as c:
            return int(c.execute(_meta_value("schema_version")).scalar())

    def _add_new_indexes(self) -> None:
        """create_all() makes missing tables with their indexes, but not an index added to a table that
        exists: a store made by an older framelens gets the ones it lacks here."""
        with self.engine.connect() as c:
            have = {t: {ix["name"] for ix in sa.inspect(c).get_indexes(t)} for t in metadata.tables}
        for table in metadata.sorted_tables:
            for ix in table.indexes:
                if ix.name not in have[table.name]:
                    ix.create(self.engine)

    @property
    def dialect(self) -> str:
        return self.engine.dialect.name

    def _insert(self, table):
        """An INSERT that skips rows whose key already exists, so reruns add nothing twice."""
        if self.dialect == "postgresql":
            from sqlalchemy.dialects.postgresql import insert
        else:
            from sqlalchemy.dialects.sqlite import insert
        return insert(table)

    # -- outlets and feeds -------------------------------------------------------------------
    def save_outlets(self, catalog: Iterable[Outlet]) -> None:
        """Insert or update outlets and register their feeds (feed health is kept)."""
        with self.engine.begin() as c:
            for o in catalog:
                row = fit(outlets, dict(name=o.name, homepage=o.homepage, country=o.country, language=o.language,
                                        ownership=o.ownership, groups=json.dumps(o.groups)))
                stmt = self._insert(outlets).values(**row)
                # Fields the user edited keep the user's value; the catalog updates the rest.
                keep = {k: sa.case((outlets.c.edited.is_(True), outlets.c[k]), else_=v) if k in EDITABLE else v
                        for k, v in row.items() if k != "name"}
                c.execute(stmt.on_conflict_do_update(index_elements=["name"], set_=keep))
                for url in o.feeds:
                    c.execute(self._insert(feeds).values(**fit(feeds, dict(url=url, outlet=o.name, failures_in_row=0,
                                                                           items_seen=0))).on_conflict_do_nothing())

    def ensure_outlet(self, name: str) -> None:
        """Make sure an outlet row exists (imports name outlets the catalog may lack)."""
        with self.engine.begin() as c:
            c.execute(self._insert(outlets).values(**fit(outlets, dict(name=name, groups="[]"))).on_conflict_do_nothing())

    def feed_state(self) -> dict[str, dict]:
        """Every feed's stored row, by URL."""
        with self.engine.connect() as c:
            return {r.url: dict(r._mapping) for r in c.execute(sa.select(feeds))}

    def record_feed(self, url: str, outlet: str, **fields) -> None:
        """Update one feed's health after a fetch."""
        row = fit(feeds, dict(url=url, outlet=outlet, **fields))
        with self.engine.begin() as c:
            c.execute(self._insert(feeds).values(url=row["url"], outlet=row["outlet"]).on_conflict_do_nothing())
            c.execute(sa.update(feeds).where(feeds.c.url == row["url"])
                      .values(**{k: v for k, v in row.items() if k not in ("url", "outlet")}))

    # -- articles ------------------------------------------------------------------------------
    def known_ids(self, ids: Iterable[str]) -> set[str]:
        """Which of these article ids are already stored."""
        ids = list(ids)
        found: set[str] = set()
        with self.engine.connect() as c:
            for i in range(0, len(ids), 500):
                chunk = ids[i:i + 500]
                found.update(r[0] for r in c.execute(sa.select(articles.c.id).where(articles.c.id.in_(chunk))))
        return found

    def stored_urls(self, outlet: str, urls: Iterable[str]) -> set[str]:
        """Which of these URLs are stored for this outlet."""
        urls = list(dict.fromkeys(urls))
        found: set[str] = set()
        with self.engine.connect() as c:
            for i in range(0, len(urls), 500):
                chunk = urls[i:i + 500]
                found.update(r[0] for r in c.execute(sa.select(articles.c.url).where(
                    articles.c.outlet == outlet, articles.c.url.in_(chunk))))
        return found

    def url_outlets(self, urls: Iterable[str]) -> dict[str, str]:
        """The outlet each of these URLs is stored for (the first by name when several are)."""
        urls = list(dict.fromkeys(u for u in urls if u))
        found: dict[str, str] = {}
        with self.engine.connect() as c:
            for i in range(0, len(urls), 500):
                q = (sa.select(articles.c.url, sa.func.min(articles.c.outlet)).where(articles.c.url.in_(urls[i:i + 500]))
                     .group_by(articles.c.url))
                found.update((u, o) for u, o in c.execute(q))
        return found

    def add_articles(self, items: Iterable[Article], origin: str = "feed") -> int:
        """Insert complete articles in one transaction; existing ids are left as they are."""
        rows = [self._article_row(a, origin) for a in items]
        if not rows:
            return 0
        new = 0
        with self.engine.begin() as c:
            for i in range(0, len(rows), 500):
                chunk = rows[i:i + 500]
                ids = [r["id"] for r in chunk]
                # Counting what exists first is cheap (primary key) where count(*) would scan the table.
                have = {r[0] for r in c.execute(sa.select(articles.c.id).where(articles.c.id.in_(ids)))}
                c.execute(self._insert(articles).on_conflict_do_nothing(), chunk)
                new += len(set(ids) - have)
        return new

    @staticmethod
    def _article_row(a: Article, origin: str) -> dict:
        return fit(articles, dict(
            id=imported_id(a.id) if origin == "import" else a.id, outlet=a.outlet or "unknown", title=a.title or "",
            title_flag=a.title_flag, text=a.text or "", summary=a.summary or "",
            url=a.url, guid=a.guid, feed_url=a.feed_url, author=a.author, categories=json.dumps(a.categories or []),
            language=a.language, published=_utc_naive(a.published), date_precision=a.date_precision,
            date_source=a.date_source, date_flag=a.date_flag,
            first_seen=_utc_naive(a.first_seen), text_status=a.text_status, text_error=a.text_error,
            text_length=len(a.text or ""), boilerplate=json.dumps(list(getattr(a, "boilerplate", None) or [])),
            origin=origin, event_id=None, quoted=False))

    def set_events(self, assignments: dict[str, str]) -> None:
        """Record the event of each article id."""
        with self.engine.begin() as c:
            self._set_events(c, assignments)
            self._mark_analysed(c)

    @staticmethod
    def _set_events(c, assignments: dict[str, str]) -> None:
        if assignments:
            c.execute(sa.update(articles).where(articles.c.id == sa.bindparam("aid"))
                      .values(event_id=sa.bindparam("eid")),
                      [{"aid": k, "eid": v} for k, v in assignments.items()])

    def save_clustering(self, assignments: dict[str, str], summaries, merged: dict[str, str],
                        undated: dict[str, str] | None = None) -> None:
        """Article events, event rows and merges in one transaction: a crash leaves all or nothing.
        undated: {article id: flag} of articles whose stored date is dropped (its first_seen stays)."""
        with self.engine.begin() as c:
            for aid, flag in (undated or {}).items():
                c.execute(sa.update(articles).where(articles.c.id == aid).values(
                    published=None, date_precision="none", date_flag=flag))
            self._set_events(c, assignments)
            self._save_events(c, summaries, merged)

    def unclustered(self, max_chars: int | None = None) -> list[dict]:
        """Articles not yet assigned to an event, oldest first (text cut to `max_chars`); an article that
        clustering failed on is done, with its note, and not tried again."""
        # An event id with no event row can only come from an older, interrupted version: redo those too.
        orphan = articles.c.event_id.not_in(sa.select(events.c.id))
        failed = articles.c.analysis_notes.like(contains(f"{EVENTS_STEP}: failed"), escape="\\")
        q = sa.select(*self._cluster_cols(max_chars)).where(sa.or_(articles.c.event_id.is_(None), orphan),
                                                            sa.or_(articles.c.analysis_notes.is_(None), ~failed)
                                                            ).order_by(articles.c.published)
        return self._dicts(q)

    @staticmethod
    def _cluster_cols(max_chars: int | None = None) -> list:
        """What the clusterer reads of an article (its text cut to `max_chars`)."""
        return [_text(max_chars) if n == "text" else articles.c[n]
                for n in ("id", "outlet", "title", "text", "published", "date_precision", "date_source",
                          "date_flag", "first_seen", "categories", "language", "text_status")]

    def unquoted(self, max_chars: int | None = None) -> list[dict]:
        """Articles whose quotes have not been extracted yet (text cut to `max_chars`, its full length
        given), with language and event, which quote extraction reads."""
        q = sa.select(articles.c.id, articles.c.outlet, articles.c.title, _text(max_chars), articles.c.language,
                      articles.c.text_length, articles.c.event_id).where(articles.c.quoted.is_(False)).order_by(
            articles.c.published)
        return self._dicts(q)

    def clustered_since(self, since: datetime | None, max_chars: int | None = None) -> list[dict]:
        """Articles with an event published since `since` (all when None): the clusterer's memory."""
        q = sa.select(*self._cluster_cols(max_chars), articles.c.event_id).where(articles.c.event_id.is_not(None))
        if since is not None:
            q = q.where(articles.c.published >= _utc_naive(since))
        return self._dicts(q.order_by(articles.c.published))

    def events_ending(self, since: datetime, until: datetime) -> list[dict]:
        """Id and key terms of the events whose last article lies in [since, until): no article is read."""
        q = sa.select(events.c.id, events.c.terms).where(events.c.last_published >= _utc_naive(since),
                                                         events.c.last_published < _utc_naive(until))
        with self.engine.connect() as c:
            return [{"id": r.id, "terms": _json(r.terms, [])} for r in c.execute(q)]

    def _dicts(self, q) -> list[dict]:
        with self.engine.connect() as c:
            rows = [dict(r._mapping) for r in c.execute(q)]
        for r in rows:
            for k in ("published", "first_seen"):
                if r.get(k) is not None:
                    r[k] = _as_dt(r[k])
            if "categories" in r:
                r["categories"] = json.loads(r["categories"] or "[]")
            if "boilerplate" in r:
                r["boilerplate"] = _json(r["boilerplate"], [])
        return rows

    def event_articles(self, event_ids: list[str], max_chars: int | None = None) -> list[dict]:
        """Every article (with text, cut to `max_chars`) of these events."""
        out: list[dict] = []
        cols = [_text(max_chars) if n == "text" else articles.c[n]
                for n in ("id", "outlet", "title", "text", "url", "published", "date_precision", "date_source",
                          "date_flag", "text_status", "text_length", "event_id", "categories", "language",
                          "boilerplate", "analysis_notes")]
        for i in range(0, len(event_ids), 500):
            out += self._dicts(sa.select(*cols).where(articles.c.event_id.in_(event_ids[i:i + 500])))
        return out

    # -- events: languages, corrections --------------------------------------------------------------
    def merge_events(self, source: str, target: str, reason: str = "") -> int:
        """A user's merge: every article of `source` goes to `target`, and stays there; returns its id."""
        with self.engine.begin() as c:
            self._need_events(c, source, target)
            if source == target:
                raise ValueError("an event cannot be merged with itself")
            moved = self._ids_of(c, source)
            pins = [(aid, source, target) for aid in sorted(moved)] + \
                [(aid, target, target) for aid in sorted(self._ids_of(c, target))]
            cid = self._correction(c, "merge", source, target, None, reason, pins)
            self._merge_event(c, source, target, "user", self._now())
            self._recount(c, [target])
            return cid

    def move_article(self, article_id: str | list[str], target: str, reason: str = "") -> int:
        """A user's move of one article, or several of one event, into another event, where they stay; returns the
        correction's id (one correction: one undo takes them all back)."""
        with self.engine.begin() as c:
            ids, source = self._of_one_event(c, article_id)
            self._need_events(c, target)
            if source == target:
                raise ValueError(f"article {ids[0]!r} is already in event {target!r}")
            cid = self._correction(c, "move", source, target, ids[0], reason, [(a, source, target) for a in ids])
            self._apply_corrections(c)
            self._recount(c, [x for x in (source, target) if x])
            self._drop_if_empty(c, source, target)
            return cid

    def split_out(self, article_id: str | list[str], reason: str = "") -> tuple[int, str]:
        """A user's move of one article, or several of one event, out to one new event of their own (a blend of
        two happenings is split in one step); returns (correction id, new event id)."""
        import hashlib
        with self.engine.begin() as c:
            ids, source = self._of_one_event(c, article_id)
            new = "ev-u" + hashlib.sha1(f"{ids[0]}\n{self._now().isoformat()}".encode()).hexdigest()[:11]
            title = c.execute(sa.select(articles.c.title).where(articles.c.id == ids[0])).scalar() or ""
            c.execute(self._insert(events).values(id=new, label=title, terms="[]", topics="[]", updated=self._now())
                      .on_conflict_do_nothing())
            cid = self._correction(c, "split-out", source, new, ids[0], reason, [(a, source, new) for a in ids])
            self._apply_corrections(c)
            self._recount(c, [x for x in (source, new) if x])
            self._drop_if_empty(c, source, new)
            return cid, new

    def _of_one_event(self, c, article_ids: str | list[str]) -> tuple[list[str], str | None]:
        """The articles a user moves, deduplicated in order, and the one event they all come from."""
        ids = list(dict.fromkeys([article_ids] if isinstance(article_ids, str) else article_ids))
        if not ids:
            raise ValueError("no article given to move")
        source = self._event_of(c, ids[0])
        for a in ids[1:]:
            if (other := self._event_of(c, a)) != source:
                raise ValueError(f"article {a!r} is in event {other!r}, not {source!r}: move articles of one event at a time")
        return ids, source

    def undo_correction(self, correction_id: int) -> None:
        """Take a correction back: its articles return to the events they came from (or where those went)."""
        with self.engine.begin() as c:
            row = c.execute(sa.select(event_corrections).where(event_corrections.c.id == correction_id)).first()
            if row is None:
                raise ValueError(f"no correction {correction_id}")
            if row.undone is not None:
                return
            c.execute(sa.update(event_corrections).where(event_corrections.c.id == correction_id)
                      .values(undone=self._now()))
            pins = c.execute(sa.select(correction_pins).where(correction_pins.c.correction_id == correction_id)).all()
            if row.kind == "merge":   # the merged-away event comes back under its own id
                c.execute(sa.delete(event_aliases).where(event_aliases.c.id == row.event_id))
                label = c.execute(sa.select(events.c.label, events.c.terms, events.c.topics)
                                  .where(events.c.id == row.target_id)).first()
                c.execute(self._insert(events).values(id=row.event_id, label=label.label if label else "",
                                                      terms=label.terms if label else "[]",
                                                      topics=label.topics if label else "[]", updated=self._now())
                          .on_conflict_do_nothing())
            back = {}
            for p in pins:
                if p.from_event and self._event_of(c, p.article_id) == p.to_event:
                    if row.kind != "merge":
                        self._revive_emptied(c, p.from_event, p.to_event, p.article_id)
                    back[p.article_id] = self._current_event(c, p.from_event) or p.from_event
            self._set_events(c, back)
            touched = self._apply_corrections(c) | set(back.values()) | {row.target_id}
            self._recount(c, sorted(x for x in touched if x))

    def corrections_mark(self) -> tuple[int, int]:
        """(latest correction id, corrections undone): changes with every correction and every undo."""
        with self.engine.connect() as c:
            last = c.execute(_LAST_CORRECTION).scalar() or 0
            undone = c.execute(_CORRECTIONS_UNDONE).scalar_one()
        return int(last), int(undone)

    def corrections(self, event_id: str | None = None) -> pd.DataFrame:
        """Corrections (newest first), those touching one event when given, with the articles they moved."""
        q = sa.select(event_corrections).order_by(event_corrections.c.id.desc())
        if event_id is not None:
            q = q.where(sa.or_(event_corrections.c.event_id == event_id, event_corrections.c.target_id == event_id))
        with self.engine.connect() as c:
            df = pd.read_sql(q, c)
            pins = pd.read_sql(sa.select(correction_pins.c.correction_id, correction_pins.c.article_id)
                               .where(correction_pins.c.correction_id.in_([int(x) for x in df["id"]])), c)
        df["articles"] = df["id"].map(pins.groupby("correction_id")["article_id"].apply(list)).map(
            lambda v: v if isinstance(v, list) else [])
        for col in ("created", "undone"):
            df[col] = pd.to_datetime(df[col], utc=True)
        return df

    def pinned(self, article_ids: list[str]) -> dict[str, int]:
        """Articles among these that a user placed, with the correction that placed them."""
        out: dict[str, int] = {}
        with self.engine.connect() as c:
            for i in range(0, len(article_ids), 500):
                q = (sa.select(correction_pins.c.article_id, correction_pins.c.correction_id)
                     .select_from(correction_pins.join(event_corrections,
                                                       event_corrections.c.id == correction_pins.c.correction_id))
                     .where(correction_pins.c.article_id.in_(article_ids[i:i + 500]), event_corrections.c.undone.is_(None))
                     .order_by(correction_pins.c.correction_id))
                out.update({r[0]: r[1] for r in c.execute(q)})
        return out

    def resolve_event(self, event_id: str) -> tuple[str | None, str | None]:
        """(the event to show, a note): the event itself; the one it was merged into, saying so; or (None,
        "not found")."""
        with self.engine.connect() as c:
            if c.execute(sa.select(events.c.id).where(events.c.id == event_id)).first():
                return event_id, None
            cur, by, when = event_id, None, None
            for _ in range(100):   # follow merges of merges; a cycle cannot loop forever
                row = c.execute(sa.select(event_aliases).where(event_aliases.c.id == cur)).first()
                if row is None:
                    break
                cur, by, when = row.event_id, by or row.by, row.created
                if c.execute(sa.select(events.c.id).where(events.c.id == cur)).first():
                    who = "a user" if by == "user" else "the clustering"
                    day = f" on {when:%Y-%m-%d}" if when else ""
                    return cur, f"Event {event_id} was merged into this event by {who}{day}."
        return None, f"Event {event_id} was not found."

    def _correction(self, c, kind: str, event_id: str | None, target: str, article_id: str | None, reason: str,
                    pins: list[tuple[str, str | None, str]]) -> int:
        """Record a correction and the articles it pins; returns its id."""
        res = c.execute(sa.insert(event_corrections).values(kind=kind, event_id=event_id, target_id=target,
                                                            article_id=article_id, reason=(reason or "")[:2000],
                                                            created=self._now()))
        cid = int(res.inserted_primary_key[0])
        if pins:
            c.execute(sa.insert(correction_pins), [dict(correction_id=cid, article_id=a, from_event=f, to_event=t)
                                                   for a, f, t in pins])
        return cid

    def _apply_corrections(self, c) -> set[str]:
        """Put every pinned article where its latest active correction put it (after the clusterer has run,
        which may have moved it); returns the events that changed."""
        q = (sa.select(correction_pins.c.article_id, correction_pins.c.to_event, articles.c.event_id)
             .select_from(correction_pins.join(event_corrections, event_corrections.c.id == correction_pins.c.correction_id)
                          .join(articles, articles.c.id == correction_pins.c.article_id))
             .where(event_corrections.c.undone.is_(None)).order_by(correction_pins.c.correction_id))
        want, have = {}, {}
        for aid, to, cur in c.execute(q):
            want[aid], have[aid] = self._current_event(c, to) or to, cur
        moves = {a: e for a, e in want.items() if have[a] != e}
        for e in set(moves.values()):   # an event a user made may have lost its row to a merge
            c.execute(self._insert(events).values(id=e, label="", terms="[]", topics="[]", updated=self._now())
                      .on_conflict_do_nothing())
        self._set_events(c, moves)
        return set(moves.values()) | {have[a] for a in moves if have[a]}

    def _current_event(self, c, event_id: str) -> str | None:
        """An event id, or the event it was merged into by the clusterer (a user's own merges are pins)."""
        cur = event_id
        for _ in range(100):
            if c.execute(sa.select(events.c.id).where(events.c.id == cur)).first():
                return cur
            row = c.execute(sa.select(event_aliases.c.event_id).where(event_aliases.c.id == cur)).first()
            if row is None:
                return None
            cur = row[0]
        return None

    def _revive_emptied(self, c, event_id: str, went_to: str, article_id: str) -> None:
        """An event a user emptied by moving its last article (see _drop_if_empty) comes back under its own id
        when that move is undone, so the article returns to it rather than staying where it went."""
        alias = c.execute(sa.select(event_aliases.c.event_id, event_aliases.c.by)
                          .where(event_aliases.c.id == event_id)).first()
        if alias is None or alias.by != "user" or alias.event_id != went_to:
            return
        c.execute(sa.delete(event_aliases).where(event_aliases.c.id == event_id))
        title = c.execute(sa.select(articles.c.title).where(articles.c.id == article_id)).scalar() or ""
        c.execute(self._insert(events).values(id=event_id, label=title, terms="[]", topics="[]", updated=self._now())
                  .on_conflict_do_nothing())

    def _drop_if_empty(self, c, event_id: str | None, went_to: str) -> None:
        """An event a user emptied goes, and a link to it opens the event its last article went to."""
        if event_id and not c.execute(sa.select(articles.c.id).where(articles.c.event_id == event_id).limit(1)).first():
            self._merge_event(c, event_id, went_to, "user", self._now())

    def _need_events(self, c, *ids: str) -> None:
        for e in ids:
            if not c.execute(sa.select(events.c.id).where(events.c.id == e)).first():
                raise ValueError(f"event {e!r} not found")

    def _event_of(self, c, article_id: str) -> str | None:
        row = c.execute(sa.select(articles.c.event_id).where(articles.c.id == article_id)).first()
        if row is None:
            raise ValueError(f"article {article_id!r} not found")
        return row[0]

    def _ids_of(self, c, event_id: str) -> set[str]:
        return {r[0] for r in c.execute(sa.select(articles.c.id).where(articles.c.event_id == event_id))}

    @staticmethod
    def _now() -> datetime:
        return datetime.now(timezone.utc).replace(tzinfo=None)

    def set_languages(self, codes: dict[str, str | None]) -> None:
        """Record the language (ISO 639-1, core.language) of each article id."""
        if codes:
            with self.engine.begin() as c:
                c.execute(sa.update(articles).where(articles.c.id == sa.bindparam("aid"))
                          .values(language=sa.bindparam("lang")),
                          [{"aid": k, "lang": v} for k, v in codes.items()])
                self._mark_analysed(c)

    def language_counts(self, outlets_in=None, start=None, end=None, search=None, topics_in=None) -> dict[str, int]:
        """Articles per language among those matching the filters (None: undetermined)."""
        q = self._filtered([articles.c.language, sa.func.count()], outlets_in, start, end, search,
                           topics_in=topics_in).select_from(articles).group_by(articles.c.language)
        with self.engine.connect() as c:
            return {r[0]: r[1] for r in c.execute(q)}

    def save_events(self, summaries, merged: dict[str, str]) -> None:
        """Upsert event summaries (counts recomputed in SQL) and fold merged-away events into survivors."""
        with self.engine.begin() as c:
            self._save_events(c, summaries, merged)

    def _save_events(self, c, summaries, merged: dict[str, str], by: str = "clusterer") -> None:
        now = datetime.now(timezone.utc).replace(tzinfo=None)
        for old, new in merged.items():
            self._merge_event(c, old, new, by, now)
        for e in summaries:
            row = fit(events, dict(label=e.label, terms=json.dumps(list(e.terms)), topics=json.dumps(list(e.topics)),
                                   updated=now))
            c.execute(self._insert(events).values(id=e.id, **row)
                      .on_conflict_do_update(index_elements=["id"], set_=row))
        touched = self._apply_corrections(c) | {e.id for e in summaries}
        self._recount(c, sorted(touched))
        self._mark_analysed(c)
        # In the same transaction: an event row no article points at (its articles merged or split away)
        # would show as an event without coverage.
        self._drop_empty(c, sorted(touched | set(merged)))

    def _merge_event(self, c, old: str, new: str, by: str, now: datetime) -> None:
        """Fold one event into another: its articles and reprints move, its row goes, a link to it follows."""
        c.execute(sa.update(articles).where(articles.c.event_id == old).values(event_id=new))
        c.execute(sa.update(reprints).where(reprints.c.event_id == old).values(event_id=new))
        c.execute(sa.delete(events).where(events.c.id == old))
        c.execute(sa.delete(event_aliases).where(event_aliases.c.id == new))   # an event that comes back is itself
        alias = dict(event_id=new, by=by, created=now)
        c.execute(self._insert(event_aliases).values(id=old, **alias)
                  .on_conflict_do_update(index_elements=["id"], set_=alias))

    def _recount(self, c, ids: list[str]) -> None:
        """Counts and time span of events from their stored articles. Breadth counts outlets of original
        reporting, a family of derived articles once under its original's outlet, each outlet once
        whatever its spelling (core/reprints.py family_outlet, core/credits.py aliases)."""
        from .reprints import family_outlets
        name = self._outlet_namer(c) if ids else None
        for i in range(0, len(ids), 500):
            chunk = ids[i:i + 500]
            # a year alone counts only when no member gives a day (_DAY_TIME)
            q = (sa.select(articles.c.event_id, sa.func.count().label("n"),
                           sa.func.min(_DAY_TIME).label("day_lo"), sa.func.max(_DAY_TIME).label("day_hi"),
                           sa.func.min(articles.c.published).label("lo"), sa.func.max(articles.c.published).label("hi"))
                 .where(articles.c.event_id.in_(chunk)).group_by(articles.c.event_id))
            rows = c.execute(sa.select(articles.c.event_id, articles.c.id, articles.c.outlet, reprints.c.original_outlet,
                                       reprints.c.id.label("derived"))
                             .select_from(articles.outerjoin(reprints, reprints.c.id == articles.c.id))
                             .where(articles.c.event_id.in_(chunk))).all()
            by_event: dict[str, list] = {}
            for r in rows:
                by_event.setdefault(r.event_id, []).append(r)
            for r in c.execute(q).all():
                members = by_event.get(r.event_id, [])
                derived = sum(1 for m in members if m.derived is not None)
                outlets = {name(m.outlet) for m in members}
                c.execute(sa.update(events).where(events.c.id == r.event_id).values(
                    n_articles=r.n, n_outlets=len(outlets), first_published=r.day_lo if r.day_lo is not None else r.lo,
                    last_published=r.day_hi if r.day_hi is not None else r.hi,
                    n_original_outlets=len(family_outlets(members, name)), n_reprints=derived))

    def save_quotes(self, article_ids: list[str], found) -> None:
        """Replace the quotes of these articles."""
        rows, counter = [], {}
        for q in found:
            d = q if isinstance(q, dict) else q.__dict__
            n = counter[d["article_id"]] = counter.get(d["article_id"], -1) + 1
            row = {"article_id": d["article_id"], "n": n, **{k: d.get(k) for k in QUOTE_FIELDS}}
            name = row.get("canonical_speaker") or row.get("speaker") or ""
            row["words"] = count_words(row.get("quote") or "")
            row["official"] = bool(is_official(row.get("speaker_role")) or
                                   (row.get("speaker_type") == "organisation" and is_official(name)))
            rows.append(fit(quotes, row))
        with self.engine.begin() as c:
            for i in range(0, len(article_ids), 500):
                chunk = article_ids[i:i + 500]
                c.execute(sa.delete(quotes).where(quotes.c.article_id.in_(chunk)))
                c.execute(sa.update(articles).where(articles.c.id.in_(chunk)).values(quoted=True))
            for i in range(0, len(rows), 1000):
                c.execute(sa.insert(quotes), rows[i:i + 1000])
            self._mark_analysed(c)

    def save_reprints(self, article_ids: list[str], found, event_of: dict[str, str]) -> None:
        """Replace reprint verdicts for these articles and refresh their events' counts."""
        with self.engine.begin() as c:
            for i in range(0, len(article_ids), 500):
                c.execute(sa.delete(reprints).where(reprints.c.id.in_(article_ids[i:i + 500])))
            rows = [fit(reprints, dict(id=r.id, original_id=r.original_id, original_outlet=r.original_outlet,
                                       score=float(r.score), changes=json.dumps(r.changes, default=str),
                                       event_id=event_of.get(r.id), kind=r.kind,
                                       evidence=json.dumps(r.evidence, default=str))) for r in found]
            if rows:
                c.execute(sa.insert(reprints), rows)
            self._recount(c, sorted(set(event_of.values())))
            self._mark_analysed(c)

    # -- syndication: reprint families and outlet aliases ------------------------------------------
    def outlet_aliases(self) -> dict[str, str]:
        """Spellings users merged into an outlet: alias -> outlet."""
        with self.engine.connect() as c:
            return {r.alias: r.outlet for r in c.execute(sa.select(outlet_aliases).order_by(outlet_aliases.c.alias))}

    def set_alias(self, alias: str, outlet: str) -> None:
        """Count `alias` as `outlet` from now on (both names as written); events naming either are recounted."""
        alias, outlet = (alias or "").strip(), (outlet or "").strip()
        if not alias or not outlet:
            raise ValueError("an alias needs both a spelling and the outlet it stands for")
        if len(alias) > 200 or len(outlet) > 200:
            raise ValueError("outlet names are at most 200 characters")
        current = self.outlet_aliases()
        target = current.get(outlet, outlet)            # merging into an alias merges into what it stands for
        if canonical_outlet(target).casefold() == alias.casefold() or target.casefold() == alias.casefold():
            raise ValueError(f"'{alias}' cannot be an alias of itself")
        with self.engine.begin() as c:
            c.execute(self._insert(outlet_aliases).values(alias=alias, outlet=target)
                      .on_conflict_do_update(index_elements=["alias"], set_={"outlet": target}))
            # Aliases of the alias follow it to its new outlet, so no chain is left behind.
            c.execute(sa.update(outlet_aliases).where(outlet_aliases.c.outlet == alias).values(outlet=target))
        self._aliases_changed([alias, outlet, target])

    def remove_alias(self, alias: str) -> bool:
        """Count `alias` as its own outlet again; False when it was no alias."""
        with self.engine.begin() as c:
            gone = c.execute(sa.delete(outlet_aliases).where(outlet_aliases.c.alias == alias)).rowcount
        if gone:
            self._aliases_changed([alias])
        return bool(gone)

    def _outlet_namer(self, c=None):
        """A function naming an outlet for counting: one name per outlet however it is spelled, the spelling
        this store uses for it (so a corpus's "New York Times" stays that, and its "New York Times (News)" joins it)."""
        def read(conn):
            return [r[0] for r in conn.execute(sa.select(outlets.c.name))]
        names = read(c) if c is not None else self._read(read)
        shown: dict[str, str] = {}
        for n in sorted(names):
            canon = canonical_outlet(n)
            if canon not in shown or n == canon:
                shown[canon] = n
        return lambda name: shown.get(canonical_outlet(name), canonical_outlet(name))

    def outlet_names(self) -> pd.DataFrame:
        """Every outlet name in the store and the name it is counted under, with why: a user's alias, or
        a spelling of an outlet framelens knows ("Fox News (Online News)" is Fox News)."""
        name, aliases = self._outlet_namer(), self.outlet_aliases()
        with self.engine.connect() as c:
            names = [r[0] for r in c.execute(sa.select(outlets.c.name).order_by(outlets.c.name))]
        rows = [(n, name(n), "your alias" if n in aliases else "same outlet") for n in names if name(n) != n]
        rows += [(a, o, "your alias") for a, o in aliases.items() if a not in names]
        return pd.DataFrame(rows, columns=["name", "counted as", "why"])

    def _read(self, fn):
        with self.engine.connect() as c:
            return fn(c)

    def _aliases_changed(self, names: list[str]) -> None:
        """Use the new aliases and recount the events whose articles or reprints name any of these outlets."""
        set_user_aliases(self.outlet_aliases())
        with self.engine.begin() as c:
            ids = {r[0] for r in c.execute(sa.select(articles.c.event_id).distinct().where(
                articles.c.outlet.in_(names), articles.c.event_id.is_not(None)))}
            ids |= {r[0] for r in c.execute(sa.select(reprints.c.event_id).distinct().where(
                reprints.c.original_outlet.in_(names), reprints.c.event_id.is_not(None)))}
            self._recount(c, sorted(ids))
            self._mark_analysed(c)

    def event_summary_counts(self) -> dict[str, int]:
        """Per event, how many of its articles are feed summaries only (their page was not read)."""
        q = (sa.select(articles.c.event_id, sa.func.count().label("n"))
             .where(articles.c.event_id.is_not(None), articles.c.text_status == "summary-only")
             .group_by(articles.c.event_id))
        with self.engine.connect() as c:
            return {r.event_id: r.n for r in c.execute(q).all()}

    def mostly_summary_events(self) -> frozenset[str]:
        """Events built mostly from feed summaries (core.coverage.summaries_may_mix): they may join several stories,
        so no report in them is named first and nothing lags (core.coverage.lags)."""
        from .coverage import summaries_may_mix
        q = (sa.select(articles.c.event_id, events.c.n_articles, sa.func.count().label("k"))
             .select_from(articles.join(events, events.c.id == articles.c.event_id))
             .where(articles.c.text_status == "summary-only")
             .group_by(articles.c.event_id, events.c.n_articles))
        with self.engine.connect() as c:
            return frozenset(r.event_id for r in c.execute(q) if summaries_may_mix(r.k, r.n_articles or 0))

    def event_families(self, event_ids: list[str] | None = None) -> pd.DataFrame:
        """(event, outlet) for every outlet an event counts, each family of derived articles once under
        its original's outlet and each outlet under one name (core/reprints.py family_outlets)."""
        from .reprints import family_outlets
        q = (sa.select(articles.c.event_id, articles.c.outlet, reprints.c.original_outlet, reprints.c.id.label("derived"))
             .select_from(articles.outerjoin(reprints, reprints.c.id == articles.c.id))
             .where(articles.c.event_id.is_not(None)))
        rows: list = []
        with self.engine.connect() as c:
            chunks = [None] if event_ids is None else [event_ids[i:i + 500] for i in range(0, len(event_ids), 500)]
            for chunk in chunks:
                rows += c.execute(q if chunk is None else q.where(articles.c.event_id.in_(chunk))).all()
        by_event: dict[str, list] = {}
        for r in rows:
            by_event.setdefault(r.event_id, []).append(r)
        name = self._outlet_namer()
        pairs = [(e, o) for e, members in by_event.items() for o in sorted(family_outlets(members, name))]
        return pd.DataFrame(pairs, columns=["event_id", "outlet"])

    def count_events(self) -> int:
        with self.engine.connect() as c:
            return c.execute(sa.select(sa.func.count()).select_from(events)).scalar_one()

    def topics(self) -> list[str]:
        """Every topic some event carries."""
        with self.engine.connect() as c:
            lists = [json.loads(r[0] or "[]") for r in c.execute(sa.select(events.c.topics).distinct())]
        return sorted({t for ts in lists for t in ts})

    def count_articles(self) -> int:
        with self.engine.connect() as c:
            return c.execute(sa.select(sa.func.count()).select_from(articles)).scalar_one()

    # -- hostile input: event rows consistent with their articles -----------------------------------------
    @staticmethod
    def _drop_empty(c, ids: list[str] | None = None) -> int:
        """Delete the event rows (among `ids`, or all) that no article belongs to; returns how many."""
        empty = sa.delete(events).where(~sa.exists().where(articles.c.event_id == events.c.id))
        if ids is None:
            return c.execute(empty).rowcount or 0
        return sum(c.execute(empty.where(events.c.id.in_(ids[i:i + 500]))).rowcount or 0
                   for i in range(0, len(ids), 500))

    def count_outside(self, start: datetime, end: datetime) -> int:
        """Articles dated before `start` or at or after `end` (two index range counts)."""
        with self.engine.connect() as c:
            return sum(c.execute(sa.select(sa.func.count()).select_from(articles).where(cond)).scalar_one()
                       for cond in (articles.c.published < _utc_naive(start), articles.c.published >= _utc_naive(end)))

    def note_analysis(self, notes: dict[str, str], quoted: bool = False) -> None:
        """Add a note per article id ("step: what happened"); `quoted` also marks them as quote-extracted,
        so that a failed or cut quote extraction is not started again."""
        if not notes:
            return
        with self.engine.begin() as c:
            have = dict(c.execute(sa.select(articles.c.id, articles.c.analysis_notes)
                                  .where(articles.c.id.in_(list(notes)))).all())
            for aid, note in notes.items():
                old = [n for n in (have.get(aid) or "").split("; ") if n and n != note]
                values = {"analysis_notes": clean_value("; ".join(old + [note]))[:_TEXT_CAP]}
                if quoted:
                    values["quoted"] = True
                c.execute(sa.update(articles).where(articles.c.id == aid).values(**values))

    def repair_events(self) -> int:
        """Remove event rows left without articles (an interrupted or concurrent analysis, an older
        release); articles pointing at a missing event are re-clustered by the next pass anyway."""
        with self.engine.begin() as c:
            return self._drop_empty(c)

    # -- reads for the dashboard -------------------------------------------------------------------
    def outlets_df(self) -> pd.DataFrame:
        """Outlets with their groups as lists."""
        with self.engine.connect() as c:
            df = pd.read_sql(sa.select(outlets).order_by(outlets.c.name), c)
        df["groups"] = df["groups"].map(lambda g: json.loads(g) if g else [])
        return df

    def feeds_df(self) -> pd.DataFrame:
        with self.engine.connect() as c:
            return pd.read_sql(sa.select(feeds).order_by(feeds.c.outlet, feeds.c.url), c)

    def _filtered(self, cols, outlets_in=None, start=None, end=None, search=None, text=None, topics_in=None):
        """A SELECT over articles with the dashboard's filters applied in SQL."""
        q = sa.select(*cols)
        if text:
            q = q.where(self._text_match(text))
        if topics_in:   # articles of events with one of these topics
            q = q.where(articles.c.event_id.in_(sa.select(events.c.id).where(_topic_match(topics_in))))
        if outlets_in:
            q = q.where(articles.c.outlet.in_(list(outlets_in)))
        if start is not None:
            q = q.where(articles.c.published >= _utc_naive(_as_dt(start)))
        if end is not None:
            q = q.where(articles.c.published < _utc_naive(_as_dt(end)))
        if search:
            like = contains(search.strip())
            # Bound parameter, never string-formatted SQL: the search box is user input.
            q = q.where(sa.or_(articles.c.title.ilike(like, escape="\\"),
                               articles.c.summary.ilike(like, escape="\\")))
        return q

    def articles_df(self, outlets_in=None, start=None, end=None, search=None, limit: int | None = 1000,
                    with_text: bool = False, text=None, topics_in=None) -> pd.DataFrame:
        """Newest articles matching the filters (at most `limit` rows)."""
        cols = [articles.c[n] for n in ARTICLE_FIELDS if with_text or n != "text"]
        q = self._filtered(cols, outlets_in, start, end, search, text, topics_in).order_by(articles.c.published.desc())
        if limit:
            q = q.limit(limit)
        with self.engine.connect() as c:
            df = pd.read_sql(q, c)
        for col in ("published", "first_seen"):
            df[col] = pd.to_datetime(df[col], utc=True)
        return df

    def count_filtered(self, outlets_in=None, start=None, end=None, search=None, text=None, topics_in=None) -> int:
        # count() names no table, so the FROM must be given: unfiltered, it would count one row.
        q = self._filtered([sa.func.count()], outlets_in, start, end, search, text, topics_in).select_from(articles)
        with self.engine.connect() as c:
            return c.execute(q).scalar_one()

    def daily_counts(self, outlets_in=None, start=None, end=None, search=None, text=None,
                     topics_in=None) -> pd.DataFrame:
        """Articles per outlet per UTC day, counted in the database."""
        day = sa.func.date(articles.c.published).label("day")
        q = self._filtered([day, articles.c.outlet, sa.func.count().label("articles")],
                           outlets_in, start, end, search, text, topics_in).group_by(day, articles.c.outlet).order_by(day)
        with self.engine.connect() as c:
            df = pd.read_sql(q, c)
        df["day"] = pd.to_datetime(df["day"])
        return df

    def date_bounds(self) -> tuple[datetime | None, datetime | None]:
        """Earliest and latest publication time. Two statements, not one: SQLite answers a lone min() or
        max() from the end of the index, but scans the whole index for both at once (13-16 ms at 100k
        articles, against 0.2 ms for the two), and every page run asks."""
        with self.engine.connect() as c:
            lo = c.execute(sa.select(sa.func.min(articles.c.published))).scalar()
            hi = c.execute(sa.select(sa.func.max(articles.c.published))).scalar()
        return _as_dt(lo), _as_dt(hi)

    # -- events, quotes and reprints for the dashboard -------------------------------------------
    def events_df(self, outlets_in=None, start=None, end=None, search=None, topics_in=None,
                  limit: int | None = 1000, text=None) -> pd.DataFrame:
        """Events overlapping the date range, covered by one of the outlets, ranked by breadth."""
        q = sa.select(events)
        if text:  # events with an article whose words match
            q = q.where(events.c.id.in_(sa.select(articles.c.event_id).where(self._text_match(text))))
        if start is not None:
            q = q.where(events.c.last_published >= _utc_naive(_as_dt(start)))
        if end is not None:
            q = q.where(events.c.first_published < _utc_naive(_as_dt(end)))
        if outlets_in:
            q = q.where(sa.exists().where(articles.c.event_id == events.c.id,
                                          articles.c.outlet.in_(list(outlets_in))))
        if topics_in:
            # topics is a JSON list in a text column; the quoted name can't match a longer topic.
            q = q.where(_topic_match(topics_in))
        if search:
            like = contains(search.strip())
            q = q.where(sa.or_(events.c.label.ilike(like, escape="\\"), sa.exists().where(
                articles.c.event_id == events.c.id, articles.c.title.ilike(like, escape="\\"))))
        q = q.order_by(events.c.n_original_outlets.desc(), events.c.n_articles.desc(), events.c.last_published.desc())
        if limit:
            q = q.limit(limit)
        with self.engine.connect() as c:
            df = pd.read_sql(q, c)
        for col in ("terms", "topics"):
            df[col] = df[col].map(lambda v: json.loads(v) if v else [])
        for col in ("first_published", "last_published"):
            df[col] = pd.to_datetime(df[col], utc=True)
        return df

    def event_first_seen(self) -> dict[str, pd.Timestamp]:
        """Per event holding an article dated only by when it was first seen (no date on feed or page), the
        earliest such time: read from a partial index of those few articles, not from every row."""
        q = (sa.select(articles.c.event_id, sa.func.min(articles.c.published).label("seen"))
             .where(_SEEN, articles.c.event_id.is_not(None), articles.c.published.is_not(None))
             .group_by(articles.c.event_id))
        with self.engine.connect() as c:
            rows = c.execute(q).all()
        return {r.event_id: pd.Timestamp(_as_dt(r.seen)) for r in rows}

    def event_outlets(self, event_ids: list[str] | None = None) -> pd.DataFrame:
        """(event, outlet) pairs with article and reprint counts and first publication time, for these
        events or (None) for every event."""
        frames = []
        chunks = [None] if event_ids is None else [event_ids[i:i + 500] for i in range(0, len(event_ids), 500)]
        for chunk in chunks:
            q = (sa.select(articles.c.event_id, articles.c.outlet, sa.func.count().label("articles"),
                           sa.func.count(reprints.c.id).label("reprints"),
                           sa.func.min(articles.c.published).label("first"))
                 .select_from(articles.outerjoin(reprints, reprints.c.id == articles.c.id))
                 .where(articles.c.event_id.is_not(None) if chunk is None else articles.c.event_id.in_(chunk))
                 .group_by(articles.c.event_id, articles.c.outlet))
            with self.engine.connect() as c:
                frames.append(pd.read_sql(q, c))
        df = pd.concat(frames) if frames else pd.DataFrame(columns=["event_id", "outlet", "articles", "reprints", "first"])
        df["first"] = pd.to_datetime(df["first"], utc=True)
        return df.reset_index(drop=True)

    def attention(self, outlets_in=None, start=None, end=None, search=None, text=None) -> pd.DataFrame:
        """Articles per day, outlet and event topic list (reprints excluded), counted in SQL."""
        day = sa.func.date(articles.c.published).label("day")
        q = (self._filtered([day, articles.c.outlet, events.c.topics, sa.func.count().label("articles")],
                            outlets_in, start, end, search, text)
             .select_from(articles.join(events, events.c.id == articles.c.event_id)
                          .outerjoin(reprints, reprints.c.id == articles.c.id))
             .where(reprints.c.id.is_(None))
             .group_by(day, articles.c.outlet, events.c.topics))
        with self.engine.connect() as c:
            df = pd.read_sql(q, c)
        df["day"] = pd.to_datetime(df["day"])
        df["topics"] = df["topics"].map(lambda v: json.loads(v) if v else [])
        return df

    def quotes_df(self, event_ids=None, outlets_in=None, start=None, end=None, speaker=None,
                  limit: int | None = 200_000, topics_in=None) -> pd.DataFrame:
        """Quotes joined with their article's outlet, event and time."""
        q = (self._filtered([quotes, articles.c.outlet, articles.c.event_id, articles.c.published, articles.c.title],
                            outlets_in, start, end, topics_in=topics_in)
             .select_from(quotes.join(articles, articles.c.id == quotes.c.article_id)))
        if event_ids is not None:
            q = q.where(articles.c.event_id.in_(list(event_ids)))
        if speaker:
            q = q.where(quotes.c.canonical_speaker == speaker)
        if limit:
            q = q.limit(limit)
        with self.engine.connect() as c:
            df = pd.read_sql(q, c)
        df["published"] = pd.to_datetime(df["published"], utc=True)
        return df

    def _speaker(self):
        """The name a quote is counted under (core.sources.speaker_label): canonical, else the mention;
        unresolved pronouns apart, and mentions that name no speaker (credits, roles) in one bucket."""
        return sa.case((quotes.c.speaker_type == "pronoun", sa.func.coalesce(quotes.c.canonical_speaker, UNRESOLVED)),
                       (quotes.c.speaker_type.in_(NOT_SHOWN_TYPES),
                        sa.func.coalesce(quotes.c.canonical_speaker, NO_NAMED_SPEAKER)),
                       else_=sa.func.coalesce(quotes.c.canonical_speaker, quotes.c.speaker, NO_NAMED_SPEAKER))

    def _quote_scope(self, cols, outlets_in=None, start=None, end=None, topics_in=None):
        return (self._filtered(cols, outlets_in, start, end, topics_in=topics_in)
                .select_from(quotes.join(articles, articles.c.id == quotes.c.article_id)))

    def speaker_outlet_counts(self, outlets_in=None, start=None, end=None, topics_in=None) -> pd.DataFrame:
        """(speaker, outlet): quotes, quoted words, and how many of the quotes are anonymous or by officials.

        One pass over quotes ⋈ articles serves both the speaker matrix and the per-outlet shares
        (see core.sources.outlet_shares): at 100k articles each pass is about a second.
        """
        who = self._speaker().label("speaker")
        anon = sa.func.sum(sa.case((quotes.c.speaker_type == "anonymous", 1), else_=0)).label("anonymous")
        off = sa.func.sum(sa.case((quotes.c.official.is_(True), 1), else_=0)).label("official")
        q = (self._quote_scope([who, articles.c.outlet, sa.func.count().label("quotes"),
                                sa.func.sum(quotes.c.words).label("words"), anon, off], outlets_in, start, end,
                               topics_in)
             .group_by(who, articles.c.outlet))
        with self.engine.connect() as c:
            return pd.read_sql(q, c)

    def speaker_quotes(self, speaker: str, outlets_in=None, start=None, end=None, limit: int = 5000,
                       topics_in=None) -> pd.DataFrame:
        """One speaker's quotes with their outlet, time and headline, the name as the article wrote it
        and how it was resolved."""
        as_written = sa.func.substr(articles.c.text, quotes.c.speaker_start + 1,
                                    quotes.c.speaker_end - quotes.c.speaker_start).label("as_written")
        q = (self._quote_scope([quotes.c.quote, quotes.c.cue, quotes.c.speaker_role, as_written,
                                quotes.c.speaker_how, articles.c.outlet,
                                articles.c.published, articles.c.title, articles.c.event_id], outlets_in, start, end,
                               topics_in)
             .where(self._speaker() == speaker).order_by(articles.c.published.desc()).limit(limit))
        with self.engine.connect() as c:
            df = pd.read_sql(q, c)
        df["published"] = pd.to_datetime(df["published"], utc=True)
        return df

    def lone_speakers(self, outlets_in=None, start=None, end=None, limit: int = 2000, topics_in=None) -> pd.DataFrame:
        """Named speakers whom exactly one outlet quotes within an event."""
        who = self._speaker().label("speaker")
        q = (self._quote_scope([articles.c.event_id, who, sa.func.min(articles.c.outlet).label("outlet"),
                                sa.func.count().label("quotes")], outlets_in, start, end, topics_in)
             .where(quotes.c.speaker_type.in_(["person", "organisation"]), articles.c.event_id.is_not(None))
             .group_by(articles.c.event_id, who).having(sa.func.count(sa.distinct(articles.c.outlet)) == 1)
             .order_by(sa.func.count().desc()).limit(limit))
        with self.engine.connect() as c:
            return pd.read_sql(q, c)

    def reprints_df(self, event_ids: list[str]) -> pd.DataFrame:
        q = sa.select(reprints).where(reprints.c.event_id.in_(list(event_ids)))
        with self.engine.connect() as c:
            df = pd.read_sql(q, c)
        df["changes"] = df["changes"].map(lambda v: _json(v, {}))
        df["evidence"] = df["evidence"].map(lambda v: _json(v, []))
        # No original in the store: None, not NaN, so "derived from RT (not in the store)" reads as such.
        df["original_id"] = df["original_id"].astype(object).where(df["original_id"].notna(), None)
        return df

    def event_times(self, outlets_in=None, start=None, end=None, topics_in=None) -> pd.DataFrame:
        """Each outlet's first original report of each event, for lag statistics, with its date_precision:
        "exact" when that first report has a time, "date" when it has only a day, "none" (first NaT) when
        none of its reports has either (year-only and undated reports give no order, but that outlet may
        have been first). A story carried by other sites whose original is not in the store counts
        as its original outlet's report, at the first copy. "seen" marks an outlet whose first report is dated only
        by when it was first seen, "unbounded" one with any such report (core.timeline: a bound, never a time to
        rank by)."""
        exact = sa.or_(articles.c.date_precision == "exact", articles.c.date_precision.is_(None))
        ordered = sa.and_(articles.c.published.is_not(None), sa.or_(exact, articles.c.date_precision == "date"))
        first_exact = sa.func.min(sa.case((exact, articles.c.published))).label("first_exact")
        # a report dated by when it was first seen (no date on feed or page) bounds the time from above only
        seen = sa.func.min(sa.case((articles.c.date_source == "first-seen", articles.c.published))).label("first_seen")
        q = (self._filtered([articles.c.event_id, articles.c.outlet, sa.func.min(articles.c.published).label("first"),
                             first_exact, sa.func.min(articles.c.date_source).label("date_source"), seen],
                            outlets_in, start, end, topics_in=topics_in)
             .select_from(articles.outerjoin(reprints, reprints.c.id == articles.c.id))
             .where(articles.c.event_id.is_not(None), reprints.c.id.is_(None), ordered)
             .group_by(articles.c.event_id, articles.c.outlet))
        carried = (self._filtered([articles.c.event_id, reprints.c.original_outlet.label("outlet"),
                                   sa.func.min(articles.c.published).label("first"), first_exact,
                                   sa.func.min(articles.c.date_source).label("date_source"), seen], outlets_in, start, end,
                                  topics_in=topics_in)
                   .select_from(articles.join(reprints, reprints.c.id == articles.c.id))
                   .where(articles.c.event_id.is_not(None), reprints.c.original_id.is_(None),
                          reprints.c.original_outlet != "unknown", ordered)
                   .group_by(articles.c.event_id, reprints.c.original_outlet))
        # an outlet whose reports in the event have no usable date still covered it: it may have been first
        undated = (self._filtered([articles.c.event_id, articles.c.outlet], outlets_in, start, end, topics_in=topics_in)
                   .select_from(articles.outerjoin(reprints, reprints.c.id == articles.c.id))
                   .where(articles.c.event_id.is_not(None), reprints.c.id.is_(None), sa.not_(ordered))
                   .group_by(articles.c.event_id, articles.c.outlet))
        with self.engine.connect() as c:
            df, extra, none = pd.read_sql(q, c), pd.read_sql(carried, c), pd.read_sql(undated, c)
        if not extra.empty:
            # One row per event and outlet, however it is spelled and whichever way it reported.
            df = pd.concat([df, extra], ignore_index=True)
            df["outlet"] = df["outlet"].map(self._outlet_namer())
            df = (df.sort_values("first").groupby(["event_id", "outlet"], as_index=False, sort=False)
                  .agg(first=("first", "min"), first_exact=("first_exact", "min"), date_source=("date_source", "first"),
                       first_seen=("first_seen", "min")))
        df["first"] = pd.to_datetime(df["first"], utc=True)
        first_exact = pd.to_datetime(df.pop("first_exact"), utc=True)
        df["date_precision"] = first_exact.eq(df["first"]).map({True: "exact", False: "date"}).astype(object)
        first_seen = pd.to_datetime(df.pop("first_seen"), utc=True)
        df["unbounded"] = first_seen.notna()            # some report of its may be older than its first dated one
        df["seen"] = first_seen.eq(df["first"])         # its first report is known only from when it was seen
        if not none.empty:
            if not extra.empty:
                none["outlet"] = none["outlet"].map(self._outlet_namer())     # as the dated rows were named
            none = none.merge(df[["event_id", "outlet"]], how="left", indicator=True)
            none = none[none.pop("_merge") == "left_only"].drop_duplicates(["event_id", "outlet"])
            df = pd.concat([df, none.assign(first=pd.NaT, date_source=None, date_precision="none", seen=False,
                                                unbounded=False)],
                           ignore_index=True)
            df["first"] = pd.to_datetime(df["first"], utc=True)
        return df

    def outlet_volume(self) -> pd.DataFrame:
        """Per outlet: articles, events, first and last article."""
        q = (sa.select(articles.c.outlet, sa.func.count().label("articles"),
                       sa.func.count(sa.distinct(articles.c.event_id)).label("events"),
                       sa.func.min(articles.c.published).label("first"), sa.func.max(articles.c.published).label("last"))
             .group_by(articles.c.outlet))
        with self.engine.connect() as c:
            return pd.read_sql(q, c)

    def outlet_topics(self) -> pd.DataFrame:
        """Per outlet and event topic list: article counts (explode topics to count per topic)."""
        q = (sa.select(articles.c.outlet, events.c.topics, sa.func.count().label("articles"))
             .select_from(articles.join(events, events.c.id == articles.c.event_id))
             .group_by(articles.c.outlet, events.c.topics))
        with self.engine.connect() as c:
            df = pd.read_sql(q, c)
        df["topics"] = df["topics"].map(lambda v: json.loads(v) if v else [])
        return df

    # -- dashboard: full-text search, outlet metadata, provenance -------------------------------------
    def _add_search_index(self) -> None:
        """The full-text index over title, summary and text: FTS5 kept in sync by triggers on SQLite, a
        GIN expression index on PostgreSQL (kept in sync by the database itself). A store made before it
        existed gets it here, filled from the articles it holds."""
        with self.engine.begin() as c:
            if self.dialect == "postgresql":
                c.exec_driver_sql(PG_SEARCH_INDEX)
                return
            new = c.exec_driver_sql("SELECT 1 FROM sqlite_master WHERE name = 'articles_fts'").first() is None
            for ddl in SQLITE_SEARCH_DDL:
                c.exec_driver_sql(ddl)
            if new:
                c.exec_driver_sql("INSERT INTO articles_fts(articles_fts) VALUES ('rebuild')")

    def _text_match(self, text: str):
        """The condition "this article's words match the full-text query `text`" (see core.search)."""
        q = parse_query(text)
        if not q:
            return sa.false()  # nothing searchable typed (only punctuation): nothing matches, never everything
        if self.dialect == "postgresql":
            return sa.literal_column(PG_DOCUMENT).op("@@")(
                sa.func.websearch_to_tsquery(sa.literal_column("'simple'::regconfig"), websearch_query(q)))
        return sa.literal_column("articles.rowid").in_(
            sa.select(_fts.c.rowid).where(_fts.c.articles_fts.op("MATCH")(fts5_query(q))))

    def snippets(self, ids: list[str], text: str, words: int = 16) -> dict[str, str]:
        """For these article ids, a short passage around where the full-text query matches, with the
        matching words between « and »."""
        q = parse_query(text)
        if not q or not ids:
            return {}
        out: dict[str, str] = {}
        with self.engine.connect() as c:
            for i in range(0, len(ids), 500):
                chunk = ids[i:i + 500]
                if self.dialect == "postgresql":
                    tsq = sa.func.websearch_to_tsquery(sa.literal_column("'simple'::regconfig"), websearch_query(q))
                    doc = sa.func.left(sa.func.coalesce(articles.c.title, "") + " · " + sa.func.coalesce(
                        articles.c.text, ""), 100_000)
                    snip = sa.func.ts_headline(sa.literal_column("'simple'::regconfig"), doc, tsq,
                                               f"StartSel=«, StopSel=», MaxWords={words}, MinWords={words // 2}")
                    rows = c.execute(sa.select(articles.c.id, snip).where(articles.c.id.in_(chunk),
                                                                          self._text_match(text)))
                else:
                    snip = sa.func.snippet(sa.literal_column("articles_fts"), -1, "«", "»", "…", words)
                    rows = c.execute(sa.select(articles.c.id, snip)
                                     .select_from(articles.join(_fts, _fts.c.rowid == sa.literal_column("articles.rowid")))
                                     .where(_fts.c.articles_fts.op("MATCH")(fts5_query(q)), articles.c.id.in_(chunk)))
                out.update({r[0]: r[1] for r in rows})
        return out

    def set_outlet_meta(self, name: str, country=None, ownership=None, groups=None) -> dict:
        """Set an outlet's country, ownership and groups (each None leaves it as it is); a later catalog
        load keeps them. Returns the stored values; a bad value raises ValueError naming the field."""
        values = check_outlet_meta(country=country, ownership=ownership, groups=groups)
        with self.engine.begin() as c:
            if c.execute(sa.select(outlets.c.name).where(outlets.c.name == name)).first() is None:
                raise ValueError(f"outlet {name!r}: no such outlet in this store")
            row = {k: (json.dumps(v) if k == "groups" else v) for k, v in values.items() if v is not None}
            c.execute(sa.update(outlets).where(outlets.c.name == name).values(**row, edited=True))
            stamp = datetime.now(timezone.utc).isoformat()
            c.execute(self._insert(store_meta).values(key="outlets_edited", value=stamp)
                      .on_conflict_do_update(index_elements=["key"], set_={"value": stamp}))
            stored = c.execute(sa.select(outlets.c.country, outlets.c.ownership, outlets.c.groups)
                               .where(outlets.c.name == name)).one()
        return {"country": stored.country, "ownership": stored.ownership, "groups": json.loads(stored.groups or "[]")}

    def outlets_edited(self) -> str | None:
        """When a user last edited an outlet's details (None if never): part of the dashboard's data version,
        so that groups, filters and blind spots follow an edit at once."""
        with self.engine.connect() as c:
            return c.execute(_meta_value("outlets_edited")).scalar()

    def last_updated(self) -> datetime | None:
        """When the store last changed: the latest article stored, analysis saved or feed fetched (UTC)."""
        with self.engine.connect() as c:
            times = [c.execute(sa.select(sa.func.max(col))).scalar()
                     for col in (articles.c.first_seen, events.c.updated, feeds.c.last_fetched)]
        analysed = self.analysis_mark()
        times = [_as_dt(t) for t in times if t is not None] + ([_as_dt(analysed)] if analysed else [])
        return max(times) if times else None

    # -- the analysis mark: caches follow a re-analysis that changes no count ------------------------
    def _mark_analysed(self, c) -> None:
        """Stamp the store as re-analysed (events, quotes, reprints, languages or aliases written): quotes
        saved after an ingest's articles were counted change no count, yet the dashboard must show them."""
        stamp = datetime.now(timezone.utc).isoformat()
        c.execute(self._insert(store_meta).values(key="analysed", value=stamp)
                  .on_conflict_do_update(index_elements=["key"], set_={"value": stamp}))

    def meta(self, key: str) -> str | None:
        """A value kept in store_meta (None when never set)."""
        with self.engine.connect() as c:
            return c.execute(_meta_value(key)).scalar()

    def set_meta(self, key: str, value: str) -> None:
        """Keep a value in store_meta."""
        with self.engine.begin() as c:
            c.execute(self._insert(store_meta).values(key=key, value=value)
                      .on_conflict_do_update(index_elements=["key"], set_={"value": value}))

    def topic_inputs(self, lead_chars: int, event_ids=None) -> tuple[dict[str, list[dict]], dict[str, list[str]]]:
        """What an event's topics are read from (core.cluster.events.event_topics): per event its articles
        (title, opening of `lead_chars`, categories) in publication order, and its stored key terms; event_ids:
        only those events (None: every event)."""
        where = articles.c.event_id.is_not(None) if event_ids is None else articles.c.event_id.in_(sorted(event_ids))
        q = (sa.select(articles.c.event_id, articles.c.title, sa.func.substr(articles.c.text, 1, lead_chars)
                       .label("lead"), articles.c.categories)
             .where(where)
             .order_by(articles.c.event_id, articles.c.published.is_(None), articles.c.published, articles.c.id))
        eq = sa.select(events.c.id, events.c.terms)
        if event_ids is not None:
            eq = eq.where(events.c.id.in_(sorted(event_ids)))
        members: dict[str, list[dict]] = {}
        with self.engine.connect() as c:
            for r in c.execute(q):
                members.setdefault(r.event_id, []).append(
                    {"title": r.title or "", "lead": r.lead or "", "categories": _json(r.categories, [])})
            terms = {r.id: _json(r.terms, []) for r in c.execute(eq)}
        return members, terms

    def set_event_topics(self, topics: dict[str, list[str]]) -> int:
        """Write events' topics (no other field changes); returns how many changed."""
        changed = 0
        with self.engine.begin() as c:
            now = {r.id: r.topics for r in c.execute(sa.select(events.c.id, events.c.topics))}
            for eid, tags in topics.items():
                value = json.dumps(list(tags))
                if eid in now and (now[eid] or "[]") != value:
                    c.execute(events.update().where(events.c.id == eid).values(topics=value))
                    changed += 1
            if changed:
                self._mark_analysed(c)
        return changed

    def analysis_mark(self) -> str | None:
        """When analysis results were last written (ISO time, UTC), None if never: part of the dashboard's
        data version."""
        with self.engine.connect() as c:
            return c.execute(_meta_value("analysed")).scalar()

    def version_marks(self) -> tuple[int, datetime | None, int, str | None, tuple[int, int], str | None]:
        """What the dashboard's data version is made of, in one statement: articles, the latest publication
        time, events, outlets_edited(), corrections_mark() and analysis_mark(). Every page run asks; as six
        calls it checked out a connection six times and ran eight statements. Each part is its own scalar
        subquery, so SQLite still answers max() from the end of the index."""
        parts = (sa.select(sa.func.count()).select_from(articles), sa.select(sa.func.max(articles.c.published)),
                 sa.select(sa.func.count()).select_from(events), _meta_value("outlets_edited"),
                 _LAST_CORRECTION, _CORRECTIONS_UNDONE, _meta_value("analysed"))
        q = sa.select(*(p.scalar_subquery() for p in parts))
        with self.engine.connect() as c:
            n_articles, hi, n_events, edited, last, undone, analysed = c.execute(q).one()
        return int(n_articles), _as_dt(hi), int(n_events), edited, (int(last or 0), int(undone or 0)), analysed

    # -- named sources: canonical speakers kept consistent within an event across analysis runs ----
    def event_speakers(self, event_ids: list[str]) -> list[dict]:
        """The speakers already stored for these events: {event_id, canonical_speaker, speaker_type,
        speaker_role, n}, so a new run names the same people the same way."""
        rows: list[dict] = []
        for i in range(0, len(event_ids), 500):
            q = (sa.select(articles.c.event_id, quotes.c.canonical_speaker, quotes.c.speaker_type,
                           sa.func.max(quotes.c.speaker_role).label("speaker_role"), sa.func.count().label("n"))
                 .select_from(quotes.join(articles, articles.c.id == quotes.c.article_id))
                 .where(articles.c.event_id.in_(event_ids[i:i + 500]), quotes.c.canonical_speaker.is_not(None))
                 .group_by(articles.c.event_id, quotes.c.canonical_speaker, quotes.c.speaker_type))
            rows += self._dicts(q)
        return rows

    def dispose(self) -> None:
        self.engine.dispose()


def _topic_match(topics_in):
    """Events carrying one of these topics: topics is a JSON list in a text column, so the quoted name
    (as json.dumps writes it, "\u2013" for a dash) is looked for, with LIKE's own characters escaped —
    PostgreSQL would otherwise read the backslash as an escape — and can't match a longer topic's."""
    def pattern(t: str) -> str:
        return "%" + json.dumps(t).replace("!", "!!").replace("%", "!%").replace("_", "!_") + "%"
    return sa.or_(*[events.c.topics.like(pattern(t), escape="!") for t in topics_in])


# -- hostile input: every value fits its column, on SQLite and PostgreSQL alike ------------------------
_SURROGATES = re.compile("[\ud800-\udfff]")
_TEXT_CAP = Settings().max_text_chars
# PostgreSQL keeps a whole value in a B-tree index entry, which holds at most 2,704 bytes.
_INDEX_BYTES = 2_000


# Ids made from feeds are "a" and 15 hex digits (core.feeds.article_id). An imported id of that form
# could take a feed item's place and keep the real item out, so it is stored as "import:<id>"; every
# other imported id is kept as the researcher gave it.
_FEED_ID = re.compile(r"^a[0-9a-f]{15}$")
IMPORT_PREFIX = "import:"


EVENTS_STEP, QUOTES_STEP, REPRINTS_STEP = "events", "quotes", "reprints"   # the steps analysis_notes name


def _text(max_chars: int | None):
    """The text column, or its first `max_chars` characters (cut in the database: a 5 MB text is not read
    whole for a step that reads 100 KB of it)."""
    return articles.c.text if not max_chars else sa.func.substr(articles.c.text, 1, max_chars).label("text")


def contains(text: str) -> str:
    """A LIKE pattern matching `text` anywhere, its own % and _ matching themselves (escape character \\)."""
    return "%" + text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"


def imported_id(rid: str) -> str:
    """The id an imported row is stored under: kept, unless it has the form of a feed-made id."""
    return IMPORT_PREFIX + rid if _FEED_ID.match(rid) else rid


def clean_value(value: str) -> str:
    """A string any backend stores: NUL removed (PostgreSQL refuses it), lone surrogates replaced (no
    encoding can write them)."""
    if "\x00" in value:
        value = value.replace("\x00", "")
    try:
        value.encode("utf-8")   # fails only on a lone surrogate; far cheaper than searching for one
        return value
    except UnicodeEncodeError:
        return _SURROGATES.sub("\ufffd", value)


def fit(table: sa.Table, row: dict) -> dict:
    """The row with every string cleaned and cut to its column: String(n) to n characters (and long
    indexed ones to the bytes an index entry holds), text to the text cap. The callers cap and note
    first; this is the last line, so that no value can make a write fail."""
    for key, value in row.items():
        if not isinstance(value, str):
            continue
        value = clean_value(value)
        limit = getattr(table.c[key].type, "length", None) if key in table.c else None
        value = value[:limit or _TEXT_CAP]
        if limit and limit >= 1000 and len(value.encode("utf-8")) > _INDEX_BYTES:
            value = value.encode("utf-8")[:_INDEX_BYTES].decode("utf-8", "ignore")
        row[key] = value
    return row


def _json(value, default):
    """A JSON column's value, or `default` when empty or unreadable (a value cut to the column's cap)."""
    try:
        return json.loads(value) if value else default
    except ValueError:
        return default


def _literal_default(col: sa.Column) -> str | None:
    """A column's default as an SQL literal for ALTER TABLE, or None when it has none that SQL can state."""
    d = col.server_default.arg if col.server_default is not None else (
        col.default.arg if col.default is not None and col.default.is_scalar else None)
    if d is None:
        return None
    if isinstance(d, bool):
        return "TRUE" if d else "FALSE"
    if isinstance(d, (int, float)):
        return repr(d)
    if isinstance(d, str):
        return "'" + d.replace("'", "''") + "'"
    return None


def _as_dt(v) -> datetime | None:
    if v is None:
        return None
    if isinstance(v, str):
        v = datetime.fromisoformat(v)
    if hasattr(v, "to_pydatetime"):
        v = v.to_pydatetime()
    if not isinstance(v, datetime):  # a date
        v = datetime(v.year, v.month, v.day)
    return v.replace(tzinfo=timezone.utc) if v.tzinfo is None else v


def _sqlite_pragmas(dbapi_conn, _record) -> None:
    """WAL lets the dashboard read while ingest writes; busy_timeout waits instead of failing."""
    cur = dbapi_conn.cursor()
    cur.execute("PRAGMA journal_mode=WAL")
    cur.execute("PRAGMA synchronous=NORMAL")
    cur.execute("PRAGMA busy_timeout=30000")
    cur.execute("PRAGMA foreign_keys=ON")
    cur.close()
