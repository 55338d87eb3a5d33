from sqlalchemy import ForeignKey, Integer, String
from sqlalchemy.orm import Mapped, mapped_column, relationship

from ..db import Base


class Regio(Base):
    """Gemeenten that work together (purchase together, share a regisseur) and are reported on jointly."""

    __tablename__ = "regio"

    code: Mapped[str] = mapped_column(String(40), primary_key=True)
    naam: Mapped[str] = mapped_column(String(200))
    leden: Mapped[list["RegioGemeente"]] = relationship(
        cascade="all, delete-orphan", order_by="RegioGemeente.gemeentecode", lazy="selectin"
    )
    rijversie: Mapped[int] = mapped_column(Integer)

    __mapper_args__ = {"version_id_col": rijversie}


class RegioGemeente(Base):
    __tablename__ = "regio_gemeente"

    regio_code: Mapped[str] = mapped_column(ForeignKey("regio.code", ondelete="CASCADE"), primary_key=True)
    gemeentecode: Mapped[str] = mapped_column(String(6), primary_key=True)
