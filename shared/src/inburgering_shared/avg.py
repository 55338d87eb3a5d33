"""AVG rights in every service: inzage (art. 15 AVG) and the retention purge (art. 5(1)(e) AVG).

`POST /v1/avg/inzage` with the dossier URL answers everything this service holds
on that person, found generically in the service's own database: rows of the
`inburgeraar` table with the dossier's id, rows of any table with an
`inburgeraar_url` or `inburgeraar_id` column naming the dossier, the audit trail
(`hoofd_object`), and, following foreign keys, every row that hangs off those.
A new table is included without code as long as it names the dossier or refers
to a row that does. Technical tables (outbox, inbox, stored idempotent answers,
which are purged within a day) are left out. The caller must serve the dossier's
gemeente. `inburgering_shared.avg_export` gathers the answers of all services.

`POST /v1/avg/opschonen` removes what is past its retention period, per category
(`retention_periods`): stored idempotent answers after a day, audit rows after the
configured period (`AVG_AUDIT_BEWAARTERMIJN_DAGEN`, default 7 years). The
scheduler's job calls it on every service; running it twice removes nothing more.

Correction (art. 16 AVG) goes through the owning service's edit endpoints (for
the person's facts: `PATCH /v1/inburgeraars/{id}` in intake, with If-Match); the
change travels to the other services as an `update` event.
"""

from __future__ import annotations

import os
import uuid
from datetime import datetime, timedelta
from typing import Annotated, Any

from fastapi import APIRouter, Depends, Request
from fastapi.encoders import jsonable_encoder
from pydantic import BaseModel, Field
from sqlalchemy import CursorResult, MetaData, Table, delete, select
from sqlalchemy.orm import Session

from .api import DbSession
from .audit import AUDITTRAIL
from .auth import Principal, Role, require
from .db import utcnow
from .idempotency import IDEMPOTENTIE, KEEP_ANSWERS
from .problems import NotFound, problem_responses

TECHNICAL_TABLES = frozenset(
    {"alembic_version", "outbox_event", "outbox_delivery", "inbox_event", "idempotentie"}
)
DEFAULT_AUDIT_RETENTION_DAYS = 7 * 365

router = APIRouter(prefix="/avg", tags=["avg"])
Privacy = Annotated[Principal, Depends(require(Role.BEHEER, Role.SERVICE))]
Purgers = Annotated[Principal, Depends(require(Role.SCHEDULER, Role.BEHEER))]


class InzageVraag(BaseModel):
    inburgeraar: str = Field(min_length=1, max_length=300, description="URL van het dossier (intake)")


class Inzage(BaseModel):
    bron: str = Field(description="De dienst die deze gegevens bewaart")
    inburgeraar: str
    gegevens: dict[str, list[dict[str, Any]]] = Field(description="Per tabel de rijen over deze persoon")


class Opschoning(BaseModel):
    verwijderd: dict[str, int] = Field(description="Per categorie het aantal verwijderde rijen")


def dossier_id(url: str) -> uuid.UUID | None:
    try:
        return uuid.UUID(url.rstrip("/").rsplit("/", 1)[-1])
    except ValueError:
        return None


def rows_about(session: Session, url: str) -> dict[str, list[dict[str, Any]]]:
    """Every row of this database about the dossier at `url` (see the module docs)."""
    metadata = MetaData()
    metadata.reflect(session.connection())
    tables = [t for t in metadata.sorted_tables if t.name not in TECHNICAL_TABLES]
    ident = dossier_id(url)
    found: dict[str, list[dict[str, Any]]] = {}
    for table in tables:
        condition = _names_dossier(table, url, ident)
        if condition is not None:
            _collect(session, table, condition, found)
    changed = True
    while changed:  # rows hanging off found rows, by foreign key, to any depth
        changed = False
        for table in tables:
            for fk in table.foreign_keys:
                parent = fk.column.table.name
                keys = [row[fk.column.name] for row in found.get(parent, [])]
                if keys and table.name != parent:
                    changed |= _collect(session, table, fk.parent.in_(keys), found)
    return found


def _names_dossier(table: Table, url: str, ident: uuid.UUID | None) -> Any:
    columns = table.c
    if "inburgeraar_url" in columns:
        return columns.inburgeraar_url == url
    if "hoofd_object" in columns:
        return columns.hoofd_object == url
    if ident is None:
        return None
    if "inburgeraar_id" in columns:
        return columns.inburgeraar_id == ident
    if table.name == "inburgeraar" and "id" in columns:
        return columns.id == ident
    return None


def _collect(session: Session, table: Table, condition: Any, found: dict[str, list[dict[str, Any]]]) -> bool:
    known = found.setdefault(table.name, [])
    new = [dict(row._mapping) for row in session.execute(select(table).where(condition))]
    new = [row for row in new if row not in known]
    known.extend(new)
    if not known:
        del found[table.name]
    return bool(new)


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


def retention_periods() -> dict[str, timedelta]:
    """How long each category is kept (the gemeente's selectielijst sets the audit period)."""
    days = int(os.environ.get("AVG_AUDIT_BEWAARTERMIJN_DAGEN", DEFAULT_AUDIT_RETENTION_DAYS))
    return {"idempotentie": KEEP_ANSWERS, "audittrail": timedelta(days=days)}


def purge(session: Session, now: datetime) -> dict[str, int]:
    periods = retention_periods()
    columns = {"idempotentie": IDEMPOTENTIE.c.aangemaakt, "audittrail": AUDITTRAIL.c.aanmaakdatum}
    return {
        categorie: _deleted(session, delete(column.table).where(column < now - periods[categorie]))
        for categorie, column in columns.items()
    }


def _deleted(session: Session, statement: Any) -> int:
    result: CursorResult[Any] = session.execute(statement)  # type: ignore[assignment]
    return result.rowcount


@router.post("/opschonen", response_model=Opschoning)
def opschonen(principal: Purgers, session: DbSession) -> Opschoning:
    """Remove what is past its retention period (run by the scheduler's job; safe to repeat)."""
    return Opschoning(verwijderd=purge(session, utcnow()))
