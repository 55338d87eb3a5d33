import uuid
from datetime import date, datetime
from enum import StrEnum
from typing import Annotated

from inburgering_shared.bounds import Datum
from inburgering_shared.contracts.brede_intake import Alfabetisering, Leefgebied
from inburgering_shared.contracts.resources import Doelgroep, Leerroute, Niveau, PipContract
from inburgering_shared.strict import GEHEEL, GEVULD, JaNee, Tekst
from pydantic import BaseModel, Field

from ..intrekking.schemas import IntrekkingRead
from .rules import Component

Alinea = Annotated[Tekst, Field(min_length=1, max_length=2000)]
Reden = Annotated[str, Field(min_length=1, max_length=2000, pattern=GEVULD)]


class Onderbouwing(BaseModel):
    code: str
    tekst: str
    bron: str


class Advies(BaseModel):
    """The leerroute advice from the brede intake, with every reason and the rule behind it."""

    leerroute: Leerroute
    niveau: Niveau | None
    redenen: list[Onderbouwing]
    voorlopig: bool = Field(
        False,
        description="Voorlopig: de leerbaarheidstoets gaf geen uitslag; `ontbreekt` noemt wat ontbreekt",
    )
    ontbreekt: list[str] = Field(default_factory=list, description="Wat het advies nog mist om vast te staan")
    bredeIntake: str = Field(description="URL van de brede intake waarop het advies rust")


class Onderdeel(BaseModel):
    """One component of the PIP (domain.md, Doelgroepen): offered or not, with its dates."""

    component: Component
    aangeboden: JaNee
    start: Datum | None = None
    verwachtEinde: Datum | None = None
    aanbieder: Annotated[
        Tekst | None,
        Field(
            min_length=1,
            max_length=200,
            description="Wie dit onderdeel aanbiedt (taalschool, VluchtelingenWerk, de gemeente)",
        ),
    ] = None
    toelichting: Alinea | None = None


class ParticipatieSoort(StrEnum):
    WERK = "werk"
    VRIJWILLIGERSWERK = "vrijwilligerswerk"
    STAGE = "stage"
    OPLEIDING = "opleiding"


class Participatie(BaseModel):
    """The participation part (dual: language with work, volunteering, internship or education)."""

    soort: ParticipatieSoort
    omschrijving: Alinea
    urenPerWeek: Annotated[int, Field(ge=1, le=40), GEHEEL]
    start: Datum | None = None
    einde: Datum | None = None


class Doel(BaseModel):
    leefgebied: Leefgebied
    omschrijving: Annotated[Tekst, Field(min_length=1, max_length=4000)]
    aanleiding: Annotated[Tekst | None, Field(max_length=9000, description="Wat de brede intake vond")] = None


class WeekActiviteitKeuze(BaseModel):
    activiteit: uuid.UUID = Field(description="uuid van een activiteit uit het lokale aanbod")
    urenPerWeek: Annotated[int, Field(ge=1, le=40), GEHEEL]


class WeekActiviteit(WeekActiviteitKeuze):
    titel: str
    aanbieder: str
    plaats: str
    rooster: str


Telefoon = Annotated[str, Field(pattern=r"^\+?[0-9][0-9 -]{8,16}$", examples=["0527 633 911"])]
# Printable ASCII but `@` on either side (`\s` is not the same class in every regex engine).
Email = Annotated[str, Field(pattern=r"^[!-?A-~]+@[!-?A-~]+\.[a-z]{2,}$", max_length=200)]


class Klantmanager(BaseModel):
    """The klantmanager who is the person's fixed contact, as the letter names them."""

    naam: Annotated[Tekst, Field(min_length=1, max_length=200)]
    telefoon: Telefoon
    email: Email


ALFABETISERING = (
    "Alfabetiseringsonderwijs in de leerroute (A analfabeet, AA anders gealfabetiseerd, NVT); uit de brede"
    " intake, DUO krijgt het met het inburgeringsaanbod"
)


class PipInhoud(BaseModel):
    klantmanager: Klantmanager | None = None
    alfabetisering: Alfabetisering | None = Field(None, description=ALFABETISERING)
    onderdelen: list[Onderdeel] = Field(default_factory=list, max_length=20)
    participatie: list[Participatie] = Field(default_factory=list, max_length=10)
    doelen: list[Doel] = Field(default_factory=list, max_length=30)
    weekprogramma: list[WeekActiviteit] = Field(default_factory=list, max_length=30)


class InhoudVelden(BaseModel):
    """What a klantmanager may change; an absent field stays as it is."""

    leerroute: Leerroute | None = None
    niveau: Niveau | None = Field(None, description="Leeg: B1 bij B1-route en Onderwijsroute (R6)")
    motivering: Alinea | None = Field(None, description="Verplicht bij afwijken van het advies")
    klantmanager: Klantmanager | None = None
    alfabetisering: Alfabetisering | None = Field(None, description=ALFABETISERING)
    onderdelen: list[Onderdeel] | None = Field(None, max_length=20)
    participatie: list[Participatie] | None = Field(None, max_length=10)
    doelen: list[Doel] | None = Field(None, max_length=30)
    weekprogramma: list[WeekActiviteitKeuze] | None = Field(None, max_length=30)


class ConceptWijziging(InhoudVelden):
    pass


class Vaststelling(BaseModel):
    leerroute: Leerroute | None = Field(None, description="Leeg: de leerroute van het concept")
    niveau: Niveau | None = Field(None, description="Leeg: B1 bij B1-route en Onderwijsroute (R6)")
    motivering: Alinea | None = Field(None, description="Verplicht bij afwijken van het advies")
    dagtekening: date


class Wijziging(InhoudVelden):
    """A change to a vastgesteld PIP: a new version with its reason."""

    reden: Reden
    dagtekening: date
    aantoonbareInspanning: Reden | None = Field(
        None,
        description="Waaruit de aantoonbare inspanning blijkt; nodig om op de B1-route naar A2 af te schalen"
        " (Besluit inburgering 2021 art. 5.5)",
    )


class PipTermijn(BaseModel):
    """The PIP deadline as data (R2, R3)."""

    vervaldatum: date
    gestartDoor: str
    regel: str
    oorspronkelijkeVervaldatum: date | None
    informatieOntvangen: date | None
    verlengingReden: str | None
    status: str
    afsluitreden: str | None = Field(
        None, description="Waarom de termijn verviel: Wet inburgering 2013 of de beëindigde plicht, met bron"
    )
    tijdig: bool | None = Field(description="Vastgesteld op of voor de vervaldatum; leeg zolang open")


class Verlenging(BaseModel):
    informatieOntvangen: Datum = Field(description="Datum waarop de informatie van derden binnenkwam (R3)")
    reden: Reden


class PipRead(PipContract):
    doelgroep: Doelgroep
    niveau: Niveau | None
    vastgesteldDoor: str | None
    deadline: date | None = Field(description="Uiterlijke datum van vaststellen (R2, R3)")
    termijn: PipTermijn | None
    dagtekeningEerstePip: date | None
    advies: Advies | None
    motivering: str | None
    inhoud: PipInhoud
    routewijzigingen: int
    intrekking: IntrekkingRead | None = Field(
        None, description="Het besluit tot intrekking, zodra het PIP is ingetrokken"
    )
    aangemaakt: datetime
    gewijzigd: datetime


class VersieRead(BaseModel):
    versie: int
    reden: str
    vastgesteldDoor: str
    aangemaakt: datetime
    inhoud: dict[str, object]
    verschil: list[dict[str, object]] = Field(description="Per gewijzigd veld: pad, oud, nieuw")
