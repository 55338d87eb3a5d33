from datetime import date, datetime

from pydantic import BaseModel, Field

from inburgering_shared.contracts.resources import Doelgroep, Leerroute, Niveau, PipContract


class PipRead(PipContract):
    doelgroep: Doelgroep
    niveau: Niveau | None
    vastgesteldDoor: str | None
    deadline: date | None = Field(description="Uiterlijke datum van vaststellen (R2)")
    aangemaakt: datetime
    gewijzigd: datetime


class Vaststelling(BaseModel):
    leerroute: Leerroute
    niveau: Niveau | None = Field(None, description="Leeg: B1 bij B1-route en Onderwijsroute (R6)")
    dagtekening: date
