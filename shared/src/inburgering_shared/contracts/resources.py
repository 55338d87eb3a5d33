"""Resources one service reads from another, as versioned contracts.

The owning service answers with (a superset of) these models; the reader
validates against them, so a breaking change fails loudly on both sides.
"""

from __future__ import annotations

import uuid
from datetime import date
from enum import StrEnum

from pydantic import BaseModel, Field


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


class InburgeraarContract(BaseModel):
    """What pip and reporting read of an inburgeraar (no BSN: they do not need it)."""

    url: str
    uuid: uuid.UUID
    gemeentecode: str = Field(pattern=GEMEENTECODE_PATTERN)
    doelgroep: Doelgroep
    datumKennisgeving: date | None = None
    datumInschrijvingBrp: date | None = None
    klantmanager: str | None = Field(default=None, description="De vaste klantmanager (regievoerder)")


class PipStatus(StrEnum):
    CONCEPT = "concept"
    VASTGESTELD = "vastgesteld"


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


class DuoDossierContract(BaseModel):
    """What pip reads of trajectory's DUO dossier: DUO's facts the PIP deadline depends on (no BSN)."""

    url: str
    uuid: uuid.UUID
    gemeentecode: str = Field(pattern=GEMEENTECODE_PATTERN)
    inburgeraar: str | None = Field(description="URL van de inburgeraar; leeg zolang niet gekoppeld")
    pipKlokStart: date | None = Field(
        description="Start van de 10 weken voor het PIP volgens DUO (SS139, R2)"
    )


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
