import csv
import io
import json
from datetime import date
from enum import StrEnum
from typing import Annotated, Any

from fastapi import APIRouter, Query, Request, Response
from fastapi.responses import HTMLResponse
from inburgering_shared.api import DbSession
from inburgering_shared.problems import NotFound, problem_responses
from inburgering_shared.strict import Tekst

from ..kpis.router import eigen_verdeling
from ..scope import ReportScope, Scope
from .page import render
from .tables import Dashboard, Tabel, dashboard

router = APIRouter(prefix="/dashboard", tags=["dashboard"])


class Formaat(StrEnum):
    CSV = "csv"
    JSON = "json"


def _dashboard(request: Request, scope: Scope, session: DbSession) -> Dashboard:
    return dashboard(session, scope=scope, vandaag=date.today(), eigen=eigen_verdeling(request, scope))


def _query(scope: Scope) -> dict[str, str]:
    key = "gemeentecode" if scope.gemeenten == (scope.code,) else "regio"
    return {key: scope.code, "van": scope.van.isoformat(), "tot": scope.tot.isoformat()}


@router.get(
    "",
    response_class=HTMLResponse,
    responses={
        200: {"content": {"text/html": {}}, "description": "De pagina, zonder scripts of externe bronnen"},
        **problem_responses(403, 404),
    },
)
def toon_dashboard(scope: ReportScope, session: DbSession, request: Request) -> HTMLResponse:
    """The regisseur's page: charts (leerroutes, PIP timeliness, deadlines per month, budget) and tables."""
    return HTMLResponse(render(_dashboard(request, scope, session), _query(scope)))


@router.get(
    "/tabellen/{tabel}",
    response_class=Response,
    responses={
        200: {"content": {"text/csv": {}, "application/json": {}}, "description": "De tabel als CSV of JSON"},
        **problem_responses(403, 404),
    },
)
def exporteer_tabel(
    tabel: Tekst,
    scope: ReportScope,
    session: DbSession,
    request: Request,
    formaat: Annotated[Formaat, Query()] = Formaat.JSON,
) -> Response:
    """Every table of the dashboard as CSV or JSON."""
    found = next((t for t in _dashboard(request, scope, session).tabellen if t.naam == tabel), None)
    if found is None:
        raise NotFound(f"Het dashboard heeft geen tabel {tabel!r}.")
    name = f"{found.naam}-{scope.code}-{scope.van.isoformat()}"
    if formaat == Formaat.CSV:
        return Response(
            as_csv(found),
            media_type="text/csv; charset=utf-8",
            headers={"Content-Disposition": f'attachment; filename="{name}.csv"'},
        )
    return Response(json.dumps(as_json(found), ensure_ascii=False), media_type="application/json")


def as_csv(tabel: Tabel) -> str:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(tabel.kolommen)
    writer.writerows(["" if v is None else v for v in rij] for rij in tabel.rijen)
    return buffer.getvalue()


def as_json(tabel: Tabel) -> dict[str, Any]:
    return {
        "tabel": tabel.naam,
        "titel": tabel.titel,
        "kolommen": tabel.kolommen,
        "rijen": [dict(zip(tabel.kolommen, rij, strict=True)) for rij in tabel.rijen],
    }
