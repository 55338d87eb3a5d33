"""What every request is checked for before its handler runs, and the bounds on dates and numbers.

`inburgering_shared.route_guards` (unknown query parameters 400, body limits 413, 405 with the
path's whole `Allow`), `inburgering_shared.bounds` (dates and version numbers), text without
U+0000 (`inburgering_shared.strict.Tekst`) and the BSN never echoed in a problem's `instance`.
Each refusal changes nothing.
"""

import uuid
from datetime import date, timedelta

import pytest
from fastapi import FastAPI
from inburgering_shared.bsn import bsn_numbers
from inburgering_shared.route_guards import MAX_BODY_BYTES
from inburgering_shared.testing import TokenFactory, rollback_client
from intake_service.coa.schemas import BULK_BODY_BYTES
from security_testkit import OWN, persoon

_bsns = bsn_numbers(229_000_000)


def _count(intake, headers) -> int:  # type: ignore[no-untyped-def]
    return int(intake.get("/v1/inburgeraars", headers=headers).json()["count"])


def test_an_unknown_query_parameter_is_400_naming_it_and_no_bsn_reaches_a_link(
    service_apps: dict[str, FastAPI], auth_headers: TokenFactory
) -> None:
    headers = auth_headers("klantmanager", gemeente=OWN)
    bsn = next(_bsns)
    with rollback_client(service_apps["intake"]) as intake:
        assert intake.post("/v1/inburgeraars", json=persoon(bsn), headers=headers).status_code == 201
        answer = intake.get(f"/v1/inburgeraars?bsn={bsn}&pageSize=1", headers=headers)
        assert answer.status_code == 400
        assert answer.headers["content-type"] == "application/problem+json"
        assert answer.headers["api-version"] == "1.0.0"
        problem = answer.json()
        assert problem["code"] == "onbekende-parameter"
        assert [p["name"] for p in problem["invalidParams"]] == ["bsn"]
        assert bsn not in answer.text
        assert intake.get("/v1/inburgeraars?pageSize=1", headers=headers).status_code == 200


def test_a_bsn_in_a_path_is_not_echoed_in_the_problem(
    service_apps: dict[str, FastAPI], auth_headers: TokenFactory
) -> None:
    bsn = next(_bsns)
    with rollback_client(service_apps["intake"]) as intake:
        answer = intake.get(f"/v1/inburgeraars/{bsn}", headers=auth_headers("klantmanager", gemeente=OWN))
        assert answer.status_code == 400
        assert answer.json()["instance"] == "/v1/inburgeraars/[bsn]"
        assert bsn not in answer.text


@pytest.mark.parametrize(
    ("service", "role", "url", "name"),
    [
        ("intake", "klantmanager", "/v1/inburgeraars?klantmanager=S.%00Bakker", "klantmanager"),
        ("intake", "klantmanager", "/v1/brede-intakes?klantmanager=%00", "klantmanager"),
        ("intake", "beheer", "/v1/audittrail?hoofdObject=%00", "hoofdObject"),
        ("pip", "beheer", "/v1/event-afleveringen?abonnee=%00", "abonnee"),
        ("pip", "klantmanager", "/v1/activiteiten?zoekterm=%00", "zoekterm"),
        ("scheduler", "klantmanager", "/v1/signalen?team=%00", "team"),
        ("scheduler", "beheer", "/v1/job-runs?job=%00", "job"),
        (
            "trajectory",
            "klantmanager",
            f"/v1/rapportage/voortgang/{uuid.uuid4()}/taal%00school",
            "taalaanbieder",
        ),
    ],
)
def test_a_nul_character_in_a_query_or_path_text_is_400_naming_it_on_either_database(
    service_apps: dict[str, FastAPI], auth_headers: TokenFactory, service: str, role: str, url: str, name: str
) -> None:
    """PostgreSQL can neither store U+0000 in text nor compare with it (a 500 there), SQLite can."""
    with rollback_client(service_apps[service]) as client:
        answer = client.get(url, headers=auth_headers(role, gemeente=OWN))
        assert answer.status_code == 400, answer.text
        assert answer.headers["content-type"] == "application/problem+json"
        assert [p["name"] for p in answer.json()["invalidParams"]] == [name]


def test_a_nul_character_in_a_body_text_is_400_naming_it_and_stores_nothing(
    service_apps: dict[str, FastAPI], auth_headers: TokenFactory
) -> None:
    """In a declared field it is refused, in a property the operation does not know it is ignored
    with the property, in a name, a nested address and a free text alike."""
    headers = auth_headers("klantmanager", gemeente=OWN)
    adres = {"straat": "Kerk\x00straat", "huisnummer": 5, "postcode": "8302 AB", "woonplaats": "Emmeloord"}
    with rollback_client(service_apps["intake"]) as intake:
        for field, wrong in [
            ("voornamen", {"voornamen": "An\x00na"}),
            ("landVanHerkomst", {"landVanHerkomst": "Syri\x00"}),
            ("verblijfsadres.straat", {"verblijfsadres": adres}),
        ]:
            answer = intake.post("/v1/inburgeraars", json={**persoon(next(_bsns)), **wrong}, headers=headers)
            assert answer.status_code == 400, answer.text
            assert [p["name"] for p in answer.json()["invalidParams"]] == [field]
        assert _count(intake, headers) == 0
        extra = {**persoon(next(_bsns)), "onbekend\x00": "ook\x00onbekend"}
        assert intake.post("/v1/inburgeraars", json=extra, headers=headers).status_code == 201
    activiteit = {
        "aanbieder": "Bibliotheek",
        "titel": "Taal\x00cafe",
        "stap": "taal en digitale vaardigheden oefenen",
        "leefgebieden": ["sociale participatie"],
        "plaats": "Emmeloord",
        "rooster": "donderdag 14.00-16.00",
        "capaciteit": 5,
    }
    partner = auth_headers("taalaanbieder", gemeente=OWN)
    with rollback_client(service_apps["pip"]) as pip:
        answer = pip.post(f"/v1/activiteiten?gemeentecode={OWN}", json=activiteit, headers=partner)
        assert answer.status_code == 400, answer.text
        assert [p["name"] for p in answer.json()["invalidParams"]] == ["titel"]
        assert pip.get("/v1/activiteiten", headers=partner).json()["count"] == 0
        goed = {**activiteit, "titel": "Taalcafe"}
        assert pip.post(f"/v1/activiteiten?gemeentecode={OWN}", json=goed, headers=partner).status_code == 201


def test_a_body_over_the_limit_is_413_before_it_is_read(
    service_apps: dict[str, FastAPI], auth_headers: TokenFactory
) -> None:
    headers = {**auth_headers("klantmanager", gemeente=OWN), "content-type": "application/json"}
    too_big = b"[" + b" " * MAX_BODY_BYTES + b"]"
    with rollback_client(service_apps["intake"]) as intake:
        declared = intake.post("/v1/inburgeraars", content=too_big, headers=headers)
        assert declared.status_code == 413, declared.text
        assert declared.headers["content-type"] == "application/problem+json"
        assert declared.headers["api-version"] == "1.0.0"
        # Without Content-Length (chunked), and through the idempotency middleware that buffers bodies.
        chunks = [too_big[: MAX_BODY_BYTES // 2], too_big[MAX_BODY_BYTES // 2 :]]
        for extra in ({}, {"Idempotency-Key": "te-groot-1"}):
            streamed = intake.post("/v1/inburgeraars", content=iter(chunks), headers={**headers, **extra})
            assert streamed.status_code == 413, streamed.text
        assert _count(intake, headers) == 0


def test_the_bulk_upload_has_a_larger_limit_of_its_own(
    service_apps: dict[str, FastAPI], auth_headers: TokenFactory
) -> None:
    headers = {**auth_headers("coa", gemeente=OWN), "content-type": "application/json"}
    with rollback_client(service_apps["intake"]) as intake:
        body = b'{"overdrachten": []}' + b" " * MAX_BODY_BYTES  # over the default, within the bulk limit
        bulk = intake.post("/v1/coa-overdrachten/bulk", content=body, headers=headers)
        assert bulk.status_code == 400, bulk.text  # read and validated: at least one handover
        over = intake.post("/v1/coa-overdrachten/bulk", content=b" " * (BULK_BODY_BYTES + 1), headers=headers)
        assert over.status_code == 413
    document = service_apps["intake"].openapi()
    assert document["paths"]["/coa-overdrachten/bulk"]["post"]["x-maxBodyBytes"] == BULK_BODY_BYTES
    assert "413" in document["paths"]["/inburgeraars"]["post"]["responses"]


def test_an_undeclared_method_is_405_allowing_every_method_of_the_path(
    service_apps: dict[str, FastAPI], auth_headers: TokenFactory
) -> None:
    with rollback_client(service_apps["intake"]) as intake:
        answer = intake.delete("/v1/inburgeraars", headers=auth_headers("klantmanager", gemeente=OWN))
        assert answer.status_code == 405
        assert answer.headers["allow"] == "GET, POST"
        assert answer.headers["api-version"] == "1.0.0"
        assert answer.headers["content-type"] == "application/problem+json"
        # A path written out is that resource, not a value of the path parameter next to it.
        zoeken = intake.patch("/v1/inburgeraars/zoeken", json={}, headers=auth_headers("klantmanager"))
        assert (zoeken.status_code, zoeken.headers["allow"]) == (405, "POST")
        bulk = intake.get("/v1/coa-overdrachten/bulk", headers=auth_headers("coa"))
        assert (bulk.status_code, bulk.headers["allow"]) == (405, "POST")
    # ... unless the segment is a valid value of the parameter: financieel-ontzorgen is a component
    # (GET and PUT on /componenten/{soort}) as well as the path that adds it (POST).
    with rollback_client(service_apps["trajectory"]) as trajectory:
        pad = f"/v1/trajecten/{uuid.uuid4()}/componenten/financieel-ontzorgen"
        assert trajectory.get(pad, headers=auth_headers("klantmanager")).status_code == 404
        weg = trajectory.delete(pad, headers=auth_headers("klantmanager"))
        assert (weg.status_code, weg.headers["allow"]) == (405, "GET, POST, PUT")


def test_impossible_dates_and_names_are_400_naming_the_field(
    service_apps: dict[str, FastAPI], auth_headers: TokenFactory
) -> None:
    headers = auth_headers("klantmanager", gemeente=OWN)
    tomorrow = (date.today() + timedelta(days=1)).isoformat()
    cases = {
        "geboortedatum": ["0001-01-01", "9999-12-31", tomorrow],
        "datumKoppeling": ["0001-01-01", "9999-12-31"],
        "achternaam": ["Had\x00dad"],
    }
    with rollback_client(service_apps["intake"]) as intake:
        for field, values in cases.items():
            for value in values:
                answer = intake.post(
                    "/v1/inburgeraars", json={**persoon(next(_bsns)), field: value}, headers=headers
                )
                assert answer.status_code == 400, (field, value, answer.text)
                assert [p["name"] for p in answer.json()["invalidParams"]] == [field]
        assert _count(intake, headers) == 0
    schema = service_apps["intake"].openapi()["components"]["schemas"]["InburgeraarCreate"]
    assert "1900-01-01" in schema["properties"]["geboortedatum"]["description"]


def test_a_coa_handover_dated_9999_is_refused(
    service_apps: dict[str, FastAPI], auth_headers: TokenFactory
) -> None:
    handover = {
        "coaReferentie": "COA-9999",
        "gemeentecode": OWN,
        "datumKoppeling": "9999-12-31",
        "persoon": persoon(next(_bsns)),
    }
    with rollback_client(service_apps["intake"]) as intake:
        answer = intake.post("/v1/coa-overdrachten", json=handover, headers=auth_headers("coa", gemeente=OWN))
        assert answer.status_code == 400, answer.text
        assert [p["name"] for p in answer.json()["invalidParams"]] == ["datumKoppeling"]


def test_quarters_periods_and_version_numbers_out_of_range_are_400(
    service_apps: dict[str, FastAPI], auth_headers: TokenFactory
) -> None:
    monitoring = auth_headers("beleid", gemeente=OWN)
    with rollback_client(service_apps["reporting"]) as reporting:
        levering = reporting.post(
            "/v1/cbs-leveringen", json={"gemeentecode": OWN, "kwartaal": "0000K1"}, headers=monitoring
        )
        assert levering.status_code == 400, levering.text
        kpis = reporting.get(f"/v1/kpis?gemeentecode={OWN}&van=9999-12-31", headers=monitoring)
        assert kpis.status_code == 400, kpis.text
        assert [p["name"] for p in kpis.json()["invalidParams"]] == ["van"]
    with rollback_client(service_apps["pip"]) as pip:
        versie = pip.get(
            "/v1/pips/00000000-0000-0000-0000-000000000000/versies/99999999999999999999",
            headers=auth_headers("klantmanager", gemeente=OWN),
        )
        assert versie.status_code == 400, versie.text
        assert [p["name"] for p in versie.json()["invalidParams"]] == ["versie"]


def test_a_date_filter_is_a_date_in_range_not_a_number(
    service_apps: dict[str, FastAPI], auth_headers: TokenFactory
) -> None:
    headers = auth_headers("klantmanager", gemeente=OWN)
    with rollback_client(service_apps["intake"]) as intake:
        for value in ("0", "1999-12-31"):  # "0" would otherwise be read as 1970-01-01 (a Unix time)
            answer = intake.get(f"/v1/inburgeraars?datumKoppelingVanaf={value}", headers=headers)
            assert answer.status_code == 400, answer.text
            assert [p["name"] for p in answer.json()["invalidParams"]] == ["datumKoppelingVanaf"]
        assert (
            intake.get("/v1/inburgeraars?datumKoppelingVanaf=2026-01-01", headers=headers).status_code == 200
        )
    patch = service_apps["intake"].openapi()["paths"]["/inburgeraars/{inburgeraarId}"]["patch"]
    [if_match] = [p for p in patch["parameters"] if p["name"] == "If-Match"]
    assert if_match["required"] is True and if_match["schema"]["minLength"] == 1


def test_a_query_parameter_of_one_value_given_twice_is_400_and_a_list_parameter_may_repeat(
    service_apps: dict[str, FastAPI], auth_headers: TokenFactory
) -> None:
    with rollback_client(service_apps["pip"]) as pip:
        headers = auth_headers("beheer", gemeente="*")
        twee = pip.get("/v1/event-afleveringen?abonnee=http://a.test&abonnee=http://b.test", headers=headers)
        assert twee.status_code == 400 and twee.headers["content-type"] == "application/problem+json"
        assert [(p["name"], p["code"]) for p in twee.json()["invalidParams"]] == [("abonnee", "herhaald")]
        assert pip.get("/v1/event-afleveringen?abonnee=http://a.test", headers=headers).status_code == 200
    with rollback_client(service_apps["intake"]) as intake:
        uuids = "&".join(f"uuid={uuid.uuid4()}" for _ in range(2))
        lijst = intake.get(f"/v1/inburgeraars?{uuids}", headers=auth_headers("klantmanager", gemeente=OWN))
        assert lijst.status_code == 200
