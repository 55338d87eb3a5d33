"""The resources reporting reads of trajectory (handhaving, examen, voortgang, afronding): each as its
contract, at a stable URL, listed for a rebuild and announced on the trajecten channel when it changes."""

import uuid
from datetime import date
from typing import Any, TypeVar
from urllib.parse import quote

from inburgering_shared.auth import Principal
from inburgering_shared.contracts.events import Actie
from inburgering_shared.contracts.reporting_inputs import (
    AfrondingContract,
    ExamenContract,
    ExamenResultaat,
    HandhavingContract,
    UitstroomSoort,
    VoortgangContract,
)
from inburgering_shared.etag import check_if_match_for_put
from inburgering_shared.outbox import Outbox
from inburgering_shared.problems import NotFound
from sqlalchemy import Select, func, select
from sqlalchemy.orm import InstrumentedAttribute, Session

from ..duo.models import DuoDossier
from ..handhaving.models import Handhavingsbesluit
from ..plicht.rules import uitstroom
from ..plicht.service import sluit_af
from ..trajecten.events import publish_resource
from ..trajecten.models import Traject
from ..voortgang.models import Voortgangsrapportage
from .models import Examenresultaat
from .rules import (
    HANDHAVING_SOORTEN,
    ONDERDELEN,
    Maandrapport,
    cumulatief,
    examen_resultaat,
    hele_euros,
    plicht_voldaan_op,
)

T = TypeVar("T")


def handhaving_url(api_url: str, besluit_id: uuid.UUID) -> str:
    return f"{api_url}/rapportage/handhaving/{besluit_id}"


def examen_url(api_url: str, examen_id: uuid.UUID) -> str:
    return f"{api_url}/rapportage/examens/{examen_id}"


def voortgang_url(api_url: str, traject_id: uuid.UUID, taalaanbieder: str) -> str:
    return f"{api_url}/rapportage/voortgang/{traject_id}/{quote(taalaanbieder, safe='')}"


def afronding_url(api_url: str, traject_id: uuid.UUID) -> str:
    return f"{api_url}/rapportage/afrondingen/{traject_id}"


def _pagina(
    session: Session,
    query: Select[*tuple[Any, ...]],
    principal: Principal,
    offset: int,
    limit: int,
    gemeentecode: InstrumentedAttribute[str] = Traject.gemeentecode,
) -> tuple[int, list[Any]]:
    """One page of `query` (ordered), limited to the caller's gemeenten, and the total count."""
    if (gemeenten := principal.gemeente_filter()) is not None:
        query = query.where(gemeentecode.in_(gemeenten))
    count = session.scalar(select(func.count()).select_from(query.subquery())) or 0
    return count, list(session.execute(query.offset(offset).limit(limit)).all())


def _gevonden(rij: T | None, principal: Principal, gemeentecode: str | None, wat: str) -> T:
    if rij is None or gemeentecode is None or not principal.may_access(gemeentecode):
        raise NotFound(f"{wat} niet gevonden.")
    return rij


# handhaving ---------------------------------------------------------------------------------------


def handhaving_contract(api_url: str, besluit: Handhavingsbesluit, traject: Traject) -> HandhavingContract:
    return HandhavingContract(
        url=handhaving_url(api_url, besluit.id),
        inburgeraar=traject.inburgeraar_url,
        gemeentecode=traject.gemeentecode,
        soort=HANDHAVING_SOORTEN[besluit.soort],
        besluitdatum=besluit.datum,
        bedrag=hele_euros(besluit.bedrag),
    )


_HANDHAVING = (
    select(Handhavingsbesluit, Traject)
    .join(Traject, Traject.id == Handhavingsbesluit.traject_id)
    .where(Handhavingsbesluit.soort.in_(HANDHAVING_SOORTEN))
)


def lees_handhaving(
    session: Session, principal: Principal, api_url: str, besluit_id: uuid.UUID
) -> HandhavingContract:
    rij = session.execute(_HANDHAVING.where(Handhavingsbesluit.id == besluit_id)).first()
    besluit, traject = _gevonden(rij, principal, rij[1].gemeentecode if rij else None, "Handhavingsbesluit")
    return handhaving_contract(api_url, besluit, traject)


def list_handhaving(
    session: Session, principal: Principal, api_url: str, offset: int, limit: int
) -> tuple[int, list[HandhavingContract]]:
    query = _HANDHAVING.order_by(Handhavingsbesluit.aangemaakt, Handhavingsbesluit.id)
    count, rijen = _pagina(session, query, principal, offset, limit)
    return count, [handhaving_contract(api_url, besluit, traject) for besluit, traject in rijen]


def publiceer_handhaving(
    session: Session, outbox: Outbox | None, api_url: str, besluit: Handhavingsbesluit, traject: Traject
) -> None:
    """A warning or boete is a fact reporting counts (a hoorzitting is not)."""
    if besluit.soort in HANDHAVING_SOORTEN:
        _publiceer(session, outbox, traject, "handhaving", handhaving_url(api_url, besluit.id), Actie.CREATE)


def _publiceer(
    session: Session, outbox: Outbox | None, traject: Traject, resource: str, url: str, actie: Actie
) -> None:
    publish_resource(
        session,
        outbox,
        inburgeraar_url=traject.inburgeraar_url,
        gemeentecode=traject.gemeentecode,
        resource=resource,
        resource_url=url,
        actie=actie,
    )


# examen -------------------------------------------------------------------------------------------


def examen_contract(api_url: str, examen: Examenresultaat) -> ExamenContract:
    return ExamenContract(
        url=examen_url(api_url, examen.id),
        inburgeraar=examen.inburgeraar_url,
        gemeentecode=examen.gemeentecode,
        onderdeel=ONDERDELEN[examen.onderdeel],
        examendatum=examen.examendatum,
        resultaat=ExamenResultaat(examen.resultaat),
    )


def lees_examen(session: Session, principal: Principal, api_url: str, examen_id: uuid.UUID) -> ExamenContract:
    examen = session.get(Examenresultaat, examen_id)
    return examen_contract(
        api_url, _gevonden(examen, principal, examen.gemeentecode if examen else None, "Examenresultaat")
    )


def list_examens(
    session: Session, principal: Principal, api_url: str, offset: int, limit: int
) -> tuple[int, list[ExamenContract]]:
    query = select(Examenresultaat).order_by(Examenresultaat.aangemaakt, Examenresultaat.id)
    count, rijen = _pagina(session, query, principal, offset, limit, Examenresultaat.gemeentecode)
    return count, [examen_contract(api_url, examen) for (examen,) in rijen]


def neem_examens_over(session: Session, outbox: Outbox | None, api_url: str, dossier: DuoDossier) -> None:
    """DUO's exam results of a linked dossier as rows of their own, announced when new, changed or gone
    from DUO's list (DUO is the source). `Geen` (no outcome) is not an exam result."""
    if dossier.inburgeraar_url is None:
        return
    van_duo: dict[tuple[str, str], str] = {}
    for uitslag in dossier.examenresultaten or []:
        if (uitkomst := examen_resultaat(uitslag["resultaat"])) is not None:
            van_duo[(uitslag["onderdeel"], uitslag["examendatum"])] = uitkomst.value
    bekend = {
        (e.onderdeel, e.examendatum.isoformat()): e
        for e in session.scalars(select(Examenresultaat).where(Examenresultaat.dossier_id == dossier.id))
    }
    for sleutel, examen in bekend.items():
        if sleutel not in van_duo:
            session.delete(examen)
            _publiceer_examen(session, outbox, api_url, examen, Actie.DESTROY)
        elif van_duo[sleutel] != examen.resultaat:
            examen.resultaat = van_duo[sleutel]
            _publiceer_examen(session, outbox, api_url, examen, Actie.UPDATE)
    for (onderdeel, examendatum), resultaat in van_duo.items():
        if (onderdeel, examendatum) in bekend:
            continue
        examen = Examenresultaat(
            id=uuid.uuid4(),
            dossier_id=dossier.id,
            inburgeraar_url=dossier.inburgeraar_url,
            gemeentecode=dossier.gemeentecode,
            onderdeel=onderdeel,
            examendatum=date.fromisoformat(examendatum),
            resultaat=resultaat,
        )
        session.add(examen)
        _publiceer_examen(session, outbox, api_url, examen, Actie.CREATE)
    session.flush()


def _publiceer_examen(
    session: Session, outbox: Outbox | None, api_url: str, examen: Examenresultaat, actie: Actie
) -> None:
    publish_resource(
        session,
        outbox,
        inburgeraar_url=examen.inburgeraar_url,
        gemeentecode=examen.gemeentecode,
        resource="examen",
        resource_url=examen_url(api_url, examen.id),
        actie=actie,
    )


# voortgang ----------------------------------------------------------------------------------------


def voortgang_contract(
    api_url: str, traject: Traject, taalaanbieder: str, rapporten: list[Voortgangsrapportage]
) -> VoortgangContract:
    stand = cumulatief(
        [Maandrapport(r.maand, r.uren_gevolgd, r.aanwezigheid_procent, r.vaardigheden) for r in rapporten]
    )
    return VoortgangContract(
        url=voortgang_url(api_url, traject.id, taalaanbieder),
        inburgeraar=traject.inburgeraar_url,
        gemeentecode=traject.gemeentecode,
        taalaanbieder=taalaanbieder,
        peildatum=stand.peildatum,
        urenGepland=stand.uren_gepland,
        urenAanwezig=stand.uren_aanwezig,
        niveauBehaald=stand.niveau_behaald,
    )


def _rapporten(
    session: Session, traject_ids: list[uuid.UUID]
) -> dict[tuple[uuid.UUID, str], list[Voortgangsrapportage]]:
    """Per trajectory and taalaanbieder its monthly reports (one query)."""
    per_aanbieder: dict[tuple[uuid.UUID, str], list[Voortgangsrapportage]] = {}
    for rapport in session.scalars(
        select(Voortgangsrapportage).where(Voortgangsrapportage.traject_id.in_(traject_ids))
    ):
        per_aanbieder.setdefault((rapport.traject_id, rapport.taalaanbieder), []).append(rapport)
    return per_aanbieder


def lees_voortgang(
    session: Session, principal: Principal, api_url: str, traject_id: uuid.UUID, taalaanbieder: str
) -> VoortgangContract:
    traject = session.get(Traject, traject_id)
    traject = _gevonden(traject, principal, traject.gemeentecode if traject else None, "Voortgang")
    rapporten = _rapporten(session, [traject_id]).get((traject_id, taalaanbieder))
    if not rapporten:
        raise NotFound("Voortgang niet gevonden.")
    return voortgang_contract(api_url, traject, taalaanbieder, rapporten)


def list_voortgang(
    session: Session, principal: Principal, api_url: str, offset: int, limit: int
) -> tuple[int, list[VoortgangContract]]:
    """One cumulative report per trajectory and taalaanbieder that reported on it."""
    paren = (
        select(Traject, Voortgangsrapportage.taalaanbieder)
        .join(Voortgangsrapportage, Voortgangsrapportage.traject_id == Traject.id)
        .group_by(Traject.id, Voortgangsrapportage.taalaanbieder)
        .order_by(Traject.id, Voortgangsrapportage.taalaanbieder)
    )
    count, rijen = _pagina(session, paren, principal, offset, limit)
    rapporten = _rapporten(session, [traject.id for traject, _ in rijen])
    return count, [
        voortgang_contract(api_url, traject, aanbieder, rapporten[(traject.id, aanbieder)])
        for traject, aanbieder in rijen
    ]


def publiceer_voortgang(
    session: Session, outbox: Outbox | None, api_url: str, traject: Traject, taalaanbieder: str
) -> None:
    """A monthly report changes the taalaanbieder's cumulative report (created with its first month)."""
    maanden = len(_rapporten(session, [traject.id]).get((traject.id, taalaanbieder), []))
    actie = Actie.CREATE if maanden == 1 else Actie.UPDATE
    _publiceer(
        session, outbox, traject, "voortgang", voortgang_url(api_url, traject.id, taalaanbieder), actie
    )


# afronding ----------------------------------------------------------------------------------------


def afronding_contract(api_url: str, traject: Traject, dossier: DuoDossier | None) -> AfrondingContract:
    return AfrondingContract(
        url=afronding_url(api_url, traject.id),
        inburgeraar=traject.inburgeraar_url,
        gemeentecode=traject.gemeentecode,
        plichtVoldaanOp=plicht_voldaan_op(dossier.inburgeringsplicht if dossier else None),
        uitstroom=UitstroomSoort(traject.uitstroom) if traject.uitstroom else None,
        uitstroomOp=traject.uitstroom_op,
    )


def _dossiers(session: Session, trajecten: list[Traject]) -> dict[tuple[str, str], DuoDossier]:
    """The DUO dossier of each trajectory's inburgeraar in its gemeente (one query)."""
    rijen = session.scalars(
        select(DuoDossier).where(DuoDossier.inburgeraar_url.in_([t.inburgeraar_url for t in trajecten]))
    )
    return {(d.inburgeraar_url or "", d.gemeentecode): d for d in rijen}


def lees_afronding(
    session: Session, principal: Principal, api_url: str, traject_id: uuid.UUID
) -> AfrondingContract:
    traject = session.get(Traject, traject_id)
    traject = _gevonden(traject, principal, traject.gemeentecode if traject else None, "Afronding")
    dossier = _dossiers(session, [traject]).get((traject.inburgeraar_url, traject.gemeentecode))
    return afronding_contract(api_url, traject, dossier)


def list_afrondingen(
    session: Session, principal: Principal, api_url: str, offset: int, limit: int
) -> tuple[int, list[AfrondingContract]]:
    """Every trajectory's afronding (empty while the plicht is not met and nobody flowed out)."""
    query = select(Traject).order_by(Traject.aangemaakt, Traject.id)
    count, rijen = _pagina(session, query, principal, offset, limit)
    trajecten = [traject for (traject,) in rijen]
    dossiers = _dossiers(session, trajecten)
    return count, [
        afronding_contract(api_url, t, dossiers.get((t.inburgeraar_url, t.gemeentecode))) for t in trajecten
    ]


def publiceer_afronding(session: Session, outbox: Outbox | None, api_url: str, traject: Traject) -> None:
    _publiceer(session, outbox, traject, "afronding", afronding_url(api_url, traject.id), Actie.UPDATE)


def plicht_voldaan_gewijzigd(
    session: Session, outbox: Outbox | None, api_url: str, dossier: DuoDossier, voor: date | None
) -> None:
    """DUO's plicht-voldaan date of a linked dossier changed: announce the trajectory's afronding."""
    if dossier.inburgeraar_url is None or plicht_voldaan_op(dossier.inburgeringsplicht) == voor:
        return
    traject = session.scalar(
        select(Traject).where(
            Traject.inburgeraar_url == dossier.inburgeraar_url, Traject.gemeentecode == dossier.gemeentecode
        )
    )
    if traject is not None:
        publiceer_afronding(session, outbox, api_url, traject)


def afronding_bij_opening(session: Session, outbox: Outbox | None, api_url: str, traject: Traject) -> None:
    """A trajectory opened after DUO already reported the plicht met: announce its afronding now."""
    dossier = _dossiers(session, [traject]).get((traject.inburgeraar_url, traject.gemeentecode))
    if dossier is not None and plicht_voldaan_op(dossier.inburgeringsplicht) is not None:
        publiceer_afronding(session, outbox, api_url, traject)


def registreer_uitstroom(
    session: Session,
    outbox: Outbox | None,
    api_url: str,
    traject: Traject,
    *,
    soort: UitstroomSoort,
    datum: date,
    if_match: str | None,
) -> Traject:
    """Record (or correct, with the trajectory's ETag) where the inburgeraar went on to."""
    check_if_match_for_put(if_match, traject.rijversie if traject.uitstroom else None)
    traject.uitstroom, traject.uitstroom_op = soort.value, datum
    session.flush()
    publiceer_afronding(session, outbox, api_url, traject)
    sluit_af(
        session,
        outbox,
        api_url,
        inburgeraar_url=traject.inburgeraar_url,
        gemeentecode=traject.gemeentecode,
        eind=uitstroom(datum),
    )
    return traject
