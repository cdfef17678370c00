"""A time limit on vigie's stages for one article (or one section of a long one): past it the
article is refused with V031 and the others go on (issue 24: inputs ran for minutes or hours).

In the main thread (the `vigie` commands, their worker processes, the server's extraction
processes) a timer interrupts a stage wherever it is; in another thread, where Python allows no
timer, the limit is checked between stages.
"""

from __future__ import annotations

import contextlib
import signal
import threading
import time
from collections.abc import Iterator

from vigie.settings import DEFAULT_TIME_LIMIT

# Seconds vigie's stages may take on one section (at most 100 000 characters, vigie.sections):
# such a section takes 1 to 5 s on a shared 2-core machine (bench/scaling.py), a news article
# a tenth of a second.
DEFAULT_SECONDS = DEFAULT_TIME_LIMIT


class OverTime(BaseException):
    """The time limit has passed. A BaseException, so that a stage's own guard (which turns any
    Exception into a warning on the record) does not take it for a failure of that stage."""


class Budget:
    """The time left to the block `within` opened."""

    def __init__(self, seconds: float | None):
        self.seconds = seconds
        self.deadline = time.monotonic() + seconds if seconds else None

    def check(self) -> None:
        """Raise OverTime when the time is up (between stages, where no timer runs)."""
        if self.deadline is not None and time.monotonic() > self.deadline:
            raise OverTime(self.seconds)


@contextlib.contextmanager
def within(seconds: float | None) -> Iterator[Budget]:
    """A block that raises OverTime once `seconds` have passed (None or 0: no limit)."""
    budget = Budget(seconds)
    if not seconds or threading.current_thread() is not threading.main_thread():
        yield budget
        return
    try:
        previous = signal.signal(signal.SIGALRM, _over)
    except ValueError:  # not the main interpreter: checked between stages only
        yield budget
        return
    outer, _ = signal.setitimer(signal.ITIMER_REAL, seconds)
    started = time.monotonic()
    try:
        yield budget
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)
        if outer:  # a timer of the caller's own: it runs on, less the time spent here
            signal.setitimer(signal.ITIMER_REAL, max(outer - (time.monotonic() - started), 1e-3))


def _over(_signum, _frame) -> None:
    raise OverTime()
