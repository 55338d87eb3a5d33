"""Closed-loop HTTP load: N concurrent clients, each sending its next request as soon as the last answered.

The clients run in the harness process on asyncio and aiohttp (a connection
each, kept alive). Throughput is answered requests per second over the
measured window; latency is measured per request at the client, so it includes
queueing at the server, as a user would see it.
"""

from __future__ import annotations

import asyncio
import statistics
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from typing import Any

import aiohttp


@dataclass(frozen=True)
class Call:
    method: str
    url: str
    headers: dict[str, str] = field(default_factory=dict)
    json: Any = None
    expect: int = 200


@dataclass
class Outcome:
    """What one scenario measured."""

    scenario: str
    requests: int
    errors: int
    seconds: float
    latencies_ms: list[float]
    first_error: str = ""

    @property
    def throughput(self) -> float:
        return self.requests / self.seconds if self.seconds else 0.0

    def percentile(self, p: int) -> float:
        if len(self.latencies_ms) < 2:
            return self.latencies_ms[0] if self.latencies_ms else float("nan")
        return statistics.quantiles(self.latencies_ms, n=100, method="inclusive")[p - 1]


async def _client(
    session: aiohttp.ClientSession, calls: Iterator[Call], stop_at: float, outcome: Outcome
) -> None:
    while time.perf_counter() < stop_at:
        try:
            call = next(calls)
        except StopIteration:
            return
        start = time.perf_counter()
        try:
            async with session.request(
                call.method, call.url, headers=call.headers, json=call.json
            ) as response:
                await response.read()
                ok = response.status == call.expect
                if not ok and not outcome.first_error:
                    outcome.first_error = f"{response.status} {(await response.text())[:300]}"
        except aiohttp.ClientError as exc:
            ok = False
            outcome.first_error = outcome.first_error or repr(exc)
        outcome.latencies_ms.append((time.perf_counter() - start) * 1000)
        outcome.requests += 1
        outcome.errors += 0 if ok else 1


async def _run(scenario: str, calls: Iterator[Call], clients: int, seconds: float, warmup: float) -> Outcome:
    connector = aiohttp.TCPConnector(limit=clients, limit_per_host=clients)
    async with aiohttp.ClientSession(connector=connector, timeout=aiohttp.ClientTimeout(total=60)) as session:
        if warmup:
            await asyncio.gather(
                *(
                    _client(session, calls, time.perf_counter() + warmup, Outcome(scenario, 0, 0, 0, []))
                    for _ in range(clients)
                )
            )
        outcome = Outcome(scenario, 0, 0, 0.0, [])
        start = time.perf_counter()
        await asyncio.gather(*(_client(session, calls, start + seconds, outcome) for _ in range(clients)))
        outcome.seconds = time.perf_counter() - start
    return outcome


def run_load(
    scenario: str, calls: Callable[[], Iterator[Call]], *, clients: int, seconds: float, warmup: float = 1.0
) -> Outcome:
    """Drive `clients` concurrent clients for `seconds` (after `warmup`) over the calls `calls()` yields."""
    return asyncio.run(_run(scenario, calls(), clients, seconds, warmup))
