"""HTTP for the DUO exchange: the notification endpoint DUO calls, the DUO dossiers with their sync state."""

import uuid
from datetime import datetime
from typing import Annotated

from fastapi import APIRouter, Depends, Request, Response
from fastapi.concurrency import run_in_threadpool
from inburgering_shared.api import ApiUrl, DbSession
from inburgering_shared.auth import CASEWORK, Principal, Role, require
from inburgering_shared.duo.gebeurtenissen import Gebeurtenis
from inburgering_shared.filters import InburgeraarFilter
from inburgering_shared.pagination import Page, PageParams, make_page, page_params
from inburgering_shared.problems import Forbidden, ServiceUnavailable, problem_responses
from inburgering_shared.strict import Tekst
from pydantic import BaseModel, Field, ValidationError
from sqlalchemy.orm import Session

from ..clients.duo import DuoClient
from ..clients.duo_models import Notificatie
from ..plicht.rules import wet_van_toepassing
from ..plicht.service import eindstaat_van
from . import service
from .afzender import NietGeauthentiseerdError, oin_van_afzender
from .events import dossier_url
from .historie import Historiegegeven, huidig, lees_historie
from .models import DuoDossier
from .rules import NEDERLAND
from .schemas import DuoDossierRead, DuoNotificatieRead, DuoOpdrachtRead, HistorieRead, SyncHerstart
from .sync import duo_clients

router = APIRouter(tags=["DUO"])

Readers = Annotated[Principal, Depends(require(*CASEWORK, Role.SERVICE))]

NOTIFICATIE_API_VERSIE = "1.8.0"
"""info.version of DUO's Notificatie.openapi.yml: the API-Version header DUO's spec requires."""


class NotificatieKoppen(BaseModel):
    """The headers of DUO's Notificatie API: OINs of sender and receiver, and the message id."""

    bron: Annotated[Tekst, Field(min_length=20, max_length=20)]
    doel: Annotated[Tekst, Field(min_length=20, max_length=20)]
    berichtId: uuid.UUID


def _antwoord(status: int) -> Response:
    # DUO's spec declares no body for these answers; only the API-Version header.
    return Response(status_code=status, headers={"API-Version": NOTIFICATIE_API_VERSIE})


@router.post(
    "/notificaties",
    status_code=201,
    response_class=Response,
    summary="opvoerenNotificatie (DUO Notificatie API 1.8.0)",
    openapi_extra={
        "x-contract": "duo",
        "parameters": [
            {"name": naam, "in": "header", "required": True, "schema": {"type": "string"}}
            for naam in ("bron", "doel", "berichtId")
        ],
        "requestBody": {
            "required": True,
            "content": {"application/json": {"schema": Notificatie.model_json_schema()}},
        },
    },
    responses={
        201: {"description": "Opvoeren notificatie gelukt"},
        400: {"description": "Het verzoek voldoet niet aan de specificatie"},
        401: {"description": "De afzender kan niet geauthentiseerd en/of geïdentificeerd worden"},
        403: {"description": "Niet geautoriseerd"},
    },
)
async def opvoeren_notificatie(request: Request, session: DbSession) -> Response:
    """DUO's signal that something changed for a person (Gebeurtenissen.md), exactly as DUO's Notificatie
    API specifies it. Stored before the 201; the DUO sync then reads the resources the gebeurtenisId
    names and acts on them. The same berichtId twice is stored once.

    DUO authenticates with its PKIoverheid certificate (mTLS, terminated at the proxy, which forwards the
    verified certificate in `X-Client-Cert`): without one 401; unless its OIN is DUO's and `bron` names
    that same OIN 403. `doel` names the gemeente. No bearer token: DUO does not send one.
    """
    try:
        settings = request.app.state.settings
        afzender = oin_van_afzender(request.headers.get(settings.duo_certificaat_header))
    except NietGeauthentiseerdError:
        return _antwoord(401)
    if afzender != settings.duo_oin:
        return _antwoord(403)
    try:
        koppen = NotificatieKoppen.model_validate(
            {naam: request.headers.get(naam) for naam in ("bron", "doel", "berichtId")}
        )
        bericht = Notificatie.model_validate_json(await request.body())
    except ValidationError:
        return _antwoord(400)
    if bericht.registratieDatumTijd.tzinfo is None:
        return _antwoord(400)  # format date-time (RFC 3339) carries an offset
    if koppen.bron != afzender:
        return _antwoord(403)  # the sender says it is someone else than its certificate does
    try:
        await run_in_threadpool(_ontvang, session, request, koppen, bericht)
    except Forbidden:
        return _antwoord(403)
    return _antwoord(201)


def _ontvang(session: Session, request: Request, koppen: NotificatieKoppen, bericht: Notificatie) -> None:
    service.ontvang_notificatie(
        session,
        request.app.state.settings,
        bron=koppen.bron,
        doel=koppen.doel,
        bericht_id=koppen.berichtId,
        bericht=bericht,
    )


def to_read(session: DbSession, api_url: str, d: DuoDossier) -> DuoDossierRead:
    notificaties = service.notificaties(session, d)
    opdrachten = service.opdrachten(session, d)
    return DuoDossierRead(
        url=dossier_url(api_url, d.id),
        uuid=d.id,
        gemeentecode=d.gemeentecode,
        inburgeraar=d.inburgeraar_url,
        pipKlokStart=d.pip_klok_start,
        wet=wet.value if (wet := wet_van_toepassing(d.inburgeringsplicht)) else None,
        eindreden=eind.reden.value if (eind := eindstaat_van(d, datetime.now(NEDERLAND).date())) else None,
        einddatum=eind.datum if eind else None,
        eindregel=eind.tekst if eind else None,
        inburgeringsplicht=d.inburgeringsplicht,
        doelgroep=d.doelgroep,
        inburgeringstermijn=d.inburgeringstermijn,
        examenresultaten=d.examenresultaten,
        leerbaarheidstoets=d.leerbaarheidstoets,
        vrijstellingen=d.vrijstellingen,
        ontheffingen=d.ontheffingen,
        examennummer=d.examennummer,
        gratisPogingen=d.gratis_pogingen,
        sync=service.sync_staat(d, notificaties, opdrachten),
        notificaties=[
            DuoNotificatieRead(
                gebeurtenisId=n.gebeurtenis_id,
                omschrijving=_omschrijving(n.gebeurtenis_id),
                registratieDatumTijd=n.registratie_datum_tijd,
                ontvangen=n.ontvangen,
                status=n.status,
                pogingen=n.pogingen,
                resultaat=n.resultaat,
            )
            for n in notificaties
        ],
        opdrachten=[
            DuoOpdrachtRead(
                soort=o.soort,
                inhoud=o.inhoud,
                status=o.status,
                pogingen=o.pogingen,
                aangemaakt=o.aangemaakt,
                verzonden=o.verzonden,
                resultaat=o.resultaat,
            )
            for o in opdrachten
        ],
    )


def _omschrijving(code: str) -> str | None:
    gebeurtenis = Gebeurtenis.van_code(code)
    return gebeurtenis.omschrijving if gebeurtenis else None


Starters = Annotated[Principal, Depends(require(Role.SERVICE, Role.SCHEDULER, Role.BEHEER))]


@router.post("/duo-sync", status_code=202, response_model=SyncHerstart, responses=problem_responses(401, 403))
def herstart_duo_sync(principal: Starters, session: DbSession) -> SyncHerstart:
    """Make all open DUO work due now (the scheduler's daily `duo-sync` job, or after an outage);
    the DUO sync handles it in its next round."""
    notificaties, opdrachten = service.maak_open_werk_direct(session, principal=principal)
    return SyncHerstart(heropendeNotificaties=notificaties, heropendeOpdrachten=opdrachten)


@router.get("/duo-dossiers", response_model=Page[DuoDossierRead], tags=["DUO"])
def list_duo_dossiers(
    request: Request,
    principal: Readers,
    session: DbSession,
    api_url: ApiUrl,
    params: Annotated[PageParams, Depends(page_params)],
    inburgeraar: InburgeraarFilter = None,
) -> Page[DuoDossierRead]:
    """What DUO knows per person, with the sync state; `inburgeraar` (URL) filters on one person."""
    count, rows = service.list_dossiers(
        session, principal=principal, inburgeraar=inburgeraar, offset=params.offset, limit=params.pageSize
    )
    return make_page(request, params, count, [to_read(session, api_url, d) for d in rows])


@router.get("/duo-dossiers/{dossierId}", response_model=DuoDossierRead, responses=problem_responses(404))
def get_duo_dossier(
    dossierId: uuid.UUID, principal: Readers, session: DbSession, api_url: ApiUrl
) -> DuoDossierRead:
    return to_read(session, api_url, service.get_dossier(session, principal=principal, dossier_id=dossierId))


@router.get(
    "/duo-dossiers/{dossierId}/historie/{gegeven}",
    response_model=HistorieRead,
    responses=problem_responses(404, 502, 503),
)
def get_duo_historie(
    dossierId: uuid.UUID, gegeven: Historiegegeven, request: Request, principal: Readers, session: DbSession
) -> HistorieRead:
    """Why a value DUO holds changed: DUO's history of the inburgeringsplicht, the doelgroep or the
    inburgeringstermijn (with DUO's verlengingsgrond of each extension), read from DUO now. DUO not
    reachable is 503, an error or an answer outside DUO's contract 502, each in words."""
    dossier = service.get_dossier(session, principal=principal, dossier_id=dossierId)
    historie, bron = lees_historie(duo_client(request, dossier.gemeentecode), dossier, gegeven)
    return HistorieRead(gegeven=gegeven.value, huidig=huidig(dossier, gegeven), historie=historie, bron=bron)


def duo_client(request: Request, gemeentecode: str) -> DuoClient:
    """The app's DUO client for the gemeente (the sync's settings; tests set `duo_client_voor`)."""
    state = request.app.state
    settings = state.settings
    if not settings.duo_base_url or gemeentecode not in settings.duo_gemeente_oins:
        raise ServiceUnavailable("Er is geen verbinding met DUO ingesteld voor deze gemeente.")
    if getattr(state, "duo_client_voor", None) is None:
        state.duo_client_voor = duo_clients(settings)
    client: DuoClient = state.duo_client_voor(gemeentecode)
    return client
