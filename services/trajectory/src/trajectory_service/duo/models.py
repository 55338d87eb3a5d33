"""What the gemeente holds of DUO: one dossier per person (BSN) and gemeente, every notification DUO
sent, every write still to be sent to DUO. Together they are the sync state per dossier."""

import uuid
from datetime import date, datetime
from typing import Any

from inburgering_shared.db import JsonDocument, UTCDateTime, Uuid, new_uuid, utcnow
from sqlalchemy import BigInteger, Date, ForeignKey, Index, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from ..db import Base


class DuoDossier(Base):
    """DUO's facts about one person, as last read (DUO is the source of plicht, termijn and exams)."""

    __tablename__ = "duo_dossier"
    __table_args__ = (UniqueConstraint("gemeentecode", "bsn"),)

    id: Mapped[uuid.UUID] = mapped_column(Uuid, primary_key=True, default=new_uuid)
    gemeentecode: Mapped[str] = mapped_column(String(6), index=True)
    bsn: Mapped[str] = mapped_column(String(9))
    v_nummer: Mapped[int | None] = mapped_column(BigInteger, index=True)
    """DUO's vNummer of the person, from a notification that carried it with the BSN."""
    inburgeraar_url: Mapped[str | None] = mapped_column(String(300), index=True)
    pip_klok_start: Mapped[date | None] = mapped_column(Date)
    inburgeringsplicht: Mapped[dict[str, Any] | None] = mapped_column(JsonDocument)
    doelgroep: Mapped[dict[str, Any] | None] = mapped_column(JsonDocument)
    inburgeringstermijn: Mapped[dict[str, Any] | None] = mapped_column(JsonDocument)
    examenresultaten: Mapped[list[Any] | None] = mapped_column(JsonDocument)
    leerbaarheidstoets: Mapped[list[Any] | None] = mapped_column(JsonDocument)
    vrijstellingen: Mapped[list[Any] | None] = mapped_column(JsonDocument)
    ontheffingen: Mapped[list[Any] | None] = mapped_column(JsonDocument)
    examennummer: Mapped[dict[str, Any] | None] = mapped_column(JsonDocument)
    gratis_pogingen: Mapped[list[Any] | None] = mapped_column(JsonDocument)
    inburgeringsaanbod: Mapped[dict[str, Any] | None] = mapped_column(JsonDocument)
    """The aanbod DUO holds from this gemeente (its instellingsnummer and the PIP version it came from)."""
    contactpersoon_id: Mapped[int | None] = mapped_column(Integer)
    """DUO's id of the contactpersoon linked to the person (the klantmanager the PIP names)."""
    laatst_gelezen: Mapped[datetime | None] = mapped_column(UTCDateTime)
    aangemaakt: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    gewijzigd: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow, onupdate=utcnow)


class DuoNotificatie(Base):
    """A Notificatie DUO posted (stored before it is acknowledged); processed by the sync."""

    __tablename__ = "duo_notificatie"
    __table_args__ = (Index("ix_duo_notificatie_due", "status", "volgende_poging"),)

    id: Mapped[uuid.UUID] = mapped_column(Uuid, primary_key=True, default=new_uuid)
    bericht_id: Mapped[uuid.UUID] = mapped_column(Uuid, unique=True)
    dossier_id: Mapped[uuid.UUID | None] = mapped_column(Uuid, ForeignKey("duo_dossier.id"), index=True)
    """None while DUO named only a vNummer no dossier carries yet."""
    gemeentecode: Mapped[str | None] = mapped_column(String(6), index=True)
    """The gemeente DUO addressed (`doel`)."""
    gebeurtenis_id: Mapped[str] = mapped_column(String(6))
    registratie_datum_tijd: Mapped[datetime] = mapped_column(UTCDateTime)
    v_nummer: Mapped[int | None] = mapped_column(BigInteger)
    ontvangen: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    status: Mapped[str] = mapped_column(String(12))
    pogingen: Mapped[int] = mapped_column(Integer, default=0)
    volgende_poging: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    verwerkt: Mapped[datetime | None] = mapped_column(UTCDateTime)
    resultaat: Mapped[str | None] = mapped_column(Text)


class DuoOpdracht(Base):
    """A write to DUO the gemeente owes (MAP/PVT/Z-route date), sent by the sync with retries.

    Keyed by the inburgeraar: the BSN comes from the DUO dossier once DUO has notified about the person."""

    __tablename__ = "duo_opdracht"
    __table_args__ = (Index("ix_duo_opdracht_due", "status", "volgende_poging"),)

    id: Mapped[uuid.UUID] = mapped_column(Uuid, primary_key=True, default=new_uuid)
    inburgeraar_url: Mapped[str] = mapped_column(String(300), index=True)
    gemeentecode: Mapped[str] = mapped_column(String(6))
    soort: Mapped[str] = mapped_column(String(20))
    bericht_id: Mapped[uuid.UUID | None] = mapped_column(Uuid, default=new_uuid)
    """The berichtId of this write: the same on every repeated delivery (DUO deduplicates on it)."""
    inhoud: Mapped[dict[str, Any]] = mapped_column(JsonDocument)
    aangemaakt: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    status: Mapped[str] = mapped_column(String(12))
    pogingen: Mapped[int] = mapped_column(Integer, default=0)
    volgende_poging: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    verzonden: Mapped[datetime | None] = mapped_column(UTCDateTime)
    resultaat: Mapped[str | None] = mapped_column(Text)


class DuoContactpersoon(Base):
    """A klantmanager registered at DUO as the gemeente's contactpersoon (Contactpersoon API), one per
    e-mail address; removed at DUO once no person is linked to them any more."""

    __tablename__ = "duo_contactpersoon"
    __table_args__ = (UniqueConstraint("gemeentecode", "email"), UniqueConstraint("gemeentecode", "duo_id"))

    id: Mapped[uuid.UUID] = mapped_column(Uuid, primary_key=True, default=new_uuid)
    gemeentecode: Mapped[str] = mapped_column(String(6))
    duo_id: Mapped[int] = mapped_column(Integer)
    """DUO's id of the contactpersoon (1..99999)."""
    email: Mapped[str] = mapped_column(String(241))
    naam: Mapped[str] = mapped_column(String(100))
    telefoonnummer: Mapped[str] = mapped_column(String(22))
