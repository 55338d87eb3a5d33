"""What schemathesis is taught beyond JSON Schema: the `bsn` format (nine digits passing the
11-proef), and the rules of dates a schema states only in words.

Loaded by tests/security/test_fuzzing.py, and by the CLI with SCHEMATHESIS_HOOKS (schemathesis.toml).
"""

from collections.abc import Iterator
from datetime import date

import schemathesis
from hypothesis import strategies as st
from schemathesis import GenerationMode
from stdnum.nl import bsn


def _met_controlecijfer(acht: str) -> str | None:
    """The BSN that the eight digits begin, if the 11-proef leaves one digit for the ninth."""
    rest = sum(int(cijfer) * gewicht for cijfer, gewicht in zip(acht, range(9, 1, -1), strict=True)) % 11
    kandidaat = acht + str(rest) if rest < 10 else ""
    return kandidaat if kandidaat and bsn.is_valid(kandidaat) else None


BSNS = st.from_regex(r"\A[0-9]{8}\Z").map(_met_controlecijfer).filter(lambda value: value is not None)
schemathesis.openapi.format("bsn", BSNS)


# Pairs whose second is not before the first: a period's end and its start, and the scheduler's
# escalation (a signal goes to the regisseur no sooner than to the teamleider).
OPVOLGERS = (
    ("start", "einde"),
    ("start", "verwachtEinde"),
    ("begindatum", "einddatum"),
    ("teamleiderNaDagen", "regisseurNaDagen"),
    ("vanafJaar", "totJaar"),
)
# Dates of what has happened already: a birth, a bezwaarschrift received, the decision on it, the
# information for a PIP received, a besluit dated (an intrekking's dagtekening; a PIP's may lie
# ahead, so this leaves a little of vaststellen untried).
NIET_NA_VANDAAG = ("geboortedatum", "ontvangen", "besloten", "informatieOntvangen", "dagtekening")


def _objecten(value: object) -> Iterator[dict[str, object]]:
    if isinstance(value, dict):
        yield value
        for item in value.values():
            yield from _objecten(item)
    elif isinstance(value, list):
        for item in value:
            yield from _objecten(item)


def _vergelijkbaar(a: object, b: object) -> bool:
    """Two dates (ISO text) or two numbers (JSON's 5.0 is an integer too), never booleans."""
    getallen = all(isinstance(x, int | float) and not isinstance(x, bool) for x in (a, b))
    return getallen or (isinstance(a, str) and isinstance(b, str))


def _volgens_de_regels(body: object) -> bool:
    today = date.today().isoformat()
    for obj in _objecten(body):
        if isinstance(obj.get("bsn"), str) and not bsn.is_valid(str(obj["bsn"])):
            return False  # the CLI's coverage phase writes `format: bsn` values from the pattern alone
        if any(isinstance(obj.get(veld), str) and str(obj[veld]) > today for veld in NIET_NA_VANDAAG):
            return False
        for eerste, tweede in OPVOLGERS:
            begin, eind = obj.get(eerste), obj.get(tweede)
            if _vergelijkbaar(begin, eind) and eind < begin:  # type: ignore[operator]
                return False
    return True


def _periode_volgens_de_regels(query: dict[str, object]) -> bool:
    """A report's period (`van`, `tot` in the query) ends after it begins and spans ten years at
    most (`reporting_service.scope`)."""
    van, tot = query.get("van"), query.get("tot")
    if not (isinstance(van, str) and isinstance(tot, str)):
        return True
    begin, eind = date.fromisoformat(van), date.fromisoformat(tot)
    return begin < eind <= begin.replace(year=begin.year + 10, day=1)


@schemathesis.hook
def filter_case(context: schemathesis.HookContext, case: schemathesis.Case) -> bool:
    """A case meant to be valid keeps the rules its schema can state only in words: a `bsn` passes
    the 11-proef (also where a phase ignores the format), the dates of
    `NIET_NA_VANDAAG` are not after today (`inburgering_shared.bounds.Geboortedatum`, a bezwaar's
    `ontvangen`), and the pairs of `OPVOLGERS` keep their order."""
    if case.meta is None or case.meta.generation.mode is not GenerationMode.POSITIVE:
        return True
    return _volgens_de_regels(case.body) and _periode_volgens_de_regels(case.query or {})
