"""The development sign-in: a token for a chosen role and gemeente in an HttpOnly cookie, development only."""

import pytest
from inburgering_shared.auth import SIGN_IN_COOKIE
from reporting_service.config import Settings
from reporting_service.main import create_app

SIGN_IN = "/v1/dashboard/aanmelden"


def sign_in(client, rol="regisseur", gemeentecode="GM0171"):
    return client.post(
        SIGN_IN,
        content=f"rol={rol}&gemeentecode={gemeentecode}",
        headers={"Content-Type": "application/x-www-form-urlencoded"},
        follow_redirects=False,
    )


def test_the_sign_in_page_offers_the_dashboard_roles(client):
    page = client.get(SIGN_IN, params={"rol": "beleid", "gemeentecode": "GM0184"})
    assert page.status_code == 200 and page.headers["content-type"].startswith("text/html")
    assert '<option value="beleid" selected>' in page.text and 'value="GM0184"' in page.text
    assert '<option value="coa"' not in page.text


def test_signing_in_sets_a_short_lived_http_only_cookie_for_the_dashboard(client):
    response = sign_in(client)
    assert response.status_code == 303
    assert response.headers["location"] == "/v1/dashboard?gemeentecode=GM0171"
    cookie = response.headers["set-cookie"].lower()
    for attribute in ("httponly", "samesite=strict", "path=/v1/dashboard", "max-age=3600"):
        assert attribute in cookie, attribute
    assert client.get("/v1/dashboard", params={"gemeentecode": "GM0171"}).status_code == 200
    # The token is for the gemeente chosen only, and is read nowhere but under /v1/dashboard.
    assert client.get("/v1/dashboard", params={"gemeentecode": "GM0184"}).status_code == 403
    token = client.cookies[SIGN_IN_COOKIE]
    client.cookies.clear()
    elsewhere = client.get("/v1/kpis", params={"gemeentecode": "GM0171"}, cookies={SIGN_IN_COOKIE: token})
    assert elsewhere.status_code == 401


def test_a_role_that_may_not_see_the_dashboard_is_refused(client):
    for rol, gemeentecode in (("coa", "GM0171"), ("regisseur", "0171"), ("", "")):
        response = sign_in(client, rol, gemeentecode)
        assert response.status_code == 400, (rol, gemeentecode)
        assert response.headers["content-type"] == "application/problem+json"
        assert "set-cookie" not in response.headers


def test_without_the_setting_there_is_no_sign_in_and_no_cookie_is_read():
    plain = create_app(Settings(database_url="sqlite://", dispatcher_enabled=False))
    assert not [r for r in plain.routes if getattr(r, "path", "").startswith(SIGN_IN)]
    assert getattr(plain.state, "sign_in_cookie_path", None) is None  # auth._cookie_token reads nothing


def test_the_sign_in_refuses_to_run_with_an_identity_provider(monkeypatch):
    monkeypatch.setenv("AUTH_JWKS_URL", "https://idp.example/jwks")
    monkeypatch.delenv("AUTH_JWT_SECRET")
    with pytest.raises(RuntimeError, match="development secret"):
        create_app(Settings(database_url="sqlite://", dev_sign_in=True))
