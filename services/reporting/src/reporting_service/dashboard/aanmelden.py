"""A development sign-in for the dashboard, so that a browser can open it without an identity provider.

Only mounted when `REPORTING_DEV_SIGN_IN` is set, and then only with the development secret
(`AUTH_JWT_SECRET`, HS256; `make run` does both): the page mints a short-lived token for the chosen role
and gemeente and keeps it in an HttpOnly, SameSite=Strict cookie under /v1/dashboard, which the shared
authentication reads for GET requests below that path only (`auth.SIGN_IN_COOKIE`). A deployed system
has no such page: its proxy passes the bearer token of the gemeente's own identity provider
(docs/deployment.md).
"""

import re
from html import escape
from typing import Annotated
from urllib.parse import parse_qs, urlencode

from fastapi import APIRouter, FastAPI, Query, Request
from fastapi.responses import HTMLResponse, RedirectResponse
from inburgering_shared.api import API_PREFIX
from inburgering_shared.auth import CASEWORK, SIGN_IN_COOKIE, Role, mint_token
from inburgering_shared.contracts.resources import GEMEENTECODE_PATTERN
from inburgering_shared.problems import InvalidInput, InvalidParam

from .page import CSS

COOKIE_PATH = f"{API_PREFIX}/dashboard"
TOKEN_SECONDS = 3600
ROLLEN = {
    Role.REGISSEUR: "regisseur (monitoring en budget)",
    Role.BELEID: "beleidsmedewerker (monitoring, alleen lezen)",
    Role.TEAMLEIDER: "teamleider",
    Role.KLANTMANAGER: "klantmanager",
}
assert set(ROLLEN) == {*CASEWORK, Role.BELEID}  # the roles that may open the dashboard (scope.Monitoring)

router = APIRouter(prefix="/dashboard/aanmelden", include_in_schema=False)


def enable(app: FastAPI) -> None:
    """Mount the sign-in page and let the app read its cookie; only with the development secret."""
    config = app.state.auth_config
    if not config.secret or config.jwks_url:
        raise RuntimeError(
            "REPORTING_DEV_SIGN_IN needs the development secret (AUTH_JWT_SECRET, no JWKS URL)."
        )
    app.include_router(router, prefix=API_PREFIX)
    app.state.sign_in_cookie_path = COOKIE_PATH


def _formulier(rol: str, gemeentecode: str) -> str:
    opties = "".join(
        f'<option value="{r}"{" selected" if r == rol else ""}>{escape(label)}</option>'
        for r, label in ROLLEN.items()
    )
    return (
        '<!DOCTYPE html><html lang="nl"><head><meta charset="utf-8"><title>Aanmelden (ontwikkeling)</title>'
        f"<style>{CSS} label{{display:block;margin:10px 0}}</style></head><body>"
        "<h1>Aanmelden op het dashboard (ontwikkelomgeving)</h1>"
        "<p>Deze pagina bestaat alleen met het ontwikkelgeheim. U krijgt een token dat een uur geldig is, "
        "voor de gekozen rol en gemeente.</p>"
        f'<form method="post" action="{COOKIE_PATH}/aanmelden">'
        f'<label>Rol <select name="rol">{opties}</select></label>'
        f'<label>Gemeentecode <input name="gemeentecode" value="{escape(gemeentecode)}" '
        f'pattern="{GEMEENTECODE_PATTERN[1:-1]}" required></label>'
        '<button type="submit">Aanmelden</button></form></body></html>'
    )


@router.get("", response_class=HTMLResponse)
def aanmeldpagina(
    rol: Annotated[str, Query()] = Role.REGISSEUR, gemeentecode: Annotated[str, Query()] = "GM0171"
) -> HTMLResponse:
    return HTMLResponse(_formulier(rol, gemeentecode))


def _invalid(name: str, reason: str) -> InvalidInput:
    return InvalidInput(reason, invalid_params=[InvalidParam(name=name, code="invalid", reason=reason)])


@router.post("")
async def aanmelden(request: Request) -> RedirectResponse:
    form = parse_qs((await request.body()).decode("utf-8", "replace"))
    rol, gemeentecode = (form.get(name, [""])[0] for name in ("rol", "gemeentecode"))
    if rol not in ROLLEN:
        raise _invalid("rol", f"Kies een van de rollen {', '.join(ROLLEN)}.")
    if not re.fullmatch(GEMEENTECODE_PATTERN, gemeentecode):
        raise _invalid("gemeentecode", "Een CBS-gemeentecode, zoals GM0171.")
    token = mint_token(
        request.app.state.auth_config.secret,
        client_id="dashboard-ontwikkeling",
        roles=[rol],
        gemeenten=[gemeentecode],
        user_id=f"ontwikkeling-{rol}",
        user_representation=f"Ontwikkelaar als {rol}",
        ttl_seconds=TOKEN_SECONDS,
    )
    response = RedirectResponse(f"{COOKIE_PATH}?{urlencode({'gemeentecode': gemeentecode})}", status_code=303)
    response.set_cookie(
        SIGN_IN_COOKIE, token, max_age=TOKEN_SECONDS, path=COOKIE_PATH, httponly=True, samesite="strict"
    )
    return response
