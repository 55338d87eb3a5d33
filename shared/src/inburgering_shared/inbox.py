"""Receiving events exactly once in effect: the inbox remembers every event id.

The receiver records the event id in the same transaction as the effect; a
redelivered event finds its id and changes nothing. If the effect fails, the
transaction (id included) rolls back and the publisher retries later.
"""

from __future__ import annotations

import uuid

from sqlalchemy import Column, MetaData, String, Table, insert, select
from sqlalchemy.orm import Session

from .db import UTCDateTime, Uuid, utcnow


def inbox_table(metadata: MetaData) -> Table:
    return Table(
        "inbox_event",
        metadata,
        Column("id", Uuid, primary_key=True),
        Column("kanaal", String(40), nullable=False),
        Column("received_at", UTCDateTime, nullable=False),
    )


def first_receipt(session: Session, inbox: Table, event_id: uuid.UUID, kanaal: str) -> bool:
    """Record the event id; False when it was received (and took effect) before.

    Concurrent deliveries of one id meet the primary key: the second transaction
    fails to commit and its sender retries, then finds the id.
    """
    if session.scalar(select(inbox.c.id).where(inbox.c.id == event_id)) is not None:
        return False
    session.execute(insert(inbox).values(id=event_id, kanaal=kanaal, received_at=utcnow()))
    return True
