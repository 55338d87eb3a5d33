"""Synthetic dossiers for the benchmark, written with set-based SQL (generate_series), never row by row.

Every service lives in its own schema of the bench database (as in the tests);
this module writes straight into their migrated tables, in one pass per table
from a temporary table of dossiers, with the secondary indexes built after
the rows are in, so 1,000,000 dossiers take minutes, not hours. The shape follows the scale in ../shared/docs/architecture.md:

- 342 gemeenten with skewed sizes (a few large cities, many small ones);
- doelgroepen split roughly as DUO's monitor shows: about half
  asielstatushouders, the rest gezinsmigranten, a few geestelijk bedienaren;
- stages: 10% just gekoppeld (no BRP inschrijving yet, concept PIP without
  deadline), 20% concept PIP with an open PIP deadline (R2), 70% vastgesteld
  with a trajectory and its open deadlines (R4 inburgeringstermijn, R11 MAP);
- leerroutes over the vastgestelde PIPs: about 55% B1, 10% onderwijs, 35% Z; the trajectory
  carries the doelgroep, so a Z-route trajectory reads its hours against the norm (R10);
- about 120 dossiers per klantmanager.

Resource URLs point at the services as they run in the benchmark, so a pip
service that looks up an inburgeraar finds it. When a service's tables change
(a new NOT NULL column), this module changes with them.
"""

# ruff: noqa: E501  (SQL reads better unwrapped)
from __future__ import annotations

import json

from inburgering_shared import voorbeeld_pip
from sqlalchemy import Connection, text

INHOUD = {
    "klantmanager": voorbeeld_pip.KLANTMANAGER,
    "onderdelen": [
        {"component": c, "aangeboden": True, "start": "2026-01-05"} for c in voorbeeld_pip.COMPONENTEN
    ],
    "doelen": [voorbeeld_pip.DOEL],
}
"""A concept complete for a beschikking (the vaststellen scenario needs it)."""

GEMEENTEN = 342
PER_KLANTMANAGER = 120

DOSSIERS = """
CREATE TEMPORARY TABLE bench_dossier AS
SELECT n,
       gen_random_uuid() AS inburgeraar_id,
       gen_random_uuid() AS pip_id,
       gen_random_uuid() AS traject_id,
       'GM' || lpad((1 + floor({gemeenten} * power(random(), 2)))::int::text, 4, '0') AS gemeentecode,
       CASE WHEN n % 100 < 10 THEN 'gekoppeld' WHEN n % 100 < 30 THEN 'concept' ELSE 'vastgesteld' END AS stage,
       (ARRAY['Asielstatushouder','Asielstatushouder','Asielstatushouder','Asielstatushouder',
              'Asielstatushouder','Gezinshereniger met Asielstatushouder','Gezinshereniger met Asielstatushouder',
              'Gezinsvormer','Gezinshereniger','Gezinsvormer met Asielstatushouder'])[1 + (n * 7) % 10]
           AS doelgroep,
       CASE WHEN n % 20 < 11 THEN 'B1-route' WHEN n % 20 < 13 THEN 'Onderwijsroute' ELSE 'Z-route' END
           AS leerroute,
       current_date - (20 + (n * 13) % 700) AS kennisgeving
FROM generate_series(1, {size}) AS n
"""

INBURGERAARS = """
INSERT INTO intake.inburgeraar (id, gemeentecode, bsn, voornamen, achternaam, geboortedatum, land_van_herkomst,
    doelgroep, klantmanager, datum_koppeling, datum_kennisgeving, datum_inschrijving_brp, verblijfsadres,
    aangemaakt, gewijzigd, versie)
SELECT inburgeraar_id, gemeentecode, lpad((100000000 + n)::text, 9, '0'),
       (ARRAY['Amina','Yonas','Samir','Fatma','Omar','Hiwet','Lina','Dawit','Rania','Ahmad'])[1 + n % 10],
       (ARRAY['Haddad','Tesfaye','Nouri','Yilmaz','Khalil','Gebremedhin','Aziz','Bekele','Saleh','Rahimi'])
           [1 + (n / 10) % 10],
       date '1960-01-01' + (n * 37) % 16000,
       (ARRAY['Syrie','Eritrea','Afghanistan','Turkije','Jemen','Irak'])[1 + n % 6],
       doelgroep,
       'km-' || gemeentecode || '-' || (n / {per_klantmanager}) % 8,
       kennisgeving - 30, kennisgeving,
       CASE WHEN stage = 'gekoppeld' THEN NULL ELSE kennisgeving END,
       CAST(:adres AS jsonb), now(), now(), 1
FROM bench_dossier
"""

PIPS = """
INSERT INTO pip.pip (id, inburgeraar_url, gemeentecode, doelgroep, datum_kennisgeving, datum_inschrijving_brp,
    status, leerroute, niveau, dagtekening, vastgesteld_door, versie, inhoud, aangemaakt, gewijzigd, rijversie)
SELECT pip_id, :intake || '/inburgeraars/' || inburgeraar_id, gemeentecode, doelgroep, kennisgeving,
       CASE WHEN stage = 'gekoppeld' THEN NULL ELSE kennisgeving END,
       CASE WHEN stage = 'vastgesteld' THEN 'vastgesteld' ELSE 'concept' END,
       CASE WHEN stage = 'vastgesteld' THEN leerroute END,
       CASE WHEN stage = 'vastgesteld' AND leerroute <> 'Z-route' THEN 'B1' END,
       CASE WHEN stage = 'vastgesteld' THEN kennisgeving + 60 END,
       CASE WHEN stage = 'vastgesteld' THEN 'km-bench' END,
       1, CAST(:inhoud AS jsonb), now(), now(), 1
FROM bench_dossier
"""

INSTELLINGEN = """
INSERT INTO pip.gemeente_instelling (gemeentecode, onderwijsroute_max_leeftijd, max_routewijzigingen, briefhoofd,
    gewijzigd, rijversie)
SELECT DISTINCT gemeentecode, 28, 1, CAST(:briefhoofd AS jsonb), now(), 1 FROM bench_dossier
"""

PIP_DEADLINES = """
INSERT INTO pip.deadline (id, soort, subject_id, inburgeraar_url, gemeentecode, vervaldatum, status, regel,
    gestart_door, gewijzigd)
SELECT gen_random_uuid(), 'pip-vaststellen', pip_id, :intake || '/inburgeraars/' || inburgeraar_id, gemeentecode,
       kennisgeving + 70, CASE WHEN stage = 'concept' THEN 'open' ELSE 'gehaald' END,
       'R2: PIP binnen 10 weken (bench)', 'kennisgeving ' || kennisgeving, now()
FROM bench_dossier WHERE stage <> 'gekoppeld'
"""

TRAJECTEN = """
INSERT INTO trajectory.traject (id, inburgeraar_url, pip_url, gemeentecode, leerroute, doelgroep,
    dagtekening_eerste_pip, termijn_start, termijn_einde, map_deadline, aangemaakt, gewijzigd, rijversie)
SELECT traject_id, :intake || '/inburgeraars/' || inburgeraar_id, :pip || '/pips/' || pip_id, gemeentecode,
       leerroute, doelgroep, kennisgeving + 60, kennisgeving + 61, kennisgeving + 61 + interval '3 years',
       kennisgeving + 61 + interval '18 months', now(), now(), 1
FROM bench_dossier WHERE stage = 'vastgesteld'
"""

TRAJECT_DEADLINES = """
INSERT INTO trajectory.deadline (id, soort, subject_id, inburgeraar_url, gemeentecode, vervaldatum, status, regel,
    gestart_door, gewijzigd)
SELECT gen_random_uuid(), soort, traject_id, :intake || '/inburgeraars/' || inburgeraar_id, gemeentecode,
       kennisgeving + 61 + termijn, 'open', regel, 'dagtekening eerste PIP (bench)', now()
FROM bench_dossier,
     (VALUES ('inburgeringstermijn', interval '3 years', 'R4 (bench)'),
             ('map-gestart', interval '18 months', 'R11 (bench)')) AS d(soort, termijn, regel)
WHERE stage = 'vastgesteld'
"""

REPORTING = """
INSERT INTO reporting.dossier (inburgeraar_url, gemeentecode, doelgroep, leerroute, pip_dagtekening, bijgewerkt)
SELECT :intake || '/inburgeraars/' || inburgeraar_id, gemeentecode, doelgroep,
       CASE WHEN stage = 'vastgesteld' THEN leerroute END,
       CASE WHEN stage = 'vastgesteld' THEN kennisgeving + 60 END, now()
FROM bench_dossier
"""

SIGNALEN = """
INSERT INTO scheduler.signaal (id, soort, deadline_url, deadline_soort, inburgeraar_url, gemeentecode, vervaldatum,
    status, aangemaakt, geopend_op, klantmanager, niveau, versie)
SELECT gen_random_uuid(), d.soort || CASE WHEN d.vervaldatum < current_date THEN '-verstreken' ELSE '-nadert' END,
       d.bron || '/deadlines/' || d.id, d.soort, d.inburgeraar_url, d.gemeentecode, d.vervaldatum, 'open', now(),
       current_date, i.klantmanager, 'klantmanager', 1
FROM (SELECT CAST(:pip AS text) AS bron, id, soort, inburgeraar_url, gemeentecode, vervaldatum FROM pip.deadline
      WHERE status = 'open'
      UNION ALL
      SELECT :trajectory, id, soort, inburgeraar_url, gemeentecode, vervaldatum FROM trajectory.deadline
      WHERE soort = 'map-gestart') AS d
JOIN intake.inburgeraar AS i ON d.inburgeraar_url = :intake || '/inburgeraars/' || i.id
"""
"""An open signal, as the deadline scan raises it, on every open PIP deadline and MAP deadline: about a
hundred per klantmanager."""

TABLES = (
    "intake.inburgeraar",
    "pip.pip",
    "pip.deadline",
    "pip.gemeente_instelling",
    "trajectory.traject",
    "trajectory.deadline",
    "reporting.dossier",
    "scheduler.signaal",
)


SECONDARY_INDEXES = """
SELECT i.schemaname || '.' || i.indexname, i.indexdef FROM pg_indexes AS i
WHERE i.schemaname || '.' || i.tablename = ANY(:tables)
  AND NOT EXISTS (SELECT 1 FROM pg_constraint AS c WHERE c.conname = i.indexname
                  AND c.connamespace = i.schemaname::regnamespace)
"""


def generate(
    connection: Connection, *, size: int, intake_api: str, pip_api: str, trajectory_api: str
) -> dict[str, int]:
    """Fill the services' schemas with `size` dossiers; returns the row count per table.

    The tables' secondary indexes (not those of primary keys and unique constraints) are dropped for
    the inserts and built again afterwards from their own definitions: building an index over a million
    rows at once is much cheaper than growing it a row at a time."""
    connection.execute(text("SELECT setseed(0.42)"))
    indexes = connection.execute(text(SECONDARY_INDEXES), {"tables": list(TABLES)}).all()
    for name, _ in indexes:
        connection.execute(text(f"DROP INDEX {name}"))
    connection.execute(text(DOSSIERS.format(gemeenten=GEMEENTEN, size=int(size))))
    urls = {"intake": intake_api, "pip": pip_api, "trajectory": trajectory_api}
    connection.execute(
        text(INBURGERAARS.format(per_klantmanager=PER_KLANTMANAGER)),
        {"adres": json.dumps(voorbeeld_pip.ADRES)},
    )
    connection.execute(
        text(INSTELLINGEN), {"briefhoofd": json.dumps(voorbeeld_pip.briefhoofd("Benchmarkgemeente"))}
    )
    for statement in (PIPS, PIP_DEADLINES, TRAJECTEN, TRAJECT_DEADLINES, REPORTING, SIGNALEN):
        connection.execute(text(statement), {**urls, "inhoud": json.dumps(INHOUD)})
    connection.execute(text("DROP TABLE bench_dossier"))
    connection.execute(text("SET LOCAL maintenance_work_mem = '256MB'"))
    for _, definition in indexes:
        connection.execute(text(definition))
    connection.commit()
    for table in TABLES:
        connection.execute(text(f"ANALYZE {table}"))
    connection.commit()
    return {table: connection.execute(text(f"SELECT count(*) FROM {table}")).scalar_one() for table in TABLES}
