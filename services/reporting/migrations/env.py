import reporting_service.main  # noqa: F401  (imports every model onto the metadata)
from alembic import context
from inburgering_shared.migrations import run_alembic
from reporting_service.config import Settings
from reporting_service.db import metadata

run_alembic(context, metadata, Settings().database_url)
