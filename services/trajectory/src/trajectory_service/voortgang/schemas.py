from datetime import date, datetime
from typing import Annotated, Literal

from inburgering_shared.strict import GEHEEL, Tekst
from pydantic import BaseModel, Field

from .rules import Uitkomst

Maand = Annotated[str, Field(pattern=r"^\d{4}-(0[1-9]|1[0-2])$", description="Maand als JJJJ-MM")]


class VoortgangsgesprekRead(BaseModel):
    url: str
    gepland: date
    gehouden: date | None
    verslag: str | None
    uitkomst: Uitkomst | None
    pipVersie: int = Field(description="De versie van het PIP waarover het gesprek ging")
    gewijzigd: datetime


class VoortgangsgesprekVerslag(BaseModel):
    gehouden: date
    verslag: Tekst = Field(min_length=1, max_length=10_000)
    uitkomst: Uitkomst


class Vaardigheid(BaseModel):
    vaardigheid: Literal["lezen", "luisteren", "schrijven", "spreken", "knm"]
    niveau: Literal["A0", "A1", "A2", "B1", "B2"] = Field(description="Het niveau dat nu is bereikt")


class GeplandExamen(BaseModel):
    onderdeel: Literal["KNM", "LE", "LU", "SC", "SP"] = Field(description="DUO's examenonderdeel")
    datum: date


class Voortgangsrapportage(BaseModel):
    """The taalaanbieder's monthly report."""

    urenGevolgd: Annotated[int, Field(ge=0, le=744, description="Gevolgde lesuren in de maand"), GEHEEL]
    aanwezigheidProcent: Annotated[int, Field(ge=0, le=100), GEHEEL]
    vaardigheden: list[Vaardigheid] = Field(default_factory=list, max_length=5)
    geplandeExamens: list[GeplandExamen] = Field(default_factory=list, max_length=10)


class VoortgangsrapportageRead(Voortgangsrapportage):
    maand: Maand
    taalaanbieder: str
    gewijzigd: datetime


class TaalaanbiederToewijzing(BaseModel):
    taalaanbieder: Tekst | None = Field(
        max_length=100, description="Client-id van de taalaanbieder die dit traject verzorgt; leeg: geen"
    )
