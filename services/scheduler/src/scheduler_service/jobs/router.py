"""HTTP for the record of job runs: what the worker did, when, and how it ended."""

from datetime import datetime
from typing import Annotated

from fastapi import APIRouter, Depends, Query, Request
from inburgering_shared.api import DbSession
from inburgering_shared.auth import Principal, Role, require
from inburgering_shared.pagination import Page, PageParams, make_page, page_params
from inburgering_shared.problems import problem_responses
from inburgering_shared.strict import Tekst
from pydantic import BaseModel
from sqlalchemy import func, select

from .models import JobRun

router = APIRouter(prefix="/job-runs", tags=["jobs"])


class JobRunRead(BaseModel):
    job: str
    gestart: datetime
    beeindigd: datetime | None
    uitkomst: str
    items: int
    fout: str | None


@router.get("", response_model=Page[JobRunRead], responses=problem_responses(400))
def list_job_runs(
    request: Request,
    session: DbSession,
    params: Annotated[PageParams, Depends(page_params)],
    principal: Annotated[Principal, Depends(require(Role.BEHEER, Role.REGISSEUR))],
    job: Annotated[Tekst | None, Query(max_length=60)] = None,
) -> Page[JobRunRead]:
    """Runs, newest first (no personal data: counts and error texts only)."""
    query = select(JobRun) if job is None else select(JobRun).where(JobRun.job == job)
    count = session.scalar(select(func.count()).select_from(query.subquery())) or 0
    rows = session.scalars(
        query.order_by(JobRun.gestart.desc(), JobRun.id).offset(params.offset).limit(params.pageSize)
    )
    return make_page(
        request, params, count, [JobRunRead.model_validate(r, from_attributes=True) for r in rows]
    )
