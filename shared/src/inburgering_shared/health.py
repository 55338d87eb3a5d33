"""Liveness and readiness: /health answers while the process runs, /health/ready checks the database."""

from __future__ import annotations

from fastapi import APIRouter, Request
from fastapi.responses import JSONResponse
from sqlalchemy import text
from sqlalchemy.exc import SQLAlchemyError

from .problems import problem_response

router = APIRouter(include_in_schema=False)


@router.get("/health")
def health() -> dict[str, str]:
    return {"status": "ok"}


@router.get("/health/ready")
def ready(request: Request) -> JSONResponse:
    try:
        with request.app.state.engine.connect() as connection:
            connection.execute(text("SELECT 1"))
    except SQLAlchemyError:
        return problem_response(
            request,
            503,
            code="database-niet-bereikbaar",
            title="Niet gereed",
            detail="De database is niet bereikbaar.",
        )
    return JSONResponse({"status": "ready"})
