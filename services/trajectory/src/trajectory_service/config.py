from decimal import Decimal

from inburgering_shared.settings import ServiceSettings
from pydantic_settings import SettingsConfigDict

# DUO's OIN as the simulator uses it; production sets TRAJECTORY_DUO_OIN to DUO's real OIN.
SIMULATOR_DUO_OIN = "00000000000000000000"


class Settings(ServiceSettings):
    model_config = SettingsConfigDict(env_prefix="TRAJECTORY_", frozen=True)

    database_url: str = "sqlite:///var/trajectory.db"
    port: int = 8003

    # DUO exchange (docs/duo-sync.md). Without duo_base_url nothing is read from or sent to DUO;
    # notifications are still stored and processed once it is set.
    duo_base_url: str = ""
    """DUO's base URL including the base path, e.g. https://duo.example/v1."""
    duo_oin: str = SIMULATOR_DUO_OIN
    """DUO's OIN: `doel` of our requests, the `bron` we accept on notifications."""
    duo_gemeente_oins: dict[str, str] = {}
    """Per gemeentecode (GM0171) the gemeente's OIN: `bron` of our requests, `doel` of DUO's notifications."""
    duo_certificaat_header: str = "X-Client-Cert"
    """The header in which the TLS-terminating proxy forwards DUO's verified client certificate
    (deploy/proxy/duo-mtls.conf; ingress-nginx's auth-tls-pass-certificate-to-upstream uses
    ssl-client-cert)."""
    duo_client_cert: str | None = None
    """PKIoverheid client certificate (PEM) for mTLS; with duo_client_key."""
    duo_client_key: str | None = None
    duo_ca_bundle: str | None = None
    """CA bundle to trust DUO's server certificate; the system's store when unset."""
    duo_sync_enabled: bool = True
    duo_sync_interval_seconds: float = 2.0
    duo_max_backoff_seconds: float = 300.0
    duo_max_pogingen: int = 6
    """Attempts before a notification or write that fails for its dossier alone is parked (DUO's
    outages are retried without limit)."""
    voortgangsgesprek_maanden: dict[str, int] = {}
    """Per gemeentecode the interval between voortgangsgesprekken in months (default 3)."""
    boete_maximum: dict[str, Decimal] = {}
    """Per gemeentecode the gemeente's own maximum boete, below the statutory EUR 800 (R15)."""
    intake_url: str = ""
    """Intake's API (…/v1): DUO names a person by BSN, intake links the BSN to the inburgeraar."""
