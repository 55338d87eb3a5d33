"""Who sent a notification: DUO's OIN from its PKIoverheid client certificate.

DUO authenticates with its PKIoverheid certificate (README of DUO's interface, "Vertrouwelijkheid"); the
OIN of a PKIoverheid certificate is the subject's serialNumber (PKIoverheid Programma van Eisen, deel 3,
"subject.serialNumber": the OIN for organisation certificates). mTLS is terminated by the proxy in front of
the services (deploy/proxy/nginx.conf): it verifies the chain against the PKIoverheid CA and forwards the
verified certificate URL-escaped (nginx `$ssl_client_escaped_cert`) in `X-Client-Cert`
(`TRAJECTORY_DUO_CERTIFICAAT_HEADER`); on every other listener it removes that header, and the services
are reachable only through the proxy.
"""

from urllib.parse import unquote

from cryptography import x509
from cryptography.x509.oid import NameOID


class NietGeauthentiseerdError(Exception):
    """No client certificate, or one without an OIN: 401."""


def oin_van_afzender(doorgestuurd: str | None) -> str:
    """The OIN in the client certificate the proxy forwarded."""
    if not doorgestuurd:
        raise NietGeauthentiseerdError("Geen clientcertificaat: de afzender is niet geauthentiseerd.")
    try:
        certificaat = x509.load_pem_x509_certificate(unquote(doorgestuurd).encode())
    except ValueError as fout:
        raise NietGeauthentiseerdError("Het clientcertificaat is niet te lezen.") from fout
    oins = certificaat.subject.get_attributes_for_oid(NameOID.SERIAL_NUMBER)
    if len(oins) != 1 or not isinstance(oins[0].value, str) or len(oins[0].value) != 20:
        raise NietGeauthentiseerdError("Het clientcertificaat noemt geen OIN (subject serialNumber).")
    return oins[0].value
