"""Domain bounds on dates and numbers, stated in the OpenAPI schema and enforced on input.

A value outside is refused with 400 naming the field (`problems`), so an absurd date can
never reach a deadline calculation or an event for other services (a COA handover dated
9999-12-31 once made every redelivery of its event fail).

- `Geboortedatum`: from 1900-01-01 up to today: a person alive now, and not born in the future.
- `Datum`: a date of something that happens under the inburgering laws (Wet inburgering 2013
  and 2021, a kennisgeving, a handover, a bezwaar, an uitgave): 2000-01-01 up to 2099-12-31.
- `Versienummer`: a version number of a resource, 1 up to the largest 32-bit integer the
  databases store.
The schema states the bounds as a pattern on the year (which generators and validators of
JSON Schema understand) and in words.
"""

from __future__ import annotations

from datetime import date
from typing import Annotated

from fastapi import Path
from pydantic import AfterValidator, Field, WithJsonSchema

from .strict import GEHEEL

EERSTE_GEBOORTEDATUM = date(1900, 1, 1)
EERSTE_DATUM = date(2000, 1, 1)
LAATSTE_DATUM = date(2099, 12, 31)
MAX_INT32 = 2**31 - 1


def _tussen(eerste: date, laatste: date | None) -> AfterValidator:
    def check(value: date) -> date:
        last = laatste or date.today()
        if not eerste <= value <= last:
            raise ValueError(f"De datum moet tussen {eerste.isoformat()} en {last.isoformat()} liggen")
        return value

    return AfterValidator(check)


def _schema(year_pattern: str, description: str) -> WithJsonSchema:
    return WithJsonSchema(
        {
            "type": "string",
            "format": "date",
            "pattern": rf"^{year_pattern}-\d{{2}}-\d{{2}}$",
            "description": description,
        }
    )


Geboortedatum = Annotated[
    date,
    _tussen(EERSTE_GEBOORTEDATUM, None),
    _schema(r"(19|20)\d{2}", "Vanaf 1900-01-01 en niet na vandaag"),
]
Datum = Annotated[
    date,
    _tussen(EERSTE_DATUM, LAATSTE_DATUM),
    _schema(r"20\d{2}", "Vanaf 2000-01-01 tot en met 2099-12-31"),
]
Versienummer = Annotated[int, Field(ge=1, le=MAX_INT32), GEHEEL]
VersiePad = Annotated[int, Path(ge=1, le=MAX_INT32, description="Versienummer, vanaf 1")]
"""`Versienummer` as a path parameter."""
