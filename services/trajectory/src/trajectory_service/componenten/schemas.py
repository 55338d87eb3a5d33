from datetime import date, datetime
from typing import Literal

from inburgering_shared.strict import Tekst
from pydantic import BaseModel, Field

from .rules import Componentsoort, Componentstatus


class ComponentRead(BaseModel):
    soort: Componentsoort
    status: Componentstatus
    startdatum: date | None
    einddatum: date | None
    geplandeStart: date | None = Field(description="De start volgens het PIP")
    verwachtEinde: date | None = Field(description="Het verwachte einde volgens het PIP")
    aanbieder: str | None = Field(description="Wie het onderdeel aanbiedt, volgens het PIP")
    verwijtbaar: Literal["Ja", "Nee"] | None = Field(
        description="Alleen bij MAP en PVT na (of binnen twee maanden na) het einde van de termijn (R13)"
    )
    bewijs: str | None
    gewijzigd: datetime


class ComponentWijziging(BaseModel):
    """The whole state of the component (PUT semantics within PATCH: absent fields become empty)."""

    status: Componentstatus
    startdatum: date | None = None
    einddatum: date | None = None
    verwijtbaar: Literal["Ja", "Nee"] | None = None
    bewijs: Tekst | None = Field(
        None, max_length=2000, description="Bewijs, bijvoorbeeld een certificaat of verslag"
    )
