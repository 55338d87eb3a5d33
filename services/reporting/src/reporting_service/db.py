"""Reporting's database: read models and the inbox; reporting publishes nothing."""

from inburgering_shared.db import new_metadata
from inburgering_shared.inbox import inbox_table
from sqlalchemy.orm import DeclarativeBase

metadata = new_metadata()


class Base(DeclarativeBase):
    metadata = metadata


INBOX = inbox_table(metadata)
