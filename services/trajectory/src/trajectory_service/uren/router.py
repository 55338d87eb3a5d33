"""HTTP for hours the gemeente records (participation, brede intake) and the Z-route norm (R10)."""

import uuid
from typing import Annotated

from fastapi import APIRouter, Depends, Header, Response
from inburgering_shared.api import DbSession
from inburgering_shared.auth import CASEWORK, Principal, Role, require
from inburgering_shared.etag import etag
from inburgering_shared.openapi import CREATES_OR_REPLACES
from inburgering_shared.problems import problem_responses

from ..trajecten.service import get_traject
from ..voortgang.schemas import Maand
from . import service
from .models import Urenregistratie
from .rules import Urensoort
from .schemas import Uren, UrenOverzicht, UrenregistratieRead, z_route_read

router = APIRouter(prefix="/trajecten/{trajectId}/uren", tags=["uren"])

Readers = Annotated[Principal, Depends(require(*CASEWORK, Role.SERVICE))]
Klantmanager = Annotated[Principal, Depends(require(Role.KLANTMANAGER))]


def registratie_read(r: Urenregistratie) -> UrenregistratieRead:
    return UrenregistratieRead(
        soort=Urensoort(r.soort),
        maand=r.maand,
        uren=r.uren,
        omschrijving=r.omschrijving,
        vastgelegdDoor=r.vastgelegd_door,
        gewijzigd=r.gewijzigd,
    )


@router.get("", response_model=UrenOverzicht, responses=problem_responses(404))
def uren_overzicht(trajectId: uuid.UUID, principal: Readers, session: DbSession) -> UrenOverzicht:
    """Every recorded month, the taalaanbieder's lesson hours, and (Z-route) the hours against the
    R10 norm of 800 hours language and 800 hours participation, brede intake included."""
    traject = get_traject(session, principal=principal, traject_id=trajectId)
    lesuren_taalaanbieder, registraties, z_route = service.uren_overzicht(session, traject)
    return UrenOverzicht(
        lesurenTaalaanbieder=lesuren_taalaanbieder,
        registraties=[registratie_read(r) for r in registraties],
        zRoute=z_route_read(z_route),
    )


@router.get("/{soort}/{maand}", response_model=UrenregistratieRead, responses=problem_responses(400, 404))
def get_uren(
    trajectId: uuid.UUID,
    soort: Urensoort,
    maand: Maand,
    principal: Readers,
    session: DbSession,
    response: Response,
) -> UrenregistratieRead:
    """One month's recorded hours of one kind, with its ETag (If-Match to replace them)."""
    traject = get_traject(session, principal=principal, traject_id=trajectId)
    rij = service.get_registratie(session, traject, soort, maand)
    response.headers["ETag"] = etag(rij.rijversie)
    return registratie_read(rij)


@router.put(
    "/{soort}/{maand}",
    response_model=UrenregistratieRead,
    responses={201: {"model": UrenregistratieRead}, **problem_responses(400, 404, 409, 412, 428)},
    openapi_extra=CREATES_OR_REPLACES,
)
def registreer_uren(
    trajectId: uuid.UUID,
    soort: Urensoort,
    maand: Maand,
    invoer: Uren,
    principal: Klantmanager,
    session: DbSession,
    response: Response,
    if_match: Annotated[str | None, Header(alias="If-Match")] = None,
) -> UrenregistratieRead:
    """The klantmanager records a month's hours: participation (Z-route), or participation or NT2/KNM
    followed during the brede intake (they count for R10). The first time without If-Match (201);
    replacing needs the ETag (200; 428 without, 412 when stale). DUO receives the new total
    (Gevolgde Uren API)."""
    traject = get_traject(session, principal=principal, traject_id=trajectId)
    rij, nieuw = service.registreer(
        session,
        principal=principal,
        traject=traject,
        soort=soort,
        maand=maand,
        invoer=invoer,
        if_match=if_match,
    )
    response.status_code = 201 if nieuw else 200
    response.headers["ETag"] = etag(rij.rijversie)
    return registratie_read(rij)
