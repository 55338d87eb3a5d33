import uuid
from datetime import date

from inburgering_shared.db import new_uuid
from sqlalchemy import Date, Index, Integer, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from ..db import Base


class SpukBudget(Base):
    """The SPUK grant a gemeente has for inburgering in a year (entered by the gemeente)."""

    __tablename__ = "spuk_budget"

    gemeentecode: Mapped[str] = mapped_column(String(6), primary_key=True)
    jaar: Mapped[int] = mapped_column(Integer, primary_key=True)
    bedrag: Mapped[int] = mapped_column(Integer)
    rijversie: Mapped[int] = mapped_column(Integer)

    __mapper_args__ = {"version_id_col": rijversie}


class AanbiederContract(Base):
    """Price per trajectory agreed with a taalaanbieder for a leerroute in a year."""

    __tablename__ = "aanbieder_contract"

    gemeentecode: Mapped[str] = mapped_column(String(6), primary_key=True)
    jaar: Mapped[int] = mapped_column(Integer, primary_key=True)
    taalaanbieder: Mapped[str] = mapped_column(String(60), primary_key=True)
    leerroute: Mapped[str] = mapped_column(String(20), primary_key=True)
    prijs: Mapped[int] = mapped_column(Integer)
    rijversie: Mapped[int] = mapped_column(Integer)

    __mapper_args__ = {"version_id_col": rijversie}


class Uitgave(Base):
    """An amount paid (an invoice) out of the inburgering budget."""

    __tablename__ = "uitgave"
    __table_args__ = (
        Index("ix_uitgave_gemeente_datum", "gemeentecode", "datum"),
        UniqueConstraint("gemeentecode", "kenmerk"),
    )

    id: Mapped[uuid.UUID] = mapped_column(primary_key=True, default=new_uuid)
    gemeentecode: Mapped[str] = mapped_column(String(6))
    datum: Mapped[date] = mapped_column(Date)
    bedrag: Mapped[int] = mapped_column(Integer)
    taalaanbieder: Mapped[str | None] = mapped_column(String(60))
    kenmerk: Mapped[str] = mapped_column(String(100))  # the invoice's reference, unique per gemeente
