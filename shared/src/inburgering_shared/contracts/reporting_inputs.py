"""What reporting reads of the other services for its read models, as versioned contracts.

Reporting builds its monitoring from these resources (announced by events on
the channels named below, and listed by the owning services for a full
rebuild). All are served: the inburgeraar with datumKoppeling and the brede
intake (intake), the PIP with its deadline (pip), and from trajectory the
traject with its components and taalaanbieder, handhaving, afronding, voortgang
and examen (docs/duo-sync.md, "What reporting reads"). A fact nobody serves
stays empty in reporting's read model: nothing is derived or guessed in its place.

Event routing: an event's `resource` names which of these models its
`resourceUrl` answers with (see RESOURCES); resource names are unique across
the channels in KANALEN. A full rebuild reads the same models from the owners'
paginated list endpoints.
"""

from __future__ import annotations

from datetime import date
from enum import StrEnum

from pydantic import BaseModel, Field

from .brede_intake import BREDE_INTAKE_RESOURCE, BredeIntakeStatus
from .events import Kanaal
from .resources import GEMEENTECODE_PATTERN, InburgeraarContract, Leerroute, PipContract, Verhuizing


class InburgeraarRapportage(InburgeraarContract):
    """The inburgeraar as intake serves it (served): the koppeling date marks the inflow; its moves say
    which gemeente was responsible when (intake's dossier serves them; its list does not: None)."""

    datumKoppeling: date | None = None
    verhuizingen: list[Verhuizing] | None = None


class PipRapportage(PipContract):
    """A PIP as pip serves it (served), with the deadline pip set for it (R2/R3)."""

    deadline: date | None = Field(None, description="Uiterlijke datum van vaststellen (R2, R3)")


class TrajectContract(BaseModel):
    """A trajectory as trajectory serves it (served), with termijn facts (not served yet: verlenging)."""

    url: str
    inburgeraar: str
    gemeentecode: str = Field(pattern=GEMEENTECODE_PATTERN)
    leerroute: Leerroute
    termijnStart: date
    termijnEinde: date = Field(description="Exclusief, zoals DUO het vastlegt (R4)")
    mapDeadline: date | None = None
    termijnVerlengdTot: date | None = Field(None, description="Einde na verlenging door DUO (R5), exclusief")
    taalaanbieder: str | None = Field(None, description="Code van de taalaanbieder die de leerroute verzorgt")


class BredeIntakeRapportage(BaseModel):
    """What reporting reads of a brede intake (served: a subset of brede_intake.BredeIntakeContract;
    reporting keeps only the completion date, none of the findings)."""

    url: str
    inburgeraar: str
    gemeentecode: str = Field(pattern=GEMEENTECODE_PATTERN)
    status: BredeIntakeStatus
    datumAfgerond: date | None = None


class TrajectComponent(BaseModel):
    """One component of a trajectory (served: trajectory's `GET {traject.url}/componenten`, a list).

    A trajectory's components change with a `traject` event (kenmerk `wijziging=component`);
    reporting reads the list after reading the traject.
    """

    soort: str
    status: str = Field(description="niet-gestart, gestart, afgerond of vrijgesteld")
    startdatum: date | None = None
    einddatum: date | None = None


class HandhavingSoort(StrEnum):
    WAARSCHUWING = "waarschuwing"
    BOETE = "boete"


class HandhavingContract(BaseModel):
    """A handhaving decision by the gemeente (trajectory, served; resource 'handhaving'; R15)."""

    url: str
    inburgeraar: str
    gemeentecode: str = Field(pattern=GEMEENTECODE_PATTERN)
    soort: HandhavingSoort
    besluitdatum: date
    bedrag: int | None = Field(None, description="Boete in hele euro's")


class UitstroomSoort(StrEnum):
    WERK = "werk"
    ONDERWIJS = "onderwijs"
    ANDERS = "anders"


class AfrondingContract(BaseModel):
    """How and when the inburgering ended (trajectory, served; resource 'afronding')."""

    url: str
    inburgeraar: str
    gemeentecode: str = Field(pattern=GEMEENTECODE_PATTERN)
    plichtVoldaanOp: date | None = None
    uitstroom: UitstroomSoort | None = None
    uitstroomOp: date | None = None


class VoortgangContract(BaseModel):
    """A taalaanbieder's report on one inburgeraar (from trajectory's taalaanbieder reports, served;
    resource 'voortgang'): cumulative hours and the level reached so far."""

    url: str
    inburgeraar: str
    gemeentecode: str = Field(pattern=GEMEENTECODE_PATTERN)
    taalaanbieder: str
    peildatum: date
    urenGepland: int = Field(ge=0)
    urenAanwezig: int = Field(ge=0)
    niveauBehaald: str | None = Field(None, description="Bijvoorbeeld A1, A2, B1")


class ExamenResultaat(StrEnum):
    BEHAALD = "behaald"
    NIET_BEHAALD = "niet behaald"


class ExamenContract(BaseModel):
    """An exam result as DUO reports it (trajectory, served; resource 'examen')."""

    url: str
    inburgeraar: str
    gemeentecode: str = Field(pattern=GEMEENTECODE_PATTERN)
    onderdeel: str = Field(description="Lezen, luisteren, schrijven, spreken, KNM")
    examendatum: date
    resultaat: ExamenResultaat
    taalaanbieder: str | None = None


# The channels reporting subscribes to, and the resource each event names.
KANALEN = (Kanaal.INBURGERAARS, Kanaal.BREDE_INTAKES, Kanaal.PIPS, Kanaal.TRAJECTEN)
RESOURCES: dict[str, type[BaseModel]] = {
    "inburgeraar": InburgeraarRapportage,  # kanaal inburgeraars
    BREDE_INTAKE_RESOURCE: BredeIntakeRapportage,  # kanaal brede-intakes
    "pip": PipRapportage,  # kanaal pips
    "traject": TrajectContract,  # kanaal trajecten
    "handhaving": HandhavingContract,  # kanaal trajecten
    "afronding": AfrondingContract,  # kanaal trajecten
    "voortgang": VoortgangContract,  # kanaal trajecten
    "examen": ExamenContract,  # kanaal trajecten
}
