"""Trajectory's own Prometheus gauges: how far the DUO sync is behind, read at each scrape."""

from collections.abc import Iterator
from datetime import datetime

from inburgering_shared.db import utcnow
from inburgering_shared.metrics import DatabaseGauge, Sample
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from .models import DuoDossier, DuoNotificatie, DuoOpdracht
from .service import GEPARKEERD, ONTVANGEN, WACHTEND


def _age_seconds(oldest: datetime | None) -> float:
    return (utcnow() - oldest).total_seconds() if oldest is not None else 0.0


def duo_backlog(session: Session) -> Iterator[Sample]:
    """Notifications from DUO not yet processed and writes to DUO not yet sent: count and oldest age;
    and how many are parked for a person to resolve."""
    for richting, model, status, since in (
        ("van-duo", DuoNotificatie, ONTVANGEN, DuoNotificatie.ontvangen),
        ("naar-duo", DuoOpdracht, WACHTEND, DuoOpdracht.aangemaakt),
    ):
        count, oldest = session.execute(
            select(func.count(), func.min(since)).where(model.status == status)
        ).one()
        yield (richting, "aantal"), float(count)
        yield (richting, "oudste_seconden"), _age_seconds(oldest)
        geparkeerd = session.scalar(select(func.count()).where(model.status == GEPARKEERD))
        yield (richting, "geparkeerd"), float(geparkeerd or 0)


def duo_last_read(session: Session) -> Iterator[Sample]:
    """Seconds since the sync last read a dossier from DUO (0 before the first read)."""
    yield (), _age_seconds(session.execute(select(func.max(DuoDossier.laatst_gelezen))).scalar_one())


DUO_GAUGES = [
    DatabaseGauge(
        "duo_sync_backlog",
        "DUO sync work not yet done, per direction: count and age of the oldest.",
        duo_backlog,
        ("richting", "meting"),
    ),
    DatabaseGauge(
        "duo_sync_last_read_age_seconds", "Seconds since a dossier was last read from DUO.", duo_last_read
    ),
]
