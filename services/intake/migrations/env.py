import intake_service.main  # noqa: F401  (imports every model onto the metadata)
from alembic import context
from inburgering_shared.migrations import run_alembic
from intake_service.config import Settings
from intake_service.db import metadata

run_alembic(context, metadata, Settings().database_url)
