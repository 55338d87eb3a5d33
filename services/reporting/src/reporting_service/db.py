"""Reporting's database: read models and the inbox; reporting publishes nothing."""

from sqlalchemy.orm import DeclarativeBase

from inburgering_shared.db import new_metadata
from inburgering_shared.inbox import inbox_table

metadata = new_metadata()


class Base(DeclarativeBase):
    metadata = metadata


INBOX = inbox_table(metadata)
