"""Why a value DUO holds changed: DUO's history of the plicht, the doelgroep and the termijn, read from
DUO when a klantmanager asks (the `/historie` operations; DUO is the source, nothing is stored here).

DUO's answer comes as DUO gives it, newest first as DUO orders it; the termijn's history names DUO's
verlengingsgrond of each extension (code and omschrijving). DUO's errors are given in words: DUO not
reachable (503), DUO refusing the question or answering outside its contract (502); a person DUO holds
no history of has an empty history.
"""

from collections.abc import Callable
from enum import StrEnum
from typing import Any

from inburgering_shared.bsn import mask_bsns
from inburgering_shared.problems import BadGateway, ServiceUnavailable

from ..clients.duo import DuoClient, DuoContractError, DuoError, DuoNotFoundError, DuoUnavailableError
from .models import DuoDossier


class Historiegegeven(StrEnum):
    INBURGERINGSPLICHT = "inburgeringsplicht"
    DOELGROEP = "doelgroep"
    INBURGERINGSTERMIJN = "inburgeringstermijn"


LEZERS: dict[Historiegegeven, tuple[Callable[[DuoClient, str], list[Any]], str]] = {
    Historiegegeven.INBURGERINGSPLICHT: (
        DuoClient.inburgeringsplicht_historie,
        "DUO Inburgeringsplicht API, getInburgeringsplichthistorieByBsn",
    ),
    Historiegegeven.DOELGROEP: (
        DuoClient.doelgroep_historie,
        "DUO Inburgeringsplicht API, getDoelgroephistorieByBsn",
    ),
    Historiegegeven.INBURGERINGSTERMIJN: (
        DuoClient.inburgeringstermijn_historie,
        "DUO Inburgeringstermijn API, getInburgeringstermijnhistorieByBsn",
    ),
}


def huidig(dossier: DuoDossier, gegeven: Historiegegeven) -> dict[str, Any] | None:
    """The value as last read from DUO (the dossier's)."""
    waarde: dict[str, Any] | None = getattr(dossier, gegeven.value)
    return waarde


def lees_historie(
    duo: DuoClient, dossier: DuoDossier, gegeven: Historiegegeven
) -> tuple[list[dict[str, Any]], str]:
    """DUO's history of the value and the operation it came from."""
    lees, bron = LEZERS[gegeven]
    try:
        historie = lees(duo, dossier.bsn)
    except DuoNotFoundError:
        return [], bron
    except DuoUnavailableError as fout:
        raise ServiceUnavailable(
            f"DUO is niet bereikbaar voor de historie ({gegeven.value}); probeer het later."
        ) from fout
    except DuoContractError as fout:
        raise BadGateway(mask_bsns(str(fout))) from fout
    except DuoError as fout:
        reden = "; ".join(fout.fouttekst) or f"status {fout.status_code}"
        raise BadGateway(mask_bsns(f"DUO beantwoordde de vraag naar de historie niet: {reden}")) from fout
    return [h.model_dump(mode="json", exclude_none=True, by_alias=True) for h in historie], bron
