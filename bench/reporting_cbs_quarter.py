"""Benchmark: the quarterly CBS delivery (R16) over a large read model on PostgreSQL.

    python bench/reporting_cbs_quarter.py --database-url postgresql://... [--size 1000000]

Creates reporting's tables in the given (empty, throw-away) database, fills the
dossier read model with `--size` dossiers over 350 gemeenten with set-based SQL,
then, in a child process so its memory is its own, produces the quarter's file
of every gemeente exactly as the service does (the same streaming query, record
builder, validator and writer), into a temporary directory. Prints one JSON
object per line: time, peak resident memory of the producing process, records.
Target (issue 9): the CBS quarter over 1,000,000 dossiers under 30 s.
"""

from __future__ import annotations

import argparse
import itertools
import json
import operator
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

TARGET_SECONDS = 30.0
GEMEENTEN = 350

FILL = """
INSERT INTO dossier (inburgeraar_url, gemeentecode, doelgroep, datum_koppeling, datum_kennisgeving,
    datum_inschrijving_brp, brede_intake_afgerond, leerroute, pip_dagtekening, pip_deadline, termijn_start,
    termijn_einde, termijn_verlengd_tot, map_deadline, map_gestart, pvt_afgerond, plicht_voldaan, uitstroom,
    uitstroom_op, bijgewerkt)
SELECT 'http://intake.bench/v1/inburgeraars/' || md5(i::text)::uuid,
    'GM' || lpad((i % :gemeenten + 1)::text, 4, '0'),
    (ARRAY['Asielstatushouder', 'Asielstatushouder', 'Asielstatushouder', 'Gezinsvormer', 'Gezinshereniger',
           'Overig', 'Gezinshereniger met Asielstatushouder'])[i % 7 + 1],
    CASE WHEN i % 7 < 3 THEN k END, k + 20, k + 30, k + 60,
    CASE WHEN pip IS NULL THEN NULL WHEN i % 20 < 12 THEN 'B1-route' WHEN i % 20 < 17 THEN 'Onderwijsroute'
         ELSE 'Z-route' END,
    pip, k + 100, pip + 1, pip + 1097, CASE WHEN i % 11 = 0 THEN pip + 1462 END,
    CASE WHEN i % 20 BETWEEN 12 AND 16 THEN NULL ELSE pip + 549 END,
    CASE WHEN i % 3 = 0 THEN pip + 300 END, CASE WHEN i % 2 = 0 THEN pip + 200 END,
    CASE WHEN i % 5 = 0 THEN pip + 900 END, CASE WHEN i % 10 = 0 THEN 'werk' END,
    CASE WHEN i % 10 = 0 THEN pip + 930 END, now()
FROM (
    SELECT i, k, CASE WHEN i % 10 < 8 THEN k + 95 END AS pip
    FROM (SELECT i, DATE '2021-01-01' + (i % 1700) AS k FROM generate_series(1, :size) AS i) AS base
) AS s
"""


def emit(name: str, value: float, unit: str, target: str | None = None, met: bool | None = None) -> None:
    print(json.dumps({"name": name, "value": value, "unit": unit, "target": target, "met": met}), flush=True)


def prepare(url: str, size: int) -> None:
    from inburgering_shared.migrations import upgrade
    from inburgering_shared.system import SERVICES
    from sqlalchemy import create_engine, text

    spec = next(s for s in SERVICES if s.name == "reporting")
    upgrade(str(spec.alembic_ini), url)
    engine = create_engine(url)
    with engine.begin() as connection:
        connection.execute(text("TRUNCATE dossier"))
        connection.execute(text(FILL), {"size": size, "gemeenten": GEMEENTEN})
    with engine.connect().execution_options(isolation_level="AUTOCOMMIT") as connection:
        connection.execute(text("VACUUM ANALYZE dossier"))
    engine.dispose()


def produce(url: str, kwartaal: str, out: Path) -> dict[str, float]:
    """Every gemeente's file for the quarter, streamed from one ordered query (runs in the child); timed
    from after the imports, as in the running service, which has them loaded."""
    from inburgering_shared.db import make_engine
    from reporting_service.cbs.export import dossier_rows, schrijf
    from sqlalchemy.orm import Session

    started, cpu_started = time.perf_counter(), time.process_time()
    engine = make_engine(url)
    records = files = invalid = 0
    with Session(engine) as session:
        for gemeentecode, rows in itertools.groupby(dossier_rows(session, None), key=operator.itemgetter(0)):
            with (out / f"cbs-inburgering-{gemeentecode}-{kwartaal}.csv").open("wb") as stream:
                resultaat = schrijf(rows, kwartaal, stream)
            records, files, invalid = records + resultaat.aantal, files + 1, invalid + resultaat.aantal_fouten
    engine.dispose()
    seconds, cpu = time.perf_counter() - started, time.process_time() - cpu_started
    return {"records": records, "files": files, "invalid": invalid, "seconds": seconds, "cpu_seconds": cpu}


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--database-url", required=True)
    parser.add_argument("--size", type=int, default=1_000_000)
    parser.add_argument("--kwartaal", default="2024K2")
    parser.add_argument("--produce-into", help=argparse.SUPPRESS)  # the child's part
    args = parser.parse_args()

    if args.produce_into:  # the child: given the normalised URL, imports only what the service would
        print(json.dumps(produce(args.database_url, args.kwartaal, Path(args.produce_into))))
        return

    from inburgering_shared.testing import normalise_postgres_url

    url = normalise_postgres_url(args.database_url)

    started = time.perf_counter()
    prepare(url, args.size)
    emit("reporting.cbs_quarter.fill_seconds", round(time.perf_counter() - started, 2), "s")
    with tempfile.TemporaryDirectory(prefix="cbs-bench-") as out:
        command = [
            sys.executable,
            __file__,
            "--database-url",
            url,
            "--kwartaal",
            args.kwartaal,
            "--produce-into",
            out,
        ]
        load = os.getloadavg()[0]
        started = time.perf_counter()
        child = subprocess.run(command, check=True, capture_output=True, text=True)
        process_seconds = time.perf_counter() - started
        counts = json.loads(child.stdout.strip().splitlines()[-1])
        size_mb = sum(p.stat().st_size for p in Path(out).iterdir()) / 1e6
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)  # the producing child only: prepare runs in-process
    peak_mb = usage.ru_maxrss / 1024  # kilobytes on Linux
    target = f"< {TARGET_SECONDS:.0f} s for 1,000,000 dossiers"
    seconds = counts["seconds"]
    emit(
        "reporting.cbs_quarter.seconds",
        round(seconds, 2),
        "s",
        target,
        seconds < TARGET_SECONDS if args.size >= 1_000_000 else None,
    )
    # CPU time of the production (Python side; PostgreSQL's own work is not in it): on a shared, loaded
    # machine the wall time above can be several times this. The process figure adds start-up and imports.
    emit("reporting.cbs_quarter.cpu_seconds", round(counts["cpu_seconds"], 2), "s")
    emit("reporting.cbs_quarter.process_seconds", round(process_seconds, 2), "s")
    emit("reporting.cbs_quarter.load_average", round(load, 1), "1-minute load average at the start")
    emit("reporting.cbs_quarter.peak_rss", round(peak_mb, 1), "MB")
    emit("reporting.cbs_quarter.dossiers", args.size, "dossiers")
    emit("reporting.cbs_quarter.records", counts["records"], "records")
    emit("reporting.cbs_quarter.files", counts["files"], "files")
    emit("reporting.cbs_quarter.invalid_records", counts["invalid"], "records", "0", counts["invalid"] == 0)
    emit("reporting.cbs_quarter.output", round(size_mb, 1), "MB")


if __name__ == "__main__":
    main()
