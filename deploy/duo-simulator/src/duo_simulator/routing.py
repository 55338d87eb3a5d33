"""What every DUO endpoint shares: the bron/doel/berichtId headers, API-Version, outages
and DUO's error answers."""

import re
import uuid
from collections.abc import Callable, Coroutine
from datetime import date
from typing import Any

from fastapi import APIRouter, Request, Response
from fastapi.encoders import jsonable_encoder
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from fastapi.routing import APIRoute
from starlette.exceptions import HTTPException

from duo_simulator.state import Persoon, SimulatorState

_OIN = re.compile(r"^.{20}$")


class WeigeringError(Exception):
    """DUO refuses the request: 403 with a list of Foutmelding."""

    def __init__(self, fouten: list[str]) -> None:
        super().__init__("; ".join(fouten))
        self.fouten = fouten


class GeenToegangError(Exception):
    """403 without a body (the spec declares no body for it)."""


class NietGevondenError(Exception):
    """404 without a body."""


class OngeldigVerzoekError(Exception):
    """400 without a body: the request does not meet the specification."""


def controleer_headers(request: Request) -> None:
    """The Bron, Doel and BerichtId parameters every DUO operation declares as required."""
    for naam in ("bron", "doel"):
        if not _OIN.match(request.headers.get(naam, "")):
            raise OngeldigVerzoekError(naam)
    try:
        uuid.UUID(request.headers.get("berichtId", ""))
    except ValueError:
        raise OngeldigVerzoekError("berichtId") from None


def duo_router(api_version: str, **kwargs: Any) -> APIRouter:
    """A router for one DUO API: every response carries that API's version in `API-Version`."""

    class DuoRoute(APIRoute):
        def get_route_handler(self) -> Callable[[Request], Coroutine[Any, Any, Response]]:
            handler = super().get_route_handler()

            async def afhandelen(request: Request) -> Response:
                response = await _beantwoord(request, handler)
                response.headers["API-Version"] = api_version
                if "berichtId" in request.headers:
                    response.headers["berichtId"] = request.headers["berichtId"]
                return response

            return afhandelen

    return APIRouter(route_class=DuoRoute, **kwargs)


async def _beantwoord(
    request: Request, handler: Callable[[Request], Coroutine[Any, Any, Response]]
) -> Response:
    if simulator(request).storing.verbruik():
        return Response(status_code=503)
    if (vast := simulator(request).vaste_antwoorden.get((request.method, request.url.path))) is not None:
        return JSONResponse(vast.body, status_code=vast.status)
    try:
        controleer_headers(request)
        return await handler(request)
    except (OngeldigVerzoekError, RequestValidationError):
        return Response(status_code=400)
    except HTTPException as fout:
        if fout.status_code != 400:
            raise
        return Response(status_code=400)  # a body that is not JSON at all
    except WeigeringError as weigering:
        return JSONResponse([{"fouttekst": tekst} for tekst in weigering.fouten], status_code=403)
    except GeenToegangError:
        return Response(status_code=403)
    except NietGevondenError:
        return Response(status_code=404)


def simulator(request: Request) -> SimulatorState:
    return request.app.state.simulator


def vandaag(request: Request) -> date:
    return simulator(request).vandaag()


def bron(request: Request) -> str:
    return request.headers["bron"]


def persoon(request: Request, bsn: str, *, met_foutmelding: bool = False) -> Persoon:
    """The person, when DUO knows them (404) and they are relevant for the asking gemeente (403).

    `met_foutmelding`: the operation declares a Foutmelding list for its 403.
    """
    gevonden = simulator(request).personen.get(bsn)
    if gevonden is None:
        raise NietGevondenError(bsn)
    if not gevonden.is_relevant_voor(bron(request)):
        if met_foutmelding:
            raise WeigeringError(["De persoon is niet relevant voor uw gemeente."])
        raise GeenToegangError(bsn)
    return gevonden


def weiger_bij(fouten: list[str]) -> None:
    if fouten:
        raise WeigeringError(fouten)


def antwoord(inhoud: Any, status_code: int = 200) -> JSONResponse:
    """A DUO JSON body: pydantic models dumped by DUO's field names, absent fields left out."""
    return JSONResponse(jsonable_encoder(inhoud, exclude_none=True), status_code=status_code)


BSN = r"^\d{9}$"
