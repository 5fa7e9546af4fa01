"""One progress style for every command: a tqdm bar per stage on stderr, honest rates, no doubled bars.

Long steps take a `report(stage, done, total)` callback. `Progress` is that callback for a terminal:
a stage's bar opens at its first report and counts on from there (so a first report of 200 done is
not read as 200 items in no time), a finished bar is closed before the next stage's bar opens (so
sequential stages never stack and reprint), and stages that run side by side (feeds and pages during
ingest) each keep their own line until the end. Into a pipe or a log file (stderr no terminal) each
stage is one plain line instead (`LineBar`).
"""
from __future__ import annotations

import sys
import time
from contextlib import contextmanager
from typing import Callable, Iterator

Report = Callable[[str, int, "int | None"], None]

# What each stage counts; anything else counts articles.
STAGE_UNITS = {"feeds": "feed", "pages": "page", "events compared": "event", "topics retagged": "event"}
# Stages whose total grows while they run (each feed fetched adds pages): their bar stays open.
GROWING = {"pages"}


def silent(stage: str, done: int, total: int | None) -> None:
    """A report callback that shows nothing."""


class LineBar:
    """A stage's progress as plain lines, for a log file or a pipe: carriage-return bars there print
    every redraw and the final state twice. One line when the stage ends, and one every
    LOG_INTERVAL seconds while it runs, so a long run in a log is not silent."""

    LOG_INTERVAL = 30.0

    def __init__(self, total: int | None, initial: int, desc: str, file, unit: str):
        self.total, self.initial, self.n, self.desc, self.file, self.unit = total, initial, initial, desc, file, unit
        self.disable = False
        self.start = self.last = time.monotonic()

    def update(self, k: int) -> None:
        self.n += k
        if time.monotonic() - self.last >= self.LOG_INTERVAL:
            self._line("…")

    def close(self) -> None:
        if not self.disable:
            self._line("")
            self.disable = True

    def _line(self, more: str) -> None:
        self.last = time.monotonic()
        took = self.last - self.start
        rate = f", {(self.n - self.initial) / took:.1f} {self.unit}/s" if took >= 0.05 else ""
        total = f"/{self.total}" if self.total is not None else ""
        print(f"{self.desc}: {self.n}{total} {self.unit}{'' if self.n == 1 else 's'}{more} "
              f"({took:.1f} s{rate})", file=self.file, flush=True)


class Progress:
    """A report callback drawing one bar per stage on stderr (or nothing when disabled); plain lines
    (LineBar) instead of bars when stderr is no terminal."""

    def __init__(self, enabled: bool = True, file=None, lines: bool | None = None):
        self.enabled = enabled
        self.file = file or sys.stderr
        self.bars: dict = {}
        if lines is None:
            isatty = getattr(self.file, "isatty", None)
            lines = not (isatty and isatty())
        self.lines = lines

    def __bool__(self) -> bool:
        return self.enabled

    def __call__(self, stage: str, done: int, total: int | None) -> None:
        if not self.enabled:
            return
        bar = self.bars.get(stage)
        if bar is None:
            self._close_finished()
            unit = STAGE_UNITS.get(stage, "article")
            if self.lines:
                bar = self.bars[stage] = LineBar(total, done, stage, self.file, unit)
            else:
                from tqdm import tqdm
                bar = self.bars[stage] = tqdm(total=total, initial=done, desc=stage, file=self.file,
                                              unit=" " + unit, dynamic_ncols=True, leave=True)
        elif bar.disable:      # closed when it finished: a late report of the same figures
            return
        if total is not None and total != bar.total:
            bar.total = total
        if done != bar.n:
            bar.update(done - bar.n)
        if total is not None and done >= total and stage not in GROWING:
            bar.close()        # now, so its time and rate are the stage's own

    def _close_finished(self) -> None:
        """Close the bars whose stage is done, so the next stage's bar starts below them once."""
        for stage, bar in list(self.bars.items()):
            if bar.total is not None and bar.n >= bar.total:
                bar.close()
                del self.bars[stage]

    def close(self) -> None:
        """Close every bar still open."""
        for bar in self.bars.values():
            bar.close()
        self.bars.clear()


@contextmanager
def reporting(progress) -> Iterator[Report]:
    """A report callback for `progress`: a callback as given, True for stderr bars, False for none."""
    if callable(progress) and not isinstance(progress, bool):
        yield progress
        return
    bars = Progress(enabled=bool(progress))
    try:
        yield bars
    finally:
        bars.close()


def note(progress, line: str) -> None:
    """A one-line summary on stderr, below the closed bars, when progress is shown."""
    if progress and progress is not silent:
        if isinstance(progress, Progress):
            progress.close()
        print(line, file=sys.stderr)
