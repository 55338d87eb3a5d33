"""Reporting's database: read models and the inbox; reporting publishes nothing."""

from inburgering_shared.audit import audit_table
from inburgering_shared.db import new_metadata
from inburgering_shared.idempotency import idempotency_table
from inburgering_shared.inbox import inbox_table
from inburgering_shared.retention import VIJF_JAAR, WET_INBURGERING, Actie, Bewaartermijn
from sqlalchemy.orm import DeclarativeBase

metadata = new_metadata()


class Base(DeclarativeBase):
    metadata = metadata


INBOX = inbox_table(metadata)
AUDITTRAIL = audit_table(metadata)
IDEMPOTENTIE = idempotency_table(metadata)

BEWAARTERMIJNEN = (
    Bewaartermijn(
        "dossier",
        "dossier",
        "bijgewerkt",
        VIJF_JAAR,
        "Geanonimiseerd na vijf jaar zonder gebeurtenis, zodat de cijfers van vroegere jaren (CBS, "
        "KPI's) blijven kloppen. " + WET_INBURGERING,
        dossier=True,
        actie=Actie.ANONIMISEREN,
    ),
)
