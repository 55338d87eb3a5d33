"""The brede intake as other services read it (owned by intake).

Intake serves `GET /v1/brede-intakes/{uuid}` with (a superset of)
`BredeIntakeContract`. When a klantmanager completes a brede intake, intake
publishes on kanaal `brede-intakes` a `Notificatie` with
`resource="brede-intake"`, `actie="update"` and the kenmerken `gemeentecode`
and `status="afgerond"` (see `events.py`); pip then GETs `resourceUrl` and
validates it against this model to prepare the leerroute advice.

A completed brede intake (`status == "afgerond"`) always carries
`leerbaarheidstoets`, `vooropleiding` and `alfabetisering`; a concept may
lack them. Findings on the health leefgebieden (fysieke and mentale
gezondheid) are special category data under the AVG (art. 9): intake leaves
them out unless a recorded, non-withdrawn consent covers them.

The `profiel` (taalniveaus per vaardigheid, diploma's with their IDW waardering and the
other starting facts, `profiel.py`) is read by pip's leerroute advice.

Values follow DUO's Leerbaarheidstoets and PIP APIs
(`../shared/reference/duo-m2m-inburgering/`) and seed 002.
"""

from __future__ import annotations

import uuid
from datetime import date
from enum import StrEnum
from typing import Annotated

from pydantic import BaseModel, Field

from ..strict import GEHEEL, Score, Tekst
from .profiel import Profiel
from .resources import GEMEENTECODE_PATTERN, Doelgroep

BREDE_INTAKE_RESOURCE = "brede-intake"
"""`Notificatie.resource` of a brede intake event."""


class BredeIntakeStatus(StrEnum):
    CONCEPT = "concept"
    AFGEROND = "afgerond"


class LeerbaarheidstoetsResultaat(StrEnum):
    """DUO Leerbaarheidstoets API, schema `LeerbaarheidstoetsResultaat`."""

    HAALBAAR = "B1-route haalbaar"
    NIET_HAALBAAR = "B1-route niet haalbaar"
    ONBEKEND = "Onbekend"


class Alfabetisering(StrEnum):
    """DUO PIP API, schema `Alfabetiseringsonderwijs`: analfabeet, anders gealfabetiseerd, n.v.t."""

    ANALFABEET = "A"
    ANDERS_GEALFABETISEERD = "AA"
    NVT = "NVT"


class Vooropleiding(StrEnum):
    """Highest education followed, as recorded in the brede intake (domain.md step 3)."""

    GEEN_OF_NAUWELIJKS = "geen of nauwelijks scholing"
    BASISONDERWIJS = "basisonderwijs"
    VOORTGEZET_ONDERWIJS = "voortgezet onderwijs"
    VERVOLGONDERWIJS = "mbo, hbo of wo"


class Leefgebied(StrEnum):
    """The ten leefgebieden of the brede intake (seed 002, footnote 4)."""

    SOCIALE_PARTICIPATIE = "sociale participatie"
    FYSIEKE_GEZONDHEID = "fysieke gezondheid"
    MENTALE_GEZONDHEID = "mentale gezondheid"
    WONEN = "wonen"
    HUISHOUDEN = "ADL/huishouden"
    MOBILITEIT = "mobiliteit"
    REGIE = "regie"
    OPVOEDEN = "opvoeden"
    FINANCIEN = "financien"
    WERK_OPLEIDING = "werk/opleiding"


GEZONDHEIDSLEEFGEBIEDEN = frozenset({Leefgebied.FYSIEKE_GEZONDHEID, Leefgebied.MENTALE_GEZONDHEID})
"""Leefgebieden whose findings are health data (AVG art. 9): shown only with consent."""


class Beperking(StrEnum):
    """Grounds to exempt someone from the leerbaarheidstoets (the toets is visual and auditory)."""

    VISUEEL = "visueel"
    AUDITIEF = "auditief"


ZELFREDZAAMHEID_MIN = 1
ZELFREDZAAMHEID_MAX = 5

Zelfredzaamheid = Annotated[
    int,
    Field(
        ge=ZELFREDZAAMHEID_MIN,
        le=ZELFREDZAAMHEID_MAX,
        description=(
            "Zelfredzaamheid op een vaste schaal van 1 tot en met 5 (naar de Zelfredzaamheid-Matrix): "
            "1 acute problematiek, 2 niet zelfredzaam, 3 beperkt zelfredzaam, "
            "4 voldoende zelfredzaam, 5 volledig zelfredzaam"
        ),
    ),
    GEHEEL,
]
LangeTekst = Annotated[Tekst, Field(min_length=1, max_length=4000)]


class LeerbaarheidstoetsVrijstelling(BaseModel):
    """The toets was not administered because of a visual or auditory impairment."""

    beperking: Beperking
    reden: LangeTekst


class RedenNietAfgenomen(StrEnum):
    """Why a leerbaarheidstoets was not taken, other than an impairment (that is a `vrijstelling`).

    DUO's Leerbaarheidstoets API knows no reasons: it gives the resultaat `Onbekend` and no
    scores; the gemeente records why."""

    NIET_VERSCHENEN = "niet verschenen"
    GEWEIGERD = "geweigerd"
    ZIEKTE = "ziekte"
    ANDERS = "anders"


class LeerbaarheidstoetsNietAfgenomen(BaseModel):
    """The toets was not taken for another reason than an impairment: no date, no administrator."""

    reden: RedenNietAfgenomen
    toelichting: LangeTekst


class Leerbaarheidstoets(BaseModel):
    """DUO Leerbaarheidstoets API, schema `Resultaat`, plus who administered it and when.

    Not taken (a `vrijstelling` for an impairment, or `nietAfgenomen` with its reason): the
    resultaat is `Onbekend` and there are no scores, date or administrator.
    """

    resultaat: LeerbaarheidstoetsResultaat
    behaaldeScore: Score | None = None
    benodigdeScore: Score | None = None
    datum: date | None = None
    afgenomenDoor: Annotated[Tekst | None, Field(max_length=200)] = None
    vrijstelling: LeerbaarheidstoetsVrijstelling | None = None
    nietAfgenomen: LeerbaarheidstoetsNietAfgenomen | None = None

    def waarom_niet_afgenomen(self) -> str | None:
        """Why the toets was not taken, as recorded; None when it was taken."""
        if self.vrijstelling is not None:
            return self.vrijstelling.reden
        if self.nietAfgenomen is not None:
            return f"{self.nietAfgenomen.reden.value}: {self.nietAfgenomen.toelichting}"
        return None


class LeefgebiedBevinding(BaseModel):
    """What the brede intake found on one leefgebied."""

    leefgebied: Leefgebied
    zelfredzaamheid: Zelfredzaamheid | None = None
    observaties: LangeTekst | None = None
    wensen: LangeTekst | None = None
    behoeften: LangeTekst | None = None


class BredeIntakeContract(BaseModel):
    """The facts of the brede intake the leerroute advice and the PIP goals rest on."""

    url: str
    uuid: uuid.UUID
    inburgeraar: str = Field(description="URL van de inburgeraar")
    gemeentecode: str = Field(pattern=GEMEENTECODE_PATTERN)
    status: BredeIntakeStatus
    datumAfgerond: date | None = None
    doelgroep: Doelgroep
    leeftijd: int = Field(
        ge=0, le=130, description="Leeftijd op de datum van afronden (of vandaag, als concept)"
    )
    leerbaarheidstoets: Leerbaarheidstoets | None = None
    vooropleiding: Vooropleiding | None = None
    alfabetisering: Alfabetisering | None = None
    wilVervolgonderwijs: bool = False
    bijstand: bool = Field(False, description="Participatiewet-uitkering (bijstand)")
    wensen: LangeTekst | None = Field(
        None, description="Wensen en doelen van de inburgeraar in eigen woorden"
    )
    leefgebieden: list[LeefgebiedBevinding] = Field(
        default_factory=list,
        max_length=len(Leefgebied),
        description="Per leefgebied hooguit een bevinding; gezondheid alleen met toestemming",
    )
    gezondheidAfgeschermd: bool = Field(
        False, description="Waar: bevindingen over gezondheid zijn weggelaten (geen geldige toestemming)"
    )
    profiel: Profiel = Field(
        default_factory=Profiel,
        description=(
            "Taalniveau per vaardigheid, digitale vaardigheden, werkervaring, diploma's met hun "
            "IDW-waardering, voorbereiding op inburgering in het AZC en aandachtspunten; "
            "elk met bron en datum (contracts/profiel.py)"
        ),
    )
    versie: int
