"""The framelens command line."""
from click.testing import CliRunner

from core.cli import main
from core.store import Store
from tests.test_ingest import page, rss


def test_ingest_command_prints_summary_to_stderr(site, tmp_path, db_url):
    site.add("/f.xml", rss(site.base, [("one", "One story")]))
    site.add("/a/one.html", page("One story", "Officials said the talks in Geneva would continue next week."),
             content_type="text/html")
    site.add("/bad.xml", b"oops", status=500)
    cat = tmp_path / "outlets.toml"
    cat.write_text(f'[[outlet]]\nname = "Wire"\nfeeds = ["{site.base}/f.xml", "{site.base}/bad.xml"]\n')
    r = CliRunner().invoke(main, ["ingest", "--db", db_url, "--outlets", str(cat), "--allow-private",
                                  "--timeout", "2", "--quiet"])
    assert r.exit_code == 0, r.output
    assert r.stdout == ""
    assert "feeds ok 1, not modified 0, failed 1; new articles 1" in r.stderr
    assert f"failed: Wire: {site.base}/bad.xml: server error: HTTP 500" in r.stderr
    assert Store(db_url).count_articles() == 1


def test_ingest_with_bad_catalog_names_file_line_field(tmp_path, db_url):
    cat = tmp_path / "outlets.toml"
    cat.write_text('[[outlet]]\nname = "Wire"\nfeeds = "https://x.org/f.xml"\n')
    r = CliRunner().invoke(main, ["ingest", "--db", db_url, "--outlets", str(cat)])
    assert r.exit_code == 1
    assert f"{cat}:3: field 'feeds'" in r.output


def test_fetch_goes_through_db_env_variable(site, tmp_path, monkeypatch):
    site.add("/f.xml", rss(site.base, [("one", "One story")]))
    cat = tmp_path / "o.toml"
    cat.write_text(f'[[outlet]]\nname = "Wire"\nfeeds = ["{site.base}/f.xml"]\n')
    monkeypatch.setenv("FRAMELENS_DB", str(tmp_path / "env.sqlite"))
    r = CliRunner().invoke(main, ["ingest", "--outlets", str(cat), "--no-pages", "--quiet"])
    assert r.exit_code == 0, r.output
    assert Store(str(tmp_path / "env.sqlite")).count_articles() == 1


def test_outlets_command_lists_catalog():
    r = CliRunner().invoke(main, ["outlets"])
    assert r.exit_code == 0 and "TASS\tRU\tstate" in r.output
