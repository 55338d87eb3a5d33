import uuid
from datetime import datetime
from enum import StrEnum
from typing import Annotated

from inburgering_shared.contracts.brede_intake import Leefgebied
from inburgering_shared.contracts.profiel import Taalniveau
from inburgering_shared.strict import GEHEEL, Tekst
from pydantic import BaseModel, Field

Kort = Annotated[Tekst, Field(min_length=1, max_length=200)]


class Stap(StrEnum):
    """The steps of the route on the library routekaart (seed 000; domain.md, Local offer catalogue)."""

    NIEUW = "nieuw in de gemeente"
    INTAKE_PIP = "intake en PIP"
    PARTICIPATIEVERKLARING = "participatieverklaring"
    LEERROUTE = "leerroute volgen"
    OEFENEN = "taal en digitale vaardigheden oefenen"
    WERK = "werk en vrijwilligerswerk"
    GEZIN = "samen met het gezin"
    CONTACT = "meer contact in de nieuwe woonplaats"
    AFRONDEN = "leerroute afronden"
    DOORLEREN = "verder leren"
    BIJHOUDEN = "bijhouden"


class ActiviteitNieuw(BaseModel):
    aanbieder: Kort
    titel: Kort
    omschrijving: Annotated[Tekst, Field(max_length=4000)] = ""
    stap: Stap
    leefgebieden: list[Leefgebied] = Field(min_length=1, max_length=len(Leefgebied))
    taalniveau: Taalniveau | None = Field(None, description="Minimaal taalniveau; leeg: geen eis")
    plaats: Kort
    rooster: Kort = Field(description="Bijvoorbeeld 'dinsdag 10.00-12.00'")
    capaciteit: Annotated[int, Field(ge=1, le=10000), GEHEEL]


class Activiteit(ActiviteitNieuw):
    plaatsenBezet: int = Field(
        description="Hoeveel PIP's nu een plaats in deze activiteit hebben (ten hoogste capaciteit)"
    )
    url: str
    uuid: uuid.UUID
    gemeentecode: str
    gepubliceerdDoor: str
    aangemaakt: datetime
