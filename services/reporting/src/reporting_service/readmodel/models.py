"""Read models: reporting's own copy of the facts it reports on, built from the owners' events.

One row per inburgeraar (`dossier`) with the stage facts denormalised onto it,
so a quarter of a million dossiers streams in one indexed scan; handhaving,
voortgang and examens are many per person and have their own tables. A fact
the owning service does not serve yet stays empty: nothing is guessed.
"""

from datetime import date, datetime

from inburgering_shared.db import UTCDateTime, utcnow
from sqlalchemy import Date, Index, Integer, String
from sqlalchemy.orm import Mapped, mapped_column

from ..db import Base


class Dossier(Base):
    """One row per inburgeraar, from the events of intake, pip and trajectory."""

    __tablename__ = "dossier"
    __table_args__ = (
        Index("ix_dossier_gemeente_leerroute", "gemeentecode", "leerroute"),
        Index("ix_dossier_gemeente_url", "gemeentecode", "inburgeraar_url"),
    )

    inburgeraar_url: Mapped[str] = mapped_column(String(300), primary_key=True)
    gemeentecode: Mapped[str] = mapped_column(String(6))
    doelgroep: Mapped[str | None] = mapped_column(String(60))
    # intake
    datum_koppeling: Mapped[date | None] = mapped_column(Date)
    datum_kennisgeving: Mapped[date | None] = mapped_column(Date)
    datum_inschrijving_brp: Mapped[date | None] = mapped_column(Date)
    brede_intake_afgerond: Mapped[date | None] = mapped_column(Date)
    # pip
    leerroute: Mapped[str | None] = mapped_column(String(20))
    pip_dagtekening: Mapped[date | None] = mapped_column(Date)
    pip_deadline: Mapped[date | None] = mapped_column(Date)
    wet: Mapped[str | None] = mapped_column(String(30))
    eindreden: Mapped[str | None] = mapped_column(String(20))
    einddatum: Mapped[date | None] = mapped_column(Date)
    # trajectory
    termijn_start: Mapped[date | None] = mapped_column(Date)
    termijn_einde: Mapped[date | None] = mapped_column(Date)
    termijn_verlengd_tot: Mapped[date | None] = mapped_column(Date)
    map_deadline: Mapped[date | None] = mapped_column(Date)
    taalaanbieder: Mapped[str | None] = mapped_column(String(60))
    leerroute_gestart: Mapped[date | None] = mapped_column(Date)
    leerroute_afgerond: Mapped[date | None] = mapped_column(Date)
    knm_gestart: Mapped[date | None] = mapped_column(Date)
    knm_afgerond: Mapped[date | None] = mapped_column(Date)
    map_gestart: Mapped[date | None] = mapped_column(Date)
    map_afgerond: Mapped[date | None] = mapped_column(Date)
    pvt_gestart: Mapped[date | None] = mapped_column(Date)
    pvt_afgerond: Mapped[date | None] = mapped_column(Date)
    ontzorgen_gestart: Mapped[date | None] = mapped_column(Date)
    ontzorgen_afgerond: Mapped[date | None] = mapped_column(Date)
    begeleiding_gestart: Mapped[date | None] = mapped_column(Date)
    begeleiding_afgerond: Mapped[date | None] = mapped_column(Date)
    plicht_voldaan: Mapped[date | None] = mapped_column(Date)
    uitstroom: Mapped[str | None] = mapped_column(String(20))
    uitstroom_op: Mapped[date | None] = mapped_column(Date)
    bijgewerkt: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow, onupdate=utcnow)


class Handhaving(Base):
    """A handhaving decision of the gemeente (R15), one row per decision."""

    __tablename__ = "handhaving"
    __table_args__ = (Index("ix_handhaving_gemeente_datum", "gemeentecode", "besluitdatum"),)

    url: Mapped[str] = mapped_column(String(300), primary_key=True)
    inburgeraar_url: Mapped[str] = mapped_column(String(300))
    gemeentecode: Mapped[str] = mapped_column(String(6))
    soort: Mapped[str] = mapped_column(String(20))
    besluitdatum: Mapped[date] = mapped_column(Date)
    bedrag: Mapped[int | None] = mapped_column(Integer)


class Voortgang(Base):
    """A taalaanbieder's latest cumulative report on one inburgeraar."""

    __tablename__ = "voortgang"
    __table_args__ = (Index("ix_voortgang_gemeente_aanbieder", "gemeentecode", "taalaanbieder"),)

    inburgeraar_url: Mapped[str] = mapped_column(String(300), primary_key=True)
    taalaanbieder: Mapped[str] = mapped_column(String(60), primary_key=True)
    gemeentecode: Mapped[str] = mapped_column(String(6))
    peildatum: Mapped[date] = mapped_column(Date)
    uren_gepland: Mapped[int] = mapped_column(Integer)
    uren_aanwezig: Mapped[int] = mapped_column(Integer)
    niveau_behaald: Mapped[str | None] = mapped_column(String(10))


class Examen(Base):
    """An exam result as DUO reported it, one row per result."""

    __tablename__ = "examen"
    __table_args__ = (Index("ix_examen_gemeente_aanbieder", "gemeentecode", "taalaanbieder"),)

    url: Mapped[str] = mapped_column(String(300), primary_key=True)
    inburgeraar_url: Mapped[str] = mapped_column(String(300))
    gemeentecode: Mapped[str] = mapped_column(String(6))
    onderdeel: Mapped[str] = mapped_column(String(40))
    examendatum: Mapped[date] = mapped_column(Date)
    resultaat: Mapped[str] = mapped_column(String(20))
    taalaanbieder: Mapped[str | None] = mapped_column(String(60))


class Verhuizing(Base):
    """A move of the dossier to another gemeente (DUO SS120/SS121), as intake's dossier serves it: which
    gemeente was responsible when (`inburgering_shared.verhuizing.gemeente_op`)."""

    __tablename__ = "verhuizing"
    __table_args__ = (
        Index("ix_verhuizing_van", "van_gemeente"),
        Index("ix_verhuizing_naar", "naar_gemeente"),
    )

    inburgeraar_url: Mapped[str] = mapped_column(String(300), primary_key=True)
    datum_vestiging: Mapped[date] = mapped_column(Date, primary_key=True)
    naar_gemeente: Mapped[str] = mapped_column(String(6), primary_key=True)
    van_gemeente: Mapped[str] = mapped_column(String(6))
    gebeurtenis: Mapped[str] = mapped_column(String(8))
