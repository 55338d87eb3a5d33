"""Bursts of parallel requests against the running system, and the figures they leave (issue 20).

`burst` sends `size` requests at once (threads released together by a barrier), each
on its own connection with a client timeout, and records every answer; a request that
times out or loses its connection is recorded as such. Each burst adds its line to
`testing.FIGURES`, printed at the end of the test run.
"""

from __future__ import annotations

import threading
import time
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass

import httpx
from inburgering_shared.testing import FIGURES

CLIENT_TIMEOUT = 30.0


@dataclass(frozen=True)
class Burst:
    name: str
    answers: list[httpx.Response | None]  # None: no answer (timed out or cut off)
    slowest: float

    @property
    def statuses(self) -> Counter[int | str]:
        return Counter(a.status_code if a is not None else "no answer" for a in self.answers)

    def assert_clean(self) -> None:
        """No server error, no timeout: every request got an answer that means something."""
        failures = {
            status: n for status, n in self.statuses.items() if status == "no answer" or status >= 500
        }
        assert not failures, f"{self.name}: {dict(self.statuses)}"

    def assert_retry_after(self, status: int) -> None:
        for answer in self.answers:
            if answer is not None and answer.status_code == status:
                assert "Retry-After" in answer.headers, answer.text


def burst(name: str, size: int, send: Callable[[httpx.Client, int], httpx.Response]) -> Burst:
    """`send(client, i)` for i in range(size), all at once; records the figures."""
    barrier = threading.Barrier(size)
    answers: list[httpx.Response | None] = [None] * size
    took = [0.0] * size

    def one(i: int) -> None:
        with httpx.Client(timeout=CLIENT_TIMEOUT) as client:
            barrier.wait()
            started = time.monotonic()
            try:
                answers[i] = send(client, i)
            except httpx.TransportError:
                answers[i] = None
            took[i] = time.monotonic() - started

    threads = [threading.Thread(target=one, args=(i,)) for i in range(size)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    result = Burst(name, answers, max(took))
    outcomes = ", ".join(f"{n} x {status}" for status, n in sorted(result.statuses.items(), key=str))
    FIGURES.append(f"{name}: {size} requests -> {outcomes}; slowest {result.slowest:.2f} s")
    return result
