#!/usr/bin/env bash
# Runs once, on the primary's first start (docker-entrypoint-initdb.d): the app's least-privilege
# role and the replication role. The owner (POSTGRES_USER) migrates; the app role gets its grants
# from the registry's own start (see docs/deployment.md).
set -euo pipefail
psql -v ON_ERROR_STOP=1 --username "$POSTGRES_USER" --dbname "$POSTGRES_DB" <<SQL
CREATE ROLE registry_app LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE PASSWORD '${REGISTRY_APP_PASSWORD}';
CREATE ROLE replicator LOGIN REPLICATION PASSWORD '${REPLICATION_PASSWORD}';
SQL
echo "host replication replicator all scram-sha-256" >> "$PGDATA/pg_hba.conf"
