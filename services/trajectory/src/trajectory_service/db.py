"""The trajectory service's database: its own metadata, the outbox for its events, the inbox for others'."""

from inburgering_shared.audit import audit_table
from inburgering_shared.db import new_metadata
from inburgering_shared.idempotency import idempotency_table
from inburgering_shared.inbox import inbox_table
from inburgering_shared.outbox import outbox_tables
from inburgering_shared.retention import EEN_JAAR, VIJF_JAAR, WET_INBURGERING, Bewaartermijn
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
        "dossier",
        "traject",
        "termijn_einde",
        VIJF_JAAR,
        "Na het einde van de inburgeringstermijn (R4, met verlenging). " + WET_INBURGERING,
        dossier=True,
    ),
    Bewaartermijn(
        "duo-notificaties",
        "duo_notificatie",
        "verwerkt",
        EEN_JAAR,
        "Verwerkte meldingen van DUO: wat ze meldden staat in het DUO-dossier.",
    ),
    Bewaartermijn(
        "duo-opdrachten",
        "duo_opdracht",
        "verzonden",
        EEN_JAAR,
        "Aan DUO verzonden opdrachten: DUO heeft ze; hier alleen nodig om fouten te herstellen.",
    ),
)
