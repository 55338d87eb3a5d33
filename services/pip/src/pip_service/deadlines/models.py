from inburgering_shared.deadlines import DeadlineColumns

from ..db import Base


class Deadline(DeadlineColumns, Base):
    """The PIP deadline (R2), one per PIP; `subject_id` is the PIP."""

    __tablename__ = "deadline"
