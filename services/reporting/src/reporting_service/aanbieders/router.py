from fastapi import APIRouter
from inburgering_shared.api import DbSession
from inburgering_shared.problems import problem_responses

from ..scope import ReportScope
from . import service
from .schemas import AanbiederPrestatie

router = APIRouter(tags=["aanbieders"])


@router.get("/aanbieders", response_model=list[AanbiederPrestatie], responses=problem_responses(403, 404))
def aanbieders(scope: ReportScope, session: DbSession) -> list[AanbiederPrestatie]:
    """Per taalaanbieder of a gemeente or region: people served, attendance, progress, exams in [van, tot)."""
    return service.aanbieders(session, scope=scope)
