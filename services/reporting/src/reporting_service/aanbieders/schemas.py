from pydantic import BaseModel, Field


class AanbiederPrestatie(BaseModel):
    taalaanbieder: str
    inburgeraars: int = Field(description="Inburgeraars met een traject bij deze aanbieder")
    urenGepland: int = Field(description="Som van de geplande uren in de laatste voortgangsrapportages")
    urenAanwezig: int
    aanwezigheid: float | None = Field(description="Aanwezig in % van gepland")
    niveauBehaald: int = Field(description="Inburgeraars voor wie de aanbieder een behaald niveau meldt")
    examens: int = Field(description="Examenuitslagen in de periode")
    examensBehaald: int
    slagingspercentage: float | None
