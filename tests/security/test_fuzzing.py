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
from dataclasses import dataclass

import pytest
import schemathesis
import schemathesis_hooks  # noqa: F401 (teaches schemathesis the `bsn` format)
from fastapi import FastAPI
from fastapi.testclient import TestClient
from fuzz_fixtures import System, asgi_via, seed, wired_environment
from hypothesis import HealthCheck, given, settings
from hypothesis.errors import Unsatisfiable
from inburgering_shared.auth import Role, mint_token
from inburgering_shared.testing import DatabaseBackend
from schemathesis import GenerationMode
from schemathesis.config import SchemathesisConfig
from schemathesis.core.parameters import ParameterLocation
from security_testkit import OWN, ROOT, SERVICE_NAMES, build_app

MAX_EXAMPLES = int(os.environ.get("FUZZ_MAX_EXAMPLES", "12"))
CONFIG = SchemathesisConfig.from_path(ROOT / "schemathesis.toml")


@dataclass(frozen=True)
class Fuzzed:
    """A service under fuzzing, and the path parameters of records that exist in it."""

    app: FastAPI
    client: TestClient
    known: dict[str, list[str]]


@pytest.fixture(scope="module")
def fuzzed(database_backend: DatabaseBackend) -> Iterator[dict[str, Fuzzed]]:
    with wired_environment():
        apps = {name: build_app(database_backend, name, prefix="fuzz") for name in SERVICE_NAMES}
    clients = {name: TestClient(app, raise_server_exceptions=False) for name, app in apps.items()}
    for client in clients.values():
        client.__enter__()
    known = seed(System(apps, clients), token)
    yield {name: Fuzzed(apps[name], clients[name], known[name]) for name in SERVICE_NAMES}
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


def als_op_de_lijn(value: str) -> str | bytes:
    """A header value as its bytes on the wire: HTTP carries Latin-1 (RFC 9110 section 5.5), which
    httpx does not encode for a value beyond ASCII, such as the `\\x80` a negative case may send."""
    return value if value.isascii() else value.encode("latin-1", errors="replace")


@pytest.mark.parametrize("mode", [GenerationMode.POSITIVE, GenerationMode.NEGATIVE], ids=lambda m: m.value)
@pytest.mark.parametrize("service", SERVICE_NAMES)
def test_every_answer_as_documented_on_every_check(
    fuzzed: dict[str, Fuzzed], service: str, mode: GenerationMode
) -> None:
    """A case that follows the document reaches existing records of the own gemeente (where its
    path names one we made), so the operation's work is fuzzed rather than its 404."""
    target = fuzzed[service]
    client = target.client
    # From the document itself: loading it over ASGI would run the lifespan again, which gives the
    # app a new service client that does not reach the other apps. The requests schemathesis sends
    # itself go through the same TestClient.
    schema = schemathesis.openapi.from_dict(target.app.openapi(), config=CONFIG)
    schema.app = asgi_via(client)
    failures: list[str] = []
    counts = {"cases": 0, "2xx": 0}
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
            counts["cases"] += 1
            if mode is GenerationMode.POSITIVE and case.path_parameters:
                case.path_parameters.update(
                    {
                        k: v[counts["cases"] % len(v)]
                        for k, v in target.known.items()
                        if k in case.path_parameters and v
                    }
                )
            # A case that breaks the headers on purpose (leaves out Authorization) is sent as it is.
            negatief_in_koppen = case.meta is not None and case.meta.is_negative_at(ParameterLocation.HEADER)
            kwargs = case.as_transport_kwargs(
                base_url="http://testserver/v1", headers=None if negatief_in_koppen else token()
            )
            kwargs["headers"] = {k: als_op_de_lijn(v) for k, v in kwargs.get("headers", {}).items()}
            response = client.request(**{k: v for k, v in kwargs.items() if k != "base_url"})
            counts["2xx"] += response.status_code < 300
            case.validate_response(response, headers=token())

        try:
            run()
        except Unsatisfiable:  # an operation without parameters or body has nothing to break
            assert mode is GenerationMode.NEGATIVE, operation.label
        except Exception as exc:  # collect all operations' failures, then fail once
            failures.append(f"{operation.label}: {str(exc)[:1500]}")
    print(f"schemathesis {service} ({mode.value}): {counts['cases']} cases, {counts['2xx']} answered 2xx")
    assert failures == [], "\n\n".join(failures)
