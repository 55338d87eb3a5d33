"""The inburgeringsaanbod and the klantmanager as contactpersoon reach DUO from a vastgesteld PIP: through
the DUO write queue, checked against DUO's rules first, replaced by a later version, and the contactpersoon
removed when the plicht ends. Every exchange is checked against DUO's OpenAPI documents."""

from duo_testkit import BSN, controleer_contract, feiten
from traject_testkit import INBURGERAAR, dossiers, notificeer, open_traject, pip_vastgesteld

NOORD = {
    "instellingsnummer": "1234567890",
    "naam": "Taalschool Noord",
    "postcode": "8301AB",
    "huisnummer": 1,
    "plaatsnaam": "Emmeloord",
    "indicatieBowKeurmerk": True,
}
ZUID = {**NOORD, "instellingsnummer": "0987654321", "naam": "Taalhuis Zuid"}
BAKKER = {"naam": "S. Bakker", "telefoon": "0527 633 900", "email": "s.bakker@gemeente.example.nl"}
JANSEN = {"naam": "R. Jansen", "telefoon": "0527 633 901", "email": "r.jansen@gemeente.example.nl"}
GEEN_PLICHT = {
    "indicatorInburgeringsplicht": False,
    "begindatum": "2025-01-01",
    "einddatum": "2026-11-20",
    "redenGeenInburgeringsplicht": "Volledige ontheffing",
}


def asiel_pip(
    aanbieder: str | None = "Taalschool Noord",
    klantmanager: dict = BAKKER,
    start: str = "2026-02-01",
    **velden,
) -> dict:
    return {
        "doelgroep": "Asielstatushouder",
        "dagtekening": "2026-01-15",
        "alfabetisering": "NVT",
        "klantmanager": klantmanager,
        "onderdelen": [
            {"component": "leerroute", "start": start, "verwachtEinde": "2027-08-01", "aanbieder": aanbieder}
        ],
        **velden,
    }


def bij_duo(duo) -> dict:
    return duo.beheer.get(f"/simulator/personen/{BSN}").json()


def contactpersonen(duo) -> list[dict]:
    return duo.beheer.get("/simulator/contactpersonen").json()


def nieuwe_versie(client, auth_headers, pips, **pip) -> None:
    [url] = pips.pips
    pips.pips[url] |= {"versie": pips.pips[url]["versie"] + 1, **pip}
    pip_vastgesteld(client, auth_headers, url)


def aangemeld(client, auth_headers, pips, duo, **pip) -> None:
    duo.beheer.put("/simulator/referentiedata", json={"instellingen": [NOORD, ZUID]})
    open_traject(client, auth_headers, pips, **asiel_pip(**pip))
    duo.inburgeraars[BSN] = INBURGERAAR
    duo.beheer.put(f"/simulator/personen/{BSN}", json=feiten())
    notificeer(client, "SS139")
    duo.sync.ronde()


def test_a_vastgesteld_pip_delivers_the_aanbod_and_the_klantmanager_as_contactpersoon(
    client, auth_headers, pips, duo, contract
):
    aangemeld(client, auth_headers, pips, duo)

    assert bij_duo(duo)["inburgeringsaanbod"] == {
        "1234567890": {
            "datumInburgeringsaanbod": "2026-02-01",
            "verwachteStartdatumOpleiding": "2026-02-01",
            "verwachteEinddatumOpleiding": "2027-08-01",
            "indicatorAlfabetiseringsonderwijs": "NVT",
        }
    }
    [contactpersoon] = contactpersonen(duo)
    assert contactpersoon["personen"] == [BSN]
    assert contactpersoon["contactpersoongegevens"] == {
        "naam": "S. Bakker",
        "email": "s.bakker@gemeente.example.nl",
        "telefoonnummer": "0527 633 900",
    }
    [dossier] = dossiers(client, auth_headers)
    assert [(o["soort"], o["status"]) for o in dossier["opdrachten"]] == [
        ("pip", "verzonden"),
        ("aanbod", "verzonden"),
        ("contactpersoon", "verzonden"),
    ]
    assert dossier["sync"]["status"] == "bijgewerkt"
    controleer_contract(contract, duo.transport.uitwisselingen)


def test_a_new_version_replaces_the_aanbod_and_the_contactpersoon(client, auth_headers, pips, duo):
    aangemeld(client, auth_headers, pips, duo)

    nieuwe_versie(
        client, auth_headers, pips, **asiel_pip("0987654321", JANSEN, "2026-03-15", dagtekening="2026-03-01")
    )
    duo.sync.ronde()

    # DUO keeps one aanbod per instelling: the one at the previous instelling is withdrawn.
    assert list(bij_duo(duo)["inburgeringsaanbod"]) == ["0987654321"]
    [contactpersoon] = contactpersonen(duo)  # the previous klantmanager, linked to nobody, is removed
    assert (contactpersoon["contactpersoongegevens"]["naam"], contactpersoon["personen"]) == (
        "R. Jansen",
        [BSN],
    )

    # The same klantmanager with another telephone number: DUO's contactpersoon is changed, not added.
    nieuwe_versie(
        client,
        auth_headers,
        pips,
        **asiel_pip(
            "0987654321", {**JANSEN, "telefoon": "0527 633 999"}, "2026-03-15", dagtekening="2026-03-01"
        ),
    )
    duo.sync.ronde()
    [gewijzigd] = contactpersonen(duo)
    assert (gewijzigd["id"], gewijzigd["contactpersoongegevens"]["telefoonnummer"]) == (
        contactpersoon["id"],
        "0527 633 999",
    )
    assert dossiers(client, auth_headers)[0]["sync"]["status"] == "bijgewerkt"


def test_an_aanbieder_duo_does_not_list_is_refused_in_words_before_sending(client, auth_headers, pips, duo):
    aangemeld(client, auth_headers, pips, duo, aanbieder="Buurthuis De Linde")

    assert not bij_duo(duo).get("inburgeringsaanbod")
    assert not [u for u in duo.transport.uitwisselingen if "Inburgeringsaanbod" in u.pad]
    [dossier] = dossiers(client, auth_headers)
    [aanbod] = [o for o in dossier["opdrachten"] if o["soort"] == "aanbod"]
    assert aanbod["status"] == "geweigerd"
    assert "Buurthuis De Linde" in aanbod["resultaat"]
    assert "staat niet in DUO's lijst van instellingen" in aanbod["resultaat"]
    assert BSN not in dossier["sync"]["laatsteFout"]
    assert dossier["sync"]["status"] == "fout"
    # the other writes of the PIP went through
    assert contactpersonen(duo)[0]["personen"] == [BSN]


def test_a_gezinsmigrant_gets_no_aanbod_from_the_gemeente(client, auth_headers, pips, duo):
    aangemeld(client, auth_headers, pips, duo)
    [url] = pips.pips
    assert [o["soort"] for o in dossiers(client, auth_headers)[0]["opdrachten"]] == [
        "pip",
        "aanbod",
        "contactpersoon",
    ]
    pips.pips[url]["doelgroep"] = "Gezinshereniger"
    nieuwe_versie(client, auth_headers, pips)
    assert [o["soort"] for o in dossiers(client, auth_headers)[0]["opdrachten"]] == [
        "pip",
        "aanbod",
        "contactpersoon",
        "pip",
    ]


def test_the_end_of_the_plicht_removes_the_contactpersoon_at_duo(client, auth_headers, pips, duo):
    aangemeld(client, auth_headers, pips, duo)
    assert contactpersonen(duo)[0]["personen"] == [BSN]

    duo.beheer.put(f"/simulator/personen/{BSN}", json=feiten(inburgeringsplicht=GEEN_PLICHT))
    notificeer(client, "SS108", registratieDatumTijd="2026-11-21T09:30:00Z")
    duo.sync.ronde()

    assert contactpersonen(duo) == []
    [dossier] = dossiers(client, auth_headers)
    assert [(o["soort"], o["status"]) for o in dossier["opdrachten"]][-1] == (
        "contactpersoon-weg",
        "verzonden",
    )


def test_a_pip_naming_no_aanbieder_of_the_leerroute_queues_no_aanbod(client, auth_headers, pips, duo):
    aangemeld(client, auth_headers, pips, duo, aanbieder=None)
    assert [o["soort"] for o in dossiers(client, auth_headers)[0]["opdrachten"]] == ["pip", "contactpersoon"]


def ingetrokken(client, auth_headers, pips) -> None:
    [url] = pips.pips
    pips.pips[url]["status"] = "ingetrokken"
    pip_vastgesteld(client, auth_headers, url, actie="pip-ingetrokken", status="ingetrokken")


def test_a_withdrawn_pip_is_withdrawn_at_duo_with_its_aanbod(client, auth_headers, pips, duo, contract):
    aangemeld(client, auth_headers, pips, duo)
    nieuwe_versie(client, auth_headers, pips, **asiel_pip(start="2026-03-15", dagtekening="2026-03-01"))
    duo.sync.ronde()
    assert len(bij_duo(duo)["pips"]) == 2

    ingetrokken(client, auth_headers, pips)
    ingetrokken(client, auth_headers, pips)  # pip's event delivered twice: one withdrawal
    duo.sync.ronde()

    assert bij_duo(duo)["pips"] == []  # both versions gone at DUO
    assert not bij_duo(duo).get("inburgeringsaanbod")
    [dossier] = dossiers(client, auth_headers)
    assert [(o["soort"], o["status"]) for o in dossier["opdrachten"]][-1] == ("pip-weg", "verzonden")
    assert [o["soort"] for o in dossier["opdrachten"]].count("pip-weg") == 1
    assert dossier["sync"]["status"] == "bijgewerkt"
    controleer_contract(contract, duo.transport.uitwisselingen)


def test_a_withdrawal_duo_would_refuse_is_not_sent_and_shown_in_words(client, auth_headers, pips, duo):
    aangemeld(client, auth_headers, pips, duo)
    duo.client("GM0171").zet_uren_participatie_als_taalles(BSN, 40)
    termijn = {"startdatum": "2026-01-16", "einddatum": "2029-01-16"}
    duo.beheer.put(f"/simulator/personen/{BSN}", json=feiten(inburgeringstermijn=termijn))

    ingetrokken(client, auth_headers, pips)
    duo.sync.ronde()

    assert len(bij_duo(duo)["pips"]) == 1
    assert not [u for u in duo.transport.uitwisselingen if u.methode == "DELETE"]
    [dossier] = dossiers(client, auth_headers)
    [weg] = [o for o in dossier["opdrachten"] if o["soort"] == "pip-weg"]
    assert weg["status"] == "geweigerd"
    assert "inburgeringstermijn al vastgesteld" in weg["resultaat"]
    assert "40 cursusdeelnameuren" in weg["resultaat"]
    assert dossier["sync"]["status"] == "fout"
