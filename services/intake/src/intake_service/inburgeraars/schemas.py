from datetime import datetime
from enum import StrEnum
from typing import Annotated, Any
from uuid import UUID

from inburgering_shared.bounds import Datum, Geboortedatum
from inburgering_shared.contracts.resources import (
    GEMEENTECODE_PATTERN,
    Doelgroep,
    InburgeraarContract,
    KlantmanagerContact,
    Verblijfsadres,
    Verhuizing,
)
from inburgering_shared.openapi import not_null
from inburgering_shared.strict import JaNee, Tekst
from pydantic import AfterValidator, BaseModel, Field, field_validator

from .rules import bsn_is_valid


def _check_bsn(value: str) -> str:
    if not bsn_is_valid(value):
        raise ValueError("geen geldig BSN (negen cijfers en de 11-proef)")
    return value


# `format: bsn` says what a pattern cannot: the 11-proef (a generator such as schemathesis is
# taught the format in tests/security/schemathesis_hooks.py).
Bsn = Annotated[
    str,
    Field(
        min_length=9,
        max_length=9,
        pattern=r"^\d{9}$",
        description="Burgerservicenummer: negen cijfers die de 11-proef doorstaan",
        json_schema_extra={"format": "bsn"},
    ),
    AfterValidator(_check_bsn),
]
Gemeentecode = Annotated[str, Field(pattern=GEMEENTECODE_PATTERN, examples=["GM0171"])]
# No control characters (a NUL in a name breaks every letter and export made of it).
Naam = Annotated[str, Field(min_length=1, max_length=200, pattern=r"^[^\x00-\x1f\x7f]+$")]


class Persoonsgegevens(BaseModel):
    bsn: Bsn
    vNummer: Annotated[str | None, Field(pattern=r"^\d{1,10}$")] = None
    voornamen: Naam
    achternaam: Naam
    geboortedatum: Geboortedatum
    landVanHerkomst: Annotated[Tekst | None, Field(max_length=100)] = None
    doelgroep: Doelgroep


class RedenGeenInburgeringsplicht(StrEnum):
    """DUO Inburgeringsplicht API, schema `RedenGeenInburgeringsplicht`."""

    VOLLEDIGE_ONTHEFFING = "Volledige ontheffing"
    VOLLEDIGE_VRIJSTELLING = "Volledige vrijstelling"
    VOLDAAN = "Inburgeringsplicht voldaan"
    VERBLIJFSDOEL_GEWIJZIGD = "Verblijfsdoel gewijzigd"
    VERTREK = "Vertrek uit Nederland langer dan een jaar"
    OVERLIJDEN = "Overlijden"
    OVERIG = "Overig"
    TIJDELIJKE_VRIJSTELLING = "Tijdelijke vrijstelling"


class Inburgeringsplicht(BaseModel):
    """The inburgeringsplicht as DUO states it (Inburgeringsplicht API, schema `Inburgeringsplicht`)."""

    indicatorInburgeringsplicht: JaNee
    begindatum: Datum | None = None
    einddatum: Datum | None = None
    redenGeenInburgeringsplicht: RedenGeenInburgeringsplicht | None = None


Taal = Annotated[Tekst, Field(min_length=1, max_length=60)]
DuoTekst = Annotated[
    Tekst | None, Field(max_length=500, description="Zoals DUO het vastlegt (reden of grond, oordeel, datum)")
]


class KlantmanagerGegevens(KlantmanagerContact):
    """How the dossier's klantmanager is reached: DUO's contactpersoon of the person, so within DUO's
    `Contactpersoongegevens` (Contactpersoon API): naam at most 100, e-mail 4 to 241 characters,
    telefoonnummer as DUO's pattern. What DUO takes is checked again before sending."""

    naam: Annotated[Tekst, Field(min_length=1, max_length=100, examples=["S. Bakker"])]
    telefoon: Annotated[
        str,
        Field(
            min_length=3,
            max_length=22,
            # DUO's pattern with a plain space for `\s` (not the same class in every regex engine)
            pattern=r"^(\+|[0-9])(( | ?(-|\(0\)) ?)?[0-9]){2,15}([,][1-9][0-9]{1,8})?$",
            examples=["0527 633 900"],
        ),
    ]
    email: Annotated[
        str,
        Field(min_length=4, max_length=241, pattern=r"^[!-?A-~]+@[!-?A-~]+\.[a-z]{2,}$"),
    ]


class Dossierfeiten(BaseModel):
    """Facts of the dossier besides identity; on an update, absent fields stay as they are."""

    klantmanager: Annotated[Tekst | None, Field(max_length=100)] = None
    klantmanagerContact: KlantmanagerGegevens | None = Field(
        default=None,
        description="Hoe de klantmanager bereikbaar is (naam, telefoon, e-mail): DUO's contactpersoon van de"
        " inburgeraar. Een andere klantmanager zonder contactgegevens wist ze; geen klantmanager ook",
    )
    datumKennisgeving: Datum | None = None
    datumInschrijvingBrp: Datum | None = None
    talen: Annotated[list[Taal] | None, Field(max_length=20)] = None
    tolkNodig: JaNee | None = None
    tolkTaal: Taal | None = None
    inburgeringsplicht: Inburgeringsplicht | None = None
    vrijstelling: DuoTekst = None
    ontheffing: DuoTekst = None
    datumHuisvestingVerwacht: Datum | None = None
    datumHuisvesting: Datum | None = None
    verblijfsadres: Verblijfsadres | None = Field(
        default=None, description="Het adres zoals de BRP het registreert (waar de beschikking heen gaat)"
    )


class InburgeraarCreate(Persoonsgegevens, Dossierfeiten):
    gemeentecode: Gemeentecode
    datumKoppeling: Datum | None = None


def _absent_not_null(schema: dict[str, Any]) -> None:
    """A field that may be left out but not be null: no null alternative and no default to state
    (its absence means unchanged); `niet_leeg` refuses a null sent."""
    zonder_null = not_null({k: v for k, v in schema.items() if k != "default"})
    schema.clear()
    schema.update(zonder_null)


class InburgeraarUpdate(Dossierfeiten):
    """Fields a klantmanager may change; absent fields stay as they are.

    Recording a person fact resolves the conflicts with COA on that field.
    """

    landVanHerkomst: Annotated[Tekst | None, Field(max_length=100)] = None
    vNummer: Annotated[str | None, Field(pattern=r"^\d{1,10}$")] = None
    # May be corrected, not emptied: absent is allowed, null is not (the schema says so too).
    voornamen: Naam | None = Field(default=None, json_schema_extra=_absent_not_null)
    achternaam: Naam | None = Field(default=None, json_schema_extra=_absent_not_null)
    geboortedatum: Geboortedatum | None = Field(default=None, json_schema_extra=_absent_not_null)

    @field_validator("voornamen", "achternaam", "geboortedatum", mode="before")
    @classmethod
    def niet_leeg(cls, value: object) -> object:
        """Runs only for a value sent: these may be corrected, not emptied."""
        if value is None:
            raise ValueError("mag niet leeg zijn")
        return value


class Tegenstrijdigheid(BaseModel):
    """A COA handover disagrees with what the klantmanager recorded; the klantmanager decides."""

    veld: str
    waardeKlantmanager: str
    waardeCoa: str
    coaReferentie: str
    ontvangen: Datum


class InburgeraarRead(InburgeraarContract):
    """The dossier as casework roles see it; the BSN is never part of a URL or a list."""

    vNummer: str | None
    voornamen: str
    achternaam: str
    geboortedatum: Geboortedatum
    landVanHerkomst: str | None
    klantmanager: str | None
    klantmanagerContact: KlantmanagerContact | None
    datumKoppeling: Datum | None
    talen: list[str]
    tolkNodig: bool
    tolkTaal: str | None
    inburgeringsplicht: Inburgeringsplicht | None
    vrijstelling: str | None
    ontheffing: str | None
    datumHuisvestingVerwacht: Datum | None
    datumHuisvesting: Datum | None
    verblijfsadres: Verblijfsadres | None
    aangemaakt: datetime
    gewijzigd: datetime
    versie: int


class InburgeraarDetail(InburgeraarRead):
    bsn: str | None = Field(description="Alleen voor klantmanager, teamleider en regisseur")
    verhuizingen: list[Verhuizing] = Field(
        description="Eerdere gemeenten van dit dossier en een aangekondigde verhuizing (DUO SS120/SS121); "
        "een verhuizing gaat in op datumVestiging"
    )
    tegenstrijdigheden: list[Tegenstrijdigheid] = Field(
        description="Waar COA iets anders overdroeg dan de klantmanager vastlegde"
    )


class BsnZoekvraag(BaseModel):
    bsn: Bsn


class DuoGebeurtenisVestiging(StrEnum):
    """DUO's events for a person settling in another gemeente (Gebeurtenissen.md)."""

    SS120 = "SS120"  # in gemeente gevestigd zonder PIP
    SS121 = "SS121"  # in gemeente gevestigd met PIP vorige gemeente


class VerhuizingCreate(BaseModel):
    """Hand a dossier over to the gemeente the person settled in; the BSN travels in the body."""

    bsn: Bsn
    naarGemeente: Gemeentecode
    datumVestiging: Datum
    gebeurtenis: DuoGebeurtenisVestiging


class VerhuizingStatus(StrEnum):
    AANGEKONDIGD = "aangekondigd"  # the moving date is still to come: the old gemeente keeps the dossier
    UITGEVOERD = "uitgevoerd"  # handed over: the dossier is the new gemeente's


class VerhuizingRead(BaseModel):
    """A move as recorded: which dossier moves, from and to which gemeente, on which date, and whether
    it was handed over. Nothing of the dossier itself: before the moving date it is the old gemeente's
    (`inburgering_shared.verhuizing.van_kracht`)."""

    uuid: UUID
    inburgeraar: str = Field(
        description="URL van het dossier dat verhuist; de nieuwe gemeente leest het vanaf datumVestiging"
    )
    vanGemeente: Gemeentecode
    naarGemeente: Gemeentecode
    datumVestiging: Datum
    gebeurtenis: DuoGebeurtenisVestiging
    status: VerhuizingStatus
    aangemaakt: datetime
    uitgevoerd: datetime | None = Field(
        description="Wanneer het dossier werd overgedragen; leeg zolang aangekondigd"
    )


class VerhuizingenUitgevoerd(BaseModel):
    """What the daily job did: the dossiers handed over because their moving date came, and the moves
    left waiting because the new gemeente holds a dossier of the person itself."""

    verhuisd: int = Field(ge=0)
    geblokkeerd: int = Field(ge=0)
