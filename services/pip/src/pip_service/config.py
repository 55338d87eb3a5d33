from inburgering_shared.settings import ServiceSettings
from pydantic_settings import SettingsConfigDict


class Settings(ServiceSettings):
    model_config = SettingsConfigDict(env_prefix="PIP_", frozen=True)

    database_url: str = "sqlite:///var/pip.db"
    port: int = 8002
