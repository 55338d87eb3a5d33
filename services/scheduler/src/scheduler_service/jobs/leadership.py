"""One scheduler replica leads: a lease row in the database, renewed by its holder.

Works the same on PostgreSQL and SQLite: the conditional UPDATE is atomic, so
of two replicas racing for a lapsed lease exactly one gets it. A replica that
dies stops renewing; another takes over once the lease lapses and, since all
state is in tables, continues where the last one stopped.
"""

from datetime import datetime, timedelta

from sqlalchemy import or_, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from .models import LeaderLease


def claim_leadership(session: Session, *, naam: str, houder: str, lease: timedelta, now: datetime) -> bool:
    """Take or renew the lease; True when `houder` leads until `now + lease`."""
    renewed = session.execute(
        update(LeaderLease)
        .where(LeaderLease.naam == naam, or_(LeaderLease.houder == houder, LeaderLease.verloopt < now))
        .values(houder=houder, verloopt=now + lease)
    )
    if renewed.rowcount == 1:  # type: ignore[attr-defined]
        return True
    if session.get(LeaderLease, naam) is not None:
        return False
    try:
        with session.begin_nested():
            session.add(LeaderLease(naam=naam, houder=houder, verloopt=now + lease))
    except IntegrityError:
        return False
    return True
