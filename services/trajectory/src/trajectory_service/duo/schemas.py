import uuid
from datetime import date, datetime
from enum import StrEnum
from typing import Any

from pydantic import BaseModel, Field


class SyncStatus(StrEnum):
    BIJGEWERKT = "bijgewerkt"
    BEZIG = "bezig"
    STORING = "storing"
    FOUT = "fout"


class SyncStaat(BaseModel):
    """Where the exchange with DUO stands for this dossier."""

    status: SyncStatus
    openNotificaties: int
    openOpdrachten: int
    geweigerdeOpdrachten: int
    laatsteFout: str | None
    volgendePoging: datetime | None
    laatstGelezen: datetime | None


class SyncHerstart(BaseModel):
    heropendeNotificaties: int
    heropendeOpdrachten: int


class DuoNotificatieRead(BaseModel):
    gebeurtenisId: str
    omschrijving: str | None
    registratieDatumTijd: datetime
    ontvangen: datetime
    status: str
    pogingen: int
    resultaat: str | None


class DuoOpdrachtRead(BaseModel):
    soort: str
    inhoud: dict[str, Any]
    status: str
    pogingen: int
    aangemaakt: datetime
    verzonden: datetime | None
    resultaat: str | None


class DuoDossierRead(BaseModel):
    """What DUO knows of the person (DUO is the source of plicht, termijn and exams) and the sync state."""

    url: str
    uuid: uuid.UUID
    gemeentecode: str
    inburgeraar: str | None
    pipKlokStart: date | None = Field(
        description="Start van de 10 weken voor het PIP volgens DUO (SS139, R2)"
    )
    inburgeringsplicht: dict[str, Any] | None
    doelgroep: dict[str, Any] | None
    inburgeringstermijn: dict[str, Any] | None
    examenresultaten: list[Any] | None
    leerbaarheidstoets: list[Any] | None
    vrijstellingen: list[Any] | None
    ontheffingen: list[Any] | None
    sync: SyncStaat
    notificaties: list[DuoNotificatieRead]
    opdrachten: list[DuoOpdrachtRead]
