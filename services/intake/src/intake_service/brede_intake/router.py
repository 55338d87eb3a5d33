"""HTTP for the brede intake: casework roles edit it, the services (pip) read it."""

import uuid
from datetime import date
from typing import Annotated

from fastapi import APIRouter, Depends, Header, Query, Request, Response, status
from inburgering_shared.api import ApiUrl, DbSession, EventOutbox
from inburgering_shared.auth import CASEWORK, Principal, Role, require
from inburgering_shared.contracts.brede_intake import (
    GEZONDHEIDSLEEFGEBIEDEN,
    BredeIntakeStatus,
    Leefgebied,
    LeefgebiedBevinding,
    Leerbaarheidstoets,
)
from inburgering_shared.contracts.resources import Doelgroep
from inburgering_shared.etag import etag
from inburgering_shared.filters import InburgeraarFilter
from inburgering_shared.pagination import Page, PageParams, make_page, page_params
from inburgering_shared.problems import problem_responses
from inburgering_shared.strict import Tekst
from sqlalchemy.orm import Session

from ..events import brede_intake_url, inburgeraar_url
from ..inburgeraars.models import Inburgeraar
from ..inburgeraars.schemas import Tegenstrijdigheid
from . import rules, service
from .models import BredeIntake
from .prefill import profiel_van
from .schemas import (
    Achtergrond,
    BredeIntakeCreate,
    BredeIntakeRead,
    BredeIntakeUpdate,
    Deelnemer,
    Ontbrekend,
)

router = APIRouter(prefix="/brede-intakes", tags=["brede-intakes"])

Casework = Annotated[Principal, Depends(require(*CASEWORK))]
Readers = Annotated[Principal, Depends(require(*CASEWORK, Role.SERVICE))]
IfMatch = Annotated[str | None, Header(alias="If-Match")]


def to_read(session: Session, api_url: str, intake: BredeIntake) -> BredeIntakeRead:
    """The brede intake as shown; health findings only while a consent holds (AVG art. 9)."""
    inburgeraar = session.get_one(Inburgeraar, intake.inburgeraar_id)
    vandaag = date.today()
    gezondheid_zichtbaar = service.gezondheid_toegestaan(session, intake.inburgeraar_id, vandaag)
    leefgebieden = [
        LeefgebiedBevinding.model_validate(b)
        for naam, b in sorted(
            intake.leefgebieden.items(), key=lambda item: list(Leefgebied).index(Leefgebied(item[0]))
        )
        if gezondheid_zichtbaar or Leefgebied(naam) not in GEZONDHEIDSLEEFGEBIEDEN
    ]
    afgeschermd = len(leefgebieden) < len(intake.leefgebieden)
    return BredeIntakeRead(
        url=brede_intake_url(api_url, intake.id),
        uuid=intake.id,
        inburgeraar=inburgeraar_url(api_url, intake.inburgeraar_id),
        gemeentecode=intake.gemeentecode,
        status=BredeIntakeStatus(intake.status),
        datumAfgerond=intake.datum_afgerond,
        doelgroep=Doelgroep(inburgeraar.doelgroep),
        leeftijd=rules.leeftijd_op(inburgeraar.geboortedatum, intake.datum_afgerond or vandaag),
        leerbaarheidstoets=(
            Leerbaarheidstoets.model_validate(intake.leerbaarheidstoets)
            if intake.leerbaarheidstoets
            else None
        ),
        vooropleiding=intake.vooropleiding,
        alfabetisering=intake.alfabetisering,
        wilVervolgonderwijs=intake.wil_vervolgonderwijs,
        bijstand=intake.bijstand,
        wensen=intake.wensen,
        leefgebieden=leefgebieden,
        gezondheidAfgeschermd=afgeschermd,
        profiel=profiel_van(intake.profiel or {}),
        versie=intake.versie,
        datumGesprek=intake.datum_gesprek,
        deelnemers=[Deelnemer.model_validate(d) for d in intake.deelnemers],
        achtergrond=Achtergrond.model_validate(intake.achtergrond),
        tegenstrijdigheden=[Tegenstrijdigheid.model_validate(t) for t in intake.tegenstrijdigheden],
        ontbreekt=(
            [
                Ontbrekend(veld=b.veld, reden=b.reden)
                for b in rules.ontbrekend(service.stand(session, intake, vandaag))
            ]
            if intake.status == BredeIntakeStatus.CONCEPT.value
            else []
        ),
        aangemaakt=intake.aangemaakt,
        gewijzigd=intake.gewijzigd,
    )


def _respond(session: Session, api_url: str, intake: BredeIntake, response: Response) -> BredeIntakeRead:
    response.headers["ETag"] = etag(intake.versie)
    return to_read(session, api_url, intake)


@router.post(
    "",
    status_code=status.HTTP_201_CREATED,
    response_model=BredeIntakeRead,
    responses={200: {"model": BredeIntakeRead, "description": "Bestond al"}, **problem_responses(404)},
)
def start_brede_intake(
    data: BredeIntakeCreate, principal: Casework, session: DbSession, api_url: ApiUrl, response: Response
) -> BredeIntakeRead:
    intake, created = service.start_brede_intake(session, principal=principal, data=data)
    response.status_code = status.HTTP_201_CREATED if created else status.HTTP_200_OK
    response.headers["Location"] = brede_intake_url(api_url, intake.id)
    return _respond(session, api_url, intake, response)


@router.get("", response_model=Page[BredeIntakeRead])
def list_brede_intakes(
    request: Request,
    principal: Readers,
    session: DbSession,
    api_url: ApiUrl,
    params: Annotated[PageParams, Depends(page_params)],
    status: BredeIntakeStatus | None = None,
    klantmanager: Annotated[Tekst | None, Query(max_length=100)] = None,
    inburgeraar: InburgeraarFilter = None,
) -> Page[BredeIntakeRead]:
    """Casework, and the service role (reporting's rebuild reads status and datumAfgerond). Health
    findings show only while a consent holds, for every role, as in a single read (AVG art. 9)."""
    count, rows = service.list_brede_intakes(
        session,
        principal=principal,
        status=status,
        klantmanager=klantmanager,
        inburgeraar=inburgeraar,
        offset=params.offset,
        limit=params.pageSize,
    )
    return make_page(request, params, count, [to_read(session, api_url, i) for i in rows])


@router.get("/{bredeIntakeId}", response_model=BredeIntakeRead, responses=problem_responses(404))
def get_brede_intake(
    bredeIntakeId: uuid.UUID, principal: Readers, session: DbSession, api_url: ApiUrl, response: Response
) -> BredeIntakeRead:
    intake = service.get_brede_intake(session, principal=principal, intake_id=bredeIntakeId)
    return _respond(session, api_url, intake, response)


@router.patch(
    "/{bredeIntakeId}", response_model=BredeIntakeRead, responses=problem_responses(404, 409, 412, 422, 428)
)
def wijzig_brede_intake(
    bredeIntakeId: uuid.UUID,
    changes: BredeIntakeUpdate,
    principal: Casework,
    session: DbSession,
    api_url: ApiUrl,
    response: Response,
    if_match: IfMatch = None,
) -> BredeIntakeRead:
    intake = service.wijzig_brede_intake(
        session, principal=principal, intake_id=bredeIntakeId, changes=changes, if_match=if_match
    )
    return _respond(session, api_url, intake, response)


@router.post(
    "/{bredeIntakeId}/afronden",
    response_model=BredeIntakeRead,
    responses=problem_responses(404, 409, 412, 422, 428),
)
def rond_brede_intake_af(
    bredeIntakeId: uuid.UUID,
    principal: Casework,
    session: DbSession,
    outbox: EventOutbox,
    api_url: ApiUrl,
    response: Response,
    if_match: IfMatch = None,
) -> BredeIntakeRead:
    intake = service.rond_brede_intake_af(
        session, outbox, api_url=api_url, principal=principal, intake_id=bredeIntakeId, if_match=if_match
    )
    return _respond(session, api_url, intake, response)
