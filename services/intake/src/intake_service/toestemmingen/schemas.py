import uuid
from datetime import date, datetime

from inburgering_shared.bounds import Datum
from pydantic import BaseModel, Field

from .rules import Bron, Categorie, Doel


class ToestemmingCreate(BaseModel):
    categorie: Categorie
    doel: Doel
    datum: Datum = Field(description="Datum waarop de inburgeraar toestemming gaf")
    bron: Bron = Bron.KLANTMANAGER


class Intrekking(BaseModel):
    datum: Datum = Field(description="Datum waarop de inburgeraar de toestemming introk")


class ToestemmingRead(BaseModel):
    url: str
    uuid: uuid.UUID
    inburgeraar: str
    categorie: Categorie
    doel: Doel
    datum: date
    bron: Bron
    ingetrokkenOp: date | None
    geldig: bool = Field(description="Geldig op de dag van vandaag")
    aangemaakt: datetime
