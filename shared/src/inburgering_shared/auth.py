"""Bearer JWT authentication and role/tenant checks, in the ZGW style.

A token carries `client_id` (the calling system), `user_id` and
`user_representation` (the person behind it, if any), `roles` and `gemeenten`
(CBS gemeentecodes such as GM0171; "*" means every gemeente and is only minted
for the system's own services). Development uses a shared secret (HS256);
production sets a JWKS URL and accepts RS256 tokens from the identity provider.

A client sends the same token with every request for as long as it lives, so
a verified token is remembered by its exact text (`TokenCache`) for at most
`TOKEN_CACHE_SECONDS` and never past its expiry: a repeated request skips the
signature check, an expired or altered token is checked (and refused) again.
The dependencies here are `async`: they do no I/O on the common path, so
FastAPI runs them on the event loop instead of handing each to a thread. Only
a token the cache does not know, under a JWKS URL (whose keys may have to be
fetched), is verified on a worker thread.
"""

from __future__ import annotations

import time
from collections import OrderedDict
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from enum import StrEnum
from functools import lru_cache
from typing import Annotated, Any

import anyio
import jwt
from fastapi import Depends, Request
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer
from jwt.types import Options

from .problems import Forbidden, NotAuthenticated

CLOCK_SKEW_SECONDS = 60
ALL_GEMEENTEN = "*"
TOKEN_CACHE_SECONDS = 60
TOKEN_CACHE_SIZE = 1024


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
    options: Options = {"require": ["exp", "iat"], "verify_aud": config.audience is not None}
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


class TokenCache:
    """Verified tokens by their exact text, each kept until the earlier of its expiry and `seconds`."""

    def __init__(self, *, seconds: float = TOKEN_CACHE_SECONDS, size: int = TOKEN_CACHE_SIZE) -> None:
        self.seconds = seconds
        self.size = size
        self._entries: OrderedDict[tuple[AuthConfig, str], tuple[float, Principal]] = OrderedDict()

    def get(self, token: str, config: AuthConfig) -> Principal | None:
        entry = self._entries.get((config, token))
        if entry is None:
            return None
        if entry[0] <= time.time():
            del self._entries[(config, token)]
            return None
        return entry[1]

    def put(self, token: str, config: AuthConfig, principal: Principal) -> None:
        # Accepted up to `exp` + the clock skew the check allows, as the check itself accepts it.
        expires = float(principal.claims["exp"]) + CLOCK_SKEW_SECONDS
        self._entries[(config, token)] = (min(expires, time.time() + self.seconds), principal)
        while len(self._entries) > self.size:
            self._entries.popitem(last=False)


_verified = TokenCache()


def verify_token(token: str, config: AuthConfig) -> Principal:
    """`decode_token`, remembered for a short while (see the module docs); for code off the event loop."""
    principal = _verified.get(token, config)
    if principal is None:
        principal = decode_token(token, config)
        _verified.put(token, config, principal)
    return principal


async def _verify_token_async(token: str, config: AuthConfig) -> Principal:
    """`verify_token` on the event loop, unless a JWKS key might have to be fetched over the network."""
    principal = _verified.get(token, config)
    if principal is not None:
        return principal
    if config.jwks_url:
        return await anyio.to_thread.run_sync(verify_token, token, config)
    return verify_token(token, config)


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

# The cookie a development sign-in page sets (reporting's /v1/dashboard/aanmelden). It is read only by an
# app that sets `app.state.sign_in_cookie_path` (a development system), only under that path and only
# for reading (GET, HEAD), so a page elsewhere cannot make a browser change anything with it.
SIGN_IN_COOKIE = "inburgering_token"


def _cookie_token(request: Request) -> str | None:
    path: str | None = getattr(request.app.state, "sign_in_cookie_path", None)
    if path is None or request.method not in ("GET", "HEAD") or not request.url.path.startswith(path):
        return None
    return request.cookies.get(SIGN_IN_COOKIE)


async def authenticated(
    request: Request,
    credentials: Annotated[HTTPAuthorizationCredentials | None, Depends(_bearer)],
) -> Principal:
    if credentials is not None and credentials.scheme.lower() == "bearer":
        token = credentials.credentials
    elif credentials is None and (cookie := _cookie_token(request)):
        token = cookie
    else:
        raise NotAuthenticated("Een Bearer-token is verplicht.")
    principal = await _verify_token_async(token, request.app.state.auth_config)
    request.state.principal = principal
    return principal


async def signed_in(request: Request) -> bool:
    """Whether the request carries a Bearer token that verifies (`route_guards` lets a request
    without one reach its operation, which answers 401 before anything is said of its query)."""
    scheme, _, token = request.headers.get("authorization", "").partition(" ")
    if scheme.lower() != "bearer" or not token:
        return _cookie_token(request) is not None
    try:
        await _verify_token_async(token, request.app.state.auth_config)
    except NotAuthenticated:
        return False
    return True


def require(*roles: str) -> Callable[[Principal], Awaitable[Principal]]:
    """Dependency: an authenticated caller holding one of `roles`."""

    async def check(principal: Annotated[Principal, Depends(authenticated)]) -> Principal:
        if not principal.has_role(*roles):
            raise Forbidden("Deze rol mag deze handeling niet uitvoeren.")
        return principal

    check.__name__ = "require_" + "_".join(roles)
    setattr(check, "roles", roles)  # noqa: B010 (read by openapi_roles for the OpenAPI descriptions)
    return check
