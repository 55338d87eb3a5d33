import uuid
from datetime import date, datetime
from typing import Any

from inburgering_shared.db import JsonDocument, UTCDateTime, Uuid, new_uuid, utcnow
from sqlalchemy import Date, ForeignKey, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from ..db import Base


class Voortgangsgesprek(Base):
    """A voortgangsgesprek: planned at the gemeente's interval, held with a report and an outcome,
    linked to the PIP version it discussed."""

    __tablename__ = "voortgangsgesprek"

    id: Mapped[uuid.UUID] = mapped_column(Uuid, primary_key=True, default=new_uuid)
    traject_id: Mapped[uuid.UUID] = mapped_column(Uuid, ForeignKey("traject.id"), index=True)
    gepland: Mapped[date] = mapped_column(Date)
    gehouden: Mapped[date | None] = mapped_column(Date)
    verslag: Mapped[str | None] = mapped_column(Text)
    uitkomst: Mapped[str | None] = mapped_column(String(20))
    pip_versie: Mapped[int] = mapped_column(Integer)
    gewijzigd: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow, onupdate=utcnow)
    rijversie: Mapped[int] = mapped_column(Integer)

    __mapper_args__ = {"version_id_col": rijversie}


class Voortgangsrapportage(Base):
    """What the taalaanbieder reports for one month: hours followed, attendance, progress per skill,
    planned exam dates. One per trajectory and month (a later report replaces it, with If-Match)."""

    __tablename__ = "voortgangsrapportage"
    __table_args__ = (UniqueConstraint("traject_id", "maand"),)

    id: Mapped[uuid.UUID] = mapped_column(Uuid, primary_key=True, default=new_uuid)
    traject_id: Mapped[uuid.UUID] = mapped_column(Uuid, ForeignKey("traject.id"), index=True)
    taalaanbieder: Mapped[str] = mapped_column(String(100))
    maand: Mapped[str] = mapped_column(String(7))
    uren_gevolgd: Mapped[int] = mapped_column(Integer)
    aanwezigheid_procent: Mapped[int] = mapped_column(Integer)
    vaardigheden: Mapped[list[Any]] = mapped_column(JsonDocument)
    geplande_examens: Mapped[list[Any]] = mapped_column(JsonDocument)
    gewijzigd: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow, onupdate=utcnow)
    rijversie: Mapped[int] = mapped_column(Integer)

    __mapper_args__ = {"version_id_col": rijversie}
