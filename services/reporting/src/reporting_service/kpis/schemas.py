from pydantic import BaseModel, Field


class LeerrouteAantal(BaseModel):
    leerroute: str = Field(description="B1-route, Onderwijsroute, Z-route, of 'geen PIP' zolang geen PIP is vastgesteld")
    aantal: int


class LeerrouteVerdeling(BaseModel):
    gemeentecode: str
    totaal: int
    verdeling: list[LeerrouteAantal]
