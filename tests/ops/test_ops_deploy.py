"""deploy/: the compose file, the proxy, the container entrypoint and the Kubernetes base hold together."""

import os
import re
import shutil
import subprocess
from pathlib import Path

import pytest
import yaml
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
    assert APP_SERVICES | {"postgres", "scheduler-worker", "duo-simulator", "proxy"} == set(services)
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


@pytest.mark.parametrize("missing", sorted(REQUIRED))
def test_compose_refuses_to_start_without_a_required_setting(missing):
    result = compose_config({k: v for k, v in REQUIRED.items() if k != missing})
    assert result.returncode != 0
    assert missing in result.stderr


def test_the_proxy_routes_every_service_under_the_prefix_of_the_combined_openapi_document():
    nginx = (DEPLOY / "proxy" / "nginx.conf").read_text()
    routed = dict(re.findall(r"location (/[a-z]+/)\s+\{ proxy_pass http://([a-z]+):8000/; \}", nginx))
    assert routed == {proxy_prefix(s) + "/": s.name for s in SERVICES}


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
    assert set(deployments) == APP_SERVICES | {"scheduler-worker"}
    services = {d["metadata"]["name"] for d in documents if d["kind"] == "Service"}
    assert services == APP_SERVICES
    for name, deployment in deployments.items():
        spec = deployment["spec"]["template"]["spec"]
        assert deployment["spec"]["replicas"] >= 2, name
        assert spec["securityContext"]["runAsNonRoot"] is True, name
        (container,) = spec["containers"]
        database = next(e for e in container["env"] if e["name"].endswith("_DATABASE_URL"))
        assert database["valueFrom"]["secretKeyRef"]["name"] == "inburgering-database", name
        if name in APP_SERVICES:
            assert container["readinessProbe"]["httpGet"]["path"] == "/health/ready", name
