from pydantic_settings import SettingsConfigDict

from inburgering_shared.settings import ServiceSettings


class Settings(ServiceSettings):
    model_config = SettingsConfigDict(env_prefix="REPORTING_", frozen=True)

    database_url: str = "sqlite:///var/reporting.db"
    port: int = 8004
