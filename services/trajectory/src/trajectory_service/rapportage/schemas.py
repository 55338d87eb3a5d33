from datetime import date

from inburgering_shared.contracts.reporting_inputs import UitstroomSoort
from pydantic import BaseModel


class Uitstroom(BaseModel):
    """Where the inburgeraar went on to after the inburgering, and from when."""

    soort: UitstroomSoort
    datum: date
