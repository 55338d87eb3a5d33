"""The scheduler's daily job hands over the dossiers whose moving date has come, as `make run` wires it
(SCHEDULER_VERHUIZING_URLS), with the worker's own token."""

import json
from datetime import date, timedelta

from fastapi import FastAPI
from inburgering_shared.settings import AuthSettings
from inburgering_shared.system import wiring
from inburgering_shared.testing import TokenFactory, rollback_client
from scheduler_service.config import Settings as SchedulerSettings
from scheduler_service.worker import build_jobs, worker_client
from security_testkit import Router


def test_the_daily_job_runs_the_moves_at_intake(service_apps: dict[str, FastAPI], auth_headers: TokenFactory):
    urls = json.loads(wiring(lambda name: f"http://{name}")["SCHEDULER_VERHUIZING_URLS"])
    assert urls == ["http://intake/v1/verhuizingen/uitvoeren"]
    settings = SchedulerSettings(database_url="sqlite://", verhuizing_urls=urls)
    with rollback_client(service_apps["intake"]) as intake:
        bsn = "999990627"
        km = auth_headers("klantmanager", gemeente="GM0171")
        body = {"bsn": bsn, "voornamen": "A", "achternaam": "B", "geboortedatum": "1990-01-01",
                "doelgroep": "Asielstatushouder", "gemeentecode": "GM0171"}  # fmt: skip
        assert intake.post("/v1/inburgeraars", json=body, headers=km).status_code == 201
        later = {"bsn": bsn, "naarGemeente": "GM0363", "gebeurtenis": "SS120",
                 "datumVestiging": (date.today() + timedelta(days=5)).isoformat()}  # fmt: skip
        nieuw = auth_headers("klantmanager", gemeente="GM0363")
        assert intake.post("/v1/verhuizingen", json=later, headers=nieuw).status_code == 202
        services = worker_client(settings, AuthSettings(), transport=Router({"intake": intake}))
        job = build_jobs(settings, services, outbox=None)["verhuizingen"]  # type: ignore[arg-type]
        resultaat = job(None)  # type: ignore[arg-type]
        assert (resultaat.items, resultaat.fouten) == (1, [])
