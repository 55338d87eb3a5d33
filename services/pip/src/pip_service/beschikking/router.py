"""HTTP for the beschikking letter of a vastgesteld PIP version.

HTML, or PDF on `Accept: application/pdf`.
"""

import uuid
from typing import Annotated

from fastapi import APIRouter, Depends, Header, Response
from inburgering_shared.api import DbSession
from inburgering_shared.auth import CASEWORK, Principal, require
from inburgering_shared.problems import problem_responses

from ..pips import service
from . import letter

router = APIRouter(prefix="/pips/{pipId}/versies/{versie}/beschikking", tags=["beschikking"])

Casework = Annotated[Principal, Depends(require(*CASEWORK))]
PDF = "application/pdf"


@router.get(
    "",
    response_class=Response,
    responses={
        200: {"content": {"text/html": {}, PDF: {}}, "description": "De brief, in HTML of als PDF"},
        **problem_responses(404),
    },
)
def get_beschikking(
    pipId: uuid.UUID,
    versie: int,
    principal: Casework,
    session: DbSession,
    accept: Annotated[str, Header()] = "text/html",
) -> Response:
    """The letter the inburgeraar receives for this version, in plain Dutch (B1)."""
    pip = service.get_pip(session, principal=principal, pip_id=pipId)
    gevonden = service.get_versie(session, principal=principal, pip_id=pipId, versie=versie)
    assert pip.dagtekening_eerste_pip is not None  # a version exists only once vastgesteld
    brief = letter.Brief(
        inhoud=gevonden.inhoud,
        versie=gevonden.versie,
        reden=gevonden.reden if gevonden.versie > 1 else None,
        gemeentecode=pip.gemeentecode,
        dagtekening_eerste_pip=pip.dagtekening_eerste_pip,
    )
    if PDF in accept:
        return Response(
            letter.pdf(brief),
            media_type=PDF,
            headers={"Content-Disposition": f'inline; filename="pip-{pipId}-versie-{versie}.pdf"'},
        )
    return Response(letter.html(brief), media_type="text/html; charset=utf-8")
