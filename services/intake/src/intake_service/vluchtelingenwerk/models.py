import uuid
from datetime import datetime
from typing import Any

from inburgering_shared.db import JsonDocument, UTCDateTime, Uuid, new_uuid, utcnow
from sqlalchemy import ForeignKey, Integer, String
from sqlalchemy.orm import Mapped, mapped_column

from ..db import Base


class VluchtelingenwerkOverdracht(Base):
    """VluchtelingenWerk's maatschappelijke begeleiding of one person; idempotent on its own reference.

    `eerdere_versies` keeps every earlier content whole, oldest first.
    """

    __tablename__ = "vluchtelingenwerk_overdracht"

    id: Mapped[uuid.UUID] = mapped_column(Uuid, primary_key=True, default=new_uuid)
    referentie: Mapped[str] = mapped_column(String(64), unique=True)
    inburgeraar_id: Mapped[uuid.UUID] = mapped_column(Uuid, ForeignKey("inburgeraar.id"), index=True)
    gemeentecode: Mapped[str] = mapped_column(String(6))
    versie: Mapped[int] = mapped_column(Integer)
    inhoud: Mapped[dict[str, Any]] = mapped_column(JsonDocument)
    eerdere_versies: Mapped[list[dict[str, Any]]] = mapped_column(JsonDocument)
    ontvangen: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow, onupdate=utcnow)
