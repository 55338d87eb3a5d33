import uuid
from datetime import datetime

from inburgering_shared.db import UTCDateTime, Uuid, new_uuid, utcnow
from sqlalchemy import ForeignKey, Index, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from ..db import Base


class Activiteit(Base):
    """An activity a partner offers in a gemeente.

    The local offer catalogue: seed 000 (routekaart), seed 004 (menukaart).
    """

    __tablename__ = "activiteit"
    __table_args__ = (Index("ix_activiteit_zoeken", "gemeentecode", "stap"),)

    id: Mapped[uuid.UUID] = mapped_column(Uuid, primary_key=True, default=new_uuid)
    gemeentecode: Mapped[str] = mapped_column(String(6))
    aanbieder: Mapped[str] = mapped_column(String(200))
    titel: Mapped[str] = mapped_column(String(200))
    omschrijving: Mapped[str] = mapped_column(Text, default="")
    stap: Mapped[str] = mapped_column(String(40))
    leefgebieden: Mapped[str] = mapped_column(String(400))
    """`|`-delimited (`|wonen|werk/opleiding|`) so one LIKE finds a leefgebied on every database."""
    taalniveau: Mapped[str | None] = mapped_column(String(2))
    plaats: Mapped[str] = mapped_column(String(200))
    rooster: Mapped[str] = mapped_column(String(200))
    capaciteit: Mapped[int] = mapped_column(Integer)
    gepubliceerd_door: Mapped[str] = mapped_column(String(100))
    aangemaakt: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)


class Deelname(Base):
    """A place an activity holds for a PIP whose current weekprogramma names it (capaciteit is the limit)."""

    __tablename__ = "deelname"

    activiteit_id: Mapped[uuid.UUID] = mapped_column(Uuid, ForeignKey("activiteit.id"), primary_key=True)
    pip_id: Mapped[uuid.UUID] = mapped_column(Uuid, ForeignKey("pip.id"), primary_key=True, index=True)
