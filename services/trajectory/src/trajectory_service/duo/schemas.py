from datetime import datetime
from enum import StrEnum
from typing import Any

from inburgering_shared.contracts.resources import DuoDossierContract
from pydantic import BaseModel


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
    geparkeerd: int
    """Notifications and writes that kept failing for this dossier: a person resolves the cause,
    then POST /duo-sync retries them."""
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


class DuoDossierRead(DuoDossierContract):
    """What DUO knows of the person (DUO is the source of plicht, termijn and exams) and the sync state."""

    inburgeringsplicht: dict[str, Any] | None
    doelgroep: dict[str, Any] | None
    inburgeringstermijn: dict[str, Any] | None
    examenresultaten: list[Any] | None
    leerbaarheidstoets: list[Any] | None
    vrijstellingen: list[Any] | None
    ontheffingen: list[Any] | None
    examennummer: dict[str, Any] | None
    """DUO's examennummer of the leerbaarheidstoets (read after SS137)."""
    gratisPogingen: list[Any] | None
    """Free exam attempts left per onderdeel (read with the exam results after SS199)."""
    sync: SyncStaat
    notificaties: list[DuoNotificatieRead]
    opdrachten: list[DuoOpdrachtRead]


class HistorieRead(BaseModel):
    """DUO's history of one value, read from DUO when asked: why the value changed."""

    gegeven: str
    huidig: dict[str, Any] | None
    """The value as last read from DUO."""
    historie: list[dict[str, Any]]
    """Every earlier state as DUO gives it (the termijn's with DUO's verlengingsgrond of each extension)."""
    bron: str
    """DUO's operation the history came from."""
