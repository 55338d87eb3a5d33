from inburgering_shared.settings import ServiceSettings
from pydantic import Field
from pydantic_settings import SettingsConfigDict

from .kpis.rules import SEED_002_VERDELING, Verdeling


class Settings(ServiceSettings):
    model_config = SettingsConfigDict(env_prefix="REPORTING_", frozen=True)

    database_url: str = "sqlite:///var/reporting.db"
    port: int = 8004
    # For a full rebuild: resource name -> the owner's paginated list endpoint.
    bronnen: dict[str, str] = Field(
        default_factory=lambda: {
            "inburgeraar": "http://127.0.0.1:8001/v1/inburgeraars",
            "pip": "http://127.0.0.1:8002/v1/pips",
            "traject": "http://127.0.0.1:8003/v1/trajecten",
        }
    )
    # The leerroute split a gemeente itself expects (percentages), per gemeentecode; "*" for the rest.
    eigen_verdeling: dict[str, Verdeling] = Field(default_factory=lambda: {"*": SEED_002_VERDELING})
    # Development only (`make run`): the dashboard's sign-in page (dashboard/aanmelden.py).
    dev_sign_in: bool = False
