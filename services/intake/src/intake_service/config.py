from inburgering_shared.settings import ServiceSettings
from pydantic_settings import SettingsConfigDict


class Settings(ServiceSettings):
    model_config = SettingsConfigDict(env_prefix="INTAKE_", frozen=True)

    database_url: str = "sqlite:///var/intake.db"
    port: int = 8001
