"""The person's starting point in the brede intake, after the GGM (domain Inburgering) and COA's klantprofiel.

The current language level per skill, digital skills, work experience, diplomas with their
waardering by IDW (Internationale Diplomawaardering, Nuffic), what was done in the AZC before
the move (COA's voorbereiding op inburgering) and aandachtspunten. Intake records each value
with its `bron` (who supplied it) and `datum`; COA's handover prefills them. Pip's leerroute
advice reads the language levels and the diplomas (`BredeIntakeContract`).

Input models refuse unknown fields, so a misspelt field is a 400 and never silently ignored.
"""

from __future__ import annotations

from datetime import date
from enum import StrEnum
from typing import Annotated, Generic, TypeVar

from pydantic import BaseModel, ConfigDict, Field, model_validator

from ..bounds import Datum
from ..strict import GEHEEL, JaNee, Tekst

Kort = Annotated[Tekst, Field(min_length=1, max_length=200)]
Omschrijving = Annotated[Tekst, Field(min_length=1, max_length=1000)]
Land = Annotated[Tekst, Field(min_length=1, max_length=60)]
Jaar = Annotated[int, Field(ge=1940, le=2099), GEHEEL]


class Invoer(BaseModel):
    """An input object: unknown fields are refused."""

    model_config = ConfigDict(extra="forbid")


class Profielbron(StrEnum):
    """Who supplied a value of the profiel: COA's klantprofiel, the klantmanager, or the person."""

    COA = "COA"
    KLANTMANAGER = "klantmanager"
    INBURGERAAR = "inburgeraar"


class Vaardigheid(StrEnum):
    """The four language skills the exams of the B1-route test (DUO Examen API, examenonderdelen)."""

    LEZEN = "lezen"
    LUISTEREN = "luisteren"
    SPREKEN = "spreken"
    SCHRIJVEN = "schrijven"


class Taalniveau(StrEnum):
    """A level of the Common European Framework of Reference (ERK/CEFR); A0 is no Dutch yet."""

    A0 = "A0"
    A1 = "A1"
    A2 = "A2"
    B1 = "B1"
    B2 = "B2"
    C1 = "C1"
    C2 = "C2"


TAALNIVEAU_VOLGORDE = list(Taalniveau)
"""From low to high: compare levels by their index."""


class Taalniveaus(Invoer):
    """The current level per skill as measured or estimated; absent skills are not known."""

    lezen: Taalniveau | None = None
    luisteren: Taalniveau | None = None
    spreken: Taalniveau | None = None
    schrijven: Taalniveau | None = None


class DigitaalNiveau(StrEnum):
    GEEN = "geen"
    BEPERKT = "beperkt"
    VOLDOENDE = "voldoende"
    GOED = "goed"


class DigitaleVaardigheden(Invoer):
    """Digital self-reliance (seed 004, spearhead 2): the level, DigiD (a GGM attribute), a note."""

    niveau: DigitaalNiveau
    digidAangevraagd: JaNee | None = Field(None, description="GGM Asielstatushouder: DigiD aangevraagd")
    toelichting: Omschrijving | None = None


class Werkervaring(Invoer):
    beroep: Kort
    land: Land | None = None
    vanafJaar: Jaar | None = None
    totJaar: Jaar | None = Field(None, description="Niet voor vanafJaar")
    omschrijving: Omschrijving | None = None

    @model_validator(mode="after")
    def tot_niet_voor_vanaf(self) -> Werkervaring:
        if self.vanafJaar is not None and self.totJaar is not None and self.totJaar < self.vanafJaar:
            raise ValueError("totJaar ligt voor vanafJaar")
        return self


class IdwNiveau(StrEnum):
    """The Dutch level IDW (Nuffic) compares a foreign diploma with."""

    VMBO = "vmbo"
    HAVO = "havo"
    VWO = "vwo"
    MBO_1 = "mbo-1"
    MBO_2 = "mbo-2"
    MBO_3 = "mbo-3"
    MBO_4 = "mbo-4"
    ASSOCIATE_DEGREE = "associate degree"
    HBO_BACHELOR = "hbo-bachelor"
    HBO_MASTER = "hbo-master"
    WO_BACHELOR = "wo-bachelor"
    WO_MASTER = "wo-master"
    DOCTORAAT = "doctoraat"


class IdwWaardering(Invoer):
    """Nuffic's Internationale Diplomawaardering: the comparable Dutch level, its date and reference."""

    vergelijkbaarNiveau: IdwNiveau
    datum: Datum
    kenmerk: Annotated[Tekst | None, Field(min_length=1, max_length=64)] = None


class Diploma(Invoer):
    naam: Kort
    land: Land
    jaarBehaald: Jaar | None = None
    onderwijstaal: Land | None = Field(None, description="Taal waarin het onderwijs werd gegeven")
    waardering: IdwWaardering | None = None


class VoiOnderdeel(StrEnum):
    """Parts of COA's voorbereiding op inburgering in the AZC."""

    TAAL = "taal"
    KNM = "KNM"
    PARTICIPATIE = "participatie"
    WERK = "werk"
    OVERIG = "overig"


class Voorbereiding(Invoer):
    """What the person did in the AZC before the move, as part of the voorbereiding op inburgering."""

    onderdeel: VoiOnderdeel
    omschrijving: Omschrijving | None = None
    uren: Annotated[int | None, Field(ge=0, le=2000), GEHEEL] = None
    datumAfgerond: Datum | None = None


class Aandachtspunt(Invoer):
    """A point to keep in mind for the PIP (not health: health travels only with consent)."""

    omschrijving: Omschrijving


T = TypeVar("T")


class Vastgelegd(BaseModel, Generic[T]):
    """A value of the profiel with who supplied it and when."""

    waarde: T
    bron: Profielbron
    datum: date


class TaalniveausVastgelegd(BaseModel):
    """Per skill the level with its source: a klantmanager can correct one skill and keep the others."""

    lezen: Vastgelegd[Taalniveau] | None = None
    luisteren: Vastgelegd[Taalniveau] | None = None
    spreken: Vastgelegd[Taalniveau] | None = None
    schrijven: Vastgelegd[Taalniveau] | None = None


MAX_WERKERVARINGEN = 20
MAX_DIPLOMAS = 10
MAX_VOORBEREIDING = 20
MAX_AANDACHTSPUNTEN = 20

PROFIEL_LIJSTEN = ("werkervaringen", "diplomas", "voorbereidingInburgering", "aandachtspunten")
PROFIEL_VELDEN = ("digitaleVaardigheden", *PROFIEL_LIJSTEN)
"""The profiel's objects besides the language levels, each kept whole with one source."""


class Profiel(BaseModel):
    """The profiel as the brede intake shows it."""

    taalniveaus: TaalniveausVastgelegd = Field(default_factory=TaalniveausVastgelegd)
    digitaleVaardigheden: Vastgelegd[DigitaleVaardigheden] | None = None
    werkervaringen: Vastgelegd[list[Werkervaring]] | None = None
    diplomas: Vastgelegd[list[Diploma]] | None = None
    voorbereidingInburgering: Vastgelegd[list[Voorbereiding]] | None = None
    aandachtspunten: Vastgelegd[list[Aandachtspunt]] | None = None


class ProfielInvoer(Invoer):
    """The profiel as COA hands it over or a klantmanager records it; absent objects stay as they are."""

    taalniveaus: Taalniveaus | None = None
    digitaleVaardigheden: DigitaleVaardigheden | None = None
    werkervaringen: Annotated[list[Werkervaring] | None, Field(max_length=MAX_WERKERVARINGEN)] = None
    diplomas: Annotated[list[Diploma] | None, Field(max_length=MAX_DIPLOMAS)] = None
    voorbereidingInburgering: Annotated[list[Voorbereiding] | None, Field(max_length=MAX_VOORBEREIDING)] = (
        None
    )
    aandachtspunten: Annotated[list[Aandachtspunt] | None, Field(max_length=MAX_AANDACHTSPUNTEN)] = None
