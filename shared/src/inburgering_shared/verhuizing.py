"""A move to another gemeente takes the whole dossier along (DUO's SS120 and SS121).

DUO tells the gemeente the person settled in (SS120: settled without a PIP; SS121: with the
previous gemeente's PIP); intake moves the dossier there (`POST /v1/verhuizingen`) and announces
it on `inburgeraars`. Every service that keeps rows about the person follows on that event
(`volg_verhuizing`): each row about the dossier that names a gemeente (the trajectory, its
components and termijnen, the PIP and its deadline, signals, the audit trail) is handed over to
the new gemeente, URLs unchanged, and one audit row records the hand-over. From then on the old
gemeente is refused (404) and the new one reads everything, its history included. Nothing else
changes: a vastgesteld PIP stays in force, its deadline and the termijnen keep their dates, until
the new gemeente changes them.

The move takes effect on the moving date (`van_kracht`): a move announced for a later date leaves the
dossier with the old gemeente until that day, when intake hands it over (`POST /v1/verhuizingen/uitvoeren`,
the scheduler's daily job) and announces it; the other services follow on that event.

Every audit row of the person written up to the hand-over goes along, also that of a read which ran
while the hand-over committed (its snapshot showed the old gemeente): `naloop` hands those over once
the transactions that began before the commit have ended.

`van_kracht` and `overdracht` are the rule (pure); `draag_over` applies it to this service's database.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Collection
from dataclasses import dataclass
from datetime import date
from typing import Any

from sqlalchemy import MetaData, Table, and_, event, insert, or_, select, text, update
from sqlalchemy.engine import Connection
from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.orm import Session

from .audit import AUDITTRAIL
from .callbacks import EventContext
from .contracts.events import Notificatie
from .contracts.resources import VerhuisdDossierContract, Verhuizing
from .dates import vandaag
from .db import WRITE_WAIT_SECONDS, new_uuid, utcnow
from .headers import correlation_id
from .person_rows import TECHNICAL_TABLES, rows_about

BRON = (
    "DUO M2M Gebeurtenissen SS120 (in gemeente gevestigd zonder PIP) en SS121 (in gemeente gevestigd "
    "met PIP vorige gemeente)"
)
GEMEENTE_VAN_VESTIGING = (
    'DUO M2M Gebeurtenissen, "Wijziging van gemeente": "Wijziging van het adres conform het BRP - '
    'vertrek uit Nederland (of dakloos?) of vertrek naar andere gemeente in Nederland"; DUO M2M README, '
    '"Voorwaarden Gegevensuitwisseling": "De persoon is een ingezetene van de gemeente en niet woonachtig '
    'in een locatie van het Centraal Orgaan Opvang Asielzoekers (COA)."'
)
"""Why the gemeente of vestiging is the one responsible from the moving date. The Wet inburgering 2021's
own text is not among the sources the project holds (docs/transitions.md), so DUO's words are cited."""
ACTIE = "overdragen"
log = logging.getLogger(__name__)


@dataclass(frozen=True)
class Overdracht:
    """The hand-over a dossier's rows owe: to the gemeente it settled in, as of the moving date."""

    van: str
    naar: str
    datum: date
    gebeurtenis: str

    def toelichting(self) -> str:
        return (
            f"Verhuizing: dossier overgedragen van {self.van} aan {self.naar}, gevestigd op "
            f"{self.datum.isoformat()} ({self.gebeurtenis}). Bron: {BRON}."
        )


def van_kracht(verhuizing: Verhuizing, vandaag: date) -> bool:
    """Whether a move has taken effect: from its moving date on, the gemeente the person settled in
    (where the BRP registers them as ingezetene) is the one responsible, not before.
    Source: GEMEENTE_VAN_VESTIGING (DUO M2M Gebeurtenissen, "Wijziging van gemeente"; README)."""
    return verhuizing.datumVestiging <= vandaag


def gemeente_op(gemeentecode: str, verhuizingen: Collection[Verhuizing], datum: date) -> str:
    """The gemeente responsible for a dossier on `datum`: the one the person settled in by the last
    move on or before that date; before the first move the gemeente they moved from; `gemeentecode`
    (where the dossier is now) for a dossier that never moved. Reporting counts each fact of a person
    for the gemeente responsible on the fact's date (docs/reporting.md, "A person who moved").
    Source: GEMEENTE_VAN_VESTIGING (DUO M2M Gebeurtenissen, "Wijziging van gemeente"; README)."""
    op_volgorde = sorted(verhuizingen, key=lambda v: v.datumVestiging)
    if not op_volgorde:
        return gemeentecode
    gedaan = [v for v in op_volgorde if v.datumVestiging <= datum]
    return gedaan[-1].naarGemeente if gedaan else op_volgorde[0].vanGemeente


def overdracht(gemeentecode: str, verhuizingen: Collection[Verhuizing], vandaag: date) -> Overdracht | None:
    """The hand-over the rows of a dossier held by `gemeentecode` follow: its last move in effect on
    `vandaag`, when that move brought it to `gemeentecode`; None for a dossier that never moved.

    Rows of any earlier gemeente go to the one the dossier is in now (a person who moved twice
    before a service heard of it is handed over once); a move announced for a later date owes
    nothing yet (`van_kracht`). The PIP of the previous gemeente stays in force in the new one
    (SS121: "gevestigd met PIP vorige gemeente").
    Source: DUO M2M Gebeurtenissen.md, SS120 and SS121; GEMEENTE_VAN_VESTIGING.
    """
    verhuizingen = [v for v in verhuizingen if van_kracht(v, vandaag)]
    if not verhuizingen:
        return None
    laatste = max(verhuizingen, key=lambda v: v.datumVestiging)
    if laatste.naarGemeente != gemeentecode:
        return None
    return Overdracht(laatste.vanGemeente, laatste.naarGemeente, laatste.datumVestiging, laatste.gebeurtenis)


def draag_over(
    session: Session, url: str, overdracht: Overdracht, *, bron: str, overslaan: Collection[str] = ()
) -> int:
    """Hand every row of this database about the dossier at `url` that names another gemeente
    over to `overdracht.naar` and record the hand-over in the audit trail; the rows handed over.

    The rows are those `person_rows.rows_about` finds (the audit trail among them); `overslaan`
    names tables that keep their gemeente (what DUO told a gemeente is DUO's answer to it). Applied
    again it hands over only what reached the old gemeente since and records the hand-over once:
    receivers of an event are idempotent.

    A read of the old gemeente that ran while the hand-over was being committed read the dossier as
    the old gemeente's and records that gemeente in its audit row, written after the hand-over looked
    (`naloop`). So once the hand-over is committed, this service waits until every transaction that
    began before that moment has ended and hands over what they wrote: every audit row of the person
    written up to the hand-over ends with the new gemeente.
    """
    verplaatst = _draag_over(session, url, overdracht, bron, overslaan)
    if verplaatst:
        naloop(session, url, overdracht, bron=bron, overslaan=overslaan)
    return verplaatst


def _draag_over(
    session: Session, url: str, overdracht: Overdracht, bron: str, overslaan: Collection[str]
) -> int:
    metadata = MetaData()
    metadata.reflect(session.connection())
    tables = [t for t in metadata.sorted_tables if t.name not in TECHNICAL_TABLES and t.name not in overslaan]
    gevonden = rows_about(session, url, tables)
    verplaatst = 0
    for table in tables:
        rijen = [
            r
            for r in gevonden.get(table.name, [])
            if r.get("gemeentecode", overdracht.naar) != overdracht.naar
        ]
        if rijen:
            verplaatst += _verplaats(session, table, rijen, overdracht.naar)
    if verplaatst and not _vastgelegd(session, url, overdracht):
        session.execute(insert(AUDITTRAIL).values(**_audit_regel(url, overdracht, bron)))
    return verplaatst


NALOOP_SECONDEN = WRITE_WAIT_SECONDS
"""How long a hand-over waits for the transactions that began before it committed; one still open
then is left to the next hand-over of the dossier (the next event on `inburgeraars` sweeps again)."""
_NALOOP = "inburgering.verhuizing.naloop"
_EERDER_BEGONNEN = text(
    """
    SELECT count(DISTINCT a.pid) FROM pg_stat_activity a
    JOIN pg_locks l ON l.pid = a.pid AND l.locktype = 'relation'
      AND l.database = (SELECT oid FROM pg_database WHERE datname = current_database())
    JOIN pg_class c ON c.oid = l.relation
    WHERE a.pid <> pg_backend_pid() AND a.xact_start < :sinds
      AND c.relnamespace = current_schema()::regnamespace
    """
)


@dataclass(frozen=True)
class _Naloop:
    url: str
    overdracht: Overdracht
    bron: str
    overslaan: tuple[str, ...]


def naloop(
    session: Session, url: str, overdracht: Overdracht, *, bron: str, overslaan: Collection[str] = ()
) -> None:
    """After `session` commits, hand over what transactions running alongside the hand-over wrote
    about the dossier under the old gemeente (see `draag_over`).

    Only PostgreSQL needs it: there a read's snapshot may predate the hand-over's commit while its
    audit row is written after it. It sees the service's own sessions in pg_stat_activity (they share
    its database role), the transactions that matter. SQLite transactions begin IMMEDIATE
    (`db.make_engine`), so a read holds the one write lock for its whole transaction and the hand-over
    waits for it instead.
    """
    if session.get_bind().dialect.name != "postgresql":
        return
    if _NALOOP not in session.info:
        session.info[_NALOOP] = []
        event.listen(session, "after_commit", _na_de_commit)
    session.info[_NALOOP].append(_Naloop(url, overdracht, bron, tuple(overslaan)))


def _na_de_commit(session: Session) -> None:
    if session.in_nested_transaction():
        return  # a savepoint was released (an event's `begin_nested`); the hand-over is not committed yet
    wachtend: list[_Naloop] = session.info[_NALOOP]
    if not wachtend:
        return
    session.info[_NALOOP] = []
    try:
        with Session(bind=session.get_bind(), join_transaction_mode="create_savepoint") as naloop:
            _wacht_op_eerder_begonnen(naloop.connection())
            for n in wachtend:
                if _laatste_overdracht(naloop, n.url) == n.overdracht.toelichting()[:500]:
                    _draag_over(naloop, n.url, n.overdracht, n.bron, n.overslaan)
            naloop.commit()
    except SQLAlchemyError:
        # The hand-over itself is committed; what is left over goes with the dossier's next event.
        log.warning("naloop van een verhuizing mislukt", exc_info=True)


def _wacht_op_eerder_begonnen(connection: Connection) -> None:
    """Wait until no transaction that began before now and touched this service's tables is open."""
    sinds = connection.scalar(text("SELECT clock_timestamp()"))
    tot = time.monotonic() + NALOOP_SECONDEN
    while True:
        connection.execute(text("SELECT pg_stat_clear_snapshot()"))
        if not connection.scalar(_EERDER_BEGONNEN, {"sinds": sinds}):
            return
        if time.monotonic() > tot:
            log.warning("verhuizing: transacties van voor de overdracht na %s s nog open", NALOOP_SECONDEN)
            return
        time.sleep(0.01)


def _laatste_overdracht(session: Session, url: str) -> str | None:
    """The toelichting of the dossier's last hand-over in this service: a hand-over undone (its
    transaction rolled back) or followed by a later move owes no naloop."""
    return session.scalar(
        select(AUDITTRAIL.c.toelichting)
        .where(AUDITTRAIL.c.hoofd_object == url, AUDITTRAIL.c.actie == ACTIE)
        .order_by(AUDITTRAIL.c.aanmaakdatum.desc())
        .limit(1)
    )


def _vastgelegd(session: Session, url: str, overdracht: Overdracht) -> bool:
    """Whether this hand-over is in the audit trail already (a later event sweeps up stragglers)."""
    return (
        session.scalar(
            select(AUDITTRAIL.c.id).where(
                AUDITTRAIL.c.hoofd_object == url,
                AUDITTRAIL.c.actie == ACTIE,
                AUDITTRAIL.c.toelichting == overdracht.toelichting()[:500],
            )
        )
        is not None
    )


def _verplaats(session: Session, table: Table, rijen: list[dict[str, Any]], naar: str) -> int:
    sleutel = list(table.primary_key.columns)
    waarden: dict[str, Any] = {"gemeentecode": naar}
    if "gewijzigd" in table.c:
        waarden["gewijzigd"] = utcnow()  # readers of "changed since" (the scheduler) see the move
    for begin in range(0, len(rijen), 500):
        deel = rijen[begin : begin + 500]
        if len(sleutel) == 1:
            waar: Any = sleutel[0].in_([r[sleutel[0].name] for r in deel])
        else:
            waar = or_(*(and_(*(c == r[c.name] for c in sleutel)) for r in deel))
        session.execute(update(table).where(waar).values(**waarden))
    return len(rijen)


def _audit_regel(url: str, overdracht: Overdracht, bron: str) -> dict[str, Any]:
    return {
        "id": new_uuid(),
        "aanmaakdatum": utcnow(),
        "bron": bron,
        "applicatie_id": "intake",  # intake announced the move on kanaal inburgeraars
        "gebruikers_id": "",
        "gebruikers_weergave": f"DUO {overdracht.gebeurtenis}",
        "namens": f"{overdracht.van},{overdracht.naar}",
        "actie": ACTIE,
        "resultaat": 200,
        "resource_url": url[:500],
        "hoofd_object": url,
        "gemeentecode": overdracht.naar,
        "toelichting": overdracht.toelichting()[:500],
        "correlatie_id": correlation_id.get()[:64],
    }


def volg_verhuizing(
    context: EventContext, notificatie: Notificatie, *, bron: str, overslaan: Collection[str] = ()
) -> Overdracht | None:
    """Event handler part (kanaal inburgeraars): follow the dossier to the gemeente it moved to; the
    hand-over followed, if the dossier moved."""
    dossier = context.services.get_model(notificatie.resourceUrl, VerhuisdDossierContract)
    if (o := overdracht(dossier.gemeentecode, dossier.verhuizingen, vandaag())) is None:
        return None
    draag_over(context.session, dossier.url, o, bron=bron, overslaan=overslaan)
    context.session.flush()
    context.session.expire_all()  # the ORM reads the rows as handed over
    return o
