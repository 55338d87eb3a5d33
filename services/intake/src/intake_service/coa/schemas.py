import uuid
from datetime import date, datetime
from enum import StrEnum
from typing import Annotated, Any

from inburgering_shared.bounds import Datum
from inburgering_shared.contracts.profiel import ProfielInvoer
from inburgering_shared.problems import InvalidParam
from inburgering_shared.strict import Tekst
from pydantic import BaseModel, ConfigDict, Field, ValidationInfo, field_validator
from pydantic.json_schema import JsonDict

from ..inburgeraars.schemas import Gemeentecode, Persoonsgegevens

MAX_BULK = 5000
"""Profiles per bulk request (issue 3 asks for at least 1,000)."""
BULK_BODY_BYTES = MAX_BULK * 4096
"""The bulk body limit: 4 KB per handover, several times a full profile of ordinary length."""


class Taalbeheersing(BaseModel):
    taal: Annotated[Tekst, Field(min_length=1, max_length=60)]
    niveau: Annotated[Tekst | None, Field(max_length=20)] = None


Omschrijving = Annotated[Tekst | None, Field(max_length=1000)]


class Klantprofiel(ProfielInvoer):
    """What COA knows from the AZC; health only with the person's recorded consent.

    The profiel's objects (`taalniveaus`, `digitaleVaardigheden`, `werkervaringen`, `diplomas`,
    `voorbereidingInburgering`, `aandachtspunten`) prefill the brede intake with source COA; within
    them unknown fields are refused, as before the klantprofiel itself ignores them.
    """

    model_config = ConfigDict(extra="ignore")

    huishoudsamenstelling: Annotated[Tekst | None, Field(max_length=500)] = None
    opleiding: Omschrijving = None
    werkervaring: Omschrijving = None
    talen: Annotated[list[Taalbeheersing], Field(max_length=30)] = []
    voorinburgering: Omschrijving = Field(None, description="Voortgang van de voorinburgering in het AZC")
    zichtbareBeperkingen: Omschrijving = None
    gezondheid: Omschrijving = Field(None, description="Alleen met toestemmingGezondheid")


# The rule of `gezondheid_alleen_met_toestemming` as the schema states it (JSON Schema if/then).
_GEZONDHEID_ALLEEN_MET_TOESTEMMING: JsonDict = {
    "if": {
        "required": ["klantprofiel"],
        "properties": {
            "klantprofiel": {"required": ["gezondheid"], "properties": {"gezondheid": {"type": "string"}}}
        },
    },
    "then": {
        "required": ["toestemmingGezondheid"],
        "properties": {"toestemmingGezondheid": {"type": "string"}},
    },
}


class CoaOverdrachtCreate(BaseModel):
    model_config = ConfigDict(json_schema_extra=_GEZONDHEID_ALLEEN_MET_TOESTEMMING)

    coaReferentie: Annotated[str, Field(min_length=1, max_length=64, pattern=r"^[A-Za-z0-9._-]+$")]
    gemeentecode: Gemeentecode
    datumKoppeling: Datum
    persoon: Persoonsgegevens
    klantprofiel: Klantprofiel = Klantprofiel()
    toestemmingGezondheid: Datum | None = Field(
        None,
        description="Datum waarop de inburgeraar COA toestemming gaf gezondheidsgegevens over te dragen",
        validate_default=True,
    )

    @field_validator("toestemmingGezondheid", mode="after")
    @classmethod
    def gezondheid_alleen_met_toestemming(cls, value: date | None, info: ValidationInfo) -> date | None:
        """AVG art. 9(2)(a): health data travels only with explicit consent."""
        klantprofiel = info.data.get("klantprofiel")
        if value is None and klantprofiel is not None and klantprofiel.gezondheid is not None:
            raise ValueError("gezondheidsgegevens alleen met toestemming (AVG art. 9)")
        return value


class CoaOverdrachtRead(BaseModel):
    """COA may hand over, not read dossiers: the answer names the record, not its content."""

    url: str
    uuid: uuid.UUID
    coaReferentie: str
    versie: int
    inburgeraar: str


class CoaBulkOverdracht(BaseModel):
    overdrachten: Annotated[
        list[dict[str, Any]],
        Field(
            min_length=1,
            max_length=MAX_BULK,
            description="Elk element is een CoaOverdrachtCreate; ongeldige worden per positie gemeld",
            # Validated item by item (service.valideer): any object is taken, one that is not a valid
            # CoaOverdrachtCreate is answered `ongeldig` at its position and the others go through.
            json_schema_extra={
                "items": {"anyOf": [{"$ref": "#/components/schemas/CoaOverdrachtCreate"}, {"type": "object"}]}
            },
        ),
    ]


class Uitkomst(StrEnum):
    AANGEMAAKT = "aangemaakt"
    BIJGEWERKT = "bijgewerkt"
    ONGEWIJZIGD = "ongewijzigd"
    ONGELDIG = "ongeldig"
    GEWEIGERD = "geweigerd"


class BulkResultaat(BaseModel):
    positie: int = Field(description="Index (vanaf 0) in de lijst overdrachten")
    uitkomst: Uitkomst
    overdracht: CoaOverdrachtRead | None = None
    fouten: list[InvalidParam] = []


class CoaBulkAntwoord(BaseModel):
    aantallen: dict[Uitkomst, int]
    resultaten: list[BulkResultaat]


class CoaOverdrachtDetail(BaseModel):
    """A handover as the klantmanager sees it; health only while a consent holds."""

    url: str
    uuid: uuid.UUID
    coaReferentie: str
    versie: int
    ontvangen: datetime
    datumKoppeling: Datum
    klantprofiel: Klantprofiel
    gezondheidAfgeschermd: bool
