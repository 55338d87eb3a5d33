"""Apply one resource of another service to the read models.

The same functions serve the event handler (one resource, fetched after its
event) and the full rebuild (every resource, read from the owners' lists), so
both paths give the same read model. Applying a resource twice changes nothing.
"""

from collections.abc import Callable
from typing import Any

from inburgering_shared.contracts.brede_intake import BredeIntakeStatus
from inburgering_shared.contracts.reporting_inputs import (
    AfrondingContract,
    BredeIntakeRapportage,
    ExamenContract,
    HandhavingContract,
    InburgeraarRapportage,
    PipRapportage,
    TrajectComponent,
    TrajectContract,
    VoortgangContract,
)
from inburgering_shared.contracts.resources import PipStatus
from inburgering_shared.http import ServiceClient
from inburgering_shared.problems import ServiceUnavailable
from pydantic import BaseModel, TypeAdapter, ValidationError
from sqlalchemy import delete
from sqlalchemy.orm import Session

from .models import Dossier, Examen, Handhaving, Verhuizing, Voortgang

Projection = Callable[[Session, Any], None]
PROJECTIONS: dict[str, Projection] = {}

# The dossier columns holding each component's start and completion date, by trajectory's soort.
COMPONENT_COLUMNS = {
    "leerroute": "leerroute",
    "knm": "knm",
    "map": "map",
    "pvt": "pvt",
    "financieel-ontzorgen": "ontzorgen",
    "maatschappelijke-begeleiding": "begeleiding",
}


def projection(resource: str) -> Callable[[Projection], Projection]:
    def register(apply: Projection) -> Projection:
        PROJECTIONS[resource] = apply
        return apply

    return register


def dossier(session: Session, inburgeraar_url: str, gemeentecode: str) -> Dossier:
    row = session.get(Dossier, inburgeraar_url)
    if row is None:
        row = Dossier(inburgeraar_url=inburgeraar_url, gemeentecode=gemeentecode)
        session.add(row)
    return row


@projection("inburgeraar")
def apply_inburgeraar(session: Session, inburgeraar: InburgeraarRapportage) -> None:
    row = dossier(session, inburgeraar.url, inburgeraar.gemeentecode)
    row.gemeentecode = inburgeraar.gemeentecode
    row.doelgroep = inburgeraar.doelgroep.value
    row.datum_koppeling = inburgeraar.datumKoppeling
    row.datum_kennisgeving = inburgeraar.datumKennisgeving
    row.datum_inschrijving_brp = inburgeraar.datumInschrijvingBrp
    if inburgeraar.verhuizingen is None:
        return  # a list item (the rebuild): the moves known from the dossier's events stand
    session.execute(delete(Verhuizing).where(Verhuizing.inburgeraar_url == inburgeraar.url))
    for v in {(v.datumVestiging, v.naarGemeente): v for v in inburgeraar.verhuizingen}.values():
        session.add(
            Verhuizing(
                inburgeraar_url=inburgeraar.url,
                datum_vestiging=v.datumVestiging,
                naar_gemeente=v.naarGemeente,
                van_gemeente=v.vanGemeente,
                gebeurtenis=v.gebeurtenis,
            )
        )


@projection("brede-intake")
def apply_brede_intake(session: Session, intake: BredeIntakeRapportage) -> None:
    afgerond = intake.datumAfgerond if intake.status == BredeIntakeStatus.AFGEROND else None
    dossier(session, intake.inburgeraar, intake.gemeentecode).brede_intake_afgerond = afgerond


@projection("pip")
def apply_pip(session: Session, pip: PipRapportage) -> None:
    """The deadline of the concept (none for the Wet inburgering 2013 or an ended plicht); the route of
    the current PIP; the dagtekening of the first (R4); the law and the end state of the plicht.

    A withdrawn PIP (intrekking, a besluit of its own) is no PIP in force: the dossier counts neither
    as having a PIP vastgesteld (route, dagtekening) nor as owing one past its deadline (the intrekking
    is final, pip makes no new concept)."""
    row = dossier(session, pip.inburgeraar, pip.gemeentecode)
    row.pip_deadline = pip.deadline
    row.wet, row.eindreden, row.einddatum = pip.wet, pip.eindreden, pip.einddatum
    if pip.status == PipStatus.INGETROKKEN:
        row.pip_deadline = row.leerroute = row.pip_dagtekening = None
    elif pip.status == PipStatus.VASTGESTELD and pip.leerroute is not None and pip.dagtekening is not None:
        row.leerroute = pip.leerroute.value
        if row.pip_dagtekening is None or pip.dagtekening < row.pip_dagtekening:
            row.pip_dagtekening = pip.dagtekening


@projection("traject")
def apply_traject(session: Session, traject: TrajectContract) -> None:
    row = dossier(session, traject.inburgeraar, traject.gemeentecode)
    row.termijn_start = traject.termijnStart
    row.termijn_einde = traject.termijnEinde
    row.termijn_verlengd_tot = traject.termijnVerlengdTot
    row.map_deadline = traject.mapDeadline
    row.taalaanbieder = traject.taalaanbieder


def apply_componenten(
    session: Session, traject: TrajectContract, componenten: list[TrajectComponent]
) -> None:
    """Start and completion per component; a component not (or no longer) started or completed is empty."""
    row = dossier(session, traject.inburgeraar, traject.gemeentecode)
    for component in componenten:
        if (column := COMPONENT_COLUMNS.get(component.soort)) is None:
            continue
        gestart = component.status in ("gestart", "afgerond")
        setattr(row, f"{column}_gestart", component.startdatum if gestart else None)
        setattr(row, f"{column}_afgerond", component.einddatum if component.status == "afgerond" else None)


@projection("afronding")
def apply_afronding(session: Session, afronding: AfrondingContract) -> None:
    row = dossier(session, afronding.inburgeraar, afronding.gemeentecode)
    row.plicht_voldaan = afronding.plichtVoldaanOp
    row.uitstroom = afronding.uitstroom.value if afronding.uitstroom else None
    row.uitstroom_op = afronding.uitstroomOp


@projection("handhaving")
def apply_handhaving(session: Session, besluit: HandhavingContract) -> None:
    session.merge(
        Handhaving(
            url=besluit.url,
            inburgeraar_url=besluit.inburgeraar,
            gemeentecode=besluit.gemeentecode,
            soort=besluit.soort.value,
            besluitdatum=besluit.besluitdatum,
            bedrag=besluit.bedrag,
        )
    )


@projection("voortgang")
def apply_voortgang(session: Session, rapport: VoortgangContract) -> None:
    """Reports are cumulative: the latest peildatum per inburgeraar and taalaanbieder stands."""
    current = session.get(Voortgang, (rapport.inburgeraar, rapport.taalaanbieder))
    if current is not None and current.peildatum > rapport.peildatum:
        return
    session.merge(
        Voortgang(
            inburgeraar_url=rapport.inburgeraar,
            taalaanbieder=rapport.taalaanbieder,
            gemeentecode=rapport.gemeentecode,
            peildatum=rapport.peildatum,
            uren_gepland=rapport.urenGepland,
            uren_aanwezig=rapport.urenAanwezig,
            niveau_behaald=rapport.niveauBehaald,
        )
    )


@projection("examen")
def apply_examen(session: Session, examen: ExamenContract) -> None:
    session.merge(
        Examen(
            url=examen.url,
            inburgeraar_url=examen.inburgeraar,
            gemeentecode=examen.gemeentecode,
            onderdeel=examen.onderdeel,
            examendatum=examen.examendatum,
            resultaat=examen.resultaat.value,
            taalaanbieder=examen.taalaanbieder,
        )
    )


def forget(session: Session, resource: str, url: str) -> None:
    """A destroyed resource leaves the read models (an inburgeraar with everything on it)."""
    if resource == "inburgeraar":
        for table in (Handhaving, Voortgang, Examen, Verhuizing):
            session.execute(delete(table).where(table.inburgeraar_url == url))
        session.execute(delete(Dossier).where(Dossier.inburgeraar_url == url))
    elif resource == "handhaving":
        session.execute(delete(Handhaving).where(Handhaving.url == url))
    elif resource == "examen":
        session.execute(delete(Examen).where(Examen.url == url))


_COMPONENTEN = TypeAdapter(list[TrajectComponent])


def read_componenten(services: ServiceClient, traject_url: str) -> list[TrajectComponent]:
    url = f"{traject_url}/componenten"
    response = services.request("GET", url)
    if not response.is_success:
        raise ServiceUnavailable(f"{url} antwoordde {response.status_code}.")
    try:
        return _COMPONENTEN.validate_json(response.content)
    except ValidationError as exc:
        raise ServiceUnavailable(f"{url} gaf een antwoord buiten het contract.") from exc


def apply_resource(session: Session, services: ServiceClient, resource: str, item: BaseModel) -> None:
    """Apply a resource read from its owner, and for a traject also its components (read after it)."""
    PROJECTIONS[resource](session, item)
    if isinstance(item, TrajectContract):
        apply_componenten(session, item, read_componenten(services, item.url))
