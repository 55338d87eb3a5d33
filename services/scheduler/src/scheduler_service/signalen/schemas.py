import uuid
from datetime import date, datetime
from enum import StrEnum

from pydantic import BaseModel


class SignaalStatus(StrEnum):
    OPEN = "open"
    OPGELOST = "opgelost"


class SignaalRead(BaseModel):
    url: str
    uuid: uuid.UUID
    soort: str
    deadline: str
    deadlineSoort: str
    inburgeraar: str
    gemeentecode: str
    vervaldatum: date
    status: SignaalStatus
    aangemaakt: datetime
