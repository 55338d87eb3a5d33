import uuid
from datetime import date, datetime
from decimal import Decimal

from inburgering_shared.db import UTCDateTime, Uuid, new_uuid, utcnow
from sqlalchemy import Date, ForeignKey, Integer, Numeric, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from ..db import Base


class Handhavingsbesluit(Base):
    """A step of handhaving (R15): written warning, hearing or boete, linked to the broken PIP obligation."""

    __tablename__ = "handhavingsbesluit"

    id: Mapped[uuid.UUID] = mapped_column(Uuid, primary_key=True, default=new_uuid)
    traject_id: Mapped[uuid.UUID] = mapped_column(Uuid, ForeignKey("traject.id"), index=True)
    soort: Mapped[str] = mapped_column(String(30))
    datum: Mapped[date] = mapped_column(Date)
    grond: Mapped[str] = mapped_column(String(60))
    verplichting: Mapped[str] = mapped_column(Text)
    pip_versie: Mapped[int] = mapped_column(Integer)
    bedrag: Mapped[Decimal | None] = mapped_column(Numeric(8, 2))
    wettelijke_grondslag: Mapped[str | None] = mapped_column(Text)
    besloten_door: Mapped[str] = mapped_column(String(100))
    aangemaakt: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
