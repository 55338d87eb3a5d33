from datetime import date
from typing import Annotated

from inburgering_shared.bounds import Datum
from inburgering_shared.strict import GEVULD
from pydantic import BaseModel, Field

from .rules import Intrekkingsgrond

Motivering = Annotated[str, Field(min_length=1, max_length=2000, pattern=GEVULD)]


class Intrekking(BaseModel):
    """The withdrawal of a vastgesteld PIP: a besluit of its own (Awb art. 1:3)."""

    grond: Intrekkingsgrond = Field(description="Waarom het PIP wordt ingetrokken")
    toelichting: Motivering = Field(
        description="De motivering van het besluit tot intrekking (Awb art. 3:46)"
    )
    dagtekening: Datum = Field(description="Datum van het besluit tot intrekking")


class IntrekkingRead(BaseModel):
    grond: Intrekkingsgrond
    grondslag: str = Field(description="De regel waarop de intrekking rust (Awb art. 3:47)")
    toelichting: str
    dagtekening: date
    ingetrokkenDoor: str
    kenmerk: str = Field(description="Kenmerk van het besluit tot intrekking, voor een bezwaar")
    bezwaarTermijnEinde: date = Field(
        description="Laatste dag om bezwaar te maken tegen de intrekking (Awb art. 6:7, 6:8)"
    )
