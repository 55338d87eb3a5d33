"""The one mapping between our names and DUO's codes.

Our APIs name leerroutes in full (`Leerroute`, contracts/resources.py); DUO's
PIP API uses one letter (schema `Leerroute`: B, O, Z). DUO's Inburgeringsplicht
API gives a detailed doelgroep (`GedetailleerdeDoelgroep`, our `Doelgroep`) and
a coarse one (`Doelgroepindeling`).
"""

from typing import Literal

from inburgering_shared.contracts.resources import Doelgroep, Leerroute

LeerrouteCode = Literal["B", "O", "Z"]
Doelgroepindeling = Literal["Asielstatushouder", "Gezinsmigrant en overige migrant"]

_LEERROUTE_CODES: dict[Leerroute, LeerrouteCode] = {
    Leerroute.B1: "B",
    Leerroute.ONDERWIJS: "O",
    Leerroute.Z: "Z",
}
_LEERROUTES: dict[str, Leerroute] = {code: leerroute for leerroute, code in _LEERROUTE_CODES.items()}


def leerroute_code(leerroute: Leerroute) -> LeerrouteCode:
    """DUO PIP API, schema `Leerroute`: B (B1-route), O (Onderwijsroute), Z (Z-route)."""
    return _LEERROUTE_CODES[leerroute]


def leerroute_van_code(code: str) -> Leerroute:
    """The leerroute DUO means by its code; ValueError for a code DUO does not define."""
    try:
        return _LEERROUTES[code]
    except KeyError:
        raise ValueError(f"DUO kent geen leerroutecode {code!r}") from None


def is_asielstatushouder(doelgroep: Doelgroep) -> bool:
    """Coarse split Asielstatushouder / Gezinsmigrant en overige migrant.

    Source: DUO Inburgeringsplicht API, `Doelgroepindeling` versus
    `GedetailleerdeDoelgroep`; domain.md (follow DUO's doelgroep value).
    """
    return doelgroep is Doelgroep.ASIELSTATUSHOUDER


def doelgroepindeling(doelgroep: Doelgroep) -> Doelgroepindeling:
    """DUO Inburgeringsplicht API, `Doelgroepindeling` of a detailed doelgroep."""
    return "Asielstatushouder" if is_asielstatushouder(doelgroep) else "Gezinsmigrant en overige migrant"
