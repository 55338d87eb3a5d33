"""The simulator's in-memory state (one per app instance)."""

from dataclasses import dataclass, field
from datetime import date
from typing import Generic, TypeVar

from duo_simulator.control_schemas import NotificatieVerslag, PersoonFeiten, VastAntwoord
from duo_simulator.schemas import (
    PIP,
    Contactpersoongegevens,
    Inburgeringsaanbod,
    Instelling,
    ResultaatMap,
    ResultaatPvt,
    ResultaatZroute,
    Verlengingsgrond,
)

URENSOORTEN = ("TaallesEnKnmBredeIntake", "ParticipatieactiviteitenBredeIntake", "ParticipatieAlsTaalles")


@dataclass
class PipRegistratie:
    gemeenteOin: str
    gemeentecode: str
    pip: PIP


Resultaat = TypeVar("Resultaat", ResultaatMap, ResultaatPvt, ResultaatZroute)


@dataclass
class ResultaatRegistratie(Generic[Resultaat]):
    """A MAP, PVT or Z-route result and the gemeente that delivered it."""

    gemeenteOin: str
    resultaat: Resultaat


@dataclass
class Persoon:
    feiten: PersoonFeiten
    pips: list[PipRegistratie] = field(default_factory=list)
    map: ResultaatRegistratie[ResultaatMap] | None = None
    pvt: ResultaatRegistratie[ResultaatPvt] | None = None
    zroute: ResultaatRegistratie[ResultaatZroute] | None = None
    uren: dict[str, dict[str, int]] = field(default_factory=dict)
    inburgeringsaanbod: dict[str, Inburgeringsaanbod] = field(default_factory=dict)

    @classmethod
    def uit_feiten(cls, feiten: PersoonFeiten) -> "Persoon":
        pips = [PipRegistratie(p.gemeenteOin, p.gemeentecode, p.pip) for p in feiten.eerderePips]
        return cls(feiten=feiten, pips=pips)

    @property
    def actuele_pip(self) -> PipRegistratie | None:
        return self.pips[-1] if self.pips else None

    def is_relevant_voor(self, oin: str) -> bool:
        """README 'Scope': the person lives in the gemeente, or the gemeente holds the current PIP."""
        actueel = self.actuele_pip
        return oin == self.feiten.gemeenteOin or (actueel is not None and actueel.gemeenteOin == oin)

    def gemeentecode_van(self, oin: str) -> str:
        """The code of a gemeente the person is relevant for (see is_relevant_voor)."""
        actueel = self.actuele_pip
        if actueel is not None and actueel.gemeenteOin == oin:
            return actueel.gemeentecode
        return self.feiten.gemeentecode


@dataclass
class Contactpersoon:
    gemeenteOin: str
    gegevens: Contactpersoongegevens
    personen: set[str] = field(default_factory=set)


@dataclass
class Storing:
    """Planned outage: the next `resterend` DUO requests (all, when None) get 503."""

    actief: bool = False
    resterend: int | None = None

    def zet(self, aantal: int | None) -> None:
        self.actief = True
        self.resterend = aantal

    def wis(self) -> None:
        self.actief = False
        self.resterend = None

    def verbruik(self) -> bool:
        """True when this request falls in the outage."""
        if not self.actief:
            return False
        if self.resterend is not None:
            self.resterend -= 1
            if self.resterend <= 0:
                self.wis()
        return True


@dataclass
class SimulatorState:
    personen: dict[str, Persoon] = field(default_factory=dict)
    contactpersonen: dict[int, Contactpersoon] = field(default_factory=dict)
    instellingen: list[Instelling] = field(default_factory=list)
    verlengingsgronden: list[Verlengingsgrond] = field(default_factory=list)
    storing: Storing = field(default_factory=Storing)
    notificaties: list[NotificatieVerslag] = field(default_factory=list)
    volgend_contactpersoon_id: int = 1
    vaste_antwoorden: dict[tuple[str, str], VastAntwoord] = field(default_factory=dict)
    """(method, path) -> the answer a test has chosen for that request."""
    vaste_datum: date | None = None

    def vandaag(self) -> date:
        """Today, or the date a test has fixed."""
        return self.vaste_datum or date.today()

    def instelling(self, instellingsnummer: str) -> Instelling | None:
        return next((i for i in self.instellingen if i.instellingsnummer == instellingsnummer), None)
