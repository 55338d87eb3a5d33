"""Schemathesis against every service's OpenAPI document, with valid tokens (issues 8 and 17).

Every operation gets `MAX_EXAMPLES` generated requests that follow the document and as many that
break it (Hypothesis, derandomized so a run is repeatable), with a token holding every role for
GM0171, sent through a real TestClient with the app's lifespan. Every check schemathesis has runs
on every answer, configured by schemathesis.toml (the same file the CLI reads): no server error,
status code, content type, headers and body as documented, schema-valid requests accepted,
schema-violating ones refused, a missing required header refused, and so on.
The services run on their own databases here (not rolled back): what the fuzzer creates stays
for the next operations to meet, as in production.
"""

import os
from collections.abc import Iterator

import pytest
import schemathesis
import schemathesis_hooks  # noqa: F401 (teaches schemathesis the `bsn` format)
from fastapi import FastAPI
from fastapi.testclient import TestClient
from hypothesis import HealthCheck, given, settings
from hypothesis.errors import Unsatisfiable
from inburgering_shared.auth import Role, mint_token
from inburgering_shared.testing import DatabaseBackend
from schemathesis import GenerationMode
from schemathesis.config import SchemathesisConfig
from security_testkit import OWN, ROOT, SERVICE_NAMES, build_app

MAX_EXAMPLES = int(os.environ.get("FUZZ_MAX_EXAMPLES", "12"))
CONFIG = SchemathesisConfig.from_path(ROOT / "schemathesis.toml")
CASES_RUN: dict[str, int] = {}


@pytest.fixture(scope="module")
def fuzzed(database_backend: DatabaseBackend) -> Iterator[dict[str, tuple[FastAPI, TestClient]]]:
    apps = {name: build_app(database_backend, name, prefix="fuzz") for name in SERVICE_NAMES}
    clients = {name: TestClient(app, raise_server_exceptions=False) for name, app in apps.items()}
    for client in clients.values():
        client.__enter__()
    yield {name: (apps[name], clients[name]) for name in SERVICE_NAMES}
    for client in clients.values():
        client.__exit__(None, None, None)


def token() -> dict[str, str]:
    value = mint_token(
        os.environ["AUTH_JWT_SECRET"],
        client_id="fuzzer",
        roles=[r.value for r in Role],
        gemeenten=[OWN],
        user_id="fuzzer",
        user_representation="Fuzzer",
    )
    return {"Authorization": f"Bearer {value}"}


@pytest.mark.parametrize("mode", [GenerationMode.POSITIVE, GenerationMode.NEGATIVE], ids=lambda m: m.value)
@pytest.mark.parametrize("service", SERVICE_NAMES)
def test_every_answer_as_documented_on_every_check(
    fuzzed: dict[str, tuple[FastAPI, TestClient]], service: str, mode: GenerationMode
) -> None:
    app, client = fuzzed[service]
    schema = schemathesis.openapi.from_asgi("/openapi.json", app, config=CONFIG)
    failures: list[str] = []
    label = f"{service} ({mode.value})"
    for result in schema.get_all_operations():
        operation = result.ok()

        @given(case=operation.as_strategy(generation_mode=mode))
        @settings(
            max_examples=MAX_EXAMPLES,
            deadline=None,
            derandomize=True,
            database=None,
            suppress_health_check=list(HealthCheck),
        )
        def run(case: schemathesis.Case) -> None:
            CASES_RUN[label] = CASES_RUN.get(label, 0) + 1
            kwargs = case.as_transport_kwargs(base_url="http://testserver/v1", headers=token())
            response = client.request(**{k: v for k, v in kwargs.items() if k != "base_url"})
            case.validate_response(response, headers=token())

        try:
            run()
        except Unsatisfiable:  # an operation without parameters or body has nothing to break
            assert mode is GenerationMode.NEGATIVE, operation.label
        except Exception as exc:  # collect all operations' failures, then fail once
            failures.append(f"{operation.label}: {str(exc)[:1500]}")
    print(f"schemathesis cases run for {label}: {CASES_RUN.get(label, 0)}")
    assert failures == [], "\n\n".join(failures)
