"""Outbox and delivery of events: nothing acknowledged is ever lost between services.

`publish()` writes the event and one delivery row per subscriber in the same
transaction as the state change. The `Dispatcher` thread delivers due rows over
HTTP; any 2xx counts as delivered. Failures back off exponentially (capped) and
keep retrying; only after `dead_letter_after` does a delivery become dead, with
an error in the log for operators. A subscriber that refuses the event for its
content (400 or 422: its effect fails for what the event says, `callbacks`) gets
it parked: the delivery is tried again once a day (`PARK_FOR`), not every few
minutes, and the subscriber's other events go on meanwhile. Parked and dead
deliveries are listed per subscriber with the reason and can be retried at once
after a fix (`delivery_router`). On PostgreSQL rows are claimed with
`FOR UPDATE SKIP LOCKED`, so several replicas never send the same row at once.
"""

from __future__ import annotations

import logging
import random
import threading
import uuid
from collections.abc import Callable
from datetime import datetime, timedelta
from functools import partial

import httpx
from sqlalchemy import (
    Column,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    String,
    Table,
    Text,
    event,
    func,
    select,
    update,
)
from sqlalchemy.engine import Engine
from sqlalchemy.orm import Session

from .bsn import mask_bsns
from .bulk_insert import insert_rows
from .contracts.events import Notificatie
from .db import JsonDocument, UTCDateTime, Uuid, utcnow
from .headers import CORRELATION_HEADER
from .settings import Abonnement

log = logging.getLogger(__name__)

PENDING, DELIVERED, DEAD, PARKED = "pending", "delivered", "dead", "parked"
PARK_FOR = timedelta(days=1)
REFUSED_FOR_CONTENT = (400, 422)


def outbox_tables(metadata: MetaData) -> tuple[Table, Table]:
    """The two outbox tables, added to a publishing service's metadata."""
    events = Table(
        "outbox_event",
        metadata,
        Column("id", Uuid, primary_key=True),
        Column("kanaal", String(40), nullable=False),
        Column("payload", JsonDocument, nullable=False),
        Column("aanmaakdatum", UTCDateTime, nullable=False),
    )
    deliveries = Table(
        "outbox_delivery",
        metadata,
        Column("id", Integer, primary_key=True, autoincrement=True),
        Column("event_id", Uuid, ForeignKey("outbox_event.id"), nullable=False),
        Column("callback_url", String(500), nullable=False),
        Column("status", String(12), nullable=False),
        Column("attempts", Integer, nullable=False),
        Column("next_attempt_at", UTCDateTime, nullable=False),
        Column("delivered_at", UTCDateTime),
        Column("last_error", Text),
        Index("ix_outbox_delivery_due", "status", "next_attempt_at"),
    )
    return events, deliveries


_wakeup = threading.Condition()
_commits = 0  # commits that published an event; a dispatcher waits for this to change


def _wake_dispatchers(session: Session) -> None:
    global _commits
    if session.info.pop("outbox_published", False):
        with _wakeup:
            _commits += 1
            _wakeup.notify_all()


event.listen(Session, "after_commit", _wake_dispatchers)


class Outbox:
    """A service's outbox: its tables and its subscribers."""

    def __init__(self, tables: tuple[Table, Table], abonnementen: list[Abonnement]):
        self.events, self.deliveries = tables
        self.abonnementen = abonnementen

    def publish(self, session: Session, notificatie: Notificatie) -> None:
        self.publish_many(session, [notificatie])

    def publish_many(self, session: Session, notificaties: list[Notificatie]) -> None:
        """Write events (and one delivery per subscriber) in the caller's transaction, in two statements
        (`bulk_insert`: one per table whatever the number of events)."""
        if not notificaties:
            return
        insert_rows(
            session,
            self.events,
            [
                {
                    "id": n.id,
                    "kanaal": n.kanaal.value,
                    "payload": n.model_dump(mode="json"),
                    "aanmaakdatum": n.aanmaakdatum,
                }
                for n in notificaties
            ],
        )
        rows = [
            {
                "event_id": n.id,
                "callback_url": a.callbackUrl,
                "status": PENDING,
                "attempts": 0,
                "next_attempt_at": n.aanmaakdatum,
            }
            for n in notificaties
            for a in self.abonnementen
            if n.kanaal.value in a.kanalen
        ]
        if rows:
            insert_rows(session, self.deliveries, rows)
            session.info["outbox_published"] = True

    def retry(self, session: Session, delivery_id: int) -> bool:
        """Make a parked or dead delivery due now (after the fault was fixed); False if there is none."""
        d = self.deliveries
        done = session.execute(
            update(d)
            .where(d.c.id == delivery_id, d.c.status.in_([PARKED, DEAD]))
            .values(status=PENDING, next_attempt_at=utcnow())
            .returning(d.c.id)
        ).first()
        session.info["outbox_published"] = True  # wakes the dispatcher after the commit
        return done is not None

    def backlog(self, session: Session) -> tuple[int, datetime | None]:
        """Pending deliveries and the creation time of the oldest (for metrics)."""
        count, oldest = session.execute(
            select(func.count(), func.min(self.events.c.aanmaakdatum))
            .select_from(self.deliveries.join(self.events))
            .where(self.deliveries.c.status == PENDING)
        ).one()
        return count, oldest


class Dispatcher:
    """Delivers due outbox rows; runs as a daemon thread in the publishing service."""

    def __init__(
        self,
        outbox: Outbox,
        engine: Engine,
        token: Callable[[], str],
        *,
        interval: float = 1.0,
        max_backoff: float = 300.0,
        dead_letter_after: timedelta = timedelta(hours=24),
        timeout: float = 10.0,
        batch_size: int = 20,
        clock: Callable[[], datetime] = utcnow,
    ) -> None:
        """`clock`: the time deliveries are due by (a test advances it: tests/security/test_faults.py)."""
        self.outbox, self.engine, self.token = outbox, engine, token
        self.interval, self.max_backoff = interval, max_backoff
        self.dead_letter_after, self.batch_size = dead_letter_after, batch_size
        self.timeout, self.clock = timeout, clock
        self.http = httpx.Client(timeout=timeout)
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, name="outbox-dispatcher", daemon=True)

    def start(self) -> None:
        self._thread.start()

    def stop(self) -> None:
        self._stop.set()
        with _wakeup:
            _wakeup.notify_all()
        self._thread.join(timeout=10)
        self.http.close()

    def _run(self) -> None:
        while not self._stop.is_set():
            with _wakeup:
                seen = _commits
            try:
                while self.deliver_due() == self.batch_size:
                    pass
            except Exception:  # keep the loop alive; the rows stay pending
                log.exception("outbox dispatch round failed")
            # A commit during the round above is not missed: it changed `_commits`.
            with _wakeup:
                _wakeup.wait_for(partial(self._woken, seen), timeout=self.interval)

    def _woken(self, commits_seen: int) -> bool:
        return _commits != commits_seen or self._stop.is_set()

    def deliver_due(self) -> int:
        """Deliver one batch of due rows; returns how many were attempted.

        Rows are claimed in a short transaction (moving their next attempt past
        the time the batch can take), sent outside any transaction, and their
        outcome recorded per row. A dispatcher that dies mid-batch leaves its
        claimed rows to be sent again once the claim lapses: at least once.
        """
        d, e = self.outbox.deliveries, self.outbox.events
        claim_until = self.clock() + timedelta(seconds=self.timeout * self.batch_size + 30)
        with Session(self.engine) as session, session.begin():
            query = (
                select(d.c.id, d.c.callback_url, d.c.attempts, e.c.payload, e.c.aanmaakdatum)
                .join(e, e.c.id == d.c.event_id)
                .where(d.c.status.in_([PENDING, PARKED]), d.c.next_attempt_at <= self.clock())
                .order_by(d.c.next_attempt_at)
                .limit(self.batch_size)
            )
            if self.engine.dialect.name == "postgresql":
                query = query.with_for_update(skip_locked=True, of=d)
            rows = session.execute(query).all()
            if rows:
                session.execute(
                    update(d).where(d.c.id.in_([r.id for r in rows])).values(next_attempt_at=claim_until)
                )
        for row in rows:
            outcome = self._attempt(row)
            with Session(self.engine) as session, session.begin():
                session.execute(update(d).where(d.c.id == row.id).values(**outcome))
        return len(rows)

    def _attempt(self, row: object) -> dict[str, object]:
        error, refused = self._post(row.callback_url, row.payload)  # type: ignore[attr-defined]
        now = self.clock()
        if error is None:
            return {"status": DELIVERED, "delivered_at": now, "last_error": None}
        attempts = row.attempts + 1  # type: ignore[attr-defined]
        if refused:
            log.warning("outbox delivery parked for a day, refused for its content: %s", error)
            return {
                "status": PARKED,
                "attempts": attempts,
                "next_attempt_at": now + PARK_FOR,
                "last_error": error,
            }
        if now - row.aanmaakdatum > self.dead_letter_after:  # type: ignore[attr-defined]
            log.error("outbox delivery dead-lettered after %s attempts: %s", attempts, error)
            return {"status": DEAD, "attempts": attempts, "last_error": error}
        backoff = min(self.max_backoff, 2 ** min(attempts, 20)) * random.uniform(0.5, 1.0)
        return {
            "attempts": attempts,
            "next_attempt_at": now + timedelta(seconds=backoff),
            "last_error": error,
        }

    def _post(self, url: str, payload: dict[str, object]) -> tuple[str | None, bool]:
        """The error (None when delivered) and whether the subscriber refused the event for its content."""
        headers = {
            "Authorization": f"Bearer {self.token()}",
            CORRELATION_HEADER: str(uuid.uuid4()),
        }
        try:
            response = self.http.post(url, json=payload, headers=headers)
        except httpx.HTTPError as exc:
            return f"{type(exc).__name__}: {exc}"[:500], False
        if response.is_success:
            return None, False
        error = f"HTTP {response.status_code}: {mask_bsns(response.text[:300])}"
        return error, response.status_code in REFUSED_FOR_CONTENT
