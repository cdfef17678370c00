"""The extract job behind `vigie extract`: read inputs, extract, write, report failures."""

from __future__ import annotations

import contextlib
import json
import sys
import threading
from collections.abc import Iterator
from pathlib import Path

from rich.console import Console
from rich.progress import Progress

from vigie import output
from vigie.article import Article
from vigie.errors import Errors, VigieError
from vigie.pipeline import Failed, extract_each, load
from vigie.readers import Rejected, Warned, read_paths

# Show a progress bar from this many inputs on (and only when stderr is a terminal).
PROGRESS_FROM = 5


def run_extract(
    paths: list[str],
    *,
    out: Path | None,
    fmt: str,
    model: str,
    published: str | None,
    n_process: int,
    max_bytes: int,
    kb_files: tuple[Path, ...],
    table: bool = False,
    time_limit: float | None = None,
) -> int:
    """Extract every readable input and write its record; return the number of failed inputs."""
    failures = 0
    articles: list[Article] = []
    loading = _Loading(model, kb_files)
    for item in read_paths(paths, max_bytes=max_bytes):
        if isinstance(item, Rejected):
            output.error(item.source, item.reason)
            failures += 1
        elif isinstance(item, Warned):
            output.warning(item.source, item.reason)
        else:
            if published:
                item.published = published
            articles.append(item)
    if not articles:
        return failures
    try:
        nlp = loading.result()
    except VigieError as exc:
        output.error(model, str(exc))
        return failures + len(articles)
    with _sink(out) as stream:
        results = extract_each(_progress(articles), nlp=nlp, n_process=n_process,
                               time_limit=time_limit)
        failures += _write(zip(articles, results, strict=True), fmt, stream, table=table)
    return failures


class _Loading:
    """The pipeline, loaded in a thread while the inputs are read: the language check's model
    (py3langid, 0.6 s) and the file reads overlap the spaCy load, most of a cold start."""

    def __init__(self, model: str, kb_files: tuple[Path, ...]):
        self._nlp, self._error = None, None
        # A daemon: when no input is readable, the run ends without waiting for the model.
        self._thread = threading.Thread(target=self._load, args=(model, kb_files), daemon=True)
        self._thread.start()

    def _load(self, model: str, kb_files: tuple[Path, ...]) -> None:
        try:
            self._nlp = load(model, kb_files=kb_files)
        except BaseException as exc:  # noqa: BLE001 - handed to the caller by result()
            self._error = exc

    def result(self):
        """The loaded pipeline; raises what the load raised."""
        self._thread.join()
        if self._error is not None:
            raise self._error
        return self._nlp


def _write(results, fmt: str, stream, *, table: bool = False) -> int:
    """Write each record as it comes; name each failed article on stderr. Returns the number of
    failures: an article that fails, even at writing, costs no other its record (issue 24)."""
    console = Console(file=stream, width=140)
    screen = Console(width=140) if table else None
    collected, failures, warned = [], 0, 0
    for article, result in results:
        if isinstance(result, Failed):
            output.error(result.source, result.reason)
            failures += 1
            continue
        warned += output.record_warnings(result)
        try:
            line = result.to_json() if fmt == "jsonl" else None
            data = result.model_dump(mode="json") if fmt == "json" else None
        except Exception as exc:  # noqa: BLE001 - a record that cannot be written is its failure
            output.error(article.source or result.doc_id, Errors.E030.format(reason=repr(exc)))
            failures += 1
            continue
        if screen is not None:
            output.record_tables(result, screen)
        if fmt == "jsonl":
            stream.write(line + "\n")
        elif fmt == "json":
            collected.append(data)
        else:
            output.record_tables(result, console)
    if fmt == "json":
        data = collected[0] if len(collected) == 1 else collected
        stream.write(json.dumps(data, ensure_ascii=False, indent=2) + "\n")
    if warned:
        output.note(f"{warned} record(s) with warnings: a stage failed on them (see above)")
    return failures


@contextlib.contextmanager
def _sink(out: Path | None) -> Iterator:
    if out is None:
        yield sys.stdout
        return
    with open(out, "w", encoding="utf-8") as stream:
        yield stream


def _progress(articles: list[Article]) -> Iterator[Article]:
    if len(articles) < PROGRESS_FROM or not sys.stderr.isatty():
        yield from articles
        return
    with Progress(console=Console(stderr=True)) as progress:
        task = progress.add_task("extracting", total=len(articles))
        for article in articles:
            yield article
            progress.advance(task)
