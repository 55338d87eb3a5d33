"""Every row a service's database holds about one person, found generically.

Rows of the `inburgeraar` table with the dossier's id, rows of any table with an
`inburgeraar_url` or `inburgeraar_id` column naming the dossier, the audit trail
(`hoofd_object`), and, following foreign keys, every row that hangs off those. A
new table is included without code as long as it names the dossier or refers to a
row that does. Technical tables (outbox, inbox, stored idempotent answers) are left
out. The AVG inzage answers these rows (`avg`); the retention purge removes them
(`retention`), so what is purged is exactly what an inzage shows.
"""

from __future__ import annotations

import uuid
from typing import Any

from sqlalchemy import MetaData, Table, select
from sqlalchemy.orm import Session

TECHNICAL_TABLES = frozenset(
    {"alembic_version", "outbox_event", "outbox_delivery", "inbox_event", "idempotentie"}
)


def dossier_id(url: str) -> uuid.UUID | None:
    try:
        return uuid.UUID(url.rstrip("/").rsplit("/", 1)[-1])
    except ValueError:
        return None


def rows_about(
    session: Session, url: str, tables: list[Table] | None = None
) -> dict[str, list[dict[str, Any]]]:
    """Every row of this database (or of `tables`, reflected) about the dossier at `url`."""
    if tables is None:
        metadata = MetaData()
        metadata.reflect(session.connection())
        tables = [t for t in metadata.sorted_tables if t.name not in TECHNICAL_TABLES]
    ident = dossier_id(url)
    found: dict[str, list[dict[str, Any]]] = {}
    for table in tables:
        condition = _names_dossier(table, url, ident)
        if condition is not None:
            _collect(session, table, condition, found)
    changed = True
    while changed:  # rows hanging off found rows, by foreign key, to any depth
        changed = False
        for table in tables:
            for fk in table.foreign_keys:
                parent = fk.column.table.name
                keys = [row[fk.column.name] for row in found.get(parent, [])]
                if keys and table.name != parent:
                    changed |= _collect(session, table, fk.parent.in_(keys), found)
    return found


def _names_dossier(table: Table, url: str, ident: uuid.UUID | None) -> Any:
    columns = table.c
    if "inburgeraar_url" in columns:
        return columns.inburgeraar_url == url
    if "hoofd_object" in columns:
        return columns.hoofd_object == url
    if ident is None:
        return None
    if "inburgeraar_id" in columns:
        return columns.inburgeraar_id == ident
    if table.name == "inburgeraar" and "id" in columns:
        return columns.id == ident
    return None


def _collect(session: Session, table: Table, condition: Any, found: dict[str, list[dict[str, Any]]]) -> bool:
    known = found.setdefault(table.name, [])
    new = [dict(row._mapping) for row in session.execute(select(table).where(condition))]
    new = [row for row in new if row not in known]
    known.extend(new)
    if not known:
        del found[table.name]
    return bool(new)
