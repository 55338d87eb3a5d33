"""Use cases of the DUO exchange: receiving DUO's notifications, queueing writes, showing the sync state."""

import uuid
from datetime import datetime
from typing import Any

from inburgering_shared.auth import Principal
from inburgering_shared.db import utcnow
from inburgering_shared.problems import Forbidden, NotFound
from sqlalchemy import func, select, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from ..clients.duo_models import Notificatie
from ..config import Settings
from .models import DuoDossier, DuoNotificatie, DuoOpdracht
from .schemas import SyncStaat, SyncStatus

ONTVANGEN, VERWERKT, FOUT = "ontvangen", "verwerkt", "fout"
"""Notification states: stored and acknowledged; read from DUO and applied; naming nobody (no BSN,
no vNummer)."""
WACHTEND, VERZONDEN, GEWEIGERD = "wachtend", "verzonden", "geweigerd"
"""Write states: to be sent; accepted by DUO; refused (by DUO's rules, checked before sending, or by DUO)."""
GEPARKEERD = "geparkeerd"
"""A notification or write that kept failing for this dossier alone (an answer outside DUO's contract,
a 4xx, a timeout) after `duo_max_pogingen` attempts: kept for a person to resolve, then retried by
POST /duo-sync."""


def gemeente_van_oin(settings: Settings, oin: str) -> str | None:
    return next((code for code, o in settings.duo_gemeente_oins.items() if o == oin), None)


def ontvang_notificatie(
    session: Session,
    settings: Settings,
    *,
    bron: str,
    doel: str,
    bericht_id: uuid.UUID,
    bericht: Notificatie,
) -> None:
    """Store DUO's notification before acknowledging it; the sync reads DUO and acts on it.

    The same berichtId twice is stored once (DUO may resend after a lost answer).
    """
    if bron != settings.duo_oin:
        raise Forbidden("Notificaties worden alleen van DUO aangenomen (bron).")
    gemeentecode = gemeente_van_oin(settings, doel)
    if gemeentecode is None:
        raise Forbidden("Het doel-OIN is niet dat van een gemeente die dit systeem bedient.")
    if session.scalar(select(DuoNotificatie.id).where(DuoNotificatie.bericht_id == bericht_id)) is not None:
        return
    if bericht.bsn:
        bekend = _dossier(session, gemeentecode, bericht.bsn)
        if bericht.vNummer is not None:
            neem_v_nummer_over(session, bekend, bericht.vNummer)
        dossier: DuoDossier | None = bekend
    elif bericht.vNummer is not None:
        # DUO named the person by vNummer only: the dossier that carries it (or later gets it).
        dossier = dossier_met_v_nummer(session, gemeentecode, bericht.vNummer)
    else:
        dossier = None
    genoemd = bericht.bsn is not None or bericht.vNummer is not None
    try:
        with session.begin_nested():
            session.add(
                DuoNotificatie(
                    bericht_id=bericht_id,
                    dossier_id=dossier.id if dossier else None,
                    gemeentecode=gemeentecode,
                    gebeurtenis_id=bericht.gebeurtenisId,
                    registratie_datum_tijd=bericht.registratieDatumTijd,
                    v_nummer=bericht.vNummer,
                    # Without BSN and vNummer DUO names nobody the gemeente can look up: kept for operators.
                    status=ONTVANGEN if genoemd else FOUT,
                    resultaat=None if genoemd else "Notificatie zonder BSN en vNummer: niet te koppelen.",
                )
            )
    except IntegrityError:  # the same berichtId arrived at once and was stored first: stored once
        return


def dossier_met_v_nummer(session: Session, gemeentecode: str, v_nummer: int) -> DuoDossier | None:
    return session.scalar(
        select(DuoDossier).where(DuoDossier.gemeentecode == gemeentecode, DuoDossier.v_nummer == v_nummer)
    )


def neem_v_nummer_over(session: Session, dossier: DuoDossier, v_nummer: int) -> None:
    """DUO named BSN and vNummer together: the dossier keeps the vNummer, and DUO's earlier
    notifications that named only this vNummer belong to it from now on (due at once)."""
    dossier.v_nummer = v_nummer
    session.execute(
        update(DuoNotificatie)
        .where(
            DuoNotificatie.dossier_id.is_(None),
            DuoNotificatie.gemeentecode == dossier.gemeentecode,
            DuoNotificatie.v_nummer == v_nummer,
            DuoNotificatie.status.in_((ONTVANGEN, GEPARKEERD)),
        )
        .values(dossier_id=dossier.id, status=ONTVANGEN, volgende_poging=utcnow())
    )


def _dossier(session: Session, gemeentecode: str, bsn: str) -> DuoDossier:
    query = select(DuoDossier).where(DuoDossier.gemeentecode == gemeentecode, DuoDossier.bsn == bsn)
    dossier = session.scalar(query)
    if dossier is None:
        try:
            with session.begin_nested():
                dossier = DuoDossier(id=uuid.uuid4(), gemeentecode=gemeentecode, bsn=bsn)
                session.add(dossier)
        except IntegrityError:  # a concurrent notification made it first (PostgreSQL)
            dossier = session.scalars(query).one()
    return dossier


def plan_opdracht(
    session: Session, *, inburgeraar_url: str, gemeentecode: str, soort: str, inhoud: dict[str, Any]
) -> DuoOpdracht:
    """Queue a write to DUO in the transaction of the change that owes it: nothing is lost."""
    opdracht = DuoOpdracht(
        inburgeraar_url=inburgeraar_url,
        gemeentecode=gemeentecode,
        soort=soort,
        inhoud=inhoud,
        status=WACHTEND,
        pogingen=0,
        volgende_poging=utcnow(),
    )
    session.add(opdracht)
    session.flush()
    return opdracht


def al_gepland(session: Session, inburgeraar_url: str, soort: str, inhoud: dict[str, Any]) -> bool:
    """Whether this very write was queued before (a redelivered event queues nothing new)."""
    eerdere = session.scalars(
        select(DuoOpdracht.inhoud).where(
            DuoOpdracht.inburgeraar_url == inburgeraar_url, DuoOpdracht.soort == soort
        )
    )
    return any(e == inhoud for e in eerdere)


def maak_open_werk_direct(session: Session, *, principal: Principal) -> tuple[int, int]:
    """Every open or parked notification and write of the caller's gemeenten is due now (skips the
    backoff; a parked one gets one more attempt).

    For the scheduler's daily `duo-sync` job and for operators once DUO is back after an outage, or
    once the cause of a parked item is resolved.
    """
    nu = utcnow()
    gemeenten = principal.gemeente_filter()
    notificaties = update(DuoNotificatie).where(DuoNotificatie.status.in_((ONTVANGEN, GEPARKEERD)))
    opdrachten = update(DuoOpdracht).where(DuoOpdracht.status.in_((WACHTEND, GEPARKEERD)))
    if gemeenten is not None:
        notificaties = notificaties.where(DuoNotificatie.gemeentecode.in_(gemeenten))
        opdrachten = opdrachten.where(DuoOpdracht.gemeentecode.in_(gemeenten))
    n = session.execute(notificaties.values(status=ONTVANGEN, volgende_poging=nu)).rowcount  # type: ignore[attr-defined]
    o = session.execute(opdrachten.values(status=WACHTEND, volgende_poging=nu)).rowcount  # type: ignore[attr-defined]
    return n, o


def get_dossier(session: Session, *, principal: Principal, dossier_id: uuid.UUID) -> DuoDossier:
    dossier = session.get(DuoDossier, dossier_id)
    if dossier is None or not principal.may_access(dossier.gemeentecode):
        raise NotFound("DUO-dossier niet gevonden.")
    return dossier


def dossier_van_inburgeraar(session: Session, inburgeraar_url: str) -> DuoDossier | None:
    return session.scalar(select(DuoDossier).where(DuoDossier.inburgeraar_url == inburgeraar_url))


def list_dossiers(
    session: Session, *, principal: Principal, inburgeraar: str | None, offset: int, limit: int
) -> tuple[int, list[DuoDossier]]:
    query = select(DuoDossier)
    if (gemeenten := principal.gemeente_filter()) is not None:
        query = query.where(DuoDossier.gemeentecode.in_(gemeenten))
    if inburgeraar is not None:
        query = query.where(DuoDossier.inburgeraar_url == inburgeraar)
    count = session.scalar(select(func.count()).select_from(query.subquery())) or 0
    rows = session.scalars(query.order_by(DuoDossier.aangemaakt, DuoDossier.id).offset(offset).limit(limit))
    return count, list(rows)


def notificaties(session: Session, dossier: DuoDossier) -> list[DuoNotificatie]:
    query = select(DuoNotificatie).where(DuoNotificatie.dossier_id == dossier.id)
    return list(session.scalars(query.order_by(DuoNotificatie.ontvangen, DuoNotificatie.id)))


def opdrachten(session: Session, dossier: DuoDossier) -> list[DuoOpdracht]:
    if dossier.inburgeraar_url is None:
        return []
    query = select(DuoOpdracht).where(
        DuoOpdracht.inburgeraar_url == dossier.inburgeraar_url,
        DuoOpdracht.gemeentecode == dossier.gemeentecode,
    )
    return list(session.scalars(query.order_by(DuoOpdracht.aangemaakt, DuoOpdracht.id)))


def sync_staat(
    dossier: DuoDossier, notificaties: list[DuoNotificatie], opdrachten: list[DuoOpdracht]
) -> SyncStaat:
    """Open work, the last error and the next attempt; `storing` when open work has failed before or
    work is parked."""
    open_n = [n for n in notificaties if n.status == ONTVANGEN]
    open_o = [o for o in opdrachten if o.status == WACHTEND]
    open_werk: list[DuoNotificatie | DuoOpdracht] = [*open_n, *open_o]
    alle: list[DuoNotificatie | DuoOpdracht] = [*notificaties, *opdrachten]
    geparkeerd = [w for w in alle if w.status == GEPARKEERD]
    fouten = [n for n in notificaties if n.status == FOUT] + [o for o in opdrachten if o.status == GEWEIGERD]
    laatste_fout = next(
        (
            w.resultaat
            for w in sorted([*open_werk, *geparkeerd, *fouten], key=_tijdstip, reverse=True)
            if w.resultaat
        ),
        None,
    )
    if geparkeerd or any(w.pogingen > 0 for w in open_werk):
        status = SyncStatus.STORING
    elif open_werk:
        status = SyncStatus.BEZIG
    elif fouten:
        status = SyncStatus.FOUT
    else:
        status = SyncStatus.BIJGEWERKT
    return SyncStaat(
        status=status,
        openNotificaties=len(open_n),
        openOpdrachten=len(open_o),
        geweigerdeOpdrachten=len([o for o in opdrachten if o.status == GEWEIGERD]),
        geparkeerd=len(geparkeerd),
        laatsteFout=laatste_fout,
        volgendePoging=min((w.volgende_poging for w in open_werk), default=None),
        laatstGelezen=dossier.laatst_gelezen,
    )


def _tijdstip(werk: DuoNotificatie | DuoOpdracht) -> datetime:
    return werk.volgende_poging
