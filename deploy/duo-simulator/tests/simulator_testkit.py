"""Shared by the simulator tests: identities, seed facts and a client that checks every exchange."""

import uuid

from duo_simulator.contract import DuoContract
from fastapi.testclient import TestClient

GEMEENTE_OIN = "00000001001234567000"
ANDERE_GEMEENTE_OIN = "00000001007654321000"
DUO_OIN = "00000001000000000999"
BSN = "999990019"
VANDAAG = "2026-06-15"


def headers(bron: str = GEMEENTE_OIN) -> dict[str, str]:
    return {"bron": bron, "doel": DUO_OIN, "berichtId": str(uuid.uuid4())}


def feiten(**overrides) -> dict:
    basis = {
        "gemeenteOin": GEMEENTE_OIN,
        "gemeentecode": "0171",
        "vestigingsdatum": "2025-01-10",
        "inburgeringsplicht": {
            "indicatorInburgeringsplicht": True,
            "begindatum": "2025-01-01",
            "datumKennisgevingInburgeringsplicht": "2025-01-05",
        },
        "doelgroep": {
            "indeling": "Asielstatushouder",
            "begindatum": "2025-01-01",
            "gedetailleerdeDoelgroep": "Asielstatushouder",
        },
    }
    basis.update(overrides)
    return basis


class Duo:
    """Talks to the simulator and checks every exchange against DUO's OpenAPI documents."""

    def __init__(self, client: TestClient, contract: DuoContract | None) -> None:
        self.client = client
        self.contract = contract

    def __call__(
        self, methode: str, pad: str, *, json=None, bron: str = GEMEENTE_OIN, hdrs=None, check_request=True
    ):
        response = self.client.request(
            methode, pad, json=json, headers=headers(bron) if hdrs is None else hdrs
        )
        if self.contract is not None:
            request = response.request
            if check_request:
                self.contract.valideer_request(
                    methode, request.url.path, dict(request.headers), request.content
                )
            self.contract.valideer_response(
                methode, request.url.path, response.status_code, dict(response.headers), response.content
            )
        return response

    def seed(self, bsn: str = BSN, **overrides) -> dict:
        response = self.client.put(f"/simulator/personen/{bsn}", json=feiten(**overrides))
        assert response.status_code in (200, 201), response.text
        return response.json()

    def app_state(self):
        return self.client.app.state.simulator

    def gelezen(self, bsn: str = BSN) -> dict:
        return self.client.get(f"/simulator/personen/{bsn}").json()
