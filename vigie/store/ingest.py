"""Ingest: read articles, extract their records, store them in batched transactions.

Idempotent (an article whose text is already stored is skipped before extraction, by content
hash) and resumable (each batch is one transaction; a run killed at any moment loses only the
batch in flight, which the next run redoes).
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from pydantic import ValidationError

from vigie.article import Article, content_hash
from vigie.errors import Errors, InputError, VigieError
from vigie.readers import Rejected, Warned, read_paths
from vigie.readers.checks import check_record_fields
from vigie.record import DocumentRecord, warning_text
from vigie.settings import Settings
from vigie.store.progress import progress_bar
from vigie.store.store import Store

LOGGER = logging.getLogger(__name__)

# report(kind, source, reason) with kind "error" or "warning": how the caller hears of bad inputs.
Report = Callable[[str, str, str], None]
# Articles per nlp.pipe batch while a progress bar shows, so it moves with the articles rather
# than in jumps of --batch-size (records come out a batch at a time). Measured on the 20 corpus
# articles, 2 cores: 0.75 s at 4, 0.72 s at 32, 0.87 s at 1.
PROGRESS_BATCH = 4


@dataclass
class Summary:
    """What one ingest run did."""

    added: int = 0
    duplicates: int = 0
    failed: list[tuple[str, str]] = field(default_factory=list)  # (source, reason)
    warnings: list[tuple[str, str]] = field(default_factory=list)
    warned: int = 0  # records that a stage failed on (their `warnings`), stored all the same
    seconds: float = 0.0

    @property
    def rate(self) -> float:
        """Articles (added or skipped) per second."""
        return (self.added + self.duplicates) / self.seconds if self.seconds else 0.0

    def lines(self) -> list[str]:
        """The summary as printable lines."""
        lines = [f"added {self.added}, duplicates skipped {self.duplicates}, "
                 f"failed {len(self.failed)}, with warnings {self.warned} "
                 f"({self.seconds:.1f} s, {self.rate:.1f} articles/s)"]
        return lines + [f"  failed: {source}: {reason}" for source, reason in self.failed]


@dataclass
class _Item:
    source: str
    digest: str
    article: Article | None = None
    record: DocumentRecord | None = None


def ingest(
    paths: Iterable[str | Path],
    store: Store,
    *,
    settings: Settings | None = None,
    nlp=None,
    records: bool = False,
    published: str | None = None,
    progress: bool = False,
    report: Report | None = None,
) -> Summary:
    """Extract and store every article under `paths`.

    Args:
        paths: files, directories or `-`, as `vigie extract` reads them.
        store: the store to fill.
        settings: model, kb files, max_bytes, batch_size (articles per transaction), n_process.
        nlp: an already loaded pipeline (else built from settings when needed).
        records: the inputs are document-record JSONL (from `vigie extract`): no extraction.
        published: publication date given to every article that has none.
        progress: show a progress bar on stderr.
        report: called as report(kind, source, reason) for each rejected input and warning.

    Returns:
        The run's Summary.
    """
    settings = settings or Settings()
    summary, started = Summary(), time.perf_counter()
    report = report or _log_report
    reader = _read_records if records else _read_articles
    items = reader(paths, settings, published, summary, report)
    pending = _new_items(items, store, summary)
    if pending and not records and nlp is None:  # loaded before the bar: its time is not a rate
        nlp = _pipeline(pending, settings, summary, report)
    pipe_batch = min(settings.batch_size, PROGRESS_BATCH) if progress else settings.batch_size
    with progress_bar(len(pending), enabled=progress and (records or nlp is not None)) as advance:
        batch: list[DocumentRecord] = []
        for item in _extracted(pending, settings, nlp, records, summary, report, pipe_batch):
            advance()
            if item.record is None:
                continue
            if (text := warning_text(item.record)) is not None:  # a stage failed on it
                summary.warned += 1
                report("warning", item.source, text)
            batch.append(item.record)
            if len(batch) >= settings.batch_size:
                _commit(store, batch, summary)
        _commit(store, batch, summary)
    summary.seconds = time.perf_counter() - started
    return summary


def _log_report(kind: str, source: str, reason: str) -> None:
    LOGGER.log(logging.ERROR if kind == "error" else logging.WARNING, "%s: %s", source, reason)


def _read_articles(paths, settings: Settings, published, summary: Summary, report) -> list[_Item]:
    items = []
    for found in read_paths(paths, max_bytes=settings.max_bytes):
        if isinstance(found, Rejected | Warned):
            _note(found, summary, report)
            continue
        if published and not found.published:
            found.published = published
        items.append(_Item(found.source or found.doc_id, content_hash(found.text), article=found))
    return items


def _read_records(paths, settings: Settings, published, summary: Summary, report) -> list[_Item]:
    items = []
    for path in _files(paths, summary, report):
        for number, line in _record_lines(path, settings.max_bytes, summary, report):
            source = f"{path}:{number}"
            try:
                record = DocumentRecord.from_json(line)
                check_record_fields(record)
            except ValidationError as exc:
                _note(Rejected(source, Errors.E009.format(fmt="record", reason=exc.errors()[0]
                                                          ["msg"])), summary, report)
                continue
            except InputError as exc:
                _note(Rejected(source, str(exc)), summary, report)
                continue
            if published and not record.published:
                record.published = published
            items.append(_Item(source, content_hash(record.text), record=record))
    return items


def _record_lines(path: Path, max_bytes: int, summary: Summary, report):
    """(number, line) of a record file's non-blank lines; a file that is not text (binary, not
    UTF-8) is refused with its reason, not a traceback."""
    from vigie.readers.decode import decode

    try:
        with open(path, "rb") as stream:
            data = stream.read(max_bytes + 1)
        if len(data) > max_bytes:
            raise InputError(Errors.E004.format(size=path.stat().st_size, limit=max_bytes))
        content, encoding = decode(data)
    except OSError as exc:
        _note(Rejected(str(path), Errors.E012.format(reason=exc.strerror or exc)), summary, report)
        return
    except InputError as exc:
        _note(Rejected(str(path), str(exc)), summary, report)
        return
    if encoding not in ("utf-8", "ascii"):
        _note(Warned(str(path), Errors.W001.format(encoding=encoding)), summary, report)
    for number, line in enumerate(content.split("\n"), 1):
        if line.strip():
            yield number, line


def _files(paths, summary: Summary, report) -> Iterator[Path]:
    for path in map(Path, paths):
        if path.is_dir():
            yield from sorted(p for p in path.rglob("*.jsonl") if p.is_file())
        elif path.is_file():
            yield path
        elif path.exists():  # a FIFO would block the read forever
            _note(Rejected(str(path), Errors.E019.format(kind="special file")), summary, report)
        else:
            _note(Rejected(str(path), Errors.E006), summary, report)


def _note(found: Rejected | Warned, summary: Summary, report) -> None:
    if isinstance(found, Rejected):
        summary.failed.append((found.source, found.reason))
        report("error", found.source, found.reason)
    else:
        summary.warnings.append((found.source, found.reason))
        report("warning", found.source, found.reason)


def _new_items(items: list[_Item], store: Store, summary: Summary) -> list[_Item]:
    """Drop items whose text is stored already or seen earlier in this run."""
    known = store.known_hashes(item.digest for item in items)
    pending = []
    for item in items:
        if item.digest in known:
            summary.duplicates += 1
            continue
        known.add(item.digest)
        pending.append(item)
    return pending


def _pipeline(pending: list[_Item], settings: Settings, summary: Summary, report):
    """The pipeline of `settings`; None when it cannot load (every pending item then failed)."""
    from vigie.pipeline import load

    try:
        return load(settings.model, kb_files=settings.kb_files)
    except VigieError as exc:
        for item in pending:
            _note(Rejected(item.source, str(exc)), summary, report)
        return None


def _extracted(pending: list[_Item], settings: Settings, nlp, records: bool, summary: Summary,
               report, pipe_batch: int) -> Iterator[_Item]:
    """Items with their records filled; a failed extraction is noted and the stream goes on."""
    if records or not pending:
        yield from pending
        return
    if nlp is not None:
        yield from _stream(pending, nlp, pipe_batch, settings, summary, report)


def _stream(pending: list[_Item], nlp, pipe_batch: int, settings: Settings, summary: Summary,
            report):
    """Each item with its record, or noted as failed with its own source: a bad article costs
    only itself, and is charged to itself, not to the first article of its batch (issue 24)."""
    from vigie.pipeline import Failed, extract_each

    results = extract_each((item.article for item in pending), nlp=nlp,
                           n_process=settings.n_process, batch_size=pipe_batch,
                           time_limit=settings.time_limit or None)
    for item, result in zip(pending, results, strict=True):
        if isinstance(result, Failed):
            _note(Rejected(item.source, result.reason), summary, report)
        else:
            item.record = result
        yield item


def _commit(store: Store, batch: list[DocumentRecord], summary: Summary) -> None:
    if not batch:
        return
    ids = store.add_records(batch)
    added = sum(1 for i in ids if i is not None)
    summary.added += added
    summary.duplicates += len(ids) - added  # stored meanwhile by a concurrent run
    batch.clear()
