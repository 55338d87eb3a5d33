import uuid
from datetime import date, datetime

from inburgering_shared.db import UTCDateTime, Uuid, new_uuid, utcnow
from sqlalchemy import Date, ForeignKey, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from ..db import Base


class Component(Base):
    """One component of a trajectory (leerroute, KNM, MAP, PVT, ...) with its state, dates and evidence."""

    __tablename__ = "component"
    __table_args__ = (UniqueConstraint("traject_id", "soort"),)

    id: Mapped[uuid.UUID] = mapped_column(Uuid, primary_key=True, default=new_uuid)
    traject_id: Mapped[uuid.UUID] = mapped_column(Uuid, ForeignKey("traject.id"), index=True)
    soort: Mapped[str] = mapped_column(String(40))
    status: Mapped[str] = mapped_column(String(20))
    startdatum: Mapped[date | None] = mapped_column(Date)
    einddatum: Mapped[date | None] = mapped_column(Date)
    geplande_start: Mapped[date | None] = mapped_column(Date)
    """The start the PIP plans (pip's component dates); `startdatum` is when it really started."""
    verwacht_einde: Mapped[date | None] = mapped_column(Date)
    aanbieder: Mapped[str | None] = mapped_column(String(200))
    """Who provides it, as the PIP names them."""
    verwijtbaar: Mapped[str | None] = mapped_column(String(3))
    bewijs: Mapped[str | None] = mapped_column(Text)
    gewijzigd: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow, onupdate=utcnow)
    rijversie: Mapped[int] = mapped_column(Integer)

    __mapper_args__ = {"version_id_col": rijversie}
