"""Benchmark: COA's bulk handover into intake, profiles per second on PostgreSQL.

Usage:
    python bench/intake_bulk_handover.py --database-url postgresql://postgres@127.0.0.1/scratch
        [--profiles 10000] [--size N]

Migrates intake's schema into the given (empty, throw-away) database, starts the
intake app with uvicorn on a free port against it, and posts `--profiles` new
klantprofielen (at most `--size`, the data set size `make bench` passes to every
script: a rate, not a data set, so 1,000,000 does not mean a million profiles
held in memory and posted twice) in bulk requests of `--batch` (default 2,000) with a COA token:
every profile creates a dossier, a handover and an event. Then it posts the same
requests again (the idempotent path: every item `ongewijzigd`). Request bodies
are encoded before the clock starts; the time is the wall time of the requests,
so it covers HTTP, validation, the database and the response. The service's CPU
time per profile (user and system time of the uvicorn process over the same
requests) is reported beside each rate: a loaded machine disturbs it far less.

Prints one JSON object per line: {"name", "value", "unit", "target", "met"}.
Target (issue 16): 2,500 profiles per second or more for new handovers, their audit rows (one per
dossier) included.
"""

from __future__ import annotations

import argparse
import json
import os
import secrets
import signal
import socket
import subprocess
import sys
import time
from itertools import islice
from pathlib import Path

import httpx
from harness.memory import cpu_seconds
from inburgering_shared.auth import mint_token
from inburgering_shared.bsn import bsn_numbers
from inburgering_shared.migrations import upgrade
from inburgering_shared.testing import normalise_postgres_url

ROOT = Path(__file__).resolve().parents[1]
ALEMBIC_INI = ROOT / "services" / "intake" / "alembic.ini"
TARGET = 2500.0
GEMEENTE = "GM0171"


def emit(name: str, value: float, unit: str, target: str | None = None, met: bool | None = None) -> None:
    print(
        json.dumps({"name": name, "value": round(value, 3), "unit": unit, "target": target, "met": met}),
        flush=True,
    )


def profiel(index: int, bsn: str) -> dict[str, object]:
    return {
        "coaReferentie": f"BENCH-{index:07d}",
        "gemeentecode": GEMEENTE,
        "datumKoppeling": "2026-09-01",
        "persoon": {
            "bsn": bsn,
            "vNummer": f"{index:010d}",
            "voornamen": "Test",
            "achternaam": f"Persoon {index}",
            "geboortedatum": "1994-05-17",
            "landVanHerkomst": "Eritrea",
            "doelgroep": "Asielstatushouder",
        },
        "klantprofiel": {
            "huishoudsamenstelling": "Alleenstaand",
            "opleiding": "Middelbare school, 4 jaar",
            "werkervaring": "Monteur",
            "talen": [{"taal": "Tigrinya", "niveau": "moedertaal"}, {"taal": "Engels", "niveau": "A2"}],
            "voorinburgering": "Module 1 en 2 afgerond",
        },
    }


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def start_intake(database_url: str, secret: str, port: int) -> subprocess.Popen[bytes]:
    env = {
        **os.environ,
        "INTAKE_DATABASE_URL": database_url,
        "INTAKE_DISPATCHER_ENABLED": "false",
        "AUTH_JWT_SECRET": secret,
    }
    command = [sys.executable, "-m", "uvicorn", "intake_service.main:create_app", "--factory",
               "--host", "127.0.0.1", "--port", str(port), "--log-level", "warning"]  # fmt: skip
    process = subprocess.Popen(command, env=env, start_new_session=True)
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"intake exited with {process.returncode}")
        try:
            if httpx.get(f"http://127.0.0.1:{port}/health/ready", timeout=2).status_code == 200:
                return process
        except httpx.HTTPError:
            pass
        time.sleep(0.2)
    raise TimeoutError("intake did not become ready")


def post_all(client: httpx.Client, bodies: list[bytes], uitkomst: str) -> tuple[float, float]:
    """Post every body; returns (total seconds, slowest request seconds), checking every item's outcome."""
    slowest = 0.0
    start = time.perf_counter()
    for body in bodies:
        t0 = time.perf_counter()
        response = client.post("/v1/coa-overdrachten/bulk", content=body)
        slowest = max(slowest, time.perf_counter() - t0)
        response.raise_for_status()
        resultaten = response.json()["resultaten"]
        if any(r["uitkomst"] != uitkomst for r in resultaten):
            raise RuntimeError(f"not every item was {uitkomst}: {response.json()['aantallen']}")
    return time.perf_counter() - start, slowest


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--database-url", required=True)
    parser.add_argument("--profiles", type=int, default=10_000, help="profiles in total (default 10,000)")
    parser.add_argument("--size", type=int, default=None, help="the bench's data set size: at most this many")
    parser.add_argument("--batch", type=int, default=2_000, help="profiles per request (default 2,000)")
    args = parser.parse_args()

    profiles = min(args.profiles, args.size or args.profiles)
    database_url = normalise_postgres_url(args.database_url)
    upgrade(str(ALEMBIC_INI), database_url)
    items = [profiel(i, bsn) for i, bsn in enumerate(islice(bsn_numbers(200_000_000), profiles))]
    bodies = [
        json.dumps({"overdrachten": items[i : i + args.batch]}).encode()
        for i in range(0, len(items), args.batch)
    ]
    secret = secrets.token_urlsafe(32)
    token = mint_token(secret, client_id="bench-coa", roles=["coa"], gemeenten=[GEMEENTE])
    port = free_port()
    process = start_intake(database_url, secret, port)
    try:
        headers = {"Authorization": f"Bearer {token}", "Content-Type": "application/json"}
        with httpx.Client(base_url=f"http://127.0.0.1:{port}", headers=headers, timeout=300) as client:
            cpu_before = cpu_seconds(process.pid)
            seconds, slowest = post_all(client, bodies, "aangemaakt")
            cpu_new = cpu_seconds(process.pid) - cpu_before
            rate = profiles / seconds
            emit(
                "intake_bulk_handover_new_profiles_per_second",
                rate,
                "profiles/s",
                f">= {TARGET:.0f}",
                rate >= TARGET,
            )
            emit("intake_bulk_handover_new_cpu_per_profile", 1000 * cpu_new / profiles, "ms", None, None)
            emit("intake_bulk_handover_new_slowest_request", slowest, "s", None, None)
            cpu_before = cpu_seconds(process.pid)
            seconds, slowest = post_all(client, bodies, "ongewijzigd")
            cpu_repeat = cpu_seconds(process.pid) - cpu_before
            emit(
                "intake_bulk_handover_repeat_profiles_per_second",
                profiles / seconds,
                "profiles/s",
                None,
                None,
            )
            emit(
                "intake_bulk_handover_repeat_cpu_per_profile", 1000 * cpu_repeat / profiles, "ms", None, None
            )
    finally:
        os.killpg(process.pid, signal.SIGTERM)
        process.wait(timeout=30)


if __name__ == "__main__":
    main()
