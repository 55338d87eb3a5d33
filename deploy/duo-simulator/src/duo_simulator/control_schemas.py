"""Shapes of the simulator's control API (/simulator/...). Not part of DUO's contract."""

from datetime import date, datetime
from typing import Any, Literal

from inburgering_shared.duo.gebeurtenissen import Gebeurtenis
from pydantic import AnyHttpUrl, BaseModel, Field

from duo_simulator.schemas import (
    PIP,
    Doelgroep,
    Doelgroephistorie,
    DuoModel,
    Examenresultaat,
    Gemeentecode,
    GratisPogingTegoed,
    Inburgeringsplicht,
    Inburgeringsplichthistorie,
    Inburgeringstermijn,
    Inburgeringstermijnhistorie,
    Instelling,
    LeerbaarheidstoetsResultaat,
    Oin,
    Ontheffing,
    Verlengingsgrond,
    Vrijstelling,
)


class EerderePip(DuoModel):
    """A PIP that DUO already holds, registered by the gemeente with this OIN and code."""

    gemeenteOin: Oin
    gemeentecode: Gemeentecode
    pip: PIP


class PersoonFeiten(DuoModel):
    """What DUO knows about a person, as seeded by a test."""

    gemeenteOin: Oin
    gemeentecode: Gemeentecode
    vestigingsdatum: date | None = None
    inburgeringsplicht: Inburgeringsplicht
    inburgeringsplichtHistorie: list[Inburgeringsplichthistorie] = []
    doelgroep: Doelgroep | None = None
    doelgroepHistorie: list[Doelgroephistorie] = []
    inburgeringstermijn: Inburgeringstermijn | None = None
    inburgeringstermijnHistorie: list[Inburgeringstermijnhistorie] = []
    examennummer: str | None = Field(default=None, max_length=12)
    leerbaarheidstoetsResultaten: list[LeerbaarheidstoetsResultaat] = []
    vrijstellingen: list[Vrijstelling] = []
    ontheffingen: list[Ontheffing] = []
    examenresultaten: list[Examenresultaat] = []
    gratisPogingen: list[GratisPogingTegoed] = []
    eerderePips: list[EerderePip] = []


class Referentiedata(DuoModel):
    verlengingsgronden: list[Verlengingsgrond] = []
    instellingen: list[Instelling] = []


class StoringInstelling(DuoModel):
    """Answer 503 to the next `aantal` DUO requests, or to all of them when `aantal` is absent."""

    aantal: int | None = Field(default=None, ge=1)


class VastAntwoord(DuoModel):
    """Answer `methode` on `pad` (DUO's path with the base path, e.g. /v1/personen/999990019/doelgroep)
    with this status and JSON body, whatever DUO's rules or contract say, until it is removed."""

    methode: Literal["GET", "POST", "PUT", "DELETE"]
    pad: str = Field(pattern=r"^/v1/")
    status: int = Field(default=200, ge=200, le=599)
    body: Any = None


class VasteDatum(DuoModel):
    datum: date


class NotificatieOpdracht(DuoModel):
    """Let DUO notify a gemeente; `doel` defaults to the OIN of the person's gemeente."""

    bsn: str = Field(pattern=r"^\d{9}$")
    doel: Oin | None = None
    vNummer: int | None = Field(default=None, ge=0, le=9999999999)
    gebeurtenisId: Gebeurtenis
    callbackUrl: AnyHttpUrl


class NotificatieVerslag(BaseModel):
    callbackUrl: str
    berichtId: str
    verzonden: dict
    status: int | None
    fout: str | None = None
    tijdstip: datetime
