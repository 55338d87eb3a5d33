"""DUO's message shapes, field for field as in DUO's OpenAPI documents (API/*.openapi.yml).

Unknown fields are refused (extra="forbid") so that a misspelt field is a 400 here,
where DUO would silently ignore it.
"""

from datetime import date
from typing import Annotated, Literal, TypeAlias

from pydantic import BaseModel, ConfigDict, Field


class DuoModel(BaseModel):
    model_config = ConfigDict(extra="forbid")


Gemeentecode = Annotated[str, Field(pattern=r"^\d{4}$")]
Oin = Annotated[str, Field(min_length=20, max_length=20)]
Uren = Annotated[int, Field(ge=0, le=9999)]
Score = Annotated[str, Field(pattern=r"^(\d{1,3}\,\d{2})$")]
AanvraagOordeel = Literal["Toekenning", "Afwijzing"]


# Inburgeringsplicht.openapi.yml
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


class Inburgeringsplichthistorie(DuoModel):
    indicatorInburgeringsplicht: bool
    begindatum: date | None = None
    einddatum: date | None = None
    wijzigingsdatum: date | None = None


Doelgroepindeling = Literal["Asielstatushouder", "Gezinsmigrant en overige migrant"]


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


class Doelgroephistorie(DuoModel):
    indeling: Doelgroepindeling | None = None
    begindatum: date | None = None
    einddatum: date | None = None


# Inburgeringstermijn.openapi.yml
class Inburgeringstermijn(DuoModel):
    startdatum: date
    einddatum: date
    wijzigingsdatum: date | None = None
    verlengingsgrondcode: Annotated[str, Field(min_length=1, max_length=10)] | None = None
    verlengingsgrondomschrijving: Annotated[str, Field(min_length=1, max_length=200)] | None = None


class Inburgeringstermijnhistorie(DuoModel):
    einddatum: date | None = None
    wijzigingsdatum: date | None = None
    verlengingsgrondcode: Annotated[str, Field(min_length=1, max_length=10)] | None = None
    verlengingsgrondomschrijving: Annotated[str, Field(min_length=1, max_length=200)] | None = None


class Verlengingsgrond(DuoModel):
    code: Annotated[str, Field(min_length=1, max_length=10)]
    omschrijving: Annotated[str, Field(min_length=1, max_length=200)]


# Leerbaarheidstoets.openapi.yml
class LeerbaarheidstoetsResultaat(DuoModel):
    resultaat: Literal["B1-route haalbaar", "B1-route niet haalbaar", "Onbekend"]
    behaaldeScore: Score
    benodigdeScore: Score
    datumAfname: date


# Vrijstelling.openapi.yml
RedenVrijstelling = Literal["AVI", "DIP", "DOC", "GED", "INB", "INS", "OPL"]


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


# DUO names the properties after their schemas; aliases keep the class body unambiguous.
_Gehele: TypeAlias = GeheleVrijstelling
_Tijdelijke: TypeAlias = TijdelijkeVrijstelling
_Gedeeltelijke: TypeAlias = GedeeltelijkeVrijstelling


class Vrijstelling(DuoModel):
    GeheleVrijstelling: _Gehele | None = None
    TijdelijkeVrijstelling: _Tijdelijke | None = None
    GedeeltelijkeVrijstelling: _Gedeeltelijke | None = None


# Ontheffing.openapi.yml
class GeheleOntheffing(DuoModel):
    oordeel: AanvraagOordeel
    datumOordeel: date
    grond: Literal["BIO", "MED"]


class GedeeltelijkeOntheffing(DuoModel):
    oordeel: AanvraagOordeel
    datumOordeel: date
    grond: Literal["BIO", "MED"]
    examenonderdeel: Literal["KNM", "LE", "LU", "SC", "SP"] | None = None
    urenBelastbaarheidParticipatieactiviteit: Uren | None = None


_GeheleO: TypeAlias = GeheleOntheffing
_GedeeltelijkeO: TypeAlias = GedeeltelijkeOntheffing


class Ontheffing(DuoModel):
    GeheleOntheffing: _GeheleO | None = None
    GedeeltelijkeOntheffing: _GedeeltelijkeO | None = None


# Examen.openapi.yml
Examenonderdeel = Literal["KNM", "LE", "LU", "SC", "SP"]


class Examenresultaat(DuoModel):
    examendatum: date
    resultaat: Literal["Geslaagd", "Gezakt", "Geen"]
    redenGeenResultaat: Literal["Verwijtbaar", "Nietverwijtbaar", "Afgemeld", "Absent"] | None = None
    onderdeel: Examenonderdeel
    niveau: Literal["A2", "B1", "B2"] | None = None


class GratisPogingTegoed(DuoModel):
    onderdeel: Examenonderdeel
    gratisPogingenTegoed: Annotated[int, Field(ge=0, le=99)]


# PIP.openapi.yml
Leerroute = Literal["B", "O", "Z"]


class PIP(DuoModel):
    dagtekeningPip: date
    leerroute: Leerroute
    niveau: Literal["A2", "B1"] | None = None
    geschatteIntensiteitB1Route: Annotated[int, Field(ge=1, le=9999)] | None = None
    indicatorMagOpleidingAfmaken: bool | None = None
    indicatorAlfabetiseringsonderwijs: Literal["A", "AA", "NVT"] | None = None


class PipGemeente(DuoModel):
    """The `Gemeente` schema of PIP.openapi.yml: the current PIP and the gemeente that holds it."""

    gemeentecode: Gemeentecode
    pip: PIP


# MAP_PVT_Zroute.openapi.yml
JaNee = Literal["Ja", "Nee"]


class ResultaatMap(DuoModel):
    datumEindgesprekMap: date | None = None
    verwijtbaar: JaNee | None = None


class ResultaatPvt(DuoModel):
    datumOndertekeningPvt: date | None = None
    verwijtbaar: JaNee | None = None


class ResultaatZroute(DuoModel):
    datumAfrondingZroute: date | None = None


# GevolgdeUren.openapi.yml (the three PUT bodies share this shape)
class UrenBericht(DuoModel):
    uren: Uren


# Contactpersoon.openapi.yml
class Contactpersoongegevens(DuoModel):
    naam: Annotated[str, Field(max_length=100, pattern=r"^[\s'\u2018.\w\-\u2010-\u2015]{0,100}$")]
    email: Annotated[str, Field(min_length=4, max_length=241)]
    telefoonnummer: Annotated[
        str,
        Field(
            min_length=3,
            max_length=22,
            pattern=r"^(\+|[0-9])((\s|\s?(-|\(0\))\s?)?[0-9]){2,15}([,][1-9][0-9]{1,8})?$",
        ),
    ]


# Inburgeringsaanbod.openapi.yml
class Inburgeringsaanbod(DuoModel):
    datumInburgeringsaanbod: date | None = None
    verwachteStartdatumOpleiding: date | None = None
    verwachteEinddatumOpleiding: date | None = None
    indicatorAlfabetiseringsonderwijs: Literal["A", "AA", "NVT"]


class Instelling(DuoModel):
    instellingsnummer: Annotated[str, Field(min_length=10, max_length=10)]
    naam: Annotated[str, Field(min_length=1, max_length=128)]
    postcode: Annotated[str, Field(max_length=6, pattern=r"^[1-9][0-9]{3}[A-Z]{2}$")]
    huisnummer: Annotated[int, Field(ge=1, le=99999)]
    huisnummertoevoeging: Annotated[str, Field(min_length=1, max_length=4)] | None = None
    plaatsnaam: Annotated[str, Field(min_length=1, max_length=40)]
    bow: Annotated[str, Field(pattern=r"^\d{1,10}$")] | None = None
    brin: Annotated[str, Field(pattern=r"^[0-9]{2}[A-Z]{2}$")] | None = None
    indicatieBowKeurmerk: bool | None = None
    indicatieTstKeurmerk: bool | None = None
