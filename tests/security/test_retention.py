"""Retention per category of personal data (inburgering_shared.retention), run by the scheduler over HTTP.

Periods run from each category's own moment (the end of the inburgeringsplicht, the last
event, the resolution of a signal); a row whose moment has not come is kept.
"""

import json
import uuid
from collections.abc import Iterator
from contextlib import ExitStack, contextmanager
from datetime import date, timedelta

from fastapi import FastAPI
from fastapi.testclient import TestClient
from inburgering_shared.audit import AUDITTRAIL
from inburgering_shared.db import utcnow
from inburgering_shared.settings import AuthSettings
from inburgering_shared.system import wiring
from inburgering_shared.testing import TokenFactory, rollback_client
from intake_service.inburgeraars.models import Inburgeraar
from reporting_service.readmodel.models import Dossier, Examen
from scheduler_service.config import Settings as SchedulerSettings
from scheduler_service.jobs.runner import run_job
from scheduler_service.worker import build_jobs, worker_client
from security_testkit import OWN, SERVICE_NAMES, Router, seed_dossier
from sqlalchemy import select, update

SIX_YEARS_AGO = date.today() - timedelta(days=6 * 365)
LAST_YEAR = date.today() - timedelta(days=365)


def end_plicht(app: FastAPI, inburgeraar_id: str, einde: date) -> None:
    """The inburgeringsplicht ended on `einde` (no endpoint ends it yet: set in the database)."""
    with app.state.session_factory() as session:
        session.execute(
            update(Inburgeraar)
            .where(Inburgeraar.id == uuid.UUID(inburgeraar_id))
            .values(plicht_einddatum=einde)
        )
        session.commit()


def opschonen(client: TestClient, auth_headers: TokenFactory) -> dict[str, int]:
    response = client.post("/v1/avg/opschonen", headers=auth_headers("scheduler", gemeente="*"))
    assert response.status_code == 200, response.text
    verwijderd: dict[str, int] = response.json()["verwijderd"]
    return verwijderd


def held(client: TestClient, auth_headers: TokenFactory, url: str) -> set[str]:
    """The tables in which the service still holds data on the dossier (its AVG inzage), but the
    audit trail, which is kept for its own period."""
    response = client.post(
        "/v1/avg/inzage", json={"inburgeraar": url}, headers=auth_headers("beheer", gemeente=OWN)
    )
    assert response.status_code in (200, 404), response.text
    return set(response.json()["gegevens"]) - {"audittrail"} if response.status_code == 200 else set()


def test_a_dossier_goes_whole_five_years_after_the_plicht_ended_and_not_before(
    service_apps: dict[str, FastAPI], auth_headers: TokenFactory
) -> None:
    app = service_apps["intake"]
    with rollback_client(app) as intake:
        old, recent, running = (seed_dossier(intake, auth_headers) for _ in range(3))
        end_plicht(app, old.ids["inburgeraarId"], SIX_YEARS_AGO)
        end_plicht(app, recent.ids["inburgeraarId"], LAST_YEAR)
        urls = {
            name: f"{app.state.settings.api_url}/inburgeraars/{seeded.ids['inburgeraarId']}"
            for name, seeded in (("old", old), ("recent", recent), ("running", running))
        }
        assert all(held(intake, auth_headers, url) for url in urls.values())

        assert opschonen(intake, auth_headers)["dossier"] == 1
        assert held(intake, auth_headers, urls["old"]) == set()  # the person, the brede intake, everything
        assert intake.get(old.reads[1], headers=auth_headers("klantmanager", gemeente=OWN)).status_code == 404
        for kept in (urls["recent"], urls["running"]):
            assert held(intake, auth_headers, kept) == {"inburgeraar", "brede_intake"}
        assert opschonen(intake, auth_headers)["dossier"] == 0  # safe to repeat


def test_reporting_anonymises_so_the_figures_of_past_years_still_add_up(
    service_apps: dict[str, FastAPI], auth_headers: TokenFactory
) -> None:
    app = service_apps["reporting"]
    old, recent = "https://intake.example/v1/inburgeraars/oud", "https://intake.example/v1/inburgeraars/nieuw"
    with rollback_client(app) as reporting:
        with app.state.session_factory() as session:
            for url, bijgewerkt in ((old, utcnow() - timedelta(days=6 * 365)), (recent, utcnow())):
                session.add(Dossier(inburgeraar_url=url, gemeentecode=OWN, bijgewerkt=bijgewerkt))
                session.add(
                    Examen(
                        url=url + "/examen",
                        inburgeraar_url=url,
                        gemeentecode=OWN,
                        onderdeel="lezen",
                        examendatum=SIX_YEARS_AGO,
                        resultaat="behaald",
                    )
                )
            session.commit()
        assert opschonen(reporting, auth_headers)["dossier"] == 1
        assert opschonen(reporting, auth_headers)["dossier"] == 0
        with app.state.session_factory() as session:
            urls = set(session.scalars(select(Dossier.inburgeraar_url)))
            examens = set(session.scalars(select(Examen.inburgeraar_url)))
        assert old not in urls | examens and recent in urls
        assert urls == examens and len(urls) == 2  # the exam still belongs to its (now anonymous) dossier
        assert held(reporting, auth_headers, old) == set()


@contextmanager
def all_services(service_apps: dict[str, FastAPI]) -> Iterator[dict[str, TestClient]]:
    with ExitStack() as stack:
        yield {name: stack.enter_context(rollback_client(service_apps[name])) for name in SERVICE_NAMES}


def test_the_schedulers_daily_job_purges_every_service_over_http(
    service_apps: dict[str, FastAPI], auth_headers: TokenFactory
) -> None:
    """The job as `make run` wires it (SCHEDULER_RETENTION_PURGE_URLS), with the worker's own token."""
    purge_urls = json.loads(wiring(lambda name: f"http://{name}")["SCHEDULER_RETENTION_PURGE_URLS"])
    settings = SchedulerSettings(database_url="sqlite://", retention_purge_urls=purge_urls)
    with all_services(service_apps) as clients:
        intake = service_apps["intake"]
        old = seed_dossier(clients["intake"], auth_headers)
        end_plicht(intake, old.ids["inburgeraarId"], SIX_YEARS_AGO)
        services = worker_client(settings, AuthSettings(), transport=Router(clients))
        job = build_jobs(settings, services, outbox=None)["bewaartermijn-opschoning"]  # type: ignore[arg-type]
        run = run_job(
            service_apps["scheduler"].state.session_factory,
            "bewaartermijn-opschoning",
            job,
            replica="test",
            lease=timedelta(minutes=1),
        )
        assert run is not None and (run.uitkomst, run.items, run.fout) == ("gelukt", len(SERVICE_NAMES), None)
        url = f"{intake.state.settings.api_url}/inburgeraars/{old.ids['inburgeraarId']}"
        assert held(clients["intake"], auth_headers, url) == set()
        with intake.state.session_factory() as session:
            callers = session.execute(
                select(AUDITTRAIL.c.applicatie_id, AUDITTRAIL.c.resultaat).where(
                    AUDITTRAIL.c.resource_url == "/v1/avg/opschonen"
                )
            ).all()
        assert callers == [("scheduler", 200)]  # the worker's own identity, not a service's
