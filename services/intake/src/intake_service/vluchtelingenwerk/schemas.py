import uuid
from datetime import datetime
from typing import Annotated, Self

from inburgering_shared.bounds import Datum
from inburgering_shared.strict import Tekst
from pydantic import BaseModel, Field, model_validator

from ..inburgeraars.schemas import Bsn, Gemeentecode


class Contact(BaseModel):
    naam: Annotated[Tekst, Field(min_length=1, max_length=200)]
    rol: Annotated[Tekst, Field(min_length=1, max_length=100, examples=["maatschappelijk begeleider"])]
    telefoon: Annotated[Tekst | None, Field(max_length=30)] = None
    email: Annotated[Tekst | None, Field(max_length=200)] = None


class Rapportage(BaseModel):
    datum: Datum
    samenvatting: Annotated[Tekst, Field(min_length=1, max_length=2000)]


class Begeleiding(BaseModel):
    start: Datum
    einde: Datum | None = None

    @model_validator(mode="after")
    def einde_na_start(self) -> Self:
        if self.einde is not None and self.einde < self.start:
            raise ValueError("einde ligt voor start")
        return self


class VluchtelingenwerkOverdrachtCreate(BaseModel):
    referentie: Annotated[str, Field(min_length=1, max_length=64, pattern=r"^[A-Za-z0-9._-]+$")]
    gemeentecode: Gemeentecode
    bsn: Bsn
    begeleiding: Begeleiding
    contacten: Annotated[list[Contact], Field(max_length=20)] = []
    rapportages: Annotated[list[Rapportage], Field(max_length=200)] = []


class VluchtelingenwerkOverdrachtRead(BaseModel):
    """VluchtelingenWerk hands over; the answer names the record, not the dossier's content."""

    url: str
    uuid: uuid.UUID
    referentie: str
    versie: int


class VluchtelingenwerkOverdrachtDetail(VluchtelingenwerkOverdrachtRead):
    """What the klantmanager sees: the begeleiding, its contacts and reports, from VluchtelingenWerk."""

    ontvangen: datetime
    begeleiding: Begeleiding
    contacten: list[Contact]
    rapportages: list[Rapportage]
    eerdereVersies: int
