"""Settings every service shares, read from the environment."""

from __future__ import annotations

from pydantic import BaseModel, Field
from pydantic_settings import BaseSettings, SettingsConfigDict

from .auth import AuthConfig, Role, mint_token
from .db import DATABASE_CONNECTIONS


class Abonnement(BaseModel):
    """A subscriber of this service's events (ZGW Notificaties style)."""

    callbackUrl: str
    kanalen: list[str]


class AuthSettings(BaseSettings):
    """`AUTH_JWT_SECRET` for development (HS256), `AUTH_JWKS_URL` in production (RS256)."""

    # An empty variable is not set (compose passes AUTH_JWKS_URL and the rest through, empty by default).
    model_config = SettingsConfigDict(env_prefix="AUTH_", frozen=True, env_ignore_empty=True)

    jwt_secret: str | None = None
    jwks_url: str | None = None
    audience: str | None = None
    issuer: str | None = None
    # Token this service presents to the others when no secret is at hand to mint one.
    service_token: str | None = None

    def config(self) -> AuthConfig:
        if not (self.jwt_secret or self.jwks_url):
            raise RuntimeError("Set AUTH_JWT_SECRET (development) or AUTH_JWKS_URL (production).")
        return AuthConfig(self.jwt_secret, self.jwks_url, self.audience, self.issuer)

    def outgoing_token(self, client_id: str, role: str = Role.SERVICE) -> str:
        """The bearer token for this service's own calls to the others."""
        if self.service_token:
            return self.service_token
        if not self.jwt_secret:
            raise RuntimeError("Set AUTH_SERVICE_TOKEN when tokens come from an identity provider.")
        return mint_token(self.jwt_secret, client_id=client_id, roles=[role], gemeenten=["*"])


class ServiceSettings(BaseSettings):
    """Base of each service's Settings; subclasses set `env_prefix` (INTAKE_, PIP_, ...)."""

    model_config = SettingsConfigDict(frozen=True)

    database_url: str
    # The PostgreSQL connections one process may open (db.ConnectionBudget): processes x this
    # must stay under the server's max_connections.
    database_connections: int = Field(DATABASE_CONNECTIONS, ge=4)
    host: str = "127.0.0.1"
    port: int
    # The URL at which the other services reach this one; resource URLs start with it.
    public_url: str = ""
    abonnementen: list[Abonnement] = Field(default_factory=list)
    dispatcher_enabled: bool = True
    dispatch_interval_seconds: float = 1.0
    # Retries back off exponentially up to this cap and dead-letter only after `dead_letter_after_hours`.
    dispatch_max_backoff_seconds: float = 300.0
    dead_letter_after_hours: float = 24.0
    http_timeout_seconds: float = 10.0

    @property
    def base_url(self) -> str:
        return (self.public_url or f"http://{self.host}:{self.port}").rstrip("/")

    @property
    def api_url(self) -> str:
        return self.base_url + "/v1"
