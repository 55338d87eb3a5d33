"""The dashboard in a real headless Chromium, its charts against its tables, and the tables as CSV and JSON.

The browser signs in through the development sign-in page and loads the
dashboard from the reporting app (requests routed into the app in-process, the
browser's own cookie passed on); any request elsewhere is recorded and fails
the test, so the page needs no internet resource. Each chart must show tick
labels and values and may only say it is empty when its table has nothing to
show; the screenshot is kept when DASHBOARD_SCREENSHOT_DIR is set. The numbers
on each chart are compared with its table's JSON export (without the browser).
Outside CI the browser test is skipped, with the reason, when no Chromium is
installed; in CI (CI=true, set by .ci/run, which installs Debian's chromium)
it must run.
"""

import json
import os
import re
import xml.etree.ElementTree as ET

import pytest
from reporting_dataset import load, load_budget

PARAMS = {"gemeentecode": "GM0171", "van": "2025-01-01", "tot": "2026-01-01"}
ORIGIN = "http://reporting.test"
TABLES = [
    "instroom",
    "leerroutes",
    "pip",
    "pip-per-maand",
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
CHARTS = ["grafiek-leerroutes", "grafiek-pip", "grafiek-deadlines", "grafiek-budget"]
FIGURE = re.compile(
    r'<figure class="grafiek" id="([^"]+)" data-tabel="([^"]+)" data-kolommen="([^"]+)">(.*?)</figure>', re.S
)


@pytest.fixture
def loaded(client, owners, service_headers, auth_headers):
    load(client, owners, service_headers)
    load_budget(client, auth_headers("regisseur"))
    return client


def number(label: str) -> float:
    """A chart's Dutch label as a number: '€ 19.300' -> 19300, '33,3%' -> 33.3."""
    return float(label.removeprefix("€ ").removesuffix("%").replace(".", "").replace(",", "."))


def charts(html: str) -> dict[str, tuple[str, list[str], dict[tuple[int, int], str] | None]]:
    """{chart: (table, columns, {(series, row): value label})}; None for a chart that says it is empty."""
    found = {}
    for ident, tabel, kolommen, inhoud in FIGURE.findall(html):
        labels = None
        if "<svg" in inhoud:
            svg = ET.fromstring(inhoud[inhoud.index("<svg") : inhoud.rindex("</svg>") + 6])
            labels = {}
            for element in svg.iter():
                if match := re.fullmatch(rf"{ident}-waarde-(\d+)-(\d+)", element.get("id", "")):
                    labels[int(match[1]), int(match[2])] = "".join(element.itertext()).strip()
        found[ident] = (tabel, kolommen.split(), labels)
    return found


def table_rows(client, tabel: str, headers) -> list[dict]:
    response = client.get(f"/v1/dashboard/tabellen/{tabel}", params=PARAMS, headers=headers)
    return json.loads(response.content)["rijen"]


def test_every_chart_shows_the_numbers_of_its_table(loaded, auth_headers):
    headers = auth_headers("regisseur")
    html = loaded.get("/v1/dashboard", params=PARAMS, headers=headers).text
    found = charts(html)
    assert list(found) == CHARTS
    for ident, (tabel, kolommen, labels) in found.items():
        rows = table_rows(loaded, tabel, headers)
        assert labels is not None, f"{ident} says it is empty, but its table has {rows}"
        compared = 0
        for i, row in enumerate(rows):
            for j, kolom in enumerate(kolommen):
                label, value = labels.get((j, i), ""), row[kolom]  # an empty label is not drawn
                if value is None:
                    assert label in ("geen PIP", "niet ingevoerd"), (ident, i, kolom)
                elif value == 0 and label == "":
                    pass  # a stacked chart draws no zero segment
                else:
                    assert number(label) == pytest.approx(value, abs=0.05), (ident, i, kolom, label)
                    compared += 1
        assert compared > 0, ident


def test_a_chart_with_nothing_to_show_says_so_in_words(client, auth_headers):
    html = client.get("/v1/dashboard", params=PARAMS, headers=auth_headers("regisseur")).text
    found = charts(html)
    for ident in ("grafiek-pip", "grafiek-deadlines", "grafiek-budget"):
        assert found[ident][2] is None, ident
    assert "Geen PIP-deadlines in deze periode." in html
    assert "Voor 2025 is nog geen SPUK-budget ingevoerd" in html
    assert found["grafiek-leerroutes"][2] is not None  # the expected split is known without any PIP


def test_the_dashboard_opens_in_a_real_browser_after_the_development_sign_in(loaded, auth_headers, browser):
    foreign: list[str] = []

    def serve(route):
        request = route.request
        if not request.url.startswith(ORIGIN):
            foreign.append(request.url)
            route.abort()
            return
        loaded.cookies.clear()  # only the browser's own cookie counts
        response = loaded.request(
            request.method,
            request.url.removeprefix(ORIGIN),
            headers={k: v for k, v in request.all_headers().items() if k in ("cookie", "content-type")},
            content=request.post_data_buffer,
            follow_redirects=False,
        )
        route.fulfill(status=response.status_code, headers=dict(response.headers), body=response.content)

    context = browser.new_context(viewport={"width": 1280, "height": 900})
    tab = context.new_page()
    tab.route("**/*", serve)
    tab.goto(f"{ORIGIN}/v1/dashboard/aanmelden?rol=regisseur&gemeentecode=GM0171")
    tab.get_by_role("button", name="Aanmelden").click()
    tab.wait_for_url(f"{ORIGIN}/v1/dashboard?gemeentecode=GM0171")
    response = tab.goto(f"{ORIGIN}/v1/dashboard?" + "&".join(f"{k}={v}" for k, v in PARAMS.items()))
    assert response is not None and response.status == 200
    assert tab.title() == "Inburgering: GM0171"
    for ident in CHARTS:
        chart = tab.locator(f"#{ident} svg")
        box = chart.bounding_box()
        assert box is not None and box["width"] > 300 and box["height"] > 200, ident
        ticks = chart.locator(f'[id^="{ident}-ytick_"], [id^="{ident}-xtick_"]')
        tick_labels = [t for t in ticks.all_text_contents() if t.strip()]
        assert len(tick_labels) >= 4, (ident, tick_labels)
        values = [v for v in chart.locator(f'[id^="{ident}-waarde-"]').all_text_contents() if v.strip()]
        assert values, ident
        assert tab.locator(f"#{ident} p.leeg").count() == 0, ident
    png = tab.screenshot(full_page=True)
    if directory := os.environ.get("DASHBOARD_SCREENSHOT_DIR"):
        with open(os.path.join(directory, "dashboard.png"), "wb") as out:
            out.write(png)
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
        return table_rows(loaded, name, auth_headers("beleid"))

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
