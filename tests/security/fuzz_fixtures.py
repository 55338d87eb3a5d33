"""The records the fuzzer meets: every service in process, wired as in production, and data made
through their APIs with the events between them delivered.

Each app finds the others at `http://<name>.fuzz` (`inburgering_shared.system.wiring`); a
transport hands such a request to that app's TestClient, so a service reading another's
resource and the outbox delivering an event both reach the real app. Deliveries run when
`deliver` is called, not in a thread, so the set-up is the same every run.
"""

from collections.abc import Awaitable, Callable, Iterator
from contextlib import contextmanager
from datetime import date, timedelta
from typing import Any

import anyio
import httpx
import pytest
from fastapi import FastAPI
from fastapi.testclient import TestClient
from inburgering_shared import voorbeeld_pip
from inburgering_shared.http import ServiceClient
from inburgering_shared.outbox import Dispatcher
from inburgering_shared.system import wiring
from security_testkit import OWN, seed_dossier

# Answer headers that describe the bytes TestClient already decoded.
_TRANSFER_HEADERS = ("content-encoding", "content-length", "transfer-encoding")


def base_url(name: str) -> str:
    return f"http://{name}.fuzz"


@contextmanager
def wired_environment() -> Iterator[None]:
    """The settings that tell each service where the others are, while the apps are built."""
    with pytest.MonkeyPatch.context() as patch:
        for name, value in wiring(base_url).items():
            patch.setenv(name, value)
        yield


class InProcess(httpx.BaseTransport):
    """Hands a request for `http://<name>.fuzz` to that service's TestClient."""

    def __init__(self, clients: dict[str, TestClient]) -> None:
        self.clients = clients

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        client = self.clients.get(request.url.host.removesuffix(".fuzz"))
        if client is None or not request.url.host.endswith(".fuzz"):  # as a name no DNS knows
            raise httpx.ConnectError(f"no service at {request.url.host}", request=request)
        answer = client.request(
            request.method, str(request.url), headers=dict(request.headers), content=request.read()
        )
        headers = [(k, v) for k, v in answer.headers.multi_items() if k.lower() not in _TRANSFER_HEADERS]
        return httpx.Response(answer.status_code, headers=headers, content=answer.content)


def asgi_via(client: TestClient) -> Callable[..., Awaitable[None]]:
    """An ASGI app that hands each request to `client`, for the requests schemathesis sends itself
    (`ignored_auth` sends a case again without credentials). Its lifespan does nothing: the app's
    own has run in `client`, and a second would give the app a service client outside the wiring."""

    async def app(scope: dict[str, Any], receive: Callable[..., Any], send: Callable[..., Any]) -> None:
        if scope["type"] == "lifespan":
            while (message := await receive())["type"] != "lifespan.shutdown":
                await send({"type": "lifespan.startup.complete"})
            await send({"type": "lifespan.shutdown.complete"})
            return
        body, more = b"", True
        while more:
            message = await receive()
            body, more = body + message.get("body", b""), message.get("more_body", False)
        query = scope["query_string"].decode()
        url = scope["raw_path"].decode() + (f"?{query}" if query else "")
        headers = [
            (k.decode("latin-1"), v.decode("latin-1"))
            for k, v in scope["headers"]
            if k.decode("latin-1") not in _TRANSFER_HEADERS
        ]
        answer = await anyio.to_thread.run_sync(
            lambda: client.request(scope["method"], url, headers=headers, content=body)
        )
        await send(
            {
                "type": "http.response.start",
                "status": answer.status_code,
                "headers": [
                    (k.encode("latin-1"), v.encode("latin-1"))
                    for k, v in answer.headers.multi_items()
                    if k.lower() not in _TRANSFER_HEADERS
                ],
            }
        )
        await send({"type": "http.response.body", "body": answer.content})

    return app


class System:
    """The started apps, connected: service calls and event deliveries go through `InProcess`."""

    def __init__(self, apps: dict[str, FastAPI], clients: dict[str, TestClient]) -> None:
        transport = InProcess(clients)
        self.clients = clients
        self.dispatchers = []
        for app in apps.values():
            token = app.state.service_client.token
            app.state.service_client.close()
            app.state.service_client = ServiceClient(token, transport=transport)
            if app.state.outbox is not None:
                dispatcher = Dispatcher(app.state.outbox, app.state.engine, token)
                dispatcher.http.close()
                dispatcher.http = httpx.Client(transport=transport)
                self.dispatchers.append(dispatcher)

    def deliver(self) -> None:
        """Every event published so far, and those their effects publish, until none is due."""
        while sum(dispatcher.deliver_due() for dispatcher in self.dispatchers):
            pass


def seed(system: System, token: Callable[[], dict[str, str]]) -> dict[str, dict[str, list[str]]]:
    """Per service, the ids of records of the own gemeente by path-parameter name: intake's dossier
    and brede intake; pip's concept PIP and a vastgesteld one with its bezwaar, version and
    letter, an activity of the local offer, their deadlines; the trajectory of the vastgesteld
    PIP with its components and deadlines."""
    intake, pip, trajectory = (system.clients[name] for name in ("intake", "pip", "trajectory"))
    known: dict[str, dict[str, list[str]]] = {name: {"gemeentecode": [OWN]} for name in system.clients}
    dossier = seed_dossier(intake, lambda *_role, **_gemeente: token()).ids
    known["intake"].update({name: [value] for name, value in dossier.items()})
    tweede = seed_dossier(intake, lambda *_role, **_gemeente: token()).ids["inburgeraarId"]
    system.deliver()

    concept, vastgesteld = (
        _pip_of(pip, token, inburgeraar) for inburgeraar in (dossier["inburgeraarId"], tweede)
    )
    _vaststellen(system, token, vastgesteld)
    bezwaar = pip.post(
        f"/v1/pips/{vastgesteld['uuid']}/bezwaren",
        json={"ontvangen": date.today().isoformat(), "gronden": "De leerroute past niet."},
        headers=token(),
    )
    assert bezwaar.status_code == 201, bezwaar.text
    activiteit = pip.post("/v1/activiteiten", params={"gemeentecode": OWN}, json=ACTIVITEIT, headers=token())
    assert activiteit.status_code == 201, activiteit.text
    system.deliver()
    known["pip"].update(
        {
            "pipId": [concept["uuid"], vastgesteld["uuid"]],
            "bezwaarId": [bezwaar.json()["uuid"]],
            "versie": ["1"],
            "activiteitId": [activiteit.json()["uuid"]],
            "deadlineId": _uuids(pip, token, "/v1/deadlines"),
        }
    )
    trajecten = _uuids(trajectory, token, "/v1/trajecten")
    assert trajecten, "the vastgesteld PIP made a trajectory"
    known["trajectory"].update(
        {"trajectId": trajecten, "deadlineId": _uuids(trajectory, token, "/v1/deadlines")}
    )
    return known


ACTIVITEIT = {
    "aanbieder": "Bibliotheek Noordoostpolder",
    "titel": "Taalcafé",
    "stap": "taal en digitale vaardigheden oefenen",
    "leefgebieden": ["sociale participatie"],
    "plaats": "Emmeloord",
    "rooster": "dinsdag 10.00-12.00",
    "capaciteit": 12,
}


def _uuids(client: TestClient, token: Callable[[], dict[str, str]], path: str) -> list[str]:
    answer = client.get(path, params={"pageSize": 100}, headers=token())
    assert answer.status_code == 200, answer.text
    return [str(item["uuid"]) for item in answer.json()["results"]]


def _pip_of(pip: TestClient, token: Callable[[], dict[str, str]], inburgeraar: str) -> dict[str, str]:
    url = f"{base_url('intake')}/v1/inburgeraars/{inburgeraar}"
    answer = pip.get("/v1/pips", params={"inburgeraar": url}, headers=token())
    assert answer.status_code == 200, answer.text
    return next(p for p in answer.json()["results"] if p["inburgeraar"] == url)


def _vaststellen(system: System, token: Callable[[], dict[str, str]], pip: dict[str, str]) -> None:
    """Record the BRP registration (vaststellen needs it: R6), complete the concept as a
    klantmanager would (voorbeeld_pip), then vaststellen."""
    transport = InProcess(system.clients)
    with httpx.Client(transport=transport, headers=token()) as client:
        dossier = client.get(pip["inburgeraar"])
        client.patch(
            pip["inburgeraar"],
            json={"datumInschrijvingBrp": (date.today() - timedelta(days=7)).isoformat()},
            headers={"If-Match": dossier.headers["ETag"]},
        ).raise_for_status()
        system.deliver()
        voorbeeld_pip.zet_briefhoofd(client, f"{base_url('pip')}/v1", OWN)
        voorbeeld_pip.maak_volledig(client, pip, date.today())
        url = f"{base_url('pip')}/v1/pips/{pip['uuid']}"
        answer = client.post(
            f"{url}/vaststellen",
            json={"leerroute": "B1-route", "dagtekening": date.today().isoformat()},
            headers={"If-Match": client.get(url).headers["ETag"]},
        )
        assert answer.status_code == 200, answer.text
    system.deliver()
