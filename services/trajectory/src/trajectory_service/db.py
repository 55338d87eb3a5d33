"""The trajectory service's database: its own metadata, the outbox for its events, the inbox for others'."""

from inburgering_shared.db import new_metadata
from inburgering_shared.inbox import inbox_table
from inburgering_shared.outbox import outbox_tables
from sqlalchemy.orm import DeclarativeBase

metadata = new_metadata()


class Base(DeclarativeBase):
    metadata = metadata


OUTBOX_TABLES = outbox_tables(metadata)
INBOX = inbox_table(metadata)
