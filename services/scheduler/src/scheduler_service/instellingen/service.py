"""A gemeente's signal settings, and the effective settings the jobs apply (defaults filled in)."""

import hashlib
from dataclasses import dataclass, field

from inburgering_shared.auth import Principal
from inburgering_shared.etag import check_if_match
from sqlalchemy import select
from sqlalchemy.orm import Session

from ..config import Settings
from ..signalen.rules import STANDAARD_HORIZONNEN, Horizon
from .models import GemeenteInstelling
from .schemas import Escalatie, HorizonSchema, InstellingRead, InstellingWrite


@dataclass(frozen=True)
class Standaarden:
    """The system-wide defaults (settings `SCHEDULER_ESCALATIE_*`)."""

    teamleider_na_dagen: int
    regisseur_na_dagen: int


def standaarden(settings: Settings) -> Standaarden:
    return Standaarden(settings.escalatie_teamleider_na_dagen, settings.escalatie_regisseur_na_dagen)


@dataclass(frozen=True)
class Instellingen:
    """What the jobs apply for one gemeente."""

    horizonnen: dict[str, Horizon]
    teamleider_na_dagen: int
    regisseur_na_dagen: int
    team_van: dict[str, str] = field(default_factory=dict)


def effectief(row: GemeenteInstelling | None, standaard: Standaarden) -> Instellingen:
    if row is None:
        return Instellingen(
            dict(STANDAARD_HORIZONNEN), standaard.teamleider_na_dagen, standaard.regisseur_na_dagen
        )
    horizonnen = dict(STANDAARD_HORIZONNEN)
    horizonnen.update({soort: Horizon(**h) for soort, h in row.horizonnen.items()})
    team_van = {km: team for team, kms in row.teams.items() for km in kms}
    return Instellingen(horizonnen, row.teamleider_na_dagen, row.regisseur_na_dagen, team_van)


class AlleInstellingen:
    """Every gemeente's effective settings, read once per job run."""

    def __init__(self, session: Session, standaard: Standaarden) -> None:
        self.standaard = standaard
        self.rows = {row.gemeentecode: row for row in session.scalars(select(GemeenteInstelling))}
        self._cache: dict[str, Instellingen] = {}

    def voor(self, gemeentecode: str) -> Instellingen:
        if gemeentecode not in self._cache:
            self._cache[gemeentecode] = effectief(self.rows.get(gemeentecode), self.standaard)
        return self._cache[gemeentecode]

    def handtekening(self) -> str:
        """Changes whenever any gemeente's horizons (or the defaults) change."""
        horizonnen = {code: sorted(self.voor(code).horizonnen.items()) for code in ["", *sorted(self.rows)]}
        return hashlib.sha256(repr(horizonnen).encode()).hexdigest()

    def alle_horizonnen(self) -> list[Horizon]:
        gemeenten = [effectief(None, self.standaard), *map(self.voor, self.rows)]
        return [h for instellingen in gemeenten for h in instellingen.horizonnen.values()]


def to_read(gemeentecode: str, row: GemeenteInstelling | None, standaard: Standaarden) -> InstellingRead:
    eff = effectief(row, standaard)
    return InstellingRead(
        gemeentecode=gemeentecode,
        standaard=row is None,
        horizonnen={s: HorizonSchema(maanden=h.maanden, dagen=h.dagen) for s, h in eff.horizonnen.items()},
        escalatie=Escalatie(
            teamleiderNaDagen=eff.teamleider_na_dagen, regisseurNaDagen=eff.regisseur_na_dagen
        ),
        teams=row.teams if row is not None else {},
    )


def get_instelling(session: Session, *, principal: Principal, gemeentecode: str) -> GemeenteInstelling | None:
    principal.check_gemeente(gemeentecode)
    return session.get(GemeenteInstelling, gemeentecode)


def put_instelling(
    session: Session, *, principal: Principal, gemeentecode: str, data: InstellingWrite, if_match: str | None
) -> GemeenteInstelling:
    row = get_instelling(session, principal=principal, gemeentecode=gemeentecode)
    check_if_match(if_match, row.versie if row is not None else 0)
    if row is None:
        row = GemeenteInstelling(gemeentecode=gemeentecode)
        session.add(row)
    row.horizonnen = {s: h.model_dump() for s, h in data.horizonnen.items()}
    row.teamleider_na_dagen = data.escalatie.teamleiderNaDagen
    row.regisseur_na_dagen = data.escalatie.regisseurNaDagen
    row.teams = data.teams
    session.flush()
    return row
