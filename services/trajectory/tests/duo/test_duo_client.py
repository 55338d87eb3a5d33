"""The DUO client's transport behaviour, against httpx.MockTransport."""

import json
import ssl
import subprocess
import uuid
from datetime import date

import httpx
import pytest
from duo_testkit import BSN, DUO_OIN, GEMEENTE_OIN
from inburgering_shared.contracts.resources import Doelgroep
from inburgering_shared.duo.validatie import PipContext, ResultaatContext
from trajectory_service.clients.duo import (
    DuoClient,
    DuoContractError,
    DuoError,
    DuoNotFoundError,
    DuoTimeoutError,
    DuoUnavailableError,
    DuoValidationError,
    ssl_context,
)
from trajectory_service.clients.duo_models import PIP, Inburgeringsplicht

PLICHT = {"indicatorInburgeringsplicht": True, "begindatum": "2025-01-01"}
LOPEND = ResultaatContext(date(2025, 2, 2), date(2028, 2, 2), None, date(2026, 6, 15))


class Script:
    """Answers requests from a list of responses (or exceptions) and records the requests."""

    def __init__(self, *antwoorden) -> None:
        self.antwoorden = list(antwoorden)
        self.requests: list[httpx.Request] = []

    def __call__(self, request: httpx.Request) -> httpx.Response:
        self.requests.append(request)
        antwoord = self.antwoorden.pop(0)
        if isinstance(antwoord, Exception):
            raise antwoord
        return antwoord


def client(script: Script, **kwargs) -> tuple[DuoClient, list[float]]:
    slapen: list[float] = []
    kwargs.setdefault("slaap", slapen.append)
    return DuoClient(
        "https://duo.test/v1", GEMEENTE_OIN, DUO_OIN, transport=httpx.MockTransport(script), **kwargs
    ), slapen


def ok(body=None, status=200) -> httpx.Response:
    return httpx.Response(status, json=body) if body is not None else httpx.Response(status)


def test_every_request_carries_bron_doel_and_a_fresh_uuid4_berichtid_under_the_base_path():
    script = Script(ok(PLICHT), ok(PLICHT))
    duo, _ = client(script)
    assert duo.inburgeringsplicht(BSN) == Inburgeringsplicht(
        indicatorInburgeringsplicht=True, begindatum=date(2025, 1, 1)
    )
    duo.inburgeringsplicht(BSN)
    ids = []
    for request in script.requests:
        assert request.url.path == f"/v1/personen/{BSN}/inburgeringsplicht"
        assert request.headers["bron"] == GEMEENTE_OIN and request.headers["doel"] == DUO_OIN
        ids.append(uuid.UUID(request.headers["berichtId"]))
    assert ids[0] != ids[1] and all(i.version == 4 for i in ids)


def test_a_repeated_delivery_keeps_its_berichtid_and_a_queued_write_brings_its_own():
    script = Script(ok(status=503), ok())
    duo, _ = client(script)
    eigen = uuid.uuid4()
    duo.zet_uren_participatie_als_taalles(BSN, 40, eigen)
    assert [r.headers["berichtId"] for r in script.requests] == [str(eigen)] * 2


@pytest.mark.parametrize(
    "antwoord",
    [
        {"indeling": "Gezinsmigrant-plus"},
        {"indeling": "Asielstatushouder", "gedetailleerdeDoelgroep": 7},
        [],
    ],
    ids=["onbekende-enumwaarde", "verkeerd-type", "geen-object"],
)
def test_an_answer_outside_duos_schema_is_a_contract_error_in_words_without_the_bsn(antwoord):
    duo, _ = client(Script(ok(antwoord)))
    with pytest.raises(DuoContractError) as fout:
        duo.doelgroep(BSN)
    assert str(fout.value).startswith(
        "DUO's antwoord op GET /personen/{bsn}/doelgroep valt buiten DUO's contract: "
    )
    assert BSN not in str(fout.value)


def test_a_timeout_on_the_last_attempt_is_reported_as_such():
    script = Script(httpx.ConnectError("weg"), httpx.ReadTimeout("traag"))
    duo, _ = client(script, max_pogingen=2)
    with pytest.raises(DuoTimeoutError, match="niet op tijd"):
        duo.ontheffingen(BSN)


def test_reads_are_retried_on_5xx_with_exponential_backoff():
    script = Script(ok(status=503), ok(status=502), ok(PLICHT))
    duo, slapen = client(script)
    assert duo.inburgeringsplicht(BSN).indicatorInburgeringsplicht is True
    assert slapen == [0.5, 1.0]
    assert len({r.headers["berichtId"] for r in script.requests}) == 1  # one message, delivered 3 times


def test_backoff_is_capped():
    script = Script(*[ok(status=500)] * 5)
    duo, slapen = client(script, max_pogingen=5, backoff_start=1.0, backoff_max=2.5)
    with pytest.raises(DuoUnavailableError) as fout:
        duo.vrijstellingen(BSN)
    assert fout.value.status_code == 500
    assert slapen == [1.0, 2.0, 2.5, 2.5]


def test_connection_errors_are_retried_then_reported():
    script = Script(httpx.ConnectError("weg"), httpx.ReadTimeout("traag"), httpx.ConnectError("weg"))
    duo, slapen = client(script)
    with pytest.raises(DuoUnavailableError) as fout:
        duo.ontheffingen(BSN)
    assert fout.value.status_code is None
    assert len(script.requests) == 3 and len(slapen) == 2


def test_puts_are_retried():
    script = Script(httpx.ConnectError("weg"), ok(status=503), ok())
    duo, _ = client(script)
    duo.zet_uren_participatie_als_taalles(BSN, 40)
    assert [r.method for r in script.requests] == ["PUT"] * 3
    assert all(json.loads(r.content) == {"uren": 40} for r in script.requests)


def test_posts_are_sent_once():
    script = Script(ok(status=503))
    duo, slapen = client(script)
    ctx = PipContext(date(2025, 1, 1), date(2025, 1, 1), Doelgroep.ASIELSTATUSHOUDER)
    with pytest.raises(DuoUnavailableError):
        duo.registreer_pip(BSN, PIP(dagtekeningPip=date(2025, 3, 1), leerroute="B"), ctx)
    assert len(script.requests) == 1 and slapen == []


def test_4xx_raises_duo_error_with_duos_fouttekst_and_is_not_retried():
    script = Script(httpx.Response(403, json=[{"fouttekst": "Uw gemeente moet een actuele PIP hebben."}]))
    duo, _ = client(script)
    with pytest.raises(DuoError) as fout:
        duo.zet_zroute(BSN, date(2026, 1, 1))
    assert fout.value.status_code == 403
    assert fout.value.fouttekst == ["Uw gemeente moet een actuele PIP hebben."]
    assert fout.value.bericht_id == script.requests[0].headers["berichtId"]
    assert len(script.requests) == 1


def test_404_and_empty_400():
    duo, _ = client(Script(ok(status=404), ok(status=400)))
    with pytest.raises(DuoNotFoundError):
        duo.inburgeringstermijn(BSN)
    with pytest.raises(DuoError) as fout:
        duo.doelgroep(BSN)
    assert (fout.value.status_code, fout.value.fouttekst) == (400, [])


def test_a_write_duo_would_refuse_is_not_sent():
    script = Script()
    duo, _ = client(script)
    ctx = PipContext(date(2025, 1, 1), date(2025, 1, 10), Doelgroep.ASIELSTATUSHOUDER)
    with pytest.raises(DuoValidationError) as fout:
        duo.registreer_pip(BSN, PIP(dagtekeningPip=date(2025, 3, 1), leerroute="O", niveau="A2"), ctx)
    assert fout.value.codes == ["NIVEAU_A2_ONDERWIJSROUTE"]
    assert "README" in str(fout.value)
    with pytest.raises(DuoValidationError) as fout:
        duo.zet_map(BSN, date(2026, 5, 1), "Ja", LOPEND)
    assert "VERWIJTBAAR_JA_ZONDER_OVERSCHRIJDING" in fout.value.codes
    assert script.requests == []


def test_put_replaces_the_resource_so_absent_fields_are_left_out():
    script = Script(ok(), ok(), ok())
    duo, _ = client(script)
    duo.zet_map(BSN, date(2026, 5, 1), None, LOPEND)
    duo.zet_map(BSN, None, None, LOPEND)
    duo.zet_pvt(BSN, date(2026, 5, 2), None, LOPEND)
    assert [json.loads(r.content) for r in script.requests] == [
        {"datumEindgesprekMap": "2026-05-01"},
        {},
        {"datumOndertekeningPvt": "2026-05-02"},
    ]


def test_registreer_pip_returns_the_pip_as_duo_records_it():
    duo, _ = client(Script(ok(status=201)))
    ctx = PipContext(date(2025, 1, 1), date(2025, 1, 1), Doelgroep.ASIELSTATUSHOUDER)
    assert duo.registreer_pip(BSN, PIP(dagtekeningPip=date(2025, 3, 1), leerroute="O"), ctx).niveau == "B1"


def test_bad_bsn_and_oin_are_refused_locally():
    duo, _ = client(Script())
    with pytest.raises(ValueError):
        duo.inburgeringsplicht("12345")
    with pytest.raises(ValueError):
        DuoClient("https://duo.test/v1", "123", DUO_OIN)
    with pytest.raises(ValueError):
        DuoClient("https://duo.test/v1", GEMEENTE_OIN, DUO_OIN, max_pogingen=0)


def test_timeout_is_applied():
    duo, _ = client(Script(), timeout=2.5)
    assert duo._http.timeout == httpx.Timeout(2.5)


@pytest.fixture(scope="module")
def certificaat(tmp_path_factory) -> tuple[str, str]:
    folder = tmp_path_factory.mktemp("pki")
    cert, key = folder / "gemeente.pem", folder / "gemeente.key"
    subprocess.run(
        [
            "openssl",
            "req",
            "-x509",
            "-newkey",
            "rsa:2048",
            "-nodes",
            "-keyout",
            str(key),
            "-out",
            str(cert),
            "-days",
            "1",
            "-subj",
            "/CN=gemeente.test",
        ],
        check=True,
        capture_output=True,
    )
    return str(cert), str(key)


def test_ssl_context_loads_the_client_certificate_and_ca_bundle(certificaat):
    cert, key = certificaat
    context = ssl_context((cert, key), cert)
    assert context.verify_mode == ssl.CERT_REQUIRED and context.check_hostname
    assert any(c["subject"] == ((("commonName", "gemeente.test"),),) for c in context.get_ca_certs())
    onveilig = ssl_context(None, False)
    assert onveilig.verify_mode == ssl.CERT_NONE
    with pytest.raises(FileNotFoundError):
        ssl_context(("/geen/cert.pem", "/geen/key.pem"), True)
