from datetime import date, datetime
from enum import StrEnum

from inburgering_shared.strict import Bedrag, Tekst
from pydantic import BaseModel, Field

from .rules import Boetegrond


class Handhavingssoort(StrEnum):
    SCHRIFTELIJKE_WAARSCHUWING = "schriftelijke-waarschuwing"
    HOORZITTING = "hoorzitting"
    BOETE = "boete"


class HandhavingsbesluitIn(BaseModel):
    soort: Handhavingssoort
    datum: date
    grond: Boetegrond
    verplichting: Tekst = Field(
        min_length=1, max_length=2000, description="De PIP-verplichting die niet is nagekomen"
    )
    bedrag: Bedrag | None = Field(None, description="Alleen bij een boete")


class HandhavingsbesluitRead(HandhavingsbesluitIn):
    url: str
    pipVersie: int
    wettelijkeGrondslag: str | None
    beslotenDoor: str
    aangemaakt: datetime
