"""What every response carries and every request must show, as pure ASGI middleware.

- Trusted hosts: a request whose `Host` is not the server's is refused (400). On loopback, where
  reads need no token, a page elsewhere could otherwise read the API through a name of its own
  resolved to 127.0.0.1 (DNS rebinding). Loopback names are always accepted; others are given
  with `vigie serve --allowed-host`.
- Security headers: a Content-Security-Policy allowing only the server's own scripts (the
  dashboard fetches nothing from outside), no framing, no MIME sniffing, no referrer.
"""

from __future__ import annotations

import json
import logging

from vigie.web.errors import error_body
from vigie.web.settings import is_loopback

LOGGER = logging.getLogger(__name__)
# Inline styles are allowed (the charts and the map set them); inline scripts are not.
CSP = ("default-src 'self'; script-src 'self'{scripts}; style-src 'self' 'unsafe-inline'; "
       "img-src 'self' data: blob:; font-src 'self' data:; connect-src 'self'; "
       "worker-src 'self' blob:; object-src 'none'; base-uri 'none'; frame-ancestors 'none'; "
       "form-action 'self'")
HEADERS = [(b"x-frame-options", b"DENY"), (b"x-content-type-options", b"nosniff"),
           (b"referrer-policy", b"no-referrer"), (b"cross-origin-opener-policy", b"same-origin")]


def csp(*script_hashes: str) -> str:
    """The policy, with the hashes ('sha256-...') of inline scripts a page may run."""
    return CSP.format(scripts="".join(f" '{h}'" for h in script_hashes))


def host_of(value: str) -> str:
    """The host name of a `Host` header, without port or IPv6 brackets, lower case."""
    value = value.strip().lower()
    if value.startswith("["):
        return value[1:value.find("]")] if "]" in value else value
    return value.rsplit(":", 1)[0] if value.count(":") == 1 else value


class Guard:
    """Refuse requests for other hosts; add the security headers to every response."""

    def __init__(self, app, allowed_hosts: tuple[str, ...]) -> None:
        self.app = app
        self.any_host = "*" in allowed_hosts
        self.allowed = {host_of(h) for h in allowed_hosts}
        self.policy = [(b"content-security-policy", csp().encode())]

    def allows(self, host: str) -> bool:
        name = host_of(host)
        return self.any_host or name == "localhost" or name in self.allowed or is_loopback(name)

    async def __call__(self, scope, receive, send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        host = dict(scope.get("headers") or ()).get(b"host", b"").decode("latin-1")
        if not self.allows(host):
            await self._refuse(send, host)
            return

        async def secured(message):
            if message["type"] == "http.response.start":
                headers = list(message.get("headers") or ())
                present = {name.lower() for name, _ in headers}
                headers += [h for h in HEADERS + self.policy if h[0] not in present]
                message = {**message, "headers": headers}
            await send(message)

        await self.app(scope, receive, secured)

    async def _refuse(self, send, host: str) -> None:
        LOGGER.warning("refused a request for host %r", host)
        body = json.dumps(error_body(400, f"host {host!r} is not this server's: start vigie "
                                     "serve with --allowed-host NAME to accept it")).encode()
        await send({"type": "http.response.start", "status": 400,
                    "headers": [(b"content-type", b"application/json"),
                                (b"content-length", str(len(body)).encode()), *HEADERS,
                                *self.policy]})
        await send({"type": "http.response.body", "body": body})
