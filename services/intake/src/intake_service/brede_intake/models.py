import uuid
from datetime import date, datetime
from typing import Any

from inburgering_shared.db import JsonDocument, UTCDateTime, Uuid, new_uuid, utcnow
from sqlalchemy import Boolean, Date, ForeignKey, Index, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from ..db import Base


class BredeIntake(Base):
    """One brede intake per dossier, concept until completed.

    Structured parts (leefgebieden per name, achtergrond and profiel facts per
    field with their source, participants, the leerbaarheidstoets, open
    conflicts with a COA handover) are JSON documents validated by the API's
    pydantic models. The profiel holds one fact per language skill
    (`taalniveaus.lezen`) and per other object (`diplomas`, ...): `prefill.py`.
    """

    __tablename__ = "brede_intake"
    __table_args__ = (Index("ix_brede_intake_gemeente_status", "gemeentecode", "status"),)

    id: Mapped[uuid.UUID] = mapped_column(Uuid, primary_key=True, default=new_uuid)
    inburgeraar_id: Mapped[uuid.UUID] = mapped_column(Uuid, ForeignKey("inburgeraar.id"), unique=True)
    gemeentecode: Mapped[str] = mapped_column(String(6))
    status: Mapped[str] = mapped_column(String(12))
    datum_gesprek: Mapped[date | None] = mapped_column(Date)
    datum_afgerond: Mapped[date | None] = mapped_column(Date)
    deelnemers: Mapped[list[dict[str, Any]]] = mapped_column(JsonDocument)
    leefgebieden: Mapped[dict[str, Any]] = mapped_column(JsonDocument)
    achtergrond: Mapped[dict[str, Any]] = mapped_column(JsonDocument)
    profiel: Mapped[dict[str, Any] | None] = mapped_column(JsonDocument)
    tegenstrijdigheden: Mapped[list[dict[str, Any]]] = mapped_column(JsonDocument)
    leerbaarheidstoets: Mapped[dict[str, Any] | None] = mapped_column(JsonDocument)
    vooropleiding: Mapped[str | None] = mapped_column(String(40))
    alfabetisering: Mapped[str | None] = mapped_column(String(4))
    wil_vervolgonderwijs: Mapped[bool] = mapped_column(Boolean, default=False)
    bijstand: Mapped[bool] = mapped_column(Boolean, default=False)
    wensen: Mapped[str | None] = mapped_column(Text)
    aangemaakt: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    gewijzigd: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow, onupdate=utcnow)
    versie: Mapped[int] = mapped_column(Integer)

    __mapper_args__ = {"version_id_col": versie}
