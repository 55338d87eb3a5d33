"""The dashboard in a real headless Chromium, and its tables as CSV and JSON.

The browser loads the page from the reporting app (requests routed into the
app in-process); any request elsewhere is recorded and fails the test, so the
page needs no internet resource. The screenshot is checked: not blank, and
each chart's series colours present inside that chart's region.
Outside CI the browser test is skipped, with the reason, when no Chromium is
installed; in CI (CI=true, set by .ci/run, which installs Debian's chromium)
it must run.
"""

import io
import json
import os
import shutil
from collections.abc import Iterator

import pytest
from reporting_dataset import load, load_budget
from reporting_service.dashboard import page

PARAMS = {"gemeentecode": "GM0171", "van": "2025-01-01", "tot": "2026-01-01"}
ORIGIN = "http://reporting.test"
TABLES = [
    "instroom",
    "leerroutes",
    "pip",
    "map",
    "componenten",
    "termijnen",
    "handhaving",
    "uitstroom",
    "deadlines",
    "budget",
    "budget-per-aanbieder",
    "aanbieders",
]


def chromium_path() -> str | None:
    for candidate in (os.environ.get("CHROMIUM_PATH"), "chromium", "chromium-browser", "google-chrome"):
        if candidate and (path := shutil.which(candidate)):
            return path
    return None


@pytest.fixture(scope="module")
def browser() -> Iterator[object]:
    path = chromium_path()
    if path is None:
        if os.environ.get("CI") == "true":
            pytest.fail(
                "CI must run the dashboard in a browser, but no Chromium was found (apt-get install chromium)"
            )
        pytest.skip(
            "Dashboard browser test skipped: no Chromium found (apt-get install chromium, or CHROMIUM_PATH)"
        )
    playwright_api = pytest.importorskip("playwright.sync_api")
    with playwright_api.sync_playwright() as playwright:
        instance = playwright.chromium.launch(executable_path=path, args=["--no-sandbox"])
        yield instance
        instance.close()


@pytest.fixture
def loaded(client, owners, service_headers, auth_headers):
    load(client, owners, service_headers)
    load_budget(client, auth_headers("regisseur"))
    return client


def colours_in(image, box) -> set[str]:
    region = image.crop(
        (int(box["x"]), int(box["y"]), int(box["x"] + box["width"]), int(box["y"] + box["height"]))
    )
    return {"#{:02x}{:02x}{:02x}".format(*rgb[:3]) for _, rgb in region.getcolors(maxcolors=1 << 20)}


def test_the_dashboard_renders_its_charts_in_a_real_browser(loaded, auth_headers, browser):
    from PIL import Image

    headers = auth_headers("regisseur")
    foreign: list[str] = []

    def serve(route):
        request = route.request
        if not request.url.startswith(ORIGIN):
            foreign.append(request.url)
            route.abort()
            return
        response = loaded.get(request.url.removeprefix(ORIGIN), headers=headers)
        route.fulfill(status=response.status_code, headers=dict(response.headers), body=response.content)

    context = browser.new_context(viewport={"width": 1280, "height": 900})
    tab = context.new_page()
    tab.route("**/*", serve)
    response = tab.goto(f"{ORIGIN}/v1/dashboard?gemeentecode=GM0171&van=2025-01-01&tot=2026-01-01")
    assert response is not None and response.status == 200
    assert tab.title() == "Inburgering: GM0171"
    png = tab.screenshot(full_page=True)
    if directory := os.environ.get("DASHBOARD_SCREENSHOT_DIR"):
        with open(os.path.join(directory, "dashboard.png"), "wb") as out:
            out.write(png)
    shot = Image.open(io.BytesIO(png)).convert("RGB")
    expected = {
        "grafiek-leerroutes": {page.BLAUW, page.ORANJE, page.GROEN},
        "grafiek-pip": {page.GROEN, page.ROOD},
        "grafiek-deadlines": {page.PAARS, page.BRUIN, page.ROZE},
        "grafiek-budget": {page.GRIJS, page.BLAUW, page.ORANJE, page.ROOD},
    }
    for chart, colours in expected.items():
        box = tab.locator(f"#{chart}").bounding_box()
        assert box is not None and box["width"] > 300 and box["height"] > 200, chart
        assert colours <= colours_in(shot, box), chart
    assert len(shot.getcolors(maxcolors=1 << 20)) > 20  # not blank
    assert tab.locator("table").count() == len(TABLES)
    assert foreign == []
    context.close()


def test_every_dashboard_table_exports_as_csv_and_json(loaded, auth_headers):
    headers = auth_headers("beleid")
    html = loaded.get("/v1/dashboard", params=PARAMS, headers=headers)
    assert html.status_code == 200 and html.headers["content-type"].startswith("text/html")
    for tabel in TABLES:
        assert f'id="tabel-{tabel}"' in html.text
        as_json = loaded.get(
            f"/v1/dashboard/tabellen/{tabel}", params={**PARAMS, "formaat": "json"}, headers=headers
        )
        as_csv = loaded.get(
            f"/v1/dashboard/tabellen/{tabel}", params={**PARAMS, "formaat": "csv"}, headers=headers
        )
        assert as_json.status_code == 200 and as_csv.status_code == 200, tabel
        body = json.loads(as_json.content)
        lines = as_csv.text.splitlines()
        assert lines[0].split(",") == body["kolommen"] and len(lines) == len(body["rijen"]) + 1, tabel
        assert f"dashboard/tabellen/{tabel}?gemeentecode=GM0171" in html.text


def test_exports_carry_the_kpi_figures(loaded, auth_headers):
    def table(name):
        response = loaded.get(f"/v1/dashboard/tabellen/{name}", params=PARAMS, headers=auth_headers("beleid"))
        return json.loads(response.content)["rijen"]

    assert {"kengetal": "percentageBinnenTermijn", "waarde": 66.7} in table("pip")
    assert table("budget") == [
        {"post": "SPUK-budget", "bedrag": 500000},
        {"post": "verplicht", "bedrag": 19300},
        {"post": "uitgegeven", "bedrag": 10000},
        {"post": "prognose", "bedrag": 10000},
    ]
    deadlines = {row["maand"]: row for row in table("deadlines")}
    assert len(deadlines) == 12
    # PIP deadlines: B 04-26, A and I? (I is GM0184) -> A 05-10, C 05-14; G 11-29. MAP: D 02, L 06.
    # Termijn ends: E 2025-03-02 (F's moved to 2026).
    assert deadlines["2025-05"] == {"maand": "2025-05", "pip": 2, "map": 0, "termijn": 0}
    assert deadlines["2025-04"]["pip"] == 1 and deadlines["2025-11"]["pip"] == 1
    assert deadlines["2025-02"]["map"] == 1 and deadlines["2025-06"]["map"] == 1
    assert deadlines["2025-03"]["termijn"] == 1 and sum(r["termijn"] for r in deadlines.values()) == 1
    csv_text = loaded.get(
        "/v1/dashboard/tabellen/leerroutes",
        params={**PARAMS, "formaat": "csv"},
        headers=auth_headers("beleid"),
    ).text
    assert csv_text.splitlines()[1] == "B1-route,1,33.3,60,40"


def test_unknown_table_is_404_and_another_gemeente_403(loaded, auth_headers):
    response = loaded.get("/v1/dashboard/tabellen/geheim", params=PARAMS, headers=auth_headers("beleid"))
    assert response.status_code == 404
    other = auth_headers("beleid", gemeente="GM0184")
    assert loaded.get("/v1/dashboard", params=PARAMS, headers=other).status_code == 403
    response = loaded.get(
        "/v1/dashboard/tabellen/pip", params={**PARAMS, "formaat": "xml"}, headers=auth_headers("beleid")
    )
    assert response.status_code == 400
