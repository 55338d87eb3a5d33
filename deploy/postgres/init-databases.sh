#!/bin/sh
# One database per service (each service owns its data), created on the first start of the volume.
set -eu
for database in intake pip trajectory reporting scheduler; do
  psql -v ON_ERROR_STOP=1 --username "$POSTGRES_USER" --dbname postgres \
    -c "CREATE DATABASE \"$database\" OWNER \"$POSTGRES_USER\""
done
