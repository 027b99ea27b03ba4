-- Feature flags per tenant and environment, the tenant's segments, and the API keys that evaluate them.

-- Every version of a flag, a segment and an environment's flag set is drawn from this one sequence, so a
-- version is never used twice: a flag deleted and created again never matches an ETag of the old one.
create sequence flag_versions;

-- Each environment's flag set: its version grows with every change of one of its flags and of any segment
-- of the tenant. Writers of an environment update this row first, so their changes commit one at a time in
-- version order; evaluations keep the set in memory and compare versions.
create table flag_sets (
    tenant_id   uuid        not null,
    environment text        not null,
    version     bigint      not null,
    changed_at  timestamptz not null,
    primary key (tenant_id, environment)
);

create table flags (
    tenant_id    uuid        not null,
    environment  text        not null,
    key          text        not null,
    -- The definition as written (type, variants, default, switch, rules, metadata, description).
    definition   jsonb       not null,
    -- The segments its rules name: a segment in use cannot be deleted.
    segment_keys text[]      not null,
    version      bigint      not null,
    created_at   timestamptz not null,
    created_by   text        not null,
    updated_at   timestamptz not null,
    updated_by   text        not null,
    primary key (tenant_id, environment, key)
);

-- Segments belong to the tenant, for the flags of every environment.
create table segments (
    tenant_id  uuid        not null,
    key        text        not null,
    definition jsonb       not null,
    version    bigint      not null,
    created_at timestamptz not null,
    created_by text        not null,
    updated_at timestamptz not null,
    updated_by text        not null,
    primary key (tenant_id, key)
);

-- Keys that evaluate one tenant's flags of one environment over OFREP. Only a SHA-256 digest of the
-- secret is kept; the secret itself is shown once, when the key is created.
create table api_keys (
    id          uuid primary key,
    tenant_id   uuid        not null,
    name        text        not null,
    environment text        not null,
    key_hash    bytea       not null,
    -- The first characters of the secret, to tell keys apart in lists.
    prefix      text        not null,
    created_at  timestamptz not null,
    created_by  text        not null,
    revoked_at  timestamptz,
    revoked_by  text
);

create index api_keys_tenant_id on api_keys (tenant_id, id);
-- Authentication finds a key by its digest alone: the key is what names the tenant.
create unique index api_keys_key_hash on api_keys (key_hash);
