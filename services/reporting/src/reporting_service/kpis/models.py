from datetime import date, datetime

from sqlalchemy import Date, Index, String
from sqlalchemy.orm import Mapped, mapped_column

from inburgering_shared.db import UTCDateTime, utcnow

from ..db import Base


class Dossier(Base):
    """Read model: one row per inburgeraar, built from intake's and pip's events."""

    __tablename__ = "dossier"
    __table_args__ = (Index("ix_dossier_gemeente_leerroute", "gemeentecode", "leerroute"),)

    inburgeraar_url: Mapped[str] = mapped_column(String(300), primary_key=True)
    gemeentecode: Mapped[str] = mapped_column(String(6))
    doelgroep: Mapped[str | None] = mapped_column(String(60))
    leerroute: Mapped[str | None] = mapped_column(String(20))
    pip_dagtekening: Mapped[date | None] = mapped_column(Date)
    bijgewerkt: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow, onupdate=utcnow)
