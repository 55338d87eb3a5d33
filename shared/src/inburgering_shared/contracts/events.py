"""Thin events between the services, in the style of the ZGW Notificaties API.

An event says what happened to which resource; the receiver GETs the resource.
`id` is our addition: receivers are idempotent on it.
"""

from __future__ import annotations

import uuid
from enum import StrEnum

from pydantic import BaseModel, Field

from ..strict import Tekst, Tijdstip

# A resourceUrl is fetched: an http(s) URL of one of our services; anything else is refused (400).
URL_PATTERN = r"^https?://[!-.0-~][!-~]*$"  # printable ASCII, a host first


class Kanaal(StrEnum):
    """Declared channels and the service that publishes on each."""

    # intake: kenmerken gemeentecode, doelgroep; `wijziging=klantmanager` when the dossier's klantmanager or
    # their contact details changed (trajectory updates DUO's contactpersoon).
    INBURGERAARS = "inburgeraars"
    BREDE_INTAKES = "brede-intakes"  # intake: kenmerken gemeentecode, status (see contracts/brede_intake.py)
    PIPS = "pips"  # pip: kenmerken gemeentecode, status, leerroute
    TRAJECTEN = "trajecten"  # trajectory: kenmerken gemeentecode
    # trajectory: what DUO notified about a person changed DUO's facts the others act on (the PIP
    # clock of SS139); kenmerken gemeentecode, gebeurtenisId. Resource: DuoDossierContract.
    DUO_DOSSIERS = "duo-dossiers"
    SIGNALEN = "signalen"  # scheduler: kenmerken gemeentecode, soort


class Actie(StrEnum):
    CREATE = "create"
    UPDATE = "update"
    DESTROY = "destroy"
    # pip, kanaal `pips` (kenmerken also carry `versie`): the PIP became a beschikking,
    # a new version of it was vastgesteld, and that new version has another leerroute.
    # A route change publishes both PIP_GEWIJZIGD and LEERROUTE_GEWIJZIGD.
    PIP_VASTGESTELD = "pip-vastgesteld"
    PIP_GEWIJZIGD = "pip-gewijzigd"
    LEERROUTE_GEWIJZIGD = "leerroute-gewijzigd"
    # The vastgesteld PIP was withdrawn (intrekking, a besluit of its own); kenmerk status `ingetrokken`.
    PIP_INGETROKKEN = "pip-ingetrokken"


class Notificatie(BaseModel):
    id: uuid.UUID = Field(description="Unieke id van de gebeurtenis; ontvangers zijn hierop idempotent")
    kanaal: Kanaal
    hoofdObject: str = Field(
        pattern=r"^[!-~]+$", max_length=300, description="URL (of URN) van het hoofdobject (de inburgeraar)"
    )
    resource: Tekst = Field(description="Soort resource, bijvoorbeeld 'pip'")
    resourceUrl: str = Field(pattern=URL_PATTERN, max_length=300)
    actie: Actie
    aanmaakdatum: Tijdstip
    kenmerken: dict[Tekst, Tekst] = Field(default_factory=dict)
