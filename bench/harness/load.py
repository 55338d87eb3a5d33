"""Closed-loop HTTP load: N concurrent clients, each sending its next request as soon as the last answered.

Two load generators, the same measurement: `wrk` (harness/wrk.py, a C program,
used when it is installed) and, as the fallback, clients in the harness process
on asyncio and aiohttp. Both keep a connection per client alive. Throughput is
answered requests per second over the measured window; latency is measured per
request at the client, so it includes queueing at the server, as a user would
see it. The Python generator needs about a core of its own at a few hundred
requests per second, which on a small machine it takes from the services, so
its figures are lower than wrk's on the same machine.

A scenario is a list of calls: replayed in a cycle (reads), or each sent at
most once (writes that can only happen once): harness/scenario.py.
"""

from __future__ import annotations

import asyncio
import itertools
import statistics
import time
from collections.abc import Iterator
from dataclasses import dataclass, field

import aiohttp

from . import wrk
from .scenario import PERCENTILES, Call, Outcome, Scenario


def generator() -> str:
    """The load generator this run uses: "wrk" when installed, else "aiohttp"."""
    return "wrk" if wrk.executable() else "aiohttp"


def warm_up(scenario: Scenario, *, clients: int, seconds: float = 1.0) -> None:
    """Load the service with the scenario's warm-up calls; nothing is measured."""
    _drive(scenario.name, scenario.split()[0], scenario.cycle, clients, seconds)


def measure(scenario: Scenario, *, clients: int, seconds: float) -> Outcome:
    """Drive `clients` concurrent clients for `seconds` over the scenario's measured calls."""
    return _drive(scenario.name, scenario.split()[1], scenario.cycle, clients, seconds)


def _drive(name: str, calls: list[Call], cycle: bool, clients: int, seconds: float) -> Outcome:
    if wrk.executable():
        return wrk.run(name, calls, cycle, clients=clients, seconds=seconds)
    return asyncio.run(_run(name, calls, cycle, clients, seconds))


@dataclass
class _Tally:
    requests: int = 0
    errors: int = 0
    first_error: str = ""
    latencies_ms: list[float] = field(default_factory=list)


async def _client(
    session: aiohttp.ClientSession, calls: Iterator[Call], stop_at: float, tally: _Tally
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
                if not ok and not tally.first_error:
                    tally.first_error = f"{response.status} {(await response.text())[:300]}"
        except aiohttp.ClientError as exc:
            ok = False
            tally.first_error = tally.first_error or repr(exc)
        tally.latencies_ms.append((time.perf_counter() - start) * 1000)
        tally.requests += 1
        tally.errors += 0 if ok else 1


async def _run(name: str, calls: list[Call], cycle: bool, clients: int, seconds: float) -> Outcome:
    connector = aiohttp.TCPConnector(limit=clients, limit_per_host=clients)
    async with aiohttp.ClientSession(connector=connector, timeout=aiohttp.ClientTimeout(total=60)) as session:
        tally, sequence = _Tally(), itertools.cycle(calls) if cycle else iter(calls)
        start = time.perf_counter()
        await asyncio.gather(*(_client(session, sequence, start + seconds, tally) for _ in range(clients)))
        elapsed = time.perf_counter() - start
    return Outcome(
        name,
        tally.requests,
        tally.errors,
        elapsed,
        _percentiles(tally.latencies_ms),
        tally.first_error,
        "aiohttp",
    )


def _percentiles(latencies_ms: list[float]) -> dict[int, float]:
    if len(latencies_ms) < 2:
        return dict.fromkeys(PERCENTILES, latencies_ms[0] if latencies_ms else float("nan"))
    cuts = statistics.quantiles(latencies_ms, n=100, method="inclusive")
    return {p: cuts[p - 1] for p in PERCENTILES}
