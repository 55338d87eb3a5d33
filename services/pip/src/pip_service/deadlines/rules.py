"""When the PIP must be vastgesteld (R2)."""

from dataclasses import dataclass
from datetime import date, timedelta

PIP_TERMIJN = timedelta(weeks=10)


@dataclass(frozen=True)
class PipDeadline:
    vervaldatum: date
    gestart_door: str
    regel: str


def pip_deadline(
    *,
    asielstatushouder: bool,
    datum_kennisgeving: date | None,
    datum_inschrijving_brp: date | None,
    pip_klok_duo: date | None = None,
) -> PipDeadline | None:
    """The date by which the PIP must be vastgesteld, or None while the clock has not started.

    The PIP is vastgesteld within 10 weeks after DUO's kennisgeving; if the
    person is not yet registered in the gemeente's BRP then, within 10 weeks
    after the BRP registration. For asielstatushouders the clock starts when
    they live in the gemeente: DUO's SS139 ("de termijn van 10 weken voor
    vaststellen leerroute is gestart", `pip_klok_duo`) says when; until DUO has
    notified it, the BRP registration marks it.
    Source: Besluit inburgering 2021 art. 5.3; DUO Gebeurtenissen SS139; seeds 002 and 004.
    """
    regel = "R2: Besluit inburgering 2021 art. 5.3"
    if asielstatushouder and pip_klok_duo is not None:
        return PipDeadline(pip_klok_duo + PIP_TERMIJN, "DUO SS139 (woont in de gemeente)", regel)
    if datum_inschrijving_brp is None:
        return None
    if asielstatushouder:
        return PipDeadline(
            datum_inschrijving_brp + PIP_TERMIJN, "inschrijving BRP (SS139 nog niet ontvangen)", regel
        )
    if datum_kennisgeving is None:
        return None
    if datum_kennisgeving >= datum_inschrijving_brp:
        return PipDeadline(datum_kennisgeving + PIP_TERMIJN, "kennisgeving DUO", regel)
    return PipDeadline(datum_inschrijving_brp + PIP_TERMIJN, "inschrijving BRP", regel)


VERLENGING_NA_INFORMATIE = timedelta(weeks=2)


def verlengde_vervaldatum(vervaldatum: date, informatie_ontvangen: date) -> date | None:
    """The extended deadline when the PIP waits for third-party information; None if it extends nothing.

    The PIP may then be vastgesteld at the latest 2 weeks after that
    information was received; the deadline never moves earlier.
    Source: Besluit inburgering 2021 art. 5.3; domain.md R3.
    """
    verlengd = informatie_ontvangen + VERLENGING_NA_INFORMATIE
    return verlengd if verlengd > vervaldatum else None
