"""Withdrawing a vastgesteld PIP: the intrekking is recorded as a besluit and announced on `pips`, so
trajectory withdraws the PIP and its inburgeringsaanbod at DUO."""

import uuid
from datetime import date

from inburgering_shared.auth import Principal
from inburgering_shared.contracts.events import Actie
from inburgering_shared.contracts.resources import PipStatus
from inburgering_shared.etag import check_if_match
from inburgering_shared.outbox import Outbox
from inburgering_shared.problems import Conflict, InvalidInput, InvalidParam, RuleViolation
from sqlalchemy.orm import Session

from ..beschikking.rules import bezwaartermijn_einde
from ..events import publish_pip
from ..pips.inhoud import vastgesteld_door
from ..pips.models import Pip
from ..pips.service import get_pip
from .rules import GRONDSLAG, Intrekkingsgrond, dagtekening_voor_besluit, niet_intrekbaar
from .schemas import Intrekking, IntrekkingRead


def kenmerk(pip_id: uuid.UUID) -> str:
    """The case reference of the intrekking, as a bezwaar against it can cite it."""
    return f"PIP-{pip_id}-intrekking"


def trek_in(
    session: Session,
    outbox: Outbox,
    *,
    api_url: str,
    principal: Principal,
    pip_id: uuid.UUID,
    intrekking: Intrekking,
    if_match: str | None,
) -> Pip:
    pip = get_pip(session, principal=principal, pip_id=pip_id)
    check_if_match(if_match, pip.rijversie)
    if (reden := niet_intrekbaar(PipStatus(pip.status))) is not None:
        raise Conflict(reden)
    if intrekking.dagtekening > date.today():
        raise InvalidInput(
            "Een besluit kan niet in de toekomst gedagtekend zijn.",
            invalid_params=[InvalidParam(name="dagtekening", code="toekomst", reason="na vandaag")],
        )
    assert pip.dagtekening is not None  # vastgesteld
    if dagtekening_voor_besluit(pip.dagtekening, intrekking.dagtekening):
        raise RuleViolation(
            f"De intrekking kan niet gedagtekend zijn voor het besluit dat zij intrekt"
            f" ({pip.dagtekening.isoformat()}).",
            invalid_params=[
                InvalidParam(name="dagtekening", code="VOOR_DAGTEKENING_PIP", reason="Awb art. 1:3")
            ],
        )
    pip.status = PipStatus.INGETROKKEN.value
    pip.ingetrokken_op = intrekking.dagtekening
    pip.intrekkingsgrond = intrekking.grond.value
    pip.intrekking_toelichting = intrekking.toelichting
    pip.ingetrokken_door = vastgesteld_door(principal)
    session.flush()
    publish_pip(session, outbox, api_url, pip, Actie.PIP_INGETROKKEN)
    return pip


def to_read(pip: Pip) -> IntrekkingRead | None:
    if pip.ingetrokken_op is None:
        return None
    assert pip.intrekkingsgrond and pip.intrekking_toelichting and pip.ingetrokken_door
    grond = Intrekkingsgrond(pip.intrekkingsgrond)
    return IntrekkingRead(
        grond=grond,
        grondslag=GRONDSLAG[grond],
        toelichting=pip.intrekking_toelichting,
        dagtekening=pip.ingetrokken_op,
        ingetrokkenDoor=pip.ingetrokken_door,
        kenmerk=kenmerk(pip.id),
        bezwaarTermijnEinde=bezwaartermijn_einde(pip.ingetrokken_op),
    )
