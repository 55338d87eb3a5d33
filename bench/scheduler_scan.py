"""Benchmark: the scheduler's deadline scan over 1,000,000 open deadlines on PostgreSQL.

Usage:
    python bench/scheduler_scan.py --database-url postgresql://postgres@127.0.0.1/scratch [--size 1000000]
        [--changed 1000] [--full]

Creates two schemas in the given (throw-away) database, migrated with Alembic:
pip's (the deadline owner) and the scheduler's. Fills pip's `deadline` table
set-based (generate_series) with `--size` open deadlines over 300 gemeenten,
spread like a running caseload (share of all open deadlines; due dates relative
to today in Europe/Amsterdam):

    inburgeringstermijn 40%  today-30 .. today+3 years      (R4)
    map-gestart         25%  today-30 .. today+18 months    (R11)
    pip-vaststellen     15%  today-60 .. today+10 weeks     (R2)
    ontzorgen           10%  today    .. today+6 months     (R14)
    voortgangsgesprek   10%  today-14 .. today+3 months

plus 20% as many met (`gehaald`) deadlines, about three per dossier: intake's
`inburgeraar` table holds a dossier (with its klantmanager) for every third of
`--size`. The state of yesterday's completed
scan is seeded set-based too: one signal for every deadline that called for one
yesterday, and the scan record of yesterday. Since then the owner changed
`--changed` deadlines (half met, half moved). Then starts the real pip service
(uvicorn) and times the scheduler's `deadline-scan` job exactly as the worker
runs it, over real HTTP, in one transaction with its commit:

- `scheduler_scan_daily_seconds`: the first run of the day (the due-date
  windows of one day and the owner's changes; it raises the day's new signals
  and resolves the met ones). Target (issue 9): under 2 s.
- `scheduler_scan_repeat_seconds`: the next run on the same day (changes only).
- with `--full`: `scheduler_scan_full_seconds`, a full scan of the whole
  warning horizon in steady state (every signal exists), as run at the first
  start and after a change of horizons; and how many deadlines it read.

New signals read their dossiers' klantmanagers from the real intake service
(also started, over HTTP, 100 dossiers per request); the bench checks that
every signal raised today has one.

Prints one JSON object per line: {"name", "value", "unit", "target", "met"}.
"""

from __future__ import annotations

import argparse
import json
import logging
import secrets
import socket
import tempfile
import time
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

from inburgering_shared.auth import mint_token
from inburgering_shared.db import make_engine, make_session_factory
from inburgering_shared.http import ServiceClient
from inburgering_shared.migrations import upgrade
from inburgering_shared.outbox import Outbox
from inburgering_shared.system import LocalSystem
from inburgering_shared.testing import normalise_postgres_url, postgres_schema_url
from scheduler_service.config import Settings
from scheduler_service.db import OUTBOX_TABLES
from scheduler_service.instellingen.service import AlleInstellingen, standaarden
from scheduler_service.signalen.rules import datum_in
from scheduler_service.worker import build_jobs
from sqlalchemy import create_engine, text

ROOT = Path(__file__).resolve().parents[1]
TARGET_SECONDS = 2.0
PIP_SCHEMA, SCHEDULER_SCHEMA, INTAKE_SCHEMA = "bench_scan_pip", "bench_scan_scheduler", "bench_scan_intake"
DEADLINES_PER_DOSSIER = 3
DOSSIER_UUID = "md5('bench-dossier-' || {k})::uuid"  # the same dossier key in intake and in the deadlines

# (soort, share, first day, last day) relative to today.
MIX = [
    ("inburgeringstermijn", 0.40, -30, 3 * 365),
    ("map-gestart", 0.25, -30, 548),
    ("pip-vaststellen", 0.15, -60, 70),
    ("ontzorgen", 0.10, 0, 182),
    ("voortgangsgesprek", 0.10, -14, 91),
]
# When a deadline of each kind calls for a signal on day :d (PostgreSQL clamps month ends as add_months does).
CALLS_FOR = """(vervaldatum < :d
    OR (soort = 'pip-vaststellen' AND vervaldatum - 14 <= :d)
    OR (soort = 'map-gestart' AND (vervaldatum - interval '3 months')::date <= :d)
    OR (soort = 'inburgeringstermijn' AND (vervaldatum - interval '6 months')::date <= :d)
    OR (soort = 'ontzorgen' AND vervaldatum - 28 <= :d)
    OR (soort = 'voortgangsgesprek' AND vervaldatum <= :d))"""


def emit(name: str, value: float, unit: str, target: str | None = None, met: bool | None = None) -> None:
    record = {"name": name, "value": round(value, 3), "unit": unit, "target": target, "met": met}
    print(json.dumps(record), flush=True)


def fill_deadlines(pip_url: str, size: int, today: date, intake_api: str) -> None:
    engine = create_engine(pip_url)
    dossiers, offset = max(1, size // DEADLINES_PER_DOSSIER), 0
    with engine.begin() as connection:
        for soort, share, first, last in MIX:
            count = int(size * share)
            connection.execute(
                text(f"""
                INSERT INTO deadline (id, soort, subject_id, inburgeraar_url, gemeentecode, vervaldatum,
                                      status, regel, gestart_door, gewijzigd)
                SELECT gen_random_uuid(), :soort, gen_random_uuid(),
                       :api || '/inburgeraars/' || {DOSSIER_UUID.format(k="k")},
                       'GM' || lpad((k % 300 + 1)::text, 4, '0'),
                       :today + (:first + floor(random() * (:last - :first + 1)))::int,
                       CASE WHEN n <= :open THEN 'open' ELSE 'gehaald' END,
                       'bench', 'bench', now() - interval '2 days'
                FROM generate_series(1, :total) AS n, LATERAL (SELECT (n + :offset) % :dossiers AS k) AS d
                """),
                {"soort": soort, "api": intake_api, "today": today, "first": first, "last": last,
                 "open": count, "total": int(count * 1.2), "offset": offset, "dossiers": dossiers},
            )  # fmt: skip
            offset += int(count * 1.2)
        connection.execute(text("ANALYZE deadline"))
    engine.dispose()


def fill_dossiers(intake_url: str, size: int) -> int:
    """Intake's dossiers the deadlines belong to, each with a klantmanager (about 120 dossiers each)."""
    engine = create_engine(intake_url)
    dossiers = max(1, size // DEADLINES_PER_DOSSIER)
    with engine.begin() as connection:
        connection.execute(
            text(f"""
            INSERT INTO inburgeraar (id, gemeentecode, bsn, voornamen, achternaam, geboortedatum,
                land_van_herkomst, doelgroep, klantmanager, datum_kennisgeving, aangemaakt, gewijzigd, versie)
            SELECT {DOSSIER_UUID.format(k="k")}, 'GM' || lpad((k % 300 + 1)::text, 4, '0'),
                   lpad((100000000 + k)::text, 9, '0'), 'Amina', 'Bench', date '1990-01-01', 'Syrie',
                   'Asielstatushouder', 'km-' || (k % 300 + 1) || '-' || (k / 300) % 4,
                   current_date - 100, now(), now(), 1
            FROM generate_series(0, :dossiers - 1) AS k
            """),
            {"dossiers": dossiers},
        )  # fmt: skip
        connection.execute(text("ANALYZE inburgeraar"))
    engine.dispose()
    return dossiers


def seed_yesterday(
    database_url: str, pip_api: str, yesterday: date, signature: str, started: datetime
) -> int:
    """Yesterday's completed scan: a signal for every deadline that called for one, and the scan record."""
    engine = create_engine(database_url)
    with engine.begin() as connection:
        inserted = connection.execute(
            text(f"""
            INSERT INTO {SCHEDULER_SCHEMA}.signaal
                (id, soort, deadline_url, deadline_soort, inburgeraar_url, gemeentecode, vervaldatum, status,
                 aangemaakt, geopend_op, niveau, versie)
            SELECT gen_random_uuid(),
                   soort || CASE WHEN vervaldatum < :d THEN '-verstreken' ELSE '-nadert' END,
                   :api || '/deadlines/' || id, soort, inburgeraar_url, gemeentecode, vervaldatum, 'open',
                   now(), :d, 'klantmanager', 1
            FROM {PIP_SCHEMA}.deadline
            WHERE status = 'open' AND {CALLS_FOR}
            """),
            {"api": pip_api, "d": yesterday},
        ).rowcount  # fmt: skip
        connection.execute(
            text(f"INSERT INTO {SCHEDULER_SCHEMA}.scan_stand VALUES (:bron, :d, :gestart, :sig)"),
            {"bron": pip_api, "d": yesterday, "gestart": started, "sig": signature},
        )
        connection.execute(text(f"ANALYZE {SCHEDULER_SCHEMA}.signaal"))
    engine.dispose()
    return int(inserted)


def change_since(pip_url: str, changed: int, today: date) -> None:
    """The owner's work since yesterday's scan: half of the changed deadlines met, half moved a month on."""
    engine = create_engine(pip_url)
    with engine.begin() as connection:
        connection.execute(
            text("""
            WITH picked AS (
                SELECT id, row_number() OVER () AS n FROM deadline
                WHERE status = 'open' AND vervaldatum < :today LIMIT :changed)
            UPDATE deadline SET gewijzigd = now(),
                status = CASE WHEN picked.n % 2 = 0 THEN 'gehaald' ELSE status END,
                vervaldatum = CASE WHEN picked.n % 2 = 1 THEN vervaldatum + 30 ELSE vervaldatum END
            FROM picked WHERE deadline.id = picked.id
            """),
            {"changed": changed, "today": today},
        )
    engine.dispose()


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--database-url", required=True)
    parser.add_argument("--size", type=int, default=1_000_000, help="open deadlines (default 1,000,000)")
    parser.add_argument(
        "--changed", type=int, default=1_000, help="deadlines the owner changed since yesterday"
    )
    parser.add_argument("--full", action="store_true", help="also time a full scan of the whole horizon")
    args = parser.parse_args()
    logging.basicConfig(level=logging.ERROR)

    database_url = normalise_postgres_url(args.database_url)
    pip_url = postgres_schema_url(database_url, PIP_SCHEMA)
    scheduler_url = postgres_schema_url(database_url, SCHEDULER_SCHEMA)
    intake_url = postgres_schema_url(database_url, INTAKE_SCHEMA)
    for service, url in (("pip", pip_url), ("scheduler", scheduler_url), ("intake", intake_url)):
        upgrade(str(ROOT / "services" / service / "alembic.ini"), url)

    secret, port, intake_port = secrets.token_urlsafe(32), free_port(), free_port()
    pip_api, intake_api = f"http://127.0.0.1:{port}/v1", f"http://127.0.0.1:{intake_port}/v1"
    today = datum_in(ZoneInfo("Europe/Amsterdam"), datetime.now(UTC))
    settings = Settings(
        database_url=scheduler_url, deadline_sources=[pip_api], public_url="http://127.0.0.1:1"
    )
    factory = make_session_factory(make_engine(scheduler_url))
    with factory() as session:
        signature = AlleInstellingen(session, standaarden(settings)).handtekening()

    t0 = time.perf_counter()
    fill_deadlines(pip_url, args.size, today, intake_api)
    dossiers = fill_dossiers(intake_url, args.size)
    seeded = seed_yesterday(database_url, pip_api, today - timedelta(days=1), signature,
                            datetime.now(UTC) - timedelta(hours=1))  # fmt: skip
    change_since(pip_url, args.changed, today)
    emit("scheduler_scan_setup_seconds", time.perf_counter() - t0, "s")
    emit("scheduler_scan_open_deadlines", args.size, "deadlines")
    emit("scheduler_scan_dossiers", dossiers, "dossiers")
    emit("scheduler_scan_signals_from_yesterday", seeded, "signals")

    token = mint_token(secret, client_id="scheduler", roles=["service"], gemeenten=["*"])
    services = ServiceClient(lambda: token, timeout=120)
    jobs = build_jobs(settings, services, Outbox(OUTBOX_TABLES, []), vandaag=lambda: today)
    env = {"AUTH_JWT_SECRET": secret}
    for prefix, url, service_port in (("PIP_", pip_url, port), ("INTAKE_", intake_url, intake_port)):
        settings_env = {"DATABASE_URL": url, "HOST": "127.0.0.1", "DISPATCHER_ENABLED": "false",
                        "PUBLIC_URL": f"http://127.0.0.1:{service_port}"}  # fmt: skip
        env |= {prefix + key: value for key, value in settings_env.items()}
    system = LocalSystem(
        env=env,
        ports={"pip": port, "intake": intake_port},
        log_dir=Path(tempfile.mkdtemp(prefix="bench-scan-")),
    )
    for service in ("pip", "intake"):
        system.start(service)
    system.wait_ready(["pip", "intake"])

    def timed_scan(name: str, target: str | None) -> None:
        start = time.perf_counter()
        with factory() as session, session.begin():
            resultaat = jobs["deadline-scan"](session)
        seconds = time.perf_counter() - start
        if resultaat.fouten:
            raise RuntimeError(f"scan failed: {resultaat.fouten}")
        emit(f"{name}_seconds", seconds, "s", target, seconds < TARGET_SECONDS if target else None)
        emit(f"{name}_items", resultaat.items, "signals raised or resolved")

    def check_klantmanagers() -> None:
        with factory() as session:
            zonder = session.scalar(
                text("SELECT count(*) FROM signaal WHERE geopend_op = :d AND klantmanager IS NULL"),
                {"d": today},
            )
        emit("scheduler_scan_new_signals_without_klantmanager", zonder, "signals", "0", zonder == 0)

    try:
        timed_scan("scheduler_scan_daily", f"< {TARGET_SECONDS:.0f} s over {args.size:,} open deadlines")
        check_klantmanagers()
        timed_scan("scheduler_scan_repeat", f"< {TARGET_SECONDS:.0f} s")
        if args.full:
            with factory() as session, session.begin():
                session.execute(text("DELETE FROM scan_stand"))
            timed_scan("scheduler_scan_full", None)
    finally:
        system.stop_all()


if __name__ == "__main__":
    main()
