"""Schemathesis with each of DUO's documents against the simulator: every answer as DUO documents it
(status code, content type, headers with API-Version, body), no server error, and data outside the
schema refused. Bounded examples, derandomized, so it is quick and repeatable. DUO's Notificatie
document is served by the gemeente (trajectory's POST /v1/notificaties), not by DUO.

Headers and the BSN that schemathesis did not make invalid are those of a gemeente the seeded person is
relevant for, so a case reaches DUO's rules (and a body of the wrong type is refused for its body, not
for a random `bron`).
"""

import os

import pytest
import schemathesis
import yaml
from duo_simulator.contract import met_python_patronen, spec_dir_or_reason
from duo_simulator.main import create_app
from fastapi.testclient import TestClient
from hypothesis import HealthCheck, given, settings
from schemathesis import GenerationMode
from schemathesis.checks import negative_data_rejection, not_a_server_error
from schemathesis.core.parameters import ParameterLocation
from schemathesis.specs.openapi.checks import (
    content_type_conformance,
    response_headers_conformance,
    response_schema_conformance,
    status_code_conformance,
)
from simulator_testkit import BSN, DUO_OIN, GEMEENTE_OIN, VANDAAG, feiten, headers

MAX_EXAMPLES = int(os.environ.get("DUO_FUZZ_MAX_EXAMPLES", "8"))
CHECKS = [
    not_a_server_error,
    status_code_conformance,
    content_type_conformance,
    response_headers_conformance,
    response_schema_conformance,
]
SPECS, REDEN = spec_dir_or_reason()
DOCUMENTEN = (
    sorted(
        p.name
        for p in (SPECS / "API").glob("*.openapi.yml")
        if SPECS and not p.name.startswith("Notificatie")
    )
    if SPECS
    else []
)


def negatief(case: schemathesis.Case, plek: ParameterLocation) -> bool:
    return case.meta is not None and case.meta.is_negative_at(plek)


@pytest.fixture(scope="module")
def simulator():
    app = create_app(duo_oin=DUO_OIN)
    with TestClient(app, raise_server_exceptions=False) as client:
        client.put("/simulator/vandaag", json={"datum": VANDAAG})
        client.put(f"/simulator/personen/{BSN}", json=feiten())
        yield client


@pytest.mark.skipif(SPECS is None, reason=REDEN)
@pytest.mark.parametrize("document", DOCUMENTEN)
@pytest.mark.parametrize("modus", [GenerationMode.POSITIVE, GenerationMode.NEGATIVE], ids=lambda m: m.value)
def test_the_simulator_answers_as_duos_document_says(simulator, document, modus):
    assert SPECS is not None
    spec = met_python_patronen(yaml.safe_load((SPECS / "API" / document).read_text(encoding="utf-8")))
    schema = schemathesis.openapi.from_dict(spec)
    failures: list[str] = []
    for result in schema.get_all_operations():
        operation = result.ok()

        @given(case=operation.as_strategy(generation_mode=modus))
        @settings(
            max_examples=MAX_EXAMPLES,
            deadline=None,
            derandomize=True,
            database=None,
            suppress_health_check=list(HealthCheck),
        )
        def run(case: schemathesis.Case) -> None:
            if not negatief(case, ParameterLocation.HEADER):
                case.headers = {**(case.headers or {}), **headers(GEMEENTE_OIN)}
            if (
                case.path_parameters
                and "bsn" in case.path_parameters
                and not negatief(case, ParameterLocation.PATH)
            ):
                case.path_parameters["bsn"] = BSN
            kwargs = case.as_transport_kwargs(base_url="http://testserver/v1")
            response = simulator.request(**{k: v for k, v in kwargs.items() if k != "base_url"})
            checks = CHECKS if modus is GenerationMode.POSITIVE else [*CHECKS, negative_data_rejection]
            case.validate_response(response, checks=checks)

        try:
            run()
        except Exception as exc:  # collect every operation's failures, then fail once
            failures.append(f"{operation.label}: {str(exc)[:1500]}")
    assert failures == [], "\n\n".join(failures)
