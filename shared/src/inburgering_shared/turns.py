"""At most so many /v1 requests of a process hold a database transaction at once.

A /v1 request's transaction (`db.RequestTransaction`) keeps its connection from
its first query until the audit middleware has committed it, after the answer
is serialised; both steps run on the event loop's worker threads. If more
requests held a connection than the pool has, the threads would wait for a
connection while the requests holding them wait for a thread, until the pool
times out (measured with 10 threads and no turns: 10 s stalls and 500s at 50 clients).
So a request waits for a turn on the event loop, where waiting costs nothing,
before it can open a transaction; db.py sizes the pool for the turns.
"""

from __future__ import annotations

import anyio
from anyio.lowlevel import RunVar
from starlette.types import ASGIApp, Receive, Scope, Send

from .openapi import API_PREFIX


class RequestTurnsMiddleware:
    def __init__(self, app: ASGIApp, *, turns: int) -> None:
        self.app = app
        self.turns = turns
        # One semaphore per event loop (a test may run the app on several loops in turn).
        self._semaphore: RunVar[anyio.Semaphore] = RunVar(f"request_turns_{id(self)}")

    def _turns(self) -> anyio.Semaphore:
        try:
            return self._semaphore.get()
        except LookupError:
            semaphore = anyio.Semaphore(self.turns)
            self._semaphore.set(semaphore)
            return semaphore

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or not scope["path"].startswith(API_PREFIX + "/"):
            await self.app(scope, receive, send)
            return
        async with self._turns():
            await self.app(scope, receive, send)
