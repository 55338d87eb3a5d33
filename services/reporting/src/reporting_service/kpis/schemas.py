from datetime import date

from pydantic import BaseModel, Field


class LeerrouteAantal(BaseModel):
    leerroute: str = Field(
        description="B1-route, Onderwijsroute, Z-route, of 'geen PIP' zolang geen PIP is vastgesteld"
    )
    aantal: int


class LeerrouteVerdeling(BaseModel):
    gemeentecode: str
    totaal: int
    verdeling: list[LeerrouteAantal]


class Aantal(BaseModel):
    soort: str
    aantal: int


class LeerrouteAandeel(BaseModel):
    leerroute: str
    aantal: int
    percentage: float | None
    verwachtSzw: int = Field(description="Verwachte verdeling van SZW in procenten (60/25/15)")
    verwachtEigen: int = Field(description="De verwachting van de gemeente zelf in procenten")


class PipTijdigheid(BaseModel):
    vastgesteld: int = Field(description="PIP's met een eerste dagtekening in de periode")
    binnenTermijn: int = Field(description="Waarvan vastgesteld op of voor de deadline (R2, R3)")
    percentageBinnenTermijn: float | None
    dagenTotPipMediaan: float | None = Field(
        description="Dagen van de start van de PIP-klok (R2) tot de dagtekening"
    )
    dagenTotPipP90: int | None
    deadlineVerstrekenZonderPip: int = Field(
        description="Op het einde van de periode: deadline voorbij, geen PIP"
    )


class MapTijdigheid(BaseModel):
    deadlineInPeriode: int = Field(
        description="Dossiers waarvan de MAP-deadline (18 maanden, R11) in de periode valt"
    )
    opTijdGestart: int
    percentageOpTijd: float | None


class Termijnen(BaseModel):
    overschreden: int = Field(
        description="Inburgeringstermijn (met verlenging) in de periode verstreken zonder plicht voldaan"
    )
    verlengd: int = Field(
        description="Termijnen die in de periode zouden eindigen en door DUO zijn verlengd (R5)"
    )


class HandhavingAantal(BaseModel):
    soort: str
    aantal: int
    bedrag: int = Field(description="Som van de boetes in hele euro's")


class KpiRapport(BaseModel):
    naam: str
    gemeenten: list[str]
    van: date
    tot: date
    instroom: list[Aantal] = Field(description="Instroom per doelgroep (koppeling, anders kennisgeving)")
    leerroutes: list[LeerrouteAandeel]
    pip: PipTijdigheid
    map: MapTijdigheid
    componentenAfgerond: list[Aantal]
    termijnen: Termijnen
    handhaving: list[HandhavingAantal]
    uitstroom: list[Aantal]
    plichtBeeindigd: list[Aantal] = Field(
        description="Plicht beëindigd in de periode volgens DUO, per reden (gehele-ontheffing, vrijstelling,"
        " plicht-voldaan, plicht-vervallen; art. 3-6 Wet inburgering 2021)"
    )
    ondertussengroep: int = Field(
        description="Dossiers onder de Wet inburgering 2013 (plicht van voor 2022, art. 54 lid 1 Wet"
        " inburgering 2021): apart geteld, zonder PIP"
    )
