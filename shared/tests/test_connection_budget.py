"""A process's PostgreSQL connections (`<PREFIX>DATABASE_CONNECTIONS`), spent as db.ConnectionBudget says."""

import pytest
from inburgering_shared.db import ConnectionBudget, make_engine
from inburgering_shared.settings import ServiceSettings
from pydantic import ValidationError


def test_the_default_is_the_measured_sizing() -> None:
    budget = ConnectionBudget()
    assert (budget.turns, budget.threads, budget.pool_size, budget.overflow, budget.reads) == (
        10,
        10,
        20,
        10,
        10,
    )


def test_a_budget_spends_exactly_its_connections_with_no_more_turns_than_threads() -> None:
    for connections in range(4, 201):
        budget = ConnectionBudget(connections)
        assert budget.pool_size + budget.overflow + budget.reads == connections
        assert 1 <= budget.turns == budget.threads == budget.reads
        assert budget.pool_size == budget.turns + budget.threads and budget.overflow >= 1


def test_fewer_than_one_turn_is_refused_before_anything_starts() -> None:
    with pytest.raises(ValueError, match="at least 4"):
        ConnectionBudget(3)
    with pytest.raises(ValidationError, match="database_connections"):
        ServiceSettings(database_url="sqlite://", port=8000, database_connections=3)


def test_the_budget_sizes_sqlalchemys_pool() -> None:
    engine = make_engine("postgresql+psycopg://nobody@127.0.0.1:1/none", ConnectionBudget(8))
    assert (engine.pool.size(), engine.pool._max_overflow) == (4, 2)  # type: ignore[attr-defined]
    engine.dispose()
