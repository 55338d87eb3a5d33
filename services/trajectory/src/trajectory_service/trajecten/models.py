import uuid
from datetime import date, datetime
from typing import Any

from inburgering_shared.db import JsonDocument, UTCDateTime, Uuid, new_uuid, utcnow
from sqlalchemy import Date, Integer, String
from sqlalchemy.orm import Mapped, mapped_column

from ..db import Base


class Traject(Base):
    """One trajectory per inburgeraar, opened when the first PIP is vastgesteld."""

    __tablename__ = "traject"

    id: Mapped[uuid.UUID] = mapped_column(Uuid, primary_key=True, default=new_uuid)
    inburgeraar_url: Mapped[str] = mapped_column(String(300), unique=True)
    pip_url: Mapped[str] = mapped_column(String(300))
    gemeentecode: Mapped[str] = mapped_column(String(6), index=True)
    leerroute: Mapped[str] = mapped_column(String(20))
    doelgroep: Mapped[str | None] = mapped_column(String(60))
    """From the PIP (pip follows DUO's doelgroep); the Z-route hour norm (R10) depends on it."""
    dagtekening_eerste_pip: Mapped[date] = mapped_column(Date)
    termijn_start: Mapped[date] = mapped_column(Date)
    termijn_einde: Mapped[date] = mapped_column(Date)
    map_deadline: Mapped[date | None] = mapped_column(Date)
    pip_versie: Mapped[int] = mapped_column(Integer, default=1, server_default="1")
    pip_status: Mapped[str] = mapped_column(String(20), default="vastgesteld", server_default="vastgesteld")
    """`ingetrokken` once pip withdrew the PIP (intrekking): it is no longer the PIP in force."""
    taalaanbieder: Mapped[str | None] = mapped_column(String(100), index=True)
    """Client id of the taalaanbieder serving this trajectory (partner role TAALAANBIEDER)."""
    uitstroom: Mapped[str | None] = mapped_column(String(20))
    """Where the inburgeraar went on to (werk, onderwijs, anders), as the klantmanager recorded it."""
    uitstroom_op: Mapped[date | None] = mapped_column(Date)
    einde_reden: Mapped[str | None] = mapped_column(String(20))
    """Why the trajectory ended (plicht.rules.Eindreden); its open deadlines closed with it."""
    einde_op: Mapped[date | None] = mapped_column(Date)
    bijstandsperioden: Mapped[list[dict[str, Any]]] = mapped_column(JsonDocument, default=list)
    """Bijstand periods as the klantmanager or the Participatiewet feed recorded them ({start, einde})."""
    bijstand_bron: Mapped[str | None] = mapped_column(String(20))
    aangemaakt: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    gewijzigd: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow, onupdate=utcnow)
    rijversie: Mapped[int] = mapped_column(Integer)

    __mapper_args__ = {"version_id_col": rijversie}
