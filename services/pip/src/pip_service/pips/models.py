import uuid
from datetime import date, datetime
from typing import Any

from inburgering_shared.db import JsonDocument, UTCDateTime, Uuid, new_uuid, utcnow
from sqlalchemy import Boolean, Date, ForeignKey, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from ..db import Base


class Pip(Base):
    """The PIP of one inburgeraar: concept until vastgesteld as a beschikking."""

    __tablename__ = "pip"

    id: Mapped[uuid.UUID] = mapped_column(Uuid, primary_key=True, default=new_uuid)
    inburgeraar_url: Mapped[str] = mapped_column(String(300), unique=True)
    gemeentecode: Mapped[str] = mapped_column(String(6), index=True)
    doelgroep: Mapped[str] = mapped_column(String(60))
    datum_kennisgeving: Mapped[date | None] = mapped_column(Date)
    datum_inschrijving_brp: Mapped[date | None] = mapped_column(Date)
    pip_klok_duo: Mapped[date | None] = mapped_column(Date)
    """DUO's SS139: the day the 10 weeks started for an asielstatushouder (from trajectory's DUO dossier)."""
    wet: Mapped[str | None] = mapped_column(String(30))
    """The law of the plicht from trajectory's DUO dossier; 'Wet inburgering 2013': no PIP (art. 54)."""
    eindreden: Mapped[str | None] = mapped_column(String(20))
    """How the plicht ended according to DUO (gehele-ontheffing, vrijstelling, plicht-voldaan, ...)."""
    einddatum: Mapped[date | None] = mapped_column(Date)
    eindregel: Mapped[str | None] = mapped_column(String(200))
    lesuren: Mapped[dict[str, Any] | None] = mapped_column(JsonDocument)
    """Language lesson hours per taalaanbieder, from trajectory's cumulative reports (afschalen, art. 5.5)."""
    afschaalgrond: Mapped[str | None] = mapped_column(Text)
    """Why the PIP was afgeschaald to A2 on the B1-route: hours, effort and source; the letter names it."""
    status: Mapped[str] = mapped_column(String(12))
    leerroute: Mapped[str | None] = mapped_column(String(20))
    niveau: Mapped[str | None] = mapped_column(String(2))
    dagtekening: Mapped[date | None] = mapped_column(Date)
    vastgesteld_door: Mapped[str | None] = mapped_column(String(100))
    versie: Mapped[int] = mapped_column(Integer, default=1)
    dagtekening_eerste_pip: Mapped[date | None] = mapped_column(Date)
    brede_intake_url: Mapped[str | None] = mapped_column(String(300))
    advies: Mapped[dict[str, Any] | None] = mapped_column(JsonDocument)
    motivering: Mapped[str | None] = mapped_column(Text)
    inhoud: Mapped[dict[str, Any]] = mapped_column(JsonDocument, default=dict)
    routewijzigingen: Mapped[int] = mapped_column(Integer, default=0)
    ingetrokken_op: Mapped[date | None] = mapped_column(Date)
    """The dagtekening of the intrekking, a besluit of its own (Awb art. 1:3); None while in force."""
    intrekkingsgrond: Mapped[str | None] = mapped_column(String(30))
    intrekking_toelichting: Mapped[str | None] = mapped_column(Text)
    ingetrokken_door: Mapped[str | None] = mapped_column(String(100))
    aangemaakt: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    gewijzigd: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow, onupdate=utcnow)
    rijversie: Mapped[int] = mapped_column(Integer)

    __mapper_args__ = {"version_id_col": rijversie}


class PipVersie(Base):
    """One vastgesteld version of a PIP, kept for ever: its content, reason and diff to the previous."""

    __tablename__ = "pip_versie"
    __table_args__ = (UniqueConstraint("pip_id", "versie"),)

    id: Mapped[uuid.UUID] = mapped_column(Uuid, primary_key=True, default=new_uuid)
    pip_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("pip.id"), index=True)
    versie: Mapped[int] = mapped_column(Integer)
    reden: Mapped[str] = mapped_column(Text)
    inhoud: Mapped[dict[str, Any]] = mapped_column(JsonDocument)
    verschil: Mapped[list[dict[str, Any]]] = mapped_column(JsonDocument)
    vastgesteld_door: Mapped[str] = mapped_column(String(100))
    aangemaakt: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)


class Bezwaar(Base):
    """A bezwaar against a PIP version and its outcome."""

    __tablename__ = "bezwaar"

    id: Mapped[uuid.UUID] = mapped_column(Uuid, primary_key=True, default=new_uuid)
    pip_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("pip.id"), index=True)
    versie: Mapped[int] = mapped_column(Integer)
    ontvangen: Mapped[date] = mapped_column(Date)
    gronden: Mapped[str] = mapped_column(Text)
    uitkomst: Mapped[str | None] = mapped_column(String(30))
    besloten: Mapped[date | None] = mapped_column(Date)
    toelichting: Mapped[str | None] = mapped_column(Text)
    tijdig: Mapped[bool] = mapped_column(Boolean)
    aangemaakt: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
