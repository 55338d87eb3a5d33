"""The scheduler's own Prometheus gauge: signals not yet resolved (open or erkend) per kind and status."""

from collections.abc import Iterator

from inburgering_shared.metrics import DatabaseGauge, Sample
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from .models import Signaal
from .schemas import SignaalStatus


def open_signalen(session: Session) -> Iterator[Sample]:
    query = (
        select(Signaal.soort, Signaal.status, func.count())
        .where(Signaal.status != SignaalStatus.OPGELOST.value)
        .group_by(Signaal.soort, Signaal.status)
    )
    for soort, status, count in session.execute(query):
        yield (soort, status), float(count)


OPEN_SIGNALEN = DatabaseGauge(
    "signalen_open",
    "Signals not yet resolved, per kind (soort) and status.",
    open_signalen,
    ("soort", "status"),
)
