import uuid
from datetime import date, datetime

from inburgering_shared.db import JsonDocument, UTCDateTime, new_uuid, utcnow
from sqlalchemy import Date, Index, Integer, LargeBinary, String
from sqlalchemy.orm import Mapped, mapped_column

from ..db import Base


class CbsLevering(Base):
    """The delivery log: every produced quarter file, released or rejected by validation (R16)."""

    __tablename__ = "cbs_levering"
    __table_args__ = (Index("ix_cbs_levering_gemeente_kwartaal", "gemeentecode", "kwartaal"),)

    id: Mapped[uuid.UUID] = mapped_column(primary_key=True, default=new_uuid)
    gemeentecode: Mapped[str] = mapped_column(String(6))
    kwartaal: Mapped[str] = mapped_column(String(6))
    layout_versie: Mapped[str] = mapped_column(String(20))
    status: Mapped[str] = mapped_column(String(20))
    aantal_records: Mapped[int] = mapped_column(Integer)
    sha256: Mapped[str] = mapped_column(String(64))
    fouten: Mapped[list[str]] = mapped_column(JsonDocument, default=list)
    bestand: Mapped[bytes | None] = mapped_column(LargeBinary)
    uiterste_datum: Mapped[date] = mapped_column(Date)
    aangemaakt: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    aangemaakt_door: Mapped[str] = mapped_column(String(200))
