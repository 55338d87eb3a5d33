"""Intake's database: its own metadata, with the outbox for its events."""

from inburgering_shared.audit import audit_table
from inburgering_shared.db import new_metadata
from inburgering_shared.idempotency import idempotency_table
from inburgering_shared.outbox import outbox_tables
from inburgering_shared.retention import EEN_JAAR, VIJF_JAAR, WET_INBURGERING, Bewaartermijn
from sqlalchemy.orm import DeclarativeBase

metadata = new_metadata()


class Base(DeclarativeBase):
    metadata = metadata


OUTBOX_TABLES = outbox_tables(metadata)
AUDITTRAIL = audit_table(metadata)
IDEMPOTENTIE = idempotency_table(metadata)

BEWAARTERMIJNEN = (
    Bewaartermijn(
        "dossier",
        "inburgeraar",
        "plicht_einddatum",
        VIJF_JAAR,
        "Na het einde van de inburgeringsplicht. " + WET_INBURGERING,
        dossier=True,
    ),
    Bewaartermijn(
        "dossier-zonder-plicht",
        "inburgeraar",
        "gewijzigd",
        VIJF_JAAR,
        "Niet inburgeringsplichtig: na de laatste wijziging. " + WET_INBURGERING,
        dossier=True,
        alleen=lambda t: t.c.plicht.is_(False),
    ),
    Bewaartermijn(
        "coa-overdracht-versies",
        "coa_overdracht_versie",
        "ontvangen",
        EEN_JAAR,
        "Vervangen versies van een COA-klantprofiel: alleen nodig om tegenstrijdigheden op te lossen.",
    ),
)
