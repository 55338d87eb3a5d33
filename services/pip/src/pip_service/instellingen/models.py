from datetime import datetime
from typing import Any

from inburgering_shared.db import JsonDocument, UTCDateTime, utcnow
from sqlalchemy import Integer, String
from sqlalchemy.orm import Mapped, mapped_column

from ..db import Base


class GemeenteInstelling(Base):
    """Per-gemeente choices the law leaves open; a gemeente without a row uses the defaults."""

    __tablename__ = "gemeente_instelling"

    gemeentecode: Mapped[str] = mapped_column(String(6), primary_key=True)
    onderwijsroute_max_leeftijd: Mapped[int] = mapped_column(Integer)
    max_routewijzigingen: Mapped[int] = mapped_column(Integer)
    briefhoofd: Mapped[dict[str, Any] | None] = mapped_column(JsonDocument)
    """The gemeente as its beschikkingen state it (schemas.Briefhoofd)."""
    gewijzigd: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow, onupdate=utcnow)
    rijversie: Mapped[int] = mapped_column(Integer)

    __mapper_args__ = {"version_id_col": rijversie}
