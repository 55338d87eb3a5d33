"""Two scheduler replicas at once, each with its own engine and connections, on SQLite and PostgreSQL.

PostgreSQL is production; SQLite is the single-process default (docs/scheduler.md):
there the replicas' transactions take turns on the database's one write lock.
"""

import threading
import time
from collections.abc import Iterator
from datetime import UTC, date, datetime, timedelta

import httpx
import pytest
from inburgering_shared.db import make_engine, make_session_factory
from inburgering_shared.http import ServiceClient
from inburgering_shared.migrations import upgrade
from inburgering_shared.outbox import Outbox
from inburgering_shared.testing import DatabaseBackend
from scheduler_owners_double import Owners
from scheduler_service.config import Settings
from scheduler_service.db import OUTBOX_TABLES
from scheduler_service.jobs.models import JobRun
from scheduler_service.jobs.runner import run_job
from scheduler_service.signalen.models import Signaal
from scheduler_service.worker import build_jobs
from sqlalchemy import func, select
from sqlalchemy.orm import Session, sessionmaker

from .conftest import ALEMBIC_INI, SETTINGS

D = date(2026, 6, 30)


class SlowOwners(Owners):
    """Holds every listing a moment, so both replicas are inside their scan at the same time."""

    def handle(self, request: httpx.Request) -> httpx.Response:
        if "/deadlines?" in str(request.url):
            time.sleep(0.2)
        return super().handle(request)


@pytest.fixture
def database(database_backend: DatabaseBackend) -> Iterator[str]:
    url = database_backend.url_for(f"scheduler_race_{time.monotonic_ns()}")
    upgrade(str(ALEMBIC_INI), url)
    yield url


def replica(url: str, owners: Owners) -> tuple[sessionmaker[Session], dict]:
    services = ServiceClient(lambda: "t", transport=httpx.MockTransport(owners.handle))
    jobs = build_jobs(
        Settings(database_url=url, **SETTINGS),
        services,
        Outbox(OUTBOX_TABLES, []),  # type: ignore[arg-type]
        vandaag=lambda: D + timedelta(days=1),
    )
    return make_session_factory(make_engine(url)), jobs


def at_once(*work: object) -> list[object]:
    barrier, errors = threading.Barrier(len(work)), []
    results: list[object] = [None] * len(work)

    def go(i: int, fn) -> None:  # type: ignore[no-untyped-def]
        barrier.wait()
        try:
            results[i] = fn()
        except Exception as exc:  # pragma: no cover - reported below
            errors.append(exc)

    threads = [threading.Thread(target=go, args=(i, fn)) for i, fn in enumerate(work)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=60)
    assert not errors, errors
    return results


def count_signals(factory: sessionmaker[Session]) -> int:
    with factory() as session:
        return session.scalar(select(func.count()).select_from(Signaal)) or 0


def test_two_replicas_scanning_at_once_raise_one_signal_per_deadline(database: str) -> None:
    """Even two replicas that both believe they lead (a lapsed lease) never double a signal."""
    owners = SlowOwners()
    for _ in range(20):
        owners.deadline("pip-vaststellen", D)
    (fa, ja), (fb, jb) = replica(database, owners), replica(database, owners)

    def scan(factory: sessionmaker[Session], jobs: dict) -> int:
        with factory() as session, session.begin():
            return jobs["deadline-scan"](session).items

    raised = at_once(lambda: scan(fa, ja), lambda: scan(fb, jb))
    assert sum(raised) == 20  # type: ignore[arg-type]  # each signal counted by the replica that raised it
    assert count_signals(fa) == 20


def test_one_replica_leads_and_another_continues_when_its_lease_lapses(database: str) -> None:
    owners = SlowOwners()
    first = owners.deadline("pip-vaststellen", D)
    (fa, ja), (fb, jb) = replica(database, owners), replica(database, owners)
    lease, t0 = timedelta(seconds=60), datetime(2026, 7, 1, 8, 0, tzinfo=UTC)

    runs = at_once(
        lambda: run_job(fa, "deadline-scan", ja["deadline-scan"], replica="a", lease=lease, now=lambda: t0),
        lambda: run_job(fb, "deadline-scan", jb["deadline-scan"], replica="b", lease=lease, now=lambda: t0),
    )
    [ran] = [r for r in runs if r is not None]  # exactly one replica led
    assert (ran.uitkomst, ran.items) == ("gelukt", 1)  # type: ignore[attr-defined]
    leader, follower = ("a", (fb, jb)) if runs[0] is not None else ("b", (fa, ja))

    # The leader stops; within its lease the other waits, after it the other takes over where it stopped.
    second = owners.deadline("pip-vaststellen", D)
    factory, jobs = follower
    other = "b" if leader == "a" else "a"
    assert (
        run_job(
            factory,
            "deadline-scan",
            jobs["deadline-scan"],
            replica=other,
            lease=lease,
            now=lambda: t0 + timedelta(seconds=30),
        )
        is None
    )
    took_over = run_job(
        factory,
        "deadline-scan",
        jobs["deadline-scan"],
        replica=other,
        lease=lease,
        now=lambda: t0 + timedelta(seconds=61),
    )
    assert took_over is not None and took_over.items == 1
    with factory() as session:
        assert set(session.scalars(select(Signaal.deadline_url))) == {first, second}
        assert [r.uitkomst for r in session.scalars(select(JobRun))] == ["gelukt", "gelukt"]
