"""An event whose effect fails for its content is refused 422 and leaves nothing (`callbacks`).

A dossier whose datumKoppeling is 9999-12-31 (stored before intake bounded its dates) gives no
PIP deadline: pip answers 422 `event-niet-verwerkbaar` with the reason, so its publisher parks
the delivery for a day instead of retrying it every few minutes; once the dossier is put right,
the same event is applied (its receipt was not kept).
"""

import uuid

from .conftest import receive


def test_a_dossier_dated_9999_is_refused_for_its_content_and_applied_after_the_fix(
    client, auth_headers, intake
) -> None:
    url = intake.add(str(uuid.uuid4()), datumKoppeling="9999-12-31", datumInschrijvingBrp="9999-12-31")
    event_id = str(uuid.uuid4())

    refused = receive(client, auth_headers, url, event_id=event_id)

    assert refused.status_code == 422, refused.text
    assert refused.headers["content-type"] == "application/problem+json"
    assert refused.json()["code"] == "event-niet-verwerkbaar"
    km = auth_headers("klantmanager")
    assert all(
        p["inburgeraar"] != url for p in client.get("/v1/pips?pageSize=500", headers=km).json()["results"]
    )

    intake.dossiers[url].update(datumKoppeling="2026-10-01", datumInschrijvingBrp="2026-10-01")
    assert receive(client, auth_headers, url, event_id=event_id).status_code == 204
    assert any(
        p["inburgeraar"] == url for p in client.get("/v1/pips?pageSize=500", headers=km).json()["results"]
    )
