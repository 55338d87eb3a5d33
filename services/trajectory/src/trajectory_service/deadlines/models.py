from inburgering_shared.deadlines import DeadlineColumns

from ..db import Base


class Deadline(DeadlineColumns, Base):
    """Termijnen of a trajectory (R4, R11); `subject_id` is the trajectory."""

    __tablename__ = "deadline"
