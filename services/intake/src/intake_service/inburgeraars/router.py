"""HTTP for the inburgeraar register. The BSN travels only in request bodies."""

import uuid
from typing import Annotated, Any

from fastapi import APIRouter, Depends, Header, Query, Request, Response, status
from inburgering_shared.api import ApiUrl, DbSession, EventOutbox
from inburgering_shared.audit import Dossier, audited_read, name_dossiers
from inburgering_shared.auth import CASEWORK, Principal, Role, require
from inburgering_shared.bounds import Datum
from inburgering_shared.contracts.resources import Doelgroep, Verblijfsadres
from inburgering_shared.dates import vandaag
from inburgering_shared.etag import etag
from inburgering_shared.hot_routes import HotRoute
from inburgering_shared.pagination import Page, PageParams, make_page, page_params
from inburgering_shared.problems import NotFound, problem_responses
from inburgering_shared.strict import Tekst
from sqlalchemy import Row

from ..events import inburgeraar_url
from . import service, verhuizing
from .models import Inburgeraar
from .repository import IntakeStatus, Zoekfilter, dossier_read, page_read
from .schemas import (
    BsnZoekvraag,
    DuoGebeurtenisVestiging,
    InburgeraarCreate,
    InburgeraarDetail,
    InburgeraarRead,
    InburgeraarUpdate,
    Inburgeringsplicht,
    Tegenstrijdigheid,
    Verhuizing,
    VerhuizingCreate,
    VerhuizingenUitgevoerd,
    VerhuizingRead,
    VerhuizingStatus,
)

router = APIRouter(prefix="/inburgeraars", tags=["inburgeraars"], route_class=HotRoute)
verhuizingen_router = APIRouter(prefix="/verhuizingen", tags=["inburgeraars"])

MAX_UUIDS = 100  # 100 UUIDs keep the URL under 5 kB
Casework = Annotated[Principal, Depends(require(*CASEWORK))]
Readers = Annotated[Principal, Depends(require(*CASEWORK, Role.SERVICE))]


def to_read(api_url: str, i: Inburgeraar | Row[Any]) -> InburgeraarRead:
    """The dossier as read: an ORM object, or a row of its table's columns (the hot reads)."""
    return InburgeraarRead(**_read_fields(api_url, i))


def _read_fields(api_url: str, i: Inburgeraar | Row[Any]) -> dict[str, Any]:
    return dict(
        url=inburgeraar_url(api_url, i.id),
        uuid=i.id,
        gemeentecode=i.gemeentecode,
        doelgroep=i.doelgroep,
        datumKennisgeving=i.datum_kennisgeving,
        datumInschrijvingBrp=i.datum_inschrijving_brp,
        vNummer=i.v_nummer,
        voornamen=i.voornamen,
        achternaam=i.achternaam,
        geboortedatum=i.geboortedatum,
        landVanHerkomst=i.land_van_herkomst,
        klantmanager=i.klantmanager,
        klantmanagerContact=i.klantmanager_contact,
        datumKoppeling=i.datum_koppeling,
        talen=i.talen,
        tolkNodig=i.tolk_nodig,
        tolkTaal=i.tolk_taal,
        inburgeringsplicht=(
            Inburgeringsplicht(
                indicatorInburgeringsplicht=i.plicht,
                begindatum=i.plicht_begindatum,
                einddatum=i.plicht_einddatum,
                redenGeenInburgeringsplicht=i.reden_geen_plicht,
            )
            if i.plicht is not None
            else None
        ),
        vrijstelling=i.vrijstelling,
        ontheffing=i.ontheffing,
        datumHuisvestingVerwacht=i.datum_huisvesting_verwacht,
        datumHuisvesting=i.datum_huisvesting,
        verblijfsadres=Verblijfsadres.model_validate(i.verblijfsadres) if i.verblijfsadres else None,
        aangemaakt=i.aangemaakt,
        gewijzigd=i.gewijzigd,
        versie=i.versie,
    )


@router.post(
    "",
    status_code=status.HTTP_201_CREATED,
    response_model=InburgeraarRead,
    responses={200: {"model": InburgeraarRead, "description": "Bestond al"}, **problem_responses(422)},
)
def registreer_inburgeraar(
    data: InburgeraarCreate,
    principal: Casework,
    session: DbSession,
    outbox: EventOutbox,
    api_url: ApiUrl,
    response: Response,
) -> InburgeraarRead:
    principal.check_gemeente(data.gemeentecode)
    inburgeraar, created = service.registreer_inburgeraar(session, outbox, api_url=api_url, data=data)
    response.status_code = status.HTTP_201_CREATED if created else status.HTTP_200_OK
    response.headers["Location"] = inburgeraar_url(api_url, inburgeraar.id)
    response.headers["ETag"] = etag(inburgeraar.versie)
    return to_read(api_url, inburgeraar)


@router.get("", response_model=Page[InburgeraarRead])
async def list_inburgeraars(
    request: Request,
    principal: Readers,
    api_url: ApiUrl,
    params: Annotated[PageParams, Depends(page_params)],
    ids: Annotated[
        list[uuid.UUID] | None,
        Query(
            alias="uuid",
            max_length=MAX_UUIDS,
            description="Alleen deze dossiers (herhaalbaar, ten hoogste 100)",
        ),
    ] = None,
    klantmanager: Annotated[Tekst | None, Query(max_length=100)] = None,
    doelgroep: Doelgroep | None = None,
    intakeStatus: IntakeStatus | None = None,
    datumKoppelingVanaf: Datum | None = None,
    datumKoppelingTot: Datum | None = None,
    datumKennisgevingVanaf: Datum | None = None,
    datumKennisgevingTot: Datum | None = None,
) -> Page[InburgeraarRead]:
    """Dossiers of the token's gemeenten, filtered (date bounds inclusive); BSN search: `POST /zoeken`.

    `uuid` (repeated) answers many dossiers in one request: the scheduler reads the klantmanagers of a
    page of new signals this way. Every dossier on the page is audited in the statement that reads it."""
    zoekfilter = Zoekfilter(
        gemeenten=principal.gemeente_filter(),
        ids=frozenset(ids) if ids else None,
        klantmanager=klantmanager,
        doelgroep=doelgroep.value if doelgroep else None,
        intake_status=intakeStatus,
        koppeling_vanaf=datumKoppelingVanaf,
        koppeling_tot=datumKoppelingTot,
        kennisgeving_vanaf=datumKennisgevingVanaf,
        kennisgeving_tot=datumKennisgevingTot,
    )
    rows = await audited_read(
        request, *page_read(zoekfilter, offset=params.offset, limit=params.pageSize, api_url=api_url)
    )
    return make_page(request, params, rows[0].totaal, [to_read(api_url, r) for r in rows if r.id is not None])


@router.post("/zoeken", response_model=list[InburgeraarRead])
def zoek_inburgeraars(
    query: BsnZoekvraag, principal: Readers, session: DbSession, api_url: ApiUrl
) -> list[InburgeraarRead]:
    """Search by BSN with the BSN in the body, never in the URL (ADR /core/transport/no-sensitive-uris)."""
    return [to_read(api_url, i) for i in service.zoek_op_bsn(session, principal=principal, bsn=query.bsn)]


@router.get("/{inburgeraarId}", response_model=InburgeraarDetail, responses=problem_responses(404))
async def get_inburgeraar(
    inburgeraarId: uuid.UUID, principal: Readers, api_url: ApiUrl, request: Request, response: Response
) -> InburgeraarDetail:
    """The dossier, read with its audit row in one statement (audit.audited_read)."""
    rows = await audited_read(request, *dossier_read(inburgeraarId, principal.gemeente_filter(), api_url))
    # Another gemeente's dossier is reported as absent: its existence is not ours to reveal.
    if not rows:
        raise NotFound("Inburgeraar niet gevonden.")
    inburgeraar = rows[0]
    response.headers["ETag"] = etag(inburgeraar.versie)
    # The BSN only for casework roles; other services work with the dossier URL.
    bsn = inburgeraar.bsn if principal.has_role(*CASEWORK) else None
    verhuizingen = [
        Verhuizing(
            vanGemeente=v.van_gemeente,
            naarGemeente=v.naar_gemeente,
            datumVestiging=v.datum_vestiging,
            gebeurtenis=v.gebeurtenis,
        )
        for v in rows
        if v.van_gemeente is not None
    ]
    return InburgeraarDetail(  # validated once, from the row, not by way of an InburgeraarRead
        **_read_fields(api_url, inburgeraar),
        bsn=bsn,
        verhuizingen=verhuizingen,
        tegenstrijdigheden=[Tegenstrijdigheid.model_validate(t) for t in inburgeraar.tegenstrijdigheden],
    )


@router.patch(
    "/{inburgeraarId}", response_model=InburgeraarRead, responses=problem_responses(404, 412, 422, 428)
)
def wijzig_inburgeraar(
    inburgeraarId: uuid.UUID,
    changes: InburgeraarUpdate,
    principal: Casework,
    session: DbSession,
    outbox: EventOutbox,
    api_url: ApiUrl,
    response: Response,
    if_match: Annotated[str | None, Header(alias="If-Match")] = None,
) -> InburgeraarRead:
    inburgeraar = service.wijzig_inburgeraar(
        session,
        outbox,
        api_url=api_url,
        principal=principal,
        inburgeraar_id=inburgeraarId,
        changes=changes,
        if_match=if_match,
    )
    response.headers["ETag"] = etag(inburgeraar.versie)
    return to_read(api_url, inburgeraar)


Verhuizers = Annotated[Principal, Depends(require(*CASEWORK, Role.SERVICE))]
Uitvoerders = Annotated[Principal, Depends(require(Role.SCHEDULER, Role.BEHEER))]


@verhuizingen_router.post(
    "",
    response_model=VerhuizingRead,
    responses={
        202: {
            "model": VerhuizingRead,
            "description": "Aangekondigd: het dossier verhuist op datumVestiging (status aangekondigd)",
        },
        **problem_responses(403, 404, 409),
    },
)
def verhuis_inburgeraar(
    data: VerhuizingCreate,
    principal: Verhuizers,
    session: DbSession,
    outbox: EventOutbox,
    api_url: ApiUrl,
    request: Request,
    response: Response,
) -> VerhuizingRead:
    """The person settled in this gemeente (DUO SS120/SS121): the dossier moves here with its history.

    On the moving date: a date that has come moves it at once (200, status `uitgevoerd`); a later
    date records the move (202, status `aangekondigd`) and the dossier stays with the old gemeente
    until that day, when the scheduler's daily job hands it over (`POST /verhuizingen/uitvoeren`).
    Either way the answer is the move itself, never the dossier: before the moving date the dossier
    is not this gemeente's to read (`GET /inburgeraars/{id}` answers 404 until then). Trajectory's DUO
    sync calls this itself (role service) when DUO notifies SS120/SS121; casework roles can do it by
    hand."""
    gedaan = verhuizing.verhuis(
        session, outbox, api_url=api_url, principal=principal, data=data, vandaag=vandaag()
    )
    dossier_url = inburgeraar_url(api_url, gedaan.inburgeraar_id)
    # The request is the new gemeente's act, recorded in its audit trail (the old one's trail moves
    # to it with the dossier).
    name_dossiers(request, [Dossier(dossier_url, gedaan.naar_gemeente)])
    if gedaan.uitgevoerd is None:
        response.status_code = status.HTTP_202_ACCEPTED
    return VerhuizingRead(
        uuid=gedaan.id,
        inburgeraar=dossier_url,
        vanGemeente=gedaan.van_gemeente,
        naarGemeente=gedaan.naar_gemeente,
        datumVestiging=gedaan.datum_vestiging,
        gebeurtenis=DuoGebeurtenisVestiging(gedaan.gebeurtenis),
        status=VerhuizingStatus.UITGEVOERD if gedaan.uitgevoerd else VerhuizingStatus.AANGEKONDIGD,
        aangemaakt=gedaan.aangemaakt,
        uitgevoerd=gedaan.uitgevoerd,
    )


@verhuizingen_router.post("/uitvoeren", response_model=VerhuizingenUitgevoerd)
def voer_verhuizingen_uit(
    principal: Uitvoerders, session: DbSession, outbox: EventOutbox, api_url: ApiUrl
) -> VerhuizingenUitgevoerd:
    """Hand over every dossier whose moving date has come (the scheduler's daily job; safe to repeat)."""
    gedaan = verhuizing.voer_uit(session, outbox, api_url=api_url, vandaag=vandaag())
    return VerhuizingenUitgevoerd(verhuisd=gedaan.verhuisd, geblokkeerd=gedaan.geblokkeerd)
