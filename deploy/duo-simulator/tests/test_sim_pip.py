"""PIP rules of DUO's M2M README, section 'Het aanleveren van een PIP' / 'Het verwijderen van een PIP'."""

import pytest
from simulator_testkit import ANDERE_GEMEENTE_OIN, BSN

PAD = f"/v1/personen/{BSN}/PIP"


def fouten(response) -> list[str]:
    assert response.status_code == 403, response.text
    return [f["fouttekst"] for f in response.json()]


@pytest.mark.parametrize(
    "pip,feitwijziging,fout",
    [
        ({"dagtekeningPip": "2024-12-31", "leerroute": "B"}, {}, "voor de start van de inburgeringsplicht"),
        ({"dagtekeningPip": "2025-01-05", "leerroute": "B"}, {}, "voor de vestiging van de inburgeraar"),
        (
            {"dagtekeningPip": "2025-02-01", "leerroute": "O", "niveau": "A2"},
            {},
            "A2 mag niet in combinatie met de onderwijsroute",
        ),
        (
            {"dagtekeningPip": "2025-02-01", "leerroute": "Z", "niveau": "B1"},
            {},
            "B1 mag niet in combinatie met de Z-route",
        ),
        ({"dagtekeningPip": "2025-02-01", "leerroute": "B", "niveau": "A2"}, {}, "bij de eerste PIP"),
        (
            {"dagtekeningPip": "2025-02-01", "leerroute": "Z", "geschatteIntensiteitB1Route": 10},
            {},
            "Geschatte intensiteit",
        ),
        (
            {"dagtekeningPip": "2025-02-01", "leerroute": "B", "geschatteIntensiteitB1Route": 10},
            {"doelgroep": {"indeling": "Gezinsmigrant en overige migrant"}},
            "Geschatte intensiteit",
        ),
    ],
)
def test_duo_refuses_a_pip_against_the_readme_rules(duo, pip, feitwijziging, fout):
    duo.seed(**feitwijziging)
    teksten = fouten(duo("POST", PAD, json=pip))
    assert any(fout in tekst for tekst in teksten), teksten
    assert duo.gelezen()["pips"] == []


def test_an_accepted_pip_without_niveau_gets_b1_for_b1_route_and_onderwijsroute(duo):
    duo.seed()
    assert (
        duo(
            "POST",
            PAD,
            json={"dagtekeningPip": "2025-02-01", "leerroute": "B", "geschatteIntensiteitB1Route": 12},
        ).status_code
        == 201
    )
    assert duo("GET", PAD).json() == {
        "gemeentecode": "0171",
        "pip": {
            "dagtekeningPip": "2025-02-01",
            "leerroute": "B",
            "niveau": "B1",
            "geschatteIntensiteitB1Route": 12,
        },
    }


def test_z_route_keeps_no_niveau(duo):
    duo.seed()
    duo("POST", PAD, json={"dagtekeningPip": "2025-02-01", "leerroute": "Z"})
    assert "niveau" not in duo("GET", PAD).json()["pip"]


def test_a2_with_b1_route_is_allowed_on_a_later_pip(duo):
    duo.seed()
    assert duo("POST", PAD, json={"dagtekeningPip": "2025-02-01", "leerroute": "B"}).status_code == 201
    assert (
        duo("POST", PAD, json={"dagtekeningPip": "2025-08-01", "leerroute": "B", "niveau": "A2"}).status_code
        == 201
    )


def test_a_changed_pip_may_not_predate_the_current_or_first_pip(duo):
    duo.seed()
    duo("POST", PAD, json={"dagtekeningPip": "2025-03-01", "leerroute": "B"})
    teksten = fouten(duo("POST", PAD, json={"dagtekeningPip": "2025-02-28", "leerroute": "O"}))
    assert any("gewijzigde PIP" in t for t in teksten)


def test_a_previous_gemeentes_pip_counts_as_the_first_pip(duo):
    duo.seed(
        eerderePips=[
            {
                "gemeenteOin": ANDERE_GEMEENTE_OIN,
                "gemeentecode": "0184",
                "pip": {"dagtekeningPip": "2025-04-01", "leerroute": "B"},
            }
        ]
    )
    assert duo("POST", PAD, json={"dagtekeningPip": "2025-03-01", "leerroute": "B"}).status_code == 403
    assert (
        duo("POST", PAD, json={"dagtekeningPip": "2025-05-01", "leerroute": "B", "niveau": "A2"}).status_code
        == 201
    )
    assert duo("GET", PAD).json()["gemeentecode"] == "0171"


def test_only_the_gemeente_of_residence_registers_a_pip(duo):
    duo.seed(
        eerderePips=[
            {
                "gemeenteOin": ANDERE_GEMEENTE_OIN,
                "gemeentecode": "0184",
                "pip": {"dagtekeningPip": "2025-04-01", "leerroute": "B"},
            }
        ]
    )
    assert fouten(
        duo("POST", PAD, bron=ANDERE_GEMEENTE_OIN, json={"dagtekeningPip": "2025-05-01", "leerroute": "B"})
    )


def test_a_required_field_under_another_name_and_bad_enums_are_400(duo):
    duo.seed()
    for body in (
        {"dagtekening": "2025-02-01", "leerroute": "B"},
        {"dagtekeningPip": "2025-02-01", "leerroute": "X"},
    ):
        response = duo("POST", PAD, json=body, check_request=False)
        assert response.status_code == 400
        assert response.content == b""


def test_delete_pip_only_before_the_termijn_and_without_course_hours(duo):
    duo.seed()
    duo("POST", PAD, json={"dagtekeningPip": "2025-02-01", "leerroute": "B"})
    duo("PUT", f"/v1/personen/{BSN}/uren/participatietaalles", json={"uren": 3})
    assert any("cursusdeelnameuren" in t for t in fouten(duo("DELETE", PAD)))
    duo("PUT", f"/v1/personen/{BSN}/uren/participatietaalles", json={"uren": 0})
    duo.seed(inburgeringstermijn={"startdatum": "2025-02-02", "einddatum": "2028-02-02"})
    assert any("inburgeringstermijn" in t for t in fouten(duo("DELETE", PAD)))
    duo.seed()
    assert duo("DELETE", PAD).status_code == 200
    assert duo("GET", PAD).status_code == 404
    assert duo("DELETE", PAD).status_code == 404


@pytest.mark.parametrize(
    ("pad", "body", "status"),
    [
        (PAD, {"dagtekeningPip": "2025-02-01", "leerroute": "B", "nieuwInEenMinorVersie": True}, 201),
        (PAD, {"dagtekeningPip": None, "leerroute": "B"}, 400),
        (PAD, {"dagtekeningPip": "2025-02-01", "leerroute": "B", "indicatorMagOpleidingAfmaken": "ja"}, 400),
        (f"/v1/personen/{BSN}/uren/participatietaalles", {"uren": 12, "bron": "extra"}, 200),
        (f"/v1/personen/{BSN}/uren/participatietaalles", {"uren": False}, 400),
        (f"/v1/personen/{BSN}/uren/participatietaalles", {"uren": "12"}, 400),
    ],
    ids=["extra-eigenschap", "datum-null", "bool-als-tekst", "uren-extra", "uren-false", "uren-tekst"],
)
def test_as_lenient_and_as_strict_as_duos_contract(duo, pad, body, status):
    """DUO's objects do not forbid properties they do not name; a value of the wrong type is refused."""
    duo.seed()
    response = duo("POST" if pad == PAD else "PUT", pad, json=body, check_request=False)
    assert response.status_code == status
    assert response.headers["API-Version"]
