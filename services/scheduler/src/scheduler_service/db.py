"""The scheduler service's database: its own metadata, the outbox for its events, the inbox for others'."""

from inburgering_shared.audit import audit_table
from inburgering_shared.db import new_metadata
from inburgering_shared.idempotency import idempotency_table
from inburgering_shared.inbox import inbox_table
from inburgering_shared.outbox import outbox_tables
from inburgering_shared.retention import EEN_JAAR, Bewaartermijn
from sqlalchemy.orm import DeclarativeBase

metadata = new_metadata()


class Base(DeclarativeBase):
    metadata = metadata


OUTBOX_TABLES = outbox_tables(metadata)
INBOX = inbox_table(metadata)
AUDITTRAIL = audit_table(metadata)
IDEMPOTENTIE = idempotency_table(metadata)

BEWAARTERMIJNEN = (
    Bewaartermijn(
        "signalen",
        "signaal",
        "opgelost",
        EEN_JAAR,
        "Opgeloste signalen: de termijn zelf staat bij pip of trajectory; open signalen blijven.",
    ),
)
