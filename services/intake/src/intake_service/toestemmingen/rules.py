"""When recorded data may be shown: consent under the AVG."""

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from enum import StrEnum


class Categorie(StrEnum):
    """Data categories a consent covers; gezondheid is a special category (AVG art. 9)."""

    GEZONDHEID = "gezondheid"
    GEZINSSITUATIE = "gezinssituatie"
    WERK_EN_OPLEIDING = "werk en opleiding"


class Doel(StrEnum):
    """Purposes a consent is given for."""

    BREDE_INTAKE = "brede intake en PIP"
    OVERDRACHT = "overdracht tussen ketenpartners"


class Bron(StrEnum):
    """Who recorded the consent (or the data)."""

    KLANTMANAGER = "klantmanager"
    COA = "COA"
    VLUCHTELINGENWERK = "VluchtelingenWerk"


@dataclass(frozen=True)
class ToestemmingFeit:
    categorie: str
    doel: str
    datum: date
    ingetrokken_op: date | None


def toestemming_geldig(
    toestemmingen: Iterable[ToestemmingFeit], *, categorie: Categorie, doel: Doel, peildatum: date
) -> bool:
    """Whether a consent for this category and purpose holds on `peildatum`.

    Health data may be processed only with explicit consent (AVG art. 9(2)(a));
    a consent may be withdrawn at any time and from then on no longer counts
    (AVG art. 7(3)). So: given on or before the peildatum, and not withdrawn
    on or before it. A consent given in the future does not count yet.
    """
    return any(
        t.categorie == categorie
        and t.doel == doel
        and t.datum <= peildatum
        and (t.ingetrokken_op is None or t.ingetrokken_op > peildatum)
        for t in toestemmingen
    )
