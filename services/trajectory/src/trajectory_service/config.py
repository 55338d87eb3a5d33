from pydantic_settings import SettingsConfigDict

from inburgering_shared.settings import ServiceSettings


class Settings(ServiceSettings):
    model_config = SettingsConfigDict(env_prefix="TRAJECTORY_", frozen=True)

    database_url: str = "sqlite:///var/trajectory.db"
    port: int = 8003
