"""No more /v1 requests hold a transaction at once than the pool has connections for (turns.py)."""

import anyio
import httpx
from inburgering_shared.turns import RequestTurnsMiddleware
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
