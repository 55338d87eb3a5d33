"""DUO's messages for the gemeente side: the models generated from DUO's OpenAPI documents
(`inburgering_shared.duo.modellen`, `make duo-modellen`), under the names the client uses. Answers may
carry fields a later minor version adds; they are ignored. What the gemeente sends is built from these
models and nothing else; dump them `by_alias` (DUO's property names that are also schema names).
"""

from inburgering_shared.duo.modellen.contactpersoon import Contactpersoon, Contactpersoongegevens
from inburgering_shared.duo.modellen.examen import Examenresultaat, GratisPogingTegoed
from inburgering_shared.duo.modellen.gevolgdeuren import Gemeente as GevolgdeUren
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
from inburgering_shared.duo.modellen.leerbaarheidstoets import Examennummer
from inburgering_shared.duo.modellen.leerbaarheidstoets import Resultaat as LeerbaarheidstoetsResultaat
from inburgering_shared.duo.modellen.map_pvt_zroute import (
    DatumMap,
    DatumPvt,
    ResultaatMap,
    ResultaatPvt,
    ResultaatZroute,
)
from inburgering_shared.duo.modellen.notificatie import Notificatie
from inburgering_shared.duo.modellen.ontheffing import Ontheffing
from inburgering_shared.duo.modellen.pip import PIP
from inburgering_shared.duo.modellen.pip import Gemeente as PipGemeente
from inburgering_shared.duo.modellen.vrijstelling import Vrijstelling
from inburgering_shared.duo.validatie import JaNee

__all__ = [
    "PIP",
    "Contactpersoon",
    "Contactpersoongegevens",
    "DatumMap",
    "DatumPvt",
    "Doelgroep",
    "Doelgroephistorie",
    "Examennummer",
    "Examenresultaat",
    "GevolgdeUren",
    "GratisPogingTegoed",
    "Inburgeringsaanbod",
    "Inburgeringsplicht",
    "Inburgeringsplichthistorie",
    "Inburgeringstermijn",
    "Inburgeringstermijnhistorie",
    "Instelling",
    "JaNee",
    "LeerbaarheidstoetsResultaat",
    "Notificatie",
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
