"""Put the service's src folder on sys.path only when trajectory_service is not installed, and the duo
and service test folders always (for duo_testkit and traject_testkit: pytest runs with importlib mode)."""

import importlib.util
import sys
from pathlib import Path

import pytest

if importlib.util.find_spec("trajectory_service") is None:
    sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))
sys.path.insert(0, str(Path(__file__).resolve().parent / "duo"))
sys.path.insert(0, str(Path(__file__).resolve().parent / "service"))


@pytest.fixture(scope="session")
def contract():
    """DUO's OpenAPI documents from ../shared (or $DUO_SPEC_DIR); the contract tests skip without them."""
    from duo_simulator.contract import DuoContract, spec_dir_or_reason

    folder, reden = spec_dir_or_reason()
    if folder is None:
        pytest.skip(reden)
    return DuoContract(folder)
