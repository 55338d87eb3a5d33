import uuid
from datetime import date, datetime
from enum import StrEnum
from typing import Annotated

from inburgering_shared.contracts.resources import GEMEENTECODE_PATTERN
from pydantic import BaseModel, Field

from .rules import KWARTAAL_PATROON


class LeveringStatus(StrEnum):
    VRIJGEGEVEN = "vrijgegeven"
    AFGEKEURD = "afgekeurd"


class LeveringAanvraag(BaseModel):
    gemeentecode: Annotated[str, Field(pattern=GEMEENTECODE_PATTERN, examples=["GM0171"])]
    kwartaal: Annotated[str, Field(pattern=KWARTAAL_PATROON, examples=["2026K3"])]


class LeveringRead(BaseModel):
    url: str
    uuid: uuid.UUID
    gemeentecode: str
    kwartaal: str
    layoutVersie: str
    status: LeveringStatus = Field(description="Vrijgegeven na een geslaagde validatie, anders afgekeurd")
    aantalRecords: int
    sha256: str = Field(
        description="Controlegetal van het bestand; gelijke gegevens geven een gelijk bestand"
    )
    fouten: list[str] = Field(description="Validatiefouten (ten hoogste 100); leeg bij vrijgegeven")
    uitersteDatum: date = Field(description="Uiterlijk te leveren: 4 weken na het kwartaal (R16)")
    tijdig: bool = Field(description="Geproduceerd op of voor de uiterste datum")
    bestand: str | None = Field(description="URL van het bestand, alleen als het is vrijgegeven")
    aangemaakt: datetime
    aangemaaktDoor: str
