import uuid
from datetime import date, datetime

from inburgering_shared.db import UTCDateTime, Uuid, new_uuid, utcnow
from sqlalchemy import Date, ForeignKey, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from ..db import Base


class Examenresultaat(Base):
    """One exam result DUO reported (read into the DUO dossier), kept with its own id so reporting can
    read it at a stable URL (resource `examen`). DUO is the source: rewritten from DUO's list."""

    __tablename__ = "examenresultaat"
    __table_args__ = (UniqueConstraint("dossier_id", "onderdeel", "examendatum"),)

    id: Mapped[uuid.UUID] = mapped_column(Uuid, primary_key=True, default=new_uuid)
    dossier_id: Mapped[uuid.UUID] = mapped_column(Uuid, ForeignKey("duo_dossier.id"), index=True)
    inburgeraar_url: Mapped[str] = mapped_column(String(300), index=True)
    gemeentecode: Mapped[str] = mapped_column(String(6), index=True)
    onderdeel: Mapped[str] = mapped_column(String(3))
    examendatum: Mapped[date] = mapped_column(Date)
    resultaat: Mapped[str] = mapped_column(String(20))
    aangemaakt: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
