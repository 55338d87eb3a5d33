"""Fixtures for the simulator tests. This folder goes on sys.path for simulator_testkit
(the workspace runs pytest with --import-mode=importlib)."""

import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

sys.path.insert(0, str(Path(__file__).resolve().parent))

from duo_simulator.contract import DuoContract, spec_dir_or_reason
from duo_simulator.main import create_app
from simulator_testkit import DUO_OIN, VANDAAG, Duo


@pytest.fixture(scope="session")
def contract() -> DuoContract:
    folder, reden = spec_dir_or_reason()
    if folder is None:
        pytest.skip(reden)
    return DuoContract(folder)


@pytest.fixture
def app():
    return create_app(duo_oin=DUO_OIN)


@pytest.fixture(scope="session")
def contract_indien_aanwezig() -> DuoContract | None:
    """DUO's documents when present: the simulator's behaviour is tested either way,
    the contract only with them."""
    folder, _ = spec_dir_or_reason()
    return DuoContract(folder) if folder else None


@pytest.fixture
def duo(app, contract_indien_aanwezig) -> Iterator[Duo]:
    with TestClient(app) as client:
        client.put("/simulator/vandaag", json={"datum": VANDAAG})
        yield Duo(client, contract_indien_aanwezig)
