"""HTTP for the consent register (casework roles of the dossier's gemeente)."""

import uuid
from datetime import date
from typing import Annotated

from fastapi import APIRouter, Depends, status
from inburgering_shared.api import ApiUrl, DbSession
from inburgering_shared.auth import CASEWORK, Principal, require
from inburgering_shared.problems import problem_responses

from ..events import inburgeraar_url
from . import service
from .models import Toestemming
from .rules import Bron, Categorie, Doel
from .schemas import Intrekking, ToestemmingCreate, ToestemmingRead

router = APIRouter(prefix="/inburgeraars/{inburgeraarId}/toestemmingen", tags=["toestemmingen"])

Casework = Annotated[Principal, Depends(require(*CASEWORK))]


def to_read(api_url: str, t: Toestemming) -> ToestemmingRead:
    dossier = inburgeraar_url(api_url, t.inburgeraar_id)
    return ToestemmingRead(
        url=f"{dossier}/toestemmingen/{t.id}",
        uuid=t.id,
        inburgeraar=dossier,
        categorie=Categorie(t.categorie),
        doel=Doel(t.doel),
        datum=t.datum,
        bron=Bron(t.bron),
        ingetrokkenOp=t.ingetrokken_op,
        geldig=service.geldig(t, date.today()),
        aangemaakt=t.aangemaakt,
    )


@router.post(
    "", status_code=status.HTTP_201_CREATED, response_model=ToestemmingRead, responses=problem_responses(404)
)
def registreer_toestemming(
    inburgeraarId: uuid.UUID,
    data: ToestemmingCreate,
    principal: Casework,
    session: DbSession,
    api_url: ApiUrl,
) -> ToestemmingRead:
    toestemming = service.registreer_toestemming(
        session, principal=principal, inburgeraar_id=inburgeraarId, data=data
    )
    return to_read(api_url, toestemming)


@router.get("", response_model=list[ToestemmingRead], responses=problem_responses(404))
def list_toestemmingen(
    inburgeraarId: uuid.UUID, principal: Casework, session: DbSession, api_url: ApiUrl
) -> list[ToestemmingRead]:
    rows = service.list_toestemmingen(session, principal=principal, inburgeraar_id=inburgeraarId)
    return [to_read(api_url, t) for t in rows]


@router.post(
    "/{toestemmingId}/intrekken", response_model=ToestemmingRead, responses=problem_responses(404, 409)
)
def trek_toestemming_in(
    inburgeraarId: uuid.UUID,
    toestemmingId: uuid.UUID,
    data: Intrekking,
    principal: Casework,
    session: DbSession,
    api_url: ApiUrl,
) -> ToestemmingRead:
    toestemming = service.trek_toestemming_in(
        session, principal=principal, inburgeraar_id=inburgeraarId, toestemming_id=toestemmingId, data=data
    )
    return to_read(api_url, toestemming)
