import uuid
from enum import StrEnum
from typing import Annotated

from inburgering_shared.bounds import Datum, Versienummer
from inburgering_shared.strict import GEVULD
from pydantic import BaseModel, Field

Tekst = Annotated[str, Field(min_length=1, max_length=4000, pattern=GEVULD)]


class Uitkomst(StrEnum):
    GEGROND = "gegrond"
    ONGEGROND = "ongegrond"
    NIET_ONTVANKELIJK = "niet-ontvankelijk"
    INGETROKKEN = "ingetrokken"


class BezwaarNieuw(BaseModel):
    versie: Versienummer | None = Field(None, description="Versie van het PIP; leeg: de huidige")
    ontvangen: Datum
    gronden: Tekst


class BezwaarBeslissing(BaseModel):
    uitkomst: Uitkomst
    besloten: Datum
    toelichting: Tekst | None = Field(
        None, description="Bij gegrond: het PIP wordt gewijzigd als nieuwe versie"
    )


class Bezwaar(BaseModel):
    uuid: uuid.UUID
    versie: int
    ontvangen: Datum
    gronden: str
    tijdig: bool = Field(description="Ontvangen binnen zes weken na de dagtekening (Awb art. 6:7)")
    uitkomst: Uitkomst | None
    besloten: Datum | None
    toelichting: str | None
