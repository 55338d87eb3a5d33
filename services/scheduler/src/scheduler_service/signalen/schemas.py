import uuid
from datetime import date, datetime
from enum import StrEnum
from typing import Annotated

from pydantic import BaseModel, Field

from .rules import Niveau


class SignaalStatus(StrEnum):
    OPEN = "open"
    ERKEND = "erkend"
    OPGELOST = "opgelost"


class Stap(BaseModel):
    """Who took a step in the signal's lifecycle, and when ('scheduler' when no person did)."""

    door: str
    op: datetime


class Oplossing(Stap):
    reden: str = Field(
        description="deadline-gehaald, deadline-vervallen, termijn-verschoven, verstreken, handmatig"
    )


class SignaalRead(BaseModel):
    url: str
    uuid: uuid.UUID
    soort: str = Field(
        description="'<soort termijn>-nadert' of '<soort termijn>-verstreken', of 'cbs-levering-nadert'"
    )
    deadline: str = Field(
        description="URL van de termijn bij de dienst die hem bewaakt (of een urn voor CBS)"
    )
    deadlineSoort: str
    inburgeraar: str | None
    gemeentecode: str
    vervaldatum: date
    status: SignaalStatus
    niveau: Niveau = Field(description="Voor wie het signaal nu is: klantmanager, teamleider of regisseur")
    klantmanager: str | None
    team: str | None
    geopendOp: date = Field(
        description="Datum (Europe/Amsterdam) waarop het signaal ontstond; escalatie telt hiervan"
    )
    aangemaakt: datetime
    geescaleerd: datetime | None
    erkend: Stap | None
    opgelost: Oplossing | None


class SignaalPatch(BaseModel):
    """A person acknowledges a signal (it stops escalating) or resolves it by hand."""

    status: Annotated[SignaalStatus, Field(description="erkend of opgelost")]
