"""At most so many /v1 requests of a process hold a database transaction at once.

A /v1 request's transaction (`db.RequestTransaction`) keeps its connection from
its first query until the audit middleware has committed it, after the answer
is serialised; both steps run on the event loop's worker threads. If more
requests held a connection than the pool has, the threads would wait for a
connection while the requests holding them wait for a thread, until the pool
times out (measured with 10 threads and no turns: 10 s stalls and 500s at 50 clients).
So a request waits for a turn on the event loop, where waiting costs nothing,
before it can open a transaction; db.py sizes the pool for the turns, and gives
SQLite one turn (`db.request_turns`: one writer at a time).

A request that has waited `db.WRITE_WAIT_SECONDS` without a turn is answered
503 with Retry-After and has changed nothing.

An event delivered to `POST /v1/callbacks` reads its resource from another service
before it touches the database, and takes its turn only then (`take_turn`): a turn held
while waiting for another service's answer could wait on that service's turn, held by
its own callback waiting for ours (pip and trajectory read each other's resources), and
both would stall for the whole wait while every other request of both got 503.
"""

from __future__ import annotations

import anyio
from anyio.lowlevel import RunVar
from starlette.requests import Request
from starlette.types import ASGIApp, Receive, Scope, Send

from .db import WRITE_WAIT_SECONDS
from .openapi import API_PREFIX
from .problems import ServiceUnavailable, send_unavailable

RETRY_AFTER_SECONDS = 1
BUSY = "Er lopen te veel verzoeken tegelijk; probeer het zo opnieuw."
DEFERRED_PATHS = frozenset({API_PREFIX + "/callbacks"})
_TAKE_TURN = "take_turn"


class RequestTurnsMiddleware:
    def __init__(self, app: ASGIApp, *, turns: int, wait_seconds: float = WRITE_WAIT_SECONDS) -> None:
        self.app = app
        self.turns = turns
        self.wait_seconds = wait_seconds
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
        turns = self._turns()
        if scope["path"] in DEFERRED_PATHS:
            await self._deferred(turns, scope, receive, send)
            return
        with anyio.move_on_after(self.wait_seconds) as waited:
            await turns.acquire()
        if waited.cancelled_caught:
            await send_unavailable(scope, receive, send, BUSY, RETRY_AFTER_SECONDS)
            return
        try:
            await self.app(scope, receive, send)
        finally:
            turns.release()

    async def _deferred(self, turns: anyio.Semaphore, scope: Scope, receive: Receive, send: Send) -> None:
        """The endpoint takes the turn itself; it is held until the request's transaction is committed."""
        taken = False

        async def take() -> None:
            nonlocal taken
            with anyio.move_on_after(self.wait_seconds) as waited:
                await turns.acquire()
            if waited.cancelled_caught:
                raise ServiceUnavailable(BUSY)
            taken = True

        scope.setdefault("state", {})[_TAKE_TURN] = take
        try:
            await self.app(scope, receive, send)
        finally:
            if taken:
                turns.release()


async def take_turn(request: Request) -> None:
    """Take the turn of a request on a `DEFERRED_PATHS` path, before its first database statement."""
    await request.scope["state"][_TAKE_TURN]()
