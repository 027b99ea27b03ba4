-- A tenant's public status page: opt-in, reached by its slug without a token, showing the tenant's targets of the
-- groups it names (all of them when none) and, if it says so, the suite's own services.

create table health.status_pages (
    tenant_id        uuid        primary key,
    slug             text        not null unique,
    title            text        not null,
    enabled          boolean     not null,
    groups           text[]      not null default '{}',
    include_platform boolean     not null default false,
    created_at       timestamptz not null,
    updated_at       timestamptz not null,
    version          integer     not null default 1
);
