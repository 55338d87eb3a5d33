from pydantic import BaseModel, Field


class Herbouw(BaseModel):
    aantallen: dict[str, int] = Field(description="Per resource: hoeveel er opnieuw zijn verwerkt")
