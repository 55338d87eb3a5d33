"""HTTP for signals: the work list of klantmanagers, teams and the gemeente, and a signal's lifecycle."""

import uuid
from typing import Annotated

from fastapi import APIRouter, Depends, Header, Query, Request, Response
from inburgering_shared.api import ApiUrl, DbSession, EventOutbox
from inburgering_shared.audit import audited_read
from inburgering_shared.auth import CASEWORK, Principal, Role, require
from inburgering_shared.contracts.resources import GEMEENTECODE_PATTERN
from inburgering_shared.etag import etag
from inburgering_shared.filters import InburgeraarFilter
from inburgering_shared.hot_routes import HotRoute
from inburgering_shared.pagination import Page, PageParams, make_page, page_params
from inburgering_shared.problems import NotFound, problem_responses
from inburgering_shared.strict import Tekst

from . import service
from .lifecycle import signaal_url
from .models import Signaal
from .repository import page_read, signaal_of, signaal_read
from .rules import Niveau
from .schemas import Oplossing, SignaalPatch, SignaalRead, SignaalStatus, Stap

router = APIRouter(prefix="/signalen", tags=["signalen"], route_class=HotRoute)

Readers = Annotated[Principal, Depends(require(*CASEWORK, Role.SERVICE))]


def to_read(api_url: str, s: Signaal) -> SignaalRead:
    return SignaalRead(
        url=signaal_url(api_url, s.id),
        uuid=s.id,
        soort=s.soort,
        deadline=s.deadline_url,
        deadlineSoort=s.deadline_soort,
        inburgeraar=s.inburgeraar_url,
        gemeentecode=s.gemeentecode,
        vervaldatum=s.vervaldatum,
        status=SignaalStatus(s.status),
        niveau=Niveau(s.niveau),
        klantmanager=s.klantmanager,
        team=s.team,
        geopendOp=s.geopend_op,
        aangemaakt=s.aangemaakt,
        geescaleerd=s.geescaleerd,
        erkend=Stap(door=s.erkend_door, op=s.erkend) if s.erkend_door and s.erkend else None,
        opgelost=(
            Oplossing(door=s.opgelost_door, op=s.opgelost, reden=s.oplossing or "")
            if s.opgelost_door and s.opgelost
            else None
        ),
    )


@router.get("", response_model=Page[SignaalRead], responses=problem_responses(400))
async def list_signalen(
    request: Request,
    principal: Readers,
    api_url: ApiUrl,
    params: Annotated[PageParams, Depends(page_params)],
    gemeentecode: Annotated[str | None, Query(pattern=GEMEENTECODE_PATTERN)] = None,
    klantmanager: Annotated[Tekst | None, Query(max_length=100)] = None,
    team: Annotated[Tekst | None, Query(max_length=100)] = None,
    niveau: Niveau | None = None,
    status: SignaalStatus | None = None,
    soort: Annotated[Tekst | None, Query(max_length=60)] = None,
    inburgeraar: InburgeraarFilter = None,
) -> Page[SignaalRead]:
    """The work list, by due date: filter on klantmanager, team, niveau (who it is for), status, soort
    and inburgeraar. Every dossier on the page is audited in the statement that reads it
    (audit.audited_read)."""
    filters = {
        "gemeenten": principal.gemeente_filter(),
        "gemeentecode": gemeentecode,
        "klantmanager": klantmanager,
        "team": team,
        "niveau": niveau.value if niveau else None,
        "status": status.value if status else None,
        "soort": soort,
        "inburgeraar": inburgeraar,
    }
    rows = await audited_read(request, *page_read(filters, offset=params.offset, limit=params.pageSize))
    answers = [to_read(api_url, signaal_of(r)) for r in rows if r.id is not None]
    return make_page(request, params, rows[0].totaal, answers)


@router.get("/{signaalId}", response_model=SignaalRead, responses=problem_responses(404))
async def get_signaal(
    signaalId: uuid.UUID, request: Request, response: Response, principal: Readers, api_url: ApiUrl
) -> SignaalRead:
    """The signal, read with its audit row in one statement (audit.audited_read)."""
    rows = await audited_read(request, *signaal_read(signaalId, principal.gemeente_filter()))
    if not rows:  # also another gemeente's: its existence is not ours to reveal
        raise NotFound("Signaal niet gevonden.")
    signaal = signaal_of(rows[0])
    response.headers["ETag"] = etag(signaal.versie)
    return to_read(api_url, signaal)


@router.patch(
    "/{signaalId}", response_model=SignaalRead, responses=problem_responses(400, 404, 409, 412, 422, 428)
)
def patch_signaal(
    signaalId: uuid.UUID,
    data: SignaalPatch,
    response: Response,
    session: DbSession,
    outbox: EventOutbox,
    api_url: ApiUrl,
    principal: Annotated[Principal, Depends(require(*CASEWORK))],
    if_match: Annotated[str | None, Header(alias="If-Match")] = None,
) -> SignaalRead:
    """Acknowledge (`erkend`: it stops escalating) or resolve (`opgelost`) a signal; If-Match required."""
    signaal = service.patch_signaal(
        session,
        outbox,
        api_url=api_url,
        principal=principal,
        signaal_id=signaalId,
        status=data.status,
        if_match=if_match,
    )
    response.headers["ETag"] = etag(signaal.versie)
    return to_read(api_url, signaal)
