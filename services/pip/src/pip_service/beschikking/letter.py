"""The beschikking letter: a vastgesteld PIP version in plain Dutch (B1), as HTML and as PDF.

One jinja2 template gives both: the HTML as it is, and the PDF by fpdf2
(pure Python, no system libraries) from the same HTML, set in DejaVu Sans
(shipped in `fonts/` with its licence) so that every name and activity prints
as written, well beyond Latin-1 (fpdf2 embeds only the glyphs used).
"""

from dataclasses import dataclass
from datetime import date, timedelta
from importlib.resources import files
from typing import Any

from fpdf import FPDF
from jinja2 import Environment, PackageLoader, select_autoescape

from ..concept.rules import laatste_dag_termijn
from ..pips.rules import Component
from .rules import bezwaartermijn_einde

_FONTS = files("pip_service.beschikking") / "fonts"
_ENV = Environment(loader=PackageLoader("pip_service.beschikking"), autoescape=select_autoescape(["html"]))

MAANDEN = (
    "januari",
    "februari",
    "maart",
    "april",
    "mei",
    "juni",
    "juli",
    "augustus",
    "september",
    "oktober",
    "november",
    "december",
)

UITLEG_LEERROUTE = {
    "B1-route": "U leert Nederlands lezen, luisteren, schrijven en spreken. Aan het eind doet u examens.",
    "Onderwijsroute": (
        "U volgt een taalschakeltraject van ongeveer anderhalf jaar. "
        "Daarna kunt u naar het mbo, hbo of de universiteit."
    ),
    "Z-route": (
        "U leert Nederlands in uw eigen tempo en doet veel mee in de samenleving. "
        "Aan het eind heeft u een eindgesprek met de gemeente."
    ),
}

GEMEENTE_DOET = {
    Component.LEERROUTE: "De gemeente betaalt uw leerroute en zoekt een taalschool voor u.",
    Component.MAATSCHAPPELIJKE_BEGELEIDING: (
        "De gemeente regelt begeleiding in uw eerste tijd in de gemeente."
    ),
    Component.FINANCIEEL_ONTZORGEN: (
        "De gemeente betaalt zes maanden uw huur, energie, water en zorgverzekering van uw uitkering."
    ),
}


def datum(dag: date) -> str:
    return f"{dag.day} {MAANDEN[dag.month - 1]} {dag.year}"


@dataclass(frozen=True)
class Brief:
    """What the letter needs: one version's content and the PIP's fixed facts."""

    inhoud: dict[str, Any]
    versie: int
    reden: str | None
    gemeentecode: str
    dagtekening_eerste_pip: date


def _periode(onderdeel: dict[str, Any]) -> str:
    start, einde = onderdeel.get("start"), onderdeel.get("verwachtEinde")
    if start and einde:
        return f"van {datum(date.fromisoformat(start))} tot en met {datum(date.fromisoformat(einde))}"
    if start:
        return f"vanaf {datum(date.fromisoformat(start))}"
    return "in overleg met uw klantmanager"


def context(brief: Brief) -> dict[str, Any]:
    inhoud = brief.inhoud
    dagtekening = date.fromisoformat(inhoud["dagtekening"])
    onderdelen = [o for o in inhoud.get("onderdelen", []) if o["aangeboden"]]
    return {
        "dagtekening": datum(dagtekening),
        "gemeentecode": brief.gemeentecode,
        "versie": brief.versie,
        "reden": brief.reden,
        "leerroute": inhoud["leerroute"],
        "niveau": inhoud.get("niveau"),
        "uitleg_leerroute": UITLEG_LEERROUTE.get(inhoud["leerroute"], ""),
        "motivering": inhoud.get("motivering"),
        "onderdelen": [{"naam": o["component"], "periode": _periode(o)} for o in onderdelen],
        "participatie": inhoud.get("participatie", []),
        "weekprogramma": inhoud.get("weekprogramma", []),
        "doelen": inhoud.get("doelen", []),
        "gemeente_doet": [
            GEMEENTE_DOET[c] for c in GEMEENTE_DOET if c.value in {o["component"] for o in onderdelen}
        ],
        "termijn_start": datum(brief.dagtekening_eerste_pip + timedelta(days=1)),
        "termijn_einde": datum(laatste_dag_termijn(brief.dagtekening_eerste_pip)),
        "bezwaar_einde": datum(bezwaartermijn_einde(dagtekening)),
    }


def html(brief: Brief) -> str:
    return _ENV.get_template("beschikking.html").render(context(brief))


def pdf(brief: Brief) -> bytes:
    document = FPDF()
    document.set_title("Besluit over uw Persoonlijk Plan Inburgering en Participatie")
    document.add_font("dejavu", fname=str(_FONTS / "DejaVuSans.ttf"))
    document.add_font("dejavu", style="B", fname=str(_FONTS / "DejaVuSans-Bold.ttf"))
    document.add_page()
    document.set_font("dejavu", size=11)
    body = html(brief).split("<body>", 1)[1].split("</body>", 1)[0]
    document.write_html(body, font_family="dejavu")
    return bytes(document.output())
