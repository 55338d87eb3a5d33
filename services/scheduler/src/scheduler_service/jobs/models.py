import uuid
from datetime import datetime

from inburgering_shared.db import UTCDateTime, Uuid, new_uuid
from sqlalchemy import Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from ..db import Base


class JobRun(Base):
    """One run of a scheduled job: when, how it ended, how many items it handled."""

    __tablename__ = "job_run"

    id: Mapped[uuid.UUID] = mapped_column(Uuid, primary_key=True, default=new_uuid)
    job: Mapped[str] = mapped_column(String(60), index=True)
    gestart: Mapped[datetime] = mapped_column(UTCDateTime)
    beeindigd: Mapped[datetime | None] = mapped_column(UTCDateTime)
    uitkomst: Mapped[str] = mapped_column(String(12))
    items: Mapped[int] = mapped_column(Integer, default=0)
    fout: Mapped[str | None] = mapped_column(Text)


class LeaderLease(Base):
    """Who leads the scheduler replicas: the holder renews the lease; a lapsed lease can be taken."""

    __tablename__ = "leader_lease"

    naam: Mapped[str] = mapped_column(String(40), primary_key=True)
    houder: Mapped[str] = mapped_column(String(100))
    verloopt: Mapped[datetime] = mapped_column(UTCDateTime)
