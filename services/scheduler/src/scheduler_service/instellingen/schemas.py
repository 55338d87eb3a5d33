from typing import Annotated

from inburgering_shared.strict import GEHEEL, Tekst
from pydantic import BaseModel, Field, model_validator

Dagen = Annotated[int, Field(ge=0, le=3650), GEHEEL]


class HorizonSchema(BaseModel):
    """How long before its due date a deadline of this kind warns: `maanden`, then `dagen`."""

    maanden: Annotated[int, Field(ge=0, le=120), GEHEEL] = 0
    dagen: Dagen = 0


class Escalatie(BaseModel):
    """Days an unacknowledged passed-deadline signal waits before going to the teamleider, the regisseur."""

    teamleiderNaDagen: Dagen
    regisseurNaDagen: Dagen

    @model_validator(mode="after")
    def regisseur_na_teamleider(self) -> "Escalatie":
        if self.regisseurNaDagen < self.teamleiderNaDagen:
            raise ValueError("regisseurNaDagen mag niet voor teamleiderNaDagen liggen")
        return self


SoortNaam = Annotated[str, Field(min_length=1, max_length=40, pattern=r"^[a-z0-9-]+$")]
Naam = Annotated[Tekst, Field(min_length=1, max_length=100)]


class InstellingWrite(BaseModel):
    horizonnen: dict[SoortNaam, HorizonSchema] = Field(
        description="Per soort termijn; soorten die hier ontbreken krijgen de standaardhorizon",
        # patternProperties alone admits other names too; the names are the pattern's only.
        json_schema_extra={"additionalProperties": False},
    )
    escalatie: Escalatie
    teams: dict[Naam, list[Naam]] = Field(
        description="Per team de klantmanagers; een klantmanager in hooguit een team"
    )

    @model_validator(mode="after")
    def klantmanager_in_een_team(self) -> "InstellingWrite":
        leden = [km for kms in self.teams.values() for km in kms]
        if len(leden) != len(set(leden)):
            raise ValueError("een klantmanager staat in meer dan een team")
        return self


class InstellingRead(InstellingWrite):
    gemeentecode: str
    standaard: bool = Field(
        description="Waar: de gemeente heeft nog niets ingesteld, dit zijn de standaarden"
    )
