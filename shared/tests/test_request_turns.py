"""No more /v1 requests hold a transaction at once than the pool has connections for (turns.py)."""

import anyio
import httpx
from inburgering_shared.problems import ServiceUnavailable
from inburgering_shared.turns import DEFERRED_PATHS, RequestTurnsMiddleware, take_turn
from starlette.requests import Request
from starlette.types import Receive, Scope, Send


class Counting:
    """An app that records how many requests were inside it at once."""

    def __init__(self) -> None:
        self.inside = 0
        self.most = 0

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        self.inside += 1
        self.most = max(self.most, self.inside)
        await anyio.sleep(0.05)
        self.inside -= 1
        await send({"type": "http.response.start", "status": 200, "headers": []})
        await send({"type": "http.response.body", "body": b"ok"})


async def concurrently(path: str, requests: int) -> int:
    counting = Counting()
    app = RequestTurnsMiddleware(counting, turns=2)
    client = httpx.AsyncClient(transport=httpx.ASGITransport(app=app), base_url="http://t")
    async with client, anyio.create_task_group() as tg:
        for _ in range(requests):
            tg.start_soon(client.get, path)
    return counting.most


def test_api_requests_wait_for_a_turn_and_others_do_not() -> None:
    assert anyio.run(concurrently, "/v1/inburgeraars", 6) == 2
    assert anyio.run(concurrently, "/health/ready", 6) == 6


async def one_waits_too_long() -> list[httpx.Response]:
    app = RequestTurnsMiddleware(Counting(), turns=1, wait_seconds=0.01)
    client = httpx.AsyncClient(transport=httpx.ASGITransport(app=app), base_url="http://t")
    answers: list[httpx.Response] = []

    async def get() -> None:
        answers.append(await client.get("/v1/inburgeraars"))

    async with client, anyio.create_task_group() as tg:
        tg.start_soon(get)
        tg.start_soon(get)
    return answers


def test_a_request_that_waits_past_the_bound_gets_503_with_retry_after() -> None:
    first, second = anyio.run(one_waits_too_long)
    assert first.status_code == 503, first.text
    assert first.headers["Retry-After"] == "1"
    assert first.headers["content-type"] == "application/problem+json"
    assert second.status_code == 200


def peers(callback_path: str) -> tuple[RequestTurnsMiddleware, RequestTurnsMiddleware]:
    """Two services with one turn each (SQLite) whose callbacks read a resource of the other
    before they write, as pip's and trajectory's do."""
    apps: dict[str, RequestTurnsMiddleware] = {}

    def service(peer: str) -> RequestTurnsMiddleware:
        async def app(scope: Scope, receive: Receive, send: Send) -> None:
            if scope["path"] == callback_path:
                transport = httpx.ASGITransport(app=apps[peer])
                async with httpx.AsyncClient(transport=transport, base_url="http://peer") as other:
                    read = await other.get("/v1/resource")
                if read.status_code != 200:
                    raise ServiceUnavailable("peer busy")
                if callback_path in DEFERRED_PATHS:
                    await take_turn(Request(scope))
            await anyio.sleep(0.01)  # the write
            await send({"type": "http.response.start", "status": 200, "headers": []})
            await send({"type": "http.response.body", "body": b"ok"})

        return RequestTurnsMiddleware(app, turns=1, wait_seconds=0.5)

    apps["a"], apps["b"] = service("b"), service("a")
    return apps["a"], apps["b"]


async def deliver_to_both(callback_path: str) -> list[int]:
    statuses: list[int] = []

    async def deliver(app: RequestTurnsMiddleware) -> None:
        transport = httpx.ASGITransport(app=app, raise_app_exceptions=False)
        async with httpx.AsyncClient(transport=transport, base_url="http://t") as client:
            statuses.append((await client.post(callback_path)).status_code)

    async with anyio.create_task_group() as tg:
        for app in peers(callback_path):
            tg.start_soon(deliver, app)
    return statuses


def test_callbacks_that_read_each_other_take_their_turn_after_the_read() -> None:
    assert anyio.run(deliver_to_both, "/v1/callbacks") == [200, 200]
    # Holding the turn from the start, each waits for the other's turn until one gives up (the
    # other may then get its read in before its own wait ends).
    assert 500 in anyio.run(deliver_to_both, "/v1/elders")
