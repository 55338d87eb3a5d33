"""What the gemeente does with DUO's gebeurtenissen, and how the sync retries, as pure functions.

Sources: DUO's Gebeurtenissen.md (the "Relevante API's" column per gebeurtenisId; SS120/SS121:
the person settled here, the dossier moves) and Interactiepatronen.md (notify-then-pull: a
notification says something changed; the gemeente reads the resource); domain.md R2 (SS139
starts the PIP clock for asielstatushouders), R4/R5
(DUO holds the termijn and its extensions).
"""

from datetime import date, datetime, timedelta
from enum import StrEnum
from zoneinfo import ZoneInfo

from inburgering_shared.duo.gebeurtenissen import Gebeurtenis

NEDERLAND = ZoneInfo("Europe/Amsterdam")


class Lezen(StrEnum):
    """The DUO resources the gemeente reads after a notification."""

    INBURGERINGSPLICHT = "inburgeringsplicht"
    DOELGROEP = "doelgroep"
    INBURGERINGSTERMIJN = "inburgeringstermijn"
    EXAMENRESULTATEN = "examenresultaten"
    LEERBAARHEIDSTOETS = "leerbaarheidstoets"
    VRIJSTELLINGEN = "vrijstellingen"
    ONTHEFFINGEN = "ontheffingen"
    EXAMENNUMMER = "examennummer"
    GRATIS_POGINGEN = "gratis_pogingen"


_PLICHT = (Lezen.INBURGERINGSPLICHT, Lezen.DOELGROEP)
_NIEUW = (*_PLICHT, Lezen.EXAMENRESULTATEN)

TE_LEZEN: dict[Gebeurtenis, tuple[Lezen, ...]] = {
    # Nieuwe inburgeringsplichtige / wijziging van gemeente: Inburgeringsplicht, Examenresultaten.
    Gebeurtenis.SS101: _NIEUW,
    Gebeurtenis.SS128: _NIEUW,
    Gebeurtenis.SS139: _NIEUW,
    Gebeurtenis.SS120: _NIEUW,
    Gebeurtenis.SS121: (*_NIEUW, Lezen.INBURGERINGSTERMIJN),
    Gebeurtenis.SS129: (*_NIEUW, Lezen.VRIJSTELLINGEN),
    # Wijziging doelgroep.
    Gebeurtenis.SS124: _PLICHT,
    Gebeurtenis.SS125: _PLICHT,
    # Intrekken inburgeringsplicht.
    Gebeurtenis.SS109: (*_PLICHT, Lezen.VRIJSTELLINGEN),
    Gebeurtenis.SS110: _PLICHT,
    Gebeurtenis.SS111: _PLICHT,
    # Inburgeringsplicht voldaan.
    Gebeurtenis.SS106: _PLICHT,
    Gebeurtenis.SS107: (*_PLICHT, Lezen.VRIJSTELLINGEN),
    Gebeurtenis.SS108: (*_PLICHT, Lezen.ONTHEFFINGEN),
    # Leerroute en termijn vastgesteld.
    # Aangemeld voor de leerbaarheidstoets: the examennummer it is taken under.
    Gebeurtenis.SS137: (Lezen.LEERBAARHEIDSTOETS, Lezen.EXAMENNUMMER),
    Gebeurtenis.SS131: (Lezen.LEERBAARHEIDSTOETS,),
    Gebeurtenis.SS102: (Lezen.INBURGERINGSTERMIJN,),
    # Examenresultaten.
    # Uitslag examen bekend (Examen API): the results and the free attempts left.
    Gebeurtenis.SS199: (Lezen.EXAMENRESULTATEN, Lezen.GRATIS_POGINGEN),
    # Termijn gewijzigd (R5: DUO extends the termijn).
    Gebeurtenis.SS103: (Lezen.INBURGERINGSTERMIJN,),
    Gebeurtenis.SS104: (Lezen.INBURGERINGSTERMIJN,),
    Gebeurtenis.SS130: (*_NIEUW, Lezen.INBURGERINGSTERMIJN, Lezen.VRIJSTELLINGEN),
    # Verzoeken inburgeraar.
    Gebeurtenis.SS113: (Lezen.INBURGERINGSTERMIJN,),
    Gebeurtenis.SS114: (Lezen.VRIJSTELLINGEN,),
    Gebeurtenis.SS115: (Lezen.VRIJSTELLINGEN,),
    Gebeurtenis.SS116: (Lezen.VRIJSTELLINGEN,),
    Gebeurtenis.SS117: (Lezen.VRIJSTELLINGEN, Lezen.EXAMENRESULTATEN),
    Gebeurtenis.SS118: (Lezen.ONTHEFFINGEN,),
    Gebeurtenis.SS119: (Lezen.ONTHEFFINGEN, Lezen.EXAMENRESULTATEN),
}


def te_lezen(gebeurtenis_id: str) -> tuple[Lezen, ...]:
    """The resources to read after DUO's notification; nothing for a code DUO has not published.

    Source: Gebeurtenissen.md, column "Relevante API's" (the APIs of other parties, such as
    "Beoordeling aanvraag verlenging", are not read: the gemeente has no client for them).
    """
    gebeurtenis = Gebeurtenis.van_code(gebeurtenis_id)
    return TE_LEZEN[gebeurtenis] if gebeurtenis else ()


def start_pip_klok(gebeurtenis_id: str, registratie: datetime) -> date | None:
    """SS139 starts the 10-week PIP clock on the day DUO registered it (Dutch date).

    Source: Gebeurtenissen.md SS139 ("de termijn van 10 weken voor vaststellen leerroute is
    gestart"); domain.md R2.
    """
    if gebeurtenis_id != Gebeurtenis.SS139:
        return None
    return registratie.astimezone(NEDERLAND).date()


VESTIGING = frozenset({Gebeurtenis.SS120, Gebeurtenis.SS121})


def is_vestiging(gebeurtenis_id: str) -> bool:
    """SS120/SS121: the person settled in this gemeente (without a PIP, or with the previous
    gemeente's PIP); the dossier moves here from the gemeente it was in.

    Source: Gebeurtenissen.md SS120 ("Inburgeringsplichtige in gemeente gevestigd zonder PIP") and
    SS121 ("... met PIP vorige gemeente").
    """
    return Gebeurtenis.van_code(gebeurtenis_id) in VESTIGING


def volgende_poging(pogingen: int, nu: datetime, max_backoff_seconden: float) -> datetime:
    """Capped exponential backoff: 2, 4, 8, ... seconds after the n-th failed attempt."""
    return nu + timedelta(seconds=min(max_backoff_seconden, 2.0 ** max(pogingen, 1)))
