import uuid
from datetime import datetime

from inburgering_shared.db import UTCDateTime, Uuid, new_uuid, utcnow
from sqlalchemy import ForeignKey, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from ..db import Base


class Urenregistratie(Base):
    """Hours the gemeente records for one month (R10): participation, or language and KNM during the
    brede intake. The taalaanbieder's lesson hours are its monthly reports (voortgang)."""

    __tablename__ = "urenregistratie"
    __table_args__ = (UniqueConstraint("traject_id", "soort", "maand"),)

    id: Mapped[uuid.UUID] = mapped_column(Uuid, primary_key=True, default=new_uuid)
    traject_id: Mapped[uuid.UUID] = mapped_column(Uuid, ForeignKey("traject.id"), index=True)
    soort: Mapped[str] = mapped_column(String(30))
    maand: Mapped[str] = mapped_column(String(7))
    uren: Mapped[int] = mapped_column(Integer)
    omschrijving: Mapped[str | None] = mapped_column(Text)
    vastgelegd_door: Mapped[str] = mapped_column(String(100))
    gewijzigd: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow, onupdate=utcnow)
    rijversie: Mapped[int] = mapped_column(Integer)

    __mapper_args__ = {"version_id_col": rijversie}
