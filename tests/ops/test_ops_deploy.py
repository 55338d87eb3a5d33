"""deploy/: the compose file, the proxy, the container entrypoint and the Kubernetes base hold together."""

import os
import re
import shutil
import subprocess
from pathlib import Path

import pytest
import yaml
from inburgering_shared.db import DATABASE_CONNECTIONS
from inburgering_shared.openapi_documents import proxy_prefix
from inburgering_shared.serve import derived_wiring, main, missing_settings
from inburgering_shared.system import SERVICES

ROOT = Path(__file__).resolve().parents[2]
DEPLOY = ROOT / "deploy"
APP_SERVICES = {s.name for s in SERVICES}
REQUIRED = {"POSTGRES_PASSWORD": "secret", "AUTH_JWT_SECRET": "dev-secret"}


def compose_command() -> list[str]:
    if (
        shutil.which("docker")
        and subprocess.run(["docker", "compose", "version"], capture_output=True).returncode == 0
    ):
        return ["docker", "compose"]
    if shutil.which("docker-compose"):
        return ["docker-compose"]
    if os.environ.get("CI") == "true":  # .ci/run installs Debian's docker-compose when no client is found
        pytest.fail("CI must validate the compose file, but no docker compose client was found")
    pytest.skip("no docker compose client (docker compose or docker-compose) on this machine")


def compose_config(env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    clean = {k: v for k, v in os.environ.items() if k not in REQUIRED}
    return subprocess.run(
        [*compose_command(), "-f", str(DEPLOY / "compose.yaml"), "config"],
        capture_output=True,
        text=True,
        env={**clean, **env},
        cwd=DEPLOY,
    )


def test_compose_config_is_valid_and_every_service_waits_for_healthy_dependencies():
    result = compose_config(REQUIRED)
    assert result.returncode == 0, result.stderr
    services = yaml.safe_load(result.stdout)["services"]
    always = APP_SERVICES | {"postgres", "scheduler-worker", "duo-simulator", "proxy"}
    assert always <= set(services) <= always | {"oauth2-proxy"}  # compose v1 lists inactive profiles too
    for name in APP_SERVICES:
        service = services[name]
        assert service["depends_on"]["postgres"]["condition"] == "service_healthy", name
        assert "/health/ready" in " ".join(service["healthcheck"]["test"]), name
        assert service["environment"][f"{name.upper()}_DATABASE_URL"].startswith("postgresql+psycopg://"), (
            name
        )
        assert service["read_only"] is True, name
        assert services["proxy"]["depends_on"][name]["condition"] == "service_healthy", name
    assert "pgdata" in yaml.safe_load(result.stdout)["volumes"]


def test_the_connections_every_process_may_open_fit_under_postgresqls_max_connections():
    services = yaml.safe_load(compose_config(REQUIRED).stdout)["services"]
    clients = {  # processes (uvicorn's workers) x connections per process
        name: int(service["environment"].get("WEB_CONCURRENCY", 1))
        * int(service["environment"].get(url.replace("_URL", "_CONNECTIONS"), DATABASE_CONNECTIONS))
        for name, service in services.items()
        for url in service.get("environment", {})
        if url.endswith("_DATABASE_URL")
    }
    assert set(APP_SERVICES) | {"scheduler-worker"} <= set(clients)
    command = services["postgres"]["command"]
    max_connections = int(next(c.split("=")[1] for c in command if c.startswith("max_connections=")))
    assert sum(clients.values()) < max_connections, clients


OIDC = {
    "OIDC_ISSUER_URL": "https://idp.example/realms/gm0171",
    "OIDC_CLIENT_ID": "inburgering",
    "OIDC_CLIENT_SECRET": "client-secret",
    "OAUTH2_PROXY_COOKIE_SECRET": "0123456789abcdef0123456789abcdef",
    "SIGN_IN_URL": "https://inburgering.gemeente.example",
    "AUTH_JWKS_URL": "https://idp.example/realms/gm0171/protocol/openid-connect/certs",
}


def test_with_the_oidc_profile_browsers_sign_in_through_oauth2_proxy_which_passes_the_bearer_token():
    result = subprocess.run(
        [*compose_command(), "-f", str(DEPLOY / "compose.yaml"), "--profile", "oidc", "config"],
        capture_output=True,
        text=True,
        env={**os.environ, **REQUIRED, **OIDC},
        cwd=DEPLOY,
    )
    assert result.returncode == 0, result.stderr
    services = yaml.safe_load(result.stdout)["services"]
    sign_in = services["oauth2-proxy"]["environment"]
    assert sign_in["OAUTH2_PROXY_PROVIDER"] == "oidc"
    assert sign_in["OAUTH2_PROXY_OIDC_ISSUER_URL"] == OIDC["OIDC_ISSUER_URL"]
    assert sign_in["OAUTH2_PROXY_UPSTREAMS"] == "http://proxy:8080/"
    assert sign_in["OAUTH2_PROXY_PASS_AUTHORIZATION_HEADER"] == "true"
    assert sign_in["OAUTH2_PROXY_REDIRECT_URL"] == OIDC["SIGN_IN_URL"] + "/oauth2/callback"
    for name in APP_SERVICES:  # the services check the identity provider's tokens against its keys
        assert services[name]["environment"]["AUTH_JWKS_URL"] == OIDC["AUTH_JWKS_URL"], name
    assert services["oauth2-proxy"]["profiles"] == ["oidc"]  # started only with --profile oidc


def test_an_empty_auth_variable_is_not_set(monkeypatch):
    from inburgering_shared.settings import AuthSettings

    for name in ("AUTH_JWKS_URL", "AUTH_AUDIENCE", "AUTH_ISSUER", "AUTH_SERVICE_TOKEN"):
        monkeypatch.setenv(name, "")  # as compose passes them without an identity provider
    monkeypatch.setenv("AUTH_JWT_SECRET", "dev-secret")
    config = AuthSettings().config()
    assert (config.jwks_url, config.audience, config.issuer) == (None, None, None)


def test_browsers_sign_in_through_oauth2_proxy_on_kubernetes():
    documents = kustomize_documents()
    (deployment,) = [
        d for d in documents if d["kind"] == "Deployment" and d["metadata"]["name"] == "oauth2-proxy"
    ]
    (container,) = deployment["spec"]["template"]["spec"]["containers"]
    assert {"--provider=oidc", "--set-authorization-header=true"} <= set(container["args"])
    assert container["envFrom"] == [{"secretRef": {"name": "inburgering-oidc"}}]
    (ingress,) = [d for d in documents if d["kind"] == "Ingress" and d["metadata"]["name"] == "inburgering"]
    annotations = ingress["metadata"]["annotations"]
    assert annotations["nginx.ingress.kubernetes.io/auth-url"].startswith("http://oauth2-proxy.")
    assert annotations["nginx.ingress.kubernetes.io/auth-response-headers"] == "Authorization"


@pytest.mark.parametrize("missing", sorted(REQUIRED))
def test_compose_refuses_to_start_without_a_required_setting(missing):
    result = compose_config({k: v for k, v in REQUIRED.items() if k != missing})
    assert result.returncode != 0
    assert missing in result.stderr


def test_the_proxy_routes_every_service_under_the_prefix_of_the_combined_openapi_document():
    nginx = (DEPLOY / "proxy" / "nginx.conf").read_text()
    routed = dict(re.findall(r"location (/[a-z]+/)\s+\{ proxy_pass http://([a-z]+):8000/; \}", nginx))
    assert routed == {proxy_prefix(s) + "/": s.name for s in SERVICES}
    versioned = re.findall(r"location /v1(/[a-z]+/)\s+\{ proxy_pass http://([a-z]+):8000/v1/; \}", nginx)
    assert dict(versioned) == routed


def test_images_run_as_a_non_root_user():
    dockerfile = (DEPLOY / "Dockerfile").read_text()
    users = re.findall(r"^USER (\S+)", dockerfile, re.MULTILINE)
    assert users and not users[-1].startswith(("0", "root"))


def test_the_entrypoint_names_missing_required_settings(capsys):
    spec = next(s for s in SERVICES if s.name == "pip")
    assert missing_settings(spec, {}) == ["PIP_DATABASE_URL", "AUTH_JWT_SECRET or AUTH_JWKS_URL"]
    assert (
        missing_settings(spec, {"PIP_DATABASE_URL": "sqlite://", "AUTH_JWKS_URL": "https://idp/jwks"}) == []
    )


def test_the_entrypoint_exits_before_serving_when_settings_are_missing(monkeypatch, capsys):
    for name in ("INTAKE_DATABASE_URL", "AUTH_JWT_SECRET", "AUTH_JWKS_URL", "SERVICE_URL_TEMPLATE"):
        monkeypatch.delenv(name, raising=False)
    assert main(["intake"]) == 2
    assert "INTAKE_DATABASE_URL" in capsys.readouterr().err


def test_wiring_from_a_url_template_keeps_what_is_set_explicitly():
    wiring = derived_wiring(
        {"SERVICE_URL_TEMPLATE": "http://{name}:8000", "PIP_PUBLIC_URL": "https://pip.example"}
    )
    assert wiring["INTAKE_PUBLIC_URL"] == "http://intake:8000"
    assert "PIP_PUBLIC_URL" not in wiring
    assert "http://pip:8000/v1/callbacks" in wiring["INTAKE_ABONNEMENTEN"]
    assert derived_wiring({}) == {}


def kustomize_documents() -> list[dict]:
    base = DEPLOY / "kubernetes" / "base"
    if shutil.which("kubectl"):
        result = subprocess.run(["kubectl", "kustomize", str(base)], capture_output=True, text=True)
        assert result.returncode == 0, result.stderr
        return list(yaml.safe_load_all(result.stdout))
    # Without kubectl: every resource file still parses; the generated ConfigMap is left out.
    kustomization = yaml.safe_load((base / "kustomization.yaml").read_text())
    return [d for f in kustomization["resources"] for d in yaml.safe_load_all((base / f).read_text())]


def test_kubernetes_base_runs_every_service_replicated_non_root_with_the_database_from_a_secret():
    documents = kustomize_documents()
    deployments = {d["metadata"]["name"]: d for d in documents if d["kind"] == "Deployment"}
    assert set(deployments) == APP_SERVICES | {"scheduler-worker", "oauth2-proxy"}
    services = {d["metadata"]["name"] for d in documents if d["kind"] == "Service"}
    assert services == APP_SERVICES | {"oauth2-proxy"}
    for name, deployment in deployments.items():
        if name == "oauth2-proxy":
            continue  # test_browsers_sign_in_through_oauth2_proxy_on_kubernetes
        spec = deployment["spec"]["template"]["spec"]
        assert deployment["spec"]["replicas"] >= 2, name
        assert spec["securityContext"]["runAsNonRoot"] is True, name
        (container,) = spec["containers"]
        database = next(e for e in container["env"] if e["name"].endswith("_DATABASE_URL"))
        assert database["valueFrom"]["secretKeyRef"]["name"] == "inburgering-database", name
        if name in APP_SERVICES:
            assert container["readinessProbe"]["httpGet"]["path"] == "/health/ready", name
