"""Use cases of the signalen API: a signal and its lifecycle (the reads of the work list: repository)."""

import uuid

from inburgering_shared.auth import Principal
from inburgering_shared.etag import check_if_match
from inburgering_shared.outbox import Outbox
from inburgering_shared.problems import Conflict, InvalidParam, NotFound, RuleViolation
from sqlalchemy.orm import Session

from . import lifecycle
from .models import Signaal
from .schemas import SignaalStatus


def get_signaal(session: Session, *, principal: Principal, signaal_id: uuid.UUID) -> Signaal:
    signaal = session.get(Signaal, signaal_id)
    if signaal is None or not principal.may_access(signaal.gemeentecode):
        raise NotFound("Signaal niet gevonden.")
    return signaal


def patch_signaal(
    session: Session,
    outbox: Outbox,
    *,
    api_url: str,
    principal: Principal,
    signaal_id: uuid.UUID,
    status: SignaalStatus,
    if_match: str | None,
) -> Signaal:
    """A person acknowledges (open -> erkend) or resolves (open/erkend -> opgelost) a signal."""
    signaal = get_signaal(session, principal=principal, signaal_id=signaal_id)
    check_if_match(if_match, signaal.versie)
    door = principal.user_representation or principal.user_id or principal.client_id
    if signaal.status == SignaalStatus.OPGELOST.value:
        raise Conflict("Het signaal is al opgelost.")
    if status == SignaalStatus.ERKEND:
        if signaal.status == SignaalStatus.ERKEND.value:
            raise Conflict("Het signaal is al erkend.")
        lifecycle.acknowledge(session, outbox, api_url, signaal, door=door)
    elif status == SignaalStatus.OPGELOST:
        lifecycle.resolve(session, outbox, api_url, [(signaal, "handmatig")], door=door)
    else:
        raise RuleViolation(
            "Een signaal gaat niet terug naar open.",
            invalid_params=[
                InvalidParam(name="status", code="ongeldige-overgang", reason="alleen erkend of opgelost")
            ],
        )
    return signaal
