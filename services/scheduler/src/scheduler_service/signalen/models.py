import uuid
from datetime import date, datetime

from inburgering_shared.db import UTCDateTime, Uuid, new_uuid, utcnow
from sqlalchemy import Date, Index, Integer, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from ..db import Base


class Signaal(Base):
    """A signal raised from a deadline; one per deadline and kind, however often the scan runs.

    Lifecycle: open -> erkend (acknowledged, stops escalating) -> opgelost; each
    step records who and when. `niveau` is who it is for (klantmanager,
    teamleider, regisseur); `geopend_op` is the Amsterdam date it was raised,
    from which escalation counts.
    """

    __tablename__ = "signaal"
    __table_args__ = (
        UniqueConstraint("deadline_url", "soort"),
        Index("ix_signaal_gemeente_status", "gemeentecode", "status", "vervaldatum"),
        Index("ix_signaal_gemeente_klantmanager", "gemeentecode", "klantmanager", "status"),
        Index("ix_signaal_gemeente_team", "gemeentecode", "team", "status"),
        Index("ix_signaal_inburgeraar", "inburgeraar_url"),
    )

    id: Mapped[uuid.UUID] = mapped_column(Uuid, primary_key=True, default=new_uuid)
    soort: Mapped[str] = mapped_column(String(60))
    deadline_url: Mapped[str] = mapped_column(String(300))
    deadline_soort: Mapped[str] = mapped_column(String(40))
    inburgeraar_url: Mapped[str | None] = mapped_column(String(300))
    gemeentecode: Mapped[str] = mapped_column(String(6))
    vervaldatum: Mapped[date] = mapped_column(Date)
    status: Mapped[str] = mapped_column(String(12))
    aangemaakt: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    geopend_op: Mapped[date] = mapped_column(Date)
    klantmanager: Mapped[str | None] = mapped_column(String(100))
    team: Mapped[str | None] = mapped_column(String(100))
    niveau: Mapped[str] = mapped_column(String(20))
    geescaleerd: Mapped[datetime | None] = mapped_column(UTCDateTime)
    erkend_door: Mapped[str | None] = mapped_column(String(200))
    erkend: Mapped[datetime | None] = mapped_column(UTCDateTime)
    opgelost_door: Mapped[str | None] = mapped_column(String(200))
    opgelost: Mapped[datetime | None] = mapped_column(UTCDateTime)
    oplossing: Mapped[str | None] = mapped_column(String(40))
    versie: Mapped[int] = mapped_column(Integer)

    __mapper_args__ = {"version_id_col": versie}


class ScanStand(Base):
    """How far the deadline scan got per source: the day it last completed, when that run began, and under
    which horizons (a change of horizons makes the next run read the whole horizon again)."""

    __tablename__ = "scan_stand"

    bron: Mapped[str] = mapped_column(String(300), primary_key=True)
    vandaag: Mapped[date] = mapped_column(Date)
    gestart: Mapped[datetime] = mapped_column(UTCDateTime)
    handtekening: Mapped[str] = mapped_column(String(64))
