"""Request bodies and calls the intake tests share (this folder is put on sys.path by conftest.py)."""

from collections.abc import Iterator
from itertools import islice
from typing import Any

from fastapi.testclient import TestClient
from inburgering_shared.bsn import bsn_numbers


def bsn_reeks(after: str, count: int) -> Iterator[str]:
    """`count` valid BSNs following `after`."""
    return islice(bsn_numbers(int(after) + 1), count)


def persoon(bsn: str) -> dict[str, str]:
    return {
        "bsn": bsn,
        "voornamen": "Amina",
        "achternaam": "Haddad",
        "geboortedatum": "1990-04-12",
        "landVanHerkomst": "Syrie",
        "doelgroep": "Asielstatushouder",
    }


def registreer(client: TestClient, headers: dict[str, str], bsn: str, gemeente: str = "GM0171"):
    return client.post("/v1/inburgeraars", json={**persoon(bsn), "gemeentecode": gemeente}, headers=headers)


def overdracht(bsn: str, referentie: str = "COA-2026-0001", **changes: Any) -> dict[str, Any]:
    body: dict[str, Any] = {
        "coaReferentie": referentie,
        "gemeentecode": "GM0171",
        "datumKoppeling": "2026-09-01",
        "persoon": {
            "bsn": bsn,
            "voornamen": "Yonas",
            "achternaam": "Tesfaye",
            "geboortedatum": "1995-01-30",
            "doelgroep": "Asielstatushouder",
        },
        "klantprofiel": {
            "opleiding": "Middelbare school",
            "talen": [{"taal": "Tigrinya", "niveau": "moedertaal"}],
        },
    }
    body.update(changes)
    return body
