"""The bijstand periods recorded on a trajectory, read as rule values."""

from datetime import date

from ..trajecten.models import Traject
from .rules import Periode, ontzorgen_periode


def perioden(traject: Traject) -> list[Periode]:
    return [
        Periode(date.fromisoformat(p["start"]), date.fromisoformat(p["einde"]) if p["einde"] else None)
        for p in traject.bijstandsperioden or []
    ]


def einde_bijstand(traject: Traject) -> tuple[date, date | None] | None:
    """The start and end of the bijstand financieel ontzorgen follows, if bijstand is recorded."""
    periode = ontzorgen_periode(perioden(traject))
    return (periode.start, periode.einde) if periode else None
