"""A reason of the advice and how it cites its source: the law, or the gemeente's setting."""

from dataclasses import dataclass

WET = "Wet inburgering 2021"
BESLUIT = "Besluit inburgering 2021"
REGELING = "Regeling inburgering 2021"


def beleid(instelling: str, waarde: object) -> str:
    """A choice the law leaves to the gemeente, cited as its setting and value."""
    return f"gemeentelijk beleid: instelling {instelling} = {waarde}"


@dataclass(frozen=True)
class Reden:
    code: str
    tekst: str
    bron: str
