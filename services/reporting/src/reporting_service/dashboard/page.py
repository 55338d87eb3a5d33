"""The dashboard as one self-contained HTML page: inline CSS and SVG, no script, no external resource."""

from html import escape
from urllib.parse import urlencode

from inburgering_shared.dates import voluit

from .charts import (
    BLAUW,
    GRIJS,
    GROEN,
    HEMELBLAUW,
    ORANJE,
    PAARS,
    VERMILJOEN,
    Eenheid,
    Grafiek,
    Reeks,
    figuur,
    getal,
    maandnaam,
)
from .tables import Dashboard, Tabel, Waarde

CSS = """
body{font-family:sans-serif;margin:24px;color:#222;background:#fff}
h1{font-size:20px} h2{font-size:16px;margin-top:28px}
.grafieken{display:grid;grid-template-columns:repeat(2,580px);gap:16px}
figure{margin:0} figcaption{font-weight:bold;font-size:14px;margin-bottom:4px}
figcaption a{font-weight:normal}
p.leeg{height:240px;margin:0;padding:24px;box-sizing:border-box;border:1px dashed #bbb;color:#555}
table{border-collapse:collapse;margin:8px 0} td,th{border:1px solid #ccc;padding:3px 8px;font-size:13px}
th{background:#f3f3f3;text-align:left} td.n{text-align:right} .export{font-size:12px}
"""

# Column names and kengetallen of the exports, in words on the page.
WOORDEN = {
    "percentage": "percentage (%)",
    "verwachtSzw": "verwachting SZW (%)",
    "verwachtEigen": "eigen verwachting (%)",
    "opTijd": "op tijd vastgesteld",
    "teLaat": "te laat vastgesteld",
    "zonderPip": "deadline verstreken, geen PIP",
    "pip": "PIP-deadlines",
    "map": "MAP-deadlines",
    "termijn": "einde inburgeringstermijn",
    "bedrag": "bedrag (€)",
    "prijs": "prijs (€)",
    "verplicht": "verplicht (€)",
    "urenGepland": "uren gepland",
    "urenAanwezig": "uren aanwezig",
    "aanwezigheid": "aanwezigheid (%)",
    "niveauBehaald": "niveau behaald",
    "examensBehaald": "examens behaald",
    "slagingspercentage": "slagingspercentage (%)",
    "vastgesteld": "PIP's vastgesteld in de periode",
    "binnenTermijn": "waarvan binnen de termijn",
    "percentageBinnenTermijn": "percentage binnen de termijn",
    "dagenTotPipMediaan": "dagen tot PIP (mediaan)",
    "dagenTotPipP90": "dagen tot PIP (90e percentiel)",
    "deadlineVerstrekenZonderPip": "deadline verstreken, geen PIP",
    "deadlineInPeriode": "MAP-deadlines in de periode",
    "opTijdGestart": "MAP op tijd gestart",
    "percentageOpTijd": "percentage op tijd gestart",
    "overschreden": "termijn verstreken, plicht niet voldaan",
    "verlengd": "termijn verlengd door DUO",
}


def grafieken(d: Dashboard) -> list[Grafiek]:
    charts = [
        Grafiek(
            "grafiek-leerroutes",
            "Leerroutes: gerealiseerd tegen de verwachting",
            d.tabel("leerroutes"),
            [
                Reeks("percentage", "gerealiseerd", BLAUW, ""),
                Reeks("verwachtSzw", "verwachting SZW", ORANJE, "//"),
                Reeks("verwachtEigen", "eigen verwachting", GROEN, ".."),
            ],
            "% van de vastgestelde PIP's",
            "Geen leerroutes en geen verwachting bekend.",
            eenheid=Eenheid.PROCENT,
            onbekend="geen PIP",
        ),
        Grafiek(
            "grafiek-pip",
            "PIP's per maand van de deadline (10 weken, R2)",
            d.tabel("pip-per-maand"),
            [
                Reeks("opTijd", "op tijd vastgesteld", GROEN, ""),
                Reeks("teLaat", "te laat vastgesteld", ORANJE, "//"),
                Reeks("zonderPip", "deadline verstreken, geen PIP", VERMILJOEN, "xx"),
            ],
            "aantal inburgeraars",
            "Geen PIP-deadlines in deze periode.",
            gestapeld=True,
            categorie=maandnaam,
        ),
        Grafiek(
            "grafiek-deadlines",
            "Deadlines per maand",
            d.tabel("deadlines"),
            [
                Reeks("pip", "PIP-deadline", BLAUW, ""),
                Reeks("map", "MAP-deadline", PAARS, "//"),
                Reeks("termijn", "einde inburgeringstermijn", HEMELBLAUW, ".."),
            ],
            "aantal deadlines",
            "Geen deadlines in deze periode.",
            gestapeld=True,
            categorie=maandnaam,
        ),
    ]
    if d.budget is not None:
        charts.append(
            Grafiek(
                "grafiek-budget",
                f"Budget {d.budget.jaar}: SPUK-budget, verplicht, uitgegeven en prognose",
                d.tabel("budget"),
                [Reeks("bedrag", "bedrag", GRIJS, "")],
                "euro",
                f"Voor {d.budget.jaar} is nog geen SPUK-budget ingevoerd en niets verplicht of uitgegeven.",
                eenheid=Eenheid.EURO,
                liggend=True,
                onbekend="niet ingevoerd",
            )
        )
    return charts


def _cel(value: Waarde, kolom: str) -> str:
    if value is None:
        return "<td></td>"
    if isinstance(value, int | float):
        return f'<td class="n">{getal(value, Eenheid.AANTAL)}</td>'
    if kolom == "maand":
        value = maandnaam(value, True).replace("\n", " ")
    return f"<td>{escape(WOORDEN.get(value, value) if kolom == 'kengetal' else value)}</td>"


def tabel_html(tabel: Tabel, query: dict[str, str]) -> str:
    def link(formaat: str) -> str:
        href = f"dashboard/tabellen/{tabel.naam}?{urlencode({**query, 'formaat': formaat})}"
        return f'<a href="{escape(href)}">{formaat.upper()}</a>'

    links = " ".join(link(f) for f in ("csv", "json"))
    head = "".join(f"<th>{escape(WOORDEN.get(k, k))}</th>" for k in tabel.kolommen)
    body = "".join(
        "<tr>" + "".join(_cel(v, k) for v, k in zip(rij, tabel.kolommen, strict=True)) + "</tr>"
        for rij in tabel.rijen
    )
    return (
        f'<h2 id="tabel-{tabel.naam}">{escape(tabel.titel)}</h2><p class="export">Exporteren: {links}</p>'
        f"<table><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>"
    )


def render(d: Dashboard, query: dict[str, str]) -> str:
    s = d.scope
    periode = f"{voluit(s.van)} tot {voluit(s.tot)}"
    wie = s.naam if s.gemeenten == (s.naam,) else f"{s.naam} ({', '.join(s.gemeenten)})"
    return "".join(
        [
            '<!DOCTYPE html><html lang="nl"><head><meta charset="utf-8">',
            f"<title>Inburgering: {escape(s.naam)}</title><style>{CSS}</style></head><body>",
            f"<h1>Inburgering {escape(wie)}, {periode}</h1>",
            '<div class="grafieken">',
            *(figuur(g) for g in grafieken(d)),
            "</div>",
            *(tabel_html(t, query) for t in d.tabellen),
            "</body></html>",
        ]
    )
