"""The beschikking letter: a vastgesteld PIP version in plain Dutch (B1), as HTML and as PDF.

One jinja2 template gives both. The HTML is served as it is (with its own
stylesheet); the PDF is set by fpdf2 from the same template, one `<section>`
at a time: a section that does not fit on the rest of the page starts on a
new one, so no heading is left alone at the foot of a page. The text is set
in DejaVu Sans (shipped in `fonts/` with its licence), so that every name and
activity prints as written, well beyond Latin-1. fpdf2 (with Pillow and fontTools
about 55 MB resident) is imported when the first PDF is set, not when the service
starts: a pip process that serves no PDF stays that much smaller.

What the letter states follows the Algemene wet bestuursrecht: the orgaan
and the decision (art. 1:3), made known to the person at their address
(art. 3:41), with its reasons and legal basis (art. 3:46-3:47) and the
bezwaarclausule: the termijn, its last day and the orgaan to send the
bezwaar to (art. 3:45, 6:4, 6:5, 6:7).
"""

import re
from dataclasses import dataclass
from datetime import date, timedelta
from importlib.resources import files
from typing import Any

from inburgering_shared import boetes
from inburgering_shared.contracts.resources import Doelgroep, GeadresseerdeContract, Leerroute
from inburgering_shared.dates import voluit as datum
from inburgering_shared.duo.codes import is_asielstatushouder
from jinja2 import Environment, PackageLoader, select_autoescape

from ..concept.rules import laatste_dag_termijn
from ..instellingen.schemas import Briefhoofd
from ..pips.rules import Component
from .rules import bezwaartermijn_einde

_FONTS = files("pip_service.beschikking") / "fonts"
_ENV = Environment(loader=PackageLoader("pip_service.beschikking"), autoescape=select_autoescape(["html"]))
_SECTIE = re.compile(r"<section[^>]*>(.*?)</section>", re.DOTALL)
_DONKERBLAUW = (16, 52, 98)

UITLEG_LEERROUTE = {
    Leerroute.B1: (
        "U leert Nederlands op taalniveau B1. Dat is het niveau waarop u de meeste gesprekken, "
        "brieven en teksten in het dagelijks leven begrijpt. Aan het eind doet u examens bij DUO."
    ),
    Leerroute.ONDERWIJS: (
        "U volgt een taalschakeltraject van ongeveer anderhalf jaar bij een school. Daarin leert u "
        "Nederlands en andere vakken die u nodig heeft voor het mbo, hbo of de universiteit."
    ),
    Leerroute.Z: (
        "U leert Nederlands in uw eigen tempo en u doet veel mee in de samenleving. Het doel is dat u "
        "zich in het dagelijks leven zo goed mogelijk redt. Aan het eind heeft u een eindgesprek met "
        "de gemeente."
    ),
}

DUO_EXAMENS = {
    Leerroute.B1: (
        "Aan het eind van de B1-route doet u examens bij DUO in lezen, luisteren, schrijven en spreken, "
        "en het examen KNM. U meldt zich daarvoor zelf aan bij DUO; uw taalschool helpt u daarbij."
    ),
    Leerroute.ONDERWIJS: (
        "U rondt de Onderwijsroute af met het diploma van het taalschakeltraject. Lukt dat niet, dan "
        "bespreken wij met u of u overstapt naar de B1-route."
    ),
    Leerroute.Z: (
        "In de Z-route doet u geen examens. De gemeente meldt aan DUO wanneer u de Z-route heeft "
        "afgerond, na het eindgesprek."
    ),
}

ONDERDELEN = {
    Component.LEERROUTE: (
        "Uw leerroute",
        "de lessen Nederlands van uw leerroute. De gemeente betaalt deze lessen.",
    ),
    Component.PARTICIPATIEDEEL_LEERROUTE: (
        "Het participatiedeel",
        "naast de lessen doet u mee in de samenleving, bijvoorbeeld met vrijwilligerswerk, een stage of "
        "werk. Zo oefent u de taal in de praktijk.",
    ),
    Component.KNM: (
        "KNM (Kennis van de Nederlandse Maatschappij)",
        "u leert hoe Nederland werkt: bijvoorbeeld over werk, geld, gezondheid, school en de overheid.",
    ),
    Component.MAP: (
        "MAP (Module Arbeidsmarkt en Participatie)",
        "u leert hoe u in Nederland werk vindt en wat u al kunt. U maakt een plan voor werk of "
        "opleiding. U sluit af met een eindgesprek.",
    ),
    Component.PVT: (
        "PVT (Participatieverklaringstraject)",
        "u leert over de belangrijkste waarden in Nederland, zoals vrijheid en gelijkwaardigheid. "
        "U sluit af door de participatieverklaring te ondertekenen.",
    ),
    Component.MAATSCHAPPELIJKE_BEGELEIDING: (
        "Maatschappelijke begeleiding",
        "iemand helpt u in uw eerste tijd in de gemeente, bijvoorbeeld met brieven, uw huis, de "
        "huisarts en de school van uw kinderen.",
    ),
    Component.FINANCIEEL_ONTZORGEN: (
        "Financieel ontzorgen",
        "de gemeente betaalt van uw bijstandsuitkering uw huur, energie, water en zorgverzekering. "
        "Zo hoeft u zich daar in het begin geen zorgen over te maken. Dit stopt als uw bijstand stopt.",
    ),
}

LEEFGEBIED = {
    "sociale participatie": "meedoen en contacten",
    "fysieke gezondheid": "uw lichamelijke gezondheid",
    "mentale gezondheid": "hoe u zich voelt",
    "wonen": "wonen",
    "ADL/huishouden": "uw huishouden",
    "mobiliteit": "reizen en vervoer",
    "regie": "zelf regelen",
    "opvoeden": "opvoeden",
    "financien": "geld",
    "werk/opleiding": "werk en opleiding",
}

PARTICIPATIE = {
    "werk": "Werk",
    "vrijwilligerswerk": "Vrijwilligerswerk",
    "stage": "Stage",
    "opleiding": "Opleiding",
}


@dataclass(frozen=True)
class Brief:
    """What the letter needs: one version's content, the PIP's fixed facts, the person and the gemeente."""

    inhoud: dict[str, Any]
    versie: int
    reden: str | None
    kenmerk: str
    doelgroep: str
    dagtekening_eerste_pip: date
    advies: dict[str, Any] | None
    geadresseerde: GeadresseerdeContract
    briefhoofd: Briefhoofd


def _dag(waarde: str | None) -> str | None:
    return datum(date.fromisoformat(waarde)) if waarde else None


def _periode(onderdeel: dict[str, Any]) -> str:
    start, einde = _dag(onderdeel.get("start")), _dag(onderdeel.get("verwachtEinde"))
    if start and einde:
        return f"van {start} tot en met {einde}"
    if start:
        return f"vanaf {start}"
    return "wanneer, spreekt u af met uw klantmanager"


def _onderdelen(inhoud: dict[str, Any]) -> list[dict[str, str]]:
    return [
        {
            "naam": ONDERDELEN[Component(o["component"])][0],
            "uitleg": ONDERDELEN[Component(o["component"])][1],
            "periode": _periode(o),
            "aanbieder": o.get("aanbieder") or "de gemeente",
        }
        for o in inhoud.get("onderdelen", [])
        if o["aangeboden"]
    ]


def _doelen(inhoud: dict[str, Any]) -> list[dict[str, str]]:
    return [
        {"gebied": LEEFGEBIED.get(d["leefgebied"], d["leefgebied"]), "omschrijving": d["omschrijving"]}
        for d in inhoud.get("doelen", [])
    ]


def _redenen(brief: Brief, leerroute: Leerroute) -> list[dict[str, str]]:
    """The advice's reasons when the leerroute follows it; otherwise the motivering stands alone."""
    if not brief.advies or brief.advies["leerroute"] != leerroute.value:
        return []
    return [{"tekst": r["tekst"], "bron": r["bron"]} for r in brief.advies["redenen"]]


def _grondslag(leerroute: Leerroute, componenten: set[str]) -> list[str]:
    grondslag = [
        "artikel 15 van de Wet inburgering 2021: de gemeente stelt na de brede intake een "
        "persoonlijk plan inburgering en participatie vast;",
        "artikel 14 van de Wet inburgering 2021: de brede intake, waarop dit plan rust;",
        "artikel 11 van de Wet inburgering 2021: de inburgeringstermijn van drie jaar;",
        "artikel 5.3 van het Besluit inburgering 2021: het plan binnen tien weken;",
    ]
    if leerroute is Leerroute.Z:
        grondslag.append("artikel 3.14 van het Besluit inburgering 2021: de uren van de Z-route;")
    if Component.FINANCIEEL_ONTZORGEN.value in componenten:
        grondslag.append("artikel 56a van de Participatiewet: financieel ontzorgen;")
    grondslag.append(
        "de artikelen 3:40 tot en met 3:47 en 6:4 tot en met 6:9 van de Algemene wet bestuursrecht."
    )
    return grondslag


def context(brief: Brief) -> dict[str, Any]:
    inhoud = brief.inhoud
    dagtekening = date.fromisoformat(inhoud["dagtekening"])
    leerroute = Leerroute(inhoud["leerroute"])
    onderdelen = _onderdelen(inhoud)
    componenten = {o["component"] for o in inhoud.get("onderdelen", []) if o["aangeboden"]}
    adres = brief.geadresseerde.verblijfsadres
    return {
        "gemeente": brief.briefhoofd,
        "persoon": brief.geadresseerde,
        "adres": adres,
        "huisnummer": (
            f"{adres.huisnummer}{adres.huisletter or ''}"
            f"{'-' + adres.huisnummertoevoeging if adres.huisnummertoevoeging else ''}"
            if adres
            else ""
        ),
        "klantmanager": inhoud["klantmanager"],
        "kenmerk": brief.kenmerk,
        "dagtekening": datum(dagtekening),
        "versie": brief.versie,
        "reden": brief.reden,
        "leerroute": leerroute.value,
        "niveau": inhoud.get("niveau"),
        "uitleg_leerroute": UITLEG_LEERROUTE[leerroute],
        "duo_examens": DUO_EXAMENS[leerroute],
        "redenen": _redenen(brief, leerroute),
        "toets_ontbreekt": (brief.advies or {}).get("ontbreekt", []),
        "motivering": inhoud.get("motivering"),
        "afschaalgrond": inhoud.get("afschaalgrond"),
        "onderdelen": onderdelen,
        "participatie": [
            {**p, "soort": PARTICIPATIE.get(p["soort"], p["soort"])} for p in inhoud.get("participatie", [])
        ],
        "weekprogramma": inhoud.get("weekprogramma", []),
        "doelen": _doelen(inhoud),
        "grondslag": _grondslag(leerroute, componenten),
        "asiel": is_asielstatushouder(Doelgroep(brief.doelgroep)),
        "boetes": boetes,
        "termijn_start": datum(brief.dagtekening_eerste_pip + timedelta(days=1)),
        "termijn_einde": datum(laatste_dag_termijn(brief.dagtekening_eerste_pip)),
        "bezwaar_einde": datum(bezwaartermijn_einde(dagtekening)),
    }


def html(brief: Brief) -> str:
    return _ENV.get_template("beschikking.html").render(context(brief))


def pdf(brief: Brief) -> bytes:
    from fpdf import FPDF, TextStyle  # see the module docs

    stijlen = {
        "h1": TextStyle(font_style="B", font_size_pt=15, color=_DONKERBLAUW, t_margin=4, b_margin=2),
        "h2": TextStyle(font_style="B", font_size_pt=12, color=_DONKERBLAUW, t_margin=5, b_margin=1),
    }
    document = FPDF(format="A4")
    document.set_title("Besluit over uw Persoonlijk Plan Inburgering en Participatie")
    document.set_author(f"College van burgemeester en wethouders van {brief.briefhoofd.gemeentenaam}")
    document.add_font("dejavu", fname=str(_FONTS / "DejaVuSans.ttf"))
    document.add_font("dejavu", style="B", fname=str(_FONTS / "DejaVuSans-Bold.ttf"))
    document.set_margins(20, 18, 20)
    document.set_auto_page_break(True, margin=18)
    document.add_page()
    document.set_font("dejavu", size=10)
    secties = _SECTIE.findall(_ENV.get_template("beschikking.html").render(context(brief)))
    for sectie in secties:
        with document.offset_rendering() as proef:
            proef.write_html(sectie, font_family="dejavu", tag_styles=stijlen)
        if proef.page_break_triggered and document.get_y() > document.t_margin + 1:
            document.add_page()
        document.write_html(sectie, font_family="dejavu", tag_styles=stijlen)
    return bytes(document.output())
