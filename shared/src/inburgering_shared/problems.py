"""Errors as application/problem+json (RFC 9457), as the NL API Design Rules ask.

Services raise the domain errors below; one set of handlers renders every error,
including FastAPI's own validation errors (400, not 422: ADR
/core/error-handling/invalid-input) and anything unexpected (500, logged without
request data).
"""

from __future__ import annotations

import logging
from collections.abc import Iterable, Mapping
from http import HTTPStatus
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from pydantic import BaseModel
from sqlalchemy.exc import IntegrityError, OperationalError
from sqlalchemy.orm.exc import StaleDataError
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.types import Receive, Scope, Send

from .bsn import mask_bsns

PROBLEM_JSON = "application/problem+json"
TYPE_BASE = "https://inburgering.example/problemen/"

log = logging.getLogger(__name__)


class InvalidParam(BaseModel):
    name: str
    code: str
    reason: str


class Problem(BaseModel):
    type: str
    title: str
    status: int
    detail: str
    instance: str
    code: str
    invalidParams: list[InvalidParam] = []


class DomainError(Exception):
    """Base of the errors a service function may raise; never an HTTPException."""

    status = 400
    code = "ongeldig"
    title = "Ongeldig verzoek"

    def __init__(self, detail: str, *, invalid_params: list[InvalidParam] | None = None):
        super().__init__(detail)
        self.detail = detail
        self.invalid_params = invalid_params or []


class InvalidInput(DomainError):
    status, code, title = 400, "ongeldige-invoer", "Ongeldige invoer"


class NotAuthenticated(DomainError):
    status, code, title = 401, "niet-geauthenticeerd", "Niet geauthenticeerd"


class Forbidden(DomainError):
    status, code, title = 403, "geen-toegang", "Geen toegang"


class NotFound(DomainError):
    status, code, title = 404, "niet-gevonden", "Niet gevonden"


class Conflict(DomainError):
    status, code, title = 409, "conflict", "Conflict met de huidige toestand"


class PreconditionFailed(DomainError):
    status, code, title = 412, "voorwaarde-mislukt", "De resource is intussen gewijzigd"


class PreconditionRequired(DomainError):
    status, code, title = 428, "if-match-vereist", "If-Match header is verplicht"


class RuleViolation(DomainError):
    """A rule of the law refuses the request; the invalid params name the rule."""

    status, code, title = 422, "regel-geschonden", "Het verzoek is in strijd met een regel"


class ServiceUnavailable(DomainError):
    status, code, title = 503, "niet-beschikbaar", "Tijdelijk niet beschikbaar"


class BadGateway(DomainError):
    """An external system (DUO) answered with an error or outside its own contract."""

    status, code, title = 502, "bron-fout", "De externe bron gaf geen bruikbaar antwoord"


def problem_response(
    request: Request,
    status: int,
    *,
    code: str,
    title: str,
    detail: str,
    invalid_params: list[InvalidParam] | None = None,
    headers: dict[str, str] | None = None,
) -> JSONResponse:
    problem = Problem(
        type=TYPE_BASE + code,
        title=title,
        status=status,
        detail=detail,
        instance=mask_bsns(request.url.path),  # a BSN put in a path by mistake is not echoed
        code=code,
        invalidParams=invalid_params or [],
    )
    return JSONResponse(problem.model_dump(), status_code=status, media_type=PROBLEM_JSON, headers=headers)


async def send_unavailable(scope: Scope, receive: Receive, send: Send, detail: str, retry_after: int) -> None:
    """Answer 503 with Retry-After from a middleware (outside the app's exception handlers)."""
    response = problem_response(
        Request(scope),
        503,
        code=ServiceUnavailable.code,
        title=ServiceUnavailable.title,
        detail=detail,
        headers={"Retry-After": str(retry_after)},
    )
    await response(scope, receive, send)


def http_problem(request: Request, exc: StarletteHTTPException) -> JSONResponse:
    """The problem+json of an HTTP-level refusal (404, 405, 413) that no domain rule raised."""
    phrase = HTTPStatus(exc.status_code).phrase
    return problem_response(
        request,
        exc.status_code,
        code=phrase.lower().replace(" ", "-"),
        title=phrase,
        detail=str(exc.detail) if exc.detail else phrase,
        headers=getattr(exc, "headers", None),
    )


def _field_name(loc: tuple[Any, ...]) -> str:
    parts = [str(p) for p in loc if p not in ("body", "query", "path", "header")]
    return ".".join(parts) or (str(loc[0]) if loc else "body")


def invalid_params_of(errors: Iterable[Mapping[str, Any]]) -> list[InvalidParam]:
    """invalidParams for pydantic's errors (also for items validated one by one, as in a bulk request)."""
    return [
        # The input value itself is never echoed: it may be a BSN or health data.
        InvalidParam(name=_field_name(tuple(err["loc"])), code=err["type"], reason=err["msg"])
        for err in errors
    ]


def _validation_params(exc: RequestValidationError) -> list[InvalidParam]:
    return invalid_params_of(exc.errors())


def install_problem_handlers(app: FastAPI) -> None:
    @app.exception_handler(DomainError)
    async def domain_error(request: Request, exc: DomainError) -> JSONResponse:
        headers = {"WWW-Authenticate": "Bearer"} if exc.status == 401 else None
        if exc.status == 503:
            headers = {"Retry-After": "5"}
        return problem_response(
            request,
            exc.status,
            code=exc.code,
            title=exc.title,
            detail=exc.detail,
            invalid_params=exc.invalid_params,
            headers=headers,
        )

    @app.exception_handler(RequestValidationError)
    async def validation_error(request: Request, exc: RequestValidationError) -> JSONResponse:
        return problem_response(
            request,
            400,
            code=InvalidInput.code,
            title=InvalidInput.title,
            detail="Een of meer velden zijn ongeldig.",
            invalid_params=_validation_params(exc),
        )

    @app.exception_handler(StarletteHTTPException)
    async def http_error(request: Request, exc: StarletteHTTPException) -> JSONResponse:
        return http_problem(request, exc)

    @app.exception_handler(IntegrityError)
    async def integrity_error(request: Request, exc: IntegrityError) -> JSONResponse:
        # A concurrent request stored the same thing first; nothing of this one was kept.
        return problem_response(
            request,
            409,
            code=Conflict.code,
            title=Conflict.title,
            detail="Een gelijktijdig verzoek ging voor; probeer het opnieuw.",
        )

    @app.exception_handler(StaleDataError)
    async def stale_data(request: Request, exc: StaleDataError) -> JSONResponse:
        # A concurrent edit of the same version committed first (version_id_col).
        return problem_response(
            request,
            412,
            code=PreconditionFailed.code,
            title=PreconditionFailed.title,
            detail="De resource is gelijktijdig gewijzigd; lees opnieuw.",
        )

    @app.exception_handler(OperationalError)
    async def database_unavailable(request: Request, exc: OperationalError) -> JSONResponse:
        reason = str(exc.orig).splitlines()[0] if exc.orig else type(exc).__name__
        log.error("database unavailable on %s %s: %s", request.method, request.url.path, reason)
        return problem_response(
            request,
            503,
            code=ServiceUnavailable.code,
            title=ServiceUnavailable.title,
            detail="De database is tijdelijk niet bereikbaar.",
            headers={"Retry-After": "5"},
        )

    @app.exception_handler(Exception)
    async def unexpected_error(request: Request, exc: Exception) -> JSONResponse:
        log.exception("unhandled error on %s %s", request.method, request.url.path)
        return problem_response(
            request,
            500,
            code="interne-fout",
            title="Interne fout",
            detail="Er ging iets mis aan onze kant; de fout is gelogd.",
            # Starlette answers this one outside every middleware, so the header is set here.
            headers={"API-Version": request.app.version},
        )


def problem_responses(*statuses: int) -> dict[int | str, dict[str, Any]]:
    """The `responses=` declaration of problem+json answers for a route."""
    return {
        status: {
            "description": HTTPStatus(status).phrase,
            "content": {PROBLEM_JSON: {"schema": {"$ref": "#/components/schemas/Problem"}}},
        }
        for status in statuses
    }
