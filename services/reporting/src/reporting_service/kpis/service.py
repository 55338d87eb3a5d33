"""The KPIs of a gemeente or region over a period, from the dossier read model.

The dossiers in scope are streamed once and each KPI is accumulated with the
pure rules in `rules.py`; a region is a few thousand dossiers a year.
"""

from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date

from inburgering_shared.contracts.reporting_inputs import HandhavingSoort, UitstroomSoort
from inburgering_shared.contracts.resources import Doelgroep, Leerroute, Verhuizing
from inburgering_shared.verhuizing import gemeente_op
from sqlalchemy import func, or_, select
from sqlalchemy.orm import Session

from ..readmodel.models import Dossier, Handhaving
from ..readmodel.projections import COMPONENT_COLUMNS
from ..readmodel.verhuizingen import Verhuizingen, verhuizingen_van
from ..scope import Scope
from . import rules
from .schemas import (
    Aantal,
    HandhavingAantal,
    KpiRapport,
    LeerrouteAandeel,
    LeerrouteAantal,
    LeerrouteVerdeling,
    MapTijdigheid,
    PipTijdigheid,
    Termijnen,
)

GEEN_PIP = "geen PIP"
Hier = Callable[[date | None], bool]
STREAM_BATCH = 2000


def leerroute_verdeling(session: Session, *, gemeentecode: str) -> LeerrouteVerdeling:
    counts = dict(
        session.execute(
            select(Dossier.leerroute, func.count())
            .where(Dossier.gemeentecode == gemeentecode)
            .group_by(Dossier.leerroute)
        ).all()
    )
    order = [route.value for route in Leerroute] + [None]
    verdeling = [LeerrouteAantal(leerroute=route or GEEN_PIP, aantal=counts.get(route, 0)) for route in order]
    return LeerrouteVerdeling(gemeentecode=gemeentecode, totaal=sum(counts.values()), verdeling=verdeling)


@dataclass
class _Tally:
    van: date
    tot: date
    peildatum: date
    instroom: Counter[str] = field(default_factory=Counter)
    leerroutes: Counter[str] = field(default_factory=Counter)
    pips: int = 0
    pips_op_tijd: int = 0
    dagen_tot_pip: list[int] = field(default_factory=list)
    zonder_pip: int = 0
    map_deadlines: int = 0
    map_op_tijd: int = 0
    afgerond: Counter[str] = field(default_factory=Counter)
    overschreden: int = 0
    verlengd: int = 0
    uitstroom: Counter[str] = field(default_factory=Counter)
    beeindigd: Counter[str] = field(default_factory=Counter)
    ondertussengroep: int = 0

    def add(self, d: Dossier, hier: Hier) -> None:
        """Count the dossier's facts in the period, each only if the gemeente responsible on the fact's
        date is in scope (`hier`); a state (no PIP yet, the ondertussengroep) on the peildatum."""
        instroom = rules.instroomdatum(d.datum_koppeling, d.datum_kennisgeving)
        if rules.in_periode(instroom, self.van, self.tot) and hier(instroom):
            self.instroom[d.doelgroep or "onbekend"] += 1
        self._pip(d, hier)
        if (
            d.map_deadline is not None
            and rules.in_periode(d.map_deadline, self.van, self.tot)
            and hier(d.map_deadline)
        ):
            self.map_deadlines += 1
            self.map_op_tijd += rules.map_op_tijd(d.map_gestart, d.map_deadline)
        for component, column in COMPONENT_COLUMNS.items():
            afgerond = getattr(d, f"{column}_afgerond")
            if rules.in_periode(afgerond, self.van, self.tot) and hier(afgerond):
                self.afgerond[component] += 1
        self._termijn(d, hier)
        if (
            d.uitstroom is not None
            and rules.in_periode(d.uitstroom_op, self.van, self.tot)
            and hier(d.uitstroom_op)
        ):
            self.uitstroom[d.uitstroom] += 1
        if (
            d.eindreden is not None
            and rules.in_periode(d.einddatum, self.van, self.tot)
            and hier(d.einddatum)
        ):
            self.beeindigd[d.eindreden] += 1
        self.ondertussengroep += rules.ondertussengroep(d.wet) and hier(self.peildatum)

    def _pip(self, d: Dossier, hier: Hier) -> None:
        if d.pip_dagtekening is None:
            if d.pip_deadline is not None and d.pip_deadline < self.peildatum and hier(self.peildatum):
                self.zonder_pip += 1
            return
        if not rules.in_periode(d.pip_dagtekening, self.van, self.tot) or not hier(d.pip_dagtekening):
            return
        self.pips += 1
        self.leerroutes[d.leerroute or ""] += 1
        if d.pip_deadline is not None:
            self.pips_op_tijd += rules.pip_op_tijd(d.pip_dagtekening, d.pip_deadline)
        if (start := rules.pip_klok_start(d.datum_kennisgeving, d.datum_inschrijving_brp)) is not None:
            self.dagen_tot_pip.append((d.pip_dagtekening - start).days)

    def _termijn(self, d: Dossier, hier: Hier) -> None:
        if d.termijn_einde is None:
            return
        einde = rules.termijn_einde(d.termijn_einde, d.termijn_verlengd_tot)
        if rules.in_periode(einde, self.van, self.tot) and hier(einde):
            self.overschreden += rules.termijn_overschreden(einde, d.plicht_voldaan, self.peildatum)
        if (
            d.termijn_verlengd_tot is not None
            and rules.in_periode(d.termijn_einde, self.van, self.tot)
            and hier(d.termijn_einde)
        ):
            self.verlengd += 1


def _altijd(_datum: date | None) -> bool:
    return True


def _hier(gemeentecode: str, verhuizingen: list[Verhuizing] | None, scope: Scope) -> Hier:
    """Whether the gemeente responsible for a dossier on a date is in scope; a dossier that never moved
    is its gemeente's on every date."""
    if not verhuizingen:
        return _altijd
    return lambda datum: (
        datum is not None and gemeente_op(gemeentecode, verhuizingen, datum) in scope.gemeenten
    )


def kpi_rapport(session: Session, *, scope: Scope, vandaag: date, eigen: rules.Verdeling) -> KpiRapport:
    """`vandaag` bounds what can be known: a termijn or deadline is only late once it has passed."""
    tally = _Tally(scope.van, scope.tot, min(scope.tot, vandaag))
    verhuisd = verhuizingen_van(session, scope.gemeenten)
    query = select(Dossier).where(
        or_(Dossier.gemeentecode.in_(scope.gemeenten), Dossier.inburgeraar_url.in_(list(verhuisd)))
    )
    for dossier in session.scalars(query.execution_options(yield_per=STREAM_BATCH)):
        tally.add(dossier, _hier(dossier.gemeentecode, verhuisd.get(dossier.inburgeraar_url), scope))
    return KpiRapport(
        naam=scope.naam,
        gemeenten=list(scope.gemeenten),
        van=scope.van,
        tot=scope.tot,
        instroom=_aantallen(tally.instroom, [d.value for d in Doelgroep]),
        leerroutes=[
            LeerrouteAandeel(
                leerroute=route.value,
                aantal=tally.leerroutes[route.value],
                percentage=rules.percentage(tally.leerroutes[route.value], tally.pips),
                verwachtSzw=rules.SZW_VERDELING[route],
                verwachtEigen=eigen.get(route.value, 0),
            )
            for route in Leerroute
        ],
        pip=PipTijdigheid(
            vastgesteld=tally.pips,
            binnenTermijn=tally.pips_op_tijd,
            percentageBinnenTermijn=rules.percentage(tally.pips_op_tijd, tally.pips),
            dagenTotPipMediaan=rules.mediaan(tally.dagen_tot_pip),
            dagenTotPipP90=rules.percentiel(tally.dagen_tot_pip, 90),
            deadlineVerstrekenZonderPip=tally.zonder_pip,
        ),
        map=MapTijdigheid(
            deadlineInPeriode=tally.map_deadlines,
            opTijdGestart=tally.map_op_tijd,
            percentageOpTijd=rules.percentage(tally.map_op_tijd, tally.map_deadlines),
        ),
        componentenAfgerond=_aantallen(tally.afgerond, list(COMPONENT_COLUMNS)),
        termijnen=Termijnen(overschreden=tally.overschreden, verlengd=tally.verlengd),
        handhaving=_handhaving(session, scope, verhuisd),
        uitstroom=_aantallen(tally.uitstroom, [u.value for u in UitstroomSoort]),
        plichtBeeindigd=_aantallen(tally.beeindigd, list(rules.EINDREDENEN)),
        ondertussengroep=tally.ondertussengroep,
    )


def _aantallen(counts: Counter[str], order: list[str]) -> list[Aantal]:
    extra = sorted(set(counts) - set(order))
    return [Aantal(soort=soort, aantal=counts[soort]) for soort in order + extra]


def _handhaving(session: Session, scope: Scope, verhuisd: Verhuizingen) -> list[HandhavingAantal]:
    """Decisions in the period per soort, each with the gemeente responsible on its besluitdatum."""
    rows = session.execute(
        select(
            Handhaving.soort,
            Handhaving.bedrag,
            Handhaving.besluitdatum,
            Handhaving.gemeentecode,
            Handhaving.inburgeraar_url,
        )
        .where(
            or_(Handhaving.gemeentecode.in_(scope.gemeenten), Handhaving.inburgeraar_url.in_(list(verhuisd)))
        )
        .where(Handhaving.besluitdatum >= scope.van, Handhaving.besluitdatum < scope.tot)
    ).all()
    found: dict[str, tuple[int, int]] = {}
    for soort, bedrag, besluitdatum, gemeentecode, url in rows:
        if _hier(gemeentecode, verhuisd.get(url), scope)(besluitdatum):
            aantal, som = found.get(soort, (0, 0))
            found[soort] = (aantal + 1, som + (bedrag or 0))
    return [
        HandhavingAantal(
            soort=s.value, aantal=found.get(s.value, (0, 0))[0], bedrag=found.get(s.value, (0, 0))[1]
        )
        for s in HandhavingSoort
    ]
