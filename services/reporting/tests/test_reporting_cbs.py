"""The quarterly CBS file (R16) over the fixed data set, against its documented layout."""

import csv
import io
from datetime import date
from pathlib import Path

import pytest
from reporting_dataset import INTAKE, dataset, load, notify
from reporting_service.cbs import export, layout
from reporting_service.cbs.export import valideer
from reporting_service.cbs.rules import kwartaal_periode, uiterste_leverdatum
from reporting_service.readmodel.models import Dossier

DOCS = Path(__file__).parents[3] / "docs" / "reporting.md"
KEYS = {p.key: p.url.rsplit("/", 1)[-1] for p in dataset()}

# 2025K2 as the facts stood on 2025-06-30, worked out by hand from reporting_dataset (G, H came later;
# I is another gemeente). Facts dated after the quarter are empty.
EXPECTED = {
    "A": "ASH;20250110;20250320;20250430;J;B1;20250501;20280501;N;;;;;;;;",
    "B": "ASH;20250201;;20250614;N;Z;20250615;20280615;N;;;;;;;;",
    "C": "GV;20250305;;20250514;J;OND;;;;;;;;;;;",
    "D": "ASH;20240601;;20240801;J;B1;20240802;20270802;N;20250115;;;;;;;",
    "E": "OV;20220110;;20220301;;B1;20220302;20250302;N;;;;;;;;",
    "F": "ASH;20220201;;20220401;;Z;20220402;20260402;J;;;;;;;;",
    "L": "ASH;20231001;;20231201;;B1;20231202;20261202;N;;;20250201;;;;;",
}


@pytest.fixture
def loaded(client, owners, service_headers):
    load(client, owners, service_headers)
    return client


def produce(client, auth_headers, gemeente="GM0171", kwartaal="2025K2"):
    response = client.post(
        "/v1/cbs-leveringen",
        json={"gemeentecode": gemeente, "kwartaal": kwartaal},
        headers=auth_headers("regisseur", gemeente=gemeente),
    )
    assert response.status_code == 201, response.text
    return response.json()


def download(client, auth_headers, levering, gemeente="GM0171"):
    path = "/v1" + levering["bestand"].split("/v1", 1)[1]
    response = client.get(path, headers=auth_headers("regisseur", gemeente=gemeente))
    assert response.status_code == 200, response.text
    return response.content


def test_the_quarter_file_holds_the_hand_computed_records_in_the_documented_layout(loaded, auth_headers):
    levering = produce(loaded, auth_headers)
    assert levering["status"] == "vrijgegeven" and levering["fouten"] == []
    assert levering["aantalRecords"] == 7 and levering["layoutVersie"] == layout.LAYOUT_VERSIE
    assert levering["uitersteDatum"] == "2025-07-28" and levering["tijdig"] is False

    lines = download(loaded, auth_headers, levering).decode("utf-8").split("\n")
    assert lines[0] == ";".join(layout.KOPREGEL) and lines[-1] == ""
    expected = sorted(f"GM0171;2025K2;{KEYS[key]};{rest}" for key, rest in EXPECTED.items())
    assert lines[1:-1] == expected
    assert all(valideer(line.split(";")) == [] for line in lines[1:-1])


def test_same_data_same_bytes_and_later_facts_do_not_change_a_past_quarter(
    loaded, owners, service_headers, auth_headers
):
    first = produce(loaded, auth_headers)
    a = next(p for p in dataset() if p.key == "A").component(
        "knm", "2025-07-01", "2025-08-01"
    )  # after 2025K2
    traject = next(body for resource, body in a.resources if resource == "traject")
    owners.put("traject", traject, a)
    notify(loaded, service_headers, "traject", traject)
    second = produce(loaded, auth_headers)
    assert second["uuid"] != first["uuid"] and second["sha256"] == first["sha256"]
    assert download(loaded, auth_headers, second) == download(loaded, auth_headers, first)
    assert produce(loaded, auth_headers, kwartaal="2025K3")["sha256"] != first["sha256"]


def test_a_gemeente_without_cases_delivers_the_empty_report(client, auth_headers):
    levering = produce(client, auth_headers, gemeente="GM0014")
    assert levering["status"] == "vrijgegeven" and levering["aantalRecords"] == 0
    assert download(client, auth_headers, levering, "GM0014") == (";".join(layout.KOPREGEL) + "\n").encode()


def test_an_invalid_record_stops_the_release_and_is_logged(loaded, app, auth_headers):
    session = app.state.session_factory()
    session.add(
        Dossier(
            inburgeraar_url=f"{INTAKE}/inburgeraars/0b7e1f0c-0000-4000-8000-000000000001",
            gemeentecode="GM0171",
            doelgroep="onbekend",
            datum_kennisgeving=date(2025, 1, 5),
        )
    )
    session.commit()
    levering = produce(loaded, auth_headers)
    assert levering["status"] == "afgekeurd" and levering["bestand"] is None
    assert levering["fouten"] == ["record 1 (0b7e1f0c-0000-4000-8000-000000000001): doelgroep: verplicht"]
    log = loaded.get(
        "/v1/cbs-leveringen", params={"gemeentecode": "GM0171"}, headers=auth_headers("regisseur")
    ).json()
    assert [row["status"] for row in log["results"]] == ["afgekeurd"]
    assert (
        loaded.get(
            f"/v1/cbs-leveringen/{levering['uuid']}/bestand", headers=auth_headers("regisseur")
        ).status_code
        == 404
    )


def test_a_quarter_is_delivered_only_after_it_ended(client, auth_headers):
    today = date.today()
    kwartaal = f"{today.year}K{(today.month - 1) // 3 + 1}"
    response = client.post(
        "/v1/cbs-leveringen",
        json={"gemeentecode": "GM0171", "kwartaal": kwartaal},
        headers=auth_headers("regisseur"),
    )
    assert response.status_code == 422
    assert response.json()["invalidParams"][0]["code"] == "R16"


def test_another_gemeentes_deliveries_are_not_visible(loaded, auth_headers):
    levering = produce(loaded, auth_headers)
    other = auth_headers("regisseur", gemeente="GM0184")
    assert loaded.get(f"/v1/cbs-leveringen/{levering['uuid']}", headers=other).status_code == 404
    assert (
        loaded.get("/v1/cbs-leveringen", params={"gemeentecode": "GM0171"}, headers=other).status_code == 403
    )
    response = loaded.post(
        "/v1/cbs-leveringen", json={"gemeentecode": "GM0171", "kwartaal": "2025K2"}, headers=other
    )
    assert response.status_code == 403
    assert (
        loaded.post(
            "/v1/cbs-leveringen",
            json={"gemeentecode": "GM0171", "kwartaal": "2025K2"},
            headers=auth_headers("klantmanager"),
        ).status_code
        == 403
    )


@pytest.mark.parametrize(
    "body",
    [
        {"gemeentecode": "GM0171", "kwartaal": "2025Q2"},
        {"gemeentecode": "GM0171"},
        {"gemeentecode": "0171", "kwartaal": "2025K2"},
    ],
)
def test_bad_requests_are_400(client, auth_headers, body):
    assert client.post("/v1/cbs-leveringen", json=body, headers=auth_headers("regisseur")).status_code == 400


@pytest.mark.parametrize(
    ("kwartaal", "start", "einde", "uiterst"),
    [
        ("2025K1", "2025-01-01", "2025-03-31", "2025-04-28"),  # R16: 4 weeks after the quarter
        ("2025K2", "2025-04-01", "2025-06-30", "2025-07-28"),
        ("2024K4", "2024-10-01", "2024-12-31", "2025-01-28"),
    ],
)
def test_quarters_and_their_due_dates(kwartaal, start, einde, uiterst):
    assert kwartaal_periode(kwartaal) == (date.fromisoformat(start), date.fromisoformat(einde))
    assert uiterste_leverdatum(kwartaal) == date.fromisoformat(uiterst)


@pytest.mark.parametrize(
    ("change", "fout"),
    [
        ({"gemeentecode": "0171"}, "gemeentecode: '0171' past niet in het formaat"),
        ({"doelgroep": "XX"}, "doelgroep: 'XX' is geen toegestane waarde"),
        ({"datum_instroom": ""}, "datum_instroom: verplicht"),
        ({"datum_pip": "2025-04-30"}, "datum_pip: '2025-04-30' past niet in het formaat"),
        ({"leerroute": ""}, "leerroute: verplicht bij een PIP"),
        ({"datum_einde_termijn": "20250501"}, "datum_einde_termijn: moet na datum_start_termijn liggen"),
        ({"uitstroom": "WERK"}, "datum_uitstroom: verplicht bij uitstroom"),
    ],
)
def test_the_validator_names_what_breaks_the_layout(change, fout):
    values = dict(zip(layout.KOPREGEL, f"GM0171;2025K2;{KEYS['A']};{EXPECTED['A']}".split(";"), strict=True))
    assert valideer(list({**values, **change}.values())) == [fout]


@pytest.mark.parametrize(
    "change",
    [
        {},
        {"gemeentecode": "0171"},
        {"gemeentecode": "GM01;1"},  # the separator: a shifted split must not pass
        {"doelgroep": 'AS"H'},
        {"datum_pip": "\uff12\uff10\uff12\uff15\uff10\uff14\uff13\uff10"},  # full-width digits: \d, not ASCII
        {"datum_pip": "20250430\n"},
        {"leerroute": ""},
        {"uitstroom": "WERK"},
    ],
)
def test_the_whole_line_check_accepts_only_what_the_field_checks_accept_and_needs_no_quoting(change):
    values = dict(zip(layout.KOPREGEL, f"GM0171;2025K2;{KEYS['A']};{EXPECTED['A']}".split(";"), strict=True))
    record = list({**values, **change}.values())
    line = ";".join(record)
    if export._REGEL.fullmatch(line) is not None and not export._samenhang(record):
        assert valideer(record) == []
        buffer = io.StringIO()
        csv.writer(buffer, delimiter=";", lineterminator="\n").writerow(record)
        assert buffer.getvalue() == line + "\n"
    else:
        assert change  # the unchanged record takes the fast path; the rest are checked field by field


def test_the_documentation_describes_this_layout_version_field_by_field():
    docs = DOCS.read_text(encoding="utf-8")
    assert f"Layout `{layout.LAYOUT_VERSIE}`" in docs
    documented = [
        line.split("|")[2].strip().strip("`")
        for line in docs.splitlines()
        if line.startswith("| ") and line.split("|")[1].strip().isdigit()
    ]
    assert documented == list(layout.KOPREGEL)
