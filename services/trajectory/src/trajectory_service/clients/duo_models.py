"""DUO's messages for the gemeente side, field names exactly as in DUO's OpenAPI documents
(`duo-m2m-inburgering/API/*.openapi.yml`). Answers may carry fields a later minor version adds;
they are ignored. What the gemeente sends is built from these models and nothing else.
"""

from datetime import date, datetime
from typing import Annotated, Literal, TypeAlias

from inburgering_shared.duo.codes import Doelgroepindeling, LeerrouteCode
from inburgering_shared.duo.validatie import JaNee
from pydantic import BaseModel, ConfigDict, Field

NiveauPip = Literal["A2", "B1"]
AanvraagOordeel = Literal["Toekenning", "Afwijzing"]
Alfabetiseringsonderwijs = Literal["A", "AA", "NVT"]
Examenonderdeel = Literal["KNM", "LE", "LU", "SC", "SP"]
RedenVrijstelling = Literal["AVI", "DIP", "DOC", "GED", "INB", "INS", "OPL"]
Uren = Annotated[int, Field(ge=0, le=9999)]


class DuoModel(BaseModel):
    model_config = ConfigDict(extra="ignore", frozen=True)


class Foutmelding(DuoModel):
    fouttekst: str


# Inburgeringsplicht.openapi.yml (1.2.2)
class Inburgeringsplicht(DuoModel):
    indicatorInburgeringsplicht: bool
    begindatum: date | None = None
    einddatum: date | None = None
    wijzigingsdatum: date | None = None
    datumKennisgevingInburgeringsplicht: date | None = None
    redenGeenInburgeringsplicht: (
        Literal[
            "Volledige ontheffing",
            "Volledige vrijstelling",
            "Inburgeringsplicht voldaan",
            "Verblijfsdoel gewijzigd",
            "Vertrek uit Nederland langer dan een jaar",
            "Overlijden",
            "Overig",
            "Tijdelijke vrijstelling",
        ]
        | None
    ) = None


class Doelgroep(DuoModel):
    indeling: Doelgroepindeling | None = None
    begindatum: date | None = None
    gedetailleerdeDoelgroep: (
        Literal[
            "Asielstatushouder",
            "Geestelijk bedienaar",
            "Gezinshereniger",
            "Gezinshereniger met Asielstatushouder",
            "Gezinsvormer",
            "Gezinsvormer met Asielstatushouder",
            "Overig",
        ]
        | None
    ) = None
    asielrechtenWijzigingVerblijfsdoel: (
        Literal[
            "Asielrechten toegekend",
            "Behoud asielrechten",
            "Op verzoek behoud rechten van gezins- en overige migrant",
            "Op verzoek rechten van gezins- en overige migrant toegekend",
        ]
        | None
    ) = None


# Inburgeringstermijn.openapi.yml (1.0.0); DUO's einddatum is exclusive.
class Inburgeringstermijn(DuoModel):
    startdatum: date
    einddatum: date
    wijzigingsdatum: date | None = None
    verlengingsgrondcode: str | None = None
    verlengingsgrondomschrijving: str | None = None


# Leerbaarheidstoets.openapi.yml (1.2.0): scores are strings with a decimal comma ("61,50").
class LeerbaarheidstoetsResultaat(DuoModel):
    resultaat: Literal["B1-route haalbaar", "B1-route niet haalbaar", "Onbekend"]
    behaaldeScore: str
    benodigdeScore: str
    datumAfname: date


# Vrijstelling.openapi.yml (1.0.0)
class GeheleVrijstelling(DuoModel):
    oordeel: AanvraagOordeel
    reden: RedenVrijstelling
    datumOordeel: date | None = None


class TijdelijkeVrijstelling(DuoModel):
    oordeel: AanvraagOordeel
    reden: RedenVrijstelling
    datumOordeel: date | None = None
    startdatum: date | None = None
    einddatum: date | None = None


class GedeeltelijkeVrijstelling(DuoModel):
    reden: RedenVrijstelling
    oordeel: AanvraagOordeel
    datumOordeel: date | None = None
    examenonderdeel: Literal["LE", "LU", "SC", "SP"] | None = None
    examenniveau: Literal["A2", "B1"] | None = None


# DUO names these properties after their schemas; the aliases keep the class bodies unambiguous.
_GeheleV: TypeAlias = GeheleVrijstelling
_TijdelijkeV: TypeAlias = TijdelijkeVrijstelling
_GedeeltelijkeV: TypeAlias = GedeeltelijkeVrijstelling


class Vrijstelling(DuoModel):
    GeheleVrijstelling: _GeheleV | None = None
    TijdelijkeVrijstelling: _TijdelijkeV | None = None
    GedeeltelijkeVrijstelling: _GedeeltelijkeV | None = None


# Ontheffing.openapi.yml (1.0.0)
class GeheleOntheffing(DuoModel):
    oordeel: AanvraagOordeel
    datumOordeel: date
    grond: Literal["BIO", "MED"]


class GedeeltelijkeOntheffing(DuoModel):
    oordeel: AanvraagOordeel
    datumOordeel: date
    grond: Literal["BIO", "MED"]
    examenonderdeel: Examenonderdeel | None = None
    urenBelastbaarheidParticipatieactiviteit: int | None = None


_GeheleO: TypeAlias = GeheleOntheffing
_GedeeltelijkeO: TypeAlias = GedeeltelijkeOntheffing


class Ontheffing(DuoModel):
    GeheleOntheffing: _GeheleO | None = None
    GedeeltelijkeOntheffing: _GedeeltelijkeO | None = None


# Examen.openapi.yml (1.0.0)
class Examenresultaat(DuoModel):
    examendatum: date
    resultaat: Literal["Geslaagd", "Gezakt", "Geen"]
    redenGeenResultaat: Literal["Verwijtbaar", "Nietverwijtbaar", "Afgemeld", "Absent"] | None = None
    onderdeel: Examenonderdeel
    niveau: Literal["A2", "B1", "B2"] | None = None


# PIP.openapi.yml (1.2.0)
class PIP(DuoModel):
    dagtekeningPip: date
    leerroute: LeerrouteCode
    niveau: NiveauPip | None = None
    geschatteIntensiteitB1Route: Annotated[int, Field(ge=1, le=9999)] | None = None
    indicatorMagOpleidingAfmaken: bool | None = None
    indicatorAlfabetiseringsonderwijs: Alfabetiseringsonderwijs | None = None


class PipGemeente(DuoModel):
    """The `Gemeente` schema of PIP.openapi.yml: DUO's current PIP and the gemeente that holds it."""

    gemeentecode: str
    pip: PIP


# MAP_PVT_Zroute.openapi.yml (1.0.0): PUT bodies replace the whole resource.
class ResultaatMap(DuoModel):
    datumEindgesprekMap: date | None = None
    verwijtbaar: JaNee | None = None


class ResultaatPvt(DuoModel):
    datumOndertekeningPvt: date | None = None
    verwijtbaar: JaNee | None = None


class ResultaatZroute(DuoModel):
    datumAfrondingZroute: date | None = None


class DatumMap(DuoModel):
    datumEindgesprekMap: date


class DatumPvt(DuoModel):
    datumOndertekeningPvt: date


# GevolgdeUren.openapi.yml (1.0.0): the three PUT bodies are {uren}.
class UrenBericht(DuoModel):
    uren: Uren


class GevolgdeUren(DuoModel):
    """The `Gemeente` schema of GevolgdeUren.openapi.yml: one gemeente's totals."""

    gemeentecode: str | None = None
    bekendTot: date | None = None
    ParticipatieAlsTaalles: UrenBericht | None = None
    ParticipatieactiviteitenBredeIntake: UrenBericht | None = None
    TaallesEnKnmBredeIntake: UrenBericht | None = None


# Notificatie.openapi.yml (1.8.0): what DUO posts to the gemeente's POST /notificaties.
class Notificatie(DuoModel):
    registratieDatumTijd: datetime
    bsn: Annotated[str, Field(pattern=r"^\d{9}$")] | None = None
    vNummer: Annotated[int, Field(ge=0, le=9999999999)] | None = None
    gebeurtenisId: Annotated[str, Field(pattern=r"^[0-9A-Z]{1,6}$", max_length=6)]
    """Any code of this form: DUO may publish new gebeurtenissen (inburgering_shared.duo.gebeurtenissen)."""
