"""bench/labels/quotes_feeds.py: the held-out sample of quote rows in real feed items names each item of
../shared/data/feeds exactly once with offsets inside its stored text, its labels follow the sample row for row and
carry no feed text, and the scorer counts right, wrong, gone and unlabelled rows as it says."""
from __future__ import annotations

import re

import pytest

from tests.conftest import bench_module

SCRIPT = "labels/quotes_feeds.py"
# What a wrong span's note opens with (its first clause, which `score` prints as the kind): the kinds GUIDE.md's
# "Quotes in real feed items" keeps as wrong spans.
WHY_WRONG = re.compile(r"^(deed|fragment|negated|runs into (narration|the writer's words|the cue)|page furniture|cut)\b"
                       r"|no statement")


def test_sample_ids_resolve_to_one_feed_item_each_with_offsets_inside_its_text():
    bench = bench_module(SCRIPT)
    ef = bench.events_feeds
    if not ef.has_feeds(bench.FEEDS):
        pytest.skip(f"no feeds in {bench.FEEDS} (../shared/data/feeds)")
    sample = bench.read_jsonl(bench.SAMPLE)
    assert len(sample) == 100 and [s["n"] for s in sample] == list(range(100))
    assert sum(s["card"] for s in sample) == 50
    found, bad = ef.resolve_ids(ef.read_feeds(bench.FEEDS), [s["id"] for s in sample])
    assert bad == []
    for s in sample:
        assert set(s) == {"n", "id", "quote", "kind", "speaker_shown", "card"}, s   # no feed text
        a = found[s["id"]]
        assert a.text_status == "summary-only"
        start, end = s["quote"]
        assert 0 <= start < end <= len(a.text), s
        assert a.text[start:end].strip(), s


def test_labels_follow_the_sample_and_carry_no_feed_text():
    bench = bench_module(SCRIPT)
    sample = bench.read_jsonl(bench.SAMPLE)
    labels = bench.read_jsonl(bench.LABELS)
    assert [(r["n"], r["id"], r["quote"], r["speaker_shown"], r["card"]) for r in labels] == \
        [(s["n"], s["id"], s["quote"], s["speaker_shown"], s["card"]) for s in sample]
    for r in labels:
        assert set(r) == {"n", "id", "quote", "speaker_shown", "card", "speaker", "quote_ok", "note"}, r
        assert isinstance(r["quote_ok"], bool)
        assert r["speaker"] in ("none", "unclear") or all(re.fullmatch(r"[poga]:\S.*", x) for x in r["speaker"])
        assert 0 < len(r["note"]) <= 160
        # a wrong span's note opens with why (the kind the scorer prints), a right one's with the cue, never a kind
        assert bool(WHY_WRONG.search(r["note"].split(";")[0])) == (not r["quote_ok"]), r
        # a row nobody said is a wrong span too
        assert r["speaker"] != "none" or not r["quote_ok"]


def _row(id_, quote, shown, typ="person", card=False):
    return {"id": id_, "article_id": id_, "quote": list(quote), "kind": "direct", "shown": shown,
            "canonical": shown, "type": typ, "how": "", "mention": [None, None], "cue": "said", "card": card,
            "named": True}


def _label(n, id_, quote, shown, speaker, ok, card=False):
    return {"n": n, "id": id_, "quote": list(quote), "speaker_shown": shown, "card": card, "speaker": speaker,
            "quote_ok": ok, "note": "x"}


def test_score_counts_right_wrong_gone_and_unlabelled_rows(capsys):
    bench = bench_module(SCRIPT)
    rows = [_row("f.xml|a", (0, 10), "Donald Trump", card=True),            # right on both
            _row("f.xml|a", (20, 30), "Sheikh Hasina"),                      # wrong speaker
            _row("f.xml|b", (0, 5), "Department of Defense (the United States)", "organisation", card=True),
            _row("f.xml|c", (0, 9), "Someone New")]                          # no label
    labels = [_label(0, "f.xml|a", (0, 10), "Donald Trump", ["p:Donald Trump"], True, card=True),
              _label(1, "f.xml|a", (20, 30), "Sheikh Hasina", ["p:Muhammad Yunus"], True),
              _label(2, "f.xml|b", (0, 5), "x", ["o:Department of Defense (United States)"], False, card=True),
              _label(3, "f.xml|d", (0, 4), "Gone", ["p:Gone Person"], True)]  # no longer produced
    tot = bench.score(rows, labels, {}, show_errors=True)
    assert tot["all", "n"] == 3 and tot["card", "n"] == 2
    assert (tot["all", "speaker"], tot["all", "span"], tot["all", "both"]) == (2, 2, 1)
    assert (tot["card", "speaker"], tot["card", "span"], tot["card", "both"]) == (2, 1, 1)
    assert tot["gone"] == 1 and tot["new"] == 1
    out = capsys.readouterr().out
    assert "speaker  2/3 = 0.667" in out and "#3 no longer produced" in out


def test_commands_say_so_and_exit_0_without_the_feeds(tmp_path, capsys):
    assert bench_module(SCRIPT).main(["score", "--feeds", str(tmp_path)]) == 0
    assert "no feed files" in capsys.readouterr().err
