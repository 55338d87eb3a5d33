"""The scheduler's job process: `python -m scheduler_service.worker`.

APScheduler 3 is only the tick (in-memory job store, one job per kind of work,
never one per deadline); leadership, signals and job runs live in our tables,
so any number of replicas may run this process. Every job also runs once at
start-up, so a worker that was down catches up at once. "Today" is the date in
`SCHEDULER_TIMEZONE` (Europe/Amsterdam) at the moment a job runs.

Outbox redelivery is not a job here: the dispatcher thread of the service that
wrote an event delivers and redelivers it (the scheduler API's dispatcher
delivers what the worker's jobs publish).
"""

import contextlib
import logging
import os
import socket
from collections.abc import Callable
from datetime import UTC, date, datetime, timedelta
from typing import Any
from zoneinfo import ZoneInfo

import httpx
from apscheduler.schedulers.blocking import BlockingScheduler
from inburgering_shared.auth import Role
from inburgering_shared.db import ConnectionBudget, make_engine, make_session_factory
from inburgering_shared.http import ServiceClient
from inburgering_shared.outbox import Outbox
from inburgering_shared.settings import AuthSettings
from sqlalchemy.orm import Session

from .config import Settings
from .db import OUTBOX_TABLES
from .instellingen.service import AlleInstellingen, standaarden
from .jobs.result import Resultaat
from .jobs.runner import Job, run_job
from .jobs.triggers import trigger
from .signalen.cbs import cbs_reminders
from .signalen.escalatie import escalate_signalen
from .signalen.rules import datum_in
from .signalen.scan import Scan, scan_deadlines

log = logging.getLogger("scheduler_service.worker")


def build_jobs(
    settings: Settings, services: ServiceClient, outbox: Outbox, *, vandaag: Callable[[], date] | None = None
) -> dict[str, Job]:
    """The worker's jobs by name; `vandaag` (tests) replaces the Amsterdam clock."""
    zone = ZoneInfo(settings.timezone)
    today = vandaag or (lambda: datum_in(zone, datetime.now(UTC)))
    api_url = settings.api_url

    def deadline_scan(session: Session) -> Resultaat:
        scan = Scan(
            session=session,
            services=services,
            outbox=outbox,
            api_url=api_url,
            instellingen=AlleInstellingen(session, standaarden(settings)),
            vandaag=today(),
        )
        overlap = timedelta(seconds=settings.scan_overlap_seconds)
        return scan_deadlines(scan, settings.deadline_sources, nu=datetime.now(UTC), overlap=overlap)

    def signaal_escalatie(session: Session) -> Resultaat:
        return escalate_signalen(
            session,
            outbox,
            api_url=api_url,
            vandaag=today(),
            instellingen=AlleInstellingen(session, standaarden(settings)),
        )

    def cbs_herinnering(session: Session) -> Resultaat:
        return cbs_reminders(session, outbox, api_url=api_url, vandaag=today())

    jobs: dict[str, Job] = {
        "deadline-scan": deadline_scan,
        "signaal-escalatie": signaal_escalatie,
        "cbs-herinnering": cbs_herinnering,
    }
    if settings.duo_sync_urls:
        jobs["duo-sync"] = lambda _session: trigger(services, settings.duo_sync_urls)
    if settings.retention_purge_urls:
        jobs["bewaartermijn-opschoning"] = lambda _session: trigger(services, settings.retention_purge_urls)
    if settings.verhuizing_urls:
        jobs["verhuizingen"] = lambda _session: trigger(services, settings.verhuizing_urls)
    return jobs


def schedule(settings: Settings, name: str) -> dict[str, Any]:
    """APScheduler trigger arguments per job: the scan and escalation by interval, the others daily."""
    if name == "deadline-scan":
        return {"trigger": "interval", "seconds": settings.scan_interval_seconds}
    if name == "signaal-escalatie":
        return {"trigger": "interval", "seconds": settings.escalation_interval_seconds}
    return {"trigger": "cron", "hour": settings.daily_hour, "minute": 0}


def worker_client(
    settings: Settings, auth: AuthSettings, transport: httpx.BaseTransport | None = None
) -> ServiceClient:
    """The worker calls the services as the scheduler (role `scheduler`), not as a service:
    its jobs (deadline reads, the DUO sync, the retention purge, the dated moves) need no more
    (docs/authorisation.md).
    With tokens from an identity provider, AUTH_SERVICE_TOKEN holds the worker's own scheduler token."""

    def token() -> str:
        return auth.outgoing_token("scheduler", role=Role.SCHEDULER)

    return ServiceClient(token, timeout=settings.http_timeout_seconds, transport=transport)


def main() -> None:
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(levelname)s %(name)s %(message)s")
    settings = Settings()
    auth = AuthSettings()
    budget = ConnectionBudget(settings.database_connections)
    factory = make_session_factory(make_engine(settings.database_url, budget))
    services = worker_client(settings, auth)
    outbox = Outbox(OUTBOX_TABLES, settings.abonnementen)
    replica = f"{socket.gethostname()}:{os.getpid()}"
    lease = timedelta(seconds=settings.leader_lease_seconds)
    scheduler = BlockingScheduler(timezone=settings.timezone)
    for name, job in build_jobs(settings, services, outbox).items():
        scheduler.add_job(
            run_job,
            args=[factory, name, job],
            kwargs={"replica": replica, "lease": lease},
            id=name,
            max_instances=1,
            coalesce=True,
            next_run_time=datetime.now(ZoneInfo(settings.timezone)),
            **schedule(settings, name),
        )
    log.info("scheduler worker %s started", replica)
    with contextlib.suppress(KeyboardInterrupt, SystemExit):
        scheduler.start()


if __name__ == "__main__":
    main()
