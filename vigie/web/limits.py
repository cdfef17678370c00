"""Request size limit, as pure ASGI middleware: bodies over the limit get 413 in the error shape,
whether they announce their length or stream it."""

from __future__ import annotations

import json
import logging

from fastapi import HTTPException

from vigie.web.errors import error_body

LOGGER = logging.getLogger(__name__)


class _TooLarge(HTTPException):
    # An HTTPException, so that FastAPI's body parsing passes it on (it turns other errors
    # while reading the body into 400) and the app's handler answers 413 in the error shape.
    def __init__(self, limit: int) -> None:
        super().__init__(413, f"request body over {limit} bytes")


class BodyLimit:
    """Refuse request bodies larger than `max_body` bytes."""

    def __init__(self, app, max_body: int) -> None:
        self.app = app
        self.max_body = max_body

    async def __call__(self, scope, receive, send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        declared = dict(scope.get("headers") or ()).get(b"content-length")
        if declared is not None and (not declared.isdigit() or int(declared) > self.max_body):
            await self._refuse(send)
            return
        seen = 0
        started = False

        async def counted_receive():
            nonlocal seen
            message = await receive()
            seen += len(message.get("body", b""))
            if seen > self.max_body:
                raise _TooLarge(self.max_body)
            return message

        async def tracked_send(message):
            nonlocal started
            started = started or message["type"] == "http.response.start"
            await send(message)

        try:
            await self.app(scope, counted_receive, tracked_send)
        except _TooLarge:
            if not started:
                await self._refuse(send)

    async def _refuse(self, send) -> None:
        body = json.dumps(error_body(413, f"request body over {self.max_body} bytes")).encode()
        await send({"type": "http.response.start", "status": 413,
                    "headers": [(b"content-type", b"application/json"),
                                (b"content-length", str(len(body)).encode())]})
        await send({"type": "http.response.body", "body": body})
