import uuid
from datetime import date, datetime
from enum import StrEnum
from typing import Annotated, Literal

from inburgering_shared.contracts.brede_intake import (
    Alfabetisering,
    BredeIntakeContract,
    LangeTekst,
    LeefgebiedBevinding,
    Leerbaarheidstoets,
    Vooropleiding,
)
from inburgering_shared.contracts.profiel import Profielbron, ProfielInvoer
from inburgering_shared.strict import JaNee, Tekst
from pydantic import BaseModel, ConfigDict, Field

from ..inburgeraars.schemas import Tegenstrijdigheid
from ..toestemmingen.rules import Bron

ACHTERGROND_VELDEN = (
    "talen",
    "opleiding",
    "werkervaring",
    "huishoudsamenstelling",
    "voorinburgering",
    "zichtbareBeperkingen",
)


class DeelnemerRol(StrEnum):
    KLANTMANAGER = "klantmanager"
    COA = "COA"
    VLUCHTELINGENWERK = "VluchtelingenWerk"
    TOLK = "tolk"


class Deelnemer(BaseModel):
    rol: DeelnemerRol
    naam: Annotated[Tekst | None, Field(max_length=200)] = None
    taal: Annotated[Tekst | None, Field(max_length=60, description="Voor een tolk: de taal")] = None


class Gegeven(BaseModel):
    """A fact with where it came from and when: prefilled facts name their source."""

    waarde: LangeTekst
    bron: Bron
    datum: date


class Achtergrond(BaseModel):
    """Language, education and work background, each fact with its source."""

    talen: Gegeven | None = None
    opleiding: Gegeven | None = None
    werkervaring: Gegeven | None = None
    huishoudsamenstelling: Gegeven | None = None
    voorinburgering: Gegeven | None = None
    zichtbareBeperkingen: Gegeven | None = None


class AchtergrondUpdate(BaseModel):
    """Values the klantmanager records; each becomes a fact with source klantmanager."""

    talen: LangeTekst | None = None
    opleiding: LangeTekst | None = None
    werkervaring: LangeTekst | None = None
    huishoudsamenstelling: LangeTekst | None = None
    voorinburgering: LangeTekst | None = None
    zichtbareBeperkingen: LangeTekst | None = None


class BredeIntakeCreate(BaseModel):
    inburgeraar: uuid.UUID = Field(description="UUID van het dossier")
    datumGesprek: date | None = None


class ProfielWijziging(ProfielInvoer):
    """Objects of the profiel the klantmanager records; each replaces the stored one (a language level
    per skill), with source `opgegevenDoor` and today's date. Absent objects and skills stay as they are."""

    opgegevenDoor: Literal[Profielbron.KLANTMANAGER, Profielbron.INBURGERAAR] = Field(
        Profielbron.KLANTMANAGER, description="Wie de gegevens opgaf: de klantmanager of de inburgeraar zelf"
    )


class BredeIntakeUpdate(BaseModel):
    """Fields of a concept brede intake; absent fields stay as they are, leefgebieden merge per leefgebied.

    Unknown fields are refused (400)."""

    model_config = ConfigDict(extra="forbid")

    datumGesprek: date | None = None
    deelnemers: Annotated[list[Deelnemer] | None, Field(max_length=12)] = None
    leefgebieden: Annotated[list[LeefgebiedBevinding] | None, Field(max_length=10)] = None
    achtergrond: AchtergrondUpdate | None = None
    leerbaarheidstoets: Leerbaarheidstoets | None = None
    vooropleiding: Vooropleiding | None = None
    alfabetisering: Alfabetisering | None = None
    wilVervolgonderwijs: JaNee | None = None
    bijstand: JaNee | None = None
    wensen: LangeTekst | None = None
    profiel: ProfielWijziging | None = None


class Ontbrekend(BaseModel):
    veld: str
    reden: str


class BredeIntakeRead(BredeIntakeContract):
    """The brede intake as the klantmanager sees it: what is known, from whom, and what is missing."""

    datumGesprek: date | None
    deelnemers: list[Deelnemer]
    achtergrond: Achtergrond
    tegenstrijdigheden: list[Tegenstrijdigheid]
    ontbreekt: list[Ontbrekend] = Field(description="Wat nog ontbreekt om de brede intake af te ronden")
    aangemaakt: datetime
    gewijzigd: datetime
