"""Use cases of the signalen API: the work list per klantmanager, team, gemeente; a signal; its lifecycle."""

import uuid

from inburgering_shared.auth import Principal
from inburgering_shared.etag import check_if_match
from inburgering_shared.outbox import Outbox
from inburgering_shared.problems import Conflict, InvalidParam, NotFound, RuleViolation
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from . import lifecycle
from .models import Signaal
from .rules import Niveau
from .schemas import SignaalStatus


def get_signaal(session: Session, *, principal: Principal, signaal_id: uuid.UUID) -> Signaal:
    signaal = session.get(Signaal, signaal_id)
    if signaal is None or not principal.may_access(signaal.gemeentecode):
        raise NotFound("Signaal niet gevonden.")
    return signaal


def list_signalen(
    session: Session,
    *,
    principal: Principal,
    gemeentecode: str | None,
    klantmanager: str | None,
    team: str | None,
    niveau: Niveau | None,
    status: SignaalStatus | None,
    soort: str | None,
    inburgeraar: str | None,
    offset: int,
    limit: int,
) -> tuple[int, list[Signaal]]:
    query = select(Signaal)
    if (gemeenten := principal.gemeente_filter()) is not None:
        query = query.where(Signaal.gemeentecode.in_(gemeenten))
    filters = {
        Signaal.gemeentecode: gemeentecode,
        Signaal.klantmanager: klantmanager,
        Signaal.team: team,
        Signaal.niveau: niveau.value if niveau else None,
        Signaal.status: status.value if status else None,
        Signaal.soort: soort,
        Signaal.inburgeraar_url: inburgeraar,
    }
    for column, value in filters.items():
        if value is not None:
            query = query.where(column == value)
    count = session.scalar(select(func.count()).select_from(query.subquery())) or 0
    rows = session.scalars(query.order_by(Signaal.vervaldatum, Signaal.id).offset(offset).limit(limit))
    return count, list(rows)


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
