import uuid
from datetime import date, datetime

from sqlalchemy import Date, Index, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from inburgering_shared.db import UTCDateTime, Uuid, new_uuid, utcnow

from ..db import Base


class Signaal(Base):
    """A signal raised from a deadline; one per deadline and kind, however often the scan runs."""

    __tablename__ = "signaal"
    __table_args__ = (
        UniqueConstraint("deadline_url", "soort"),
        Index("ix_signaal_gemeente_status", "gemeentecode", "status", "vervaldatum"),
    )

    id: Mapped[uuid.UUID] = mapped_column(Uuid, primary_key=True, default=new_uuid)
    soort: Mapped[str] = mapped_column(String(60))
    deadline_url: Mapped[str] = mapped_column(String(300))
    deadline_soort: Mapped[str] = mapped_column(String(40))
    inburgeraar_url: Mapped[str] = mapped_column(String(300))
    gemeentecode: Mapped[str] = mapped_column(String(6))
    vervaldatum: Mapped[date] = mapped_column(Date)
    status: Mapped[str] = mapped_column(String(12))
    aangemaakt: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
