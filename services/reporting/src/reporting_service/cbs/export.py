"""Produce a quarter's CBS file: stream the dossiers, build each record, validate it, write it.

Facts are reported as they stood at the end of the quarter: a date after the
quarter's last day is left empty, so producing a past quarter again later
gives the same bytes while the underlying facts of that quarter are unchanged.
"""

import csv
import hashlib
import re
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import IO, Any

from sqlalchemy import Row, select
from sqlalchemy.orm import Session

from ..kpis import rules as kpi_rules
from ..readmodel.models import Dossier
from . import layout
from .rules import in_populatie, kwartaal_periode

STREAM_BATCH = 5000
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


def dossier_rows(session: Session, gemeentecode: str | None) -> Iterator[Row[Any]]:
    """The dossiers of one gemeente (or all, by gemeente) in key order, streamed in batches (Core rows)."""
    query = select(*COLUMNS).order_by(Dossier.gemeentecode, Dossier.inburgeraar_url)
    if gemeentecode is not None:
        query = query.where(Dossier.gemeentecode == gemeentecode)
    return iter(session.connection().execute(query.execution_options(yield_per=STREAM_BATCH)))


class _Datums(dict[date, str]):
    """JJJJMMDD per date, formatted once: a quarter's file repeats a few thousand dates a million times."""

    def __missing__(self, day: date) -> str:
        self[day] = text = f"{day.year:04d}{day.month:02d}{day.day:02d}"
        return text


_DATUMS = _Datums()


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

    def datum(day: date | None) -> str:
        return _DATUMS[day] if day is not None and day <= einde else ""

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
        datum(kpi_rules.instroomdatum(koppeling, kennisgeving)),
        datum(brede_intake),
        datum(pip),
        tijdig,
        layout.LEERROUTE_CODES.get(leerroute or "", "") if pip else "",
        datum(termijn_start),
        _DATUMS[kpi_rules.termijn_einde(termijn_einde, verlengd_tot)] if termijn and termijn_einde else "",
        ("J" if verlengd_tot else "N") if termijn else "",
        datum(map_gestart),
        datum(map_afgerond),
        datum(pvt_afgerond),
        datum(ontzorgen_gestart),
        datum(ontzorgen_afgerond),
        datum(plicht_voldaan),
        layout.UITSTROOM_CODES.get(uitstroom or "", ""),
        datum(uitstroom_op) if uitstroom else "",
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
_I = {naam: i for i, naam in enumerate(layout.KOPREGEL)}


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
    if values[_I["datum_pip"]] and not values[_I["leerroute"]]:
        fouten.append("leerroute: verplicht bij een PIP")
    start, eind = values[_I["datum_start_termijn"]], values[_I["datum_einde_termijn"]]
    if start and eind <= start:
        fouten.append("datum_einde_termijn: moet na datum_start_termijn liggen")
    if values[_I["uitstroom"]] and not values[_I["datum_uitstroom"]]:
        fouten.append("datum_uitstroom: verplicht bij uitstroom")
    return fouten


@dataclass
class Resultaat:
    """What writing a file gave: how many records, their checksum, and any validation errors."""

    aantal: int = 0
    fouten: list[str] = field(default_factory=list)
    aantal_fouten: int = 0
    sha256: str = ""


def schrijf(rows: Iterable[Row[Any]], kwartaal: str, stream: IO[bytes]) -> Resultaat:
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
        afgesloten = [row[_POS["plicht_voldaan"]], row[_POS["uitstroom_op"]]]
        if not in_populatie(
            row[_POS["datum_koppeling"]], row[_POS["datum_kennisgeving"]], afgesloten, start, einde
        ):
            continue
        values = record(row, kwartaal, einde)
        resultaat.aantal += 1
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
