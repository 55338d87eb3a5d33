"""HTTP for bezwaar against a PIP."""

import uuid
from typing import Annotated

from fastapi import APIRouter, Depends
from inburgering_shared.api import DbSession
from inburgering_shared.auth import CASEWORK, Principal, require
from inburgering_shared.problems import problem_responses

from ..pips.models import Bezwaar as BezwaarRow
from . import service
from .schemas import Bezwaar, BezwaarBeslissing, BezwaarNieuw, Uitkomst

router = APIRouter(prefix="/pips/{pipId}/bezwaren", tags=["bezwaren"])

Casework = Annotated[Principal, Depends(require(*CASEWORK))]


def to_read(row: BezwaarRow) -> Bezwaar:
    return Bezwaar(
        uuid=row.id,
        versie=row.versie,
        ontvangen=row.ontvangen,
        gronden=row.gronden,
        tijdig=row.tijdig,
        uitkomst=Uitkomst(row.uitkomst) if row.uitkomst else None,
        besloten=row.besloten,
        toelichting=row.toelichting,
    )


@router.post("", response_model=Bezwaar, status_code=201, responses=problem_responses(400, 404, 409))
def registreer_bezwaar(
    pipId: uuid.UUID, nieuw: BezwaarNieuw, principal: Casework, session: DbSession
) -> Bezwaar:
    """Record a bezwaar against a version of the PIP; whether it came in on time is recorded with it."""
    return to_read(service.registreer_bezwaar(session, principal=principal, pip_id=pipId, nieuw=nieuw))


@router.get("", response_model=list[Bezwaar], responses=problem_responses(404))
def list_bezwaren(pipId: uuid.UUID, principal: Casework, session: DbSession) -> list[Bezwaar]:
    return [to_read(b) for b in service.list_bezwaren(session, principal=principal, pip_id=pipId)]


@router.post(
    "/{bezwaarId}/beslissing", response_model=Bezwaar, responses=problem_responses(400, 404, 409, 422)
)
def beslis_bezwaar(
    pipId: uuid.UUID,
    bezwaarId: uuid.UUID,
    beslissing: BezwaarBeslissing,
    principal: Casework,
    session: DbSession,
) -> Bezwaar:
    """Record the outcome; a gegrond bezwaar is followed by a change of the PIP (a new version)."""
    return to_read(
        service.beslis_bezwaar(
            session, principal=principal, pip_id=pipId, bezwaar_id=bezwaarId, beslissing=beslissing
        )
    )
