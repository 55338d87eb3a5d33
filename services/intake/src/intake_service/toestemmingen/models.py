import uuid
from datetime import date, datetime

from inburgering_shared.db import UTCDateTime, Uuid, new_uuid, utcnow
from sqlalchemy import Date, ForeignKey, String
from sqlalchemy.orm import Mapped, mapped_column

from ..db import Base


class Toestemming(Base):
    """A consent per data category and purpose; withdrawn, it is kept with its withdrawal date."""

    __tablename__ = "toestemming"

    id: Mapped[uuid.UUID] = mapped_column(Uuid, primary_key=True, default=new_uuid)
    inburgeraar_id: Mapped[uuid.UUID] = mapped_column(Uuid, ForeignKey("inburgeraar.id"), index=True)
    gemeentecode: Mapped[str] = mapped_column(String(6))
    categorie: Mapped[str] = mapped_column(String(40))
    doel: Mapped[str] = mapped_column(String(60))
    datum: Mapped[date] = mapped_column(Date)
    bron: Mapped[str] = mapped_column(String(40))
    ingetrokken_op: Mapped[date | None] = mapped_column(Date)
    aangemaakt: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
