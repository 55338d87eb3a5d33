"""The one way every service builds its FastAPI application.

Routers are mounted under /v1; errors are problem+json; every response carries
the NL API headers; unknown query parameters, oversized bodies and undeclared
methods are refused before the handler runs (`route_guards`); every /v1 request
is audited (`audit`), every POST honours
Idempotency-Key (`idempotency`), AVG inzage and purge (`avg`); /health and
/health/ready; the OpenAPI document and docs; the outbox dispatcher runs for as
long as the app does; Prometheus metrics at /metrics (latency per route template,
outbox backlog, the service's own gauges) and JSON logs carrying the correlation id.
"""

from __future__ import annotations

from collections.abc import AsyncIterator, Callable, Iterator, Sequence
from contextlib import asynccontextmanager
from datetime import timedelta
from typing import Annotated, Protocol

import anyio
from fastapi import APIRouter, Depends, FastAPI, Request
from sqlalchemy.orm import Session

from . import health
from .audit import AuditMiddleware
from .db import (
    AsyncReads,
    ConnectionBudget,
    Reads,
    make_async_engine,
    make_engine,
    make_session_factory,
    request_transaction,
    request_turns,
    transaction,
)
from .headers import StandardHeadersMiddleware
from .http import ServiceClient
from .idempotency import IdempotencyMiddleware
from .logging import configure_logging
from .metrics import METRICS_PATH, DatabaseGauge, RequestMetricsMiddleware, ServiceMetrics, outbox_gauges
from .openapi import API_PREFIX, install_openapi
from .outbox import Dispatcher, Outbox
from .pg_reads import PostgresReads
from .problems import install_problem_handlers
from .retention import Bewaartermijn
from .route_guards import RouteGuardsMiddleware
from .settings import AuthSettings, ServiceSettings
from .turns import RequestTurnsMiddleware


class Worker(Protocol):
    """A background job that runs for as long as the app does (the outbox dispatcher is one)."""

    def start(self) -> None: ...

    def stop(self) -> None: ...


def create_service_app(
    *,
    name: str,
    title: str,
    description: str,
    version: str,
    settings: ServiceSettings,
    routers: list[APIRouter],
    outbox: Outbox | None = None,
    workers: list[Callable[[FastAPI], Worker | None]] | None = None,
    gauges: Sequence[DatabaseGauge] = (),
    bewaartermijnen: Sequence[Bewaartermijn] = (),
) -> FastAPI:
    """`gauges`: the service's own metrics, read from its database at each scrape;
    `bewaartermijnen`: the categories of personal data it holds and their retention (`retention`)."""
    configure_logging(name)
    auth = AuthSettings()
    budget = ConnectionBudget(settings.database_connections)
    engine = make_engine(settings.database_url, budget)
    # The hot reads (audit.audited_read): psycopg itself on PostgreSQL, aiosqlite on SQLite.
    reads: Reads = (
        PostgresReads(settings.database_url, budget.reads)
        if engine.dialect.name == "postgresql"
        else AsyncReads(make_async_engine(settings.database_url))
    )

    def token() -> str:
        return auth.outgoing_token(client_id=name)

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        anyio.to_thread.current_default_thread_limiter().total_tokens = (
            budget.threads
        )  # see db.ConnectionBudget
        app.state.service_client = ServiceClient(token, timeout=settings.http_timeout_seconds)
        dispatcher = None
        if outbox is not None and settings.dispatcher_enabled:
            dispatcher = Dispatcher(
                outbox,
                engine,
                token,
                interval=settings.dispatch_interval_seconds,
                max_backoff=settings.dispatch_max_backoff_seconds,
                dead_letter_after=timedelta(hours=settings.dead_letter_after_hours),
                timeout=settings.http_timeout_seconds,
            )
            dispatcher.start()
        running = [w for make in workers or [] if (w := make(app)) is not None]
        for worker in running:
            worker.start()
        try:
            yield
        finally:
            for worker in running:
                worker.stop()
            if dispatcher is not None:
                dispatcher.stop()
            app.state.service_client.close()
            engine.dispose()
            await reads.close()

    app = FastAPI(
        title=title,
        description=description,
        version=version,
        openapi_url=None,
        docs_url=None,
        redoc_url=None,
        redirect_slashes=False,
        lifespan=lifespan,
    )
    app.state.settings = settings
    app.state.engine = engine
    app.state.session_factory = make_session_factory(engine)
    app.state.reads = reads
    app.state.auth_config = auth.config()
    app.state.outbox = outbox
    app.state.bewaartermijnen = tuple(bewaartermijnen)
    metrics = ServiceMetrics(name, lambda: app.state.session_factory)
    metrics.add_gauges([*(outbox_gauges(outbox) if outbox is not None else []), *gauges])
    app.state.metrics = metrics
    app.add_middleware(RequestMetricsMiddleware, metrics=metrics)
    app.add_middleware(IdempotencyMiddleware)
    app.add_middleware(RouteGuardsMiddleware)  # before anything buffers the body
    app.add_middleware(AuditMiddleware, source=name)
    app.add_middleware(RequestTurnsMiddleware, turns=request_turns(engine, budget))  # outside the transaction
    app.add_middleware(StandardHeadersMiddleware, api_version=version)
    app.add_api_route(METRICS_PATH, metrics.endpoint, include_in_schema=False, methods=["GET"])
    install_problem_handlers(app)
    app.include_router(health.router)
    from .audit_router import router as audit_router  # these depend on this module's DbSession
    from .avg import router as avg_router
    from .delivery_router import router as delivery_router

    own_routers = [audit_router, avg_router, *([delivery_router] if outbox is not None else [])]
    for router in [*routers, *own_routers]:
        app.include_router(router, prefix=API_PREFIX)
    install_openapi(app)
    return app


def get_session(request: Request) -> Iterator[Session]:
    shared = request_transaction(request.scope)
    if shared is None:  # outside /v1: not audited, a transaction of its own
        yield from transaction(request.app.state.session_factory)
    else:
        yield from shared.joined()


# The request's transaction: flushed when the handler returns; committed with the request's
# audit rows and stored idempotent answer before the response is sent (db.RequestTransaction).
DbSession = Annotated[Session, Depends(get_session, scope="function")]


async def get_service_client(request: Request) -> ServiceClient:
    client: ServiceClient = request.app.state.service_client
    return client


Services = Annotated[ServiceClient, Depends(get_service_client)]


async def get_outbox(request: Request) -> Outbox:
    outbox: Outbox = request.app.state.outbox
    return outbox


EventOutbox = Annotated[Outbox, Depends(get_outbox)]


async def get_api_url(request: Request) -> str:
    url: str = request.app.state.settings.api_url
    return url


ApiUrl = Annotated[str, Depends(get_api_url)]
