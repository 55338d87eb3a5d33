"""HTTP for signals: the work list of klantmanagers, teams and the gemeente."""

import uuid
from typing import Annotated

from fastapi import APIRouter, Depends, Query, Request

from inburgering_shared.api import ApiUrl, DbSession
from inburgering_shared.auth import CASEWORK, Principal, Role, require
from inburgering_shared.pagination import Page, PageParams, make_page, page_params
from inburgering_shared.problems import problem_responses

from . import service
from .models import Signaal
from .schemas import SignaalRead, SignaalStatus

router = APIRouter(prefix="/signalen", tags=["signalen"])

Readers = Annotated[Principal, Depends(require(*CASEWORK, Role.SERVICE))]


def to_read(api_url: str, s: Signaal) -> SignaalRead:
    return SignaalRead(
        url=service.signaal_url(api_url, s.id), uuid=s.id, soort=s.soort, deadline=s.deadline_url,
        deadlineSoort=s.deadline_soort, inburgeraar=s.inburgeraar_url, gemeentecode=s.gemeentecode,
        vervaldatum=s.vervaldatum, status=SignaalStatus(s.status), aangemaakt=s.aangemaakt,
    )


@router.get("", response_model=Page[SignaalRead])
def list_signalen(
    request: Request, principal: Readers, session: DbSession, api_url: ApiUrl,
    params: Annotated[PageParams, Depends(page_params)],
    status: SignaalStatus | None = None,
    soort: Annotated[str | None, Query(max_length=60)] = None,
) -> Page[SignaalRead]:
    count, rows = service.list_signalen(
        session, principal=principal, status=status.value if status else None, soort=soort,
        offset=params.offset, limit=params.pageSize,
    )
    return make_page(request, params, count, [to_read(api_url, s) for s in rows])


@router.get("/{signaalId}", response_model=SignaalRead, responses=problem_responses(404))
def get_signaal(signaalId: uuid.UUID, principal: Readers, session: DbSession, api_url: ApiUrl) -> SignaalRead:
    return to_read(api_url, service.get_signaal(session, principal=principal, signaal_id=signaalId))
