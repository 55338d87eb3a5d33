"""Bar charts as inline SVG, drawn on the server: the page needs no script and no internet resource."""

from dataclasses import dataclass
from html import escape

BREEDTE, HOOGTE = 560, 260
MARGE_LINKS, MARGE_ONDER, MARGE_BOVEN = 48, 56, 34


@dataclass(frozen=True)
class Reeks:
    naam: str
    kleur: str  # "#rrggbb"
    waarden: list[float]


def _schaal(maximum: float) -> float:
    """A round top for the value axis."""
    if maximum <= 0:
        return 1.0
    stap = 10 ** (len(str(int(maximum))) - 1)
    return float(-(-maximum // stap) * stap)


def staafdiagram(
    ident: str, titel: str, categorieen: list[str], reeksen: list[Reeks], gestapeld: bool = False
) -> str:
    """Vertical bars per category: side by side per series, or stacked."""
    plot_b, plot_h = BREEDTE - MARGE_LINKS - 10, HOOGTE - MARGE_BOVEN - MARGE_ONDER
    totalen = [sum(r.waarden[i] for r in reeksen) for i in range(len(categorieen))]
    top = _schaal(max(totalen if gestapeld else [v for r in reeksen for v in r.waarden] or [0]))
    groep = plot_b / max(1, len(categorieen))
    staaf = groep * 0.7 / (1 if gestapeld else max(1, len(reeksen)))
    onder = MARGE_BOVEN + plot_h
    delen = [
        f'<svg id="{escape(ident)}" xmlns="http://www.w3.org/2000/svg" width="{BREEDTE}" height="{HOOGTE}" '
        f'viewBox="0 0 {BREEDTE} {HOOGTE}" role="img" aria-label="{escape(titel)}">',
        f"<title>{escape(titel)}</title>",
        f'<text x="{MARGE_LINKS}" y="18" font-size="14" font-weight="bold">{escape(titel)}</text>',
        f'<line x1="{MARGE_LINKS}" y1="{onder}" x2="{BREEDTE - 10}" y2="{onder}" stroke="#333"/>',
        f'<text x="{MARGE_LINKS - 6}" y="{MARGE_BOVEN + 4}" font-size="10" text-anchor="end">{top:g}</text>',
        f'<text x="{MARGE_LINKS - 6}" y="{onder}" font-size="10" text-anchor="end">0</text>',
    ]
    for i, categorie in enumerate(categorieen):
        x0, basis = MARGE_LINKS + i * groep + groep * 0.15, float(onder)
        for j, reeks in enumerate(reeksen):
            h = plot_h * reeks.waarden[i] / top
            x = x0 if gestapeld else x0 + j * staaf
            y = basis - h
            delen.append(
                f'<rect x="{x:.1f}" y="{y:.1f}" width="{staaf:.1f}" height="{h:.1f}" fill="{reeks.kleur}">'
                f"<title>{escape(reeks.naam)}: {reeks.waarden[i]:g}</title></rect>"
            )
            if gestapeld:
                basis = y
        delen.append(
            f'<text x="{x0 + groep * 0.35:.1f}" y="{onder + 14}" font-size="10" text-anchor="middle">'
            f"{escape(categorie)}</text>"
        )
    for j, reeks in enumerate(reeksen):
        x = MARGE_LINKS + j * 150
        delen.append(
            f'<rect x="{x}" y="{HOOGTE - 18}" width="10" height="10" fill="{reeks.kleur}"/>'
            f'<text x="{x + 14}" y="{HOOGTE - 9}" font-size="10">{escape(reeks.naam)}</text>'
        )
    delen.append("</svg>")
    return "".join(delen)
