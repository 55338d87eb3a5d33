import uuid
from datetime import datetime
from typing import Any

from inburgering_shared.db import JsonDocument, UTCDateTime, Uuid, new_uuid, utcnow
from sqlalchemy import ForeignKey, Integer, String
from sqlalchemy.orm import Mapped, mapped_column

from ..db import Base


class CoaOverdracht(Base):
    """A klantprofiel COA handed over; idempotent on COA's own reference."""

    __tablename__ = "coa_overdracht"

    id: Mapped[uuid.UUID] = mapped_column(Uuid, primary_key=True, default=new_uuid)
    coa_referentie: Mapped[str] = mapped_column(String(64), unique=True)
    inburgeraar_id: Mapped[uuid.UUID] = mapped_column(Uuid, ForeignKey("inburgeraar.id"), index=True)
    gemeentecode: Mapped[str] = mapped_column(String(6))
    versie: Mapped[int] = mapped_column(Integer)
    inhoud: Mapped[dict[str, Any]] = mapped_column(JsonDocument)
    ontvangen: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)


class CoaOverdrachtVersie(Base):
    """Earlier versions of a corrected handover, kept whole."""

    __tablename__ = "coa_overdracht_versie"

    id: Mapped[uuid.UUID] = mapped_column(Uuid, primary_key=True, default=new_uuid)
    overdracht_id: Mapped[uuid.UUID] = mapped_column(Uuid, ForeignKey("coa_overdracht.id"), index=True)
    versie: Mapped[int] = mapped_column(Integer)
    inhoud: Mapped[dict[str, Any]] = mapped_column(JsonDocument)
    ontvangen: Mapped[datetime] = mapped_column(UTCDateTime)
