"""The framelens command line: ingest feeds, import corpora, and batch analyses."""
from __future__ import annotations

import time
from datetime import datetime, timezone

import click

from .config import Settings


def _progress_bars():
    """(report, close): a bar per stage on stderr, so stdout stays clean for data (core.progress)."""
    from .progress import Progress
    bars = Progress()
    return bars, bars.close


@click.group()
@click.version_option(package_name="framelens")
def main() -> None:
    """framelens: see one news event through every outlet at once."""


db_option = click.option("--db", envvar="FRAMELENS_DB", default=None,
                         help="SQLite file path or database URL (default: FRAMELENS_DB or the user data directory).")


@main.command()
@db_option
@click.option("--outlets", "outlets_file", type=click.Path(dir_okay=False), default=None,
              help="Outlet catalog TOML (default: the packaged catalog).")
@click.option("--no-pages", is_flag=True, help="Store feed summaries only; don't fetch article pages.")
@click.option("--concurrency", type=int, default=None, help=Settings.help()["concurrency"][1])
@click.option("--per-host", type=int, default=None, help=Settings.help()["per_host"][1])
@click.option("--timeout", type=float, default=None, help=Settings.help()["timeout"][1])
@click.option("--allow-private", is_flag=True, default=None, help=Settings.help()["allow_private"][1])
@click.option("--no-analyse", is_flag=True, help="Skip clustering, quotes and reprints after fetching.")
@click.option("--every", default=None, metavar="INTERVAL",
              help="Keep running: ingest again every INTERVAL (e.g. 15m, 1h) until interrupted.")
@click.option("--quiet", is_flag=True, help="No progress bars.")
def ingest(db, outlets_file, no_pages, concurrency, per_host, timeout, allow_private, no_analyse, every, quiet):
    """Fetch every feed in the catalog, then fetch, extract and store new articles."""
    from .catalog import CatalogError, load_catalog
    from .ingest import run_ingest
    from .store import Store
    try:
        catalog = load_catalog(outlets_file)
    except CatalogError as e:
        raise click.ClickException(str(e)) from None
    from .ingest import parse_every
    try:
        interval = parse_every(every) if every else None
    except ValueError as e:
        raise click.BadParameter(str(e)) from None
    settings = Settings.from_env(db=db, concurrency=concurrency, per_host=per_host, timeout=timeout,
                                 allow_private=allow_private or None, fetch_pages=False if no_pages else None)
    store = Store(settings.db or None)
    while True:
        started = time.monotonic()
        report, close = _progress_bars() if not quiet and interval is None else (None, lambda: None)
        try:
            summary = run_ingest(store, catalog, settings, progress=report)
        except Exception as e:  # noqa: BLE001 - with --every, one broken run must not end the schedule
            if interval is None:
                _raise_store_fault(e, store)
                raise
            click.echo(f"{datetime.now(timezone.utc):%Y-%m-%d %H:%M:%S}Z run failed: {type(e).__name__}: {e}", err=True)
            summary = None
        finally:
            close()
        if summary is not None:
            for f in summary.feeds:
                if f.status == "failed":
                    click.echo(f"failed: {f.outlet}: {f.url}: {f.error}", err=True)
            click.echo(f"{datetime.now(timezone.utc):%Y-%m-%d %H:%M:%S}Z {summary.line()}", err=True)
            if summary.store_error is not None:
                message = _store_message(summary.store_error, store)
                if interval is None:
                    raise click.ClickException(message)
                click.echo(message, err=True)
        if not no_analyse and (summary is None or summary.store_error is None):
            try:
                _analyse(store, quiet or interval is not None)
            except Exception as e:  # noqa: BLE001 - as above: the next run tries again
                if interval is None:
                    _raise_store_fault(e, store)
                    raise
                click.echo(f"analysis failed: {type(e).__name__}: {e}", err=True)
        if interval is None:
            # The run is a failure only when every feed it tried failed; one good feed makes it a success.
            if summary.feeds_failed and not (summary.feeds_ok or summary.feeds_not_modified):
                raise SystemExit(1)
            return
        # Conditional GET and per-feed back-off make each scheduled run cheap for healthy feeds.
        time.sleep(max(0.0, interval - (time.monotonic() - started)))


def _store_message(fault: str, store) -> str:
    """The sentence for a store that could not be written."""
    where = store.engine.url.render_as_string(hide_password=True)
    return (f"the store {where} could not be written ({fault}): what it held before is kept; free space or "
            "fix the store and run again (feeds are not backed off for this, and nothing is doubled)")


def _raise_store_fault(e: BaseException, store) -> None:
    """A full disk, read-only file or lost database as one clear line instead of a traceback."""
    from .store import store_fault
    fault = store_fault(e)
    if fault is not None:
        raise click.ClickException(_store_message(fault, store)) from None


def _analyse(store, quiet: bool) -> None:
    """Cluster, quote and reprint-check what is new, with progress on stderr."""
    from .analyse import analyse_new
    from .quote_pool import cli_workers
    report, close = _progress_bars() if not quiet else (None, lambda: None)
    try:
        click.echo(analyse_new(store, progress=report, workers=cli_workers()).line(), err=True)
    finally:
        close()


@main.command()
@db_option
@click.option("--quiet", is_flag=True, help="No progress bars.")
def analyse(db, quiet):
    """Assign stored articles that have no event yet, and extract their quotes and reprints."""
    from .store import Store
    store = Store(db)
    try:
        _analyse(store, quiet)
    except Exception as e:  # noqa: BLE001 - a store fault is one line; anything else is a bug to see whole
        _raise_store_fault(e, store)
        raise


@main.command("import")
@db_option
@click.option("--no-analyse", is_flag=True, help="Skip clustering, quotes and reprints after importing.")
@click.option("--quiet", is_flag=True, help="No progress bars.")
@click.argument("file", type=click.Path(exists=True, dir_okay=False))
def import_(db, no_analyse, quiet, file):
    """Import a JSONL or CSV corpus (id, outlet, title, text, published, url) into the store."""
    from .corpus import import_file
    from .store import Store
    store = Store(db)
    try:
        res = import_file(store, file)
    except ValueError as e:
        raise click.ClickException(str(e)) from None
    for err in res.errors[:50]:
        click.echo(f"{file}: {err}", err=True)
    if len(res.errors) > 50:
        click.echo(f"{file}: … and {len(res.errors) - 50} more invalid rows", err=True)
    titled = f"; {res.titled} without a title, titled from their first sentence" if res.titled else ""
    click.echo(f"{file}: {res.rows} rows, {res.valid} valid, {res.new} new, {len(res.errors)} invalid{titled}", err=True)
    if res.kept_line():
        click.echo(f"{file}: {res.kept_line()}", err=True)
    click.echo(f"{file}: {res.dates_line()}", err=True)
    if res.store_error is not None:
        raise click.ClickException(f"{file}: {res.store_line()}")
    if res.rows and not res.valid:
        raise click.ClickException(f"{file}: no valid row to import (the errors above name each line)")
    if not no_analyse:
        try:
            _analyse(store, quiet)
        except Exception as e:  # noqa: BLE001 - as in `analyse`
            _raise_store_fault(e, store)
            raise


@main.command()
def outlets():
    """List the packaged outlet catalog."""
    from .catalog import load_catalog
    for o in load_catalog():
        click.echo(f"{o.name}\t{o.country or ''}\t{o.ownership or ''}\t{', '.join(o.groups)}\t{' '.join(o.feeds)}")


@main.command()
@db_option
@click.argument("alias", required=False)
@click.argument("outlet", required=False)
@click.option("--remove", is_flag=True, help="Count ALIAS as an outlet of its own again.")
def alias(db, alias, outlet, remove):
    """Count another spelling of an outlet's name as that outlet (ALIAS OUTLET), e.g.
    `framelens alias "Xinhua News Agency" Xinhua`; with no arguments, list the aliases."""
    from .store import Store
    store = Store(db)
    if remove:
        if not alias:
            raise click.UsageError("--remove needs the ALIAS to remove")
        if not store.remove_alias(alias):
            raise click.ClickException(f"'{alias}' is no alias")
        click.echo(f"'{alias}' counts as an outlet of its own again", err=True)
    elif alias and outlet:
        try:
            store.set_alias(alias, outlet)
        except ValueError as e:
            raise click.ClickException(str(e)) from None
        click.echo(f"'{alias}' now counts as '{store.outlet_aliases()[alias]}'", err=True)
    elif alias:
        raise click.UsageError("give the OUTLET that ALIAS stands for, or --remove")
    else:
        for a, o in store.outlet_aliases().items():
            click.echo(f"{a}\t{o}")


def _io_command(name: str, module: str, func: str, help_text: str):
    """Register `framelens NAME --input X --output Y`, implemented in core.MODULE.FUNC."""
    @main.command(name, help=help_text)
    @click.option("--input", "input_path", required=True, type=click.Path(exists=True, dir_okay=False),
                  help="Articles as JSONL (id, outlet, title, text, published, url).")
    @click.option("--output", "output_path", required=True, type=click.Path(dir_okay=False), help="Where to write.")
    @click.option("--quiet", is_flag=True, help="No progress bar.")
    def command(input_path, output_path, quiet, **kw):
        import importlib

        from .progress import Progress
        fn = getattr(importlib.import_module(f"core.{module}"), func)
        bars = Progress(enabled=not quiet)
        try:
            fn(input_path, output_path, progress=bars, **kw)
        except ValueError as e:
            raise click.ClickException(str(e)) from None
        finally:
            bars.close()
    return command


_io_command("cluster", "cluster", "run_cluster_file", "Group articles into events; one {id, event} line per article.")
_io_command("quotes", "quotes", "run_quotes_file", "Extract quotes and their speakers; one line per attribution.")
_io_command("reprints", "reprints", "run_reprints_file",
            "Find articles derived from another outlet's: copies, spun copies, credited rewrites and wire copies; "
            "one line per derived article with its original (or the outlet when it is not in the input), "
            "kind, score, evidence and changes.")
compare = _io_command("compare", "framing", "run_compare_file",
                      "Every framing figure per event and outlet as one JSON report.")
compare.params.append(click.Option(["--events", "events_path"], type=click.Path(exists=True, dir_okay=False),
                                   default=None, help="{id, event} JSONL lines (default: cluster the input)."))


if __name__ == "__main__":
    main()
