"""The framelens command line."""
import re

import pytest
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


def _articles(tmp_path):
    import json
    rows = [{"id": "a1", "outlet": "TASS", "title": "Dong meets Shoigu", "published": "2024-04-03T08:00:00Z",
             "text": "Chinese Defense Minister Dong Jun told Sergei Shoigu that cooperation is a pillar of peace.\n\n"
                     '"We will not change our course," Dong said. Unlike some Western states, Beijing stays neutral.'},
            {"id": "a2", "outlet": "Reuters", "title": "China's Dong promises support", "published": "2024-04-03T10:00:00Z",
             "text": '"We supported you in the Ukrainian issue," Chinese Defense Minister Dong Jun said on Tuesday.'}]
    path = tmp_path / "a.jsonl"
    path.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    return path


@pytest.mark.parametrize("command", ["quotes", "cluster", "reprints", "compare"])
def test_batch_commands_with_progress_bars(tmp_path, command):
    """Every batch command runs with its progress bars on (the default) and ends with one summary line."""
    src, out = _articles(tmp_path), tmp_path / "out.json"
    r = CliRunner().invoke(main, [command, "--input", str(src), "--output", str(out)])
    assert r.exit_code == 0, (r.output, r.exception)
    assert r.stdout == "" and out.exists()
    last = r.stderr.strip().splitlines()[-1]
    assert last.startswith(f"{command}: ") and str(out) in last
    # one bar per stage, each drawn on its own line once at the end; no absurd rates
    assert "Traceback" not in r.stderr
    for rate in re.findall(r"([\d.,]+)(?:k|M)? ?\w+/s", r.stderr):
        assert float(rate.replace(",", "")) < 100_000, r.stderr


def test_compare_names_the_speakers_quotes_finds(tmp_path):
    """`compare` credits the speakers `framelens quotes` finds: no regex guesses like "Western"."""
    import json
    src, out = _articles(tmp_path), tmp_path / "report.json"
    r = CliRunner().invoke(main, ["compare", "--input", str(src), "--output", str(out), "--quiet"])
    assert r.exit_code == 0, r.output
    report = json.loads(out.read_text(encoding="utf-8"))
    names = {row["speaker"] for ev in report["events"] for rows in ev["attribution"]["speakers"].values()
             for row in rows}
    assert "Dong Jun" in names and not names & {"Western", "Dong", "Chinese Defense Minister Dong Jun"}


def test_progress_counts_on_from_the_first_report_and_never_stacks_stages():
    import io

    from core.progress import Progress
    buf = io.StringIO()
    bars = Progress(file=buf, lines=False)       # a terminal's bars
    bars("events", 0, 3)
    bars("events", 3, 3)                      # finished: closed at once
    bars("quotes", 200, 300)                  # a first report mid-way is a starting point, not a burst
    assert bars.bars["quotes"].initial == 200 and "events" not in bars.bars
    bars("quotes", 300, 300)
    bars("feeds", 0, 2)
    bars("pages", 5, 5)                       # pages grow while feeds run: kept open
    bars("pages", 6, 9)
    assert set(bars.bars) >= {"feeds", "pages"} and "events" not in bars.bars
    bars.close()
    out = buf.getvalue()
    assert " 300/300 " in out and " 6/9 " in out and " article/s" in out and " page/s" in out


def test_progress_into_a_pipe_or_log_is_one_line_per_stage(tmp_path):
    """`framelens quotes … 2> log` as a cron job runs it: no carriage-return redraws, no final state
    printed twice, no rate from a stage that took no time."""
    src = _articles(tmp_path)
    r = CliRunner().invoke(main, ["quotes", "--input", str(src), "--output", str(tmp_path / "q.jsonl")])
    assert r.exit_code == 0, r.output
    lines = r.stderr.splitlines()
    assert "\r" not in r.stderr
    stages = [line.split(":")[0] for line in lines[:-1]]
    assert stages == ["quotes", "events"], lines
    assert all(" articles (" in line and line.endswith(")") for line in lines[:-1])
    assert "attributions in" in lines[-1]


def test_alias_command_merges_and_splits_spellings_in_a_store_with_data(tmp_path, db_url):
    """`framelens alias` as a user runs it, on a store already holding articles."""
    src = _articles(tmp_path)
    r = CliRunner().invoke(main, ["import", str(src), "--db", db_url])
    assert r.exit_code == 0, (r.output, r.exception)
    r = CliRunner().invoke(main, ["alias", "Kyiv Indy", "The Kyiv Independent", "--db", db_url])
    assert r.exit_code == 0, r.output
    assert "'Kyiv Indy' now counts as 'The Kyiv Independent'" in r.stderr
    listed = CliRunner().invoke(main, ["alias", "--db", db_url])
    assert listed.stdout == "Kyiv Indy\tThe Kyiv Independent\n"
    assert CliRunner().invoke(main, ["alias", "Kyiv Indy", "--db", db_url]).exit_code == 2      # no OUTLET
    assert CliRunner().invoke(main, ["alias", "RT", "RT", "--db", db_url]).exit_code == 1         # refused, named
    r = CliRunner().invoke(main, ["alias", "Kyiv Indy", "--remove", "--db", db_url])
    assert r.exit_code == 0 and "counts as an outlet of its own again" in r.stderr
    assert CliRunner().invoke(main, ["alias", "Kyiv Indy", "--remove", "--db", db_url]).exit_code == 1
    assert CliRunner().invoke(main, ["alias", "--db", db_url]).stdout == ""
    assert Store(db_url).count_articles() == 2                  # nothing stored was touched


def test_quotes_compare_and_the_store_name_the_same_speakers(tmp_path):
    """One attribution: `quotes`, `compare` and the dashboard's store (import, then analyse, progress
    bars on) count each outlet's quotes under the same names."""
    import json
    from collections import Counter

    from core.sources import speaker_label
    src = _articles(tmp_path)
    extra = [{"id": "a3", "outlet": "AP", "title": "Tariffs stay, Trump says", "published": "2024-04-03T12:00:00Z",
              "text": "The Trump administration said the tariffs would stay. Comey wrote that Trump told him, "
                      "\u201cI need loyalty.\u201d President Donald Trump said the talks would continue. "
                      "\"We are making great progress,\" Trump told reporters."}]
    with src.open("a", encoding="utf-8") as fh:
        fh.write("".join(json.dumps(r) + "\n" for r in extra))
    outlet = {json.loads(line)["id"]: json.loads(line)["outlet"] for line in src.open(encoding="utf-8")}
    qpath, cpath, db = tmp_path / "q.jsonl", tmp_path / "c.json", tmp_path / "s.sqlite"
    for args in (["quotes", "--input", str(src), "--output", str(qpath)],
                 ["compare", "--input", str(src), "--output", str(cpath)],
                 ["import", "--db", str(db), str(src)]):
        r = CliRunner().invoke(main, args)
        assert r.exit_code == 0, (args, r.output, r.exception)
    from_quotes = Counter((outlet[q["article_id"]], speaker_label(q))
                          for q in map(json.loads, qpath.open(encoding="utf-8")))
    report = json.loads(cpath.read_text(encoding="utf-8"))
    from_compare = Counter({(o, row["speaker"]): sum(row["cues"].values()) for ev in report["events"]
                            for o, rows in ev["attribution"]["speakers"].items() for row in rows})
    stored = Store(str(db)).speaker_outlet_counts()
    from_store = Counter({(r.outlet, r.speaker): r.quotes for r in stored.itertuples()})
    assert from_quotes == from_compare == from_store
    assert {("AP", "Trump administration"), ("AP", "Donald Trump")} <= set(from_quotes)
    assert not any(name == "(no named speaker)" for _, name in from_quotes)
