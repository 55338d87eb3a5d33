"""What the load generators drive and what they measure: calls, scenarios, outcomes."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

PERCENTILES = (50, 95, 99)
WARMUP_CALLS = 200


@dataclass(frozen=True)
class Call:
    method: str
    url: str
    headers: dict[str, str] = field(default_factory=dict)
    json: Any = None
    expect: int = 200


@dataclass(frozen=True)
class Scenario:
    name: str
    calls: list[Call]
    cycle: bool = True  # False: every call at most once

    def split(self) -> tuple[list[Call], list[Call]]:
        """The calls for the warm-up and for the measurement."""
        if self.cycle:
            return self.calls, self.calls
        return self.calls[:WARMUP_CALLS], self.calls[WARMUP_CALLS:]


@dataclass
class Outcome:
    """What one scenario measured."""

    scenario: str
    requests: int
    errors: int
    seconds: float
    percentiles_ms: dict[int, float]
    first_error: str = ""
    generator: str = ""

    @property
    def throughput(self) -> float:
        return self.requests / self.seconds if self.seconds else 0.0

    def percentile(self, p: int) -> float:
        return self.percentiles_ms.get(p, float("nan"))
