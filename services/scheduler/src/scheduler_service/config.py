from pydantic import Field
from pydantic_settings import SettingsConfigDict

from inburgering_shared.settings import ServiceSettings


class Settings(ServiceSettings):
    model_config = SettingsConfigDict(env_prefix="SCHEDULER_", frozen=True)

    database_url: str = "sqlite:///var/scheduler.db"
    port: int = 8005
    # API base URLs of the services that own deadlines (pip, trajectory).
    deadline_sources: list[str] = Field(
        default_factory=lambda: ["http://127.0.0.1:8002/v1", "http://127.0.0.1:8003/v1"]
    )
    scan_interval_seconds: float = 300.0
    leader_lease_seconds: float = 60.0
    timezone: str = "Europe/Amsterdam"
