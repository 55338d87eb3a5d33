from typing import Any

from inburgering_shared.db import JsonDocument
from sqlalchemy import Integer, String
from sqlalchemy.orm import Mapped, mapped_column

from ..db import Base


class GemeenteInstelling(Base):
    """A gemeente's signal settings: warning horizons per deadline kind, escalation delays, teams."""

    __tablename__ = "gemeente_instelling"

    gemeentecode: Mapped[str] = mapped_column(String(6), primary_key=True)
    horizonnen: Mapped[dict[str, Any]] = mapped_column(JsonDocument)
    teamleider_na_dagen: Mapped[int] = mapped_column(Integer)
    regisseur_na_dagen: Mapped[int] = mapped_column(Integer)
    teams: Mapped[dict[str, Any]] = mapped_column(JsonDocument)
    versie: Mapped[int] = mapped_column(Integer)

    __mapper_args__ = {"version_id_col": versie}
