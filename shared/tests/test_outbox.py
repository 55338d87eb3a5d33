"""The outbox: an event reaches every subscriber of its kanaal, failures are retried, nothing is lost.

The receiver is a real HTTP server on a free port; the outbox lives in a real
SQLite file or PostgreSQL schema (both lanes).
"""

from __future__ import annotations

import json
import threading
import uuid
from collections.abc import Iterator
from datetime import timedelta
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest
from inburgering_shared.contracts.events import Actie, Kanaal, Notificatie
from inburgering_shared.db import make_engine, utcnow
from inburgering_shared.outbox import (
    DEAD,
    DELIVERED,
    PARK_FOR,
    PARKED,
    PENDING,
    Dispatcher,
    Outbox,
    outbox_tables,
)
from inburgering_shared.settings import Abonnement
from inburgering_shared.testing import DatabaseBackend
from sqlalchemy import MetaData, select, update
from sqlalchemy.engine import Engine
from sqlalchemy.orm import Session


class Receiver:
    """A subscriber over real HTTP that answers with the statuses it is told, then 204."""

    def __init__(self) -> None:
        self.received: list[dict[str, object]] = []
        self.statuses: list[int] = []
        receiver = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self) -> None:
                body = json.loads(self.rfile.read(int(self.headers["Content-Length"])))
                status = receiver.statuses.pop(0) if receiver.statuses else 204
                if status < 300:
                    receiver.received.append(body)
                self.send_response(status)
                self.send_header("Content-Length", "0")
                self.end_headers()

            def log_message(self, *args: object) -> None:
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}/v1/callbacks"
        threading.Thread(target=self.server.serve_forever, daemon=True).start()

    def close(self) -> None:
        self.server.shutdown()
        self.server.server_close()


@pytest.fixture
def receiver() -> Iterator[Receiver]:
    running = Receiver()
    yield running
    running.close()


@pytest.fixture
def engine(database_backend: DatabaseBackend, request: pytest.FixtureRequest) -> Iterator[Engine]:
    url = database_backend.url_for(f"outbox_{uuid.uuid4().hex[:8]}")
    made = make_engine(url)
    yield made
    made.dispose()


def make_outbox(engine: Engine, abonnementen: list[Abonnement]) -> Outbox:
    metadata = MetaData()
    outbox = Outbox(outbox_tables(metadata), abonnementen)
    metadata.create_all(engine)
    return outbox


def notificatie(kanaal: Kanaal = Kanaal.PIPS) -> Notificatie:
    return Notificatie(
        id=uuid.uuid4(),
        kanaal=kanaal,
        hoofdObject="http://intake/v1/inburgeraars/1",
        resource="pip",
        resourceUrl="http://pip/v1/pips/1",
        actie=Actie.CREATE,
        aanmaakdatum=utcnow(),
    )


def publish(engine: Engine, outbox: Outbox, event: Notificatie) -> None:
    with Session(engine) as session, session.begin():
        outbox.publish(session, event)


def deliveries(engine: Engine, outbox: Outbox) -> list[dict[str, object]]:
    with engine.connect() as connection:
        return [dict(row._mapping) for row in connection.execute(select(outbox.deliveries))]


def dispatcher(engine: Engine, outbox: Outbox, **kwargs: object) -> Dispatcher:
    return Dispatcher(outbox, engine, token=lambda: "a-token", timeout=2.0, **kwargs)  # type: ignore[arg-type]


def make_due(engine: Engine, outbox: Outbox) -> None:
    with engine.begin() as connection:
        connection.execute(update(outbox.deliveries).values(next_attempt_at=utcnow() - timedelta(seconds=1)))


def test_event_reaches_only_the_subscribers_of_its_kanaal(engine: Engine, receiver: Receiver) -> None:
    other = Abonnement(callbackUrl="http://127.0.0.1:9/v1/callbacks", kanalen=["signalen"])
    outbox = make_outbox(engine, [Abonnement(callbackUrl=receiver.url, kanalen=["pips"]), other])
    event = notificatie(Kanaal.PIPS)
    publish(engine, outbox, event)

    assert dispatcher(engine, outbox).deliver_due() == 1

    assert receiver.received == [event.model_dump(mode="json")]
    [row] = deliveries(engine, outbox)
    assert row["status"] == DELIVERED and row["callback_url"] == receiver.url


def test_failed_delivery_backs_off_and_is_delivered_later(engine: Engine, receiver: Receiver) -> None:
    outbox = make_outbox(engine, [Abonnement(callbackUrl=receiver.url, kanalen=["pips"])])
    publish(engine, outbox, notificatie())
    receiver.statuses = [503, 500]
    sender = dispatcher(engine, outbox)

    assert sender.deliver_due() == 1
    [row] = deliveries(engine, outbox)
    assert row["status"] == PENDING and row["attempts"] == 1 and "HTTP 503" in str(row["last_error"])
    assert row["next_attempt_at"] > utcnow(), "the retry waits for its backoff"
    assert sender.deliver_due() == 0, "nothing is due during the backoff"

    make_due(engine, outbox)
    sender.deliver_due()
    make_due(engine, outbox)
    sender.deliver_due()

    [row] = deliveries(engine, outbox)
    assert row["status"] == DELIVERED and row["attempts"] == 2
    assert len(receiver.received) == 1


def test_an_event_refused_for_its_content_is_parked_for_a_day_and_blocks_nothing_behind_it(
    engine: Engine, receiver: Receiver
) -> None:
    outbox = make_outbox(engine, [Abonnement(callbackUrl=receiver.url, kanalen=["pips"])])
    poison, behind = notificatie(), notificatie()
    publish(engine, outbox, poison)
    publish(engine, outbox, behind)
    receiver.statuses = [422]  # the first event's effect fails for its content
    sender = dispatcher(engine, outbox)

    assert sender.deliver_due() == 2
    rows = {row["event_id"]: row for row in deliveries(engine, outbox)}
    parked = rows[poison.id]
    assert parked["status"] == PARKED and "HTTP 422" in str(parked["last_error"])
    assert parked["next_attempt_at"] > utcnow() + PARK_FOR - timedelta(minutes=1), "not before a day"
    assert rows[behind.id]["status"] == DELIVERED
    assert receiver.received == [behind.model_dump(mode="json")]
    assert sender.deliver_due() == 0

    with Session(engine) as session, session.begin():  # the fault fixed, an operator retries
        assert outbox.retry(session, parked["id"])
        assert not outbox.retry(session, rows[behind.id]["id"]), "a delivered event is not sent again"
    assert sender.deliver_due() == 1
    assert {row["status"] for row in deliveries(engine, outbox)} == {DELIVERED}
    assert receiver.received[-1] == poison.model_dump(mode="json")


def test_a_parked_event_is_tried_again_after_its_day(engine: Engine, receiver: Receiver) -> None:
    outbox = make_outbox(engine, [Abonnement(callbackUrl=receiver.url, kanalen=["pips"])])
    publish(engine, outbox, notificatie())
    receiver.statuses = [400]
    sender = dispatcher(engine, outbox)
    sender.deliver_due()
    assert deliveries(engine, outbox)[0]["status"] == PARKED
    make_due(engine, outbox)  # a day later
    assert sender.deliver_due() == 1
    assert deliveries(engine, outbox)[0]["status"] == DELIVERED


def test_backoff_is_capped(engine: Engine) -> None:
    outbox = make_outbox(
        engine, [Abonnement(callbackUrl="http://127.0.0.1:9/v1/callbacks", kanalen=["pips"])]
    )
    publish(engine, outbox, notificatie())
    with engine.begin() as connection:
        connection.execute(update(outbox.deliveries).values(attempts=30))

    dispatcher(engine, outbox, max_backoff=60.0).deliver_due()

    [row] = deliveries(engine, outbox)
    assert row["status"] == PENDING
    assert row["next_attempt_at"] <= utcnow() + timedelta(seconds=61)


def test_undeliverable_event_is_kept_as_dead_letter_not_dropped(engine: Engine) -> None:
    outbox = make_outbox(
        engine, [Abonnement(callbackUrl="http://127.0.0.1:9/v1/callbacks", kanalen=["pips"])]
    )
    event = notificatie()
    event.aanmaakdatum = utcnow() - timedelta(hours=25)
    publish(engine, outbox, event)

    dispatcher(engine, outbox).deliver_due()

    [row] = deliveries(engine, outbox)
    assert row["status"] == DEAD and row["last_error"]
    with engine.connect() as connection:
        assert connection.execute(select(outbox.events.c.id)).scalar_one() == event.id


def test_the_running_dispatcher_is_woken_by_a_commit(engine: Engine, receiver: Receiver) -> None:
    outbox = make_outbox(engine, [Abonnement(callbackUrl=receiver.url, kanalen=["pips"])])
    sender = dispatcher(engine, outbox, interval=60.0)
    sender.start()
    try:
        publish(engine, outbox, notificatie())
        for _ in range(100):
            if receiver.received:
                break
            threading.Event().wait(0.05)
    finally:
        sender.stop()
    assert len(receiver.received) == 1, "delivered on commit, not after the 60 s poll interval"


def test_two_dispatchers_never_send_one_delivery_twice(engine: Engine, receiver: Receiver) -> None:
    outbox = make_outbox(engine, [Abonnement(callbackUrl=receiver.url, kanalen=["pips"])])
    events = [notificatie() for _ in range(40)]
    for event in events:
        publish(engine, outbox, event)
    senders = [dispatcher(engine, outbox, batch_size=5) for _ in range(2)]

    def drain(sender: Dispatcher) -> None:
        while sender.deliver_due():
            pass

    threads = [threading.Thread(target=drain, args=(sender,)) for sender in senders]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)

    assert sorted(body["id"] for body in receiver.received) == sorted(str(e.id) for e in events)
    assert {row["status"] for row in deliveries(engine, outbox)} == {DELIVERED}
