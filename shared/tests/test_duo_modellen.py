"""The committed DUO models are what datamodel-code-generator makes of DUO's documents in ../shared."""

import importlib.util
import os

import pytest
from inburgering_shared.duo import modellen_genereren
from inburgering_shared.duo.specs import spec_dir_or_reason


def test_the_committed_duo_models_match_duos_documents():
    specs, reden = spec_dir_or_reason()
    if specs is None:
        pytest.skip(reden)
    if importlib.util.find_spec("datamodel_code_generator") is None:
        if os.environ.get("CI") == "true":
            pytest.fail("datamodel-code-generator is not installed (requirements-dev.txt)")
        pytest.skip("datamodel-code-generator is not installed (pip install -r requirements-dev.txt)")
    diff = modellen_genereren.verschillen(specs)
    assert not diff, "run `make duo-modellen`:\n" + "\n".join(diff[:80])
