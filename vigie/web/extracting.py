"""Extraction for POST /api/extract and POST /api/documents, each in a process of its own.

A thread cannot be stopped: an extraction run in the server's thread pool went on for minutes
after its client had left, and kept SIGTERM from stopping the server (issue 24). Each extraction
now runs in a child forked from the server (the loaded model shared, not copied), which is killed
when the client leaves, when the time limit passes, or when the server stops. At most
`settings.extractions` run at once; the others wait for a free slot.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import multiprocessing
import os
import signal

from fastapi import HTTPException, Request

from vigie.errors import Errors, InputError
from vigie.record import DocumentRecord
from vigie.web.settings import WebSettings

LOGGER = logging.getLogger(__name__)
# Seconds between two looks at the client's connection while its extraction runs.
POLL = 0.1
# prctl option: the signal a process gets when its parent ends (linux/prctl.h).
PR_SET_PDEATHSIG = 1


class ClientLeft(Exception):
    """The client closed its connection: its extraction was stopped, nobody waits for an answer."""


def extract_article(article, nlp, time_limit: float | None = None) -> DocumentRecord:
    """The record of one article (an ArticleIn), with the shared pipeline."""
    from vigie.pipeline import extract

    record = extract(article.text, title=article.title, published=article.published,
                     doc_id=article.doc_id, nlp=nlp, time_limit=time_limit)
    if article.url:
        record.url = article.url
    return record


async def extracted(request: Request, article, nlp) -> str:
    """The record of `article` as JSON, made in a child process.

    Raises:
        HTTPException: 400 when the article cannot be extracted (a coded reason: V0xx; V031 when
            the time limit passed), 500 when the extraction failed (V030, a bug), 503 when the
            child died without an answer (V032).
        ClientLeft: the client left before the record was made.
    """
    settings: WebSettings = request.app.state.settings
    slots: asyncio.Semaphore = request.app.state.extraction_slots
    async with _slot(slots, request):
        kind, value = await _run_child(request, article, nlp, settings.time_limit)
    if kind == "ok":
        return value
    raise HTTPException({"refused": 400, "failed": 500}.get(kind, 503), value)


@contextlib.asynccontextmanager
async def _slot(slots: asyncio.Semaphore, request: Request):
    """A free extraction slot; stop waiting for one when the client leaves."""
    while True:
        try:
            await asyncio.wait_for(slots.acquire(), POLL)
            break
        except TimeoutError:
            if await request.is_disconnected():
                raise ClientLeft() from None
    try:
        yield
    finally:
        slots.release()


async def _run_child(request: Request, article, nlp, seconds: float) -> tuple[str, str]:
    context = multiprocessing.get_context("fork")
    receiver, sender = context.Pipe(duplex=False)
    child = context.Process(target=_child, args=(sender, article, nlp, seconds, os.getpid()),
                            daemon=True)
    loop = asyncio.get_running_loop()
    ready = asyncio.Event()
    child.start()
    sender.close()
    running: set = request.app.state.extraction_children
    running.add(child)
    loop.add_reader(receiver.fileno(), ready.set)
    try:
        deadline = loop.time() + seconds
        while not ready.is_set():
            if loop.time() > deadline:
                LOGGER.warning("extraction stopped at its time limit (%s s)", seconds)
                return "refused", Errors.E031.format(seconds=seconds, where="the article")
            if await request.is_disconnected():
                LOGGER.info("client left: extraction stopped")
                raise ClientLeft()
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(ready.wait(), POLL)
        try:
            return await asyncio.to_thread(receiver.recv)
        except EOFError:  # the child ended without a word: killed (out of memory?) or crashed
            child.join(timeout=5)
            return "died", Errors.E032.format(code=child.exitcode)
    finally:  # a cancelled request ends here too
        loop.remove_reader(receiver.fileno())
        if child.is_alive():
            child.kill()
        child.join(timeout=5)
        running.discard(child)
        receiver.close()


def stop_all(children: set) -> None:
    """Kill the extractions still running (the server stopping: uvicorn ends the process with
    the SIGTERM it caught, before cancelled requests have cleaned up)."""
    for child in list(children):
        if child.is_alive():
            child.kill()
        child.join(timeout=5)
    children.clear()


def _child(sender, article, nlp, seconds: float, server: int) -> None:
    """In the child: extract, send (kind, JSON or reason), end."""
    # The server's handlers are inherited; the child ends on SIGTERM and SIGINT as a process
    # does, when the server dies (even by kill -9), and its time limit stops an endless stage.
    signal.signal(signal.SIGTERM, signal.SIG_DFL)
    signal.signal(signal.SIGINT, signal.SIG_DFL)
    _die_with(server)
    try:
        message = ("ok", extract_article(article, nlp, seconds).to_json())
    except InputError as exc:  # the article: a bad field, the time limit
        message = ("refused", str(exc))
    except BaseException as exc:  # noqa: BLE001 - said to the parent, which answers 500
        LOGGER.error("extraction failed", exc_info=True)
        reason = str(exc) if str(exc).startswith("[V") else type(exc).__name__
        message = ("failed", reason if reason.startswith("[V") else
                   Errors.E030.format(reason=reason))
    sender.send(message)
    sender.close()


def _die_with(server: int) -> None:
    """Have Linux kill this process when the server's thread that forked it ends."""
    try:
        import ctypes

        ctypes.CDLL(None, use_errno=True).prctl(PR_SET_PDEATHSIG, signal.SIGKILL)
    except (OSError, AttributeError):  # not Linux: the server's lifespan still stops children
        return
    if os.getppid() != server:  # the server died before the call
        os._exit(1)
