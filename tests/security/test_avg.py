"""AVG rights (inburgering_shared.avg): inzage per service and the retention purge."""

import uuid
from datetime import timedelta

import pytest
from fastapi import FastAPI
from inburgering_shared.audit import AUDITTRAIL
from inburgering_shared.db import utcnow
from inburgering_shared.idempotency import IDEMPOTENTIE
from inburgering_shared.testing import TokenFactory, rollback_client
from security_testkit import FOREIGN, OWN, SERVICE_NAMES, seed_dossier
from sqlalchemy import func, insert, select


def test_inzage_answers_every_row_about_the_person_and_only_to_their_gemeente(
    service_apps: dict[str, FastAPI], auth_headers: TokenFactory
) -> None:
    with rollback_client(service_apps["intake"]) as intake:
        seeded = seed_dossier(intake, auth_headers)
        dossier = intake.get(seeded.reads[0], headers=auth_headers("klantmanager", gemeente=OWN)).json()[
            "url"
        ]
        vraag = {"inburgeraar": dossier}
        answer = intake.post("/v1/avg/inzage", json=vraag, headers=auth_headers("beheer", gemeente=OWN))
        assert answer.status_code == 200, answer.text
        gegevens = answer.json()["gegevens"]
        assert [row["bsn"] for row in gegevens["inburgeraar"]] == [seeded.secrets[0]]
        assert [uuid.UUID(row["id"]) for row in gegevens["brede_intake"]] == [
            uuid.UUID(seeded.ids["bredeIntakeId"])
        ]
        assert {row["actie"] for row in gegevens["audittrail"]} == {"aanmaken", "lezen"}
        assert "idempotentie" not in gegevens and "outbox_event" not in gegevens
        foreign = intake.post("/v1/avg/inzage", json=vraag, headers=auth_headers("beheer", gemeente=FOREIGN))
        assert foreign.status_code == 404
        unknown = intake.post(
            "/v1/avg/inzage",
            json={"inburgeraar": f"http://x/v1/inburgeraars/{uuid.uuid4()}"},
            headers=auth_headers("beheer", gemeente=OWN),
        )
        assert unknown.status_code == 404


@pytest.mark.parametrize("service", SERVICE_NAMES)
def test_the_purge_removes_only_what_is_past_its_period_and_is_safe_to_repeat(
    service_apps: dict[str, FastAPI], auth_headers: TokenFactory, service: str
) -> None:
    app = service_apps[service]
    now = utcnow()
    audit_row = {
        "bron": service,
        "applicatie_id": "a",
        "gebruikers_id": "",
        "gebruikers_weergave": "",
        "namens": OWN,
        "actie": "lezen",
        "resultaat": 200,
        "resource_url": "/v1/x",
        "toelichting": "",
        "correlatie_id": "",
    }
    with rollback_client(app) as client:
        with app.state.session_factory() as session:
            session.execute(
                insert(AUDITTRAIL),
                [
                    {**audit_row, "id": uuid.uuid4(), "aanmaakdatum": now - timedelta(days=8 * 365)},
                    {**audit_row, "id": uuid.uuid4(), "aanmaakdatum": now - timedelta(days=6 * 365)},
                ],
            )
            session.execute(
                insert(IDEMPOTENTIE),
                [
                    {
                        "client_id": "c",
                        "sleutel": "oud",
                        "vingerafdruk": "f",
                        "aangemaakt": now - timedelta(hours=25),
                    },
                    {
                        "client_id": "c",
                        "sleutel": "nieuw",
                        "vingerafdruk": "f",
                        "aangemaakt": now - timedelta(hours=1),
                    },
                ],
            )
            session.commit()
        first = client.post("/v1/avg/opschonen", headers=auth_headers("scheduler", gemeente="*"))
        assert first.status_code == 200, first.text
        own = {c.categorie: 0 for c in app.state.bewaartermijnen}  # every declared category ran
        assert first.json()["verwijderd"] == {"idempotentie": 1, "audittrail": 1, **own}
        again = client.post("/v1/avg/opschonen", headers=auth_headers("scheduler", gemeente="*"))
        assert again.json()["verwijderd"] == {"idempotentie": 0, "audittrail": 0, **own}
        with app.state.session_factory() as session:
            assert session.scalar(select(func.count()).select_from(IDEMPOTENTIE)) == 1
            kept = session.scalars(
                select(AUDITTRAIL.c.aanmaakdatum).where(AUDITTRAIL.c.applicatie_id == "a")
            ).all()
    assert len(kept) == 1
