"""A throw-away PostgreSQL database per run: created empty, dropped afterwards."""

from __future__ import annotations

import os
from collections.abc import Iterator
from contextlib import contextmanager

from inburgering_shared.testing import normalise_postgres_url
from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url


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
