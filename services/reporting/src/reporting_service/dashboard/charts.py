"""The dashboard's bar charts, drawn on the server with matplotlib's SVG backend and inlined in the page.

Each chart is drawn from one of the dashboard's tables (`Tabel`), so the chart and the table (and its
CSV and JSON export) show the same numbers. Text stays text in the SVG (`svg.fonttype` none): tick
labels, values on the bars and the legend can be read, selected and found by a test. Colours are the
Okabe-Ito palette, safe for colour-blind readers, and each series also has its own hatch pattern and a
legend entry in words. A chart with nothing to show says so in words instead.

matplotlib (with numpy about 55 MB resident) is imported when the first chart is drawn, not when the
service starts: a reporting process that serves the API but not the dashboard stays that much smaller.
"""

import io
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from enum import Enum
from functools import cache
from html import escape
from typing import Any

from .tables import Tabel, Waarde

# Okabe & Ito, "Color Universal Design" (2008): told apart with every common colour-vision deficiency.
BLAUW, ORANJE, GROEN, VERMILJOEN, HEMELBLAUW, PAARS, GEEL, GRIJS = (
    "#0072B2",
    "#E69F00",
    "#009E73",
    "#D55E00",
    "#56B4E9",
    "#CC79A7",
    "#F0E442",
    "#777777",
)
MAANDEN = ["jan", "feb", "mrt", "apr", "mei", "jun", "jul", "aug", "sep", "okt", "nov", "dec"]
BREEDTE, HOOGTE = 5.8, 3.1  # inches: 557 by 298 CSS pixels


class Eenheid(Enum):
    AANTAL = "aantal"
    PROCENT = "procent"
    EURO = "euro"


def getal(waarde: float, eenheid: Eenheid) -> str:
    """A number as a Dutch reader writes it: 1.250, 33,3%, € 500.000."""
    if eenheid is Eenheid.EURO:
        return "€ " + f"{waarde:,.0f}".replace(",", ".")
    tekst = f"{waarde:,.1f}".rstrip("0").rstrip(".").replace(",", " ").replace(".", ",").replace(" ", ".")
    return tekst + ("%" if eenheid is Eenheid.PROCENT else "")


def maandnaam(maand: Waarde, eerste: bool) -> str:
    """'2026-01' -> 'jan' with the year under it on the first month shown and on each January."""
    jaar, nummer = str(maand).split("-")
    return MAANDEN[int(nummer) - 1] + (f"\n{jaar}" if eerste or nummer == "01" else "")


@dataclass(frozen=True)
class Reeks:
    kolom: str  # the table column it shows
    naam: str  # its name in words, in the legend
    kleur: str
    patroon: str  # a matplotlib hatch


@dataclass(frozen=True)
class Grafiek:
    ident: str
    titel: str
    tabel: Tabel
    reeksen: list[Reeks]
    as_titel: str  # the value axis, with its unit
    leeg: str  # said instead of the chart when every value is zero or unknown
    eenheid: Eenheid = Eenheid.AANTAL
    gestapeld: bool = False
    liggend: bool = False
    categorie: Callable[[Waarde, bool], str] = field(default=lambda waarde, _eerste: str(waarde))
    onbekend: str = ""  # the label of a value that is not known (None)

    def waarden(self, reeks: Reeks) -> list[float | None]:
        index = self.tabel.kolommen.index(reeks.kolom)
        return [None if rij[index] is None else float(rij[index]) for rij in self.tabel.rijen]  # type: ignore[arg-type]

    def is_leeg(self) -> bool:
        return not any(v for reeks in self.reeksen for v in self.waarden(reeks))


def _label(waarde: float | None, grafiek: Grafiek) -> str:
    if waarde is None:
        return grafiek.onbekend
    return "" if waarde == 0 and grafiek.gestapeld else getal(waarde, grafiek.eenheid)


@cache
def _matplotlib() -> Any:
    """matplotlib, imported and set up at the first chart (see the module docs)."""
    import matplotlib
    import matplotlib.figure
    import matplotlib.ticker

    matplotlib.rcParams.update({"svg.fonttype": "none", "svg.hashsalt": "dashboard", "font.size": 9})
    return matplotlib


def _teken(grafiek: Grafiek) -> str:
    mpl = _matplotlib()
    categorieen = [grafiek.categorie(rij[0], i == 0) for i, rij in enumerate(grafiek.tabel.rijen)]
    figuur = mpl.figure.Figure(figsize=(BREEDTE, HOOGTE), layout="constrained")
    ax = figuur.add_subplot()
    n, breedte = len(grafiek.reeksen), 0.75
    staaf = breedte if grafiek.gestapeld else breedte / n
    basis, hoogste = [0.0] * len(categorieen), 0.0
    for j, reeks in enumerate(grafiek.reeksen):
        waarden = grafiek.waarden(reeks)
        hoogten = [v or 0.0 for v in waarden]
        plaats = [
            i + (0 if grafiek.gestapeld else (j - (n - 1) / 2) * staaf) for i in range(len(categorieen))
        ]
        stijl: dict[str, Any] = {
            "color": reeks.kleur,
            "hatch": reeks.patroon,
            "edgecolor": "white",
            "linewidth": 0.6,
        }
        if grafiek.liggend:
            staven = ax.barh(plaats, hoogten, staaf, left=basis, label=reeks.naam, **stijl)
        else:
            staven = ax.bar(plaats, hoogten, staaf, bottom=basis, label=reeks.naam, **stijl)
        teksten = ax.bar_label(
            staven,
            labels=[_label(v, grafiek) for v in waarden],
            label_type="center" if grafiek.gestapeld else "edge",
            padding=0 if grafiek.gestapeld else 2,
            fontsize=8,
            bbox={"boxstyle": "round,pad=0.15", "facecolor": "white", "edgecolor": "none", "alpha": 0.85},
        )
        for i, tekst in enumerate(teksten):
            tekst.set_gid(f"waarde-{j}-{i}")
        if grafiek.gestapeld:
            basis = [b + h for b, h in zip(basis, hoogten, strict=True)]
        hoogste = max(hoogste, *basis, *hoogten)
    categorie_as, waarde_as = (ax.yaxis, ax.xaxis) if grafiek.liggend else (ax.xaxis, ax.yaxis)
    categorie_as.set_ticks(range(len(categorieen)), categorieen)
    waarde_as.set_major_locator(mpl.ticker.MaxNLocator(nbins=5, integer=grafiek.eenheid is Eenheid.AANTAL))
    waarde_as.set_major_formatter(mpl.ticker.FuncFormatter(lambda v, _: getal(v, grafiek.eenheid)))
    (ax.set_xlabel if grafiek.liggend else ax.set_ylabel)(grafiek.as_titel)
    (ax.set_xlim if grafiek.liggend else ax.set_ylim)(0, hoogste * 1.18)  # room for the values
    if grafiek.liggend:
        ax.invert_yaxis()  # the first row of the table on top
    waarde_as.grid(True, color="#dddddd", linewidth=0.6)
    ax.set_axisbelow(True)
    ax.spines[["top", "right"]].set_visible(False)
    if n > 1:
        ax.legend(loc="upper center", bbox_to_anchor=(0.5, -0.14), ncols=n, frameon=False, fontsize=8)
    buffer = io.StringIO()
    figuur.savefig(buffer, format="svg", metadata={"Date": None})
    return _inline(buffer.getvalue(), grafiek)


def _inline(svg: str, grafiek: Grafiek) -> str:
    """The document as an element of the page: no prolog or metadata, ids unique on the page."""
    svg = svg[svg.index("<svg") :]
    svg = re.sub(r"\s*<metadata>.*?</metadata>", "", svg, flags=re.S)
    prefix = grafiek.ident + "-"
    svg = re.sub(r'\bid="([^"]+)"', rf'id="{prefix}\1"', svg)
    svg = re.sub(r"url\(#([^)]+)\)", rf"url(#{prefix}\1)", svg)
    svg = re.sub(r'xlink:href="#([^"]+)"', rf'xlink:href="#{prefix}\1"', svg)
    return svg.replace("<svg ", f'<svg role="img" aria-label="{escape(grafiek.titel)}" ', 1)


def figuur(grafiek: Grafiek) -> str:
    """The chart with its title and a link to its table, or the title and what is missing, in words."""
    kop = (
        f'<figcaption>{escape(grafiek.titel)} <a href="#tabel-{grafiek.tabel.naam}">(tabel)</a></figcaption>'
    )
    inhoud = f'<p class="leeg">{escape(grafiek.leeg)}</p>' if grafiek.is_leeg() else _teken(grafiek)
    kolommen = " ".join(reeks.kolom for reeks in grafiek.reeksen)
    return (
        f'<figure class="grafiek" id="{escape(grafiek.ident)}" data-tabel="{escape(grafiek.tabel.naam)}" '
        f'data-kolommen="{escape(kolommen)}">{kop}{inhoud}</figure>'
    )
