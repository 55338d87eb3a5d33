from inburgering_shared.contracts.resources import GEMEENTECODE_PATTERN
from pydantic import BaseModel, Field


class InstellingenWijziging(BaseModel):
    onderwijsrouteMaxLeeftijd: int = Field(
        ge=18,
        le=67,
        description="Onderwijsroute geadviseerd onder deze leeftijd (R9; seed 002: 28, seed 004: 30)",
    )
    maxRoutewijzigingen: int = Field(
        ge=0, le=10, description="Hoe vaak de leerroute mag wijzigen (R7; seed 004: 1)"
    )


class Instellingen(InstellingenWijziging):
    gemeentecode: str = Field(pattern=GEMEENTECODE_PATTERN)
    standaard: bool = Field(
        description="Waar: de gemeente heeft niets vastgelegd; dit zijn de standaardwaarden"
    )
