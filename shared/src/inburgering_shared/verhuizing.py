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

`van_kracht` and `overdracht` are the rule (pure); `draag_over` applies it to this service's database.
"""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass
from datetime import date
from typing import Any

from sqlalchemy import MetaData, Table, and_, insert, or_, select, update
from sqlalchemy.orm import Session

from .audit import AUDITTRAIL
from .callbacks import EventContext
from .contracts.events import Notificatie
from .contracts.resources import VerhuisdDossierContract, Verhuizing
from .dates import vandaag
from .db import new_uuid, utcnow
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
    again it hands over only what reached the old gemeente since (an audit row of a read that ran
    while the hand-over was being committed records the gemeente it read) and records the hand-over
    once: receivers of an event are idempotent.
    """
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
