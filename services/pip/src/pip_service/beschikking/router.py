"""HTTP for the beschikking letter of a vastgesteld PIP version.

HTML, or PDF on `Accept: application/pdf`. The person's name and address are read from intake
(as registered) when the letter is made; the gemeente's letterhead from the settings.
"""

import uuid
from typing import Annotated

from fastapi import APIRouter, Depends, Header, Response
from inburgering_shared.api import DbSession, Services
from inburgering_shared.auth import CASEWORK, Principal, require
from inburgering_shared.bounds import VersiePad
from inburgering_shared.problems import problem_responses

from . import letter, service

router = APIRouter(prefix="/pips/{pipId}/versies/{versie}/beschikking", tags=["beschikking"])

Casework = Annotated[Principal, Depends(require(*CASEWORK))]
PDF = "application/pdf"


@router.get(
    "",
    response_class=Response,
    responses={
        200: {"content": {"text/html": {}, PDF: {}}, "description": "De brief, in HTML of als PDF"},
        **problem_responses(404, 409, 503),
    },
)
def get_beschikking(
    pipId: uuid.UUID,
    versie: VersiePad,
    principal: Casework,
    session: DbSession,
    services: Services,
    accept: Annotated[str, Header()] = "text/html",
) -> Response:
    """The letter the inburgeraar receives for this version, in plain Dutch (B1)."""
    brief = service.brief(session, services, principal=principal, pip_id=pipId, versie=versie)
    if PDF in accept:
        return Response(
            letter.pdf(brief),
            media_type=PDF,
            headers={"Content-Disposition": f'inline; filename="pip-{pipId}-versie-{versie}.pdf"'},
        )
    return Response(letter.html(brief), media_type="text/html; charset=utf-8")
