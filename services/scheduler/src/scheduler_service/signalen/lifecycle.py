"""A signal's lifecycle: raised once, escalated, acknowledged, resolved; each step announced as an event.

The jobs handle signals a page at a time: one statement raises a page's new
signals, one flush records a page's changes, and their events are written
together (`Outbox.publish_many`).
"""

import uuid
from collections import defaultdict
from collections.abc import Sequence
from datetime import date
from typing import Any

from inburgering_shared.contracts.events import Actie, Kanaal, Notificatie
from inburgering_shared.db import utcnow
from inburgering_shared.outbox import Outbox
from sqlalchemy import text, update
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.orm import Session

from .models import Signaal
from .rules import Niveau
from .schemas import SignaalStatus

SYSTEEM = "scheduler"
"""Who resolved a signal when no person did (the deadline was met, moved or cancelled)."""


def signaal_url(api_url: str, signaal_id: uuid.UUID) -> str:
    return f"{api_url}/signalen/{signaal_id}"


def publish(
    session: Session, outbox: Outbox, api_url: str, signalen: Sequence[Signaal], actie: Actie
) -> None:
    nu = utcnow()
    outbox.publish_many(
        session,
        [
            Notificatie(
                id=uuid.uuid4(),
                kanaal=Kanaal.SIGNALEN,
                hoofdObject=s.inburgeraar_url or s.deadline_url,
                resource="signaal",
                resourceUrl=signaal_url(api_url, s.id),
                actie=actie,
                aanmaakdatum=nu,
                kenmerken={
                    "gemeentecode": s.gemeentecode,
                    "soort": s.soort,
                    "status": s.status,
                    "niveau": s.niveau,
                },
            )
            for s in signalen
        ],
    )


def open_signalen(session: Session, outbox: Outbox, api_url: str, signalen: Sequence[Signaal]) -> int:
    """Raise the signals not raised before, in one statement, with their events; returns how many were new.

    `INSERT ... ON CONFLICT (deadline_url, soort) DO NOTHING`: a signal that
    exists is skipped, and on PostgreSQL a replica inserting the same signal
    at the same moment waits for the other's commit and then skips it.
    """
    if not signalen:
        return 0
    nu = utcnow()
    rows: list[dict[str, Any]] = []
    for s in signalen:
        s.status, s.aangemaakt, s.versie = SignaalStatus.OPEN.value, nu, 1
        rows.append({column.key: getattr(s, column.key) for column in Signaal.__table__.columns})
    insert_new = _insert_unnest if session.get_bind().dialect.name == "postgresql" else _insert_values
    nieuw = set(insert_new(session, rows))
    raised = [s for s in signalen if s.id in nieuw]
    publish(session, outbox, api_url, raised, Actie.CREATE)
    return len(raised)


def _insert_values(session: Session, rows: list[dict[str, Any]]) -> Sequence[uuid.UUID]:
    statement = (
        sqlite.insert(Signaal)
        .on_conflict_do_nothing(index_elements=["deadline_url", "soort"])
        .returning(Signaal.id)
    )
    return session.scalars(statement, rows).all()


def _insert_unnest(session: Session, rows: list[dict[str, Any]]) -> Sequence[uuid.UUID]:
    """PostgreSQL: the rows as one array per column, `INSERT ... SELECT FROM unnest(...)`: a statement of
    twenty parameters whatever the number of rows (a VALUES list has twenty per row, which psycopg and
    PostgreSQL then parse and plan row by row)."""
    columns = list(Signaal.__table__.columns)
    dialect = postgresql.dialect()
    names = ", ".join(c.name for c in columns)
    arrays = ", ".join(f"CAST(:{c.key} AS {c.type.compile(dialect=dialect)}[])" for c in columns)
    statement = text(
        f"INSERT INTO {Signaal.__tablename__} ({names}) SELECT * FROM unnest({arrays})"
        " ON CONFLICT (deadline_url, soort) DO NOTHING RETURNING id"
    )
    return session.scalars(statement, {c.key: [row[c.key] for row in rows] for c in columns}).all()


def resolve(
    session: Session, outbox: Outbox, api_url: str, signalen: Sequence[tuple[Signaal, str]], *, door: str
) -> None:
    """Resolve each signal with its reason (`oplossing`): one UPDATE per reason, the version moved on."""
    if not signalen:
        return
    session.flush()
    nu, per_reden = utcnow(), defaultdict(list)
    for signaal, oplossing in signalen:
        per_reden[oplossing].append(signaal.id)
    for oplossing, ids in per_reden.items():
        session.execute(
            update(Signaal)
            .where(Signaal.id.in_(ids))
            .values(
                status=SignaalStatus.OPGELOST.value,
                opgelost_door=door,
                opgelost=nu,
                oplossing=oplossing,
                versie=Signaal.versie + 1,
            ),
            execution_options={"synchronize_session": "fetch"},
        )
    publish(session, outbox, api_url, [s for s, _ in signalen], Actie.UPDATE)


def acknowledge(session: Session, outbox: Outbox, api_url: str, signaal: Signaal, *, door: str) -> None:
    signaal.status = SignaalStatus.ERKEND.value
    signaal.erkend_door, signaal.erkend = door, utcnow()
    session.flush()
    publish(session, outbox, api_url, [signaal], Actie.UPDATE)


def escalate(
    session: Session, outbox: Outbox, api_url: str, signalen: Sequence[tuple[Signaal, Niveau]]
) -> None:
    nu = utcnow()
    for signaal, niveau in signalen:
        signaal.niveau, signaal.geescaleerd = niveau.value, nu
    session.flush()
    publish(session, outbox, api_url, [s for s, _ in signalen], Actie.UPDATE)


def nieuw_signaal(
    *,
    soort: str,
    deadline: str,
    deadline_soort: str,
    inburgeraar: str | None,
    gemeentecode: str,
    vervaldatum: date,
    vandaag: date,
    klantmanager: str | None = None,
    team: str | None = None,
    niveau: Niveau = Niveau.KLANTMANAGER,
) -> Signaal:
    return Signaal(
        id=uuid.uuid4(),
        soort=soort,
        deadline_url=deadline,
        deadline_soort=deadline_soort,
        inburgeraar_url=inburgeraar,
        gemeentecode=gemeentecode,
        vervaldatum=vervaldatum,
        geopend_op=vandaag,
        klantmanager=klantmanager,
        team=team,
        niveau=niveau.value,
    )
