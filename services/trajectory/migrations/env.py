import trajectory_service.main  # noqa: F401  (imports every model onto the metadata)
from alembic import context
from inburgering_shared.migrations import run_alembic
from trajectory_service.config import Settings
from trajectory_service.db import metadata

run_alembic(context, metadata, Settings().database_url)
