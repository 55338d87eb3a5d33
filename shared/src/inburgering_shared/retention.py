"""Retention per category of personal data (AVG art. 5(1)(e)): purged or anonymised after its period.

Every service declares the categories it holds (`Bewaartermijn`, in its `db.py`) next to the
two every service has (`GEDEELD`: stored idempotent answers, the audit trail). A category
names a table, the column from which its period runs (a row whose column is empty is
kept: its period has not started), the period, and what happens after it:

- rows (`dossier=False`): the rows are deleted, with every row that hangs off them by
  foreign key;
- a dossier (`dossier=True`): once every row of the table about a person is past the
  period, everything the service holds about that person goes: the rows the AVG inzage
  answers (`person_rows.rows_about`), so what is purged is exactly what an inzage shows. The audit
  trail keeps its own period. `ANONIMISEREN` instead replaces the dossier's URL by a random
  token in every row naming it, so the figures stay and nobody can be traced (reporting).

The gemeente sets other periods with `AVG_BEWAARTERMIJNEN` (JSON, days per category, for
example `{"dossier": 3650}`). `POST /v1/avg/opschonen` runs it; the scheduler's job
`bewaartermijn-opschoning` calls that daily on every service. Running it twice purges
nothing more. At most `DOSSIERS_PER_RUN` dossiers per category per run (the next run
continues), so one transaction stays small.
"""

from __future__ import annotations

import json
import os
import uuid
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from enum import StrEnum
from typing import Any

from sqlalchemy import (
    CursorResult,
    Date,
    MetaData,
    Table,
    and_,
    delete,
    func,
    not_,
    select,
    update,
)
from sqlalchemy.orm import Session

from .person_rows import TECHNICAL_TABLES, rows_about

AUDIT_DAYS = 7 * 365
VIJF_JAAR = timedelta(days=5 * 365 + 1)
EEN_JAAR = timedelta(days=365)
WET_INBURGERING = (
    "Wet inburgering 2021: vijf jaar bewaren; de wet gaat voor de Selectielijst gemeenten 2020 "
    "(resultaat 8.1, tien jaar) (VNG/VHIC, 'Aanpassing selectielijst inburgeringwet/traject')."
)
ANONIEM = "urn:geanonimiseerd:"
DOSSIERS_PER_RUN = 500


class Actie(StrEnum):
    VERWIJDEREN = "verwijderen"
    ANONIMISEREN = "anonimiseren"


@dataclass(frozen=True)
class Bewaartermijn:
    categorie: str
    tabel: str
    vanaf: str
    termijn: timedelta
    grondslag: str
    dossier: bool = False
    actie: Actie = Actie.VERWIJDEREN
    alleen: Callable[[Table], Any] | None = field(default=None, compare=False)
    """An extra condition on the table's rows (a category for part of them)."""


GEDEELD = (
    Bewaartermijn(
        "idempotentie",
        "idempotentie",
        "aangemaakt",
        timedelta(hours=24),
        "Technisch: een herhaald verzoek komt binnen minuten, niet na een dag.",
    ),
    Bewaartermijn(
        "audittrail",
        "audittrail",
        "aanmaakdatum",
        timedelta(days=AUDIT_DAYS),
        "Verantwoording van elke inzage en wijziging; de gemeente stelt de termijn vast.",
    ),
)


def termijnen(categorieen: tuple[Bewaartermijn, ...]) -> dict[str, timedelta]:
    """The period per category: the declared default unless `AVG_BEWAARTERMIJNEN` sets it."""
    gezet = json.loads(os.environ.get("AVG_BEWAARTERMIJNEN", "{}"))
    return {
        c.categorie: timedelta(days=gezet[c.categorie]) if c.categorie in gezet else c.termijn
        for c in categorieen
    }


def purge(
    session: Session, now: datetime, categorieen: tuple[Bewaartermijn, ...], api_url: str
) -> dict[str, int]:
    """Per category how many rows (or dossiers) were purged or anonymised."""
    metadata = MetaData()
    metadata.reflect(session.connection())
    perioden = termijnen(categorieen)
    gedaan: dict[str, int] = {}
    for categorie in categorieen:
        table = metadata.tables[categorie.tabel]
        column = table.c[categorie.vanaf]
        grens: Any = now - perioden[categorie.categorie]
        if isinstance(column.type, Date):
            grens = grens.date()
        voorbij = column < grens
        if categorie.alleen is not None:
            voorbij = and_(voorbij, categorie.alleen(table))
        if not categorie.dossier:
            gedaan[categorie.categorie] = _delete(session, metadata, table, voorbij)
            continue
        tables = [t for t in metadata.sorted_tables if t.name not in TECHNICAL_TABLES | {"audittrail"}]
        urls = _expired_dossiers(session, table, categorie, grens, api_url)
        for url in urls:
            if categorie.actie is Actie.ANONIMISEREN:
                _anonymise(session, tables, url)
            else:
                _remove(session, tables, rows_about(session, url, tables))
        gedaan[categorie.categorie] = len(urls)
    return gedaan


def _delete(session: Session, metadata: MetaData, table: Table, condition: Any) -> int:
    """Delete the rows, and first every row that hangs off them by foreign key (to any depth)."""
    for child in metadata.sorted_tables:
        for fk in child.foreign_keys:
            if fk.column.table is table and child is not table:
                _delete(session, metadata, child, fk.parent.in_(select(fk.column).where(condition)))
    result: CursorResult[Any] = session.execute(delete(table).where(condition))  # type: ignore[assignment]
    return result.rowcount


def _expired_dossiers(
    session: Session, table: Table, categorie: Bewaartermijn, grens: Any, api_url: str
) -> list[str]:
    """Dossiers all of whose rows of this table are past the period (none still running)."""
    column = table.c[categorie.vanaf]
    by_url = "inburgeraar_url" in table.c
    key = table.c.inburgeraar_url if by_url else table.c.id  # intake's own dossier table
    query = select(key).where(not_(key.like(ANONIEM + "%"))) if by_url else select(key)
    if categorie.alleen is not None:
        query = query.where(categorie.alleen(table))
    query = (
        query.group_by(key)
        .having(and_(func.max(column) < grens, func.count(column) == func.count()))
        .limit(DOSSIERS_PER_RUN)
    )
    keys = session.scalars(query)
    return [str(k) if by_url else f"{api_url}/inburgeraars/{uuid.UUID(str(k))}" for k in keys]


def _remove(session: Session, tables: list[Table], found: dict[str, list[dict[str, Any]]]) -> None:
    for table in reversed(tables):  # rows that refer to others first
        for row in found.get(table.name, []):
            session.execute(delete(table).where(and_(*(c == row[c.name] for c in table.primary_key.columns))))


def _anonymise(session: Session, tables: list[Table], url: str) -> None:
    token = f"{ANONIEM}{uuid.uuid4()}"
    for table in tables:
        if "inburgeraar_url" in table.c:
            session.execute(update(table).where(table.c.inburgeraar_url == url).values(inburgeraar_url=token))
