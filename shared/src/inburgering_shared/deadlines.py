"""Deadlines as data, the same way in every service that owns some (pip, trajectory).

`DeadlineColumns` is the row shape (a mixin for the owning service's own model);
`deadline_router` exposes open deadlines for the scheduler: filtered by status
and due date, ordered by due date, paged by keyset so a scan over a million
rows stays on the index (and counted only on the first page, so no page
counts the million again).
"""

import calendar
import uuid
from datetime import date, datetime
from typing import Annotated, Any

from fastapi import APIRouter, Depends, Query, Request
from sqlalchemy import Date, Index, String, func, select, tuple_
from sqlalchemy.orm import Mapped, declared_attr, mapped_column

from .api import ApiUrl, DbSession
from .auth import CASEWORK, Principal, Role, require
from .bounds import Datum
from .contracts.resources import DeadlineContract, DeadlineStatus
from .db import UTCDateTime, Uuid, new_uuid, utcnow
from .filters import UUID_PATTERN
from .pagination import MAX_PAGE_SIZE, KeysetPage
from .problems import NotFound
from .strict import Tijdstip


class DeadlineColumns:
    id: Mapped[uuid.UUID] = mapped_column(Uuid, primary_key=True, default=new_uuid)
    soort: Mapped[str] = mapped_column(String(40))
    subject_id: Mapped[uuid.UUID] = mapped_column(Uuid, index=True)
    inburgeraar_url: Mapped[str] = mapped_column(String(300))
    gemeentecode: Mapped[str] = mapped_column(String(6))
    vervaldatum: Mapped[date] = mapped_column(Date)
    status: Mapped[str] = mapped_column(String(12))
    regel: Mapped[str] = mapped_column(String(200))
    gestart_door: Mapped[str] = mapped_column(String(200))
    afsluitreden: Mapped[str | None] = mapped_column(String(200))
    """Why a deadline closed without being met (status vervallen): the end state with its source."""
    gewijzigd: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow, onupdate=utcnow)

    @declared_attr.directive
    def __table_args__(cls) -> tuple[Any, ...]:  # noqa: N805 (a declared_attr takes the class)
        table = cls.__tablename__  # type: ignore[attr-defined]
        return (
            Index(f"ix_{table}_scan", "status", "vervaldatum", "id"),
            Index(f"ix_{table}_gewijzigd", "gewijzigd"),  # the scheduler's "changed since" reads
        )


# The keyset cursor: the last row's due date and id, `JJJJ-MM-DD_<uuid>` (the scheduler starts a
# window with a cursor of its own). Every string the pattern admits is a position in that order, so
# the pattern is the whole validation: a day past the month's end (02-30) sorts after the month's
# last day, as its text does.
CURSOR_PATTERN = rf"^[1-9][0-9]{{3}}-(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])_{UUID_PATTERN}$"
MAX_UUID = uuid.UUID(int=2**128 - 1)


def _cursor(value: str | None) -> tuple[date, uuid.UUID] | None:
    if value is None:
        return None
    day, ident = value.split("_", 1)
    year, month, dag = (int(part) for part in day.split("-"))
    last = calendar.monthrange(year, month)[1]
    if dag > last:
        return date(year, month, last), MAX_UUID
    return date(year, month, dag), uuid.UUID(ident)


def _cursor_after(row: DeadlineColumns) -> str:
    return f"{row.vervaldatum}_{row.id}"


def deadline_router(model: type[DeadlineColumns]) -> APIRouter:
    router = APIRouter(prefix="/deadlines", tags=["deadlines"])
    Reader = Annotated[Principal, Depends(require(Role.SCHEDULER, Role.SERVICE, *CASEWORK))]  # noqa: N806

    def to_contract(api_url: str, row: DeadlineColumns) -> DeadlineContract:
        return DeadlineContract(
            url=f"{api_url}/deadlines/{row.id}",
            uuid=row.id,
            soort=row.soort,
            inburgeraar=row.inburgeraar_url,
            gemeentecode=row.gemeentecode,
            vervaldatum=row.vervaldatum,
            status=DeadlineStatus(row.status),
            regel=row.regel,
            afsluitreden=row.afsluitreden,
        )

    @router.get("", response_model=KeysetPage[DeadlineContract])
    def list_deadlines(
        request: Request,
        principal: Reader,
        session: DbSession,
        api_url: ApiUrl,
        status: DeadlineStatus = DeadlineStatus.OPEN,
        vervaldatumTot: Annotated[Datum | None, Query(description="Tot en met deze datum")] = None,
        na: Annotated[str | None, Query(pattern=CURSOR_PATTERN, description="Cursor uit `next`")] = None,
        gewijzigdNa: Annotated[
            Tijdstip | None,
            Query(description="Alleen termijnen die na dit moment zijn aangemaakt of gewijzigd"),
        ] = None,
        pageSize: Annotated[int, Query(ge=1, le=MAX_PAGE_SIZE)] = 100,
    ) -> KeysetPage[DeadlineContract]:
        """Deadlines by due date, oldest first, paged by keyset (`next` carries the cursor); the count only
        on the first page (without `na`)."""
        query = select(model).where(model.status == status.value)
        if vervaldatumTot is not None:
            query = query.where(model.vervaldatum <= vervaldatumTot)
        if gewijzigdNa is not None:
            query = query.where(model.gewijzigd > gewijzigdNa)
        if (gemeenten := principal.gemeente_filter()) is not None:
            query = query.where(model.gemeentecode.in_(gemeenten))
        count = None
        if (after := _cursor(na)) is not None:
            query = query.where(tuple_(model.vervaldatum, model.id) > tuple_(*after))
        else:
            count = session.scalar(select(func.count()).select_from(query.subquery())) or 0
        rows = list(session.scalars(query.order_by(model.vervaldatum, model.id).limit(pageSize)))
        next_url = None
        if len(rows) == pageSize:
            last = rows[-1]
            next_url = str(request.url.include_query_params(na=_cursor_after(last)))
        results = [to_contract(api_url, r) for r in rows]
        return KeysetPage(count=count, next=next_url, previous=None, results=results)

    @router.get("/{deadlineId}", response_model=DeadlineContract)
    def get_deadline(
        deadlineId: uuid.UUID, principal: Reader, session: DbSession, api_url: ApiUrl
    ) -> DeadlineContract:
        row = session.get(model, deadlineId)
        if row is None or not principal.may_access(row.gemeentecode):
            raise NotFound("Deadline niet gevonden.")
        return to_contract(api_url, row)

    return router
