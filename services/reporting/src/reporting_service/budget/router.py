from datetime import date
from typing import Annotated

from fastapi import APIRouter, Depends, Query, Response, status
from inburgering_shared.api import DbSession
from inburgering_shared.auth import Principal, Role, require
from inburgering_shared.contracts.resources import GEMEENTECODE_PATTERN
from inburgering_shared.problems import problem_responses

from ..scope import Monitoring
from . import service
from .schemas import BudgetOverzicht, ContractRead, ContractWrite, SpukBudgetWrite, UitgaveWrite

router = APIRouter(tags=["budget"])

Financien = Annotated[Principal, Depends(require(Role.REGISSEUR, Role.BELEID))]


@router.put("/spuk-budgetten", response_model=SpukBudgetWrite, responses=problem_responses(403))
def zet_budget(data: SpukBudgetWrite, principal: Financien, session: DbSession) -> SpukBudgetWrite:
    """Record (or correct) a gemeente's SPUK budget for a year."""
    return service.zet_budget(session, principal=principal, data=data)


@router.put("/aanbiedercontracten", response_model=ContractRead, responses=problem_responses(403))
def zet_contract(data: ContractWrite, principal: Financien, session: DbSession) -> ContractRead:
    """Record (or correct) the price per trajectory agreed with a taalaanbieder for a route and year."""
    return service.zet_contract(session, principal=principal, data=data)


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
