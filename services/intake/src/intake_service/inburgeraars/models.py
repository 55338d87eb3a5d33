import uuid
from datetime import date, datetime
from typing import Any

from inburgering_shared.db import JsonDocument, UTCDateTime, Uuid, new_uuid, utcnow
from sqlalchemy import Boolean, Date, ForeignKey, Index, Integer, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

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
    talen: Mapped[list[str]] = mapped_column(JsonDocument, default=list)
    tolk_nodig: Mapped[bool] = mapped_column(Boolean, default=False)
    tolk_taal: Mapped[str | None] = mapped_column(String(60))
    plicht: Mapped[bool | None] = mapped_column(Boolean)
    plicht_begindatum: Mapped[date | None] = mapped_column(Date)
    plicht_einddatum: Mapped[date | None] = mapped_column(Date)
    reden_geen_plicht: Mapped[str | None] = mapped_column(String(60))
    vrijstelling: Mapped[str | None] = mapped_column(String(500))
    ontheffing: Mapped[str | None] = mapped_column(String(500))
    datum_huisvesting_verwacht: Mapped[date | None] = mapped_column(Date)
    datum_huisvesting: Mapped[date | None] = mapped_column(Date)
    verblijfsadres: Mapped[dict[str, Any] | None] = mapped_column(JsonDocument)
    """The address as the BRP registers it: where a beschikking is sent."""
    tegenstrijdigheden: Mapped[list[dict[str, Any]]] = mapped_column(JsonDocument, default=list)
    aangemaakt: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    gewijzigd: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow, onupdate=utcnow)
    versie: Mapped[int] = mapped_column(Integer)

    __mapper_args__ = {"version_id_col": versie}


class Verhuizing(Base):
    """A dossier handed over to another gemeente, with the DUO event that told of it (SS120/SS121)."""

    __tablename__ = "verhuizing"

    id: Mapped[uuid.UUID] = mapped_column(Uuid, primary_key=True, default=new_uuid)
    inburgeraar_id: Mapped[uuid.UUID] = mapped_column(Uuid, ForeignKey("inburgeraar.id"), index=True)
    van_gemeente: Mapped[str] = mapped_column(String(6))
    naar_gemeente: Mapped[str] = mapped_column(String(6))
    datum_vestiging: Mapped[date] = mapped_column(Date)
    gebeurtenis: Mapped[str] = mapped_column(String(8))
    aangemaakt: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    uitgevoerd: Mapped[datetime | None] = mapped_column(UTCDateTime, index=True)
    """When the dossier was handed over; empty while the moving date is still to come."""
