"""Withdrawing the PIP at DUO once pip withdrew it here (`deletePipByBsn`), with the inburgeringsaanbod
the gemeente delivered from it (`deleteInburgeringsaanbod...`).

DUO deletes only its current PIP, the gemeente's own, only while the inburgeringstermijn is not set
and no course hours are registered (`validatie.pip_verwijderen_overtredingen`); the client reads DUO first
and sends nothing DUO would refuse. Each vastgesteld version was registered at DUO as the then current
PIP: DUO's current PIP is deleted as long as it is this gemeente's, at most once per version; a
previous gemeente's PIP that becomes current again is not this gemeente's to delete. A repeated attempt
finds what is left at DUO and goes on from there.
"""

import uuid
from contextlib import suppress
from typing import Any

from inburgering_shared.duo import validatie

from ..clients.duo import DuoClient, DuoNotFoundError, DuoValidationError
from ..clients.duo_models import PipGemeente
from .models import DuoDossier


def trek_pip_in(duo: DuoClient, dossier: DuoDossier, inhoud: dict[str, Any], bericht_id: uuid.UUID) -> None:
    actuele = _actuele_pip(duo, dossier)
    if actuele is not None:
        uren = [u.ParticipatieAlsTaalles_1 for u in duo.gevolgde_uren(dossier.bsn)]
        context = validatie.PipVerwijderContext(
            termijn_vastgesteld=_termijn_vastgesteld(duo, dossier),
            cursusdeelnameuren=sum(u.uren for u in uren if u is not None),
        )
        if overtredingen := validatie.pip_verwijderen_overtredingen(context):
            raise DuoValidationError(overtredingen)
    for poging in range(int(inhoud.get("versie", 1))):
        if actuele is None:
            break
        duo.trek_pip_in(dossier.bsn, uuid.uuid5(bericht_id, f"pip-{poging}") if poging else bericht_id)
        actuele = _actuele_pip(duo, dossier)
    aanbod = dossier.inburgeringsaanbod or {}
    if aanbod.get("instellingsnummer"):
        with suppress(DuoNotFoundError):  # withdrawn before (an earlier attempt of this write)
            duo.trek_inburgeringsaanbod_in(
                dossier.bsn, aanbod["instellingsnummer"], uuid.uuid5(bericht_id, "aanbod")
            )
        dossier.inburgeringsaanbod = None


def _actuele_pip(duo: DuoClient, dossier: DuoDossier) -> PipGemeente | None:
    """DUO's current PIP when it is this gemeente's (DUO's gemeentecode is the number without 'GM')."""
    try:
        actuele = duo.pip(dossier.bsn)
    except DuoNotFoundError:
        return None
    return actuele if actuele.gemeentecode == dossier.gemeentecode.removeprefix("GM") else None


def _termijn_vastgesteld(duo: DuoClient, dossier: DuoDossier) -> bool:
    try:
        duo.inburgeringstermijn(dossier.bsn)
    except DuoNotFoundError:
        return False
    return True
