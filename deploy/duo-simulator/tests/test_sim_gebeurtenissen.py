import re

import pytest
from duo_simulator.contract import spec_dir_or_reason
from inburgering_shared.duo.gebeurtenissen import Gebeurtenis


def _tabel() -> dict[str, str]:
    folder, reden = spec_dir_or_reason()
    if folder is None:
        pytest.skip(reden)
    eerste: dict[str, str] = {}
    for code, omschrijving in re.findall(
        r"^\|\s*(SS\d+)\s*\|\s*([^|]+?)\s*\|", (folder / "Gebeurtenissen.md").read_text(), re.M
    ):
        eerste.setdefault(code, omschrijving.split("<br>")[0].strip().rstrip(":").strip())
    return eerste


def test_every_code_in_gebeurtenissen_md_is_in_the_enum_and_no_other():
    assert {g.value for g in Gebeurtenis} == set(_tabel())


def test_each_code_carries_duos_description_from_its_first_table():
    tabel = _tabel()
    for gebeurtenis in Gebeurtenis:
        assert gebeurtenis.omschrijving == tabel[gebeurtenis.value]


def test_enum_values_are_the_codes_themselves():
    assert Gebeurtenis("SS139") is Gebeurtenis.SS139
    assert Gebeurtenis.SS139 == "SS139"
