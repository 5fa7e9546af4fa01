"""Every setting in one place, each with its default and the reason it exists."""
from __future__ import annotations

import os
from dataclasses import dataclass, field, fields
from pathlib import Path

from platformdirs import user_data_dir

VERSION = "0.1.0"
USER_AGENT = f"framelens/{VERSION} (news framing research; +https://github.com/framelens/framelens)"


def _setting(default, help: str):
    """Declare a setting with its default and help text (read by the CLI and the README)."""
    return field(default=default, metadata={"help": help})


@dataclass
class Settings:
    """Tunables for fetching, extraction and storage."""

    db: str = _setting("", "Database: a file path (SQLite) or URL (sqlite:///…, postgresql://…). "
                           "Empty means FRAMELENS_DB or a file in the user's data directory.")
    outlets: str = _setting("", "Outlet catalog TOML; empty means FRAMELENS_OUTLETS or the packaged catalog.")
    concurrency: int = _setting(32, "Requests in flight at once across all hosts.")
    per_host: int = _setting(4, "Requests in flight at once to one host, to stay polite.")
    timeout: float = _setting(10.0, "Seconds before a request (connect or read) is given up.")
    max_bytes: int = _setting(5_000_000, "Largest response body kept; larger ones fail as too-large.")
    retries: int = _setting(2, "Extra tries after a timeout, connection error or 5xx.")
    backoff: float = _setting(0.5, "Seconds before the first retry; doubles each time.")
    fetch_pages: bool = _setting(True, "Fetch each new article's page and extract its text.")
    extract_workers: int = _setting(0, "Processes for text extraction; 0 means one per core.")
    future_skew_minutes: int = _setting(15, "How far in the future a date may be before it is flagged.")
    oldest_year: int = _setting(1995, "Dates before this year are flagged as implausible.")
    backoff_after: int = _setting(3, "Failures in a row after which a feed is fetched less often.")
    backoff_base_minutes: float = _setting(15.0, "Wait after `backoff_after` failures; doubles with each further failure.")
    backoff_max_hours: float = _setting(24.0, "Longest wait between tries of a failing feed.")
    allow_private: bool = _setting(False, "Allow feed/page URLs on private or loopback addresses.")
    rewarm_seconds: float = _setting(60.0, "How often the dashboard server checks the store for new data; when it "
                                           "has changed, every page's first view is recomputed in the background. "
                                           "0 turns the checks off (the first view is still computed at start).")

    # -- hostile input: field caps, per-run host memory, analysis size caps ---------------------------
    max_title_chars: int = _setting(1_000, "Longest title stored; a feed's longer title is cut (and the cut noted), "
                                           "an imported one refuses its row.")
    max_text_chars: int = _setting(2_000_000, "Longest article text or summary stored; a feed's is cut (and the cut "
                                              "noted), an imported one refuses its row.")
    max_field_chars: int = _setting(2_000, "Longest short field stored (author, GUID, category, link, feed note).")

    # -- events: clustering, dates, languages, topics, corrections -----------------------------------

    # -- syndication: reprints, credits, outlet aliases ---------------------------------------------

    # -- named sources: quotes and speakers ----------------------------------------------------------
    quote_batch_size: int = _setting(256, "Frame sentences per spaCy nlp.pipe batch when extracting quotes; short docs batch well.")
    quote_min_standin_words: int = _setting(5, "Quotes of this many words or more are swapped for a short stand-in clause before "
                                               "parsing; shorter ones (scare quotes, titles) stay in the parse.")
    quote_max_parse_chars: int = _setting(600, "Longer frame sentences are cut before parsing: parse cost grows with length.")
    quote_max_unbalanced_chars: int = _setting(1500, "An unclosed quotation mark runs at most this far (or to the paragraph's end).")
    quote_min_chars: int = _setting(3, "Shorter quoted text (\"\", \"a\") is not a quote.")
    quote_keep_unattributed: bool = _setting(True, "Keep long direct quotes whose speaker is not found (type unknown).")
    quote_min_unattributed_words: int = _setting(6, "... but only when they have this many words (speech, not a title).")
    quote_pronoun_window: int = _setting(3000, "Characters back to look for a pronoun's antecedent.")
    quote_name_window: int = _setting(20_000, "Characters either side to look for a surname's full name: the whole of any "
                                              "real article, and linear time on huge ones.")

    # -- framing: contested terms, omissions, timing, distinctive words -------------------------------

    # -- dashboard: exports, search, charts -------------------------------------------------------------
    export_browser: bool = _setting(True, "Start the headless Chromium that draws plotly charts as PNG/SVG when the "
                                          "dashboard server starts, and keep it open (an export then takes under a "
                                          "second instead of 5-9 s). FRAMELENS_EXPORT_BROWSER=0 starts it on the "
                                          "first export instead; without Chromium, charts export as HTML.")

    @classmethod
    def from_env(cls, **overrides) -> "Settings":
        """Settings from defaults, FRAMELENS_* variables, then explicit overrides (None is ignored)."""
        s = cls()
        env_db = os.environ.get("FRAMELENS_DB")
        if env_db:
            s.db = env_db
        s.outlets = os.environ.get("FRAMELENS_OUTLETS", "")
        if os.environ.get("FRAMELENS_ALLOW_PRIVATE", "").lower() in ("1", "true", "yes"):
            s.allow_private = True
        if os.environ.get("FRAMELENS_EXPORT_BROWSER", "").lower() in ("0", "false", "no"):
            s.export_browser = False
        rewarm = os.environ.get("FRAMELENS_REWARM_SECONDS")
        if rewarm:
            try:
                s.rewarm_seconds = float(rewarm)
            except ValueError:
                raise ValueError(f"FRAMELENS_REWARM_SECONDS must be a number of seconds, not {rewarm!r}") from None
        for k, v in overrides.items():
            if v is not None:
                setattr(s, k, v)
        return s

    @staticmethod
    def help() -> dict[str, tuple[object, str]]:
        """Each setting's default and help text."""
        return {f.name: (f.default, f.metadata["help"]) for f in fields(Settings)}


def default_db_path() -> Path:
    """The SQLite file used when no --db or FRAMELENS_DB is given."""
    return Path(user_data_dir("framelens", appauthor=False)) / "framelens.sqlite"


def resolve_db(db: str | None = None) -> str:
    """Turn a --db value, FRAMELENS_DB or the default into an SQLAlchemy URL."""
    db = db or os.environ.get("FRAMELENS_DB") or str(default_db_path())
    if "://" in db:
        # psycopg 3 is the driver framelens installs; plain postgresql:// would ask for psycopg2.
        return "postgresql+psycopg://" + db.split("://", 1)[1] if db.startswith(("postgresql://", "postgres://")) else db
    path = Path(db).expanduser().resolve()
    path.parent.mkdir(parents=True, exist_ok=True)
    return f"sqlite:///{path}"
