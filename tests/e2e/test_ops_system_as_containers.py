"""The compose topology without containers: every service through its container entrypoint.

Each service starts with `inburgering_shared.serve` (as in deploy/compose.yaml), which migrates its
own empty database before serving; nothing is migrated beforehand. On both database lanes.
Then one request crosses services: COA's handover reaches pip as an event, pip reads the inburgeraar
from intake, and the correlation id of pip's request appears in both services' JSON logs.
"""

import json
import os
from collections.abc import Iterator

import httpx
import pytest
from inburgering_shared.bsn import bsn_numbers
from inburgering_shared.system import SERVICES, LocalSystem, service_environment
from inburgering_shared.testing import DatabaseBackend

from .conftest import eventually, free_ports

pytestmark = pytest.mark.e2e


@pytest.fixture(scope="module")
def containers(
    database_backend: DatabaseBackend, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[LocalSystem]:
    ports = dict(zip([s.name for s in SERVICES], free_ports(len(SERVICES)), strict=True))
    env = service_environment(ports, lambda name: database_backend.url_for(f"ops_containers_{name}"))
    env.update(
        AUTH_JWT_SECRET=os.environ["AUTH_JWT_SECRET"],
        **{f"{s.prefix}DISPATCH_INTERVAL_SECONDS": "0.2" for s in SERVICES},
    )
    local = LocalSystem(
        env=env,
        ports=ports,
        log_dir=tmp_path_factory.mktemp("logs"),
        scheduler_worker=False,
        as_containers=True,
    )
    local.start_all()
    try:
        local.wait_ready(timeout=120)
        yield local
    finally:
        local.stop_all()


def log_entries(system: LocalSystem, name: str) -> list[dict]:
    lines = (system.log_dir / f"{name}.log").read_text().splitlines()
    return [json.loads(line) for line in lines if line.startswith("{")]


def test_each_service_migrated_itself_and_serves_metrics(containers: LocalSystem):
    for spec in SERVICES:
        response = httpx.get(f"http://127.0.0.1:{containers.ports[spec.name]}/metrics")
        assert response.status_code == 200, spec.name
        assert "http_request_duration_seconds" in response.text


def test_correlation_id_travels_from_pip_to_intake(containers: LocalSystem, auth_headers):
    intake = f"http://127.0.0.1:{containers.ports['intake']}/v1"
    handover = {
        "coaReferentie": "COA-OPS-E2E-1",
        "gemeentecode": "GM0171",
        "datumKoppeling": "2026-08-01",
        "persoon": {
            "bsn": next(bsn_numbers(444_000_000)),
            "voornamen": "Amal",
            "achternaam": "Haddad",
            "geboortedatum": "1990-01-01",
            "doelgroep": "Asielstatushouder",
        },
    }
    response = httpx.post(f"{intake}/coa-overdrachten", json=handover, headers=auth_headers("coa"))
    assert response.status_code == 201, response.text

    def callback_ids() -> set[str]:
        return {
            e["correlationId"]
            for e in log_entries(containers, "pip")
            if e.get("route") == "/v1/callbacks" and e.get("status") == 204 and "correlationId" in e
        }

    callbacks = eventually(callback_ids)
    reads = {
        e.get("correlationId")
        for e in log_entries(containers, "intake")
        if e.get("route") == "/v1/inburgeraars/{inburgeraarId}" and e.get("method") == "GET"
    }
    assert callbacks & reads, (callbacks, reads)
    assert handover["persoon"]["bsn"] not in (containers.log_dir / "intake.log").read_text()
