"""Regions, SPUK budgets and contracts are edited with If-Match on their row version (issue 8, item 6).

Two people read the same version; the first to write wins, the second gets 412 and must read again.
"""

import pytest
from reporting_dataset import BUDGET, CONTRACTEN

BOTH = ["GM0171", "GM0184"]
RESOURCES = {
    "regio": (
        "/v1/regios/noordoostpolder-urk",
        "/v1/regios/noordoostpolder-urk",
        {"naam": "Noordoostpolder en Urk", "gemeenten": BOTH},
        {"naam": "Noordoostpolder en Urk", "gemeenten": ["GM0184"]},  # only the members change
    ),
    "spuk-budget": (
        "/v1/spuk-budgetten",
        "/v1/spuk-budgetten/GM0171/2025",
        BUDGET,
        {**BUDGET, "bedrag": BUDGET["bedrag"] + 1},
    ),
    "aanbiedercontract": (
        "/v1/aanbiedercontracten",
        "/v1/aanbiedercontracten/GM0171/2025/TAAL-A/B1-route",
        CONTRACTEN[0],
        {**CONTRACTEN[0], "prijs": 9_600},
    ),
}


@pytest.mark.parametrize("resource", RESOURCES)
def test_a_stale_etag_loses_and_no_update_is_lost(client, auth_headers, resource):
    put, get, first, second = RESOURCES[resource]
    regisseur = auth_headers("regisseur", gemeente=BOTH)
    assert client.get(get, headers=regisseur).status_code == 404
    # Nothing to match yet: an If-Match is refused (RFC 9110 13.1.1), creating needs none.
    assert client.put(put, json=first, headers={**regisseur, "If-Match": '"1"'}).status_code == 412

    created = client.put(put, json=first, headers=regisseur)
    assert (created.status_code, created.headers["etag"]) == (200, '"1"'), created.text
    assert client.put(put, json=first, headers=regisseur).status_code == 428  # exists now: replace it

    read_by_one = client.get(get, headers=regisseur)
    read_by_other = client.get(get, headers=auth_headers("beleid", gemeente=BOTH))
    assert read_by_one.headers["etag"] == read_by_other.headers["etag"] == '"1"'
    assert read_by_one.json() == created.json()

    won = client.put(put, json=second, headers={**regisseur, "If-Match": read_by_one.headers["etag"]})
    assert (won.status_code, won.headers["etag"]) == (200, '"2"'), won.text
    lost = client.put(put, json=first, headers={**regisseur, "If-Match": read_by_other.headers["etag"]})
    assert lost.status_code == 412
    assert lost.headers["content-type"] == "application/problem+json"
    assert client.get(get, headers=regisseur).json() == won.json()


def test_reads_of_another_gemeentes_budget_and_contract_are_refused(client, auth_headers):
    regisseur = auth_headers("regisseur")
    assert client.put("/v1/spuk-budgetten", json=BUDGET, headers=regisseur).status_code == 200
    assert client.put("/v1/aanbiedercontracten", json=CONTRACTEN[0], headers=regisseur).status_code == 200
    other = auth_headers("beleid", gemeente="GM0184")
    assert client.get("/v1/spuk-budgetten/GM0171/2025", headers=other).status_code == 403
    assert client.get("/v1/aanbiedercontracten/GM0171/2025/TAAL-A/B1-route", headers=other).status_code == 403
