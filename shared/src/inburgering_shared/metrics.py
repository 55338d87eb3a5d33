"""Prometheus metrics for every service at /metrics.

A pure ASGI middleware times each request and labels it with the route
template (`/v1/inburgeraars/{uuid}`), never the raw path, so the number of
series stays bounded and no identifier ends up in a label. Gauges read from the
database at scrape time: the outbox backlog and the age of its oldest pending
event for every publishing service, and whatever a service registers itself
(`DatabaseGauge`, passed to `create_service_app(gauges=...)`), e.g. the age of
the last DUO sync or open signals per kind.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass

from prometheus_client import CONTENT_TYPE_LATEST, CollectorRegistry, Histogram, generate_latest
from prometheus_client.core import GaugeMetricFamily, Metric
from prometheus_client.registry import Collector
from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.orm import Session, sessionmaker
from starlette.requests import Request
from starlette.responses import Response
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from .db import utcnow
from .outbox import Outbox

log = logging.getLogger(__name__)
access_log = logging.getLogger("inburgering.access")

METRICS_PATH = "/metrics"
UNMATCHED = "unmatched"
LATENCY_BUCKETS = (0.002, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0, 10.0)

# One sample of a gauge: its label values and its value.
Sample = tuple[tuple[str, ...], float]


@dataclass(frozen=True)
class DatabaseGauge:
    """A gauge a service defines, read with its own session when Prometheus scrapes."""

    name: str
    documentation: str
    read: Callable[[Session], Iterable[Sample]]
    labelnames: tuple[str, ...] = ()


def outbox_gauges(outbox: Outbox) -> list[DatabaseGauge]:
    def pending(session: Session) -> Iterator[Sample]:
        count, _ = outbox.backlog(session)
        yield (), float(count)

    def oldest_age(session: Session) -> Iterator[Sample]:
        _, oldest = outbox.backlog(session)
        yield (), (utcnow() - oldest).total_seconds() if oldest is not None else 0.0

    return [
        DatabaseGauge("outbox_pending_deliveries", "Deliveries of events not yet acknowledged.", pending),
        DatabaseGauge(
            "outbox_oldest_pending_age_seconds",
            "Age of the oldest event with a pending delivery (0 when none).",
            oldest_age,
        ),
    ]


class DatabaseCollector(Collector):
    """Reads every registered gauge in one short read-only session per scrape."""

    def __init__(self, session_factory: Callable[[], sessionmaker[Session]]) -> None:
        self.session_factory = session_factory
        self.gauges: list[DatabaseGauge] = []

    def collect(self) -> Iterator[Metric]:
        if not self.gauges:
            return
        with self.session_factory()() as session:
            for gauge in self.gauges:
                family = GaugeMetricFamily(gauge.name, gauge.documentation, labels=gauge.labelnames)
                try:
                    for labels, value in gauge.read(session):
                        family.add_metric(list(labels), value)
                except SQLAlchemyError:
                    log.warning("gauge %s could not be read", gauge.name)
                    session.rollback()
                    continue
                yield family


class ServiceMetrics:
    """A service's own registry (so several apps can live in one test process)."""

    def __init__(self, service: str, session_factory: Callable[[], sessionmaker[Session]]) -> None:
        self.registry = CollectorRegistry(auto_describe=False)
        self.latency = Histogram(
            "http_request_duration_seconds",
            "Time to answer a request, per route template.",
            ["method", "route", "status"],
            buckets=LATENCY_BUCKETS,
            registry=self.registry,
        )
        self.database = DatabaseCollector(session_factory)
        self.registry.register(self.database)
        self.service = service

    def add_gauges(self, gauges: Sequence[DatabaseGauge]) -> None:
        self.database.gauges.extend(gauges)

    def endpoint(self, request: Request) -> Response:
        return Response(generate_latest(self.registry), media_type=CONTENT_TYPE_LATEST)


def route_template(scope: Scope) -> str:
    """The template of the route that answered, with the prefix it was included under.

    FastAPI records the effective route (prefix included) on the scope; a plain
    Starlette route carries its full template itself.
    """
    effective = scope.get("fastapi", {}).get("effective_route_context")
    if effective is not None:
        return str(effective.path)
    route = scope.get("route")
    template = getattr(route, "path_format", None) or getattr(route, "path", None)
    return template or UNMATCHED


class RequestMetricsMiddleware:
    """Observes the duration of each HTTP request and writes one access log line."""

    def __init__(self, app: ASGIApp, *, metrics: ServiceMetrics) -> None:
        self.app = app
        self.metrics = metrics
        self.children: dict[tuple[str, str, str], Callable[[float], None]] = {}

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or scope["path"] == METRICS_PATH:
            await self.app(scope, receive, send)
            return
        start = time.perf_counter()
        status = 500

        async def send_with_status(message: Message) -> None:
            nonlocal status
            if message["type"] == "http.response.start":
                status = message["status"]
            await send(message)

        try:
            await self.app(scope, receive, send_with_status)
        finally:
            self._record(scope, status, time.perf_counter() - start)

    def _record(self, scope: Scope, status: int, seconds: float) -> None:
        key = (scope["method"], route_template(scope), str(status))
        observe = self.children.get(key)
        if observe is None:
            observe = self.children[key] = self.metrics.latency.labels(*key).observe
        observe(seconds)
        if access_log.isEnabledFor(logging.INFO):
            access_log.info(
                "%s %s %s",
                *key,
                extra={
                    "method": key[0],
                    "route": key[1],
                    "status": status,
                    "duration_ms": round(seconds * 1000, 2),
                },
            )
