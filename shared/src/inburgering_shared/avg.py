"""AVG rights in every service: inzage (art. 15 AVG) and the retention purge (art. 5(1)(e) AVG).

`POST /v1/avg/inzage` with the dossier URL answers everything this service holds
on that person, found generically in the service's own database (`person_rows`).
The caller must serve the dossier's gemeente. `inburgering_shared.avg_export` gathers the
answers of all services.

`POST /v1/avg/opschonen` purges or anonymises what is past its retention period,
per category of personal data the service holds (`retention`). The scheduler's job
calls it daily on every service; running it twice removes nothing more.

Correction (art. 16 AVG) goes through the owning service's edit endpoints (for
the person's facts: `PATCH /v1/inburgeraars/{id}` in intake, with If-Match); the
change travels to the other services as an `update` event.
"""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Depends, Request
from fastapi.encoders import jsonable_encoder
from pydantic import BaseModel, Field

from .api import DbSession
from .auth import Principal, Role, require
from .db import utcnow
from .person_rows import rows_about
from .problems import NotFound, problem_responses
from .retention import GEDEELD, purge
from .strict import Tekst

router = APIRouter(prefix="/avg", tags=["avg"])
Privacy = Annotated[Principal, Depends(require(Role.BEHEER, Role.SERVICE))]
Purgers = Annotated[Principal, Depends(require(Role.SCHEDULER, Role.BEHEER))]


class InzageVraag(BaseModel):
    inburgeraar: Tekst = Field(min_length=1, max_length=300, description="URL van het dossier (intake)")


class Inzage(BaseModel):
    bron: str = Field(description="De dienst die deze gegevens bewaart")
    inburgeraar: str
    gegevens: dict[str, list[dict[str, Any]]] = Field(description="Per tabel de rijen over deze persoon")


class Opschoning(BaseModel):
    verwijderd: dict[str, int] = Field(
        description="Per categorie het aantal verwijderde rijen, of verwijderde of geanonimiseerde dossiers"
    )


def _served(found: dict[str, list[dict[str, Any]]], principal: Principal) -> bool:
    gemeenten = {row["gemeentecode"] for rows in found.values() for row in rows if row.get("gemeentecode")}
    return any(principal.may_access(code) for code in gemeenten)


@router.post("/inzage", response_model=Inzage, responses=problem_responses(404))
def inzage(vraag: InzageVraag, request: Request, principal: Privacy, session: DbSession) -> Inzage:
    """Everything this service holds on one person (AVG art. 15), for the gemeente's privacy desk."""
    found = rows_about(session, vraag.inburgeraar)
    if not found or not _served(found, principal):
        raise NotFound("Deze dienst bewaart niets over dit dossier voor uw gemeente.")
    return Inzage(bron=request.app.title, inburgeraar=vraag.inburgeraar, gegevens=jsonable_encoder(found))


@router.post("/opschonen", response_model=Opschoning)
def opschonen(request: Request, principal: Purgers, session: DbSession) -> Opschoning:
    """Purge or anonymise what is past its retention period (the scheduler's daily job; safe to repeat)."""
    categorieen = (*GEDEELD, *request.app.state.bewaartermijnen)
    return Opschoning(verwijderd=purge(session, utcnow(), categorieen, request.app.state.settings.api_url))
