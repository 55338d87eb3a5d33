import uuid
from datetime import date, datetime

from inburgering_shared.contracts.resources import Doelgroep, Leerroute, PipStatus
from pydantic import BaseModel, Field

from ..uren.schemas import ZRouteUrenRead


class TrajectRead(BaseModel):
    url: str
    uuid: uuid.UUID
    inburgeraar: str
    pip: str
    gemeentecode: str
    leerroute: Leerroute
    dagtekeningEerstePip: date
    termijnStart: date
    termijnEinde: date = Field(description="Exclusief, zoals DUO het vastlegt, zonder verlenging (R4)")
    termijnVerlengdTot: date | None = Field(
        None, description="Einde na verlenging door DUO (R5), exclusief; leeg zonder verlenging"
    )
    mapDeadline: date | None = Field(
        description="MAP gestart binnen 18 maanden (R11); niet bij de Onderwijsroute"
    )
    pipVersie: int
    pipStatus: PipStatus = Field(
        description="vastgesteld: het PIP van kracht; ingetrokken: pip trok het in (intrekking), er is geen"
        " PIP van kracht"
    )
    doelgroep: Doelgroep | None = Field(description="Uit het PIP; leeg bij een traject van voor dit veld")
    zRouteUren: ZRouteUrenRead | None = Field(
        description="Z-route: gevolgde uren tegen de urennorm (R10); details in .../uren"
    )
    taalaanbieder: str | None = Field(description="Client-id van de taalaanbieder die dit traject verzorgt")
    eindeReden: str | None = Field(
        None,
        description="Waarom het traject eindigde (gehele-ontheffing, vrijstelling, plicht-voldaan,"
        " plicht-vervallen, uitstroom); de open termijnen vervielen met die reden",
    )
    eindeOp: date | None = Field(None, description="Wanneer het traject eindigde")
    aangemaakt: datetime
    gewijzigd: datetime
