"""The advice of a draft PIP reads the language levels and diplomas of the brede intake's profiel."""

from .test_pip_lifecycle import draft

VANDAAG = "2026-11-02"


def vastgelegd(waarde, bron="COA"):
    return {"waarde": waarde, "bron": bron, "datum": VANDAAG}


PROFIEL = {
    "taalniveaus": {
        "lezen": vastgelegd("B1"),
        "luisteren": vastgelegd("B1"),
        "spreken": vastgelegd("B2", bron="klantmanager"),
        "schrijven": vastgelegd("B1"),
    },
    "diplomas": vastgelegd(
        [
            {
                "naam": "Bachelor verpleegkunde",
                "land": "Eritrea",
                "waardering": {"vergelijkbaarNiveau": "hbo-bachelor", "datum": "2026-08-01"},
            }
        ]
    ),
}
TOETS_ZONDER_UITSLAG = {"resultaat": "Onbekend"}


def test_the_advice_cites_the_language_levels_and_the_diploma(client, auth_headers, intake):
    pip = draft(client, auth_headers, intake, profiel=PROFIEL, leerbaarheidstoets=TOETS_ZONDER_UITSLAG)
    advies = pip["advies"]
    redenen = {r["code"]: r for r in advies["redenen"]}
    # B1 on every skill makes B1 haalbaar while the toets has no answer: the Onderwijsroute criteria decide
    assert advies["leerroute"] == "Onderwijsroute" and advies["voorlopig"] is True
    assert redenen["TAALNIVEAU_B1_HAALBAAR"]["bron"].startswith("Wet inburgering 2021 art. 15")
    assert redenen["TAALNIVEAU_HUIDIG"]["tekst"] == (
        "Huidig taalniveau: lezen B1, luisteren B1, spreken B2, schrijven B1."
    )
    assert "Regeling inburgering 2021 art. 3.12" in redenen["TAALNIVEAU_B1_BEREIKT"]["bron"]
    assert "hbo-bachelor" in redenen["DIPLOMA_IDW"]["tekst"]


def test_without_a_profiel_the_advice_is_as_before(client, auth_headers, intake):
    pip = draft(client, auth_headers, intake, leerbaarheidstoets=TOETS_ZONDER_UITSLAG)
    codes = {r["code"] for r in pip["advies"]["redenen"]}
    assert pip["advies"]["leerroute"] == "B1-route" and "B1_NORM" in codes
    assert not {c for c in codes if c.startswith(("TAALNIVEAU_", "DIPLOMA_"))}
