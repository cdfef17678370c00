"""The ingest progress bar on stderr: articles, articles/s, ETA.

The rate is articles done over the time since the bar started, not rich's estimate from its
last few updates: records arrive in bursts (one `nlp.pipe` batch at a time), and a burst of 32
updates within a millisecond read as 151 211 articles/s (issue 22).
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable, Iterator

from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, ProgressColumn, TextColumn
from rich.text import Text


class RateColumn(ProgressColumn):
    """Articles per second since the start, and the time left at that rate."""

    def render(self, task) -> Text:
        """`2.4 articles/s, ETA 0:01:10` once an article is done."""
        elapsed = task.elapsed or 0.0
        if not task.completed or not elapsed:
            return Text("")
        rate = task.completed / elapsed
        left = int((task.total - task.completed) / rate) if task.total else 0
        return Text(f"{rate:.1f} articles/s, ETA {left // 3600}:{left // 60 % 60:02d}:"
                    f"{left % 60:02d}")


@contextlib.contextmanager
def progress_bar(total: int, *, enabled: bool) -> Iterator[Callable[[], None]]:
    """Yield advance(): one call per article done; a no-op when not enabled."""
    if not enabled or total == 0:
        yield lambda: None
        return
    columns = (TextColumn("ingesting"), BarColumn(), MofNCompleteColumn(), RateColumn())
    with Progress(*columns, console=Console(stderr=True)) as progress:
        task = progress.add_task("ingest", total=total)
        yield lambda: progress.advance(task)
