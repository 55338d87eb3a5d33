from typing import Annotated

from inburgering_shared.bounds import Datum
from inburgering_shared.contracts.resources import GEMEENTECODE_PATTERN, Leerroute
from inburgering_shared.strict import GEHEEL, Tekst
from pydantic import BaseModel, Field

Gemeentecode = Annotated[str, Field(pattern=GEMEENTECODE_PATTERN, examples=["GM0171"])]
Jaar = Annotated[int, Field(ge=2021, le=2100, description="Kalenderjaar (de wet geldt sinds 2022)"), GEHEEL]
Euro = Annotated[int, Field(ge=0, le=1_000_000_000, description="Hele euro's"), GEHEEL]
AANBIEDER_PATTERN = r"^[A-Za-z0-9][A-Za-z0-9 ._-]*$"
Aanbieder = Annotated[str, Field(min_length=1, max_length=60, pattern=AANBIEDER_PATTERN)]


class SpukBudgetWrite(BaseModel):
    gemeentecode: Gemeentecode
    jaar: Jaar
    bedrag: Euro


class ContractWrite(BaseModel):
    gemeentecode: Gemeentecode
    jaar: Jaar
    taalaanbieder: Aanbieder
    leerroute: Leerroute
    prijs: Euro = Field(description="Prijs per traject in hele euro's")


class ContractRead(ContractWrite):
    afwijkendVanSeed004: bool = Field(
        description="B1/Z niet onder EUR 10.000, of Onderwijsroute niet erboven"
    )


class UitgaveWrite(BaseModel):
    gemeentecode: Gemeentecode
    kenmerk: Annotated[
        Tekst, Field(min_length=1, max_length=100, description="Factuurkenmerk; uniek per gemeente")
    ]
    datum: Datum
    bedrag: Euro
    taalaanbieder: Aanbieder | None = None


class BudgetRegel(BaseModel):
    taalaanbieder: str
    leerroute: str
    prijs: int | None = Field(description="Leeg: geen contract voor deze aanbieder, route en dit jaar")
    trajecten: int
    verplicht: int


class BudgetOverzicht(BaseModel):
    gemeentecode: str
    jaar: int
    budget: int | None = Field(description="SPUK-budget van het jaar; leeg als het niet is ingevoerd")
    verplicht: int = Field(description="Trajecten gestart in het jaar maal de contractprijs")
    uitgegeven: int = Field(description="Som van de uitgaven in het jaar")
    prognose: int = Field(description="Verwachte uitgaven over het hele jaar")
    trajectenZonderContract: int
    regels: list[BudgetRegel]
