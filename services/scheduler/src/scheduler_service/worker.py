"""The scheduler's job process: `python -m scheduler_service.worker`.

APScheduler 3 is only the tick (in-memory job store, one job per kind of work,
never one per deadline); leadership, signals and job runs live in our tables,
so any number of replicas may run this process.
"""

import logging
import os
import socket
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

from apscheduler.schedulers.blocking import BlockingScheduler
from sqlalchemy.orm import Session

from inburgering_shared.db import make_engine, make_session_factory
from inburgering_shared.http import ServiceClient
from inburgering_shared.outbox import Outbox
from inburgering_shared.settings import AuthSettings

from .config import Settings
from .db import OUTBOX_TABLES
from .jobs.runner import Job, run_job
from .signalen.service import resolve_met_deadlines, scan_deadlines

log = logging.getLogger("scheduler_service.worker")


def build_jobs(settings: Settings, services: ServiceClient, outbox: Outbox) -> dict[str, Job]:
    zone = ZoneInfo(settings.timezone)

    def deadline_scan(session: Session) -> int:
        vandaag = datetime.now(zone).date()
        raised = scan_deadlines(
            session, services, outbox, api_url=settings.api_url, sources=settings.deadline_sources, vandaag=vandaag
        )
        return raised + resolve_met_deadlines(session, services, outbox, api_url=settings.api_url)

    return {"deadline-scan": deadline_scan}


def main() -> None:
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(levelname)s %(name)s %(message)s")
    settings = Settings()
    auth = AuthSettings()
    factory = make_session_factory(make_engine(settings.database_url))
    services = ServiceClient(lambda: auth.outgoing_token("scheduler", role="scheduler"),
                             timeout=settings.http_timeout_seconds)
    outbox = Outbox(OUTBOX_TABLES, settings.abonnementen)
    replica = f"{socket.gethostname()}:{os.getpid()}"
    lease = timedelta(seconds=settings.leader_lease_seconds)
    scheduler = BlockingScheduler(timezone=settings.timezone)
    for name, job in build_jobs(settings, services, outbox).items():
        scheduler.add_job(
            run_job, "interval", seconds=settings.scan_interval_seconds, args=[factory, name, job],
            kwargs={"replica": replica, "lease": lease}, id=name, max_instances=1, coalesce=True,
            next_run_time=datetime.now(ZoneInfo(settings.timezone)),
        )
    log.info("scheduler worker %s started", replica)
    try:
        scheduler.start()
    except (KeyboardInterrupt, SystemExit):
        pass


if __name__ == "__main__":
    main()
