"""Produce a quarter's CBS file: stream the dossiers, build each record, validate it, write it.

Facts are reported as they stood at the end of the quarter: a date after the
quarter's last day is left empty, so producing a past quarter again later
gives the same bytes while the underlying facts of that quarter are unchanged.
"""

import csv
import hashlib
import re
from collections.abc import Iterable, Iterator
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


def dossier_rows(session: Session, gemeentecode: str | None) -> Iterator[Row[Any]]:
    """The dossiers of one gemeente (or all, by gemeente) in key order, streamed in batches."""
    query = select(*COLUMNS).order_by(Dossier.gemeentecode, Dossier.inburgeraar_url)
    if gemeentecode is not None:
        query = query.where(Dossier.gemeentecode == gemeentecode)
    return iter(session.execute(query.execution_options(yield_per=STREAM_BATCH)))


def record(row: Row[Any], kwartaal: str, einde: date) -> list[str]:
    """One record in the order of layout.VELDEN, as the facts stood on `einde`."""

    def datum(day: date | None) -> str:
        return day.strftime("%Y%m%d") if day is not None and day <= einde else ""

    pip = row.pip_dagtekening if row.pip_dagtekening is not None and row.pip_dagtekening <= einde else None
    termijn_einde = (
        kpi_rules.termijn_einde(row.termijn_einde, row.termijn_verlengd_tot) if row.termijn_einde else None
    )
    tijdig = ""
    if pip is not None and row.pip_deadline is not None:
        tijdig = "J" if kpi_rules.pip_op_tijd(pip, row.pip_deadline) else "N"
    termijn = row.termijn_start is not None and row.termijn_start <= einde
    uitstroom = row.uitstroom if row.uitstroom_op is not None and row.uitstroom_op <= einde else None
    return [
        row.gemeentecode,
        kwartaal,
        row.inburgeraar_url.rsplit("/", 1)[-1],
        layout.DOELGROEP_CODES.get(row.doelgroep or "", ""),
        datum(kpi_rules.instroomdatum(row.datum_koppeling, row.datum_kennisgeving)),
        datum(row.brede_intake_afgerond),
        datum(pip),
        tijdig,
        layout.LEERROUTE_CODES.get(row.leerroute or "", "") if pip else "",
        datum(row.termijn_start),
        termijn_einde.strftime("%Y%m%d") if termijn and termijn_einde else "",
        ("J" if row.termijn_verlengd_tot else "N") if termijn else "",
        datum(row.map_gestart),
        datum(row.map_afgerond),
        datum(row.pvt_afgerond),
        datum(row.ontzorgen_gestart),
        datum(row.ontzorgen_afgerond),
        datum(row.plicht_voldaan),
        layout.UITSTROOM_CODES.get(uitstroom or "", ""),
        datum(row.uitstroom_op) if uitstroom else "",
    ]


_PATRONEN = {veld.naam: re.compile(veld.patroon) for veld in layout.VELDEN if veld.patroon}


def valideer(values: list[str]) -> list[str]:
    """What is wrong with one record against the layout (empty: nothing)."""
    if len(values) != len(layout.VELDEN):
        return [f"{len(values)} velden in plaats van {len(layout.VELDEN)}"]
    fouten = []
    for veld, value in zip(layout.VELDEN, values, strict=True):
        if value == "":
            if veld.verplicht:
                fouten.append(f"{veld.naam}: verplicht")
        elif veld.naam in _PATRONEN and not _PATRONEN[veld.naam].match(value):
            fouten.append(f"{veld.naam}: {value!r} past niet in het formaat")
        elif veld.waarden is not None and value not in veld.waarden:
            fouten.append(f"{veld.naam}: {value!r} is geen toegestane waarde")
    facts = dict(zip(layout.KOPREGEL, values, strict=True))
    if facts["datum_pip"] and not facts["leerroute"]:
        fouten.append("leerroute: verplicht bij een PIP")
    if facts["datum_start_termijn"] and facts["datum_einde_termijn"] <= facts["datum_start_termijn"]:
        fouten.append("datum_einde_termijn: moet na datum_start_termijn liggen")
    if facts["uitstroom"] and not facts["datum_uitstroom"]:
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

    def emit(values: list[str] | tuple[str, ...]) -> None:
        writer.writerow(values)
        data = buffer.take().encode(layout.CODERING)
        digest.update(data)
        stream.write(data)

    emit(layout.KOPREGEL)
    for row in rows:
        if not in_populatie(
            row.datum_koppeling, row.datum_kennisgeving, [row.plicht_voldaan, row.uitstroom_op], start, einde
        ):
            continue
        values = record(row, kwartaal, einde)
        resultaat.aantal += 1
        if fouten := valideer(values):
            resultaat.aantal_fouten += 1
            if len(resultaat.fouten) < MAX_FOUTEN:
                resultaat.fouten.append(f"record {resultaat.aantal} ({values[2]}): " + "; ".join(fouten))
        emit(values)
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
