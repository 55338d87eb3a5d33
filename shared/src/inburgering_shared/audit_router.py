"""`GET /v1/audittrail?hoofdObject=...`: a dossier's audit trail in one service (see `audit`)."""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from datetime import datetime
from typing import Annotated, Any

from fastapi import APIRouter, Depends, Query, Request
from pydantic import BaseModel
from sqlalchemy import func, select

from .api import DbSession
from .audit import AUDITTRAIL
from .auth import Principal, Role, require
from .pagination import Page, PageParams, make_page, page_params
from .strict import Tekst


class AuditRegel(BaseModel):
    """One audit record, named as in the ZGW audittrail."""

    uuid: uuid.UUID
    bron: str
    applicatieId: str
    gebruikersId: str
    gebruikersWeergave: str
    namens: str
    actie: str
    resultaat: int
    resourceUrl: str
    hoofdObject: str | None
    gemeentecode: str | None
    toelichting: str
    correlatieId: str
    aanmaakdatum: datetime


router = APIRouter(tags=["audittrail"])
AuditReaders = Annotated[
    Principal, Depends(require(Role.TEAMLEIDER, Role.REGISSEUR, Role.BEHEER, Role.SERVICE))
]


@router.get("/audittrail", response_model=Page[AuditRegel])
def audittrail(
    request: Request,
    principal: AuditReaders,
    session: DbSession,
    params: Annotated[PageParams, Depends(page_params)],
    hoofdObject: Annotated[Tekst, Query(min_length=1, max_length=500, description="URL van het dossier")],
) -> Page[AuditRegel]:
    """Who read or changed this dossier in this service, newest first (only the caller's gemeenten)."""
    query = select(AUDITTRAIL).where(AUDITTRAIL.c.hoofd_object == hoofdObject)
    if (gemeenten := principal.gemeente_filter()) is not None:
        query = query.where(AUDITTRAIL.c.gemeentecode.in_(gemeenten))
    count = session.scalar(select(func.count()).select_from(query.subquery())) or 0
    rows = session.execute(
        query.order_by(AUDITTRAIL.c.aanmaakdatum.desc()).offset(params.offset).limit(params.pageSize)
    ).all()
    return make_page(request, params, count, list(_regels(rows)))


def _regels(rows: Any) -> Iterator[AuditRegel]:
    for r in rows:
        yield AuditRegel(
            uuid=r.id,
            bron=r.bron,
            applicatieId=r.applicatie_id,
            gebruikersId=r.gebruikers_id,
            gebruikersWeergave=r.gebruikers_weergave,
            namens=r.namens,
            actie=r.actie,
            resultaat=r.resultaat,
            resourceUrl=r.resource_url,
            hoofdObject=r.hoofd_object,
            gemeentecode=r.gemeentecode,
            toelichting=r.toelichting,
            correlatieId=r.correlatie_id,
            aanmaakdatum=r.aanmaakdatum,
        )
