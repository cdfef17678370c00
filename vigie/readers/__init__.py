"""Readers: files, directories and stdin to Articles, with clear reasons for what is refused.

`read(path)` yields `Article` for each article and `Rejected` for each input that cannot be read;
it never raises for bad input, so one bad file never stops a batch.
"""

from __future__ import annotations

import logging
import stat
import sys
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from vigie.article import Article
from vigie.errors import Errors, InputError
from vigie.readers import feed, html, jsonl, text
from vigie.readers.checks import check_article
from vigie.readers.decode import decode, detect_lang
from vigie.settings import DEFAULT_MAX_BYTES

LOGGER = logging.getLogger(__name__)

READERS = {
    ".txt": text.parse,
    ".text": text.parse,
    ".jsonl": jsonl.parse_lines,
    ".ndjson": jsonl.parse_lines,
    ".json": jsonl.parse_json,
    ".html": html.parse,
    ".htm": html.parse,
    ".xml": feed.parse,
    ".rss": feed.parse,
    ".atom": feed.parse,
}


@dataclass
class Rejected:
    """An input that could not be read, and why."""

    source: str
    reason: str


@dataclass
class Warned:
    """A warning about an input that was read anyway."""

    source: str
    reason: str


def read_paths(
    paths: Iterable[str | Path], *, max_bytes: int = DEFAULT_MAX_BYTES
) -> Iterator[Article | Rejected | Warned]:
    """Read every path in turn (directories recursively, `-` for stdin)."""
    for path in paths:
        yield from read(path, max_bytes=max_bytes)


def read(
    path: str | Path, *, max_bytes: int = DEFAULT_MAX_BYTES
) -> Iterator[Article | Rejected | Warned]:
    """Articles in one path, and a Rejected for each input that cannot be read.

    Args:
        path: a file, a directory (read recursively, by extension) or `-` for stdin.
        max_bytes: inputs larger than this are refused.
    """
    if str(path) == "-":
        yield from read_bytes("-", sys.stdin.buffer.read(max_bytes + 1), ".txt", max_bytes)
        return
    path = Path(path)
    if path.is_dir():
        # Not only regular files: a FIFO or a device named like an article is refused, not skipped.
        files = sorted(p for p in path.rglob("*") if not p.is_dir() and p.suffix.lower() in READERS)
        for file in files:
            yield from read(file, max_bytes=max_bytes)
        return
    try:
        mode = path.stat().st_mode
    except OSError as exc:
        yield Rejected(str(path), Errors.E006 if isinstance(exc, FileNotFoundError)
                       else Errors.E012.format(reason=exc.strerror or exc))
        return
    ext = path.suffix.lower()
    if not stat.S_ISREG(mode):  # a FIFO would block the read forever, a device never end
        yield Rejected(str(path), Errors.E019.format(kind=_kind(mode)))
        return
    if ext not in READERS:
        yield Rejected(str(path), Errors.E007.format(ext=ext, known=" ".join(sorted(READERS))))
        return
    try:
        with open(path, "rb") as stream:
            data = stream.read(max_bytes + 1)  # the size it has now, not the one stat saw
    except OSError as exc:
        yield Rejected(str(path), Errors.E012.format(reason=exc.strerror or exc))
        return
    if len(data) > max_bytes:
        size = max(path.stat().st_size, len(data))
        yield Rejected(str(path), Errors.E004.format(size=size, limit=max_bytes))
        return
    yield from read_bytes(str(path), data, ext, max_bytes)


def _kind(mode: int) -> str:
    kinds = ((stat.S_ISFIFO, "FIFO"), (stat.S_ISCHR, "character device"),
             (stat.S_ISBLK, "block device"), (stat.S_ISSOCK, "socket"))
    return next((name for test, name in kinds if test(mode)), "special file")


def read_bytes(
    source: str, data: bytes, ext: str, max_bytes: int
) -> Iterator[Article | Rejected | Warned]:
    """Articles in the bytes of one input named `source`, read as a file of extension `ext`."""
    if len(data) > max_bytes:
        yield Rejected(source, Errors.E004.format(size=f"over {max_bytes}", limit=max_bytes))
        return
    try:
        content, encoding = decode(data)
        if encoding not in ("utf-8", "ascii"):
            yield Warned(source, Errors.W001.format(encoding=encoding))
        articles = list(READERS[ext](content, source))
    except InputError as exc:
        yield Rejected(source, str(exc))
        return
    for article in articles:
        if isinstance(article, Rejected):
            yield article
            continue
        article.source = article.source or source
        if not article.id:
            article.id = _id_from_path(source)
        if not article.text.strip():
            yield Rejected(article.source, Errors.E001)
            continue
        try:
            check_article(article)
        except InputError as exc:
            yield Rejected(article.source, str(exc))
            continue
        lang = detect_lang(article.text)
        if lang != "fr":
            article.lang = lang
            yield Warned(article.source, Errors.W002.format(lang=lang))
        yield article


def _id_from_path(source: str) -> str | None:
    if source == "-":
        return None
    return Path(source.split(":")[0]).stem
