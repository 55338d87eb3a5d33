"""Faults in-process (issue 8, item 8): a database that goes away, a downstream that never answers.

The receiver killed during delivery is in tests/e2e/test_security_e2e.py (real processes).
"""

import time
import uuid
from datetime import UTC, datetime

import pytest
from inburgering_shared.testing import FIGURES, DatabaseBackend, TokenFactory, rollback_client
from security_testkit import OWN, InboxReceiver, SilentServer, TcpProxy, build_app
from sqlalchemy import make_url

TIMEOUT = 1.0


def test_a_downstream_that_never_answers_does_not_hang_the_caller(
    database_backend: DatabaseBackend, auth_headers: TokenFactory
) -> None:
    """Pip receives an event and must GET the inburgeraar from a service that accepts but never answers."""
    downstream = SilentServer()
    app = build_app(database_backend, "pip", prefix="slow", http_timeout_seconds=TIMEOUT)
    notificatie = {
        "id": str(uuid.uuid4()),
        "kanaal": "inburgeraars",
        "resource": "inburgeraar",
        "actie": "create",
        "hoofdObject": f"http://127.0.0.1:{downstream.port}/v1/inburgeraars/{uuid.uuid4()}",
        "resourceUrl": f"http://127.0.0.1:{downstream.port}/v1/inburgeraars/{uuid.uuid4()}",
        "aanmaakdatum": datetime.now(UTC).isoformat(),
        "kenmerken": {"gemeentecode": OWN},
    }
    try:
        with rollback_client(app) as client:
            for _attempt in range(
                2
            ):  # the first failure recorded nothing: the retry is not "already received"
                started = time.monotonic()
                response = client.post(
                    "/v1/callbacks", json=notificatie, headers=auth_headers("service", gemeente="*")
                )
                elapsed = time.monotonic() - started
                assert response.status_code == 503, response.text
                assert elapsed < TIMEOUT * 4, f"the caller waited {elapsed:.1f}s"
    finally:
        downstream.close()


def test_the_database_going_away_gives_503_and_recovery_without_restart(
    database_backend: DatabaseBackend, auth_headers: TokenFactory
) -> None:
    if database_backend.name == "sqlite":
        pytest.skip("SQLite is embedded in the process: it cannot go away while the service runs")
    proxies: list[TcpProxy] = []

    def via_proxy(url: str) -> str:
        parsed = make_url(url)
        proxies.append(TcpProxy(parsed.host or "127.0.0.1", parsed.port or 5432))
        return parsed.set(host="127.0.0.1", port=proxies[-1].port).render_as_string(hide_password=False)

    app = build_app(database_backend, "intake", prefix="dbaway", connect_via=via_proxy)
    [proxy] = proxies
    km = auth_headers("klantmanager", gemeente=OWN)
    from fastapi.testclient import TestClient

    try:
        with TestClient(app, raise_server_exceptions=False) as client:
            assert client.get("/health/ready").status_code == 200
            assert client.get("/v1/inburgeraars", headers=km).status_code == 200

            proxy.cut()
            started = time.monotonic()
            ready = client.get("/health/ready")
            assert ready.status_code == 503, ready.text
            assert ready.json()["code"] == "database-niet-bereikbaar"
            listing = client.get("/v1/inburgeraars", headers=km)
            assert listing.status_code == 503, listing.text
            assert time.monotonic() - started < 30, "a black-holed database hung the requests"
            assert client.get("/health").status_code == 200  # alive, only not ready

            proxy.restore()
            deadline = time.monotonic() + 30
            while client.get("/health/ready").status_code != 200:
                assert time.monotonic() < deadline, "not ready again after the database came back"
                time.sleep(0.5)
            assert client.get("/v1/inburgeraars", headers=km).status_code == 200
    finally:
        proxy.close()


def test_a_receiver_down_for_an_hour_loses_no_event_and_applies_each_once(
    database_backend: DatabaseBackend,
) -> None:
    """An hour of simulated time (the dispatcher's clock advanced, not a real hour) with the receiver's
    port closed, then answers lost on the way back: every event arrives, each takes effect once."""
    from datetime import timedelta

    from inburgering_shared.contracts.events import Actie, Kanaal, Notificatie
    from inburgering_shared.db import make_engine, utcnow
    from inburgering_shared.outbox import DELIVERED, PENDING, Dispatcher, Outbox, outbox_tables
    from inburgering_shared.settings import Abonnement
    from sqlalchemy import MetaData, func, select
    from sqlalchemy.orm import Session

    events, step = 20, timedelta(seconds=30)
    receiver = InboxReceiver(database_backend.url_for(f"hour_receiver_{uuid.uuid4().hex[:6]}"))
    engine = make_engine(database_backend.url_for(f"hour_sender_{uuid.uuid4().hex[:6]}"))
    metadata = MetaData()
    outbox = Outbox(outbox_tables(metadata), [Abonnement(callbackUrl=receiver.url, kanalen=["pips"])])
    metadata.create_all(engine)
    now = [utcnow()]
    dispatcher = Dispatcher(outbox, engine, lambda: "token", timeout=1.0, clock=lambda: now[0])
    published = [
        Notificatie(
            id=uuid.uuid4(),
            kanaal=Kanaal.PIPS,
            resource="pip",
            actie=Actie.CREATE,
            aanmaakdatum=now[0],
            hoofdObject=f"http://pip/v1/pips/{uuid.uuid4()}",
            resourceUrl=f"http://pip/v1/pips/{uuid.uuid4()}",
            kenmerken={"gemeentecode": OWN},
        )
        for _ in range(events)
    ]
    with Session(engine) as session, session.begin():
        outbox.publish_many(session, published)

    def run_until(end: datetime) -> None:
        while now[0] < end:
            now[0] += step
            while dispatcher.deliver_due() == dispatcher.batch_size:
                pass

    def deliveries(status: str) -> int:
        with engine.connect() as connection:
            d = outbox.deliveries
            return int(connection.scalar(select(func.count()).where(d.c.status == status)) or 0)

    try:
        receiver.stop()
        run_until(now[0] + timedelta(hours=1))
        with engine.connect() as connection:
            attempts = int(connection.scalar(select(func.sum(outbox.deliveries.c.attempts))) or 0)
        assert (deliveries(PENDING), receiver.applied()) == (events, [])  # none given up, none arrived
        receiver.start()
        receiver.lose_answers = events // 2
        run_until(now[0] + timedelta(minutes=30))
        assert deliveries(DELIVERED) == events
        assert sorted(receiver.applied()) == sorted(n.id for n in published)  # each once
        assert receiver.deliveries > events  # the lost answers were redelivered
    finally:
        dispatcher.http.close()
        receiver.close()
        engine.dispose()
    FIGURES.append(
        f"[{database_backend.name}] receiver down 1 h (simulated): {events} events, "
        f"{attempts} failed attempts, "
        f"then {receiver.deliveries} deliveries ({events // 2} answers lost); {events} applied once, 0 lost"
    )
