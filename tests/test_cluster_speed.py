"""bench/cluster_speed.py runs the clusterers in turns and judges the target on the ratio of their median CPU
times, with the same number of runs and the same statistic for both sides (one run's CPU moves by several
seconds from run to run). Figures are the bench's to print; nothing here is timed."""
from __future__ import annotations

import importlib.util
import re
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SCRIPT = ROOT / "bench" / "cluster_speed.py"


def _bench():
    """bench/cluster_speed.py as a module (bench/ is no package)."""
    spec = importlib.util.spec_from_file_location("cluster_speed_under_test", SCRIPT)
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def _run(cpu: float, seconds: float | None = None, peak: float = 500.0) -> dict:
    """One child's RESULT."""
    return {"which": "x", "n": 1000, "seconds": seconds or cpu, "cpu": cpu, "peak_mb": peak}


def test_target_is_judged_on_the_ratio_of_medians_not_on_a_best_run():
    cs = _bench()
    # today's medians 75 against 0.1.0's 45: 1.67x, missed, although today's best run (60) is within 1.5x of
    # 0.1.0's worst (50); the rounds' own ratios are 1.50x and 1.80x
    lines = cs.summary({"baseline": [_run(40.0), _run(50.0)], "new": [_run(60.0), _run(90.0)]}, [])
    text = "\n".join(lines)
    assert "today / 0.1.0: 1.67x CPU (ratio of medians; per round 1.50x-1.80x)" in text
    assert "target ≤1.5x MISSED" in text
    assert sum(1 for x in lines if re.search(r" run \d+: ", x)) == 4   # every run printed


def test_median_of_an_odd_number_of_rounds_is_the_middle_run():
    cs = _bench()
    assert cs.median([3.0, 1.0, 2.0]) == 2.0
    assert cs.median([4.0, 1.0, 2.0, 3.0]) == 2.5
    lines = cs.summary({"baseline": [_run(50.0), _run(40.0), _run(60.0)],
                        "new": [_run(70.0), _run(74.0), _run(80.0)]}, [])
    assert any("1.48x CPU" in x and "target ≤1.5x met" in x for x in lines)


def test_setting_cost_and_memory_lines():
    cs = _bench()
    lines = cs.summary({"new": [_run(50.0, peak=2100.0), _run(52.0)], "also": [_run(40.0), _run(40.0)]},
                       ["merge_leaving=false"])
    text = "\n".join(lines)
    assert "peak < 2 GB MISSED" in text                       # the largest of today's runs counts
    assert "today / today with merge_leaving=false: 1.27x CPU" in text
    assert "0.1.0" not in text


def _baseline_readable() -> bool:
    """Whether git can show 0.1.0's clusterer here (a shallow clone cannot)."""
    cs = _bench()
    proc = subprocess.run(["git", "-C", str(ROOT), "cat-file", "-e", f"{cs.BASELINE}:core/cluster.py"],
                          capture_output=True)
    return proc.returncode == 0 and cs.CORPORA.is_dir()


@pytest.mark.skipif(not _baseline_readable(), reason="needs the shared corpora and git history")
def test_small_stream_runs_in_turns_and_prints_every_run():
    proc = subprocess.run([sys.executable, str(SCRIPT), "--n", "300", "--block", "100", "--repeat", "2"],
                          capture_output=True, text=True, timeout=600)
    assert proc.returncode == 0, proc.stderr
    out = proc.stdout
    order = re.findall(r"-- round (\d) of 2: (\w+)", out)
    assert order == [("1", "baseline"), ("1", "new"), ("2", "baseline"), ("2", "new")]
    cpu = {w: [float(c) for c in re.findall(rf"^{re.escape(label)}[^\n]*? run \d: [^\n]*?CPU ([\d.]+) s", out, re.M)]
           for w, label in (("base", "0.1.0"), ("new", "today"))}
    assert len(cpu["base"]) == 2 and len(cpu["new"]) == 2
    medians = re.search(r"median CPU ([\d.]+) s against ([\d.]+) s", out)
    assert medians and float(medians[1]) == pytest.approx(sum(cpu["new"]) / 2, abs=0.006)
    assert float(medians[2]) == pytest.approx(sum(cpu["base"]) / 2, abs=0.006)
    m = re.search(r"today / 0.1.0: ([\d.]+)x CPU \(ratio of medians; per round ([\d.]+)x-([\d.]+)x\)", out)
    assert m, out
    ratio, lo, hi = map(float, m.groups())
    # the printed ratio is that of the printed medians (figures rounded to 10 ms on a run of 0.1 s: a loose check)
    assert ratio == pytest.approx((sum(cpu["new"]) / 2) / (sum(cpu["base"]) / 2), rel=0.15)
    assert lo <= ratio + 0.01 and ratio <= hi + 0.01
    assert re.search(r"target ≤1.5x (met|MISSED)", out)
