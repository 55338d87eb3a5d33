"""Partner endpoint for COA (role coa only), and the klantmanager's view of what COA handed over."""

import uuid
from collections import Counter
from datetime import date
from typing import Annotated

from fastapi import APIRouter, Depends, Request, Response, status
from inburgering_shared.api import ApiUrl, DbSession, EventOutbox
from inburgering_shared.audit import Dossier, name_dossiers
from inburgering_shared.auth import CASEWORK, Principal, Role, require
from inburgering_shared.problems import Conflict, problem_responses
from inburgering_shared.route_guards import body_limit
from sqlalchemy.orm import Session

from ..events import inburgeraar_url
from ..toestemmingen.rules import Categorie, Doel
from ..toestemmingen.service import heeft_toestemming
from . import service
from .models import CoaOverdracht
from .schemas import (
    BULK_BODY_BYTES,
    BulkResultaat,
    CoaBulkAntwoord,
    CoaBulkOverdracht,
    CoaOverdrachtCreate,
    CoaOverdrachtDetail,
    CoaOverdrachtRead,
    Klantprofiel,
    Uitkomst,
)

router = APIRouter(tags=["coa-overdrachten"])

Coa = Annotated[Principal, Depends(require(Role.COA))]
Casework = Annotated[Principal, Depends(require(*CASEWORK))]


def to_read(api_url: str, overdracht: service.Vastgelegd) -> CoaOverdrachtRead:
    return CoaOverdrachtRead(
        url=f"{api_url}/coa-overdrachten/{overdracht.id}",
        uuid=overdracht.id,
        coaReferentie=overdracht.coa_referentie,
        versie=overdracht.versie,
        inburgeraar=inburgeraar_url(api_url, overdracht.inburgeraar_id),
    )


@router.post(
    "/coa-overdrachten",
    status_code=status.HTTP_201_CREATED,
    response_model=CoaOverdrachtRead,
    responses={200: {"model": CoaOverdrachtRead, "description": "Al ontvangen"}, **problem_responses(409)},
)
def ontvang_coa_overdracht(
    data: CoaOverdrachtCreate,
    principal: Coa,
    session: DbSession,
    outbox: EventOutbox,
    api_url: ApiUrl,
    response: Response,
) -> CoaOverdrachtRead:
    principal.check_gemeente(data.gemeentecode)
    [resultaat] = service.ontvang_coa_overdrachten(
        session, outbox, api_url=api_url, principal=principal, items=[data]
    )
    if resultaat.overdracht is None:
        raise Conflict(resultaat.fouten[0].reason, invalid_params=resultaat.fouten)
    read = to_read(api_url, resultaat.overdracht)
    response.status_code = (
        status.HTTP_201_CREATED if resultaat.uitkomst is Uitkomst.AANGEMAAKT else status.HTTP_200_OK
    )
    response.headers["Location"] = read.url
    return read


@router.post(
    "/coa-overdrachten/bulk", response_model=CoaBulkAntwoord, openapi_extra=body_limit(BULK_BODY_BYTES)
)
def ontvang_coa_overdrachten(
    data: CoaBulkOverdracht,
    principal: Coa,
    session: DbSession,
    outbox: EventOutbox,
    api_url: ApiUrl,
    request: Request,
) -> CoaBulkAntwoord:
    """Up to 5,000 handovers at once; the valid ones are stored, each invalid one reported by its position.

    The audit trail gets one row for every dossier a handover was stored in (once for a dossier two
    handovers of the same person went to), written with the handovers in the request's transaction."""
    items = service.valideer(data.overdrachten)
    resultaten = service.ontvang_coa_overdrachten(
        session, outbox, api_url=api_url, principal=principal, items=items
    )
    dossiers = {
        r.overdracht.inburgeraar_id: item.gemeentecode
        for item, r in zip(items, resultaten, strict=True)
        if r.overdracht is not None and isinstance(item, CoaOverdrachtCreate)
    }
    name_dossiers(
        request,
        [Dossier(inburgeraar_url(api_url, dossier), gemeente) for dossier, gemeente in dossiers.items()],
    )
    aantallen = Counter(r.uitkomst for r in resultaten)
    return CoaBulkAntwoord(
        aantallen={uitkomst: aantallen[uitkomst] for uitkomst in Uitkomst},
        resultaten=[
            BulkResultaat(
                positie=positie,
                uitkomst=r.uitkomst,
                overdracht=to_read(api_url, r.overdracht) if r.overdracht is not None else None,
                fouten=r.fouten,
            )
            for positie, r in enumerate(resultaten)
        ],
    )


def to_detail(session: Session, api_url: str, o: CoaOverdracht) -> CoaOverdrachtDetail:
    """A handover as the klantmanager sees it; health only while the person's consent holds."""
    profiel = Klantprofiel.model_validate(o.inhoud["klantprofiel"])
    afgeschermd = profiel.gezondheid is not None and not heeft_toestemming(
        session,
        inburgeraar_id=o.inburgeraar_id,
        categorie=Categorie.GEZONDHEID,
        doel=Doel.OVERDRACHT,
        peildatum=date.today(),
    )
    return CoaOverdrachtDetail(
        **to_read(api_url, service.Vastgelegd.van(o)).model_dump(exclude={"inburgeraar"}),
        ontvangen=o.ontvangen,
        datumKoppeling=o.inhoud["datumKoppeling"],
        klantprofiel=profiel.model_copy(update={"gezondheid": None}) if afgeschermd else profiel,
        gezondheidAfgeschermd=afgeschermd,
    )


@router.get(
    "/inburgeraars/{inburgeraarId}/coa-overdrachten",
    response_model=list[CoaOverdrachtDetail],
    responses=problem_responses(404),
)
def list_coa_overdrachten(
    inburgeraarId: uuid.UUID, principal: Casework, session: DbSession, api_url: ApiUrl
) -> list[CoaOverdrachtDetail]:
    """What COA handed over, with its date; health only while the person's consent holds."""
    overdrachten = service.coa_overdrachten_van(session, principal=principal, inburgeraar_id=inburgeraarId)
    return [to_detail(session, api_url, o) for o in overdrachten]


@router.get(
    "/coa-overdrachten/{coaOverdrachtId}",
    response_model=CoaOverdrachtDetail,
    responses=problem_responses(404),
)
def get_coa_overdracht(
    coaOverdrachtId: uuid.UUID, principal: Casework, session: DbSession, api_url: ApiUrl
) -> CoaOverdrachtDetail:
    overdracht = service.get_coa_overdracht(session, principal=principal, overdracht_id=coaOverdrachtId)
    return to_detail(session, api_url, overdracht)
