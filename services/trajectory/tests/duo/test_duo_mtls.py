"""The client against a real uvicorn running the simulator over TLS that demands a client certificate
(Digikoppeling with PKIoverheid certificates; here a throw-away test CA)."""

import socket
import ssl
import subprocess
import threading
import time
from pathlib import Path

import httpx
import pytest
import uvicorn
from duo_testkit import BSN, DUO_OIN, GEMEENTE_OIN, feiten
from trajectory_service.clients.duo import DuoClient, DuoUnavailableError, ssl_context

pytestmark = pytest.mark.e2e


def _openssl(*args: str) -> None:
    subprocess.run(["openssl", *args], check=True, capture_output=True)


@pytest.fixture(scope="module")
def pki(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("pki")
    _openssl(
        "req",
        "-x509",
        "-newkey",
        "rsa:2048",
        "-nodes",
        "-keyout",
        str(folder / "ca.key"),
        "-out",
        str(folder / "ca.pem"),
        "-days",
        "1",
        "-subj",
        "/CN=Test CA",
    )
    (folder / "san.ext").write_text("subjectAltName=DNS:localhost,IP:127.0.0.1\n")
    for naam in ("server", "gemeente"):
        _openssl(
            "req",
            "-newkey",
            "rsa:2048",
            "-nodes",
            "-keyout",
            str(folder / f"{naam}.key"),
            "-out",
            str(folder / f"{naam}.csr"),
            "-subj",
            f"/CN={naam}",
        )
        _openssl(
            "x509",
            "-req",
            "-in",
            str(folder / f"{naam}.csr"),
            "-CA",
            str(folder / "ca.pem"),
            "-CAkey",
            str(folder / "ca.key"),
            "-CAcreateserial",
            "-out",
            str(folder / f"{naam}.pem"),
            "-days",
            "1",
            "-extfile",
            str(folder / "san.ext"),
        )
    return folder


@pytest.fixture(scope="module")
def duo_url(pki):
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        poort = s.getsockname()[1]
    config = uvicorn.Config(
        "duo_simulator.main:create_app",
        factory=True,
        host="127.0.0.1",
        port=poort,
        log_level="warning",
        ssl_certfile=str(pki / "server.pem"),
        ssl_keyfile=str(pki / "server.key"),
        ssl_ca_certs=str(pki / "ca.pem"),
        ssl_cert_reqs=ssl.CERT_REQUIRED,
    )
    server = uvicorn.Server(config)
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 10
    while not server.started and time.monotonic() < deadline:
        time.sleep(0.05)
    assert server.started
    yield f"https://localhost:{poort}"
    server.should_exit = True
    thread.join(timeout=10)


def test_client_certificate_and_ca_bundle_over_real_tls(pki, duo_url):
    cert = (str(pki / "gemeente.pem"), str(pki / "gemeente.key"))
    with httpx.Client(base_url=duo_url, verify=ssl_context(cert, str(pki / "ca.pem"))) as beheer:
        assert beheer.put(f"/simulator/personen/{BSN}", json=feiten()).status_code in (200, 201)
    with DuoClient(f"{duo_url}/v1", GEMEENTE_OIN, DUO_OIN, cert=cert, verify=str(pki / "ca.pem")) as duo:
        assert duo.inburgeringsplicht(BSN).indicatorInburgeringsplicht is True


def test_without_a_client_certificate_duo_is_unreachable(pki, duo_url):
    duo = DuoClient(f"{duo_url}/v1", GEMEENTE_OIN, DUO_OIN, verify=str(pki / "ca.pem"), max_pogingen=1)
    with duo, pytest.raises(DuoUnavailableError):
        duo.inburgeringsplicht(BSN)


def test_a_server_outside_the_ca_bundle_is_refused(pki, duo_url):
    cert = (str(pki / "gemeente.pem"), str(pki / "gemeente.key"))
    duo = DuoClient(f"{duo_url}/v1", GEMEENTE_OIN, DUO_OIN, cert=cert, max_pogingen=1)
    with duo, pytest.raises(DuoUnavailableError, match="CERTIFICATE_VERIFY_FAILED"):
        duo.inburgeringsplicht(BSN)
