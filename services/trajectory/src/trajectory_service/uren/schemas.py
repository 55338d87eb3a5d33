from datetime import datetime
from typing import Annotated

from inburgering_shared.strict import GEHEEL, Tekst
from pydantic import BaseModel, Field

from ..componenten.rules import Z_ROUTE_UREN_PARTICIPATIE, Z_ROUTE_UREN_TAAL, ZRouteVoortgang
from .rules import Urensoort


class Uren(BaseModel):
    """Hours the gemeente records for one month and kind."""

    uren: Annotated[int, Field(ge=0, le=744, description="Gevolgde uren in de maand"), GEHEEL]
    omschrijving: Tekst | None = Field(
        default=None, max_length=500, description="Welke activiteit (geen gezondheidsgegevens)"
    )


class UrenregistratieRead(Uren):
    soort: Urensoort
    maand: str
    vastgelegdDoor: str
    gewijzigd: datetime


class Reden(BaseModel):
    code: str
    tekst: str
    bron: str


class ZRouteUrenRead(BaseModel):
    """Hours followed against the Z-route norm (R10), brede intake hours included."""

    taalUren: int = Field(description="NT2 en KNM: lesuren van de taalaanbieder plus uren in de brede intake")
    participatieUren: int = Field(description="Participatie, uren in de brede intake meegeteld")
    taalNorm: int
    participatieNorm: int
    taalTekort: int
    participatieTekort: int
    urennormBehaald: bool | None = Field(description="Leeg: voor deze doelgroep geldt geen urennorm")
    reden: Reden


class UrenOverzicht(BaseModel):
    lesurenTaalaanbieder: int = Field(description="Som van de urenGevolgd in de voortgangsrapportages")
    registraties: list[UrenregistratieRead]
    zRoute: ZRouteUrenRead | None = Field(
        description="Alleen in de Z-route en als de doelgroep bekend is (uit het PIP)"
    )


def z_route_read(v: ZRouteVoortgang | None) -> ZRouteUrenRead | None:
    if v is None:
        return None
    return ZRouteUrenRead(
        taalUren=v.taal_uren,
        participatieUren=v.participatie_uren,
        taalNorm=Z_ROUTE_UREN_TAAL,
        participatieNorm=Z_ROUTE_UREN_PARTICIPATIE,
        taalTekort=v.taal_tekort,
        participatieTekort=v.participatie_tekort,
        urennormBehaald=v.urennorm_behaald,
        reden=Reden(code=v.reden.code, tekst=v.reden.tekst, bron=v.reden.bron),
    )
