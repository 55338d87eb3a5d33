"""A throw-away PostgreSQL database per run: created empty, dropped afterwards."""

from __future__ import annotations

import os
from collections.abc import Iterator
from contextlib import contextmanager

from inburgering_shared.db import DATABASE_CONNECTIONS
from inburgering_shared.testing import normalise_postgres_url
from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url

# Connections the bench keeps for itself beside the services': the data generator, the scenarios'
# setup reads, the scripts' throw-away databases.
BENCH_CONNECTIONS = 10


def server_url(url: str) -> str:
    """The URL of the server's maintenance database `postgres`, from any URL on that server."""
    return normalise_postgres_url(
        make_url(url).set(database="postgres").render_as_string(hide_password=False)
    )


@contextmanager
def throwaway_database(url: str, name: str) -> Iterator[str]:
    """Create database `name` on the server of `url`, yield its URL, drop it (also on failure)."""
    admin = create_engine(server_url(url), isolation_level="AUTOCOMMIT")
    with admin.connect() as connection:
        connection.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        connection.execute(text(f'CREATE DATABASE "{name}"'))
    try:
        yield make_url(server_url(url)).set(database=name).render_as_string(hide_password=False)
    finally:
        if not os.environ.get("BENCH_KEEP_DATABASE"):
            with admin.connect() as connection:
                connection.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin.dispose()


def connections_per_process(url: str, processes: int) -> int:
    """The connections each of `processes` service processes may open (`<PREFIX>DATABASE_CONNECTIONS`)
    so that all of them and the bench's own fit under the server's max_connections."""
    engine = create_engine(server_url(url))
    with engine.connect() as connection:
        limit = int(connection.execute(text("SHOW max_connections")).scalar_one())
        reserved = int(connection.execute(text("SHOW superuser_reserved_connections")).scalar_one())
    engine.dispose()
    share = (limit - reserved - BENCH_CONNECTIONS) // processes
    if share < 4:
        raise SystemExit(
            f"PostgreSQL's max_connections {limit} leaves {share} connections for each of {processes} "
            "service processes, fewer than the 4 one needs: raise max_connections or use fewer --workers"
        )
    return min(DATABASE_CONNECTIONS, share)
