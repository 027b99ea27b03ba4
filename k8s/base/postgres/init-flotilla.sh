#!/usr/bin/env bash
# First start of the data directory only (docker-entrypoint-initdb.d): the login role the
# services use, which is not a superuser, and the extensions every service's schema may use,
# created once in `public`. Keep the list in step with local-postgres (LocalPostgres.EXTENSIONS).
set -euo pipefail

psql -v ON_ERROR_STOP=1 --no-psqlrc --username "$POSTGRES_USER" --dbname "$POSTGRES_DB" \
    --set=app_user="$FLOTILLA_DB_USER" --set=app_password="$FLOTILLA_DB_PASSWORD" \
    --set=db="$POSTGRES_DB" <<'SQL'
SELECT NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = :'app_user') AS create_role \gset
\if :create_role
CREATE ROLE :"app_user" LOGIN PASSWORD :'app_password';
\endif
-- Flyway creates each service's schema (quarkus.flyway.create-schemas) and owns it.
GRANT CONNECT, CREATE, TEMPORARY ON DATABASE :"db" TO :"app_user";

CREATE EXTENSION IF NOT EXISTS pg_trgm WITH SCHEMA public;
CREATE EXTENSION IF NOT EXISTS unaccent WITH SCHEMA public;
CREATE EXTENSION IF NOT EXISTS pgcrypto WITH SCHEMA public;
CREATE EXTENSION IF NOT EXISTS btree_gin WITH SCHEMA public;
CREATE EXTENSION IF NOT EXISTS citext WITH SCHEMA public;
SQL
