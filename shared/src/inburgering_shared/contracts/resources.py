"""Resources one service reads from another, as versioned contracts.

The owning service answers with (a superset of) these models; the reader
validates against them, so a breaking change fails loudly on both sides.
"""

from __future__ import annotations

import uuid
from datetime import date
from enum import StrEnum
from typing import Annotated

from pydantic import BaseModel, Field

from ..bounds import Datum
from ..strict import GEHEEL, Tekst


class Doelgroep(StrEnum):
    """DUO's doelgroep values (Inburgeringsplicht API)."""

    ASIELSTATUSHOUDER = "Asielstatushouder"
    GEESTELIJK_BEDIENAAR = "Geestelijk bedienaar"
    GEZINSHERENIGER = "Gezinshereniger"
    GEZINSHERENIGER_MET_ASIELSTATUSHOUDER = "Gezinshereniger met Asielstatushouder"
    GEZINSVORMER = "Gezinsvormer"
    GEZINSVORMER_MET_ASIELSTATUSHOUDER = "Gezinsvormer met Asielstatushouder"
    OVERIG = "Overig"


class Leerroute(StrEnum):
    """The leerroutes by name; DUO's one-letter codes (B, O, Z) are in `inburgering_shared.duo.codes`."""

    B1 = "B1-route"
    ONDERWIJS = "Onderwijsroute"
    Z = "Z-route"


class Niveau(StrEnum):
    """DUO PIP API, schema `NiveauPip` (A2, B1)."""

    A2 = "A2"
    B1 = "B1"


GEMEENTECODE_PATTERN = r"^GM\d{4}$"


class KlantmanagerContact(BaseModel):
    """How the klantmanager is reached, as the PIP or the dossier names them: DUO's contactpersoon too."""

    naam: str
    telefoon: str
    email: str


class InburgeraarContract(BaseModel):
    """What pip, trajectory and reporting read of an inburgeraar (no BSN: they do not need it)."""

    url: str
    uuid: uuid.UUID
    gemeentecode: str = Field(pattern=GEMEENTECODE_PATTERN)
    doelgroep: Doelgroep
    datumKennisgeving: date | None = None
    datumInschrijvingBrp: date | None = None
    klantmanager: str | None = Field(default=None, description="De vaste klantmanager (regievoerder)")
    klantmanagerContact: KlantmanagerContact | None = Field(
        default=None,
        description="Hoe de klantmanager bereikbaar is; DUO's contactpersoon van de inburgeraar",
    )


class Verhuizing(BaseModel):
    """A move of the dossier to another gemeente, with DUO's event that told of it (SS120/SS121)."""

    vanGemeente: str = Field(pattern=GEMEENTECODE_PATTERN)
    naarGemeente: str = Field(pattern=GEMEENTECODE_PATTERN)
    datumVestiging: Datum
    gebeurtenis: str


class VerhuisdDossierContract(BaseModel):
    """What a service reads of an inburgeraar to follow a move: where the dossier is, and its moves."""

    url: str
    gemeentecode: str = Field(pattern=GEMEENTECODE_PATTERN)
    verhuizingen: list[Verhuizing] = Field(default_factory=list)


POSTCODE_PATTERN = r"^[1-9][0-9]{3} ?[A-Z]{2}$"


class Verblijfsadres(BaseModel):
    """Where the person lives as the BRP registers it (the letter's address)."""

    straat: Tekst = Field(min_length=1, max_length=100)
    huisnummer: Annotated[int, Field(ge=1, le=99999), GEHEEL]
    huisletter: str | None = Field(default=None, pattern=r"^[A-Za-z]$")
    huisnummertoevoeging: Tekst | None = Field(default=None, max_length=4)
    postcode: str = Field(pattern=POSTCODE_PATTERN, examples=["8302 AB"])
    woonplaats: Tekst = Field(min_length=1, max_length=80)


class GeadresseerdeContract(BaseModel):
    """What pip reads of an inburgeraar to address a beschikking: the name and address as registered."""

    url: str
    voornamen: str
    achternaam: str
    verblijfsadres: Verblijfsadres | None = None


class PipStatus(StrEnum):
    CONCEPT = "concept"
    VASTGESTELD = "vastgesteld"
    INGETROKKEN = "ingetrokken"
    """Withdrawn by a besluit of its own (intrekking, Awb art. 1:3); DUO's PIP withdrawn with it."""


class PipOnderdeelContract(BaseModel):
    """A component the PIP offers, as planned: trajectory takes its dates and provider."""

    component: str = Field(
        description="Het onderdeel zoals het PIP het noemt ('MAP', 'financieel ontzorgen')"
    )
    start: date | None = None
    verwachtEinde: date | None = None
    aanbieder: str | None = None


class PipContract(BaseModel):
    """What trajectory and reporting read of a PIP."""

    url: str
    uuid: uuid.UUID
    inburgeraar: str = Field(description="URL van de inburgeraar")
    gemeentecode: str = Field(pattern=GEMEENTECODE_PATTERN)
    status: PipStatus
    leerroute: Leerroute | None = None
    dagtekening: date | None = None
    versie: int
    doelgroep: Doelgroep | None = Field(default=None, description="DUO's doelgroep (R10 hangt ervan af)")
    wet: str | None = Field(
        None,
        description="'Wet inburgering 2013' voor de ondertussengroep (plicht van voor 2022, art. 54 lid 1"
        " Wet inburgering 2021: geen PIP); leeg zolang DUO het niet meldde",
    )
    eindreden: str | None = Field(
        None, description="Hoe de plicht eindigde volgens DUO; leeg zolang zij loopt"
    )
    einddatum: date | None = Field(None, description="Wanneer de plicht eindigde volgens DUO")
    onderdelen: list[PipOnderdeelContract] = Field(
        default_factory=list, description="De onderdelen die het PIP aanbiedt, met geplande data en aanbieder"
    )
    klantmanager: KlantmanagerContact | None = Field(
        None, description="De klantmanager die het PIP als vast contactpunt noemt"
    )
    alfabetisering: str | None = Field(
        None,
        pattern="^(A|AA|NVT)$",
        description="Alfabetiseringsonderwijs in de leerroute (DUO `Alfabetiseringsonderwijs`: A, AA, NVT)",
    )


class DuoDossierContract(BaseModel):
    """What pip reads of trajectory's DUO dossier: DUO's facts the PIP deadline depends on (no BSN)."""

    url: str
    uuid: uuid.UUID
    gemeentecode: str = Field(pattern=GEMEENTECODE_PATTERN)
    inburgeraar: str | None = Field(description="URL van de inburgeraar; leeg zolang niet gekoppeld")
    pipKlokStart: date | None = Field(
        description="Start van de 10 weken voor het PIP volgens DUO (SS139, R2)"
    )
    wet: str | None = Field(
        None,
        description="De wet waaronder de plicht valt: 'Wet inburgering 2013' bij een plicht van voor"
        " 1 januari 2022 (art. 54 lid 1 Wet inburgering 2021), anders 'Wet inburgering 2021'",
    )
    eindreden: str | None = Field(
        None,
        description="Hoe de plicht eindigde volgens DUO (gehele-ontheffing, vrijstelling, plicht-voldaan,"
        " plicht-vervallen); leeg zolang de plicht loopt",
    )
    einddatum: date | None = Field(None, description="Wanneer de plicht eindigde volgens DUO")
    eindregel: str | None = Field(None, description="De eindreden met haar bron in de wet")


class DeadlineStatus(StrEnum):
    OPEN = "open"
    GEHAALD = "gehaald"
    VERVALLEN = "vervallen"


class DeadlineContract(BaseModel):
    """A deadline as stored by the service accountable for it (the scheduler reads these)."""

    url: str
    uuid: uuid.UUID
    soort: str = Field(description="Soort termijn, bijvoorbeeld 'pip-vaststellen'")
    inburgeraar: str
    gemeentecode: str = Field(pattern=GEMEENTECODE_PATTERN)
    vervaldatum: date
    status: DeadlineStatus
    regel: str = Field(description="De regel die de termijn zette, met bron")
    afsluitreden: str | None = Field(
        None,
        description="Waarom de termijn verviel (ontheffing, vrijstelling, plicht voldaan, uitstroom),"
        " met bron",
    )
