from datetime import date
from enum import StrEnum

from pydantic import BaseModel, Field


class BijstandBron(StrEnum):
    KLANTMANAGER = "klantmanager"
    PARTICIPATIEWET = "participatiewet"


class Bijstandsperiode(BaseModel):
    start: date = Field(description="Eerste dag van de bijstand (Participatiewet)")
    einde: date | None = Field(None, description="Laatste dag van de bijstand; leeg zolang zij loopt")


class Bijstand(BaseModel):
    """All bijstand periods of the person, oldest first (PUT replaces them)."""

    perioden: list[Bijstandsperiode] = Field(max_length=50)
    bron: BijstandBron = Field(
        description="Wie ze vastlegde: de klantmanager of de Participatiewet-koppeling"
    )
