"""How trajectory's own facts read as the reporting contracts (inburgering_shared.contracts.reporting_inputs).

Sources: DUO's Examen API (Examen.openapi.yml: `resultaat` Geslaagd/Gezakt/Geen, `onderdeel`
KNM/LE/LU/SC/SP) and Inburgeringsplicht API (Inburgeringsplicht.openapi.yml: no plicht any more with
`redenGeenInburgeringsplicht` "Inburgeringsplicht voldaan"; `einddatum` ends the period, inclusive);
Gebeurtenissen.md SS106-SS108 (plicht voldaan) and SS199 (uitslag examen bekend).
"""

from dataclasses import dataclass
from datetime import date
from decimal import ROUND_HALF_UP, Decimal
from typing import Any

from inburgering_shared.contracts.reporting_inputs import ExamenResultaat, HandhavingSoort

ONDERDELEN = {"LE": "Lezen", "LU": "Luisteren", "SC": "Schrijven", "SP": "Spreken", "KNM": "KNM"}
"""DUO's examenonderdeel codes as the contract names them."""

_RESULTATEN = {"Geslaagd": ExamenResultaat.BEHAALD, "Gezakt": ExamenResultaat.NIET_BEHAALD}

HANDHAVING_SOORTEN = {
    "schriftelijke-waarschuwing": HandhavingSoort.WAARSCHUWING,
    "boete": HandhavingSoort.BOETE,
}
"""The decisions reporting counts (R15); a hoorzitting is a step towards them, not a decision."""

TAALVAARDIGHEDEN = ("lezen", "luisteren", "schrijven", "spreken")
NIVEAUS = ("A0", "A1", "A2", "B1", "B2")


def examen_resultaat(duo_resultaat: str) -> ExamenResultaat | None:
    """DUO's `Geen` (absent, afgemeld: no outcome) is no exam result to report."""
    return _RESULTATEN.get(duo_resultaat)


def plicht_voldaan_op(inburgeringsplicht: dict[str, Any] | None) -> date | None:
    """The day the plicht was met according to DUO: the end of the plicht period, else the day DUO
    changed it; None while DUO does not say the plicht was met."""
    plicht = inburgeringsplicht or {}
    if plicht.get("indicatorInburgeringsplicht") or (
        plicht.get("redenGeenInburgeringsplicht") != "Inburgeringsplicht voldaan"
    ):
        return None
    datum = plicht.get("einddatum") or plicht.get("wijzigingsdatum")
    return date.fromisoformat(datum) if datum else None


def hele_euros(bedrag: Decimal | None) -> int | None:
    """The contract counts boetes in whole euros (rounded half up)."""
    return int(bedrag.quantize(Decimal(1), rounding=ROUND_HALF_UP)) if bedrag is not None else None


@dataclass(frozen=True)
class Maandrapport:
    maand: str
    uren_gevolgd: int
    aanwezigheid_procent: int
    vaardigheden: list[dict[str, str]]


@dataclass(frozen=True)
class Cumulatief:
    peildatum: date
    uren_gepland: int
    uren_aanwezig: int
    niveau_behaald: str | None


def uren_gepland(uren_gevolgd: int, aanwezigheid_procent: int) -> int:
    """A month's planned hours, from the hours followed and the attendance it is a percentage of
    (the report does not carry them itself). At 0% attendance nothing followed tells the plan: 0."""
    if aanwezigheid_procent == 0:
        return 0
    return int((Decimal(uren_gevolgd * 100) / aanwezigheid_procent).quantize(Decimal(1), ROUND_HALF_UP))


def niveau_behaald(vaardigheden: list[dict[str, str]]) -> str | None:
    """The level reached: the lowest over the four language skills, once all four are reported and
    above A0."""
    per_vaardigheid = {v["vaardigheid"]: v["niveau"] for v in vaardigheden}
    if any(v not in per_vaardigheid for v in TAALVAARDIGHEDEN):
        return None
    laagste = min((per_vaardigheid[v] for v in TAALVAARDIGHEDEN), key=NIVEAUS.index)
    return None if laagste == "A0" else laagste


def cumulatief(rapporten: list[Maandrapport]) -> Cumulatief:
    """One taalaanbieder's monthly reports (at least one) as the cumulative report reporting reads:
    the hours summed, the level of the latest month, dated the last day of that month."""
    laatste = max(rapporten, key=lambda r: r.maand)
    jaar, maand = (int(deel) for deel in laatste.maand.split("-"))
    volgende = date(jaar + maand // 12, maand % 12 + 1, 1)
    return Cumulatief(
        peildatum=date.fromordinal(volgende.toordinal() - 1),
        uren_gepland=sum(uren_gepland(r.uren_gevolgd, r.aanwezigheid_procent) for r in rapporten),
        uren_aanwezig=sum(r.uren_gevolgd for r in rapporten),
        niveau_behaald=niveau_behaald(laatste.vaardigheden),
    )
