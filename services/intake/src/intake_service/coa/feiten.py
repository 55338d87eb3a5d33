"""What of COA's klantprofiel becomes a fact in the brede intake."""

from typing import Any

from inburgering_shared.contracts.profiel import ProfielInvoer

from ..brede_intake.prefill import profielwaarden


def klantprofiel_feiten(klantprofiel: dict[str, Any]) -> dict[str, str]:
    """The achtergrond facts of a stored klantprofiel (JSON), empty fields left out; health never."""
    feiten = {
        veld: klantprofiel.get(veld)
        for veld in (
            "opleiding",
            "werkervaring",
            "huishoudsamenstelling",
            "voorinburgering",
            "zichtbareBeperkingen",
        )
    }
    talen = klantprofiel.get("talen") or []
    if talen:
        feiten["talen"] = "; ".join(
            f"{t['taal']} ({t['niveau']})" if t.get("niveau") else t["taal"] for t in talen
        )
    return {veld: waarde for veld, waarde in feiten.items() if waarde}


def klantprofiel_profiel(klantprofiel: dict[str, Any]) -> dict[str, Any]:
    """The profiel facts (language levels, diplomas, ...) of a stored klantprofiel; absent ones left out."""
    return profielwaarden(
        ProfielInvoer.model_validate({veld: klantprofiel.get(veld) for veld in ProfielInvoer.model_fields})
    )


def klantprofiel_kolommen(klantprofiel: dict[str, Any]) -> dict[str, dict[str, Any]]:
    """The facts of a stored klantprofiel per column of the brede intake they prefill."""
    return {"achtergrond": klantprofiel_feiten(klantprofiel), "profiel": klantprofiel_profiel(klantprofiel)}
