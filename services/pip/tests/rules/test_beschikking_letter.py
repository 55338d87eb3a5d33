"""The beschikking letter for every leerroute and doelgroep: each element the Awb and the Wet ask for.

HTML and PDF come from one template; the PDF is read back per page (pypdf) and each page is
rendered to an image (pypdfium2) to check that none is nearly empty.
"""

import base64
import io
from datetime import date

import pypdf
import pypdfium2
import pytest
from inburgering_shared import voorbeeld_pip
from inburgering_shared.contracts.resources import GeadresseerdeContract
from PIL import Image
from pip_service.beschikking.letter import Brief, html, pdf
from pip_service.instellingen.schemas import Briefhoofd

MOTIVERING = "Mevrouw werkt bij ‘De Buurtkamer’ – 8 uur per week; reiskosten € 12; Şırnak, Łódź, Dvořák."  # noqa: RUF001 (the point of the test)


def _logo() -> str:
    buffer = io.BytesIO()
    Image.new("RGB", (300, 90), (0, 90, 160)).save(buffer, "PNG")
    return "data:image/png;base64," + base64.b64encode(buffer.getvalue()).decode()


BRIEFHOOFD = Briefhoofd.model_validate(
    {
        "gemeentenaam": "Noordoostpolder",
        "postadres": {"adres": "Postbus 155", "postcode": "8300 AD", "plaats": "Emmeloord"},
        "telefoon": "0527 633 911",
        "email": "inburgering@noordoostpolder.nl",
        "logo": _logo(),
        "ondertekenaar": {"naam": "J. de Vries", "functie": "teamleider Inburgering"},
    }
)
PERSOON = GeadresseerdeContract.model_validate(
    {
        "url": "http://intake.test/v1/inburgeraars/1",
        "voornamen": "Amal",
        "achternaam": "Haddad",
        "verblijfsadres": {
            "straat": "Kampwal",
            "huisnummer": 12,
            "huisletter": "a",
            "postcode": "8301 AB",
            "woonplaats": "Emmeloord",
        },
    }
)
KLANTMANAGER = {"naam": "S. Bakker", "telefoon": "0527 633 900", "email": "s.bakker@noordoostpolder.nl"}
ASIEL = "Asielstatushouder"
GEZIN = "Gezinshereniger"
COMPONENTEN = {
    ASIEL: [*voorbeeld_pip.COMPONENTEN, "financieel ontzorgen"],
    GEZIN: ["participatiedeel van de leerroute", "MAP", "PVT", "maatschappelijke begeleiding"],
}
NAMEN = {
    "leerroute": "Uw leerroute",
    "participatiedeel van de leerroute": "Het participatiedeel",
    "KNM": "KNM (Kennis van de Nederlandse Maatschappij)",
    "MAP": "MAP (Module Arbeidsmarkt en Participatie)",
    "PVT": "PVT (Participatieverklaringstraject)",
    "maatschappelijke begeleiding": "Maatschappelijke begeleiding",
    "financieel ontzorgen": "Financieel ontzorgen",
}
ROUTES = ["B1-route", "Onderwijsroute", "Z-route"]


def brief(leerroute: str, doelgroep: str, *, motivering: str | None = None) -> Brief:
    onderdelen = [
        {
            "component": c,
            "aangeboden": True,
            "start": "2026-11-03",
            "verwachtEinde": "2028-05-03",
            "aanbieder": "Taalschool Flevoland" if c == "leerroute" else None,
        }
        for c in COMPONENTEN[doelgroep]
    ]
    inhoud = {
        "dagtekening": "2026-11-02",
        "leerroute": leerroute,
        "niveau": None if leerroute == "Z-route" else "B1",
        "motivering": motivering,
        "klantmanager": KLANTMANAGER,
        "onderdelen": onderdelen,
        "participatie": [
            {"soort": "vrijwilligerswerk", "omschrijving": "Helpen in de Buurtkamer", "urenPerWeek": 8}
        ],
        "weekprogramma": [
            {
                "activiteit": "00000000-0000-0000-0000-000000000001",
                "urenPerWeek": 2,
                "titel": "Taalcafé",
                "aanbieder": "Bibliotheek Emmeloord",
                "plaats": "Emmeloord",
                "rooster": "dinsdag 14-16 uur",
            }
        ],
        "doelen": [
            {"leefgebied": "wonen", "omschrijving": "U vindt een eigen woning en betaalt zelf de huur."}
        ],
    }
    advies = {
        "leerroute": leerroute,
        "redenen": [
            {
                "code": "LBT_HAALBAAR",
                "tekst": "De leerbaarheidstoets geeft: B1-route haalbaar.",
                "bron": "Besluit inburgering 2021 art. 2.7",
            }
        ],
    }
    return Brief(
        inhoud=inhoud,
        versie=1,
        reden=None,
        kenmerk="PIP-5b1e-1",
        doelgroep=doelgroep,
        dagtekening_eerste_pip=date(2026, 11, 2),
        advies=advies,
        geadresseerde=PERSOON,
        briefhoofd=BRIEFHOOFD,
    )


def plat(tekst: str) -> str:
    return " ".join(tekst.split())


def elementen(leerroute: str, doelgroep: str) -> list[str]:
    """Every element of the beschikking, as the text states it."""
    vast = [
        # the person as registered, the orgaan, the case reference, the date
        "Amal Haddad",
        "Kampwal 12a",
        "8301 AB Emmeloord",
        "Gemeente Noordoostpolder",
        "Postbus 155",
        "8300 AD Emmeloord",
        "het college van burgemeester en wethouders van Noordoostpolder",
        "Ons kenmerk: PIP-5b1e-1",
        "Datum: 2 november 2026",
        # the decision, its reasons and the legal basis
        "wij stellen uw PIP vast",
        "De leerbaarheidstoets geeft: B1-route haalbaar. (Bron: Besluit inburgering 2021 art. 2.7)",
        "artikel 15 van de Wet inburgering 2021",
        "artikel 14 van de Wet inburgering 2021",
        "artikel 11 van de Wet inburgering 2021",
        "Algemene wet bestuursrecht",
        # the route, the components with dates and provider, the week programme, the goals to "u"
        f"U volgt de {leerroute}",
        "Wanneer: van 3 november 2026 tot en met 3 mei 2028.",
        "Taalcafé bij Bibliotheek Emmeloord, Emmeloord, dinsdag 14-16 uur: 2 uur per week",
        "Vrijwilligerswerk: Helpen in de Buurtkamer, 8 uur per week",
        "Voor wonen: U vindt een eigen woning en betaalt zelf de huur.",
        # the klantmanager, DUO and the termijn, the consequences
        "S. Bakker",
        "0527 633 900",
        "s.bakker@noordoostpolder.nl",
        "DUO (Dienst Uitvoering Onderwijs)",
        "Uw termijn begint op 3 november 2026 en loopt tot en met 2 november 2029",
        "een boete geven van ten hoogste 800 euro",
        # the bezwaarclausule: termijn, last day, orgaan and postal address; the signature
        "binnen zes weken na de datum van deze brief",
        "uiterlijk op 14 december 2026",
        "Stuur uw brief naar: Het college van burgemeester en wethouders van Noordoostpolder "
        "Postbus 155 8300 AD Emmeloord",
        "namens deze",
        "J. de Vries teamleider Inburgering",
        # terms explained on first use
        "Een beschikking is een officieel besluit",
        "Een leerroute is de manier",
        "Bezwaar maken betekent",
        "Die tijd heet de inburgeringstermijn",
    ]
    examens = {
        "B1-route": "doet u examens bij DUO in lezen, luisteren, schrijven en spreken",
        "Onderwijsroute": "diploma van het taalschakeltraject",
        "Z-route": "In de Z-route doet u geen examens",
    }
    boete_duo = (
        "Als asielstatushouder krijgt u daarvoor geen boete van DUO"
        if doelgroep == ASIEL
        else "ten hoogste 1000 euro voor de leerroute, en 340 euro voor het PVT en 340 euro voor de MAP"
    )
    componenten = [NAMEN[c] for c in COMPONENTEN[doelgroep]]
    grondslag = ["artikel 3.14 van het Besluit inburgering 2021"] if leerroute == "Z-route" else []
    return [*vast, examens[leerroute], boete_duo, *componenten, *grondslag]


@pytest.mark.parametrize("doelgroep", [ASIEL, GEZIN])
@pytest.mark.parametrize("leerroute", ROUTES)
def test_the_html_letter_states_every_element(leerroute, doelgroep):
    tekst = html(brief(leerroute, doelgroep))
    assert '<img src="data:image/png;base64,' in tekst
    zichtbaar = plat(__import__("re").sub(r"<[^>]+>", " ", tekst))
    for element in elementen(leerroute, doelgroep):
        assert plat(element) in zichtbaar, element
    ontzorgen = "de gemeente betaalt van uw bijstandsuitkering uw huur"
    assert (ontzorgen in zichtbaar) is (doelgroep == ASIEL)


def pages(document: bytes) -> list[str]:
    return [plat(page.extract_text()) for page in pypdf.PdfReader(io.BytesIO(document)).pages]


def inktdeel(document: bytes) -> list[float]:
    """Per page, the share of pixel rows with any ink on them."""
    delen = []
    pdf_document = pypdfium2.PdfDocument(document)
    for index in range(len(pdf_document)):
        image = pdf_document[index].render(scale=0.5).to_pil().convert("L")
        width, height = image.size
        pixels = image.load()
        rows = sum(1 for y in range(height) if any(pixels[x, y] < 200 for x in range(0, width, 2)))
        delen.append(rows / height)
    return delen


@pytest.mark.parametrize("doelgroep", [ASIEL, GEZIN])
@pytest.mark.parametrize("leerroute", ROUTES)
def test_the_pdf_breaks_at_sections_and_has_no_near_empty_page(leerroute, doelgroep):
    document = pdf(brief(leerroute, doelgroep, motivering=MOTIVERING))
    per_pagina = pages(document)
    alles = " ".join(per_pagina)
    for element in [*elementen(leerroute, doelgroep), MOTIVERING]:
        assert plat(element) in alles, element
    assert len(per_pagina) >= 2
    # a section stays on one page: its heading and its last words are on the same page
    for kop, slot in [
        ("Bent u het niet eens met dit besluit?", "teamleider Inburgering"),
        ("Wat gaat u doen, en met wie?", "Maatschappelijke begeleiding"),
        ("Hoeveel tijd heeft u?", "Vraag dit op tijd aan bij DUO."),
    ]:
        assert any(kop in pagina and slot in pagina for pagina in per_pagina), kop
    assert min(inktdeel(document)) > 0.15
