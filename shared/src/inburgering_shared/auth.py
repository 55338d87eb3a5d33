"""Bearer JWT authentication and role/tenant checks, in the ZGW style.

A token carries `client_id` (the calling system), `user_id` and
`user_representation` (the person behind it, if any), `roles` and `gemeenten`
(CBS gemeentecodes such as GM0171; "*" means every gemeente and is only minted
for the system's own services). Development uses a shared secret (HS256);
production sets a JWKS URL and accepts RS256 tokens from the identity provider.
"""

from __future__ import annotations

import time
from dataclasses import dataclass, field
from enum import StrEnum
from functools import lru_cache
from typing import Annotated, Any, Callable

import jwt
from fastapi import Depends, Request
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer

from .problems import Forbidden, NotAuthenticated

CLOCK_SKEW_SECONDS = 60
ALL_GEMEENTEN = "*"


class Role(StrEnum):
    KLANTMANAGER = "klantmanager"
    TEAMLEIDER = "teamleider"
    REGISSEUR = "regisseur"
    BELEID = "beleid"
    COA = "coa"
    VLUCHTELINGENWERK = "vluchtelingenwerk"
    TAALAANBIEDER = "taalaanbieder"
    DUO = "duo"
    SCHEDULER = "scheduler"
    BEHEER = "beheer"
    SERVICE = "service"  # the services of this system calling each other


# Roles that work on individual dossiers of their own gemeente.
CASEWORK = (Role.KLANTMANAGER, Role.TEAMLEIDER, Role.REGISSEUR)


@dataclass(frozen=True)
class Principal:
    client_id: str
    roles: frozenset[str]
    gemeenten: frozenset[str]
    user_id: str = ""
    user_representation: str = ""
    claims: dict[str, Any] = field(default_factory=dict, compare=False)

    def has_role(self, *roles: str) -> bool:
        return bool(self.roles.intersection(roles))

    def may_access(self, gemeentecode: str) -> bool:
        return ALL_GEMEENTEN in self.gemeenten or gemeentecode in self.gemeenten

    def check_gemeente(self, gemeentecode: str) -> None:
        if not self.may_access(gemeentecode):
            raise Forbidden("Dit token geeft geen toegang tot deze gemeente.")

    def gemeente_filter(self) -> frozenset[str] | None:
        """The gemeenten a query must be limited to; None means no limit."""
        return None if ALL_GEMEENTEN in self.gemeenten else self.gemeenten


@dataclass(frozen=True)
class AuthConfig:
    secret: str | None = None
    jwks_url: str | None = None
    audience: str | None = None
    issuer: str | None = None


@lru_cache(maxsize=8)
def _jwks_client(url: str) -> jwt.PyJWKClient:
    return jwt.PyJWKClient(url, cache_keys=True, lifespan=300, timeout=5)


def decode_token(token: str, config: AuthConfig) -> Principal:
    options = {"require": ["exp", "iat"], "verify_aud": config.audience is not None}
    try:
        if config.jwks_url:
            key: Any = _jwks_client(config.jwks_url).get_signing_key_from_jwt(token).key
            algorithms = ["RS256"]
        elif config.secret:
            key, algorithms = config.secret, ["HS256"]
        else:
            raise NotAuthenticated("Deze dienst heeft geen sleutel om tokens te controleren.")
        claims = jwt.decode(
            token,
            key,
            algorithms=algorithms,
            audience=config.audience,
            issuer=config.issuer,
            leeway=CLOCK_SKEW_SECONDS,
            options=options,
        )
    except jwt.ExpiredSignatureError as exc:
        raise NotAuthenticated("Het token is verlopen.") from exc
    except (jwt.InvalidTokenError, jwt.PyJWKClientError) as exc:
        raise NotAuthenticated("Het token is ongeldig.") from exc
    return _principal(claims)


def _principal(claims: dict[str, Any]) -> Principal:
    roles, gemeenten = claims.get("roles", []), claims.get("gemeenten", [])
    if not isinstance(roles, list) or not isinstance(gemeenten, list):
        raise NotAuthenticated("Het token mist rollen of gemeenten.")
    return Principal(
        client_id=str(claims.get("client_id", "")),
        user_id=str(claims.get("user_id", "")),
        user_representation=str(claims.get("user_representation", "")),
        roles=frozenset(map(str, roles)),
        gemeenten=frozenset(map(str, gemeenten)),
        claims=claims,
    )


def mint_token(
    secret: str,
    *,
    client_id: str,
    roles: list[str],
    gemeenten: list[str],
    user_id: str = "",
    user_representation: str = "",
    ttl_seconds: int = 3600,
) -> str:
    """A development token signed with the shared secret (HS256)."""
    now = int(time.time())
    claims = {
        "iss": client_id,
        "client_id": client_id,
        "user_id": user_id,
        "user_representation": user_representation,
        "roles": roles,
        "gemeenten": gemeenten,
        "iat": now,
        "exp": now + ttl_seconds,
    }
    return jwt.encode(claims, secret, algorithm="HS256")


_bearer = HTTPBearer(auto_error=False, description="JWT met client_id, roles en gemeenten")


def authenticated(
    request: Request,
    credentials: Annotated[HTTPAuthorizationCredentials | None, Depends(_bearer)],
) -> Principal:
    if credentials is None or credentials.scheme.lower() != "bearer":
        raise NotAuthenticated("Een Bearer-token is verplicht.")
    principal = decode_token(credentials.credentials, request.app.state.auth_config)
    request.state.principal = principal
    return principal


def require(*roles: str) -> Callable[[Principal], Principal]:
    """Dependency: an authenticated caller holding one of `roles`."""

    def check(principal: Annotated[Principal, Depends(authenticated)]) -> Principal:
        if not principal.has_role(*roles):
            raise Forbidden("Deze rol mag deze handeling niet uitvoeren.")
        return principal

    check.__name__ = "require_" + "_".join(roles)
    return check
