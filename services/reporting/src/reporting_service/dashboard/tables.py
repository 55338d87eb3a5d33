"""The dashboard's tables: one definition serves the HTML page and the CSV and JSON exports."""

from collections import Counter
from dataclasses import dataclass
from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from ..aanbieders.service import aanbieders
from ..budget.schemas import BudgetOverzicht
from ..budget.service import budget_overzicht
from ..kpis import rules
from ..kpis.schemas import Aantal, KpiRapport
from ..kpis.service import kpi_rapport
from ..readmodel.models import Dossier
from ..scope import Scope

Waarde = str | int | float | None


@dataclass(frozen=True)
class Tabel:
    naam: str
    titel: str
    kolommen: list[str]
    rijen: list[list[Waarde]]


@dataclass(frozen=True)
class Dashboard:
    scope: Scope
    kpis: KpiRapport
    budget: BudgetOverzicht | None  # a budget is per gemeente
    tabellen: list[Tabel]

    def tabel(self, naam: str) -> Tabel:
        return next(t for t in self.tabellen if t.naam == naam)


Maanden = list[tuple[str, int, int, int]]


def per_maand(session: Session, scope: Scope, peildatum: date) -> tuple[Maanden, Maanden]:
    """Per month of the period, by the month the deadline falls in:
    deadlines: PIP deadlines (R2), MAP deadlines (R11), ends of termijnen (R4, R5);
    PIPs: vastgesteld on or before the deadline, vastgesteld after it, and deadline passed (by the
    peildatum) without a PIP vastgesteld."""
    deadlines: dict[str, Counter[str]] = {}
    month = date(scope.van.year, scope.van.month, 1)
    while month < scope.tot:
        deadlines[month.strftime("%Y-%m")] = Counter()
        month = date(month.year + month.month // 12, month.month % 12 + 1, 1)
    pips: dict[str, Counter[str]] = {maand: Counter() for maand in deadlines}
    query = select(
        Dossier.pip_deadline,
        Dossier.pip_dagtekening,
        Dossier.map_deadline,
        Dossier.termijn_einde,
        Dossier.termijn_verlengd_tot,
    )
    rows = session.execute(query.where(Dossier.gemeentecode.in_(scope.gemeenten)))
    for pip, dagtekening, map_, einde, verlengd in rows:
        termijn = rules.termijn_einde(einde, verlengd) if einde else None
        for soort, day in (("pip", pip), ("map", map_), ("termijn", termijn)):
            if day is not None and rules.in_periode(day, scope.van, scope.tot):
                deadlines[day.strftime("%Y-%m")][soort] += 1
        if pip is not None and rules.in_periode(pip, scope.van, scope.tot):
            if dagtekening is not None:
                soort = "op tijd" if rules.pip_op_tijd(dagtekening, pip) else "te laat"
            else:
                soort = "zonder" if pip < peildatum else "open"
            pips[pip.strftime("%Y-%m")][soort] += 1
    return (
        [(m, c["pip"], c["map"], c["termijn"]) for m, c in deadlines.items()],
        [(m, c["op tijd"], c["te laat"], c["zonder"]) for m, c in pips.items()],
    )


def _aantallen(naam: str, titel: str, kolom: str, rows: list[Aantal]) -> Tabel:
    return Tabel(naam, titel, [kolom, "aantal"], [[r.soort, r.aantal] for r in rows])


def dashboard(session: Session, *, scope: Scope, vandaag: date, eigen: rules.Verdeling) -> Dashboard:
    k = kpi_rapport(session, scope=scope, vandaag=vandaag, eigen=eigen)
    budget = None
    if len(scope.gemeenten) == 1:
        budget = budget_overzicht(
            session, gemeentecode=scope.gemeenten[0], jaar=scope.van.year, vandaag=vandaag
        )
    deadlines, pips = per_maand(session, scope, min(scope.tot, vandaag))
    tabellen = [
        _aantallen("instroom", "Instroom per doelgroep", "doelgroep", k.instroom),
        Tabel(
            "leerroutes",
            "Leerroutes tegen de verwachting (%)",
            ["leerroute", "aantal", "percentage", "verwachtSzw", "verwachtEigen"],
            [[r.leerroute, r.aantal, r.percentage, r.verwachtSzw, r.verwachtEigen] for r in k.leerroutes],
        ),
        Tabel("pip", "PIP binnen 10 weken (R2)", ["kengetal", "waarde"], [[n, v] for n, v in k.pip]),
        Tabel(
            "pip-per-maand",
            "PIP-deadlines per maand: op tijd, te laat, verstreken zonder PIP (R2)",
            ["maand", "opTijd", "teLaat", "zonderPip"],
            [list(p) for p in pips],
        ),
        Tabel(
            "map", "MAP gestart binnen 18 maanden (R11)", ["kengetal", "waarde"], [[n, v] for n, v in k.map]
        ),
        _aantallen("componenten", "Componenten afgerond", "component", k.componentenAfgerond),
        Tabel(
            "termijnen",
            "Inburgeringstermijnen (R4, R5)",
            ["kengetal", "waarde"],
            [[n, v] for n, v in k.termijnen],
        ),
        Tabel(
            "handhaving",
            "Handhaving (R15)",
            ["soort", "aantal", "bedrag"],
            [[h.soort, h.aantal, h.bedrag] for h in k.handhaving],
        ),
        _aantallen("uitstroom", "Uitstroom", "naar", k.uitstroom),
        Tabel(
            "deadlines",
            "Deadlines per maand",
            ["maand", "pip", "map", "termijn"],
            [list(d) for d in deadlines],
        ),
    ]
    if budget is not None:
        tabellen += [
            Tabel(
                "budget",
                f"Budget {budget.jaar} (EUR)",
                ["post", "bedrag"],
                [
                    ["SPUK-budget", budget.budget],
                    ["verplicht", budget.verplicht],
                    ["uitgegeven", budget.uitgegeven],
                    ["prognose", budget.prognose],
                ],
            ),
            Tabel(
                "budget-per-aanbieder",
                "Verplichtingen per aanbieder en route",
                ["taalaanbieder", "leerroute", "prijs", "trajecten", "verplicht"],
                [[r.taalaanbieder, r.leerroute, r.prijs, r.trajecten, r.verplicht] for r in budget.regels],
            ),
        ]
    prestaties = aanbieders(session, scope=scope)
    tabellen.append(
        Tabel(
            "aanbieders",
            "Taalaanbieders",
            [
                "taalaanbieder",
                "inburgeraars",
                "urenGepland",
                "urenAanwezig",
                "aanwezigheid",
                "niveauBehaald",
                "examens",
                "examensBehaald",
                "slagingspercentage",
            ],
            [list(p.model_dump().values()) for p in prestaties],
        )
    )
    return Dashboard(scope, k, budget, tabellen)
