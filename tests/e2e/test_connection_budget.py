"""A service process opens no more PostgreSQL connections than `<PREFIX>DATABASE_CONNECTIONS` allows.

Two intake worker processes (WEB_CONCURRENCY=2) with 8 connections each take a burst of
writes and reads at once; every request is answered without a server error while
pg_stat_activity, sampled throughout, never shows more than 2 x 8 of their connections.
"""

import threading
import time
import uuid
from collections.abc import Iterator

import httpx
import pytest
from inburgering_shared.bsn import bsn_numbers
from inburgering_shared.migrations import upgrade
from inburgering_shared.system import SERVICES, LocalSystem, service_environment
from sqlalchemy import create_engine, make_url, text

from .bursts import burst
from .conftest import free_ports
from .test_concurrency import overdracht
from .test_first_flow import GEMEENTE

pytestmark = pytest.mark.e2e
WORKERS, CONNECTIONS, BURST = 2, 8, 40
APPLICATION = f"budget-{uuid.uuid4().hex[:8]}"
INTAKE = next(s for s in SERVICES if s.name == "intake")
_bsns = bsn_numbers(227_000_000)


@pytest.fixture
def intake(database_backend, tmp_path) -> Iterator[tuple[str, str]]:
    if database_backend.postgres_url is None:
        pytest.skip("a connection budget is PostgreSQL's: SQLite has no connections to count")
    schema_url = database_backend.url_for("budget_intake")
    url = make_url(schema_url).update_query_dict({"application_name": APPLICATION})
    url = url.render_as_string(hide_password=False)
    upgrade(str(INTAKE.alembic_ini), url)
    ports = dict(zip([s.name for s in SERVICES], free_ports(len(SERVICES)), strict=True))
    env = service_environment(ports, lambda name: url)
    env.update(WEB_CONCURRENCY=str(WORKERS), INTAKE_DATABASE_CONNECTIONS=str(CONNECTIONS))
    system = LocalSystem(env=env, ports=ports, log_dir=tmp_path, scheduler_worker=False)
    system.start("intake")
    try:
        system.wait_ready(["intake"])
        yield f"http://127.0.0.1:{ports['intake']}/v1", schema_url
    finally:
        system.stop_all()


class ConnectionSampler(threading.Thread):
    """The most connections of `APPLICATION` pg_stat_activity showed while it ran (its own has no name)."""

    def __init__(self, url: str) -> None:
        super().__init__(daemon=True)
        self.engine = create_engine(url)
        self.most = 0
        self.done = threading.Event()

    def run(self) -> None:
        query = text("SELECT count(*) FROM pg_stat_activity WHERE application_name = :name")
        with self.engine.connect() as connection:
            while not self.done.is_set():
                self.most = max(self.most, connection.execute(query, {"name": APPLICATION}).scalar_one())
                connection.rollback()
                time.sleep(0.01)

    def __enter__(self) -> "ConnectionSampler":
        self.start()
        return self

    def __exit__(self, *_: object) -> None:
        self.done.set()
        self.join()
        self.engine.dispose()


def test_a_burst_of_writes_and_reads_stays_within_the_connection_budget(intake, auth_headers):
    api, schema_url = intake
    coa, km = auth_headers("coa", gemeente=GEMEENTE), auth_headers("klantmanager", gemeente=GEMEENTE)
    made = [
        httpx.post(f"{api}/coa-overdrachten", json=overdracht(f"COA-BUDGET-{i}", next(_bsns)), headers=coa)
        for i in range(4)
    ]
    assert all(r.status_code == 201 for r in made), [r.text for r in made]
    dossiers = [r.json()["inburgeraar"] for r in made]

    def send(client: httpx.Client, i: int) -> httpx.Response:
        if i % 4 == 0:
            body = overdracht(f"COA-BUDGET-{uuid.uuid4().hex[:8]}", next(_bsns))
            return client.post(f"{api}/coa-overdrachten", json=body, headers=coa)
        if i % 4 == 1:
            return client.get(f"{api}/inburgeraars", headers=km)
        return client.get(dossiers[i % len(dossiers)], headers=km)

    with ConnectionSampler(schema_url) as sampler:
        answers = [burst("connection budget: writes and reads", BURST, send) for _ in range(3)]
    for b in answers:
        b.assert_clean()
        assert set(b.statuses) <= {200, 201}, b.statuses
    assert 0 < sampler.most <= WORKERS * CONNECTIONS
