"""What a report is about: one gemeente or a region, over a period; checked against the token."""

from dataclasses import dataclass
from datetime import date, timedelta
from typing import Annotated

from fastapi import Depends, Query
from inburgering_shared.api import DbSession
from inburgering_shared.auth import CASEWORK, Principal, Role, require
from inburgering_shared.bounds import Datum
from inburgering_shared.contracts.resources import GEMEENTECODE_PATTERN
from inburgering_shared.openapi import one_of
from inburgering_shared.problems import InvalidInput, InvalidParam

from .regios.service import get_regio

Monitoring = Annotated[Principal, Depends(require(*CASEWORK, Role.BELEID))]


@dataclass(frozen=True)
class Scope:
    code: str  # the gemeentecode, or the region's code
    naam: str
    gemeenten: tuple[str, ...]
    van: date
    tot: date


def _invalid(name: str, reason: str) -> InvalidInput:
    return InvalidInput(reason, invalid_params=[InvalidParam(name=name, code="invalid", reason=reason)])


def report_scope(
    principal: Monitoring,
    session: DbSession,
    gemeentecode: Annotated[
        str | None, Query(pattern=GEMEENTECODE_PATTERN, json_schema_extra=one_of("gebied"))
    ] = None,
    regio: Annotated[
        str | None, Query(pattern=r"^[a-z0-9][a-z0-9-]{0,39}$", json_schema_extra=one_of("gebied"))
    ] = None,
    van: Annotated[
        Datum | None,
        Query(
            description="Begin van de periode (inclusief); standaard 1 januari van het jaar dat 'tot' afsluit"
        ),
    ] = None,
    tot: Annotated[
        Datum | None, Query(description="Einde van de periode (exclusief); standaard 1 januari erna")
    ] = None,
) -> Scope:
    if (gemeentecode is None) == (regio is None):
        raise _invalid("gemeentecode", "Geef precies een van gemeentecode en regio.")
    if van is None:  # the calendar year that `tot` closes, or else this one
        van = date((tot - timedelta(days=1)).year if tot else date.today().year, 1, 1)
    tot = tot or date(van.year + 1, 1, 1)
    if not van < tot <= date(van.year + 10, van.month, 1):
        raise _invalid("tot", "De periode moet na 'van' eindigen en ten hoogste tien jaar beslaan.")
    if gemeentecode is not None:
        principal.check_gemeente(gemeentecode)
        return Scope(gemeentecode, gemeentecode, (gemeentecode,), van, tot)
    assert regio is not None
    found, _versie = get_regio(session, principal=principal, code=regio)
    return Scope(regio, found.naam, tuple(found.gemeenten), van, tot)


ReportScope = Annotated[Scope, Depends(report_scope)]
