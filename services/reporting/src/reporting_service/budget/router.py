from datetime import date
from typing import Annotated

from fastapi import APIRouter, Depends, Header, Path, Query, Response, status
from inburgering_shared.api import DbSession
from inburgering_shared.auth import Principal, Role, require
from inburgering_shared.contracts.resources import GEMEENTECODE_PATTERN, Leerroute
from inburgering_shared.etag import etag
from inburgering_shared.openapi import CREATES_OR_REPLACES
from inburgering_shared.problems import problem_responses

from ..scope import Monitoring
from . import service
from .schemas import (
    AANBIEDER_PATTERN,
    BudgetOverzicht,
    ContractRead,
    ContractWrite,
    SpukBudgetWrite,
    UitgaveWrite,
)

router = APIRouter(tags=["budget"])

Financien = Annotated[Principal, Depends(require(Role.REGISSEUR, Role.BELEID))]


IfMatch = Annotated[
    str | None, Header(alias="If-Match", description="De ETag die u las; weglaten bij een nieuwe")
]
Gemeentecode = Annotated[str, Path(pattern=GEMEENTECODE_PATTERN)]
Jaar = Annotated[int, Path(ge=2021, le=2100)]


@router.get(
    "/spuk-budgetten/{gemeentecode}/{jaar}",
    response_model=SpukBudgetWrite,
    responses=problem_responses(403, 404),
)
def get_budget(
    gemeentecode: Gemeentecode, jaar: Jaar, principal: Monitoring, session: DbSession, response: Response
) -> SpukBudgetWrite:
    """A gemeente's SPUK budget for a year, with the ETag to correct it."""
    budget = service.get_budget(session, principal=principal, gemeentecode=gemeentecode, jaar=jaar)
    response.headers["ETag"] = etag(budget.rijversie)
    return service.budget_read(budget)


@router.put(
    "/spuk-budgetten",
    response_model=SpukBudgetWrite,
    responses=problem_responses(403, 412, 428),
    openapi_extra=CREATES_OR_REPLACES,
)
def zet_budget(
    data: SpukBudgetWrite,
    principal: Financien,
    session: DbSession,
    response: Response,
    if_match: IfMatch = None,
) -> SpukBudgetWrite:
    """Record (no If-Match) or correct (If-Match: its ETag) a gemeente's SPUK budget for a year."""
    budget = service.zet_budget(session, principal=principal, data=data, if_match=if_match)
    response.headers["ETag"] = etag(budget.rijversie)
    return service.budget_read(budget)


@router.get(
    "/aanbiedercontracten/{gemeentecode}/{jaar}/{taalaanbieder}/{leerroute}",
    response_model=ContractRead,
    responses=problem_responses(403, 404),
)
def get_contract(
    gemeentecode: Gemeentecode,
    jaar: Jaar,
    taalaanbieder: Annotated[str, Path(max_length=60, pattern=AANBIEDER_PATTERN)],
    leerroute: Leerroute,
    principal: Monitoring,
    session: DbSession,
    response: Response,
) -> ContractRead:
    """The price agreed with a taalaanbieder for a route and year, with the ETag to correct it."""
    contract = service.get_contract(
        session,
        principal=principal,
        gemeentecode=gemeentecode,
        jaar=jaar,
        taalaanbieder=taalaanbieder,
        leerroute=leerroute,
    )
    response.headers["ETag"] = etag(contract.rijversie)
    return service.contract_read(contract)


@router.put(
    "/aanbiedercontracten",
    response_model=ContractRead,
    responses=problem_responses(403, 412, 428),
    openapi_extra=CREATES_OR_REPLACES,
)
def zet_contract(
    data: ContractWrite,
    principal: Financien,
    session: DbSession,
    response: Response,
    if_match: IfMatch = None,
) -> ContractRead:
    """Record (no If-Match) or correct (If-Match: its ETag) the price per trajectory agreed with a
    taalaanbieder for a route and year."""
    contract = service.zet_contract(session, principal=principal, data=data, if_match=if_match)
    response.headers["ETag"] = etag(contract.rijversie)
    return service.contract_read(contract)


@router.post(
    "/uitgaven",
    status_code=status.HTTP_201_CREATED,
    response_model=UitgaveWrite,
    responses={
        200: {"model": UitgaveWrite, "description": "Bestond al (zelfde kenmerk)"},
        **problem_responses(403),
    },
)
def registreer_uitgave(
    data: UitgaveWrite, principal: Financien, session: DbSession, response: Response
) -> UitgaveWrite:
    """Record an amount paid out of the budget; idempotent on the invoice's kenmerk."""
    uitgave, created = service.registreer_uitgave(session, principal=principal, data=data)
    response.status_code = status.HTTP_201_CREATED if created else status.HTTP_200_OK
    return uitgave


@router.get("/budget", response_model=BudgetOverzicht, responses=problem_responses(403))
def budget_overzicht(
    principal: Monitoring,
    session: DbSession,
    gemeentecode: Annotated[str, Query(pattern=GEMEENTECODE_PATTERN)],
    jaar: Annotated[int, Query(ge=2021, le=2100)],
) -> BudgetOverzicht:
    """Budget, committed, spent and forecast of a gemeente for a year, per taalaanbieder and route."""
    principal.check_gemeente(gemeentecode)
    return service.budget_overzicht(session, gemeentecode=gemeentecode, jaar=jaar, vandaag=date.today())
