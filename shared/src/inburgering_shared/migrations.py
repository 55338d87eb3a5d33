"""Alembic plumbing every service's `migrations/env.py` calls.

The database URL comes from the Alembic config (`sqlalchemy.url`, set by tests
and tools) or else from the service's settings. SQLite gets batch mode so that
ALTER TABLE works there too: one set of migrations for both databases.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import MetaData, pool

from .db import make_engine


def run_alembic(context: Any, metadata: MetaData, default_url: str) -> None:
    url = context.config.get_main_option("sqlalchemy.url") or default_url
    is_sqlite = url.startswith("sqlite")
    if context.is_offline_mode():
        context.configure(url=url, target_metadata=metadata, literal_binds=True, render_as_batch=is_sqlite)
        with context.begin_transaction():
            context.run_migrations()
        return
    engine = make_engine(url, poolclass=pool.NullPool)
    with engine.connect() as connection:
        context.configure(
            connection=connection, target_metadata=metadata, render_as_batch=is_sqlite, compare_type=True
        )
        with context.begin_transaction():
            context.run_migrations()
    engine.dispose()


def upgrade(alembic_ini: str, url: str, revision: str = "head") -> None:
    """Run a service's migrations programmatically (tests, `make run`)."""
    from alembic import command
    from alembic.config import Config

    config = Config(alembic_ini)
    config.set_main_option("sqlalchemy.url", url.replace("%", "%%"))
    command.upgrade(config, revision)
