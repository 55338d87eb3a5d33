"""The simulated DUO's client certificate: its OIN as subject serialNumber, as in a PKIoverheid
certificate (Programma van Eisen, deel 3). A throw-away self-signed one unless
DUO_SIMULATOR_CLIENT_CERT and DUO_SIMULATOR_CLIENT_KEY name PEM files."""

import os
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path
from tempfile import mkdtemp
from urllib.parse import quote

from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.x509.oid import NameOID


@dataclass(frozen=True)
class Identiteit:
    certfile: str
    keyfile: str

    @property
    def doorgestuurd(self) -> str:
        """The certificate as the TLS-terminating proxy forwards it (nginx `$ssl_client_escaped_cert`)."""
        return quote(Path(self.certfile).read_text())


def certificaat_pem(oin: str, naam: str = "DUO simulator") -> tuple[bytes, bytes]:
    """A self-signed certificate naming `oin` as subject serialNumber, and its key (PEM)."""
    sleutel = ec.generate_private_key(ec.SECP256R1())
    subject = x509.Name(
        [x509.NameAttribute(NameOID.COMMON_NAME, naam), x509.NameAttribute(NameOID.SERIAL_NUMBER, oin)]
    )
    nu = datetime.now(UTC)
    certificaat = (
        x509.CertificateBuilder()
        .subject_name(subject)
        .issuer_name(subject)
        .public_key(sleutel.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(nu - timedelta(minutes=5))
        .not_valid_after(nu + timedelta(days=365))
        .sign(sleutel, hashes.SHA256())
    )
    sleutel_pem = sleutel.private_bytes(
        serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption()
    )
    return certificaat.public_bytes(serialization.Encoding.PEM), sleutel_pem


def identiteit(oin: str) -> Identiteit:
    cert, key = os.environ.get("DUO_SIMULATOR_CLIENT_CERT"), os.environ.get("DUO_SIMULATOR_CLIENT_KEY")
    if cert and key:
        return Identiteit(cert, key)
    map_ = Path(mkdtemp(prefix="duo-simulator-"))
    cert_pem, key_pem = certificaat_pem(oin)
    (map_ / "duo.pem").write_bytes(cert_pem)
    (map_ / "duo.key").write_bytes(key_pem)
    (map_ / "duo.key").chmod(0o600)
    return Identiteit(str(map_ / "duo.pem"), str(map_ / "duo.key"))
