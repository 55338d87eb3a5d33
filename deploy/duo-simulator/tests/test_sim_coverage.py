"""The simulator serves exactly DUO's operations under /v1: all of API/*.openapi.yml
but DUO's outgoing Notificatie."""

from duo_simulator.main import create_app
from simulator_testkit import headers


def test_every_duo_operation_is_served_under_v1_and_nothing_else(contract):
    verwacht = {(op.methode, op.sjabloon) for op in contract.operaties if op.api != "Notificatie"}
    aangeboden = {
        (methode.upper(), pad.removeprefix("/v1"))
        for pad, item in create_app().openapi()["paths"].items()
        if pad.startswith("/v1/")
        for methode in item
    }
    assert aangeboden == verwacht
    assert len(verwacht) == 34


def test_api_versions_match_each_documents_info_version(duo, contract):
    duo.seed(examennummer="X1", inburgeringstermijn={"startdatum": "2025-03-02", "einddatum": "2028-03-02"})
    for op in contract.operaties:
        if op.api == "Notificatie" or op.methode != "GET":
            continue
        pad = "/v1" + op.sjabloon.replace("{bsn}", "999990019")
        assert duo.client.get(pad, headers=headers()).headers["API-Version"] == contract.versies[op.api], pad
