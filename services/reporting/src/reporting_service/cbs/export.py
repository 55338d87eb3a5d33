"""Produce a quarter's CBS file: stream the dossiers, build each record, validate it, write it.

Facts are reported as they stood at the end of the quarter: a date after the
quarter's last day is left empty, so producing a past quarter again later
gives the same bytes while the underlying facts of that quarter are unchanged.
"""

import csv
import functools
import hashlib
import re
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import IO, Any

from inburgering_shared.verhuizing import gemeente_op
from sqlalchemy import Result, or_, select
from sqlalchemy.orm import Session

from ..kpis import rules as kpi_rules
from ..readmodel.models import Dossier
from ..readmodel.verhuizingen import Verhuizingen, verhuizingen_van
from . import layout
from .rules import in_populatie, kwartaal_periode

STREAM_BATCH = 10_000
MAX_FOUTEN = 100
FLUSH_LINES = 2000

COLUMNS = (
    Dossier.gemeentecode,
    Dossier.inburgeraar_url,
    Dossier.doelgroep,
    Dossier.datum_koppeling,
    Dossier.datum_kennisgeving,
    Dossier.brede_intake_afgerond,
    Dossier.pip_dagtekening,
    Dossier.pip_deadline,
    Dossier.leerroute,
    Dossier.termijn_start,
    Dossier.termijn_einde,
    Dossier.termijn_verlengd_tot,
    Dossier.map_gestart,
    Dossier.map_afgerond,
    Dossier.pvt_afgerond,
    Dossier.ontzorgen_gestart,
    Dossier.ontzorgen_afgerond,
    Dossier.plicht_voldaan,
    Dossier.uitstroom,
    Dossier.uitstroom_op,
)

_POS = {column.key: i for i, column in enumerate(COLUMNS)}
_KOPPELING, _KENNISGEVING, _PLICHT, _UITSTROOM = (
    _POS[key] for key in ("datum_koppeling", "datum_kennisgeving", "plicht_voldaan", "uitstroom_op")
)


def dossier_rows(
    session: Session, gemeentecode: str | None, op: date | None = None
) -> Iterator[Sequence[Any]]:
    """The dossiers of one gemeente (or all, by gemeente) in key order, streamed in batches (Core rows)
    through a server-side cursor on PostgreSQL; taken a batch at a time, not fetched row by row.

    With `op` (the quarter's last day), one gemeente's are those it was responsible for that day, as
    its own: a person who moved is in the file of the gemeente they were settled in then
    (`inburgering_shared.verhuizing.gemeente_op`). Without it (all gemeenten: the bench) they go by
    where they are now."""
    query = select(*COLUMNS).order_by(Dossier.gemeentecode, Dossier.inburgeraar_url)
    verhuisd: Verhuizingen = {}
    if gemeentecode is not None:
        verhuisd = verhuizingen_van(session, [gemeentecode]) if op is not None else {}
        query = query.where(
            or_(Dossier.gemeentecode == gemeentecode, Dossier.inburgeraar_url.in_(list(verhuisd)))
        )
    result: Result[Any] = session.connection().execute(query.execution_options(yield_per=STREAM_BATCH))
    for batch in result.partitions():
        if not verhuisd or op is None:
            yield from batch
            continue
        for row in batch:
            waarden: Sequence[Any] = row
            if (verhuizingen := verhuisd.get(waarden[1])) is None:
                yield row
            elif gemeente_op(waarden[0], verhuizingen, op) == gemeentecode:
                yield (gemeentecode, *waarden[1:])


class _Datums(dict[date | None, str]):
    """JJJJMMDD per date, formatted once (a quarter's file repeats a few thousand dates a million times);
    empty for no date, and for a date after `tot` when given."""

    def __init__(self, tot: date | None = None) -> None:
        super().__init__({None: ""})
        self.tot = tot

    def __missing__(self, day: date | None) -> str:
        assert day is not None
        text = (
            "" if self.tot is not None and day > self.tot else f"{day.year:04d}{day.month:02d}{day.day:02d}"
        )
        self[day] = text
        return text


_DATUMS = _Datums()


@functools.lru_cache(maxsize=8)
def _datums_tot(einde: date) -> _Datums:
    return _Datums(einde)


def record(row: Sequence[Any], kwartaal: str, einde: date) -> list[str]:
    """One record in the order of layout.VELDEN, as the facts stood on `einde`."""
    (
        gemeentecode,
        url,
        doelgroep,
        koppeling,
        kennisgeving,
        brede_intake,
        pip,
        pip_deadline,
        leerroute,
        termijn_start,
        termijn_einde,
        verlengd_tot,
        map_gestart,
        map_afgerond,
        pvt_afgerond,
        ontzorgen_gestart,
        ontzorgen_afgerond,
        plicht_voldaan,
        uitstroom,
        uitstroom_op,
    ) = row
    datum = _datums_tot(einde)  # as the facts stood on `einde`: a later date is left empty
    if pip is not None and pip > einde:
        pip = None
    tijdig = ""
    if pip is not None and pip_deadline is not None:
        tijdig = "J" if kpi_rules.pip_op_tijd(pip, pip_deadline) else "N"
    termijn = termijn_start is not None and termijn_start <= einde
    if uitstroom_op is None or uitstroom_op > einde:
        uitstroom = None
    return [
        gemeentecode,
        kwartaal,
        url.rsplit("/", 1)[-1],
        layout.DOELGROEP_CODES.get(doelgroep or "", ""),
        datum[kpi_rules.instroomdatum(koppeling, kennisgeving)],
        datum[brede_intake],
        datum[pip],
        tijdig,
        layout.LEERROUTE_CODES.get(leerroute or "", "") if pip else "",
        datum[termijn_start],
        _DATUMS[kpi_rules.termijn_einde(termijn_einde, verlengd_tot)] if termijn and termijn_einde else "",
        ("J" if verlengd_tot else "N") if termijn else "",
        datum[map_gestart],
        datum[map_afgerond],
        datum[pvt_afgerond],
        datum[ontzorgen_gestart],
        datum[ontzorgen_afgerond],
        datum[plicht_voldaan],
        layout.UITSTROOM_CODES.get(uitstroom or "", ""),
        datum[uitstroom_op] if uitstroom else "",
    ]


_CHECKS = [
    (
        veld.naam,
        veld.verplicht,
        re.compile(veld.patroon) if veld.patroon else None,
        frozenset(veld.waarden) if veld.waarden is not None else None,
    )
    for veld in layout.VELDEN
]
_PIP, _LEERROUTE, _START, _EIND, _UITSTROOM_NAAR, _UITSTROOM_DATUM = (
    layout.KOPREGEL.index(naam)
    for naam in (
        "datum_pip",
        "leerroute",
        "datum_start_termijn",
        "datum_einde_termijn",
        "uitstroom",
        "datum_uitstroom",
    )
)


def _veldpatroon(veld: layout.Veld) -> str:
    """The field's pattern or values as a regular expression without anchors; optional unless required."""
    if veld.patroon is not None:
        patroon = veld.patroon.removeprefix("^").removesuffix("$")
    else:
        patroon = "|".join(re.escape(w) for w in veld.waarden or ())
    return f"(?:{patroon})" if veld.verplicht else f"(?:{patroon})?"


_REGEL = re.compile(
    re.escape(layout.SCHEIDINGSTEKEN).join(_veldpatroon(veld) for veld in layout.VELDEN), re.ASCII
)
"""A whole line of valid fields: one match per record instead of twenty checks. No field pattern admits
the separator, a quote or a line end, so a line that matches splits into the same fields and needs no
quoting. It is at most stricter than `valideer` (ASCII digits only); a line it refuses is checked field
by field, so the outcome is `valideer`'s either way."""


def valideer(values: list[str]) -> list[str]:
    """What is wrong with one record against the layout (empty: nothing)."""
    if len(values) != len(_CHECKS):
        return [f"{len(values)} velden in plaats van {len(_CHECKS)}"]
    fouten = []
    for (naam, verplicht, patroon, waarden), value in zip(_CHECKS, values, strict=True):
        if not value:
            if verplicht:
                fouten.append(f"{naam}: verplicht")
        elif patroon is not None and not patroon.match(value):
            fouten.append(f"{naam}: {value!r} past niet in het formaat")
        elif waarden is not None and value not in waarden:
            fouten.append(f"{naam}: {value!r} is geen toegestane waarde")
    return fouten + _samenhang(values)


def _samenhang(values: list[str]) -> list[str]:
    """The checks across fields."""
    fouten = []
    if values[_PIP] and not values[_LEERROUTE]:
        fouten.append("leerroute: verplicht bij een PIP")
    start, eind = values[_START], values[_EIND]
    if start and eind <= start:
        fouten.append("datum_einde_termijn: moet na datum_start_termijn liggen")
    if values[_UITSTROOM_NAAR] and not values[_UITSTROOM_DATUM]:
        fouten.append("datum_uitstroom: verplicht bij uitstroom")
    return fouten


@dataclass
class Resultaat:
    """What writing a file gave: how many records, their checksum, and any validation errors."""

    aantal: int = 0
    fouten: list[str] = field(default_factory=list)
    aantal_fouten: int = 0
    sha256: str = ""


def schrijf(rows: Iterable[Sequence[Any]], kwartaal: str, stream: IO[bytes]) -> Resultaat:
    """Write the file for `kwartaal` to `stream` (header, then the records in population) and validate it."""
    start, einde = kwartaal_periode(kwartaal)
    resultaat, digest = Resultaat(), hashlib.sha256()
    buffer = _LineBuffer()
    writer = csv.writer(buffer, delimiter=layout.SCHEIDINGSTEKEN, lineterminator=layout.REGELEINDE)

    def flush() -> None:
        data = buffer.take().encode(layout.CODERING)
        digest.update(data)
        stream.write(data)

    writer.writerow(layout.KOPREGEL)
    for row in rows:
        afgesloten = [row[_PLICHT], row[_UITSTROOM]]
        if not in_populatie(row[_KOPPELING], row[_KENNISGEVING], afgesloten, start, einde):
            continue
        values = record(row, kwartaal, einde)
        resultaat.aantal += 1
        regel = layout.SCHEIDINGSTEKEN.join(values)
        if _REGEL.fullmatch(regel) is not None and not _samenhang(values):
            buffer.parts.append(regel + layout.REGELEINDE)  # what the csv writer writes for such a line
        else:
            if fouten := valideer(values):
                resultaat.aantal_fouten += 1
                if len(resultaat.fouten) < MAX_FOUTEN:
                    resultaat.fouten.append(f"record {resultaat.aantal} ({values[2]}): " + "; ".join(fouten))
            writer.writerow(values)
        if len(buffer.parts) >= FLUSH_LINES:
            flush()
    flush()
    resultaat.sha256 = digest.hexdigest()
    return resultaat


class _LineBuffer:
    """The csv writer's target: hands each written line back once."""

    def __init__(self) -> None:
        self.parts: list[str] = []

    def write(self, text: str) -> int:
        self.parts.append(text)
        return len(text)

    def take(self) -> str:
        text, self.parts = "".join(self.parts), []
        return text
