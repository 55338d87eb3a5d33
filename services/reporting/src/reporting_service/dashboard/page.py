"""The dashboard as one self-contained HTML page: inline CSS and SVG, no script, no external resource."""

from html import escape
from urllib.parse import urlencode

from .charts import Reeks, staafdiagram
from .tables import Dashboard, Tabel, Waarde

# Fixed colours: the browser test looks for them in each chart's region of the screenshot.
BLAUW, ORANJE, GROEN, ROOD, PAARS, BRUIN, ROZE, GRIJS = (
    "#1f77b4",
    "#ff7f0e",
    "#2ca02c",
    "#d62728",
    "#9467bd",
    "#8c564b",
    "#e377c2",
    "#7f7f7f",
)

CSS = """
body{font-family:sans-serif;margin:24px;color:#222;background:#fff}
h1{font-size:20px} h2{font-size:16px;margin-top:28px}
.grafieken{display:grid;grid-template-columns:repeat(2,580px);gap:16px}
table{border-collapse:collapse;margin:8px 0} td,th{border:1px solid #ccc;padding:3px 8px;font-size:13px}
th{background:#f3f3f3;text-align:left} td.n{text-align:right} .export{font-size:12px}
"""


def grafieken(d: Dashboard) -> list[str]:
    k = d.kpis
    charts = [
        staafdiagram(
            "grafiek-leerroutes",
            "Leerroutes (%) tegen de verwachting",
            [r.leerroute for r in k.leerroutes],
            [
                Reeks("gerealiseerd", BLAUW, [r.percentage or 0 for r in k.leerroutes]),
                Reeks("SZW 60/25/15", ORANJE, [r.verwachtSzw for r in k.leerroutes]),
                Reeks("eigen verwachting", GROEN, [r.verwachtEigen for r in k.leerroutes]),
            ],
        ),
        staafdiagram(
            "grafiek-pip",
            "PIP's vastgesteld: binnen en na de deadline",
            ["PIP's"],
            [
                Reeks("binnen termijn", GROEN, [k.pip.binnenTermijn]),
                Reeks("te laat of onbekend", ROOD, [k.pip.vastgesteld - k.pip.binnenTermijn]),
            ],
            gestapeld=True,
        ),
        staafdiagram(
            "grafiek-deadlines",
            "Deadlines per maand",
            [m[2:] for m, *_ in d.deadlines],
            [
                Reeks("PIP", PAARS, [p for _, p, _, _ in d.deadlines]),
                Reeks("MAP", BRUIN, [m for _, _, m, _ in d.deadlines]),
                Reeks("termijn", ROZE, [t for _, _, _, t in d.deadlines]),
            ],
            gestapeld=True,
        ),
    ]
    if d.budget is not None:
        b = d.budget
        charts.append(
            staafdiagram(
                "grafiek-budget",
                f"Budget {b.jaar} (EUR)",
                ["budget", "verplicht", "uitgegeven", "prognose"],
                [
                    Reeks("SPUK-budget", GRIJS, [b.budget or 0, 0, 0, 0]),
                    Reeks("verplicht", BLAUW, [0, b.verplicht, 0, 0]),
                    Reeks("uitgegeven", ORANJE, [0, 0, b.uitgegeven, 0]),
                    Reeks("prognose", ROOD, [0, 0, 0, b.prognose]),
                ],
                gestapeld=True,
            )
        )
    return charts


def _cel(value: Waarde) -> str:
    if value is None:
        return "<td></td>"
    if isinstance(value, int | float):
        return f'<td class="n">{value:g}</td>'
    return f"<td>{escape(value)}</td>"


def tabel_html(tabel: Tabel, query: dict[str, str]) -> str:
    def link(formaat: str) -> str:
        href = f"dashboard/tabellen/{tabel.naam}?{urlencode({**query, 'formaat': formaat})}"
        return f'<a href="{escape(href)}">{formaat.upper()}</a>'

    links = " ".join(link(f) for f in ("csv", "json"))
    head = "".join(f"<th>{escape(k)}</th>" for k in tabel.kolommen)
    body = "".join("<tr>" + "".join(_cel(v) for v in rij) + "</tr>" for rij in tabel.rijen)
    return (
        f'<h2 id="tabel-{tabel.naam}">{escape(tabel.titel)}</h2><p class="export">Exporteren: {links}</p>'
        f"<table><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>"
    )


def render(d: Dashboard, query: dict[str, str]) -> str:
    s = d.scope
    periode = f"{s.van.isoformat()} tot {s.tot.isoformat()}"
    return "".join(
        [
            '<!DOCTYPE html><html lang="nl"><head><meta charset="utf-8">',
            f"<title>Inburgering: {escape(s.naam)}</title><style>{CSS}</style></head><body>",
            f"<h1>Inburgering {escape(s.naam)} ({escape(', '.join(s.gemeenten))}), {periode}</h1>",
            '<div class="grafieken">',
            *grafieken(d),
            "</div>",
            *(tabel_html(t, query) for t in d.tabellen),
            "</body></html>",
        ]
    )
