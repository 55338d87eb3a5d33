from datetime import date

from inburgering_shared.deadlines import DeadlineColumns
from sqlalchemy import Date, Text
from sqlalchemy.orm import Mapped, mapped_column

from ..db import Base


class Deadline(DeadlineColumns, Base):
    """The PIP deadline (R2), one per PIP; `subject_id` is the PIP."""

    __tablename__ = "deadline"

    oorspronkelijke_vervaldatum: Mapped[date | None] = mapped_column(Date)
    informatie_ontvangen: Mapped[date | None] = mapped_column(Date)
    verlenging_reden: Mapped[str | None] = mapped_column(Text)
    afgehandeld_op: Mapped[date | None] = mapped_column(Date)
