"""The demo data, loaded through the public APIs, seen on the dashboard in a real headless Chromium.

One demo gemeente (Urk, a person in each stage) goes through deploy/local/demo_data.py
into the running system (the DUO simulator included); the browser signs in through
the development sign-in page over real HTTP and opens the dashboard. Each chart must
show tick labels and values, and none may say it is empty while its table has
figures. The screenshot is kept when DASHBOARD_SCREENSHOT_DIR is set (docs/images).
"""

import os
import sys
from dataclasses import replace
from datetime import date, timedelta
from pathlib import Path

import httpx
import pytest
from inburgering_shared.system import LocalSystem

pytestmark = pytest.mark.e2e
sys.path.insert(0, str(Path(__file__).parents[2] / "deploy" / "local"))

from demo_data import GEMEENTEN, STADIA, load_demo  # noqa: E402

URK = replace(next(g for g in GEMEENTEN if g.code == "GM0184"), aantal=len(STADIA))
CHARTS = ["grafiek-leerroutes", "grafiek-pip", "grafiek-deadlines", "grafiek-budget"]


def test_the_demo_data_on_the_dashboard_in_a_real_browser(system: LocalSystem, auth_headers, browser):
    load_demo(system.ports, os.environ["AUTH_JWT_SECRET"], [URK])
    base = f"http://127.0.0.1:{system.ports['reporting']}"
    today = date.today()
    periode = {
        "gemeentecode": URK.code,
        "van": date(today.year, 1, 1).isoformat(),  # the demo's budget is for this year
        "tot": (today + timedelta(days=100)).replace(day=1).isoformat(),
    }
    foreign: list[str] = []
    context = browser.new_context(viewport={"width": 1280, "height": 800})
    tab = context.new_page()
    tab.route("**/*", lambda route: route.continue_() if route.request.url.startswith(base) else (
        foreign.append(route.request.url), route.abort()))  # fmt: skip
    tab.goto(f"{base}/v1/dashboard/aanmelden?rol=regisseur&gemeentecode={URK.code}")
    tab.get_by_role("button", name="Aanmelden").click()
    tab.wait_for_url(f"{base}/v1/dashboard?gemeentecode={URK.code}")
    assert tab.title() == f"Inburgering: {URK.code}"
    response = tab.goto(f"{base}/v1/dashboard?" + "&".join(f"{k}={v}" for k, v in periode.items()))
    assert response is not None and response.status == 200

    regisseur = auth_headers("regisseur", gemeente=URK.code)
    for ident in CHARTS:
        figure = tab.locator(f"#{ident}")
        tabel, kolommen = (
            figure.get_attribute("data-tabel"),
            (figure.get_attribute("data-kolommen") or "").split(),
        )
        export = httpx.get(f"{base}/v1/dashboard/tabellen/{tabel}", params=periode, headers=regisseur)
        assert export.status_code == 200, export.text
        assert any(row[k] for row in export.json()["rijen"] for k in kolommen), f"{tabel} has no figures"
        assert figure.locator("p.leeg").count() == 0, f"{ident} says it is empty, its table has figures"
        ticks = figure.locator(f'[id^="{ident}-xtick_"], [id^="{ident}-ytick_"]').all_text_contents()
        assert len([t for t in ticks if t.strip()]) >= 4, (ident, ticks)
        values = figure.locator(f'[id^="{ident}-waarde-"]').all_text_contents()
        assert [v for v in values if v.strip()], ident
        box = figure.locator("svg").bounding_box()
        assert box is not None and box["width"] > 300 and box["height"] > 200, ident
    if directory := os.environ.get("DASHBOARD_SCREENSHOT_DIR"):
        tab.screenshot(
            path=os.path.join(directory, "dashboard-demo.png"),
            clip={"x": 0, "y": 0, "width": 1230, "height": 760},
        )
    assert foreign == []
    context.close()
