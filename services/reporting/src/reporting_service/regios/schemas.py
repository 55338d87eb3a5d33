from typing import Annotated

from inburgering_shared.contracts.resources import GEMEENTECODE_PATTERN
from inburgering_shared.strict import Tekst
from pydantic import BaseModel, Field

Gemeentecode = Annotated[str, Field(pattern=GEMEENTECODE_PATTERN, examples=["GM0171"])]
RegioCode = Annotated[str, Field(pattern=r"^[a-z0-9][a-z0-9-]{0,39}$", examples=["noordoostpolder-urk"])]


class RegioWrite(BaseModel):
    naam: Annotated[Tekst, Field(min_length=1, max_length=200)]
    gemeenten: Annotated[list[Gemeentecode], Field(min_length=1, max_length=400)]


class RegioRead(RegioWrite):
    code: str
