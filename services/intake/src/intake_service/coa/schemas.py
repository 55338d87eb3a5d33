import uuid
from datetime import date
from typing import Annotated

from pydantic import BaseModel, Field

from ..inburgeraars.schemas import Gemeentecode, Persoonsgegevens


class Taalbeheersing(BaseModel):
    taal: Annotated[str, Field(min_length=1, max_length=60)]
    niveau: Annotated[str | None, Field(max_length=20)] = None


class Klantprofiel(BaseModel):
    """What COA knows from the AZC; health data is not part of this handover."""

    huishoudsamenstelling: Annotated[str | None, Field(max_length=500)] = None
    opleiding: Annotated[str | None, Field(max_length=1000)] = None
    werkervaring: Annotated[str | None, Field(max_length=1000)] = None
    talen: Annotated[list[Taalbeheersing], Field(max_length=30)] = []
    voorinburgering: Annotated[str | None, Field(max_length=1000)] = None
    zichtbareBeperkingen: Annotated[str | None, Field(max_length=1000)] = None


class CoaOverdrachtCreate(BaseModel):
    coaReferentie: Annotated[str, Field(min_length=1, max_length=64, pattern=r"^[A-Za-z0-9._-]+$")]
    gemeentecode: Gemeentecode
    datumKoppeling: date
    persoon: Persoonsgegevens
    klantprofiel: Klantprofiel = Klantprofiel()


class CoaOverdrachtRead(BaseModel):
    """COA may hand over, not read dossiers: the answer names the record, not its content."""

    url: str
    uuid: uuid.UUID
    coaReferentie: str
    versie: int
    inburgeraar: str
