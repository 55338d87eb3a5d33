"""Delivering the inburgeringsaanbod of a vastgesteld PIP to DUO (Inburgeringsaanbod API).

The PIP names the leerroute's aanbieder; DUO takes the aanbod only at an instelling it lists
(`GET /instellingen`), found by its instellingsnummer or its name. DUO keeps one aanbod per
instelling: once a version's aanbod is delivered at another instelling, the one at the previous
instelling is withdrawn.
"""

import uuid
from contextlib import suppress
from datetime import date
from typing import Any

from inburgering_shared.contracts.resources import Doelgroep
from inburgering_shared.duo import validatie
from inburgering_shared.duo.codes import leerroute_van_code

from ..clients.duo import DuoClient, DuoNotFoundError, DuoValidationError
from ..clients.duo_models import Inburgeringsaanbod, Instelling
from .models import DuoDossier


def lever_aanbod(duo: DuoClient, dossier: DuoDossier, inhoud: dict[str, Any], bericht_id: uuid.UUID) -> None:
    instelling = _instelling(duo.instellingen(), inhoud.get("aanbieder"))
    if inhoud.get("alfabetisering") is None:
        raise DuoValidationError(
            [
                _ontbreekt(
                    "ALFABETISERING_ONBEKEND", "Het PIP legt geen alfabetisering vast.", "alfabetisering"
                )
            ]
        )
    start = _datum(inhoud.get("start"))
    aanbod = Inburgeringsaanbod(
        datumInburgeringsaanbod=start,
        verwachteStartdatumOpleiding=start,
        verwachteEinddatumOpleiding=_datum(inhoud.get("einde")),
        indicatorAlfabetiseringsonderwijs=inhoud["alfabetisering"],
    )
    duo.lever_inburgeringsaanbod(
        dossier.bsn, instelling.instellingsnummer, aanbod, _context(duo, dossier, instelling), bericht_id
    )
    vorige = (dossier.inburgeringsaanbod or {}).get("instellingsnummer")
    if vorige is not None and vorige != instelling.instellingsnummer:
        with suppress(DuoNotFoundError):  # withdrawn before (an earlier attempt of this write)
            duo.trek_inburgeringsaanbod_in(dossier.bsn, vorige, uuid.uuid5(bericht_id, "intrekken"))
    dossier.inburgeringsaanbod = {
        "instellingsnummer": instelling.instellingsnummer,
        "instelling": instelling.naam,
        "pip": inhoud.get("pip"),
        "versie": inhoud.get("versie"),
    }


def _instelling(instellingen: list[Instelling], aanbieder: str | None) -> Instelling:
    if not aanbieder:
        raise DuoValidationError(
            [_ontbreekt("AANBIEDER_ONBEKEND", "Het PIP noemt geen aanbieder van de leerroute.", "aanbieder")]
        )
    gezocht = aanbieder.strip().casefold()
    for instelling in instellingen:
        if gezocht in (instelling.instellingsnummer.casefold(), instelling.naam.strip().casefold()):
            return instelling
    raise DuoValidationError(
        [
            _ontbreekt(
                "INSTELLING_ONBEKEND",
                f"De aanbieder van de leerroute ({aanbieder[:100]}) staat niet in DUO's lijst van"
                " instellingen.",
                "instellingsnummer",
            )
        ]
    )


def _context(duo: DuoClient, dossier: DuoDossier, instelling: Instelling) -> validatie.AanbodContext:
    try:
        actuele = duo.pip(dossier.bsn).pip
    except DuoNotFoundError:
        actuele = None
    detail = (dossier.doelgroep or {}).get("gedetailleerdeDoelgroep") or Doelgroep.OVERIG.value
    termijn = dossier.inburgeringstermijn or {}
    return validatie.AanbodContext(
        doelgroep=Doelgroep(detail),
        dagtekening_actuele_pip=actuele.dagtekeningPip if actuele else None,
        leerroute_actuele_pip=leerroute_van_code(actuele.leerroute) if actuele else None,
        bow_keurmerk=bool(instelling.indicatieBowKeurmerk),
        tst_keurmerk=bool(instelling.indicatieTstKeurmerk),
        termijn_start=_datum(termijn.get("startdatum")),
        termijn_einde=_datum(termijn.get("einddatum")),
    )


def _ontbreekt(code: str, melding: str, veld: str) -> validatie.Overtreding:
    return validatie.Overtreding("Inburgeringsaanbod", code, melding, veld, validatie.BRON_AANBOD)


def _datum(waarde: str | None) -> date | None:
    return date.fromisoformat(waarde) if waarde else None
