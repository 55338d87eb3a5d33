"""Headers every response carries (NL API Design Rules) and the correlation id.

A pure ASGI middleware, so streaming and performance are unaffected.
"""

from __future__ import annotations

import uuid
from contextvars import ContextVar

from starlette.types import ASGIApp, Message, Receive, Scope, Send

CORRELATION_HEADER = "X-Correlation-ID"
correlation_id: ContextVar[str] = ContextVar("correlation_id", default="")

SECURITY_HEADERS = {
    "cache-control": "no-store",
    "x-content-type-options": "nosniff",
    "x-frame-options": "DENY",
    "content-security-policy": "frame-ancestors 'none'",
}


class StandardHeadersMiddleware:
    def __init__(self, app: ASGIApp, *, api_version: str) -> None:
        self.app = app
        self.fixed = [(k.encode(), v.encode()) for k, v in SECURITY_HEADERS.items()]
        self.fixed.append((b"api-version", api_version.encode()))

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        incoming = dict(scope["headers"]).get(CORRELATION_HEADER.lower().encode(), b"")
        cid = _valid_correlation_id(incoming.decode("latin-1")) or str(uuid.uuid4())
        token = correlation_id.set(cid)

        async def send_with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                present = {name.lower() for name, _ in message.get("headers", [])}
                headers = list(message.get("headers", []))
                headers += [(k, v) for k, v in self.fixed if k not in present]
                headers.append((CORRELATION_HEADER.lower().encode(), cid.encode()))
                if scope.get("scheme") == "https":
                    headers.append((b"strict-transport-security", b"max-age=31536000"))
                message["headers"] = headers
            await send(message)

        try:
            await self.app(scope, receive, send_with_headers)
        finally:
            correlation_id.reset(token)


def _valid_correlation_id(value: str) -> str:
    """Accept a caller's id only if it is short and plain (it ends up in logs)."""
    if 0 < len(value) <= 64 and all(c.isalnum() or c in "-_." for c in value):
        return value
    return ""
