"""The one place that reads and writes the database (SQLite by default, PostgreSQL by URL)."""
from __future__ import annotations

import json
from datetime import datetime, timezone
from typing import Iterable

import pandas as pd
import sqlalchemy as sa
from sqlalchemy import event as sa_event

from .catalog import Outlet
from .config import resolve_db
from .models import Article

metadata = sa.MetaData()

outlets = sa.Table(
    "outlets", metadata,
    sa.Column("name", sa.String(200), primary_key=True),
    sa.Column("homepage", sa.Text), sa.Column("country", sa.String(8)), sa.Column("language", sa.String(16)),
    sa.Column("ownership", sa.String(16)), sa.Column("groups", sa.Text, default="[]"),
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
    sa.Column("title", sa.Text, default=""), sa.Column("text", sa.Text, default=""),
    sa.Column("summary", sa.Text, default=""),
    sa.Column("url", sa.String(2000), index=True), sa.Column("guid", sa.Text),
    sa.Column("feed_url", sa.String(2000)), sa.Column("author", sa.Text),
    sa.Column("categories", sa.Text, default="[]"), sa.Column("language", sa.String(16)),
    sa.Column("published", sa.DateTime, index=True),
    sa.Column("date_source", sa.String(16)), sa.Column("date_flag", sa.Text),
    sa.Column("first_seen", sa.DateTime),
    sa.Column("text_status", sa.String(16)), sa.Column("text_error", sa.Text),
    sa.Column("text_length", sa.Integer, default=0),
    sa.Column("origin", sa.String(16), default="feed"),   # feed / import
    sa.Column("event_id", sa.String(64), index=True),
)

ARTICLE_FIELDS = [c.name for c in articles.columns]


def _utc_naive(dt: datetime | None) -> datetime | None:
    """Stored datetimes are naive UTC so SQLite and PostgreSQL compare them alike."""
    if dt is None:
        return None
    return dt.astimezone(timezone.utc).replace(tzinfo=None) if dt.tzinfo else dt


class Store:
    """Database access for every other module and page."""

    def __init__(self, db: str | None = None):
        self.url = resolve_db(db)
        self.engine = sa.create_engine(self.url, future=True, pool_pre_ping=True)
        if self.engine.dialect.name == "sqlite":
            sa_event.listen(self.engine, "connect", _sqlite_pragmas)
        metadata.create_all(self.engine)

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
                row = dict(name=o.name, homepage=o.homepage, country=o.country, language=o.language,
                           ownership=o.ownership, groups=json.dumps(o.groups))
                stmt = self._insert(outlets).values(**row)
                c.execute(stmt.on_conflict_do_update(index_elements=["name"],
                                                     set_={k: v for k, v in row.items() if k != "name"}))
                for url in o.feeds:
                    c.execute(self._insert(feeds).values(url=url, outlet=o.name, failures_in_row=0,
                                                         items_seen=0).on_conflict_do_nothing())

    def ensure_outlet(self, name: str) -> None:
        """Make sure an outlet row exists (imports name outlets the catalog may lack)."""
        with self.engine.begin() as c:
            c.execute(self._insert(outlets).values(name=name, groups="[]").on_conflict_do_nothing())

    def feed_state(self) -> dict[str, dict]:
        """Every feed's stored row, by URL."""
        with self.engine.connect() as c:
            return {r.url: dict(r._mapping) for r in c.execute(sa.select(feeds))}

    def record_feed(self, url: str, outlet: str, **fields) -> None:
        """Update one feed's health after a fetch."""
        with self.engine.begin() as c:
            c.execute(self._insert(feeds).values(url=url, outlet=outlet).on_conflict_do_nothing())
            c.execute(sa.update(feeds).where(feeds.c.url == url).values(**fields))

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

    def add_articles(self, items: Iterable[Article], origin: str = "feed") -> int:
        """Insert complete articles in one transaction; existing ids are left as they are."""
        rows = [self._article_row(a, origin) for a in items]
        if not rows:
            return 0
        with self.engine.begin() as c:
            before = c.execute(sa.select(sa.func.count()).select_from(articles)).scalar_one()
            for i in range(0, len(rows), 500):
                c.execute(self._insert(articles).on_conflict_do_nothing(), rows[i:i + 500])
            after = c.execute(sa.select(sa.func.count()).select_from(articles)).scalar_one()
        return after - before

    @staticmethod
    def _article_row(a: Article, origin: str) -> dict:
        return dict(
            id=a.id, outlet=a.outlet or "unknown", title=a.title or "", text=a.text or "", summary=a.summary or "",
            url=a.url, guid=a.guid, feed_url=a.feed_url, author=a.author, categories=json.dumps(a.categories or []),
            language=a.language, published=_utc_naive(a.published), date_source=a.date_source, date_flag=a.date_flag,
            first_seen=_utc_naive(a.first_seen), text_status=a.text_status, text_error=a.text_error,
            text_length=len(a.text or ""), origin=origin, event_id=None)

    def set_events(self, assignments: dict[str, str]) -> None:
        """Record the event of each article id."""
        if not assignments:
            return
        with self.engine.begin() as c:
            c.execute(sa.update(articles).where(articles.c.id == sa.bindparam("aid"))
                      .values(event_id=sa.bindparam("eid")),
                      [{"aid": k, "eid": v} for k, v in assignments.items()])

    def count_articles(self) -> int:
        with self.engine.connect() as c:
            return c.execute(sa.select(sa.func.count()).select_from(articles)).scalar_one()

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

    def _filtered(self, cols, outlets_in=None, start=None, end=None, search=None):
        """A SELECT over articles with the dashboard's filters applied in SQL."""
        q = sa.select(*cols)
        if outlets_in:
            q = q.where(articles.c.outlet.in_(list(outlets_in)))
        if start is not None:
            q = q.where(articles.c.published >= _utc_naive(_as_dt(start)))
        if end is not None:
            q = q.where(articles.c.published < _utc_naive(_as_dt(end)))
        if search:
            like = f"%{search.strip()}%"
            # Bound parameter, never string-formatted SQL: the search box is user input.
            q = q.where(sa.or_(articles.c.title.ilike(like), articles.c.summary.ilike(like)))
        return q

    def articles_df(self, outlets_in=None, start=None, end=None, search=None, limit: int | None = 1000,
                    with_text: bool = False) -> pd.DataFrame:
        """Newest articles matching the filters (at most `limit` rows)."""
        cols = [articles.c[n] for n in ARTICLE_FIELDS if with_text or n != "text"]
        q = self._filtered(cols, outlets_in, start, end, search).order_by(articles.c.published.desc())
        if limit:
            q = q.limit(limit)
        with self.engine.connect() as c:
            df = pd.read_sql(q, c)
        for col in ("published", "first_seen"):
            df[col] = pd.to_datetime(df[col], utc=True)
        return df

    def count_filtered(self, outlets_in=None, start=None, end=None, search=None) -> int:
        q = self._filtered([sa.func.count()], outlets_in, start, end, search)
        with self.engine.connect() as c:
            return c.execute(q).scalar_one()

    def daily_counts(self, outlets_in=None, start=None, end=None, search=None) -> pd.DataFrame:
        """Articles per outlet per UTC day, counted in the database."""
        day = sa.func.date(articles.c.published).label("day")
        q = self._filtered([day, articles.c.outlet, sa.func.count().label("articles")],
                           outlets_in, start, end, search).group_by(day, articles.c.outlet).order_by(day)
        with self.engine.connect() as c:
            df = pd.read_sql(q, c)
        df["day"] = pd.to_datetime(df["day"])
        return df

    def date_bounds(self) -> tuple[datetime | None, datetime | None]:
        with self.engine.connect() as c:
            lo, hi = c.execute(sa.select(sa.func.min(articles.c.published), sa.func.max(articles.c.published))).one()
        return _as_dt(lo), _as_dt(hi)

    def dispose(self) -> None:
        self.engine.dispose()


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
