"""What the security tests share: building every service's app, the matrix, seeded own-gemeente records.

(conftest.py puts this folder on sys.path: pytest runs with importlib mode.)
"""

import contextlib
import importlib
import json
import socket
import threading
import uuid
from collections.abc import Callable
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import httpx
from fastapi import FastAPI
from fastapi.testclient import TestClient
from inburgering_shared.authorisation_matrix import Entry, read_matrix
from inburgering_shared.bsn import bsn_numbers
from inburgering_shared.system import SERVICES
from inburgering_shared.testing import DatabaseBackend, TokenFactory, migrated_app

ROOT = Path(__file__).resolve().parents[2]
MATRIX_PAGE = ROOT / "docs" / "authorisation.md"
SERVICE_NAMES = [spec.name for spec in SERVICES]
OWN, FOREIGN = "GM0171", "GM0363"
_bsns = bsn_numbers(222_000_000)


def build_app(
    backend: DatabaseBackend,
    name: str,
    prefix: str = "sec",
    connect_via: Callable[[str], str] = str,
    **settings: Any,
) -> FastAPI:
    """`name`'s app on its own migrated database; `connect_via` may rewrite the URL the app uses."""
    spec = next(s for s in SERVICES if s.name == name)
    main = importlib.import_module(f"{spec.package}.main")
    config = importlib.import_module(f"{spec.package}.config")
    return migrated_app(
        backend,
        f"{prefix}_{name}",
        spec.alembic_ini,
        lambda url: main.create_app(
            config.Settings(database_url=connect_via(url), dispatcher_enabled=False, **settings)
        ),
    )


def matrix_entries() -> list[Entry]:
    return [entry for entries in read_matrix(MATRIX_PAGE).values() for entry in entries.values()]


def persoon(bsn: str, gemeente: str = OWN) -> dict[str, str]:
    return {
        "bsn": bsn,
        "gemeentecode": gemeente,
        "voornamen": "Amina",
        "achternaam": "Haddad",
        "geboortedatum": "1990-04-12",
        "landVanHerkomst": "Syrie",
        "doelgroep": "Asielstatushouder",
    }


@dataclass
class Seeded:
    """Records of the own gemeente, made through the API: their ids by path-parameter name."""

    ids: dict[str, str] = field(default_factory=dict)
    secrets: list[str] = field(default_factory=list)
    reads: list[str] = field(default_factory=list)

    def snapshot(self, client: TestClient, auth_headers: TokenFactory) -> list[Any]:
        km = auth_headers("klantmanager", gemeente=OWN)
        return [client.get(url, headers=km).json() for url in self.reads]


def seed_dossier(intake: TestClient, auth_headers: TokenFactory) -> Seeded:
    """An inburgeraar of GM0171 with a brede intake."""
    km = auth_headers("klantmanager", gemeente=OWN)
    bsn = next(_bsns)
    dossier = intake.post("/v1/inburgeraars", json=persoon(bsn), headers=km)
    assert dossier.status_code == 201, dossier.text
    inburgeraar = dossier.json()["uuid"]
    intake_response = intake.post("/v1/brede-intakes", json={"inburgeraar": inburgeraar}, headers=km)
    assert intake_response.status_code == 201, intake_response.text
    brede_intake = intake_response.json()["uuid"]
    return Seeded(
        ids={"inburgeraarId": inburgeraar, "bredeIntakeId": brede_intake},
        secrets=[bsn, inburgeraar, brede_intake],
        reads=[f"/v1/inburgeraars/{inburgeraar}", f"/v1/brede-intakes/{brede_intake}"],
    )


class TcpProxy:
    """A TCP forwarder in front of a real server, to take it away and bring it back.

    `cut()` drops every open connection and turns the proxy into a black hole:
    new connections are accepted and never answered (the worst case for a
    client without timeouts). `restore()` forwards again.
    """

    def __init__(self, target_host: str, target_port: int) -> None:
        self.target = (target_host, target_port)
        self.listener = socket.create_server(("127.0.0.1", 0))
        self.port = self.listener.getsockname()[1]
        self.forwarding = True
        self.open: list[socket.socket] = []
        self.lock = threading.Lock()
        threading.Thread(target=self._accept, daemon=True).start()

    def _accept(self) -> None:
        while True:
            try:
                client, _ = self.listener.accept()
            except OSError:
                return
            with self.lock:
                self.open.append(client)
                if not self.forwarding:
                    continue  # black hole: held open, never answered
            upstream = socket.create_connection(self.target)
            with self.lock:
                self.open.append(upstream)
            for source, sink in ((client, upstream), (upstream, client)):
                threading.Thread(target=self._pipe, args=(source, sink), daemon=True).start()

    @staticmethod
    def _pipe(source: socket.socket, sink: socket.socket) -> None:
        try:
            while data := source.recv(65536):
                sink.sendall(data)
        except OSError:
            pass
        for end in (source, sink):
            with contextlib.suppress(OSError):
                end.shutdown(socket.SHUT_RDWR)

    def cut(self) -> None:
        with self.lock:
            self.forwarding = False
            for connection in self.open:
                with contextlib.suppress(OSError):
                    connection.shutdown(socket.SHUT_RDWR)
                connection.close()
            self.open.clear()

    def restore(self) -> None:
        with self.lock:
            self.forwarding = True
            for connection in self.open:
                connection.close()
            self.open.clear()

    def close(self) -> None:
        self.cut()
        self.listener.close()


class SilentServer:
    """A downstream service that accepts connections and never answers."""

    def __init__(self) -> None:
        self.listener = socket.create_server(("127.0.0.1", 0))
        self.port = self.listener.getsockname()[1]
        self.held: list[socket.socket] = []
        threading.Thread(target=self._accept, daemon=True).start()

    def _accept(self) -> None:
        while True:
            try:
                self.held.append(self.listener.accept()[0])
            except OSError:
                return

    def close(self) -> None:
        for connection in self.held:
            connection.close()
        self.listener.close()


class InboxReceiver:
    """A subscriber over real HTTP that applies each event in one transaction with its inbox row
    (`inbox.first_receipt`, as every service's /v1/callbacks does), on its own database.

    `stop()` closes its port (connections refused, as a receiver that is down); `start()` listens on
    the same port again. `lose_answers` applies that many deliveries and then answers 500, as an
    answer lost on the way back: the sender retries what already took effect.
    """

    def __init__(self, url: str) -> None:
        from inburgering_shared.db import make_engine
        from inburgering_shared.inbox import first_receipt, inbox_table
        from sqlalchemy import Column, MetaData, Table, Uuid, insert
        from sqlalchemy.orm import Session

        metadata = MetaData()
        inbox = inbox_table(metadata)
        applied = Table("toegepast", metadata, Column("event_id", Uuid, nullable=False))
        self.engine = make_engine(url)
        metadata.create_all(self.engine)
        self.applied_table, self.deliveries, self.lose_answers = applied, 0, 0
        receiver = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self) -> None:
                body = json.loads(self.rfile.read(int(self.headers["Content-Length"])))
                event_id = uuid.UUID(body["id"])
                with Session(receiver.engine) as session, session.begin():
                    if first_receipt(session, inbox, event_id, body["kanaal"]):
                        session.execute(insert(applied).values(event_id=event_id))
                receiver.deliveries += 1
                lost = receiver.lose_answers > 0
                receiver.lose_answers -= lost
                self.send_response(500 if lost else 204)
                self.send_header("Content-Length", "0")
                self.end_headers()

            def log_message(self, *args: object) -> None:
                pass

        self.handler = Handler
        self.server: ThreadingHTTPServer | None = None
        self.port = 0
        self.start()
        self.url = f"http://127.0.0.1:{self.port}/v1/callbacks"

    def start(self) -> None:
        ThreadingHTTPServer.allow_reuse_address = True
        self.server = ThreadingHTTPServer(("127.0.0.1", self.port), self.handler)
        self.port = self.server.server_address[1]
        threading.Thread(target=self.server.serve_forever, daemon=True).start()

    def stop(self) -> None:
        if self.server is not None:
            self.server.shutdown()
            self.server.server_close()
            self.server = None

    def applied(self) -> list[uuid.UUID]:
        from sqlalchemy import select

        with self.engine.connect() as connection:
            return list(connection.scalars(select(self.applied_table.c.event_id)))

    def close(self) -> None:
        self.stop()
        self.engine.dispose()


class Router(httpx.BaseTransport):
    """Sends each request to the in-process service its host names (the wiring's base URLs)."""

    def __init__(self, clients: dict[str, TestClient]) -> None:
        self.clients = clients

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        client = self.clients[request.url.host]
        return client._transport.handle_request(request)
