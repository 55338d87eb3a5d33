"""DUO's message shapes: the models generated from DUO's OpenAPI documents
(`inburgering_shared.duo.modellen`, `make duo-modellen`), the same the gemeente's client uses.

As lenient and as strict as DUO's contract: properties DUO's schemas do not name are accepted and
ignored (DUO's objects do not forbid them), a string, integer or boolean of the wrong type is refused.
"""

from typing import Annotated

from inburgering_shared.duo.modellen.contactpersoon import Contactpersoongegevens
from inburgering_shared.duo.modellen.examen import Examenresultaat, GratisPogingTegoed
from inburgering_shared.duo.modellen.gevolgdeuren import (
    ParticipatieactiviteitenBredeIntake,
    ParticipatieAlsTaalles,
    TaallesEnKnmBredeIntake,
)
from inburgering_shared.duo.modellen.inburgeringsaanbod import Inburgeringsaanbod, Instelling
from inburgering_shared.duo.modellen.inburgeringsplicht import (
    Doelgroep,
    Doelgroephistorie,
    Inburgeringsplicht,
    Inburgeringsplichthistorie,
)
from inburgering_shared.duo.modellen.inburgeringstermijn import (
    Inburgeringstermijn,
    Inburgeringstermijnhistorie,
    Verlengingsgrond,
)
from inburgering_shared.duo.modellen.leerbaarheidstoets import Resultaat as LeerbaarheidstoetsResultaat
from inburgering_shared.duo.modellen.map_pvt_zroute import ResultaatMap, ResultaatPvt, ResultaatZroute
from inburgering_shared.duo.modellen.ontheffing import Ontheffing
from inburgering_shared.duo.modellen.pip import PIP
from inburgering_shared.duo.modellen.pip import Gemeente as PipGemeente
from inburgering_shared.duo.modellen.vrijstelling import Vrijstelling
from pydantic import BaseModel, ConfigDict, Field

__all__ = [
    "PIP",
    "Contactpersoongegevens",
    "Doelgroep",
    "Doelgroephistorie",
    "DuoModel",
    "Examenresultaat",
    "Gemeentecode",
    "GratisPogingTegoed",
    "Inburgeringsaanbod",
    "Inburgeringsplicht",
    "Inburgeringsplichthistorie",
    "Inburgeringstermijn",
    "Inburgeringstermijnhistorie",
    "Instelling",
    "LeerbaarheidstoetsResultaat",
    "Oin",
    "Ontheffing",
    "ParticipatieAlsTaalles",
    "ParticipatieactiviteitenBredeIntake",
    "PipGemeente",
    "ResultaatMap",
    "ResultaatPvt",
    "ResultaatZroute",
    "TaallesEnKnmBredeIntake",
    "Verlengingsgrond",
    "Vrijstelling",
]


class DuoModel(BaseModel):
    """The simulator's own control API (not DUO's contract): a misspelt field there is a 422."""

    model_config = ConfigDict(extra="forbid")


Gemeentecode = Annotated[str, Field(pattern=r"^\d{4}$")]
Oin = Annotated[str, Field(min_length=20, max_length=20)]
