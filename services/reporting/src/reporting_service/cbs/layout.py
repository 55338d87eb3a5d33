"""The layout of the quarterly CBS delivery (R16): the one place it is defined.

The exact CBS layout could not be retrieved; this one is designed from the
process facts (domain.md) and documented in docs/reporting.md. To align it
with CBS's guidelines, change it here, raise LAYOUT_VERSIE, and the file
writer, the validator and the documentation table follow.

The file: UTF-8 without BOM, `;` as separator, LF line endings, a header line
with the field names, then one record per inburgeraar sorted by dossier key.
No timestamps or other volatile content: the same data gives the same bytes.
"""

from dataclasses import dataclass

LAYOUT_VERSIE = "INB-CBS-1.0"
SCHEIDINGSTEKEN = ";"
REGELEINDE = "\n"
CODERING = "utf-8"

DATUM = r"^\d{8}$"  # JJJJMMDD
JA_NEE = ("J", "N")


@dataclass(frozen=True)
class Veld:
    naam: str
    omschrijving: str
    verplicht: bool = False
    patroon: str | None = None
    waarden: tuple[str, ...] | None = None


DOELGROEP_CODES = {
    "Asielstatushouder": "ASH",
    "Geestelijk bedienaar": "GB",
    "Gezinshereniger": "GH",
    "Gezinshereniger met Asielstatushouder": "GHA",
    "Gezinsvormer": "GV",
    "Gezinsvormer met Asielstatushouder": "GVA",
    "Overig": "OV",
}
LEERROUTE_CODES = {"B1-route": "B1", "Onderwijsroute": "OND", "Z-route": "Z"}
UITSTROOM_CODES = {"werk": "WERK", "onderwijs": "ONDERWIJS", "anders": "ANDERS"}

VELDEN: tuple[Veld, ...] = (
    Veld("gemeentecode", "CBS-gemeentecode van de leverende gemeente", True, r"^GM\d{4}$"),
    Veld("kwartaal", "Verslagkwartaal, JJJJKn", True, r"^\d{4}K[1-4]$"),
    Veld(
        "dossiersleutel",
        "Pseudonieme sleutel van het dossier (UUID van de inburgeraar; geen BSN)",
        True,
        r"^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$",
    ),
    Veld("doelgroep", "Doelgroep volgens DUO", True, waarden=tuple(DOELGROEP_CODES.values())),
    Veld("datum_instroom", "Koppeling door COA, anders kennisgeving door DUO", True, DATUM),
    Veld("datum_brede_intake", "Brede intake afgerond", patroon=DATUM),
    Veld("datum_pip", "Dagtekening van het eerste PIP", patroon=DATUM),
    Veld("pip_tijdig", "PIP vastgesteld binnen de deadline (R2, R3)", waarden=JA_NEE),
    Veld("leerroute", "Leerroute van het geldende PIP", waarden=tuple(LEERROUTE_CODES.values())),
    Veld("datum_start_termijn", "Start van de inburgeringstermijn (R4)", patroon=DATUM),
    Veld("datum_einde_termijn", "Einde van de termijn, met verlenging, exclusief (R4, R5)", patroon=DATUM),
    Veld("termijn_verlengd", "Termijn verlengd door DUO (R5)", waarden=JA_NEE),
    Veld("datum_map_gestart", "MAP gestart (R11)", patroon=DATUM),
    Veld("datum_map_afgerond", "MAP afgerond, eindgesprek (R11)", patroon=DATUM),
    Veld("datum_pvt_afgerond", "Participatieverklaring ondertekend (R12)", patroon=DATUM),
    Veld("datum_ontzorgen_gestart", "Financieel ontzorgen gestart (R14)", patroon=DATUM),
    Veld("datum_ontzorgen_afgerond", "Financieel ontzorgen beeindigd (R14)", patroon=DATUM),
    Veld("datum_plicht_voldaan", "Inburgeringsplicht voldaan", patroon=DATUM),
    Veld("uitstroom", "Uitstroom naar", waarden=tuple(UITSTROOM_CODES.values())),
    Veld("datum_uitstroom", "Datum van de uitstroom", patroon=DATUM),
)
KOPREGEL = tuple(veld.naam for veld in VELDEN)
