import pip_service.main  # noqa: F401  (imports every model onto the metadata)
from alembic import context
from inburgering_shared.migrations import run_alembic
from pip_service.config import Settings
from pip_service.db import metadata

run_alembic(context, metadata, Settings().database_url)
