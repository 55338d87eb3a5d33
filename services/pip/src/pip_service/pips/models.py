import uuid
from datetime import date, datetime

from sqlalchemy import Date, Integer, String
from sqlalchemy.orm import Mapped, mapped_column

from inburgering_shared.db import UTCDateTime, Uuid, new_uuid, utcnow

from ..db import Base


class Pip(Base):
    """The PIP of one inburgeraar: concept until vastgesteld as a beschikking."""

    __tablename__ = "pip"

    id: Mapped[uuid.UUID] = mapped_column(Uuid, primary_key=True, default=new_uuid)
    inburgeraar_url: Mapped[str] = mapped_column(String(300), unique=True)
    gemeentecode: Mapped[str] = mapped_column(String(6), index=True)
    doelgroep: Mapped[str] = mapped_column(String(60))
    datum_kennisgeving: Mapped[date | None] = mapped_column(Date)
    datum_inschrijving_brp: Mapped[date | None] = mapped_column(Date)
    status: Mapped[str] = mapped_column(String(12))
    leerroute: Mapped[str | None] = mapped_column(String(20))
    niveau: Mapped[str | None] = mapped_column(String(2))
    dagtekening: Mapped[date | None] = mapped_column(Date)
    vastgesteld_door: Mapped[str | None] = mapped_column(String(100))
    versie: Mapped[int] = mapped_column(Integer, default=1)
    aangemaakt: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    gewijzigd: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow, onupdate=utcnow)
    rijversie: Mapped[int] = mapped_column(Integer)

    __mapper_args__ = {"version_id_col": rijversie}
