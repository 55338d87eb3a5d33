import uuid
from datetime import date, datetime

from sqlalchemy import Date, Index, Integer, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from inburgering_shared.db import UTCDateTime, Uuid, new_uuid, utcnow

from ..db import Base


class Inburgeraar(Base):
    """One dossier per person per gemeente."""

    __tablename__ = "inburgeraar"
    __table_args__ = (
        UniqueConstraint("gemeentecode", "bsn"),
        Index("ix_inburgeraar_gemeente_klantmanager", "gemeentecode", "klantmanager"),
    )

    id: Mapped[uuid.UUID] = mapped_column(Uuid, primary_key=True, default=new_uuid)
    gemeentecode: Mapped[str] = mapped_column(String(6))
    bsn: Mapped[str] = mapped_column(String(9))
    v_nummer: Mapped[str | None] = mapped_column(String(10))
    voornamen: Mapped[str] = mapped_column(String(200))
    achternaam: Mapped[str] = mapped_column(String(200))
    geboortedatum: Mapped[date] = mapped_column(Date)
    land_van_herkomst: Mapped[str | None] = mapped_column(String(100))
    doelgroep: Mapped[str] = mapped_column(String(60))
    klantmanager: Mapped[str | None] = mapped_column(String(100))
    datum_koppeling: Mapped[date | None] = mapped_column(Date)
    datum_kennisgeving: Mapped[date | None] = mapped_column(Date)
    datum_inschrijving_brp: Mapped[date | None] = mapped_column(Date)
    aangemaakt: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    gewijzigd: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow, onupdate=utcnow)
    versie: Mapped[int] = mapped_column(Integer)

    __mapper_args__ = {"version_id_col": versie}
