from inburgering_shared.settings import ServiceSettings
from pydantic import Field
from pydantic_settings import SettingsConfigDict


class Settings(ServiceSettings):
    model_config = SettingsConfigDict(env_prefix="SCHEDULER_", frozen=True)

    database_url: str = "sqlite:///var/scheduler.db"
    port: int = 8005
    # API base URLs of the services that own deadlines (pip, trajectory).
    deadline_sources: list[str] = Field(
        default_factory=lambda: ["http://127.0.0.1:8002/v1", "http://127.0.0.1:8003/v1"]
    )
    scan_interval_seconds: float = 300.0
    # The incremental scan re-reads deadlines changed this long before the last scan began (clock skew,
    # transactions still open then); re-reading is harmless, missing is not.
    scan_overlap_seconds: float = Field(default=600.0, ge=0)
    leader_lease_seconds: float = 60.0
    timezone: str = "Europe/Amsterdam"
    # Defaults for gemeenten that set nothing themselves (`/v1/instellingen/{gemeentecode}`).
    escalatie_teamleider_na_dagen: int = Field(default=7, ge=0)
    escalatie_regisseur_na_dagen: int = Field(default=21, ge=0)
    # Hourly: escalation. Daily at `daily_hour` (local time): the CBS reminder and the triggers below.
    escalation_interval_seconds: float = 3600.0
    daily_hour: int = Field(default=2, ge=0, le=23)
    # Endpoints the worker POSTs to daily; empty means the job is not scheduled (see docs/scheduler.md).
    duo_sync_urls: list[str] = Field(default_factory=list)
    retention_purge_urls: list[str] = Field(default_factory=list)
    verhuizing_urls: list[str] = Field(default_factory=list)
    """Where dossiers whose moving date has come are handed over (intake's /v1/verhuizingen/uitvoeren)."""
