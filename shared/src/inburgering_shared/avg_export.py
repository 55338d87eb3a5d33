"""The AVG inzage across all services: every service's `POST /v1/avg/inzage`, gathered.

    python -m inburgering_shared.avg_export --dossier URL --token TOKEN http://127.0.0.1:8001 ...

prints one JSON document: per service what it holds on the person. A service
that holds nothing answers 404 and is listed with no data; one that cannot be
reached makes the export fail (an incomplete inzage must not look complete).
"""

from __future__ import annotations

import argparse
import json
from typing import Any

import httpx

from .openapi import API_PREFIX


def gather(dossier: str, services: list[str], token: str, *, timeout: float = 30.0) -> dict[str, Any]:
    headers = {"Authorization": f"Bearer {token}"}
    result: dict[str, Any] = {}
    with httpx.Client(timeout=timeout, headers=headers) as client:
        for base in services:
            response = client.post(
                f"{base.rstrip('/')}{API_PREFIX}/avg/inzage", json={"inburgeraar": dossier}
            )
            if response.status_code == 404:
                result[base] = {}
                continue
            response.raise_for_status()
            result[base] = response.json()["gegevens"]
    return result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--dossier", required=True, help="URL van het dossier in intake")
    parser.add_argument("--token", required=True, help="token met rol beheer voor de gemeente")
    parser.add_argument("services", nargs="+", help="basis-URL van elke dienst")
    args = parser.parse_args()
    print(json.dumps(gather(args.dossier, args.services, args.token), indent=2, default=str))


if __name__ == "__main__":
    main()
