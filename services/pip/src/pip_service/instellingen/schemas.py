from typing import Annotated

from inburgering_shared.contracts.resources import GEMEENTECODE_PATTERN, POSTCODE_PATTERN
from inburgering_shared.strict import GEHEEL, NIET_WIT, Tekst
from pydantic import BaseModel, Field

from ..pips.schemas import Email, Telefoon

Regel = Annotated[Tekst, Field(min_length=1, max_length=100)]
LOGO_MAX = 300_000
"""A logo as a data URI of at most about 220 kB of PNG or JPEG: enough for a letterhead."""
INSTELLINGEN_BODY_BYTES = LOGO_MAX + 64 * 1024
"""The settings' body limit: the largest logo and room for the rest (a logo too long is a 400)."""


class Postadres(BaseModel):
    adres: Regel = Field(examples=["Postbus 155"])
    postcode: str = Field(pattern=POSTCODE_PATTERN, examples=["8300 AD"])
    plaats: Regel = Field(examples=["Emmeloord"])


class Ondertekenaar(BaseModel):
    """Who signs the beschikking namens the college (mandaat)."""

    naam: Regel
    functie: Regel = Field(examples=["teamleider Inburgering"])


class Briefhoofd(BaseModel):
    """What a beschikking states of the gemeente: name, where to send a bezwaar, logo, signatory."""

    gemeentenaam: Regel = Field(examples=["Noordoostpolder"])
    postadres: Postadres = Field(description="Ook het adres voor een bezwaarschrift (Awb art. 3:45)")
    telefoon: Telefoon
    email: Email
    website: Annotated[str | None, Field(pattern=rf"^https://{NIET_WIT}+$", max_length=200)] = None
    logo: Annotated[
        str | None,
        Field(
            pattern=r"^data:image/(png|jpeg);base64,[A-Za-z0-9+/=]+$",
            max_length=LOGO_MAX,
            description="Het logo als data-URI (PNG of JPEG)",
        ),
    ] = None
    ondertekenaar: Ondertekenaar


class InstellingenWijziging(BaseModel):
    onderwijsrouteMaxLeeftijd: Annotated[
        int,
        Field(
            ge=18,
            le=67,
            description="Onderwijsroute geadviseerd onder deze leeftijd (R9; seed 002: 28, seed 004: 30)",
        ),
        GEHEEL,
    ]
    maxRoutewijzigingen: Annotated[
        int, Field(ge=0, le=10, description="Hoe vaak de leerroute mag wijzigen (R7; seed 004: 1)"), GEHEEL
    ]
    briefhoofd: Briefhoofd | None = Field(
        None, description="Gemeente in de beschikking; zonder briefhoofd kan geen PIP worden vastgesteld"
    )


class Instellingen(InstellingenWijziging):
    gemeentecode: str = Field(pattern=GEMEENTECODE_PATTERN)
    standaard: bool = Field(
        description="Waar: de gemeente heeft niets vastgelegd; dit zijn de standaardwaarden"
    )
