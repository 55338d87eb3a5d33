"""The letter of one vastgesteld version: its content, the person as registered, the gemeente's letterhead."""

import uuid

from inburgering_shared.auth import Principal
from inburgering_shared.http import ServiceClient
from inburgering_shared.problems import Conflict
from sqlalchemy.orm import Session

from ..instellingen.service import waarden
from ..pips import service
from .letter import Brief


def kenmerk(pip_id: uuid.UUID, versie: int) -> str:
    """The case reference on the letter: the PIP's id and the version, as a bezwaar can cite it."""
    return f"PIP-{pip_id}-{versie}"


def brief(
    session: Session, services: ServiceClient, *, principal: Principal, pip_id: uuid.UUID, versie: int
) -> Brief:
    pip = service.get_pip(session, principal=principal, pip_id=pip_id)
    gevonden = service.get_versie(session, principal=principal, pip_id=pip_id, versie=versie)
    assert pip.dagtekening_eerste_pip is not None  # a version exists only once vastgesteld
    briefhoofd = waarden(session, pip.gemeentecode).briefhoofd
    geadresseerde = service.geadresseerde(services, pip)
    if briefhoofd is None or geadresseerde.verblijfsadres is None:
        raise Conflict("Zonder briefhoofd van de gemeente en adres van de inburgeraar is er geen brief.")
    return Brief(
        inhoud=gevonden.inhoud,
        versie=gevonden.versie,
        reden=gevonden.reden if gevonden.versie > 1 else None,
        kenmerk=kenmerk(pip.id, gevonden.versie),
        doelgroep=pip.doelgroep,
        dagtekening_eerste_pip=pip.dagtekening_eerste_pip,
        advies=pip.advies,
        geadresseerde=geadresseerde,
        briefhoofd=briefhoofd,
    )
