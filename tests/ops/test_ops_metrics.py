"""/metrics on every service: latency per route template, outbox backlog, a service's own gauges."""

import importlib
import re
from datetime import date

import pytest
from fastapi import APIRouter
from fastapi.testclient import TestClient
from inburgering_shared.api import create_service_app
from inburgering_shared.bsn import bsn_numbers
from inburgering_shared.metrics import DatabaseGauge
from inburgering_shared.settings import Abonnement
from inburgering_shared.system import SERVICES
from inburgering_shared.testing import migrated_app
from intake_service.config import Settings as IntakeSettings
from intake_service.main import create_app as create_intake
from sqlalchemy import text

HANDOVER = {
    "coaReferentie": "COA-OPS-1",
    "gemeentecode": "GM0171",
    "datumKoppeling": "2026-08-01",
    "persoon": {
        "bsn": next(bsn_numbers(333_000_000)),
        "voornamen": "Amal",
        "achternaam": "Haddad",
        "geboortedatum": "1990-01-01",
        "doelgroep": "Asielstatushouder",
    },
}


def sample(body: str, name: str, **labels: str) -> float | None:
    wanted = ",".join(f'{k}="{v}"' for k, v in sorted(labels.items()))
    pattern = "^" + re.escape(name) + (r"\{" + re.escape(wanted) + r"\}" if labels else "") + r" (\S+)"
    match = re.search(pattern, body, re.MULTILINE)
    return float(match.group(1)) if match else None


@pytest.fixture
def intake(database_backend):
    def create(url: str):
        settings = IntakeSettings(
            database_url=url,
            dispatcher_enabled=False,
            abonnementen=[
                Abonnement(callbackUrl="http://127.0.0.1:9/v1/callbacks", kanalen=["inburgeraars"])
            ],
        )
        return create_intake(settings)

    intake_spec = next(s for s in SERVICES if s.name == "intake")
    return migrated_app(database_backend, "ops_metrics_intake", intake_spec.alembic_ini, create)


def test_latency_is_labelled_by_route_template_not_raw_path(intake, auth_headers):
    with TestClient(intake) as client:
        for uuid in ("3fa85f64-5717-4562-b3fc-2c963f66afa6", "9b2d7a10-0000-4000-8000-000000000001"):
            client.get(f"/v1/inburgeraars/{uuid}", headers=auth_headers("klantmanager"))
        body = client.get("/metrics").text
    assert "3fa85f64" not in body
    count = sample(
        body,
        "http_request_duration_seconds_count",
        method="GET",
        route="/v1/inburgeraars/{inburgeraarId}",
        status="404",
    )
    assert count == 2.0


def test_outbox_backlog_and_age_of_oldest_pending_event(intake, auth_headers):
    with TestClient(intake) as client:
        assert sample(client.get("/metrics").text, "outbox_pending_deliveries") == 0.0
        response = client.post("/v1/coa-overdrachten", json=HANDOVER, headers=auth_headers("coa"))
        assert response.status_code == 201, response.text
        body = client.get("/metrics").text
    assert sample(body, "outbox_pending_deliveries") == 1.0
    assert 0.0 <= sample(body, "outbox_oldest_pending_age_seconds") < 60.0
    assert HANDOVER["persoon"]["bsn"] not in body


def test_a_service_registers_its_own_gauges(tmp_path):
    def open_signals(session):
        yield ("pip-vaststellen-verstreken",), float(session.execute(text("SELECT 3")).scalar_one())

    gauge = DatabaseGauge("open_signalen", "Open signals per kind.", open_signals, ("soort",))
    app = create_service_app(
        name="demo",
        title="Demo",
        description="",
        version="1.0.0",
        settings=IntakeSettings(database_url=f"sqlite:///{tmp_path / 'demo.db'}"),
        routers=[APIRouter()],
        gauges=[gauge],
    )
    with TestClient(app) as client:
        response = client.get("/metrics")
    assert response.headers["content-type"].startswith("text/plain")
    assert sample(response.text, "open_signalen", soort="pip-vaststellen-verstreken") == 3.0
    assert "outbox_pending_deliveries" not in response.text


def service_app(database_backend, name: str):
    """The service `name` on a fresh, migrated database, without its dispatcher."""
    spec = next(s for s in SERVICES if s.name == name)
    config = importlib.import_module(f"{spec.package}.config")
    main = importlib.import_module(f"{spec.package}.main")
    return migrated_app(
        database_backend,
        f"ops_metrics_{name}",
        spec.alembic_ini,
        lambda url: main.create_app(config.Settings(database_url=url, dispatcher_enabled=False)),
    )


def test_scheduler_counts_open_signals_per_kind(database_backend):
    from scheduler_service.signalen.models import Signaal

    app = service_app(database_backend, "scheduler")
    rows = [
        ("pip-vaststellen-verstreken", "open", 1),
        ("pip-vaststellen-verstreken", "open", 2),
        ("map-verstreken", "erkend", 3),
        ("map-verstreken", "opgelost", 4),
    ]
    with TestClient(app) as client:
        with app.state.session_factory.begin() as session:
            session.add_all(
                Signaal(
                    soort=soort,
                    deadline_url=f"http://pip/v1/deadlines/{n}",
                    deadline_soort="pip",
                    inburgeraar_url=f"http://intake/v1/inburgeraars/{n}",
                    gemeentecode="GM0171",
                    vervaldatum=date(2026, 1, 1),
                    status=status,
                    geopend_op=date(2026, 1, 2),
                    niveau="klantmanager",
                )
                for soort, status, n in rows
            )
        body = client.get("/metrics").text
    assert sample(body, "signalen_open", soort="pip-vaststellen-verstreken", status="open") == 2.0
    assert sample(body, "signalen_open", soort="map-verstreken", status="erkend") == 1.0
    assert sample(body, "signalen_open", soort="map-verstreken", status="opgelost") is None


def test_trajectory_reports_how_far_the_duo_sync_is_behind(database_backend):
    import uuid
    from datetime import UTC, datetime, timedelta

    from trajectory_service.duo.models import DuoDossier, DuoNotificatie, DuoOpdracht

    app = service_app(database_backend, "trajectory")
    now = datetime.now(UTC)
    with TestClient(app) as client:
        with app.state.session_factory.begin() as session:
            session.add_all(
                [
                    DuoDossier(
                        gemeentecode="GM0171", bsn="999999990", laatst_gelezen=now - timedelta(minutes=10)
                    ),
                    DuoNotificatie(
                        bericht_id=uuid.uuid4(),
                        gebeurtenis_id="SS001",
                        registratie_datum_tijd=now,
                        status="ontvangen",
                        ontvangen=now - timedelta(minutes=5),
                    ),
                    DuoNotificatie(
                        bericht_id=uuid.uuid4(),
                        gebeurtenis_id="SS001",
                        registratie_datum_tijd=now,
                        status="verwerkt",
                        ontvangen=now - timedelta(hours=5),
                    ),
                    DuoOpdracht(
                        inburgeraar_url="http://intake/v1/inburgeraars/1",
                        gemeentecode="GM0171",
                        soort="map",
                        inhoud={},
                        status="wachtend",
                        aangemaakt=now - timedelta(minutes=2),
                    ),
                ]
            )
        body = client.get("/metrics").text
    assert sample(body, "duo_sync_backlog", richting="van-duo", meting="aantal") == 1.0
    assert 290 < sample(body, "duo_sync_backlog", richting="van-duo", meting="oudste_seconden") < 400
    assert sample(body, "duo_sync_backlog", richting="naar-duo", meting="aantal") == 1.0
    assert 590 < sample(body, "duo_sync_last_read_age_seconds") < 700
