"""Values taken as JSON states them, so a request schema is exactly as strict as its validation.

FastAPI validates a parsed body in pydantic's Python mode, which is lax: `false` becomes 0, the
number 0 a moment in 1970, and `""` reaches the decimal parser. The types here take only what
their OpenAPI schema says (schemathesis found each of these accepted or refused against the
document):
- `GEHEEL`: a JSON integer (5 or 5.0), not a boolean or a string.
- `Bedrag`, `Score`: a JSON integer or a string of digits with an optional fraction ("12.50"),
  which is how the services write decimals in their answers.
- `Tijdstip`: an RFC 3339 date-time string, never a number.
- `Tekst`: text without U+0000, which PostgreSQL can neither store in a text column nor compare
  with one (SQLite would): every text a request carries, in its body, query or path, is of this
  type or has a pattern of its own that excludes U+0000, so that it is 400 naming the field on
  both databases instead of a 500 on one.
- `NIET_WIT`: a character that is neither white space nor U+0000, alike for JSON Schema (ECMA-262
  `\s`) and for pydantic (Rust's `\s`, which counts U+0085 too): `\S` alone let a generator send
  a lone U+0085 that the service then refused. `GEVULD`: a text with at least one such character.
- `JaNee`: a JSON boolean, `true` or `false`, never `"true"`, 1 or `"ja"`.
"""

from __future__ import annotations

import re
from datetime import datetime
from decimal import Decimal
from typing import Annotated, Any

from pydantic import BeforeValidator, Strict, StringConstraints, WithJsonSchema


def _decimaal(heel: int, fractie: int) -> tuple[BeforeValidator, WithJsonSchema]:
    """A non-negative decimal with at most `heel` digits before and `fractie` after the point.

    As a JSON integer or as a string ("12.50"); a JSON fraction (12.5) is refused, as its binary
    value is not the decimal the sender meant.
    """
    pattern = rf"^\d{{1,{heel}}}(\.\d{{1,{fractie}}})?$"
    compiled = re.compile(pattern)

    def check(value: Any) -> Any:
        if isinstance(value, float) and value.is_integer():  # JSON Schema's integer: 5.0 is 5
            value = int(value)
        if isinstance(value, bool) or not isinstance(value, int | str | Decimal):
            raise ValueError('Geef een geheel getal of een getal als tekst, bijvoorbeeld "12.50"')
        if isinstance(value, int) and not 0 <= value < 10**heel:
            raise ValueError(f"Geef een getal van 0 tot {10**heel}")
        if isinstance(value, str) and not compiled.match(value):
            raise ValueError(
                f'Geef een getal met ten hoogste {fractie} cijfers achter de punt, bijvoorbeeld "12.50"'
            )
        return value

    schema = {
        "anyOf": [
            {"type": "integer", "minimum": 0, "maximum": 10**heel - 1},
            {"type": "string", "pattern": pattern},
        ]
    }
    return BeforeValidator(check), WithJsonSchema(schema)


_BEDRAG = _decimaal(6, 2)
_SCORE = _decimaal(4, 2)
Bedrag = Annotated[Decimal, _BEDRAG[0], _BEDRAG[1]]
"""An amount in euros and cents, below one million."""
Score = Annotated[Decimal, _SCORE[0], _SCORE[1]]
"""A test score (the leerbaarheidstoets), below 10,000."""


def _geheel(value: Any) -> Any:
    if isinstance(value, float) and value.is_integer():  # JSON Schema's integer: 5.0 is 5
        return int(value)
    if isinstance(value, bool) or not isinstance(value, int | None):  # None: an optional one left empty
        raise ValueError("Geef een geheel getal")
    return value


def _tijdstip(value: Any) -> Any:
    if not isinstance(value, str | datetime):
        raise ValueError("Geef een tijdstip als tekst (RFC 3339), bijvoorbeeld 2026-01-31T09:00:00Z")
    return value


GEHEEL = BeforeValidator(_geheel)
"""`Annotated[int, Field(ge=..., le=...), GEHEEL]`: after the bounds, so the schema states them."""
Tijdstip = Annotated[datetime, BeforeValidator(_tijdstip)]
JaNee = Annotated[bool, Strict()]
GEEN_NUL = r"^[^\x00]*$"
Tekst = Annotated[str, StringConstraints(pattern=GEEN_NUL)]
NIET_WIT = r"[^\s\x85\x00]"
GEVULD = rf"^[\s\x85]*{NIET_WIT}[^\x00]*$"
