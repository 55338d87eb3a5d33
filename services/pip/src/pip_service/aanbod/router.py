"""HTTP for the local offer catalogue (seed 000 routekaart, seed 004 menukaart)."""

import uuid
from typing import Annotated

from fastapi import APIRouter, Depends, Query, Request
from inburgering_shared.api import ApiUrl, DbSession
from inburgering_shared.auth import CASEWORK, Principal, Role, require
from inburgering_shared.contracts.brede_intake import Leefgebied
from inburgering_shared.contracts.resources import GEMEENTECODE_PATTERN
from inburgering_shared.pagination import Page, PageParams, make_page, page_params
from inburgering_shared.problems import problem_responses
from inburgering_shared.strict import Tekst

from . import repository, service
from .models import Activiteit as ActiviteitRow
from .schemas import Activiteit, ActiviteitNieuw, Stap, Taalniveau

router = APIRouter(prefix="/activiteiten", tags=["aanbod"])

PARTNERS = (Role.VLUCHTELINGENWERK, Role.TAALAANBIEDER, Role.BEHEER)
Catalogue = Annotated[Principal, Depends(require(*CASEWORK, *PARTNERS))]


def to_read(api_url: str, row: ActiviteitRow, bezet: int = 0) -> Activiteit:
    return Activiteit(
        url=f"{api_url}/activiteiten/{row.id}",
        uuid=row.id,
        gemeentecode=row.gemeentecode,
        aanbieder=row.aanbieder,
        titel=row.titel,
        omschrijving=row.omschrijving,
        stap=Stap(row.stap),
        leefgebieden=[Leefgebied(lg) for lg in service.leefgebieden_lijst(row.leefgebieden)],
        taalniveau=Taalniveau(row.taalniveau) if row.taalniveau else None,
        plaats=row.plaats,
        rooster=row.rooster,
        capaciteit=row.capaciteit,
        plaatsenBezet=bezet,
        gepubliceerdDoor=row.gepubliceerd_door,
        aangemaakt=row.aangemaakt,
    )


@router.post("", response_model=Activiteit, status_code=201, responses=problem_responses(400, 403))
def publiceer_activiteit(
    nieuw: ActiviteitNieuw,
    principal: Catalogue,
    session: DbSession,
    api_url: ApiUrl,
    gemeentecode: Annotated[str, Query(pattern=GEMEENTECODE_PATTERN)],
) -> Activiteit:
    """A partner publishes an activity in a gemeente it works for."""
    row = service.publiceer_activiteit(session, principal=principal, gemeentecode=gemeentecode, nieuw=nieuw)
    return to_read(api_url, row)


@router.get("", response_model=Page[Activiteit])
def zoek_activiteiten(
    request: Request,
    principal: Catalogue,
    session: DbSession,
    api_url: ApiUrl,
    params: Annotated[PageParams, Depends(page_params)],
    stap: Stap | None = None,
    leefgebied: Leefgebied | None = None,
    taalniveau: Annotated[Taalniveau | None, Query(description="Wat iemand op dit niveau kan volgen")] = None,
    zoekterm: Annotated[Tekst | None, Query(max_length=100, description="In titel of aanbieder")] = None,
) -> Page[Activiteit]:
    count, rows = service.zoek_activiteiten(
        session,
        principal=principal,
        stap=stap,
        leefgebied=leefgebied.value if leefgebied else None,
        taalniveau=taalniveau,
        tekst=zoekterm,
        offset=params.offset,
        limit=params.pageSize,
    )
    bezet = repository.bezetting(session, [r.id for r in rows])
    return make_page(request, params, count, [to_read(api_url, r, bezet.get(r.id, 0)) for r in rows])


@router.get("/{activiteitId}", response_model=Activiteit, responses=problem_responses(404))
def get_activiteit(
    activiteitId: uuid.UUID, principal: Catalogue, session: DbSession, api_url: ApiUrl
) -> Activiteit:
    row = service.get_activiteit(session, principal=principal, activiteit_id=activiteitId)
    return to_read(api_url, row, repository.bezetting(session, [row.id]).get(row.id, 0))
