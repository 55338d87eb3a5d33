"""Wiring for the DUO client tests: the simulator in-process behind a synchronous transport
that records every exchange."""

import asyncio
from dataclasses import dataclass
from datetime import date

import httpx

GEMEENTE_OIN = "00000001001234567000"
DUO_OIN = "00000001000000000999"
BSN = "999990019"


@dataclass
class Uitwisseling:
    methode: str
    pad: str
    request_headers: dict[str, str]
    request_body: bytes
    status: int
    response_headers: dict[str, str]
    response_body: bytes


class InProcesTransport(httpx.BaseTransport):
    """httpx.ASGITransport for a synchronous client: each request runs the ASGI app in its own event loop."""

    def __init__(self, app) -> None:
        self._asgi = httpx.ASGITransport(app=app)
        self.uitwisselingen: list[Uitwisseling] = []

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        body = request.read()

        async def stuur() -> tuple[int, httpx.Headers, bytes]:
            antwoord = await self._asgi.handle_async_request(
                httpx.Request(request.method, request.url, headers=request.headers, content=body)
            )
            return antwoord.status_code, antwoord.headers, await antwoord.aread()

        status, headers, inhoud = asyncio.run(stuur())
        self.uitwisselingen.append(
            Uitwisseling(
                request.method, request.url.path, dict(request.headers), body, status, dict(headers), inhoud
            )
        )
        return httpx.Response(status, headers=headers, content=inhoud, request=request)


def controleer_contract(contract, uitwisselingen: list[Uitwisseling]) -> int:
    """Validate every recorded request and response against DUO's OpenAPI documents; returns how many."""
    for u in uitwisselingen:
        contract.valideer_request(u.methode, u.pad, u.request_headers, u.request_body)
        contract.valideer_response(u.methode, u.pad, u.status, u.response_headers, u.response_body)
    return len(uitwisselingen)


def feiten(**overrides) -> dict:
    basis = {
        "gemeenteOin": GEMEENTE_OIN,
        "gemeentecode": "0171",
        "vestigingsdatum": "2025-01-10",
        "inburgeringsplicht": {"indicatorInburgeringsplicht": True, "begindatum": "2025-01-01"},
        "doelgroep": {"indeling": "Asielstatushouder", "gedetailleerdeDoelgroep": "Asielstatushouder"},
    }
    basis.update(overrides)
    return basis


VANDAAG = date(2026, 6, 15)
