from datetime import date, datetime
from typing import Annotated

from pydantic import AfterValidator, BaseModel, Field

from inburgering_shared.contracts.resources import (
    GEMEENTECODE_PATTERN,
    Doelgroep,
    InburgeraarContract,
)

from .rules import bsn_is_valid


def _check_bsn(value: str) -> str:
    if not bsn_is_valid(value):
        raise ValueError("geen geldig BSN (negen cijfers en de 11-proef)")
    return value


Bsn = Annotated[str, Field(min_length=9, max_length=9, pattern=r"^\d{9}$"), AfterValidator(_check_bsn)]
Gemeentecode = Annotated[str, Field(pattern=GEMEENTECODE_PATTERN, examples=["GM0171"])]
Naam = Annotated[str, Field(min_length=1, max_length=200)]


class Persoonsgegevens(BaseModel):
    bsn: Bsn
    vNummer: Annotated[str | None, Field(pattern=r"^\d{1,10}$")] = None
    voornamen: Naam
    achternaam: Naam
    geboortedatum: date
    landVanHerkomst: Annotated[str | None, Field(max_length=100)] = None
    doelgroep: Doelgroep


class InburgeraarCreate(Persoonsgegevens):
    gemeentecode: Gemeentecode
    klantmanager: Annotated[str | None, Field(max_length=100)] = None
    datumKoppeling: date | None = None
    datumKennisgeving: date | None = None
    datumInschrijvingBrp: date | None = None


class InburgeraarUpdate(BaseModel):
    """Fields a klantmanager may change; absent fields stay as they are."""

    klantmanager: Annotated[str | None, Field(max_length=100)] = None
    datumKennisgeving: date | None = None
    datumInschrijvingBrp: date | None = None
    landVanHerkomst: Annotated[str | None, Field(max_length=100)] = None


class InburgeraarRead(InburgeraarContract):
    """The dossier as casework roles see it; the BSN is never part of a URL or a list."""

    vNummer: str | None
    voornamen: str
    achternaam: str
    geboortedatum: date
    landVanHerkomst: str | None
    klantmanager: str | None
    datumKoppeling: date | None
    aangemaakt: datetime
    gewijzigd: datetime
    versie: int


class InburgeraarDetail(InburgeraarRead):
    bsn: str | None = Field(description="Alleen voor klantmanager, teamleider en regisseur")


class BsnZoekvraag(BaseModel):
    bsn: Bsn


